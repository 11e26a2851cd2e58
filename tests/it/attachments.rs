//! Attachments: the files an article links to and the files of its bundle,
//! listed under it with their type and size; `download` on the links to
//! files a browser cannot show.

use bantin::serve::{ServeOptions, Site};

use crate::support::{article, assert_links_resolve, SiteTest};

/// A site with an article that links to a PDF of `static/`, a spreadsheet
/// elsewhere in `content/` and a file of its own bundle, and has two more
/// files in its bundle (one of them an image, which is not listed).
fn site(lang: &str) -> SiteTest {
    let t = SiteTest::new();
    t.write(
        "config.yaml",
        &format!(
            "title: \"Bản tin thử\"\nbase_url: \"https://thu.example.vn/\"\nlanguage: {lang}\n"
        ),
    );
    t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
    t.write(
        "content/tin-tuc/ky-hop/index.md",
        &article(
            "Kỳ họp thứ năm",
            "2025-06-01T08:00:00+07:00",
            "",
            "Toàn văn [Nghị quyết 05](/tep/Nghị%20quyết%2005.pdf) và \
             [số liệu](../../du-lieu/so-lieu.xlsx).\n\n\
             Phụ lục: [tải về](<Phụ lục.zip>); nghị quyết, [trang 2](/tep/Nghị%20quyết%2005.pdf#page=2).\n",
        ),
    );
    // 240 KiB, 1.2 MiB, 3 KiB, 820 bytes.
    t.write_bytes("static/tep/Nghị quyết 05.pdf", &vec![b'%'; 240 * 1024]);
    t.write_bytes(
        "content/tin-tuc/ky-hop/Biên bản họp.docx",
        &vec![b'd'; 1_258_291],
    );
    t.write_bytes("content/du-lieu/so-lieu.xlsx", &vec![b'x'; 3 * 1024]);
    t.write_bytes("content/tin-tuc/ky-hop/Phụ lục.zip", &vec![b'z'; 820]);
    // An image of the bundle is not an attachment.
    t.write(
        "content/tin-tuc/ky-hop/so-do.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    t
}

/// One listed file: its link, whether the link has `download`, and the
/// item's text as readers see it (tags removed).
#[derive(Debug, PartialEq)]
struct Item {
    href: String,
    download: bool,
    text: String,
}

/// The items of the attachments list of `page`.
fn listed(page: &str) -> Vec<Item> {
    let start = page
        .find("<section class=\"attachments\"")
        .unwrap_or_else(|| panic!("no attachments section:\n{page}"));
    let section = &page[start..start + page[start..].find("</section>").unwrap()];
    section
        .split("<li>")
        .skip(1)
        .map(|li| {
            let li = &li[..li.find("</li>").expect("closed item")];
            let a = &li[..li.find('>').unwrap()];
            let href = a.split("href=\"").nth(1).unwrap();
            Item {
                href: href[..href.find('"').unwrap()].to_string(),
                download: a.contains(" download"),
                text: text_of(li),
            }
        })
        .collect()
}

/// Text of an HTML fragment: tags dropped, spaces collapsed.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The opening `<a …>` tags of the article's text (its lead and body)
/// whose `href` contains `part`.
fn body_links<'p>(page: &'p str, part: &str) -> Vec<&'p str> {
    let start = page.find("<article").expect("article");
    let end = page
        .find("<p class=\"print-url\">")
        .expect("end of the body");
    let body = &page[start..end];
    body.match_indices("<a ")
        .map(|(i, _)| &body[i..i + body[i..].find('>').unwrap() + 1])
        .filter(|a| a.contains(part))
        .collect()
}

#[test]
fn linked_files_then_bundle_files_are_listed_once_with_type_and_size() {
    let t = site("vi");
    t.build_ok();
    let page = t.read("tin-tuc/ky-hop/index.html");
    let items = listed(&page);
    let want = [
        (
            "../../tep/Ngh%E1%BB%8B%20quy%E1%BA%BFt%2005.pdf",
            false,
            "Nghị quyết 05.pdf — PDF, 240 KB",
        ),
        (
            "../../du-lieu/so-lieu.xlsx",
            true,
            "so-lieu.xlsx — Excel, 3 KB",
        ),
        (
            "../../tin-tuc/ky-hop/Ph%E1%BB%A5%20l%E1%BB%A5c.zip",
            true,
            "Phụ lục.zip — ZIP, 820 byte",
        ),
        (
            "../../tin-tuc/ky-hop/Bi%C3%AAn%20b%E1%BA%A3n%20h%E1%BB%8Dp.docx",
            true,
            "Biên bản họp.docx — Word, 1,2 MB",
        ),
    ];
    let want: Vec<Item> = want
        .iter()
        .map(|(href, download, text)| Item {
            href: href.to_string(),
            download: *download,
            text: text.to_string(),
        })
        .collect();
    assert_eq!(items, want, "{page}");
    assert!(page.contains("<h2 id=\"tep-dinh-kem\">Tệp đính kèm</h2>"));
    // The type and size are text, read out with the name, not hidden.
    let start = page.find("<section class=\"attachments\"").unwrap();
    assert!(!page[start..]
        .split("</section>")
        .next()
        .unwrap()
        .contains("aria-hidden"));
    assert_links_resolve(&t.out());
}

#[test]
fn body_links_to_files_a_browser_cannot_show_download_them() {
    let t = site("vi");
    t.build_ok();
    let page = t.read("tin-tuc/ky-hop/index.html");
    let pdf = body_links(&page, ".pdf");
    assert_eq!(pdf.len(), 2, "{page}");
    assert!(pdf.iter().all(|a| !a.contains("download")), "{pdf:?}");
    assert!(pdf[1].contains(".pdf#page=2\""), "{pdf:?}");
    for part in [".xlsx", ".zip"] {
        let links = body_links(&page, part);
        assert_eq!(links.len(), 1, "{part}: {page}");
        assert!(links[0].ends_with("\" download>"), "{links:?}");
    }
}

#[test]
fn an_english_site_writes_sizes_and_types_in_english() {
    let t = site("en");
    t.build_ok();
    let page = t.read("tin-tuc/ky-hop/index.html");
    let texts: Vec<String> = listed(&page).into_iter().map(|i| i.text).collect();
    assert_eq!(
        texts,
        [
            "Nghị quyết 05.pdf — PDF, 240 KB",
            "so-lieu.xlsx — Excel, 3 KB",
            "Phụ lục.zip — ZIP, 820 bytes",
            "Biên bản họp.docx — Word, 1.2 MB",
        ]
    );
    assert!(page.contains(">Attachments</h2>"), "{page}");
}

#[test]
fn open_document_and_unknown_files_have_labels_and_a_missing_one_is_an_error() {
    let t = SiteTest::new();
    t.write_bytes("content/bao-cao/Báo cáo.odt", &[0; 2048]);
    t.write_bytes("content/bao-cao/bang.ods", &[0; 10]);
    t.write_bytes("content/bao-cao/ghi-am.mp3", &[0; 10]);
    t.write(
        "content/bao-cao/index.md",
        &article(
            "Báo cáo",
            "2025-06-01",
            "",
            "Xem [báo cáo](B%C3%A1o%20c%C3%A1o.odt).",
        ),
    );
    t.build_ok();
    let texts: Vec<(String, bool)> = listed(&t.read("bao-cao/index.html"))
        .into_iter()
        .map(|i| (i.text, i.download))
        .collect();
    assert_eq!(
        texts,
        [
            ("Báo cáo.odt — Văn bản ODT, 2 KB".to_string(), true),
            ("bang.ods — Bảng tính ODS, 10 byte".to_string(), true),
            // Browsers play sound: no `download`.
            ("ghi-am.mp3 — MP3, 10 byte".to_string(), false),
        ]
    );

    t.write(
        "content/bao-cao/index.md",
        &article(
            "Báo cáo",
            "2025-06-01",
            "",
            "Xem [báo cáo](B%C3%A1o%20c%C3%A1o.odt).\n\nVà [công văn](/tep/cong-van-12.docx).",
        ),
    );
    let errors = t.build_errors();
    let lines: Vec<String> = errors
        .iter()
        .map(|d| format!("{}: {}", d.location(), d.message_en()))
        .collect();
    assert_eq!(
        lines,
        ["content/bao-cao/index.md:8:4: link `/tep/cong-van-12.docx` not found: there is no file `content/tep/cong-van-12.docx` nor `static/tep/cong-van-12.docx`"],
    );
}

#[test]
fn a_changed_attachment_remakes_its_page_with_the_new_size() {
    let t = site("vi");
    let root = t.root().to_path_buf();
    let opts = ServeOptions {
        root: root.clone(),
        port: 0,
        drafts: false,
        future: false,
        open: false,
        lang: bantin::lang::Lang::En,
    };
    let base = "http://127.0.0.1:1111/";
    let mut site = Site::default();
    site.build(&opts, base).expect("first build");
    let page = |site: &Site| {
        let stored = site.files.get("tin-tuc/ky-hop/index.html").expect("page");
        let bantin::serve::memory::Stored::Bytes(b) = stored else {
            panic!("the page is held in memory");
        };
        String::from_utf8(b.to_vec()).unwrap()
    };
    let docx_item = |page: &str| {
        listed(page)
            .into_iter()
            .map(|i| i.text)
            .find(|t| t.starts_with("Biên bản họp.docx"))
            .expect("listed")
    };
    assert_eq!(docx_item(&page(&site)), "Biên bản họp.docx — Word, 1,2 MB");
    let docx = root.join("content/tin-tuc/ky-hop/Biên bản họp.docx");
    std::fs::write(&docx, vec![b'd'; 5 * 1024 * 1024]).unwrap();
    site.changed(&root, std::slice::from_ref(&docx));
    site.build(&opts, base).expect("rebuild");
    assert_eq!(docx_item(&page(&site)), "Biên bản họp.docx — Word, 5 MB");
}

#[test]
fn a_page_lists_its_files_too() {
    let t = SiteTest::new();
    t.write(
        "content/lien-he/index.md",
        "---\ntitle: Liên hệ\n---\n\nMẫu [đơn đề nghị](/tep/Mẫu%20đơn.docx).\n",
    );
    t.write_bytes("static/tep/Mẫu đơn.docx", &[0; 5000]);
    t.write_bytes("content/lien-he/Sơ đồ.pdf", &[0; 3000]);
    t.build_ok();
    let page = t.read("lien-he/index.html");
    let items: Vec<(String, bool)> = listed(&page)
        .into_iter()
        .map(|i| (i.text, i.download))
        .collect();
    assert_eq!(
        items,
        [
            ("Mẫu đơn.docx — Word, 5 KB".to_string(), true),
            ("Sơ đồ.pdf — PDF, 3 KB".to_string(), false),
        ]
    );
    assert_links_resolve(&t.out());
}
