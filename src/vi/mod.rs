//! Vietnamese text: normalisation, keys, slugs, collation, dates, encodings.
//!
//! Everything here is a pure function over text, so the rest of bantin can
//! treat Vietnamese correctly without knowing its rules.

pub mod collate;
pub mod date;
pub mod encoding;
pub mod text;

pub use collate::compare;
pub use date::{format_date, format_full, format_long, format_month, format_number, parse_date, DateError, DateTime};
pub use encoding::{decode_source, EncodingError};
pub use text::{fold_key, nfc, slugify};
