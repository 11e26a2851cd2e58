//! What `serve` answers: files of the last good build from memory (a
//! file copied by reference only if it is still what the build published),
//! a live-reload script injected into pages, server-sent events, and the
//! errors of the last failed build for the overlay — to this machine's
//! pages only ([`super::request::check_origin`]).
//!
//! A request path is only ever a key into the map of planned files, so no
//! request can read a file the build did not publish.

use std::collections::HashSet;
use std::io::{Seek, SeekFrom};
use std::net::TcpStream;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use super::memory::{lookup, Changed, Files, Stored};
use super::request::{byte_range, check_origin, parse_head, Head, Method, Ranged, Refusal};
use super::server::{Body, Handler, Reply, Streams};
use crate::diag::{Code, Diagnostic, Io, RefusedBy, ServedFile};
use crate::lang::Lang;

/// Path prefix of serve's own files (a site file under it is hidden while
/// serving; generated pages never use it, as `__bantin` is not a slug).
pub const PREFIX: &str = "/__bantin/";

/// The script that every served page loads: reloads on `reload`, shows the
/// errors of a failed build over the page.
const LIVE_JS: &str = include_str!("live.js");

/// The start of an event stream: a tab whose stream breaks (`serve`
/// stopped and started again) connects again after half a second.
const RETRY: &[u8] = b"retry: 500\n\n";

/// Event streams kept open at once: tabs beyond it lose live reload, the
/// oldest first.
const MAX_STREAMS: usize = 32;

/// Shortest time between two reports of the same kind in the terminal.
const REPORT_EVERY: Duration = Duration::from_secs(10);

/// Files whose problem is reported once per build; past this many, no more.
const MAX_REPORTED_FILES: usize = 64;

/// What the server shows, shared with the rebuild loop.
pub struct State {
    /// The last site that built.
    files: RwLock<Arc<Files>>,
    /// The report of the last build when it failed, else `None`.
    pub errors: RwLock<Option<String>>,
    /// Open event streams of browser tabs.
    streams: Streams,
    /// The site folder, to name files in reports.
    root: PathBuf,
    /// The port served: the only one a `Host` or `Origin` may name.
    port: u16,
    /// Language of the reports printed.
    lang: Lang,
    /// Refused requests since the last report, and when that was.
    refused: Throttle,
    /// Failures of `accept` since the last report, and when that was.
    accept: Throttle,
    /// Served files whose problem was reported since the last build.
    reported: Mutex<HashSet<String>>,
}

/// At most one report each [`REPORT_EVERY`]; the others are counted.
#[derive(Default)]
struct Throttle(Mutex<(Option<Instant>, u64)>);

impl Throttle {
    /// `Some(withheld)` when a report may be printed now, with the number
    /// withheld since the last one; else `None`, and this one is counted.
    fn pass(&self) -> Option<u64> {
        let mut t = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        match t.0 {
            Some(last) if now.duration_since(last) < REPORT_EVERY => {
                t.1 += 1;
                None
            }
            _ => {
                let withheld = t.1;
                *t = (Some(now), 0);
                Some(withheld)
            }
        }
    }
}

impl State {
    pub fn new(root: PathBuf, port: u16, lang: Lang) -> State {
        State {
            files: RwLock::default(),
            errors: RwLock::default(),
            streams: Streams::new(MAX_STREAMS),
            root,
            port,
            lang,
            refused: Throttle::default(),
            accept: Throttle::default(),
            reported: Mutex::default(),
        }
    }

    /// Serves the files of a new good build from now on.
    pub fn set_files(&self, files: Arc<Files>) {
        *self.files.write().unwrap_or_else(|e| e.into_inner()) = files;
        self.reported
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    /// Tells every open tab: `reload` or `error`.
    pub fn broadcast(&self, event: &'static str) {
        self.streams.send(&format!("data: {event}\n\n"));
    }

    /// A comment on every event stream, so that the streams of closed tabs
    /// are noticed and closed.
    pub fn ping(&self) {
        self.streams.send(": ping\n\n");
    }

    fn print(&self, d: &Diagnostic) {
        eprint!("{}", d.report(self.lang));
    }

    /// One line in the terminal for a request from another site, at most
    /// one each [`REPORT_EVERY`] (a rebinding page may ask hundreds of times).
    fn report_refusal(&self, head: &Head, r: &Refusal) {
        let by = match r {
            Refusal::ForeignHost(v) => RefusedBy::Host { value: shown(v) },
            Refusal::ForeignOrigin(v) => RefusedBy::Origin { value: shown(v) },
            _ => RefusedBy::NoHost,
        };
        if let Some(more) = self.refused.pass() {
            let code = Code::RequestRefused {
                by,
                port: self.port,
                more,
            };
            self.print(&Diagnostic::warning(shown(&head.target), 0, 0, code));
        }
    }

    /// Reports, once per build, a file not served because it changed.
    fn report_changed(&self, key: &str, path: &std::path::Path, problem: ServedFile) {
        let mut reported = self.reported.lock().unwrap_or_else(|e| e.into_inner());
        if reported.len() >= MAX_REPORTED_FILES || !reported.insert(key.to_string()) {
            return;
        }
        drop(reported);
        let code = Code::ServedFileChanged {
            path: key.to_string(),
            problem,
        };
        let file = crate::diag::rel(&self.root, path);
        self.print(&Diagnostic::warning(file, 0, 0, code));
    }

    /// The answer to a parsed, allowed request.
    fn route(&self, head: &Head) -> Reply {
        let body = head.method == Method::Get;
        // serve's own files.
        if let Some(own) = head.path.strip_prefix(PREFIX) {
            return match own {
                "live.js" => memory(200, "x.js", LIVE_JS.as_bytes().into(), body),
                "errors" => {
                    let errors = self.errors.read().unwrap_or_else(|e| e.into_inner());
                    let json = serde_json::json!({ "errors": *errors }).to_string();
                    memory(200, "x.json", json.into_bytes().into(), body)
                }
                "events" => Reply {
                    status: 200,
                    headers: vec![
                        ("Content-Type", "text/event-stream".into()),
                        ("Cache-Control", "no-store".into()),
                    ],
                    len: 0,
                    body: Body::Memory(Arc::from(RETRY), 0..RETRY.len()),
                    stream: true,
                },
                _ => not_found(),
            };
        }
        let files = self.files.read().unwrap_or_else(|e| e.into_inner()).clone();
        let (status, name, stored) = match lookup(&files, &head.path) {
            Some((name, stored)) => (200, name, stored),
            None => match files.get_key_value("404.html") {
                Some((name, stored)) => (404, name.as_str(), stored),
                None => return not_found(),
            },
        };
        let kind = content_type(name);
        let (bytes, file, len) = match stored {
            Stored::Bytes(b) => {
                let bytes: Arc<[u8]> = if kind.starts_with("text/html") {
                    inject(b).into()
                } else {
                    b.clone()
                };
                let len = bytes.len() as u64;
                (Some(bytes), None, len)
            }
            Stored::File(f) => match f.open() {
                Ok(file) => (None, Some(file), f.len()),
                Err(Changed::Missing) => return not_found(),
                Err(c) => {
                    let problem = match c {
                        Changed::Link => ServedFile::Link,
                        Changed::NotAFile => ServedFile::NotAFile,
                        Changed::Unreadable(e) => ServedFile::Unreadable {
                            error: Io::from(&e),
                        },
                        Changed::Replaced | Changed::Missing => ServedFile::Replaced,
                    };
                    self.report_changed(name, f.path(), problem);
                    return Reply::text(
                        500,
                        "500 Internal Server Error: the file changed since the build\n",
                    );
                }
            },
        };
        let (status, span, extra) = ranged(status, head, len);
        let mut headers = common(kind);
        headers.extend(extra);
        let send = head.method == Method::Get && !span.is_empty();
        let body = match (bytes, file) {
            (Some(b), _) if send => Body::Memory(b, span.start as usize..span.end as usize),
            (_, Some(mut f)) if send => {
                if span.start > 0 && f.seek(SeekFrom::Start(span.start)).is_err() {
                    return Reply::text(500, "500 Internal Server Error\n");
                }
                Body::File(f, span.end - span.start)
            }
            _ => Body::Empty,
        };
        Reply {
            status,
            headers,
            len: span.end - span.start,
            body,
            stream: false,
        }
    }
}

impl Handler for State {
    fn answer(&self, raw: &[u8]) -> Reply {
        let head = match parse_head(raw) {
            Ok(h) => h,
            Err(r) => return Reply::refused(&r),
        };
        if let Err(r) = check_origin(&head, self.port) {
            self.report_refusal(&head, &r);
            return Reply::refused(&r);
        }
        if head.method == Method::Other {
            return Reply::refused(&Refusal::Method);
        }
        self.route(&head)
    }

    fn subscribe(&self, stream: TcpStream) {
        self.streams.add(stream);
    }

    fn accept_failed(&self, error: &std::io::Error) {
        if self.accept.pass().is_some() {
            let code = Code::CannotAccept {
                error: Io::from(error),
            };
            self.print(&Diagnostic::warning(
                format!("127.0.0.1:{}", self.port),
                0,
                0,
                code,
            ));
        }
    }
}

/// A value from a request as a report shows it: printable ASCII, the rest
/// escaped (a header could hold terminal escapes), at most 100 characters.
fn shown(value: &str) -> String {
    let escaped: String = value
        .chars()
        .flat_map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                vec![c]
            } else {
                c.escape_unicode().collect()
            }
        })
        .collect();
    crate::diag::clip(&escaped, 100).into_owned()
}

/// The headers of every file answer.
fn common(kind: &str) -> Vec<(&'static str, String)> {
    vec![
        ("Content-Type", kind.to_string()),
        ("Cache-Control", "no-store".into()),
        // A content file is never read as another type than its name says.
        ("X-Content-Type-Options", "nosniff".into()),
        ("Accept-Ranges", "bytes".into()),
    ]
}

/// `bytes` with the media type of `name`; an empty body for HEAD.
fn memory(status: u16, name: &str, bytes: Arc<[u8]>, body: bool) -> Reply {
    let len = bytes.len();
    Reply {
        status,
        headers: common(content_type(name)),
        len: len as u64,
        body: if body {
            Body::Memory(bytes, 0..len)
        } else {
            Body::Empty
        },
        stream: false,
    }
}

fn not_found() -> Reply {
    Reply::text(404, "404 Not Found\n")
}

/// The status, the bytes to send and the extra headers for a body of
/// `len` bytes found with `status`: a `Range` applies to 200 only.
fn ranged(
    status: u16,
    head: &Head,
    len: u64,
) -> (u16, std::ops::Range<u64>, Vec<(&'static str, String)>) {
    if status != 200 {
        return (status, 0..len, Vec::new());
    }
    match byte_range(head.range.as_deref(), len) {
        Ranged::Whole => (200, 0..len, Vec::new()),
        Ranged::Part { first, last } => (
            206,
            first..last + 1,
            vec![("Content-Range", format!("bytes {first}-{last}/{len}"))],
        ),
        Ranged::Unsatisfiable => (416, 0..0, vec![("Content-Range", format!("bytes */{len}"))]),
    }
}

/// The media type of an output file, by its extension.
pub fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    match ext.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "mp4" => "video/mp4",
        "mp3" => "audio/mpeg",
        "zip" => "application/zip",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "odt" => "application/vnd.oasis.opendocument.text",
        _ => "application/octet-stream",
    }
}

/// A served HTML page with the live-reload script before `</body>`.
pub fn inject(html: &[u8]) -> Vec<u8> {
    let tag = format!("<script src=\"{PREFIX}live.js\"></script>");
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_last_body_end() {
        let html = b"<html><body><p>&lt;/body&gt;</p></BODY></html>";
        let out = String::from_utf8(inject(html)).unwrap();
        assert_eq!(
            out,
            "<html><body><p>&lt;/body&gt;</p><script src=\"/__bantin/live.js\"></script></BODY></html>"
        );
        let out = String::from_utf8(inject(b"<p>x")).unwrap();
        assert!(out.ends_with("live.js\"></script>"));
    }

    #[test]
    fn media_types_by_extension() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("rss.xml"), "application/xml; charset=utf-8");
        assert_eq!(content_type("Anh.PNG"), "image/png");
        assert_eq!(content_type("noext"), "application/octet-stream");
    }
}
