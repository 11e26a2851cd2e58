//! The `bantin` binary: parse the command line, run the library, print
//! diagnostics, exit 0 (success), 1 (content errors) or 2 (usage or config).

mod cli;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

use bantin::diag::{lang, Diagnostic, Lang};
use bantin::pipeline::{build, build_with, BuildOptions, BuildReport, Failure};
use bantin::{errln, outln};
use cli::{Cli, Command};

fn main() -> ExitCode {
    // Ctrl-C and SIGTERM remove the staging folder of a build, then exit 130 / 143.
    if let Err(e) = bantin::output::remove_staging_on_signals() {
        errln!("bantin: cannot handle Ctrl-C: {e}");
    }
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let lang = message_language(&cli);
    let (opts, timings, verbosity) = match cli.command {
        Command::Init(a) => return init(&a.dir, a.quiet, lang),
        Command::Serve(a) => return serve(a, lang),
        Command::New(a) => return new_article(&a, lang),
        Command::Completions(a) => {
            use clap::CommandFactory;
            // Into memory first: clap_complete panics when its writer fails.
            let mut script = Vec::new();
            clap_complete::generate(a.shell, &mut Cli::command(), "bantin", &mut script);
            bantin::report::print_out(format_args!("{}", String::from_utf8_lossy(&script)));
            return ExitCode::SUCCESS;
        }
        Command::Build(a) => (
            BuildOptions {
                root: a.root,
                output: a.output,
                base_url: a.base_url,
                drafts: a.drafts,
                future: a.future,
                write: true,
                ..Default::default()
            },
            a.timings,
            a.verbosity,
        ),
        Command::Check(a) => (
            BuildOptions {
                root: a.root,
                drafts: a.drafts,
                future: a.future,
                write: false,
                ..Default::default()
            },
            false,
            a.verbosity,
        ),
    };
    let started = std::time::Instant::now();
    let built = run_build(&opts, verbosity);
    // A cache folder made for this run only (the site's and the user's
    // could not be used) goes with it.
    bantin::media::private::remove_temporary();
    match built {
        Ok(report) => {
            print_diagnostics(lang, &report.warnings);
            if !verbosity.quiet {
                for line in bantin::report::summary(&report, opts.write, started.elapsed()) {
                    outln!("{line}");
                }
            }
            if timings {
                print_timings(&report);
            }
            ExitCode::SUCCESS
        }
        Err(Failure::Config(errors)) => {
            print_diagnostics(lang, &errors);
            errln!(
                "bantin: {}",
                match lang {
                    Lang::Vi => "lỗi cấu hình — chưa ghi gì",
                    Lang::En => "configuration error, nothing was written",
                }
            );
            ExitCode::from(2)
        }
        Err(Failure::Content { errors, warnings }) => {
            print_diagnostics(lang, &warnings);
            print_diagnostics(lang, &errors);
            let n = errors.len();
            match lang {
                Lang::Vi => errln!(
                    "bantin: {} lỗi — chưa ghi gì; trang đã đăng vẫn giữ nguyên",
                    bantin::vi::format_number(n as u64)
                ),
                Lang::En => errln!(
                    "bantin: {n} error{} — nothing was written; the previous site is unchanged",
                    if n == 1 { "" } else { "s" }
                ),
            }
            ExitCode::from(1)
        }
    }
}

/// Builds, with stage lines (`--verbose`) or a progress bar (a long
/// build on a terminal) on stderr.
fn run_build(opts: &BuildOptions, v: cli::Verbosity) -> Result<BuildReport, Failure> {
    if v.quiet {
        return build(opts);
    }
    // The language of the site's messages; a broken config.yaml is
    // reported by the build itself.
    let lang = bantin::config::Config::load(&opts.root)
        .map(|c| c.lang)
        .unwrap_or_default();
    if v.verbose {
        let lines = bantin::report::StageLines::new(lang, std::io::stderr());
        return build_with(opts, &lines);
    }
    if std::io::stderr().is_terminal() {
        let bar = bantin::report::Bar::new(lang);
        let built = build_with(opts, &bar);
        bar.clear();
        return built;
    }
    build(opts)
}

/// `bantin serve`: runs until stopped.
fn serve(a: cli::ServeArgs, lang: Lang) -> ExitCode {
    let opts = bantin::serve::ServeOptions {
        root: a.root,
        port: a.port,
        drafts: a.drafts,
        future: a.future,
        open: a.open,
        lang,
    };
    let ready = |url: &str| {
        outln!("bantin: đang phục vụ trang tại {url} — Ctrl-C để dừng");
    };
    match bantin::serve::serve(&opts, ready) {
        Ok(()) => ExitCode::SUCCESS,
        Err(bantin::serve::ServeError(errors)) => {
            print_diagnostics(lang, &errors);
            ExitCode::from(2)
        }
    }
}

/// `bantin init DIR`: a new site, and what to do next.
fn init(dir: &std::path::Path, quiet: bool, lang: Lang) -> ExitCode {
    match bantin::scaffold::init(dir, bantin::vi::DateTime::now(420)) {
        Ok(_) if quiet => ExitCode::SUCCESS,
        Ok(created) => {
            outln!(
                "bantin: đã tạo trang mới trong `{}`:",
                created.root.display()
            );
            for f in &created.files {
                outln!("  {f}");
            }
            let cd = if created.root == std::path::Path::new(".") {
                String::new()
            } else {
                format!("cd {} && ", created.root.display())
            };
            outln!("tiếp theo: {cd}bantin build   (hoặc bantin serve để xem và sửa trực tiếp)");
            ExitCode::SUCCESS
        }
        Err(d) => {
            print_diagnostics(lang, &[d]);
            ExitCode::from(2)
        }
    }
}

/// `bantin new SECTION "Tiêu đề"`: a draft article, and its path.
fn new_article(a: &cli::NewArgs, lang: Lang) -> ExitCode {
    let config = match bantin::config::Config::load(&a.root) {
        Ok(c) => c,
        Err(e) => {
            print_diagnostics(lang, &e);
            return ExitCode::from(2);
        }
    };
    if !a.root.join("content").is_dir() {
        print_diagnostics(lang, &[bantin::config::not_a_site(&a.root, false)]);
        return ExitCode::from(2);
    }
    let now = bantin::vi::DateTime::now(config.offset_minutes);
    let req = bantin::scaffold::NewArticle {
        root: &a.root,
        section: &a.section,
        title: &a.title,
        slug: a.slug.as_deref(),
    };
    match bantin::scaffold::new_article(&req, &config, now) {
        Ok(written) if a.quiet => {
            print_diagnostics(lang, &written.warnings);
            ExitCode::SUCCESS
        }
        Ok(written) => {
            print_diagnostics(lang, &written.warnings);
            let shown = if a.root == std::path::Path::new(".") {
                written.path
            } else {
                a.root.join(&written.path)
            };
            if written.kind == bantin::content::kind::Kind::Page {
                outln!("bantin: đã tạo trang nháp {}", shown.display());
                outln!("  mở tệp để viết trang; xóa dòng `draft: true` khi trang sẵn sàng đăng");
            } else {
                outln!("bantin: đã tạo bài nháp {}", shown.display());
                outln!("  mở tệp để viết bài; xóa dòng `draft: true` khi bài sẵn sàng đăng");
            }
            ExitCode::SUCCESS
        }
        Err(d) => {
            print_diagnostics(lang, &[d]);
            ExitCode::from(2)
        }
    }
}

/// `--lang`, else `language:` of config.yaml if it can be read, else the locale.
fn message_language(cli: &Cli) -> Lang {
    let config = match cli.lang {
        Some(_) => None,
        None => bantin::config::Config::written_language(cli.command.root()),
    };
    let locale = lang::locale_from_env();
    lang::choose(cli.lang, config, locale.as_deref())
}

fn print_diagnostics(lang: Lang, diags: &[Diagnostic]) {
    for d in diags {
        errln!("{}", d.report(lang));
    }
}

fn print_timings(r: &BuildReport) {
    outln!("stage timings:");
    for s in &r.timings {
        let rss = s.rss.map_or(String::new(), |b| {
            format!("  (memory {:.0} MiB)", b as f64 / 1048576.0)
        });
        outln!(
            "  {:<10} {:>10.1} ms{rss}",
            s.name,
            s.time.as_secs_f64() * 1e3
        );
    }
    if !r.search_cut.is_zero() {
        outln!(
            "  (of render: cutting articles for search {:.1} ms, summed over threads)",
            r.search_cut.as_secs_f64() * 1e3
        );
    }
    outln!("template timings (summed over threads):");
    let mut t = r.template_times.clone();
    t.sort_by_key(|x| std::cmp::Reverse(x.1));
    for (name, d, n) in t {
        outln!(
            "  {name:<24} {:>10.1} ms {n:>8} pages {:>8.3} ms/page",
            d.as_secs_f64() * 1e3,
            d.as_secs_f64() * 1e3 / n.max(1) as f64
        );
    }
}
