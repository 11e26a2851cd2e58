//! What a build tells while it runs (the stage it is in, how far it got)
//! and what it made, by kind of page: the command line shows a progress
//! bar and a summary from them; tests and `serve` pass no [`Progress`].

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::paths::OutPath;
use crate::render::{Job, Planned, Sink};

/// Told of a build's stages as they run. `tick` is called from the
/// parsing and rendering threads, in batches of [`BATCH`] files (and the
/// rest at the end of the stage), so an implementation may take a lock.
pub trait Progress: Sync {
    /// Stage `name` begins, with `total` files to go through (0: not counted).
    fn start(&self, name: &'static str, total: usize);
    /// `n` more files of the current stage are done.
    fn tick(&self, n: usize);
    /// Stage `name` ended after `time`.
    fn finish(&self, name: &'static str, time: Duration);
}

/// Files done between two calls of [`Progress::tick`]: one atomic add per
/// file, and a call to the progress only now and then.
pub const BATCH: usize = 64;

/// Counts files done and tells `progress` every [`BATCH`] of them (every
/// one in a stage of few files, such as images, each slow).
pub(super) struct Ticker<'a> {
    progress: Option<&'a dyn Progress>,
    done: AtomicUsize,
    batch: AtomicUsize,
}

impl<'a> Ticker<'a> {
    pub(super) fn new(progress: Option<&'a dyn Progress>) -> Self {
        Ticker {
            progress,
            done: AtomicUsize::new(0),
            batch: AtomicUsize::new(BATCH),
        }
    }

    /// Starts stage `name` of `total` files.
    pub(super) fn start(&self, name: &'static str, total: usize) {
        self.done.store(0, Ordering::Relaxed);
        self.batch
            .store((total / 256).clamp(1, BATCH), Ordering::Relaxed);
        if let Some(p) = self.progress {
            p.start(name, total);
        }
    }

    /// One more file done.
    pub(super) fn tick(&self) {
        if let Some(p) = self.progress {
            let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
            let batch = self.batch.load(Ordering::Relaxed);
            if done.is_multiple_of(batch) {
                p.tick(batch);
            }
        }
    }

    /// Ends stage `name`: the files not told yet, then its time.
    pub(super) fn finish(&self, name: &'static str, time: Duration) {
        if let Some(p) = self.progress {
            let rest = self.done.swap(0, Ordering::Relaxed) % self.batch.load(Ordering::Relaxed);
            if rest > 0 {
                p.tick(rest);
            }
            p.finish(name, time);
        }
    }
}

/// A sink that ticks once per file it is given.
pub(super) struct TickingSink<'a> {
    pub(super) inner: &'a dyn Sink,
    pub(super) ticker: &'a Ticker<'a>,
}

impl Sink for TickingSink<'_> {
    fn write(&self, path: &OutPath, bytes: &[u8]) -> std::io::Result<()> {
        let r = self.inner.write(path, bytes);
        self.ticker.tick();
        r
    }

    fn copy(&self, path: &OutPath, src: &Path) -> std::io::Result<()> {
        let r = self.inner.copy(path, src);
        self.ticker.tick();
        r
    }
}

/// The HTML pages of a site, by kind.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PageKinds {
    pub articles: usize,
    /// Standalone pages (Giới thiệu, Liên hệ).
    pub pages: usize,
    /// The home page and section listings, every page of each.
    pub listings: usize,
    /// Taxonomy indexes and the listings of their terms (tags, categories…).
    pub taxonomies: usize,
    /// The archive by year and month.
    pub archive: usize,
    /// Pages that send old URLs (`aliases`) to the new ones.
    pub redirects: usize,
    /// The "page not found" page.
    pub not_found: usize,
}

impl PageKinds {
    /// The pages of `plan`, by kind.
    pub fn of(plan: &[Planned]) -> PageKinds {
        let mut k = PageKinds::default();
        for p in plan {
            match p.job {
                Job::Article(_) => k.articles += 1,
                // The search page is a page of its own.
                Job::Page(_) | Job::SearchPage => k.pages += 1,
                Job::Home(_) | Job::Section(..) => k.listings += 1,
                Job::TaxonomyIndex(_) | Job::Term(..) => k.taxonomies += 1,
                Job::ArchiveIndex | Job::ArchiveYear(_) | Job::ArchiveMonth(..) => k.archive += 1,
                Job::Alias(_) => k.redirects += 1,
                Job::NotFound => k.not_found += 1,
                Job::Rss(_)
                | Job::Atom
                | Job::Sitemap(_)
                | Job::SitemapIndex
                | Job::Robots
                | Job::HighlightCss
                | Job::Marker
                | Job::SearchDoc(_)
                | Job::Asset(_)
                | Job::Variant(_)
                | Job::Static(_) => {}
            }
        }
        k
    }

    /// Every page.
    pub fn total(&self) -> usize {
        self.articles
            + self.pages
            + self.listings
            + self.taxonomies
            + self.archive
            + self.redirects
            + self.not_found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// Every call, in order.
    #[derive(Default)]
    struct Calls(Mutex<Vec<String>>);

    impl Progress for Calls {
        fn start(&self, name: &'static str, total: usize) {
            self.0.lock().unwrap().push(format!("start {name} {total}"));
        }
        fn tick(&self, n: usize) {
            self.0.lock().unwrap().push(format!("tick {n}"));
        }
        fn finish(&self, name: &'static str, _time: Duration) {
            self.0.lock().unwrap().push(format!("finish {name}"));
        }
    }

    #[test]
    fn ticks_come_in_batches_and_add_up_to_the_files_done() {
        let calls = Calls::default();
        let ticker = Ticker::new(Some(&calls));
        ticker.start("parse", 20_000);
        use rayon::prelude::*;
        (0..200).into_par_iter().for_each(|_| ticker.tick());
        ticker.finish("parse", Duration::ZERO);
        ticker.start("link", 0);
        ticker.finish("link", Duration::ZERO);
        let calls = calls.0.into_inner().unwrap();
        assert_eq!(
            calls,
            [
                "start parse 20000",
                "tick 64",
                "tick 64",
                "tick 64",
                "tick 8",
                "finish parse",
                "start link 0",
                "finish link"
            ]
        );
    }

    #[test]
    fn a_stage_of_few_slow_files_ticks_every_one() {
        let calls = Calls::default();
        let ticker = Ticker::new(Some(&calls));
        ticker.start("images", 3);
        (0..3).for_each(|_| ticker.tick());
        ticker.finish("images", Duration::ZERO);
        let calls = calls.0.into_inner().unwrap();
        assert_eq!(
            calls,
            [
                "start images 3",
                "tick 1",
                "tick 1",
                "tick 1",
                "finish images"
            ]
        );
    }

    #[test]
    fn without_progress_nothing_is_counted() {
        let ticker = Ticker::new(None);
        ticker.start("parse", 3);
        ticker.tick();
        assert_eq!(ticker.done.load(Ordering::Relaxed), 0);
    }
}
