//! Files named by a body: images and attachments, which must exist, and
//! paths on the writer's computer, which readers cannot open.

use super::body::{resolve, shown, LinkKind, MdLink};
use crate::url::percent_decode;

/// Whether a link or image URL is a path on the writer's computer
/// (`C:\Users\…\anh.jpg`, `file:///…`, any `\`), pasted from Explorer.
pub(super) fn is_computer_path(url: &str) -> bool {
    let b = url.as_bytes();
    url.contains('\\')
        || url
            .get(..5)
            .is_some_and(|s| s.eq_ignore_ascii_case("file:"))
        || (b.len() > 2 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'/')
}

/// The error for a path on the writer's computer, with the link to write
/// instead: the file's own name, once it is beside the article.
pub(super) fn computer_path(
    what: &str,
    url: &str,
    text: &str,
    (line, column): (usize, usize),
) -> (usize, usize, crate::diag::Code) {
    let name = url.rsplit(['\\', '/']).next().unwrap_or(url);
    let text = if text.trim().is_empty() {
        "Ảnh"
    } else {
        text.trim()
    };
    let example = if what == "image" {
        format!("![{text}]({name})")
    } else {
        format!("[{text}]({name})")
    };
    let code = crate::diag::Code::ComputerPath {
        image: what == "image",
        url: shown(url),
        example,
    };
    (line, column, code)
}

/// Extensions of attachments: a link to one of these names a file that
/// must exist. Other links (pages, `feed.xml`, folders) are not files of
/// the site's folders and are left alone.
const FILE_EXT: &[&str] = &[
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "csv", "zip",
    "rar", "7z", "mp3", "mp4", "m4a", "wav", "webm", "ogg", "jpg", "jpeg", "png", "gif", "webp",
    "svg", "avif", "bmp", "tif", "tiff",
];

/// For a local image URL (any) or a link to an attachment, the file it
/// names: relative to the folder `dir` of the file, and from the site
/// root as written, for `static/`.
pub(super) fn file_ref(
    dir: &str,
    url: &str,
    image: bool,
    (line, column): (usize, usize),
) -> Option<MdLink> {
    if url.is_empty() || url.starts_with('#') || url.starts_with("//") || url.contains(':') {
        return None;
    }
    let end = url.find(['?', '#']).unwrap_or(url.len());
    let path = crate::vi::nfc(&percent_decode(&url[..end]));
    let name = path.rsplit('/').next().unwrap_or("");
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    let kind = if image {
        LinkKind::Image
    } else if ext.is_some_and(|e| FILE_EXT.contains(&e.as_str())) {
        LinkKind::File
    } else {
        return None;
    };
    let fragment = match url[end..].find('#') {
        // `=` cannot end an attribute, and PDF readers want `#page=2` as it is.
        Some(i) => format!(
            "#{}",
            crate::url::encode_fragment(&url[end + i + 1..]).replace("%3D", "=")
        ),
        None => String::new(),
    };
    Some(MdLink {
        target: resolve(dir, &path).unwrap_or_default(),
        kind,
        static_path: resolve("", &path).unwrap_or_default(),
        written: url.to_string(),
        fragment,
        whole: whole(dir, url),
        line,
        column,
    })
}

/// A relative link that is neither a page (`.md`) nor an attachment: a
/// site path written by hand (`/tin-tuc/`, `../a/`, `trang.html`,
/// `/tim-kiem/?q=HĐND`) or a file of another kind (`bang.txt`). Its file
/// is looked for beside the linking file, in `static/`, then among the
/// files of the output (see `model::targets`).
pub(super) fn site_ref(dir: &str, url: &str, (line, column): (usize, usize)) -> Option<MdLink> {
    if url.is_empty() || crate::url::check_link(url) != Ok(crate::url::UrlKind::Relative) {
        return None;
    }
    let (path, suffix) = split_site_url(url);
    Some(MdLink {
        target: resolve(dir, &path).unwrap_or_default(),
        kind: LinkKind::Site,
        static_path: resolve("", &path).unwrap_or_default(),
        written: url.to_string(),
        fragment: suffix,
        whole: whole(dir, url),
        line,
        column,
    })
}

/// A relative URL as (its path, decoded and in NFC; its `?query#fragment`,
/// encoded for an attribute: nothing in it can end the attribute or start
/// a character reference).
pub fn split_site_url(url: &str) -> (String, String) {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    let path = crate::vi::nfc(&percent_decode(&url[..end]));
    let rest = &url[end..];
    let (query, fragment) = match rest.find('#') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let mut suffix = String::new();
    if let Some(q) = query.strip_prefix('?') {
        suffix.push('?');
        suffix.push_str(&crate::url::encode_query(q).replace('&', "&amp;"));
    }
    if let Some(f) = fragment {
        suffix.push('#');
        suffix.push_str(&crate::url::encode_fragment(f));
    }
    (path, suffix)
}

/// The URL taken whole as a file name, when it holds `#` or `?`.
fn whole(dir: &str, url: &str) -> Option<(String, String)> {
    if !url.contains(['#', '?']) {
        return None;
    }
    let path = crate::vi::nfc(&percent_decode(url));
    Some((
        resolve(dir, &path).unwrap_or_default(),
        resolve("", &path).unwrap_or_default(),
    ))
}
