//! The `bantin` binary: parse the command line, run the library, print
//! diagnostics, exit 0 (success), 1 (content errors) or 2 (usage or config).

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use bantin::diag::Diagnostic;
use bantin::pipeline::{build, BuildOptions, BuildReport, Failure};
use cli::{Cli, Command};

fn main() -> ExitCode {
    // Ctrl-C and SIGTERM remove the staging folder of a build, then exit 130 / 143.
    if let Err(e) = bantin::output::remove_staging_on_signals() {
        eprintln!("bantin: cannot handle Ctrl-C: {e}");
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
    let (opts, timings) = match cli.command {
        Command::Init(a) => return init(&a.dir),
        Command::Serve(a) => return serve(a),
        Command::New(a) => return new_article(&a),
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
        ),
    };
    let started = std::time::Instant::now();
    match build(&opts) {
        Ok(report) => {
            print_diagnostics(&report.warnings);
            summary(&report, &opts, started.elapsed());
            if timings {
                print_timings(&report);
            }
            ExitCode::SUCCESS
        }
        Err(Failure::Config(errors)) => {
            print_diagnostics(&errors);
            eprintln!("bantin: configuration error, nothing was written");
            ExitCode::from(2)
        }
        Err(Failure::Content { errors, warnings }) => {
            print_diagnostics(&warnings);
            print_diagnostics(&errors);
            eprintln!(
                "bantin: {} error{} — nothing was written; the previous site is unchanged",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" }
            );
            ExitCode::from(1)
        }
    }
}

/// `bantin serve`: runs until stopped.
fn serve(a: cli::ServeArgs) -> ExitCode {
    let opts = bantin::serve::ServeOptions {
        root: a.root,
        port: a.port,
        drafts: a.drafts,
        future: a.future,
        open: a.open,
    };
    let ready = |url: &str| {
        println!("bantin: đang phục vụ trang tại {url} — Ctrl-C để dừng");
        let _ = std::io::stdout().flush();
    };
    match bantin::serve::serve(&opts, ready) {
        Ok(()) => ExitCode::SUCCESS,
        Err(bantin::serve::ServeError(errors)) => {
            print_diagnostics(&errors);
            ExitCode::from(2)
        }
    }
}

/// `bantin init DIR`: a new site, and what to do next.
fn init(dir: &std::path::Path) -> ExitCode {
    match bantin::scaffold::init(dir, bantin::vi::DateTime::now(420)) {
        Ok(created) => {
            println!(
                "bantin: đã tạo trang mới trong `{}`:",
                created.root.display()
            );
            for f in &created.files {
                println!("  {f}");
            }
            let cd = if created.root == std::path::Path::new(".") {
                String::new()
            } else {
                format!("cd {} && ", created.root.display())
            };
            println!("tiếp theo: {cd}bantin build   (hoặc bantin serve để xem và sửa trực tiếp)");
            ExitCode::SUCCESS
        }
        Err(d) => {
            print_diagnostics(&[d]);
            ExitCode::from(2)
        }
    }
}

/// `bantin new SECTION "Tiêu đề"`: a draft article, and its path.
fn new_article(a: &cli::NewArgs) -> ExitCode {
    let config = match bantin::config::Config::load(&a.root) {
        Ok(c) => c,
        Err(e) => {
            print_diagnostics(&e);
            return ExitCode::from(2);
        }
    };
    if !a.root.join("content").is_dir() {
        print_diagnostics(&[bantin::config::not_a_site(&a.root, "content/ folder")]);
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
        Ok(path) => {
            let shown = if a.root == std::path::Path::new(".") {
                path
            } else {
                a.root.join(&path)
            };
            println!("bantin: đã tạo bài nháp {}", shown.display());
            println!("  mở tệp để viết bài; xóa dòng `draft: true` khi bài sẵn sàng đăng");
            ExitCode::SUCCESS
        }
        Err(d) => {
            print_diagnostics(&[d]);
            ExitCode::from(2)
        }
    }
}

fn print_diagnostics(diags: &[Diagnostic]) {
    let stderr = std::io::stderr();
    let mut out = stderr.lock();
    for d in diags {
        let _ = writeln!(out, "{d}");
    }
}

fn summary(r: &BuildReport, opts: &BuildOptions, elapsed: std::time::Duration) {
    let skipped = r.skipped;
    let mut notes = Vec::new();
    if skipped.drafts > 0 {
        notes.push(format!("{} drafts (use --drafts)", skipped.drafts));
    }
    if skipped.future > 0 {
        notes.push(format!(
            "{} dated in the future (use --future)",
            skipped.future
        ));
    }
    if skipped.expired > 0 {
        notes.push(format!("{} expired", skipped.expired));
    }
    let verb = if opts.write { "built" } else { "checked" };
    println!(
        "bantin: {verb} {} articles{} in {} sections: {} pages, {} feeds, {} files copied{} in {:.2} s",
        r.articles,
        match r.standalone {
            0 => String::new(),
            n => format!(" and {n} standalone pages"),
        },
        r.sections,
        r.pages,
        r.feeds,
        r.assets,
        if r.warnings.is_empty() { String::new() } else { format!(", {} warnings", r.warnings.len()) },
        elapsed.as_secs_f64()
    );
    if !notes.is_empty() {
        println!("  not published: {}", notes.join(", "));
    }
    if let Some(dir) = &r.output {
        println!(
            "  output: {} ({} files written, {:.1} MB; {} unchanged files kept)",
            dir.display(),
            r.written.0,
            r.written.1 as f64 / 1e6,
            r.written.2
        );
    }
}

fn print_timings(r: &BuildReport) {
    println!("stage timings:");
    for s in &r.timings {
        let rss = s.rss.map_or(String::new(), |b| {
            format!("  (memory {:.0} MiB)", b as f64 / 1048576.0)
        });
        println!(
            "  {:<10} {:>10.1} ms{rss}",
            s.name,
            s.time.as_secs_f64() * 1e3
        );
    }
    if !r.search_cut.is_zero() {
        println!(
            "  (of render: cutting articles for search {:.1} ms, summed over threads)",
            r.search_cut.as_secs_f64() * 1e3
        );
    }
    println!("template timings (summed over threads):");
    let mut t = r.template_times.clone();
    t.sort_by_key(|x| std::cmp::Reverse(x.1));
    for (name, d, n) in t {
        println!(
            "  {name:<24} {:>10.1} ms {n:>8} pages {:>8.3} ms/page",
            d.as_secs_f64() * 1e3,
            d.as_secs_f64() * 1e3 / n.max(1) as f64
        );
    }
}
