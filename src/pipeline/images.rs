//! The images stage, between linking and planning: every image the site
//! publishes (told by its bytes, whatever its name) loses its metadata,
//! and the images that pages show — the logo and banner too — are made at
//! the widths of `images.widths`, through the cache folder shared by
//! `build` and `serve`. Before linking, images of `static/` in a format
//! whose metadata cannot be removed are taken out.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diag::{Code, Diagnostic, ImageProblem, ImageRefusal, Io, Refusal};
use crate::media::cache::{Counts, ImageCache, VariantFile};
use crate::media::encode::{Format, ImageError};
use crate::media::sniff::{self, ImageFormat};
use crate::model::{Copied, Picture, Site, Variant};
use crate::render::{theme, Theme};

use super::progress::Ticker;

/// Where processed images are kept, inside the site's folder.
pub const CACHE_DIR: &str = ".bantin-cache";

/// How long an entry of the cache that no build uses is kept: a photo
/// edited and saved again leaves its old sizes behind.
const UNUSED_FOR: std::time::Duration = std::time::Duration::from_secs(30 * 24 * 3600);

/// Extensions of the images whose metadata bantin removes and which it
/// makes at several sizes.
const RASTER: &[&str] = &["jpg", "jpeg", "png", "webp"];

fn raster_ext(path: &str) -> Option<String> {
    let (_, ext) = path.rsplit_once('.')?;
    let ext = ext.to_ascii_lowercase();
    RASTER.contains(&ext.as_str()).then_some(ext)
}

/// How one image file is published.
struct Kind {
    /// Extension of its stripped copy in the cache.
    ext: String,
    /// The format of its sizes that may stand at its own path.
    own: Option<Format>,
    /// Whether its sizes are made when a page shows it: not for a format
    /// bantin does not decode, nor for an animation (its first frame alone
    /// would be shown).
    resize: bool,
}

/// How the file `file`, published at site path `out`, is published as an
/// image, if it is one: told by its bytes, whatever its name; by its name
/// only when the bytes tell nothing (a damaged `.jpg` then gets its warning).
fn kind_of(file: &std::path::Path, out: &str) -> Option<Kind> {
    let head = sniff::head(file).unwrap_or_default();
    let own = |f: ImageFormat| match f {
        ImageFormat::Jpeg => Some(Format::Jpeg),
        ImageFormat::Png => Some(Format::Png),
        ImageFormat::Webp => Some(Format::Webp),
        _ => None,
    };
    match sniff::image_format(&head) {
        Some(f) if f.cleaned() => Some(Kind {
            ext: f.ext().to_string(),
            own: own(f),
            resize: f.resized() && !sniff::animated(file, &head, f),
        }),
        // Refused before linking; changed since: stripping refuses it too.
        Some(f) => Some(Kind {
            ext: f.ext().to_string(),
            own: None,
            resize: false,
        }),
        None => raster_ext(out).map(|ext| Kind {
            own: Some(match ext.as_str() {
                "jpg" | "jpeg" => Format::Jpeg,
                "png" => Format::Png,
                _ => Format::Webp,
            }),
            ext,
            resize: true,
        }),
    }
}

/// Takes out of `theme.static_files` the images of `static/` (the site's,
/// or a theme's on disk) whose metadata bantin cannot remove (HEIC, TIFF…),
/// each with a warning naming it; returns them as `static/PATH` → why, so
/// that a page or setting naming one gets an error that says so.
pub(super) fn refuse_static(theme: &mut Theme) -> HashMap<String, Refusal> {
    let mut refused = HashMap::new();
    let mut warnings = Vec::new();
    theme.static_files.retain(|f| {
        let theme::Bytes::Disk(file) = &f.bytes else {
            return true;
        };
        let head = sniff::head(file).unwrap_or_default();
        match sniff::image_format(&head) {
            Some(format) if !format.cleaned() => {
                let problem = ImageRefusal::Format {
                    format: format.name(),
                };
                let code = Code::ImageNotPublished {
                    problem: problem.clone(),
                };
                warnings.push(Diagnostic::warning(f.shown.as_str(), 0, 0, code));
                refused.insert(format!("static/{}", f.path), Refusal::Image(problem));
                false
            }
            _ => true,
        }
    });
    theme.warnings.extend(warnings);
    refused
}

/// One published image file, wherever it comes from.
struct Source {
    /// Site path of the file.
    out: String,
    /// The file on disk.
    file: PathBuf,
    /// How diagnostics name it: `content/tin-tuc/a/anh-1.jpg`.
    shown: String,
    kind: Kind,
    /// Shown by a page and resized: made at several sizes too.
    shown_on_pages: bool,
    /// Index in `site.assets`, or in `theme.static_files`.
    place: Place,
}

#[derive(Clone, Copy)]
enum Place {
    Asset(usize),
    Static(usize),
}

/// What became of one image.
struct Outcome {
    /// What to publish in place of the file (its largest size, or the file
    /// stripped of metadata), or `None` to publish nothing.
    publish: Option<PathBuf>,
    variants: Option<Vec<VariantFile>>,
    warnings: Vec<Diagnostic>,
}

/// Site paths that pages show as images: featured images, and the targets
/// of the bodies' links (a link to an image shows it, or offers it).
fn shown_on_pages(site: &Site) -> HashSet<String> {
    let target = |l: &String| crate::render::picture::target_path(l).into_owned();
    let mut set = HashSet::new();
    for a in &site.articles {
        set.extend(a.image.clone());
        set.extend(a.links.iter().map(target));
    }
    for p in &site.pages {
        set.extend(p.image.clone());
        set.extend(p.links.iter().map(target));
    }
    for s in &site.sections {
        set.extend(s.links.iter().map(target));
    }
    // The logo and banner are on every page: sized like any other image.
    let cfg = &site.config;
    let identity = cfg.logo.iter().chain(cfg.banner.iter().map(|b| &b.image));
    set.extend(identity.map(|p| p.trim_start_matches('/').to_string()));
    set
}

/// The folder of processed images cannot be used, for `e`.
fn cache_unusable(e: &std::io::Error) -> Code {
    Code::CacheUnusable {
        folder: format!("{CACHE_DIR}/images"),
        error: Io::from(e),
    }
}

/// Opens the cache in the site's folder; when that cannot be used (with a
/// warning), the user's private one in the system's temporary folder, or,
/// when that is not private (another warning), a new one for this run.
fn open_cache(root: &Path, warnings: &mut Vec<Diagnostic>) -> Result<ImageCache, Diagnostic> {
    use crate::media::cache::OpenError;
    use crate::media::private::{self, Refused};
    let code = match ImageCache::open_in(root, &[CACHE_DIR, "images"]) {
        Ok(c) => return Ok(c),
        Err(OpenError::Link { folder }) => Code::CacheLink { folder },
        Err(OpenError::Io(e)) => cache_unusable(&e),
    };
    warnings.push(Diagnostic::warning(CACHE_DIR, 0, 0, code.clone()));
    let tmp = std::env::temp_dir();
    match private::fallback(&tmp, root) {
        Ok(dir) => {
            if let Ok(c) = ImageCache::in_dir(dir) {
                return Ok(c);
            }
        }
        Err(Refused::NotPrivate { folder, why }) => {
            let folder = folder.to_string_lossy().into_owned();
            warnings.push(Diagnostic::warning(
                CACHE_DIR,
                0,
                0,
                Code::TempCacheNotPrivate { folder, why },
            ));
        }
        Err(Refused::Io(_)) => {}
    }
    private::temporary(&tmp, root)
        .and_then(ImageCache::in_dir)
        .map_err(|_| Diagnostic::error(CACHE_DIR, 0, 0, code))
}

/// Strips every published image and makes the sizes of those pages show;
/// fills `site.pictures` and `site.variants`, and points the copies of
/// `site.assets` and `theme.static_files` at what is published in their place.
pub(super) fn prepare(
    site: &mut Site,
    theme: &mut Theme,
    root: &Path,
    ticker: &Ticker<'_>,
    prune: bool,
) -> Result<(Vec<Diagnostic>, Counts), Vec<Diagnostic>> {
    let mut warnings = Vec::new();
    let settings = site.config.images.settings();
    let max_bytes = site.config.images.max_mb.saturating_mul(1_000_000);
    let keep_originals = site.config.images.keep_originals;
    let sources = sources_of(site, theme);
    ticker.start("images", sources.len());
    if sources.is_empty() {
        return Ok((warnings, Counts::default()));
    }
    let cache = open_cache(root, &mut warnings).map_err(|e| vec![e])?;
    let outcomes: Vec<Result<Outcome, Diagnostic>> = sources
        .par_iter()
        .with_max_len(1)
        .map(|s| {
            let r = one(&cache, s, &settings, max_bytes, keep_originals);
            ticker.tick();
            r
        })
        .collect();
    if prune {
        cache.prune(UNUSED_FOR);
    }
    if let Err(e) = cache.save() {
        warnings.push(Diagnostic::warning(CACHE_DIR, 0, 0, cache_unusable(&e)));
    }
    publish(site, theme, &sources, outcomes, &mut warnings)?;
    Ok((warnings, cache.counts()))
}

/// Every image the site publishes, from its assets and the theme's static
/// files, with where each is published and whether pages show it.
fn sources_of(site: &Site, theme: &Theme) -> Vec<Source> {
    let shown = shown_on_pages(site);
    let mut sources: Vec<Source> = Vec::new();
    for (i, a) in site.assets.iter().enumerate() {
        if let Some(kind) = kind_of(&a.src, &a.out) {
            sources.push(Source {
                shown_on_pages: kind.resize && shown.contains(a.out.as_str()),
                out: a.out.clone(),
                file: a.src.clone(),
                shown: a.shown.clone(),
                kind,
                place: Place::Asset(i),
            });
        }
    }
    for (i, f) in theme.static_files.iter().enumerate() {
        let theme::Bytes::Disk(file) = &f.bytes else {
            continue;
        };
        if let Some(kind) = kind_of(file, &f.path) {
            sources.push(Source {
                shown_on_pages: kind.resize && shown.contains(f.path.as_str()),
                out: f.path.clone(),
                file: file.clone(),
                shown: f.shown.clone(),
                kind,
                place: Place::Static(i),
            });
        }
    }
    sources
}

/// Points the copies of `site.assets` and `theme.static_files` at what
/// `outcomes` publish in their place, drops those refused, and records the
/// sizes made: `site.pictures` and `site.variants`.
fn publish(
    site: &mut Site,
    theme: &mut Theme,
    sources: &[Source],
    outcomes: Vec<Result<Outcome, Diagnostic>>,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(), Vec<Diagnostic>> {
    let mut errors = Vec::new();
    // Variant names: `anh-1-480w.webp` beside `anh-1.jpg`; with the
    // extension too (`anh-1-jpg-480w.webp`) when two images of a folder
    // share a name.
    let mut stems: HashMap<&str, usize> = HashMap::new();
    for s in sources {
        *stems.entry(stem(&s.out)).or_default() += 1;
    }
    let mut drop_assets = Vec::new();
    let mut drop_statics = Vec::new();
    for (s, outcome) in sources.iter().zip(outcomes) {
        let outcome = match outcome {
            Ok(o) => o,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        warnings.extend(outcome.warnings);
        match (outcome.publish, s.place) {
            (Some(file), Place::Asset(i)) => site.assets[i].src = file,
            (Some(file), Place::Static(i)) => {
                theme.static_files[i].bytes = theme::Bytes::Disk(file)
            }
            (None, Place::Asset(i)) => drop_assets.push(i),
            (None, Place::Static(i)) => drop_statics.push(i),
        }
        let Some(variants) = outcome.variants.filter(|v| !v.is_empty()) else {
            continue;
        };
        let base = if stems[stem(&s.out)] > 1 {
            format!("{}-{}", stem(&s.out), s.kind.ext)
        } else {
            stem(&s.out).to_string()
        };
        let top = variants.last().expect("not empty");
        let (width, height) = (top.width, top.height);
        let mut list = Vec::with_capacity(variants.len());
        for v in variants {
            let out = format!("{base}-{}w.{}", v.width, v.format.ext());
            site.variants.push(Copied {
                src: v.file,
                out: out.clone(),
                shown: s.shown.clone(),
            });
            list.push(Variant {
                width: v.width,
                height: v.height,
                format: v.format,
                out,
            });
        }
        site.pictures.insert(
            s.out.clone(),
            Picture {
                width,
                height,
                variants: list,
            },
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Files whose metadata cannot be removed are not published.
    for i in drop_assets.into_iter().rev() {
        site.assets.remove(i);
    }
    for i in drop_statics.into_iter().rev() {
        theme.static_files.remove(i);
    }
    site.variants.sort_by(|a, b| a.out.cmp(&b.out));
    Ok(())
}

/// `tin-tuc/a/anh-1.jpg` → `tin-tuc/a/anh-1`.
fn stem(path: &str) -> &str {
    let name_start = path.rfind('/').map_or(0, |i| i + 1);
    match path[name_start..].rfind('.') {
        Some(dot) if dot > 0 => &path[..name_start + dot],
        _ => path,
    }
}

fn one(
    cache: &ImageCache,
    s: &Source,
    settings: &crate::media::encode::Settings,
    max_bytes: u64,
    keep_originals: bool,
) -> Result<Outcome, Diagnostic> {
    let cannot_read = |e: std::io::Error| {
        Diagnostic::error(
            s.shown.as_str(),
            0,
            0,
            Code::CannotRead { error: (&e).into() },
        )
    };
    let (hash, len) = cache.hash_of(&s.file).map_err(cannot_read)?;
    let mut warnings = Vec::new();
    if len > max_bytes {
        warnings.push(Diagnostic::warning(
            s.shown.as_str(),
            0,
            0,
            Code::ImageTooLarge {
                tenths_mb: len / 100_000,
                limit_mb: max_bytes / 1_000_000,
            },
        ));
    }
    let cache_error =
        |e: std::io::Error| Diagnostic::error(s.shown.as_str(), 0, 0, cache_unusable(&e));
    let mut problem = None;
    let mut over_memory = None;
    let variants = if s.shown_on_pages {
        match cache
            .processed(&s.file, hash, settings)
            .map_err(cache_error)?
        {
            Ok(v) => Some(v),
            Err(ImageError::OverMemory {
                width,
                height,
                needed,
                budget,
            }) => {
                over_memory = Some((width, height, needed.div_ceil(1_000_000), budget.is_none()));
                None
            }
            Err(ImageError::Unsupported) => {
                problem = Some(ImageProblem::Unsupported);
                None
            }
            Err(ImageError::Corrupt(detail)) => {
                problem = Some(ImageProblem::Corrupt { detail });
                None
            }
            Err(ImageError::TooLarge { width, height }) => {
                problem = Some(ImageProblem::TooLarge { width, height });
                None
            }
        }
    } else {
        None
    };
    // At the image's own path: its largest size, when that is in the
    // image's own format (no one downloads the camera's 4000 pixels from
    // a news page); else the file itself, without its metadata.
    let largest = variants
        .as_ref()
        .filter(|_| !keep_originals)
        .and_then(|v| v.iter().rev().find(|v| Some(v.format) == s.kind.own))
        .map(|v| v.file.clone());
    let publish = match largest {
        Some(file) => Some(file),
        None => cache
            .stripped(&s.file, hash, &s.kind.ext)
            .map_err(cache_error)?,
    };
    if let Some((width, height, needed_mb, refused)) = over_memory {
        warnings.push(Diagnostic::warning(
            s.shown.as_str(),
            0,
            0,
            Code::ImageOverMemory {
                width,
                height,
                needed_mb,
                refused,
                published: publish.is_some(),
            },
        ));
    } else if problem.is_some() || publish.is_none() {
        warnings.push(Diagnostic::warning(
            s.shown.as_str(),
            0,
            0,
            Code::ImageUnreadable {
                problem: problem.unwrap_or(ImageProblem::Corrupt {
                    detail: "the file's structure cannot be read".into(),
                }),
                published: publish.is_some(),
            },
        ));
    }
    Ok(Outcome {
        publish,
        variants,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_keep_folders_and_drop_one_extension() {
        assert_eq!(stem("tin-tuc/a/anh-1.jpg"), "tin-tuc/a/anh-1");
        assert_eq!(stem("a.b/anh"), "a.b/anh");
        assert_eq!(stem("x/.hidden"), "x/.hidden");
        assert_eq!(stem("anh.tar.jpg"), "anh.tar");
    }

    #[test]
    fn only_jpeg_png_and_webp_are_processed() {
        assert_eq!(raster_ext("a/B.JPG").as_deref(), Some("jpg"));
        assert_eq!(raster_ext("a/b.webp").as_deref(), Some("webp"));
        assert_eq!(raster_ext("a/b.gif"), None);
        assert_eq!(raster_ext("a/b.svg"), None);
        assert_eq!(raster_ext("a/jpg"), None);
    }
}
