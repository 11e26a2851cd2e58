//! URL paths of pages. Paths are site-relative, with no leading slash and a
//! trailing slash for pages (`tin-tuc/2021/a/`); the render stage turns them
//! into links relative to the page they appear on.

use crate::diag::AliasProblem;
use crate::vi::slugify;

/// URL path of a content folder: every segment slugified.
pub fn dir_path(dir: &str) -> String {
    let mut out = String::new();
    for seg in dir.split('/').filter(|s| !s.is_empty()) {
        out.push_str(&slug_or(seg));
        out.push('/');
    }
    out
}

/// Slug of a path segment, keeping something readable when nothing is left.
fn slug_or(seg: &str) -> String {
    let s = slugify(seg);
    if s.is_empty() {
        "-".into()
    } else {
        s
    }
}

/// URL path of an article from its content path; `slug` replaces the last segment.
pub fn article_path(rel: &str, is_bundle: bool, slug: Option<&str>) -> String {
    let stem = if is_bundle {
        rel.strip_suffix("/index.md").unwrap_or("")
    } else {
        rel.strip_suffix(".md")
            .or_else(|| rel.strip_suffix(".MD"))
            .unwrap_or(rel)
    };
    let (dir, last) = stem.rsplit_once('/').unwrap_or(("", stem));
    let last = slug.map(slugify).unwrap_or_else(|| slug_or(last));
    format!("{}{last}/", dir_path(dir))
}

/// Path of page `n` (1-based) of a listing at `base`: page 1 is the listing itself.
pub fn page_path(base: &str, page_segment: &str, n: usize) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{base}{page_segment}/{n}/")
    }
}

/// Output file of a page path: `a/` → `a/index.html`; a path ending in a file name stays.
pub fn output_file(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

/// Output file of an alias such as `/tin-cu/123.html` or `/tin-cu/123/`,
/// or why it cannot be one: it must be a plain site path, since a redirect
/// page is a file (no scheme, host, query, fragment, spaces or `..`).
pub fn alias_file(alias: &str) -> Result<String, AliasProblem> {
    if let Some(c) = alias.chars().find(|&c| {
        c.is_whitespace() || c.is_control() || matches!(c, '?' | '#' | '\\' | '"' | '<' | '>')
    }) {
        return Err(AliasProblem::Character(c));
    }
    if alias.contains("://") || alias.starts_with("//") {
        return Err(AliasProblem::FullAddress);
    }
    let a = alias.trim_start_matches('/');
    if a.is_empty() {
        return Err(AliasProblem::Home);
    }
    if let Some(s) = a.split('/').find(|s| *s == ".." || *s == ".") {
        return Err(AliasProblem::Dot(s.to_string()));
    }
    if a.ends_with(".html") || a.ends_with(".htm") {
        Ok(a.to_string())
    } else {
        Ok(format!("{}/index.html", a.trim_end_matches('/')))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_paths() {
        assert_eq!(
            article_path("Tin tức/2021/Giao ban HĐND.md", false, None),
            "tin-tuc/2021/giao-ban-hdnd/"
        );
        assert_eq!(
            article_path("tin-tuc/2021/le-ky-niem/index.md", true, None),
            "tin-tuc/2021/le-ky-niem/"
        );
        assert_eq!(
            article_path("tin-tuc/2021/a.md", false, Some("Giao ban")),
            "tin-tuc/2021/giao-ban/"
        );
        assert_eq!(article_path("a.md", false, None), "a/");
    }

    #[test]
    fn pages_and_files() {
        assert_eq!(page_path("tin-tuc/", "trang", 1), "tin-tuc/");
        assert_eq!(page_path("tin-tuc/", "trang", 2), "tin-tuc/trang/2/");
        assert_eq!(page_path("", "trang", 3), "trang/3/");
        assert_eq!(output_file(""), "index.html");
        assert_eq!(output_file("rss.xml"), "rss.xml");
        assert_eq!(
            alias_file("/tin-cu/123.html").as_deref(),
            Ok("tin-cu/123.html")
        );
        assert_eq!(
            alias_file("/tin-cu/123/").as_deref(),
            Ok("tin-cu/123/index.html")
        );
        for bad in [
            "/../x",
            "/a?id=1",
            "/a#b",
            "/a b.html",
            "/a\u{1}",
            "https://x.vn/a",
            "/",
            "a\\..\\b",
        ] {
            assert!(alias_file(bad).is_err(), "{bad:?}");
        }
    }
}
