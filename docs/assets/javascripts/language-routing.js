// The bare site address serves Chinese. A reader whose browser puts English before Chinese, or names neither, is
// sent to the English home page; a reader who chose a language in the switcher (a cookie, language-switcher.js) gets
// that one, so a reader who switched back to Chinese stays there. The same rule as the server's redirect
// (deploy/nginx-server.conf), for a host that cannot redirect: written into the Chinese home page's <head> at build
// time (guide/outputs/script_bundle.py), it runs before the page's stylesheets and scripts are fetched. Without
// JavaScript the Chinese page simply stays. The English address comes in data-alternate-en, relative to the page.
(function () {
  "use strict";
  var script = document.currentScript;

  function chosen() {
    var match = /(?:^|;\s*)chsi_guide_lang=(en|zh)(?:;|$)/.exec(document.cookie);
    return match ? match[1] : null;
  }
  // The first of Chinese and English in the browser's languages; English when it names neither.
  function preferred() {
    var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < languages.length; i++) {
      if (/^zh\b/i.test(languages[i])) return "zh";
      if (/^en\b/i.test(languages[i])) return "en";
    }
    return "en";
  }

  var english = script.getAttribute("data-alternate-en");
  if (english && (chosen() || preferred()) === "en") {
    // Stop fetching what the browser's preload scanner has already asked for: the reader leaves this page now.
    window.stop();
    window.location.replace(new URL(english, window.location.href).href + window.location.search + window.location.hash);
  }
})();
