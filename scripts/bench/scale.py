#!/usr/bin/env python3
"""Scale test: generate N small Vietnamese articles and build them once.

Usage:
    python3 scripts/bench/scale.py --articles 1000000 --work /tmp/bantin-scale [--bantin target/release/bantin]

Articles are short (two paragraphs, ~700 bytes) so that a million of them fit
on an ordinary disk; front matter is like a real bulletin's (title, date,
author, 1-5 tags from a Zipf-like pool of 400, one category of 12). The same
arguments give the same bytes. Prints wall time, CPU, peak RSS (from
/usr/bin/time -v), pages written and bantin's per-stage timings. Not run in
CI: a million articles take about ten minutes to build and ~25 GB of
disk (1.3 million pages, 22 GB written).
"""

import argparse
import os
import random
import re
import subprocess
import sys
import time

SECTIONS = ["tin-tuc", "hoat-dong-hdnd", "thong-bao", "van-ban-chi-dao", "kinh-te-xa-hoi",
            "quoc-phong-an-ninh", "tiep-xuc-cu-tri", "guong-dien-hinh"]
SECTION_TITLES = ["Tin tức", "Hoạt động HĐND", "Thông báo", "Văn bản chỉ đạo", "Kinh tế - Xã hội",
                  "Quốc phòng - An ninh", "Tiếp xúc cử tri", "Gương điển hình"]
CATEGORIES = ["Hoạt động HĐND", "Kinh tế", "Văn hóa - Xã hội", "Giáo dục - Đào tạo", "Y tế",
              "Nông nghiệp - Nông thôn", "Quốc phòng - An ninh", "Cải cách hành chính",
              "Chuyển đổi số", "Xây dựng Đảng", "Tài nguyên - Môi trường", "Giao thông - Xây dựng"]
PLACES = ["Bắc Kạn", "Chợ Mới", "Ba Bể", "Pác Nặm", "Ngân Sơn", "Na Rì", "Bạch Thông", "Chợ Đồn"]
TOPICS = ["giao ban", "kỳ họp", "tiếp xúc cử tri", "giám sát", "chất vấn", "ngân sách", "đầu tư công",
          "nông thôn mới", "chuyển đổi số", "cải cách hành chính", "phòng chống thiên tai", "y tế",
          "giáo dục", "an ninh trật tự", "du lịch", "OCOP", "trồng rừng", "đất đai", "thuế", "tư pháp"]
ACTIONS = ["tổ chức hội nghị", "làm việc với UBND", "giám sát việc thực hiện", "tiếp xúc cử tri về",
           "thông qua nghị quyết về", "kiểm tra công tác", "sơ kết công tác", "triển khai kế hoạch"]
NAMES = ["Triệu Biển", "Hà Thu Hương", "Nông Văn Hùng", "Lục Thị Lan", "Hoàng Đức Thắng", "Ma Thanh Hà"]
SENTENCES = [
    "Hội nghị đã thảo luận, thống nhất các giải pháp trọng tâm trong thời gian tới.",
    "Các đại biểu đánh giá cao kết quả đạt được và đề xuất nhiều ý kiến tâm huyết.",
    "Thường trực HĐND đề nghị các cơ quan chức năng tiếp thu, giải trình đầy đủ.",
    "Tỷ lệ hộ nghèo giảm, tỷ lệ người dân tham gia bảo hiểm y tế tăng so với cùng kỳ.",
    "Công tác tiếp công dân, giải quyết đơn thư được thực hiện nghiêm túc, đúng quy định.",
]


def tag_pool():
    pool = TOPICS + PLACES + [f"xã {i}" for i in range(1, 200)] + [f"Nghị quyết {n}/NQ-HĐND" for n in range(1, 180)]
    return pool[:400]


def generate(n: int, root: str, seed: int) -> None:
    rnd = random.Random(seed)
    tags = tag_pool()
    weights = [1.0 / (i + 1) for i in range(len(tags))]
    content = os.path.join(root, "content")
    os.makedirs(content, exist_ok=True)
    with open(os.path.join(root, "config.yaml"), "w", encoding="utf-8") as f:
        f.write('title: "Bản tin thử tải"\nbase_url: "https://bantin.example.vn/"\npaginate_by: 20\n')
    with open(os.path.join(content, "_index.md"), "w", encoding="utf-8") as f:
        f.write('---\ntitle: "Trang chủ"\n---\n')
    for slug, title in zip(SECTIONS, SECTION_TITLES):
        os.makedirs(os.path.join(content, slug), exist_ok=True)
        with open(os.path.join(content, slug, "_index.md"), "w", encoding="utf-8") as f:
            f.write(f'---\ntitle: "{title}"\n---\n')
    made = set()
    for i in range(n):
        section = SECTIONS[rnd.randrange(len(SECTIONS))]
        year = 2000 + rnd.randrange(27)
        month, day = 1 + rnd.randrange(12), 1 + rnd.randrange(28)
        hour, minute = 7 + rnd.randrange(11), rnd.choice((0, 15, 30, 45))
        place, topic, action = rnd.choice(PLACES), rnd.choice(TOPICS), rnd.choice(ACTIONS)
        title = f"HĐND huyện {place} {action} {topic} (số {i})"
        folder = os.path.join(content, section, str(year), f"{month:02d}")
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        t = sorted(set(rnd.choices(tags, weights, k=1 + rnd.randrange(5))))
        tag_list = ", ".join(f'"{x}"' for x in t)
        body = " ".join(rnd.choice(SENTENCES) for _ in range(3)) + "\n\n" + " ".join(rnd.choice(SENTENCES) for _ in range(2))
        text = (f'---\ntitle: "{title}"\ndate: {day:02d}/{month:02d}/{year} {hour:02d}:{minute:02d}\n'
                f'author: {rnd.choice(NAMES)}\ntags: [{tag_list}]\ncategories: ["{rnd.choice(CATEGORIES)}"]\n---\n\n'
                f"Ngày {day}/{month}/{year}, HĐND huyện {place} {action} {topic}. {body}\n")
        with open(os.path.join(folder, f"bai-{i}.md"), "w", encoding="utf-8") as f:
            f.write(text)
        if i and i % 100000 == 0:
            print(f"scale: generated {i} articles", file=sys.stderr, flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1_000_000)
    ap.add_argument("--work", default="/tmp/bantin-scale")
    ap.add_argument("--bantin", default="target/release/bantin")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    site = os.path.join(args.work, f"site-{args.articles}")
    out = os.path.join(args.work, f"out-{args.articles}")
    if not os.path.exists(os.path.join(site, "config.yaml")):
        started = time.time()
        generate(args.articles, site, args.seed)
        print(f"scale: generated {args.articles} articles in {time.time() - started:.0f} s", file=sys.stderr)
    cmd = ["/usr/bin/time", "-v", args.bantin, "build", "--root", site, "--output", out, "--timings"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    print(r.stdout)
    wanted = ("Elapsed", "Maximum resident", "User time", "System time")
    for line in r.stderr.splitlines():
        if any(w in line for w in wanted) or line.startswith(("error", "bantin")):
            print(line.strip())
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
    if rss:
        print(f"peak RSS: {int(rss.group(1)) / 1048576:.2f} GiB")
    return r.returncode


if __name__ == "__main__":
    sys.exit(main())
