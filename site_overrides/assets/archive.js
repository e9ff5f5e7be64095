// Paragraph menu: a click on ¶ (or Enter on it) goes to the paragraph and opens a small
// menu to copy its permanent address or cite it (plain reference or BibTeX). Focus moves
// into the menu; Escape closes it and gives focus back to the ¶. Without JavaScript, ¶ is
// a link (an empty one, named by its aria-label; the stylesheet draws the sign). Also:
// each ¶ gets its title and its public address for the printed page, and the header's
// colour-scheme switch answers Enter and Space.
(function () {
  "use strict";

  var canonical = document.querySelector("link[rel=canonical]");
  var pageAddress = (canonical ? canonical.href : window.location.href).split("#")[0];

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
    return { url: url, plain: plain, bibtex: bibtex, number: number };
  }

  function copyButton(text, label, status) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button tx-menu__copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy " + label.toLowerCase());
    button.addEventListener("click", function () {
      var done = function (word, message) {
        button.textContent = word;
        status.textContent = message;
      };
      if (navigator.clipboard) {
        navigator.clipboard.writeText(text).then(
          function () { done("Copied", label + " copied"); },
          function () { done("Select and copy", "Could not copy: select the text and copy it"); });
      } else {
        done("Select and copy", "Could not copy: select the text and copy it");
      }
    });
    return button;
  }

  function entry(id, label, text, name, status) {
    var block = document.createElement("div");
    block.className = "tx-menu__entry";
    block.dataset.cite = name;
    var heading = document.createElement("label");
    heading.className = "tx-menu__label";
    heading.htmlFor = id + "-" + name;
    heading.textContent = label;
    var field = document.createElement("textarea");
    field.id = id + "-" + name;
    field.readOnly = true;
    field.rows = name === "bibtex" ? 8 : name === "plain" ? 3 : 1;
    field.value = text;  // text, never markup
    block.append(heading, field, copyButton(text, label, status));
    return block;
  }

  var openLink = null;

  // Closes the open menu; with ``refocus``, focus goes back to the ¶ that opened it.
  function closeMenus(refocus) {
    document.querySelectorAll(".tx-menu").forEach(function (menu) { menu.remove(); });
    if (openLink) {
      openLink.setAttribute("aria-expanded", "false");
      if (refocus) openLink.focus();
    }
    openLink = null;
  }

  function openMenu(link) {
    closeMenus(false);
    var paragraph = link.closest(".tx-para");
    var cite = citation(link);
    var id = "tx-menu-" + paragraph.id;
    history.replaceState(null, "", "#" + paragraph.id);
    var menu = document.createElement("div");
    menu.className = "tx-menu";
    menu.id = id;
    menu.setAttribute("role", "dialog");
    menu.setAttribute("aria-label", "Link and citation for paragraph " + cite.number);
    var status = document.createElement("p");
    status.className = "tx-sr-only";
    status.setAttribute("role", "status");
    menu.append(entry(id, "Link to this paragraph", cite.url, "link", status),
                entry(id, "Cite", cite.plain, "plain", status),
                entry(id, "BibTeX", cite.bibtex, "bibtex", status),
                status);
    // Right after the paragraph's text, so that Tab from the ¶ continues into the menu.
    link.closest(".tx-para__text").after(menu);
    link.setAttribute("aria-expanded", "true");
    openLink = link;
    var first = menu.querySelector("textarea");
    first.focus();
    first.select();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.tx-para__link");
    if (!link) {
      if (!(event.target.closest && event.target.closest(".tx-menu"))) closeMenus(false);
      return;
    }
    event.preventDefault();
    if (link === openLink) closeMenus(true);
    else openMenu(link);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && openLink) {
      closeMenus(true);
      event.stopPropagation();
    }
  }, true);

  // Each ¶ says that it opens something (aria-expanded: Material's tooltips, which the ¶
  // has, remove aria-haspopup and aria-controls), gets its title here rather than in
  // every paragraph of the page (this script runs before Material turns titles into
  // tooltips, on DOMContentLoaded), and carries the paragraph's public address for print.
  document.querySelectorAll("a.tx-para__link").forEach(function (link) {
    link.title = "Link to this paragraph, and how to cite it";
    link.setAttribute("aria-expanded", "false");
    link.dataset.permalink = pageAddress + link.getAttribute("href");
  });

  // The colour-scheme switch is a hidden radio button and a visible label: Enter or
  // Space on the focused radio button switches, as a click on the label does.
  document.addEventListener("keydown", function (event) {
    var option = event.target;
    if ((event.key !== "Enter" && event.key !== " ") || !option.matches ||
        !option.matches("input.md-option[name=__palette]")) return;
    var label = option.nextElementSibling;
    if (label && label.tagName === "LABEL") {
      event.preventDefault();
      label.click();
      var next = document.getElementById(label.htmlFor);
      if (next) next.focus();
    }
  });
})();
