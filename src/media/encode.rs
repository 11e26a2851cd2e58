//! Decoding an image, turning it upright and encoding it at the widths a
//! page offers: pure functions of the bytes and the settings.

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
    /// Larger than a decoder is allowed to allocate.
    TooLarge { width: u32, height: u32 },
}

/// Decodes `bytes`, applies EXIF orientation, and encodes the image at
/// every width of `settings` narrower than itself (never larger; an image
/// narrower than every width gets one variant at its own width).
pub fn process(_bytes: &[u8], _settings: &Settings) -> Result<Processed, ImageError> {
    Err(ImageError::Unsupported)
}
