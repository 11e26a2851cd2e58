//! The site kept in memory by `serve`: every file of the plan, pages as
//! bytes and copied files as the path of their source.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::paths::OutPath;
use crate::render::Sink;

/// One file of the served site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// A rendered page, feed or stylesheet.
    Bytes(Arc<[u8]>),
    /// A static or content file, read from disk when asked for: images and
    /// attachments are not held in memory.
    File(PathBuf),
}

/// Files by output path (`tin-tuc/index.html`).
pub type Files = HashMap<String, Stored>;

/// A [`Sink`] that keeps what a build makes.
#[derive(Default)]
pub struct MemorySink {
    files: Mutex<Files>,
}

impl MemorySink {
    /// The files made, by output path.
    pub fn into_files(self) -> Files {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }

    fn insert(&self, path: &OutPath, file: Stored) {
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.as_str().to_string(), file);
    }
}

impl Sink for MemorySink {
    fn write(&self, path: &OutPath, bytes: &[u8]) -> std::io::Result<()> {
        self.insert(path, Stored::Bytes(bytes.into()));
        Ok(())
    }

    fn copy(&self, path: &OutPath, src: &std::path::Path) -> std::io::Result<()> {
        self.insert(path, Stored::File(src.to_path_buf()));
        Ok(())
    }
}

/// The output file that answers request path `path` (already decoded,
/// without query): `/` → `index.html`, `/a/` → `a/index.html`, `/a` →
/// `a/index.html` when there is no file `a`.
pub fn lookup<'a>(files: &'a Files, path: &str) -> Option<(&'a str, &'a Stored)> {
    let rel = path.trim_start_matches('/');
    let candidates = if rel.is_empty() || rel.ends_with('/') {
        vec![format!("{rel}index.html")]
    } else {
        vec![rel.to_string(), format!("{rel}/index.html")]
    };
    candidates
        .into_iter()
        .find_map(|c| files.get_key_value(c.as_str()))
        .map(|(k, v)| (k.as_str(), v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_find_their_index_files() {
        let mut files = Files::new();
        for p in [
            "index.html",
            "tin-tuc/index.html",
            "rss.xml",
            "a b/index.html",
        ] {
            files.insert(p.into(), Stored::Bytes(Arc::from(&b"x"[..])));
        }
        assert_eq!(lookup(&files, "/").unwrap().0, "index.html");
        assert_eq!(lookup(&files, "/tin-tuc/").unwrap().0, "tin-tuc/index.html");
        assert_eq!(lookup(&files, "/tin-tuc").unwrap().0, "tin-tuc/index.html");
        assert_eq!(lookup(&files, "/rss.xml").unwrap().0, "rss.xml");
        assert_eq!(lookup(&files, "/a b/").unwrap().0, "a b/index.html");
        assert!(lookup(&files, "/../config.yaml").is_none());
        assert!(lookup(&files, "/khong-co/").is_none());
    }
}
