//! Links of bodies to their targets: pages, and files of the site that
//! must exist, with a did-you-mean over those that do.

use std::collections::{HashMap, HashSet};

use crate::content::markdown::LinkKind;
use crate::content::{MdLink, SourceFile};
use crate::diag::{did_you_mean, Code, Diagnostic, FileAdvice, Refusal, Unpublished};

/// What links of bodies may point to.
pub struct Targets<'a> {
    /// Content path of each page → its site path.
    pub pages: &'a HashMap<&'a str, &'a str>,
    pub not_published: &'a HashMap<String, Unpublished>,
    /// Content paths of files with errors of their own.
    pub failed: &'a HashSet<String>,
    /// Content path of each copied file of `content/` → its site path.
    pub files: &'a HashMap<&'a str, String>,
    /// Site paths of the files of `static/`.
    pub statics: &'a HashSet<String>,
    /// Files not published (`content/…`, `static/…`), with why.
    pub refused: &'a HashMap<String, Refusal>,
}

impl Targets<'_> {
    /// The targets of `links` of `file` (site paths with their fragment,
    /// empty where broken), reporting the body's errors `errs` and every
    /// link that leads nowhere.
    pub fn resolve(
        &self,
        file: &SourceFile,
        links: &[MdLink],
        errs: &[(usize, usize, Code)],
        errors: &mut Vec<Diagnostic>,
    ) -> Vec<String> {
        for (l, c, code) in errs {
            errors.push(Diagnostic::error(file.display(), *l, *c, code.clone()));
        }
        links
            .iter()
            .map(|l| {
                let found = match l.kind {
                    LinkKind::Page => self.page(l),
                    LinkKind::Image | LinkKind::File => self.file(l),
                    LinkKind::Other => match self.refusal(l) {
                        Some(e) => Err(e),
                        None => Ok(String::new()),
                    },
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
            return Err(Unresolved::warning(Code::LinkToFailed {
                target: target.to_string(),
            }));
        }
        if let Some(why) = self.not_published.get(target) {
            return Err(Unresolved::error(Code::LinkToUnpublished {
                target: target.to_string(),
                why: *why,
            }));
        }
        let known = self
            .pages
            .keys()
            .copied()
            .chain(self.not_published.keys().map(String::as_str));
        Err(Unresolved::error(Code::LinkToMissingPage {
            target: target.to_string(),
            suggestion: did_you_mean(target, known).map(str::to_string),
        }))
    }

    /// An image or attached file: in `content/` (beside the linking file
    /// for a relative path) or in `static/`.
    fn file(&self, l: &MdLink) -> Result<String, Unresolved> {
        if let Some(path) = self.file_path(l) {
            return Ok(format!("{}{}", crate::url::encode_path(&path), l.fragment));
        }
        if let Some(e) = self.refusal(l) {
            return Err(e);
        }
        let mut places = Vec::new();
        if !l.target.is_empty() {
            places.push(format!("content/{}", l.target));
        }
        if !l.static_path.is_empty() {
            places.push(format!("static/{}", l.static_path));
        }
        Err(Unresolved::error(Code::FileNotFound {
            image: l.kind == LinkKind::Image,
            written: l.written.clone(),
            places,
            advice: self.file_hint(l),
        }))
    }

    /// The error for a link to a file of `content/` (beside the linking
    /// file) or `static/` that is not published, if it names one.
    fn refusal(&self, l: &MdLink) -> Option<Unresolved> {
        let why = [("content", &l.target), ("static", &l.static_path)]
            .into_iter()
            .filter(|(_, p)| !p.is_empty())
            .find_map(|(dir, p)| self.refused.get(&format!("{dir}/{p}")))?;
        Some(Unresolved::error(Code::NotPublishedTarget {
            written: l.written.clone(),
            image: l.kind == LinkKind::Image,
            why: why.clone(),
        }))
    }

    /// The site path of the file an image or file link names, as it is
    /// (not encoded, no fragment), if the file exists.
    pub fn file_path(&self, l: &MdLink) -> Option<String> {
        self.files.get(l.target.as_str()).cloned().or_else(|| {
            [&l.target, &l.static_path]
                .into_iter()
                .find(|p| !p.is_empty() && self.statics.contains(p.as_str()))
                .cloned()
        })
    }

    /// A did-you-mean over the files that exist: the same name in other
    /// case first (Windows ignores case, the web server does not), then a
    /// close name in the same folder.
    fn file_hint(&self, l: &MdLink) -> FileAdvice {
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
            return FileAdvice::OtherCase {
                name: as_written(same),
            };
        }
        let (dir, name) = l.target.rsplit_once('/').unwrap_or(("", &l.target));
        let beside = self.files.keys().filter_map(|c| {
            let (d, n) = c.rsplit_once('/').unwrap_or(("", c));
            (d == dir).then_some(n)
        });
        match did_you_mean(name, beside) {
            Some(near) if !name.is_empty() => FileAdvice::Near {
                name: as_written(near),
            },
            _ => FileAdvice::Place,
        }
    }
}

/// Why a link leads nowhere: an error, or a warning when the target has
/// an error of its own, already reported.
struct Unresolved {
    warning: bool,
    code: Box<Code>,
}

impl Unresolved {
    fn error(code: Code) -> Self {
        Unresolved {
            warning: false,
            code: Box::new(code),
        }
    }

    fn warning(code: Code) -> Self {
        Unresolved {
            warning: true,
            code: Box::new(code),
        }
    }

    fn into_diagnostic(self, file: String, line: usize, column: usize) -> Diagnostic {
        if self.warning {
            Diagnostic::warning(file, line, column, *self.code)
        } else {
            Diagnostic::error(file, line, column, *self.code)
        }
    }
}
