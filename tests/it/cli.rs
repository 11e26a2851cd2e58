//! The command line: summary, `--quiet`, `--verbose`, `--help` with
//! examples, shell completions; `check` and `build` reporting the same
//! problems; a new site from `init` that builds and serves.

use std::path::Path;

use crate::support::{article, png_header, SiteTest};

/// A small site: a section of 4 tagged articles (one with an old URL and
/// one draft), a standalone page and a static file.
fn site() -> SiteTest {
    let t = SiteTest::new();
    t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
    for i in 1..=4 {
        let extra = if i == 1 {
            "tags: [HĐND]\naliases: [/tin-cu/1.html]\n"
        } else {
            "tags: [HĐND]\n"
        };
        t.write(
            &format!("content/tin-tuc/bai-{i}.md"),
            &article(
                &format!("Bài {i}"),
                &format!("2021-10-1{i}"),
                extra,
                "Nội dung.",
            ),
        );
    }
    t.write(
        "content/tin-tuc/nhap.md",
        &article("Nháp", "2021-10-20", "draft: true\n", "Chưa xong."),
    );
    t.write(
        "content/gioi-thieu.md",
        "---\ntitle: Giới thiệu\n---\nCơ quan.\n",
    );
    t.write_bytes("static/logo.png", &png_header(2, 2));
    t
}

/// Every file under `dir`, relative, `/`-separated.
fn files(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    out.sort();
    out
}

/// The line of `text` starting with `prefix`.
fn line<'a>(text: &'a str, prefix: &str) -> &'a str {
    text.lines()
        .find(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no line starting with {prefix:?} in:\n{text}"))
}

/// The summary without its time (`…, trong 0,05 giây` / `…, in 0.05 s`).
fn untimed(summary: &str) -> &str {
    summary
        .rsplit_once(", trong ")
        .or_else(|| summary.rsplit_once(", in "))
        .map_or(summary, |(head, _)| head)
}

#[test]
fn the_summary_names_pages_of_each_kind_and_its_numbers_match_the_output() {
    let t = site();
    let (code, out, err) = t.run(&["build"]);
    assert_eq!(code, 0, "{err}");
    let all = files(&t.out());
    let html = all.iter().filter(|f| f.ends_with(".html")).count();
    let feeds = all
        .iter()
        .filter(|f| f.ends_with("rss.xml") || f.ends_with("atom.xml"))
        .count();
    let summary = line(&out, "bantin: đã dựng");
    assert!(summary.ends_with(" giây"), "{summary}");
    // 4 articles; home and section listings of 3 by page (2 + 2); the
    // indexes of tags and categories, the tag (2 pages); archive index,
    // year 2021, month 10/2021 (2 pages); the page and the search page.
    // Copied: logo.png and the theme's style.css, site.js and search.js.
    assert_eq!(
        untimed(summary),
        format!(
            "bantin: đã dựng {html} trang (4 bài viết, 2 trang đơn, 4 trang chuyên mục, 4 trang phân loại, 4 trang lưu trữ, 1 trang chuyển hướng, 1 trang 404), {feeds} nguồn cấp tin, chép 4 tệp, giữ nguyên 0 tệp không đổi"
        )
    );
    assert_eq!(html, 4 + 2 + 4 + 4 + 4 + 1 + 1, "{all:?}");
    for f in ["logo.png", "style.css", "site.js", "search.js"] {
        assert!(all.contains(&f.to_string()), "{f}: {all:?}");
    }
    assert_eq!(
        line(&out, "  chưa đăng:"),
        "  chưa đăng: 1 bài nháp (thêm --drafts)"
    );
    let written = line(&out, "  thư mục xuất:");
    assert!(
        written.contains(&format!("— ghi {} tệp, ", all.len())),
        "every file of the output is written once: {written} ({} files)",
        all.len()
    );

    // Nothing changed: every file is kept, none written.
    let (code, out, _) = t.run(&["build"]);
    assert_eq!(code, 0);
    assert!(
        untimed(line(&out, "bantin:"))
            .ends_with(&format!("giữ nguyên {} tệp không đổi", all.len())),
        "{out}"
    );
    assert!(
        line(&out, "  thư mục xuất:").contains("— ghi 0 tệp, "),
        "{out}"
    );

    // Two more files to copy, one article changed: kept + written = all.
    t.write_bytes("static/anh.png", &png_header(3, 3));
    t.write("static/doc.txt", "văn bản");
    t.write(
        "content/tin-tuc/bai-4.md",
        &article("Bài bốn", "2021-10-14", "tags: [HĐND]\n", "Đã sửa."),
    );
    let (code, out, _) = t.run(&["build"]);
    assert_eq!(code, 0);
    let all = files(&t.out());
    let summary = line(&out, "bantin:");
    assert!(summary.contains(", chép 6 tệp, "), "{summary}");
    let kept: usize = number_before(summary, " tệp không đổi");
    let written: usize = number_before(line(&out, "  thư mục xuất:"), " tệp, ");
    assert!(kept > 0 && written >= 3, "{out}");
    assert_eq!(kept + written, all.len(), "{out}");
}

/// The number just before `suffix` in `text` (Vietnamese grouping).
fn number_before(text: &str, suffix: &str) -> usize {
    let head = &text[..text
        .find(suffix)
        .unwrap_or_else(|| panic!("{suffix:?} in {text}"))];
    let digits: String = head
        .rsplit(' ')
        .next()
        .unwrap()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("a number in {text}"))
}

#[test]
fn the_summary_speaks_english_on_an_english_site_and_check_writes_nothing() {
    let t = site();
    t.write(
        "config.yaml",
        "title: \"Test bulletin\"\nbase_url: \"https://thu.example.vn/\"\npaginate_by: 3\nlanguage: en\n",
    );
    let (code, out, err) = t.run(&["check"]);
    assert_eq!(code, 0, "{err}");
    let summary = line(&out, "bantin: checked");
    assert!(summary.ends_with(" s — nothing written"), "{summary}");
    assert!(
        summary.starts_with("bantin: checked 20 pages (4 articles, 2 standalone pages, 4 section pages, 4 taxonomy pages, 4 archive pages, 1 redirect, 1 404 page), 4 feeds, 4 files to copy, in "),
        "{summary}"
    );
    assert_eq!(
        line(&out, "  not published:"),
        "  not published: 1 draft (use --drafts)"
    );
    assert!(!t.out().exists(), "check wrote nothing");
    let (code, out, _) = t.run(&["build", "--drafts"]);
    assert_eq!(code, 0);
    assert!(
        line(&out, "bantin: built").contains("(5 articles, "),
        "{out}"
    );
    assert!(!out.contains("not published"), "{out}");
}

#[test]
fn quiet_prints_nothing_on_success_and_still_reports_problems() {
    let t = site();
    let (code, out, err) = t.run(&["build", "--quiet"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!((out.as_str(), err.as_str()), ("", ""));
    assert!(t.exists("index.html"));
    let (code, out, err) = t.run(&["check", "-q"]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    let (code, out, err) = t.run(&["new", "tin-tuc", "Bài mới", "-q"]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    assert!(t
        .root()
        .join("content/tin-tuc")
        .read_dir()
        .unwrap()
        .flatten()
        .any(|e| e.path().join("bai-moi.md").is_file()));
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_bantin"))
        .args(["init", "-q", "moi"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
    assert!(dir.path().join("moi/config.yaml").is_file());

    t.write(
        "content/tin-tuc/hong.md",
        "---\ntitle: Hỏng\ndate: 2021-02-30\n---\n",
    );
    let (code, out, err) = t.run(&["build", "-q"]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert!(err.contains("content/tin-tuc/hong.md:3:7"), "{err}");
    let (code, _, err) = t.run(&["build", "-q", "-v"]);
    assert_eq!(code, 2, "--quiet and --verbose do not go together: {err}");
}

#[test]
fn verbose_prints_every_stage_with_its_files_and_time() {
    let t = site();
    let (code, out, err) = t.run(&["build", "--verbose"]);
    assert_eq!(code, 0, "{err}");
    let stages: Vec<&str> = err.lines().collect();
    let names: Vec<&str> = stages
        .iter()
        .map(|l| {
            l.strip_prefix("bantin: ")
                .and_then(|l| l.split([':', '(']).next())
                .unwrap_or_else(|| panic!("{l}"))
                .trim()
        })
        .collect();
    assert_eq!(
        names,
        [
            "đọc cấu hình và giao diện",
            "duyệt thư mục content",
            "đọc bài",
            "liên kết",
            "xử lý ảnh",
            "lập danh sách tệp",
            "dựng trang",
            "chỉ mục tìm kiếm",
            "thay thư mục xuất"
        ],
        "{err}"
    );
    // Sources: 5 articles, the section, the page.
    assert!(err.contains("bantin: đọc bài (7 tệp): "), "{err}");
    // The search index is written after the pages, but for its per-article
    // fragments (`d/`), which are made with the pages.
    let all = files(&t.out())
        .iter()
        .filter(|f| !f.starts_with("tim-kiem/chi-muc/") || f.starts_with("tim-kiem/chi-muc/d/"))
        .count();
    assert!(
        err.contains(&format!("bantin: dựng trang ({all} tệp): ")),
        "{err}"
    );
    assert!(stages.iter().all(|l| l.ends_with(" giây")), "{err}");
    assert!(out.starts_with("bantin: đã dựng"), "the summary too: {out}");
    // `check` has no last stage to write; the rest is the same.
    let (code, _, err) = t.run(&["check", "-v"]);
    assert_eq!(code, 0);
    assert!(err.contains("bantin: dựng trang ("), "{err}");
}

const COMMANDS: [&str; 6] = ["build", "check", "serve", "init", "new", "completions"];

#[test]
fn completions_for_each_shell_name_every_command() {
    let t = SiteTest::new();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let (code, out, err) = t.run(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {err}");
        assert!(out.len() > 500, "{shell}: {out}");
        for c in COMMANDS {
            assert!(out.contains(c), "{shell} completions lack `{c}`");
        }
        for flag in ["drafts", "base-url", "quiet", "verbose"] {
            let written = if shell == "fish" {
                format!("-l {flag}")
            } else {
                format!("--{flag}")
            };
            assert!(
                out.contains(&written),
                "{shell} completions lack `{written}`"
            );
        }
    }
    let (code, _, err) = t.run(&["completions", "tcsh"]);
    assert_eq!(code, 2);
    assert!(err.contains("possible values"), "{err}");
}

#[test]
fn bash_completions_load_in_bash() {
    let t = SiteTest::new();
    let (_, script, _) = t.run(&["completions", "bash"]);
    let path = t.root().join("bantin.bash");
    std::fs::write(&path, script).unwrap();
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "source '{}' && COMP_WORDS=(bantin bu) COMP_CWORD=1 && _bantin bantin bu bantin && echo \"${{COMPREPLY[@]}}\"",
            path.display()
        ))
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout.trim(), "build");
}

#[test]
fn help_of_every_command_has_an_example() {
    let t = SiteTest::new();
    let (code, out, _) = t.run(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Examples:"), "{out}");
    for c in ["init", "serve", "new", "build", "completions"] {
        assert!(
            out.contains(&format!("  bantin {c}")),
            "top-level example of {c}: {out}"
        );
    }
    for c in COMMANDS {
        let (code, out, err) = t.run(&[c, "--help"]);
        assert_eq!(code, 0, "{c}: {err}");
        let examples = out
            .split("Examples:\n")
            .nth(1)
            .unwrap_or_else(|| panic!("`bantin {c} --help` has no examples:\n{out}"));
        assert!(
            examples
                .lines()
                .any(|l| l.starts_with(&format!("  bantin {c}"))),
            "{c}: {examples}"
        );
    }
    let (_, out, _) = t.run(&["build", "--help"]);
    assert!(
        out.contains("--quiet") && out.contains("--verbose"),
        "{out}"
    );
}

/// Sites with problems of every stage, and one with warnings only.
fn broken_sites() -> Vec<(&'static str, SiteTest)> {
    let mut sites = Vec::new();
    let mut add = |name: &'static str, files: &[(&str, &str)]| {
        let t = site();
        for (path, text) in files {
            t.write(path, text);
        }
        sites.push((name, t));
    };
    add(
        "front matter",
        &[
            (
                "content/tin-tuc/ngay.md",
                "---\ntitle: Ngày sai\ndate: 2021-02-30\n---\n",
            ),
            (
                "content/tin-tuc/khoa.md",
                "---\ntitle: Khóa\ndate: 2021-03-01\ntag: [x]\n---\n",
            ),
            (
                "content/tin-tuc/tieu-de.md",
                "---\ndate: 2021-03-01\n---\nKhông tên.\n",
            ),
        ],
    );
    add(
        "links",
        &[(
            "content/tin-tuc/lien-ket.md",
            &article(
                "Liên kết",
                "2021-03-01",
                "image: khong-co.jpg\n",
                "Xem [bài](khong-co.md) và [trang](../khong-co-nua.md).",
            ),
        )],
    );
    add(
        "templates",
        &[(
            "templates/article.html",
            "<p>\n{{ page.title | khong_co_bo_loc }}\n</p>\n",
        )],
    );
    add(
        "collisions",
        &[(
            "content/tin-tuc/trung.md",
            &article("Trùng", "2021-03-01", "slug: bai-1\n", "Trùng đường dẫn."),
        )],
    );
    add(
        "menu",
        &[(
            "config.yaml",
            "title: \"Bản tin thử\"\nbase_url: \"https://thu.example.vn/\"\nmenu:\n  - {title: Không có, path: khong-co/}\n",
        )],
    );
    add("config", &[("config.yaml", "title: x\npaginate: 10\n")]);
    add(
        "warnings only",
        &[
            (
                "content/tin-tuc/ghi-chu.markdown",
                "---\ntitle: Ghi chú\n---\nx\n",
            ),
            (
                "content/tin-tuc/html.md",
                &article(
                    "HTML",
                    "2021-03-01",
                    "",
                    "<script>alert(1)</script>\n\nChữ.",
                ),
            ),
        ],
    );
    let t = site();
    t.write_bytes(
        "content/tin-tuc/latin1.md",
        b"---\ntitle: Ti\xeau \xf0\xe8\n---\n",
    );
    sites.push(("encoding", t));
    sites
}

#[test]
fn check_and_build_report_the_same_problems() {
    for (name, t) in broken_sites() {
        let (build_code, build_out, build_err) = t.run(&["build"]);
        let (check_code, check_out, check_err) = t.run(&["check"]);
        assert_eq!(
            build_code, check_code,
            "{name}: {build_err}\n----\n{check_err}"
        );
        assert_eq!(
            build_err, check_err,
            "{name}: the same diagnostics, in the same order"
        );
        if name == "warnings only" {
            assert_eq!(build_code, 0, "{name}: {build_err}");
            assert!(build_err.contains("warning"), "{name}: {build_err}");
            assert!(build_out.contains("cảnh báo"), "{name}: {build_out}");
            assert!(check_out.contains("cảnh báo"), "{name}: {check_out}");
        } else {
            assert_ne!(build_code, 0, "{name} should fail: {build_out}");
            assert!(build_err.contains("error"), "{name}: {build_err}");
            assert!(!t.out().exists(), "{name}: nothing written");
        }
    }
}

#[test]
fn a_new_site_from_init_builds_and_serves() {
    let dir = tempfile::tempdir().unwrap();
    let run = |cwd: &Path, args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_bantin"))
            .args(args)
            .current_dir(cwd)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(dir.path(), &["init", "ban-tin"]);
    let root = dir.path().join("ban-tin");
    run(&root, &["build"]);
    let built = std::fs::read_to_string(root.join("public/gioi-thieu/index.html")).unwrap();
    let served = crate::serve::serve_in(&root, &[]);
    let (status, page) = crate::serve::get(served.port, "/gioi-thieu/");
    assert_eq!(status, 200);
    assert!(
        page.contains("<h1") && page.contains("Giới thiệu"),
        "{page}"
    );
    let (status, home) = crate::serve::get(served.port, "/");
    assert_eq!(status, 200);
    assert!(home.contains("chao-mung"), "the article is listed: {home}");
    assert!(built.contains("Giới thiệu"));
}

/// Which of its streams a run of the binary writes into a pipe whose
/// reader is gone, as `bantin check | head -1` leaves it.
#[derive(Debug, Clone, Copy)]
enum Closed {
    Stdout,
    Stderr,
}

#[test]
fn output_into_a_closed_pipe_ends_with_status_1_not_a_panic() {
    let t = site();
    let broken = SiteTest::new();
    broken.write("content/bai.md", "---\ndate: 2021-01-01\n---\n");
    let new_site = t.root().join("moi").display().to_string();
    let root = t.root().display().to_string();
    let cases: &[(&SiteTest, &[&str], Closed)] = &[
        (&t, &["check"], Closed::Stdout),
        (&t, &["build"], Closed::Stdout),
        (&t, &["build", "--timings"], Closed::Stdout),
        (&t, &["completions", "bash"], Closed::Stdout),
        (&t, &["completions", "powershell"], Closed::Stdout),
        (
            &t,
            &["new", "tin-tuc", "Họp báo", "--root", &root],
            Closed::Stdout,
        ),
        (&t, &["init", &new_site], Closed::Stdout),
        (&broken, &["check"], Closed::Stderr),
        (&broken, &["build", "--lang", "vi"], Closed::Stderr),
        (&t, &["new", "khong-co", "Họp báo"], Closed::Stderr),
        (&t, &["check", "--khong-co"], Closed::Stderr),
    ];
    for (site, args, closed) in cases {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let mut c = crate::support::bantin();
        c.args(*args).current_dir(site.root());
        match closed {
            Closed::Stdout => c.stdout(writer).stderr(std::process::Stdio::piped()),
            Closed::Stderr => c.stderr(writer).stdout(std::process::Stdio::piped()),
        };
        let out = c.output().expect("run bantin");
        let other = match closed {
            Closed::Stdout => String::from_utf8_lossy(&out.stderr),
            Closed::Stderr => String::from_utf8_lossy(&out.stdout),
        };
        // 101 is a panic. A reader gone ends the run with status 1, but
        // for a mistyped option: clap prints that one itself, and it
        // stays a usage error (2).
        let want = if args.contains(&"--khong-co") { 2 } else { 1 };
        assert_eq!(
            out.status.code(),
            Some(want),
            "{args:?} {closed:?}: {other}"
        );
        assert!(!other.contains("panicked"), "{args:?} {closed:?}: {other}");
    }
}
