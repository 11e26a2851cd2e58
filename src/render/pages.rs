//! The pages of a site as independent jobs, and how each is rendered.

pub(crate) mod attachments;
mod page;

use minijinja::value::Value;
use minijinja::{context, Environment};

use super::env::{date_value, root_of, safe, template_error};
use super::feeds;
use super::links::rewrite_links;
use super::plan::{path_of, Job, Planned};
use super::site_view::site_view;
use super::theme::Theme;
use super::views::{card, cards, section_trail, Crumb, Pager, TermRef};
use crate::content::kind::Kind;
use crate::content::markdown::{SAPO_CLOSE, SAPO_OPEN};
use crate::diag::{Code, Diagnostic, Io, IoKind, Page};
use crate::model::paginate::{page, page_count};
use crate::model::urls::output_file;
use crate::model::Site;

/// Renders jobs; shared by all threads.
pub struct Renderer<'a> {
    site: &'a Site,
    env: Environment<'static>,
    theme: &'a Theme,
    /// Every file of the output; the sitemap lists its pages.
    plan: &'a [Planned],
    /// Context shared by every page (`site`, `t`).
    base: Value,
    archive_root: String,
    /// Home-page order, computed once: every home page slices it.
    home: Vec<usize>,
    /// How many of `home` are pinned (they come first).
    pinned: usize,
    /// Takes each article's text for the search index.
    search: Option<&'a super::search::Collector<'a>>,
}

/// A file made beside a page: an article's search fragment.
pub type Beside = Option<(crate::paths::OutPath, Vec<u8>)>;

/// A rendered file, the template it came from, and a file made beside it.
pub type Rendered = (Vec<u8>, Option<&'static str>, Beside);

impl<'a> Renderer<'a> {
    pub fn new(
        site: &'a Site,
        theme: &'a Theme,
        plan: &'a [Planned],
        env: Environment<'static>,
        search: Option<&'a super::search::Collector<'a>>,
    ) -> Self {
        let cfg = &site.config;
        let view = site_view(site, theme, |k| theme.string(k));
        let base = context! { site => Value::from_serialize(&view), t => Value::from_serialize(&theme.strings), image_sizes => &site.config.images.sizes };
        let home = site.home_articles();
        let pinned = site.articles.iter().filter(|a| a.pinned).count();
        Renderer {
            site,
            env,
            theme,
            plan,
            base,
            archive_root: cfg.urls.archive.clone(),
            home,
            pinned,
            search,
        }
    }

    fn t(&self, key: &str) -> String {
        self.theme.string(key)
    }

    /// The title of page `n` of a listing: `heading`, then "– Trang n"
    /// from the second page on.
    fn paged(&self, heading: &str, n: usize) -> String {
        if n > 1 {
            format!("{heading} – {} {n}", self.t("page"))
        } else {
            heading.to_string()
        }
    }

    /// Renders `template` for the page at site path `path`.
    fn page(
        &self,
        template: &'static str,
        path: &str,
        root: Option<String>,
        ctx: Value,
    ) -> Result<Vec<u8>, Box<Diagnostic>> {
        let file = output_file(path);
        let root = root.unwrap_or_else(|| root_of(&file));
        let canonical = format!("{}{}", self.site.config.base(), path);
        let ctx = minijinja::value::merge_maps([
            context! { root => root, path => path, canonical => canonical },
            ctx,
            self.base.clone(),
        ]);
        let tmpl = self
            .env
            .get_template(template)
            .map_err(|e| self.err(template, &e))?;
        let html = tmpl.render(ctx).map_err(|e| self.err(template, &e))?;
        Ok(html.into_bytes())
    }

    fn err(&self, template: &str, e: &minijinja::Error) -> Box<Diagnostic> {
        let name = e.name().unwrap_or(template);
        let (source, shown) = self
            .theme
            .templates
            .get(name)
            .map_or(("", name.to_string()), |(s, f)| (s.as_str(), f.clone()));
        Box::new(template_error(e, &shown, source))
    }

    /// Renders the file of one planned job (not the copies: see
    /// [`super::render`]); the name of the template used comes with it.
    pub fn render(&self, planned: &Planned) -> Result<Rendered, Box<Diagnostic>> {
        let job = &planned.job;
        let path = path_of(self.site, self.theme, *job);
        let template = self.template_of(*job);
        let mut beside = None;
        let bytes = self
            .render_job(*job, &path, template, &mut beside)
            .map_err(|mut d| {
                // A template error names the page it was rendering.
                if let Code::Template { page, .. } = &mut *d.code {
                    *page = Some(Page {
                        path: planned.out.to_string(),
                        what: super::plan::owner(self.site, self.theme, *job).3,
                    });
                }
                d
            })?;
        Ok((bytes, template, beside))
    }

    /// The template of a page job.
    fn template_of(&self, job: Job) -> Option<&'static str> {
        let site = self.site;
        Some(match job {
            Job::Home(_) => "index.html",
            Job::Section(i, _) => site.sections[i].template.as_deref().map_or(
                if site.sections[i].lists == Kind::Page {
                    "page.html"
                } else {
                    "section.html"
                },
                leak_name,
            ),
            Job::Page(id) => site.pages[id]
                .template
                .as_deref()
                .map_or("page.html", leak_name),
            Job::Article(id) => site.articles[id]
                .template
                .as_deref()
                .map_or("article.html", leak_name),
            Job::TaxonomyIndex(_) => "taxonomy.html",
            Job::Term(..) => "term.html",
            Job::ArchiveIndex => "archive.html",
            Job::ArchiveYear(_) => "archive_year.html",
            Job::ArchiveMonth(..) => "archive_month.html",
            Job::Alias(_) => "alias.html",
            Job::NotFound => "404.html",
            Job::SearchPage => "search.html",
            _ => return None,
        })
    }

    fn render_job(
        &self,
        job: Job,
        path: &str,
        template: Option<&'static str>,
        beside: &mut Beside,
    ) -> Result<Vec<u8>, Box<Diagnostic>> {
        let site = self.site;
        let template = template.unwrap_or("");
        let cfg = &site.config;
        let home = self.t("home");
        match job {
            Job::Home(n) => self.home_page(n, path, template),
            Job::Section(i, _) if site.sections[i].lists == Kind::Page => {
                self.pages_section(i, path, &home, template)
            }
            Job::Page(id) => self.standalone(id, &home, template),
            Job::Section(i, n) => self.section_page(i, n, path, &home, template),
            Job::Article(id) => self.article(id, &home, template, beside),
            Job::TaxonomyIndex(t) => {
                let tax = &site.taxonomies[t];
                let title = self.t(&tax.name);
                let terms: Vec<TermRef> = tax
                    .terms
                    .iter()
                    .map(|x| TermRef {
                        name: &x.name,
                        path: &x.path,
                        count: x.articles.len(),
                    })
                    .collect();
                self.page(template, path, None, context! {
                    kind => "taxonomy",
                    title => &title,
                    description => format!("{title} – {}", cfg.title),
                    breadcrumbs => vec![Crumb::new(home.as_str(), ""), Crumb::new(title.clone(), tax.path.as_str())],
                    taxonomy => context! { name => &tax.name, title => &title, path => &tax.path },
                    terms => terms,
                })
            }
            Job::Term(t, k, n) => self.term_page(t, k, n, path, &home, template),
            Job::ArchiveIndex => {
                let title = self.t("archive");
                let years: Vec<Value> = site.archive.years.iter().map(|y| context! {
                    year => y.year, count => y.count, path => format!("{path}{}/", y.year),
                    months => y.months.iter().map(|m| context! { year => m.year, month => m.month, path => m.path(&self.archive_root), count => m.articles.len() }).collect::<Vec<_>>(),
                }).collect();
                self.page(template, path, None, context! {
                    kind => "archive",
                    title => &title,
                    description => format!("{title} – {}", cfg.title),
                    breadcrumbs => vec![Crumb::new(home.as_str(), ""), Crumb::new(title.clone(), path)],
                    years => years,
                    total => site.articles.len(),
                })
            }
            Job::ArchiveYear(y) => self.archive_year(y, path, &home, template),
            Job::ArchiveMonth(y, m, n) => self.archive_month(y, m, n, path, &home, template),
            Job::Alias(i) => self.page(
                template,
                path,
                None,
                context! {
                    kind => "alias",
                    title => self.t("moved"),
                    target => &site.aliases[i].target,
                },
            ),
            Job::NotFound => {
                // Served at any depth, so links start from the site's own path.
                let root = url_path(&cfg.base());
                self.page(template, path, Some(root), context! {
                    kind => "404",
                    title => self.t("not_found"),
                    description => self.t("not_found"),
                    months => site.archive.months().take(6).map(|m| context! { year => m.year, month => m.month, path => m.path(&self.archive_root) }).collect::<Vec<_>>(),
                    articles => cards(site, &(0..site.articles.len().min(5)).collect::<Vec<_>>()),
                })
            }
            Job::SearchPage => {
                let title = self.t("search");
                self.page(template, path, None, context! {
                    kind => "search",
                    title => &title,
                    description => format!("{title} – {}", cfg.title),
                    breadcrumbs => vec![Crumb::new(home.as_str(), ""), Crumb::new(title.clone(), path)],
                })
            }
            Job::SearchDoc(_) => unreachable!("made with the index"),
            Job::Rss(feed) => Ok(feeds::rss(site, feed, &self.theme.strings).into_bytes()),
            Job::Atom => Ok(feeds::atom(site).into_bytes()),
            Job::Sitemap(part) => {
                Ok(feeds::sitemap(site, self.theme, self.plan, part).into_bytes())
            }
            Job::SitemapIndex => Ok(feeds::sitemap_index(site).into_bytes()),
            Job::Robots => Ok(feeds::robots(site).into_bytes()),
            Job::HighlightCss => Ok(crate::content::highlight::stylesheet().into_bytes()),
            Job::Marker => Ok(crate::paths::MARKER_TEXT.as_bytes().to_vec()),
            Job::Asset(_) | Job::Variant(_) | Job::Static(_) => {
                unreachable!("copies are not rendered")
            }
        }
    }

    /// The home page `n`: the latest articles, pinned ones and the blocks of
    /// the sections on the first page.
    fn home_page(
        &self,
        n: usize,
        path: &str,
        template: &'static str,
    ) -> Result<Vec<u8>, Box<Diagnostic>> {
        let site = self.site;
        let cfg = &site.config;
        let per = cfg.paginate_by;
        let seg = cfg.urls.page.as_str();
        let ids = &self.home;
        let total = page_count(ids.len(), per);
        // The per-section blocks show on the first page only.
        let sections: Vec<Value> = site.sections[0]
            .children
            .iter()
            .filter(|&&c| n == 1 && site.sections[c].lists != Kind::Page)
            .map(|&c| {
                let s = &site.sections[c];
                context! { title => &s.title, path => &s.path, articles => cards(site, &s.articles[..s.articles.len().min(5)]) }
            })
            .collect();
        let months: Vec<Value> = site.archive.months().take(12).map(|m| {
            context! { year => m.year, month => m.month, path => m.path(&self.archive_root), count => m.articles.len() }
        }).collect();
        let title = self.paged(&cfg.title, n);
        self.page(template, path, None, context! {
            kind => "home",
            title => title,
            description => &cfg.description,
            feed => "rss.xml",
            content => safe(self.body(&site.sections[0].html, &site.sections[0].links, &root_of(&output_file(path)))),
            pinned => if n == 1 { cards(site, &ids[..self.pinned]) } else { Vec::new() },
            articles => cards(site, page(ids, per, n)),
            sections => sections,
            months => months,
            pager => Pager::new("", seg, n, total),
        })
    }

    /// Page `n` of the section `i` that lists articles.
    fn section_page(
        &self,
        i: usize,
        n: usize,
        path: &str,
        home: &str,
        template: &'static str,
    ) -> Result<Vec<u8>, Box<Diagnostic>> {
        let site = self.site;
        let cfg = &site.config;
        let per = cfg.paginate_by;
        let seg = cfg.urls.page.as_str();
        let s = &site.sections[i];
        let subsections: Vec<Value> = s
            .children
            .iter()
            .map(|&c| {
                let c = &site.sections[c];
                context! { title => &c.title, path => &c.path, count => c.articles.len() }
            })
            .collect();
        let title = self.paged(&s.title, n);
        self.page(template, path, None, context! {
            kind => "section",
            title => title,
            description => short(&s.summary),
            feed => format!("{}rss.xml", s.path),
            feed_title => format!("{} – {}", s.title, cfg.title),
            breadcrumbs => section_trail(site, home, i),
            section => context! { title => &s.title, path => &s.path, count => s.articles.len(), extra => &s.extra,
                content => safe(self.body(&s.html, &s.links, &root_of(&output_file(path)))) },
            subsections => subsections,
            articles => cards(site, page(&s.articles, per, n)),
            pager => Pager::new(&s.path, seg, n, page_count(s.articles.len(), per)),
        })
    }

    /// Page `n` of the term `k` of the taxonomy `t`.
    fn term_page(
        &self,
        t: usize,
        k: usize,
        n: usize,
        path: &str,
        home: &str,
        template: &'static str,
    ) -> Result<Vec<u8>, Box<Diagnostic>> {
        let site = self.site;
        let cfg = &site.config;
        let per = cfg.paginate_by;
        let seg = cfg.urls.page.as_str();
        let tax = &site.taxonomies[t];
        let term = &tax.terms[k];
        let per = tax.paginate_by.unwrap_or(per);
        let tax_title = self.t(&tax.name);
        // "Thẻ: HĐND": the title says what kind of page this is.
        let heading = format!("{tax_title}: {}", term.name);
        let title = self.paged(&heading, n);
        self.page(template, path, None, context! {
            kind => "term",
            title => title,
            description => format!("{tax_title}: {}", term.name),
            feed => if tax.feed { Some(format!("{}rss.xml", term.path)) } else { None },
            feed_title => format!("{heading} – {}", cfg.title),
            breadcrumbs => vec![Crumb::new(home, ""), Crumb::new(tax_title.clone(), tax.path.as_str()), Crumb::new(term.name.as_str(), term.path.as_str())],
            taxonomy => context! { name => &tax.name, title => &tax_title, path => &tax.path },
            term => TermRef { name: &term.name, path: &term.path, count: term.articles.len() },
            articles => cards(site, page(&term.articles, per, n)),
            pager => Pager::new(&term.path, seg, n, page_count(term.articles.len(), per)),
        })
    }

    /// The archive page of the year `y`, its months with their latest articles.
    fn archive_year(
        &self,
        y: usize,
        path: &str,
        home: &str,
        template: &'static str,
    ) -> Result<Vec<u8>, Box<Diagnostic>> {
        let site = self.site;
        let cfg = &site.config;
        let per = cfg.paginate_by;
        let year = &site.archive.years[y];
        let root = format!("{}/", self.archive_root);
        let title = format!("{} {}", self.t("year"), year.year);
        let months: Vec<Value> = year.months.iter().map(|m| context! {
            year => m.year, month => m.month, path => m.path(&self.archive_root), count => m.articles.len(),
            articles => cards(site, &m.articles[..m.articles.len().min(per)]),
        }).collect();
        let neighbour = |k: Option<usize>| {
            k.and_then(|k| site.archive.years.get(k))
                .map(|o| context! { year => o.year, path => format!("{root}{}/", o.year) })
        };
        self.page(template, path, None, context! {
            kind => "archive_year",
            title => &title,
            description => format!("{title} – {}", cfg.title),
            breadcrumbs => vec![Crumb::new(home, ""), Crumb::new(self.t("archive"), root.as_str()), Crumb::new(title.clone(), path)],
            year => context! { year => year.year, count => year.count },
            months => months,
            newer => neighbour(y.checked_sub(1)),
            older => neighbour(Some(y + 1)),
        })
    }

    /// Page `n` of the month `m` of the archive year `y`.
    fn archive_month(
        &self,
        y: usize,
        m: usize,
        n: usize,
        path: &str,
        home: &str,
        template: &'static str,
    ) -> Result<Vec<u8>, Box<Diagnostic>> {
        let site = self.site;
        let cfg = &site.config;
        let per = cfg.paginate_by;
        let seg = cfg.urls.page.as_str();
        let month = &site.archive.years[y].months[m];
        let base = month.path(&self.archive_root);
        let all: Vec<_> = site.archive.months().collect();
        let k = all
            .iter()
            .position(|x| x.year == month.year && x.month == month.month)
            .unwrap_or(0);
        let neighbour = |j: Option<usize>| {
            j.and_then(|j| all.get(j)).map(|o| context! { year => o.year, month => o.month, path => o.path(&self.archive_root) })
        };
        let label = cfg.lang.month(month.year, month.month);
        // "Lưu trữ: Tháng 10/2021", "Archive: October 2021".
        let heading = format!("{}: {label}", self.t("archive"));
        let title = self.paged(&heading, n);
        let root = format!("{}/", self.archive_root);
        self.page(template, path, None, context! {
            kind => "archive_month",
            title => title,
            description => format!("{heading} – {}", cfg.title),
            breadcrumbs => vec![Crumb::new(home, ""), Crumb::new(self.t("archive"), root.as_str()),
                Crumb::new(format!("{} {}", self.t("year"), month.year), format!("{root}{}/", month.year)), Crumb::new(label.clone(), base.as_str())],
            month => context! { year => month.year, month => month.month, count => month.articles.len(), path => &base },
            articles => cards(site, page(&month.articles, per, n)),
            pager => Pager::new(&base, seg, n, page_count(month.articles.len(), per)),
            newer => neighbour(k.checked_sub(1)),
            older => neighbour(Some(k + 1)),
        })
    }

    fn article(
        &self,
        id: usize,
        home: &str,
        template: &'static str,
        beside: &mut Beside,
    ) -> Result<Vec<u8>, Box<Diagnostic>> {
        let site = self.site;
        let a = &site.articles[id];
        let root = root_of(&output_file(&a.path));
        let term_list = |t: usize| -> Vec<TermRef> {
            a.terms
                .iter()
                .filter(|(ti, _)| *ti == t)
                .map(|&(ti, k)| {
                    let term = &site.taxonomies[ti].terms[k];
                    TermRef {
                        name: &term.name,
                        path: &term.path,
                        count: term.articles.len(),
                    }
                })
                .collect()
        };
        let mut terms = std::collections::BTreeMap::new();
        for (t, tax) in site.taxonomies.iter().enumerate() {
            terms.insert(
                tax.name.as_str(),
                context! { title => self.t(&tax.name), path => &tax.path, terms => term_list(t) },
            );
        }
        let attachments = self.attachments(&a.attachments);
        let mut crumbs = section_trail(site, home, a.section);
        crumbs.push(Crumb::new(a.title.as_str(), a.path.as_str()));
        let section = &site.sections[a.section];
        let (y, m) = a.month;
        let (html, lead) = site.article_html(id).map_err(|detail| {
            let error = Io {
                kind: IoKind::Other,
                detail,
            };
            Box::new(Diagnostic::error(
                a.file(),
                0,
                0,
                Code::CannotRead { error },
            ))
        })?;
        if let Some(c) = self.search {
            *beside = Some(c.article(id, &html));
        }
        // A lead that opens the body is shown in the sapo's place; one that
        // follows a heading or an image stays where it is, styled as the sapo.
        let (sapo, body) = match &lead {
            Some(r) if r.start == 0 => (
                Some(&html[SAPO_OPEN.len()..r.end - SAPO_CLOSE.len()]),
                &html[r.end..],
            ),
            _ => (None, &html[..]),
        };
        self.page(template, &a.path, Some(root.clone()), context! {
            kind => "article",
            title => &a.title,
            description => short(&a.summary),
            breadcrumbs => crumbs,
            feed => if a.section != 0 { Some(format!("{}rss.xml", section.path)) } else { None },
            feed_title => format!("{} – {}", section.title, site.config.title),
            page => context! {
                title => &a.title,
                path => &a.path,
                date => date_value(a.date),
                updated => a.updated.map(date_value),
                authors => &a.authors,
                summary => &a.summary,
                lead => sapo.map(|h| safe(self.body(h, &a.links, &root))),
                lead_in_content => lead.is_some() && sapo.is_none(),
                content => safe(self.body(body, &a.links, &root)),
                image => a.image.as_deref(),
                image_width => a.image_size.map(|s| s.0),
                image_height => a.image_size.map(|s| s.1),
                image_caption => a.image_caption.as_deref(),
                image_alt => a.image_alt.as_deref(),
                picture => crate::render::picture::view(site, a.image.as_deref(), 960),
                tags => terms.get("tags").cloned(),
                categories => terms.get("categories").cloned(),
                terms => terms,
                section => Crumb::new(section.title.as_str(), section.path.as_str()),
                prev => a.prev.map(|i| card(site, i)),
                next => a.next.map(|i| card(site, i)),
                related => cards(site, &a.related),
                month => context! { year => y, month => m, path => format!("{}/{y}/{m:02}/", self.archive_root) },
                attachments => attachments,
                has_code => a.has_code,
                draft => a.draft,
                extra => &a.extra,
            },
        })
    }

    /// Body HTML with link placeholders replaced by links relative to the page.
    fn body(&self, html: &str, links: &[String], root: &str) -> String {
        let sizes = &self.site.config.images.sizes;
        let html =
            crate::render::picture::body_pictures(html, links, &self.site.pictures, root, sizes);
        rewrite_links(&html, links, root, self.site.config.link_index_html)
    }
}

/// A summary as meta tags and listings repeat it: about 300 characters.
fn short(summary: &str) -> std::borrow::Cow<'_, str> {
    crate::vi::text::clip_words(summary, crate::vi::text::SHORT_SUMMARY_CHARS)
}

/// The path part of an absolute URL: `https://x.vn/bantin/` → `/bantin/`.
fn url_path(url: &str) -> String {
    let after = url.split_once("://").map_or(url, |(_, r)| r);
    after
        .find('/')
        .map_or("/".to_string(), |i| after[i..].to_string())
}

/// Template names chosen in front matter live as long as the site; minijinja
/// wants `'static` names for timing keys, so a few are leaked once.
fn leak_name(name: &str) -> &'static str {
    use std::collections::HashSet;
    use std::sync::{Mutex, OnceLock};
    static NAMES: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut set = NAMES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(n) = set.get(name) {
        return n;
    }
    let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
    set.insert(leaked);
    leaked
}
