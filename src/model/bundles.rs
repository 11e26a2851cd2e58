//! Files of `content/`: where each is published (a bundle's files under its
//! article's or page's URL, the rest by folder), and the attachments of each
//! article and page.

use std::collections::HashMap;

use crate::content::markdown::LinkKind;
use crate::content::{Asset, MdLink, SourceKind};
use crate::vi::compare;

use super::attachment;
use super::targets::Targets;
use super::urls::dir_path;
use super::{Article, Copied, Page};

/// The article or page a bundle's folder belongs to.
#[derive(Clone, Copy)]
enum Owner {
    Article(usize),
    Page(usize),
}

/// Where the files of `content/` go.
pub struct Placed<'a> {
    /// The files copied, sorted by output path.
    pub copied: Vec<Copied>,
    /// Content path of each copied file → its site path.
    pub paths: HashMap<&'a str, String>,
    /// Per article, the files of its bundle that are not images (site paths),
    /// in the order of `content/`.
    pub article_files: Vec<Vec<String>>,
    /// The same per page.
    pub page_files: Vec<Vec<String>>,
}

/// Whether a file of a bundle is an image, not an attachment. The walk
/// published no picture under another kind of file's name, so the name
/// tells it here.
fn is_image(path: &str) -> bool {
    crate::media::sniff::has_image_extension(path)
}

/// The bundles' folders: each published one with its URL and owner, each
/// in `hidden` (not published) with none.
fn bundle_dirs(
    hidden: Vec<String>,
    articles: &[Article],
    pages: &[Page],
) -> HashMap<String, Option<(String, Owner)>> {
    let mut dirs: HashMap<String, Option<(String, Owner)>> = HashMap::new();
    for dir in hidden {
        dirs.insert(dir, None);
    }
    for (id, a) in articles.iter().enumerate() {
        if a.source.kind == SourceKind::Bundle {
            let owner = Some((a.path.clone(), Owner::Article(id)));
            dirs.insert(a.source.dir().to_string(), owner);
        }
    }
    for (id, p) in pages.iter().enumerate() {
        if p.source.kind == SourceKind::Bundle {
            let owner = Some((p.path.clone(), Owner::Page(id)));
            dirs.insert(p.source.dir().to_string(), owner);
        }
    }
    dirs
}

/// Places every file of `content/`: beside its article or page when in a
/// bundle (the nearest enclosing one owns it), not at all when that bundle
/// is in `hidden`, else by folder.
pub fn place<'a>(
    assets: &'a [Asset],
    hidden: Vec<String>,
    articles: &[Article],
    pages: &[Page],
) -> Placed<'a> {
    let bundle_dirs = bundle_dirs(hidden, articles, pages);
    let mut placed = Placed {
        copied: Vec::new(),
        paths: HashMap::new(),
        article_files: vec![Vec::new(); articles.len()],
        page_files: vec![Vec::new(); pages.len()],
    };
    for asset in assets {
        let (dir, name) = asset
            .rel
            .rsplit_once('/')
            .unwrap_or(("", asset.rel.as_str()));
        let mut d = dir;
        let mut owner = None;
        loop {
            if let Some(o) = bundle_dirs.get(d) {
                owner = Some((d, o.as_ref()));
                break;
            }
            match d.rfind('/') {
                Some(i) => d = &d[..i],
                None => break,
            }
        }
        let out = match owner {
            Some((_, None)) => continue, // the bundle is not published
            Some((bdir, Some((path, owner)))) => {
                let rest = &asset.rel[bdir.len()..].trim_start_matches('/');
                let out = format!("{path}{rest}");
                if !is_image(rest) {
                    match *owner {
                        Owner::Article(id) => placed.article_files[id].push(out.clone()),
                        Owner::Page(id) => placed.page_files[id].push(out.clone()),
                    }
                }
                out
            }
            None => format!("{}{name}", dir_path(dir)),
        };
        placed.paths.insert(asset.rel.as_str(), out.clone());
        placed.copied.push(Copied {
            src: asset.path.clone(),
            out,
            shown: format!("content/{}", asset.rel),
        });
    }
    placed.copied.sort_by(|a, b| a.out.cmp(&b.out));
    placed
}

/// The files of `links` that are attachments (site paths), in the
/// body's order; those that do not exist are reported elsewhere.
pub fn linked_files(targets: &Targets, links: &[MdLink]) -> Vec<String> {
    links
        .iter()
        .filter(|l| l.kind == LinkKind::File)
        .filter_map(|l| targets.file_path(l))
        .filter(|p| attachment::is_attachment(p))
        .collect()
}

/// The attachments of an article or page (site paths): the files its body
/// links to, `linked`, then the other files of its bundle, `bundle`, by
/// name; each file once.
pub fn attachments(linked: Vec<String>, mut bundle: Vec<String>) -> Vec<String> {
    let mut list: Vec<String> = Vec::with_capacity(linked.len() + bundle.len());
    for path in linked {
        if !list.contains(&path) {
            list.push(path);
        }
    }
    bundle.sort_by(|a, b| compare(a, b).then_with(|| a.cmp(b)));
    for path in bundle {
        if !list.contains(&path) {
            list.push(path);
        }
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn attachments_are_the_linked_files_then_the_bundles_by_name_each_once() {
        let linked = strings(&["a/z.pdf", "a/b.pdf", "a/z.pdf"]);
        let bundle = strings(&["a/đơn.docx", "a/b.pdf", "a/dân.xlsx"]);
        assert_eq!(
            attachments(linked, bundle),
            strings(&["a/z.pdf", "a/b.pdf", "a/dân.xlsx", "a/đơn.docx"])
        );
    }
}
