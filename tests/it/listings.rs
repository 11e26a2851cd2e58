//! Listings: home, sections, taxonomies, the date archive, pagination,
//! feeds and the sitemap — membership, order and page counts.

use crate::support::{article, assert_links_resolve, SiteTest};

/// 7 articles in two sections (paginate_by 3), across three months.
fn site() -> SiteTest {
    let t = SiteTest::new();
    t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
    t.write(
        "content/thong-bao/_index.md",
        "---\ntitle: Thông báo\n---\n",
    );
    let arts = [
        (
            "tin-tuc/2021/a1.md",
            "A1",
            "2021-07-05 08:00",
            "tags: [HĐND, giao ban]\n",
        ),
        (
            "tin-tuc/2021/a2.md",
            "A2",
            "2021-07-20 08:00",
            "tags: [HĐND]\n",
        ),
        (
            "tin-tuc/2021/a3.md",
            "A3",
            "2021-10-01 08:00",
            "tags: [HĐND, giao ban]\ncategories: [Kinh tế]\n",
        ),
        (
            "tin-tuc/2021/a4.md",
            "A4",
            "2021-10-02 08:00",
            "tags: [HĐND]\npinned: true\n",
        ),
        (
            "tin-tuc/2022/a5.md",
            "A5",
            "2022-01-03 08:00",
            "tags: [cử tri]\n",
        ),
        (
            "thong-bao/b1.md",
            "B1",
            "2021-10-03 08:00",
            "tags: [HĐND]\n",
        ),
        (
            "thong-bao/b2.md",
            "B2",
            "2022-01-04 08:00",
            "categories: [Kinh tế]\n",
        ),
    ];
    for (path, title, date, extra) in arts {
        t.write(
            &format!("content/{path}"),
            &article(title, date, extra, &format!("Nội dung {title}.")),
        );
    }
    t
}

/// Article titles in the order a listing page shows them.
fn titles(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("class=\"card-title\"><a href=\"") {
        rest = &rest[i..];
        let start = rest.find('>').unwrap() + 1;
        rest = &rest[start..];
        let s = rest.find('>').unwrap() + 1;
        let e = rest[s..].find('<').unwrap();
        out.push(rest[s..s + e].to_string());
        rest = &rest[s + e..];
    }
    out
}

#[test]
fn sections_are_paginated_newest_first_with_their_transparent_folders() {
    let t = site();
    t.build_ok();
    assert_eq!(titles(&t.read("tin-tuc/index.html")), ["A5", "A4", "A3"]);
    assert_eq!(titles(&t.read("tin-tuc/trang/2/index.html")), ["A2", "A1"]);
    assert!(!t.exists("tin-tuc/trang/3/index.html"), "no empty pages");
    assert!(
        !t.exists("tin-tuc/trang/1/index.html"),
        "page 1 is the listing itself"
    );
    assert_eq!(titles(&t.read("thong-bao/index.html")), ["B2", "B1"]);
    let p2 = t.read("tin-tuc/trang/2/index.html");
    assert!(
        p2.contains("<link rel=\"prev\" href=\"../../../tin-tuc/index.html\">"),
        "rel=prev on page 2"
    );
}

#[test]
fn home_lists_pinned_first() {
    let t = site();
    t.build_ok();
    let home = t.read("index.html");
    let featured = &home
        [home.find("tin-noi-bat").expect("featured block")..home.find("tin-moi-nhat").unwrap()];
    assert_eq!(titles(featured), ["A4"], "the pinned article is featured");
    let latest = &home[home.find("tin-moi-nhat").unwrap()..];
    let latest = titles(latest);
    assert_eq!(latest[..2], ["B2", "A5"], "then the newest");
    assert!(!latest.contains(&"A4".to_string()) || latest.iter().position(|x| x == "A4") > Some(1));
}

#[test]
fn tags_and_categories_with_counts_and_pages() {
    let t = site();
    t.build_ok();
    assert_eq!(titles(&t.read("the/hdnd/index.html")), ["B1", "A4", "A3"]);
    assert_eq!(titles(&t.read("the/hdnd/trang/2/index.html")), ["A2", "A1"]);
    assert_eq!(
        titles(&t.read("chuyen-muc/kinh-te/index.html")),
        ["B2", "A3"]
    );
    let index = t.read("the/index.html");
    let hdnd = &index[index
        .find("the/hdnd/index.html\">HĐND")
        .expect("HĐND listed")..];
    assert!(
        hdnd[..hdnd.find("</li>").unwrap()].contains('5'),
        "count of HĐND"
    );
    assert!(t.exists("the/hdnd/rss.xml"));
    assert!(t.exists("chuyen-muc/kinh-te/rss.xml"));
}

#[test]
fn date_archive_years_months_and_neighbours() {
    let t = site();
    t.build_ok();
    let index = t.read("luu-tru/index.html");
    let y2022 = index.find("2022/index.html").unwrap();
    let y2021 = index.find("2021/index.html").unwrap();
    assert!(y2022 < y2021, "newest year first");
    assert!(index.contains("2021/10/index.html"));
    assert_eq!(
        titles(&t.read("luu-tru/2021/10/index.html")),
        ["B1", "A4", "A3"]
    );
    assert!(!t.exists("luu-tru/2021/10/trang/2/index.html"));
    assert_eq!(titles(&t.read("luu-tru/2021/07/index.html")), ["A2", "A1"]);
    let oct = t.read("luu-tru/2021/10/index.html");
    assert!(
        oct.contains("luu-tru/2021/07/index.html\" rel=\"prev\""),
        "link to the previous month with articles"
    );
    assert!(
        oct.contains("luu-tru/2022/01/index.html\" rel=\"next\""),
        "link to the next month with articles"
    );
    let art = t.read("tin-tuc/2021/a3/index.html");
    assert!(
        art.contains("luu-tru/2021/10/index.html"),
        "article links to its month"
    );
}

#[test]
fn article_neighbours_and_related() {
    let t = site();
    t.build_ok();
    let a3 = t.read("tin-tuc/2021/a3/index.html");
    let nav = &a3[a3.find("article-nav").unwrap()..];
    assert!(
        nav.contains("tin-tuc/2021/a2/index.html\" rel=\"prev\""),
        "earlier article of the section"
    );
    assert!(
        nav.contains("tin-tuc/2021/a4/index.html\" rel=\"next\""),
        "later article of the section"
    );
    let related = &a3[a3.find("tin-lien-quan").unwrap()..];
    assert!(
        related.find("a1/index.html").unwrap() < related.find("a4/index.html").unwrap(),
        "two shared tags rank first"
    );
}

#[test]
fn feeds_and_sitemap_parse_as_xml() {
    let t = site();
    t.build_ok();
    let rss = t.read("rss.xml");
    let doc = roxmltree::Document::parse(&rss).expect("rss parses");
    let items: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("item"))
        .collect();
    assert_eq!(items.len(), 7);
    let first_title = items[0]
        .children()
        .find(|n| n.has_tag_name("title"))
        .unwrap()
        .text()
        .unwrap();
    assert_eq!(first_title, "B2");
    let date = items[0]
        .children()
        .find(|n| n.has_tag_name("pubDate"))
        .unwrap()
        .text()
        .unwrap();
    assert_eq!(date, "Tue, 04 Jan 2022 08:00:00 +0700");
    let link = items[0]
        .children()
        .find(|n| n.has_tag_name("link"))
        .unwrap()
        .text()
        .unwrap();
    assert_eq!(link, "https://thu.example.vn/thong-bao/b2/");

    let atom = t.read("atom.xml");
    let doc = roxmltree::Document::parse(&atom).expect("atom parses");
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name("entry"))
            .count(),
        7
    );

    let section_rss = t.read("tin-tuc/rss.xml");
    let doc = roxmltree::Document::parse(&section_rss).expect("section rss parses");
    assert_eq!(
        doc.descendants().filter(|n| n.has_tag_name("item")).count(),
        5
    );

    let sitemap = t.read("sitemap.xml");
    let doc = roxmltree::Document::parse(&sitemap).expect("sitemap parses");
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(locs.contains(&"https://thu.example.vn/tin-tuc/2021/a1/"));
    assert!(locs.contains(&"https://thu.example.vn/luu-tru/2021/10/"));
    assert!(locs.contains(&"https://thu.example.vn/the/hdnd/"));
    assert!(t
        .read("robots.txt")
        .contains("Sitemap: https://thu.example.vn/sitemap.xml"));
    assert!(t.exists("404.html"));
}

#[test]
fn feed_limit_is_configurable() {
    let t = site();
    t.write(
        "config.yaml",
        "title: x\nbase_url: https://x.vn/\nfeed: {limit: 2, full_content: true}\n",
    );
    t.build_ok();
    let doc_text = t.read("rss.xml");
    let doc = roxmltree::Document::parse(&doc_text).unwrap();
    assert_eq!(
        doc.descendants().filter(|n| n.has_tag_name("item")).count(),
        2
    );
    assert!(
        doc_text.contains("&lt;p&gt;Nội dung B2.&lt;/p&gt;"),
        "full content escaped in the feed"
    );
}

#[test]
fn every_link_of_the_listings_resolves() {
    let t = site();
    t.build_ok();
    assert_links_resolve(&t.out());
}
