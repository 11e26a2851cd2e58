//! Taxonomies: terms grouped under one key per word (case, Unicode form and
//! tone-mark placement folded), shown with their most common spelling, in
//! Vietnamese alphabetical order; and related articles, by shared tags.

use std::collections::{BTreeMap, HashMap};

use crate::config::TaxonomyConfig;
use crate::diag::Diagnostic;
use crate::model::Article;
use crate::vi::{compare, fold_key, slugify};

/// A taxonomy with its terms in Vietnamese order.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    pub name: String,
    /// URL path of the index: `the/`.
    pub path: String,
    pub terms: Vec<Term>,
    pub paginate_by: Option<usize>,
    pub feed: bool,
}

/// One term and its articles, newest first.
#[derive(Debug, Clone)]
pub struct Term {
    pub name: String,
    pub slug: String,
    /// URL path: `the/bac-kan/`.
    pub path: String,
    pub articles: Vec<usize>,
}

#[derive(Default)]
struct Builder<'a> {
    /// Spelling → (count, first article using it).
    spellings: HashMap<&'a str, (usize, usize)>,
    articles: Vec<usize>,
}

/// Groups `(article id, term as written)` pairs, given in ascending id order.
/// Returns the taxonomy and, per input pair, the index of its term.
pub fn group<'a>(
    cfg: &TaxonomyConfig,
    uses: &[(usize, &'a str)],
    files: &[&crate::content::SourceFile],
    slug_overrides: &std::collections::BTreeMap<String, String>,
) -> Result<(Taxonomy, Vec<usize>), Vec<Diagnostic>> {
    let mut by_key: HashMap<String, usize> = HashMap::new();
    // Most uses repeat a spelling seen before: fold each spelling once.
    let mut by_spelling: HashMap<&'a str, usize> = HashMap::new();
    let mut builders: Vec<Builder<'a>> = Vec::new();
    let mut idx_of_use = Vec::with_capacity(uses.len());
    for &(article, written) in uses {
        let i = *by_spelling.entry(written).or_insert_with(|| {
            *by_key.entry(fold_key(written)).or_insert_with(|| {
                builders.push(Builder::default());
                builders.len() - 1
            })
        });
        let b = &mut builders[i];
        b.spellings.entry(written).or_insert((0, article)).0 += 1;
        if b.articles.last() != Some(&article) {
            b.articles.push(article);
        }
        idx_of_use.push(i);
    }

    let mut errors = Vec::new();
    let terms: Vec<Term> = builders
        .into_iter()
        .map(|b| {
            // The most common spelling; ties go to the one met first.
            let (name, &(_, first)) = b
                .spellings
                .iter()
                .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
                .expect("a term has a spelling");
            let slug = slug_overrides
                .get(*name)
                .or_else(|| {
                    slug_overrides
                        .iter()
                        .find(|(k, _)| fold_key(k) == fold_key(name))
                        .map(|(_, v)| v)
                })
                .cloned()
                .unwrap_or_else(|| slugify(name));
            if slug.is_empty() {
                let code = crate::diag::Code::TermWithoutSlug {
                    taxonomy: cfg.name.clone(),
                    term: name.to_string(),
                };
                errors.push(Diagnostic::error(files[first].display(), 0, 0, code));
            }
            Term {
                name: crate::vi::text::clean_label(name).into_owned(),
                path: format!("{}/{slug}/", cfg.path),
                slug,
                articles: b.articles,
            }
        })
        .collect();

    errors.extend(clashes(cfg, &terms, files));
    if !errors.is_empty() {
        return Err(errors);
    }

    let (terms, idx_of_use) = in_order(terms, idx_of_use);
    Ok((
        Taxonomy {
            name: cfg.name.clone(),
            path: format!("{}/", cfg.path),
            terms,
            paginate_by: cfg.paginate_by,
            feed: cfg.feed,
        },
        idx_of_use,
    ))
}

/// Different words that share a slug are an error, never a silent merge.
fn clashes(
    cfg: &TaxonomyConfig,
    terms: &[Term],
    files: &[&crate::content::SourceFile],
) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let mut by_slug: HashMap<&str, usize> = HashMap::new();
    // Suggested slugs differ from every slug in use and from each other, so
    // applying all the suggestions makes no new clash.
    let mut taken: std::collections::HashSet<String> =
        terms.iter().map(|t| t.slug.clone()).collect();
    for (i, t) in terms.iter().enumerate() {
        if t.slug.is_empty() {
            continue;
        }
        if let Some(&j) = by_slug.get(t.slug.as_str()) {
            let other = &terms[j];
            let (a, b) = (
                files[other.articles[0]].display(),
                files[t.articles[0]].display(),
            );
            let free = (2..)
                .map(|n| format!("{}-{n}", t.slug))
                .find(|s| !taken.contains(s))
                .expect("some number is free");
            taken.insert(free.clone());
            let code = crate::diag::Code::TermsShareUrl {
                taxonomy: cfg.name.clone(),
                term: t.name.clone(),
                file: b.clone(),
                other: other.name.clone(),
                other_file: a,
                path: t.path.clone(),
                free,
            };
            errors.push(Diagnostic::error(b, 0, 0, code));
        } else {
            by_slug.insert(&t.slug, i);
        }
    }
    errors
}

/// Terms in Vietnamese order, and the uses renumbered to match.
fn in_order(mut terms: Vec<Term>, idx_of_use: Vec<usize>) -> (Vec<Term>, Vec<usize>) {
    let mut order: Vec<usize> = (0..terms.len()).collect();
    order.sort_by(|&a, &b| {
        compare(&terms[a].name, &terms[b].name).then_with(|| terms[a].slug.cmp(&terms[b].slug))
    });
    let mut new_index = vec![0; terms.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut slots: Vec<Option<Term>> = terms.drain(..).map(Some).collect();
    let terms = order
        .iter()
        .map(|&old| slots[old].take().expect("each term once"))
        .collect();
    let idx_of_use = idx_of_use.into_iter().map(|i| new_index[i]).collect();
    (terms, idx_of_use)
}

/// Up to five articles sharing the most tags with `id`, nearest in date first.
/// Only a window of each tag's list around the article is scanned, so a tag on
/// half of all articles costs the same as a rare one.
pub fn related(id: usize, articles: &[Article], tax: &Taxonomy, ti: usize) -> Vec<usize> {
    const WINDOW: usize = 12;
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for &(t, term) in &articles[id].terms {
        if t != ti {
            continue;
        }
        let list = &tax.terms[term].articles;
        let pos = list.binary_search(&id).unwrap_or_else(|p| p);
        for &other in &list[pos.saturating_sub(WINDOW)..(pos + WINDOW + 1).min(list.len())] {
            if other != id {
                *counts.entry(other).or_insert(0) += 1;
            }
        }
    }
    let ts = articles[id].date.timestamp();
    let mut cands: Vec<(usize, usize)> = counts.into_iter().collect();
    cands.sort_by_key(|&(other, n)| {
        (
            std::cmp::Reverse(n),
            (articles[other].date.timestamp() - ts).abs(),
            other,
        )
    });
    // Built afresh rather than collected from `cands`, whose much larger
    // buffer a collect would reuse and keep for the life of the site.
    let mut out = Vec::with_capacity(cands.len().min(5));
    out.extend(cands.iter().take(5).map(|&(o, _)| o));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{SourceFile, SourceKind};

    fn sources(n: usize) -> Vec<SourceFile> {
        (0..n)
            .map(|i| SourceFile {
                path: format!("{i}.md").into(),
                rel: format!("{i}.md"),
                kind: SourceKind::Article,
            })
            .collect()
    }

    fn run(uses: &[(usize, &str)]) -> Result<Taxonomy, Vec<Diagnostic>> {
        let files = sources(10);
        let files: Vec<&SourceFile> = files.iter().collect();
        group(
            &TaxonomyConfig::named("tags"),
            uses,
            &files,
            &Default::default(),
        )
        .map(|(t, _)| t)
    }

    #[test]
    fn variants_of_one_tag_are_one_term_with_the_common_spelling() {
        let t = run(&[
            (0, "Bắc Kạn"),
            (1, "bắc kạn"),
            (2, "Bắc Kạn"),
            (3, "BẮC KẠN"),
        ])
        .unwrap();
        assert_eq!(t.terms.len(), 1);
        assert_eq!(t.terms[0].name, "Bắc Kạn");
        assert_eq!(t.terms[0].path, "the/bac-kan/");
        assert_eq!(t.terms[0].articles, vec![0, 1, 2, 3]);
    }

    #[test]
    fn same_slug_different_words_is_an_error_naming_both() {
        let e = run(&[(0, "Thanh Hóa"), (1, "Thanh Hòa")]).unwrap_err();
        assert!(
            e[0].message_en().contains("`Thanh Hóa`") && e[0].message_en().contains("`Thanh Hòa`"),
            "{}",
            e[0].message_en()
        );
        assert!(
            e[0].message_en().contains("content/0.md")
                && e[0].message_en().contains("content/1.md")
        );
        assert!(e[0].hint_en().as_deref().unwrap().contains("term_slugs"));
    }

    #[test]
    fn overrides_resolve_a_clash() {
        let uses = vec![(0, "Bắc Kạn"), (1, "Bắc Cạn")];
        let files = sources(2);
        let files: Vec<&SourceFile> = files.iter().collect();
        let mut o = std::collections::BTreeMap::new();
        o.insert("Bắc Cạn".to_string(), "bac-can-cu".to_string());
        let (t, idx) = group(&TaxonomyConfig::named("tags"), &uses, &files, &o).unwrap();
        assert_eq!(t.terms.len(), 2);
        assert_eq!(t.terms[idx[1]].slug, "bac-can-cu");
    }
}
