// The search loads nothing until the reader opens it: no search index, no search worker on a page view.
//
// Material starts its search worker and downloads the search index (search/search_index.json) as soon as a page
// loads, whether or not the reader ever searches: on a phone that is a third of what a page costs. Material has no
// setting for this (it waits only for pages opened from a file), so this script, written into every page's <head>
// at build time, before Material's bundle (INLINE in guide/outputs/script_bundle.py; overrides/main.html leaves its
// place), holds both back until the reader opens the search (taps the search icon or the box, or presses Material's
// search key):
// - the worker: Material gets a stand-in that keeps its messages; the real worker starts when the search opens and
//   the kept messages go to it, its answers back to Material;
// - the index: Material's request for it is sent when the search opens.
// Nothing else changes: Material's search, its keyboard use and its screen-reader text are its own.
// tests/test_browser_search.py loads a page and sees neither requested until the search is opened.
(function () {
  "use strict";
  var opened = false;
  var waiting = [];

  function open() {
    if (opened) return;
    opened = true;
    var start = waiting;
    waiting = [];
    start.forEach(function (run) { run(); });
  }

  function whenOpen(run) {
    if (opened) run(); else waiting.push(run);
  }

  var RealWorker = window.Worker;
  if (RealWorker && window.EventTarget) {
    window.Worker = function (url, options) {
      if (!/\/workers\/search[^/]*\.js/.test(String(url))) return new RealWorker(url, options);
      var stand = new EventTarget();
      var real = null;
      var kept = [];
      stand.postMessage = function (message) {
        if (real) real.postMessage(message); else kept.push(message);
      };
      stand.terminate = function () { if (real) real.terminate(); waiting = []; };
      whenOpen(function () {
        real = new RealWorker(url, options);
        real.addEventListener("message", function (event) {
          stand.dispatchEvent(new MessageEvent("message", { data: event.data }));
        });
        real.addEventListener("error", function () { stand.dispatchEvent(new Event("error")); });
        kept.forEach(function (message) { real.postMessage(message); });
        kept = [];
      });
      return stand;
    };
    window.Worker.prototype = RealWorker.prototype;
  }

  var xhrOpen = XMLHttpRequest.prototype.open;
  var xhrSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.chsiGuideIndex = /\/search\/search_index\.json$/.test(String(url));
    return xhrOpen.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.chsiGuideIndex) return xhrSend.apply(request, args);
    whenOpen(function () { xhrSend.apply(request, args); });
  };

  function isSearch(target) {
    return target && target.closest && target.closest(".md-search, label[for='__search']");
  }

  document.addEventListener("focusin", function (event) { if (isSearch(event.target)) open(); });
  document.addEventListener("pointerdown", function (event) { if (isSearch(event.target)) open(); });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) open();
  });
})();
