//! Every bad input gets a positioned error that says how to fix it, and
//! every error of a build is reported together.

use crate::support::{article, SiteTest};

fn one_article(fm_and_body: &str) -> SiteTest {
    let t = SiteTest::new();
    t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
    t.write("content/tin-tuc/bai.md", fm_and_body);
    t
}

#[test]
fn unknown_front_matter_key_names_line_and_closest_key() {
    let t = one_article("---\ntitle: a\ndate: 2021-10-15\ntag: [HĐND]\n---\nThân bài.\n");
    let e = t.build_errors();
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].location(), "content/tin-tuc/bai.md:4:1");
    assert_eq!(e[0].message_en(), "unknown front matter key `tag`");
    assert!(e[0]
        .hint_en()
        .as_deref()
        .unwrap()
        .contains("did you mean `tags`?"));
}

#[test]
fn impossible_dates_are_errors_not_guesses() {
    let t = one_article("---\ntitle: a\ndate: 30/02/2021\n---\n");
    let e = t.build_errors();
    assert_eq!(e[0].location(), "content/tin-tuc/bai.md:3:7");
    assert!(
        e[0].message_en().starts_with("invalid `date`"),
        "{}",
        e[0].message_en()
    );
    let t = one_article("---\ntitle: a\ndate: 15/13/2021\n---\n");
    assert!(t.build_errors()[0]
        .message_en()
        .starts_with("invalid `date`"));
}

#[test]
fn missing_title_and_date() {
    let t = one_article("---\nauthor: Triệu Biển\n---\nThân bài.\n");
    let e = t.build_errors();
    let msgs: Vec<String> = e.iter().map(|d| d.message_en()).collect();
    assert!(msgs.iter().any(|m| m == "missing `title`"), "{msgs:?}");
    let t = one_article("---\ntitle: a\n---\nThân bài.\n");
    let e = t.build_errors();
    assert_eq!(e[0].message_en(), "missing `date`");
    assert!(e[0].hint_en().as_deref().unwrap().contains("date:"));
}

#[test]
fn front_matter_must_exist_and_be_closed() {
    let t = one_article("Không có phần đầu.\n");
    assert!(t.build_errors()[0]
        .message_en()
        .contains("does not start with front matter"));
    let t = one_article("---\ntitle: a\ndate: 2021-01-01\n");
    assert!(t.build_errors()[0].message_en().contains("not closed"));
}

#[test]
fn yaml_syntax_error_is_positioned_in_the_file() {
    let t = one_article("---\ntitle: a\ndate: 2021-01-01\ntags: [a, b\n---\n");
    let e = t.build_errors();
    assert!(
        e[0].message_en().starts_with("invalid front matter"),
        "{}",
        e[0].message_en()
    );
    assert!(e[0].line >= 4, "{:?}", e[0]);
}

#[test]
fn bom_and_crlf_are_accepted_and_lines_still_match() {
    let t = one_article("\u{feff}---\r\ntitle: a\r\ndate: 2021-01-01\r\ncategory: x\r\n---\r\n");
    let e = t.build_errors();
    assert_eq!(e[0].line, 4, "{:?}", e[0]);
    let t = one_article(
        "\u{feff}---\r\ntitle: \"Bài CRLF\"\r\ndate: 2021-01-01\r\n---\r\nThân bài.\r\n",
    );
    t.build_ok();
    assert!(t.read("tin-tuc/bai/index.html").contains("Bài CRLF"));
}

#[test]
fn legacy_encoding_is_named() {
    let t = SiteTest::new();
    // "Céng hoµ x· héi" in TCVN3 bytes: not UTF-8.
    t.write_bytes(
        "content/bai.md",
        b"---\ntitle: C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca\ndate: 2021-01-01\n---\n",
    );
    let e = t.build_errors();
    assert_eq!(
        e[0].location().split(':').take(2).collect::<Vec<_>>(),
        ["content/bai.md", "2"]
    );
    assert!(e[0].message_en().contains("TCVN3"), "{}", e[0].message_en());
    assert!(
        e[0].hint_en().as_deref().unwrap_or("").contains("Unikey"),
        "{:?}",
        e[0].hint_en()
    );
}

#[test]
fn pasted_mojibake_is_reported_with_a_preview() {
    let t = SiteTest::new();
    t.write(
        "content/bai.md",
        &article(
            "Bài",
            "2021-01-01",
            "",
            "Dòng một.\n\nCéng hoµ x· héi chñ nghÜa ViÖt Nam",
        ),
    );
    let e = t.build_errors();
    assert_eq!(e[0].line, 8);
    assert!(
        e[0].message_en()
            .contains("Cộng hoà xã hội chủ nghĩa Việt Nam"),
        "{}",
        e[0].message_en()
    );
}

#[test]
fn link_to_a_missing_file_is_an_error_with_position() {
    let t = SiteTest::new();
    t.write(
        "content/a.md",
        &article(
            "A",
            "2021-01-01",
            "",
            "Xem [bài B](b.md) và\n[bài C](khong-co.md).",
        ),
    );
    t.write("content/b.md", &article("B", "2021-01-02", "", "B."));
    let e = t.build_errors();
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].location(), "content/a.md:7:1");
    assert!(
        e[0].message_en()
            .contains("`khong-co.md`, which does not exist"),
        "{}",
        e[0].message_en()
    );
}

#[test]
fn link_to_a_draft_says_so() {
    let t = SiteTest::new();
    t.write(
        "content/a.md",
        &article("A", "2021-01-01", "", "Xem [nháp](b.md)."),
    );
    t.write(
        "content/b.md",
        &article("B", "2021-01-02", "draft: true\n", "B."),
    );
    let e = t.build_errors();
    assert!(
        e[0].message_en().contains("a draft and not published"),
        "{}",
        e[0].message_en()
    );
}

#[test]
fn all_errors_across_files_and_stages_are_reported_together() {
    let t = SiteTest::new();
    t.write("content/a.md", "---\ntitle: a\ndate: 31/04/2021\n---\n");
    t.write("content/b.md", "---\ntitel: b\ndate: 2021-01-01\n---\n");
    t.write(
        "content/c.md",
        &article("C", "2021-01-01", "", "[x](khong-co.md)"),
    );
    t.write(
        "content/d.md",
        &article("D", "2021-01-01", "image: khong-co.jpg\n", "D"),
    );
    let e = t.build_errors();
    let files: Vec<String> = e.iter().map(|d| d.file.display().to_string()).collect();
    assert_eq!(
        files,
        [
            "content/a.md",
            "content/b.md",
            "content/c.md",
            "content/d.md"
        ],
        "{e:?}"
    );
    assert!(e[3].message_en().contains("image `khong-co.jpg` not found"));
    assert_eq!(e[3].line, 4);
}

#[test]
fn two_sources_for_one_url_is_an_error() {
    let t = SiteTest::new();
    t.write("content/Giao ban.md", &article("A", "2021-01-01", "", "A"));
    t.write("content/giao-ban.md", &article("B", "2021-01-02", "", "B"));
    let e = t.build_errors();
    assert!(
        e[0].message_en()
            .contains("would both write `giao-ban/index.html`"),
        "{}",
        e[0].message_en()
    );
    assert!(e[0].hint_en().as_deref().unwrap().contains("slug"));
}

#[test]
fn template_errors_name_the_template_line_column_and_page() {
    let t = SiteTest::new();
    t.write("content/a.md", &article("A", "2021-01-01", "", "A"));
    t.write(
        "templates/article.html",
        "<p>\n{{ page.title | khong_co_bo_loc }}\n</p>\n",
    );
    let e = t.build_errors();
    // The column of the filter, and the page being rendered.
    assert_eq!(e[0].location(), "templates/article.html:2:17", "{e:?}");
    assert!(
        e[0].message_en()
            .contains("while rendering `a/index.html` (article `content/a.md`)"),
        "{}",
        e[0].message_en()
    );
    assert!(
        e[0].message_en().contains("khong_co_bo_loc"),
        "{}",
        e[0].message_en()
    );
}

#[test]
fn exit_codes_follow_the_kind_of_error() {
    let t = SiteTest::new();
    t.write("content/a.md", &article("A", "2021-01-01", "", "A"));
    let (code, stdout, _) = t.run(&["build"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("đã dựng") && stdout.contains("(1 bài viết, "),
        "{stdout}"
    );

    t.write("content/b.md", "---\ntitle: b\ndate: 2021-02-30\n---\n");
    let (code, _, stderr) = t.run(&["build"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("content/b.md:3:7"), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    // The last line speaks the language of the messages.
    let (code, _, stderr) = t.run(&["build", "--lang", "vi"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("bantin: 1 lỗi — chưa ghi gì; trang đã đăng vẫn giữ nguyên"),
        "{stderr}"
    );

    t.write("config.yaml", "title: x\npaginate: 10\n");
    let (code, _, stderr) = t.run(&["build"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("did you mean `paginate_by`?"), "{stderr}");
    assert!(
        stderr.contains("configuration error, nothing was written"),
        "{stderr}"
    );
    let (code, _, stderr) = t.run(&["build", "--lang", "vi"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("bantin: lỗi cấu hình — chưa ghi gì"),
        "{stderr}"
    );

    let (code, _, _) = t.run(&["build", "--khong-co"]);
    assert_eq!(code, 2);
}

#[test]
fn check_reports_without_writing() {
    let t = SiteTest::new();
    t.write("content/a.md", &article("A", "2021-01-01", "", "A"));
    let (code, stdout, _) = t.run(&["check"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(!t.out().exists());
    // Not at the content root, where a file without a date is a page.
    t.write("content/tin/b.md", "---\ntitle: b\n---\n");
    let (code, _, stderr) = t.run(&["check"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("missing `date`"));
}
