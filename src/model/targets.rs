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

/// A site path written by hand in a body (`/tin-tuc/`, `../a/`), to check
/// against the plan of output files once it is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteLink {
    /// The linking file, as shown in messages.
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// The URL as written.
    pub written: String,
    /// The site path it leads to, from the site's root: `tin-tuc/`,
    /// `tin-tuc/a/index.html`, or empty for the home page.
    pub path: String,
}

impl Targets<'_> {
    /// The targets of `links` of `file` (site paths with their fragment,
    /// empty where broken), reporting the body's errors `errs` and every
    /// link that leads nowhere. `page` is the site path of the file's page
    /// (`tin-tuc/a/`), from which relative site paths lead, or `None` when
    /// it has none (it failed); the site paths found are added to `site`,
    /// to be checked against the plan.
    pub fn resolve(
        &self,
        file: &SourceFile,
        page: Option<&str>,
        links: &[MdLink],
        errs: &[(usize, usize, Code)],
        errors: &mut Vec<Diagnostic>,
        site: &mut Vec<SiteLink>,
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
                    // A file content/ does not publish is an error before
                    // the site path is looked for.
                    LinkKind::Site => match self.refusal(l) {
                        Some(e) => Err(e),
                        None => self.site_path(file, page, l, site),
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
        if let Some(found) = self.linked_file(l) {
            return Ok(found);
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

    /// The link to the file a link names, encoded, with its fragment, if
    /// the file exists: a `#` or `?` that splits the URL into no file's
    /// name is part of the name (`QĐ #12.pdf`), and the link is to that file.
    fn linked_file(&self, l: &MdLink) -> Option<String> {
        if let Some(path) = self.find(&l.target, &l.static_path) {
            return Some(format!("{}{}", crate::url::encode_path(&path), l.fragment));
        }
        let (target, fixed) = l.whole.as_ref()?;
        self.find(target, fixed)
            .map(|path| crate::url::encode_path(&path).into_owned())
    }

    /// The site path of the file an image or file link names, as it is
    /// (not encoded, no fragment), if the file exists.
    pub fn file_path(&self, l: &MdLink) -> Option<String> {
        self.find(&l.target, &l.static_path).or_else(|| {
            l.whole
                .as_ref()
                .and_then(|(target, fixed)| self.find(target, fixed))
        })
    }

    /// The site path of content file `target` or else of the file of
    /// `static/` at `target` or `fixed`, if it exists.
    fn find(&self, target: &str, fixed: &str) -> Option<String> {
        self.files.get(target).cloned().or_else(|| {
            [target, fixed]
                .into_iter()
                .find(|p| !p.is_empty() && self.statics.contains(*p))
                .map(str::to_string)
        })
    }

    /// A site path written by hand: a file beside the linking file or in
    /// `static/` as for attachments, else the path from the site's root
    /// (`/…`) or from the page's own address, as a browser reads it at the
    /// site's root; whether an output file is there is checked once the
    /// plan is made (see `render::links`).
    fn site_path(
        &self,
        file: &SourceFile,
        page: Option<&str>,
        l: &MdLink,
        site: &mut Vec<SiteLink>,
    ) -> Result<String, Unresolved> {
        if let Some(found) = self.linked_file(l) {
            return Ok(found);
        }
        let Some(page) = page else {
            return Ok(String::new());
        };
        let (path, _) = crate::content::markdown::split_site_url(&l.written);
        let Some(path) = site_path(page, &path) else {
            return Err(Unresolved::error(Code::SiteLinkNotFound {
                written: l.written.clone(),
                path: None,
                suggestion: None,
            }));
        };
        site.push(SiteLink {
            file: file.display(),
            line: l.line,
            column: l.column,
            written: l.written.clone(),
            path: path.clone(),
        });
        Ok(format!("{}{}", crate::url::encode_path(&path), l.fragment))
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

/// The site path `path` leads to from the page at `page` (`tin-tuc/a/`):
/// from the root when it starts with `/`; a folder keeps its `/`, and a
/// last segment without a `.` is a folder (`/tin-tuc` → `tin-tuc/`).
/// `None` when it climbs above the site's root.
pub fn site_path(page: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = if path.starts_with('/') {
        Vec::new()
    } else {
        page.split('/').filter(|s| !s.is_empty()).collect()
    };
    let mut folder = true;
    for seg in path.split('/') {
        folder = true;
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => {
                parts.push(s);
                folder = !s.contains('.');
            }
        }
    }
    let mut out = parts.join("/");
    if folder && !out.is_empty() {
        out.push('/');
    }
    Some(out)
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
