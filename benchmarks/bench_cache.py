"""Benchmark (not a test): loading and tagging an archive with and without the model cache.

Three loads of the same content, each in a fresh process (its own peak memory): without
a cache (what every build did before the cache), cold (empty cache: read, validate, tag
and store every file) and warm (nothing changed: every transcript from the cache). Prints
seconds, peak memory and warm/cold ratios. Asserts nothing.

    .venv/bin/python benchmarks/bench_cache.py                   # 300 synthetic transcripts
    .venv/bin/python benchmarks/bench_cache.py --synthetic 2000 --workers 2
    .venv/bin/python benchmarks/bench_cache.py --content /tmp/corpus/content
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.cache import Cache  # noqa: E402
from generator.load import load  # noqa: E402
from generator.synthetic import write_archive  # noqa: E402
from generator.tagging import Tagger  # noqa: E402


def phase(content: Path, cache: Path | None, workers: int) -> dict[str, float]:
    """One load, in this process: seconds, transcripts, hits and peak memory (MB)."""
    store = Cache(cache) if cache else None
    start = time.perf_counter()
    archive = load(content, workers=workers, prepare=Tagger, cache=store)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "transcripts": len(archive.transcripts),
            "hits": store.hits if store else 0, "peak_mb": peak}


def run(content: Path, cache: Path | None, workers: int) -> dict[str, float]:
    """``phase`` in a fresh process."""
    command = [sys.executable, __file__, "--phase", str(content), "--workers", str(workers)]
    if cache:
        command += ["--cache", str(cache)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--content", type=Path, help="an existing content folder")
    parser.add_argument("--synthetic", type=int, default=300, help="transcripts to make")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--phase", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(phase(args.phase, args.cache, args.workers)))
        return
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        content = args.content
        if content is None:
            content = root / "content"
            start = time.perf_counter()
            topics = (ROOT / "content" / "topics.yaml").read_text("utf-8")
            write_archive(content, args.synthetic, topics, mean_words=3000)
            print(f"wrote {args.synthetic} synthetic transcripts in "
                  f"{time.perf_counter() - start:.1f} s")
        cache = root / "cache"
        rows = {
            "no cache": run(content, None, args.workers),
            "cold (empty cache)": run(content, cache, args.workers),
            "warm (nothing changed)": run(content, cache, args.workers),
        }
        size = sum(p.stat().st_size for p in cache.iterdir()) / 2**20
        entries = len(list(cache.iterdir()))
        one = sorted(p for p in (content / "transcripts").glob("*.yaml"))[0]
        before = one.read_bytes()
        one.write_bytes(before + b"\n")  # an edit that changes the bytes only
        try:
            rows["warm, one file edited"] = run(content, cache, args.workers)
        finally:
            one.write_bytes(before)
        shutil.rmtree(cache)
    print(f"{content}: {rows['no cache']['transcripts']:.0f} transcripts, "
          f"{args.workers} workers; cache {entries} entries, {size:.1f} MB")
    print("| load | seconds | from cache | peak MB |\n| --- | --- | --- | --- |")
    for name, row in rows.items():
        print(f"| {name} | {row['seconds']:.2f} | {row['hits']:.0f} | {row['peak_mb']:.0f} |")
    base, cold = rows["no cache"]["seconds"], rows["cold (empty cache)"]["seconds"]
    warm = rows["warm (nothing changed)"]["seconds"]
    print(f"warm/cold {warm / cold:.3f}; warm/no cache {warm / base:.3f}; "
          f"cold/no cache {cold / base:.2f}")


if __name__ == "__main__":
    main()
