//! The checks of config.yaml's values that its types cannot express (URLs,
//! folder names, time zones, menus), each error placed at its line.

use crate::diag::{BaseUrlProblem, Code, Diagnostic, SegmentOwner, UrlSegmentProblem};
use crate::lang::Lang;

use super::settings::Config;

/// Line and column of the top-level `key:`, or (0, 0) when it is not written.
fn at(text: &str, key: &str) -> (usize, usize) {
    crate::yaml::locate_key(text, key).unwrap_or((0, 0))
}

/// Why `url` cannot be the site's `base_url`: it must be an absolute
/// `http(s)://host/…` URL without spaces, query or fragment.
pub fn check_base_url(url: &str) -> Result<(), BaseUrlProblem> {
    match crate::url::check(url) {
        Err(e) => return Err(BaseUrlProblem::Url(e)),
        Ok(crate::url::UrlKind::Web) => {}
        Ok(_) => return Err(BaseUrlProblem::NotAbsolute),
    }
    let rest = url
        .split_once("://")
        .map(|(_, r)| r)
        .ok_or(BaseUrlProblem::NotAbsolute)?;
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() {
        return Err(BaseUrlProblem::NoHost);
    }
    if let Some(c) = url
        .chars()
        .find(|c| matches!(c, '?' | '#' | '"' | '<' | '>' | '\\' | '\''))
    {
        return Err(BaseUrlProblem::Character(c));
    }
    Ok(())
}

/// Why `value` cannot be a folder name in URLs: it must be a non-empty
/// slug (lowercase ASCII words joined by `-`) and a valid file name.
pub fn check_url_segment(value: &str) -> Result<(), UrlSegmentProblem> {
    if value.is_empty() {
        return Err(UrlSegmentProblem::Empty);
    }
    crate::paths::check_segment(value).map_err(UrlSegmentProblem::Segment)?;
    if crate::vi::slugify(value) != value {
        return Err(UrlSegmentProblem::NotSlug {
            slug: crate::vi::slugify(value),
        });
    }
    Ok(())
}

/// A theme is a folder directly under `themes/`: a plain name, nothing that
/// could point elsewhere.
pub(super) fn is_theme_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Line and column of `value` written under the top-level key `parent`
/// (nested keys, list items, flow mappings); the key itself otherwise.
pub(super) fn near(text: &str, parent: &str, value: &str) -> (usize, usize) {
    let Some((start, _)) = crate::yaml::locate_key(text, parent) else {
        return (0, 0);
    };
    // A value with escapes is not written as it reads: look for its first word.
    let word = value
        .trim()
        .split(|c: char| c.is_whitespace() || c.is_control() || c == '"' || c == '\\')
        .next()
        .unwrap_or("");
    for needle in [value, word] {
        if needle.is_empty() {
            continue;
        }
        for (i, line) in text.lines().enumerate().skip(start - 1) {
            if i + 1 > start && !line.is_empty() && !line.starts_with([' ', '\t', '-', '#']) {
                break; // the next top-level key
            }
            if let Some(k) = line.find(needle) {
                return (i + 1, line[..k].chars().count() + 1);
            }
        }
    }
    (start, 1)
}

impl Config {
    /// Every problem of the values of config.yaml, in the order of the
    /// settings a reader meets them; `text` places each at its line.
    pub(super) fn check(&self, text: &str, file: &str) -> Result<(), Vec<Diagnostic>> {
        let mut errors = Vec::new();
        self.check_scalars(text, file, &mut errors);
        self.check_lists(text, file, &mut errors);
        self.check_names(text, file, &mut errors);
        self.check_menu(text, file, &mut errors);
        self.check_contact(text, file, &mut errors);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Timezone, language, page size and base URL.
    fn check_scalars(&self, text: &str, file: &str, errors: &mut Vec<Diagnostic>) {
        if parse_timezone(&self.timezone).is_none() {
            let (l, c) = at(text, "timezone");
            let code = Code::UnknownTimezone {
                value: self.timezone.clone(),
            };
            errors.push(Diagnostic::error(file, l, c, code).source(text));
        }
        if Lang::parse(&self.language).is_none() {
            let (l, c) = at(text, "language");
            let code = Code::UnsupportedLanguage {
                value: self.language.clone(),
            };
            errors.push(Diagnostic::error(file, l, c, code).source(text));
        }
        if self.paginate_by == 0 {
            let (l, c) = at(text, "paginate_by");
            errors.push(Diagnostic::error(file, l, c, Code::PaginateZero).source(text));
        }
        if let Err(why) = check_base_url(&self.base_url) {
            let (l, c) = at(text, "base_url");
            let code = Code::BadBaseUrl {
                flag: false,
                url: self.base_url.clone(),
                why,
            };
            errors.push(Diagnostic::error(file, l, c, code).source(text));
        }
    }

    /// Taxonomies named twice, unusable synonyms and image settings.
    fn check_lists(&self, text: &str, file: &str, errors: &mut Vec<Diagnostic>) {
        let mut seen = std::collections::HashSet::new();
        for t in &self.taxonomies {
            if !seen.insert(t.name.as_str()) {
                let (l, c) = near(text, "taxonomies", &t.name);
                let code = Code::TaxonomyTwice {
                    name: t.name.clone(),
                };
                errors.push(Diagnostic::error(file, l, c, code).source(text));
            }
        }
        for (short, long) in &self.search.synonyms {
            if let Some(problem) = crate::vi::search::check_synonym(short, long) {
                let (l, c) = near(text, "search", short);
                let code = Code::Synonym {
                    short: short.clone(),
                    problem,
                };
                errors.push(Diagnostic::error(file, l, c, code).source(text));
            }
        }
        if let Some(problem) = self.images.problem() {
            let (l, c) = near(text, "images", problem.key());
            let code = Code::ImageSetting { problem };
            errors.push(Diagnostic::error(file, l, c, code).source(text));
        }
    }

    /// Values that become folder names: in the output, and the theme under `themes/`.
    fn check_names(&self, text: &str, file: &str, errors: &mut Vec<Diagnostic>) {
        // Values that become folder names in the output.
        let urls = |key: &str| SegmentOwner::Urls { key: key.into() };
        let mut segments: Vec<(SegmentOwner, &str, &str)> = vec![
            (urls("urls.archive"), "urls", self.urls.archive.as_str()),
            (urls("urls.search"), "urls", self.urls.search.as_str()),
            (urls("urls.page"), "urls", self.urls.page.as_str()),
        ];
        for t in &self.taxonomies {
            segments.push((
                SegmentOwner::TaxonomyPath {
                    name: t.name.clone(),
                },
                "taxonomies",
                t.path.as_str(),
            ));
        }
        for (term, slug) in &self.term_slugs {
            segments.push((
                SegmentOwner::TermSlug { term: term.clone() },
                "term_slugs",
                slug.as_str(),
            ));
        }
        for (owner, parent, value) in segments {
            if let Err(why) = check_url_segment(value) {
                let (l, c) = near(text, parent, value);
                let code = Code::BadUrlSegment {
                    owner,
                    value: value.to_string(),
                    why,
                };
                errors.push(Diagnostic::error(file, l, c, code).source(text));
            }
        }
        if self.theme != "default" && !is_theme_name(&self.theme) {
            let (l, c) = at(text, "theme");
            let code = Code::BadThemeName {
                theme: self.theme.clone(),
            };
            errors.push(Diagnostic::error(file, l, c, code).source(text));
        }
    }

    /// Menus nested too deep and menu paths that are no URL.
    fn check_menu(&self, text: &str, file: &str, errors: &mut Vec<Diagnostic>) {
        let items = self
            .menu
            .iter()
            .flat_map(|m| std::iter::once(m).chain(&m.children));
        for m in self.menu.iter().flat_map(|m| &m.children) {
            if let Some(g) = m.children.first() {
                let (l, c) = near(text, "menu", &g.title);
                let code = Code::MenuTooDeep {
                    title: g.title.clone(),
                    parent: m.title.clone(),
                };
                errors.push(Diagnostic::error(file, l, c, code).source(text));
            }
        }
        for m in items {
            if let Err(why) = crate::url::check(&m.path) {
                let (l, c) = near(text, "menu", &m.path);
                let code = Code::MenuBadPath {
                    title: m.title.clone(),
                    path: m.path.clone(),
                    why,
                };
                errors.push(Diagnostic::error(file, l, c, code).source(text));
            }
        }
    }

    /// An email or phone number with characters no address or number has.
    fn check_contact(&self, text: &str, file: &str, errors: &mut Vec<Diagnostic>) {
        if let Some(c) = self
            .contact
            .email
            .chars()
            .find(|c| c.is_whitespace() || c.is_control() || matches!(c, '?' | '#' | '/' | ':'))
        {
            let (l, col) = near(text, "contact", "email");
            let code = Code::ContactEmail {
                email: self.contact.email.clone(),
                bad: c,
            };
            errors.push(Diagnostic::error(file, l, col, code).source(text));
        }
        if let Some(c) = self
            .contact
            .phone
            .chars()
            .find(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '+' | '.' | '-' | '(' | ')')))
        {
            let (l, col) = near(text, "contact", "phone");
            let code = Code::ContactPhone {
                phone: self.contact.phone.clone(),
                bad: c,
            };
            errors.push(Diagnostic::error(file, l, col, code).source(text));
        }
    }
}

/// A `timezone` setting as an offset from UTC in minutes: one of the names that mean +07:00
/// or UTC, or exactly `±HH:MM` up to ±14:00 (`+7`, `+07:5`, `+14:30`
/// and `+-14:-59` are not offsets).
pub fn parse_timezone(timezone: &str) -> Option<i32> {
    match timezone {
        "Asia/Ho_Chi_Minh" | "Asia/Saigon" | "Asia/Bangkok" | "Asia/Jakarta" => Some(420),
        "UTC" | "Z" => Some(0),
        s => {
            let b = s.as_bytes();
            if b.len() != 6 || b[3] != b':' {
                return None;
            }
            let sign = match b[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let two = |d: &[u8]| {
                d.iter()
                    .all(u8::is_ascii_digit)
                    .then(|| i32::from(d[0] - b'0') * 10 + i32::from(d[1] - b'0'))
            };
            let (h, m) = (two(&b[1..3])?, two(&b[4..6])?);
            let minutes = h * 60 + m;
            (m < 60 && minutes <= crate::vi::date::MAX_OFFSET_MINUTES).then_some(sign * minutes)
        }
    }
}
