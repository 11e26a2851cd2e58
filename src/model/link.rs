//! Linking: parsed files → the [`Site`] graph. Pure and deterministic: the
//! same input gives the same site, whatever order files were parsed in.
//!
//! [`link`] is a list of sub-stages, each taking what it needs and
//! returning its part of the site, with the edges it finds: the articles
//! listed in each section, their neighbours, related articles, and what
//! each body links to.

use std::collections::{HashMap, HashSet};

use crate::config::{Config, TaxonomyConfig};
use crate::content::front_matter::terms_in;
use crate::content::{Asset, Body, MdLink, Parsed, SourceFile};
use crate::diag::{Code, Diagnostic, Refusal};
use crate::vi::DateTime;

use super::archive::Archive;
use super::article::{self, ArticleRest};
use super::bundles::{self, attachments, linked_files};
use super::images::Images;
use super::page::{self, PageRest};
use super::publish::{self, Published, Shown};
use super::sections;
use super::targets::{SiteLink, Targets};
use super::taxonomy::{self, Taxonomy};
use super::urls::dir_path;
use super::{Alias, Article, Page, Site};

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

/// Links of a body as parsed, with the errors found in it.
type BodyLinks = (Vec<MdLink>, Vec<(usize, usize, Code)>);

/// Links every parsed file into a site, or returns every error found.
pub fn link(mut input: LinkInput) -> Result<(Site, Published), Vec<Diagnostic>> {
    // Parsed files are consumed: bodies and texts move into the articles
    // rather than being copied, as they are most of the memory.
    let parsed = std::mem::take(&mut input.parsed);
    let input = input;
    let cfg = &input.config;
    let mut errors = Vec::new();

    let shown = Shown {
        drafts: input.drafts,
        future: input.future,
        now: input.now,
    };
    let split = publish::split(parsed, shown, &input.broken, &mut errors);
    let (mut sections, section_of) = sections::tree(cfg, &split.sections);
    let (mut pages, page_rest) = page::records(split.pages, |d| section_of.of(d));
    page::file_in_sections(&pages, &mut sections);
    let (mut articles, rest) =
        article::records(split.articles, |d| section_of.of(d), cfg.offset_minutes);
    let aliases = aliases(&articles, &rest, &pages, &page_rest, &mut errors);
    let (taxonomies, terms) = taxonomies(cfg, &articles, &rest, &mut errors);
    for (a, terms) in articles.iter_mut().zip(terms) {
        a.terms = terms;
    }
    // Of the rest, only featured images and the bodies' links are needed
    // from here on.
    let (bodies, featured) = bodies_and_images(rest);

    let (listed, neighbours) = sections::listings(sections.len(), &articles, cfg.sort_by);
    for (s, list) in sections.iter_mut().zip(listed) {
        s.articles = list;
    }
    for (a, (prev, next)) in articles.iter_mut().zip(neighbours) {
        (a.prev, a.next) = (prev, next);
    }
    sections::sort_children(&mut sections);
    let related = related(cfg, &articles, &taxonomies);
    for (a, related) in articles.iter_mut().zip(related) {
        a.related = related;
    }

    let placed = bundles::place(&input.assets, split.hidden_bundles, &articles, &pages);
    let section_pages: Vec<String> = split
        .sections
        .iter()
        .map(|p| dir_path(p.file.dir()))
        .collect();
    let edges = {
        let pages_of = page_of_rel(&articles, &pages, &split.sections, &section_pages);
        let targets = Targets {
            pages: &pages_of,
            not_published: &split.not_published,
            failed: &split.failed,
            files: &placed.paths,
            statics: &input.static_files,
            refused: &input.refused,
        };
        let bodies = Bodies {
            articles: &articles,
            article_links: &bodies,
            sections: &split.sections,
            section_pages: &section_pages,
            pages: &pages,
            page_rest: &page_rest,
            failed: input.checked.iter().chain(&split.undated).collect(),
        };
        links_of(&targets, &bodies, &mut errors)
    };
    let linked = edges.articles.into_iter().zip(placed.article_files);
    for (a, ((links, files), bundle)) in articles.iter_mut().zip(linked) {
        a.links = links;
        a.attachments = attachments(files, bundle);
    }
    let linked = edges.pages.into_iter().zip(placed.page_files);
    for (p, ((links, files), bundle)) in pages.iter_mut().zip(linked) {
        p.links = links;
        p.attachments = attachments(files, bundle);
    }
    sections::file_links(&mut sections, &split.sections, edges.sections);

    let images = Images {
        files: &placed.paths,
        statics: &input.static_files,
        refused: &input.refused,
    };
    featured_images(
        &images,
        featured,
        &mut articles,
        &mut pages,
        page_rest,
        &mut errors,
    );

    if !errors.is_empty() {
        return Err(errors);
    }
    let has_code = articles.iter().any(|a| a.has_code);
    let archive = Archive::build(articles.iter().map(|a| a.month));
    Ok((
        Site {
            config: input.config.clone(),
            sections,
            articles,
            pages,
            taxonomies,
            archive,
            assets: placed.copied,
            pictures: Default::default(),
            variants: Vec::new(),
            file_sizes: Default::default(),
            aliases,
            site_links: edges.site_links,
            has_code,
            markdown: input.markdown,
        },
        split.stats,
    ))
}

/// Gives each article and page its featured image, if it has one and it is
/// found; one not found is an error.
fn featured_images(
    images: &Images,
    featured: Vec<Featured>,
    articles: &mut [Article],
    pages: &mut [Page],
    page_rest: Vec<PageRest>,
    errors: &mut Vec<Diagnostic>,
) {
    for (id, image, pos) in featured {
        let a = &mut articles[id];
        a.image = images.featured(a.file(), a.source.dir(), &image, pos, errors);
    }
    for (p, r) in pages.iter_mut().zip(page_rest) {
        if let Some(image) = r.image {
            p.image = images.featured(p.file(), p.source.dir(), &image, r.image_pos, errors);
        }
    }
}

/// Old URLs that redirect to each article and page. Whether two sources
/// want one output file is checked once, over the plan of every file, at
/// render.
fn aliases(
    articles: &[Article],
    rest: &[ArticleRest],
    pages: &[Page],
    page_rest: &[PageRest],
    errors: &mut Vec<Diagnostic>,
) -> Vec<Alias> {
    let mut aliases = Vec::new();
    for (a, r) in articles.iter().zip(rest) {
        Alias::push_all(&a.path, a.file(), &r.aliases, &mut aliases, errors);
    }
    for (p, r) in pages.iter().zip(page_rest) {
        Alias::push_all(&p.path, p.file(), &r.aliases, &mut aliases, errors);
    }
    aliases
}

/// The taxonomies, and each article's edges to the terms it is listed
/// under, as (taxonomy index, term index) pairs.
fn taxonomies(
    cfg: &Config,
    articles: &[Article],
    rest: &[ArticleRest],
    errors: &mut Vec<Diagnostic>,
) -> (Vec<Taxonomy>, Vec<Vec<(usize, usize)>>) {
    let mut taxonomies = Vec::new();
    let mut article_terms: Vec<Vec<(usize, usize)>> = vec![Vec::new(); articles.len()];
    let files: Vec<&SourceFile> = articles.iter().map(|a| &a.source).collect();
    for (ti, tcfg) in cfg.taxonomies.iter().enumerate() {
        let uses = uses(tcfg, articles, rest);
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
    (taxonomies, article_terms)
}

/// The `(article id, term as written)` pairs of taxonomy `tcfg`, ids
/// ascending.
fn uses<'a>(
    tcfg: &TaxonomyConfig,
    articles: &'a [Article],
    rest: &'a [ArticleRest],
) -> Vec<(usize, &'a str)> {
    (0..articles.len())
        .flat_map(|id| {
            // An `authors` taxonomy is fed by the `author`/`authors` fields.
            let terms = if tcfg.name == "authors" {
                Some(&articles[id].authors)
            } else {
                terms_in(&rest[id].terms, &tcfg.name)
            };
            terms.into_iter().flatten().map(move |t| (id, t.as_str()))
        })
        .collect()
}

/// Featured image of an article: its id, the image as written, and where.
type Featured = (usize, String, (usize, usize));

/// What is left of the articles' records, split into the bodies' links and
/// the featured images.
fn bodies_and_images(rest: Vec<ArticleRest>) -> (Vec<BodyLinks>, Vec<Featured>) {
    let mut bodies = Vec::with_capacity(rest.len());
    let images = rest
        .into_iter()
        .enumerate()
        .filter_map(|(id, r)| {
            bodies.push((r.links, r.errors));
            r.image.map(|i| (id, i, r.image_pos))
        })
        .collect();
    (bodies, images)
}

/// Each article's related articles: most shared tags, then nearest date.
fn related(cfg: &Config, articles: &[Article], taxonomies: &[Taxonomy]) -> Vec<Vec<usize>> {
    let tag_tax = cfg
        .taxonomies
        .iter()
        .position(|t| t.name == "tags")
        .unwrap_or(0);
    match taxonomies.get(tag_tax) {
        Some(tax) => (0..articles.len())
            .map(|id| taxonomy::related(id, articles, tax, tag_tax))
            .collect(),
        None => vec![Vec::new(); articles.len()],
    }
}

/// Content path of each article, page and section → its site path.
fn page_of_rel<'a>(
    articles: &'a [Article],
    pages: &'a [Page],
    sections: &'a [Parsed],
    section_pages: &'a [String],
) -> HashMap<&'a str, &'a str> {
    articles
        .iter()
        .map(|a| (a.source.rel.as_str(), a.path.as_str()))
        .chain(
            pages
                .iter()
                .map(|p| (p.source.rel.as_str(), p.path.as_str())),
        )
        .chain(
            sections
                .iter()
                .zip(section_pages)
                .map(|(p, path)| (p.file.rel.as_str(), path.as_str())),
        )
        .collect()
}

/// The bodies whose links are resolved.
struct Bodies<'a> {
    articles: &'a [Article],
    article_links: &'a [BodyLinks],
    /// Section files, and the site path of each.
    sections: &'a [Parsed],
    section_pages: &'a [String],
    pages: &'a [Page],
    page_rest: &'a [PageRest],
    /// Files with errors of their own, checked all the same.
    failed: Vec<&'a (SourceFile, Body)>,
}

/// What bodies link to: the targets of their placeholders, and for articles
/// and pages, the files they link to that are attachments.
struct Edges {
    articles: Vec<(Vec<String>, Vec<String>)>,
    sections: Vec<Vec<String>>,
    pages: Vec<(Vec<String>, Vec<String>)>,
    /// Site paths written by hand, to check against the plan.
    site_links: Vec<SiteLink>,
}

/// Resolves the links of every body: to pages, and to files of the site,
/// which must exist. Errors come in the order of articles, sections, pages,
/// then files with errors of their own.
fn links_of(targets: &Targets, b: &Bodies, errors: &mut Vec<Diagnostic>) -> Edges {
    let mut site = Vec::new();
    let article_links: Vec<Vec<String>> = b
        .articles
        .iter()
        .zip(b.article_links)
        .map(|(a, (links, errs))| {
            targets.resolve(&a.source, Some(&a.path), links, errs, errors, &mut site)
        })
        .collect();
    let sections = b
        .sections
        .iter()
        .zip(b.section_pages)
        .map(|(p, path)| {
            let body = &p.body;
            targets.resolve(
                &p.file,
                Some(path),
                &body.links,
                &body.errors,
                errors,
                &mut site,
            )
        })
        .collect();
    let page_links: Vec<Vec<String>> = b
        .pages
        .iter()
        .zip(b.page_rest)
        .map(|(p, r)| {
            targets.resolve(
                &p.source,
                Some(&p.path),
                &r.links,
                &r.errors,
                errors,
                &mut site,
            )
        })
        .collect();
    for (file, body) in &b.failed {
        targets.resolve(file, None, &body.links, &body.errors, errors, &mut site);
    }
    let articles = article_links
        .into_iter()
        .zip(b.article_links)
        .map(|(to, (links, _))| (to, linked_files(targets, links)))
        .collect();
    let pages = page_links
        .into_iter()
        .zip(b.page_rest)
        .map(|(to, r)| (to, linked_files(targets, &r.links)))
        .collect();
    Edges {
        articles,
        sections,
        pages,
        site_links: site,
    }
}
