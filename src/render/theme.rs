//! The theme: templates, static files and UI strings. The bundled default
//! theme is embedded in the binary; a site overrides any of its files by
//! name from `themes/<theme>/`, `templates/` and `static/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::content::walk::site_files;
use crate::diag::{Code, Diagnostic};

include!(concat!(env!("OUT_DIR"), "/theme_files.rs"));

/// Where a static file's bytes come from.
#[derive(Debug, Clone)]
pub enum Bytes {
    Embedded(&'static [u8]),
    Disk(PathBuf),
}

/// A static file of the theme or the site, copied to the output root.
#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Site path: `style.css`, `anh/logo.png`.
    pub path: String,
    pub bytes: Bytes,
    /// `themes/default/static/style.css` or `static/style.css`, for diagnostics.
    pub shown: String,
}

/// A loaded theme.
#[derive(Debug, Default)]
pub struct Theme {
    /// Template name → (source text, file shown in errors).
    pub templates: BTreeMap<String, (String, String)>,
    /// Static files, sorted by path; the site's `static/` overrides the
    /// theme's file of the same name (that is how a site restyles a theme).
    pub static_files: Vec<StaticFile>,
    /// UI strings of the configured language.
    pub strings: BTreeMap<String, String>,
    /// Problems that do not stop the build, such as skipped symbolic links.
    pub warnings: Vec<Diagnostic>,
    /// Abbreviations and what they stand for (`search/synonyms.yaml`).
    pub synonyms: BTreeMap<String, Vec<String>>,
}

/// A YAML file of the theme that cannot be read, at the place of the problem.
fn yaml_error(shown: &str, text: &str, e: &crate::yaml::YamlError) -> Diagnostic {
    let code = e.code(crate::diag::Doc::Other, 0, |_| None, |_| false);
    Diagnostic::error(shown, e.line, e.column, code).source(text)
}

impl Theme {
    /// The theme's words for key `k` in the site's language; the key
    /// itself when the theme has none.
    pub fn string(&self, k: &str) -> String {
        self.strings
            .get(k)
            .cloned()
            .unwrap_or_else(|| k.to_string())
    }

    /// Loads the theme for `config` from the embedded default and the site at `root`.
    pub fn load(root: &Path, config: &Config) -> Result<Theme, Vec<Diagnostic>> {
        let mut theme = Theme::default();
        let mut errors = Vec::new();
        let mut i18n: BTreeMap<String, (String, String)> = BTreeMap::new();
        let mut statics: BTreeMap<String, (Bytes, String)> = BTreeMap::new();
        let mut synonyms: Option<(String, String)> = None;
        let mut add = |rel_path: &str,
                       shown: String,
                       bytes: Bytes,
                       text: Option<String>,
                       theme: &mut Theme| {
            if let Some(name) = rel_path.strip_prefix("templates/") {
                theme
                    .templates
                    .insert(name.to_string(), (text.unwrap_or_default(), shown));
            } else if let Some(name) = rel_path.strip_prefix("static/") {
                statics.insert(name.to_string(), (bytes, shown));
            } else if let Some(name) = rel_path.strip_prefix("i18n/") {
                i18n.insert(name.to_string(), (text.unwrap_or_default(), shown));
            } else if rel_path == "search/synonyms.yaml" {
                synonyms = Some((text.unwrap_or_default(), shown));
            }
        };
        for (rel_path, bytes) in THEME_FILES {
            let text = std::str::from_utf8(bytes).ok().map(str::to_string);
            add(
                rel_path,
                format!("themes/default/{rel_path}"),
                Bytes::Embedded(bytes),
                text,
                &mut theme,
            );
        }
        // Config allows only a plain folder name here, so this stays under themes/.
        let theme_dir = root.join("themes").join(&config.theme);
        if config.theme != "default" && !theme_dir.is_dir() {
            let code = Code::ThemeNotFound {
                theme: config.theme.clone(),
            };
            errors.push(Diagnostic::error("config.yaml", 0, 0, code));
        }
        let mut overlay =
            |dir: PathBuf, prefix: &str, theme: &mut Theme, errors: &mut Vec<Diagnostic>| {
                for (path, sub) in files_under(root, &dir, errors) {
                    let shown = if prefix.is_empty() {
                        format!("themes/{}/{sub}", config.theme)
                    } else {
                        format!("{prefix}{sub}")
                    };
                    let rel_path = format!("{prefix}{sub}");
                    let needs_text = !rel_path.starts_with("static/");
                    let text = if needs_text {
                        match read_text(&path, &shown) {
                            Ok(t) => Some(t),
                            Err(d) => {
                                errors.push(d);
                                continue;
                            }
                        }
                    } else {
                        None
                    };
                    add(&rel_path, shown, Bytes::Disk(path), text, theme);
                }
            };
        overlay(theme_dir, "", &mut theme, &mut errors);
        overlay(
            root.join("templates"),
            "templates/",
            &mut theme,
            &mut errors,
        );
        overlay(root.join("static"), "static/", &mut theme, &mut errors);
        theme.static_files = statics
            .into_iter()
            .map(|(path, (bytes, shown))| StaticFile { path, bytes, shown })
            .collect();

        if let Some((text, shown)) = &synonyms {
            if let Some(map) = read_synonyms(text, shown, &mut errors) {
                theme.synonyms = map;
            }
        }
        let lang_file = format!("{}.yaml", config.lang.code());
        match i18n.get(&lang_file) {
            Some((text, shown)) => match crate::yaml::from_str::<BTreeMap<String, String>>(text) {
                Ok(map) => theme.strings = map,
                Err(e) => errors.push(yaml_error(shown, text, &e)),
            },
            None => errors.push(Diagnostic::error(
                "config.yaml",
                0,
                0,
                Code::NoStrings {
                    language: config.lang.code().to_string(),
                },
            )),
        }
        let (warnings, errors): (Vec<_>, Vec<_>) = errors.into_iter().partition(|d| !d.is_error());
        theme.warnings = warnings;
        if errors.is_empty() {
            Ok(theme)
        } else {
            Err(errors)
        }
    }
}

/// A text file of a theme, decoded; `shown` names it in the error.
fn read_text(path: &Path, shown: &str) -> Result<String, Diagnostic> {
    let at = |l, c, code: Code| Diagnostic::error(shown.to_string(), l, c, code);
    let bytes =
        std::fs::read(path).map_err(|e| at(0, 0, Code::CannotRead { error: (&e).into() }))?;
    crate::vi::decode_source(&bytes)
        .map_err(|e| at(e.line, e.column, Code::Encoding { problem: e.problem }))
}

/// The theme's `search/synonyms.yaml`, with an error for each synonym that
/// cannot be used (the others are kept); `None` when it is not YAML.
fn read_synonyms(
    text: &str,
    shown: &str,
    errors: &mut Vec<Diagnostic>,
) -> Option<BTreeMap<String, Vec<String>>> {
    match crate::yaml::from_str::<BTreeMap<String, Vec<String>>>(text) {
        Ok(map) => {
            for (short, long) in &map {
                if let Some(problem) = crate::vi::search::check_synonym(short, long) {
                    let code = Code::Synonym {
                        short: short.clone(),
                        problem,
                    };
                    errors.push(Diagnostic::error(shown.to_string(), 0, 0, code));
                }
            }
            Some(map)
        }
        Err(e) => {
            errors.push(yaml_error(shown, text, &e));
            None
        }
    }
}

/// Files under `dir`, sorted, as (path to read, path inside `dir` with
/// `/`); symbolic links that lead outside the site are skipped with a
/// warning (see [`site_files`]).
pub fn files_under(
    root: &Path,
    dir: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(PathBuf, String)> {
    site_files(root, dir, diagnostics)
        .unwrap_or_default()
        .into_iter()
        .map(|f| (f.path, f.rel))
        .collect()
}
