//! Featured images: found beside the article or page, elsewhere in
//! `content/`, or in `static/`; one not found, or not published, is an error.

use std::collections::{HashMap, HashSet};

use crate::content::markdown::resolve;
use crate::diag::{Code, Diagnostic, Refusal};

/// Where a featured image may be.
pub struct Images<'a> {
    /// Content path of each copied file of `content/` → its site path.
    pub files: &'a HashMap<&'a str, String>,
    /// Site paths of the files of `static/`.
    pub statics: &'a HashSet<String>,
    /// Files not published (`content/…`, `static/…`), with why.
    pub refused: &'a HashMap<String, Refusal>,
}

impl Images<'_> {
    /// The featured image `image` of `file` (shown as such, in content
    /// folder `dir`, written at `pos`): its site path, or an absolute URL
    /// as written; or none, with the error that says why in `errors`.
    pub fn featured(
        &self,
        file: String,
        dir: &str,
        image: &str,
        pos: (usize, usize),
        errors: &mut Vec<Diagnostic>,
    ) -> Option<String> {
        let found = self.find(dir, image);
        if found.is_none() {
            errors.push(self.not_found(file, pos, dir, image));
        }
        found
    }

    fn find(&self, dir: &str, image: &str) -> Option<String> {
        if image.starts_with("http://") || image.starts_with("https://") {
            return Some(image.to_string());
        }
        let trimmed = image.trim_start_matches('/');
        resolve(dir, image)
            .and_then(|rel| self.files.get(rel.as_str()).cloned())
            .or_else(|| self.statics.contains(trimmed).then(|| trimmed.to_string()))
    }

    /// Not found, or found and not published.
    fn not_found(
        &self,
        file: String,
        (l, c): (usize, usize),
        dir: &str,
        image: &str,
    ) -> Diagnostic {
        let refused = resolve(dir, image)
            .map(|rel| format!("content/{rel}"))
            .into_iter()
            .chain(std::iter::once(format!(
                "static/{}",
                image.trim_start_matches('/')
            )))
            .find_map(|p| self.refused.get(&p));
        let code = match refused {
            Some(why) => Code::NotPublishedTarget {
                written: image.to_string(),
                image: true,
                why: why.clone(),
            },
            None => Code::ImageNotFound {
                image: image.to_string(),
            },
        };
        Diagnostic::error(file, l, c, code)
    }
}
