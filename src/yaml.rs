//! The one door to the YAML parser. serde_yaml is deprecated upstream, so
//! nothing else in bantin names it: swapping in a maintained fork is a change
//! to this file alone.
//!
//! serde and libyaml speak of "invalid type: map, expected a sequence"; an
//! officer editing a bulletin reads "`tags` must be a list". Errors are
//! sorted into a [`Problem`] here and worded by the catalogues of
//! [`crate::diag`], with examples the caller knows ([`YamlError::code`]).

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

pub use crate::diag::{key_path, Expected, Problem, Syntax};
use crate::diag::{Code, Doc};

mod nesting;

/// A YAML error with its position inside the YAML text (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub column: usize,
    pub problem: Problem,
}

/// Deserialises `text` into `T`. Brackets nested deeper than
/// [`nesting::LIMIT`] are refused first: libyaml would take minutes.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    check_nesting(text)?;
    serde_yaml::from_str(text).map_err(|e| convert(text, &e))
}

/// [`Problem::Nesting`] at the first bracket too deep, if there is one.
fn check_nesting(text: &str) -> Result<(), YamlError> {
    match nesting::too_deep(text, nesting::LIMIT) {
        None => Ok(()),
        Some(at) => {
            let (line, column) = position_of(text, at);
            Err(YamlError {
                line,
                column,
                problem: Problem::Nesting {
                    limit: nesting::LIMIT,
                },
            })
        }
    }
}

/// Finds a key written twice anywhere in `text`, also inside free mappings
/// that [`from_str`] reads without complaint (a `BTreeMap`, `extra:`).
/// Parses the text once more: meant for config.yaml, read once per build.
pub fn check_duplicates(text: &str) -> Result<(), YamlError> {
    if check_nesting(text).is_err() {
        // Not parsed, as in `from_str`, which reports it.
        return Ok(());
    }
    match serde_yaml::from_str::<serde_yaml::Value>(text) {
        Ok(_) => Ok(()),
        Err(e) => {
            let e = convert(text, &e);
            match e.problem {
                Problem::Duplicate { .. } => Err(e),
                _ => Ok(()),
            }
        }
    }
}

fn convert(text: &str, e: &serde_yaml::Error) -> YamlError {
    let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
    let raw = strip_position(&e.to_string());
    let (problem, line, column) = classify(text, &raw, line, column);
    YamlError {
        line,
        column,
        problem,
    }
}

/// serde_yaml appends " at line L column C" to messages; we print positions
/// ourselves. libyaml's messages also carry a context after a comma.
fn strip_position(message: &str) -> String {
    let mut m = message.to_string();
    if let Some(i) = m.rfind(" at line ") {
        let rest = &m[i + " at line ".len()..];
        let ok = rest
            .split_once(" column ")
            .is_some_and(|(l, c)| l.bytes().all(|b| b.is_ascii_digit()) && !c.is_empty());
        if ok
            && rest
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b' ' || b.is_ascii_lowercase())
        {
            m.truncate(i);
        }
    }
    m
}

/// The messages serde gives after the `path: ` serde_yaml puts first.
const SERDE_MESSAGES: &[&str] = &[
    "invalid type: ",
    "invalid value: ",
    "invalid length ",
    "unknown field `",
    "unknown variant `",
    "missing field `",
    "duplicate field `",
    "duplicate entry ",
    "data did not match any variant",
];

/// Splits `tags[0]: invalid type: …` into the path and serde's message.
fn split_path(raw: &str) -> Option<(String, &str)> {
    let mut best: Option<usize> = None;
    for p in SERDE_MESSAGES {
        if raw.starts_with(p) {
            return Some((String::new(), raw));
        }
        if let Some(i) = raw.find(&format!(": {p}")) {
            best = Some(best.map_or(i, |b| b.min(i)));
        }
    }
    best.map(|i| (raw[..i].to_string(), &raw[i + 2..]))
}

/// Words between backticks in `s`: `a`, `b` → [a, b].
fn backticked(s: &str) -> Vec<String> {
    s.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.to_string())
        .collect()
}

fn expected_kind(e: &str) -> Expected {
    match e.trim() {
        "a boolean" => Expected::Bool,
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => {
            Expected::WholeNumber { unsigned: false }
        }
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => Expected::WholeNumber { unsigned: true },
        "f32" | "f64" => Expected::Number,
        "a map" => Expected::Mapping,
        s if s.starts_with("struct ") || s.contains("mapping") => Expected::Mapping,
        s if s.contains("sequence") || s.contains("list") => Expected::List,
        s if s.contains("string") || s.contains("text") || s == "a character" => Expected::Text,
        s if s.contains("YAML tag") => Expected::Word,
        _ => Expected::Other,
    }
}

fn classify(text: &str, raw: &str, line: usize, column: usize) -> (Problem, usize, usize) {
    let Some((mut path, msg)) = split_path(raw) else {
        return (
            Problem::Syntax(syntax(text, raw, line, column)),
            line,
            column,
        );
    };
    let done = |p: Problem| (p, line, column);
    if let Some(rest) = msg
        .strip_prefix("invalid type: ")
        .or_else(|| msg.strip_prefix("invalid value: "))
        .or_else(|| msg.strip_prefix("invalid length "))
    {
        let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
        let expected = expected_kind(expected);
        if path.is_empty() {
            if expected == Expected::Mapping {
                return done(Problem::NotAMapping);
            }
            // No path from serde: name the key written on the error's line.
            path = key_on_line(text, line).unwrap_or_default();
        }
        return done(Problem::WrongType {
            path,
            expected,
            empty: found == "unit value",
        });
    }
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let (key, rest) = rest.split_once('`').unwrap_or((rest, ""));
        return done(Problem::UnknownKey {
            path,
            key: key.to_string(),
            expected: backticked(rest),
        });
    }
    if let Some(rest) = msg.strip_prefix("unknown variant `") {
        let rest = rest.split_once('`').map_or("", |(_, r)| r);
        return done(Problem::WrongType {
            path,
            expected: Expected::OneOf(backticked(rest)),
            empty: false,
        });
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let key = rest.split_once('`').map_or(rest, |(k, _)| k);
        return done(Problem::MissingKey {
            path,
            key: key.to_string(),
        });
    }
    let dup_key = if let Some(rest) = msg.strip_prefix("duplicate field `") {
        Some(rest.split_once('`').map_or(rest, |(k, _)| k).to_string())
    } else {
        msg.strip_prefix("duplicate entry ")
            .map(duplicate_entry_key)
    };
    if let Some(key) = dup_key {
        // serde points at the start of the mapping; find the two lines.
        return match find_twice(text, line, column, &key) {
            Some(((l1, _), (l2, c2))) => (
                Problem::Duplicate {
                    path,
                    key,
                    first_line: Some(l1),
                },
                l2,
                c2,
            ),
            None => done(Problem::Duplicate {
                path,
                key,
                first_line: None,
            }),
        };
    }
    // "data did not match any variant of untagged enum …"
    if path.is_empty() {
        path = key_on_line(text, line).unwrap_or_default();
    }
    done(Problem::WrongType {
        path,
        expected: Expected::Other,
        empty: false,
    })
}

/// The key of serde_yaml's `duplicate entry with key "k"` (or `with key 1`,
/// ``with key `true` ``, `with null key`).
fn duplicate_entry_key(rest: &str) -> String {
    let k = rest.strip_prefix("with key ").unwrap_or(rest);
    if let Some(q) = k.strip_prefix('"').and_then(|k| k.strip_suffix('"')) {
        return q.replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if rest == "with null key" {
        return "~".into();
    }
    k.trim_matches('`').to_string()
}

/// The key written on 1-based `line` of `text` (`  - name: x` → `name`).
pub fn key_on_line(text: &str, line: usize) -> Option<String> {
    let l = text.lines().nth(line.checked_sub(1)?)?;
    let l = l.trim_start();
    let l = l.strip_prefix('-').map_or(l, str::trim_start);
    let (key, _) = parse_key(l)?;
    (!key.is_empty()).then_some(key)
}

/// A key at the start of `s` followed by `:` (quoted or plain), and the
/// bytes it spans up to the colon.
fn parse_key(s: &str) -> Option<(String, usize)> {
    let (key, end) = match s.chars().next()? {
        q @ ('"' | '\'') => {
            let mut out = String::new();
            let mut chars = s.char_indices().skip(1);
            let mut end = None;
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' if q == '"' => {
                        if let Some((_, n)) = chars.next() {
                            out.push(n);
                        }
                    }
                    '\'' if q == '\'' && s[i + 1..].starts_with('\'') => {
                        out.push('\'');
                        chars.next();
                    }
                    c if c == q => {
                        end = Some(i + 1);
                        break;
                    }
                    c => out.push(c),
                }
            }
            (out, end?)
        }
        _ => {
            let b = s.as_bytes();
            let mut i = 0;
            loop {
                if i >= b.len() || matches!(b[i], b',' | b'{' | b'}' | b'[' | b']' | b'#') {
                    return None;
                }
                if b[i] == b':' && (i + 1 == b.len() || matches!(b[i + 1], b' ' | b'\t' | b'\r')) {
                    break;
                }
                i += 1;
            }
            (s[..i].trim_end().to_string(), i)
        }
    };
    s[end..].trim_start().starts_with(':').then_some((key, end))
}

/// Byte offset of 1-based (line, column) in `text`; columns count chars.
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let mut start = 0;
    for _ in 1..line {
        start += text[start..].find('\n')? + 1;
    }
    let l = &text[start..];
    let l = &l[..l.find('\n').unwrap_or(l.len())];
    let within = l
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(l.len(), |(i, _)| i);
    Some(start + within)
}

/// Line and column (1-based, chars) of byte offset `at` in `text`.
fn position_of(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..at].chars().count() + 1)
}

/// The first two places where `key` is written in the mapping that starts
/// at (line, column) of `text`: a block mapping (keys lined up under the
/// first one) or a flow mapping `{…}`.
pub fn find_twice(
    text: &str,
    line: usize,
    column: usize,
    key: &str,
) -> Option<((usize, usize), (usize, usize))> {
    let start = offset_of(text, line.max(1), column.max(1))?;
    let found: Vec<usize> = if text[start..].starts_with('{') {
        flow_keys(text, start)
    } else {
        block_keys(text, start)
    }
    .into_iter()
    .filter(|(_, k)| k == key)
    .map(|(at, _)| at)
    .take(2)
    .collect();
    match found[..] {
        [a, b] => Some((position_of(text, a), position_of(text, b))),
        _ => None,
    }
}

/// Keys of the block mapping whose first key is at byte `start`, with
/// their byte offsets.
fn block_keys(text: &str, start: usize) -> Vec<(usize, String)> {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let indent = text[line_start..start].chars().count();
    let mut out = Vec::new();
    if let Some((k, _)) = parse_key(&text[start..]) {
        out.push((start, k));
    }
    let mut at = text[start..]
        .find('\n')
        .map_or(text.len(), |i| start + i + 1);
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let l = text[at..end].trim_end_matches('\r');
        let body = l.trim_start_matches(' ');
        let n = l.len() - body.len();
        let next = end + 1;
        if body.is_empty() || body.starts_with('#') {
            at = next;
            continue;
        }
        if n < indent || (n == 0 && (body.starts_with("---") || body.starts_with("..."))) {
            break;
        }
        if n == indent && !body.starts_with("- ") && body != "-" {
            if let Some((k, _)) = parse_key(body) {
                out.push((at + n, k));
            }
        }
        at = next;
    }
    out
}

/// Keys of the flow mapping `{…}` at byte `start`, with their offsets.
fn flow_keys(text: &str, start: usize) -> Vec<(usize, String)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut expect_key = false;
    let mut i = start;
    while i < b.len() {
        let c = b[i];
        if depth == 1 && expect_key && !c.is_ascii_whitespace() {
            expect_key = false;
            if let Some((k, _)) = parse_key(&text[i..]) {
                out.push((i, k));
            }
        }
        match c {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            b',' if depth == 1 => expect_key = true,
            b'"' | b'\'' => {
                // Skip the quoted text.
                i += 1;
                while i < b.len() && b[i] != c {
                    i += if b[i] == b'\\' && c == b'"' { 2 } else { 1 };
                }
            }
            b'#' if i > 0 && b[i - 1].is_ascii_whitespace() => {
                i = text[i..].find('\n').map_or(b.len(), |n| i + n);
                continue;
            }
            _ => {}
        }
        if c == b'{' && depth == 1 {
            expect_key = true;
        }
        i += 1;
    }
    out
}

/// libyaml's problem, in words; nothing of the user's text is echoed.
fn syntax(text: &str, raw: &str, line: usize, column: usize) -> Syntax {
    let at = offset_of(text, line.max(1), column.max(1)).and_then(|i| text[i..].chars().next());
    let m = |p: &str| raw.starts_with(p);
    if m("found a tab character")
        || (m("found character that cannot start any token") && at == Some('\t'))
    {
        Syntax::Tab
    } else if m("found character that cannot start any token") {
        Syntax::CannotStart(at.filter(|c| !c.is_whitespace()))
    } else if m("mapping values are not allowed") || m("found unexpected ':'") {
        Syntax::SecondColon
    } else if m("did not find expected ',' or ']'") {
        Syntax::ListNotClosed
    } else if m("did not find expected ',' or '}'") {
        Syntax::BraceNotClosed
    } else if m("did not find expected key") {
        Syntax::NotLinedUp
    } else if m("did not find expected '-' indicator") {
        Syntax::NotLinedUpWithList
    } else if m("block sequence entries are not allowed") {
        Syntax::ListItemHere
    } else if m("could not find expected ':'") {
        Syntax::KeyWithoutColon
    } else if m("found unexpected end of stream") || m("EOF while parsing") {
        Syntax::Unclosed
    } else if m("found unknown escape character") || m("found invalid Unicode character escape") {
        Syntax::Escape
    } else if m("unknown anchor") || m("while scanning an alias") || m("while scanning an anchor") {
        Syntax::Anchor
    } else if m("found undefined tag handle")
        || m("did not find expected tag")
        || m("while scanning a tag")
        || m("did not find expected '!'")
    {
        Syntax::Tag
    } else if m("deserializing from YAML containing more than one document")
        || m("found unexpected document indicator")
        || m("did not find expected <document start>")
    {
        Syntax::DocumentSplit
    } else if m("recursion limit exceeded") {
        Syntax::TooDeep
    } else if m("repetition limit exceeded") {
        Syntax::TooManyAliases
    } else if m("did not find expected node content") {
        Syntax::ValueMissing
    } else {
        Syntax::Other
    }
}

impl YamlError {
    /// The diagnostic code of this error in a file of kind `doc`, whose YAML
    /// starts after `line_shift` lines. `example` gives a line to copy for a
    /// key path without list indexes (`tags`, `feed.limit`); `is_date` tells
    /// the text keys that hold a date.
    pub fn code(
        &self,
        doc: Doc,
        line_shift: usize,
        example: fn(&str) -> Option<String>,
        is_date: fn(&str) -> bool,
    ) -> Code {
        if let Problem::Nesting { limit } = self.problem {
            return Code::YamlNesting { doc, limit };
        }
        let mut problem = self.problem.clone();
        let example = match &mut problem {
            Problem::Duplicate { first_line, .. } => {
                if let Some(l) = first_line {
                    *l += line_shift;
                }
                None
            }
            Problem::MissingKey { path, key } => {
                example(&key_path(&format!("{path}.{key}"))).or_else(|| example(&key_path(path)))
            }
            Problem::WrongType { path, expected, .. } => {
                if *expected == Expected::Text && is_date(&key_path(path)) {
                    *expected = Expected::Date;
                }
                let k = crate::diag::last_key(path);
                let default = match expected {
                    Expected::Text => Some(format!("{k}: \"Kỳ họp thứ 5\"")),
                    Expected::List => Some(format!("{k}: [HĐND, Bắc Kạn]")),
                    Expected::WholeNumber { .. } => Some(format!("{k}: 10")),
                    Expected::Number => Some(format!("{k}: 1.5")),
                    Expected::OneOf(words) => words.first().map(|w| format!("{k}: {w}")),
                    _ => None,
                };
                example(&key_path(path)).or(default)
            }
            _ => None,
        };
        Code::Yaml {
            doc,
            problem,
            example,
        }
    }

    /// The message in English for a file of no particular kind, as tests
    /// compare it.
    pub fn message_en(&self) -> String {
        self.code(Doc::Other, 0, |_| None, |_| false)
            .text(crate::lang::Lang::En)
            .message
    }
}

/// The unknown key and the keys that were expected, from a
/// `deny_unknown_fields` error message.
pub fn unknown_field(message: &str) -> Option<(String, Vec<String>)> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, rest) = rest.split_once('`')?;
    Some((field.to_string(), backticked(rest)))
}

/// The message serde_yaml reports at a mapping with a key written twice;
/// [`from_str`] turns it into [`Problem::Duplicate`] at the second key.
fn duplicate<E: de::Error>(key: &str) -> E {
    E::custom(format_args!("duplicate entry with key {key:?}"))
}

/// A map of text keys that refuses a key written twice (a plain
/// `BTreeMap` keeps the last one without a word).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UniqueMap<V>(pub BTreeMap<String, V>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for UniqueMap<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Vis<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Vis<V> {
            type Value = BTreeMap<String, V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(BTreeMap::new())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = BTreeMap::new();
                while let Some(k) = map.next_key::<String>()? {
                    if out.contains_key(&k) {
                        return Err(duplicate(&k));
                    }
                    let v = map.next_value()?;
                    out.insert(k, v);
                }
                Ok(out)
            }
        }
        d.deserialize_map(Vis(std::marker::PhantomData))
            .map(UniqueMap)
    }
}

/// Any YAML value as JSON, refusing a key written twice at any depth
/// (`extra:`, free for themes).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JsonValue(pub serde_json::Value);

impl<'de> Deserialize<'de> for JsonValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde_json::Value;
        struct Vis;
        impl<'de> Visitor<'de> for Vis {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
                Ok(Value::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
                Ok(Value::from(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
                Ok(Value::from(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
                Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
                Ok(Value::String(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
                Ok(Value::String(v))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Value, D2::Error> {
                JsonValue::deserialize(d).map(|v| v.0)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
                let mut out = Vec::new();
                while let Some(JsonValue(v)) = seq.next_element()? {
                    out.push(v);
                }
                Ok(Value::Array(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
                let mut out = serde_json::Map::new();
                while let Some(k) = map.next_key::<String>()? {
                    if out.contains_key(&k) {
                        return Err(duplicate(&k));
                    }
                    let JsonValue(v) = map.next_value()?;
                    out.insert(k, v);
                }
                Ok(Value::Object(out))
            }
        }
        d.deserialize_any(Vis).map(JsonValue)
    }
}

/// Line and column (1-based) of a top-level `key:` in YAML text.
pub fn locate_key(yaml: &str, key: &str) -> Option<(usize, usize)> {
    yaml.lines().enumerate().find_map(|(i, line)| {
        let rest = line.strip_prefix(key)?;
        rest.trim_start().starts_with(':').then_some((i + 1, 1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        title: Option<String>,
        tags: Option<Vec<String>>,
        draft: Option<bool>,
        weight: Option<i64>,
        count: Option<usize>,
        sub: Option<Sub>,
        list: Option<Vec<Sub>>,
        free: Option<UniqueMap<String>>,
        extra: Option<JsonValue>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sub {
        limit: usize,
        on: Option<bool>,
    }

    fn err(text: &str) -> YamlError {
        from_str::<T>(text).unwrap_err()
    }

    #[test]
    fn reports_unknown_fields_with_position() {
        let e = from_str::<T>("title: a\ntag: [b]\n").unwrap_err();
        assert_eq!(e.line, 2);
        let Problem::UnknownKey {
            path,
            key,
            expected,
        } = &e.problem
        else {
            panic!("{e:?}")
        };
        assert_eq!((path.as_str(), key.as_str()), ("", "tag"));
        assert_eq!(expected[..2], ["title", "tags"]);
        assert_eq!(
            unknown_field("unknown field `tag`, expected `title` or `tags`"),
            Some(("tag".into(), vec!["title".into(), "tags".into()]))
        );
    }

    #[test]
    fn type_errors_name_the_key_in_plain_words() {
        let cases = [
            ("tags: {a: 1}\n", "`tags` must be a list, for example `tags: [HĐND, Bắc Kạn]`", (1, 7)),
            ("draft: maybe\n", "`draft` must be `true` or `false`", (1, 8)),
            ("weight: abc\n", "`weight` must be a whole number, for example `weight: 10`", (1, 9)),
            ("count: -1\n", "`count` must be a whole number, 0 or more, for example `count: 10`", (1, 8)),
            ("title: [a, b]\n", "`title` must be a text, for example `title: \"Kỳ họp thứ 5\"`", (1, 8)),
            ("tags: [[a]]\n", "item 1 of `tags` must be a text, for example `tags: \"Kỳ họp thứ 5\"`", (1, 8)),
            ("sub:\n  limit: x\n", "`sub.limit` must be a whole number, 0 or more, for example `limit: 10`", (2, 10)),
            ("sub: {limit: }\n", "`sub.limit` is empty: it must be a whole number, 0 or more, for example `limit: 10`", (1, 14)),
            ("sub: [1]\n", "`sub` must be `key: value` lines, indented under `sub:`", (1, 6)),
            ("list:\n  - on: true\n", "item 1 of `list` lacks `limit`", (2, 5)),
        ];
        for (text, want, pos) in cases {
            let e = err(text);
            assert_eq!(e.message_en(), want, "{text:?}");
            assert_eq!((e.line, e.column), pos, "{text:?}");
        }
    }

    #[test]
    fn a_text_that_is_not_a_mapping_is_not_echoed() {
        for text in ["- a\n- b\n", "chỉ là một câu\n", "42\n", "[a\n", "~\n"] {
            let e = err(text);
            assert_eq!(e.problem, Problem::NotAMapping, "{text:?}: {e:?}");
            let code = e.code(Doc::Config, 0, |_| None, |_| false);
            assert_eq!(
                code.text(crate::lang::Lang::En).message,
                "config.yaml must be `key: value` lines"
            );
        }
        let long = format!("{}\n", "một câu rất dài ".repeat(100));
        let e = err(&long);
        assert!(!e.message_en().contains("một câu"), "{}", e.message_en());
    }

    #[test]
    fn duplicates_point_at_the_second_occurrence() {
        let cases = [
            ("title: a\ndraft: true\ntitle: b\n", "title", (3, 1), 1),
            ("# c\n\ntitle: a\n\ntitle: b\n", "title", (5, 1), 3),
            (
                "sub:\n  limit: 1\n  on: true\n  limit: 2\n",
                "limit",
                (4, 3),
                2,
            ),
            ("sub: {limit: 1, on: true, limit: 2}\n", "limit", (1, 27), 1),
            (
                "list:\n  - limit: 1\n  - limit: 2\n    limit: 3\n",
                "limit",
                (4, 5),
                3,
            ),
            ("free: {a: b, \"a\": c}\n", "a", (1, 14), 1),
            ("free:\n  x: 1\n  y: |\n    x: 2\n  x: 3\n", "x", (5, 3), 2),
            ("extra:\n  a: {b: 1, c: {d: 1, d: 2}}\n", "d", (2, 23), 2),
        ];
        for (text, key, pos, first) in cases {
            let e = err(text);
            let Problem::Duplicate {
                key: k, first_line, ..
            } = &e.problem
            else {
                panic!("{text:?}: {e:?}")
            };
            assert_eq!(k, key, "{text:?}");
            assert_eq!((e.line, e.column), pos, "{text:?}");
            assert_eq!(*first_line, Some(first), "{text:?}");
        }
        let e = err("title: a\ntitle: b\n");
        assert_eq!(
            e.message_en(),
            "key `title` is written twice (first on line 1)"
        );
        assert_eq!(
            e.code(Doc::Other, 1, |_| None, |_| false)
                .text(crate::lang::Lang::En)
                .message,
            "key `title` is written twice (first on line 2)"
        );
    }

    #[test]
    fn free_mappings_keep_their_values() {
        let t: T =
            from_str("free: {a: b}\nextra: {n: 1, l: [x, 2.5, true, ~], m: {k: v}}\n").unwrap();
        assert_eq!(t.free.unwrap().0["a"], "b");
        assert_eq!(
            t.extra.unwrap().0,
            serde_json::json!({"n": 1, "l": ["x", 2.5, true, null], "m": {"k": "v"}})
        );
    }

    #[test]
    fn check_duplicates_sees_free_mappings() {
        let e = check_duplicates("a: 1\nb:\n  x: 1\n  x: 2\n").unwrap_err();
        assert_eq!((e.line, e.column), (4, 3));
        assert!(check_duplicates("a: 1\nb: {x: 1}\n").is_ok());
        assert!(
            check_duplicates("a: [1\n").is_ok(),
            "syntax is from_str's to report"
        );
    }

    #[test]
    fn syntax_errors_in_plain_words() {
        let cases = [
            ("title: a: b\n", "second `:`"),
            ("tags: [a, b\n", "not closed with `]`"),
            ("title: 'a\n", "not closed"),
            ("\ttitle: a\n", "indent with spaces"),
            ("title: @a\n", "cannot start with `@`"),
            ("title: *x\n", "cannot start with `*`"),
            ("title: \"a\"\n  draft: 1\n", "lined up"),
        ];
        for (text, want) in cases {
            let e = err(text);
            assert!(matches!(e.problem, Problem::Syntax(_)), "{text:?}");
            assert!(
                e.message_en().contains(want),
                "{text:?}: {}",
                e.message_en()
            );
            for jargon in ["mapping", "scalar", "token", "stream"] {
                assert!(
                    !e.message_en().contains(jargon),
                    "{text:?}: {}",
                    e.message_en()
                );
            }
        }
    }

    #[test]
    fn paths_in_words() {
        assert_eq!(crate::diag::en::describe_path("tags"), "`tags`");
        assert_eq!(
            crate::diag::en::describe_path("tags[0]"),
            "item 1 of `tags`"
        );
        assert_eq!(
            crate::diag::en::describe_path("menu[1].path"),
            "`path` in item 2 of `menu`"
        );
        assert_eq!(key_path("menu[1].path"), "menu.path");
        assert_eq!(
            key_on_line("a: 1\n  - name: x\n", 2).as_deref(),
            Some("name")
        );
        assert_eq!(key_on_line("a: 1\n", 3), None);
    }
}
