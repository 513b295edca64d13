// Copy buttons for Chinese texts a student must type or look for (guide/rendering/copy_buttons.py writes them, hidden).
//
// A student without a Chinese input method taps the button after 北京大学 and pastes it into CHSI's form. This
// script shows the buttons (without it they stay hidden: no button that does nothing), copies the button's
// data-copy text on a tap or a key press, and says "Copied" on the button and to screen readers (a polite live
// region). It stores nothing and makes no request. Where the Clipboard API is refused (an older browser, a page
// not served over HTTPS), it falls back to selecting the text in a hidden field and copying that.
(function () {
  "use strict";

  var DONE = { en: "Copied", zh: "已复制" };
  var FAILED = { en: "Select and copy it yourself", zh: "请手动选择并复制" };

  function language() {
    return (document.documentElement.getAttribute("lang") || "").indexOf("zh") === 0 ? "zh" : "en";
  }

  function fallbackCopy(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(field);
    return ok;
  }

  function start() {
    var buttons = document.querySelectorAll("button.copy-text[data-copy]");
    if (!buttons.length) return;
    var lang = language();
    var status = document.createElement("span");
    status.className = "copy-text-status";
    status.setAttribute("role", "status");
    document.body.appendChild(status);

    Array.prototype.forEach.call(buttons, function (button) {
      var shown = button.textContent;
      var timer = null;
      function report(ok) {
        var message = ok ? DONE[lang] : FAILED[lang];
        button.textContent = ok ? DONE[lang] : shown;
        button.setAttribute("data-copied", ok ? "true" : "false");
        status.textContent = ok ? message + ": " + button.getAttribute("data-copy") : message;
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
          button.textContent = shown;
          button.removeAttribute("data-copied");
        }, 2000);
      }
      button.addEventListener("click", function () {
        var text = button.getAttribute("data-copy");
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(function () { report(true); },
                                                   function () { report(fallbackCopy(text)); });
        } else {
          report(fallbackCopy(text));
        }
      });
      button.hidden = false;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
