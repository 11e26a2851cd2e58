//! The HTML of a body as comrak writes it, in pieces (the body whole, or
//! what comes before the lead, the lead and the rest), and what is done to
//! it after: heading ids, image attributes, footnote labels, sanitising,
//! and the lead wrapped as the sapo.

use std::ops::Range;

use super::body::MdSettings;
use crate::lang::Lang;

/// What wraps the lead of an article in its body (see
/// [`super::body::Body::lead`]).
pub const SAPO_OPEN: &str = "<div class=\"sapo\">\n";
pub const SAPO_CLOSE: &str = "</div>\n";

/// How comrak starts an image of the body.
const IMG_TAG: &str = "<img src=";

/// The piece of HTML the next chunk goes on, its last block ended by a
/// line break as comrak ends one before the next (a heading's adapter
/// leaves it out, and a chunk may end with a heading).
pub(super) fn last(pieces: &mut [String]) -> &mut String {
    let html = pieces.last_mut().expect("the HTML has a piece");
    if !html.is_empty() && !html.ends_with('\n') {
        html.push('\n');
    }
    html
}

/// Joins the pieces of a wrapped lead back into one: the body is then
/// shown whole, its lead not wrapped.
pub(super) fn unwrap_lead(pieces: &mut Vec<String>) {
    while pieces.len() > 1 {
        let piece = pieces.remove(1);
        pieces[0].push_str(&piece);
    }
}

/// What the ids of a body are made from.
pub(super) struct Ids<'a> {
    /// Slugs of the headings, in order.
    pub headings: &'a [String],
    /// Ids of raw HTML, in order, with their places.
    pub raw: &'a [super::raw_ids::RawId],
    /// The body's first line and column.
    pub start: (usize, usize),
}

/// The body's HTML from its `pieces`: headings get their ids from `slugs`
/// (see [`super::heading_ids`]), the images of the Markdown their `sizes`,
/// and ids raw HTML repeats are left out, with warnings in `out`.
/// With three pieces the middle one is the lead: it is wrapped as the sapo
/// and its range in the HTML returned.
pub(super) fn finish(
    mut pieces: Vec<String>,
    ids: Ids,
    sizes: &[Option<(u32, u32)>],
    settings: MdSettings,
    out: &mut super::body::Body,
) -> (String, Option<Range<usize>>) {
    let theme = settings.theme_ids;
    let headings = super::heading_ids::assign(&mut pieces, ids.headings, theme);
    // Sizes go in only when the images of the HTML are exactly those of the
    // Markdown (raw HTML may add others).
    let count = |h: &String| h.matches(IMG_TAG).count();
    let mut sizes = if pieces.iter().map(count).sum::<usize>() == sizes.len() {
        sizes
    } else {
        &[]
    };
    for html in &mut pieces {
        if html.contains(IMG_TAG) {
            let n = count(html).min(sizes.len());
            *html = img_attributes(html, &sizes[..n]);
            sizes = &sizes[n..];
        }
        if html.contains("data-footnotes>") {
            *html = footnote_labels(html, settings.lang);
        }
        if settings.unsafe_html {
            // Raw HTML is in: only what is safe on a page goes on.
            *html = super::sanitize::clean(html, settings.iframe_hosts);
        }
    }
    let warned = super::raw_ids::dedupe(&mut pieces, &headings, theme, ids.raw, ids.start);
    out.warnings.extend(warned);
    let (mut html, lead) = match <[String; 3]>::try_from(pieces) {
        Ok([mut html, lead, rest]) => {
            let start = html.len();
            html.reserve(SAPO_OPEN.len() + lead.len() + SAPO_CLOSE.len() + rest.len());
            for part in [SAPO_OPEN, &lead, SAPO_CLOSE] {
                html.push_str(part);
            }
            let end = html.len();
            html.push_str(&rest);
            (html, Some(start..end))
        }
        Err(mut one) => (one.pop().unwrap_or_default(), None),
    };
    html.shrink_to_fit();
    (html, lead)
}

/// comrak labels footnotes in English only: the list gets a name and the
/// links back to the text speak the site's language.
fn footnote_labels(html: &str, lang: Lang) -> String {
    let (list, back) = lang.footnote_labels();
    html.replacen(
        "<section class=\"footnotes\" data-footnotes>",
        &format!("<section class=\"footnotes\" aria-label=\"{list}\" data-footnotes>"),
        1,
    )
    .replace(
        "aria-label=\"Back to reference ",
        &format!("aria-label=\"{back} "),
    )
}

/// Adds `loading="lazy"` to every image of the body (they are below the
/// title and sapo) and the known sizes. Sizes go in only when the images of
/// the HTML are exactly those of the Markdown (raw HTML may add others).
fn img_attributes(html: &str, sizes: &[Option<(u32, u32)>]) -> String {
    let sized = html.matches(IMG_TAG).count() == sizes.len();
    let mut out = String::with_capacity(html.len() + sizes.len() * 48);
    for (k, part) in html.split(IMG_TAG).enumerate() {
        if k > 0 {
            out.push_str("<img loading=\"lazy\" ");
            if let Some(Some((w, h))) = sized.then(|| sizes[k - 1]) {
                out.push_str(&format!("width=\"{w}\" height=\"{h}\" "));
            }
            out.push_str("src=");
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_sizes_go_to_their_own_images_only() {
        let html = "<p><img src=\"a.png\" alt=\"A\"> <img src=\"b.png\" alt=\"B\"></p>";
        assert_eq!(
            img_attributes(html, &[Some((4, 3)), None]),
            "<p><img loading=\"lazy\" width=\"4\" height=\"3\" src=\"a.png\" alt=\"A\"> \
             <img loading=\"lazy\" src=\"b.png\" alt=\"B\"></p>"
        );
        // An image from raw HTML makes the order unknown: no sizes at all.
        assert_eq!(
            img_attributes(html, &[Some((4, 3))]),
            "<p><img loading=\"lazy\" src=\"a.png\" alt=\"A\"> \
             <img loading=\"lazy\" src=\"b.png\" alt=\"B\"></p>"
        );
    }
}
