// The line under a page's title, "Checked against CHSI on 6 December 2026" (guide/rendering/checked_line.py writes
// it from includes/checked.yml), once its data-review-by day has come in Beijing: it then says CHSI may have changed
// since and links to the contact page, in the words its data-overdue-* attributes hold in the page's language. The
// build cannot know when the site is read; the reader's clock can. Without scripts the plain line stays.
(function () {
  "use strict";
  var line = document.querySelector(".guide-checked[data-review-by]");
  if (!line) return;
  var due = Date.parse(line.getAttribute("data-review-by") + "T00:00:00+08:00");
  if (isNaN(due) || Date.now() < due) return;
  var parts = [document.createTextNode(line.getAttribute("data-overdue-before") || "")];
  var href = line.getAttribute("data-overdue-href");
  if (href) {
    var link = document.createElement("a");
    link.href = href;
    link.textContent = line.getAttribute("data-overdue-link") || "";
    parts.push(link, document.createTextNode(line.getAttribute("data-overdue-after") || ""));
  }
  line.textContent = "";
  parts.forEach(function (part) { line.appendChild(part); });
  line.classList.add("guide-checked--overdue");
})();
