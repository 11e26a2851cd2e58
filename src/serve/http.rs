//! The local web server of `serve`: files from memory, a live-reload script
//! injected into pages, server-sent events, and the errors of the last
//! failed build for the overlay.
//!
//! A request path is only ever a key into the map of planned files, so no
//! request can read a file the build did not publish.

use std::io::{self, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use tiny_http::{Header, Request, Response, Server, StatusCode};

use super::memory::{lookup, Files, Stored};

/// Path prefix of serve's own files (a site file under it is hidden while
/// serving; generated pages never use it, as `__bantin` is not a slug).
pub const PREFIX: &str = "/__bantin/";

/// The script that every served page loads: reloads on `reload`, shows the
/// errors of a failed build over the page.
const LIVE_JS: &str = include_str!("live.js");

/// What the server shows, shared with the rebuild loop.
#[derive(Default)]
pub struct State {
    /// The last site that built.
    pub files: RwLock<Arc<Files>>,
    /// The report of the last build when it failed, else `None`.
    pub errors: RwLock<Option<String>>,
    /// Open event streams of browser tabs.
    clients: Mutex<Vec<Sender<&'static str>>>,
}

impl State {
    /// Tells every open tab: `reload` or `error`.
    pub fn broadcast(&self, event: &'static str) {
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        clients.retain(|c| c.send(event).is_ok());
    }

    fn subscribe(&self) -> Receiver<&'static str> {
        let (tx, rx) = mpsc::channel();
        self.clients
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(tx);
        rx
    }
}

/// Answers requests with `workers` threads until the server stops.
pub fn run(server: Arc<Server>, state: Arc<State>, workers: usize) {
    let threads: Vec<_> = (0..workers)
        .map(|_| {
            let (server, state) = (server.clone(), state.clone());
            std::thread::spawn(move || {
                while let Ok(rq) = server.recv() {
                    handle(rq, &state);
                }
            })
        })
        .collect();
    for t in threads {
        let _ = t.join();
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
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

fn respond(rq: Request, status: u16, kind: &str, body: Vec<u8>) {
    let response = Response::from_data(body)
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-store"));
    let _ = rq.respond(response);
}

fn handle(rq: Request, state: &State) {
    let url = rq.url().to_string();
    let path = crate::url::percent_decode(url.split(['?', '#']).next().unwrap_or("/"));
    if let Some(own) = path.strip_prefix(PREFIX) {
        match own {
            "live.js" => respond(rq, 200, content_type("x.js"), LIVE_JS.into()),
            "errors" => {
                let errors = state.errors.read().unwrap_or_else(|e| e.into_inner());
                let body = serde_json::json!({ "errors": *errors }).to_string();
                respond(rq, 200, content_type("x.json"), body.into_bytes());
            }
            "events" => events(rq, state),
            _ => respond(rq, 404, content_type("x.txt"), b"not found".to_vec()),
        }
        return;
    }
    let files = state
        .files
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let (status, name, stored) = match lookup(&files, &path) {
        Some((name, stored)) => (200, name, stored),
        None => match files.get_key_value("404.html") {
            Some((name, stored)) => (404, name.as_str(), stored),
            None => {
                respond(rq, 404, content_type("x.txt"), b"not found".to_vec());
                return;
            }
        },
    };
    let bytes = match stored {
        Stored::Bytes(b) => b.to_vec(),
        Stored::File(src) => match std::fs::read(src) {
            Ok(b) => b,
            Err(_) => {
                respond(rq, 404, content_type("x.txt"), b"not found".to_vec());
                return;
            }
        },
    };
    let kind = content_type(name);
    let body = if kind.starts_with("text/html") {
        inject(&bytes)
    } else {
        bytes
    };
    respond(rq, status, kind, body);
}

/// A server-sent event stream: `reload` and `error` as they happen, and a
/// comment every 15 s so that a closed tab is noticed and dropped.
fn events(rq: Request, state: &State) {
    let rx = state.subscribe();
    let mut out = rq.into_writer();
    std::thread::spawn(move || {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n";
        if send(&mut out, head).is_err() {
            return;
        }
        loop {
            let msg = match rx.recv_timeout(Duration::from_secs(15)) {
                Ok(event) => format!("data: {event}\n\n"),
                Err(RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
                Err(RecvTimeoutError::Disconnected) => return,
            };
            if send(&mut out, &msg).is_err() {
                return;
            }
        }
    });
}

fn send(out: &mut Box<dyn Write + Send>, text: &str) -> io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()
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
