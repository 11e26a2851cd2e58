//! Where the image cache goes when the site's folder cannot hold it: a
//! folder in the system's temporary folder that is private to the user
//! (named for the user and the site, mode 0700, owned by the user, no
//! link), or else a new folder for this run only.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::nofollow::{self, Dir, Kind};
use crate::diag::NotPrivate;

/// Why the fallback folder is not used.
#[derive(Debug)]
pub enum Refused {
    NotPrivate { folder: PathBuf, why: NotPrivate },
    Io(io::Error),
}

/// Folders made by [`temporary`], by site, removed by [`remove_temporary`].
static TEMPORARY: Mutex<Vec<(PathBuf, PathBuf)>> = Mutex::new(Vec::new());

/// The current user, as a folder name can hold it.
fn user_id() -> String {
    #[cfg(unix)]
    {
        rustix::process::getuid().as_raw().to_string()
    }
    #[cfg(not(unix))]
    {
        let user = std::env::var("USERNAME").unwrap_or_default();
        format!("{:016x}", super::cache::hash_bytes(user.as_bytes()))
    }
}

/// The name of the fallback folder of the site at `site`: one per user and
/// site, so that no two of them share it (`site` is made absolute: `.`
/// names a different site in each folder).
pub fn fallback_name(site: &Path) -> String {
    let absolute = std::fs::canonicalize(site)
        .or_else(|_| std::path::absolute(site))
        .unwrap_or_else(|_| site.to_path_buf());
    let site = super::cache::hash_bytes(absolute.as_os_str().as_encoded_bytes());
    format!("bantin-cache-{}-{site:016x}", user_id())
}

/// What is wrong with a folder owned by `owner` with permission bits
/// `mode`, for user `uid`; `None` when it is private to that user.
pub fn not_private(owner: u32, mode: u32, uid: u32) -> Option<NotPrivate> {
    if owner != uid {
        Some(NotPrivate::OtherOwner)
    } else if mode & 0o022 != 0 {
        Some(NotPrivate::Writable)
    } else {
        None
    }
}

fn check(dir: &Dir) -> Result<(), NotPrivate> {
    #[cfg(unix)]
    {
        let (owner, mode) = dir.owner_and_mode().map_err(|_| NotPrivate::NotFolder)?;
        match not_private(owner, mode, rustix::process::getuid().as_raw()) {
            Some(why) => Err(why),
            None => Ok(()),
        }
    }
    #[cfg(not(unix))]
    {
        // The temporary folder is the user's own on Windows; a link was
        // refused when the folder was opened.
        let _ = dir;
        Ok(())
    }
}

/// Opens, creating it (mode 0700) when missing, the fallback folder of the
/// site at `site` in the temporary folder `tmp`.
pub fn fallback(tmp: &Path, site: &Path) -> Result<Dir, Refused> {
    let name = fallback_name(site);
    let folder = tmp.join(&name);
    let refused = |why| Refused::NotPrivate {
        folder: folder.clone(),
        why,
    };
    let parent = Dir::open_any(tmp).map_err(Refused::Io)?;
    let dir = match parent.sub_with(&name, Some(0o700)) {
        Ok(dir) => dir,
        Err(e) if nofollow::is_link(&e) => return Err(refused(NotPrivate::Link)),
        Err(e) => {
            return Err(match parent.kind(&name) {
                Ok((Kind::File | Kind::Other, _)) => refused(NotPrivate::NotFolder),
                _ => Refused::Io(e),
            })
        }
    };
    check(&dir).map_err(refused)?;
    Ok(dir)
}

/// A new private folder in `tmp` for the site at `site`, which no one else
/// can have made before (its name is random, and it is created here);
/// later builds of this process reuse it, [`remove_temporary`] removes it.
pub fn temporary(tmp: &Path, site: &Path) -> io::Result<Dir> {
    let mut made = TEMPORARY.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, path)) = made.iter().find(|(s, _)| s == site) {
        if let Ok(dir) = Dir::open_path(path) {
            if check(&dir).is_ok() {
                return Ok(dir);
            }
        }
    }
    let parent = Dir::open_any(tmp)?;
    let mut last = io::Error::other("no free name");
    for _ in 0..16 {
        let name = format!(
            "{}-{:016x}",
            fallback_name(site),
            RandomState::new().build_hasher().finish()
        );
        match parent.create_sub(&name, 0o700) {
            Ok(dir) => {
                check(&dir).map_err(|why| io::Error::other(format!("{name}: {why:?}")))?;
                made.push((site.to_path_buf(), dir.path().to_path_buf()));
                return Ok(dir);
            }
            Err(e) => last = e,
        }
    }
    Err(last)
}

/// Removes the folders [`temporary`] made: called when the process ends.
pub fn remove_temporary() {
    let mut made = TEMPORARY.lock().unwrap_or_else(|e| e.into_inner());
    for (_, path) in made.drain(..) {
        let (Some(parent), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str()))
        else {
            continue;
        };
        if let Ok(parent) = Dir::open_any(parent) {
            let _ = parent.remove(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_folder_of_the_user_that_no_one_else_can_write_is_private() {
        assert_eq!(not_private(1000, 0o40700, 1000), None);
        assert_eq!(not_private(1000, 0o40755, 1000), None);
        assert_eq!(not_private(0, 0o40700, 1000), Some(NotPrivate::OtherOwner));
        assert_eq!(
            not_private(1001, 0o40700, 1000),
            Some(NotPrivate::OtherOwner)
        );
        assert_eq!(not_private(1000, 0o40770, 1000), Some(NotPrivate::Writable));
        assert_eq!(not_private(1000, 0o40777, 1000), Some(NotPrivate::Writable));
        assert_eq!(not_private(1000, 0o41777, 1000), Some(NotPrivate::Writable));
    }

    #[test]
    fn names_differ_by_site_and_carry_the_user() {
        let a = fallback_name(Path::new("/srv/a"));
        assert_ne!(a, fallback_name(Path::new("/srv/b")));
        assert!(
            a.starts_with(&format!("bantin-cache-{}-", user_id())),
            "{a}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_fallback_is_made_private_and_a_planted_one_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let site = Path::new("/srv/site");
        let dir = fallback(tmp.path(), site).unwrap();
        let mode = std::fs::metadata(dir.path()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
        drop(dir);
        // Used again by the next build.
        assert!(fallback(tmp.path(), site).is_ok());
        let at = tmp.path().join(fallback_name(site));
        std::fs::set_permissions(&at, std::fs::Permissions::from_mode(0o777)).unwrap();
        assert!(matches!(
            fallback(tmp.path(), site),
            Err(Refused::NotPrivate {
                why: NotPrivate::Writable,
                ..
            })
        ));
        std::fs::remove_dir(&at).unwrap();
        std::fs::write(&at, b"").unwrap();
        assert!(matches!(
            fallback(tmp.path(), site),
            Err(Refused::NotPrivate {
                why: NotPrivate::NotFolder,
                ..
            })
        ));
        std::fs::remove_file(&at).unwrap();
        std::os::unix::fs::symlink(tmp.path(), &at).unwrap();
        assert!(matches!(
            fallback(tmp.path(), site),
            Err(Refused::NotPrivate {
                why: NotPrivate::Link,
                ..
            })
        ));
        // A temporary folder is new, private, reused, then removed.
        let t = temporary(tmp.path(), site).unwrap();
        let path = t.path().to_path_buf();
        assert_eq!(temporary(tmp.path(), site).unwrap().path(), path);
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
        remove_temporary();
        assert!(!path.exists());
    }
}
