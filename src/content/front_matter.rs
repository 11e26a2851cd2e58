//! Front matter: the YAML between `---` lines → a typed [`FrontMatter`],
//! checked against the keys of the file's [`Kind`]. Positions in errors are
//! counted in the whole file.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;

use crate::diag::{did_you_mean, Code, Diagnostic, Doc, KeyAdvice};
use crate::vi::{parse_date, DateTime};
use crate::yaml::{self, Problem};

use super::kind::{section_kind, Expect, Kind, PageFront, SectionFront};
use super::source::Source;

/// Checked front matter of an article, a section or a page: only the keys
/// of its [`Kind`] are set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    /// What the file is, decided by where it is (and, at the content root,
    /// by whether it has a date).
    pub kind: Kind,
    /// For a section: what its files are (`kind: pages`); articles when unset.
    pub lists: Kind,
    pub title: String,
    pub date: Option<DateTime>,
    pub updated: Option<DateTime>,
    pub authors: Vec<String>,
    pub summary: Option<String>,
    /// Terms per taxonomy name (`tags`, `categories`, and declared ones).
    /// A list rather than a map: most articles have two taxonomies, and a
    /// map node costs more than the terms themselves. The names of the two
    /// built-in taxonomies are not allocated for every article.
    pub terms: Vec<(Cow<'static, str>, Vec<String>)>,
    pub image: Option<String>,
    pub image_caption: Option<String>,
    /// What the featured image shows, for readers who cannot see it.
    pub image_alt: Option<String>,
    /// Position of the `image:` value, for errors about a missing file.
    pub image_pos: (usize, usize),
    pub draft: bool,
    pub slug: Option<String>,
    pub aliases: Vec<String>,
    /// Line and column of each alias, for errors about it.
    pub aliases_pos: Vec<(usize, usize)>,
    pub pinned: bool,
    pub expiry_date: Option<DateTime>,
    pub weight: i64,
    pub template: Option<String>,
    pub extra: serde_json::Value,
}

impl FrontMatter {
    /// Terms of taxonomy `name`, as written.
    pub fn terms_of(&self, name: &str) -> Option<&Vec<String>> {
        terms_in(&self.terms, name)
    }
}

impl FrontMatter {
    /// The keys of a section, from front matter checked as [`Kind::Section`].
    pub fn section(&self) -> SectionFront {
        SectionFront {
            title: self.title.clone(),
            summary: self.summary.clone(),
            lists: self.lists,
            weight: self.weight,
            template: self.template.clone(),
            extra: self.extra.clone(),
        }
    }

    /// The keys of a page, from front matter checked as [`Kind::Page`].
    pub fn into_page(self) -> PageFront {
        PageFront {
            title: self.title,
            summary: self.summary,
            updated: self.updated,
            weight: self.weight,
            slug: self.slug,
            aliases: self.aliases.into_iter().zip(self.aliases_pos).collect(),
            template: self.template,
            image: self.image,
            image_pos: self.image_pos,
            image_caption: self.image_caption,
            image_alt: self.image_alt,
            draft: self.draft,
            extra: self.extra,
        }
    }
}

/// Terms of taxonomy `name` in a list like [`FrontMatter::terms`], for
/// callers that took the list out of its front matter.
pub fn terms_in<'a>(
    terms: &'a [(Cow<'static, str>, Vec<String>)],
    name: &str,
) -> Option<&'a Vec<String>> {
    terms.iter().find(|(n, _)| n == name).map(|(_, t)| t)
}

/// What the parser needs to know of the site.
pub struct Context<'a> {
    /// UTC offset for dates written without one.
    pub offset_minutes: i32,
    /// Declared taxonomies other than `tags` and `categories`.
    pub taxonomies: &'a [String],
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Raw {
    title: Option<Text>,
    date: Option<Text>,
    updated: Option<Text>,
    author: Option<Text>,
    authors: Option<Terms>,
    summary: Option<Text>,
    tags: Option<Terms>,
    categories: Option<Terms>,
    taxonomies: Option<yaml::UniqueMap<Terms>>,
    image: Option<Text>,
    image_caption: Option<Text>,
    image_alt: Option<Text>,
    draft: Option<bool>,
    slug: Option<Text>,
    aliases: Option<Terms>,
    pinned: Option<bool>,
    expiry_date: Option<Text>,
    weight: Option<i64>,
    template: Option<Text>,
    extra: Option<yaml::JsonValue>,
    kind: Option<Text>,
}

impl Raw {
    /// The keys written in the file.
    fn present(&self) -> Vec<&'static str> {
        let set = [
            ("title", self.title.is_some()),
            ("date", self.date.is_some()),
            ("updated", self.updated.is_some()),
            ("author", self.author.is_some()),
            ("authors", self.authors.is_some()),
            ("summary", self.summary.is_some()),
            ("tags", self.tags.is_some()),
            ("categories", self.categories.is_some()),
            ("taxonomies", self.taxonomies.is_some()),
            ("image", self.image.is_some()),
            ("image_caption", self.image_caption.is_some()),
            ("image_alt", self.image_alt.is_some()),
            ("draft", self.draft.is_some()),
            ("slug", self.slug.is_some()),
            ("aliases", self.aliases.is_some()),
            ("pinned", self.pinned.is_some()),
            ("expiry_date", self.expiry_date.is_some()),
            ("weight", self.weight.is_some()),
            ("template", self.template.is_some()),
            ("extra", self.extra.is_some()),
            ("kind", self.kind.is_some()),
        ];
        set.into_iter()
            .filter(|(_, on)| *on)
            .map(|(k, _)| k)
            .collect()
    }
}

/// An example line for a key of the front matter, for error messages.
fn example(key: &str) -> Option<String> {
    let e = match key {
        "title" => "title: \"Kỳ họp thứ 5\"",
        "date" | "updated" | "expiry_date" => return Some(format!("{key}: 15/10/2021 14:30")),
        "author" => "author: Triệu Biển",
        "authors" => "authors: [Triệu Biển, Hoàng Lan]",
        "summary" => "summary: \"Sáng 15/10, HĐND tỉnh khai mạc kỳ họp thứ 5.\"",
        "tags" => "tags: [HĐND, Bắc Kạn]",
        "categories" => "categories: [Hoạt động HĐND]",
        "taxonomies" => "taxonomies: {linh_vuc: [Y tế]}",
        k if k.starts_with("taxonomies.") => "taxonomies: {linh_vuc: [Y tế]}",
        "image" => "image: anh-1.jpg",
        "image_caption" => "image_caption: \"Quang cảnh kỳ họp\"",
        "image_alt" => "image_alt: \"Đại biểu biểu quyết trong hội trường\"",
        "slug" => "slug: ky-hop-thu-5",
        "aliases" => "aliases: [/tin-cu/123.html]",
        "weight" => "weight: 3",
        "template" => "template: article.html",
        "kind" => "kind: pages",
        "extra" => "extra: {nguon: Báo Bắc Kạn}",
        _ => return None,
    };
    Some(e.to_string())
}

/// Whether a text key holds a date.
fn is_date(key: &str) -> bool {
    matches!(key, "date" | "updated" | "expiry_date")
}

/// Any YAML scalar, as text: `title: 2021` is the title "2021".
struct Text(String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ScalarVisitor).map(Text)
    }
}

struct ScalarVisitor;

impl Visitor<'_> for ScalarVisitor {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.trim().to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }
}

/// A list of text values, or one value.
struct Terms(Vec<String>);

impl<'de> Deserialize<'de> for Terms {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Vec<String>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list like [HĐND, Bắc Kạn] or one value")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(vec![v.trim().to_string()])
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(vec![v.to_string()])
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(vec![v.to_string()])
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                Ok(vec![v.to_string()])
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Vec::new())
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(Text(t)) = seq.next_element()? {
                    out.push(t);
                }
                Ok(out)
            }
        }
        d.deserialize_any(V).map(Terms)
    }
}

pub use crate::yaml::locate_key;

/// Line and column of `text` written at or after the top-level `key:`
/// (an item of a list, in flow or block style).
fn locate_text(yaml: &str, key: &str, text: &str) -> Option<(usize, usize)> {
    let (l, _) = locate_key(yaml, key)?;
    yaml.lines().enumerate().skip(l - 1).find_map(|(i, line)| {
        line.find(text)
            .map(|k| (i + 1, line[..k].chars().count() + 1))
    })
}

/// Line and column of the value of a top-level `key:`.
fn locate_value(yaml: &str, key: &str) -> Option<(usize, usize)> {
    let (l, _) = locate_key(yaml, key)?;
    let line = yaml.lines().nth(l - 1)?;
    let colon = line.find(':')?;
    let after = &line[colon + 1..];
    let skip = after.len() - after.trim_start().len();
    Some((l, line[..colon + 1 + skip].chars().count() + 1))
}

/// Where the diagnostics of one file point: its name and text, and the line
/// its YAML starts on.
struct Place<'a> {
    src: &'a Source,
    file: &'a str,
}

impl Place<'_> {
    /// An error at `line` of the YAML (0: the opening `---`) and `col`.
    fn at(&self, line: usize, col: usize, code: Code) -> Diagnostic {
        let shift = self.src.front_line - 1;
        Diagnostic::error(
            self.file,
            if line == 0 { shift } else { line + shift },
            col,
            code,
        )
        .source(&self.src.text)
    }
}

/// Parses the front matter of `src`, a file of the kind `expect` says;
/// `file` names it in diagnostics. Every problem of the file is reported,
/// not only the first: see [`read_raw`].
pub fn parse(
    src: &Source,
    file: &str,
    ctx: &Context,
    expect: Expect,
) -> Result<FrontMatter, Vec<Diagnostic>> {
    let provisional = match expect {
        Expect::Is(k) => k,
        Expect::PageUnlessDated => Kind::Page,
    };
    let place = Place { src, file };
    let yaml_text = src.front();
    let read = read_raw(yaml_text, src.front_line - 1, provisional, ctx);
    let mut errors: Vec<Diagnostic> = read
        .problems
        .into_iter()
        .map(|(l, c, code)| place.at(l, c, code))
        .collect();
    let Some(raw) = read.raw else {
        return Err(errors);
    };
    let set_aside = |key: &str| read.set_aside.iter().any(|k| k == key);
    let kind = match expect {
        Expect::Is(k) => k,
        // A date written wrong still makes the file dated.
        Expect::PageUnlessDated if raw.date.is_some() || set_aside("date") => Kind::Article,
        Expect::PageUnlessDated => Kind::Page,
    };
    let check = Check {
        place: &place,
        yaml_text,
        ctx,
        kind,
    };
    let fm = check.front_matter(raw, set_aside("title"), &mut errors);
    if errors.is_empty() {
        Ok(fm)
    } else {
        Err(errors)
    }
}

/// What reading the YAML of a file gave.
struct Read {
    /// The keys that could be read; `None` when the text could not be read
    /// as key–value lines at all.
    raw: Option<Raw>,
    /// One problem per entry that could not be read: line in the YAML,
    /// column, and what is wrong.
    problems: Vec<(usize, usize, Code)>,
    /// Top-level keys whose entries were set aside for a problem, and the
    /// keys misspelt ones were taken for: written, though not readable.
    set_aside: Vec<String>,
}

/// Most problems of the YAML of one file reported: each reads the whole
/// text again, so a file of thousands of bad keys stops here rather than
/// take time to the square of its size.
const MAX_PROBLEMS: usize = 20;

/// Reads the YAML into [`Raw`]. serde stops at the first unknown key or bad
/// value, so the entry holding it is set aside (its lines blanked, keeping
/// the positions of the others) and the text read again, until it reads:
/// a file with three misspelt keys gets three errors in one run. A valid
/// file is read once, as before.
fn read_raw(yaml_text: &str, shift: usize, provisional: Kind, ctx: &Context) -> Read {
    let mut read = Read {
        raw: None,
        problems: Vec::new(),
        set_aside: Vec::new(),
    };
    let mut text = Cow::Borrowed(yaml_text);
    loop {
        let blank = if read.problems.is_empty() {
            text.trim().is_empty()
        } else {
            text.lines()
                .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        };
        if blank {
            read.raw = Some(Raw::default());
            return read;
        }
        let e = match yaml::from_str::<Raw>(&text) {
            Ok(raw) => {
                read.raw = Some(raw);
                return read;
            }
            Err(e) => e,
        };
        if !read.problems.is_empty()
            && matches!(e.problem, Problem::Syntax(_))
            && yaml::from_str::<de::IgnoredAny>(yaml_text).is_ok()
        {
            // Setting an entry aside broke the text (a flow list going on at
            // the margin): what was found stands, the rest waits for a fix.
            return read;
        }
        let (l, c, code) = problem(&text, &e, shift, provisional, ctx);
        if let Code::UnknownKey {
            advice: KeyAdvice::DidYouMean { key } | KeyAdvice::DidYouMeanForeign { key, .. },
            ..
        } = &code
        {
            // `titel:` is a title written wrong, not a missing one.
            read.set_aside.push(key.clone());
        }
        read.problems.push((l, c, code));
        let again = matches!(
            e.problem,
            Problem::UnknownKey { .. } | Problem::Duplicate { .. } | Problem::WrongType { .. }
        );
        if read.problems.len() == MAX_PROBLEMS {
            return read;
        }
        match entry_at(&text, l).filter(|_| again && l > 0) {
            Some((key, next)) => {
                read.set_aside.push(key);
                text = Cow::Owned(next);
            }
            None => return read,
        }
    }
}

/// The top-level entry of `text` holding 1-based `line`: its key, and the
/// text with the entry's lines blanked. `None` when the line is in no entry
/// or the entry is already blank.
fn entry_at(text: &str, line: usize) -> Option<(String, String)> {
    let lines: Vec<&str> = text.lines().collect();
    // An entry starts at the margin; its value goes on indented, or in
    // `- item` lines at the margin.
    let starts = |s: &str| s.starts_with(|c: char| !c.is_whitespace() && c != '#' && c != '-');
    let i = line.checked_sub(1).filter(|&i| i < lines.len())?;
    let start = (0..=i).rev().find(|&j| starts(lines[j]))?;
    let end = (start + 1..lines.len())
        .find(|&j| starts(lines[j]))
        .unwrap_or(lines.len());
    let key = yaml::key_on_line(text, start + 1)?;
    let mut next = String::with_capacity(text.len());
    for (j, l) in lines.iter().enumerate() {
        if !(start..end).contains(&j) {
            next.push_str(l);
        }
        next.push('\n');
    }
    Some((key, next))
}

/// The position and code of a YAML error of the front matter.
fn problem(
    text: &str,
    e: &yaml::YamlError,
    shift: usize,
    provisional: Kind,
    ctx: &Context,
) -> (usize, usize, Code) {
    match &e.problem {
        Problem::UnknownKey { key, .. } => {
            let (l, c) = locate_key(text, key).unwrap_or((e.line, e.column));
            (l, c, unknown_key(key, provisional, ctx))
        }
        _ => (
            e.line,
            e.column,
            e.code(Doc::FrontMatter, shift, example, is_date),
        ),
    }
}

/// The code of an unknown key, with the near key of this kind or another,
/// or the keys of this kind.
fn unknown_key(field: &str, provisional: Kind, ctx: &Context) -> Code {
    let mut known: Vec<&str> = provisional.keys().to_vec();
    if provisional == Kind::Article {
        known.extend(ctx.taxonomies.iter().map(String::as_str));
    }
    let advice = if ctx.taxonomies.iter().any(|t| t == field) {
        KeyAdvice::Taxonomy
    } else {
        let mut all: Vec<&str> = super::kind::all_keys().collect();
        all.extend(ctx.taxonomies.iter().map(String::as_str));
        match did_you_mean(field, known).or_else(|| did_you_mean(field, all)) {
            Some(s) if !provisional.keys().contains(&s) && super::kind::is_known(s) => {
                match super::kind::owner(s) {
                    Some(owner) => KeyAdvice::DidYouMeanForeign {
                        key: s.to_string(),
                        owner,
                    },
                    None => KeyAdvice::DidYouMean { key: s.to_string() },
                }
            }
            Some(s) => KeyAdvice::DidYouMean { key: s.to_string() },
            None => KeyAdvice::Keys {
                keys: provisional.keys().iter().map(|k| k.to_string()).collect(),
            },
        }
    };
    Code::UnknownKey {
        key: field.to_string(),
        kind: provisional,
        advice,
    }
}

/// The checks of values the YAML read: keys of the kind, dates, title,
/// slug, taxonomies and image.
struct Check<'a> {
    place: &'a Place<'a>,
    yaml_text: &'a str,
    ctx: &'a Context<'a>,
    kind: Kind,
}

impl Check<'_> {
    /// An error at the value of `key`.
    fn at_value(&self, key: &str, code: Code) -> Diagnostic {
        let (l, c) = locate_value(self.yaml_text, key).unwrap_or((0, 0));
        self.place.at(l, c, code)
    }

    /// The checked front matter; `title_set_aside` when the title was
    /// written but could not be read, so it is not also "missing".
    fn front_matter(
        &self,
        raw: Raw,
        title_set_aside: bool,
        errors: &mut Vec<Diagnostic>,
    ) -> FrontMatter {
        let (kind, yaml_text) = (self.kind, self.yaml_text);
        let shift = self.place.src.front_line - 1;
        self.foreign_keys(&raw, errors);
        let lists = self.lists(&raw, errors);
        let fm_date = self.date("date", &raw.date, errors);
        let updated = self.date("updated", &raw.updated, errors);
        let expiry_date = self.date("expiry_date", &raw.expiry_date, errors);
        let title = raw.title.map(|t| t.0).unwrap_or_default();
        if title.is_empty() && !title_set_aside {
            errors.push(self.place.at(0, 1, Code::MissingTitle));
        }
        if let Some(slug) = &raw.slug {
            if crate::vi::slugify(&slug.0).is_empty() {
                errors.push(self.at_value("slug", Code::SlugWithoutLetters));
            }
        }
        let terms = self.terms(raw.tags, raw.categories, raw.taxonomies, errors);
        let mut authors = raw.authors.map(|a| a.0).unwrap_or_default();
        if let Some(a) = raw.author {
            authors.insert(0, a.0);
        }
        let aliases = raw.aliases.map(|a| a.0).unwrap_or_default();
        if let Some(image) = &raw.image {
            if let Err(why) = crate::url::check(&image.0) {
                let image = image.0.clone();
                errors.push(self.at_value("image", Code::UnusableImage { image, why }));
            }
        }
        FrontMatter {
            kind,
            lists,
            title,
            date: fm_date,
            updated,
            authors,
            summary: raw.summary.map(|s| s.0).filter(|s| !s.is_empty()),
            terms,
            image: raw.image.map(|s| s.0).filter(|s| !s.is_empty()),
            image_caption: raw.image_caption.map(|s| s.0),
            image_alt: raw.image_alt.map(|s| s.0),
            image_pos: locate_value(yaml_text, "image").map_or((0, 0), |(l, c)| (l + shift, c)),
            draft: raw.draft.unwrap_or(false),
            slug: raw.slug.map(|s| s.0),
            aliases_pos: aliases
                .iter()
                .map(|a| {
                    locate_text(yaml_text, "aliases", a).map_or((0, 0), |(l, c)| (l + shift, c))
                })
                .collect(),
            aliases,
            pinned: raw.pinned.unwrap_or(false),
            expiry_date,
            weight: raw.weight.unwrap_or(0),
            template: raw.template.map(|s| s.0),
            extra: raw
                .extra
                .map_or(serde_json::Value::Object(Default::default()), |v| v.0),
        }
    }

    /// Keys written that belong to another kind.
    fn foreign_keys(&self, raw: &Raw, errors: &mut Vec<Diagnostic>) {
        for key in raw.present() {
            if !self.kind.keys().contains(&key) {
                let (l, c) = locate_key(self.yaml_text, key).unwrap_or((0, 0));
                let owner = super::kind::owner(key);
                errors.push(self.place.at(
                    l,
                    c,
                    Code::ForeignKey {
                        key: key.to_string(),
                        kind: self.kind,
                        owner,
                    },
                ));
            }
        }
    }

    /// What a section lists, from its `kind:`.
    fn lists(&self, raw: &Raw, errors: &mut Vec<Diagnostic>) -> Kind {
        let Some(value) = raw.kind.as_ref().filter(|_| self.kind == Kind::Section) else {
            return Kind::Article;
        };
        section_kind(&value.0).unwrap_or_else(|| {
            let suggestion = did_you_mean(&value.0, ["articles", "pages"]).map(str::to_string);
            let value = value.0.clone();
            errors.push(self.at_value("kind", Code::UnknownSectionKind { value, suggestion }));
            Kind::Article
        })
    }

    /// The date written at `key`, in the site's time zone.
    fn date(
        &self,
        key: &str,
        value: &Option<Text>,
        errors: &mut Vec<Diagnostic>,
    ) -> Option<DateTime> {
        let text = value.as_ref()?;
        match parse_date(&text.0, self.ctx.offset_minutes) {
            // Shown, filed and written in the site's time zone everywhere.
            Ok(d) => Some(d.with_offset(self.ctx.offset_minutes)),
            Err(e) => {
                let key = key.to_string();
                let problem = e.problem;
                errors.push(self.at_value(
                    &key,
                    Code::InvalidDate {
                        key: key.clone(),
                        problem,
                    },
                ));
                None
            }
        }
    }

    /// Terms per taxonomy, empty ones dropped.
    fn terms(
        &self,
        tags: Option<Terms>,
        categories: Option<Terms>,
        taxonomies: Option<yaml::UniqueMap<Terms>>,
        errors: &mut Vec<Diagnostic>,
    ) -> Vec<(Cow<'static, str>, Vec<String>)> {
        let mut terms: Vec<(Cow<'static, str>, Vec<String>)> = Vec::new();
        if let Some(t) = tags {
            terms.push((Cow::Borrowed("tags"), t.0));
        }
        if let Some(t) = categories {
            terms.push((Cow::Borrowed("categories"), t.0));
        }
        for (name, t) in taxonomies.map(|m| m.0).unwrap_or_default() {
            if !self.ctx.taxonomies.contains(&name) {
                let (l, c) = locate_key(self.yaml_text, "taxonomies").unwrap_or((0, 0));
                errors.push(
                    self.place
                        .at(l, c, Code::UnknownTaxonomy { name: name.clone() }),
                );
            }
            terms.push((Cow::Owned(name), t.0));
        }
        for (_, list) in terms.iter_mut() {
            list.retain(|t| !t.is_empty());
            list.shrink_to_fit();
        }
        terms
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::source::read;

    fn parse_str(text: &str) -> Result<FrontMatter, Vec<Diagnostic>> {
        parse_as(text, Expect::Is(Kind::Article))
    }

    fn parse_as(text: &str, expect: Expect) -> Result<FrontMatter, Vec<Diagnostic>> {
        let src = read(text.as_bytes(), "content/a.md").unwrap();
        parse(
            &src,
            "content/a.md",
            &Context {
                offset_minutes: 420,
                taxonomies: &["linh_vuc".to_string()],
            },
            expect,
        )
    }

    #[test]
    fn a_misspelt_key_of_another_kind_is_named_with_its_kind() {
        let e = parse_as(
            "---\ntitle: Tin tức\ntag: [a]\n---\n",
            Expect::Is(Kind::Section),
        )
        .unwrap_err();
        assert_eq!((e[0].line, e[0].column), (3, 1));
        assert_eq!(
            e[0].hint_en().as_deref(),
            Some("`tag` — did you mean `tags`? `tags` is for articles; a section's `_index.md` cannot have `tags` (a section lists articles; put this on its articles)")
        );
    }

    #[test]
    fn a_section_says_what_its_files_are() {
        let fm = parse_as(
            "---\ntitle: Giới thiệu\nkind: pages\n---\n",
            Expect::Is(Kind::Section),
        )
        .unwrap();
        assert_eq!((fm.kind, fm.lists), (Kind::Section, Kind::Page));
        let e = parse_as(
            "---\ntitle: Giới thiệu\nkind: page\n---\n",
            Expect::Is(Kind::Section),
        )
        .unwrap_err();
        assert_eq!((e[0].line, e[0].column), (3, 7));
        assert!(e[0].hint_en().as_deref().unwrap().contains("`kind: pages`"));
        let e = parse_str("---\ntitle: a\ndate: 2021-01-01\nkind: pages\n---\n").unwrap_err();
        assert_eq!(e[0].message_en(), "`kind` does not belong in an article");
    }

    #[test]
    fn root_files_are_pages_unless_dated() {
        let page = parse_as("---\ntitle: Liên hệ\n---\n", Expect::PageUnlessDated).unwrap();
        assert_eq!(page.kind, Kind::Page);
        let article = parse_as(
            "---\ntitle: a\ndate: 2021-01-01\ntags: [x]\n---\n",
            Expect::PageUnlessDated,
        )
        .unwrap();
        assert_eq!(article.kind, Kind::Article);
        let e = parse_as(
            "---\ntitle: Ban\ndate: 2021-01-01\n---\n",
            Expect::Is(Kind::Page),
        )
        .unwrap_err();
        assert!(e[0]
            .hint_en()
            .as_deref()
            .unwrap()
            .contains("pages have no date"));
        let e = parse_as("---\ntitle: Ban\ntags: [x]\n---\n", Expect::PageUnlessDated).unwrap_err();
        assert_eq!(e[0].message_en(), "`tags` does not belong in a page");
    }

    #[test]
    fn reads_every_field() {
        let fm = parse_str(
            "---\ntitle: \"HĐND giao ban\"\ndate: 15/10/2021 14:00\nupdated: 2021-10-16\nauthor: Triệu Biển\n\
             summary: Sapo.\ntags: [HĐND, Bắc Kạn, 2021]\ncategories: Hoạt động HĐND\nimage: anh-1.jpg\ndraft: true\n\
             slug: giao-ban\naliases: [/tin-cu/1.html]\npinned: true\nexpiry_date: 2030-01-01\nweight: 3\n\
             taxonomies: {linh_vuc: [Y tế]}\nextra: {nguon: Báo Bắc Kạn}\n---\nBody\n",
        )
        .unwrap();
        assert_eq!(fm.title, "HĐND giao ban");
        assert_eq!(fm.date.unwrap().rfc3339(), "2021-10-15T14:00:00+07:00");
        assert_eq!(
            *fm.terms_of("tags").unwrap(),
            vec!["HĐND", "Bắc Kạn", "2021"]
        );
        assert_eq!(*fm.terms_of("categories").unwrap(), vec!["Hoạt động HĐND"]);
        assert_eq!(*fm.terms_of("linh_vuc").unwrap(), vec!["Y tế"]);
        assert_eq!(fm.authors, vec!["Triệu Biển"]);
        assert!(fm.draft && fm.pinned);
        assert_eq!(fm.weight, 3);
        assert_eq!(fm.extra["nguon"], "Báo Bắc Kạn");
    }

    #[test]
    fn unknown_key_on_line_n_suggests_closest() {
        let e = parse_str("---\ntitle: a\ndate: 2021-01-01\ntag: [x]\n---\n").unwrap_err();
        assert_eq!((e[0].line, e[0].column), (4, 1));
        assert_eq!(e[0].message_en(), "unknown front matter key `tag`");
        assert!(
            e[0].hint_en()
                .as_deref()
                .unwrap()
                .contains("did you mean `tags`?"),
            "{:?}",
            e[0].hint_en()
        );
    }

    #[test]
    fn unknown_key_on_first_line() {
        let e = parse_str("---\ntitel: a\n---\n").unwrap_err();
        assert_eq!(e[0].line, 2);
        assert!(e[0].hint_en().as_deref().unwrap().contains("`title`"));
    }

    #[test]
    fn three_misspelt_keys_are_three_errors_of_one_run() {
        let e = parse_str("---\ntitel: a\ndat: 2021-01-01\ntag: [x]\n---\n").unwrap_err();
        let at: Vec<(usize, usize)> = e.iter().map(|d| (d.line, d.column)).collect();
        // The title is written, misspelt: it is not also "missing".
        assert_eq!(at, [(2, 1), (3, 1), (4, 1)], "{e:?}");
    }

    #[test]
    fn many_bad_keys_stop_at_the_most_reported() {
        let keys: String = (0..100).map(|i| format!("khoa{i}: x\n")).collect();
        let e = parse_str(&format!("---\ntitle: a\n{keys}---\n")).unwrap_err();
        assert_eq!(e.len(), MAX_PROBLEMS, "{e:?}");
    }

    #[test]
    fn impossible_date_points_at_the_value() {
        let e = parse_str("---\ntitle: a\ndate: 30/02/2021\n---\n").unwrap_err();
        assert_eq!(e[0].line, 3);
        assert_eq!(e[0].column, 7);
        assert!(
            e[0].message_en().starts_with("invalid `date`"),
            "{}",
            e[0].message_en()
        );
    }

    #[test]
    fn all_problems_of_a_file_are_reported() {
        let e = parse_str("---\ndate: 2021-13-01\nupdated: hôm qua\n---\n").unwrap_err();
        let msgs: Vec<String> = e.iter().map(|d| d.message_en()).collect();
        assert_eq!(e.len(), 3, "{msgs:?}");
        assert!(msgs.iter().any(|m| m == "missing `title`"));
    }

    #[test]
    fn yaml_syntax_error_position_counts_the_opening_line() {
        let e = parse_str("---\ntitle: a\ntags: [a, b\n---\n").unwrap_err();
        assert!(e[0].line >= 3, "{:?}", e[0]);
        assert!(e[0].message_en().starts_with("invalid front matter"));
    }

    #[test]
    fn bad_boolean_explains_itself() {
        let e = parse_str("---\ntitle: a\ndraft: có\n---\n").unwrap_err();
        assert_eq!(e[0].line, 3);
        assert!(
            e[0].hint_en()
                .as_deref()
                .unwrap()
                .starts_with("write `true` or `false`"),
            "{:?}",
            e[0].hint_en()
        );
    }

    #[test]
    fn a_key_written_twice_is_reported_at_the_second() {
        let e = parse_str("---\ntitle: a\ndate: 2021-01-01\ntitle: b\n---\n").unwrap_err();
        assert_eq!((e[0].line, e[0].column), (4, 1));
        assert_eq!(
            e[0].message_en(),
            "key `title` is written twice (first on line 2)"
        );
        let e = parse_str("---\ntitle: a\ntaxonomies: {linh_vuc: [a], linh_vuc: [b]}\n---\n")
            .unwrap_err();
        assert_eq!((e[0].line, e[0].column), (3, 29), "{e:?}");
    }

    #[test]
    fn wrong_kinds_name_the_key_with_an_example() {
        for (line, want) in [
            (
                "tags: {a: 1}",
                "`tags` must be a list, for example `tags: [HĐND, Bắc Kạn]`",
            ),
            ("draft: maybe", "`draft` must be `true` or `false`"),
            (
                "weight: abc",
                "`weight` must be a whole number, for example `weight: 3`",
            ),
            (
                "title: [a, b]",
                "`title` must be a text, for example `title: \"Kỳ họp thứ 5\"`",
            ),
            (
                "updated: [a]",
                "`updated` must be a date, for example `updated: 15/10/2021 14:30`",
            ),
        ] {
            let e = parse_str(&format!("---\n{line}\n---\n")).unwrap_err();
            assert_eq!(e[0].message_en(), want);
            assert_eq!(e[0].line, 2);
        }
        let e = parse_str("---\n- a\n- b\n---\n").unwrap_err();
        assert_eq!(
            e[0].message_en(),
            "the front matter must be `key: value` lines"
        );
    }

    #[test]
    fn taxonomy_at_top_level_is_explained() {
        let e = parse_str("---\ntitle: a\nlinh_vuc: [Y tế]\n---\n").unwrap_err();
        assert!(e[0]
            .hint_en()
            .as_deref()
            .unwrap()
            .contains("under `taxonomies:`"));
    }
}
