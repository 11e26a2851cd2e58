//! Attached files as templates see them: name, kind, size, and whether
//! the link downloads them.

use std::path::Path;

use minijinja::context;
use minijinja::value::Value;

use super::Renderer;
use crate::model::{attachment, Site};
use crate::render::theme::{Bytes, Theme};

/// Size in bytes of the file at site path `path`: a copied file of
/// `content/`, else a file of `static/` (site or theme), as measured after
/// linking ([`measure`]).
pub(crate) fn size_of(site: &Site, path: &str) -> Option<u64> {
    site.file_sizes.get(path).copied()
}

/// Measures every attached file of `site` (a few metadata calls), so that
/// pages and their fingerprints follow the files without reading the disk.
pub fn measure(site: &mut Site, theme: &Theme) {
    let disk = |p: &Path| std::fs::metadata(p).ok().map(|m| m.len());
    let paths: std::collections::BTreeSet<&String> = site
        .articles
        .iter()
        .flat_map(|a| &a.attachments)
        .chain(site.pages.iter().flat_map(|p| &p.attachments))
        .collect();
    let mut sizes = std::collections::HashMap::new();
    for path in paths {
        // Both lists are sorted by site path.
        let size = match site.assets.binary_search_by(|c| c.out.as_str().cmp(path)) {
            Ok(i) => disk(&site.assets[i].src),
            Err(_) => theme
                .static_files
                .binary_search_by(|f| f.path.as_str().cmp(path))
                .ok()
                .and_then(|i| match &theme.static_files[i].bytes {
                    Bytes::Embedded(b) => Some(b.len() as u64),
                    Bytes::Disk(p) => disk(p),
                }),
        };
        if let Some(size) = size {
            sizes.insert(path.clone(), size);
        }
    }
    site.file_sizes = sizes;
}

impl Renderer<'_> {
    /// `page.attachments`: the files at site paths `paths`.
    pub(super) fn attachments(&self, paths: &[String]) -> Vec<Value> {
        let lang = self.site.config.lang;
        paths
            .iter()
            .map(|p| {
                let name = crate::vi::nfc(p.rsplit('/').next().unwrap_or(p));
                let ext = attachment::extension(&name)
                    .map(|e| e.to_uppercase())
                    .unwrap_or_default();
                // A theme written before the kinds had names shows the extension.
                let kind_label =
                    match attachment::label_key(p).and_then(|k| self.theme.strings.get(k)) {
                        Some(label) => label.clone(),
                        None if !ext.is_empty() => ext.clone(),
                        None => self.t("file"),
                    };
                let size = size_of(self.site, p);
                context! {
                    path => p,
                    name => name,
                    ext => ext,
                    kind_label => kind_label,
                    size => size.map(|b| lang.size(b)),
                    size_bytes => size,
                    download => attachment::downloads(p),
                }
            })
            .collect()
    }
}
