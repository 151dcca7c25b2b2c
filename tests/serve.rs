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
        "/api/v1/search/extra",
    ] {
        let (status, body) = server.get(path);
        assert_eq!(status, 404, "{path}: {body}");
        assert_eq!(body["error"]["status"], 404);
    }
    // Outside the API a person reads the refusal as a page.
    for path in [
        "/index.html",
        "/articles/0000000000000000",
        "/people/Nobody%20Anywhere",
        "/countries/Atlantis",
        "/planets/Mars",
        "/assets/secret.txt",
    ] {
        let (status, text) = server.page(path);
        assert_eq!(status, 404, "{path}: {text}");
        assert!(text.contains("<h1>Not found</h1>"), "{path}: {text}");
        assert!(text.contains(r#"<form id="search""#), "{path}: {text}");
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
    for path in [
        "/api/v1/stats",
        "/api/v1/search?from=2023-13",
        "/api/nowhere",
    ] {
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
    // Asked before the commit: the server keeps this answer until the index changes.
    let (_, stats) = server.get("/api/v1/stats");
    assert_eq!(stats["articles"], 1, "{stats}");

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

/// The links of `html` whose class list includes `class`, in page order,
/// with `&amp;` decoded as a browser does.
fn links(html: &str, class: &str) -> Vec<String> {
    html.split("<a ")
        .skip(1)
        .filter_map(|tag| {
            let tag = &tag[..tag.find('>')?];
            let attribute = |name: &str| {
                let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
                let end = start + tag[start..].find('"')?;
                Some(tag[start..end].replace("&amp;", "&"))
            };
            let classes = attribute("class")?;
            classes
                .split(' ')
                .any(|c| c == class)
                .then(|| attribute("href"))
                .flatten()
        })
        .collect()
}

/// The number the search page's summary gives (`12 articles`, `1–10 of 37 articles`).
fn total_shown(html: &str) -> u64 {
    let start = html.find(r#"<p id="summary">"#).expect("a summary") + 16;
    let summary = &html[start..start + html[start..].find("</p>").expect("summary ends")];
    let count = summary
        .rsplit_once(" of ")
        .map_or(summary, |(_, total)| total);
    count
        .split(' ')
        .next()
        .and_then(|n| n.replace(',', "").parse().ok())
        .unwrap_or(0)
}

#[test]
fn a_person_can_search_refine_and_read_by_following_links() {
    let f = fixture();
    let server = Server::start(&f.index);
    let (status, headers, home) = server.page_with_headers("/");
    assert_eq!(status, 200, "{home}");
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    };
    assert!(header("content-type").starts_with("text/html"));
    assert!(header("content-security-policy").contains("script-src 'self'"));
    assert!(!header("content-security-policy").contains("unsafe-inline"));
    assert_eq!(total_shown(&home), 37, "the whole archive, newest first");

    let (status, results) = server.page("/?q=Baghdad");
    assert_eq!(status, 200);
    let articles = links(&results, "title");
    assert!(!articles.is_empty(), "{results}");
    assert!(results.contains("<mark>Baghdad</mark>"), "{results}");
    let all = total_shown(&results);

    // A facet narrows the search to articles with that person.
    let facet = links(&results, "facet-value")
        .into_iter()
        .find(|href| href.contains("person="))
        .expect("a people facet");
    let (status, narrowed) = server.page(&facet);
    assert_eq!(status, 200);
    assert!(total_shown(&narrowed) <= all && total_shown(&narrowed) > 0);
    assert!(
        narrowed.contains(r#"<ul id="active-filters""#),
        "{narrowed}"
    );
    // ...and dropping it gives the first search back.
    let removed = links(&narrowed, "remove");
    assert!(removed.contains(&"/?q=Baghdad".to_string()), "{removed:?}");

    // The article page marks its people, organisations, countries and dates.
    let blinken = articles
        .iter()
        .find(|href| {
            server
                .page(href)
                .1
                .contains("Blinken makes unannounced Baghdad stop")
        })
        .expect("the Baghdad visit among the results");
    let (status, article) = server.page(blinken);
    assert_eq!(status, 200);
    assert!(article.contains(r#"data-source="dateline""#), "{article}");
    for (class, href) in [
        ("person", "/people/Antony%20Blinken"),
        ("person", "/people/Mohammed%20Shia%20al-Sudani"),
        ("country", "/countries/IQ"),
        ("date", "/?mentions=2023-10-23"),
    ] {
        assert!(
            links(&article, class).contains(&href.to_string()),
            "{class} {href} not marked in {article}"
        );
    }

    // The person page: timeline, people seen with them, recent articles.
    let (status, person) = server.page("/people/Antony%20Blinken");
    assert_eq!(status, 200);
    assert!(
        person.contains("<h1><bdi>Antony Blinken</bdi></h1>"),
        "{person}"
    );
    for part in [r#"id="timeline""#, r#"id="related""#, r#"id="recent""#] {
        assert!(person.contains(part), "{part} missing from {person}");
    }
    assert!(links(&person, "title").contains(blinken));
    let (_, by_flag) = server.page("/?person=Antony+Blinken");
    assert!(person.contains(&format!("All {} articles", total_shown(&by_flag))));
    // A country by code, name or demonym.
    for path in ["/countries/IQ", "/countries/iraq", "/countries/Iraqi"] {
        let (status, page) = server.page(path);
        assert_eq!(status, 200, "{path}");
        assert!(page.contains("<h1><bdi>Iraq</bdi></h1>"), "{path}: {page}");
    }
}

#[test]
fn the_timeline_and_paging_are_links_to_narrower_searches() {
    let f = fixture();
    let server = Server::start(&f.index);
    let (_, page) = server.page("/?limit=5");
    assert_eq!(total_shown(&page), 37);
    let next: Vec<String> = page
        .split(r#"rel="next" href=""#)
        .skip(1)
        .map(|rest| rest[..rest.find('"').expect("href ends")].replace("&amp;", "&"))
        .collect();
    assert_eq!(next, ["/?limit=5&offset=5"], "{page}");
    let (_, second) = server.page(&next[0]);
    assert!(
        second.contains(r#"<p id="summary">6–10 of 37 articles</p>"#),
        "{second}"
    );
    assert!(
        second.contains(r#"rel="prev" href="/?limit=5""#),
        "{second}"
    );

    let bars = links(&page, "bar");
    assert!(bars.len() > 1, "{page}");
    for bar in bars {
        let (status, narrowed) = server.page(&bar);
        assert_eq!(status, 200, "{bar}");
        let month = bar.rsplit("to=").next().expect("a to date");
        assert!(total_shown(&narrowed) >= 1, "{bar}");
        let (_, api) = server.get(&format!("/api/v1/search?on={month}"));
        assert_eq!(
            total_shown(&narrowed),
            api["total"].as_u64().unwrap_or(0),
            "{bar}"
        );
    }
}

#[test]
fn the_search_page_explains_bad_input_and_drops_empty_fields() {
    let f = fixture();
    let server = Server::start(&f.index);
    let (status, page) = server.page("/?q=ceasefire&from=2023-13");
    assert_eq!(status, 400);
    assert!(
        page.contains("expected YYYY, YYYY-MM or YYYY-MM-DD"),
        "{page}"
    );
    assert!(
        page.contains(r#"value="2023-13""#),
        "the form keeps what was typed"
    );

    let answer = server.raw(
        "GET /?q=ceasefire&person=&sort=&exact= HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    );
    assert!(answer.starts_with("HTTP/1.1 303"), "{answer}");
    assert!(
        answer
            .to_ascii_lowercase()
            .contains("location: /?q=ceasefire\r\n"),
        "{answer}"
    );

    let (_, typo) = server.page("/?q=ceasfire");
    assert!(typo.contains("Did you mean"), "{typo}");
    assert!(
        links(&typo, "").is_empty() || typo.contains(r#"href="/?q=ceasefire""#),
        "{typo}"
    );
}

/// The tags of `html`: the text between each `<` and the next `>`.
fn tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .filter_map(|rest| rest.find('>').map(|end| &rest[..end]))
        .collect()
}

#[test]
fn hostile_article_text_never_reaches_the_page_as_markup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    let index = dir.path().join("index");
    write_articles(
        &corpus,
        &[
            (
                "2024/03/hostile.md",
                "---\ntitle: \"<script>alert('title')</script> Gallery \u{202E}gpj.exe\"\nurl: \"javascript:alert('url')\"\nauthor: \"<img src=x onerror=alert('author')>\"\ndate: 2024-03-04\n---\n\
                 The gallery in Lisbon, Portugal, reopened. <script>alert('body')</script>\n\n\
                 Curator Ana <b onmouseover=\"alert('b')\">Ferreira</b> said \"><svg onload=alert('svg')> \
                 and <a href=\"javascript:alert('link')\">click here</a> \u{2066}hidden\u{2069}.\n\n\
                 Ana Ferreira thanked Lisbon's mayor.\n",
            ),
            (
                "2024/03/plain.txt",
                "Lisbon gallery <script>alert('t')</script> reopens\n\nLISBON, March 5 - Ana Ferreira opened the gallery in Portugal again. \
                 <script>alert('txt')</script> <img src=x onerror=alert('img')> \
                 <a href=\"javascript:alert('a')\" onclick=\"alert('c')\">Ana Ferreira</a>\n",
            ),
        ],
    );
    index_into(&index, &corpus);
    let server = Server::start(&index);
    let (_, results) = server.page("/?q=gallery");
    let ids = links(&results, "title");
    assert_eq!(ids.len(), 2, "{results}");
    let id = ids
        .iter()
        .find(|href| server.page(href).1.contains("Gallery"))
        .expect("the hostile article is found");
    let plain = ids.iter().find(|href| *href != id).expect("the text file");
    let pages = [
        results.clone(),
        server.page(id).1,
        server.page(plain).1,
        server.page("/people/Ana%20Ferreira").1,
        server.page("/?q=%3Cscript%3Ealert(1)%3C/script%3E").1,
        server
            .page("/?person=%22%3E%3Cscript%3Ealert(1)%3C/script%3E")
            .1,
    ];
    for page in &pages {
        for tag in tags(page) {
            let name = tag.split([' ', '>']).next().unwrap_or("");
            assert!(
                !["script", "img", "b", "iframe", "object", "embed"].contains(&name)
                    || tag.starts_with(r#"script src="/assets/morgue.js"#),
                "<{tag}> reached the page: {page}"
            );
            for attribute in [
                " onerror=",
                " onload=",
                " onmouseover=",
                " onclick=",
                "=\"javascript:",
            ] {
                assert!(!tag.contains(attribute), "{attribute} in <{tag}>: {page}");
            }
        }
        for control in ['\u{202E}', '\u{2066}', '\u{2069}'] {
            assert!(!page.contains(control), "{control:?} reached the page");
        }
    }
    let article = &pages[1];
    assert!(
        article.contains("&lt;img src=x onerror=alert('author')&gt;"),
        "{article}"
    );
    assert!(
        article.contains("javascript:alert('url')"),
        "the address is shown as text"
    );
    let plain = &pages[2];
    assert!(
        plain.contains(
            "&lt;script&gt;alert('txt')&lt;/script&gt; &lt;img src=x onerror=alert('img')&gt;"
        ),
        "{plain}"
    );
    // The only scripts are the server's own file.
    assert_eq!(article.matches("<script").count(), 1, "{article}");
    assert!(article.contains(r#"<script src="/assets/morgue.js?v="#));
}

#[test]
fn the_page_assets_are_in_the_binary() {
    let f = fixture();
    let server = Server::start(&f.index);
    let (_, home) = server.page("/");
    for (tag, kind) in [
        ("href=\"/assets/morgue.css", "text/css"),
        ("src=\"/assets/morgue.js", "text/javascript"),
    ] {
        let start = home.find(tag).unwrap_or_else(|| panic!("{tag} in {home}"))
            + tag.find('/').expect("a path");
        let address = &home[start..start + home[start..].find('"').expect("ends")];
        let (status, headers, body) = server.page_with_headers(address);
        assert_eq!(status, 200, "{address}");
        let content_type = headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        assert!(content_type.starts_with(kind), "{address}: {content_type}");
        assert!(body.len() > 500, "{address}");
    }
}

#[cfg(unix)]
#[test]
fn open_hands_the_page_address_to_the_desktop() {
    use std::os::unix::fs::PermissionsExt;
    let f = fixture();
    let bin = tempfile::tempdir().expect("temp dir");
    let record = bin.path().join("opened");
    // A stand-in for the desktop's opener that writes down what it was asked to open.
    let opener = bin.path().join("xdg-open");
    std::fs::write(
        &opener,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", record.display()),
    )
    .expect("write opener");
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("morgue"))
        .args(["serve", "--bind", "127.0.0.1:0", "--open"])
        .env("MORGUE_INDEX", &f.index)
        .env("PATH", path)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start morgue serve");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("piped stdout"))
        .read_line(&mut line)
        .expect("read the address line");
    let deadline = Instant::now() + Duration::from_secs(20);
    let opened = loop {
        match std::fs::read_to_string(&record) {
            Ok(text) if !text.is_empty() => break text,
            _ if Instant::now() > deadline => panic!("no browser was opened; stdout: {line}"),
            _ => std::thread::sleep(Duration::from_millis(50)),
        }
    };
    let _ = child.kill();
    let _ = child.wait();
    assert!(opened.starts_with("http://127.0.0.1:"), "{opened}");
    assert!(opened.ends_with('/'), "{opened}");
    assert!(line.contains(&opened), "{line} does not name {opened}");
}

#[test]
fn list_pages_rank_what_the_api_lists() {
    let f = fixture();
    let server = Server::start(&f.index);
    for (page, api, class) in [
        ("/people", "/api/v1/people?limit=100", "person"),
        (
            "/orgs?q=talks",
            "/api/v1/orgs?q=talks&limit=100",
            "organisation",
        ),
        (
            "/countries?from=2024",
            "/api/v1/countries?from=2024&limit=100",
            "country",
        ),
    ] {
        let (status, html) = server.page(page);
        assert_eq!(status, 200, "{page}: {html}");
        let (_, listed) = server.get(api);
        let plural = api[8..].split(['?', '/']).next().expect("a list name");
        let items = listed[plural].as_array().expect("a list");
        assert!(!items.is_empty(), "{api}");
        let pages: Vec<String> = html
            .split("<tr><td>")
            .skip(1)
            .filter_map(|row| links(row, class).into_iter().next())
            .collect();
        assert_eq!(pages.len(), items.len(), "{page}: {html}");
        // Same order as the API: the first rows link to the first values.
        let first = items[0]["code"]
            .as_str()
            .or(items[0]["name"].as_str())
            .expect("a value");
        assert!(
            pages[0].ends_with(&first.replace(' ', "%20")),
            "{} vs {first}",
            pages[0]
        );
    }
    let (_, search) = server.page("/?q=minister");
    let all = links(&search, "all");
    assert!(all.contains(&"/people?q=minister".to_string()), "{all:?}");
}
