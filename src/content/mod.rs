//! Content: walking the tree, reading sources, front matter, Markdown.
//!
//! Everything here works on one file at a time, so files parse in parallel.

pub mod blocks;
mod body;
mod body_html;
mod files;
pub mod front_matter;
pub mod heading_ids;
pub mod highlight;
pub mod kind;
pub mod markdown;
mod raw_ids;
pub mod sanitize;
pub mod source;
pub mod walk;

pub use front_matter::FrontMatter;
pub use markdown::{Body, MdLink};
pub use walk::{Asset, SourceFile, SourceKind, Walk};

/// Width and height of the image file at `path`, read from its header
/// (JPEG, PNG, GIF, WebP, AVIF); `None` for other files and unreadable ones.
pub fn image_size(path: &std::path::Path) -> Option<(u32, u32)> {
    let size = imagesize::size(path).ok()?;
    let (w, h) = (
        u32::try_from(size.width).ok()?,
        u32::try_from(size.height).ok()?,
    );
    (w > 0 && h > 0).then_some((w, h))
}

/// Renders the body of a content file again, for articles whose HTML was not
/// kept in memory after parsing.
pub fn render_body_again(
    file: &SourceFile,
    settings: markdown::MdSettings,
) -> Result<Body, String> {
    let bytes = std::fs::read(&file.path).map_err(|e| format!("cannot read: {e}"))?;
    let src = source::read(&bytes, &file.display()).map_err(|d| d.message_en())?;
    Ok(markdown::render_in(
        src.body(),
        file.dir(),
        src.body_line,
        markdown::MdSettings {
            html: true,
            ..settings
        },
        file.path.parent(),
    ))
}

/// A content file after parsing: front matter and rendered body.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub file: SourceFile,
    pub front: FrontMatter,
    pub body: Body,
    /// Hash of the file's bytes: what the article's page is made from,
    /// beside what other files give it (see `render::fingerprint`).
    pub source_hash: u64,
    /// What reading the file cleaned, such as control characters removed.
    pub warnings: Vec<crate::diag::Diagnostic>,
}
