// The site's own behaviour, self-hosted and dependency-free:
// copy buttons for citations, and opening the full response text when a link points at one of its lines.
(function () {
  "use strict";
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
  function openLineTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!/^L\d+$/.test(id)) return;
    var target = document.getElementById(id);
    var details = target && target.closest("details");
    if (details && !details.open) {
      details.open = true;
      target.scrollIntoView({ block: "center" });
    }
  }
  function init() {
    initCopy();
    openLineTarget();
    window.addEventListener("hashchange", openLineTarget);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
