"""The real corpus: one person is one speaker, with the full name the sources give.

Reads the import of all 1,196 White House files that the corpus tests share (the
``white_house`` fixture of ``conftest.py``). Reads ``../shared/corpus`` (never copied here).
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest
import yaml
from conftest import CORPUS

from generator.importing import ImportReport
from generator.speakers import misspelt

pytestmark = pytest.mark.corpus  # (skipped, saying why, without the corpus)

CONFERENCES = sorted((CORPUS / "whitehouse" / "press-conferences").glob("*.md"))
TARBALL = CORPUS / "whitehouse" / "press-briefings-2021-2025.tar.xz"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAYORKAS = ("2021-06-25-remarks-by-vice-president-harris-secretary-of-homeland-security-"
            "mayorkas-chairman-durbin-and-representative-escobar-in-press-conference.md")
# Speakers that share a surname and are two people, each pair checked in the sources.
TWO_PEOPLE = {
    # a spokesman on background calls (2024) and the Governor of Louisiana (2022)
    frozenset({"jeremy-edwards", "john-bel-edwards"}),
}


@pytest.fixture(scope="module")
def corpus(white_house) -> tuple[Path, ImportReport]:
    folder, report, _ = white_house
    assert [str(f) for f in report.failures] == []
    return folder, report


@pytest.fixture(scope="module")
def registry(corpus) -> dict[str, dict]:
    folder, _ = corpus
    data = yaml.load((folder / "speakers.yaml").read_text("utf-8"), Loader=_Loader)
    return {speaker["id"]: speaker for speaker in data["speakers"]}


@pytest.fixture(scope="module")
def labels(corpus) -> dict[str, Counter[str]]:
    """Each speaker's labels as printed, with their turn counts."""
    folder, _ = corpus
    found: dict[str, Counter[str]] = {}
    for path in (folder / "transcripts").glob("*.yaml"):
        for turn in yaml.load(path.read_text("utf-8"), Loader=_Loader)["turns"]:
            if turn["speaker"]:
                found.setdefault(turn["speaker"], Counter())[turn.get("label")] += 1
    return found


def test_no_two_speakers_share_a_surname_unless_checked_to_be_two_people(
    registry: dict[str, dict], labels: dict[str, Counter[str]]
) -> None:
    """A surname printed twice is one person twice (a middle initial, a nickname, a title
    word taken for a given name, a misspelt label), unless the sources say otherwise."""
    by_surname: dict[str, list[str]] = {}
    for id in labels:
        if registry[id].get("kind", "person") == "person":
            by_surname.setdefault(registry[id]["name"].split()[-1].casefold(), []).append(id)
    twice = [frozenset(pair) for ids in by_surname.values() for pair in combinations(ids, 2)]
    assert [sorted(pair) for pair in twice if pair not in TWO_PEOPLE] == []


def test_no_anonymous_role_is_a_misspelling_of_another(
    registry: dict[str, dict], labels: dict[str, Counter[str]]
) -> None:
    """MODERTOR and SENIOR ADMINSTRATION OFFICIAL are the MODERATOR and the SENIOR
    ADMINISTRATION OFFICIAL; SENIOR ADMINISTRATION OFFICIALS stay several people."""
    roles = [registry[id]["name"] for id in labels if registry[id].get("kind") == "role"]
    assert [(a, b) for a, b in combinations(roles, 2) if misspelt(a, b)] == []


@pytest.mark.parametrize(
    ("id", "name", "printed"),
    [
        # a misspelt label, and the nickname of the text, beside the office's full name
        ("alejandro-mayorkas", "Alejandro Mayorkas", {"SECRETARY MAYORKAS", "SECREATRY MAYORKAS"}),
        # a middle initial in some titles only
        ("vivek-murthy", "Vivek Murthy", {"SURGEON GENERAL MURTHY", "DR. MURTHY"}),
        # "Senior Advisor for Clean Energy Innovation Podesta" in a title
        ("john-podesta", "John Podesta", {"MR. PODESTA"}),
        # "Governor John Bel Edwards": two given names
        ("john-bel-edwards", "John Bel Edwards", {"GOVERNOR EDWARDS"}),
        # "Senior Advisor for Public Engagement Keisha Lance Bottoms"
        ("keisha-lance-bottoms", "Keisha Lance Bottoms", {"MS. BOTTOMS"}),
        # "Luisana Pérez" (MS. PEREZ, no accent) in 2022, "Luisana Pérez Fernández" in 2024
        ("luisana-perez", "Luisana Pérez", {"MS. PEREZ", "MS. PÉREZ FERNÁNDEZ"}),
        # CHAIR BERSTEIN, 4 turns beside 11 of CHAIR BERNSTEIN in one briefing
        ("jared-bernstein", "Jared Bernstein", {"CHAIR BERNSTEIN", "CHAIR BERSTEIN"}),
    ],
)
def test_one_person_is_one_speaker_with_the_full_name(
    registry: dict[str, dict], labels: dict[str, Counter[str]], id: str, name: str,
    printed: set[str],
) -> None:
    assert registry[id]["name"] == name
    assert printed <= set(labels[id])
    # No other speaker has the surname and another form of the given name.
    surname, given = name.split()[-1], name.split()[0]
    assert [other for other, s in registry.items() if other != id and other in labels
            and s["name"].split()[-1] == surname and s["name"][:1] == given[:1]
            and frozenset({id, other}) not in TWO_PEOPLE] == []


def test_a_misspelt_label_taken_for_a_known_speaker_is_a_doubt(corpus) -> None:
    _, report = corpus
    [file] = [f for f in report.files if Path(f.file).name == MAYORKAS]
    messages = [d.message for d in file.doubts]
    assert ("label 'SECREATRY MAYORKAS' taken for Alejandro Mayorkas "
            "(close to 'SECRETARY MAYORKAS')") in messages
