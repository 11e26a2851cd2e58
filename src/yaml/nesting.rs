//! How deep the flow collections (`[…]`, `{…}`) of a YAML text nest,
//! measured before the text reaches libyaml.
//!
//! libyaml's scanner keeps one pending key per open bracket and walks that
//! stack on every token, so its time grows with the depth times the length:
//! tens of kilobytes of `[` take seconds, a config.yaml of a few hundred
//! kilobytes minutes. No setting of bantin nests more than a few levels, so
//! a text nested deeper than [`LIMIT`] is refused here, in time linear in
//! its length. Indentation (block) nesting costs libyaml no more than its
//! length, and serde_yaml's own depth limit reports it.
//!
//! To find the brackets that open collections and not those inside
//! quotes, comments, block scalars (`|`, `>`) or plain text, this follows
//! libyaml's scanner (`yaml_parser_fetch_next_token` and the scanners of
//! each token) as far as the flow level depends on it: the same indentation
//! stack, the same one pending key outside brackets, the same ends of
//! scalars. Where libyaml would stop with a syntax error, this goes on
//! reading: that can only find more depth than libyaml would reach, never
//! less, so the refusal holds for every text libyaml would scan slowly.

/// Deepest flow nesting a YAML text of bantin may have.
pub const LIMIT: usize = 32;

/// Byte offset of the first `[` or `{` of `text` that opens a flow
/// collection inside `limit` others, or `None`.
pub fn too_deep(text: &str, limit: usize) -> Option<usize> {
    Scanner::new(text.as_bytes()).run(limit)
}

/// The one key libyaml may be waiting for outside brackets (its
/// `simple_keys` stack at flow level 0): where a token that can be a key
/// began, while a `:` after it would still make it one.
#[derive(Clone, Copy)]
struct Key {
    line: usize,
    /// Characters from the start of the text (libyaml's `mark.index`).
    index: usize,
    column: usize,
}

struct Scanner<'a> {
    b: &'a [u8],
    /// Byte offset of the next character.
    at: usize,
    line: usize,
    column: usize,
    index: usize,
    /// Open brackets.
    flow: usize,
    /// Column of the innermost block collection; -1 outside any.
    indent: isize,
    indents: Vec<isize>,
    /// Whether a key may start here (libyaml's `simple_key_allowed`).
    key_allowed: bool,
    /// The pending key outside brackets, if any.
    key: Option<Key>,
}

impl<'a> Scanner<'a> {
    fn new(b: &'a [u8]) -> Self {
        Scanner {
            b,
            at: 0,
            line: 0,
            column: 0,
            index: 0,
            flow: 0,
            indent: -1,
            indents: Vec::new(),
            key_allowed: true,
            key: None,
        }
    }

    fn byte(&self, ahead: usize) -> u8 {
        self.b.get(self.at + ahead).copied().unwrap_or(0)
    }

    fn at_end(&self) -> bool {
        self.at >= self.b.len()
    }

    /// Length in bytes of the line break at `ahead`, 0 if none: `\r\n`,
    /// `\r`, `\n`, and the Unicode breaks libyaml also counts (NEL, LS, PS).
    fn break_len(&self, ahead: usize) -> usize {
        match (self.byte(ahead), self.byte(ahead + 1), self.byte(ahead + 2)) {
            (b'\r', b'\n', _) => 2,
            (b'\r' | b'\n', _, _) => 1,
            (0xC2, 0x85, _) => 2,
            (0xE2, 0x80, 0xA8 | 0xA9) => 3,
            _ => 0,
        }
    }

    fn is_blank(&self, ahead: usize) -> bool {
        matches!(self.byte(ahead), b' ' | b'\t')
    }

    /// A blank, a line break or the end (libyaml's `IS_BLANKZ`).
    fn is_blankz(&self, ahead: usize) -> bool {
        self.at + ahead >= self.b.len()
            || self.byte(ahead) == 0
            || self.is_blank(ahead)
            || self.break_len(ahead) > 0
    }

    /// Steps over one character (not a line break).
    fn skip(&mut self) {
        let width = match self.byte(0) {
            b if b < 0x80 => 1,
            b if b >= 0xF0 => 4,
            b if b >= 0xE0 => 3,
            _ => 2,
        };
        self.at = (self.at + width).min(self.b.len());
        self.column += 1;
        self.index += 1;
    }

    /// Steps over the line break here, if there is one.
    fn skip_break(&mut self) -> bool {
        let n = self.break_len(0);
        if n == 0 {
            return false;
        }
        // libyaml counts `\r\n` as two characters of `index`, one break.
        self.index += if n == 2 && self.byte(0) == b'\r' {
            2
        } else {
            1
        };
        self.at += n;
        self.line += 1;
        self.column = 0;
        true
    }

    fn skip_to_break(&mut self) {
        while !self.at_end() && self.break_len(0) == 0 {
            self.skip();
        }
    }

    /// `---` or `...` at the start of a line, then a blank or the end.
    fn document_marker(&self) -> bool {
        self.column == 0
            && ((self.byte(0) == b'-' && self.byte(1) == b'-' && self.byte(2) == b'-')
                || (self.byte(0) == b'.' && self.byte(1) == b'.' && self.byte(2) == b'.'))
            && self.is_blankz(3)
    }

    /// A `:` that ends a key: a pending key outside brackets opens a
    /// mapping at its column.
    fn value_indicator(&mut self) {
        // Inside brackets the pending key is the bracket's own, which
        // changes no indentation.
        let key = if self.flow == 0 {
            self.key.take()
        } else {
            None
        };
        match key {
            Some(key) => {
                self.roll(key.column as isize);
                self.key_allowed = false;
            }
            None => {
                self.roll(self.column as isize);
                self.key_allowed = self.flow == 0;
            }
        }
        self.skip();
    }

    fn run(mut self, limit: usize) -> Option<usize> {
        // The reader takes a byte order mark at the start as the encoding,
        // not as a character of the first line.
        if self.b.starts_with("\u{feff}".as_bytes()) {
            self.at = 3;
        }
        loop {
            self.skip_to_token();
            self.stale_key();
            if self.flow == 0 {
                self.unroll(self.column as isize);
            }
            if self.at_end() {
                return None;
            }
            let c = self.byte(0);
            let next_blankz = self.is_blankz(1);
            match c {
                b'%' if self.column == 0 => {
                    // A directive: its line, break included, holds nothing else.
                    self.unroll(-1);
                    self.key = None;
                    self.key_allowed = false;
                    self.skip_to_break();
                    self.skip_break();
                }
                _ if self.document_marker() => {
                    self.unroll(-1);
                    self.key = None;
                    self.key_allowed = false;
                    self.skip();
                    self.skip();
                    self.skip();
                }
                b'[' | b'{' => {
                    if self.flow == limit {
                        return Some(self.at);
                    }
                    self.save_key();
                    self.flow += 1;
                    self.key_allowed = true;
                    self.skip();
                }
                b']' | b'}' => {
                    self.remove_key();
                    self.flow = self.flow.saturating_sub(1);
                    self.key_allowed = false;
                    self.skip();
                }
                b',' => {
                    self.remove_key();
                    self.key_allowed = true;
                    self.skip();
                }
                b'-' if next_blankz => {
                    self.roll(self.column as isize);
                    self.remove_key();
                    self.key_allowed = true;
                    self.skip();
                }
                b'?' if self.flow > 0 || next_blankz => {
                    self.roll(self.column as isize);
                    self.remove_key();
                    self.key_allowed = self.flow == 0;
                    self.skip();
                }
                b':' if self.flow > 0 || next_blankz => self.value_indicator(),
                b'*' | b'&' => {
                    self.save_key();
                    self.key_allowed = false;
                    self.skip();
                    while matches!(self.byte(0), b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b'_' | b'-')
                    {
                        self.skip();
                    }
                }
                b'!' => {
                    self.save_key();
                    self.key_allowed = false;
                    self.tag();
                }
                b'|' | b'>' if self.flow == 0 => {
                    self.remove_key();
                    self.key_allowed = true;
                    self.block_scalar();
                }
                b'\'' | b'"' => {
                    self.save_key();
                    self.key_allowed = false;
                    self.quoted(c);
                }
                _ if self.starts_plain(c) => {
                    self.save_key();
                    self.key_allowed = false;
                    self.plain();
                }
                // libyaml stops here ("cannot start any token"); reading on
                // can only find more depth, never less.
                _ => self.skip(),
            }
        }
    }

    /// Spaces, comments and line breaks up to the next token
    /// (`yaml_parser_scan_skip_to_token`).
    fn skip_to_token(&mut self) {
        loop {
            if self.column == 0 && self.b[self.at..].starts_with("\u{feff}".as_bytes()) {
                self.skip();
            }
            while self.byte(0) == b' '
                || (self.byte(0) == b'\t' && (self.flow > 0 || !self.key_allowed))
            {
                self.skip();
            }
            if self.byte(0) == b'#' {
                self.skip_to_break();
            }
            if !self.skip_break() {
                return;
            }
            if self.flow == 0 {
                self.key_allowed = true;
            }
        }
    }

    /// A pending key outside brackets stops being one on the next line or
    /// 1024 characters on.
    fn stale_key(&mut self) {
        if let Some(k) = self.key {
            if k.line < self.line || k.index + 1024 < self.index {
                self.key = None;
            }
        }
    }

    fn save_key(&mut self) {
        if self.key_allowed && self.flow == 0 {
            self.key = Some(Key {
                line: self.line,
                index: self.index,
                column: self.column,
            });
        }
    }

    fn remove_key(&mut self) {
        if self.flow == 0 {
            self.key = None;
        }
    }

    /// A block collection starts at `column` if it is deeper than the
    /// current one (`yaml_parser_roll_indent`).
    fn roll(&mut self, column: isize) {
        if self.flow == 0 && self.indent < column {
            self.indents.push(self.indent);
            self.indent = column;
        }
    }

    /// Block collections deeper than `column` end (`yaml_parser_unroll_indent`).
    fn unroll(&mut self, column: isize) {
        if self.flow > 0 {
            return;
        }
        while self.indent > column {
            self.indent = self.indents.pop().unwrap_or(-1);
        }
    }

    /// libyaml's test for the first character of a plain scalar.
    fn starts_plain(&self, c: u8) -> bool {
        let indicator = matches!(
            c,
            b'-' | b'?'
                | b':'
                | b','
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'#'
                | b'&'
                | b'*'
                | b'!'
                | b'|'
                | b'>'
                | b'\''
                | b'"'
                | b'%'
                | b'@'
                | b'`'
        );
        !(self.is_blankz(0) || indicator)
            || (c == b'-' && !self.is_blank(1))
            || (self.flow == 0 && matches!(c, b'?' | b':') && !self.is_blankz(1))
    }

    /// `!tag`, `!!str`, `!<verbatim>`: the characters of a tag URI. Only the
    /// verbatim form holds brackets, as libyaml reads it.
    fn tag(&mut self) {
        self.skip();
        let verbatim = self.byte(0) == b'<';
        if verbatim {
            self.skip();
        }
        while matches!(
            self.byte(0),
            b'0'..=b'9'
                | b'a'..=b'z'
                | b'A'..=b'Z'
                | b'_'
                | b'-'
                | b';'
                | b'/'
                | b'?'
                | b':'
                | b'@'
                | b'&'
                | b'='
                | b'+'
                | b'$'
                | b'.'
                | b'%'
                | b'!'
                | b'~'
                | b'*'
                | b'\''
                | b'('
                | b')'
        ) || (verbatim && matches!(self.byte(0), b',' | b'[' | b']'))
        {
            self.skip();
        }
        if verbatim && self.byte(0) == b'>' {
            self.skip();
        }
    }

    /// A quoted scalar, which may span lines; `\` escapes in `"…"`, `''`
    /// is a quote in `'…'`.
    fn quoted(&mut self, quote: u8) {
        self.skip();
        loop {
            if self.at_end() || self.document_marker() {
                return;
            }
            let c = self.byte(0);
            if quote == b'\'' && c == b'\'' && self.byte(1) == b'\'' {
                self.skip();
                self.skip();
            } else if c == quote {
                self.skip();
                return;
            } else if quote == b'"' && c == b'\\' {
                self.skip();
                if !self.skip_break() && !self.at_end() {
                    self.skip();
                }
            } else if !self.skip_break() {
                self.skip();
            }
        }
    }

    /// A plain scalar (`yaml_parser_scan_plain_scalar`): it ends at `: `,
    /// at ` #`, at a bracket or comma inside brackets, and outside them at
    /// a line indented no deeper than its block collection.
    fn plain(&mut self) {
        let indent = self.indent + 1;
        let mut leading_break = false;
        loop {
            if self.document_marker() || self.byte(0) == b'#' {
                break;
            }
            while !self.is_blankz(0) {
                let c = self.byte(0);
                if (c == b':' && self.is_blankz(1))
                    || (self.flow > 0 && matches!(c, b',' | b'[' | b']' | b'{' | b'}'))
                {
                    break;
                }
                if self.flow > 0
                    && c == b':'
                    && matches!(self.byte(1), b',' | b'?' | b'[' | b']' | b'{' | b'}')
                {
                    // libyaml stops with an error; read on as tokens.
                    break;
                }
                self.skip();
            }
            if !(self.is_blank(0) || self.break_len(0) > 0) {
                break;
            }
            while self.is_blank(0) || self.break_len(0) > 0 {
                if !self.skip_break() {
                    self.skip();
                } else {
                    leading_break = true;
                }
            }
            if self.flow == 0 && (self.column as isize) < indent {
                break;
            }
        }
        if leading_break {
            self.key_allowed = true;
        }
    }

    /// A literal (`|`) or folded (`>`) block scalar: its header, then the
    /// lines indented at least as far as its first one
    /// (`yaml_parser_scan_block_scalar`).
    fn block_scalar(&mut self) {
        self.skip();
        let mut increment = 0;
        for _ in 0..2 {
            match self.byte(0) {
                b'+' | b'-' => self.skip(),
                d @ b'1'..=b'9' => {
                    increment = isize::from(d - b'0');
                    self.skip();
                }
                _ => {}
            }
        }
        while self.is_blank(0) {
            self.skip();
        }
        if self.byte(0) == b'#' {
            self.skip_to_break();
        }
        if !self.skip_break() {
            // libyaml stops: text after the header. Read on as tokens.
            return;
        }
        let mut indent = if increment == 0 {
            0
        } else if self.indent >= 0 {
            self.indent + increment
        } else {
            increment
        };
        indent = self.block_breaks(indent);
        while self.column as isize == indent && !self.at_end() {
            self.skip_to_break();
            if !self.skip_break() {
                return;
            }
            indent = self.block_breaks(indent);
        }
    }

    /// The indentation and empty lines before a line of a block scalar;
    /// its indentation once known (`yaml_parser_scan_block_scalar_breaks`).
    fn block_breaks(&mut self, mut indent: isize) -> isize {
        let mut max = 0;
        loop {
            while (indent == 0 || (self.column as isize) < indent) && self.byte(0) == b' ' {
                self.skip();
            }
            max = max.max(self.column as isize);
            if !self.skip_break() {
                break;
            }
        }
        if indent == 0 {
            indent = max.max(self.indent + 1).max(1);
        }
        indent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 1-based line and column of the first bracket too deep in `text`.
    fn at(text: &str, limit: usize) -> Option<(usize, usize)> {
        too_deep(text, limit).map(|i| {
            let before = &text[..i];
            let line = before.matches('\n').count() + 1;
            let start = before.rfind('\n').map_or(0, |n| n + 1);
            (line, text[start..i].chars().count() + 1)
        })
    }

    #[test]
    fn brackets_that_open_collections_count() {
        let cases: &[(&str, Option<(usize, usize)>)] = &[
            ("a: [[[x]]]\n", Some((1, 6))),
            ("a: [[x]]\n", None),
            ("a: {b: {c: {d: 1}}}\n", Some((1, 12))),
            ("a: [{b: [c]}]\n", Some((1, 9))),
            ("a:\n  - [\n     [\n       [1]]]\n", Some((4, 8))),
            ("[[[x]]]: 1\n", Some((1, 3))),
            ("a: &x [[[1]]]\n", Some((1, 9))),
            ("a: !!seq [[[1]]]\n", Some((1, 12))),
            ("a: [b, \"c\", [d, [e]]]\n", Some((1, 17))),
            ("a: [[1], [2], [3]]\n", None),
            ("a: [x] # [[[[\nb: [[1]]\n", None),
            ("a: [x]\nb: [[[\n", Some((2, 6))),
            ("a: |\n  [[[[\n  ]]]]\nb: [[[1]]]\n", Some((4, 6))),
            ("a: >-\n\n   {{{{\nb: 1\n", None),
            ("a: \"[[[[\"\nb: '{{{{'\n", None),
            ("a: \"[[\\\"[[\"\n", None),
            ("a: 'it''s [[[['\n", None),
            ("a: x [[[[ y\n", None),
            ("a: x\n  [[[[ y\nb: 1\n", None),
            ("a: x\n[[[[\n", Some((2, 3))),
            ("a: x#[[[[\n", None),
            ("a: [x#[[[[]\n", Some((1, 8))),
            ("- |\n  [[[[\n- [[[1]]]\n", Some((3, 5))),
            ("a:\n  - b: |\n      [[[[\n    c: [[[1]]]\n", Some((4, 10))),
            ("a: |2\n   [[[[\nb: 1\n", None),
            ("\u{feff}...\n[[[x]]]\n", Some((2, 3))),
        ];
        for (text, want) in cases {
            assert_eq!(at(text, 2), *want, "{text:?}");
        }
    }

    #[test]
    fn every_text_serde_yaml_reads_nested_within_the_limit_passes() {
        let texts = [
            "title: \"Kỳ họp [thứ 5]\"\ntags: [HĐND, \"Bắc Kạn\"]\n",
            "menu:\n  - {title: Tin, path: /tin/}\n  - title: Khác\n    children: [{title: a, path: /a/}]\n",
            "description: |\n  Xem [điều 1](https://a.vn/) và {mục 2}.\n  - [ ] việc\nextra: {a: [1, {b: [2]}]}\n",
            "extra:\n  k: >\n    [[[[[[\n  l: 1 # ]]]]\n",
        ];
        for text in texts {
            serde_yaml::from_str::<serde_yaml::Value>(text).unwrap();
            assert_eq!(too_deep(text, 4), None, "{text:?}");
        }
        let exactly = format!("a: {}1{}\n", "[".repeat(LIMIT), "]".repeat(LIMIT));
        assert_eq!(too_deep(&exactly, LIMIT), None);
        let over = format!("a: {}1{}\n", "[".repeat(LIMIT + 1), "]".repeat(LIMIT + 1));
        assert_eq!(too_deep(&over, LIMIT), Some(3 + LIMIT));
    }

    #[test]
    fn any_bytes_end_without_a_panic() {
        for text in [
            "",
            "[",
            "\"",
            "'",
            "|",
            "|9\n",
            "!<",
            "&",
            "a: \"\\",
            "\r\n[\r\n[",
            "\u{85}[\u{2028}{",
            "\u{feff}[[",
            "- - - [",
            "? [\n: {",
            "%YAML 1.1\n--- [",
            "a: |-\n\t[[",
        ] {
            let _ = too_deep(text, 1);
        }
    }
}
