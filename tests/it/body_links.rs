//! Links written by hand in bodies: file names with `#`, `?`, `%` or
//! spaces link to exactly that file; site paths (`/tin-tuc/`, `../a/`,
//! `trang.html`) are checked against the files of the output and made
//! relative, so they work from `file://` and under a sub-path; and no id
//! is on a page twice (footnotes, raw HTML against the theme).

use crate::support::{article, assert_ids_unique, assert_links_resolve, links, SiteTest};

/// A site with section `tin-tuc` (and its body `section_body`), article
/// `a.md` tagged `Bắc Kạn`, page `gioi-thieu.md`, the static file
/// `tep/bang.txt`, and the bundle `bai/` whose body is `body` (line 6 of
/// `content/tin-tuc/bai/index.md` is its first line).
fn site(config: &str, body: &str) -> SiteTest {
    let t = SiteTest::new();
    t.write(
        "config.yaml",
        &format!("title: \"Bản tin thử\"\nbase_url: \"https://thu.example.vn/bantin/\"\n{config}"),
    );
    t.write(
        "content/tin-tuc/_index.md",
        "---\ntitle: Tin tức\n---\n\nXem [bài](bai/) và [giới thiệu](../gioi-thieu/).\n",
    );
    t.write(
        "content/tin-tuc/a.md",
        &article("Bài A", "2021-10-15", "tags: [Bắc Kạn]\n", "Thân bài."),
    );
    t.write(
        "content/gioi-thieu.md",
        "---\ntitle: Giới thiệu\n---\n\nVề [tin tức](../tin-tuc/) và [trang chủ](/).\n",
    );
    t.write("static/tep/bang.txt", "bảng");
    t.write(
        "content/tin-tuc/bai/index.md",
        &article("Bài thử", "2021-10-16", "", body),
    );
    t
}

/// The `href`s and `src`s of the body of a page: its `<div class="prose">`
/// (bodies here hold no `<div>` of their own).
fn body_links(t: &SiteTest, page: &str) -> Vec<String> {
    let html = t.read(page);
    let start = html.find("class=\"prose").expect("a body");
    let end = start + html[start..].find("</div>").expect("the body ends");
    links(&html[start..end])
}

#[test]
fn file_names_with_hash_question_mark_percent_or_spaces_link_to_themselves() {
    let t = site(
        "",
        "Đoạn đầu.\n\n[a](<a#b.pdf>) [b](a%23b.pdf) [c](<so lieu#2.txt>) [d](100%.pdf) [e](<q?x.pdf>) \
         [f](/tep/n%231.pdf) [g](</tep/n#1.pdf>) [h](<ghi chú.txt>)\n\n\
         ![Ảnh một](<h#1.png>) ![Ảnh hai](<anh 2?.png>)\n",
    );
    for name in ["a#b.pdf", "100%.pdf", "q?x.pdf"] {
        t.write(&format!("content/tin-tuc/bai/{name}"), "%PDF-1.4");
    }
    t.write("content/tin-tuc/bai/so lieu#2.txt", "số liệu");
    t.write("content/tin-tuc/bai/ghi chú.txt", "ghi chú");
    t.write("static/tep/n#1.pdf", "%PDF-1.4");
    for name in ["h#1.png", "anh 2?.png"] {
        t.write_bytes(
            &format!("content/tin-tuc/bai/{name}"),
            &crate::support::png_header(40, 30),
        );
    }
    t.build_ok();
    let hrefs = body_links(&t, "tin-tuc/bai/index.html");
    for want in [
        "../../tin-tuc/bai/a%23b.pdf",
        "../../tin-tuc/bai/so%20lieu%232.txt",
        "../../tin-tuc/bai/100%25.pdf",
        "../../tin-tuc/bai/q%3Fx.pdf",
        "../../tep/n%231.pdf",
        "../../tin-tuc/bai/ghi%20ch%C3%BA.txt",
        "../../tin-tuc/bai/h%231-40w.jpg",
        "../../tin-tuc/bai/anh%202%3F-40w.jpg",
    ] {
        assert!(hrefs.iter().any(|h| h == want), "{want} not in {hrefs:#?}");
    }
    assert_eq!(
        hrefs
            .iter()
            .filter(|h| *h == "../../tin-tuc/bai/a%23b.pdf")
            .count(),
        2,
        "{hrefs:#?}"
    );
    assert_eq!(
        hrefs.iter().filter(|h| *h == "../../tep/n%231.pdf").count(),
        2,
        "{hrefs:#?}"
    );
    assert_links_resolve(&t.out());
}

#[test]
fn a_hash_that_starts_a_fragment_stays_a_fragment() {
    // `nq.pdf` exists: `#page=2` is where to open it, not part of a name.
    let t = site("", "Đoạn đầu.\n\n[a](nq.pdf#page=2) [b](bang.txt#dong-3)\n");
    t.write("content/tin-tuc/bai/nq.pdf", "%PDF-1.4");
    t.write("content/tin-tuc/bai/bang.txt", "x");
    t.build_ok();
    let hrefs = body_links(&t, "tin-tuc/bai/index.html");
    assert!(
        hrefs.contains(&"../../tin-tuc/bai/nq.pdf#page=2".to_string()),
        "{hrefs:#?}"
    );
    assert!(
        hrefs.contains(&"../../tin-tuc/bai/bang.txt#dong-3".to_string()),
        "{hrefs:#?}"
    );
}

#[test]
fn site_paths_in_bodies_become_relative_links_to_their_file() {
    let t = site(
        "",
        "Đoạn đầu.\n\n[chủ](/) [tin](/tin-tuc/) [tin2](/tin-tuc) [mục](../) [a](../a/) [a2](/tin-tuc/a/index.html) \
         [thẻ](/the/bac-kan/) [rss](/rss.xml) [tìm](/tim-kiem/?q=HĐND&x=1#ket-qua) \
         [gt](/gioi-thieu/) [bảng](/tep/bang.txt) [nd](/tin-tuc/#noi-dung) [lưu](/luu-tru/2021/)\n",
    );
    t.build_ok();
    let hrefs = body_links(&t, "tin-tuc/bai/index.html");
    for want in [
        "../../index.html",
        "../../tin-tuc/index.html",
        "../../tin-tuc/a/index.html",
        "../../the/bac-kan/index.html",
        "../../rss.xml",
        "../../tim-kiem/index.html?q=H%C4%90ND&x=1#ket-qua",
        "../../gioi-thieu/index.html",
        "../../tep/bang.txt",
        "../../tin-tuc/index.html#noi-dung",
        "../../luu-tru/2021/index.html",
    ] {
        assert!(hrefs.iter().any(|h| h == want), "{want} not in {hrefs:#?}");
    }
    assert!(
        !hrefs.iter().any(|h| h.starts_with('/')),
        "no link from the host's root: {hrefs:#?}"
    );
    // The section's and the page's bodies are resolved from their own pages.
    let section = body_links(&t, "tin-tuc/index.html");
    assert!(
        section.contains(&"../tin-tuc/bai/index.html".to_string())
            && section.contains(&"../gioi-thieu/index.html".to_string()),
        "{section:#?}"
    );
    let page = body_links(&t, "gioi-thieu/index.html");
    assert!(
        page.contains(&"../tin-tuc/index.html".to_string())
            && page.contains(&"../index.html".to_string()),
        "{page:#?}"
    );
    assert_links_resolve(&t.out());
    // Without `index.html` in links, folders stay folders.
    let t = site(
        "link_index_html: false\n",
        "Đoạn đầu.\n\n[tin](/tin-tuc/) [mục](../)\n",
    );
    t.build_ok();
    let hrefs = body_links(&t, "tin-tuc/bai/index.html");
    assert_eq!(
        hrefs.iter().filter(|h| *h == "../../tin-tuc/").count(),
        2,
        "{hrefs:#?}"
    );
}

#[test]
fn site_paths_that_lead_nowhere_are_errors_at_their_place() {
    let t = site(
        "",
        "Xem [x](/tin-tc/) và [y](khong-co/).\n\
         [z](trang.html) [v](/gioi-thieu/ban-do.html) [u](/tin-tuc/a/index.htm)\n",
    );
    let e = t.build_errors();
    let got: Vec<_> = e
        .iter()
        .map(|d| (d.id(), d.location(), d.message_en(), d.hint_en()))
        .collect();
    let at = |line: usize, col: usize| format!("content/tin-tuc/bai/index.md:{line}:{col}");
    assert_eq!(got.len(), 5, "{got:#?}");
    assert!(got.iter().all(|g| g.0 == "BT0092"), "{got:#?}");
    let locations: Vec<_> = got.iter().map(|g| g.1.clone()).collect();
    assert_eq!(
        locations,
        [at(6, 5), at(6, 22), at(7, 1), at(7, 17), at(7, 46)]
    );
    assert_eq!(
        got[0].2,
        "link `/tin-tc/` leads to no page or file of the site"
    );
    let hint = |i: usize| got[i].3.clone().unwrap_or_default();
    assert!(hint(0).contains("`/tin-tuc/`"), "did you mean: {got:#?}");
    assert!(
        got[1].2.contains("`/tin-tuc/bai/khong-co/`"),
        "{}",
        got[1].2
    );
    assert!(hint(4).contains("`/tin-tuc/a/index.html`"), "{got:#?}");
    // `check` reports the same.
    let (code, _, err) = t.run(&["check"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(err.matches("BT0092").count(), 5, "{err}");
    // A path above the site's root leaves it (under a sub-path, for another site).
    for (body, col) in [("[w](../../../../x/)", 1), ("Chữ [w](/../x/)", 5)] {
        let t = site("", body);
        let e = t.build_errors();
        assert_eq!(e.len(), 1, "{e:#?}");
        assert_eq!(e[0].location(), at(6, col));
        assert!(
            e[0].message_en().contains("outside the site"),
            "{}",
            e[0].message_en()
        );
    }
}
#[test]
fn a_footnote_defined_twice_is_an_error_at_the_second_definition() {
    let t = site(
        "",
        "Câu[^1] và câu[^a] và[^1].\n\n[^1]: Một.\n[^1]: Hai.\n[^a]: Ba.\n[^A]: Bốn.\n",
    );
    let e = t.build_errors();
    let got: Vec<_> = e.iter().map(|d| (d.id(), d.location())).collect();
    assert_eq!(
        got,
        [
            ("BT0093", "content/tin-tuc/bai/index.md:9:1".to_string()),
            ("BT0093", "content/tin-tuc/bai/index.md:11:1".to_string()),
        ]
    );
    assert!(
        e[0].message_en().contains("line 8"),
        "{}",
        e[0].message_en()
    );
    // Distinct labels build, each with its own ids.
    let t = site("", "Câu[^1] và[^2].\n\n[^1]: Một.\n[^2]: Hai.\n");
    t.build_ok();
    assert_ids_unique(&t.read("tin-tuc/bai/index.html"));
}

#[test]
fn raw_ids_never_repeat_an_id_of_the_page() {
    let config = "markdown: {unsafe_html: true}\nmenu:\n  - title: Tin\n    path: tin-tuc/\n    \
                  children: [{title: A, path: tin-tuc/a/}]\n";
    let body = "## Mục\n\nCâu[^1].\n\n[^1]: Chú thích.\n\n\
                <div id=\"noi-dung\">x</div> <span id=\"fn-1\">y</span> <b id=\"menu_con_1\">m</b> \
                <i id=\"q\">1</i><i id=\"q\">2</i> <a id=\"rieng\"></a> <u id=\"\">e</u> \
                <s id=\"a b\">s</s> <em id=\"muc\">h</em> <strong id=\"giu\">g</strong>\n";
    let t = site(config, body);
    // A template of the site writes an id of its own.
    let theme = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/themes/default/templates/article.html"
    );
    let template = std::fs::read_to_string(theme).expect("the theme's article template");
    let template = template.replacen("</article>", "<p id=\"rieng\">x</p></article>", 1);
    assert!(template.contains("id=\"rieng\""));
    t.write("templates/article.html", &template);
    let r = t.build_ok();
    let page = t.read("tin-tuc/bai/index.html");
    assert_ids_unique(&page);
    for kept in [
        "<li id=\"fn-1\">",
        "<strong id=\"giu\">",
        "<i id=\"q\">1</i>",
        "<main id=\"noi-dung\"",
    ] {
        assert!(page.contains(kept), "{kept} in {page}");
    }
    let warned: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.id() == "BT0094")
        .map(|w| (w.location(), w.message_en()))
        .collect();
    assert_eq!(warned.len(), 7, "{warned:#?}");
    assert!(
        warned
            .iter()
            .all(|w| w.0.starts_with("content/tin-tuc/bai/index.md:12:")),
        "{warned:#?}"
    );
    // The heading keeps an id of its own beside the raw `muc`.
    assert!(page.contains("<h2 id=\"muc-1\">Mục</h2>"), "{page}");
}
