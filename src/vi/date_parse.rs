//! Dates as Vietnamese officers write them: RFC 3339, `DD/MM/YYYY`, `14h30`
//! and the words of [`super::date_words`], read into a [`DateTime`] or a
//! [`DateError`] that says what is wrong.

use super::date::{days_in_month, DateError, DateProblem, DateTime, MAX_OFFSET_MINUTES, YEARS};

fn err(problem: DateProblem) -> DateError {
    DateError { problem }
}

/// Parses every date form of the spec; a date without an offset is in
/// `default_offset_minutes`.
///
/// Accepted: RFC 3339 (`2021-10-15T14:00:00+07:00`, `…Z`, fractional seconds,
/// which are dropped), `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]`, `DD/MM/YYYY`
/// (always day first; `-` and `.` also separate when the year is last),
/// `DD/MM/YYYY HH:MM`, and the officers' `14h30` / `14h`, also written
/// before the date (`14h30 ngày 15/10/2021`); and the words of
/// [`super::date_words`]: a weekday that matches the date,
/// `ngày 15 tháng 10 năm 2021`, `14 giờ 30`. Impossible dates are errors.
pub fn parse_date(input: &str, default_offset_minutes: i32) -> Result<DateTime, DateError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(err(DateProblem::Empty));
    }
    let not_a_date = || {
        err(DateProblem::NotADate {
            text: s.to_string(),
        })
    };
    let mut date = None;
    let mut time = None;
    let mut offset = None;
    let words = super::date_words::read(s)?;
    for token in &words.tokens {
        let token = token.as_str();
        let (d, t) = match token.find(['T', 't']) {
            // RFC 3339: the date, a `T`, the time (any year, to be checked).
            Some(i) if is_year_first(&token[..i]) => (Some(&token[..i]), Some(&token[i + 1..])),
            _ if token.contains('/') || looks_like_date(token) => (Some(token), None),
            _ if is_offset(token) => {
                if offset.replace(parse_offset(s, token)?).is_some() {
                    return Err(not_a_date());
                }
                continue;
            }
            _ => (None, Some(token)),
        };
        if let Some(d) = d {
            if date.replace(parse_day(s, d)?).is_some() {
                return Err(err(DateProblem::TwoDates {
                    text: s.to_string(),
                }));
            }
        }
        if let Some(t) = t {
            let (t, o) = split_offset(t);
            if time.replace(parse_time(s, t)?).is_some() {
                return Err(err(DateProblem::TwoTimes {
                    text: s.to_string(),
                }));
            }
            if let Some(o) = o {
                if offset.replace(parse_offset(s, o)?).is_some() {
                    return Err(not_a_date());
                }
            }
        }
    }
    let (year, month, day) = date.ok_or_else(not_a_date)?;
    if let Some(w) = &words.weekday {
        super::date_words::check_weekday(s, w, (year, month, day))?;
    }
    let (hour, minute, second) = time.unwrap_or((0, 0, 0));
    Ok(DateTime {
        year,
        month,
        day,
        hour,
        minute,
        second,
        offset_minutes: offset.unwrap_or(default_offset_minutes),
    })
}

/// `2021-10-15` or `15-10-2021` / `15.10.2021`.
fn looks_like_date(token: &str) -> bool {
    !token.contains('/') && fields(token).is_some()
}

/// `2021-10-15`, also with a year of other than four digits (`10000-01-01`,
/// `-5-01-01`): the date of an RFC 3339 date and time.
fn is_year_first(token: &str) -> bool {
    matches!(fields(token), Some((f, ['-', '-'])) if f[0].len() > 2)
}

/// The three numbers of a date as written (`15`, `10`, `-2021`) and the two
/// separators between them; `None` unless it is three runs of digits,
/// joined by `/`, `-` or `.`. The first and last may follow a `-`: a
/// negative year, which is reported as a year rather than as no date.
fn fields(d: &str) -> Option<([&str; 3], [char; 2])> {
    let mut out = [""; 3];
    let mut seps = [' '; 2];
    let mut rest = d;
    for i in 0..3 {
        let signed =
            i != 1 && rest.starts_with('-') && rest[1..].starts_with(|c: char| c.is_ascii_digit());
        let start = usize::from(signed);
        let len = rest[start..].bytes().take_while(u8::is_ascii_digit).count();
        if len == 0 {
            return None;
        }
        out[i] = &rest[..start + len];
        rest = &rest[start + len..];
        if i < 2 {
            let c = rest
                .chars()
                .next()
                .filter(|c| matches!(c, '/' | '-' | '.'))?;
            seps[i] = c;
            rest = &rest[1..];
        }
    }
    rest.is_empty().then_some((out, seps))
}

/// Whether `s` as written can be a day of a month: 1 to 31, two digits at most.
fn day_like(s: &str) -> bool {
    s.len() <= 2 && s.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

/// The date `day`/`month` as written, in the form of `fields`, with a
/// year bantin takes: the example of [`DateProblem::YearOutOfRange`].
/// Year first only where that form is right (dashes or dots, not slashes).
fn example_date(day: &str, month: &str, year_first: bool, seps: [char; 2]) -> String {
    const YEAR: i32 = 2021;
    let (mut d, mut m) = (
        day.parse::<u8>().unwrap_or(0),
        month.parse::<u8>().unwrap_or(0),
    );
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(YEAR, m) {
        (d, m) = (15, 10);
    }
    let [a, b] = seps;
    if year_first && !seps.contains(&'/') {
        format!("{YEAR}{a}{m:02}{b}{d:02}")
    } else if year_first {
        format!("{d:02}/{m:02}/{YEAR}")
    } else {
        format!("{d:02}{a}{m:02}{b}{YEAR}")
    }
}

fn is_offset(token: &str) -> bool {
    let t = token.trim_start_matches("UTC").trim_start_matches("GMT");
    t.eq_ignore_ascii_case("z")
        || (t.len() > 1
            && t.starts_with(['+', '-'])
            && t[1..].bytes().all(|b| b.is_ascii_digit() || b == b':'))
}

/// Splits `14:00:00+07:00` / `14:00:00Z` into time and offset.
fn split_offset(t: &str) -> (&str, Option<&str>) {
    if let Some(rest) = t.strip_suffix(['Z', 'z']) {
        return (rest, Some("Z"));
    }
    match t.find(['+', '-']) {
        Some(i) if i > 0 => (&t[..i], Some(&t[i..])),
        _ => (t, None),
    }
}

fn digits<T: std::str::FromStr>(s: &str, max_len: usize) -> Option<T> {
    if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn parse_day(whole: &str, d: &str) -> Result<(i32, u8, u8), DateError> {
    let bad = || {
        err(DateProblem::NotADate {
            text: whole.to_string(),
        })
    };
    let (f, seps) = fields(d).ok_or_else(bad)?;
    let signed = |s: &str| s.starts_with('-');
    // The year is the part that cannot be a day: the first when it is
    // signed or long (and the last is no four-digit year), or when only
    // the last can be a day (`99-10-15`); else the last, as officers write.
    let year_first = signed(f[0])
        || (f[0].len() > 2 && (f[2].len() != 4 || signed(f[2])))
        || (f[2].len() <= 2 && !day_like(f[0]) && day_like(f[2]));
    let (y, m, day) = if year_first {
        (f[0], f[1], f[2])
    } else {
        (f[2], f[1], f[0])
    };
    let as_written = |parts: [&str; 3]| parts.map(str::to_string);
    if year_first && y.len() == 4 && !signed(y) && d.contains('/') {
        return Err(err(DateProblem::YearFirstWithSlashes {
            text: whole.to_string(),
            parts: as_written(f),
        }));
    }
    if y.len() <= 2 && !signed(y) {
        return Err(err(DateProblem::TwoDigitYear {
            text: whole.to_string(),
            parts: as_written([day, m, y]),
        }));
    }
    let year = digits::<i32>(y, 4)
        .filter(|_| y.len() == 4)
        .filter(|year| YEARS.contains(year));
    let Some(year) = year else {
        return Err(err(DateProblem::YearOutOfRange {
            text: whole.to_string(),
            year: y.to_string(),
            example: example_date(day, m, year_first, seps),
        }));
    };
    let month: u8 = digits(m, 2).ok_or_else(bad)?;
    let day: u8 = digits(day, 2).ok_or_else(bad)?;
    if !(1..=12).contains(&month) {
        let swapped = ((1..=12).contains(&day) && month <= days_in_month(year, day))
            .then_some((month, day, year));
        return Err(err(DateProblem::NoSuchMonth {
            text: whole.to_string(),
            month,
            swapped,
        }));
    }
    let max = days_in_month(year, month);
    if day == 0 || day > max {
        return Err(err(DateProblem::NoSuchDay {
            text: whole.to_string(),
            month,
            year,
            max,
        }));
    }
    Ok((year, month, day))
}

fn parse_time(whole: &str, t: &str) -> Result<(u8, u8, u8), DateError> {
    let bad = || {
        err(DateProblem::NotATime {
            text: whole.to_string(),
            time: t.to_string(),
        })
    };
    let (h, m, s) = if let Some((h, m)) = t.split_once(['h', 'H']) {
        // `14h`, `14h30`, `9h05`.
        let m = if m.is_empty() { "0" } else { m };
        (h, m, "0")
    } else {
        let mut parts = t.split(':');
        let h = parts.next().unwrap_or("");
        let m = parts.next().ok_or_else(bad)?;
        // Fractional seconds carry no meaning for a bulletin; drop them.
        let s = parts
            .next()
            .map_or("0", |s| s.split('.').next().unwrap_or(""));
        if parts.next().is_some() || m.len() != 2 {
            return Err(bad());
        }
        (h, m, s)
    };
    let hour: u8 = digits(h, 2).ok_or_else(bad)?;
    let minute: u8 = digits(m, 2).ok_or_else(bad)?;
    let second: u8 = digits(s, 2).ok_or_else(bad)?;
    if hour > 23 {
        return Err(err(DateProblem::NoSuchHour {
            text: whole.to_string(),
            hour,
        }));
    }
    if minute > 59 || second > 59 {
        return Err(err(DateProblem::MinutesOver59 {
            text: whole.to_string(),
            hour,
        }));
    }
    Ok((hour, minute, second))
}

fn parse_offset(whole: &str, o: &str) -> Result<i32, DateError> {
    let o = o.trim_start_matches("UTC").trim_start_matches("GMT");
    if o.eq_ignore_ascii_case("z") {
        return Ok(0);
    }
    let bad = || {
        err(DateProblem::NotAnOffset {
            text: whole.to_string(),
            offset: o.to_string(),
        })
    };
    let sign = if o.starts_with('-') { -1 } else { 1 };
    let body = &o[1..];
    let (h, m) = match body.split_once(':') {
        // `+07:5` could be 05 or 50 minutes: minutes take two digits.
        Some((_, m)) if m.len() != 2 => return Err(bad()),
        Some(hm) => hm,
        None if body.len() == 4 && body.is_ascii() => body.split_at(2),
        None => (body, "0"),
    };
    let h: i32 = digits(h, 2).ok_or_else(bad)?;
    let m: i32 = digits(m, 2).ok_or_else(bad)?;
    if m > 59 {
        return Err(err(DateProblem::OffsetMinutes {
            text: whole.to_string(),
            offset: o.to_string(),
            minutes: m,
        }));
    }
    if h * 60 + m > MAX_OFFSET_MINUTES {
        return Err(err(DateProblem::OffsetTooWide {
            text: whole.to_string(),
            offset: o.to_string(),
        }));
    }
    Ok(sign * (h * 60 + m))
}

#[cfg(test)]
pub(crate) fn dt(
    year: i32,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
    off: i32,
) -> DateTime {
    DateTime {
        year,
        month,
        day,
        hour,
        minute,
        second,
        offset_minutes: off,
    }
}

/// `s` read in +07:00.
#[cfg(test)]
pub(crate) fn ok(s: &str) -> DateTime {
    parse_date(s, 420).unwrap_or_else(|e| panic!("{s}: {e:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vi::date::civil_from_days;

    const VN: i32 = 420;

    fn fails(s: &str) -> String {
        match parse_date(s, VN) {
            Ok(d) => panic!("{s} parsed as {d:?}"),
            Err(e) => crate::diag::en::date(&e.problem),
        }
    }

    #[test]
    fn every_accepted_form() {
        let cases = [
            ("2021-10-15T14:00:00+07:00", dt(2021, 10, 15, 14, 0, 0, 420)),
            ("2021-10-15T07:00:00Z", dt(2021, 10, 15, 7, 0, 0, 0)),
            ("2021-10-15t07:00:00z", dt(2021, 10, 15, 7, 0, 0, 0)),
            (
                "2021-10-15T14:00:00.123+07:00",
                dt(2021, 10, 15, 14, 0, 0, 420),
            ),
            ("2021-10-15T14:00:00.5Z", dt(2021, 10, 15, 14, 0, 0, 0)),
            (
                "2021-10-15T09:30:00-05:00",
                dt(2021, 10, 15, 9, 30, 0, -300),
            ),
            ("2021-10-15T14:00:00+0700", dt(2021, 10, 15, 14, 0, 0, 420)),
            ("2021-10-15", dt(2021, 10, 15, 0, 0, 0, VN)),
            ("2021-10-15 14:30", dt(2021, 10, 15, 14, 30, 0, VN)),
            ("2021-10-15 14:30:45", dt(2021, 10, 15, 14, 30, 45, VN)),
            ("2021-10-15 14:30 +07:00", dt(2021, 10, 15, 14, 30, 0, 420)),
            ("15/10/2021", dt(2021, 10, 15, 0, 0, 0, VN)),
            ("05/04/2021", dt(2021, 4, 5, 0, 0, 0, VN)),
            ("5/4/2021", dt(2021, 4, 5, 0, 0, 0, VN)),
            ("15/10/2021 14:30", dt(2021, 10, 15, 14, 30, 0, VN)),
            ("15/10/2021 9:05", dt(2021, 10, 15, 9, 5, 0, VN)),
            ("15/10/2021 14h30", dt(2021, 10, 15, 14, 30, 0, VN)),
            ("15/10/2021 14h", dt(2021, 10, 15, 14, 0, 0, VN)),
            ("15/10/2021 7H05", dt(2021, 10, 15, 7, 5, 0, VN)),
            ("14h30 ngày 15/10/2021", dt(2021, 10, 15, 14, 30, 0, VN)),
            ("15/10/2021, 14h30", dt(2021, 10, 15, 14, 30, 0, VN)),
            ("  15-10-2021  ", dt(2021, 10, 15, 0, 0, 0, VN)),
            ("15.10.2021", dt(2021, 10, 15, 0, 0, 0, VN)),
            ("29/02/2020", dt(2020, 2, 29, 0, 0, 0, VN)),
            ("29/02/2000", dt(2000, 2, 29, 0, 0, 0, VN)),
            ("31/12/2021 23:59:59", dt(2021, 12, 31, 23, 59, 59, VN)),
        ];
        for (s, want) in cases {
            assert_eq!(ok(s), want, "{s}");
        }
        assert_eq!(parse_date("2021-10-15", 0).unwrap().offset_minutes, 0);
    }

    #[test]
    fn impossible_dates_are_errors() {
        // (input, what the message must say)
        let cases: &[(&str, &[&str])] = &[
            ("30/02/2021", &["February 2021 has 28 days", "DD/MM/YYYY"]),
            ("29/02/2021", &["not a leap year"]),
            ("29/02/1900", &["1900 is not a leap year"]),
            ("31/04/2021", &["April 2021 has 30 days"]),
            ("15/13/2021", &["no month 13", "day first"]),
            ("10/15/2021", &["did you mean 15/10/2021"]),
            ("00/10/2021", &["from 01 to 31"]),
            ("2021-02-30", &["February 2021 has 28 days"]),
            ("15/10/2021 24:00", &["no hour 24", "00:00 of the next day"]),
            ("15/10/2021 24h", &["no hour 24"]),
            ("15/10/2021 14:60", &["00 to 59"]),
            ("2021-10-15T14:00:61Z", &["00 to 59"]),
            ("15/10/21", &["four digits", "15/10/2021"]),
            ("2021/10/15", &["day first", "15/10/2021"]),
            ("2021-10-15T14:00:00+25:00", &["UTC offset"]),
        ];
        for (input, needles) in cases {
            let m = fails(input);
            for n in *needles {
                assert!(m.contains(n), "{input}: `{m}` lacks `{n}`");
            }
        }
    }

    #[test]
    fn years_outside_1900_to_2200_are_errors_in_every_form() {
        for (input, year) in [
            ("0000-01-01", "0000"),
            ("0000-01-01T10:00:00+07:00", "0000"),
            ("1899-12-31", "1899"),
            ("2201-01-01 08:00", "2201"),
            ("01/01/0202", "0202"),
            ("15/10/3021 14h30", "3021"),
            ("15-10-9999", "9999"),
            ("14h30 ngày 15/10/1800", "1800"),
        ] {
            let m = fails(input);
            assert!(
                m.contains(&format!("year {year} is outside 1900–2200")),
                "{input}: {m}"
            );
        }
        assert_eq!(ok("01/01/1900").year, 1900);
        assert_eq!(ok("2200-12-31T23:59:59Z").year, 2200);
    }

    #[test]
    fn an_offset_of_four_bytes_that_are_not_four_digits_is_an_error() {
        // Found by fuzzing: `+0` and a zero-width space is four bytes long,
        // and splitting it as `HHMM` cut the space in two (a panic).
        for input in [
            "2021-10-15T14:00:00+0\u{200b}",
            "2021-10-15T14:00:00.12-0\u{200b}",
        ] {
            let e = parse_date(input, VN).unwrap_err();
            let m = crate::diag::en::date(&e.problem);
            assert!(m.contains("is not a UTC offset"), "{input}: {m}");
        }
    }

    #[test]
    fn utc_offsets_beyond_14_hours_or_60_minutes_are_errors() {
        for input in [
            "2021-10-15T14:00:00+15:00",
            "2021-10-15T14:00:00-15:00",
            "2021-10-15T14:00:00+14:01",
            "2021-10-15T14:00:00+1401",
            "2021-10-15 14:30 +15:00",
            "15/10/2021 14:30 +15:00",
            "15/10/2021 14h30 UTC+15",
            "15/10/2021 GMT-16",
        ] {
            let m = fails(input);
            assert!(m.contains("beyond ±14:00"), "{input}: {m}");
        }
        for input in [
            "2021-10-15T14:00:00+07:60",
            "2021-10-15T14:00:00+0775",
            "15/10/2021 14:30 -03:99",
        ] {
            let m = fails(input);
            assert!(m.contains("minutes go from 00 to 59"), "{input}: {m}");
        }
        assert!(fails("2021-10-15T14:00:00+07:5").contains("UTC offset"));
        assert_eq!(ok("2021-10-15T14:00:00+14:00").offset_minutes, 840);
        assert_eq!(ok("2021-10-15T14:00:00-14:00").offset_minutes, -840);
        assert_eq!(ok("15/10/2021 14:30 UTC+7").offset_minutes, 420);
        assert_eq!(ok("2021-10-15T14:00:00+05:45").offset_minutes, 345);
    }

    #[test]
    fn unreadable_dates_say_what_to_write() {
        for s in [
            "",
            "15 tháng 10",
            "2021",
            "15/10",
            "14:30",
            "15/10/2021 14:3",
            "2021-10-15 abc",
        ] {
            let m = fails(s);
            assert!(m.contains("YYYY-MM-DD") || m.contains("HH:MM"), "{s}: {m}");
        }
        let m = fails("15/10/2021 16/10/2021");
        assert!(m.contains("two dates"), "{m}");
    }

    #[test]
    fn officers_habits_are_read_when_unambiguous() {
        let cases = [
            ("Thứ Sáu, 15/10/2021", dt(2021, 10, 15, 0, 0, 0, VN)),
            ("Thứ Sáu, 15/10/2021 14:30", dt(2021, 10, 15, 14, 30, 0, VN)),
            ("thứ sáu 15/10/2021", dt(2021, 10, 15, 0, 0, 0, VN)),
            ("Thứ 6, 15/10/2021", dt(2021, 10, 15, 0, 0, 0, VN)),
            ("Chủ nhật, 17/10/2021", dt(2021, 10, 17, 0, 0, 0, VN)),
            ("CN 17/10/2021", dt(2021, 10, 17, 0, 0, 0, VN)),
            ("ngày 15 tháng 10 năm 2021", dt(2021, 10, 15, 0, 0, 0, VN)),
            ("Ngày 05 tháng 02 năm 2021", dt(2021, 2, 5, 0, 0, 0, VN)),
            (
                "14 giờ 30 ngày 15 tháng 10 năm 2021",
                dt(2021, 10, 15, 14, 30, 0, VN),
            ),
            ("15/10/2021 14 giờ 30", dt(2021, 10, 15, 14, 30, 0, VN)),
            ("15/10/2021 14 giờ 30 phút", dt(2021, 10, 15, 14, 30, 0, VN)),
            ("15/10/2021 8 giờ", dt(2021, 10, 15, 8, 0, 0, VN)),
            (
                "Thứ Năm, ngày 14 tháng 10 năm 2021",
                dt(2021, 10, 14, 0, 0, 0, VN),
            ),
        ];
        for (s, want) in cases {
            assert_eq!(ok(s), want, "{s}");
        }
    }

    #[test]
    fn officers_habits_that_cannot_be_read_say_what_to_write() {
        // (input, what the message must say, what it must not say)
        let cases: &[(&str, &[&str])] = &[
            (
                "Thứ Năm, 15/10/2021",
                &[
                    "15/10/2021 is a Friday",
                    "not a Thursday (`Thứ Năm`)",
                    "15/10/2021",
                ],
            ),
            ("Chủ nhật, 15/10/2021", &["is a Friday", "not a Sunday"]),
            ("Thứ 2 15/10/2021", &["not a Monday"]),
            (
                "hôm qua",
                &["`hôm qua`", "changes with the day", "15/10/2021"],
            ),
            ("Hôm nay 14h", &["`hôm nay`"]),
            ("ngày mai", &["`ngày mai`"]),
            ("15 tháng 10", &["year", "ngày 15 tháng 10 năm 2021"]),
            ("tháng 10 năm 2021", &["day", "15/10/2021"]),
            ("ngày 31 tháng 2 năm 2021", &["February 2021 has 28 days"]),
            (
                "ngày 15 tháng 10 năm 3021",
                &["year 3021 is outside 1900–2200"],
            ),
            ("15/10/2021 25 giờ", &["no hour 25"]),
            ("Thứ Tám, 15/10/2021", &["`Thứ Tám` is not a weekday"]),
            ("15/10/2021 chiều", &["`chiều` is not part of a date"]),
        ];
        for (input, needles) in cases {
            let m = fails(input);
            for n in *needles {
                assert!(m.contains(n), "{input}: `{m}` lacks `{n}`");
            }
            assert!(!m.contains("is not a time of day"), "{input}: {m}");
        }
        // Offsets and years stay checked in the new forms.
        assert!(fails("Thứ Sáu, 15/10/2021 14:30 +15:00").contains("beyond ±14:00"));
    }

    #[test]
    fn weekdays() {
        assert_eq!(ok("15/10/2021").weekday(), 5); // Friday
        assert_eq!(ok("01/01/1970").weekday(), 4); // Thursday
        assert_eq!(ok("02/09/1945").weekday(), 0); // Sunday, Independence Day
        assert_eq!(ok("30/04/1975").weekday(), 3); // Wednesday
        assert_eq!(ok("29/02/2000").weekday(), 2); // Tuesday
        assert_eq!(ok("01/01/2100").weekday(), 5); // Friday
    }

    #[test]
    fn ordering_across_offsets() {
        let vn = ok("2021-10-15T14:00:00+07:00");
        let utc = ok("2021-10-15T07:00:00Z");
        let later = ok("2021-10-15T07:00:01Z");
        assert_eq!(vn.timestamp(), utc.timestamp());
        assert!(utc < later && vn < later);
        assert!(ok("2021-10-15T06:59:59Z") < vn);
        // Same instant, different offset: not equal, but adjacent.
        assert_ne!(vn, utc);
        assert_ne!(vn.cmp(&utc), std::cmp::Ordering::Equal);
        // Late evening in Hanoi is still the previous day in UTC.
        let d = ok("16/10/2021 06:00").with_offset(0);
        assert_eq!((d.day, d.hour), (15, 23));
        let mut v = [later, vn, utc, ok("14/10/2021")];
        v.sort();
        assert_eq!(v[0], ok("14/10/2021"));
        assert_eq!(v[3], later);
    }

    #[test]
    fn timestamps_round_trip() {
        for s in [
            "01/01/1970",
            "29/02/2000 23:59:59",
            "01/01/1900 12:00",
            "31/12/2200 23:59:59",
            "15/10/2021 14h30",
        ] {
            let d = ok(s);
            assert_eq!(
                DateTime::from_timestamp(d.timestamp(), d.offset_minutes),
                d,
                "{s}"
            );
        }
        assert_eq!(ok("2021-10-15T14:00:00+07:00").timestamp(), 1_634_281_200);
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn now_and_today() {
        let now = DateTime::now(VN);
        assert!(now.year >= 2024 && now.offset_minutes == VN);
        let today = DateTime::today_in(VN);
        assert_eq!((today.hour, today.minute, today.second), (0, 0, 0));
        assert!(today <= now);
        assert!(now.timestamp() - today.timestamp() < 86_400);
    }

    #[test]
    fn machine_formats() {
        let d = ok("2021-10-15T14:00:00+07:00");
        assert_eq!(d.rfc3339(), "2021-10-15T14:00:00+07:00");
        assert_eq!(d.rfc2822(), "Fri, 15 Oct 2021 14:00:00 +0700");
        assert_eq!(
            ok("2021-01-03T09:05:07-03:30").rfc2822(),
            "Sun, 03 Jan 2021 09:05:07 -0330"
        );
        assert_eq!(
            ok("2021-01-03T09:05:07Z").rfc3339(),
            "2021-01-03T09:05:07+00:00"
        );
    }

    #[test]
    fn years_beyond_four_digits_get_an_example_that_is_a_date() {
        // (input, what the message must say): the year as written, and an
        // example in the officer's own form with a year bantin takes.
        let cases: &[(&str, &[&str])] = &[
            (
                "0000-01-01",
                &["year 0000 is outside 1900–2200", "2021-01-01"],
            ),
            ("0-01-01", &["four digits", "01/01/2000"]),
            ("15/10/0", &["four digits", "15/10/2000"]),
            ("ngày 15 tháng 10 năm 0", &["four digits", "15/10/2000"]),
            ("99-10-15", &["four digits", "15/10/2099"]),
            ("15/10/99", &["four digits", "15/10/2099"]),
            ("ngày 15 tháng 10 năm 99", &["four digits", "15/10/2099"]),
            (
                "15/10/099",
                &["year 099 is outside 1900–2200", "15/10/2021"],
            ),
            (
                "10000-01-01",
                &["year 10000 is outside 1900–2200", "2021-01-01"],
            ),
            ("10000-1-1", &["year 10000 is outside", "2021-01-01"]),
            (
                "10000-01-01T10:00:00Z",
                &["year 10000 is outside", "2021-01-01"],
            ),
            ("15/10/10000", &["year 10000 is outside", "15/10/2021"]),
            (
                "15.10.10000 14h30",
                &["year 10000 is outside", "15.10.2021"],
            ),
            ("12345/10/15", &["year 12345 is outside", "15/10/2021"]),
            (
                "ngày 15 tháng 10 năm 20211",
                &["year 20211 is outside", "15/10/2021"],
            ),
            ("10000-13-45", &["year 10000 is outside", "2021-10-15"]),
            ("-2021-01-01", &["year -2021 is outside", "2021-01-01"]),
            ("-5-01-01", &["year -5 is outside", "2021-01-01"]),
            (
                "-0001-01-01T10:00:00+07:00",
                &["year -0001 is outside", "2021-01-01"],
            ),
            ("15/10/-2021", &["year -2021 is outside", "15/10/2021"]),
            ("15-10--2021", &["year -2021 is outside", "15-10-2021"]),
        ];
        for (input, needles) in cases {
            let m = fails(input);
            for n in *needles {
                assert!(m.contains(n), "{input}: `{m}` lacks `{n}`");
            }
            // What follows the date as written: no day of five digits.
            let advice = m.strip_prefix(&format!("`{input}`")).unwrap_or(&m);
            for nonsense in [
                "not a time of day",
                "has no year",
                "10000/",
                "12345/",
                "/200`",
            ] {
                assert!(!advice.contains(nonsense), "{input}: {m}");
            }
        }
        // The Vietnamese words say the same.
        let e = parse_date("10000-01-01", VN).unwrap_err();
        let m = crate::diag::vi::date(&e.problem);
        assert!(m.contains("năm 10000") && m.contains("2021-01-01"), "{m}");
        // Signs and long digit runs stay errors, never dates.
        for input in ["+2021-01-01", "15/10/+2021", "15/-10/2021", "-15/10/2021"] {
            assert!(parse_date(input, VN).is_err(), "{input}");
        }
    }
}
