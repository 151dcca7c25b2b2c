//! End to end: a saved web page's publication date and where it came from, as
//! `show --json` reports it.

mod common;

use common::{morgue, write_articles};
use serde_json::Value;

const ADDRESS_ONLY: &str = r#"<!DOCTYPE html><html lang="en"><head><title>Harbour vote</title>
<link rel="canonical" href="https://example.com/news/2019/10/21/harbour-vote/"></head>
<body><h1>Harbour vote</h1><p>The council met on Tuesday and voted for the new harbour plan after a long debate.</p></body></html>"#;

const GERMAN_BYLINE: &str = r#"<!DOCTYPE html><html lang="de"><head><title>Hafen</title></head>
<body><h1>Hafen</h1><p class="autor">Von Anna Berg, veröffentlicht am 29. Januar 2019</p>
<p>Der Rat hat am Dienstag nach langer Debatte für den neuen Plan für den Hafen gestimmt.</p>
<aside><span class="date">3. März 2020</span></aside></body></html>"#;

fn show(index: &std::path::Path, root: &std::path::Path, path: &str) -> Value {
    let output = morgue(index)
        .current_dir(root)
        .args(["show", path, "--json"])
        .output()
        .expect("run morgue show");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("show --json prints JSON")
}

#[test]
fn show_names_the_address_or_the_byline_as_the_date_source() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_articles(
        &dir.path().join("pages"),
        &[
            ("harbour.html", ADDRESS_ONLY),
            ("hafen.html", GERMAN_BYLINE),
        ],
    );
    let index = dir.path().join("index");
    let status = morgue(&index)
        .current_dir(dir.path())
        .args(["index", "pages", "--json"])
        .output()
        .expect("run morgue index");
    assert!(status.status.success());
    let cases = [
        ("pages/harbour.html", "2019-10-21", "url"),
        ("pages/hafen.html", "2019-01-29", "byline"),
    ];
    for (path, published, source) in cases {
        let json = show(&index, dir.path(), path);
        assert_eq!(json["published"], published, "{path}: {json}");
        assert_eq!(json["date_source"], source, "{path}");
    }
}
