//! Slugs, term keys and labels: a slug is lowercase ASCII words joined by
//! `-` and a usable path segment, the same for NFC and NFD input; folding
//! and cleaning are idempotent and agree with each other.
#![no_main]

use bantin::paths::{check_segment, SegmentError};
use bantin::vi::text::{clean_label, clip_words, is_invisible};
use bantin::vi::{fold_key, is_vietnamese_syllable, nfc, slugify};
use libfuzzer_sys::fuzz_target;
use unicode_normalization::UnicodeNormalization;

fn check_slug(s: &str, slug: &str) {
    assert!(
        slug.split('-').all(|w| !w.is_empty()
            && w.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
            || slug.is_empty(),
        "{s:?} → {slug:?}"
    );
    assert_eq!(slugify(slug), slug, "slugify is not idempotent on {s:?}");
    if !slug.is_empty() {
        // Reserved Windows names and over-long slugs are reported where the
        // path is made; nothing else may stop a slug from being a segment.
        match check_segment(slug) {
            Ok(()) | Err(SegmentError::Reserved(_)) | Err(SegmentError::TooLong(_)) => {}
            Err(e) => panic!("slug {slug:?} of {s:?} is not a path segment: {e}"),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let slug = slugify(s);
    check_slug(s, &slug);
    let nfd: String = s.nfd().collect();
    assert_eq!(slugify(&nfd), slug, "NFD and NFC slugs differ for {s:?}");
    assert_eq!(slugify(&nfc(s)), slug, "NFC changes the slug of {s:?}");

    let key = fold_key(s);
    assert_eq!(fold_key(&key), key, "fold_key is not idempotent on {s:?}");
    assert_eq!(fold_key(&nfd), key, "NFD and NFC keys differ for {s:?}");
    assert_eq!(key.trim(), key);
    assert!(!key.contains("  "), "{key:?}");
    assert!(
        !key.chars()
            .any(|c| is_invisible(c) || (c.is_whitespace() && c != ' ')),
        "{key:?}"
    );

    let label = clean_label(s);
    assert_eq!(
        clean_label(&label),
        label,
        "clean_label is not idempotent on {s:?}"
    );
    assert_eq!(fold_key(&label), key, "cleaning {s:?} changes its key");
    assert_eq!(label.trim(), label);

    let _ = is_vietnamese_syllable(s);
    for max in [0, 1, 12, 300] {
        let clipped = clip_words(s, max);
        let n = clipped.chars().count();
        assert!(
            n <= max + 1 || clipped == s,
            "{s:?} clipped to {max}: {n} chars"
        );
    }
});
