//! Site paths written by hand in bodies (`/tin-tuc/`, `../a/`,
//! `trang.html`), checked against the plan: each must name a file of the
//! output, or it is an error at its place with the closest path that does.

use std::collections::HashSet;

use super::plan::{Job, Planned};
use crate::diag::{did_you_mean, Code, Diagnostic};
use crate::model::SiteLink;

/// Errors for the links of `links` whose site path names no file of
/// `plan` (a folder names its `index.html`).
pub fn check(links: &[SiteLink], plan: &[Planned]) -> Vec<Diagnostic> {
    if links.is_empty() {
        return Vec::new();
    }
    let files: HashSet<&str> = plan.iter().map(|p| p.out.as_str()).collect();
    let found = |path: &str| {
        if path.is_empty() || path.ends_with('/') {
            files.contains(format!("{path}index.html").as_str())
        } else {
            files.contains(path)
        }
    };
    // What a reader would link to: pages (as folders and as files), and
    // the other files of the site.
    let near = || {
        plan.iter()
            .filter(|p| {
                !matches!(
                    p.job,
                    Job::Alias(_) | Job::Marker | Job::Variant(_) | Job::SearchDoc(_)
                )
            })
            .flat_map(|p| {
                let out = p.out.as_str();
                std::iter::once(out).chain(out.strip_suffix("index.html"))
            })
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
