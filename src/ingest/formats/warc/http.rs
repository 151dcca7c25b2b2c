//! The HTTP response inside a WARC `response` record: its status and headers,
//! and its body as the server meant it (chunks joined, compression undone).
//!
//! Crawlers differ here. CC-NEWS stores bodies already de-chunked and
//! decompressed (and renames the headers that said otherwise), others store
//! the bytes as they came over the wire. Each transformation is therefore
//! applied only when the bytes show it is needed: a body declared chunked
//! that does not start with a chunk size is taken as it is, and so is a body
//! declared gzip that does not start with the gzip magic.

use std::io::Read;

use flate2::bufread::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};

/// The most a compressed body may grow to when decoded; a page is never this
/// big, a decompression bomb is.
const MAX_DECODED: u64 = 64 * 1024 * 1024;

/// Header fields a response head may have; real ones with many cookies reach
/// a few dozen.
const MAX_FIELDS: usize = 256;

/// What morgue needs of a response head.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct HttpHead {
    pub status: u16,
    content_type: Option<String>,
    transfer_encoding: Option<String>,
    content_encoding: Option<String>,
}

impl HttpHead {
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// The `charset` parameter of the content type, if any.
    pub fn charset(&self) -> Option<&str> {
        self.content_type.as_deref().and_then(charset)
    }
}

/// Parses a response head (status line and header fields, up to the blank
/// line). Lenient where servers are: spaces before a colon, folded or invalid
/// lines, and HTTP/2 status lines as some crawlers write them.
pub(crate) fn parse_head(block: &[u8]) -> Result<HttpHead, String> {
    // httparse reads HTTP/1.x only; the head of an HTTP/2 or /3 response, as
    // browser-based crawlers record it, has the same shape.
    let mut owned;
    let mut block = block;
    for version in [&b"HTTP/2 "[..], b"HTTP/2.0 ", b"HTTP/3 ", b"HTTP/3.0 "] {
        if let Some(rest) = block.strip_prefix(version) {
            owned = b"HTTP/1.1 ".to_vec();
            owned.extend_from_slice(rest);
            block = &owned;
            break;
        }
    }
    let mut fields = [httparse::EMPTY_HEADER; MAX_FIELDS];
    let mut response = httparse::Response::new(&mut fields);
    let parsed = httparse::ParserConfig::default()
        .allow_spaces_after_header_name_in_responses(true)
        .allow_obsolete_multiline_headers_in_responses(true)
        .allow_multiple_spaces_in_response_status_delimiters(true)
        .ignore_invalid_headers_in_responses(true)
        .parse_response(&mut response, block);
    match parsed {
        Ok(httparse::Status::Complete(_)) => {}
        Ok(httparse::Status::Partial) => return Err("HTTP response head is incomplete".into()),
        Err(err) => return Err(format!("bad HTTP response head: {err}")),
    }
    let mut head = HttpHead {
        status: response.code.unwrap_or(0),
        ..HttpHead::default()
    };
    for field in response.headers.iter() {
        let value = || Some(String::from_utf8_lossy(field.value).trim().to_string());
        if field.name.eq_ignore_ascii_case("Content-Type") {
            head.content_type = value();
        } else if field.name.eq_ignore_ascii_case("Transfer-Encoding") {
            head.transfer_encoding = value();
        } else if field.name.eq_ignore_ascii_case("Content-Encoding") {
            head.content_encoding = value();
        }
    }
    Ok(head)
}

/// Whether a content type names an HTML page.
pub(crate) fn is_html(content_type: &str) -> bool {
    let mime = content_type.split(';').next().unwrap_or_default().trim();
    mime.eq_ignore_ascii_case("text/html") || mime.eq_ignore_ascii_case("application/xhtml+xml")
}

/// The `charset` parameter of a content type (`text/html; charset="utf-8"`).
fn charset(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']))
            .filter(|v| !v.is_empty())
    })
}

/// The body as the server meant it: chunks joined, then compression undone.
pub(crate) fn decode_body(body: Vec<u8>, head: &HttpHead) -> Result<Vec<u8>, String> {
    let chunked = head
        .transfer_encoding
        .as_deref()
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
    let body = if chunked {
        dechunk(&body).unwrap_or(body)
    } else {
        body
    };
    let encoding = head
        .content_encoding
        .as_deref()
        .map(|e| e.trim().to_ascii_lowercase())
        .unwrap_or_default();
    match encoding.as_str() {
        "" | "identity" | "none" => Ok(body),
        _ if looks_like_text(&body) => Ok(body),
        "gzip" | "x-gzip" if body.starts_with(&[0x1f, 0x8b]) => {
            inflate(MultiGzDecoder::new(&body[..]), "gzip")
        }
        // `deflate` is zlib-wrapped by the standard and raw by many servers.
        "deflate" => inflate(ZlibDecoder::new(&body[..]), "deflate")
            .or_else(|_| inflate(DeflateDecoder::new(&body[..]), "deflate")),
        other => Err(format!(
            "the page's content encoding {other:?} is not supported"
        )),
    }
}

fn inflate(decoder: impl Read, name: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    decoder
        .take(MAX_DECODED + 1)
        .read_to_end(&mut out)
        .map_err(|err| format!("the page's {name} content encoding cannot be decoded ({err})"))?;
    if out.len() as u64 > MAX_DECODED {
        return Err(format!(
            "the page decodes to over {} MB",
            MAX_DECODED / 1024 / 1024
        ));
    }
    Ok(out)
}

/// A body that already starts like markup or text is not compressed,
/// whatever its headers say.
fn looks_like_text(body: &[u8]) -> bool {
    let start = body.trim_ascii_start();
    start.starts_with(b"<") || start.starts_with(b"\xef\xbb\xbf")
}

/// Joins the chunks of a chunked body (`size[;extension]\r\n data \r\n`...,
/// ended by a zero size). `None` when the body does not start with a chunk
/// size: it was stored joined already. A body cut short keeps what it has.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    let mut first = true;
    loop {
        let line_end = rest.iter().position(|&b| b == b'\n')?;
        let line = std::str::from_utf8(&rest[..line_end]).ok()?;
        let size = line.split(';').next().unwrap_or_default().trim();
        let size = match usize::from_str_radix(size, 16) {
            Ok(size) => size,
            Err(_) if first => return None,
            Err(_) => return Some(out),
        };
        first = false;
        rest = &rest[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        let take = size.min(rest.len());
        out.extend_from_slice(&rest[..take]);
        rest = &rest[take..];
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
        if rest.is_empty() {
            return Some(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn response_heads_give_status_type_and_encodings() {
        let cases: &[(&str, u16, Option<&str>, Option<&str>)] = &[
            (
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n",
                200,
                Some("text/html; charset=ISO-8859-1"),
                Some("ISO-8859-1"),
            ),
            (
                "HTTP/1.0 301 Moved\r\nLocation: /x\r\n\r\n",
                301,
                None,
                None,
            ),
            (
                "HTTP/2 200\r\ncontent-type: text/html;charset=\"utf-8\"\r\n\r\n",
                200,
                Some("text/html;charset=\"utf-8\""),
                Some("utf-8"),
            ),
            // A space before the colon and a line that is no header at all.
            (
                "HTTP/1.1 200 OK\r\nContent-Type : text/html\r\nnot a header\r\n\r\n",
                200,
                Some("text/html"),
                None,
            ),
            ("HTTP/1.1 404 Not Found\n\n", 404, None, None),
        ];
        for (raw, status, content_type, charset) in cases {
            let head = parse_head(raw.as_bytes()).unwrap_or_else(|e| panic!("{raw:?}: {e}"));
            assert_eq!(head.status, *status, "{raw:?}");
            assert_eq!(head.content_type(), *content_type, "{raw:?}");
            assert_eq!(head.charset(), *charset, "{raw:?}");
        }
        assert!(parse_head(b"SMTP 220 hello\r\n\r\n").is_err());
    }

    #[test]
    fn html_content_types() {
        let cases = [
            ("text/html", true),
            ("TEXT/HTML; charset=utf-8", true),
            ("application/xhtml+xml", true),
            ("text/plain", false),
            ("application/json", false),
            ("text/htmlx", false),
        ];
        for (content_type, want) in cases {
            assert_eq!(is_html(content_type), want, "{content_type}");
        }
    }

    fn head(transfer: Option<&str>, encoding: Option<&str>) -> HttpHead {
        HttpHead {
            status: 200,
            content_type: Some("text/html".into()),
            transfer_encoding: transfer.map(String::from),
            content_encoding: encoding.map(String::from),
        }
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).expect("write to memory");
        encoder.finish().expect("finish in memory")
    }

    #[test]
    fn bodies_are_dechunked_and_decompressed_only_when_they_need_it() {
        let page = b"<html><p>Hello</p></html>".to_vec();
        let chunked = b"5\r\n<html\r\n14;ext=1\r\n><p>Hello</p></html>\r\n0\r\n\r\n".to_vec();
        let cases: Vec<(Vec<u8>, HttpHead)> = vec![
            (page.clone(), head(None, None)),
            (chunked, head(Some("chunked"), None)),
            // Declared chunked, stored joined (CC-NEWS).
            (page.clone(), head(Some("chunked"), None)),
            (gzip(&page), head(None, Some("gzip"))),
            // Declared gzip, stored decompressed.
            (page.clone(), head(None, Some("gzip"))),
            (page.clone(), head(None, Some("br"))),
        ];
        for (body, head) in cases {
            assert_eq!(
                decode_body(body, &head).as_deref(),
                Ok(&page[..]),
                "{head:?}"
            );
        }
        let err = decode_body(vec![0x8b, 0x00, 0x13], &head(None, Some("br")));
        assert!(err.is_err_and(|e| e.contains("\"br\"")));
        let err = decode_body(vec![0x1f, 0x8b, 0x08, 0, 0], &head(None, Some("gzip")));
        assert!(err.is_err_and(|e| e.contains("cannot be decoded")));
    }
}
