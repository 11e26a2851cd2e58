//! Watching the site's files for `serve`: `config.yaml`, `content/`,
//! `templates/`, `static/` and `themes/`, with the several writes of one
//! save (editors write a temporary file, rename, touch) gathered into one
//! batch.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher as _};

use crate::diag::Diagnostic;

/// The folders of a site whose files make the site.
const FOLDERS: [&str; 4] = ["content", "templates", "static", "themes"];

/// Longest wait for a save to settle: a folder copied in bit by bit still
/// builds within this time.
const MOST: Duration = Duration::from_secs(1);

pub struct Watcher {
    root: PathBuf,
    inner: Mutex<notify::RecommendedWatcher>,
    events: Receiver<notify::Result<notify::Event>>,
    /// Folders of [`FOLDERS`] watched so far (a folder made later is added).
    watched: Mutex<BTreeSet<PathBuf>>,
    /// Language of the problems printed while watching.
    lang: crate::lang::Lang,
}

fn watch_error(path: &Path, e: notify::Error) -> Diagnostic {
    Diagnostic::error(
        path.display().to_string(),
        0,
        0,
        crate::diag::Code::CannotWatch {
            detail: e.to_string(),
        },
    )
}

impl Watcher {
    /// Starts watching the site at `root`.
    pub fn new(root: &Path, lang: crate::lang::Lang) -> Result<Watcher, Diagnostic> {
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let (tx, events) = channel();
        let mut inner = notify::recommended_watcher(tx).map_err(|e| watch_error(&root, e))?;
        inner
            .watch(&root, RecursiveMode::NonRecursive)
            .map_err(|e| watch_error(&root, e))?;
        let w = Watcher {
            root,
            inner: Mutex::new(inner),
            events,
            watched: Mutex::new(BTreeSet::new()),
            lang,
        };
        w.watch_folders()?;
        Ok(w)
    }

    /// Watches each site folder that exists and is not watched yet.
    fn watch_folders(&self) -> Result<(), Diagnostic> {
        let mut watched = self.watched.lock().unwrap_or_else(|e| e.into_inner());
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        for f in FOLDERS {
            let dir = self.root.join(f);
            if dir.is_dir() && !watched.contains(&dir) {
                inner
                    .watch(&dir, RecursiveMode::Recursive)
                    .map_err(|e| watch_error(&dir, e))?;
                watched.insert(dir);
            }
        }
        Ok(())
    }

    /// The next batch of changed site files: blocks until one changes, then
    /// gathers what follows until the files have been quiet for
    /// [`super::SETTLE`]. `None` when watching has stopped.
    pub fn next_batch(&self) -> Option<Vec<PathBuf>> {
        let mut changed = BTreeSet::new();
        let mut first: Option<Instant> = None;
        loop {
            let event = match first {
                None => self.events.recv().ok()?,
                Some(t) => {
                    let left = MOST.saturating_sub(t.elapsed());
                    match self.events.recv_timeout(super::SETTLE.min(left)) {
                        Ok(e) => e,
                        Err(RecvTimeoutError::Timeout) => break,
                        Err(RecvTimeoutError::Disconnected) => return None,
                    }
                }
            };
            let Ok(event) = event else { continue };
            if matches!(event.kind, notify::EventKind::Access(_)) {
                continue;
            }
            for p in event.paths {
                if super::relevant(&self.root, &p) {
                    changed.insert(p);
                    first.get_or_insert_with(Instant::now);
                }
            }
        }
        // A site folder made since the start (templates/, static/) is
        // watched from now on; a failure leaves the others watched.
        if let Err(d) = self.watch_folders() {
            crate::errln!("{}", d.report(self.lang));
        }
        Some(changed.into_iter().collect())
    }
}
