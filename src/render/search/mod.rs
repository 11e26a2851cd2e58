//! The search index, built while pages render: each article job hands its
//! body's plain text to a [`Collector`], which cuts every field into folded
//! words once, as `u32` term ids (syllables, two-syllable phrases and
//! abbreviations), and writes the article's fragment (what a result shows).
//! When every page is made, [`index::write`] merges the terms into small
//! files by term prefix (see `docs/search.md` for the format).

pub mod index;
mod terms;
pub mod text;

use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

pub use terms::{Interner, Synonyms};

use crate::model::Site;
use crate::paths::OutPath;

/// Folder of the index files inside the search page's folder.
pub const INDEX_DIR: &str = "chi-muc";

/// Weight of each field in a term's count: a word of the title counts as
/// much as six of the body.
pub const TITLE: u16 = 6;
pub const TERMS: u16 = 4;
pub const SUMMARY: u16 = 3;
pub const AUTHOR: u16 = 2;
pub const BODY: u16 = 1;

/// Characters of body text a fragment keeps for snippets.
pub const FRAGMENT_TEXT: usize = 5000;

/// The terms of one article: (term id, weighted count), sorted by id, and
/// its length in words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct DocTerms {
    pub terms: Vec<(u32, u16)>,
    pub len: u32,
}

/// Site path of the index folder: `tim-kiem/chi-muc/`.
pub fn index_dir(site: &Site) -> String {
    format!("{}/{INDEX_DIR}/", site.config.urls.search)
}

/// Number of an article in the index: articles are numbered oldest first,
/// so that a new article does not renumber the others.
pub fn doc_number(site: &Site, id: usize) -> usize {
    site.articles.len() - 1 - id
}

/// Site path of the fragment of article `id`.
pub fn fragment_path(site: &Site, id: usize) -> String {
    format!("{}d/{}.js", index_dir(site), doc_number(site, id))
}

/// A script file of the index: `window.__bantinSearch(key, data);`.
/// `<` and `>` are written `\u003c` and `\u003e` (they can only be inside
/// JSON strings), so no text of an article reads as markup, wherever the
/// file is opened.
pub fn script(key: &str, json: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len() + key.len() + 32);
    out.extend_from_slice(b"window.__bantinSearch(\"");
    out.extend_from_slice(key.as_bytes());
    out.extend_from_slice(b"\",");
    for b in json.bytes() {
        match b {
            b'<' => out.extend_from_slice(b"\\u003c"),
            b'>' => out.extend_from_slice(b"\\u003e"),
            b => out.push(b),
        }
    }
    out.extend_from_slice(b");\n");
    out
}

/// Takes each article's text while its page renders.
pub struct Collector<'a> {
    site: &'a Site,
    interner: &'a Interner,
    phrases: terms::Phrases,
    /// Terms of each article (by article id), set once.
    docs: Vec<OnceLock<Arc<DocTerms>>>,
    /// Nanoseconds spent cutting and making fragments, over all threads.
    nanos: AtomicU64,
}

/// What an article's terms are cut from, as a number: when it is the same
/// in two builds, the terms are the same.
pub fn doc_key(site: &Site, id: usize) -> u64 {
    let a = &site.articles[id];
    let mut h = std::hash::DefaultHasher::new();
    (
        a.source_hash,
        &a.title,
        &a.summary,
        a.summary_from_body,
        &a.authors,
    )
        .hash(&mut h);
    for &(t, k) in &a.terms {
        site.taxonomies[t].terms[k].name.hash(&mut h);
    }
    h.finish()
}

impl<'a> Collector<'a> {
    /// A collector for `site`; `known` are the terms of articles kept from
    /// the last build (by article id), which are not cut again.
    pub fn new(
        site: &'a Site,
        interner: &'a Interner,
        synonyms: &'a Synonyms,
        known: Vec<Option<Arc<DocTerms>>>,
    ) -> Self {
        let docs = (0..site.articles.len())
            .map(|i| {
                let cell = OnceLock::new();
                if let Some(Some(d)) = known.get(i) {
                    let _ = cell.set(d.clone());
                }
                cell
            })
            .collect();
        Collector {
            site,
            interner,
            phrases: synonyms.phrases(interner),
            docs,
            nanos: AtomicU64::new(0),
        }
    }

    /// Time spent so far cutting articles and making fragments, summed
    /// over threads.
    pub fn cut_time(&self) -> Duration {
        Duration::from_nanos(self.nanos.load(Ordering::Relaxed))
    }

    /// Whether article `id` still needs its terms.
    pub fn needs(&self, id: usize) -> bool {
        self.docs[id].get().is_none()
    }

    /// Takes the body HTML of article `id` (as its page shows it): cuts
    /// its fields into terms if not done yet, and returns its fragment.
    pub fn article(&self, id: usize, html: &str) -> (OutPath, Vec<u8>) {
        let started = Instant::now();
        let body = text::from_html(html);
        if self.needs(id) {
            let terms = self.terms_of(id, &body);
            let _ = self.docs[id].set(Arc::new(terms));
        }
        let made = self.fragment(id, &body);
        self.nanos
            .fetch_add(started.elapsed().as_nanos() as u64, Ordering::Relaxed);
        made
    }

    fn terms_of(&self, id: usize, body: &str) -> DocTerms {
        let a = &self.site.articles[id];
        let mut cut = terms::Cutter::new(self.interner, &self.phrases);
        cut.field(&a.title, TITLE);
        if !a.summary_from_body {
            cut.field(&a.summary, SUMMARY);
        }
        for &(t, k) in &a.terms {
            let tax = &self.site.taxonomies[t];
            // Authors come from the article itself, below.
            if tax.name != "authors" {
                cut.field(&tax.terms[k].name, TERMS);
            }
        }
        for author in &a.authors {
            cut.field(author, AUTHOR);
        }
        cut.field(body, BODY);
        cut.finish()
    }

    /// The fragment of article `id`: what a result shows of it.
    fn fragment(&self, id: usize, body: &str) -> (OutPath, Vec<u8>) {
        let site = self.site;
        let a = &site.articles[id];
        let categories: Vec<&str> = a
            .terms
            .iter()
            .filter(|&&(t, _)| site.taxonomies[t].name == "categories")
            .map(|&(t, k)| site.taxonomies[t].terms[k].name.as_str())
            .collect();
        let cut = body
            .char_indices()
            .nth(FRAGMENT_TEXT)
            .map_or(body.len(), |(i, _)| i);
        let d = a.date;
        let json = serde_json::json!({
            "t": a.title,
            "u": a.path,
            "d": format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
            "s": if a.section == 0 { "" } else { site.sections[a.section].title.as_str() },
            "c": categories,
            "m": if a.summary_from_body { "" } else { a.summary.as_str() },
            "x": &body[..cut],
        });
        let n = doc_number(site, id);
        let bytes = script(&format!("d/{n}"), &json.to_string());
        let out = OutPath::new(&fragment_path(site, id)).expect("made of checked segments");
        (out, bytes)
    }

    /// The terms of every article, by article id; articles never handed
    /// over are cut now (rendering their body again if it was not kept).
    pub fn into_docs(self) -> Result<Vec<Arc<DocTerms>>, String> {
        let missing: Vec<usize> = (0..self.docs.len()).filter(|&i| self.needs(i)).collect();
        use rayon::prelude::*;
        missing.par_iter().try_for_each(|&id| {
            let (html, _) = self.site.article_html(id)?;
            let body = text::from_html(&html);
            let _ = self.docs[id].set(Arc::new(self.terms_of(id, &body)));
            Ok::<(), String>(())
        })?;
        Ok(self
            .docs
            .into_iter()
            .map(|c| c.into_inner().expect("every article cut above"))
            .collect())
    }
}
