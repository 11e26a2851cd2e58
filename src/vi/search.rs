//! Words for search: text cut into syllables, each folded the way readers
//! type it — lowercase, without diacritics, `đ` as `d` — so that `duong`
//! finds `đường` and `HĐND` finds `hđnd`. NFC and NFD text fold alike.
//!
//! This runs over every word of every article, so ASCII letters take a fast
//! path and nothing allocates per word: the caller gives a buffer.
//! `themes/default/static/search.js` folds queries the same way.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Longest word indexed, in bytes of its folded form; longer runs (URLs
/// without separators, base64) are not words anyone types.
pub const MAX_WORD: usize = 40;

/// Appends `c` folded to `out`: lowercase, without tone or vowel marks,
/// `đ`/`Đ` as `d`. Combining marks (of NFD text) fold to nothing.
#[inline]
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
        c if is_combining_mark(c) => {}
        c => {
            // The first character of the canonical decomposition is the
            // base letter (`ộ` → `o` + marks); letters without one are kept.
            let mut base = None;
            decompose_canonical(c, |d| {
                if base.is_none() {
                    base = Some(d);
                }
            });
            let base = base.unwrap_or(c);
            if base.is_ascii() {
                out.push(base.to_ascii_lowercase());
            } else {
                out.extend(base.to_lowercase());
            }
        }
    }
}

/// `s` folded as a whole (see [`fold_char`]).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Whether `c` is part of a word: a letter, a digit, or a combining mark
/// (of NFD text) following one.
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_combining_mark(c)
    }
}

/// One word of a text, as [`words`] gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written.
    pub text: &'a str,
    /// The word folded (lives in the caller's buffer).
    pub folded: &'a str,
    /// Whether only spaces separate it from the word before, so the two
    /// can form a phrase (punctuation and line ends break phrases).
    pub joined: bool,
}

/// Calls `f` for each word of `text`, folding it into `buf`. Words longer
/// than [`MAX_WORD`] are skipped and break phrases.
pub fn words(text: &str, buf: &mut String, mut f: impl FnMut(Word<'_>)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut joined = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                // ASCII fast path: the whole run may be ASCII.
                let start = i;
                buf.clear();
                let mut long = false;
                while i < bytes.len() {
                    let b = bytes[i];
                    if b < 0x80 {
                        if !b.is_ascii_alphanumeric() {
                            break;
                        }
                        if buf.len() < MAX_WORD + 4 {
                            buf.push(b.to_ascii_lowercase() as char);
                        }
                        i += 1;
                    } else {
                        let c = text[i..].chars().next().expect("in bounds");
                        if !is_word_char(c) {
                            break;
                        }
                        if buf.len() < MAX_WORD + 4 {
                            fold_char(c, buf);
                        }
                        i += c.len_utf8();
                    }
                    long |= buf.len() > MAX_WORD;
                }
                emit(&text[start..i], buf, long, &mut joined, &mut f);
                continue;
            }
            if b != b' ' && b != b'\t' {
                joined = false;
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("in bounds");
        if is_word_char(c) && !is_combining_mark(c) {
            let start = i;
            buf.clear();
            let mut long = false;
            while i < bytes.len() {
                let c = text[i..].chars().next().expect("in bounds");
                if !is_word_char(c) {
                    break;
                }
                if buf.len() < MAX_WORD + 4 {
                    fold_char(c, buf);
                }
                long |= buf.len() > MAX_WORD;
                i += c.len_utf8();
            }
            emit(&text[start..i], buf, long, &mut joined, &mut f);
            continue;
        }
        // No-break space and the like keep a phrase; other marks break it.
        if !c.is_whitespace() && !super::text::is_invisible(c) {
            joined = false;
        }
        i += c.len_utf8();
    }
}

#[inline]
fn emit(text: &str, buf: &str, long: bool, joined: &mut bool, f: &mut impl FnMut(Word<'_>)) {
    if long || buf.is_empty() {
        *joined = false;
        return;
    }
    f(Word {
        text,
        folded: buf,
        joined: *joined,
    });
    *joined = true;
}

/// Vietnamese function words, as written: not indexed on their own (they
/// are in nearly every article) but kept in phrases (`hội đồng nhân dân
/// của tỉnh`). Compared written, not folded: `có` is one, `cờ` is not.
pub const STOP_WORDS: &[&str] = &[
    "à", "ạ", "bị", "bởi", "các", "cho", "chứ", "có", "còn", "của", "cùng", "cũng", "đã", "đang",
    "để", "đến", "đó", "được", "hay", "hoặc", "khi", "là", "lại", "mà", "một", "này", "nên", "nếu",
    "như", "nhưng", "những", "ở", "ra", "rằng", "rồi", "sẽ", "tại", "theo", "thì", "trên", "trong",
    "từ", "và", "vào", "về", "vì", "với",
];

/// Folded forms of [`STOP_WORDS`], sorted, for a first cheap test.
const STOP_FOLDED: &[&str] = &[
    "a", "bi", "boi", "cac", "cho", "chu", "co", "con", "cua", "cung", "da", "dang", "de", "den",
    "do", "duoc", "hay", "hoac", "khi", "la", "lai", "ma", "mot", "nay", "nen", "neu", "nhu",
    "nhung", "o", "ra", "rang", "roi", "se", "tai", "theo", "thi", "tren", "trong", "tu", "va",
    "vao", "ve", "vi", "voi",
];

/// Whether `w` is a stop word (see [`STOP_WORDS`]).
pub fn is_stop_word(w: &Word<'_>) -> bool {
    if w.folded.len() > 5 || STOP_FOLDED.binary_search(&w.folded).is_err() {
        return false;
    }
    STOP_WORDS.iter().any(|s| {
        s.chars().eq(w
            .text
            .chars()
            .flat_map(char::to_lowercase)
            .map(|c| match c {
                'ð' => 'đ',
                c => c,
            }))
    })
}

/// Folded words of `phrase`.
pub fn folded_words(phrase: &str) -> Vec<String> {
    let mut buf = String::new();
    let mut out = Vec::new();
    words(phrase, &mut buf, |w| out.push(w.folded.to_string()));
    out
}

/// Why a search synonym cannot be used (`diag` names it in both languages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SynonymProblem {
    /// The abbreviation is not one word.
    NotOneWord,
    /// It stands for nothing.
    Empty,
    /// One expansion has no word.
    NoWord { expansion: String },
}

/// Why the synonym `short` ↔ `long` cannot be used, if it cannot: the
/// abbreviation must be one word, and each expansion one word or more.
pub fn check_synonym(short: &str, long: &[String]) -> Option<SynonymProblem> {
    if folded_words(short).len() != 1 {
        return Some(SynonymProblem::NotOneWord);
    }
    if long.is_empty() {
        return Some(SynonymProblem::Empty);
    }
    if let Some(bad) = long.iter().find(|l| folded_words(l).is_empty()) {
        return Some(SynonymProblem::NoWord {
            expansion: bad.clone(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn all(text: &str) -> Vec<(String, String, bool)> {
        let mut buf = String::new();
        let mut out = Vec::new();
        words(text, &mut buf, |w| {
            out.push((w.text.to_string(), w.folded.to_string(), w.joined))
        });
        out
    }

    fn folded(text: &str) -> Vec<String> {
        all(text).into_iter().map(|w| w.1).collect()
    }

    /// Every vowel of Vietnamese with every tone, in both cases.
    const VOWELS: [(&str, char); 12] = [
        ("aàáảãạ", 'a'),
        ("ăằắẳẵặ", 'a'),
        ("âầấẩẫậ", 'a'),
        ("eèéẻẽẹ", 'e'),
        ("êềếểễệ", 'e'),
        ("iìíỉĩị", 'i'),
        ("oòóỏõọ", 'o'),
        ("ôồốổỗộ", 'o'),
        ("ơờớởỡợ", 'o'),
        ("uùúủũụ", 'u'),
        ("ưừứửữự", 'u'),
        ("yỳýỷỹỵ", 'y'),
    ];

    #[test]
    fn every_vowel_with_every_tone_folds_to_its_letter() {
        for (forms, base) in VOWELS {
            assert_eq!(forms.chars().count(), 6, "{forms}");
            for c in forms.chars().chain(forms.to_uppercase().chars()) {
                let s = c.to_string();
                assert_eq!(fold(&s), base.to_string(), "NFC {c}");
                let nfd: String = s.nfd().collect();
                assert!(nfd.chars().count() >= 1);
                assert_eq!(fold(&nfd), base.to_string(), "NFD {c}");
                assert_eq!(folded(&format!("x{nfd}n")), vec![format!("x{base}n")]);
            }
        }
    }

    #[test]
    fn d_with_stroke_folds_to_d() {
        assert_eq!(fold("đường"), "duong");
        assert_eq!(fold("ĐƯỜNG"), "duong");
        assert_eq!(fold("HĐND"), "hdnd");
        // Icelandic eth, typed for Đ by some keyboards.
        assert_eq!(fold("Ðà Nẵng"), "da nang");
        assert_eq!(
            folded("Đường Đinh Tiên Hoàng"),
            ["duong", "dinh", "tien", "hoang"]
        );
    }

    #[test]
    fn nfc_and_nfd_and_mixed_text_give_the_same_words() {
        let nfc = "Hội đồng nhân dân tỉnh Bắc Kạn, kỳ họp thứ hai.";
        let nfd: String = nfc.nfd().collect();
        assert_ne!(nfc, nfd);
        // Half of it decomposed, as text pasted from two editors.
        let (a, b) = nfc.split_at(nfc.find("dân").expect("in the text"));
        let mixed = format!("{a}{}", b.nfd().collect::<String>());
        let expect = [
            "hoi", "dong", "nhan", "dan", "tinh", "bac", "kan", "ky", "hop", "thu", "hai",
        ];
        assert_eq!(folded(nfc), expect);
        assert_eq!(folded(&nfd), expect);
        assert_eq!(folded(&mixed), expect);
        // The written form is kept for display.
        assert_eq!(all(&nfd)[0].0, "Hội".nfd().collect::<String>());
    }

    #[test]
    fn punctuation_breaks_phrases_and_spaces_do_not() {
        let w = all("nhân dân. Hội đồng\u{a0}nhân (dân) 2021/10");
        let joined: Vec<_> = w.iter().map(|w| (w.1.as_str(), w.2)).collect();
        assert_eq!(
            joined,
            [
                ("nhan", false),
                ("dan", true),
                ("hoi", false),
                ("dong", true),
                ("nhan", true),
                ("dan", false),
                ("2021", false),
                ("10", false)
            ]
        );
    }

    #[test]
    fn letters_of_other_scripts_are_words_and_long_runs_are_not() {
        assert_eq!(folded("Ελλάδα Москва"), ["ελλαδα", "москва"]);
        let long = "a".repeat(MAX_WORD + 1);
        assert_eq!(folded(&format!("x {long} y z")), ["x", "y", "z"]);
        assert!(
            !all(&format!("x {long} y"))[1].2,
            "a skipped word breaks the phrase"
        );
        let edge = "b".repeat(MAX_WORD);
        assert_eq!(folded(&edge), vec![edge]);
    }

    #[test]
    fn stop_words_are_told_by_their_marks() {
        let stop = |s: &str| {
            let mut buf = String::new();
            let mut r = None;
            words(s, &mut buf, |w| r = Some(is_stop_word(&w)));
            r.unwrap()
        };
        assert!(stop("có"));
        assert!(stop("Của"));
        assert!(stop("ĐƯỢC"));
        assert!(!stop("cờ"));
        assert!(!stop("co"));
        assert!(!stop("cua"));
        assert!(!stop("nhân"));
        // The two lists agree.
        let mut f: Vec<String> = STOP_WORDS.iter().map(|s| fold(s)).collect();
        f.sort();
        f.dedup();
        assert_eq!(f, STOP_FOLDED);
    }
}
