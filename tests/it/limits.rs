//! Costs that stay linear and bounded, whatever an officer pastes.

use crate::support::{article, SiteTest};

fn site() -> SiteTest {
    let t = SiteTest::new();
    t.write("content/tin-tuc/_index.md", "---\ntitle: Tin tức\n---\n");
    t
}

#[test]
fn a_huge_summary_is_shown_once_and_clipped_where_it_is_repeated() {
    let t = site();
    let summary = "Hội đồng nhân dân tỉnh họp ".repeat(4_000);
    t.write(
        "content/tin-tuc/a.md",
        &article(
            "A",
            "2021-10-15",
            &format!("summary: \"{summary}\"\ntags: [HĐND]\n"),
            "Thân bài.",
        ),
    );
    t.build_ok();
    let page = t.read("tin-tuc/a/index.html");
    let full = summary.trim();
    assert_eq!(page.matches(full).count(), 1, "the sapo holds it once");
    assert!(page.len() < full.len() + 30_000, "{} bytes", page.len());
    for other in [
        "index.html",
        "tin-tuc/index.html",
        "the/hdnd/index.html",
        "rss.xml",
        "atom.xml",
    ] {
        let text = t.read(other);
        assert!(text.len() < 30_000, "{other}: {} bytes", text.len());
        assert!(
            text.contains("Hội đồng nhân dân tỉnh họp Hội đồng"),
            "{other}"
        );
    }
}

#[test]
fn full_content_feeds_rewrite_many_links_in_one_pass() {
    let t = site();
    t.write(
        "config.yaml",
        "title: T\nbase_url: \"https://thu.example.vn/\"\nfeed: {full_content: true}\n",
    );
    t.write(
        "content/tin-tuc/b.md",
        &article("B", "2021-10-14", "", "Bài B."),
    );
    let links = "[B](b.md) ".repeat(20_000);
    t.write(
        "content/tin-tuc/a.md",
        &article("A", "2021-10-15", "", &links),
    );
    let started = std::time::Instant::now();
    t.build_ok();
    let feed = t.read("rss.xml");
    assert_eq!(
        feed.matches("href=&quot;https://thu.example.vn/tin-tuc/b/&quot;")
            .count(),
        20_000
    );
    // Not a timing assertion: the figure is printed for the record.
    eprintln!("20,000 links built in {:.2?}", started.elapsed());
}

#[test]
fn a_file_over_the_size_limit_is_an_error_naming_the_setting() {
    let t = site();
    t.write(
        "config.yaml",
        "title: T\nbase_url: \"https://thu.example.vn/\"\nlimits: {max_file_mb: 1}\n",
    );
    let table = "| a | b |\n|---|---|\n".to_string() + &"| 1 | 2 |\n".repeat(130_000);
    t.write(
        "content/tin-tuc/lon.md",
        &article("Lớn", "2021-10-15", "", &table),
    );
    t.write(
        "content/tin-tuc/nho.md",
        &article("Nhỏ", "2021-10-15", "", "x"),
    );
    let e = t.build_errors();
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].location(), "content/tin-tuc/lon.md");
    assert!(
        e[0].message_en()
            .starts_with("the file is 1.3 MB, larger than the limit of 1 MB (`limits.max_file_mb`"),
        "{}",
        e[0].message_en()
    );
    // The default limit is 10 MB: the same file builds.
    t.write(
        "config.yaml",
        "title: T\nbase_url: \"https://thu.example.vn/\"\n",
    );
    t.build_ok();
}

#[test]
fn control_characters_pasted_from_word_never_reach_a_page() {
    let t = site();
    t.write(
        "content/tin-tuc/a.md",
        "---\ntitle: \"Kỳ họp\u{1} thứ năm\u{1b}\"\ndate: 2021-10-15\ntags: [\"HĐ\u{c}ND\"]\n---\n\nĐoạn\u{c} một.\n",
    );
    let r = t.build_ok();
    let at: Vec<String> = r.warnings.iter().map(|w| w.location()).collect();
    assert_eq!(
        at,
        [
            "content/tin-tuc/a.md:2:15",
            "content/tin-tuc/a.md:4:11",
            "content/tin-tuc/a.md:7:5"
        ]
    );
    for f in [
        "tin-tuc/a/index.html",
        "index.html",
        "the/hdnd/index.html",
        "rss.xml",
    ] {
        let text = t.read(f);
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{f}"
        );
    }
    assert!(t.read("tin-tuc/a/index.html").contains("<h1"), "built");
}

#[test]
fn a_block_of_markdown_marks_is_shown_as_text_with_a_warning() {
    let t = site();
    let run = "[<".repeat(60_000);
    let body = format!("Mở đầu.\n\n{run}\n\n## Kết luận\n\nCuối [bài](https://x.vn/).");
    t.write(
        "content/tin-tuc/dac.md",
        &article("Đặc", "2021-10-15", "", &body),
    );
    let report = t.build_ok();
    let w: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.message_en().contains("Markdown marks"))
        .collect();
    assert_eq!(w.len(), 1, "{:?}", report.warnings);
    assert_eq!(w[0].location(), "content/tin-tuc/dac.md:8:1");
    assert!(
        w[0].message_en()
            .starts_with("this block has 120000 Markdown marks")
            && w[0].message_en().contains("`limits.max_block_marks`"),
        "{}",
        w[0].message_en()
    );
    let hint = w[0].hint_en().unwrap_or_default();
    assert!(hint.contains("limits: {max_block_marks: …}"), "{hint}");
    let page = t.read("tin-tuc/dac/index.html");
    let shown = format!("<p>{}</p>", "[&lt;".repeat(60_000));
    assert!(page.contains(&shown), "the block as escaped text");
    // The blocks around it are Markdown as usual.
    assert!(page.contains("<p>Mở đầu.</p>"));
    assert!(page.contains("<h2 id=\"ket-luan\">Kết luận</h2>"));
    assert!(page.contains("<a href=\"https://x.vn/\">bài</a>"));

    // A higher limit parses it as Markdown, which shows the same text.
    t.write(
        "config.yaml",
        "title: T\nbase_url: \"https://thu.example.vn/\"\nlimits: {max_block_marks: 200000}\n",
    );
    let report = t.build_ok();
    assert!(!report
        .warnings
        .iter()
        .any(|w| w.message_en().contains("Markdown marks")));
    assert!(t.read("tin-tuc/dac/index.html").contains(&shown));
}

#[test]
fn large_tables_and_lists_are_rendered_whole_in_parts() {
    let t = site();
    let rows: String = (0..20_000)
        .map(|k| format!("| {k} | {} |\n", k * 7))
        .collect();
    let items: String = (0..20_000)
        .map(|k| format!("- mục {k}\n  - con {k}\n"))
        .collect();
    let body = format!("| Số | Giá trị |\n|---:|---|\n{rows}\nGiữa.\n\n{items}\nHết.");
    t.write(
        "content/tin-tuc/lon.md",
        &article("Lớn", "2021-10-15", "", &body),
    );
    let report = t.build_ok();
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    let page = t.read("tin-tuc/lon/index.html");
    // One table and one list, every row and item in them.
    assert_eq!(page.matches("<table>").count(), 1);
    assert_eq!(page.matches("<tbody>").count(), 1);
    assert_eq!(page.matches("<tr>").count(), 20_001);
    assert!(page.contains("<td align=\"right\">19999</td>"));
    assert_eq!(page.matches("<li>mục").count(), 20_000);
    let list = &page[page.find("<p>Giữa.</p>").unwrap()..page.find("<p>Hết.</p>").unwrap()];
    let lists = list.matches("<ul>").count();
    assert_eq!(lists, 20_001, "one list of items, one inside each");
}

/// `[` and `{` nested `depth` deep around `1`, as `open` / `close` write
/// one level.
fn nested(depth: usize, open: &str, close: &str) -> String {
    format!("{}1{}", open.repeat(depth), close.repeat(depth))
}

/// Line and column (1-based) of the 33rd `[` or `{` of `text`: in these
/// texts every bracket opens a collection, and none closes before it.
fn thirty_third_bracket(text: &str) -> (usize, usize) {
    let (at, _) = text
        .char_indices()
        .filter(|(_, c)| matches!(c, '[' | '{'))
        .nth(32)
        .expect("33 brackets");
    let before = &text[..at];
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        text[start..at].chars().count() + 1,
    )
}

#[test]
fn brackets_nested_deeper_than_32_are_refused_at_the_first_too_deep() {
    use bantin::pipeline::Failure;
    // Values of `extra: {x: …}`, each refused before parsing: the
    // unclosed ones took libyaml a minute.
    let values = [
        nested(40, "[", "]"),
        nested(33, "{a: ", "}"),
        nested(20, "[{k: ", "}]"),
        "[".repeat(100_000),
        "{a: ".repeat(50_000),
        format!("\n  [\n{}", "   [\n".repeat(40)),
        format!("[\"[[[\", '{{{{', # [[[[\n {}", "[".repeat(40)),
    ];
    for value in &values {
        let yaml = format!("title: A\ndate: 2021-10-15\nextra: {{x: {value}}}\n");
        // Brackets in quotes or comments open nothing: blanked out, the
        // 33rd left is the one to report.
        let structural = yaml
            .replace("\"[[[\"", "\"xxx\"")
            .replace("'{{'", "'xx'")
            .replace("# [[[[", "# xxxx");
        let (line, column) = thirty_third_bracket(&structural);
        let t = site();
        t.write(
            "content/tin-tuc/a.md",
            &format!("---\n{yaml}---\n\nThân.\n"),
        );
        let e = t.build_errors();
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].id(), "BT0095", "{}", e[0]);
        let at = format!("content/tin-tuc/a.md:{}:{column}", line + 1);
        assert_eq!(e[0].location(), at, "{}", e[0]);
        // The same in config.yaml, where the YAML starts on line 1.
        let t = site();
        t.write("config.yaml", &format!("title: \"Thử\"\n{}", &yaml[9..]));
        let Err(Failure::Config(e)) = t.build() else {
            panic!("a config.yaml nested too deep must be refused");
        };
        assert_eq!(e[0].id(), "BT0095", "{}", e[0]);
        assert_eq!(
            e[0].location(),
            format!("config.yaml:{line}:{column}"),
            "{}",
            e[0]
        );
    }
    // A concrete one: `extra: {x: ` and 31 `[` before it.
    let t = site();
    t.write(
        "content/tin-tuc/a.md",
        &format!(
            "---\ntitle: A\nextra: {{x: {}}}\n---\n",
            nested(40, "[", "]")
        ),
    );
    assert_eq!(t.build_errors()[0].location(), "content/tin-tuc/a.md:3:43");
}

#[test]
fn brackets_that_open_nothing_or_nest_32_deep_are_read() {
    let deep = nested(31, "[", "]");
    let many = "[".repeat(40);
    for extra in [
        format!("{{x: {deep}}}"),
        format!("\"{many}\""),
        format!("'{many}'"),
        format!("Mục {many}"),
        format!("|\n  {many}\n  {}", "{".repeat(40)),
        format!(">-\n\n    {many}"),
        format!("a # {many}"),
        format!("{{x: \"{many}\", y: '{many}', z: [a # {many}\n  ]}}"),
    ] {
        let t = site();
        t.write(
            "content/tin-tuc/a.md",
            &format!("---\ntitle: A\ndate: 2021-10-15\nextra: {extra}\n---\n\nThân.\n"),
        );
        t.build_ok();
        t.write("config.yaml", &format!("title: \"Thử\"\nextra: {extra}\n"));
        t.build_ok();
    }
}
