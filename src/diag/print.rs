//! The printed report of a diagnostic:
//!
//! ```text
//! lỗi BT0012: thiếu `title`
//!   --> content/tin-tuc/a.md:2:1
//!    |
//!  2 | tittle: Họp báo
//!    | ^
//!    = cách sửa: …
//! ```

use std::fmt::Write;

use super::{clip, window, Diagnostic, Lang, Severity, MESSAGE_CHARS};

/// The words around a report, in one language.
struct Labels {
    error: &'static str,
    warning: &'static str,
    fix: &'static str,
}

fn labels(lang: Lang) -> Labels {
    match lang {
        Lang::Vi => Labels {
            error: "lỗi",
            warning: "cảnh báo",
            fix: "cách sửa",
        },
        Lang::En => Labels {
            error: "error",
            warning: "warning",
            fix: "how to fix",
        },
    }
}

/// `d` printed in `lang`, ending with a line break.
pub fn report(d: &Diagnostic, lang: Lang) -> String {
    let words = labels(lang);
    let text = d.code.text(lang);
    let label = match d.severity {
        Severity::Error => words.error,
        Severity::Warning => words.warning,
    };
    let mut f = String::new();
    let _ = writeln!(
        f,
        "{label} {}: {}",
        d.id(),
        clip(&text.message, MESSAGE_CHARS)
    );
    let _ = writeln!(f, "  --> {}", d.location());
    if let Some(line) = &d.excerpt {
        // A control character would act on the terminal: show it as `�`.
        let line: String = line
            .chars()
            .map(|c| {
                if c.is_control() && c != '\t' {
                    '\u{fffd}'
                } else {
                    c
                }
            })
            .collect();
        let (line, column) = window(&line, d.column);
        let num = d.line.to_string();
        let pad = " ".repeat(num.len());
        let _ = writeln!(f, " {pad} |");
        let _ = writeln!(f, " {num} | {line}");
        if column > 0 {
            // Columns count characters; tabs keep their width in the caret line.
            let lead: String = line
                .chars()
                .take(column - 1)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let _ = writeln!(f, " {pad} | {lead}^");
        }
    }
    if let Some(hint) = &text.hint {
        let _ = writeln!(f, "  = {}: {}", words.fix, clip(hint, MESSAGE_CHARS));
    }
    f
}
