//! The head of a request to `serve`, read and judged before anything is
//! looked up: pure functions over bytes (the `serve_request` fuzz target
//! drives them), a limit on every part, and the rule that only this machine
//! is answered — `Host` and `Origin` must name localhost, 127.0.0.1 or
//! [::1] at the served port, so that a page of another site that rebinds its
//! name to 127.0.0.1 (DNS rebinding) cannot read the drafts or the errors.

/// Longest request line, in bytes (without its line break): longer is 414.
pub const MAX_LINE: usize = 8 * 1024;
/// Longest header line, in bytes: longer is 431.
pub const MAX_HEADER: usize = 8 * 1024;
/// Most header lines: more is 431.
pub const MAX_HEADERS: usize = 64;
/// Longest head, request line and headers together: longer is 431.
pub const MAX_HEAD: usize = 32 * 1024;

/// What a request asks to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Head,
    /// Any other method: answered 405, after the `Host` check.
    Other,
}

/// A request head that parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub method: Method,
    /// The request target as sent, `/tin-tuc/?q=a` (origin form only).
    pub target: String,
    /// The target's path, percent-decoded, without query or fragment.
    pub path: String,
    /// The `Host` header, if there was exactly one.
    pub host: Option<String>,
    /// The `Origin` header, if any.
    pub origin: Option<String>,
    /// The `Range` header, if there was exactly one.
    pub range: Option<String>,
}

/// Why a request is not answered with a file, and its status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not HTTP/1.x as written by any client (400).
    Malformed,
    /// No `Host`, an empty one, or two (400, as HTTP/1.1 requires).
    NoHost,
    /// The request line is longer than [`MAX_LINE`] (414).
    LineTooLong,
    /// The headers exceed [`MAX_HEADER`], [`MAX_HEADERS`] or [`MAX_HEAD`] (431).
    HeadTooLarge,
    /// Neither GET nor HEAD (405).
    Method,
    /// An HTTP version other than 1.0 and 1.1 (505).
    Version,
    /// A `Host` that is not this machine at the served port (403).
    ForeignHost(String),
    /// An `Origin` that is not this machine at the served port (403).
    ForeignOrigin(String),
    /// The head did not arrive in time (408).
    Timeout,
}

impl Refusal {
    /// The status code and its reason phrase.
    pub fn status(&self) -> (u16, &'static str) {
        match self {
            Refusal::Malformed | Refusal::NoHost => (400, "Bad Request"),
            Refusal::LineTooLong => (414, "URI Too Long"),
            Refusal::HeadTooLarge => (431, "Request Header Fields Too Large"),
            Refusal::Method => (405, "Method Not Allowed"),
            Refusal::Version => (505, "HTTP Version Not Supported"),
            Refusal::ForeignHost(_) | Refusal::ForeignOrigin(_) => (403, "Forbidden"),
            Refusal::Timeout => (408, "Request Timeout"),
        }
    }
}

/// How far the bytes received so far go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scan {
    /// More is needed, and what came is within the limits.
    Incomplete,
    /// A whole head: its first `n` bytes, up to and with the empty line.
    Complete(usize),
    /// Over a limit already: answer without reading more.
    Refused(Refusal),
}

/// Where the head in `buf` ends, checking the limits on what came so far,
/// so that a 10 MB request line is refused after its first kilobytes. Lines
/// end with LF, with or without CR before it.
pub fn scan(buf: &[u8]) -> Scan {
    let mut start = 0;
    let mut lines = 0;
    loop {
        let limit = if lines == 0 { MAX_LINE } else { MAX_HEADER };
        let Some(nl) = buf[start..].iter().position(|&b| b == b'\n') else {
            // A CR may still come before the LF: one byte of grace.
            let open = buf.len() - start;
            return if open > limit + 1 {
                Scan::Refused(too_long(lines))
            } else if buf.len() > MAX_HEAD {
                Scan::Refused(Refusal::HeadTooLarge)
            } else {
                Scan::Incomplete
            };
        };
        let line = strip_cr(&buf[start..start + nl]);
        let end = start + nl + 1;
        if line.len() > limit {
            return Scan::Refused(too_long(lines));
        }
        if end > MAX_HEAD {
            return Scan::Refused(Refusal::HeadTooLarge);
        }
        if line.is_empty() {
            // An empty first line is no request: parse_head refuses it.
            return Scan::Complete(end);
        }
        lines += 1;
        if lines > MAX_HEADERS + 1 {
            return Scan::Refused(Refusal::HeadTooLarge);
        }
        start = end;
    }
}

fn too_long(lines: usize) -> Refusal {
    if lines == 0 {
        Refusal::LineTooLong
    } else {
        Refusal::HeadTooLarge
    }
}

fn strip_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// A token character of RFC 9110 (method and header names).
fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// Parses a whole head (as [`scan`] delimits it; the final empty line may be
/// missing). Strict where leniency helps no browser: single spaces in the
/// request line, an origin-form target of visible ASCII, no folded or
/// nameless header, no control character but tab in a value.
pub fn parse_head(bytes: &[u8]) -> Result<Head, Refusal> {
    if let Scan::Refused(r) = scan(bytes) {
        return Err(r);
    }
    let mut lines = bytes.split(|&b| b == b'\n').map(strip_cr);
    let line = lines.next().unwrap_or_default();
    let mut parts = line.split(|&b| b == b' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Refusal::Malformed);
    };
    if method.is_empty() || !method.iter().all(|&b| is_tchar(b)) {
        return Err(Refusal::Malformed);
    }
    let method = match method {
        b"GET" => Method::Get,
        b"HEAD" => Method::Head,
        _ => Method::Other,
    };
    match version {
        b"HTTP/1.1" | b"HTTP/1.0" => {}
        v if v.len() == 8
            && v.starts_with(b"HTTP/")
            && v[5].is_ascii_digit()
            && v[6] == b'.'
            && v[7].is_ascii_digit() =>
        {
            return Err(Refusal::Version)
        }
        _ => return Err(Refusal::Malformed),
    }
    // Origin form only: an absolute target would carry a second host to
    // check, and no browser sends one to a server that is not a proxy.
    if target.first() != Some(&b'/') || !target.iter().all(|b| b.is_ascii_graphic()) {
        return Err(Refusal::Malformed);
    }
    let target = String::from_utf8_lossy(target).into_owned();
    let raw_path = target.split(['?', '#']).next().unwrap_or("/");
    let path = crate::url::percent_decode(raw_path);

    let (mut host, mut hosts) = (None, 0);
    let mut origin: Option<String> = None;
    let (mut range, mut ranges) = (None, 0);
    for line in lines {
        if line.is_empty() {
            break;
        }
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            return Err(Refusal::Malformed);
        };
        let (name, value) = (&line[..colon], &line[colon + 1..]);
        // A name with spaces around or inside, or a folded line (starting
        // with a space), is how requests are smuggled: refused.
        if name.is_empty() || !name.iter().all(|&b| is_tchar(b)) {
            return Err(Refusal::Malformed);
        }
        let value = value.trim_ascii();
        if value.iter().any(|&b| (b < 0x20 && b != b'\t') || b == 0x7f) {
            return Err(Refusal::Malformed);
        }
        let value = || String::from_utf8_lossy(value).into_owned();
        if name.eq_ignore_ascii_case(b"host") {
            hosts += 1;
            host = Some(value());
        } else if name.eq_ignore_ascii_case(b"origin") {
            // Two origins are judged by the first foreign one.
            let v = value();
            if origin.is_none() || origin_port(&v).is_none() {
                origin = Some(v);
            }
        } else if name.eq_ignore_ascii_case(b"range") {
            ranges += 1;
            range = Some(value());
        }
    }
    if hosts != 1 || host.as_deref().is_some_and(str::is_empty) {
        host = None;
    }
    if ranges != 1 {
        range = None;
    }
    Ok(Head {
        method,
        target,
        path,
        host,
        origin,
        range,
    })
}

/// The names of this machine a `Host` or `Origin` may give, lowercase.
const LOCAL_NAMES: [&str; 3] = ["localhost", "127.0.0.1", "[::1]"];

/// The port of `authority` (`name:port`) when its name is one of this
/// machine's, in any letter case; the port must be written as the server
/// writes it (no sign, no leading zero). Without a port it is 80, which
/// browsers leave out.
fn local_port(authority: &str) -> Option<u16> {
    let (name, port) = match authority.rsplit_once(':') {
        // The colon of `[::1]` is not a port's.
        Some((name, port)) if !port.ends_with(']') => (name, Some(port)),
        _ => (authority, None),
    };
    if !LOCAL_NAMES.iter().any(|n| n.eq_ignore_ascii_case(name)) {
        return None;
    }
    let Some(port) = port else {
        return Some(80);
    };
    let p: u16 = port.parse().ok()?;
    (p.to_string() == port).then_some(p)
}

/// The port of an `Origin` of this machine: `http://` then a local
/// authority, nothing after it.
fn origin_port(origin: &str) -> Option<u16> {
    let scheme = origin.get(..7)?;
    if !scheme.eq_ignore_ascii_case("http://") {
        return None;
    }
    local_port(&origin[7..])
}

/// Whether `head` may be answered by the server listening on `port`: a
/// `Host` of this machine at that port, and no `Origin`, or one of this
/// machine at that port. A request without `Host` is refused whatever its
/// version: browsers always send it, and a rebinding page cannot remove it.
pub fn check_origin(head: &Head, port: u16) -> Result<(), Refusal> {
    let Some(host) = &head.host else {
        return Err(Refusal::NoHost);
    };
    if local_port(host) != Some(port) {
        return Err(Refusal::ForeignHost(host.clone()));
    }
    match &head.origin {
        Some(o) if origin_port(o) != Some(port) => Err(Refusal::ForeignOrigin(o.clone())),
        _ => Ok(()),
    }
}

/// What a `Range` header asks of a body of `len` bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ranged {
    /// The whole body, 200: no range, or one that is not a single valid
    /// byte range (RFC 9110 lets a server ignore those).
    Whole,
    /// Bytes `first..=last`, 206.
    Part { first: u64, last: u64 },
    /// A valid range that starts past the end, 416.
    Unsatisfiable,
}

/// Reads `Range: bytes=A-B`, `bytes=A-` or `bytes=-N` against a body of
/// `len` bytes. Several ranges are answered whole: browsers ask for one.
pub fn byte_range(value: Option<&str>, len: u64) -> Ranged {
    let Some(value) = value else {
        return Ranged::Whole;
    };
    let Some((unit, spec)) = value.split_once('=') else {
        return Ranged::Whole;
    };
    if !unit.trim().eq_ignore_ascii_case("bytes") || spec.contains(',') {
        return Ranged::Whole;
    }
    let Some((a, b)) = spec.split_once('-') else {
        return Ranged::Whole;
    };
    let number = |s: &str| {
        let s = s.trim();
        (!s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u64>().unwrap_or(u64::MAX))
    };
    match (a.trim().is_empty(), number(a), number(b)) {
        // bytes=-N: the last N bytes.
        (true, _, Some(n)) => match n {
            0 => Ranged::Unsatisfiable,
            _ if len == 0 => Ranged::Unsatisfiable,
            n => Ranged::Part {
                first: len.saturating_sub(n),
                last: len - 1,
            },
        },
        (false, Some(first), None) if b.trim().is_empty() => part(first, u64::MAX, len),
        (false, Some(first), Some(last)) if last >= first => part(first, last, len),
        _ => Ranged::Whole,
    }
}

fn part(first: u64, last: u64, len: u64) -> Ranged {
    if first >= len {
        Ranged::Unsatisfiable
    } else {
        Ranged::Part {
            first,
            last: last.min(len - 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(text: &str) -> Result<Head, Refusal> {
        parse_head(text.as_bytes())
    }

    #[test]
    fn a_browser_request_parses() {
        let h = head("GET /tin-tuc/b%C3%A0i/?q=1 HTTP/1.1\r\nHost: 127.0.0.1:1111\r\nrange: bytes=0-1\r\nOrigin: http://localhost:1111\r\n\r\n").unwrap();
        assert_eq!(h.method, Method::Get);
        assert_eq!(h.path, "/tin-tuc/bài/");
        assert_eq!(h.host.as_deref(), Some("127.0.0.1:1111"));
        assert_eq!(h.range.as_deref(), Some("bytes=0-1"));
        assert_eq!(check_origin(&h, 1111), Ok(()));
        assert!(check_origin(&h, 1112).is_err());
        // Bare LF line ends, as `printf` writes them.
        let h = head("HEAD / HTTP/1.0\nHost: localhost:80\n\n").unwrap();
        assert_eq!(h.method, Method::Head);
        assert_eq!(check_origin(&h, 80), Ok(()));
    }

    #[test]
    fn heads_over_a_limit_are_refused_before_they_end() {
        let long = format!("GET /{}", "a".repeat(MAX_LINE));
        assert_eq!(scan(long.as_bytes()), Scan::Refused(Refusal::LineTooLong));
        assert_eq!(scan(&long.as_bytes()[..MAX_LINE]), Scan::Incomplete);
        let header = format!("GET / HTTP/1.1\r\nX: {}", "a".repeat(MAX_HEADER));
        assert_eq!(
            scan(header.as_bytes()),
            Scan::Refused(Refusal::HeadTooLarge)
        );
        let many = format!("GET / HTTP/1.1\r\n{}", "X: a\r\n".repeat(MAX_HEADERS + 1));
        assert_eq!(scan(many.as_bytes()), Scan::Refused(Refusal::HeadTooLarge));
        let ok = format!("GET / HTTP/1.1\r\n{}\r\n", "X: a\r\n".repeat(MAX_HEADERS));
        assert_eq!(scan(ok.as_bytes()), Scan::Complete(ok.len()));
        let heavy = format!(
            "GET / HTTP/1.1\r\n{}",
            format!("X: {}\r\n", "a".repeat(7000)).repeat(5)
        );
        assert_eq!(scan(heavy.as_bytes()), Scan::Refused(Refusal::HeadTooLarge));
    }

    #[test]
    fn malformed_heads_are_refused() {
        for (text, want) in [
            ("GET / HTTP/1.1 x\r\n\r\n", Refusal::Malformed),
            ("GET  / HTTP/1.1\r\n\r\n", Refusal::Malformed),
            ("GET /a\tb HTTP/1.1\r\n\r\n", Refusal::Malformed),
            ("GET http://a/ HTTP/1.1\r\n\r\n", Refusal::Malformed),
            ("GET * HTTP/1.1\r\n\r\n", Refusal::Malformed),
            ("G(T / HTTP/1.1\r\n\r\n", Refusal::Malformed),
            ("GET / HTTP/2.0\r\n\r\n", Refusal::Version),
            ("GET / HTTP/1.1\r\nX : a\r\n\r\n", Refusal::Malformed),
            ("GET / HTTP/1.1\r\n a: b\r\n\r\n", Refusal::Malformed),
            ("GET / HTTP/1.1\r\nX: a\rb\r\n\r\n", Refusal::Malformed),
            ("GET / HTTP/1.1\r\nnocolon\r\n\r\n", Refusal::Malformed),
            ("\r\n", Refusal::Malformed),
        ] {
            assert_eq!(head(text), Err(want), "{text:?}");
        }
        let h = head("POST / HTTP/1.1\r\n\r\n").unwrap();
        assert_eq!(h.method, Method::Other);
    }

    #[test]
    fn only_this_machine_at_this_port_is_answered() {
        let with = |host: &str, origin: Option<&str>| {
            let mut text = format!("GET / HTTP/1.1\r\nHost: {host}\r\n");
            if let Some(o) = origin {
                text.push_str(&format!("Origin: {o}\r\n"));
            }
            check_origin(&head(&(text + "\r\n")).unwrap(), 1111)
        };
        for host in [
            "localhost:1111",
            "LOCALHOST:1111",
            "127.0.0.1:1111",
            "[::1]:1111",
        ] {
            assert_eq!(with(host, None), Ok(()), "{host}");
        }
        for host in [
            "evil.com",
            "evil.com:1111",
            "localhost.evil.com:1111",
            "127.0.0.1.nip.io:1111",
            "localhost",
            "localhost:1112",
            "localhost:01111",
            "localhost:+1111",
            "localhost.:1111",
            "[::1]:1111x",
            "[::ffff:127.0.0.1]:1111",
            "a@localhost:1111",
        ] {
            assert!(
                matches!(with(host, None), Err(Refusal::ForeignHost(_))),
                "{host}"
            );
        }
        for origin in [
            "null",
            "http://evil.com",
            "https://localhost:1111",
            "http://localhost:1111/",
            "http://localhost:1112",
            "",
        ] {
            assert!(
                matches!(
                    with("localhost:1111", Some(origin)),
                    Err(Refusal::ForeignOrigin(_))
                ),
                "{origin}"
            );
        }
        assert_eq!(with("localhost:1111", Some("HTTP://[::1]:1111")), Ok(()));
        // On port 80 browsers send no port.
        for (host, origin) in [("localhost", "http://localhost"), ("[::1]", "http://[::1]")] {
            let text = format!("GET / HTTP/1.1\r\nHost: {host}\r\nOrigin: {origin}\r\n\r\n");
            let h = head(&text).unwrap();
            assert_eq!(check_origin(&h, 80), Ok(()), "{host}");
            assert!(check_origin(&h, 1111).is_err(), "{host}");
        }
        let h = head("GET / HTTP/1.1\r\nHost: localhost:\r\n\r\n").unwrap();
        assert!(check_origin(&h, 80).is_err());
        let none = head("GET / HTTP/1.0\r\n\r\n").unwrap();
        assert_eq!(check_origin(&none, 1111), Err(Refusal::NoHost));
        let two = head("GET / HTTP/1.1\r\nHost: localhost:1111\r\nHost: evil.com\r\n\r\n").unwrap();
        assert_eq!(check_origin(&two, 1111), Err(Refusal::NoHost));
        let origins = head("GET / HTTP/1.1\r\nHost: localhost:1111\r\nOrigin: http://localhost:1111\r\nOrigin: http://evil.com\r\n\r\n").unwrap();
        assert!(matches!(
            check_origin(&origins, 1111),
            Err(Refusal::ForeignOrigin(_))
        ));
    }

    #[test]
    fn byte_ranges_are_read_as_rfc_9110_says() {
        let r = |v: &str| byte_range(Some(v), 100);
        assert_eq!(r("bytes=0-9"), Ranged::Part { first: 0, last: 9 });
        assert_eq!(
            r("bytes=90-"),
            Ranged::Part {
                first: 90,
                last: 99
            }
        );
        assert_eq!(
            r("bytes=-5"),
            Ranged::Part {
                first: 95,
                last: 99
            }
        );
        assert_eq!(r("bytes=-500"), Ranged::Part { first: 0, last: 99 });
        assert_eq!(
            r("bytes=10-999999999999999999999"),
            Ranged::Part {
                first: 10,
                last: 99
            }
        );
        assert_eq!(r("BYTES=1-1"), Ranged::Part { first: 1, last: 1 });
        assert_eq!(r("bytes=100-"), Ranged::Unsatisfiable);
        assert_eq!(r("bytes=-0"), Ranged::Unsatisfiable);
        for whole in [
            "bytes=5-2",
            "bytes=0-1,3-4",
            "items=0-1",
            "bytes=a-",
            "bytes=",
            "bytes=-",
            "bytes=+1-2",
        ] {
            assert_eq!(r(whole), Ranged::Whole, "{whole}");
        }
        assert_eq!(byte_range(Some("bytes=0-"), 0), Ranged::Unsatisfiable);
        assert_eq!(byte_range(None, 10), Ranged::Whole);
    }
}
