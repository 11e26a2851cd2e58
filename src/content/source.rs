//! Reading a source file: bytes → NFC text with `\n` line ends, split into
//! front matter and body with the line where each starts.

use crate::diag::{Code, Diagnostic};
use crate::vi::{decode_source, detect_mojibake, nfc_owned};

/// A source file's text, split at its front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub text: String,
    /// Byte range of the YAML between the `---` lines.
    pub front: std::ops::Range<usize>,
    /// Line (1-based) where the YAML starts.
    pub front_line: usize,
    /// Byte offset where the body starts.
    pub body_start: usize,
    /// Line (1-based) where the body starts.
    pub body_line: usize,
    /// What was cleaned on the way, such as control characters removed.
    pub warnings: Vec<Diagnostic>,
}

impl Source {
    pub fn front(&self) -> &str {
        &self.text[self.front.clone()]
    }
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// Decodes and splits `bytes`; `file` names the file in diagnostics.
pub fn read(bytes: &[u8], file: &str) -> Result<Source, Diagnostic> {
    let text = decode_source(bytes).map_err(|e| {
        Diagnostic::error(
            file,
            e.line,
            e.column,
            Code::Encoding { problem: e.problem },
        )
    })?;
    let text = nfc_owned(text);
    let (text, removed) = remove_controls(text, file);
    if let Some(m) = detect_mojibake(&text) {
        return Err(Diagnostic::error(
            file,
            m.line,
            m.column,
            Code::Garbled {
                sample: m.sample,
                encoding: m.encoding,
                preview: m.preview,
            },
        )
        .source(&text));
    }
    let mut src = split(text, file)?;
    src.warnings.extend(removed);
    Ok(src)
}

/// Whether `c` is a control character that a page cannot hold (C0 but tab
/// and line feed, DEL, C1): pasted from Word or a PDF, they make the HTML
/// invalid and show as boxes.
fn is_stray_control(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n'
}

/// Removes stray control characters; one warning per line that had some
/// (at most 10, then a count), each at the first one's position.
fn remove_controls(text: String, file: &str) -> (String, Vec<Diagnostic>) {
    if !text.chars().any(is_stray_control) {
        return (text, Vec::new());
    }
    const SHOWN: usize = 10;
    let mut warnings = Vec::new();
    let mut lines_hit = 0;
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let mut first = None;
        let mut n = 0;
        for (col, c) in line.chars().enumerate() {
            if is_stray_control(c) {
                n += 1;
                first.get_or_insert((col + 1, c));
            } else {
                out.push(c);
            }
        }
        if let Some((col, c)) = first {
            lines_hit += 1;
            if lines_hit <= SHOWN {
                let what = Code::ControlRemoved {
                    code_point: c as u32,
                    count: n,
                };
                warnings.push(Diagnostic::warning(file, i + 1, col, what));
            }
        }
    }
    if lines_hit > SHOWN {
        warnings.push(Diagnostic::warning(
            file,
            0,
            0,
            Code::ControlRemovedMore {
                lines: lines_hit - SHOWN,
            },
        ));
    }
    (out, warnings)
}

/// Splits text at the `---` lines that enclose the front matter.
pub fn split(text: String, file: &str) -> Result<Source, Diagnostic> {
    let first = text.lines().next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err(Diagnostic::error(file, 1, 1, Code::NoFrontMatter).source(&text));
    }
    let front_start = first.len() + 1;
    let mut pos = front_start.min(text.len());
    let mut line = 2;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        if text[pos..end].trim_end() == "---" {
            let body_start = (end + 1).min(text.len());
            return Ok(Source {
                front: front_start..pos,
                front_line: 2,
                body_start,
                body_line: line + 1,
                text,
                warnings: Vec::new(),
            });
        }
        pos = end + 1;
        line += 1;
    }
    Err(Diagnostic::error(file, 1, 1, Code::FrontMatterNotClosed).source(&text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_counts_lines() {
        let s = read(b"\xEF\xBB\xBF---\r\ntitle: a\r\n---\r\nbody\r\n", "a.md").unwrap();
        assert_eq!(s.front(), "title: a\n");
        assert_eq!(s.body(), "body\n");
        assert_eq!((s.front_line, s.body_line), (2, 4));
    }

    #[test]
    fn empty_body_is_fine() {
        let s = read(b"---\ntitle: a\n---", "a.md").unwrap();
        assert_eq!(s.body(), "");
    }

    #[test]
    fn missing_or_unclosed_front_matter() {
        let e = read("Tiêu đề\n".as_bytes(), "a.md").unwrap_err();
        assert!(e.message_en().contains("does not start with front matter"));
        let e = read(b"---\ntitle: a\n", "a.md").unwrap_err();
        assert!(e.message_en().contains("not closed"));
    }

    #[test]
    fn tcvn3_mojibake_is_an_error_with_a_preview() {
        let e = read(
            "---\ntitle: a\n---\nCéng hoµ x· héi chñ nghÜa ViÖt Nam\n".as_bytes(),
            "a.md",
        )
        .unwrap_err();
        assert_eq!(e.line, 4);
        assert!(e.message_en().contains("TCVN3"), "{}", e.message_en());
        assert!(
            e.message_en()
                .contains("Cộng hoà xã hội chủ nghĩa Việt Nam"),
            "{}",
            e.message_en()
        );
    }

    #[test]
    fn legacy_bytes_name_the_encoding() {
        // "Céng hoµ" saved in TCVN3 is not UTF-8 at all.
        let e = read(
            b"---\ntitle: C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca\n---\n",
            "a.md",
        )
        .unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message_en().contains("TCVN3"), "{}", e.message_en());
    }

    #[test]
    fn control_characters_are_removed_with_a_positioned_warning() {
        let s = read(
            "---\ntitle: Kỳ họp\u{1}\u{1b}\n---\nĐoạn\u{c} một.\n\tThụt lề.\n".as_bytes(),
            "a.md",
        )
        .unwrap();
        assert_eq!(s.front(), "title: Kỳ họp\n");
        assert_eq!(s.body(), "Đoạn một.\n\tThụt lề.\n");
        assert_eq!(s.warnings.len(), 2);
        assert_eq!((s.warnings[0].line, s.warnings[0].column), (2, 14));
        assert!(s.warnings[0]
            .message_en()
            .starts_with("2 control characters (U+0001"));
        assert_eq!((s.warnings[1].line, s.warnings[1].column), (4, 5));
        let many = format!("---\ntitle: a\n---\n{}", "x\u{7}\n".repeat(50));
        let s = read(many.as_bytes(), "a.md").unwrap();
        assert_eq!(s.warnings.len(), 11);
        assert!(s.warnings[10].message_en().contains("40 more lines"));
    }

    #[test]
    fn nfd_text_becomes_nfc() {
        let s = read("---\ntitle: Ho\u{0323}\u{0302}i\n---\n".as_bytes(), "a.md").unwrap();
        assert_eq!(s.front(), "title: Hội\n");
    }
}
