//! The folder of processed images (`.bantin-cache/images/` in the site's
//! folder), shared by `build` and `serve`: an image is stripped and resized
//! once for its bytes and settings, and found again by every later build.
//!
//! Layout, under the folder:
//! - `stamps`: size, modification time and content hash of each source
//!   file seen, so that an unchanged photo is not read again to be hashed
//!   (after a first line naming the layout version: stamps of another
//!   version are not read);
//! - `strip/HASH-vVERSION-EXT/`: the file with its metadata removed, keyed
//!   by the version of the stripping rules too;
//! - `img/HASH-SETTINGS/`: its sizes, `WxH.EXT`, or why it could not be
//!   decoded (so that a damaged file is not tried again, and its warning
//!   still shows).
//!
//! Content hashes are XXH3-64 ([`hash_bytes`]): a published algorithm
//! whose output is fixed, so that a key or a record written by one release
//! of bantin means the same bytes to the next.
//!
//! Each entry folder holds a `record` listing its files with their length
//! and content hash. An entry is used only when each file it lists is a
//! regular file with that length and hash, and an image of the format and
//! size its name says; any other entry is removed and made again. Nothing
//! in the folder is reached through a symbolic link (see
//! [`super::nofollow`]): a link found there is removed as a link.
//!
//! Every entry is written under a temporary name and renamed into place, so
//! that two builds at once, or a build stopped half way, never leave a
//! partial entry behind. Deleting the folder is always safe.

use std::collections::{HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use super::encode::{self, Format, ImageError, Settings};
use super::nofollow::{self, Dir, Kind};

mod entry;

use entry::{
    error_text, files_line, parse_error, parse_record, parse_variant_name, record_text,
    variant_is_sound, variant_name, Files, Record, RECORD,
};

/// Bump when the encoder's output or the layout of `img/` changes for the
/// same settings (2: entries hold a record of their files; 3: hashes are
/// XXH3-64, no longer std's `DefaultHasher`, so stamps and keys of version 2
/// name other bytes).
const VERSION: u32 = 3;

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

/// Why the cache folder cannot be opened.
#[derive(Debug)]
pub enum OpenError {
    /// This folder (the path asked for, up to the link) is a symbolic link.
    Link {
        folder: String,
    },
    Io(io::Error),
}

/// The folder of processed images.
pub struct ImageCache {
    root: Dir,
    strip: Area,
    img: Area,
    stamps: Mutex<HashMap<PathBuf, Stamp>>,
    /// Entries this build used, as `strip/NAME` and `img/NAME`.
    used: Mutex<HashSet<String>>,
    changed: AtomicUsize,
    processed: AtomicUsize,
    reused: AtomicUsize,
    hashed: AtomicUsize,
}

/// An entry as found in the cache.
enum Found {
    Missing,
    /// A link, a file, a damaged or changed entry: to be made again.
    Invalid,
    Valid(Record),
}

/// One of the two kinds of entries: their folder, and what a sound entry
/// of the kind holds.
struct Area {
    dir: Dir,
    /// `strip` or `img`.
    name: &'static str,
    /// Whether a file listed by a record (name, bytes) is what it should be,
    /// besides its length and hash.
    sound: fn(&str, &[u8]) -> bool,
    /// Whether a record is one of this kind of entry.
    fits: fn(&Record) -> bool,
}

/// A name no other writer uses, for an entry being written.
fn temp_name(final_name: &str) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!("{final_name}.tmp-{}-{n}", std::process::id())
}

/// Content hash of `bytes`: XXH3-64 with no seed, the same in every
/// release and on every machine (std's `DefaultHasher` may change between
/// Rust releases, which would orphan the whole cache or, worse, make a key
/// name other bytes). Not a defence against crafted collisions: the files
/// hashed are the site's own, and each entry is checked against its record.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    twox_hash::XxHash3_64::oneshot(bytes)
}

/// The hash of the layout version and `settings`, written out field by field
/// in a fixed byte order rather than through `Hash`, whose feeding of a
/// hasher is not promised to stay the same either.
fn settings_key(settings: &Settings) -> u64 {
    // Destructured so that a new field of `Settings` cannot be forgotten here.
    let Settings {
        widths,
        quality,
        webp,
    } = settings;
    let mut bytes = Vec::with_capacity(10 + 4 * widths.len());
    bytes.extend(VERSION.to_le_bytes());
    bytes.extend((widths.len() as u32).to_le_bytes());
    for w in widths {
        bytes.extend(w.to_le_bytes());
    }
    bytes.push(*quality);
    bytes.push(u8::from(*webp));
    hash_bytes(&bytes)
}

/// The first line of the stamps file: stamps written under another layout
/// version hold hashes of another algorithm and are not read.
fn stamps_header() -> String {
    format!("bantin image stamps v{VERSION}\n")
}

/// The name in `strip/` of the file of content hash `hash` stripped by
/// rules of version `version`, published with extension `ext`.
pub fn strip_key(hash: u64, version: u32, ext: &str) -> String {
    let ext: String = ext
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect();
    format!("{hash:016x}-v{version}-{ext}")
}

fn mtime_ns(meta: &std::fs::Metadata) -> Option<u128> {
    meta.modified()
        .ok()?
        .duration_since(SystemTime::UNIX_EPOCH)
        .ok()
        .map(|d| d.as_nanos())
}

/// `dir`'s folder `name`, made when missing; a link there is removed as
/// a link and the folder made in its place.
fn own_folder(dir: &Dir, name: &str) -> io::Result<Dir> {
    match dir.sub(name, true) {
        Err(e) if nofollow::is_link(&e) => {
            dir.remove(name)?;
            dir.sub(name, true)
        }
        other => other,
    }
}

impl ImageCache {
    /// Opens the cache folder `parent/names[0]/names[1]/…`, creating what
    /// is missing; `parent` may be reached through links, none of `names`.
    pub fn open_in(parent: &Path, names: &[&str]) -> Result<ImageCache, OpenError> {
        let mut dir = Dir::open_any(parent).map_err(OpenError::Io)?;
        let mut shown = PathBuf::new();
        for name in names {
            shown.push(name);
            dir = dir.sub(name, true).map_err(|e| {
                if nofollow::is_link(&e) {
                    OpenError::Link {
                        folder: shown.to_string_lossy().replace('\\', "/"),
                    }
                } else {
                    OpenError::Io(e)
                }
            })?;
        }
        ImageCache::in_dir(dir).map_err(OpenError::Io)
    }

    /// The cache in folder `root`, already opened.
    pub fn in_dir(root: Dir) -> io::Result<ImageCache> {
        let strip = Area {
            dir: own_folder(&root, "strip")?,
            name: "strip",
            // An image of a format bantin strips, the one its name says.
            sound: |name, bytes| {
                super::sniff::image_format(bytes)
                    .is_some_and(|f| f.cleaned() && name.strip_prefix("image.") == Some(f.ext()))
            },
            fits: |r| matches!(r, Record::Failed) || matches!(r, Record::Files(f) if f.len() == 1),
        };
        let img = Area {
            dir: own_folder(&root, "img")?,
            name: "img",
            sound: variant_is_sound,
            fits: |r| matches!(r, Record::Files(_) | Record::Error(_)),
        };
        // A folder that cannot be written is found out now, not per image.
        let probe = temp_name("probe");
        root.write_new(&probe, b"")?;
        let _ = root.remove(&probe);
        // A link is never read: whatever it leads to is no stamps of ours.
        if root.kind("stamps").is_ok_and(|(k, _)| k != Kind::File) {
            let _ = root.remove("stamps");
        }
        let stamps = root
            .read("stamps")
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .map(|text| parse_stamps(&text))
            .unwrap_or_default();
        Ok(ImageCache {
            root,
            strip,
            img,
            stamps: Mutex::new(stamps),
            used: Mutex::new(HashSet::new()),
            changed: AtomicUsize::new(0),
            processed: AtomicUsize::new(0),
            reused: AtomicUsize::new(0),
            hashed: AtomicUsize::new(0),
        })
    }

    /// Where the cache is.
    pub fn path(&self) -> &Path {
        self.root.path()
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
        let key = strip_key(hash, super::strip::VERSION, ext);
        let made = self.entry(&self.strip, &key, || {
            let bytes = std::fs::read(path)?;
            Ok(Ok::<_, std::convert::Infallible>(
                match super::strip::strip(&bytes) {
                    Some(clean) => {
                        let file = format!("image.{}", ext.to_ascii_lowercase());
                        let record = Record::Files(vec![files_line(&file, &clean)]);
                        (vec![(file, clean)], record)
                    }
                    None => (Vec::new(), Record::Failed),
                },
            ))
        })?;
        Ok(match made {
            Ok((Record::Files(list), _)) => list
                .first()
                .map(|(name, ..)| self.strip.dir.join(&key).join(name)),
            _ => None,
        })
    }

    /// The sizes of the image at `path` (content hash `hash`), made now or
    /// found from an earlier build. An image too large for the memory of
    /// this machine is not recorded: the next build tries it again.
    pub fn processed(
        &self,
        path: &Path,
        hash: u64,
        settings: &Settings,
    ) -> io::Result<Result<Vec<VariantFile>, ImageError>> {
        let key = format!("{hash:016x}-{:016x}", settings_key(settings));
        let made = self.entry(&self.img, &key, || {
            let bytes = std::fs::read(path)?;
            let result = encode::process(&bytes, settings);
            drop(bytes);
            Ok(match result {
                Ok(p) => {
                    let files: Files = p
                        .variants
                        .into_iter()
                        .map(|v| (variant_name(v.width, v.height, v.format), v.bytes))
                        .collect();
                    let list = files.iter().map(|(n, b)| files_line(n, b)).collect();
                    Ok((files, Record::Files(list)))
                }
                Err(e) => match error_text(&e) {
                    Some(text) => Ok((Vec::new(), Record::Error(text))),
                    None => Err(e),
                },
            })
        })?;
        let counter = match &made {
            Ok((_, true)) => &self.reused,
            _ => &self.processed,
        };
        counter.fetch_add(1, Ordering::Relaxed);
        let (record, _) = match made {
            Ok(found) => found,
            Err(e) => return Ok(Err(e)),
        };
        Ok(match record {
            Record::Files(list) => {
                let entry = self.img.dir.join(&key);
                let mut variants: Vec<VariantFile> = list
                    .iter()
                    .filter_map(|(name, ..)| {
                        let (width, height, format) = parse_variant_name(name)?;
                        Some(VariantFile {
                            width,
                            height,
                            format,
                            file: entry.join(name),
                        })
                    })
                    .collect();
                variants.sort_by_key(|v| (v.width, v.format));
                Ok(variants)
            }
            Record::Error(text) => Err(parse_error(&text)),
            Record::Failed => Ok(Vec::new()),
        })
    }

    /// The record of entry `key` of `area`, found sound (`true`) or made
    /// now by `make`; an unsound one is removed first. What `make` gives
    /// as `Err` is not kept.
    fn entry<E>(
        &self,
        area: &Area,
        key: &str,
        make: impl FnOnce() -> io::Result<Result<(Files, Record), E>>,
    ) -> io::Result<Result<(Record, bool), E>> {
        let found = match self.verified(area, key) {
            Found::Valid(record) => (record, true),
            found => {
                if matches!(found, Found::Invalid) {
                    let _ = area.dir.remove(key);
                }
                let (files, record) = match make()? {
                    Ok(made) => made,
                    Err(e) => return Ok(Err(e)),
                };
                (self.put(area, key, &files, record)?, false)
            }
        };
        self.use_entry(area, key);
        Ok(Ok(found))
    }

    /// Entry `key` of `area`, checked file by file.
    fn verified(&self, area: &Area, key: &str) -> Found {
        match area.dir.kind(key) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Found::Missing,
            Ok((Kind::Folder, _)) => {}
            _ => return Found::Invalid,
        }
        let Ok(dir) = area.dir.sub(key, false) else {
            return Found::Invalid;
        };
        let record = dir
            .read(RECORD)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .and_then(|text| parse_record(&text))
            .filter(area.fits);
        let Some(record) = record else {
            return Found::Invalid;
        };
        if let Record::Files(list) = &record {
            for (name, len, hash) in list {
                let good = dir.read(name).is_ok_and(|bytes| {
                    bytes.len() as u64 == *len
                        && hash_bytes(&bytes) == *hash
                        && (area.sound)(name, &bytes)
                });
                if !good {
                    return Found::Invalid;
                }
            }
        }
        Found::Valid(record)
    }

    /// Writes entry `key` of `area`: `files` and `record`, in a folder
    /// renamed into place; returns the record of the entry now there. When
    /// another build put the same entry there meanwhile, that one is kept
    /// (it may be copying from it), once found sound; anything else there
    /// is removed.
    fn put(
        &self,
        area: &Area,
        key: &str,
        files: &[(String, Vec<u8>)],
        record: Record,
    ) -> io::Result<Record> {
        let temp = temp_name(key);
        let written = (|| -> io::Result<()> {
            let dir = area.dir.create_sub(&temp, 0o777)?;
            for (name, bytes) in files {
                dir.write_new(name, bytes)?;
            }
            dir.write_new(RECORD, record_text(&record).as_bytes())
        })();
        let mut result = written.map(|()| record);
        for _ in 0..2 {
            let Ok(record) = &result else { break };
            if area.dir.rename(&temp, key).is_ok() {
                return result;
            }
            match self.verified(area, key) {
                Found::Valid(theirs) if theirs == *record => {
                    let _ = area.dir.remove(&temp);
                    return Ok(theirs);
                }
                _ => {
                    if let Err(e) = area.dir.remove(key) {
                        result = Err(e);
                    }
                }
            }
        }
        let _ = area.dir.remove(&temp);
        result.and_then(|_| Err(io::Error::other(format!("{key} cannot be put in place"))))
    }

    /// Records that this build uses entry `key` of `area`; one last used
    /// more than a day ago gets the time of now, which [`Self::prune`]
    /// reads.
    fn use_entry(&self, area: &Area, key: &str) {
        let fresh = area
            .dir
            .kind(key)
            .ok()
            .and_then(|(_, t)| t?.elapsed().ok())
            .is_some_and(|age| age < Duration::from_secs(24 * 3600));
        if !fresh {
            // Best effort: an entry whose time cannot be set is only pruned sooner.
            let _ = area.dir.touch(key);
        }
        self.used
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(format!("{}/{key}", area.name));
    }

    /// Removes the entries this build did not use and no build used for
    /// `unused_for` (an edited photo leaves its old sizes behind), and any
    /// link (as a link, never what it leads to); returns how many. Entries
    /// another build or `serve` uses stay: they are touched when used.
    pub fn prune(&self, unused_for: Duration) -> usize {
        let used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        let mut removed = 0;
        for area in [&self.strip, &self.img] {
            let Ok(list) = area.dir.names() else {
                continue;
            };
            for key in list {
                let Ok((kind, modified)) = area.dir.kind(&key) else {
                    continue;
                };
                let old = modified
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age > unused_for);
                let gone =
                    kind == Kind::Link || (old && !used.contains(&format!("{}/{key}", area.name)));
                removed += usize::from(gone && area.dir.remove(&key).is_ok());
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
        let text = stamps_header() + &lines.concat();
        let temp = temp_name("stamps");
        self.root.write_new(&temp, text.as_bytes())?;
        self.root.rename(&temp, "stamps").inspect_err(|_| {
            let _ = self.root.remove(&temp);
        })
    }
}

fn parse_stamps(text: &str) -> HashMap<PathBuf, Stamp> {
    let Some(text) = text.strip_prefix(&stamps_header()) else {
        return HashMap::new();
    };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::testdata;

    fn open(dir: &Path) -> ImageCache {
        ImageCache::open_in(dir, &["images"]).unwrap()
    }

    fn small() -> Settings {
        Settings {
            widths: vec![16, 32],
            quality: 80,
            webp: true,
        }
    }

    fn age(p: &Path, days: u64) {
        std::fs::File::open(p)
            .unwrap()
            .set_modified(SystemTime::now() - Duration::from_secs(days * 24 * 3600))
            .unwrap();
    }

    #[test]
    fn pruning_removes_old_unused_entries_only() {
        let dir = tempfile::tempdir().unwrap();
        let cache = open(dir.path());
        let img = dir.path().join("images/img");
        let entry = |name: &str| {
            let p = img.join(name);
            std::fs::create_dir_all(&p).unwrap();
            std::fs::write(p.join("480x320.jpg"), b"x").unwrap();
            p
        };
        let (old_unused, new_unused, old_used) = (entry("a"), entry("b"), entry("c"));
        age(&old_unused, 40);
        age(&old_used, 40);
        let stripped = dir.path().join("images/strip/00.jpg");
        std::fs::write(&stripped, b"x").unwrap();
        age(&stripped, 40);
        cache.use_entry(&cache.img, "c");
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
        let stamps = parse_stamps(&(stamps_header() + text));
        assert_eq!(stamps.len(), 1);
        assert_eq!(
            stamps[Path::new("/a b/c.jpg")],
            Stamp {
                len: 12,
                mtime_ns: 345,
                hash: 255
            }
        );
        // Stamps of another layout version (or of none) are not read.
        assert!(parse_stamps(text).is_empty());
        assert!(parse_stamps(&format!("bantin image stamps v2\n{text}")).is_empty());
    }

    #[test]
    fn content_hashes_are_xxh3_64() {
        // Reference values of XXH3-64 with no seed (as `xxhsum -H3` prints
        // them): an empty input, a short one, and one long enough for the
        // algorithm's striped loop that every photo goes through.
        assert_eq!(hash_bytes(b""), 0x2d06_8005_38d3_94c2);
        assert_eq!(hash_bytes(b"bantin"), 0x2f27_937a_201f_29e7);
        let long: Vec<u8> = (0..1000).map(|i| (i % 251) as u8).collect();
        assert_eq!(hash_bytes(&long), 0x33ef_703f_b2b2_0ed1);
    }

    #[test]
    fn settings_keys_are_fixed_and_tell_settings_apart() {
        // Layout 3, three widths 480, 960, 1600, quality 80, WebP: the bytes
        // 03000000 03000000 e0010000 c0030000 40060000 50 01, hashed.
        assert_eq!(settings_key(&Settings::default()), 0x72d9_5800_109e_2e23);
        let other = [
            Settings {
                widths: vec![480, 960],
                ..Settings::default()
            },
            Settings {
                quality: 81,
                ..Settings::default()
            },
            Settings {
                webp: false,
                ..Settings::default()
            },
        ];
        for s in &other {
            assert_ne!(settings_key(s), settings_key(&Settings::default()));
        }
    }

    #[test]
    fn made_sizes_are_found_again_and_a_changed_file_is_made_again() {
        let dir = tempfile::tempdir().unwrap();
        let photo = dir.path().join("anh.jpg");
        let bytes = testdata::jpeg(64, 32);
        std::fs::write(&photo, &bytes).unwrap();
        let hash = hash_bytes(&bytes);
        let cache = open(dir.path());
        let made = cache.processed(&photo, hash, &small()).unwrap().unwrap();
        let got: Vec<(u32, Format)> = made.iter().map(|v| (v.width, v.format)).collect();
        assert_eq!(
            got,
            [
                (16, Format::Webp),
                (16, Format::Jpeg),
                (32, Format::Webp),
                (32, Format::Jpeg)
            ]
        );
        assert_eq!(
            cache.processed(&photo, hash, &small()).unwrap().unwrap(),
            made
        );
        assert_eq!(cache.counts().processed, 1);
        // Same length, other bytes: made again.
        let mut changed = std::fs::read(&made[3].file).unwrap();
        let mid = changed.len() / 2;
        changed[mid] ^= 1;
        std::fs::write(&made[3].file, &changed).unwrap();
        assert_eq!(
            cache.processed(&photo, hash, &small()).unwrap().unwrap(),
            made
        );
        assert_eq!(cache.counts().processed, 2);
        assert_ne!(std::fs::read(&made[3].file).unwrap(), changed);
        // A stripped file, and one whose structure cannot be walked.
        let clean = cache.stripped(&photo, hash, "jpg").unwrap().unwrap();
        assert_eq!(
            std::fs::read(&clean).unwrap(),
            super::super::strip::strip(&bytes).unwrap()
        );
        let junk = dir.path().join("rac.png");
        std::fs::write(&junk, b"not a picture").unwrap();
        let junk_hash = hash_bytes(b"not a picture");
        assert_eq!(cache.stripped(&junk, junk_hash, "png").unwrap(), None);
        assert_eq!(cache.stripped(&junk, junk_hash, "png").unwrap(), None);
    }

    #[test]
    fn a_sound_entry_of_older_stripping_rules_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let photo = dir.path().join("anh.jpg");
        let bytes = testdata::jpeg_with_exif(16, 8, 1);
        std::fs::write(&photo, &bytes).unwrap();
        let hash = hash_bytes(&bytes);
        let cache = open(dir.path());
        // What older rules kept: the whole file, a complete, sound entry.
        let older = strip_key(hash, super::super::strip::VERSION - 1, "jpg");
        let record = Record::Files(vec![files_line("image.jpg", &bytes)]);
        cache
            .put(
                &cache.strip,
                &older,
                &[("image.jpg".into(), bytes.clone())],
                record,
            )
            .unwrap();
        assert!(matches!(
            cache.verified(&cache.strip, &older),
            Found::Valid(_)
        ));
        let clean = cache.stripped(&photo, hash, "jpg").unwrap().unwrap();
        let published = std::fs::read(clean).unwrap();
        assert_ne!(published, bytes);
        assert!(!published
            .windows(testdata::SERIAL.len())
            .any(|w| w == testdata::SERIAL.as_bytes()));
    }

    #[test]
    fn stripped_files_of_every_format_are_found_again_not_made_again() {
        let dir = tempfile::tempdir().unwrap();
        let cache = open(dir.path());
        for (name, bytes, ext) in [
            ("a.jpg", testdata::jpeg_with_exif(16, 8, 6), "jpg"),
            ("a.png", testdata::png_with_exif(16, 8, 1, true), "png"),
            ("a.webp", testdata::webp_with_exif(16, 8, 1), "webp"),
            ("a.gif", testdata::gif_with_metadata(2), "gif"),
            ("a.ico", testdata::ico_with_exif(), "ico"),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, &bytes).unwrap();
            let hash = hash_bytes(&bytes);
            let first = cache.stripped(&path, hash, ext).unwrap().unwrap();
            let key = strip_key(hash, super::super::strip::VERSION, ext);
            assert!(
                matches!(cache.verified(&cache.strip, &key), Found::Valid(_)),
                "{name}"
            );
            // Not read again: the source is gone, the entry is used.
            std::fs::remove_file(&path).unwrap();
            assert_eq!(
                cache.stripped(&path, hash, ext).unwrap(),
                Some(first),
                "{name}"
            );
        }
    }

    #[test]
    fn strip_keys_hold_the_version_and_a_plain_extension() {
        assert_eq!(strip_key(255, 3, "jpg"), "00000000000000ff-v3-jpg");
        assert_eq!(strip_key(1, 1, "../x"), "0000000000000001-v1-x");
        assert_ne!(strip_key(1, 1, "jpg"), strip_key(1, 2, "jpg"));
    }
}
