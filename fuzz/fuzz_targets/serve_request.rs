//! `serve`'s request handling: any bytes as a request head, through the
//! head scanner and parser, the `Host`/`Origin` rule, the path-to-key
//! mapping and byte ranges, then the whole answer of a served site held in
//! memory. Nothing panics; what is answered with a page came from this
//! machine at the served port; a path finds only files of the site; every
//! range stays inside its body.
#![no_main]

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use bantin::lang::Lang;
use bantin::serve::http::State;
use bantin::serve::memory::{lookup, Files, Stored};
use bantin::serve::request::{
    byte_range, check_origin, parse_head, scan, Head, Ranged, Scan, MAX_HEAD,
};
use bantin::serve::server::{Body, Handler};
use libfuzzer_sys::fuzz_target;

const PORT: u16 = 1111;

fn files() -> Files {
    let mut files = Files::new();
    for (path, body) in [
        ("index.html", "<html><body><p>Trang chủ</p></body></html>"),
        ("tin-tuc/index.html", "<html><body>Tin tức</body></html>"),
        ("tin-tuc/bai-viet/index.html", "<p>Bài viết</p></body>"),
        ("404.html", "<html><body>Không có</body></html>"),
        ("rss.xml", "<rss/>"),
        ("a b/ảnh.txt", "x"),
    ] {
        files.insert(path.into(), Stored::Bytes(Arc::from(body.as_bytes())));
    }
    files
}

fn state() -> &'static State {
    static STATE: OnceLock<State> = OnceLock::new();
    STATE.get_or_init(|| {
        let s = State::new(PathBuf::from("/site"), PORT, Lang::En);
        s.set_files(Arc::new(files()));
        s
    })
}

/// Whether `value` names this machine at [`PORT`], as `check_origin` must
/// have required.
fn local(value: &str, scheme: &str) -> bool {
    let v = value.to_ascii_lowercase();
    ["localhost", "127.0.0.1", "[::1]"]
        .iter()
        .any(|name| v == format!("{scheme}{name}:{PORT}"))
}

fn check_ranges(value: Option<&str>) {
    for len in [0, 1, 2, 100, u64::MAX] {
        if let Ranged::Part { first, last } = byte_range(value, len) {
            assert!(
                first <= last && last < len,
                "{value:?} {len}: {first}-{last}"
            );
        }
    }
}

fn check_head(head: &Head) {
    assert!(head.target.starts_with('/'), "{head:?}");
    assert!(
        head.target.bytes().all(|b| b.is_ascii_graphic()),
        "{head:?}"
    );
    if check_origin(head, PORT).is_ok() {
        assert!(local(head.host.as_deref().unwrap_or(""), ""), "{head:?}");
        if let Some(o) = &head.origin {
            assert!(local(o, "http://"), "{head:?}");
        }
    }
    let files = files();
    if let Some((key, _)) = lookup(&files, &head.path) {
        assert!(files.contains_key(key), "{key:?}");
    }
    check_ranges(head.range.as_deref());
}

fuzz_target!(|data: &[u8]| {
    match scan(data) {
        Scan::Complete(n) => {
            assert!(n <= data.len() && n <= MAX_HEAD && data[..n].ends_with(b"\n"));
            // What follows a head does not change it.
            let mut more = data[..n].to_vec();
            more.extend_from_slice(b"GET /khac HTTP/1.1\r\nHost: evil.com\r\n\r\n");
            assert_eq!(parse_head(&data[..n]), parse_head(&more));
        }
        Scan::Incomplete => assert!(data.len() <= MAX_HEAD),
        Scan::Refused(_) => assert!(parse_head(data).is_err()),
    }
    if let Ok(head) = parse_head(data) {
        check_head(&head);
    }
    check_ranges(std::str::from_utf8(data).ok());

    // The whole answer, as a worker gives it.
    let reply = state().answer(data);
    assert!(
        [200, 206, 400, 403, 404, 405, 414, 416, 431, 505].contains(&reply.status),
        "{}",
        reply.status
    );
    if matches!(reply.status, 200 | 206 | 404 | 416) {
        let head = parse_head(data).expect("answered heads parse");
        assert!(check_origin(&head, PORT).is_ok(), "{head:?}");
    }
    if reply.status == 206 {
        assert!(reply.headers.iter().any(|(n, _)| *n == "Content-Range"));
    }
    match &reply.body {
        Body::Memory(bytes, range) => {
            assert!(range.start <= range.end && range.end <= bytes.len());
            assert!(reply.stream || reply.len == (range.end - range.start) as u64);
        }
        Body::File(..) => panic!("the fuzzed site holds no file on disk"),
        Body::Empty => {}
    }
});
