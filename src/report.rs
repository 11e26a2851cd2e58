//! What the command line tells of a build, in the site's language: the
//! summary after it, the stages with `--verbose`, and the progress bar of a
//! long build on a terminal.

use std::io::Write;
use std::sync::mpsc;
use std::sync::Mutex;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::lang::Lang;
use crate::pipeline::{BuildReport, PageKinds, Progress};

/// `n` followed by a noun: the Vietnamese one, or the English one in the
/// singular or the plural.
fn count(lang: Lang, n: usize, vi: &str, one: &str, many: &str) -> String {
    let noun = match lang {
        Lang::Vi => vi,
        Lang::En if n == 1 => one,
        Lang::En => many,
    };
    format!("{} {noun}", lang.number(n as u64))
}

/// `4,8 giây` / `4.8 s`; two decimals under a second.
pub fn seconds(lang: Lang, d: Duration) -> String {
    let s = d.as_secs_f64();
    let n = lang.decimal(s, if s < 1.0 { 2 } else { 1 });
    match lang {
        Lang::Vi => format!("{n} giây"),
        Lang::En => format!("{n} s"),
    }
}

/// `10.000 bài viết, 12 trang chuyên mục, …`: the kinds of pages there are.
pub fn page_kinds(lang: Lang, k: &PageKinds) -> String {
    let names: [(usize, &str, &str, &str); 7] = [
        (k.articles, "bài viết", "article", "articles"),
        (k.pages, "trang đơn", "standalone page", "standalone pages"),
        (
            k.listings,
            "trang chuyên mục",
            "section page",
            "section pages",
        ),
        (
            k.taxonomies,
            "trang phân loại",
            "taxonomy page",
            "taxonomy pages",
        ),
        (k.archive, "trang lưu trữ", "archive page", "archive pages"),
        (k.redirects, "trang chuyển hướng", "redirect", "redirects"),
        (k.not_found, "trang 404", "404 page", "404 pages"),
    ];
    names
        .iter()
        .filter(|(n, ..)| *n > 0)
        .map(|&(n, vi, one, many)| count(lang, n, vi, one, many))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The summary of a build that succeeded (`wrote`: `build`, else `check`),
/// one line and the details after it.
pub fn summary(r: &BuildReport, wrote: bool, elapsed: Duration) -> Vec<String> {
    let l = r.lang;
    let pages = format!(
        "{} ({})",
        count(l, r.kinds.total(), "trang", "page", "pages"),
        page_kinds(l, &r.kinds)
    );
    let feeds = count(l, r.feeds, "nguồn cấp tin", "feed", "feeds");
    let files = |n: usize| count(l, n, "tệp", "file", "files");
    let time = seconds(l, elapsed);
    let mut line = match (wrote, l) {
        (true, Lang::Vi) => format!(
            "bantin: đã dựng {pages}, {feeds}, chép {}, giữ nguyên {} không đổi, trong {time}",
            files(r.assets),
            files(r.written.2),
        ),
        (true, Lang::En) => format!(
            "bantin: built {pages}, {feeds}, copied {}, kept {} unchanged, in {time}",
            files(r.assets),
            files(r.written.2),
        ),
        (false, Lang::Vi) => format!(
            "bantin: đã kiểm tra {pages}, {feeds}, {} để chép, trong {time} — không ghi tệp nào",
            files(r.assets),
        ),
        (false, Lang::En) => format!(
            "bantin: checked {pages}, {feeds}, {} to copy, in {time} — nothing written",
            files(r.assets),
        ),
    };
    if !r.warnings.is_empty() {
        line.push_str(", ");
        line.push_str(&count(
            l,
            r.warnings.len(),
            "cảnh báo",
            "warning",
            "warnings",
        ));
    }
    let mut lines = vec![line];
    let s = r.skipped;
    let notes: Vec<String> = [
        (
            s.drafts,
            "bài nháp (thêm --drafts)",
            "draft (use --drafts)",
            "drafts (use --drafts)",
        ),
        (
            s.future,
            "bài hẹn ngày đăng (thêm --future)",
            "dated in the future (use --future)",
            "dated in the future (use --future)",
        ),
        (s.expired, "bài đã hết hạn", "expired", "expired"),
    ]
    .into_iter()
    .filter(|(n, ..)| *n > 0)
    .map(|(n, vi, one, many)| count(l, n, vi, one, many))
    .collect();
    if !notes.is_empty() {
        lines.push(match l {
            Lang::Vi => format!("  chưa đăng: {}", notes.join(", ")),
            Lang::En => format!("  not published: {}", notes.join(", ")),
        });
    }
    let im = r.images;
    if im.processed + im.reused > 0 {
        let images = |n: usize| count(l, n, "ảnh", "image", "images");
        let sizes = |n: usize| count(l, n, "tệp", "file", "files");
        lines.push(match l {
            Lang::Vi => format!(
                "  ảnh: xử lý {}, dùng lại {} đã xử lý; {} cỡ ảnh",
                images(im.processed),
                images(im.reused),
                sizes(r.variants)
            ),
            Lang::En => format!(
                "  images: {} processed, {} from the cache; {} of sizes",
                images(im.processed),
                im.reused,
                sizes(r.variants)
            ),
        });
    }
    if let Some(dir) = &r.output {
        let mb = l.decimal(r.written.1 as f64 / 1e6, 1);
        lines.push(match l {
            Lang::Vi => format!(
                "  thư mục xuất: {} — ghi {}, {mb} MB",
                dir.display(),
                files(r.written.0)
            ),
            Lang::En => format!(
                "  output: {} — {} written, {mb} MB",
                dir.display(),
                files(r.written.0)
            ),
        });
    }
    lines
}

/// What a stage does, in words.
pub fn stage_name(lang: Lang, stage: &str) -> &'static str {
    match (lang, stage) {
        (Lang::Vi, "config") => "đọc cấu hình và giao diện",
        (Lang::Vi, "walk") => "duyệt thư mục content",
        (Lang::Vi, "parse") => "đọc bài",
        (Lang::Vi, "link") => "liên kết",
        (Lang::Vi, "images") => "xử lý ảnh",
        (Lang::Vi, "plan") => "lập danh sách tệp",
        (Lang::Vi, "render") => "dựng trang",
        (Lang::Vi, "search") => "chỉ mục tìm kiếm",
        (Lang::Vi, "commit") => "thay thư mục xuất",
        (Lang::En, "config") => "configuration and theme",
        (Lang::En, "walk") => "content folder",
        (Lang::En, "parse") => "parsing",
        (Lang::En, "link") => "linking",
        (Lang::En, "images") => "images",
        (Lang::En, "plan") => "planning",
        (Lang::En, "render") => "rendering",
        (Lang::En, "search") => "search index",
        (Lang::En, "commit") => "replacing the output",
        _ => "…",
    }
}

/// `--verbose`: one plain line per stage as it ends, on stderr.
pub struct StageLines<W: Write + Send> {
    lang: Lang,
    state: Mutex<(W, usize)>,
}

impl<W: Write + Send> StageLines<W> {
    pub fn new(lang: Lang, out: W) -> Self {
        StageLines {
            lang,
            state: Mutex::new((out, 0)),
        }
    }

    /// The writer, to read what was written.
    pub fn into_inner(self) -> W {
        self.state.into_inner().unwrap_or_else(|e| e.into_inner()).0
    }
}

impl<W: Write + Send> Progress for StageLines<W> {
    fn start(&self, _name: &'static str, total: usize) {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).1 = total;
    }

    fn tick(&self, _n: usize) {}

    fn finish(&self, name: &'static str, time: Duration) {
        let l = self.lang;
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let files = match state.1 {
            0 => String::new(),
            n => format!(" ({})", count(l, n, "tệp", "file", "files")),
        };
        let line = format!(
            "bantin: {}{files}: {}",
            stage_name(l, name),
            seconds(l, time)
        );
        let _ = writeln!(state.0, "{line}");
    }
}

/// How long a build runs before its progress bar shows: a quick build
/// shows none.
pub const BAR_DELAY: Duration = Duration::from_secs(1);

/// The progress bar of a build on a terminal (on stderr), drawn only once
/// the build has run for [`BAR_DELAY`], and removed when it ends.
pub struct Bar {
    bar: ProgressBar,
    lang: Lang,
    stop: Option<mpsc::Sender<()>>,
    waiter: Option<std::thread::JoinHandle<()>>,
}

impl Bar {
    /// A bar drawn to stderr after [`BAR_DELAY`], if stderr is a terminal.
    pub fn new(lang: Lang) -> Bar {
        Bar::to(lang, ProgressDrawTarget::stderr())
    }

    /// A bar drawn to `target` after [`BAR_DELAY`].
    pub fn to(lang: Lang, target: ProgressDrawTarget) -> Bar {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        let (stop, stopped) = mpsc::channel::<()>();
        let shown = bar.clone();
        let waiter = std::thread::spawn(move || {
            if let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(BAR_DELAY) {
                shown.set_draw_target(target);
                shown.enable_steady_tick(Duration::from_millis(120));
            }
        });
        Bar {
            bar,
            lang,
            stop: Some(stop),
            waiter: Some(waiter),
        }
    }

    /// Removes the bar (the build ended).
    pub fn clear(mut self) {
        self.end();
    }

    fn end(&mut self) {
        drop(self.stop.take());
        if let Some(w) = self.waiter.take() {
            let _ = w.join();
        }
        self.bar.finish_and_clear();
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.end();
    }
}

impl Progress for Bar {
    fn start(&self, name: &'static str, total: usize) {
        // The stage's name first: a redraw between two calls shows the new
        // stage, never the old name with the new count.
        self.bar.set_message(stage_name(self.lang, name));
        self.bar.set_position(0);
        if total > 0 {
            self.bar.set_length(total as u64);
            self.bar.set_style(
                ProgressStyle::with_template("{msg:>18} [{bar:30}] {pos}/{len}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> "),
            );
        } else {
            self.bar.set_style(
                ProgressStyle::with_template("{msg:>18} {spinner}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            self.bar.unset_length();
        }
    }

    fn tick(&self, n: usize) {
        self.bar.inc(n as u64);
    }

    fn finish(&self, _name: &'static str, _time: Duration) {}
}

/// Writes `args` to stdout, for [`outln!`](crate::outln). A reader that
/// went away (`bantin check | head -1`) ends the process with status 1 and
/// no message: nobody is left to read one, and `println!` would panic.
pub fn print_out(args: std::fmt::Arguments<'_>) {
    print_to(&mut std::io::stdout().lock(), args);
}

/// Writes `args` to stderr, for [`errln!`](crate::errln) and
/// [`errprint!`](crate::errprint); a reader gone ends the process as
/// [`print_out`] does.
pub fn print_err(args: std::fmt::Arguments<'_>) {
    print_to(&mut std::io::stderr().lock(), args);
}

fn print_to(w: &mut dyn Write, args: std::fmt::Arguments<'_>) {
    if let Err(e) = w.write_fmt(args).and_then(|()| w.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(1);
        }
        // Any other failure (a full disk behind `>`) loses the line, not
        // the work the line reports on.
    }
}

/// `println!` that ends the process with status 1, quietly, when stdout's
/// reader is gone ([`report::print_out`](crate::report::print_out)).
#[macro_export]
macro_rules! outln {
    () => {
        $crate::report::print_out(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::report::print_out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `eprintln!` that ends the process with status 1, quietly, when stderr's
/// reader is gone ([`report::print_err`](crate::report::print_err)).
#[macro_export]
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::report::print_err(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `eprint!` with the same care as [`errln!`](crate::errln).
#[macro_export]
macro_rules! errprint {
    ($($arg:tt)*) => {
        $crate::report::print_err(format_args!($($arg)*))
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// A terminal that keeps what is drawn on it.
    #[derive(Debug, Default, Clone)]
    struct Screen(Arc<Mutex<String>>);

    impl Screen {
        fn text(&self) -> String {
            self.0.lock().unwrap().clone()
        }
    }

    impl indicatif::TermLike for Screen {
        fn width(&self) -> u16 {
            80
        }
        fn move_cursor_up(&self, _n: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_down(&self, _n: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_right(&self, _n: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_left(&self, _n: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn write_line(&self, s: &str) -> std::io::Result<()> {
            self.0.lock().unwrap().push_str(&format!("{s}\n"));
            Ok(())
        }
        fn write_str(&self, s: &str) -> std::io::Result<()> {
            self.0.lock().unwrap().push_str(s);
            Ok(())
        }
        fn clear_line(&self) -> std::io::Result<()> {
            self.0.lock().unwrap().push_str("<clear>");
            Ok(())
        }
        fn flush(&self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_quick_build_draws_no_bar() {
        let screen = Screen::default();
        let bar = Bar::to(
            Lang::Vi,
            ProgressDrawTarget::term_like(Box::new(screen.clone())),
        );
        bar.start("parse", 100);
        bar.tick(100);
        bar.finish("parse", Duration::ZERO);
        bar.clear();
        assert_eq!(screen.text(), "");
    }

    #[test]
    fn a_long_build_draws_its_bar_after_a_while_and_removes_it() {
        let screen = Screen::default();
        let bar = Bar::to(
            Lang::Vi,
            ProgressDrawTarget::term_like(Box::new(screen.clone())),
        );
        bar.start("render", 200);
        bar.tick(64);
        std::thread::sleep(BAR_DELAY + Duration::from_millis(400));
        bar.tick(64);
        let drawn = screen.text();
        assert!(drawn.contains("dựng trang"), "{drawn:?}");
        assert!(drawn.contains("/200"), "{drawn:?}");
        bar.clear();
        assert!(screen.text().ends_with("<clear>"), "{:?}", screen.text());
    }

    #[test]
    fn seconds_in_each_language() {
        assert_eq!(seconds(Lang::Vi, Duration::from_millis(4840)), "4,8 giây");
        assert_eq!(seconds(Lang::Vi, Duration::from_millis(350)), "0,35 giây");
        assert_eq!(seconds(Lang::En, Duration::from_millis(4840)), "4.8 s");
    }

    #[test]
    fn kinds_of_pages_name_only_those_there_are() {
        let k = PageKinds {
            articles: 10_000,
            listings: 12,
            taxonomies: 240,
            not_found: 1,
            ..Default::default()
        };
        assert_eq!(
            page_kinds(Lang::Vi, &k),
            "10.000 bài viết, 12 trang chuyên mục, 240 trang phân loại, 1 trang 404"
        );
        let k = PageKinds {
            articles: 1,
            redirects: 2,
            ..Default::default()
        };
        assert_eq!(page_kinds(Lang::En, &k), "1 article, 2 redirects");
    }
}
