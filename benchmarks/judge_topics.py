"""How the tagger does on the judged topic tags (``tests/data/topic_judgements.yaml``).

Imports the corpus the judged pairs were drawn from (the White House briefings and press
conferences of ../shared/corpus, and the sample) into a temporary content folder with the
sample's registries, tags it with the current tagger, and prints, of the judged pairs,
the labels of those the tagger still makes and of those it no longer makes: the share of
wrong tags among those it makes is the figure to bring down (the goal: 5% or less).

    .venv/bin/python benchmarks/judge_topics.py            # ~3 minutes
    .venv/bin/python benchmarks/judge_topics.py --draw 300 --seed 7

``--draw N`` also prints N new pairs drawn at random from the tags made now, as YAML to
label by reading and add to the judged set (so that it is not only the pairs the tagger
was tuned on).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.importing import import_files  # noqa: E402
from generator.load import load  # noqa: E402
from generator.tagging import tag  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
JUDGED = ROOT / "tests" / "data" / "topic_judgements.yaml"


def corpus(root: Path) -> Path:
    """The corpus of the judged set, imported into ``root/content``."""
    content = root / "content"
    content.mkdir(parents=True)
    for name in ("speakers.yaml", "topics.yaml"):
        shutil.copy(ROOT / "content" / name, content / name)
    with tarfile.open(CORPUS / "whitehouse" / "press-briefings-2021-2025.tar.xz") as tar:
        tar.extractall(root / "raw", filter="data")
    files = sorted((root / "raw").rglob("*.md"))
    files += sorted((CORPUS / "whitehouse" / "press-conferences").glob("*.md"))
    files += sorted((ROOT / "content" / "raw").iterdir())
    report = import_files(files, content)
    if report.failures:
        raise SystemExit(f"{len(report.failures)} corpus files failed to import")
    return content


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draw", type=int, default=0, help="new pairs to draw and print")
    parser.add_argument("--seed", type=int, default=1, help="seed of the draw")
    args = parser.parse_args()
    pairs = yaml.safe_load(JUDGED.read_text("utf-8"))["pairs"]
    with tempfile.TemporaryDirectory(prefix="judge-topics-") as folder:
        archive = tag(load(corpus(Path(folder)), workers=2))
    made = {(t.id, p.id): set(p.topics) for t in archive.transcripts
            for turn in t.turns for p in turn.paragraphs}
    kept: Counter[str] = Counter()
    dropped: Counter[str] = Counter()
    missing = 0
    for pair in pairs:
        topics = made.get((pair["transcript"], pair["paragraph"]))
        if topics is None:
            missing += 1
        elif pair["topic"] in topics:
            kept[pair["label"]] += 1
        else:
            dropped[pair["label"]] += 1
    total = sum(kept.values())
    print(f"judged pairs: {len(pairs)} ({missing} whose paragraph is no longer found)")
    print("still tagged: " + ", ".join(f"{label} {kept[label]}"
                                        for label in ("about", "mention", "wrong")))
    print("no longer tagged: " + ", ".join(f"{label} {dropped[label]}"
                                            for label in ("about", "mention", "wrong")))
    if total:
        print(f"wrong among the tags still made: {100 * kept['wrong'] / total:.1f}%; "
              f"about: {100 * kept['about'] / total:.1f}%")
    if args.draw:
        every = [(t.id, p.id, topic) for t in archive.transcripts for turn in t.turns
                 for p in turn.paragraphs for topic in p.topics]
        drawn = random.Random(args.seed).sample(every, args.draw)
        print(yaml.safe_dump({"pairs": [
            {"transcript": t, "paragraph": p, "topic": topic, "label": None, "reason": None}
            for t, p, topic in drawn]}, sort_keys=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
