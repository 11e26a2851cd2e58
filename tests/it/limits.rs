//! Costs that stay linear and bounded, whatever an officer pastes.

use crate::support::{article, SiteTest};

fn site() -> SiteTest {
    let t = SiteTest::new();
    t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
    t
}

#[test]
fn a_huge_summary_is_shown_once_and_clipped_where_it_is_repeated() {
    let t = site();
    let summary = "Hội đồng nhân dân tỉnh họp ".repeat(4_000);
    t.write(
        "content/tin-tuc/a.md",
        &article(
            "A",
            "2021-10-15",
            &format!("summary: \"{summary}\"\ntags: [HĐND]\n"),
            "Thân bài.",
        ),
    );
    t.build_ok();
    let page = t.read("tin-tuc/a/index.html");
    let full = summary.trim();
    assert_eq!(page.matches(full).count(), 1, "the sapo holds it once");
    assert!(page.len() < full.len() + 30_000, "{} bytes", page.len());
    for other in [
        "index.html",
        "tin-tuc/index.html",
        "the/hdnd/index.html",
        "rss.xml",
        "atom.xml",
    ] {
        let text = t.read(other);
        assert!(text.len() < 30_000, "{other}: {} bytes", text.len());
        assert!(
            text.contains("Hội đồng nhân dân tỉnh họp Hội đồng"),
            "{other}"
        );
    }
}

#[test]
fn full_content_feeds_rewrite_many_links_in_one_pass() {
    let t = site();
    t.write(
        "config.yaml",
        "title: T\nbase_url: \"https://thu.example.vn/\"\nfeed: {full_content: true}\n",
    );
    t.write(
        "content/tin-tuc/b.md",
        &article("B", "2021-10-14", "", "Bài B."),
    );
    let links = "[B](b.md) ".repeat(20_000);
    t.write(
        "content/tin-tuc/a.md",
        &article("A", "2021-10-15", "", &links),
    );
    let started = std::time::Instant::now();
    t.build_ok();
    let feed = t.read("rss.xml");
    assert_eq!(
        feed.matches("href=&quot;https://thu.example.vn/tin-tuc/b/&quot;")
            .count(),
        20_000
    );
    // Not a timing assertion: the figure is printed for the record.
    eprintln!("20,000 links built in {:.2?}", started.elapsed());
}
