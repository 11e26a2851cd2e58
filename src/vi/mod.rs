//! Vietnamese text: normalisation, keys, slugs, collation, dates, encodings.
//!
//! Everything here is a pure function over text, so the rest of bantin can
//! treat Vietnamese correctly without knowing its rules.

pub mod collate;
pub mod date;
mod date_parse;
mod date_words;
pub mod encoding;
pub mod format;
mod legacy;
pub mod search;
pub mod text;

pub use collate::{compare, sort_key};
pub use date::{DateError, DateProblem, DateTime};
pub use date_parse::parse_date;
pub use encoding::{decode_source, detect_mojibake, Encoding, EncodingError, Mojibake};
pub use format::{
    format_date, format_date_en, format_full, format_full_en, format_long, format_long_en,
    format_month, format_month_en, format_number, format_number_en,
};
pub use text::{fold_key, is_vietnamese_syllable, nfc, nfc_owned, slugify};
