//! Bytes to text: BOMs, UTF-16, legacy 8-bit encodings, binary rejection.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

use super::ReadError;

/// How much of the start of a file the binary checks look at; enough to see
/// a binary header, small enough to stay cheap on big files.
const SNIFF_LEN: usize = 8 * 1024;

/// Share of control characters (in percent) above which a file is treated as
/// binary. Real text has almost none besides newlines and tabs, which are
/// not counted.
const MAX_CONTROL_PERCENT: usize = 10;

/// Decodes a file's bytes to text with `\n` line ends.
///
/// Order matters: BOMs first (a UTF-16 file is full of NUL bytes, so the
/// binary check must not see it raw), then the binary checks, then strict
/// UTF-8, and only for invalid UTF-8 a statistical guess, so that
/// Windows-1252 and Latin-1 archives are read rather than rejected.
pub fn decode_text(bytes: &[u8]) -> Result<String, ReadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    let text = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        let (text, _had_errors) = encoding.decode_without_bom_handling(rest);
        if encoding == UTF_16LE || encoding == UTF_16BE {
            // After decoding, NULs are meaningful again: a UTF-16 file with
            // NUL characters is binary wearing a BOM.
            check_decoded_binary(&text)?;
        } else {
            check_binary(rest)?;
        }
        text.into_owned()
    } else {
        check_binary(bytes)?;
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_owned(),
            Err(_) => {
                let mut detector =
                    chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                detector.feed(bytes, true);
                let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
                // When the guess is UTF-8 (a few bad bytes in an otherwise
                // UTF-8 file) the bad bytes become U+FFFD instead of the
                // whole file being re-read as mojibake.
                encoding.decode_without_bom_handling(bytes).0.into_owned()
            }
        }
    };
    let text = normalise_newlines(&text);
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(text)
}

fn check_binary(bytes: &[u8]) -> Result<(), ReadError> {
    let head = bytes.get(..SNIFF_LEN).unwrap_or(bytes);
    if let Some(offset) = head.iter().position(|&b| b == 0) {
        return Err(ReadError::BinaryNul { offset });
    }
    let controls = head.iter().filter(|&&b| is_binary_control(b)).count();
    control_share(controls, head.len())
}

fn check_decoded_binary(text: &str) -> Result<(), ReadError> {
    if let Some(offset) = text.find('\0') {
        return Err(ReadError::BinaryNul { offset });
    }
    let mut total = 0usize;
    let mut controls = 0usize;
    for c in text.chars().take(SNIFF_LEN) {
        total += 1;
        if u8::try_from(u32::from(c)).is_ok_and(is_binary_control) {
            controls += 1;
        }
    }
    control_share(controls, total)
}

fn control_share(controls: usize, total: usize) -> Result<(), ReadError> {
    if total == 0 {
        return Ok(());
    }
    let percent = controls * 100 / total;
    if percent > MAX_CONTROL_PERCENT {
        return Err(ReadError::BinaryControl { percent });
    }
    Ok(())
}

/// C0 controls and DEL that do not occur in text files. Tab, LF, CR, form
/// feed (page breaks in old text dumps) and ESC (terminal colour codes in
/// logs) are tolerated.
fn is_binary_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f
}

/// `\r\n` and lone `\r` (classic Mac files) both become `\n`.
fn normalise_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}
