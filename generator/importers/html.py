"""Web pages saved from a browser: the article's lead and paragraphs, read into blocks.

A page holds far more than the transcript: menus, share buttons, related links, tags,
footers, scripts. The article body is found by structure, as readability-style
extractors find it, never by publisher: every paragraph scores its parent (and, less,
its grandparents) by its length and commas, paragraphs in navigation, banners and footers
score nothing, and the element with the best score, less its share of link text, is the
body. Inside it, boxes are left out when they are navigation, hidden, mostly links, a
picture with its caption, named like page furniture (``share``, ``tags``, ``related``),
or lines with no sentence (``Publication date: ...``); pull quotes that repeat the text
are left out too, with a doubt.

What the page says about itself (its title, date, place, time of day and address) is read
by ``pagemeta``, from the title and the lines between it and the body.

Every paragraph (a ``<p>``, a heading, a list item, a table row, loose text; two ``<br>``
in a row end one) becomes a ``Block``: its visible text (spacing characters and line
breaks as spaces), the line of its tag, and the bold text it opens with, a label
candidate however the markup splits it (``<b>Vladimir</b><b> Putin:</b>``, the colon
after the bold tag, a ``<br>`` inside), with a note in parentheses between it and the
colon (``<b>Question</b> <i>(retranslated)</i>:``). The general reader decides which are
labels. trafilatura, an independent extractor, reads the same page: when it finds words
that the blocks lack, a doubt says so.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from generator.errors import ImportFailure
from generator.importers import markup, reader
from generator.importers.base import Block, Doubt, Draft, Meta, Source
from generator.importers.pagemeta import (
    SENTENCE_END,
    Header,
    header_lines,
    name_words,
    page_meta,
    shown,
    title_element,
    visible_text,
)

_BLOCK_TAGS = frozenset(
    "address article aside blockquote center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p "
    "pre section summary table tbody thead tfoot tr td th caption ul".split())
# Page furniture inside or around an article.
_FURNITURE_TAGS = frozenset("nav aside footer form figure figcaption menu dialog".split())
_FURNITURE_ROLES = frozenset(
    "navigation banner contentinfo complementary search menu menubar dialog alert toolbar "
    "tablist tooltip".split())
# Roles that mark a page's furniture even where they enclose the article (a site may wrap
# its whole reading pane in role="complementary"): paragraphs there never score.
_OUTSIDE_ROLES = frozenset("navigation banner contentinfo search".split())
# Class or id words of boxes that are not the text (compared as whole words of the name).
_FURNITURE_WORDS = frozenset(
    "share sharing social related tags tag taglist breadcrumb breadcrumbs comments footer ad "
    "ads advert advertisement sidebar promo newsletter subscribe pagination pager popup "
    "cookie cookies byline caption credit credits gallery toolbar widget banner sponsor".split())
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
# A note in parentheses between a bold label and its colon.
_NOTE = re.compile(r" ?\([^()]{1,80}\)(?= ?:)")


class HtmlImporter:
    """Web pages saved from a browser (``.html``, or text opening with an HTML tag)."""

    name = "html"

    def detect(self, source: Source) -> bool:
        """An ``.html``/``.htm`` file, or any file that opens as an HTML document."""
        if source.suffix in ("html", "htm", "xhtml"):
            return True
        head = source.data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if head.startswith(b"<?xml"):
            return b"<html" in head
        return head.startswith((b"<!doctype html", b"<html"))

    def parse(self, source: Source) -> Draft:
        """Read the page's article into blocks; the general reader finds the turns."""
        page = read_page(source)
        draft = reader.read_blocks(page.blocks, page.meta, source, layout="html: bold labels")
        draft.doubts.extend(page.doubts)
        draft.doubts.extend(cross_check(source, page))
        draft.doubts.sort(key=lambda doubt: doubt.line)
        return draft


@dataclass
class Page:
    """What a web page says: its metadata, its paragraphs, and what was uncertain."""

    meta: Meta
    blocks: list[Block]
    doubts: list[Doubt] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    """Text of the body left out on purpose (pull quotes that repeat the text)."""


def extract(source: Source) -> tuple[Meta, list[Block]]:
    """The metadata and the paragraphs (one ``Block`` each) of a saved web page."""
    page = read_page(source)
    return page.meta, page.blocks


def read_page(source: Source) -> Page:
    """Parse the page, find its article, and read it into metadata and blocks."""
    root = _document(source)
    body = _body(root)
    if not body:
        raise ImportFailure(source.file, "no article text found in this page (no element "
                            "holds paragraphs of text)", 1)
    heading = title_element(root, body)
    meta = page_meta(root, heading)
    between = _between(root, heading, body[0]) if heading is not None else []
    head = [item for element in between for item in _walk(element, inside=False)]
    inside = [item for element in body for item in _walk(element, inside=True, top=True)]
    held = [n for n, item in enumerate(inside) if item.element is heading
            or (heading is not None and heading in item.element.iterancestors())]
    if held:  # the title is inside the body (<article><h1>...): what precedes it is header
        head, inside = inside[:held[0]], inside[held[-1] + 1:]
    page = Page(meta, [])
    header = Header(meta)
    for n in header.read([(item.text, item.line) for item in head]):
        # Text in the page's header, not menus or links: the lead.
        if len(head[n].text.split()) >= 4 and _link_density(head[n].element) < 0.5:
            page.blocks.extend(head[n].blocks())
    count = header_lines(item.text for item in inside)
    header.read([(item.text, item.line) for item in inside[:count]])
    text = inside[count:]
    quotes = [item for item in text if _quoted(item, body)]
    said = _shingles(" ".join(item.text for item in text if item not in quotes))
    for item in text:
        if item in quotes and _repeats(item.text, said):
            page.left_out.append(item.text)
            if len(page.left_out) == 1:
                page.doubts.append(Doubt(item.line, "pull quotes left out (they repeat words "
                                         f"of the text), the first: {item.text[:60]!r}"))
            continue
        page.blocks.extend(item.blocks())
    page.doubts.extend(header.settle(root, between + [item.element for item in inside[:count]]))
    return page


def _quoted(item: _Item, body: list[etree._Element]) -> bool:
    """Inside a ``<blockquote>`` (or a box named a pull quote) within the body."""
    for element in (item.element, *item.element.iterancestors()):
        if element in body:
            return False
        words = name_words(element)
        if element.tag == "blockquote" or "pullquote" in words or {"pull", "quote"} <= words:
            return True
    return False


def _shingles(text: str) -> set[tuple[str, ...]]:
    """The runs of four words of a text, compared without case."""
    words = _words(text)
    return {tuple(words[n:n + 4]) for n in range(len(words) - 3)}


def _repeats(quote: str, said: set[tuple[str, ...]]) -> bool:
    """A pull quote: eight words or more, most of them in the same order in the text (the
    page may trim or recase what it repeats)."""
    runs = _shingles(quote)
    return len(_words(quote)) >= 8 and len(runs & said) >= 0.6 * len(runs)


def _document(source: Source) -> etree._Element:
    """The parsed page: decoded as UTF-8, else as the page's own ``<meta charset>`` says."""
    try:
        text = source.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    try:
        if text is not None:
            try:
                return lxml.html.document_fromstring(text)
            except ValueError:  # an XML declaration naming an encoding: parse the bytes
                pass
        return lxml.html.document_fromstring(source.data)
    except etree.ParserError as error:
        raise ImportFailure(source.file, f"cannot read as a web page: {error}") from None


# --- Which elements are text ------------------------------------------------------------

def _furniture(element: etree._Element) -> bool:
    """A box of the page's furniture by its tag, role or name (block elements only: an
    inline ``<a class="person_tag">`` inside a label is text)."""
    if element.tag in _FURNITURE_TAGS or element.get("role") in _FURNITURE_ROLES:
        return True
    return element.tag in _BLOCK_TAGS and not _FURNITURE_WORDS.isdisjoint(name_words(element))


def _link_density(element: etree._Element) -> float:
    """The share of an element's visible text that is link text."""
    total = len(visible_text(element))
    links = sum(len(visible_text(a)) for a in element.iter("a") if shown(a))
    return links / total if total else 0.0


def _leaf(element: etree._Element) -> bool:
    """A block with no block inside: one paragraph, whatever its tag."""
    return not any(isinstance(d.tag, str) and d.tag in _BLOCK_TAGS
                   for d in element.iterdescendants())


def _dropped(element: etree._Element) -> bool:
    """A box inside the body that is not transcript."""
    if _furniture(element):
        return True
    text = visible_text(element)
    if element.tag in ("p", "li", "dt", "dd", "h2", "h3", "h4", "h5", "h6"):
        # A paragraph is text unless it is nothing but a short link ("Read more").
        return 0 < len(text.split()) < 8 and _link_density(element) >= 1.0
    # A picture with its caption or an advertisement, a list of links, or a box of
    # lines such as "Publication date: ..." with no sentence in it are not text.
    media = next(element.iter("img", "picture", "video", "figure", "iframe"), None) is not None
    if _link_density(element) > 0.5:
        return True
    if _leaf(element):
        return media and not _prose(text)
    return (media and len(text) < 300) or not any(
        _prose(visible_text(block)) for block in element.iter(*_BLOCK_TAGS)
        if shown(block) and _leaf(block))


def _prose(text: str) -> bool:
    """A sentence or more: eight words ending like a sentence, or twenty-five words."""
    words = len(text.split())
    return (words >= 8 and text.endswith(SENTENCE_END)) or words >= 25


# --- The body: the element whose paragraphs hold the most text ---------------------------

def _body(root: etree._Element, strict: bool = True) -> list[etree._Element]:
    """The article's body: the best-scoring element, with siblings that score nearly as
    well (an article cut in two by an advertisement). Paragraphs in menus, banners and
    footers count only when a page has no others."""
    scores: Counter[etree._Element] = Counter()
    for paragraph in root.iter("p", "pre", "td", "blockquote", "div", "li"):
        if paragraph.tag in ("div", "li") and not _leaf(paragraph):
            continue
        if not shown(paragraph) or (strict and any(
                a.tag in ("nav", "footer", "header", "aside") or a.get("role") in _OUTSIDE_ROLES
                for a in paragraph.iterancestors())):
            continue
        text = visible_text(paragraph)
        if len(text) < 25:
            continue
        score = 1 + text.count(",") + min(len(text) / 100, 3)
        for level, ancestor in enumerate(paragraph.iterancestors()):
            if level > 2:
                break
            scores[ancestor] += score / (1 if level == 0 else 2 if level == 1 else level * 3)
    if not scores:
        return _body(root, strict=False) if strict else []
    # Like readability, weigh only the best few by their share of link text.
    ranked = {el: s * (1 - _link_density(el)) for el, s in scores.most_common(10)}
    top = max(ranked, key=lambda el: ranked[el])
    parent = top.getparent()
    if parent is None:
        return [top]
    floor = max(10.0, ranked[top] * 0.2)
    return [sibling for sibling in parent if sibling is top or (
        shown(sibling) and ranked.get(sibling, 0) >= floor and not _furniture(sibling))]


# --- Paragraphs as items of pieces of text ----------------------------------------------

@dataclass
class _Piece:
    text: str
    bold: bool
    brk: bool = False
    """A line break (``<br>``)."""


@dataclass(eq=False)
class _Item:
    """One paragraph of the page (a ``<p>``, a heading, or loose text between blocks)."""

    element: etree._Element
    pieces: list[_Piece]
    line: int

    @property
    def text(self) -> str:
        return markup.squeeze(markup.spaces("".join(
            " " if p.brk else p.text for p in self.pieces)))

    def blocks(self) -> list[Block]:
        """Its blocks: two line breaks in a row end a paragraph, one is a space."""
        parts: list[list[_Piece]] = [[]]
        breaks = 0
        for piece in self.pieces:
            if piece.brk:
                breaks += 1
            elif piece.text.strip():
                if breaks >= 2 and parts[-1]:
                    parts.append([])
                breaks = 0
            parts[-1].append(piece)
        heading = self.element.tag in ("h1", "h2", "h3", "h4", "h5", "h6")
        return [block for part in parts if (block := _block(part, self.line, heading))]


def _block(pieces: list[_Piece], line: int, heading: bool) -> Block | None:
    """A block with its leading bold run as label candidate and the colon normalised."""
    def squeezed(parts: list[_Piece]) -> str:
        return markup.squeeze(markup.spaces("".join(" " if p.brk else p.text for p in parts)))

    text = squeezed(pieces)
    if not text:
        return None
    run: list[_Piece] = []
    for piece in pieces:
        blank = piece.brk or not markup.spaces(piece.text).strip()
        if not blank and not piece.bold:
            break
        if run or not blank:
            run.append(piece)
    # Headings are bold by style, not by choice: they are not label candidates.
    bold = None if heading else squeezed(run) or None
    if bold and text[len(bold):len(bold) + 1].isalnum() and bold[-1:].isalnum():
        bold = None  # a drop cap or a bold word part: "<b>V</b>ladimir"
    if bold and text.startswith(bold):
        # "<b>Question</b> <i>(retranslated)</i>: text": the note belongs to the label.
        if note := _NOTE.match(text, len(bold)):
            bold = text[:note.end()]
        after = text[len(bold):]
        if after.startswith(" :"):  # "<b>Question </b>: text"
            text = bold + after[1:]
        elif bold.endswith(":") and after[:1].isalnum():  # "<b>Name:</b>Text"
            text = f"{bold} {after}"
    return Block(text, line, bold=bold)


def _pieces(element: etree._Element, bold: bool) -> Iterator[_Piece]:
    """The visible text of an element's content in order, each piece marked bold or not."""
    if element.text:
        yield _Piece(element.text, bold)
    for child in element:
        if shown(child):
            if child.tag == "br":
                yield _Piece("", bold, brk=True)
            else:
                yield from _pieces(child, bold or _is_bold(child))
        if child.tail:
            yield _Piece(child.tail, bold)


def _is_bold(element: etree._Element) -> bool:
    return element.tag in ("b", "strong") or bool(_BOLD_STYLE.search(element.get("style") or ""))


def _walk(element: etree._Element, *, inside: bool, top: bool = False) -> Iterator[_Item]:
    """The paragraphs of an element in document order. ``inside`` the body, boxes that are
    not transcript are left out (never the body itself, the ``top``); in the header only
    navigation and hidden text are."""
    if not shown(element) or (not top and (_dropped(element) if inside else (
            element.tag in _FURNITURE_TAGS or element.get("role") in _FURNITURE_ROLES))):
        return
    line = element.sourceline or 1
    if element.tag in _BLOCK_TAGS and _leaf(element):
        yield _Item(element, list(_pieces(element, _is_bold(element))), line)
        return
    if element.tag == "tr" and all(_leaf(cell) for cell in element):
        # A table of turns: the speaker's cell and the text's cell make one paragraph.
        cells = [[*_pieces(cell, _is_bold(cell)), _Piece(" ", False)]
                 for cell in element if shown(cell)]
        yield _Item(element, [piece for cell in cells for piece in cell], line)
        return
    # Loose text between blocks: each line break ends a line (a dateline, a time).
    loose: list[_Piece] = []

    def flush() -> Iterator[_Item]:
        if any(p.text.strip() for p in loose):
            yield _Item(element, loose[:], line)
        loose.clear()

    if element.text:
        loose.append(_Piece(element.text, _is_bold(element)))
    for child in element:
        if isinstance(child.tag, str) and child.tag in _BLOCK_TAGS:
            yield from flush()
            yield from _walk(child, inside=inside)
        elif shown(child) and child.tag == "br":
            yield from flush()
            line = child.sourceline or line
        elif shown(child):
            if not loose:
                line = child.sourceline or line
            loose.extend(_pieces(child, _is_bold(element) or _is_bold(child)))
        if child.tail:
            loose.append(_Piece(child.tail, _is_bold(element)))
    yield from flush()


def _between(root: etree._Element, first: etree._Element,
             last: etree._Element) -> list[etree._Element]:
    """The largest elements that come after ``first`` (and all it holds) and end before
    ``last`` starts: the page's header between the title and the body."""
    order = {el: n for n, el in enumerate(root.iter())}

    def end(el: etree._Element) -> int:
        return max((order[d] for d in el.iterdescendants()), default=order[el])

    low, high = end(first), order[last]

    def within(el: etree._Element | None) -> bool:
        return el is not None and low < order[el] < high and end(el) < high

    return [el for el in root.iter() if isinstance(el.tag, str) and within(el)
            and not within(el.getparent())]


# --- A second opinion ---------------------------------------------------------------------

def cross_check(source: Source, page: Page) -> list[Doubt]:
    """Words that trafilatura, an independent extractor, finds in the page's main text but
    that no block (nor the title, date, place or time) holds: a doubt naming the first line
    of them, when there are more than a few."""
    import trafilatura  # imported here: loading it takes a while and only this needs it

    found = trafilatura.extract(source.data, favor_recall=True, include_comments=False,
                                include_tables=True, deduplicate=False) or ""
    have = Counter(_words(" ".join([*(b.text for b in page.blocks), *page.left_out,
                                    *page.meta.given().values()])))
    missing = Counter(_words(found)) - have
    if sum(missing.values()) < 12:
        return []
    lines = [line for line in found.splitlines() if any(w in missing for w in _words(line))]
    return [Doubt(1, f"{sum(missing.values())} words that trafilatura finds in the page are "
                  f"not in the paragraphs read, e.g. {lines[0][:120]!r}")]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", markup.spaces(text).casefold())
