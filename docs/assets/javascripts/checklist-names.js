// Each checkbox of a checklist gets the text of its list item as its name: pymdownx.tasklist wraps it in an empty
// <label>, so screen readers announced a nameless checkbox (axe's rule "label", tests/test_browser_a11y.py).
// overrides/main.html loads this file only on pages that have a checklist.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var boxes = document.querySelectorAll(".task-list-item > .task-list-control > input[type=checkbox]");
    for (var i = 0; i < boxes.length; i++) {
      var item = boxes[i].closest(".task-list-item");
      boxes[i].setAttribute("aria-label", item.textContent.replace(/\s+/g, " ").trim());
    }
  });
})();
