"""Exchanges: which turn answers which question, and what an addition adds to.

An answer (or an ``omitted`` answer) responds to the latest question before it. A turn
whose note says it "adds to X’s answer" responds to X's latest turn before it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.model import Speaker, Transcript, Turn

_ADDS_TO = re.compile(r"adds to (?P<name>.+?)[’']s? (?:answer|remarks?|reply)", re.IGNORECASE)


def _speaker_named(name: str, speakers: dict[str, Speaker]) -> str | None:
    wanted = name.casefold()
    for speaker in speakers.values():
        if wanted in {speaker.name.casefold(), *(v.casefold() for v in speaker.variants)}:
            return speaker.id
    return None


def link_turns(transcript: Transcript, speakers: dict[str, Speaker]) -> Transcript:
    """Return ``transcript`` with ``responds_to`` set on its answers and additions."""
    linked: list[Turn] = []
    question: str | None = None
    for turn in transcript.turns:
        target = None
        adds_to = _ADDS_TO.search(turn.note or "")
        if turn.kind == "question":
            question = turn.id
        elif adds_to:
            speaker = _speaker_named(adds_to["name"], speakers)
            earlier = [t for t in linked if speaker is not None and t.speaker == speaker]
            target = earlier[-1].id if earlier else question
        elif turn.kind in ("answer", "omitted"):
            target = question
        linked.append(replace(turn, responds_to=target) if target else turn)
    return replace(transcript, turns=tuple(linked))
