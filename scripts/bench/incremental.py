#!/usr/bin/env python3
"""How long `bantin serve` takes to show an edit: the time from saving a
file to the reload event the open tabs receive, beside the time of a full
build of the same site.

    python3 scripts/bench/incremental.py [--articles 10000] [--runs 5]
        [--bantin target/release/bantin] [--site DIR]

The site is made by the project's own generator (scripts/bench/gen_corpus.py)
in a temporary folder (or copied from --site), so edits never touch a
folder of yours. Each kind of edit is made --runs times on different
articles; the table gives the median and the worst, the files the rebuild
made (from serve's own line) and the median as a share of a full build.
"""

import argparse
import http.client
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def full_build(bantin, site, out, runs):
    times = []
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        t = time.perf_counter()
        subprocess.run([bantin, "build", "--root", site, "--output", out, "-q"],
                       check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


class Serve:
    """`bantin serve` on a free port, its events and its lines."""

    def __init__(self, bantin, site):
        self.proc = subprocess.Popen(
            [bantin, "serve", "--root", site, "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not m:
            raise SystemExit(f"serve did not start: {line!r} {self.proc.stderr.read()}")
        self.port = int(m.group(1))
        self.events = queue.Queue()
        self.built = queue.Queue()
        threading.Thread(target=self._lines, daemon=True).start()
        threading.Thread(target=self._events, daemon=True).start()
        time.sleep(0.5)

    def _lines(self):
        for line in self.proc.stderr:
            m = re.search(r"đã dựng (\d+) tệp trong (\d+) ms", line)
            if m:
                self.built.put((int(m.group(1)), int(m.group(2))))
            elif "lỗi" in line or "error" in line:
                sys.stderr.write(line)

    def _events(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.port)
        conn.request("GET", "/__bantin/events")
        resp = conn.getresponse()
        while True:
            line = resp.fp.readline()
            if not line:
                return
            if line.startswith(b"data:"):
                self.events.put((time.perf_counter(), line[5:].strip().decode()))

    def drain(self):
        for q in (self.events, self.built):
            while not q.empty():
                q.get_nowait()

    def wait(self, timeout=120):
        at, what = self.events.get(timeout=timeout)
        if what != "reload":
            raise SystemExit(f"the build failed after an edit ({what})")
        made, ms = self.built.get(timeout=5)
        return at, made, ms

    def stop(self):
        self.proc.kill()
        self.proc.wait()


def articles(site):
    out = []
    for d, _, files in os.walk(os.path.join(site, "content")):
        for f in files:
            if f.endswith(".md") and f != "_index.md":
                out.append(os.path.join(d, f))
    return sorted(out)


def edit_body(path, i):
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"\nĐoạn bổ sung số {i} về kỳ họp thường lệ của Hội đồng nhân dân.\n")


def edit_title(path, i):
    text = open(path, encoding="utf-8").read()
    text = re.sub(r'^title: "(.*)"$', lambda m: f'title: "{m.group(1)} (cập nhật {i})"',
                  text, count=1, flags=re.M)
    open(path, "w", encoding="utf-8").write(text)


def add_tag(path, i):
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"^tags: \[", f'tags: ["thẻ mới {i}", ', text, count=1, flags=re.M)
    open(path, "w", encoding="utf-8").write(text)


def add_article(path, i):
    new = os.path.join(os.path.dirname(path), f"bai-moi-do-do-{i}.md")
    open(new, "w", encoding="utf-8").write(
        f'---\ntitle: "Bài viết mới số {i} về kỳ họp HĐND"\n'
        f"date: 2024-06-{10 + i:02d}T08:00:00+07:00\n"
        'summary: "Bài viết thêm để đo thời gian dựng lại."\n'
        'tags: ["HĐND"]\ncategories: ["Thời sự"]\n---\n\nNội dung bài viết mới.\n')


def delete(path, i):
    os.remove(path)


EDITS = [
    ("edit one article's body", edit_body),
    ("edit its title", edit_title),
    ("add a tag", add_tag),
    ("add a new article", add_article),
    ("delete one article", delete),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--bantin", default=os.path.join(ROOT, "target", "release", "bantin"))
    ap.add_argument("--site", help="a generated site to copy instead of generating one")
    a = ap.parse_args()
    if not os.path.exists(a.bantin):
        raise SystemExit(f"no {a.bantin}: build it first with `cargo build --release`")
    work = tempfile.mkdtemp(prefix="bantin-incremental-")
    try:
        site = os.path.join(work, "site")
        if a.site:
            shutil.copytree(a.site, site)
        else:
            subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"),
                            "--articles", str(a.articles), "--out", site],
                           check=True, stdout=subprocess.DEVNULL)
        full = full_build(a.bantin, site, os.path.join(work, "out"), 3)
        serve = Serve(a.bantin, site)
        try:
            files = articles(site)
            rows = []
            step = max(1, len(files) // (a.runs * len(EDITS) + 1))
            k = 0
            for name, edit in EDITS:
                times, made = [], []
                for i in range(a.runs):
                    k += 1
                    path = files[(k * step) % len(files)]
                    serve.drain()
                    t = time.perf_counter()
                    edit(path, i)
                    at, n, _ = serve.wait()
                    times.append(at - t)
                    made.append(n)
                    time.sleep(0.2)
                rows.append((name, statistics.median(times), max(times),
                             statistics.median(made)))
        finally:
            serve.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"bantin serve, {a.articles} generated articles, {a.runs} edits of each kind")
    print(f"(times include the watcher's wait for an editor's writes to settle)\n")
    print(f"| {'change':<24} | {'median':>9} | {'worst':>9} | {'files made':>10} | {'of a full build':>15} |")
    print(f"|{'-' * 26}|{'-' * 11}|{'-' * 11}|{'-' * 12}|{'-' * 17}|")
    print(f"| {'full build':<24} | {full * 1e3:>6.0f} ms | {'':>9} | {'all':>10} | {'100 %':>15} |")
    for name, med, worst, n in rows:
        print(f"| {name:<24} | {med * 1e3:>6.0f} ms | {worst * 1e3:>6.0f} ms | {n:>10.0f} | "
              f"{med / full * 100:>13.1f} % |")


if __name__ == "__main__":
    main()
