//! Files named by a body: images and attachments, which must exist, and
//! paths on the writer's computer, which readers cannot open.

use super::markdown::{resolve, shown, LinkKind, MdLink};
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
/// root as written, for `static/`. Any other link to a file's path (not a
/// folder, not a `.md` file) is named too, as [`LinkKind::Other`], to be
/// checked against the files that are not published.
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
    } else if ext.as_ref().is_some_and(|e| FILE_EXT.contains(&e.as_str())) {
        LinkKind::File
    } else if !name.is_empty() && ext.as_deref() != Some("md") {
        // `trang.html`, `ghi-chu.txt`: perhaps a page of the site, left as
        // written, but an error if it names a file content/ does not publish.
        LinkKind::Other
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
        line,
        column,
    })
}
