//! What the Markdown walk gives of a body (its HTML, summary, links and
//! problems) and the settings it runs with: the types the walk, the link
//! files and the HTML passes share, kept apart from the walk so that those
//! passes need not import it.

use super::heading_ids::ThemeIds;
use super::sanitize::IframeHosts;
use crate::diag::Code;
use crate::lang::Lang;

/// Placeholder put in `href` for a link to another article; the render stage
/// replaces it with a relative URL once every page's URL is known.
pub const LINK_PLACEHOLDER: &str = "bantin-link:";

/// What a link of the body points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// Another article or section: a `.md` file.
    Page,
    /// An image of the body: `![Ảnh](anh-1.jpg)`.
    Image,
    /// An attached file: `[Toàn văn](nq.pdf)`.
    File,
    /// Any other relative link: a site path written by hand (`/tin-tuc/`,
    /// `../a/`, `trang.html`) or a file of the site of another kind
    /// (`bang.txt`). It must name a file of the output.
    Site,
}

/// A link from the body to another content file, or to a file of the
/// site (an image, an attachment) that must exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MdLink {
    /// Target path inside `content/`, normalised: `tin-tuc/2021/a.md`.
    /// Empty for a file whose path leaves `content/` (it may be in `static/`).
    pub target: String,
    pub kind: LinkKind,
    /// For an image or file: its path from the site root as written
    /// (`/tep/nq.pdf` → `tep/nq.pdf`), to look for in `static/`; and how the
    /// URL was written, for messages.
    pub static_path: String,
    pub written: String,
    /// `#fragment` part, with the `#` and percent-encoded, or empty. For a
    /// [`LinkKind::Site`] link, its `?query` comes first (`?q=a&amp;b=c#x`).
    pub fragment: String,
    /// For a URL that holds `#` or `?`: the URL taken whole as a file name
    /// (`[QĐ](<QĐ #12.pdf>)`), as (`target`, `static_path`). A file of that
    /// name is linked when the URL split at `#` or `?` names none.
    pub whole: Option<(String, String)>,
    pub line: usize,
    pub column: usize,
}

/// A rendered body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    /// HTML with `bantin-link:N` placeholders for links to other articles.
    pub html: String,
    /// Whether `html` was produced (see [`MdSettings::html`]).
    pub rendered: bool,
    /// Plain-text summary: before `<!-- more -->`, else the first paragraph.
    pub summary: String,
    /// Where `html` holds the lead, as `<div class="sapo">…</div>` (see
    /// [`MdSettings::lead`]): the article page shows it in the sapo's
    /// place when nothing comes before it.
    pub lead: Option<std::ops::Range<usize>>,
    pub links: Vec<MdLink>,
    pub has_code: bool,
    /// (line, column, message, hint) of non-fatal problems.
    pub warnings: Vec<(usize, usize, Code)>,
    /// Problems that make the body unusable, such as a link out of `content/`.
    pub errors: Vec<(usize, usize, Code)>,
}

/// Settings for rendering bodies.
#[derive(Debug, Clone, Copy)]
pub struct MdSettings {
    pub unsafe_html: bool,
    pub highlight: bool,
    /// Produce the HTML; off when only the summary and links are needed now
    /// and the body is rendered again at render time to bound memory.
    pub html: bool,
    /// Compute the summary; off when the front matter gives one.
    pub summary: bool,
    /// Wrap the lead the summary comes from in `<div class="sapo">`, so
    /// that an article page shows it once, as the sapo (articles only).
    pub lead: bool,
    /// With `unsafe_html`, the hosts whose `https://` iframes survive
    /// sanitising (`markdown.iframe_hosts` of config.yaml).
    pub iframe_hosts: IframeHosts,
    /// The site's language, for the labels comrak writes (footnotes).
    pub lang: Lang,
    /// Most Markdown marks in one block (`limits.max_block_marks`).
    pub max_block_marks: usize,
    /// The ids the theme writes, which no id of a body may take.
    pub theme_ids: ThemeIds,
}

/// Resolves `target` against content folder `dir`; `None` if it leaves `content/`.
pub fn resolve(dir: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// Text from the body shown in a message: at most 60 characters, with
/// control characters escaped (`java\tscript:`).
pub(super) fn shown(text: &str) -> String {
    const MAX: usize = 60;
    let mut out = String::new();
    for (k, c) in text.chars().enumerate() {
        if k == MAX {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out
}
