//! Small wording and accessibility: counts name what they count, titles say
//! what a page is, feeds describe themselves, an image is not heard twice.

use crate::support::{article, png_header, SiteTest};

fn site(lang: &str) -> SiteTest {
    let t = SiteTest::new();
    t.write(
        "config.yaml",
        &format!("title: \"Bản tin thử\"\ndescription: \"Mô tả chung của trang\"\nbase_url: \"https://thu.example.vn/\"\nlanguage: {lang}\ntaxonomies: [tags, categories, authors]\n"),
    );
    t.write(
        "content/hoat-dong/_index.md",
        "---\ntitle: Hoạt động HĐND\n---\n",
    );
    t.write(
        "content/hoat-dong/bai/index.md",
        &article(
            "Kỳ họp thứ ba",
            "2021-10-15",
            "tags: [HĐND, Kỳ họp]\ncategories: [Tin hoạt động]\nauthors: [Triệu Biển]\nimage: anh.png\nimage_caption: \"Toàn cảnh kỳ họp.\"\n",
            "Thân bài.",
        ),
    );
    t.write_bytes("content/hoat-dong/bai/anh.png", &png_header(800, 600));
    t
}

#[test]
fn a_taxonomy_index_counts_its_own_kind_of_term() {
    let t = site("vi");
    t.build_ok();
    assert!(t.read("the/index.html").contains(">2 thẻ<"));
    assert!(t.read("chuyen-muc/index.html").contains(">1 chuyên mục<"));
    assert!(t.read("tac-gia/index.html").contains(">1 tác giả<"));
    let t = site("en");
    t.build_ok();
    assert!(t.read("the/index.html").contains(">2 tags<"));
    assert!(t.read("tac-gia/index.html").contains(">1 author<"));
}

#[test]
fn a_term_page_title_names_its_taxonomy() {
    let t = site("vi");
    t.build_ok();
    let page = t.read("the/hdnd/index.html");
    assert!(
        page.contains("<title>Thẻ: HĐND – Bản tin thử</title>"),
        "{page}"
    );
    assert!(page.contains("<h1>HĐND"), "{page}");
    let t = site("en");
    t.build_ok();
    let page = t.read("the/hdnd/index.html");
    assert!(
        page.contains("<title>Tags: HĐND – Bản tin thử</title>"),
        "{page}"
    );
}

fn description(rss: &str) -> String {
    let start = rss.find("<description>").expect("a description") + 13;
    rss[start..start + rss[start..].find("</description>").unwrap()].to_string()
}

#[test]
fn section_and_term_feeds_describe_themselves() {
    let t = site("vi");
    t.build_ok();
    assert_eq!(description(&t.read("rss.xml")), "Mô tả chung của trang");
    assert_eq!(
        description(&t.read("the/hdnd/rss.xml")),
        "Tin bài thẻ HĐND — Bản tin thử"
    );
    assert_eq!(
        description(&t.read("chuyen-muc/tin-hoat-dong/rss.xml")),
        "Tin bài chuyên mục Tin hoạt động — Bản tin thử"
    );
    assert_eq!(
        description(&t.read("hoat-dong/rss.xml")),
        "Tin bài mục Hoạt động HĐND — Bản tin thử"
    );
    let t = site("en");
    t.build_ok();
    assert_eq!(
        description(&t.read("the/hdnd/rss.xml")),
        "Articles tagged HĐND — Bản tin thử"
    );
    assert_eq!(
        description(&t.read("tac-gia/trieu-bien/rss.xml")),
        "Articles by Triệu Biển — Bản tin thử"
    );
}

#[test]
fn an_article_advertises_its_section_feed_under_the_section_name() {
    let t = site("vi");
    t.build_ok();
    let page = t.read("hoat-dong/bai/index.html");
    assert!(
        page.contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Hoạt động HĐND – Bản tin thử\" href=\"../../hoat-dong/rss.xml\">"),
        "{page}"
    );
    assert!(
        !page.contains("title=\"Kỳ họp thứ ba – Bản tin thử\""),
        "{page}"
    );
    let term = t.read("the/hdnd/index.html");
    assert!(
        term.contains("title=\"Thẻ: HĐND – Bản tin thử\" href=\"../../the/hdnd/rss.xml\""),
        "{term}"
    );
}

#[test]
fn the_featured_image_is_described_once() {
    // With a caption and no image_alt: the caption is read, the alt is empty.
    let t = site("vi");
    t.build_ok();
    let page = t.read("hoat-dong/bai/index.html");
    assert!(
        page.contains("<img src=\"../../hoat-dong/bai/anh-800w.jpg\" srcset=\"../../hoat-dong/bai/anh-480w.jpg 480w, ../../hoat-dong/bai/anh-800w.jpg 800w\" sizes=\"(min-width: 50rem) 48rem, 100vw\" alt=\"\""),
        "{page}"
    );
    assert!(page.contains("<figcaption>Toàn cảnh kỳ họp.</figcaption>"));
    // image_alt describes the picture, the caption stays visible.
    let t = site("vi");
    t.write(
        "content/hoat-dong/bai/index.md",
        &article(
            "Kỳ họp thứ ba",
            "2021-10-15",
            "image: anh.png\nimage_alt: \"Đại biểu giơ thẻ biểu quyết trong hội trường\"\nimage_caption: \"Toàn cảnh kỳ họp.\"\n",
            "Thân bài.",
        ),
    );
    t.build_ok();
    let page = t.read("hoat-dong/bai/index.html");
    assert!(
        page.contains("alt=\"Đại biểu giơ thẻ biểu quyết trong hội trường\""),
        "{page}"
    );
    assert!(page.contains("<figcaption>Toàn cảnh kỳ họp.</figcaption>"));
    assert!(page.contains(
        "<meta property=\"og:image:alt\" content=\"Đại biểu giơ thẻ biểu quyết trong hội trường\">"
    ));
}
