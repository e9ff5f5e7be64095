"""Benchmark (not a test): build three archives and print a table of figures.

(a) the sample in content/; (b) the 45 White House press conferences plus the 1,151
briefings of ../shared/corpus (and the sample); (c) a synthetic archive of made-up
transcripts (generator.synthetic) whose mean length is (b)'s (3,000 words without (b),
or ``--words``). For each: import time,
generation (validate, tag, render, write), MkDocs and search-index time, peak memory,
site size, largest page, transcripts per second; and, as the baseline measured in the
same run, a plain `mkdocs build` of the same generated pages. For (b) it also times a
rebuild with nothing changed and one after editing one transcript (what `serve` does).
Asserts nothing about time.

    make bench                                  # all three; (c) has 10,000 transcripts
    .venv/bin/python benchmarks/bench_build.py --synthetic 2000 --skip b
    .venv/bin/python benchmarks/bench_build.py --skip ab --words 6543   # (c) alone
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.importing import import_files  # noqa: E402
from generator.synthetic import write_archive  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run(command: list[str]) -> tuple[float, int, str]:
    """Run ``command``; return (seconds, peak resident memory in MB, standard output).
    Under ``/usr/bin/time -v``, its processor time is kept in ``LAST_CPU``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=ENV)
    out, err = process.communicate()
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{err[-3000:]}")
    peak = _peak_mb(err)
    LAST_CPU[0] = _cpu_seconds(err)
    return seconds, peak, out


LAST_CPU = [0.0]
"""Processor seconds (user and system, with every process it waited for) of the last
command ``run`` under ``/usr/bin/time -v``: on a shared, noisy machine a steadier figure
than the wall clock."""


def _cpu_seconds(stderr: str) -> float:
    found = re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", stderr)
    return sum(float(value) for value in found)


def _peak_mb(stderr: str) -> int:
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    return int(match.group(1)) // 1024 if match else 0


def build(content: Path, out: Path) -> dict[str, float]:
    """One build through the CLI, under /usr/bin/time for the peak memory."""
    seconds, peak, stdout = run(["/usr/bin/time", "-v", sys.executable, "-m", "generator",
                                 "build", "--content", str(content), "--out", str(out),
                                 "--timings"])
    figures = {"total": seconds, "peak_mb": peak, "cpu": LAST_CPU[0]}
    timings = re.search(r"^timings: (.*)$", stdout, re.M)
    for part in (timings.group(1) if timings else "").split(", "):
        stage, value, _ = part.split(" ")
        figures[stage] = float(value)
    pages = re.search(r"^pages: (\d+) written, (\d+) unchanged, (\d+) deleted$", stdout, re.M)
    figures["written"] = int(pages.group(1)) if pages else -1
    return figures


def mkdocs_alone(work: Path, out: Path) -> tuple[float, float]:
    """The baseline: `mkdocs build` of the generated pages, with the project's config;
    (seconds, processor seconds)."""
    config = work / "bench-mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {work / 'docs'}\nsite_dir: {out}\n"
        f"hooks:\n  - {ROOT / 'generator' / 'mkdocs_hooks.py'}\n"
        f"theme:\n  name: material\n  custom_dir: {ROOT / 'site_overrides'}\n",
        "utf-8",
    )
    seconds, _, _ = run(["/usr/bin/time", "-v", sys.executable, "-m", "mkdocs", "build", "-q",
                         "-f", str(config)])
    return seconds, LAST_CPU[0]


def site_figures(site: Path) -> tuple[float, int, int, str]:
    """Site size in MB, the largest page in KB, the number of files, the largest page."""
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: p.stat().st_size, default=None)
    size = largest.stat().st_size // 1024 if largest else 0
    name = largest.relative_to(site).as_posix() if largest else ""
    return sum(p.stat().st_size for p in files) / 1e6, size, len(files), name


def measure(name: str, content: Path, count: int, imported: float, root: Path) -> dict:
    out = root / f"site-{name}"
    figures = build(content, out)
    figures["baseline"], figures["baseline_cpu"] = mkdocs_alone(out.parent / ".build",
                                                                root / f"baseline-{name}")
    figures["import"], figures["count"] = imported, count
    (figures["size_mb"], figures["largest_kb"], figures["files"],
     figures["largest_page"]) = site_figures(out)
    print(f"  built ({name}): {figures}", flush=True)
    return figures


def sample(root: Path) -> tuple[Path, int, float]:
    content = root / "a" / "content"
    shutil.copytree(ROOT / "content", content)
    for path in (content / "transcripts").glob("*.yaml"):
        path.unlink()
    start = time.perf_counter()
    import_files(sorted((content / "raw").iterdir()), content)
    return content, len(list((content / "transcripts").glob("*.yaml"))), time.perf_counter() - start


def corpus(root: Path) -> tuple[Path, int, float]:
    content = root / "b" / "content"
    content.mkdir(parents=True)
    for name in ("speakers.yaml", "topics.yaml"):
        shutil.copy(ROOT / "content" / name, content / name)
    with tarfile.open(CORPUS / "whitehouse" / "press-briefings-2021-2025.tar.xz") as tar:
        tar.extractall(root / "b" / "raw", filter="data")
    files = sorted((root / "b" / "raw").rglob("*.md"))
    files += sorted((CORPUS / "whitehouse" / "press-conferences").glob("*.md"))
    files += sorted((ROOT / "content" / "raw").iterdir())
    start = time.perf_counter()
    report = import_files(files, content)
    seconds = time.perf_counter() - start
    if report.failures:
        raise SystemExit(f"{len(report.failures)} corpus files failed to import")
    return content, len(list((content / "transcripts").glob("*.yaml"))), seconds


def mean_words(content: Path) -> int:
    import yaml

    counts = []
    for path in (content / "transcripts").glob("*.yaml"):
        data = yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)
        counts.append(sum(len(str(p if isinstance(p, str) else p.get("text", "")).split())
                          for t in data["turns"] for p in t.get("paragraphs", [])))
    return sum(counts) // max(len(counts), 1)


def rebuilds(content: Path, out: Path) -> dict[str, float]:
    """(b) again: with nothing changed, then after one transcript changed."""
    unchanged = build(content, out)
    target = sorted((content / "transcripts").glob("*.yaml"))[len(list(
        (content / "transcripts").glob("*.yaml"))) // 2]
    text = target.read_text("utf-8")
    target.write_text(text.replace("title: ", "title: (Edited) ", 1), "utf-8")
    changed = build(content, out)
    return {"unchanged_total": unchanged["total"], "unchanged_written": unchanged["written"],
            "changed_total": changed["total"], "changed_written": changed["written"],
            "changed_generate": changed.get("generate", 0.0),
            "changed_mkdocs": changed.get("mkdocs", 0.0),
            "changed_search": changed.get("search", 0.0),
            "changed_swap": changed.get("swap", 0.0),
            "changed_fingerprint": changed.get("fingerprint", 0.0),
            "changed_talking": changed.get("talking-points", 0.0)}


def table(rows: dict[str, dict]) -> str:
    header = ("| corpus | transcripts | import s | generate s | of it talking points s | MkDocs s"
              " | Pagefind s (beside MkDocs) | search s after MkDocs | whole build s"
              " | mkdocs alone s (baseline) | generate share | build CPU s | mkdocs alone CPU s"
              " | peak MB | site MB | largest page KB | transcripts/s |")
    lines = [header, "|" + " --- |" * 17]
    for name, f in rows.items():
        share = 100 * f.get("generate", 0) / f["total"] if f["total"] else 0
        lines.append(
            f"| {name} | {f['count']} | {f['import']:.1f} | {f.get('generate', 0):.1f} | "
            f"{f.get('talking-points', 0):.1f} | {f.get('mkdocs', 0):.1f} | "
            f"{f.get('pagefind', 0):.1f} | {f.get('search', 0):.1f} | "
            f"{f['total']:.1f} | "
            f"{f['baseline']:.1f} | {share:.0f}% | {f['cpu']:.0f} | {f['baseline_cpu']:.0f} | "
            f"{f['peak_mb']} | {f['size_mb']:.0f} | "
            f"{f['largest_kb']} | {f['count'] / f['total']:.1f} |"
        )
    return "\n".join(lines)


def targets(rows: dict[str, dict], again: dict[str, float] | None) -> str:
    """The targets of the archive-scale work, each with its figure of this run."""
    lines = ["| target | measured | goal | met |", "| --- | --- | --- | --- |"]

    def line(what: str, measured: str, goal: str, met: bool) -> None:
        lines.append(f"| {what} | {measured} | {goal} | {'yes' if met else 'no'} |")

    b = rows.get("(b) corpus")
    if b:
        ratio = b["total"] / b["baseline"] if b["baseline"] else 0
        cpu = b["cpu"] / b["baseline_cpu"] if b["baseline_cpu"] else 0
        line("(b) cold build", f"{b['total']:.0f} s, {ratio:.1f}× `mkdocs build` alone "
             f"({b['baseline']:.0f} s); processor time {b['cpu']:.0f} s, {cpu:.1f}× "
             f"its {b['baseline_cpu']:.0f} s", "≤ 45 s and ≤ 3×",
             b["total"] <= 45 and ratio <= 3)
        line("(b) site size", f"{b['size_mb']:.0f} MB in {b['files']:,} files; largest page "
             f"{b['largest_kb']} KB ({b['largest_page']})", "≤ 300 MB", b["size_mb"] <= 300)
    if b and again:
        line("(b) rebuild, nothing changed", f"{again['unchanged_total']:.1f} s, "
             f"{again['unchanged_written']} pages written", "≤ 5 s, 0 written",
             again["unchanged_total"] <= 5 and again["unchanged_written"] == 0)
        budget = again["changed_mkdocs"] + again["changed_search"] + 5
        rest = again["changed_total"] - (budget - 5) - again["changed_generate"] - again[
            "changed_swap"] - again["changed_fingerprint"]
        line("(b) rebuild, one transcript edited", f"{again['changed_total']:.0f} s "
             f"(MkDocs + Pagefind {budget - 5:.0f} s; beyond them "
             f"{again['changed_total'] - budget + 5:.1f} s: generation "
             f"{again['changed_generate']:.1f} (of it talking points "
             f"{again['changed_talking']:.1f}), replacing the old site "
             f"{again['changed_swap']:.1f}, fingerprint {again['changed_fingerprint']:.1f}, "
             f"the rest (outside the timed stages: starting Python, imports, the size report) "
             f"{rest:.1f}), "
             f"{again['changed_written']} pages written",
             "≤ MkDocs + Pagefind + 5 s", again["changed_total"] <= budget)
    for name, f in rows.items():
        if name[:3] in ("(b)", "(c)"):
            share = f.get("talking-points", 0) / f["total"] if f["total"] else 0
            line(f"{name}: talking points, cold", f"{f.get('talking-points', 0):.1f} s, "
                 f"{100 * share:.0f}% of the build", "within the targets above",
                 name[:3] == "(b)" or f["total"] <= 600)
    for name, c in rows.items():
        if name.startswith("(c)"):
            line(f"{name}, cold", f"{c['total']:.0f} s, peak {c['peak_mb']} MB, site "
                 f"{c['size_mb']:.0f} MB", "≤ 600 s, < 2,048 MB, < 1,000 MB",
                 c["total"] <= 600 and c["peak_mb"] < 2048 and c["size_mb"] < 1000)
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=10_000, help="transcripts in (c)")
    parser.add_argument("--skip", default="", help="corpora to skip, e.g. 'c' or 'bc'")
    parser.add_argument("--keep", type=Path, help="keep the work files in this folder")
    parser.add_argument("--words", type=int,
                        help="mean words per transcript of (c) (default: that of (b) when "
                             "(b) is built, else 3,000)")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-build-", dir=args.keep))
    rows: dict[str, dict] = {}
    again: dict[str, float] | None = None
    words = args.words or 3000
    try:
        if "a" not in args.skip:
            content, count, seconds = sample(root)
            rows["(a) sample"] = measure("a", content, count, seconds, root)
        if "b" not in args.skip:
            content, count, seconds = corpus(root)
            mean = mean_words(content)
            words = args.words or mean
            print(f"  (b) mean words per transcript: {mean}", flush=True)
            rows["(b) corpus"] = measure("b", content, count, seconds, root)
            again = rebuilds(content, root / "site-b")
            print(f"  (b) rebuild, nothing changed: {again['unchanged_total']:.1f} s, "
                  f"{again['unchanged_written']} pages written; one transcript changed: "
                  f"{again['changed_total']:.1f} s "
                  f"(generation {again['changed_generate']:.1f} s), "
                  f"{again['changed_written']} pages written", flush=True)
        if "c" not in args.skip:
            content = root / "c" / "content"
            start = time.perf_counter()
            write_archive(content, args.synthetic, (ROOT / "content" / "topics.yaml").read_text(),
                          mean_words=words)
            rows[f"(c) synthetic {args.synthetic}"] = measure(
                "c", content, args.synthetic, time.perf_counter() - start, root)
        print()
        print(table(rows))
        print()
        print(targets(rows, again))
        print("\n(import for (c): writing the synthetic YAML files; "
              "peak memory: the build process)")
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
