//! Content kinds: front matter checked per kind, standalone pages, a menu
//! with children and the site's identity (logo, banner, citation line).

use crate::support::{article, SiteTest};

/// A site with news, a section of pages with two pages, and a root page.
fn site_with_pages() -> SiteTest {
    let t = SiteTest::new();
    t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
    t.write(
        "content/tin-tuc/a.md",
        &article(
            "Kỳ họp thứ hai",
            "2021-10-15",
            "tags: [HĐND]\n",
            "Xem [giới thiệu](../gioi-thieu/_index.md) và [liên hệ](/lien-he.md).",
        ),
    );
    t.write(
        "content/gioi-thieu/_index.md",
        "---\ntitle: Giới thiệu\nkind: pages\nweight: 1\n---\nHội đồng nhân dân thành phố.\n",
    );
    t.write(
        "content/gioi-thieu/thuong-truc.md",
        "---\ntitle: Thường trực HĐND\nweight: 1\n---\nThường trực HĐND gồm Chủ tịch và các Phó Chủ tịch.\n",
    );
    t.write(
        "content/gioi-thieu/cac-ban.md",
        "---\ntitle: Các ban HĐND\nweight: 2\n---\nBan Pháp chế, Ban Kinh tế – Xã hội. [Thường trực](thuong-truc.md)\n",
    );
    t.write(
        "content/lien-he.md",
        "---\ntitle: Liên hệ\n---\nMọi thư từ xin gửi về Văn phòng.\n",
    );
    t
}

#[test]
fn a_section_with_a_date_is_an_error_that_says_whose_key_it_is() {
    let t = SiteTest::new();
    t.write(
        "content/tin-tuc/_index.md",
        "---\ntitle: Tin tức\ndate: 2021-10-15\ntag: [x]\n---\n",
    );
    let e = t.build_errors();
    // The unknown key and the foreign one, in one run.
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!(
        e[0].message_en(),
        "`date` does not belong in a section's `_index.md`"
    );
    assert_eq!(e[1].message_en(), "unknown front matter key `tag`");
    assert!(e[1]
        .hint_en()
        .as_deref()
        .unwrap()
        .contains("did you mean `tags`"));
    t.write(
        "content/tin-tuc/_index.md",
        "---\ntitle: Tin tức\ndate: 2021-10-15\ntags: [x]\n---\n",
    );
    let e = t.build_errors();
    let msgs: Vec<String> = e.iter().map(|d| d.to_string()).collect();
    assert_eq!(e.len(), 2, "{msgs:?}");
    assert_eq!(
        (e[0].file.to_str(), e[0].line, e[0].column),
        (Some("content/tin-tuc/_index.md"), 3, 1)
    );
    assert_eq!(
        e[0].message_en(),
        "`date` does not belong in a section's `_index.md`"
    );
    assert!(e[1]
        .hint_en()
        .as_deref()
        .unwrap()
        .starts_with("`tags` is for articles; a section's `_index.md` cannot have `tags`"));
}

#[test]
fn a_page_in_a_section_of_pages_cannot_have_a_date() {
    let t = site_with_pages();
    t.write(
        "content/gioi-thieu/cac-ban.md",
        "---\ntitle: Các ban HĐND\ndate: 2021-01-01\n---\n",
    );
    let e = t.build_errors();
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].message_en(), "`date` does not belong in a page");
    assert_eq!(e[0].line, 3);
    assert!(e[0]
        .hint_en()
        .as_deref()
        .unwrap()
        .contains("pages have no date"));
}

#[test]
fn pages_have_their_urls_and_are_in_the_sitemap_only() {
    let t = site_with_pages();
    let r = t.build_ok();
    assert_eq!((r.articles, r.standalone), (1, 3));
    for path in [
        "gioi-thieu/index.html",
        "gioi-thieu/thuong-truc/index.html",
        "gioi-thieu/cac-ban/index.html",
        "lien-he/index.html",
    ] {
        assert!(t.exists(path), "{path}");
    }
    let sitemap = t.read("sitemap.xml");
    for url in ["gioi-thieu/", "gioi-thieu/thuong-truc/", "lien-he/"] {
        assert!(
            sitemap.contains(&format!("<loc>https://thu.example.vn/{url}</loc>")),
            "{url} not in {sitemap}"
        );
    }
    // Not on the home page, in listings, tags, archive or feeds.
    for file in [
        "index.html",
        "tin-tuc/index.html",
        "the/hdnd/index.html",
        "luu-tru/2021/10/index.html",
        "luu-tru/index.html",
        "rss.xml",
        "atom.xml",
        "tin-tuc/rss.xml",
    ] {
        let text = t.read(file);
        for title in ["Thường trực HĐND", "Các ban HĐND", "Mọi thư từ"] {
            assert!(!text.contains(title), "{title} in {file}");
        }
    }
    assert!(
        !t.exists("gioi-thieu/rss.xml"),
        "a section of pages has no feed"
    );
}

#[test]
fn pages_render_with_breadcrumbs_siblings_and_links() {
    let t = site_with_pages();
    t.build_ok();
    let section = t.read("gioi-thieu/index.html");
    assert!(section.contains("<h1>Giới thiệu</h1>"), "{section}");
    let list = &section[section.find("page-children").expect("list of pages")..];
    let (a, b) = (
        list.find("Thường trực HĐND").unwrap(),
        list.find("Các ban HĐND").unwrap(),
    );
    assert!(a < b, "ordered by weight");
    let page = t.read("gioi-thieu/cac-ban/index.html");
    assert!(page.contains("class=\"breadcrumbs\""));
    assert!(page.contains("<a href=\"../../gioi-thieu/index.html\">Giới thiệu</a>"));
    let nav = &page[page.find("class=\"page-nav\"").expect("side nav")..];
    assert!(nav.contains("href=\"../../gioi-thieu/thuong-truc/index.html\">Thường trực HĐND</a>"));
    assert!(nav.contains("cac-ban/index.html\" aria-current=\"page\">Các ban HĐND</a>"));
    // Markdown links to pages work like links to articles.
    assert!(page.contains("href=\"../../gioi-thieu/thuong-truc/index.html\">Thường trực</a>"));
    let a = t.read("tin-tuc/a/index.html");
    assert!(
        a.contains("href=\"../../gioi-thieu/index.html\">giới thiệu</a>"),
        "{a}"
    );
    assert!(a.contains("href=\"../../lien-he/index.html\">liên hệ</a>"));
    let contact = t.read("lien-he/index.html");
    assert!(contact.contains("<h1>Liên hệ</h1>"));
    assert!(!contact.contains("page-nav"), "a root page has no side nav");
    crate::support::assert_links_resolve(&t.out());
}

#[test]
fn root_files_are_pages_unless_dated_and_ordered_by_weight_then_title() {
    let t = SiteTest::new();
    t.write("content/b.md", "---\ntitle: Bê\n---\n");
    t.write("content/a.md", "---\ntitle: A\nweight: 2\n---\n");
    t.write("content/c.md", "---\ntitle: Cê\n---\n");
    t.write("content/tin.md", &article("Tin", "2021-01-01", "", "Tin."));
    let r = t.build_ok();
    assert_eq!(r.articles, 1, "the dated file stays an article");
    assert!(t.read("index.html").contains("Tin"));
    assert!(t.exists("b/index.html") && t.exists("a/index.html"));
    let sitemap = t.read("sitemap.xml");
    let at = |p: &str| sitemap.find(&format!("/{p}/</loc>")).unwrap();
    assert!(at("b") < at("c") && at("c") < at("a"), "{sitemap}");
    // Without `menu:` in config.yaml, the menu has the pages at the root.
    let home = t.read("index.html");
    let menu = &home[home.find("class=\"menu\"").unwrap()..home.find("</nav>").unwrap()];
    assert!(menu.contains("href=\"b/index.html\">Bê</a>"), "{menu}");
}

#[test]
fn a_draft_page_is_not_published_and_links_to_it_say_so() {
    let t = site_with_pages();
    t.write(
        "content/lien-he.md",
        "---\ntitle: Liên hệ\ndraft: true\n---\n",
    );
    let e = t.build_errors();
    assert!(
        e[0].message_en().contains("`lien-he.md`, which is a draft"),
        "{e:?}"
    );
}

/// `site_with_pages` with a menu whose first item has two children.
fn with_menu(t: &SiteTest, menu: &str) {
    t.write(
        "config.yaml",
        &format!("title: \"Bản tin thử\"\nbase_url: \"https://thu.example.vn/\"\nmenu:\n{menu}"),
    );
}

const MENU: &str = "  - title: Giới thiệu\n    path: gioi-thieu/\n    children:\n      - {title: Thường trực HĐND, path: gioi-thieu/thuong-truc/}\n      - {title: Các ban HĐND, path: /gioi-thieu/cac-ban/}\n  - {title: Tin tức, path: tin-tuc/}\n  - {title: Liên hệ, path: lien-he}\n";

#[test]
fn menu_children_render_behind_a_disclosure_button() {
    let t = site_with_pages();
    with_menu(&t, MENU);
    t.build_ok();
    let html = t.read("gioi-thieu/cac-ban/index.html");
    let menu = &html[html.find("class=\"menu\"").unwrap()..html.find("</nav>").unwrap()];
    assert!(
        menu.contains("<li class=\"has-sub\"><a href=\"../../gioi-thieu/index.html\" aria-current=\"true\">Giới thiệu</a>"),
        "{menu}"
    );
    assert!(menu.contains(
        "<button type=\"button\" class=\"sub-toggle\" aria-expanded=\"false\" aria-controls=\"menu_con_1\" hidden>"
    ));
    assert!(menu.contains("<span class=\"visually-hidden\">Mục con của Giới thiệu</span>"));
    assert!(menu.contains("<ul class=\"submenu\" id=\"menu_con_1\">"));
    assert!(menu.contains(
        "<a href=\"../../gioi-thieu/cac-ban/index.html\" aria-current=\"page\">Các ban HĐND</a>"
    ));
    assert!(menu.contains("href=\"../../gioi-thieu/thuong-truc/index.html\">Thường trực HĐND</a>"));
    assert_eq!(
        menu.matches("sub-toggle").count(),
        1,
        "only items with children"
    );
    crate::support::assert_links_resolve(&t.out());
}

#[test]
fn heading_ids_of_a_page_never_take_an_id_of_the_menu_or_the_side_nav() {
    let t = site_with_pages();
    with_menu(&t, MENU);
    t.write(
        "content/gioi-thieu/cac-ban.md",
        "---\ntitle: Các ban HĐND\nweight: 2\n---\n## Menu con 1\n\n## Trong mục này\n\nBan Pháp chế.\n",
    );
    t.build_ok();
    let html = t.read("gioi-thieu/cac-ban/index.html");
    assert!(html.contains("class=\"submenu\"") && html.contains("class=\"page-nav\""));
    crate::support::assert_ids_unique(&html);
}

#[test]
fn a_menu_path_without_a_page_is_an_error_at_its_line() {
    let t = site_with_pages();
    with_menu(
        &t,
        &MENU.replace("gioi-thieu/cac-ban/", "gioi-thieu/cac-ba/"),
    );
    let e = t.build_errors();
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(
        (e[0].file.to_str(), e[0].line, e[0].column),
        (Some("config.yaml"), 8, 37)
    );
    assert_eq!(
        e[0].message_en(),
        "menu item `Các ban HĐND` leads to `/gioi-thieu/cac-ba/`, which is no page of the site"
    );
    assert_eq!(
        e[0].hint_en().as_deref(),
        Some("did you mean `gioi-thieu/cac-ban/`?")
    );
}

#[test]
fn a_grandchild_in_the_menu_is_an_error() {
    let t = site_with_pages();
    with_menu(
        &t,
        "  - title: Giới thiệu\n    path: gioi-thieu/\n    children:\n      - title: Các ban\n        path: gioi-thieu/cac-ban/\n        children: [{title: Ban Pháp chế, path: gioi-thieu/}]\n",
    );
    let e = t.build_config_errors();
    assert_eq!(e[0].line, 9, "{e:?}");
    assert_eq!(
        e[0].message_en(),
        "menu item `Ban Pháp chế` is a child of a child"
    );
}

#[test]
fn logo_banner_and_citation_come_from_config() {
    let t = site_with_pages();
    t.build_ok();
    let home = t.read("index.html");
    assert!(
        home.contains("<svg class=\"brand-mark\""),
        "the star emblem by default"
    );
    assert!(home.contains(
        "<p class=\"citation\">Ghi rõ nguồn “Bản tin thử” khi phát hành lại thông tin từ cổng này.</p>"
    ));
    t.write_bytes("static/logo.png", &crate::support::png_header(64, 64));
    t.write_bytes(
        "static/anh/bang-ron.png",
        &crate::support::png_header(1200, 200),
    );
    t.write(
        "config.yaml",
        "title: \"Bản tin thử\"\nbase_url: \"https://thu.example.vn/\"\nlanguage: en\nlogo: logo.png\nbanner: {image: anh/bang-ron.png, alt: \"Chào mừng kỳ họp\"}\n",
    );
    t.build_ok();
    let page = t.read("gioi-thieu/cac-ban/index.html");
    // Both in sizes bantin made, as a featured image is.
    assert!(page.contains(
        "<source type=\"image/webp\" srcset=\"../../logo-64w.webp 64w\" sizes=\"3.5rem\"><img class=\"brand-mark brand-logo\" src=\"../../logo-64w.jpg\" srcset=\"../../logo-64w.jpg 64w\" sizes=\"3.5rem\" alt=\"\" width=\"64\" height=\"64\">"
    ), "{page}");
    assert!(!page.contains("<svg class=\"brand-mark\""));
    assert!(page.contains(
        "<img src=\"../../anh/bang-ron-1200w.jpg\" srcset=\"../../anh/bang-ron-480w.jpg 480w, ../../anh/bang-ron-960w.jpg 960w, ../../anh/bang-ron-1200w.jpg 1200w\" sizes=\"100vw\" alt=\"Chào mừng kỳ họp\" width=\"1200\" height=\"200\">"
    ), "{page}");
    assert!(
        page.contains("Credit “Bản tin thử” as the source"),
        "English twin"
    );
    t.write(
        "config.yaml",
        "title: \"Bản tin thử\"\nbase_url: \"https://thu.example.vn/\"\ncontact:\n  citation: \"\"\n",
    );
    t.build_ok();
    assert!(
        !t.read("index.html").contains("class=\"citation\""),
        "empty hides it"
    );
}

#[test]
fn missing_logo_and_banner_files_are_errors_at_their_line() {
    let t = site_with_pages();
    t.write_bytes("static/logo.png", &crate::support::png_header(64, 64));
    t.write(
        "config.yaml",
        "title: \"Bản tin thử\"\nlogo: /Logo.png\nbanner:\n  image: bang-ron.jpg\n",
    );
    let e = t.build_config_errors();
    let msgs: Vec<String> = e.iter().map(|d| d.to_string()).collect();
    assert_eq!(e.len(), 3, "{msgs:?}");
    assert_eq!((e[0].line, e[0].column), (2, 7));
    assert_eq!(
        e[0].message_en(),
        "`logo` names `/Logo.png`, which is not a file in static/"
    );
    assert_eq!(
        e[0].hint_en().as_deref(),
        Some("did you mean `logo.png`? Paths start from static/")
    );
    assert_eq!((e[1].line, e[1].column), (4, 10));
    assert_eq!(e[2].message_en(), "the banner has no `alt` text");
}
