//! One language everywhere: an English site speaks English in every date,
//! heading, count and label; a Vietnamese site speaks Vietnamese, down to
//! footnote links and every `aria-label`.

use std::collections::BTreeMap;
use std::path::Path;

use bantin::vi::format::{MONTHS_EN, WEEKDAYS_EN, WEEKDAYS_VI};

use crate::support::{article, SiteTest};

fn strings(lang: &str) -> (String, BTreeMap<String, String>) {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("themes/default/i18n/{lang}.yaml"));
    let text = std::fs::read_to_string(&path).expect("i18n file");
    let map = bantin::yaml::from_str(&text).unwrap_or_else(|e| panic!("{lang}.yaml: {e:?}"));
    (text, map)
}

#[test]
fn both_string_files_have_the_same_keys_each_once() {
    let (vi_text, vi) = strings("vi");
    let (en_text, en) = strings("en");
    for (name, text) in [("vi", &vi_text), ("en", &en_text)] {
        if let Err(e) = bantin::yaml::check_duplicates(text) {
            panic!("{name}.yaml has a key twice: {e:?}");
        }
    }
    let only = |a: &BTreeMap<String, String>, b: &BTreeMap<String, String>| {
        a.keys()
            .filter(|k| !b.contains_key(*k))
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(only(&vi, &en), Vec::<String>::new(), "keys only in vi.yaml");
    assert_eq!(only(&en, &vi), Vec::<String>::new(), "keys only in en.yaml");
}

/// The sample site of the repository, built in `lang`.
fn sample_site(lang: &str) -> SiteTest {
    let t = SiteTest::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for entry in walkdir::WalkDir::new(root.join("content")) {
        let entry = entry.expect("walk");
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(root).unwrap();
            t.write_bytes(rel.to_str().unwrap(), &std::fs::read(entry.path()).unwrap());
        }
    }
    let config = std::fs::read_to_string(root.join("config.yaml")).unwrap();
    t.write(
        "config.yaml",
        &config.replace("language: vi", &format!("language: {lang}")),
    );
    t.build_ok();
    t
}

/// Text a reader sees or hears: text between tags and the values of
/// `aria-label`, `title`, `alt` and of meta tags people read, without
/// scripts.
fn reader_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i..];
        if rest.starts_with("<script") {
            rest = rest.find("</script>").map_or("", |e| &rest[e + 9..]);
            continue;
        }
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let tag = &rest[..end];
        // Meta tags of machine values (`og:type`, dates) are not read.
        let read_meta = ["\"description\"", "og:title", "og:description", "image:alt"]
            .iter()
            .any(|m| tag.contains(m));
        for attr in ["aria-label=\"", "title=\"", "alt=\"", "content=\""] {
            if attr == "content=\"" && !read_meta {
                continue;
            }
            if let Some(a) = tag.find(attr) {
                let v = &tag[a + attr.len()..];
                out.push_str(&v[..v.find('"').unwrap_or(v.len())]);
                out.push('\n');
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The strings of `a` that `b` words otherwise: names both languages
/// share (`PDF`, `Word`) are no sign of the other language.
fn differing(a: &BTreeMap<String, String>, b: &BTreeMap<String, String>) -> Vec<String> {
    a.iter()
        .filter(|(k, v)| b.get(*k) != Some(*v))
        .map(|(_, v)| v.clone())
        .collect()
}

/// Whether `word` occurs in `text` as a whole word.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The reader text of every HTML page of a built site.
fn pages(t: &SiteTest) -> Vec<(String, String)> {
    walkdir::WalkDir::new(t.out())
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(t.out())
                .unwrap()
                .display()
                .to_string();
            (
                rel,
                reader_text(&std::fs::read_to_string(e.path()).unwrap()),
            )
        })
        .collect()
}

/// The words of `words` that some page shows, skipping those the sources
/// themselves contain (article text is the site's to write); checks that
/// most words were checked.
fn words_shown(t: &SiteTest, words: &[String]) -> Vec<String> {
    let mut sources = std::fs::read_to_string(t.root().join("config.yaml")).unwrap();
    for e in walkdir::WalkDir::new(t.root().join("content"))
        .into_iter()
        .flatten()
    {
        if e.file_type().is_file() {
            sources.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
        }
    }
    let checked: Vec<&String> = words.iter().filter(|w| !has_word(&sources, w)).collect();
    assert!(
        checked.len() * 3 >= words.len() * 2,
        "too few words checked: {} of {}",
        checked.len(),
        words.len()
    );
    let pages = pages(t);
    let mut shown = Vec::new();
    for w in checked {
        if let Some((page, _)) = pages.iter().find(|(_, text)| has_word(text, w)) {
            shown.push(format!("`{w}` on {page}"));
        }
    }
    shown
}

#[test]
fn an_english_sample_site_shows_no_vietnamese_ui_word() {
    let t = sample_site("en");
    let (_, vi) = strings("vi");
    let mut words = differing(&vi, &strings("en").1);
    words.extend(WEEKDAYS_VI.map(String::from));
    words.extend(["Quay lại", "Chú thích"].map(String::from));
    assert_eq!(words_shown(&t, &words), Vec::<String>::new());
    // Dates and months, whatever the content says.
    for (page, text) in pages(&t) {
        assert!(!text.contains("Tháng "), "{page}: {text}");
    }
    let month = t.read("luu-tru/2021/10/index.html");
    assert!(month.contains("<title>Archive: October 2021 – "), "{month}");
    assert!(month.contains("<h1>October 2021"), "{month}");
    let archive = t.read("luu-tru/index.html");
    assert!(archive.contains(">October<"), "{archive}");
}

#[test]
fn a_vietnamese_sample_site_shows_no_english_ui_word() {
    let t = sample_site("vi");
    let (_, en) = strings("en");
    let mut words = differing(&en, &strings("vi").1);
    words.extend(WEEKDAYS_EN.map(String::from));
    // "May" is also a Vietnamese word.
    words.extend(
        MONTHS_EN
            .iter()
            .filter(|m| **m != "May")
            .map(|m| m.to_string()),
    );
    words.extend(["Back to reference", "Footnotes", "Page", "FILE"].map(String::from));
    assert_eq!(words_shown(&t, &words), Vec::<String>::new());
}

/// A site of `n` articles in `lang`, one with a footnote.
fn small_site(lang: &str, n: usize) -> SiteTest {
    let t = SiteTest::new();
    t.write(
        "config.yaml",
        &format!("title: \"Site\"\nbase_url: \"https://x.example.vn/\"\nlanguage: {lang}\ntaxonomies: [tags, categories, {{name: linh_vuc, path: linh-vuc}}]\n"),
    );
    t.write("content/tin/_index.md", "---\ntitle: Tin\n---\n");
    for i in 0..n {
        t.write(
            &format!("content/tin/bai-{i}.md"),
            &article(
                &format!("Bài {i}"),
                &format!("2021-10-{:02}", i + 1),
                "tags: [HĐND]\ncategories: [Kỳ họp]\ntaxonomies: {linh_vuc: [Y tế]}\n",
                "Có chú thích.[^1]\n\n[^1]: Nguồn: Văn phòng.",
            ),
        );
    }
    t
}

#[test]
fn counts_agree_with_their_number_in_english() {
    let t = small_site("en", 1);
    t.build_ok();
    let section = t.read("tin/index.html");
    assert!(section.contains(">1 article<"), "{section}");
    assert!(t.read("the/index.html").contains(">1 tag<"));
    assert!(t.read("chuyen-muc/index.html").contains(">1 category<"));
    assert!(t.read("linh-vuc/index.html").contains(">1 entry<"));
    assert!(t.read("the/hdnd/index.html").contains(">1 article<"));
    let t = small_site("en", 2);
    t.build_ok();
    assert!(t.read("tin/index.html").contains(">2 articles<"));
    assert!(t.read("luu-tru/index.html").contains(">2 articles<"));
}

#[test]
fn footnote_links_speak_the_site_language() {
    let t = small_site("vi", 1);
    t.build_ok();
    let page = t.read("tin/bai-0/index.html");
    assert!(
        page.contains("aria-label=\"Quay lại chỗ dẫn chú thích 1\""),
        "{page}"
    );
    assert!(page.contains("aria-label=\"Chú thích\""), "{page}");
    assert!(!page.contains("Back to reference"), "{page}");
    let t = small_site("en", 1);
    t.build_ok();
    let page = t.read("tin/bai-0/index.html");
    assert!(
        page.contains("aria-label=\"Back to reference 1\""),
        "{page}"
    );
    assert!(page.contains("aria-label=\"Footnotes\""), "{page}");
}
