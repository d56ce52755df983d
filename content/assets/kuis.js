/* Self-check quiz (pelatihan/<id>/kuis/): check an answer in place, show its basis, keep the score;
   at the end, the questions missed with their provisions, "ulangi", and a printable certificate.
   Without this script each question still works: the answer and its basis are in a <details>.
   Nothing is sent anywhere. Progress (which option was chosen first, per question) is kept in this
   browser's localStorage only, under the quiz's key and version, and removed on request. The name
   typed for the certificate is never stored: it lives in the input and the printed page only.
   Every text shown comes from the page (data-* attributes and its own elements). */
(function () {
  "use strict";
  var quiz = document.querySelector("[data-kuis]");
  if (!quiz) return;
  var score = quiz.querySelector("[data-skor]");
  var forms = Array.prototype.slice.call(quiz.querySelectorAll(".ke-kuis__form"));
  var key = quiz.dataset.simpan;
  var version = quiz.dataset.versi;
  var results = {};  // question index -> the option chosen first (string)

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(key) || "null");
      return saved && saved.versi === version && saved.jawaban ? saved.jawaban : {};
    } catch (e) {
      return {};  // storage blocked or a damaged entry: start afresh
    }
  }

  function save() {
    try {
      window.localStorage.setItem(key, JSON.stringify({ versi: version, jawaban: results }));
    } catch (e) { /* storage blocked: progress lasts until the page is left */ }
  }

  function forget() {
    try { window.localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
  }

  function rightCount() {
    return Object.keys(results).filter(function (i) { return results[i] === forms[i].dataset.benar; }).length;
  }

  function show(form, chosen) {
    var right = chosen.value === form.dataset.benar;
    var feedback = form.querySelector(".ke-kuis__umpan");
    form.querySelectorAll(".ke-kuis__pilihan").forEach(function (option) {
      var input = option.querySelector("input");
      option.classList.toggle("ke-kuis__pilihan--benar", input.value === form.dataset.benar);
      option.classList.toggle("ke-kuis__pilihan--salah", input === chosen && !right);
    });
    feedback.textContent = right ? feedback.dataset.benarTeks : feedback.dataset.salahTeks;
    feedback.className = "ke-kuis__umpan " + (right ? "ke-kuis__umpan--benar" : "ke-kuis__umpan--salah");
    form.querySelector(".ke-kuis__kunci").open = true;  // the right answer, its provisions and why
  }

  function update() {
    var answered = Object.keys(results).length;
    score.hidden = answered === 0;
    score.textContent = "Terjawab " + answered + " dari " + forms.length + " soal; benar " + rightCount() + ".";
    var done = answered === forms.length && forms.length > 0;
    var end = quiz.querySelector("[data-hasil]");
    end.hidden = !done;
    if (!done) return;
    end.querySelector("[data-hasil-skor]").textContent =
      "Anda menjawab benar " + rightCount() + " dari " + forms.length + " soal.";
    var list = end.querySelector("[data-hasil-daftar]");
    list.textContent = "";
    forms.forEach(function (form, i) {
      if (results[i] === form.dataset.benar) return;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + form.closest(".ke-kuis__soal").id;
      link.textContent = form.querySelector(".ke-kuis__nomor").textContent.replace(/\.$/, "");
      item.appendChild(link);
      if (form.dataset.dasar) item.appendChild(document.createTextNode(": " + form.dataset.dasar));
      list.appendChild(item);
    });
    end.querySelector("[data-hasil-salah]").hidden = list.children.length === 0;
  }

  forms.forEach(function (form, index) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = form.querySelector("input[type=radio]:checked");
      var feedback = form.querySelector(".ke-kuis__umpan");
      if (!chosen) {
        feedback.textContent = feedback.dataset.kosongTeks;
        feedback.className = "ke-kuis__umpan";
        return;
      }
      show(form, chosen);
      if (!(index in results)) {  // the first answer counts
        results[index] = chosen.value;
        save();
      }
      update();
    });
  });

  function reset() {
    results = {};
    forget();
    forms.forEach(function (form) {
      form.reset();
      form.querySelectorAll(".ke-kuis__pilihan").forEach(function (option) {
        option.classList.remove("ke-kuis__pilihan--benar", "ke-kuis__pilihan--salah");
      });
      var feedback = form.querySelector(".ke-kuis__umpan");
      feedback.textContent = "";
      feedback.className = "ke-kuis__umpan";
      form.querySelector(".ke-kuis__kunci").open = false;
    });
    update();
  }

  quiz.querySelector("[data-ulangi]").addEventListener("click", function () {
    reset();
    forms[0].scrollIntoView();
    forms[0].querySelector("input").focus();
  });
  quiz.querySelector("[data-hapus]").addEventListener("click", reset);

  // The certificate: filled from the typed name and the score, printed, then emptied again.
  var certificate = quiz.querySelector("[data-sertifikat]");
  var nameInput = quiz.querySelector("[data-sertifikat-nama]");
  quiz.querySelector("[data-sertifikat-cetak]").addEventListener("click", function () {
    var name = nameInput.value.trim();
    if (!name) {
      nameInput.focus();
      return;
    }
    certificate.querySelector("[data-sertifikat-isi-nama]").textContent = name;
    certificate.querySelector("[data-sertifikat-skor]").textContent = rightCount() + " dari " + forms.length;
    certificate.querySelector("[data-sertifikat-tanggal]").textContent =
      new Date().toLocaleDateString("id-ID", { day: "numeric", month: "long", year: "numeric" });
    certificate.hidden = false;
    document.body.appendChild(certificate);  // a child of <body>: the print style hides its siblings
    document.documentElement.classList.add("ke-cetak-sertifikat");
    window.print();
  });
  window.addEventListener("afterprint", function () {
    document.documentElement.classList.remove("ke-cetak-sertifikat");
    certificate.hidden = true;
    certificate.querySelector("[data-sertifikat-isi-nama]").textContent = "";
  });

  // Progress kept from an earlier visit.
  var saved = load();
  Object.keys(saved).forEach(function (i) {
    var form = forms[i];
    var input = form && form.querySelector('input[value="' + String(saved[i]).replace(/[^0-9]/g, "") + '"]');
    if (!input) return;
    input.checked = true;
    results[i] = input.value;
    show(form, input);
  });
  update();
})();
