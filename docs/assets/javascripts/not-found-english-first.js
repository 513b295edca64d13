// The page-not-found page shows both languages, its own first (404.html Chinese, en/404.html English; the web
// server picks one by the address, deploy/nginx-server.conf). A host that answers every missing address with the
// one 404.html at its root (GitHub Pages, .github/workflows/deploy.yml) shows the Chinese page under the English
// root too: there this puts English first, and its heading becomes the page's <h1>.
// It runs from the guide's script bundle (guide/outputs/script_bundle.py) on every page and acts only on this one;
// tests/test_browser_not_found.py imitates such a host.
(function () {
  "use strict";
  function retag(element, tag) {
    if (element.tagName.toLowerCase() === tag) return;
    var replacement = document.createElement(tag);
    replacement.id = element.id;
    replacement.textContent = element.textContent;
    element.replaceWith(replacement);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var notFound = document.querySelector(".not-found[data-english-root]");
    if (!notFound || notFound.firstElementChild.getAttribute("lang") === "en" ||
        window.location.pathname.indexOf(notFound.getAttribute("data-english-root")) !== 0) return;
    notFound.insertBefore(notFound.lastElementChild, notFound.firstElementChild);
    var headings = notFound.querySelectorAll("h1, h2");
    retag(headings[0], "h1");
    retag(headings[1], "h2");
  });
})();
