//! A time written in another offset is converted to the site's time zone
//! when it is read, and shown, filed and written the same way everywhere.

use crate::support::{article, SiteTest};

fn site_with(date: &str, config_more: &str) -> SiteTest {
    let t = SiteTest::new();
    t.write(
        "config.yaml",
        &format!("title: \"Bản tin thử\"\nbase_url: \"https://thu.example.vn/\"\n{config_more}"),
    );
    t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
    t.write(
        "content/tin-tuc/bai.md",
        &article(
            "Bài đêm",
            date,
            "updated: 2021-10-31T21:30:00Z\n",
            "Thân bài.",
        ),
    );
    t
}

#[test]
fn a_utc_time_is_shown_filed_and_written_in_the_site_time_zone() {
    let t = site_with("2021-10-31T20:00:00Z", "");
    t.build_ok();
    let page = t.read("tin-tuc/bai/index.html");
    assert!(page.contains("Thứ Hai, 01/11/2021 03:00"), "{page}");
    assert!(!page.contains("31/10/2021"), "{page}");
    assert!(
        page.contains("<time datetime=\"2021-11-01T03:00:00+07:00\">"),
        "{page}"
    );
    assert!(page.contains("\"datePublished\":\"2021-11-01T03:00:00+07:00\""));
    assert!(page.contains("\"dateModified\":\"2021-11-01T04:30:00+07:00\""));
    assert!(page.contains("content=\"2021-11-01T03:00:00+07:00\""));
    assert!(!page.contains("+00:00"), "{page}");
    // Filed under the month it is in Vietnam, and linked there.
    assert!(t.exists("luu-tru/2021/11/index.html"));
    assert!(!t.exists("luu-tru/2021/10/index.html"));
    assert!(page.contains("luu-tru/2021/11/"), "{page}");
    let rss = t.read("rss.xml");
    assert!(
        rss.contains("<pubDate>Mon, 01 Nov 2021 03:00:00 +0700</pubDate>"),
        "{rss}"
    );
    let atom = t.read("atom.xml");
    assert!(
        atom.contains("<published>2021-11-01T03:00:00+07:00</published>"),
        "{atom}"
    );
    assert!(atom.contains("<updated>2021-11-01T04:30:00+07:00</updated>"));
    let sitemap = t.read("sitemap.xml");
    assert!(sitemap.contains("<lastmod>2021-11-01T04:30:00+07:00</lastmod>"));
    assert!(!sitemap.contains("+00:00"), "{sitemap}");
    let month = t.read("luu-tru/2021/11/index.html");
    assert!(month.contains("Thứ Hai, 01/11/2021 03:00"), "{month}");
}

#[test]
fn a_site_in_another_offset_shows_its_own_time() {
    let t = site_with("2021-10-15T14:00:00+07:00", "timezone: \"+05:30\"\n");
    t.build_ok();
    let page = t.read("tin-tuc/bai/index.html");
    assert!(page.contains("Thứ Sáu, 15/10/2021 12:30"), "{page}");
    assert!(page.contains("datetime=\"2021-10-15T12:30:00+05:30\""));
    let home = t.read("index.html");
    assert!(home.contains("Thứ Sáu, 15/10/2021 12:30"), "{home}");
}

#[test]
fn an_english_site_shows_the_converted_time_in_english() {
    let t = site_with("2021-10-31T20:00:00Z", "language: en\n");
    t.build_ok();
    let page = t.read("tin-tuc/bai/index.html");
    assert!(page.contains("Monday, 1 November 2021 03:00"), "{page}");
    let month = t.read("luu-tru/2021/11/index.html");
    assert!(month.contains("November 2021"), "{month}");
}
