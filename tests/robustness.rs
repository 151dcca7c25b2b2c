//! Bad input, concurrency and crashes: the ingester never panics, never loses
//! good documents, gives every skipped file a reason, and leaves an index that
//! opens after being killed.

mod common;

use common::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use serde_json::Value;

fn index_json(index: &Path, args: &[&str]) -> (i32, Value) {
    let output = morgue(index)
        .arg("index")
        .args(args)
        .arg("--json")
        .output()
        .expect("run index");
    let code = output.status.code().unwrap_or(-1);
    // Without a report, what the run said instead, so a failing assertion shows it.
    let json = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&output.stderr).into_owned()));
    (code, json)
}

fn article(title: &str, body: &str) -> String {
    format!("{title}\n\n{body}\n")
}

fn skip_reason<'a>(report: &'a Value, file: &str) -> Option<&'a str> {
    report["skipped"].as_array()?.iter().find_map(|s| {
        let path = s["path"].as_str()?;
        path.ends_with(file)
            .then(|| s["reason"].as_str().unwrap_or(""))
    })
}

fn search_total(index: &Path, args: &[&str]) -> u64 {
    let output = morgue(index)
        .arg("search")
        .args(args)
        .arg("--json")
        .output()
        .expect("run search");
    let json: Value = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    json["total"].as_u64().unwrap_or(0)
}

/// Every kind of bad file the ingester meets in real folders, next to good ones.
fn write_bad_corpus(root: &Path) {
    let w = |name: &str, bytes: &[u8]| {
        let path = root.join(name);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, bytes).expect("write");
    };
    w(
        "good.txt",
        article(
            "Harbour reopens",
            "The harbour reopened on Tuesday after repairs.",
        )
        .as_bytes(),
    );
    // Windows-1252: curly quotes 0x93/0x94 and é as 0xE9.
    w(
        "latin1.txt",
        b"Caf\xe9 owners protest\n\nOwners of a caf\xe9 said \x93enough\x94 about rents.\n",
    );
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Tide tables\n\nThe tide tables changed.".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    w("utf16.txt", &utf16);
    w("binary.txt", b"\x00\x01\x02\x03PK\x00\x00binary junk\x00");
    w("empty.txt", b"");
    w("blank.md", b"   \n\n\t \n");
    w(
        "huge.txt",
        article("Too big", &"word ".repeat(2000)).as_bytes(),
    );
    w(
        "long-line.txt",
        format!("Long line\n\n{}\n", "lighthouse ".repeat(500)).as_bytes(),
    );
    w(
        "bad-yaml.md",
        b"---\ntitle: [unclosed\n---\nBody text about a bridge.\n",
    );
    w(
        "list-yaml.md",
        b"---\n- one\n- two\n---\nBody text about a tunnel.\n",
    );
    w(
        "bad-date.md",
        b"---\ntitle: Ferry timetable\ndate: 2023-02-30\n---\nThe ferry timetable changed.\n",
    );
    w(
        "truncated.json",
        b"{\"title\": \"Cut short\", \"body\": \"The text stops",
    );
    w("mixed.jsonl", b"{\"title\": \"First brief\", \"body\": \"Gondola line opens.\"}\n{\"title\": oops}\n{\"title\": \"Third brief\", \"body\": \"Gondola fares fall.\"}\n");
    w("furniture.html", b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav><footer>(c) 2024</footer></body></html>");
    w("lying.txt", b"<!DOCTYPE html><html><head><title>Canal dredging | Site</title></head><body><article><h1>Canal dredging</h1><p>Dredging of the canal began on Monday and will last a month, officials said.</p><p>Barges will be diverted during the works, which are the first in a decade.</p></article></body></html>");
    let mut deep = root.to_path_buf();
    for i in 0..40 {
        deep.push(format!("d{i}"));
    }
    fs::create_dir_all(&deep).expect("deep dirs");
    fs::write(
        deep.join("deep.txt"),
        article("Deep file", "A funicular railway was restored."),
    )
    .expect("write");
    fs::write(
        root.join(".hidden.txt"),
        article("Hidden", "Should never be indexed: zeppelin."),
    )
    .expect("write");
    fs::write(root.join("photo.jpg"), b"\xff\xd8\xff not an article").expect("write");
}

#[test]
fn bad_files_are_reported_and_good_ones_indexed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("news");
    write_bad_corpus(&root);
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9-name.txt");
        fs::write(root.join(name), article("Odd name", "A monorail opened.")).expect("write");
        std::os::unix::fs::symlink(&root, root.join("loop")).expect("symlink");
    }
    let index = dir.path().join("index");
    let (code, report) = index_json(
        &index,
        &[root.to_str().expect("utf-8"), "--max-file-size", "8KB"],
    );
    assert_eq!(code, 0, "{report}");

    let expected_skips: &[(&str, &str)] = &[
        ("binary.txt", "binary"),
        ("empty.txt", "empty"),
        ("blank.md", "empty"),
        ("huge.txt", "--max-file-size"),
        ("truncated.json", "JSON"),
        ("furniture.html", "no article text"),
    ];
    for (file, fragment) in expected_skips {
        let reason =
            skip_reason(&report, file).unwrap_or_else(|| panic!("{file} not skipped: {report}"));
        assert!(reason.contains(fragment), "{file}: {reason}");
        assert!(!reason.contains('\n'), "one-line reason for {file}");
    }
    #[cfg(unix)]
    assert!(
        skip_reason(&report, "loop").is_some_and(|r| r.contains("loop")),
        "{report}"
    );

    // good, latin1, utf16, long-line, bad-date, bad-yaml, list-yaml, lying, deep, odd
    // name: one article each; mixed.jsonl: two.
    let expected_articles = if cfg!(unix) { 12 } else { 11 };
    assert_eq!(report["articles_indexed"], expected_articles, "{report}");
    assert_eq!(report["files_ignored"], 1, "photo.jpg: {report}");

    let warnings = report["warnings"].as_array().expect("warnings");
    assert!(
        warnings
            .iter()
            .any(|w| w["path"].as_str().unwrap_or("").ends_with("mixed.jsonl") && w["line"] == 2),
        "{report}"
    );
    // Broken front matter costs a warning, not the article.
    for (file, fragment) in [
        ("bad-yaml.md", "malformed YAML front matter"),
        ("list-yaml.md", "not a YAML mapping"),
    ] {
        assert!(skip_reason(&report, file).is_none(), "{file}: {report}");
        assert!(
            warnings.iter().any(|w| {
                w["path"].as_str().unwrap_or("").ends_with(file)
                    && w["message"].as_str().unwrap_or("").contains(fragment)
            }),
            "{file}: {report}"
        );
    }
    assert!(
        warnings.iter().any(
            |w| w["path"].as_str().unwrap_or("").ends_with("bad-date.md")
                && w["message"].as_str().unwrap_or("").contains("2023-02-30")
        ),
        "{report}"
    );

    for word in [
        "harbour",
        "café",
        "tide",
        "lighthouse",
        "ferry",
        "gondola",
        "dredging",
        "funicular",
        "bridge",
        "tunnel",
    ] {
        assert!(search_total(&index, &[word]) >= 1, "{word} should be found");
    }
    assert_eq!(search_total(&index, &["gondola"]), 2);
    assert_eq!(
        search_total(&index, &["zeppelin"]),
        0,
        "hidden files are not indexed"
    );
    assert_eq!(search_total(&index, &["Menu"]), 0);
}

#[cfg(unix)]
#[test]
fn unreadable_files_are_skipped_with_a_reason() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("news");
    fs::create_dir_all(&root).expect("mkdir");
    fs::write(
        root.join("ok.txt"),
        article("Readable", "A readable file about kayaks."),
    )
    .expect("write");
    let locked = root.join("locked.txt");
    fs::write(&locked, article("Locked", "Secret canoes.")).expect("write");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
    if fs::read(&locked).is_ok() {
        eprintln!(
            "skipped: running as a user who can read mode-000 files (root), so permissions cannot be tested"
        );
        return;
    }
    let (code, report) = index_json(&dir.path().join("index"), &[root.to_str().expect("utf-8")]);
    assert_eq!(code, 0);
    assert_eq!(
        skip_reason(&report, "locked.txt"),
        Some("cannot read: permission denied")
    );
    assert_eq!(report["articles_indexed"], 1);
}

#[test]
fn reindexing_picks_up_changes_and_removals() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("news");
    fs::create_dir_all(&root).expect("mkdir");
    for i in 0..5 {
        fs::write(
            root.join(format!("a{i}.txt")),
            article(
                &format!("Story {i}"),
                &format!("Body number{i} about trams."),
            ),
        )
        .expect("write");
    }
    let index = dir.path().join("index");
    let root_arg = root.to_str().expect("utf-8");
    let (_, first) = index_json(&index, &[root_arg]);
    assert_eq!(
        (
            first["files_added"].as_u64(),
            first["articles_total"].as_u64()
        ),
        (Some(5), Some(5))
    );

    let (_, again) = index_json(&index, &[root_arg]);
    assert_eq!(again["files_unchanged"], 5, "{again}");
    assert_eq!(again["articles_indexed"], 0, "{again}");

    std::thread::sleep(Duration::from_millis(20));
    fs::write(
        root.join("a1.txt"),
        article("Story 1 revised", "Body about buses now."),
    )
    .expect("write");
    fs::remove_file(root.join("a2.txt")).expect("remove");
    fs::write(
        root.join("a5.txt"),
        article("Story 5", "Body about ferries."),
    )
    .expect("write");
    let (_, changed) = index_json(&index, &[root_arg]);
    assert_eq!(changed["files_added"], 1, "{changed}");
    assert_eq!(changed["files_updated"], 1, "{changed}");
    assert_eq!(changed["files_removed"], 1, "{changed}");
    assert_eq!(changed["files_unchanged"], 3, "{changed}");
    assert_eq!(changed["articles_total"], 5, "{changed}");
    assert_eq!(
        search_total(&index, &["number1"]),
        0,
        "old text of a changed file is gone"
    );
    assert_eq!(search_total(&index, &["buses"]), 1);
    assert_eq!(
        search_total(&index, &["number2"]),
        0,
        "deleted file's article is gone"
    );

    // A touched but identical file is recognised by its hash.
    let content = fs::read(root.join("a3.txt")).expect("read");
    std::thread::sleep(Duration::from_millis(20));
    fs::write(root.join("a3.txt"), content).expect("rewrite");
    let (_, touched) = index_json(&index, &[root_arg]);
    assert_eq!(touched["files_unchanged"], 5, "{touched}");

    // --reextract reads everything again without duplicating anything.
    let (_, forced) = index_json(&index, &[root_arg, "--reextract"]);
    assert_eq!(forced["files_updated"], 5, "{forced}");
    assert_eq!(forced["articles_total"], 5, "{forced}");

    // Indexing a second root into the same index leaves the first one alone.
    let other = dir.path().join("wires");
    fs::create_dir_all(&other).expect("mkdir");
    fs::write(
        other.join("w.txt"),
        article("Wire", "Body about cable cars."),
    )
    .expect("write");
    let (_, second_root) = index_json(&index, &[other.to_str().expect("utf-8")]);
    assert_eq!(second_root["files_removed"], 0, "{second_root}");
    assert_eq!(second_root["articles_total"], 6, "{second_root}");

    // --keep-missing keeps a deleted file's article.
    fs::remove_file(root.join("a0.txt")).expect("remove");
    let (_, kept) = index_json(&index, &[root_arg, "--keep-missing"]);
    assert_eq!(kept["files_removed"], 0, "{kept}");
    assert_eq!(search_total(&index, &["number0"]), 1);

    // A file deleted under another root is removed only when that root is indexed.
    fs::remove_file(other.join("w.txt")).expect("remove");
    let (_, first_root) = index_json(&index, &[root_arg]);
    assert_eq!(first_root["files_removed"], 1, "only a0.txt: {first_root}");
    assert_eq!(search_total(&index, &["number0"]), 0);
    assert_eq!(search_total(&index, &["cable"]), 1);
    let (_, wires) = index_json(&index, &[other.to_str().expect("utf-8")]);
    assert_eq!(wires["files_removed"], 1, "{wires}");
    assert_eq!(search_total(&index, &["cable"]), 0);
}

#[test]
fn a_second_writer_fails_at_once_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("news");
    fs::create_dir_all(&root).expect("mkdir");
    fs::write(root.join("a.txt"), article("A", "Body.")).expect("write");
    let index = dir.path().join("index");
    let archive = morgue::index::Archive::open_or_create(&index, false).expect("create index");
    let _writer = morgue::index::ArchiveWriter::new(&archive).expect("take the writer lock");
    let output = morgue(&index)
        .args(["index", root.to_str().expect("utf-8")])
        .timeout(Duration::from_secs(60))
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("index is busy (another morgue index is running"),
        "{stderr}"
    );
}

#[test]
fn an_index_of_another_kind_or_version_is_refused_with_advice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let not_index = dir.path().join("papers");
    fs::create_dir_all(&not_index).expect("mkdir");
    fs::write(not_index.join("thesis.txt"), "my work").expect("write");
    let output = morgue(&not_index)
        .args(["index", not_index.to_str().expect("utf-8")])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a morgue index"));
    assert!(
        not_index.join("thesis.txt").exists(),
        "nothing of the user's is deleted"
    );
}

fn write_many(root: &Path, n: usize) {
    fs::create_dir_all(root).expect("mkdir");
    for i in 0..n {
        let body = format!(
            "Report number{i} on the weather in the valley. Farmers said the rain came late."
        );
        fs::write(
            root.join(format!("r{i:05}.txt")),
            article(&format!("Valley report {i}"), &body),
        )
        .expect("write");
    }
}

/// Kills real indexing processes at several points; every time, the index
/// opens and answers searches, and a final run converges to exactly one
/// document per file.
#[test]
fn killing_the_indexer_never_corrupts_or_duplicates() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("news");
    let files = 1500;
    write_many(&root, files);
    let index = dir.path().join("index");
    let binary: PathBuf = assert_cmd::cargo::cargo_bin("morgue");
    for delay_ms in [30u64, 120, 300, 700] {
        let mut child = std::process::Command::new(&binary)
            .env("MORGUE_INDEX", &index)
            .args([
                "index",
                root.to_str().expect("utf-8"),
                "--commit-every",
                "100",
                "--quiet",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn indexer");
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        if index.join("morgue.json").exists() && index.join("meta.json").exists() {
            let output = morgue(&index)
                .args(["search", "valley", "--json"])
                .output()
                .expect("search");
            assert!(
                matches!(output.status.code(), Some(0) | Some(1)),
                "search after kill at {delay_ms} ms: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            let total = serde_json::from_slice::<Value>(&output.stdout)
                .map(|j| j["total"].as_u64().unwrap_or(0))
                .unwrap_or(0);
            assert!(
                total <= files as u64,
                "no duplicates after kill at {delay_ms} ms: {total}"
            );
        }
    }
    let (code, report) = index_json(&index, &[root.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["articles_total"], files, "{report}");
    assert_eq!(search_total(&index, &["valley"]), files as u64);
    assert_eq!(search_total(&index, &["number777"]), 1);
}

/// A search while a writer holds uncommitted documents sees the last commit.
#[test]
fn searching_during_an_index_run_sees_the_last_commit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("news");
    fs::create_dir_all(&root).expect("mkdir");
    fs::write(
        root.join("a.txt"),
        article("Committed", "The committed story about yaks."),
    )
    .expect("write");
    let index = dir.path().join("index");
    morgue(&index)
        .args(["index", root.to_str().expect("utf-8"), "--quiet"])
        .assert()
        .success();

    let archive = morgue::index::Archive::open(&index).expect("open");
    let mut writer = morgue::index::ArchiveWriter::new(&archive).expect("writer");
    assert_eq!(archive.manifest().expect("manifest").len(), 1);
    let canonical = root.join("a.txt").canonicalize().expect("canonical");
    writer.remove_file(&morgue::index::manifest::file_digest(&canonical).to_hex());
    // Deleted but not committed: searches still see the story.
    assert_eq!(search_total(&index, &["yaks"]), 1);
    writer.commit().expect("commit");
    assert_eq!(search_total(&index, &["yaks"]), 0);
}

/// `morgue search ... | head -1`: the reader goes away early; morgue ends
/// quietly with status 0 instead of a broken-pipe error.
#[test]
fn a_closed_pipe_ends_quietly_with_status_zero() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("news");
    write_many(&root, 600);
    let index = dir.path().join("index");
    morgue(&index)
        .args(["index", root.to_str().expect("utf-8"), "--quiet"])
        .assert()
        .success();
    let binary: PathBuf = assert_cmd::cargo::cargo_bin("morgue");
    // 600 hits of a few hundred bytes each are far more than a pipe buffer holds.
    let mut child = std::process::Command::new(binary)
        .env("MORGUE_INDEX", &index)
        .args(["search", "valley", "--limit", "600"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn search");
    let stdout = child.stdout.take().expect("stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("read one line");
    assert!(!first.is_empty());
    // The reader (and with it the pipe) is dropped here.
    let output = child.wait_with_output().expect("wait");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn no_colour_in_pipes_unless_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("news");
    write_many(&root, 3);
    let index = dir.path().join("index");
    morgue(&index)
        .args(["index", root.to_str().expect("utf-8"), "--quiet"])
        .assert()
        .success();
    let plain = morgue(&index)
        .args(["search", "valley"])
        .output()
        .expect("run");
    assert!(!String::from_utf8_lossy(&plain.stdout).contains('\x1b'));
    let forced = morgue(&index)
        .args(["search", "valley", "--color", "always"])
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    assert!(
        String::from_utf8_lossy(&forced.stdout).contains('\x1b'),
        "--color always overrides NO_COLOR"
    );
}
