"""The real corpus: every White House file imports with no error and no word lost.

Reads ``../shared/corpus`` (never copied here). The 1,151 briefings are unpacked from
their tarball into a temporary folder once per session.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, CORPUS
from corpus_leaks import leaks
from corpus_words import first_difference, source_words, transcript_words

from generator.importing import ImportReport, import_files

pytestmark = pytest.mark.corpus  # (skipped, saying why, without the corpus)

CONFERENCES = sorted((CORPUS / "whitehouse" / "press-conferences").glob("*.md"))
TARBALL = CORPUS / "whitehouse" / "press-briefings-2021-2025.tar.xz"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def imported(folder: Path, files: list[Path]) -> tuple[Path, ImportReport]:
    """Import ``files`` into a new content folder holding the sample's registry."""
    folder.mkdir()
    shutil.copy(CONTENT / "speakers.yaml", folder / "speakers.yaml")
    return folder, import_files(files, folder)


def transcripts(folder: Path) -> dict[str, dict]:
    """Every imported transcript, by id."""
    return {path.stem: yaml.load(path.read_text("utf-8"), Loader=_Loader)
            for path in sorted((folder / "transcripts").glob("*.yaml"))}


@pytest.fixture(scope="module")
def conferences(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ImportReport]:
    return imported(tmp_path_factory.mktemp("conferences") / "content", CONFERENCES)


def test_the_45_press_conferences_are_there() -> None:
    assert len(CONFERENCES) == 45


def test_press_conferences_import_without_error(conferences) -> None:
    folder, report = conferences
    assert [str(f) for f in report.failures] == []
    assert len(report.written) == 45


@pytest.mark.parametrize("raw", CONFERENCES, ids=[p.stem[:60] for p in CONFERENCES])
def test_no_word_of_a_press_conference_is_lost(conferences, raw: Path) -> None:
    folder, _ = conferences
    [data] = [t for t in transcripts(folder).values()
              if t["source"]["file"] == f"raw/{raw.name}"]
    expected = source_words(raw.read_text("utf-8-sig"))
    actual = transcript_words(data)
    assert actual == expected, first_difference(expected, actual)


def test_every_briefing_imports_with_no_error_and_no_word_lost(white_house) -> None:
    """All 1,151 briefings and the 45 conferences (about two minutes on two cores)."""
    folder, report, briefings = white_house
    assert len(briefings) == 1151
    assert [str(f) for f in report.failures] == []
    assert len(report.written) == 1196
    lost, leaked = {}, {}
    for data in transcripts(folder).values():
        raw = folder / data["source"]["file"]
        expected, actual = source_words(raw.read_text("utf-8-sig")), transcript_words(data)
        if actual != expected:
            lost[raw.name] = first_difference(expected, actual)
        if found := leaks(data):
            leaked[raw.name] = found
    assert lost == {}
    # No paragraph begins with a label its document uses: nobody's words in another's turn.
    assert leaked == {}
    assert top_speakers_named_twice(folder, 30) == []


def top_speakers_named_twice(folder: Path, top: int) -> list[tuple[str, ...]]:
    """Among the ``top`` most frequent speakers, ids that share a surname (one person twice)."""
    registry = {s["id"]: s for s in yaml.load((folder / "speakers.yaml").read_text("utf-8"),
                                              Loader=_Loader)["speakers"]}
    turns = Counter(turn["speaker"] for data in transcripts(folder).values()
                    for turn in data["turns"] if turn["speaker"])
    people = [id for id, _ in turns.most_common() if registry[id].get("kind") != "role"][:top]
    by_surname: dict[str, list[str]] = {}
    for id in people:
        by_surname.setdefault(registry[id]["name"].split()[-1].casefold(), []).append(id)
    return [tuple(ids) for ids in by_surname.values() if len(ids) > 1]
