//! WARC files written by the tests themselves, plain and gzip-compressed, with
//! the records a crawl holds besides pages and the ways files go bad.

use std::io::Write;

use super::*;

/// One WARC record with the header fields a crawler writes.
fn record(kind: &str, uri: &str, date: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Date: {date}\r\n\
         WARC-Record-ID: <urn:uuid:{kind}-{date}>\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// A `response` record for an HTTP response with `head` (status line and
/// fields) and `body`.
fn response(uri: &str, date: &str, head: &str, body: &[u8]) -> Vec<u8> {
    let mut block = format!("{head}\r\n\r\n").into_bytes();
    block.extend_from_slice(body);
    record(
        "response",
        uri,
        date,
        "application/http; msgtype=response",
        &block,
    )
}

const OK_HTML: &str = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8";

const P1: &str = "The harbour at Port Ellen reopened on Thursday after three weeks of \
    repairs to the breakwater, the council said in a statement on its website.";
const P2: &str = "Ferries resume their normal timetable from Friday morning, and the \
    operator expects the first sailing to be fully booked by local travellers.";

/// A news page; `head` goes into its `<head>` (a date, say).
fn page(title: &str, head: &str) -> String {
    format!(
        "<!doctype html><html><head><title>{title}</title>{head}</head><body>\
         <nav><a href='/'>Home</a></nav><article><h1>{title}</h1><p>{P1}</p><p>{P2}</p>\
         </article><footer>Copyright Example Gazette</footer></body></html>"
    )
}

const DATED: &str = "<meta property='article:published_time' content='2023-11-05T08:00:00Z'>";

/// The records of a small crawl: its info record, a request, a dated page, an
/// undated page, an image, a redirect and a metadata record. Two are articles.
fn crawl() -> Vec<Vec<u8>> {
    vec![
        record(
            "warcinfo",
            "",
            "2024-01-03T10:00:00Z",
            "application/warc-fields",
            b"software: test\r\n",
        ),
        record(
            "request",
            "https://news.example/a",
            "2024-01-03T10:00:01Z",
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n",
        ),
        response(
            "https://news.example/a",
            "2024-01-03T10:00:02Z",
            OK_HTML,
            page("Harbour reopens", DATED).as_bytes(),
        ),
        response(
            "https://news.example/b",
            "2024-01-03T10:00:03Z",
            OK_HTML,
            page("Ferries resume", "").as_bytes(),
        ),
        response(
            "https://news.example/logo.png",
            "2024-01-03T10:00:04Z",
            "HTTP/1.1 200 OK\r\nContent-Type: image/png",
            b"\x89PNG\r\n\x1a\n\0\0",
        ),
        response(
            "https://news.example/old",
            "2024-01-03T10:00:05Z",
            "HTTP/1.1 301 Moved Permanently\r\nLocation: /a\r\nContent-Type: text/html",
            b"<html>moved</html>",
        ),
        record(
            "metadata",
            "https://news.example/a",
            "2024-01-03T10:00:06Z",
            "application/warc-fields",
            b"fetchTimeMs: 120\r\n",
        ),
    ]
}

/// Each record as its own gzip member, as crawlers write `.warc.gz`.
fn gzip_members(records: &[Vec<u8>]) -> Vec<u8> {
    records.iter().flat_map(|r| gzip(r)).collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("write to memory");
    encoder.finish().expect("finish in memory")
}

fn read(bytes: &[u8]) -> ParsedFile {
    read_all(bytes).unwrap_or_else(|e| panic!("unexpected error: {e}"))
}

fn titles(read: &ParsedFile) -> Vec<(&str, Option<usize>)> {
    read.articles
        .iter()
        .map(|a| (a.title.as_str(), a.line))
        .collect()
}

fn counts(read: &ParsedFile) -> Vec<(&'static str, usize)> {
    read.other_records.iter().map(|(k, n)| (*k, *n)).collect()
}

const CRAWL_OTHERS: [(&str, usize); 5] = [
    ("HTTP status other than 200", 1),
    ("metadata", 1),
    ("not HTML", 1),
    ("request", 1),
    ("warcinfo", 1),
];

#[test]
fn html_responses_are_articles_and_other_records_are_counted() {
    let plain = crawl().concat();
    for (name, bytes) in [("plain", plain.clone()), ("gzip", gzip_members(&crawl()))] {
        let read = read(&bytes);
        assert_eq!(
            titles(&read),
            [("Harbour reopens", Some(3)), ("Ferries resume", Some(4))],
            "{name}"
        );
        assert!(
            read.bad_records.is_empty(),
            "{name}: {:?}",
            read.bad_records
        );
        assert_eq!(counts(&read), CRAWL_OTHERS, "{name}");
        let [dated, undated] = &read.articles[..] else {
            panic!("{name}: two articles");
        };
        assert_eq!(dated.url.as_deref(), Some("https://news.example/a"));
        assert_eq!(
            dated.published_day.map(|(d, s)| (d.to_string(), s)),
            Some((
                "2023-11-05".to_string(),
                crate::ingest::DateSource::Metadata
            ))
        );
        // The crawl day is kept for the page without a date of its own.
        assert_eq!(undated.published_day, None);
        assert_eq!(undated.crawled, NaiveDate::from_ymd_opt(2024, 1, 3));
        assert!(
            undated.body.contains("Port Ellen"),
            "{name}: {}",
            undated.body
        );
    }
    // One gzip member for the whole file, as `gzip crawl.warc` makes it.
    assert_eq!(titles(&read(&gzip(&plain))).len(), 2);
}

#[test]
fn the_address_a_page_was_fetched_from_dates_it() {
    let bytes = response(
        "https://news.example/2019/10/21/harbour-reopens",
        "2024-01-03T10:00:02Z",
        OK_HTML,
        page("Harbour reopens", "").as_bytes(),
    );
    let read = read(&bytes);
    assert_eq!(
        read.articles.first().and_then(|a| a.published_day),
        NaiveDate::from_ymd_opt(2019, 10, 21).map(|d| (d, crate::ingest::DateSource::Url))
    );
}

/// Where each record's gzip member starts in the file.
fn member_offsets(members: &[Vec<u8>]) -> Vec<u64> {
    members
        .iter()
        .scan(0u64, |at, m| {
            let start = *at;
            *at += m.len() as u64;
            Some(start)
        })
        .collect()
}

#[test]
fn a_corrupt_or_truncated_gzip_member_costs_only_its_record() {
    let members: Vec<Vec<u8>> = crawl().iter().map(|r| gzip(r)).collect();
    let offsets = member_offsets(&members);
    // Damage the dated page's member (the third): its deflate data, or its end.
    let mut corrupt = members.clone();
    let middle = corrupt[2].len() / 2;
    corrupt[2][middle..middle + 8].copy_from_slice(b"\xff\x00\xff\x00\xff\x00\xff\x00");
    let mut truncated = members.clone();
    let half = truncated[2].len() / 2;
    truncated[2].truncate(half);
    for (name, damaged) in [("corrupt", corrupt), ("truncated", truncated)] {
        let read = read(&damaged.concat());
        assert_eq!(titles(&read), [("Ferries resume", Some(4))], "{name}");
        assert_eq!(read.bad_records.len(), 1, "{name}: {:?}", read.bad_records);
        let bad = &read.bad_records[0];
        assert_eq!((bad.line, bad.offset), (3, Some(offsets[2])), "{name}");
        assert!(bad.reason.contains("gzip member"), "{name}: {}", bad.reason);
        assert_eq!(counts(&read), CRAWL_OTHERS, "{name}");
    }
}

#[test]
fn a_file_cut_off_in_its_last_member_keeps_the_records_before() {
    let mut bytes = gzip_members(&crawl());
    let extra = gzip(&response(
        "https://news.example/c",
        "2024-01-03T10:00:09Z",
        OK_HTML,
        page("Third story", "").as_bytes(),
    ));
    let cut = bytes.len() as u64;
    bytes.extend_from_slice(&extra[..extra.len() - 20]);
    let read = read(&bytes);
    assert_eq!(titles(&read).len(), 2);
    let bad: Vec<_> = read
        .bad_records
        .iter()
        .map(|b| (b.line, b.offset, b.reason.as_str()))
        .collect();
    assert_eq!(bad, [(8, Some(cut), "gzip member is truncated")]);
}

#[test]
fn a_malformed_record_in_a_plain_file_is_skipped_and_the_next_one_found() {
    let records = crawl();
    // A wrong Content-Length on the dated page, a header line that is no header,
    // and a record whose header is cut off by garbage.
    let mut short = records.clone();
    short[2] = String::from_utf8_lossy(&records[2])
        .replacen("Content-Length: ", "Content-Length: 1", 1)
        .into_bytes();
    let mut bad_field = records.clone();
    bad_field[2] = String::from_utf8_lossy(&records[2])
        .replacen("WARC-Date:", "WARC Date;", 1)
        .into_bytes();
    let mut garbage = records.clone();
    garbage[2] = b"<<garbage that is not a record>>\r\n\r\n".to_vec();
    for (name, damaged, why) in [
        (
            "length",
            short,
            "does not end where its Content-Length says",
        ),
        ("field", bad_field, "bad WARC header"),
        ("garbage", garbage, "not a WARC record header"),
    ] {
        let offset = damaged[..2].iter().map(|r| r.len() as u64).sum::<u64>();
        let read = read(&damaged.concat());
        assert_eq!(titles(&read), [("Ferries resume", Some(4))], "{name}");
        let bad: Vec<_> = read
            .bad_records
            .iter()
            .map(|b| (b.line, b.offset))
            .collect();
        assert_eq!(bad, [(3, Some(offset))], "{name}: {:?}", read.bad_records);
        assert!(
            read.bad_records[0].reason.contains(why),
            "{name}: {}",
            read.bad_records[0].reason
        );
        assert_eq!(counts(&read), CRAWL_OTHERS, "{name}");
    }
}

#[test]
fn files_that_are_not_warc_are_rejected_with_a_reason() {
    let cases: &[(&str, &[u8], &str)] = &[
        ("empty", b"", "empty file"),
        ("blank", b"\r\n\r\n  ", "empty file"),
        ("text", b"Just some notes.\n", "not a WARC file"),
        ("html", b"<!doctype html><html></html>", "not a WARC file"),
    ];
    for (name, bytes, want) in cases {
        let err = read_all(bytes)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains(want), "{name}: {err:?}");
    }
    let gzipped_text = gzip(b"{\"title\": \"not a crawl\"}\n");
    let err = read_all(&gzipped_text).err().map(|e| e.to_string());
    assert!(err.is_some_and(|e| e.contains("not a WARC file")));
}

#[test]
fn a_page_over_the_size_limit_is_skipped_unread() {
    let bytes = crawl().concat();
    let mut records = Records::open(io::Cursor::new(&bytes[..]), 300).expect("a WARC file");
    let mut bad = Vec::new();
    while let Some(item) = records.next_item() {
        if let Item::Bad(record) = item {
            bad.push((record.line, record.reason));
        }
    }
    let lines: Vec<usize> = bad.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, [3, 4]);
    assert!(
        bad[0].1.contains("over the --max-file-size limit of 300 B"),
        "{bad:?}"
    );
}

#[test]
fn pages_are_decoded_as_their_headers_say() {
    // The page in Windows-1252, where é is the one byte 0xe9.
    let cafe = page("Café reopens", "");
    let (latin_bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&cafe);
    let chunked = {
        let body = page("Chunked story", "");
        format!("{:x}\r\n{body}\r\n0\r\n\r\n", body.len())
    };
    let records = [
        response(
            "https://news.example/cafe",
            "2024-01-03T10:00:02Z",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252",
            &latin_bytes,
        ),
        response(
            "https://news.example/chunked",
            "2024-01-03T10:00:03Z",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked",
            chunked.as_bytes(),
        ),
        response(
            "https://news.example/zipped",
            "2024-01-03T10:00:04Z",
            "HTTP/1.1 200 OK\r\nContent-Type: application/xhtml+xml\r\nContent-Encoding: gzip",
            &gzip(page("Zipped story", "").as_bytes()),
        ),
    ];
    let read = read(&records.concat());
    let titles: Vec<&str> = read.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Café reopens", "Chunked story", "Zipped story"],
        "{:?}",
        read.bad_records
    );
}

#[test]
fn warc_1_0_addresses_in_angle_brackets_and_lax_line_ends_are_read() {
    let lax = String::from_utf8_lossy(&response(
        "<https://news.example/a>",
        "2024-01-03T10:00:02Z",
        OK_HTML,
        page("Harbour reopens", "").as_bytes(),
    ))
    .replacen("WARC/1.1", "WARC/1.0", 1)
    .into_bytes();
    let read = read(&lax);
    assert_eq!(
        read.articles.first().and_then(|a| a.url.as_deref()),
        Some("https://news.example/a")
    );
}

#[test]
fn record_kinds_outside_the_standard_are_counted_together() {
    let bytes = [
        record(
            "response",
            "x",
            "2024-01-03T10:00:00Z",
            "application/http",
            b"",
        ),
        record(
            "made-up-kind",
            "x",
            "2024-01-03T10:00:00Z",
            "text/plain",
            b"x",
        ),
        record(
            "revisit",
            "x",
            "2024-01-03T10:00:00Z",
            "application/http",
            b"",
        ),
    ]
    .concat();
    let err = super::super::parse_file(std::path::Path::new("crawl.warc"), &bytes)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert_eq!(
        err,
        "no HTML page with article text in 3 WARC records \
         (1 not an HTTP response, 1 other record types, 1 revisit)"
    );
}

proptest::proptest! {
    #[test]
    fn damaged_crawls_never_panic_and_keep_what_comes_before_the_damage(
        gz in proptest::bool::ANY,
        at in 0.0f64..1.0,
        byte in proptest::num::u8::ANY,
        cut in proptest::bool::ANY,
    ) {
        let records = crawl();
        let mut bytes = if gz { gzip_members(&records) } else { records.concat() };
        let at = ((bytes.len() as f64) * at) as usize;
        if cut {
            bytes.truncate(at);
        } else if let Some(b) = bytes.get_mut(at) {
            *b = byte;
        }
        if let Ok(parsed) = read_all(&bytes) {
            // The first page's record ends before the damage: it is read.
            let first_page_end = records[..3].iter().map(Vec::len).sum::<usize>();
            if !gz && at > first_page_end {
                proptest::prop_assert!(parsed.articles.iter().any(|a| a.title == "Harbour reopens"));
            }
        }
    }

    #[test]
    fn any_bytes_after_a_record_line_never_panic(
        tail in proptest::collection::vec(proptest::num::u8::ANY, 0..3000),
    ) {
        let mut bytes = b"WARC/1.1\r\n".to_vec();
        bytes.extend_from_slice(&tail);
        let _ = read_all(&bytes);
        let _ = read_all(&gzip(&bytes));
    }
}
