//! Hostile and careless input: nothing is written outside the output
//! folder, no script reaches a page, a typo never replaces a published
//! site, and two sources never silently write one file.

use std::fs;
use std::path::Path;

use crate::support::{article, assert_links_resolve, SiteTest};

const CONFIG: &str =
    "title: \"Bản tin thử\"\nbase_url: \"https://thu.example.vn/\"\npaginate_by: 3\n";

fn site() -> SiteTest {
    let t = SiteTest::new();
    t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
    t.write(
        "content/tin-tuc/a.md",
        &article("Bài A", "2021-10-15", "", "Thân bài."),
    );
    t
}

/// Every file under `dir`, as paths relative to it.
fn tree(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().display().to_string())
        .collect();
    out.sort();
    out
}

// ---- 1. Nothing is written outside the output folder ----------------------

#[cfg(unix)]
#[test]
fn a_backslash_file_name_in_a_bundle_is_an_error_not_a_path() {
    let t = site();
    t.write(
        "content/tin-tuc/b/index.md",
        &article("Bài B", "2021-10-16", "", "x"),
    );
    t.write(
        "content/tin-tuc/b/x\\..\\..\\..\\config.yaml",
        "title: hacked\n",
    );
    let before = tree(t.root());
    let e = t.build_errors();
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(
        e[0].file,
        Path::new("content/tin-tuc/b/x\\..\\..\\..\\config.yaml")
    );
    assert!(
        e[0].message_en()
            .contains("cannot be a file in the output: it contains `\\`"),
        "{}",
        e[0].message_en()
    );
    assert_eq!(
        fs::read_to_string(t.root().join("config.yaml")).unwrap(),
        CONFIG
    );
    assert_eq!(tree(t.root()), before, "nothing may be written");
}

#[cfg(unix)]
#[test]
fn a_backslash_file_name_in_static_is_an_error() {
    let t = site();
    t.write("static/x\\..\\..\\x.txt", "x");
    let e = t.build_errors();
    assert_eq!(e[0].file, Path::new("static/x\\..\\..\\x.txt"), "{e:?}");
    assert!(!t.out().exists());
    assert!(!t.root().parent().unwrap().join("x.txt").exists());
}

#[test]
fn config_values_that_become_folders_are_checked_at_load() {
    for (yaml, line, key) in [
        ("urls:\n  archive: \"\"\n", 4, "urls.archive"),
        ("urls:\n  archive: \"..\"\n", 5, "urls.archive"),
        ("urls: {page: \"../..\"}\n", 4, "urls.page"),
        ("urls:\n  search: \"a/b\"\n", 5, "urls.search"),
        ("urls:\n  archive: con\n", 5, "urls.archive"),
        (
            "taxonomies: [tags, {name: linh_vuc, path: \"..\"}]\n",
            4,
            "the path of taxonomy `linh_vuc`",
        ),
        (
            "term_slugs:\n  \"Bắc Kạn\": \"../../x\"\n",
            5,
            "term_slugs: the slug of `Bắc Kạn`",
        ),
    ] {
        let t = site();
        t.write("config.yaml", &format!("{CONFIG}{yaml}"));
        let e = t.build_config_errors();
        assert_eq!(e.len(), 1, "{yaml}: {e:?}");
        assert!(
            e[0].message_en().starts_with(key)
                && e[0].message_en().contains("cannot be a URL segment"),
            "{yaml}: {}",
            e[0].message_en()
        );
        assert_eq!(e[0].file, Path::new("config.yaml"));
        assert_eq!(e[0].line, line, "{yaml}: {e:?}");
        assert!(!t.out().exists(), "{yaml}");
        let (code, _, _) = t.run(&["build"]);
        assert_eq!(code, 2, "{yaml}");
    }
}

#[test]
fn theme_names_a_folder_under_themes_only() {
    for theme in ["/etc", "../x", "a/b", "..", "C:\\\\x"] {
        let t = site();
        t.write("config.yaml", &format!("{CONFIG}theme: \"{theme}\"\n"));
        let e = t.build_config_errors();
        assert!(
            e[0].message_en().contains("is not a theme name"),
            "{theme}: {e:?}"
        );
        assert_eq!((e[0].line, e[0].column), (4, 1), "{theme}");
    }
}

#[cfg(unix)]
#[test]
fn output_through_a_symlink_into_content_is_refused() {
    let t = site();
    std::os::unix::fs::symlink(t.root().join("content"), t.root().join("lien-ket")).unwrap();
    let before = tree(&t.root().join("content"));
    let (code, _, err) = t.run(&["build", "--output", "lien-ket/public"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("inside the site's content/ folder"), "{err}");
    assert_eq!(tree(&t.root().join("content")), before);
    // The same through `..` after a link.
    let (code, _, err) = t.run(&["build", "--output", "lien-ket/tin-tuc/../x"]);
    assert_eq!(code, 2, "{err}");
}

#[cfg(unix)]
#[test]
fn a_static_folder_linked_outside_the_site_is_not_published() {
    let t = site();
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("mat-khau.txt"), "bí mật").unwrap();
    std::os::unix::fs::symlink(outside.path(), t.root().join("static")).unwrap();
    let r = t.build_ok();
    assert!(!t.exists("mat-khau.txt"));
    assert!(
        r.warnings.iter().any(|w| w.file == Path::new("static")
            && w.message_en()
                .starts_with("symbolic link skipped: it leads outside the site folder")),
        "{:?}",
        r.warnings
    );
}

#[cfg(unix)]
#[test]
fn templates_and_theme_folders_linked_outside_are_not_read() {
    let t = site();
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("base.html"), "{{ 1/0 }}").unwrap();
    std::os::unix::fs::symlink(outside.path(), t.root().join("templates")).unwrap();
    let r = t.build_ok();
    assert!(r.warnings.iter().any(|w| w.file == Path::new("templates")));
    assert!(t.read("index.html").contains("<html"));
}

#[cfg(unix)]
#[test]
fn a_content_folder_linked_outside_the_site_stops_the_build() {
    let t = SiteTest::new();
    let outside = tempfile::tempdir().unwrap();
    fs::write(
        outside.path().join("a.md"),
        article("A", "2021-01-01", "", "x"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path(), t.root().join("content")).unwrap();
    let e = t.build_errors();
    assert_eq!(e[0].file, Path::new("content"), "{e:?}");
    assert!(e[0].message_en().contains("leads outside the site folder"));
    assert!(!t.out().exists());
}

#[cfg(unix)]
#[test]
fn links_inside_the_site_are_followed() {
    let t = site();
    t.write_bytes("kho/anh.png", &crate::support::png_header(2, 2));
    fs::create_dir_all(t.root().join("static")).unwrap();
    std::os::unix::fs::symlink(t.root().join("kho"), t.root().join("static/kho")).unwrap();
    let r = t.build_ok();
    assert!(t.exists("kho/anh.png"), "{:?}", r.warnings);
}

#[test]
fn reserved_windows_names_are_errors_naming_the_article() {
    let t = site();
    t.write(
        "content/tin-tuc/con.md",
        &article("Con", "2021-10-16", "", "x"),
    );
    let e = t.build_errors();
    assert_eq!(e[0].file, Path::new("content/tin-tuc/con.md"), "{e:?}");
    assert!(
        e[0].message_en()
            .contains("`con` is a reserved name on Windows"),
        "{}",
        e[0].message_en()
    );
}

// ---- 2. No script reaches a page -------------------------------------------

#[test]
fn menu_paths_and_base_urls_with_other_schemes_are_config_errors() {
    for (yaml, line, what) in [
        (
            "menu:\n  - {title: \"Tin\", path: \"javascript:alert(1)\"}\n",
            5,
            "the scheme `javascript:` is not allowed",
        ),
        (
            "menu:\n  - title: \"Tin\"\n    path: \" JaVa\\tScRiPt:alert(1)\"\n",
            6,
            "it contains a space",
        ),
    ] {
        let t = site();
        t.write("config.yaml", &format!("{CONFIG}{yaml}"));
        let e = t.build_config_errors();
        assert!(e[0].message_en().contains(what), "{yaml}: {e:?}");
        assert_eq!(e[0].line, line, "{yaml}");
    }
    for base in [
        "javascript:alert(1)//",
        "https://x.vn/a b/",
        "https://x.vn/?a=1",
        "//x.vn/",
        "https:///",
    ] {
        let t = site();
        t.write(
            "config.yaml",
            &CONFIG.replace("https://thu.example.vn/", base),
        );
        let e = t.build_config_errors();
        assert!(e[0].message_en().starts_with("base_url"), "{base}: {e:?}");
        assert_eq!(e[0].line, 2, "{base}");
    }
    let t = site();
    for base in ["javascript:alert(1)", "https://x.vn/a b"] {
        let (code, _, err) = t.run(&["build", "--base-url", base]);
        assert_eq!(code, 2, "{base}: {err}");
        assert!(err.contains("--base-url"), "{err}");
    }
    assert!(!t.out().exists());
}

#[test]
fn menu_fragments_and_attachment_names_are_percent_encoded() {
    let t = site();
    t.write(
        "config.yaml",
        &format!("{CONFIG}menu:\n  - {{title: \"Tin\", path: \"tin-tuc/#\\\"x\"}}\n"),
    );
    t.write(
        "content/tin-tuc/nq/index.md",
        &article("Nghị quyết", "2021-10-16", "", "Toàn văn bên dưới."),
    );
    t.write("content/tin-tuc/nq/Báo cáo 50%.pdf", "%PDF-1.4");
    t.write("content/tin-tuc/nq/QĐ #12.pdf", "%PDF-1.4");
    t.build_ok();
    let page = t.read("tin-tuc/nq/index.html");
    assert!(
        page.contains("href=\"../../tin-tuc/nq/B%C3%A1o%20c%C3%A1o%2050%25.pdf\""),
        "{page}"
    );
    assert!(
        page.contains("href=\"../../tin-tuc/nq/Q%C4%90%20%2312.pdf\""),
        "{page}"
    );
    assert!(
        page.contains("href=\"../../tin-tuc/index.html#%22x\""),
        "{page}"
    );
    assert_links_resolve(&t.out());
}

#[test]
fn aliases_must_be_plain_site_paths() {
    for alias in [
        "/a?id=1",
        "/a#b",
        "/a b.html",
        "https://x.vn/a",
        "/../x",
        "/",
    ] {
        let t = site();
        t.write(
            "content/tin-tuc/b.md",
            &format!("---\ntitle: B\ndate: 2021-10-16\naliases: [\"{alias}\"]\n---\nx\n"),
        );
        let e = t.build_errors();
        assert_eq!(e.len(), 1, "{alias}: {e:?}");
        assert_eq!(e[0].location(), "content/tin-tuc/b.md:4:12", "{alias}");
        assert!(e[0]
            .message_en()
            .starts_with(&format!("alias `{alias}` is not a usable path")));
    }
}

#[test]
fn a_featured_image_with_a_script_url_is_an_error() {
    let t = site();
    t.write(
        "content/tin-tuc/b.md",
        "---\ntitle: B\ndate: 2021-10-16\nimage: \"javascript:alert(1)\"\n---\nx\n",
    );
    let e = t.build_errors();
    assert_eq!(e[0].location(), "content/tin-tuc/b.md:4:8", "{e:?}");
    assert!(e[0]
        .message_en()
        .contains("the scheme `javascript:` is not allowed"));
}

const XSS: &str = "</script><script>alert(1)</script>\"'><img src=x onerror=alert(2)>";

#[test]
fn script_in_every_text_field_is_escaped_wherever_it_lands() {
    let t = SiteTest::new();
    let y = XSS.replace('\\', "\\\\").replace('"', "\\\"");
    t.write(
        "config.yaml",
        &format!(
            "title: \"{y}\"\ndescription: \"{y}\"\nbase_url: \"https://thu.example.vn/\"\n\
             feed: {{full_content: true}}\ntaxonomies: [tags, categories, authors]\n\
             contact: {{agency: \"{y}\", address: \"{y}\", responsible: \"{y}\", license: \"{y}\"}}\n"
        ),
    );
    t.write(
        "content/tin-tuc/_index.md",
        &format!("---\ntitle: \"{y}\"\nsummary: \"{y}\"\n---\n"),
    );
    t.write(
        "content/tin-tuc/anh.png",
        &String::from_utf8_lossy(&crate::support::png_header(4, 3)),
    );
    t.write(
        "content/tin-tuc/a/index.md",
        &format!(
            "---\ntitle: \"{y}\"\ndate: 2021-10-15\nauthor: \"{y}\"\nsummary: \"{y}\"\n\
             tags: [\"{y}\"]\ncategories: [\"{y}\"]\nimage_caption: \"{y}\"\n---\n\
             Đoạn đầu.\n\n## {XSS}\n\n`{XSS}`\n"
        ),
    );
    t.build_ok();
    for entry in walkdir::WalkDir::new(t.out()).into_iter().flatten() {
        if !entry.file_type().is_file() {
            continue;
        }
        let text = fs::read_to_string(entry.path()).unwrap_or_default();
        let name = entry
            .path()
            .strip_prefix(t.out())
            .unwrap()
            .display()
            .to_string();
        assert!(!text.contains("<script>alert"), "{name}");
        assert!(!text.contains("<img src=x"), "{name}");
        assert!(!text.contains("onerror=alert(2)>"), "{name}");
        if name.ends_with(".html") {
            // JSON-LD: the only way out of a script element is `</`.
            for block in text.split("<script type=\"application/ld+json\">").skip(1) {
                let json = &block[..block.find("</script>").unwrap()];
                let v: serde_json::Value = serde_json::from_str(json)
                    .unwrap_or_else(|e| panic!("{name}: JSON-LD does not parse: {e}\n{json}"));
                assert!(v.is_object(), "{name}");
            }
        }
        if name.ends_with(".xml") {
            let doc = roxmltree::Document::parse(&text)
                .unwrap_or_else(|e| panic!("{name} is not XML: {e}"));
            if name == "rss.xml" {
                let title = doc
                    .descendants()
                    .find(|n| n.has_tag_name("item"))
                    .and_then(|i| i.children().find(|n| n.has_tag_name("title")))
                    .and_then(|n| n.text());
                assert_eq!(title, Some(XSS), "the feed carries the title as text");
            }
        }
    }
    let page = t.read("tin-tuc/a/index.html");
    assert!(
        page.contains("&lt;/script&gt;&lt;script&gt;alert(1)"),
        "the title is shown as text"
    );
}

/// Every text of config and front matter that lands in a page, a feed or
/// the sitemap, set to `XSS`: the article has its image (so the caption,
/// `image_alt` and `og:image:alt` are written), a page and a section of
/// pages have theirs, the menu has children, the banner its `alt`.
fn every_field_hostile() -> SiteTest {
    let t = SiteTest::new();
    let y = XSS.replace('\\', "\\\\").replace('"', "\\\"");
    t.write(
        "config.yaml",
        &format!(
            "title: \"{y}\"\ndescription: \"{y}\"\nbase_url: \"https://thu.example.vn/\"\n\
             feed: {{full_content: true}}\n\
             taxonomies: [tags, categories, authors, {{name: linh_vuc, path: linh-vuc, feed: true}}]\n\
             contact: {{agency: \"{y}\", address: \"{y}\", phone: \"0209 3870 000\", \
             email: \"a@thu.example.vn\", responsible: \"{y}\", license: \"{y}\", citation: \"{y}\"}}\n\
             banner: {{image: bang-ron.png, alt: \"{y}\"}}\nlogo: logo.png\n\
             menu:\n  - title: \"{y}\"\n    path: tin-tuc/\n    \
             children: [{{title: \"{y}\", path: \"gioi-thieu/#muc\\\"><script>alert(1)</script>\"}}]\n  \
             - {{title: \"{y}\", path: \"https://x.vn/?a=1&b=\\\"><script>alert(1)</script>\"}}\n"
        ),
    );
    t.write_bytes("static/bang-ron.png", &crate::support::png_header(40, 10));
    t.write_bytes("static/logo.png", &crate::support::png_header(8, 8));
    t.write(
        "content/tin-tuc/_index.md",
        &format!("---\ntitle: \"{y}\"\nsummary: \"{y}\"\n---\n\nLời dẫn {XSS}.\n"),
    );
    t.write_bytes(
        "content/tin-tuc/a/anh.png",
        &crate::support::png_header(40, 30),
    );
    t.write(
        "content/tin-tuc/a/index.md",
        &format!(
            "---\ntitle: \"{y}\"\ndate: 2021-10-15\nauthor: \"{y}\"\nsummary: \"{y}\"\n\
             tags: [\"{y}\"]\ncategories: [\"{y}\"]\ntaxonomies: {{linh_vuc: [\"{y}\"]}}\n\
             image: anh.png\nimage_caption: \"{y}\"\nimage_alt: \"{y}\"\n\
             aliases: [\"/tin-cu/a'b.html\"]\n---\n\
             Đoạn đầu.\n\n## {XSS}\n\n`{XSS}`\n\n![{XSS}](anh.png \"{y}\")\n\n[{XSS}](../b.md \"{y}\")\n"
        ),
    );
    t.write(
        "content/tin-tuc/b.md",
        &article("Bài B", "2021-10-14", "tags: [Bắc Kạn]\n", "Thân bài."),
    );
    t.write(
        "content/gioi-thieu/_index.md",
        &format!("---\ntitle: \"{y}\"\nsummary: \"{y}\"\nkind: pages\n---\n\n## Mục\n"),
    );
    t.write_bytes(
        "content/gioi-thieu/ban/anh.png",
        &crate::support::png_header(40, 30),
    );
    t.write(
        "content/gioi-thieu/ban/index.md",
        &format!(
            "---\ntitle: \"{y}\"\nsummary: \"{y}\"\nimage: anh.png\nimage_caption: \"{y}\"\n---\n\n{XSS}\n"
        ),
    );
    t
}

/// Asserts that `text`, the file `name` of the output, holds no script
/// from `XSS` however it is parsed: no tag or attribute breaks out in
/// HTML, JSON-LD parses (and carries the text), feeds and sitemaps parse.
fn assert_escaped(name: &str, text: &str) {
    for bad in [
        "<script>alert",
        "<img src=x",
        "onerror=alert(2)>",
        "\"><script",
    ] {
        assert!(!text.contains(bad), "{name}: `{bad}` in\n{text}");
    }
    if name.ends_with(".html") {
        for block in text.split("<script type=\"application/ld+json\">").skip(1) {
            let json = &block[..block.find("</script>").expect("closed")];
            let v: serde_json::Value = serde_json::from_str(json)
                .unwrap_or_else(|e| panic!("{name}: JSON-LD does not parse: {e}\n{json}"));
            assert!(v.is_object(), "{name}");
        }
        // No attribute value is left open: every `"` of a tag is paired.
        let mut rest = text;
        while let Some(i) = rest.find('<') {
            rest = &rest[i + 1..];
            let end = rest.find('>').unwrap_or(rest.len());
            let tag = &rest[..end];
            if !tag.starts_with('!') && !tag.starts_with('/') {
                assert_eq!(tag.matches('"').count() % 2, 0, "{name}: <{tag}>");
            }
        }
    }
    if name.ends_with(".xml") {
        roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name} is not XML: {e}"));
    }
}

#[test]
fn every_field_that_lands_in_a_page_is_escaped_where_it_lands() {
    let t = every_field_hostile();
    t.build_ok();
    let mut seen = 0;
    for entry in walkdir::WalkDir::new(t.out()).into_iter().flatten() {
        let name = entry
            .path()
            .strip_prefix(t.out())
            .unwrap()
            .display()
            .to_string();
        if !(name.ends_with(".html") || name.ends_with(".xml") || name.ends_with(".json")) {
            continue;
        }
        let text = fs::read_to_string(entry.path()).unwrap();
        assert_escaped(&name, &text);
        seen += 1;
    }
    assert!(seen > 20, "{seen} files");
    // Each field was written, escaped, where the theme puts it.
    let shown = "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;";
    let article = t.read("tin-tuc/a/index.html");
    for (what, needle) in [
        ("the caption", format!("<figcaption>{shown}")),
        (
            "og:image:alt",
            format!("<meta property=\"og:image:alt\" content=\"{shown}"),
        ),
        ("the title", format!("<h1>{shown}")),
        ("the author", format!("rel=\"author\">{shown}")),
    ] {
        assert!(
            article.contains(&needle),
            "{what}: {needle} not in\n{article}"
        );
    }
    // `image_alt` on the featured image, the banner's `alt`, the body image's.
    let alts = article.matches(&format!("alt=\"{shown}")).count();
    assert!(alts >= 3, "{alts} alt texts in\n{article}");
    assert!(article.contains("<picture"), "the featured image is shown");
    let page = t.read("gioi-thieu/ban/index.html");
    assert!(page.contains(&format!("<figcaption>{shown}")), "{page}");
    for feed in ["rss.xml", "atom.xml", "tin-tuc/rss.xml", "sitemap.xml"] {
        assert!(t.exists(feed), "{feed}");
    }
    let term_feeds = walkdir::WalkDir::new(t.out().join("linh-vuc"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_name() == "rss.xml")
        .count();
    assert_eq!(term_feeds, 1, "the custom taxonomy's term has its feed");
    let rss = t.read("rss.xml");
    let doc = roxmltree::Document::parse(&rss).unwrap();
    let text_of = |tag: &str| {
        doc.descendants()
            .find(|n| n.has_tag_name("item"))
            .and_then(|i| i.children().find(|n| n.has_tag_name(tag)))
            .and_then(|n| n.text())
            .map(str::to_string)
    };
    assert_eq!(
        text_of("title").as_deref(),
        Some(XSS),
        "the feed carries the title as text"
    );
    let body = text_of("description").unwrap_or_default();
    assert!(
        !body.contains("<script") && !body.contains("<img src=x"),
        "{body}"
    );
    assert!(t.exists("tin-cu/a'b.html"));
    assert_escaped("tin-cu/a'b.html", &t.read("tin-cu/a'b.html"));
}

// ---- 3. A typo never wipes the published site ------------------------------

#[test]
fn a_folder_without_config_yaml_is_not_a_site() {
    let t = site();
    t.build_ok();
    let published = tree(&t.out());
    fs::remove_file(t.root().join("config.yaml")).unwrap();
    for cmd in [&["build"][..], &["check"][..]] {
        let (code, out, err) = t.run(cmd);
        assert_eq!(code, 2, "{cmd:?}: {out}{err}");
        assert!(
            err.contains("is not a bantin site: it has no config.yaml"),
            "{err}"
        );
        assert!(err.contains("bantin init"), "{err}");
    }
    assert_eq!(tree(&t.out()), published, "the published site is untouched");
}

#[test]
fn a_folder_without_content_is_not_a_site() {
    let t = site();
    t.build_ok();
    let published = tree(&t.out());
    fs::rename(t.root().join("content"), t.root().join("noi-dung")).unwrap();
    for cmd in [&["build"][..], &["check"][..]] {
        let (code, _, err) = t.run(cmd);
        assert_eq!(code, 2, "{cmd:?}: {err}");
        assert!(
            err.contains("is not a bantin site: it has no content/ folder"),
            "{err}"
        );
    }
    assert_eq!(tree(&t.out()), published);
}

#[test]
fn a_mistyped_root_touches_nothing() {
    let t = site();
    t.build_ok();
    let published = tree(&t.out());
    let (code, _, err) = t.run(&["build", "--root", "khong-co", "--output", "public"]);
    assert_eq!(code, 2, "{err}");
    assert!(!t.root().join("khong-co").exists());
    assert_eq!(tree(&t.out()), published);
}

// ---- 4. No silent collisions -----------------------------------------------

#[test]
fn files_named_like_generated_files_are_collisions_naming_both() {
    for (file, out, other) in [
        (
            "content/style.css",
            "style.css",
            "the static file `themes/default/static/style.css`",
        ),
        ("content/robots.txt", "robots.txt", "robots.txt"),
        ("static/sitemap.xml", "sitemap.xml", "the sitemap"),
        ("static/rss.xml", "rss.xml", "the site's RSS feed"),
        (
            "static/tin-tuc/a/index.html",
            "tin-tuc/a/index.html",
            "article `content/tin-tuc/a.md`",
        ),
    ] {
        let t = site();
        t.write(file, "x");
        let e = t.build_errors();
        assert_eq!(e.len(), 1, "{file}: {e:?}");
        assert_eq!(e[0].file, Path::new(file), "{file}: {e:?}");
        assert!(
            e[0].message_en().contains(other)
                && e[0]
                    .message_en()
                    .contains(&format!("would both write `{out}`")),
            "{file}: {}",
            e[0].message_en()
        );
        assert!(!t.out().exists(), "{file}");
    }
}

#[test]
fn a_file_where_a_folder_is_needed_is_a_collision() {
    let t = site();
    t.write("static/tin-tuc", "x");
    let e = t.build_errors();
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].file, Path::new("static/tin-tuc"));
    assert!(
        e[0].message_en().contains("needs a folder of that name"),
        "{}",
        e[0].message_en()
    );
}

#[test]
fn an_article_and_an_alias_of_another_on_one_path_collide_with_position() {
    let t = site();
    t.write(
        "content/tin-tuc/b.md",
        "---\ntitle: B\ndate: 2021-10-16\naliases:\n  - /tin-tuc/a/\n---\nx\n",
    );
    let e = t.build_errors();
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].location(), "content/tin-tuc/b.md:5:5");
    assert!(
        e[0].message_en().contains("article `content/tin-tuc/a.md`"),
        "{}",
        e[0].message_en()
    );
}

#[test]
fn the_site_static_folder_still_overrides_a_theme_file_by_name() {
    let t = site();
    t.write("static/style.css", "body{color:red}");
    t.build_ok();
    assert_eq!(t.read("style.css"), "body{color:red}");
}
