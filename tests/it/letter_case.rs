//! Two output paths that differ only in letter case are one file on Windows
//! and macOS: the site would lose one of them when copied there.

use crate::support::{article, png_header, SiteTest};
use bantin::diag::Lang;

fn site() -> SiteTest {
    let t = SiteTest::new();
    t.write(
        "content/lien-he.md",
        "---\ntitle: Liên hệ\n---\n\nĐiện thoại.\n",
    );
    t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
    t.write(
        "content/tin-tuc/2021/le/index.md",
        &article("Lễ", "2021-01-01", "", "Ảnh ![Lễ](anh.png)"),
    );
    t.write_bytes("content/tin-tuc/2021/le/anh.png", &png_header(8, 8));
    t
}

/// The paths named by the build's errors, which must be exactly one error
/// per clash, naming both paths.
fn clash(t: &SiteTest, a: &str, b: &str) {
    let errors = t.build_errors();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let (vi, en) = (errors[0].message(Lang::Vi), errors[0].message_en());
    for m in [&vi, &en] {
        assert!(m.contains(a) && m.contains(b), "{m}");
    }
    assert!(en.contains("letter case"), "{en}");
}

#[test]
fn a_site_without_such_paths_builds() {
    site().build_ok();
}

#[test]
fn files_of_a_bundle_differing_in_case() {
    let t = site();
    t.write_bytes("content/tin-tuc/2021/le/ANH.png", &png_header(8, 8));
    clash(&t, "le/anh.png", "le/ANH.png");
}

#[test]
fn a_static_file_and_a_page() {
    let t = site();
    t.write("static/LIEN-HE/index.html", "<p>x</p>");
    clash(&t, "`lien-he`", "`LIEN-HE`");
}

#[test]
fn a_static_folder_and_a_section() {
    let t = site();
    t.write("static/Tin-Tuc/in.css", "p{}");
    clash(&t, "tin-tuc", "Tin-Tuc");
}

#[test]
fn vietnamese_capitals_fold_too() {
    let t = site();
    t.write("static/ĐỀ-ÁN.pdf", "%PDF-1.4");
    t.write("static/đề-án.pdf", "%PDF-1.4");
    clash(&t, "ĐỀ-ÁN.pdf", "đề-án.pdf");
}
