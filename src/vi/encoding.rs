//! Decoding source bytes (UTF-8 with or without BOM, UTF-16, CRLF) and
//! recognising legacy Vietnamese encodings, as bytes or as pasted mojibake.
//!
//! Offices still hold documents typed in TCVN3 (ABC) or VNI fonts. Saved as
//! text they are not UTF-8; copied through Word or a browser they turn into
//! valid UTF-8 gibberish (`Céng hoµ x· héi`). Both are caught here, and the
//! messages name the encoding and the tool that converts it.

use super::legacy::{cp1252_byte, tcvn3_abc_letter, vni_decode, Legacy};
use super::text::is_vietnamese_syllable;
use unicode_normalization::UnicodeNormalization;

/// Why a file could not be read as UTF-8 text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodingError {
    /// 1-based line and column (in characters) of the first bad byte.
    pub line: usize,
    pub column: usize,
    pub problem: Encoding,
}

/// Why a file's bytes are not UTF-8 text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Encoding {
    Utf32,
    /// NUL bytes in the text.
    Nul,
    /// UTF-16 without a byte-order mark; `begins` is its start.
    Utf16WithoutBom {
        big_endian: bool,
        begins: String,
    },
    Utf16Surrogate,
    Utf16HalfCharacter,
    /// Bytes of a legacy Vietnamese encoding; `line` is the line read in it.
    Legacy {
        name: &'static str,
        unikey_name: &'static str,
        line: String,
    },
    NotUtf8,
}

/// Decodes a source file to a `String` with `\n` line ends and no BOM.
///
/// UTF-8 (with or without BOM) and UTF-16 with a BOM are read; CRLF and lone
/// CR become LF so line numbers match Notepad's. The text is not normalised:
/// call [`super::nfc`] on it. Any other bytes are an error at the first bad
/// byte that, where the bytes read as a legacy Vietnamese encoding, names it.
pub fn decode_source(bytes: &[u8]) -> Result<String, EncodingError> {
    let text = if bytes.starts_with(b"\xFF\xFE\x00\x00") || bytes.starts_with(b"\x00\x00\xFE\xFF") {
        return Err(EncodingError {
            line: 1,
            column: 1,
            problem: Encoding::Utf32,
        });
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        decode_utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        decode_utf16(rest, u16::from_be_bytes)?
    } else if let Some(big_endian) = utf16_without_bom(bytes) {
        return Err(utf16_error(bytes, big_endian));
    } else {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(e) => return Err(not_utf8(bytes, e.valid_up_to())),
        }
    };
    if let Some(pos) = text.find('\0') {
        let (line, column) = line_col(&text[..pos]);
        return Err(EncodingError {
            line,
            column,
            problem: Encoding::Nul,
        });
    }
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    })
}

/// Whether `bytes` look like UTF-16 saved without a byte-order mark, and
/// then whether big-endian: text of mostly Latin letters has a NUL in
/// nearly every pair, all on one side (odd offsets for little-endian).
/// UTF-8 text has no NUL at all, so the two cannot be confused.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even, mut odd) = (0, 0);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // Vietnamese letters outside ASCII have no NUL byte: ask for a third.
    let many = |n: usize| n * 3 >= pairs;
    let few = |n: usize| n * 20 <= pairs;
    match (many(even), many(odd)) {
        (false, true) if few(even) => Some(false),
        (true, false) if few(odd) => Some(true),
        _ => None,
    }
}

/// The error for UTF-16 without a byte-order mark, with the start of the
/// text as it reads in UTF-16, so the writer recognises the file.
///
/// It is an error rather than a guess with a warning: without the mark the
/// bytes could also be a binary file, and the file is fixed for good by
/// saving it as UTF-8 once.
fn utf16_error(bytes: &[u8], big_endian: bool) -> EncodingError {
    let unit = if big_endian {
        u16::from_be_bytes
    } else {
        u16::from_le_bytes
    };
    let units = bytes[..bytes.len().min(400) & !1]
        .chunks_exact(2)
        .map(|c| unit([c[0], c[1]]));
    let text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    let preview: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && *l != "---")
        .take(2)
        .collect();
    EncodingError {
        line: 1,
        column: 1,
        problem: Encoding::Utf16WithoutBom {
            big_endian,
            begins: super::text::clip_words(&preview.join(" ⏎ "), 80).into_owned(),
        },
    }
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, EncodingError> {
    let units = bytes
        .chunks(2)
        .map(|c| unit([c[0], *c.get(1).unwrap_or(&0)]));
    let mut out = String::with_capacity(bytes.len() / 2);
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => out.push(c),
            Err(_) => {
                let (line, column) = line_col(&out);
                return Err(EncodingError {
                    line,
                    column,
                    problem: Encoding::Utf16Surrogate,
                });
            }
        }
    }
    if bytes.len() % 2 == 1 {
        let (line, column) = line_col(&out);
        return Err(EncodingError {
            line,
            column,
            problem: Encoding::Utf16HalfCharacter,
        });
    }
    Ok(out)
}

/// 1-based line and column just after `prefix`, counting CRLF, LF and lone
/// CR as one line end each, as Notepad does.
fn line_col(prefix: &str) -> (usize, usize) {
    let mut line = 1;
    let mut col = 1;
    let mut chars = prefix.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')) {
            line += 1;
            col = 1;
        } else if c != '\r' {
            col += 1;
        }
    }
    (line, col)
}

fn not_utf8(bytes: &[u8], valid_up_to: usize) -> EncodingError {
    // The valid prefix is UTF-8 by definition.
    let prefix = std::str::from_utf8(&bytes[..valid_up_to]).unwrap_or("");
    let (line, column) = line_col(prefix);
    let line_start = bytes[..valid_up_to]
        .iter()
        .rposition(|&b| b == b'\n' || b == b'\r')
        .map_or(0, |p| p + 1);
    let line_end = bytes[valid_up_to..]
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map_or(bytes.len(), |p| valid_up_to + p);
    match guess_legacy(bytes) {
        Some(enc) => {
            let preview = truncate(enc.decode(&bytes[line_start..line_end]).trim(), 80);
            EncodingError {
                line,
                column,
                problem: Encoding::Legacy {
                    name: enc.name(),
                    unikey_name: enc.unikey_name(),
                    line: preview,
                },
            }
        }
        None => EncodingError {
            line,
            column,
            problem: Encoding::NotUtf8,
        },
    }
}

/// The legacy encoding under which the non-ASCII words of `bytes` read as the
/// most Vietnamese syllables, if any reads as Vietnamese at all.
fn guess_legacy(bytes: &[u8]) -> Option<Legacy> {
    let mut best: Option<(i64, Legacy)> = None;
    for enc in Legacy::ALL {
        let text = enc.decode(bytes);
        let (mut valid, mut invalid) = (0i64, 0i64);
        for word in words(&text, |c| c.is_alphabetic()) {
            if word.is_ascii() {
                continue;
            }
            if is_vietnamese_syllable(word) {
                valid += 1;
            } else {
                invalid += 1;
            }
        }
        let score = valid - invalid;
        if valid > 0 && valid >= invalid && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, enc));
        }
    }
    best.map(|(_, enc)| enc)
}

/// Runs of characters accepted by `wordish` (combining marks stay attached).
fn words(line: &str, wordish: impl Fn(char) -> bool) -> impl Iterator<Item = &str> {
    line.split(move |c: char| !wordish(c) && !unicode_normalization::char::is_combining_mark(c))
        .filter(|w| !w.is_empty())
}

fn truncate(s: &str, max_chars: usize) -> String {
    match s.char_indices().nth(max_chars) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Valid UTF-8 text that is really legacy Vietnamese read as a Western code
/// page: found by [`detect_mojibake`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mojibake {
    /// 1-based line and column (in characters) of the first garbled word.
    pub line: usize,
    pub column: usize,
    /// `"TCVN3 (ABC)"`, `"VNI"`, or `"UTF-8 read as Windows-1252"`.
    pub encoding: &'static str,
    /// The garbled text from that word to the end of its line (≤ 80 chars).
    pub sample: String,
    /// `sample` converted back: what the author meant.
    pub preview: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Garble {
    Tcvn3,
    Vni,
    /// UTF-8 bytes shown as Windows-1252 (`Viá»‡t`) and saved again.
    DoubleUtf8,
}

impl Garble {
    fn name(self) -> &'static str {
        match self {
            Garble::Tcvn3 => "TCVN3 (ABC)",
            Garble::Vni => "VNI",
            Garble::DoubleUtf8 => "UTF-8 read as Windows-1252",
        }
    }

    /// Which characters can belong to a garbled word.
    fn wordish(self, c: char) -> bool {
        match self {
            // TCVN3 letters include `µ ¸ · × ÷ ¬ «`, not alphabetic in Unicode.
            Garble::Tcvn3 | Garble::Vni => c.is_alphabetic() || ('\u{A1}'..='\u{FF}').contains(&c),
            // `ệ` is E1 BB 87, shown as `á»‡`; NBSP is the tail of `à` (C3 A0).
            Garble::DoubleUtf8 => c.is_alphabetic() || cp1252_byte(c).is_some_and(|b| b >= 0x80),
        }
    }

    /// What `word` meant, or `None` if it cannot be garbled text of this kind.
    fn convert(self, word: &str) -> Option<String> {
        match self {
            Garble::Tcvn3 => {
                // Capital fonts (`.VnTimeH`) use the small letters' codes, so
                // a word in ASCII capitals is all capitals (`TØNH` → `TỈNH`).
                // Two capitals at least: `Së` is `Sở`, not `SỞ`.
                let caps = word.chars().filter(char::is_ascii_uppercase).count() >= 2
                    && !word.chars().any(|c| c.is_ascii_lowercase());
                let conv = word.chars().map(|c| tcvn3_abc_letter(c).unwrap_or(c));
                Some(if caps {
                    conv.flat_map(char::to_uppercase).collect()
                } else {
                    conv.collect()
                })
            }
            Garble::Vni => Some(vni_decode(word.chars()).nfc().collect()),
            Garble::DoubleUtf8 => {
                let bytes: Option<Vec<u8>> = word.chars().map(cp1252_byte).collect();
                String::from_utf8(bytes?).ok()
            }
        }
    }
}

/// Whether `word`, as written, is a Vietnamese word: only letters, and each
/// letter run a syllable. (`§éc` is not, though `éc` would be.)
fn is_vietnamese_word(word: &str) -> bool {
    word.chars()
        .all(|c| c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c))
        && is_vietnamese_text(word)
}

/// Whether every letter run of `s` is a Vietnamese syllable.
fn is_vietnamese_text(s: &str) -> bool {
    let mut any = false;
    for w in words(s, char::is_alphabetic) {
        if !is_vietnamese_syllable(w) {
            return false;
        }
        any = true;
    }
    any
}

struct Tally {
    hits: usize,
    misses: usize,
    first: Option<(usize, usize, usize, usize)>, // line, column, line index, byte offset
    longest_hit: usize,
}

/// Finds Vietnamese text that went through a legacy font and a Western code
/// page (TCVN3 `Céng hoµ x· héi`, VNI `Coäng hoøa xaõ hoäi`) or UTF-8 shown as
/// Windows-1252 (`Cá»™ng hÃ²a`), names the encoding and previews the text.
///
/// A word counts when it is not Vietnamese as written but is once converted.
/// To leave French, German, Spanish and correct Vietnamese alone, a kind is
/// reported only when at least two words convert and they are at least two
/// thirds of the words with such characters (or one long word is the only
/// one).
pub fn detect_mojibake(text: &str) -> Option<Mojibake> {
    if !text.chars().any(suspicious) {
        return None;
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut best: Option<(Garble, Tally)> = None;
    for kind in [Garble::Tcvn3, Garble::Vni, Garble::DoubleUtf8] {
        let mut t = Tally {
            hits: 0,
            misses: 0,
            first: None,
            longest_hit: 0,
        };
        for (li, line) in lines.iter().enumerate() {
            for word in words(line, |c| kind.wordish(c)) {
                // Only words with a character that a high byte shows as can
                // be garbled; correct Vietnamese words are left alone.
                let high = word
                    .chars()
                    .any(|c| cp1252_byte(c).is_some_and(|b| b >= 0x80));
                if !high || is_vietnamese_word(word) {
                    continue;
                }
                match kind.convert(word) {
                    Some(conv) if conv != word && is_vietnamese_text(&conv) => {
                        t.hits += 1;
                        t.longest_hit = t.longest_hit.max(conv.chars().count());
                        if t.first.is_none() {
                            let offset = word.as_ptr() as usize - line.as_ptr() as usize;
                            let column = line[..offset].chars().count() + 1;
                            t.first = Some((li + 1, column, li, offset));
                        }
                    }
                    _ => t.misses += 1,
                }
            }
        }
        let convincing = (t.hits >= 2 && t.hits * 3 >= (t.hits + t.misses) * 2)
            || (t.hits == 1 && t.misses == 0 && t.longest_hit >= 3);
        if convincing && best.as_ref().is_none_or(|(_, b)| t.hits > b.hits) {
            best = Some((kind, t));
        }
    }
    let (kind, t) = best?;
    let (line, column, li, offset) = t.first?;
    let sample = truncate(lines[li][offset..].trim_end(), 80);
    let preview = convert_line(kind, &sample);
    Some(Mojibake {
        line,
        column,
        encoding: kind.name(),
        sample,
        preview,
    })
}

/// A character that correct Vietnamese text rarely has but garbled text
/// always does (`µ · ¸ ñ Ü Ö ä ø »`, Windows-1252 extras such as `™`).
/// Correct Vietnamese uses only the Latin-1 letters `à á â ã è é ê ì í ò ó ô
/// õ ù ú ý` (and capitals), so most files skip the word-by-word check, which
/// costs far more than this scan.
fn suspicious(c: char) -> bool {
    const FINE: &str = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ\u{A0}°²³§©®«";
    match c as u32 {
        0..=0x7F => false,
        0x80..=0xFF => !FINE.contains(c),
        // Letters and signs of Windows-1252's 0x80–0x9F row.
        _ => matches!(
            c,
            '€' | '‚'
                | 'ƒ'
                | '„'
                | '†'
                | '‡'
                | 'ˆ'
                | '‰'
                | 'Š'
                | '‹'
                | 'Œ'
                | 'Ž'
                | '˜'
                | '™'
                | 'š'
                | '›'
                | 'œ'
                | 'ž'
                | 'Ÿ'
        ),
    }
}

/// Converts the garbled words of a line, keeping the rest as it is.
fn convert_line(kind: Garble, line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find(|c: char| kind.wordish(c)) {
        out.push_str(&rest[..start]);
        let word_len = rest[start..]
            .find(|c: char| !kind.wordish(c))
            .unwrap_or(rest.len() - start);
        let word = &rest[start..start + word_len];
        match kind.convert(word) {
            // The line is known to be garbled, so a word that also reads as
            // Vietnamese as written (VNI `phoá` for `phố`) is converted too.
            Some(conv) if is_vietnamese_text(&conv) => out.push_str(&conv),
            _ => out.push_str(word),
        }
        rest = &rest[start + word_len..];
    }
    out.push_str(rest);
    out.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The English words of an error, as the catalogue gives them.
    fn en(e: &EncodingError) -> crate::diag::Text {
        crate::diag::Code::Encoding {
            problem: e.problem.clone(),
        }
        .text(crate::lang::Lang::En)
    }

    /// The bytes a Latin-1 string stands for (how legacy files look on disk).
    fn latin1(s: &str) -> Vec<u8> {
        s.chars()
            .map(|c| u8::try_from(u32::from(c)).expect("Latin-1"))
            .collect()
    }

    const TCVN3: &str = "Céng hoµ x· héi chñ nghÜa ViÖt Nam";
    const VNI: &str = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam";
    const MEANT: &str = "Cộng hoà xã hội chủ nghĩa Việt Nam";

    const PARAGRAPH: &str = "Chiều ngày 15/10/2021, Thường trực HĐND thành phố Bắc Kạn tổ chức \
        phiên giao ban hội đồng nhân dân hai cấp quý III năm 2021. Tham dự có đồng chí Triệu \
        Biển, Phó Chủ tịch HĐND thành phố; lãnh đạo các ban HĐND và Thường trực HĐND các xã, \
        phường. Tại buổi giao ban, các đại biểu đã thảo luận, đánh giá kết quả hoạt động, \
        những khó khăn, vướng mắc và đề xuất giải pháp khắc phục trong thời gian tới, nhằm \
        nâng cao chất lượng hoạt động của HĐND ở cơ sở, góp phần thực hiện thắng lợi nhiệm vụ \
        phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh trên địa bàn. Ủy ban nhân dân \
        tỉnh Thanh Hóa, Khánh Hoà, Thừa Thiên Huế, Đắk Lắk và Bà Rịa – Vũng Tàu cũng gửi \
        báo cáo. Ông Nguyễn Văn Á cho biết: “Việc phòng, chống dịch COVID-19 là ưu tiên số \
        một; người dân cần khai báo y tế, giữ khoảng cách, đeo khẩu trang”./.";

    #[test]
    fn utf16_without_bom_is_told_from_utf8_and_binary() {
        let vi = "Hội đồng nhân dân tỉnh Bắc Kạn khoá X, kỳ họp thứ năm.\n";
        let le: Vec<u8> = vi.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = vi.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(utf16_without_bom(&le), Some(false));
        assert_eq!(utf16_without_bom(&be), Some(true));
        assert_eq!(utf16_without_bom(vi.as_bytes()), None);
        // NULs on both sides: a binary file, left to the NUL check.
        assert_eq!(utf16_without_bom(&[0, 0, 0, 0, 1, 0, 0, 2]), None);
        let e = decode_source(&le).unwrap_err();
        assert!(
            en(&e).message.contains("it begins: `Hội đồng nhân dân"),
            "{}",
            en(&e).message
        );
    }

    #[test]
    fn utf8_with_bom_and_line_ends() {
        assert_eq!(decode_source(b"\xEF\xBB\xBFa\r\nb\r\n").unwrap(), "a\nb\n");
        assert_eq!(decode_source(b"a\rb\r\rc").unwrap(), "a\nb\n\nc");
        assert_eq!(
            decode_source("Việt Nam\n".as_bytes()).unwrap(),
            "Việt Nam\n"
        );
        assert_eq!(decode_source(b"").unwrap(), "");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let text = "---\ntitle: \"Đà Nẵng\"\r\n---\nCộng hoà 😀\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        let want = text.replace("\r\n", "\n");
        assert_eq!(decode_source(&le).unwrap(), want);
        assert_eq!(decode_source(&be).unwrap(), want);
        le.push(0x41);
        assert!(en(&decode_source(&le).unwrap_err())
            .message
            .contains("UTF-16"));
        // A lone high surrogate on line 2.
        let broken = [0xFF, 0xFE, b'a', 0, b'\n', 0, b'b', 0, 0x00, 0xD8, b'c', 0];
        let e = decode_source(&broken).unwrap_err();
        assert_eq!((e.line, e.column), (2, 2));
        assert!(en(&e).message.contains("UTF-16"));
    }

    #[test]
    fn utf16_without_bom_and_utf32_are_named() {
        let e = decode_source(b"t\0i\0t\0l\0e\0").unwrap_err();
        assert!(en(&e).message.contains("UTF-16"), "{}", en(&e).message);
        let e = decode_source(b"\xFF\xFE\0\0t\0\0\0").unwrap_err();
        assert!(en(&e).message.contains("UTF-32"), "{}", en(&e).message);
    }

    #[test]
    fn invalid_utf8_position() {
        let e = decode_source(b"line one\r\nabc\xFFdef").unwrap_err();
        assert_eq!((e.line, e.column), (2, 4));
        let e = decode_source(
            "ộ\n\nđộ"
                .as_bytes()
                .iter()
                .copied()
                .chain([0xC3, b'x'])
                .collect::<Vec<_>>()
                .as_slice(),
        )
        .unwrap_err();
        assert_eq!((e.line, e.column), (3, 3));
        let e = decode_source(b"a\rb\xE9").unwrap_err();
        assert_eq!((e.line, e.column), (2, 2));
        assert!(en(&e).hint.unwrap_or_default().contains("UTF-8"));
    }

    #[test]
    fn tcvn3_bytes_are_named() {
        let bytes = latin1(&format!(
            "---\ntitle: {TCVN3}\n---\n§éc lËp - Tù do - H¹nh phóc\n"
        ));
        let e = decode_source(&bytes).unwrap_err();
        assert_eq!((e.line, e.column), (2, 9));
        assert!(en(&e).message.contains("TCVN3"), "{}", en(&e).message);
        assert!(
            en(&e).message.contains(&format!("title: {MEANT}")),
            "{}",
            en(&e).message
        );
        assert!(
            en(&e).hint.unwrap_or_default().contains("Ctrl+Shift+F6")
                && en(&e).hint.unwrap_or_default().contains("from TCVN3"),
            "{}",
            en(&e).hint.unwrap_or_default()
        );
        assert!(
            en(&e).hint.unwrap_or_default().contains("Word"),
            "{}",
            en(&e).hint.unwrap_or_default()
        );
    }

    #[test]
    fn vni_bytes_are_named() {
        let bytes = latin1(&format!("{VNI}\nÑoäc laäp - Töï do - Haïnh phuùc\n"));
        let e = decode_source(&bytes).unwrap_err();
        assert_eq!((e.line, e.column), (1, 3));
        assert!(
            en(&e).message.contains("VNI") && en(&e).message.contains("Cộng hòa xã hội"),
            "{}",
            en(&e).message
        );
        assert!(
            en(&e).hint.unwrap_or_default().contains("VNI Windows"),
            "{}",
            en(&e).hint.unwrap_or_default()
        );
    }

    #[test]
    fn viscii_and_cp1258_bytes_are_named() {
        let viscii = b"C\xB5ng ho\xE0 x\xE3 h\xB5i ch\xFC ngh\xEEa Vi\xAEt Nam\n\xD0\xB5c l\xA7p - T\xF1 do - H\xD5nh ph\xFAc";
        let e = decode_source(viscii).unwrap_err();
        assert!(
            en(&e).message.contains("VISCII") && en(&e).message.contains(MEANT),
            "{}",
            en(&e).message
        );
        let cp1258 = b"C\xF4\xF2ng ho\xE0 xa\xDE h\xF4\xF2i chu\xD2 nghi\xDEa Vi\xEA\xF2t Nam\n\xD0\xF4\xF2c l\xE2\xF2p - T\xFD\xF2 do - Ha\xF2nh ph\xFAc";
        let e = decode_source(cp1258).unwrap_err();
        assert!(
            en(&e).message.contains("Windows-1258") && en(&e).message.contains(MEANT),
            "{}",
            en(&e).message
        );
        assert!(
            en(&e).hint.unwrap_or_default().contains("CP 1258"),
            "{}",
            en(&e).hint.unwrap_or_default()
        );
    }

    #[test]
    fn western_bytes_are_not_called_vietnamese() {
        let e = decode_source(&latin1(
            "Café, crème brûlée où naïve Noël\nGrüße aus der Straße",
        ))
        .unwrap_err();
        assert!(
            en(&e).message.contains("not valid UTF-8"),
            "{}",
            en(&e).message
        );
        assert!(
            !en(&e).message.contains("TCVN3") && !en(&e).message.contains("VNI"),
            "{}",
            en(&e).message
        );
    }

    #[test]
    fn mojibake_tcvn3() {
        let m = detect_mojibake(TCVN3).expect("TCVN3");
        assert_eq!(m.encoding, "TCVN3 (ABC)");
        assert_eq!((m.line, m.column), (1, 1));
        assert_eq!(m.sample, TCVN3);
        assert_eq!(m.preview, MEANT);
        assert!(crate::diag::Code::Garbled {
            sample: m.sample.clone(),
            encoding: m.encoding,
            preview: m.preview.clone(),
        }
        .text(crate::lang::Lang::En)
        .hint
        .unwrap_or_default()
        .contains("Ctrl+Shift+F6"));
        let text = format!("---\ntitle: Giao ban\n---\nMở đầu đúng.\n\n**{TCVN3}**, §éc lËp");
        let m = detect_mojibake(&text).expect("TCVN3 in a file");
        assert_eq!((m.line, m.column), (6, 3));
        assert_eq!(m.preview, format!("{MEANT}**, Độc lập"));
        let m = detect_mojibake("UBND TØNH B¾C K¹N").expect("capitals");
        assert_eq!(m.preview, "TỈNH BẮC KẠN");
        let m = detect_mojibake("Së Gi¸o dôc vµ §µo t¹o tØnh Thanh Ho¸ tæ chøc héi nghÞ")
            .expect("TCVN3");
        assert_eq!(
            m.preview,
            "Sở Giáo dục và Đào tạo tỉnh Thanh Hoá tổ chức hội nghị"
        );
        let m = detect_mojibake("tags: [Tin tøc]").expect("one word");
        assert_eq!((m.sample.as_str(), m.preview.as_str()), ("tøc]", "tức]"));
    }

    #[test]
    fn mojibake_vni() {
        let m = detect_mojibake(VNI).expect("VNI");
        assert_eq!(m.encoding, "VNI");
        assert_eq!(m.preview, "Cộng hòa xã hội chủ nghĩa Việt Nam");
        let m = detect_mojibake("ÑOÄC LAÄP - TÖÏ DO - HAÏNH PHUÙC").expect("VNI capitals");
        assert_eq!(m.encoding, "VNI");
        assert_eq!(m.preview, "ĐỘC LẬP - TỰ DO - HẠNH PHÚC");
        let m = detect_mojibake("UÛY BAN NHAÂN DAÂN TÆNH").expect("VNI capitals");
        assert_eq!(m.preview, "ỦY BAN NHÂN DÂN TỈNH");
        let m = detect_mojibake("Sôû Giaùo duïc vaø Ñaøo taïo tænh Thanh Hoùa").expect("VNI");
        assert_eq!(m.preview, "Sở Giáo dục và Đào tạo tỉnh Thanh Hóa");
        let m = detect_mojibake("Thaønh phoá Ñaø Naüng").expect("VNI city");
        assert_eq!(m.preview, "Thành phố Đà Nẵng");
    }

    #[test]
    fn mojibake_double_utf8() {
        let m =
            detect_mojibake("Cá»™ng hÃ²a xÃ£ há»™i chá»§ nghÄ©a Viá»‡t Nam").expect("double UTF-8");
        assert_eq!(m.encoding, "UTF-8 read as Windows-1252");
        assert_eq!(m.preview, "Cộng hòa xã hội chủ nghĩa Việt Nam");
    }

    #[test]
    fn correct_text_is_not_mojibake() {
        let nfd: String = PARAGRAPH.nfd().collect();
        let cases = [
            PARAGRAPH,
            &nfd,
            MEANT,
            "Hòa Bình, hoà bình, thuỷ lợi, thủy lợi, khoẻ, khỏe, à, ừ, ạ, ý kiến.",
            "Café, crème brûlée, où est la gare ? Une fille naïve fête Noël à l'hôtel près de la forêt.",
            "Je suis sûr que tu as dû voir ça, déjà. Où ? Là-bas, à côté de l'île.",
            "Herzliche Grüße aus der Straße, die Bären schlafen. Schöne Tür, für Köln über München.",
            "¿Qué tal? Sí, está en el año 2021; el niño José vive en Perú, aquí también, más allá.",
            "Xin chào! “Où est le café ?” hỏi cô ấy; tôi đáp: “à côté”.",
            "Nhiệt độ 25°C, độ ẩm ±5%, giá 1.000.000 ₫ — ½ giá, © 2021, § 3.",
            "Ê-đê, Ba Na, H'Mông, Đắk Lắk, Krông Bông, Pleiku, Kon Tum, Êa Súp.",
            "Le président a été reçu à l'Élysée. Où sont les élèves ? Déjà partis vers la forêt, \
             près du château, où l'été dernier ils ont mangé des crêpes et bu du café crème.",
            "Die Bürgermeisterin begrüßte die Gäste im Rathaus; Mädchen aus München und Köln hörten zu.",
            "El niño está en la habitación. ¿Qué hora es? Mañana iremos a Perú; sí, José, más azúcar.",
            "São Paulo é uma cidade grande, não é? Você está aí? Avó, avô, três, país, saúde.",
            "Hội nghị lần thứ 4, Ban Chấp hành Trung ương Đảng khóa XIII; Bắc Kạn, Kon Tum.",
            "plain ASCII only",
            "",
        ];
        for text in cases {
            assert_eq!(detect_mojibake(text), None, "{text}");
        }
    }
}
