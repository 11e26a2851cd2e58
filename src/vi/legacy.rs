//! Legacy Vietnamese 8-bit encodings (TCVN3, VNI Windows, VISCII, Windows-1258):
//! byte tables and decoders, used only to name the encoding of a file that is
//! not UTF-8 and to preview what its text says.
//!
//! The tables agree with glibc's iconv (TCVN5712-1, VISCII) and Python's
//! cp1258/cp1252 codecs; VNI Windows, which iconv lacks, is built from its
//! rules (base letter + one mark byte).

use unicode_normalization::UnicodeNormalization;

/// A legacy encoding that Vietnamese offices used before Unicode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Legacy {
    /// TCVN 5712:1993 VN3, "ABC" fonts such as `.VnTime`; decoded with the
    /// full VN1 table, which adds the capital letters with tones.
    Tcvn3,
    /// VNI Windows (`VNI-Times`): a base letter followed by a mark byte.
    Vni,
    Viscii,
    /// Windows-1258: Latin-1-like, tones as combining marks.
    Cp1258,
}

impl Legacy {
    pub(crate) const ALL: [Legacy; 4] =
        [Legacy::Tcvn3, Legacy::Vni, Legacy::Viscii, Legacy::Cp1258];

    /// The name users know, as Unikey's converter lists it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3 (ABC)",
            Legacy::Vni => "VNI",
            Legacy::Viscii => "VISCII",
            Legacy::Cp1258 => "Windows-1258",
        }
    }

    /// The source table to pick in Unikey's Toolkit (Ctrl+Shift+F6).
    pub(crate) fn unikey_name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3 (ABC)",
            Legacy::Vni => "VNI Windows",
            Legacy::Viscii => "VISCII",
            Legacy::Cp1258 => "Vietnamese locale CP 1258",
        }
    }

    /// Decodes `bytes` to NFC text.
    pub(crate) fn decode(self, bytes: &[u8]) -> String {
        let raw: String = match self {
            Legacy::Tcvn3 => bytes.iter().map(|&b| high(&TCVN3_HIGH, b)).collect(),
            Legacy::Viscii => bytes.iter().map(|&b| viscii(b)).collect(),
            Legacy::Cp1258 => bytes.iter().map(|&b| high(&CP1258_HIGH, b)).collect(),
            Legacy::Vni => vni_decode(bytes.iter().map(|&b| high(&CP1252_HIGH, b))),
        };
        raw.nfc().collect()
    }
}

fn high(table: &[char; 128], b: u8) -> char {
    if b < 0x80 {
        char::from(b)
    } else {
        table[usize::from(b - 0x80)]
    }
}

/// VISCII also puts six capitals in the C0 control range.
fn viscii(b: u8) -> char {
    match b {
        0x02 => 'Ẳ',
        0x05 => 'Ẵ',
        0x06 => 'Ẫ',
        0x14 => 'Ỷ',
        0x19 => 'Ỹ',
        0x1E => 'Ỵ',
        _ => high(&VISCII_HIGH, b),
    }
}

/// The Windows-1252 byte that shows as `c`, for text that went through a
/// Western code page (`None` for characters no byte shows as).
pub(crate) fn cp1252_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        0..=0x7F | 0xA0..=0xFF => Some(c as u8),
        // C1 controls appear when the bytes were read as Latin-1.
        0x80..=0x9F => Some(c as u8),
        _ => CP1252_HIGH
            .iter()
            .position(|&h| h == c)
            .map(|i| 0x80 + i as u8),
    }
}

/// Whether `c` (a Latin-1 character standing for the same byte) is one of the
/// letters of TCVN3 ABC. The capitals with tones of the full VN1 table sit on
/// `À Á Â Ã …` and the tone marks on `° ± ² ³ ´`, which real text uses, so they
/// are left out when looking for mojibake.
pub(crate) fn tcvn3_abc_letter(c: char) -> Option<char> {
    let b = u32::from(c);
    let abc = matches!(b, 0xA1..=0xAE | 0xB5..=0xB9 | 0xBB..=0xBE | 0xC6..=0xCC | 0xCE..=0xD8
        | 0xDC..=0xDF | 0xE1..=0xEF | 0xF1..=0xFE);
    abc.then(|| TCVN3_HIGH[(b - 0x80) as usize])
}

/// Tone marks of VNI, one byte after the vowel: (lowercase byte, mark).
const VNI_TONES: [(u8, char); 5] = [
    (0xF9, '\u{301}'),
    (0xF8, '\u{300}'),
    (0xFB, '\u{309}'),
    (0xF5, '\u{303}'),
    (0xEF, '\u{323}'),
];
/// Circumflex with a tone, after `a`, `e`, `o`: (byte, tone).
const VNI_CIRCUMFLEX: [(u8, Option<char>); 6] = [
    (0xE2, None),
    (0xE1, Some('\u{301}')),
    (0xE0, Some('\u{300}')),
    (0xE5, Some('\u{309}')),
    (0xE3, Some('\u{303}')),
    (0xE4, Some('\u{323}')),
];
/// Breve with a tone, after `a` only.
const VNI_BREVE: [(u8, Option<char>); 6] = [
    (0xEA, None),
    (0xE9, Some('\u{301}')),
    (0xE8, Some('\u{300}')),
    (0xFA, Some('\u{309}')),
    (0xFC, Some('\u{303}')),
    (0xEB, Some('\u{323}')),
];
/// Letters VNI codes in one byte (lowercase byte; the capital is 0x20 lower).
const VNI_SINGLE: [(u8, char); 9] = [
    (0xF4, 'ơ'),
    (0xF6, 'ư'),
    (0xED, 'í'),
    (0xEC, 'ì'),
    (0xE6, 'ỉ'),
    (0xF3, 'ĩ'),
    (0xF2, 'ị'),
    (0xEE, 'ỵ'),
    (0xF1, 'đ'),
];

/// The VNI letter a single byte stands for, if any.
fn vni_single(b: u8) -> Option<char> {
    let lower = b | 0x20;
    let c = VNI_SINGLE.iter().find(|(x, _)| *x == lower)?.1;
    Some(if b & 0x20 == 0 {
        c.to_uppercase().next().unwrap_or(c)
    } else {
        c
    })
}

/// The combining marks that mark byte `m` adds to base letter `base`.
fn vni_marks(base: char, m: u8) -> Option<(Option<char>, Option<char>)> {
    if m < 0xC0 {
        return None;
    }
    // Marks come in a capital (0xC0–0xDF) and a small (0xE0–0xFF) form.
    let m = m | 0x20;
    let lower = base.to_lowercase().next().unwrap_or(base);
    if matches!(lower, 'a' | 'e' | 'o' | 'u' | 'y' | 'ơ' | 'ư') {
        if let Some(&(_, tone)) = VNI_TONES.iter().find(|(b, _)| *b == m) {
            return Some((None, Some(tone)));
        }
    }
    if matches!(lower, 'a' | 'e' | 'o') {
        if let Some(&(_, tone)) = VNI_CIRCUMFLEX.iter().find(|(b, _)| *b == m) {
            return Some((Some('\u{302}'), tone));
        }
    }
    if lower == 'a' {
        if let Some(&(_, tone)) = VNI_BREVE.iter().find(|(b, _)| *b == m) {
            return Some((Some('\u{306}'), tone));
        }
    }
    None
}

/// Decodes VNI from characters that each stand for one byte (as Windows-1252
/// or Latin-1 showed them). Output is not yet NFC.
pub(crate) fn vni_decode(chars: impl Iterator<Item = char>) -> String {
    let chars: Vec<char> = chars.collect();
    let mut out = String::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let byte = cp1252_byte(c);
        let base = match byte.and_then(vni_single) {
            Some(letter) => letter,
            None => c,
        };
        let marks = chars
            .get(i + 1)
            .and_then(|&n| cp1252_byte(n))
            .and_then(|m| vni_marks(base, m));
        out.push(base);
        if let Some((modifier, tone)) = marks {
            out.extend(modifier);
            out.extend(tone);
            i += 1;
        }
        i += 1;
    }
    out
}

const TCVN3_HIGH: [char; 128] = [
    'À', 'Ả', 'Ã', 'Á', 'Ạ', 'Ặ', 'Ậ', 'È', 'Ẻ', 'Ẽ', 'É', 'Ẹ', 'Ệ', 'Ì', 'Ỉ', 'Ĩ', 'Í', 'Ị', 'Ò',
    'Ỏ', 'Õ', 'Ó', 'Ọ', 'Ộ', 'Ờ', 'Ở', 'Ỡ', 'Ớ', 'Ợ', 'Ù', 'Ủ', 'Ũ', '\u{A0}', 'Ă', 'Â', 'Ê', 'Ô',
    'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', 'Ằ', '\u{300}', '\u{309}', '\u{303}',
    '\u{301}', '\u{323}', 'à', 'ả', 'ã', 'á', 'ạ', 'Ẳ', 'ằ', 'ẳ', 'ẵ', 'ắ', 'Ẵ', 'Ắ', 'Ầ', 'Ẩ',
    'Ẫ', 'Ấ', 'Ề', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', 'Ể', 'ẻ', 'ẽ', 'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế',
    'ệ', 'ì', 'ỉ', 'Ễ', 'Ế', 'Ồ', 'ĩ', 'í', 'ị', 'ò', 'Ổ', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố',
    'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù', 'Ỗ', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ',
    'ỹ', 'ý', 'ỵ', 'Ố',
];
const VISCII_HIGH: [char; 128] = [
    'Ạ', 'Ắ', 'Ằ', 'Ặ', 'Ấ', 'Ầ', 'Ẩ', 'Ậ', 'Ẽ', 'Ẹ', 'Ế', 'Ề', 'Ể', 'Ễ', 'Ệ', 'Ố', 'Ồ', 'Ổ', 'Ỗ',
    'Ộ', 'Ợ', 'Ớ', 'Ờ', 'Ở', 'Ị', 'Ỏ', 'Ọ', 'Ỉ', 'Ủ', 'Ũ', 'Ụ', 'Ỳ', 'Õ', 'ắ', 'ằ', 'ặ', 'ấ', 'ầ',
    'ẩ', 'ậ', 'ẽ', 'ẹ', 'ế', 'ề', 'ể', 'ễ', 'ệ', 'ố', 'ồ', 'ổ', 'ỗ', 'Ỡ', 'Ơ', 'ộ', 'ờ', 'ở', 'ị',
    'Ự', 'Ứ', 'Ừ', 'Ử', 'ơ', 'ớ', 'Ư', 'À', 'Á', 'Â', 'Ã', 'Ả', 'Ă', 'ẳ', 'ẵ', 'È', 'É', 'Ê', 'Ẻ',
    'Ì', 'Í', 'Ĩ', 'ỳ', 'Đ', 'ứ', 'Ò', 'Ó', 'Ô', 'ạ', 'ỷ', 'ừ', 'ử', 'Ù', 'Ú', 'ỹ', 'ỵ', 'Ý', 'ỡ',
    'ư', 'à', 'á', 'â', 'ã', 'ả', 'ă', 'ữ', 'ẫ', 'è', 'é', 'ê', 'ẻ', 'ì', 'í', 'ĩ', 'ỉ', 'đ', 'ự',
    'ò', 'ó', 'ô', 'õ', 'ỏ', 'ọ', 'ụ', 'ù', 'ú', 'ũ', 'ủ', 'ý', 'ợ', 'Ữ',
];
const CP1258_HIGH: [char; 128] = [
    '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', '\u{FFFD}', '‹', 'Œ', '\u{FFFD}',
    '\u{FFFD}', '\u{FFFD}', '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', '\u{FFFD}',
    '›', 'œ', '\u{FFFD}', '\u{FFFD}', 'Ÿ', '\u{A0}', '¡', '¢', '£', '¤', '¥', '¦', '§', '¨', '©',
    'ª', '«', '¬', '\u{AD}', '®', '¯', '°', '±', '²', '³', '´', 'µ', '¶', '·', '¸', '¹', 'º', '»',
    '¼', '½', '¾', '¿', 'À', 'Á', 'Â', 'Ă', 'Ä', 'Å', 'Æ', 'Ç', 'È', 'É', 'Ê', 'Ë', '\u{300}', 'Í',
    'Î', 'Ï', 'Đ', 'Ñ', '\u{309}', 'Ó', 'Ô', 'Ơ', 'Ö', '×', 'Ø', 'Ù', 'Ú', 'Û', 'Ü', 'Ư',
    '\u{303}', 'ß', 'à', 'á', 'â', 'ă', 'ä', 'å', 'æ', 'ç', 'è', 'é', 'ê', 'ë', '\u{301}', 'í',
    'î', 'ï', 'đ', 'ñ', '\u{323}', 'ó', 'ô', 'ơ', 'ö', '÷', 'ø', 'ù', 'ú', 'û', 'ü', 'ư', '₫', 'ÿ',
];
const CP1252_HIGH: [char; 128] = [
    '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž',
    '\u{FFFD}', '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{FFFD}',
    'ž', 'Ÿ', '\u{A0}', '¡', '¢', '£', '¤', '¥', '¦', '§', '¨', '©', 'ª', '«', '¬', '\u{AD}', '®',
    '¯', '°', '±', '²', '³', '´', 'µ', '¶', '·', '¸', '¹', 'º', '»', '¼', '½', '¾', '¿', 'À', 'Á',
    'Â', 'Ã', 'Ä', 'Å', 'Æ', 'Ç', 'È', 'É', 'Ê', 'Ë', 'Ì', 'Í', 'Î', 'Ï', 'Ð', 'Ñ', 'Ò', 'Ó', 'Ô',
    'Õ', 'Ö', '×', 'Ø', 'Ù', 'Ú', 'Û', 'Ü', 'Ý', 'Þ', 'ß', 'à', 'á', 'â', 'ã', 'ä', 'å', 'æ', 'ç',
    'è', 'é', 'ê', 'ë', 'ì', 'í', 'î', 'ï', 'ð', 'ñ', 'ò', 'ó', 'ô', 'õ', 'ö', '÷', 'ø', 'ù', 'ú',
    'û', 'ü', 'ý', 'þ', 'ÿ',
];
