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

SITE_VERSION = "7"  # bump when the generated Hugo project changes

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
related:
  includeNewer: true
  threshold: 1
  toLower: true
  indices:
    - name: tags
      weight: 100
    - name: date
      weight: 10
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
  home: {home_outputs}
  section: [html, rss]
  taxonomy: [html]
  term: [html, rss]
"""

# The layouts follow bantin's default theme (themes/default/templates) element
# for element where Hugo can: same head (canonical, feeds, Open Graph,
# JSON-LD), header, menu, breadcrumbs, footer; article with sapo, image,
# byline, terms, attachments, share links, month link, prev/next and 5
# related articles; cards with image, weekday date, section and summary;
# numbered pagers with gaps; home with latest articles, recent months and a
# block per section; date archive by year and month.

BASEOF = """\
<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} – {{ site.Title }}{{ end }}</title>
{{ with .Params.summary }}<meta name="description" content="{{ . }}">
{{ end -}}
<link rel="canonical" href="{{ .Permalink }}">
<meta name="theme-color" content="#9b1c1c">
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="{{ site.Title }}" href="/rss.xml">
{{ if not .IsHome }}{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" title="{{ $.Title }} – {{ site.Title }}" href="{{ .RelPermalink }}">
{{ end }}{{ end -}}
<meta property="og:site_name" content="{{ site.Title }}">
<meta property="og:locale" content="vi_VN">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:url" content="{{ .Permalink }}">
{{ with .Params.summary }}<meta property="og:description" content="{{ . }}">
{{ end -}}
{{ if not .IsHome -}}
{{ $items := slice -}}
{{ range $i, $p := .Ancestors.Reverse }}{{ $items = $items | append (dict "@type" "ListItem" "position" (add $i 1) "name" $p.Title "item" $p.Permalink) }}{{ end -}}
{{ $items = $items | append (dict "@type" "ListItem" "position" (add (len .Ancestors) 1) "name" .Title "item" .Permalink) -}}
<script type="application/ld+json">{{ dict "@context" "https://schema.org" "@type" "BreadcrumbList" "itemListElement" $items | jsonify | safeJS }}</script>
{{ end -}}
{{ block "meta" . }}<meta property="og:type" content="website">
{{ end -}}
</head>
<body class="kind-{{ .Kind }}">
<a class="skip-link" href="#noi-dung">Chuyển đến nội dung chính</a>
<header class="site-header">
  <div class="masthead">
    <div class="wrap masthead-inner">
      <a class="brand" href="/">
        <svg class="brand-mark" viewBox="0 0 64 64" width="56" height="56" aria-hidden="true" focusable="false"><circle cx="32" cy="32" r="31" fill="#c8102e" stroke="#f4c542" stroke-width="2"/><path fill="#ffd83d" d="M32 11l5.6 17.2H55.7L41 38.8l5.6 17.2L32 45.4 17.4 56 23 38.8 8.3 28.2h18.1z"/></svg>
        <span class="brand-text">
          <span class="brand-title">{{ site.Title }}</span>
        </span>
      </a>
    </div>
  </div>
  <nav class="menu" aria-label="Điều hướng chính">
    <div class="wrap">
      <ul class="menu-list">
        <li><a class="menu-home" href="/"{{ if .IsHome }} aria-current="page"{{ end }}><svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 3 2 11.5h3V21h5.5v-6h3v6H19v-9.5h3z"/></svg><span class="menu-home-text">Trang chủ</span></a></li>
        {{- $cur := .RelPermalink }}
        {{- range site.Home.Sections.ByTitle }}
        <li><a href="{{ .RelPermalink }}"{{ if eq $cur .RelPermalink }} aria-current="page"{{ else if hasPrefix $cur .RelPermalink }} aria-current="true"{{ end }}>{{ .Title }}</a></li>
        {{- end }}
        <li><a href="/luu-tru/"{{ if hasPrefix $cur "/luu-tru/" }} aria-current="true"{{ end }}>Lưu trữ</a></li>
      </ul>
    </div>
  </nav>
</header>
{{ if not .IsHome -}}
<nav class="breadcrumbs" aria-label="Đường dẫn">
  <ol class="wrap">
    {{- range .Ancestors.Reverse }}
    <li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
    {{- end }}
    <li><span aria-current="page">{{ .Title }}</span></li>
  </ol>
</nav>
{{ end -}}
<main id="noi-dung" class="wrap main" tabindex="-1">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
  <div class="wrap footer-grid">
    <section class="footer-contact" aria-labelledby="chan-trang-lien-he">
      <h2 id="chan-trang-lien-he" class="footer-name">{{ site.Title }}</h2>
      <address>
      </address>
    </section>
    <nav class="footer-nav" aria-labelledby="chan-trang-muc-tin">
      <h2 id="chan-trang-muc-tin">Các mục tin</h2>
      <ul>{{ range site.Home.Sections.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
    </nav>
    <nav class="footer-nav" aria-labelledby="chan-trang-tra-cuu">
      <h2 id="chan-trang-tra-cuu">Tra cứu</h2>
      <ul>
<li><a href="/the/">Thẻ</a></li><li><a href="/chuyen-muc/">Chuyên mục</a></li>        <li><a href="/luu-tru/">Lưu trữ</a></li>
        <li><a href="/rss.xml">Nhận tin RSS</a></li>
      </ul>
    </nav>
  </div>
</footer>
<script src="/site.js" defer></script>
</body>
</html>
"""

DATE_FULL = """\
{{- $wd := index (slice "Chủ nhật" "Thứ Hai" "Thứ Ba" "Thứ Tư" "Thứ Năm" "Thứ Sáu" "Thứ Bảy") (int .Weekday) -}}
{{- $wd }}, {{ .Format "02/01/2006 15:04" -}}
"""

CARD = """\
{{- $a := .a }}{{ $h := .h | default 2 }}
{{- $img := "" }}{{ with $a.Params.image }}{{ $img = printf "%s%s" $a.RelPermalink . }}{{ end }}
<article class="card{{ if $img }} has-image{{ end }}">
  <h{{ $h }} class="card-title"><a href="{{ $a.RelPermalink }}">{{ $a.Title }}</a></h{{ $h }}>
  {{ with $img }}<img class="card-image" src="{{ . }}" alt="" loading="lazy" decoding="async">{{ end }}  <p class="meta"><time datetime="{{ $a.Date.Format "2006-01-02T15:04:05-07:00" }}">{{ partial "date_full.html" $a.Date }}</time>{{ if .section }}{{ with $a.CurrentSection }}{{ if not .IsHome }}<span class="sep" aria-hidden="true"> · </span><a class="meta-section" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}{{ end }}</p>
{{ if .summary }}{{ with $a.Params.summary }}<p class="summary">{{ . }}</p>{{ end }}{{ end -}}
</article>
{{- /**/ -}}
"""

PAGER = """\
{{- $pag := . }}
{{- if gt $pag.TotalPages 1 }}
<nav class="pager" aria-label="Phân trang">
  <ul>
    {{- with $pag.Prev }}<li class="pager-step"><a href="{{ .URL }}" rel="prev"><span aria-hidden="true">‹ </span>Trang trước</a></li>{{ end }}
    {{- $cur := $pag.PageNumber }}{{ $last := $pag.TotalPages }}
    {{- $lo := cond (gt $cur 3) (sub $cur 2) 1 }}{{ $hi := cond (lt (add $cur 2) $last) (add $cur 2) $last }}
    {{- if gt $lo 1 }}<li><a href="{{ (index $pag.Pagers 0).URL }}"><span class="visually-hidden">Trang </span>1</a></li>{{ if gt $lo 2 }}<li class="gap" aria-hidden="true">…</li>{{ end }}{{ end }}
    {{- range seq $lo $hi }}
    {{- if eq . $cur }}<li><span class="current" aria-current="page"><span class="visually-hidden">Trang </span>{{ . }}</span></li>
    {{- else }}<li><a href="{{ (index $pag.Pagers (sub . 1)).URL }}"><span class="visually-hidden">Trang </span>{{ . }}</a></li>{{ end }}
    {{- end }}
    {{- if lt $hi $last }}{{ if lt $hi (sub $last 1) }}<li class="gap" aria-hidden="true">…</li>{{ end }}<li><a href="{{ (index $pag.Pagers (sub $last 1)).URL }}"><span class="visually-hidden">Trang </span>{{ $last }}</a></li>{{ end }}
    {{- with $pag.Next }}<li class="pager-step"><a href="{{ .URL }}" rel="next">Trang sau<span aria-hidden="true"> ›</span></a></li>{{ end }}
  </ul>
</nav>
{{- end }}
"""

LISTING = """\
{{- $pag := .pag }}
{{- if $pag.Pages }}
<div class="cards">
{{ range $pag.Pages }}{{ partial "card.html" (dict "a" . "h" 2 "section" $.section "summary" true) }}{{ end }}
</div>
{{- else }}
<p class="empty">Chưa có bài viết.</p>
{{- end }}
{{ partial "pager.html" $pag }}
"""

SINGLE = """\
{{ define "meta" }}
<meta property="og:type" content="article">
<meta property="article:published_time" content="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">
{{ with .CurrentSection }}{{ if not .IsHome }}<meta property="article:section" content="{{ .Title }}">
{{ end }}{{ end -}}
{{ range .Params.tags }}<meta property="article:tag" content="{{ . }}">
{{ end -}}
{{ with .Params.image }}<meta property="og:image" content="{{ $.Permalink }}{{ . }}">
<meta property="og:image:alt" content="{{ $.Title }}">
<meta name="twitter:card" content="summary_large_image">
{{ end -}}
{{ $ld := dict "@context" "https://schema.org" "@type" "NewsArticle" "headline" .Title "description" .Params.summary "datePublished" (.Date.Format "2006-01-02T15:04:05-07:00") "dateModified" (.Lastmod.Format "2006-01-02T15:04:05-07:00") "mainEntityOfPage" (dict "@type" "WebPage" "@id" .Permalink) "url" .Permalink "inLanguage" "vi" "articleSection" .CurrentSection.Title "publisher" (dict "@type" "GovernmentOrganization" "name" site.Title "url" site.BaseURL) -}}
{{ with .Params.author }}{{ $ld = merge $ld (dict "author" (slice (dict "@type" "Person" "name" .))) }}{{ end -}}
{{ with .Params.image }}{{ $ld = merge $ld (dict "image" (slice (printf "%s%s" $.Permalink .))) }}{{ end -}}
<script type="application/ld+json">{{ $ld | jsonify | safeJS }}</script>
{{ end }}
{{ define "main" }}
<div class="article-layout">
<article class="article">
  <header class="article-header">
    <h1>{{ .Title }}</h1>
    <p class="dateline">
      <time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ partial "date_full.html" .Date }}</time>
    </p>
  </header>
  {{ with .Params.summary }}<p class="sapo">{{ . }}</p>{{ end }}
  {{ with .Params.image }}
  <figure class="featured-image">
    <img src="{{ $.RelPermalink }}{{ . }}" alt="{{ $.Title }}" fetchpriority="high" decoding="async">
  </figure>
  {{ end }}
  <div class="prose">{{ .Content }}</div>
  {{ with .Params.author }}<p class="byline"><span class="visually-hidden">Tác giả: </span>{{ . }}</p>{{ end }}
  <p class="print-url">In từ: {{ .Permalink }}</p>
  <footer class="article-footer">
    {{- with .GetTerms "categories" }}
    <div class="terms terms-categories">
      <span class="terms-label">Chuyên mục:</span>
      <ul>{{ range . }}<li><a href="{{ .RelPermalink }}" rel="tag">{{ .LinkTitle }}</a></li>{{ end }}</ul>
    </div>
    {{- end }}
    {{- with .GetTerms "tags" }}
    <div class="terms terms-tags">
      <span class="terms-label">Thẻ:</span>
      <ul>{{ range . }}<li><a href="{{ .RelPermalink }}" rel="tag">{{ .LinkTitle }}</a></li>{{ end }}</ul>
    </div>
    {{- end }}
    {{- with .Resources.ByType "application" }}
    <section class="attachments" aria-labelledby="tep-dinh-kem">
      <h2 id="tep-dinh-kem">Tệp đính kèm</h2>
      <ul>{{ range . }}<li><a href="{{ .RelPermalink }}" download><span class="file-ext" aria-hidden="true">{{ strings.ToUpper (strings.TrimPrefix "." (path.Ext .Name)) }}</span> <span class="file-name">{{ .Name }}</span></a></li>{{ end }}</ul>
    </section>
    {{- end }}
    <div class="tools">
      <button type="button" class="button print-button" hidden><svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path fill="currentColor" d="M6 2h12v6H6zM4 9h16a2 2 0 0 1 2 2v6h-4v5H6v-5H2v-6a2 2 0 0 1 2-2zm4 8v3h8v-5H8zm10-5a1 1 0 1 0 0 2 1 1 0 0 0 0-2z"/></svg> In bài viết</button>
      <p class="share"><span class="share-label">Chia sẻ:</span>
        <a class="button share-facebook" href="https://www.facebook.com/sharer/sharer.php?u={{ .Permalink | urlquery }}">Facebook<span class="visually-hidden"> – Chia sẻ lên Facebook</span></a>
        <a class="button share-zalo" href="https://sp.zalo.me/share_inline?url={{ .Permalink | urlquery }}">Zalo<span class="visually-hidden"> – Chia sẻ lên Zalo</span></a>
      </p>
    </div>
    <p class="month-link"><a href="/luu-tru/{{ .Date.Format "2006-01" }}/">Lưu trữ tháng {{ .Date.Month | int }}/{{ .Date.Year }}</a></p>
  </footer>
</article>
{{- if or .NextInSection .PrevInSection }}
<nav class="article-nav" aria-label="Bài viết cùng chuyên mục">
  <ul>
    {{ with .NextInSection }}<li class="prev"><a href="{{ .RelPermalink }}" rel="prev"><span class="nav-label">Bài trước</span> {{ .Title }}</a></li>{{ end }}
    {{ with .PrevInSection }}<li class="next"><a href="{{ .RelPermalink }}" rel="next"><span class="nav-label">Bài sau</span> {{ .Title }}</a></li>{{ end }}
  </ul>
</nav>
{{- end }}
{{- with first 5 (site.RegularPages.Related .) }}
<section class="related" aria-labelledby="tin-lien-quan">
  <h2 id="tin-lien-quan" class="block-title">Tin liên quan</h2>
  <div class="cards compact">
  {{ range . }}{{ partial "card.html" (dict "a" . "h" 3 "section" false "summary" false) }}{{ end }}
  </div>
</section>
{{- end }}
</div>
{{ end }}
"""

HOME = """\
{{ define "main" }}
{{- $pag := .Paginate site.RegularPages }}
<h1 class="visually-hidden">{{ site.Title }}</h1>
{{ if eq $pag.PageNumber 1 }}{{ with .Content }}<div class="prose home-intro">{{ . }}</div>{{ end }}{{ end }}
<div class="home-columns">
  <section class="latest" aria-labelledby="tin-moi-nhat">
    <h2 id="tin-moi-nhat" class="block-title">Tin mới nhất{{ if gt $pag.PageNumber 1 }} – Trang {{ $pag.PageNumber }}{{ end }}</h2>
    {{ partial "listing.html" (dict "pag" $pag "section" true) }}
  </section>
  <div class="sidebar">
    <section class="side-block" aria-labelledby="luu-tru-gan-day">
      <h2 id="luu-tru-gan-day" class="block-title">Lưu trữ</h2>
      <ul class="month-links">
      {{- $n := 0 }}
      {{- range (index site.Taxonomies "luu-tru").Alphabetical.Reverse }}{{ if and (eq (len .Page.Title) 7) (lt $n 12) }}{{ $n = add $n 1 }}<li><a href="{{ .Page.RelPermalink }}">Tháng {{ int (strings.TrimPrefix "0" (substr .Page.Title 5 2)) }}/{{ substr .Page.Title 0 4 }}</a> <span class="count">{{ .Count }}</span></li>{{ end }}{{ end -}}
      </ul>
      <p class="more"><a href="/luu-tru/">Toàn bộ lưu trữ<span aria-hidden="true"> ›</span></a></p>
    </section>
    <section class="side-block" aria-labelledby="tra-cuu">
      <h2 id="tra-cuu" class="block-title">Tra cứu</h2>
      <ul class="plain-links">
        <li><a href="/the/">Thẻ</a></li><li><a href="/chuyen-muc/">Chuyên mục</a></li>
        <li><a href="/rss.xml">Nhận tin RSS</a></li>
      </ul>
    </section>
  </div>
</div>
{{- if eq $pag.PageNumber 1 }}
<div class="section-blocks">
  {{- range $i, $s := site.Home.Sections.ByTitle }}{{ with first 5 $s.Pages }}
  <section class="section-block" aria-labelledby="muc-{{ add $i 1 }}">
    <h2 id="muc-{{ add $i 1 }}" class="block-title"><a href="{{ $s.RelPermalink }}">{{ $s.Title }}</a></h2>
    {{ partial "card.html" (dict "a" (index . 0) "h" 3 "section" false "summary" true) }}
    <ul class="headlines">{{ range after 1 . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
    <p class="more"><a href="{{ $s.RelPermalink }}">Xem thêm {{ $s.Title }}<span aria-hidden="true"> ›</span></a></p>
  </section>
  {{- end }}{{ end }}
</div>
{{- end }}
{{ end }}
"""

SECTION = """\
{{ define "main" }}
{{- $pag := .Paginate .Pages }}
<header class="page-header">
  <h1>{{ .Title }}{{ if gt $pag.PageNumber 1 }} <span class="page-no">– Trang {{ $pag.PageNumber }}</span>{{ end }}</h1>
  <p class="count">{{ len .Pages }} bài viết</p>
</header>
{{ if eq $pag.PageNumber 1 }}{{ with .Content }}<div class="prose section-intro">{{ . }}</div>{{ end }}{{ end }}
{{ partial "listing.html" (dict "pag" $pag "section" false) }}
{{ with .OutputFormats.Get "rss" }}<p class="feed-link"><a href="{{ .RelPermalink }}">Nhận tin RSS: {{ $.Title }}</a></p>{{ end }}
{{ end }}
"""

TERM = """\
{{ define "main" }}
{{- if and (eq .Data.Plural "luu-tru") (eq (len .Title) 4) }}
{{- /* a year of the date archive: each month with up to 20 articles */}}
{{- $year := .Title }}
<header class="page-header">
  <p class="kicker"><a href="/luu-tru/">Lưu trữ</a></p>
  <h1>Năm {{ $year }}</h1>
  <p class="count">{{ len .Pages }} bài viết</p>
</header>
{{- $months := slice }}
{{- range (index site.Taxonomies "luu-tru").Alphabetical }}{{ if and (eq (len .Page.Title) 7) (hasPrefix .Page.Title $year) }}{{ $months = $months | append . }}{{ end }}{{ end }}
<nav class="month-jump" aria-label="Các tháng">
  <ul class="chips">{{ range $months }}<li><a href="#thang-{{ int (strings.TrimPrefix "0" (substr .Page.Title 5 2)) }}">Tháng {{ int (strings.TrimPrefix "0" (substr .Page.Title 5 2)) }}/{{ $year }}</a></li>{{ end }}</ul>
</nav>
{{ range $months }}{{ $m := int (strings.TrimPrefix "0" (substr .Page.Title 5 2)) }}
<section class="archive-month" aria-labelledby="thang-{{ $m }}">
  <h2 id="thang-{{ $m }}"><a href="{{ .Page.RelPermalink }}">Tháng {{ $m }}/{{ $year }}</a> <span class="count">{{ .Count }} bài viết</span></h2>
  <ul class="dated-list">{{ range first 20 .Pages }}<li><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "02/01/2006" }}</time> <a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
  {{ if gt .Count 20 }}<p class="more"><a href="{{ .Page.RelPermalink }}">Xem tất cả bài tháng {{ $m }}/{{ $year }}<span aria-hidden="true"> ›</span></a></p>{{ end }}
</section>
{{ end }}
{{- else }}
{{- $pag := .Paginate .Pages }}
<header class="page-header">
  <p class="kicker"><a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a></p>
  <h1>{{ .Title }}{{ if gt $pag.PageNumber 1 }} <span class="page-no">– Trang {{ $pag.PageNumber }}</span>{{ end }}</h1>
  <p class="count">{{ len .Pages }} bài viết</p>
</header>
{{ partial "listing.html" (dict "pag" $pag "section" true) }}
{{ with .OutputFormats.Get "rss" }}<p class="feed-link"><a href="{{ .RelPermalink }}">Nhận tin RSS: {{ $.Title }}</a></p>{{ end }}
{{- end }}
{{ end }}
"""

TAXONOMY = """\
{{ define "main" }}
{{- if eq .Data.Plural "luu-tru" }}
<header class="page-header">
  <h1>{{ .Title }}</h1>
  <p class="count">{{ len site.RegularPages }} bài viết</p>
</header>
{{- $terms := .Data.Terms.Alphabetical.Reverse }}
{{- range $terms }}{{ if eq (len .Page.Title) 4 }}{{ $y := .Page.Title }}
<section class="archive-year" aria-labelledby="nam-{{ $y }}">
  <h2 id="nam-{{ $y }}"><a href="{{ .Page.RelPermalink }}">Năm {{ $y }}</a> <span class="count">{{ .Count }} bài viết</span></h2>
  <ul class="month-grid">
    {{ range $terms.Reverse }}{{ if and (eq (len .Page.Title) 7) (hasPrefix .Page.Title $y) }}<li><a href="{{ .Page.RelPermalink }}"><span class="month-name">Tháng {{ int (strings.TrimPrefix "0" (substr .Page.Title 5 2)) }}<span class="visually-hidden">/{{ $y }}</span></span> <span class="count">{{ .Count }} bài viết</span></a></li>{{ end }}{{ end }}
  </ul>
</section>
{{- end }}{{ end }}
{{- else }}
<header class="page-header">
  <h1>{{ .Title }}</h1>
  <p class="count">{{ len .Data.Terms }} mục</p>
</header>
<ul class="chips term-list">
  {{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }} <span class="count"><span class="visually-hidden">(</span>{{ .Count }}<span class="visually-hidden"> bài viết)</span></span></a></li>{{ end }}
</ul>
{{- end }}
{{ end }}
"""

NOT_FOUND = """\
{{ define "main" }}
<header class="page-header">
  <h1>Không tìm thấy trang</h1>
</header>
<p>Trang bạn tìm không có hoặc đã được chuyển đi.</p>
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
body{font-family:system-ui,sans-serif;margin:0;line-height:1.6}
.wrap{max-width:72rem;margin:0 auto;padding:0 1rem}
.menu-list,.chips,.cards{list-style:none;padding:0}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
"""

SITE_JS = """\
document.querySelectorAll('.print-button').forEach(function(b){b.hidden=false;b.onclick=function(){window.print()}});
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


def make_hugo_site(src: str, dst: str, rss_limit: int = 20, search: bool = False,
                   lite: bool = False) -> dict:
    """Create (or recreate) the Hugo project at dst from the bantin site src.

    lite drops related articles and previous/next links from the article
    layout: both grow faster than linearly with the number of articles in
    Hugo (related searches every article sharing a tag; NextInSection scans
    the section), so `lite` shows how much of Hugo's time they take.
    """
    if os.path.exists(dst):
        shutil.rmtree(dst)
    cfg = read_bantin_config(os.path.join(src, "config.yaml"))
    title = cfg.get("title", "Bản tin")
    base_url = cfg.get("base_url", "https://example.org/")
    paginate = int(cfg.get("paginate_by", "20") or 20)
    _write(os.path.join(dst, "hugo.yaml"), HUGO_YAML.format(
        base_url=json.dumps(base_url), title=json.dumps(title, ensure_ascii=False),
        paginate=paginate, rss_limit=rss_limit,
        home_outputs="[html, rss, searchindex]" if search else "[html, rss]"))
    lay = os.path.join(dst, "layouts")
    _write(os.path.join(lay, "baseof.html"), BASEOF)
    single = SINGLE
    if lite:
        single = single.replace("{{- if or .NextInSection .PrevInSection }}", "{{- if false }}")
        single = single.replace("{{- with first 5 (site.RegularPages.Related .) }}",
                                "{{- with slice }}")
    _write(os.path.join(lay, "single.html"), single)
    _write(os.path.join(lay, "home.html"), HOME)
    _write(os.path.join(lay, "section.html"), SECTION)
    _write(os.path.join(lay, "term.html"), TERM)
    _write(os.path.join(lay, "taxonomy.html"), TAXONOMY)
    _write(os.path.join(lay, "404.html"), NOT_FOUND)
    _write(os.path.join(lay, "_partials", "date_full.html"), DATE_FULL)
    _write(os.path.join(lay, "_partials", "card.html"), CARD)
    _write(os.path.join(lay, "_partials", "pager.html"), PAGER)
    _write(os.path.join(lay, "_partials", "listing.html"), LISTING)
    _write(os.path.join(lay, "_markup", "render-link.html"), RENDER_LINK)
    if search:
        _write(os.path.join(lay, "home.searchindex.json"), SEARCH_INDEX)
    _write(os.path.join(dst, "static", "style.css"), STYLE_CSS)
    _write(os.path.join(dst, "static", "site.js"), SITE_JS)

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
