//! The output folder is replaced only by a successful build, and bantin
//! never writes where it should not.

use crate::support::{article, SiteTest};
use bantin::pipeline::Failure;

fn site() -> SiteTest {
    let t = SiteTest::new();
    t.write("content/a.md", &article("A", "2021-01-01", "", "A"));
    t
}

#[test]
fn failed_build_leaves_the_previous_site_untouched() {
    let t = site();
    t.build_ok();
    let before = t.read("a/index.html");
    t.write("content/a.md", &article("A mới", "2021-01-01", "", "A"));
    t.write("content/tin/b.md", "---\ntitle: b\n---\n");
    t.build_errors();
    assert_eq!(t.read("a/index.html"), before);
    let leftovers: Vec<_> = std::fs::read_dir(t.root())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("bantin-staging"))
        .collect();
    assert!(leftovers.is_empty(), "staging folder left behind");
}

#[test]
fn successful_build_replaces_the_site_and_drops_stale_files() {
    let t = site();
    t.build_ok();
    assert!(t.exists(".bantin-output"));
    std::fs::remove_file(t.root().join("content/a.md")).unwrap();
    t.write("content/b.md", &article("B", "2021-01-01", "", "B"));
    t.build_ok();
    assert!(t.exists("b/index.html"));
    assert!(!t.exists("a/index.html"), "stale page of a removed article");
}

#[test]
fn refuses_foreign_non_empty_folders_and_the_site_itself() {
    let t = site();
    t.write("tai-lieu/ghi-chu.txt", "của tôi");
    for target in ["tai-lieu", "content", ".", ".."] {
        let mut opts = t.options();
        opts.output = Some(t.root().join(target));
        match bantin::pipeline::build(&opts) {
            Err(Failure::Config(e)) => assert!(
                e[0].message_en().starts_with("refusing to write"),
                "{target}: {}",
                e[0].message_en()
            ),
            other => panic!("{target}: expected a refusal, got {other:?}"),
        }
    }
    assert_eq!(
        std::fs::read_to_string(t.root().join("tai-lieu/ghi-chu.txt")).unwrap(),
        "của tôi"
    );
    // An empty folder is fine.
    std::fs::create_dir_all(t.root().join("trong")).unwrap();
    let mut opts = t.options();
    opts.output = Some(t.root().join("trong"));
    assert!(bantin::pipeline::build(&opts).is_ok());
}

#[test]
fn content_files_are_never_written() {
    let t = site();
    let path = t.root().join("content/a.md");
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    t.build_ok();
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        before
    );
}

#[test]
fn unchanged_rebuild_keeps_modification_times() {
    let t = site();
    t.write(
        "static/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    t.build_ok();
    let mtime = |p: &str| {
        std::fs::metadata(t.out().join(p))
            .unwrap()
            .modified()
            .unwrap()
    };
    let before = (mtime("a/index.html"), mtime("logo.svg"), mtime("style.css"));
    std::thread::sleep(std::time::Duration::from_millis(20));
    let marker = mtime(".bantin-output");
    let r = t.build_ok();
    assert_eq!(r.written.0, 0, "files rewritten on an unchanged rebuild");
    assert_eq!(mtime(".bantin-output"), marker);
    assert_eq!(
        (mtime("a/index.html"), mtime("logo.svg"), mtime("style.css")),
        before
    );
    t.write("content/a.md", &article("A sửa", "2021-01-01", "", "A"));
    t.build_ok();
    assert_ne!(mtime("a/index.html"), before.0);
}

#[test]
fn bodies_rendered_again_after_parsing_give_the_same_site() {
    let t = SiteTest::new();
    t.write(
        "content/a.md",
        &article(
            "A",
            "2021-01-01",
            "",
            "Xem [B](b.md).\n\n```rust\nfn main() {}\n```",
        ),
    );
    t.write(
        "content/b.md",
        &article("B", "2021-01-02", "", "## Mục một\n\nThân bài B."),
    );
    t.write(
        "config.yaml",
        "title: x\nbase_url: https://x.vn/\nfeed: {full_content: true}\n",
    );
    t.build_ok();
    let kept = (
        t.read("a/index.html"),
        t.read("b/index.html"),
        t.read("rss.xml"),
    );
    let mut opts = t.options();
    opts.html_budget = Some(0);
    bantin::pipeline::build(&opts).unwrap();
    assert_eq!(
        (
            t.read("a/index.html"),
            t.read("b/index.html"),
            t.read("rss.xml")
        ),
        kept
    );
    assert!(kept.0.contains("href=\"../b/index.html\""));
}

// ---------------------------------------------------------------------------
// Killed and interrupted builds: the output folder is swapped in atomically,
// leftovers of killed builds are removed by the next build, and Ctrl-C or
// SIGTERM remove the staging folder.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Every file of a folder, by path relative to it, with its bytes; `None`
/// when the folder does not exist.
type Snapshot = BTreeMap<String, Vec<u8>>;

fn snapshot(dir: &Path) -> Option<Snapshot> {
    if !dir.exists() {
        return None;
    }
    let mut files = Snapshot::new();
    for e in walkdir::WalkDir::new(dir).into_iter() {
        let e = e.expect("walk output");
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(dir).unwrap();
            files.insert(
                rel.to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read output file"),
            );
        }
    }
    Some(files)
}

/// What differs between two snapshots, for failure messages.
fn diff(got: &Snapshot, want: &Snapshot) -> String {
    let missing: Vec<_> = want.keys().filter(|k| !got.contains_key(*k)).collect();
    let extra: Vec<_> = got.keys().filter(|k| !want.contains_key(*k)).collect();
    let changed: Vec<_> = got
        .iter()
        .filter(|(k, v)| want.get(*k).is_some_and(|w| w != *v))
        .map(|(k, _)| k)
        .collect();
    format!(
        "{} missing (e.g. {:?}), {} extra (e.g. {:?}), {} changed (e.g. {:?})",
        missing.len(),
        missing.iter().take(3).collect::<Vec<_>>(),
        extra.len(),
        extra.iter().take(3).collect::<Vec<_>>(),
        changed.len(),
        changed.iter().take(3).collect::<Vec<_>>()
    )
}

/// Names of the folders beside the output that builds create and remove.
fn leftovers(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public.bantin-"))
        .collect();
    names.sort();
    names
}

const ARTICLES: usize = 300;

/// A site of a few hundred articles, in version `A` or `B`: the title
/// (on every page) differs, and `B` has one more article.
fn big_site(t: &SiteTest, version: char) {
    t.write(
        "config.yaml",
        &format!(
            "title: \"Ban tin PHIEN-BAN-{version}\"\nbase_url: \"https://thu.example.vn/\"\npaginate_by: 10\n"
        ),
    );
    if !t.root().join("content/bai-000.md").exists() {
        for i in 0..ARTICLES {
            let date = format!("2021-{:02}-{:02}", 1 + i % 12, 1 + (i / 12) % 28);
            let body = format!(
                "Đoạn mở đầu của bài số {i}, về công tác quản lý nhà nước.\n\n## Nội dung\n\n{}",
                "Ủy ban nhân dân tỉnh đã chỉ đạo các sở, ngành triển khai kế hoạch. ".repeat(20)
            );
            t.write(
                &format!("content/bai-{i:03}.md"),
                &article(&format!("Bài số {i}"), &date, "", &body),
            );
        }
    }
    let extra = t.root().join("content/moi-nhat.md");
    if version == 'B' {
        t.write(
            "content/moi-nhat.md",
            &article("Bài mới nhất", "2021-12-31", "", "Tin mới."),
        );
    } else if extra.exists() {
        std::fs::remove_file(extra).unwrap();
    }
}

fn bantin(t: &SiteTest, env: &[(&str, &str)]) -> Command {
    let mut c = crate::support::bantin();
    c.arg("build")
        .current_dir(t.root())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    for (k, v) in env {
        c.env(k, v);
    }
    c
}

fn build_bin(t: &SiteTest) -> Duration {
    let started = Instant::now();
    let status = bantin(t, &[]).status().expect("run bantin");
    assert!(status.success(), "build failed: {status}");
    started.elapsed()
}

/// The site built as version A and as version B by the binary, and the time
/// a build of B over A takes; the output and the site are left at A.
fn two_versions() -> (SiteTest, Snapshot, Snapshot, Duration) {
    let t = SiteTest::new();
    big_site(&t, 'A');
    build_bin(&t);
    let a = snapshot(&t.out()).unwrap();
    big_site(&t, 'B');
    let took = build_bin(&t);
    let b = snapshot(&t.out()).unwrap();
    assert_ne!(a.len(), b.len(), "the versions must differ in their files");
    big_site(&t, 'A');
    build_bin(&t);
    assert!(snapshot(&t.out()).unwrap() == a);
    assert!(String::from_utf8_lossy(&a["index.html"]).contains("PHIEN-BAN-A"));
    assert!(String::from_utf8_lossy(&b["index.html"]).contains("PHIEN-BAN-B"));
    (t, a, b, took)
}

/// Waits until `cond` holds, failing if the child ends first or it takes
/// more than a minute.
fn wait_for(child: &mut Child, what: &str, cond: impl Fn() -> bool) {
    let started = Instant::now();
    while !cond() {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("bantin ended ({status}) before {what}");
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_micros(200));
    }
}

#[test]
fn killed_builds_leave_the_old_or_the_new_site_never_neither_nor_a_mix() {
    let started = Instant::now();
    let (t, a, b, took) = two_versions();
    // Kill points 0, step, 2·step, … with step = build time / 40, going on
    // past the measured build length (builds are slower while other tests
    // run) until a few kills have come after the swap.
    let step = took / 40;
    let mut points = 0;
    let mut on_a = true; // which version the output holds
    let (mut kept, mut swapped, mut finished, mut most_leftovers) = (0, 0, 0, 0);
    while points < 40 || swapped < 3 {
        assert!(points < 1000, "no kill came after the swap");
        let delay = step * points;
        points += 1;
        big_site(&t, if on_a { 'B' } else { 'A' });
        let mut child = bantin(&t, &[]).spawn().expect("spawn bantin");
        std::thread::sleep(delay);
        child.kill().expect("SIGKILL");
        let status = child.wait().unwrap();
        if status.success() {
            finished += 1;
        }
        let snap = snapshot(&t.out())
            .unwrap_or_else(|| panic!("no output folder after a kill at {delay:?}"));
        let now_a = if snap == a {
            true
        } else if snap == b {
            false
        } else {
            panic!(
                "a mix after a kill at {delay:?}: against A {}; against B {}",
                diff(&snap, &a),
                diff(&snap, &b)
            );
        };
        if now_a == on_a {
            kept += 1;
        } else {
            swapped += 1;
        }
        on_a = now_a;
        most_leftovers = most_leftovers.max(leftovers(t.root()).len());
    }
    // A normal build removes every leftover of the killed ones.
    big_site(&t, 'B');
    build_bin(&t);
    assert_eq!(leftovers(t.root()), Vec::<String>::new());
    assert!(snapshot(&t.out()).unwrap() == b);
    eprintln!(
        "kill test: build {took:?}, {points} kill points every {step:?}, {kept} kept \
         the old site, {swapped} had the new one ({finished} had finished), at most \
         {most_leftovers} leftover folders, {:?} in all",
        started.elapsed()
    );
    assert!(
        kept > 0 && swapped > 0,
        "the kills should hit both sides of the swap"
    );
}

/// A build that takes the two-rename swap and pauses between the renames,
/// and the name the old output has in that pause.
fn paused_swap(t: &SiteTest) -> (Child, std::path::PathBuf) {
    let child = bantin(
        t,
        &[
            ("BANTIN_TEST_FORCE_FALLBACK", "1"),
            ("BANTIN_TEST_PAUSE_IN_SWAP", "1"),
        ],
    )
    .spawn()
    .unwrap();
    let old = t.root().join(format!(".public.bantin-old-{}", child.id()));
    (child, old)
}

#[test]
fn a_kill_between_the_two_renames_is_repaired_by_the_next_build() {
    let (t, a, b, _) = two_versions();
    big_site(&t, 'B');
    let (mut child, old) = paused_swap(&t);
    let out = t.out();
    wait_for(&mut child, "the first rename of the swap", || {
        old.exists() && !out.exists()
    });
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        !out.exists(),
        "the kill should land between the two renames"
    );
    // Even a build that fails restores the previous site before anything else.
    t.write("content/tin/hong.md", "---\ntitle: b\n---\n");
    let (code, _, err) = t.run(&["build"]);
    assert_eq!(code, 1, "{err}");
    assert!(snapshot(&out) == Some(a.clone()), "the old site is back");
    std::fs::remove_file(t.root().join("content/tin/hong.md")).unwrap();
    build_bin(&t);
    assert!(snapshot(&out) == Some(b.clone()));
    assert_eq!(leftovers(t.root()), Vec::<String>::new());
}

#[test]
fn ctrl_c_and_sigterm_remove_the_staging_folder() {
    use rustix::process::{kill_process, Pid, Signal};
    let (t, a, b, _) = two_versions();
    let send = |child: &Child, sig: Signal| {
        kill_process(Pid::from_raw(child.id() as i32).unwrap(), sig).unwrap();
    };
    for (sig, code) in [(Signal::INT, 130), (Signal::TERM, 143)] {
        big_site(&t, 'B');
        let mut child = bantin(&t, &[]).spawn().unwrap();
        let staging = t
            .root()
            .join(format!(".public.bantin-staging-{}", child.id()));
        wait_for(&mut child, "the staging folder", || staging.exists());
        send(&child, sig);
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(code), "{sig:?}");
        assert!(!staging.exists(), "{sig:?}: staging folder left behind");
        assert_eq!(leftovers(t.root()), Vec::<String>::new());
        assert!(
            snapshot(&t.out()) == Some(a.clone()),
            "{sig:?}: the old site"
        );
    }
    // A signal during the swap lets the swap finish first.
    big_site(&t, 'B');
    let (mut child, old) = paused_swap(&t);
    wait_for(&mut child, "the first rename of the swap", || old.exists());
    send(&child, Signal::TERM);
    assert_eq!(child.wait().unwrap().code(), Some(143));
    assert!(snapshot(&t.out()) == Some(b.clone()), "the new site");
    assert_eq!(leftovers(t.root()), Vec::<String>::new());
}

#[test]
fn only_marked_leftovers_of_dead_builds_are_removed() {
    let t = site();
    t.build_ok();
    let mk = |name: &str, files: &[(&str, &str)]| {
        let dir = t.root().join(name);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("sub/page.html"), "x").unwrap();
        for (f, text) in files {
            std::fs::write(dir.join(f), text).unwrap();
        }
    };
    // Process ids above the kernel's largest are never alive; 1 always is.
    mk(
        ".public.bantin-staging-999999999",
        &[(".bantin-staging", "999999999")],
    );
    mk(
        ".public.bantin-old-999999998",
        &[(".bantin-output", "This folder is generated by bantin")],
    );
    mk(".public.bantin-staging-999999997", &[]);
    mk(
        ".public.bantin-old-999999996",
        &[("ghi-chu.txt", "của tôi")],
    );
    mk(".public.bantin-staging-1", &[(".bantin-staging", "1")]);
    mk(".public.bantin-old-abc", &[(".bantin-output", "x")]);
    mk(
        ".khac.bantin-staging-999999995",
        &[(".bantin-staging", "x")],
    );
    t.write("content/b.md", &article("B", "2021-01-02", "", "B"));
    t.build_ok();
    assert!(t.exists("b/index.html"));
    let mut left = leftovers(t.root());
    left.retain(|n| !n.ends_with(&format!("-{}", std::process::id())));
    assert_eq!(
        left,
        [
            ".public.bantin-old-999999996",
            ".public.bantin-old-abc",
            ".public.bantin-staging-1",
            ".public.bantin-staging-999999997",
        ]
    );
    assert!(t.root().join(".khac.bantin-staging-999999995").exists());
    assert_eq!(
        std::fs::read_to_string(t.root().join(".public.bantin-old-999999996/ghi-chu.txt")).unwrap(),
        "của tôi"
    );
    assert!(t
        .root()
        .join(".public.bantin-staging-999999997/sub/page.html")
        .exists());
}

/// A sparse file of `len` bytes, zero but for `byte` at `at`: large on
/// paper, nothing on disk.
#[cfg(target_os = "linux")]
fn sparse(path: &Path, len: u64, at: u64, byte: u8) {
    use std::io::{Seek, SeekFrom, Write};
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut f = std::fs::File::create(path).unwrap();
    f.set_len(len).unwrap();
    f.seek(SeekFrom::Start(at)).unwrap();
    f.write_all(&[byte]).unwrap();
}

#[cfg(target_os = "linux")]
#[test]
fn large_files_are_compared_with_the_old_output_piece_by_piece() {
    use std::os::unix::fs::MetadataExt;
    // The build may hold 112 MiB of address space (`prlimit`), far less
    // than one of the files: reading one whole fails (and was taken as
    // "unchanged"), reading them piece by piece does not.
    const LIMIT: u64 = 112 << 20;
    const LEN: u64 = 128 << 20;
    // (what the old output holds, what static/ holds, whether it is unchanged)
    let cases = [
        ("differs at the start", (0, b'A'), LEN, (0, b'B'), false),
        (
            "differs at the end",
            (LEN - 1, b'A'),
            LEN,
            (LEN - 1, b'B'),
            false,
        ),
        (
            "differs in the middle",
            (0, b'A'),
            LEN,
            (LEN / 2, b'A'),
            false,
        ),
        ("the same", (LEN / 3, b'A'), LEN, (LEN / 3, b'A'), true),
        ("one byte longer", (0, b'A'), LEN + 1, (0, b'A'), false),
    ];
    for (name, (old_at, old_byte), len, (at, byte), same) in cases {
        let t = site();
        t.build_ok();
        let old = t.out().join("video.bin");
        sparse(&old, LEN, old_at, old_byte);
        sparse(&t.root().join("static/video.bin"), len, at, byte);
        let old_inode = std::fs::metadata(&old).unwrap().ino();
        let status = Command::new("prlimit")
            .arg(format!("--as={LIMIT}"))
            .arg("--")
            .arg(env!("CARGO_BIN_EXE_bantin"))
            .args(["build", "-q"])
            .current_dir(t.root())
            .env("RAYON_NUM_THREADS", "2")
            .env("MALLOC_ARENA_MAX", "2")
            .stdin(Stdio::null())
            .status()
            .expect("run bantin under prlimit");
        assert!(status.success(), "{name}: {status}");
        let new = t.out().join("video.bin");
        let meta = std::fs::metadata(&new).unwrap();
        assert_eq!(meta.len(), len, "{name}");
        assert_eq!(meta.ino() == old_inode, same, "{name}: linked {}", !same);
        let mut f = std::fs::File::open(&new).unwrap();
        let mut got = [0u8];
        use std::io::{Read, Seek, SeekFrom};
        f.seek(SeekFrom::Start(at)).unwrap();
        f.read_exact(&mut got).unwrap();
        assert_eq!(got[0], byte, "{name}: the old file was published");
    }
}
