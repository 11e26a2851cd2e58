//! Links in bodies: the `bantin-link:N` placeholders rewritten to their
//! targets, and site paths written by hand (`/tin-tuc/`, `../a/`,
//! `trang.html`) checked against the plan: each must name a file of the
//! output, or it is an error at its place with the closest path that does.
//! A leaf of `render`: pages, feeds and pictures all rewrite links, and the
//! plan checks them, so this module uses none of them.

use std::collections::HashSet;

use crate::content::markdown::LINK_PLACEHOLDER;
use crate::diag::{did_you_mean, Code, Diagnostic};
use crate::model::SiteLink;

/// Errors for the links of `links` whose site path names no file of the
/// output (a folder names its `index.html`). `files` are the output paths
/// in plan order, each with whether a reader would link to it (pages, as
/// folders and as files, and the other files of the site): only those are
/// suggested.
pub fn check(links: &[SiteLink], files: &[(&str, bool)]) -> Vec<Diagnostic> {
    if links.is_empty() {
        return Vec::new();
    }
    let all: HashSet<&str> = files.iter().map(|&(out, _)| out).collect();
    let found = |path: &str| {
        if path.is_empty() || path.ends_with('/') {
            all.contains(format!("{path}index.html").as_str())
        } else {
            all.contains(path)
        }
    };
    let near = || {
        files
            .iter()
            .filter(|&&(_, linkable)| linkable)
            .flat_map(|&(out, _)| std::iter::once(out).chain(out.strip_suffix("index.html")))
    };
    links
        .iter()
        .filter(|l| !found(&l.path))
        .map(|l| {
            let suggestion = did_you_mean(&l.path, near()).map(str::to_string);
            let code = Code::SiteLinkNotFound {
                written: l.written.clone(),
                path: Some(l.path.clone()),
                suggestion,
            };
            Diagnostic::error(l.file.as_str(), l.line, l.column, code)
        })
        .collect()
}

/// Replaces the `bantin-link:N` placeholders of a body with `prefix` and
/// the N-th target, in one pass however many links the body has. Targets
/// are page paths with an encoded fragment, made by bantin.
pub fn rewrite_links(html: &str, links: &[String], prefix: &str, index_html: bool) -> String {
    if links.is_empty() || !html.contains(LINK_PLACEHOLDER) {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + links.len() * prefix.len());
    let mut rest = html;
    // `href="…` of links, `src="…` of images.
    let needle = format!("=\"{LINK_PLACEHOLDER}");
    while let Some(i) = rest.find(&needle) {
        out.push_str(&rest[..i + 2]);
        let href = out.ends_with("href=\"");
        rest = &rest[i + needle.len()..];
        let end = rest.find('"').unwrap_or(rest.len());
        let target = rest[..end].parse::<usize>().ok().and_then(|n| links.get(n));
        let mut download = false;
        if let Some(target) = target {
            // A `?query` or `#fragment` goes after `index.html`.
            let (p, rest) = target.split_at(target.find(['?', '#']).unwrap_or(target.len()));
            // A link to a file a browser cannot show downloads it.
            download = href && crate::model::attachment::downloads(p);
            out.push_str(prefix);
            out.push_str(p);
            if index_html && (p.is_empty() || p.ends_with('/')) {
                out.push_str("index.html");
            }
            out.push_str(rest);
        }
        rest = &rest[end..];
        if download && rest.starts_with('"') {
            out.push_str("\" download");
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}
