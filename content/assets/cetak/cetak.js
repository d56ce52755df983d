// The "Cetak" button of a handbook or trainer's sheet: a script file, because the page's
// Content-Security-Policy allows no inline script (onclick="..."). WeasyPrint ignores scripts.
document.addEventListener("DOMContentLoaded", function () {
  var button = document.querySelector("[data-cetak]");
  if (button) button.addEventListener("click", function () { window.print(); });
});
