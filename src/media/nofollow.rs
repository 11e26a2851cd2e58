//! Folders and files of the image cache, reached without following any
//! symbolic link: a link planted in the cache must not lead a build to
//! publish, overwrite or prune a file elsewhere.
//!
//! On unix each folder is held open and everything in it is reached from
//! that handle (`openat` with `O_NOFOLLOW`, `unlinkat`, `renameat`), so a
//! folder swapped for a link after it was opened is not followed either.
//! Elsewhere each path is checked with `symlink_metadata` before use.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What a name in a folder is, seen without following links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    File,
    Folder,
    /// A symbolic link (or, on Windows, a junction): never followed.
    Link,
    /// A device, socket or pipe: never opened.
    Other,
}

/// The error for a name that is a link where a file or folder was expected.
#[derive(Debug)]
pub struct IsLink;

impl std::fmt::Display for IsLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a symbolic link, which is not followed")
    }
}

impl std::error::Error for IsLink {}

fn is_link_error() -> io::Error {
    io::Error::other(IsLink)
}

/// Whether `e` says that a link was found (and not followed).
pub fn is_link(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<IsLink>())
}

/// How deep [`Dir::remove`] goes: the cache is two levels deep; a deeper
/// tree is not bantin's and is left alone.
const MAX_DEPTH: usize = 8;

/// A folder of the cache, opened without following links.
pub struct Dir {
    path: PathBuf,
    #[cfg(unix)]
    fd: std::os::fd::OwnedFd,
}

impl std::fmt::Debug for Dir {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Dir").field(&self.path).finish()
    }
}

impl Dir {
    /// Opens the folder at `path`, which may be reached through links
    /// (the site's own folder may be), all but its last component.
    pub fn open_path(path: &Path) -> io::Result<Dir> {
        let (parent, name) = split(path)?;
        Dir::open_any(parent)?.sub(name, false)
    }

    /// Where this folder is, for messages and for copying its files.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The path of `name` in this folder.
    pub fn join(&self, name: &str) -> PathBuf {
        self.path.join(name)
    }

    /// Owner and permission bits of this folder itself.
    #[cfg(unix)]
    pub fn owner_and_mode(&self) -> io::Result<(u32, u32)> {
        use std::os::unix::fs::MetadataExt;
        let f = std::fs::File::from(self.fd.try_clone()?);
        let meta = f.metadata()?;
        Ok((meta.uid(), meta.mode()))
    }

    /// Bytes of file `name`, refused when it is a link or no regular file.
    pub fn read(&self, name: &str) -> io::Result<Vec<u8>> {
        let mut f = self.open_file(name)?;
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes)?;
        Ok(bytes)
    }

    /// Writes a new file `name` holding `bytes`; fails when anything of
    /// that name exists (a link planted there is not written through).
    pub fn write_new(&self, name: &str, bytes: &[u8]) -> io::Result<()> {
        let mut f = self.create_file(name)?;
        f.write_all(bytes)
    }

    /// Renames `from` to `to`, both in this folder; a link at `to` is
    /// replaced, not followed. A folder at `to` that is not empty makes it
    /// fail.
    pub fn rename(&self, from: &str, to: &str) -> io::Result<()> {
        self.rename_impl(from, to)
    }

    /// The names in this folder, `.` and `..` left out, in no order.
    pub fn names(&self) -> io::Result<Vec<String>> {
        self.names_impl()
    }

    /// What `name` is, and when it was last modified, without following it.
    pub fn kind(&self, name: &str) -> io::Result<(Kind, Option<SystemTime>)> {
        self.kind_impl(name)
    }

    /// Sets the modification time of `name` (a file or folder) to now,
    /// not through a link.
    pub fn touch(&self, name: &str) -> io::Result<()> {
        self.touch_impl(name)
    }

    /// Removes `name`: a link as a link, a folder with what it holds
    /// (through no link), a file.
    pub fn remove(&self, name: &str) -> io::Result<()> {
        self.remove_at(name, 0)
    }

    fn remove_at(&self, name: &str, depth: usize) -> io::Result<()> {
        match self.kind(name)?.0 {
            Kind::Folder => {
                if depth >= MAX_DEPTH {
                    return Err(io::Error::other("too deep to be bantin's"));
                }
                let sub = self.sub(name, false)?;
                for n in sub.names()? {
                    sub.remove_at(&n, depth + 1)?;
                }
                drop(sub);
                self.remove_empty_folder(name)
            }
            Kind::File | Kind::Link | Kind::Other => self.remove_file(name),
        }
    }
}

/// `path` as its parent folder and its last name.
fn split(path: &Path) -> io::Result<(&Path, &str)> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no folder name"))?;
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
    Ok((parent.unwrap_or(Path::new(".")), name))
}

#[cfg(unix)]
mod imp {
    use super::*;
    use rustix::fs::{self as rfs, AtFlags, FileType, Mode, OFlags};

    /// Opened without following a link at the last name, never blocking
    /// (a pipe planted in the cache must not stop the build).
    const NO_FOLLOW: OFlags = OFlags::NOFOLLOW
        .union(OFlags::CLOEXEC)
        .union(OFlags::NONBLOCK);

    impl Dir {
        /// Opens `path` following links: only for the folder above the cache.
        pub(crate) fn open_any(path: &Path) -> io::Result<Dir> {
            let fd = rfs::open(
                path,
                OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
                Mode::empty(),
            )?;
            Ok(Dir {
                path: path.to_path_buf(),
                fd,
            })
        }

        /// Opens folder `name` of this one, creating it first when
        /// `create` (with `mode`, less the umask); a link there is refused.
        pub fn sub_with(&self, name: &str, create: Option<u32>) -> io::Result<Dir> {
            if let Some(mode) = create {
                match rfs::mkdirat(&self.fd, name, Mode::from_raw_mode(mode as _)) {
                    Ok(()) => {}
                    Err(e) if e == rustix::io::Errno::EXIST => {}
                    Err(e) => return Err(e.into()),
                }
            }
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | NO_FOLLOW;
            match rfs::openat(&self.fd, name, flags, Mode::empty()) {
                Ok(fd) => Ok(Dir {
                    path: self.path.join(name),
                    fd,
                }),
                Err(e) => Err(self.why_not(name, e.into())),
            }
        }

        /// Opens folder `name`, creating it when `create`; a link is refused.
        pub fn sub(&self, name: &str, create: bool) -> io::Result<Dir> {
            self.sub_with(name, create.then_some(0o777))
        }

        /// Creates folder `name` with `mode` (less the umask) and opens it;
        /// fails when anything of that name exists.
        pub fn create_sub(&self, name: &str, mode: u32) -> io::Result<Dir> {
            rfs::mkdirat(&self.fd, name, Mode::from_raw_mode(mode as _))?;
            self.sub(name, false)
        }

        /// `e`, or [`IsLink`] when `name` is a link (the error of an open
        /// without following differs between systems).
        fn why_not(&self, name: &str, e: io::Error) -> io::Error {
            match self.kind(name) {
                Ok((Kind::Link, _)) => is_link_error(),
                _ => e,
            }
        }

        pub fn open_file(&self, name: &str) -> io::Result<std::fs::File> {
            let fd = rfs::openat(&self.fd, name, OFlags::RDONLY | NO_FOLLOW, Mode::empty())
                .map_err(|e| self.why_not(name, e.into()))?;
            let f = std::fs::File::from(fd);
            if !f.metadata()?.is_file() {
                return Err(io::Error::other(format!("{name} is not a regular file")));
            }
            Ok(f)
        }

        pub(super) fn create_file(&self, name: &str) -> io::Result<std::fs::File> {
            let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | NO_FOLLOW;
            let fd = rfs::openat(&self.fd, name, flags, Mode::from_raw_mode(0o666))?;
            Ok(std::fs::File::from(fd))
        }

        pub(super) fn rename_impl(&self, from: &str, to: &str) -> io::Result<()> {
            Ok(rfs::renameat(&self.fd, from, &self.fd, to)?)
        }

        pub(super) fn names_impl(&self) -> io::Result<Vec<String>> {
            let mut names = Vec::new();
            for entry in rfs::Dir::read_from(&self.fd)? {
                let entry = entry?;
                let name = entry.file_name().to_bytes();
                if name == b"." || name == b".." {
                    continue;
                }
                // Names bantin writes are ASCII; another is no entry of it
                // and is left for whoever made it.
                if let Ok(name) = std::str::from_utf8(name) {
                    names.push(name.to_string());
                }
            }
            Ok(names)
        }

        pub(super) fn kind_impl(&self, name: &str) -> io::Result<(Kind, Option<SystemTime>)> {
            let st = rfs::statat(&self.fd, name, AtFlags::SYMLINK_NOFOLLOW)?;
            let kind = match FileType::from_raw_mode(st.st_mode as _) {
                FileType::RegularFile => Kind::File,
                FileType::Directory => Kind::Folder,
                FileType::Symlink => Kind::Link,
                _ => Kind::Other,
            };
            #[allow(clippy::unnecessary_cast)]
            let (secs, nanos) = (st.st_mtime as i64, st.st_mtime_nsec as u32);
            let mtime = u64::try_from(secs).ok().map(|s| {
                SystemTime::UNIX_EPOCH + std::time::Duration::new(s, nanos.min(999_999_999))
            });
            Ok((kind, mtime))
        }

        pub(super) fn touch_impl(&self, name: &str) -> io::Result<()> {
            let fd = rfs::openat(&self.fd, name, OFlags::RDONLY | NO_FOLLOW, Mode::empty())
                .map_err(|e| self.why_not(name, e.into()))?;
            std::fs::File::from(fd).set_modified(SystemTime::now())
        }

        pub(super) fn remove_file(&self, name: &str) -> io::Result<()> {
            Ok(rfs::unlinkat(&self.fd, name, AtFlags::empty())?)
        }

        pub(super) fn remove_empty_folder(&self, name: &str) -> io::Result<()> {
            Ok(rfs::unlinkat(&self.fd, name, AtFlags::REMOVEDIR)?)
        }
    }
}

#[cfg(not(unix))]
mod imp {
    use super::*;

    impl Dir {
        /// Opens `path` following links: only for the folder above the cache.
        pub(crate) fn open_any(path: &Path) -> io::Result<Dir> {
            if !std::fs::metadata(path)?.is_dir() {
                return Err(io::Error::other("not a folder"));
            }
            Ok(Dir {
                path: path.to_path_buf(),
            })
        }

        /// Opens folder `name` of this one, creating it first when
        /// `create`; a link there is refused.
        pub fn sub_with(&self, name: &str, create: Option<u32>) -> io::Result<Dir> {
            let path = self.path.join(name);
            if create.is_some() {
                match std::fs::create_dir(&path) {
                    Err(e) if e.kind() != io::ErrorKind::AlreadyExists => return Err(e),
                    _ => {}
                }
            }
            match self.kind(name)?.0 {
                Kind::Folder => Ok(Dir { path }),
                Kind::Link => Err(is_link_error()),
                _ => Err(io::Error::other(format!("{name} is not a folder"))),
            }
        }

        /// Opens folder `name`, creating it when `create`; a link is refused.
        pub fn sub(&self, name: &str, create: bool) -> io::Result<Dir> {
            self.sub_with(name, create.then_some(0o777))
        }

        /// Creates folder `name` and opens it; fails when anything of that
        /// name exists.
        pub fn create_sub(&self, name: &str, _mode: u32) -> io::Result<Dir> {
            std::fs::create_dir(self.path.join(name))?;
            self.sub(name, false)
        }

        fn checked_file(&self, name: &str) -> io::Result<PathBuf> {
            match self.kind(name)?.0 {
                Kind::File => Ok(self.path.join(name)),
                Kind::Link => Err(is_link_error()),
                _ => Err(io::Error::other(format!("{name} is not a regular file"))),
            }
        }

        pub fn open_file(&self, name: &str) -> io::Result<std::fs::File> {
            std::fs::File::open(self.checked_file(name)?)
        }

        pub(super) fn create_file(&self, name: &str) -> io::Result<std::fs::File> {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(self.path.join(name))
        }

        pub(super) fn rename_impl(&self, from: &str, to: &str) -> io::Result<()> {
            if self.kind(to).is_ok_and(|(k, _)| k == Kind::Link) {
                self.remove_file(to)?;
            }
            std::fs::rename(self.path.join(from), self.path.join(to))
        }

        pub(super) fn names_impl(&self) -> io::Result<Vec<String>> {
            let mut names = Vec::new();
            for entry in std::fs::read_dir(&self.path)? {
                if let Some(name) = entry?.file_name().to_str() {
                    names.push(name.to_string());
                }
            }
            Ok(names)
        }

        pub(super) fn kind_impl(&self, name: &str) -> io::Result<(Kind, Option<SystemTime>)> {
            let meta = std::fs::symlink_metadata(self.path.join(name))?;
            let t = meta.file_type();
            let kind = if t.is_symlink() {
                Kind::Link
            } else if t.is_dir() {
                Kind::Folder
            } else if t.is_file() {
                Kind::File
            } else {
                Kind::Other
            };
            Ok((kind, meta.modified().ok()))
        }

        pub(super) fn touch_impl(&self, name: &str) -> io::Result<()> {
            match self.kind(name)?.0 {
                Kind::File => std::fs::File::options()
                    .write(true)
                    .open(self.path.join(name))?
                    .set_modified(SystemTime::now()),
                // Folders' times are not set here: an entry is then only
                // pruned sooner, and made again when used.
                Kind::Folder => Ok(()),
                _ => Err(is_link_error()),
            }
        }

        pub(super) fn remove_file(&self, name: &str) -> io::Result<()> {
            let path = self.path.join(name);
            // A link to a folder is removed as a folder would be (Windows).
            std::fs::remove_file(&path).or_else(|_| std::fs::remove_dir(&path))
        }

        pub(super) fn remove_empty_folder(&self, name: &str) -> io::Result<()> {
            std::fs::remove_dir(self.path.join(name))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_written_new_read_renamed_and_removed() {
        let tmp = tempfile::tempdir().unwrap();
        let d = Dir::open_path(tmp.path()).unwrap();
        d.write_new("a", b"one").unwrap();
        assert!(d.write_new("a", b"two").is_err(), "never over a file");
        assert_eq!(d.read("a").unwrap(), b"one");
        d.rename("a", "b").unwrap();
        assert_eq!(d.names().unwrap(), ["b"]);
        let sub = d.sub("s", true).unwrap();
        sub.write_new("x", b"").unwrap();
        sub.sub("t", true).unwrap().write_new("y", b"").unwrap();
        assert_eq!(d.kind("s").unwrap().0, Kind::Folder);
        assert_eq!(d.kind("b").unwrap().0, Kind::File);
        d.remove("s").unwrap();
        d.remove("b").unwrap();
        assert!(d.names().unwrap().is_empty());
        assert!(d.read("s").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn links_are_neither_read_nor_written_nor_entered_and_are_removed_as_links() {
        use std::os::unix::fs::symlink;
        let tmp = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret");
        std::fs::write(&secret, b"private").unwrap();
        let folder = outside.path().join("folder");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("kept"), b"x").unwrap();
        symlink(&secret, tmp.path().join("file")).unwrap();
        symlink(&folder, tmp.path().join("dir")).unwrap();
        symlink(outside.path().join("none"), tmp.path().join("new")).unwrap();
        let d = Dir::open_path(tmp.path()).unwrap();
        assert!(is_link(&d.read("file").unwrap_err()));
        assert!(is_link(&d.sub("dir", false).unwrap_err()));
        assert!(is_link(&d.sub("dir", true).unwrap_err()));
        assert!(d.write_new("file", b"over").is_err());
        assert!(d.write_new("new", b"through").is_err());
        assert!(!outside.path().join("none").exists());
        assert!(d.touch("file").is_err());
        assert_eq!(d.kind("dir").unwrap().0, Kind::Link);
        for name in ["file", "dir", "new"] {
            d.remove(name).unwrap();
        }
        assert_eq!(std::fs::read(&secret).unwrap(), b"private");
        assert!(folder.join("kept").exists());
        // A folder that is itself a link is refused.
        let link = tmp.path().join("cache");
        symlink(&folder, &link).unwrap();
        assert!(is_link(&Dir::open_path(&link).unwrap_err()));
        // A file renamed over a link replaces the link.
        d.write_new("tmp", b"mine").unwrap();
        d.rename("tmp", "cache").unwrap();
        assert_eq!(d.read("cache").unwrap(), b"mine");
        assert!(folder.join("kept").exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_is_not_opened() {
        let tmp = tempfile::tempdir().unwrap();
        let status = std::process::Command::new("mkfifo")
            .arg(tmp.path().join("p"))
            .status()
            .unwrap();
        assert!(status.success());
        let d = Dir::open_path(tmp.path()).unwrap();
        assert!(d.read("p").is_err());
        assert_eq!(d.kind("p").unwrap().0, Kind::Other);
        d.remove("p").unwrap();
    }
}
