//! Positioned diagnostics: every problem of a build, with file, line, column,
//! what is wrong and how to fix it, printed together with a caret excerpt.

use std::fmt;
use std::path::{Path, PathBuf};

pub use crate::lang::Lang;
pub use code::IdOwner;
pub use code::NotPrivate;
pub use code::MAX_SEGMENT_BYTES;
pub use code::{
    Action, AliasProblem, BaseUrlProblem, Code, DateProblem, Doc, Encoding, Expected, FileAdvice,
    ImageProblem, ImageSettingProblem, Io, IoKind, KeyAdvice, Kind, LinkProblem, Output,
    OutputProblem, Page, Problem, SegmentError, SegmentOwner, SynonymProblem, Syntax, TemplateKind,
    Unpublished, UrlError, UrlSegmentProblem,
};
pub use code::{Active, ImageRefusal, Refusal};
// What `serve` reports about requests and served files.
pub use code::{RefusedBy, ServedFile};

mod code;
pub mod en;
pub mod lang;
mod print;
pub mod vi;

/// A message and how to fix it, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub message: String,
    pub hint: Option<String>,
}

impl Text {
    pub fn new(message: impl Into<String>) -> Self {
        Text {
            message: message.into(),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Sets the hint unless there is one.
    pub fn or_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint.get_or_insert_with(|| hint.into());
        self
    }
}

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in the site's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root, as the user sees it.
    pub file: PathBuf,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based, counted in characters; 0 when unknown.
    pub column: usize,
    /// What is wrong, with the values its message needs; worded by the
    /// catalogues in [`vi`] and [`en`]. Boxed: diagnostics travel in
    /// `Result`s, most of which are `Ok`.
    pub code: Box<Code>,
    /// The source line the position points into, for the caret excerpt.
    pub excerpt: Option<String>,
}

impl Diagnostic {
    pub fn error(
        file: impl Into<PathBuf>,
        line: usize,
        column: usize,
        code: impl Into<Code>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line,
            column,
            code: Box::new(code.into()),
            excerpt: None,
        }
    }

    pub fn warning(
        file: impl Into<PathBuf>,
        line: usize,
        column: usize,
        code: impl Into<Code>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Self::error(file, line, column, code)
        }
    }

    /// Attaches the line `self.line` of `source` as the excerpt.
    pub fn source(mut self, source: &str) -> Self {
        if self.line > 0 {
            self.excerpt = source
                .lines()
                .nth(self.line - 1)
                .map(|l| l.trim_end_matches('\r').to_string());
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The stable id of the problem, `BT0001`…
    pub fn id(&self) -> &'static str {
        self.code.id()
    }

    /// What is wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.code.text(lang).message
    }

    /// How to fix it, in `lang`.
    pub fn help(&self, lang: Lang) -> Option<String> {
        self.code.text(lang).hint
    }

    /// The message in English, as tests and logs compare it.
    pub fn message_en(&self) -> String {
        self.message(Lang::En)
    }

    /// The hint in English, as tests and logs compare it.
    pub fn hint_en(&self) -> Option<String> {
        self.help(Lang::En)
    }

    /// The printed report in `lang`: id, `file:line:column`, the source
    /// line with a `^` under the column, what is wrong and how to fix it.
    pub fn report(&self, lang: Lang) -> String {
        print::report(self, lang)
    }

    /// `file:line:column`, leaving out what is unknown.
    pub fn location(&self) -> String {
        let file = self.file.display();
        match (self.line, self.column) {
            (0, _) => format!("{file}"),
            (l, 0) => format!("{file}:{l}"),
            (l, c) => format!("{file}:{l}:{c}"),
        }
    }
}

/// Characters of a source line shown around the column in an excerpt.
pub const EXCERPT_CHARS: usize = 160;

/// Characters of a message or hint printed; a message quotes the user's
/// text, which may be a whole file on one line.
pub const MESSAGE_CHARS: usize = 400;

/// `text` cut to at most `max` characters, with `…` where it was cut.
pub fn clip(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(text),
        Some((i, _)) => std::borrow::Cow::Owned(format!("{}…", &text[..i])),
    }
}

/// The part of `line` shown in an excerpt, at most [`EXCERPT_CHARS`]
/// characters around `column` (1-based, 0 for none), and the column inside it.
pub(crate) fn window(line: &str, column: usize) -> (String, usize) {
    let len = line.chars().count();
    if len <= EXCERPT_CHARS {
        return (line.to_string(), column);
    }
    let at = column.saturating_sub(1).min(len);
    let start = at
        .saturating_sub(EXCERPT_CHARS / 2)
        .min(len - EXCERPT_CHARS);
    let mut shown: String = line.chars().skip(start).take(EXCERPT_CHARS).collect();
    let mut col = if column == 0 { 0 } else { at - start + 1 };
    if start > 0 {
        shown.insert(0, '…');
        col += usize::from(col > 0);
    }
    if start + EXCERPT_CHARS < len {
        shown.push('…');
    }
    (shown, col)
}

/// English, as in a test's failure message; the binary prints
/// [`Diagnostic::report`] in the language the user chose.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.report(Lang::En))
    }
}

/// `menu[0].path` → `menu.path`: a serde path without list indexes.
pub fn key_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            c if !in_index => out.push(c),
            _ => {}
        }
    }
    out
}

/// The last key of a serde path: `menu[0].path` → `path`.
pub fn last_key(path: &str) -> String {
    key_path(path).rsplit('.').next().unwrap_or("").to_string()
}

/// Attaches the source line to each diagnostic at a line of a file under
/// `root` that has none yet, reading each such file once.
pub fn attach_excerpts(root: &Path, diags: &mut [Diagnostic]) {
    let mut texts: std::collections::HashMap<PathBuf, Option<String>> = Default::default();
    for d in diags
        .iter_mut()
        .filter(|d| d.excerpt.is_none() && d.line > 0)
    {
        let text = texts.entry(d.file.clone()).or_insert_with(|| {
            let bytes = std::fs::read(root.join(&d.file)).ok()?;
            crate::vi::decode_source(&bytes)
                .ok()
                .map(crate::vi::nfc_owned)
        });
        if let Some(text) = text {
            d.excerpt = text
                .lines()
                .nth(d.line - 1)
                .map(|l| l.trim_end_matches('\r').to_string());
        }
    }
}

/// Sorts diagnostics by file, then position, so output is deterministic.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by_cached_key(|d| (d.file.clone(), d.line, d.column, d.id(), d.message_en()));
}

/// Path of `path` relative to `root` for display; `path` itself when outside.
pub fn rel(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

/// The closest of `candidates` to `word`, if it is close enough to be a typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (edit_distance(&word, &c.to_lowercase()), c))
        .filter(|&(d, c)| {
            d <= (c.chars().count().max(word.chars().count()) / 3).max(1) || c.starts_with(&word)
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// Edit distance in characters, counting a swap of two neighbours as one
/// edit (`titel` → `title`), the commonest typo in key names.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_key() {
        let keys = ["title", "tags", "categories", "date", "draft"];
        assert_eq!(did_you_mean("tag", keys), Some("tags"));
        assert_eq!(did_you_mean("titel", keys), Some("title"));
        assert_eq!(did_you_mean("category", keys), Some("categories"));
        assert_eq!(did_you_mean("zzzzzz", keys), None);
    }

    #[test]
    fn long_lines_and_messages_are_clipped_around_the_column() {
        let line = format!("{}[x]({})", "a".repeat(5_000_000), "b".repeat(100));
        let code = Code::LinkOutsideContent { url: line.clone() };
        let d = Diagnostic::error("content/a.md", 7, 5_000_001, code)
            .source(&format!("---\n\n\n\n\n\n{line}\n"));
        let s = d.to_string();
        assert!(s.len() < 2_000, "{} bytes printed", s.len());
        let lines: Vec<&str> = s.lines().collect();
        let excerpt = lines.iter().find(|l| l.starts_with(" 7 | ")).unwrap();
        let caret = lines.iter().find(|l| l.trim_end().ends_with('^')).unwrap();
        let at = caret.chars().count() - 1;
        assert_eq!(excerpt.chars().nth(at), Some('['), "{excerpt}\n{caret}");
        assert!(
            excerpt.starts_with(" 7 | …a") && excerpt.ends_with('…'),
            "{excerpt}"
        );
        // Short lines are shown whole.
        assert_eq!(window("abc", 2), ("abc".to_string(), 2));
    }

    #[test]
    fn prints_a_caret_under_the_column() {
        let d = Diagnostic::error("content/a.md", 2, 5, Code::MissingTitle).source("---\ntag: x\n");
        let s = d.report(Lang::En);
        assert!(s.starts_with("error BT0012: missing `title`\n"), "{s}");
        assert!(s.contains("  --> content/a.md:2:5"), "{s}");
        assert!(s.contains(" 2 | tag: x\n   |     ^"), "{s}");
        assert!(s.contains("  = how to fix: add a line"), "{s}");
        let s = d.report(Lang::Vi);
        assert!(
            s.starts_with("lỗi BT0012: thiếu tiêu đề (`title`)\n"),
            "{s}"
        );
        assert!(s.contains("  = cách sửa: hãy thêm dòng"), "{s}");
    }
}
