//! Standalone pages and sections of pages, rendered with `page.html`.

use minijinja::context;
use minijinja::value::Value;

use super::{short, Renderer};
use crate::diag::Diagnostic;
use crate::model::urls::output_file;
use crate::render::env::{root_of, safe};
use crate::render::views::{section_trail, Crumb};

impl Renderer<'_> {
    /// Page `id`; when it is in a section of pages, beside its siblings.
    pub(super) fn standalone(
        &self,
        id: usize,
        home: &str,
        template: &'static str,
    ) -> Result<Vec<u8>, Box<Diagnostic>> {
        let site = self.site;
        let p = &site.pages[id];
        let root = root_of(&output_file(&p.path));
        let mut crumbs = section_trail(site, home, p.section);
        crumbs.push(Crumb::new(p.title.as_str(), p.path.as_str()));
        let section = &site.sections[p.section];
        self.page(
            template,
            &p.path,
            Some(root.clone()),
            context! {
                kind => "page",
                title => &p.title,
                description => short(&p.summary),
                breadcrumbs => crumbs,
                page => context! {
                    title => &p.title,
                    path => &p.path,
                    summary => &p.summary,
                    updated => p.updated.map(|d| d.rfc3339()),
                    content => safe(self.body(&p.html, &p.links, &root)),
                    image => p.image.as_deref(),
                    image_caption => p.image_caption.as_deref(),
                    image_alt => p.image_alt.as_deref(),
                    picture => crate::render::picture::view(site, p.image.as_deref(), 960),
                    section => (p.section != 0).then(|| Crumb::new(section.title.as_str(), section.path.as_str())),
                    attachments => self.attachments(&p.attachments),
                    extra => &p.extra,
                },
                children => Vec::<Value>::new(),
                nav => (p.section != 0).then(|| self.side_nav(p.section)),
            },
        )
    }

    /// The page of section `i`, whose files are pages: its text, then
    /// the list of its pages.
    pub(super) fn pages_section(
        &self,
        i: usize,
        path: &str,
        home: &str,
        template: &'static str,
    ) -> Result<Vec<u8>, Box<Diagnostic>> {
        let site = self.site;
        let s = &site.sections[i];
        let root = root_of(&output_file(path));
        let children: Vec<Value> = s
            .pages
            .iter()
            .map(|&k| {
                let c = &site.pages[k];
                context! { title => &c.title, path => &c.path, summary => short(&c.summary) }
            })
            .collect();
        self.page(
            template,
            path,
            None,
            context! {
                kind => "page",
                title => &s.title,
                description => short(&s.summary),
                breadcrumbs => section_trail(site, home, i),
                page => context! {
                    title => &s.title,
                    path => &s.path,
                    summary => &s.summary,
                    content => safe(self.body(&s.html, &s.links, &root)),
                    extra => &s.extra,
                },
                children => children,
                nav => (i != 0).then(|| self.side_nav(i)),
            },
        )
    }

    /// The side navigation of a section of pages: the section, then its pages.
    fn side_nav(&self, i: usize) -> Value {
        let site = self.site;
        let s = &site.sections[i];
        let items: Vec<Crumb> = std::iter::once(Crumb::new(s.title.as_str(), s.path.as_str()))
            .chain(s.pages.iter().map(|&k| {
                let p = &site.pages[k];
                Crumb::new(p.title.as_str(), p.path.as_str())
            }))
            .collect();
        context! { title => &s.title, path => &s.path, items => items }
    }
}
