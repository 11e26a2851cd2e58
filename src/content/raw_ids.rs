//! Ids set by raw HTML (`markdown.unsafe_html`) are on their page once: an
//! id that the theme, a footnote or an earlier element already has, or
//! that is no id at all (empty, with a space), is left out with a warning
//! at its line, so the page stays valid HTML and links to the theme's
//! targets (`#noi-dung`, the skip link's) keep leading there.
//!
//! Ids bantin writes itself are known by their tags: headings (their ids
//! were made unique against every other id), footnotes (`<li id="fn-…">`)
//! and references to them (`<a href="#fn-…" id="fnref-…">`).

use std::collections::{HashMap, HashSet};

use super::heading_ids::ThemeIds;
use crate::diag::{Code, IdOwner};

/// An `id` written in raw HTML, with its place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawId {
    pub id: String,
    pub line: usize,
    pub column: usize,
}

/// Adds the `id` attributes of raw HTML `literal`, which starts at `line`
/// and `column` of the file, to `into`.
pub fn record(literal: &str, (line, column): (usize, usize), into: &mut Vec<RawId>) {
    for (at, id) in id_attributes(literal) {
        let before = &literal[..at];
        let (line, column) = match before.rfind('\n') {
            Some(nl) => (
                line + before.matches('\n').count(),
                before[nl + 1..].chars().count() + 1,
            ),
            None => (line, column + before.chars().count()),
        };
        into.push(RawId {
            id: id.to_string(),
            line,
            column,
        });
    }
}

/// The `id` attributes of the tags of an HTML fragment: (offset of the
/// attribute, value). Values are as written (quoted, single-quoted or bare).
fn id_attributes(html: &str) -> Vec<(usize, &str)> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' || !b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        // The tag's name, then its attributes up to `>`.
        i += 1;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
            i += 1;
        }
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                break;
            }
            let name_at = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/')
            {
                i += 1;
            }
            let name = &html[name_at..i];
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = "";
            if b.get(i) == Some(&b'=') {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                let (start, end, next) = match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = html[i + 1..].find(q as char).map_or(b.len(), |e| i + 1 + e);
                        (i + 1, end, (end + 1).min(b.len()))
                    }
                    _ => {
                        // A bare value ends at a space or `>`, which stay.
                        let end = html[i..]
                            .find(|c: char| c.is_ascii_whitespace() || c == '>')
                            .map_or(b.len(), |e| i + e);
                        (i, end, end)
                    }
                };
                value = &html[start..end];
                i = next;
            }
            if name.eq_ignore_ascii_case("id") {
                out.push((name_at, value));
            }
        }
    }
    out
}

/// Removes from the body's HTML, given in `pieces` after sanitising, every
/// `id` of raw HTML that the page already has or that is no id. `headings`
/// are the ids bantin gave the body's headings; `raw` the ids of the raw
/// HTML, in order, for the places of the warnings; `start` is the body's
/// first line, the place of a warning whose id is not found in `raw`.
pub fn dedupe(
    pieces: &mut [String],
    headings: &[String],
    theme: ThemeIds,
    raw: &[RawId],
    start: (usize, usize),
) -> Vec<(usize, usize, Code)> {
    if !pieces.iter().any(|p| p.contains(ATTR)) {
        return Vec::new();
    }
    let headings: HashSet<&str> = headings.iter().map(String::as_str).collect();
    // Ids bantin wrote, whichever element comes first.
    let ours: HashSet<String> = pieces
        .iter()
        .flat_map(|p| ids_in(p))
        .filter(|(tag, id)| is_ours(tag, id, &headings))
        .map(|(_, id)| id.to_string())
        .collect();
    let mut places: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for r in raw {
        places
            .entry(r.id.as_str())
            .or_default()
            .push((r.line, r.column));
    }
    let mut seen: HashSet<String> = HashSet::new();
    let mut raw_seen: HashMap<String, usize> = HashMap::new();
    let mut warnings = Vec::new();
    for piece in pieces.iter_mut() {
        if !piece.contains(ATTR) {
            continue;
        }
        let mut out = String::with_capacity(piece.len());
        let mut last = 0;
        for (at, end, tag, id) in id_spans(piece) {
            let by = if is_ours(tag, id, &headings) {
                // Two of bantin's own with one id (`fnref-1-2` is the second
                // reference to `1` and the first to `1-2`): the first keeps it.
                (!seen.insert(id.to_string())).then_some(None)
            } else {
                let k = raw_seen.entry(id.to_string()).or_default();
                *k += 1;
                let owner = if id.is_empty() || id.contains(|c: char| c.is_ascii_whitespace()) {
                    Some(IdOwner::Invalid)
                } else if theme.contains(id) {
                    Some(IdOwner::Theme)
                } else if ours.contains(id) {
                    Some(IdOwner::Footnote)
                } else if !seen.insert(id.to_string()) {
                    Some(IdOwner::Earlier)
                } else {
                    None
                };
                owner.map(|o| Some((o, *k)))
            };
            let Some(why) = by else { continue };
            out.push_str(&piece[last..at]);
            last = end;
            if let Some((owner, k)) = why {
                let at = places.get(id).and_then(|p| p.get(k - 1).or(p.last()));
                let (line, column) = at.copied().unwrap_or(start);
                let id = unescape(id);
                warnings.push((line, column, Code::IdTaken { id, by: owner }));
            }
        }
        if last > 0 {
            out.push_str(&piece[last..]);
            *piece = out;
        }
    }
    warnings
}

/// How an id attribute is written in the body's HTML (comrak's and the
/// sanitiser's serialisation: double quotes, `"` escaped in values).
const ATTR: &str = " id=\"";

/// (start tag up to the attribute, id) of every id of `html`.
fn ids_in(html: &str) -> impl Iterator<Item = (&str, &str)> {
    id_spans(html).into_iter().map(|(_, _, tag, id)| (tag, id))
}

/// (start, end of the ` id="…"` attribute; the start tag up to it; the id)
/// of every id of `html`.
fn id_spans(html: &str) -> Vec<(usize, usize, &str, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find(ATTR) {
        let at = from + i;
        let value = at + ATTR.len();
        let Some(len) = html[value..].find('"') else {
            break;
        };
        let tag = html[..at].rfind('<').map_or("", |lt| &html[lt..at]);
        out.push((at, value + len + 1, tag, &html[value..value + len]));
        from = value + len + 1;
    }
    out
}

/// Whether an id is one bantin wrote: a heading's, a footnote's, or a
/// reference to a footnote's, by the tag comrak writes for each.
fn is_ours(tag: &str, id: &str, headings: &HashSet<&str>) -> bool {
    let heading = tag.len() == 3
        && tag.starts_with("<h")
        && matches!(tag.as_bytes()[2], b'1'..=b'6')
        && headings.contains(id);
    heading
        || (tag == "<li" && id.starts_with("fn-"))
        || (tag.starts_with("<a href=\"#fn-") && id.starts_with("fnref-"))
}

/// An attribute value as it was written: the serialiser's escapes undone.
fn unescape(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_of_raw_html_with_their_places() {
        let mut ids = Vec::new();
        record(
            "<div id=\"a\" title='id=\"x\"'>\n  <p class=b ID=c>x</p><i id=d/><b data-id=\"e\" id = 'f'>",
            (4, 3),
            &mut ids,
        );
        let got: Vec<_> = ids
            .iter()
            .map(|r| (r.id.as_str(), r.line, r.column))
            .collect();
        // A bare value runs to a space or `>`: `/` is part of it, as browsers read it.
        assert_eq!(
            got,
            [("a", 4, 8), ("c", 5, 14), ("d/", 5, 27), ("f", 5, 48)]
        );
    }

    #[test]
    fn the_first_keeps_an_id_and_the_theme_and_footnotes_keep_theirs() {
        let mut pieces = vec![
            "<h2 id=\"muc\">M</h2><p id=\"noi-dung\">a</p><span id=\"fn-1\">b</span>".to_string(),
            "<i id=\"q\">1</i><i id=\"q\">2</i><u id=\"\">3</u><s id=\"a b\">4</s>\n\
             <sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>\n\
             <li id=\"fn-1\">x</li>"
                .to_string(),
        ];
        let raw = [
            RawId {
                id: "noi-dung".into(),
                line: 3,
                column: 1,
            },
            RawId {
                id: "fn-1".into(),
                line: 3,
                column: 9,
            },
            RawId {
                id: "q".into(),
                line: 4,
                column: 1,
            },
            RawId {
                id: "q".into(),
                line: 4,
                column: 7,
            },
        ];
        let w = dedupe(
            &mut pieces,
            &["muc".into()],
            ThemeIds::BUNDLED,
            &raw,
            (1, 1),
        );
        let got: Vec<_> = w
            .iter()
            .map(|(l, c, code)| match code {
                Code::IdTaken { id, by } => (*l, *c, id.as_str(), *by),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(
            got,
            [
                (3, 1, "noi-dung", IdOwner::Theme),
                (3, 9, "fn-1", IdOwner::Footnote),
                (4, 7, "q", IdOwner::Earlier),
                (1, 1, "", IdOwner::Invalid),
                (1, 1, "a b", IdOwner::Invalid),
            ]
        );
        assert_eq!(pieces[0], "<h2 id=\"muc\">M</h2><p>a</p><span>b</span>");
        assert!(pieces[1].starts_with("<i id=\"q\">1</i><i>2</i><u>3</u><s>4</s>"));
        assert!(pieces[1].contains("id=\"fnref-1\"") && pieces[1].contains("<li id=\"fn-1\">"));
    }
}
