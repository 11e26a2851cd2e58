//! Images: made at several widths as WebP and JPEG (PNG with
//! transparency), offered with `<picture>`/`srcset`, stripped of their
//! metadata, cached between builds.

use std::path::Path;
use std::time::{Duration, SystemTime};

use bantin::diag::Code;
use bantin::media::testdata::jpeg_with_exif;

use crate::support::{article, assert_links_resolve, SiteTest};

/// A photo-like JPEG of `w` × `h` pixels (gradients, so that it encodes
/// like a photo and not like a flat colour).
fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([
            (x * 255 / w) as u8,
            (y * 255 / h) as u8,
            ((x ^ y) & 0xff) as u8,
        ])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

/// A PNG of `w` × `h` pixels, half transparent when `alpha`.
fn png(w: u32, h: u32, alpha: bool) -> Vec<u8> {
    let img = image::RgbaImage::from_fn(w, h, |x, y| {
        let a = if alpha && x < w / 2 { 0 } else { 255 };
        image::Rgba([(x % 256) as u8, (y % 256) as u8, 90, a])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// Width and height of the image file at `path`.
fn size_of(path: &Path) -> (u32, u32) {
    image::image_dimensions(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Moves the modification time of `path` an hour back, as for a photo
/// added some time ago (recent files are hashed again at every build).
fn age(path: &Path) {
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(SystemTime::now() - Duration::from_secs(3600))
        .unwrap();
}

fn site_with_photos() -> SiteTest {
    let t = SiteTest::new();
    t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
    t.write(
        "content/tin-tuc/ky-hop/index.md",
        &article(
            "Kỳ họp thứ năm",
            "2025-06-01T08:00:00+07:00",
            "image: anh-chinh.jpg\nimage_alt: Toàn cảnh kỳ họp\n",
            "Đại biểu thảo luận.\n\n![Biểu đồ ngân sách](bieu-do.png)\n\n![Ảnh nhỏ](anh-nho.jpg)\n",
        ),
    );
    t.write_bytes("content/tin-tuc/ky-hop/anh-chinh.jpg", &jpeg(2000, 1500));
    t.write_bytes("content/tin-tuc/ky-hop/bieu-do.png", &png(1200, 800, true));
    t.write_bytes("content/tin-tuc/ky-hop/anh-nho.jpg", &jpeg(300, 200));
    t
}

#[test]
fn images_are_made_at_each_width_never_larger_in_webp_and_a_fallback() {
    let t = site_with_photos();
    let r = t.build_ok();
    let out = t.out().join("tin-tuc/ky-hop");
    // 2000 px wide: the three widths, never 2000.
    for (w, h) in [(480, 360), (960, 720), (1600, 1200)] {
        for ext in ["webp", "jpg"] {
            let f = out.join(format!("anh-chinh-{w}w.{ext}"));
            assert_eq!(size_of(&f), (w, h), "{}", f.display());
        }
    }
    assert!(!out.join("anh-chinh-2000w.jpg").exists());
    // 1200 px wide, with transparency: PNG beside WebP, and its own width on top.
    let widths: Vec<u32> = [480, 960, 1200].to_vec();
    for w in &widths {
        assert!(out.join(format!("bieu-do-{w}w.webp")).exists());
        assert!(out.join(format!("bieu-do-{w}w.png")).exists());
        assert!(!out.join(format!("bieu-do-{w}w.jpg")).exists());
    }
    assert!(!out.join("bieu-do-1600w.png").exists());
    // 300 px wide: one size, its own.
    assert_eq!(size_of(&out.join("anh-nho-300w.jpg")), (300, 200));
    assert!(!out.join("anh-nho-480w.jpg").exists());
    // At the image's own path: its largest size (links to it still work;
    // the camera's pixels are not published). A PNG whose sizes are JPEG
    // stays itself, without metadata.
    assert_eq!(size_of(&out.join("anh-chinh.jpg")), (1600, 1200));
    assert_eq!(
        std::fs::read(out.join("anh-chinh.jpg")).unwrap(),
        std::fs::read(out.join("anh-chinh-1600w.jpg")).unwrap()
    );
    assert_eq!(size_of(&out.join("bieu-do.png")), (1200, 800));
    assert_eq!(r.variants, 6 + 6 + 2);
    assert_eq!(r.images.processed, 3);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn pages_offer_the_sizes_with_picture_srcset_sizes_and_dimensions() {
    let t = site_with_photos();
    t.build_ok();
    let page = t.read("tin-tuc/ky-hop/index.html");
    // The featured image: WebP source, JPEG fallback, its shape, loaded first.
    let page = page.replace("../../tin-tuc/ky-hop/", "");
    assert!(
        page.contains(
            "<source type=\"image/webp\" srcset=\"anh-chinh-480w.webp 480w, anh-chinh-960w.webp 960w, anh-chinh-1600w.webp 1600w\""
        ),
        "{page}"
    );
    assert!(page.contains("<img src=\"anh-chinh-960w.jpg\" srcset=\"anh-chinh-480w.jpg 480w, anh-chinh-960w.jpg 960w, anh-chinh-1600w.jpg 1600w\" sizes=\"(min-width: 50rem) 48rem, 100vw\" alt=\"Toàn cảnh kỳ họp\" width=\"1600\" height=\"1200\" fetchpriority=\"high\""), "{page}");
    // A body image: lazy, with its alt text and PNG fallback.
    let body = &page[page.find("class=\"prose\"").unwrap()..];
    assert!(body.contains("<picture><source type=\"image/webp\" srcset=\"bieu-do-480w.webp 480w, bieu-do-960w.webp 960w, bieu-do-1200w.webp 1200w\""), "{body}");
    assert!(body.contains("<img src=\"bieu-do-960w.png\" srcset=\"bieu-do-480w.png 480w, bieu-do-960w.png 960w, bieu-do-1200w.png 1200w\" sizes=\"(min-width: 50rem) 48rem, 100vw\" width=\"1200\" height=\"800\" alt=\"Biểu đồ ngân sách\" loading=\"lazy\" decoding=\"async\"></picture>"), "{body}");
    assert!(
        body.contains("<img src=\"anh-nho-300w.jpg\" srcset=\"anh-nho-300w.jpg 300w\""),
        "{body}"
    );
    // A listing shows a small thumbnail: the browser is told it is 12rem wide.
    let section = t.read("tin-tuc/index.html").replace("../tin-tuc/", "");
    assert!(section.contains("<picture class=\"card-image\"><source type=\"image/webp\" srcset=\"ky-hop/anh-chinh-480w.webp 480w,"), "{section}");
    assert!(
        section.contains("<img src=\"ky-hop/anh-chinh-480w.jpg\""),
        "{section}"
    );
    assert!(section.contains("sizes=\"12rem\""), "{section}");
    // Every file a srcset names exists.
    for (html, base) in [(&page, "tin-tuc/ky-hop"), (&section, "tin-tuc")] {
        for set in html.split("srcset=\"").skip(1) {
            let set = &set[..set.find('"').unwrap()];
            for item in set.split(", ") {
                let url = item.split(' ').next().unwrap();
                assert!(t.out().join(base).join(url).exists(), "{url} in a srcset");
            }
        }
    }
    assert_links_resolve(&t.out());
}

#[test]
fn published_images_carry_no_gps_serial_or_author_and_show_upright() {
    let t = SiteTest::new();
    t.write(
        "config.yaml",
        "title: \"Thử\"\nbase_url: \"https://thu.example.vn/\"\nimages: {widths: [16, 32, 48]}\n",
    );
    // 64 × 32 as stored, turned a quarter by its EXIF: 32 × 64 upright.
    let photo = jpeg_with_exif(64, 32, 6);
    for needle in ["SN-4711-BANTIN", "Nguyễn Văn Ảnh"] {
        assert!(
            contains(&photo, needle.as_bytes()),
            "the fixture holds {needle}"
        );
    }
    t.write(
        "content/tin/a/index.md",
        &article("Ảnh", "2025-01-01", "image: anh.jpg\n", "Bài.\n"),
    );
    t.write_bytes("content/tin/a/anh.jpg", &photo);
    // An image no page shows, and one of static/: stripped all the same.
    t.write_bytes("content/tin/a/khac.jpg", &photo);
    t.write_bytes("static/anh/logo.jpg", &photo);
    let r = t.build_ok();
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let out = t.out();
    let published: Vec<_> = walkdir::WalkDir::new(&out)
        .into_iter()
        .flatten()
        .filter(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x == "jpg" || x == "webp")
        })
        .map(|e| e.into_path())
        .collect();
    assert_eq!(published.len(), 3 + 2 * 2, "{published:?}");
    for f in &published {
        let bytes = std::fs::read(f).unwrap();
        for needle in ["SN-4711-BANTIN", "Nguyễn Văn Ảnh", "Canon"] {
            assert!(
                !contains(&bytes, needle.as_bytes()),
                "{needle} in {}",
                f.display()
            );
        }
    }
    // Sizes are upright, and so is the image at its own path (its largest
    // size); a copied original keeps only its orientation.
    assert_eq!(size_of(&out.join("tin/a/anh-16w.jpg")), (16, 32));
    assert_eq!(size_of(&out.join("tin/a/anh-32w.jpg")), (32, 64));
    assert!(!out.join("tin/a/anh-48w.jpg").exists());
    assert_eq!(size_of(&out.join("tin/a/anh.jpg")), (32, 64));
    for copied in ["tin/a/khac.jpg", "anh/logo.jpg"] {
        let bytes = std::fs::read(out.join(copied)).unwrap();
        assert_eq!(
            bantin::media::strip::orientation(&bytes),
            Some(6),
            "{copied}"
        );
    }
    let page = t.read("tin/a/index.html");
    assert!(page.contains("width=\"32\" height=\"64\""), "{page}");
}

#[test]
fn keep_originals_publishes_the_image_as_given_without_metadata() {
    let t = site_with_photos();
    t.write(
        "config.yaml",
        "title: \"Thử\"\nbase_url: \"https://thu.example.vn/\"\nimages: {keep_originals: true}\n",
    );
    t.write_bytes(
        "content/tin-tuc/ky-hop/anh-chinh.jpg",
        &jpeg_with_exif(2000, 1500, 6),
    );
    t.build_ok();
    let bytes = std::fs::read(t.out().join("tin-tuc/ky-hop/anh-chinh.jpg")).unwrap();
    assert_eq!(image::load_from_memory(&bytes).unwrap().width(), 2000);
    assert_eq!(bantin::media::strip::orientation(&bytes), Some(6));
    for needle in ["SN-4711-BANTIN", "Nguyễn Văn Ảnh"] {
        assert!(!contains(&bytes, needle.as_bytes()), "{needle}");
    }
    // Its sizes are upright: 1500 × 2000, so 1500 is its largest width.
    assert_eq!(
        size_of(&t.out().join("tin-tuc/ky-hop/anh-chinh-1500w.jpg")),
        (1500, 2000)
    );
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_second_build_finds_every_image_in_the_cache() {
    let t = site_with_photos();
    for f in ["anh-chinh.jpg", "bieu-do.png", "anh-nho.jpg"] {
        age(&t.root().join("content/tin-tuc/ky-hop").join(f));
    }
    let first = t.build_ok();
    assert_eq!((first.images.processed, first.images.reused), (3, 0));
    let page = t.read("tin-tuc/ky-hop/index.html");
    let second = t.build_ok();
    assert_eq!((second.images.processed, second.images.reused), (0, 3));
    // Unchanged files are known by their stamps: not even read to be hashed.
    assert_eq!(second.images.hashed, 0);
    assert_eq!(t.read("tin-tuc/ky-hop/index.html"), page);
    // A changed photo is made again, and only it.
    t.write_bytes("content/tin-tuc/ky-hop/anh-nho.jpg", &jpeg(320, 200));
    let third = t.build_ok();
    assert_eq!((third.images.processed, third.images.reused), (1, 2));
    assert!(t.exists("tin-tuc/ky-hop/anh-nho-320w.jpg"));
    assert!(t.root().join(".bantin-cache/images/stamps").is_file());
}

#[test]
fn a_damaged_image_is_a_warning_naming_it_and_the_build_goes_on() {
    let t = SiteTest::new();
    // Cut short, as a copy stopped half way leaves it.
    let mut broken = jpeg(400, 300);
    broken.truncate(broken.len() / 2);
    t.write(
        "content/tin/a/index.md",
        &article(
            "Ảnh",
            "2025-01-01",
            "",
            "![Hỏng](hong.jpg)\n\n![Rác](rac.png)\n",
        ),
    );
    t.write_bytes("content/tin/a/hong.jpg", &broken);
    t.write_bytes("content/tin/a/rac.png", b"not a picture at all");
    let r = t.build_ok();
    let mut found: Vec<(String, bool)> = r
        .warnings
        .iter()
        .filter_map(|w| match &*w.code {
            Code::ImageUnreadable { published, .. } => Some((w.location(), *published)),
            _ => None,
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("content/tin/a/hong.jpg".to_string(), true),
            ("content/tin/a/rac.png".to_string(), false)
        ],
        "{:?}",
        r.warnings
    );
    // The damaged JPEG is published as it is written; the file whose
    // metadata cannot be removed is not.
    assert!(t.exists("tin/a/hong.jpg"));
    assert!(!t.exists("tin/a/rac.png"));
    let page = t.read("tin/a/index.html");
    assert!(
        page.contains("src=\"../../tin/a/hong.jpg\" alt=\"Hỏng\""),
        "{page}"
    );
    assert!(!page.contains("<picture"), "{page}");
}

#[test]
fn an_image_over_the_size_limit_is_a_warning_and_still_made() {
    let t = site_with_photos();
    t.write(
        "config.yaml",
        "title: \"Thử\"\nbase_url: \"https://thu.example.vn/\"\nimages: {max_mb: 0}\n",
    );
    let r = t.build_ok();
    let big: Vec<String> = r
        .warnings
        .iter()
        .filter(|w| matches!(*w.code, Code::ImageTooLarge { .. }))
        .map(|w| w.location())
        .collect();
    assert_eq!(big.len(), 3, "{:?}", r.warnings);
    assert!(big.contains(&"content/tin-tuc/ky-hop/anh-chinh.jpg".to_string()));
    assert!(t.exists("tin-tuc/ky-hop/anh-chinh-480w.webp"));
}

#[test]
fn a_cache_folder_that_cannot_be_made_is_a_warning() {
    let t = site_with_photos();
    // A file where the folder would go.
    t.write(".bantin-cache", "not a folder");
    let r = t.build_ok();
    assert!(
        r.warnings
            .iter()
            .any(|w| matches!(*w.code, Code::CacheUnusable { .. })),
        "{:?}",
        r.warnings
    );
    assert!(t.exists("tin-tuc/ky-hop/anh-chinh-480w.webp"));
}

#[test]
fn bad_image_settings_are_errors_at_their_line() {
    for (setting, line) in [
        ("images: {widths: []}", "widths"),
        ("images:\n  widths: [480, 9000]", "9000"),
        ("images: {quality: 0}", "quality"),
    ] {
        let t = SiteTest::new();
        t.write(
            "config.yaml",
            &format!("title: \"Thử\"\nbase_url: \"https://thu.example.vn/\"\n{setting}\n"),
        );
        let e = t.build_config_errors();
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(matches!(*e[0].code, Code::ImageSetting { .. }), "{e:?}");
        assert!(e[0].line >= 3, "{setting}: {e:?} ({line})");
    }
}

#[test]
fn a_missing_body_image_is_an_error_at_its_line() {
    let t = SiteTest::new();
    t.write(
        "content/tin/a.md",
        &article("Bài", "2025-01-01", "", "Chữ.\n\n![Ảnh](khong-co.jpg)\n"),
    );
    let e = t.build_errors();
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(matches!(*e[0].code, Code::FileNotFound { image: true, .. }));
    assert_eq!((e[0].line, e[0].column), (8, 1));
}

#[test]
fn a_build_prunes_cache_entries_no_build_used_for_a_month() {
    let t = site_with_photos();
    t.build_ok();
    let img = t.root().join(".bantin-cache/images/img");
    let kept: Vec<_> = std::fs::read_dir(&img)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(kept.len(), 3);
    // The sizes of a photo since replaced, last used 40 days ago; and one
    // of a photo replaced yesterday (a `serve` may still show it).
    let old = img.join("00000000000000aa-00000000000000bb");
    let recent = img.join("00000000000000cc-00000000000000bb");
    for (dir, days) in [(&old, 40), (&recent, 1)] {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join("480x320.jpg"), b"x").unwrap();
        let f = std::fs::File::open(dir).unwrap();
        f.set_modified(SystemTime::now() - Duration::from_secs(days * 24 * 3600))
            .unwrap();
    }
    // Entries in use are old too: they stay.
    for k in &kept {
        std::fs::File::open(k)
            .unwrap()
            .set_modified(SystemTime::now() - Duration::from_secs(90 * 24 * 3600))
            .unwrap();
    }
    // `check` never prunes.
    let (code, _, err) = t.run(&["check", "-q"]);
    assert_eq!(code, 0, "{err}");
    assert!(old.exists());
    t.build_ok();
    assert!(!old.exists(), "an entry unused for 40 days is removed");
    assert!(recent.exists(), "an entry unused for a day stays");
    for k in &kept {
        assert!(k.exists(), "{} is in use", k.display());
    }
}
