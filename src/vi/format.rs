//! How dates and numbers are written for readers, in Vietnamese (the
//! style of government sites and official documents) and in English.

use super::date::DateTime;

/// English month names; RSS dates and messages use them too.
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
pub const WEEKDAYS_VI: [&str; 7] = [
    "Chủ nhật",
    "Thứ Hai",
    "Thứ Ba",
    "Thứ Tư",
    "Thứ Năm",
    "Thứ Sáu",
    "Thứ Bảy",
];
pub const WEEKDAYS_EN: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// `Thứ Sáu, 15/10/2021 14:30`, as Vietnamese government sites head an
/// article. A date given without a time (00:00:00) shows without one:
/// `Thứ Sáu, 15/10/2021`.
pub fn format_full(dt: &DateTime) -> String {
    weekday_and_time(WEEKDAYS_VI[usize::from(dt.weekday())], format_date(dt), dt)
}

/// `WEEKDAY, DATE HH:MM`, the time left out at 00:00:00.
fn weekday_and_time(weekday: &str, date: String, dt: &DateTime) -> String {
    let mut s = format!("{weekday}, {date}");
    if !dt.is_midnight() {
        s.push_str(&format!(" {:02}:{:02}", dt.hour, dt.minute));
    }
    s
}

/// `15/10/2021`.
pub fn format_date(dt: &DateTime) -> String {
    format!("{:02}/{:02}/{:04}", dt.day, dt.month, dt.year)
}

/// `ngày 15 tháng 10 năm 2021`, the style of official documents: Decree
/// 30/2020/NĐ-CP writes days below 10 and the months 1 and 2 with a leading
/// zero (`ngày 05 tháng 02 năm 2021`, but `tháng 3`).
pub fn format_long(dt: &DateTime) -> String {
    let month = if dt.month <= 2 {
        format!("{:02}", dt.month)
    } else {
        dt.month.to_string()
    };
    format!("ngày {:02} tháng {} năm {}", dt.day, month, dt.year)
}

/// `Tháng 10/2021` (month archive headings).
pub fn format_month(year: i32, month: u8) -> String {
    format!("Tháng {month}/{year}")
}

/// `Friday, 15 October 2021 14:30` (time left out at 00:00:00, as in
/// [`format_full`]).
pub fn format_full_en(dt: &DateTime) -> String {
    weekday_and_time(
        WEEKDAYS_EN[usize::from(dt.weekday())],
        format_long_en(dt),
        dt,
    )
}

/// `15 October 2021`.
pub fn format_long_en(dt: &DateTime) -> String {
    format!(
        "{} {} {}",
        dt.day,
        MONTHS_EN[usize::from(dt.month - 1)],
        dt.year
    )
}

/// `October 2021`.
pub fn format_month_en(year: i32, month: u8) -> String {
    format!("{} {year}", month_name_en(month))
}

/// `October`.
pub fn month_name_en(month: u8) -> &'static str {
    MONTHS_EN
        .get(usize::from(month).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// `1.234.567`: Vietnamese uses a dot to group thousands.
pub fn format_number(n: u64) -> String {
    group_thousands(n, '.')
}

fn group_thousands(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `1,234,567`: English groups thousands with a comma.
pub fn format_number_en(n: u64) -> String {
    group_thousands(n, ',')
}

/// `1.234,5`: a number with `places` decimals, Vietnamese style (a dot
/// groups thousands, a comma marks the decimals).
pub fn format_decimal(x: f64, places: usize) -> String {
    decimal(x, places, '.', ',')
}

/// `1,234.5`: a number with `places` decimals, English style.
pub fn format_decimal_en(x: f64, places: usize) -> String {
    decimal(x, places, ',', '.')
}

fn decimal(x: f64, places: usize, group: char, point: char) -> String {
    let text = format!("{:.*}", places, x.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    if x.is_sign_negative() && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('-');
    }
    out.push_str(&group_thousands(int.parse().unwrap_or(0), group));
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// A file size as readers are used to it (units of 1024, as file
/// managers show them): `820 byte`, `240 KB`, `1,2 MB` (one decimal
/// below 100, none when it is 0). `unit` names bytes: `byte`, `bytes`.
fn size(bytes: u64, point: char, unit: &str) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} {unit}");
    }
    let mut x = bytes as f64 / 1024.0;
    let mut u = 0;
    // KB are whole; larger units keep a decimal below 100. A value that
    // rounds to 1024 is shown in the next unit.
    while u + 1 < UNITS.len() && x.round() >= 1024.0 {
        x /= 1024.0;
        u += 1;
    }
    let text = if u == 0 || x >= 99.95 {
        format!("{:.0}", x)
    } else {
        let t = format!("{:.1}", x);
        match t.strip_suffix(".0") {
            Some(whole) => whole.to_string(),
            None => t.replace('.', &point.to_string()),
        }
    };
    format!("{text} {}", UNITS[u])
}

/// `820 byte`, `240 KB`, `1,2 MB`: a file size in Vietnamese.
pub fn format_size(bytes: u64) -> String {
    size(bytes, ',', "byte")
}

/// `820 bytes`, `240 KB`, `1.2 MB`: a file size in English.
pub fn format_size_en(bytes: u64) -> String {
    size(bytes, '.', if bytes == 1 { "byte" } else { "bytes" })
}

/// `1 Nov 2021`: short, and unambiguous to readers who put the month first.
pub fn format_date_en(dt: &DateTime) -> String {
    format!(
        "{} {} {}",
        dt.day,
        &MONTHS_EN[usize::from(dt.month - 1)][..3],
        dt.year
    )
}

/// RSS dates.
impl DateTime {
    /// RFC 2822 for RSS `pubDate`, e.g. `Fri, 15 Oct 2021 14:00:00 +0700`.
    /// Day and month names are English whatever the site language: the RSS
    /// format requires them.
    pub fn rfc2822(&self) -> String {
        let o = self.offset_minutes;
        let sign = if o < 0 { '-' } else { '+' };
        format!(
            "{}, {:02} {} {:04} {:02}:{:02}:{:02} {}{:02}{:02}",
            &WEEKDAYS_EN[usize::from(self.weekday())][..3],
            self.day,
            &MONTHS_EN[usize::from(self.month - 1)][..3],
            self.year,
            self.hour,
            self.minute,
            self.second,
            sign,
            o.abs() / 60,
            o.abs() % 60
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vi::date_parse::{dt, ok};

    const VN: i32 = 420;

    #[test]
    fn vietnamese_formats() {
        let d = ok("15/10/2021 14:30");
        assert_eq!(format_full(&d), "Thứ Sáu, 15/10/2021 14:30");
        assert_eq!(format_full(&ok("17/10/2021")), "Chủ nhật, 17/10/2021");
        assert_eq!(
            format_full(&ok("16/10/2021 08:05")),
            "Thứ Bảy, 16/10/2021 08:05"
        );
        assert_eq!(
            format_full(&ok("18/10/2021 9h")),
            "Thứ Hai, 18/10/2021 09:00"
        );
        assert_eq!(format_date(&ok("5/4/2021")), "05/04/2021");
        assert_eq!(format_long(&d), "ngày 15 tháng 10 năm 2021");
        assert_eq!(format_long(&ok("05/02/2021")), "ngày 05 tháng 02 năm 2021");
        assert_eq!(format_long(&ok("05/03/2021")), "ngày 05 tháng 3 năm 2021");
        assert_eq!(format_month(2021, 10), "Tháng 10/2021");
        assert_eq!(format_month(2021, 7), "Tháng 7/2021");
        let names: Vec<String> = (11..=17)
            .map(|day| format_full(&dt(2021, 10, day, 0, 0, 0, VN)))
            .collect();
        assert_eq!(
            names
                .iter()
                .map(|n| n.split(',').next().unwrap())
                .collect::<Vec<_>>(),
            [
                "Thứ Hai",
                "Thứ Ba",
                "Thứ Tư",
                "Thứ Năm",
                "Thứ Sáu",
                "Thứ Bảy",
                "Chủ nhật"
            ]
        );
    }

    #[test]
    fn english_formats() {
        let d = ok("2021-10-15T14:00:00+07:00");
        assert_eq!(
            format_full_en(&ok("15/10/2021 14:30")),
            "Friday, 15 October 2021 14:30"
        );
        assert_eq!(format_long_en(&d), "15 October 2021");
        assert_eq!(format_month_en(2021, 10), "October 2021");
        assert_eq!(format_date_en(&ok("01/11/2021 03:00")), "1 Nov 2021");
        assert_eq!(format_number_en(1_234_567), "1,234,567");
        assert_eq!(format_number_en(999), "999");
    }

    #[test]
    fn sizes() {
        assert_eq!(format_size(0), "0 byte");
        assert_eq!(format_size(820), "820 byte");
        assert_eq!(format_size(1023), "1023 byte");
        assert_eq!(format_size(1024), "1 KB");
        assert_eq!(format_size(1535), "1 KB");
        assert_eq!(format_size(240 * 1024), "240 KB");
        assert_eq!(format_size(1023 * 1024), "1023 KB");
        // 1023.6 KB would show as 1024 KB: it is 1 MB.
        assert_eq!(format_size(1023 * 1024 + 700), "1 MB");
        assert_eq!(format_size(1_258_291), "1,2 MB");
        assert_eq!(format_size(5 * 1024 * 1024), "5 MB");
        assert_eq!(format_size(99 * 1024 * 1024 + 1024 * 1000), "100 MB");
        assert_eq!(format_size(150 * 1024 * 1024), "150 MB");
        assert_eq!(format_size(3 * 1024 * 1024 * 1024 / 2), "1,5 GB");
        assert_eq!(format_size_en(1), "1 byte");
        assert_eq!(format_size_en(820), "820 bytes");
        assert_eq!(format_size_en(1_258_291), "1.2 MB");
        assert_eq!(format_size_en(240 * 1024), "240 KB");
    }

    #[test]
    fn numbers() {
        assert_eq!(format_number(0), "0");
        assert_eq!(format_number(999), "999");
        assert_eq!(format_number(1234), "1.234");
        assert_eq!(format_number(123_456), "123.456");
        assert_eq!(format_number(1_234_567), "1.234.567");
        assert_eq!(format_number(u64::MAX), "18.446.744.073.709.551.615");
        assert_eq!(format_decimal(4.84, 1), "4,8");
        assert_eq!(format_decimal(1234.56, 2), "1.234,56");
        assert_eq!(format_decimal(0.349, 2), "0,35");
        assert_eq!(format_decimal(-2.5, 0), "-2");
        assert_eq!(format_decimal(-0.01, 1), "0,0");
        assert_eq!(format_decimal_en(1234.56, 1), "1,234.6");
        assert_eq!(format_decimal_en(7.0, 0), "7");
    }
}
