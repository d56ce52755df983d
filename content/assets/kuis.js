/* Self-check quiz (pelatihan/<id>/kuis/): check an answer in place, show its basis, keep the score.
   Without this script each question still works: the answer and its basis are in a <details>.
   Nothing is sent anywhere; every text shown comes from the page (data-*-teks attributes). */
(function () {
  "use strict";
  var quiz = document.querySelector("[data-kuis]");
  if (!quiz) return;
  var score = quiz.querySelector("[data-skor]");
  var forms = Array.prototype.slice.call(quiz.querySelectorAll(".ke-kuis__form"));
  var results = {};

  function updateScore() {
    var answered = Object.keys(results).length;
    var right = Object.keys(results).filter(function (k) { return results[k]; }).length;
    score.hidden = false;
    score.textContent = "Terjawab " + answered + " dari " + forms.length + " soal; benar " + right + ".";
  }

  forms.forEach(function (form, index) {
    var feedback = form.querySelector(".ke-kuis__umpan");
    var details = form.querySelector(".ke-kuis__kunci");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = form.querySelector("input[type=radio]:checked");
      if (!chosen) {
        feedback.textContent = feedback.dataset.kosongTeks;
        feedback.className = "ke-kuis__umpan";
        return;
      }
      var right = chosen.value === form.dataset.benar;
      form.querySelectorAll(".ke-kuis__pilihan").forEach(function (option) {
        var input = option.querySelector("input");
        option.classList.toggle("ke-kuis__pilihan--benar", input.value === form.dataset.benar);
        option.classList.toggle("ke-kuis__pilihan--salah", input === chosen && !right);
      });
      feedback.textContent = right ? feedback.dataset.benarTeks : feedback.dataset.salahTeks;
      feedback.className = "ke-kuis__umpan " + (right ? "ke-kuis__umpan--benar" : "ke-kuis__umpan--salah");
      details.open = true;  // the right answer, cited and linked, and where each other option comes from
      if (!(index in results)) results[index] = right;  // the first answer counts
      updateScore();
    });
  });
})();
