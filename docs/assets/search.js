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
    facts.textContent = "Reference " + (r.meta.reference || "") + " · " + (r.meta.force || "");
    var excerpt = document.createElement("p");
    excerpt.className = "pagefind-modular-list-excerpt";
    excerpt.innerHTML = r.excerpt;
    item.append(title, facts, excerpt);
    return item;
  }
  var ui = document.createElement("script");
  ui.src = bundle + "pagefind-modular-ui.js";
  ui.onload = function () {
    var M = window.PagefindModularUI;
    var instance = new M.Instance({ bundlePath: bundle, baseUrl: root });
    instance.add(new M.Input({ containerElement: "#foi-search-input", inputElement: null }));
    instance.add(new M.Summary({ containerElement: "#foi-search-summary" }));
    instance.add(new M.ResultList({ containerElement: "#foi-search-results", resultTemplate: result }));
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) {
      instance.triggerSearch(query);
      var input = document.querySelector("#foi-search-input input");
      if (input) input.value = query;
    }
  };
  document.head.appendChild(ui);
})();
