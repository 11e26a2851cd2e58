//! Rendering: every page of the site to bytes, in parallel, handed to a
//! [`Sink`] as soon as it is made so that memory stays bounded.

pub mod env;
mod feeds;
pub mod fingerprint;
pub mod links;
mod pages;
pub mod picture;
pub mod plan;
pub mod search;
pub mod site_view;
pub mod theme;
pub mod views;

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use rayon::prelude::*;

use crate::diag::{Code, Diagnostic, Output};
use crate::model::Site;
use crate::paths::OutPath;

pub use links::rewrite_links;
/// Public for the fuzz targets, which check it on any rendered body.
pub use pages::attachments::measure as measure_attachments;
pub use plan::{plan, Job, Planned};
pub use theme::Theme;

/// Where rendered files go: a staging folder, memory, or nowhere. It takes
/// only checked paths, so nothing lands outside the output.
pub trait Sink: Sync {
    /// Writes `bytes` to the output file `path`.
    fn write(&self, path: &OutPath, bytes: &[u8]) -> std::io::Result<()>;
    /// Copies the file `src` to the output file `path`.
    fn copy(&self, path: &OutPath, src: &std::path::Path) -> std::io::Result<()>;
}

/// A sink that only counts, for `bantin check`.
#[derive(Default)]
pub struct CountingSink {
    pub files: AtomicUsize,
    pub bytes: AtomicU64,
}

impl Sink for CountingSink {
    fn write(&self, _path: &OutPath, bytes: &[u8]) -> std::io::Result<()> {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        Ok(())
    }

    fn copy(&self, _path: &OutPath, src: &std::path::Path) -> std::io::Result<()> {
        let len = std::fs::metadata(src)?.len();
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(len, Ordering::Relaxed);
        Ok(())
    }
}

/// What rendering produced.
#[derive(Debug, Default)]
pub struct RenderReport {
    pub pages: usize,
    pub feeds: usize,
    /// Time spent in each template, summed over threads.
    pub template_times: Vec<(String, Duration, usize)>,
    /// Time spent cutting articles into search terms, summed over threads.
    pub search_cut: Duration,
}

/// The jobs of `plan` to run now (those `only` marks, or all), and for each
/// article whether its page is among them: that job then writes its search
/// fragment too.
fn todo<'p>(
    site: &Site,
    plan: &'p [Planned],
    only: Option<&[bool]>,
) -> (Vec<&'p Planned>, Vec<bool>) {
    let todo: Vec<&Planned> = match only {
        Some(only) => plan
            .iter()
            .zip(only)
            .filter(|(_, &o)| o)
            .map(|(p, _)| p)
            .collect(),
        None => plan.iter().collect(),
    };
    let mut paged = vec![false; site.articles.len()];
    for p in &todo {
        if let Job::Article(id) = p.job {
            paged[id] = true;
        }
    }
    (todo, paged)
}

/// Makes every file of `plan` — renders pages and feeds of `site` with
/// `theme` (compiled into `env`), copies static and content files — into
/// `sink`, in parallel; with `only`, just the files it marks (a rebuild of
/// what changed).
pub fn render(
    site: &Site,
    theme: &Theme,
    plan: &[Planned],
    env: minijinja::Environment<'static>,
    sink: &dyn Sink,
    only: Option<&[bool]>,
    search: Option<&search::Collector<'_>>,
) -> Result<RenderReport, Vec<Diagnostic>> {
    let ctx = pages::Renderer::new(site, theme, plan, env, search);
    let errors = Mutex::new(Vec::new());
    let times = Mutex::new(std::collections::BTreeMap::<&'static str, (Duration, usize)>::new());
    let pages = AtomicUsize::new(0);
    let feeds = AtomicUsize::new(0);
    let failed = |what: &str, owner: (String, usize, usize, Output), e: std::io::Error| {
        let file = if owner.0.is_empty() {
            what.to_string()
        } else {
            owner.0
        };
        let code = Code::CannotWrite {
            what: owner.3,
            error: (&e).into(),
        };
        errors
            .lock()
            .expect("no panics while locked")
            .push(Diagnostic::error(file, owner.1, owner.2, code));
    };
    let (todo, paged) = todo(site, plan, only);
    todo.par_iter().with_min_len(8).for_each(|&p| {
        let written = match p.job {
            Job::Asset(i) => sink.copy(&p.out, &site.assets[i].src),
            Job::Variant(i) => sink.copy(&p.out, &site.variants[i].src),
            Job::Static(i) => match &theme.static_files[i].bytes {
                theme::Bytes::Embedded(b) => sink.write(&p.out, b),
                theme::Bytes::Disk(src) => sink.copy(&p.out, src),
            },
            Job::SearchDoc(id) if paged[id] => Ok(()),
            Job::SearchDoc(id) => {
                let Some(c) = search else { return };
                match site.article_html(id) {
                    Ok((html, _)) => {
                        let (out, bytes) = c.article(id, &html);
                        sink.write(&out, &bytes)
                    }
                    Err(e) => {
                        let error = crate::diag::Io {
                            kind: crate::diag::IoKind::Other,
                            detail: e,
                        };
                        let code = crate::diag::Code::CannotRead { error };
                        let d = Diagnostic::error(site.articles[id].file(), 0, 0, code);
                        errors.lock().expect("no panics while locked").push(d);
                        return;
                    }
                }
            }
            job => {
                let started = std::time::Instant::now();
                let (bytes, template, beside) = match ctx.render(p) {
                    Ok(r) => r,
                    Err(d) => {
                        errors.lock().expect("no panics while locked").push(*d);
                        return;
                    }
                };
                let elapsed = started.elapsed();
                if job.is_feed() {
                    feeds.fetch_add(1, Ordering::Relaxed);
                } else if job.is_page() {
                    pages.fetch_add(1, Ordering::Relaxed);
                }
                if let Some(t) = template {
                    let mut times = times.lock().expect("no panics while locked");
                    let entry = times.entry(t).or_default();
                    entry.0 += elapsed;
                    entry.1 += 1;
                }
                match beside {
                    Some((out, b)) => sink
                        .write(&out, &b)
                        .and_then(|()| sink.write(&p.out, &bytes)),
                    None => sink.write(&p.out, &bytes),
                }
            }
        };
        if let Err(e) = written {
            failed(p.out.as_str(), plan::owner(site, theme, p.job), e);
        }
    });
    let mut errors = errors.into_inner().expect("no panics while locked");
    if !errors.is_empty() {
        // One template error repeats on every page that uses it; report it once.
        errors.sort_by_cached_key(|d| (d.file.clone(), d.line, d.message_en()));
        errors.dedup_by(|a, b| a.file == b.file && a.line == b.line && a.code == b.code);
        return Err(errors);
    }
    Ok(RenderReport {
        pages: pages.into_inner(),
        feeds: feeds.into_inner(),
        template_times: times
            .into_inner()
            .expect("no panics")
            .into_iter()
            .map(|(k, (d, n))| (k.to_string(), d, n))
            .collect(),
        search_cut: Duration::ZERO,
    })
}
