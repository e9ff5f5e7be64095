"""Feeds and bulk exports: Atom feeds, JSON Lines and CSV, as strings (no I/O).

Feeds carry absolute addresses, so they need the site's public URL (``site_url`` in
``mkdocs.yml``, or the ``SITE_URL`` environment variable it reads).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from feedgen.feed import FeedGenerator

from generator.model import EVENT_KINDS, Archive, Role, Transcript
from generator.views import Passage

FEED_SIZE = 50
"""Entries per feed: the newest ones."""

PARAGRAPH_COLUMNS = ("transcript", "date", "turn", "paragraph", "speaker", "kind", "topics",
                     "permalink")
"""Columns of ``data/paragraphs.csv``, one row per paragraph: the ids and metadata to join
and filter on, and the paragraph's address. The CSV files hold no text and no title (the
per-transcript JSON has them) and no speaker name (``data/speakers.csv`` has each once)."""

TOPIC_COLUMNS = ("transcript", "date", "paragraph", "speaker", "kind", "permalink")
"""Columns of ``data/topics/<id>.csv``: which passage, when, who said it, said or asked,
where it is."""

SPEAKER_COLUMNS = ("transcript", "date", "paragraph", "kind", "topics", "permalink")
"""Columns of ``data/speakers/<id>.csv``: which paragraph, when, what it is about, where
it is."""

SPEAKER_LIST_COLUMNS = ("speaker", "name", "country", "roles")
"""Columns of ``data/speakers.csv``, one row per speaker: names are written here once,
not on every paragraph; ``speaker`` is the column the paragraph CSVs join on."""


def _timestamp(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(tzinfo=UTC)


def permalink(site_url: str, transcript: Transcript, paragraph_id: str | None = None) -> str:
    """Absolute address of a transcript, or of one of its paragraphs."""
    url = f"{site_url.rstrip('/')}/transcripts/{transcript.id}/"
    return f"{url}#{paragraph_id}" if paragraph_id else url


def _feed(site_url: str, path: str, title: str, subtitle: str, page: str) -> FeedGenerator:
    feed = FeedGenerator()
    feed.id(f"{site_url.rstrip('/')}/{path}")
    feed.title(title)
    feed.subtitle(subtitle)
    feed.link(href=f"{site_url.rstrip('/')}/{page}", rel="alternate")
    feed.link(href=f"{site_url.rstrip('/')}/{path}", rel="self")
    feed.language("en")
    feed.generator("transcript-archive")
    return feed


def _finish(feed: FeedGenerator, days: list[str]) -> str:
    # A feed's date is its newest entry's: the output depends only on the content.
    feed.updated(_timestamp(max(days, default="1970-01-01")))
    return feed.atom_str(pretty=True).decode("utf-8")


def transcripts_feed(archive: Archive, site_url: str, site_name: str) -> str:
    """The newest transcripts."""
    feed = _feed(site_url, "feeds/transcripts.xml", f"{site_name}: new transcripts",
                 "The newest transcripts in the archive.", "transcripts/")
    chosen = archive.transcripts[:FEED_SIZE]
    for transcript in reversed(chosen):
        entry = feed.add_entry()
        entry.id(permalink(site_url, transcript))
        entry.title(transcript.title)
        entry.link(href=permalink(site_url, transcript))
        entry.published(_timestamp(transcript.date))
        entry.updated(_timestamp(transcript.date))
        people = ", ".join(archive.speakers[p.speaker].name for p in transcript.participants)
        place = f", {transcript.place}" if transcript.place else ""
        entry.summary(f"{EVENT_KINDS[transcript.event]}, {transcript.date}{place}. {people}")
    return _finish(feed, [t.date for t in chosen])


def newest_passages(passages: Iterable[Passage]) -> list[Passage]:
    """The passages a feed shows: the ``FEED_SIZE`` newest (of one date, in their order)."""
    return sorted(passages, key=lambda p: p.transcript.date, reverse=True)[:FEED_SIZE]


def passages_feed(
    passages: Iterable[Passage], archive: Archive, site_url: str, path: str, title: str,
    subtitle: str, page: str,
) -> str:
    """Newest passages (paragraphs in context), for a topic or a speaker."""
    feed = _feed(site_url, path, title, subtitle, page)
    chosen = newest_passages(passages)
    for passage in reversed(chosen):
        transcript, turn, paragraph = passage.transcript, passage.turn, passage.paragraph
        who = archive.speakers[turn.speaker].name if turn.speaker else "Journalist"
        entry = feed.add_entry()
        link = permalink(site_url, transcript, paragraph.id)
        entry.id(link)
        entry.title(f"{who}, {transcript.date}: {transcript.title}")
        entry.link(href=link)
        entry.published(_timestamp(transcript.date))
        entry.updated(_timestamp(transcript.date))
        entry.content(paragraph.text, type="text")
    return _finish(feed, [p.transcript.date for p in chosen])


def paragraph_row(passage: Passage, site_url: str) -> dict[str, Any]:
    """A paragraph as a CSV row with all the columns any paragraph CSV has (``to_csv``
    picks a file's own)."""
    transcript, turn, paragraph = passage.transcript, passage.turn, passage.paragraph
    return {
        "transcript": transcript.id,
        "date": transcript.date,
        "turn": turn.id,
        "paragraph": paragraph.id,
        "speaker": turn.speaker or "",
        "kind": turn.kind,
        "topics": ";".join(paragraph.topics),
        "permalink": permalink(site_url, transcript, paragraph.id),
    }


def paragraph_rows(transcript: Transcript, site_url: str) -> Iterable[dict[str, Any]]:
    """Every paragraph of a transcript as a CSV row (``paragraph_row``)."""
    for turn in transcript.turns:
        for paragraph in turn.paragraphs:
            yield paragraph_row(Passage(transcript, turn, paragraph), site_url)


def _role(role: Role) -> str:
    if role.start and role.end:
        return f"{role.title} ({role.start} to {role.end})"
    if role.start:
        return f"{role.title} (from {role.start})"
    return f"{role.title} (until {role.end})" if role.end else role.title


def speaker_rows(archive: Archive) -> Iterable[dict[str, Any]]:
    """Every speaker of the registry as a row of ``data/speakers.csv``, by id."""
    for speaker_id in sorted(archive.speakers):
        speaker = archive.speakers[speaker_id]
        yield {"speaker": speaker.id, "name": speaker.name, "country": speaker.country or "",
               "roles": "; ".join(_role(role) for role in speaker.roles)}


def to_csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], header: bool = True) -> str:
    """Rows as CSV with a header line (RFC 4180 quoting, \\r\\n line ends), only
    ``columns``, in that order; without the header line if ``header`` is false (a part
    of a larger file)."""
    out = io.StringIO()
    writer = csv.writer(out)
    if header:
        writer.writerow(columns)
    writer.writerows([row[column] for column in columns] for row in rows)
    return out.getvalue()


def to_jsonl(records: Iterable[dict[str, Any]]) -> str:
    """One JSON document per line."""
    return "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)


def gzipped(text: str) -> bytes:
    """``text`` compressed with gzip, byte for byte the same for the same text (no time
    stamp, no file name), so that an unchanged archive rewrites nothing."""
    return gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)


def index_record(transcript: Transcript, site_url: str) -> dict[str, Any]:
    """One line of ``archive.jsonl``: a transcript's metadata and where its text is."""
    base = site_url.rstrip("/")
    return {"id": transcript.id, "title": transcript.title, "date": transcript.date,
            "url": permalink(site_url, transcript),
            "data": f"{base}/data/transcripts/{transcript.id}.json"}
