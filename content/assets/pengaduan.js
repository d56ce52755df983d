// The complaint maker (pengaduan/buat/): composes a complaint from what is ticked on the page. Every
// piece of it (what happened, the citations and their links, the channels) is read from the page as
// text (textContent) and the result is plain text in a text area; nothing is ever written as HTML.
// Nothing is sent anywhere: the share links only open the reader's own apps when clicked.
(function () {
  "use strict";

  var BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember"];

  var root, select, offices, output, status, copyButton, shareLinks;

  function clean(text) { return (text || "").replace(/\s+/g, " ").trim(); }

  function field(name) { return clean(root.querySelector('[name="' + name + '"]').value); }

  function chosen() {
    var id = select.value;
    return offices.find(function (d) { return d.getAttribute("data-kantor") === id; }) || null;
  }

  function dateText(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return m ? Number(m[3]) + " " + BULAN[Number(m[2]) - 1] + " " + m[1] : value;
  }

  // One ticked item: what happened, then each line of citations with absolute links.
  function itemLines(row, n) {
    var lines = [n + ". " + clean(row.querySelector("[data-judul]").textContent) + ": " +
      clean(row.querySelector("[data-teks]").textContent)];
    row.querySelectorAll(".ke-aduan__dasar").forEach(function (p) {
      var cites = Array.prototype.map.call(p.querySelectorAll("a[data-kutip]"), function (a) {
        return a.getAttribute("data-kutip") + " (" + a.href + ")";
      });
      lines.push("   " + clean(p.querySelector("[data-pengantar]").textContent) + " " + cites.join("; "));
    });
    return lines;
  }

  function compose(office) {
    var ticked = Array.prototype.filter.call(office.querySelectorAll(".ke-aduan__butir"), function (row) {
      return row.querySelector("input[type=checkbox]").checked;
    });
    if (!ticked.length) return null;
    var penyelenggara = office.getAttribute("data-penyelenggara");
    var peraturan = office.getAttribute("data-peraturan");
    var unit = field("unit");
    var where = [unit, penyelenggara].filter(Boolean).join(", ");
    var wilayah = office.getAttribute("data-wilayah");
    var tanggal = dateText(field("tanggal"));
    var tempat = field("tempat");
    var region = wilayah && where.indexOf(wilayah) < 0 ? " (" + wilayah + ")" : ""; // not twice
    var first = "Saya mengadukan pelayanan" + (where ? " di " + where : "") + region +
      (tanggal ? " pada tanggal " + tanggal : "") + (tempat ? " di " + tempat : "") + ".";
    var lines = [
      "Kepada Yth. " + (penyelenggara ? "Pengelola pengaduan " + penyelenggara : "Pengelola pengaduan pelayanan publik"),
      "Perihal: Pengaduan pelayanan publik", "", first];
    if (peraturan) lines.push("Kode etik yang mengikat petugas kantor ini: " + peraturan + ".");
    lines.push("", "Yang terjadi:");
    ticked.forEach(function (row, i) { lines.push.apply(lines, itemLines(row, i + 1)); });
    var cerita = field("cerita");
    if (cerita) lines.push("", "Keterangan: " + cerita);
    lines.push("", "Mohon pengaduan ini ditindaklanjuti sesuai ketentuan.", "",
      "Saluran pengaduan: " + Array.prototype.map.call(office.querySelectorAll("[data-kanal] > li"), function (li) {
        return clean(li.textContent);
      }).join("; ") + ".");
    return lines.join("\n");
  }

  function setShare(text) {
    shareLinks.forEach(function (a) {
      var base = a.getAttribute("data-dasar-href");
      var kind = a.getAttribute("data-bagikan");
      if (!text) {
        a.removeAttribute("href");
        a.setAttribute("aria-disabled", "true");
        return;
      }
      a.removeAttribute("aria-disabled");
      if (kind === "wa") a.href = base + "?text=" + encodeURIComponent(text);
      else if (kind === "sms") a.href = base + "?body=" + encodeURIComponent(text);
      else a.href = base;
    });
    copyButton.disabled = !text;
  }

  function show() {
    var office = chosen();
    offices.forEach(function (d) {
      d.hidden = office !== null && d !== office;
      if (d === office) d.open = true;
    });
    update();
  }

  function update() {
    var office = chosen();
    var text = office ? compose(office) : null;
    output.value = text || "";
    status.textContent = !office ? "Pilih kantor yang melayani Anda lebih dahulu."
      : text ? "" : "Centang sekurang-kurangnya satu hal yang terjadi.";
    setShare(text);
  }

  function copy() {
    var text = output.value;
    function done() { status.textContent = "Teks sudah disalin. Tempel di WhatsApp, SMS, atau formulir lapor.go.id."; }
    function fallback() {
      output.select();
      try { document.execCommand("copy"); done(); } catch (e) { status.textContent = "Pilih teks lalu salin secara manual."; }
    }
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  }

  function start() {
    root = document.getElementById("aduan");
    if (!root) return;
    select = document.getElementById("aduan-kantor");
    offices = Array.prototype.slice.call(root.querySelectorAll("details[data-kantor]"));
    output = root.querySelector("[data-teks-aduan]");
    status = root.querySelector("[data-status]");
    copyButton = root.querySelector("[data-salin]");
    shareLinks = Array.prototype.slice.call(root.querySelectorAll("[data-bagikan]"));
    shareLinks.forEach(function (a) { a.setAttribute("data-dasar-href", a.getAttribute("href")); });
    root.querySelectorAll("[data-js]").forEach(function (el) { el.hidden = false; });
    document.querySelectorAll("[data-tanpa-js]").forEach(function (el) { el.hidden = true; });
    // A link from a region's Hak Anda page names the office: ?k=<regulation id>.
    var k = new URLSearchParams(location.search).get("k");
    if (k && offices.some(function (d) { return d.getAttribute("data-kantor") === k; })) select.value = k;
    select.addEventListener("change", show);
    // Opening an office's list by hand chooses it too.
    offices.forEach(function (d) {
      d.addEventListener("toggle", function () {
        if (d.open && select.value !== d.getAttribute("data-kantor")) { select.value = d.getAttribute("data-kantor"); show(); }
      });
    });
    root.addEventListener("change", function (e) { if (e.target !== select && e.target !== output) update(); });
    root.addEventListener("input", function (e) { if (e.target !== select && e.target !== output) update(); });
    output.addEventListener("input", function () { setShare(output.value.trim() ? output.value : null); });
    copyButton.addEventListener("click", copy);
    show();
    document.body.setAttribute("data-aduan-siap", "1");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
