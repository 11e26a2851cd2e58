//! Heading ids unique on the article page: against each other, against the
//! ids the theme's templates write, and against the other ids of the body
//! (footnotes, raw HTML).
//!
//! Headings are first written with a placeholder id; once the whole body is
//! rendered (it may come in chunks) every heading's slug and every other id
//! is known, and [`assign`] puts the final ids in.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Mutex;

use comrak::adapters::{HeadingAdapter, HeadingMeta};
use comrak::nodes::Sourcepos;

/// Ids written by the default theme's templates; a test checks this list
/// against `themes/default/templates`, so it cannot go stale.
pub const THEME_IDS: &[&str] = &[
    "chan-trang-lien-he",
    "chan-trang-muc-tin",
    "chan-trang-tra-cuu",
    "ket-qua-tieu-de",
    "luu-tru-gan-day",
    "noi-dung",
    "tep-dinh-kem",
    "theo-thang",
    "tim-nhanh",
    "tim-nhanh-0",
    "tim-nhanh-1",
    "tim-nhanh-2",
    "tim-nhanh-3",
    "tim-nhanh-4",
    "tim-nhanh-5",
    "tim-nhanh-ket-qua",
    "tim-nhanh-tat-ca",
    "tin-lien-quan",
    "tin-moi-nhat",
    "tin-noi-bat",
    "tra-cuu",
    "trong-muc-nay",
    "tu-khoa",
    "tu-khoa-goi-y",
];

/// The ids the theme's templates write: those of the bundled theme
/// ([`THEME_IDS`]), the submenus' `menu_con_N`, and the ids written in the
/// site's own templates. A small `Copy` handle to a list made once per
/// distinct set of templates and kept for the life of the process.
#[derive(Clone, Copy, Default)]
pub struct ThemeIds(Option<&'static [String]>);

impl ThemeIds {
    /// The bundled theme's ids only.
    pub const BUNDLED: ThemeIds = ThemeIds(None);

    /// The ids of the templates whose sources are `templates`: every
    /// `id="…"` written as it is (not made by the template).
    pub fn of<'a>(templates: impl IntoIterator<Item = &'a str>) -> ThemeIds {
        let mut extra: Vec<String> = templates
            .into_iter()
            .flat_map(|t| t.split("id=\"").skip(1))
            .filter_map(|p| p.find('"').map(|i| &p[..i]))
            .filter(|id| !id.is_empty() && !id.contains(['{', '}']) && !THEME_IDS.contains(id))
            .map(str::to_string)
            .collect();
        extra.sort();
        extra.dedup();
        if extra.is_empty() {
            return ThemeIds::BUNDLED;
        }
        static LISTS: Mutex<Vec<&'static [String]>> = Mutex::new(Vec::new());
        let mut lists = LISTS.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(l) = lists.iter().find(|l| ***l == extra[..]) {
            return ThemeIds(Some(l));
        }
        // One list per distinct set of templates (a site has one), so
        // leaking it is bounded.
        let list: &'static [String] = Vec::leak(extra);
        lists.push(list);
        ThemeIds(Some(list))
    }

    /// Whether a page of the theme may hold `id`.
    pub fn contains(&self, id: &str) -> bool {
        THEME_IDS.contains(&id)
            || id
                .strip_prefix("menu_con_")
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
            || self.0.is_some_and(|l| l.iter().any(|x| x == id))
    }

    /// Every id written as it is, for sets of reserved ids.
    fn listed(&self) -> impl Iterator<Item = &str> {
        THEME_IDS
            .iter()
            .copied()
            .chain(self.0.into_iter().flatten().map(String::as_str))
    }
}

impl fmt::Debug for ThemeIds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ThemeIds")
            .field(&self.0.unwrap_or_default())
            .finish()
    }
}

impl PartialEq for ThemeIds {
    fn eq(&self, other: &Self) -> bool {
        self.0.unwrap_or_default() == other.0.unwrap_or_default()
    }
}

impl Eq for ThemeIds {}

/// Marks the placeholder id of heading N: `\u{1}N\u{1}`. Sources never hold
/// control characters (they are removed when files are read), so the body
/// cannot forge one.
const MARK: char = '\u{1}';

/// The placeholder id of the heading numbered `n` in the body.
pub fn placeholder(n: usize) -> String {
    format!("{MARK}{n}{MARK}")
}

/// Heading ids made of ASCII slugs; each heading gets a placeholder,
/// replaced by a unique id once the whole body is known (see [`assign`]).
#[derive(Default)]
pub struct Headings {
    slugs: Mutex<Vec<String>>,
}

impl HeadingAdapter for Headings {
    fn enter(
        &self,
        out: &mut dyn fmt::Write,
        h: &HeadingMeta,
        _: Option<Sourcepos>,
    ) -> fmt::Result {
        let mut id = crate::vi::slugify(&h.content);
        if id.is_empty() {
            id = "muc".into();
        }
        let mut slugs = self.slugs.lock().unwrap_or_else(|e| e.into_inner());
        let placeholder = placeholder(slugs.len());
        slugs.push(id);
        write!(out, "<h{} id=\"{placeholder}\">", h.level)
    }

    fn exit(&self, out: &mut dyn fmt::Write, h: &HeadingMeta) -> fmt::Result {
        write!(out, "</h{}>", h.level)
    }
}

impl Headings {
    /// The slugs of the body's headings, in order.
    pub fn into_slugs(self) -> Vec<String> {
        self.slugs.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

/// Unique ids for headings whose slugs are `bases`, in order. The first
/// heading of a slug keeps it unless `reserved` holds it; the others get
/// `-1`, `-2`, … skipping every reserved id, every id given before and
/// every slug of the body, so a later `## Mục 1` still gets `muc-1`.
pub fn unique_ids(bases: &[String], reserved: &HashSet<&str>) -> Vec<String> {
    let natural: HashSet<&str> = bases.iter().map(String::as_str).collect();
    let mut taken: HashSet<String> = HashSet::new();
    // Next suffix to try for each slug, so many equal headings stay linear.
    let mut next: HashMap<&str, usize> = HashMap::new();
    bases
        .iter()
        .map(|base| {
            let free =
                |id: &str, taken: &HashSet<String>| !taken.contains(id) && !reserved.contains(id);
            let id = if free(base, &taken) {
                base.clone()
            } else {
                let k = next.entry(base.as_str()).or_insert(1);
                loop {
                    let id = format!("{base}-{k}");
                    *k += 1;
                    if free(&id, &taken) && !natural.contains(id.as_str()) {
                        break id;
                    }
                }
            };
            taken.insert(id.clone());
            id
        })
        .collect()
}

/// Replaces the heading placeholders of a body's HTML, given in `pieces`,
/// by unique ids (see [`unique_ids`]), and same-page links to a heading
/// whose slug the theme holds (`#noi-dung`) by links to its new id.
/// Returns the ids given, in order.
pub fn assign(pieces: &mut [String], bases: &[String], theme: ThemeIds) -> Vec<String> {
    if bases.is_empty() {
        return Vec::new();
    }
    let ids = {
        let others = pieces.iter().flat_map(|p| ids_of(p));
        let reserved: HashSet<&str> = theme.listed().chain(others).collect();
        unique_ids(bases, &reserved)
    };
    // First headings moved off a theme id: links to the slug follow them.
    let mut moved: HashMap<&str, &str> = HashMap::new();
    for (base, id) in bases.iter().zip(&ids) {
        if base != id && theme.contains(base) {
            moved.entry(base.as_str()).or_insert(id.as_str());
        }
    }
    for html in pieces.iter_mut() {
        *html = put_ids(html, &ids, &moved);
    }
    ids
}

/// [`assign`] for one piece of HTML.
fn put_ids(html: &str, ids: &[String], moved: &HashMap<&str, &str>) -> String {
    let mut out = String::with_capacity(html.len() + ids.len() * 4);
    let mut rest = html;
    while let Some(i) = rest.find(MARK) {
        let after = &rest[i + 1..];
        let Some(j) = after.find(MARK) else { break };
        out.push_str(&rest[..i]);
        match after[..j].parse::<usize>().ok().and_then(|n| ids.get(n)) {
            Some(id) => out.push_str(id),
            None => out.push_str(&rest[i..i + j + 2]),
        }
        rest = &after[j + 1..];
    }
    out.push_str(rest);
    if moved.is_empty() {
        return out;
    }
    let mut linked = String::with_capacity(out.len());
    let mut parts = out.split("href=\"#");
    linked.push_str(parts.next().unwrap_or_default());
    for part in parts {
        linked.push_str("href=\"#");
        let end = part.find('"').unwrap_or(part.len());
        match moved.get(&part[..end]) {
            Some(id) => {
                linked.push_str(id);
                linked.push_str(&part[end..]);
            }
            None => linked.push_str(part),
        }
    }
    linked
}

/// Every `id="…"` value of `html` but the heading placeholders.
fn ids_of(html: &str) -> impl Iterator<Item = &str> {
    html.split(" id=\"").skip(1).filter_map(|p| {
        let id = &p[..p.find('"')?];
        (!id.starts_with(MARK)).then_some(id)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(bases: &[&str], reserved: &[&str]) -> Vec<String> {
        let bases: Vec<String> = bases.iter().map(|b| b.to_string()).collect();
        unique_ids(&bases, &reserved.iter().copied().collect())
    }

    #[test]
    fn suffixes_never_take_an_id_used_before_or_later() {
        assert_eq!(
            ids(&["muc", "muc", "muc-1"], &[]),
            ["muc", "muc-2", "muc-1"]
        );
        assert_eq!(
            ids(&["a", "a", "a", "a-1"], &[]),
            ["a", "a-2", "a-3", "a-1"]
        );
        assert_eq!(ids(&["a-1", "a", "a"], &[]), ["a-1", "a", "a-2"]);
        assert_eq!(
            ids(&["a", "a-1", "a-1", "a"], &[]),
            ["a", "a-1", "a-1-1", "a-2"]
        );
    }

    #[test]
    fn reserved_ids_are_never_given() {
        assert_eq!(
            ids(
                &["noi-dung", "noi-dung", "noi-dung-1"],
                &["noi-dung", "noi-dung-2"]
            ),
            ["noi-dung-3", "noi-dung-4", "noi-dung-1"]
        );
        assert_eq!(ids(&["fn-1"], &["fn-1"]), ["fn-1-1"]);
    }

    #[test]
    fn many_equal_headings_stay_unique() {
        let got = ids(&["a"; 5000], &[]);
        assert_eq!(got.iter().collect::<HashSet<_>>().len(), 5000);
        assert_eq!(got[4999], "a-4999");
    }

    #[test]
    fn assign_puts_ids_in_and_moves_links_to_theme_slugs() {
        let html = format!(
            "<h2 id=\"{}\">Nội dung</h2><p><a href=\"#noi-dung\">x</a> <a href=\"#fn-1\" id=\"fnref-1\">1</a></p>\
             <h2 id=\"{}\">Fn 1</h2><li id=\"fn-1\"></li>",
            placeholder(0),
            placeholder(1)
        );
        let bases = ["noi-dung".to_string(), "fn-1".to_string()];
        let mut pieces = [html];
        assign(&mut pieces, &bases, ThemeIds::BUNDLED);
        assert_eq!(
            pieces[0],
            "<h2 id=\"noi-dung-1\">Nội dung</h2><p><a href=\"#noi-dung-1\">x</a> <a href=\"#fn-1\" id=\"fnref-1\">1</a></p>\
             <h2 id=\"fn-1-1\">Fn 1</h2><li id=\"fn-1\"></li>"
        );
    }

    /// The static and templated ids of the bundled templates.
    fn template_ids() -> Vec<(String, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
        let mut out = Vec::new();
        for entry in walkdir::WalkDir::new(&dir) {
            let entry = entry.expect("templates readable");
            if !entry.file_type().is_file() {
                continue;
            }
            let name = entry
                .path()
                .strip_prefix(&dir)
                .expect("inside")
                .display()
                .to_string();
            let text = std::fs::read_to_string(entry.path()).expect("template text");
            for part in text.split("id=\"").skip(1) {
                out.push((
                    name.clone(),
                    part[..part.find('"').expect("closed")].to_string(),
                ));
            }
        }
        assert!(out.len() > 5, "{out:?}");
        out
    }

    #[test]
    fn a_site_template_adds_its_ids() {
        let ids = ThemeIds::of(["<p id=\"rieng\"></p><b id=\"{{ x }}\"> <i id=\"noi-dung\">"]);
        assert!(ids.contains("rieng") && ids.contains("noi-dung") && ids.contains("menu_con_2"));
        assert!(!ids.contains("{{ x }}") && !ids.contains("menu_con_x"));
        assert!(!ThemeIds::BUNDLED.contains("rieng"));
        assert_eq!(ids, ThemeIds::of(["<a id=\"rieng\">"]));
        assert_eq!(ThemeIds::of(["<a id=\"noi-dung\">"]), ThemeIds::BUNDLED);
    }

    #[test]
    fn the_list_holds_every_id_of_the_theme() {
        for (file, id) in template_ids() {
            if file == "partials/menu_item.html" {
                // The submenus of the main menu, numbered `menu_con_1`, … by
                // render::site_view: no slug holds a `_`.
                assert_eq!(id, "{{ m.id }}");
                assert!(!crate::vi::slugify("menu_con_1").contains('_'));
            } else if id.contains("{{") {
                // Templated ids are on pages that show no article body.
                assert!(
                    ["index.html", "archive.html", "archive_year.html"].contains(&file.as_str()),
                    "{file} writes id `{id}`: reserve it in THEME_IDS if an article body can share its page"
                );
            } else {
                assert!(
                    THEME_IDS.contains(&id.as_str()),
                    "{file}: id `{id}` is missing from THEME_IDS"
                );
            }
        }
    }
}
