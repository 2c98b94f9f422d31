// Search: the page's only script, over the index digest built into pagefind/ with Pagefind's own
// search script (no Pagefind UI). The archive is indexed in shards of calendar days, listed newest
// first in pagefind/shards.json; the first is the primary bundle, the others are merged into it.
// The masthead's search box is the query: filled from ?q= on arrival, searched as one types.
//
// Pagefind matches a word a shard lacks with the longest shorter word the shard has ("assange"
// with "as"), shard by shard. Each shard is tagged with a filter of its own name, and a shard
// counts for a word only if it holds the word itself (an exact search finds it) or, when it does
// not, its best page shows a word that begins with what was typed; the results come from those
// shards alone, so every result holds each word of the query (or a word of the same stem).
(function () {
  "use strict";
  var PAGE = 10;  // results shown at a time
  var TOP_VALUES = 8;  // filter values shown before "more"
  var root = document.getElementById("search");
  var note = document.getElementById("search-note");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var panel = document.getElementById("search-filters");
  var refine = document.getElementById("search-refine");  // shown with the first results, the panel filled later
  var field = document.getElementById("search-q");
  var form = field && field.form;
  var lang = document.documentElement.lang || "en";
  var pagefind = null;
  var shards = [];
  var checked = new Map();  // word -> Promise of where Pagefind finds it
  var probed = new Map();  // word and shard -> Promise of whether the shard holds a word beginning with it
  var current = { mine: 0, query: "", terms: [], shards: [], whole: true };
  var filtersLoaded = false;
  var loadingFilters = null;  // every shard's filters: searches count their values once they are in
  var chosen = {};  // filter name -> Set of chosen values ("date" holds "2025" or "2025-06")
  var generation = 0;
  var shown = [];
  var place = 0;

  function say(text) { note.hidden = false; note.textContent = text; }

  // Pagefind hands filter values escaped once (see digest.site.render.as_ui_html): shown decoded, as text.
  var decoder = document.createElement("textarea");  // its markup is text: entities decoded, no tag made
  function decoded(value) {
    decoder.innerHTML = value;
    return decoder.value;
  }
  function folded(text) { return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase(lang); }
  // The query's words as Pagefind takes them: lower case, punctuation dropped, split on spaces.
  function words(query) {
    return folded(query).replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu, "").split(/\s+/).filter(Boolean);
  }
  // Scripts written without spaces between words, which Pagefind splits by a dictionary instead.
  var UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
  function holdsWordStarting(fragment, word) {
    var text = folded((fragment.meta && fragment.meta.title || "") + " " + fragment.content);
    if (UNSPACED.test(word)) { return text.indexOf(word) >= 0; }
    return text.split(/\s+/).some(function (token) {
      var joined = token.replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu, "");
      return joined.startsWith(word) || token.split(/[^\p{L}\p{N}]+/u).some(function (part) { return part.startsWith(word); });
    });
  }

  function countsOf(result, name) { return (result && result.filters && result.filters[name]) || {}; }

  // Where a word is found: the shards where Pagefind finds it as it is (or a word of its stem), and
  // those where it finds only other words, which may begin with it or be shorter (see the top).
  function whereFound(word) {
    if (!checked.has(word)) {
      checked.set(word, Promise.all([counted(word, {}), pagefind.search("\"" + word + "\"")]).then(function (both) {
        var found = countsOf(both[0], "shard");
        var exact = countsOf(both[1], "shard");
        var sure = shards.filter(function (s) { return exact[s] > 0; });
        return { plain: both[0], sure: sure,
                 unsure: shards.filter(function (s) { return found[s] > 0 && !(exact[s] > 0); }) };
      }));
    }
    return checked.get(word);
  }

  // A search, marked with whether its filter counts are whole (every shard's filters were loaded).
  function counted(query, options) {
    var whole = filtersLoaded;
    return pagefind.search(query, options).then(function (result) { result.whole = whole; return result; });
  }

  // Whether a shard where Pagefind found only other words holds one that begins with `word`: its
  // best page does, or every page it found matched a shorter word.
  function begins(word, shard) {
    var key = word + " " + shard;
    if (!probed.has(key)) {
      probed.set(key, pagefind.search(word, { filters: { shard: shard } }).then(function (own) {
        return own.results.length ? own.results[0].data() : null;
      }).then(function (fragment) { return !!fragment && holdsWordStarting(fragment, word); }));
    }
    return probed.get(key);
  }

  function monthDays(dates, key) {
    return dates.filter(function (day) { return day.slice(0, key.length) === key; });
  }

  function filtersFor(shardList, days) {
    var filters = { shard: { any: shardList } };
    Object.keys(chosen).forEach(function (name) {
      var values = Array.from(chosen[name]);
      if (!values.length) { return; }
      if (name === "date") {
        var picked = [];
        values.forEach(function (key) { picked = picked.concat(monthDays(days, key)); });
        filters.date = { any: picked.length ? picked : ["none"] };
      } else {
        filters[name] = { any: values };
      }
    });
    return filters;
  }

  function run(query) {
    var mine = ++generation;
    var terms = words(query);
    var url = new URL(location.href);
    if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
    history.replaceState(null, "", url);
    current = { mine: mine, query: query, terms: terms, shards: [], whole: true };
    if (!terms.length) { finish(mine); show(mine, null, null); return; }
    root.setAttribute("aria-busy", "true");
    say("Searching…");
    // Shards where every word is found as it is answer at once; the others once checked.
    Promise.all(terms.map(whereFound)).then(function (found) {
      var sure = shards.filter(function (s) { return found.every(function (f) { return f.sure.indexOf(s) >= 0; }); });
      var unsure = shards.filter(function (s) {
        return sure.indexOf(s) < 0 && found.every(function (f) { return f.sure.indexOf(s) >= 0 || f.unsure.indexOf(s) >= 0; });
      });
      // one word found as it is in every shard that has it: the search that told us is the answer
      var plain = terms.length === 1 && !unsure.length ? found[0].plain : null;
      var first = sure.length ? answer(mine, sure, plain) : Promise.resolve();
      var rest = Promise.all(unsure.map(function (shard) {
        return Promise.all(terms.map(function (word, i) {
          return found[i].sure.indexOf(shard) >= 0 ? true : begins(word, shard);
        })).then(function (oks) { return oks.every(Boolean) ? shard : null; });
      })).then(function (kept) {
        var more = kept.filter(Boolean);
        return more.length || !sure.length ? first.then(function () {
          return answer(mine, shards.filter(function (s) { return sure.indexOf(s) >= 0 || more.indexOf(s) >= 0; }));
        }) : first;
      });
      return rest.then(function () { finish(mine); });
    }).catch(function () {
      if (mine === generation) { finish(mine); say("Search is unavailable: this build's search index could not be read."); }
    });
  }

  function finish(mine) {
    if (mine === generation) { root.removeAttribute("aria-busy"); }
  }

  // The stories found in these shards, with the chosen filters; the panel counts them without.
  function answer(mine, shardList, plain) {
    if (mine !== generation) { return Promise.resolve(); }
    current.shards = shardList;
    if (!shardList.length) { show(mine, null, null); return Promise.resolve(); }
    var query = current.terms.join(" ");
    var everything = plain && (plain.whole || !filtersLoaded) ? Promise.resolve(plain) : counted(query, { filters: { shard: { any: shardList } } });
    return everything.then(function (all) {
      var days = Object.keys(countsOf(all, "date")).filter(function (d) { return countsOf(all, "date")[d] > 0; });
      if (all.whole) { forgetAbsent(all, days); }
      var anyChosen = Object.keys(chosen).some(function (n) { return chosen[n].size; });
      return Promise.all([all, anyChosen ? pagefind.search(query, { filters: filtersFor(shardList, days) }) : all]);
    }).then(function (pair) {
      if (mine === generation) { show(mine, pair[1], pair[0]); }
    });
  }

  // A chosen value no story found for the query holds is dropped, rather than shown with nothing behind it.
  function forgetAbsent(all, days) {
    Object.keys(chosen).forEach(function (name) {
      chosen[name].forEach(function (value) {
        var held = name === "date" ? monthDays(days, value).length > 0 : countsOf(all, name)[value] > 0;
        if (!held) { chosen[name].delete(value); }
      });
    });
  }

  function show(mine, result, all) {
    var query = current.query;
    list.textContent = "";
    shown = result ? result.results : [];
    place = 0;
    current.whole = !all || all.whole;
    filterPanel(current.whole ? all : null);
    refine.hidden = !(all && all.results.length);
    if (!query) { say("Type a word or a name in the search box."); more.hidden = true; return; }
    say(shown.length ? shown.length + (shown.length === 1 ? " story" : " stories") + " for “" + query + "”."
                     : "No story holds “" + query + "”.");
    next(mine);
  }

  // Once every shard's filters are in, a panel drawn without them is drawn again.
  function filtersArrived() {
    filtersLoaded = true;
    if (current.whole || !current.shards.length) { return; }
    var mine = current.mine;
    counted(current.terms.join(" "), { filters: { shard: { any: current.shards } } }).then(function (all) {
      if (mine === generation) { current.whole = true; filterPanel(all); }
    });
  }

  function next(mine) {
    var slice = shown.slice(place, place + PAGE);
    place += slice.length;
    more.hidden = place >= shown.length;
    Promise.all(slice.map(function (r) { return r.data(); })).then(function (fragments) {
      if (mine !== generation) { return; }
      fragments.forEach(function (fragment) { list.appendChild(item(fragment)); });
      if (!loadingFilters) {  // after the first results: Pagefind queues a shard's fetches, these would go first
        loadingFilters = pagefind.filters().then(filtersArrived);
      }
    });
  }

  function item(fragment) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = fragment.url;
    link.className = "search-title";
    link.textContent = (fragment.meta && fragment.meta.title) || fragment.url;
    var heading = document.createElement("h2");
    heading.appendChild(link);
    li.appendChild(heading);
    var facts = [];
    if (fragment.meta && fragment.meta.date) { facts.push(fragment.meta.date); }
    ((fragment.filters && fragment.filters.source) || []).forEach(function (s) { facts.push(decoded(s)); });
    if (facts.length) {
      var meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = facts.join(" · ");
      li.appendChild(meta);
    }
    var excerpt = document.createElement("p");
    excerpt.className = "search-excerpt";
    // Pagefind's excerpt is HTML of escaped text and <mark>: read inertly, only text and marks kept.
    var parsed = new DOMParser().parseFromString(fragment.excerpt || "", "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        excerpt.appendChild(mark);
      } else {
        excerpt.appendChild(document.createTextNode(node.textContent));
      }
    });
    li.appendChild(excerpt);
    return li;
  }

  // Filters: the values that stories found for the query hold (none with nothing behind it), by count.
  function filterPanel(all) {
    var focused = panel.contains(document.activeElement) ? document.activeElement : null;
    var refocus = focused && focused.name ? focused.name + "=" + focused.value : null;
    panel.textContent = "";
    var names = ["date", "source", "person"];
    var any = false;
    names.forEach(function (name) {
      var counts = countsOf(all, name);
      var entries = name === "date" ? dateEntries(counts) : Object.keys(counts).filter(function (v) {
        return counts[v] > 0;
      }).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : a > b ? 1 : 0); }).map(function (v) {
        return { value: v, label: decoded(v), count: counts[v], depth: 0 };
      });
      if (!entries.length) { return; }
      any = true;
      panel.appendChild(group(name, entries));
    });
    if (refocus) {  // a keyboard user stays on the box just ticked, though the panel was drawn again
      Array.from(panel.querySelectorAll("input")).forEach(function (box) {
        if (box.name + "=" + box.value === refocus) { box.focus(); }
      });
    }
  }

  function dateEntries(counts) {
    var years = {};
    var months = {};
    Object.keys(counts).forEach(function (day) {
      if (!counts[day] || !/^\d{4}-\d{2}/.test(day)) { return; }
      years[day.slice(0, 4)] = (years[day.slice(0, 4)] || 0) + counts[day];
      months[day.slice(0, 7)] = (months[day.slice(0, 7)] || 0) + counts[day];
    });
    var format = new Intl.DateTimeFormat(lang, { month: "long", timeZone: "UTC" });
    var entries = [];
    Object.keys(years).sort().reverse().forEach(function (year) {
      entries.push({ value: year, label: year, count: years[year], depth: 0 });
      Object.keys(months).filter(function (m) { return m.slice(0, 4) === year; }).sort().reverse().forEach(function (month) {
        var label = format.format(new Date(Date.UTC(+year, +month.slice(5, 7) - 1, 1)));
        entries.push({ value: month, label: label, count: months[month], depth: 1, year: year });
      });
    });
    return entries;
  }

  function group(name, entries) {
    var box = document.createElement("fieldset");
    var legend = document.createElement("legend");
    legend.textContent = name.charAt(0).toUpperCase() + name.slice(1);
    box.appendChild(legend);
    var rest = null;
    var tops = 0;
    entries.forEach(function (entry) {
      var row = option(name, entry);
      if (entry.depth === 0) { tops++; }
      if (tops > TOP_VALUES && !rest) {
        rest = document.createElement("details");
        var summary = document.createElement("summary");
        summary.textContent = "More";
        rest.appendChild(summary);
        box.appendChild(rest);
      }
      (rest || box).appendChild(row);
    });
    return box;
  }

  function option(name, entry) {
    var label = document.createElement("label");
    label.className = "search-filter" + (entry.depth ? " search-filter-month" : "");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.name = name;
    box.value = entry.value;
    box.checked = !!(chosen[name] && chosen[name].has(entry.value));
    box.addEventListener("change", function () {
      chosen[name] = chosen[name] || new Set();
      if (box.checked) { chosen[name].add(entry.value); } else { chosen[name].delete(entry.value); }
      run(field.value.trim());
    });
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + entry.label + " "));
    var count = document.createElement("span");
    count.className = "search-count";
    count.textContent = "(" + entry.count + ")";
    label.appendChild(count);
    return label;
  }

  if (location.protocol === "file:") {
    root.removeAttribute("aria-busy");
    say("Search needs the site served over HTTP: run python3 -m http.server in the site's folder and open it there.");
    return;
  }
  var q = new URLSearchParams(location.search).get("q") || "";
  if (field) { field.value = q; }
  var listed = root.dataset.shards;
  var base = listed.replace(/shards\.json$/, "");
  fetch(listed).then(function (response) {
    if (!response.ok) { throw new Error(response.status); }
    return response.json();
  }).then(function (index) {
    // absolute paths: Pagefind derives the site's address from them
    var paths = index.bundles.map(function (name) { return new URL(base + name, location.href).pathname; });
    shards = index.bundles.map(function (name) { return name.replace(/\/$/, ""); });
    if (!paths.length) { throw new Error("empty"); }
    return import(paths[0] + "pagefind.js").then(function (module) {
      pagefind = module;
      return pagefind.options({ basePath: paths[0], excerptLength: 24 });
    }).then(function () {
      return pagefind.init();
    }).then(function () {
      return pagefind.options({ mergeFilter: { shard: shards[0] } });
    }).then(function () {
      return Promise.all(paths.slice(1).map(function (path, i) {
        return pagefind.mergeIndex(path, { mergeFilter: { shard: shards[i + 1] } });
      }));
    });
  }).then(function () {
    if (form) {
      form.addEventListener("submit", function (event) { event.preventDefault(); run(field.value.trim()); });
      var timer = 0;
      field.addEventListener("input", function () {
        clearTimeout(timer);
        root.setAttribute("aria-busy", "true");  // an answer is coming
        timer = setTimeout(function () { run(field.value.trim()); }, 250);
      });
    }
    more.addEventListener("click", function () { next(generation); });
    run(q.trim());
  }).catch(function (error) {
    root.removeAttribute("aria-busy");
    if (error && error.message === "empty") { say("There is nothing to search yet: this site has no stories."); return; }
    say(location.protocol === "file:" ? "" : "Search is unavailable: this build has no search index.");
  });
})();
