#!/usr/bin/env python3
"""Images: bytes a phone loads, and cold and warm build times, for bantin builds.

Usage:
    python3 scripts/bench/images.py [--bantin [LABEL=]PATH ...] [--sites sample,generated]
        [--articles 1000] [--photos 500] [--work DIR] [--runs 1] [--no-browser] [--json FILE]
    python3 scripts/bench/images.py --tables FILE    (the tables of a --json file again)

Each --bantin is a binary to measure, e.g. `--bantin before=/path/to/old/bantin
--bantin after=target/release/bantin` (default: target/release/bantin); the
tables have one column per binary and the ratio of the last to the first.

Sites: `sample` is the repository's own site (config.yaml and content/
copied into --work; each binary uses the default theme it bundles); `generated` is a gen_corpus.py site of --articles
articles with --photos camera photos (4000x3000, 3-4.5 MB JPEG with EXIF; made
once by scripts/bench/photos and cached). Each binary builds its own copy of
the site (files hard-linked from one source), so that its `.bantin-cache/`
is its own. For each site and binary, in this order:

  cold        no .bantin-cache/, no output folder
  warm        cache kept, output folder removed first
  unchanged   cache and output kept, nothing changed
  one edit    cache and output kept, one article with photos edited
              (a sentence appended)

each under /usr/bin/time -v (wall time, peak RSS; --runs K: the median of
K builds, each prepared as said), then the size of
`.bantin-cache/` and of the images in the output. After the cold build,
images_phone.mjs opens pages of the output in headless Chromium (Debian's
/usr/bin/chromium through playwright-core from tests/e2e: run
tests/e2e/install.sh once) as a phone 390x844 at 3x and 2x and a 1366x768
desktop, scrolls to the bottom so lazy images load, and sums the bytes of
image responses. Pages: the home page, the section listing with the most
images on its first page, and 10 article pages with images of their own
(spread over the site; when a site has fewer, articles that show others'
images in cards make up the 10); the same pages for every binary. Prints Markdown tables; see
docs/bench.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import bench  # noqa: E402  (measure: /usr/bin/time -v)

IMAGE_EXT = (".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif")
# Not themes/: it is the bundled default theme, and each binary builds with its own.
SITE_PARTS = ("config.yaml", "content", "static", "archetypes")
ARTICLE_RE = re.compile(r"^[^/]+/\d{4}/[^/]+/index\.html$")
IMG_RE = re.compile(r"<img\b[^>]*>", re.I)


def log(msg: str) -> None:
    print(f"images: {msg}", file=sys.stderr, flush=True)


def die(msg: str) -> None:
    log(f"error: {msg}")
    sys.exit(2)


def mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.1f} KB"


def secs(s: float) -> str:
    return f"{s:.2f} s" if s < 10 else f"{s:.1f} s"


def dir_bytes(root: str, exts: tuple[str, ...] | None = None) -> tuple[int, int]:
    """(files, bytes) under root, only names ending in exts when given."""
    files = total = 0
    for d, _, names in os.walk(root):
        for n in names:
            if exts is None or n.lower().endswith(exts):
                files += 1
                total += os.lstat(os.path.join(d, n)).st_size
    return files, total


# --------------------------------------------------------------------------
# sites
# --------------------------------------------------------------------------

def sample_source(work: str) -> str:
    src = os.path.join(work, "src-sample")
    shutil.rmtree(src, ignore_errors=True)
    os.makedirs(src)
    for part in SITE_PARTS:
        p = os.path.join(REPO, part)
        if os.path.isdir(p):
            shutil.copytree(p, os.path.join(src, part))
        elif os.path.isfile(p):
            shutil.copy2(p, os.path.join(src, part))
    return src


def generated_source(work: str, articles: int, photos: int) -> str:
    src = os.path.join(work, f"src-gen-{articles}-{photos}")
    stamp = os.path.join(src, ".gen_corpus.json")
    if os.path.isfile(stamp):
        return src
    shutil.rmtree(src, ignore_errors=True)
    log(f"generating {articles} articles with {photos} photos in {src}")
    r = subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--articles", str(articles),
                        "--photos", str(photos), "--out", src], capture_output=True, text=True)
    if r.returncode != 0:
        die(f"gen_corpus.py failed:\n{r.stderr}")
    with open(stamp, "w", encoding="utf-8") as f:
        f.write(r.stdout)
    return src


def site_copy(src: str, dst: str) -> None:
    """dst: the files of src hard-linked (copied across file systems)."""
    shutil.rmtree(dst, ignore_errors=True)
    try:
        shutil.copytree(src, dst, copy_function=os.link)
    except OSError:
        shutil.rmtree(dst, ignore_errors=True)
        shutil.copytree(src, dst)


def edit_article(path: str) -> None:
    """Appends a sentence to the article (its own copy: the link to the shared file is broken)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    os.unlink(path)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.rstrip("\n") + "\n\nBài viết được cập nhật thêm thông tin.\n")


# --------------------------------------------------------------------------
# pages
# --------------------------------------------------------------------------

def local_images(html: str) -> int:
    n = 0
    for tag in IMG_RE.findall(html):
        m = re.search(r'\bsrc="([^"]+)"', tag)
        if m and not re.match(r"^[a-z]+:", m.group(1)) and m.group(1).lower().split("?")[0].endswith(IMAGE_EXT):
            n += 1
    return n


def own_images(src: str) -> set[str]:
    """Output paths (SECTION/YYYY/slug/index.html) of the articles whose
    bundle folder in content/ holds images."""
    content = os.path.join(src, "content")
    found = set()
    for d, _, names in os.walk(content):
        if "index.md" in names and any(n.lower().endswith(IMAGE_EXT) for n in names):
            found.add(os.path.relpath(os.path.join(d, "index.html"), content).replace(os.sep, "/"))
    return found


def pick_pages(src: str, out: str, n_articles: int = 10) -> list[tuple[str, str]]:
    """(kind, url path): home, the section listing with the most images, and
    n_articles article pages with images spread over the site: articles
    with images of their own first, then (when there are too few) articles
    that show images of others (cards)."""
    content = os.path.join(src, "content")
    section_dirs = {d for d in os.listdir(content) if os.path.isfile(os.path.join(content, d, "_index.md"))}
    own = own_images(src)
    articles: list[str] = []
    shows: list[str] = []
    sections = []
    for d, _, names in os.walk(out):
        if "index.html" not in names:
            continue
        rel = os.path.relpath(os.path.join(d, "index.html"), out).replace(os.sep, "/")
        depth = rel.count("/")
        if not ((depth == 1 and rel.split("/")[0] in section_dirs) or ARTICLE_RE.match(rel)):
            continue
        with open(os.path.join(d, "index.html"), encoding="utf-8", errors="replace") as f:
            imgs = local_images(f.read())
        if depth == 1:
            sections.append((-imgs, rel))
        elif rel in own:
            articles.append(rel)
        elif imgs:
            shows.append(rel)

    def spread(xs: list[str], n: int) -> list[str]:
        xs = sorted(xs)
        return xs if len(xs) <= n else [xs[int(i * len(xs) / n)] for i in range(n)]

    chosen = spread(articles, n_articles)
    chosen += spread(shows, n_articles - len(chosen))
    pages = [("home", "/")]
    if sections:
        pages.append(("section", "/" + min(sections)[1][: -len("index.html")]))
    pages += [("article", "/" + a[: -len("index.html")]) for a in chosen]
    return pages


def browse(out: str, pages: list[tuple[str, str]]) -> dict:
    script = os.path.join(HERE, "images_phone.mjs")
    r = subprocess.run(["node", script, out] + [f"{k}={p}" for k, p in pages], capture_output=True, text=True)
    if r.returncode != 0:
        die(f"images_phone.mjs failed (run tests/e2e/install.sh first?):\n{r.stderr[-3000:]}")
    data = json.loads(r.stdout)
    for dev in data["devices"]:
        for p in dev["pages"]:
            if p["status"] != 200 or p["failed"] or any(f["status"] != 200 for f in p["files"]):
                log(f"warning: {dev['name']} {p['path']}: status {p['status']}, failed {p['failed'][:3]}")
    return data


def summarize(data: dict) -> dict:
    """device -> kind -> {bytes, images, pages}; kind 'total' sums them."""
    out = {}
    for dev in data["devices"]:
        kinds: dict[str, dict] = {}
        for p in dev["pages"]:
            for k in (p["kind"], "total"):
                s = kinds.setdefault(k, {"bytes": 0, "images": 0, "pages": 0})
                s["bytes"] += p["bytes"]
                s["images"] += p["images"]
                s["pages"] += 1
        out[dev["name"]] = kinds
    return out


# --------------------------------------------------------------------------
# builds
# --------------------------------------------------------------------------

def build(bantin: str, site: str, out: str, what: str, runs: int, before=None) -> dict:
    """Median wall time and largest peak RSS of `runs` builds; `before()`
    runs ahead of each (not timed)."""
    ms = []
    for _ in range(runs):
        if before:
            before()
        with tempfile.NamedTemporaryFile(suffix=".time") as tf:
            m = bench.measure([bantin, "build", "--quiet", "--root", site, "--output", out], tf.name)
        if m["rc"] != 0:
            die(f"{what} build of {site} with {bantin} failed:\n{m['stderr'][-3000:]}")
        log(f"  {what}: {m['wall']:.2f} s, {(m['rss_kib'] or 0) / 1024:.0f} MiB, load {m['load']:.1f}")
        ms.append(m)
    return {"wall": statistics.median(m["wall"] for m in ms), "walls": [m["wall"] for m in ms],
            "cpu": statistics.median(m["cpu"] for m in ms), "rss_kib": max(m["rss_kib"] or 0 for m in ms),
            "load": ms[0]["load"]}


def measure_binary(label: str, bantin: str, src: str, work: str, site_name: str,
                   pages: list[tuple[str, str]] | None, edit_rel: str | None, browser: bool,
                   runs: int) -> dict:
    site = os.path.join(work, f"site-{site_name}-{label}")
    out = os.path.join(site, "public")
    log(f"{site_name} / {label}: {bantin}")
    site_copy(src, site)
    cache = os.path.join(site, ".bantin-cache")
    res: dict = {"binary": bantin, "builds": {}}

    def clean(*dirs: str):
        return lambda: [shutil.rmtree(d, ignore_errors=True) for d in dirs]

    res["builds"]["cold"] = build(bantin, site, out, "cold", runs, clean(cache, out))
    res["output_images"] = dir_bytes(out, IMAGE_EXT)
    res["output"] = dir_bytes(out)
    res["cache"] = dir_bytes(cache) if os.path.isdir(cache) else (0, 0)
    if pages is None:
        pages = pick_pages(src, out)
    res["pages"] = pages
    if browser:
        log(f"  browser: {len(pages)} pages x 3 devices")
        res["browser"] = browse(out, pages)
        res["phone"] = summarize(res["browser"])
    res["builds"]["warm"] = build(bantin, site, out, "warm (output removed)", runs, clean(out))
    res["builds"]["unchanged"] = build(bantin, site, out, "unchanged (output kept)", runs)
    if edit_rel is None:
        edit_rel = article_to_edit(src, pages)
    res["edited"] = edit_rel
    if edit_rel:
        res["builds"]["edit"] = build(bantin, site, out, f"one edit ({edit_rel})", runs,
                                      lambda: edit_article(os.path.join(site, edit_rel)))
    res["cache_after"] = dir_bytes(cache) if os.path.isdir(cache) else (0, 0)
    return res


def article_to_edit(src: str, pages: list[tuple[str, str]]) -> str | None:
    """The source file of the first article page picked (a bundle's index.md)."""
    for kind, path in pages:
        if kind != "article":
            continue
        rel = os.path.join("content", path.strip("/"), "index.md")
        if os.path.isfile(os.path.join(src, rel)):
            return rel
    return None


# --------------------------------------------------------------------------
# tables
# --------------------------------------------------------------------------

def ratio(a: float, b: float) -> str:
    if not a:
        return "–"
    return f"{b / a:.2f}×" if b / a >= 0.1 else f"{b / a:.3f}×"


def row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def tables(site_name: str, results: dict[str, dict], desc: str) -> str:
    labels = list(results)
    many = len(labels) > 1
    head = labels + ([f"{labels[-1]}/{labels[0]}"] if many else [])
    lines = [f"### {site_name}: {desc}", ""]

    first = results[labels[0]]
    if "phone" in first:
        lines += ["Bytes of images loaded (fresh browser cache, scrolled to the bottom):", ""]
        lines += [row(["page", "device"] + head), row(["---"] * (2 + len(head)))]
        kinds = [k for k in ("home", "section", "article", "total") if k in next(iter(first["phone"].values()))]
        for kind in kinds:
            for dev in first["phone"]:
                vals = [results[lb]["phone"][dev][kind] for lb in labels]
                name = {"article": f"{vals[0]['pages']} articles", "total": f"total ({vals[0]['pages']} pages)"}
                cells = [f"{mb(v['bytes'])} ({v['images']} img)" for v in vals]
                if many:
                    cells.append(ratio(vals[0]["bytes"], vals[-1]["bytes"]))
                lines.append(row([name.get(kind, kind), dev] + cells))
        lines.append("")

    lines += [row(["build", ""] + head), row(["---"] * (2 + len(head)))]
    names = {"cold": "cold (no cache, no output)", "warm": "warm (cache kept, output removed)",
             "unchanged": "warm, nothing changed (output kept)", "edit": "warm, one article edited (output kept)"}
    for key, name in names.items():
        if not all(key in results[lb]["builds"] for lb in labels):
            continue
        walls = [results[lb]["builds"][key]["wall"] for lb in labels]
        rss = [(results[lb]["builds"][key]["rss_kib"] or 0) * 1024 for lb in labels]
        lines.append(row([name, "wall"] + [secs(w) for w in walls] + ([ratio(walls[0], walls[-1])] if many else [])))
        lines.append(row(["", "peak RSS"] + [mb(x) for x in rss] + ([ratio(rss[0], rss[-1])] if many else [])))
    for key, name in (("cache_after", "`.bantin-cache/`"), ("output_images", "images in the output"),
                      ("output", "whole output")):
        vals = [results[lb][key] for lb in labels]
        lines.append(row([name, "files, bytes"] + [f"{v[0]} files, {mb(v[1])}" for v in vals]
                         + ([ratio(vals[0][1], vals[-1][1])] if many else [])))
    loads = sorted({round(results[lb]["builds"]["cold"]["load"], 1) for lb in labels})
    runs = len(results[labels[0]]["builds"]["cold"]["walls"])
    lines += ["", f"Load average before the cold builds: {', '.join(map(str, loads))} "
              f"({os.cpu_count()} cores, shared machine; "
              + ("one run each)." if runs == 1 else f"median of {runs} runs, largest RSS).")]
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bantin", action="append", default=[], metavar="[LABEL=]PATH")
    ap.add_argument("--sites", default="sample,generated")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--photos", type=int, default=500)
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "bantin-images-bench"))
    ap.add_argument("--no-browser", action="store_true", help="builds only")
    ap.add_argument("--runs", type=int, default=1, help="builds of each kind; the median wall time is shown")
    ap.add_argument("--json", help="write the raw numbers to this file")
    ap.add_argument("--tables", metavar="JSON", help="only print the tables of a --json file")
    a = ap.parse_args()
    if a.tables:
        with open(a.tables, encoding="utf-8") as f:
            for site_name, rep in json.load(f).items():
                print(tables(site_name, rep["results"], rep["desc"]))
        return 0

    bench.ensure_time()
    bins: list[tuple[str, str]] = []
    for spec in a.bantin or [os.path.join(REPO, "target", "release", "bantin")]:
        label, _, path = spec.rpartition("=")
        path = os.path.abspath(path)
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            die(f"{path}: no bantin binary (cargo build --release, or --bantin PATH)")
        bins.append((label or os.path.basename(path), path))
    if len({lb for lb, _ in bins}) != len(bins):
        die("two binaries with the same label: name them, --bantin LABEL=PATH")
    os.makedirs(a.work, exist_ok=True)

    report = {}
    text = []
    for site_name in [s.strip() for s in a.sites.split(",") if s.strip()]:
        if site_name == "sample":
            src, desc = sample_source(a.work), "the sample site of the repository"
        elif site_name == "generated":
            src = generated_source(a.work, a.articles, a.photos)
            desc = f"generated, {a.articles} articles, {a.photos} photos"
        else:
            die(f"unknown site {site_name!r}: sample or generated")
        src_images = dir_bytes(os.path.join(src, "content"), IMAGE_EXT)
        desc += f" ({src_images[0]} images, {mb(src_images[1])} in content/)"
        results: dict[str, dict] = {}
        pages = edit = None
        for label, path in bins:
            r = measure_binary(label, path, src, a.work, site_name, pages, edit, not a.no_browser, max(1, a.runs))
            pages, edit = r["pages"], r["edited"]
            results[label] = r
        report[site_name] = {"desc": desc, "results": results}
        text.append(tables(site_name, results, desc))
        print(text[-1], flush=True)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(report, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
