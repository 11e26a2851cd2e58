//! Images offered at several sizes: `<picture>` with a WebP `<source>` and
//! a JPEG (or PNG) `<img srcset>`, so that a phone loads the 480-pixel
//! file and a wide screen the 1600-pixel one.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::Serialize;

use crate::content::markdown::LINK_PLACEHOLDER;
use crate::media::encode::Format;
use crate::model::{Picture, Site};

/// One file of a `srcset`, for templates: `{path, width}`.
#[derive(Debug, Serialize, Clone, PartialEq, Eq)]
pub struct Candidate<'a> {
    pub path: &'a str,
    pub width: u32,
}

/// A picture as templates see it (`page.picture`, a card's `picture`):
/// `src` and `srcset` in the fallback format (`type`), `webp` the WebP
/// files (empty when WebP is off), `width`/`height` its shape.
#[derive(Debug, Serialize, Clone, PartialEq, Eq)]
pub struct PictureView<'a> {
    pub src: &'a str,
    pub width: u32,
    pub height: u32,
    pub srcset: Vec<Candidate<'a>>,
    pub webp: Vec<Candidate<'a>>,
    #[serde(rename = "type")]
    pub mime: &'static str,
}

/// The picture of the image at site path `image`, its `src` the fallback
/// file nearest `src_width`; `None` when the image has no sizes.
pub fn view<'a>(site: &'a Site, image: Option<&str>, src_width: u32) -> Option<PictureView<'a>> {
    let p = site.pictures.get(image?)?;
    let fallback = p.fallback();
    let list = |f: Format| -> Vec<Candidate<'a>> {
        p.of(f)
            .map(|v| Candidate {
                path: &v.out,
                width: v.width,
            })
            .collect()
    };
    Some(PictureView {
        src: &p.src(src_width).out,
        width: p.width,
        height: p.height,
        srcset: list(fallback),
        webp: if fallback == Format::Webp {
            Vec::new()
        } else {
            list(Format::Webp)
        },
        mime: fallback.mime(),
    })
}

/// `URL 480w, URL 960w` of `candidates`, each URL `prefix` + the path
/// percent-encoded.
pub fn srcset<'a>(candidates: impl IntoIterator<Item = (&'a str, u32)>, prefix: &str) -> String {
    let mut out = String::new();
    for (path, width) in candidates {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(prefix);
        out.push_str(&crate::url::encode_path(path));
        out.push_str(&format!(" {width}w"));
    }
    out
}

/// Site path of a link target as the body holds it (percent-encoded,
/// perhaps with a `#fragment`): what `site.pictures` is keyed by.
pub fn target_path(link: &str) -> Cow<'_, str> {
    let path = link.split(['?', '#']).next().unwrap_or(link);
    if path.contains('%') {
        Cow::Owned(crate::url::percent_decode(path))
    } else {
        Cow::Borrowed(path)
    }
}

/// The body's images that have sizes, as `<picture>`s: every
/// `<img … src="bantin-link:N" …>` whose target is in `pictures`. Other
/// images are left for [`super::links::rewrite_links`]. `sizes` is the
/// setting as written (escaped here).
pub fn body_pictures<'h>(
    html: &'h str,
    links: &[String],
    pictures: &HashMap<String, Picture>,
    prefix: &str,
    sizes: &str,
) -> Cow<'h, str> {
    if pictures.is_empty() || !html.contains("<img ") {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + 512);
    let mut rest = html;
    let mut changed = false;
    while let Some(start) = rest.find("<img ") {
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..start + len + 1];
        out.push_str(&rest[..start]);
        rest = &rest[start + len + 1..];
        let attrs = attributes(&tag[5..tag.len() - 1]);
        let picture = attrs
            .iter()
            .find(|(n, _)| *n == "src")
            .and_then(|(_, v)| v.strip_prefix(LINK_PLACEHOLDER))
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| links.get(n))
            .and_then(|l| pictures.get(target_path(l).as_ref()));
        match picture {
            Some(p) => {
                changed = true;
                write_picture(&mut out, p, &attrs, prefix, sizes);
            }
            None => out.push_str(tag),
        }
    }
    if !changed {
        return Cow::Borrowed(html);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Attributes of a tag as comrak and the sanitiser write them: `name`,
/// `name="value"` (values escaped, so without `"`).
fn attributes(inner: &str) -> Vec<(&str, &str)> {
    let mut list = Vec::new();
    let mut s = inner.trim_start();
    while !s.is_empty() {
        let name_end = s
            .find(|c: char| c == '=' || c.is_whitespace() || c == '/')
            .unwrap_or(s.len());
        let name = &s[..name_end];
        s = &s[name_end..];
        let mut value = "";
        if let Some(after) = s.strip_prefix("=\"") {
            let end = after.find('"').unwrap_or(after.len());
            value = &after[..end];
            s = after.get(end + 1..).unwrap_or("");
        } else if let Some(after) = s.strip_prefix('=') {
            let end = after.find(char::is_whitespace).unwrap_or(after.len());
            value = &after[..end];
            s = &after[end..];
        }
        if !name.is_empty() {
            list.push((name, value));
        }
        s = s.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
    }
    list
}

fn write_picture(out: &mut String, p: &Picture, attrs: &[(&str, &str)], prefix: &str, sizes: &str) {
    let mut escaped = String::with_capacity(sizes.len());
    let _ = crate::content::highlight::write_escaped(&mut escaped, sizes);
    let sizes = escaped;
    let fallback = p.fallback();
    let set = |f: Format| srcset(p.of(f).map(|v| (v.out.as_str(), v.width)), prefix);
    out.push_str("<picture>");
    if fallback != Format::Webp && p.of(Format::Webp).next().is_some() {
        out.push_str(&format!(
            "<source type=\"image/webp\" srcset=\"{}\" sizes=\"{sizes}\">",
            set(Format::Webp)
        ));
    }
    let src = p.src(960);
    out.push_str(&format!(
        "<img src=\"{prefix}{}\" srcset=\"{}\" sizes=\"{sizes}\" width=\"{}\" height=\"{}\"",
        crate::url::encode_path(&src.out),
        set(fallback),
        p.width,
        p.height
    ));
    for (name, value) in attrs {
        if !matches!(
            *name,
            "src" | "srcset" | "sizes" | "width" | "height" | "loading" | "decoding"
        ) {
            out.push_str(&format!(" {name}=\"{value}\""));
        }
    }
    let lazy = attrs.iter().any(|(n, v)| *n == "loading" && *v == "lazy");
    if lazy {
        out.push_str(" loading=\"lazy\"");
    }
    out.push_str(" decoding=\"async\"></picture>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Variant;

    fn picture() -> Picture {
        let v = |width, height, format: Format| Variant {
            width,
            height,
            format,
            out: format!("tin/ảnh 1-{width}w.{}", format.ext()),
        };
        Picture {
            width: 1600,
            height: 1200,
            variants: vec![
                v(480, 360, Format::Webp),
                v(480, 360, Format::Jpeg),
                v(960, 720, Format::Webp),
                v(960, 720, Format::Jpeg),
                v(1600, 1200, Format::Webp),
                v(1600, 1200, Format::Jpeg),
            ],
        }
    }

    #[test]
    fn a_body_image_becomes_a_picture_with_both_formats() {
        let mut pictures = HashMap::new();
        pictures.insert("tin/ảnh 1.jpg".to_string(), picture());
        let links = vec!["tin/%E1%BA%A3nh%201.jpg".to_string()];
        let html = "<p><img loading=\"lazy\" width=\"9\" height=\"9\" src=\"bantin-link:0\" alt=\"Kỳ họp &quot;5&quot;\" title=\"t\"></p>";
        let got = body_pictures(html, &links, &pictures, "../", "100vw");
        assert_eq!(
            got,
            "<p><picture><source type=\"image/webp\" srcset=\"../tin/%E1%BA%A3nh%201-480w.webp 480w, \
             ../tin/%E1%BA%A3nh%201-960w.webp 960w, ../tin/%E1%BA%A3nh%201-1600w.webp 1600w\" sizes=\"100vw\">\
             <img src=\"../tin/%E1%BA%A3nh%201-960w.jpg\" srcset=\"../tin/%E1%BA%A3nh%201-480w.jpg 480w, \
             ../tin/%E1%BA%A3nh%201-960w.jpg 960w, ../tin/%E1%BA%A3nh%201-1600w.jpg 1600w\" sizes=\"100vw\" \
             width=\"1600\" height=\"1200\" alt=\"Kỳ họp &quot;5&quot;\" title=\"t\" loading=\"lazy\" \
             decoding=\"async\"></picture></p>"
        );
    }

    #[test]
    fn the_sizes_setting_cannot_end_its_attribute() {
        let pictures = HashMap::from([("a.jpg".to_string(), picture())]);
        let links = vec!["a.jpg".to_string()];
        let html = "<img src=\"bantin-link:0\" alt=\"x\">";
        let got = body_pictures(html, &links, &pictures, "", "100vw\" onload=\"x()");
        assert!(
            got.contains("sizes=\"100vw&quot; onload=&quot;x()\""),
            "{got}"
        );
        assert!(!got.contains(" onload=\""), "{got}");
    }

    #[test]
    fn images_without_sizes_are_left_as_they_are() {
        let pictures = HashMap::from([("a.jpg".to_string(), picture())]);
        let links = vec!["b.gif".to_string()];
        let html =
            "<img loading=\"lazy\" src=\"bantin-link:0\" alt=\"x\"> <img src=\"https://x/a.jpg\">";
        assert!(matches!(
            body_pictures(html, &links, &pictures, "", "100vw"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn the_src_is_the_widest_fallback_not_over_the_width_asked() {
        let p = picture();
        assert_eq!(p.src(960).width, 960);
        assert_eq!(p.src(1000).width, 960);
        assert_eq!(p.src(100).width, 480);
        assert_eq!(p.src(5000).width, 1600);
        assert_eq!(p.src(5000).format, Format::Jpeg);
    }

    #[test]
    fn attributes_read_quoted_bare_and_empty_values() {
        assert_eq!(
            attributes("loading=\"lazy\" src=\"x y\" alt=\"\" hidden data-x=1 /"),
            [
                ("loading", "lazy"),
                ("src", "x y"),
                ("alt", ""),
                ("hidden", ""),
                ("data-x", "1")
            ]
        );
    }
}
