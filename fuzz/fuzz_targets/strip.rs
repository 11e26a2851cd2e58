//! Removing metadata from JPEG, PNG and WebP files: never a panic; a
//! stripped file strips to itself, keeps at most the orientation the file
//! had (never "upright", which needs no tag), and grows by no more than
//! that one tag.
#![no_main]

use bantin::media::strip::{orientation, strip};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(once) = strip(data) else {
        return;
    };
    assert_eq!(strip(&once).as_ref(), Some(&once), "stripping twice changed the file");
    let kept = orientation(&once);
    assert!(kept != Some(1), "an upright orientation was written back");
    if kept.is_some() {
        assert_eq!(kept, orientation(data), "the orientation changed");
    }
    // The orientation tag alone: a JPEG APP1 of 36 bytes, a PNG chunk of
    // 38, a WebP chunk of 34.
    assert!(once.len() <= data.len() + 38, "{} bytes became {}", data.len(), once.len());
});
