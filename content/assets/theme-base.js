// Material for MkDocs' partials/javascripts/base.html (9.8), moved out of the page so that the
// Content-Security-Policy can forbid inline scripts (macros/plugin/csp.py). Loaded in <head>, before
// Material's bundle, which uses these functions. __md_scope is the site's root: Material computes it
// from the page's base_url; this file lives in assets/, one level below the root.
__md_scope = new URL("..", document.currentScript.src),
__md_hash = e => [...e].reduce(((e, _) => (e << 5) - e + _.charCodeAt(0)), 0),
__md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e)),
__md_set = (e, _, t = localStorage, a = __md_scope) => { try { t.setItem(a.pathname + "." + e, JSON.stringify(_)) } catch (e) {} };
