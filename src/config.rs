//! `config.yaml` → a typed, checked [`Config`]. Unknown keys are errors that
//! name the closest known key.

use std::path::Path;

use crate::diag::{did_you_mean, Code, Diagnostic, Doc};
use crate::lang::Lang;
use crate::yaml;

mod checks;
mod settings;

use checks::near;
pub use checks::{check_base_url, check_url_segment, parse_timezone};
pub use settings::*;

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
        crate::yaml::locate_key(&config.source, "language")?;
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
