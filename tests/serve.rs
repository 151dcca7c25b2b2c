//! `morgue serve` end to end: the real binary serving an index of `corpus/` on
//! an ephemeral port, asked over HTTP by a real client (ureq), its answers
//! compared with what the command line prints for the same request.

mod common;

use common::server::Server;
use common::*;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::Value;

/// An index of `corpus/`, shared by the tests that only read. Each test starts
/// its own server over it (in under a second): a server kept in a static would
/// outlive the test run, as statics are never dropped.
struct Fixture {
    _dir: tempfile::TempDir,
    index: PathBuf,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let index = dir.path().join("index");
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        index_into(&index, &corpus);
        Fixture { _dir: dir, index }
    })
}

/// What `morgue ARGS --json` prints, as JSON.
fn cli_json(index: &Path, args: &[&str]) -> Value {
    let output = morgue(index)
        .args(args)
        .arg("--json")
        .output()
        .expect("run morgue");
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?}: not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

#[test]
fn the_api_answers_what_the_command_line_prints() {
    let f = fixture();
    let server = Server::start(&f.index);
    let cases: &[(&str, &[&str])] = &[
        (
            "search?q=ceasefire&sort=newest&limit=5",
            &["search", "ceasefire", "--sort", "newest", "--limit", "5"],
        ),
        (
            "search?person=Blinken&from=2023-11&to=2024&offset=1",
            &[
                "search", "--person", "Blinken", "--from", "2023-11", "--to", "2024", "--offset",
                "1",
            ],
        ),
        (
            "search?q=%22prime+minister%22&country=iraq&facets=true",
            &[
                "search",
                "\"prime minister\"",
                "--country",
                "iraq",
                "--facets",
            ],
        ),
        (
            "search?about=IL&mentions=2023&org=Hamas&org=United+Nations",
            &[
                "search",
                "--about",
                "IL",
                "--mentions",
                "2023",
                "--org",
                "Hamas",
                "--org",
                "United Nations",
            ],
        ),
        (
            "search?q=sanctions&exact=1",
            &["search", "sanctions", "--exact"],
        ),
        ("search?on=2024-06", &["search", "--on", "2024-06"]),
        (
            "people?country=US&limit=5",
            &["people", "--country", "US", "--limit", "5"],
        ),
        ("orgs?q=talks", &["orgs", "talks"]),
        ("countries?from=2024", &["countries", "--from", "2024"]),
        (
            "timeline?person=Blinken&by=year",
            &["timeline", "--person", "Blinken", "--by", "year"],
        ),
        ("timeline?q=ceasefire", &["timeline", "ceasefire"]),
        (
            "related?person=Blinken&limit=5&min-count=1",
            &[
                "related",
                "--person",
                "Blinken",
                "--limit",
                "5",
                "--min-count",
                "1",
            ],
        ),
        ("stats", &["stats"]),
    ];
    for (request, args) in cases {
        let (status, body) = server.get(&format!("/api/v1/{request}"));
        assert_eq!(status, 200, "{request}: {body}");
        assert_eq!(body, cli_json(&f.index, args), "{request} against {args:?}");
    }
    // The cases above must have found something for the comparison to mean much.
    let (_, body) = server.get("/api/v1/search?person=Blinken&from=2023-11&to=2024");
    assert!(body["total"].as_u64().unwrap_or(0) >= 2, "{body}");
}

#[test]
fn an_article_by_id_is_what_show_prints() {
    let f = fixture();
    let server = Server::start(&f.index);
    let (_, found) = server.get("/api/v1/search?q=Baghdad&limit=1");
    let id = found["hits"][0]["id"].as_str().expect("a hit with an id");
    let (status, article) = server.get(&format!("/api/v1/articles/{id}"));
    assert_eq!(status, 200, "{article}");
    assert_eq!(article["id"], id);
    assert!(!article["body"].as_str().unwrap_or("").is_empty());
    assert_eq!(article, cli_json(&f.index, &["show", id]));
}

#[test]
fn bad_parameters_get_400_saying_what_was_expected() {
    let f = fixture();
    let server = Server::start(&f.index);
    let cases = [
        ("search?from=2023-13", "YYYY-MM-DD"),
        ("search?limit=abc", "whole number"),
        ("search?country=Atlantis", "expected an ISO code"),
        ("search?limit=5000", "at most 100"),
        ("search?offset=999999", "at most 10000"),
        ("search?sort=best", "relevance, newest, oldest"),
        ("search?from=2024&to=2023", "earlier date"),
        ("search?on=2024&from=2023", "cannot be combined"),
        ("search?colour=red", "unknown parameter \"colour\""),
        ("search?q=a&q=b", "more than once"),
        ("search?person=--", "expected a name"),
        ("search?q=%22unclosed", "expected"),
        ("timeline?by=fortnight", "year, month, week, day"),
        ("people?limit=-1", "whole number"),
        ("related?q=talks", "unknown parameter"),
        ("related?from=2023", "needs a subject"),
        ("stats?x=1", "no parameters"),
    ];
    for (request, expected) in cases {
        let (status, body) = server.get(&format!("/api/v1/{request}"));
        assert_eq!(status, 400, "{request}: {body}");
        assert_eq!(body["error"]["status"], 400, "{request}");
        let message = body["error"]["message"].as_str().unwrap_or("");
        assert!(message.contains(expected), "{request}: {message}");
    }
    let long_query = format!("/api/v1/search?q={}", "word+".repeat(200));
    let (status, body) = server.get(&long_query);
    assert_eq!(status, 400, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("longer than")
    );
}

#[test]
fn unknown_ids_and_addresses_are_404() {
    let f = fixture();
    let server = Server::start(&f.index);
    for path in [
        "/api/v1/articles/0000000000000000",
        "/api/v1/nothing",
        "/api/v2/search",
        "/",
        "/index.html",
        "/api/v1/search/extra",
    ] {
        let (status, body) = server.get(path);
        assert_eq!(status, 404, "{path}: {body}");
        assert_eq!(body["error"]["status"], 404);
    }
}

#[test]
fn no_file_outside_the_api_is_reachable() {
    let f = fixture();
    let server = Server::start(&f.index);
    for path in [
        "/../../../../etc/passwd",
        "/api/v1/../../etc/passwd",
        "/api/v1/articles/../../../etc/passwd",
        "/api/v1/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/%2e%2e/%2e%2e/etc/passwd",
    ] {
        let answer = server.raw(&format!(
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        ));
        assert!(answer.starts_with("HTTP/1.1 404"), "{path}: {answer}");
        assert!(!answer.contains("root:"), "{path}: {answer}");
    }
}

#[test]
fn answers_carry_the_safety_headers() {
    let f = fixture();
    let server = Server::start(&f.index);
    for path in ["/api/v1/stats", "/api/v1/search?from=2023-13", "/nowhere"] {
        let (_, headers, _) = server.get_with_headers(path);
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string()
        };
        assert_eq!(header("x-content-type-options"), "nosniff", "{path}");
        assert!(
            header("content-security-policy").starts_with("default-src 'none'"),
            "{path}"
        );
        assert!(
            header("content-type").starts_with("application/json"),
            "{path}"
        );
    }
}

#[test]
fn the_archive_is_read_only_and_other_hosts_are_refused() {
    let f = fixture();
    let server = Server::start(&f.index);
    for method in ["POST", "PUT", "DELETE"] {
        let answer = server.raw(&format!(
            "{method} /api/v1/search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        ));
        assert!(answer.starts_with("HTTP/1.1 405"), "{method}: {answer}");
        assert!(
            answer.to_ascii_lowercase().contains("allow: get"),
            "{answer}"
        );
    }
    // A page on another site whose name was pointed at 127.0.0.1 (DNS rebinding).
    let answer = server.raw(
        "GET /api/v1/stats HTTP/1.1\r\nHost: attacker.example:7878\r\nConnection: close\r\n\r\n",
    );
    assert!(answer.starts_with("HTTP/1.1 403"), "{answer}");
    let answer =
        server.raw("GET /api/v1/stats HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[test]
fn the_server_sees_articles_indexed_after_it_started() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    let index = dir.path().join("index");
    write_articles(
        &corpus,
        &[(
            "2024/01/harbour.txt",
            "Harbour reopens\n\nVALLETTA, Jan. 10 - The harbour in Valletta reopened on Tuesday.\n",
        )],
    );
    index_into(&index, &corpus);
    let server = Server::start(&index);
    let (_, before) = server.get("/api/v1/search?q=lighthouse");
    assert_eq!(before["total"], 0, "{before}");

    write_articles(
        &corpus,
        &[(
            "2024/02/lighthouse.txt",
            "Lighthouse keeper retires\n\nGOZO, Feb. 2 - The lighthouse keeper of Gozo retired after forty years.\n",
        )],
    );
    index_into(&index, &corpus);
    // tantivy notices the commit by polling the index's meta.json.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (status, after) = server.get("/api/v1/search?q=lighthouse");
        assert_eq!(status, 200, "{after}");
        if after["total"] == 1 {
            assert_eq!(after["hits"][0]["title"], "Lighthouse keeper retires");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the new article was not served within 20 s: {after}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let (_, stats) = server.get("/api/v1/stats");
    assert_eq!(stats["articles"], 2, "{stats}");
}

#[test]
fn other_machines_need_allow_remote() {
    let f = fixture();
    let output = morgue(&f.index)
        .args(["serve", "--bind", "0.0.0.0:0"])
        .output()
        .expect("run morgue serve");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--allow-remote"), "{stderr}");
    assert!(stderr.contains("expected a loopback address"), "{stderr}");

    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("morgue"))
        .args(["serve", "--bind", "0.0.0.0:0", "--allow-remote"])
        .env("MORGUE_INDEX", &f.index)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start morgue serve");
    let mut warning = String::new();
    BufReader::new(child.stderr.take().expect("piped stderr"))
        .read_line(&mut warning)
        .expect("read the warning");
    let _ = child.kill();
    let _ = child.wait();
    assert!(warning.contains("warning"), "{warning}");
    assert!(
        warning.contains("anyone who can reach this machine"),
        "{warning}"
    );
}

#[test]
fn a_missing_index_is_an_error_before_listening() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = morgue(&dir.path().join("none"))
        .args(["serve", "--bind", "127.0.0.1:0"])
        .output()
        .expect("run morgue serve");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("morgue index"));
}
