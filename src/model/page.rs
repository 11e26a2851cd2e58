//! Pages: standalone content (Giới thiệu, Liên hệ) outside every listing,
//! feed and archive, reached from the menu, their section and the sitemap.

use std::cmp::Ordering;

use crate::content::{MdLink, Parsed, SourceFile, SourceKind};
use crate::vi::{compare, DateTime};

use super::urls::article_path;
use super::{clean_title, Section};

/// A published page.
#[derive(Debug, Clone)]
pub struct Page {
    /// URL path: `gioi-thieu/`, `gioi-thieu/thuong-truc-hdnd/`.
    pub path: String,
    pub title: String,
    pub summary: String,
    pub updated: Option<DateTime>,
    /// Body HTML; links to other pages are `bantin-link:N` placeholders.
    pub html: String,
    /// Targets of the placeholders.
    pub links: Vec<String>,
    pub weight: i64,
    /// The section the page is in (0: the content root).
    pub section: usize,
    pub source: SourceFile,
    /// Featured image: a site path or an absolute URL.
    pub image: Option<String>,
    pub image_caption: Option<String>,
    pub image_alt: Option<String>,
    pub template: Option<String>,
    /// Attached files, as for an article ([`super::Article::attachments`]).
    pub attachments: Vec<String>,
    pub extra: serde_json::Value,
}

impl Page {
    /// `content/gioi-thieu.md`, for diagnostics.
    pub fn file(&self) -> String {
        self.source.display()
    }
}

/// What linking still needs of a parsed page once its record is built.
pub struct PageRest {
    pub aliases: Vec<(String, (usize, usize))>,
    pub links: Vec<MdLink>,
    pub errors: Vec<(usize, usize, crate::diag::Code)>,
    pub image: Option<String>,
    pub image_pos: (usize, usize),
}

/// Page records from parsed page files, in page order (by `weight`, then
/// title); `section_of` gives the section of a content folder.
pub fn records(
    parsed: Vec<Parsed>,
    section_of: impl Fn(&str) -> usize,
) -> (Vec<Page>, Vec<PageRest>) {
    let mut both: Vec<(Page, PageRest)> = parsed
        .into_iter()
        .map(|p| {
            let fm = p.front.into_page();
            let path = article_path(
                &p.file.rel,
                p.file.kind == SourceKind::Bundle,
                fm.slug.as_deref(),
            );
            // A bundle's folder is the page: its section is the one above.
            let dir = match p.file.kind {
                SourceKind::Bundle => p.file.dir().rsplit_once('/').map_or("", |(d, _)| d),
                _ => p.file.dir(),
            };
            let page = Page {
                section: section_of(dir),
                path,
                title: clean_title(fm.title),
                summary: fm.summary.unwrap_or(p.body.summary),
                updated: fm.updated,
                html: p.body.html,
                links: Vec::new(),
                weight: fm.weight,
                source: p.file,
                image: None,
                image_caption: fm.image_caption,
                image_alt: fm.image_alt,
                template: fm.template,
                attachments: Vec::new(),
                extra: fm.extra,
            };
            let rest = PageRest {
                aliases: fm.aliases,
                links: p.body.links,
                errors: p.body.errors,
                image: fm.image,
                image_pos: fm.image_pos,
            };
            (page, rest)
        })
        .collect();
    both.sort_by(|a, b| by_weight_then_title(&a.0, &b.0));
    both.into_iter().unzip()
}

/// Order of pages: by `weight`, then by title in Vietnamese order.
pub fn by_weight_then_title(a: &Page, b: &Page) -> Ordering {
    a.weight
        .cmp(&b.weight)
        .then_with(|| compare(&a.title, &b.title))
        .then_with(|| a.path.cmp(&b.path))
}

/// Lists each page in its section, in page order.
pub fn file_in_sections(pages: &[Page], sections: &mut [Section]) {
    for (id, p) in pages.iter().enumerate() {
        sections[p.section].pages.push(id);
    }
}
