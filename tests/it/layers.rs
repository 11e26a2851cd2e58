//! The layer order of the library's modules: `lib.rs` and README state it,
//! and every `crate::` path outside test code must follow it, so a lower
//! layer never reaches into a higher one and the two statements never drift.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Imports against the order that are known and not yet moved, as
/// (file, module it uses). An entry here is a debt, not a permission: the
/// test still fails on any other.
const KNOWN: &[(&str, &str)] = &[];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Groups of module names in `text`, split at `→`: the backticked names of
/// each group that are modules of the library (`src/vi` counts as `vi`).
fn groups(text: &str, modules: &[String]) -> Vec<Vec<String>> {
    text.split('→')
        .map(|group| {
            group
                .split('`')
                .skip(1)
                .step_by(2)
                .map(|name| name.trim_start_matches("src/").to_string())
                .filter(|name| modules.contains(name))
                .collect::<Vec<_>>()
        })
        .filter(|g| !g.is_empty())
        .collect()
}

/// The modules `lib.rs` declares, and the order its doc comment states.
fn lib_order() -> (Vec<String>, Vec<Vec<String>>) {
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).unwrap();
    let modules: Vec<String> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod ")?.strip_suffix(';'))
        .map(str::to_string)
        .collect();
    let doc: String = lib
        .lines()
        .filter_map(|l| l.strip_prefix("//!"))
        .skip_while(|l| !l.contains("layered"))
        .skip(1)
        .take_while(|l| l.contains('→'))
        .collect::<Vec<_>>()
        .join(" ");
    let order = groups(&doc, &modules);
    (modules, order)
}

/// README's "Code map" paragraph, as groups.
fn readme_order(modules: &[String]) -> Vec<Vec<String>> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme.find("## Code map").expect("README has a Code map");
    let body = &readme[start..];
    let para = body
        .split("\n\n")
        .nth(1)
        .expect("a paragraph under Code map");
    groups(para, modules)
}

/// The lines of `src` with `#[cfg(test)]` items blanked: test code may use
/// any layer (a date test checks the message `diag` makes of it).
fn without_tests(src: &str) -> Vec<&str> {
    let lines: Vec<&str> = src.lines().collect();
    let mut out = lines.clone();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim_start().starts_with("#[cfg(test)]") {
            out[i] = "";
            let mut depth = 0i64;
            let mut opened = false;
            let mut k = i + 1;
            while k < lines.len() {
                let l = lines[k];
                if !opened && l.contains(';') && !l.contains('{') && depth == 0 {
                    out[k] = "";
                    break;
                }
                depth += l.matches('{').count() as i64 - l.matches('}').count() as i64;
                opened |= l.contains('{');
                out[k] = "";
                if opened && depth <= 0 {
                    break;
                }
                k += 1;
            }
            i = k;
        }
        i += 1;
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `crate::NAME` paths in code (comments aside), with their line.
fn crate_paths(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or("");
    code.match_indices("crate::")
        .filter(|(i, _)| {
            // `crate::` itself, not the end of another word.
            !code[..*i].ends_with(|c: char| c.is_alphanumeric() || c == '_')
        })
        .map(|(i, m)| {
            code[i + m.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

/// Every import of a higher layer under `src`, as `file:line uses module`.
fn violations(src: &Path, order: &[Vec<String>], known: &[(&str, &str)]) -> Vec<String> {
    let rank: HashMap<&str, usize> = order
        .iter()
        .enumerate()
        .flat_map(|(r, g)| g.iter().map(move |m| (m.as_str(), r)))
        .collect();
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut found = Vec::new();
    for path in files {
        let rel = path
            .strip_prefix(src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let top = rel.split('/').next().unwrap().trim_end_matches(".rs");
        let Some(&mine) = rank.get(top) else {
            continue; // lib.rs and main.rs stand above every layer
        };
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in without_tests(&text).iter().enumerate() {
            for used in crate_paths(line) {
                let Some(&theirs) = rank.get(used.as_str()) else {
                    continue;
                };
                let known = known.contains(&(rel.as_str(), used.as_str()));
                if theirs > mine && !known {
                    found.push(format!("src/{rel}:{} uses {used}", n + 1));
                }
            }
        }
    }
    found
}

#[test]
fn lib_rs_and_readme_state_one_order_of_every_module() {
    let (modules, order) = lib_order();
    let listed: Vec<&String> = order.iter().flatten().collect();
    for m in &modules {
        let times = listed.iter().filter(|l| **l == m).count();
        assert_eq!(times, 1, "lib.rs lists `{m}` {times} times in its order");
    }
    assert_eq!(
        readme_order(&modules),
        order,
        "README's Code map and lib.rs"
    );
}

#[test]
fn no_module_uses_a_later_layer() {
    let (_, order) = lib_order();
    let found = violations(&root().join("src"), &order, KNOWN);
    assert!(
        found.is_empty(),
        "imports against the layer order:\n{}",
        found.join("\n")
    );
}

#[test]
fn a_lower_layer_importing_a_higher_one_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::create_dir_all(src.join("vi")).unwrap();
    std::fs::write(src.join("diag.rs"), "use crate::vi::nfc;\n").unwrap();
    std::fs::write(
        src.join("vi/date.rs"),
        "//! [`crate::diag`] in a comment is no import.\n\
         pub fn f() -> String {\n    crate::diag::en::date()\n}\n\
         #[cfg(test)]\nmod tests {\n    use crate::diag::Code;\n}\n",
    )
    .unwrap();
    let order = vec![vec!["vi".to_string()], vec!["diag".to_string()]];
    assert_eq!(violations(src, &order, &[]), ["src/vi/date.rs:3 uses diag"]);
    assert!(violations(src, &order, &[("vi/date.rs", "diag")]).is_empty());
}
