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
