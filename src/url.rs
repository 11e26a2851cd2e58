//! The one check for every URL that lands in `href` or `src` from config or
//! content: `http`, `https`, `mailto`, `tel` and relative forms only, so no
//! `javascript:` (however it is disguised) reaches a page; and the
//! percent-encoding of site paths and fragments that go into links.

use std::borrow::Cow;
use std::fmt;

/// What kind of URL a checked value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlKind {
    /// `http://…`, `https://…` or `//host/…`.
    Web,
    /// `mailto:…`
    Mail,
    /// `tel:…`
    Tel,
    /// A path: `tin-tuc/`, `../a.md`, `/gioi-thieu/`, `anh.jpg?x=1`.
    Relative,
    /// Only a fragment: `#ket-qua`.
    Fragment,
}

pub use crate::diag::UrlError;

/// English, for messages not yet given a code.
impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::diag::en::url_error(self))
    }
}

/// How a character is named in an English message.
pub fn describe(c: char) -> String {
    crate::diag::en::character(c)
}

/// The scheme of `url` as a browser sees it: tabs and line breaks inside
/// are dropped and leading spaces and control characters trimmed first, so
/// `java\tscript:` and ` javascript:` are both `javascript`.
fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .skip_while(|c| *c <= ' ')
        .take_while(|c| *c != ':' && *c != '/' && *c != '?' && *c != '#')
        .collect();
    let rest_has_colon = url
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .skip_while(|c| *c <= ' ')
        .nth(cleaned.chars().count())
        == Some(':');
    let mut chars = cleaned.chars();
    let first = chars.next()?;
    (rest_has_colon
        && first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| cleaned.to_ascii_lowercase())
}

/// Classifies a URL written in content (a Markdown link or image): only the
/// scheme is checked, since the Markdown parser has already dealt with
/// spaces and escapes.
pub fn check_link(url: &str) -> Result<UrlKind, UrlError> {
    match scheme(url).as_deref() {
        Some("http" | "https") => Ok(UrlKind::Web),
        Some("mailto") => Ok(UrlKind::Mail),
        Some("tel") => Ok(UrlKind::Tel),
        Some(other) => Err(UrlError::Scheme(other.to_string())),
        None if url.starts_with("//") => Ok(UrlKind::Web),
        None if url.starts_with('#') => Ok(UrlKind::Fragment),
        None => Ok(UrlKind::Relative),
    }
}

/// Classifies a URL written in config.yaml or front matter, where nothing
/// has cleaned it: whitespace and control characters are refused too.
pub fn check(url: &str) -> Result<UrlKind, UrlError> {
    if url.is_empty() {
        return Err(UrlError::Empty);
    }
    if let Some(c) = url.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return Err(UrlError::Character(c));
    }
    check_link(url)
}

/// Whether a byte is left as it is in a path segment (RFC 3986 unreserved).
fn unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

fn encode(s: &str, keep: impl Fn(&[u8], usize) -> bool) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    if (0..bytes.len()).all(|i| keep(bytes, i)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for (i, &b) in bytes.iter().enumerate() {
        if keep(bytes, i) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b & 15)]));
        }
    }
    Cow::Owned(out)
}

/// Percent-encodes a site path (a file name may hold spaces, `%`, `#` or
/// Vietnamese letters) so that it links to exactly that file; `/` stays.
pub fn encode_path(path: &str) -> Cow<'_, str> {
    encode(path, |b, i| unreserved(b[i]) || b[i] == b'/')
}

/// Percent-encodes a fragment (without its `#`), keeping escapes that are
/// already there, so that nothing in it can end an attribute.
pub fn encode_fragment(fragment: &str) -> Cow<'_, str> {
    encode(fragment, |b, i| {
        unreserved(b[i])
            || (b[i] == b'%'
                && b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
    })
}

/// Percent-encodes a query (without its `?`), keeping escapes that are
/// already there and the marks that shape it (`=`, `&`, `+`); `&` must
/// still be written `&amp;` in HTML.
pub fn encode_query(query: &str) -> Cow<'_, str> {
    encode(query, |b, i| {
        unreserved(b[i])
            || matches!(b[i], b'=' | b'&' | b'+' | b',' | b'/' | b':' | b'@')
            || (b[i] == b'%'
                && b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
    })
}

/// Decodes the `%XX` escapes of a URL path, as a browser does to find the
/// file; text that does not decode to UTF-8 is returned as it was.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            if let Some(v) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_escapes_decode_where_complete() {
        assert_eq!(percent_decode("B%C3%A1o%20c%C3%A1o.pdf"), "Báo cáo.pdf");
        assert_eq!(percent_decode("a%41"), "aA");
        assert_eq!(percent_decode("50%"), "50%");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%zz%41"), "%zzA");
        assert_eq!(percent_decode("%FF"), "%FF", "not UTF-8: kept");
    }

    #[test]
    fn allowed_forms() {
        for (url, kind) in [
            ("https://hdnd.backan.gov.vn/", UrlKind::Web),
            ("HTTP://x.vn", UrlKind::Web),
            ("//cdn.x.vn/a.js", UrlKind::Web),
            ("mailto:vanphong@backan.gov.vn", UrlKind::Mail),
            ("tel:+842093870000", UrlKind::Tel),
            ("tin-tuc/", UrlKind::Relative),
            ("/gioi-thieu/", UrlKind::Relative),
            ("../2021/a.md#ket-qua", UrlKind::Relative),
            ("a/b:c", UrlKind::Relative),
            ("#muc-1", UrlKind::Fragment),
        ] {
            assert_eq!(check(url), Ok(kind), "{url}");
        }
    }

    #[test]
    fn script_schemes_are_refused_however_written() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "java\tscript:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "vbscript:x",
            "data:text/html,<script>",
            "file:///etc/passwd",
        ] {
            assert!(
                matches!(check_link(url), Err(UrlError::Scheme(_))),
                "{url:?}"
            );
        }
        assert_eq!(
            check_link("java\nscript:x"),
            Err(UrlError::Scheme("javascript".into()))
        );
    }

    #[test]
    fn config_urls_refuse_spaces_and_controls() {
        assert_eq!(check("https://x.vn/a b"), Err(UrlError::Character(' ')));
        assert_eq!(check("tin\u{7}tuc/"), Err(UrlError::Character('\u{7}')));
        assert_eq!(check(""), Err(UrlError::Empty));
    }

    #[test]
    fn paths_and_fragments_are_encoded() {
        assert_eq!(encode_path("tin-tuc/a/"), "tin-tuc/a/");
        assert_eq!(
            encode_path("a/Báo cáo 50%.pdf"),
            "a/B%C3%A1o%20c%C3%A1o%2050%25.pdf"
        );
        assert_eq!(encode_path("QĐ #12.pdf"), "Q%C4%90%20%2312.pdf");
        assert_eq!(encode_fragment("ket-qua"), "ket-qua");
        assert_eq!(encode_fragment("\"><script>"), "%22%3E%3Cscript%3E");
        assert_eq!(encode_fragment("m%E1%BB%A5c"), "m%E1%BB%A5c");
    }
}
