//! The walk and parse stages: the content tree in sorted order, then every
//! file read and parsed in parallel (sections first, as their `kind:` says
//! what the other files are), kept parses taken from the cache of `serve`.

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::iter::Either;
use rayon::prelude::*;

use crate::config::Config;
use crate::content::kind::{Expect, Kind};
use crate::content::{self, front_matter, markdown, source, Parsed};
use crate::diag::{Code, Diagnostic};
use crate::render::Theme;

use super::cache::Stamp;
use super::{Ctx, Diags, Setup};

/// What the walk found: the files to parse and the files copied as they are.
pub(super) struct Walked {
    pub sources: Vec<content::SourceFile>,
    pub assets: Vec<content::walk::Asset>,
}

/// Walks `content/`; files refused there join those refused in `static/`.
pub(super) fn walk(ctx: &Ctx<'_>, setup: &mut Setup) -> (Walked, Diags) {
    ctx.ticker.start("walk", 0);
    let root = &ctx.opts.root;
    let walk = content::walk::walk(root, &root.join("content"));
    setup.refused.extend(
        walk.refused
            .into_iter()
            .map(|(rel, why)| (format!("content/{rel}"), why)),
    );
    let (mut warnings, errors): (Vec<_>, Vec<_>) =
        walk.diagnostics.into_iter().partition(|d| !d.is_error());
    warnings.append(&mut setup.theme.warnings);
    let walked = Walked {
        sources: walk.sources,
        assets: walk.assets,
    };
    (walked, Diags { errors, warnings })
}

/// What the parse stage hands to link.
pub(super) struct ParseOut {
    pub parsed: Vec<Parsed>,
    /// Files that failed: links to them are warnings, not errors.
    pub broken: HashSet<String>,
    /// Bodies of files whose front matter failed, so their links are checked too.
    pub checked: Vec<(content::SourceFile, markdown::Body)>,
    pub md: markdown::MdSettings,
}

/// Parses every file of `sources` in parallel, collecting every diagnostic.
pub(super) fn parse(
    ctx: &mut Ctx<'_>,
    config: &Config,
    setup: &Setup,
    sources: Vec<content::SourceFile>,
) -> (ParseOut, Diags) {
    ctx.ticker.start("parse", sources.len());
    let extra_taxonomies: Vec<String> = config
        .taxonomies
        .iter()
        .map(|t| t.name.clone())
        .filter(|n| !matches!(n.as_str(), "tags" | "categories" | "authors"))
        .collect();
    let fm = front_matter::Context {
        offset_minutes: config.offset_minutes,
        taxonomies: &extra_taxonomies,
    };
    let md = md_settings(config, &setup.theme);
    let budget = AtomicUsize::new(ctx.opts.html_budget.unwrap_or(HTML_BUDGET));
    let max_file_bytes = config.limits.max_file_mb.saturating_mul(1_000_000);
    let limits = ParseLimits {
        max_file_bytes,
        // One file of the largest size parses alone; small ones in parallel.
        parsing: Budget::new(max_file_bytes.max(1 << 20)),
    };
    // Sections first: their `kind:` says what the other files are.
    let (section_sources, other_sources): (Vec<_>, Vec<_>) = sources
        .into_iter()
        .partition(|f| f.kind == content::SourceKind::Section);
    let kept = ctx.cache.as_deref();
    let ticker = &ctx.ticker;
    let parse_all = |sources: Vec<content::SourceFile>,
                     expect: &(dyn Fn(&content::SourceFile) -> Expect + Sync)| {
        // The list is consumed: each file's record moves into its result,
        // and results go straight into two lists (one buffer of all files, not two).
        sources
            .into_par_iter()
            .map(|file| {
                ticker.tick();
                let rel = file.rel.clone();
                let e = expect(&file);
                if let Some(p) = kept.and_then(|c| c.lookup(&file, e)) {
                    return Ok((p, Origin::Kept));
                }
                let stamp = kept.and_then(|_| Stamp::of(&file.path));
                parse_one(file, &fm, e, md, &budget, &limits)
                    .map(|p| (p, Origin::Read(stamp, e)))
                    .map_err(|e| (rel, e))
            })
            .partition_map(|r| match r {
                Ok(p) => Either::Left(p),
                Err(e) => Either::Right(e),
            })
    };
    let (mut parsed, mut failed): ParseResults =
        parse_all(section_sources, &|_| Expect::Is(Kind::Section));
    let page_sections: HashSet<String> = parsed
        .iter()
        .filter(|p| p.0.front.lists == Kind::Page)
        .map(|p| p.0.file.dir().to_string())
        .collect();
    let section_dirs: HashSet<String> = parsed.iter().map(|p| p.0.file.dir().to_string()).collect();
    let (more, more_failed) = parse_all(other_sources, &|f| {
        content::kind::expect_of(f, &section_dirs, &page_sections)
    });
    parsed.extend(more);
    failed.extend(more_failed);
    if let Some(cache) = ctx.cache.as_deref_mut() {
        for (p, origin) in &parsed {
            match *origin {
                Origin::Kept => cache.reuse(&p.file.rel),
                Origin::Read(Some(stamp), expect) => cache.keep(stamp, expect, p.clone()),
                Origin::Read(None, _) => {}
            }
        }
        cache.parsed_all();
    }
    let parsed: Vec<Parsed> = parsed.into_iter().map(|(p, _)| p).collect();
    collect(parsed, failed, md)
}

/// The settings of the Markdown of every file, from the site's and the theme's.
fn md_settings(config: &Config, theme: &Theme) -> markdown::MdSettings {
    markdown::MdSettings {
        unsafe_html: config.markdown.unsafe_html,
        highlight: config.markdown.highlight_code,
        html: true,
        summary: true,
        lead: true,
        iframe_hosts: markdown::IframeHosts::new(&config.markdown.iframe_hosts),
        lang: config.lang,
        max_block_marks: config.limits.max_block_marks,
        theme_ids: markdown::ThemeIds::of(theme.templates.values().map(|(t, _)| t.as_str())),
    }
}

/// The diagnostics of every file, parsed or failed, taken out of their records.
fn collect(
    mut parsed: Vec<Parsed>,
    failed: Vec<(String, Failed)>,
    md: markdown::MdSettings,
) -> (ParseOut, Diags) {
    let mut diags = Diags::default();
    let warnings = &mut diags.warnings;
    for p in &mut parsed {
        warnings.append(&mut p.warnings);
        for (l, c, code) in std::mem::take(&mut p.body.warnings) {
            warnings.push(Diagnostic::warning(p.file.display(), l, c, code));
        }
    }
    let mut broken = HashSet::new();
    let mut checked = Vec::new();
    for (rel, (e, body)) in failed {
        broken.insert(rel);
        let (w, e): (Vec<_>, Vec<_>) = e.into_iter().partition(|d| !d.is_error());
        diags.warnings.extend(w);
        diags.errors.extend(e);
        if let Some(failed) = body {
            let (file, mut body) = *failed;
            for (l, c, code) in std::mem::take(&mut body.warnings) {
                diags
                    .warnings
                    .push(Diagnostic::warning(file.display(), l, c, code));
            }
            body.html = String::new();
            checked.push((file, body));
        }
    }
    let out = ParseOut {
        parsed,
        broken,
        checked,
        md,
    };
    (out, diags)
}

/// Where a parse comes from: kept from the last build, or read now (with
/// the stamp of the file when a cache will keep it).
#[derive(Clone, Copy)]
enum Origin {
    Kept,
    Read(Option<Stamp>, Expect),
}

/// Bytes of article HTML kept in memory between parsing and rendering; past
/// it, bodies are rendered again when their page is made, so memory stays
/// bounded however large the site.
pub const HTML_BUDGET: usize = 256 << 20;

/// The files parsed (with where each came from) and the files that failed.
type ParseResults = (Vec<(Parsed, Origin)>, Vec<(String, Failed)>);

/// Bounds of the parse stage.
struct ParseLimits {
    max_file_bytes: u64,
    /// Bytes of source being parsed at once, across threads.
    parsing: Budget,
}

/// A counting semaphore of bytes: what is taken is given back on drop.
struct Budget {
    left: std::sync::Mutex<u64>,
    freed: std::sync::Condvar,
    total: u64,
}

struct Permit<'a> {
    budget: &'a Budget,
    bytes: u64,
}

impl Budget {
    fn new(total: u64) -> Budget {
        Budget {
            left: std::sync::Mutex::new(total),
            freed: std::sync::Condvar::new(),
            total,
        }
    }

    /// Waits until `bytes` (at most the whole budget) are free and takes them.
    fn acquire(&self, bytes: u64) -> Permit<'_> {
        let bytes = bytes.min(self.total);
        let mut left = self.left.lock().unwrap_or_else(|e| e.into_inner());
        while *left < bytes {
            left = self.freed.wait(left).unwrap_or_else(|e| e.into_inner());
        }
        *left -= bytes;
        Permit {
            budget: self,
            bytes,
        }
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        let mut left = self.budget.left.lock().unwrap_or_else(|e| e.into_inner());
        *left += self.bytes;
        self.budget.freed.notify_all();
    }
}

/// Why a file could not be parsed, and its body when that could be, so
/// that the body's links are checked too.
type Failed = (
    Vec<Diagnostic>,
    Option<Box<(content::SourceFile, markdown::Body)>>,
);

/// Reads, decodes and parses one content file.
fn parse_one(
    file: content::SourceFile,
    ctx: &front_matter::Context,
    expect: Expect,
    md: markdown::MdSettings,
    budget: &AtomicUsize,
    limits: &ParseLimits,
) -> Result<Parsed, Failed> {
    let shown = file.display();
    let len = std::fs::metadata(&file.path).map_or(0, |m| m.len());
    if len > limits.max_file_bytes {
        let code = Code::FileTooLarge {
            tenths_mb: (len + 50_000) / 100_000,
            limit_mb: limits.max_file_bytes / 1_000_000,
        };
        return Err((vec![Diagnostic::error(&shown, 0, 0, code)], None));
    }
    // Parsing costs many times a file's size; big files wait for their
    // share of the budget, so parallel parsing cannot multiply the peak.
    let _permit = limits.parsing.acquire(len);
    let bytes = std::fs::read(&file.path).map_err(|e| {
        (
            vec![Diagnostic::error(
                &shown,
                0,
                0,
                Code::CannotRead { error: (&e).into() },
            )],
            None,
        )
    })?;
    let source_hash = hash_bytes(&bytes);
    let src = source::read(&bytes, &shown).map_err(|d| (vec![d], None))?;
    let front = front_matter::parse(&src, &shown, ctx, expect);
    // The body is parsed even when the front matter is bad, so its problems are reported too.
    let cost = src.body().len() * 3 / 2;
    // Sections and pages are few and always keep their HTML.
    let keep = expect != Expect::Is(Kind::Article)
        || budget
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                left.checked_sub(cost)
            })
            .is_ok();
    let md = markdown::MdSettings {
        html: keep,
        summary: front.as_ref().map_or(true, |f| f.summary.is_none()),
        // Only articles show a sapo: sections and pages keep their text as written.
        lead: front
            .as_ref()
            .map_or(expect == Expect::Is(Kind::Article), |f| {
                f.kind == Kind::Article
            }),
        ..md
    };
    let body = markdown::render_in(
        src.body(),
        file.dir(),
        src.body_line,
        md,
        file.path.parent(),
    );
    let front = match front {
        Ok(front) => front,
        Err(mut e) => {
            e.extend(src.warnings);
            return Err((e, Some(Box::new((file, body)))));
        }
    };
    Ok(Parsed {
        file,
        front,
        body,
        source_hash,
        warnings: src.warnings,
    })
}

fn hash_bytes(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}
