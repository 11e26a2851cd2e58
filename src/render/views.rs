//! Borrowed, serialisable views of the site for templates. Listing pages
//! build only the cards they show, so a page costs its own items only.

use serde::Serialize;

use crate::model::{Article, Site};

/// An article as listings show it.
#[derive(Serialize)]
pub struct Card<'a> {
    pub title: &'a str,
    pub path: &'a str,
    /// Prints as RFC 3339; format with the `date_full`/`date_short`/`date_long` filters.
    pub date: minijinja::Value,
    /// Cut to about 300 characters.
    pub summary: std::borrow::Cow<'a, str>,
    pub image: Option<&'a str>,
    /// The image at the sizes a card needs (see [`super::picture::view`]).
    pub picture: Option<super::picture::PictureView<'a>>,
    pub section: Option<Crumb<'a>>,
    pub pinned: bool,
}

/// A titled link: breadcrumbs, menus, sections.
#[derive(Serialize, Clone)]
pub struct Crumb<'a> {
    pub title: std::borrow::Cow<'a, str>,
    pub path: std::borrow::Cow<'a, str>,
}

impl<'a> Crumb<'a> {
    pub fn new(
        title: impl Into<std::borrow::Cow<'a, str>>,
        path: impl Into<std::borrow::Cow<'a, str>>,
    ) -> Self {
        Crumb {
            title: title.into(),
            path: path.into(),
        }
    }
}

/// A taxonomy term as a link with its count.
#[derive(Serialize)]
pub struct TermRef<'a> {
    pub name: &'a str,
    pub path: &'a str,
    pub count: usize,
}

/// Pagination of a listing.
#[derive(Serialize)]
pub struct Pager {
    pub current: usize,
    pub total: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    /// Page numbers to show; `None` is an ellipsis.
    pub pages: Vec<Option<PageNum>>,
}

#[derive(Serialize)]
pub struct PageNum {
    pub number: usize,
    pub path: String,
}

impl Pager {
    pub fn new(base: &str, segment: &str, current: usize, total: usize) -> Pager {
        let p = |n| crate::model::urls::page_path(base, segment, n);
        Pager {
            current,
            total,
            prev: (current > 1).then(|| p(current - 1)),
            next: (current < total).then(|| p(current + 1)),
            pages: crate::model::paginate::window(current, total)
                .into_iter()
                .map(|n| {
                    n.map(|n| PageNum {
                        number: n,
                        path: p(n),
                    })
                })
                .collect(),
        }
    }
}

/// The card of article `id`.
pub fn card(site: &Site, id: usize) -> Card<'_> {
    let a: &Article = &site.articles[id];
    let s = &site.sections[a.section];
    Card {
        title: &a.title,
        path: &a.path,
        date: super::env::date_value(a.date),
        summary: crate::vi::text::clip_words(&a.summary, crate::vi::text::SHORT_SUMMARY_CHARS),
        image: a.image.as_deref(),
        picture: super::picture::view(site, a.image.as_deref(), 480),
        section: (a.section != 0).then(|| Crumb::new(s.title.as_str(), s.path.as_str())),
        pinned: a.pinned,
    }
}

/// Cards of a list of ids.
pub fn cards<'a>(site: &'a Site, ids: &[usize]) -> Vec<Card<'a>> {
    ids.iter().map(|&id| card(site, id)).collect()
}

/// Breadcrumbs from home down to section `s` (inclusive).
pub fn section_trail<'a>(site: &'a Site, home: &'a str, mut s: usize) -> Vec<Crumb<'a>> {
    let mut trail = Vec::new();
    while s != 0 {
        let sec = &site.sections[s];
        trail.push(Crumb::new(sec.title.as_str(), sec.path.as_str()));
        s = sec.parent.unwrap_or(0);
    }
    trail.push(Crumb::new(home, ""));
    trail.reverse();
    trail
}
