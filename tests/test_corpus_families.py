"""Layouts the importer was not written against: the White House pages of 2009–2015
scraped to plain text, a transcription service's debate transcripts, the Kremlin's web
pages and the White House pages of 2020 saved as HTML.

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
from conftest import CONTENT, CORPUS, GIVEN
from corpus_leaks import leaks

from generator.importers import html
from generator.importers.base import Source
from generator.importing import ImportReport, import_files

pytestmark = pytest.mark.corpus  # (skipped, saying why, without the corpus)

OLD = CORPUS / "whitehouse-2009-2015"
DEBATES = CORPUS / "revcom-debates"
PAGES = sorted((CORPUS / "kremlin").glob("*.html")) + sorted(
    (CORPUS / "whitehouse-2020").glob("*.html"))
GOLDEN = Path(__file__).parent / "golden" / "families"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# file: (turns, date, place, title, {label: speaker name}, first paragraph, last paragraph)
EXPECTED = {
    '2009-11-13_ID1.txt': (
        19, '2009-11-13', None,
        'Remarks by President Barack Obama and Prime Minister Yukio Hatoyama of Japan in '
        'Joint Press Conference',
        {
            'MODERATOR': 'Moderator',
            'MR. GIBBS': 'Robert Gibbs',
            'PRESIDENT OBAMA': 'Barack Obama',
            'PRIME MINISTER HATOYAMA': 'Yukio Hatoyama',
            'Q': None,
        },
        "(As translated.) President Obama, I would like to welcome you to Japan. I'd like "
        'to express my heartfelt welcome to you. It is very hard -- despite the tragedy of '
        'the mass shooting in your country, that you have taken time out of a busy schedule'
        " to come and join us here today. We're very thankful to you.",
        '** This transcript has been corrected.'),
    '2010-03-15_ID1.txt': (
        30, '2010-03-15', 'Via Conference Call',
        "Press Briefing on the President's Upcoming Trip to Guam, Indonesia and Australia "
        'by Denis Mcdonough, NSC Chief of Staff, Jeff Bader, NSC Senior Director for Asian '
        'Affairs, and Ben Rhodes, Deputy National Security Advisor for Strategic '
        'Communications',
        {
            'MR. BADER': 'Jeff Bader',
            'MR. McDONOUGH': 'Denis Mcdonough',
            'MR. RHODES': 'Ben Rhodes',
            'Q': None,
        },
        'Thanks, everybody, for joining today. With me is Jeff Bader, Senior Director for '
        'Asia here at the NSC, who you know well; and Denis McDonough, Chief of Staff for '
        'the NSC, as well.',
        '3:02 P.M. EDT'),
    '2010-11-08_ID4.txt': (
        27, '2010-11-08', None,
        'Remarks by President Obama and Prime Minister Singh in Joint Press Conference in '
        'New Delhi, India',
        {
            'MODERATOR': 'Moderator',
            'MR. GIBBS': 'Robert Gibbs',
            'PRESIDENT OBAMA': 'Barack Obama',
            'PRIME MINISTER SINGH': 'Prime Minister Singh',
            'Q': None,
            'THE PRESIDENT': 'Barack Obama',
        },
        'Your Excellency, President Barack Obama, distinguished representatives of the '
        'media, I’m delighted to welcome President Obama and his gracious wife on their '
        'first visit to our country. I welcome the President as a personal friend and a '
        'great charismatic leader who has made a deep imprint on world affairs through his '
        'inclusive vision of peace, security and welfare for all peoples and all nations.',
        'END 1:40 P.M. IST'),
    '2011-01-21_ID1.txt': (
        29, '2011-01-21', None,
        'Press Gaggle by Press Secretary Robert Gibbs aboard Air Force One en route '
        'Schenectady, New York',
        {
            'MR. GIBBS': 'Robert Gibbs',
            'Q': None,
        },
        'What’s going on?',
        '12:05 P.M. EST'),
    '2011-02-11_ID1.txt': (
        253, '2011-02-11', 'James S. Brady Press Briefing Room',
        'Remarks by the President and Press Briefing by Press Secretary Robert Gibbs',
        {
            'MR. GIBBS': 'Robert Gibbs',
            'Q': None,
            'THE PRESIDENT': 'Barack Obama',
        },
        'You should brief today. (Laughter.)',
        'END 4:41 P.M. EST'),
    '2011-12-20_ID1.txt': (
        95, '2011-12-20', 'James S. Brady Press Briefing Room',
        'Press Briefing by Press Secretary Jay Carney and Remarks by the President, 12/20/2011',
        {
            'MR. CARNEY': 'Jay Carney',
            'Q': None,
            'THE PRESIDENT': 'Barack Obama',
        },
        'Good afternoon, everyone. Thanks for being here. It is my great pleasure to see '
        'you today and take your questions, which I will commence with right now.',
        '2:19 P.M. EST'),
    '2012-04-10_ID1.txt': (
        29, '2012-04-10', 'Aboard Air Force One, En Route West Palm Beach, Florida',
        'Press Gaggle by Press Secretary Jay Carney en route West Palm Beach, Florida, 4/10/12',
        {
            'MR. CARNEY': 'Jay Carney',
            'Q': None,
        },
        'Welcome aboard Air Force One for this trip to Florida today, where the President '
        'will have some campaign events. He will also speak at FAU to talk about the '
        'importance of the Buffett Rule, a basic principle of tax fairness the President '
        'very much supports. And he supports the legislation put forward by Senator '
        'Whitehouse from Rhode Island, that makes the simple case that millionaires and '
        'billionaires in this country who have done exceptionally well over the last many '
        'years, and especially in the last 10 years, while middle-class incomes have '
        'stagnated or declined, should not pay less or a lower tax rate on their income '
        'than average Americans, middle-class Americans.',
        '10:34 A.M. EDT'),
    '2013-06-19_ID3.txt': (
        21, '2013-06-19', 'German Chancellery, Berlin, Germany',
        'Remarks by President Obama and German Chancellor Merkel in Joint Press Conference',
        {
            'CHANCELLOR MERKEL': 'Chancellor Merkel',
            'MR. CARNEY': 'Jay Carney',
            'PRESIDENT OBAMA': 'Barack Obama',
            'Q': None,
            'THE PRESIDENT': 'Barack Obama',
        },
        '(As interpreted.) A very warm welcome to the President of the United States, '
        'Barack Obama. A very warm welcome indeed to Berlin. It’s his first visit to Berlin'
        ' as President of the United States -- certainly not his first visit to Germany.',
        '1:32 P.M. CEST'),
    '2013-11-15_ID1.txt': (
        125, '2013-11-15', 'James S. Brady Press Briefing Room',
        'Press Briefing by Press Secretary Jay Carney, 11/15/2013',
        {
            'MR. CARNEY': 'Jay Carney',
            'Q': None,
            'THE PRESIDENT': 'Barack Obama',
        },
        'Good afternoon, ladies and gentlemen. Happy Friday. Thanks for being here. Did I '
        "hear a yay for Friday? Let's hear it for Friday.",
        '1:55 P.M. EST'),
    '2014-05-30_ID2.txt': (
        178, '2014-05-30', 'James S. Brady Press Briefing Room',
        'Remarks by the President, Press Secretary Jay Carney, and Principal Deputy Press '
        'Secretary Josh Earnest in Daily Press Briefing',
        {
            'MR. CARNEY': 'Jay Carney',
            'MR. EARNEST': 'Josh Earnest',
            'Q': None,
            'THE PRESIDENT': 'Barack Obama',
        },
        'Good afternoon, ladies and gentlemen. How are you? You obviously heard earlier '
        'from the President in this room and he took some of your questions, so perhaps '
        'that means this will be a relatively short briefing. (Laughter.) Might go easy on '
        "me, maybe? No? I do not have any announcements to make at the top. I'll note for "
        'you that you should have received a notification that there will be a call later '
        'this afternoon during which Ben Rhodes will preview the President’s travel next '
        'week. And since that is most of what he is doing next week that will serve as our '
        "week ahead. So I don't have a separate week ahead for today.",
        '3:05 P.M. EDT'),
    '2014-11-12_ID1.txt': (
        16, '2014-11-12', 'Great Hall of the People, Beijing, China',
        'Remarks by President Obama and President Xi Jinping in Joint Press Conference',
        {
            'MODERATOR': 'Moderator',
            'MR. EARNEST': 'Josh Earnest',
            'PRESIDENT OBAMA': 'Barack Obama',
            'PRESIDENT XI': 'Xi Jinping',
            'Q': None,
        },
        '(As interpreted.) Honorable President Obama, distinguished guests, dear friends '
        'from the press, good morning. First of all, I wish to once again warmly welcome '
        'President Obama to China for this state visit.',
        '1:07 P.M. CST'),
    'CONF--PRESS_ID1.txt': (
        20, '2009-07-06', 'The Kremlin, Moscow, Russia',
        'PRESS CONFERENCE BY PRESIDENT OBAMA AND PRESIDENT MEDVEDEV OF RUSSIA',
        {
            'MODERATOR': 'Moderator',
            'MR. GIBBS': 'Robert Gibbs',
            'PRESIDENT MEDVEDEV': 'President Medvedev',
            'PRESIDENT OBAMA': 'Barack Obama',
            'Q': None,
        },
        '(As translated.) Distinguished ladies and gentlemen, ladies and gentlemen of the '
        'press, colleagues, we have just completed our negotiations with the U.S. '
        'President. The first visit of U.S. President Barack Obama in Russia was a very '
        'busy one. The first day showed that we managed to discuss all the items of our '
        'agenda, and it was a very big one.',
        '8:08 P.M. (Local)'),
    '2020_debate1_part2.txt': (
        611, '2020-09-29', 'Cleveland, Ohio',
        'First Presidential Debate (second half)',
        {
            'Chris Wallace': 'Chris Wallace',
            'President Donald J. Trump': 'Donald J. Trump',
            'Vice President Joe Biden': 'Joe Biden',
        },
        '... would become generally available to the public. You said that he was confused '
        'and mistaken. Those were your two words. But Dr. Slaoui, the head of your '
        'Operation Warp Speed, has said exactly the same thing. Are they both wrong?',
        '... to be continued in more debates as we go on. President Trump, Vice President '
        "Biden, it's been an interesting hour and a half. I want to thank you both for "
        'participating in the first of three debates that you have agreed to engage in. We '
        'want to thank Case Western Reserve University and the Cleveland Clinic for hosting'
        ' this event. The next debate, sponsored by the Commission on Presidential Debates,'
        ' will be one week from tomorrow, October 7th, at the University of Utah in Salt '
        'Lake City. The two vice presidential nominees, Vice President Mike Pence and '
        'Senator Kamala Harris will debate at 9:00 PM Eastern that night. We hope you '
        'watch. Until then, thank you, and good night. Thank you.'),
    '2020_vp_part2.txt': (
        192, '2020-10-07', 'Salt Lake City, Utah',
        'Vice Presidential Debate (second half)',
        {
            'Kamala Harris': 'Kamala Harris',
            'Mike Pence': 'Mike Pence',
            'New Speaker': 'Unidentified speaker',
            'Susan Page': 'Susan Page',
        },
        "As I said, Susan, the climate is changing. We'll follow the science. But once "
        "again, Senator Harris is denying the fact that they're going to raise taxes on "
        'every American. Joe Biden said twice in the debate last week, that on day one, he '
        'was going to repeal the Trump tax cuts. Those tax cuts delivered $2,000 in tax '
        'relief to the average family of four across America. And with regard to banning '
        'fracking, I just recommend that people look at the record. You yourself said '
        'repeatedly that you would ban fracking. You were the first Senate co-sponsor of '
        'the Green New Deal. And while Joe Biden denied the green new deal, Susan, thank '
        'you for pointing out. The Green New Deal is on their campaign website.',
        'We want to thank also the University of Utah for its hospitality. And most of all,'
        ' our thanks to all the Americans who watched this debate tonight. Again, our best '
        'wishes for a quick recovery to president Trump, the First Lady, and everyone who '
        'is battling COVID-19. The second presidential debate-is next week on October 15, a'
        ' town hall style debate in Miami. We hope you’ll join us then. Good evening.'),
    '2010-06-11-medvedev-answered-questions-from-russian-journalists.html': (
        8, '2010-06-11', 'Tashkent',
        'Dmitry Medvedev answered questions from Russian journalists',
        {
            'Dmitry Medvedev': 'Dmitry Medvedev',
            'President of Russia Dmitry Medvedev': 'Dmitry Medvedev',
            'Question': None,
        },
        'Following the SCO summit, Dmitry Medvedev answered questions from Russian journalists.',
        'All the best to everyone.'),
    '2013-03-07-putin-answered-journalists-questions-vologda.html': (
        19, '2013-03-07', 'Vologda',
        'Vladimir Putin answered journalists’ questions at the end of his trip to Vologda',
        {
            'President of Russia Vladimir Putin': 'Vladimir Putin',
            'Question': None,
            'Response': None,
            'Vladimir Putin': 'Vladimir Putin',
        },
        'Vladimir Putin answered journalists’ questions during a working visit to Vologda.',
        'Maybe, I don’t remember, but today I’d rather not do so.'),
    '2013-03-22-interview-to-itar-tass.html': (
        10, '2013-03-22', None,
        'Interview to the ITAR-TASS news agency',
        {
            'President of Russia Vladimir Putin': 'Vladimir Putin',
            'Question': None,
            'Vladimir Putin': 'Vladimir Putin',
        },
        "BRICS' relatively new phenomenon attracts increased global attention due to the "
        'optimistic predictions about its development, especially against the backdrop of '
        "global crisis developments in the world economy. What is BRICS' immediate and "
        'long-term significance for Russia? Is such a format practical for the development '
        'of relations among these countries?',
        'We will discuss practical steps to achieve these goals with President Jacob Zuma.'),
    '2013-04-05-interview-to-german-ard.html': (
        36, '2013-04-05', None,
        'Interview to the German ARD',
        {
            'Jörg Schönenborn': 'Jörg Schönenborn',
            'Jörg Schönenborn (retranslated)': 'Jörg Schönenborn',
            'President of Russia Vladimir Putin': 'Vladimir Putin',
            'Vladimir PUTIN': 'Vladimir Putin',
            'Vladimir Putin': 'Vladimir Putin',
        },
        'Ahead of the working visit to Germany, Vladimir Putin gave an interview to the '
        'German ARD.',
        'Thank you very much for the interview, Mr President.'),
    '2014-11-28-interview-to-anadolu-agency.html': (
        9, '2014-11-28', None,
        'Interview to Anadolu Agency',
        {
            'President of Russia Vladimir Putin': 'Vladimir Putin',
            'Question': None,
            'Vladimir Putin': 'Vladimir Putin',
        },
        'Ahead of the state visit to the Republic of Turkey, Vladimir Putin gave an '
        'interview to Anadolu Agency.',
        'We will continue to do everything necessary to help the Syrian people to overcome '
        'the tragic events and find peace and harmony as soon as practicably possible. This'
        ' is the purpose of our contacts with the Syrian government, various opposition '
        'groups, our international and regional partners, including, of course, our Turkish'
        ' colleagues.'),
    '2016-04-14-answers-to-journalists-questions-following-direct-line.html': (
        27, '2016-04-14', 'Moscow',
        'Answers to journalists’ questions following the Direct Line',
        {
            'President of Russia Vladimir Putin': 'Vladimir Putin',
            'Question': None,
            'Remark': None,
            'Vladimir Putin': 'Vladimir Putin',
        },
        'Vladimir Putin met with journalists and answered their questions following the '
        'Direct Line.',
        'Thank you.'),
    '2016-09-05-interview-to-bloomberg.html': (
        123, '2016-09-05', 'Vladivostok',
        'Interview to Bloomberg',
        {
            'John Micklethwait': 'John Micklethwait',
            'President of Russia Vladimir Putin': 'Vladimir Putin',
            'Vladimir Putin': 'Vladimir Putin',
        },
        "Full text of Vladimir Putin's interview to the international media company "
        'Bloomberg has been published. The interview was recorded on September 1, 2016, in '
        'Vladivostok.',
        'Thank you very much.'),
    '2017-03-10-joint-news-conference-with-erdogan.html': (
        14, '2017-03-10', 'The Kremlin, Moscow',
        'Joint news conference with President of Turkey Recep Tayyip Erdogan',
        {
            'President of Russia Vladimir Putin': 'Vladimir Putin',
            'President of Turkey Recep Tayyip Erdogan (retranslated)': 'Recep Tayyip Erdogan',
            'Question': None,
            'Question (retranslated)': None,
            'Recep Tayyip Erdogan': 'Recep Tayyip Erdogan',
            'Vladimir Putin': 'Vladimir Putin',
        },
        'Following the meeting of the High-Level Russian-Turkish Cooperation Council, '
        'Vladimir Putin and Recep Tayyip Erdogan gave a joint news conference.',
        'Thank you for your attention.'),
    '2017-07-08-news-conference-following-g20-summit.html': (
        42, '2017-07-08', 'Hamburg',
        'News conference following the G20 Summit',
        {
            'President of Russia Vladimir Putin': 'Vladimir Putin',
            'Question': None,
            'Remark': None,
            'Vladimir Putin': 'Vladimir Putin',
        },
        'President of Russia Vladimir Putin answered journalists’ questions on the results '
        'of the two-day G20 Summit.',
        'Thank you very much. All the best.'),
    '2018-04-04-news-conference-russia-turkey-iran.html': (
        26, '2018-04-04', 'Ankara',
        'News conference following a meeting of the presidents of Russia, Turkey and Iran',
        {
            'Hassan Rouhani': 'Hassan Rouhani',
            'President of Russia Vladimir Putin': 'Vladimir Putin',
            'President of the Islamic Republic of Iran Hassan Rouhani (retranslated)':
                'Hassan Rouhani',
            'President of the Republic of Turkey Recep Tayyip Erdogan (retranslated)':
                'Recep Tayyip Erdogan',
            'Question': None,
            'Question (retranslated)': None,
            'Recep Tayyip Erdogan': 'Recep Tayyip Erdogan',
            'Remark': None,
            'Vladimir Putin': 'Vladimir Putin',
        },
        'Vladimir Putin, Recep Tayyip Erdogan and Hassan Rouhani held a joint news '
        'conference following the second trilateral meeting of the heads of states, '
        'guarantors of the Astana process for facilitating the Syrian peace settlement.',
        'Thank you for your attention.'),
    '2018-06-07-answers-to-journalists-questions-following-direct-line.html': (
        22, '2018-06-07', 'Moscow',
        'Answers to journalists’ questions following Direct Line',
        {
            'President of Russia Vladimir Putin': 'Vladimir Putin',
            'Question': None,
            'Remark': None,
            'Vladimir Putin': 'Vladimir Putin',
        },
        'After the Direct Line with Vladimir Putin, the President took questions from '
        'journalists.',
        'I hope nothing like this will happen again. At the same time, all of us must think'
        ' about how to ensure the safety of journalists and their work, protecting them '
        'from any pressure and guaranteeing journalists’ unconditional right to practice '
        'their trade, as well as the right of the public to have free access to information'
        ' and to share information.'),
    '2019-11-14-putin-answered-russian-journalists-questions.html': (
        34, '2019-11-14', 'Brasilia',
        'Vladimir Putin answered Russian journalists’ questions',
        {
            'President of Russia Vladimir Putin': 'Vladimir Putin',
            'Question': None,
            'Vladimir Putin': 'Vladimir Putin',
        },
        'The President answered Russian journalists’ questions following the BRICS summit '
        'in Brasilia.',
        'Thank you very much. All the best.'),
    'white_house_briefing_April-10-2020.html': (
        352, '2020-04-10', 'James S. Brady Press Briefing Room',
        'Remarks by President Trump, Vice President Pence, and Members of the Coronavirus '
        'Task Force in Press Briefing',
        {
            'DR. BIRX': 'Deborah Birx',
            'DR. FAUCI': 'Tony Fauci',
            'DR. HAHN': 'Dr. Hahn',
            'Q': None,
            'SURGEON GENERAL ADAMS': 'Jerome Adams',
            'THE PRESIDENT': 'Donald J. Trump',
            'THE VICE PRESIDENT': 'Mike Pence',
        },
        'Thank you very much everybody, and good afternoon. Today is Good Friday. And this '
        'Sunday, millions of Christians celebrate Easter and the resurrection of Jesus '
        'Christ. At this holy time, we pray that God will heal the sick and comfort the '
        'heartbroken and bless our heroes. As American families look forward to Easter, '
        'we’re reminded that our story ends not in despair, but in triumph and renewal. '
        'Very appropriate, isn’t it?',
        '4:06 P.M. EDT'),
    'white_house_briefing_April-20-2020.html': (
        206, '2020-04-20', 'James S. Brady Press Briefing Room',
        'Remarks by President Trump, Vice President Pence, and Members of the Coronavirus '
        'Task Force in Press Briefing',
        {
            'ADMIRAL GIROIR': 'Admiral Giroir',
            'DR. BIRX': 'Deborah Birx',
            'LIEUTENANT GENERAL SEMONITE': 'Todd Semonite',
            'MR. SMITH': 'Brad Smith',
            'Q': None,
            'THE PRESIDENT': 'Donald J. Trump',
            'THE VICE PRESIDENT': 'Mike Pence',
        },
        'Thank you very much everyone. Thank you. Following the release of our reopening '
        'guidelines, governors across the country are looking forward to phase one and '
        'announcing plans for an economic resurgence; we’re going to have a resurgence, '
        'too. At a time when millions of American workers and families are struggling with '
        'the financial consequences of the virus, it’s critical to continue the medical war'
        ' while reopening the economy in a safe and responsible fashion.',
        'END 7:18 P.M. EDT'),
    'white_house_briefing_April-27-2020.html': (
        105, '2020-04-27', 'Rose Garden',
        'Remarks by President Trump, Vice President Pence, and Members of the Coronavirus '
        'Task Force in Press Briefing',
        {
            'ADMIRAL GIROIR': 'Admiral Giroir',
            'DR. BIRX': 'Deborah Birx',
            'MR. ASHWORTH': 'Richard Ashworth',
            'MR. CASPER': 'Mr. Casper',
            'MR. MCMILLON': 'Doug McMillon',
            'MR. MCMULLEN': 'Rodney McMullen',
            'MR. MERLO': 'Larry Merlo',
            'MR. NIMS': 'John Nims',
            'MR. RUSCKOWSKI': 'Mr. Rusckowski',
            'MR. SCHECHTER': 'Mr. Schechter',
            'MS. DONIGAN': 'Heyward Donigan',
            'Q': None,
            'THE PRESIDENT': 'Donald J. Trump',
            'THE VICE PRESIDENT': 'Mike Pence',
        },
        'Thank you very much. Thank you. Today I’d like to provide you with an update in '
        'our war against the coronavirus. Thanks to our comprehensive strategy and '
        'extraordinary devotion to our citizens — we’ve had such tremendous support all '
        'over — we continue to see encouraging signs of progress.',
        '6:33 P.M. EDT'),
    'white_house_briefing_March-14-2020.html': (
        101, '2020-03-14', 'James S. Brady Press Briefing Room',
        'Remarks by President Trump, Vice President Pence, and Members of the Coronavirus '
        'Task Force in Press Briefing',
        {
            'ACTING SECRETARY WOLF': 'Chad Wolf',
            'ADMINISTRATOR VERMA': 'Seema Verma',
            'DR. BIRX': 'Deborah Birx',
            'DR. FAUCI': 'Tony Fauci',
            'Q': None,
            'SECRETARY CARSON': 'Ben Carson',
            'SECRETARY MNUCHIN': 'Steve Mnuchin',
            'SURGEON GENERAL ADAMS': 'Jerome Adams',
            'THE PRESIDENT': 'Donald J. Trump',
            'THE VICE PRESIDENT': 'Mike Pence',
        },
        'Thank you very much. We just completed a very good meeting of the Coronavirus Task'
        ' Force. And we — we’re really — they’re really doing a great job, our '
        'professionals. The results are very — very, very good. And when you compare this '
        'to what’s happening around the world, we’re very proud of our people.',
        '1:25 P.M. EDT'),
    'white_house_briefing_March-19-2020.html': (
        186, '2020-03-19', 'James S. Brady Press Briefing Room',
        'Remarks by President Trump, Vice President Pence, and Members of the Coronavirus '
        'Task Force in Press Briefing',
        {
            'DR. BIRX': 'Deborah Birx',
            'DR. HAHN': 'Dr. Hahn',
            'Q': None,
            'SURGEON GENERAL ADAMS': 'Jerome Adams',
            'THE PRESIDENT': 'Donald J. Trump',
            'THE VICE PRESIDENT': 'Mike Pence',
        },
        'Thank you very much. I think this is going to be a very important conference and '
        'I’ll get to that toward the middle, but I have a few things to report. And I want '
        'to thank you all for being here.',
        '12:48 P.M. EDT'),
    'white_house_briefing_March-31-2020.html': (
        392, '2020-03-31', None,
        'Remarks by President Trump, Vice President Pence, and Members of the Coronavirus '
        'Task Force in Press Briefing',
        {
            'DR. BIRX': 'Deborah Birx',
            'DR. FAUCI': 'Tony Fauci',
            'Q': None,
            'THE PRESIDENT': 'Donald J. Trump',
            'THE VICE PRESIDENT': 'Mike Pence',
        },
        'Thank you very much, everyone. Our country is in the midst of a great national '
        'trial, unlike any we have ever faced before. You all see it. You see it probably '
        'better than most. We’re at war with a deadly virus. Success in this fight will '
        'require the full, absolute measure of our collective strength, love, and devotion.'
        ' Very important.',
        'END'),
}


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
    for page in PAGES:
        more = import_files([page], content)
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


TEXTS = sorted(OLD.glob("*.txt")) + sorted(DEBATES.glob("*.txt"))
ALL = TEXTS + PAGES


def test_every_file_imports(families) -> None:
    _, report = families
    assert [str(f) for f in report.failures] == []
    assert len(report.written) == len(ALL) == 32


@pytest.mark.parametrize("raw", PAGES, ids=[p.name for p in PAGES])
def test_every_word_of_a_page_reaches_its_transcript(families, raw: Path) -> None:
    content, _ = families
    data = _data(content, raw.name)
    source = Source(str(raw), raw.read_bytes())
    page = html.read_page(source)
    expected = _tokens(" ".join(block.text for block in page.blocks))
    _, body = _imported(data)
    assert body == expected
    # An independent extractor finds no words of the article that the import left out.
    assert html.cross_check(source, page) == []
    assert leaks(data) == []


@pytest.mark.parametrize("raw", TEXTS, ids=[p.name for p in TEXTS])
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
    turns, date, place, title, speakers, first, last = EXPECTED[raw]
    registry = yaml.load((content / "speakers.yaml").read_text("utf-8"), Loader=_Loader)
    names = {s["id"]: s["name"] for s in registry["speakers"]}
    said = [t for t in data["turns"] if t.get("paragraphs")]
    assert (len(data["turns"]), data["title"], str(data["date"]), data.get("place")) == (
        turns, title, date, place)
    assert {t["label"]: names.get(t["speaker"]) for t in data["turns"] if t.get("label")} \
        == speakers
    assert (said[0]["paragraphs"][0], said[-1]["paragraphs"][-1]) == (first, last)


@pytest.mark.parametrize("raw", ["2011-12-20_ID1.txt", "2020_vp_part2.txt",
                                 "2017-03-10-joint-news-conference-with-erdogan.html",
                                 "white_house_briefing_March-14-2020.html"])
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
