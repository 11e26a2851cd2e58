//! The theme: templates, static files and UI strings. The bundled default
//! theme is embedded in the binary; a site overrides any of its files by
//! name from `themes/<theme>/`, `templates/` and `static/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::content::walk::is_ignored;
use crate::diag::{rel, Diagnostic};

include!(concat!(env!("OUT_DIR"), "/theme_files.rs"));

/// Where a static file's bytes come from.
#[derive(Debug, Clone)]
pub enum Bytes {
    Embedded(&'static [u8]),
    Disk(PathBuf),
}

/// A loaded theme.
#[derive(Debug, Default)]
pub struct Theme {
    /// Template name → (source text, file shown in errors).
    pub templates: BTreeMap<String, (String, String)>,
    /// Output path → bytes.
    pub static_files: BTreeMap<String, Bytes>,
    /// UI strings of the configured language.
    pub strings: BTreeMap<String, String>,
}

impl Theme {
    /// Loads the theme for `config` from the embedded default and the site at `root`.
    pub fn load(root: &Path, config: &Config) -> Result<Theme, Vec<Diagnostic>> {
        let mut theme = Theme::default();
        let mut errors = Vec::new();
        let mut i18n: BTreeMap<String, (String, String)> = BTreeMap::new();
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
                theme.static_files.insert(name.to_string(), bytes);
            } else if let Some(name) = rel_path.strip_prefix("i18n/") {
                i18n.insert(name.to_string(), (text.unwrap_or_default(), shown));
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
        let theme_dir = root.join("themes").join(&config.theme);
        if config.theme != "default" && !theme_dir.is_dir() {
            errors.push(
                Diagnostic::error(
                    "config.yaml",
                    0,
                    0,
                    format!("theme `{}` not found", config.theme),
                )
                .hint(format!(
                    "create themes/{}/ or remove `theme:` to use the bundled theme",
                    config.theme
                )),
            );
        }
        let mut overlay =
            |dir: PathBuf, prefix: &str, theme: &mut Theme, errors: &mut Vec<Diagnostic>| {
                for (path, sub) in files_under(&dir) {
                    let shown = rel(root, &path).display().to_string();
                    let rel_path = format!("{prefix}{sub}");
                    let needs_text = !rel_path.starts_with("static/");
                    let text = if needs_text {
                        match std::fs::read(&path)
                            .map_err(|e| e.to_string())
                            .and_then(|b| {
                                crate::vi::decode_source(&b)
                                    .map_err(|e| format!("{} at line {}", e.message, e.line))
                            }) {
                            Ok(t) => Some(t),
                            Err(e) => {
                                errors.push(Diagnostic::error(
                                    shown,
                                    0,
                                    0,
                                    format!("cannot read: {e}"),
                                ));
                                continue;
                            }
                        }
                    } else {
                        None
                    };
                    add(&rel_path, shown, Bytes::Disk(path), text, theme);
                }
            };
        if theme_dir.is_dir() {
            overlay(theme_dir, "", &mut theme, &mut errors);
        }
        overlay(
            root.join("templates"),
            "templates/",
            &mut theme,
            &mut errors,
        );
        overlay(root.join("static"), "static/", &mut theme, &mut errors);

        let lang_file = format!("{}.yaml", config.language);
        match i18n.get(&lang_file) {
            Some((text, shown)) => match crate::yaml::from_str::<BTreeMap<String, String>>(text) {
                Ok(map) => theme.strings = map,
                Err(e) => errors.push(
                    Diagnostic::error(shown.clone(), e.line, e.column, e.message).source(text),
                ),
            },
            None => errors.push(
                Diagnostic::error(
                    "config.yaml",
                    0,
                    0,
                    format!(
                        "the theme has no strings for language `{}`",
                        config.language
                    ),
                )
                .hint(format!("add i18n/{lang_file} to the theme")),
            ),
        }
        if errors.is_empty() {
            Ok(theme)
        } else {
            Err(errors)
        }
    }
}

/// Files under `dir`, sorted, as (path, path inside `dir` with `/`).
pub fn files_under(dir: &Path) -> Vec<(PathBuf, String)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()))
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let sub = e
                .path()
                .strip_prefix(dir)
                .ok()?
                .to_str()?
                .replace('\\', "/");
            Some((e.path().to_path_buf(), crate::vi::nfc(&sub)))
        })
        .collect()
}
