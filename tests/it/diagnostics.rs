//! Every diagnostic code, triggered by a small fixture site and printed in
//! Vietnamese and English; the reports are snapshots (`tests/it/snapshots/`).
//!
//! A changed message fails here until its snapshot is reviewed: run
//! `INSTA_UPDATE=always cargo test --test it diagnostics` (or `cargo insta
//! review`) and commit the `.snap` files.

use std::collections::BTreeSet;

use bantin::diag::{Code, Diagnostic, Lang};
use bantin::pipeline::Failure;

use crate::support::{article, SiteTest};

/// A fixture: the code it must produce, its name, and how it sets up a site.
struct Case {
    id: &'static str,
    name: &'static str,
    setup: fn(&SiteTest),
}

fn post(t: &SiteTest, front: &str, body: &str) {
    t.write(
        "content/tin-tuc/bai.md",
        &format!("---\n{front}---\n\n{body}\n"),
    );
}

fn post_at(t: &SiteTest, path: &str, front: &str) {
    t.write(path, &format!("---\n{front}---\n\nThân bài.\n"));
}

const CASES: &[Case] = &[
    Case {
        id: "BT0001",
        name: "encoding_legacy",
        setup: |t| {
            t.write_bytes(
                "content/bai.md",
                b"---\ntitle: C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca\ndate: 2021-01-01\n---\n",
            );
        },
    },
    Case {
        id: "BT0001",
        name: "encoding_utf32",
        setup: |t| {
            t.write_bytes("content/bai.md", b"\xFF\xFE\x00\x00-\x00\x00\x00");
        },
    },
    Case {
        id: "BT0002",
        name: "garbled",
        setup: |t| {
            t.write(
                "content/bai.md",
                &article(
                    "Bài",
                    "2021-01-01",
                    "",
                    "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
                ),
            );
        },
    },
    Case {
        id: "BT0003",
        name: "control_removed",
        setup: |t| post(t, "title: Bài\ndate: 2021-01-01\n", "Chữ\u{7} lạ."),
    },
    Case {
        id: "BT0004",
        name: "control_removed_more",
        setup: |t| {
            post(
                t,
                "title: Bài\ndate: 2021-01-01\n",
                &"Chữ\u{7} lạ.\n".repeat(12),
            );
        },
    },
    Case {
        id: "BT0005",
        name: "no_front_matter",
        setup: |t| {
            t.write("content/tin-tuc/bai.md", "Họp báo\n");
        },
    },
    Case {
        id: "BT0006",
        name: "front_matter_not_closed",
        setup: |t| {
            t.write(
                "content/tin-tuc/bai.md",
                "---\ntitle: Họp báo\n\nThân bài.\n",
            );
        },
    },
    Case {
        id: "BT0007",
        name: "yaml_config_duplicate",
        setup: |t| {
            t.write(
                "config.yaml",
                "title: \"Bản tin\"\nbase_url: \"https://thu.example.vn/\"\ntitle: \"Bản tin 2\"\n",
            );
        },
    },
    Case {
        id: "BT0007",
        name: "yaml_second_colon",
        setup: |t| post(t, "title: Thông báo: lịch tiếp dân\ndate: 2021-01-01\n", ""),
    },
    Case {
        id: "BT0007",
        name: "yaml_wrong_type",
        setup: |t| post(t, "title: Bài\ndate: 2021-01-01\ndraft: có\n", ""),
    },
    Case {
        id: "BT0008",
        name: "unknown_key",
        setup: |t| post(t, "title: Bài\ndate: 2021-01-01\ntag: [HĐND]\n", ""),
    },
    Case {
        id: "BT0009",
        name: "key_of_another_kind",
        setup: |t| {
            t.write(
                "content/tin-tuc/_index.md",
                "---\ntitle: Tin tức\ntags: [a]\n---\n",
            );
        },
    },
    Case {
        id: "BT0010",
        name: "unknown_section_kind",
        setup: |t| {
            t.write(
                "content/tin-tuc/_index.md",
                "---\ntitle: Tin tức\nkind: page\n---\n",
            );
        },
    },
    Case {
        id: "BT0011",
        name: "invalid_date",
        setup: |t| post(t, "title: Bài\ndate: 31/02/2021\n", ""),
    },
    Case {
        id: "BT0011",
        name: "invalid_date_weekday",
        setup: |t| post(t, "title: Bài\ndate: Thứ Năm, 15/10/2021\n", ""),
    },
    Case {
        id: "BT0012",
        name: "missing_title",
        setup: |t| post(t, "date: 2021-01-01\n", ""),
    },
    Case {
        id: "BT0013",
        name: "slug_without_letters",
        setup: |t| post(t, "title: Bài\ndate: 2021-01-01\nslug: \"---\"\n", ""),
    },
    Case {
        id: "BT0014",
        name: "unknown_taxonomy",
        setup: |t| {
            post(
                t,
                "title: Bài\ndate: 2021-01-01\ntaxonomies: {linh_vuc: [Y tế]}\n",
                "",
            )
        },
    },
    Case {
        id: "BT0015",
        name: "unusable_image",
        setup: |t| {
            post(
                t,
                "title: Bài\ndate: 2021-01-01\nimage: \"javascript:alert(1)\"\n",
                "",
            )
        },
    },
    Case {
        id: "BT0016",
        name: "unknown_setting",
        setup: |t| {
            t.write(
                "config.yaml",
                "title: \"Bản tin\"\nbase_url: \"https://thu.example.vn/\"\npaginte_by: 3\n",
            );
        },
    },
    Case {
        id: "BT0017",
        name: "cannot_read",
        setup: |t| {
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
            t.write("templates/.keep", "");
            #[cfg(unix)]
            std::os::unix::fs::symlink("khong-co.html", t.root().join("templates/base.html"))
                .expect("symlink");
        },
    },
    Case {
        id: "BT0018",
        name: "link_loop",
        setup: |t| {
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
            #[cfg(unix)]
            std::os::unix::fs::symlink("..", t.root().join("content/tin-tuc/vong"))
                .expect("symlink");
        },
    },
    Case {
        id: "BT0018",
        name: "link_skipped",
        setup: |t| {
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
            #[cfg(unix)]
            std::os::unix::fs::symlink("/etc", t.root().join("content/ngoai")).expect("symlink");
        },
    },
    Case {
        id: "BT0019",
        name: "name_not_unicode",
        setup: |t| {
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
            #[cfg(unix)]
            {
                use std::os::unix::ffi::OsStrExt;
                let name = std::ffi::OsStr::from_bytes(b"anh-\xff.jpg");
                std::fs::write(t.root().join("content").join(name), b"x").expect("write");
            }
        },
    },
    Case {
        id: "BT0020",
        name: "two_unicode_forms",
        setup: |t| {
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
            t.write("content/ho\u{e0}.jpg", "x");
            t.write("content/hoa\u{300}.jpg", "x");
        },
    },
    Case {
        id: "BT0021",
        name: "not_markdown_name",
        setup: |t| {
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
            t.write(
                "content/tin-tuc/hop.md.txt",
                "---\ntitle: Họp\ndate: 2021-01-01\n---\n",
            );
        },
    },
    Case {
        id: "BT0022",
        name: "raw_html_dropped",
        setup: |t| post(t, "title: Bài\ndate: 2021-01-01\n", "Chữ <b>đậm</b>."),
    },
    Case {
        id: "BT0023",
        name: "more_raw_html_dropped",
        setup: |t| {
            post(
                t,
                "title: Bài\ndate: 2021-01-01\n",
                &"Dòng <br>\n".repeat(22),
            )
        },
    },
    Case {
        id: "BT0024",
        name: "image_without_alt",
        setup: |t| {
            post(t, "title: Bài\ndate: 2021-01-01\n", "Ảnh: ![](anh.jpg)");
            t.write_bytes("content/tin-tuc/anh.jpg", &crate::support::png_header(4, 3));
        },
    },
    Case {
        id: "BT0025",
        name: "refused_url",
        setup: |t| {
            post(
                t,
                "title: Bài\ndate: 2021-01-01\n",
                "Xem [đây](javascript:alert(1)).",
            )
        },
    },
    Case {
        id: "BT0026",
        name: "computer_path",
        setup: |t| {
            post(
                t,
                "title: Bài\ndate: 2021-01-01\n",
                "![Hội nghị](C:\\Users\\Lan\\anh-hoi-nghi.jpg)",
            );
        },
    },
    Case {
        id: "BT0027",
        name: "link_outside_content",
        setup: |t| {
            post(
                t,
                "title: Bài\ndate: 2021-01-01\n",
                "Xem [bài cũ](../../../cu.md).",
            )
        },
    },
    Case {
        id: "BT0028",
        name: "dense_block",
        setup: |t| {
            t.write(
                "config.yaml",
                "title: \"Bản tin\"\nbase_url: \"https://thu.example.vn/\"\nlimits: {max_block_marks: 10}\n",
            );
            post(t, "title: Bài\ndate: 2021-01-01\n", &"[<".repeat(40_000));
        },
    },
    Case {
        id: "BT0029",
        name: "missing_date",
        setup: |t| {
            t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
            post(t, "title: Bài\n", "Thân bài.");
        },
    },
    Case {
        id: "BT0030",
        name: "image_not_found",
        setup: |t| {
            post(
                t,
                "title: Bài\ndate: 2021-01-01\nimage: anh-dai-dien.jpg\n",
                "",
            )
        },
    },
    Case {
        id: "BT0031",
        name: "link_to_failed",
        setup: |t| {
            post(
                t,
                "title: Bài\ndate: 2021-01-01\n",
                "Xem [bài lỗi](loi.md).",
            );
            t.write(
                "content/tin-tuc/loi.md",
                "---\ntitle: Lỗi\ndate: 31/02/2021\n---\n",
            );
        },
    },
    Case {
        id: "BT0032",
        name: "link_to_unpublished",
        setup: |t| {
            post(
                t,
                "title: Bài\ndate: 2021-01-01\n",
                "Xem [bài nháp](nhap.md).",
            );
            t.write(
                "content/tin-tuc/nhap.md",
                "---\ntitle: Nháp\ndate: 2021-01-01\ndraft: true\n---\n",
            );
        },
    },
    Case {
        id: "BT0033",
        name: "link_to_missing_page",
        setup: |t| {
            post(
                t,
                "title: Bài\ndate: 2021-01-01\n",
                "Xem [bài kia](bai-kai.md).",
            );
            t.write(
                "content/tin-tuc/bai-kia.md",
                "---\ntitle: Kia\ndate: 2021-01-01\n---\n",
            );
        },
    },
    Case {
        id: "BT0034",
        name: "file_not_found",
        setup: |t| {
            post(
                t,
                "title: Bài\ndate: 2021-01-01\n",
                "Tải [công văn](Cong-van.pdf).",
            );
            t.write("content/tin-tuc/cong-van.pdf", "%PDF");
        },
    },
    Case {
        id: "BT0035",
        name: "template",
        setup: |t| {
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
            t.write(
                "templates/article.html",
                "<h1>{{ page.title | khong_co_bo_loc }}</h1>\n",
            );
        },
    },
    Case {
        id: "BT0037",
        name: "bad_output_path",
        setup: |t| {
            post_at(
                t,
                "content/tin-tuc/con.md",
                "title: Bài\ndate: 2021-01-01\n",
            )
        },
    },
    Case {
        id: "BT0038",
        name: "same_output",
        setup: |t| {
            post(t, "title: Bài\ndate: 2021-01-01\nslug: hop\n", "");
            post_at(
                t,
                "content/tin-tuc/khac.md",
                "title: Khác\ndate: 2021-01-02\nslug: hop\n",
            );
        },
    },
    Case {
        id: "BT0039",
        name: "file_where_folder",
        setup: |t| {
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
            t.write("static/tin-tuc", "x");
        },
    },
    Case {
        id: "BT0042",
        name: "file_too_large",
        setup: |t| {
            t.write("config.yaml", "title: \"Bản tin\"\nbase_url: \"https://thu.example.vn/\"\nlimits: {max_file_mb: 1}\n");
            post(
                t,
                "title: Bài\ndate: 2021-01-01\n",
                &"Chữ. ".repeat(250_000),
            );
        },
    },
    Case {
        id: "BT0043",
        name: "bad_base_url_query",
        setup: |t| {
            t.write(
                "config.yaml",
                "title: \"Bản tin\"\nbase_url: \"https://thu.example.vn/?a=1\"\n",
            );
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
        },
    },
    Case {
        id: "BT0044",
        name: "not_a_site",
        setup: |_| {},
    },
    Case {
        id: "BT0045",
        name: "unknown_timezone",
        setup: |t| {
            t.write("config.yaml", "title: \"Bản tin\"\nbase_url: \"https://thu.example.vn/\"\ntimezone: Asia/Ha_Noi\n");
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
        },
    },
    Case {
        id: "BT0046",
        name: "unsupported_language",
        setup: |t| {
            t.write(
                "config.yaml",
                "title: \"Bản tin\"\nbase_url: \"https://thu.example.vn/\"\nlanguage: fr\n",
            );
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
        },
    },
    Case {
        id: "BT0047",
        name: "paginate_zero",
        setup: |t| {
            t.write(
                "config.yaml",
                "title: \"Bản tin\"\nbase_url: \"https://thu.example.vn/\"\npaginate_by: 0\n",
            );
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
        },
    },
    Case {
        id: "BT0048",
        name: "taxonomy_twice",
        setup: |t| {
            t.write("config.yaml", "title: \"Bản tin\"\nbase_url: \"https://thu.example.vn/\"\ntaxonomies: [tags, linh_vuc, linh_vuc]\n");
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
        },
    },
    Case {
        id: "BT0049",
        name: "bad_url_segment",
        setup: |t| {
            t.write("config.yaml", "title: \"Bản tin\"\nbase_url: \"https://thu.example.vn/\"\nurls: {archive: \"Lưu trữ\"}\n");
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
        },
    },
    Case {
        id: "BT0050",
        name: "bad_theme_name",
        setup: |t| {
            t.write(
                "config.yaml",
                "title: \"Bản tin\"\nbase_url: \"https://thu.example.vn/\"\ntheme: \"../chung\"\n",
            );
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
        },
    },
    Case {
        id: "BT0051",
        name: "menu_too_deep",
        setup: |t| {
            t.write("config.yaml", "title: \"Bản tin\"\nbase_url: \"https://thu.example.vn/\"\nmenu:\n  - title: Giới thiệu\n    path: gioi-thieu/\n    children:\n      - title: Lãnh đạo\n        path: lanh-dao/\n        children: [{title: Chủ tịch, path: chu-tich/}]\n");
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
        },
    },
    Case {
        id: "BT0052",
        name: "menu_bad_path",
        setup: |t| {
            t.write("config.yaml", "title: \"Bản tin\"\nbase_url: \"https://thu.example.vn/\"\nmenu: [{title: Liên hệ, path: \"javascript:alert(1)\"}]\n");
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
        },
    },
    Case {
        id: "BT0053",
        name: "contact_email",
        setup: |t| {
            t.write("config.yaml", "title: \"Bản tin\"\nbase_url: \"https://thu.example.vn/\"\ncontact: {email: \"hdnd @backan.gov.vn\"}\n");
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
        },
    },
    Case {
        id: "BT0054",
        name: "contact_phone",
        setup: |t| {
            t.write("config.yaml", "title: \"Bản tin\"\nbase_url: \"https://thu.example.vn/\"\ncontact: {phone: \"0209 387 xyz\"}\n");
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
        },
    },
    Case {
        id: "BT0055",
        name: "theme_not_found",
        setup: |t| {
            t.write(
                "config.yaml",
                "title: \"Bản tin\"\nbase_url: \"https://thu.example.vn/\"\ntheme: rieng\n",
            );
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
        },
    },
    Case {
        id: "BT0057",
        name: "not_in_static",
        setup: |t| {
            t.write(
                "config.yaml",
                "title: \"Bản tin\"\nbase_url: \"https://thu.example.vn/\"\nlogo: logo-hdnd.png\n",
            );
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
            t.write("static/logo-hdnd.jpg", "x");
        },
    },
    Case {
        id: "BT0058",
        name: "banner_without_alt",
        setup: |t| {
            t.write("config.yaml", "title: \"Bản tin\"\nbase_url: \"https://thu.example.vn/\"\nbanner: {image: bang-ron.jpg}\n");
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
            t.write("static/bang-ron.jpg", "x");
        },
    },
    Case {
        id: "BT0059",
        name: "menu_no_page",
        setup: |t| {
            t.write("config.yaml", "title: \"Bản tin\"\nbase_url: \"https://thu.example.vn/\"\nmenu: [{title: Giới thiệu, path: gioi-thieu/}]\n");
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
        },
    },
    Case {
        id: "BT0060",
        name: "unusable_alias",
        setup: |t| {
            post(
                t,
                "title: Bài\ndate: 2021-01-01\naliases: [\"https://cu.example.vn/a.html\"]\n",
                "",
            )
        },
    },
    Case {
        id: "BT0061",
        name: "term_without_slug",
        setup: |t| post(t, "title: Bài\ndate: 2021-01-01\ntags: [\"!!!\"]\n", ""),
    },
    Case {
        id: "BT0062",
        name: "terms_share_url",
        setup: |t| {
            post(t, "title: Bài\ndate: 2021-01-01\ntags: [Hòa]\n", "");
            post_at(
                t,
                "content/tin-tuc/khac.md",
                "title: Khác\ndate: 2021-01-02\ntags: [Hóa]\n",
            );
        },
    },
    Case {
        id: "BT0076",
        name: "synonym_of_two_words",
        setup: |t| {
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
            t.write(
                "config.yaml",
                "title: \"Thử\"\nsearch:\n  synonyms:\n    Kỳ họp: [KH]\n",
            );
        },
    },
    Case {
        id: "BT0078",
        name: "file_in_search_folder",
        setup: |t| {
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
            t.write("static/tim-kiem/chi-muc/meta.js", "x");
        },
    },
    Case {
        id: "BT0079",
        name: "image_too_large",
        setup: |t| {
            t.write(
                "config.yaml",
                "title: \"Thử\"\nbase_url: \"https://thu.example.vn/\"\nimages: {max_mb: 1}\n",
            );
            post(t, "title: Bài\ndate: 2021-01-01\n", "![Kỳ họp](anh.png)");
            t.write_bytes(
                "content/tin-tuc/anh.png",
                &crate::support::noise_png(700, 700),
            );
        },
    },
    Case {
        id: "BT0080",
        name: "image_unreadable",
        setup: |t| {
            post(t, "title: Bài\ndate: 2021-01-01\n", "![Kỳ họp](anh.jpg)");
            t.write("content/tin-tuc/anh.jpg", "Đây không phải là ảnh");
        },
    },
    Case {
        id: "BT0081",
        name: "image_setting",
        setup: |t| {
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
            t.write(
                "config.yaml",
                "title: \"Thử\"\nimages:\n  widths: [480, 96000]\n",
            );
        },
    },
    Case {
        id: "BT0082",
        name: "cache_unusable",
        setup: |t| {
            post(t, "title: Bài\ndate: 2021-01-01\n", "![Kỳ họp](anh.png)");
            t.write_bytes(
                "content/tin-tuc/anh.png",
                &crate::support::png_header(40, 30),
            );
            t.write(".bantin-cache", "");
        },
    },
    Case {
        id: "BT0086",
        name: "cache_link",
        setup: |t| {
            post(t, "title: Bài\ndate: 2021-01-01\n", "![Kỳ họp](anh.png)");
            t.write_bytes(
                "content/tin-tuc/anh.png",
                &crate::support::png_header(40, 30),
            );
            std::fs::create_dir_all(t.root().join("noi-khac")).unwrap();
            #[cfg(unix)]
            std::os::unix::fs::symlink("noi-khac", t.root().join(".bantin-cache")).unwrap();
            #[cfg(windows)]
            std::os::windows::fs::symlink_dir(
                t.root().join("noi-khac"),
                t.root().join(".bantin-cache"),
            )
            .unwrap();
        },
    },
    Case {
        id: "BT0088",
        name: "image_over_memory",
        setup: |t| {
            post(
                t,
                "title: Bài\ndate: 2021-01-01\n",
                "![Toàn cảnh](toan-canh.png)",
            );
            // 16383 × 16383 of 16-bit RGBA: 2 GB decoded, more than any
            // machine's budget (at most 2 GiB).
            t.write_bytes(
                "content/tin-tuc/toan-canh.png",
                &crate::images::png_header_only(16383, 16383, 16, 6),
            );
        },
    },
    Case {
        id: "BT0089",
        name: "active_file",
        setup: |t| {
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
            t.write("content/tin-tuc/bao-cao.html.bak", "<p>Báo cáo</p>");
            t.write("content/tin-tuc/ghi-chu.txt", "<script>alert(1)</script>");
            t.write(
                "content/tin-tuc/so-do.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            );
        },
    },
    Case {
        id: "BT0090",
        name: "image_not_published",
        setup: |t| {
            use bantin::media::testdata;
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
            t.write_bytes(
                "content/tin-tuc/IMG_0001.HEIC",
                &testdata::iso_image_with_exif(b"heic"),
            );
            t.write_bytes("content/tin-tuc/scan.tif", &testdata::tiff_with_exif());
            t.write_bytes(
                "content/tin-tuc/anh-quet.pdf",
                &testdata::jpeg_with_exif(8, 8, 1),
            );
        },
    },
    Case {
        id: "BT0091",
        name: "not_published_target",
        setup: |t| {
            post(
                t,
                "title: Bài\ndate: 2021-01-01\n",
                "![Toàn cảnh](IMG_0001.HEIC)\n\nXem [báo cáo](bao-cao.html).",
            );
            t.write_bytes(
                "content/tin-tuc/IMG_0001.HEIC",
                &bantin::media::testdata::iso_image_with_exif(b"heic"),
            );
            t.write("content/tin-tuc/bao-cao.html", "<p>Báo cáo</p>");
        },
    },
    Case {
        id: "BT0092",
        name: "site_link_not_found",
        setup: |t| {
            t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
            post(
                t,
                "title: Bài\ndate: 2021-01-01\n",
                "Xem [tin tức](/tin-tc/) và [bài](khong-co/).",
            );
        },
    },
    Case {
        id: "BT0093",
        name: "footnote_twice",
        setup: |t| {
            post(
                t,
                "title: Bài\ndate: 2021-01-01\n",
                "Câu[^1].\n\n[^1]: Một.\n[^1]: Hai.",
            );
        },
    },
    Case {
        id: "BT0094",
        name: "id_taken",
        setup: |t| {
            t.write(
                "config.yaml",
                "title: \"Bản tin\"\nbase_url: \"https://thu.example.vn/\"\nmarkdown: {unsafe_html: true}\n",
            );
            post(
                t,
                "title: Bài\ndate: 2021-01-01\n",
                "Đoạn đầu.\n\n<div id=\"noi-dung\">x</div> <p id=\"a\">1</p><p id=\"a\">2</p> <p id=\"a b\">3</p>",
            );
        },
    },
    Case {
        id: "BT0100",
        name: "case_collision",
        setup: |t| {
            post(t, "title: Bài\ndate: 2021-01-01\n", "");
            t.write("static/Tin-Tuc/in.css", "p{}");
        },
    },
    Case {
        id: "BT0095",
        name: "yaml_nesting",
        setup: |t| {
            let deep = format!("{}1{}", "[".repeat(40), "]".repeat(40));
            post(
                t,
                &format!("title: Bài\ndate: 2021-01-01\nextra: {{x: {deep}}}\n"),
                "",
            );
        },
    },
];

/// The diagnostics of a build of `t`: warnings, then errors.
fn diagnostics(t: &SiteTest) -> Vec<Diagnostic> {
    match t.build() {
        Ok(r) => r.warnings,
        Err(Failure::Config(e)) => e,
        Err(Failure::Content { errors, warnings }) => warnings.into_iter().chain(errors).collect(),
    }
}

/// The reports of `diags` in Vietnamese, then in English.
fn both_languages(diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for (lang, name) in [(Lang::Vi, "vi"), (Lang::En, "en")] {
        out.push_str(&format!("── {name} ──\n"));
        for d in diags {
            out.push_str(&d.report(lang));
        }
    }
    out
}

#[test]
fn every_code_has_a_fixture_with_a_report_in_both_languages() {
    let mut produced = BTreeSet::new();
    for case in CASES {
        let t = SiteTest::new();
        (case.setup)(&t);
        let diags = diagnostics(&t);
        let ids: Vec<&str> = diags.iter().map(Diagnostic::id).collect();
        assert!(
            ids.contains(&case.id),
            "{}: expected {}, got {ids:?}\n{}",
            case.name,
            case.id,
            both_languages(&diags)
        );
        produced.extend(ids.iter().copied());
        for d in &diags {
            let (vi, en) = (d.code.text(Lang::Vi), d.code.text(Lang::En));
            assert_ne!(vi, en, "{}: the same words in both languages", case.name);
            assert_eq!(
                vi.hint.is_some(),
                en.hint.is_some(),
                "{}: {vi:?} / {en:?}",
                case.name
            );
        }
        // Only the reports of the code the fixture is about.
        let own: Vec<Diagnostic> = diags.into_iter().filter(|d| d.id() == case.id).collect();
        let text = both_languages(&own).replace(&t.root().display().to_string(), "[site]");
        insta::assert_snapshot!(case.name, text);
    }
    // Codes of `new`, `init`, output and `serve` have their own test below.
    let missing: Vec<&&str> = Code::ALL
        .iter()
        .filter(|id| !produced.contains(**id) && !SCAFFOLD_AND_OTHERS.contains(*id))
        .collect();
    assert!(missing.is_empty(), "codes without a fixture: {missing:?}");
}

/// Stderr of the binary run in `t` with `LANG` set to `locale` (unset if empty).
fn stderr_of(t: &SiteTest, args: &[&str], locale: &str) -> String {
    let mut c = crate::support::bantin();
    if locale.is_empty() {
        c.env_remove("LANG");
    } else {
        c.env("LANG", locale);
    }
    let out = c
        .args(args)
        .current_dir(t.root())
        .output()
        .expect("run bantin");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn messages_speak_the_flag_then_the_config_then_the_locale() {
    let t = SiteTest::new();
    t.write("content/tin-tuc/bai.md", "---\ndate: 2021-01-01\n---\n");
    let (vi, en) = ("thiếu tiêu đề (`title`)", "missing `title`");
    for (args, locale, want) in [
        (&["check"][..], "en_US.UTF-8", en),
        (&["check"], "vi_VN.UTF-8", vi),
        (&["check"], "C.UTF-8", vi),
        (&["check"], "", vi),
        (&["check", "--lang", "en"], "vi_VN.UTF-8", en),
        (&["--lang", "vi", "check"], "en_US.UTF-8", vi),
    ] {
        let err = stderr_of(&t, args, locale);
        assert!(err.contains(want), "{args:?} LANG={locale}: {err}");
    }
    // `language:` of config.yaml wins over the locale, not over `--lang`.
    t.write(
        "config.yaml",
        "title: \"Bản tin\"\nbase_url: \"https://thu.example.vn/\"\nlanguage: en\n",
    );
    assert!(stderr_of(&t, &["check"], "vi_VN.UTF-8").contains(en));
    assert!(stderr_of(&t, &["check", "--lang", "vi"], "en_US.UTF-8").contains(vi));
    // A config that cannot be read leaves the choice to the locale.
    t.write("config.yaml", "title: [\nlanguage: en\n");
    let err = stderr_of(&t, &["check"], "vi_VN.UTF-8");
    assert!(err.contains("lỗi BT0007"), "{err}");
}

#[test]
fn check_and_build_report_the_same_problems_in_both_languages() {
    let t = SiteTest::new();
    t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
    post(
        &t,
        "title: Bài\ndate: 31/02/2021\ntag: [HĐND]\n",
        "Xem [bài kia](khong-co.md).",
    );
    t.write(
        "content/tin-tuc/khac.md",
        "---\ntitle: Khác\n---\n\n![](anh.jpg)\n",
    );
    for lang in ["vi", "en"] {
        let reports = |cmd: &str| {
            let err = stderr_of(&t, &[cmd, "--lang", lang], "");
            // The last line sums up the run: the reports are what must match.
            let cut = err.rfind("bantin:").unwrap_or(err.len());
            err[..cut].to_string()
        };
        let (check, build) = (reports("check"), reports("build"));
        assert!(
            check
                .matches(if lang == "vi" { "lỗi BT" } else { "error BT" })
                .count()
                >= 3,
            "{check}"
        );
        assert_eq!(check, build, "check and build differ in {lang}");
        insta::assert_snapshot!(format!("check_{lang}"), check);
    }
    assert!(!t.out().exists(), "nothing written");
}

/// Codes that builds of fixture sites do not produce, covered by
/// [`problems_of_new_init_output_and_serve_have_reports_in_both_languages`].
const SCAFFOLD_AND_OTHERS: &[&str] = &[
    "BT0036", "BT0040", "BT0041", "BT0056", "BT0063", "BT0064", "BT0065", "BT0066", "BT0067",
    "BT0068", "BT0069", "BT0070", "BT0071", "BT0072", "BT0073", "BT0074", "BT0075", "BT0077",
    // `serve`: requests and served files (tests/it/serve.rs makes them for real).
    "BT0083", "BT0084", "BT0085",
    // A temporary folder of the system: `temp_folder_not_private` below.
    "BT0087", "BT0096", "BT0097", "BT0098", "BT0099",
];

/// A fixture of `bantin new` or `bantin init`, through the library.
struct Scaffold {
    id: &'static str,
    name: &'static str,
    run: fn(&SiteTest) -> Option<Diagnostic>,
}

/// `bantin new SECTION TITLE [--slug SLUG]` in the site `t`, which has a
/// section `tin-tuc`.
fn new_in(t: &SiteTest, section: &str, title: &str, slug: Option<&str>) -> Option<Diagnostic> {
    t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
    let config = bantin::config::Config::load(t.root()).expect("config");
    let req = bantin::scaffold::NewArticle {
        root: t.root(),
        section,
        title,
        slug,
    };
    let now = bantin::vi::parse_date("2026-01-01T08:00:00+07:00", 420).expect("date");
    bantin::scaffold::new_article(&req, &config, now).err()
}

const SCAFFOLD: &[Scaffold] = &[
    Scaffold {
        id: "BT0064",
        name: "already_exists",
        run: |t| {
            new_in(t, "tin-tuc", "Họp báo", None);
            new_in(t, "tin-tuc", "Họp báo", None)
        },
    },
    Scaffold {
        id: "BT0065",
        name: "folder_not_empty",
        run: |t| {
            let now = bantin::vi::parse_date("2026-01-01T08:00:00+07:00", 420).expect("date");
            bantin::scaffold::init(t.root(), now).err()
        },
    },
    Scaffold {
        id: "BT0066",
        name: "no_such_section",
        run: |t| new_in(t, "tin-tuv", "Họp báo", None),
    },
    Scaffold {
        id: "BT0067",
        name: "empty_title",
        run: |t| new_in(t, "tin-tuc", "  ", None),
    },
    Scaffold {
        id: "BT0068",
        name: "title_control",
        run: |t| new_in(t, "tin-tuc", "Họp\nbáo", None),
    },
    Scaffold {
        id: "BT0069",
        name: "not_a_slug",
        run: |t| new_in(t, "tin-tuc", "Họp báo", Some("Họp báo")),
    },
    Scaffold {
        id: "BT0070",
        name: "title_without_name",
        run: |t| new_in(t, "tin-tuc", "???", None),
    },
    Scaffold {
        id: "BT0071",
        name: "archetype_would_fail",
        run: |t| {
            t.write(
                "archetypes/default.md",
                "---\ntitle: {{ title | yaml }}\ndate: {{ date }}\ntag: [a]\n---\n",
            );
            new_in(t, "tin-tuc", "Họp báo", None)
        },
    },
    Scaffold {
        id: "BT0072",
        name: "archetype_fill",
        run: |t| {
            t.write(
                "archetypes/default.md",
                "---\ntitle: {{ title | khong_co }}\n---\n",
            );
            new_in(t, "tin-tuc", "Họp báo", None)
        },
    },
    Scaffold {
        id: "BT0096",
        name: "init_would_overwrite",
        run: |t| {
            let dir = t.root().join("moi");
            std::fs::create_dir_all(dir.join(".git")).expect("mkdir");
            std::fs::write(dir.join(".gitignore"), "node_modules/\n").expect("write");
            let now = bantin::vi::parse_date("2026-01-01T08:00:00+07:00", 420).expect("date");
            bantin::scaffold::init(&dir, now).err()
        },
    },
    Scaffold {
        id: "BT0097",
        name: "slug_shortened",
        run: |t| {
            t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
            let config = bantin::config::Config::load(t.root()).expect("config");
            let title = "Nghị quyết về việc phê duyệt chủ trương đầu tư dự án đường giao thông \
                         liên xã từ trung tâm huyện đến các xã vùng cao giai đoạn 2026–2030";
            let req = bantin::scaffold::NewArticle {
                root: t.root(),
                section: "tin-tuc",
                title,
                slug: None,
            };
            let now = bantin::vi::parse_date("2026-01-01T08:00:00+07:00", 420).expect("date");
            let written = bantin::scaffold::new_article(&req, &config, now).expect("written");
            written.warnings.into_iter().next()
        },
    },
    Scaffold {
        id: "BT0098",
        name: "reserved_name",
        run: |t| new_in(t, "tin-tuc", "Con", None),
    },
    Scaffold {
        id: "BT0099",
        name: "slug_too_long",
        run: |t| {
            let slug = ["thong-bao-ket-luan"; 6].join("-");
            new_in(t, "tin-tuc", "Thông báo", Some(&slug))
        },
    },
];

/// Problems no fixture can cause on a test machine (a full disk, a port
/// taken, the system refusing to watch folders): their reports are
/// printed from the code itself, so that both languages are still checked.
fn constructed() -> Vec<(&'static str, Code)> {
    use bantin::diag::{Action, Io, IoKind, Output};
    let full = Io {
        kind: IoKind::NoSpace,
        detail: "No space left on device (os error 28)".into(),
    };
    vec![
        (
            "cannot_replace_output",
            Code::CannotReplaceOutput {
                error: Io {
                    kind: IoKind::PermissionDenied,
                    detail: "Permission denied (os error 13)".into(),
                },
            },
        ),
        (
            "no_strings",
            Code::NoStrings {
                language: "en".into(),
            },
        ),
        (
            "scaffold_io",
            Code::ScaffoldIo {
                action: Action::CreateFile,
                error: full.clone(),
            },
        ),
        (
            "scaffold_io_too_long",
            Code::ScaffoldIo {
                action: Action::CreateFile,
                error: Io {
                    kind: IoKind::NameTooLong,
                    detail: "File name too long (os error 36)".into(),
                },
            },
        ),
        (
            "cannot_listen",
            Code::CannotListen {
                port: 1111,
                last: Some(1121),
                error: Some(Io {
                    kind: IoKind::Other,
                    detail: "Address already in use (os error 98)".into(),
                }),
            },
        ),
        (
            "cannot_serve",
            Code::CannotServe {
                detail: "Address already in use (os error 98)".into(),
            },
        ),
        (
            "search_index_constructed",
            Code::SearchIndex {
                detail: "No space left on device (os error 28)".into(),
            },
        ),
        (
            "cannot_watch",
            Code::CannotWatch {
                detail: "OS file watch limit reached.".into(),
            },
        ),
        (
            "cannot_write_constructed",
            Code::CannotWrite {
                what: Output::Article {
                    file: "content/tin-tuc/bai.md".into(),
                },
                error: full,
            },
        ),
    ]
    .into_iter()
    .chain(served())
    .collect()
}

/// Reports of `serve` about requests and served files, which its own
/// tests cause over sockets (`tests/it/serve.rs`).
fn served() -> Vec<(&'static str, Code)> {
    use bantin::diag::{Io, IoKind, RefusedBy, ServedFile};
    vec![
        (
            "request_refused_host",
            Code::RequestRefused {
                by: RefusedBy::Host {
                    value: "evil.com:1111".into(),
                },
                port: 1111,
                more: 0,
            },
        ),
        (
            "request_refused_origin",
            Code::RequestRefused {
                by: RefusedBy::Origin {
                    value: "http://evil.com".into(),
                },
                port: 1111,
                more: 12,
            },
        ),
        (
            "request_refused_no_host",
            Code::RequestRefused {
                by: RefusedBy::NoHost,
                port: 1111,
                more: 1,
            },
        ),
        (
            "served_file_link",
            Code::ServedFileChanged {
                path: "tin-tuc/anh/anh-480w.webp".into(),
                problem: ServedFile::Link,
            },
        ),
        (
            "served_file_not_a_file",
            Code::ServedFileChanged {
                path: "tin-tuc/anh/anh-480w.webp".into(),
                problem: ServedFile::NotAFile,
            },
        ),
        (
            "served_file_replaced",
            Code::ServedFileChanged {
                path: "tin-tuc/anh/anh-480w.webp".into(),
                problem: ServedFile::Replaced,
            },
        ),
        (
            "served_file_unreadable",
            Code::ServedFileChanged {
                path: "tin-tuc/bao-cao.pdf".into(),
                problem: ServedFile::Unreadable {
                    error: Io {
                        kind: IoKind::PermissionDenied,
                        detail: "Permission denied (os error 13)".into(),
                    },
                },
            },
        ),
        (
            "cannot_accept",
            Code::CannotAccept {
                error: Io {
                    kind: IoKind::Other,
                    detail: "Too many open files (os error 24)".into(),
                },
            },
        ),
    ]
}

/// A sink that cannot write anything, as a full disk.
struct FullDisk;

impl bantin::render::Sink for FullDisk {
    fn write(&self, _: &bantin::paths::OutPath, _: &[u8]) -> std::io::Result<()> {
        Err(std::io::Error::new(
            std::io::ErrorKind::StorageFull,
            "No space left on device",
        ))
    }
    fn copy(&self, _: &bantin::paths::OutPath, _: &std::path::Path) -> std::io::Result<()> {
        Err(std::io::Error::new(
            std::io::ErrorKind::StorageFull,
            "No space left on device",
        ))
    }
}

#[test]
fn problems_of_new_init_output_and_serve_have_reports_in_both_languages() {
    let mut produced = BTreeSet::new();
    for case in SCAFFOLD {
        let t = SiteTest::new();
        let d = (case.run)(&t).unwrap_or_else(|| panic!("{}: no error", case.name));
        assert_eq!(d.id(), case.id, "{}: {}", case.name, d.report(Lang::En));
        produced.insert(d.id());
        let text = both_languages(std::slice::from_ref(&d))
            .replace(&t.root().display().to_string(), "[site]");
        insta::assert_snapshot!(case.name, text);
    }
    // A write that fails names the page it was writing.
    let t = SiteTest::new();
    post(&t, "title: Bài\ndate: 2021-01-01\n", "");
    let Err(Failure::Content { errors, .. }) =
        bantin::pipeline::build_to(&t.options(), Some(&FullDisk))
    else {
        panic!("a build into a full disk must fail")
    };
    assert!(errors.iter().all(|d| d.id() == "BT0036"), "{errors:?}");
    produced.insert("BT0036");
    let article: Vec<Diagnostic> = errors
        .into_iter()
        .filter(|d| d.file.ends_with("bai.md"))
        .collect();
    insta::assert_snapshot!("cannot_write", both_languages(&article));
    // The output folder must be one of its own.
    let mut opts = t.options();
    opts.output = Some(t.root().join("content/public"));
    let Err(Failure::Config(e)) = bantin::pipeline::build(&opts) else {
        panic!("an output folder inside content/ must be refused")
    };
    assert_eq!(e[0].id(), "BT0040");
    produced.insert("BT0040");
    let text = both_languages(&e).replace(&t.root().display().to_string(), "[site]");
    insta::assert_snapshot!("output_folder", text);
    for (name, code) in constructed() {
        let d = Diagnostic::error("--", 0, 0, code);
        let (vi, en) = (d.code.text(Lang::Vi), d.code.text(Lang::En));
        assert_ne!(vi, en, "{name}");
        produced.insert(d.id());
        insta::assert_snapshot!(name, both_languages(&[d]));
    }
    // Together with the fixtures of builds, every code is covered.
    for case in CASES {
        produced.insert(case.id);
    }
    // Its own test, with a temporary folder of its own.
    produced.insert("BT0087");
    let missing: Vec<&&str> = Code::ALL
        .iter()
        .filter(|id| !produced.contains(**id))
        .collect();
    assert!(missing.is_empty(), "codes without a fixture: {missing:?}");
}

#[test]
fn the_officers_guide_quotes_the_real_vietnamese_messages() {
    let guide = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/content.md"))
        .expect("docs/content.md");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/it/snapshots");
    let snapshots: String = std::fs::read_dir(dir)
        .expect("snapshots")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("snapshot"))
        .collect();
    let quoted: Vec<&str> = guide
        .split("```")
        .skip(1)
        .step_by(2)
        .map(|b| b.trim_start_matches('\n'))
        .filter(|b| b.starts_with("lỗi BT") || b.starts_with("cảnh báo BT"))
        .collect();
    assert!(quoted.len() >= 10, "{} messages quoted", quoted.len());
    for q in quoted {
        assert!(
            snapshots.contains(q),
            "docs/content.md quotes a message bantin does not print:\n{q}"
        );
    }
}

/// BT0087 needs a temporary folder of its own (`TMPDIR`), so the binary:
/// the user's fallback cache folder, planted writable by all beforehand.
#[cfg(unix)]
#[test]
fn temp_folder_not_private() {
    use std::os::unix::fs::PermissionsExt;
    let t = SiteTest::new();
    post(&t, "title: Bài\ndate: 2021-01-01\n", "![Kỳ họp](anh.png)");
    t.write_bytes(
        "content/tin-tuc/anh.png",
        &crate::support::png_header(40, 30),
    );
    t.write(".bantin-cache", "");
    let tmp = tempfile::tempdir().unwrap();
    let run = |lang: &str| {
        let out = crate::support::bantin()
            .env("TMPDIR", tmp.path())
            .args(["--lang", lang, "build", "-q"])
            .current_dir(t.root())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    run("en");
    let made: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().flatten().collect();
    assert_eq!(made.len(), 1);
    let folder = made[0].path();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o777)).unwrap();
    let mut text = String::new();
    for lang in ["vi", "en"] {
        text.push_str(&format!("── {lang} ──\n"));
        let err = run(lang);
        // The report of BT0087: its line and the indented ones after it.
        let mut lines = err.lines().skip_while(|l| !l.contains("BT0087"));
        let first = lines.next().unwrap_or_else(|| panic!("{err}"));
        text.push_str(first);
        text.push('\n');
        for l in lines.take_while(|l| l.starts_with(' ')) {
            text.push_str(l);
            text.push('\n');
        }
    }
    let text = text.replace(
        &folder.display().to_string(),
        "[tmp]/bantin-cache-[user]-[site]",
    );
    insta::assert_snapshot!("temp_folder_not_private", text);
}
