// Cross-references. (1) Preview: a reference to a provision on the same page shows that provision's
// words on hover and keyboard focus; on a touch screen the first tap shows the preview (with a link to
// open it) and a second tap follows the link. Without JavaScript the links simply jump. (2) Citation
// jump: the "Cari pasal" box reads a pasted citation and opens the provision, using a static index.
(function () {
  "use strict";

  // ------------------------------------------------------------------ preview
  var tip = null, current = null, hideTimer = null;

  function targetOf(link) {
    var hash = link.getAttribute("href") || "";
    if (hash.charAt(0) !== "#") return null;
    var el = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (el && /^H[1-6]$/.test(el.tagName) && el.parentElement && el.parentElement.classList.contains("ke-unit")) {
      el = el.parentElement; // a heading's provision is its whole section
    }
    return el;
  }

  function previewText(el) {
    var clone = el.cloneNode(true);
    clone.querySelectorAll(".ke-item__tools, .ke-heading__tools, .ke-backlinks, .ke-dasar, .visually-hidden, .ke-note, .ke-anchor, .ke-copy")
      .forEach(function (n) { n.remove(); });
    var text = (clone.textContent || "").replace(/\s+/g, " ").trim();
    return text.length > 480 ? text.slice(0, 477) + "…" : text;
  }

  function ensureTip() {
    if (tip) return tip;
    tip = document.createElement("div");
    tip.id = "ke-preview";
    tip.className = "ke-preview";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    tip.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", function () { scheduleHide(); });
    document.body.appendChild(tip);
    return tip;
  }

  function show(link) {
    var el = targetOf(link);
    if (!el) return;
    var t = ensureTip();
    window.clearTimeout(hideTimer);
    if (current && current !== link) current.removeAttribute("aria-describedby");
    t.textContent = "";
    var title = document.createElement("strong");
    title.className = "ke-preview__title";
    title.textContent = link.getAttribute("data-ref-label") || link.textContent;
    var body = document.createElement("span");
    body.className = "ke-preview__text";
    body.textContent = previewText(el);
    t.appendChild(title);
    t.appendChild(body);
    var open = document.createElement("a");
    open.className = "ke-preview__open";
    open.href = link.getAttribute("href");
    open.textContent = "Buka ketentuan";
    open.addEventListener("click", hide);
    t.appendChild(document.createElement("br"));
    t.appendChild(open);
    t.hidden = false;
    var r = link.getBoundingClientRect();
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - t.offsetWidth - 8));
    t.style.left = left + "px";
    t.style.top = (r.bottom + window.scrollY + 6) + "px";
    var own = link.getAttribute("aria-describedby");
    if (!own) link.setAttribute("aria-describedby", "ke-preview");
    current = link;
  }

  function hide() {
    window.clearTimeout(hideTimer);
    if (tip) tip.hidden = true;
    if (current && current.getAttribute("aria-describedby") === "ke-preview") current.removeAttribute("aria-describedby");
    current = null;
  }

  function scheduleHide() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, 250);
  }

  function isRef(el) {
    return el && el.closest && el.closest("a.ke-ref[href^='#']");
  }

  function setupPreview() {
    // Pointer type of the last press: a tap shows the preview first, a mouse click follows the link.
    var lastPointer = "mouse", shownAtPress = null, pressed = null;
    document.addEventListener("pointerdown", function (e) {
      lastPointer = e.pointerType; shownAtPress = current; pressed = isRef(e.target);
    }, true);
    document.addEventListener("pointerover", function (e) { var a = isRef(e.target); if (a && e.pointerType === "mouse") show(a); });
    document.addEventListener("pointerout", function (e) { var a = isRef(e.target); if (a && e.pointerType === "mouse") scheduleHide(); });
    document.addEventListener("focusin", function (e) { var a = isRef(e.target); if (a) show(a); });
    document.addEventListener("focusout", function (e) { var a = isRef(e.target); if (a) scheduleHide(); });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape" && current) { var c = current; hide(); c.focus(); } });
    document.addEventListener("click", function (e) {
      var a = isRef(e.target);
      if (lastPointer === "touch" && !a && pressed && !(tip && tip.contains(e.target))) a = pressed; // a tap may land beside a wrapped link
      if (a && lastPointer === "touch" && shownAtPress !== a) { e.preventDefault(); show(a); return; }
      if (a) { hide(); return; }
      if (tip && !tip.contains(e.target)) hide();
    });
  }

  // ------------------------------------------------------------------ citation jump
  var ABBR = [
    [/\bperbup\b/g, "peraturan bupati"], [/\bpergub\b/g, "peraturan gubernur"],
    [/\bperwali\b|\bperwako\b/g, "peraturan wali kota"], [/\bperda\b/g, "peraturan daerah"],
    [/\bkep(?:utusan)?\.?\s+kadis(?:sos)?\b/g, "keputusan kepala dinas"], [/\bkaltim\b/g, "kalimantan timur"],
    [/\bkalbar\b/g, "kalimantan barat"], [/\bntb\b/g, "nusa tenggara barat"]
  ];
  var PROVISION = /^(?:(?:sebagaimana\s+(?:di)?maksud\s+)?(?:dalam|pada)\s+)?((?:pasal\s+\d+[a-z]?|diktum\s+ke[a-z]+(?:\s+(?:belas|puluh))?|lampiran(?:\s+[ivxlc]+\b)?)?(?:\s*ayat\s*\(?\s*\d+[a-z]?\s*\)?)?(?:\s*huruf\s+[a-z]\b)?(?:\s*angka\s+\d+[a-z]?)?)\s*(.*)$/;

  function norm(s) {
    return s.toLowerCase().replace(/\u00a0/g, " ").replace(/[“”"']/g, "").replace(/\s+/g, " ").trim();
  }

  // The same canonical text as the site's citation type: "pasal 17 ayat (1) huruf a".
  function provisionKey(raw) {
    var m, parts = [];
    var head = raw.match(/^(pasal\s+\d+[a-z]?|diktum\s+ke[a-z]+(?:\s+(?:belas|puluh))?|lampiran(?:\s+[ivxlc]+\b)?)/);
    if (head) parts.push(head[1].replace(/\s+/g, " "));
    if ((m = raw.match(/ayat\s*\(?\s*(\d+[a-z]?)\s*\)?/))) parts.push("ayat (" + m[1] + ")");
    if ((m = raw.match(/huruf\s+([a-z])\b/))) parts.push("huruf " + m[1]);
    if ((m = raw.match(/angka\s+(\d+[a-z]?)/))) parts.push("angka " + m[1]);
    return parts.join(" ");
  }

  function findRegulation(regs, rest) {
    var text = rest;
    ABBR.forEach(function (a) { text = text.replace(a[0], a[1]); });
    var nomor = null, tahun = null, m;
    if ((m = text.match(/(?:nomor|no\.?)\s*([0-9][\w.\/-]*?)\s+tahun\s+(\d{4})/))) { nomor = m[1]; tahun = +m[2]; }
    else if ((m = text.match(/(?:nomor|no\.?)\s*([0-9][\w.\/-]*\w)/))) { nomor = m[1]; }
    else if ((m = text.match(/\b(\d+[a-z]?)\s*\/\s*(\d{4})\b/))) { nomor = m[1]; tahun = +m[2]; }
    var hits = regs.filter(function (r) {
      var singkatan = norm(r.singkatan), nama = norm(r.nama);
      if (rest && (singkatan === rest || nama === text || rest.indexOf(singkatan) !== -1 || text.indexOf(nama) !== -1)) return true;
      if (nomor === null) return false;
      var num = norm(r.nomor);
      return (num === nomor || num.indexOf(nomor + "/") === 0 && tahun === null) && (tahun === null || r.tahun === tahun);
    });
    // Words beyond kind, number and year name a region: they must be the regulation's own.
    var named = text.replace(/\b(?:peraturan|keputusan|kepala|dinas|bupati|gubernur|wali|kota|kabupaten|provinsi|daerah|nomor|no|tahun)\b/g, " ")
      .replace(/[0-9][\w.\/-]*/g, " ").replace(/[^a-z]+/g, " ").trim();
    if (named) {
      hits = hits.filter(function (r) {
        return text.indexOf(norm(r.wilayah)) !== -1 || rest.indexOf(norm(r.singkatan)) !== -1 || text.indexOf(norm(r.nama)) !== -1;
      });
    }
    return hits;
  }

  // A copy-citation as the site writes it: the index lists each regulation's labels, canonical
  // ("ketentuan", which also holds orders the pattern below does not read, such as "lampiran angka 1
  // huruf a") and the others ("kutipan": a text without Pasal numbers is cited by headings and
  // ordinals, "bab 3 larangan pelaksana yanlik butir ke-3"). The longest label the query starts
  // with wins, when what follows it names that regulation and no further Pasal, ayat, huruf...
  var UNIT = /(?:^|\s)(?:pasal|ayat|huruf|angka|butir|paragraf|kelompok|formulir|bab|bagian|diktum|lampiran|menimbang|mengingat|ke-\d+)(?=\s|$)/;
  function findLabel(regs, q) {
    var best = null;
    regs.forEach(function (r) {
      var labels = Object.assign({}, r.ketentuan, r.kutipan || {});
      Object.keys(labels).forEach(function (label) {
        if (q.length <= label.length || q.lastIndexOf(label + " ", 0) !== 0) return;
        if (best && best.key.length >= label.length) return;
        var rest = q.slice(label.length + 1).replace(/^[,;:]\s*/, "");
        if (UNIT.test(rest)) return;  // "bab 3" + "... butir ke-15": a unit the regulation does not have
        if (findRegulation([r], rest).length) best = { reg: r, eid: labels[label], key: label, inferred: false };
      });
    });
    return best;
  }

  // The provision a citation names, or an error message (Bahasa Indonesia) saying why there is none.
  function resolve(data, raw) {
    var q = norm(raw);
    var hit = findLabel(data.peraturan, q);
    if (hit) return hit;
    var m = q.match(PROVISION);
    var key = provisionKey(m ? m[1] : "");
    var rest = m ? m[2].replace(/^[,;:]\s*/, "") : q;
    if (!key) return { error: "Tidak terbaca sebagai kutipan ketentuan. Tulis misalnya: Pasal 17 ayat (1) Perbup Sumbawa 6/2020." };
    if (!rest) return { error: "Sebutkan juga peraturannya, misalnya: " + raw.trim() + " Perbup Sumbawa 6/2020." };
    var regs = findRegulation(data.peraturan, rest);
    if (!regs.length) return { error: "Peraturan \u201c" + rest + "\u201d tidak ada di situs ini. Lihat daftar peraturan." };
    if (regs.length > 1) return { error: "Kutipan cocok dengan beberapa peraturan: " + regs.map(function (r) { return r.singkatan; }).join(", ") + ". Sebutkan nomor dan tahunnya." };
    var reg = regs[0];
    if (reg.ketentuan[key]) return { reg: reg, eid: reg.ketentuan[key], key: key, inferred: false };
    if (reg.dugaan[key]) return { reg: reg, eid: reg.dugaan[key], key: key, inferred: true };
    return { error: key.charAt(0).toUpperCase() + key.slice(1) + " tidak ada dalam " + reg.singkatan + "." };
  }
  // For tests and other scripts: the same resolution without a form.
  window.keCariPasal = { resolve: resolve };

  function setupJump(form) {
    var input = form.querySelector("input");
    var message = form.querySelector(".ke-jump__message");
    var indexUrl = new URL(form.getAttribute("data-index"), document.baseURI);
    var index = null;

    // The message is aria-busy while the index loads: screen readers wait for the answer, and so
    // do the tests (they read the final message, never "Memuat indeks…").
    function say(text, isError, busy) {
      message.textContent = text;
      message.classList.toggle("ke-jump__message--error", !!isError);
      if (busy) message.setAttribute("aria-busy", "true");
      else message.removeAttribute("aria-busy");
    }

    function go(data) {
      var hit = resolve(data, input.value);
      if (hit.error) { say(hit.error, true); return; }
      say((hit.inferred ? "Membuka (dugaan redaksi) " : "Membuka ") + hit.key + " " + hit.reg.singkatan + "…", false);
      window.location.href = new URL("../" + hit.reg.url + "#" + hit.eid, indexUrl).href;
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (index) { go(index); return; }
      say("Memuat indeks…", false, true);
      fetch(indexUrl.href).then(function (r) { return r.json(); }).then(function (data) { index = data; go(data); })
        .catch(function () { say("Indeks kutipan tidak dapat dimuat. Coba muat ulang halaman.", true); });
    });
  }

  function setup() {
    setupPreview();
    document.querySelectorAll("form.ke-jump").forEach(setupJump);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
