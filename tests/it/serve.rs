//! `bantin serve`: the site from memory, rebuilt on change, tabs told to
//! reload, errors shown while the last good site stays served.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::support::{article, SiteTest};

/// A running `bantin serve`, killed when dropped.
pub(crate) struct Served {
    child: Child,
    pub(crate) port: u16,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(t: &SiteTest, args: &[&str]) -> Served {
    serve_in(t.root(), args)
}

/// `bantin serve` on any free port, in the site folder `root`.
pub(crate) fn serve_in(root: &std::path::Path, args: &[&str]) -> Served {
    let mut child = crate::support::bantin()
        .args(["serve", "--port", "0"])
        .args(args)
        .current_dir(root)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("run bantin serve");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    Served { child, port }
}

/// Status and body of `GET path`.
pub(crate) fn get(port: u16, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n").unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    (status, body.to_string())
}

/// An open event stream; `next` waits for the next `data:` line.
struct Events(BufReader<TcpStream>);

impl Events {
    fn open(port: u16) -> Events {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            s,
            "GET /__bantin/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
        )
        .unwrap();
        s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        let mut r = BufReader::new(s);
        let mut line = String::new();
        r.read_line(&mut line).unwrap();
        assert!(line.starts_with("HTTP/1.1 200"), "{line}");
        Events(r)
    }

    fn next(&mut self) -> String {
        loop {
            let mut line = String::new();
            let n = self
                .0
                .read_line(&mut line)
                .expect("an event within a minute");
            assert!(n > 0, "the event stream ended");
            if let Some(data) = line.trim_end().strip_prefix("data: ") {
                return data.to_string();
            }
        }
    }
}

fn site() -> SiteTest {
    let t = SiteTest::new();
    t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
    t.write(
        "content/tin-tuc/a.md",
        &article("Tiêu đề cũ", "2021-10-15", "", "Nội dung."),
    );
    t
}

/// Waits until `GET path` has `text`.
fn wait_for_page(port: u16, path: &str, text: &str) {
    let started = Instant::now();
    loop {
        let (status, body) = get(port, path);
        if status == 200 && body.contains(text) {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{path} never showed {text:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn pages_are_served_from_memory_with_the_reload_script() {
    let t = site();
    let s = serve(&t, &[]);
    let (status, home) = get(s.port, "/");
    assert_eq!(status, 200);
    assert!(home.contains("<script src=\"/__bantin/live.js\"></script></body>"));
    let (status, page) = get(s.port, "/tin-tuc/a/");
    assert_eq!(status, 200);
    assert!(page.contains("Tiêu đề cũ"));
    // Canonical links point at the local server, not the published site.
    assert!(
        page.contains(&format!("http://127.0.0.1:{}/tin-tuc/a/", s.port)),
        "canonical"
    );
    let (status, js) = get(s.port, "/__bantin/live.js");
    assert_eq!(status, 200);
    assert!(js.contains("EventSource"));
    // Nothing outside the built site is reachable, and nothing is written.
    for path in [
        "/../config.yaml",
        "/config.yaml",
        "/%2e%2e/config.yaml",
        "/content/tin-tuc/a.md",
    ] {
        let (status, body) = get(s.port, path);
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("base_url"), "{path}");
    }
    assert!(!t.out().exists(), "serve writes no output folder");
}

#[test]
fn an_edit_reloads_the_tab_an_error_shows_and_keeps_the_last_good_site() {
    let t = site();
    let s = serve(&t, &[]);
    let mut events = Events::open(s.port);
    t.write(
        "content/tin-tuc/a.md",
        &article("Tiêu đề mới", "2021-10-15", "", "Nội dung."),
    );
    assert_eq!(events.next(), "reload");
    wait_for_page(s.port, "/tin-tuc/a/", "Tiêu đề mới");

    // A broken file: the error is reported, the last good site stays.
    t.write(
        "content/tin-tuc/a.md",
        "---\ntitle: \"Hỏng\"\ndate: 2021-10-15\ntag: [x]\n---\nNội dung.\n",
    );
    assert_eq!(events.next(), "error");
    let (_, errors) = get(s.port, "/__bantin/errors");
    assert!(errors.contains("content/tin-tuc/a.md:4:1"), "{errors}");
    assert!(errors.contains("tags"), "did you mean: {errors}");
    let (status, page) = get(s.port, "/tin-tuc/a/");
    assert_eq!(status, 200);
    assert!(page.contains("Tiêu đề mới"), "the last good site");

    // Fixing the file clears the errors and reloads.
    t.write(
        "content/tin-tuc/a.md",
        &article("Đã sửa", "2021-10-15", "", "Nội dung."),
    );
    assert_eq!(events.next(), "reload");
    wait_for_page(s.port, "/tin-tuc/a/", "Đã sửa");
    let (_, errors) = get(s.port, "/__bantin/errors");
    assert!(errors.contains("\"errors\":null"), "{errors}");

    // A new article and a changed template are picked up too.
    t.write(
        "content/tin-tuc/2021/moi.md",
        &article("Bài mới", "2021-10-16", "", "Mới."),
    );
    assert_eq!(events.next(), "reload");
    wait_for_page(s.port, "/tin-tuc/2021/moi/", "Bài mới");
}

#[test]
fn drafts_are_served_with_a_visible_mark() {
    let t = site();
    t.write(
        "content/tin-tuc/nhap.md",
        &article("Bài nháp", "2021-10-16", "draft: true\n", "Chưa đăng."),
    );
    let s = serve(&t, &["--drafts"]);
    let (status, page) = get(s.port, "/tin-tuc/nhap/");
    assert_eq!(status, 200);
    assert!(
        page.contains("<p class=\"draft-mark\">Bản nháp</p>"),
        "{page}"
    );
    let (_, other) = get(s.port, "/tin-tuc/a/");
    assert!(!other.contains("draft-mark"));
    drop(s);
    let s = serve(&t, &[]);
    assert_eq!(get(s.port, "/tin-tuc/nhap/").0, 404);
}

#[test]
fn serve_outside_a_site_says_so_and_listens_nowhere() {
    let dir = tempfile::tempdir().unwrap();
    let out = crate::support::bantin()
        .args(["serve", "--port", "0"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a bantin site"));
}
