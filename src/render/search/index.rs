//! The index files: the terms of every article merged into posting lists,
//! split by term into many small script files, so that a query loads a
//! few kilobytes of a large site's index.
//!
//! - `meta.js`: counts, the first term of each syllable file, years,
//!   sections, categories, synonyms, stop words;
//! - `u/NAME.js` (syllables, abbreviations) and `b/NAME.js` (two-syllable
//!   phrases, whose first terms are in `bm.js`): for each term, its number
//!   of articles and its best [`TIER`] postings;
//! - `r/NAME.js`: the other postings of the terms of file `NAME`;
//! - `f/sI.js`, `f/cK.js`: the articles of section `I`, category `K`;
//! - `d/N.js`: article `N`'s fragment, written by its page's job.
//!
//! A posting is (article number, impact): the BM25 weight of the term in
//! the article without its idf (which the script takes from the number of
//! articles), in 1..=[`LEVELS`]. Postings are sorted by impact, best
//! first, so the first file holds the best articles of every term.

use std::collections::HashMap;
use std::hash::Hasher;
use std::sync::Arc;

use rayon::prelude::*;
use serde_json::json;

use super::terms::{Fx, Synonyms};
use super::{index_dir, script, DocTerms};
use crate::model::Site;
use crate::paths::OutPath;
use crate::render::Sink;

/// Postings of a term in its first file; the rest wait in `r/`.
pub const TIER: usize = 500;
/// Impact levels.
pub const LEVELS: u32 = 31;
const K1: f64 = 1.2;
const B: f64 = 0.75;
/// A term file is cut after about this many bytes (at a term whose hash
/// says so, so that an edit moves few cuts), and always after [`MAX_FILE`].
const MIN_FILE: usize = 6_000;
const MAX_FILE: usize = 16_000;

/// The alphabet of numbers in the index: 5 bits each, the sixth says
/// another character follows.
const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn push_num(out: &mut String, mut v: u32) {
    while v >= 32 {
        out.push(DIGITS[(32 | (v & 31)) as usize] as char);
        v >>= 5;
    }
    out.push(DIGITS[v as usize] as char);
}

/// Postings sorted best first: runs of one impact, each written as
/// impact, count, then article numbers as gaps.
fn encode_postings(list: &[(u32, u8)]) -> String {
    let mut out = String::with_capacity(list.len() * 2 + 8);
    let mut i = 0;
    while i < list.len() {
        let q = list[i].1;
        let run = list[i..].iter().take_while(|p| p.1 == q).count();
        push_num(&mut out, q as u32);
        push_num(&mut out, run as u32);
        let mut prev: i64 = -1;
        for &(doc, _) in &list[i..i + run] {
            push_num(&mut out, (doc as i64 - prev - 1) as u32);
            prev = doc as i64;
        }
        i += run;
    }
    out
}

/// Ascending article numbers as gaps.
fn encode_docs(docs: &[u32]) -> String {
    let mut out = String::with_capacity(docs.len() * 2);
    let mut prev: i64 = -1;
    for &d in docs {
        push_num(&mut out, (d as i64 - prev - 1) as u32);
        prev = d as i64;
    }
    out
}

fn fx(s: &str) -> u64 {
    let mut h = Fx::default();
    h.write(s.as_bytes());
    h.finish()
}

/// What writing the index did: each file's path and the hash of its bytes.
pub type Written = Vec<(String, u64)>;

/// Everything the index files are made from.
pub struct Input<'a> {
    pub site: &'a Site,
    /// Terms of each article, by article id.
    pub docs: &'a [Arc<DocTerms>],
    /// Text of each term id.
    pub texts: &'a [Box<str>],
    pub synonyms: &'a Synonyms,
}

/// Writes the index files (but the fragments) into `sink`; a file whose
/// hash is in `before` for its path is not written again.
pub fn write(
    input: &Input<'_>,
    sink: &dyn Sink,
    before: &HashMap<String, u64>,
) -> std::io::Result<Written> {
    let files = files(input);
    let dir = index_dir(input.site);
    files
        .into_par_iter()
        .map(|(name, bytes)| {
            let path = format!("{dir}{name}");
            let hash = {
                let mut h = std::hash::DefaultHasher::new();
                h.write(&bytes);
                h.finish()
            };
            if before.get(&path) != Some(&hash) {
                let out = OutPath::new(&path).map_err(|e| {
                    std::io::Error::new(std::io::ErrorKind::InvalidInput, e.to_string())
                })?;
                sink.write(&out, &bytes)?;
            }
            Ok((path, hash))
        })
        .collect()
}

/// Every index file but the fragments: (name inside the index folder, bytes).
pub fn files(input: &Input<'_>) -> Vec<(String, Vec<u8>)> {
    let site = input.site;
    let n = input.docs.len();
    let number = |id: usize| (n - 1 - id) as u32;
    let (df, start, postings) = postings(input);
    let live: Vec<u32> = (0..df.len() as u32)
        .filter(|&t| df[t as usize] > 0)
        .collect();
    let (mut words, mut pairs): (Vec<u32>, Vec<u32>) = live
        .into_iter()
        .partition(|&t| !input.texts[t as usize].contains(' '));
    let by_text = |a: &u32, b: &u32| input.texts[*a as usize].cmp(&input.texts[*b as usize]);
    words.par_sort_unstable_by(by_text);
    pairs.par_sort_unstable_by(by_text);
    let size =
        |t: u32| input.texts[t as usize].len() + 10 + (df[t as usize] as usize).min(TIER) * 2;
    let mut out = Vec::new();
    let mut heads = Vec::new();
    for (family, terms) in [("u", &words), ("b", &pairs)] {
        let leaves = cut_files(terms, |t| &input.texts[t as usize], size);
        let mut names: Vec<(String, String)> = Vec::with_capacity(leaves.len());
        let mut taken = std::collections::HashSet::new();
        for leaf in &leaves {
            let first = &input.texts[leaf[0] as usize];
            let mut name = format!("{:08x}", fx(first) as u32);
            let mut k = 1;
            while !taken.insert(name.clone()) {
                k += 1;
                name = format!("{:08x}-{k}", fx(first) as u32);
            }
            names.push((first.to_string(), name));
        }
        let made: Vec<Vec<(String, Vec<u8>)>> = leaves
            .par_iter()
            .zip(&names)
            .map(|(leaf, (_, name))| {
                let mut entries = Vec::with_capacity(leaf.len());
                let mut rest = serde_json::Map::new();
                for &t in *leaf {
                    let mut list = postings[start[t as usize]..start[t as usize + 1]].to_vec();
                    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                    let text = &input.texts[t as usize];
                    let cut = list.len().min(TIER);
                    let mut head = list[..cut].to_vec();
                    head.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                    entries.push(json!([
                        text,
                        df[t as usize],
                        encode_postings(&head),
                        u8::from(cut < list.len())
                    ]));
                    if cut < list.len() {
                        rest.insert(text.to_string(), encode_postings(&list[cut..]).into());
                    }
                }
                let key = format!("{family}/{name}");
                let mut files = vec![(
                    format!("{key}.js"),
                    script(&key, &serde_json::Value::Array(entries).to_string()),
                )];
                if !rest.is_empty() {
                    let key = format!("r/{family}{name}");
                    files.push((
                        format!("{key}.js"),
                        script(&key, &serde_json::Value::Object(rest).to_string()),
                    ));
                }
                files
            })
            .collect();
        out.extend(made.into_iter().flatten());
        heads.push(names);
    }
    let pair_heads = heads.pop().unwrap_or_default();
    let word_heads = heads.pop().unwrap_or_default();
    out.push(("bm.js".into(), script("bm", &json!(pair_heads).to_string())));
    let (section_list, cat_list) = filters(site, n, &mut out);
    // Years: articles are numbered oldest first, so each year is a range.
    let mut years: Vec<(i32, u32)> = Vec::new();
    for id in (0..n).rev() {
        let y = site.articles[id].month.0;
        if years.last().map(|l| l.0) != Some(y) {
            years.push((y, number(id)));
        }
    }
    let meta = json!({
        "v": 1,
        "n": n,
        "k1": K1,
        "levels": LEVELS,
        "u": word_heads,
        "years": years,
        "sections": section_list,
        "categories": cat_list,
        "synonyms": input.synonyms.list,
        "stop": crate::vi::search::STOP_WORDS,
    });
    out.push(("meta.js".into(), script("meta", &meta.to_string())));
    out
}

/// Articles per term (`df`), then the postings of all terms in one buffer:
/// term `t`'s are `postings[start[t]..start[t + 1]]`, as (article number,
/// impact level), in article-number order.
fn postings(input: &Input<'_>) -> (Vec<u32>, Vec<usize>, Vec<(u32, u8)>) {
    let n = input.docs.len();
    let number = |id: usize| (n - 1 - id) as u32;
    let mut df = vec![0u32; input.texts.len()];
    let mut total_len = 0u64;
    for d in input.docs {
        total_len += d.len as u64;
        for &(t, _) in &d.terms {
            df[t as usize] += 1;
        }
    }
    let avgdl = round2((total_len as f64 / n.max(1) as f64).max(1.0));
    let mut start = Vec::with_capacity(df.len() + 1);
    let mut acc = 0usize;
    for &c in &df {
        start.push(acc);
        acc += c as usize;
    }
    start.push(acc);
    let mut fill = start.clone();
    let mut postings = vec![(0u32, 0u8); acc];
    // Oldest first: each term's postings come out in article-number order.
    for id in (0..n).rev() {
        let d = &input.docs[id];
        let norm = K1 * (1.0 - B + B * d.len as f64 / avgdl);
        for &(t, w) in &d.terms {
            let w = w as f64;
            let x = w / (w + norm);
            let q = ((x * LEVELS as f64).round() as u32).clamp(1, LEVELS) as u8;
            let slot = &mut fill[t as usize];
            postings[*slot] = (number(id), q);
            *slot += 1;
        }
    }
    (df, start, postings)
}

/// Filters: the articles of each section and category, a file each pushed
/// to `out`; returns the lists of sections and categories that have any.
fn filters(
    site: &Site,
    n: usize,
    out: &mut Vec<(String, Vec<u8>)>,
) -> (Vec<serde_json::Value>, Vec<serde_json::Value>) {
    let number = |id: usize| (n - 1 - id) as u32;
    let mut sections: Vec<Vec<u32>> = vec![Vec::new(); site.sections.len()];
    let cat_tax = site.taxonomies.iter().position(|t| t.name == "categories");
    let mut cats: Vec<Vec<u32>> = cat_tax.map_or(Vec::new(), |t| {
        vec![Vec::new(); site.taxonomies[t].terms.len()]
    });
    for (id, a) in site.articles.iter().enumerate().rev() {
        sections[a.section].push(number(id));
        for &(t, k) in &a.terms {
            if Some(t) == cat_tax {
                cats[k].push(number(id));
            }
        }
    }
    let mut section_list = Vec::new();
    for (i, docs) in sections.iter().enumerate() {
        if i > 0 && !docs.is_empty() {
            section_list.push(json!([i, site.sections[i].title]));
            let key = format!("f/s{i}");
            out.push((
                format!("{key}.js"),
                script(&key, &json!(encode_docs(docs)).to_string()),
            ));
        }
    }
    let mut cat_list = Vec::new();
    for (k, docs) in cats.iter().enumerate() {
        if !docs.is_empty() {
            let name = &site.taxonomies[cat_tax.expect("cats only with it")].terms[k].name;
            cat_list.push(json!([k, name]));
            let key = format!("f/c{k}");
            out.push((
                format!("{key}.js"),
                script(&key, &json!(encode_docs(docs)).to_string()),
            ));
        }
    }
    (section_list, cat_list)
}

/// `v` rounded to two significant digits, so that editing one article
/// rarely changes the impacts of all the others.
fn round2(v: f64) -> f64 {
    let mag = 10f64.powi(v.log10().floor() as i32 - 1);
    (v / mag).round() * mag
}

/// Cuts sorted terms into files of about [`MIN_FILE`]..[`MAX_FILE`] bytes.
fn cut_files<'t>(
    terms: &'t [u32],
    text: impl Fn(u32) -> &'t str,
    size: impl Fn(u32) -> usize,
) -> Vec<&'t [u32]> {
    let mut out = Vec::new();
    let mut begin = 0;
    let mut bytes = 0;
    for (i, &t) in terms.iter().enumerate() {
        if i > begin && (bytes >= MAX_FILE || (bytes >= MIN_FILE && fx(text(t)) & 3 == 0)) {
            out.push(&terms[begin..i]);
            begin = i;
            bytes = 0;
        }
        bytes += size(t);
    }
    if begin < terms.len() {
        out.push(&terms[begin..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(s: &str) -> Vec<u32> {
        let mut out = Vec::new();
        let (mut v, mut shift) = (0u32, 0);
        for c in s.bytes() {
            let d = DIGITS.iter().position(|&x| x == c).unwrap() as u32;
            v |= (d & 31) << shift;
            if d & 32 == 0 {
                out.push(v);
                v = 0;
                shift = 0;
            } else {
                shift += 5;
            }
        }
        out
    }

    #[test]
    fn numbers_and_postings_round_trip() {
        let mut s = String::new();
        for v in [0, 31, 32, 1000, u32::MAX] {
            push_num(&mut s, v);
        }
        assert_eq!(decode(&s), [0, 31, 32, 1000, u32::MAX]);
        let list = [(3, 9), (7, 9), (2, 4)];
        // impact 9, two: gaps 3 and 3; impact 4, one: gap 2.
        assert_eq!(decode(&encode_postings(&list)), [9, 2, 3, 3, 4, 1, 2]);
        assert_eq!(decode(&encode_docs(&[0, 1, 5])), [0, 0, 3]);
    }

    #[test]
    fn two_significant_digits() {
        assert_eq!(round2(1234.0), 1200.0);
        assert_eq!(round2(987.0), 990.0);
        assert_eq!(round2(5.0), 5.0);
    }
}
