//! The date archive: years and months, newest first, in the site's timezone.

use std::collections::BTreeMap;

/// Years with articles, newest first.
#[derive(Debug, Clone, Default)]
pub struct Archive {
    pub years: Vec<Year>,
}

#[derive(Debug, Clone)]
pub struct Year {
    pub year: i32,
    /// Months with articles, newest first.
    pub months: Vec<Month>,
    pub count: usize,
}

#[derive(Debug, Clone)]
pub struct Month {
    pub year: i32,
    pub month: u8,
    /// Article ids, newest first.
    pub articles: Vec<usize>,
}

impl Month {
    /// URL path: `luu-tru/2021/07/` (month always two digits).
    pub fn path(&self, root: &str) -> String {
        format!("{root}/{}/{:02}/", self.year, self.month)
    }
}

impl Archive {
    /// Builds the archive from each article's (year, month), given by id.
    pub fn build(months: impl Iterator<Item = (i32, u8)>) -> Archive {
        let mut map: BTreeMap<(i32, u8), Vec<usize>> = BTreeMap::new();
        for (id, ym) in months.enumerate() {
            map.entry(ym).or_default().push(id);
        }
        let mut years: Vec<Year> = Vec::new();
        for ((year, month), articles) in map.into_iter().rev() {
            if years.last().map(|y| y.year) != Some(year) {
                years.push(Year {
                    year,
                    months: Vec::new(),
                    count: 0,
                });
            }
            let y = years.last_mut().expect("pushed above");
            y.count += articles.len();
            y.months.push(Month {
                year,
                month,
                articles,
            });
        }
        Archive { years }
    }

    /// Every month, newest first.
    pub fn months(&self) -> impl Iterator<Item = &Month> {
        self.years.iter().flat_map(|y| y.months.iter())
    }
}

/// Year and month of a moment in the site's UTC offset.
pub fn month_in(date: &crate::vi::DateTime, offset_minutes: i32) -> (i32, u8) {
    let local = date.with_offset(offset_minutes);
    (local.year, local.month)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vi::parse_date;

    #[test]
    fn groups_newest_first() {
        let a = Archive::build([(2021, 10), (2021, 10), (2021, 7), (2020, 12)].into_iter());
        assert_eq!(a.years.len(), 2);
        assert_eq!(a.years[0].year, 2021);
        assert_eq!(a.years[0].count, 3);
        assert_eq!(a.years[0].months[0].month, 10);
        assert_eq!(a.years[0].months[0].articles, vec![0, 1]);
        assert_eq!(a.years[0].months[1].path("luu-tru"), "luu-tru/2021/07/");
    }

    #[test]
    fn month_follows_the_site_timezone() {
        // 23:30 UTC on 31 July is already August in Vietnam.
        let d = parse_date("2021-07-31T23:30:00Z", 0).unwrap();
        assert_eq!(month_in(&d, 420), (2021, 8));
        assert_eq!(month_in(&d, 0), (2021, 7));
        let d = parse_date("2020-02-29", 420).unwrap();
        assert_eq!(month_in(&d, 420), (2020, 2));
    }
}
