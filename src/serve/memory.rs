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
    /// Only its metadata is read (every copied file of every rebuild
    /// passes here); [`OnDisk::open`] checks the opened file against it.
    pub fn record(path: &Path) -> io::Result<OnDisk> {
        let meta = std::fs::symlink_metadata(path)?;
        let what = if meta.file_type().is_symlink() {
            "is a symbolic link"
        } else if !meta.is_file() {
            "is not a regular file"
        } else {
            return Ok(OnDisk {
                path: path.to_path_buf(),
                len: meta.len(),
                id: identity(&meta),
            });
        };
        Err(io::Error::other(format!("{} {what}", path.display())))
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
    use std::io::Read;

    #[cfg(unix)]
    #[test]
    fn a_served_file_is_the_one_the_build_saw_or_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let secret = dir.path().join("id_rsa");
        std::fs::write(&secret, "bí mật").unwrap();
        let p = dir.path().join("anh-480w.webp");
        std::fs::write(&p, "RIFF....WEBP").unwrap();
        let rec = OnDisk::record(&p).unwrap();
        // Kept alive, so that no file made below can get its inode number.
        std::fs::hard_link(&p, dir.path().join("giu")).unwrap();
        let mut text = String::new();
        rec.open().unwrap().read_to_string(&mut text).unwrap();
        assert_eq!(text, "RIFF....WEBP");
        let swap = |make: &dyn Fn()| {
            let _ = std::fs::remove_file(&p);
            let _ = std::fs::remove_dir(&p);
            make();
            rec.open()
        };
        let link = || std::os::unix::fs::symlink(&secret, &p).unwrap();
        assert!(matches!(swap(&link), Err(Changed::Link)));
        assert!(OnDisk::record(&p).is_err(), "a link is not recorded");
        let folder = || std::fs::create_dir(&p).unwrap();
        assert!(matches!(swap(&folder), Err(Changed::NotAFile)));
        assert!(OnDisk::record(&p).is_err(), "a folder is not recorded");
        // A pipe: opening it does not wait for a writer.
        let fifo = || {
            use rustix::fs::{FileType, Mode, CWD};
            rustix::fs::mknodat(CWD, &p, FileType::Fifo, Mode::RUSR | Mode::WUSR, 0).unwrap();
        };
        assert!(matches!(swap(&fifo), Err(Changed::NotAFile)));
        let same_length = || std::fs::write(&p, "RIFF....XXXX").unwrap();
        assert!(matches!(swap(&same_length), Err(Changed::Replaced)));
        let longer = || std::fs::write(&p, "RIFF....WEBP and more").unwrap();
        assert!(matches!(swap(&longer), Err(Changed::Replaced)));
        assert!(matches!(swap(&|| {}), Err(Changed::Missing)));
    }

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
