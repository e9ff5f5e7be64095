"""How the tagger does on the judged topic tags (``tests/data/topic_judgements.yaml``).

Imports the corpus the judged pairs were drawn from (the White House briefings and press
conferences of ../shared/corpus, its other families and the sample) into a temporary
content folder (or ``--content``) with the sample's registries, tags it with the current
tagger and taxonomy, and prints, of the judged pairs, the labels of those the tagger still
makes, of those it makes as ``about`` and of those it no longer makes (the goals: at most
5% of those it makes wrong, at least 90% of its ``about`` tags about).

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
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.coverage import format_precision, precision, read_judged  # noqa: E402
from generator.importers.base import Meta  # noqa: E402
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
    failures = len(report.failures)
    # the other families: White House 2009-2015 and 2020, Kremlin pages, debates
    others = sorted((CORPUS / "whitehouse-2009-2015").glob("*.txt"))
    others += sorted((CORPUS / "kremlin").glob("*.html"))
    others += sorted((CORPUS / "whitehouse-2020").glob("*.html"))
    for path in others:
        failures += len(import_files([path], content).failures)
    for name, given in DEBATES.items():
        failures += len(import_files([CORPUS / "revcom-debates" / name], content,
                                     given=given).failures)
    if failures:
        raise SystemExit(f"{failures} corpus files failed to import")
    return content


DEBATES = {  # the debate files say nothing of their event: what their sources say
    "2020_debate1_part2.txt": Meta(title="First Presidential Debate (second half)",
                                   date="2020-09-29", place="Cleveland, Ohio", event="debate"),
    "2020_vp_part2.txt": Meta(title="Vice Presidential Debate (second half)",
                              date="2020-10-07", place="Salt Lake City, Utah", event="debate"),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draw", type=int, default=0, help="new pairs to draw and print")
    parser.add_argument("--seed", type=int, default=1, help="seed of the draw")
    parser.add_argument("--content", type=Path,
                        help="keep the imported corpus in this folder (imported once, "
                             "reused by later runs)")
    args = parser.parse_args()
    pairs = read_judged(JUDGED)
    if args.content:
        if not (args.content / "content").is_dir():
            corpus(args.content)
        # the taxonomy of the repository as it is now (the import copied the one of then)
        shutil.copy(ROOT / "content" / "topics.yaml", args.content / "content" / "topics.yaml")
        archive = tag(load(args.content / "content", workers=2))
    else:
        with tempfile.TemporaryDirectory(prefix="judge-topics-") as folder:
            archive = tag(load(corpus(Path(folder)), workers=2))
    print(format_precision(precision(archive, pairs)))
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
