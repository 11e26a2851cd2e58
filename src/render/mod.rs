//! Rendering: every page of the site to bytes, in parallel, handed to a
//! [`Sink`] as soon as it is made so that memory stays bounded.

pub mod env;
mod feeds;
mod pages;
pub mod theme;
pub mod views;

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use rayon::prelude::*;

use crate::diag::Diagnostic;
use crate::model::Site;

pub use pages::Job;
pub use theme::Theme;

/// Where rendered files go: a staging folder, memory, or nowhere.
pub trait Sink: Sync {
    /// Writes `bytes` to the site path `path`.
    fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()>;
}

/// A sink that only counts, for `bantin check`.
#[derive(Default)]
pub struct CountingSink {
    pub files: AtomicUsize,
    pub bytes: AtomicU64,
}

impl Sink for CountingSink {
    fn write(&self, _path: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
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
}

/// Renders every page of `site` with `theme` (compiled into `env`) into `sink`.
pub fn render(
    site: &Site,
    theme: &Theme,
    env: minijinja::Environment<'static>,
    sink: &dyn Sink,
) -> Result<RenderReport, Vec<Diagnostic>> {
    let ctx = pages::Renderer::new(site, theme, env);
    let jobs = pages::jobs(site);
    let errors = Mutex::new(Vec::new());
    let times = Mutex::new(std::collections::BTreeMap::<String, (Duration, usize)>::new());
    let pages = AtomicUsize::new(0);
    let feeds = AtomicUsize::new(0);
    jobs.par_iter().with_min_len(8).for_each(|job| {
        let started = std::time::Instant::now();
        let result = ctx.render(job);
        let elapsed = started.elapsed();
        match result {
            Ok(out) => {
                let counter = if out.is_feed { &feeds } else { &pages };
                counter.fetch_add(1, Ordering::Relaxed);
                if let Err(e) = sink.write(&out.path, &out.bytes) {
                    errors
                        .lock()
                        .expect("no panics while locked")
                        .push(Diagnostic::error(
                            out.path.clone(),
                            0,
                            0,
                            format!("cannot write output file: {e}"),
                        ));
                }
                if let Some(t) = out.template {
                    let mut times = times.lock().expect("no panics while locked");
                    let entry = times.entry(t.to_string()).or_default();
                    entry.0 += elapsed;
                    entry.1 += 1;
                }
            }
            Err(d) => errors.lock().expect("no panics while locked").push(*d),
        }
    });
    let mut errors = errors.into_inner().expect("no panics while locked");
    if !errors.is_empty() {
        // One template error repeats on every page that uses it; report it once.
        errors.sort_by(|a, b| (&a.file, a.line, &a.message).cmp(&(&b.file, b.line, &b.message)));
        errors.dedup_by(|a, b| a.file == b.file && a.line == b.line && a.message == b.message);
        return Err(errors);
    }
    Ok(RenderReport {
        pages: pages.into_inner(),
        feeds: feeds.into_inner(),
        template_times: times
            .into_inner()
            .expect("no panics")
            .into_iter()
            .map(|(k, (d, n))| (k, d, n))
            .collect(),
    })
}
