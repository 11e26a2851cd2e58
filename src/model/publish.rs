//! Which parsed files are published: sections, pages and articles apart,
//! with drafts, future and expired articles left out and counted.

use std::collections::{HashMap, HashSet};

use crate::content::kind::Kind;
use crate::content::{Body, Parsed, SourceFile, SourceKind};
use crate::diag::{Code, Diagnostic, Unpublished};
use crate::vi::DateTime;

/// Counts of what was left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Published {
    pub drafts: usize,
    pub future: usize,
    pub expired: usize,
}

/// What the build publishes besides what is ready: `--drafts`,
/// `--future`, and the time that decides what is future or expired.
#[derive(Clone, Copy)]
pub struct Shown {
    pub drafts: bool,
    pub future: bool,
    pub now: DateTime,
}

/// Parsed files sorted by what they are and whether they are published.
pub struct Split {
    /// Section files, by content path.
    pub sections: Vec<Parsed>,
    /// Published articles, newest first; ties broken by content path so
    /// that the order is total.
    pub articles: Vec<Parsed>,
    /// Published pages, in the order parsed.
    pub pages: Vec<Parsed>,
    /// Content paths of articles and pages left out, with why.
    pub not_published: HashMap<String, Unpublished>,
    /// Folders of bundles that are not published: their files are not copied.
    pub hidden_bundles: Vec<String>,
    /// Files with an error of their own: those that failed to parse, and
    /// articles without a date (whose bodies are checked with the rest).
    pub failed: HashSet<String>,
    /// Articles without a date, whose links are checked all the same.
    pub undated: Vec<(SourceFile, Body)>,
    pub stats: Published,
}

/// Why an article is not published, if it is not.
fn unpublished(p: &Parsed, shown: Shown) -> Option<Unpublished> {
    let fm = &p.front;
    if fm.draft && !shown.drafts {
        return Some(Unpublished::Draft);
    }
    if fm.date.is_some_and(|d| d > shown.now) && !shown.future {
        return Some(Unpublished::Future);
    }
    if fm.expiry_date.is_some_and(|d| d <= shown.now) {
        return Some(Unpublished::Expired);
    }
    None
}

impl Split {
    /// Leaves `p` out for `why`, counted, its bundle's files with it.
    fn leave_out(&mut self, p: Parsed, why: Unpublished) {
        match why {
            Unpublished::Draft => self.stats.drafts += 1,
            Unpublished::Expired => self.stats.expired += 1,
            Unpublished::Future => self.stats.future += 1,
        }
        if p.file.kind == SourceKind::Bundle {
            self.hidden_bundles.push(p.file.dir().to_string());
        }
        self.not_published.insert(p.file.rel, why);
    }
}

/// Splits sections from pages and articles, leaving out what is not
/// published; an article without a date is an error. `broken` holds the
/// content paths of files that failed to parse.
pub fn split(
    parsed: Vec<Parsed>,
    shown: Shown,
    broken: &HashSet<String>,
    errors: &mut Vec<Diagnostic>,
) -> Split {
    let mut out = Split {
        sections: Vec::new(),
        articles: Vec::new(),
        pages: Vec::new(),
        not_published: HashMap::new(),
        hidden_bundles: Vec::new(),
        failed: broken.clone(),
        undated: Vec::new(),
        stats: Published::default(),
    };
    for p in parsed {
        if p.file.kind == SourceKind::Section {
            out.sections.push(p);
            continue;
        }
        if p.front.kind == Kind::Page {
            if p.front.draft && !shown.drafts {
                out.leave_out(p, Unpublished::Draft);
            } else {
                out.pages.push(p);
            }
            continue;
        }
        if p.front.date.is_none() {
            errors.push(Diagnostic::error(p.file.display(), 1, 1, Code::MissingDate));
            // Its links are checked all the same, and links to it are not
            // called broken: the missing date is what to fix.
            out.failed.insert(p.file.rel.clone());
            out.undated.push((p.file, p.body));
            continue;
        }
        match unpublished(&p, shown) {
            Some(why) => out.leave_out(p, why),
            None => out.articles.push(p),
        }
    }
    out.articles.sort_by(|a, b| {
        let (da, db) = (
            a.front.date.expect("checked"),
            b.front.date.expect("checked"),
        );
        db.cmp(&da).then_with(|| a.file.rel.cmp(&b.file.rel))
    });
    out.sections.sort_by(|a, b| a.file.rel.cmp(&b.file.rel));
    out
}
