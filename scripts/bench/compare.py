#!/usr/bin/env python3
"""Before/after build times of several bantin binaries on one corpus.

    python3 scripts/bench/compare.py --articles 10000 --repeat 3 \
        before=/path/to/old/bantin after=target/release/bantin

Generates (or reuses) a corpus with gen_corpus.py, then builds it with each
binary in turn, alternating binaries within each round so that a machine
that gets busier or quieter during the run affects all of them alike. Each
build is a full build into a fresh output folder, measured with
/usr/bin/time -v. Prints a Markdown table of every run and the medians
(wall time, CPU time, peak RSS), and the ratio of each median wall time to
the first binary's. It never fails on a slow number; it exits 1 when a
build fails and 2 on a usage error. Standard library only.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TIME = "/usr/bin/time"


def die(msg: str, code: int = 2) -> None:
    print(f"compare: error: {msg}", file=sys.stderr)
    sys.exit(code)


def measure(binary: str, site: str, out: str) -> tuple[float, float, float]:
    """Wall s, CPU s, peak RSS MiB of one full build."""
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run(["sync"], check=False)
    cmd = [TIME, "-v", binary, "build", "--root", site, "--output", out]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.stderr.write(p.stderr[-4000:])
        die(f"{binary} failed with status {p.returncode}", 1)

    def field(name: str) -> str:
        m = re.search(rf"^\s*{re.escape(name)}: (.+)$", p.stderr, re.M)
        if not m:
            die(f"GNU time did not report `{name}`", 1)
        return m.group(1).strip()

    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    secs = 0.0
    for part in wall.split(":"):
        secs = secs * 60 + float(part)
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    return secs, cpu, rss


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binaries", nargs="+", metavar="NAME=PATH", help="binaries to compare, first is the reference")
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=3, help="rounds; each figure is the median (default 3)")
    ap.add_argument("--work", default="/tmp/bantin-compare", help="corpus and outputs")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    if not os.access(TIME, os.X_OK):
        die(f"GNU time is needed at {TIME} (Debian: apt-get install time)")
    bins = []
    for spec in args.binaries:
        name, sep, path = spec.partition("=")
        if not sep or not name or not path:
            die(f"`{spec}`: write NAME=PATH")
        if not os.access(path, os.X_OK):
            die(f"`{path}` is not an executable file")
        bins.append((name, os.path.abspath(path)))

    site = os.path.join(args.work, f"site-{args.articles}-{args.seed}")
    if not os.path.isfile(os.path.join(site, "config.yaml")):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--articles", str(args.articles),
                        "--seed", str(args.seed), "--out", site, "--force"], check=True, stdout=subprocess.DEVNULL)
    # Warm the page cache so that the first build does not pay for it alone.
    for dirpath, _, files in os.walk(os.path.join(site, "content")):
        for f in files:
            with open(os.path.join(dirpath, f), "rb") as fh:
                fh.read()

    runs: dict[str, list[tuple[float, float, float]]] = {n: [] for n, _ in bins}
    for r in range(args.repeat):
        order = bins if r % 2 == 0 else list(reversed(bins))
        for name, path in order:
            runs[name].append(measure(path, site, os.path.join(args.work, "out")))
            print(f"compare: round {r + 1}, {name}: {runs[name][-1][0]:.2f} s", file=sys.stderr)
    shutil.rmtree(os.path.join(args.work, "out"), ignore_errors=True)

    load = os.getloadavg()[0]
    print(f"{args.articles} articles, {args.repeat} rounds, load average at the end {load:.2f}\n")
    print("| binary | runs: wall s | median wall s | median CPU s | median peak RSS MiB | wall vs first |")
    print("|---|---|---:|---:|---:|---:|")
    ref = statistics.median(w for w, _, _ in runs[bins[0][0]])
    for name, _ in bins:
        rs = runs[name]
        wall = statistics.median(w for w, _, _ in rs)
        cpu = statistics.median(c for _, c, _ in rs)
        rss = statistics.median(m for _, _, m in rs)
        each = ", ".join(f"{w:.2f}" for w, _, _ in rs)
        print(f"| {name} | {each} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {wall / ref:.2f} |")


if __name__ == "__main__":
    main()
