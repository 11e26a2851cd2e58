//! Walking `content/` in sorted order: sections, articles, bundles, assets.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diag::{rel, Diagnostic};
use crate::vi::nfc;

/// What a Markdown file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// `_index.md`: the folder is a section (at the root: the home page).
    Section,
    /// `name.md`: an article.
    Article,
    /// `name/index.md`: an article whose folder holds its files.
    Bundle,
}

/// A Markdown source found by the walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    pub path: PathBuf,
    /// Path inside `content/`, NFC, with `/` separators: `tin-tuc/2021/a.md`.
    pub rel: String,
    pub kind: SourceKind,
}

impl SourceFile {
    /// Content-relative folder of the file: `tin-tuc/2021` (empty at the root).
    pub fn dir(&self) -> &str {
        self.rel.rfind('/').map_or("", |i| &self.rel[..i])
    }

    /// Path shown in diagnostics: `content/tin-tuc/2021/a.md`.
    pub fn display(&self) -> String {
        format!("content/{}", self.rel)
    }
}

/// A file that is not Markdown: copied to the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    pub path: PathBuf,
    /// Path inside `content/` (NFC, `/` separators).
    pub rel: String,
}

/// Result of walking `content/`.
#[derive(Debug, Default)]
pub struct Walk {
    pub sources: Vec<SourceFile>,
    pub assets: Vec<Asset>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Hidden files, editor leftovers and OS litter are never content.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.starts_with("~$")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swo")
        || name.ends_with(".tmp")
        || name.eq_ignore_ascii_case("Thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}

/// Walks `dir` (the site's `content/`), sorted by name for deterministic output.
pub fn walk(root: &Path, dir: &Path) -> Walk {
    let mut out = Walk::default();
    if !dir.is_dir() {
        return out;
    }
    let canon_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut it = WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .min_depth(1)
        .into_iter();
    while let Some(entry) = it.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let p = e.path().map(|p| rel(root, p)).unwrap_or_default();
                out.diagnostics
                    .push(Diagnostic::error(p, 0, 0, format!("cannot read: {e}")));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        if is_ignored(&name) {
            if entry.file_type().is_dir() {
                it.skip_current_dir();
            }
            continue;
        }
        let mut path = entry.path().to_path_buf();
        let mut file_type = entry.file_type();
        if file_type.is_symlink() {
            // Symlinks inside the root are followed as files; none lead out of it.
            match path.canonicalize() {
                Ok(target) if target.starts_with(&canon_root) && target.is_file() => {
                    path = target;
                    file_type = std::fs::metadata(&path)
                        .map(|m| m.file_type())
                        .unwrap_or(file_type);
                }
                _ => {
                    out.diagnostics.push(
                        Diagnostic::warning(rel(root, entry.path()), 0, 0, "symbolic link skipped")
                            .hint("links to folders, or to files outside the site folder, are not followed"),
                    );
                    continue;
                }
            }
        }
        if !file_type.is_file() {
            continue;
        }
        let Some(rel_path) = entry.path().strip_prefix(dir).ok().and_then(|p| p.to_str()) else {
            out.diagnostics.push(
                Diagnostic::error(
                    rel(root, entry.path()),
                    0,
                    0,
                    "file name is not valid Unicode",
                )
                .hint("rename the file using Unicode (UTF-8) characters"),
            );
            continue;
        };
        // macOS hands out NFD file names; URLs and keys are built from NFC.
        let rel_path = nfc(&rel_path.replace('\\', "/"));
        let kind = if name.ends_with(".md") || name.ends_with(".MD") {
            Some(match name.as_ref() {
                "_index.md" => SourceKind::Section,
                "index.md" => SourceKind::Bundle,
                _ => SourceKind::Article,
            })
        } else {
            None
        };
        match kind {
            Some(kind) => out.sources.push(SourceFile {
                path,
                rel: rel_path,
                kind,
            }),
            None => out.assets.push(Asset {
                path,
                rel: rel_path,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_leftovers() {
        for n in [
            ".DS_Store",
            "bai.md~",
            ".bai.md.swp",
            "Thumbs.db",
            "~$bai.docx",
            "#bai.md#",
            ".git",
        ] {
            assert!(is_ignored(n), "{n}");
        }
        for n in ["bai.md", "anh-1.jpg", "_index.md", "tai-lieu.pdf"] {
            assert!(!is_ignored(n), "{n}");
        }
    }
}
