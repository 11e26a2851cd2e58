//! Vietnamese text: one tag whatever its Unicode form, case or tone-mark
//! placement; Vietnamese order; clashing slugs are errors.

use crate::support::{article, SiteTest};

#[test]
fn spellings_of_one_tag_make_one_tag_page() {
    let t = SiteTest::new();
    t.write(
        "config.yaml",
        "title: \"Bản tin thử\"\nbase_url: https://x.vn/\npaginate_by: 10\n",
    );
    let spellings = [
        "Hòa giải cơ sở",                 // NFC, old-style tone
        "Hoà giải cơ sở",                 // new-style tone
        "Ho\u{0300}a gia\u{0309}i cơ sở", // NFD
        "hòa giải cơ sở",                 // lower case
        "HOÀ GIẢI CƠ SỞ",                 // upper case, new style
        "Hòa giải cơ sở",
    ];
    for (i, s) in spellings.iter().enumerate() {
        t.write(
            &format!("content/bai-{i}.md"),
            &article(
                &format!("Bài {i}"),
                &format!("2021-01-0{}", i + 1),
                &format!("tags: [\"{s}\"]\n"),
                "x",
            ),
        );
    }
    t.build_ok();
    let dirs: Vec<_> = std::fs::read_dir(t.out().join("the"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name())
        .collect();
    assert_eq!(dirs, ["hoa-giai-co-so"], "exactly one tag page");
    let page = t.read("the/hoa-giai-co-so/index.html");
    for i in 0..6 {
        assert!(
            page.contains(&format!("Bài {i}")),
            "article {i} missing from the tag page"
        );
    }
    assert!(
        page.contains("<title>Thẻ: Hòa giải cơ sở – Bản tin thử</title>"),
        "most common spelling shown"
    );
}

#[test]
fn different_words_sharing_a_slug_is_an_error_naming_both() {
    let t = SiteTest::new();
    t.write(
        "content/a.md",
        &article("A", "2021-01-01", "tags: [Thanh Hóa]\n", "x"),
    );
    t.write(
        "content/b.md",
        &article("B", "2021-01-02", "tags: [Thanh Hòa]\n", "x"),
    );
    let e = t.build_errors();
    assert!(
        e[0].message_en().contains("`Thanh Hóa`") && e[0].message_en().contains("`Thanh Hòa`"),
        "{}",
        e[0].message_en()
    );
    assert!(
        e[0].message_en().contains("content/a.md") && e[0].message_en().contains("content/b.md")
    );
    t.write(
        "config.yaml",
        "title: x\nbase_url: https://x.vn/\nterm_slugs: {\"Thanh Hòa\": thanh-hoa-ha-noi}\n",
    );
    t.build_ok();
    assert!(t.exists("the/thanh-hoa-ha-noi/index.html"));
    assert!(t.exists("the/thanh-hoa/index.html"));
}

#[test]
fn tag_index_is_in_vietnamese_order() {
    let t = SiteTest::new();
    let tags = [
        "Văn hóa",
        "Đà Nẵng",
        "Em",
        "Phú",
        "Ơn",
        "Dân vận",
        "Ưu tiên",
        "an sinh",
        "Ăn uống",
        "Bắc Kạn",
    ];
    for (i, tag) in tags.iter().enumerate() {
        t.write(
            &format!("content/b{i}.md"),
            &article(
                &format!("B{i}"),
                "2021-01-01",
                &format!("tags: [\"{tag}\"]\n"),
                "x",
            ),
        );
    }
    t.build_ok();
    let html = t.read("the/index.html");
    let pos = |s: &str| {
        html.find(&format!("\">{s} <"))
            .or_else(|| html.find(&format!("\">{s}</a>")))
            .unwrap_or_else(|| panic!("{s} missing"))
    };
    let expected = [
        "an sinh",
        "Ăn uống",
        "Bắc Kạn",
        "Dân vận",
        "Đà Nẵng",
        "Em",
        "Ơn",
        "Phú",
        "Ưu tiên",
        "Văn hóa",
    ];
    for w in expected.windows(2) {
        assert!(
            pos(w[0]) < pos(w[1]),
            "{} should come before {}",
            w[0],
            w[1]
        );
    }
}

#[test]
fn nfd_file_names_and_text_become_nfc() {
    let t = SiteTest::new();
    let name = "content/Ho\u{0323}\u{0302}i nghi\u{0323}.md";
    t.write(
        name,
        &article("Ho\u{0323}\u{0302}i nghi\u{0323}", "2021-01-01", "", "x"),
    );
    t.build_ok();
    assert!(t.exists("hoi-nghi/index.html"));
    assert!(t.read("hoi-nghi/index.html").contains("Hội nghị"));
}

#[test]
fn english_ui_when_configured() {
    let t = SiteTest::new();
    t.write(
        "config.yaml",
        "title: x\nbase_url: https://x.vn/\nlanguage: en\n",
    );
    t.write("content/a.md", &article("A", "2021-01-01", "", "x"));
    t.build_ok();
    let html = t.read("index.html");
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Skip to main content"));
}

#[test]
fn author_index_merges_spellings_in_vietnamese_order() {
    let t = SiteTest::new();
    t.write(
        "config.yaml",
        "title: x\nbase_url: https://x.vn/\ntaxonomies: [tags, authors]\n",
    );
    t.write(
        "content/a.md",
        &article("A", "2021-01-01", "author: Đặng Thùy\n", "x"),
    );
    t.write(
        "content/b.md",
        &article("B", "2021-01-02", "author: Đặng Thuỳ\n", "x"),
    );
    t.write(
        "content/c.md",
        &article("C", "2021-01-03", "authors: [Dương Hà, Ân Lợi]\n", "x"),
    );
    t.build_ok();
    let index = t.read("tac-gia/index.html");
    let pos = |s: &str| index.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(
        pos("Ân Lợi") < pos("Dương Hà") && pos("Dương Hà") < pos("Đặng Thu"),
        "Vietnamese order"
    );
    let dirs = std::fs::read_dir(t.out().join("tac-gia"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .count();
    assert_eq!(dirs, 3, "Thùy and Thuỳ are one author");
}

#[test]
fn invisible_characters_and_eth_do_not_split_a_tag() {
    let t = SiteTest::new();
    t.write(
        "content/a.md",
        &article(
            "A",
            "2021-01-03",
            "tags: [\"HĐ\u{200B}ND\", \"Ðà  Nẵng\"]\n",
            "x",
        ),
    );
    t.write(
        "content/b.md",
        &article("B", "2021-01-02", "tags: [HĐND, \"Đà Nẵng\"]\n", "x"),
    );
    t.build_ok();
    assert!(!t.exists("the/hd-nd/index.html"));
    let tag = t.read("the/hdnd/index.html");
    assert!(
        !tag.contains('\u{200B}'),
        "no invisible character in the page"
    );
    assert_eq!(
        std::fs::read_dir(t.out().join("the"))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().is_dir())
            .count(),
        2
    );
    let index = t.read("the/index.html");
    assert!(!index.contains("Ðà"), "the label is shown with Đ");
    assert!(index.contains(">Đà Nẵng"), "one space, and Đ: {index}");
}
