// The bare site address serves Chinese. A visitor whose browser prefers no Chinese is taken to the English home
// page once; the choice is remembered, and choosing a language in the switcher (language-switcher.js) replaces it,
// so a reader who switches back to Chinese stays there. Without JavaScript the Chinese page simply stays.
// overrides/main.html loads this file on the Chinese home page only, in <head>, so the redirect happens before the
// page paints; the English home page's address comes in data-alternate-en, relative to the page.
(function () {
  "use strict";
  var KEY = "chsi-guide.language"; // written by language-switcher.js too
  var script = document.currentScript;

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

  var choice = remembered();
  if (choice === null) {
    choice = prefersChinese() ? "zh" : "en";
    remember(choice);
  }
  // Relative to this page: the <link rel="alternate"> addresses are absolute (site_url) for search engines, and a
  // copy served at another address must still route within itself.
  var english = script.getAttribute("data-alternate-en");
  if (choice === "en" && english) {
    window.location.replace(new URL(english, window.location.href).href + window.location.search + window.location.hash);
  }
})();
