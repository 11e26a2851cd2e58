//! Decoding source bytes: UTF-8 with or without BOM, CRLF, legacy encodings.

/// Why a file could not be read as UTF-8 text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodingError {
    /// 1-based line and column of the first bad byte.
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: String,
}

/// Decodes a source file to a `String` with `\n` line ends and no BOM.
pub fn decode_source(bytes: &[u8]) -> Result<String, EncodingError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(if s.contains('\r') { s.replace("\r\n", "\n") } else { s.to_string() }),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let col = good.len() - good.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
            Err(EncodingError {
                line,
                column: col,
                message: "the file is not valid UTF-8".into(),
                hint: "save the file as UTF-8".into(),
            })
        }
    }
}
