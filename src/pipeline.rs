//! The whole build on one screen: config → walk → parse → link → render →
//! write, each stage timed, every diagnostic of every stage collected.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rayon::iter::Either;
use rayon::prelude::*;

use crate::config::Config;
use crate::content::kind::{Expect, Kind};
use crate::content::{self, front_matter, markdown, source, Parsed};
use crate::diag::{self, Code, Diagnostic};
use crate::model::{self, LinkInput, Published};
use crate::output::Staging;
use crate::render::{self, CountingSink, Sink, Theme};
use crate::vi::DateTime;

mod cache;
mod images;
mod progress;
pub use cache::Cache;
use cache::Stamp;
pub use progress::{PageKinds, Progress, BATCH};
use progress::{Ticker, TickingSink};

/// What to build and how.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Output folder; `ROOT/public` when `None`.
    pub output: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
    pub future: bool,
    /// "Now" for publishing rules; the clock when `None` (tests fix it).
    pub now: Option<DateTime>,
    /// `false` for `bantin check`: everything but writing.
    pub write: bool,
    /// Bytes of article HTML kept between parsing and rendering
    /// ([`HTML_BUDGET`] when `None`); the rest is rendered again later.
    pub html_budget: Option<usize>,
}

/// What a successful build did.
#[derive(Debug, Default)]
pub struct BuildReport {
    pub articles: usize,
    /// Standalone pages (Giới thiệu, Liên hệ), not news.
    pub standalone: usize,
    pub sections: usize,
    pub pages: usize,
    pub feeds: usize,
    pub assets: usize,
    /// The pages of the site by kind (all of them, also in a rebuild).
    pub kinds: PageKinds,
    /// The language of the site, for messages about it.
    pub lang: crate::lang::Lang,
    pub skipped: Published,
    pub warnings: Vec<Diagnostic>,
    pub timings: Vec<Stage>,
    pub template_times: Vec<(String, Duration, usize)>,
    /// Time spent cutting articles into search terms while rendering,
    /// summed over threads (part of the render stage).
    pub search_cut: Duration,
    pub output: Option<PathBuf>,
    /// Files written, bytes written, files kept unchanged from the last build.
    pub written: (usize, u64, usize),
    /// Images made now and found in the cache of processed images.
    pub images: crate::media::cache::Counts,
    /// Sizes of images published.
    pub variants: usize,
}

/// Time of one stage, and the memory in use when it ended.
#[derive(Debug, Clone, Copy)]
pub struct Stage {
    pub name: &'static str,
    pub time: Duration,
    /// Resident memory at the end of the stage, where the system tells it.
    pub rss: Option<u64>,
}

/// Resident memory of this process (Linux: `/proc/self/statm`).
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// Sizes every featured image, so that pages reserve its space: from its
/// picture (upright) when bantin resized it, else from its file's header
/// (a few bytes: GIF, AVIF).
fn measure_featured_images(site: &mut model::Site, root: &Path) {
    let model::Site {
        articles,
        assets,
        pictures,
        ..
    } = site;
    let static_dir = root.join("static");
    articles.par_iter_mut().for_each(|a| {
        let Some(image) = a.image.as_deref() else {
            return;
        };
        if image.contains("://") {
            return;
        }
        if let Some(p) = pictures.get(image) {
            a.image_size = Some((p.width, p.height));
            return;
        }
        // Assets are sorted by output path.
        let file = match assets.binary_search_by(|c| c.out.as_str().cmp(image)) {
            Ok(i) => assets[i].src.clone(),
            Err(_) => static_dir.join(image),
        };
        a.image_size = content::image_size(&file);
    });
}

/// Why a build failed; the exit status follows from it.
#[derive(Debug)]
pub enum Failure {
    /// Bad configuration or usage: exit 2.
    Config(Vec<Diagnostic>),
    /// Bad content: exit 1. Warnings are reported too.
    Content {
        errors: Vec<Diagnostic>,
        warnings: Vec<Diagnostic>,
    },
}

/// Builds the site described by `opts`.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Failure> {
    build_to(opts, None)
}

/// Builds the site described by `opts`, telling `progress` how it goes.
pub fn build_with(opts: &BuildOptions, progress: &dyn Progress) -> Result<BuildReport, Failure> {
    with_excerpts(&opts.root, run(opts, None, None, Some(progress)))
}

/// Builds the site into `sink` when given (`serve` keeps the site in
/// memory): then no output folder is checked or written, whatever
/// `opts.write` says.
pub fn build_to(opts: &BuildOptions, sink: Option<&dyn Sink>) -> Result<BuildReport, Failure> {
    with_excerpts(&opts.root, run(opts, sink, None, None))
}

/// Every diagnostic at a line of a file shows that line: those made
/// without the file's text at hand get it here.
fn with_excerpts(
    root: &Path,
    result: Result<BuildReport, Failure>,
) -> Result<BuildReport, Failure> {
    match result {
        Ok(mut r) => {
            diag::attach_excerpts(root, &mut r.warnings);
            Ok(r)
        }
        Err(Failure::Config(mut e)) => {
            diag::attach_excerpts(root, &mut e);
            Err(Failure::Config(e))
        }
        Err(Failure::Content {
            mut errors,
            mut warnings,
        }) => {
            diag::attach_excerpts(root, &mut errors);
            diag::attach_excerpts(root, &mut warnings);
            Err(Failure::Content { errors, warnings })
        }
    }
}

/// Builds the site into `sink` again, after a build with the same `cache`:
/// only files that changed are parsed, and only the output files whose
/// content changed are made (the rest are the same as in the last good
/// build, which the caller keeps). `cache.outputs()` then lists every file
/// of the site. With an empty cache, this is a full build.
pub fn rebuild(
    opts: &BuildOptions,
    sink: &dyn Sink,
    cache: &mut Cache,
) -> Result<BuildReport, Failure> {
    with_excerpts(&opts.root, run(opts, Some(sink), Some(cache), None))
}

fn run(
    opts: &BuildOptions,
    sink: Option<&dyn Sink>,
    mut cache: Option<&mut Cache>,
    progress: Option<&dyn Progress>,
) -> Result<BuildReport, Failure> {
    let to_disk = opts.write && sink.is_none();
    let root = &opts.root;
    let mut timings = Vec::new();
    let ticker = Ticker::new(progress);
    let mut clock = Instant::now();
    let mut lap = |name: &'static str, timings: &mut Vec<Stage>| {
        let time = clock.elapsed();
        timings.push(Stage {
            name,
            time,
            rss: resident_bytes(),
        });
        ticker.finish(name, time);
        clock = Instant::now();
    };
    ticker.start("config", 0);

    // 1. Config and theme: errors here stop the build (exit 2). A folder
    // without config.yaml or content/ is not a site, and nothing is touched.
    let mut config = Config::load(root).map_err(Failure::Config)?;
    if !root.join("content").is_dir() {
        return Err(Failure::Config(vec![crate::config::not_a_site(
            root, false,
        )]));
    }
    if let Some(url) = &opts.base_url {
        if let Err(why) = crate::config::check_base_url(url) {
            let code = Code::BadBaseUrl {
                flag: true,
                url: url.clone(),
                why,
            };
            return Err(Failure::Config(vec![Diagnostic::error(
                "--base-url",
                0,
                0,
                code,
            )]));
        }
        config.base_url = url.clone();
    }
    let mut theme = Theme::load(root, &config).map_err(|e| split_config_errors(e, Vec::new()))?;
    // Images of static/ whose metadata cannot be removed are not published.
    let mut refused = images::refuse_static(&mut theme);
    let identity = render::site_view::check_identity(&config, &theme, &refused);
    if !identity.is_empty() {
        return Err(Failure::Config(identity));
    }
    let mut errors = Vec::new();
    let env = match render::env::environment(&theme, &config) {
        Ok(env) => Some(env),
        Err(e) => {
            errors.extend(e);
            None
        }
    };
    let output_dir = opts.output.clone().unwrap_or_else(|| root.join("public"));
    if to_disk {
        if let Err(e) = crate::output::check_target(root, &output_dir) {
            return Err(Failure::Config(vec![output_error(&output_dir, e)]));
        }
    }
    lap("config", &mut timings);

    // 2. Walk the content tree in sorted order.
    ticker.start("walk", 0);
    let walk = content::walk::walk(root, &root.join("content"));
    refused.extend(
        walk.refused
            .into_iter()
            .map(|(rel, why)| (format!("content/{rel}"), why)),
    );
    let (mut warnings, walk_errors): (Vec<_>, Vec<_>) =
        walk.diagnostics.into_iter().partition(|d| !d.is_error());
    warnings.append(&mut theme.warnings);
    errors.extend(walk_errors);
    lap("walk", &mut timings);
    ticker.start("parse", walk.sources.len());

    // 3. Parse every file in parallel.
    let extra_taxonomies: Vec<String> = config
        .taxonomies
        .iter()
        .map(|t| t.name.clone())
        .filter(|n| !matches!(n.as_str(), "tags" | "categories" | "authors"))
        .collect();
    let ctx = front_matter::Context {
        offset_minutes: config.offset_minutes,
        taxonomies: &extra_taxonomies,
    };
    let md = markdown::MdSettings {
        unsafe_html: config.markdown.unsafe_html,
        highlight: config.markdown.highlight_code,
        html: true,
        summary: true,
        lead: true,
        iframe_hosts: markdown::IframeHosts::new(&config.markdown.iframe_hosts),
        lang: config.lang,
        max_block_marks: config.limits.max_block_marks,
        theme_ids: markdown::ThemeIds::of(theme.templates.values().map(|(t, _)| t.as_str())),
    };
    let budget = AtomicUsize::new(opts.html_budget.unwrap_or(HTML_BUDGET));
    let max_file_bytes = config.limits.max_file_mb.saturating_mul(1_000_000);
    let limits = ParseLimits {
        max_file_bytes,
        // One file of the largest size parses alone; small ones in parallel.
        parsing: Budget::new(max_file_bytes.max(1 << 20)),
    };
    // Sections first: their `kind:` says what the other files are.
    let (section_sources, other_sources): (Vec<_>, Vec<_>) = walk
        .sources
        .into_iter()
        .partition(|f| f.kind == content::SourceKind::Section);
    let kept = cache.as_deref();
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
                parse_one(file, &ctx, e, md, &budget, &limits)
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
    if let Some(cache) = cache.as_deref_mut() {
        for (p, origin) in &parsed {
            match *origin {
                Origin::Kept => cache.reuse(&p.file.rel),
                Origin::Read(Some(stamp), expect) => cache.keep(stamp, expect, p.clone()),
                Origin::Read(None, _) => {}
            }
        }
        cache.parsed_all();
    }
    let mut parsed: Vec<Parsed> = parsed.into_iter().map(|(p, _)| p).collect();
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
        warnings.extend(w);
        errors.extend(e);
        if let Some(failed) = body {
            let (file, mut body) = *failed;
            for (l, c, code) in std::mem::take(&mut body.warnings) {
                warnings.push(Diagnostic::warning(file.display(), l, c, code));
            }
            body.html = String::new();
            checked.push((file, body));
        }
    }
    lap("parse", &mut timings);
    ticker.start("link", 0);

    // 4. Link the site graph (pure, no I/O).
    let static_files: HashSet<String> = theme.static_files.iter().map(|f| f.path.clone()).collect();
    let now = opts
        .now
        .unwrap_or_else(|| DateTime::now(config.offset_minutes));
    let linked = model::link(LinkInput {
        config,
        parsed,
        assets: walk.assets,
        broken,
        checked,
        static_files,
        refused,
        markdown: md,
        drafts: opts.drafts,
        future: opts.future,
        now,
    });
    let (mut site, skipped) = match linked {
        Ok(s) => s,
        Err(e) => {
            // Links to files with errors of their own are warnings.
            let (w, e): (Vec<_>, Vec<_>) = e.into_iter().partition(|d| !d.is_error());
            warnings.extend(w);
            errors.extend(e);
            return Err(content_failure(errors, warnings));
        }
    };
    let Some(env) = env.filter(|_| errors.is_empty()) else {
        return Err(content_failure(errors, warnings));
    };
    lap("link", &mut timings);

    // 4b. Images: metadata removed, sizes made (or found in the cache).
    // Only a full build to disk prunes the cache: `serve` may show drafts,
    // `check` may run beside a build.
    let image_counts = match images::prepare(&mut site, &mut theme, root, &ticker, to_disk) {
        Ok((w, counts)) => {
            warnings.extend(w);
            counts
        }
        Err(e) => return Err(content_failure(e, warnings)),
    };
    measure_featured_images(&mut site, root);
    render::measure_attachments(&mut site, &theme);
    lap("images", &mut timings);
    ticker.start("plan", 0);

    // 5. The plan of every output file, checked before anything is written.
    let plan = render::plan(&site, &theme).map_err(|e| content_failure(e, warnings.clone()))?;
    let dead_menu = render::site_view::check_menu(&site.config, &plan);
    if !dead_menu.is_empty() {
        return Err(content_failure(dead_menu, warnings));
    }
    lap("plan", &mut timings);

    // 6. Render every page in parallel, each written as soon as it is made.
    let staging = if to_disk {
        Some(
            Staging::new(root, &output_dir)
                .map_err(|e| Failure::Config(vec![output_error(&output_dir, e)]))?,
        )
    } else {
        None
    };
    let counting = CountingSink::default();
    let sink: &dyn Sink = match (&staging, sink) {
        (Some(s), _) => s,
        (None, Some(s)) => s,
        (None, None) => &counting,
    };
    let prints = cache
        .as_deref()
        .map(|_| render::fingerprint::fingerprints(&site, &theme, &plan));
    let todo = cache
        .as_deref()
        .zip(prints.as_deref())
        .map(|(c, f)| c.todo(&plan, f));
    let kinds = PageKinds::of(&plan);
    ticker.start(
        "render",
        todo.as_deref()
            .map_or(plan.len(), |t| t.iter().filter(|&&b| b).count()),
    );
    let ticking = TickingSink {
        inner: sink,
        ticker: &ticker,
    };
    let sink: &dyn Sink = if progress.is_some() { &ticking } else { sink };
    let search = site.config.search.enabled.then(|| {
        let synonyms = render::search::Synonyms::new(
            theme
                .synonyms
                .iter()
                .chain(&site.config.search.synonyms)
                .map(|(k, v)| (k.as_str(), v.as_slice())),
        );
        let interner = cache
            .as_deref()
            .map(|c| c.search.interner.clone())
            .unwrap_or_default();
        (synonyms, interner)
    });
    let known: Vec<_> = match (&search, cache.as_deref()) {
        (Some(_), Some(c)) => site
            .articles
            .iter()
            .enumerate()
            .map(|(id, a)| {
                c.search
                    .docs
                    .get(&a.path)
                    .filter(|k| k.0 == render::search::doc_key(&site, id))
                    .map(|k| k.1.clone())
            })
            .collect(),
        _ => Vec::new(),
    };
    let collector = search
        .as_ref()
        .map(|(syn, interner)| render::search::Collector::new(&site, interner, syn, known));
    let rendered = render::render(
        &site,
        &theme,
        &plan,
        env,
        sink,
        todo.as_deref(),
        collector.as_ref(),
    );
    lap("render", &mut timings);
    ticker.start("search", 0);
    let mut report = match rendered {
        Ok(r) => r,
        Err(e) => {
            if let Some(s) = staging {
                s.abandon();
            }
            return Err(content_failure(e, warnings));
        }
    };

    // 7. The search index, from the terms handed over while rendering.
    let mut index_files = None;
    if let (Some(collector), Some((synonyms, interner))) = (collector, &search) {
        report.search_cut = collector.cut_time();
        let fail = |e: String, staging: Option<Staging>, warnings: Vec<Diagnostic>| {
            if let Some(s) = staging {
                s.abandon();
            }
            content_failure(
                vec![Diagnostic::error("", 0, 0, Code::SearchIndex { detail: e })],
                warnings,
            )
        };
        let docs = match collector.into_docs() {
            Ok(d) => d,
            Err(e) => return Err(fail(e, staging, warnings)),
        };
        let texts = interner.texts();
        let input = render::search::index::Input {
            site: &site,
            docs: &docs,
            texts: &texts,
            synonyms,
        };
        let empty = Default::default();
        let before = cache.as_deref().map_or(&empty, |c| &c.search.written);
        match render::search::index::write(&input, sink, before) {
            Ok(w) => index_files = Some((docs, w)),
            Err(e) => return Err(fail(e.to_string(), staging, warnings)),
        }
    }
    if let (Some(cache), Some(prints)) = (cache, prints) {
        cache.made(&plan, prints);
        if let Some((docs, written)) = index_files {
            cache.search.docs = site
                .articles
                .iter()
                .zip(docs)
                .enumerate()
                .map(|(id, (a, d))| (a.path.clone(), (render::search::doc_key(&site, id), d)))
                .collect();
            cache.search.written = written.into_iter().collect();
        } else {
            cache.search = Default::default();
        }
    }
    lap("search", &mut timings);
    ticker.start("commit", 0);
    let (output, written) = match staging {
        Some(s) => {
            let stats = *s.stats.lock().expect("no panics while locked");
            let dir = s.commit().map_err(|e| {
                Failure::Config(vec![Diagnostic::error(
                    output_dir.display().to_string(),
                    0,
                    0,
                    Code::CannotReplaceOutput { error: (&e).into() },
                )])
            })?;
            (Some(dir), stats)
        }
        None => (None, (0, 0, 0)),
    };
    lap("commit", &mut timings);
    diag::sort(&mut warnings);
    Ok(BuildReport {
        articles: site.articles.len(),
        standalone: site.pages.len(),
        sections: site.sections.len() - 1,
        pages: report.pages,
        feeds: report.feeds,
        assets: site.assets.len() + theme.static_files.len(),
        images: image_counts,
        variants: site.variants.len(),
        kinds,
        lang: site.config.lang,
        skipped,
        warnings,
        timings,
        template_times: report.template_times,
        search_cut: report.search_cut,
        output,
        written,
    })
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

/// The error for an output folder that cannot be used.
fn output_error(dir: &Path, problem: crate::diag::OutputProblem) -> Diagnostic {
    let path = dir.display().to_string();
    Diagnostic::error(path.clone(), 0, 0, Code::OutputFolder { path, problem })
}

fn content_failure(mut errors: Vec<Diagnostic>, mut warnings: Vec<Diagnostic>) -> Failure {
    diag::sort(&mut errors);
    diag::sort(&mut warnings);
    Failure::Content { errors, warnings }
}

/// Errors about config.yaml are configuration errors (exit 2); others are content.
fn split_config_errors(errors: Vec<Diagnostic>, warnings: Vec<Diagnostic>) -> Failure {
    if errors.iter().any(|d| d.file == Path::new("config.yaml")) {
        Failure::Config(errors)
    } else {
        content_failure(errors, warnings)
    }
}
