// Language routing and the language switcher, on every page (loaded in <head>).
//
// 1. The bare site address serves Chinese. A visitor whose browser prefers no Chinese is taken to the English
//    home page; the choice is remembered, and choosing a language in the switcher replaces it, so a reader
//    who switches back to Chinese stays there. Without JavaScript the Chinese page simply stays.
// 2. The switcher leads to the same page in the other language and keeps the #anchor (both languages use the
//    same heading ids). Handling the click here also spares Material's switcher its sitemap request, which
//    404s for /en/ under mkdocs-static-i18n.
// 3. Material 9.8 takes every <link rel="alternate"> for a language root and fetches <href>/sitemap.xml to map
//    pages between languages. mkdocs-static-i18n writes per-page alternates, so each page view made three
//    requests that 404 (and logged errors). The switcher is handled here instead, so those requests fail
//    locally, without touching the network; Material falls back to plain links, as it does offline.
// 4. Accessible names that Material's markup lacks (axe and Lighthouse report them), given once the page is parsed:
//    the search dialog (role="dialog" with no name) takes the name of its search box, and each checkbox of a
//    checklist (pymdownx.tasklist wraps it in an empty <label>) takes the text of its list item.
// 5. The page-not-found page shows both languages, its own first (404.html Chinese, en/404.html English). A server
//    that answers every missing address with 404.html (GitHub Pages) shows the Chinese one under the English root
//    too: there English is put first (its first heading then becomes the English one).
(function () {
  "use strict";
  var KEY = "chsi-guide.language";
  var script = document.currentScript;
  var pageLocale = script.getAttribute("data-page-locale");
  var isHomepage = script.getAttribute("data-homepage") === "true";

  function remembered() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function remember(locale) {
    try { window.localStorage.setItem(KEY, locale); } catch (e) { /* private mode: routing just repeats */ }
  }
  function prefersChinese() {
    var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < languages.length; i++) {
      if (/^zh\b/i.test(languages[i])) return true;
    }
    return false;
  }
  function alternate(locale) {
    // From the script tag, relative to this page: the <link rel="alternate"> addresses are absolute (site_url)
    // for search engines, and a copy served at another address must still route within itself.
    var link = script.getAttribute("data-alternate-" + locale);
    return link ? new URL(link, window.location.href).href : null;
  }

  function retag(element, tag) {
    if (element.tagName.toLowerCase() === tag) return;
    var replacement = document.createElement(tag);
    replacement.id = element.id;
    replacement.textContent = element.textContent;
    element.replaceWith(replacement);
  }

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

  document.addEventListener("DOMContentLoaded", function () {
    var dialog = document.querySelector('.md-search[role="dialog"]:not([aria-label])');
    var box = document.querySelector(".md-search__input");
    if (dialog && box) dialog.setAttribute("aria-label", box.getAttribute("aria-label") || box.placeholder);
    var notFound = document.querySelector(".not-found[data-english-root]");
    if (notFound && notFound.firstElementChild.getAttribute("lang") !== "en" &&
        window.location.pathname.indexOf(notFound.getAttribute("data-english-root")) === 0) {
      notFound.insertBefore(notFound.lastElementChild, notFound.firstElementChild);
      var headings = notFound.querySelectorAll("h1, h2");
      retag(headings[0], "h1");
      retag(headings[1], "h2");
    }
    var boxes = document.querySelectorAll(".task-list-item > .task-list-control > input[type=checkbox]");
    for (var i = 0; i < boxes.length; i++) {
      var item = boxes[i].closest(".task-list-item");
      boxes[i].setAttribute("aria-label", item.textContent.replace(/\s+/g, " ").trim());
    }
  });

  if (isHomepage && pageLocale === "zh") {
    var choice = remembered();
    if (choice === null) {
      choice = prefersChinese() ? "zh" : "en";
      remember(choice);
    }
    var english = alternate("en");
    if (choice === "en" && english) {
      window.location.replace(english + window.location.search + window.location.hash);
      return;
    }
  }

  // Capture phase: runs before Material's own switcher handler, which then never sees the click.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".md-select a[hreflang]");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    var locale = link.getAttribute("hreflang");
    remember(locale);
    event.preventDefault();
    event.stopImmediatePropagation();
    var target = new URL(link.href);
    if (!target.hash) target.hash = window.location.hash;
    window.location.href = target.href;
  }, true);
})();
