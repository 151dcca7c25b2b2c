//! `morgue extract` and `morgue index --extracted`: the streaming filter keeps
//! input order and survives bad lines, and an index built from its output
//! answers every query as `morgue index` of the same articles does.

mod common;

use common::*;
use std::path::Path;

use serde_json::{Value, json};

/// Runs `morgue extract` on `input` (stdin) and returns its exit code, output
/// lines and stderr.
fn extract(input: &str, args: &[&str]) -> (i32, Vec<Value>, String) {
    let output = morgue(Path::new("unused"))
        .arg("extract")
        .args(args)
        .write_stdin(input)
        .output()
        .expect("run morgue extract");
    let lines = String::from_utf8(output.stdout)
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    (
        output.status.code().unwrap_or(-1),
        lines,
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn output_keeps_input_order_across_batches() {
    // More lines than one batch (1,000), so that batches are extracted in
    // parallel and written one after the other.
    let input: String = (0..2500)
        .map(|i| {
            json!({"id": format!("n{i}"), "title": format!("Item {i}"), "body": format!("Markets rose {i} points in Paris on Monday.")})
                .to_string()
                + "\n"
        })
        .collect();
    let (code, lines, _) = extract(&input, &["--threads", "2"]);
    assert_eq!(code, 0);
    assert_eq!(lines.len(), 2500);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["id"], format!("n{i}"), "line {i}");
        assert_eq!(line["line"], i + 1);
        assert_eq!(line["title"], format!("Item {i}"));
    }
    assert_eq!(lines[7]["countries"], json!(["FR"]));
}

#[test]
fn a_bad_line_gives_an_error_line_and_the_stream_goes_on() {
    let input = [
        r#"{"id": "a", "title": "First", "body": "BAGHDAD, Nov. 5 - Talks in Baghdad on Sunday.", "date": "2023-11-05"}"#,
        r#"{"id": "b", "title": "Broken", "body": "#,
        "",
        r#"{"id": "c", "author": "Nobody"}"#,
        r#"["not", "an", "object"]"#,
        r#"{"id": "d", "headline": "Last", "text": "Trade talks resumed in Berlin."}"#,
    ]
    .join("\n");
    let (code, lines, stderr) = extract(&input, &[]);
    assert_eq!(code, 0, "error lines are output, not failures: {stderr}");
    let shape: Vec<(Value, Value, bool)> = lines
        .iter()
        .map(|l| (l["line"].clone(), l["id"].clone(), l.get("error").is_some()))
        .collect();
    assert_eq!(
        shape,
        vec![
            (json!(1), json!("a"), false),
            (json!(2), Value::Null, true),
            (json!(4), json!("c"), true),
            (json!(5), Value::Null, true),
            (json!(6), json!("d"), false),
        ]
    );
    assert_eq!(lines[1]["version"], 1);
    let message = lines[1]["error"]["message"].as_str().unwrap_or_default();
    assert!(message.starts_with("invalid JSON at column"), "{message}");
    assert!(
        lines[2]["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("not an article object"))
    );
    assert!(stderr.contains("3 of 5 lines"), "{stderr}");
    assert_eq!(lines[0]["published"], "2023-11-05");
    assert_eq!(lines[0]["countries"], json!(["IQ"]));
    assert_eq!(lines[0]["about"], json!(["IQ"]));
    assert_eq!(lines[4]["title"], "Last");

    let (code, lines, _) = extract(&input, &["--strict"]);
    assert_eq!(code, 2, "--strict fails on error lines");
    assert_eq!(lines.len(), 5, "after writing every line");
}

#[test]
fn an_output_line_is_the_documented_contract() {
    let input = json!({
        "id": "w-1",
        "path": "wires/2023/11/05/blinken.json",
        "headline": "Blinken in Baghdad",
        "text": "<p>BAGHDAD, Nov. 5 (Morgue Wire) - U.S. Secretary of State Antony Blinken met Iraqi Prime Minister Mohammed Shia al-Sudani on Sunday. Blinken said the Pentagon would respond.</p>",
        "author": "By Ana Ruiz",
        "source": "Morgue Wire",
        "url": "https://example.com/b",
        "tags": ["iraq", "diplomacy"],
    })
    .to_string();
    let (code, lines, _) = extract(&input, &[]);
    assert_eq!(code, 0);
    let line = &lines[0];
    let keys: Vec<&str> = line
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "version",
            "line",
            "id",
            "path",
            "format",
            "title",
            "body",
            "published",
            "published_month",
            "published_partial",
            "date_source",
            "author",
            "source",
            "url",
            "tags",
            "language",
            "content_hash",
            "extractor_version",
            "people",
            "orgs",
            "countries",
            "about",
            "dates",
            "entities",
            "warnings"
        ]
    );
    assert_eq!(line["version"], 1);
    assert_eq!(line["path"], "wires/2023/11/05/blinken.json");
    // The HTML is cleaned as `morgue index` cleans a JSON field.
    assert!(
        line["body"]
            .as_str()
            .is_some_and(|b| b.starts_with("BAGHDAD") && !b.contains("<p>"))
    );
    assert_eq!(line["published"], "2023-11-05");
    assert_eq!(line["published_month"], "2023-11");
    assert_eq!(line["author"], "Ana Ruiz");
    assert_eq!(line["language"], "en");
    assert_eq!(
        line["people"],
        json!(["Antony Blinken", "Mohammed Shia al-Sudani"])
    );
    assert_eq!(line["countries"], json!(["IQ", "US"]));
    assert_eq!(line["dates"], json!(["2023-11-05"]));
    assert_eq!(line["entities"]["people"][0]["written"], "Antony Blinken");
    assert_eq!(line["entities"]["dates"][0]["text"], "Nov. 5");
}

/// Wire stories written for this test: a president named in full in one story
/// and by surname in the others, two Bakers told apart by their offices,
/// datelines without a year (the path gives it), an organisation, and dates.
const WIRES: &[(&str, &str)] = &[
    (
        "Baker says dollar decline has gone far enough",
        "WASHINGTON, March 2 - U.S. Treasury Secretary James Baker said on Monday the dollar had fallen far enough against the yen. Baker told reporters the Treasury would work with Japan.",
    ),
    (
        "TREASURY'S BAKER SAYS U.S. WANTS STABLE DOLLAR",
        "Blah blah blah.",
    ),
    (
        "New chief of staff takes over at the White House",
        "WASHINGTON, March 5 - White House Chief of Staff Howard Baker met congressional leaders on Thursday. President Ronald Reagan said Baker had his full confidence.",
    ),
    (
        "Reagan vows to veto tax rises",
        "WASHINGTON, March 7 - President Reagan said on Saturday he would veto any bill that raised income taxes, and told Congress to cut spending.",
    ),
    (
        "REAGAN SAYS HE WILL COOPERATE WITH INQUIRY",
        "Blah blah blah.",
    ),
    (
        "OPEC ministers to meet in Vienna",
        "VIENNA, March 9 - OPEC oil ministers will meet in Vienna on March 23 to review output quotas, Saudi Oil Minister Hisham Nazer said. The Organization of Petroleum Exporting Countries agreed in December 1986 to cut production.",
    ),
    (
        "Soviet grain purchases rise",
        "MOSCOW, March 10 - The Soviet Union bought more U.S. wheat last month, Agriculture Secretary Richard Lyng said in Washington, adding that Moscow wanted corn too.",
    ),
];

/// One JSON Lines file of the wires above, the sample corpus's briefs and its
/// text articles, each line with the `path` that `morgue index` shows for the
/// file itself (`FEED`), so that both indexes show the same paths.
const FEED: &str = "feed/1987/03/wires.jsonl";

fn feed_lines() -> Vec<String> {
    let mut lines: Vec<String> = WIRES
        .iter()
        .map(|(title, body)| json!({"title": title, "body": body}).to_string())
        .collect();
    // Metadata, and a metadata date that is not a date (the dateline wins).
    lines[0] = json!({
        "headline": WIRES[0].0,
        "text": WIRES[0].1,
        "author": "By Ana Ruiz",
        "source": "Morgue Wire",
        "tags": ["fx", "dollar"],
        "url": "https://example.com/baker",
        "date": "1987-02-30",
    })
    .to_string();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    for file in ["wires/briefs-2023.jsonl", "wires/briefs-2024.jsonl"] {
        let text = std::fs::read_to_string(corpus.join(file)).expect("sample briefs");
        lines.extend(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string),
        );
    }
    for file in [
        "2023/11/blinken-baghdad-visit.txt",
        "2024/01/davos-zelensky-blinken.txt",
        "2023/10/south-africa-rugby-world-cup.txt",
        "wires/london-wage-growth.txt",
    ] {
        let text = std::fs::read_to_string(corpus.join(file)).expect("sample article");
        let (title, body) = text.split_once('\n').expect("a title line");
        lines.push(json!({"title": title, "body": body}).to_string());
    }
    // Every line says where `morgue index` will show it; ids are left to
    // `morgue extract`, which derives them.
    lines
        .into_iter()
        .map(|line| {
            let mut object: Value = serde_json::from_str(&line).expect("JSON line");
            object["path"] = json!(FEED);
            object.to_string()
        })
        .collect()
}

/// Runs a command that must exit 0 or 1, and returns its JSON output with every
/// `id` removed (ids differ: `morgue index` derives them from the file).
fn answer(index: &Path, args: &[&str]) -> Value {
    let output = morgue(index).args(args).output().expect("run morgue");
    assert!(
        output.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut value: Value = serde_json::from_slice(&output.stdout).expect("JSON output");
    drop_ids(&mut value);
    value
}

fn drop_ids(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.remove("id");
            map.values_mut().for_each(drop_ids);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_ids),
        _ => {}
    }
}

#[test]
fn an_index_of_extract_output_answers_as_an_index_of_the_articles() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lines = feed_lines();
    let feed = dir.path().join(FEED);
    std::fs::create_dir_all(feed.parent().expect("a folder")).expect("mkdir");
    std::fs::write(&feed, lines.join("\n") + "\n").expect("write feed");

    // `morgue index` of the .jsonl file (it ignores the `path` field).
    let direct = dir.path().join("direct");
    let output = morgue(&direct)
        .current_dir(dir.path())
        .args(["index", "--quiet", "feed"])
        .output()
        .expect("run morgue index");
    assert!(output.status.success());

    // `morgue extract` of the same file, its output indexed without extracting.
    let extracted = dir.path().join("extracted.jsonl");
    let output = morgue(&direct)
        .args(["extract"])
        .arg(&feed)
        .output()
        .expect("run morgue extract");
    assert!(output.status.success());
    std::fs::write(&extracted, &output.stdout).expect("write extract output");
    let shard = dir.path().join("shard");
    let output = morgue(&shard)
        .args(["index", "--json", "--extracted", "-"])
        .pipe_stdin(&extracted)
        .expect("stdin from the file")
        .output()
        .expect("run morgue index --extracted");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    assert_eq!(report["articles_indexed"], lines.len());
    assert_eq!(report["lines_skipped"], 0);

    let questions: &[&[&str]] = &[
        &["search", "--json", "--limit", "100"],
        &["search", "dollar", "--json", "--facets"],
        &["search", "talks", "--json", "--limit", "100"],
        &["search", "\"prime minister\"", "--json"],
        &["search", "--person", "Reagan", "--json"],
        &["search", "--person", "Ronald Reagan", "--json"],
        &["search", "--person", "Baker", "--json", "--facets"],
        &["search", "--person", "Blinken", "--json"],
        &["search", "--org", "OPEC", "--json"],
        &["search", "--country", "SU", "--json"],
        &["search", "--about", "US", "--json", "--limit", "100"],
        &[
            "search",
            "--from",
            "1987-03-04",
            "--to",
            "1987-03-31",
            "--json",
        ],
        &["search", "--mentions", "1987-03", "--json"],
        &["search", "--on", "2023", "--json", "--sort", "oldest"],
        &["people", "--json", "--limit", "1000"],
        &["people", "--country", "US", "--json"],
        &["orgs", "--json", "--limit", "1000"],
        &["countries", "--json", "--limit", "1000"],
        &["timeline", "--json", "--by", "month"],
        &["timeline", "--json", "--by", "year", "--person", "Reagan"],
        &[
            "related",
            "--person",
            "Reagan",
            "--min-count",
            "1",
            "--json",
        ],
        &["show", FEED, "--json"],
    ];
    for question in questions {
        let want = answer(&direct, question);
        let got = answer(&shard, question);
        assert_eq!(got, want, "morgue {}", question.join(" "));
    }
    // The questions are not vacuous: the archive-wide people are there.
    let people = answer(&direct, &["people", "--json", "--limit", "1000"]);
    let names: Vec<&str> = people["people"]
        .as_array()
        .map(|p| p.iter().filter_map(|p| p["name"].as_str()).collect())
        .unwrap_or_default();
    for name in [
        "Ronald Reagan",
        "James Baker",
        "Richard Lyng",
        "Antony Blinken",
    ] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    let reagan = answer(&direct, &["search", "--person", "Ronald Reagan", "--json"]);
    assert!(reagan["total"].as_u64().is_some_and(|n| n >= 3), "{reagan}");

    // The same output again replaces each article by its id: nothing doubles.
    let output = morgue(&shard)
        .args(["index", "--json", "--extracted"])
        .arg(&extracted)
        .output()
        .expect("run morgue index --extracted again");
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    assert_eq!(report["articles_added"], 0);
    assert_eq!(report["articles_replaced"], lines.len());
    assert_eq!(report["articles_total"], lines.len());
    let again = answer(&shard, &["people", "--json", "--limit", "1000"]);
    assert_eq!(again, people);
}

#[test]
fn index_extracted_skips_error_lines_and_lines_of_another_kind() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = [
        r#"{"id": "a", "title": "Talks in Berlin", "body": "Trade talks resumed in Berlin on Monday."}"#,
        r#"{"id": "b", "body": "#,
        r#"{"id": "c", "title": "Talks in Rome", "body": "Trade talks resumed in Rome."}"#,
    ]
    .join("\n");
    let (_, lines, _) = extract(&input, &[]);
    let mut text: String = lines.iter().map(|l| l.to_string() + "\n").collect();
    text.push_str("{\"title\": \"an article, not extract output\"}\n");
    let mut other = lines[0].clone();
    other["version"] = json!(99);
    other["id"] = json!("z");
    text.push_str(&(other.to_string() + "\n"));

    let index = dir.path().join("index");
    let output = morgue(&index)
        .args(["index", "--json", "--extracted", "-"])
        .write_stdin(text.clone())
        .output()
        .expect("run morgue index --extracted");
    assert_eq!(output.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    assert_eq!(report["articles_indexed"], 2);
    assert_eq!(report["lines_skipped"], 3);
    let skipped: Vec<(u64, String)> = report["skipped"]
        .as_array()
        .expect("skipped lines")
        .iter()
        .map(|s| {
            (
                s["line"].as_u64().unwrap_or(0),
                s["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(skipped[0].0, 2);
    assert!(skipped[0].1.contains("gave no article"), "{}", skipped[0].1);
    assert_eq!(skipped[1].0, 4);
    assert!(
        skipped[1]
            .1
            .contains("not a line of `morgue extract` output")
    );
    assert_eq!(skipped[2].0, 5);
    assert!(skipped[2].1.contains("version 99"), "{}", skipped[2].1);

    let show = answer(&index, &["search", "talks", "--json"]);
    assert_eq!(show["total"], 2);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 2"), "{stderr}");

    let output = morgue(&index)
        .args(["index", "--quiet", "--strict", "--extracted", "-"])
        .write_stdin(text)
        .output()
        .expect("run morgue index --extracted --strict");
    assert_eq!(
        output.status.code(),
        Some(2),
        "--strict fails on skipped lines"
    );
}

#[test]
fn index_extracted_takes_no_folders() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = morgue(&dir.path().join("index"))
        .args(["index", "corpus", "--extracted", "-"])
        .output()
        .expect("run morgue index");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot be used with"));
}

/// The `morgue extract` input line that carries a whole file.
fn file_line(path: &str, bytes: &[u8]) -> String {
    use base64::Engine as _;
    json!({
        "path": path,
        "file_base64": base64::engine::general_purpose::STANDARD.encode(bytes),
    })
    .to_string()
}

#[test]
fn a_line_carrying_a_file_gives_what_morgue_index_reads_in_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
        &corpus,
    );
    let direct = dir.path().join("direct");
    let output = morgue(&direct)
        .current_dir(dir.path())
        .args(["index", "--quiet", "corpus"])
        .output()
        .expect("run morgue index");
    assert!(output.status.success());

    // Every file of the sample archive (text, Markdown, HTML, JSON, JSON Lines
    // and a broken JSON file), sent as a line with the path morgue index shows.
    let mut files = Vec::new();
    let mut stack = vec![corpus.clone()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).expect("read dir") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    let input: String = files
        .iter()
        .map(|path| {
            let shown = path.strip_prefix(dir.path()).expect("under the dir");
            let bytes = std::fs::read(path).expect("read file");
            file_line(&shown.display().to_string(), &bytes) + "\n"
        })
        .collect();
    let (code, lines, _) = extract(&input, &[]);
    assert_eq!(code, 0);
    let errors: Vec<&Value> = lines.iter().filter(|l| l.get("error").is_some()).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let message = errors[0]["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("corpus/broken/unterminated.json: invalid JSON at line 3"),
        "{message}"
    );
    // A JSON Lines file gives each record, with its line in the file.
    let wires: Vec<&Value> = lines
        .iter()
        .filter(|l| l["path"] == "corpus/wires/briefs-2023.jsonl")
        .collect();
    assert!(wires.len() > 1);
    assert!(wires.iter().all(|l| l["format"] == "jsonl"));
    assert_eq!(wires[0]["line"], 1);
    let html = lines
        .iter()
        .find(|l| l["path"] == "corpus/2023/03/saudi-iran-restore-ties.html")
        .expect("the HTML page");
    assert_eq!(html["format"], "html");
    // Distinct ids, so that index --extracted keeps every article.
    let articles: Vec<&Value> = lines.iter().filter(|l| l.get("error").is_none()).collect();
    let mut ids: Vec<&str> = articles.iter().filter_map(|l| l["id"].as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), articles.len());

    let extracted = dir.path().join("extracted.jsonl");
    let text: String = lines.iter().map(|l| l.to_string() + "\n").collect();
    std::fs::write(&extracted, text).expect("write extract output");
    let shard = dir.path().join("shard");
    let output = morgue(&shard)
        .args(["index", "--quiet", "--extracted"])
        .arg(&extracted)
        .output()
        .expect("run morgue index --extracted");
    assert!(output.status.success());
    for question in [
        &["search", "--json", "--limit", "100"][..],
        &["search", "--person", "Blinken", "--json"],
        &["search", "--on", "2024", "--json", "--sort", "oldest"],
        &["people", "--json", "--limit", "1000"],
        &["orgs", "--json", "--limit", "1000"],
        &["countries", "--json", "--limit", "1000"],
        &["timeline", "--json", "--by", "month"],
        &["show", "corpus/2023/11/blinken-baghdad-visit.txt", "--json"],
    ] {
        assert_eq!(
            answer(&shard, question),
            answer(&direct, question),
            "morgue {}",
            question.join(" ")
        );
    }
    // Formats and date sources too: `stats` but for the index's own path and size.
    let stats = |index: &Path| {
        let mut value = answer(index, &["stats", "--json"]);
        for key in ["index", "size_bytes"] {
            value.as_object_mut().expect("an object").remove(key);
        }
        value
    };
    assert_eq!(stats(&shard), stats(&direct));
}
