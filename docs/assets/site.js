// The site's own behaviour, self-hosted and dependency-free:
// copy buttons for citations, "/" to search, and opening the full response text when a link points at one of its lines.
(function () {
  "use strict";
  var SCRIPT = document.currentScript ? document.currentScript.src : "";  // assets/site.js: where the site's root is
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error("copy failed"));
    });
  }
  function initCopy() {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        var source = document.getElementById(button.getAttribute("data-copy"));
        var status = button.closest(".cite-box").querySelector(".copy-status");
        copyText(source ? source.textContent : "").then(function () {
          button.textContent = "Copied";
          if (status) status.textContent = "Citation copied to the clipboard.";
        }, function () {
          if (status) status.textContent = "Could not copy: select the text and copy it by hand.";
        });
        setTimeout(function () { button.textContent = "Copy"; }, 2000);
      });
    });
  }
  // Mark the cell or line a number opened (or none), as :target would: a pushState'd address does not move :target, and
  // Back must not leave the cell of a later click marked beside the one the address now names.
  function mark(target) {
    document.querySelectorAll(".foi-target").forEach(function (el) { el.classList.remove("foi-target"); });
    if (target) target.classList.add("foi-target");
  }
  function openLineTarget() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (err) { mark(null); return; }  // a malformed link opens nothing
    var cell = /^src-[\w-]+$/.test(id);  // a cell or PDF line in a source file's preview
    var target = cell || /^L\d+$/.test(id) ? document.getElementById(id) : null;
    mark(target);  // a line of the response too: a click on a cell's number would leave :target on it
    if (!target) return;
    var details = target && target.closest("details");
    if (details && (!details.open || cell)) {  // a cell is centred with the rows above it, not put under the header
      details.open = true;
      target.scrollIntoView({ block: "center", inline: cell ? "center" : "nearest" });
    }
  }
  // A table's JSON download (parsed by the browser's own JSON.parse) as rows of text in the CSV's column order:
  // empty cells are "", booleans and numbers are written as the CSV writes them.
  function rowsOf(data, fields) {
    return [fields].concat(data.rows.map(function (row) {
      return fields.map(function (name) {
        var value = row[name];
        return value === null || value === undefined ? "" : String(value);
      });
    }));
  }
  function cell(tag, text, className) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    el.textContent = text;
    return el;
  }
  // The tidy rows of a table, built from its CSV (the download itself) when the reader opens "as data".
  function tidyTable(rows, label, lineHref, titles) {
    var header = rows[0], numeric = ["value", "line", "page"];
    var frame = document.createElement("div");
    frame.className = "table-frame";
    frame.setAttribute("role", "region");
    frame.setAttribute("aria-label", label);
    frame.tabIndex = 0;
    var table = document.createElement("table");
    table.className = "foi-grid tidy sortable";
    var head = table.createTHead().insertRow();
    function kind(name) {  // numbers right-aligned; the value column also kept in view on a phone (site.css)
      return (numeric.indexOf(name) >= 0 ? "num" : "") + (name === "value" ? " value" : "");
    }
    header.forEach(function (name, i) {
      var th = cell("th", (titles && titles[i]) || name, kind(name));  // the field's title in words; its name is under "Fields of the CSV files"
      th.scope = "col";
      th.title = name;
      head.appendChild(th);
    });
    var body = table.createTBody();
    rows.slice(1).forEach(function (values) {
      if (values.length !== header.length) return;
      var tr = body.insertRow();
      if (values[header.indexOf("is_total")] === "true") tr.className = "total";
      values.forEach(function (value, i) {
        var td = cell("td", "", kind(header[i]));
        if (lineHref !== null && header[i] === "line" && /^\d+$/.test(value)) {
          var a = cell("a", value);
          a.href = lineHref + "#L" + value;
          td.appendChild(a);
        } else if (td.className) td.textContent = value;
        else td.appendChild(cell("span", value, "label"));  // a label wraps in a measure (site.css)
        tr.appendChild(td);
      });
    });
    frame.appendChild(table);
    return frame;
  }
  function initAsData() {
    document.querySelectorAll("details.as-data[data-json]").forEach(function (details) {
      details.addEventListener("toggle", function () {
        if (!details.open || details.getAttribute("data-loaded")) return;
        details.setAttribute("data-loaded", "loading");
        // Say what is happening: a reader who opened the view and saw nothing took it for an empty table.
        var status = details.querySelector(".as-data-status");
        var csv = details.querySelector(".as-data-note a");
        function say(text, withLink) {
          if (!status) return;
          status.textContent = text;
          if (withLink && csv) {
            var a = cell("a", "the CSV file");
            a.href = csv.getAttribute("href");
            status.appendChild(a);
            status.appendChild(document.createTextNode(" has every row."));
          }
        }
        say("Loading the rows…");
        fetch(details.getAttribute("data-json")).then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        }).then(function (data) {
          var fields = details.getAttribute("data-fields").split(" ");
          var titles = JSON.parse(details.getAttribute("data-titles") || "[]");
          // The value and its status come right after the labels, so a wide screen shows them without scrolling (a
          // value column kept in view at the frame's edge covered the column under it); the rest keep the CSV's order.
          var at = fields.findIndex(function (f) { return ["offence_code", "code_role", "outcome_type", "value"].indexOf(f) >= 0; });
          if (at >= 0) {
            ["status", "value"].forEach(function (f) {
              var i = fields.indexOf(f);
              if (i > at) { fields.splice(at, 0, fields.splice(i, 1)[0]); titles.splice(at, 0, titles.splice(i, 1)[0]); }
            });
          }
          var frame = tidyTable(rowsOf(data, fields), details.getAttribute("data-label"), details.getAttribute("data-lines"), titles);
          details.appendChild(frame);
          if (window.foiSortable) window.foiSortable(frame.querySelector("table"));
          scrollCues();
          details.setAttribute("data-loaded", "yes");
          if (status) status.remove();
        }, function () {
          details.removeAttribute("data-loaded");  // tried again when it is opened again
          say("The rows could not be loaded here (a page opened from a file cannot load them); ", true);
        });
      });
    });
  }
  // "/" focuses the search field (the search page's own, else the header's), as on many sites; not while typing.
  function initSearchKey() {
    var form = document.querySelector(".foi-hsearch");
    if (form) form.addEventListener("submit", function (event) {  // nothing typed yet (on a phone, the field is closed): open it
      var field = form.querySelector("input");
      if (field && !field.value.trim()) { event.preventDefault(); field.focus(); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      var el = event.target;
      if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
      var field = document.querySelector("#foi-search-input input") || document.getElementById("foi-hsearch-q");
      if (!field) return;
      event.preventDefault();
      field.focus();
      field.select();
    });
  }
  // The header's search field shows the first results in a panel under it as the reader types, from the same
  // self-hosted Pagefind index as the search page; Enter still opens the search page with every result. Pagefind is
  // loaded only once the field is used, so a page that does not search loads nothing more. Results are set as text.
  function initSearchPanel() {
    var form = document.querySelector(".foi-hsearch"), field = document.getElementById("foi-hsearch-q");
    if (!form || !field || !SCRIPT || document.getElementById("foi-search-input")) return;  // the search page has its own
    var bundle = new URL("../pagefind/", SCRIPT).href, root = new URL("../", SCRIPT).pathname;
    var panel = document.createElement("div");
    panel.className = "foi-hpanel";
    panel.id = "foi-hpanel";
    panel.hidden = true;
    panel.setAttribute("role", "region");
    panel.setAttribute("aria-label", "First search results");
    var status = cell("p", "", "foi-hpanel__status");
    status.setAttribute("role", "status");
    var list = document.createElement("ul");
    list.className = "foi-hpanel__list";
    var all = cell("a", "", "foi-hpanel__all");
    panel.append(status, list, all);
    form.appendChild(panel);
    field.setAttribute("aria-controls", "foi-hpanel");
    var pagefind = null, timer = null, asked = "";
    function load() {
      if (!pagefind) pagefind = import(bundle + "pagefind.js").then(function (pf) {
        return Promise.resolve(pf.options({ baseUrl: root })).then(function () { return pf; });
      });
      return pagefind;
    }
    function show(query) {
      asked = query;
      if (!query) { panel.hidden = true; return; }
      panel.hidden = false;
      status.textContent = "Searching…";
      all.textContent = "All results on the search page";
      all.href = form.getAttribute("action") + "?q=" + encodeURIComponent(query);
      load().then(function (pf) { return pf.search(query); }).then(function (found) {
        if (asked !== query || !found) return;
        return Promise.all(found.results.slice(0, 5).map(function (r) { return r.data(); })).then(function (items) {
          if (asked !== query) return;
          list.textContent = "";
          items.forEach(function (item) {
            var li = document.createElement("li");
            var a = cell("a", item.meta.title || item.url);
            a.href = item.url;
            li.append(a, cell("span", item.meta.reference ? "Reference " + item.meta.reference + " · " + (item.meta.force || "")
                                                           : (item.meta.kind || ""), "foi-hpanel__facts"));
            list.appendChild(li);
          });
          var n = found.results.length;
          status.textContent = n ? n + (n === 1 ? " result" : " results") + (n > 5 ? ", the first 5:" : ":") : "No results for “" + query + "”.";
        });
      }).catch(function () {
        if (asked === query) status.textContent = "The results could not be loaded here; press Enter to open the search page.";
      });
    }
    field.addEventListener("input", function () {
      clearTimeout(timer);
      dismissed = false;
      var query = field.value.trim();
      timer = setTimeout(function () { show(query); }, 150);
    });
    var dismissed = false;  // closed by Escape: focus alone does not open it again, typing does
    field.addEventListener("focus", function () { if (field.value.trim() && !dismissed && panel.hidden) show(field.value.trim()); });
    form.addEventListener("keydown", function (event) {  // Escape closes the panel; the arrow keys move through its links
      if (event.key === "Escape" && !panel.hidden) { dismissed = true; panel.hidden = true; field.focus(); return; }
      if ((event.key !== "ArrowDown" && event.key !== "ArrowUp") || panel.hidden) return;
      var links = Array.prototype.slice.call(panel.querySelectorAll("a"));
      if (!links.length) return;
      event.preventDefault();
      var i = links.indexOf(document.activeElement);
      var next = event.key === "ArrowDown" ? Math.min(i + 1, links.length - 1) : i - 1;
      if (next < 0) field.focus(); else links[next].focus();
    });
    document.addEventListener("click", function (event) { if (!form.contains(event.target)) panel.hidden = true; });
  }
  // The theme wraps a Markdown table in a frame that scrolls sideways when the table is wider than the page: a keyboard
  // user must be able to reach it to scroll it (axe: scrollable-region-focusable).
  function focusableFrames() {
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (frame) {
      if (frame.scrollWidth > frame.clientWidth) frame.tabIndex = 0;
    });
    scrollCues();
  }
  // A table wider than its frame says so above it, in words: a phone (and a headless browser) shows no scrollbar, and a
  // reader took a table cut at "Unk" for the whole table.
  function scrollCues() {
    document.querySelectorAll(".md-typeset .table-frame").forEach(function (frame) {
      var cue = frame.previousElementSibling && frame.previousElementSibling.classList.contains("scroll-cue") ? frame.previousElementSibling : null;
      var wide = frame.offsetParent !== null && frame.scrollWidth > frame.clientWidth + 1;
      frame.classList.toggle("is-wide", wide);
      if (wide && !cue) {
        cue = document.createElement("p");
        cue.className = "scroll-cue";
        cue.textContent = "Wider than the page: scroll the table sideways to see every column \u2192";
        frame.parentNode.insertBefore(cue, frame);
      } else if (!wide && cue) cue.remove();
    });
  }
  function init() {
    document.documentElement.classList.add("foi-js");
    window.addEventListener("load", focusableFrames);
    window.addEventListener("resize", focusableFrames);
    if (window.document$ && window.document$.subscribe) window.document$.subscribe(function () { setTimeout(focusableFrames, 0); });
    initSearchPanel();
    initSearchKey();  // cells are marked by mark(), not by :target (site.css)
    initCopy();
    initAsData();
    openLineTarget();
    window.addEventListener("hashchange", openLineTarget);
    // A link to a cell opened from elsewhere is scrolled to by the browser after this script runs: centre it then too.
    window.addEventListener("load", openLineTarget);
    // A number linking to a cell of a preview: open the preview and centre the cell here, instead of letting the browser
    // jump to it (Chrome may scroll to a fragment in a just-opened <details> a frame later, undoing the centring). The
    // address still changes, so the link can be shared and Back works; the cell is marked as :target would mark it.
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest('a[href^="#src-"]');
      if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      var id = link.getAttribute("href").slice(1);  // our own ids: letters, digits and dashes
      var target = document.getElementById(id);
      var details = target && target.closest("details");
      if (!details) return;
      event.preventDefault();
      if (location.hash !== "#" + id) history.pushState(null, "", "#" + id);
      mark(target);
      details.open = true;
      target.scrollIntoView({ block: "center", inline: "center" });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
