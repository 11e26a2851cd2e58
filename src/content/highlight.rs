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

/// The stylesheet for highlighted code (a light theme with AA contrast).
pub fn stylesheet() -> String {
    use syntect::highlighting::ThemeSet;
    use syntect::html::{css_for_theme_with_class_style, ClassStyle};
    let themes = ThemeSet::load_defaults();
    let theme = &themes.themes["InspiredGitHub"];
    css_for_theme_with_class_style(theme, ClassStyle::SpacedPrefixed { prefix: PREFIX })
        .unwrap_or_default()
}
