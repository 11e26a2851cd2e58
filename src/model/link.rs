//! Linking: parsed files → the [`Site`] graph. Pure and deterministic: the
//! same input gives the same site, whatever order files were parsed in.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::config::{Config, SortBy};
use crate::content::{Asset, Parsed, SourceFile, SourceKind};
use crate::diag::{did_you_mean, Diagnostic};
use crate::vi::{compare, DateTime};

use super::archive::{month_in, Archive};
use super::taxonomy;
use super::urls::{alias_file, article_path, dir_path, output_file};
use super::{Article, Section, Site};

/// What the link step needs.
pub struct LinkInput {
    pub config: Config,
    pub parsed: Vec<Parsed>,
    /// Non-Markdown files of `content/`.
    pub assets: Vec<Asset>,
    /// Content paths of files that failed to parse: links to them are not
    /// reported again, their own errors say what is wrong.
    pub broken: HashSet<String>,
    /// Site paths of files from `static/` (site and theme).
    pub static_files: HashSet<String>,
    pub drafts: bool,
    pub future: bool,
    pub now: DateTime,
    pub markdown: crate::content::markdown::MdSettings,
}

/// Fields moved out of a parsed article into its [`Article`].
struct Moved {
    html: Option<String>,
    title: String,
    summary: String,
    extra: serde_json::Value,
}

/// Who writes an output file, named only if another source wants it too.
#[derive(Clone)]
enum Owner {
    Text(String),
    Article(usize),
}

/// Counts of what was left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Published {
    pub drafts: usize,
    pub future: usize,
    pub expired: usize,
}

/// Why an article is not published, if it is not.
fn unpublished(p: &Parsed, input: &LinkInput) -> Option<&'static str> {
    let fm = &p.front;
    if fm.draft && !input.drafts {
        return Some("a draft");
    }
    if fm.date.is_some_and(|d| d > input.now) && !input.future {
        return Some("dated in the future");
    }
    if fm.expiry_date.is_some_and(|d| d <= input.now) {
        return Some("expired");
    }
    None
}

const IMAGE_EXT: &[&str] = &["jpg", "jpeg", "png", "gif", "webp", "svg", "avif"];

fn is_image(path: &str) -> bool {
    path.rsplit_once('.')
        .is_some_and(|(_, e)| IMAGE_EXT.contains(&e.to_ascii_lowercase().as_str()))
}

/// Links every parsed file into a site, or returns every error found.
pub fn link(mut input: LinkInput) -> Result<(Site, Published), Vec<Diagnostic>> {
    // Parsed files are consumed: bodies and texts move into the articles
    // rather than being copied, as they are most of the memory.
    let parsed = std::mem::take(&mut input.parsed);
    let input = input;
    let cfg = &input.config;
    let offset = cfg.timezone_offset().unwrap_or(420);
    let mut errors = Vec::new();
    let mut stats = Published::default();

    // 1. Split sections from articles; leave out what is not published.
    let mut section_files: Vec<Parsed> = Vec::new();
    let mut articles_in: Vec<Parsed> = Vec::new();
    let mut not_published: HashMap<String, &'static str> = HashMap::new();
    // Folders of bundles that are not published: their files are not copied.
    let mut hidden_bundles: Vec<String> = Vec::new();
    for p in parsed {
        if p.file.kind == SourceKind::Section {
            section_files.push(p);
            continue;
        }
        if p.front.date.is_none() {
            errors.push(
                Diagnostic::error(p.file.display(), 1, 1, "missing `date`")
                    .hint("articles need a date: add `date: 2021-10-15 14:00` (or 15/10/2021) to the front matter"),
            );
            continue;
        }
        match unpublished(&p, &input) {
            Some(why) => {
                match why {
                    "a draft" => stats.drafts += 1,
                    "expired" => stats.expired += 1,
                    _ => stats.future += 1,
                }
                if p.file.kind == SourceKind::Bundle {
                    hidden_bundles.push(p.file.dir().to_string());
                }
                not_published.insert(p.file.rel, why);
            }
            None => articles_in.push(p),
        }
    }

    // 2. Articles newest first; ties broken by path so the order is total.
    articles_in.sort_by(|a, b| {
        let (da, db) = (
            a.front.date.expect("checked"),
            b.front.date.expect("checked"),
        );
        db.cmp(&da).then_with(|| a.file.rel.cmp(&b.file.rel))
    });

    // 3. Sections, home first, each with its parent.
    let mut sections = vec![Section {
        dir: String::new(),
        path: String::new(),
        title: cfg.title.clone(),
        summary: cfg.description.clone(),
        html: String::new(),
        links: Vec::new(),
        weight: 0,
        parent: None,
        children: Vec::new(),
        articles: Vec::new(),
        extra: serde_json::Value::Object(Default::default()),
        template: None,
        file: None,
    }];
    section_files.sort_by(|a, b| a.file.rel.cmp(&b.file.rel));
    for p in &section_files {
        let dir = p.file.dir().to_string();
        let s = Section {
            path: dir_path(&dir),
            title: p.front.title.clone(),
            summary: p
                .front
                .summary
                .clone()
                .unwrap_or_else(|| p.body.summary.clone()),
            html: p.body.html.clone(),
            weight: p.front.weight,
            extra: p.front.extra.clone(),
            template: p.front.template.clone(),
            file: Some(p.file.display()),
            ..sections[0].clone()
        };
        if dir.is_empty() {
            sections[0] = Section {
                dir,
                path: String::new(),
                ..s
            };
        } else {
            sections.push(Section { dir, ..s });
        }
    }
    let section_of_dir: HashMap<String, usize> = sections
        .iter()
        .enumerate()
        .map(|(i, s)| (s.dir.clone(), i))
        .collect();
    let nearest = |dir: &str| -> usize {
        let mut d = dir;
        loop {
            if let Some(&i) = section_of_dir.get(d) {
                return i;
            }
            match d.rfind('/') {
                Some(i) => d = &d[..i],
                None => return 0,
            }
        }
    };
    for i in 1..sections.len() {
        let dir = sections[i].dir.clone();
        let parent = nearest(dir.rfind('/').map_or("", |k| &dir[..k]));
        sections[i].parent = Some(parent);
        sections[parent].children.push(i);
    }

    // 4. Article records and their URLs.
    let mut articles: Vec<Article> = articles_in
        .iter_mut()
        .map(|p| {
            let m = Moved {
                summary: p
                    .front
                    .summary
                    .take()
                    .unwrap_or_else(|| std::mem::take(&mut p.body.summary)),
                html: p.body.rendered.then(|| std::mem::take(&mut p.body.html)),
                title: std::mem::take(&mut p.front.title),
                extra: std::mem::take(&mut p.front.extra),
            };
            let date = p.front.date.expect("checked");
            Article {
                path: article_path(
                    &p.file.rel,
                    p.file.kind == SourceKind::Bundle,
                    p.front.slug.as_deref(),
                ),
                title: m.title,
                date,
                updated: p.front.updated,
                authors: p.front.authors.clone(),
                summary: m.summary,
                html: m.html,
                source: p.file.clone(),
                links: Vec::new(),
                terms: Vec::new(),
                section: nearest(p.file.dir()),
                image: None,
                image_caption: p.front.image_caption.clone(),
                pinned: p.front.pinned,
                weight: p.front.weight,
                prev: None,
                next: None,
                related: Vec::new(),
                has_code: p.body.has_code,
                month: month_in(&date, offset),
                template: p.front.template.clone(),
                attachments: Vec::new(),
                extra: m.extra,
            }
        })
        .collect();

    // 5. Two sources must never write the same file.
    // Owners are kept as compact references and named only when two collide,
    // so that a million pages do not cost a million owner strings.
    let mut owners: HashMap<String, Owner> = HashMap::new();
    let mut collisions: Vec<(String, Owner, Owner)> = Vec::new();
    let mut claim = |file: String, owner: Owner, _: &mut Vec<Diagnostic>| match owners.get(&file) {
        Some(prev) => collisions.push((file, prev.clone(), owner)),
        None => {
            owners.insert(file, owner);
        }
    };
    for name in [
        "rss.xml",
        "atom.xml",
        "sitemap.xml",
        "robots.txt",
        "404.html",
    ] {
        claim(name.to_string(), Owner::Text("bantin".into()), &mut errors);
    }
    for root in [cfg.urls.archive.as_str(), cfg.urls.search.as_str()] {
        claim(
            format!("{root}/index.html"),
            Owner::Text(format!("the generated `{root}/` pages")),
            &mut errors,
        );
    }
    for t in &cfg.taxonomies {
        claim(
            format!("{}/index.html", t.path),
            Owner::Text(format!("the generated `{}/` pages", t.path)),
            &mut errors,
        );
    }
    for s in &sections {
        claim(
            output_file(&s.path),
            Owner::Text(s.file.clone().unwrap_or_else(|| "the home page".into())),
            &mut errors,
        );
    }
    for (id, a) in articles.iter().enumerate() {
        claim(output_file(&a.path), Owner::Article(id), &mut errors);
    }
    let mut aliases = Vec::new();
    for (id, p) in articles_in.iter().enumerate() {
        for alias in &p.front.aliases {
            match alias_file(alias) {
                Some(f) => {
                    claim(
                        f.clone(),
                        Owner::Text(format!("alias `{alias}` of {}", p.file.display())),
                        &mut errors,
                    );
                    aliases.push((f, articles[id].path.clone()));
                }
                None => errors.push(
                    Diagnostic::error(
                        p.file.display(),
                        0,
                        0,
                        format!("alias `{alias}` is not a usable path"),
                    )
                    .hint("write old URLs as site paths, like `/tin-cu/123.html`"),
                ),
            }
        }
    }

    // 6. Links between pages.
    let page_of_rel: HashMap<&str, String> = articles_in
        .iter()
        .zip(&articles)
        .map(|(p, a)| (p.file.rel.as_str(), a.path.clone()))
        .chain(
            section_files
                .iter()
                .map(|p| (p.file.rel.as_str(), dir_path(p.file.dir()))),
        )
        .collect();
    let resolve_links = |p: &Parsed, errors: &mut Vec<Diagnostic>| -> Vec<String> {
        for (l, c, m, h) in &p.body.errors {
            errors.push(Diagnostic::error(p.file.display(), *l, *c, m.clone()).hint(h.clone()));
        }
        p.body
            .links
            .iter()
            .map(|l| match page_of_rel.get(l.target.as_str()) {
                Some(path) => format!("{path}{}", l.fragment),
                None if input.broken.contains(&l.target) => String::new(),
                None => {
                    let d = Diagnostic::error(p.file.display(), l.line, l.column, match not_published.get(l.target.as_str()) {
                        Some(why) => format!("link to `{}`, which is {why} and not published", l.target),
                        None => format!("link to `{}`, which does not exist in content/", l.target),
                    });
                    let known = page_of_rel.keys().copied().chain(not_published.keys().map(String::as_str));
                    let d = match did_you_mean(&l.target, known) {
                        Some(s) if !not_published.contains_key(l.target.as_str()) => d.hint(format!("did you mean `{s}`? Paths are relative to the linking file's folder")),
                        _ => d.hint("fix the path (relative to this file's folder) or remove the link"),
                    };
                    errors.push(d);
                    String::new()
                }
            })
            .collect()
    };
    for (id, p) in articles_in.iter().enumerate() {
        articles[id].links = resolve_links(p, &mut errors);
    }
    for p in &section_files {
        let links = resolve_links(p, &mut errors);
        let display = p.file.display();
        if let Some(s) = sections
            .iter_mut()
            .find(|s| s.file.as_deref() == Some(display.as_str()))
        {
            s.links = links;
        }
    }

    // 7. Taxonomies.
    let files: Vec<&SourceFile> = articles_in.iter().map(|p| &p.file).collect();
    let mut taxonomies = Vec::new();
    for (ti, tcfg) in cfg.taxonomies.iter().enumerate() {
        let uses: Vec<(usize, &str)> = articles_in
            .iter()
            .enumerate()
            .flat_map(|(id, p)| {
                // An `authors` taxonomy is fed by the `author`/`authors` fields.
                let terms = if tcfg.name == "authors" {
                    Some(&p.front.authors)
                } else {
                    p.front.terms_of(&tcfg.name)
                };
                terms.into_iter().flatten().map(move |t| (id, t.as_str()))
            })
            .collect();
        match taxonomy::group(tcfg, &uses, &files, &cfg.term_slugs) {
            Ok((tax, idx)) => {
                for ((id, _), term) in uses.iter().zip(idx) {
                    if !articles[*id].terms.contains(&(ti, term)) {
                        articles[*id].terms.push((ti, term));
                    }
                }
                for t in &tax.terms {
                    claim(
                        output_file(&t.path),
                        Owner::Text(format!("{} `{}`", tcfg.name, t.name)),
                        &mut errors,
                    );
                }
                taxonomies.push(tax);
            }
            Err(e) => errors.extend(e),
        }
    }

    // 8. Section listings and prev/next by date within the section.
    for (id, a) in articles.iter().enumerate() {
        sections[a.section].articles.push(id);
    }
    for s in &sections {
        for (k, &id) in s.articles.iter().enumerate() {
            let later = k.checked_sub(1).map(|j| s.articles[j]);
            let earlier = s.articles.get(k + 1).copied();
            articles[id].next = later;
            articles[id].prev = earlier;
        }
    }
    match cfg.sort_by {
        SortBy::Date => {}
        SortBy::Weight => {
            for s in &mut sections {
                s.articles.sort_by_key(|&id| (articles[id].weight, id));
            }
        }
        SortBy::Title => {
            for s in &mut sections {
                s.articles.sort_by(|&a, &b| {
                    compare(&articles[a].title, &articles[b].title).then(a.cmp(&b))
                });
            }
        }
    }
    sections
        .iter_mut()
        .for_each(|s| s.children.sort_by_key(|&c| c));
    let weights: Vec<(i64, String)> = sections
        .iter()
        .map(|s| (s.weight, s.title.clone()))
        .collect();
    for s in &mut sections {
        s.children.sort_by(|&a, &b| {
            weights[a]
                .0
                .cmp(&weights[b].0)
                .then_with(|| compare(&weights[a].1, &weights[b].1))
        });
    }

    // 9. Related articles: most shared tags, then nearest date.
    let tag_tax = cfg
        .taxonomies
        .iter()
        .position(|t| t.name == "tags")
        .unwrap_or(0);
    if let Some(tax) = taxonomies.get(tag_tax) {
        for id in 0..articles.len() {
            articles[id].related = related(id, &articles, tax, tag_tax);
        }
    }

    // 10. Files: bundle assets beside their article, the rest by folder.
    let mut bundle_dirs: HashMap<String, Option<usize>> = HashMap::new();
    for dir in hidden_bundles {
        bundle_dirs.insert(dir, None);
    }
    for (id, p) in articles_in.iter().enumerate() {
        if p.file.kind == SourceKind::Bundle {
            bundle_dirs.insert(p.file.dir().to_string(), Some(id));
        }
    }
    let mut assets = Vec::new();
    let mut content_asset_paths: HashMap<&str, String> = HashMap::new();
    for asset in &input.assets {
        let (dir, name) = asset
            .rel
            .rsplit_once('/')
            .unwrap_or(("", asset.rel.as_str()));
        // The nearest enclosing bundle owns the file.
        let mut d = dir;
        let mut owner = None;
        loop {
            if let Some(o) = bundle_dirs.get(d) {
                owner = Some((d, *o));
                break;
            }
            match d.rfind('/') {
                Some(i) => d = &d[..i],
                None => break,
            }
        }
        let out = match owner {
            Some((_, None)) => continue, // the bundle is not published
            Some((bdir, Some(id))) => {
                let rest = &asset.rel[bdir.len()..].trim_start_matches('/');
                let out = format!("{}{rest}", articles[id].path);
                if !is_image(rest) {
                    articles[id].attachments.push(out.clone());
                }
                out
            }
            None => format!("{}{name}", dir_path(dir)),
        };
        claim(
            out.clone(),
            Owner::Text(format!("content/{}", asset.rel)),
            &mut errors,
        );
        content_asset_paths.insert(asset.rel.as_str(), out.clone());
        assets.push((asset.path.clone(), out));
    }

    // 11. Featured images: beside the article, in content/, or in static/.
    for (id, p) in articles_in.iter().enumerate() {
        let Some(image) = &p.front.image else {
            continue;
        };
        let found = if image.starts_with("http://") || image.starts_with("https://") {
            Some(image.clone())
        } else {
            let trimmed = image.trim_start_matches('/');
            crate::content::markdown::resolve(p.file.dir(), image)
                .and_then(|rel| content_asset_paths.get(rel.as_str()).cloned())
                .or_else(|| {
                    input
                        .static_files
                        .contains(trimmed)
                        .then(|| trimmed.to_string())
                })
        };
        match found {
            Some(path) => articles[id].image = Some(path),
            None => {
                let (l, c) = p.front.image_pos;
                errors.push(
                    Diagnostic::error(p.file.display(), l, c, format!("image `{image}` not found"))
                        .hint("put the image beside the article (as a bundle: `bai-viet/index.md` + `bai-viet/anh.jpg`) or in static/"),
                );
            }
        }
    }

    let name = |o: &Owner| match o {
        Owner::Text(t) => t.clone(),
        Owner::Article(id) => articles[*id].file(),
    };
    for (file, prev, owner) in collisions {
        let (prev, owner) = (name(&prev), name(&owner));
        errors.push(
            Diagnostic::error(
                owner.clone(),
                0,
                0,
                format!("`{owner}` and `{prev}` would both write `{file}`"),
            )
            .hint("give one of them a different `slug` in its front matter, or rename the file"),
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let has_code = articles.iter().any(|a| a.has_code);
    let archive = Archive::build(articles.iter().map(|a| a.month));
    assets.sort_by(|a, b| a.1.cmp(&b.1));
    Ok((
        Site {
            config: input.config.clone(),
            sections,
            articles,
            taxonomies,
            archive,
            assets,
            aliases,
            has_code,
            markdown: input.markdown,
        },
        stats,
    ))
}

/// Up to five articles sharing the most tags with `id`, nearest in date first.
/// Only a window of each tag's list around the article is scanned, so a tag on
/// half of all articles costs the same as a rare one.
fn related(id: usize, articles: &[Article], tax: &super::Taxonomy, ti: usize) -> Vec<usize> {
    const WINDOW: usize = 12;
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for &(t, term) in &articles[id].terms {
        if t != ti {
            continue;
        }
        let list = &tax.terms[term].articles;
        let pos = list.binary_search(&id).unwrap_or_else(|p| p);
        for &other in &list[pos.saturating_sub(WINDOW)..(pos + WINDOW + 1).min(list.len())] {
            if other != id {
                *counts.entry(other).or_insert(0) += 1;
            }
        }
    }
    let ts = articles[id].date.timestamp();
    let mut cands: Vec<(usize, usize)> = counts.into_iter().collect();
    cands.sort_by_key(|&(other, n)| {
        (
            std::cmp::Reverse(n),
            (articles[other].date.timestamp() - ts).abs(),
            other,
        )
    });
    cands.into_iter().take(5).map(|(o, _)| o).collect()
}
