//! One whole article through parse → link → plan → render, the stages
//! called directly on a tiny site held in memory (config, theme and the
//! other files are made once). Every page made is checked: no script the
//! theme did not write, no script URL, unique ids; every feed is XML.
#![no_main]

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use bantin::config::Config;
use bantin::content::kind::{Expect, Kind};
use bantin::content::markdown::{self, IframeHosts, MdSettings, ThemeIds};
use bantin::content::{front_matter, source, Parsed, SourceFile, SourceKind};
use bantin::diag::Diagnostic;
use bantin::model::{self, LinkInput};
use bantin::paths::OutPath;
use bantin::render::{self, Sink, Theme};
use bantin::vi::{parse_date, DateTime};
use bantin_fuzz::{check_page_html, check_unique_ids};
use libfuzzer_sys::fuzz_target;

/// A site: its config, theme and compiled templates, and the files other
/// than the fuzzed article.
struct Site {
    config: Config,
    theme: Theme,
    env: minijinja::Environment<'static>,
    others: Vec<Parsed>,
}

struct Fixture {
    /// Raw HTML off, then on.
    sites: [Site; 2],
    now: DateTime,
}

const OTHERS: &[(&str, SourceKind, &str)] = &[
    ("_index.md", SourceKind::Section, "---\ntitle: Trang chủ\n---\nBản tin thử.\n"),
    ("tin-tuc/_index.md", SourceKind::Section, "---\ntitle: Tin tức\n---\n"),
    (
        "tin-tuc/b.md",
        SourceKind::Article,
        "---\ntitle: \"Kỳ họp thứ 5\"\ndate: 15/10/2021\ntags: [HĐND, Bắc Kạn]\ncategories: [Kỳ họp]\n---\n\n## Kết quả\n\nĐoạn hai.\n",
    ),
];

fn settings(config: &Config) -> MdSettings {
    MdSettings {
        unsafe_html: config.markdown.unsafe_html,
        highlight: config.markdown.highlight_code,
        html: true,
        summary: true,
        lead: false,
        iframe_hosts: IframeHosts::new(&config.markdown.iframe_hosts),
        lang: config.lang,
        max_block_marks: config.limits.max_block_marks,
        theme_ids: ThemeIds::BUNDLED,
    }
}

/// Reads and parses one file as the parse stage does.
fn parse(
    rel: &str,
    kind: SourceKind,
    bytes: &[u8],
    config: &Config,
) -> Result<Parsed, Vec<Diagnostic>> {
    let file = SourceFile {
        path: PathBuf::from("/nonexistent/content").join(rel),
        rel: rel.to_string(),
        kind,
    };
    let shown = file.display();
    let src = source::read(bytes, &shown).map_err(|d| vec![d])?;
    let ctx = front_matter::Context {
        offset_minutes: 420,
        taxonomies: &[],
    };
    let expect = match kind {
        SourceKind::Section => Expect::Is(Kind::Section),
        SourceKind::Article | SourceKind::Bundle => Expect::Is(Kind::Article),
    };
    let front = front_matter::parse(&src, &shown, &ctx, expect)?;
    let md = MdSettings {
        summary: front.summary.is_none(),
        // Only articles show a sapo, as in the parse stage.
        lead: front.kind == Kind::Article,
        ..settings(config)
    };
    let body = markdown::render(src.body(), file.dir(), src.body_line, md);
    Ok(Parsed {
        file,
        front,
        body,
        // The fingerprint of the file's bytes only matters to `serve`.
        source_hash: 0,
        warnings: src.warnings,
    })
}

fn site(dir: &std::path::Path, unsafe_html: bool) -> Site {
    let yaml = format!(
        "title: \"Bản tin thử\"\nbase_url: \"https://thu.example.vn/\"\npaginate_by: 2\n\
         taxonomies: [tags, categories, authors]\nfeed: {{full_content: true}}\n\
         markdown: {{unsafe_html: {unsafe_html}}}\n"
    );
    std::fs::write(dir.join("config.yaml"), yaml).expect("write config");
    let config = Config::load(dir).expect("config");
    let theme = Theme::load(dir, &config).expect("theme");
    let env = render::env::environment(&theme, &config).expect("templates");
    let others = OTHERS
        .iter()
        .map(|(rel, kind, text)| {
            parse(rel, *kind, text.as_bytes(), &config).expect("fixture parses")
        })
        .collect();
    Site {
        config,
        theme,
        env,
        others,
    }
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        // One thread: the fuzzer runs one input at a time anyway.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build_global();
        let dir = std::env::temp_dir().join(format!("bantin-fuzz-article-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("content")).expect("temp dir");
        let sites = [site(&dir, false), site(&dir, true)];
        let _ = std::fs::remove_dir_all(&dir);
        let now = parse_date("2026-01-01T00:00:00+07:00", 420).expect("date");
        build(&sites[0], sites[0].others.clone(), now).expect("the fixture builds");
        Fixture { sites, now }
    })
}

/// Keeps what is rendered, in memory.
#[derive(Default)]
struct Memory(Mutex<Vec<(String, Vec<u8>)>>);

impl Sink for Memory {
    fn write(&self, path: &OutPath, bytes: &[u8]) -> std::io::Result<()> {
        let mut files = self.0.lock().expect("no panics while locked");
        files.push((path.as_str().to_string(), bytes.to_vec()));
        Ok(())
    }

    fn copy(&self, path: &OutPath, _src: &std::path::Path) -> std::io::Result<()> {
        self.write(path, b"")
    }
}

/// Link, plan and render `parsed` on `site`: the files made, or the
/// errors of linking and planning. Rendering must not fail.
fn build(
    site: &Site,
    parsed: Vec<Parsed>,
    now: DateTime,
) -> Result<Vec<(String, Vec<u8>)>, Vec<Diagnostic>> {
    let static_files: HashSet<String> = site
        .theme
        .static_files
        .iter()
        .map(|f| f.path.clone())
        .collect();
    let (linked, _) = model::link(LinkInput {
        config: site.config.clone(),
        parsed,
        assets: Vec::new(),
        broken: HashSet::new(),
        checked: Vec::new(),
        static_files,
        refused: Default::default(),
        markdown: settings(&site.config),
        drafts: true,
        future: true,
        now,
    })?;
    let plan = render::plan(&linked, &site.theme)?;
    let sink = Memory::default();
    if let Err(e) = render::render(&linked, &site.theme, &plan, site.env.clone(), &sink, None, None) {
        panic!(
            "rendering failed: {}",
            e.iter().map(|d| d.to_string()).collect::<String>()
        );
    }
    Ok(sink.0.into_inner().expect("no panics while locked"))
}

fn check_positions(errors: &[Diagnostic], lines: usize) {
    for d in errors {
        if d.file.to_str() == Some("content/tin-tuc/a.md") {
            assert!(d.line <= lines, "{d}");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, bytes)) = data.split_first() else {
        return;
    };
    let f = fixture();
    let site = &f.sites[usize::from(flags & 1)];
    // Lines as the decoder counts them: `\n`, `\r\n` and a lone `\r` end one.
    let lines = bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count() + 1;
    let article = match parse("tin-tuc/a.md", SourceKind::Article, bytes, &site.config) {
        Ok(p) => p,
        Err(e) => {
            check_positions(&e, lines);
            return;
        }
    };
    let mut parsed = site.others.clone();
    parsed.push(article);
    let files = match build(site, parsed, f.now) {
        Ok(files) => files,
        Err(e) => {
            check_positions(&e, lines);
            return;
        }
    };
    let mut paths = HashSet::new();
    for (path, bytes) in &files {
        assert!(paths.insert(path.clone()), "{path} written twice");
        if path.ends_with(".html") {
            let html = std::str::from_utf8(bytes).expect("pages are UTF-8");
            check_page_html(html);
            check_unique_ids(html);
            assert!(
                !html
                    .chars()
                    .any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')),
                "control character in {path}"
            );
        } else if path.ends_with(".xml") {
            let xml = std::str::from_utf8(bytes).expect("feeds are UTF-8");
            if let Err(e) = roxmltree::Document::parse(xml) {
                panic!("{path} is not XML: {e}");
            }
        }
    }
});
