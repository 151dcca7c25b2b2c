//! End to end: web crawls in WARC files, written here (plain and gzip, one
//! record to a member as crawlers write them), indexed with `morgue index` and
//! found with `morgue search --json`: which records become articles, their
//! address and date, a damaged record among good ones, and re-indexing a crawl
//! that changed.

mod common;

use std::io::Write;
use std::path::Path;

use common::morgue;
use serde_json::Value;

/// One WARC record.
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

fn response(uri: &str, date: &str, content_type: &str, body: &str) -> Vec<u8> {
    let block = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n{body}");
    record(
        "response",
        uri,
        date,
        "application/http; msgtype=response",
        block.as_bytes(),
    )
}

/// A news page about `word`, with `head` in its `<head>`.
fn page(title: &str, word: &str, head: &str) -> String {
    format!(
        "<!doctype html><html><head><title>{title}</title>{head}</head><body>\
         <nav><a href='/'>Home</a></nav><article><h1>{title}</h1>\
         <p>The {word} committee met on Thursday in Port Ellen and agreed a plan for the \
         harbour, which has been closed for three weeks of repairs to the breakwater.</p>\
         <p>Ferries resume their normal timetable on Friday, the operator said, and the \
         first sailing is expected to be fully booked by local travellers.</p>\
         </article><footer>Copyright Example Gazette</footer></body></html>"
    )
}

fn html_page(n: usize) -> Vec<u8> {
    response(
        &format!("https://news.example/story-{n}"),
        "2024-01-03T10:00:00Z",
        "text/html; charset=utf-8",
        &page(&format!("Story number {n}"), &format!("zq{n}"), ""),
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("write to memory");
    encoder.finish().expect("finish in memory")
}

/// The records of a small crawl, each its own gzip member; the fourth member
/// is cut short, the way a crawl interrupted mid-write leaves it.
fn crawl_members() -> Vec<Vec<u8>> {
    let dated = page(
        "Harbour reopens",
        "breakwater",
        "<meta property='article:published_time' content='2023-11-05T08:00:00Z'>",
    );
    let records = [
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
            "text/html",
            &dated,
        ),
        response(
            "https://news.example/lost",
            "2024-01-03T10:00:03Z",
            "text/html",
            &page("Lost story", "lostword", ""),
        ),
        response(
            "https://news.example/b",
            "2024-01-04T10:00:04Z",
            "text/html",
            &page("Ferries resume", "timetable", ""),
        ),
        response(
            "https://news.example/feed.json",
            "2024-01-03T10:00:05Z",
            "application/json",
            "{\"items\": []}",
        ),
    ];
    let mut members: Vec<Vec<u8>> = records.iter().map(|r| gzip(r)).collect();
    let cut = members[3].len() / 2;
    members[3].truncate(cut);
    members
}

fn index(index: &Path, root: &Path, extra: &[&str]) -> Value {
    let output = morgue(index)
        .arg("index")
        .arg(root)
        .arg("--json")
        .args(extra)
        .output()
        .expect("run morgue index");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("index --json prints JSON")
}

fn search(index: &Path, args: &[&str]) -> Value {
    let output = morgue(index)
        .arg("search")
        .args(args)
        .args(["--json", "--limit", "100"])
        .output()
        .expect("run morgue search");
    serde_json::from_slice(&output.stdout).expect("search --json prints JSON")
}

#[test]
fn html_pages_of_a_crawl_are_articles_with_their_address_and_date() {
    let dir = tempfile::tempdir().expect("temp dir");
    let crawl = dir.path().join("crawl");
    std::fs::create_dir_all(&crawl).expect("mkdir");
    let members = crawl_members();
    std::fs::write(crawl.join("news.warc.gz"), members.concat()).expect("write");
    let index_dir = dir.path().join("index");
    let report = index(&index_dir, &crawl, &[]);

    assert_eq!(report["articles_indexed"], 2, "{report}");
    assert_eq!(report["files_added"], 1, "{report}");
    assert_eq!(
        report["records_skipped"],
        serde_json::json!({"not HTML": 1, "request": 1, "warcinfo": 1}),
        "{report}"
    );
    // The cut member is one warning naming the file and the record; the member
    // after it is read.
    let warnings = report["warnings"].as_array().expect("warnings");
    assert_eq!(warnings.len(), 1, "{report}");
    let offset: usize = members[..3].iter().map(Vec::len).sum();
    assert!(
        warnings[0]["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("news.warc.gz"))
    );
    assert_eq!(warnings[0]["line"], 4);
    assert_eq!(
        warnings[0]["message"],
        format!(
            "WARC record 4 (at byte {offset}) skipped: \
             gzip member is truncated (the next member starts inside it)"
        )
    );

    let dated = search(&index_dir, &["breakwater"]);
    assert_eq!(dated["total"], 2, "{dated}");
    let hits = search(&index_dir, &["title:harbour"]);
    let hit = &hits["hits"][0];
    assert_eq!(hit["url"], "https://news.example/a", "{hit}");
    assert_eq!(hit["published"], "2023-11-05");
    assert_eq!(hit["date_source"], "metadata");
    // A page without a date of its own is dated by its crawl.
    let hits = search(&index_dir, &["title:ferries"]);
    let hit = &hits["hits"][0];
    assert_eq!(hit["url"], "https://news.example/b", "{hit}");
    assert_eq!(hit["published"], "2024-01-04");
    assert_eq!(hit["date_source"], "crawl");
    assert_eq!(search(&index_dir, &["lostword"])["total"], 0);
}

#[test]
fn a_changed_crawl_replaces_its_articles_part_by_part() {
    let dir = tempfile::tempdir().expect("temp dir");
    let crawl = dir.path().join("crawl");
    std::fs::create_dir_all(&crawl).expect("mkdir");
    let file = crawl.join("big.warc");
    // More pages than one part holds, committed every ten articles, so that
    // commits fall between the parts of the file.
    let write = |pages: std::ops::Range<usize>| {
        let records: Vec<u8> = pages.flat_map(html_page).collect();
        std::fs::write(&file, records).expect("write");
    };
    let index_dir = dir.path().join("index");
    let count = |report: &Value| report["articles_total"].as_u64().unwrap_or(0);

    write(0..70);
    let report = index(&index_dir, &crawl, &["--commit-every", "10"]);
    assert_eq!(count(&report), 70, "{report}");
    assert_eq!(search(&index_dir, &["zq69"])["total"], 1);

    write(0..71);
    let report = index(&index_dir, &crawl, &["--commit-every", "10"]);
    assert_eq!(
        (report["files_updated"].as_u64(), count(&report)),
        (Some(1), 71)
    );

    write(1..71);
    let report = index(&index_dir, &crawl, &["--commit-every", "10"]);
    assert_eq!(count(&report), 70, "{report}");
    assert_eq!(search(&index_dir, &["zq0"])["total"], 0);
    assert_eq!(search(&index_dir, &["zq70"])["total"], 1);

    let report = index(&index_dir, &crawl, &[]);
    assert_eq!(report["files_unchanged"], 1, "{report}");
    assert!(!index_dir.join(".incomplete-files").exists());
}

#[test]
fn a_crawl_a_killed_run_left_in_part_is_read_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let crawl = dir.path().join("crawl");
    std::fs::create_dir_all(&crawl).expect("mkdir");
    let file = crawl.join("big.warc");
    std::fs::write(&file, (0..40).flat_map(html_page).collect::<Vec<u8>>()).expect("write");
    let index_dir = dir.path().join("index");
    index(&index_dir, &crawl, &[]);
    // What a run killed between two parts of the file leaves: the file listed.
    let canonical = file.canonicalize().expect("canonical path");
    let key = blake3::hash(canonical.as_os_str().as_encoded_bytes()).to_hex();
    std::fs::write(index_dir.join(".incomplete-files"), format!("{key}\n")).expect("write");
    let report = index(&index_dir, &crawl, &[]);
    assert_eq!(report["files_updated"], 1, "{report}");
    assert_eq!(report["articles_total"], 40, "{report}");
    assert!(!index_dir.join(".incomplete-files").exists());
}

#[test]
fn files_named_warc_that_hold_no_crawl_are_skipped_with_a_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let crawl = dir.path().join("crawl");
    std::fs::create_dir_all(&crawl).expect("mkdir");
    std::fs::write(crawl.join("empty.warc"), b"").expect("write");
    std::fs::write(crawl.join("notes.warc"), b"Just some notes.\n").expect("write");
    std::fs::write(crawl.join("data.warc.gz"), gzip(b"{\"a\": 1}\n")).expect("write");
    let only_requests = record(
        "request",
        "https://news.example/a",
        "2024-01-03T10:00:01Z",
        "application/http; msgtype=request",
        b"GET /a HTTP/1.1\r\n\r\n",
    );
    std::fs::write(crawl.join("requests.warc"), only_requests).expect("write");
    let report = index(&dir.path().join("index"), &crawl, &[]);
    let skipped: Vec<(String, String)> = report["skipped"]
        .as_array()
        .expect("skipped")
        .iter()
        .map(|s| {
            let path = s["path"].as_str().unwrap_or_default();
            let name = Path::new(path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned());
            (
                name.unwrap_or_default(),
                s["reason"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let not_warc = "not a WARC file (it does not start with a WARC/1.x record header)";
    assert_eq!(
        skipped,
        [
            ("data.warc.gz".to_string(), not_warc.to_string()),
            ("empty.warc".to_string(), "empty file".to_string()),
            ("notes.warc".to_string(), not_warc.to_string()),
            (
                "requests.warc".to_string(),
                "no HTML page with article text in 1 WARC record (1 request)".to_string()
            ),
        ]
    );
}
