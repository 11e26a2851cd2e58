//! Removing metadata (EXIF with GPS position and camera serial, XMP, IPTC,
//! comments) from JPEG, PNG, WebP, GIF and ICO files without decoding them.
//!
//! Each format is walked segment by segment, and only what a decoder needs
//! to show the picture is kept (a list of what to keep, not of what to
//! drop: a maker's private segment is dropped too). An EXIF orientation
//! other than "upright" is written back alone, so that the published file
//! still shows the right way up. Anything after the end of the image (a
//! phone's second picture, a motion photo's video) is dropped.

/// The version of what [`strip`] keeps and writes: bump it with any change
/// of the rules, so that files the cache holds stripped by older rules are
/// stripped again.
pub const VERSION: u32 = 1;

/// `bytes` without metadata; `None` when the file's structure is not one
/// this module can walk (then it must not be published as it is).
pub fn strip(bytes: &[u8]) -> Option<Vec<u8>> {
    walk(bytes).map(|(out, _)| out)
}

/// The EXIF orientation (1–8) of a JPEG, PNG or WebP file, if it has one
/// and the file can be walked.
pub fn orientation(bytes: &[u8]) -> Option<u16> {
    walk(bytes).and_then(|(_, orientation)| orientation)
}

/// The stripped file and the orientation its metadata gave.
fn walk(bytes: &[u8]) -> Option<(Vec<u8>, Option<u16>)> {
    if bytes.starts_with(&[0xFF, 0xD8]) {
        jpeg(bytes)
    } else if bytes.starts_with(PNG_SIGNATURE) {
        png(bytes)
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        webp(bytes)
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        gif(bytes).map(|out| (out, None))
    } else if bytes.starts_with(b"\0\0\x01\0") || bytes.starts_with(b"\0\0\x02\0") {
        ico(bytes).map(|out| (out, None))
    } else {
        None
    }
}

fn u16_be(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(
        b.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

fn u32_be(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

fn u32_le(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

// ---------------------------------------------------------------- EXIF

/// The orientation tag (0x0112) of IFD0 of the TIFF block `tiff`, when it
/// holds a valid orientation (1–8).
fn tiff_orientation(tiff: &[u8]) -> Option<u16> {
    let le = match tiff.get(..4)? {
        b"II*\0" => true,
        b"MM\0*" => false,
        _ => return None,
    };
    let u16_at = |at: usize| -> Option<u16> {
        let b: [u8; 2] = tiff.get(at..at.checked_add(2)?)?.try_into().ok()?;
        Some(if le {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        })
    };
    let u32_at = |at: usize| -> Option<u32> {
        let b: [u8; 4] = tiff.get(at..at.checked_add(4)?)?.try_into().ok()?;
        Some(if le {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let count = usize::from(u16_at(ifd)?);
    for k in 0..count {
        let entry = ifd + 2 + 12 * k;
        if u16_at(entry)? != 0x0112 {
            continue;
        }
        let value = match u16_at(entry + 2)? {
            3 => u16_at(entry + 8)?,
            4 => u16::try_from(u32_at(entry + 8)?).ok()?,
            _ => return None,
        };
        return (1..=8).contains(&value).then_some(value);
    }
    None
}

/// A TIFF block holding only the orientation tag (26 bytes).
fn minimal_tiff(orientation: u16) -> Vec<u8> {
    let mut t = Vec::with_capacity(26);
    t.extend_from_slice(b"MM\0*");
    t.extend_from_slice(&8u32.to_be_bytes());
    t.extend_from_slice(&1u16.to_be_bytes());
    // Tag 0x0112, type SHORT, one value, padded to four bytes.
    t.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1]);
    t.extend_from_slice(&orientation.to_be_bytes());
    t.extend_from_slice(&[0, 0]);
    // No next IFD.
    t.extend_from_slice(&[0, 0, 0, 0]);
    t
}

/// The orientation worth writing back: one that turns or flips.
fn kept(orientation: Option<u16>) -> Option<u16> {
    orientation.filter(|&o| o != 1)
}

// ---------------------------------------------------------------- JPEG

fn jpeg(b: &[u8]) -> Option<(Vec<u8>, Option<u16>)> {
    let mut out = Vec::with_capacity(b.len());
    out.extend_from_slice(&b[..2]);
    let mut orientation = None;
    let mut scanned = false;
    let mut i = 2;
    loop {
        if i >= b.len() {
            // Cut short after some picture data: a decoder shows the part
            // it has. Before any, there is no picture.
            if scanned {
                break;
            }
            return None;
        }
        if b[i] != 0xFF {
            return None;
        }
        // Any number of 0xFF may come before a marker.
        let mut m = i;
        while b.get(m) == Some(&0xFF) {
            m += 1;
        }
        let Some(&marker) = b.get(m) else {
            if scanned {
                break;
            }
            return None;
        };
        match marker {
            0xD9 => {
                out.extend_from_slice(&[0xFF, 0xD9]);
                break;
            }
            0x01 | 0xD0..=0xD7 => {
                out.extend_from_slice(&[0xFF, marker]);
                i = m + 1;
                continue;
            }
            0x00 | 0xD8 => return None,
            _ => {}
        }
        let len = usize::from(u16_be(b, m + 1)?);
        let end = m + 1 + len;
        if len < 2 || end > b.len() {
            return None;
        }
        let payload = &b[m + 3..end];
        match marker {
            // JFIF, without its thumbnail.
            0xE0 if payload.starts_with(b"JFIF\0") && payload.len() >= 14 => {
                out.extend_from_slice(&[0xFF, 0xE0, 0, 16]);
                out.extend_from_slice(&payload[..12]);
                out.extend_from_slice(&[0, 0]);
            }
            0xE1 => {
                if orientation.is_none() {
                    orientation = payload.strip_prefix(b"Exif\0\0").and_then(tiff_orientation);
                }
            }
            0xE2 if payload.starts_with(b"ICC_PROFILE\0") => {
                out.extend_from_slice(&b[m - 1..end]);
            }
            // Adobe: how the colour channels are stored.
            0xEE if payload.starts_with(b"Adobe") => out.extend_from_slice(&b[m - 1..end]),
            0xE0..=0xEF | 0xFE => {}
            _ => out.extend_from_slice(&b[m - 1..end]),
        }
        i = end;
        if marker == 0xDA {
            scanned = true;
            let data_end = scan_end(b, i);
            out.extend_from_slice(&b[i..data_end]);
            i = data_end;
        }
    }
    if let Some(o) = kept(orientation) {
        let tiff = minimal_tiff(o);
        let mut app1 = vec![0xFF, 0xE1];
        app1.extend_from_slice(&u16::try_from(2 + 6 + tiff.len()).ok()?.to_be_bytes());
        app1.extend_from_slice(b"Exif\0\0");
        app1.extend_from_slice(&tiff);
        // After SOI, and after JFIF when it comes first.
        let at = if out.get(2..4) == Some(&[0xFF, 0xE0]) {
            4 + usize::from(u16_be(&out, 4)?)
        } else {
            2
        };
        out.splice(at..at, app1);
    }
    Some((out, orientation))
}

/// Where the entropy-coded data that starts at `from` ends: at the first
/// marker that is not a restart marker, a stuffed zero or a fill byte.
fn scan_end(b: &[u8], from: usize) -> usize {
    let mut k = from;
    while let Some(step) = b[k..].iter().position(|&x| x == 0xFF) {
        k += step;
        match b.get(k + 1) {
            None => return b.len(),
            Some(0x00 | 0xD0..=0xD7) => k += 2,
            Some(0xFF) => k += 1,
            Some(_) => return k,
        }
    }
    b.len()
}

// ---------------------------------------------------------------- PNG

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Ancillary chunks a picture needs or that only say how to show it;
/// critical chunks (uppercase first letter) are always kept.
const PNG_KEEP: &[&[u8; 4]] = &[
    b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"cICP", b"mDCv", b"cLLi", b"sBIT", b"bKGD",
    b"pHYs", b"hIST", b"sPLT", b"acTL", b"fcTL", b"fdAT",
];

fn png(b: &[u8]) -> Option<(Vec<u8>, Option<u16>)> {
    let mut out = Vec::with_capacity(b.len());
    out.extend_from_slice(PNG_SIGNATURE);
    let mut orientation = None;
    let mut first_idat = None;
    let mut i = PNG_SIGNATURE.len();
    loop {
        let len = u32_be(b, i)?;
        if len > 0x7FFF_FFFF {
            return None;
        }
        let kind: &[u8; 4] = b.get(i + 4..i + 8)?.try_into().ok()?;
        if !kind.iter().all(u8::is_ascii_alphabetic) {
            return None;
        }
        let end = (i + 12).checked_add(usize::try_from(len).ok()?)?;
        let data = b.get(i + 8..end.checked_sub(4)?)?;
        if end > b.len() {
            return None;
        }
        if kind == b"eXIf" && orientation.is_none() {
            orientation = tiff_orientation(data);
        }
        if kind == b"IDAT" && first_idat.is_none() {
            first_idat = Some(out.len());
        }
        if kind[0].is_ascii_uppercase() || PNG_KEEP.contains(&kind) {
            out.extend_from_slice(&b[i..end]);
        }
        i = end;
        if kind == b"IEND" {
            break;
        }
    }
    if let (Some(o), Some(at)) = (kept(orientation), first_idat) {
        out.splice(at..at, png_chunk(b"eXIf", &minimal_tiff(o)));
    }
    Some((out, orientation))
}

/// A PNG chunk: length, type, data and CRC.
pub fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut chunk = Vec::with_capacity(12 + data.len());
    let len = u32::try_from(data.len()).expect("a chunk under 4 GiB");
    chunk.extend_from_slice(&len.to_be_bytes());
    chunk.extend_from_slice(kind);
    chunk.extend_from_slice(data);
    let crc = crc32fast::hash(&chunk[4..]);
    chunk.extend_from_slice(&crc.to_be_bytes());
    chunk
}

// ---------------------------------------------------------------- WebP

/// Chunks of a WebP file that make the picture.
const WEBP_KEEP: &[&[u8; 4]] = &[
    b"VP8X", b"VP8 ", b"VP8L", b"ALPH", b"ANIM", b"ANMF", b"ICCP",
];

/// Flags of the VP8X chunk.
const VP8X_EXIF: u8 = 0x08;
const VP8X_XMP: u8 = 0x04;

fn webp(b: &[u8]) -> Option<(Vec<u8>, Option<u16>)> {
    let riff_end = usize::try_from(u32_le(b, 4)?).ok()?.checked_add(8)?;
    if riff_end < 12 || riff_end > b.len() {
        return None;
    }
    let mut out = Vec::with_capacity(riff_end);
    out.extend_from_slice(&b[..12]);
    let mut orientation = None;
    let mut flags_at = None;
    let mut i = 12;
    while i < riff_end {
        let kind: &[u8; 4] = b.get(i..i + 4)?.try_into().ok()?;
        let len = usize::try_from(u32_le(b, i + 4)?).ok()?;
        let data_end = (i + 8).checked_add(len)?;
        if data_end > riff_end {
            return None;
        }
        let data = &b[i + 8..data_end];
        if kind == b"EXIF" && orientation.is_none() {
            orientation = tiff_orientation(data.strip_prefix(b"Exif\0\0").unwrap_or(data));
        }
        if WEBP_KEEP.contains(&kind) {
            if kind == b"VP8X" {
                if len < 10 || flags_at.is_some() {
                    return None;
                }
                flags_at = Some(out.len() + 8);
            }
            out.extend_from_slice(&b[i..data_end]);
            // Chunks are padded to an even size (the last pad byte is
            // sometimes missing in the file: it is written here).
            if len % 2 == 1 {
                out.push(0);
            }
        }
        i = data_end + len % 2;
    }
    if let Some(at) = flags_at {
        out[at] &= !(VP8X_EXIF | VP8X_XMP);
        if let Some(o) = kept(orientation) {
            out[at] |= VP8X_EXIF;
            let tiff = minimal_tiff(o);
            out.extend_from_slice(b"EXIF");
            out.extend_from_slice(&u32::try_from(tiff.len()).ok()?.to_le_bytes());
            out.extend_from_slice(&tiff);
        }
    }
    let riff_size = u32::try_from(out.len() - 8).ok()?;
    out[4..8].copy_from_slice(&riff_size.to_le_bytes());
    Some((out, orientation))
}

// ---------------------------------------------------------------- GIF

/// Identifiers of the application extensions that make a GIF loop: every
/// other one (XMP, a maker's data) is dropped.
const GIF_LOOPING: &[&[u8; 11]] = &[b"NETSCAPE2.0", b"ANIMEXTS1.0"];

/// The sub-blocks starting at `at` (a length byte, that many bytes, …,
/// then a zero): where they end, after the zero.
fn gif_sub_blocks_end(b: &[u8], mut at: usize) -> Option<usize> {
    loop {
        let len = usize::from(*b.get(at)?);
        at += 1;
        if len == 0 {
            return Some(at);
        }
        at += len;
        if at > b.len() {
            return None;
        }
    }
}

/// Size of the colour table a GIF's packed byte announces, if any.
fn gif_table(packed: u8) -> usize {
    if packed & 0x80 != 0 {
        3 << ((packed & 0x07) + 1)
    } else {
        0
    }
}

/// Keeps the header, the colour tables, every frame with its graphic
/// control (delay, transparency) and the looping extension; drops comments,
/// plain text and other application extensions (XMP lives there).
fn gif(b: &[u8]) -> Option<Vec<u8>> {
    let screen_end = 13 + gif_table(*b.get(10)?);
    let mut out = Vec::with_capacity(b.len());
    out.extend_from_slice(b.get(..screen_end)?);
    let mut i = screen_end;
    let mut frames = 0;
    // A graphic control applies to the next frame: held until it comes.
    let mut control: Option<&[u8]> = None;
    loop {
        let Some(&kind) = b.get(i) else {
            // Cut short between blocks: a decoder shows the frames there are.
            if frames == 0 {
                return None;
            }
            out.push(0x3B);
            break;
        };
        match kind {
            0x3B => {
                out.push(0x3B);
                break;
            }
            0x2C => {
                let packed = *b.get(i + 9)?;
                let data = i + 10 + gif_table(packed);
                // The LZW code size, then the picture's sub-blocks.
                b.get(data)?;
                let end = gif_sub_blocks_end(b, data + 1)?;
                if let Some(c) = control.take() {
                    out.extend_from_slice(c);
                }
                out.extend_from_slice(&b[i..end]);
                frames += 1;
                i = end;
            }
            0x21 => {
                let label = *b.get(i + 1)?;
                let end = gif_sub_blocks_end(b, i + 2)?;
                let block = &b[i..end];
                match label {
                    0xF9 => control = Some(block),
                    // Plain text is drawn in place of a frame: its control goes with it.
                    0x01 => control = None,
                    0xFF if block.len() >= 14
                        && block[2] == 11
                        && GIF_LOOPING.iter().any(|id| &block[3..14] == *id) =>
                    {
                        out.extend_from_slice(block)
                    }
                    _ => {}
                }
                i = end;
            }
            _ => return None,
        }
    }
    Some(out)
}

// ---------------------------------------------------------------- ICO

/// An icon file is a list of pictures, each a PNG file (stripped as one)
/// or a bitmap without metadata; the list is written again with the new
/// sizes and places.
fn ico(b: &[u8]) -> Option<Vec<u8>> {
    let count = usize::from(u16::from_le_bytes(b.get(4..6)?.try_into().ok()?));
    if count == 0 {
        return None;
    }
    let table_end = 6 + 16 * count;
    let mut pictures = Vec::with_capacity(count);
    for k in 0..count {
        let entry = b.get(6 + 16 * k..6 + 16 * (k + 1))?;
        let size = usize::try_from(u32_le(entry, 8)?).ok()?;
        let at = usize::try_from(u32_le(entry, 12)?).ok()?;
        if at < table_end {
            return None;
        }
        let data = b.get(at..at.checked_add(size)?)?;
        let data = if data.starts_with(PNG_SIGNATURE) {
            png(data)?.0
        } else {
            // A bitmap: its header's size is 40 (or more), and it holds
            // only pixels and masks.
            if u32_le(data, 0)? < 12 {
                return None;
            }
            data.to_vec()
        };
        pictures.push((entry, data));
    }
    let mut out = b[..6].to_vec();
    let mut at = table_end;
    for (entry, data) in &pictures {
        out.extend_from_slice(&entry[..8]);
        out.extend_from_slice(&u32::try_from(data.len()).ok()?.to_le_bytes());
        out.extend_from_slice(&u32::try_from(at).ok()?.to_le_bytes());
        at += data.len();
    }
    for (_, data) in pictures {
        out.extend(data);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::testdata::{self, ARTIST, MAKE, SERIAL};

    fn contains(hay: &[u8], needle: &[u8]) -> bool {
        hay.windows(needle.len()).any(|w| w == needle)
    }

    /// None of the metadata the test files carry is left in `bytes`.
    fn assert_clean(bytes: &[u8]) {
        for needle in [
            SERIAL.as_bytes(),
            ARTIST.as_bytes(),
            MAKE.as_bytes(),
            b"GPS",
            b"xmpmeta",
            b"Photoshop",
            b"Author",
        ] {
            assert!(
                !contains(bytes, needle),
                "{} left",
                String::from_utf8_lossy(needle)
            );
        }
    }

    /// The pixels as stored, without turning them upright.
    fn pixels(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
        let img = image::load_from_memory(bytes)
            .expect("decodes")
            .into_rgba8();
        (img.width(), img.height(), img.into_raw())
    }

    /// JPEG markers of `bytes` up to the first scan, with their lengths.
    fn jpeg_segments(bytes: &[u8]) -> Vec<(u8, usize)> {
        let mut list = Vec::new();
        let mut i = 2;
        while bytes[i] == 0xFF && bytes[i + 1] != 0xDA {
            let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
            list.push((bytes[i + 1], len));
            i += 2 + len;
        }
        list
    }

    fn png_chunks(bytes: &[u8]) -> Vec<String> {
        let mut list = Vec::new();
        let mut i = 8;
        while i < bytes.len() {
            let len = u32_be(bytes, i).unwrap() as usize;
            list.push(String::from_utf8_lossy(&bytes[i + 4..i + 8]).into_owned());
            i += 12 + len;
        }
        list
    }

    fn webp_chunks(bytes: &[u8]) -> Vec<String> {
        let mut list = Vec::new();
        let mut i = 12;
        while i < bytes.len() {
            let len = u32_le(bytes, i + 4).unwrap() as usize;
            list.push(String::from_utf8_lossy(&bytes[i..i + 4]).into_owned());
            i += 8 + len + len % 2;
        }
        list
    }

    #[test]
    fn a_jpeg_loses_exif_xmp_iptc_and_comments_and_keeps_its_pixels() {
        let photo = testdata::jpeg_with_exif(64, 32, 1);
        assert!(contains(&photo, SERIAL.as_bytes()) && contains(&photo, b"GPS"));
        let clean = strip(&photo).unwrap();
        assert_clean(&clean);
        // Only SOI, JFIF and what decoding needs remain.
        let markers: Vec<u8> = jpeg_segments(&clean).iter().map(|s| s.0).collect();
        assert_eq!(markers[0], 0xE0);
        assert!(markers[1..]
            .iter()
            .all(|m| !(0xE0..=0xEF).contains(m) && *m != 0xFE));
        assert_eq!(pixels(&clean), pixels(&photo));
        assert_eq!(orientation(&photo), Some(1));
        assert_eq!(orientation(&clean), None);
    }

    #[test]
    fn a_jpeg_without_metadata_is_unchanged() {
        let plain = testdata::jpeg(40, 30);
        assert_eq!(strip(&plain).unwrap(), plain);
    }

    #[test]
    fn a_turned_jpeg_keeps_its_orientation_as_the_only_tag() {
        for o in 2..=8 {
            let photo = testdata::jpeg_with_exif(40, 20, o);
            let clean = strip(&photo).unwrap();
            assert_clean(&clean);
            assert_eq!(orientation(&photo), Some(o));
            assert_eq!(orientation(&clean), Some(o));
            let segments = jpeg_segments(&clean);
            // JFIF, then the one EXIF segment of 2 + 6 + 26 bytes.
            assert_eq!(segments[..2], [(0xE0, 16), (0xE1, 34)]);
            let app1 = &clean[4 + 16..4 + 16 + 36];
            assert_eq!(&app1[4..10], b"Exif\0\0");
            assert_eq!(app1[10..], minimal_tiff(o));
            assert_eq!(pixels(&clean), pixels(&photo));
        }
    }

    #[test]
    fn the_orientation_is_read_in_both_byte_orders() {
        let plain = testdata::jpeg(8, 8);
        for le in [true, false] {
            let exif = [b"Exif\0\0".as_slice(), &testdata::exif(3, le)].concat();
            let photo = testdata::insert_after_jfif(&plain, &testdata::app_segment(0xE1, &exif));
            assert_eq!(orientation(&photo), Some(3), "little endian: {le}");
            assert_eq!(orientation(&strip(&photo).unwrap()), Some(3));
        }
        // Out of range: as good as none.
        let exif = [b"Exif\0\0".as_slice(), &testdata::exif(9, true)].concat();
        let photo = testdata::insert_after_jfif(&plain, &testdata::app_segment(0xE1, &exif));
        assert_eq!(orientation(&photo), None);
        assert_eq!(strip(&photo).unwrap(), plain);
    }

    #[test]
    fn a_jpeg_loses_its_jfif_thumbnail_its_maker_segments_and_what_follows_its_end() {
        let plain = testdata::jpeg(16, 16);
        let mut jfif = b"JFIF\0\x01\x02\0\0\x01\0\x01\x01\x01".to_vec();
        jfif.extend_from_slice(&[7, 8, 9]);
        let mut photo = vec![0xFF, 0xD8];
        photo.extend(testdata::app_segment(0xE0, &jfif));
        photo.extend(testdata::app_segment(0xE2, b"MPF\0II*\0 second picture"));
        photo.extend(testdata::app_segment(0xE2, b"ICC_PROFILE\0\x01\x01profile"));
        photo.extend(testdata::app_segment(0xEB, b"JP c2pa: author"));
        photo.extend(testdata::app_segment(0xEE, b"Adobe\0\x64\0\0\0\0\x01"));
        // The picture of `plain`, after its own JFIF segment.
        photo.extend_from_slice(&plain[20..]);
        photo.extend_from_slice(b"\xFF\xD8 a second picture with its own EXIF");
        let clean = strip(&photo).unwrap();
        let segments = jpeg_segments(&clean);
        assert_eq!(segments[..3], [(0xE0, 16), (0xE2, 2 + 21), (0xEE, 14)]);
        // JFIF as written, but for a thumbnail of 0 × 0.
        assert_eq!(clean[6..20], [&jfif[..12], &[0, 0]].concat());
        assert!(clean.ends_with(&[0xFF, 0xD9]));
        assert!(!contains(&clean, b"MPF") && !contains(&clean, b"c2pa"));
        assert_eq!(pixels(&clean), pixels(&plain));
    }

    #[test]
    fn every_scan_of_a_progressive_jpeg_is_kept_and_segments_between_them_are_walked() {
        let mut f = vec![0xFF, 0xD8];
        f.extend(testdata::app_segment(0xDA, &[1, 2, 3]));
        // Entropy-coded data with a stuffed zero, a restart marker and fill.
        let scan1 = [1, 0xFF, 0x00, 2, 0xFF, 0xD3, 3, 0xFF];
        f.extend_from_slice(&scan1);
        f.extend(testdata::app_segment(0xC4, &[9, 9]));
        f.extend(testdata::app_segment(0xE1, b"Exif\0\0 between scans"));
        f.extend(testdata::app_segment(0xFE, b"comment"));
        f.extend(testdata::app_segment(0xDA, &[4, 5, 6]));
        f.extend_from_slice(&[7, 8, 0xFF, 0xD9]);
        f.extend_from_slice(b"trailer");
        let mut want = vec![0xFF, 0xD8];
        want.extend(testdata::app_segment(0xDA, &[1, 2, 3]));
        want.extend_from_slice(&scan1);
        want.extend(testdata::app_segment(0xC4, &[9, 9]));
        want.extend(testdata::app_segment(0xDA, &[4, 5, 6]));
        want.extend_from_slice(&[7, 8, 0xFF, 0xD9]);
        assert_eq!(strip(&f).unwrap(), want);
        // Cut short inside the picture data: the part there is is kept.
        let cut = &f[..10 + scan1.len() - 2];
        assert_eq!(strip(cut).unwrap(), cut);
    }

    #[test]
    fn malformed_jpegs_are_refused() {
        let plain = testdata::jpeg(8, 8);
        for (what, bytes) in [
            (
                "a length under 2",
                [&plain[..4], &[0, 1], &plain[6..]].concat(),
            ),
            (
                "a length past the end",
                [&plain[..4], &[0xFF, 0xF0], &plain[6..]].concat(),
            ),
            (
                "no marker after a segment",
                [&plain[..20], b"xx", &plain[20..]].concat(),
            ),
            (
                "a second start",
                [&plain[..20], &[0xFF, 0xD8], &plain[20..]].concat(),
            ),
            ("nothing but the start", vec![0xFF, 0xD8]),
            ("headers and no picture", plain[..20].to_vec()),
        ] {
            assert_eq!(strip(&bytes), None, "{what}");
        }
    }

    #[test]
    fn a_png_loses_exif_text_and_time_and_keeps_its_pixels_and_orientation() {
        for (o, alpha) in [(1, false), (6, true), (3, false)] {
            let photo = testdata::png_with_exif(20, 10, o, alpha);
            assert!(contains(&photo, b"GPS"));
            let clean = strip(&photo).unwrap();
            assert_clean(&clean);
            assert_eq!(pixels(&clean), pixels(&photo));
            assert_eq!(orientation(&photo), Some(o));
            let chunks = png_chunks(&clean);
            if o == 1 {
                assert_eq!(chunks, ["IHDR", "IDAT", "IEND"]);
                assert_eq!(orientation(&clean), None);
            } else {
                assert_eq!(chunks, ["IHDR", "eXIf", "IDAT", "IEND"]);
                assert_eq!(orientation(&clean), Some(o));
                assert!(contains(&clean, &minimal_tiff(o)));
                // The decoder checks the CRC and reads the orientation.
                let mut d = image::ImageReader::new(std::io::Cursor::new(&clean))
                    .with_guessed_format()
                    .unwrap()
                    .into_decoder()
                    .unwrap();
                use image::ImageDecoder;
                assert_eq!(
                    d.orientation().unwrap(),
                    image::metadata::Orientation::from_exif(o as u8).unwrap()
                );
            }
        }
        let plain = testdata::png(9, 9, true);
        assert_eq!(strip(&plain).unwrap(), plain);
    }

    #[test]
    fn a_png_keeps_colour_transparency_and_animation_chunks_and_drops_private_ones() {
        let plain = testdata::png(4, 4, false);
        let ihdr_end = 33;
        let mut f = plain[..ihdr_end].to_vec();
        for kind in [
            b"iCCP", b"sRGB", b"tRNS", b"acTL", b"fcTL", b"caBX", b"prVW",
        ] {
            f.extend(png_chunk(kind, b"data"));
        }
        f.extend_from_slice(&plain[ihdr_end..]);
        f.extend_from_slice(b"after the end");
        let clean = strip(&f).unwrap();
        assert_eq!(
            png_chunks(&clean),
            ["IHDR", "iCCP", "sRGB", "tRNS", "acTL", "fcTL", "IDAT", "IEND"]
        );
    }

    #[test]
    fn malformed_pngs_are_refused() {
        let plain = testdata::png(4, 4, false);
        let n = plain.len();
        let mut bad_type = plain.clone();
        bad_type[12] = b'1';
        let mut huge = plain.clone();
        huge[8..12].copy_from_slice(&0x8000_0000u32.to_be_bytes());
        for (what, bytes) in [
            ("no end chunk", plain[..n - 12].to_vec()),
            ("a chunk cut short", plain[..n - 3].to_vec()),
            ("a type that is not letters", bad_type),
            ("a length over 2^31", huge),
            ("a signature cut short", plain[..7].to_vec()),
        ] {
            assert_eq!(strip(&bytes), None, "{what}");
        }
    }

    #[test]
    fn a_webp_loses_exif_and_xmp_and_keeps_its_pixels_and_orientation() {
        for o in [1, 6] {
            let photo = testdata::webp_with_exif(24, 16, o);
            assert!(contains(&photo, b"GPS"));
            let clean = strip(&photo).unwrap();
            assert_clean(&clean);
            assert_eq!(pixels(&clean), pixels(&photo));
            assert_eq!(orientation(&photo), Some(o));
            assert_eq!(u32_le(&clean, 4).unwrap() as usize, clean.len() - 8);
            let flags = clean[20];
            if o == 1 {
                assert_eq!(webp_chunks(&clean), ["VP8X", "VP8 "]);
                assert_eq!(flags & (VP8X_EXIF | VP8X_XMP), 0);
                assert_eq!(orientation(&clean), None);
            } else {
                assert_eq!(webp_chunks(&clean), ["VP8X", "VP8 ", "EXIF"]);
                assert_eq!(flags & (VP8X_EXIF | VP8X_XMP), VP8X_EXIF);
                assert_eq!(orientation(&clean), Some(o));
            }
        }
        let plain = testdata::webp(10, 10);
        assert_eq!(strip(&plain).unwrap(), plain);
    }

    #[test]
    fn malformed_webps_are_refused() {
        let plain = testdata::webp(10, 10);
        let mut long = plain.clone();
        long[4..8].copy_from_slice(&(plain.len() as u32).to_le_bytes());
        let mut chunk_past_end = plain.clone();
        chunk_past_end[16..20].copy_from_slice(&(plain.len() as u32).to_le_bytes());
        for (what, bytes) in [
            ("a RIFF size past the end", long),
            ("a chunk past the end", chunk_past_end),
            (
                "a RIFF size under 4",
                [b"RIFF\x02\0\0\0WEBP".as_slice()].concat(),
            ),
        ] {
            assert_eq!(strip(&bytes), None, "{what}");
        }
    }

    #[test]
    fn other_files_are_refused() {
        for bytes in [
            &b""[..],
            b"not a picture at all",
            b"GIF89a......",
            b"\xFF",
            b"RIFF\0\0\0\0WAVE",
        ] {
            assert_eq!(strip(bytes), None);
            assert_eq!(orientation(bytes), None);
        }
    }

    #[test]
    fn a_gif_keeps_its_frames_timing_and_looping_and_loses_comments_and_xmp() {
        for frames in [1, 3] {
            let photo = testdata::gif_with_metadata(frames);
            assert!(contains(&photo, SERIAL.as_bytes()) && contains(&photo, b"GPS"));
            let clean = strip(&photo).unwrap();
            assert_clean(&clean);
            assert_eq!(clean, testdata::gif(frames), "{frames} frames");
            assert_eq!(strip(&clean).unwrap(), clean);
        }
        // Plain text is dropped with the graphic control that times it.
        let plain = testdata::gif(1);
        let mut f = plain[..19].to_vec();
        f.extend_from_slice(b"\x21\xF9\x04\0\x05\0\0\0\x21\x01\x0C");
        f.extend_from_slice(&[0; 12]);
        f.extend_from_slice(b"\x03GPS\0");
        f.extend_from_slice(&plain[19..]);
        assert_eq!(strip(&f).unwrap(), plain);
        // Anything after the end is dropped; a file cut between frames ends there.
        let mut after = plain.clone();
        after.extend_from_slice(b"GPS trailer");
        assert_eq!(strip(&after).unwrap(), plain);
        assert_eq!(strip(&plain[..plain.len() - 1]).unwrap(), plain);
    }

    #[test]
    fn malformed_gifs_are_refused() {
        let plain = testdata::gif(2);
        let mut bad_block = plain.clone();
        bad_block[19] = 0x99;
        for (what, bytes) in [
            ("no frame", plain[..19].to_vec()),
            ("a frame cut short", plain[..30].to_vec()),
            ("an unknown block", bad_block),
            ("a colour table cut short", plain[..15].to_vec()),
        ] {
            assert_eq!(strip(&bytes), None, "{what}");
        }
    }

    /// An icon file of `pictures`: (PNG or bitmap bytes).
    fn icon(pictures: &[Vec<u8>]) -> Vec<u8> {
        let mut f = vec![0, 0, 1, 0];
        f.extend_from_slice(&(pictures.len() as u16).to_le_bytes());
        let mut at = 6 + 16 * pictures.len();
        for p in pictures {
            f.extend_from_slice(&[16, 16, 0, 0, 1, 0, 32, 0]);
            f.extend_from_slice(&(p.len() as u32).to_le_bytes());
            f.extend_from_slice(&(at as u32).to_le_bytes());
            at += p.len();
        }
        for p in pictures {
            f.extend_from_slice(p);
        }
        f
    }

    #[test]
    fn an_icon_loses_the_metadata_of_its_png_pictures_and_keeps_its_bitmaps() {
        let bitmap = [&40u32.to_le_bytes()[..], &[7; 60]].concat();
        let photo = icon(&[testdata::png_with_exif(16, 16, 1, true), bitmap.clone()]);
        let clean = strip(&photo).unwrap();
        assert_clean(&clean);
        assert_eq!(
            clean,
            icon(&[
                strip(&testdata::png_with_exif(16, 16, 1, true)).unwrap(),
                bitmap
            ])
        );
        assert_eq!(strip(&clean).unwrap(), clean);
        for (what, bytes) in [
            ("no picture", vec![0, 0, 1, 0, 0, 0]),
            ("a picture past the end", photo[..photo.len() - 1].to_vec()),
            ("a table cut short", photo[..20].to_vec()),
        ] {
            assert_eq!(strip(&bytes), None, "{what}");
        }
    }

    #[test]
    fn an_animated_webp_keeps_its_frames() {
        let still = testdata::webp(4, 4);
        let vp8 = &still[12..];
        let mut frame = vec![0; 16];
        frame.extend_from_slice(vp8);
        let mut body = b"WEBP".to_vec();
        for (kind, data) in [
            (b"VP8X", &b"\x02\0\0\0\x03\0\0\x03\0\0"[..]),
            (b"ANIM", &[0, 0, 0, 0, 0, 0][..]),
            (b"ANMF", &frame[..]),
            (b"ANMF", &frame[..]),
            (b"XMP ", b"GPS"),
        ] {
            body.extend_from_slice(kind);
            body.extend_from_slice(&(data.len() as u32).to_le_bytes());
            body.extend_from_slice(data);
            if data.len() % 2 == 1 {
                body.push(0);
            }
        }
        let mut f = b"RIFF".to_vec();
        f.extend_from_slice(&(body.len() as u32).to_le_bytes());
        f.extend(body);
        let clean = strip(&f).unwrap();
        assert_eq!(webp_chunks(&clean), ["VP8X", "ANIM", "ANMF", "ANMF"]);
        assert!(!contains(&clean, b"GPS"));
    }

    fn samples() -> Vec<Vec<u8>> {
        vec![
            testdata::jpeg_with_exif(12, 8, 6),
            testdata::png_with_exif(6, 4, 8, true),
            testdata::webp_with_exif(6, 4, 5),
            testdata::gif_with_metadata(3),
        ]
    }

    #[test]
    fn stripping_twice_changes_nothing_more() {
        for f in samples() {
            let once = strip(&f).unwrap();
            assert_eq!(strip(&once).unwrap(), once);
        }
    }

    #[test]
    fn a_file_cut_at_any_length_is_stripped_or_refused_never_a_panic() {
        for f in samples() {
            for n in 0..f.len() {
                if let Some(once) = strip(&f[..n]) {
                    assert_eq!(strip(&once).as_ref(), Some(&once), "cut at {n}");
                }
            }
        }
    }

    #[test]
    fn damaged_bytes_are_stripped_or_refused_never_a_panic() {
        // A small fixed-seed xorshift: the same bytes at every run.
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for f in samples() {
            for _ in 0..2000 {
                let mut g = f.clone();
                for _ in 0..1 + next() % 4 {
                    let at = (next() % g.len() as u64) as usize;
                    g[at] = next() as u8;
                }
                if let Some(once) = strip(&g) {
                    assert_eq!(strip(&once).as_ref(), Some(&once));
                }
            }
        }
    }
}
