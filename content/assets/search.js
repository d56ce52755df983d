// Site search: a small UI in Bahasa Indonesia over Pagefind's JavaScript API.
//
// The index (pagefind/ in the site) is built by macros/plugin/search.py on every `mkdocs build`/`serve`.
// We use pagefind.js directly rather than Pagefind's ready-made UI so that a result can name the
// regulation and its region, link straight to the provision (a list item, not only a heading), and
// so that a phone loads about 10 KB of script until someone actually searches. The markup is in
// overrides/partials/ke-search.html; all text from the index is inserted as text, never as HTML.
(function () {
  "use strict";

  var TEKS = {
    petunjuk: "Ketik kata atau frasa yang dicari, atau pilih wilayah untuk melihat peraturannya.",
    memuat: "Memuat indeks pencarian…",
    mencari: "Mencari…",
    nihil: "Tidak ada ketentuan yang memuat “{q}”. Periksa ejaan, gunakan kata lain, atau hapus saringan.",
    nihilSaring: "Tidak ada halaman yang cocok dengan saringan ini.",
    jumlah: "{n} halaman memuat “{q}”.",
    jumlahSaring: "{n} halaman cocok dengan saringan.",
    nihilSemua: "Tidak ada halaman yang memuat semua kata “{q}”.",
    jumlahInti: "{n} halaman lain memuat “{q}”.",
    berkas: "Pencarian tidak dapat berjalan pada halaman yang dibuka langsung dari berkas (file://): " +
      "peramban melarangnya. Buka situs melalui server web, misalnya jalankan " +
      "“python3 -m http.server” di folder situs lalu buka http://localhost:8000/.",
    gagal: "Pencarian tidak dapat dimuat: indeks pencarian tidak ditemukan di {url}. " +
      "Indeks dibuat oleh “mkdocs build”; bila situs disajikan dari folder lain, salin juga folder pagefind/.",
    semua: "Semua",
    lainnya: "dan {n} ketentuan lain di halaman ini",
    lainnyaBidang: "dan {n} ketentuan lain dalam bidang ini di halaman ini",
    // A topic area narrows each result to its provisions, which is known only once a result's
    // record is fetched: the count of pages is Pagefind's, the rest says how far we have looked.
    bidangSemua: "Hanya ketentuan bidang “{b}” yang ditampilkan: {s} dari {t} halaman itu memuat kata yang dicari di ketentuan bidang ini.",
    bidangSebagian: "Hanya ketentuan bidang “{b}” yang ditampilkan: {s} dari {c} halaman yang sudah diperiksa memuat kata yang dicari di ketentuan bidang ini; {p} halaman lagi belum diperiksa (“Tampilkan hasil lainnya”).",
    nihilBidang: "Tidak ada ketentuan bidang “{b}” yang memuat “{q}” ({t} halaman memuatnya di ketentuan bidang lain). Pilih bidang lain atau hapus saringan.",
    maks: "maks. {n}",
    dicabut: "dicabut",
    diubah: "diubah"
  };
  // Filters as macros/render/search.py names them; any other filter in the index is shown too.
  var LABEL_FILTER = {
    provinsi: "Provinsi",
    kabupaten_kota: "Kabupaten/kota",
    jenis: "Jenis peraturan",
    tahun: "Tahun",
    bidang: "Bidang/Topik"
  };
  // The topic-area filter: whole pages in Pagefind, narrowed here to the provisions of the area
  // with the page's "bidang" metadata (macros/render/search.py, SearchEntry.areas_json).
  var AREA = "bidang";
  var FUNCTION_WORDS = ["tidak", "boleh", "dapat", "bisa", "harus", "wajib", "dilarang", "jangan",
    "yang", "dan", "atau", "di", "ke", "dari", "untuk", "dengan", "pada", "dalam", "oleh", "bagi",
    "ini", "itu", "akan", "sudah", "telah", "juga", "apa", "apakah", "bagaimana", "jika", "bila"];
  var PAGE_SIZE = 8;        // results whose data is fetched at a time
  // A phone's first screen holds about four results (each with its provisions): fetching eight
  // records there cost a reader on a slow connection some 40 KB for results below the fold.
  var PHONE_PAGE_SIZE = 4;
  var PHONE = "(max-width: 44.9375em)";  // the theme's phone breakpoint
  var MAX_SUB = 4;          // provisions listed per page
  var EXCERPT_WORDS = 28;

  var root, dialog, input, statusEl, list, moreBtn, filterBox, filterList, resetBtn, openBtn, examples;
  var pagefind = null;
  var loading = null;
  var selects = {};
  var seq = 0;
  var timer = null;
  var pending = [];
  var lastTerm = "";
  var lastArea = "";      // the area chosen for the results shown, "" for none
  var baseStatus = "";    // the status of the query before the area's note
  var tally = null;       // with an area and words: {total, checked, shown} pages

  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, k) { return values[k]; });
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  function setStatus(text, isError) {
    statusEl.textContent = text;
    statusEl.classList.toggle("ke-search__status--error", !!isError);
  }

  // ------------------------------------------------------------------ loading the index

  function load() {
    if (loading) return loading;
    if (location.protocol === "file:") {
      loading = Promise.reject(new Error(TEKS.berkas));
      return loading;
    }
    var bundle = new URL(root.getAttribute("data-bundle"), document.baseURI).href;
    // Result URLs in the index start at the site root ("/peraturan/..."); baseUrl puts the sub-path
    // the site is served under in front of them.
    var base = new URL(root.getAttribute("data-base") || "./", document.baseURI).pathname;
    setStatus(TEKS.memuat);
    loading = import(bundle + "pagefind.js").then(function (pf) {
      return pf.options({ baseUrl: base }).then(function () {
        return pf.init();
      }).then(function () {
        pagefind = pf;
        return pf.filters();
      }).then(buildFilters);
    }, function () {
      throw new Error(fmt(TEKS.gagal, { url: bundle }));
    });
    return loading;
  }

  // ------------------------------------------------------------------ filters

  function buildFilters(available) {
    var keys = Object.keys(available || {}).filter(function (k) {
      return Object.keys(available[k]).length > 0;
    });
    var known = Object.keys(LABEL_FILTER);
    keys.sort(function (a, b) {
      var ia = known.indexOf(a), ib = known.indexOf(b);
      if (ia < 0) ia = known.length;
      if (ib < 0) ib = known.length;
      return ia - ib || a.localeCompare(b);
    });
    keys.forEach(function (key) {
      var id = "ke-search-filter-" + key;
      var wrap = el("div", "ke-search__filter");
      var label = el("label", null, LABEL_FILTER[key] || key.charAt(0).toUpperCase() + key.slice(1).replace(/_/g, " "));
      label.htmlFor = id;
      var select = el("select");
      select.id = id;
      select.setAttribute("data-filter", key);
      var values = Object.keys(available[key]);
      if (key === "tahun") {
        values.sort(function (a, b) { return b.localeCompare(a, "id", { numeric: true }); });
      } else {
        values.sort(function (a, b) { return a.localeCompare(b, "id"); });
      }
      select.appendChild(new Option(TEKS.semua, ""));
      values.forEach(function (v) {
        var opt = new Option(v, v);
        opt.setAttribute("data-value", v);
        select.appendChild(opt);
      });
      select.addEventListener("change", function () { search(0); });
      selects[key] = select;
      wrap.appendChild(label);
      wrap.appendChild(select);
      filterList.appendChild(wrap);
    });
    filterBox.hidden = keys.length === 0;
    // On a phone the filters start folded, so the first results fit on the screen.
    if (window.matchMedia && window.matchMedia("(max-width: 44.984375em)").matches) filterBox.open = false;
  }

  function chosenFilters() {
    var out = {};
    Object.keys(selects).forEach(function (key) {
      if (selects[key].value) out[key] = selects[key].value;
    });
    return out;
  }

  // Counts next to each value: within the current results (for a filter already chosen, among the
  // results before any filter, so that another value can still be picked).
  // With words sought, a count that involves an area is a count of pages that hold the words and
  // some provision of the area, not necessarily the words in that provision: an upper bound.
  function showCounts(res, term) {
    var areaChosen = selects[AREA] && selects[AREA].value;
    Object.keys(selects).forEach(function (key) {
      var select = selects[key];
      var counts = (select.value ? res.totalFilters : res.filters) || {};
      counts = counts[key] || {};
      var bound = term && (key === AREA || areaChosen);
      Array.prototype.forEach.call(select.options, function (opt) {
        if (!opt.value) return;
        var n = counts[opt.value] || 0;
        opt.textContent = opt.value + " (" + (bound && n ? fmt(TEKS.maks, { n: n }) : n) + ")";
      });
    });
    resetBtn.hidden = Object.keys(chosenFilters()).length === 0;
  }

  // ------------------------------------------------------------------ searching

  function search(delay) {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, delay);
  }

  function run() {
    var term = input.value.trim();
    var filters = chosenFilters();
    var my = ++seq;
    examples.hidden = !!(term || Object.keys(filters).length);
    if (!term && !Object.keys(filters).length) {
      list.textContent = "";
      list.removeAttribute("aria-busy");
      moreBtn.hidden = true;
      if (pagefind) setStatus(TEKS.petunjuk);
      if (pagefind) resetBtn.hidden = true;
      return;
    }
    setStatus(pagefind ? TEKS.mencari : TEKS.memuat);
    // Busy until the results are in the list: the count is known before their texts are fetched.
    list.setAttribute("aria-busy", "true");
    var core = term ? keyWords(term) : "";
    var full;
    load().then(function () {
      return pagefind.search(term || null, { filters: filters });
    }).then(function (res) {
      full = res;
      // Then the pages that hold the key words only, after those that hold them all.
      if (!res || !core || core === term) return null;
      return pagefind.search(core, { filters: filters });
    }).then(function (relaxed) {
      if (my !== seq || !full) return;
      var seen = {};
      full.results.forEach(function (r) { seen[r.id] = true; });
      var extra = relaxed ? relaxed.results.filter(function (r) { return !seen[r.id]; }) : [];
      showCounts(full.results.length || !relaxed ? full : relaxed, term);
      list.textContent = "";
      pending = full.results.concat(extra);
      lastTerm = term;
      lastArea = (term && filters[AREA]) || "";
      tally = lastArea ? { total: pending.length, checked: 0, shown: 0 } : null;
      var n = full.results.length;
      if (!n && !extra.length) {
        moreBtn.hidden = true;
        setStatus(term ? fmt(TEKS.nihil, { q: term }) : TEKS.nihilSaring);
        list.removeAttribute("aria-busy");
        return;
      }
      var status = !term ? fmt(TEKS.jumlahSaring, { n: n }) :
        n ? fmt(TEKS.jumlah, { n: n, q: term }) : fmt(TEKS.nihilSemua, { q: term });
      if (extra.length) status += " " + fmt(TEKS.jumlahInti, { n: extra.length, q: core });
      baseStatus = status;
      setStatus(status);
      return more(my);
    }).catch(function (err) {
      if (my !== seq) return;
      setStatus(err.message, true);
      list.removeAttribute("aria-busy");
    });
  }

  // Shows the next PAGE_SIZE results. With an area chosen, a result with none of the words in that
  // area's provisions is dropped, and further results are fetched until PAGE_SIZE are shown (or
  // none is left), so the first screen still fills.
  function more(my, wanted) {
    // data-page-size on the search element (a theme override, or a test) changes the batch size.
    var size = parseInt(root.getAttribute("data-page-size"), 10) ||
      (window.matchMedia && window.matchMedia(PHONE).matches ? PHONE_PAGE_SIZE : PAGE_SIZE);
    if (wanted == null) wanted = size;
    // Only as many as the screen still lacks: a screen then never holds more than one batch.
    var batch = pending.splice(0, Math.min(size, wanted));
    moreBtn.hidden = true;
    list.setAttribute("aria-busy", "true");
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
      if (my !== seq) return;
      items.forEach(function (data) {
        var li = renderResult(data);
        if (tally) tally.checked++;
        if (!li) return;
        list.appendChild(li);
        wanted--;
        if (tally) tally.shown++;
      });
      if (wanted > 0 && pending.length) return more(my, wanted);
      moreBtn.hidden = pending.length === 0;
      if (tally) areaStatus();
      list.removeAttribute("aria-busy");
    });
  }

  function areaStatus() {
    var t = tally;
    if (!t.shown && t.checked === t.total) {
      setStatus(fmt(TEKS.nihilBidang, { b: lastArea, q: lastTerm, t: t.total }));
    } else if (t.checked === t.total) {
      setStatus(baseStatus + " " + fmt(TEKS.bidangSemua, { b: lastArea, s: t.shown, t: t.total }));
    } else {
      setStatus(baseStatus + " " + fmt(TEKS.bidangSebagian,
        { b: lastArea, s: t.shown, c: t.checked, p: t.total - t.checked }));
    }
  }

  // The anchor ids of a page in the area chosen, or null when the page has no provision-level
  // areas (a page about one area as a whole, e.g. the glossary): then all of it counts.
  function areaIds(data, labels) {
    var runs = null;
    if (!labels || !data.meta || !data.meta.bidang) return null;
    try { runs = JSON.parse(data.meta.bidang)[lastArea] || []; } catch (e) { return null; }
    var keys = Object.keys(labels);  // in document order: ids are never array indices
    var ids = {};
    for (var r = 0; r + 1 < runs.length; r += 2) {
      for (var k = runs[r]; k <= runs[r + 1] && k < keys.length; k++) ids[keys[k]] = true;
    }
    return ids;
  }

  // ------------------------------------------------------------------ one result

  // Where each hit is: the deepest provision (any element with an id that the page's location map
  // knows) before it. Pagefind's own sub-results stop at headings; a huruf or ayat is a list item.
  function locationLabels(data) {
    if (!data.meta || !data.meta.lokasi) return null;
    try { return JSON.parse(data.meta.lokasi); } catch (e) { return null; }
  }

  // The words a `kc-<id>` anchor holds are the editors' search words for provision <id>
  // (`kata_cari`, macros/templates/_node.html): a hit there counts for that provision, and they are
  // never shown in an excerpt (they are not its text). Returns {id: [first, end)} word ranges.
  function searchWordRanges(data) {
    var ranges = {};
    (data.anchors || []).forEach(function (a) {
      if (!/^kc-/.test(a.id)) return;
      var n = (a.text || "").split(/\s+/).filter(Boolean).length;
      ranges[a.id.slice(3)] = [a.location, a.location + n];
    });
    return ranges;
  }

  function provisions(data, labels) {
    var anchors = (data.anchors || []).filter(function (a) {
      if (/^kc-/.test(a.id)) return false;
      if (labels) return Object.prototype.hasOwnProperty.call(labels, a.id);
      return /^h[1-6]$/i.test(a.element) && a.text && /\S/.test(a.text);
    }).sort(function (a, b) { return a.location - b.location; });
    var indexOf = {};
    anchors.forEach(function (a, k) { indexOf[a.id] = k; });
    var ranges = searchWordRanges(data);
    var hidden = {};   // word position -> id of the provision whose search words it is
    Object.keys(ranges).forEach(function (id) {
      for (var k = ranges[id][0]; k < ranges[id][1]; k++) hidden[k] = id;
    });
    var weights = {};  // editors' notes and blank forms are indexed with a weight below 1
    (data.weighted_locations || []).forEach(function (w) { weights[w.location] = w.weight; });
    var words = data.content.split(/\s+/);
    var hits = (data.locations || []).slice().sort(function (a, b) { return a - b; });
    var hitSet = {};
    hits.forEach(function (h) { hitSet[h] = true; });
    // Provisions are ranked by how many of the key words sought they hold (a long form that repeats
    // "tidak" must not beat the provision that says "menerima imbalan"), and a word as typed
    // weighs more than another form of it ("melayani" before the many "pelayanan").
    var terms = lastTerm.toLowerCase().split(/\s+/).map(bare).filter(Boolean);
    var keyTerms = terms.filter(function (t) { return FUNCTION_WORDS.indexOf(t) < 0; });
    var groups = [];
    var byKey = {};
    var i = -1;
    hits.forEach(function (h) {
      while (i + 1 < anchors.length && anchors[i + 1].location <= h) i++;
      var at = i;
      if (hidden[h] != null && indexOf[hidden[h]] != null) at = indexOf[hidden[h]];
      var key = at < 0 ? "" : anchors[at].id;
      var g = byKey[key];
      if (!g) {
        var a = at < 0 ? null : anchors[at];
        var start = a ? a.location : 0;
        var end = at + 1 < anchors.length ? anchors[at + 1].location : words.length;
        var title = !a ? data.meta.title :
          labels ? labels[a.id] : a.text.replace(/[¶#]\s*$/, "").trim();
        g = byKey[key] = { anchor: a, title: title, start: start, end: end, hits: [], forms: {},
                           exact: {}, order: groups.length, weight: 0 };
        groups.push(g);
      }
      g.hits.push(h);
      g.weight = Math.max(g.weight, weights[h] == null ? 1 : weights[h]);
      // A token may join several words ("hadiah/imbalan/suap;"): each counts.
      pieces(words[h] || "").forEach(function (w) {
        g.forms[w] = true;
        if (terms.indexOf(w) >= 0) g.exact[w] = true;
      });
    });
    // Key words of the query each provision holds in some form. Those holding all come first, and a
    // word few provisions hold counts more than one most do ("kasar" over "petugas").
    var holders = {};
    groups.forEach(function (g) {
      var forms = Object.keys(g.forms);
      g.covered = keyTerms.filter(function (t) {
        return forms.some(function (w) { return sameWord(t, w); });
      });
      g.covered.forEach(function (t) { holders[t] = (holders[t] || 0) + 1; });
    });
    groups.forEach(function (g) {
      var forms = Object.keys(g.forms);
      var coverage = 0;
      g.covered.forEach(function (t) { coverage += 100 * (1 + 1 / holders[t]); });
      var exactKey = Object.keys(g.exact).filter(function (w) { return keyTerms.indexOf(w) >= 0; }).length;
      g.score = coverage + 10 * exactKey + 2 * Object.keys(g.exact).length + 3 * forms.length +
        Math.min(g.hits.length, 5);
      // Matched only in an editors' note or a blank form: after the provisions that hold the words.
      if (g.weight < 1) g.score /= 10;
      // Start at the provision's first word unless the hit lies far into it; never show search words.
      var shown = g.hits.filter(function (h) { return hidden[h] == null; });
      var first = shown.length ? shown[0] : g.start;
      var from = first - g.start <= 16 ? g.start : first - 8;
      g.words = [];
      var k = from;
      for (; k < g.end && g.words.length < EXCERPT_WORDS; k++) {
        if (hidden[k] == null) g.words.push({ text: words[k], hit: !!hitSet[k] });
      }
      g.cutStart = from > g.start;
      g.cutEnd = false;
      for (; k < g.end && !g.cutEnd; k++) g.cutEnd = hidden[k] == null;
    });
    groups.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return groups;
  }

  // Whether a word of the text is a form of a query word: the same word, or the same root once the
  // usual affixes are off ("diskriminatif" / "diskriminasi" are left to the search words).
  function sameWord(term, word) {
    if (term === word) return true;
    var a = affixless(term), b = affixless(word);
    return a.length >= 4 && b.length >= 4 && a.slice(0, 5) === b.slice(0, 5);
  }

  function affixless(word) {
    return word.replace(/^(meng|meny|mem|men|me|peng|peny|pem|pen|pe|ber|ter|di|ke)/, "")
      .replace(/(kan|an|i|nya)$/, "");
  }

  function bare(word) {
    return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  }

  function pieces(word) {
    return word.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // The words that carry the meaning of a query, without function words. Pagefind finds pages that
  // hold every word, and regulations word a prohibition as "dilarang", "tidak boleh" or "tidak
  // diperkenankan": "tidak boleh menerima imbalan" should also find "dilarang ... menerima imbalan".
  function keyWords(term) {
    return term.split(/\s+/).filter(function (w) { return FUNCTION_WORDS.indexOf(bare(w)) < 0; }).join(" ");
  }

  function excerpt(g) {
    var p = el("span", "ke-result__excerpt");
    if (g.cutStart) p.appendChild(document.createTextNode("… "));
    var mark = null;
    g.words.forEach(function (w, idx) {
      if (w.hit && mark) {
        mark.textContent += " " + w.text;  // adjacent hits ("pungutan liar") share one mark
        return;
      }
      if (idx) p.appendChild(document.createTextNode(" "));
      mark = w.hit ? p.appendChild(el("mark", null, w.text)) : null;
      if (!w.hit) p.appendChild(document.createTextNode(w.text));
    });
    if (g.cutEnd) p.appendChild(document.createTextNode(" …"));
    return p;
  }

  // The list item of one result, or null when an area is chosen and none of the page's hits is in
  // its provisions.
  function renderResult(data) {
    var meta = data.meta || {};
    var li = el("li", "ke-result");
    var head = el("a", "ke-result__title", meta.title || data.url);
    head.href = data.url;
    li.appendChild(head);
    if (meta.wilayah || (meta.status && meta.status !== "berlaku")) {
      var line = el("p", "ke-result__meta");
      if (meta.wilayah) line.appendChild(el("span", "ke-result__region", meta.wilayah));
      if (meta.status && meta.status !== "berlaku") {
        line.appendChild(el("span", "ke-result__status", TEKS[meta.status] || meta.status));
      }
      li.appendChild(line);
    }
    if (lastTerm) {
      var labels = locationLabels(data);
      var groups = provisions(data, labels);
      // Hits before the first provision (a page's title and introduction) add nothing the result's
      // title link does not already give, once some provision holds the words.
      if (groups.some(function (g) { return g.anchor; })) {
        groups = groups.filter(function (g) { return g.anchor; });
      }
      var inArea = lastArea ? areaIds(data, labels) : null;
      if (inArea) {
        // Only hits in the area's provisions; a hit before the first provision (the page title) is
        // in none.
        groups = groups.filter(function (g) { return g.anchor && inArea[g.anchor.id]; });
        if (!groups.length) return null;
      }
      var subs = el("ul", "ke-result__provisions");
      groups.slice(0, MAX_SUB).forEach(function (g) {
        var item = el("li", "ke-result__provision");
        var a = el("a");
        a.href = g.anchor ? data.url + "#" + g.anchor.id : data.url;
        if (g.anchor) a.setAttribute("data-anchor", g.anchor.id);
        a.appendChild(el("span", "ke-result__where", g.title));
        a.appendChild(excerpt(g));
        item.appendChild(a);
        subs.appendChild(item);
      });
      if (subs.childNodes.length) li.appendChild(subs);
      if (groups.length > MAX_SUB) {
        li.appendChild(el("p", "ke-result__more", fmt(inArea ? TEKS.lainnyaBidang : TEKS.lainnya,
          { n: groups.length - MAX_SUB })));
      }
    } else if (meta.tentang) {
      li.appendChild(el("p", "ke-result__about", "tentang " + meta.tentang));
    }
    return li;
  }

  // ------------------------------------------------------------------ dialog and keyboard

  function open() {
    if (!dialog.open) {
      if (dialog.showModal) dialog.showModal(); else dialog.setAttribute("open", "");
      openBtn.setAttribute("aria-expanded", "true");
    }
    input.focus();
    input.select();
    if (location.protocol === "file:") {
      setStatus(TEKS.berkas, true);
      input.disabled = true;
      return;
    }
    load().then(function () {
      if (!input.value.trim() && !Object.keys(chosenFilters()).length) setStatus(TEKS.petunjuk);
    }, function (err) { setStatus(err.message, true); });
  }

  function close() {
    if (dialog.open) {
      if (dialog.close) dialog.close(); else dialog.removeAttribute("open");
    }
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  // "/" (and Material's own "s" and "f") or Ctrl/Cmd+K open search from anywhere. Handled on the
  // document, before Material's keyboard handler on the window, which would otherwise flip its
  // unused search toggle and then swallow the arrow keys.
  function onGlobalKey(e) {
    if (dialog.open) return;
    var k = (e.key || "").toLowerCase();
    var shortcut = (k === "k" && (e.ctrlKey || e.metaKey) && !e.altKey) ||
      ((k === "/" || k === "s" || k === "f") && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target));
    if (!shortcut) return;
    e.preventDefault();
    e.stopPropagation();
    open();
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function onDialogKey(e) {
    var items = links();
    var idx = items.indexOf(document.activeElement);
    if (e.key === "ArrowDown") {
      if (!items.length) return;
      e.preventDefault();
      items[Math.min(idx + 1, items.length - 1)].focus();
    } else if (e.key === "ArrowUp") {
      if (idx < 0) return;
      e.preventDefault();
      if (idx === 0) input.focus(); else items[idx - 1].focus();
    } else if (e.key === "Escape") {
      // Let the dialog close itself (a native <dialog> does); the fallback closes it here.
      if (!dialog.showModal) close();
    }
    e.stopPropagation();  // keep Material's page shortcuts ("n", "p") out of the dialog
  }

  function init() {
    root = document.querySelector("[data-ke-search]");
    if (!root) return;
    openBtn = root.querySelector(".ke-search__open");
    dialog = root.querySelector(".ke-search__dialog");
    input = root.querySelector(".ke-search__input");
    statusEl = root.querySelector(".ke-search__status");
    list = root.querySelector(".ke-search__results");
    moreBtn = root.querySelector(".ke-search__more");
    filterBox = root.querySelector(".ke-search__filters");
    filterList = root.querySelector(".ke-search__filter-list");
    resetBtn = root.querySelector(".ke-search__reset");
    examples = root.querySelector(".ke-search__contoh");
    examples.hidden = false;
    // An example search fills the box and runs, as if typed.
    examples.addEventListener("click", function (e) {
      var b = e.target.closest && e.target.closest("button[data-q]");
      if (!b) return;
      input.value = b.getAttribute("data-q");
      search(0);
      input.focus();
    });

    openBtn.hidden = false;  // without JavaScript there is no search, so no button either
    openBtn.setAttribute("aria-expanded", "false");
    openBtn.addEventListener("click", open);
    // Start fetching the index as soon as someone reaches for the button, not on every page view:
    // a reader who never searches downloads none of it.
    ["pointerenter", "focus", "touchstart"].forEach(function (type) {
      openBtn.addEventListener(type, function () {
        if (location.protocol !== "file:") load().catch(function () {});
      }, { passive: true });
    });
    root.querySelector(".ke-search__close").addEventListener("click", close);
    dialog.addEventListener("close", function () {
      openBtn.setAttribute("aria-expanded", "false");
    });
    // A click on the backdrop (outside the panel) closes the dialog.
    dialog.addEventListener("click", function (e) { if (e.target === dialog) close(); });
    dialog.addEventListener("keydown", onDialogKey);
    document.addEventListener("keydown", onGlobalKey);
    input.addEventListener("input", function () { search(120); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter") {
        e.preventDefault();
        var first = links()[0];
        if (first) first.click(); else search(0);
      }
    });
    moreBtn.addEventListener("click", function () { more(seq); });
    resetBtn.addEventListener("click", function () {
      Object.keys(selects).forEach(function (k) { selects[k].value = ""; });
      search(0);
      input.focus();
    });
    // Following a result closes the dialog: on the same page only the fragment changes.
    list.addEventListener("click", function (e) {
      if (e.target.closest && e.target.closest("a")) close();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
