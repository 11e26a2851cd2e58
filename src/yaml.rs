//! The one door to the YAML parser. serde_yaml is deprecated upstream, so
//! nothing else in bantin names it: swapping in a maintained fork is a change
//! to this file alone.

use serde::de::DeserializeOwned;

/// A YAML error with its position inside the YAML text (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Deserialises `text` into `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_yaml::from_str(text).map_err(|e| {
        let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
        // serde_yaml appends " at line L column C" to messages; we print positions ourselves.
        let mut message = e.to_string();
        if let Some(i) = message.find(" at line ") {
            message.truncate(i);
        }
        YamlError {
            line,
            column,
            message,
        }
    })
}

/// The unknown key and the keys that were expected, from a
/// `deny_unknown_fields` error message.
pub fn unknown_field(message: &str) -> Option<(String, Vec<String>)> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, rest) = rest.split_once('`')?;
    let expected = rest
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.to_string())
        .collect();
    Some((field.to_string(), expected))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        title: String,
        tags: Vec<String>,
    }

    #[test]
    fn reports_unknown_fields_with_position() {
        let e = from_str::<T>("title: a\ntag: [b]\n").unwrap_err();
        assert_eq!(e.line, 2);
        let (field, expected) = unknown_field(&e.message).unwrap();
        assert_eq!(field, "tag");
        assert_eq!(expected, vec!["title", "tags"]);
    }
}
