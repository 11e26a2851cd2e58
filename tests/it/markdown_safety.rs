//! Hostile article bodies: no script reaches a page, whether raw HTML is on
//! or off; a script link is an error at its place; dropped raw HTML is
//! reported.

use crate::support::{article, SiteTest};

const HOSTS: &str = "markdown: {unsafe_html: true, iframe_hosts: [www.youtube-nocookie.com]}\n";

/// A site with section `tin-tuc`, article `a.md`, and `bai.md` with `body`
/// (its first body line is line 6 of the file); `markdown` is added to the
/// config.
fn site(markdown: &str, body: &str) -> SiteTest {
    let t = SiteTest::new();
    t.write(
        "config.yaml",
        &format!(
            "title: \"Bản tin thử\"\nbase_url: \"https://thu.example.vn/\"\npaginate_by: 3\n{markdown}"
        ),
    );
    t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
    t.write(
        "content/tin-tuc/a.md",
        &article("Bài A", "2021-10-15", "", "Thân bài."),
    );
    t.write(
        "content/tin-tuc/bai.md",
        &article("Bài thử", "2021-10-16", "", body),
    );
    t
}

/// The opening tags of the `tag` elements of `page` (`<script`).
fn tags(page: &str, tag: &str) -> Vec<String> {
    let lower = page.to_ascii_lowercase();
    lower
        .match_indices(tag)
        .map(|(i, _)| lower[i..i + lower[i..].find('>').unwrap_or(0) + 1].to_string())
        .collect()
}

/// Asserts that no script can run from the article page `bai`: its
/// scripts, icons and such are those of the theme (as on the page of the
/// harmless article `a`), and no event attribute or script URL is left.
fn assert_no_script(t: &SiteTest) {
    let page = t.read("tin-tuc/bai/index.html");
    let theirs = t.read("tin-tuc/a/index.html");
    assert!(
        !tags(&theirs, "<script").is_empty(),
        "the theme has scripts to compare with"
    );
    for tag in [
        "<script", "<svg", "<math", "<style", "<object", "<embed", "<form",
    ] {
        assert_eq!(
            tags(&page, tag),
            tags(&theirs, tag),
            "{tag} from the body in the page:\n{page}"
        );
    }
    let lower = page.to_ascii_lowercase();
    for bad in [
        "onerror=",
        "onload=",
        "onclick=",
        "onmouseover=",
        "javascript:",
        "vbscript:",
        "data:text",
        "evil.example",
        "alert(",
    ] {
        assert!(!lower.contains(bad), "{bad} in the page:\n{page}");
    }
}

const HOSTILE_HTML: &str = "Đoạn đầu.\n\n\
    <script>alert(1)</script>\n\n\
    <img src=x onerror=alert(2)> <svg onload=alert(3)></svg> \
    <a href=\"JaVaScRiPt:alert(4)\">bấm</a> <a href=\"java&#9;script:alert(5)\">bấm</a>\n\n\
    <iframe src=\"https://evil.example/\"></iframe>\n\n\
    <iframe src=\"https://www.youtube-nocookie.com/embed/abc\" allowfullscreen></iframe>\n\n\
    <math><mi><style><img src=x onerror=alert(6)></style></mi></math>\n\n\
    <style>body{display:none}</style>\n\n\
    <object data=\"x.swf\"></object><embed src=\"x.swf\">\n\n\
    <form action=\"https://evil.example/\"><input type=password></form>\n\n\
    <p onmouseover=\"alert(7)\">Chữ <b>đậm</b> vẫn còn.</p>\n";

#[test]
fn hostile_raw_html_is_sanitised_when_allowed() {
    let t = site(HOSTS, HOSTILE_HTML);
    t.build_ok();
    assert_no_script(&t);
    let page = t.read("tin-tuc/bai/index.html");
    assert!(page.contains("<p>Chữ <b>đậm</b> vẫn còn.</p>"), "{page}");
    assert!(page.contains("<img loading=\"lazy\" src=\"x\">"), "{page}");
    assert!(
        page.contains(
            "<iframe src=\"https://www.youtube-nocookie.com/embed/abc\" allowfullscreen=\"\"></iframe>"
        ),
        "a frame from an allowed host stays: {page}"
    );
}

#[test]
fn frames_need_their_host_listed() {
    let t = site(
        "markdown: {unsafe_html: true}\n",
        "Đoạn.\n\n<iframe src=\"https://www.youtube-nocookie.com/embed/abc\"></iframe>\n",
    );
    t.build_ok();
    assert!(!t.read("tin-tuc/bai/index.html").contains("<iframe"));
}

#[test]
fn hostile_raw_html_is_dropped_and_reported_by_default() {
    let t = site("", HOSTILE_HTML);
    let r = t.build_ok();
    assert_no_script(&t);
    let page = t.read("tin-tuc/bai/index.html");
    assert!(!page.contains("<iframe"), "{page}");
    let dropped: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.file.ends_with("bai.md"))
        .collect();
    // One warning a piece: a block (`<script>…</script>`) or a tag inside
    // a paragraph (`<svg …>`, `</svg>`), up to twenty, then how many more.
    assert_eq!(dropped.len(), 21, "{dropped:#?}");
    assert!(dropped[..20]
        .iter()
        .all(|w| w.message_en().starts_with("raw HTML `")));
    assert_eq!(
        dropped[20].message_en(),
        "… and 3 more pieces of raw HTML dropped"
    );
    assert_eq!(dropped[0].location(), "content/tin-tuc/bai.md:8:1");
    assert_eq!(
        dropped[0].message_en(),
        "raw HTML `<script>alert(1)</script>` is dropped"
    );
    assert_eq!(
        dropped[0].hint_en().as_deref(),
        Some(
            "raw HTML is off: set `markdown: {unsafe_html: true}` in config.yaml to allow safe \
             HTML, or write it in Markdown"
        )
    );
    assert_eq!(dropped[2].location(), "content/tin-tuc/bai.md:10:30");
    assert_eq!(
        dropped[2].message_en(),
        "raw HTML `<svg onload=alert(3)>` is dropped"
    );
}

#[test]
fn dropped_raw_html_warnings_stop_at_twenty_per_file() {
    let t = site("", &"Dòng <br>\n".repeat(25));
    let r = t.build_ok();
    let dropped: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.file.ends_with("bai.md"))
        .map(|w| (w.location(), w.message_en()))
        .collect();
    assert_eq!(dropped.len(), 21, "{dropped:#?}");
    assert_eq!(
        dropped[20],
        (
            "content/tin-tuc/bai.md:26:6".to_string(),
            "… and 5 more pieces of raw HTML dropped".to_string()
        )
    );
}

#[test]
fn a_script_link_is_an_error_at_its_place() {
    for markdown in ["", HOSTS] {
        let t = site(
            markdown,
            "Đoạn đầu.\n\nXem [đây](javascript:alert(1)) và ![Ảnh](data:text/html,x).\n\n\
             <JaVaScRiPt:alert(2)>\n",
        );
        let e = t.build_errors();
        let e: Vec<_> = e.iter().map(|e| (e.location(), e.message_en())).collect();
        assert_eq!(
            e,
            [
                (
                    "content/tin-tuc/bai.md:8:5".to_string(),
                    "link `javascript:alert(1)` uses a scheme that is not allowed \
                     (only http, https, mailto, tel and relative links)"
                        .to_string()
                ),
                (
                    "content/tin-tuc/bai.md:8:35".to_string(),
                    "image `data:text/html,x` uses a scheme that is not allowed \
                     (only http, https, mailto, tel and relative links)"
                        .to_string()
                ),
                (
                    "content/tin-tuc/bai.md:10:1".to_string(),
                    "link `JaVaScRiPt:alert(2)` uses a scheme that is not allowed \
                     (only http, https, mailto, tel and relative links)"
                        .to_string()
                ),
            ],
            "config: {markdown:?}"
        );
    }
}

#[test]
fn a_fragment_cannot_break_out_of_its_link() {
    let t = site(
        HOSTS,
        "Đoạn đầu.\n\n[x](a.md#\"><script>alert(1)</script>) \
         [y](<a.md#\" onmouseover=\"alert(2)>)\n",
    );
    t.build_ok();
    assert_no_script(&t);
    let page = t.read("tin-tuc/bai/index.html");
    assert!(
        page.contains("<a href=\"../../tin-tuc/a/index.html#%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E\">x</a>"),
        "{page}"
    );
    assert!(
        page.contains(
            "<a href=\"../../tin-tuc/a/index.html#%22%20onmouseover%3D%22alert%282%29\">y</a>"
        ),
        "{page}"
    );
}
