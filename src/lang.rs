//! The language a site's pages speak: how it writes dates, months, numbers
//! and counts. The theme's words are in its `i18n/{vi,en}.yaml`.

use crate::vi::{self, DateTime};

/// `language:` of config.yaml, read once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// `vi` or `en`; anything else is not a language the theme speaks.
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 code, for `<html lang>`, feeds and JSON-LD.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// `Thứ Hai, 01/11/2021 03:00` / `Monday, 1 November 2021 03:00`.
    pub fn date_full(self, d: &DateTime) -> String {
        match self {
            Lang::Vi => vi::format_full(d),
            Lang::En => vi::format_full_en(d),
        }
    }

    /// `01/11/2021` / `1 Nov 2021`.
    pub fn date_short(self, d: &DateTime) -> String {
        match self {
            Lang::Vi => vi::format_date(d),
            Lang::En => vi::format_date_en(d),
        }
    }

    /// `ngày 01 tháng 11 năm 2021` / `1 November 2021`.
    pub fn date_long(self, d: &DateTime) -> String {
        match self {
            Lang::Vi => vi::format_long(d),
            Lang::En => vi::format_long_en(d),
        }
    }

    /// A month as a heading: `Tháng 10/2021` / `October 2021`.
    pub fn month(self, year: i32, month: u8) -> String {
        match self {
            Lang::Vi => vi::format_month(year, month),
            Lang::En => vi::format_month_en(year, month),
        }
    }

    /// A month after a word that already says "month": `10/2021` (as in
    /// "Lưu trữ tháng 10/2021") / `October 2021`.
    pub fn month_short(self, year: i32, month: u8) -> String {
        match self {
            Lang::Vi => format!("{month}/{year}"),
            Lang::En => vi::format_month_en(year, month),
        }
    }

    /// A month within a year: `Tháng 10` / `October`.
    pub fn month_name(self, month: u8) -> String {
        match self {
            Lang::Vi => format!("Tháng {month}"),
            Lang::En => vi::format::month_name_en(month).to_string(),
        }
    }

    /// `1.234` / `1,234`.
    pub fn number(self, n: u64) -> String {
        match self {
            Lang::Vi => vi::format_number(n),
            Lang::En => vi::format_number_en(n),
        }
    }

    /// `4,8` / `4.8`: a number with `places` decimals.
    pub fn decimal(self, x: f64, places: usize) -> String {
        match self {
            Lang::Vi => vi::format::format_decimal(x, places),
            Lang::En => vi::format::format_decimal_en(x, places),
        }
    }

    /// A file size: `1,2 MB` / `1.2 MB`, `820 byte` / `820 bytes`.
    pub fn size(self, bytes: u64) -> String {
        match self {
            Lang::Vi => vi::format::format_size(bytes),
            Lang::En => vi::format::format_size_en(bytes),
        }
    }

    /// How the list of footnotes is named, and the links back from a
    /// footnote to its place in the text (followed by the footnote number).
    pub fn footnote_labels(self) -> (&'static str, &'static str) {
        match self {
            Lang::Vi => ("Chú thích", "Quay lại chỗ dẫn chú thích"),
            Lang::En => ("Footnotes", "Back to reference"),
        }
    }

    /// Whether a count of `n` takes the singular form of a noun: Vietnamese
    /// nouns have one form; English uses the singular for exactly one.
    pub fn is_singular(self, n: u64) -> bool {
        match self {
            Lang::Vi => true,
            Lang::En => n == 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_writes_its_own_way() {
        let d = vi::parse_date("2021-10-31T20:00:00Z", 420)
            .unwrap()
            .with_offset(420);
        assert_eq!(Lang::Vi.date_full(&d), "Thứ Hai, 01/11/2021 03:00");
        assert_eq!(Lang::En.date_full(&d), "Monday, 1 November 2021 03:00");
        assert_eq!(Lang::Vi.date_short(&d), "01/11/2021");
        assert_eq!(Lang::En.date_short(&d), "1 Nov 2021");
        assert_eq!(Lang::Vi.date_long(&d), "ngày 01 tháng 11 năm 2021");
        assert_eq!(Lang::En.date_long(&d), "1 November 2021");
        assert_eq!(Lang::Vi.month(2021, 10), "Tháng 10/2021");
        assert_eq!(Lang::En.month(2021, 10), "October 2021");
        assert_eq!(Lang::Vi.month_short(2021, 10), "10/2021");
        assert_eq!(Lang::En.month_short(2021, 10), "October 2021");
        assert_eq!(Lang::Vi.month_name(7), "Tháng 7");
        assert_eq!(Lang::En.month_name(7), "July");
        assert_eq!(Lang::Vi.number(1234), "1.234");
        assert_eq!(Lang::En.number(1234), "1,234");
        assert_eq!(Lang::Vi.decimal(1234.56, 1), "1.234,6");
        assert_eq!(Lang::En.decimal(1234.56, 1), "1,234.6");
        assert_eq!(Lang::Vi.size(1_258_291), "1,2 MB");
        assert_eq!(Lang::En.size(1_258_291), "1.2 MB");
        assert!(Lang::En.is_singular(1) && !Lang::En.is_singular(2));
        assert!(!Lang::En.is_singular(0));
        assert!(Lang::Vi.is_singular(2));
    }

    #[test]
    fn codes() {
        assert_eq!(Lang::parse("vi"), Some(Lang::Vi));
        assert_eq!(Lang::parse("en").map(Lang::code), Some("en"));
        assert_eq!(Lang::parse("EN"), None);
        assert_eq!(Lang::parse("fr"), None);
    }
}
