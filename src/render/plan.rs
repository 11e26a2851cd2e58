//! The plan: one list of every file the output will hold — pages, feeds,
//! aliases, sitemaps, robots.txt, stylesheets, static files and bundle
//! files — made before anything is written. Every path in it is a checked
//! [`OutPath`]; one collision check runs over all of it and names both
//! sources; rendering and copying consume it, and nothing writes a file
//! that is not in it.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use unicode_normalization::UnicodeNormalization;

use super::theme::Theme;
use crate::content::kind::Kind;
use crate::diag::{Code, Diagnostic, Output};
use crate::model::paginate::page_count;
use crate::model::urls::page_path;
use crate::model::Site;
use crate::paths::OutPath;
use crate::paths::MARKER;

/// What makes one output file. Jobs are independent, so they run in parallel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    Home(usize),
    Section(usize, usize),
    Article(usize),
    /// A standalone page: index into [`Site::pages`].
    Page(usize),
    TaxonomyIndex(usize),
    Term(usize, usize, usize),
    ArchiveIndex,
    ArchiveYear(usize),
    ArchiveMonth(usize, usize, usize),
    Alias(usize),
    NotFound,
    /// The search page.
    SearchPage,
    /// What a search result shows of article `id` (see [`super::search`]).
    SearchDoc(usize),
    Rss(Feed),
    Atom,
    Sitemap(usize),
    SitemapIndex,
    Robots,
    HighlightCss,
    /// The file that marks the output folder as bantin's own.
    Marker,
    /// A file of `content/` copied as it is: index into [`Site::assets`].
    Asset(usize),
    /// A size of an image, copied from the image cache: index into
    /// [`Site::variants`].
    Variant(usize),
    /// A static file of the site or theme: index into [`Theme::static_files`].
    Static(usize),
}

/// Whose articles an RSS feed lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feed {
    Site,
    Section(usize),
    Term(usize, usize),
}

/// URLs in one sitemap file; the protocol's limit.
pub const SITEMAP_LIMIT: usize = 50_000;

/// A file of the output and the job that makes it.
#[derive(Debug, Clone)]
pub struct Planned {
    pub out: OutPath,
    pub job: Job,
}

impl Job {
    /// Whether the page is listed in the sitemap: every HTML page but
    /// later pages of a listing, redirects and the 404 page.
    pub fn in_sitemap(&self) -> bool {
        match *self {
            Job::Home(n) | Job::Section(_, n) | Job::Term(_, _, n) | Job::ArchiveMonth(_, _, n) => {
                n == 1
            }
            Job::Article(_)
            | Job::Page(_)
            | Job::TaxonomyIndex(_)
            | Job::ArchiveIndex
            | Job::ArchiveYear(_) => true,
            _ => false,
        }
    }

    /// Whether the file is a feed (counted apart from pages).
    pub fn is_feed(&self) -> bool {
        matches!(self, Job::Rss(_) | Job::Atom)
    }

    /// Whether the file is an HTML page rendered from a template.
    pub fn is_page(&self) -> bool {
        !matches!(
            self,
            Job::Rss(_)
                | Job::Atom
                | Job::Sitemap(_)
                | Job::SitemapIndex
                | Job::Robots
                | Job::HighlightCss
                | Job::Marker
                | Job::Asset(_)
                | Job::Variant(_)
                | Job::Static(_)
                | Job::SearchDoc(_)
        )
    }
}

/// The URL path of a job's file inside the site: a page path with a
/// trailing slash (`tin-tuc/trang/2/`) or a file path (`rss.xml`).
pub fn path_of(site: &Site, theme: &Theme, job: Job) -> String {
    let cfg = &site.config;
    let seg = cfg.urls.page.as_str();
    let archive = &cfg.urls.archive;
    match job {
        Job::Home(n) => page_path("", seg, n),
        Job::Section(i, n) => page_path(&site.sections[i].path, seg, n),
        Job::Article(id) => site.articles[id].path.clone(),
        Job::Page(id) => site.pages[id].path.clone(),
        Job::TaxonomyIndex(t) => site.taxonomies[t].path.clone(),
        Job::Term(t, k, n) => page_path(&site.taxonomies[t].terms[k].path, seg, n),
        Job::ArchiveIndex => format!("{archive}/"),
        Job::ArchiveYear(y) => format!("{archive}/{}/", site.archive.years[y].year),
        Job::ArchiveMonth(y, m, n) => {
            page_path(&site.archive.years[y].months[m].path(archive), seg, n)
        }
        Job::Alias(i) => site.aliases[i].file.clone(),
        Job::NotFound => "404.html".into(),
        Job::SearchPage => format!("{}/", cfg.urls.search),
        Job::SearchDoc(id) => super::search::fragment_path(site, id),
        Job::Rss(Feed::Site) => "rss.xml".into(),
        Job::Rss(Feed::Section(i)) => format!("{}rss.xml", site.sections[i].path),
        Job::Rss(Feed::Term(t, k)) => format!("{}rss.xml", site.taxonomies[t].terms[k].path),
        Job::Atom => "atom.xml".into(),
        Job::Sitemap(part) if sitemap_parts(site) > 1 => format!("sitemap-{}.xml", part + 1),
        Job::Sitemap(_) | Job::SitemapIndex => "sitemap.xml".into(),
        Job::Robots => "robots.txt".into(),
        Job::HighlightCss => "highlight.css".into(),
        Job::Marker => MARKER.into(),
        Job::Asset(i) => site.assets[i].out.clone(),
        Job::Variant(i) => site.variants[i].out.clone(),
        Job::Static(i) => theme.static_files[i].path.clone(),
    }
}

/// Number of sitemap files (1 unless the site has over 50,000 URLs).
pub fn sitemap_parts(site: &Site) -> usize {
    sitemap_len(site).div_ceil(SITEMAP_LIMIT).max(1)
}

/// Number of URLs in the sitemap, counted without building the plan.
pub fn sitemap_len(site: &Site) -> usize {
    1 + (site.sections.len() - 1)
        + site.articles.len()
        + site.pages.len()
        + site
            .taxonomies
            .iter()
            .map(|t| 1 + t.terms.len())
            .sum::<usize>()
        + 1
        + site
            .archive
            .years
            .iter()
            .map(|y| 1 + y.months.len())
            .sum::<usize>()
}

/// Every job of the site, in a deterministic order: pages in sitemap
/// order first, then feeds and the other generated files, then copies.
fn jobs(site: &Site, theme: &Theme) -> Vec<Job> {
    let per = site.config.paginate_by;
    let mut jobs = Vec::with_capacity(site.articles.len() * 5 / 4 + 64);
    jobs.extend((1..=page_count(site.articles.len(), per)).map(Job::Home));
    for (i, s) in site.sections.iter().enumerate().skip(1) {
        jobs.extend((1..=page_count(s.articles.len(), per)).map(|n| Job::Section(i, n)));
    }
    jobs.extend((0..site.articles.len()).map(Job::Article));
    jobs.extend((0..site.pages.len()).map(Job::Page));
    for (t, tax) in site.taxonomies.iter().enumerate() {
        jobs.push(Job::TaxonomyIndex(t));
        let per = tax.paginate_by.unwrap_or(per);
        for (k, term) in tax.terms.iter().enumerate() {
            jobs.extend((1..=page_count(term.articles.len(), per)).map(|n| Job::Term(t, k, n)));
        }
    }
    jobs.push(Job::ArchiveIndex);
    for (y, year) in site.archive.years.iter().enumerate() {
        jobs.push(Job::ArchiveYear(y));
        for (m, month) in year.months.iter().enumerate() {
            jobs.extend(
                (1..=page_count(month.articles.len(), per)).map(|n| Job::ArchiveMonth(y, m, n)),
            );
        }
    }
    jobs.extend((0..site.aliases.len()).map(Job::Alias));
    jobs.push(Job::NotFound);
    if site.config.search.enabled {
        jobs.push(Job::SearchPage);
        jobs.extend((0..site.articles.len()).map(Job::SearchDoc));
    }
    jobs.push(Job::Rss(Feed::Site));
    jobs.push(Job::Atom);
    // A section of pages has no news to feed.
    jobs.extend(
        (1..site.sections.len())
            .filter(|&i| site.sections[i].lists != Kind::Page)
            .map(|i| Job::Rss(Feed::Section(i))),
    );
    for (t, tax) in site.taxonomies.iter().enumerate() {
        if tax.feed {
            jobs.extend((0..tax.terms.len()).map(|k| Job::Rss(Feed::Term(t, k))));
        }
    }
    let parts = sitemap_parts(site);
    if parts > 1 {
        jobs.push(Job::SitemapIndex);
    }
    jobs.extend((0..parts).map(Job::Sitemap));
    jobs.push(Job::Robots);
    if site.has_code {
        jobs.push(Job::HighlightCss);
    }
    jobs.push(Job::Marker);
    jobs.extend((0..theme.static_files.len()).map(Job::Static));
    jobs.extend((0..site.assets.len()).map(Job::Asset));
    jobs.extend((0..site.variants.len()).map(Job::Variant));
    jobs
}

/// Who wants a file, as a diagnostic names it: (file shown, line, column,
/// what it is). Generated files have no file of their own.
pub fn owner(site: &Site, theme: &Theme, job: Job) -> (String, usize, usize, Output) {
    let generated = |what: Output| (String::new(), 0, 0, what);
    let of = |file: String, what: fn(String) -> Output| (file.clone(), 0, 0, what(file));
    match job {
        Job::Home(_) => match &site.sections[0].file {
            Some(f) => (
                f.clone(),
                0,
                0,
                Output::Home {
                    file: Some(f.clone()),
                },
            ),
            None => generated(Output::Home { file: None }),
        },
        Job::Section(i, _) => of(site.sections[i].file.clone().unwrap_or_default(), |file| {
            Output::Section { file }
        }),
        Job::Rss(Feed::Section(i)) => {
            of(site.sections[i].file.clone().unwrap_or_default(), |file| {
                Output::SectionFeed { file }
            })
        }
        Job::Article(id) => of(site.articles[id].file(), |file| Output::Article { file }),
        Job::Page(id) => of(site.pages[id].file(), |file| Output::Page { file }),
        Job::Alias(i) => {
            let a = &site.aliases[i];
            let what = Output::Alias {
                alias: a.written.clone(),
                file: a.shown.clone(),
            };
            (a.shown.clone(), a.pos.0, a.pos.1, what)
        }
        Job::TaxonomyIndex(t) => generated(Output::TaxonomyIndex {
            taxonomy: site.taxonomies[t].name.clone(),
        }),
        Job::Term(t, k, _) | Job::Rss(Feed::Term(t, k)) => {
            let tax = &site.taxonomies[t];
            let (taxonomy, term) = (tax.name.clone(), tax.terms[k].name.clone());
            generated(if matches!(job, Job::Rss(_)) {
                Output::TermFeed { taxonomy, term }
            } else {
                Output::Term { taxonomy, term }
            })
        }
        Job::ArchiveIndex | Job::ArchiveYear(_) | Job::ArchiveMonth(..) => {
            generated(Output::Archive {
                path: site.config.urls.archive.clone(),
            })
        }
        Job::NotFound => generated(Output::NotFound),
        Job::SearchPage => generated(Output::SearchPage),
        Job::SearchDoc(id) => generated(Output::SearchDoc {
            file: site.articles[id].file().to_string(),
        }),
        Job::Rss(Feed::Site) => generated(Output::SiteRss),
        Job::Atom => generated(Output::Atom),
        Job::Sitemap(_) | Job::SitemapIndex => generated(Output::Sitemap),
        Job::Robots => generated(Output::Robots),
        Job::HighlightCss => generated(Output::HighlightCss),
        Job::Marker => generated(Output::Marker),
        Job::Asset(i) => of(site.assets[i].shown.clone(), |file| Output::Asset { file }),
        Job::Variant(i) => of(site.variants[i].shown.clone(), |file| Output::Asset {
            file,
        }),
        Job::Static(i) => of(theme.static_files[i].shown.clone(), |file| Output::Static {
            file,
        }),
    }
}

/// Every output path in plan order, with whether a reader would link to
/// it: generated files that no body names (redirects, the marker, image
/// variants, search documents) are never suggested for a broken link.
fn linkable(planned: &[Planned]) -> Vec<(&str, bool)> {
    planned
        .iter()
        .map(|p| {
            let hidden = matches!(
                p.job,
                Job::Alias(_) | Job::Marker | Job::Variant(_) | Job::SearchDoc(_)
            );
            (p.out.as_str(), !hidden)
        })
        .collect()
}

/// Builds the plan of every output file of `site`, or every problem with it:
/// paths that are not valid file names, and paths that two sources want.
pub fn plan(site: &Site, theme: &Theme) -> Result<Vec<Planned>, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut planned = Vec::new();
    for job in jobs(site, theme) {
        let path = path_of(site, theme, job);
        match OutPath::page(&path) {
            Ok(out) => planned.push(Planned { out, job }),
            Err(why) => {
                let (file, l, c, what) = owner(site, theme, job);
                errors.push(Diagnostic::error(
                    file,
                    l,
                    c,
                    Code::BadOutputPath { what, path, why },
                ));
            }
        }
    }
    errors.extend(collisions(site, theme, &planned));
    if errors.is_empty() {
        errors.extend(case_clashes(site, theme, &planned));
    }
    // Site paths of bodies, once every file of the output is known.
    if !site.site_links.is_empty() {
        errors.extend(super::links::check(&site.site_links, &linkable(&planned)));
    }
    if site.config.search.enabled {
        errors.extend(reserved(site, theme, &planned));
    }
    if errors.is_empty() {
        Ok(planned)
    } else {
        Err(errors)
    }
}

/// Files of the site in the search index's folder, which the index fills
/// after the pages are made (its files are not known before).
fn reserved(site: &Site, theme: &Theme, planned: &[Planned]) -> Vec<Diagnostic> {
    let dir = super::search::index_dir(site);
    planned
        .iter()
        .filter(|p| p.out.as_str().starts_with(&dir) && !matches!(p.job, Job::SearchDoc(_)))
        .map(|p| {
            let (file, l, c, what) = owner(site, theme, p.job);
            Diagnostic::error(
                file,
                l,
                c,
                Code::InSearchFolder {
                    what,
                    path: p.out.to_string(),
                    folder: dir.clone(),
                },
            )
        })
        .collect()
}

/// Two paths that differ only in letter case: files, or folders that files
/// need. Windows and macOS keep one of them when the site is copied there,
/// so one is lost (or two folders merge and a link's case no longer
/// matches when the site is copied on to a Linux host). Reported once for
/// each pair of files.
fn case_clashes(site: &Site, theme: &Theme, planned: &[Planned]) -> Vec<Diagnostic> {
    let mut seen: HashMap<String, (&str, usize)> = HashMap::with_capacity(planned.len() * 2);
    let mut pairs = HashSet::new();
    let mut errors = Vec::new();
    for (k, p) in planned.iter().enumerate() {
        for part in p.out.parents().chain(std::iter::once(p.out.as_str())) {
            match seen.entry(fold_case(part)) {
                Entry::Vacant(v) => {
                    v.insert((part, k));
                }
                Entry::Occupied(e) => {
                    let (first, f) = *e.get();
                    if first == part || !pairs.insert((f, k)) {
                        continue;
                    }
                    let (file, l, c, second) = owner(site, theme, planned[k].job);
                    errors.push(Diagnostic::error(
                        file,
                        l,
                        c,
                        Code::CaseCollision {
                            first: owner(site, theme, planned[f].job).3,
                            second,
                            first_path: first.to_string(),
                            second_path: part.to_string(),
                        },
                    ));
                }
            }
        }
    }
    errors
}

/// The key under which case-insensitive file systems find `path`: lower
/// case, composed (macOS also ignores composed vs decomposed marks).
fn fold_case(path: &str) -> String {
    if path.is_ascii() {
        path.to_ascii_lowercase()
    } else {
        path.nfc().collect::<String>().to_lowercase()
    }
}

/// Two sources that want one file, or a file where another source needs a
/// folder. A page path and its `index.html` are one file.
fn collisions(site: &Site, theme: &Theme, planned: &[Planned]) -> Vec<Diagnostic> {
    /// A file's key owner, or the first file that needs the key as a folder.
    #[derive(Clone, Copy)]
    enum Use {
        File(usize),
        Folder,
    }
    let mut uses: HashMap<&str, Use> = HashMap::with_capacity(planned.len() * 2);
    let mut clashes = Vec::new();
    for (k, p) in planned.iter().enumerate() {
        match uses.entry(p.out.as_str()) {
            Entry::Vacant(v) => {
                v.insert(Use::File(k));
            }
            Entry::Occupied(e) => clashes.push((*e.get(), k, false)),
        }
    }
    for (k, p) in planned.iter().enumerate() {
        for dir in p.out.parents() {
            match uses.entry(dir) {
                Entry::Vacant(v) => {
                    v.insert(Use::Folder);
                }
                Entry::Occupied(e) => match *e.get() {
                    Use::File(f) => {
                        clashes.push((Use::File(f), k, true));
                        // Reported once per file.
                        *e.into_mut() = Use::Folder;
                    }
                    Use::Folder => {}
                },
            }
        }
    }
    clashes
        .into_iter()
        .map(|(first, second, folder)| {
            let Use::File(first) = first else {
                unreachable!("clashes start at files")
            };
            let a = owner(site, theme, planned[first].job);
            let b = owner(site, theme, planned[second].job);
            // The diagnostic points at a user's file when one of the two is:
            // the file in the way of a folder, or the later of two claims.
            let (at, other) = if (folder || b.0.is_empty()) && !a.0.is_empty() {
                (&a, &b)
            } else {
                (&b, &a)
            };
            let path = planned[first].out.to_string();
            let code = if folder {
                Code::FileWhereFolder {
                    file: a.3.clone(),
                    folder: b.3.clone(),
                    path,
                }
            } else {
                Code::SameOutput {
                    first: at.3.clone(),
                    second: other.3.clone(),
                    path,
                }
            };
            Diagnostic::error(at.0.clone(), at.1, at.2, code)
        })
        .collect()
}
