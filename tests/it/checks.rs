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
        .map(|d| format!("{}: {}", d.location(), d.message_en()))
        .collect()
}

/// Writes one article per tag of `tags`, `bai-0.md` dated 2021-01-01 on.
fn tagged(t: &SiteTest, tags: &[&str]) {
    for (i, s) in tags.iter().enumerate() {
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
    tagged(&t, &spellings);
    t.build_ok();
    assert_eq!(tag_dirs(&t), ["van-hoa-xa-hoi"]);
    let page = t.read("the/van-hoa-xa-hoi/index.html");
    assert!(
        page.contains("<title>Thẻ: Văn hóa - Xã hội – Bản tin thử</title>"),
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
    tagged(&t, &["Hoa", "Hòa", "Hóa", "Họa", "Hỏa", "Hoa 2"]);
    let errors = t.build_errors();
    let hints: Vec<String> = errors.iter().filter_map(|d| d.hint_en()).collect();
    let mut suggested: Vec<String> = hints
        .iter()
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
        errors[0].hint_en().as_deref().unwrap().contains("rename"),
        "{:?}",
        errors[0].hint_en()
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
        .hint_en()
        .as_deref()
        .unwrap()
        .contains("rename it to `bai-viet.md`"));
    assert!(r.warnings[1]
        .hint_en()
        .as_deref()
        .unwrap()
        .contains("rename it to `ghi-chu.md`"));
    assert!(r.warnings[2]
        .hint_en()
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

#[test]
fn images_and_attachments_of_the_body_must_exist() {
    let t = SiteTest::new();
    t.write_bytes("content/tin/hoi-nghi/anh-hoi-nghi.png", &png_header(4, 3));
    t.write_bytes("content/tin/hoi-nghi/anh.png", &png_header(4, 3));
    t.write_bytes("content/tin/hoi-nghi/nghi-quyet.pdf", b"%PDF-1.4");
    t.write(
        "content/tin/hoi-nghi/index.md",
        &article(
            "Hội nghị",
            "2021-10-15",
            "",
            "![Ảnh](anh-hoi-nghi.jpg)\n\n\
             Xem [Toàn văn](nq.pdf) và [mục](../).\n\n\
             ![Ảnh](C:\\Users\\HDND\\Pictures\\anh.jpg)\n\n\
             ![Ảnh](Anh.PNG) ![Đúng](anh.png) [Tải](nghi-quyet.pdf)",
        ),
    );
    let errors = t.build_errors();
    let l = lines(&errors);
    assert_eq!(
        l,
        [
            "content/tin/hoi-nghi/index.md:6:1: image `anh-hoi-nghi.jpg` not found: there is no file `content/tin/hoi-nghi/anh-hoi-nghi.jpg` nor `static/anh-hoi-nghi.jpg`",
            "content/tin/hoi-nghi/index.md:8:5: link `nq.pdf` not found: there is no file `content/tin/hoi-nghi/nq.pdf` nor `static/nq.pdf`",
            "content/tin/hoi-nghi/index.md:10:1: image `C:\\Users\\HDND\\Pictures\\anh.jpg` is a path on your computer, which readers of the site cannot open",
            "content/tin/hoi-nghi/index.md:12:1: image `Anh.PNG` not found: there is no file `content/tin/hoi-nghi/Anh.PNG` nor `static/Anh.PNG`",
        ],
        "{l:#?}"
    );
    let hints: Vec<String> = errors.iter().map(|d| d.hint_en().unwrap()).collect();
    assert!(
        hints[0].starts_with("did you mean `anh-hoi-nghi.png`?"),
        "{hints:#?}"
    );
    assert!(
        hints[1].contains("put the file beside the article"),
        "{hints:#?}"
    );
    assert!(
        hints[2].contains("copy the file beside the article")
            && hints[2].contains("`![Ảnh](anh.jpg)`"),
        "{hints:#?}"
    );
    assert!(
        hints[3].starts_with("did you mean `anh.png`? Names differ in upper and lower case"),
        "{hints:#?}"
    );
}

#[test]
fn files_of_content_and_static_resolve_from_any_article() {
    let t = SiteTest::new();
    t.write_bytes("content/tin/anh-chung.png", &png_header(4, 3));
    t.write_bytes("static/tep/nq-12.pdf", b"%PDF-1.4");
    t.write(
        "content/tin/bai.md",
        &article(
            "Bài",
            "2021-10-15",
            "",
            "![Ảnh chung](anh-chung.png)\n\n[Nghị quyết](/tep/nq-12.pdf) [Tải](../tep/nq-12.pdf#page=2)",
        ),
    );
    t.build_ok();
    let page = t.read("tin/bai/index.html");
    assert!(
        page.contains("src=\"../../tin/anh-chung-4w.jpg\""),
        "{page}"
    );
    assert!(t.exists("tin/anh-chung-4w.jpg") && t.exists("tin/anh-chung.png"));
    assert!(page.contains("href=\"../../tep/nq-12.pdf\""), "{page}");
    assert!(
        page.contains("href=\"../../tep/nq-12.pdf#page=2\""),
        "{page}"
    );
    crate::support::assert_links_resolve(&t.out());
}

#[test]
fn a_front_matter_error_does_not_hide_the_body_errors() {
    let t = SiteTest::new();
    t.write(
        "content/a.md",
        "---\ntitle: A\ndate: 30/02/2021\n---\n\n[x](javascript:alert(1)) ![Ảnh](mat.jpg) [y](khong-co.md)\n",
    );
    let (errors, _) = failure(&t);
    let l = lines(&errors);
    assert_eq!(l.len(), 4, "{l:#?}");
    assert!(l[0].starts_with("content/a.md:3:7: "), "{l:#?}");
    assert!(
        l[1].starts_with("content/a.md:6:1: link `javascript:alert(1)` uses a scheme"),
        "{l:#?}"
    );
    assert!(
        l[2].starts_with("content/a.md:6:26: image `mat.jpg` not found"),
        "{l:#?}"
    );
    assert_eq!(
        l[3],
        "content/a.md:6:42: link to `khong-co.md`, which does not exist in content/"
    );
}

#[test]
fn an_article_without_a_date_has_its_links_checked_and_is_not_called_missing() {
    let t = SiteTest::new();
    t.write(
        "content/tin/a.md",
        "---\ntitle: A\n---\n\n[y](khong-co.md)\n",
    );
    t.write("content/tin/b.md", "---\ntitle: B\ndate: [\n---\n\nx\n");
    t.write(
        "content/tin/c.md",
        &article("C", "2021-01-01", "", "Xem [A](a.md) và [B](b.md#muc)."),
    );
    let (errors, warnings) = failure(&t);
    let l = lines(&errors);
    assert_eq!(l.len(), 3, "{l:#?}");
    assert_eq!(l[0], "content/tin/a.md:1:1: missing `date`");
    assert_eq!(
        l[1],
        "content/tin/a.md:5:1: link to `tin/khong-co.md`, which does not exist in content/"
    );
    assert!(l[2].starts_with("content/tin/b.md:3:"), "{l:#?}");
    let w = lines(&warnings);
    assert_eq!(
        w,
        [
            "content/tin/c.md:6:5: link to `tin/a.md`: the target has an error (see above)",
            "content/tin/c.md:6:18: link to `tin/b.md`: the target has an error (see above)",
        ]
    );
}

/// The `<article>` element of a page: what readers read, without the
/// `<meta>` tags that repeat the summary.
fn article_of(page: &str) -> &str {
    let start = page.find("<article").expect("an article element");
    let end = page.rfind("</article>").expect("closed");
    &page[start..end]
}

#[test]
fn the_lead_paragraph_is_shown_once_as_the_sapo() {
    let t = SiteTest::new();
    t.write(
        "config.yaml",
        "title: \"Bản tin thử\"\nbase_url: https://x.vn/\nfeed: {full_content: true}\n",
    );
    t.write("content/b.md", &article("B", "2021-01-01", "", "x"));
    t.write(
        "content/dau.md",
        &article(
            "Đầu",
            "2021-01-02",
            "",
            "Đoạn mở đầu có [liên kết](b.md).\n\nĐoạn thân bài.",
        ),
    );
    t.write(
        "content/more.md",
        &article(
            "More",
            "2021-01-03",
            "",
            "Sapo một.\n\nSapo hai.\n\n<!-- more -->\n\nThân bài sau.",
        ),
    );
    t.write(
        "content/co-tom-tat.md",
        &article(
            "Tóm tắt",
            "2021-01-04",
            "summary: \"Tóm tắt riêng.\"\n",
            "Đoạn đầu giữ nguyên.\n\nĐoạn sau.",
        ),
    );
    t.write(
        "content/tieu-de.md",
        &article(
            "Tiêu đề",
            "2021-01-05",
            "",
            "## Mở đầu\n\nĐoạn sau tiêu đề.\n\nĐoạn cuối.",
        ),
    );
    for budget in [None, Some(0)] {
        let mut opts = t.options();
        opts.html_budget = budget;
        bantin::pipeline::build(&opts).expect("builds");
        let dau = t.read("dau/index.html");
        let a = article_of(&dau);
        assert_eq!(a.matches("Đoạn mở đầu").count(), 1, "{a}");
        assert!(
            a.contains("<div class=\"sapo\"><p>Đoạn mở đầu có <a href=\"../b/index.html\">liên kết</a>.</p>\n</div>"),
            "the lead keeps its links, in the sapo's place: {a}"
        );
        let prose = &a[a.find("class=\"prose\"").unwrap()..];
        assert!(
            prose.contains("Đoạn thân bài") && !prose.contains("Đoạn mở đầu"),
            "{prose}"
        );
        let more = article_of(&t.read("more/index.html")).to_string();
        assert_eq!(more.matches("Sapo một").count(), 1, "{more}");
        assert!(
            more.contains("<div class=\"sapo\"><p>Sapo một.</p>\n<p>Sapo hai.</p>\n</div>"),
            "{more}"
        );
        let tt = article_of(&t.read("co-tom-tat/index.html")).to_string();
        assert!(tt.contains("<p class=\"sapo\">Tóm tắt riêng.</p>"), "{tt}");
        assert!(
            tt.contains("<p>Đoạn đầu giữ nguyên.</p>"),
            "an explicit summary leaves the body whole: {tt}"
        );
        let td = article_of(&t.read("tieu-de/index.html")).to_string();
        assert_eq!(td.matches("Đoạn sau tiêu đề").count(), 1, "{td}");
        assert!(
            td.contains("</h2><div class=\"sapo\">\n<p>Đoạn sau tiêu đề.</p>\n</div>"),
            "a lead after a heading stays in place: {td}"
        );
        // The full-content feed carries the whole text, the lead once.
        let rss = t.read("rss.xml");
        assert_eq!(rss.matches("Đoạn mở đầu có").count(), 1, "{rss}");
        assert!(
            rss.contains("&lt;div class=&quot;sapo&quot;&gt;\n&lt;p&gt;Đoạn mở đầu có"),
            "{rss}"
        );
        assert!(rss.contains("Đoạn thân bài"));
    }
}
