//! Dates out of range, the site timezone, keys written twice and values of
//! the wrong kind: each is an error at the right line, in words an officer
//! understands.

use bantin::diag::Diagnostic;

use crate::support::{article, SiteTest};

const CONFIG: &str =
    "title: \"Bản tin thử\"\nbase_url: \"https://thu.example.vn/\"\npaginate_by: 3\n";

fn one_article(fm_and_body: &str) -> SiteTest {
    let t = SiteTest::new();
    t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
    t.write("content/tin-tuc/bai.md", fm_and_body);
    t
}

/// A site whose config.yaml is the usual three lines followed by `more`.
fn with_config(more: &str) -> SiteTest {
    let t = SiteTest::new();
    t.write("config.yaml", &format!("{CONFIG}{more}"));
    t.write(
        "content/bai.md",
        &article("Bài", "2021-10-15", "", "Thân bài."),
    );
    t
}

fn only(e: Vec<Diagnostic>) -> Diagnostic {
    assert_eq!(e.len(), 1, "{e:?}");
    e.into_iter().next().unwrap()
}

#[test]
fn years_outside_1900_to_2200_point_at_the_value() {
    let t = one_article("---\ntitle: a\ndate: 0000-01-01\n---\n");
    let e = only(t.build_errors());
    assert_eq!(e.location(), "content/tin-tuc/bai.md:3:7");
    assert!(
        e.message_en().contains("year 0000 is outside 1900–2200"),
        "{}",
        e.message_en()
    );

    let t = one_article(
        "---\ntitle: a\ndate: 15/10/2021\nupdated:   15/10/2300 14h30\nexpiry_date: 1899-12-31T10:00:00+07:00\n---\n",
    );
    let e = t.build_errors();
    let got: Vec<(String, bool)> = e
        .iter()
        .map(|d| {
            (
                d.location(),
                d.message_en().contains("is outside 1900–2200"),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("content/tin-tuc/bai.md:4:12".to_string(), true),
            ("content/tin-tuc/bai.md:5:14".to_string(), true)
        ],
        "{e:?}"
    );
}

#[test]
fn utc_offsets_beyond_14_hours_point_at_the_value() {
    for (date, col, words) in [
        ("2021-10-15T14:00:00+15:00", 7, "beyond ±14:00"),
        ("2021-10-15T14:00:00-14:30", 7, "beyond ±14:00"),
        ("\"2021-10-15 14:30 +07:60\"", 7, "minutes go from 00 to 59"),
        ("15/10/2021 14:30 +15:00", 7, "beyond ±14:00"),
        ("15/10/2021   UTC+16", 7, "beyond ±14:00"),
    ] {
        let t = one_article(&format!("---\ntitle: a\ndate: {date}\n---\n"));
        let e = only(t.build_errors());
        assert_eq!(
            e.location(),
            format!("content/tin-tuc/bai.md:3:{col}"),
            "{date}"
        );
        assert!(e.message_en().contains(words), "{date}: {}", e.message_en());
    }
    let t = one_article("---\ntitle: a\ndate: 2021-10-15T14:00:00+14:00\n---\n");
    t.build_ok();
}

#[test]
fn config_timezone_is_strict() {
    for tz in [
        "\"+-14:-59\"",
        "+7",
        "\"+07:5\"",
        "\"+14:30\"",
        "\"+15:00\"",
        "\"07:00\"",
        "\"+07:60\"",
        "\"+7:00\"",
        "\"+07:00 \"",
        "Asia/Hanoi",
        "utc",
    ] {
        let t = with_config(&format!("timezone: {tz}\n"));
        let e = only(t.build_config_errors());
        assert_eq!(e.location(), "config.yaml:4:1", "{tz}: {e:?}");
        let shown = tz.trim_matches('"');
        assert!(e.message_en().contains(shown), "{tz}: {}", e.message_en());
        assert!(
            e.hint_en().as_deref().unwrap_or("").contains("+07:00"),
            "{tz}: {:?}",
            e.hint_en()
        );
    }
    for tz in [
        "Asia/Ho_Chi_Minh",
        "Asia/Saigon",
        "Asia/Bangkok",
        "Asia/Jakarta",
        "UTC",
        "Z",
        "\"+07:00\"",
        "\"-14:00\"",
        "\"+14:00\"",
        "\"+05:45\"",
        "\"-00:00\"",
    ] {
        with_config(&format!("timezone: {tz}\n")).build_ok();
    }
}

#[test]
fn a_front_matter_key_written_twice_is_reported_at_the_second() {
    let t = one_article("---\ntitle: a\ndate: 2021-10-15\ntitle: b\n---\n");
    let e = only(t.build_errors());
    assert_eq!(e.location(), "content/tin-tuc/bai.md:4:1");
    assert_eq!(
        e.message_en(),
        "key `title` is written twice (first on line 2)"
    );

    let t = one_article(
        "---\n# ghi chú\ntitle: a\n\ndate: 2021-10-15\ntags: [a]\ndraft: false\ntags: [b]\n---\n",
    );
    let e = only(t.build_errors());
    assert_eq!(e.location(), "content/tin-tuc/bai.md:8:1");
    assert_eq!(
        e.message_en(),
        "key `tags` is written twice (first on line 6)"
    );

    // Inside the free mappings too, which serde would read without a word.
    let t = SiteTest::new();
    t.write(
        "config.yaml",
        &format!("{CONFIG}taxonomies: [tags, categories, linh_vuc]\n"),
    );
    t.write(
        "content/bai.md",
        "---\ntitle: a\ndate: 2021-10-15\ntaxonomies:\n  linh_vuc: [Y tế]\n  linh_vuc: [Giáo dục]\nextra: {nguon: A, nguon: B}\n---\n",
    );
    // Both in one run: the entry of the first is set aside and the rest read.
    let e = t.build_errors();
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!(e[0].location(), "content/bai.md:6:3");
    assert_eq!(
        e[0].message_en(),
        "key `linh_vuc` is written twice under `taxonomies` (first on line 5)"
    );
    assert_eq!(e[1].location(), "content/bai.md:7:19");
    assert!(e[1].message_en().contains("`nguon` is written twice"));
    t.write(
        "content/bai.md",
        "---\ntitle: a\ndate: 2021-10-15\nextra: {nguon: A, tac_gia: C, nguon: B}\n---\n",
    );
    let e = only(t.build_errors());
    assert_eq!(e.location(), "content/bai.md:4:31");
    assert!(
        e.message_en().contains("`nguon` is written twice"),
        "{}",
        e.message_en()
    );
}

#[test]
fn a_config_key_written_twice_is_reported_at_the_second() {
    let t = with_config("language: vi\ntitle: \"Bản tin khác\"\n");
    let e = only(t.build_config_errors());
    assert_eq!(e.location(), "config.yaml:5:1");
    assert_eq!(
        e.message_en(),
        "key `title` is written twice (first on line 1)"
    );

    let t = with_config("feed:\n  limit: 5\n  full_content: true\n  limit: 6\n");
    let e = only(t.build_config_errors());
    assert_eq!(e.location(), "config.yaml:7:3");
    assert_eq!(
        e.message_en(),
        "key `limit` is written twice under `feed` (first on line 5)"
    );

    let t = with_config(
        "term_slugs:\n  \"Thanh Hòa\": thanh-hoa\n  Bắc Kạn: bac-kan\n  Thanh Hòa: thanh-hoa-2\n",
    );
    let e = only(t.build_config_errors());
    assert_eq!(e.location(), "config.yaml:7:3");
    assert!(
        e.message_en().contains("`Thanh Hòa` is written twice")
            && e.message_en().contains("line 5"),
        "{}",
        e.message_en()
    );

    let t = with_config("menu:\n  - {title: Tin tức, path: tin-tuc/, title: Tin}\n");
    let e = only(t.build_config_errors());
    assert_eq!(e.location(), "config.yaml:5:38");
    assert!(
        e.message_en().contains("`title` is written twice"),
        "{}",
        e.message_en()
    );
}

/// Words that belong to serde, libyaml or Rust, not to an officer.
const JARGON: &[&str] = &[
    "invalid type",
    "invalid value",
    "expected",
    "usize",
    "i64",
    "u64",
    "map",
    "sequence",
    "struct",
    "enum",
    "variant",
    "field",
    "unit value",
    "scalar",
    "boolean",
    "integer",
    "floating",
    "string",
    "deserializ",
];

fn assert_plain(d: &Diagnostic, what: &str) {
    for text in std::iter::once(&d.message_en()).chain(d.hint_en().as_ref()) {
        for j in JARGON {
            assert!(
                !text.to_lowercase().contains(j),
                "{what}: `{text}` contains `{j}`"
            );
        }
    }
}

#[test]
fn wrong_kinds_of_values_are_explained_in_plain_words() {
    // (front matter line, key the message names, what it must say)
    let front: &[(&str, &str, &str)] = &[
        (
            "tags: {a: 1}",
            "tags",
            "`tags` must be a list, for example `tags: [HĐND, Bắc Kạn]`",
        ),
        ("draft: maybe", "draft", "`draft` must be `true` or `false`"),
        ("weight: abc", "weight", "`weight` must be a whole number"),
        ("weight: 1.5", "weight", "`weight` must be a whole number"),
        (
            "title: [a, b]",
            "title",
            "`title` must be a text, for example `title: \"Kỳ họp thứ 5\"`",
        ),
        ("pinned: 2", "pinned", "`pinned` must be `true` or `false`"),
        (
            "categories: {a: b}",
            "categories",
            "`categories` must be a list",
        ),
        (
            "taxonomies: [Y tế]",
            "taxonomies",
            "`taxonomies` must be `key: value` lines",
        ),
        ("summary: {a: b}", "summary", "`summary` must be a text"),
        (
            "date: [2021-10-15]",
            "date",
            "`date` must be a date, for example `date: 15/10/2021",
        ),
        ("aliases: {a: b}", "aliases", "`aliases` must be a list"),
        ("tags: [[HĐND]]", "tags", "item 1 of `tags` must be a text"),
        ("image: [a.jpg]", "image", "`image` must be a text"),
    ];
    for (i, (line, key, want)) in front.iter().enumerate() {
        let mut fm = String::from("---\n");
        if *key != "title" {
            fm.push_str("title: a\n");
        }
        if *key != "date" {
            fm.push_str("date: 2021-10-15\n");
        }
        let at = fm.lines().count() + 1;
        fm.push_str(&format!("{line}\n---\n"));
        let t = SiteTest::new();
        t.write(&format!("content/bai-{i}.md"), &fm);
        let e = only(t.build_errors());
        assert!(
            e.message_en().starts_with(want),
            "{line}: {}",
            e.message_en()
        );
        assert!(
            e.message_en().contains(&format!("`{key}`")),
            "{line}: {}",
            e.message_en()
        );
        assert_eq!(e.line, at, "{line}: {e:?}");
        assert_plain(&e, line);
    }

    // (config.yaml line after the usual three, key named, what it must say)
    let config: &[(&str, &str, &str)] = &[
        (
            "paginate_by: -1",
            "paginate_by",
            "`paginate_by` must be a whole number",
        ),
        (
            "paginate_by: abc",
            "paginate_by",
            "`paginate_by` must be a whole number",
        ),
        (
            "link_index_html: có",
            "link_index_html",
            "`link_index_html` must be `true` or `false`",
        ),
        (
            "feed: {limit: nhiều}",
            "feed.limit",
            "`feed.limit` must be a whole number",
        ),
        (
            "taxonomies: {tags: 1}",
            "taxonomies",
            "`taxonomies` must be a list",
        ),
        (
            "sort_by: ngày",
            "sort_by",
            "`sort_by` must be one of `date`, `weight`, `title`",
        ),
        (
            "sort_by: [date]",
            "sort_by",
            "`sort_by` must be one word, for example `sort_by: date`",
        ),
        (
            "menu: [{title: Tin tức}]",
            "menu",
            "item 1 of `menu` lacks `path`",
        ),
        (
            "markdown: true",
            "markdown",
            "`markdown` must be `key: value` lines",
        ),
        ("title: [a]", "title", "`title` must be a text"),
        (
            "taxonomies: [tags, [x]]",
            "taxonomies",
            "`taxonomies` is not written in a form bantin reads",
        ),
        (
            "contact: {phone: [1]}",
            "contact.phone",
            "`contact.phone` must be a text",
        ),
        (
            "term_slugs: [a]",
            "term_slugs",
            "`term_slugs` must be `key: value` lines",
        ),
        (
            "urls:\n  archive: {a: b}",
            "urls.archive",
            "`urls.archive` must be a text",
        ),
    ];
    for (line, key, want) in config {
        // The usual lines, but for the one the row writes itself.
        let top = key.split('.').next().unwrap();
        let mut text: String = CONFIG
            .lines()
            .filter(|l| !l.starts_with(&format!("{top}:")))
            .map(|l| format!("{l}\n"))
            .collect();
        let at = text.lines().count() + 1;
        text.push_str(&format!("{line}\n"));
        let t = SiteTest::new();
        t.write("config.yaml", &text);
        let e = only(t.build_config_errors());
        assert!(
            e.message_en().starts_with(want),
            "{line}: {}",
            e.message_en()
        );
        assert!(
            e.message_en().contains(&format!("`{key}`")),
            "{line}: {}",
            e.message_en()
        );
        assert!(e.line >= at, "{line}: {e:?}");
        assert_plain(&e, line);
    }
}

#[test]
fn a_file_that_is_not_key_value_lines_is_named_not_echoed() {
    let long = format!("{}\n", "Đây là một đoạn văn bản dài ".repeat(40));
    for text in [
        "- title: a\n- base_url: b\n",
        long.as_str(),
        "42\n",
        "[a, b]\n",
    ] {
        let t = SiteTest::new();
        t.write("config.yaml", text);
        let e = only(t.build_config_errors());
        assert_eq!(
            e.message_en(),
            "config.yaml must be `key: value` lines",
            "{text}"
        );
        assert_eq!(e.location(), "config.yaml:1:1");
        assert!(!e.message_en().contains("đoạn văn"), "{}", e.message_en());
        assert!(e.to_string().len() < 1000, "{e}");
        assert_plain(&e, text);
    }
    for fm in [
        "- title: a\n- date: 2021-10-15\n",
        long.as_str(),
        "Tiêu đề bài viết\n",
    ] {
        let t = one_article(&format!("---\n{fm}---\nThân bài.\n"));
        let e = only(t.build_errors());
        assert_eq!(
            e.message_en(),
            "the front matter must be `key: value` lines",
            "{fm}"
        );
        assert_eq!(e.location(), "content/tin-tuc/bai.md:2:1");
        assert!(
            e.hint_en().as_deref().unwrap_or("").contains("title: "),
            "{e:?}"
        );
        assert_plain(&e, fm);
    }
}

#[test]
fn unknown_nested_settings_still_suggest_the_closest() {
    let t = with_config("markdown:\n  unsafe: true\n");
    let e = only(t.build_config_errors());
    assert_eq!(e.location(), "config.yaml:5:3");
    assert!(e.message_en().contains("`unsafe`"), "{}", e.message_en());
    assert_eq!(e.hint_en().as_deref(), Some("did you mean `unsafe_html`?"));
    assert_plain(&e, "markdown.unsafe");

    let t = with_config("paginate: 10\n");
    let e = only(t.build_config_errors());
    assert_eq!(e.message_en(), "unknown setting `paginate` in config.yaml");
    assert_eq!(e.hint_en().as_deref(), Some("did you mean `paginate_by`?"));
}

#[test]
fn yaml_syntax_errors_are_plain_and_positioned() {
    for (fm, line, words) in [
        (
            "title: Thông báo: lịch tiếp dân\ndate: 2021-10-15\n",
            2,
            "second `:`",
        ),
        ("title: a\ndate: 2021-10-15\ntags: [a, b\n", 4, "not closed"),
        ("title: a\n\tdate: 2021-10-15\n", 3, "spaces"),
    ] {
        let t = one_article(&format!("---\n{fm}---\n"));
        let e = only(t.build_errors());
        assert!(e.message_en().contains(words), "{fm}: {}", e.message_en());
        assert!(e.line >= line, "{fm}: {e:?}");
        assert_plain(&e, fm);
    }
}

#[test]
fn dates_in_the_display_and_document_forms_are_read_or_explained() {
    for date in [
        "Thứ Sáu, 15/10/2021 14:30",
        "ngày 15 tháng 10 năm 2021 14 giờ 30",
        "15/10/2021 14 giờ 30",
    ] {
        let t = one_article(&format!("---\ntitle: a\ndate: {date}\n---\n"));
        t.build_ok();
        let page = t.read("tin-tuc/bai/index.html");
        assert!(
            page.contains("datetime=\"2021-10-15T14:30:00+07:00\""),
            "{date}"
        );
    }
    for (date, words) in [
        (
            "Thứ Năm, 15/10/2021",
            "15/10/2021 is a Friday, not a Thursday (`Thứ Năm`)",
        ),
        (
            "hôm qua",
            "`hôm qua` changes with the day the site is built",
        ),
    ] {
        let t = one_article(&format!("---\ntitle: a\ndate: {date}\n---\n"));
        let e = only(t.build_errors());
        assert_eq!(e.location(), "content/tin-tuc/bai.md:3:7", "{date}");
        assert!(e.message_en().contains(words), "{date}: {}", e.message_en());
        assert!(
            !e.message_en().contains("time of day"),
            "{}",
            e.message_en()
        );
    }
}

#[test]
fn years_of_other_than_four_digits_are_years_with_an_example_that_builds() {
    // (date as written, the year the message names, the example it gives)
    for (date, year, example) in [
        ("0000-01-01", "0000", "2021-01-01"),
        ("\"15/10/099\"", "099", "15/10/2021"),
        ("10000-01-01", "10000", "2021-01-01"),
        ("10000-01-01T08:00:00+07:00", "10000", "2021-01-01"),
        ("\"15/10/10000 14h30\"", "10000", "15/10/2021"),
        ("\"-2021-10-15\"", "-2021", "2021-10-15"),
        ("\"ngày 15 tháng 10 năm 20211\"", "20211", "15/10/2021"),
    ] {
        let t = one_article(&format!("---\ntitle: a\ndate: {date}\n---\n"));
        let e = only(t.build_errors());
        assert_eq!(e.location(), "content/tin-tuc/bai.md:3:7", "{date}");
        let m = e.message_en();
        assert!(
            m.contains(&format!("year {year} is outside 1900–2200")) && m.ends_with(example),
            "{date}: {m}"
        );
        // The example, written in its place, builds.
        let t = one_article(&format!("---\ntitle: a\ndate: {example}\n---\n"));
        t.build_ok();
    }
    for (date, example) in [("\"15/10/0\"", "15/10/2000"), ("99-10-15", "15/10/2099")] {
        let t = one_article(&format!("---\ntitle: a\ndate: {date}\n---\n"));
        let m = only(t.build_errors()).message_en();
        assert!(
            m.contains("four digits") && m.ends_with(example),
            "{date}: {m}"
        );
    }
}
