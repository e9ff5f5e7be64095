"""Resolving printed names to registry speakers: known, new or ambiguous.

Every registry here is synthetic: the people are made up.
"""

from __future__ import annotations

import pytest

from generator.model import Role, Speaker
from generator.speakers import Resolution, resolve, slug

FIREFLY = Speaker(
    "rufus-firefly",
    "Rufus Firefly",
    variants=("Rufus T. Firefly", "Foreign Minister Rufus Firefly"),
    country="Freedonia",
)
TESTOV = Speaker("ivan-testov", "Ivan Testov", variants=("Ivan O’Testov",))
PLAIN = Speaker("otto-plainname", "Otto Plainname", variants=("Otto O'Plainname",))
# Two people printed as THE CHAIR, one after the other.
ALMA = Speaker(
    "alma-madeup", "Alma Madeup", variants=("THE CHAIR",),
    roles=(Role("Chair of the Test Committee", "2010-01-01", "2014-12-31"),),
)
BORIS = Speaker(
    "boris-fakeov", "Boris Fakeov", variants=("THE CHAIR",),
    roles=(Role("Chair of the Test Committee", "2015-01-01", None),),
)


def registry(*speakers: Speaker) -> dict[str, Speaker]:
    return {speaker.id: speaker for speaker in speakers}


REGISTRY = registry(FIREFLY, TESTOV, PLAIN, ALMA, BORIS)


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        # the display name and every variant, exactly as stored
        ("Rufus Firefly", "rufus-firefly"),
        ("Rufus T. Firefly", "rufus-firefly"),
        ("Foreign Minister Rufus Firefly", "rufus-firefly"),
        # case
        ("RUFUS FIREFLY", "rufus-firefly"),
        ("rufus t. firefly", "rufus-firefly"),
        ("foreign minister RUFUS firefly", "rufus-firefly"),
        # whitespace: surrounding, repeated, tabs, newlines, no-break spaces
        ("  Rufus Firefly  ", "rufus-firefly"),
        ("Rufus    Firefly", "rufus-firefly"),
        ("Rufus\tFirefly", "rufus-firefly"),
        ("Rufus\nT.  Firefly", "rufus-firefly"),
        ("Rufus\u00a0Firefly", "rufus-firefly"),
        # compatibility forms (full-width letters)
        ("Ｒｕｆｕｓ Firefly", "rufus-firefly"),
        # the kind of apostrophe, in both directions
        ("Ivan O'Testov", "ivan-testov"),
        ("Ivan O’Testov", "ivan-testov"),
        ("ivan o'testov", "ivan-testov"),
        ("Otto O’Plainname", "otto-plainname"),
        ("Otto O'Plainname", "otto-plainname"),
    ],
)
def test_known_names_match_regardless_of_case_spacing_and_apostrophes(
    printed: str, expected: str
) -> None:
    assert resolve(printed, "2019-03-03", REGISTRY) == Resolution("known", expected)


@pytest.mark.parametrize(
    ("printed", "expected_id"),
    [
        ("Rufus", "rufus"),  # part of a name is not the name
        ("Firefly", "firefly"),
        ("Rufus Fireflies", "rufus-fireflies"),
        ("Rufus T Firefly", "rufus-t-firefly"),  # the dot is part of the variant
        ("Groucho Madeup", "groucho-madeup"),
        ("José Ñandú-Pérez", "jose-nandu-perez"),
        ("Иван Тестов", "speaker"),  # nothing left of the slug
        ("THE DEPUTY CHAIR", "the-deputy-chair"),
    ],
)
def test_unknown_names_are_new_with_a_slug_id(printed: str, expected_id: str) -> None:
    assert resolve(printed, "2019-03-03", REGISTRY) == Resolution("new", expected_id)


@pytest.mark.parametrize(
    ("printed", "taken", "expected_id"),
    [
        ("Groucho Madeup", [], "groucho-madeup"),
        ("Groucho Madeup", ["groucho-madeup"], "groucho-madeup-2"),
        ("Groucho Madeup", ["groucho-madeup", "groucho-madeup-2"], "groucho-madeup-3"),
        # a free "-2" does not matter while the base id itself is free
        ("Groucho Madeup", ["groucho-madeup-2"], "groucho-madeup"),
        ("Иван Тестов", ["speaker"], "speaker-2"),
    ],
)
def test_new_id_gets_a_number_suffix_when_taken(
    printed: str, taken: list[str], expected_id: str
) -> None:
    # The registry entries that hold the ids carry other names, so they do not match.
    holders = registry(*(Speaker(id_, f"Somebody Else {n}") for n, id_ in enumerate(taken)))
    assert resolve(printed, "2019-03-03", holders) == Resolution("new", expected_id)


@pytest.mark.parametrize(
    ("printed", "day", "expected"),
    [
        # THE CHAIR on a day inside exactly one person's role
        ("THE CHAIR", "2010-01-01", Resolution("known", "alma-madeup")),
        ("THE CHAIR", "2012-06-15", Resolution("known", "alma-madeup")),
        ("the chair", "2014-12-31", Resolution("known", "alma-madeup")),
        ("The  Chair", "2015-01-01", Resolution("known", "boris-fakeov")),
        ("THE CHAIR", "2031-01-01", Resolution("known", "boris-fakeov")),
        # before either held the role: the date separates nobody
        ("THE CHAIR", "2009-12-31", Resolution("ambiguous", None, ("alma-madeup", "boris-fakeov"))),
        # a name that fits one person only is known even outside their dated roles
        ("Alma Madeup", "2020-01-01", Resolution("known", "alma-madeup")),
    ],
)
def test_dates_of_roles_separate_people_with_the_same_variant(
    printed: str, day: str, expected: Resolution
) -> None:
    assert resolve(printed, day, REGISTRY) == expected


HOST_A = Speaker("hilda-hostova", "Hilda Hostova", variants=("THE HOST",))
HOST_B = Speaker("harald-hostov", "Harald Hostov", variants=("THE HOST",))
OVERLAP_A = Speaker(
    "olga-overlap", "Olga Overlap", variants=("THE HOST",),
    roles=(Role("Host", "2010-01-01", "2016-12-31"),),
)
OVERLAP_B = Speaker(
    "oleg-overlap", "Oleg Overlap", variants=("THE HOST",),
    roles=(Role("Host", "2015-01-01", None),),
)


@pytest.mark.parametrize(
    ("people", "day", "candidates"),
    [
        # neither has dated roles
        ((HOST_A, HOST_B), "2019-03-03", ("hilda-hostova", "harald-hostov")),
        ((HOST_B, HOST_A), "2019-03-03", ("harald-hostov", "hilda-hostova")),
        # both held the role on that day
        ((OVERLAP_A, OVERLAP_B), "2016-06-01", ("olga-overlap", "oleg-overlap")),
        # one held it, the other has no dates at all: both still fit
        ((OVERLAP_A, HOST_A), "2012-01-01", ("olga-overlap", "hilda-hostova")),
    ],
)
def test_ambiguous_when_no_date_separates_them(
    people: tuple[Speaker, ...], day: str, candidates: tuple[str, ...]
) -> None:
    assert resolve("THE HOST", day, registry(*people)) == Resolution("ambiguous", None, candidates)


@pytest.mark.parametrize(
    ("people", "day", "expected_id"),
    [
        ((OVERLAP_A, OVERLAP_B), "2012-01-01", "olga-overlap"),
        ((OVERLAP_A, OVERLAP_B), "2019-01-01", "oleg-overlap"),
    ],
)
def test_overlapping_roles_still_separate_outside_the_overlap(
    people: tuple[Speaker, ...], day: str, expected_id: str
) -> None:
    assert resolve("THE HOST", day, registry(*people)) == Resolution("known", expected_id)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fumio Kishida", "fumio-kishida"),
        ("Rufus T. Firefly", "rufus-t-firefly"),
        ("Ivan O'Testov", "ivan-otestov"),
        ("José Ñandú-Pérez", "jose-nandu-perez"),
        ("Zoë Émigré", "zoe-emigre"),
        ("ＦＵＬＬ width", "full-width"),
        ("  --Edge   case--  ", "edge-case"),
        ("tab\tand\nnewline", "tab-and-newline"),
        ("2019-03-03 Testov Firefly Fictown", "2019-03-03-testov-firefly-fictown"),
        ("THE CHAIR", "the-chair"),
        ("already-a-slug", "already-a-slug"),
        ("Иван Тестов", ""),
        ("", ""),
        ("!!!", ""),
    ],
)
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


@pytest.mark.parametrize(
    ("typographic", "straight"),
    [
        ("Ivan O’Testov", "Ivan O'Testov"),
        ("2019-03-03 O’Testov Fictown", "2019-03-03 O'Testov Fictown"),
    ],
)
def test_slug_does_not_depend_on_the_kind_of_apostrophe(typographic: str, straight: str) -> None:
    # Names are compared regardless of the kind of apostrophe (``normalise``), so the ids
    # made from them should not differ by it either.
    assert slug(typographic) == slug(straight)
