//! Vietnamese alphabetical order (a ă â b c d đ e ê … u ư v x y), via ICU4X.
//!
//! Byte order puts `Đ` after `Z` and `Ă` after `Z`; the CLDR `vi` tailoring
//! treats ă, â, đ, ê, ô, ơ, ư as letters of their own and tones as a
//! secondary difference, which is what readers of an index page expect.

use std::cmp::Ordering;
use std::sync::LazyLock;

use icu_collator::options::{CollatorOptions, Strength};
use icu_collator::preferences::CollationNumericOrdering;
use icu_collator::{CollatorBorrowed, CollatorPreferences};

/// Built once: loading the tailoring is far more expensive than a comparison.
static COLLATOR: LazyLock<CollatorBorrowed<'static>> = LazyLock::new(|| {
    let mut prefs = CollatorPreferences::from(icu_locale_core::locale!("vi"));
    // "Quý 2" before "Quý 10", "Khóa 9" before "Khóa 10".
    prefs.numeric_ordering = Some(CollationNumericOrdering::True);
    let mut options = CollatorOptions::default();
    // Identical strength breaks every remaining tie by code point (after
    // normalisation), so a sort is deterministic whatever the input order,
    // while NFC and NFD spellings of one string still compare equal.
    options.strength = Some(Strength::Identical);
    // The `vi` data is compiled into the binary; failure would be a build bug.
    CollatorBorrowed::try_new(prefs, options).expect("compiled ICU4X collation data for `vi`")
});

/// Compares two strings in Vietnamese alphabetical order: letters first
/// (`a < ă < â < b`, `d < đ`), then tones (ngang, huyền, hỏi, ngã, sắc, nặng),
/// then case (lowercase first); digit runs compare by value.
pub fn compare(a: &str, b: &str) -> Ordering {
    COLLATOR.compare(a, b)
}

/// A byte string whose byte order is the order of [`compare`]: use it with
/// `sort_by_cached_key` when sorting many items, since a key is computed once
/// per item instead of once per comparison.
pub fn sort_key(s: &str) -> Vec<u8> {
    let mut key = Vec::with_capacity(s.len() * 3);
    // Writing into a Vec cannot fail: its error type is `Infallible`.
    let Ok(()) = COLLATOR.write_sort_key_to(s, &mut key);
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn assert_order(words: &[&str]) {
        for pair in words.windows(2) {
            assert_eq!(
                compare(pair[0], pair[1]),
                Ordering::Less,
                "{} < {}",
                pair[0],
                pair[1]
            );
            assert_eq!(
                compare(pair[1], pair[0]),
                Ordering::Greater,
                "{} > {}",
                pair[1],
                pair[0]
            );
            assert!(
                sort_key(pair[0]) < sort_key(pair[1]),
                "key {} < {}",
                pair[0],
                pair[1]
            );
        }
    }

    #[test]
    fn letters_in_vietnamese_order() {
        assert_order(&["Dân vận", "Đà Nẵng", "Em"]);
        assert_order(&["Ơn", "Phú"]);
        assert_order(&["Ưu tiên", "Văn hóa"]);
        assert_order(&["An", "Ăn", "Ân", "Bắc"]);
        assert_order(&["Ô", "Ơ", "P"]);
        assert_order(&["Uy", "Ưu", "Vân"]);
        assert_order(&["Đa", "Zê"]);
        assert_order(&["Yến", "Yên Bái"]);
    }

    #[test]
    fn alphabet() {
        let alphabet = [
            "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n", "o",
            "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y",
        ];
        assert_order(&alphabet);
    }

    #[test]
    fn tones_after_letters() {
        // The tone difference is secondary: "ma…" words stay together and the
        // following letter decides before the tone does.
        assert_order(&["ma", "mà", "mả", "mã", "má", "mạ", "mác", "man"]);
        assert_order(&["hòa", "hoan"]);
        assert_order(&["Hóa", "Hoàn"]);
    }

    #[test]
    fn case_and_forms() {
        assert_order(&["bắc kạn", "Bắc Kạn", "bắc kạn mới"]);
        assert_order(&["hđnd", "HĐND"]);
        let nfd: String = "Đà Nẵng".nfd().collect();
        assert_eq!(compare("Đà Nẵng", &nfd), Ordering::Equal);
        assert_eq!(sort_key("Đà Nẵng"), sort_key(&nfd));
        assert_eq!(compare("", ""), Ordering::Equal);
        assert_order(&["", "a"]);
    }

    #[test]
    fn numbers_by_value() {
        assert_order(&["Quý 2", "Quý 10", "Quý 11"]);
        assert_order(&["Khóa 9", "Khóa 10"]);
    }

    #[test]
    fn sorting_real_tags() {
        let want = [
            "An ninh",
            "An toàn giao thông",
            "Ăn uống",
            "Âm nhạc",
            "Bắc Kạn",
            "Bầu cử",
            "Cải cách hành chính",
            "Chuyển đổi số",
            "Dân vận",
            "Đà Nẵng",
            "Đảng bộ",
            "Giao ban",
            "HĐND",
            "Hòa giải",
            "Kinh tế",
            "Nông thôn mới",
            "Ơn nghĩa",
            "Phòng chống dịch",
            "Quốc phòng",
            "Thủy lợi",
            "Ưu tiên",
            "Văn hóa",
            "Y tế",
        ];
        // `ch`, `gi`, `nh`… are not separate letters in collation.
        let mut got: Vec<&str> = want.iter().rev().copied().collect();
        got.sort_by(|a, b| compare(a, b));
        assert_eq!(got, want);
        let mut cached: Vec<&str> = want.iter().rev().copied().collect();
        cached.sort_by_cached_key(|s| sort_key(s));
        assert_eq!(cached, want);
    }
}
