//! Article records: a published article's part of the site, built from its
//! parsed file, with what the later stages of linking still need of it.

use std::borrow::Cow;

use crate::content::{MdLink, Parsed, SourceKind};

use super::archive::month_in;
use super::urls::article_path;
use super::{clean_title, Article};

/// What the later stages of linking need of a parsed article once its
/// record is built.
pub struct ArticleRest {
    pub aliases: Vec<(String, (usize, usize))>,
    pub links: Vec<MdLink>,
    pub errors: Vec<(usize, usize, crate::diag::Code)>,
    pub image: Option<String>,
    pub image_pos: (usize, usize),
    pub terms: Vec<(Cow<'static, str>, Vec<String>)>,
}

/// Article records and their URLs, in the order of `parsed` (published and
/// dated articles, newest first); `section_of` gives the section of a
/// content folder, `offset` the site's timezone in minutes. Parsed files are
/// consumed one by one (the list's buffer is reused for the records): bodies
/// and texts move into the articles rather than being copied, as they are
/// most of the memory.
pub fn records(
    parsed: Vec<Parsed>,
    section_of: impl Fn(&str) -> usize,
    offset: i32,
) -> (Vec<Article>, Vec<ArticleRest>) {
    let mut rest: Vec<ArticleRest> = Vec::with_capacity(parsed.len());
    let articles = parsed
        .into_iter()
        .map(|p| {
            let date = p.front.date.expect("checked");
            let path = article_path(
                &p.file.rel,
                p.file.kind == SourceKind::Bundle,
                p.front.slug.as_deref(),
            );
            rest.push(ArticleRest {
                aliases: p
                    .front
                    .aliases
                    .into_iter()
                    .zip(p.front.aliases_pos)
                    .collect(),
                links: p.body.links,
                errors: p.body.errors,
                image: p.front.image,
                image_pos: p.front.image_pos,
                terms: p.front.terms,
            });
            Article {
                section: section_of(p.file.dir()),
                path,
                title: clean_title(p.front.title),
                date,
                updated: p.front.updated,
                authors: p.front.authors,
                summary_from_body: p.front.summary.is_none(),
                summary: p.front.summary.unwrap_or(p.body.summary),
                lead: p.body.lead,
                html: p.body.rendered.then_some(p.body.html),
                source: p.file,
                source_hash: p.source_hash,
                links: Vec::new(),
                terms: Vec::new(),
                image: None,
                image_size: None,
                image_caption: p.front.image_caption,
                image_alt: p.front.image_alt,
                pinned: p.front.pinned,
                draft: p.front.draft,
                weight: p.front.weight,
                prev: None,
                next: None,
                related: Vec::new(),
                has_code: p.body.has_code,
                month: month_in(&date, offset),
                template: p.front.template,
                attachments: Vec::new(),
                extra: p.front.extra,
            }
        })
        .collect();
    (articles, rest)
}
