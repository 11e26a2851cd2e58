//! Every file checked, errors that do not hide others, the lead paragraph
//! shown once, and terms that readers see as one.

use bantin::diag::Diagnostic;
use bantin::pipeline::Failure;

use crate::support::{article, png_header, SiteTest};

/// Errors and warnings of a build that must fail.
fn failure(t: &SiteTest) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    match t.build() {
        Ok(_) => panic!("the build should have failed"),
        Err(Failure::Content { errors, warnings }) => (errors, warnings),
        Err(Failure::Config(e)) => panic!("expected content errors, got config errors: {e:?}"),
    }
}

/// `location: message` of each diagnostic.
fn lines(diags: &[Diagnostic]) -> Vec<String> {
    diags
        .iter()
        .map(|d| format!("{}: {}", d.location(), d.message))
        .collect()
}

fn tag_dirs(t: &SiteTest) -> Vec<String> {
    let mut dirs: Vec<String> = std::fs::read_dir(t.out().join("the"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn hyphen_en_dash_and_em_dash_between_words_are_one_term() {
    let t = SiteTest::new();
    t.write(
        "config.yaml",
        "title: \"Bản tin thử\"\nbase_url: https://x.vn/\npaginate_by: 10\n",
    );
    let spellings = [
        "Văn hóa - Xã hội",
        "Văn hoá – Xã hội",
        "Văn hóa—Xã hội",
        "Văn hóa - Xã hội",
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
    assert_eq!(tag_dirs(&t), ["van-hoa-xa-hoi"]);
    let page = t.read("the/van-hoa-xa-hoi/index.html");
    assert!(
        page.contains("<title>Văn hóa - Xã hội – Bản tin thử</title>"),
        "most common spelling"
    );
    for i in 0..4 {
        assert!(
            page.contains(&format!("Bài {i}")),
            "article {i} on the tag page"
        );
    }
}

#[test]
fn doubled_and_zero_width_spaces_are_removed_from_titles() {
    let t = SiteTest::new();
    t.write(
        "content/bai.md",
        &article("Kỳ họp  thứ\u{200B} năm", "2021-01-01", "", "Nội dung."),
    );
    t.build_ok();
    let page = t.read("bai/index.html");
    assert!(
        page.contains("<h1>Kỳ họp thứ năm</h1>") || page.contains(">Kỳ họp thứ năm</h1>"),
        "{page}"
    );
    assert!(!page.contains('\u{200B}'));
    assert!(!page.contains("họp  thứ"));
}

#[test]
fn slug_suggestions_for_colliding_tags_are_distinct_and_free() {
    let t = SiteTest::new();
    // All five have the slug `hoa`; `Hoa 2` already has `hoa-2`.
    for (i, s) in ["Hoa", "Hòa", "Hóa", "Họa", "Hỏa", "Hoa 2"]
        .iter()
        .enumerate()
    {
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
    let errors = t.build_errors();
    let mut suggested: Vec<String> = errors
        .iter()
        .filter_map(|d| d.hint.as_deref())
        .filter_map(|h| h.split("term_slugs: {").nth(1))
        .map(|s| {
            s.split(": ")
                .nth(1)
                .unwrap()
                .trim_end_matches("}`")
                .to_string()
        })
        .collect();
    suggested.sort();
    assert_eq!(
        suggested,
        ["hoa-3", "hoa-4", "hoa-5", "hoa-6"],
        "{:#?}",
        lines(&errors)
    );
}

#[test]
fn names_differing_only_in_unicode_form_are_named_as_such() {
    let t = SiteTest::new();
    t.write("content/hội-nghị.md", &article("A", "2021-01-01", "", "x"));
    t.write(
        "content/ho\u{0323}\u{0302}i-nghi\u{0323}.md",
        &article("B", "2021-01-02", "", "x"),
    );
    let errors = t.build_errors();
    let l = lines(&errors);
    assert_eq!(l.len(), 1, "{l:#?}");
    assert!(
        l[0].starts_with("content/hội-nghị.md: two files are named `hội-nghị.md`, written in different Unicode forms"),
        "{l:#?}"
    );
    assert!(
        errors[0].hint.as_deref().unwrap().contains("rename"),
        "{:?}",
        errors[0].hint
    );
}

fn utf16(text: &str, be: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|u| if be { u.to_be_bytes() } else { u.to_le_bytes() })
        .collect()
}

#[test]
fn utf16_without_byte_order_mark_is_named_utf16() {
    let text = "---\ntitle: \"Kỳ họp thứ năm\"\ndate: 2021-10-15\n---\n\nNội dung.\n";
    for (be, order) in [(false, "little-endian"), (true, "big-endian")] {
        let t = SiteTest::new();
        t.write_bytes("content/bai.md", &utf16(text, be));
        let errors = t.build_errors();
        let l = lines(&errors);
        assert_eq!(l.len(), 1, "{l:#?}");
        assert!(
            l[0].starts_with(&format!(
                "content/bai.md:1:1: the file is UTF-16 ({order}) without a byte-order mark"
            )),
            "{l:#?}"
        );
        assert!(!l[0].contains("TCVN3"), "{l:#?}");
        assert!(
            l[0].contains("title: \"Kỳ họp thứ năm\""),
            "a readable preview: {l:#?}"
        );
    }
}

#[test]
fn markdown_under_another_extension_is_a_warning_and_not_copied() {
    let t = SiteTest::new();
    t.write("content/bai.md", &article("A", "2021-01-01", "", "x"));
    t.write(
        "content/tin/bai-viet.md.txt",
        &article("B", "2021-01-02", "", "x"),
    );
    t.write(
        "content/tin/ghi-chu.markdown",
        &article("C", "2021-01-03", "", "x"),
    );
    t.write(
        "content/tin/nhap.txt",
        &article("D", "2021-01-04", "draft: true\n", "x"),
    );
    t.write("content/tin/doc-ky.txt", "Chỉ là văn bản.\n");
    t.write_bytes("content/tin/anh.png", &png_header(4, 3));
    let r = t.build_ok();
    let w = lines(&r.warnings);
    assert_eq!(
        w,
        [
            "content/tin/bai-viet.md.txt: `bai-viet.md.txt` looks like an article but does not end in `.md`, so it is neither built nor copied",
            "content/tin/ghi-chu.markdown: `ghi-chu.markdown` looks like an article but does not end in `.md`, so it is neither built nor copied",
            "content/tin/nhap.txt: `nhap.txt` looks like an article but does not end in `.md`, so it is neither built nor copied",
        ],
        "{w:#?}"
    );
    assert!(r.warnings[0]
        .hint
        .as_deref()
        .unwrap()
        .contains("rename it to `bai-viet.md`"));
    assert!(r.warnings[1]
        .hint
        .as_deref()
        .unwrap()
        .contains("rename it to `ghi-chu.md`"));
    assert!(r.warnings[2]
        .hint
        .as_deref()
        .unwrap()
        .contains("rename it to `nhap.md`"));
    for f in [
        "tin/bai-viet.md.txt",
        "tin/ghi-chu.markdown",
        "tin/nhap.txt",
    ] {
        assert!(!t.exists(f), "{f} published raw");
    }
    assert!(t.exists("tin/doc-ky.txt") && t.exists("tin/anh.png"));
}
