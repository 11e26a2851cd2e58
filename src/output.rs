//! The output folder: built in a staging folder beside it and swapped in only
//! when the whole build succeeded. A marker file says which folders bantin
//! owns; any other non-empty folder is refused. Files whose bytes did not
//! change are hard-linked from the previous output, so they keep their
//! modification time and sync tools upload only what changed.
//!
//! Killed builds. On Linux the staging folder and the output are exchanged in
//! one step (`renameat2(RENAME_EXCHANGE)`), so a kill at any moment leaves the
//! old site or the new one. Elsewhere, or on file systems without exchange,
//! two renames are used (output → `.NAME.bantin-old-PID`, staging → output);
//! a kill between them leaves no output, and the next build puts the old
//! folder back before anything else ([`check_target`]). A folder under the
//! `old` name exists only in that window. Every build removes the leftovers
//! of killed builds beside the output: folders named `.NAME.bantin-staging-PID`
//! or `.NAME.bantin-old-PID` that carry bantin's mark (the [`STAGING_MARKER`]
//! written when the staging folder is created, or the output's [`MARKER`])
//! and whose process is gone. Ctrl-C and SIGTERM remove the staging folder
//! before exiting ([`remove_staging_on_signals`]).

use std::collections::HashSet;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Mutex, MutexGuard, RwLock, RwLockReadGuard};

use crate::paths::OutPath;
use crate::render::Sink;

pub use crate::paths::{MARKER, MARKER_TEXT};

/// Marker written into a staging folder as soon as it is created, holding
/// the process id, so that a build killed at any point leaves a folder the
/// next build knows as its own. It is not a file of the plan (the plan
/// writes [`MARKER`], which may be hard-linked from the previous output),
/// and it is removed just before the swap, so it never reaches the site.
pub const STAGING_MARKER: &str = ".bantin-staging";

/// Test hook: `BANTIN_TEST_FORCE_FALLBACK=1` makes [`Staging::commit`] use
/// the two-rename swap even where the folders could be exchanged. It exists
/// for the integration tests of killed builds only.
const FORCE_FALLBACK_HOOK: &str = "BANTIN_TEST_FORCE_FALLBACK";

/// Test hook: `BANTIN_TEST_PAUSE_IN_SWAP=1` sleeps 2 s between the two
/// renames of the fallback swap, so that tests can kill the build in that
/// window. It exists for the integration tests of killed builds only.
const PAUSE_HOOK: &str = "BANTIN_TEST_PAUSE_IN_SWAP";

/// Staging folders of this process, removed by the signal handler. The swap
/// holds this lock from start to end, so a signal never interrupts it.
static STAGING_DIRS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Held for reading by every write into a staging folder and for writing by
/// the signal handler while it removes them: no write races the removal.
static WRITES: RwLock<()> = RwLock::new(());

/// Set by the signal handler: no more writes into staging folders.
static CANCELLED: AtomicBool = AtomicBool::new(false);

/// The signal received, or 0; a swap under way exits with it when done.
static PENDING_SIGNAL: AtomicI32 = AtomicI32::new(0);

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Why an output folder cannot be used.
pub type OutputError = crate::diag::OutputProblem;

/// A staging folder being filled.
pub struct Staging {
    target: PathBuf,
    /// The file name of `target`, as in the names of the folders beside it.
    name: String,
    dir: PathBuf,
    /// Committed or abandoned: nothing left for `Drop` to remove.
    done: bool,
    /// The previous output, if bantin owns it, for unchanged-file links.
    previous: Option<PathBuf>,
    created: Mutex<HashSet<PathBuf>>,
    /// Counters: files written, bytes written, files kept from the previous build.
    pub stats: Mutex<(usize, u64, usize)>,
}

/// Absolute, normalised form of a path that may not exist yet, with the
/// symbolic links of its nearest existing ancestor resolved: a path that
/// does not exist yet under a link into `content/` is inside `content/`.
fn absolute(p: &Path) -> PathBuf {
    let p = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
                // `link/..` is the parent of where the link leads.
                if let Ok(real) = out.canonicalize() {
                    out = real;
                }
            }
            std::path::Component::CurDir => {}
            c => {
                out.push(c);
                if fs::symlink_metadata(&out).is_ok_and(|m| m.file_type().is_symlink()) {
                    if let Ok(real) = out.canonicalize() {
                        out = real;
                    }
                }
            }
        }
    }
    out
}

/// Checks that `output` may be written by a build of the site at `root`.
///
/// When the output folder is missing because a build was killed between
/// the two renames of the fallback swap, this puts the previous output back
/// first, so that even a build that fails leaves the previous site.
pub fn check_target(root: &Path, output: &Path) -> Result<(), OutputError> {
    let root = absolute(root);
    let out = absolute(output);
    if root.starts_with(&out) {
        return Err(OutputError::HoldsSite);
    }
    for owned in ["content", "static", "templates", "themes"] {
        let dir = absolute(&root.join(owned));
        if out.starts_with(root.join(owned)) || out.starts_with(&dir) {
            return Err(OutputError::InsideSiteFolder {
                folder: owned.to_string(),
            });
        }
    }
    if out.is_file() {
        return Err(OutputError::IsFile);
    }
    if out.is_dir() && !out.join(MARKER).is_file() {
        let empty = fs::read_dir(&out)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Err(OutputError::NotOurs);
        }
    }
    restore_half_done_swap(&out);
    Ok(())
}

impl Staging {
    /// Creates a staging folder beside `output`.
    pub fn new(root: &Path, output: &Path) -> Result<Staging, OutputError> {
        check_target(root, output)?;
        let target = absolute(output);
        let parent = target
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        fs::create_dir_all(&parent).map_err(|e| OutputError::CannotCreate {
            path: parent.display().to_string(),
            error: (&e).into(),
        })?;
        remove_leftovers(&parent, &name, &target);
        let pid = std::process::id();
        let dir = parent.join(format!(".{name}.{STAGING}{pid}"));
        let shown = dir.display().to_string();
        let cannot = |e: io::Error| OutputError::CannotCreate {
            path: shown.clone(),
            error: (&e).into(),
        };
        if fs::symlink_metadata(&dir).is_ok() {
            // Not removed as a leftover: it lacks bantin's mark.
            return Err(cannot(io::Error::new(
                io::ErrorKind::AlreadyExists,
                "it exists and was not created by bantin",
            )));
        }
        lock(&STAGING_DIRS).push(dir.clone());
        let previous = target.join(MARKER).is_file().then(|| target.clone());
        // The marker is a file of the plan, written like any page, so that
        // an unchanged marker keeps its time too; the staging marker is not.
        let mut staging = Staging {
            target,
            name,
            dir,
            // Nothing to remove until the folder is made.
            done: true,
            previous,
            created: Mutex::new(HashSet::new()),
            stats: Mutex::new((0, 0, 0)),
        };
        {
            let _writing = start_write().map_err(cannot)?;
            fs::create_dir(&staging.dir).map_err(cannot)?;
            staging.done = false;
            fs::write(staging.dir.join(STAGING_MARKER), format!("{pid}\n")).map_err(cannot)?;
        }
        Ok(staging)
    }

    fn ensure_dir(&self, dir: &Path) -> io::Result<()> {
        if self
            .created
            .lock()
            .expect("no panics while locked")
            .contains(dir)
        {
            return Ok(());
        }
        fs::create_dir_all(dir)?;
        self.created
            .lock()
            .expect("no panics while locked")
            .insert(dir.to_path_buf());
        Ok(())
    }

    /// Copies a file from disk to output file `path`, linking when unchanged.
    fn copy_file(&self, src: &Path, path: &OutPath) -> io::Result<()> {
        if let Some(file) = open_cache_file(src) {
            // Read through the handle opened without links, never by path.
            let mut bytes = Vec::new();
            file?.read_to_end(&mut bytes)?;
            return self.write(path, &bytes);
        }
        let _writing = start_write()?;
        let dest = self.dir.join(path.as_str());
        if let Some(parent) = dest.parent() {
            self.ensure_dir(parent)?;
        }
        if let Some(prev) = &self.previous {
            let old = prev.join(path.as_str());
            if same_file_contents(src, &old) && fs::hard_link(&old, &dest).is_ok() {
                self.stats.lock().expect("no panics while locked").2 += 1;
                return Ok(());
            }
        }
        let n = fs::copy(src, &dest)?;
        let mut s = self.stats.lock().expect("no panics while locked");
        s.0 += 1;
        s.1 += n;
        Ok(())
    }

    /// Swaps the staging folder in for the output; the old output is removed after.
    pub fn commit(mut self) -> io::Result<PathBuf> {
        // Held until the old output is gone: a signal waits for the swap.
        let mut dirs = lock(&STAGING_DIRS);
        self.done = true;
        let swapped = self.swap();
        // After a swap the staging name holds the old output (or nothing);
        // after a failed one, the new site that was not swapped in.
        let _ = remove_tree(&self.dir);
        dirs.retain(|d| d != &self.dir);
        let signal = PENDING_SIGNAL.load(Ordering::SeqCst);
        if signal != 0 {
            // Ctrl-C or SIGTERM came during the swap; exit as the handler would.
            std::process::exit(128 + signal);
        }
        drop(dirs);
        swapped.map(|()| self.target.clone())
    }

    /// Puts the staging folder in place of the output: in one step where
    /// the system can exchange two folders, else by two renames.
    fn swap(&self) -> io::Result<()> {
        // Not part of the site: the staging folder is marked by `MARKER`,
        // written by the render stage, from here on.
        remove_if_present(&self.dir.join(STAGING_MARKER))?;
        match fs::symlink_metadata(&self.target) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return fs::rename(&self.dir, &self.target)
            }
            Err(e) => return Err(e),
            Ok(_) => {}
        }
        if !self.target.join(MARKER).is_file() {
            // An empty folder not made by bantin: `check_target` refuses any other.
            fs::remove_dir(&self.target)?;
            return fs::rename(&self.dir, &self.target);
        }
        if !test_hook(FORCE_FALLBACK_HOOK) && exchange(&self.dir, &self.target)? {
            return Ok(());
        }
        let old = self.sibling(OLD);
        fs::rename(&self.target, &old)?;
        if test_hook(PAUSE_HOOK) {
            std::thread::sleep(std::time::Duration::from_secs(2));
        }
        if let Err(e) = fs::rename(&self.dir, &self.target) {
            // Put the previous site back: a failed build must leave it as it was.
            let _ = fs::rename(&old, &self.target);
            return Err(e);
        }
        // Back to the staging name, free again, to be removed by `commit`:
        // an `old` folder exists only between the two renames.
        if fs::rename(&old, &self.dir).is_err() {
            let _ = remove_tree(&old);
        }
        Ok(())
    }

    /// The folder beside the output named for `kind` and this process.
    fn sibling(&self, kind: &str) -> PathBuf {
        self.dir
            .with_file_name(format!(".{}.{kind}{}", self.name, std::process::id()))
    }

    /// Removes the staging folder, leaving the previous output untouched.
    pub fn abandon(self) {
        // `Drop` removes it.
    }
}

impl Drop for Staging {
    /// A build that neither committed nor abandoned (a panic, an early
    /// return) removes its staging folder too.
    fn drop(&mut self) {
        if !self.done {
            self.done = true;
            let _ = remove_tree(&self.dir);
            lock(&STAGING_DIRS).retain(|d| d != &self.dir);
        }
    }
}

impl Sink for Staging {
    fn copy(&self, path: &OutPath, src: &Path) -> io::Result<()> {
        self.copy_file(src, path)
    }

    fn write(&self, path: &OutPath, bytes: &[u8]) -> io::Result<()> {
        let _writing = start_write()?;
        let dest = self.dir.join(path.as_str());
        if let Some(parent) = dest.parent() {
            self.ensure_dir(parent)?;
        }
        if let Some(prev) = &self.previous {
            let old = prev.join(path.as_str());
            if fs::metadata(&old).is_ok_and(|m| m.len() == bytes.len() as u64)
                && fs::File::open(&old).is_ok_and(|f| reads_as(f, bytes).unwrap_or(false))
                && fs::hard_link(&old, &dest).is_ok()
            {
                self.stats.lock().expect("no panics while locked").2 += 1;
                return Ok(());
            }
        }
        fs::write(&dest, bytes)?;
        let mut s = self.stats.lock().expect("no panics while locked");
        s.0 += 1;
        s.1 += bytes.len() as u64;
        Ok(())
    }
}

/// A file of bantin's image cache (`.bantin-cache/…`, or the fallback
/// `bantin-cache-…` of the temporary folder), opened from the cache folder
/// down without following any link, or `None` for any other file. The
/// images stage checked the entry; a link planted after that check must
/// not publish a file from elsewhere.
fn open_cache_file(src: &Path) -> Option<io::Result<fs::File>> {
    let names: Vec<&str> = src
        .components()
        .map(|c| c.as_os_str().to_str().unwrap_or(""))
        .collect();
    let at = names
        .iter()
        .rposition(|n| *n == ".bantin-cache" || n.starts_with("bantin-cache-"))?;
    let root: PathBuf = src.components().take(at + 1).collect();
    let (file, folders) = names[at + 1..].split_last()?;
    Some((|| {
        let mut dir = crate::media::nofollow::Dir::open_path(&root)?;
        for name in folders {
            dir = dir.sub(name, false)?;
        }
        dir.open_file(file)
    })())
}

/// Infixes of the names of the folders bantin keeps beside the output.
const STAGING: &str = "bantin-staging-";
const OLD: &str = "bantin-old-";

/// Waits while a signal handler removes the staging folders, and refuses
/// once it has: the process is about to exit.
fn start_write() -> io::Result<RwLockReadGuard<'static, ()>> {
    let guard = WRITES.read().unwrap_or_else(|e| e.into_inner());
    if CANCELLED.load(Ordering::SeqCst) {
        return Err(io::Error::new(
            io::ErrorKind::Interrupted,
            "the build was interrupted",
        ));
    }
    Ok(guard)
}

fn test_hook(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|v| v == "1")
}

/// Exchanges two folders in one step; `false` when the system or the file
/// system cannot.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(e) if e == Errno::INVAL || e == Errno::NOSYS || e == Errno::OPNOTSUPP => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<bool> {
    Ok(false)
}

/// The kind (`STAGING` or `OLD`) and process id in the name of a folder
/// bantin keeps beside output folder `name`, if it is one.
fn leftover_name(file_name: &str, name: &str) -> Option<(&'static str, u32)> {
    let rest = file_name
        .strip_prefix('.')?
        .strip_prefix(name)?
        .strip_prefix('.')?;
    let (kind, pid) = [STAGING, OLD]
        .into_iter()
        .find_map(|k| rest.strip_prefix(k).map(|pid| (k, pid)))?;
    if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((kind, pid.parse().ok()?))
}

/// Whether `dir` is a real folder (not a link) that bantin marked as its own.
fn is_ours(dir: &Path) -> bool {
    fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir())
        && (dir.join(STAGING_MARKER).is_file() || dir.join(MARKER).is_file())
}

/// Whether `dir` is a folder with nothing in it (not a link).
fn is_empty_folder(dir: &Path) -> bool {
    fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir())
        && fs::read_dir(dir).is_ok_and(|mut e| e.next().is_none())
}

/// Whether process `pid` may still be building. A folder named for this
/// process was left by an earlier one that had the same id.
fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return false;
    }
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        Path::new("/proc").join(pid.to_string()).exists()
    }
    #[cfg(all(unix, not(any(target_os = "linux", target_os = "android"))))]
    {
        use rustix::process::{test_kill_process, Pid};
        match i32::try_from(pid).ok().and_then(Pid::from_raw) {
            Some(p) => {
                test_kill_process(p).map_or_else(|e| e != rustix::io::Errno::SRCH, |()| true)
            }
            None => false,
        }
    }
    #[cfg(not(unix))]
    {
        true // unknown: never remove
    }
}

/// Bantin's folders beside output folder `name` in `parent` whose build is
/// gone: kind, path.
fn dead_leftovers(parent: &Path, name: &str) -> Vec<(&'static str, PathBuf)> {
    let Ok(entries) = fs::read_dir(parent) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| {
            let file_name = e.file_name();
            let (kind, pid) = leftover_name(file_name.to_str()?, name)?;
            let path = e.path();
            // A build killed between making its staging folder and writing
            // the mark into it leaves it empty: nothing to lose.
            let mine = is_ours(&path) || (kind == STAGING && is_empty_folder(&path));
            (!process_alive(pid) && mine).then_some((kind, path))
        })
        .collect()
}

/// After a build killed between the two renames of the fallback swap, the
/// output is missing and the previous one waits under the `old` name: put
/// it back (the newest, should there be several).
fn restore_half_done_swap(target: &Path) {
    if fs::symlink_metadata(target).is_ok() {
        return;
    }
    let (Some(parent), Some(name)) = (target.parent(), target.file_name()) else {
        return;
    };
    let newest = dead_leftovers(parent, &name.to_string_lossy())
        .into_iter()
        .filter(|(kind, _)| *kind == OLD)
        .max_by_key(|(_, p)| fs::metadata(p).and_then(|m| m.modified()).ok());
    if let Some((_, old)) = newest {
        let _ = fs::rename(old, target);
    }
}

/// Removes the leftovers of killed builds beside output `target`, named
/// `name`, in `parent`; never a folder without bantin's mark, never one of
/// a build still running.
fn remove_leftovers(parent: &Path, name: &str, target: &Path) {
    restore_half_done_swap(target);
    let keep_old = fs::symlink_metadata(target).is_err();
    for (kind, path) in dead_leftovers(parent, name) {
        if kind == OLD && keep_old {
            continue; // the previous site, which could not be put back
        }
        let _ = remove_tree(&path);
    }
}

fn remove_if_present(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Removes a folder of bantin's with its marker files last, so that a
/// removal cut short by a kill leaves a folder still marked as bantin's.
fn remove_tree(dir: &Path) -> io::Result<()> {
    let missing = |r: io::Result<()>| match r {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    };
    match fs::symlink_metadata(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
        Ok(m) if !m.is_dir() => return missing(fs::remove_file(dir)),
        Ok(_) => {}
    }
    let mut markers = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if name == MARKER || name == STAGING_MARKER {
            markers.push(entry.path());
        } else if entry.file_type()?.is_dir() {
            missing(fs::remove_dir_all(entry.path()))?;
        } else {
            missing(fs::remove_file(entry.path()))?;
        }
    }
    for m in markers {
        missing(fs::remove_file(m))?;
    }
    missing(fs::remove_dir(dir))
}

/// Makes Ctrl-C (SIGINT) and SIGTERM remove the staging folders of this
/// process, then exit with status 128 + the signal (130, 143). A signal
/// during the swap waits for it to end; the output folder itself is never
/// removed. For the binary, called once at start.
#[cfg(unix)]
pub fn remove_staging_on_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM])?;
    std::thread::Builder::new()
        .name("bantin-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                PENDING_SIGNAL.store(signal, Ordering::SeqCst);
                let dirs = lock(&STAGING_DIRS);
                let _no_writes = WRITES.write().unwrap_or_else(|e| e.into_inner());
                CANCELLED.store(true, Ordering::SeqCst);
                for dir in dirs.iter() {
                    let _ = remove_tree(dir);
                }
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

/// Elsewhere the leftovers of an interrupted build are removed by the next.
#[cfg(not(unix))]
pub fn remove_staging_on_signals() -> io::Result<()> {
    Ok(())
}

/// Bytes of each file held at a time when a file is compared with the
/// previous output: a video of gigabytes costs as little memory as a page.
const PIECE: usize = 64 * 1024;

/// Whether files `a` and `b` hold the same bytes: sizes first, then the
/// bytes a piece at a time. A file that cannot be read is never the same
/// as another (two unreadable files once were, and the old one was kept).
fn same_file_contents(a: &Path, b: &Path) -> bool {
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(ma), Ok(mb)) if ma.len() == mb.len() => files_equal(a, b, ma.len()).unwrap_or(false),
        _ => false,
    }
}

/// Compares two files of `len` bytes (as their metadata said) piece by piece.
fn files_equal(a: &Path, b: &Path, len: u64) -> io::Result<bool> {
    let (mut fa, mut fb) = (fs::File::open(a)?, fs::File::open(b)?);
    let piece = usize::try_from(len).map_or(PIECE, |n| PIECE.min(n + 1));
    let (mut ba, mut bb) = (vec![0; piece], vec![0; piece]);
    loop {
        let n = fill(&mut fa, &mut ba)?;
        if fill(&mut fb, &mut bb[..n])? != n || ba[..n] != bb[..n] {
            return Ok(false);
        }
        if n < piece {
            // `a` ended: the same only if `b` ends there too.
            return Ok(fill(&mut fb, &mut bb[..1])? == 0);
        }
    }
}

/// Whether `r` holds exactly `expected`, read a piece at a time.
fn reads_as(mut r: impl Read, expected: &[u8]) -> io::Result<bool> {
    let mut buf = vec![0; PIECE.min(expected.len() + 1)];
    for want in expected.chunks(buf.len()) {
        let n = fill(&mut r, &mut buf[..want.len()])?;
        if buf[..n] != *want {
            return Ok(false);
        }
    }
    Ok(fill(&mut r, &mut buf[..1])? == 0)
}

/// Reads into `buf` until it is full or the reader ends; the bytes read.
fn fill(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that gives one byte per call, as a pipe or a slow disk may.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.0.len().min(buf.len()).min(1);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn comparisons_read_pieces_and_see_every_byte_and_the_end() {
        let big: Vec<u8> = (0..3 * PIECE + 7).map(|i| (i % 251) as u8).collect();
        let mut last = big.clone();
        *last.last_mut().unwrap() ^= 1;
        let mut first = big.clone();
        first[0] ^= 1;
        let cases: [(&[u8], &[u8], bool); 8] = [
            (b"", b"", true),
            (b"a", b"a", true),
            (b"a", b"", false),
            (b"", b"a", false),
            (&big, &big, true),
            (&big, &last, false),
            (&big, &first, false),
            (&big, &big[..big.len() - 1], false),
        ];
        let dir = tempfile::tempdir().unwrap();
        for (i, (a, b, same)) in cases.into_iter().enumerate() {
            assert_eq!(reads_as(a, b).unwrap(), same, "case {i}");
            assert_eq!(reads_as(Trickle(a), b).unwrap(), same, "case {i}, trickle");
            let (pa, pb) = (dir.path().join("a"), dir.path().join("b"));
            fs::write(&pa, a).unwrap();
            fs::write(&pb, b).unwrap();
            assert_eq!(same_file_contents(&pa, &pb), same, "case {i}, files");
        }
        // Files that cannot be read are never the same.
        let gone = dir.path().join("khong-co");
        assert!(!same_file_contents(&gone, &gone));
    }

    #[test]
    fn refuses_dangerous_targets() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        fs::create_dir_all(root.join("content")).unwrap();
        assert!(check_target(root, root).is_err());
        assert!(check_target(root, &root.join("content")).is_err());
        assert!(check_target(root, root.parent().unwrap()).is_err());
        assert!(check_target(root, &root.join("public")).is_ok());
        let foreign = root.join("docs");
        fs::create_dir_all(&foreign).unwrap();
        fs::write(foreign.join("x.txt"), "x").unwrap();
        let e = check_target(root, &foreign).unwrap_err();
        assert_eq!(e, OutputError::NotOurs);
    }

    #[cfg(any(target_os = "linux", target_os = "android"))]
    #[test]
    fn exchange_swaps_two_folders_in_one_step() {
        let t = tempfile::tempdir().unwrap();
        let (a, b) = (t.path().join("a"), t.path().join("b"));
        fs::create_dir(&a).unwrap();
        fs::create_dir(&b).unwrap();
        fs::write(a.join("x"), "a").unwrap();
        fs::write(b.join("x"), "b").unwrap();
        assert!(exchange(&a, &b).unwrap(), "the file system can exchange");
        assert_eq!(fs::read_to_string(a.join("x")).unwrap(), "b");
        assert_eq!(fs::read_to_string(b.join("x")).unwrap(), "a");
        assert!(exchange(&a, &t.path().join("missing")).is_err());
    }

    #[test]
    fn names_of_leftovers() {
        assert_eq!(
            leftover_name(".public.bantin-staging-12", "public"),
            Some((STAGING, 12))
        );
        assert_eq!(
            leftover_name(".public.bantin-old-7", "public"),
            Some((OLD, 7))
        );
        for other in [
            ".public.bantin-old-",
            ".public.bantin-old-+7",
            ".public.bantin-old-7x",
            ".public.bantin-old-99999999999",
            ".publicx.bantin-old-7",
            "public.bantin-old-7",
            ".public.bantin-new-7",
        ] {
            assert_eq!(leftover_name(other, "public"), None, "{other}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn removing_a_link_leaves_where_it_leads() {
        let t = tempfile::tempdir().unwrap();
        let real = t.path().join("real");
        fs::create_dir(&real).unwrap();
        fs::write(real.join(MARKER), MARKER_TEXT).unwrap();
        fs::write(real.join("page.html"), "x").unwrap();
        let link = t.path().join(".public.bantin-old-999999999");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert!(!is_ours(&link), "a link is never bantin's folder");
        remove_tree(&link).unwrap();
        assert!(fs::symlink_metadata(&link).is_err());
        assert!(real.join("page.html").exists());
    }

    #[test]
    fn an_empty_staging_folder_of_a_killed_build_is_removed_and_a_full_unmarked_one_kept() {
        let site = tempfile::tempdir().unwrap();
        let empty = site.path().join(".public.bantin-staging-999999991");
        let full = site.path().join(".public.bantin-staging-999999992");
        fs::create_dir(&empty).unwrap();
        fs::create_dir(&full).unwrap();
        fs::write(full.join("ghi-chu.txt"), "của tôi").unwrap();
        let s = Staging::new(site.path(), &site.path().join("public")).unwrap();
        assert!(!empty.exists(), "the empty leftover stays");
        assert!(
            full.join("ghi-chu.txt").exists(),
            "an unmarked folder was removed"
        );
        drop(s);
    }

    #[test]
    fn dropped_staging_removes_its_folder() {
        let site = tempfile::tempdir().unwrap();
        let s = Staging::new(site.path(), &site.path().join("public")).unwrap();
        let dir = s.dir.clone();
        assert_eq!(
            fs::read_to_string(dir.join(STAGING_MARKER)).unwrap(),
            format!("{}\n", std::process::id())
        );
        assert!(lock(&STAGING_DIRS).contains(&dir));
        drop(s);
        assert!(!dir.exists());
        assert!(!lock(&STAGING_DIRS).contains(&dir));
    }
}

#[cfg(all(test, unix))]
mod cache_link_tests {
    use super::*;
    use std::os::unix::fs::symlink;

    /// A site folder with a cache entry `.bantin-cache/images/img/e/480.webp`
    /// and a private file outside it.
    fn site() -> (tempfile::TempDir, PathBuf) {
        let t = tempfile::tempdir().unwrap();
        let entry = t.path().join("site/.bantin-cache/images/img/e");
        fs::create_dir_all(&entry).unwrap();
        fs::write(entry.join("480.webp"), b"RIFF-sizes").unwrap();
        fs::write(t.path().join("bi-mat.txt"), b"private").unwrap();
        (t, entry)
    }

    #[test]
    fn cache_files_are_read_without_following_links() {
        let (t, entry) = site();
        let src = entry.join("480.webp");
        let mut bytes = Vec::new();
        open_cache_file(&src)
            .unwrap()
            .unwrap()
            .read_to_end(&mut bytes)
            .unwrap();
        assert_eq!(bytes, b"RIFF-sizes");
        assert!(open_cache_file(&t.path().join("site/content/anh.jpg")).is_none());

        // The file itself a link.
        fs::remove_file(&src).unwrap();
        symlink(t.path().join("bi-mat.txt"), &src).unwrap();
        assert!(open_cache_file(&src).unwrap().is_err());
        // A folder of the entry a link to a folder holding that name.
        let elsewhere = t.path().join("khac");
        fs::create_dir_all(&elsewhere).unwrap();
        fs::write(elsewhere.join("480.webp"), b"private").unwrap();
        fs::remove_dir_all(&entry).unwrap();
        symlink(&elsewhere, &entry).unwrap();
        assert!(open_cache_file(&entry.join("480.webp")).unwrap().is_err());
        // The fallback cache of the temporary folder alike.
        let fallback = t.path().join("bantin-cache-0-ab/img/e");
        fs::create_dir_all(fallback.parent().unwrap()).unwrap();
        symlink(&elsewhere, &fallback).unwrap();
        assert!(open_cache_file(&fallback.join("480.webp"))
            .unwrap()
            .is_err());
    }

    #[test]
    fn a_planted_link_is_not_published_by_the_staging_copy() {
        let (t, entry) = site();
        let src = entry.join("480.webp");
        fs::remove_file(&src).unwrap();
        symlink(t.path().join("bi-mat.txt"), &src).unwrap();
        let out = t.path().join("site/public");
        let staging = Staging::new(&t.path().join("site"), &out).unwrap();
        let path = OutPath::page("anh-480w.webp").unwrap();
        assert!(staging.copy(&path, &src).is_err());
        let written = staging.dir.join("anh-480w.webp");
        assert!(!written.exists(), "the private file was copied");
    }
}
