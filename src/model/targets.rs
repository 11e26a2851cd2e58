//! Links of bodies to their targets: pages, and files of the site that
//! must exist, with a did-you-mean over those that do.

use std::collections::{HashMap, HashSet};

use crate::content::markdown::LinkKind;
use crate::content::{MdLink, SourceFile};
use crate::diag::{did_you_mean, Diagnostic};

/// What links of bodies may point to.
pub struct Targets<'a> {
    /// Content path of each page → its site path.
    pub pages: &'a HashMap<&'a str, &'a str>,
    pub not_published: &'a HashMap<String, &'static str>,
    /// Content paths of files with errors of their own.
    pub failed: &'a HashSet<String>,
    /// Content path of each copied file of `content/` → its site path.
    pub files: &'a HashMap<&'a str, String>,
    /// Site paths of the files of `static/`.
    pub statics: &'a HashSet<String>,
}

impl Targets<'_> {
    /// The targets of `links` of `file` (site paths with their fragment,
    /// empty where broken), reporting the body's errors `errs` and every
    /// link that leads nowhere.
    pub fn resolve(
        &self,
        file: &SourceFile,
        links: &[MdLink],
        errs: &[(usize, usize, String, String)],
        errors: &mut Vec<Diagnostic>,
    ) -> Vec<String> {
        for (l, c, m, h) in errs {
            errors.push(Diagnostic::error(file.display(), *l, *c, m.clone()).hint(h.clone()));
        }
        links
            .iter()
            .map(|l| {
                let found = match l.kind {
                    LinkKind::Page => self.page(l),
                    LinkKind::Image | LinkKind::File => self.file(l),
                };
                found.unwrap_or_else(|d| {
                    errors.push(d.into_diagnostic(file.display(), l.line, l.column));
                    String::new()
                })
            })
            .collect()
    }

    fn page(&self, l: &MdLink) -> Result<String, Unresolved> {
        let target = l.target.as_str();
        if let Some(path) = self.pages.get(target) {
            return Ok(format!("{path}{}", l.fragment));
        }
        if self.failed.contains(target) {
            return Err(Unresolved::warning(
                format!("link to `{target}`: the target has an error (see above)"),
                format!("fix the error in `content/{target}`; this link works once it is fixed"),
            ));
        }
        if let Some(why) = self.not_published.get(target) {
            return Err(Unresolved::error(
                format!("link to `{target}`, which is {why} and not published"),
                "fix the path (relative to this file's folder) or remove the link".into(),
            ));
        }
        let known = self
            .pages
            .keys()
            .copied()
            .chain(self.not_published.keys().map(String::as_str));
        let hint = match did_you_mean(target, known) {
            Some(s) => {
                format!("did you mean `{s}`? Paths are relative to the linking file's folder")
            }
            None => "fix the path (relative to this file's folder) or remove the link".into(),
        };
        Err(Unresolved::error(
            format!("link to `{target}`, which does not exist in content/"),
            hint,
        ))
    }

    /// An image or attached file: in `content/` (beside the linking file
    /// for a relative path) or in `static/`.
    fn file(&self, l: &MdLink) -> Result<String, Unresolved> {
        let found = self.files.get(l.target.as_str()).cloned().or_else(|| {
            [&l.target, &l.static_path]
                .into_iter()
                .find(|p| !p.is_empty() && self.statics.contains(p.as_str()))
                .cloned()
        });
        if let Some(path) = found {
            return Ok(format!("{}{}", crate::url::encode_path(&path), l.fragment));
        }
        let what = if l.kind == LinkKind::Image {
            "image"
        } else {
            "link"
        };
        let mut nowhere = Vec::new();
        if !l.target.is_empty() {
            nowhere.push(format!("`content/{}`", l.target));
        }
        if !l.static_path.is_empty() {
            nowhere.push(format!("`static/{}`", l.static_path));
        }
        Err(Unresolved::error(
            format!(
                "{what} `{}` not found: there is no file {}",
                l.written,
                nowhere.join(" nor ")
            ),
            self.file_hint(l),
        ))
    }

    /// A did-you-mean over the files that exist: the same name in other
    /// case first (Windows ignores case, the web server does not), then a
    /// close name in the same folder.
    fn file_hint(&self, l: &MdLink) -> String {
        let written_path = l.written.split(['?', '#']).next().unwrap_or("");
        let as_written = |found: &str| {
            let name = found.rsplit('/').next().unwrap_or(found);
            match written_path.rsplit_once('/') {
                Some((dir, _)) => format!("{dir}/{name}"),
                None => name.to_string(),
            }
        };
        let all = self
            .files
            .keys()
            .copied()
            .chain(self.statics.iter().map(String::as_str));
        let (target, fixed) = (l.target.to_lowercase(), l.static_path.to_lowercase());
        if let Some(same) = all
            .clone()
            .find(|c| c.to_lowercase() == target || c.to_lowercase() == fixed)
        {
            return format!(
                "did you mean `{}`? Names differ in upper and lower case, which the web server does not ignore",
                as_written(same)
            );
        }
        let (dir, name) = l.target.rsplit_once('/').unwrap_or(("", &l.target));
        let beside = self.files.keys().filter_map(|c| {
            let (d, n) = c.rsplit_once('/').unwrap_or(("", c));
            (d == dir).then_some(n)
        });
        match did_you_mean(name, beside) {
            Some(near) if !name.is_empty() => format!(
                "did you mean `{}`? Paths are relative to the article's folder",
                as_written(near)
            ),
            _ => "put the file beside the article (as a bundle: `bai-viet/index.md` + \
                  `bai-viet/anh.jpg`) or in static/, and link it by its path"
                .into(),
        }
    }
}

/// Why a link leads nowhere: an error, or a warning when the target has
/// an error of its own, already reported.
struct Unresolved {
    warning: bool,
    message: String,
    hint: String,
}

impl Unresolved {
    fn error(message: String, hint: String) -> Self {
        Unresolved {
            warning: false,
            message,
            hint,
        }
    }

    fn warning(message: String, hint: String) -> Self {
        Unresolved {
            warning: true,
            message,
            hint,
        }
    }

    fn into_diagnostic(self, file: String, line: usize, column: usize) -> Diagnostic {
        let d = if self.warning {
            Diagnostic::warning(file, line, column, self.message)
        } else {
            Diagnostic::error(file, line, column, self.message)
        };
        d.hint(self.hint)
    }
}
