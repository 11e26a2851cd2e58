//! Kinds of content files, the front-matter keys each accepts, and the
//! front matter of sections and pages as their own types, made from the
//! checked front matter.
//!
//! One front-matter grammar is read for every file, then checked against
//! the keys of the file's kind, so that a key of another kind is reported
//! with the kind it belongs to rather than silently ignored. A new kind
//! (legal documents, bulletin editions) is a new variant here with its key
//! list and its front-matter type, plus its model and plan modules.

use std::collections::HashSet;

use super::walk::{SourceFile, SourceKind};
use crate::vi::DateTime;

/// The front matter of a section's `_index.md`.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionFront {
    pub title: String,
    pub summary: Option<String>,
    /// What the section's files are.
    pub lists: Kind,
    pub weight: i64,
    pub template: Option<String>,
    pub extra: serde_json::Value,
}

/// The front matter of a page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageFront {
    pub title: String,
    pub summary: Option<String>,
    pub updated: Option<DateTime>,
    pub weight: i64,
    pub slug: Option<String>,
    /// Old URLs, each with its line and column.
    pub aliases: Vec<(String, (usize, usize))>,
    pub template: Option<String>,
    pub image: Option<String>,
    pub image_pos: (usize, usize),
    pub image_caption: Option<String>,
    pub image_alt: Option<String>,
    pub draft: bool,
    pub extra: serde_json::Value,
}

pub use crate::diag::Kind;

/// What the walk and the sections tell about a file before it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// The kind is known from where the file is.
    Is(Kind),
    /// A file directly in `content/`: a page, unless it has a `date:`, which
    /// keeps it an article of the home page as in sites made before pages.
    PageUnlessDated,
}

const ARTICLE_KEYS: &[&str] = &[
    "title",
    "date",
    "updated",
    "author",
    "authors",
    "summary",
    "tags",
    "categories",
    "taxonomies",
    "image",
    "image_caption",
    "image_alt",
    "draft",
    "slug",
    "aliases",
    "pinned",
    "expiry_date",
    "weight",
    "template",
    "extra",
];

const SECTION_KEYS: &[&str] = &["title", "summary", "kind", "weight", "template", "extra"];

const PAGE_KEYS: &[&str] = &[
    "title",
    "summary",
    "updated",
    "weight",
    "slug",
    "aliases",
    "template",
    "image",
    "image_caption",
    "image_alt",
    "draft",
    "extra",
];

/// Every key of every kind: an article's, and the section's `kind`.
pub fn all_keys() -> impl Iterator<Item = &'static str> + Clone {
    ARTICLE_KEYS.iter().copied().chain(["kind"])
}

/// Whether some kind has `key`.
pub fn is_known(key: &str) -> bool {
    all_keys().any(|k| k == key)
}

impl Kind {
    /// The front-matter keys a file of this kind accepts.
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            Kind::Article => ARTICLE_KEYS,
            Kind::Section => SECTION_KEYS,
            Kind::Page => PAGE_KEYS,
        }
    }
}

/// The kind of file whose front matter has `key`, when the file at hand
/// may not: an article's key first, then a section's.
pub fn owner(key: &str) -> Option<Kind> {
    if ARTICLE_KEYS.contains(&key) {
        Some(Kind::Article)
    } else if SECTION_KEYS.contains(&key) {
        Some(Kind::Section)
    } else {
        None
    }
}

/// What the files of a section are, from `kind:` in its `_index.md`.
pub fn section_kind(value: &str) -> Option<Kind> {
    match value {
        "articles" => Some(Kind::Article),
        "pages" => Some(Kind::Page),
        _ => None,
    }
}

/// What the file `f` is expected to be, from the folders of sections
/// (`section_dirs`) and those whose `_index.md` says `kind: pages`.
pub fn expect_of(
    f: &SourceFile,
    section_dirs: &HashSet<String>,
    page_sections: &HashSet<String>,
) -> Expect {
    if f.kind == SourceKind::Section {
        return Expect::Is(Kind::Section);
    }
    // The nearest section above the file decides; sub-folders without
    // `_index.md` (years, bundles) are transparent.
    let mut d = f.dir();
    while !d.is_empty() {
        if section_dirs.contains(d) {
            return Expect::Is(if page_sections.contains(d) {
                Kind::Page
            } else {
                Kind::Article
            });
        }
        d = d.rfind('/').map_or("", |i| &d[..i]);
    }
    if page_sections.contains("") {
        return Expect::Is(Kind::Page);
    }
    let at_root = match f.kind {
        SourceKind::Bundle => !f.dir().contains('/'),
        _ => f.dir().is_empty(),
    };
    if at_root {
        Expect::PageUnlessDated
    } else {
        Expect::Is(Kind::Article)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn where_a_file_is_tells_what_it_is() {
        let file = |rel: &str, kind| SourceFile {
            path: rel.into(),
            rel: rel.into(),
            kind,
        };
        let sections: HashSet<String> = ["tin-tuc", "gioi-thieu"].map(String::from).into();
        let pages: HashSet<String> = ["gioi-thieu".to_string()].into();
        let of = |rel, kind| expect_of(&file(rel, kind), &sections, &pages);
        assert_eq!(
            of("lien-he.md", SourceKind::Article),
            Expect::PageUnlessDated
        );
        assert_eq!(
            of("so-do/index.md", SourceKind::Bundle),
            Expect::PageUnlessDated
        );
        assert_eq!(
            of("2021/a.md", SourceKind::Article),
            Expect::Is(Kind::Article)
        );
        assert_eq!(
            of("tin-tuc/2021/a.md", SourceKind::Article),
            Expect::Is(Kind::Article)
        );
        assert_eq!(
            of("gioi-thieu/ban.md", SourceKind::Article),
            Expect::Is(Kind::Page)
        );
        assert_eq!(
            of("gioi-thieu/so-do/index.md", SourceKind::Bundle),
            Expect::Is(Kind::Page)
        );
        assert_eq!(
            of("gioi-thieu/_index.md", SourceKind::Section),
            Expect::Is(Kind::Section)
        );
    }

    #[test]
    fn every_kind_key_is_known() {
        for k in [Kind::Article, Kind::Section, Kind::Page] {
            for key in k.keys() {
                assert!(is_known(key), "{key}");
            }
        }
    }

    #[test]
    fn foreign_keys_name_their_kind() {
        let hint = |kind: Kind, key: &str| {
            owner(key).map(|owner| {
                crate::diag::Code::ForeignKey {
                    key: key.to_string(),
                    kind,
                    owner: Some(owner),
                }
                .text(crate::lang::Lang::En)
                .hint
                .unwrap()
            })
        };
        let h = hint(Kind::Section, "tags").unwrap();
        assert!(
            h.starts_with("`tags` is for articles; a section's `_index.md` cannot have `tags`"),
            "{h}"
        );
        let h = hint(Kind::Page, "date").unwrap();
        assert!(h.contains("pages have no date"), "{h}");
        let h = hint(Kind::Article, "kind").unwrap();
        assert!(h.starts_with("`kind` is for sections"), "{h}");
        assert_eq!(hint(Kind::Article, "tag"), None);
    }

    #[test]
    fn section_kinds() {
        assert_eq!(section_kind("pages"), Some(Kind::Page));
        assert_eq!(section_kind("articles"), Some(Kind::Article));
        assert_eq!(section_kind("page"), None);
    }
}
