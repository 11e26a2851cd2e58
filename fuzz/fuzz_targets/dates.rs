//! Every date form through `vi::parse_date`: what is accepted is a real
//! moment within the documented bounds, prints as RFC 3339 that parses back
//! to the same value, and survives the timestamp round trip.
#![no_main]

use bantin::vi::date::{days_in_month, MAX_OFFSET_MINUTES, YEARS};
use bantin::vi::{self, parse_date, DateTime};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the site's offset (whole quarter hours within
    // ±14:00, as config validation allows); the rest is the date text.
    let Some((&o, rest)) = data.split_first() else {
        return;
    };
    let offset = (i32::from(o % 113) - 56) * 15;
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let Ok(d) = parse_date(text, offset) else {
        return;
    };
    assert!(YEARS.contains(&d.year), "{text:?} → {d:?}");
    assert!((1..=12).contains(&d.month), "{text:?} → {d:?}");
    assert!(
        d.day >= 1 && d.day <= days_in_month(d.year, d.month),
        "{text:?} → {d:?}"
    );
    assert!(
        d.hour < 24 && d.minute < 60 && d.second < 60,
        "{text:?} → {d:?}"
    );
    assert!(
        d.offset_minutes.abs() <= MAX_OFFSET_MINUTES,
        "{text:?} → {d:?}"
    );

    let again = parse_date(&d.rfc3339(), 0).expect("RFC 3339 output parses");
    assert_eq!(again, d, "{text:?} → {}", d.rfc3339());
    assert_eq!(DateTime::from_timestamp(d.timestamp(), d.offset_minutes), d);
    let utc = d.with_offset(0);
    assert_eq!(utc.timestamp(), d.timestamp());
    assert!(d.weekday() < 7);
    for s in [
        d.rfc2822(),
        vi::format_full(&d),
        vi::format_full_en(&d),
        vi::format_long(&d),
        vi::format_long_en(&d),
        vi::format_date(&d),
        vi::format_month(d.year, d.month),
        vi::format_month_en(d.year, d.month),
    ] {
        assert!(!s.is_empty());
    }
});
