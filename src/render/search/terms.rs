//! Terms as numbers: every folded syllable and two-syllable phrase gets a
//! `u32` id once, so an article is cut into ids without allocating per
//! word. Each rendering thread keeps its own map in front of the shared
//! one; a phrase is looked up by the ids of its two syllables.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use super::DocTerms;
use crate::vi::search::{is_stop_word, words};

/// A fast hasher for short keys (the Fx hash of rustc); terms are not
/// chosen by an attacker who could profit from collisions.
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut v = [0u8; 8];
            v[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(v));
        }
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(n as u64);
    }
    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(n as u64);
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

impl Fx {
    #[inline]
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

#[derive(Default)]
struct Shared {
    words: FxMap<Box<str>, u32>,
    pairs: FxMap<u64, u32>,
    /// Text of each term by id; a phrase is its two words with a space.
    text: Vec<Box<str>>,
}

/// Ids of terms, shared by threads; kept by `serve` between builds so that
/// kept articles' ids stay valid.
pub struct Interner {
    /// Tells the threads' maps which interner they belong to.
    generation: u64,
    shared: Mutex<Shared>,
}

static GENERATION: AtomicU64 = AtomicU64::new(1);

impl Default for Interner {
    fn default() -> Self {
        Interner {
            generation: GENERATION.fetch_add(1, Ordering::Relaxed),
            shared: Mutex::new(Shared::default()),
        }
    }
}

#[derive(Default)]
struct Local {
    generation: u64,
    words: FxMap<Box<str>, u32>,
    pairs: FxMap<u64, u32>,
}

thread_local! {
    static LOCAL: RefCell<Local> = RefCell::new(Local::default());
}

impl Interner {
    /// Text of every term, by id.
    pub fn texts(&self) -> Vec<Box<str>> {
        self.shared
            .lock()
            .expect("no panics while locked")
            .text
            .clone()
    }

    /// Number of terms.
    pub fn len(&self) -> usize {
        self.shared
            .lock()
            .expect("no panics while locked")
            .text
            .len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn with_local<R>(&self, f: impl FnOnce(&mut Local) -> R) -> R {
        LOCAL.with(|l| {
            let mut l = l.borrow_mut();
            if l.generation != self.generation {
                *l = Local {
                    generation: self.generation,
                    ..Local::default()
                };
            }
            f(&mut l)
        })
    }

    /// Id of the folded word `w`.
    pub fn word(&self, w: &str) -> u32 {
        self.with_local(|l| {
            if let Some(&id) = l.words.get(w) {
                return id;
            }
            let mut s = self.shared.lock().expect("no panics while locked");
            let next = s.text.len() as u32;
            let id = *s.words.entry(w.into()).or_insert(next);
            if id == next {
                s.text.push(w.into());
            }
            l.words.insert(w.into(), id);
            id
        })
    }

    /// Id of the phrase of words `a` and `b` (ids).
    pub fn pair(&self, a: u32, b: u32) -> u32 {
        let key = (a as u64) << 32 | b as u64;
        self.with_local(|l| {
            if let Some(&id) = l.pairs.get(&key) {
                return id;
            }
            let mut s = self.shared.lock().expect("no panics while locked");
            let next = s.text.len() as u32;
            let id = *s.pairs.entry(key).or_insert(next);
            if id == next {
                let text = format!("{} {}", s.text[a as usize], s.text[b as usize]);
                s.text.push(text.into());
            }
            l.pairs.insert(key, id);
            id
        })
    }
}

/// Abbreviations and what they stand for, as ids: an article that writes
/// `Hội đồng nhân dân` gets the term `hdnd` too, so a search for `HĐND`
/// finds it, and the search script asks for `hdnd` when a query spells
/// the phrase out.
#[derive(Debug, Default, Clone)]
pub struct Synonyms {
    /// (abbreviation folded, expansions as folded words), sorted.
    pub list: Vec<(String, Vec<Vec<String>>)>,
}

/// The synonyms as ids: (words of the expansion, id of the abbreviation),
/// by the id of the expansion's last word.
pub struct Phrases {
    by_last: FxMap<u32, Vec<(Vec<u32>, u32)>>,
    longest: usize,
}

impl Synonyms {
    /// From (abbreviation, expansions) pairs as written: the theme's list,
    /// then the site's.
    pub fn new<'s>(pairs: impl IntoIterator<Item = (&'s str, &'s [String])>) -> Synonyms {
        let mut map: std::collections::BTreeMap<String, Vec<Vec<String>>> = Default::default();
        for (short, long) in pairs {
            let key = crate::vi::search::folded_words(short).concat();
            if key.is_empty() {
                continue;
            }
            let e = map.entry(key).or_default();
            for l in long {
                let w = crate::vi::search::folded_words(l);
                if !w.is_empty() && !e.contains(&w) {
                    e.push(w);
                }
            }
        }
        Synonyms {
            list: map.into_iter().collect(),
        }
    }

    /// The synonyms as term ids of `interner`.
    pub fn phrases(&self, interner: &Interner) -> Phrases {
        let mut by_last: FxMap<u32, Vec<(Vec<u32>, u32)>> = FxMap::default();
        let mut longest = 0;
        for (short, longs) in &self.list {
            let id = interner.word(short);
            for l in longs {
                let ids: Vec<u32> = l.iter().map(|w| interner.word(w)).collect();
                longest = longest.max(ids.len());
                by_last
                    .entry(*ids.last().expect("checked not empty"))
                    .or_default()
                    .push((ids, id));
            }
        }
        Phrases { by_last, longest }
    }
}

/// Cuts the fields of one article into weighted term ids.
pub struct Cutter<'a> {
    interner: &'a Interner,
    phrases: &'a Phrases,
    buf: String,
    out: Vec<(u32, u16)>,
    len: u32,
}

impl<'a> Cutter<'a> {
    pub fn new(interner: &'a Interner, phrases: &'a Phrases) -> Self {
        Cutter {
            interner,
            phrases,
            buf: String::new(),
            out: Vec::new(),
            len: 0,
        }
    }

    /// Adds the words of `text` with `weight`: each syllable but stop words,
    /// each two joined syllables (unless both are stop words), and the
    /// abbreviation of each phrase the synonyms know.
    pub fn field(&mut self, text: &str, weight: u16) {
        let Cutter {
            interner,
            phrases,
            buf,
            out,
            len,
        } = self;
        // The last words of the current phrase, newest last.
        let mut recent: Vec<(u32, bool)> = Vec::with_capacity(8);
        words(text, buf, |w| {
            let id = interner.word(w.folded);
            let stop = is_stop_word(&w);
            if !w.joined {
                recent.clear();
            }
            if !stop {
                out.push((id, weight));
                *len += 1;
            }
            if let Some(&(prev, prev_stop)) = recent.last() {
                if !(prev_stop && stop) {
                    out.push((interner.pair(prev, id), weight));
                }
            }
            if recent.len() == recent.capacity() {
                recent.remove(0);
            }
            recent.push((id, stop));
            if let Some(cands) = phrases.by_last.get(&id) {
                for (ids, short) in cands {
                    let n = ids.len();
                    if n <= recent.len()
                        && n <= phrases.longest
                        && recent[recent.len() - n..]
                            .iter()
                            .map(|r| r.0)
                            .eq(ids.iter().copied())
                    {
                        out.push((*short, weight));
                    }
                }
            }
        });
    }

    /// The article's terms, each once with its summed weight.
    pub fn finish(mut self) -> DocTerms {
        self.out.sort_unstable_by_key(|t| t.0);
        let mut terms: Vec<(u32, u16)> = Vec::with_capacity(self.out.len() / 2);
        for (id, w) in self.out {
            match terms.last_mut() {
                Some(last) if last.0 == id => last.1 = last.1.saturating_add(w),
                _ => terms.push((id, w)),
            }
        }
        terms.shrink_to_fit();
        DocTerms {
            terms,
            len: self.len,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, synonyms: &Synonyms) -> Vec<(String, u16)> {
        let interner = Interner::default();
        let phrases = synonyms.phrases(&interner);
        let mut c = Cutter::new(&interner, &phrases);
        c.field(text, 1);
        let d = c.finish();
        let texts = interner.texts();
        let mut out: Vec<(String, u16)> = d
            .terms
            .iter()
            .map(|&(id, w)| (texts[id as usize].to_string(), w))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn syllables_phrases_and_stop_words() {
        let t = cut("Đường của dân, đường", &Synonyms::default());
        let names: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(names, ["cua dan", "dan", "duong", "duong cua"]);
        assert_eq!(t[2].1, 2, "duong twice");
    }

    #[test]
    fn an_abbreviation_is_added_where_its_phrase_is_written() {
        let long = vec!["Hội đồng nhân dân".to_string()];
        let syn = Synonyms::new([("HĐND", long.as_slice())]);
        let t = cut("Kỳ họp của Hội đồng nhân dân tỉnh", &syn);
        assert!(t.iter().any(|x| x.0 == "hdnd"), "{t:?}");
        // Not when the words are apart.
        let t = cut("hội đồng. Nhân dân", &syn);
        assert!(!t.iter().any(|x| x.0 == "hdnd"), "{t:?}");
    }

    #[test]
    fn ids_are_shared_across_threads() {
        let interner = Interner::default();
        let ids: Vec<u32> = std::thread::scope(|s| {
            let hs: Vec<_> = (0..4).map(|_| s.spawn(|| interner.word("hoi"))).collect();
            hs.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(ids.iter().all(|&i| i == ids[0]));
        assert_eq!(interner.len(), 1);
    }
}
