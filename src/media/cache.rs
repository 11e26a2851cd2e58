//! The folder of processed images (`.bantin-cache/images/` in the site's
//! folder), shared by `build` and `serve`: an image is stripped and resized
//! once for its bytes and settings, and found again by every later build.
//!
//! Layout, under the folder:
//! - `stamps`: size, modification time and content hash of each source
//!   file seen, so that an unchanged photo is not read again to be hashed;
//! - `strip/HASH.EXT`: the file with its metadata removed;
//! - `img/HASH-SETTINGS/WxH.EXT`: its sizes, or a file `error` saying why
//!   it could not be decoded (so that a damaged file is not tried again,
//!   and its warning still shows).
//!
//! Every entry is written under a temporary name and renamed into place, so
//! that two builds at once, or a build stopped half way, never leave a
//! partial entry behind. Deleting the folder is always safe.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use super::encode::{self, Format, ImageError, Settings};

/// Bump when the encoder's output changes for the same settings.
const VERSION: u32 = 1;

/// One processed size of an image, as a file of the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariantFile {
    pub width: u32,
    pub height: u32,
    pub format: Format,
    pub file: PathBuf,
}

/// What the cache did during one build, for the report and the tests.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Images decoded and encoded now.
    pub processed: usize,
    /// Images whose sizes were found in the cache.
    pub reused: usize,
    /// Files read to learn their content hash.
    pub hashed: usize,
}

/// Size, modification time and content hash of a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    mtime_ns: u128,
    hash: u64,
}

/// The folder of processed images.
pub struct ImageCache {
    dir: PathBuf,
    stamps: Mutex<HashMap<PathBuf, Stamp>>,
    /// Entries this build used (names under `strip/` and `img/`).
    used: Mutex<HashSet<PathBuf>>,
    changed: AtomicUsize,
    processed: AtomicUsize,
    reused: AtomicUsize,
    hashed: AtomicUsize,
}

/// A name no other writer uses, for an entry being written.
fn temp_name(final_name: &Path) -> PathBuf {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let mut name = final_name.as_os_str().to_owned();
    name.push(format!(".tmp-{}-{n}", std::process::id()));
    PathBuf::from(name)
}

/// Content hash of `bytes`, stable from one run to the next.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    // SipHash with fixed keys; the length is hashed too.
    let mut h = std::hash::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

fn settings_key(settings: &Settings) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    (VERSION, settings).hash(&mut h);
    h.finish()
}

fn mtime_ns(meta: &std::fs::Metadata) -> Option<u128> {
    meta.modified()
        .ok()?
        .duration_since(SystemTime::UNIX_EPOCH)
        .ok()
        .map(|d| d.as_nanos())
}

impl ImageCache {
    /// Opens (creating it if needed) the cache folder `dir`.
    pub fn open(dir: &Path) -> io::Result<ImageCache> {
        std::fs::create_dir_all(dir.join("strip"))?;
        std::fs::create_dir_all(dir.join("img"))?;
        // A folder that cannot be written is found out now, not per image.
        let probe = temp_name(&dir.join("probe"));
        std::fs::write(&probe, b"")?;
        let _ = std::fs::remove_file(&probe);
        let stamps = std::fs::read_to_string(dir.join("stamps"))
            .map(|text| parse_stamps(&text))
            .unwrap_or_default();
        Ok(ImageCache {
            dir: dir.to_path_buf(),
            stamps: Mutex::new(stamps),
            used: Mutex::new(HashSet::new()),
            changed: AtomicUsize::new(0),
            processed: AtomicUsize::new(0),
            reused: AtomicUsize::new(0),
            hashed: AtomicUsize::new(0),
        })
    }

    /// What this cache did since it was opened.
    pub fn counts(&self) -> Counts {
        Counts {
            processed: self.processed.load(Ordering::Relaxed),
            reused: self.reused.load(Ordering::Relaxed),
            hashed: self.hashed.load(Ordering::Relaxed),
        }
    }

    /// Content hash and size of the file at `path`: from its stamp when
    /// its size and time are unchanged, else by reading it.
    pub fn hash_of(&self, path: &Path) -> io::Result<(u64, u64)> {
        let meta = std::fs::metadata(path)?;
        let mtime = mtime_ns(&meta);
        if let Some(mtime) = mtime {
            let stamps = self.stamps.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(s) = stamps.get(path) {
                if s.len == meta.len() && s.mtime_ns == mtime {
                    return Ok((s.hash, s.len));
                }
            }
        }
        let bytes = std::fs::read(path)?;
        self.hashed.fetch_add(1, Ordering::Relaxed);
        let hash = hash_bytes(&bytes);
        // A file changed less than a moment ago may change again within
        // the same tick of the clock: its stamp is not kept (as git does).
        let settled = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age > Duration::from_secs(2));
        if let (Some(mtime), true) = (mtime, settled) {
            let stamp = Stamp {
                len: bytes.len() as u64,
                mtime_ns: mtime,
                hash,
            };
            let mut stamps = self.stamps.lock().unwrap_or_else(|e| e.into_inner());
            if stamps.insert(path.to_path_buf(), stamp) != Some(stamp) {
                self.changed.fetch_add(1, Ordering::Relaxed);
            }
        }
        Ok((hash, bytes.len() as u64))
    }

    /// The file at `path` (content hash `hash`) with its metadata removed,
    /// as a file of the cache; `None` when its structure cannot be walked.
    pub fn stripped(&self, path: &Path, hash: u64, ext: &str) -> io::Result<Option<PathBuf>> {
        let name = self.dir.join("strip").join(format!("{hash:016x}.{ext}"));
        let failed = self.dir.join("strip").join(format!("{hash:016x}.failed"));
        if name.is_file() {
            self.use_entry(&name);
            return Ok(Some(name));
        }
        if failed.is_file() {
            self.use_entry(&failed);
            return Ok(None);
        }
        let bytes = std::fs::read(path)?;
        match super::strip::strip(&bytes) {
            Some(clean) => {
                write_file(&name, &clean)?;
                self.use_entry(&name);
                Ok(Some(name))
            }
            None => {
                write_file(&failed, b"")?;
                self.use_entry(&failed);
                Ok(None)
            }
        }
    }

    /// The sizes of the image at `path` (content hash `hash`), made now or
    /// found from an earlier build.
    pub fn processed(
        &self,
        path: &Path,
        hash: u64,
        settings: &Settings,
    ) -> io::Result<Result<Vec<VariantFile>, ImageError>> {
        let entry = self
            .dir
            .join("img")
            .join(format!("{hash:016x}-{:016x}", settings_key(settings)));
        self.use_entry(&entry);
        if let Some(found) = read_entry(&entry)? {
            self.reused.fetch_add(1, Ordering::Relaxed);
            return Ok(found);
        }
        let bytes = std::fs::read(path)?;
        let result = encode::process(&bytes, settings);
        drop(bytes);
        self.processed.fetch_add(1, Ordering::Relaxed);
        let temp = temp_name(&entry);
        std::fs::create_dir_all(&temp)?;
        let written = (|| -> io::Result<()> {
            match &result {
                Ok(p) => {
                    for v in &p.variants {
                        let name = format!("{}x{}.{}", v.width, v.height, v.format.ext());
                        std::fs::write(temp.join(name), &v.bytes)?;
                    }
                }
                Err(e) => std::fs::write(temp.join("error"), error_text(e))?,
            }
            Ok(())
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_dir_all(&temp);
            return Err(e);
        }
        if std::fs::rename(&temp, &entry).is_err() {
            // Another build made the same entry first: use that one.
            let _ = std::fs::remove_dir_all(&temp);
        }
        read_entry(&entry)?.ok_or_else(|| io::Error::other(format!("{} vanished", entry.display())))
    }

    /// Records that this build uses `entry`; one last used more than a day
    /// ago gets the time of now, which [`Self::prune`] reads.
    fn use_entry(&self, entry: &Path) {
        let fresh = std::fs::metadata(entry)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age < Duration::from_secs(24 * 3600));
        if !fresh {
            // Best effort: an entry whose time cannot be set is only pruned sooner.
            let _ = std::fs::File::open(entry).and_then(|f| f.set_modified(SystemTime::now()));
        }
        self.used
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(entry.to_path_buf());
    }

    /// Removes the entries this build did not use and no build used for
    /// `unused_for` (an edited photo leaves its old sizes behind); returns
    /// how many. Entries another build or `serve` uses stay: they are
    /// touched when used.
    pub fn prune(&self, unused_for: Duration) -> usize {
        let used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        let mut removed = 0;
        for sub in ["strip", "img"] {
            let Ok(list) = std::fs::read_dir(self.dir.join(sub)) else {
                continue;
            };
            for f in list.flatten() {
                let path = f.path();
                let old = f
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age > unused_for);
                if used.contains(&path) || !old {
                    continue;
                }
                let gone = if path.is_dir() {
                    std::fs::remove_dir_all(&path)
                } else {
                    std::fs::remove_file(&path)
                };
                removed += usize::from(gone.is_ok());
            }
        }
        removed
    }

    /// Writes the stamps learnt during this build, if any changed.
    pub fn save(&self) -> io::Result<()> {
        if self.changed.swap(0, Ordering::Relaxed) == 0 {
            return Ok(());
        }
        let stamps = self.stamps.lock().unwrap_or_else(|e| e.into_inner());
        let mut lines: Vec<String> = stamps
            .iter()
            .filter(|(p, _)| p.exists())
            .filter_map(|(p, s)| {
                let p = p.to_str()?;
                (!p.contains(['\n', '\t']))
                    .then(|| format!("{}\t{}\t{:016x}\t{p}\n", s.len, s.mtime_ns, s.hash))
            })
            .collect();
        lines.sort();
        write_file(&self.dir.join("stamps"), lines.concat().as_bytes())
    }
}

/// Writes `bytes` to `path` through a temporary file and a rename.
fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temp = temp_name(path);
    std::fs::write(&temp, bytes)?;
    std::fs::rename(&temp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temp);
    })
}

fn parse_stamps(text: &str) -> HashMap<PathBuf, Stamp> {
    text.lines()
        .filter_map(|line| {
            let mut f = line.splitn(4, '\t');
            let len = f.next()?.parse().ok()?;
            let mtime_ns = f.next()?.parse().ok()?;
            let hash = u64::from_str_radix(f.next()?, 16).ok()?;
            let path = PathBuf::from(f.next()?);
            Some((
                path,
                Stamp {
                    len,
                    mtime_ns,
                    hash,
                },
            ))
        })
        .collect()
}

fn error_text(e: &ImageError) -> String {
    match e {
        ImageError::Unsupported => "unsupported".into(),
        ImageError::Corrupt(detail) => format!("corrupt\n{detail}"),
        ImageError::TooLarge { width, height } => format!("too-large\n{width} {height}"),
    }
}

fn parse_error(text: &str) -> ImageError {
    let (kind, rest) = text.split_once('\n').unwrap_or((text, ""));
    match kind {
        "corrupt" => ImageError::Corrupt(rest.to_string()),
        "too-large" => {
            let mut n = rest.split(' ').map(|x| x.parse().unwrap_or(0));
            ImageError::TooLarge {
                width: n.next().unwrap_or(0),
                height: n.next().unwrap_or(0),
            }
        }
        _ => ImageError::Unsupported,
    }
}

/// The sizes kept in entry folder `entry`; `None` when there is no entry.
#[allow(clippy::type_complexity)]
fn read_entry(entry: &Path) -> io::Result<Option<Result<Vec<VariantFile>, ImageError>>> {
    let list = match std::fs::read_dir(entry) {
        Ok(list) => list,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let mut variants = Vec::new();
    for f in list {
        let f = f?;
        let name = f.file_name();
        let Some(name) = name.to_str() else { continue };
        if name == "error" {
            let text = std::fs::read_to_string(f.path())?;
            return Ok(Some(Err(parse_error(&text))));
        }
        let Some((size, ext)) = name.split_once('.') else {
            continue;
        };
        let Some((w, h)) = size.split_once('x') else {
            continue;
        };
        let format = match ext {
            "webp" => Format::Webp,
            "jpg" => Format::Jpeg,
            "png" => Format::Png,
            _ => continue,
        };
        if let (Ok(width), Ok(height)) = (w.parse(), h.parse()) {
            variants.push(VariantFile {
                width,
                height,
                format,
                file: f.path(),
            });
        }
    }
    variants.sort_by_key(|v| (v.width, v.format));
    Ok(Some(Ok(variants)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pruning_removes_old_unused_entries_only() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ImageCache::open(dir.path()).unwrap();
        let age = |p: &Path, days: u64| {
            std::fs::File::open(p)
                .unwrap()
                .set_modified(SystemTime::now() - Duration::from_secs(days * 24 * 3600))
                .unwrap();
        };
        let entry = |name: &str| {
            let p = dir.path().join("img").join(name);
            std::fs::create_dir_all(&p).unwrap();
            std::fs::write(p.join("480x320.jpg"), b"x").unwrap();
            p
        };
        let (old_unused, new_unused, old_used) = (entry("a"), entry("b"), entry("c"));
        age(&old_unused, 40);
        age(&old_used, 40);
        let stripped = dir.path().join("strip/00.jpg");
        std::fs::write(&stripped, b"x").unwrap();
        age(&stripped, 40);
        cache.use_entry(&old_used);
        assert_eq!(cache.prune(Duration::from_secs(30 * 24 * 3600)), 2);
        assert!(!old_unused.exists() && !stripped.exists());
        assert!(new_unused.exists() && old_used.exists());
        // A used entry got the time of now: it is not old any more.
        let age = std::fs::metadata(&old_used)
            .unwrap()
            .modified()
            .unwrap()
            .elapsed()
            .unwrap();
        assert!(age < Duration::from_secs(60));
    }

    #[test]
    fn stamps_read_back_what_was_written() {
        let text = "12\t345\t00000000000000ff\t/a b/c.jpg\nbroken line\n";
        let stamps = parse_stamps(text);
        assert_eq!(stamps.len(), 1);
        assert_eq!(
            stamps[Path::new("/a b/c.jpg")],
            Stamp {
                len: 12,
                mtime_ns: 345,
                hash: 255
            }
        );
    }

    #[test]
    fn errors_read_back_as_written() {
        for e in [
            ImageError::Unsupported,
            ImageError::Corrupt("bad Huffman code".into()),
            ImageError::TooLarge {
                width: 20000,
                height: 3,
            },
        ] {
            assert_eq!(parse_error(&error_text(&e)), e);
        }
    }

    #[test]
    fn an_entry_lists_its_sizes_in_order_and_a_missing_one_is_none() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read_entry(&dir.path().join("none")).unwrap(), None);
        for name in ["960x640.jpg", "480x320.jpg", "480x320.webp", "notes.txt"] {
            std::fs::write(dir.path().join(name), b"x").unwrap();
        }
        let found = read_entry(dir.path()).unwrap().unwrap().unwrap();
        let got: Vec<(u32, Format)> = found.iter().map(|v| (v.width, v.format)).collect();
        assert_eq!(
            got,
            [
                (480, Format::Webp),
                (480, Format::Jpeg),
                (960, Format::Jpeg)
            ]
        );
    }
}
