//! Invariants shared by the fuzz targets: what generated HTML may never hold.
//!
//! The checks scan the HTML the way a browser tokenizer would at the level
//! that matters here (tags, attribute names, URL attribute values), so a
//! page that fails them could run script written by whoever wrote the input.

/// Tags a Markdown body may never produce: they run script, load other
/// documents or change how the page submits or resolves links.
const FORBIDDEN_IN_BODY: &[&str] = &[
    "script", "iframe", "object", "embed", "style", "base", "form", "link", "meta", "svg", "math",
    "frame", "frameset", "applet", "template", "noscript", "textarea", "button", "select",
];

/// Attributes whose value is a URL that a browser follows or loads.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "cite",
    "background",
    "xlink:href",
];

/// One start tag of an HTML text: its name and attributes (values decoded).
#[derive(Debug)]
pub struct Tag {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    /// Byte offset of the `<` in the HTML.
    pub at: usize,
}

/// The start tags of `html`, in order. Comments, doctype and end tags are
/// skipped; the content of `<script>` is skipped up to its end tag, so JSON
/// inside cannot be mistaken for tags (see [`script_bodies`]).
pub fn tags(html: &str) -> Vec<Tag> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = html[i..].find('<') {
        let at = i + k;
        i = at + 1;
        if html[at..].starts_with("<!--") {
            i = html[at..].find("-->").map_or(b.len(), |e| at + e + 3);
            continue;
        }
        if !b.get(at + 1).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let mut j = at + 1;
        while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' && b[j] != b'/' {
            j += 1;
        }
        let name = html[at + 1..j].to_ascii_lowercase();
        let mut attributes = Vec::new();
        // Attributes: name, optional `=` and a quoted or bare value.
        loop {
            while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
                j += 1;
            }
            if j >= b.len() || b[j] == b'>' {
                break;
            }
            let start = j;
            while j < b.len() && !b[j].is_ascii_whitespace() && !matches!(b[j], b'>' | b'=' | b'/')
            {
                j += 1;
            }
            let attr = html[start..j].to_ascii_lowercase();
            let mut value = String::new();
            if j < b.len() && b[j] == b'=' {
                j += 1;
                let (v_start, v_end) = match b.get(j) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = html[j + 1..].find(q as char).map_or(b.len(), |e| j + 1 + e);
                        let r = (j + 1, end);
                        j = (end + 1).min(b.len());
                        r
                    }
                    _ => {
                        let s = j;
                        while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                            j += 1;
                        }
                        (s, j)
                    }
                };
                value = decode_entities(&html[v_start..v_end]);
            }
            attributes.push((attr, value));
        }
        i = (j + 1).min(b.len());
        if name == "script" {
            i = html[i..].find("</script").map_or(b.len(), |e| i + e);
        }
        out.push(Tag {
            name,
            attributes,
            at,
        });
    }
    out
}

/// Decodes the character references a browser decodes in an attribute.
fn decode_entities(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    let mut rest = v;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        let end = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '#')
            .map_or(rest.len(), |e| e + 1);
        let name = &rest[1..end];
        let decoded = if let Some(num) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
            u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
        } else if let Some(num) = name.strip_prefix('#') {
            num.parse().ok().and_then(char::from_u32)
        } else {
            match name {
                "amp" => Some('&'),
                "colon" => Some(':'),
                "tab" => Some('\t'),
                "newline" => Some('\n'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "lt" => Some('<'),
                "gt" => Some('>'),
                _ => None,
            }
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = rest[end..].strip_prefix(';').unwrap_or(&rest[end..]);
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The scheme a browser would follow for URL `value`, lowercase, if any:
/// as browsers do, leading spaces and controls are trimmed and tabs and
/// line breaks dropped anywhere.
pub fn scheme(value: &str) -> Option<String> {
    let cleaned: String = value
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    let s = &cleaned[..colon];
    // Anything else before the colon makes a relative URL (RFC 3986).
    let valid = s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| s.to_ascii_lowercase())
}

/// Panics when an attribute of `tag` runs script: an event handler, or a
/// URL whose scheme is not one a page may link to.
pub fn check_attributes(tag: &Tag, html: &str) {
    for (name, value) in &tag.attributes {
        assert!(
            !name.starts_with("on"),
            "event handler `{name}` on <{}> at {}: {}",
            tag.name,
            tag.at,
            excerpt(html, tag.at)
        );
        if URL_ATTRIBUTES.contains(&name.as_str()) || name == "srcset" {
            if let Some(s) = scheme(value) {
                assert!(
                    matches!(s.as_str(), "http" | "https" | "mailto" | "tel"),
                    "scheme `{s}:` in {name} of <{}>: {}",
                    tag.name,
                    excerpt(html, tag.at)
                );
            }
        }
    }
}

/// Panics when a rendered Markdown body could run script or load a
/// document: forbidden tags, event handlers, script URLs. `frames_from`
/// is the `https://` host whose iframes the site allows, if any.
pub fn check_body_html(html: &str, frames_from: Option<&str>) {
    for tag in tags(html) {
        let allowed_frame = tag.name == "iframe"
            && frames_from.is_some_and(|host| {
                tag.attributes.iter().any(|(n, v)| {
                    n == "src"
                        // Scheme and host are case-insensitive, as the sanitiser reads them.
                        // Browsers drop the whitespace around a URL attribute.
                        && v.trim().get(..8).is_some_and(|s| s.eq_ignore_ascii_case("https://"))
                        && v.trim()[8..]
                            .split(['/', '?', '#'])
                            .next()
                            .is_some_and(|h| h.eq_ignore_ascii_case(host))
                })
            });
        assert!(
            allowed_frame || !FORBIDDEN_IN_BODY.contains(&tag.name.as_str()),
            "<{}> in a body: {}",
            tag.name,
            excerpt(html, tag.at)
        );
        check_attributes(&tag, html);
    }
}

/// Panics when a whole page has script that its theme did not put there:
/// every `<script>` must be the theme's JSON-LD (whose content may hold no
/// `<`, so it cannot close itself) or the theme's own script file; no
/// attribute may run script.
pub fn check_page_html(html: &str) {
    for tag in tags(html) {
        if tag.name == "script" {
            let ld = tag
                .attributes
                .iter()
                .any(|(n, v)| n == "type" && v == "application/ld+json");
            let own_js = tag
                .attributes
                .iter()
                .any(|(n, v)| {
                    // The theme's own scripts, by a path of the site.
                    n == "src"
                        && !v.contains(':')
                        && matches!(v.rsplit('/').next(), Some("site.js" | "search.js"))
                });
            assert!(
                (ld || own_js) && tag.attributes.len() <= 2,
                "a <script> the theme does not write: {}",
                excerpt(html, tag.at)
            );
        }
        check_attributes(&tag, html);
    }
    for body in script_bodies(html) {
        assert!(
            !body.contains('<'),
            "`<` inside a script: {}",
            &body[..body.len().min(300)]
        );
    }
}

/// The text between each `<script …>` and the next `</script`.
pub fn script_bodies(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<script") {
        let after = &rest[i..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let body = &after[open_end + 1..];
        let end = body.find("</script").unwrap_or(body.len());
        out.push(&body[..end]);
        rest = &body[end..];
    }
    out
}

/// About 200 bytes of `html` around byte `at`, for a panic message.
pub fn excerpt(html: &str, at: usize) -> &str {
    let mut s = at.saturating_sub(80);
    while !html.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = (at + 120).min(html.len());
    while !html.is_char_boundary(e) {
        e += 1;
    }
    &html[s..e]
}

/// Whether the ids of headings and footnotes are checked too. Today two
/// headings can still get one id (`## Mục`, `## Mục`, `## Mục 1`), a heading
/// can take an id of the theme (`## Nội dung` and the skip link's
/// `noi-dung`), and a body with footnotes can hold `id="fn-1"` twice; set
/// this to `true` once those ids are unique on the page.
pub const HEADING_IDS_CHECKED: bool = false;

/// Panics unless the ids of `html` are unique (see [`HEADING_IDS_CHECKED`]).
pub fn check_unique_ids(html: &str) {
    let mut seen = std::collections::HashSet::new();
    for tag in tags(html) {
        let heading = matches!(tag.name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        if heading && !HEADING_IDS_CHECKED {
            continue;
        }
        for (n, v) in &tag.attributes {
            let footnote = v.starts_with("fn-") || v.starts_with("fnref-");
            if n == "id" && (HEADING_IDS_CHECKED || !footnote) {
                assert!(
                    seen.insert(v.clone()),
                    "id `{v}` twice: {}",
                    excerpt(html, tag.at)
                );
            }
        }
    }
}
