//! What a file is, told by its first bytes and by every extension of its
//! name — never by its last extension alone. A phone's HEIC photo renamed
//! `.jpg`, a JPEG saved as `.pdf` or a page saved as `bao-cao.html.bak`
//! must be seen for what they are before anything is published: an image
//! keeps its GPS position whatever it is called, and a web server or a
//! browser runs a page whatever it is called.

use std::io::Read;
use std::path::Path;

/// How many first bytes of a file [`head`] reads: every signature below,
/// with room for the blank space and BOM before markup.
pub const HEAD_LEN: usize = 1024;

/// The first [`HEAD_LEN`] bytes of the file at `path` (fewer if it is shorter).
pub fn head(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(HEAD_LEN);
    std::fs::File::open(path)?
        .take(HEAD_LEN as u64)
        .read_to_end(&mut buf)?;
    Ok(buf)
}

/// An image format, recognised by its signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    Jpeg,
    Png,
    Webp,
    Gif,
    /// Windows icons and cursors (`favicon.ico`).
    Ico,
    Bmp,
    Tiff,
    /// HEIF with HEVC pictures: what iPhones and many Android phones save.
    Heic,
    Avif,
    JpegXl,
    Jpeg2000,
    /// A camera's raw file (CR3, RAF, ORF, RW2; CR2, NEF, ARW and DNG are TIFF).
    Raw,
    /// A Photoshop document.
    Psd,
}

impl ImageFormat {
    /// The format's name, as readers of messages know it.
    pub fn name(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "JPEG",
            ImageFormat::Png => "PNG",
            ImageFormat::Webp => "WebP",
            ImageFormat::Gif => "GIF",
            ImageFormat::Ico => "ICO",
            ImageFormat::Bmp => "BMP",
            ImageFormat::Tiff => "TIFF",
            ImageFormat::Heic => "HEIC",
            ImageFormat::Avif => "AVIF",
            ImageFormat::JpegXl => "JPEG XL",
            ImageFormat::Jpeg2000 => "JPEG 2000",
            ImageFormat::Raw => "RAW",
            ImageFormat::Psd => "PSD",
        }
    }

    /// The usual extension of the format, without the dot.
    pub fn ext(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "jpg",
            ImageFormat::Png => "png",
            ImageFormat::Webp => "webp",
            ImageFormat::Gif => "gif",
            ImageFormat::Ico => "ico",
            ImageFormat::Bmp => "bmp",
            ImageFormat::Tiff => "tif",
            ImageFormat::Heic => "heic",
            ImageFormat::Avif => "avif",
            ImageFormat::JpegXl => "jxl",
            ImageFormat::Jpeg2000 => "jp2",
            ImageFormat::Raw => "raw",
            ImageFormat::Psd => "psd",
        }
    }

    /// Whether [`super::strip`] removes this format's metadata: the others
    /// are never published, since their GPS position would go with them.
    pub fn cleaned(self) -> bool {
        matches!(
            self,
            ImageFormat::Jpeg
                | ImageFormat::Png
                | ImageFormat::Webp
                | ImageFormat::Gif
                | ImageFormat::Ico
        )
    }

    /// Whether bantin decodes this format and makes its sizes.
    pub fn resized(self) -> bool {
        matches!(
            self,
            ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::Webp
        )
    }
}

fn u32_le(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn u32_be(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The image format of a file whose first bytes are `head`, if it is one.
pub fn image_format(head: &[u8]) -> Option<ImageFormat> {
    let starts = |sig: &[u8]| head.starts_with(sig);
    if starts(b"\xFF\xD8\xFF") {
        return Some(ImageFormat::Jpeg);
    }
    if starts(b"\x89PNG\r\n\x1a\n") {
        return Some(ImageFormat::Png);
    }
    if starts(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
        return Some(ImageFormat::Webp);
    }
    if starts(b"GIF87a") || starts(b"GIF89a") {
        return Some(ImageFormat::Gif);
    }
    if starts(b"II*\0") || starts(b"MM\0*") || starts(b"II+\0") || starts(b"MM\0+") {
        return Some(ImageFormat::Tiff);
    }
    // Olympus and Panasonic raw files: TIFF with their own magic number.
    if starts(b"IIRO") || starts(b"IIRS") || starts(b"MMOR") || starts(b"IIU\0") {
        return Some(ImageFormat::Raw);
    }
    if starts(b"FUJIFILMCCD-RAW") {
        return Some(ImageFormat::Raw);
    }
    if starts(b"\xFF\x0A") || starts(b"\0\0\0\x0CJXL \r\n\x87\n") {
        return Some(ImageFormat::JpegXl);
    }
    if starts(b"\0\0\0\x0CjP  \r\n\x87\n") || starts(b"\xFF\x4F\xFF\x51") {
        return Some(ImageFormat::Jpeg2000);
    }
    if starts(b"8BPS") {
        return Some(ImageFormat::Psd);
    }
    if let Some(f) = iso_media(head) {
        return Some(f);
    }
    // "BM" alone is too common a start of text: the size of the header
    // that follows must be one a BMP has.
    if starts(b"BM")
        && u32_le(head, 14).is_some_and(|n| [12, 16, 40, 52, 56, 64, 108, 124].contains(&n))
    {
        return Some(ImageFormat::Bmp);
    }
    // Icons (type 1) and cursors (type 2): a count, and entries whose
    // reserved byte is zero.
    if (starts(b"\0\0\x01\0") || starts(b"\0\0\x02\0"))
        && head.get(4..6).is_some_and(|n| n != [0, 0])
        && head.get(9) == Some(&0)
    {
        return Some(ImageFormat::Ico);
    }
    None
}

/// HEIC, AVIF and Canon's CR3 are ISO media files: an `ftyp` box first,
/// whose brands say what the file holds (a video has other brands).
fn iso_media(head: &[u8]) -> Option<ImageFormat> {
    if head.get(4..8) != Some(b"ftyp") {
        return None;
    }
    let size = usize::try_from(u32_be(head, 0)?).ok()?;
    let end = size.clamp(16, head.len());
    let brands: Vec<&[u8]> = std::iter::once(head.get(8..12)?)
        .chain(head.get(16..end)?.chunks_exact(4))
        .collect();
    let any = |list: &[&[u8; 4]]| brands.iter().any(|b| list.iter().any(|l| *b == *l));
    if any(&[b"avif", b"avis"]) {
        Some(ImageFormat::Avif)
    } else if any(&[
        b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1",
        b"mif2",
    ]) {
        Some(ImageFormat::Heic)
    } else if any(&[b"crx "]) {
        Some(ImageFormat::Raw)
    } else {
        None
    }
}

/// Markup a browser runs when it shows the file as a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Html,
    Svg,
    Xml,
}

impl Markup {
    pub fn name(self) -> &'static str {
        match self {
            Markup::Html => "HTML",
            Markup::Svg => "SVG",
            Markup::Xml => "XML",
        }
    }
}

/// Elements whose start, after blank space, makes browsers sniff a file
/// served without a type as HTML (the WHATWG list), and more that run
/// script or load content when the file is shown as HTML.
const HTML_STARTS: &[&str] = &[
    "!doctype html",
    "html",
    "head",
    "script",
    "iframe",
    "h1",
    "div",
    "font",
    "table",
    "a",
    "style",
    "title",
    "b",
    "body",
    "br",
    "p",
    "img",
    "object",
    "embed",
    "meta",
    "link",
    "form",
    "base",
    "frameset",
    "frame",
    "math",
    "video",
    "audio",
    "input",
    "template",
    "span",
    "center",
    "marquee",
    "details",
];

/// Whether the first bytes of a file, `head`, look like a page, an SVG
/// picture or an XML document to a browser: after a BOM (UTF-8 or UTF-16)
/// and blank space, a tag such as `<html`, `<script` or `<svg`, a comment,
/// a doctype or `<?xml`, in any letter case.
pub fn markup(head: &[u8]) -> Option<Markup> {
    // UTF-16 text: its ASCII letters, for the check below.
    let narrowed: Vec<u8>;
    let text = if let Some(rest) = head.strip_prefix(b"\xFF\xFE") {
        narrowed = rest
            .chunks_exact(2)
            .map(|c| utf16_ascii(c[0], c[1]))
            .collect();
        &narrowed[..]
    } else if let Some(rest) = head.strip_prefix(b"\xFE\xFF") {
        narrowed = rest
            .chunks_exact(2)
            .map(|c| utf16_ascii(c[1], c[0]))
            .collect();
        &narrowed[..]
    } else {
        head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head)
    };
    let start = text
        .iter()
        .position(|b| !matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' '))?;
    let text = text[start..].to_ascii_lowercase();
    let rest = text.strip_prefix(b"<")?;
    if rest.starts_with(b"?xml") || rest.starts_with(b"!doctype") || rest.starts_with(b"!--") {
        // What follows the prolog says whether it is a picture or a page.
        let has = |tag: &[u8]| text.windows(tag.len()).any(|w| w == tag);
        return Some(if has(b"<svg") || has(b"doctype svg") {
            Markup::Svg
        } else if has(b"<html") || has(b"doctype html") || rest.starts_with(b"!--") {
            Markup::Html
        } else {
            Markup::Xml
        });
    }
    let tag_at = |tag: &[u8]| {
        rest.starts_with(tag)
            && rest
                .get(tag.len())
                .is_none_or(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\x0C' | b'\r' | b'>' | b'/'))
    };
    if tag_at(b"svg") {
        return Some(Markup::Svg);
    }
    if HTML_STARTS.iter().any(|t| tag_at(t.as_bytes())) {
        return Some(Markup::Html);
    }
    // Any element with a namespace prefix (`<x:script>`, `<html:b>`) is XML
    // a browser may run.
    let name_len = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        .count();
    (name_len > 0 && rest[0].is_ascii_alphabetic() && rest.get(name_len) == Some(&b':'))
        .then_some(Markup::Xml)
}

/// The ASCII byte of one UTF-16 code unit, or a byte that is not text.
fn utf16_ascii(low: u8, high: u8) -> u8 {
    if high == 0 && low.is_ascii() {
        low
    } else {
        0xFF
    }
}

/// Extensions that a browser or a web server treats as a page, a picture
/// that may hold script, an XML document or a program: HTML and its
/// kinds (server-side includes, web archives, HTML applications), SVG,
/// XML and the formats served as XML, script for browsers and Windows'
/// script hosts, and what servers run (PHP, ASP, JSP, CGI, Perl, Python…).
const ACTIVE_EXT: &[&str] = &[
    // Pages.
    "html", "htm", "xhtml", "xht", "shtml", "shtm", "stm", "mht", "mhtml", "hta", "htc", "htt",
    // Pictures that may hold script.
    "svg", "svgz", // XML, which browsers show as a document (with any script in it).
    "xml", "xsl", "xslt", "xsd", "dtd", "rss", "atom", "rdf", "kml", "gpx", "mml", "mathml", "xul",
    "xbl", "wml", "opml", "xspf", "xlf", // Script.
    "js", "mjs", "cjs", "jsx", "vbs", "vbe", "jse", "wsf", "wsh", "swf", "spl", "wasm", "jnlp",
    // What servers run.
    "php", "php3", "php4", "php5", "php7", "php8", "phtml", "pht", "phar", "phps", "asp", "aspx",
    "ascx", "ashx", "asmx", "asa", "axd", "cer", "cdx", "cshtml", "vbhtml", "jsp", "jspx", "jspf",
    "cfm", "cfml", "cgi", "fcgi", "pl", "pm", "py", "rb", "sh", "bash",
];

/// Names a web server reads as its own settings, whatever folder they are in.
const SERVER_NAMES: &[&str] = &["web.config", ".htaccess", ".user.ini"];

/// The first part of the name `name` that makes a browser or a web server
/// run the file: an extension anywhere after the first dot (servers honour
/// `bao-cao.html.bak` and `anh.php.jpg`), as `.html`, or the whole name of
/// a server's settings file. Trailing dots and spaces, which Windows drops,
/// do not hide one.
pub fn active_name(name: &str) -> Option<String> {
    let name = name.trim_end_matches(['.', ' ']).to_ascii_lowercase();
    if SERVER_NAMES.contains(&name.as_str()) {
        return Some(name);
    }
    let mut parts = name.split('.');
    parts.next();
    parts
        .find(|e| ACTIVE_EXT.contains(e))
        .map(|e| format!(".{e}"))
}

/// Extensions under which a file is expected to be an image.
const IMAGE_EXT: &[&str] = &[
    "jpg", "jpeg", "jpe", "jfif", "pjpeg", "pjp", "png", "apng", "webp", "gif", "ico", "cur",
    "bmp", "dib", "tif", "tiff", "heic", "heif", "hif", "avif", "jxl", "jp2", "j2k", "jpf", "jpx",
    "psd", "dng", "cr2", "cr3", "nef", "arw", "orf", "rw2", "raf", "srw", "pef",
];

/// Whether the last extension of `name` is one an image has.
pub fn has_image_extension(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(stem, e)| {
        !stem.is_empty() && IMAGE_EXT.contains(&e.to_ascii_lowercase().as_str())
    })
}

/// What a file of `content/` is, for publishing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Runs in a browser or on a server: `by` is the part of the name that
    /// says so (`.html`), or else the markup its bytes hold.
    Active {
        by: Result<String, Markup>,
    },
    Image(ImageFormat),
    Other,
}

/// What the file called `name`, whose first bytes are `head`, is. A name
/// that runs comes first (a JPEG called `.html` is served as a page), then
/// markup in the bytes, then an image's signature.
pub fn verdict(name: &str, head: &[u8]) -> Verdict {
    if let Some(by) = active_name(name) {
        return Verdict::Active { by: Ok(by) };
    }
    if let Some(m) = markup(head) {
        return Verdict::Active { by: Err(m) };
    }
    match image_format(head) {
        Some(f) => Verdict::Image(f),
        None => Verdict::Other,
    }
}

/// Whether the image at `path`, of format `format` with first bytes
/// `head`, has several frames: an animated WebP (its VP8X flag) or PNG (an
/// `acTL` chunk before the picture). Resizing either would keep its first
/// frame only. GIF is never resized, so it is not asked about.
pub fn animated(path: &Path, head: &[u8], format: ImageFormat) -> bool {
    match format {
        ImageFormat::Webp => {
            head.get(12..16) == Some(b"VP8X") && head.get(20).is_some_and(|f| f & 0x02 != 0)
        }
        ImageFormat::Png => apng(path).unwrap_or(false),
        _ => false,
    }
}

/// Whether the PNG at `path` has an `acTL` chunk before its first `IDAT`,
/// reading chunk headers only.
fn apng(path: &Path) -> std::io::Result<bool> {
    use std::io::{Seek, SeekFrom};
    let mut f = std::fs::File::open(path)?;
    f.seek(SeekFrom::Start(8))?;
    // Chunks before the picture are few; a file with more is not animated
    // as browsers see it either way.
    for _ in 0..256 {
        let mut header = [0u8; 8];
        if f.read_exact(&mut header).is_err() {
            return Ok(false);
        }
        match &header[4..8] {
            b"acTL" => return Ok(true),
            b"IDAT" | b"IEND" => return Ok(false),
            _ => {}
        }
        let len = u32::from_be_bytes(header[..4].try_into().expect("4 bytes"));
        f.seek(SeekFrom::Current(i64::from(len) + 4))?;
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::testdata;

    /// A minimal ISO media file: an `ftyp` box with `major` and `compatible` brands.
    fn ftyp(major: &[u8; 4], compatible: &[&[u8; 4]]) -> Vec<u8> {
        let size = 16 + 4 * compatible.len() as u32;
        let mut b = size.to_be_bytes().to_vec();
        b.extend_from_slice(b"ftyp");
        b.extend_from_slice(major);
        b.extend_from_slice(&[0, 0, 0, 0]);
        for c in compatible {
            b.extend_from_slice(*c);
        }
        b.extend_from_slice(b"\0\0\0\x08meta");
        b
    }

    #[test]
    fn images_are_told_by_their_signature() {
        use ImageFormat::*;
        let bmp = [b"BM".as_slice(), &[0; 12], &40u32.to_le_bytes(), &[0; 40]].concat();
        let ico = [0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0].to_vec();
        for (bytes, want) in [
            (testdata::jpeg(8, 8), Jpeg),
            (testdata::png(4, 4, false), Png),
            (testdata::webp(4, 4), Webp),
            (b"GIF89a\x01\0\x01\0".to_vec(), Gif),
            (b"GIF87a\x01\0\x01\0".to_vec(), Gif),
            (b"II*\0\x08\0\0\0".to_vec(), Tiff),
            (b"MM\0*\0\0\0\x08".to_vec(), Tiff),
            (b"IIU\0\x08\0\0\0".to_vec(), Raw),
            (b"FUJIFILMCCD-RAW 0201".to_vec(), Raw),
            (ftyp(b"heic", &[b"mif1", b"heic"]), Heic),
            (ftyp(b"mif1", &[b"mif1", b"heix"]), Heic),
            (ftyp(b"avif", &[b"mif1", b"avif"]), Avif),
            (ftyp(b"mif1", &[b"avif"]), Avif),
            (ftyp(b"crx ", &[b"crx "]), Raw),
            (b"\xFF\x0A\xFA\x7F".to_vec(), JpegXl),
            (b"\0\0\0\x0CJXL \r\n\x87\n\0\0".to_vec(), JpegXl),
            (b"\0\0\0\x0CjP  \r\n\x87\n\0\0".to_vec(), Jpeg2000),
            (b"8BPS\0\x01".to_vec(), Psd),
            (bmp, Bmp),
            (ico, Ico),
        ] {
            assert_eq!(image_format(&bytes), Some(want), "{want:?}");
        }
    }

    #[test]
    fn other_files_are_not_images() {
        for bytes in [
            &b""[..],
            b"%PDF-1.7\n",
            b"PK\x03\x04",
            b"BMI report: not a bitmap",
            b"\0\0\0\x18ftypisom\0\0\0\0isommp42",
            b"\0\0\x01\0\0\0",
            b"RIFF\0\0\0\0WAVEfmt ",
            b"GIF8",
        ] {
            assert_eq!(image_format(bytes), None, "{bytes:?}");
        }
    }

    #[test]
    fn markup_is_told_after_a_bom_and_blank_space_in_any_case() {
        for (text, want) in [
            ("<!DOCTYPE html><p>x", Markup::Html),
            ("  \r\n<HTML>", Markup::Html),
            ("\u{FEFF}<script>alert(1)</script>", Markup::Html),
            ("<ScRiPt src=x>", Markup::Html),
            ("<iframe src=x>", Markup::Html),
            ("<body onload=x()>", Markup::Html),
            ("<img src=x onerror=y>", Markup::Html),
            ("<a href=x>", Markup::Html),
            ("<!-- note -->\n<b>x</b>", Markup::Html),
            ("<svg xmlns=\"http://www.w3.org/2000/svg\">", Markup::Svg),
            ("<?xml version=\"1.0\"?>\n<svg>", Markup::Svg),
            ("<!DOCTYPE svg PUBLIC>", Markup::Svg),
            (
                "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">",
                Markup::Html,
            ),
            ("<?xml version=\"1.0\"?><rss>", Markup::Xml),
            (
                "<x:script xmlns:x=\"http://www.w3.org/1999/xhtml\">",
                Markup::Xml,
            ),
        ] {
            assert_eq!(markup(text.as_bytes()), Some(want), "{text}");
        }
        // UTF-16 with a BOM, in both byte orders.
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<html>".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("<svg>".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(markup(&le), Some(Markup::Html));
        assert_eq!(markup(&be), Some(Markup::Svg));
    }

    #[test]
    fn text_that_only_mentions_tags_is_not_markup() {
        for text in [
            "Báo cáo <html> năm 2021",
            "a < b",
            "<-- mũi tên",
            "<3",
            "<abbr là chữ viết tắt",
            "",
            "   ",
            "%PDF-1.4 <html>",
        ] {
            assert_eq!(markup(text.as_bytes()), None, "{text}");
        }
    }

    #[test]
    fn any_extension_that_runs_makes_the_file_active() {
        for (name, by) in [
            ("bao-cao.html", ".html"),
            ("bao-cao.HTM", ".htm"),
            ("bao-cao.html.bak", ".html"),
            ("ban-do.svg.txt", ".svg"),
            ("tien-ich.js.old", ".js"),
            ("anh.php.jpg", ".php"),
            ("trang.shtml", ".shtml"),
            ("du-lieu.xml", ".xml"),
            ("a.b.aspx", ".aspx"),
            ("trang.html.", ".html"),
            ("trang.html . ", ".html"),
            ("Web.Config", "web.config"),
            ("ung-dung.hta", ".hta"),
            ("x.svgz", ".svgz"),
            ("x.mjs", ".mjs"),
        ] {
            assert_eq!(active_name(name).as_deref(), Some(by), "{name}");
        }
        for name in [
            "nghi-quyet.pdf",
            "html",
            "anh.jpg",
            "Báo cáo html.docx",
            "so-lieu.2021.xlsx",
            "phu-luc.v2.doc",
            "xml-va-html.zip",
        ] {
            assert_eq!(active_name(name), None, "{name}");
        }
    }

    #[test]
    fn the_name_comes_first_then_markup_then_the_signature() {
        let jpeg = testdata::jpeg(4, 4);
        assert_eq!(
            verdict("anh.html", &jpeg),
            Verdict::Active {
                by: Ok(".html".into())
            }
        );
        assert_eq!(
            verdict("ghi-chu.txt", b"<script>x</script>"),
            Verdict::Active {
                by: Err(Markup::Html)
            }
        );
        assert_eq!(
            verdict("tai-lieu.pdf", &jpeg),
            Verdict::Image(ImageFormat::Jpeg)
        );
        assert_eq!(verdict("tai-lieu.pdf", b"%PDF-1.7"), Verdict::Other);
    }

    #[test]
    fn image_extensions() {
        assert!(has_image_extension("a/B.JPG") && has_image_extension("IMG_0001.HEIC"));
        assert!(!has_image_extension("a.pdf") && !has_image_extension("jpg"));
        assert!(!has_image_extension(".png"));
    }

    #[test]
    fn animation_is_told_from_the_header() {
        let dir = tempfile::tempdir().unwrap();
        let still = testdata::png(4, 4, false);
        let mut apng = still[..33].to_vec();
        apng.extend(crate::media::strip::png_chunk(b"iCCP", &[0; 2000]));
        apng.extend(crate::media::strip::png_chunk(
            b"acTL",
            &[0, 0, 0, 2, 0, 0, 0, 0],
        ));
        apng.extend_from_slice(&still[33..]);
        for (name, bytes, want) in [("still.png", &still, false), ("moving.png", &apng, true)] {
            let p = dir.path().join(name);
            std::fs::write(&p, bytes).unwrap();
            assert_eq!(
                animated(&p, &head(&p).unwrap(), ImageFormat::Png),
                want,
                "{name}"
            );
        }
        let mut webp = testdata::webp(4, 4);
        let p = dir.path().join("a.webp");
        std::fs::write(&p, &webp).unwrap();
        assert!(!animated(&p, &webp, ImageFormat::Webp));
        // VP8X with the animation flag.
        let mut vp8x = b"VP8X\x0A\0\0\0\x02\0\0\0\x03\0\0\x03\0\0".to_vec();
        webp.splice(12..12, vp8x.drain(..));
        assert!(animated(&p, &webp, ImageFormat::Webp));
    }
}
