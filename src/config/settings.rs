//! The settings of config.yaml as types: every field has a default, unknown
//! keys are refused by serde, and what a value means is decided here.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::lang::Lang;

/// Site settings. Every field has a default, so an empty file is valid.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub title: String,
    pub description: String,
    /// Absolute URL of the published site; used for canonical links, feeds, sitemap.
    pub base_url: String,
    /// UI language of the theme: `vi` or `en`.
    pub language: String,
    /// `Asia/Ho_Chi_Minh` (default) or a fixed offset such as `+07:00`.
    pub timezone: String,
    pub theme: String,
    /// Articles per listing page.
    pub paginate_by: usize,
    pub taxonomies: Vec<TaxonomyConfig>,
    pub markdown: MarkdownConfig,
    pub feed: FeedConfig,
    pub urls: UrlConfig,
    /// How listings inside a section are ordered.
    pub sort_by: SortBy,
    /// Link to `…/index.html` rather than `…/` so that the site also works
    /// opened from disk (`file://`), where folders do not serve their index.
    pub link_index_html: bool,
    /// Slug overrides for taxonomy terms: `{"Thanh Hòa": "thanh-hoa-tinh"}`.
    pub term_slugs: BTreeMap<String, String>,
    /// Agency contact details shown in the footer.
    pub contact: Contact,
    /// Items of the main menu; default: every top-level section.
    pub menu: Vec<MenuItem>,
    /// The site's emblem: a file in `static/`; the star emblem when unset.
    pub logo: Option<String>,
    /// An image across the header.
    pub banner: Option<Banner>,
    /// Bounds on what one build takes on.
    pub limits: Limits,
    /// The search page and its index.
    pub search: SearchConfig,
    /// Sizes and formats of the images of articles.
    pub images: ImagesConfig,
    /// Free for themes.
    pub extra: serde_json::Value,
    /// `timezone` read once: the site's offset from UTC in minutes. Every
    /// date is converted to it when read.
    #[serde(skip)]
    pub offset_minutes: i32,
    /// `language` read once.
    #[serde(skip)]
    pub lang: Lang,
    /// The text of config.yaml, to point at a setting found wrong once the
    /// site is known (a menu path without a page, a logo without a file).
    #[serde(skip)]
    pub source: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Bản tin".into(),
            description: String::new(),
            base_url: "http://localhost/".into(),
            language: "vi".into(),
            timezone: "Asia/Ho_Chi_Minh".into(),
            theme: "default".into(),
            paginate_by: 20,
            taxonomies: vec![
                TaxonomyConfig::named("tags"),
                TaxonomyConfig::named("categories"),
            ],
            markdown: MarkdownConfig::default(),
            feed: FeedConfig::default(),
            urls: UrlConfig::default(),
            sort_by: SortBy::Date,
            link_index_html: true,
            term_slugs: BTreeMap::new(),
            contact: Contact::default(),
            menu: Vec::new(),
            logo: None,
            banner: None,
            limits: Limits::default(),
            search: SearchConfig::default(),
            images: ImagesConfig::default(),
            extra: serde_json::Value::Object(Default::default()),
            offset_minutes: 420,
            lang: Lang::Vi,
            source: String::new(),
        }
    }
}

/// An image across the header: a file in `static/` and what it shows.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Banner {
    pub image: String,
    /// Text of the image for those who cannot see it; `""` when it only decorates.
    pub alt: Option<String>,
}

/// Search: `/tim-kiem/`, a box in the header, and an index built with the site.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SearchConfig {
    pub enabled: bool,
    /// Abbreviation → what it stands for (`HĐND: [Hội đồng nhân dân]`), added
    /// to the list the theme ships; a search for either finds both.
    pub synonyms: BTreeMap<String, Vec<String>>,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig {
            enabled: true,
            synonyms: BTreeMap::new(),
        }
    }
}

/// Images of articles: made at several widths, as WebP and JPEG (PNG for
/// images with transparency), and offered to browsers with `srcset`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ImagesConfig {
    /// Widths to make, in pixels; an image is never made larger than it is.
    pub widths: Vec<u32>,
    /// Quality of WebP and JPEG, 1–100.
    pub quality: u8,
    /// Make WebP beside JPEG/PNG.
    pub webp: bool,
    /// Images larger than this, in megabytes, get a warning.
    pub max_mb: u64,
    /// `sizes` of the images of bodies and featured images: how wide the
    /// theme shows them, for the browser to pick a width.
    pub sizes: String,
    /// Publish the image as it was given (metadata removed) at its own
    /// path, rather than its largest size.
    pub keep_originals: bool,
}

impl Default for ImagesConfig {
    fn default() -> Self {
        ImagesConfig {
            widths: vec![480, 960, 1600],
            quality: 80,
            webp: true,
            max_mb: 10,
            sizes: "(min-width: 50rem) 48rem, 100vw".into(),
            keep_originals: false,
        }
    }
}

impl ImagesConfig {
    /// What makes these settings unusable, if anything.
    pub fn problem(&self) -> Option<crate::diag::ImageSettingProblem> {
        use crate::diag::ImageSettingProblem as P;
        if self.widths.is_empty() {
            return Some(P::NoWidths);
        }
        if let Some(&width) = self.widths.iter().find(|w| !IMAGE_WIDTHS.contains(w)) {
            return Some(P::Width { width });
        }
        if !(1..=100).contains(&self.quality) {
            return Some(P::Quality {
                quality: self.quality,
            });
        }
        None
    }

    /// How images are encoded: widths sorted, each once.
    pub fn settings(&self) -> crate::media::encode::Settings {
        let mut widths = self.widths.clone();
        widths.sort_unstable();
        widths.dedup();
        crate::media::encode::Settings {
            widths,
            quality: self.quality,
            webp: self.webp,
        }
    }
}

/// Smallest and largest width that `images.widths` may give.
pub const IMAGE_WIDTHS: std::ops::RangeInclusive<u32> = 16..=8192;

/// Bounds on input, so that no file can make a build abort or hang.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Largest Markdown file, in megabytes (10^6 bytes).
    pub max_file_mb: u64,
    /// Most Markdown marks (`[`, `<`, `*`, `|`, …) in one block of a body;
    /// a block with more is shown as plain text (see `content::blocks`).
    pub max_block_marks: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_mb: 10,
            max_block_marks: 100_000,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    Date,
    Weight,
    Title,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MarkdownConfig {
    /// Emit raw HTML written in Markdown. Off by default: officers paste from Word.
    pub unsafe_html: bool,
    pub highlight_code: bool,
    /// Hosts whose `<iframe>`s survive sanitising when `unsafe_html` is on
    /// (`www.youtube-nocookie.com`); none by default.
    pub iframe_hosts: Vec<String>,
}

impl Default for MarkdownConfig {
    fn default() -> Self {
        MarkdownConfig {
            unsafe_html: false,
            highlight_code: true,
            iframe_hosts: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FeedConfig {
    pub limit: usize,
    /// Whole article bodies in feeds rather than summaries.
    pub full_content: bool,
}

impl Default for FeedConfig {
    fn default() -> Self {
        FeedConfig {
            limit: 50,
            full_content: false,
        }
    }
}

/// First URL segments of generated pages.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct UrlConfig {
    pub archive: String,
    pub search: String,
    /// Segment before a page number: `/tin-tuc/trang/2/`.
    pub page: String,
}

impl Default for UrlConfig {
    fn default() -> Self {
        UrlConfig {
            archive: "luu-tru".into(),
            search: "tim-kiem".into(),
            page: "trang".into(),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Contact {
    pub agency: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub responsible: String,
    pub license: String,
    /// The footer line on citing the source; a default naming the site
    /// when unset, hidden when empty.
    pub citation: Option<String>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    pub title: String,
    /// Site path such as `tin-tuc/`.
    pub path: String,
    /// Items under this one; one level: children have no children.
    #[serde(default)]
    pub children: Vec<MenuItem>,
}

/// A taxonomy: `tags`, or `{name: linh_vuc, path: linh-vuc, title: "Lĩnh vực"}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(from = "TaxonomySpec")]
pub struct TaxonomyConfig {
    /// Front matter key.
    pub name: String,
    /// URL segment.
    pub path: String,
    pub paginate_by: Option<usize>,
    pub feed: bool,
}

impl TaxonomyConfig {
    pub fn named(name: &str) -> Self {
        let path = match name {
            "tags" => "the".to_string(),
            "categories" => "chuyen-muc".to_string(),
            "authors" => "tac-gia".to_string(),
            other => crate::vi::slugify(other),
        };
        TaxonomyConfig {
            name: name.to_string(),
            path,
            paginate_by: None,
            feed: true,
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum TaxonomySpec {
    Name(String),
    Full(TaxonomyFull),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TaxonomyFull {
    name: String,
    path: Option<String>,
    paginate_by: Option<usize>,
    #[serde(default = "yes")]
    feed: bool,
}

fn yes() -> bool {
    true
}

impl From<TaxonomySpec> for TaxonomyConfig {
    fn from(spec: TaxonomySpec) -> Self {
        match spec {
            TaxonomySpec::Name(n) => TaxonomyConfig::named(&n),
            TaxonomySpec::Full(f) => {
                let mut t = TaxonomyConfig::named(&f.name);
                if let Some(p) = f.path {
                    t.path = p;
                }
                t.paginate_by = f.paginate_by;
                t.feed = f.feed;
                t
            }
        }
    }
}
