//! Unicode normalisation, folding keys and URL slugs.

use unicode_normalization::UnicodeNormalization;

/// Normalises text to NFC.
pub fn nfc(s: &str) -> String {
    if unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        return s.to_string();
    }
    s.nfc().collect()
}

/// The key under which spellings of one term are merged: NFC, lowercase,
/// tone marks placed the same way.
pub fn fold_key(s: &str) -> String {
    nfc(s).to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A URL slug: diacritics removed, `đ` to `d`, lowercase ASCII words joined by `-`.
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in s.nfd() {
        let c = match c {
            'đ' | 'Đ' => 'd',
            c if unicode_normalization::char::is_combining_mark(c) => continue,
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out
}
