//! The config stage: config.yaml, the theme and the output folder, checked
//! before any content is read. A problem here stops the build (exit 2), and
//! a folder without config.yaml or content/ is not a site: nothing is touched.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::config::Config;
use crate::diag::{Code, Diagnostic, Refusal};
use crate::render::{self, Theme};

use super::{images, output_error, split_config_errors, Ctx, Diags, Failure};

/// What the config stage makes, beside the config that link takes.
pub(super) struct Setup {
    pub theme: Theme,
    /// Files not published, by site path, with why.
    pub refused: HashMap<String, Refusal>,
    /// The templates; `None` when they have errors, which are reported with
    /// those of the content.
    pub env: Option<minijinja::Environment<'static>>,
    pub output_dir: PathBuf,
}

/// Loads config.yaml and the theme, and checks the output folder of a build
/// to disk; template errors are the returned errors, reported with the
/// content's.
pub(super) fn load(ctx: &Ctx<'_>) -> Result<(Config, Setup, Diags), Failure> {
    ctx.ticker.start("config", 0);
    let opts = ctx.opts;
    let root = &opts.root;
    let mut config = Config::load(root).map_err(Failure::Config)?;
    if !root.join("content").is_dir() {
        return Err(Failure::Config(vec![crate::config::not_a_site(
            root, false,
        )]));
    }
    if let Some(url) = &opts.base_url {
        if let Err(why) = crate::config::check_base_url(url) {
            let code = Code::BadBaseUrl {
                flag: true,
                url: url.clone(),
                why,
            };
            return Err(Failure::Config(vec![Diagnostic::error(
                "--base-url",
                0,
                0,
                code,
            )]));
        }
        config.base_url = url.clone();
    }
    let mut theme = Theme::load(root, &config).map_err(|e| split_config_errors(e, Vec::new()))?;
    // Images of static/ whose metadata cannot be removed are not published.
    let refused = images::refuse_static(&mut theme);
    let identity = render::site_view::check_identity(&config, &theme, &refused);
    if !identity.is_empty() {
        return Err(Failure::Config(identity));
    }
    let mut diags = Diags::default();
    let env = match render::env::environment(&theme, &config) {
        Ok(env) => Some(env),
        Err(e) => {
            diags.errors.extend(e);
            None
        }
    };
    let output_dir = opts.output.clone().unwrap_or_else(|| root.join("public"));
    if ctx.to_disk {
        if let Err(e) = crate::output::check_target(root, &output_dir) {
            return Err(Failure::Config(vec![output_error(&output_dir, e)]));
        }
    }
    let setup = Setup {
        theme,
        refused,
        env,
        output_dir,
    };
    Ok((config, setup, diags))
}
