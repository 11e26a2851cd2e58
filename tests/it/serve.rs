//! `bantin serve`: the site from memory, rebuilt on change, tabs told to
//! reload, errors shown while the last good site stays served; only this
//! machine answered, with bounded threads, timeouts and request sizes.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::support::{article, png_header, SiteTest};

/// A running `bantin serve`, killed when dropped.
pub(crate) struct Served {
    child: Child,
    pub(crate) port: u16,
    /// Where its terminal output (stderr) goes.
    log: tempfile::NamedTempFile,
}

impl Served {
    /// What `serve` printed on stderr so far.
    fn log(&self) -> String {
        std::fs::read_to_string(self.log.path()).unwrap_or_default()
    }

    /// `Host` header value of this machine at the served port.
    fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }
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
    let log = tempfile::NamedTempFile::new().expect("log file");
    let mut child = crate::support::bantin()
        .args(["serve", "--port", "0"])
        .args(args)
        .current_dir(root)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::from(log.reopen().expect("log file")))
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
    Served { child, port, log }
}

/// An answer read off the socket: status, head, body.
struct Answer {
    status: u16,
    head: String,
    body: Vec<u8>,
    /// How long it took from connecting to the end of the answer.
    took: Duration,
}

impl Answer {
    /// The value of header `name` (case-insensitive).
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends `raw` as is and reads the answer until the server closes the
/// connection or has been quiet for 5 s (an event stream never ends).
fn send(port: u16, raw: &[u8]) -> Answer {
    let started = Instant::now();
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let _ = s.write_all(raw);
    let mut got = Vec::new();
    let mut buf = [0u8; 65536];
    loop {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
    }
    let took = started.elapsed();
    let split = got
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(got.len());
    let head = String::from_utf8_lossy(&got[..split]).into_owned();
    let body = got.get(split + 4..).unwrap_or_default().to_vec();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    Answer {
        status,
        head,
        body,
        took,
    }
}

/// Status and body of `GET path`, asked as a browser on this machine does.
pub(crate) fn get(port: u16, path: &str) -> (u16, String) {
    let a = send(
        port,
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n").as_bytes(),
    );
    (a.status, a.text())
}

/// An open event stream; `next` waits for the next `data:` line.
struct Events(BufReader<TcpStream>);

impl Events {
    fn open(port: u16) -> Events {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            s,
            "GET /__bantin/events HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n"
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

/// A site with a draft, a failed build's errors on the feed, and a big
/// static file, served with `--drafts`: what a rebinding page would steal.
fn private_site() -> (SiteTest, Served) {
    let t = site();
    t.write(
        "content/tin-tuc/nhap.md",
        &article(
            "Bài nháp bí mật",
            "2021-10-16",
            "draft: true\n",
            "Chưa đăng.",
        ),
    );
    let s = serve(&t, &["--drafts"]);
    (t, s)
}

/// A request for `path` with the given header lines.
fn request(path: &str, headers: &[String]) -> Vec<u8> {
    let mut raw = format!("GET {path} HTTP/1.1\r\n");
    for h in headers {
        raw.push_str(h);
        raw.push_str("\r\n");
    }
    raw.push_str("\r\n");
    raw.into_bytes()
}

#[test]
fn only_this_machine_is_answered_whatever_the_host_header_says() {
    let (_t, s) = private_site();
    let port = s.port;
    let other = port.wrapping_add(1);
    let foreign = [
        "evil.com".to_string(),
        format!("evil.com:{port}"),
        format!("localhost.evil.com:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
        format!("localhost:{other}"),
        format!("127.0.0.1:{other}"),
        "localhost".to_string(),
        "127.0.0.1".to_string(),
        "[::1]".to_string(),
        format!("127.0.0.2:{port}"),
        format!("0.0.0.0:{port}"),
        format!("localhost.:{port}"),
        format!("localhost:{port}@evil.com"),
        format!("evil.com#@localhost:{port}"),
        format!("localhost:+{port}"),
        format!("localhost:0{port}"),
        format!("[::1]:{port}.evil.com"),
        format!("[::ffff:127.0.0.1]:{port}"),
        format!("2130706433:{port}"),
        String::new(),
    ];
    let paths = [
        "/",
        "/tin-tuc/nhap/",
        "/__bantin/errors",
        "/__bantin/events",
        "/__bantin/live.js",
    ];
    for host in &foreign {
        for path in paths {
            let a = send(port, &request(path, &[format!("Host: {host}")]));
            assert!(
                a.status == 403 || a.status == 400,
                "Host: {host:?} {path}: {}",
                a.head
            );
            assert!(
                !a.text().contains("bí mật") && !a.text().contains("errors\""),
                "Host: {host:?} {path}: {}",
                a.text()
            );
            assert!(a.took < Duration::from_secs(4), "answered at once");
        }
    }
    // No Host at all (HTTP/1.1 and HTTP/1.0), two Host headers, a Host
    // hidden in an absolute target: refused too.
    for raw in [
        "GET /tin-tuc/nhap/ HTTP/1.1\r\n\r\n".to_string(),
        "GET /tin-tuc/nhap/ HTTP/1.0\r\n\r\n".to_string(),
        format!(
            "GET /tin-tuc/nhap/ HTTP/1.1\r\nHost: {}\r\nHost: evil.com\r\n\r\n",
            s.host()
        ),
        format!(
            "GET /tin-tuc/nhap/ HTTP/1.1\r\nHost: evil.com\r\nHost: {}\r\n\r\n",
            s.host()
        ),
        format!(
            "GET http://evil.com/tin-tuc/nhap/ HTTP/1.1\r\nHost: {}\r\n\r\n",
            s.host()
        ),
    ] {
        let a = send(port, raw.as_bytes());
        assert!(a.status == 400 || a.status == 403, "{raw:?}: {}", a.head);
        assert!(!a.text().contains("bí mật"), "{raw:?}");
    }
    // This machine, by any of its names, in any letter case.
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LocalHost:{port}"),
        format!("[::1]:{port}"),
    ] {
        let a = send(port, &request("/tin-tuc/nhap/", &[format!("host: {host}")]));
        assert_eq!(a.status, 200, "Host: {host}: {}", a.head);
        assert!(a.text().contains("bí mật"), "Host: {host}");
    }
}

#[test]
fn foreign_origins_get_no_event_stream_no_errors_and_no_page() {
    let (_t, s) = private_site();
    let port = s.port;
    let host = format!("Host: {}", s.host());
    for origin in [
        "http://evil.com".to_string(),
        format!("http://evil.com:{port}"),
        format!("http://localhost.evil.com:{port}"),
        format!("https://127.0.0.1:{port}"),
        format!("http://127.0.0.1:{}", port.wrapping_add(1)),
        format!("http://127.0.0.1:{port}.evil.com"),
        format!("http://127.0.0.1:{port}/"),
        "http://127.0.0.1".to_string(),
        "null".to_string(),
        String::new(),
    ] {
        for path in ["/__bantin/events", "/__bantin/errors", "/tin-tuc/nhap/"] {
            let a = send(
                port,
                &request(path, &[host.clone(), format!("Origin: {origin}")]),
            );
            assert_eq!(a.status, 403, "Origin: {origin:?} {path}: {}", a.head);
            assert!(!a.text().contains("data:"), "Origin: {origin:?} {path}");
            assert!(!a.text().contains("bí mật"), "Origin: {origin:?} {path}");
        }
    }
    // Two Origin headers, one of them foreign.
    let a = send(
        port,
        &request(
            "/__bantin/errors",
            &[
                host.clone(),
                format!("Origin: http://127.0.0.1:{port}"),
                "Origin: http://evil.com".into(),
            ],
        ),
    );
    assert!(a.status == 403 || a.status == 400, "{}", a.head);
    // The site's own pages, as 127.0.0.1 or localhost, are answered.
    for origin in [
        format!("http://127.0.0.1:{port}"),
        format!("http://LOCALHOST:{port}"),
        format!("http://[::1]:{port}"),
    ] {
        let a = send(
            port,
            &request(
                "/__bantin/errors",
                &[host.clone(), format!("Origin: {origin}")],
            ),
        );
        assert_eq!(a.status, 200, "Origin: {origin}: {}", a.head);
        assert!(a.text().contains("\"errors\""), "{}", a.text());
    }
}

#[test]
fn refused_requests_are_reported_in_the_terminal_without_a_flood() {
    let (_t, s) = private_site();
    for i in 0..60 {
        let host = if i % 2 == 0 {
            "evil.com"
        } else {
            "rebind.example"
        };
        let a = send(s.port, &request("/", &[format!("Host: {host}:{}", s.port)]));
        assert_eq!(a.status, 403);
    }
    let a = send(
        s.port,
        &request(
            "/__bantin/events",
            &[
                format!("Host: {}", s.host()),
                "Origin: http://evil.com".into(),
            ],
        ),
    );
    assert_eq!(a.status, 403);
    std::thread::sleep(Duration::from_millis(300));
    let log = s.log();
    let reports = log.matches("BT0083").count();
    assert!((1..=4).contains(&reports), "{reports} reports:\n{log}");
    assert!(log.contains("evil.com"), "{log}");
}

/// Bytes of a file big enough that the system's socket buffers cannot
/// hold its answer.
fn big_file(len: usize) -> Vec<u8> {
    let mut state: u32 = 0x9e37_79b9;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state as u8
        })
        .collect()
}

#[test]
fn slow_and_silent_clients_beyond_the_pool_do_not_stop_answers() {
    let t = site();
    t.write_bytes("static/video.mp4", &big_file(24 << 20));
    let s = serve(&t, &[]);
    let mut held = Vec::new();
    // Connections that send nothing, and slowloris: a head never finished.
    for i in 0..150 {
        let mut c = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
        if i % 2 == 0 {
            let _ = c.write_all(b"GET / HTTP/1.1\r\nHost: 127.0");
        }
        held.push(c);
    }
    // Slow readers: a big file asked for and never read.
    for _ in 0..16 {
        let mut c = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
        let _ = c.write_all(&request("/video.mp4", &[format!("Host: {}", s.host())]));
        held.push(c);
    }
    std::thread::sleep(Duration::from_millis(500));
    for _ in 0..3 {
        let a = send(
            s.port,
            &request("/tin-tuc/a/", &[format!("Host: {}", s.host())]),
        );
        assert_eq!(a.status, 200, "{}", a.head);
        assert!(a.text().contains("Tiêu đề cũ"));
        assert!(a.took < Duration::from_secs(3), "answered in {:?}", a.took);
    }
    // A slow client that does read gets the whole file, streamed.
    let a = send(
        s.port,
        &request("/video.mp4", &[format!("Host: {}", s.host())]),
    );
    assert_eq!(a.status, 200);
    assert_eq!(a.body.len(), 24 << 20);
    assert!(a.body == big_file(24 << 20), "the file's bytes");
    drop(held);
}

#[test]
fn oversized_and_malformed_request_heads_are_refused_early() {
    let t = site();
    let s = serve(&t, &[]);
    let host = format!("Host: {}", s.host());
    // A 10 MB request line: refused once its first kilobytes are read.
    let port = s.port;
    let started = Instant::now();
    let mut c = TcpStream::connect(("127.0.0.1", port)).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut w = c.try_clone().unwrap();
    let writer = std::thread::spawn(move || {
        let mut line = b"GET /".to_vec();
        line.resize(10 << 20, b'a');
        let _ = w.write_all(&line);
    });
    let mut first = [0u8; 12];
    c.read_exact(&mut first)
        .expect("an answer before the line ends");
    assert_eq!(
        &first,
        b"HTTP/1.1 414",
        "{}",
        String::from_utf8_lossy(&first)
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    drop(c);
    let _ = writer.join();

    let many: Vec<String> = (0..200)
        .map(|i| format!("X-Dau-{i}: a"))
        .chain([host.clone()])
        .collect();
    let long = format!("X-Dai: {}", "a".repeat(64 << 10));
    let huge: Vec<String> = (0..40)
        .map(|i| format!("X-H{i}: {}", "b".repeat(7000)))
        .chain([host.clone()])
        .collect();
    for (headers, want) in [
        (many, 431),
        (vec![host.clone(), long], 431),
        (huge, 431),
        (vec![host.clone(), "Khong co hai cham".to_string()], 400),
        (vec![host.clone(), "X-Khoang trang : a".to_string()], 400),
        (vec![host.clone(), " folded: a".to_string()], 400),
        (vec![host.clone(), "X-Ctl: a\u{1}b".to_string()], 400),
    ] {
        let a = send(port, &request("/", &headers));
        assert_eq!(a.status, want, "{}", a.head);
    }
    for (raw, want) in [
        (
            format!("POST / HTTP/1.1\r\n{host}\r\nContent-Length: 3\r\n\r\nabc"),
            405,
        ),
        (format!("DELETE / HTTP/1.1\r\n{host}\r\n\r\n"), 405),
        (format!("GET / HTTP/2.0\r\n{host}\r\n\r\n"), 505),
        (format!("GET / HTTP/1.1 extra\r\n{host}\r\n\r\n"), 400),
        (format!("GET  / HTTP/1.1\r\n{host}\r\n\r\n"), 400),
        (format!("GET /a b HTTP/1.1\r\n{host}\r\n\r\n"), 400),
        (format!("GET /\u{1}a HTTP/1.1\r\n{host}\r\n\r\n"), 400),
        (format!("GET * HTTP/1.1\r\n{host}\r\n\r\n"), 400),
        ("\r\n\r\n".to_string(), 400),
        ("GET\r\n\r\n".to_string(), 400),
    ] {
        let a = send(port, raw.as_bytes());
        assert_eq!(a.status, want, "{raw:?}: {}", a.head);
    }
    // Still answering.
    assert_eq!(get(port, "/").0, 200);
}

#[test]
fn byte_ranges_are_answered_for_files_and_pages() {
    let t = site();
    let data = big_file(300_000);
    t.write_bytes("static/video.mp4", &data);
    let s = serve(&t, &[]);
    let host = format!("Host: {}", s.host());
    let ranged = |method: &str, path: &str, range: &str| {
        let raw = format!("{method} {path} HTTP/1.1\r\n{host}\r\nRange: {range}\r\n\r\n");
        send(s.port, raw.as_bytes())
    };
    let whole = send(s.port, &request("/video.mp4", std::slice::from_ref(&host)));
    assert_eq!(whole.status, 200);
    assert_eq!(whole.header("accept-ranges"), Some("bytes"));
    assert_eq!(whole.header("content-length"), Some("300000"));
    for (range, from, to) in [
        ("bytes=0-99", 0, 99),
        ("bytes=299990-", 299_990, 299_999),
        ("bytes=-10", 299_990, 299_999),
        ("bytes=100-99999999", 100, 299_999),
        ("bytes=5-5", 5, 5),
        (" bytes = 7 - 9 ", 7, 9),
    ] {
        let a = ranged("GET", "/video.mp4", range);
        assert_eq!(a.status, 206, "{range}: {}", a.head);
        assert_eq!(
            a.header("content-range"),
            Some(format!("bytes {from}-{to}/300000").as_str()),
            "{range}"
        );
        assert_eq!(a.body, data[from..=to], "{range}");
        assert_eq!(
            a.header("content-length"),
            Some((to - from + 1).to_string().as_str())
        );
    }
    for range in ["bytes=300000-", "bytes=400000-500000", "bytes=-0"] {
        let a = ranged("GET", "/video.mp4", range);
        assert_eq!(a.status, 416, "{range}: {}", a.head);
        assert_eq!(a.header("content-range"), Some("bytes */300000"), "{range}");
        assert!(a.body.is_empty());
    }
    // What cannot be read as one byte range is answered whole.
    for range in [
        "bytes=5-2",
        "bytes=0-1,5-6",
        "items=0-5",
        "bytes=a-b",
        "bytes=",
        "bytes=--1",
    ] {
        let a = ranged("GET", "/video.mp4", range);
        assert_eq!(a.status, 200, "{range}: {}", a.head);
        assert_eq!(a.body.len(), 300_000, "{range}");
    }
    // HEAD: the same head, no body.
    let a = ranged("HEAD", "/video.mp4", "bytes=0-99");
    assert_eq!(a.status, 206, "{}", a.head);
    assert_eq!(a.header("content-length"), Some("100"));
    assert!(a.body.is_empty());
    let a = send(
        s.port,
        format!("HEAD /video.mp4 HTTP/1.1\r\n{host}\r\n\r\n").as_bytes(),
    );
    assert_eq!(a.status, 200);
    assert_eq!(a.header("content-length"), Some("300000"));
    assert!(a.body.is_empty());
    // A page held in memory, with its reload script.
    let page = send(s.port, &request("/tin-tuc/a/", std::slice::from_ref(&host)));
    let a = ranged("GET", "/tin-tuc/a/", "bytes=0-14");
    assert_eq!(a.status, 206, "{}", a.head);
    assert_eq!(a.body, page.body[..15]);
}

/// Output paths of the served site whose bytes are read from
/// `.bantin-cache/` when asked for, with the cache file each reads.
fn cache_served(t: &SiteTest) -> Vec<(String, PathBuf)> {
    let opts = bantin::serve::ServeOptions {
        root: t.root().to_path_buf(),
        port: 0,
        drafts: false,
        future: false,
        open: false,
        lang: bantin::lang::Lang::En,
    };
    let mut site = bantin::serve::Site::default();
    site.build(&opts, "http://127.0.0.1:1111/").expect("build");
    let cache = t.root().join(".bantin-cache");
    let mut out: Vec<(String, PathBuf)> = site
        .files
        .iter()
        .filter_map(|(k, v)| match v {
            bantin::serve::memory::Stored::File(f) if f.path().starts_with(&cache) => {
                Some((k.clone(), f.path().to_path_buf()))
            }
            _ => None,
        })
        .collect();
    out.sort();
    out
}

#[cfg(unix)]
#[test]
fn a_cache_entry_swapped_after_the_build_is_not_served() {
    let t = site();
    t.write(
        "content/tin-tuc/anh/index.md",
        &article("Bài có ảnh", "2021-10-16", "", "![Kỳ họp](anh.png)"),
    );
    t.write_bytes("content/tin-tuc/anh/anh.png", &png_header(1200, 800));
    let secret_dir = tempfile::tempdir().unwrap();
    let secret = secret_dir.path().join("id_rsa");
    std::fs::write(&secret, "BEGIN PRIVATE KEY bí mật").unwrap();
    let entries = cache_served(&t);
    assert!(
        entries.len() >= 3,
        "sizes of the photo in the cache: {entries:?}"
    );
    let s = serve(&t, &[]);
    for (key, _) in &entries {
        assert_eq!(get(s.port, &format!("/{key}")).0, 200, "{key} is served");
    }
    let swap = |entry: &Path, with: &dyn Fn(&Path)| {
        std::fs::remove_file(entry).unwrap();
        with(entry);
    };
    let planted: [&dyn Fn(&Path); 3] = [
        // A link to a private file, planted after the build.
        &|p| std::os::unix::fs::symlink(&secret, p).unwrap(),
        // Another file of another length.
        &|p| std::fs::write(p, "BEGIN PRIVATE KEY bí mật").unwrap(),
        // A link to a folder.
        &|p| std::os::unix::fs::symlink(secret_dir.path(), p).unwrap(),
    ];
    for ((key, entry), plant) in entries.iter().zip(planted) {
        let before = std::fs::read(entry).unwrap();
        swap(entry, plant);
        let a = send(
            s.port,
            &request(&format!("/{key}"), &[format!("Host: {}", s.host())]),
        );
        assert!(a.status == 404 || a.status == 500, "{key}: {}", a.head);
        assert!(!a.text().contains("PRIVATE"), "{key}");
        let _ = std::fs::remove_file(entry);
        std::fs::write(entry, before).unwrap();
    }
    // A file of the same length put in its place (not the published one).
    if let Some((key, entry)) = entries.get(3) {
        let len = std::fs::metadata(entry).unwrap().len() as usize;
        let other = entry.with_extension("khac");
        std::fs::write(&other, vec![b'x'; len]).unwrap();
        std::fs::rename(&other, entry).unwrap();
        let a = send(
            s.port,
            &request(&format!("/{key}"), &[format!("Host: {}", s.host())]),
        );
        assert!(a.status == 404 || a.status == 500, "{key}: {}", a.head);
    }
    std::thread::sleep(Duration::from_millis(300));
    let log = s.log();
    assert!(log.contains("BT0084"), "{log}");
}
