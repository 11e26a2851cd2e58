//! Splits a large Markdown body into chunks that parse independently, so
//! the parser's tree (about 150 bytes per node) follows the largest chunk,
//! not the whole file.
//!
//! A split is made only where CommonMark cannot carry state across it: after
//! a blank line, before a line that starts a new block at column 0 and is not
//! a list item (which could continue the list above), outside fenced code and
//! multi-line HTML. A large table is cut between rows, each part repeating
//! the header. A block with more Markdown marks than allowed is kept apart
//! and shown as plain text, since each mark can cost a node of its own.

use std::borrow::Cow;

/// Bodies up to this size are parsed whole; larger ones in chunks of about it.
pub const CHUNK: usize = 64 << 10;

/// A piece of the body parsed on its own.
#[derive(Debug, PartialEq, Eq)]
pub struct Chunk<'a> {
    pub text: Cow<'a, str>,
    /// Line of the body (1-based) where the text's first line is, or for a
    /// table part its first row.
    pub first_line: usize,
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Markdown,
    /// Rows of a table whose text starts with the header and delimiter rows
    /// copied from `head_line`; `first`/`last` say which table tags stay.
    TablePart {
        head_line: usize,
        first: bool,
        last: bool,
    },
    /// Items of a tight list; `first`/`last` say which list tags stay.
    ListPart {
        first: bool,
        last: bool,
    },
    /// A block with `marks` Markdown marks, over the limit.
    Dense {
        marks: usize,
    },
}

impl Chunk<'_> {
    /// The body line of line `line` (1-based) of the chunk's text.
    pub fn body_line(&self, line: usize) -> usize {
        match self.kind {
            Kind::TablePart { head_line, .. } if line <= 2 => head_line + line - 1,
            Kind::TablePart { .. } => self.first_line + line - 3,
            _ => self.first_line + line - 1,
        }
    }
}

/// Bytes that can each become a node of their own (or a delimiter or
/// bracket the inline parser keeps).
fn is_mark(b: u8) -> bool {
    matches!(
        b,
        b'[' | b']' | b'<' | b'>' | b'!' | b'*' | b'_' | b'`' | b'~' | b'&' | b'\\' | b'|'
    )
}

/// Splits `body` into chunks; blocks with more than `max_marks` marks
/// become [`Kind::Dense`].
pub fn split<'a>(body: &'a str, max_marks: usize) -> Vec<Chunk<'a>> {
    if body.len() <= CHUNK {
        return vec![Chunk {
            text: Cow::Borrowed(body),
            first_line: 1,
            kind: Kind::Markdown,
        }];
    }
    // Link reference definitions and footnotes are document-wide: such
    // bodies are split only around the blocks shown as text, and their
    // tables stay whole (a cell may use a definition).
    let whole = body.contains("]:") || body.contains("[^");
    let mut out = Vec::new();
    // The pending Markdown chunk: byte start and its first line.
    let mut pending: Option<(usize, usize)> = None;
    let flush = |out: &mut Vec<Chunk<'a>>, pending: &mut Option<(usize, usize)>, end: usize| {
        if let Some((start, line)) = pending.take() {
            out.push(Chunk {
                text: Cow::Borrowed(&body[start..end]),
                first_line: line,
                kind: Kind::Markdown,
            });
        }
    };
    for (start, end, line) in blocks(body) {
        let block = &body[start..end];
        let marks = block.bytes().filter(|&b| is_mark(b)).count();
        // Blank lines before the first block of the body stay in front.
        let lead = block.len() - block.trim_start_matches(['\n', ' ', '\t']).len();
        let lead = block[..lead].rfind('\n').map_or(0, |i| i + 1);
        let (rest, rest_line) = (&block[lead..], line + block[..lead].matches('\n').count());
        let table = (rest.len() > CHUNK)
            .then(|| table_parts(rest, rest_line).or_else(|| list_parts(rest, rest_line)))
            .flatten();
        let is_table = table.is_some();
        if let Some(parts) = table.filter(|_| !whole) {
            if lead > 0 {
                pending.get_or_insert((start, line));
            }
            flush(&mut out, &mut pending, start + lead);
            out.extend(parts);
        } else if marks > max_marks && !is_table {
            flush(&mut out, &mut pending, start);
            out.push(Chunk {
                text: Cow::Borrowed(block),
                first_line: line,
                kind: Kind::Dense { marks },
            });
        } else {
            let (s, _) = *pending.get_or_insert((start, line));
            if !whole && end - s >= CHUNK {
                flush(&mut out, &mut pending, end);
            }
        }
    }
    flush(&mut out, &mut pending, body.len());
    out
}

/// The top-level blocks of `body` as (start, end, first line), cut only
/// where the parser keeps no state across the cut (see the module doc).
fn blocks(body: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let (mut start, mut start_line) = (0, 1);
    let mut prev_blank = false;
    // Whether a list may be open in the current block.
    let mut list_open = false;
    // The closing text of an open fence or multi-line HTML block.
    let mut open: Option<Closer> = None;
    let mut at = 0;
    for (k, line) in body.split_inclusive('\n').enumerate() {
        let n = k + 1;
        let blank = line.trim().is_empty();
        if let Some(c) = &open {
            if c.closes(line) {
                open = None;
            }
        } else {
            // A list item after a blank line continues a list above, if any.
            let item = item_kind(line).is_some();
            if prev_blank && !blank && (starts_block(line) || item && !list_open) && at > start {
                out.push((start, at, start_line));
                (start, start_line, list_open) = (at, n, false);
            }
            let t = line.trim_start_matches(' ');
            list_open |= line.len() - t.len() <= 3 && item_kind(t).is_some();
            open = Closer::opened_by(line);
        }
        prev_blank = blank;
        at += line.len();
    }
    if at > start {
        out.push((start, at, start_line));
    }
    out
}

/// Whether `line`, after a blank line, surely starts a new top-level block
/// (not indented, not a list item or a line that could be one).
fn starts_block(line: &str) -> bool {
    let b = line.as_bytes();
    match b.first() {
        None | Some(b' ' | b'\t' | b'\n' | b'\r') => false,
        Some(b'-' | b'*' | b'+') => false,
        Some(c) if c.is_ascii_digit() => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            !matches!(b.get(digits), Some(b'.' | b')'))
        }
        _ => true,
    }
}

/// What ends a fenced code block or an HTML block that may hold blank lines.
#[derive(Debug)]
enum Closer {
    Fence(u8, usize),
    Html(&'static str),
}

impl Closer {
    fn opened_by(line: &str) -> Option<Closer> {
        let t = line.trim_start_matches(' ');
        if line.len() - t.len() > 3 {
            return None;
        }
        let b = t.as_bytes();
        if let Some(&c @ (b'`' | b'~')) = b.first() {
            let n = b.iter().take_while(|&&x| x == c).count();
            return (n >= 3).then_some(Closer::Fence(c, n));
        }
        let lower = t.get(..10).unwrap_or(t).to_ascii_lowercase();
        let end = [
            ("<script", "</script>"),
            ("<pre", "</pre>"),
            ("<style", "</style>"),
            ("<textarea", "</textarea>"),
            ("<!--", "-->"),
            ("<?", "?>"),
            ("<![cdata[", "]]>"),
            ("<!", ">"),
        ]
        .into_iter()
        .find(|(open, _)| lower.starts_with(open))?
        .1;
        // Closed on the same line (after the opening tag): nothing stays open.
        let rest = &t.to_ascii_lowercase()[2..];
        (!rest.contains(end)).then_some(Closer::Html(end))
    }

    fn closes(&self, line: &str) -> bool {
        match *self {
            Closer::Fence(c, n) => {
                let t = line.trim_start_matches(' ');
                line.len() - t.len() <= 3
                    && t.bytes().take_while(|&x| x == c).count() >= n
                    && t.trim_start_matches(c as char).trim().is_empty()
            }
            Closer::Html(end) => line.to_ascii_lowercase().contains(end),
        }
    }
}

/// A table block larger than a chunk as parts of rows, each starting with
/// the header and delimiter rows; `None` when `block` is not such a table.
/// The header must hold no link, image or HTML, so that repeating it adds
/// nothing the body stage reports.
fn table_parts(block: &str, line: usize) -> Option<Vec<Chunk<'_>>> {
    let mut lines = block.split_inclusive('\n');
    let (head, delim) = (lines.next()?, lines.next()?);
    let is_row = |l: &str| {
        let t = l.trim_start_matches(' ');
        l.len() - t.len() <= 3 && t.starts_with('|')
    };
    let is_delim = delim.trim().trim_matches('|').split('|').all(|c| {
        let c = c.trim().trim_start_matches(':').trim_end_matches(':');
        !c.is_empty() && c.bytes().all(|b| b == b'-')
    });
    if !is_row(head) || !is_row(delim) || !is_delim || head.contains(['[', '<', '!']) {
        return None;
    }
    let header = &block[..head.len() + delim.len()];
    let rows_at = header.len();
    // Every row line starts with `|`, so none can end the table early; the
    // trailing blank lines stay with the last part.
    let rest = &block[rows_at..];
    let body_end = rest.trim_end().len();
    if !rest[..body_end].split('\n').all(is_row) {
        return None;
    }
    let mut parts = Vec::new();
    let (mut from, mut from_line) = (0, line + 2);
    while from < rest.len() {
        let mut to = (from + CHUNK).min(rest.len());
        if to < body_end {
            // Bytes, not chars: `to` may fall inside a character.
            let next = rest.as_bytes()[to..].iter().position(|&b| b == b'\n');
            to = next.map_or(rest.len(), |i| to + i + 1);
        } else {
            to = rest.len();
        }
        let rows = &rest[from..to];
        parts.push(Chunk {
            text: Cow::Owned(format!("{header}{rows}")),
            first_line: from_line,
            kind: Kind::TablePart {
                head_line: line,
                first: from == 0,
                last: to == rest.len(),
            },
        });
        from_line += rows.matches('\n').count();
        from = to;
    }
    Some(parts)
}

/// A tight list block larger than a chunk as parts of whole top-level
/// items; `None` when `block` is not surely one tight list: a blank line
/// inside, or a line that is neither an item of the same kind nor indented
/// into the item above.
fn list_parts(block: &str, line: usize) -> Option<Vec<Chunk<'_>>> {
    let kind = item_kind(block)?.0;
    let body = block.trim_end();
    let mut cuts = vec![0];
    let mut indent = 0;
    let mut at = 0;
    for l in body.split_inclusive('\n') {
        let spaces = l.len() - l.trim_start_matches(' ').len();
        if l.trim().is_empty() {
            return None;
        } else if spaces == 0 {
            let (k, content) = item_kind(l)?;
            if k != kind {
                return None;
            }
            if at > 0 && at - cuts[cuts.len() - 1] >= CHUNK {
                cuts.push(at);
            }
            indent = content;
        } else if spaces < indent {
            return None;
        }
        at += l.len();
    }
    cuts.push(block.len());
    let mut first_line = line;
    Some(
        cuts.windows(2)
            .map(|w| {
                let text = &block[w[0]..w[1]];
                let chunk = Chunk {
                    text: Cow::Borrowed(text),
                    first_line,
                    kind: Kind::ListPart {
                        first: w[0] == 0,
                        last: w[1] == block.len(),
                    },
                };
                first_line += text.matches('\n').count();
                chunk
            })
            .collect(),
    )
}

/// For a line starting with a list marker at column 0: the marker's kind
/// (bullet character or ordered delimiter) and the column its content
/// starts at. Thematic breaks (`- - -`) are not items.
fn item_kind(line: &str) -> Option<(u8, usize)> {
    let b = line.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let (kind, width) = match b.first()? {
        c @ (b'-' | b'*' | b'+') => (*c, 1),
        _ if (1..=9).contains(&digits) => (
            *b.get(digits).filter(|c| matches!(c, b'.' | b')'))?,
            digits + 1,
        ),
        _ => return None,
    };
    let rest = &line[width..];
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    let t = line.trim();
    if spaces == 0 && !rest.trim().is_empty()
        || t.len() >= 3 && t.bytes().all(|c| c == kind || c == b' ')
    {
        return None;
    }
    Some((
        kind,
        width + if (1..=4).contains(&spaces) { spaces } else { 1 },
    ))
}

/// Removes the table tags that the parts of a cut table repeat: the
/// header of every part but the first, the end of every part but the last.
pub fn join_table_part(html: &mut String, start: usize, first: bool, last: bool) {
    const OPEN: &str = "<tbody>\n";
    const CLOSE: &str = "</tbody>\n</table>\n";
    if !last {
        if let Some(i) = html[start..].rfind(CLOSE) {
            html.truncate(start + i);
        }
    }
    if !first {
        if let Some(i) = html[start..].find(OPEN) {
            html.replace_range(start..start + i + OPEN.len(), "");
        }
    }
}

/// Removes the list tags that the parts of a cut list repeat: the first
/// line (`<ul>`, `<ol start="3">`) of every part but the first, the last of
/// every part but the last.
pub fn join_list_part(html: &mut String, start: usize, first: bool, last: bool) {
    if !last && (html.ends_with("</ul>\n") || html.ends_with("</ol>\n")) {
        html.truncate(html.len() - "</ul>\n".len());
    }
    if !first {
        if let Some(i) = html[start..].find('\n') {
            html.replace_range(start..start + i + 1, "");
        }
    }
}

/// A block over `limits.max_block_marks` as a plain paragraph.
pub fn dense_html(text: &str, html: &mut String) {
    html.push_str("<p>");
    // Writing to a String cannot fail.
    let _ = super::highlight::write_escaped(html, text.trim_end());
    html.push_str("</p>\n");
}

/// The warning for a block shown as text, at its first line in the file
/// (`shift`: lines of the file before the body).
pub fn dense_warning(
    chunk: &Chunk,
    marks: usize,
    shift: usize,
) -> (usize, usize, crate::diag::Code) {
    (
        chunk.first_line + shift,
        1,
        crate::diag::Code::DenseBlock { marks },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<(String, usize, Kind)> {
        split(body, 1000)
            .into_iter()
            .map(|c| (c.text.into_owned(), c.first_line, c.kind))
            .collect()
    }

    #[test]
    fn small_bodies_are_one_chunk() {
        let body = "# A\n\nB\n\n- c\n";
        assert_eq!(texts(body), [(body.to_string(), 1, Kind::Markdown)]);
    }

    #[test]
    fn cuts_only_where_no_state_crosses() {
        fn cut(body: &str) -> Vec<&str> {
            blocks(body).iter().map(|&(s, e, _)| &body[s..e]).collect()
        }
        assert_eq!(cut("a\nb\n\nc\n\n# d\n"), ["a\nb\n\n", "c\n\n", "# d\n"]);
        // List items may continue the list; indented lines belong above.
        assert_eq!(
            cut("- a\n\n- b\n\n  c\n\n1. d\n"),
            ["- a\n\n- b\n\n  c\n\n1. d\n"]
        );
        assert_eq!(cut("a\n - b\n\n- c\n"), ["a\n - b\n\n- c\n"]);
        // After a paragraph a list item starts a new block.
        assert_eq!(cut("a\n\n- b\n\n- c\n"), ["a\n\n", "- b\n\n- c\n"]);
        // Blank lines inside fences and HTML comments do not end them.
        assert_eq!(
            cut("```\nx\n\ny\n```\n\nz\n"),
            ["```\nx\n\ny\n```\n\n", "z\n"]
        );
        assert_eq!(cut("<!--\n\nx\n-->\n\ny\n"), ["<!--\n\nx\n-->\n\n", "y\n"]);
        assert_eq!(cut("<!-- a -->\n\ny\n"), ["<!-- a -->\n\n", "y\n"]);
        assert_eq!(cut("~~~~\n\n```\n\nq\n~~~~\n\nz\n").len(), 2);
    }

    #[test]
    fn large_bodies_are_cut_into_chunks_with_their_lines() {
        let para = "Đoạn văn bản thử.\n\n";
        let body = para.repeat(2 * CHUNK / para.len() + 10);
        let chunks = split(&body, 1000);
        assert!(chunks.len() >= 2, "{}", chunks.len());
        assert_eq!(
            chunks.iter().map(|c| c.text.as_ref()).collect::<String>(),
            body
        );
        let second = &chunks[1];
        let before: usize = chunks[0].text.matches('\n').count();
        assert_eq!(second.first_line, before + 1);
        // With a reference definition the body stays whole.
        let with_ref = format!("{body}[a]: https://x.vn\n");
        assert_eq!(split(&with_ref, 1000).len(), 1);
    }

    #[test]
    fn dense_blocks_are_kept_apart() {
        let body = format!("Mở đầu.\n\n{}\n\nKết.\n", "[<".repeat(CHUNK));
        let kinds: Vec<_> = split(&body, 1000)
            .into_iter()
            .map(|c| (c.first_line, c.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                (1, Kind::Markdown),
                (3, Kind::Dense { marks: 2 * CHUNK }),
                (5, Kind::Markdown)
            ]
        );
    }

    #[test]
    fn large_tight_lists_are_cut_between_items() {
        let items = "- mục\n  - con\n    tiếp\n".repeat(CHUNK / 20 * 2);
        let body = format!("{items}\nSau.\n");
        let chunks = split(&body, usize::MAX);
        assert_eq!(chunks.len(), 4);
        assert_eq!(
            chunks[..3]
                .iter()
                .map(|c| c.text.as_ref())
                .collect::<String>(),
            format!("{items}\n")
        );
        assert!(chunks[1].text.starts_with("- mục\n"));
        assert_eq!(
            chunks[1].first_line,
            1 + chunks[0].text.matches('\n').count()
        );
        assert!(matches!(
            chunks[0].kind,
            Kind::ListPart {
                first: true,
                last: false
            }
        ));
        // Loose lists, lazy lines and other markers stay whole.
        for other in [
            "- a\n\n- b\n",
            "- a\nlazy\n",
            "- a\n+ b\n",
            "- a\n - b\n",
            "- a\n---\n",
        ] {
            let body = format!("{items}{other}\nSau.\n");
            assert_eq!(split(&body, usize::MAX).len(), 2, "{other:?}");
        }
    }

    #[test]
    fn large_tables_are_cut_between_rows() {
        let rows = "| ệ | 2 |\n".repeat(CHUNK / 12 * 2 + 5);
        let body = format!("Bảng.\n\n| a | b |\n|---|:-:|\n{rows}\nSau.\n");
        let chunks = split(&body, usize::MAX);
        assert_eq!(
            chunks.len(),
            5,
            "{:?}",
            chunks.iter().map(|c| c.kind).collect::<Vec<_>>()
        );
        let head = "| a | b |\n|---|:-:|\n";
        let mut rows_seen = String::new();
        for c in &chunks[1..4] {
            assert!(c.text.starts_with(head));
            rows_seen.push_str(&c.text[head.len()..]);
            assert_eq!(c.body_line(1), 3);
            assert_eq!(c.body_line(3), c.first_line);
        }
        assert_eq!(rows_seen, format!("{rows}\n"));
        assert_eq!(chunks[1].first_line, 5);
        assert!(matches!(
            chunks[1].kind,
            Kind::TablePart {
                first: true,
                last: false,
                ..
            }
        ));
        assert!(matches!(
            chunks[3].kind,
            Kind::TablePart {
                first: false,
                last: true,
                ..
            }
        ));
        // A header with a link is not repeated: the table stays whole.
        let linked = body.replace("| a |", "| [a](b.md) |");
        assert_eq!(split(&linked, usize::MAX).len(), 2);
    }
}
