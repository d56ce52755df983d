// The poster maker (poster/buat/): composes a counter poster from the pieces the build rendered
// (the same templates as the built posters) and what the office typed, fits the type to one sheet
// and keeps the choices in the page's address. What is typed goes into the poster as text only
// (textContent), never as HTML, and is never sent anywhere.
(function () {
  "use strict";

  var FIELDS = ["jenis", "kertas", "p", "unit", "alamat", "jam", "jabatan", "kepala", "nip", "aduan", "telp", "wa"];
  var JUDUL = { "budaya-pelayanan": "Budaya Pelayanan", "larangan": "Larangan", "maklumat-pelayanan": "Maklumat Pelayanan" };

  var form, sheet, status, scales, basePt, papers = {};
  var pieces = Object.create(null); // regulation id -> parsed piece (a Document), fetched once
  var fontsLoaded = null; // the poster's own font: measuring before it is in would misjudge the fit
  var run = 0; // each update has a number: a slower earlier fetch never overwrites a later choice

  function slot(root, name) { return root.querySelector('[data-isi="' + name + '"]'); }

  function blank(long) {
    var span = document.createElement("span");
    span.className = "poster__isian" + (long ? " poster__isian--panjang" : "");
    return span;
  }

  // A typed value, or a line to write on by hand.
  function fill(el, value, long) {
    if (!el) return;
    if (value) el.textContent = value;
    else el.replaceChildren(blank(long));
  }

  // Radio groups (a RadioNodeList), the select and text fields all read and set through `value`.
  function values() {
    var out = {};
    FIELDS.forEach(function (name) {
      var el = form.elements[name];
      out[name] = ((el && el.value) || "").trim();
    });
    return out;
  }

  function setValues(params) {
    FIELDS.forEach(function (name) {
      var el = form.elements[name];
      if (!el || !params.has(name)) return;
      var v = params.get(name).slice(0, Number(el.getAttribute && el.getAttribute("maxlength")) || 300);
      el.value = v;
      if (el.tagName === "SELECT" && el.value !== v) el.value = ""; // an id the site does not have
    });
  }

  function keepInAddress(v) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) { if (v[name]) params.set(name, v[name]); });
    history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params : ""));
  }

  function piece(id) {
    if (!id) return Promise.resolve(null);
    if (pieces[id]) return Promise.resolve(pieces[id]);
    var option = Array.prototype.find.call(form.elements.p.options, function (o) { return o.value === id; });
    return fetch(new URL(option.getAttribute("data-potongan"), document.baseURI).href)
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then(function (text) { pieces[id] = new DOMParser().parseFromString(text, "text/html"); return pieces[id]; });
  }

  function copy(doc, name) {
    var t = doc && doc.querySelector('template[data-bagian="' + name + '"]');
    return t ? document.importNode(t.content, true) : null;
  }

  function local(id) { return document.importNode(document.getElementById(id).content, true); }

  function setPaper(key) {
    var size = papers[key];
    var factor = size[0] / 210;
    document.querySelectorAll("link[data-kertas-css]").forEach(function (l) {
      l.disabled = l.getAttribute("data-kertas-css") !== key;
    });
    // Lengths as in _poster_base.html (set through the CSSOM: the page allows no inline style).
    sheet.style.width = size[0] + "mm";
    sheet.style.height = (size[1] - 1) + "mm";
    sheet.style.padding = (12 * factor).toFixed(1) + "mm " + (14 * factor).toFixed(1) + "mm";
    // On screen the sheet is shown as wide as the window allows (buat.css reads the factor; print
    // ignores it and prints at true size).
    var wide = size[0] * 96 / 25.4;
    sheet.style.setProperty("--buat-zoom", Math.min(1, (document.documentElement.clientWidth - 16) / wide).toFixed(3));
    var foot = sheet.querySelector(".poster__kaki");
    foot.style.left = foot.style.right = (14 * factor).toFixed(1) + "mm";
    foot.style.bottom = (12 * factor).toFixed(1) + "mm";
    var qr = sheet.querySelector(".poster__qr");
    if (qr) qr.style.width = (48 * factor).toFixed(1) + "mm";
    var img = sheet.querySelector(".poster__qr img");
    if (img) img.style.width = img.style.height = (30 * factor).toFixed(1) + "mm";
    sheet.querySelector(".poster__sumber").style.marginRight = (53 * factor).toFixed(1) + "mm";
    return factor;
  }

  // The largest type scale at which the poster fits its sheet with room to spare: the same rule as
  // the printed posters (pdf.py FIT_CSS): the footer placed after the content, measured.
  function fit(factor) {
    var fits = false;
    for (var i = 0; i < scales.length; i++) {
      document.documentElement.style.fontSize = (basePt * factor * scales[i]).toFixed(2) + "pt";
      sheet.classList.remove("poster--ukur");
      var room = sheet.getBoundingClientRect().height;
      sheet.classList.add("poster--ukur");
      var needed = sheet.getBoundingClientRect().height;
      sheet.classList.remove("poster--ukur");
      if (needed <= room) { fits = true; break; }
    }
    return fits;
  }

  function officeDesk(li, v) {
    if (!li || !(v.aduan || v.telp || v.wa)) return; // nothing typed: the ruled line stays
    li.replaceChildren();
    var name = document.createElement("span");
    name.className = "poster__kanal-nama";
    name.textContent = v.aduan || "Pengaduan di kantor ini";
    li.append(name, document.createElement("br"));
    [["Telepon", v.telp], ["WhatsApp", v.wa]].forEach(function (pair) {
      if (!pair[1]) return;
      var c = document.createElement("span");
      c.className = "poster__kontak";
      var value = document.createElement("span");
      value.className = "poster__kontak-nilai";
      value.textContent = pair[1];
      c.append(pair[0] + ": ", value, " ");
      li.append(c);
    });
  }

  function compose(v, doc) {
    var jenis = v.jenis;
    if (jenis !== "maklumat-pelayanan" && !(doc && doc.querySelector('template[data-bagian="' + jenis + '-isi"]'))) {
      status.textContent = doc
        ? "Kode etik ini tidak memuat daftar " + JUDUL[jenis].toLowerCase() + " untuk poster. Pilih jenis poster lain."
        : "Poster " + JUDUL[jenis].toLowerCase() + " mengutip kode etik: pilih kode etik yang mengikat kantor Anda.";
      jenis = "maklumat-pelayanan";
    } else {
      status.textContent = "";
    }
    sheet.className = "poster poster--" + jenis;
    fill(slot(sheet, "unit"), v.unit, true);
    var alamat = [v.alamat, v.jam ? "Jam pelayanan: " + v.jam : ""].filter(Boolean).join(" · ");
    slot(sheet, "alamat").textContent = alamat;
    slot(sheet, "judul").textContent = JUDUL[jenis];
    var sub = slot(sheet, "subjudul");
    sub.replaceChildren();
    var isi = slot(sheet, "isi");
    var sumber = slot(sheet, "sumber");
    if (jenis === "maklumat-pelayanan") {
      isi.replaceChildren(local("buat-maklumat"));
      fill(slot(isi, "jabatan"), v.jabatan || (v.unit ? "Kepala " + v.unit : ""), true);
      fill(slot(isi, "kepala"), v.kepala, true);
      fill(slot(isi, "nip"), v.nip, true);
      sumber.replaceChildren(local("buat-maklumat-sumber"));
      var reg = copy(doc, "maklumat-sumber");
      if (reg) sumber.append(reg);
    } else {
      sub.append(copy(doc, "subjudul"));
      isi.replaceChildren(copy(doc, jenis + "-isi"));
      officeDesk(isi.querySelector("[data-kanal-kantor]"), v);
      sumber.replaceChildren(copy(doc, jenis + "-sumber"));
    }
    slot(sheet, "qr").replaceChildren(copy(doc, "qr") || local("buat-qr"));
  }

  function update() {
    var mine = ++run;
    var v = values();
    keepInAddress(v);
    sheet.setAttribute("aria-busy", "true");
    document.body.removeAttribute("data-siap");
    Promise.all([piece(v.p), fontsLoaded]).then(function (all) {
      var doc = all[0];
      if (mine !== run) return;
      compose(v, doc);
      var ok = fit(setPaper(v.kertas || "a4"));
      if (!ok) status.textContent = "Poster tidak muat satu lembar walau huruf terkecil: pendekkan isian.";
      sheet.removeAttribute("aria-busy");
      document.body.setAttribute("data-siap", ok ? "1" : "0");
    }).catch(function () {
      if (mine !== run) return;
      status.textContent = "Isi kode etik tidak dapat dimuat. Coba muat ulang halaman.";
      sheet.removeAttribute("aria-busy");
      document.body.setAttribute("data-siap", "0");
    });
  }

  function start() {
    form = document.getElementById("buat");
    sheet = document.getElementById("poster");
    status = form.querySelector("[data-status]");
    scales = form.getAttribute("data-skala").split(" ").map(Number);
    basePt = Number(form.getAttribute("data-base-pt"));
    form.getAttribute("data-kertas").split(" ").forEach(function (entry) {
      var kv = entry.split(":");
      papers[kv[0]] = kv[1].split("x").map(Number);
    });
    fontsLoaded = Promise.all([document.fonts.load('1em "Poster Sans"'), document.fonts.load('bold 1em "Poster Sans"')])
      .catch(function () { return null; });
    setValues(new URLSearchParams(location.search));
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    window.addEventListener("resize", update);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.querySelector("[data-cetak]").addEventListener("click", function () { window.print(); });
    update();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
