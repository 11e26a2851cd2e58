//! Dates as government sites keep them: a moment with a fixed offset, the
//! calendar arithmetic under it, and what can be wrong with a date as written
//! (read by `date_parse`, shown by `format`).
//!
//! No timezone database: Vietnam has used a fixed +07:00 without daylight
//! saving since 1975, so a fixed offset in minutes is all a site needs.

use std::time::{SystemTime, UNIX_EPOCH};

/// A moment with a fixed UTC offset (Vietnam has had no DST since 1975).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateTime {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// Offset from UTC in minutes (+420 for +07:00).
    pub offset_minutes: i32,
}

impl PartialOrd for DateTime {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Ordered by the instant; one instant written with two offsets is ordered
/// by offset, so `Ord` stays consistent with the field-wise `Eq`.
impl Ord for DateTime {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.timestamp(), self.offset_minutes).cmp(&(other.timestamp(), other.offset_minutes))
    }
}

/// Why a date could not be read; the catalogues of `diag` say what was
/// wrong and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub problem: DateProblem,
}

/// What is wrong with a date. `text` is the whole date as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateProblem {
    Empty,
    NotADate {
        text: String,
    },
    TwoDates {
        text: String,
    },
    TwoTimes {
        text: String,
    },
    /// `2021/10/15`: slashes with the year first; `parts` as written.
    YearFirstWithSlashes {
        text: String,
        parts: [String; 3],
    },
    /// `15/10/21`: the year in two digits; `parts` as written.
    TwoDigitYear {
        text: String,
        parts: [String; 3],
    },
    /// A year outside [`YEARS`], as written (`0202`, `10000`, `-5`);
    /// `example` is the date in the same form with a year that is in.
    YearOutOfRange {
        text: String,
        year: String,
        example: String,
    },
    /// `swapped`: the date read month first, when that is a real date.
    NoSuchMonth {
        text: String,
        month: u8,
        swapped: Option<(u8, u8, i32)>,
    },
    NoSuchDay {
        text: String,
        month: u8,
        year: i32,
        max: u8,
    },
    NotATime {
        text: String,
        time: String,
    },
    NoSuchHour {
        text: String,
        hour: u8,
    },
    MinutesOver59 {
        text: String,
        hour: u8,
    },
    NotAnOffset {
        text: String,
        offset: String,
    },
    OffsetMinutes {
        text: String,
        offset: String,
        minutes: i32,
    },
    OffsetTooWide {
        text: String,
        offset: String,
    },
    /// `hôm qua`: a day relative to the build; `text` is empty when the
    /// word is the whole date.
    Relative {
        text: String,
        word: &'static str,
    },
    NotAWeekday {
        text: String,
        written: String,
    },
    NoYear {
        text: String,
    },
    NoDay {
        text: String,
    },
    NotPartOfDate {
        text: String,
        word: String,
    },
    /// The weekday written does not match the date (0 = Sunday).
    WrongWeekday {
        text: String,
        date: (u8, u8, i32),
        actual: u8,
        written_day: u8,
        written: String,
    },
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01 (inverse of [`days_from_civil`]).
pub fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

pub fn is_leap_year(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap_year(y) => 29,
        _ => 28,
    }
}

impl DateTime {
    /// Seconds since the Unix epoch.
    pub fn timestamp(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - i64::from(self.offset_minutes) * 60
    }

    /// The moment `timestamp` (seconds since the Unix epoch) as seen at
    /// `offset_minutes` from UTC.
    pub fn from_timestamp(timestamp: i64, offset_minutes: i32) -> DateTime {
        let local = timestamp + i64::from(offset_minutes) * 60;
        let (year, month, day) = civil_from_days(local.div_euclid(86_400));
        let secs = local.rem_euclid(86_400);
        DateTime {
            year,
            month,
            day,
            hour: (secs / 3600) as u8,
            minute: (secs / 60 % 60) as u8,
            second: (secs % 60) as u8,
            offset_minutes,
        }
    }

    /// The same moment at another offset (a `Z` date shown in +07:00).
    pub fn with_offset(&self, offset_minutes: i32) -> DateTime {
        DateTime::from_timestamp(self.timestamp(), offset_minutes)
    }

    /// The current moment at `offset_minutes` from UTC.
    pub fn now(offset_minutes: i32) -> DateTime {
        let secs = match SystemTime::now().duration_since(UNIX_EPOCH) {
            Ok(d) => d.as_secs() as i64,
            Err(e) => -(e.duration().as_secs() as i64),
        };
        DateTime::from_timestamp(secs, offset_minutes)
    }

    /// Today at 00:00:00, at `offset_minutes` from UTC.
    pub fn today_in(offset_minutes: i32) -> DateTime {
        DateTime {
            hour: 0,
            minute: 0,
            second: 0,
            ..DateTime::now(offset_minutes)
        }
    }

    /// 0 = Sunday … 6 = Saturday.
    pub fn weekday(&self) -> u8 {
        (days_from_civil(self.year, self.month, self.day) + 4).rem_euclid(7) as u8
    }

    /// RFC 3339, e.g. `2021-10-15T14:00:00+07:00`.
    pub fn rfc3339(&self) -> String {
        let o = self.offset_minutes;
        let sign = if o < 0 { '-' } else { '+' };
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}",
            self.year,
            self.month,
            self.day,
            self.hour,
            self.minute,
            self.second,
            sign,
            o.abs() / 60,
            o.abs() % 60
        )
    }

    /// 00:00:00: a date written without a time.
    pub fn is_midnight(&self) -> bool {
        self.hour == 0 && self.minute == 0 && self.second == 0
    }
}

/// Years a bulletin date may have: anything else is a typo (`0202`, `3021`).
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// The widest UTC offsets in use (Kiribati, +14:00; Baker Island, −12:00,
/// but ±14:00 either way is what RFC 3339 readers accept).
pub const MAX_OFFSET_MINUTES: i32 = 14 * 60;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_years() {
        assert!(is_leap_year(2020) && is_leap_year(2000) && is_leap_year(2024));
        assert!(!is_leap_year(2021) && !is_leap_year(1900) && !is_leap_year(2100));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2023, 2), 28);
    }
}
