//! Decoding an image, turning it upright and encoding it at the widths a
//! page offers: pure functions of the bytes and the settings.

use std::io::Cursor;
use std::sync::{Condvar, Mutex, OnceLock};

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::imageops::{self, FilterType};
use image::metadata::Orientation;
use image::{
    DynamicImage, ExtendedColorType, ImageDecoder, ImageEncoder, ImageReader, Limits, RgbImage,
    RgbaImage,
};
use zune_core::bytestream::ZCursor;
use zune_core::options::DecoderOptions;

/// How sizes are made from the decoded image.
const FILTER: FilterType = FilterType::Triangle;

/// How images are resized and encoded (`images:` of config.yaml).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Settings {
    /// Widths to make, in pixels, ascending (default 480, 960, 1600).
    pub widths: Vec<u32>,
    /// Lossy quality, 1–100 (default 80), for WebP and JPEG.
    pub quality: u8,
    /// Make WebP beside the fallback format (default true).
    pub webp: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            widths: vec![480, 960, 1600],
            quality: 80,
            webp: true,
        }
    }
}

/// An encoded format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    Webp,
    Jpeg,
    Png,
}

impl Format {
    /// File extension, without the dot.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Webp => "webp",
            Format::Jpeg => "jpg",
            Format::Png => "png",
        }
    }

    /// MIME type, for `<source type>`.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Webp => "image/webp",
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
        }
    }
}

/// One encoded size of an image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    pub width: u32,
    pub height: u32,
    pub format: Format,
    pub bytes: Vec<u8>,
}

/// An image made ready for pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Processed {
    /// Size of the upright image (EXIF orientation applied).
    pub width: u32,
    pub height: u32,
    /// Every width × format, widths ascending.
    pub variants: Vec<Encoded>,
}

/// Why an image could not be processed. The build goes on: the image is
/// published as it is (metadata removed) and a warning names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageError {
    /// Not a format bantin decodes (or not an image at all).
    Unsupported,
    /// The file is damaged: the decoder's words.
    Corrupt(String),
    /// Wider or taller than bantin makes images ([`MAX_SIDE`]).
    TooLarge { width: u32, height: u32 },
    /// Decoding it needs `needed` bytes of memory: more than the whole
    /// [`Budget`] (`budget`), or more than the system would give (`None`).
    /// It depends on the machine, not on the file: never kept in the cache.
    OverMemory {
        width: u32,
        height: u32,
        needed: u64,
        budget: Option<u64>,
    },
}

/// Widest and tallest image decoded, in pixels: WebP can hold no more.
pub const MAX_SIDE: u32 = 16383;

/// The environment variable that sets the [`Budget`], in MB.
pub const MEMORY_VARIABLE: &str = "BANTIN_IMAGE_MEMORY_MB";

/// Memory that the images being processed may take at once, shared by all
/// threads: each image takes what it needs before it is decoded and gives
/// it back when its sizes are made, waiting while others hold too much. A
/// few photos at once then fit in memory, however many threads there are,
/// and a small file that claims a huge picture is refused, not decoded.
pub struct Budget {
    total: u64,
    used: Mutex<u64>,
    freed: Condvar,
}

/// Memory taken from a [`Budget`], given back when dropped.
pub struct Taken<'a> {
    budget: &'a Budget,
    bytes: u64,
}

impl Budget {
    pub fn new(total: u64) -> Budget {
        Budget {
            total,
            used: Mutex::new(0),
            freed: Condvar::new(),
        }
    }

    /// The budget of this process: [`MEMORY_VARIABLE`] MB when set, else a
    /// quarter of the machine's memory, between 256 MiB and 2 GiB.
    pub fn shared() -> &'static Budget {
        static SHARED: OnceLock<Budget> = OnceLock::new();
        SHARED.get_or_init(|| {
            const MIB: u64 = 1 << 20;
            let set = std::env::var(MEMORY_VARIABLE)
                .ok()
                .and_then(|v| v.trim().parse::<u64>().ok())
                .filter(|&mb| mb > 0);
            Budget::new(match set {
                Some(mb) => mb.saturating_mul(1_000_000),
                None => physical_memory().map_or(1 << 30, |m| (m / 4).clamp(256 * MIB, 2048 * MIB)),
            })
        })
    }

    /// Bytes in all.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// Takes `bytes`, waiting until others give back enough; `None` when
    /// `bytes` is more than the whole budget.
    pub fn take(&self, bytes: u64) -> Option<Taken<'_>> {
        if bytes > self.total {
            return None;
        }
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        while *used + bytes > self.total {
            used = self.freed.wait(used).unwrap_or_else(|e| e.into_inner());
        }
        *used += bytes;
        Some(Taken {
            budget: self,
            bytes,
        })
    }
}

impl Drop for Taken<'_> {
    fn drop(&mut self) {
        let mut used = self.budget.used.lock().unwrap_or_else(|e| e.into_inner());
        *used -= self.bytes;
        self.budget.freed.notify_all();
    }
}

/// The machine's memory in bytes, where the system says it simply.
fn physical_memory() -> Option<u64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = info.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    kb.checked_mul(1024)
}

/// Bytes an image of `width` × `height` pixels, decoded into `decoded`
/// bytes, needs at most at once: the decoded picture and a copy of it
/// (turned upright, or converted to 8 bits a channel) — each at least 4
/// bytes a pixel, as the conversion to RGBA makes them.
fn working_bytes(width: u32, height: u32, decoded: u64) -> u64 {
    let rgba = u64::from(width) * u64::from(height) * 4;
    decoded.max(rgba).saturating_mul(2)
}

/// Takes the memory an image needs from `budget`, and makes sure the
/// system can give it now: an allocation that fails is reported, where
/// it would otherwise stop the whole build.
fn reserve(
    budget: &Budget,
    width: u32,
    height: u32,
    decoded: u64,
) -> Result<Taken<'_>, ImageError> {
    let needed = working_bytes(width, height, decoded);
    let over = |budget| ImageError::OverMemory {
        width,
        height,
        needed,
        budget,
    };
    let taken = budget
        .take(needed)
        .ok_or_else(|| over(Some(budget.total())))?;
    let mut probe: Vec<u8> = Vec::new();
    usize::try_from(needed)
        .ok()
        .and_then(|n| probe.try_reserve_exact(n).ok())
        .ok_or_else(|| over(None))?;
    drop(probe);
    Ok(taken)
}

/// Decodes `bytes`, applies EXIF orientation, and encodes the image at
/// every width of `settings` narrower than itself (never larger; an image
/// narrower than every width gets one variant at its own width), within
/// the memory of [`Budget::shared`].
pub fn process(bytes: &[u8], settings: &Settings) -> Result<Processed, ImageError> {
    process_within(bytes, settings, Budget::shared())
}

/// [`process`] within the memory of `budget`.
pub fn process_within(
    bytes: &[u8],
    settings: &Settings,
    budget: &Budget,
) -> Result<Processed, ImageError> {
    // Decoders are written not to panic on any input; should one still do
    // so, the image is reported as damaged and the build goes on.
    std::panic::catch_unwind(|| process_unguarded(bytes, settings, budget)).unwrap_or_else(
        |panic| {
            let why = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(ImageError::Corrupt(format!("the decoder failed: {why}")))
        },
    )
}

fn process_unguarded(
    bytes: &[u8],
    settings: &Settings,
    budget: &Budget,
) -> Result<Processed, ImageError> {
    // Held until the sizes are made: the pixels live as long.
    let (upright, _taken) = decode(bytes, budget)?;
    let (width, height) = (upright.width(), upright.height());
    let pixels = Pixels::from(upright);
    let quality = settings.quality.clamp(1, 100);
    // Widest first: the widest reduced size is made from the whole image by
    // averaging areas, each narrower one from it (a 24-megapixel photo is
    // read once, not once a width).
    let mut sizes: Vec<(u32, Option<Pixels>)> = Vec::new();
    for w in widths(width, &settings.widths).into_iter().rev() {
        let h = height_for(width, height, w);
        let sized = if w == width {
            None
        } else if let Some(widest) = sizes.iter().find_map(|(_, p)| p.as_ref()) {
            Some(widest.resized(w, h))
        } else {
            Some(pixels.reduced(w, h))
        };
        sizes.push((w, sized));
    }
    let mut variants = Vec::new();
    for (_, sized) in sizes.iter().rev() {
        let sized = sized.as_ref().unwrap_or(&pixels);
        if settings.webp {
            variants.push(sized.encode(Format::Webp, quality)?);
        }
        variants.push(sized.encode(sized.fallback(), quality)?);
    }
    Ok(Processed {
        width,
        height,
        variants,
    })
}

/// The widths to make of an image `own` pixels wide: those of `configured`
/// narrower than it, and its own width too when it is not wider than the
/// widest configured one.
fn widths(own: u32, configured: &[u32]) -> Vec<u32> {
    let mut list: Vec<u32> = configured.iter().copied().filter(|&w| w < own).collect();
    list.sort_unstable();
    list.dedup();
    if configured.is_empty() || configured.iter().any(|&w| w >= own) {
        list.push(own);
    }
    list
}

/// Height of the image `width` × `height` made `w` wide, rounded.
fn height_for(width: u32, height: u32, w: u32) -> u32 {
    let h = (u64::from(height) * u64::from(w) + u64::from(width) / 2) / u64::from(width);
    u32::try_from(h).unwrap_or(u32::MAX).max(1)
}

fn decode<'b>(bytes: &[u8], budget: &'b Budget) -> Result<(DynamicImage, Taken<'b>), ImageError> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| ImageError::Corrupt(e.to_string()))?;
    match reader.format() {
        None => return Err(ImageError::Unsupported),
        Some(image::ImageFormat::Jpeg) => return decode_jpeg(bytes, budget),
        Some(_) => {}
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(budget.total());
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| error(e, bytes, budget))?;
    let (width, height) = decoder.dimensions();
    if width == 0 || height == 0 {
        return Err(ImageError::Corrupt(format!(
            "the image is {width} × {height} pixels"
        )));
    }
    let taken = reserve(budget, width, height, decoder.total_bytes())?;
    // A damaged EXIF block only loses the turn, not the picture.
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| error(e, bytes, budget))?;
    image.apply_orientation(orientation);
    Ok((image, taken))
}

/// Decodes a JPEG in the strict mode of its decoder: `image` asks for the
/// lenient one, which shows damaged data as grey.
fn decode_jpeg<'b>(
    bytes: &[u8],
    budget: &'b Budget,
) -> Result<(DynamicImage, Taken<'b>), ImageError> {
    use zune_core::colorspace::ColorSpace;
    // The size is checked here, once known: the decoder's own limit gives
    // an error that does not say which it is.
    let options = DecoderOptions::default()
        .set_strict_mode(true)
        .set_max_width(usize::from(u16::MAX))
        .set_max_height(usize::from(u16::MAX));
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(bytes), options);
    decoder.decode_headers().map_err(|e| jpeg_error(e, bytes))?;
    let (Some((width, height)), Some(colours)) = (decoder.dimensions(), decoder.input_colorspace())
    else {
        return Err(ImageError::Corrupt("the JPEG has no size".into()));
    };
    let (width, height) = (width as u32, height as u32);
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(ImageError::TooLarge { width, height });
    }
    let grey = matches!(colours, ColorSpace::Luma | ColorSpace::LumaA);
    let out = if grey {
        ColorSpace::Luma
    } else {
        ColorSpace::RGB
    };
    decoder.set_options(decoder.options().jpeg_set_out_colorspace(out));
    let total = u64::from(width) * u64::from(height) * out.num_components() as u64;
    let taken = reserve(budget, width, height, total)?;
    let orientation = decoder
        .exif()
        .and_then(|exif| Orientation::from_exif_chunk(exif))
        .unwrap_or(Orientation::NoTransforms);
    let raw = decoder.decode().map_err(|e| jpeg_error(e, bytes))?;
    let wrong_size = || ImageError::Corrupt("the decoded JPEG has the wrong size".into());
    let mut image = if grey {
        DynamicImage::ImageLuma8(
            image::GrayImage::from_raw(width, height, raw).ok_or_else(wrong_size)?,
        )
    } else {
        DynamicImage::ImageRgb8(RgbImage::from_raw(width, height, raw).ok_or_else(wrong_size)?)
    };
    image.apply_orientation(orientation);
    Ok((image, taken))
}

fn jpeg_error(e: zune_jpeg::errors::DecodeErrors, bytes: &[u8]) -> ImageError {
    use zune_jpeg::errors::DecodeErrors;
    match e {
        DecodeErrors::LargeDimensions(_) => too_large(bytes),
        DecodeErrors::Unsupported(_) => ImageError::Unsupported,
        other => ImageError::Corrupt(other.to_string()),
    }
}

/// The size the file's header gives, or 0 × 0.
fn header_size(bytes: &[u8]) -> (u32, u32) {
    imagesize::blob_size(bytes)
        .map(|s| {
            let side = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            (side(s.width), side(s.height))
        })
        .unwrap_or((0, 0))
}

/// `TooLarge` with the size the file's header gives.
fn too_large(bytes: &[u8]) -> ImageError {
    let (width, height) = header_size(bytes);
    ImageError::TooLarge { width, height }
}

fn error(e: image::ImageError, bytes: &[u8], budget: &Budget) -> ImageError {
    use image::error::LimitErrorKind;
    match e {
        // The decoder would allocate more than the whole budget.
        image::ImageError::Limits(l) if l.kind() == LimitErrorKind::InsufficientMemory => {
            let (width, height) = header_size(bytes);
            ImageError::OverMemory {
                width,
                height,
                needed: working_bytes(width, height, 0).max(budget.total() + 1),
                budget: Some(budget.total()),
            }
        }
        image::ImageError::Limits(_) => too_large(bytes),
        image::ImageError::Unsupported(_) => ImageError::Unsupported,
        other => ImageError::Corrupt(other.to_string()),
    }
}

/// Decoded pixels, 8 bits a channel: with an alpha channel only when some
/// pixel is not opaque.
enum Pixels {
    Opaque(RgbImage),
    Alpha(RgbaImage),
}

impl From<DynamicImage> for Pixels {
    fn from(image: DynamicImage) -> Pixels {
        if !image.color().has_alpha() {
            return Pixels::Opaque(image.into_rgb8());
        }
        let rgba = image.into_rgba8();
        if rgba.pixels().any(|p| p[3] != u8::MAX) {
            Pixels::Alpha(rgba)
        } else {
            Pixels::Opaque(DynamicImage::ImageRgba8(rgba).into_rgb8())
        }
    }
}

impl Pixels {
    fn size(&self) -> (u32, u32) {
        match self {
            Pixels::Opaque(p) => p.dimensions(),
            Pixels::Alpha(p) => p.dimensions(),
        }
    }

    /// JPEG for opaque images, PNG for the others.
    fn fallback(&self) -> Format {
        match self {
            Pixels::Opaque(_) => Format::Jpeg,
            Pixels::Alpha(_) => Format::Png,
        }
    }

    /// Made `w` × `h` by averaging areas: fast from a large image, and no
    /// worse than a filter when reducing by much.
    fn reduced(&self, w: u32, h: u32) -> Pixels {
        match self {
            Pixels::Opaque(p) => Pixels::Opaque(imageops::thumbnail(p, w, h)),
            Pixels::Alpha(p) => Pixels::Alpha(imageops::thumbnail(p, w, h)),
        }
    }

    fn resized(&self, w: u32, h: u32) -> Pixels {
        match self {
            Pixels::Opaque(p) => Pixels::Opaque(imageops::resize(p, w, h, FILTER)),
            Pixels::Alpha(p) => Pixels::Alpha(imageops::resize(p, w, h, FILTER)),
        }
    }

    fn encode(&self, format: Format, quality: u8) -> Result<Encoded, ImageError> {
        let (width, height) = self.size();
        let (raw, colour, layout) = match self {
            Pixels::Opaque(p) => (p.as_raw(), ExtendedColorType::Rgb8, webp::PixelLayout::Rgb),
            Pixels::Alpha(p) => (
                p.as_raw(),
                ExtendedColorType::Rgba8,
                webp::PixelLayout::Rgba,
            ),
        };
        let failed = |e: &dyn std::fmt::Debug| {
            ImageError::Corrupt(format!("{} could not be written: {e:?}", format.mime()))
        };
        let mut bytes = Vec::new();
        match format {
            Format::Webp => {
                let memory = webp::Encoder::new(raw, layout, width, height)
                    .encode_simple(false, f32::from(quality))
                    .map_err(|e| match e {
                        // Memory the system would not give: not the file's fault.
                        webp::WebPEncodingError::VP8_ENC_ERROR_OUT_OF_MEMORY
                        | webp::WebPEncodingError::VP8_ENC_ERROR_BITSTREAM_OUT_OF_MEMORY => {
                            ImageError::OverMemory {
                                width,
                                height,
                                needed: working_bytes(width, height, 0),
                                budget: None,
                            }
                        }
                        other => failed(&other),
                    })?;
                bytes.extend_from_slice(&memory);
            }
            Format::Jpeg => JpegEncoder::new_with_quality(&mut bytes, quality)
                .write_image(raw, width, height, colour)
                .map_err(|e| failed(&e))?,
            Format::Png => PngEncoder::new_with_quality(
                &mut bytes,
                CompressionType::Default,
                PngFilter::Adaptive,
            )
            .write_image(raw, width, height, colour)
            .map_err(|e| failed(&e))?,
        }
        Ok(Encoded {
            width,
            height,
            format,
            bytes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::media::testdata;

    fn small() -> Settings {
        Settings {
            widths: vec![16, 32, 48],
            quality: 80,
            webp: true,
        }
    }

    /// Width, height and format of each variant, as decoded from its bytes.
    fn shapes(p: &Processed) -> Vec<(u32, u32, Format)> {
        p.variants
            .iter()
            .map(|v| {
                let format = match image::guess_format(&v.bytes).unwrap() {
                    image::ImageFormat::WebP => Format::Webp,
                    image::ImageFormat::Jpeg => Format::Jpeg,
                    image::ImageFormat::Png => Format::Png,
                    other => panic!("{other:?}"),
                };
                assert_eq!(format, v.format);
                let img = image::load_from_memory(&v.bytes).unwrap();
                assert_eq!((img.width(), img.height()), (v.width, v.height));
                (v.width, v.height, format)
            })
            .collect()
    }

    fn encode_png(img: DynamicImage) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn widths_below_the_image_and_its_own_when_narrower_than_the_widest() {
        let default = Settings::default().widths;
        assert_eq!(widths(1200, &default), [480, 960, 1200]);
        assert_eq!(widths(4000, &default), [480, 960, 1600]);
        assert_eq!(widths(1600, &default), [480, 960, 1600]);
        assert_eq!(widths(960, &default), [480, 960]);
        assert_eq!(widths(300, &default), [300]);
        assert_eq!(widths(1, &default), [1]);
    }

    #[test]
    fn heights_keep_the_shape_rounded_and_never_zero() {
        assert_eq!(height_for(4000, 3000, 480), 360);
        assert_eq!(height_for(1000, 333, 480), 160);
        assert_eq!(height_for(1000, 335, 480), 161);
        assert_eq!(height_for(16383, 1, 16), 1);
        assert_eq!(height_for(1, 16383, 1), 16383);
    }

    #[test]
    fn a_landscape_photo_is_made_at_each_width_as_webp_then_jpeg() {
        let p = process(&testdata::jpeg(64, 32), &small()).unwrap();
        assert_eq!((p.width, p.height), (64, 32));
        assert_eq!(
            shapes(&p),
            [
                (16, 8, Format::Webp),
                (16, 8, Format::Jpeg),
                (32, 16, Format::Webp),
                (32, 16, Format::Jpeg),
                (48, 24, Format::Webp),
                (48, 24, Format::Jpeg),
            ]
        );
    }

    #[test]
    fn a_portrait_photo_narrower_than_the_widest_width_gets_its_own_width_on_top() {
        let p = process(&testdata::jpeg(30, 60), &small()).unwrap();
        assert_eq!(
            shapes(&p),
            [
                (16, 32, Format::Webp),
                (16, 32, Format::Jpeg),
                (30, 60, Format::Webp),
                (30, 60, Format::Jpeg),
            ]
        );
    }

    #[test]
    fn a_tiny_image_is_one_size_and_webp_can_be_left_out() {
        let settings = Settings {
            webp: false,
            ..small()
        };
        let p = process(&testdata::jpeg(5, 3), &settings).unwrap();
        assert_eq!(shapes(&p), [(5, 3, Format::Jpeg)]);
    }

    #[test]
    fn a_transparent_png_falls_back_to_png_and_keeps_its_transparency() {
        let p = process(&testdata::png(40, 20, true), &small()).unwrap();
        assert_eq!(
            shapes(&p),
            [
                (16, 8, Format::Webp),
                (16, 8, Format::Png),
                (32, 16, Format::Webp),
                (32, 16, Format::Png),
                (40, 20, Format::Webp),
                (40, 20, Format::Png),
            ]
        );
        for v in &p.variants {
            let img = image::load_from_memory(&v.bytes).unwrap().into_rgba8();
            assert_eq!(img.get_pixel(0, 0)[3], 0, "{:?} {}", v.format, v.width);
            assert_eq!(img.get_pixel(v.width - 1, 0)[3], 255);
        }
        // A PNG whose alpha channel is all opaque is a photo like any other.
        let p = process(&testdata::png(20, 10, false), &small()).unwrap();
        assert_eq!(p.variants.last().unwrap().format, Format::Jpeg);
    }

    #[test]
    fn sixteen_bit_grey_and_palette_images_are_made_too() {
        let grey = DynamicImage::ImageLuma8(image::GrayImage::from_fn(20, 10, |x, _| {
            image::Luma([(x * 12) as u8])
        }));
        let grey_alpha = DynamicImage::ImageLumaA16(image::ImageBuffer::from_fn(20, 10, |x, _| {
            image::LumaA([(x * 3000) as u16, if x < 3 { 0 } else { u16::MAX }])
        }));
        let deep = DynamicImage::ImageRgb16(image::ImageBuffer::from_fn(20, 10, |x, y| {
            image::Rgb([(x * 3000) as u16, (y * 6000) as u16, 1234])
        }));
        for (img, fallback) in [
            (grey, Format::Jpeg),
            (grey_alpha, Format::Png),
            (deep, Format::Jpeg),
        ] {
            let p = process(&encode_png(img), &small()).unwrap();
            assert_eq!(
                shapes(&p),
                [
                    (16, 8, Format::Webp),
                    (16, 8, fallback),
                    (20, 10, Format::Webp),
                    (20, 10, fallback)
                ]
            );
        }
    }

    #[test]
    fn exif_orientation_turns_the_image_upright() {
        // 40 × 20 as stored; 6 is a quarter turn clockwise.
        let p = process(&testdata::jpeg_with_exif(40, 20, 6), &small()).unwrap();
        assert_eq!((p.width, p.height), (20, 40));
        assert_eq!(
            shapes(&p),
            [
                (16, 32, Format::Webp),
                (16, 32, Format::Jpeg),
                (20, 40, Format::Webp),
                (20, 40, Format::Jpeg),
            ]
        );
        // The stored top-left corner (black in the gradient) is now at the
        // top right.
        let top = image::load_from_memory(&p.variants[3].bytes)
            .unwrap()
            .into_rgb8();
        let dark = |x, y| {
            top.get_pixel(x, y)
                .0
                .iter()
                .map(|&c| u32::from(c))
                .sum::<u32>()
        };
        assert!(dark(19, 0) < dark(0, 0), "{} {}", dark(19, 0), dark(0, 0));
        let png = process(&testdata::png_with_exif(40, 20, 8, true), &small()).unwrap();
        assert_eq!((png.width, png.height), (20, 40));
        let webp = process(&testdata::webp_with_exif(40, 20, 5), &small()).unwrap();
        assert_eq!((webp.width, webp.height), (20, 40));
    }

    fn contains(hay: &[u8], needle: &[u8]) -> bool {
        hay.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn no_variant_carries_metadata() {
        for source in [
            testdata::jpeg_with_exif(64, 32, 6),
            testdata::png_with_exif(64, 32, 6, true),
            testdata::webp_with_exif(64, 32, 6),
        ] {
            let p = process(&source, &small()).unwrap();
            for v in &p.variants {
                let b = &v.bytes;
                for needle in [
                    testdata::SERIAL.as_bytes(),
                    testdata::ARTIST.as_bytes(),
                    testdata::MAKE.as_bytes(),
                    b"GPS",
                    b"Exif",
                    b"xmp",
                ] {
                    assert!(!contains(b, needle), "{:?} {}", v.format, v.width);
                }
                // Nothing for a stripper to remove: the encoders write none.
                assert_eq!(crate::media::strip::strip(b).as_ref(), Some(b));
                match v.format {
                    Format::Jpeg => assert!(!contains(b, &[0xFF, 0xE1])),
                    Format::Png => {
                        for chunk in [b"eXIf", b"tEXt", b"iTXt", b"zTXt", b"tIME"] {
                            assert!(!contains(b, chunk));
                        }
                    }
                    Format::Webp => {
                        assert!(!contains(b, b"EXIF") && !contains(b, b"XMP "));
                    }
                }
            }
        }
    }

    #[test]
    fn a_damaged_image_is_corrupt_with_the_decoders_words() {
        // Cut short in its picture data: `image` alone shows it half grey.
        let photo = testdata::jpeg(64, 48);
        let cut = photo[..photo.len() / 2].to_vec();
        assert!(image::load_from_memory(&cut).is_ok());
        let mut bad_png = testdata::png(8, 8, false);
        bad_png[16..20].copy_from_slice(&0u32.to_be_bytes());
        for bytes in [
            cut,
            photo[..300].to_vec(),
            bad_png,
            testdata::png(8, 8, false)[..40].to_vec(),
            testdata::webp(8, 8)[..30].to_vec(),
        ] {
            match process(&bytes, &small()) {
                Err(ImageError::Corrupt(words)) => assert!(!words.is_empty()),
                other => panic!("{} {:?}", bytes.len(), other.map(|p| p.width)),
            }
        }
    }

    #[test]
    fn files_that_are_no_image_are_unsupported() {
        for bytes in [
            &b""[..],
            b"not a picture at all",
            b"<svg></svg>",
            b"GIF89a\x01\0\x01\0",
        ] {
            assert_eq!(process(bytes, &small()), Err(ImageError::Unsupported));
        }
    }

    /// A PNG header (signature and IHDR) claiming `width` × `height`
    /// pixels of 16-bit RGBA, and no picture.
    fn png_header(width: u32, height: u32) -> Vec<u8> {
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(&width.to_be_bytes());
        ihdr.extend_from_slice(&height.to_be_bytes());
        ihdr.extend_from_slice(&[16, 6, 0, 0, 0]);
        let mut f = b"\x89PNG\r\n\x1a\n".to_vec();
        f.extend(crate::media::strip::png_chunk(b"IHDR", &ihdr));
        f.extend(crate::media::strip::png_chunk(b"IDAT", &[]));
        f
    }

    #[test]
    fn images_too_wide_or_too_heavy_to_decode_are_refused_before_decoding() {
        for (width, height) in [(20000, 10), (10, 16384)] {
            assert_eq!(
                process(&png_header(width, height), &small()),
                Err(ImageError::TooLarge { width, height })
            );
        }
        // 16000 × 16000 of 16-bit RGBA: 2 GB decoded, twice that at work.
        let budget = Budget::new(2 << 30);
        assert_eq!(
            process_within(&png_header(16000, 16000), &small(), &budget),
            Err(ImageError::OverMemory {
                width: 16000,
                height: 16000,
                needed: 4_096_000_000,
                budget: Some(2 << 30)
            })
        );
    }

    #[test]
    fn an_image_alone_over_the_budget_is_over_memory_and_one_within_it_is_made() {
        let budget = Budget::new(1_000_000);
        for (bytes, needed) in [
            // RGB and RGBA alike count 4 bytes a pixel, twice.
            (testdata::jpeg(1000, 800), 6_400_000),
            (testdata::png(1000, 800, true), 6_400_000),
            (png_header(400, 400), 2_560_000),
        ] {
            let (width, height) = header_size(&bytes);
            assert_eq!(
                process_within(&bytes, &small(), &budget),
                Err(ImageError::OverMemory {
                    width,
                    height,
                    needed,
                    budget: Some(1_000_000)
                })
            );
        }
        let enough = Budget::new(6_400_000);
        assert!(process_within(&testdata::jpeg(1000, 800), &small(), &enough).is_ok());
        assert_eq!(*enough.used.lock().unwrap(), 0, "given back");
    }

    #[test]
    fn the_budget_makes_a_thread_wait_and_never_gives_more_than_it_has() {
        use std::sync::atomic::{AtomicBool, Ordering};
        let budget = Budget::new(100);
        assert!(budget.take(101).is_none());
        let first = budget.take(60).unwrap();
        let second_taken = AtomicBool::new(false);
        std::thread::scope(|s| {
            s.spawn(|| {
                let _second = budget.take(60).unwrap();
                second_taken.store(true, Ordering::SeqCst);
            });
            std::thread::sleep(std::time::Duration::from_millis(100));
            assert!(!second_taken.load(Ordering::SeqCst), "60 + 60 > 100");
            let small = budget.take(40).unwrap();
            drop(small);
            drop(first);
        });
        assert!(second_taken.load(Ordering::SeqCst));
        assert_eq!(*budget.used.lock().unwrap(), 0);
    }

    #[test]
    fn a_jpeg_too_wide_to_decode_is_refused_with_its_size() {
        let mut jpeg = testdata::jpeg(8, 8);
        let sof = jpeg.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
        // SOF0: marker, length, precision, then height and width.
        jpeg[sof + 5..sof + 9].copy_from_slice(&[0x01, 0x00, 0x4E, 0x20]);
        assert_eq!(
            process(&jpeg, &small()),
            Err(ImageError::TooLarge {
                width: 20000,
                height: 256
            })
        );
    }

    #[test]
    fn random_and_damaged_bytes_never_panic() {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let samples = [
            testdata::jpeg_with_exif(12, 8, 6),
            testdata::png_with_exif(6, 4, 8, true),
            testdata::webp_with_exif(6, 4, 5),
        ];
        for f in &samples {
            for _ in 0..150 {
                let mut g = f.clone();
                for _ in 0..1 + next() % 4 {
                    let at = (next() % g.len() as u64) as usize;
                    g[at] = next() as u8;
                }
                let _ = process(&g, &small());
            }
        }
        for _ in 0..100 {
            let g: Vec<u8> = (0..next() % 200).map(|_| next() as u8).collect();
            assert!(matches!(
                process(&g, &small()),
                Err(ImageError::Unsupported | ImageError::Corrupt(_))
            ));
        }
    }
}
