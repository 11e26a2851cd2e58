//! A whole source file (any bytes) through decoding, splitting and the
//! front matter parser: no panic, and what is accepted is within the
//! documented bounds; every diagnostic points into the file.
#![no_main]

use bantin::content::kind::{Expect, Kind};
use bantin::content::{front_matter, source};
use bantin::lang::Lang;
use bantin::vi::date::{MAX_OFFSET_MINUTES, YEARS};
use bantin::vi::DateTime;
use libfuzzer_sys::fuzz_target;

const FILE: &str = "content/tin-tuc/a.md";

fn check_date(d: &Option<DateTime>) {
    if let Some(d) = d {
        assert!(YEARS.contains(&d.year), "{d:?}");
        assert!(d.offset_minutes.abs() <= MAX_OFFSET_MINUTES, "{d:?}");
    }
}

fuzz_target!(|bytes: &[u8]| {
    let src = match source::read(bytes, FILE) {
        Ok(s) => s,
        Err(d) => {
            let _ = d.to_string();
            return;
        }
    };
    assert!(!src
        .text
        .chars()
        .any(|c| c.is_control() && c != '\t' && c != '\n'));
    let lines = src.text.lines().count() + 1;
    let taxonomies = ["linh-vuc".to_string()];
    let ctx = front_matter::Context {
        offset_minutes: 420,
        taxonomies: &taxonomies,
    };
    match front_matter::parse(&src, FILE, &ctx, Expect::Is(Kind::Article)) {
        Ok(fm) => {
            assert!(!fm.title.is_empty());
            check_date(&fm.date);
            check_date(&fm.updated);
            check_date(&fm.expiry_date);
            assert_eq!(fm.aliases.len(), fm.aliases_pos.len());
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            for d in errors {
                assert!(d.is_error());
                assert!(d.line <= lines, "line {} of {lines}: {d}", d.line);
                // A report shows an excerpt of the line, never the whole
                // file, in either language.
                for lang in [Lang::Vi, Lang::En] {
                    let shown = d.report(lang);
                    let words = d.message(lang).len() + d.help(lang).map_or(0, |h| h.len());
                    assert!(shown.len() <= 4 * 1024 + words, "{} bytes shown", shown.len());
                }
            }
        }
    }
});
