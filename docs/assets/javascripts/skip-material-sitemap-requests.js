// Fails Material's sitemap look-ups at once, without touching the network. This is the one patch of a browser
// built-in (XMLHttpRequest) in the guide, and it stays because nothing else can stop those requests:
// - Material 9.8 takes every <link rel="alternate"> in the page's <head> and, as soon as the page is parsed (not when
//   the switcher is clicked), fetches <that address>/sitemap.xml with XMLHttpRequest to map pages between languages.
//   No theme setting turns this off, and it reads the links with the selector link[rel=alternate], so no template
//   block can hide them from it while search engines still see them (they need them: hreflang, overrides/main.html).
// - mkdocs-static-i18n writes per-page alternates, so those addresses (/en/register/sitemap.xml ...) never exist:
//   every page view made two or three requests that 404, each logged as a console error.
// - Nothing needs the answer: the switcher's links already lead to the same page (language-switcher.js), and a
//   failed look-up leaves Material as it is offline.
// Loaded in <head> (overrides/main.html), before Material's bundle. tests/test_browser_sitemap_requests.py loads a
// page with this file blocked and sees the 404s and console errors come back.
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.chsiGuideSkip = /\/sitemap\.xml$/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!this.chsiGuideSkip) return send.apply(this, arguments);
    var request = this;
    window.setTimeout(function () { request.dispatchEvent(new Event("error")); }, 0);
  };
})();
