//! What an entry of the image cache holds: the record listing its files
//! with their length and content hash (or why there are none), and what
//! the files of a sound entry are.

use crate::media::encode::{Format, ImageError};

use super::hash_bytes;

/// The file of each entry that lists the others.
pub(super) const RECORD: &str = "record";

/// What an entry's record says it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Record {
    /// Files, each with its length and content hash.
    Files(Vec<(String, u64, u64)>),
    /// The image could not be decoded, for this reason ([`error_text`]).
    Error(String),
    /// The file's structure cannot be walked to remove its metadata.
    Failed,
}

/// Files of a new entry, by name.
pub(super) type Files = Vec<(String, Vec<u8>)>;

/// `480x320.webp`.
pub(super) fn variant_name(width: u32, height: u32, format: Format) -> String {
    format!("{width}x{height}.{}", format.ext())
}

/// Width, height and format that a size's file name says.
pub(super) fn parse_variant_name(name: &str) -> Option<(u32, u32, Format)> {
    let (size, ext) = name.split_once('.')?;
    let (w, h) = size.split_once('x')?;
    let format = match ext {
        "webp" => Format::Webp,
        "jpg" => Format::Jpeg,
        "png" => Format::Png,
        _ => return None,
    };
    Some((w.parse().ok()?, h.parse().ok()?, format))
}

/// Whether `bytes` are an image of the format and size that the file's
/// name `WxH.EXT` says.
pub(super) fn variant_is_sound(name: &str, bytes: &[u8]) -> bool {
    let Some((width, height, format)) = parse_variant_name(name) else {
        return false;
    };
    let kind = match format {
        Format::Webp => imagesize::ImageType::Webp,
        Format::Jpeg => imagesize::ImageType::Jpeg,
        Format::Png => imagesize::ImageType::Png,
    };
    imagesize::image_type(bytes).is_ok_and(|t| t == kind)
        && imagesize::blob_size(bytes)
            .is_ok_and(|s| (s.width, s.height) == (width as usize, height as usize))
}

/// The record's line for file `name` holding `bytes`.
pub(super) fn files_line(name: &str, bytes: &[u8]) -> (String, u64, u64) {
    (name.to_string(), bytes.len() as u64, hash_bytes(bytes))
}

/// `files` and a line per file (name, length, hash), `error` and why, or
/// `failed`.
pub(super) fn record_text(record: &Record) -> String {
    match record {
        Record::Files(list) => {
            let mut text = String::from("files\n");
            for (name, len, hash) in list {
                text.push_str(&format!("{name}\t{len}\t{hash:016x}\n"));
            }
            text
        }
        Record::Error(why) => format!("error\n{why}"),
        Record::Failed => "failed\n".into(),
    }
}

/// The record written by [`record_text`]; `None` for anything else.
pub(super) fn parse_record(text: &str) -> Option<Record> {
    let (kind, rest) = text.split_once('\n')?;
    match kind {
        "files" => {
            let mut list = Vec::new();
            for line in rest.lines() {
                let mut f = line.split('\t');
                let name = f.next()?;
                // Only plain names of files written here.
                if name.is_empty()
                    || name == RECORD
                    || name.starts_with('.')
                    || name.contains(['/', '\\', '\0'])
                {
                    return None;
                }
                let len = f.next()?.parse().ok()?;
                let hash = u64::from_str_radix(f.next()?, 16).ok()?;
                list.push((name.to_string(), len, hash));
            }
            Some(Record::Files(list))
        }
        "error" => Some(Record::Error(rest.to_string())),
        "failed" if rest.is_empty() => Some(Record::Failed),
        _ => None,
    }
}

/// How an entry records why an image could not be decoded; `None` for a
/// reason that depends on the machine, which is never recorded.
pub(super) fn error_text(e: &ImageError) -> Option<String> {
    Some(match e {
        ImageError::Unsupported => "unsupported".into(),
        ImageError::Corrupt(detail) => format!("corrupt\n{detail}"),
        ImageError::TooLarge { width, height } => format!("too-large\n{width} {height}"),
        ImageError::OverMemory { .. } => return None,
    })
}

/// The reason written by [`error_text`].
pub(super) fn parse_error(text: &str) -> ImageError {
    let (kind, rest) = text.split_once('\n').unwrap_or((text, ""));
    match kind {
        "corrupt" => ImageError::Corrupt(rest.to_string()),
        "too-large" => {
            let mut n = rest.split(' ').map(|x| x.parse().unwrap_or(0));
            ImageError::TooLarge {
                width: n.next().unwrap_or(0),
                height: n.next().unwrap_or(0),
            }
        }
        _ => ImageError::Unsupported,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::testdata;

    #[test]
    fn errors_read_back_as_written_and_memory_is_never_written() {
        for e in [
            ImageError::Unsupported,
            ImageError::Corrupt("bad Huffman code".into()),
            ImageError::TooLarge {
                width: 20000,
                height: 3,
            },
        ] {
            assert_eq!(parse_error(&error_text(&e).unwrap()), e);
        }
        let over = ImageError::OverMemory {
            width: 9000,
            height: 9000,
            needed: 648_000_000,
            budget: Some(1),
        };
        assert_eq!(error_text(&over), None);
    }

    #[test]
    fn records_read_back_as_written_and_refuse_other_names() {
        for r in [
            Record::Files(vec![
                ("480x320.jpg".into(), 12, 0xabc),
                ("image.png".into(), 0, 0),
            ]),
            Record::Files(Vec::new()),
            Record::Error("corrupt\nbad\nlines".into()),
            Record::Failed,
        ] {
            assert_eq!(parse_record(&record_text(&r)), Some(r));
        }
        for bad in [
            "files\n../../etc/passwd\t1\t00\n",
            "files\n/etc/passwd\t1\t00\n",
            "files\nrecord\t1\t00\n",
            "files\na.jpg\t1\n",
            "sizes\n",
            "",
        ] {
            assert_eq!(parse_record(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn variants_are_sound_only_as_their_name_says() {
        let jpeg = testdata::jpeg(32, 16);
        assert!(variant_is_sound("32x16.jpg", &jpeg));
        assert!(!variant_is_sound("32x17.jpg", &jpeg));
        assert!(!variant_is_sound("32x16.webp", &jpeg));
        assert!(!variant_is_sound("32x16.png", &jpeg));
        assert!(!variant_is_sound("notes.txt", &jpeg));
        assert!(!variant_is_sound("32x16.jpg", b"<svg/>"));
    }
}
