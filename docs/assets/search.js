// The search page: Pagefind's modular UI over the index the build writes to ../pagefind/ (self-hosted).
// Pagefind loads only the index chunks and result fragments a query needs, so the page stays light at any size.
(function () {
  var script = document.currentScript;
  var bundle = new URL("../pagefind/", script.src).pathname;
  var root = new URL("../", script.src).pathname;
  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = bundle + "pagefind-modular-ui.css";
  document.head.appendChild(css);
  // One result: its title as a link, its reference and force, and Pagefind's excerpt (Pagefind escapes the text
  // and marks the words found; everything else is set as text, never as markup).
  function result(r) {
    var item = document.createElement("li");
    item.className = "pagefind-modular-list-result foi-search-result";
    var title = document.createElement("p");
    title.className = "pagefind-modular-list-title";
    var link = document.createElement("a");
    link.className = "pagefind-modular-list-link";
    link.href = r.url;
    link.textContent = r.meta.title || r.url;
    title.appendChild(link);
    var facts = document.createElement("p");
    facts.className = "foi-search-facts";
    facts.textContent = r.meta.reference ? "Reference " + r.meta.reference + " · " + (r.meta.force || "") : (r.meta.kind || "");
    var excerpt = document.createElement("p");
    excerpt.className = "pagefind-modular-list-excerpt";
    var shown = readable(r.excerpt, r.meta.title || "", r.meta.about || "");
    // only the topic or code lists (or the title) matched: the request's own summary instead (meta, set as text)
    if (!shown && r.meta.summary) excerpt.textContent = r.meta.summary;
    else excerpt.innerHTML = shown;
    item.append(title, facts, excerpt);
    return item;
  }
  // Pagefind's excerpt is a window of the record, which runs the page's parts together (summary, questions, then what
  // it is about, its codes, caveats, title and reference): keep only sentences that hold a word found, the reader's
  // own (summary, questions, caveats) before the lists of topics and codes, at most two, joined by "…"; when only the
  // reference matched (shown above it already), the first whole sentence. The excerpt is Pagefind's escaped text with
  // <mark> around single words: cutting it between sentences leaves every mark whole and adds no markup.
  var LISTS = /^(?:<mark>)?(?:About|Home|Reference)\b/;
  // A sentence of the topic and code lists (a request's meta.about holds them: the window may start inside one), or
  // the title again: not the request's own words.
  function listed(s, title, about) {
    var words = new DOMParser().parseFromString(s.replace(/<\/?mark>/g, ""), "text/html").documentElement.textContent.trim();
    return LISTS.test(s) || (about && words.length > 12 && about.indexOf(words.replace(/\.$/, "")) >= 0) || words.replace(/\.$/, "") === title;
  }
  function readable(html, title, about) {
    var sentences = String(html || "").split(/(?<=[.?!](?:<\/mark>)?)\s+/);  // Pagefind may mark a word with its full stop
    var found = sentences.filter(function (s) { return s.indexOf("<mark>") >= 0 && !/^(?:<mark>)?Reference\b/.test(s); });
    var own = found.filter(function (s) { return !listed(s, title, about); });
    if (about) return own.slice(0, 2).join(" … ");  // a request: its own words, or "" (its summary is shown instead)
    found.sort(function (a, b) { return LISTS.test(a) - LISTS.test(b); });  // a stable sort: page order within each kind
    if (found.length) return found.slice(0, 2).join(" … ");
    // nothing but the reference matched: a whole sentence of the record if the window holds one, never a fragment
    return sentences.filter(function (s) {  // nor the title again, shown above it
      return /^[A-Z“"(]/.test(s) && !/^(?:<mark>)?Reference\b/.test(s) && s.replace(/<\/?mark>/g, "").replace(/\.$/, "") !== title;
    }).slice(0, 1).join("");
  }
  // Letters and digits, in runs: "FOI2019/05348" -> ["foi2019", "05348"]; quotes and separators do not count.
  function parts(text) { return text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean); }
  // A query that looks like a reference: one word with at least three digits (05348, FOI2019/05348, CS-2022-00427),
  // but not a year alone (2019), which readers add to narrow a search.
  function referenceLike(query) {
    var q = query.trim();
    if (/\s/.test(q) || (q.match(/\d/g) || []).length < 3 || /^(19|20)\d\d$/.test(parts(q).join(""))) return null;
    return parts(q).length ? parts(q) : null;
  }
  // Whether a reference holds every run of letters and digits typed, whatever separators either uses:
  // CS-2022-00427 is CS/2022/00427, 2019/05348 is in FOI2019/05348, and 0534 in 05348.
  function holds(reference, wanted) {
    var ref = parts(reference).join(" ");
    return wanted.every(function (w) { return ref.indexOf(w) >= 0; });
  }
  var ui = document.createElement("script");
  ui.src = bundle + "pagefind-modular-ui.js";
  ui.onload = function () {
    var M = window.PagefindModularUI;
    var instance = new M.Instance({ bundlePath: bundle, baseUrl: root });
    instance.add(new M.Input({ containerElement: "#foi-search-input", inputElement: null }));
    instance.add(new M.Summary({ containerElement: "#foi-search-summary" }));
    var list = new M.ResultList({ containerElement: "#foi-search-results", resultTemplate: result });
    instance.add(list);
    // Pagefind fills a result in only when it scrolls into view, so results below the first screen showed dotted
    // placeholders (a reader took them for broken results): fill in the first LOADED at once, the rest as they are reached.
    var LOADED = 10;
    instance.on("results", function () {
      setTimeout(function () {
        (list.results || []).slice(0, LOADED).forEach(function (r) { if (r && r.result === null && typeof r.load === "function") r.load(); });
      }, 0);
    });
    // Pagefind leaves out a word the index does not hold, and ranks by words, not whole references: FOI2019/99999 lists
    // every FOI2019/... request. Say so when none of the first results' references starts as typed.
    var note = document.getElementById("foi-search-note");
    var term = "";
    function say(asked, text) {  // the note for `asked`, marked with it once settled (the tests wait for that mark)
      if (!note || asked !== term) return;
      note.textContent = text;
      note.setAttribute("data-for", asked);
    }
    instance.on("search", function (typed) {
      term = typed || "";
      if (note) { note.textContent = ""; note.removeAttribute("data-for"); }
    });
    instance.on("results", function (found) {
      var asked = term, wanted = referenceLike(asked);
      if (!wanted || !found || !found.results || !found.results.length) return say(asked, "");
      Promise.all(found.results.slice(0, 5).map(function (r) { return r.data(); })).then(function (items) {
        var held = items.some(function (item) { return holds(item.meta.reference || "", wanted); });
        var digits = (asked.match(/\d{3,}/g) || []).pop() || "";
        say(asked, held ? "" : "None of the first results has the reference “" + asked.trim() + "”." +
          (digits && digits !== wanted.join("") ? " Search matches words, not the whole reference: try its number alone, " + digits + "." : ""));
      }, function () { say(asked, ""); });
    });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) {
      instance.triggerSearch(query);
      var input = document.querySelector("#foi-search-input input");
      if (input) input.value = query;
    }
  };
  document.head.appendChild(ui);
})();
