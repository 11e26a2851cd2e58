//! The language of messages: `--lang vi|en`, else `language:` of
//! config.yaml, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, first
//! one set), else Vietnamese.

use super::Lang;

/// The language of messages from what the user said, most specific first.
/// `locale` is the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set.
pub fn choose(flag: Option<Lang>, config: Option<Lang>, locale: Option<&str>) -> Lang {
    flag.or(config)
        .unwrap_or_else(|| locale.map_or(Lang::Vi, from_locale))
}

/// `vi_VN.UTF-8` → Vietnamese; the machine's default locales (`C`,
/// `POSIX`, `C.UTF-8`, empty) → Vietnamese, as most users' machines are
/// not set to any; any other language → English.
pub fn from_locale(locale: &str) -> Lang {
    let name = locale.split(['.', '@']).next().unwrap_or("");
    if name.is_empty() || name == "C" || name == "POSIX" || name.starts_with("vi") {
        Lang::Vi
    } else {
        Lang::En
    }
}

/// The first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty.
pub fn locale_from_env() -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins_then_the_config_then_the_locale() {
        assert_eq!(
            choose(Some(Lang::En), Some(Lang::Vi), Some("vi_VN")),
            Lang::En
        );
        assert_eq!(choose(None, Some(Lang::En), Some("vi_VN")), Lang::En);
        assert_eq!(choose(None, None, Some("en_US.UTF-8")), Lang::En);
        assert_eq!(choose(None, None, Some("vi_VN.UTF-8")), Lang::Vi);
        assert_eq!(choose(None, None, Some("fr_FR.UTF-8")), Lang::En);
        for unset in [None, Some(""), Some("C"), Some("C.UTF-8"), Some("POSIX")] {
            assert_eq!(choose(None, None, unset), Lang::Vi, "{unset:?}");
        }
    }
}
