//! Command-line interface: raw arguments → checked options.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use bantin::lang::Lang;

/// bantin: static site generator for Vietnamese government news bulletins.
#[derive(Debug, Parser)]
#[command(name = "bantin", version, about, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of messages: vi or en [default: `language:` of config.yaml,
    /// else from LANG; Vietnamese if unset].
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| "write `vi` or `en`".to_string())
}

impl Command {
    /// The site folder the command works on.
    pub fn root(&self) -> &std::path::Path {
        match self {
            Command::Completions(_) => std::path::Path::new("."),
            Command::Build(a) => &a.root,
            Command::Check(a) => &a.root,
            Command::Serve(a) => &a.root,
            Command::Init(a) => &a.dir,
            Command::New(a) => &a.root,
        }
    }
}

const EXAMPLES: &str = "\
Examples:
  bantin init ban-tin && cd ban-tin        start a new site
  bantin serve                             preview it at http://127.0.0.1:1111/ while writing
  bantin new tin-tuc \"Tiêu đề bài viết\"    a new draft article in section tin-tuc
  bantin build                             build the site into public/
  bantin completions bash                  completions for bash, zsh, fish or powershell

Run `bantin COMMAND --help` for the options and examples of a command.";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (replaced only if the build succeeds).
    #[command(after_help = "\
Examples:
  bantin build
  bantin build --root ban-tin --output /var/www/ban-tin --base-url https://hdnd.backan.gov.vn/
  bantin build --drafts --future --verbose   see drafts and scheduled articles, stage by stage
  bantin build --quiet                       for scripts: print only problems")]
    Build(BuildArgs),
    /// Parse and link everything, write nothing, report every problem.
    #[command(after_help = "\
Examples:
  bantin check
  bantin check --root ban-tin --drafts   check drafts too, before publishing them")]
    Check(CheckArgs),
    /// Serve the site on 127.0.0.1, build again on every change, reload the browser.
    #[command(after_help = "\
Examples:
  bantin serve
  bantin serve --root ban-tin --port 8080 --drafts --open")]
    Serve(ServeArgs),
    /// Create a new site in DIR: config.yaml, a home page, a section, an article, a page.
    #[command(after_help = "\
Examples:
  bantin init ban-tin
  bantin init          fill the current folder, if it is empty")]
    Init(InitArgs),
    /// Write a new draft in SECTION with its front matter filled: an article,
    /// or a page in a section of `kind: pages`.
    #[command(after_help = "\
Examples:
  bantin new tin-tuc \"HĐND phường họp phiên thường kỳ\"
  bantin new tin-tuc/dia-phuong \"Tin xã\" --slug tin-xa-thang-10
  bantin new co-cau \"Thường trực HĐND\"   a page, if co-cau/_index.md says `kind: pages`")]
    New(NewArgs),
    /// Print the shell completions of bantin, to be loaded by the shell.
    #[command(after_help = "\
Examples:
  bantin completions bash > ~/.local/share/bash-completion/completions/bantin
  bantin completions zsh > \"${fpath[1]}/_bantin\"
  bantin completions fish > ~/.config/fish/completions/bantin.fish
  bantin completions powershell >> $PROFILE")]
    Completions(CompletionsArgs),
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    pub shell: clap_complete::Shell,
}

/// How much a command prints.
#[derive(Debug, Clone, Copy, Args)]
pub struct Verbosity {
    /// Print nothing but problems: no summary, no progress bar.
    #[arg(short, long, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print each stage of the build as it ends, with its time.
    #[arg(short, long)]
    pub verbose: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Site folder (holding config.yaml and content/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Port on 127.0.0.1 (the next free one if taken; 0: any free port).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Show articles with `draft: true`, marked as drafts.
    #[arg(long)]
    pub drafts: bool,
    /// Show articles dated in the future.
    #[arg(long)]
    pub future: bool,
    /// Open the site in the browser.
    #[arg(long)]
    pub open: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Print nothing but problems.
    #[arg(short, long)]
    pub quiet: bool,
    /// Folder of the new site; made if missing, else it must be empty.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Print nothing but problems.
    #[arg(short, long)]
    pub quiet: bool,
    /// Section folder under content/, such as `tin-tuc`.
    pub section: String,
    /// Title of the article, in quotes: "Tiêu đề bài viết".
    pub title: String,
    /// File name (slug) of the article; from the title by default.
    #[arg(long)]
    pub slug: Option<String>,
    /// Site folder (holding config.yaml and content/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub verbosity: Verbosity,
    /// Site folder (holding config.yaml and content/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Output folder [default: ROOT/public].
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// Override base_url from config.yaml.
    #[arg(long)]
    pub base_url: Option<String>,
    /// Include articles with `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Include articles dated in the future.
    #[arg(long)]
    pub future: bool,
    /// Print the time of each stage and template.
    #[arg(long)]
    pub timings: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub verbosity: Verbosity,
    /// Site folder (holding config.yaml and content/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Include drafts in the check.
    #[arg(long)]
    pub drafts: bool,
    /// Include articles dated in the future.
    #[arg(long)]
    pub future: bool,
}
