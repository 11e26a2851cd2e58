#!/usr/bin/env python3
"""Peak memory of the Markdown stage per input byte.

Generates one-article sites whose bodies are a large GFM table, a deeply
nested list, a run of `[` and `<`, and a normal article of many paragraphs;
builds each with the given binary and prints a table: input, size, peak RSS
of the whole process, and (peak − peak of an empty site) ÷ size.

    python3 scripts/bench/md_memory.py --bantin target/release/bantin

Python 3.11, standard library only; Linux (peak RSS from wait4).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

MB = 1_000_000


def table(size):
    """A statistics table of short numeric cells: about one cell per 5 bytes."""
    head = "| Số | Nam | Nữ | Tổng |\n|---:|---:|---:|---:|\n"
    rows, n, k = [head], len(head), 0
    while n < size:
        row = f"| {k % 1000} | {k % 97} | {k % 89} | {k % 97 + k % 89} |\n"
        rows.append(row)
        n += len(row)
        k += 1
    return "".join(rows)


def nested_list(size):
    """Short items nested eight deep, again and again."""
    parts, n, depth = [], 0, 0
    while n < size:
        item = "  " * depth + f"- mục {depth}\n"
        parts.append(item)
        n += len(item.encode())
        depth = (depth + 1) % 8
    return "".join(parts)


def brackets(size):
    return "[<" * (size // 2) + "\n"


def paragraphs(size):
    para = (
        "Chiều ngày 15/10/2021, Thường trực HĐND thành phố Bắc Kạn tổ chức "
        "hội nghị giao ban **hội đồng nhân dân** hai cấp quý III, đánh giá kết "
        "quả hoạt động và triển khai *nhiệm vụ* trọng tâm những tháng cuối năm.\n\n"
    )
    return para * (size // len(para.encode()) + 1)


INPUTS = {
    "table": (table, 10 * MB),
    "nested list": (nested_list, 10.6 * MB),
    "[< run": (brackets, 5 * MB),
    "paragraphs": (paragraphs, 10 * MB),
}


def site(folder, body):
    """A site of one article whose body is `body` (None: no article)."""
    (folder / "content").mkdir(parents=True)
    (folder / "config.yaml").write_text(
        'title: "Đo bộ nhớ"\nlimits: {max_file_mb: 20}\n', encoding="utf-8"
    )
    (folder / "content" / "_index.md").write_text("---\ntitle: Trang chủ\n---\n", encoding="utf-8")
    if body is not None:
        art = "---\ntitle: Bài lớn\ndate: 2021-10-15\n---\n\n" + body
        (folder / "content" / "bai.md").write_text(art, encoding="utf-8")


def peak_rss(binary, folder):
    """Peak RSS in bytes of `bantin build` in `folder` and its exit status."""
    proc = subprocess.Popen(
        [binary, "build", "--root", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        sys.stderr.write(stderr.decode(errors="replace")[-2000:])
    return usage.ru_maxrss * 1024, proc.returncode


def folder_of(work, name):
    return work / name.replace(" ", "-").replace("[<", "brackets")


def generate(work, names):
    """Writes the empty site and one site per input; returns input sizes."""
    empty = work / "empty"
    shutil.rmtree(empty, ignore_errors=True)
    site(empty, None)
    for name in names:
        make, size = INPUTS[name]
        folder = folder_of(work, name)
        shutil.rmtree(folder, ignore_errors=True)
        site(folder, make(int(size)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bantin", default="target/debug/bantin", help="binary to measure")
    ap.add_argument("--only", help="comma-separated input names (default: all)")
    ap.add_argument("--keep", help="folder to write the sites to, kept afterwards")
    ap.add_argument("--generate", help=argparse.SUPPRESS)
    args = ap.parse_args()
    names = args.only.split(",") if args.only else list(INPUTS)
    if args.generate:
        generate(Path(args.generate), names)
        return
    binary = str(Path(args.bantin).resolve())
    if not Path(binary).is_file():
        sys.exit(f"no binary at {binary}")
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="md-memory-"))
    try:
        # A child process writes the inputs: a build forked from a process
        # holding them would count their pages in its peak.
        gen = [sys.executable, __file__, "--generate", str(work)]
        subprocess.run(gen + (["--only", args.only] if args.only else []), check=True)
        base, _ = peak_rss(binary, work / "empty")
        print(f"binary: {binary}\nempty site: {base / 2**20:.0f} MiB\n")
        print("| input | size MB | exit | peak RSS MiB | bytes/byte |")
        print("|---|---:|---:|---:|---:|")
        for name in names:
            folder = folder_of(work, name)
            n = (folder / "content" / "bai.md").stat().st_size
            rss, code = peak_rss(binary, folder)
            print(
                f"| {name} | {n / MB:.1f} | {code} | {rss / 2**20:.0f} | {(rss - base) / n:.1f} |",
                flush=True,
            )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
