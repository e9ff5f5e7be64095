"""Web pages saved from a browser: the article's title, date, place, lead and paragraphs.

A page holds far more than the transcript: menus, share buttons, related links, tags,
footers, scripts. The article body is found by structure, as readability-style
extractors find it, never by publisher: every paragraph scores its parent (and, less,
its grandparents) by its length and commas, paragraphs in navigation, banners and footers
score nothing, and the element with the best score, less its share of link text, is the
body. Inside it, boxes are left out when they are navigation, hidden, mostly links, a
picture with its caption, named like page furniture (``share``, ``tags``, ``related``),
or lines with no sentence (``Publication date: ...``); pull quotes that repeat the text
are left out too, with a doubt.

The title is the ``h1`` (or ``h2``) closest to the page's ``og:title``/``<title>``.
Between the title and the body (and at the head of the body) come the lead, a date, a
place and a time of day. The date of the event is the first of: a date in the title; a
line that is only a date (``March 31, 2020``); the header's ``<time datetime>``; a
labelled publication date (``Issued on: April 1, 2020``: it may be the day after the
event, hence late in the order, with a doubt); the page's ``article:published_time``.

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
from datetime import datetime

import lxml.html
from lxml import etree

from generator.errors import ImportFailure
from generator.importers import markup, reader
from generator.importers.base import Block, Doubt, Draft, Meta, Source

_BLOCK_TAGS = frozenset(
    "address article aside blockquote center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p "
    "pre section summary table tbody thead tfoot tr td th caption ul".split())
# Never text of the page: code, media, controls, the document's head.
_SKIP_TAGS = frozenset(
    "script style noscript template svg math iframe object embed canvas video audio picture "
    "img button select option textarea input head title meta link".split())
# Page furniture inside or around an article.
_FURNITURE_TAGS = frozenset("nav aside footer form figure figcaption menu dialog".split())
_FURNITURE_ROLES = frozenset(
    "navigation banner contentinfo complementary search menu menubar dialog alert toolbar "
    "tablist tooltip".split())
# Roles that mark a page's furniture even where they enclose the article (a site may wrap
# its whole reading pane in role="complementary"): paragraphs there never score.
_OUTSIDE_ROLES = frozenset("navigation banner contentinfo search".split())
_HIDDEN_CLASSES = frozenset(
    "hidden sr-only visually-hidden visuallyhidden screen-reader-text d-none invisible".split())
# Class or id words of boxes that are not the text (compared as whole words of the name).
_FURNITURE_WORDS = frozenset(
    "share sharing social related tags tag taglist breadcrumb breadcrumbs comments footer ad "
    "ads advert advertisement sidebar promo newsletter subscribe pagination pager popup "
    "cookie cookies byline caption credit credits gallery toolbar widget banner sponsor".split())
_PLACE_WORDS = frozenset("place location dateline venue".split())
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_TIME = re.compile(
    r"^\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?\s?[Mm]\.?)?(?:\s(?:[A-Z]{2,5}|\([A-Za-z ]+\)))?$")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|"
           "November|December")
_DATE = re.compile(rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|(?:{_MONTHS}) \d{{1,2}}, \d{{4}}|"
                   rf"\d{{1,2}} (?:{_MONTHS}),? \d{{4}})\b")
# A note in parentheses between a bold label and its colon.
_NOTE = re.compile(r" ?\([^()]{1,80}\)(?= ?:)")
_DATE_FORMATS = ("%Y-%m-%d", "%B %d, %Y", "%d %B %Y", "%d %B, %Y")
_WEEKDAY = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? ")
_META_DATES = ("article:published_time", "datePublished", "date", "dc.date", "dc.date.issued",
               "dcterms.date", "pubdate", "publish-date", "og:published_time")
_SENTENCE_END = (".", "!", "?", "…", ".”", "?”", ".\"")
_TITLE_SEPARATORS = (" | ", " • ", " — ", " – ", " - ", " :: ")


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
    heading = _title_element(root, body)
    meta = Meta(title=_title(root, heading), publisher=_meta(root, "og:site_name",
                "application-name"), url=_url(root))
    between = _between(root, heading, body[0]) if heading is not None else []
    head = [item for element in between for item in _walk(element, inside=False)]
    inside = [item for element in body for item in _walk(element, inside=True, top=True)]
    held = [n for n, item in enumerate(inside) if item.element is heading
            or (heading is not None and heading in item.element.iterancestors())]
    if held:  # the title is inside the body (<article><h1>...): what precedes it is header
        head, inside = inside[:held[0]], inside[held[-1] + 1:]
    page = Page(meta, [])
    header = _Header(meta, page)
    header.read(head, lead=True)
    count = _header_lines(inside)
    header.read(inside[:count], lead=False)
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
    header.settle(root, between + [item.element for item in inside[:count]])
    return page


def _quoted(item: _Item, body: list[etree._Element]) -> bool:
    """Inside a ``<blockquote>`` (or a box named a pull quote) within the body."""
    for element in (item.element, *item.element.iterancestors()):
        if element in body:
            return False
        words = _words_of(element)
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

def _words_of(element: etree._Element) -> set[str]:
    """The words of an element's class and id (``read__tags-list`` → read, tags, list)."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return set(re.split(r"[\s_\-]+", names)) - {""}


def _hidden(element: etree._Element) -> bool:
    """Not shown to a reader: a hidden attribute, style or class (a tooltip's text)."""
    return (element.get("hidden") is not None or element.get("aria-hidden") == "true"
            or bool(_HIDDEN_STYLE.search(element.get("style") or ""))
            or not _HIDDEN_CLASSES.isdisjoint((element.get("class") or "").lower().split()))


def _shown(node: object) -> bool:
    """An element whose text a reader sees (comments and processing instructions are not)."""
    return (isinstance(node, etree._Element) and isinstance(node.tag, str)
            and node.tag not in _SKIP_TAGS and not _hidden(node))


def _furniture(element: etree._Element) -> bool:
    """A box of the page's furniture by its tag, role or name (block elements only: an
    inline ``<a class="person_tag">`` inside a label is text)."""
    if element.tag in _FURNITURE_TAGS or element.get("role") in _FURNITURE_ROLES:
        return True
    return element.tag in _BLOCK_TAGS and not _FURNITURE_WORDS.isdisjoint(_words_of(element))


def _text(element: etree._Element) -> str:
    return markup.squeeze(markup.spaces(" ".join(_strings(element))))


def _strings(element: etree._Element) -> Iterator[str]:
    """The visible strings of an element, in order."""
    if element.text:
        yield element.text
    for child in element:
        if _shown(child):
            yield from _strings(child)
        if child.tail:
            yield child.tail


def _link_density(element: etree._Element) -> float:
    """The share of an element's visible text that is link text."""
    total = len(_text(element))
    links = sum(len(_text(a)) for a in element.iter("a") if _shown(a))
    return links / total if total else 0.0


def _leaf(element: etree._Element) -> bool:
    """A block with no block inside: one paragraph, whatever its tag."""
    return not any(isinstance(d.tag, str) and d.tag in _BLOCK_TAGS
                   for d in element.iterdescendants())


def _dropped(element: etree._Element) -> bool:
    """A box inside the body that is not transcript."""
    if _furniture(element):
        return True
    text = _text(element)
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
        _prose(_text(block)) for block in element.iter(*_BLOCK_TAGS)
        if _shown(block) and _leaf(block))


def _prose(text: str) -> bool:
    """A sentence or more: eight words ending like a sentence, or twenty-five words."""
    words = len(text.split())
    return (words >= 8 and text.endswith(_SENTENCE_END)) or words >= 25


# --- The body: the element whose paragraphs hold the most text ---------------------------

def _body(root: etree._Element, strict: bool = True) -> list[etree._Element]:
    """The article's body: the best-scoring element, with siblings that score nearly as
    well (an article cut in two by an advertisement). Paragraphs in menus, banners and
    footers count only when a page has no others."""
    scores: Counter[etree._Element] = Counter()
    for paragraph in root.iter("p", "pre", "td", "blockquote", "div", "li"):
        if paragraph.tag in ("div", "li") and not _leaf(paragraph):
            continue
        if not _shown(paragraph) or (strict and any(
                a.tag in ("nav", "footer", "header", "aside") or a.get("role") in _OUTSIDE_ROLES
                for a in paragraph.iterancestors())):
            continue
        text = _text(paragraph)
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
        _shown(sibling) and ranked.get(sibling, 0) >= floor and not _furniture(sibling))]


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
        if _shown(child):
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
    if not _shown(element) or (not top and (_dropped(element) if inside else (
            element.tag in _FURNITURE_TAGS or element.get("role") in _FURNITURE_ROLES))):
        return
    line = element.sourceline or 1
    if element.tag in _BLOCK_TAGS and _leaf(element):
        yield _Item(element, list(_pieces(element, _is_bold(element))), line)
        return
    if element.tag == "tr" and all(_leaf(cell) for cell in element):
        # A table of turns: the speaker's cell and the text's cell make one paragraph.
        cells = [[*_pieces(cell, _is_bold(cell)), _Piece(" ", False)]
                 for cell in element if _shown(cell)]
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
        elif _shown(child) and child.tag == "br":
            yield from flush()
            line = child.sourceline or line
        elif _shown(child):
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


# --- Title, date, place and time -----------------------------------------------------------

def _meta(root: etree._Element, *names: str) -> str | None:
    """The first of the page's ``<meta>`` tags named (``name``, ``property`` or
    ``itemprop``) that has content."""
    for wanted in names:
        for tag in root.iter("meta"):
            key = tag.get("property") or tag.get("name") or tag.get("itemprop") or ""
            if key.lower() == wanted.lower() and (content := _squeeze(tag.get("content"))):
                return content
    return None


def _squeeze(text: str | None) -> str:
    return markup.squeeze(markup.spaces(text or ""))


def _url(root: etree._Element) -> str | None:
    """The page's own address: its canonical link, else ``og:url``."""
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            if (href := (link.get("href") or "").strip()).startswith(("http://", "https://")):
                return href
    found = _meta(root, "og:url")
    return found if found and found.startswith(("http://", "https://")) else None


def _urlish(text: str) -> bool:
    return text.lower().startswith(("http://", "https://", "www.")) or (
        " " not in text and "/" in text)


def _page_titles(root: etree._Element) -> list[str]:
    """The titles the page gives itself, with the site's name cut off (``... | The White
    House``): ``og:title``, ``twitter:title``, ``<title>``."""
    titles = [_meta(root, "og:title"), _meta(root, "twitter:title")]
    titles += [_squeeze(t.text_content()) for t in root.iter("title")
               if t.getparent() is not None and t.getparent().tag == "head"]
    found = []
    for title in titles:
        if not title:
            continue
        for separator in _TITLE_SEPARATORS:
            if separator in title:
                title = max(title.split(separator), key=len).strip()
                break
        found.append(title)
    return found


def _title_element(root: etree._Element, body: list[etree._Element]) -> etree._Element | None:
    """The heading that titles the article: of the ``h1``s and ``h2``s outside menus and
    footers, the one closest to the page's own title (an ``h1`` before an ``h2``, the last
    before the body first); an ``h2`` only when it matches that title."""
    titles = [t.lower() for t in _page_titles(root)]
    order = {el: n for n, el in enumerate(root.iter())}
    start = order[body[0]]

    def closeness(heading: etree._Element) -> int:
        text = _text(heading).lower()
        return max((2 if text == t else 1 if (text in t or t in text) and 2 * min(
            len(text), len(t)) >= max(len(text), len(t)) else 0 for t in titles), default=0)

    headings = [h for h in root.iter("h1", "h2") if _shown(h) and (text := _text(h))
                and not _urlish(text) and not any(
                    a.tag in ("nav", "footer", "aside") or a.get("role") == "navigation"
                    for a in h.iterancestors())]
    best = max(headings, default=None, key=lambda h: (
        closeness(h), h.tag == "h1", order[h] if order[h] < start else -order[h]))
    if best is None or (best.tag == "h2" and not closeness(best)):
        return None
    return best


def _title(root: etree._Element, heading: etree._Element | None) -> str | None:
    if heading is not None:
        return _text(heading)
    return next((t for t in _page_titles(root) if not _urlish(t)), None)


def _iso(text: str) -> str | None:
    """The ISO date a printed date stands for (``March 31, 2020``, ``31 March 2020``)."""
    text = _WEEKDAY.sub("", text.strip().rstrip(".,"))
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    return None


def _date_in(text: str) -> str | None:
    return next((iso for m in _DATE.finditer(text) if (iso := _iso(m[0]))), None)


def _kind(text: str) -> str | None:
    """What a header line is: ``date``, ``published`` (a date with a few words: ``Issued
    on: April 1, 2020``), ``time``, ``short`` (a few words, no sentence), or None (text)."""
    if _iso(text):
        return "date"
    if _TIME.match(text):
        return "time"
    match = _DATE.search(text)
    if match and _iso(match[0]) and len((text[:match.start()] + text[match.end():]).split()) <= 4:
        return "published"
    if text and len(text.split()) <= 8 and not text.endswith(_SENTENCE_END):
        return "short"
    return None


def _header_lines(items: list[_Item]) -> int:
    """How many items at the head of the body are a dateline, a place or a time."""
    kinds = [_kind(item.text) for item in items[:5]] + [None]
    count = 0
    while kinds[count] in ("date", "published", "time") or (
            kinds[count] == "short" and kinds[count + 1] in ("time", "date")):
        count += 1
    return count


class _Header:
    """Collects what the lines between title and text say: lead, date, place, time."""

    def __init__(self, meta: Meta, page: Page):
        self.meta, self.page = meta, page
        self.dates: list[str] = []
        self.published: list[tuple[str, str, int]] = []

    def read(self, items: list[_Item], *, lead: bool) -> None:
        """Take header lines; in the page's header (``lead``) prose is the lead."""
        kinds = [_kind(item.text) for item in items] + [None]
        for n, item in enumerate(items):
            kind, text = kinds[n], item.text
            if kind == "date":
                self.dates.append(_iso(text) or "")
            elif kind == "time":
                self.meta.time = self.meta.time or text
            elif kind == "published":
                self.published.append((_date_in(text) or "", text, item.line))
            elif kind == "short" and kinds[n + 1] in ("time", "date"):  # "Rose Garden"
                self.meta.place = self.meta.place or text
            elif lead and kind is None and len(text.split()) >= 4 and \
                    _link_density(item.element) < 0.5:
                self.page.blocks.extend(item.blocks())

    def settle(self, root: etree._Element, header: list[etree._Element]) -> None:
        """Choose the place (an element named so: ``p-location``, ``event-place``) and the
        date of the event (in the order the module's docstring gives)."""
        for element in (d for e in header for d in e.iter() if _shown(d)):
            named = element.get("itemprop") in ("contentLocation", "location") or \
                not _PLACE_WORDS.isdisjoint(_words_of(element))
            if named and 0 < len(text := _text(element).split()) <= 8:
                self.meta.place = " ".join(text)
                break
        stamps = [t.get("datetime", "")[:10] for e in header for t in e.iter("time")]
        published = _meta(root, *_META_DATES) or ""
        for day in (_date_in(self.meta.title or ""), *self.dates, *stamps):
            if day and _iso(day):
                self.meta.date = day
                return
        if self.published:
            self.meta.date, printed, line = self.published[0]
            self.page.doubts.append(Doubt(line, f"date taken from the publication line "
                                          f"{printed!r}: the event may be a day or more earlier"))
        elif _iso(published[:10]):
            self.meta.date = published[:10]
            self.page.doubts.append(Doubt(1, f"date taken from the page's publication date "
                                          f"({published}): the event may be earlier"))


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
