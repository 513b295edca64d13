// The Plan 2 e-mail composer (guide/rendering/mail_composer.py writes the form, hidden, on the locked-out pages).
//
// The student types the items of the e-mail to CHSI; this script writes the e-mail from them: a mailto: link
// (subject and body filled in), the same text for the clipboard, and shown on the page. It sends nothing, stores
// nothing (no cookies, no localStorage or sessionStorage) and makes no request: the e-mail leaves only when the
// student sends it from their own mail app. Without JavaScript the form stays hidden and the page's static link
// and checklist remain.
(function () {
  "use strict";

  function start() {
    var form = document.getElementById("mail-composer");
    if (!form) return;
    var config = JSON.parse(form.getAttribute("data-config"));
    // The items to type, by the name of their box (item-1 ...); the attachments are boxes to tick (attach-5 ...).
    var fields = config.items.filter(function (item) { return !item.attachment; })
      .map(function (item) { return item.name; });
    var open = document.getElementById("mc-open");
    var copy = document.getElementById("mc-copy");
    var status = document.getElementById("mc-status");
    var preview = document.getElementById("mc-preview");

    function input(name) { return document.getElementById("mc-" + name); }
    function fill(template, values) {
      return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
    }

    // The e-mail, line by line: each item in the office's guide's order and words, then the student's value; an
    // attachment says it is attached only once the student has ticked it.
    function lines() {
      var out = [];
      config.items.forEach(function (item) {
        var box = input(item.name);
        var value = item.attachment ? (box.checked ? config.attachment : "") : box.value.trim();
        out.push(item.text + ": " + value);
      });
      out.push("");
      out.push(config.problem + ": " + input("problem").value.trim());
      return out;
    }
    function mailto(body) {
      return "mailto:" + config.address + "?subject=" + encodeURIComponent(config.subject) +
        "&body=" + encodeURIComponent(body.join("\r\n") + "\r\n");
    }
    function text(body) {
      return [config.to + ": " + config.address, config.subjectWord + ": " + config.subject, ""].concat(body).join("\n") + "\n";
    }

    function show(name, message) {
      var error = document.getElementById("mc-" + name + "-error");
      var box = input(name);
      error.textContent = message || "";
      error.hidden = !message;
      if (message) box.setAttribute("aria-invalid", "true"); else box.removeAttribute("aria-invalid");
    }
    // Every field checked; the first problem gets the focus. No rule about passport formats is invented.
    function check() {
      var first = null;
      fields.concat(["problem"]).forEach(function (name) {
        var value = input(name).value;
        var what = config.what[name];
        var message = "";
        // One-line fields are <input>s: the browser itself drops line breaks typed or pasted into them.
        if (!value.trim()) message = fill(config.messages.empty, {what: what});
        show(name, message);
        if (message && !first) first = input(name);
      });
      return first;
    }
    function unticked() {
      var missing = [];
      form.querySelectorAll("input[type=checkbox][data-item]").forEach(function (box) {
        if (!box.checked) missing.push(box.getAttribute("data-item"));
      });
      return missing;
    }
    function update() {
      var body = lines();
      preview.value = text(body);
      open.href = mailto(body);
    }

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    open.addEventListener("click", function (event) {
      update();
      var problem = check();
      if (problem) {
        event.preventDefault();
        status.textContent = "";
        problem.focus();
        return;
      }
      if (open.href.length > config.maxMailto) {
        event.preventDefault();
        status.textContent = config.messages.long;
        return;
      }
      var missing = unticked();
      status.textContent = missing.length ? fill(config.messages.unticked, {items: missing.join(", ")})
                                          : config.messages.ready;
    });

    copy.addEventListener("click", function () {
      update();
      var problem = check();
      if (problem) { status.textContent = ""; problem.focus(); return; }
      function copied() { status.textContent = config.messages.copied; }
      function fallback() {
        document.getElementById("mc-preview-box").open = true;
        preview.focus();
        preview.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        status.textContent = ok ? config.messages.copied : config.messages.copy_failed;
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(preview.value).then(copied, fallback);
      } else {
        fallback();
      }
    });

    // A tick says a file is ready in this visit: none is kept from an earlier one (the form is autocomplete="off"
    // for browsers that restore boxes on Back or reload; this clears any that did). A page shown again from the
    // back/forward cache keeps what the student did, and its e-mail is written again from it.
    form.querySelectorAll("input[type=checkbox][data-item]").forEach(function (box) { box.checked = false; });
    window.addEventListener("pageshow", function (event) { if (event.persisted) update(); });
    update();
    form.hidden = false;
    // The composer replaces the static checklist and the steps for the static link, which stay without
    // JavaScript and in the PDFs: everything between the section's first paragraph and the form. Printed from a
    // browser, they come back (print.css), since the form is not printed.
    for (var node = form.previousElementSibling; node && !/^H[1-6]$/.test(node.tagName); node = node.previousElementSibling) {
      var previous = node.previousElementSibling;
      if (previous && /^H[1-6]$/.test(previous.tagName)) break;
      node.classList.add("mail-static");
      node.hidden = true;
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
