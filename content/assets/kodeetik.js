// Copy a provision's link or citation. Buttons are hidden in the HTML and shown only where the
// Clipboard API exists, so readers without JavaScript still have the visible "#" permalink.
(function () {
  "use strict";
  function flash(button, text) {
    var old = button.textContent;
    button.textContent = text;
    window.setTimeout(function () { button.textContent = old; }, 1500);
  }
  function setup() {
    if (!navigator.clipboard) return;
    document.querySelectorAll("button.ke-copy").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var value;
        if (button.dataset.copy === "link") {
          value = location.href.split("#")[0] + "#" + button.dataset.target;
        } else {
          value = button.dataset.cite;
        }
        navigator.clipboard.writeText(value).then(
          function () { flash(button, "Tersalin"); },
          function () { flash(button, "Gagal menyalin"); }
        );
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();

// Wide tables scroll inside their own box (the theme's scrollwrap), which a phone does not show:
// a line above each table that is wider than its box says so, and goes when the table fits.
(function () {
  "use strict";
  function update() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var hint = wrap.previousElementSibling;
      if (!hint || !hint.classList.contains("ke-scrollhint")) {
        hint = document.createElement("p");
        hint.className = "ke-scrollhint";
        hint.textContent = "Tabel ini lebih lebar dari layar: geser ke samping untuk melihat semua kolom \u2192";
        wrap.parentNode.insertBefore(hint, wrap);
      }
      hint.hidden = wrap.scrollWidth <= wrap.clientWidth + 1;
    });
  }
  var pending = null;
  function later() {
    window.cancelAnimationFrame(pending);
    pending = window.requestAnimationFrame(update);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", update);
  else update();
  window.addEventListener("load", update);
  window.addEventListener("resize", later);
})();
