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

// ── The cache folder: never through a link, every entry checked, a
// private fallback, a memory budget ──────────────────────────────────────

/// `site_with_photos`, with one more photo (with its camera's EXIF) that
/// no page shows: published stripped, through `strip/` of the cache.
fn site_with_a_stripped_photo() -> SiteTest {
    let t = site_with_photos();
    t.write_bytes(
        "content/tin-tuc/ky-hop/khac.jpg",
        &jpeg_with_exif(120, 80, 1),
    );
    t
}

/// Every path under `dir` (links not followed) with what it is: the hash
/// of a file's bytes or of a link's target, `None` for a folder.
#[cfg(unix)]
fn tree(dir: &Path) -> Vec<(std::path::PathBuf, Option<u64>)> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .map(|e| {
            let what = if e.path_is_symlink() {
                let target = std::fs::read_link(e.path()).unwrap();
                Some(bantin::media::cache::hash_bytes(
                    target.as_os_str().as_encoded_bytes(),
                ))
            } else if e.file_type().is_file() {
                Some(bantin::media::cache::hash_bytes(
                    &std::fs::read(e.path()).unwrap(),
                ))
            } else {
                None
            };
            (e.path().to_path_buf(), what)
        })
        .collect()
}

/// The files under `dir` named `name`, links not followed.
fn files_named(dir: &Path, name: &str) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_name() == name && e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

/// Regular files under `dir`, links not followed.
fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

/// Sets the modification time of `path` (a file or a folder) `days` back.
fn age_days(path: &Path, days: u64) {
    std::fs::File::open(path)
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(days * 24 * 3600))
        .unwrap();
}

/// Runs `bantin build` in `t` with the temporary folder `tmp` and `env`;
/// exit code and stderr.
fn build_with_env(t: &SiteTest, tmp: &Path, env: &[(&str, &str)]) -> (i32, String) {
    let mut c = crate::support::bantin();
    c.env("TMPDIR", tmp)
        .args(["build", "-q"])
        .current_dir(t.root());
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().expect("run bantin");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The published files of the photos, which must never carry `SERIAL`.
const PUBLISHED: &[&str] = &[
    "tin-tuc/ky-hop/anh-chinh.jpg",
    "tin-tuc/ky-hop/anh-chinh-1600w.jpg",
    "tin-tuc/ky-hop/anh-chinh-480w.webp",
    "tin-tuc/ky-hop/khac.jpg",
];

fn assert_published_clean(t: &SiteTest, case: &str) {
    for f in PUBLISHED {
        let bytes = std::fs::read(t.out().join(f)).unwrap_or_else(|e| panic!("{case}: {f}: {e}"));
        assert!(
            !contains(&bytes, bantin::media::testdata::SERIAL.as_bytes()),
            "{case}: {f} is a private file"
        );
        assert!(image::load_from_memory(&bytes).is_ok(), "{case}: {f}");
    }
}

#[cfg(unix)]
#[test]
fn a_cache_folder_that_is_a_link_is_refused_and_nothing_goes_through_it() {
    for (linked, inside) in [(".bantin-cache", "images/"), (".bantin-cache/images", "")] {
        let t = site_with_a_stripped_photo();
        let outside = tempfile::tempdir().unwrap();
        let tmp = tempfile::tempdir().unwrap();
        // What a prune would find there: old entries, an old file.
        let old = outside
            .path()
            .join(format!("{inside}img/00000000000000aa-0000000000000001"));
        std::fs::create_dir_all(&old).unwrap();
        std::fs::write(old.join("480x320.jpg"), b"someone's file").unwrap();
        let old_file = outside
            .path()
            .join(format!("{inside}strip/00000000000000aa.jpg"));
        std::fs::create_dir_all(old_file.parent().unwrap()).unwrap();
        std::fs::write(&old_file, b"someone else's file").unwrap();
        for p in [&old, &old_file] {
            age_days(p, 90);
        }
        let before = tree(outside.path());
        let link = t.root().join(linked);
        std::fs::create_dir_all(link.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(outside.path(), &link).unwrap();
        let (code, err) = build_with_env(&t, tmp.path(), &[]);
        assert_eq!(code, 0, "{linked}: {err}");
        assert!(err.contains("BT0086"), "{linked}: {err}");
        assert_eq!(
            tree(outside.path()),
            before,
            "{linked}: written or pruned through the link"
        );
        assert_published_clean(&t, linked);
        assert!(t.exists("tin-tuc/ky-hop/anh-chinh-960w.webp"), "{linked}");
    }
}

#[cfg(unix)]
#[test]
fn links_planted_inside_the_cache_are_never_followed_nor_published() {
    let outside = tempfile::tempdir().unwrap();
    let private = outside.path().join("bi-mat.jpg");
    // Same size as the largest JPEG size of the featured photo: only its
    // bytes tell it apart.
    std::fs::write(&private, jpeg_with_exif(1600, 1200, 1)).unwrap();
    let private_dir = outside.path().join("thu-muc");
    type Plant = fn(&Path, &Path, &Path);
    let cases: [(&str, Plant); 3] = [
        ("a size of an entry", |cache, private, _| {
            for f in files_named(&cache.join("img"), "1600x1200.jpg") {
                std::fs::remove_file(&f).unwrap();
                std::os::unix::fs::symlink(private, &f).unwrap();
            }
        }),
        ("a whole entry", |cache, private, private_dir| {
            let f = files_named(&cache.join("img"), "1600x1200.jpg").remove(0);
            let entry = f.parent().unwrap();
            // The entry's files, moved out of the site, one of them private.
            std::fs::create_dir_all(private_dir).unwrap();
            for f in std::fs::read_dir(entry).unwrap().flatten() {
                std::fs::copy(f.path(), private_dir.join(f.file_name())).unwrap();
            }
            std::fs::copy(private, private_dir.join("1600x1200.jpg")).unwrap();
            std::fs::remove_dir_all(entry).unwrap();
            std::os::unix::fs::symlink(private_dir, entry).unwrap();
        }),
        ("a stripped file", |cache, private, _| {
            for f in files_under(&cache.join("strip")) {
                std::fs::remove_file(&f).unwrap();
                std::os::unix::fs::symlink(private, &f).unwrap();
            }
        }),
    ];
    for (case, plant) in cases {
        let t = site_with_a_stripped_photo();
        t.build_ok();
        let cache = t.root().join(".bantin-cache/images");
        plant(&cache, &private, &private_dir);
        let before = tree(outside.path());
        t.build_ok();
        assert_published_clean(&t, case);
        assert_eq!(tree(outside.path()), before, "{case}");
        // The links are gone from the cache, replaced by real entries.
        let links: Vec<_> = walkdir::WalkDir::new(&cache)
            .into_iter()
            .flatten()
            .filter(|e| e.path_is_symlink())
            .map(|e| e.into_path())
            .collect();
        assert!(links.is_empty(), "{case}: {links:?}");
        let _ = std::fs::remove_dir_all(&private_dir);
    }
}

#[cfg(unix)]
#[test]
fn a_stamps_file_that_is_a_link_is_neither_read_nor_written_through() {
    let t = site_with_photos();
    let dir = t.root().join("content/tin-tuc/ky-hop");
    for f in ["anh-chinh.jpg", "bieu-do.png", "anh-nho.jpg"] {
        age(&dir.join(f));
    }
    // Stamps out of the site that claim other contents for the photos,
    // under the header of the current layout, so only the link rule
    // stops them.
    let outside = tempfile::tempdir().unwrap();
    let mut forged = String::from("bantin image stamps v3\n");
    for f in ["anh-chinh.jpg", "bieu-do.png", "anh-nho.jpg"] {
        let meta = std::fs::metadata(dir.join(f)).unwrap();
        let ns = meta
            .modified()
            .unwrap()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        forged.push_str(&format!(
            "{}\t{ns}\t00000000000000aa\t{}\n",
            meta.len(),
            dir.join(f).display()
        ));
    }
    let stamps = outside.path().join("stamps");
    std::fs::write(&stamps, &forged).unwrap();
    let cache = t.root().join(".bantin-cache/images");
    std::fs::create_dir_all(&cache).unwrap();
    std::os::unix::fs::symlink(&stamps, cache.join("stamps")).unwrap();
    let r = t.build_ok();
    assert_eq!(
        r.images.hashed, 3,
        "the photos are read, not known by the link"
    );
    assert_eq!(std::fs::read_to_string(&stamps).unwrap(), forged);
    let names: Vec<String> = std::fs::read_dir(cache.join("img"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with("00000000000000aa")),
        "{names:?}"
    );
    assert!(!std::fs::symlink_metadata(cache.join("stamps"))
        .unwrap()
        .file_type()
        .is_symlink());
}

#[cfg(unix)]
#[test]
fn pruning_never_deletes_outside_the_cache() {
    let t = site_with_a_stripped_photo();
    t.build_ok();
    let cache = t.root().join(".bantin-cache/images");
    let outside = tempfile::tempdir().unwrap();
    // An old folder and an old file out of the site, linked from the cache
    // as entries are named.
    let folder = outside.path().join("ho-so");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("480x320.jpg"), b"a private file").unwrap();
    let file = outside.path().join("thu.jpg");
    std::fs::write(&file, b"a private letter").unwrap();
    age_days(&folder, 90);
    age_days(&file, 90);
    std::os::unix::fs::symlink(&folder, cache.join("img/00000000000000aa-0000000000000001"))
        .unwrap();
    std::os::unix::fs::symlink(&file, cache.join("strip/00000000000000aa.jpg")).unwrap();
    // And `img/` itself a link to a folder of old files.
    let old_entries = outside.path().join("cu");
    std::fs::create_dir_all(old_entries.join("00000000000000bb-0000000000000001")).unwrap();
    std::fs::write(
        old_entries.join("00000000000000bb-0000000000000001/480x320.jpg"),
        b"x",
    )
    .unwrap();
    age_days(&old_entries.join("00000000000000bb-0000000000000001"), 90);
    let before = tree(outside.path());
    let t2 = site_with_photos();
    t2.build_ok();
    let img2 = t2.root().join(".bantin-cache/images/img");
    std::fs::remove_dir_all(&img2).unwrap();
    std::os::unix::fs::symlink(&old_entries, &img2).unwrap();
    t.build_ok();
    t2.build_ok();
    assert_eq!(tree(outside.path()), before);
    assert_published_clean(&t, "pruned");
}

#[test]
fn an_entry_whose_files_were_changed_is_made_again_not_published() {
    type Change = fn(&Path);
    let cases: [(&str, Change); 4] = [
        ("same size, other bytes", |cache| {
            for f in files_named(&cache.join("img"), "1600x1200.jpg") {
                let mut b = std::fs::read(&f).unwrap();
                let mid = b.len() / 2;
                for x in &mut b[mid..mid + 64] {
                    *x ^= 0x5a;
                }
                std::fs::write(&f, b).unwrap();
            }
        }),
        ("another image of the same size", |cache| {
            for f in files_named(&cache.join("img"), "480x360.webp") {
                std::fs::write(&f, bantin::media::testdata::webp(480, 360)).unwrap();
            }
        }),
        ("cut short", |cache| {
            for f in files_named(&cache.join("img"), "1600x1200.jpg") {
                let b = std::fs::read(&f).unwrap();
                std::fs::write(&f, &b[..b.len() / 3]).unwrap();
            }
        }),
        ("the photo with its metadata", |cache| {
            for f in files_under(&cache.join("strip")) {
                std::fs::write(&f, jpeg_with_exif(120, 80, 1)).unwrap();
            }
        }),
    ];
    for (case, change) in cases {
        let t = site_with_a_stripped_photo();
        t.build_ok();
        let first: Vec<Vec<u8>> = PUBLISHED
            .iter()
            .map(|f| std::fs::read(t.out().join(f)).unwrap())
            .collect();
        change(&t.root().join(".bantin-cache/images"));
        t.build_ok();
        for (f, bytes) in PUBLISHED.iter().zip(&first) {
            assert!(
                std::fs::read(t.out().join(f)).unwrap() == *bytes,
                "{case}: {f} differs from what was made"
            );
        }
        assert_published_clean(&t, case);
    }
}

#[test]
fn a_stripped_file_of_an_older_version_is_made_again() {
    let t = site_with_a_stripped_photo();
    let photo = std::fs::read(t.root().join("content/tin-tuc/ky-hop/khac.jpg")).unwrap();
    let hash = bantin::media::cache::hash_bytes(&photo);
    // Left by an older bantin whose rules kept the camera's metadata.
    let strip = t.root().join(".bantin-cache/images/strip");
    std::fs::create_dir_all(&strip).unwrap();
    std::fs::write(strip.join(format!("{hash:016x}.jpg")), &photo).unwrap();
    t.build_ok();
    assert_published_clean(&t, "older stripped file");
}

/// A PNG signature and header claiming `width` × `height` pixels of 8-bit
/// RGB, with no picture after it.
fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    png_header_only(width, height, 8, 2)
}

/// A PNG signature and header claiming `width` × `height` pixels of
/// `depth` bits a channel, of colour type `colour` (2 RGB, 6 RGBA), and an
/// empty picture.
pub fn png_header_only(width: u32, height: u32, depth: u8, colour: u8) -> Vec<u8> {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[depth, colour, 0, 0, 0]);
    let mut f = b"\x89PNG\r\n\x1a\n".to_vec();
    f.extend_from_slice(&13u32.to_be_bytes());
    f.extend_from_slice(&ihdr);
    f.extend_from_slice(&crc32fast::hash(&ihdr).to_be_bytes());
    f.extend_from_slice(&[0, 0, 0, 0]);
    f.extend_from_slice(b"IDAT");
    f.extend_from_slice(&crc32fast::hash(b"IDAT").to_be_bytes());
    f
}

/// A small JPEG whose header claims `width` × `height` pixels.
fn jpeg_claiming(width: u16, height: u16) -> Vec<u8> {
    let mut jpeg = jpeg(8, 8);
    let sof = jpeg.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    jpeg[sof + 5..sof + 7].copy_from_slice(&height.to_be_bytes());
    jpeg[sof + 7..sof + 9].copy_from_slice(&width.to_be_bytes());
    jpeg
}

/// A site showing a real 1000 × 800 photo and two small files that claim
/// 16000 × 16000 pixels.
fn site_with_heavy_pictures() -> SiteTest {
    let t = SiteTest::new();
    t.write(
        "content/tin/a/index.md",
        &article(
            "Ảnh lớn",
            "2025-01-01",
            "",
            "![Ảnh](anh.jpg)\n\n![Khổng lồ](lon.png)\n\n![Khổng lồ](lon.jpg)\n",
        ),
    );
    t.write_bytes("content/tin/a/anh.jpg", &jpeg(1000, 800));
    t.write_bytes("content/tin/a/lon.png", &png_claiming(16000, 16000));
    t.write_bytes("content/tin/a/lon.jpg", &jpeg_claiming(16000, 16000));
    t
}

#[test]
fn an_image_over_the_memory_budget_is_reported_and_tried_again_next_time() {
    let t = site_with_heavy_pictures();
    let tmp = tempfile::tempdir().unwrap();
    let small = [("BANTIN_IMAGE_MEMORY_MB", "1")];
    for run in 0..2 {
        let (code, err) = build_with_env(&t, tmp.path(), &small);
        assert_eq!(code, 0, "{err}");
        for f in ["anh.jpg", "lon.png", "lon.jpg"] {
            assert!(
                err.lines().any(|l| l.contains("BT0088"))
                    && err.contains(&format!("content/tin/a/{f}")),
                "run {run}, {f}: {err}"
            );
        }
        assert!(!err.contains("damaged"), "{err}");
        assert!(!t.exists("tin/a/anh-480w.jpg"), "run {run}");
    }
    // With memory enough, the photo is made: the verdict was not kept.
    let (code, err) = build_with_env(&t, tmp.path(), &[("BANTIN_IMAGE_MEMORY_MB", "64")]);
    assert_eq!(code, 0, "{err}");
    assert!(t.exists("tin/a/anh-480w.jpg"), "{err}");
    assert_eq!(size_of(&t.out().join("tin/a/anh-960w.jpg")), (960, 768));
    // The files claiming 16000 × 16000 need more than 64 MB still.
    assert_eq!(err.matches("BT0088").count(), 2, "{err}");
}

#[cfg(target_os = "linux")]
#[test]
fn memory_the_system_refuses_is_the_memory_message_not_an_abort() {
    let t = SiteTest::new();
    t.write(
        "content/tin/a/index.md",
        &article("Ảnh", "2025-01-01", "", "![Khổng lồ](lon.png)\n"),
    );
    // 768 MB of pixels, under a limit of 1 GB of address space for the
    // whole process, while bantin's own budget would allow it.
    t.write_bytes("content/tin/a/lon.png", &png_claiming(16000, 16000));
    let tmp = tempfile::tempdir().unwrap();
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v 1000000 && exec '{}' build -q",
            env!("CARGO_BIN_EXE_bantin")
        ))
        .env("LANG", "en_US.UTF-8")
        .env("TMPDIR", tmp.path())
        .env("BANTIN_IMAGE_MEMORY_MB", "8000")
        .current_dir(t.root())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("BT0088"), "{err}");
}

/// The uid that owns `path`.
#[cfg(unix)]
fn owner(path: &Path) -> u32 {
    use std::os::unix::fs::MetadataExt;
    std::fs::symlink_metadata(path).unwrap().uid()
}

#[cfg(unix)]
#[test]
fn the_fallback_cache_in_the_temporary_folder_is_private_to_the_user() {
    use std::os::unix::fs::PermissionsExt;
    let t = site_with_a_stripped_photo();
    // The site's folder cannot hold the cache.
    t.write(".bantin-cache", "not a folder");
    let tmp = tempfile::tempdir().unwrap();
    let (code, err) = build_with_env(&t, tmp.path(), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("BT0082"), "{err}");
    let made: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(made.len(), 1, "{made:?}");
    let fallback = made[0].clone();
    let name = fallback.file_name().unwrap().to_string_lossy().into_owned();
    let uid = owner(t.root());
    assert!(name.contains(&format!("-{uid}-")), "{name} names its user");
    let mode = std::fs::metadata(&fallback).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700, "{name}: {mode:o}");
    // Another site of the same user has a folder of its own.
    let other = site_with_photos();
    other.write(".bantin-cache", "not a folder");
    assert_eq!(build_with_env(&other, tmp.path(), &[]).0, 0);
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 2);

    // Planted before the build under that name: a folder others can
    // write, and a link to a folder. Neither is used.
    type Plant = fn(&Path, &Path);
    let plants: [(&str, Plant); 3] = [
        ("writable by all", |at, _| {
            std::fs::create_dir(at).unwrap();
            std::fs::set_permissions(at, std::fs::Permissions::from_mode(0o777)).unwrap();
        }),
        ("writable by the group", |at, _| {
            std::fs::create_dir(at).unwrap();
            std::fs::set_permissions(at, std::fs::Permissions::from_mode(0o770)).unwrap();
        }),
        ("a link", |at, elsewhere| {
            std::os::unix::fs::symlink(elsewhere, at).unwrap();
        }),
    ];
    for (case, plant) in plants {
        std::fs::remove_dir_all(&fallback)
            .unwrap_or_else(|_| std::fs::remove_file(&fallback).unwrap());
        let elsewhere = tempfile::tempdir().unwrap();
        plant(&fallback, elsewhere.path());
        let (code, err) = build_with_env(&t, tmp.path(), &[]);
        assert_eq!(code, 0, "{case}: {err}");
        assert!(err.contains("BT0087"), "{case}: {err}");
        assert!(
            tree(elsewhere.path()).len() == 1,
            "{case}: written through the link"
        );
        if !std::fs::symlink_metadata(&fallback)
            .unwrap()
            .file_type()
            .is_symlink()
        {
            assert_eq!(
                std::fs::read_dir(&fallback).unwrap().count(),
                0,
                "{case}: used"
            );
        }
        assert_published_clean(&t, case);
        assert!(t.exists("tin-tuc/ky-hop/anh-chinh-480w.webp"), "{case}");
        let _ = std::fs::remove_file(&fallback);
    }
    // Nothing of the build is left behind in the temporary folder but
    // the planted folder and the other site's.
    let left: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert!(left.len() <= 2, "{left:?}");
}
