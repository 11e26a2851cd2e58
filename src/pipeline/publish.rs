//! The last stages: every page rendered in parallel straight to where the
//! site goes, the search index from the terms handed over meanwhile, and the
//! commit that puts a new site in place of the old one.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Code, Diagnostic};
use crate::model::Site;
use crate::output::Staging;
use crate::render::search::{self, Collector, Interner, Synonyms};
use crate::render::{self, CountingSink, Planned, RenderReport, Sink, Theme};

use super::progress::{Ticker, TickingSink};
use super::{output_error, Ctx, Diags, Failure, Setup};

/// Where the files of the site go: the staging folder of a build to disk,
/// the caller's sink (`serve` keeps the site in memory), or only counted
/// (`check`).
pub(super) struct Output<'a> {
    staging: Option<Staging>,
    given: Option<&'a dyn Sink>,
    counting: CountingSink,
}

impl<'a> Output<'a> {
    fn open(ctx: &Ctx<'a>, dir: &Path) -> Result<Output<'a>, Failure> {
        let staging = if ctx.to_disk {
            Some(
                Staging::new(&ctx.opts.root, dir)
                    .map_err(|e| Failure::Config(vec![output_error(dir, e)]))?,
            )
        } else {
            None
        };
        Ok(Output {
            staging,
            given: ctx.sink,
            counting: CountingSink::default(),
        })
    }

    /// The sink of every file made; each file ticks the progress.
    fn sink<'s>(&'s self, ticker: &'s Ticker<'s>) -> TickingSink<'s> {
        let inner: &dyn Sink = match (&self.staging, self.given) {
            (Some(s), _) => s,
            (None, Some(s)) => s,
            (None, None) => &self.counting,
        };
        TickingSink { inner, ticker }
    }

    /// Gives up: a staging folder is removed and the old site stays.
    fn abandon(self) {
        if let Some(s) = self.staging {
            s.abandon();
        }
    }

    /// Puts the staged site in place of the old one: the folder, and the
    /// files written, bytes written and files kept unchanged.
    pub(super) fn commit(
        self,
        ctx: &Ctx<'_>,
        dir: &Path,
    ) -> Result<(Option<PathBuf>, Written), Failure> {
        ctx.ticker.start("commit", 0);
        let Some(s) = self.staging else {
            return Ok((None, (0, 0, 0)));
        };
        let stats = *s.stats.lock().expect("no panics while locked");
        let dir = s.commit().map_err(|e| {
            Failure::Config(vec![Diagnostic::error(
                dir.display().to_string(),
                0,
                0,
                Code::CannotReplaceOutput { error: (&e).into() },
            )])
        })?;
        Ok((Some(dir), stats))
    }
}

/// Files written, bytes written, files kept unchanged from the last build.
pub(super) type Written = (usize, u64, usize);

/// What the search index is made with, when the site has one: synonyms,
/// and the term ids of the last build.
pub(super) struct Search {
    synonyms: Synonyms,
    interner: Arc<Interner>,
}

impl Search {
    pub(super) fn of(ctx: &Ctx<'_>, site: &Site, theme: &Theme) -> Option<Search> {
        site.config.search.enabled.then(|| Search {
            synonyms: Synonyms::new(
                theme
                    .synonyms
                    .iter()
                    .chain(&site.config.search.synonyms)
                    .map(|(k, v)| (k.as_str(), v.as_slice())),
            ),
            interner: ctx
                .cache
                .as_deref()
                .map(|c| c.search.interner.clone())
                .unwrap_or_default(),
        })
    }

    /// Takes each article's text while it renders; the terms of articles
    /// unchanged since the last build are not cut again.
    pub(super) fn collector<'s>(&'s self, ctx: &Ctx<'_>, site: &'s Site) -> Collector<'s> {
        let known: Vec<_> = match ctx.cache.as_deref() {
            Some(c) => site
                .articles
                .iter()
                .enumerate()
                .map(|(id, a)| {
                    c.search
                        .docs
                        .get(&a.path)
                        .filter(|k| k.0 == search::doc_key(site, id))
                        .map(|k| k.1.clone())
                })
                .collect(),
            None => Vec::new(),
        };
        Collector::new(site, &self.interner, &self.synonyms, known)
    }
}

/// What the render stage made, and what the search stage goes on with.
pub(super) struct Rendered<'s, 'a> {
    report: Result<RenderReport, Vec<Diagnostic>>,
    /// Fingerprint of each planned file, when a cache keeps them.
    prints: Option<Vec<Option<u64>>>,
    /// The terms of every article, for the search index.
    collector: Option<(&'s Search, Collector<'s>)>,
    out: Output<'a>,
}

/// Renders every planned file in parallel, each written as soon as it is
/// made: only those whose fingerprint changed when the cache knows them.
pub(super) fn render<'s, 'a>(
    ctx: &Ctx<'a>,
    site: &'s Site,
    setup: &mut Setup,
    plan: &[Planned],
    search: Option<&'s Search>,
) -> Result<Rendered<'s, 'a>, Failure> {
    let out = Output::open(ctx, &setup.output_dir)?;
    let theme = &setup.theme;
    let env = setup.env.take().expect("link checked the templates");
    let collector = search.map(|s| (s, s.collector(ctx, site)));
    let prints = ctx
        .cache
        .as_deref()
        .map(|_| render::fingerprint::fingerprints(site, theme, plan));
    let todo = ctx
        .cache
        .as_deref()
        .zip(prints.as_deref())
        .map(|(c, f)| c.todo(plan, f));
    ctx.ticker.start(
        "render",
        todo.as_deref()
            .map_or(plan.len(), |t| t.iter().filter(|&&b| b).count()),
    );
    let sink = out.sink(&ctx.ticker);
    let only = todo.as_deref();
    let report = render::render(
        site,
        theme,
        plan,
        env,
        &sink,
        only,
        collector.as_ref().map(|c| &c.1),
    );
    Ok(Rendered {
        report,
        prints,
        collector,
        out,
    })
}

/// Writes the search index from the terms handed over while rendering, and
/// keeps for the next build what it made. A failure of rendering ends the
/// build here, the old site left in place.
pub(super) fn index<'a>(
    ctx: &mut Ctx<'a>,
    site: &Site,
    plan: &[Planned],
    rendered: Rendered<'_, 'a>,
    diags: &Diags,
) -> Result<(RenderReport, Output<'a>), Failure> {
    let out = rendered.out;
    ctx.ticker.start("search", 0);
    let mut report = match rendered.report {
        Ok(r) => r,
        Err(e) => {
            out.abandon();
            return Err(diags.failure(e));
        }
    };
    let mut index_files = None;
    if let Some((search, collector)) = rendered.collector {
        report.search_cut = collector.cut_time();
        let docs = match collector.into_docs() {
            Ok(d) => d,
            Err(e) => return Err(search_failure(e, out, diags)),
        };
        let texts = search.interner.texts();
        let input = search::index::Input {
            site,
            docs: &docs,
            texts: &texts,
            synonyms: &search.synonyms,
        };
        let empty = Default::default();
        let before = ctx.cache.as_deref().map_or(&empty, |c| &c.search.written);
        match search::index::write(&input, &out.sink(&ctx.ticker), before) {
            Ok(w) => index_files = Some((docs, w)),
            Err(e) => return Err(search_failure(e.to_string(), out, diags)),
        }
    }
    if let (Some(cache), Some(prints)) = (ctx.cache.as_deref_mut(), rendered.prints) {
        cache.made(plan, prints);
        if let Some((docs, written)) = index_files {
            cache.search.docs = site
                .articles
                .iter()
                .zip(docs)
                .enumerate()
                .map(|(id, (a, d))| (a.path.clone(), (search::doc_key(site, id), d)))
                .collect();
            cache.search.written = written.into_iter().collect();
        } else {
            cache.search = Default::default();
        }
    }
    Ok((report, out))
}

fn search_failure(detail: String, out: Output<'_>, diags: &Diags) -> Failure {
    out.abandon();
    diags.failure(vec![Diagnostic::error(
        "",
        0,
        0,
        Code::SearchIndex { detail },
    )])
}
