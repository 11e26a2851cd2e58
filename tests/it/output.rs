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
    t.write("content/b.md", "---\ntitle: b\n---\n");
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
                e[0].message.starts_with("refusing to write"),
                "{target}: {}",
                e[0].message
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
