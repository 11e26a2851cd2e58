//! Machine-readable files: RSS 2.0, Atom, sitemap and robots.txt, written
//! directly as XML with absolute URLs from `base_url`.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::links::rewrite_links;
use super::plan::{path_of, sitemap_parts, Feed, Job, Planned, SITEMAP_LIMIT};
use super::theme::Theme;
use crate::model::Site;
use crate::vi::text::{clip_words, SHORT_SUMMARY_CHARS};

/// Escapes text for XML content and attributes.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// Body HTML for feeds: links to other articles made absolute.
fn absolute_body(site: &Site, id: usize) -> String {
    // An unreadable file fails the article's own page, which reports it.
    let html = site.article_html(id).map(|(h, _)| h).unwrap_or_default();
    let (links, base) = (&site.articles[id].links, site.config.base());
    // Images as `<picture>`: a reader that knows only `<img>` gets the
    // 960-pixel file, not the camera's original.
    let sizes = &site.config.images.sizes;
    let html = super::picture::body_pictures(&html, links, &site.pictures, &base, sizes);
    rewrite_links(&html, links, &base, false)
}

/// An RSS 2.0 feed of the newest articles of the site, a section or a term.
pub fn rss(site: &Site, feed: Feed, strings: &BTreeMap<String, String>) -> String {
    let cfg = &site.config;
    let base = cfg.base();
    let all: Vec<usize>;
    let word = |key: &str, or: &str| strings.get(key).cloned().unwrap_or_else(|| or.to_string());
    // Section and term feeds describe themselves: "Tin bài thẻ HĐND — SITE".
    let about = |what: String, name: &str| format!("{what} {name} — {}", cfg.title);
    let (title, description, path, ids): (String, String, String, &[usize]) = match feed {
        Feed::Site => {
            all = (0..site.articles.len()).collect();
            let description = if cfg.description.is_empty() {
                cfg.title.clone()
            } else {
                cfg.description.clone()
            };
            (cfg.title.clone(), description, String::new(), &all)
        }
        Feed::Section(i) => {
            let s = &site.sections[i];
            // A section's listing may be sorted by weight; feeds are always newest first.
            let mut ids = s.articles.clone();
            ids.sort_unstable();
            all = ids;
            (
                format!("{} – {}", s.title, cfg.title),
                about(word("feed_section", ""), &s.title),
                s.path.clone(),
                &all,
            )
        }
        Feed::Term(t, k) => {
            let tax = &site.taxonomies[t];
            let term = &tax.terms[k];
            let label = strings
                .get(&tax.name)
                .map_or(tax.name.as_str(), String::as_str);
            let what = word(&format!("feed_{}", tax.name), &word("feed_terms", label));
            (
                format!("{label}: {} – {}", term.name, cfg.title),
                about(what, &term.name),
                term.path.clone(),
                &term.articles,
            )
        }
    };
    let ids = &ids[..ids.len().min(cfg.feed.limit)];
    let mut x = String::with_capacity(1024 + ids.len() * 1024);
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
    let _ = writeln!(x, "<title>{}</title>", xml_escape(&title));
    let _ = writeln!(x, "<link>{}</link>", xml_escape(&format!("{base}{path}")));
    let _ = writeln!(x, "<description>{}</description>", xml_escape(&description));
    let _ = writeln!(x, "<language>{}</language>", cfg.lang.code());
    let _ = writeln!(
        x,
        "<atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>",
        xml_escape(&format!("{base}{path}rss.xml"))
    );
    if let Some(&first) = ids.first() {
        let _ = writeln!(
            x,
            "<lastBuildDate>{}</lastBuildDate>",
            site.articles[first].date.rfc2822()
        );
    }
    for &id in ids {
        let a = &site.articles[id];
        let url = format!("{base}{}", a.path);
        x.push_str("<item>\n");
        let _ = writeln!(x, "<title>{}</title>", xml_escape(&a.title));
        let _ = writeln!(x, "<link>{}</link>", xml_escape(&url));
        let _ = writeln!(x, "<guid isPermaLink=\"true\">{}</guid>", xml_escape(&url));
        let _ = writeln!(x, "<pubDate>{}</pubDate>", a.date.rfc2822());
        let desc = if cfg.feed.full_content {
            absolute_body(site, id)
        } else {
            clip_words(&a.summary, SHORT_SUMMARY_CHARS).into_owned()
        };
        let _ = writeln!(x, "<description>{}</description>", xml_escape(&desc));
        x.push_str("</item>\n");
    }
    x.push_str("</channel>\n</rss>\n");
    x
}

/// The site's Atom feed.
pub fn atom(site: &Site) -> String {
    let cfg = &site.config;
    let base = cfg.base();
    let ids = 0..site.articles.len().min(cfg.feed.limit);
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        x,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        cfg.lang.code()
    );
    let _ = writeln!(x, "<title>{}</title>", xml_escape(&cfg.title));
    let _ = writeln!(x, "<link href=\"{}\"/>", xml_escape(&base));
    let _ = writeln!(
        x,
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        xml_escape(&format!("{base}atom.xml"))
    );
    let _ = writeln!(x, "<id>{}</id>", xml_escape(&base));
    let updated = site.articles.first().map_or_else(
        || "1970-01-01T00:00:00+00:00".to_string(),
        |a| a.updated.unwrap_or(a.date).rfc3339(),
    );
    let _ = writeln!(x, "<updated>{updated}</updated>");
    let _ = writeln!(
        x,
        "<author><name>{}</name></author>",
        xml_escape(if cfg.contact.agency.is_empty() {
            &cfg.title
        } else {
            &cfg.contact.agency
        })
    );
    for id in ids {
        let a = &site.articles[id];
        let url = format!("{base}{}", a.path);
        x.push_str("<entry>\n");
        let _ = writeln!(x, "<title>{}</title>", xml_escape(&a.title));
        let _ = writeln!(x, "<link href=\"{}\"/>", xml_escape(&url));
        let _ = writeln!(x, "<id>{}</id>", xml_escape(&url));
        let _ = writeln!(x, "<published>{}</published>", a.date.rfc3339());
        let _ = writeln!(
            x,
            "<updated>{}</updated>",
            a.updated.unwrap_or(a.date).rfc3339()
        );
        for author in &a.authors {
            let _ = writeln!(x, "<author><name>{}</name></author>", xml_escape(author));
        }
        let _ = writeln!(
            x,
            "<summary>{}</summary>",
            xml_escape(&clip_words(&a.summary, SHORT_SUMMARY_CHARS))
        );
        if cfg.feed.full_content {
            let _ = writeln!(
                x,
                "<content type=\"html\">{}</content>",
                xml_escape(&absolute_body(site, id))
            );
        }
        x.push_str("</entry>\n");
    }
    x.push_str("</feed>\n");
    x
}

/// Page path and last change (RFC 3339) of a page of the sitemap.
fn entry_url(site: &Site, theme: &Theme, job: Job) -> (String, Option<String>) {
    let date = |id: Option<&usize>| id.map(|&i| site.articles[i].date.rfc3339());
    let lastmod = match job {
        Job::Home(_) | Job::ArchiveIndex => date(site.articles.first().map(|_| &0)),
        // Ids are in newest-first order, so the smallest is the newest.
        Job::Section(i, _) => date(site.sections[i].articles.iter().min()),
        Job::Article(i) => {
            let a = &site.articles[i];
            Some(a.updated.unwrap_or(a.date).rfc3339())
        }
        Job::Page(i) => site.pages[i].updated.map(|d| d.rfc3339()),
        Job::Term(t, k, _) => date(site.taxonomies[t].terms[k].articles.first()),
        Job::ArchiveMonth(y, m, _) => date(site.archive.years[y].months[m].articles.first()),
        _ => None,
    };
    (path_of(site, theme, job), lastmod)
}

/// `sitemap.xml`, or part `part` (`sitemap-1.xml`, …) of a large sitemap:
/// the pages of the plan that the sitemap lists.
pub fn sitemap(site: &Site, theme: &Theme, plan: &[Planned], part: usize) -> String {
    let base = site.config.base();
    let chunk: Vec<(String, Option<String>)> = plan
        .iter()
        .filter(|p| p.job.in_sitemap())
        .skip(part * SITEMAP_LIMIT)
        .take(SITEMAP_LIMIT)
        .map(|p| entry_url(site, theme, p.job))
        .collect();
    let mut x = String::with_capacity(chunk.len() * 120 + 200);
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (path, lastmod) in &chunk {
        let _ = write!(
            x,
            "<url><loc>{}</loc>",
            xml_escape(&format!("{base}{}", crate::url::encode_path(path)))
        );
        if let Some(l) = lastmod {
            let _ = write!(x, "<lastmod>{l}</lastmod>");
        }
        x.push_str("</url>\n");
    }
    x.push_str("</urlset>\n");
    x
}

/// `sitemap.xml` as an index of the parts, for sites over 50,000 URLs.
pub fn sitemap_index(site: &Site) -> String {
    let base = site.config.base();
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for n in 1..=sitemap_parts(site) {
        let _ = writeln!(
            x,
            "<sitemap><loc>{}</loc></sitemap>",
            xml_escape(&format!("{base}sitemap-{n}.xml"))
        );
    }
    x.push_str("</sitemapindex>\n");
    x
}

/// `robots.txt` pointing at the sitemap.
pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
        site.config.base()
    )
}
