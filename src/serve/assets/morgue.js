// morgue serve: small conveniences on top of pages that work without script.
// - "/" puts the cursor in the search box (as on many sites), Escape leaves it.
// - The search form leaves out its empty fields, so the address stays short
//   (without script the server redirects to that same short address).
"use strict";

document.addEventListener("keydown", function (event) {
  var box = document.getElementById("q");
  if (!box || event.ctrlKey || event.metaKey || event.altKey) {
    return;
  }
  var target = event.target;
  var typing = target && (target.tagName === "INPUT" || target.tagName === "SELECT" ||
    target.tagName === "TEXTAREA" || target.isContentEditable);
  if (event.key === "/" && !typing) {
    event.preventDefault();
    box.focus();
    box.select();
  } else if (event.key === "Escape" && target === box) {
    box.blur();
  }
});

document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("search");
  if (!form) {
    return;
  }
  form.addEventListener("submit", function () {
    var fields = form.querySelectorAll("input[name], select[name]");
    for (var i = 0; i < fields.length; i++) {
      var field = fields[i];
      var empty = field.type === "checkbox" ? !field.checked : field.value.trim() === "";
      if (empty) {
        field.disabled = true;
      }
    }
  });
  // Fields disabled above come back when the page is shown again from history.
  window.addEventListener("pageshow", function () {
    var fields = form.querySelectorAll("[disabled]");
    for (var i = 0; i < fields.length; i++) {
      fields[i].disabled = false;
    }
  });
});
