// Search: the page's only script. Pagefind's UI over the index digest built into pagefind/: one
// bundle a shard of the archive, listed newest first in pagefind/shards.json and merged here.
// A ?q= from the search box on every other page runs at once.
(function () {
  "use strict";
  var note = document.getElementById("search-note");
  var box = document.getElementById("search");
  function unavailable(text) { note.hidden = false; note.textContent = text; }
  if (location.protocol === "file:") {
    unavailable("Search needs the site served over HTTP: run python3 -m http.server in the site's folder and open it there.");
    return;
  }
  if (typeof PagefindUI === "undefined") {
    unavailable("Search is unavailable: this build has no search index.");
    return;
  }
  var list = box.dataset.shards;
  var base = list.replace(/shards\.json$/, "");
  fetch(list).then(function (response) {
    if (!response.ok) { throw new Error(response.status); }
    return response.json();
  }).then(function (shards) {
    // absolute paths: Pagefind resolves a merged bundle's path against the first bundle's
    var bundles = shards.bundles.map(function (name) { return new URL(base + name, location.href).pathname; });
    if (!bundles.length) { unavailable("There is nothing to search yet: this site has no stories."); return; }
    note.hidden = true;
    var ui = new PagefindUI({ element: box, bundlePath: bundles[0], showSubResults: false, showImages: false,
                              resetStyles: false,
                              mergeIndex: bundles.slice(1).map(function (path) { return { bundlePath: path }; }) });
    // Pagefind's own field has a placeholder but no label; name it for screen readers.
    var field = box.querySelector("input");
    if (field) { field.setAttribute("aria-label", "Search the stories"); }
    var q = new URLSearchParams(location.search).get("q");
    if (q) { ui.triggerSearch(q); }
  }).catch(function () {
    unavailable("Search is unavailable: this build's search index could not be read.");
  });
})();
