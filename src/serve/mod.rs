//! `bantin serve`: build the site into memory, serve it on 127.0.0.1 to
//! this machine's pages only, watch the site's files, build again on every
//! change and reload open tabs. A failed build keeps the last good site
//! served and shows its errors in the terminal and over the page.

pub mod http;
pub mod memory;
pub mod request;
pub mod server;
mod watch;

use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::diag::{Code, Diagnostic, Io};
use crate::pipeline::{BuildOptions, Cache, Failure};
use http::State;
use memory::MemorySink;

/// What to serve and how.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    /// First port to try; the next ones are tried when it is taken. 0 lets
    /// the system choose.
    pub port: u16,
    pub drafts: bool,
    pub future: bool,
    /// Open the site in the default browser once it is served.
    pub open: bool,
    /// Language of the messages printed and shown in the page.
    pub lang: crate::lang::Lang,
}

/// Why `serve` could not start.
#[derive(Debug)]
pub struct ServeError(pub Vec<Diagnostic>);

/// Ports tried after the first one, when it is taken.
const MORE_PORTS: u16 = 10;

fn bind(port: u16) -> Result<TcpListener, Diagnostic> {
    let ports: Vec<u16> = if port == 0 {
        vec![0]
    } else {
        (port..=port.saturating_add(MORE_PORTS)).collect()
    };
    let mut last = None;
    for p in ports {
        match TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, p))) {
            Ok(l) => return Ok(l),
            Err(e) => last = Some(e),
        }
    }
    let code = Code::CannotListen {
        port,
        last: (port != 0).then(|| port.saturating_add(MORE_PORTS)),
        error: last.as_ref().map(Io::from),
    };
    Err(Diagnostic::error("--port", 0, 0, code))
}

/// The site in memory and what the next build needs to redo only what changed.
#[derive(Default)]
pub struct Site {
    pub files: Arc<memory::Files>,
    cache: Cache,
}

impl Site {
    /// Tells the next build which files changed: a change of settings,
    /// templates or static files rebuilds everything; a content file is
    /// read again.
    pub fn changed(&mut self, root: &Path, paths: &[PathBuf]) {
        for p in paths {
            let rel = p.strip_prefix(root).unwrap_or(p);
            if rel.starts_with("content") {
                self.cache.changed(root, p);
            } else {
                self.cache.forget();
            }
        }
    }

    /// Builds the site again with the local address `base_url`, making only
    /// the files that changed since the last good build. On failure the
    /// last good site stays.
    pub fn build(&mut self, opts: &ServeOptions, base_url: &str) -> Result<usize, Failure> {
        let sink = MemorySink::default();
        let build_opts = BuildOptions {
            root: opts.root.clone(),
            base_url: Some(base_url.to_string()),
            drafts: opts.drafts,
            future: opts.future,
            write: false,
            ..Default::default()
        };
        let report = crate::pipeline::rebuild(&build_opts, &sink, &mut self.cache)?;
        for w in &report.warnings {
            crate::errln!("{}", w.report(opts.lang));
        }
        let made = sink.into_files();
        let count = made.len();
        let mut files: memory::Files = self
            .cache
            .outputs()
            .filter_map(|out| self.files.get_key_value(out))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        files.extend(made);
        self.files = Arc::new(files);
        Ok(count)
    }
}

/// The printed report of a failed build.
fn report(failure: &Failure, lang: crate::lang::Lang) -> String {
    let (errors, warnings) = match failure {
        Failure::Config(e) => (e.as_slice(), &[][..]),
        Failure::Content { errors, warnings } => (errors.as_slice(), warnings.as_slice()),
    };
    let mut text = String::new();
    for d in warnings.iter().chain(errors) {
        text.push_str(&d.report(lang));
        text.push('\n');
    }
    text
}

/// Builds, serves and rebuilds until the process is stopped. `ready` is
/// called with the URL once the site is served (the binary prints it).
pub fn serve(opts: &ServeOptions, ready: impl FnOnce(&str)) -> Result<(), ServeError> {
    // Not a site: stop before listening, as every other command does.
    crate::config::Config::load(&opts.root).map_err(ServeError)?;
    if !opts.root.join("content").is_dir() {
        return Err(ServeError(vec![crate::config::not_a_site(
            &opts.root, false,
        )]));
    }
    let listener = bind(opts.port).map_err(|d| ServeError(vec![d]))?;
    let addr = listener.local_addr().map_err(|e| {
        ServeError(vec![Diagnostic::error(
            "--port",
            0,
            0,
            Code::CannotServe {
                detail: e.to_string(),
            },
        )])
    })?;
    let url = format!("http://127.0.0.1:{}/", addr.port());
    let cannot_serve = |e: std::io::Error| {
        ServeError(vec![Diagnostic::error(
            "--port",
            0,
            0,
            Code::CannotServe {
                detail: e.to_string(),
            },
        )])
    };
    let state = Arc::new(State::new(opts.root.clone(), addr.port(), opts.lang));
    let mut site = Site::default();
    rebuild(opts, &url, &state, &mut site, Instant::now());
    // Watch first, so that no change made while the server starts is lost.
    let changes = watch::Watcher::new(&opts.root, opts.lang).map_err(|d| ServeError(vec![d]))?;
    // Every thread of the server is made now; none later, so none can be
    // refused while serving.
    server::start(listener, state.clone(), server::Limits::default()).map_err(cannot_serve)?;
    {
        let state = state.clone();
        std::thread::Builder::new()
            .name("serve-ping".into())
            .spawn(move || loop {
                std::thread::sleep(PING_EVERY);
                state.ping();
            })
            .map_err(cannot_serve)?;
    }
    ready(&url);
    if opts.open {
        open_browser(&url);
    }
    let root = std::fs::canonicalize(&opts.root).unwrap_or_else(|_| opts.root.clone());
    while let Some(changed) = changes.next_batch() {
        let started = Instant::now();
        site.changed(&root, &changed);
        let shown: Vec<String> = changed
            .iter()
            .take(3)
            .map(|p| crate::diag::rel(&opts.root, p).display().to_string())
            .collect();
        crate::errln!(
            "bantin: thay đổi: {}{}",
            shown.join(", "),
            if changed.len() > 3 {
                format!(" (+{})", changed.len() - 3)
            } else {
                String::new()
            }
        );
        rebuild(opts, &url, &state, &mut site, started);
    }
    Ok(())
}

/// Builds again and tells the tabs: the new site, or the errors over the
/// last good one.
fn rebuild(opts: &ServeOptions, url: &str, state: &State, site: &mut Site, started: Instant) {
    match site.build(opts, url) {
        Ok(pages) => {
            state.set_files(site.files.clone());
            *state.errors.write().unwrap_or_else(|e| e.into_inner()) = None;
            state.broadcast("reload");
            crate::errln!(
                "bantin: đã dựng {pages} tệp trong {} ms",
                started.elapsed().as_millis()
            );
        }
        Err(failure) => {
            let text = report(&failure, opts.lang);
            crate::errprint!("{text}");
            crate::errln!("bantin: trang chưa dựng được; đang phục vụ bản dựng tốt gần nhất");
            *state.errors.write().unwrap_or_else(|e| e.into_inner()) = Some(text);
            state.broadcast("error");
        }
    }
}

/// Opens `url` in the default browser; a failure only prints a line.
fn open_browser(url: &str) {
    let cmd: (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    if std::process::Command::new(cmd.0)
        .args(&cmd.1)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_err()
    {
        crate::errln!("bantin: cannot open a browser; open {url} yourself");
    }
}

/// Whether a changed path can change the site: not the output folder,
/// not hidden files or editor leftovers.
fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return true;
    };
    let mut parts = rel.components().map(|c| c.as_os_str().to_string_lossy());
    match parts.next() {
        Some(first) if first == "config.yaml" => true,
        Some(first) if ["content", "templates", "static", "themes"].contains(&&*first) => rel
            .components()
            .all(|c| !crate::content::walk::is_ignored(&c.as_os_str().to_string_lossy())),
        _ => false,
    }
}

/// How often event streams get a comment, so that closed tabs are noticed.
const PING_EVERY: Duration = Duration::from_secs(15);

/// How long the watcher waits for an editor's several writes of one save
/// to end before building.
const SETTLE: Duration = Duration::from_millis(60);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_site_files_trigger_a_build() {
        let root = Path::new("/site");
        for (p, yes) in [
            ("/site/config.yaml", true),
            ("/site/content/tin-tuc/a.md", true),
            ("/site/templates/base.html", true),
            ("/site/static/logo.png", true),
            ("/site/themes/x/templates/a.html", true),
            ("/site/content/tin-tuc/.a.md.swp", false),
            ("/site/content/tin-tuc/a.md~", false),
            ("/site/public/index.html", false),
            ("/site/.git/index", false),
            ("/site/config.yaml.bak", false),
        ] {
            assert_eq!(relevant(root, Path::new(p)), yes, "{p}");
        }
    }
}
