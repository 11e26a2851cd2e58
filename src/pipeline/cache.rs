//! What `serve` keeps from one build to the next, so that the next build
//! parses only the files that changed and renders only the output files
//! whose fingerprint changed (see [`crate::render::fingerprint`]).
//! Linking and planning run over the whole site every time: they are
//! cheap, and then a rebuild cannot drift from a full build.

use std::collections::HashMap;
use std::path::Path;
use std::time::SystemTime;

use crate::content::kind::Expect;
use crate::content::{Parsed, SourceFile};
use crate::render::search::{DocTerms, Interner};
use crate::render::Planned;

/// Size and modification time of a file: a file whose stamp is unchanged
/// is not read again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    pub(super) fn of(path: &Path) -> Option<Stamp> {
        let m = std::fs::metadata(path).ok()?;
        Some(Stamp {
            len: m.len(),
            modified: m.modified().ok(),
        })
    }
}

struct Entry {
    stamp: Stamp,
    expect: Expect,
    parsed: Parsed,
}

/// The state of the last build, for the next one.
#[derive(Default)]
pub struct Cache {
    /// The parse of each content file that parsed without error, by content path.
    parsed: HashMap<String, Entry>,
    /// Fingerprint of each output file of the last good build (`None`:
    /// made on every build); empty before the first build.
    made: HashMap<String, Option<u64>>,
    /// Parses used by the build under way, to keep when it ends.
    next: HashMap<String, Entry>,
    pub(super) search: SearchCache,
}

/// The search index's part: term ids, each article's terms (by page path,
/// with the key of what they were cut from), and the hash of each index
/// file, so that an edit rewrites only the files it changes.
#[derive(Default)]
pub(super) struct SearchCache {
    pub interner: std::sync::Arc<Interner>,
    pub docs: HashMap<String, (u64, std::sync::Arc<DocTerms>)>,
    pub written: HashMap<String, u64>,
}

impl Cache {
    /// Forgets everything: the next build is a full one. For changes that
    /// reach every page (settings, templates, the theme, static files).
    pub fn forget(&mut self) {
        *self = Cache::default();
    }

    /// Forgets the parse of the file at `path`, whatever its stamp says
    /// (a file rewritten within the same clock tick).
    pub fn changed(&mut self, root: &Path, path: &Path) {
        let content = root.join("content");
        if let Ok(rel) = path.strip_prefix(&content) {
            let rel = rel.to_string_lossy().replace('\\', "/");
            self.parsed.remove(&rel);
        }
    }

    /// Output paths of the last good build.
    pub fn outputs(&self) -> impl Iterator<Item = &str> {
        self.made
            .keys()
            .chain(self.search.written.keys())
            .map(String::as_str)
    }

    /// The kept parse of `file`, if the file has not changed since.
    pub(super) fn lookup(&self, file: &SourceFile, expect: Expect) -> Option<Parsed> {
        let e = self.parsed.get(&file.rel)?;
        let stamp = Stamp::of(&file.path)?;
        (e.stamp == stamp && e.expect == expect && e.parsed.file.kind == file.kind)
            .then(|| e.parsed.clone())
    }

    /// Keeps the parse of content file `rel` found by [`Cache::lookup`]
    /// for the next build.
    pub(super) fn reuse(&mut self, rel: &str) {
        if let Some(e) = self.parsed.remove(rel) {
            self.next.insert(rel.to_string(), e);
        }
    }

    /// Keeps a new parse of a file, read when the file had `stamp`.
    pub(super) fn keep(&mut self, stamp: Stamp, expect: Expect, parsed: Parsed) {
        let rel = parsed.file.rel.clone();
        self.next.insert(
            rel,
            Entry {
                stamp,
                expect,
                parsed,
            },
        );
    }

    /// Ends the parse stage: the parses of files that are gone are dropped.
    pub(super) fn parsed_all(&mut self) {
        self.parsed = std::mem::take(&mut self.next);
    }

    /// Which files of `plan` to make: those whose fingerprint is new.
    pub(super) fn todo(&self, plan: &[Planned], prints: &[Option<u64>]) -> Vec<bool> {
        plan.iter()
            .zip(prints)
            .map(|(p, f)| f.is_none() || self.made.get(p.out.as_str()) != Some(f))
            .collect()
    }

    /// Records what the last good build made.
    pub(super) fn made(&mut self, plan: &[Planned], prints: Vec<Option<u64>>) {
        self.made = plan
            .iter()
            .zip(prints)
            .map(|(p, f)| (p.out.as_str().to_string(), f))
            .collect();
    }
}
