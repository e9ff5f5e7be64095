"""Synthetic content folders for build tests (made-up people, made-up words), and
snapshots of built sites to compare.

The files can be written in any order, so that a test can show the output does not
depend on the order of files on disk.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from generator.yamlio import dump

SPEAKERS = {
    "speakers": [
        {"id": "ivan-testov", "name": "Ivan Testov", "variants": ["Ivan Testov"],
         "country": "Testland"},
        {"id": "rufus-firefly", "name": "Rufus Firefly", "country": "Freedonia"},
    ]
}
TOPICS = {
    "topics": [
        {"id": "testing", "title": "Testing", "kind": "issue",
         "description": "Checking that things work.", "patterns": ["tests"]},
        {"id": "fixtures", "title": "Fixtures", "kind": "issue", "parent": "testing",
         "description": "Things tests stand on.", "patterns": ["fixture", "fixtures"]},
    ]
}


def transcript(number: int, paragraphs: int) -> dict:
    """One made-up news conference; ``number`` makes its id, date and words unique."""
    day = f"2019-{1 + number % 12:02d}-{1 + number % 28:02d}"
    # Every third paragraph is about testing (its word three times) and names the
    # fixtures once, in passing.
    words = [
        f"Paragraph {n} of conference {number}: the tests and the fixtures hold. "
        "More tests follow, tests of everything."
        if n % 3 == 0 else f"Paragraph {n} of conference {number}, plain words only."
        for n in range(1, paragraphs + 1)
    ]
    half = paragraphs // 2
    return {
        "id": f"{day}-testov-fictown-{number}",
        "title": f"Made-up news conference number {number}",
        "date": day,
        "place": "Fictown",
        "event": "news-conference",
        "source": {"publisher": "Ministry of Tests"},
        "participants": [{"speaker": "ivan-testov"}],
        "turns": [
            {"speaker": "ivan-testov", "kind": "statement", "paragraphs": words[:half]},
            {"speaker": None, "kind": "question", "to": ["ivan-testov"],
             "paragraphs": ["Is this a test?"]},
            {"speaker": "ivan-testov", "kind": "answer", "paragraphs": words[half:]},
        ],
    }


def files(transcripts: int, paragraphs: int) -> dict[str, str]:
    """Relative path → text of a whole content folder."""
    found = {"speakers.yaml": dump(SPEAKERS), "topics.yaml": dump(TOPICS)}
    for number in range(1, transcripts + 1):
        data = transcript(number, paragraphs)
        found[f"transcripts/{data['id']}.yaml"] = dump(data)
    return found


def read(content: Path) -> dict[str, bytes]:
    """Relative path → bytes of every file under ``content``."""
    return {p.relative_to(content).as_posix(): p.read_bytes()
            for p in sorted(content.rglob("*")) if p.is_file()}


def write(content: Path, contents: dict[str, str] | dict[str, bytes],
          reverse: bool = False) -> Path:
    """Write ``contents`` under ``content``, in path order or its reverse."""
    for name in sorted(contents, reverse=reverse):
        data = contents[name]
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return content


# Pagefind writes its filter indexes in hash-map order, which changes from run to run
# (Pagefind issue #638: fragments are stable since 1.3, filter and metadata indexes are
# not), and names them by a hash of their bytes in its metadata and entry files.
# Everything else of a site must be byte-identical.
FILTER = re.compile(r"^pagefind/filter/[^/]+\.pf_filter$")
NAMED_BY_HASH = re.compile(r"^pagefind/(pagefind\.[^/]+\.pf_meta|pagefind-entry\.json)$")


def snapshot(site: Path) -> dict[str, bytes]:
    """Every file of a built site, relative path → bytes, comparable between builds."""
    return comparable(read(site))


def comparable(site_files: dict[str, bytes]) -> dict[str, bytes]:
    """``site_files`` with Pagefind's filter indexes kept as the sorted bytes of their
    content (same entries, any order) and the files that name them by hash as a count."""
    files = dict(site_files)
    filters = [files.pop(name) for name in list(files) if FILTER.match(name)]
    named = [files.pop(name) for name in list(files) if NAMED_BY_HASH.match(name)]
    files["pagefind filter indexes"] = b"\0".join(
        sorted(bytes(sorted(gzip.decompress(data))) for data in filters)
    )
    files["pagefind files naming them"] = str(len(named)).encode()
    return files


# A made-up archive whose topics stand each way to the passages: "zeppelins" has a
# passage about it (its word in every sentence) and one that names it twice among five
# sentences (once would be no tag at all); "balloons" is only named in passing; "kites"
# is named nowhere. The title names zeppelins; most of the briefing is on other things.
RELEVANCE_ID = "2020-03-03-firefly-harbour"
RELEVANCE_TOPICS = {
    "topics": [
        {"id": topic, "title": topic.capitalize(), "kind": "issue",
         "description": f"Made-up topic: {topic}.", "patterns": [topic]}
        for topic in ("zeppelins", "balloons", "kites")
    ]
}
ABOUT_ZEPPELINS = ("The zeppelins fly at dawn. The zeppelins land at noon. "
                   "The zeppelins rest at night. The zeppelins are the harbour's pride.")
PASSING_ZEPPELINS = ("Questions came late. One of them named zeppelins on its way. Nobody "
                     "answered it. Another named zeppelins too. We went home.")
PASSING_BALLOONS = ("We met at the harbour. Somebody brought balloons. Everyone came early. "
                    "More balloons came. Then we left.")


def relevance_files(first: str = ABOUT_ZEPPELINS, more: tuple[str, ...] = ()
                    ) -> dict[str, str]:
    """Relative path → text of the made-up archive above; ``first`` is the text of its
    first paragraph (about zeppelins), ``more`` paragraphs added to its first turn."""
    data = {
        "id": RELEVANCE_ID, "title": "Made-up harbour briefing on zeppelins", "date": "2020-03-03",
        "place": "Freedonia", "event": "press-briefing",
        "source": {"publisher": "Freedonia Harbour Office"},
        "participants": [{"speaker": "rufus-firefly"}],
        "turns": [
            {"speaker": "rufus-firefly", "kind": "statement",
             "paragraphs": [first, PASSING_BALLOONS, *more]},
            {"speaker": "ivan-testov", "kind": "remark", "paragraphs": [PASSING_ZEPPELINS]},
            # the rest of the briefing is on other things: it is not on zeppelins throughout
            {"speaker": "rufus-firefly", "kind": "statement", "paragraphs": [
                f"Item {n} of the harbour log: the tide was low." for n in range(1, 21)]},
        ],
    }
    return {"speakers.yaml": dump(SPEAKERS), "topics.yaml": dump(RELEVANCE_TOPICS),
            f"transcripts/{RELEVANCE_ID}.yaml": dump(data)}


REPEATED_LINE = ("The Fictown bridge committee will publish its full report on the river "
                 "crossing next spring.")
"""A made-up line that ``talking_files`` repeats: said first by Ivan Testov on 3 March 2019,
again by Rufus Firefly on 9 May 2019 (with a word left out), and again by Ivan Testov on
1 June 2019."""


def _talking_transcript(day: str, number: int, speaker: str, line: str,
                        plain: int = 12) -> dict:
    """A made-up briefing whose tenth paragraph holds ``line`` after words of its own."""
    paragraphs = [f"Paragraph {n} of briefing {number} holds plain made-up words only."
                  for n in range(1, plain + 1)]
    paragraphs[9] = f"On the river crossing in briefing {number}, one more thing. {line}"
    return {
        "id": f"{day}-fictown-briefing-{number}", "title": f"Made-up briefing number {number}",
        "date": day, "event": "press-briefing", "source": {"publisher": "Ministry of Tests"},
        "turns": [
            {"speaker": speaker, "kind": "statement", "paragraphs": paragraphs},
            {"speaker": None, "kind": "question", "to": [speaker],
             "paragraphs": ["Thank you. Good afternoon. Is this a test?"]},
            {"speaker": speaker, "kind": "answer",
             "paragraphs": ["Thank you so much for the question, good afternoon."]},
        ],
    }


def talking_files(third: bool = True) -> dict[str, str]:
    """Relative path → text of a content folder of three made-up briefings (two without
    ``third``) that say ``REPEATED_LINE`` again, and courtesies that are not lines."""
    briefings = [
        _talking_transcript("2019-03-03", 1, "ivan-testov", REPEATED_LINE),
        _talking_transcript("2019-05-09", 2, "rufus-firefly",
                            REPEATED_LINE.replace(" full report", " report")),
    ]
    if third:
        briefings.append(_talking_transcript("2019-06-01", 3, "ivan-testov", REPEATED_LINE))
    found = {"speakers.yaml": dump(SPEAKERS), "topics.yaml": dump(TOPICS)}
    for data in briefings:
        found[f"transcripts/{data['id']}.yaml"] = dump(data)
    return found
