//! The minijinja environment: templates compiled once, autoescape on
//! everywhere, and the filters themes use for URLs, dates and numbers.

use std::sync::Arc;

use minijinja::value::{Object, ObjectRepr, Value};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, State, UndefinedBehavior};

use super::theme::Theme;
use crate::config::Config;
use crate::diag::{Code, Diagnostic, TemplateKind};
use crate::lang::Lang;
use crate::vi;

/// Builds the environment; every template syntax error is reported.
pub fn environment(
    theme: &Theme,
    config: &Config,
) -> Result<Environment<'static>, Vec<Diagnostic>> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_formatter(html_formatter);
    let mut errors = Vec::new();
    for (name, (source, shown)) in &theme.templates {
        if let Err(e) = env.add_template_owned(name.clone(), source.clone()) {
            errors.push(template_error(&e, shown, source));
        }
    }
    let index_html = config.link_index_html;
    env.add_filter("url", move |state: &State, path: &str| {
        url(state, path, index_html)
    });
    let base = config.base();
    env.add_filter("abs_url", move |path: &str| {
        if is_absolute(path) {
            path.to_string()
        } else {
            format!(
                "{base}{}",
                crate::url::encode_path(path.trim_start_matches('/'))
            )
        }
    });
    let (lang, offset) = (config.lang, config.offset_minutes);
    env.add_filter("srcset", |state: &State, list: Vec<Value>| -> String {
        let root = state
            .lookup("root")
            .map(|v| v.to_string())
            .unwrap_or_default();
        let items: Vec<(String, u32)> = list
            .iter()
            .filter_map(|c| {
                let path = c.get_attr("path").ok()?.as_str()?.to_string();
                let width = u32::try_from(c.get_attr("width").ok()?).ok()?;
                Some((path, width))
            })
            .collect();
        super::picture::srcset(items.iter().map(|(p, w)| (p.as_str(), *w)), &root)
    });
    env.add_filter("date_full", move |d: Value| {
        date(&d, offset).map(|d| lang.date_full(&d))
    });
    env.add_filter("date_short", move |d: Value| {
        date(&d, offset).map(|d| lang.date_short(&d))
    });
    env.add_filter("date_long", move |d: Value| {
        date(&d, offset).map(|d| lang.date_long(&d))
    });
    env.add_filter("month_label", move |year: i32, month: u8| {
        lang.month(year, month)
    });
    env.add_filter("month_short", move |year: i32, month: u8| {
        lang.month_short(year, month)
    });
    env.add_filter("month_name", move |month: u8| lang.month_name(month));
    env.add_filter("number", move |n: u64| lang.number(n));
    let strings = theme.strings.clone();
    env.add_filter(
        "count",
        move |n: u64, noun: &str, fallback: Option<&str>| count(lang, &strings, n, noun, fallback),
    );
    env.add_filter("two_digits", |n: u32| format!("{n:02}"));
    if errors.is_empty() {
        Ok(env)
    } else {
        Err(errors)
    }
}

/// A URL with an allowed scheme (`http`, `https`, `mailto`, `tel`).
fn is_absolute(path: &str) -> bool {
    use crate::url::UrlKind;
    matches!(
        crate::url::check_link(path),
        Ok(UrlKind::Web | UrlKind::Mail | UrlKind::Tel)
    )
}

/// A site path made relative to the page being rendered, so the site works
/// from any sub-path and from `file://`. The path is a file's path, percent-
/// encoded here (a `#` or `%` in a file name is part of the name); values
/// with an allowed scheme pass as they are, and so does a lone `#fragment`.
fn url(state: &State, path: &str, index_html: bool) -> String {
    if is_absolute(path) || path.starts_with('#') {
        return path.to_string();
    }
    let root = state
        .lookup("root")
        .map(|v| v.to_string())
        .unwrap_or_default();
    let path = path.trim_start_matches('/');
    let mut out = format!("{root}{}", crate::url::encode_path(path));
    if index_html && (path.is_empty() || path.ends_with('/')) {
        out.push_str("index.html");
    } else if out.is_empty() {
        out.push_str("./");
    }
    out
}

/// A date as templates see it: it prints as RFC 3339 (for `datetime=`,
/// JSON-LD and meta tags), and the date filters format it in the site's
/// language without reading text back.
#[derive(Debug)]
pub struct DateValue(pub vi::DateTime);

impl Object for DateValue {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Plain
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let d = &self.0;
        Some(match key.as_str()? {
            "year" => Value::from(d.year),
            "month" => Value::from(d.month),
            "day" => Value::from(d.day),
            "hour" => Value::from(d.hour),
            "minute" => Value::from(d.minute),
            _ => return None,
        })
    }

    fn render(self: &Arc<Self>, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.rfc3339())
    }
}

/// A date for templates.
pub fn date_value(d: vi::DateTime) -> Value {
    Value::from_object(DateValue(d))
}

/// The date a filter was given: a page's date, or text (a theme's own
/// value such as `page.extra.ngay_ban_hanh`) read in the site's time zone.
fn date(v: &Value, offset: i32) -> Result<vi::DateTime, Error> {
    if let Some(d) = v.downcast_object_ref::<DateValue>() {
        return Ok(d.0);
    }
    let text = v.as_str().ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidOperation,
            format!("the date filters take a date, not {}", v.kind()),
        )
    })?;
    vi::parse_date(text, offset)
        .map(|d| d.with_offset(offset))
        .map_err(|e| {
            Error::new(
                ErrorKind::InvalidOperation,
                crate::diag::en::date(&e.problem),
            )
        })
}

/// `3 bài viết` / `1 article`, `2 articles`: the number, then the noun of
/// the theme's strings `NOUN_one` or `NOUN_other`; a noun the strings lack
/// falls back to `fallback` (a custom taxonomy counts as "entries"), then
/// to the string `NOUN`.
fn count(
    lang: Lang,
    strings: &std::collections::BTreeMap<String, String>,
    n: u64,
    noun: &str,
    fallback: Option<&str>,
) -> String {
    let form = if lang.is_singular(n) { "one" } else { "other" };
    // A theme's own i18n file written before counts may lack the forms:
    // its plain `NOUN` string is closer to the site's language than the key.
    let word = [Some(noun), fallback]
        .into_iter()
        .flatten()
        .find_map(|k| strings.get(&format!("{k}_{form}")))
        .or_else(|| strings.get(noun))
        .map_or(noun, String::as_str);
    format!("{} {word}", lang.number(n))
}

/// The relative prefix from a page at `path` back to the site root.
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// A template error as a diagnostic pointing into the template file.
pub fn template_error(e: &Error, shown: &str, source: &str) -> Diagnostic {
    // minijinja's own words, in English: they name the variable or filter.
    let mut detail = e
        .detail()
        .map_or_else(|| e.kind().to_string(), |d| format!("{}: {d}", e.kind()));
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        detail.push_str(&format!(" ({c})"));
        cause = c.source();
    }
    let kind = match e.kind() {
        ErrorKind::SyntaxError => TemplateKind::Syntax,
        ErrorKind::UndefinedError => TemplateKind::Undefined,
        ErrorKind::UnknownFilter => TemplateKind::UnknownFilter,
        ErrorKind::UnknownFunction => TemplateKind::UnknownFunction,
        ErrorKind::UnknownTest => TemplateKind::UnknownTest,
        ErrorKind::TemplateNotFound => TemplateKind::NotFound,
        ErrorKind::InvalidOperation => TemplateKind::InvalidOperation,
        _ => TemplateKind::Other,
    };
    let line = e.line().unwrap_or(0);
    // The column of the failing expression, when minijinja knows its span.
    let column = e
        .range()
        .and_then(|r| source.get(..r.start))
        .map_or(0, |before| {
            before.chars().rev().take_while(|&c| c != '\n').count() + 1
        });
    let code = Code::Template {
        kind,
        detail,
        page: None,
    };
    Diagnostic::error(shown, line, column, code).source(source)
}

/// Escapes only what HTML needs (`& < > " '`); minijinja's default also
/// escapes `/`, which bloats every URL in a page.
fn html_formatter(out: &mut minijinja::Output, state: &State, value: &Value) -> Result<(), Error> {
    if value.is_safe() || !matches!(state.auto_escape(), AutoEscape::Html) {
        return minijinja::escape_formatter(out, state, value);
    }
    if value.is_none() || value.is_undefined() {
        return Ok(());
    }
    crate::content::highlight::write_escaped(out, &value.to_string()).map_err(Error::from)
}

/// Wraps HTML that bantin produced (and escaped) itself.
pub fn safe(html: String) -> Value {
    Value::from_safe_string(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_group_digits_and_agree_in_number() {
        let strings: std::collections::BTreeMap<String, String> = [
            ("articles_one", "article"),
            ("articles_other", "articles"),
            ("terms_one", "entry"),
            ("terms_other", "entries"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let en = |n, noun, fallback| count(Lang::En, &strings, n, noun, fallback);
        assert_eq!(en(1, "articles", None), "1 article");
        assert_eq!(en(0, "articles", None), "0 articles");
        assert_eq!(en(1234, "articles", None), "1,234 articles");
        assert_eq!(en(1, "linh_vuc", Some("terms")), "1 entry");
        assert_eq!(en(174, "linh_vuc", Some("terms")), "174 entries");
        let vi: std::collections::BTreeMap<String, String> =
            [("tags_one", "thẻ"), ("tags_other", "thẻ")]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
        assert_eq!(
            count(Lang::Vi, &vi, 1234, "tags", Some("terms")),
            "1.234 thẻ"
        );
    }

    #[test]
    fn date_filters_read_values_and_text_in_the_site_time_zone() {
        let d = vi::parse_date("2021-10-31T20:00:00Z", 0).unwrap();
        let v = date_value(d.with_offset(420));
        assert_eq!(v.to_string(), "2021-11-01T03:00:00+07:00");
        assert_eq!(date(&v, 420).unwrap().day, 1);
        let text = Value::from("2021-10-31T20:00:00Z");
        assert_eq!(
            date(&text, 420).unwrap().rfc3339(),
            "2021-11-01T03:00:00+07:00"
        );
        assert!(date(&Value::from(3), 420).is_err());
    }
}
