//! Command-line interface: raw arguments → checked options.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use bantin::lang::Lang;

/// bantin: static site generator for Vietnamese government news bulletins.
#[derive(Debug, Parser)]
#[command(name = "bantin", version, about)]
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
            Command::Build(a) => &a.root,
            Command::Check(a) => &a.root,
            Command::Serve(a) => &a.root,
            Command::Init(a) => &a.dir,
            Command::New(a) => &a.root,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (replaced only if the build succeeds).
    Build(BuildArgs),
    /// Parse and link everything, write nothing, report every problem.
    Check(CheckArgs),
    /// Serve the site on 127.0.0.1, build again on every change, reload the browser.
    Serve(ServeArgs),
    /// Create a new site in DIR: config.yaml, a home page, a section, an article, a page.
    Init(InitArgs),
    /// Write a new article in SECTION with its front matter filled, as a draft.
    New(NewArgs),
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
    /// Folder of the new site; made if missing, else it must be empty.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct NewArgs {
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
