//! Output paths. An [`OutPath`] is the only thing the output writer accepts,
//! and its only constructor checks every segment, so no file name,
//! front-matter value or config value can reach the disk unchecked: there
//! is no other door.

use std::fmt;

pub use crate::diag::{SegmentError, MAX_SEGMENT_BYTES};

/// English, for tests and logs.
impl fmt::Display for SegmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::diag::en::segment(self))
    }
}

const RESERVED: &[&str] = &["CON", "PRN", "AUX", "NUL"];

fn is_reserved(segment: &str) -> bool {
    let stem = segment.split('.').next().unwrap_or(segment).trim_end();
    let upper = stem.to_ascii_uppercase();
    RESERVED.contains(&upper.as_str())
        || ((upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.len() == 4
            && upper.as_bytes()[3].is_ascii_digit())
}

/// Checks one segment of an output path (a file or folder name).
pub fn check_segment(segment: &str) -> Result<(), SegmentError> {
    if segment.is_empty() {
        return Err(SegmentError::Empty);
    }
    if segment == "." || segment == ".." {
        return Err(SegmentError::Dot(segment.to_string()));
    }
    if let Some(c) = segment
        .chars()
        .find(|&c| c == '/' || c == '\\' || c.is_control())
    {
        return Err(SegmentError::Character(c));
    }
    if is_reserved(segment) {
        return Err(SegmentError::Reserved(segment.to_string()));
    }
    if segment.len() > MAX_SEGMENT_BYTES {
        return Err(SegmentError::TooLong(segment.len()));
    }
    Ok(())
}

/// A checked path of a file inside the output folder: relative, `/`
/// separated, every segment checked by [`check_segment`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OutPath(String);

impl OutPath {
    /// Checks `path` (`tin-tuc/a/index.html`) segment by segment.
    pub fn new(path: &str) -> Result<OutPath, SegmentError> {
        for segment in path.split('/') {
            check_segment(segment)?;
        }
        Ok(OutPath(path.to_string()))
    }

    /// The file of a page path: `tin-tuc/a/` → `tin-tuc/a/index.html`,
    /// the empty path → `index.html`; a path ending in a file name stays.
    pub fn page(path: &str) -> Result<OutPath, SegmentError> {
        if path.is_empty() || path.ends_with('/') {
            OutPath::new(&format!("{path}index.html"))
        } else {
            OutPath::new(path)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Folders that must exist for this file: `a/b/c.html` → `a`, `a/b`.
    pub fn parents(&self) -> impl Iterator<Item = &str> {
        self.0.match_indices('/').map(|(i, _)| &self.0[..i])
    }
}

impl fmt::Display for OutPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_paths() {
        for p in [
            "index.html",
            "tin-tuc/2021/a/index.html",
            "the/hdnd/rss.xml",
            "tin-tuc/a/Báo cáo 50%.pdf",
            "QĐ #12.pdf",
            "console.css",
            "com10.txt",
        ] {
            assert!(OutPath::new(p).is_ok(), "{p}");
        }
    }

    #[test]
    fn bad_paths_name_the_reason() {
        for (p, e) in [
            ("", SegmentError::Empty),
            ("/etc/passwd", SegmentError::Empty),
            ("a//b", SegmentError::Empty),
            ("a/", SegmentError::Empty),
            ("../config.yaml", SegmentError::Dot("..".into())),
            ("a/./b", SegmentError::Dot(".".into())),
            ("..\\..\\config.yaml", SegmentError::Character('\\')),
            ("a\0b", SegmentError::Character('\0')),
            ("a\u{1b}b", SegmentError::Character('\u{1b}')),
            ("a\nb", SegmentError::Character('\n')),
            ("CON", SegmentError::Reserved("CON".into())),
            ("tin/nul.html", SegmentError::Reserved("nul.html".into())),
            ("com1", SegmentError::Reserved("com1".into())),
            ("LPT9.txt", SegmentError::Reserved("LPT9.txt".into())),
        ] {
            assert_eq!(OutPath::new(p), Err(e), "{p:?}");
        }
        let long = "a".repeat(256);
        assert_eq!(OutPath::new(&long), Err(SegmentError::TooLong(256)));
        assert!(OutPath::new(&"ư".repeat(127)).is_ok());
        assert!(OutPath::new(&"ư".repeat(128)).is_err());
    }

    #[test]
    fn pages_and_parents() {
        assert_eq!(OutPath::page("").unwrap().as_str(), "index.html");
        assert_eq!(OutPath::page("a/b/").unwrap().as_str(), "a/b/index.html");
        assert_eq!(OutPath::page("rss.xml").unwrap().as_str(), "rss.xml");
        let p = OutPath::new("a/b/c.html").unwrap();
        assert_eq!(p.parents().collect::<Vec<_>>(), ["a", "a/b"]);
    }
}
