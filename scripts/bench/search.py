#!/usr/bin/env python3
"""Measure bantin's search beside Pagefind on generated sites.

Usage:
    python3 scripts/bench/search.py [--articles N ...] [--bantin PATH]
        [--work DIR] [--runs R] [--reuse] [--no-pagefind] [--query Q ...]

For each N (default 10000): generates a site with gen_corpus.py (once; kept
in --work), builds it with bantin (a release binary) with search on and with
`search: {enabled: false}`, takes the stage times from `--timings`, measures
the index files, then runs the queries in headless Chromium
(search_browser.mjs: playwright-core from tests/e2e, /usr/bin/chromium) and
counts the bytes of every file loaded until the results show. Pagefind
(`npm install pagefind` in --work; its package ships the binary) indexes the
article pages of the same output, and the same queries run through its API,
loading the first 10 results' data. Prints Markdown tables.

Bytes are given as on disk and gzip-compressed (what a server that
compresses text sends; Pagefind's index files are compressed already).
A result is right when the article's text has what the query asks for (see
QUERIES): the phrase as typed (folded when typed without diacritics), its
abbreviation or expansion, or every word; `duong lien thon` asks for
`đường liên thôn`, whose `đ` Pagefind does not fold to `d`.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
INDEX_DIR = os.path.join("tim-kiem", "chi-muc")

# query -> what an article must contain to count as found rightly: any one
# of the alternatives; an alternative is phrases joined by "+", all needed;
# "~" compares with diacritics folded (as the query was typed).
QUERIES = {
    "duong": ["~duong"],
    "duong lien thon": ["đường liên thôn"],
    "hoi dong": ["~hoi dong", "HĐND"],
    "HĐND": ["HĐND", "Hội đồng nhân dân"],
    "ngân sách tỉnh": ["ngân sách+tỉnh"],
    "hoi dong nhan dan": ["Hội đồng nhân dân", "HĐND"],
}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def die(msg: str) -> None:
    log(f"search.py: {msg}")
    sys.exit(1)


def kb(n: float) -> str:
    return f"{n / 1000:.1f} KB"


def mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB"


def dir_stats(root: str) -> tuple[int, int]:
    total = files = 0
    for d, _, fs in os.walk(root):
        for f in fs:
            total += os.path.getsize(os.path.join(d, f))
            files += 1
    return total, files


# --------------------------------------------------------------------------
# bantin
# --------------------------------------------------------------------------

def generate(n: int, corpus: str) -> None:
    if os.path.exists(os.path.join(corpus, "config.yaml")) and os.path.exists(corpus + ".done"):
        return
    log(f"generating {n} articles in {corpus}")
    subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--articles", str(n),
                    "--out", corpus, "--force"], check=True, stdout=subprocess.DEVNULL)
    open(corpus + ".done", "w").close()


def parse_timings(text: str) -> dict:
    t = {}
    for m in re.finditer(r"^  (\w+)\s+([\d.]+) ms", text, re.M):
        t[m.group(1)] = float(m.group(2)) / 1e3
    m = re.search(r"cutting articles for search ([\d.]+) ms", text)
    t["cut"] = float(m.group(1)) / 1e3 if m else 0.0
    return t


def build(bantin: str, corpus: str, out: str, search: bool) -> dict:
    cfg = os.path.join(corpus, "config.yaml")
    with open(cfg, encoding="utf-8") as f:
        original = f.read()
    try:
        if not search:
            with open(cfg, "w", encoding="utf-8") as f:
                f.write(original.rstrip("\n") + "\nsearch: {enabled: false}\n")
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        p = subprocess.run([bantin, "build", "--root", corpus, "--output", out, "--timings"],
                           capture_output=True, text=True)
        wall = time.perf_counter() - t0
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    finally:
        with open(cfg, "w", encoding="utf-8") as f:
            f.write(original)
    if p.returncode != 0:
        die(f"bantin build failed:\n{p.stdout}\n{p.stderr}")
    t = parse_timings(p.stdout + p.stderr)
    t["wall"] = wall
    t["cpu"] = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return t


def bantin_index(out: str) -> dict:
    root = os.path.join(out, INDEX_DIR)
    parts = {}
    for name in sorted(os.listdir(root)):
        p = os.path.join(root, name)
        key = name if os.path.isdir(p) else "top"
        b, n = dir_stats(p) if os.path.isdir(p) else (os.path.getsize(p), 1)
        pb, pn = parts.get(key, (0, 0))
        parts[key] = (pb + b, pn + n)
    return parts


# --------------------------------------------------------------------------
# Pagefind
# --------------------------------------------------------------------------

PF_FILES = re.compile(r"^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|.*\.pf_meta|wasm\..*\.pagefind)$")


def pagefind_bin(work: str) -> str:
    prefix = os.path.join(work, "pagefind-npm")
    exe = os.path.join(prefix, "node_modules", ".bin", "pagefind")
    if not os.path.exists(exe):
        os.makedirs(prefix, exist_ok=True)
        log("npm install pagefind")
        subprocess.run(["npm", "install", "--silent", "--prefix", prefix, "pagefind"], check=True)
    return exe


def pagefind(exe: str, corpus: str, out: str, pf: str) -> dict:
    # Article pages only (section/yyyy/slug/index.html), their <article>
    # only: what bantin indexes, without lists and archives.
    sections = sorted(d for d in os.listdir(os.path.join(corpus, "content"))
                      if os.path.isdir(os.path.join(corpus, "content", d)))
    shutil.rmtree(pf, ignore_errors=True)
    t0 = time.perf_counter()
    p = subprocess.run([exe, "--site", out, "--output-path", pf, "--root-selector", "article.article",
                        "--glob", "{" + ",".join(sections) + "}/[0-9][0-9][0-9][0-9]/*/index.html"],
                       capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        log(f"pagefind failed (exit status {p.returncode}):\n{p.stdout[-2000:]}\n{p.stderr[-2000:]}")
        return None
    m = re.search(r"Indexed (\d+) pages", p.stdout)
    parts = {}
    for name in sorted(os.listdir(pf)):
        path = os.path.join(pf, name)
        if os.path.isdir(path) and name in ("index", "fragment", "filter"):
            parts[name] = dir_stats(path)
        elif PF_FILES.match(name):
            b, n = parts.get("top", (0, 0))
            parts["top"] = (b + os.path.getsize(path), n + 1)
    return {"wall": wall, "pages": int(m.group(1)) if m else 0, "parts": parts, "version":
            subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.strip()}


# --------------------------------------------------------------------------
# browser
# --------------------------------------------------------------------------

def article_text(out: str, url: str) -> str:
    path = os.path.join(out, url.lstrip("/"))
    if path.endswith("/"):
        path += "index.html"
    try:
        with open(path, encoding="utf-8") as f:
            page = f.read()
    except OSError:
        return ""
    m = re.search(r'<article class="article".*?</article>', page, re.S)
    text = re.sub(r"<[^>]+>", " ", m.group(0) if m else page)
    return unicodedata.normalize("NFC", html.unescape(text)).lower()


def fold(s: str) -> str:
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


def has(text: str, phrase: str) -> bool:
    if phrase.startswith("~"):
        text, phrase = fold(text), fold(phrase[1:])
    else:
        phrase = unicodedata.normalize("NFC", phrase).lower()
    return re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text) is not None


def finds(out: str, urls: list[str], want: list[str]) -> int:
    def right(u: str) -> bool:
        text = article_text(out, u)
        return any(all(has(text, p) for p in alt.split("+")) for alt in want)
    return sum(1 for u in urls if right(u))


def is_start(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return name in ("search.js", "meta.js") or bool(PF_FILES.match(name))


def is_index(path: str) -> bool:
    return "/fragment/" not in path and "/chi-muc/d/" not in path and not is_start(path)


def browser(out: str, pf: str | None, queries: list[str]) -> dict:
    p = subprocess.run(["node", os.path.join(HERE, "search_browser.mjs"), out, pf or "-", *queries],
                       capture_output=True, text=True)
    if p.returncode != 0:
        die(f"browser run failed:\n{p.stderr[-3000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def sums(files: list[dict], keep) -> tuple[int, int, int]:
    fs = [f for f in files if keep(f)]
    return sum(f["bytes"] for f in fs), sum(f["gzip"] for f in fs), len(fs)


# --------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, action="append", help="articles in a generated site (repeatable)")
    ap.add_argument("--bantin", default=os.path.join(REPO, "target", "release", "bantin"))
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "bantin-search-bench"))
    ap.add_argument("--runs", type=int, default=1, help="builds of each kind; the fastest is kept")
    ap.add_argument("--reuse", action="store_true",
                    help="keep the builds and Pagefind index of an earlier run; run the queries again")
    ap.add_argument("--no-pagefind", action="store_true")
    ap.add_argument("--query", action="append", help="queries (default: six typical ones)")
    a = ap.parse_args()
    if not os.access(a.bantin, os.X_OK):
        die(f"{a.bantin}: no bantin binary (cargo build --release, or --bantin PATH)")
    queries = a.query or list(QUERIES)
    os.makedirs(a.work, exist_ok=True)
    pf_exe = None if a.no_pagefind else pagefind_bin(a.work)

    for n in a.articles or [10000]:
        corpus, out, off = (os.path.join(a.work, f"{k}{n}") for k in ("c", "o", "off"))
        pf = os.path.join(a.work, f"pf{n}")
        saved = os.path.join(a.work, f"results{n}.json")
        if a.reuse and os.path.exists(saved) and os.path.isdir(out):
            with open(saved, encoding="utf-8") as f:
                old = json.load(f)
            t_on, t_off, parts, pfi = old["on"], old["off"], old["bantin_index"], old["pagefind"]
            runs = old.get("runs", 1)
        else:
            t_on, t_off, parts, pfi, runs = measure_builds(a, n, corpus, out, off, pf, pf_exe)
        log(f"{n}: queries in Chromium")
        res = browser(out, pf if pfi else None, queries)
        with open(saved, "w", encoding="utf-8") as f:
            json.dump({"on": t_on, "off": t_off, "bantin_index": parts, "pagefind": pfi, "runs": runs,
                       "browser": res}, f, ensure_ascii=False)
        report(n, t_on, t_off, parts, pfi, runs, res, out, queries)


def measure_builds(a, n: int, corpus: str, out: str, off: str, pf: str, pf_exe: str | None):
    generate(n, corpus)
    ons, offs = [], []
    for r in range(a.runs):
        log(f"{n}: building without search ({r + 1}/{a.runs})")
        shutil.rmtree(off, ignore_errors=True)
        offs.append(build(a.bantin, corpus, off, search=False))
        shutil.rmtree(off, ignore_errors=True)
        log(f"{n}: building with search ({r + 1}/{a.runs})")
        shutil.rmtree(out, ignore_errors=True)
        ons.append(build(a.bantin, corpus, out, search=True))
    # The fastest run of each: the one least slowed by other work.
    t_off = min(offs, key=lambda t: t["wall"])
    t_on = min(ons, key=lambda t: t["wall"])
    print(f"builds of {n}: on {t_on}, off {t_off}", file=sys.stderr, flush=True)
    parts = bantin_index(out)
    pfi = None
    if pf_exe:
        log(f"{n}: pagefind")
        pfi = pagefind(pf_exe, corpus, out, pf)
    return t_on, t_off, parts, pfi, a.runs


def report(n, t_on, t_off, parts, pfi, runs, res, out, queries) -> None:
    frag = parts.get("d", (0, 0))
    idx = [parts[k] for k in parts if k != "d"]
    ib, inn = sum(b for b, _ in idx), sum(k for _, k in idx)
    print(f"\n### {n:,} generated articles\n")
    print("bantin index (`tim-kiem/chi-muc/`)" + (f"; Pagefind {pfi['version']} on the same "
          f"{pfi['pages']:,} article pages" if pfi else "") + ":\n")
    print("| | bantin | Pagefind |" if pfi else "| | bantin |")
    print("|---|---|---|" if pfi else "|---|---|")
    detail = ", ".join(f"{k} {mb(b)}" for k, (b, _) in parts.items() if k != "d")
    row = lambda label, ours, theirs: print(f"| {label} | {ours} |" + (f" {theirs} |" if pfi else ""))
    pp = pfi["parts"] if pfi else {}
    pib = sum(pp.get(k, (0, 0))[0] for k in ("index", "filter", "top"))
    pin = sum(pp.get(k, (0, 0))[1] for k in ("index", "filter", "top"))
    row("index, without fragments", f"{mb(ib)} in {inn:,} files ({detail})",
        f"{mb(pib)} in {pin:,} files" if pfi else "")
    row("fragments (per-article data)", f"{mb(frag[0])} in {frag[1]:,} files",
        f"{mb(pp.get('fragment', (0, 0))[0])} in {pp.get('fragment', (0, 0))[1]:,} files" if pfi else "")
    cut = t_on["cut"]
    row("time to index", f"search stage {t_on.get('search', 0):.2f} s after render, plus cutting "
        f"{cut:.2f} s summed over threads inside render", f"{pfi['wall']:.1f} s (separate run)" if pfi else "")

    share = (t_on["wall"] - t_off["wall"]) / t_on["wall"] if t_on["wall"] else 0
    print(f"\nbantin build (release, {os.cpu_count()} cores, shared machine; fastest of {runs}):\n")
    print("| | search on | search off |\n|---|---|---|")
    print(f"| wall time | {t_on['wall']:.1f} s | {t_off['wall']:.1f} s |")
    print(f"| CPU time (user + system) | {t_on['cpu']:.1f} s | {t_off['cpu']:.1f} s |")
    for st in ("parse", "render", "search"):
        print(f"| {st} stage | {t_on.get(st, 0):.2f} s | {t_off.get(st, 0):.2f} s |")
    cpu_share = (t_on["cpu"] - t_off["cpu"]) / t_on["cpu"] if t_on["cpu"] else 0
    print(f"\nindex share of build time: {share:.0%} by wall time "
          f"({t_on['wall'] - t_off['wall']:.1f} s of {t_on['wall']:.1f} s), {cpu_share:.0%} by CPU time "
          f"({t_on['cpu'] - t_off['cpu']:.1f} s of {t_on['cpu']:.1f} s); search stage alone "
          f"{t_on.get('search', 0) / t_on['wall']:.0%} of wall time")

    start = {k: sums(res[k][0]["files"], lambda f: is_start(f["path"])) for k in res if res[k]}
    print(f"\nBytes loaded per query over http in headless Chromium (fresh cache each query), "
          f"on disk / gzip. Loaded once before any query: bantin `search.js` + `meta.js` "
          f"{kb(start['bantin'][0])} / {kb(start['bantin'][1])}"
          + (f"; Pagefind `pagefind.js`, worker, wasm, entry and meta {kb(start['pagefind'][0])} / "
             f"{kb(start['pagefind'][1])}" if pfi else "") + ". Then:\n")
    hdr = "| query | bantin index | bantin fragments (10) | bantin time | top 10 right |"
    if pfi:
        hdr += " Pagefind index | Pagefind fragments (10) | Pagefind time | Pagefind results | top 10 right |"
    print(hdr)
    print("|" + "---|" * hdr.count("|")[:-1] if False else "|" + "---|" * (hdr.count("|") - 1))
    for i, q in enumerate(queries):
        want = QUERIES.get(q, [q])
        b = res["bantin"][i]
        bi = sums(b["files"], lambda f: f["phase"] == "query" and is_index(f["path"]))
        bf = sums(b["files"], lambda f: f["phase"] == "query" and "/chi-muc/d/" in f["path"])
        cells = [f"`{q}`", f"{kb(bi[0])} / {kb(bi[1])} ({bi[2]} files)", f"{kb(bf[0])} / {kb(bf[1])}",
                 f"{b['ms']} ms", f"{finds(out, b['urls'], want)}/{len(b['urls'])}"]
        if b["errors"]:
            cells[-1] += " (errors: " + "; ".join(b["errors"])[:200] + ")"
        if pfi:
            p = res["pagefind"][i]
            pi = sums(p["files"], lambda f: "/index/" in f["path"] or "/filter/" in f["path"])
            pfr = sums(p["files"], lambda f: "/fragment/" in f["path"])
            cells += [f"{kb(pi[0])} ({pi[2]} files)", kb(pfr[0]), f"{p['ms']} ms", f"{p['count']:,}",
                      f"{finds(out, p['urls'], want)}/{len(p['urls'])}"]
        print("| " + " | ".join(cells) + " |")
    print("\n<details><summary>raw</summary>\n\n```json\n" + json.dumps(
        {"timings_on": t_on, "timings_off": t_off,
         "status": {k: [r["status"] for r in res[k]] for k in res}}, ensure_ascii=False)
          + "\n```\n</details>")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
