//! Files of `content/` told by their bytes and every extension of their
//! name: a photo leaves without its GPS position whatever it is called, or
//! does not leave; a file a browser or a server runs (HTML, SVG, XML,
//! script) is never published from `content/`, nor offered as an
//! attachment; `static/` is the site's own and stays as it is, but for the
//! metadata of its images.

use std::path::Path;

use bantin::diag::Diagnostic;
use bantin::media::testdata::{self, SERIAL};

use crate::support::{article, SiteTest};

/// A mark that no page of bantin holds: where it is found, script from
/// content reached the output.
const XSS: &str = "bantin-xss-mark";

/// Every file under `out` whose bytes hold one of `needles`, with the needle.
fn files_holding(out: &Path, needles: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for e in walkdir::WalkDir::new(out).into_iter().flatten() {
        if !e.file_type().is_file() {
            continue;
        }
        let bytes = std::fs::read(e.path()).unwrap();
        for n in needles {
            if bytes.windows(n.len()).any(|w| w == n.as_bytes()) {
                found.push(format!("{} holds {n}", e.path().display()));
            }
        }
    }
    found
}

/// Every published file's path under `out`, `/` between segments.
fn published(out: &Path) -> Vec<String> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(out)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}

/// A site with one section and a bundle article whose body is `body`.
fn bundle(body: &str, extra: &str) -> SiteTest {
    let t = SiteTest::new();
    t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
    t.write(
        "content/tin-tuc/ky-hop/index.md",
        &article("Kỳ họp", "2025-06-01T08:00:00+07:00", extra, body),
    );
    t
}

/// The warnings of a build that must succeed.
fn warnings(t: &SiteTest) -> Vec<Diagnostic> {
    t.build_ok().warnings
}

/// The diagnostics of `list` with code `id`, as `file:line`.
fn at(list: &[Diagnostic], id: &str) -> Vec<String> {
    let mut v: Vec<String> = list
        .iter()
        .filter(|d| d.id() == id)
        .map(|d| format!("{}:{}", d.file.display(), d.line))
        .collect();
    v.sort();
    v
}

/// The PHOTO's names: under an image's extension, others and none.
const PHOTO_NAMES: &[&str] = &[
    "anh.jpg",
    "anh-ghi-chu.txt",
    "anh-quet.pdf",
    "anh-du-lieu.dat",
    "anh-khong-duoi",
    "anh-van-ban.doc",
    "anh-goc.bin",
];

#[test]
fn photos_leave_without_gps_or_serial_whatever_their_name() {
    let t = bundle("Ảnh kèm theo bài.", "");
    let photo = testdata::jpeg_with_exif(64, 48, 1);
    for name in PHOTO_NAMES {
        t.write_bytes(&format!("content/tin-tuc/ky-hop/{name}"), &photo);
    }
    // GIF, stripped whatever it is called.
    t.write_bytes(
        "content/tin-tuc/ky-hop/hoat-hinh.gif",
        &testdata::gif_with_metadata(3),
    );
    t.write_bytes(
        "content/tin-tuc/ky-hop/hoat-hinh-2.jpg",
        &testdata::gif_with_metadata(2),
    );
    t.write_bytes(
        "content/tin-tuc/ky-hop/png.dat",
        &testdata::png_with_exif(8, 8, 1, false),
    );
    t.write_bytes(
        "content/tin-tuc/ky-hop/webp",
        &testdata::webp_with_exif(8, 8, 1),
    );
    t.build_ok();
    let found = files_holding(&t.out(), &[SERIAL, "GPS", testdata::ARTIST]);
    assert!(found.is_empty(), "{found:#?}");
    // The GIFs are published, their frames and looping kept.
    let out = t.out().join("tin-tuc/ky-hop");
    assert_eq!(
        std::fs::read(out.join("hoat-hinh.gif")).unwrap(),
        testdata::gif(3)
    );
    assert_eq!(
        std::fs::read(out.join("hoat-hinh-2.jpg")).unwrap(),
        testdata::gif(2)
    );
    // None is offered as an attachment: a photo called `.pdf` or `.doc`
    // is not a document.
    let page = t.read("tin-tuc/ky-hop/index.html");
    for name in PHOTO_NAMES {
        assert!(!page.contains(name), "{name} offered:\n{page}");
    }
}

#[test]
fn a_photo_under_another_format_s_name_is_a_warning_naming_it() {
    let t = bundle("Ảnh kèm theo bài.", "");
    let photo = testdata::jpeg_with_exif(16, 16, 1);
    for name in &PHOTO_NAMES[1..] {
        t.write_bytes(&format!("content/tin-tuc/ky-hop/{name}"), &photo);
    }
    let w = warnings(&t);
    let mut want: Vec<String> = PHOTO_NAMES[1..]
        .iter()
        .map(|n| format!("content/tin-tuc/ky-hop/{n}:0"))
        .collect();
    want.sort();
    assert_eq!(at(&w, "BT0090"), want, "{w:#?}");
    let en = w.iter().find(|d| d.id() == "BT0090").unwrap().message_en();
    assert!(en.contains("JPEG"), "{en}");
}

#[test]
fn heic_avif_tiff_and_raw_files_are_not_published_whatever_their_name() {
    let t = bundle("Ảnh kèm theo bài.", "");
    let heic = testdata::iso_image_with_exif(b"heic");
    let avif = testdata::iso_image_with_exif(b"avif");
    let tiff = testdata::tiff_with_exif();
    let files: &[(&str, &[u8])] = &[
        ("IMG_0001.HEIC", &heic),
        ("IMG_0002.jpg", &heic),
        ("IMG_0003", &heic),
        ("anh.avif", &avif),
        ("anh-avif.jpg", &avif),
        ("scan.tif", &tiff),
        ("scan.dat", &tiff),
        ("scan-2.png", &tiff),
    ];
    for (name, bytes) in files {
        t.write_bytes(&format!("content/tin-tuc/ky-hop/{name}"), bytes);
    }
    let w = warnings(&t);
    let mut want: Vec<String> = files
        .iter()
        .map(|(n, _)| format!("content/tin-tuc/ky-hop/{n}:0"))
        .collect();
    want.sort();
    assert_eq!(at(&w, "BT0090"), want, "{w:#?}");
    let found = files_holding(&t.out(), &[SERIAL, "GPS"]);
    assert!(found.is_empty(), "{found:#?}");
    let all = published(&t.out());
    for (name, _) in files {
        assert!(
            !all.iter().any(|p| p.ends_with(name)),
            "{name} published: {all:?}"
        );
    }
    // The HEIC message says how phones make it and how to get a JPEG.
    let heic = w
        .iter()
        .find(|d| d.file.ends_with("IMG_0001.HEIC"))
        .unwrap();
    let vi = heic.report(bantin::lang::Lang::Vi);
    assert!(
        vi.contains("Tương thích nhất") && vi.contains("JPEG"),
        "{vi}"
    );
    let en = heic.report(bantin::lang::Lang::En);
    assert!(
        en.contains("Most Compatible") && en.contains("JPEG"),
        "{en}"
    );
}

#[test]
fn a_page_that_shows_or_links_an_image_it_cannot_publish_is_an_error_at_the_line() {
    let t = bundle(
        "Mở đầu.\n\n![Toàn cảnh](IMG_0001.HEIC)\n\n[Ảnh gốc](scan.tif) và [bản quét](anh-quet.pdf).\n\n![Bìa](bia.jpg)\n",
        "image: anh-dai-dien.jpg\n",
    );
    t.write_bytes(
        "content/tin-tuc/ky-hop/IMG_0001.HEIC",
        &testdata::iso_image_with_exif(b"heic"),
    );
    t.write_bytes(
        "content/tin-tuc/ky-hop/scan.tif",
        &testdata::tiff_with_exif(),
    );
    t.write_bytes(
        "content/tin-tuc/ky-hop/anh-quet.pdf",
        &testdata::jpeg_with_exif(16, 16, 1),
    );
    t.write_bytes(
        "content/tin-tuc/ky-hop/bia.jpg",
        &testdata::iso_image_with_exif(b"avif"),
    );
    t.write_bytes(
        "content/tin-tuc/ky-hop/anh-dai-dien.jpg",
        &testdata::iso_image_with_exif(b"heic"),
    );
    let errors = t.build_errors();
    let f = "content/tin-tuc/ky-hop/index.md";
    // Front matter: title, date, image on line 4; the body from line 7.
    assert_eq!(
        at(&errors, "BT0091"),
        [
            format!("{f}:11"),
            format!("{f}:11"),
            format!("{f}:13"),
            format!("{f}:4"),
            format!("{f}:9"),
        ],
        "{errors:#?}"
    );
}

/// Files a browser or a server runs, under names that say so and under
/// innocent ones.
const ACTIVE: &[(&str, &str)] = &[
    ("bao-cao.html", "<p>Báo cáo</p>"),
    ("bao-cao-cu.html.bak", "<p>x</p>"),
    (
        "ban-do.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>bantin-xss-mark</script></svg>",
    ),
    (
        "ban-do-2.svg.txt",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    ),
    ("tien-ich.js", "alert('bantin-xss-mark')"),
    ("tien-ich.js.old", "alert(1)"),
    ("du-lieu.xml", "<?xml version=\"1.0\"?><a/>"),
    ("trang.php", "<?php echo 1;"),
    ("ghi-chu.txt", "  <script>alert('bantin-xss-mark')</script>"),
    (
        "thong-bao.pdf",
        "\u{FEFF}<!DOCTYPE html><html><body onload=\"bantin-xss-mark\">",
    ),
    ("so-lieu.csv", "<IFRAME src=x></IFRAME>"),
    (
        "khong-duoi",
        "<?xml version=\"1.0\"?>\n<svg><script>bantin-xss-mark</script></svg>",
    ),
    ("trang.html.", "<p>x</p>"),
];

#[test]
fn files_that_run_are_not_published_from_content_and_warned_at_the_file() {
    let t = bundle("Xem tệp đính kèm.", "");
    for (name, text) in ACTIVE {
        t.write(&format!("content/tin-tuc/ky-hop/{name}"), text);
    }
    // Outside any bundle too.
    t.write("content/tai-lieu/trang-rieng.htm", "<p>x</p>");
    t.write(
        "content/tai-lieu/bang.xlsx",
        "<script>bantin-xss-mark</script>",
    );
    let w = warnings(&t);
    let mut want: Vec<String> = ACTIVE
        .iter()
        .map(|(n, _)| format!("content/tin-tuc/ky-hop/{n}:0"))
        .chain([
            "content/tai-lieu/bang.xlsx:0".to_string(),
            "content/tai-lieu/trang-rieng.htm:0".to_string(),
        ])
        .collect();
    want.sort();
    assert_eq!(at(&w, "BT0089"), want, "{w:#?}");
    let found = files_holding(&t.out(), &[XSS]);
    assert!(found.is_empty(), "{found:#?}");
    let all = published(&t.out());
    assert!(!all.iter().any(|p| p.starts_with("tai-lieu/")), "{all:#?}");
    // Not offered as attachments.
    let page = t.read("tin-tuc/ky-hop/index.html");
    assert!(!page.contains("class=\"attachments\""), "offered:\n{page}");
    // The message says to move the site's own files to static/.
    let en = w
        .iter()
        .find(|d| d.id() == "BT0089")
        .unwrap()
        .report(bantin::lang::Lang::En);
    assert!(en.contains("static/"), "{en}");
}

#[test]
fn a_body_link_or_image_to_a_file_that_runs_is_an_error_at_its_line() {
    let t = bundle(
        "Xem [báo cáo](bao-cao.html).\n\n![Bản đồ](ban-do.svg)\n\n[Ghi chú](ghi-chu.txt), [tiện ích](tien-ich.js.old).\n\n[Thông báo](thong-bao.pdf)\n",
        "",
    );
    for (name, text) in ACTIVE {
        t.write(&format!("content/tin-tuc/ky-hop/{name}"), text);
    }
    let errors = t.build_errors();
    let f = "content/tin-tuc/ky-hop/index.md";
    assert_eq!(
        at(&errors, "BT0091"),
        [
            format!("{f}:10"),
            format!("{f}:10"),
            format!("{f}:12"),
            format!("{f}:6"),
            format!("{f}:8"),
        ],
        "{errors:#?}"
    );
}

#[test]
fn links_to_pages_that_end_in_html_are_left_alone() {
    // Hand-written links to pages of the site, or to a page of static/,
    // are not files of content/: no refusal for them (a site path that
    // leads nowhere is another error, tested with body links).
    let t = bundle(
        "[Trang chủ](../../index.html), [riêng](/trang-rieng.html).\n",
        "",
    );
    t.write("static/trang-rieng.html", "<p>Trang của cơ quan</p>");
    t.build_ok();
    assert!(t.exists("trang-rieng.html"));
}

#[test]
fn static_files_stay_as_the_site_made_them_but_its_images_are_stripped() {
    let t = bundle("Bài.", "");
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>site()</script></svg>";
    t.write("static/bieu-do.svg", svg);
    t.write("static/trang.html", "<script>site()</script>");
    t.write("static/tien-ich.js", "site()");
    let photo = testdata::jpeg_with_exif(16, 16, 1);
    t.write_bytes("static/anh/nen.dat", &photo);
    t.write_bytes("static/anh/nen.jpg", &photo);
    t.write_bytes("static/anh/dong.gif", &testdata::gif_with_metadata(2));
    t.write_bytes("static/favicon.ico", &testdata::ico_with_exif());
    let r = t.build_ok();
    assert!(r.warnings.is_empty(), "{:#?}", r.warnings);
    assert_eq!(t.read("bieu-do.svg"), svg);
    assert_eq!(t.read("trang.html"), "<script>site()</script>");
    assert!(t.exists("anh/nen.dat") && t.exists("anh/nen.jpg") && t.exists("favicon.ico"));
    let found = files_holding(&t.out(), &[SERIAL, "GPS"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn heic_and_tiff_in_static_are_not_published_and_the_logo_cannot_be_one() {
    let t = bundle("Bài.", "");
    t.write_bytes(
        "static/anh/nen.heic",
        &testdata::iso_image_with_exif(b"heic"),
    );
    t.write_bytes("static/anh/nen.jpg", &testdata::tiff_with_exif());
    let w = warnings(&t);
    assert_eq!(
        at(&w, "BT0090"),
        ["static/anh/nen.heic:0", "static/anh/nen.jpg:0"],
        "{w:#?}"
    );
    assert!(!t.exists("anh/nen.heic") && !t.exists("anh/nen.jpg"));
    // As the logo: an error at its line of config.yaml.
    t.write(
        "config.yaml",
        "title: \"Thử\"\nbase_url: \"https://thu.example.vn/\"\nlogo: anh/nen.heic\n",
    );
    let errors = t.build_config_errors();
    assert_eq!(at(&errors, "BT0091"), ["config.yaml:3"], "{errors:#?}");
}

#[test]
fn animated_images_shown_on_a_page_keep_their_frames() {
    let t = bundle(
        "![Hoạt hình](dong.gif)\n\n![Động](dong.png)\n\n![Chuyển động](dong.webp)\n",
        "",
    );
    t.write_bytes(
        "content/tin-tuc/ky-hop/dong.webp",
        &testdata::animated_webp_with_xmp(3),
    );
    t.write_bytes(
        "content/tin-tuc/ky-hop/dong.gif",
        &testdata::gif_with_metadata(3),
    );
    // A PNG with an animation chunk: resizing would keep its first frame.
    let still = testdata::png_with_exif(24, 24, 1, false);
    let mut apng = still[..33].to_vec();
    apng.extend(bantin::media::strip::png_chunk(
        b"acTL",
        &[0, 0, 0, 1, 0, 0, 0, 0],
    ));
    apng.extend_from_slice(&still[33..]);
    t.write_bytes("content/tin-tuc/ky-hop/dong.png", &apng);
    let r = t.build_ok();
    assert!(r.warnings.is_empty(), "{:#?}", r.warnings);
    let out = t.out().join("tin-tuc/ky-hop");
    assert_eq!(
        std::fs::read(out.join("dong.gif")).unwrap(),
        testdata::gif(3)
    );
    let png = std::fs::read(out.join("dong.png")).unwrap();
    assert!(png.windows(4).any(|w| w == b"acTL"), "animation lost");
    let webp = std::fs::read(out.join("dong.webp")).unwrap();
    let frames = webp.windows(4).filter(|w| w == b"ANMF").count();
    assert_eq!(frames, 3, "frames of the WebP");
    let all = published(&t.out());
    assert!(
        !all.iter()
            .any(|p| p.contains("dong-") && p.ends_with("w.webp")),
        "a still size made: {all:?}"
    );
    let found = files_holding(&t.out(), &[SERIAL, "GPS"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn logo_and_banner_are_offered_in_sizes_not_as_the_camera_made_them() {
    let t = bundle("Bài.", "");
    t.write_bytes(
        "static/bang-ron.jpg",
        &testdata::jpeg_with_exif(3000, 600, 1),
    );
    t.write_bytes(
        "static/logo-hdnd.png",
        &testdata::png_with_exif(1200, 1200, 1, true),
    );
    t.write(
        "config.yaml",
        "title: \"Thử\"\nbase_url: \"https://thu.example.vn/\"\nlogo: logo-hdnd.png\nbanner: {image: bang-ron.jpg, alt: \"Chào mừng kỳ họp\"}\n",
    );
    t.build_ok();
    // At its own path: its largest size, without metadata.
    let banner = image::image_dimensions(t.out().join("bang-ron.jpg")).unwrap();
    assert_eq!(banner, (1600, 320));
    let page = t.read("index.html");
    assert!(
        page.contains("bang-ron-480w.webp 480w") && page.contains("bang-ron-1600w.jpg 1600w"),
        "{page}"
    );
    assert!(page.contains("logo-hdnd-480w"), "{page}");
    let found = files_holding(&t.out(), &[SERIAL, "GPS"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn content_files_named_like_generated_pages_or_feeds_are_not_published() {
    for (file, out) in [
        ("content/tin-tuc/rss.xml", "tin-tuc/rss.xml"),
        ("content/sitemap.xml", "sitemap.xml"),
        ("content/luu-tru/index.html", "luu-tru/index.html"),
    ] {
        let t = bundle("Bài.", "");
        t.write(file, "<script>bantin-xss-mark</script>");
        let w = warnings(&t);
        assert_eq!(at(&w, "BT0089"), [format!("{file}:0")], "{w:#?}");
        // The generated file stands.
        assert!(!t.read(out).contains(XSS), "{out}");
    }
}
