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

/// How far into a page its `<meta charset>` is looked for; HTML requires it
/// within the first 1024 bytes, pages put it a little later sometimes.
const META_CHARSET_WINDOW: usize = 4096;

/// Decodes a web page whose charset may be declared: by `declared` (the HTTP
/// `Content-Type` parameter), else by the page's own `<meta charset>` or
/// `http-equiv` tag.
///
/// The declaration is followed only where the bytes need it: a byte-order mark
/// wins, and bytes that are valid UTF-8 are read as UTF-8 whatever the label (a
/// server that says ISO-8859-1 of a UTF-8 page is common; the reverse cannot
/// hold valid UTF-8 by chance). Without a usable declaration this is
/// [`decode_text`], guess included.
pub fn decode_labelled(bytes: &[u8], declared: Option<&str>) -> Result<String, ReadError> {
    if Encoding::for_bom(bytes).is_some() || std::str::from_utf8(bytes).is_ok() {
        return decode_text(bytes);
    }
    let encoding = declared
        .and_then(|label| Encoding::for_label(label.as_bytes()))
        .or_else(|| meta_charset(bytes))
        // A UTF-16 label on bytes without a BOM is wrong (HTML says so too),
        // and the UTF-8 label has been ruled out by the bytes.
        .filter(|e| *e != UTF_16LE && *e != UTF_16BE && *e != encoding_rs::UTF_8);
    let Some(encoding) = encoding else {
        return decode_text(bytes);
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    check_binary(bytes)?;
    let (text, _had_errors) = encoding.decode_without_bom_handling(bytes);
    let text = normalise_newlines(&text);
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(text)
}

/// The encoding a page names in `<meta charset=...>` or `<meta
/// http-equiv="Content-Type" content="...; charset=...">` near its start.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..META_CHARSET_WINDOW).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        rest = &rest[at + 5..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        if let Some(pos) = tag.find("charset") {
            let value = tag[pos + 7..].trim_start().strip_prefix('=')?.trim_start();
            let value = value.trim_start_matches(['"', '\'']);
            let end = value
                .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ';' | '/' | '>'))
                .unwrap_or(value.len());
            return Encoding::for_label(&value.as_bytes()[..end]);
        }
    }
    None
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_charsets_are_followed_where_the_bytes_need_them() {
        // "café" in Windows-1252, in UTF-8, and with a UTF-8 BOM.
        let latin = b"<p>caf\xe9</p>";
        let utf8 = "<p>café</p>".as_bytes();
        let meta = b"<html><head><meta charset=\"windows-1251\"></head><p>\xcf\xf0\xe8</p>";
        let equiv = b"<meta http-equiv=Content-Type content='text/html; charset=koi8-r'><p>\xf0\xd2\xc9</p>";
        let cases: &[(&[u8], Option<&str>, &str)] = &[
            (latin, Some("windows-1252"), "<p>café</p>"),
            (latin, Some("ISO-8859-1"), "<p>café</p>"),
            // A server calling a UTF-8 page Latin-1.
            (utf8, Some("iso-8859-1"), "<p>café</p>"),
            (utf8, None, "<p>café</p>"),
            (meta, None, "При"),
            (equiv, None, "При"),
            // The header wins over the page.
            (meta, Some("windows-1252"), "Ïðè"),
            (
                b"\xef\xbb\xbf<p>caf\xc3\xa9</p>",
                Some("windows-1252"),
                "<p>café</p>",
            ),
        ];
        for (bytes, declared, want) in cases {
            let text = decode_labelled(bytes, *declared).unwrap_or_default();
            assert!(text.contains(want), "{declared:?}: {text:?}");
        }
        assert_eq!(decode_labelled(b"  ", Some("utf-8")), Err(ReadError::Empty));
        assert!(decode_labelled(b"a\x00\xff", Some("latin1")).is_err());
    }
}
