//! Starting points for officers: `bantin init` writes a new site that builds
//! at once, `bantin new` writes an article with its front matter filled.
//!
//! Both only ever create files that did not exist (`create_new`), so neither
//! can overwrite an officer's work.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::content::kind::{Expect, Kind};
use crate::content::{front_matter, source};
use crate::diag::{did_you_mean, Action, Code, Diagnostic};
use crate::vi::{self, DateTime};

/// The site that `bantin init` writes: path relative to the new site's
/// folder, and text. `{YEAR}`, `{DATE}` are filled in when it is written.
const INIT_FILES: &[(&str, &str)] = &[
    ("config.yaml", include_str!("scaffold/config.yaml")),
    (
        ".gitignore",
        "/public/\n/.public.bantin-*\n/.bantin-cache/\n",
    ),
    ("content/_index.md", include_str!("scaffold/home.md")),
    (
        "content/tin-tuc/_index.md",
        include_str!("scaffold/section.md"),
    ),
    (
        "content/tin-tuc/{YEAR}/chao-mung.md",
        include_str!("scaffold/article.md"),
    ),
    ("content/gioi-thieu.md", include_str!("scaffold/page.md")),
    ("static/.gitkeep", ""),
    ("templates/.gitkeep", ""),
];

/// The article template of `bantin new` when the site has no archetype.
const DEFAULT_ARCHETYPE: &str = include_str!("scaffold/archetype.md");
/// The page template of `bantin new` in a section of `kind: pages`
/// without an archetype of its own.
const PAGE_ARCHETYPE: &str = include_str!("scaffold/page_archetype.md");

/// What `bantin init` did.
#[derive(Debug)]
pub struct Created {
    /// The site folder.
    pub root: PathBuf,
    /// Files written, relative to it.
    pub files: Vec<String>,
}

/// A folder `init` may fill: missing, or holding only hidden entries such
/// as `.git` (a repository made first is a common start).
fn is_quasi_empty(dir: &Path) -> io::Result<bool> {
    match fs::read_dir(dir) {
        Ok(entries) => {
            for e in entries {
                if !e?.file_name().to_string_lossy().starts_with('.') {
                    return Ok(false);
                }
            }
            Ok(true)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(true),
        Err(e) => Err(e),
    }
}

fn io_error(path: &Path, action: Action, e: io::Error) -> Diagnostic {
    let code = Code::ScaffoldIo {
        action,
        error: (&e).into(),
    };
    Diagnostic::error(path.display().to_string(), 0, 0, code)
}

/// Writes `text` to a new file `path`, creating its folders; an existing
/// file is never replaced.
fn write_new(path: &Path, text: &str) -> Result<(), Diagnostic> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| io_error(parent, Action::CreateFolder, e))?;
    }
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            if e.kind() == io::ErrorKind::AlreadyExists {
                let shown = path.display().to_string();
                let code = Code::AlreadyExists {
                    path: shown.clone(),
                    article: false,
                };
                Diagnostic::error(shown, 0, 0, code)
            } else {
                io_error(path, Action::CreateFile, e)
            }
        })?;
    f.write_all(text.as_bytes())
        .map_err(|e| io_error(path, Action::WriteFile, e))
}

/// Creates a new site in `dir` (made if missing): config.yaml with every
/// key explained in Vietnamese, a home page, a section with one article, a
/// page, and a `.gitignore`. `now` dates the article.
///
/// Every file is checked before the first is written, and a write that
/// fails removes what this run made: `init` makes a whole site or nothing.
pub fn init(dir: &Path, now: DateTime) -> Result<Created, Diagnostic> {
    let shown = dir.display().to_string();
    match is_quasi_empty(dir) {
        Ok(true) => {}
        Ok(false) => {
            let code = Code::FolderNotEmpty {
                folder: shown.clone(),
            };
            return Err(Diagnostic::error(shown.clone(), 0, 0, code));
        }
        Err(e) => return Err(io_error(dir, Action::ReadFolder, e)),
    }
    let year = now.year.to_string();
    let date = written_date(&now);
    let files: Vec<(String, String)> = INIT_FILES
        .iter()
        .map(|(rel, text)| (rel.replace("{YEAR}", &year), text.replace("{DATE}", &date)))
        .collect();
    // Hidden entries are allowed beside `.git`, so one may be a file of
    // the new site (`.gitignore`), or stand where one of its folders goes.
    let taken: Vec<String> = files
        .iter()
        .filter(|(rel, _)| {
            let path = dir.join(rel);
            fs::symlink_metadata(&path).is_ok()
                || path
                    .ancestors()
                    .skip(1)
                    .take_while(|a| a.starts_with(dir) && *a != dir)
                    .any(|a| fs::symlink_metadata(a).is_ok_and(|m| !m.is_dir()))
        })
        .map(|(rel, _)| rel.clone())
        .collect();
    if !taken.is_empty() {
        let code = Code::InitWouldOverwrite {
            folder: shown.clone(),
            paths: taken,
        };
        return Err(Diagnostic::error(shown, 0, 0, code));
    }
    let mut made = Vec::new();
    for (rel, text) in &files {
        if let Err(d) = write_new_tracked(&dir.join(rel), text, &mut made) {
            undo(&made);
            return Err(d);
        }
    }
    Ok(Created {
        root: dir.to_path_buf(),
        files: files.into_iter().map(|(rel, _)| rel).collect(),
    })
}

/// [`write_new`], recording in `made` each folder it creates and the file.
fn write_new_tracked(path: &Path, text: &str, made: &mut Vec<PathBuf>) -> Result<(), Diagnostic> {
    if let Some(parent) = path.parent() {
        let missing: Vec<&Path> = parent
            .ancestors()
            .take_while(|a| !a.as_os_str().is_empty() && fs::symlink_metadata(a).is_err())
            .collect();
        for folder in missing.into_iter().rev() {
            fs::create_dir(folder).map_err(|e| io_error(folder, Action::CreateFolder, e))?;
            made.push(folder.to_path_buf());
        }
    }
    let existed = fs::symlink_metadata(path).is_ok();
    let written = write_new(path, text);
    if !existed && (written.is_ok() || path.is_file()) {
        // A file created but not filled is this run's too.
        made.push(path.to_path_buf());
    }
    written
}

/// Removes what `made` lists, last first: files, then the folders that
/// held them (emptied by then).
fn undo(made: &[PathBuf]) {
    for p in made.iter().rev() {
        let _ = if p.is_dir() {
            fs::remove_dir(p)
        } else {
            fs::remove_file(p)
        };
    }
}

/// `02/12/2026 15:10`: the day-first form officers write by hand.
fn written_date(now: &DateTime) -> String {
    format!(
        "{:02}/{:02}/{:04} {:02}:{:02}",
        now.day, now.month, now.year, now.hour, now.minute
    )
}

/// `text` as a double-quoted YAML string (valid for any title).
fn yaml_string(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 2);
    s.push('"');
    for c in text.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

/// What `bantin new` is asked to write.
pub struct NewArticle<'a> {
    /// Site folder.
    pub root: &'a Path,
    /// Section folder under `content/`, as typed (`tin-tuc`, `content/tin-tuc/`).
    pub section: &'a str,
    pub title: &'a str,
    /// The file name's slug; from the title when `None`.
    pub slug: Option<&'a str>,
}

/// The section folders of a site (relative to `content/`, `/`-separated):
/// folders holding an `_index.md`.
fn sections(content: &Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(content)
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| !crate::content::walk::is_ignored(&e.file_name().to_string_lossy()))
        .flatten()
        .filter(|e| e.file_type().is_dir() && e.path().join("_index.md").is_file())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(content).ok()?;
            Some(
                rel.components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/"),
            )
        })
        .collect();
    out.sort();
    out
}

/// The section folder that `typed` names, or an error listing the sections.
fn find_section(root: &Path, typed: &str) -> Result<String, Diagnostic> {
    let content = root.join("content");
    let wanted = vi::nfc(typed.trim())
        .replace('\\', "/")
        .trim_start_matches("./")
        .trim_start_matches("content/")
        .trim_matches('/')
        .to_string();
    let all = sections(&content);
    if all.contains(&wanted) {
        return Ok(wanted);
    }
    let code = Code::NoSuchSection {
        suggestion: did_you_mean(&wanted, all.iter().map(String::as_str)).map(str::to_string),
        wanted,
        sections: all.into_iter().collect(),
    };
    Err(Diagnostic::error("content", 0, 0, code))
}

/// Checks a title given on the command line.
fn check_title(title: &str) -> Result<String, Diagnostic> {
    let title = vi::nfc(title.trim());
    if title.is_empty() {
        return Err(Diagnostic::error("title", 0, 0, Code::EmptyTitle));
    }
    if title.chars().any(char::is_control) {
        return Err(Diagnostic::error("title", 0, 0, Code::TitleControl));
    }
    Ok(title)
}

/// What a section lists, from its `_index.md`: articles unless it says
/// `kind: pages` (a broken `_index.md` is reported by the build, not here).
fn section_lists(root: &Path, section: &str, config: &Config) -> Kind {
    let rel = format!("content/{section}/_index.md");
    let Ok(bytes) = fs::read(root.join(&rel)) else {
        return Kind::Article;
    };
    let Ok(src) = source::read(&bytes, &rel) else {
        return Kind::Article;
    };
    let ctx = front_matter::Context {
        offset_minutes: config.offset_minutes,
        taxonomies: &[],
    };
    front_matter::parse(&src, &rel, &ctx, Expect::Is(Kind::Section))
        .map_or(Kind::Article, |f| f.lists)
}

/// What `bantin new` wrote.
#[derive(Debug)]
pub struct Written {
    /// Path of the new file, relative to the site folder.
    pub path: PathBuf,
    /// [`Kind::Article`], or [`Kind::Page`] in a section of `kind: pages`.
    pub kind: Kind,
    /// What the officer should know: a file name cut short.
    pub warnings: Vec<Diagnostic>,
}

/// Longest file name `new` makes, in characters (slugs are ASCII). With
/// `content/SECTION/YEAR/` and `.md` around it, the path stays well under
/// the 260 characters Windows takes, wherever the site folder is; a title
/// of an official document easily gives 200.
pub const MAX_SLUG: usize = 80;

/// `slug` cut to at most `max` characters after a whole word, or at `max`
/// when the words that fit are less than half of it (a word of 60 letters
/// is cut rather than dropped).
fn cap_slug(slug: &str, max: usize) -> &str {
    if slug.len() <= max {
        return slug;
    }
    // The character just past `max` may be the `-` that ends a word.
    match slug.get(..=max).and_then(|s| s.rfind('-')) {
        Some(i) if i >= max / 2 => &slug[..i],
        _ => slug.get(..max).unwrap_or(slug).trim_end_matches('-'),
    }
}

/// The file name of a new article or page: `--slug` as given, or the
/// title's slug cut to [`MAX_SLUG`] (with a warning in `warnings` when
/// cut). Names Windows keeps for devices are refused.
fn file_slug(
    req: &NewArticle,
    title: &str,
    kind: Kind,
    warnings: &mut Vec<Diagnostic>,
) -> Result<String, Diagnostic> {
    let slug = match req.slug {
        Some(s) => {
            let slug = vi::slugify(s);
            if slug != s {
                let code = Code::NotASlug {
                    slug: s.to_string(),
                    example: if slug.is_empty() {
                        "giao-ban-quy-4".to_string()
                    } else {
                        slug
                    },
                };
                return Err(Diagnostic::error("--slug", 0, 0, code));
            }
            if slug.len() > MAX_SLUG {
                let code = Code::SlugTooLong {
                    example: cap_slug(&slug, MAX_SLUG).to_string(),
                    length: slug.len(),
                    limit: MAX_SLUG,
                };
                return Err(Diagnostic::error("--slug", 0, 0, code));
            }
            slug
        }
        None => {
            let full = vi::slugify(title);
            let slug = cap_slug(&full, MAX_SLUG).to_string();
            if slug.len() < full.len() {
                let code = Code::SlugShortened {
                    example: cap_slug(&slug, 30).to_string(),
                    slug: slug.clone(),
                    limit: MAX_SLUG,
                };
                warnings.push(Diagnostic::warning("title", 0, 0, code));
            }
            slug
        }
    };
    if slug.is_empty() {
        let code = Code::TitleWithoutName {
            title: title.to_string(),
        };
        return Err(Diagnostic::error("title", 0, 0, code));
    }
    if let Err(crate::diag::SegmentError::Reserved(_)) = crate::paths::check_segment(&slug) {
        let prefix = if kind == Kind::Page { "trang" } else { "bai" };
        let code = Code::ReservedName {
            example: format!("{prefix}-{slug}"),
            slug,
        };
        let at = if req.slug.is_some() {
            "--slug"
        } else {
            "title"
        };
        return Err(Diagnostic::error(at, 0, 0, code));
    }
    Ok(slug)
}

/// Writes a new article into section `req.section`:
/// `content/SECTION/YEAR/SLUG.md`, dated `now` (in the site's time zone),
/// from `archetypes/SECTION.md`, else `archetypes/default.md`, else the
/// built-in template. In a section of `kind: pages` it writes a page
/// instead: `content/SECTION/SLUG.md`, undated, from
/// `archetypes/SECTION.md`, else the built-in page template.
pub fn new_article(
    req: &NewArticle,
    config: &Config,
    now: DateTime,
) -> Result<Written, Diagnostic> {
    let title = check_title(req.title)?;
    let section = find_section(req.root, req.section)?;
    let kind = section_lists(req.root, &section, config);
    let mut warnings = Vec::new();
    let slug = file_slug(req, &title, kind, &mut warnings)?;
    let archetypes = req.root.join("archetypes");
    let own = archetypes.join(format!("{}.md", section.replace('/', "-")));
    // `default.md` is an article's template: a page takes only its section's.
    let candidates = match kind {
        Kind::Page => vec![own],
        _ => vec![own, archetypes.join("default.md")],
    };
    let builtin = match kind {
        Kind::Page => PAGE_ARCHETYPE,
        _ => DEFAULT_ARCHETYPE,
    };
    let (template, template_name) = candidates
        .into_iter()
        .find(|p| p.is_file())
        .map(|p| {
            let name = crate::diag::rel(req.root, &p).display().to_string();
            fs::read_to_string(&p)
                .map(|t| (t, name.clone()))
                .map_err(|e| io_error(&p, Action::ReadArchetype, e))
        })
        .transpose()?
        .unwrap_or_else(|| (builtin.to_string(), String::new()));
    let text = fill(&template, &title, &written_date(&now), &slug, &section)
        .map_err(|e| archetype_error(&template_name, e))?;
    let rel = match kind {
        Kind::Page => format!("content/{section}/{slug}.md"),
        _ => format!("content/{section}/{}/{slug}.md", now.year),
    };
    check_written(&text, &rel, config, kind).map_err(|errors| {
        let first = errors.into_iter().next().expect("an error");
        Diagnostic::error(
            if template_name.is_empty() {
                "archetype".into()
            } else {
                template_name.clone()
            },
            0,
            0,
            Code::ArchetypeWouldFail { first: first.code },
        )
    })?;
    let path = req.root.join(&rel);
    write_new(&path, &text).map_err(|d| {
        if path.exists() {
            let code = Code::AlreadyExists {
                path: rel.clone(),
                article: true,
            };
            Diagnostic::error(rel.clone(), 0, 0, code)
        } else {
            d
        }
    })?;
    let shown = rel.clone();
    Ok(Written {
        path: PathBuf::from(rel),
        kind,
        warnings: warnings
            .into_iter()
            .map(|mut w| {
                w.file = PathBuf::from(&shown);
                w
            })
            .collect(),
    })
}

fn archetype_error(name: &str, e: minijinja::Error) -> Diagnostic {
    Diagnostic::error(
        if name.is_empty() { "archetype" } else { name },
        e.line().unwrap_or(0),
        0,
        Code::ArchetypeFill {
            detail: e.detail().map_or_else(|| e.to_string(), str::to_string),
        },
    )
}

/// The archetype with the article's values filled in. `{{ title | yaml }}`
/// quotes the title for YAML.
fn fill(
    template: &str,
    title: &str,
    date: &str,
    slug: &str,
    section: &str,
) -> Result<String, minijinja::Error> {
    let mut env = minijinja::Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_keep_trailing_newline(true);
    env.add_filter("yaml", |s: String| yaml_string(&s));
    env.render_str(template, minijinja::context! { title, date, slug, section })
}

/// Parses the article or page about to be written as a build would, so
/// that a broken archetype is caught before a file is made.
fn check_written(
    text: &str,
    rel: &str,
    config: &Config,
    kind: Kind,
) -> Result<(), Vec<Diagnostic>> {
    let src = source::read(text.as_bytes(), rel).map_err(|d| vec![d])?;
    let ctx = front_matter::Context {
        offset_minutes: config.offset_minutes,
        taxonomies: &[],
    };
    front_matter::parse(&src, rel, &ctx, Expect::Is(kind)).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_cut_after_a_word_or_inside_a_very_long_one() {
        let words = |n: usize| vec!["abcd"; n].join("-");
        // 16 words of 4 letters: 79 characters, kept.
        assert_eq!(cap_slug(&words(16), 80), words(16));
        // 17 words: 84; the 80th character ends no word, the 79th does.
        assert_eq!(cap_slug(&words(17), 80), words(16));
        // A `-` just past the limit ends the 80th character's word.
        let exact = format!("{}-x", "a".repeat(80));
        assert_eq!(cap_slug(&exact, 80), "a".repeat(80));
        // A first word longer than the limit is cut inside it.
        let long = format!("bao-cao-{}", "a".repeat(120));
        assert_eq!(cap_slug(&long, 80).len(), 80);
        assert!(!cap_slug(&format!("{}-{}", "a".repeat(79), "b".repeat(5)), 80).ends_with('-'));
    }

    #[test]
    fn yaml_strings_survive_quotes_and_backslashes() {
        assert_eq!(yaml_string("a \"b\" c\\d"), "\"a \\\"b\\\" c\\\\d\"");
        assert_eq!(yaml_string("Tin: HĐND"), "\"Tin: HĐND\"");
    }

    #[test]
    fn dates_are_written_day_first() {
        let d = DateTime {
            year: 2026,
            month: 2,
            day: 3,
            hour: 9,
            minute: 5,
            second: 59,
            offset_minutes: 420,
        };
        assert_eq!(written_date(&d), "03/02/2026 09:05");
    }

    #[test]
    fn the_default_archetype_fills_every_title() {
        for title in [
            "Giao ban \"quý\" IV: kết quả",
            "a\\b",
            "- list?",
            "#1",
            "yes",
        ] {
            let text = fill(DEFAULT_ARCHETYPE, title, "01/02/2026 10:00", "x", "tin-tuc").unwrap();
            let config = Config::default();
            check_written(&text, "content/tin-tuc/2026/x.md", &config, Kind::Article)
                .unwrap_or_else(|e| panic!("{title}: {e:?}"));
            let text = fill(PAGE_ARCHETYPE, title, "01/02/2026 10:00", "x", "co-cau").unwrap();
            check_written(&text, "content/co-cau/x.md", &config, Kind::Page)
                .unwrap_or_else(|e| panic!("{title}: {e:?}"));
        }
    }
}
