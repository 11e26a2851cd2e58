//! Vietnamese text: normalisation, keys, slugs, collation, dates, encodings.
//!
//! Everything here is a pure function over text, so the rest of bantin can
//! treat Vietnamese correctly without knowing its rules.

pub mod collate;
pub mod date;
pub mod encoding;
mod legacy;
pub mod text;

pub use collate::{compare, sort_key};
pub use date::{
    format_date, format_full, format_full_en, format_long, format_long_en, format_month,
    format_month_en, format_number, parse_date, DateError, DateTime,
};
pub use encoding::{decode_source, detect_mojibake, EncodingError, Mojibake};
pub use text::{fold_key, is_vietnamese_syllable, nfc, nfc_owned, slugify};
