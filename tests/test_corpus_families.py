"""Text layouts the importer was not written against: the White House pages of 2009–2015
scraped to plain text, and a transcription service's debate transcripts.

Every file: expected turns, speakers, first and last paragraph exact; no word or sign
lost or added (page furniture aside); no label leaked into a paragraph; one golden YAML
per family. Reads ``../shared/corpus`` (never copied here).
"""

from __future__ import annotations

import os
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, CORPUS
from corpus_leaks import leaks

from generator.importers.base import Meta
from generator.importing import ImportReport, import_files

OLD = CORPUS / "whitehouse-2009-2015"
DEBATES = CORPUS / "revcom-debates"
GOLDEN = Path(__file__).parent / "golden" / "families"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# What the debate files do not say; given on the command line as a user would.
GIVEN = {
    "2020_debate1_part2.txt": Meta(title="First Presidential Debate (second half)",
                                   date="2020-09-29", place="Cleveland, Ohio", event="debate"),
    "2020_vp_part2.txt": Meta(title="Vice Presidential Debate (second half)",
                              date="2020-10-07", place="Salt Lake City, Utah", event="debate"),
}

# file: (turns, title, date, place, {label: speaker name}, first paragraph, last paragraph)
EXPECTED = {'2009-11-13_ID1.txt': (19,
                        'Remarks by President Barack Obama and Prime Minister Yukio Hatoyama '
                        'of Japan in Joint Press Conference',
                        '2009-11-13',
                        None,
                        {'MODERATOR': 'Moderator',
                         'MR. GIBBS': 'Robert Gibbs',
                         'PRESIDENT OBAMA': 'Barack Obama',
                         'PRIME MINISTER HATOYAMA': 'Yukio Hatoyama',
                         'Q': None},
                        '(As translated.) President Obama, I would like to welcome you to '
                        "Japan. I'd like to express my heartfelt welcome to you. It is very "
                        'hard -- despite the tragedy of the mass shooting in your country, '
                        'that you have taken time out of a busy schedule to come and join us '
                        "here today. We're very thankful to you.",
                        '** This transcript has been corrected.'),
 '2010-03-15_ID1.txt': (30,
                        "Press Briefing on the President's Upcoming Trip to Guam, Indonesia "
                        'and Australia by Denis Mcdonough, NSC Chief of Staff, Jeff Bader, NSC '
                        'Senior Director for Asian Affairs, and Ben Rhodes, Deputy National '
                        'Security Advisor for Strategic Communications',
                        '2010-03-15',
                        'Via Conference Call',
                        {'MR. BADER': 'Jeff Bader',
                         'MR. McDONOUGH': 'Denis Mcdonough',
                         'MR. RHODES': 'Ben Rhodes',
                         'Q': None},
                        'Thanks, everybody, for joining today. With me is Jeff Bader, Senior '
                        'Director for Asia here at the NSC, who you know well; and Denis '
                        'McDonough, Chief of Staff for the NSC, as well.',
                        '3:02 P.M. EDT'),
 '2010-11-08_ID4.txt': (27,
                        'Remarks by President Obama and Prime Minister Singh in Joint Press '
                        'Conference in New Delhi, India',
                        '2010-11-08',
                        None,
                        {'MODERATOR': 'Moderator',
                         'MR. GIBBS': 'Robert Gibbs',
                         'PRESIDENT OBAMA': 'Barack Obama',
                         'PRIME MINISTER SINGH': 'Prime Minister Singh',
                         'Q': None,
                         'THE PRESIDENT': 'Barack Obama'},
                        'Your Excellency, President Barack Obama, distinguished '
                        'representatives of the media, I’m delighted to welcome President '
                        'Obama and his gracious wife on their first visit to our country. I '
                        'welcome the President as a personal friend and a great charismatic '
                        'leader who has made a deep imprint on world affairs through his '
                        'inclusive vision of peace, security and welfare for all peoples and '
                        'all nations.',
                        'END 1:40 P.M. IST'),
 '2011-01-21_ID1.txt': (29,
                        'Press Gaggle by Press Secretary Robert Gibbs aboard Air Force One en '
                        'route Schenectady, New York',
                        '2011-01-21',
                        None,
                        {'MR. GIBBS': 'Robert Gibbs', 'Q': None},
                        'What’s going on?',
                        '12:05 P.M. EST'),
 '2011-02-11_ID1.txt': (253,
                        'Remarks by the President and Press Briefing by Press Secretary Robert '
                        'Gibbs',
                        '2011-02-11',
                        'James S. Brady Press Briefing Room',
                        {'MR. GIBBS': 'Robert Gibbs',
                         'Q': None,
                         'THE PRESIDENT': 'Barack Obama'},
                        'You should brief today. (Laughter.)',
                        'END 4:41 P.M. EST'),
 '2011-12-20_ID1.txt': (95,
                        'Press Briefing by Press Secretary Jay Carney and Remarks by the '
                        'President, 12/20/2011',
                        '2011-12-20',
                        'James S. Brady Press Briefing Room',
                        {'MR. CARNEY': 'Jay Carney',
                         'Q': None,
                         'THE PRESIDENT': 'Barack Obama'},
                        'Good afternoon, everyone. Thanks for being here. It is my great '
                        'pleasure to see you today and take your questions, which I will '
                        'commence with right now.',
                        '2:19 P.M. EST'),
 '2012-04-10_ID1.txt': (29,
                        'Press Gaggle by Press Secretary Jay Carney en route West Palm Beach, '
                        'Florida, 4/10/12',
                        '2012-04-10',
                        'Aboard Air Force One, En Route West Palm Beach, Florida',
                        {'MR. CARNEY': 'Jay Carney', 'Q': None},
                        'Welcome aboard Air Force One for this trip to Florida today, where '
                        'the President will have some campaign events. He will also speak at '
                        'FAU to talk about the importance of the Buffett Rule, a basic '
                        'principle of tax fairness the President very much supports. And he '
                        'supports the legislation put forward by Senator Whitehouse from Rhode '
                        'Island, that makes the simple case that millionaires and billionaires '
                        'in this country who have done exceptionally well over the last many '
                        'years, and especially in the last 10 years, while middle-class '
                        'incomes have stagnated or declined, should not pay less or a lower '
                        'tax rate on their income than average Americans, middle-class '
                        'Americans.',
                        '10:34 A.M. EDT'),
 '2013-06-19_ID3.txt': (21,
                        'Remarks by President Obama and German Chancellor Merkel in Joint '
                        'Press Conference',
                        '2013-06-19',
                        'German Chancellery, Berlin, Germany',
                        {'CHANCELLOR MERKEL': 'Chancellor Merkel',
                         'MR. CARNEY': 'Jay Carney',
                         'PRESIDENT OBAMA': 'Barack Obama',
                         'Q': None,
                         'THE PRESIDENT': 'Barack Obama'},
                        '(As interpreted.) A very warm welcome to the President of the United '
                        'States, Barack Obama. A very warm welcome indeed to Berlin. It’s his '
                        'first visit to Berlin as President of the United States -- certainly '
                        'not his first visit to Germany.',
                        '1:32 P.M. CEST'),
 '2013-11-15_ID1.txt': (125,
                        'Press Briefing by Press Secretary Jay Carney, 11/15/2013',
                        '2013-11-15',
                        'James S. Brady Press Briefing Room',
                        {'MR. CARNEY': 'Jay Carney',
                         'Q': None,
                         'THE PRESIDENT': 'Barack Obama'},
                        'Good afternoon, ladies and gentlemen. Happy Friday. Thanks for being '
                        "here. Did I hear a yay for Friday? Let's hear it for Friday.",
                        '1:55 P.M. EST'),
 '2014-05-30_ID2.txt': (178,
                        'Remarks by the President, Press Secretary Jay Carney, and Principal '
                        'Deputy Press Secretary Josh Earnest in Daily Press Briefing',
                        '2014-05-30',
                        'James S. Brady Press Briefing Room',
                        {'MR. CARNEY': 'Jay Carney',
                         'MR. EARNEST': 'Josh Earnest',
                         'Q': None,
                         'THE PRESIDENT': 'Barack Obama'},
                        'Good afternoon, ladies and gentlemen. How are you? You obviously '
                        'heard earlier from the President in this room and he took some of '
                        'your questions, so perhaps that means this will be a relatively short '
                        'briefing. (Laughter.) Might go easy on me, maybe? No? I do not have '
                        "any announcements to make at the top. I'll note for you that you "
                        'should have received a notification that there will be a call later '
                        'this afternoon during which Ben Rhodes will preview the President’s '
                        'travel next week. And since that is most of what he is doing next '
                        "week that will serve as our week ahead. So I don't have a separate "
                        'week ahead for today.',
                        '3:05 P.M. EDT'),
 '2014-11-12_ID1.txt': (16,
                        'Remarks by President Obama and President Xi Jinping in Joint Press '
                        'Conference',
                        '2014-11-12',
                        'Great Hall of the People, Beijing, China',
                        {'MODERATOR': 'Moderator',
                         'MR. EARNEST': 'Josh Earnest',
                         'PRESIDENT OBAMA': 'Barack Obama',
                         'PRESIDENT XI': 'Xi Jinping',
                         'Q': None},
                        '(As interpreted.) Honorable President Obama, distinguished guests, '
                        'dear friends from the press, good morning. First of all, I wish to '
                        'once again warmly welcome President Obama to China for this state '
                        'visit.',
                        '1:07 P.M. CST'),
 'CONF--PRESS_ID1.txt': (20,
                         'PRESS CONFERENCE BY PRESIDENT OBAMA AND PRESIDENT MEDVEDEV OF RUSSIA',
                         '2009-07-06',
                         'The Kremlin, Moscow, Russia',
                         {'MODERATOR': 'Moderator',
                          'MR. GIBBS': 'Robert Gibbs',
                          'PRESIDENT MEDVEDEV': 'President Medvedev',
                          'PRESIDENT OBAMA': 'Barack Obama',
                          'Q': None},
                         '(As translated.) Distinguished ladies and gentlemen, ladies and '
                         'gentlemen of the press, colleagues, we have just completed our '
                         'negotiations with the U.S. President. The first visit of U.S. '
                         'President Barack Obama in Russia was a very busy one. The first day '
                         'showed that we managed to discuss all the items of our agenda, and '
                         'it was a very big one.',
                         '8:08 P.M. (Local)'),
 '2020_debate1_part2.txt': (611,
                            'First Presidential Debate (second half)',
                            '2020-09-29',
                            'Cleveland, Ohio',
                            {'Chris Wallace': 'Chris Wallace',
                             'President Donald J. Trump': 'Donald J. Trump',
                             'Vice President Joe Biden': 'Joe Biden'},
                            '... would become generally available to the public. You said that '
                            'he was confused and mistaken. Those were your two words. But Dr. '
                            'Slaoui, the head of your Operation Warp Speed, has said exactly '
                            'the same thing. Are they both wrong?',
                            '... to be continued in more debates as we go on. President Trump, '
                            "Vice President Biden, it's been an interesting hour and a half. I "
                            'want to thank you both for participating in the first of three '
                            'debates that you have agreed to engage in. We want to thank Case '
                            'Western Reserve University and the Cleveland Clinic for hosting '
                            'this event. The next debate, sponsored by the Commission on '
                            'Presidential Debates, will be one week from tomorrow, October '
                            '7th, at the University of Utah in Salt Lake City. The two vice '
                            'presidential nominees, Vice President Mike Pence and Senator '
                            'Kamala Harris will debate at 9:00 PM Eastern that night. We hope '
                            'you watch. Until then, thank you, and good night. Thank you.'),
 '2020_vp_part2.txt': (192,
                       'Vice Presidential Debate (second half)',
                       '2020-10-07',
                       'Salt Lake City, Utah',
                       {'Kamala Harris': 'Kamala Harris',
                        'Mike Pence': 'Mike Pence',
                        'New Speaker': 'Unidentified speaker',
                        'Susan Page': 'Susan Page'},
                       "As I said, Susan, the climate is changing. We'll follow the science. "
                       "But once again, Senator Harris is denying the fact that they're going "
                       'to raise taxes on every American. Joe Biden said twice in the debate '
                       'last week, that on day one, he was going to repeal the Trump tax cuts. '
                       'Those tax cuts delivered $2,000 in tax relief to the average family of '
                       'four across America. And with regard to banning fracking, I just '
                       'recommend that people look at the record. You yourself said repeatedly '
                       'that you would ban fracking. You were the first Senate co-sponsor of '
                       'the Green New Deal. And while Joe Biden denied the green new deal, '
                       'Susan, thank you for pointing out. The Green New Deal is on their '
                       'campaign website.',
                       'We want to thank also the University of Utah for its hospitality. And '
                       'most of all, our thanks to all the Americans who watched this debate '
                       'tonight. Again, our best wishes for a quick recovery to president '
                       'Trump, the First Lady, and everyone who is battling COVID-19. The '
                       'second presidential debate-is next week on October 15, a town hall '
                       'style debate in Miami. We hope you’ll join us then. Good evening.')}


def _tokens(text: str) -> list[str]:
    """Words and signs; the colon after a label is the label's, not a token."""
    return [t for t in re.findall(r"[^\W_]+|[^\w\s]", text) if t != ":"]


_FURNITURE = re.compile(
    r"^\s*(?:Cite:|https?://\S+|For Immediate Release\b.*|The White House|THE WHITE HOUSE|"
    r"Office of the Press Secretary|_{3,}|[A-Z][a-z]+ \d{1,2}, \d{4})\s*$")


def _source(path: Path, data: dict) -> tuple[list[str], list[str]]:
    """Header words (page furniture left out) and body tokens of a raw file."""
    lines = path.read_text("utf-8").splitlines()
    split = 0
    if data.get("time"):
        split = next(i for i, line in enumerate(lines) if " ".join(line.split()) == data["time"])
        split += 1
    kept = [line for line in lines if not _FURNITURE.match(line.replace("\u00a0", " "))]
    header = [line for line in lines[:split] if line in kept]
    body = [line for line in lines[split:] if line in kept or not line.strip()]
    return _tokens(" ".join(header)), _tokens("\n".join(body))


def _imported(data: dict) -> tuple[list[str], list[str]]:
    header = _tokens(" ".join(data.get(k) or "" for k in ("title", "place", "time")))
    if data["source"].get("given"):
        header = _tokens(" ".join(data.get(k) or "" for k in ("time",)))
    body: list[str] = []
    for turn in data["turns"]:
        body += _tokens(turn.get("label") or "")
        for paragraph in turn.get("paragraphs", []):
            body += _tokens(paragraph if isinstance(paragraph, str) else paragraph["text"])
    return header, body


@pytest.fixture(scope="module")
def families(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ImportReport]:
    content = tmp_path_factory.mktemp("families") / "content"
    content.mkdir()
    shutil.copy(CONTENT / "speakers.yaml", content / "speakers.yaml")
    report = import_files(sorted(OLD.glob("*.txt")), content)
    for name, given in GIVEN.items():
        more = import_files([DEBATES / name], content, given=given)
        report.written += more.written
        report.failures += more.failures
        report.files += more.files
    return content, report


def _data(content: Path, raw: str) -> dict:
    for path in sorted((content / "transcripts").glob("*.yaml")):
        data = yaml.load(path.read_text("utf-8"), Loader=_Loader)
        if data["source"]["file"] == f"raw/{raw}":
            return data
    raise AssertionError(f"{raw} was not imported")


ALL = sorted(OLD.glob("*.txt")) + sorted(DEBATES.glob("*.txt"))


def test_every_file_imports(families) -> None:
    _, report = families
    assert [str(f) for f in report.failures] == []
    assert len(report.written) == len(ALL) == 14


@pytest.mark.parametrize("raw", ALL, ids=[p.name for p in ALL])
def test_no_word_or_sign_lost_and_no_label_leaked(families, raw: Path) -> None:
    content, _ = families
    data = _data(content, raw.name)
    expected_header, expected_body = _source(raw, data)
    header, body = _imported(data)
    assert body == expected_body
    # The place's lines are joined with commas: commas aside, the header's words are kept.
    assert Counter(t for t in header if t != ",") == Counter(
        t for t in expected_header if t != ",")
    assert leaks(data) == []


@pytest.mark.parametrize("raw", sorted(EXPECTED), ids=sorted(EXPECTED))
def test_turns_speakers_and_ends(families, raw: str) -> None:
    content, _ = families
    data = _data(content, raw)
    turns, title, date, place, speakers, first, last = EXPECTED[raw]
    registry = yaml.load((content / "speakers.yaml").read_text("utf-8"), Loader=_Loader)
    names = {s["id"]: s["name"] for s in registry["speakers"]}
    said = [t for t in data["turns"] if t.get("paragraphs")]
    assert (len(data["turns"]), data["title"], str(data["date"]), data.get("place")) == (
        turns, title, date, place)
    assert {t["label"]: names.get(t["speaker"]) for t in data["turns"] if t.get("label")} \
        == speakers
    assert (said[0]["paragraphs"][0], said[-1]["paragraphs"][-1]) == (first, last)


@pytest.mark.parametrize("raw", ["2011-12-20_ID1.txt", "2020_vp_part2.txt"])
def test_golden_yaml_per_family(families, raw: str) -> None:
    content, _ = families
    data = _data(content, raw)
    produced = (content / "transcripts" / f"{data['id']}.yaml").read_text("utf-8")
    golden = GOLDEN / f"{Path(raw).stem}.yaml"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(produced, "utf-8")
        pytest.skip("golden file refreshed")
    assert produced == golden.read_text("utf-8")
