//! Attached files: which links of a body name one, how readers are told
//! what kind of file it is, and whether its link should download it.

/// A kind of file that articles attach, by extension (lower case).
struct FileType {
    ext: &'static str,
    /// Key of the theme string naming the kind: `file_word` → "Word".
    label: &'static str,
    /// Whether browsers cannot show it, so that its link downloads it.
    download: bool,
}

const fn t(ext: &'static str, label: &'static str, download: bool) -> FileType {
    FileType {
        ext,
        label,
        download,
    }
}

/// The files a body's link makes an attachment of. PDF is shown by every
/// browser, so its link opens it (readers can still save it); the rest
/// are downloaded. Plain text is not listed: links to `.txt` files are
/// not checked as files either.
const TYPES: &[FileType] = &[
    t("pdf", "file_pdf", false),
    t("doc", "file_word", true),
    t("docx", "file_word", true),
    t("xls", "file_excel", true),
    t("xlsx", "file_excel", true),
    t("ppt", "file_powerpoint", true),
    t("pptx", "file_powerpoint", true),
    t("odt", "file_odt", true),
    t("ods", "file_ods", true),
    t("odp", "file_odp", true),
    t("rtf", "file_rtf", true),
    t("csv", "file_csv", true),
    t("zip", "file_zip", true),
    t("rar", "file_rar", true),
    t("7z", "file_7z", true),
];

/// Extension of the last segment of a path (no fragment: `#` may be part
/// of a file's name), lower case: `Nghị quyết.PDF` → `pdf`.
pub fn extension(path: &str) -> Option<String> {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.')
        .filter(|(stem, e)| !stem.is_empty() && !e.is_empty())
        .map(|(_, e)| e.to_ascii_lowercase())
}

fn file_type(path: &str) -> Option<&'static FileType> {
    let ext = extension(path)?;
    TYPES.iter().find(|t| t.ext == ext)
}

/// Whether a link of a body to the file at `path` makes it an attachment
/// of the article.
pub fn is_attachment(path: &str) -> bool {
    file_type(path).is_some()
}

/// Key of the theme string that names the kind of the file at `path`
/// (`file_word`), if it is one of the kinds articles attach.
pub fn label_key(path: &str) -> Option<&'static str> {
    file_type(path).map(|t| t.label)
}

/// Whether a link to the file at `path` (a site path, encoded or not,
/// without its fragment) should carry `download`: office files and archives, which a
/// browser cannot show. Not PDF, images, sound, video or pages.
pub fn downloads(path: &str) -> bool {
    file_type(path).is_some_and(|t| t.download)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_extension() {
        assert_eq!(extension("tep/Nghị quyết 05.PDF"), Some("pdf".into()));
        assert_eq!(extension("a.tar.gz"), Some("gz".into()));
        assert_eq!(extension("tep/.htaccess"), None);
        assert_eq!(extension("thu-muc.v2/README"), None);
        assert_eq!(extension("tin/QĐ #12.pdf"), Some("pdf".into()));
        assert!(is_attachment("tin/Biên bản.DOCX"));
        assert!(is_attachment("du-lieu/so-lieu.csv"));
        assert!(!is_attachment("anh.png") && !is_attachment("ghi-am.mp3"));
        assert!(!is_attachment("ghi-chu.txt") && !is_attachment("pdf"));
        assert_eq!(label_key("a.xls"), Some("file_excel"));
        assert_eq!(label_key("a.7Z"), Some("file_7z"));
        assert_eq!(label_key("a.mp4"), None);
    }

    #[test]
    fn office_files_and_archives_download_pdf_opens() {
        for p in [
            "a.docx", "a.xlsx", "a.pptx", "a.odt", "a.zip", "a.rar", "a.7z", "a.csv",
        ] {
            assert!(downloads(p), "{p}");
        }
        for p in ["a.pdf", "anh.jpg", "a.mp3", "tin/", "tin/a.html", "a"] {
            assert!(!downloads(p), "{p}");
        }
        assert!(downloads("tep/Bi%C3%AAn%20b%E1%BA%A3n.DOC"));
    }
}
