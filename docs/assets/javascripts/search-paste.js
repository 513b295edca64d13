// A query pasted into the search box (long-press, Paste, on a phone) is searched at once.
//
// Material's search reads the box on key presses only, so a pasted query showed nothing until another key was
// pressed. This script listens to the box's `input` event (typing, pasting, dictation, an input method's choice)
// and hands Material the key-up it waits for. It makes no request and changes nothing else.
(function () {
  "use strict";

  document.addEventListener("input", function (event) {
    var box = event.target;
    if (!box || !box.classList || !box.classList.contains("md-search__input")) return;
    if (event.isComposing) return; // a Chinese input method still choosing: Material searches when it is done
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: "Unidentified" }));
  });
})();
