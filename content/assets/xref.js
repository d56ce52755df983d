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

  function norm(s) {
    return s.toLowerCase().replace(/\u00a0/g, " ").replace(/[“”"']/g, "").replace(/\s+/g, " ").trim();
  }

  // ---- reading a typed query: the same rules, in the same order, as `read_typed` in
  // macros/kodeetik/citations.py (tests/data/cari_pasal.json holds both to the same answers).
  var TYPED_SUBS = [
    [/[\u201c\u201d"']/g, ""],
    [/\s+/g, " "],
    [/\b(?:pasal|psl|ps)\.? ?(?=[0-9])/g, "pasal "],
    [/\b(?:ayat|ay\.) ?\(? ?([0-9]+[a-z]?)(?: ?\))?/g, "ayat ($1)"],
    [/\b(?:huruf|hrf\.?|hr\.) ?\(? ?([a-z])(?: ?\))?(?![a-z0-9])/g, "huruf $1"],
    [/\b(?:angka|angk\.?) ?\(? ?([0-9]+[a-z]?)(?: ?\))?(?![a-z0-9])/g, "angka $1"],
    [/\b(pasal [0-9]+[a-z]?) ?\(([0-9]+[a-z]?)\)/g, "$1 ayat ($2)"],
    [/\b(pasal [0-9]+[a-z]?(?: ayat \([0-9]+[a-z]?\))?)(?: \(?| ?\()([a-z])\)?(?![a-z0-9./-])/g, "$1 huruf $2"]
  ];
  var TYPED_PREFIX = /^(?:sebagaimana (?:di)?maksud )?(?:dalam|pada) /;
  var TYPED_HEAD = /(?:^| )(?=pasal [0-9]|diktum ke|lampiran(?![a-z]))/;
  var TYPED_JOIN = /^(?:[,;:] ?)?(?:(?:dalam|pada|dari) )?/;
  var ORD = "ke(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas)(?: (?:belas|puluh))?";
  // One unit of a path, as `_STEP_RES` in citations.py: [kind, level, pattern].
  var STEPS = [
    ["pasal", 0, /^pasal ([0-9]+[a-z]?)(?![a-z0-9_])/], ["diktum", 0, new RegExp("^diktum (" + ORD + ")(?![a-z0-9_])")],
    ["lampiran", 0, /^lampiran(?: ([ivxlc]+|[0-9]+))?(?![a-z0-9_])/], ["ayat", 1, /^ayat \(([0-9]+[a-z]?)\)/],
    ["huruf", 2, /^huruf ([a-z])(?![a-z0-9_])/], ["angka", 3, /^angka ([0-9]+[a-z]?)(?![a-z0-9_])/]
  ];

  function roman(n) {
    var out = "";
    [[1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"], [50, "l"], [40, "xl"],
     [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]].forEach(function (p) {
      while (n >= p[0]) { out += p[1]; n -= p[0]; }
    });
    return out;
  }

  // The path at the start of `text`, units in increasing level (`_path_at`): [steps, length read].
  function readPath(text) {
    var steps = [], pos = 0, end = 0, level = 0;
    for (;;) {
      var got = null;
      for (var i = 0; i < STEPS.length && !got; i++) {
        if (STEPS[i][1] < level || (steps.length && STEPS[i][1] === 0)) continue;
        var m = text.slice(pos).match(STEPS[i][2]);
        if (m) got = [STEPS[i], m];
      }
      if (!got) break;
      var kind = got[0][0], num = got[1][1];
      if (kind === "lampiran" && num && /^[0-9]+$/.test(num)) num = roman(+num);
      steps.push(num === undefined ? kind : kind === "ayat" ? "ayat (" + num + ")" : kind + " " + num);
      level = got[0][1] + 1;
      end = pos + got[1][0].length;
      if (text.charAt(end) !== " ") break;
      pos = end + 1;
    }
    return [steps, end];
  }

  // A typed query → {text, steps: ["pasal 11", "huruf c"], key: "pasal 11 huruf c", peraturan: "perbup 51/2020"}.
  function read(raw) {
    var q = raw.toLowerCase().replace(/\u00a0/g, " ").trim();
    TYPED_SUBS.forEach(function (s) { q = q.replace(s[0], s[1]); });
    q = q.trim().replace(/[.,;: ]+$/, "");
    var text = q;
    q = q.replace(TYPED_PREFIX, "");
    var m = TYPED_HEAD.exec(q);
    var none = { text: text, steps: [], key: "", peraturan: q };
    if (!m) return none;
    var before = q.slice(0, m.index), prov = q.slice(m.index + m[0].length);
    var path = readPath(prov);
    if (!path[0].length) return none;
    var rest = (before + " " + prov.slice(path[1]).trim().replace(TYPED_JOIN, "")).trim().replace(TYPED_JOIN, "");
    return { text: text, steps: path[0], key: path[0].join(" "), peraturan: rest.trim() };
  }

  function findRegulation(regs, rest) {
    var text = rest;
    ABBR.forEach(function (a) { text = text.replace(a[0], a[1]); });
    var nomor = null, tahun = null, m;
    if ((m = text.match(/(?:nomor|no\.?)\s*([0-9][\w.\/-]*?)\s+tahun\s+(\d{4})/))) { nomor = m[1]; tahun = +m[2]; }
    else if ((m = text.match(/(?:nomor|no\.?)\s*([0-9][\w.\/-]*\w)/))) { nomor = m[1]; }
    else if ((m = text.match(/\b(\d+[a-z]?)\s*\/\s*(\d{4})\b/) || text.match(/\b(\d+[a-z]?)\s+tahun\s+(\d{4})\b/))) { nomor = m[1]; tahun = +m[2]; }
    var hits = regs.filter(function (r) {
      var singkatan = norm(r.singkatan), nama = norm(r.nama);
      if (rest && (singkatan === rest || nama === text || rest.indexOf(singkatan) !== -1 || text.indexOf(nama) !== -1)) return true;
      if (nomor === null) return text.indexOf(norm(r.jenis)) !== -1 && text.indexOf(norm(r.wilayah)) !== -1;  // "Perbup Bengkayang"
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
  // ("ketentuan", which also holds orders the path reader does not take, such as "lampiran angka 1
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
        if (/lampiran$/.test(label) && /^(?:[0-9]+|[ivxlc]+) /.test(rest)) return;  // "Lampiran II" of a lone Lampiran
        if (findRegulation([r], rest).length) best = { reg: r, eid: labels[label], key: label, inferred: false };
      });
    });
    return best;
  }

  // A key as the site writes it: "pasal 5a huruf c" → "Pasal 5A huruf c", "lampiran ii" → "Lampiran II".
  function cap(key) {
    return key.replace(/^pasal ([0-9]+)([a-z]?)/, function (m, n, l) { return "Pasal " + n + l.toUpperCase(); })
      .replace(new RegExp("^diktum (" + ORD + ")"), function (m, o) { return "Diktum " + o.toUpperCase(); })
      .replace(/^lampiran(?: ([ivxlc]+)(?![a-z]))?/, function (m, r) { return "Lampiran" + (r ? " " + r.toUpperCase() : ""); });
  }

  // A regulation without Pasal numbers (a Keputusan cited by Diktum, slides cited by BAB and butir):
  // say so, show how it is cited, and offer the editors' reading of the Pasal where they made one.
  function noPasal(reg, key) {
    var how = /^diktum/i.test(reg.contoh) ? "Diktum dan Lampiran" : "BAB dan butir";
    var links = [], labels = Object.assign({}, reg.ketentuan, reg.kutipan || {});
    var text = reg.jenis.split(" ")[0] + " ini (" + reg.singkatan + ") tidak memakai nomor Pasal; cari menurut " + how +
      ", misalnya: \u201c" + reg.contoh + " " + reg.singkatan + "\u201d.";
    if (labels[norm(reg.contoh)]) links.push(["Buka " + reg.contoh, reg, labels[norm(reg.contoh)]]);
    if (reg.dugaan[key]) {
      text += " Rujukan \u201c" + cap(key) + "\u201d dalam peraturan lain ditafsirkan redaksi sebagai bagian di bawah ini.";
      links.push(["Buka " + cap(key) + " menurut dugaan redaksi", reg, reg.dugaan[key]]);
    }
    return { error: text, links: links };
  }

  // The provision a citation names, or what to say instead (Bahasa Indonesia): `{reg, eid, key}` opens
  // a provision (`eid` "" for the regulation's page), `{cari}` hands words to search, `{error,
  // links}` explains (the links offer what was found).
  function resolve(data, raw) {
    var t = read(raw);
    var hit = findLabel(data.peraturan, t.text);
    if (hit) return hit;
    var regs = t.peraturan ? findRegulation(data.peraturan, t.peraturan) : [];
    if (!t.key) {
      if (regs.length === 1 && !UNIT.test(t.peraturan)) return { reg: regs[0], eid: "", key: "", inferred: false };
      if (regs.length === 1) {
        return { error: "Ketentuan itu tidak ditemukan dalam " + regs[0].singkatan + ". Salin kutipannya dari halaman peraturan (Salin kutipan).",
                 links: [["Buka " + regs[0].singkatan, regs[0], ""]] };
      }
      if (!t.text) return { error: "Tulis kutipan ketentuan, misalnya: Pasal 17 ayat (1) Perbup Sumbawa 6/2020." };
      if (/[0-9]/.test(t.text) || regs.length) {
        return { error: "Tidak terbaca sebagai kutipan ketentuan. Tulis misalnya: Pasal 17 ayat (1) Perbup Sumbawa 6/2020." };
      }
      return { cari: raw.trim() };
    }
    if (!t.peraturan) {
      var having = data.peraturan.filter(function (r) { return r.ketentuan[t.key]; });
      return { error: having.length ? "Sebutkan juga peraturannya. " + cap(t.key) + " ada dalam:"
                                    : "Sebutkan juga peraturannya, misalnya: " + raw.trim() + " Perbup Sumbawa 6/2020.",
               links: having.map(function (r) { return [cap(t.key) + " " + r.singkatan, r, r.ketentuan[t.key]]; }) };
    }
    if (!regs.length) return { error: "Peraturan \u201c" + t.peraturan + "\u201d tidak ada di situs ini. Lihat daftar peraturan." };
    if (regs.length > 1) return { error: "Kutipan cocok dengan beberapa peraturan: " + regs.map(function (r) { return r.singkatan; }).join(", ") + ". Sebutkan nomor dan tahunnya." };
    var reg = regs[0];
    if (reg.ketentuan[t.key]) return { reg: reg, eid: reg.ketentuan[t.key], key: t.key, inferred: false };
    if (!reg.pasal && t.steps[0].indexOf("pasal ") === 0) return noPasal(reg, t.key);
    if (reg.dugaan[t.key]) return { reg: reg, eid: reg.dugaan[t.key], key: t.key, inferred: true };
    // Understood only in part: the longest leading part of the path the regulation has.
    for (var n = t.steps.length - 1; n > 0; n--) {
      var found = t.steps.slice(0, n).join(" ");
      if (reg.ketentuan[found]) {
        return { error: cap(found) + " ditemukan; " + t.steps.slice(n).join(" ") + " tidak ada dalam " + reg.singkatan + ".",
                 links: [["Buka " + cap(found) + " " + reg.singkatan, reg, reg.ketentuan[found]]] };
      }
    }
    return { error: cap(t.key) + " tidak ada dalam " + reg.singkatan + "." };
  }
  // For tests and other scripts: the same reading and resolution without a form.
  window.keCariPasal = { read: read, resolve: resolve };

  // Words that are no citation go to the site search, as if typed there.
  function toSearch(words) {
    var open = document.querySelector(".ke-search__open");
    var box = document.getElementById("ke-search-input");
    if (!open || !box || open.hidden) return false;
    open.click();
    box.value = words;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    return true;
  }

  function setupJump(form) {
    var input = form.querySelector("input");
    var message = form.querySelector(".ke-jump__message");
    var indexUrl = new URL(form.getAttribute("data-index"), document.baseURI);
    var index = null;

    function href(reg, eid) {
      return new URL("../" + reg.url + (eid ? "#" + eid : ""), indexUrl).href;
    }

    // The message is aria-busy while the index loads: screen readers wait for the answer, and so
    // do the tests (they read the final message, never "Memuat indeks…").
    function say(text, isError, busy, links) {
      message.textContent = text;
      (links || []).forEach(function (l) {
        var a = document.createElement("a");
        a.href = href(l[1], l[2]);
        a.className = "ke-jump__link";
        a.textContent = l[0];
        message.appendChild(document.createTextNode(" "));
        message.appendChild(a);
      });
      message.classList.toggle("ke-jump__message--error", !!isError);
      if (busy) message.setAttribute("aria-busy", "true");
      else message.removeAttribute("aria-busy");
    }

    function go(data) {
      var hit = resolve(data, input.value);
      if (hit.error) { say(hit.error, true, false, hit.links); return; }
      if (hit.cari) {
        say("\u201c" + hit.cari + "\u201d bukan kutipan ketentuan; dicari di seluruh situs.", false);
        toSearch(hit.cari);
        return;
      }
      var what = hit.key ? cap(hit.key) + " " + hit.reg.singkatan : hit.reg.singkatan;
      say((hit.inferred ? "Membuka (dugaan redaksi) " : "Membuka ") + what + "…", false);
      window.location.href = href(hit.reg, hit.eid);
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
