// Defined terms: inside any element carrying data-regulation (a regulation page, a comparison
// cell), the terms that regulation's Ketentuan Umum defines are underlined, and their definition
// -- per that regulation -- shows on hover or keyboard focus. Data: data/istilah.json, built with
// the site. Texts are inserted with textContent only. Without JavaScript nothing changes.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch) return;
  var dataUrl = new URL("../data/istilah.json", script.src).href;  // this file is in assets/
  // A page about a few regulations fetches their own term files (data/istilah/<id>.json); one
  // showing more (a comparison of every region) fetches the whole file once. The whole file grows
  // with the number of regions: at national size it was a third of a regulation page's first view.
  var MAX_SEPARATE = 6;
  var terms = { peraturan: {} };
  var perRegulation = {};  // id -> promise of its file
  var whole = null;        // promise of the whole file
  var pop = null;
  var current = null;
  var LETTER = /[A-Za-z0-9\u00C0-\u024F]/;

  function fetchTerms(url) {
    return fetch(url).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (json) {
        if (json && json.peraturan) {
          Object.keys(json.peraturan).forEach(function (id) { terms.peraturan[id] = json.peraturan[id]; });
        }
      })
      .catch(function () { return null; });
  }

  function load(ids) {
    if (whole) return whole;
    var missing = ids.filter(function (id) { return !perRegulation[id]; });
    if (Object.keys(perRegulation).length + missing.length > MAX_SEPARATE) {
      whole = fetchTerms(dataUrl);
      return whole;
    }
    missing.forEach(function (id) {
      // Ids are [a-z0-9-] (the data loader checks): safe in a path.
      perRegulation[id] = fetchTerms(new URL("../data/istilah/" + id + ".json", script.src).href);
    });
    return Promise.all(ids.map(function (id) { return perRegulation[id]; }));
  }

  function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  // An acronym (SOP, APBD) matches only as written; other terms match in any case but must
  // start with a capital letter, as defined terms do in Indonesian drafting.
  function isAcronym(name) { return /^[A-Z]{2,6}$/.test(name); }

  function matcher(defs) {
    var names = [];
    defs.forEach(function (d, i) {
      [d.istilah].concat(d.singkatan).forEach(function (name) {
        if (name && name.length > 1) names.push({ name: name, def: i });
      });
    });
    names.sort(function (a, b) { return b.name.length - a.name.length; });
    if (!names.length) return null;
    var re = new RegExp("(" + names.map(function (n) { return escapeRe(n.name); }).join("|") + ")", "gi");
    return { re: re, names: names };
  }

  function lookup(m, text) {
    for (var i = 0; i < m.names.length; i++) {
      var n = m.names[i];
      if (isAcronym(n.name) ? text === n.name : text.toLowerCase() === n.name.toLowerCase()) return n;
    }
    return null;
  }

  function markElement(el, defs, m) {
    var seen = {};
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      if (node.parentNode.closest(".ke-istilah, a")) return;
      var text = node.nodeValue;
      var found = [];
      m.re.lastIndex = 0;
      var match;
      while ((match = m.re.exec(text))) {
        var word = match[0];
        var start = match.index, end = start + word.length;
        var hit = lookup(m, word);
        if (!hit || seen[hit.def]) continue;
        if (word.charAt(0) !== word.charAt(0).toUpperCase()) continue;
        if ((start > 0 && LETTER.test(text.charAt(start - 1))) || (end < text.length && LETTER.test(text.charAt(end)))) continue;
        var own = node.parentNode.closest("[id], [data-eid]");
        if (own && (own.id === defs[hit.def].eid || own.getAttribute("data-eid") === defs[hit.def].eid)) continue;
        seen[hit.def] = true;
        found.push({ start: start, end: end, def: hit.def });
      }
      for (var i = found.length - 1; i >= 0; i--) {
        var f = found[i];
        var after = node.splitText(f.start);
        after.splitText(f.end - f.start);
        var span = document.createElement("span");
        span.className = "ke-istilah";
        span.tabIndex = 0;
        span.setAttribute("data-istilah", String(f.def));
        after.parentNode.replaceChild(span, after);
        span.appendChild(after);
      }
    });
  }

  function markScope(scope) {
    var reg = scope.getAttribute("data-regulation");
    var defs = terms && terms.peraturan && terms.peraturan[reg];
    if (!defs || !defs.length || scope.closest(".ke-glossary")) return;
    var m = matcher(defs);
    if (!m) return;
    scope.querySelectorAll(".ke-text").forEach(function (el) { markElement(el, defs, m); });
  }

  function markAll(root) {
    var scopes = [];
    if (root.matches && root.matches("[data-regulation]")) scopes.push(root);
    root.querySelectorAll("[data-regulation]").forEach(function (s) { scopes.push(s); });
    var nested = root.closest && root.closest("[data-regulation]");
    if (!scopes.length && nested) scopes.push(nested);
    if (!scopes.length) return;
    var ids = [];
    scopes.forEach(function (s) {
      var id = s.getAttribute("data-regulation");
      if (id && ids.indexOf(id) < 0) ids.push(id);
    });
    load(ids).then(function () { scopes.forEach(markScope); });
  }

  function show(span) {
    var scope = span.closest("[data-regulation]");
    var defs = terms && scope && terms.peraturan[scope.getAttribute("data-regulation")];
    var d = defs && defs[Number(span.getAttribute("data-istilah"))];
    if (!d) return;
    if (!pop) {
      pop = document.createElement("div");
      pop.className = "ke-istilah-pop";
      pop.id = "ke-istilah-pop";
      pop.setAttribute("role", "tooltip");
      document.body.appendChild(pop);
    }
    pop.textContent = "";
    var ref = document.createElement("span");
    ref.className = "ke-istilah-pop__ref";
    ref.textContent = d.istilah + " (" + d.label + ")";
    pop.appendChild(ref);
    pop.appendChild(document.createTextNode(d.definisi));
    pop.hidden = false;
    var rect = span.getBoundingClientRect();
    var left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - pop.offsetWidth - 8));
    pop.style.left = (left + window.scrollX) + "px";
    pop.style.top = (rect.bottom + window.scrollY + 4) + "px";
    span.setAttribute("aria-describedby", pop.id);
    current = span;
  }

  function hide() {
    if (pop) pop.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  document.addEventListener("mouseover", function (e) {
    var span = e.target.closest && e.target.closest(".ke-istilah");
    if (span && span !== current) show(span);
  });
  document.addEventListener("mouseout", function (e) {
    var span = e.target.closest && e.target.closest(".ke-istilah");
    if (span && span === current && document.activeElement !== span) hide();
  });
  document.addEventListener("focusin", function (e) {
    if (e.target.classList && e.target.classList.contains("ke-istilah")) show(e.target);
  });
  document.addEventListener("focusout", function (e) { if (e.target === current) hide(); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  document.addEventListener("ke:content", function (e) { markAll(e.detail || document); });

  function start() { markAll(document); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
