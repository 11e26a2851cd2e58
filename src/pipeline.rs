//! The whole build on one screen: config → walk → parse → link → images →
//! plan → render → search → commit, each stage timed, every diagnostic of
//! every stage collected. `build`, `check` and `serve` differ only by the
//! context they pass: where the files go, what is kept between builds, who
//! watches the progress.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::Config;
use crate::content;
use crate::diag::{self, Code, Diagnostic};
use crate::model::{self, LinkInput, Published};
use crate::render::{self, Planned, Sink, Theme};
use crate::vi::DateTime;

mod cache;
mod images;
mod parse;
mod progress;
mod publish;
mod setup;
pub use cache::Cache;
pub use parse::HTML_BUDGET;
use progress::Ticker;
pub use progress::{PageKinds, Progress, BATCH};
use setup::Setup;

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

/// What `build`, `check` and `serve` differ by, carried through the stages.
pub(super) struct Ctx<'a> {
    opts: &'a BuildOptions,
    /// Where the files go instead of the output folder (`serve`).
    sink: Option<&'a dyn Sink>,
    /// What the last build kept, for a rebuild that makes only what changed.
    cache: Option<&'a mut Cache>,
    ticker: Ticker<'a>,
    /// Whether the output folder is checked and written: `build`, not
    /// `check`, nor a build into a sink.
    to_disk: bool,
}

impl<'a> Ctx<'a> {
    fn new(
        opts: &'a BuildOptions,
        sink: Option<&'a dyn Sink>,
        cache: Option<&'a mut Cache>,
        progress: Option<&'a dyn Progress>,
    ) -> Ctx<'a> {
        Ctx {
            opts,
            sink,
            cache,
            ticker: Ticker::new(progress),
            to_disk: opts.write && sink.is_none(),
        }
    }
}

/// The diagnostics collected so far: errors end the build after link, so
/// that one run reports all of them.
#[derive(Default)]
pub(super) struct Diags {
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

impl Diags {
    /// The output of a stage, its diagnostics collected here.
    fn take<T>(&mut self, (out, diags): (T, Diags)) -> T {
        self.append(diags);
        out
    }

    fn append(&mut self, mut other: Diags) {
        self.errors.append(&mut other.errors);
        self.warnings.append(&mut other.warnings);
    }

    /// The failure of a build stopped by `errors`, with every diagnostic so far.
    fn failure(&self, errors: Vec<Diagnostic>) -> Failure {
        let mut all = self.errors.clone();
        all.extend(errors);
        content_failure(all, self.warnings.clone())
    }
}

/// Times each stage and tells the progress when it ends.
struct Clock {
    start: Instant,
    timings: Vec<Stage>,
}

impl Clock {
    fn new() -> Clock {
        Clock {
            start: Instant::now(),
            timings: Vec::new(),
        }
    }

    /// Ends stage `name`, which began when the last one ended.
    fn lap(&mut self, ctx: &Ctx<'_>, name: &'static str) {
        let time = self.start.elapsed();
        self.timings.push(Stage {
            name,
            time,
            rss: resident_bytes(),
        });
        ctx.ticker.finish(name, time);
        self.start = Instant::now();
    }
}

fn run(
    opts: &BuildOptions,
    sink: Option<&dyn Sink>,
    cache: Option<&mut Cache>,
    progress: Option<&dyn Progress>,
) -> Result<BuildReport, Failure> {
    let mut ctx = Ctx::new(opts, sink, cache, progress);
    let mut clock = Clock::new();
    let (config, mut setup, mut diags) = setup::load(&ctx)?;
    clock.lap(&ctx, "config");
    let walked = diags.take(parse::walk(&ctx, &mut setup));
    clock.lap(&ctx, "walk");
    let parsed = diags.take(parse::parse(&mut ctx, &config, &setup, walked.sources));
    clock.lap(&ctx, "parse");
    let (mut site, skipped) = link(&ctx, config, &mut setup, walked.assets, parsed, &mut diags)?;
    clock.lap(&ctx, "link");
    let images = prepare_images(&ctx, &mut site, &mut setup.theme, &mut diags)?;
    clock.lap(&ctx, "images");
    let plan = plan(&ctx, &site, &setup.theme, &diags)?;
    clock.lap(&ctx, "plan");
    let search = publish::Search::of(&ctx, &site, &setup.theme);
    let rendered = publish::render(&ctx, &site, &mut setup, &plan, search.as_ref())?;
    clock.lap(&ctx, "render");
    let (report, out) = publish::index(&mut ctx, &site, &plan, rendered, &diags)?;
    clock.lap(&ctx, "search");
    let (output, written) = out.commit(&ctx, &setup.output_dir)?;
    clock.lap(&ctx, "commit");
    let mut warnings = diags.warnings;
    diag::sort(&mut warnings);
    Ok(BuildReport {
        articles: site.articles.len(),
        standalone: site.pages.len(),
        sections: site.sections.len() - 1,
        pages: report.pages,
        feeds: report.feeds,
        assets: site.assets.len() + setup.theme.static_files.len(),
        images,
        variants: site.variants.len(),
        kinds: PageKinds::of(&plan),
        lang: site.config.lang,
        skipped,
        warnings,
        timings: clock.timings,
        template_times: report.template_times,
        search_cut: report.search_cut,
        output,
        written,
    })
}

/// Links the site graph (pure, no I/O). Errors of every stage so far end
/// the build here, template errors too.
fn link(
    ctx: &Ctx<'_>,
    config: Config,
    setup: &mut Setup,
    assets: Vec<content::walk::Asset>,
    parsed: parse::ParseOut,
    diags: &mut Diags,
) -> Result<(model::Site, Published), Failure> {
    ctx.ticker.start("link", 0);
    let static_files: HashSet<String> = setup
        .theme
        .static_files
        .iter()
        .map(|f| f.path.clone())
        .collect();
    let now = ctx
        .opts
        .now
        .unwrap_or_else(|| DateTime::now(config.offset_minutes));
    let linked = model::link(LinkInput {
        config,
        parsed: parsed.parsed,
        assets,
        broken: parsed.broken,
        checked: parsed.checked,
        static_files,
        refused: std::mem::take(&mut setup.refused),
        markdown: parsed.md,
        drafts: ctx.opts.drafts,
        future: ctx.opts.future,
        now,
    });
    let (site, skipped) = match linked {
        Ok(s) => s,
        Err(e) => {
            // Links to files with errors of their own are warnings.
            let (w, e): (Vec<_>, Vec<_>) = e.into_iter().partition(|d| !d.is_error());
            diags.warnings.extend(w);
            return Err(diags.failure(e));
        }
    };
    if setup.env.is_none() || !diags.errors.is_empty() {
        return Err(diags.failure(Vec::new()));
    }
    Ok((site, skipped))
}

/// Images: metadata removed, sizes made (or found in the cache), and the
/// sizes pages reserve for featured images and attachments. Only a full
/// build to disk prunes the cache: `serve` may show drafts, `check` may run
/// beside a build.
fn prepare_images(
    ctx: &Ctx<'_>,
    site: &mut model::Site,
    theme: &mut Theme,
    diags: &mut Diags,
) -> Result<crate::media::cache::Counts, Failure> {
    let root = &ctx.opts.root;
    let counts = match images::prepare(site, theme, root, &ctx.ticker, ctx.to_disk) {
        Ok((w, counts)) => {
            diags.warnings.extend(w);
            counts
        }
        Err(e) => return Err(diags.failure(e)),
    };
    measure_featured_images(site, root);
    render::measure_attachments(site, theme);
    Ok(counts)
}

/// The plan of every output file, checked before anything is written.
fn plan(
    ctx: &Ctx<'_>,
    site: &model::Site,
    theme: &Theme,
    diags: &Diags,
) -> Result<Vec<Planned>, Failure> {
    ctx.ticker.start("plan", 0);
    let plan = render::plan(site, theme).map_err(|e| diags.failure(e))?;
    let dead_menu = render::site_view::check_menu(&site.config, &plan);
    if !dead_menu.is_empty() {
        return Err(diags.failure(dead_menu));
    }
    Ok(plan)
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
