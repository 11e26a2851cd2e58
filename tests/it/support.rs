//! `SiteTest`: a throwaway site folder, built with a fixed clock.

use std::path::{Path, PathBuf};
use std::process::Command;

use bantin::diag::Diagnostic;
use bantin::pipeline::{build, BuildOptions, BuildReport, Failure};
use bantin::vi::parse_date;

pub struct SiteTest {
    pub dir: tempfile::TempDir,
}

/// Front matter + body of an article dated `date`.
/// A PNG file of `width` × `height` pixels (a small gradient).
pub fn png_header(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, 120])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("encode a PNG");
    out.into_inner()
}

/// A PNG of `width` × `height` pixels of noise: as heavy as PNG gets
/// (3 bytes a pixel), for size limits.
pub fn noise_png(width: u32, height: u32) -> Vec<u8> {
    let mut state: u32 = 0x2545_f491;
    let img = image::RgbImage::from_fn(width, height, |_, _| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let [a, b, c, _] = state.to_le_bytes();
        image::Rgb([a, b, c])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("encode a PNG");
    out.into_inner()
}

pub fn article(title: &str, date: &str, extra: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\ndate: {date}\n{extra}---\n\n{body}\n")
}

impl SiteTest {
    pub fn new() -> Self {
        let t = SiteTest {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        t.write(
            "config.yaml",
            "title: \"Bản tin thử\"\nbase_url: \"https://thu.example.vn/\"\npaginate_by: 3\n",
        );
        t
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.root().join("public")
    }

    pub fn write(&self, path: &str, text: &str) -> &Self {
        self.write_bytes(path, text.as_bytes())
    }

    pub fn write_bytes(&self, path: &str, bytes: &[u8]) -> &Self {
        let p = self.root().join(path);
        std::fs::create_dir_all(p.parent().expect("has parent")).expect("mkdir");
        std::fs::write(p, bytes).expect("write");
        self
    }

    pub fn options(&self) -> BuildOptions {
        BuildOptions {
            root: self.root().to_path_buf(),
            write: true,
            now: Some(parse_date("2026-01-01T00:00:00+07:00", 420).expect("date")),
            ..Default::default()
        }
    }

    pub fn build(&self) -> Result<BuildReport, Failure> {
        build(&self.options())
    }

    pub fn build_ok(&self) -> BuildReport {
        match self.build() {
            Ok(r) => r,
            Err(Failure::Config(e)) | Err(Failure::Content { errors: e, .. }) => {
                panic!(
                    "build failed:\n{}",
                    e.iter().map(|d| d.to_string()).collect::<String>()
                )
            }
        }
    }

    /// The content errors of a build that must fail.
    pub fn build_errors(&self) -> Vec<Diagnostic> {
        match self.build() {
            Ok(_) => panic!("the build should have failed"),
            Err(Failure::Content { errors, .. }) => errors,
            Err(Failure::Config(e)) => panic!("expected content errors, got config errors: {e:?}"),
        }
    }

    /// The configuration errors of a build that must stop with exit 2.
    pub fn build_config_errors(&self) -> Vec<Diagnostic> {
        match self.build() {
            Ok(_) => panic!("the build should have failed"),
            Err(Failure::Config(e)) => e,
            Err(Failure::Content { errors, .. }) => {
                panic!("expected config errors, got content errors: {errors:?}")
            }
        }
    }

    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.out().join(path))
            .unwrap_or_else(|e| panic!("read {path}: {e}"))
    }

    pub fn exists(&self, path: &str) -> bool {
        self.out().join(path).exists()
    }

    /// Runs the binary in the site folder.
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = bantin()
            .args(args)
            .current_dir(self.root())
            .output()
            .expect("run bantin");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }
}

/// The binary, speaking English: the tests compare English messages unless
/// they ask for another language with `--lang` or `language:`.
pub fn bantin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_bantin"));
    c.env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

/// All `href`/`src` values of an HTML text.
pub fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let end = rest.find('"').unwrap_or(rest.len());
            out.push(rest[..end].replace("&amp;", "&"));
            rest = &rest[end..];
        }
    }
    out
}

/// Checks that no `id="…"` value is on `page` twice.
pub fn assert_ids_unique(page: &str) {
    let ids: Vec<&str> = page
        .split(" id=\"")
        .skip(1)
        .map(|p| &p[..p.find('"').expect("closed attribute")])
        .collect();
    let mut seen = std::collections::HashSet::new();
    for id in &ids {
        assert!(seen.insert(id), "id `{id}` twice on the page: {ids:?}");
    }
}

/// Checks that every relative link in every HTML file of `out` resolves to a file.
pub fn assert_links_resolve(out: &Path) {
    let mut broken = Vec::new();
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(out).into_iter().flatten() {
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        if entry.file_name() == "404.html" {
            continue; // its links start from the site root, as it is served at any depth
        }
        pages += 1;
        let html = std::fs::read_to_string(entry.path()).expect("read page");
        let dir = entry.path().parent().expect("parent");
        for link in links(&html) {
            if link.contains("://")
                || link.starts_with('#')
                || link.starts_with("mailto:")
                || link.starts_with("tel:")
            {
                continue;
            }
            let path = percent_decode(link.split(['?', '#']).next().unwrap_or(""));
            let path = path.as_str();
            let target = dir.join(path);
            let target = if path.ends_with('/') || path.is_empty() {
                target.join("index.html")
            } else {
                target
            };
            if !target.exists() {
                broken.push(format!(
                    "{} → {link}",
                    entry.path().strip_prefix(out).unwrap().display()
                ));
            }
        }
    }
    assert!(pages > 0, "no pages in {}", out.display());
    assert!(
        broken.is_empty(),
        "{} broken links, e.g.:\n{}",
        broken.len(),
        broken[..broken.len().min(20)].join("\n")
    );
}

pub use bantin::url::percent_decode;
