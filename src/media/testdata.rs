//! Test data only: small JPEG, PNG and WebP files carrying the metadata a
//! camera or an editing program writes (EXIF with GPS position, camera
//! make and serial number, author; XMP; IPTC; comments), made in memory
//! for the tests of this crate and of `tests/` (with the `testdata`
//! feature, which the tests enable). Not compiled into the program.
//!
//! Every file made here holds the text [`SERIAL`], [`ARTIST`], [`MAKE`] and
//! `GPS`, so that a test can search the bytes of a published file for them.

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{ExtendedColorType, ImageEncoder};

/// The camera's serial number (EXIF BodySerialNumber).
pub const SERIAL: &str = "SN-4711-BANTIN";
/// The photographer (EXIF Artist, XMP dc:creator, IPTC By-line).
pub const ARTIST: &str = "Nguyễn Văn Ảnh";
/// The camera's maker (EXIF Make).
pub const MAKE: &str = "Canon";

/// A JPEG photo of `width` × `height` pixels as stored, with EXIF
/// orientation `orientation` (1–8), GPS position, camera make, model and
/// serial, author; an XMP packet, IPTC data and a comment.
pub fn jpeg_with_exif(width: u32, height: u32, orientation: u16) -> Vec<u8> {
    let plain = jpeg(width, height);
    let mut segments = app_segment(
        0xE1,
        &[b"Exif\0\0".as_slice(), &exif(orientation, true)].concat(),
    );
    segments.extend(app_segment(0xE1, &[XMP_ID, xmp().as_bytes()].concat()));
    segments.extend(app_segment(0xED, &iptc()));
    segments.extend(app_segment(
        0xFE,
        format!("GPS 21.03N 105.85E, {ARTIST}").as_bytes(),
    ));
    insert_after_jfif(&plain, &segments)
}

/// A JPEG of `width` × `height` pixels with no metadata: gradients, so
/// that it encodes like a photo.
pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let rgb = pixels(width, height, 3);
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(&rgb, width, height, ExtendedColorType::Rgb8)
        .expect("a JPEG is made in memory");
    out
}

/// A PNG of `width` × `height` pixels (its left half transparent when
/// `alpha`) with an eXIf chunk holding `orientation` and the GPS position,
/// text chunks with the author and the XMP packet, and a time stamp.
pub fn png_with_exif(width: u32, height: u32, orientation: u16, alpha: bool) -> Vec<u8> {
    let plain = png(width, height, alpha);
    // After the signature and IHDR (8 + 25 bytes).
    let at = 33;
    let mut chunks = super::strip::png_chunk(b"eXIf", &exif(orientation, false));
    chunks.extend(super::strip::png_chunk(
        b"tEXt",
        format!("Author\0{ARTIST}").as_bytes(),
    ));
    chunks.extend(super::strip::png_chunk(
        b"iTXt",
        &[b"XML:com.adobe.xmp\0\0\0\0\0".as_slice(), xmp().as_bytes()].concat(),
    ));
    chunks.extend(super::strip::png_chunk(b"tIME", &[7, 233, 6, 1, 8, 0, 0]));
    chunks.extend(super::strip::png_chunk(
        b"zTXt",
        b"Comment\0\0x\x9c\x03\0\0\0\0\x01",
    ));
    let mut out = plain;
    out.splice(at..at, chunks);
    out
}

/// A PNG of `width` × `height` pixels with no metadata, its left half
/// transparent when `alpha`.
pub fn png(width: u32, height: u32, alpha: bool) -> Vec<u8> {
    let mut rgba = pixels(width, height, 4);
    if alpha {
        for (n, px) in rgba.chunks_mut(4).enumerate() {
            if (n as u32 % width) < width / 2 {
                px[3] = 0;
            }
        }
    }
    let mut out = Vec::new();
    PngEncoder::new(&mut out)
        .write_image(&rgba, width, height, ExtendedColorType::Rgba8)
        .expect("a PNG is made in memory");
    out
}

/// A lossy WebP of `width` × `height` pixels in the extended format, with
/// an EXIF chunk holding `orientation` and the GPS position, and an XMP
/// chunk.
pub fn webp_with_exif(width: u32, height: u32, orientation: u16) -> Vec<u8> {
    let simple = webp(width, height);
    // The simple format: RIFF, size, WEBP, then one VP8 chunk.
    let vp8 = &simple[12..];
    let mut vp8x = vec![VP8X_FLAGS_EXIF_XMP, 0, 0, 0];
    vp8x.extend_from_slice(&(width - 1).to_le_bytes()[..3]);
    vp8x.extend_from_slice(&(height - 1).to_le_bytes()[..3]);
    let mut body = b"WEBP".to_vec();
    body.extend(riff_chunk(b"VP8X", &vp8x));
    body.extend_from_slice(vp8);
    body.extend(riff_chunk(b"EXIF", &exif(orientation, true)));
    body.extend(riff_chunk(b"XMP ", xmp().as_bytes()));
    let mut out = b"RIFF".to_vec();
    out.extend_from_slice(&(body.len() as u32).to_le_bytes());
    out.extend(body);
    out
}

/// A lossy WebP of `width` × `height` pixels with no metadata.
pub fn webp(width: u32, height: u32) -> Vec<u8> {
    let rgb = pixels(width, height, 3);
    webp::Encoder::from_rgb(&rgb, width, height)
        .encode_simple(false, 90.0)
        .expect("a WebP is made in memory")
        .to_vec()
}

const VP8X_FLAGS_EXIF_XMP: u8 = 0x08 | 0x04;

const XMP_ID: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";

/// A RIFF chunk, padded to an even size.
fn riff_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut c = kind.to_vec();
    c.extend_from_slice(&(data.len() as u32).to_le_bytes());
    c.extend_from_slice(data);
    if data.len() % 2 == 1 {
        c.push(0);
    }
    c
}

/// Gradient pixels, `channels` bytes each (alpha, if any, opaque).
fn pixels(width: u32, height: u32, channels: usize) -> Vec<u8> {
    let mut p = Vec::with_capacity(width as usize * height as usize * channels);
    for y in 0..height {
        for x in 0..width {
            let px = [
                (x * 255 / width.max(1)) as u8,
                (y * 255 / height.max(1)) as u8,
                ((x ^ y) & 0xFF) as u8,
                255,
            ];
            p.extend_from_slice(&px[..channels]);
        }
    }
    p
}

/// A JPEG APPn (or other) segment with `payload`.
pub fn app_segment(marker: u8, payload: &[u8]) -> Vec<u8> {
    let mut s = vec![0xFF, marker];
    s.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
    s.extend_from_slice(payload);
    s
}

/// `jpeg` with `segments` inserted after SOI and its JFIF segment.
pub fn insert_after_jfif(jpeg: &[u8], segments: &[u8]) -> Vec<u8> {
    let at = if jpeg[2..4] == [0xFF, 0xE0] {
        4 + usize::from(u16::from_be_bytes([jpeg[4], jpeg[5]]))
    } else {
        2
    };
    let mut out = jpeg.to_vec();
    out.splice(at..at, segments.iter().copied());
    out
}

fn xmp() -> String {
    format!(
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\
         <rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         exif:GPSLatitude=\"21,1.68N\" exif:GPSLongitude=\"105,51.15E\" exif:BodySerialNumber=\"{SERIAL}\">\
         <dc:creator>{ARTIST}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
    )
}

/// Photoshop APP13 payload with an IPTC By-line (2:80).
fn iptc() -> Vec<u8> {
    let mut record = vec![0x1C, 2, 80];
    record.extend_from_slice(&(ARTIST.len() as u16).to_be_bytes());
    record.extend_from_slice(ARTIST.as_bytes());
    let mut p = b"Photoshop 3.0\08BIM".to_vec();
    p.extend_from_slice(&0x0404u16.to_be_bytes());
    p.extend_from_slice(&[0, 0]);
    p.extend_from_slice(&(record.len() as u32).to_be_bytes());
    p.extend(record);
    p
}

/// A value of a TIFF tag.
enum Value {
    Ascii(&'static str),
    Short(u16),
    Long(u32),
    Byte(&'static [u8]),
    Undefined(&'static [u8]),
    Rational(&'static [(u32, u32)]),
}

/// An EXIF TIFF block, little or big endian: IFD0 with Make, Model,
/// Orientation, Artist and pointers to an Exif IFD (BodySerialNumber) and
/// a GPS IFD (latitude and longitude of Hà Nội).
pub fn exif(orientation: u16, little_endian: bool) -> Vec<u8> {
    let ifd0 = |exif_at: u32, gps_at: u32| {
        vec![
            (0x010F, Value::Ascii(MAKE)),
            (0x0110, Value::Ascii("Canon EOS 5D Mark IV")),
            (0x0112, Value::Short(orientation)),
            (0x013B, Value::Ascii(ARTIST)),
            (0x8769, Value::Long(exif_at)),
            (0x8825, Value::Long(gps_at)),
        ]
    };
    let exif_ifd = vec![(0xA431, Value::Ascii(SERIAL))];
    let gps = vec![
        (0x0000, Value::Byte(&[2, 3, 0, 0])),
        (0x0001, Value::Ascii("N")),
        (0x0002, Value::Rational(&[(21, 1), (1, 1), (4080, 100)])),
        (0x0003, Value::Ascii("E")),
        (0x0004, Value::Rational(&[(105, 1), (51, 1), (900, 100)])),
        (0x001B, Value::Undefined(b"ASCII\0\0\0GPS")),
    ];
    let le = little_endian;
    let ifd0_len = ifd(le, &ifd0(0, 0), 8).len();
    let exif_at = 8 + ifd0_len;
    let exif_bytes = ifd(le, &exif_ifd, exif_at);
    let gps_at = exif_at + exif_bytes.len();
    let mut t = if le {
        b"II*\0".to_vec()
    } else {
        b"MM\0*".to_vec()
    };
    t.extend(u32b(le, 8));
    t.extend(ifd(le, &ifd0(exif_at as u32, gps_at as u32), 8));
    t.extend(exif_bytes);
    t.extend(ifd(le, &gps, gps_at));
    t
}

fn u16b(le: bool, v: u16) -> [u8; 2] {
    if le {
        v.to_le_bytes()
    } else {
        v.to_be_bytes()
    }
}

fn u32b(le: bool, v: u32) -> [u8; 4] {
    if le {
        v.to_le_bytes()
    } else {
        v.to_be_bytes()
    }
}

/// One IFD at offset `at` of the TIFF block, its long values after it.
fn ifd(le: bool, entries: &[(u16, Value)], at: usize) -> Vec<u8> {
    let data_at = at + 2 + 12 * entries.len() + 4;
    let mut head = u16b(le, entries.len() as u16).to_vec();
    let mut data = Vec::new();
    for (tag, value) in entries {
        let (kind, count, bytes): (u16, usize, Vec<u8>) = match value {
            Value::Ascii(s) => (2, s.len() + 1, [s.as_bytes(), b"\0"].concat()),
            Value::Short(v) => (3, 1, u16b(le, *v).to_vec()),
            Value::Long(v) => (4, 1, u32b(le, *v).to_vec()),
            Value::Byte(b) => (1, b.len(), b.to_vec()),
            Value::Undefined(b) => (7, b.len(), b.to_vec()),
            Value::Rational(r) => (
                5,
                r.len(),
                r.iter()
                    .flat_map(|&(n, d)| [u32b(le, n), u32b(le, d)].concat())
                    .collect(),
            ),
        };
        head.extend(u16b(le, *tag));
        head.extend(u16b(le, kind));
        head.extend(u32b(le, count as u32));
        if bytes.len() <= 4 {
            let mut inline = bytes;
            inline.resize(4, 0);
            head.extend(inline);
        } else {
            head.extend(u32b(le, (data_at + data.len()) as u32));
            data.extend(bytes);
            if data.len() % 2 == 1 {
                data.push(0);
            }
        }
    }
    head.extend(u32b(le, 0));
    head.extend(data);
    head
}

/// One frame of 1 × 1 pixel: its graphic control (a tenth of a second),
/// its descriptor and its picture data.
const GIF_FRAME: &[u8] = b"\x21\xF9\x04\x04\x0A\0\0\0\x2C\0\0\0\0\x01\0\x01\0\0\x02\x02\x44\x01\0";

/// A GIF of `frames` frames of 1 × 1 pixel, looping forever when there
/// are several, without metadata: what stripping must leave of
/// [`gif_with_metadata`].
pub fn gif(frames: usize) -> Vec<u8> {
    gif_made(frames, false)
}

/// [`gif`] with a comment, an XMP packet (GPS position, author, serial)
/// and a maker's application extension before and between its frames.
pub fn gif_with_metadata(frames: usize) -> Vec<u8> {
    gif_made(frames, true)
}

fn gif_made(frames: usize, metadata: bool) -> Vec<u8> {
    let mut g = b"GIF89a\x01\0\x01\0\x80\0\0\xFF\xFF\xFF\0\0\0".to_vec();
    let sub_blocks = |g: &mut Vec<u8>, data: &[u8]| {
        for part in data.chunks(255) {
            g.push(part.len() as u8);
            g.extend_from_slice(part);
        }
        g.push(0);
    };
    let extras = |g: &mut Vec<u8>| {
        if metadata {
            g.extend_from_slice(b"\x21\xFE");
            sub_blocks(
                g,
                format!("GPS 21.03N 105.85E {ARTIST} {SERIAL}").as_bytes(),
            );
            g.extend_from_slice(b"\x21\xFF\x0BXMP DataXMP");
            sub_blocks(g, xmp().as_bytes());
            g.extend_from_slice(b"\x21\xFF\x0BMAKERDATA01");
            sub_blocks(g, format!("{MAKE} {SERIAL}").as_bytes());
        }
    };
    extras(&mut g);
    if frames > 1 {
        g.extend_from_slice(b"\x21\xFF\x0BNETSCAPE2.0\x03\x01\0\0\0");
    }
    for _ in 0..frames {
        g.extend_from_slice(GIF_FRAME);
        extras(&mut g);
    }
    g.push(0x3B);
    g
}

/// An ISO media file of brand `major` (`heic`, `avif`) holding an EXIF
/// block with the GPS position and serial: enough of a phone's photo to be
/// recognised, not to be shown.
pub fn iso_image_with_exif(major: &[u8; 4]) -> Vec<u8> {
    let mut f = 24u32.to_be_bytes().to_vec();
    f.extend_from_slice(b"ftyp");
    f.extend_from_slice(major);
    f.extend_from_slice(&[0, 0, 0, 0]);
    f.extend_from_slice(b"mif1");
    f.extend_from_slice(major);
    let exif = [b"\0\0\0\0Exif\0\0".as_slice(), &exif(1, false)].concat();
    f.extend_from_slice(&(8 + exif.len() as u32).to_be_bytes());
    f.extend_from_slice(b"mdat");
    f.extend(exif);
    f
}

/// A TIFF file holding the EXIF tags of [`exif`] (GPS, serial, author).
pub fn tiff_with_exif() -> Vec<u8> {
    exif(1, true)
}

/// An animated WebP of `frames` frames of 4 × 4 pixels, with an XMP chunk
/// holding the GPS position and serial.
pub fn animated_webp_with_xmp(frames: usize) -> Vec<u8> {
    let still = webp(4, 4);
    let mut frame = vec![0; 16];
    frame.extend_from_slice(&still[12..]);
    let mut chunks: Vec<(&[u8; 4], Vec<u8>)> = vec![
        (b"VP8X", b"\x06\0\0\0\x03\0\0\x03\0\0".to_vec()),
        (b"ANIM", vec![0; 6]),
    ];
    for _ in 0..frames {
        chunks.push((b"ANMF", frame.clone()));
    }
    chunks.push((b"XMP ", xmp().into_bytes()));
    let mut body = b"WEBP".to_vec();
    for (kind, data) in chunks {
        body.extend(riff_chunk(kind, &data));
    }
    let mut out = b"RIFF".to_vec();
    out.extend_from_slice(&(body.len() as u32).to_le_bytes());
    out.extend(body);
    out
}

/// An icon file holding one PNG picture with the metadata of
/// [`png_with_exif`].
pub fn ico_with_exif() -> Vec<u8> {
    let png = png_with_exif(16, 16, 1, true);
    let mut f = vec![0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0];
    f.extend_from_slice(&(png.len() as u32).to_le_bytes());
    f.extend_from_slice(&22u32.to_le_bytes());
    f.extend(png);
    f
}
