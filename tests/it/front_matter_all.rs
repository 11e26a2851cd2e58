//! Every problem of a file's front matter in one run: unknown keys, each with
//! its "did you mean", and bad values, each at its own line and column, for
//! every kind of file (article, page, section, home).

use crate::support::SiteTest;

/// The errors of `path` as (line, column, message), in the order given.
fn problems(t: &SiteTest, path: &str) -> Vec<(usize, usize, String)> {
    t.build_errors()
        .iter()
        .filter(|d| d.file.to_str() == Some(path))
        .map(|d| (d.line, d.column, d.message_en()))
        .collect()
}

fn hints(t: &SiteTest, path: &str) -> Vec<String> {
    t.build_errors()
        .iter()
        .filter(|d| d.file.to_str() == Some(path))
        .filter_map(|d| d.hint_en())
        .collect()
}

fn has(got: &[(usize, usize, String)], line: usize, column: usize, start: &str) {
    assert!(
        got.iter()
            .any(|(l, c, m)| (*l, *c) == (line, column) && m.starts_with(start)),
        "no `{start}…` at {line}:{column} in {got:#?}"
    );
}

/// A site whose files are all valid but the one under test.
fn site() -> SiteTest {
    let t = SiteTest::new();
    t.write("content/_index.md", "---\ntitle: Trang chủ\n---\n");
    t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
    t.write(
        "content/tin-tuc/a.md",
        "---\ntitle: Kỳ họp\ndate: 2021-10-15\n---\nNội dung.\n",
    );
    t
}

#[test]
fn an_article_gets_every_unknown_key_and_bad_value_at_once() {
    let t = site();
    let path = "content/tin-tuc/b.md";
    t.write(
        path,
        "---\ntitel: Kỳ họp\ntitle: Kỳ họp thứ 5\ndate: 30/02/2021\ntag: [HĐND]\ndraft: \"có\"\n\
         categories: {a: 1}\nauthr: Triệu Biển\nweight: ba\n---\nNội dung.\n",
    );
    let got = problems(&t, path);
    has(&got, 2, 1, "unknown front matter key `titel`");
    has(&got, 4, 7, "invalid `date`");
    has(&got, 5, 1, "unknown front matter key `tag`");
    has(&got, 6, 8, "`draft` must be `true` or `false`");
    has(&got, 7, 13, "`categories` must be a list");
    has(&got, 8, 1, "unknown front matter key `authr`");
    has(&got, 9, 9, "`weight` must be a whole number");
    assert_eq!(got.len(), 7, "{got:#?}");
    let hints = hints(&t, path);
    for want in ["`title`", "`tags`", "`author`"] {
        assert!(
            hints
                .iter()
                .any(|h| h.contains(&format!("did you mean {want}?"))),
            "{want} in {hints:#?}"
        );
    }
}

#[test]
fn a_page_gets_every_unknown_key_and_bad_value_at_once() {
    let t = site();
    let path = "content/lien-he.md";
    t.write(
        path,
        "---\ntitle: Liên hệ\nsumary: Địa chỉ\nupdated: hôm qua\nslg: lien-he\naliases: {a: 1}\n\
         draft: \"không\"\n---\nThư từ.\n",
    );
    let got = problems(&t, path);
    has(&got, 3, 1, "unknown front matter key `sumary`");
    has(&got, 4, 10, "invalid `updated`");
    has(&got, 5, 1, "unknown front matter key `slg`");
    has(&got, 6, 10, "`aliases` must be a list");
    has(&got, 7, 8, "`draft` must be `true` or `false`");
    assert_eq!(got.len(), 5, "{got:#?}");
}

#[test]
fn a_section_gets_every_unknown_key_and_bad_value_at_once() {
    let t = site();
    let path = "content/tin-tuc/_index.md";
    t.write(
        path,
        "---\ntitle: Tin tức\nkind: page\nwieght: 2\ntemplate: [a, b]\nsumary: Tin\nweight: hai\n\
         date: 2021-10-15\n---\n",
    );
    let got = problems(&t, path);
    has(&got, 3, 7, "");
    has(&got, 4, 1, "unknown front matter key `wieght`");
    has(&got, 5, 11, "`template` must be a text");
    has(&got, 6, 1, "unknown front matter key `sumary`");
    has(&got, 7, 9, "`weight` must be a whole number");
    has(
        &got,
        8,
        1,
        "`date` does not belong in a section's `_index.md`",
    );
    assert_eq!(got.len(), 6, "{got:#?}");
}

#[test]
fn the_home_page_gets_every_unknown_key_and_bad_value_at_once() {
    let t = site();
    let path = "content/_index.md";
    t.write(
        path,
        "---\ntitel: Trang chủ\ntitle: [Trang, chủ]\nextr: {a: 1}\nweight: \"1\"\n---\n",
    );
    let got = problems(&t, path);
    has(&got, 2, 1, "unknown front matter key `titel`");
    has(&got, 3, 8, "`title` must be a text");
    has(&got, 4, 1, "unknown front matter key `extr`");
    has(&got, 5, 9, "`weight` must be a whole number");
    // The title is there, only badly written: it is not also "missing".
    assert_eq!(got.len(), 4, "{got:#?}");
}
