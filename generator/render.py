"""Rendering: the model → Markdown pages and JSON files, as strings (no I/O).

One Jinja environment renders every page. Templates are looked up by name, first in
an override folder, then in the project's ``templates/``. Every value a template
prints is escaped for Markdown unless it is marked safe, so transcript text can never
become markup: each ASCII punctuation character becomes a numeric character reference.
"""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from functools import cache
from itertools import groupby
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
)
from markupsafe import Markup, escape

from generator import exports, redirects
from generator.charts import year_chart
from generator.excerpts import excerpt
from generator.incremental import Fingerprints
from generator.model import (
    EVENT_KINDS,
    TURN_KINDS,
    Archive,
    Paragraph,
    Transcript,
    Turn,
)
from generator.relevance import ABOUT
from generator.settings import EXPORTS
from generator.talking_points import NOTHING, Said, TalkingPoint, summary
from generator.views import (
    Passage,
    Views,
    offered,
    offered_tree,
    only_mentioned,
    topics_about,
    word_count,
)
from generator.write import UNCHANGED, Joined

# Control characters and every character with a meaning in Markdown, its extensions
# (attribute lists, tables) or HTML. Commas, periods and hyphens stay readable: the text
# always sits inside an HTML element, where block syntax (lists, headings) does not apply.
_PUNCTUATION = re.compile(r"[\x00-\x1f\x7f!\"#&'()*:<=>\[\\\]^_`{|}~]")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

PAGE_SIZE = 200
"""Most passages (or paragraphs) on one topic or speaker page; larger ones are split."""

FORMAT_VERSION = 1
"""Version of the JSON data format, bumped on incompatible changes."""


def escape_text(value: object) -> Markup:
    """Make any text inert in Markdown and HTML: markup characters and control
    characters become numeric character references, everything else stays as it is."""
    if isinstance(value, Markup):
        return value
    return Markup(_PUNCTUATION.sub(lambda m: f"&#{ord(m.group())};", str(value)))


@cache
def safe_id(value: str) -> Markup:
    """An id for use in paths and anchors; ids are slugs, validated on load (the same
    few ids, p1, p2, ..., recur on every page: the check is made once for each)."""
    if not _SLUG.match(value):
        raise ValueError(f"not a valid id: {value!r}")
    return Markup(value)


def safe_url(value: str) -> Markup:
    """An external address for a Markdown link target, with risky characters encoded."""
    return Markup(quote(value, safe=":/?#[]@!$&*+,;=%~."))


def raw_path(file: str) -> str:
    """Where a raw source is published: ``data/raw/<name>``, as plain text. A ``.md``
    source gets ``.txt`` added, or MkDocs would turn it into a page."""
    name = posixpath.basename(file)
    return f"data/raw/{name}" if name.endswith(".txt") else f"data/raw/{name}.txt"


def safe_path(value: str) -> Markup:
    """A file path for a link: every character but letters, digits and ``/._-~``
    percent-encoded (a ``%`` in a file name included)."""
    return Markup(quote(value, safe="/"))


def long_date(iso: str) -> str:
    """``2016-04-15`` → ``15 April 2016``."""
    day = date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


class Links:
    """Links to speaker and topic pages, made once per (target, depth) and reused: a
    transcript shows the same few speakers and topics hundreds of times, and a Jinja
    macro call per link costs more than the rest of the page."""

    def __init__(self, archive: Archive):
        self.archive = archive
        self.speaker = cache(self._speaker)
        self.topic = cache(self._topic)
        self.topic_list = cache(self._topic_list)

    def _speaker(self, speaker: str | None, root: str, anchor: str | None = None) -> Markup:
        label = escape(self.archive.speakers[speaker].name) if speaker else Markup("Journalist")
        ident = Markup(' id="{}"').format(safe_id(anchor)) if anchor else Markup("")
        if speaker is None:
            return Markup("<span{}>{}</span>").format(ident, label) if anchor else label
        return Markup('<a href="{}speakers/{}/"{}>{}</a>').format(
            Markup(root), safe_id(speaker), ident, label
        )

    def _topic(self, topic: str, root: str, cls: str = "tx-topic") -> Markup:
        return Markup('<a class="{}" href="{}topics/{}/">{}</a>').format(
            cls, Markup(root), safe_id(topic), self.archive.topics[topic].title
        )

    def _topic_list(self, about: tuple[str, ...], mentioned: tuple[str, ...], root: str
                    ) -> Markup:
        """The links of a paragraph's topics, a space apart (the chips under it): those
        it is about, to their pages, then those it only mentions, marked "in passing",
        to the pages of their mentions. The same few sets of topics recur all through an
        archive."""
        chips = [self._chip(topic, root, "") for topic in about]
        if mentioned:
            chips.append(Markup('<span class="tx-para__mentions">in passing: {}</span>').format(
                Markup(" ").join(self._chip(topic, root, "mentions/") for topic in mentioned)))
        return Markup(" ").join(chips)

    def _chip(self, topic: str, root: str, page: str) -> Markup:
        """A link to a topic's page, or to ``page`` under it."""
        return Markup('<a href="{}topics/{}/{}">{}</a>').format(
            Markup(root), safe_id(topic), Markup(page), self.archive.topics[topic].title)


def replies(transcript: Transcript) -> dict[str, list[Turn]]:
    """Turn id → the turns that answer it or add to it."""
    found: dict[str, list[Turn]] = defaultdict(list)
    for turn in transcript.turns:
        if turn.responds_to:
            found[turn.responds_to].append(turn)
    return found


def by_transcript(passages: Iterable[Passage]) -> list[tuple[Transcript, list[Passage]]]:
    """Consecutive passages of one transcript together: (transcript, its passages)."""
    groups: list[tuple[Transcript, list[Passage]]] = []
    for passage in passages:
        if groups and groups[-1][0] is passage.transcript:
            groups[-1][1].append(passage)
        else:
            groups.append((passage.transcript, [passage]))
    return groups


EXCERPTS_PER_TRANSCRIPT = 3
"""A topic page quotes this many passages of each transcript, the most relevant ones,
and links the others by their paragraph: a briefing that comes back to a topic forty
times would otherwise fill a page with one day."""


def excerpted(
    passages: Iterable[Passage], topic: str,
) -> list[tuple[Transcript, list[Passage], list[Passage]]]:
    """``by_transcript``, each group split into the passages to quote and the others,
    both in reading order. Quoted are the ones where the topic's words occur most often
    (carried over from a question, a passage may have none); on a tie, the earlier."""
    groups = []
    for transcript, group in by_transcript(passages):
        ranked = sorted(range(len(group)), key=lambda n: (
            -sum(1 for mark in group[n].paragraph.marks if mark[0] == topic), n))
        quoted = set(ranked[:EXCERPTS_PER_TRANSCRIPT])
        groups.append((transcript, [p for n, p in enumerate(group) if n in quoted],
                       [p for n, p in enumerate(group) if n not in quoted]))
    return groups


def chunks(items: tuple, size: int = PAGE_SIZE) -> list[tuple]:  # type: ignore[type-arg]
    """``items`` in pages of at most ``size``; always at least one (maybe empty) page."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [()]


def page_path(base: str, number: int) -> str:
    """Markdown path of page ``number`` of a split page: ``topics/x.md``, ``topics/x/page-2.md``."""
    return f"{base}.md" if number == 1 else f"{base}/page-{number}.md"


def environment(template_dirs: list[Path], markdown: bool = True,
                compiled: Path | None = None) -> Environment:
    """A Jinja environment: strict, templates found by name, everything printed escaped;
    with ``compiled``, a folder where the compiled templates are kept between builds
    (Jinja checks each one against its template's text).

    For Markdown pages (``markdown``) every value also passes ``escape_text``, so that no
    character of it means anything to Markdown; for the HTML fragments standard HTML
    autoescaping is enough. Autoescaping is on in both: macros then return Markup, which
    ``escape_text`` leaves alone.
    """
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(d)) for d in template_dirs]),
        undefined=StrictUndefined,
        finalize=escape_text if markdown else None,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # (one folder per kind: the two kinds compile the same template differently)
        bytecode_cache=FileSystemBytecodeCache(
            str(_folder(compiled / ("markdown" if markdown else "html")))
        ) if compiled is not None else None,
    )
    env.filters.update(id=safe_id, url=safe_url, long_date=long_date, words=word_count,
                       raw_path=raw_path, path=safe_path, duration=duration,
                       by_transcript=by_transcript, excerpted=excerpted)
    env.globals.update(event_kinds=EVENT_KINDS, turn_kinds=TURN_KINDS)
    return env


def _folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


# Characters YAML refuses raw (C1 controls) or reads as line breaks (NEL, LS, PS): in the
# front matter they are written as JSON escapes, or the page would lose its title.
_YAML_RAW = re.compile("[\x80-\x9f\u2028\u2029\ufeff]")


def _u_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _front_matter(title: str | None, description: str, **extra: str | None) -> Markup:
    # JSON strings are valid YAML. The theme prints these values unescaped, in text and
    # in attributes, so they are HTML-escaped here, quotes included. (No title: the
    # theme names the page by the site's name alone, as for the home page.)
    fields = {key: value for key, value in
              {"title": title, "description": description, **extra}.items() if value is not None}
    lines = [
        f"{key}: "
        + _YAML_RAW.sub(_u_escape, json.dumps(html.escape(value, quote=True), ensure_ascii=False))
        for key, value in fields.items()
    ]
    # Pagefind serves search (generator/search.py); Material's own index stays empty, so
    # that building it costs nothing at archive scale.
    lines.append("search:\n  exclude: true")
    return Markup("---\n" + "\n".join(lines) + "\n---\n")


def transcript_json(transcript: Transcript, archive: Archive, said: Said = NOTHING
                    ) -> dict[str, Any]:
    """The machine-readable form of one transcript (documented on the site's data page)."""
    def name(speaker: str | None) -> str | None:
        return archive.speakers[speaker].name if speaker else None

    return {
        "format_version": FORMAT_VERSION,
        "id": transcript.id,
        "url": f"/transcripts/{transcript.id}/",
        "title": transcript.title,
        "date": transcript.date,
        "place": transcript.place,
        "event": transcript.event,
        "source": {
            "publisher": transcript.source.publisher,
            "url": transcript.source.url,
            "file": transcript.source.file,
        },
        "participants": [
            {"speaker": p.speaker, "name": name(p.speaker), "role": p.role}
            for p in transcript.participants
        ],
        "turns": [
            {
                "id": turn.id,
                "speaker": turn.speaker,
                "name": name(turn.speaker),
                "label": turn.label,
                "kind": turn.kind,
                "to": list(turn.to),
                "note": turn.note,
                "responds_to": turn.responds_to,
                "paragraphs": [_paragraph_json(p, said, transcript.id)
                               for p in turn.paragraphs],
            }
            for turn in transcript.turns
        ],
    }


def _paragraph_json(paragraph: Paragraph, said: Said = NOTHING, transcript_id: str = ""
                    ) -> dict[str, Any]:
    """One paragraph of the JSON form; ``start`` only where the source gives a time, and
    ``said_again`` only where it holds a talking point, so that other paragraphs keep the
    format they always had."""
    data: dict[str, Any] = {"id": paragraph.id, "text": paragraph.text,
                            "topics": list(paragraph.topics),
                            "topic_relevance": [
                                {"id": r.topic, "kind": r.kind, "score": r.score}
                                for r in paragraph.weighed]}
    if paragraph.start is not None:
        data["start"] = paragraph.start
    points = said.by_paragraph.get((transcript_id, paragraph.id))
    if points:
        data["said_again"] = [
            {"talking_point": point.id, "start": mine.start, "end": mine.end,
             "exact": mine.exact, "times": len(point.occurrences)} for point, mine in points]
    return data


def talking_points_json(said: Said, archive: Archive) -> dict[str, Any]:
    """Every talking point with its occurrences (``data/talking-points.json``)."""
    def name(speaker: str | None) -> str | None:
        return archive.speakers[speaker].name if speaker else None

    return {"format_version": FORMAT_VERSION, "talking_points": [
        {"id": point.id, "text": point.text, "times": len(point.occurrences),
         "speakers": list(point.speakers), "first": point.first, "last": point.last,
         "topics": list(point.topics),
         "occurrences": [
             {"transcript": o.transcript.id, "paragraph": o.paragraph.id,
              "url": f"/transcripts/{o.transcript.id}/#{o.paragraph.id}",
              "date": o.transcript.date, "speaker": o.turn.speaker, "name": name(o.turn.speaker),
              "start": o.start, "end": o.end, "exact": o.exact,
              **({} if o.exact else {"text": o.text})}
             for o in point.occurrences]}
        for point in said.points]}


def duration(start: str) -> str:
    """A start time as an HTML duration (``PT1H2M3.5S``), for ``<time datetime>``."""
    hours, minutes, seconds = start.split(":")
    return f"PT{int(hours)}H{int(minutes)}M{float(seconds):g}S"


def _json(data: Any) -> str:
    # Compact: without indentation the json module uses its C encoder, several times faster.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _said_pages(turns: tuple) -> list[list]:  # type: ignore[type-arg]
    """A speaker's turns grouped by transcript, split into pages of about PAGE_SIZE
    paragraphs; a transcript's turns may continue on the next page."""
    pages: list[list] = [[]]  # type: ignore[type-arg]
    filled = 0
    for transcript, transcript_turns in turns:
        for turn in transcript_turns:
            if filled + len(turn.paragraphs) > PAGE_SIZE and filled:
                pages.append([])
                filled = 0
            if not pages[-1] or pages[-1][-1][0] is not transcript:
                pages[-1].append((transcript, []))
            pages[-1][-1][1].append(turn)
            filled += len(turn.paragraphs)
    return pages


def _shown(passages: Sequence[Passage], key: Callable[[Transcript], str]
           ) -> tuple[tuple[str, str, int], ...]:
    """Which passages a page shows, for its fingerprint: of each transcript (by its
    cache key, which stands for its whole content) the first paragraph shown and how
    many are shown (a page shows a run of a transcript's passages on the topic)."""
    groups: list[tuple[str, str, int]] = []
    last = None
    for passage in passages:
        if passage.transcript is last:
            ident, first, count = groups[-1]
            groups[-1] = (ident, first, count + 1)
        else:
            last = passage.transcript
            groups.append((key(last), passage.paragraph.id, 1))
    return tuple(groups)


def row_digest(transcript: Transcript) -> str:
    """The digest of what any CSV row of ``transcript`` can show: ids, date, speakers,
    kinds and topics (and which of them each paragraph is about: a topic's CSV lists the
    paragraphs about it), no title and no text."""
    return hashlib.sha1(repr((
        transcript.id, transcript.date,
        tuple((turn.id, turn.speaker, turn.kind,
               tuple((p.id, p.topics, p.about) for p in turn.paragraphs))
              for turn in transcript.turns),
    )).encode("utf-8")).hexdigest()


def render_exports(
    archive: Archive, views: Views, site_url: str, site_name: str,
    fingerprints: Fingerprints | None = None, claim: Callable[[], bool] = lambda: True,
    published: frozenset[str] = frozenset(EXPORTS),
) -> Iterator[tuple[str, str | bytes]]:
    """Feeds and bulk downloads: (path relative to ``docs/``, content). With
    ``fingerprints``, the feed and CSV of a topic or speaker whose passages did not change
    are ``UNCHANGED``; the files of the whole archive are made each time. ``claim`` as
    for ``render_site``; only the kinds of ``published`` (``settings.EXPORTS``) are made."""

    def unchanged(files: list[str], *inputs: object) -> bool:
        if fingerprints is None:
            return False
        return fingerprints.unchanged([f"docs/{f}" for f in files], fingerprints.of(*inputs))

    def newest(passages: Sequence[Passage]) -> tuple[tuple[str, str, str], ...]:
        """What a feed shows: its passages, by the transcripts' cache keys."""
        if fingerprints is None:
            return ()
        return tuple((fingerprints.key(p.transcript.id), p.turn.id, p.paragraph.id)
                     for p in exports.newest_passages(passages))

    def rows(passages: Sequence[Passage]) -> tuple[str, ...]:
        """What a CSV shows of its passages, by their transcripts: the CSV of a topic or
        a speaker holds, of each transcript, the rows of the paragraphs with that topic
        or in that speaker's turns, and a row holds no title nor a word of the text
        (``row_digest``)."""
        if fingerprints is None:
            return ()
        shown = dict.fromkeys(p.transcript.id for p in passages)
        return tuple(fingerprints.rows[ident] for ident in shown)

    def feed_and_table(kind: str, ident: str, passages: Sequence[Passage], title: str,
                       subtitle: str, columns: tuple[str, ...]
                       ) -> Iterator[tuple[str, str | bytes]]:
        """The Atom feed and the CSV of a topic or speaker (``kind``), each ``UNCHANGED``
        when what it shows did not change."""
        feed, table = f"feeds/{kind}s/{ident}.xml", f"data/{kind}s/{ident}.csv"
        if "feeds" not in published:
            pass
        elif unchanged([feed], f"{kind} feed", ident, newest(passages)):
            yield feed, UNCHANGED
        else:
            yield feed, exports.passages_feed(passages, archive, site_url, feed,
                                              f"{site_name}: {title}", subtitle,
                                              f"{kind}s/{ident}/")
        if "csv" not in published:
            pass
        elif unchanged([table], f"{kind} csv", ident, rows(passages)):
            yield table, UNCHANGED
        else:
            yield table, exports.to_csv(
                (exports.paragraph_row(p, site_url) for p in passages), columns)

    if claim() and "feeds" in published:
        yield "feeds/transcripts.xml", exports.transcripts_feed(archive, site_url, site_name)
    # (data/archive.jsonl.gz and data/paragraphs.csv are put together from the parts
    # of each transcript: ``assemble``.)
    if claim() and "json" in published:  # at the old address of the whole, a small index
        yield "data/archive.jsonl", exports.to_jsonl(
            exports.index_record(t, site_url) for t in archive.transcripts)
    if claim() and "csv" in published:
        yield "data/speakers.csv", exports.to_csv(
            exports.speaker_rows(archive), exports.SPEAKER_LIST_COLUMNS)
    for topic in archive.topics.values():
        if claim():
            yield from feed_and_table("topic", topic.id, views.passages[topic.id],
                                      topic.title, topic.description, exports.TOPIC_COLUMNS)
    for speaker in archive.speakers.values():
        if claim():
            passages = [Passage(transcript, turn, paragraph)
                        for transcript, turns in views.speakers[speaker.id].turns
                        for turn in turns for paragraph in turn.paragraphs]
            yield from feed_and_table("speaker", speaker.id, passages, speaker.name,
                                      f"What {speaker.name} said.", exports.SPEAKER_COLUMNS)

POINTS_PER_PAGE = 50
"""Talking points on one page of their lists (each lists all its occurrences)."""

SAID_LIMIT = 8
"""A paragraph's note lists this many of a talking point's other occurrences (the
first and the most recent before it, then the next); its page lists them all."""

PAGER_WINDOW = 2
"""A pager links the first and last page and this many pages on each side of the
current one: listing every page of a 100-page topic on each of its pages would grow
with the square of its size."""


def url_pager(base: str, count: int, current: int) -> list[tuple[int | None, str]]:
    """The entries of the pager of page ``current`` of a split page of ``count`` pages:
    (page number, relative address), with (None, "") where pages are left out; page 1
    is ``<base>/``, page n ``<base>/page-n/``."""
    def relative(number: int) -> str:
        if number == current:
            return "./"
        if current == 1:
            return f"page-{number}/"
        return "../" if number == 1 else f"../page-{number}/"

    shown = {1, count, *range(max(1, current - PAGER_WINDOW),
                              min(count, current + PAGER_WINDOW) + 1)}
    # A gap of one page shows that page: "…" would take as much room.
    shown |= {n + 1 for n in shown if n + 2 in shown}
    entries: list[tuple[int | None, str]] = []
    for number in sorted(shown):
        if entries and number - (entries[-1][0] or 0) > 1:
            entries.append((None, ""))
        entries.append((number, relative(number)))
    return entries


def _part_files(transcript: Transcript) -> list[str]:
    """A transcript's parts of ``data/archive.jsonl.gz`` and ``data/paragraphs.csv``, kept
    in the work folder so that those files are put together without making them again."""
    return [f"parts/archive/{transcript.id}.jsonl.gz", f"parts/paragraphs/{transcript.id}.csv"]


def assemble(work: Path, archive: Archive, published: frozenset[str] = frozenset(EXPORTS)
             ) -> Iterator[tuple[str, Joined]]:
    """The files of the whole archive, made of the parts of every transcript (in the
    archive's order) that ``render_site`` wrote into ``work``: the full text as JSON
    Lines, compressed (one gzip member per transcript: gzip readers read them as one
    stream), and every paragraph's row of ``data/paragraphs.csv``. Each is copied from
    the parts as it is written (``write.Joined``): at 10,000 transcripts of the corpus's
    length, reading them into memory took 500 MB."""
    parts = [[work / name for name in _part_files(t)] for t in archive.transcripts]
    if "json" in published:
        yield "docs/data/archive.jsonl.gz", Joined(
            tuple(archive_part for archive_part, _ in parts), empty=exports.gzipped(""))
    if "csv" in published:
        header = exports.to_csv([], exports.PARAGRAPH_COLUMNS).encode("utf-8")
        yield "docs/data/paragraphs.csv", Joined(tuple(rows for _, rows in parts), header)


def _points_digest(points: Sequence[TalkingPoint], key: Callable[[Transcript], str]
                   ) -> tuple[object, ...]:
    """What a page of talking points shows, for its fingerprint."""
    return tuple((point.id, point.topics, tuple((key(o.transcript), o.paragraph.id, o.start,
                                                 o.end, o.exact) for o in point.occurrences))
                 for point in points)


def _talking_point_pages(said: Said, archive: Archive, point_pages: list[tuple],  # type: ignore[type-arg]
                         html_page: Callable[..., Iterator[tuple[str, str]]],
                         claim: Callable[[], bool], unchanged: Callable[..., bool],
                         key: Callable[[Transcript], str], published: frozenset[str],
                         ) -> Iterator[tuple[str, str | bytes]]:
    """The pages of talking points: all of them, most repeated first
    (``talking-points/``) and last said first (``talking-points/newest/``), those of each
    speaker (``speakers/<id>/talking-points/``) and each topic
    (``topics/<id>/talking-points/``), split as the topic pages are; and the export of
    them all (``data/talking-points.json``)."""
    def listing(base: str, pages: list[tuple], title: str, description: str,  # type: ignore[type-arg]
                **context: Any) -> Iterator[tuple[str, str | bytes]]:
        for number, points in enumerate(pages, start=1):
            if not claim():
                continue
            files = _page_files(page_path(base, number))
            if unchanged(files, "talking points", base, number, len(pages),
                         _points_digest(points, key), repr(sorted(context.items()))):
                yield from ((file, UNCHANGED) for file in files)
                continue
            suffix = f" (page {number})" if number > 1 else ""
            yield from html_page(
                page_path(base, number), "talking_points.html.j2", title + suffix,
                description, None, points=points, page_number=number, page_count=len(pages),
                pages=url_pager(base, len(pages), number), base=base, total=sum(map(len, pages)),
                **context)

    description = "Lines said again, exactly or nearly, in other transcripts."
    yield from listing("talking-points", point_pages, "Talking points", description,
                       order="repeated", speaker=None, topic=None)
    yield from listing("talking-points/newest", chunks(said.newest, POINTS_PER_PAGE),
                       "Talking points, newest first", description, order="newest",
                       speaker=None, topic=None)
    for speaker in archive.speakers.values():
        points = said.of_speaker(speaker.id)
        if points:
            yield from listing(f"speakers/{speaker.id}/talking-points",
                               chunks(points, POINTS_PER_PAGE),
                               f"{speaker.name}: talking points",
                               f"Lines {speaker.name} said in several transcripts.",
                               order="repeated", speaker=speaker.id, topic=None)
    for topic in archive.topics.values():
        points = said.of_topic(topic.id)
        if points:
            yield from listing(f"topics/{topic.id}/talking-points",
                               chunks(points, POINTS_PER_PAGE),
                               f"{topic.title}: talking points",
                               f"Lines about {topic.title} said in several transcripts.",
                               order="repeated", speaker=None, topic=topic.id)
    if claim() and "json" in published:
        yield "docs/data/talking-points.json", _json(talking_points_json(said, archive))


def _page_files(path: str) -> list[str]:
    """The files ``html_page`` makes of the Markdown page ``path``."""
    return [f"docs/{path}", f"fragments/{path[:-3]}.html"]


def render_site(
    archive: Archive, views: Views, template_dirs: list[Path], raw: dict[str, bytes],
    site_url: str = "", site_name: str = "Transcript archive",
    fingerprints: Fingerprints | None = None, claim: Callable[[], bool] = lambda: True,
    compiled: Path | None = None, published: frozenset[str] = frozenset(EXPORTS),
    talking: Said = NOTHING,
) -> Iterator[tuple[str, str | bytes]]:
    """Every generated file, relative to the work folder, one at a time: the Markdown
    pages and data under ``docs/``, the pre-rendered HTML of the large pages under
    ``fragments/``.

    With ``fingerprints`` (``generator.incremental``), the transcript, topic and speaker
    pages whose inputs did not change since the last build are not rendered: their
    content is ``UNCHANGED``.

    The files come in units (a page with its data, a topic's feed and CSV, ...), always
    in the same order; ``claim()`` is asked before each unit whether to make it. Worker
    processes that each claim their share of the units make the whole site between them
    (``generator.build``); by default every unit is made. ``compiled``: as for
    ``environment``. ``published``: the exports the site publishes (``settings.EXPORTS``);
    the pages link only to those. ``talking``: the archive's talking points
    (``talking_points.find``).

    With ``fingerprints``, their ``rows`` must be noted first (``Fingerprints.note_rows``
    with ``row_digest``)."""
    env = environment(template_dirs, compiled=compiled)
    html_env = environment(template_dirs, markdown=False, compiled=compiled)

    def unchanged(files: list[str], *inputs: object) -> bool:
        if fingerprints is None:
            return False
        return fingerprints.unchanged(files, fingerprints.of(*inputs))

    def key(transcript: Transcript) -> str:
        return fingerprints.key(transcript.id) if fingerprints is not None else ""
    links = Links(archive)
    common = {"archive": archive, "views": views, "front_matter": _front_matter,
              "site_url": site_url, "site_name": site_name, "excerpt": excerpt,
              "year_chart": year_chart, "speaker_link": links.speaker, "topic_link": links.topic,
              "topic_links": links.topic_list, "replies": replies, "exports": published,
              "topics_about": topics_about, "about_from": ABOUT,
              "offered": frozenset(offered(archive, views)),
              "topic_tree": offered_tree(archive, views),
              "only_mentioned": only_mentioned(archive, views),
              "feed": "feeds/transcripts.xml" if "feeds" in published else None,
              "talking": talking, "said_notes": talking.notes, "said_limit": SAID_LIMIT,
              "said_rules": talking.rules, "said_summary": summary}
    # Where each talking point is listed on the pages of all of them (most repeated
    # first): the notes of the transcript pages link there.
    point_pages = chunks(talking.points, POINTS_PER_PAGE)
    common["point_href"] = {
        point.id: f"talking-points/{'' if number == 1 else f'page-{number}/'}#{point.id}"
        for number, points in enumerate(point_pages, start=1) for point in points}

    def page(path: str, template: str, **context: Any) -> tuple[str, str]:
        root = Markup("../" * path.count("/"))
        return f"docs/{path}", env.get_template(template).render(**common, root=root, **context)

    def html_page(path: str, template: str, title: str, description: str,
                  feed: str | None = None, **context: Any) -> Iterator[tuple[str, str]]:
        """A Markdown stub with the title, and the body as an HTML fragment."""
        extra = {"feed": feed} if feed and "feeds" in published else {}
        stub = _front_matter(title, description, **extra)
        yield f"docs/{path}", f"{stub}\n# {escape_text(title)}\n"
        depth = path.count("/") + (0 if path.endswith("/index.md") else 1)
        yield f"fragments/{path[:-3]}.html", html_env.get_template(template).render(
            **common, root=Markup("../" * depth), **context
        )

    def passage_pages(base: str, pages: list[Sequence[Passage]], kind: str, shared: str,
                      template: str, title: str, description: str, feed: str | None,
                      **context: Any) -> Iterator[tuple[str, str]]:
        """The pages of a list of passages (a topic's, or its mentions'), each a unit of
        work, kept when unchanged: ``shared`` is the fingerprint of what every page
        shows besides its own passages."""
        for number, passages in enumerate(pages, start=1):
            if not claim():
                continue
            files = _page_files(page_path(base, number))
            if unchanged(files, kind, number, shared, _shown(passages, key)):
                yield from ((file, UNCHANGED) for file in files)
                continue
            suffix = f" (page {number})" if number > 1 else ""
            yield from html_page(
                page_path(base, number), template, title + suffix, description, feed,
                passages=passages, page_number=number, page_count=len(pages),
                pages=url_pager(base, len(pages), number), **context)

    if claim():
        yield page("index.md", "home.md.j2")
    if claim():
        yield page("about.md", "about.md.j2")
    # The transcript list goes by year: one page of every transcript would outgrow
    # any page size at archive scale.
    years = [(year, tuple(group)) for year, group in
             groupby(archive.transcripts, key=lambda t: t.date[:4])]
    if claim():
        yield page("transcripts/index.md", "transcripts.md.j2", years=years)
    for year, items in years:
        if claim():
            yield page(f"transcripts/{year}.md", "transcripts_year.md.j2", year=year,
                       items=items)
    if claim():
        yield page("topics/index.md", "topics.md.j2")
    if claim():
        yield page("speakers/index.md", "speakers.md.j2")
    index = []
    for transcript in archive.transcripts:
        files = [f"docs/transcripts/{transcript.id}.md",
                 f"fragments/transcripts/{transcript.id}.html",
                 f"docs/data/transcripts/{transcript.id}.json", *_part_files(transcript)]
        if "json" not in published:  # (its parts are kept: they are not published)
            del files[2]
        if not claim():
            pass
        elif unchanged(files, "transcript", transcript.id, key(transcript),
                       talking.digest(transcript.id, fingerprints.key) if fingerprints else ()):
            yield from ((file, UNCHANGED) for file in files)
        else:
            place = f", {transcript.place}" if transcript.place else ""
            yield from html_page(
                f"transcripts/{transcript.id}.md", "transcript.html.j2", transcript.title,
                f"{EVENT_KINDS[transcript.event]}, {long_date(transcript.date)}{place}",
                transcript=transcript,
            )
            data = transcript_json(transcript, archive, talking)
            if "json" in published:
                yield files[2], _json(data)
            # Its share of the archive-wide files (``assemble``).
            yield files[-2], exports.gzipped(_json(data))
            yield files[-1], exports.to_csv(exports.paragraph_rows(transcript, site_url),
                                            exports.PARAGRAPH_COLUMNS, header=False)
        index.append({
            "id": transcript.id,
            "title": transcript.title,
            "date": transcript.date,
            "place": transcript.place,
            "event": transcript.event,
            "url": f"/transcripts/{transcript.id}/",
            "data": f"/data/transcripts/{transcript.id}.json",
        })
    if claim() and "json" in published:
        yield "docs/data/transcripts.json", _json(
            {"format_version": FORMAT_VERSION, "transcripts": index}
        )
    offered_ids = common["offered"]
    for topic in archive.topics.values():
        about, mentions = views.passages[topic.id], views.mentions[topic.id]
        narrower = tuple(t.id for t in archive.topics.values()
                         if t.parent == topic.id and t.id in offered_ids)
        # Every page shows the counts and the narrower topics; the first, the chart and
        # who speaks about it (digested once).
        pages = chunks(about)
        shared = fingerprints.of(
            topic.id, len(pages), len(about), len(mentions), narrower,
            views.topic_years[topic.id], views.topic_speakers[topic.id],
            len(talking.of_topic(topic.id))
        ) if fingerprints is not None else ""
        yield from passage_pages(
            f"topics/{topic.id}", pages, "topic", shared, "topic.html.j2", topic.title,
            topic.description, f"feeds/topics/{topic.id}.xml", topic=topic,
            narrower=narrower)
        # The passages that only mention it, on pages of their own.
        pages = chunks(mentions)
        shared = fingerprints.of(topic.id, len(pages), len(about), len(mentions)
                                 ) if fingerprints is not None else ""
        yield from passage_pages(
            f"topics/{topic.id}/mentions", pages, "topic mentions", shared,
            "topic_mentions.html.j2", f"{topic.title}: mentioned in passing",
            f"Passages that mention {topic.title} in passing.", None, topic=topic)
    for speaker in archive.speakers.values():
        if not claim():  # (a speaker's pages are one unit: their pages are cut together)
            continue
        base = f"speakers/{speaker.id}"
        pages = _said_pages(views.speakers[speaker.id].turns)
        role = f": {speaker.roles[0].title}" if speaker.roles else ""
        view = views.speakers[speaker.id]
        # The first page shows their transcripts and the questions put to them (digested
        # once: a speaker of a thousand transcripts has hundreds of pages); every page
        # the turns of its transcripts, and the pager.
        first = fingerprints.of(speaker.id, len(pages), tuple(key(t) for t in view.transcripts),
                                tuple(key(t) for t, _ in view.questions),
                                len(talking.of_speaker(speaker.id))) if fingerprints else ""
        for number, said in enumerate(pages, start=1):
            files = _page_files(page_path(base, number))
            on_page = tuple((key(t), tuple(turn.id for turn in turns)) for t, turns in said
                            ) if fingerprints else ()
            if unchanged(files, "speaker", number, speaker.id, len(pages), on_page,
                         first if number == 1 else ""):
                yield from ((file, UNCHANGED) for file in files)
                continue
            suffix = f" (page {number})" if number > 1 else ""
            yield from html_page(
                page_path(base, number), "speaker.html.j2", speaker.name + suffix,
                speaker.name + role, f"feeds/speakers/{speaker.id}.xml", speaker=speaker,
                said=said, page_number=number, page_count=len(pages),
                pages=url_pager(base, len(pages), number),
            )
    yield from _talking_point_pages(talking, archive, point_pages, html_page, claim, unchanged,
                                    key, published)
    for name, content in raw.items():
        if claim() and "raw" in published:
            yield f"docs/{raw_path(name)}", content
    for path, content in render_exports(archive, views, site_url, site_name, fingerprints,
                                        claim, published):
        yield f"docs/{path}", content
    if claim():
        yield from redirects.pages(archive, site_url)
