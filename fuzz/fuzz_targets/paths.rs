//! Output paths and the helpers that make them: whatever `OutPath`
//! accepts stays inside the output folder (no `..`, no `/` at the start, no
//! `\`, no control character, no empty segment); alias files and article
//! paths made from any text are such paths or are refused there; URL
//! encoding leaves nothing that could end an attribute.
#![no_main]

use bantin::model::urls::{alias_file, article_path, dir_path, output_file, page_path};
use bantin::paths::OutPath;
use bantin::url::{check, check_link, encode_fragment, encode_path};
use libfuzzer_sys::fuzz_target;

fn check_out_path(p: &OutPath) {
    let s = p.as_str();
    assert!(!s.starts_with('/'), "{s:?}");
    for seg in s.split('/') {
        assert!(!seg.is_empty() && seg != "." && seg != "..", "{s:?}");
        assert!(!seg.chars().any(|c| c == '\\' || c.is_control()), "{s:?}");
        assert!(seg.len() <= bantin::paths::MAX_SEGMENT_BYTES, "{s:?}");
    }
    for parent in p.parents() {
        assert!(s.starts_with(parent) && parent.len() < s.len());
    }
}

/// Whether an encoded URL part is safe inside a quoted attribute.
fn attribute_safe(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_graphic() && !matches!(b, b'"' | b'\'' | b'<' | b'>' | b'&' | b'\\'))
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(p) = OutPath::new(s) {
        check_out_path(&p);
        assert_eq!(p.as_str(), s);
    }
    if let Ok(p) = OutPath::page(s) {
        check_out_path(&p);
    }
    if let Ok(file) = alias_file(s) {
        // Refused later by OutPath (empty segments, reserved names) is fine;
        // what it accepts must be a path inside the output.
        assert!(!file.starts_with('/'), "{s:?} → {file:?}");
        assert!(
            !file.split('/').any(|g| g == ".." || g == "."),
            "{s:?} → {file:?}"
        );
        if let Ok(p) = OutPath::new(&file) {
            check_out_path(&p);
        }
    }
    for (bundle, slug) in [(false, None), (true, None), (false, Some(s))] {
        let rel = if bundle {
            format!("{s}/index.md")
        } else {
            format!("{s}.md")
        };
        let path = article_path(&rel, bundle, slug);
        assert!(path.ends_with('/'), "{rel:?} → {path:?}");
        assert!(
            path.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'/'),
            "{rel:?} → {path:?}"
        );
        assert!(
            !path.split('/').any(|g| g == ".." || g == "."),
            "{rel:?} → {path:?}"
        );
        let _ = OutPath::page(&path).map(|p| check_out_path(&p));
        let file = output_file(&path);
        assert!(file.ends_with("index.html"));
    }
    let dir = dir_path(s);
    assert!(dir.is_empty() || dir.ends_with('/'));
    assert!(
        !dir.split('/').any(|g| g == ".." || g == "."),
        "{s:?} → {dir:?}"
    );
    assert_eq!(page_path(&dir, "trang", 1), dir);
    assert!(page_path(&dir, "trang", 2).ends_with("trang/2/"));

    let encoded = encode_path(s);
    assert!(attribute_safe(&encoded), "{s:?} → {encoded:?}");
    let fragment = encode_fragment(s);
    assert!(
        attribute_safe(&fragment) && !fragment.contains(['/', '#']),
        "{s:?} → {fragment:?}"
    );

    if check_link(s).is_ok() {
        // As a browser reads it: leading spaces and controls trimmed, tabs
        // and line breaks dropped anywhere.
        let lower: String = s
            .trim_start_matches(|c: char| c <= ' ')
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect::<String>()
            .to_ascii_lowercase();
        for bad in ["javascript:", "vbscript:", "data:", "file:"] {
            assert!(!lower.starts_with(bad), "check_link accepts {s:?}");
        }
    }
    if check(s).is_ok() {
        assert!(!s.is_empty() && !s.chars().any(|c| c.is_whitespace() || c.is_control()));
    }
});
