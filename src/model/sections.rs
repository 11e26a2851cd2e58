//! Sections: the tree of content folders with an `_index.md`, home first,
//! and what each lists: its articles, in listing order, and its children.

use std::collections::HashMap;

use crate::config::{Config, SortBy};
use crate::content::kind::Kind;
use crate::content::Parsed;
use crate::vi::compare;

use super::urls::dir_path;
use super::{clean_title, Article, Section};

/// The section of each content folder: the nearest enclosing folder that
/// is a section, else home.
pub struct SectionOf(HashMap<String, usize>);

impl SectionOf {
    fn new(sections: &[Section]) -> SectionOf {
        SectionOf(
            sections
                .iter()
                .enumerate()
                .map(|(i, s)| (s.dir.clone(), i))
                .collect(),
        )
    }

    /// The section `dir` (a content folder) is in.
    pub fn of(&self, dir: &str) -> usize {
        let mut d = dir;
        loop {
            if let Some(&i) = self.0.get(d) {
                return i;
            }
            match d.rfind('/') {
                Some(i) => d = &d[..i],
                None => return 0,
            }
        }
    }
}

/// The home section, from the site's settings, before `content/_index.md`
/// says more.
fn home(cfg: &Config) -> Section {
    Section {
        dir: String::new(),
        path: String::new(),
        title: cfg.title.clone(),
        summary: cfg.description.clone(),
        html: String::new(),
        links: Vec::new(),
        weight: 0,
        parent: None,
        children: Vec::new(),
        articles: Vec::new(),
        lists: Kind::Article,
        pages: Vec::new(),
        extra: serde_json::Value::Object(Default::default()),
        template: None,
        file: None,
    }
}

/// Sections from section files (sorted by content path), home first, each
/// with its parent and children (in file order; see [`sort_children`]);
/// with the section of each folder.
pub fn tree(cfg: &Config, files: &[Parsed]) -> (Vec<Section>, SectionOf) {
    let mut sections = vec![home(cfg)];
    for p in files {
        let dir = p.file.dir().to_string();
        let front = p.front.section();
        let s = Section {
            path: dir_path(&dir),
            title: clean_title(front.title),
            summary: front.summary.unwrap_or_else(|| p.body.summary.clone()),
            html: p.body.html.clone(),
            weight: front.weight,
            extra: front.extra,
            template: front.template,
            lists: front.lists,
            file: Some(p.file.display()),
            ..sections[0].clone()
        };
        if dir.is_empty() {
            sections[0] = Section {
                dir,
                path: String::new(),
                ..s
            };
        } else {
            sections.push(Section { dir, ..s });
        }
    }
    let section_of = SectionOf::new(&sections);
    for i in 1..sections.len() {
        let dir = sections[i].dir.clone();
        let parent = section_of.of(dir.rfind('/').map_or("", |k| &dir[..k]));
        sections[i].parent = Some(parent);
        sections[parent].children.push(i);
    }
    (sections, section_of)
}

/// The articles listed in each of `count` sections, in the site's listing
/// order `by`; with each article's earlier and later article within its
/// section, by date whatever the listing order, as `(prev, next)`.
pub fn listings(count: usize, articles: &[Article], by: SortBy) -> Listings {
    // By date first: ids ascending are newest first.
    let mut listed = vec![Vec::new(); count];
    for (id, a) in articles.iter().enumerate() {
        listed[a.section].push(id);
    }
    let mut neighbours = vec![(None, None); articles.len()];
    for list in &listed {
        for (k, &id) in list.iter().enumerate() {
            let later = k.checked_sub(1).map(|j| list[j]);
            let earlier = list.get(k + 1).copied();
            neighbours[id] = (earlier, later);
        }
    }
    for list in &mut listed {
        sort_listing(list, articles, by);
    }
    (listed, neighbours)
}

/// What [`listings`] returns: the articles of each section, and the
/// neighbours of each article.
pub type Listings = (Vec<Vec<usize>>, Vec<(Option<usize>, Option<usize>)>);

/// Puts a section's list of articles, by date, in the site's listing order.
fn sort_listing(list: &mut [usize], articles: &[Article], by: SortBy) {
    match by {
        SortBy::Date => {}
        SortBy::Weight => list.sort_by_key(|&id| (articles[id].weight, id)),
        SortBy::Title => {
            list.sort_by(|&a, &b| compare(&articles[a].title, &articles[b].title).then(a.cmp(&b)))
        }
    }
}

/// Children of each section by `weight`, then title in Vietnamese order,
/// then folder order.
pub fn sort_children(sections: &mut [Section]) {
    sections
        .iter_mut()
        .for_each(|s| s.children.sort_by_key(|&c| c));
    let weights: Vec<(i64, String)> = sections
        .iter()
        .map(|s| (s.weight, s.title.clone()))
        .collect();
    for s in sections {
        s.children.sort_by(|&a, &b| {
            weights[a]
                .0
                .cmp(&weights[b].0)
                .then_with(|| compare(&weights[a].1, &weights[b].1))
        });
    }
}

/// Gives each section with a file, of `files`, the targets of its body's
/// link placeholders, `links` (one list per file).
pub fn file_links(sections: &mut [Section], files: &[Parsed], links: Vec<Vec<String>>) {
    for (p, links) in files.iter().zip(links) {
        let display = p.file.display();
        if let Some(s) = sections
            .iter_mut()
            .find(|s| s.file.as_deref() == Some(display.as_str()))
        {
            s.links = links;
        }
    }
}
