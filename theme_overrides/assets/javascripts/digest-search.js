/*
 * The digest's search box: Material's look, Pagefind's index.
 *
 * Nothing is fetched until a reader starts typing. Then Pagefind loads its
 * small entry file, its WebAssembly engine and only the index chunks that
 * hold the words typed, and each shown result's own fragment (headline,
 * date, excerpt): a first search costs well under a megabyte however many
 * articles the digest holds, unlike an index downloaded whole.
 *
 * Keys: "/", "s" or "f" open search; arrows move through results; Enter
 * opens the first (or the focused) result; Escape closes.
 */
(function () {
  "use strict";
  var root = document.querySelector(".digest-search");
  var toggle = document.getElementById("__search");
  if (!root || !toggle) return;
  var form = root.querySelector("form");
  var input = root.querySelector(".md-search__input");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  // Resolved once: with instant navigation the header (and this script)
  // outlives the page that loaded it.
  var bundle = new URL(root.dataset.pagefind, document.baseURI);
  var siteRoot = new URL("../", bundle).pathname;
  var PAGE = 10;
  var engine = null;
  var current = { query: "", results: [], shown: 0 };
  var timer = 0;

  function load() {
    if (!engine) {
      engine = import(new URL("pagefind.js", bundle).href).then(function (pagefind) {
        return Promise.resolve(pagefind.options({ baseUrl: siteRoot, excerptLength: 24 }))
          .then(function () { return pagefind.init(); })
          .then(function () { return pagefind; });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  function text(value) {
    var span = document.createElement("span");
    span.textContent = value == null ? "" : String(value);
    return span.innerHTML;
  }

  function count(n) {
    if (n === 0) return root.dataset.none;
    if (n === 1) return root.dataset.one;
    return root.dataset.other.replace("#", n.toLocaleString());
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var date = data.meta && data.meta.date ? '<p class="digest-search__date">' + text(data.meta.date) + "</p>" : "";
    // The curator's note (the article's `note` field in the index), as text.
    var note = data.meta && data.meta.note ?
      '<p class="digest-search__note"><span class="digest-note__label">Curator\'s note</span> ' + text(data.meta.note) + "</p>" : "";
    // Pagefind's excerpt is the page's text, escaped, with <mark> around hits.
    li.innerHTML =
      '<a href="' + text(data.url) + '" class="md-search-result__link" tabindex="-1">' +
      '<article class="md-search-result__article md-search-result__article--document md-typeset">' +
      '<div class="md-search-result__icon md-icon"></div>' +
      "<h1>" + text(data.meta && data.meta.title || data.url) + "</h1>" + date + note +
      "<p>" + data.excerpt + "</p></article></a>";
    return li;
  }

  function showMore() {
    var state = current;
    var next = state.results.slice(state.shown, state.shown + PAGE);
    state.shown += next.length;
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (pages) {
      if (state !== current) return;
      var old = list.querySelector(".digest-search__more");
      if (old) old.remove();
      pages.forEach(function (data) { list.appendChild(item(data)); });
      if (state.shown < state.results.length) {
        var li = document.createElement("li");
        li.className = "md-search-result__item digest-search__more";
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-search-result__more md-typeset";
        button.textContent = "Show more";
        button.addEventListener("click", function () { showMore(); });
        li.appendChild(button);
        list.appendChild(li);
      }
    });
  }

  function search(query) {
    query = query.trim();
    if (!query) {
      current = { query: "", results: [], shown: 0 };
      meta.textContent = root.dataset.placeholder;
      list.innerHTML = "";
      return;
    }
    load().then(function (pagefind) {
      return pagefind.search(query).then(function (found) {
        if (input.value.trim() !== query) return; // a newer query is on its way
        current = { query: query, results: found ? found.results : [], shown: 0 };
        meta.textContent = count(current.results.length);
        list.innerHTML = "";
        return showMore();
      });
    }).catch(function () {
      meta.textContent = root.dataset.none;
    });
  }

  function open() {
    toggle.checked = true;
    input.focus();
    input.select();
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link, .md-search-result__more"));
  }

  input.addEventListener("focus", function () {
    toggle.checked = true;
    load(); // start fetching the engine while the reader types
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 120);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector(".md-search-result__link");
    if (first) first.click();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { search(""); input.focus(); });
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) input.focus();
  });
  list.addEventListener("click", function (event) {
    if (event.target.closest(".md-search-result__link")) close();
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var active = document.activeElement;
    var typing = active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName));
    if (!toggle.checked) {
      if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
        event.preventDefault();
        open();
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var all = links();
      if (!all.length) return;
      event.preventDefault();
      var at = all.indexOf(active);
      at = event.key === "ArrowDown" ? Math.min(all.length - 1, at + 1) : at - 1;
      if (at < 0) input.focus(); else all[at].focus();
    } else if (!typing && event.key.length === 1 && active !== input) {
      input.focus(); // typing on a focused result goes on in the box
    }
  });
})();
