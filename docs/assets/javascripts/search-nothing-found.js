// When the search finds nothing, it says so in the page's language and offers the two pages that always help.
//
// Material says only "No matching documents". This script replaces that line, when the box holds a query and no
// result is listed, with "Nothing found for “…”." and links to the troubleshooting page and the contact page of the
// reader's language (found from Material's own `base`, which points at the language's home). It makes no request.
(function () {
  "use strict";

  var WORDS = {
    en: { none: "Nothing found for “%s”.", then: "Try", trouble: "If something goes wrong", or: "or",
          contact: "Contact CHSI" },
    zh: { none: "没有找到“%s”。", then: "请看", trouble: "常见问题", or: "或", contact: "联系学信网" }
  };
  var PAGES = { trouble: "troubleshooting/", contact: "contact/" };

  function language() {
    return (document.documentElement.getAttribute("lang") || "").indexOf("zh") === 0 ? "zh" : "en";
  }

  function home() {
    var config = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(config.textContent).base || "."; } catch (e) { base = "."; }
    return new URL(base.replace(/\/?$/, "/"), document.baseURI);
  }

  function link(key, words) {
    var a = document.createElement("a");
    a.href = new URL(PAGES[key], home()).href;
    a.textContent = words[key];
    return a;
  }

  function render(meta, query) {
    var words = WORDS[language()];
    meta.textContent = "";
    meta.setAttribute("data-guide-none", query);
    var line = document.createElement("span");
    line.textContent = words.none.replace("%s", query);
    meta.appendChild(line);
    var gap = language() === "zh" ? "" : " "; // Chinese sets no spaces between words
    meta.appendChild(document.createTextNode(gap + words.then + gap));
    meta.appendChild(link("trouble", words));
    meta.appendChild(document.createTextNode(gap + words.or + gap));
    meta.appendChild(link("contact", words));
    meta.appendChild(document.createTextNode(language() === "zh" ? "。" : "."));
  }

  function check() {
    var box = document.querySelector("input.md-search__input");
    var meta = document.querySelector(".md-search-result__meta");
    var list = document.querySelector(".md-search-result__list");
    if (!box || !meta || !list) return;
    var query = box.value.trim();
    if (!query || list.children.length) return;
    if (meta.getAttribute("data-guide-none") === query && meta.querySelector("a")) return;
    var none = (JSON.parse(document.getElementById("__config").textContent).translations || {})["search.result.none"];
    if (none && meta.textContent.trim() !== none) return; // still searching, or Material's placeholder
    render(meta, query);
  }

  function start() {
    var meta = document.querySelector(".md-search-result__meta");
    if (!meta || !window.MutationObserver) return;
    new MutationObserver(check).observe(meta, { childList: true, characterData: true, subtree: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
