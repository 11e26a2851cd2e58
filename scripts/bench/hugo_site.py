"""Build a Hugo project equivalent to a bantin site (used by bench.py).

Standard library only. The Hugo site mirrors what bantin's default theme
produces, so that the benchmark compares like with like:

* content/ is the bantin content tree. Markdown files are rewritten only to
  add one Hugo taxonomy, ``luu-tru`` (the date archive: a year term and a
  year-month term per article), because Hugo has no date archive of its own.
  All other files (``_index.md``, bundle images and PDFs) are hard-linked.
* hugo.yaml: baseURL, title, language, pagination by 20 under ``trang/``
  (no ``trang/1/`` alias pages), feeds named ``rss.xml``,
  taxonomies tags (``/the/``), categories (``/chuyen-muc/``) and ``luu-tru``,
  RSS limited to 20 items, robots.txt, sitemap, a JSON search index.
* layouts/: baseof, single (title, date, author, image, content, tags,
  categories, prev/next in section), list (home, section, term: paginated by
  20, title + date + summary), taxonomy (all terms with counts), 404, a link
  render hook that turns links to ``.md`` files into links to the article
  (like bantin does; a missing target fails the build), the search index.
  RSS (home, section, term) and sitemap use Hugo's embedded templates, and
  code is highlighted with Hugo's default (Chroma, inline styles).
"""

from __future__ import annotations

import json
import os
import re
import shutil

SITE_VERSION = "6"  # bump when the generated Hugo project changes

DATE_RE = re.compile(r"^date:\s*[\"']?(\d{4})-(\d{2})-(\d{2})", re.M)


def read_bantin_config(path: str) -> dict:
    """Tiny reader for the flat `key: value` lines of a bantin config.yaml."""
    cfg: dict = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^([A-Za-z_][\w-]*):\s*(.*?)\s*$", line)
            if not m:
                continue
            key, val = m.group(1), m.group(2)
            if len(val) >= 2 and val[0] == val[-1] and val[0] in "\"'":
                val = val[1:-1]
            cfg[key] = val
    return cfg


HUGO_YAML = """\
baseURL: {base_url}
title: {title}
languageCode: vi
defaultContentLanguage: vi
removePathAccents: true
capitalizeListTitles: false
enableRobotsTXT: true
pagination:
  pagerSize: {paginate}
  path: trang
  disableAliases: true
taxonomies:
  tag: tags
  category: categories
  luu_tru: luu-tru
permalinks:
  taxonomy:
    tags: /the/
    categories: /chuyen-muc/
  term:
    tags: /the/:slug/
    categories: /chuyen-muc/:slug/
services:
  rss:
    limit: {rss_limit}
outputFormats:
  rss:
    baseName: rss
  searchindex:
    mediaType: application/json
    baseName: search-index
    isPlainText: true
    notAlternative: true
outputs:
  home: [html, rss, searchindex]
  section: [html, rss]
  taxonomy: [html]
  term: [html, rss]
"""

BASEOF = """\
<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} – {{ end }}{{ site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
{{- with .OutputFormats.Get "rss" }}
<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">
{{- end }}
<link rel="stylesheet" href="/style.css">
</head>
<body>
<header>
<a class="brand" href="/">{{ site.Title }}</a>
<nav>
{{- range site.Home.Sections }}
<a href="{{ .RelPermalink }}">{{ .Title }}</a>
{{- end }}
<a href="/chuyen-muc/">Chuyên mục</a>
<a href="/the/">Thẻ</a>
<a href="/luu-tru/">Lưu trữ</a>
</nav>
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer><p>{{ site.Title }}</p></footer>
</body>
</html>
"""

SINGLE = """\
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "02/01/2006 15:04" }}</time>
{{- with .Params.author }} · {{ . }}{{ end }}</p>
{{- with .Params.image }}
<figure><img src="{{ . }}" alt=""></figure>
{{- end }}
{{ .Content }}
{{- with .GetTerms "categories" }}
<p class="categories">Chuyên mục:{{ range . }} <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
{{- end }}
{{- with .GetTerms "tags" }}
<p class="tags">Thẻ:{{ range . }} <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
{{- end }}
<nav class="prevnext">
{{- with .NextInSection }}<a rel="prev" href="{{ .RelPermalink }}">← {{ .Title }}</a>{{ end }}
{{- with .PrevInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }} →</a>{{ end }}
</nav>
</article>
{{ end }}
"""

LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
{{- $pages := .Pages }}
{{- if .IsHome }}{{ $pages = site.RegularPages }}{{ end }}
{{- $pag := .Paginate $pages }}{{/* Hugo's default order: newest first */}}
<ul class="list">
{{- range $pag.Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time>
<p>{{ .Summary }}</p></li>
{{- end }}
</ul>
<nav class="pager">
{{- with $pag.Prev }}<a rel="prev" href="{{ .URL }}">Trang trước</a>{{ end }}
<span>Trang {{ $pag.PageNumber }}/{{ $pag.TotalPages }}</span>
{{- with $pag.Next }}<a rel="next" href="{{ .URL }}">Trang sau</a>{{ end }}
</nav>
{{ end }}
"""

TAXONOMY = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="terms">
{{- range .Data.Terms.Alphabetical }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>
{{- end }}
</ul>
{{ end }}
"""

NOT_FOUND = """\
{{ define "main" }}
<h1>Không tìm thấy trang</h1>
<p><a href="/">Về trang chủ</a></p>
{{ end }}
"""

RENDER_LINK = """\
{{- $dest := .Destination -}}
{{- $u := urls.Parse .Destination -}}
{{- if and (not $u.IsAbs) (not (hasPrefix .Destination "/")) (strings.HasSuffix $u.Path ".md") -}}
  {{- $target := path.Join "/" .PageInner.File.Dir $u.Path -}}
  {{- $target = strings.TrimSuffix ".md" $target -}}
  {{- $target = strings.TrimSuffix "/index" $target -}}
  {{- with site.GetPage $target -}}
    {{- $dest = .RelPermalink -}}
    {{- with $u.Fragment }}{{ $dest = printf "%s#%s" $dest . }}{{ end -}}
  {{- else -}}
    {{- errorf "%s: link to missing %s" $.PageInner.File.Path $u.Path -}}
  {{- end -}}
{{- end -}}
<a href="{{ $dest | safeURL }}"{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Text }}</a>
{{- /**/ -}}
"""

SEARCH_INDEX = """\
[
{{- range $i, $p := site.RegularPages -}}
{{- if $i }},
{{ end -}}
{{- dict "t" $p.Title "u" $p.RelPermalink "d" ($p.Date.Format "2006-01-02") "s" $p.Summary "x" $p.Plain | jsonify -}}
{{- end }}
]
"""

STYLE_CSS = """\
body{font-family:system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:0 1rem;line-height:1.6}
header nav a{margin-right:.6rem}
.list li{margin:.8rem 0}
.meta,time{color:#555}
"""

LUU_TRU_INDEX = """\
---
title: "Lưu trữ"
cascade:
  outputs: [html]
---
"""


def _write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def convert_markdown(text: str) -> str:
    """Add the date-archive taxonomy to an article's front matter."""
    if not text.startswith("---"):
        return text
    end = text.find("\n---", 3)
    if end < 0:
        return text
    fm = text[:end]
    if re.search(r"^date:", fm, re.M) is None:
        return text
    m = DATE_RE.search(fm)
    if not m:
        return text
    y, mo = m.group(1), m.group(2)
    return fm + f'\nluu-tru: ["{y}", "{y}-{mo}"]' + text[end:]


def make_hugo_site(src: str, dst: str, rss_limit: int = 20) -> dict:
    """Create (or recreate) the Hugo project at dst from the bantin site src."""
    if os.path.exists(dst):
        shutil.rmtree(dst)
    cfg = read_bantin_config(os.path.join(src, "config.yaml"))
    title = cfg.get("title", "Bản tin")
    base_url = cfg.get("base_url", "https://example.org/")
    paginate = int(cfg.get("paginate_by", "20") or 20)
    _write(os.path.join(dst, "hugo.yaml"), HUGO_YAML.format(
        base_url=json.dumps(base_url), title=json.dumps(title, ensure_ascii=False),
        paginate=paginate, rss_limit=rss_limit))
    lay = os.path.join(dst, "layouts")
    _write(os.path.join(lay, "baseof.html"), BASEOF)
    _write(os.path.join(lay, "single.html"), SINGLE)
    _write(os.path.join(lay, "list.html"), LIST)
    _write(os.path.join(lay, "taxonomy.html"), TAXONOMY)
    _write(os.path.join(lay, "404.html"), NOT_FOUND)
    _write(os.path.join(lay, "_markup", "render-link.html"), RENDER_LINK)
    _write(os.path.join(lay, "home.searchindex.json"), SEARCH_INDEX)
    _write(os.path.join(dst, "static", "style.css"), STYLE_CSS)

    csrc = os.path.join(src, "content")
    cdst = os.path.join(dst, "content")
    n_md = n_linked = 0
    for dirpath, dirnames, filenames in os.walk(csrc):
        dirnames.sort()
        rel = os.path.relpath(dirpath, csrc)
        out_dir = os.path.normpath(os.path.join(cdst, rel))
        os.makedirs(out_dir, exist_ok=True)
        for name in filenames:
            s = os.path.join(dirpath, name)
            d = os.path.join(out_dir, name)
            if name.endswith(".md") and name != "_index.md":
                with open(s, "rb") as f:
                    raw = f.read()
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError:
                    shutil.copyfile(s, d)
                    continue
                with open(d, "w", encoding="utf-8", newline="") as f:
                    f.write(convert_markdown(text))
                n_md += 1
            else:
                try:
                    os.link(s, d)
                except OSError:
                    shutil.copyfile(s, d)
                n_linked += 1
    _write(os.path.join(cdst, "luu-tru", "_index.md"), LUU_TRU_INDEX)
    return {"markdown_rewritten": n_md, "files_linked": n_linked}
