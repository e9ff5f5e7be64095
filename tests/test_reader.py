"""The general reader on every text layout it infers, with synthetic text and made-up names."""

from __future__ import annotations

import pytest
from conftest import read

from generator.errors import ImportFailure

NBSP = "\u00a0"


def turns(text: str, file: str = "event.txt", **given: str) -> list[tuple]:
    """(kind, speaker, label, paragraphs) of every turn of ``text``."""
    _, draft = read(text, file, **given)
    return [(t.kind, t.name, t.label, t.paragraphs) for t in draft.turns]


LAYOUTS = {
    "name colon inline": (
        "Fictown Forum, March 3, 2019\n\n"
        "Alma Madeup: Welcome to the forum.\n\n"
        "Rufus Firefly: Thank you, Alma.\n\n"
        "Alma Madeup: My question is: why bridges?\n\n"
        "Rufus Firefly: Because rivers.\n",
        [("statement", "Alma Madeup", "Alma Madeup", ["Welcome to the forum."]),
         ("statement", "Rufus Firefly", "Rufus Firefly", ["Thank you, Alma."]),
         ("statement", "Alma Madeup", "Alma Madeup", ["My question is: why bridges?"]),
         ("statement", "Rufus Firefly", "Rufus Firefly", ["Because rivers."])],
    ),
    "label alone on its line, CRLF, repeated label": (
        "Fictown Debate, March 3, 2019\r\n\r\n"
        "Alma Madeup:\r\nWelcome, candidates. First question?\r\n\r\n"
        "Rufus Firefly:\r\nBridges.\r\n\r\n"
        "Rufus Firefly:\r\nAnd tunnels.\r\n\r\n"
        "Alma Madeup:\r\nThank you.\r\n",
        [("statement", "Alma Madeup", "Alma Madeup", ["Welcome, candidates. First question?"]),
         ("statement", "Rufus Firefly", "Rufus Firefly", ["Bridges."]),
         ("statement", "Rufus Firefly", "Rufus Firefly", ["And tunnels."]),
         ("statement", "Alma Madeup", "Alma Madeup", ["Thank you."])],
    ),
    "labels ending with a period": (
        "Remarks at Fictown Hall, March 3, 2019\n\n"
        "THE GOVERNOR. Good morning. We open the bridge today.\n\n"
        "Q. Governor, how much did it cost?\n\n"
        "THE GOVERNOR. Less than planned.\n\n"
        "MR. FIREFLY. May I add a word?\n\n"
        "THE GOVERNOR. Please.\n",
        [("statement", "The Governor", "THE GOVERNOR",
          ["Good morning. We open the bridge today."]),
         ("question", None, "Q", ["Governor, how much did it cost?"]),
         ("answer", "The Governor", "THE GOVERNOR", ["Less than planned."]),
         ("answer", "Mr. Firefly", "MR. FIREFLY", ["May I add a word?"]),
         ("answer", "The Governor", "THE GOVERNOR", ["Please."])],
    ),
    "Q with non-breaking spaces, no colon": (
        "Press Gaggle by Alma Madeup, March 3, 2019\n\n"
        f"MS. MADEUP:{NBSP} Good afternoon.\n\n"
        f"Q{NBSP}{NBSP}{NBSP} Will the bridge open?\n\n"
        f"MS. MADEUP:{NBSP} Yes.\n\n"
        "Q Thank you.\n",
        [("statement", "Alma Madeup", "MS. MADEUP", ["Good afternoon."]),
         ("question", None, "Q", ["Will the bridge open?"]),
         ("answer", "Alma Madeup", "MS. MADEUP", ["Yes."]),
         ("question", None, "Q", ["Thank you."])],
    ),
    "tab-indented, padded, hard-wrapped": (
        "\t\tFor Immediate Release   March 3, 2019\n"
        "\t\tPRESS CONFERENCE\n\t\tBY MAYOR ALMA MADEUP\n\t\tFictown City Hall\n\n"
        "\t\t10:02 A.M. (Local)\n\n"
        f"\t\tMAYOR MADEUP:{NBSP} Good morning.{NBSP} The bridge\n\t\topens today.   \n\n"
        f"\t\tQ{NBSP}{NBSP} When?\n\n"
        f"\t\tMAYOR MADEUP:{NBSP} Now.\n\n\t\tEND 10:09 A.M. (Local)\n",
        [("statement", "Alma Madeup", "MAYOR MADEUP", ["Good morning. The bridge opens today."]),
         ("question", None, "Q", ["When?"]),
         ("answer", "Alma Madeup", "MAYOR MADEUP", ["Now."]),
         ("note", None, None, ["END 10:09 A.M. (Local)"])],
    ),
    "labels with a note in parentheses": (
        "Fictown Talks, March 3, 2019\n"
        "Alma Madeup: Welcome.\n"
        "Question (to both guests): Why?\n"
        "Rufus Firefly (via interpreter): Because.\n"
        "Alma Madeup: Thank you.\n"
        "Rufus Firefly: You are welcome.\n",
        [("statement", "Alma Madeup", "Alma Madeup", ["Welcome."]),
         ("question", None, "Question (to both guests)", ["Why?"]),
         ("answer", "Rufus Firefly", "Rufus Firefly (via interpreter)", ["Because."]),
         ("answer", "Alma Madeup", "Alma Madeup", ["Thank you."]),
         ("answer", "Rufus Firefly", "Rufus Firefly", ["You are welcome."])],
    ),
    "Markdown bold labels": (
        "# Fictown Podcast, March 3, 2019\n\n"
        "**Alma Madeup:** Welcome to the *show*.\n\n"
        "**Rufus Firefly**: Glad to be here.\n\n"
        "**Alma Madeup:** Tell us more.\n",
        [("statement", "Alma Madeup", "Alma Madeup", ["Welcome to the show."]),
         ("statement", "Rufus Firefly", "Rufus Firefly", ["Glad to be here."]),
         ("statement", "Alma Madeup", "Alma Madeup", ["Tell us more."])],
    ),
    "quoted text": (
        "> Fictown Forum, March 3, 2019\n>\n"
        "> Alma Madeup: Welcome.\n>\n"
        "> Rufus Firefly: Thanks.\n>\n"
        "> Alma Madeup: Goodbye.\n>\n"
        "> Rufus Firefly: Bye.\n",
        [("statement", "Alma Madeup", "Alma Madeup", ["Welcome."]),
         ("statement", "Rufus Firefly", "Rufus Firefly", ["Thanks."]),
         ("statement", "Alma Madeup", "Alma Madeup", ["Goodbye."]),
         ("statement", "Rufus Firefly", "Rufus Firefly", ["Bye."])],
    ),
}


@pytest.mark.parametrize(("text", "expected"), LAYOUTS.values(), ids=LAYOUTS.keys())
def test_each_layout_is_read_from_the_document(text: str, expected: list[tuple]) -> None:
    suffix = "md" if "**" in text else "txt"
    assert turns(text, f"event.{suffix}") == expected


def test_the_header_gives_title_date_place_and_time_never_furniture() -> None:
    text = ("Cite: \nhttp://www.example.org/press/2012/04/10/gaggle-aboard\n\n"
            "April 10, 2012          \nFor Immediate Release          \n\n"
            "Press Gaggle by Press Secretary Alma Madeup aboard the Fictown Ferry\n\n"
            "Office of the Press Secretary\n\n\tAboard the Fictown Ferry\n\n\t10:20 A.M. EDT\n\n"
            f"\tMS. MADEUP:{NBSP} Welcome aboard.\n\n\tQ{NBSP}{NBSP} Where to?\n\n"
            "\tMS. MADEUP:  Fictown.\n")
    _, draft = read(text, "2012-04-10_ID1.txt")
    assert (draft.title, draft.date, draft.place, draft.time, draft.url) == (
        "Press Gaggle by Press Secretary Alma Madeup aboard the Fictown Ferry", "2012-04-10",
        "Aboard the Fictown Ferry", "10:20 A.M. EDT",
        "http://www.example.org/press/2012/04/10/gaggle-aboard")
    assert draft.event == "press-gaggle"
    assert draft.turns[0].name == "Alma Madeup"  # the full name, from the title


def test_what_the_file_does_not_say_is_given() -> None:
    text = ("Alma Madeup:\nHello.\n\nRufus Firefly:\nHi.\n\n"
            "Alma Madeup:\nBye.\n\nRufus Firefly:\nBye.\n")
    with pytest.raises(ImportFailure) as caught:
        read(text, "debate.txt", title="Fictown Debate")
    assert str(caught.value) == ("debate.txt:1: no date found: give the date of the event "
                                 "with --date YYYY-MM-DD")
    _, draft = read(text, "debate.txt", title="Fictown Debate", date="2020-10-07",
                    place="Fictown", event="debate", publisher="Fictown Gazette",
                    url="https://example.org/debate")
    assert (draft.title, draft.date, draft.place, draft.event, draft.publisher, draft.url) == (
        "Fictown Debate", "2020-10-07", "Fictown", "debate", "Fictown Gazette",
        "https://example.org/debate")


def doubts(text: str, **given: str) -> list[tuple[int, str]]:
    _, draft = read(text, "event.txt", **given)
    return [(d.line, d.message) for d in draft.doubts]


def test_doubts_are_reported_with_their_line() -> None:
    text = ("Fictown Forum, March 3, 2019\n\n"
            "Some words before anybody is named.\n\n"
            "Alma Madeup: Welcome.\n\n"
            "Bridges: the first opens today.\n\n"
            "New Speaker: Who is speaking?\n\n"
            "Alma Madeup: Goodbye.\n\n"
            "MR. FIREFLY: One word.\n\n"
            "New Speaker: Me again.\n")
    assert doubts(text) == [
        (3, "text before the first label: kept as a note, in no one's mouth"),
        (7, "paragraph starts like a label but was not taken as one: 'Bridges'"),
        (9, "label 'New Speaker' does not say who speaks (2 turns)"),
        (13, "label 'MR. FIREFLY' seen once (honorific)"),
    ]


def test_an_unresolved_label_goes_to_nobody_and_numbered_voices_stay_apart() -> None:
    text = ("Fictown Call, March 3, 2019\n\nSpeaker 1: Hello.\n\nSpeaker 2: Hi.\n\n"
            "Speaker 1: Bye.\n\nNew Speaker: Wait.\n")
    assert [(t.name, t.label) for t in read(text, "call.txt")[1].turns] == [
        ("Unidentified speaker 1", "Speaker 1"), ("Unidentified speaker 2", "Speaker 2"),
        ("Unidentified speaker 1", "Speaker 1"), ("Unidentified speaker", "New Speaker")]


def test_one_colon_in_a_sentence_is_never_a_label() -> None:
    text = ("Fictown Forum, March 3, 2019\n"
            "Alma Madeup: Welcome.\n"
            "The Bridge Committee: it met twice.\n"
            "Rufus Firefly: Thanks.\n"
            "Alma Madeup: Bye.\n"
            "Rufus Firefly: Bye.\n")
    kinds = turns(text)
    assert [t[2] for t in kinds] == ["Alma Madeup", "Rufus Firefly", "Alma Madeup",
                                     "Rufus Firefly"]
    assert kinds[0][3] == ["Welcome.", "The Bridge Committee: it met twice."]


def test_a_named_interviewer_asks_questions() -> None:
    text = ("Interview with Rufus Firefly, March 3, 2019\n\n"
            "Alma Madeup: Mr Firefly, why bridges?\n\nRufus Firefly: Because rivers.\n\n"
            "Alma Madeup: And tunnels?\n\nRufus Firefly: Mountains.\n\n"
            "Alma Madeup: Thank you.\n\nRufus Firefly: Thank you.\n")
    assert [t[0] for t in turns(text)] == ["question", "answer", "question", "answer",
                                          "remark", "answer"]


def test_a_time_stamp_after_a_label_is_the_paragraph_start() -> None:
    text = ("Fictown Podcast, March 3, 2019\n\nAlma Madeup: (00:12)\nWelcome.\n\n"
            "Rufus Firefly: (01:02:03)\nThanks.\n\nAlma Madeup: (01:02:09)\nBye.\n\n"
            "Rufus Firefly: (01:02:10)\nBye.\n")
    _, draft = read(text, "podcast.txt")
    assert [(t.label, t.paragraphs, t.starts) for t in draft.turns] == [
        ("Alma Madeup", ["Welcome."], ["00:12"]),
        ("Rufus Firefly", ["Thanks."], ["01:02:03"]),
        ("Alma Madeup", ["Bye."], ["01:02:09"]),
        ("Rufus Firefly", ["Bye."], ["01:02:10"]),
    ]


def test_two_labels_in_a_row_give_the_words_to_the_second_and_say_so() -> None:
    text = ("Press Gaggle by Alma Madeup, March 3, 2019\n\nMS. MADEUP:  Good morning.\n\n"
            "Q    Will it open?\n\nMS. MADEUP:  Q But I also wanted to ask you.\n\n"
            "MS. MADEUP:  Yes.\n\nQ    Q    Thank you.\n")
    _, draft = read(text, "gaggle.txt")
    assert [(t.kind, t.name, t.label, t.paragraphs) for t in draft.turns][2:] == [
        ("question", None, "MS. MADEUP: Q", ["But I also wanted to ask you."]),
        ("answer", "Alma Madeup", "MS. MADEUP", ["Yes."]),
        ("question", None, "Q Q", ["Thank you."]),
    ]
    assert [(d.line, d.message) for d in draft.doubts] == [
        (7, "two labels in a row, 'MS. MADEUP' then 'Q': the words are taken for 'Q'; "
            "check the turns around this line"),
        (11, "two labels in a row, 'Q' then 'Q': the words are taken for 'Q'; "
             "check the turns around this line"),
    ]


def test_a_role_label_seen_once_is_a_label() -> None:
    text = ("Background Press Call, March 3, 2019\n\nOPERATOR: Welcome to the call.\n\n"
            "SENIOR ADMINISTRATION OFFICIAL: Thanks.\n\nSENIOR ADMINISTRATION OFFICIAL: Bye.\n")
    assert [t[1:3] for t in turns(text)] == [
        ("Operator", "OPERATOR"), ("Senior administration official",
                                   "SENIOR ADMINISTRATION OFFICIAL"),
        ("Senior administration official", "SENIOR ADMINISTRATION OFFICIAL")]


def test_a_time_of_day_after_a_label_stays_words() -> None:
    text = ("Press Gaggle by Alma Madeup, March 3, 2019\n\nMS. MADEUP:  Good morning.\n\n"
            "AIDE:  12:55 is when —\n\nMS. MADEUP:  12:55. Okay.\n")
    _, draft = read(text, "gaggle.txt")
    assert [(t.label, t.paragraphs, t.starts) for t in draft.turns][1:] == [
        ("AIDE", ["12:55 is when —"], []), ("MS. MADEUP", ["12:55. Okay."], [])]


def test_an_outlet_asks_as_an_unnamed_journalist() -> None:
    text = ("Fictown Forum, March 3, 2019\n\nAlma Madeup: Welcome.\n\n"
            "Fictown News: Why bridges?\n\nAlma Madeup: Rivers.\n\n"
            "KYODO: And tunnels?\n\nAlma Madeup: Mountains.\n")
    assert [t[:3] for t in turns(text)] == [
        ("statement", "Alma Madeup", "Alma Madeup"), ("question", None, "Fictown News"),
        ("answer", "Alma Madeup", "Alma Madeup"), ("question", None, "KYODO"),
        ("answer", "Alma Madeup", "Alma Madeup")]


def test_an_outlet_called_on_is_the_moderator_s_words() -> None:
    text = ("Press Briefing, March 3, 2019\n\nMS. MADEUP:  Last question.\n\n"
            "MODERATOR: AP.\n\nQ  Thanks. Will it open?\n\nMS. MADEUP:  Yes.\n")
    assert [t[:4] for t in turns(text)][1:3] == [
        ("remark", "Moderator", "MODERATOR", ["AP."]),
        ("question", None, "Q", ["Thanks. Will it open?"])]


def test_labels_with_a_slip_of_the_pen_are_still_labels() -> None:
    text = ("Press Briefing, March 3, 2019\n\nMR. FIREFLY:  Good morning.\n\n"
            "Q  Will it open?\n\nMR: FIREFLY:  Yes.\n\nQ  When?\n\nMr. FIREFLY:  Soon.\n\n"
            "MOERATOR:  Next question.\n\nModerator:  Last one.\n\nQ  Why?\n\n"
            "MR. FIREFLY:  Rivers.\n")
    assert [(t[1], t[2]) for t in turns(text)] == [
        ("Mr. Firefly", "MR. FIREFLY"), (None, "Q"), ("Mr. Firefly", "MR: FIREFLY"),
        (None, "Q"), ("Mr. Firefly", "Mr. FIREFLY"), ("Moderator", "MOERATOR"),
        ("Moderator", "Moderator"), (None, "Q"), ("Mr. Firefly", "MR. FIREFLY")]


def test_quotes_read_aloud_are_not_labels() -> None:
    text = ("Press Briefing, March 3, 2019\n\nMS. MADEUP:  Here is what they said.\n\n"
            "Tam Fictive: “It is a fine bridge.”\n\nOn Fictown: the bridge opens.\n\n"
            "Q  Thank you.\n\nMS. MADEUP:  Thanks.\n")
    assert [t[3] for t in turns(text)][0] == [
        "Here is what they said.", "Tam Fictive: “It is a fine bridge.”",
        "On Fictown: the bridge opens."]
