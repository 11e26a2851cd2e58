//! `bantin init` and `bantin new`: a new site that builds at once, and new
//! articles with their front matter filled, never overwriting a file.

use std::path::Path;

use crate::support::SiteTest;

/// Runs the binary in `dir`.
fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = crate::support::bantin()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run bantin");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The site of `bantin init` in a fresh folder.
fn init_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let (code, out, err) = run_in(t.path(), &["init", "ban-tin"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("ban-tin"), "{out}");
    let root = t.path().join("ban-tin");
    (t, root)
}

#[test]
fn an_initialised_site_builds_at_once_with_an_article_a_section_and_a_page() {
    let (_t, root) = init_site();
    for f in [
        "config.yaml",
        ".gitignore",
        "content/_index.md",
        "content/tin-tuc/_index.md",
    ] {
        assert!(root.join(f).is_file(), "{f}");
    }
    let gitignore = std::fs::read_to_string(root.join(".gitignore")).unwrap();
    assert!(gitignore.contains("/public/"), "{gitignore}");
    let config = std::fs::read_to_string(root.join("config.yaml")).unwrap();
    // Every key of config.yaml is explained, in Vietnamese.
    for key in [
        "title:",
        "description:",
        "base_url:",
        "language:",
        "timezone:",
        "paginate_by:",
        "taxonomies:",
        "sort_by:",
        "feed:",
        "markdown:",
        "urls:",
        "link_index_html:",
        "term_slugs:",
        "theme:",
        "contact:",
        "menu:",
        "limits:",
        "extra:",
    ] {
        assert!(config.contains(key), "config.yaml lacks {key}");
    }
    assert!(
        config.contains("Ngôn ngữ giao diện"),
        "comments in Vietnamese"
    );
    let (code, out, err) = run_in(&root, &["build"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.is_empty() || !err.contains("error"), "{err}");
    let public = root.join("public");
    assert!(public.join("index.html").is_file());
    assert!(public.join("tin-tuc/index.html").is_file());
    let year = std::fs::read_dir(root.join("content/tin-tuc"))
        .unwrap()
        .flatten()
        .find(|e| e.file_type().unwrap().is_dir())
        .expect("a year folder")
        .file_name();
    let year = year.to_string_lossy();
    assert!(public
        .join(format!("tin-tuc/{year}/chao-mung/index.html"))
        .is_file());
    assert!(public.join("gioi-thieu/index.html").is_file(), "the page");
}

#[test]
fn init_refuses_a_folder_that_is_not_empty_and_touches_nothing() {
    let t = SiteTest::new();
    let before = std::fs::read_to_string(t.root().join("config.yaml")).unwrap();
    let (code, _, err) = t.run(&["init"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is not empty"), "{err}");
    assert!(
        err.contains("bantin init ban-tin"),
        "the hint names a new folder: {err}"
    );
    assert_eq!(
        std::fs::read_to_string(t.root().join("config.yaml")).unwrap(),
        before
    );
    assert!(!t.root().join("content").exists());
}

#[test]
fn init_accepts_a_folder_holding_only_a_repository() {
    let t = tempfile::tempdir().unwrap();
    std::fs::create_dir(t.path().join(".git")).unwrap();
    let (code, out, err) = run_in(t.path(), &["init"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(t.path().join("config.yaml").is_file());
}

/// A site with a section `tin-tuc` and a nested one `tin-tuc/dia-phuong`.
fn site_with_sections() -> SiteTest {
    let t = SiteTest::new();
    t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
    t.write(
        "content/tin-tuc/dia-phuong/_index.md",
        "---\ntitle: Địa phương\n---\n",
    );
    t
}

/// The one file under `content/SECTION/` written by `bantin new`.
fn written(t: &SiteTest, out: &str) -> (std::path::PathBuf, String) {
    let line = out.lines().next().expect("a line");
    let path = line
        .rsplit(' ')
        .next()
        .map(std::path::PathBuf::from)
        .expect("a path");
    let text = std::fs::read_to_string(&path)
        .or_else(|_| std::fs::read_to_string(t.root().join(&path)))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (path, text)
}

#[test]
fn new_writes_a_draft_with_title_date_and_slug_in_the_year_folder() {
    let t = site_with_sections();
    let title = "Giao ban \"quý\" IV: HĐND phường Đức Xuân";
    let (code, out, err) = t.run(&["new", "tin-tuc", title]);
    assert_eq!(code, 0, "{out}{err}");
    let (path, text) = written(&t, &out);
    let shown = path.to_string_lossy().replace('\\', "/");
    assert!(
        shown.ends_with(".md") && shown.contains("content/tin-tuc/20"),
        "{shown}"
    );
    assert!(
        shown.ends_with("/giao-ban-quy-iv-hdnd-phuong-duc-xuan.md"),
        "{shown}"
    );
    assert!(text.contains("draft: true"), "{text}");
    assert!(
        text.contains("tags: []") && text.contains("categories: []"),
        "{text}"
    );
    // The file builds, with the title as typed (quotes and colon kept).
    let (code, _, err) = t.run(&["build", "--drafts"]);
    assert_eq!(code, 0, "{err}");
    let year = shown
        .split("content/tin-tuc/")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap();
    let page = t.read(&format!(
        "tin-tuc/{year}/giao-ban-quy-iv-hdnd-phuong-duc-xuan/index.html"
    ));
    assert!(
        page.contains("Giao ban &quot;quý&quot; IV: HĐND phường Đức Xuân")
            || page.contains("Giao ban &#34;quý&#34; IV: HĐND phường Đức Xuân"),
        "title kept"
    );
    // Without --drafts it is not published.
    let (code, _, _) = t.run(&["build"]);
    assert_eq!(code, 0);
    assert!(!t.exists(&format!(
        "tin-tuc/{year}/giao-ban-quy-iv-hdnd-phuong-duc-xuan/index.html"
    )));
}

#[test]
fn new_never_overwrites_an_article() {
    let t = site_with_sections();
    let (code, out, _) = t.run(&["new", "tin-tuc", "Lịch tiếp công dân"]);
    assert_eq!(code, 0);
    let (path, _) = written(&t, &out);
    let file = t.root().join(&path);
    let file = if file.exists() { file } else { path };
    std::fs::write(&file, "---\ntitle: Đã viết\n---\nNội dung quý giá.\n").unwrap();
    let (code, _, err) = t.run(&["new", "tin-tuc", "Lịch tiếp công dân"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("already exists"), "{err}");
    assert!(err.contains("--slug"), "the hint says how: {err}");
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("Nội dung quý giá."));
    let (code, out, err) = t.run(&[
        "new",
        "tin-tuc",
        "Lịch tiếp công dân",
        "--slug",
        "lich-tiep-2",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("lich-tiep-2.md"), "{out}");
}

#[test]
fn new_in_a_missing_section_suggests_the_closest() {
    let t = site_with_sections();
    let (code, _, err) = t.run(&["new", "tin-tuv", "Bài"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no section `tin-tuv`"), "{err}");
    assert!(err.contains("did you mean `tin-tuc`"), "{err}");
    // Nested sections are named by their path; `content/` and slashes are forgiven.
    let (code, out, err) = t.run(&["new", "content/tin-tuc/dia-phuong/", "Tin xã"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("dia-phuong"), "{out}");
}

#[test]
fn new_refuses_titles_without_a_file_name_and_bad_slugs() {
    let t = site_with_sections();
    let (code, _, err) = t.run(&["new", "tin-tuc", "!!!"]);
    assert_eq!(code, 2);
    assert!(err.contains("--slug"), "{err}");
    let (code, _, err) = t.run(&["new", "tin-tuc", "  "]);
    assert_eq!(code, 2);
    assert!(err.contains("title is empty"), "{err}");
    let (code, _, err) = t.run(&["new", "tin-tuc", "Bài", "--slug", "../../x"]);
    assert_eq!(code, 2);
    assert!(err.contains("is not a slug"), "{err}");
    assert!(!t.root().join("x.md").exists());
}

#[test]
fn a_section_archetype_wins_over_the_default_one() {
    let t = site_with_sections();
    t.write(
        "archetypes/default.md",
        "---\ntitle: {{ title | yaml }}\ndate: {{ date }}\ndraft: true\n---\nMẶC ĐỊNH\n",
    );
    t.write(
        "archetypes/tin-tuc.md",
        "---\ntitle: {{ title | yaml }}\ndate: {{ date }}\ncategories: [Tin tức]\ndraft: true\n---\nMẪU TIN TỨC {{ section }}\n",
    );
    let (code, out, err) = t.run(&["new", "tin-tuc", "Một"]);
    assert_eq!(code, 0, "{err}");
    assert!(written(&t, &out).1.contains("MẪU TIN TỨC tin-tuc"));
    let (code, out, err) = t.run(&["new", "tin-tuc/dia-phuong", "Hai"]);
    assert_eq!(code, 0, "{err}");
    assert!(written(&t, &out).1.contains("MẶC ĐỊNH"));
}

#[test]
fn a_broken_archetype_is_reported_and_nothing_is_written() {
    let t = site_with_sections();
    t.write(
        "archetypes/default.md",
        "---\ntitle: {{ title | yaml }}\ndate: {{ date }}\ntag: [x]\n---\n",
    );
    let (code, _, err) = t.run(&["new", "tin-tuc", "Bài"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("archetypes/default.md"), "{err}");
    assert!(err.contains("tags"), "did you mean: {err}");
    t.write("archetypes/default.md", "---\ntitle: {{ tieu_de }}\n---\n");
    let (code, _, err) = t.run(&["new", "tin-tuc", "Bài"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("archetypes/default.md"), "{err}");
    let left: Vec<_> = walkdir::WalkDir::new(t.root().join("content/tin-tuc"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.file_name() != "_index.md")
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn new_outside_a_site_says_so() {
    let t = tempfile::tempdir().unwrap();
    let (code, _, err) = run_in(t.path(), &["new", "tin-tuc", "Bài"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a bantin site"), "{err}");
    assert!(std::fs::read_dir(t.path()).unwrap().next().is_none());
}

#[test]
fn new_in_a_section_of_pages_writes_a_page_without_date_or_year_folder() {
    let t = site_with_sections();
    t.write(
        "content/co-cau/_index.md",
        "---\ntitle: Cơ cấu tổ chức\nkind: pages\n---\n",
    );
    let (code, out, err) = t.run(&["new", "co-cau", "Thường trực HĐND"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("trang"), "says it wrote a page: {out}");
    let (path, text) = written(&t, &out);
    let shown = path.to_string_lossy().replace('\\', "/");
    assert_eq!(shown, "content/co-cau/thuong-truc-hdnd.md");
    assert!(!text.contains("date:"), "{text}");
    assert!(!text.contains("tags:"), "{text}");
    assert!(text.contains("draft: true"), "{text}");
    let (code, _, err) = t.run(&["build", "--drafts"]);
    assert_eq!(code, 0, "the page builds: {err}");
    assert!(t
        .read("co-cau/thuong-truc-hdnd/index.html")
        .contains("Thường trực HĐND"));
    // A section archetype still wins, and is checked as a page.
    t.write(
        "archetypes/co-cau.md",
        "---\ntitle: {{ title | yaml }}\ndate: {{ date }}\n---\n",
    );
    let (code, _, err) = t.run(&["new", "co-cau", "Văn phòng"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("archetypes/co-cau.md"), "{err}");
    assert!(err.contains("date"), "{err}");
    assert!(!t.root().join("content/co-cau/van-phong.md").exists());
}

/// Every `.md` file under `content/` of `t` but the sections' `_index.md`.
fn articles(t: &SiteTest) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(t.root().join("content"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.file_name() != "_index.md")
        .map(|e| e.into_path())
        .collect()
}

#[test]
fn long_titles_make_file_names_of_80_characters_cut_at_a_word() {
    let long = [
        "Nghị quyết về việc phê duyệt chủ trương đầu tư dự án đường giao thông liên xã \
         từ trung tâm huyện đến các xã vùng cao giai đoạn 2026–2030 của Hội đồng nhân dân tỉnh",
        &"Thông báo kết luận của Thường trực Hội đồng nhân dân tỉnh ".repeat(6),
        &format!("Báo cáo {}", "a".repeat(120)),
        &"HĐND ".repeat(60),
    ];
    for (i, title) in long.iter().enumerate() {
        let t = site_with_sections();
        let (code, out, err) = t.run(&["new", "tin-tuc", title]);
        assert_eq!(code, 0, "{title}: {out}{err}");
        let (path, _) = written(&t, &out);
        let slug = path.file_stem().unwrap().to_string_lossy().into_owned();
        assert!(slug.len() <= 80, "{slug} ({})", slug.len());
        assert!(slug.len() >= 60, "cut too short: {slug}");
        let full = bantin::vi::slugify(title);
        assert!(full.starts_with(&slug), "{slug} / {full}");
        if i != 2 {
            // At a word: the full slug goes on with a new word.
            assert_eq!(&full[slug.len()..slug.len() + 1], "-", "{slug} / {full}");
        }
        assert!(err.contains("BT0097") && err.contains("--slug"), "{err}");
        let (code, _, err) = t.run(&["build", "--drafts"]);
        assert_eq!(code, 0, "{err}");
    }
    // 80 characters exactly are kept as they are, without a word.
    let t = site_with_sections();
    let title = format!("{} {}", "a".repeat(40), "b".repeat(39));
    let (code, out, err) = t.run(&["new", "tin-tuc", &title]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(&format!("{}-{}.md", "a".repeat(40), "b".repeat(39))),
        "{out}"
    );
    assert!(!err.contains("BT0097"), "{err}");
    // A `--slug` over 80 characters is refused, with one that fits.
    let slug = "thong-bao-".repeat(10);
    let slug = slug.trim_end_matches('-');
    let (code, _, err) = t.run(&["new", "tin-tuc", "Thông báo", "--slug", slug]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("BT0099"), "{err}");
    assert_eq!(articles(&t).len(), 1, "only the first article was written");
}

#[test]
fn titles_whose_file_name_windows_reserves_are_refused_with_a_slug_to_use() {
    for (title, slug) in [
        ("Con", None),
        ("CON", None),
        ("Aux", None),
        ("nul", None),
        ("Prn!", None),
        ("COM1", None),
        ("Lpt9", None),
        ("Họp báo", Some("con")),
        ("Họp báo", Some("com7")),
    ] {
        let t = site_with_sections();
        let mut args = vec!["new", "tin-tuc", title];
        if let Some(s) = slug {
            args.extend(["--slug", s]);
        }
        let (code, _, err) = t.run(&args);
        assert_eq!(code, 2, "{title} {slug:?}: {err}");
        assert!(err.contains("BT0098") && err.contains("--slug"), "{err}");
        assert!(articles(&t).is_empty(), "{title}: a file was written");
    }
    // Names that only begin like one are fine.
    for title in ["Con đường mới", "Com10", "Auxiliary", "Nul-2"] {
        let t = site_with_sections();
        let (code, _, err) = t.run(&["new", "tin-tuc", title]);
        assert_eq!(code, 0, "{title}: {err}");
        let (code, _, err) = t.run(&["build", "--drafts"]);
        assert_eq!(code, 0, "{title}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn a_path_too_long_for_the_system_is_named_so_not_as_a_permission() {
    // A site folder so deep (4066 bytes) that the article's path passes
    // the 4096 bytes Linux takes, while `content/tin-tuc/_index.md` fits.
    let t = SiteTest::new();
    let mut root = t.root().to_path_buf();
    let part = "thu-muc-rat-sau".repeat(6);
    while root.as_os_str().len() + 1 + part.len() < 4066 {
        root.push(&part);
    }
    let rest = 4066 - root.as_os_str().len() - 1;
    root.push("x".repeat(rest));
    std::fs::create_dir_all(root.join("content/tin-tuc")).unwrap();
    std::fs::copy(t.root().join("config.yaml"), root.join("config.yaml")).unwrap();
    std::fs::write(
        root.join("content/tin-tuc/_index.md"),
        "---\ntitle: Tin tức\n---\n",
    )
    .unwrap();
    let root = root.display().to_string();
    for title in ["Họp báo về kết quả kỳ họp thứ mười", "Thông báo"] {
        let (code, _, err) = t.run(&["new", "tin-tuc", title, "--root", &root]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("BT0063") && err.contains("too long"), "{err}");
        assert!(!err.contains("you may write"), "not a permission: {err}");
    }
}

/// Names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn init_checks_every_file_first_and_writes_nothing_when_one_exists() {
    // What stands at `.gitignore`, and how it is made.
    type Setup = (&'static str, fn(&Path));
    let setups: [Setup; 3] = [
        ("a .gitignore", |p| {
            std::fs::write(p.join(".gitignore"), "node_modules/\n").unwrap()
        }),
        ("a folder .gitignore", |p| {
            std::fs::create_dir(p.join(".gitignore")).unwrap()
        }),
        ("a link .gitignore", |p| {
            #[cfg(unix)]
            std::os::unix::fs::symlink("khong-co", p.join(".gitignore")).unwrap();
            #[cfg(not(unix))]
            std::fs::write(p.join(".gitignore"), "").unwrap();
        }),
    ];
    for (what, setup) in setups {
        let t = tempfile::tempdir().unwrap();
        std::fs::create_dir(t.path().join(".git")).unwrap();
        setup(t.path());
        let before = listing(t.path());
        let (code, out, err) = run_in(t.path(), &["init"]);
        assert_eq!(code, 2, "{what}: {out}{err}");
        assert!(
            err.contains("BT0096") && err.contains(".gitignore"),
            "{what}: {err}"
        );
        assert_eq!(listing(t.path()), before, "{what}: something was written");
        if what == "a .gitignore" {
            let kept = std::fs::read_to_string(t.path().join(".gitignore")).unwrap();
            assert_eq!(kept, "node_modules/\n");
        }
    }
}

#[cfg(unix)]
#[test]
fn init_that_fails_half_way_removes_what_it_wrote() {
    // A folder so deep (4070 bytes) that `config.yaml` fits in the 4096
    // bytes Linux takes for a path, but `content/tin-tuc/_index.md` does not.
    let t = tempfile::tempdir().unwrap();
    let mut parent = t.path().to_path_buf();
    let part = "thu-muc-rat-sau".repeat(6);
    while parent.as_os_str().len() + 1 + part.len() < 4070 - 10 {
        parent.push(&part);
    }
    std::fs::create_dir_all(&parent).unwrap();
    for (name, made_here) in [("x", false), ("y", true)] {
        let rest = 4070 - parent.as_os_str().len() - 1;
        let dir = parent.join(name.repeat(rest));
        if !made_here {
            std::fs::create_dir(&dir).unwrap();
            std::fs::create_dir(dir.join(".git")).unwrap();
        }
        let shown = dir.display().to_string();
        let (code, out, err) = run_in(t.path(), &["init", &shown]);
        assert_eq!(code, 2, "{out}{err}");
        assert!(err.contains("BT0063"), "{err}");
        if made_here {
            assert!(!dir.exists(), "the folder init made is left");
        } else {
            assert_eq!(listing(&dir), [".git"], "files left behind");
        }
    }
}
