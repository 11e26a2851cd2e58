//! Linking: parsed files → the [`Site`] graph. Pure and deterministic: the
//! same input gives the same site, whatever order files were parsed in.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::config::{Config, SortBy};
use crate::content::front_matter::terms_in;
use crate::content::kind::Kind;
use crate::content::markdown::LinkKind;
use crate::content::{Asset, Body, MdLink, Parsed, SourceFile, SourceKind};
use crate::diag::{Code, Diagnostic, Refusal, Unpublished};
use crate::vi::{compare, DateTime};

use super::archive::{month_in, Archive};
use super::attachment;
use super::page;
use super::targets::Targets;
use super::taxonomy;
use super::urls::{article_path, dir_path};
use super::{Alias, Article, Copied, Section, Site};

/// What the link step needs.
pub struct LinkInput {
    pub config: Config,
    pub parsed: Vec<Parsed>,
    /// Non-Markdown files of `content/`.
    pub assets: Vec<Asset>,
    /// Content paths of files that failed to parse: links to them are not
    /// reported again, their own errors say what is wrong.
    pub broken: HashSet<String>,
    /// Files that failed to parse, whose bodies are checked all the same.
    pub checked: Vec<(SourceFile, Body)>,
    /// Site paths of files from `static/` (site and theme).
    pub static_files: HashSet<String>,
    /// Files of `content/` and `static/` that are not published, as
    /// `content/PATH` and `static/PATH`, with why: a link to one, or a
    /// featured image, is an error that says so.
    pub refused: HashMap<String, Refusal>,
    pub drafts: bool,
    pub future: bool,
    pub now: DateTime,
    pub markdown: crate::content::markdown::MdSettings,
}

/// What the later steps of linking need of a parsed article once its
/// record is built.
struct Rest {
    aliases: Vec<(String, (usize, usize))>,
    links: Vec<MdLink>,
    errors: Vec<(usize, usize, crate::diag::Code)>,
    image: Option<String>,
    image_pos: (usize, usize),
    terms: Vec<(Cow<'static, str>, Vec<String>)>,
}

/// Counts of what was left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Published {
    pub drafts: usize,
    pub future: usize,
    pub expired: usize,
}

/// Why an article is not published, if it is not.
fn unpublished(p: &Parsed, input: &LinkInput) -> Option<Unpublished> {
    let fm = &p.front;
    if fm.draft && !input.drafts {
        return Some(Unpublished::Draft);
    }
    if fm.date.is_some_and(|d| d > input.now) && !input.future {
        return Some(Unpublished::Future);
    }
    if fm.expiry_date.is_some_and(|d| d <= input.now) {
        return Some(Unpublished::Expired);
    }
    None
}

/// Whether a file of a bundle is an image, not an attachment. The walk
/// published no picture under another kind of file's name, so the name
/// tells it here.
fn is_image(path: &str) -> bool {
    crate::media::sniff::has_image_extension(path)
}

/// A title as readers see it: doubled and invisible spaces, pasted from
/// Word or a web page, would show or split words in listings and feeds.
pub(super) fn clean_title(title: String) -> String {
    match crate::vi::text::clean_label(&title) {
        Cow::Borrowed(_) => title,
        Cow::Owned(clean) => clean,
    }
}

/// The article or page a bundle's folder belongs to.
#[derive(Clone, Copy)]
enum Owner {
    Article(usize),
    Page(usize),
}

/// The files of `links` that are attachments (site paths), in the
/// body's order; those that do not exist are reported elsewhere.
fn linked_files(targets: &Targets, links: &[MdLink]) -> Vec<String> {
    links
        .iter()
        .filter(|l| l.kind == LinkKind::File)
        .filter_map(|l| targets.file_path(l))
        .filter(|p| attachment::is_attachment(p))
        .collect()
}

/// The attachments of an article or page (site paths): the files its body
/// links to, `linked`, then the other files of its bundle, `bundle`, by
/// name; each file once.
fn attachments(linked: Vec<String>, mut bundle: Vec<String>) -> Vec<String> {
    let mut list: Vec<String> = Vec::with_capacity(linked.len() + bundle.len());
    for path in linked {
        if !list.contains(&path) {
            list.push(path);
        }
    }
    bundle.sort_by(|a, b| compare(a, b).then_with(|| a.cmp(b)));
    for path in bundle {
        if !list.contains(&path) {
            list.push(path);
        }
    }
    list
}

/// Links every parsed file into a site, or returns every error found.
pub fn link(mut input: LinkInput) -> Result<(Site, Published), Vec<Diagnostic>> {
    // Parsed files are consumed: bodies and texts move into the articles
    // rather than being copied, as they are most of the memory.
    let parsed = std::mem::take(&mut input.parsed);
    let input = input;
    let cfg = &input.config;
    let offset = cfg.offset_minutes;
    let mut errors = Vec::new();
    let mut stats = Published::default();

    // 1. Split sections from articles; leave out what is not published.
    let mut section_files: Vec<Parsed> = Vec::new();
    let mut articles_in: Vec<Parsed> = Vec::new();
    let mut pages_in: Vec<Parsed> = Vec::new();
    let mut not_published: HashMap<String, Unpublished> = HashMap::new();
    // Folders of bundles that are not published: their files are not copied.
    let mut hidden_bundles: Vec<String> = Vec::new();
    // Files with an error of their own: those that failed to parse, and
    // articles without a date (whose bodies are checked with the rest).
    let mut failed: HashSet<String> = input.broken.clone();
    let mut undated: Vec<(SourceFile, Body)> = Vec::new();
    for p in parsed {
        if p.file.kind == SourceKind::Section {
            section_files.push(p);
            continue;
        }
        if p.front.kind == Kind::Page {
            if p.front.draft && !input.drafts {
                stats.drafts += 1;
                if p.file.kind == SourceKind::Bundle {
                    hidden_bundles.push(p.file.dir().to_string());
                }
                not_published.insert(p.file.rel, Unpublished::Draft);
            } else {
                pages_in.push(p);
            }
            continue;
        }
        if p.front.date.is_none() {
            errors.push(Diagnostic::error(p.file.display(), 1, 1, Code::MissingDate));
            // Its links are checked all the same, and links to it are not
            // called broken: the missing date is what to fix.
            failed.insert(p.file.rel.clone());
            undated.push((p.file, p.body));
            continue;
        }
        match unpublished(&p, &input) {
            Some(why) => {
                match why {
                    Unpublished::Draft => stats.drafts += 1,
                    Unpublished::Expired => stats.expired += 1,
                    Unpublished::Future => stats.future += 1,
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
        lists: Kind::Article,
        pages: Vec::new(),
        extra: serde_json::Value::Object(Default::default()),
        template: None,
        file: None,
    }];
    section_files.sort_by(|a, b| a.file.rel.cmp(&b.file.rel));
    for p in &section_files {
        let dir = p.file.dir().to_string();
        let front = p.front.section();
        let s = Section {
            path: dir_path(&dir),
            title: clean_title(front.title),
            summary: front.summary.unwrap_or_else(|| p.body.summary.clone()),
            html: p.body.html.clone(),
            weight: front.weight,
            extra: front.extra,
            template: front.template,
            lists: front.lists,
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

    let (mut pages, page_rest) = page::records(pages_in, nearest);
    page::file_in_sections(&pages, &mut sections);

    // 4. Article records and their URLs. Parsed files are consumed one by
    // one (the list's buffer is reused for the records); what later steps
    // still need of each moves into `rest`, which is dropped before the end.
    let mut rest: Vec<Rest> = Vec::with_capacity(articles_in.len());
    let mut articles: Vec<Article> = articles_in
        .into_iter()
        .map(|p| {
            let date = p.front.date.expect("checked");
            let path = article_path(
                &p.file.rel,
                p.file.kind == SourceKind::Bundle,
                p.front.slug.as_deref(),
            );
            rest.push(Rest {
                aliases: p
                    .front
                    .aliases
                    .into_iter()
                    .zip(p.front.aliases_pos)
                    .collect(),
                links: p.body.links,
                errors: p.body.errors,
                image: p.front.image,
                image_pos: p.front.image_pos,
                terms: p.front.terms,
            });
            Article {
                section: nearest(p.file.dir()),
                path,
                title: clean_title(p.front.title),
                date,
                updated: p.front.updated,
                authors: p.front.authors,
                summary_from_body: p.front.summary.is_none(),
                summary: p.front.summary.unwrap_or(p.body.summary),
                lead: p.body.lead,
                html: p.body.rendered.then_some(p.body.html),
                source: p.file,
                source_hash: p.source_hash,
                links: Vec::new(),
                terms: Vec::new(),
                image: None,
                image_size: None,
                image_caption: p.front.image_caption,
                image_alt: p.front.image_alt,
                pinned: p.front.pinned,
                draft: p.front.draft,
                weight: p.front.weight,
                prev: None,
                next: None,
                related: Vec::new(),
                has_code: p.body.has_code,
                month: month_in(&date, offset),
                template: p.front.template,
                attachments: Vec::new(),
                extra: p.front.extra,
            }
        })
        .collect();

    // 5. Old URLs that redirect here. Whether two sources want one output
    // file is checked once, over the plan of every file, at render.
    let mut aliases = Vec::new();
    for (a, r) in articles.iter().zip(&rest) {
        Alias::push_all(&a.path, a.file(), &r.aliases, &mut aliases, &mut errors);
    }
    for (p, r) in pages.iter().zip(&page_rest) {
        Alias::push_all(&p.path, p.file(), &r.aliases, &mut aliases, &mut errors);
    }

    // 7. Taxonomies.
    let mut taxonomies = Vec::new();
    let mut article_terms: Vec<Vec<(usize, usize)>> = vec![Vec::new(); articles.len()];
    {
        let files: Vec<&SourceFile> = articles.iter().map(|a| &a.source).collect();
        for (ti, tcfg) in cfg.taxonomies.iter().enumerate() {
            let uses: Vec<(usize, &str)> = (0..articles.len())
                .flat_map(|id| {
                    // An `authors` taxonomy is fed by the `author`/`authors` fields.
                    let terms = if tcfg.name == "authors" {
                        Some(&articles[id].authors)
                    } else {
                        terms_in(&rest[id].terms, &tcfg.name)
                    };
                    terms.into_iter().flatten().map(move |t| (id, t.as_str()))
                })
                .collect();
            match taxonomy::group(tcfg, &uses, &files, &cfg.term_slugs) {
                Ok((tax, idx)) => {
                    for ((id, _), term) in uses.iter().zip(idx) {
                        if !article_terms[*id].contains(&(ti, term)) {
                            article_terms[*id].push((ti, term));
                        }
                    }
                    taxonomies.push(tax);
                }
                Err(e) => errors.extend(e),
            }
        }
    }
    for (a, terms) in articles.iter_mut().zip(article_terms) {
        a.terms = terms;
    }
    // Of the rest, only featured images and the bodies' links are needed
    // from here on.
    let mut bodies = Vec::with_capacity(rest.len());
    let images: Vec<(usize, String, (usize, usize))> = rest
        .into_iter()
        .enumerate()
        .filter_map(|(id, r)| {
            bodies.push((r.links, r.errors));
            r.image.map(|i| (id, i, r.image_pos))
        })
        .collect();
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
            articles[id].related = taxonomy::related(id, &articles, tax, tag_tax);
        }
    }

    // 10. Files: bundle assets beside their article or page, the rest by folder.
    // A bundle's files go under its URL; its article or page also lists them.
    let mut bundle_dirs: HashMap<String, Option<(String, Owner)>> = HashMap::new();
    for dir in hidden_bundles {
        bundle_dirs.insert(dir, None);
    }
    for (id, a) in articles.iter().enumerate() {
        if a.source.kind == SourceKind::Bundle {
            bundle_dirs.insert(
                a.source.dir().to_string(),
                Some((a.path.clone(), Owner::Article(id))),
            );
        }
    }
    for (id, p) in pages.iter().enumerate() {
        if p.source.kind == SourceKind::Bundle {
            bundle_dirs.insert(
                p.source.dir().to_string(),
                Some((p.path.clone(), Owner::Page(id))),
            );
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
                owner = Some((d, o.as_ref()));
                break;
            }
            match d.rfind('/') {
                Some(i) => d = &d[..i],
                None => break,
            }
        }
        let out = match owner {
            Some((_, None)) => continue, // the bundle is not published
            Some((bdir, Some((path, owner)))) => {
                let rest = &asset.rel[bdir.len()..].trim_start_matches('/');
                let out = format!("{path}{rest}");
                if !is_image(rest) {
                    match *owner {
                        Owner::Article(id) => articles[id].attachments.push(out.clone()),
                        Owner::Page(id) => pages[id].attachments.push(out.clone()),
                    }
                }
                out
            }
            None => format!("{}{name}", dir_path(dir)),
        };
        content_asset_paths.insert(asset.rel.as_str(), out.clone());
        assets.push(Copied {
            src: asset.path.clone(),
            out,
            shown: format!("content/{}", asset.rel),
        });
    }

    // 10b. Links of bodies: to pages, and to files of the site, which must exist.
    let mut site_links = Vec::new();
    let section_pages: Vec<String> = section_files
        .iter()
        .map(|p| dir_path(p.file.dir()))
        .collect();
    let (article_links, section_links, page_links, article_files, page_files) = {
        let page_of_rel: HashMap<&str, &str> = articles
            .iter()
            .map(|a| (a.source.rel.as_str(), a.path.as_str()))
            .chain(
                pages
                    .iter()
                    .map(|p| (p.source.rel.as_str(), p.path.as_str())),
            )
            .chain(
                section_files
                    .iter()
                    .zip(&section_pages)
                    .map(|(p, path)| (p.file.rel.as_str(), path.as_str())),
            )
            .collect();
        let targets = Targets {
            pages: &page_of_rel,
            not_published: &not_published,
            failed: &failed,
            files: &content_asset_paths,
            statics: &input.static_files,
            refused: &input.refused,
        };
        let sl = &mut site_links;
        let article_links: Vec<Vec<String>> = articles
            .iter()
            .zip(&bodies)
            .map(|(a, (links, errs))| {
                targets.resolve(&a.source, Some(&a.path), links, errs, &mut errors, sl)
            })
            .collect();
        let section_links: Vec<Vec<String>> = section_files
            .iter()
            .zip(&section_pages)
            .map(|(p, path)| {
                let b = &p.body;
                targets.resolve(&p.file, Some(path), &b.links, &b.errors, &mut errors, sl)
            })
            .collect();
        let page_links: Vec<Vec<String>> = pages
            .iter()
            .zip(&page_rest)
            .map(|(p, r)| {
                targets.resolve(
                    &p.source,
                    Some(&p.path),
                    &r.links,
                    &r.errors,
                    &mut errors,
                    sl,
                )
            })
            .collect();
        // Files with errors of their own are checked all the same.
        for (file, body) in input.checked.iter().chain(&undated) {
            targets.resolve(file, None, &body.links, &body.errors, &mut errors, sl);
        }
        let article_files: Vec<Vec<String>> = bodies
            .iter()
            .map(|(links, _)| linked_files(&targets, links))
            .collect();
        let page_files: Vec<Vec<String>> = page_rest
            .iter()
            .map(|r| linked_files(&targets, &r.links))
            .collect();
        (
            article_links,
            section_links,
            page_links,
            article_files,
            page_files,
        )
    };
    for (a, linked) in articles.iter_mut().zip(article_files) {
        a.attachments = attachments(linked, std::mem::take(&mut a.attachments));
    }
    for (p, linked) in pages.iter_mut().zip(page_files) {
        p.attachments = attachments(linked, std::mem::take(&mut p.attachments));
    }
    for (p, links) in pages.iter_mut().zip(page_links) {
        p.links = links;
    }
    for (a, links) in articles.iter_mut().zip(article_links) {
        a.links = links;
    }
    for (p, links) in section_files.iter().zip(section_links) {
        let display = p.file.display();
        if let Some(s) = sections
            .iter_mut()
            .find(|s| s.file.as_deref() == Some(display.as_str()))
        {
            s.links = links;
        }
    }

    // 11. Featured images: beside the article, in content/, or in static/.
    let find_image = |dir: &str, image: &str| -> Option<String> {
        if image.starts_with("http://") || image.starts_with("https://") {
            return Some(image.to_string());
        }
        let trimmed = image.trim_start_matches('/');
        crate::content::markdown::resolve(dir, image)
            .and_then(|rel| content_asset_paths.get(rel.as_str()).cloned())
            .or_else(|| {
                input
                    .static_files
                    .contains(trimmed)
                    .then(|| trimmed.to_string())
            })
    };
    let not_found = |file: String, (l, c): (usize, usize), dir: &str, image: &str| {
        // Not found, or found and not published.
        let refused = crate::content::markdown::resolve(dir, image)
            .map(|rel| format!("content/{rel}"))
            .into_iter()
            .chain(std::iter::once(format!(
                "static/{}",
                image.trim_start_matches('/')
            )))
            .find_map(|p| input.refused.get(&p));
        let code = match refused {
            Some(why) => Code::NotPublishedTarget {
                written: image.to_string(),
                image: true,
                why: why.clone(),
            },
            None => Code::ImageNotFound {
                image: image.to_string(),
            },
        };
        Diagnostic::error(file, l, c, code)
    };
    for (id, image, pos) in images {
        match find_image(articles[id].source.dir(), &image) {
            Some(path) => articles[id].image = Some(path),
            None => {
                let dir = articles[id].source.dir();
                errors.push(not_found(articles[id].file(), pos, dir, &image))
            }
        }
    }
    for (p, r) in pages.iter_mut().zip(page_rest) {
        if let Some(image) = r.image {
            match find_image(p.source.dir(), &image) {
                Some(path) => p.image = Some(path),
                None => errors.push(not_found(p.file(), r.image_pos, p.source.dir(), &image)),
            }
        }
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    let has_code = articles.iter().any(|a| a.has_code);
    let archive = Archive::build(articles.iter().map(|a| a.month));
    assets.sort_by(|a, b| a.out.cmp(&b.out));
    Ok((
        Site {
            config: input.config.clone(),
            sections,
            articles,
            pages,
            taxonomies,
            archive,
            assets,
            pictures: Default::default(),
            variants: Vec::new(),
            file_sizes: Default::default(),
            aliases,
            site_links,
            has_code,
            markdown: input.markdown,
        },
        stats,
    ))
}
