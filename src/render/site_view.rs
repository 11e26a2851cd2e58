//! What every page knows of the site (`site` in templates): identity,
//! contact, menu. Also the checks of the settings that name files or pages
//! of the site, which can only be made once the theme and the plan are known.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Serialize;

use super::plan::Planned;
use super::theme::Theme;
use super::views::Crumb;
use crate::config::Config;
use crate::diag::{did_you_mean, Code, Diagnostic};
use crate::model::Site;
use crate::url::UrlKind;

/// A menu entry: a site path (or a full address) and its `#fragment`.
#[derive(Serialize)]
pub struct MenuView<'a> {
    title: &'a str,
    path: &'a str,
    /// Percent-encoded, without `#`; empty when there is none.
    fragment: Cow<'a, str>,
    /// Items under this one (one level).
    children: Vec<MenuView<'a>>,
    /// `id` of the list of children, for the button that opens it.
    id: String,
}

/// An image of the site's identity, with its size when the file tells it,
/// and its sizes (`picture`, as a featured image's) when bantin made them.
#[derive(Serialize)]
pub struct ImageView<'a> {
    path: &'a str,
    alt: &'a str,
    width: Option<u32>,
    height: Option<u32>,
    picture: Option<super::picture::PictureView<'a>>,
}

#[derive(Serialize)]
pub struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: String,
    language: &'static str,
    contact: &'a crate::config::Contact,
    menu: Vec<MenuView<'a>>,
    taxonomies: Vec<Crumb<'a>>,
    archive: String,
    /// Path of the search page, when search is on.
    search: Option<String>,
    extra: &'a serde_json::Value,
    has_code: bool,
    /// The emblem from `logo:`; the theme's own when `None`.
    logo: Option<ImageView<'a>>,
    banner: Option<ImageView<'a>>,
    /// The footer line on citing the source; empty when hidden.
    citation: String,
}

/// Whether a menu path is a path of this site (not a full address).
fn is_site_path(path: &str) -> bool {
    matches!(
        crate::url::check(path),
        Ok(UrlKind::Relative | UrlKind::Fragment)
    )
}

fn menu_item<'a>(m: &'a crate::config::MenuItem, id: String) -> MenuView<'a> {
    let site_path = is_site_path(&m.path);
    let (path, fragment) = match m.path.split_once('#') {
        Some((p, f)) if site_path => (p, crate::url::encode_fragment(f)),
        _ => (m.path.as_str(), "".into()),
    };
    let path = if site_path {
        path.trim_start_matches('/')
    } else {
        path
    };
    MenuView {
        title: m.title.as_str(),
        path,
        fragment,
        children: m
            .children
            .iter()
            .map(|c| menu_item(c, String::new()))
            .collect(),
        id,
    }
}

/// The view of `site` every page gets; `t` gives the theme's strings.
pub fn site_view<'a>(site: &'a Site, theme: &'a Theme, t: impl Fn(&str) -> String) -> SiteView<'a> {
    let cfg = &site.config;
    let menu = if cfg.menu.is_empty() {
        // Top-level sections, then the pages at the content root.
        let home = &site.sections[0];
        let sections = home.children.iter().map(|&c| &site.sections[c]);
        let pages = home.pages.iter().map(|&p| &site.pages[p]);
        sections
            .map(|s| (s.title.as_str(), s.path.as_str()))
            .chain(pages.map(|p| (p.title.as_str(), p.path.as_str())))
            .map(|(title, path)| MenuView {
                title,
                path,
                fragment: "".into(),
                children: Vec::new(),
                id: String::new(),
            })
            .collect()
    } else {
        cfg.menu
            .iter()
            .enumerate()
            .map(|(i, m)| menu_item(m, format!("menu_con_{}", i + 1)))
            .collect()
    };
    // `src_width`: the size for `src` (the banner spans the page, the
    // logo is a small emblem).
    let image = |path: &'a str, alt: &'a str, src_width: u32| {
        let picture = super::picture::view(site, Some(path), src_width);
        let size = match &picture {
            Some(p) => Some((p.width, p.height)),
            None => theme
                .static_files
                .iter()
                .find(|f| f.path == path)
                .and_then(|f| match &f.bytes {
                    super::theme::Bytes::Disk(p) => crate::content::image_size(p),
                    super::theme::Bytes::Embedded(_) => None,
                }),
        };
        ImageView {
            path,
            alt,
            width: size.map(|s| s.0),
            height: size.map(|s| s.1),
            picture,
        }
    };
    SiteView {
        title: &cfg.title,
        description: &cfg.description,
        base_url: cfg.base(),
        language: cfg.lang.code(),
        contact: &cfg.contact,
        menu,
        taxonomies: site
            .taxonomies
            .iter()
            .map(|x| Crumb::new(t(&x.name), x.path.as_str()))
            .collect(),
        archive: format!("{}/", cfg.urls.archive),
        search: cfg.search.enabled.then(|| format!("{}/", cfg.urls.search)),
        extra: &cfg.extra,
        has_code: site.has_code,
        logo: cfg
            .logo
            .as_deref()
            .map(|l| image(l.trim_start_matches('/'), "", 0)),
        banner: cfg.banner.as_ref().map(|b| {
            image(
                b.image.trim_start_matches('/'),
                b.alt.as_deref().unwrap_or(""),
                1600,
            )
        }),
        citation: match &cfg.contact.citation {
            Some(c) => c.clone(),
            None => t("citation").replace("{title}", &cfg.title),
        },
    }
}

/// Errors about `logo` and `banner`: each must name a file of `static/`
/// that is published (`refused` are those that are not, as `static/PATH`),
/// and a banner says what it shows. Reported at their line of config.yaml.
pub fn check_identity(
    cfg: &Config,
    theme: &Theme,
    refused: &std::collections::HashMap<String, crate::diag::Refusal>,
) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let statics: Vec<&str> = theme.static_files.iter().map(|f| f.path.as_str()).collect();
    let mut file = |key: &str, value: &str| {
        let path = value.trim_start_matches('/');
        if statics.contains(&path) {
            return;
        }
        let (l, c) = cfg.locate(key, value);
        let code = match refused.get(&format!("static/{path}")) {
            Some(why) => Code::NotPublishedTarget {
                written: value.to_string(),
                image: true,
                why: why.clone(),
            },
            None => Code::NotInStatic {
                key: key.to_string(),
                value: value.to_string(),
                suggestion: did_you_mean(path, statics.iter().copied()).map(str::to_string),
            },
        };
        errors.push(Diagnostic::error("config.yaml", l, c, code).source(&cfg.source));
    };
    if let Some(logo) = &cfg.logo {
        file("logo", logo);
    }
    if let Some(b) = &cfg.banner {
        file("banner", &b.image);
        if b.alt.is_none() {
            let (l, c) = cfg.locate("banner", &b.image);
            errors.push(
                Diagnostic::error("config.yaml", l, c, Code::BannerWithoutAlt).source(&cfg.source),
            );
        }
    }
    errors
}

/// Errors about menu items whose site path has no page or file in `plan`,
/// at their line of config.yaml, with the closest page path.
pub fn check_menu(cfg: &Config, plan: &[Planned]) -> Vec<Diagnostic> {
    let files: BTreeMap<&str, ()> = plan.iter().map(|p| (p.out.as_str(), ())).collect();
    let pages = || {
        plan.iter()
            .filter(|p| p.job.is_page())
            .filter_map(|p| p.out.as_str().strip_suffix("index.html"))
    };
    let mut errors = Vec::new();
    let items = cfg
        .menu
        .iter()
        .flat_map(|m| std::iter::once(m).chain(&m.children));
    for m in items.filter(|m| is_site_path(&m.path)) {
        let path = m.path.split('#').next().unwrap_or("");
        let path = path.trim_start_matches('/');
        let found = path.is_empty()
            || files.contains_key(path)
            || files.contains_key(format!("{path}index.html").as_str())
            || files.contains_key(format!("{path}/index.html").as_str());
        if found {
            continue;
        }
        let (l, c) = cfg.locate("menu", &m.path);
        let code = Code::MenuNoPage {
            title: m.title.clone(),
            path: m.path.clone(),
            suggestion: did_you_mean(path, pages()).map(str::to_string),
        };
        let d = Diagnostic::error("config.yaml", l, c, code);
        errors.push(d.source(&cfg.source));
    }
    errors
}
