//! The site kept in memory by `serve`: every file of the plan, pages as
//! bytes and copied files as the path of their source, with what the build
//! saw of that file, so that a file swapped after the build (a link to a
//! private file planted in `.bantin-cache/`) is never served in its place.

use std::collections::HashMap;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
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
    File(OnDisk),
}

/// A file served from disk, as the build published it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnDisk {
    path: PathBuf,
    len: u64,
    /// Device and inode where the system has them: a file renamed into
    /// the path after the build is another file, even of the same length.
    id: Option<(u64, u64)>,
}

/// Why a file of the build is not served now.
#[derive(Debug)]
pub enum Changed {
    /// It is gone (a cache cleared while serving): a plain 404.
    Missing,
    /// A symbolic link is at its path now.
    Link,
    /// Something other than a regular file is at its path (a folder, a pipe).
    NotAFile,
    /// Another file, or the same one with another length.
    Replaced,
    /// It cannot be opened.
    Unreadable(io::Error),
}

impl OnDisk {
    /// Records the file at `path` as the build publishes it; refuses a
    /// link or anything but a regular file, as serving it later would.
    pub fn record(path: &Path) -> io::Result<OnDisk> {
        let (_, meta) = open_regular(path).map_err(|c| {
            let what = match c {
                Changed::Unreadable(e) => return e,
                Changed::Missing => return io::Error::from(io::ErrorKind::NotFound),
                Changed::Link => "is a symbolic link",
                Changed::NotAFile | Changed::Replaced => "is not a regular file",
            };
            io::Error::other(format!("{} {what}", path.display()))
        })?;
        Ok(OnDisk {
            path: path.to_path_buf(),
            len: meta.len(),
            id: identity(&meta),
        })
    }

    /// Where the file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Its length when the build published it.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether it was empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The file opened for serving, if it is still the one the build
    /// published: opened without following a link, a regular file, of the
    /// recorded length and identity. What is read is then what was checked.
    pub fn open(&self) -> Result<File, Changed> {
        let (file, meta) = open_regular(&self.path)?;
        if meta.len() != self.len || identity(&meta) != self.id {
            return Err(Changed::Replaced);
        }
        Ok(file)
    }
}

#[cfg(unix)]
fn identity(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity(_meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// Opens `path` for reading if it is a regular file and not a link. On
/// unix the open itself refuses a link (`O_NOFOLLOW`), and does not wait
/// for a writer if a pipe was put there (`O_NONBLOCK`).
#[cfg(unix)]
fn open_regular(path: &Path) -> Result<(File, std::fs::Metadata), Changed> {
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
    let fd = match rustix::fs::open(path, flags, Mode::empty()) {
        Ok(fd) => fd,
        Err(e) if e == rustix::io::Errno::LOOP || e == rustix::io::Errno::MLINK => {
            return Err(Changed::Link)
        }
        Err(e) if e == rustix::io::Errno::NOENT => return Err(Changed::Missing),
        Err(e) => return Err(Changed::Unreadable(e.into())),
    };
    let file = File::from(fd);
    let meta = file.metadata().map_err(Changed::Unreadable)?;
    if !meta.is_file() {
        return Err(Changed::NotAFile);
    }
    Ok((file, meta))
}

/// Opens `path` for reading if it is a regular file and not a link: checked
/// before opening, and the opened file checked again.
#[cfg(not(unix))]
fn open_regular(path: &Path) -> Result<(File, std::fs::Metadata), Changed> {
    let before = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(Changed::Missing),
        Err(e) => return Err(Changed::Unreadable(e)),
    };
    if before.file_type().is_symlink() {
        return Err(Changed::Link);
    }
    if !before.is_file() {
        return Err(Changed::NotAFile);
    }
    let file = File::open(path).map_err(Changed::Unreadable)?;
    let meta = file.metadata().map_err(Changed::Unreadable)?;
    if !meta.is_file() || meta.len() != before.len() {
        return Err(Changed::Replaced);
    }
    Ok((file, meta))
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
        self.insert(path, Stored::File(OnDisk::record(src)?));
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
