//! Pages: URLs, bundles, Markdown, links, assets, publishing rules.

use crate::support::{article, assert_links_resolve, png_header, SiteTest};

fn site() -> SiteTest {
    let t = SiteTest::new();
    t.write(
        "content/_index.md",
        "---\ntitle: Trang chủ\n---\nLời giới thiệu.\n",
    );
    t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
    t.write(
        "content/tin-tuc/2021/Giao ban HĐND.md",
        &article(
            "Giao ban HĐND",
            "15/10/2021 14:00",
            "tags: [HĐND]\ncategories: [Hoạt động HĐND]\n",
            "Đoạn đầu.\n\n## Kết quả đạt được\n\nXem [lễ kỷ niệm](le-ky-niem/index.md#anh) và [trang web](https://hdnd.example.vn).\n\n<b>thô</b>\n\n```rust\nfn main() {}\n```",
        ),
    );
    t.write(
        "content/tin-tuc/2021/le-ky-niem/index.md",
        &article(
            "Lễ kỷ niệm",
            "2021-10-20",
            "image: anh-1.png\nslug: le-ky-niem-40-nam\n",
            "![Ảnh lễ](anh-1.png)",
        ),
    );
    t.write_bytes(
        "content/tin-tuc/2021/le-ky-niem/anh-1.png",
        &png_header(640, 427),
    );
    t.write_bytes(
        "content/tin-tuc/2021/le-ky-niem/tai-lieu.pdf",
        b"%PDF-1.4\n",
    );
    t.write("content/tin-tuc/2021/.DS_Store", "rác");
    t.write("content/tin-tuc/2021/bai.md~", "bản sao lưu");
    t.write("content/tin-tuc/2021/.bai.md.swp", "rác");
    t.write(
        "static/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    t
}

#[test]
fn article_urls_are_slugified_content_paths() {
    let t = site();
    t.build_ok();
    assert!(t.exists("tin-tuc/2021/giao-ban-hdnd/index.html"));
    assert!(
        t.exists("tin-tuc/2021/le-ky-niem-40-nam/index.html"),
        "slug replaces the last segment"
    );
    assert!(t.exists("tin-tuc/index.html"));
    assert!(t.exists("index.html"));
}

#[test]
fn bundle_files_are_copied_beside_the_page_and_listed() {
    let t = site();
    t.build_ok();
    assert!(t.exists("tin-tuc/2021/le-ky-niem-40-nam/anh-1.png"));
    assert!(t.exists("tin-tuc/2021/le-ky-niem-40-nam/tai-lieu.pdf"));
    let html = t.read("tin-tuc/2021/le-ky-niem-40-nam/index.html");
    assert!(
        html.contains("href=\"../../../tin-tuc/2021/le-ky-niem-40-nam/tai-lieu.pdf\""),
        "attachment listed"
    );
    assert!(html.contains(
        "og:image\" content=\"https://thu.example.vn/tin-tuc/2021/le-ky-niem-40-nam/anh-1-640w.jpg\""
    ));
}

#[test]
fn images_carry_their_size_and_body_images_load_lazily() {
    let t = site();
    t.build_ok();
    let html = t.read("tin-tuc/2021/le-ky-niem-40-nam/index.html");
    let dir = "../../../tin-tuc/2021/le-ky-niem-40-nam";
    assert!(
        html.contains(&format!(
            "<img src=\"{dir}/anh-1-640w.jpg\" srcset=\"{dir}/anh-1-480w.jpg 480w, {dir}/anh-1-640w.jpg 640w\" \
             sizes=\"(min-width: 50rem) 48rem, 100vw\" width=\"640\" height=\"427\" alt=\"Ảnh lễ\" loading=\"lazy\""
        )),
        "body image sized, lazy, at each width: {html}"
    );
    assert!(
        html.contains("alt=\"Lễ kỷ niệm\" width=\"640\" height=\"427\""),
        "featured image sized from its file"
    );
}

#[test]
fn ignored_files_and_static_files() {
    let t = site();
    t.build_ok();
    assert!(t.exists("logo.svg"));
    assert!(t.exists("style.css"), "theme static files are copied");
    for junk in [".DS_Store", "bai.md~", ".bai.md.swp"] {
        assert!(!t.exists(&format!("tin-tuc/2021/{junk}")), "{junk} copied");
    }
}

#[test]
fn markdown_links_raw_html_headings_and_code() {
    let t = site();
    t.build_ok();
    let html = t.read("tin-tuc/2021/giao-ban-hdnd/index.html");
    assert!(
        html.contains(
            "<a href=\"../../../tin-tuc/2021/le-ky-niem-40-nam/index.html#anh\">lễ kỷ niệm</a>"
        ),
        "md link rewritten relative"
    );
    assert!(html.contains("<h2 id=\"ket-qua-dat-duoc\">"));
    assert!(
        !html.contains("<b>thô</b>"),
        "raw HTML is not emitted by default"
    );
    assert!(
        html.contains("class=\"hl-"),
        "code highlighted with classes"
    );
    assert!(html.contains("highlight.css"));
    assert!(t.exists("highlight.css"));
    assert!(html.contains("lang=\"vi\""));
    assert!(
        html.contains("<meta name=\"description\" content=\"Đoạn đầu.\">"),
        "summary from first paragraph"
    );
    assert!(html
        .contains("<time datetime=\"2021-10-15T14:00:00+07:00\">Thứ Sáu, 15/10/2021 14:00</time>"));
}

#[test]
fn raw_html_when_allowed() {
    let t = site();
    t.write(
        "config.yaml",
        "title: x\nbase_url: https://x.vn/\nmarkdown: {unsafe_html: true}\n",
    );
    t.build_ok();
    assert!(t
        .read("tin-tuc/2021/giao-ban-hdnd/index.html")
        .contains("<b>thô</b>"));
}

#[test]
fn every_internal_link_resolves_from_disk() {
    let t = site();
    t.build_ok();
    assert_links_resolve(&t.out());
}

#[test]
fn drafts_future_and_expired_are_left_out_unless_asked() {
    let t = SiteTest::new();
    t.write(
        "content/nhap.md",
        &article("Nháp", "2021-01-01", "draft: true\ntags: [bí mật]\n", "x"),
    );
    t.write(
        "content/tuong-lai.md",
        &article("Tương lai", "2030-01-01", "", "x"),
    );
    t.write(
        "content/het-han.md",
        &article("Hết hạn", "2021-01-01", "expiry_date: 2022-01-01\n", "x"),
    );
    t.write("content/dang.md", &article("Đăng", "2021-01-01", "", "x"));
    let r = t.build_ok();
    assert_eq!(r.articles, 1);
    assert_eq!(
        (r.skipped.drafts, r.skipped.future, r.skipped.expired),
        (1, 1, 1)
    );
    for p in [
        "nhap/index.html",
        "tuong-lai/index.html",
        "het-han/index.html",
        "the/bi-mat/index.html",
    ] {
        assert!(!t.exists(p), "{p} published");
    }
    for f in ["rss.xml", "sitemap.xml", "index.html"] {
        let x = t.read(f);
        assert!(
            !x.contains("Nháp") && !x.contains("tuong-lai") && !x.contains("het-han"),
            "{f} lists unpublished"
        );
    }
    let mut opts = t.options();
    opts.drafts = true;
    opts.future = true;
    let r = bantin::pipeline::build(&opts).unwrap();
    assert_eq!(r.articles, 3, "expired stays out");
}

#[test]
fn aliases_redirect() {
    let t = SiteTest::new();
    t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
    t.write(
        "content/tin-tuc/a.md",
        &article(
            "A",
            "2021-01-01",
            "aliases: [/tin-cu/123.html, /bai-cu/]\n",
            "x",
        ),
    );
    t.build_ok();
    let html = t.read("tin-cu/123.html");
    assert!(
        html.contains("http-equiv=\"refresh\" content=\"0; url=../tin-tuc/a/index.html\""),
        "{html}"
    );
    assert!(html.contains("<link rel=\"canonical\" href=\"https://thu.example.vn/tin-tuc/a/\">"));
    assert!(t
        .read("bai-cu/index.html")
        .contains("url=../tin-tuc/a/index.html"));
}

#[test]
fn symlinks_out_of_the_root_are_not_followed() {
    let t = SiteTest::new();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("bi-mat.md"),
        article("Bí mật", "2021-01-01", "", "x"),
    )
    .unwrap();
    std::fs::create_dir_all(t.root().join("content")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        outside.path().join("bi-mat.md"),
        t.root().join("content/bi-mat.md"),
    )
    .unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path(), t.root().join("content/ngoai")).unwrap();
    t.write("content/a.md", &article("A", "2021-01-01", "", "x"));
    let r = t.build_ok();
    assert_eq!(r.articles, 1);
    assert!(!t.exists("bi-mat/index.html"));
    #[cfg(unix)]
    assert!(r.warnings.iter().any(|w| w
        .message_en()
        .starts_with("symbolic link skipped: it leads outside the site folder")
        && w.file.ends_with("content/bi-mat.md")));
}

#[test]
fn files_of_an_unpublished_bundle_are_not_copied() {
    let t = SiteTest::new();
    t.write("content/a.md", &article("A", "2021-01-01", "", "x"));
    t.write(
        "content/nhap/index.md",
        &article("Nháp", "2021-01-01", "draft: true\n", "x"),
    );
    t.write_bytes("content/nhap/bi-mat.pdf", b"%PDF-1.4\n");
    t.build_ok();
    assert!(!t.exists("nhap/bi-mat.pdf"));
    let mut opts = t.options();
    opts.drafts = true;
    bantin::pipeline::build(&opts).unwrap();
    assert!(t.exists("nhap/bi-mat.pdf"));
}

#[test]
fn heading_ids_are_unique_on_the_article_page() {
    let t = site();
    // A bundle with an attachment and a related article: the page shows
    // the theme's attachment and related-articles sections.
    t.write(
        "content/tin-tuc/2021/muc-luc/index.md",
        &article(
            "Mục lục",
            "2021-10-21",
            "tags: [HĐND]\n",
            "Xem [nội dung](#noi-dung), [mục](#muc) và [mục 1](#muc-1).\n\n\
             ## Mục\n\n## Mục\n\n## Mục 1\n\n## Nội dung\n\n## Tệp đính kèm\n\n\
             ## Tin liên quan\n\n## Fn 1\n\nCó chú thích[^1].\n\n[^1]: Nguồn.",
        ),
    );
    t.write_bytes("content/tin-tuc/2021/muc-luc/bien-ban.pdf", b"%PDF-1.4\n");
    t.build_ok();
    let page = t.read("tin-tuc/2021/muc-luc/index.html");
    assert!(page.contains("id=\"tep-dinh-kem\"") && page.contains("id=\"tin-lien-quan\""));
    crate::support::assert_ids_unique(&page);
    for (id, text) in [
        ("muc", "Mục"),
        ("muc-2", "Mục"),
        ("muc-1", "Mục 1"),
        ("noi-dung-1", "Nội dung"),
        ("tep-dinh-kem-1", "Tệp đính kèm"),
        ("tin-lien-quan-1", "Tin liên quan"),
        ("fn-1-1", "Fn 1"),
    ] {
        assert!(
            page.contains(&format!("<h2 id=\"{id}\">{text}</h2>")),
            "{id}"
        );
    }
    // Links within the article still lead to their headings.
    for (href, id) in [
        ("#noi-dung", "noi-dung-1"),
        ("#muc", "muc"),
        ("#muc-1", "muc-1"),
    ] {
        let target = format!("href=\"#{id}\"");
        assert!(page.contains(&target), "{href} → {id}");
    }
    assert!(
        page.contains("href=\"#fn-1\""),
        "the footnote reference stays"
    );
}
