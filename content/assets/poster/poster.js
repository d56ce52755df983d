// The "Cetak" button of a poster page: a script file, because the page's Content-Security-Policy
// allows no inline script (onclick="..."). WeasyPrint, which prints the PDFs, ignores scripts.
document.addEventListener("DOMContentLoaded", function () {
  var button = document.querySelector("[data-cetak]");
  if (button) button.addEventListener("click", function () { window.print(); });
});
