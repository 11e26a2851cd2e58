//! Code highlighting through comrak's syntect adapter, with CSS classes.
//!
//! Syntax sets take tens of milliseconds to load, so they are loaded once per
//! process, and only when a code block is met.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use comrak::adapters::SyntaxHighlighterAdapter;
use comrak::plugins::syntect::{SyntectAdapter, SyntectAdapterBuilder};

/// CSS class prefix of highlighted tokens, so theme styles cannot clash.
const PREFIX: &str = "hl-";

/// Code blocks larger than this are shown without highlighting: syntect's
/// cost grows faster than the text (a 10 MB block took 34 s).
pub const MAX_HIGHLIGHT_BYTES: usize = 256 * 1024;

/// A highlighter that loads syntect on first use.
#[derive(Default)]
pub struct LazyHighlighter {
    inner: OnceLock<SyntectAdapter>,
}

impl LazyHighlighter {
    /// The process-wide highlighter.
    pub fn global() -> &'static LazyHighlighter {
        static H: OnceLock<LazyHighlighter> = OnceLock::new();
        H.get_or_init(LazyHighlighter::default)
    }

    fn get(&self) -> &SyntectAdapter {
        self.inner.get_or_init(|| {
            SyntectAdapterBuilder::new()
                .css_with_class_prefix(PREFIX)
                .build()
        })
    }
}

impl SyntaxHighlighterAdapter for LazyHighlighter {
    fn write_highlighted(
        &self,
        output: &mut dyn fmt::Write,
        lang: Option<&str>,
        code: &str,
    ) -> fmt::Result {
        if code.len() > MAX_HIGHLIGHT_BYTES {
            return write_escaped(output, code);
        }
        self.get().write_highlighted(output, lang, code)
    }

    fn write_pre_tag(
        &self,
        output: &mut dyn fmt::Write,
        attributes: HashMap<&'static str, Cow<'_, str>>,
    ) -> fmt::Result {
        self.get().write_pre_tag(output, attributes)
    }

    fn write_code_tag(
        &self,
        output: &mut dyn fmt::Write,
        attributes: HashMap<&'static str, Cow<'_, str>>,
    ) -> fmt::Result {
        self.get().write_code_tag(output, attributes)
    }
}

/// Writes `text` escaped for HTML text and quoted attributes: `& < > " '`
/// only (not `/`, which would bloat every URL of a page).
pub fn write_escaped(output: &mut dyn fmt::Write, text: &str) -> fmt::Result {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        output.write_str(&text[last..i])?;
        output.write_str(rep)?;
        last = i + 1;
    }
    output.write_str(&text[last..])
}

/// The stylesheet for highlighted code (a light theme with AA contrast).
pub fn stylesheet() -> String {
    use syntect::highlighting::ThemeSet;
    use syntect::html::{css_for_theme_with_class_style, ClassStyle};
    let themes = ThemeSet::load_defaults();
    let theme = &themes.themes["InspiredGitHub"];
    css_for_theme_with_class_style(theme, ClassStyle::SpacedPrefixed { prefix: PREFIX })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_code_blocks_are_escaped_not_highlighted() {
        let code = "<b>&</b>\n".repeat(MAX_HIGHLIGHT_BYTES / 8);
        let mut out = String::new();
        LazyHighlighter::default()
            .write_highlighted(&mut out, Some("html"), &code)
            .unwrap();
        assert!(!out.contains("hl-"));
        assert!(
            out.starts_with("&lt;b&gt;&amp;&lt;/b&gt;\n"),
            "{}",
            &out[..40]
        );
        let mut small = String::new();
        LazyHighlighter::default()
            .write_highlighted(&mut small, Some("html"), "<b>x</b>")
            .unwrap();
        assert!(small.contains("hl-"), "{small}");
    }
}
