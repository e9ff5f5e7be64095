// Paragraph menu: a click on ¶ goes to the paragraph and opens a small menu to copy its
// permanent address or cite it (plain reference or BibTeX). Without JavaScript, ¶ is a link.
(function () {
  "use strict";

  function citation(link) {
    var meta = document.querySelector("[data-cite-title]");
    var paragraph = link.closest(".tx-para");
    var turn = link.closest(".tx-turn");
    var url = new URL("#" + paragraph.id, window.location.href).href;
    var number = paragraph.id.replace(/^p/, "");
    var data = meta ? meta.dataset : {};
    var speaker = (turn && turn.dataset.speaker) || "";
    var date = data.citeDate || "";
    var plain = (speaker ? speaker + ", " : "") + "“" + (data.citeTitle || document.title) + "”, " +
      (data.citePublisher ? data.citePublisher + ", " : "") + date + ", paragraph " + number +
      ". " + url;
    var escape = function (text) { return String(text).replace(/([{}\\])/g, "\\$1"); };
    var bibtex = "@misc{" + (data.citeId || "transcript") + "-p" + number + ",\n" +
      (speaker ? "  author = {" + escape(speaker) + "},\n" : "") +
      "  title = {{" + escape(data.citeTitle || document.title) + "}},\n" +
      (data.citePublisher ? "  publisher = {" + escape(data.citePublisher) + "},\n" : "") +
      "  date = {" + date + "},\n" +
      "  note = {Paragraph " + number + "},\n" +
      "  url = {" + url + "}\n}";
    return { url: url, plain: plain, bibtex: bibtex };
  }

  function copyButton(text) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button tx-menu__copy";
    button.textContent = "Copy";
    button.addEventListener("click", function () {
      if (navigator.clipboard) {
        navigator.clipboard.writeText(text).then(function () { button.textContent = "Copied"; },
          function () { button.textContent = "Select and copy"; });
      }
    });
    return button;
  }

  function entry(label, text, name) {
    var block = document.createElement("div");
    block.className = "tx-menu__entry";
    block.dataset.cite = name;
    var heading = document.createElement("div");
    heading.className = "tx-menu__label";
    heading.textContent = label;
    var field = document.createElement("textarea");
    field.readOnly = true;
    field.rows = name === "bibtex" ? 8 : name === "plain" ? 3 : 1;
    field.value = text;  // text, never markup
    block.append(heading, field, copyButton(text));
    return block;
  }

  function closeMenus() {
    document.querySelectorAll(".tx-menu").forEach(function (menu) { menu.remove(); });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.tx-para__link");
    if (!link) {
      if (!(event.target.closest && event.target.closest(".tx-menu"))) closeMenus();
      return;
    }
    event.preventDefault();
    closeMenus();
    var cite = citation(link);
    history.replaceState(null, "", "#" + link.closest(".tx-para").id);
    var menu = document.createElement("div");
    menu.className = "tx-menu";
    menu.setAttribute("role", "dialog");
    menu.setAttribute("aria-label", "Link and citation");
    menu.append(entry("Link to this paragraph", cite.url, "link"),
                entry("Cite", cite.plain, "plain"),
                entry("BibTeX", cite.bibtex, "bibtex"));
    link.closest(".tx-para").append(menu);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closeMenus();
  });
})();
