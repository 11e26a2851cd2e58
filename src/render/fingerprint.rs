//! What each file of the plan is made from, folded into one number: when
//! two builds give a file the same fingerprint, they give it the same
//! bytes. `serve` renders again only the files whose fingerprint changed,
//! so saving one article remakes its page, its neighbours' and the
//! listings and feeds it shows in, not the whole site.
//!
//! A fingerprint must cover everything [`super::pages`] and
//! [`super::feeds`] read for that file. Whatever a template can show of
//! another article goes through its card's fingerprint; the article's own
//! text goes through the hash of its source file. Files that are few and
//! cheap, or that depend on the whole site (sitemap, archive years, the
//! taxonomy indexes), have none and are always made again. The integration
//! test `incremental` checks, after random edits of a generated site, that
//! the result equals a full build byte for byte.

use std::hash::{DefaultHasher, Hash, Hasher};

use rayon::prelude::*;

use super::plan::{Feed, Job, Planned};
use super::site_view::site_view;
use super::theme::Theme;
use crate::content::kind::Kind;
use crate::model::paginate::{page, page_count};
use crate::model::Site;

/// Fingerprints of the files of `plan`, in plan order; `None` for the files
/// that are made again on every build.
pub fn fingerprints(site: &Site, theme: &Theme, plan: &[Planned]) -> Vec<Option<u64>> {
    let f = Fingerprinter::new(site, theme);
    plan.par_iter()
        .with_min_len(64)
        .map(|p| f.of(p.job))
        .collect()
}

struct Fingerprinter<'a> {
    site: &'a Site,
    /// For the sizes of attached files of `static/`.
    /// What every page shows of the site (menu, identity, taxonomies).
    global: u64,
    /// Fingerprint of each article's card, as listings show it.
    cards: Vec<u64>,
    home: Vec<usize>,
    pinned: usize,
}

/// What kind of file a job makes, without the positions of articles and
/// terms in the site's lists: they shift when an article or a term is added
/// before them, while the file's content (hashed apart) stays the same.
fn key(job: Job) -> String {
    match job {
        Job::Home(n) => format!("home {n}"),
        Job::Section(_, n) => format!("section {n}"),
        Job::Article(_) => "article".into(),
        Job::Term(t, _, n) => format!("term {t} {n}"),
        Job::ArchiveMonth(_, _, n) => format!("month {n}"),
        Job::Alias(_) => "alias".into(),
        Job::SearchDoc(_) => "search doc".into(),
        Job::Rss(Feed::Term(t, _)) => format!("term feed {t}"),
        job => format!("{job:?}"),
    }
}

/// The sizes of the images among `paths` (featured images and link
/// targets): a page shows them in its `<picture>`s.
fn pictures<'s>(site: &Site, paths: impl Iterator<Item = &'s String>, h: &mut DefaultHasher) {
    for p in paths {
        site.pictures
            .get(crate::render::picture::target_path(p).as_ref())
            .hash(h);
    }
}

/// A hasher seeded with what kind of file it is for.
fn start(kind: &str, global: u64) -> DefaultHasher {
    let mut h = DefaultHasher::new();
    kind.hash(&mut h);
    global.hash(&mut h);
    h
}

impl<'a> Fingerprinter<'a> {
    fn new(site: &'a Site, theme: &'a Theme) -> Self {
        let view =
            serde_json::to_string(&site_view(site, theme, |k| theme.string(k))).unwrap_or_default();
        let mut h = DefaultHasher::new();
        view.hash(&mut h);
        let cards = site
            .articles
            .par_iter()
            .map(|a| {
                let mut h = DefaultHasher::new();
                (&a.title, &a.path, a.date.rfc3339(), &a.summary).hash(&mut h);
                (&a.image, a.pinned).hash(&mut h);
                a.image.as_ref().map(|i| site.pictures.get(i)).hash(&mut h);
                if a.section != 0 {
                    let s = &site.sections[a.section];
                    (&s.title, &s.path).hash(&mut h);
                }
                h.finish()
            })
            .collect();
        Fingerprinter {
            site,
            global: h.finish(),
            cards,
            home: site.home_articles(),
            pinned: site.articles.iter().filter(|a| a.pinned).count(),
        }
    }

    fn cards_of(&self, ids: &[usize], h: &mut DefaultHasher) {
        ids.len().hash(h);
        for &i in ids {
            self.cards[i].hash(h);
        }
    }

    /// Titles and paths from home down to section `s`.
    fn trail(&self, mut s: usize, h: &mut DefaultHasher) {
        while s != 0 {
            let sec = &self.site.sections[s];
            (&sec.title, &sec.path).hash(h);
            s = sec.parent.unwrap_or(0);
        }
    }

    fn term(&self, t: usize, k: usize, h: &mut DefaultHasher) {
        let term = &self.site.taxonomies[t].terms[k];
        (&term.name, &term.path, term.articles.len()).hash(h);
    }

    fn of(&self, job: Job) -> Option<u64> {
        let site = self.site;
        let per = site.config.paginate_by;
        let mut h = start(&key(job), self.global);
        match job {
            Job::Home(n) => {
                let ids = &self.home;
                ids.len().hash(&mut h);
                page_count(ids.len(), per).hash(&mut h);
                self.cards_of(page(ids, per, n), &mut h);
                let home = &site.sections[0];
                (&home.html, &home.links).hash(&mut h);
                if n == 1 {
                    self.cards_of(&ids[..self.pinned], &mut h);
                    for &c in &home.children {
                        let s = &site.sections[c];
                        if s.lists != Kind::Page {
                            (&s.title, &s.path).hash(&mut h);
                            self.cards_of(&s.articles[..s.articles.len().min(5)], &mut h);
                        }
                    }
                }
                // The latest months, on every page of the home listing.
                for m in site.archive.months().take(12) {
                    (m.year, m.month, m.articles.len()).hash(&mut h);
                }
            }
            Job::Section(i, n) if site.sections[i].lists != Kind::Page => {
                let s = &site.sections[i];
                (&s.title, &s.summary, &s.html, &s.links, &s.path).hash(&mut h);
                pictures(site, s.links.iter(), &mut h);
                (&s.template, s.articles.len()).hash(&mut h);
                s.extra.to_string().hash(&mut h);
                self.trail(i, &mut h);
                for &c in &s.children {
                    let c = &site.sections[c];
                    (&c.title, &c.path, c.articles.len()).hash(&mut h);
                }
                page_count(s.articles.len(), per).hash(&mut h);
                self.cards_of(page(&s.articles, per, n), &mut h);
            }
            Job::Article(id) => {
                let a = &site.articles[id];
                (a.source_hash, &a.path, &a.links, &a.image, a.image_size).hash(&mut h);
                pictures(site, a.image.iter().chain(&a.links), &mut h);
                (&a.attachments, &a.template, a.section).hash(&mut h);
                // The page shows the size of each attached file.
                for p in &a.attachments {
                    super::pages::attachments::size_of(site, p).hash(&mut h);
                }
                self.trail(a.section, &mut h);
                for &(t, k) in &a.terms {
                    t.hash(&mut h);
                    self.term(t, k, &mut h);
                }
                for n in [a.prev, a.next] {
                    n.map(|i| self.cards[i]).hash(&mut h);
                }
                self.cards_of(&a.related, &mut h);
            }
            Job::Term(t, k, n) => {
                let tax = &site.taxonomies[t];
                (&tax.name, &tax.path, tax.feed).hash(&mut h);
                self.term(t, k, &mut h);
                let ids = &tax.terms[k].articles;
                let per = tax.paginate_by.unwrap_or(per);
                page_count(ids.len(), per).hash(&mut h);
                self.cards_of(page(ids, per, n), &mut h);
            }
            Job::ArchiveMonth(y, m, n) => {
                let month = &site.archive.years[y].months[m];
                (month.year, month.month).hash(&mut h);
                // The months before and after, for the links to them.
                let all: Vec<_> = site.archive.months().collect();
                let k = all
                    .iter()
                    .position(|x| x.year == month.year && x.month == month.month);
                for j in [k.and_then(|k| k.checked_sub(1)), k.map(|k| k + 1)] {
                    j.and_then(|j| all.get(j))
                        .map(|o| (o.year, o.month))
                        .hash(&mut h);
                }
                // The page says how many articles the month has.
                month.articles.len().hash(&mut h);
                page_count(month.articles.len(), per).hash(&mut h);
                self.cards_of(page(&month.articles, per, n), &mut h);
            }
            Job::Alias(i) => site.aliases[i].target.hash(&mut h),
            Job::SearchDoc(id) => {
                // Its number, counted from the oldest, is in its path.
                let a = &site.articles[id];
                (a.source_hash, &a.path, a.section).hash(&mut h);
                (&a.title, &a.summary, a.summary_from_body).hash(&mut h);
                let s = &site.sections[a.section];
                s.title.hash(&mut h);
                for &(t, k) in &a.terms {
                    self.term(t, k, &mut h);
                }
            }
            Job::Rss(feed) => self.feed(feed, &mut h),
            // Made from settings and the theme alone, which a full rebuild follows.
            Job::Robots | Job::HighlightCss | Job::Marker => {}
            // Few, cheap, or made from the whole site: always made again.
            Job::Section(..)
            | Job::Page(_)
            | Job::TaxonomyIndex(_)
            | Job::ArchiveIndex
            | Job::ArchiveYear(_)
            | Job::NotFound
            | Job::SearchPage
            | Job::Atom
            | Job::Sitemap(_)
            | Job::SitemapIndex
            | Job::Asset(_)
            | Job::Variant(_)
            | Job::Static(_) => return None,
        }
        Some(h.finish())
    }

    /// The articles an RSS feed lists, as the feed shows them.
    fn feed(&self, feed: Feed, h: &mut DefaultHasher) {
        let site = self.site;
        let mut section_ids;
        let ids: &[usize] = match feed {
            Feed::Site => {
                section_ids = (0..site.articles.len()).collect::<Vec<_>>();
                &section_ids
            }
            Feed::Section(i) => {
                let s = &site.sections[i];
                (&s.title, &s.path).hash(h);
                section_ids = s.articles.clone();
                section_ids.sort_unstable();
                &section_ids
            }
            Feed::Term(t, k) => {
                site.taxonomies[t].name.hash(h);
                self.term(t, k, h);
                &site.taxonomies[t].terms[k].articles
            }
        };
        let ids = &ids[..ids.len().min(site.config.feed.limit)];
        ids.len().hash(h);
        for &i in ids {
            let a = &site.articles[i];
            (&a.title, &a.path, a.date.rfc3339(), &a.summary).hash(h);
            if site.config.feed.full_content {
                (a.source_hash, &a.links).hash(h);
                pictures(site, a.links.iter(), h);
            }
        }
    }
}
