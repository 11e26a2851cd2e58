//! The site graph: sections, articles, taxonomies and the date archive,
//! linked in one pure, deterministic step with no I/O.
//!
//! Article ids are indexes into [`Site::articles`], which is sorted newest
//! first; every list of ids kept in ascending order is therefore a list in
//! newest-first order, and merging or paginating lists never re-sorts them.

pub mod archive;
mod article;
pub mod attachment;
mod bundles;
mod images;
mod link;
pub mod page;
pub mod paginate;
mod publish;
mod sections;
mod targets;
pub mod taxonomy;
pub mod urls;

use crate::config::Config;
use crate::vi::DateTime;

pub use archive::{Archive, Month, Year};
pub use link::{link, LinkInput};
pub use page::Page;
pub use publish::Published;
pub use targets::SiteLink;
pub use taxonomy::{Taxonomy, Term};

/// The whole site, immutable once linked.
#[derive(Debug)]
pub struct Site {
    pub config: Config,
    /// `sections[0]` is the home page (the content root).
    pub sections: Vec<Section>,
    pub articles: Vec<Article>,
    /// Standalone pages, in page order (by `weight`, then title).
    pub pages: Vec<Page>,
    pub taxonomies: Vec<Taxonomy>,
    pub archive: Archive,
    /// Files of `content/` copied as they are, sorted by output path.
    pub assets: Vec<Copied>,
    /// Images offered at several sizes, by the site path of the image as
    /// written (`tin-tuc/a/anh-1.jpg`); filled after linking.
    pub pictures: std::collections::HashMap<String, Picture>,
    /// The files of those sizes, copied from the image cache.
    pub variants: Vec<Copied>,
    /// Size in bytes of each attached file, by site path; measured after
    /// linking, so that rendering does no I/O.
    pub file_sizes: std::collections::HashMap<String, u64>,
    /// Redirect pages from old URLs.
    pub aliases: Vec<Alias>,
    /// Site paths written by hand in bodies, checked against the plan.
    pub site_links: Vec<SiteLink>,
    pub has_code: bool,
    /// How bodies are rendered, for those rendered again at render time.
    pub markdown: crate::content::markdown::MdSettings,
}

/// A title as readers see it: doubled and invisible spaces, pasted from
/// Word or a web page, would show or split words in listings and feeds.
fn clean_title(title: String) -> String {
    match crate::vi::text::clean_label(&title) {
        std::borrow::Cow::Borrowed(_) => title,
        std::borrow::Cow::Owned(clean) => clean,
    }
}

/// A file of `content/` that is copied to the output as it is.
#[derive(Debug, Clone)]
pub struct Copied {
    pub src: std::path::PathBuf,
    /// Site path of the copy: `tin-tuc/a/anh-1.jpg`.
    pub out: String,
    /// `content/tin-tuc/a/anh-1.jpg`, for diagnostics.
    pub shown: String,
}

/// An image offered to browsers at several sizes (`<picture>`, `srcset`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Picture {
    /// Size of the largest variant, upright: the image's shape for
    /// `width`/`height`, so the page does not move as it loads.
    pub width: u32,
    pub height: u32,
    /// Every variant, widths ascending, WebP first for each width.
    pub variants: Vec<Variant>,
}

/// One size and format of a [`Picture`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub format: crate::media::encode::Format,
    /// Site path: `tin-tuc/a/anh-1-480w.webp`.
    pub out: String,
}

impl Picture {
    /// Variants of one format, widths ascending.
    pub fn of(&self, format: crate::media::encode::Format) -> impl Iterator<Item = &Variant> {
        self.variants.iter().filter(move |v| v.format == format)
    }

    /// The format for browsers without WebP: JPEG, or PNG for images
    /// with transparency.
    pub fn fallback(&self) -> crate::media::encode::Format {
        use crate::media::encode::Format;
        self.variants
            .iter()
            .map(|v| v.format)
            .find(|&f| f != Format::Webp)
            .unwrap_or(Format::Webp)
    }

    /// The fallback variant for `src`: the widest not wider than `width`,
    /// else the narrowest.
    pub fn src(&self, width: u32) -> &Variant {
        let fallback = self.fallback();
        let mut list = self.of(fallback);
        let first = list.next().expect("a picture has variants");
        std::iter::once(first)
            .chain(list)
            .take_while(|v| v.width <= width)
            .last()
            .unwrap_or(first)
    }
}

/// A redirect page: an old URL of an article or a page.
#[derive(Debug, Clone)]
pub struct Alias {
    /// Output file: `tin-cu/123.html`, `tin-cu/123/index.html`.
    pub file: String,
    /// Page path of the article or page it leads to.
    pub target: String,
    /// The file of that article or page, for diagnostics.
    pub shown: String,
    /// The alias as written in front matter.
    pub written: String,
    /// Where it is written, for diagnostics.
    pub pos: (usize, usize),
}

impl Alias {
    /// Adds the redirects of the old URLs `written` in `shown` (an article
    /// or page at `target`) to `out`; unusable ones are errors.
    pub fn push_all(
        target: &str,
        shown: String,
        written: &[(String, (usize, usize))],
        out: &mut Vec<Alias>,
        errors: &mut Vec<crate::diag::Diagnostic>,
    ) {
        for (alias, pos) in written {
            match urls::alias_file(alias) {
                Ok(file) => out.push(Alias {
                    file,
                    target: target.to_string(),
                    shown: shown.clone(),
                    written: alias.clone(),
                    pos: *pos,
                }),
                Err(why) => errors.push(crate::diag::Diagnostic::error(
                    &shown,
                    pos.0,
                    pos.1,
                    crate::diag::Code::UnusableAlias {
                        alias: alias.clone(),
                        why,
                    },
                )),
            }
        }
    }
}

/// A section: a content folder with `_index.md` (or the home page).
#[derive(Debug, Clone)]
pub struct Section {
    /// Content folder: `tin-tuc` (empty for home).
    pub dir: String,
    /// URL path: `tin-tuc/` (empty for home).
    pub path: String,
    pub title: String,
    pub summary: String,
    pub html: String,
    /// Targets of the body's link placeholders.
    pub links: Vec<String>,
    pub weight: i64,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// Articles of this section and its transparent sub-folders, in listing order.
    pub articles: Vec<usize>,
    /// What the section's files are (`kind:` in its `_index.md`).
    pub lists: crate::content::kind::Kind,
    /// Pages of this section, in page order.
    pub pages: Vec<usize>,
    pub extra: serde_json::Value,
    pub template: Option<String>,
    /// `content/tin-tuc/_index.md`, if the section has a file.
    pub file: Option<String>,
}

/// Byte range of the lead, `<div class="sapo">…</div>`, in a body's HTML.
pub type Lead = Option<std::ops::Range<usize>>;

/// A published article.
#[derive(Debug, Clone)]
pub struct Article {
    /// URL path: `tin-tuc/2021/a/`.
    pub path: String,
    pub title: String,
    pub date: DateTime,
    pub updated: Option<DateTime>,
    pub authors: Vec<String>,
    pub summary: String,
    /// Body HTML; links to other pages are `bantin-link:N` placeholders.
    /// `None` when it was not kept after parsing: see [`Site::article_html`].
    pub html: Option<String>,
    /// The source, to render the body again when `html` is `None`.
    pub source: crate::content::SourceFile,
    /// Hash of the source file's bytes.
    pub source_hash: u64,
    /// Targets of the placeholders: page path plus `#fragment`.
    pub links: Vec<String>,
    /// Where `html` holds the lead the summary was taken from, wrapped as
    /// the sapo, so that it is shown once.
    pub lead: Lead,
    /// Whether the summary was taken from the body (no `summary:`).
    pub summary_from_body: bool,
    /// (taxonomy index, term index) pairs.
    pub terms: Vec<(usize, usize)>,
    pub section: usize,
    /// Featured image: a site path (`tin-tuc/a/anh-1.jpg`) or an absolute URL.
    pub image: Option<String>,
    /// Width and height of the featured image, when its file tells them.
    pub image_size: Option<(u32, u32)>,
    pub image_caption: Option<String>,
    /// Alt text of the featured image (`image_alt`).
    pub image_alt: Option<String>,
    pub pinned: bool,
    /// A draft, published only by `--drafts` (and `serve --drafts`), and
    /// marked as such on its page.
    pub draft: bool,
    pub weight: i64,
    /// Earlier and later article of the same section.
    pub prev: Option<usize>,
    pub next: Option<usize>,
    pub related: Vec<usize>,
    pub has_code: bool,
    /// Year and month in the site's timezone.
    pub month: (i32, u8),
    pub template: Option<String>,
    /// Attached files (site paths, not encoded): those the body links to
    /// that are attachments ([`attachment::is_attachment`]), in the body's
    /// order, then the other files of its bundle but images, by name.
    pub attachments: Vec<String>,
    pub extra: serde_json::Value,
}

impl Article {
    /// `content/tin-tuc/2021/a.md`, for diagnostics.
    pub fn file(&self) -> String {
        self.source.display()
    }
}

impl Site {
    /// Section by URL path.
    pub fn section_by_path(&self, path: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.path == path)
    }

    /// Body HTML of article `id`, rendered again from its file if it was not
    /// kept in memory.
    /// With it, where it holds the lead (see [`Article::lead`]).
    pub fn article_html(&self, id: usize) -> Result<(std::borrow::Cow<'_, str>, Lead), String> {
        let a = &self.articles[id];
        match &a.html {
            Some(h) => Ok((std::borrow::Cow::Borrowed(h), a.lead.clone())),
            None => {
                let settings = crate::content::markdown::MdSettings {
                    summary: a.summary_from_body,
                    lead: true,
                    ..self.markdown
                };
                crate::content::render_body_again(&a.source, settings)
                    .map(|b| (std::borrow::Cow::Owned(b.html), b.lead))
            }
        }
    }

    /// Home-page order: pinned articles first, then the rest, newest first.
    pub fn home_articles(&self) -> Vec<usize> {
        let (mut pinned, rest): (Vec<usize>, Vec<usize>) =
            (0..self.articles.len()).partition(|&i| self.articles[i].pinned);
        pinned.extend(rest);
        pinned
    }
}
