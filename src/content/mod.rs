//! Content: walking the tree, reading sources, front matter, Markdown.
//!
//! Everything here works on one file at a time, so files parse in parallel.

pub mod front_matter;
pub mod highlight;
pub mod markdown;
pub mod source;
pub mod walk;

pub use front_matter::FrontMatter;
pub use markdown::{Body, MdLink};
pub use walk::{Asset, SourceFile, SourceKind, Walk};

/// A content file after parsing: front matter and rendered body.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub file: SourceFile,
    pub front: FrontMatter,
    pub body: Body,
}
