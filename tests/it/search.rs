//! The search index files: what a query for a folded word, a phrase or an
//! abbreviation finds in them, and the settings around them.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::support::{article, SiteTest};

const DIR: &str = "tim-kiem/chi-muc/";

/// The data of index file `name`, without its `window.__bantinSearch(…)`.
fn data(t: &SiteTest, name: &str) -> (String, Value) {
    let text = t.read(&format!("{DIR}{name}"));
    let rest = text
        .strip_prefix("window.__bantinSearch(\"")
        .unwrap_or_else(|| panic!("{name} starts as a script: {text:.80}"));
    let (key, json) = rest.split_once("\",").expect("key, then data");
    let json = json.trim_end().strip_suffix(");").expect("ends the call");
    (
        key.to_string(),
        serde_json::from_str(json).expect("JSON data"),
    )
}

const DIGITS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn nums(s: &str) -> Vec<u64> {
    let (mut out, mut v, mut mul) = (Vec::new(), 0u64, 1u64);
    for c in s.chars() {
        let d = DIGITS.find(c).expect("a digit") as u64;
        v += (d & 31) * mul;
        if d & 32 != 0 {
            mul *= 32;
        } else {
            out.push(v);
            (v, mul) = (0, 1);
        }
    }
    out
}

/// (article number, impact) of a posting string.
fn postings(s: &str) -> Vec<(u64, u64)> {
    let n = nums(s);
    let mut out = Vec::new();
    let mut i = 0;
    while i < n.len() {
        let (q, c) = (n[i], n[i + 1]);
        i += 2;
        let mut doc: i64 = -1;
        for _ in 0..c {
            doc += n[i] as i64 + 1;
            i += 1;
            out.push((doc as u64, q));
        }
    }
    out
}

/// The entry of `term` as the search script finds it: through the list of
/// first terms in `meta.js` (syllables) or `bm.js` (phrases).
fn entry(t: &SiteTest, term: &str) -> Option<Value> {
    let heads = if term.contains(' ') {
        data(t, "bm.js").1
    } else {
        data(t, "meta.js").1["u"].clone()
    };
    let heads = heads.as_array().expect("a list").clone();
    let k = heads
        .iter()
        .rposition(|h| h[0].as_str().unwrap() <= term)
        .unwrap_or(0);
    let family = if term.contains(' ') { "b" } else { "u" };
    let name = heads[k][1].as_str().unwrap();
    let (key, leaf) = data(t, &format!("{family}/{name}.js"));
    assert_eq!(key, format!("{family}/{name}"));
    leaf.as_array()
        .unwrap()
        .iter()
        .find(|e| e[0] == term)
        .cloned()
}

/// Titles of the articles whose postings of `term` name them, best first.
fn found(t: &SiteTest, term: &str) -> Vec<String> {
    let Some(e) = entry(t, term) else {
        return Vec::new();
    };
    postings(e[2].as_str().unwrap())
        .into_iter()
        .map(|(doc, _)| {
            let (key, frag) = data(t, &format!("d/{doc}.js"));
            assert_eq!(key, format!("d/{doc}"));
            frag["t"].as_str().unwrap().to_string()
        })
        .collect()
}

fn site() -> SiteTest {
    let t = SiteTest::new();
    t.write(
        "content/tin-tuc/_index.md",
        "---\ntitle: \"Tin tức\"\n---\n",
    );
    t.write(
        "content/tin-tuc/duong.md",
        &article(
            "Khánh thành con đường mới",
            "2024-03-01",
            "categories: [Giao thông]\n",
            "Tuyến **đường** liên xã dài 5 km đã thông xe.",
        ),
    );
    t.write(
        "content/tin-tuc/hdnd.md",
        &article(
            "HĐND tỉnh họp phiên bất thường",
            "2025-05-02",
            "categories: [Hoạt động HĐND]\n",
            "Các đại biểu thống nhất thông qua nghị quyết.",
        ),
    );
    t.write(
        "content/tin-tuc/hoi-dong.md",
        &article(
            "Kỳ họp thứ mười",
            "2025-07-03",
            "",
            "Hội đồng nhân dân tỉnh khai mạc kỳ họp của năm.",
        ),
    );
    t.write(
        "content/tin-tuc/khac.md",
        &article(
            "Tin khác",
            "2025-08-04",
            "",
            "Nhân dân góp ý. Hội nghị đồng thuận.",
        ),
    );
    t
}

#[test]
fn folded_words_phrases_and_abbreviations_find_their_articles() {
    let t = site();
    t.build_ok();
    // `duong` finds `đường` (Pagefind indexes it `đuong`).
    assert_eq!(found(&t, "duong"), ["Khánh thành con đường mới"]);
    // `HĐND` finds the article that writes it and the one that spells it out.
    let mut hdnd = found(&t, "hdnd");
    hdnd.sort();
    assert_eq!(hdnd, ["HĐND tỉnh họp phiên bất thường", "Kỳ họp thứ mười"]);
    // The phrase is one term; words apart in another article are not it.
    assert_eq!(found(&t, "hoi dong"), ["Kỳ họp thứ mười"]);
    let mut nd = found(&t, "nhan dan");
    nd.sort();
    assert_eq!(nd, ["Kỳ họp thứ mười", "Tin khác"]);
    assert!(found(&t, "y hoi").is_empty(), "a full stop breaks phrases");
    assert_eq!(found(&t, "nghi dong"), ["Tin khác"]);
    // A stop word is not a term alone, but phrases keep it.
    assert!(entry(&t, "cua").is_none());
    assert_eq!(found(&t, "cua nam"), ["Kỳ họp thứ mười"]);
    // A title word ranks above a body word: `ky hop` is in one title.
    let e = entry(&t, "hop").expect("hop is indexed");
    let p = postings(e[2].as_str().unwrap());
    assert_eq!(e[1], 2, "two articles: {p:?}");
    let title_doc = p[0].0;
    let (_, frag) = data(&t, &format!("d/{title_doc}.js"));
    assert_eq!(frag["t"], "Kỳ họp thứ mười", "best impact first: {p:?}");
    assert!(p[0].1 > p[1].1);
}

#[test]
fn fragments_meta_and_filters_describe_the_articles() {
    let t = site();
    t.build_ok();
    let (_, meta) = data(&t, "meta.js");
    assert_eq!(meta["n"], 4);
    // Numbered oldest first: the 2024 article is 0, and each year a range.
    assert_eq!(meta["years"], serde_json::json!([[2024, 0], [2025, 1]]));
    let (_, oldest) = data(&t, "d/0.js");
    assert_eq!(oldest["t"], "Khánh thành con đường mới");
    assert_eq!(oldest["u"], "tin-tuc/duong/");
    assert_eq!(oldest["d"], "2024-03-01");
    assert_eq!(oldest["s"], "Tin tức");
    assert_eq!(oldest["c"], serde_json::json!(["Giao thông"]));
    let x = oldest["x"].as_str().unwrap();
    assert!(x.starts_with("Tuyến đường liên xã"), "{x}");
    let synonyms: BTreeMap<String, Value> = meta["synonyms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s[0].as_str().unwrap().to_string(), s[1].clone()))
        .collect();
    assert_eq!(
        synonyms["hdnd"],
        serde_json::json!([["hoi", "dong", "nhan", "dan"]])
    );
    // The section's articles, as gaps from -1: all four.
    let s = meta["sections"][0][0].as_u64().unwrap();
    let (_, docs) = data(&t, &format!("f/s{s}.js"));
    assert_eq!(nums(docs.as_str().unwrap()), [0, 0, 0, 0]);
    // The page and the box in the header.
    let page = t.read("tim-kiem/index.html");
    assert!(page.contains("class=\"search-page\""));
    assert!(page.contains("search.js"));
    let home = t.read("index.html");
    assert!(home.contains("role=\"search\""));
    assert!(home.contains("action=\"tim-kiem/index.html\""));
    assert!(t.exists("search.js"));
}

#[test]
fn synonyms_of_the_site_add_to_the_theme_s() {
    let t = site();
    t.write(
        "config.yaml",
        "title: \"Thử\"\nsearch:\n  synonyms:\n    KH: [Kỳ họp]\n",
    );
    t.build_ok();
    let mut kh = found(&t, "kh");
    kh.sort();
    assert_eq!(kh, ["Kỳ họp thứ mười"]);
    assert!(!found(&t, "hdnd").is_empty(), "the theme's list is kept");
}

#[test]
fn a_synonym_of_two_words_is_an_error_at_its_line() {
    let t = site();
    t.write(
        "config.yaml",
        "title: \"Thử\"\nsearch:\n  synonyms:\n    Kỳ họp: [KH]\n",
    );
    let e = t.build_config_errors();
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].line, 4, "{}", e[0]);
    assert!(
        e[0].message_en().contains("`Kỳ họp` must be one word"),
        "{}",
        e[0]
    );
}

#[test]
fn search_off_writes_no_index_page_or_box() {
    let t = site();
    t.write("config.yaml", "title: \"Thử\"\nsearch: {enabled: false}\n");
    t.build_ok();
    assert!(!t.exists("tim-kiem/index.html"));
    assert!(!t.exists(DIR));
    assert!(!t.read("index.html").contains("role=\"search\""));
}

#[test]
fn a_file_in_the_index_folder_is_an_error() {
    let t = site();
    t.write("static/tim-kiem/chi-muc/meta.js", "x");
    let e = t.build_errors();
    assert!(
        e.iter()
            .any(|d| d.message_en().contains("holds the search index")),
        "{e:?}"
    );
}

/// Whether the HTML page `html` asks search engines not to index it.
fn is_noindex(html: &str) -> bool {
    html.contains("<meta name=\"robots\" content=\"noindex\">")
}

/// Every HTML file of the output of `t` (`/`-separated paths) with its text.
fn html_pages(t: &SiteTest) -> Vec<(String, String)> {
    let out = t.out();
    walkdir::WalkDir::new(&out)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let rel = e.path().strip_prefix(&out).expect("inside the output");
            let rel = rel.to_string_lossy().replace('\\', "/");
            (
                rel,
                std::fs::read_to_string(e.path()).expect("an HTML page"),
            )
        })
        .collect()
}

#[test]
fn the_search_page_is_noindex_and_out_of_the_sitemap_as_every_noindex_page() {
    for (config, search) in [
        ("", "tim-kiem"),
        ("urls: {search: tra-cuu}\n", "tra-cuu"),
        ("language: en\n", "tim-kiem"),
        ("link_index_html: false\nurls: {search: tim}\n", "tim"),
    ] {
        let t = site();
        t.write(
            "config.yaml",
            &format!("title: \"Thử\"\nbase_url: \"https://thu.example.vn/\"\n{config}"),
        );
        // A redirect page, noindex too.
        t.write(
            "content/tin-tuc/cu.md",
            &article("Tin cũ", "2024-01-01", "aliases: [tin-cu]\n", "Thân bài."),
        );
        t.build_ok();
        let sitemap = t.read("sitemap.xml");
        let listed = |rel: &str| {
            let dir = rel.strip_suffix("index.html").unwrap_or(rel);
            [dir, rel]
                .iter()
                .any(|p| sitemap.contains(&format!("<loc>https://thu.example.vn/{p}</loc>")))
        };
        let page = format!("{search}/index.html");
        let html = t.read(&page);
        assert!(is_noindex(&html), "{config:?}: {page} is not noindex");
        assert!(!listed(&page), "{config:?}: {page} in the sitemap");
        let pages = html_pages(&t);
        assert!(pages.len() > 8, "{config:?}: {} pages", pages.len());
        assert!(
            pages.iter().any(|(rel, _)| listed(rel)),
            "{config:?}: no page found in the sitemap:\n{sitemap}"
        );
        for (rel, html) in &pages {
            assert!(
                !(listed(rel) && is_noindex(html)),
                "{config:?}: {rel} is in the sitemap and noindex"
            );
        }
    }
}
