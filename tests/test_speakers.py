"""Resolving printed names to registry speakers: known, new or ambiguous; one person is one
speaker (middle initials, misspelt labels); labels and titles → full names.

Every registry and text here is synthetic: the people are made up.
"""

from __future__ import annotations

from collections import Counter

import pytest

from generator.importers import labels
from generator.model import Role, Speaker
from generator.speakers import Index, Resolution, misspelt, plain_name, resolve, slug

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
        # a middle initial, with or without its full stop, makes no other person
        ("Rufus T Firefly", "rufus-firefly"),
        ("Ivan K. Testov", "ivan-testov"),
        ("Otto J. O'Plainname", "otto-plainname"),
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
        ("Rufus Q. Firefly", "rufus-q-firefly"),  # another middle initial: another person
        ("Rufus Q Firefly", "rufus-q-firefly"),
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


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Vivek H. Murthy", "vivek murthy"),
        ("Rufus T Firefly", "rufus firefly"),
        ("Jake J. Sullivan", "jake sullivan"),
        ("J. Robert Madeup", "j. robert madeup"),  # a first initial is the name used
        ("John Bel Edwards", "john bel edwards"),  # a middle name is no initial
        ("Testov", "testov"),
    ],
)
def test_plain_name_drops_middle_initials_only(name: str, expected: str) -> None:
    assert plain_name(name) == expected


@pytest.mark.parametrize(
    ("label", "other", "expected"),
    [
        # one word misspelt, letter for letter: the office or the surname
        ("SECREATRY QUILLFEATHER", "SECRETARY QUILLFEATHER", True),
        ("CHAIR QUILFEATHER", "CHAIR QUILLFEATHER", True),
        ("MS. MADEUP-PIERE", "MS. MADEUP-PIERRE", True),
        ("QMS. MADEUP", "MS. MADEUP", True),
        ("THE PRESIDNET", "THE PRESIDENT", True),
        # the same label is not a misspelling of itself, whatever the case, spaces, stops
        ("MS MADEUP", "Ms.  Madeup", False),
        # another honorific names another person (MR. KIM is not MS. KIM)
        ("MR. MADEUP", "MS. MADEUP", False),
        ("MRS. MADEUP", "MR. MADEUP", False),
        # a further word, two words changed, or words too unlike
        ("DIRECTOR MADEUP", "ACTING DIRECTOR MADEUP", False),
        ("ADVISOR MADEUP", "ADMINISTRATOR MADEUP", False),
        ("SECREATRY QUILFEATHER", "SECRETARY QUILLFEATHER", False),
        ("MR. PATEL", "MR. PATIL", False),
        ("MR. KIM", "MR. KIN", False),
        ("SENIOR ADMINISTRATION OFFICIALS", "SENIOR ADMINISTRATION OFFICIAL", False),
    ],
)
def test_misspelt_labels(label: str, other: str, expected: bool) -> None:
    assert misspelt(label, other) is expected
    assert misspelt(other, label) is expected


QUILLFEATHER = Speaker(
    "greta-quillfeather", "Greta Quillfeather", variants=("SECRETARY QUILLFEATHER",),
    roles=(Role("Secretary of Fiction", "2020-01-01", "2023-12-31"),),
)
UNDATED = Speaker("hugo-madeup", "Hugo Madeup", variants=("CHAIR MADEUP",))
MODERATOR = Speaker("moderator", "Moderator", variants=("MODERATOR",), kind="role")


def index(*speakers: Speaker) -> Index:
    return Index(registry(*speakers))


@pytest.mark.parametrize(
    ("label", "day", "expected"),
    [
        # the office misspelt, or the surname: the known speaker, with a doubt
        ("SECREATRY QUILLFEATHER", "2021-06-25", Resolution(
            "known", "greta-quillfeather", doubt="label 'SECREATRY QUILLFEATHER' taken for "
            "Greta Quillfeather (close to 'SECRETARY QUILLFEATHER')")),
        ("SECRETARY QUILLFEATHR", "2021-06-25", Resolution(
            "known", "greta-quillfeather", doubt="label 'SECRETARY QUILLFEATHR' taken for "
            "Greta Quillfeather (close to 'SECRETARY QUILLFEATHER')")),
        # a speaker without dated roles fits any day
        ("CHAIR MADUP", "2031-01-01", Resolution(
            "known", "hugo-madeup",
            doubt="label 'CHAIR MADUP' taken for Hugo Madeup (close to 'CHAIR MADEUP')")),
        # the dates do not fit: she held no office that day
        ("SECREATRY QUILLFEATHER", "2025-01-01", Resolution("new", "greta-qillfeather")),
        # another office or honorific does not fit
        ("DEPUTY SECRETARY QUILLFEATHER", "2021-06-25", Resolution("new", "greta-qillfeather")),
        ("MS. QUILLFEATHER", "2021-06-25", Resolution("new", "greta-qillfeather")),
        # one word is no office and name, but may be an anonymous role's label
        ("QUILLFEATHR", "2021-06-25", Resolution("new", "greta-qillfeather")),
        ("MODERATR", "2021-06-25", Resolution(
            "known", "moderator", doubt="label 'MODERATR' taken for Moderator "
            "(close to 'MODERATOR')")),
        ("OPERATOR", "2021-06-25", Resolution("new", "greta-qillfeather")),
        ("MODERATORS", "2021-06-25", Resolution("new", "greta-qillfeather")),
    ],
)
def test_a_misspelt_label_is_the_speaker_whose_label_it_misspells(
    label: str, day: str, expected: Resolution
) -> None:
    # The name found in the text is a nickname or a typo: only the label can tell.
    found = index(QUILLFEATHER, UNDATED, MODERATOR).resolve("Greta Qillfeather", day,
                                                            variants=(label,))
    assert found == expected


def test_a_misspelt_label_that_fits_two_speakers_is_nobody() -> None:
    twin = Speaker("gretel-quillfeather", "Gretel Quillfeather",
                   variants=("SECRETARY QUILLFEATHER",))
    found = index(QUILLFEATHER, twin).resolve("G. Q.", "2021-06-25",
                                              variants=("SECREATRY QUILLFEATHER",))
    assert found == Resolution("new", "g-q")


@pytest.mark.parametrize(
    ("label", "doubt"),
    [
        # the turn's label is misspelt: the importer took it for SECRETARY QUILLFEATHER
        ("SECREATRY QUILLFEATHER", "label 'SECREATRY QUILLFEATHER' taken for Greta "
         "Quillfeather (close to 'SECRETARY QUILLFEATHER')"),
        # misspelling the label the importer took it for, not one the registry knows
        ("FOREIGN SECRETRY QUILLFEATHER", "label 'FOREIGN SECRETRY QUILLFEATHER' taken for "
         "Greta Quillfeather (close to 'FOREIGN SECRETARY QUILLFEATHER')"),
        # a label the registry or the importer knows, or one that is not alike: no doubt
        ("SECRETARY QUILLFEATHER", None),
        ("Secretary  Quillfeather", None),
        ("FOREIGN SECRETARY QUILLFEATHER", None),
        ("MS. QUILLFEATHER", None),
        (None, None),
    ],
)
def test_a_known_speaker_printed_with_a_misspelt_label_is_a_doubt(
    label: str | None, doubt: str | None
) -> None:
    found = index(QUILLFEATHER).resolve("Greta Quillfeather", "2021-06-25",
                                        variants=("FOREIGN SECRETARY QUILLFEATHER",), label=label)
    assert found == Resolution("known", "greta-quillfeather", doubt=doubt)


# Labels and titles → full names (generator.importers.labels)

@pytest.mark.parametrize(
    ("surname", "texts", "expected"),
    [
        # a given name right after an honorific, punctuation or a lower-case word
        ("FIREFLY", ["Press Briefing by Press Secretary Rufus Firefly", ""], "Rufus Firefly"),
        ("FIREFLY", ["", "Hello, I’m Rufus Firefly, the envoy."], "Rufus Firefly"),
        ("FIREFLY", ["", "actor Rufus Firefly said"], "Rufus Firefly"),
        ("FIREFLY", ["", "Thank you, Rufus Firefly’s team."], "Rufus Firefly"),
        # a middle initial and two given names, whole after an honorific
        ("FIREFLY", ["Remarks by Surgeon General Dr. Rufus T. Firefly", ""], "Rufus T. Firefly"),
        ("MADEUP", ["", "joined today by Governor Alma Bel Madeup of Fictown"],
         "Alma Bel Madeup"),
        # after what the office is of (an abstract noun, an organisation): one or two words
        ("MADEUP", ["Senior Advisor for Public Engagement Alma Bel Madeup", ""],
         "Alma Bel Madeup"),
        ("MADEUP", ["Administrator of the Fictional Protection Agency Alma Madeup", ""],
         "Alma Madeup"),
        # after "of", "for", "the": the first word is what the office is of
        ("MADEUP", ["Secretary of Agriculture Alma Madeup", ""], "Alma Madeup"),
        ("MADEUP", ["Secretary of the Treasury Alma Madeup", ""], "Alma Madeup"),
        ("MADEUP", ["Secretary of Agriculture Madeup", ""], None),
        ("MADEUP", ["Secretary of Veterans Affairs Alma Madeup", ""], "Alma Madeup"),
        # a title word right before the surname is never a given name
        ("MADEUP", ["Senior Advisor for Clean Energy Innovation Madeup", ""], None),
        ("MADEUP", ["Secretary of Homeland Security Madeup", ""], None),
        ("MADEUP", ["Senior Advisor for Clean Energy Innovation Madeup",
                    "for Clean Energy Innovation and Implementation, Alma Madeup, and"],
         "Alma Madeup"),
        # a run of words some of which the text prints in lower case: only the last one
        ("MADEUP", ["", "the Fictional Weather Alma Madeup said the weather"], "Alma Madeup"),
        # a name ending another one is the same, less whole, if the longer is found more
        # often; else the longer one's first word may be the office's
        ("MADEUP", ["Senior Advisor for Public Engagement Alma Bel Madeup",
                    "Engagement Alma Bel Madeup, to talk. Mayor Bel Madeup said"],
         "Alma Bel Madeup"),
        ("MADEUP", ["Director of Coalitions Media Alma Madeup", "my colleague Alma Madeup"],
         "Alma Madeup"),
        # the title's name over a nickname of the text, however often
        ("MADEUP", ["Gender Policy Council Director Jennifer Madeup",
                    "heard from Jen Madeup. When Jen Madeup"], "Jennifer Madeup"),
        # East Asian order, in the title only
        ("TESTOV", ["Remarks by Prime Minister Testov Ivan", ""], "Testov Ivan"),
        ("TESTOV", ["", "Testov Ivan"], None),
        # a label prints the surname without its accents
        ("PEREZ", ["", "Today: Luisa Pérez is our director."], "Luisa Pérez"),
        ("NUÑEZ-MADEUP", ["", "Dr. Alma Nunez-Madeup said"], "Alma Nunez-Madeup"),
        # the surname as part of another word, or in lower case
        ("MADEUP", ["", "Mr. Alma Madeups and the madeup thing"], None),
    ],
)
def test_full_names_only_where_the_source_gives_them_whole(
    surname: str, texts: list[str], expected: str | None
) -> None:
    assert labels.full_name(surname, texts) == expected


@pytest.mark.parametrize(
    ("label", "counts", "expected"),
    [
        # a misspelt honorific is the misspelling, even printed more often
        ("SECREATRY MADEUP", {"SECREATRY MADEUP": 2, "SECRETARY MADEUP": 1}, "SECRETARY MADEUP"),
        ("SECRETARY MADEUP", {"SECREATRY MADEUP": 2, "SECRETARY MADEUP": 1}, None),
        # otherwise the label printed less often, however often
        ("CHAIR MADUP", {"CHAIR MADUP": 4, "CHAIR MADEUP": 11}, "CHAIR MADEUP"),
        ("CHAIR MADEUP", {"CHAIR MADUP": 4, "CHAIR MADEUP": 11}, None),
        ("MS MADEUP", {"MS MADEUP": 1, "MS. MADEUP": 30}, "MS. MADEUP"),
        ("QMS. MADEUP", {"QMS. MADEUP": 1, "MS. MADEUP": 30}, "MS. MADEUP"),
        # as often and as well spelt: no telling which is the misspelling
        ("CHAIR MADUP", {"CHAIR MADUP": 3, "CHAIR MADEUP": 3}, None),
        # a label printed once or twice that is alike as a whole (another honorific)
        ("MS. MADEUP", {"MS. MADEUP": 1, "MR. MADEUP": 20}, "MR. MADEUP"),
        ("S. MADEUP", {"S. MADEUP": 2, "MS. MADEUP": 20}, "MS. MADEUP"),
        # printed more often, another honorific is another person
        ("MS. MADEUP", {"MS. MADEUP": 3, "MR. MADEUP": 20}, None),
    ],
)
def test_typo_of_a_label_of_the_same_file(
    label: str, counts: dict[str, int], expected: str | None
) -> None:
    assert labels.typo_of(label, Counter(counts)) == expected


@pytest.mark.parametrize(
    ("label", "day", "texts", "expected"),
    [
        # the office table's full name, not the nickname the text uses, even misspelt
        ("SECRETARY MAYORKAS", "2021-06-25", ["", "Security, Ali Mayorkas, to"],
         "Alejandro Mayorkas"),
        ("SECREATRY MAYORKAS", "2021-06-25", ["", "Security, Ali Mayorkas, to"],
         "Alejandro Mayorkas"),
        ("DR. MURTHY", "2021-07-15", ["Surgeon General Dr. Vivek H. Murthy", ""], "Vivek Murthy"),
        # out of office: the text's name
        ("SECRETARY MAYORKAS", "2019-06-25", ["", "Security, Ali Mayorkas, to"], "Ali Mayorkas"),
        # an office word that names another office does not fit
        ("AMBASSADOR MAYORKAS", "2021-06-25", ["", "Ambassador Ali Mayorkas"], "Ali Mayorkas"),
    ],
)
def test_label_of_an_office_holder(label: str, day: str, texts: list[str], expected: str) -> None:
    assert labels.person(label, day, texts).name == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("MS. MADEUP", "MADEUP"),
        ("SECREATRY MADEUP", "MADEUP"),  # a misspelt honorific is still one
        ("ADMINSITRATOR MADEUP", "MADEUP"),
        ("MR. ALMA MADEUP", "ALMA MADEUP"),
        ("MADEUP", "MADEUP"),
    ],
)
def test_surname_of_a_label(label: str, expected: str) -> None:
    assert labels.surname_of(label) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("MS. MADEUP-PIERRE", "Ms. Madeup-Pierre"),
        ("PRESIDENT LÓPEZ MADEUP", "President López Madeup"),
        ("MR. FERNÁNDEZ HERNÁNDEZ", "Mr. Fernández Hernández"),
    ],
)
def test_a_label_nobody_names_in_full_is_shown_in_title_case(label: str, expected: str) -> None:
    assert labels.person(label, "2021-06-25", ["", ""]).name == expected


PEREZ = Speaker("luisa-perez-madeup", "Luisa Pérez Madeup", variants=("MS. PÉREZ MADEUP",))


@pytest.mark.parametrize(
    ("name", "people", "expected"),
    [
        # a compound surname printed short, accents dropped: the same person, with a doubt
        ("Luisa Perez", (PEREZ,), Resolution(
            "known", "luisa-perez-madeup", doubt="name 'Luisa Perez' taken for Luisa Pérez "
            "Madeup (the same as 'Luisa Pérez Madeup', one shortened)")),
        ("Luisa Q. Madeup", (PEREZ,), Resolution(
            "known", "luisa-perez-madeup", doubt="name 'Luisa Q. Madeup' taken for Luisa "
            "Pérez Madeup (the same as 'Luisa Pérez Madeup', one shortened)")),
        # and the other way round: the registry holds the shorter name
        ("Luisa Pérez Madeup Testova", (PEREZ,), Resolution(
            "known", "luisa-perez-madeup", doubt="name 'Luisa Pérez Madeup Testova' taken for "
            "Luisa Pérez Madeup (the same as 'Luisa Pérez Madeup', one shortened)")),
        # another first word, or another word: another person
        ("Alma Pérez Madeup", (PEREZ,), Resolution("new", "alma-perez-madeup")),
        ("Luisa Pérez Testova", (PEREZ,), Resolution("new", "luisa-perez-testova")),
        # one word is no name to shorten
        ("Luisa", (PEREZ,), Resolution("new", "luisa")),
        # two people it could shorten: neither
        ("Luisa Madeup", (PEREZ, Speaker("luisa-ann-madeup", "Luisa Ann Madeup")),
         Resolution("new", "luisa-madeup")),
    ],
)
def test_a_name_that_shortens_a_known_one_is_that_person(
    name: str, people: tuple[Speaker, ...], expected: Resolution
) -> None:
    assert index(*people).resolve(name, "2022-09-15") == expected
