// Search: the page's only script. Pagefind's UI over the index digest built into pagefind/;
// a ?q= from the search box on every other page runs at once.
(function () {
  "use strict";
  var note = document.getElementById("search-note");
  var box = document.getElementById("search");
  if (location.protocol === "file:" || typeof PagefindUI === "undefined") {
    note.textContent = location.protocol === "file:"
      ? "Search needs the site served over HTTP: run python3 -m http.server in the site's folder and open it there."
      : "Search is unavailable: this build has no search index.";
    return;
  }
  note.hidden = true;
  var ui = new PagefindUI({ element: box, bundlePath: box.dataset.bundle.replace(/pagefind\.js$/, ""), showSubResults: false, showImages: false,
                            resetStyles: false });
  // Pagefind's own field has a placeholder but no label; name it for screen readers.
  var field = box.querySelector("input");
  if (field) { field.setAttribute("aria-label", "Search the stories"); }
  var q = new URLSearchParams(location.search).get("q");
  if (q) { ui.triggerSearch(q); }
})();
