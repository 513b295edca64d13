// The language switcher leads to the same page in the other language (mkdocs-static-i18n writes its links) and
// here also keeps the #anchor (both languages use the same heading ids) and remembers the choice for the bare
// address: a cookie, chsi_guide_lang=en or zh, for the whole site, which the server's redirect at the bare address
// (deploy/nginx-server.conf) and language-routing.js both put before the browser's languages. It holds nothing else.
// The link itself is followed as usual: this only adds the anchor to its address before.
// Material's own switcher handler would send the reader elsewhere (the alternate's address without its final slash
// or the anchor): the links carry target="_self" (overrides/main.html), which Material's handler leaves alone.
(function () {
  "use strict";
  var YEAR = 365 * 24 * 3600;

  // The site's root path: Material's own scope (the same for every page of every language), else the whole host.
  function sitePath() {
    try { return new URL(window.__md_scope.href).pathname; } catch (e) { return "/"; }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".md-select a[hreflang]");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    var language = link.getAttribute("hreflang");
    if (language === "en" || language === "zh") {
      document.cookie = "chsi_guide_lang=" + language + "; path=" + sitePath() + "; max-age=" + YEAR + "; SameSite=Lax";
    }
    // The address as written, kept aside: a page restored from the back/forward cache must not reuse an old anchor.
    if (!link.hasAttribute("data-plain-href")) link.setAttribute("data-plain-href", link.getAttribute("href"));
    var target = new URL(link.getAttribute("data-plain-href"), window.location.href);
    if (!target.hash) target.hash = window.location.hash;
    link.href = target.href;
  });
})();
