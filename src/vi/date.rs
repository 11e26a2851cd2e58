//! Dates as Vietnamese officers write them and as government sites show them.

use std::fmt;

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
impl Ord for DateTime {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.timestamp().cmp(&other.timestamp())
    }
}

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub message: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
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

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
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
            self.year, self.month, self.day, self.hour, self.minute, self.second, sign, o.abs() / 60, o.abs() % 60
        )
    }
}

fn num<T: std::str::FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Parses every date form of the spec; a date without an offset is in
/// `default_offset_minutes`.
pub fn parse_date(input: &str, default_offset_minutes: i32) -> Result<DateTime, DateError> {
    let s = input.trim();
    let bad = || DateError {
        message: format!("`{s}` is not a date; write YYYY-MM-DD, DD/MM/YYYY or RFC 3339 (2021-10-15T14:00:00+07:00)"),
    };
    let (date_part, rest) = match s.find(['T', ' ']) {
        Some(i) => (&s[..i], s[i + 1..].trim()),
        None => (s, ""),
    };
    let (y, m, d) = if date_part.contains('/') {
        let p: Vec<&str> = date_part.split('/').collect();
        if p.len() != 3 || p[2].len() != 4 {
            return Err(bad());
        }
        (num(p[2]).ok_or_else(bad)?, num(p[1]).ok_or_else(bad)?, num(p[0]).ok_or_else(bad)?)
    } else {
        let p: Vec<&str> = date_part.split('-').collect();
        if p.len() != 3 || p[0].len() != 4 {
            return Err(bad());
        }
        (num(p[0]).ok_or_else(bad)?, num(p[1]).ok_or_else(bad)?, num(p[2]).ok_or_else(bad)?)
    };
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return Err(DateError { message: format!("`{s}` is not a real date (no day {d} in month {m} of {y})") });
    }
    let mut t = DateTime { year: y, month: m, day: d, hour: 0, minute: 0, second: 0, offset_minutes: default_offset_minutes };
    if rest.is_empty() {
        return Ok(t);
    }
    let (time, offset) = if let Some(r) = rest.strip_suffix('Z') {
        (r, Some(0))
    } else if let Some(i) = rest.rfind(['+', '-']) {
        let o = &rest[i + 1..];
        let (oh, om) = o.split_once(':').unwrap_or((o, "00"));
        let mins = num::<i32>(oh).ok_or_else(bad)? * 60 + num::<i32>(om).ok_or_else(bad)?;
        (&rest[..i], Some(if &rest[i..i + 1] == "-" { -mins } else { mins }))
    } else {
        (rest, None)
    };
    let time = time.trim();
    let parts: Vec<&str> = if time.contains('h') { time.split('h').collect() } else { time.split(':').collect() };
    if parts.is_empty() || parts.len() > 3 {
        return Err(bad());
    }
    t.hour = num(parts[0]).ok_or_else(bad)?;
    t.minute = match parts.get(1) {
        Some(&"") | None => 0,
        Some(p) => num(p).ok_or_else(bad)?,
    };
    t.second = match parts.get(2) {
        Some(p) => num(p.split('.').next().unwrap_or("")).ok_or_else(bad)?,
        None => 0,
    };
    if t.hour > 23 || t.minute > 59 || t.second > 60 {
        return Err(DateError { message: format!("`{s}` has an impossible time of day") });
    }
    if let Some(o) = offset {
        t.offset_minutes = o;
    }
    Ok(t)
}

const WEEKDAYS: [&str; 7] = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

/// `Thứ Sáu, 15/10/2021 14:30`.
pub fn format_full(d: &DateTime) -> String {
    format!("{}, {} {:02}:{:02}", WEEKDAYS[d.weekday() as usize], format_date(d), d.hour, d.minute)
}

/// `15/10/2021`.
pub fn format_date(d: &DateTime) -> String {
    format!("{:02}/{:02}/{:04}", d.day, d.month, d.year)
}

/// `ngày 15 tháng 10 năm 2021`.
pub fn format_long(d: &DateTime) -> String {
    format!("ngày {} tháng {} năm {}", d.day, d.month, d.year)
}

/// `Tháng 10/2021`.
pub fn format_month(year: i32, month: u8) -> String {
    format!("Tháng {month}/{year}")
}

/// `1.234.567`.
pub fn format_number(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

impl DateTime {
    /// `Fri, 15 Oct 2021 14:00:00 +0700` for RSS.
    pub fn rfc2822(&self) -> String {
        const D: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
        const M: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        let o = self.offset_minutes;
        format!(
            "{}, {:02} {} {:04} {:02}:{:02}:{:02} {}{:02}{:02}",
            D[self.weekday() as usize], self.day, M[self.month as usize - 1], self.year, self.hour, self.minute, self.second,
            if o < 0 { '-' } else { '+' }, o.abs() / 60, o.abs() % 60
        )
    }

    /// The current moment in the given offset.
    pub fn now(offset_minutes: i32) -> DateTime {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
        let local = secs + i64::from(offset_minutes) * 60;
        let days = local.div_euclid(86_400);
        let rem = local.rem_euclid(86_400);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        DateTime { year, month, day, hour: (rem / 3600) as u8, minute: (rem % 3600 / 60) as u8, second: (rem % 60) as u8, offset_minutes }
    }
}
