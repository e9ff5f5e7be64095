"""A synthetic archive for tests and benchmarks: made-up names, made-up words.

Nothing here imitates a real person's words. Transcripts have a realistic shape (an
opening statement, then questions and answers), length and topic mix: paragraphs carry
phrases from a topic taxonomy so that tagging does real work.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from generator.yamlio import dump

VOCABULARY = (
    "agreement budget committee council decision delegation discussion economy effort "
    "framework government initiative issue meeting minister ministry negotiation official "
    "partner plan policy position process proposal question region report responsibility "
    "security situation statement support talks visit week year progress cooperation "
    "review today important clear continue expect believe work together number people "
    "country state office record answer point matter detail change level time result"
).split()
"""Neutral filler words; the text is obviously synthetic."""

FIRST = "Alda Brin Corvo Dessa Elmo Farra Gorin Hesk Ilva Jorun Kell Lumo".split()
LAST = "Testova Quillon Marrow Fenwick Ostrel Vantis Pellow Zarnik Orrin Tamsk".split()


def _sentence(rng: random.Random, phrases: list[str]) -> str:
    words = rng.choices(VOCABULARY, k=rng.randint(8, 22))
    if phrases and rng.random() < 0.35:
        words.insert(rng.randrange(len(words)), rng.choice(phrases))
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random, phrases: list[str], words: int) -> str:
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < words:
        sentences.append(_sentence(rng, phrases))
    return " ".join(sentences)


def write_archive(
    content: Path, count: int, topics_yaml: str, seed: int = 1, mean_words: int = 3000
) -> None:
    """Write ``count`` synthetic transcripts, a registry and ``topics_yaml`` into ``content``."""
    rng = random.Random(seed)
    (content / "transcripts").mkdir(parents=True, exist_ok=True)
    (content / "topics.yaml").write_text(topics_yaml, "utf-8")
    import yaml

    phrases = [
        p for t in yaml.safe_load(topics_yaml)["topics"] for p in t.get("patterns", [])
        if not p.startswith("/")
    ]
    people = [(f"{f} {last}", f"{f}-{last}".lower()) for f in FIRST for last in LAST]
    speakers = [{"id": sid, "name": name, "variants": [name], "reviewed": True}
                for name, sid in people]
    (content / "speakers.yaml").write_text(dump({"speakers": speakers}), "utf-8")
    start = date(2000, 1, 1)
    for number in range(count):
        day = (start + timedelta(days=rng.randrange(9000))).isoformat()
        principal, other = rng.sample(people, 2)
        turns = [{"speaker": principal[1], "kind": "statement",
                  "paragraphs": [_paragraph(rng, phrases, rng.randint(40, 120))
                                 for _ in range(rng.randint(2, 6))]}]
        total = sum(len(p.split()) for p in turns[0]["paragraphs"])
        target = rng.randint(mean_words // 2, mean_words * 3 // 2)
        while total < target:
            addressee = rng.choice([principal, other])
            question = _paragraph(rng, phrases, rng.randint(15, 60))
            answers = [_paragraph(rng, phrases, rng.randint(30, 150))
                       for _ in range(rng.randint(1, 4))]
            turns.append({"speaker": None, "label": "Question", "kind": "question",
                          "to": [addressee[1]], "paragraphs": [question]})
            turns.append({"speaker": addressee[1], "kind": "answer", "paragraphs": answers})
            total += len(question.split()) + sum(len(a.split()) for a in answers)
        tid = f"{day}-synthetic-{number:05d}"
        data = {
            "id": tid, "title": f"Synthetic news conference {number} of {principal[0]}",
            "date": day, "place": "Testville", "event": "news-conference",
            "source": {"publisher": "Synthetic Press Office"},
            "participants": [{"speaker": principal[1]}, {"speaker": other[1]}],
            "turns": turns,
        }
        (content / "transcripts" / f"{tid}.yaml").write_text(dump(data), "utf-8")
