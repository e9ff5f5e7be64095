"""What a saved web page says about itself: its title, date, place, time of day and address.

The title is the ``h1`` (or ``h2``) closest to the page's ``og:title``/``<title>``.
Between the title and the body (and at the head of the body) come the lead, a date, a
place and a time of day. The date of the event is the first of: a date in the title; a
line that is only a date (``March 31, 2020``); the header's ``<time datetime>``; a
labelled publication date (``Issued on: April 1, 2020``: it may be the day after the
event, hence late in the order, with a doubt); the page's ``article:published_time``.

The importer (``html``) finds the body and the lead; it takes from here, besides, what a
reader sees of an element (``shown``, ``visible_text``, ``name_words``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from itertools import islice

from lxml import etree

from generator.importers import markup
from generator.importers.base import Doubt, Meta

# Never text of the page: code, media, controls, the document's head.
_SKIP_TAGS = frozenset(
    "script style noscript template svg math iframe object embed canvas video audio picture "
    "img button select option textarea input head title meta link".split())
_HIDDEN_CLASSES = frozenset(
    "hidden sr-only visually-hidden visuallyhidden screen-reader-text d-none invisible".split())
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_PLACE_WORDS = frozenset("place location dateline venue".split())
_TIME = re.compile(
    r"^\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?\s?[Mm]\.?)?(?:\s(?:[A-Z]{2,5}|\([A-Za-z ]+\)))?$")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|"
           "November|December")
_DATE = re.compile(rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|(?:{_MONTHS}) \d{{1,2}}, \d{{4}}|"
                   rf"\d{{1,2}} (?:{_MONTHS}),? \d{{4}})\b")
_DATE_FORMATS = ("%Y-%m-%d", "%B %d, %Y", "%d %B %Y", "%d %B, %Y")
_WEEKDAY = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? ")
_META_DATES = ("article:published_time", "datePublished", "date", "dc.date", "dc.date.issued",
               "dcterms.date", "pubdate", "publish-date", "og:published_time")
SENTENCE_END = (".", "!", "?", "…", ".”", "?”", ".\"")
"""How a sentence ends (a line ending otherwise is a heading, a dateline, a label)."""
_TITLE_SEPARATORS = (" | ", " • ", " — ", " – ", " - ", " :: ")


# --- What a reader sees of an element -----------------------------------------------------

def name_words(element: etree._Element) -> set[str]:
    """The words of an element's class and id (``read__tags-list`` → read, tags, list)."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return set(re.split(r"[\s_\-]+", names)) - {""}


def _hidden(element: etree._Element) -> bool:
    """Not shown to a reader: a hidden attribute, style or class (a tooltip's text)."""
    return (element.get("hidden") is not None or element.get("aria-hidden") == "true"
            or bool(_HIDDEN_STYLE.search(element.get("style") or ""))
            or not _HIDDEN_CLASSES.isdisjoint((element.get("class") or "").lower().split()))


def shown(node: object) -> bool:
    """An element whose text a reader sees (comments and processing instructions are not)."""
    return (isinstance(node, etree._Element) and isinstance(node.tag, str)
            and node.tag not in _SKIP_TAGS and not _hidden(node))


def visible_text(element: etree._Element) -> str:
    """The text a reader sees in an element, its spacing squeezed to single spaces."""
    return markup.squeeze(markup.spaces(" ".join(_strings(element))))


def _strings(element: etree._Element) -> Iterator[str]:
    """The visible strings of an element, in order."""
    if element.text:
        yield element.text
    for child in element:
        if shown(child):
            yield from _strings(child)
        if child.tail:
            yield child.tail


# --- Title, publisher and address -------------------------------------------------------

def page_meta(root: etree._Element, heading: etree._Element | None) -> Meta:
    """The page's title (the ``heading``'s text, else the page's own title), publisher
    and address; the date, place and time come from the ``Header``."""
    return Meta(title=_title(root, heading), publisher=_meta(root, "og:site_name",
                "application-name"), url=_url(root))


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


def title_element(root: etree._Element, body: list[etree._Element]) -> etree._Element | None:
    """The heading that titles the article: of the ``h1``s and ``h2``s outside menus and
    footers, the one closest to the page's own title (an ``h1`` before an ``h2``, the last
    before the body first); an ``h2`` only when it matches that title."""
    titles = [t.lower() for t in _page_titles(root)]
    order = {el: n for n, el in enumerate(root.iter())}
    start = order[body[0]]

    def closeness(heading: etree._Element) -> int:
        text = visible_text(heading).lower()
        return max((2 if text == t else 1 if (text in t or t in text) and 2 * min(
            len(text), len(t)) >= max(len(text), len(t)) else 0 for t in titles), default=0)

    headings = [h for h in root.iter("h1", "h2") if shown(h) and (text := visible_text(h))
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
        return visible_text(heading)
    return next((t for t in _page_titles(root) if not _urlish(t)), None)


# --- Date, place and time -----------------------------------------------------------------

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
    if text and len(text.split()) <= 8 and not text.endswith(SENTENCE_END):
        return "short"
    return None


def header_lines(texts: Iterable[str]) -> int:
    """How many lines at the head of the body (their texts, in order) are a dateline, a
    place or a time."""
    kinds = [_kind(text) for text in islice(texts, 5)] + [None]
    count = 0
    while kinds[count] in ("date", "published", "time") or (
            kinds[count] == "short" and kinds[count + 1] in ("time", "date")):
        count += 1
    return count


class Header:
    """Collects what the lines between title and text say: date, place, time."""

    def __init__(self, meta: Meta):
        self.meta = meta
        self.dates: list[str] = []
        self.published: list[tuple[str, str, int]] = []

    def read(self, lines: list[tuple[str, int]]) -> list[int]:
        """Take header lines (each its text and its line in the file); return the
        positions of those that are text, not a date, time or place: the importer's lead
        candidates."""
        kinds = [_kind(text) for text, _ in lines] + [None]
        prose: list[int] = []
        for n, (text, line) in enumerate(lines):
            kind = kinds[n]
            if kind == "date":
                self.dates.append(_iso(text) or "")
            elif kind == "time":
                self.meta.time = self.meta.time or text
            elif kind == "published":
                self.published.append((_date_in(text) or "", text, line))
            elif kind == "short" and kinds[n + 1] in ("time", "date"):  # "Rose Garden"
                self.meta.place = self.meta.place or text
            elif kind is None:
                prose.append(n)
        return prose

    def settle(self, root: etree._Element, header: list[etree._Element]) -> list[Doubt]:
        """Choose the place (an element named so: ``p-location``, ``event-place``) and the
        date of the event (in the order the module's docstring gives); a doubt when the
        date is one of publication."""
        for element in (d for e in header for d in e.iter() if shown(d)):
            named = element.get("itemprop") in ("contentLocation", "location") or \
                not _PLACE_WORDS.isdisjoint(name_words(element))
            if named and 0 < len(text := visible_text(element).split()) <= 8:
                self.meta.place = " ".join(text)
                break
        stamps = [t.get("datetime", "")[:10] for e in header for t in e.iter("time")]
        published = _meta(root, *_META_DATES) or ""
        for day in (_date_in(self.meta.title or ""), *self.dates, *stamps):
            if day and _iso(day):
                self.meta.date = day
                return []
        if self.published:
            self.meta.date, printed, line = self.published[0]
            return [Doubt(line, f"date taken from the publication line {printed!r}: the "
                          "event may be a day or more earlier")]
        if _iso(published[:10]):
            self.meta.date = published[:10]
            return [Doubt(1, f"date taken from the page's publication date ({published}): "
                          "the event may be earlier")]
        return []
