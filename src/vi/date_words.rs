//! Words officers write around a date: a weekday (`Thứ Sáu, 15/10/2021`,
//! the form sites display), `ngày 15 tháng 10 năm 2021` (the form of
//! official documents), `14 giờ 30`, and days relative to today
//! (`hôm qua`). The unambiguous ones become the tokens [`super::date`]
//! reads; the others are errors that say what to write instead.

use super::date::{days_from_civil, DateError, DateProblem};

/// Days relative to the day the site is built: never a date.
const RELATIVE: &[&str] = &[
    "hôm qua",
    "hôm nay",
    "hôm kia",
    "ngày mai",
    "ngày kia",
    "tuần trước",
    "tuần này",
    "tháng trước",
    "bây giờ",
    "yesterday",
    "today",
    "tomorrow",
];

/// The tokens of a date with its words read.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Words {
    /// Dates (`15/10/2021`), times (`14h30`, `14:30`), offsets.
    pub tokens: Vec<String>,
    /// A weekday written with the date: 0 = Sunday, and as it was written.
    pub weekday: Option<(u8, String)>,
}

fn err(problem: DateProblem) -> DateError {
    DateError { problem }
}

fn is_number(t: &str) -> bool {
    !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit())
}

/// The weekday named by the word after `Thứ`: `Hai` or `2` … `Bảy` or `7`.
fn weekday_after_thu(word: &str) -> Option<u8> {
    Some(match word {
        "hai" | "2" => 1,
        "ba" | "3" => 2,
        "tư" | "4" => 3,
        "năm" | "5" => 4,
        "sáu" | "6" => 5,
        "bảy" | "7" => 6,
        _ => return None,
    })
}

/// Splits `s` into tokens, reading the words around its date and time.
pub fn read(s: &str) -> Result<Words, DateError> {
    let lower = s.to_lowercase();
    if let Some(r) = RELATIVE.iter().find(|r| lower.contains(*r)) {
        let text = if lower == *r {
            String::new()
        } else {
            s.to_string()
        };
        return Err(err(DateProblem::Relative { text, word: r }));
    }
    let raw: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let low: Vec<String> = raw.iter().map(|t| t.to_lowercase()).collect();
    let at = |i: usize| low.get(i).map_or("", String::as_str);
    let mut words = Words::default();
    let mut i = 0;
    while i < raw.len() {
        let (weekday, used) = match at(i) {
            "thứ" => match weekday_after_thu(at(i + 1)) {
                Some(w) => (Some(w), 2),
                None => {
                    let written = raw[i..(i + 2).min(raw.len())].join(" ");
                    return Err(err(DateProblem::NotAWeekday {
                        text: s.to_string(),
                        written,
                    }));
                }
            },
            "chủ" if at(i + 1) == "nhật" => (Some(0), 2),
            "cn" => (Some(0), 1),
            _ => (None, 0),
        };
        if let Some(w) = weekday {
            words.weekday = Some((w, raw[i..i + used].join(" ")));
            i += used;
            continue;
        }
        match at(i) {
            "ngày" | "lúc" | "vào" => i += 1,
            // `14 giờ 30 phút`, `14 giờ 30`, `8 giờ`.
            h if is_number(h) && at(i + 1) == "giờ" => {
                let minute = if is_number(at(i + 2)) { at(i + 2) } else { "" };
                words.tokens.push(format!("{h}h{minute}"));
                i += if minute.is_empty() { 2 } else { 3 };
                if !minute.is_empty() && at(i) == "phút" {
                    i += 1;
                }
            }
            // `15 tháng 10 năm 2021` (after `ngày`).
            d if is_number(d) && at(i + 1) == "tháng" => {
                let (m, y) = (at(i + 2), at(i + 4));
                // A year of any length is read, to be reported as a year.
                let is_year = !y.is_empty() && y.bytes().all(|b| b.is_ascii_digit());
                if !is_number(m) || at(i + 3) != "năm" || !is_year {
                    return Err(err(DateProblem::NoYear {
                        text: s.to_string(),
                    }));
                }
                words.tokens.push(format!("{d}/{m}/{y}"));
                i += 5;
            }
            "tháng" => {
                return Err(err(DateProblem::NoDay {
                    text: s.to_string(),
                }))
            }
            _ => {
                // A word without digits is no part of any accepted form
                // (offsets such as `Z` are read by the caller).
                let t = raw[i];
                if !t.bytes().any(|b| b.is_ascii_digit()) && !t.eq_ignore_ascii_case("z") {
                    return Err(err(DateProblem::NotPartOfDate {
                        text: s.to_string(),
                        word: t.to_string(),
                    }));
                }
                words.tokens.push(t.to_string());
                i += 1;
            }
        }
    }
    Ok(words)
}

/// Checks a weekday written with a date: a wrong one means the date or the
/// weekday is mistyped, and only the officer knows which.
pub fn check_weekday(
    s: &str,
    (weekday, written): &(u8, String),
    (year, month, day): (i32, u8, u8),
) -> Result<(), DateError> {
    let actual = (days_from_civil(year, month, day) + 4).rem_euclid(7) as usize;
    if actual == usize::from(*weekday) {
        return Ok(());
    }
    Err(err(DateProblem::WrongWeekday {
        text: s.to_string(),
        date: (day, month, year),
        actual: actual as u8,
        written_day: *weekday,
        written: written.clone(),
    }))
}
