// Side-by-side comparison (perbandingan/berdampingan/): reads the choice from the URL
// (?p=<id>&p=<id>&bidang=<area>&kosong=1), fetches data/perbandingan.json built with the site, and
// lays the chosen regulations' provisions out per topic. Every text from the data is inserted
// with textContent, never as HTML. Without JavaScript the page points to the per-area tables.
(function () {
  "use strict";
  var root = document.getElementById("ke-side");
  if (!root) return;
  var MAX = parseInt(root.getAttribute("data-max"), 10) || 5;
  var form = root.querySelector("form");
  var out = root.querySelector(".ke-side__out");
  var status = root.querySelector(".ke-side__status");
  var siteRoot = new URL(root.getAttribute("data-root"), location.href);
  var data = null;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  function link(href, text, cls) {
    var a = el("a", cls, text);
    a.href = new URL(href, siteRoot).href;
    return a;
  }

  function readQuery() {
    var q = new URLSearchParams(location.search);
    var ids = [];
    q.getAll("p").forEach(function (v) {
      v.split(",").forEach(function (id) {
        id = id.trim();
        if (id && ids.indexOf(id) < 0) ids.push(id);
      });
    });
    return { p: ids, bidang: q.get("bidang") || "", kosong: q.get("kosong") === "1" };
  }

  function readForm() {
    var ids = [];
    form.querySelectorAll("input[name=p]").forEach(function (box) { if (box.checked) ids.push(box.value); });
    return { p: ids, bidang: form.elements.bidang.value, kosong: form.elements.kosong.checked };
  }

  function fillForm(state) {
    form.querySelectorAll("input[name=p]").forEach(function (box) { box.checked = state.p.indexOf(box.value) >= 0; });
    form.elements.bidang.value = state.bidang;
    if (form.elements.bidang.value !== state.bidang) form.elements.bidang.value = "";
    form.elements.kosong.checked = state.kosong;
  }

  function writeQuery(state) {
    var q = new URLSearchParams();
    state.p.forEach(function (id) { q.append("p", id); });
    if (state.bidang) q.set("bidang", state.bidang);
    if (state.kosong) q.set("kosong", "1");
    var search = q.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  var COLLAPSE_OVER = parseInt(root.getAttribute("data-collapse"), 10) || 12;

  function count(node) {
    return (node.c || []).reduce(function (n, child) { return n + 1 + count(child); }, 0);
  }

  // The words of a provision and everything nested under it, with the original's markers. A
  // long list under a tagged provision is folded, as on the per-area pages.
  function words(node, into, top) {
    var line = el("div", "ke-w");
    if (node.m) { line.appendChild(el("span", "ke-w__m", node.m)); line.appendChild(document.createTextNode(" ")); }
    if (node.h) { line.appendChild(el("strong", "ke-w__h", node.h)); line.appendChild(document.createTextNode(" ")); }
    if (node.t) line.appendChild(el(node.f ? "pre" : "span", node.f ? "ke-form" : "ke-text", node.t));
    into.appendChild(line);
    if (node.c) {
      var list = el("ol", "ke-w__list");
      list.setAttribute("role", "list");
      node.c.forEach(function (child) { var li = el("li"); words(child, li, false); list.appendChild(li); });
      var n = top ? count(node) : 0;
      if (n > COLLAPSE_OVER) {
        var more = el("details", "ke-hit__more");
        more.appendChild(el("summary", null, "Tampilkan rincian (" + n + " butir)"));
        more.appendChild(list);
        into.appendChild(more);
      } else {
        into.appendChild(list);
      }
    }
    if (node.a) into.appendChild(el("p", "ke-text ke-w__after", node.a));
  }

  function hit(h) {
    var box = el("div", "ke-hit");
    box.setAttribute("data-eid", h.eid);
    box.appendChild(link(h.url, h.label, "ke-hit__ref"));
    if (h.konteks.length) {
      var ctx = el("div", "ke-hit__ctx");
      h.konteks.forEach(function (t) { ctx.appendChild(el("p", "ke-text", t)); });
      box.appendChild(ctx);
    }
    var body = el("div", "ke-hit__words");
    words(h.isi, body, true);
    box.appendChild(body);
    return box;
  }

  // Lookups by a key from the URL or the data: own properties only, so `?p=__proto__` or
  // `?p=toString` find nothing instead of Object.prototype's members.
  function own(obj, key) {
    return obj != null && Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
  }

  function quoted(list) {
    return list.map(function (v) { return "\u201c" + v + "\u201d"; }).join(", ");
  }

  // What the URL asked for that the data does not have, said on the page (not silently dropped).
  function unknownNote(state, byId) {
    var notes = [];
    var ids = state.p.filter(function (id) { return !byId.has(id); });
    if (ids.length) notes.push("Peraturan tidak dikenal: " + quoted(ids) + ".");
    if (state.bidang && !data.bidang.some(function (a) { return a.kunci === state.bidang; })) {
      notes.push("Bidang tidak dikenal: " + quoted([state.bidang]) + "; semua bidang ditampilkan.");
    }
    return notes.length ? notes.join(" ") + " " : "";
  }

  function render(state) {
    out.textContent = "";
    var byId = new Map();
    data.peraturan.forEach(function (r) { byId.set(r.id, r); });
    var note = unknownNote(state, byId);
    var areaKnown = data.bidang.some(function (a) { return a.kunci === state.bidang; });
    var regs = state.p.filter(function (id) { return byId.has(id); }).map(function (id) { return byId.get(id); });
    if (regs.length < 2) {
      status.textContent = note + "Pilih sekurang-kurangnya dua peraturan, paling banyak " + MAX + ".";
      return;
    }
    var grid = el("div", "ke-sbs");
    grid.style.setProperty("--ke-n", String(regs.length));
    var heads = el("div", "ke-sbs__heads");
    heads.setAttribute("aria-hidden", "true");  // each cell names its regulation for screen readers
    regs.forEach(function (r) {
      var head = el("div", "ke-sbs__head");
      head.appendChild(link(r.url, r.singkatan));
      head.appendChild(el("div", "ke-side__level", r.wilayah.nama_lengkap));
      heads.appendChild(head);
    });
    grid.appendChild(heads);
    var shown = 0, hidden = 0;
    data.bidang.forEach(function (area) {
      if (areaKnown && area.kunci !== state.bidang) return;
      var section = el("section", "ke-sbs__area");
      section.appendChild(el("h2", null, area.label));
      var any = false;
      area.butir.forEach(function (item) {
        var row = own(data.isi, item.kunci);
        var cells = regs.map(function (r) { return own(row, r.id) || []; });
        if (!state.kosong && cells.every(function (c) { return !c.length; })) { hidden++; return; }
        any = true; shown++;
        var block = el("div", "ke-sbs__item");
        block.setAttribute("data-item", item.kunci);
        block.appendChild(el("h3", null, item.label));
        var line = el("div", "ke-sbs__row");
        regs.forEach(function (r, i) {
          var cell = el("div", "ke-sbs__cell");
          cell.setAttribute("data-regulation", r.id);
          cell.appendChild(el("span", "ke-sbs__who", r.singkatan));
          if (cells[i].length) {
            cells[i].forEach(function (h) { cell.appendChild(hit(h)); });
          } else {
            cell.className += " ke-sbs__cell--absent";
            cell.appendChild(el("span", null, (r.topik_lengkap ? "Tidak diatur dalam " : "Tidak ditemukan (pengodean belum lengkap) dalam ") + r.singkatan));
          }
          line.appendChild(cell);
        });
        block.appendChild(line);
        section.appendChild(block);
      });
      if (any) grid.appendChild(section);
    });
    out.appendChild(grid);
    status.textContent = note + regs.length + " peraturan, " + shown + " butir topik" +
      (hidden ? " (" + hidden + " butir yang tidak diatur oleh peraturan pilihan disembunyikan)" : "") + ".";
    document.dispatchEvent(new CustomEvent("ke:content", { detail: out }));
  }

  function update(changed) {
    var state = readForm();
    if (state.p.length > MAX) {
      if (changed && changed.name === "p") changed.checked = false;
      state = readForm();
      status.textContent = "Paling banyak " + MAX + " peraturan sekaligus.";
      writeQuery(state);
      return;
    }
    writeQuery(state);
    render(state);
  }

  form.addEventListener("change", function (event) { if (data) update(event.target); });
  form.addEventListener("submit", function (event) { event.preventDefault(); if (data) update(null); });

  var initial = readQuery();
  if (initial.p.length > MAX) initial.p = initial.p.slice(0, MAX);
  fillForm(initial);
  status.textContent = "Memuat data perbandingan…";
  fetch(new URL(root.getAttribute("data-src"), location.href).href)
    .then(function (response) {
      if (!response.ok) throw new Error(String(response.status));
      return response.json();
    })
    .then(function (json) { data = json; render(initial); })
    .catch(function () {
      status.textContent = "Data perbandingan tidak dapat dimuat. Gunakan perbandingan per bidang.";
    });
})();
