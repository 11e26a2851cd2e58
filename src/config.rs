//! `config.yaml` → a typed, checked [`Config`]. Unknown keys are errors that
//! name the closest known key.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::diag::{
    did_you_mean, BaseUrlProblem, Code, Diagnostic, Doc, SegmentOwner, UrlSegmentProblem,
};
use crate::lang::Lang;
use crate::yaml;

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

/// The error for a folder that is not a bantin site: it lacks config.yaml
/// (`config_missing`) or its content/ folder.
pub fn not_a_site(root: &Path, config_missing: bool) -> Diagnostic {
    let shown = root.display().to_string();
    Diagnostic::error(
        shown.clone(),
        0,
        0,
        Code::NotASite {
            root: shown,
            config_missing,
        },
    )
}

/// Why `url` cannot be the site's `base_url`: it must be an absolute
/// `http(s)://host/…` URL without spaces, query or fragment.
pub fn check_base_url(url: &str) -> Result<(), BaseUrlProblem> {
    match crate::url::check(url) {
        Err(e) => return Err(BaseUrlProblem::Url(e)),
        Ok(crate::url::UrlKind::Web) => {}
        Ok(_) => return Err(BaseUrlProblem::NotAbsolute),
    }
    let rest = url
        .split_once("://")
        .map(|(_, r)| r)
        .ok_or(BaseUrlProblem::NotAbsolute)?;
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() {
        return Err(BaseUrlProblem::NoHost);
    }
    if let Some(c) = url
        .chars()
        .find(|c| matches!(c, '?' | '#' | '"' | '<' | '>' | '\\' | '\''))
    {
        return Err(BaseUrlProblem::Character(c));
    }
    Ok(())
}

/// Why `value` cannot be a folder name in URLs: it must be a non-empty
/// slug (lowercase ASCII words joined by `-`) and a valid file name.
pub fn check_url_segment(value: &str) -> Result<(), UrlSegmentProblem> {
    if value.is_empty() {
        return Err(UrlSegmentProblem::Empty);
    }
    crate::paths::check_segment(value).map_err(UrlSegmentProblem::Segment)?;
    if crate::vi::slugify(value) != value {
        return Err(UrlSegmentProblem::NotSlug {
            slug: crate::vi::slugify(value),
        });
    }
    Ok(())
}

/// A theme is a folder directly under `themes/`: a plain name, nothing that
/// could point elsewhere.
fn is_theme_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Line and column of `value` written under the top-level key `parent`
/// (nested keys, list items, flow mappings); the key itself otherwise.
fn near(text: &str, parent: &str, value: &str) -> (usize, usize) {
    let Some((start, _)) = crate::content::front_matter::locate_key(text, parent) else {
        return (0, 0);
    };
    // A value with escapes is not written as it reads: look for its first word.
    let word = value
        .trim()
        .split(|c: char| c.is_whitespace() || c.is_control() || c == '"' || c == '\\')
        .next()
        .unwrap_or("");
    for needle in [value, word] {
        if needle.is_empty() {
            continue;
        }
        for (i, line) in text.lines().enumerate().skip(start - 1) {
            if i + 1 > start && !line.is_empty() && !line.starts_with([' ', '\t', '-', '#']) {
                break; // the next top-level key
            }
            if let Some(k) = line.find(needle) {
                return (i + 1, line[..k].chars().count() + 1);
            }
        }
    }
    (start, 1)
}

/// Keys of the top-level config, for "did you mean".
const KEYS: &[&str] = &[
    "title",
    "description",
    "base_url",
    "language",
    "timezone",
    "theme",
    "paginate_by",
    "taxonomies",
    "markdown",
    "feed",
    "urls",
    "sort_by",
    "link_index_html",
    "term_slugs",
    "contact",
    "menu",
    "logo",
    "banner",
    "limits",
    "search",
    "images",
    "extra",
];

impl Config {
    /// Reads `ROOT/config.yaml`. A folder without one is not a site: that
    /// is an error, so that a mistyped `--root` never builds an empty site
    /// over a published one.
    pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
        let path = root.join("config.yaml");
        let file = "config.yaml";
        let text = match std::fs::read(&path) {
            Ok(bytes) => crate::vi::decode_source(&bytes).map_err(|e| {
                vec![Diagnostic::error(
                    file,
                    e.line,
                    e.column,
                    Code::Encoding { problem: e.problem },
                )]
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound || path.is_dir() => {
                return Err(vec![not_a_site(root, true)])
            }
            Err(e) => {
                return Err(vec![Diagnostic::error(
                    file,
                    0,
                    0,
                    Code::CannotRead { error: (&e).into() },
                )])
            }
        };
        Self::parse(&crate::vi::nfc(&text), file)
    }

    /// The `language:` written in config.yaml, when the file can be read and
    /// has one: the language of messages unless `--lang` says otherwise.
    pub fn written_language(root: &Path) -> Option<Lang> {
        let config = Config::load(root).ok()?;
        crate::content::front_matter::locate_key(&config.source, "language")?;
        Some(config.lang)
    }

    /// Parses config text; `file` names it in diagnostics.
    pub fn parse(text: &str, file: &str) -> Result<Config, Vec<Diagnostic>> {
        let mut config: Config = if text.trim().is_empty() {
            Config::default()
        } else {
            /// An example line for a setting, for error messages.
            fn example(key: &str) -> Option<String> {
                let e = match key {
                    "title" => "title: \"Bản tin HĐND tỉnh Bắc Kạn\"",
                    "description" => "description: \"Tin hoạt động của HĐND tỉnh\"",
                    "base_url" => "base_url: \"https://hdnd.backan.gov.vn/\"",
                    "language" => "language: vi",
                    "timezone" => "timezone: Asia/Ho_Chi_Minh",
                    "theme" => "theme: default",
                    "paginate_by" => "paginate_by: 20",
                    "taxonomies" => {
                        "taxonomies: [tags, categories, {name: linh_vuc, path: linh-vuc}]"
                    }
                    "taxonomies.name" => "taxonomies: [{name: linh_vuc, path: linh-vuc}]",
                    "taxonomies.path" => "taxonomies: [{name: linh_vuc, path: linh-vuc}]",
                    "taxonomies.paginate_by" => "taxonomies: [{name: linh_vuc, paginate_by: 10}]",
                    "taxonomies.feed" => "taxonomies: [{name: linh_vuc, feed: false}]",
                    "markdown" => "markdown: {unsafe_html: false, highlight_code: true}",
                    "markdown.iframe_hosts" => "iframe_hosts: [www.youtube-nocookie.com]",
                    "feed" => "feed: {limit: 50, full_content: false}",
                    "feed.limit" => "limit: 50",
                    "urls" => "urls: {archive: luu-tru, search: tim-kiem, page: trang}",
                    "urls.archive" => "archive: luu-tru",
                    "urls.search" => "search: tim-kiem",
                    "urls.page" => "page: trang",
                    "sort_by" => "sort_by: date",
                    "term_slugs" => "term_slugs: {\"Thanh Hòa\": thanh-hoa-tinh}",
                    k if k.starts_with("term_slugs.") => {
                        "term_slugs: {\"Thanh Hòa\": thanh-hoa-tinh}"
                    }
                    "contact" => {
                        "contact: {agency: \"HĐND tỉnh Bắc Kạn\", phone: \"0209 3870 000\"}"
                    }
                    "contact.phone" => "phone: \"0209 3870 000\"",
                    "contact.email" => "email: hdnd@backan.gov.vn",
                    "menu" | "menu.title" | "menu.path" | "menu.children" => {
                        "menu: [{title: \"Giới thiệu\", path: gioi-thieu/, children: [{title: \"Liên hệ\", path: lien-he/}]}]"
                    }
                    "logo" => "logo: logo-hdnd.png",
                    "banner" => "banner: {image: bang-ron.jpg, alt: \"Chào mừng kỳ họp thứ 5\"}",
                    "banner.image" => "image: bang-ron.jpg",
                    "banner.alt" => "alt: \"Chào mừng kỳ họp thứ 5\"",
                    "search" => "search: {enabled: true, synonyms: {HĐND: [Hội đồng nhân dân]}}",
                    "search.synonyms" => "synonyms: {HĐND: [Hội đồng nhân dân]}",
                    k if k.starts_with("search.synonyms.") => "synonyms: {HĐND: [Hội đồng nhân dân]}",
                    "images" => "images: {widths: [480, 960, 1600], quality: 80, webp: true, max_mb: 10}",
                    "images.widths" => "widths: [480, 960, 1600]",
                    "images.quality" => "quality: 80",
                    "images.webp" => "webp: true",
                    "images.max_mb" => "max_mb: 10",
                    "images.keep_originals" => "keep_originals: false",
                    "images.sizes" => "sizes: \"(min-width: 50rem) 48rem, 100vw\"",
                    "extra" => "extra: {khau_hieu: \"Vì dân phục vụ\"}",
                    _ => return None,
                };
                Some(e.to_string())
            }
            yaml::from_str(text)
                .and_then(|c| yaml::check_duplicates(text).map(|()| c))
                .map_err(|e| {
                    let code = match &e.problem {
                        yaml::Problem::UnknownKey {
                            path,
                            key,
                            expected,
                        } => {
                            let known: Vec<&str> = if expected.is_empty() {
                                KEYS.to_vec()
                            } else {
                                expected.iter().map(String::as_str).collect()
                            };
                            Code::UnknownSetting {
                                key: key.clone(),
                                path: path.clone(),
                                suggestion: did_you_mean(key, known.iter().copied())
                                    .map(str::to_string),
                                known: known.iter().map(|k| k.to_string()).collect(),
                            }
                        }
                        _ => e.code(Doc::Config, 0, example, |_| false),
                    };
                    vec![Diagnostic::error(file, e.line, e.column, code).source(text)]
                })?
        };
        config.check(text, file)?;
        // Both were checked just above; the defaults are never used.
        config.offset_minutes = parse_timezone(&config.timezone).unwrap_or(420);
        config.lang = Lang::parse(&config.language).unwrap_or_default();
        Ok(Config {
            source: text.to_string(),
            ..config
        })
    }

    fn check(&self, text: &str, file: &str) -> Result<(), Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let at = |key: &str| crate::content::front_matter::locate_key(text, key).unwrap_or((0, 0));
        if parse_timezone(&self.timezone).is_none() {
            let (l, c) = at("timezone");
            let code = Code::UnknownTimezone {
                value: self.timezone.clone(),
            };
            errors.push(Diagnostic::error(file, l, c, code).source(text));
        }
        if Lang::parse(&self.language).is_none() {
            let (l, c) = at("language");
            let code = Code::UnsupportedLanguage {
                value: self.language.clone(),
            };
            errors.push(Diagnostic::error(file, l, c, code).source(text));
        }
        if self.paginate_by == 0 {
            let (l, c) = at("paginate_by");
            errors.push(Diagnostic::error(file, l, c, Code::PaginateZero).source(text));
        }
        if let Err(why) = check_base_url(&self.base_url) {
            let (l, c) = at("base_url");
            let code = Code::BadBaseUrl {
                flag: false,
                url: self.base_url.clone(),
                why,
            };
            errors.push(Diagnostic::error(file, l, c, code).source(text));
        }
        let mut seen = std::collections::HashSet::new();
        for t in &self.taxonomies {
            if !seen.insert(t.name.as_str()) {
                let (l, c) = near(text, "taxonomies", &t.name);
                let code = Code::TaxonomyTwice {
                    name: t.name.clone(),
                };
                errors.push(Diagnostic::error(file, l, c, code).source(text));
            }
        }
        for (short, long) in &self.search.synonyms {
            if let Some(problem) = crate::vi::search::check_synonym(short, long) {
                let (l, c) = near(text, "search", short);
                let code = Code::Synonym {
                    short: short.clone(),
                    problem,
                };
                errors.push(Diagnostic::error(file, l, c, code).source(text));
            }
        }
        if let Some(problem) = self.images.problem() {
            let (l, c) = near(text, "images", problem.key());
            let code = Code::ImageSetting { problem };
            errors.push(Diagnostic::error(file, l, c, code).source(text));
        }
        // Values that become folder names in the output.
        let urls = |key: &str| SegmentOwner::Urls { key: key.into() };
        let mut segments: Vec<(SegmentOwner, &str, &str)> = vec![
            (urls("urls.archive"), "urls", self.urls.archive.as_str()),
            (urls("urls.search"), "urls", self.urls.search.as_str()),
            (urls("urls.page"), "urls", self.urls.page.as_str()),
        ];
        for t in &self.taxonomies {
            segments.push((
                SegmentOwner::TaxonomyPath {
                    name: t.name.clone(),
                },
                "taxonomies",
                t.path.as_str(),
            ));
        }
        for (term, slug) in &self.term_slugs {
            segments.push((
                SegmentOwner::TermSlug { term: term.clone() },
                "term_slugs",
                slug.as_str(),
            ));
        }
        for (owner, parent, value) in segments {
            if let Err(why) = check_url_segment(value) {
                let (l, c) = near(text, parent, value);
                let code = Code::BadUrlSegment {
                    owner,
                    value: value.to_string(),
                    why,
                };
                errors.push(Diagnostic::error(file, l, c, code).source(text));
            }
        }
        if self.theme != "default" && !is_theme_name(&self.theme) {
            let (l, c) = at("theme");
            let code = Code::BadThemeName {
                theme: self.theme.clone(),
            };
            errors.push(Diagnostic::error(file, l, c, code).source(text));
        }
        let items = self
            .menu
            .iter()
            .flat_map(|m| std::iter::once(m).chain(&m.children));
        for m in self.menu.iter().flat_map(|m| &m.children) {
            if let Some(g) = m.children.first() {
                let (l, c) = near(text, "menu", &g.title);
                let code = Code::MenuTooDeep {
                    title: g.title.clone(),
                    parent: m.title.clone(),
                };
                errors.push(Diagnostic::error(file, l, c, code).source(text));
            }
        }
        for m in items {
            if let Err(why) = crate::url::check(&m.path) {
                let (l, c) = near(text, "menu", &m.path);
                let code = Code::MenuBadPath {
                    title: m.title.clone(),
                    path: m.path.clone(),
                    why,
                };
                errors.push(Diagnostic::error(file, l, c, code).source(text));
            }
        }
        if let Some(c) = self
            .contact
            .email
            .chars()
            .find(|c| c.is_whitespace() || c.is_control() || matches!(c, '?' | '#' | '/' | ':'))
        {
            let (l, col) = near(text, "contact", "email");
            let code = Code::ContactEmail {
                email: self.contact.email.clone(),
                bad: c,
            };
            errors.push(Diagnostic::error(file, l, col, code).source(text));
        }
        if let Some(c) = self
            .contact
            .phone
            .chars()
            .find(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '+' | '.' | '-' | '(' | ')')))
        {
            let (l, col) = near(text, "contact", "phone");
            let code = Code::ContactPhone {
                phone: self.contact.phone.clone(),
                bad: c,
            };
            errors.push(Diagnostic::error(file, l, col, code).source(text));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Line and column of `value` written under the top-level setting
    /// `key` of config.yaml; the setting's own line when it is not found.
    pub fn locate(&self, key: &str, value: &str) -> (usize, usize) {
        near(&self.source, key, value)
    }

    /// `base_url` with exactly one trailing slash.
    pub fn base(&self) -> String {
        format!("{}/", self.base_url.trim_end_matches('/'))
    }
}

/// A `timezone` setting as an offset from UTC in minutes: one of the names that mean +07:00
/// or UTC, or exactly `±HH:MM` up to ±14:00 (`+7`, `+07:5`, `+14:30`
/// and `+-14:-59` are not offsets).
pub fn parse_timezone(timezone: &str) -> Option<i32> {
    match timezone {
        "Asia/Ho_Chi_Minh" | "Asia/Saigon" | "Asia/Bangkok" | "Asia/Jakarta" => Some(420),
        "UTC" | "Z" => Some(0),
        s => {
            let b = s.as_bytes();
            if b.len() != 6 || b[3] != b':' {
                return None;
            }
            let sign = match b[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let two = |d: &[u8]| {
                d.iter()
                    .all(u8::is_ascii_digit)
                    .then(|| i32::from(d[0] - b'0') * 10 + i32::from(d[1] - b'0'))
            };
            let (h, m) = (two(&b[1..3])?, two(&b[4..6])?);
            let minutes = h * 60 + m;
            (m < 60 && minutes <= crate::vi::date::MAX_OFFSET_MINUTES).then_some(sign * minutes)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_config_gives_defaults() {
        let c = Config::parse("", "config.yaml").unwrap();
        assert_eq!(c.paginate_by, 20);
        assert_eq!(c.taxonomies[0].path, "the");
        assert_eq!(c.offset_minutes, 420);
        assert_eq!(c.lang, Lang::Vi);
    }

    #[test]
    fn reads_generated_corpus_config() {
        let c = Config::parse(
            "title: \"Bản tin\"\nbase_url: \"https://x.vn/\"\nlanguage: vi\npaginate_by: 10\ntaxonomies: [tags, categories, {name: linh_vuc, path: linh-vuc}]\n",
            "config.yaml",
        )
        .unwrap();
        assert_eq!(c.paginate_by, 10);
        assert_eq!(c.taxonomies[2].path, "linh-vuc");
    }

    #[test]
    fn unknown_key_names_the_closest() {
        let e = Config::parse("title: a\npaginate: 10\n", "config.yaml").unwrap_err();
        assert_eq!(e[0].line, 2);
        assert_eq!(
            e[0].message_en(),
            "unknown setting `paginate` in config.yaml"
        );
        assert_eq!(
            e[0].hint_en().as_deref(),
            Some("did you mean `paginate_by`?")
        );
    }

    #[test]
    fn bad_values_are_all_reported() {
        let e = Config::parse(
            "timezone: Mars/Olympus\nlanguage: fr\nbase_url: example\n",
            "config.yaml",
        )
        .unwrap_err();
        assert_eq!(e.len(), 3, "{e:?}");
        assert_eq!((e[0].line, e[1].line, e[2].line), (1, 2, 3));
    }

    #[test]
    fn fixed_offsets() {
        let c = Config::parse("timezone: \"+05:30\"\nlanguage: en\n", "config.yaml").unwrap();
        assert_eq!(c.offset_minutes, 330);
        assert_eq!(c.lang, Lang::En);
    }

    #[test]
    fn timezone_offsets_are_strict() {
        let offset = parse_timezone;
        for (tz, want) in [
            ("Asia/Ho_Chi_Minh", 420),
            ("Asia/Saigon", 420),
            ("Asia/Bangkok", 420),
            ("Asia/Jakarta", 420),
            ("UTC", 0),
            ("Z", 0),
            ("+07:00", 420),
            ("-03:30", -210),
            ("+14:00", 840),
            ("-14:00", -840),
        ] {
            assert_eq!(offset(tz), Some(want), "{tz}");
        }
        for tz in [
            "+-14:-59",
            "+7",
            "+07",
            "+07:5",
            "+7:00",
            "+14:30",
            "+15:00",
            "+07:60",
            "07:00",
            "+07:00 ",
            "+٠٧:٠٠",
            "utc",
            "Asia/Hanoi",
            "",
        ] {
            assert_eq!(offset(tz), None, "{tz}");
        }
    }
}
