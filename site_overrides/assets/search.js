// Header search over the Pagefind index. A result is a paragraph: transcript title, date,
// speaker and the matching sentence, linking to /transcripts/<id>/#p<N> with the words
// highlighted there. Every text is inserted as text, never as markup.
// Keyboard: Tab reaches the box, the filters, every result and "More results"; the arrow
// keys move between the box and the results; Escape closes the search and gives focus back
// to what opened it (the phone's search button, or the box itself).
(function () {
  "use strict";
  var root = document.querySelector("[data-tx-search]");
  var script = document.currentScript;
  if (!root || !script) return;
  var siteRoot = new URL("..", script.src);  // this file is <site>/assets/search.js
  var input = root.querySelector("[data-tx-search-input]");
  var list = root.querySelector("[data-tx-search-results]");
  var meta = root.querySelector("[data-tx-search-meta]");
  var filterBox = root.querySelector("[data-tx-search-filters]");
  var selects = Array.prototype.slice.call(root.querySelectorAll("[data-tx-filter]"));
  var toggle = document.getElementById("__search");
  // The header's search button (phones) is a label: made a button the keyboard reaches.
  var buttons = Array.prototype.slice.call(document.querySelectorAll("label[for=__search]"));
  var opener = null;
  var pagefind = null, loading = null, timer = null, generation = 0;
  // Each shown transcript costs its whole text (its Pagefind fragment): show a few, and
  // more on request.
  var PAGE = 5, MAX_HITS = 3, shown = PAGE, lastResponse = null;
  var STOP = new Set(("a an and are as at be but by for from has have he her his i in is it its " +
    "of on or our she that the their them they this to was we were will with you your").split(" "));

  function clean(word) {
    return (word || "").toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  }

  function load() {
    if (!loading) {
      loading = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (module) {
        pagefind = module;
        return pagefind.options({ baseUrl: siteRoot.pathname, excerptLength: 40 });
      }).then(function () {
        // A large archive is indexed in parts: the first is pagefind/, parts.json lists
        // the others, which Pagefind merges into every search.
        return fetch(new URL("pagefind/parts.json", siteRoot).href)
          .then(function (response) { return response.ok ? response.json() : []; })
          .catch(function () { return []; });
      }).then(function (parts) {
        return Promise.all(parts.map(function (part) {
          return pagefind.mergeIndex(new URL("pagefind/" + part, siteRoot).href,
                                     { baseUrl: siteRoot.pathname });
        }));
      });
    }
    return loading;
  }

  // The filter values are loaded only when the reader opens the filters.
  var filtersLoaded = null;
  function loadFilters() {
    if (!filtersLoaded) {
      filtersLoaded = load().then(function () { return pagefind.filters(); }).then(fillFilters);
    }
    return filtersLoaded;
  }
  filterBox.addEventListener("toggle", function () { if (filterBox.open) loadFilters(); });

  // Words such as "the" are in every transcript: asking Pagefind for them would fetch the
  // largest parts of its index and find nothing more. Quoted phrases are left as typed.
  function query(term) {
    if (term.indexOf('"') >= 0) return term;
    var kept = term.split(/\s+/).filter(function (word) { return !STOP.has(clean(word)); });
    return kept.length ? kept.join(" ") : term;
  }

  function fillFilters(filters) {
    selects.forEach(function (select) {
      var values = Object.keys(filters[select.dataset.txFilter] || {}).sort(function (a, b) {
        return select.dataset.txFilter === "year" ? b.localeCompare(a) : a.localeCompare(b);
      });
      values.forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = value;
        select.append(option);
      });
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The paragraphs with the most matching words, each with its speaker and the sentence
  // around its densest cluster of matches, from Pagefind's anchors and word locations.
  function hits(data, speaker) {
    var words = data.content.split(/\s+/);
    var anchors = data.anchors.slice().sort(function (a, b) { return a.location - b.location; });
    var paragraphs = anchors.filter(function (a) { return /^p\d+$/.test(a.id); });
    var speakers = anchors.filter(function (a) { return /^t\d+-speaker$/.test(a.id); });
    // Words such as "the" and "of" match everywhere: they neither rank nor highlight.
    var strong = data.locations.filter(function (l) { return !STOP.has(clean(words[l])); });
    var matched = new Set(strong.length ? strong : data.locations);
    var groups = {};
    Array.from(matched).forEach(function (location) {
      var paragraph = last(paragraphs, location);
      if (!paragraph) return;
      (groups[paragraph.id] = groups[paragraph.id] || { paragraph: paragraph, locations: [] })
        .locations.push(location);
    });
    var ordered = Object.keys(groups).map(function (id) { return groups[id]; });
    ordered.sort(function (a, b) {
      return b.locations.length - a.locations.length || a.paragraph.location - b.paragraph.location;
    });
    var found = [];
    ordered.forEach(function (group) {
      if (found.length >= MAX_HITS) return;
      var paragraph = group.paragraph;
      var who = last(speakers, paragraph.location);
      var name = who && who.text ? who.text.trim() : "";
      if (speaker && name !== speaker) return;
      var near = function (at) {
        return group.locations.filter(function (l) { return Math.abs(l - at) <= 8; }).length;
      };
      var location = group.locations.reduce(function (best, l) {
        return near(l) > near(best) ? l : best;
      });
      var next = anchors.find(function (a) { return a.location > paragraph.location; });
      var end = next ? next.location : words.length;
      var start = location, stop = location;
      var ends = /[.?!]["”’)]*$/;
      while (start > paragraph.location && !ends.test(words[start - 1]) && location - start < 25) {
        start--;
      }
      while (stop < end - 1 && !ends.test(words[stop]) && stop - location < 25) stop++;
      found.push({ id: paragraph.id, speaker: name, words: words.slice(start, stop + 1),
                   first: start, matched: matched });
    });
    return found;
  }

  function last(anchors, location) {
    var result = null;
    anchors.forEach(function (a) { if (a.location <= location) result = a; });
    return result;
  }

  function sentence(hit) {
    var p = element("p", "tx-search__sentence");
    hit.words.forEach(function (word, index) {
      if (index) p.append(" ");
      if (hit.matched.has(hit.first + index)) p.append(element("mark", "", word));
      else p.append(word);
    });
    return p;
  }

  function render(term, results, total) {
    var focusFrom = list.querySelectorAll(".tx-search__result").length;
    var hadFocus = list.contains(document.activeElement);
    list.textContent = "";
    meta.textContent = total === 0 ? "No matching transcripts" :
      total + (total === 1 ? " matching transcript" : " matching transcripts");
    results.forEach(function (item) {
      var data = item.data;
      var li = element("li", "md-search-result__item tx-search__result");
      var article = element("article", "md-search-result__article md-typeset");
      article.append(element("h1", "tx-search__title", data.meta.title || data.url));
      if (data.meta.date) article.append(element("p", "tx-search__meta", data.meta.date));
      li.append(article);
      item.hits.forEach(function (hit) {
        var link = element("a", "md-search-result__link tx-search__hit");
        var url = new URL(data.url, window.location.href);
        url.search = "?h=" + encodeURIComponent(term);
        url.hash = hit.id;
        link.href = url.href;
        var body = element("div", "md-typeset");
        body.append(element("p", "tx-search__speaker", hit.speaker || "Note"));
        body.append(sentence(hit));
        link.append(body);
        li.append(link);
      });
      list.append(li);
    });
    return hadFocus ? focusFrom : -1;
  }

  function search(more) {
    var term = input.value.trim();
    var mine = ++generation;
    shown = more ? shown + PAGE : PAGE;
    if (!term) {
      list.textContent = "";
      meta.textContent = "Type to search the transcripts";
      return;
    }
    var filters = {}, speaker = "";
    selects.forEach(function (select) {
      if (select.value) filters[select.dataset.txFilter] = select.value;
      if (select.dataset.txFilter === "speaker") speaker = select.value;
    });
    load().then(function () {
      return pagefind.search(query(term), { filters: filters });
    }).then(function (response) {
      if (!response) return null;
      lastResponse = response;
      return Promise.all(response.results.slice(0, shown).map(function (r) {
        return r.data();
      })).then(function (pages) {
        if (mine !== generation) return;
        var items = pages.map(function (data) { return { data: data, hits: hits(data, speaker) }; })
          .filter(function (item) { return item.hits.length; });
        var focusFrom = render(term, items, response.results.length);
        if (response.results.length > shown) {
          var moreItem = element("li", "md-search-result__item tx-search__more");
          var button = element("button", "md-button", "More results");
          button.type = "button";
          button.addEventListener("click", function () { search(true); });
          moreItem.append(button);
          list.append(moreItem);
        }
        // "More results" replaced the list under the reader's focus: go on at the first
        // result it added (or at the last one, if it added none).
        if (focusFrom >= 0) {
          var results = list.querySelectorAll(".tx-search__result");
          var next = results[Math.min(focusFrom, results.length - 1)];
          var link = next && next.querySelector("a");
          if (link) link.focus();
        }
      });
    }).catch(function () {
      if (mine !== generation) return;
      list.textContent = "";
      meta.textContent = "The search index could not be loaded (an archive with no transcripts has none)";
    });
  }

  function open() { if (toggle) toggle.checked = true; load(); }

  // Closes the search; focus goes back to the button that opened it, or stays in the box.
  var closing = false;
  function close() {
    if (toggle) toggle.checked = false;
    var back = opener;
    opener = null;
    closing = true;
    if (back && back.offsetParent !== null) back.focus();
    else if (root.contains(document.activeElement) && document.activeElement !== input) {
      input.focus({ preventScroll: true });
    }
    closing = false;
  }

  input.addEventListener("focus", function () { if (!closing) open(); });
  input.addEventListener("input", function () {
    open();
    clearTimeout(timer);
    timer = setTimeout(function () { search(false); }, 150);
  });
  selects.forEach(function (select) {
    select.addEventListener("change", function () { search(false); });
  });
  root.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) window.location.href = first.href;
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle && toggle.checked) {
      event.preventDefault();
      close();
    }
    if (event.key === "/" && document.activeElement === document.body) {
      event.preventDefault();
      input.focus();
    }
  });
  if (toggle) toggle.addEventListener("change", function () {
    if (toggle.checked) input.focus();
  });

  // Up and down move between the box and the results.
  root.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    if (event.target !== input && !event.target.matches(".tx-search__hit")) return;
    var stops = [input].concat(Array.prototype.slice.call(list.querySelectorAll("a, button")));
    var at = stops.indexOf(event.target);
    var next = stops[at + (event.key === "ArrowDown" ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  });

  // Focus leaving the search for the page closes it (the page is under the overlay).
  root.addEventListener("focusout", function (event) {
    var to = event.relatedTarget;
    if (to && !root.contains(to) && buttons.indexOf(to) < 0 && toggle && toggle.checked) {
      opener = null;
      toggle.checked = false;
    }
  });

  buttons = buttons.filter(function (button) { return !root.contains(button); });
  buttons.forEach(function (button) {
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    button.setAttribute("aria-label", "Search");
    button.addEventListener("click", function () { opener = button; });
    button.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      if (toggle && toggle.checked) {
        close();
      } else {
        opener = button;
        open();
        input.focus();
      }
    });
  });

  // Landing on a result: highlight the searched words in the paragraph it points to.
  var params = new URLSearchParams(window.location.search);
  var words = (params.get("h") || "").toLowerCase().split(/\s+/).map(clean).filter(function (w) {
    return w.length > 1 && !STOP.has(w);
  });
  var target = window.location.hash && document.getElementById(window.location.hash.slice(1));
  if (words.length && target) {
    var pattern = new RegExp("(?<![\\p{L}\\p{N}])(" + words.map(function (w) {
      return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|") + ")[\\p{L}\\p{N}]*", "giu");
    target.querySelectorAll(".tx-para__text").forEach(function (text) {
      var walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
      var nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      nodes.forEach(function (node) {
        if (node.parentElement.closest("a")) return;
        var value = node.nodeValue, offset = 0, match, fragment = document.createDocumentFragment();
        pattern.lastIndex = 0;
        while ((match = pattern.exec(value))) {
          fragment.append(value.slice(offset, match.index));
          fragment.append(element("mark", "tx-hit", match[0]));
          offset = match.index + match[0].length;
        }
        if (!offset) return;
        fragment.append(value.slice(offset));
        node.replaceWith(fragment);
      });
    });
  }
})();
