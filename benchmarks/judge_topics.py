"""How the tagger does on the judged topic tags (``tests/data/topic_judgements.yaml``).

Imports the corpus the judged pairs were drawn from (the White House briefings and press
conferences of ../shared/corpus, its other families and the sample) into a temporary
content folder (or ``--content``) with the sample's registries, tags it with the current
tagger and taxonomy, and prints, of the judged pairs, the labels of those the tagger still
makes, of those it makes as ``about`` and of those it no longer makes (the goals: at most
5% of those it makes wrong, at least 90% of its ``about`` tags about).

    .venv/bin/python benchmarks/judge_topics.py            # ~3 minutes
    .venv/bin/python benchmarks/judge_topics.py --draw 300 --seed 7

The figures are printed for the whole set, then for each draw (a draw labelled before
the rules it is judged against were set is the honest, held-out figure; the header of
the judged file says which).

``--draw N`` also prints N new pairs drawn at random from the tags made now, as YAML to
label by reading and add to the judged set (so that it is not only the pairs the tagger
was tuned on).

``--fit`` fits the weights of ``generator.relevance`` to the judged set again (logistic
regression of "readers said about" on each tag's evidence, scikit-learn: ``make
fit-relevance``), prints them beside the ones in the code, and, for each draw, how the
weights fitted on the other draws do on it (the score from ``relevance.ABOUT`` up).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tarfile
import tempfile
import textwrap
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import relevance  # noqa: E402
from generator.coverage import format_precision, precision, read_judged  # noqa: E402
from generator.importers.base import Meta  # noqa: E402
from generator.importing import import_files  # noqa: E402
from generator.load import load  # noqa: E402
from generator.model import Archive  # noqa: E402
from generator.tagging import Tagger, tag, tag_transcript  # noqa: E402
from generator.threads import link_turns  # noqa: E402

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


FEATURES = ("REPEAT", "EXCHANGE", "THREAD", "STAY", "LEADS", "TITLE", "SPREAD")
"""The weights of ``generator.relevance`` fitted (with ``BASE`` and ``KINDS``)."""


def evidence_of(archive: Archive, pairs: list[dict[str, object]]
                ) -> list[tuple[dict[str, object], relevance.Evidence]]:
    """Each judged pair the tagger makes (not ``lone``), with its evidence."""
    tagger = Tagger(archive.speakers, archive.topics)
    wanted = {str(p["transcript"]) for p in pairs}
    found: dict[tuple[str, str, str], relevance.Evidence] = {}
    for transcript in archive.transcripts:
        if transcript.id in wanted:
            tagged = tag_transcript(link_turns(transcript, archive.speakers),
                                    tagger.compiled, tagger.order, tagger.homes)
            for paragraph, topic, seen in relevance.weigh(tagged, tagger.titled(tagged)):
                found[(transcript.id, paragraph.id, topic)] = seen
    made = []
    for pair in pairs:
        seen = found.get((str(pair["transcript"]), str(pair["paragraph"]), str(pair["topic"])))
        if seen is not None and not seen.lone and pair.get("stratum") != "about":
            made.append((pair, seen))
    return made


def fit(archive: Archive, pairs: list[dict[str, object]]) -> None:
    """Print the relevance weights fitted to the judged pairs (module doc)."""
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise SystemExit("--fit needs scikit-learn: make fit-relevance") from None
    made = evidence_of(archive, pairs)
    kinds = [kind for kind in relevance.KINDS if kind != "issue"]

    def row(pair: dict[str, object], seen: relevance.Evidence) -> list[float]:
        kind = archive.topics[str(pair["topic"])].kind
        return [min(max(0, seen.matches - 1), relevance.REPEATS), seen.exchange,
                seen.thread, seen.stay, seen.leads, seen.titled, seen.spread,
                *(kind == k for k in kinds)]

    rows = [row(pair, seen) for pair, seen in made]
    said = [pair["label"] == "about" for pair, _ in made]
    model = LogisticRegression(max_iter=5000).fit(rows, said)
    names = ["BASE", *FEATURES, *(f"KINDS[{k!r}]" for k in kinds)]
    code = [relevance.BASE, *(getattr(relevance, n) for n in FEATURES),
            *(relevance.KINDS[k] for k in kinds)]
    print(f"{len(made)} judged tags made, {sum(said)} about")
    for name, fitted, now in zip(names, [model.intercept_[0], *model.coef_[0]], code, strict=True):
        print(f"  {name:24} fitted {fitted:6.2f}   in the code {now:5.1f}")
    print(f"each draw, with the weights fitted on the others (about from {relevance.ABOUT}):")
    for draw in sorted({str(pair["draw"]) for pair, _ in made}):
        rest = [i for i, (pair, _) in enumerate(made) if str(pair["draw"]) != draw]
        held = [i for i, (pair, _) in enumerate(made) if str(pair["draw"]) == draw]
        other = LogisticRegression(max_iter=5000).fit([rows[i] for i in rest],
                                                      [said[i] for i in rest])
        scores = other.predict_proba([rows[i] for i in held])[:, 1]
        listed = [i for i, value in zip(held, scores, strict=True) if value >= relevance.ABOUT]
        right = sum(said[i] for i in listed)
        print(f"  draw {draw}: {len(listed)} of {len(held)} made about, "
              f"{100 * right / max(1, len(listed)):.1f}% about")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draw", type=int, default=0, help="new pairs to draw and print")
    parser.add_argument("--seed", type=int, default=1, help="seed of the draw")
    parser.add_argument("--fit", action="store_true",
                        help="fit the relevance weights to the judged set again")
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
    for draw in sorted({str(p.get("draw")) for p in pairs}):
        print(f"draw {draw}:")
        chosen = [p for p in pairs if str(p.get("draw")) == draw]
        print(textwrap.indent(format_precision(precision(archive, chosen)), "  "))
    if args.fit:
        fit(load(args.content / "content", workers=2) if args.content else archive, pairs)
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
