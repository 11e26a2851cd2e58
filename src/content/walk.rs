//! Walking `content/` in sorted order: sections, articles, bundles, assets,
//! and the files that are not published: those a browser or a server runs,
//! and images that would leave with their metadata (each told by its bytes
//! and every extension of its name).

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diag::{rel, Code, Diagnostic, Io, IoKind, LinkProblem};
use crate::diag::{Active, ImageRefusal, Refusal};
use crate::media::sniff::{self, Verdict};
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
    /// Files not published, by path inside `content/`, with why: links
    /// to them are errors that say so.
    pub refused: Vec<(String, Refusal)>,
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

/// A file found under one of the site's folders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Where to read it: the link's target for a symbolic link.
    pub path: PathBuf,
    /// Path inside the walked folder: NFC, `/` between segments. A `\`
    /// inside a name stays in it (Linux allows it), for the output-path
    /// check to refuse.
    pub rel: String,
    /// The file's name as found, before NFC.
    pub name: String,
}

/// Whether `path` resolves to a place inside `root` (both canonical).
fn resolves_inside(path: &Path, root: &Path) -> Result<PathBuf, LinkProblem> {
    match path.canonicalize() {
        Ok(target) if target.starts_with(root) => Ok(target),
        Ok(target) => Err(LinkProblem::Outside {
            target: target.display().to_string(),
        }),
        Err(e) => Err(LinkProblem::Broken { error: (&e).into() }),
    }
}

/// Every file under `dir` (one of the site's folders: `content/`,
/// `static/`, `templates/`, `themes/NAME/`), sorted by name so that output
/// is deterministic. Hidden files and editor leftovers are skipped.
/// Symbolic links are followed only where they resolve inside the site
/// folder `root`; any other is skipped with a warning naming it — the
/// folder itself included, so a `static/` linked to a folder elsewhere
/// publishes nothing of it. Returns `None` when `dir` itself was refused.
pub fn site_files(
    root: &Path,
    dir: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<Found>> {
    let mut out = Vec::new();
    let Ok(meta) = std::fs::symlink_metadata(dir) else {
        return Some(out);
    };
    let canon_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    if meta.file_type().is_symlink() || !dir.starts_with(root) {
        if let Err(why) = resolves_inside(dir, &canon_root) {
            diagnostics.push(Diagnostic::warning(
                rel(root, dir),
                0,
                0,
                Code::LinkSkipped { why, folder: true },
            ));
            return None;
        }
    }
    if !dir.is_dir() {
        return Some(out);
    }
    // NFC name → whether it was seen, to catch two names that differ only
    // in Unicode form (one made on a Mac), which would be one page.
    let mut seen = std::collections::HashSet::new();
    let mut it = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .min_depth(1)
        .into_iter();
    while let Some(entry) = it.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diagnostics.push(walk_error(root, &e));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_dir = entry.file_type().is_dir();
        if is_ignored(&name) {
            if is_dir {
                it.skip_current_dir();
            }
            continue;
        }
        let mut path = entry.path().to_path_buf();
        if entry.path_is_symlink() {
            match resolves_inside(entry.path(), &canon_root) {
                Ok(target) => path = target,
                Err(why) => {
                    diagnostics.push(Diagnostic::warning(
                        rel(root, entry.path()),
                        0,
                        0,
                        Code::LinkSkipped {
                            why,
                            folder: is_dir,
                        },
                    ));
                    if is_dir {
                        it.skip_current_dir();
                    }
                    continue;
                }
            }
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let Some(segments) = entry
            .path()
            .strip_prefix(dir)
            .ok()
            .and_then(|p| p.iter().map(|s| s.to_str()).collect::<Option<Vec<&str>>>())
        else {
            diagnostics.push(Diagnostic::error(
                rel(root, entry.path()),
                0,
                0,
                Code::NameNotUnicode,
            ));
            continue;
        };
        // macOS hands out NFD file names; URLs and keys are built from NFC.
        let rel_nfc = nfc(&segments.join("/"));
        if !seen.insert(rel_nfc.clone()) {
            diagnostics.push(Diagnostic::error(
                rel(root, dir).join(&rel_nfc),
                0,
                0,
                Code::TwoUnicodeForms {
                    name: rel_nfc.clone(),
                },
            ));
            continue;
        }
        out.push(Found {
            path,
            rel: rel_nfc,
            name,
        });
    }
    Some(out)
}

/// The diagnostic of an entry the walk could not read: a loop of links is
/// skipped with a warning, anything else is an error.
fn walk_error(root: &Path, e: &walkdir::Error) -> Diagnostic {
    let p = e.path().map(|p| rel(root, p)).unwrap_or_default();
    if e.loop_ancestor().is_some() {
        let why = LinkProblem::Loop;
        return Diagnostic::warning(p, 0, 0, Code::LinkSkipped { why, folder: true });
    }
    let error = match e.io_error() {
        Some(io) => io.into(),
        None => Io {
            kind: IoKind::Other,
            detail: e.to_string(),
        },
    };
    Diagnostic::error(p, 0, 0, Code::CannotRead { error })
}

/// Walks `dir` (the site's `content/`), sorted by name for deterministic output.
pub fn walk(root: &Path, dir: &Path) -> Walk {
    let mut out = Walk::default();
    let Some(found) = site_files(root, dir, &mut out.diagnostics) else {
        // Building without the content would replace the site with an empty one.
        for d in &mut out.diagnostics {
            d.severity = crate::diag::Severity::Error;
        }
        return out;
    };
    for f in found {
        let name = f.name.as_str();
        let kind = if name.ends_with(".md") || name.ends_with(".MD") {
            Some(match name {
                "_index.md" => SourceKind::Section,
                "index.md" => SourceKind::Bundle,
                _ => SourceKind::Article,
            })
        } else {
            None
        };
        if let Some(kind) = kind {
            out.sources.push(SourceFile {
                path: f.path,
                rel: f.rel,
                kind,
            });
            continue;
        }
        // A file that cannot be read is reported when it is copied.
        let head = sniff::head(&f.path).unwrap_or_default();
        let shown = rel(root, dir).join(&f.rel);
        if looks_like_markdown(&f, &head) {
            let md = markdown_name(name);
            out.diagnostics.push(Diagnostic::warning(
                shown,
                0,
                0,
                Code::NotMarkdownName {
                    name: name.to_string(),
                    md,
                },
            ));
            continue;
        }
        match refusal(name, &head) {
            Some(why) => {
                let code = match &why {
                    Refusal::Active(by) => Code::ActiveFile { by: by.clone() },
                    Refusal::Image(problem) => Code::ImageNotPublished {
                        problem: problem.clone(),
                    },
                };
                out.diagnostics.push(Diagnostic::warning(shown, 0, 0, code));
                out.refused.push((f.rel, why));
            }
            None => out.assets.push(Asset {
                path: f.path,
                rel: f.rel,
            }),
        }
    }
    out
}

/// Why the file of `content/` called `name`, whose first bytes are
/// `head`, is not published, if it is not: a browser or a server runs it
/// (whatever else it is: a JPEG called `.html` is served as a page), or it
/// is an image whose metadata bantin cannot remove, or a picture under
/// another kind of file's name (a `.pdf` that is a JPEG would be offered as
/// a document, with its GPS position).
pub fn refusal(name: &str, head: &[u8]) -> Option<Refusal> {
    match sniff::verdict(name, head) {
        Verdict::Active { by: Ok(part) } => Some(Refusal::Active(Active::Name { part })),
        Verdict::Active { by: Err(m) } => Some(Refusal::Active(Active::Markup { kind: m.name() })),
        Verdict::Image(f) if !f.cleaned() => {
            Some(Refusal::Image(ImageRefusal::Format { format: f.name() }))
        }
        Verdict::Image(f) if !sniff::has_image_extension(name) => {
            let stem = match name.rsplit_once('.') {
                Some((stem, _)) if !stem.is_empty() => stem,
                _ => name,
            };
            Some(Refusal::Image(ImageRefusal::Misnamed {
                format: f.name(),
                name: format!("{stem}.{}", f.ext()),
            }))
        }
        Verdict::Image(_) | Verdict::Other => None,
    }
}

/// Extensions of files that are never Markdown, whose first bytes need
/// not be read.
const BINARY_EXT: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "ico", "bmp", "tif", "tiff", "pdf", "doc",
    "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "zip", "rar", "7z", "gz", "mp3",
    "mp4", "m4a", "wav", "webm", "ogg", "woff", "woff2", "ttf",
];

/// Whether a file that does not end in `.md` was meant as an article: a
/// Markdown extension of another editor (`.markdown`), Notepad's added
/// `.txt` (`bai-viet.md.txt`), or text that starts with a `---` line.
/// Published raw, it would put a draft or the front matter on the web.
fn looks_like_markdown(f: &Found, head: &[u8]) -> bool {
    let lower = f.name.to_lowercase();
    if [".markdown", ".mdown", ".mkd", ".md.txt"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        return true;
    }
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    if BINARY_EXT.contains(&ext) {
        return false;
    }
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    head.starts_with(b"---\n") || head.starts_with(b"---\r")
}

/// The name a file that [`looks_like_markdown`] should have: `.md` in
/// place of its extension (`bai-viet.md.txt` → `bai-viet.md`).
fn markdown_name(name: &str) -> String {
    let lower = name.to_lowercase();
    let stem = if lower.ends_with(".md.txt") {
        &name[..name.len() - 7]
    } else {
        name.rsplit_once('.').map_or(name, |(s, _)| s)
    };
    format!("{stem}.md")
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

    #[test]
    fn refused_files_say_why_and_a_misnamed_picture_gets_its_name() {
        let jpeg = crate::media::testdata::jpeg(4, 4);
        let misnamed = |name: &str| match refusal(name, &jpeg) {
            Some(Refusal::Image(ImageRefusal::Misnamed { name, .. })) => name,
            other => panic!("{other:?}"),
        };
        assert_eq!(misnamed("anh-quet.PDF"), "anh-quet.jpg");
        assert_eq!(misnamed("anh-khong-duoi"), "anh-khong-duoi.jpg");
        assert_eq!(misnamed("bao.cao.doc"), "bao.cao.jpg");
        assert_eq!(refusal("anh.JPEG", &jpeg), None);
        assert_eq!(refusal("tai-lieu.pdf", b"%PDF-1.7"), None);
        let heic = crate::media::testdata::iso_image_with_exif(b"heic");
        for name in ["IMG_1.HEIC", "IMG_1.jpg", "IMG_1"] {
            assert_eq!(
                refusal(name, &heic),
                Some(Refusal::Image(ImageRefusal::Format { format: "HEIC" })),
                "{name}"
            );
        }
        assert_eq!(
            refusal("anh.jpg.html", &jpeg),
            Some(Refusal::Active(Active::Name {
                part: ".html".into()
            }))
        );
    }

    #[test]
    fn markdown_names() {
        assert_eq!(markdown_name("bai-viet.md.txt"), "bai-viet.md");
        assert_eq!(markdown_name("Bai.MD.TXT"), "Bai.md");
        assert_eq!(markdown_name("ghi-chu.markdown"), "ghi-chu.md");
        assert_eq!(markdown_name("nhap"), "nhap.md");
    }
}
