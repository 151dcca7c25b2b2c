//! `morgue merge`: shards indexed apart make the archive that one index of all
//! their files makes (the same searches, scores, counts, facets, timelines,
//! lists and articles, with people resolved across the shards), which
//! `morgue index` then keeps up to date; and what cannot be merged is refused
//! before anything is written.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

/// Wire stories of March 1987 split across two shards: the one with the
/// sample corpus's 2023 folder names James Baker, Howard Baker and Ronald
/// Reagan in full and Smith Barney as a firm...
const FULL_NAMES: &[(&str, &str)] = &[
    (
        "1987/03/02/dollar.txt",
        "Baker says dollar decline has gone far enough\n\nWASHINGTON, March 2 - U.S. Treasury Secretary James Baker said on Monday the dollar had fallen far enough against the yen. Baker told reporters the Treasury would work with Japan to keep currencies stable.\n",
    ),
    (
        "1987/03/05/staff.txt",
        "New chief of staff takes over at the White House\n\nWASHINGTON, March 5 - White House Chief of Staff Howard Baker met congressional leaders on Thursday and promised a more open White House. President Ronald Reagan said Baker had his full confidence.\n",
    ),
    (
        "1987/03/09/brokers.txt",
        "Brokers expect gains\n\nNEW YORK, March 9 - Analysts at Smith Barney, Harris Upham and Co expect gains in bank shares. Smith Barney analyst Tom Lusk said demand was strong.\n",
    ),
];

/// ...and the one with the 2024 folder only writes them by surname (or names
/// the firm as if it were a person): alone, that shard cannot tell who they are.
const SURNAMES: &[(&str, &str)] = &[
    (
        "1987/03/03/brief.txt",
        "TREASURY'S BAKER SAYS U.S. WANTS STABLE DOLLAR\n\nBlah blah blah.\n",
    ),
    (
        "1987/03/04/yen.txt",
        "Japan welcomes U.S. remarks on currencies\n\nTOKYO, March 4 - Japanese officials welcomed remarks by Treasury Secretary Baker that the dollar had fallen far enough, saying the yen's rise was hurting exporters.\n",
    ),
    (
        "1987/03/06/address.txt",
        "WHITE HOUSE'S BAKER SAYS REAGAN TO ADDRESS NATION\n\nBlah blah blah.\n",
    ),
    (
        "1987/03/07/veto.txt",
        "Reagan vows to veto tax rises\n\nWASHINGTON, March 7 - President Reagan said on Saturday he would veto any bill that raised income taxes, and told Congress to cut spending instead.\n",
    ),
    (
        "1987/03/08/contra.txt",
        "REAGAN SAYS HE WILL COOPERATE WITH INQUIRY\n\nBlah blah blah.\n",
    ),
    (
        "1987/03/10/banks.txt",
        "Bank shares seen higher\n\nNEW YORK, March 10 - Bank shares should rise further this spring, said Smith Barney, which raised its estimates for three regional banks.\n",
    ),
];

/// Each shard as the paths given to `morgue index` (relative, as a Spark task
/// would give its own folders), together all of `corpus`.
const SHARDS: &[(&str, &[&str])] = &[
    ("shard-a", &["corpus/2023", "corpus/reuters/full"]),
    ("shard-b", &["corpus/2024", "corpus/reuters/surnames"]),
    (
        "shard-c",
        &[
            "corpus/sport",
            "corpus/wires",
            "corpus/broken",
            "corpus/tech-chip-export-rules.json",
        ],
    ),
];

/// Searches, filters, lists, facets, timelines, related values and stats,
/// each run with `--json` on the merged and on the single index.
const QUERIES: &[&[&str]] = &[
    &["search", "Blinken"],
    &["search", "sanction"],
    &["search", "=sanctions"],
    &["search", "\"prime minister\""],
    &["search", "ceasefire OR truce"],
    &["search", "election -india"],
    &["search", "title:election"],
    &["search", "(gaza OR ukraine) aid"],
    &["search", "shipping"],
    &["search", "prices", "--facets"],
    &["search", "dollar", "--country", "US"],
    &["search", "Zelenskyy"],
    &["search", "--person", "Zelenskyy"],
    &["search", "--person", "Reagan"],
    &["search", "--person", "Ronald Reagan", "--facets"],
    &["search", "--person", "Baker"],
    &["search", "--person", "James Baker"],
    &["search", "--person", "Howard Baker"],
    &["search", "--person", "Smith Barney"],
    &["search", "--org", "Smith Barney"],
    &["search", "person:reagan OR person:baker"],
    &[
        "search", "--person", "Blinken", "--from", "2023-11", "--to", "2024-02",
    ],
    &["search", "--country", "iraq"],
    &["search", "--about", "IL"],
    &["search", "--org", "Hamas"],
    &["search", "--on", "2024-06", "--sort", "oldest"],
    &["search", "--mentions", "2023-10-23"],
    &["search", "--facets"],
    &[
        "search", "--from", "1987", "--to", "1987", "--sort", "oldest",
    ],
    &["people", "--limit", "500"],
    &["people", "--country", "US"],
    &["people", "dollar"],
    &["orgs", "--limit", "500"],
    &["countries", "--limit", "500"],
    &["countries", "--person", "Blinken"],
    &["timeline", "--by", "month"],
    &["timeline", "--person", "Reagan", "--by", "day"],
    &["timeline", "gaza", "--by", "year"],
    &["related", "--person", "Blinken"],
    &["related", "--person", "Ronald Reagan", "--min-count", "1"],
    &["related", "--person", "Baker", "--min-count", "1"],
    &["related", "--country", "IL"],
    &["stats"],
];

struct Archives {
    dir: tempfile::TempDir,
    merged: PathBuf,
    single: PathBuf,
    merge_report: Value,
}

impl Archives {
    fn shard(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

/// The sample corpus with the 1987 stories, indexed as three shards, merged,
/// and indexed whole; shared by the tests, which only read them.
fn archives() -> &'static Archives {
    static ARCHIVES: OnceLock<Archives> = OnceLock::new();
    ARCHIVES.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = dir.path().join("corpus");
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
            &corpus,
        );
        write_articles(&corpus.join("reuters/full"), FULL_NAMES);
        write_articles(&corpus.join("reuters/surnames"), SURNAMES);
        let index_shard = |(shard, paths): &(&str, &[&str])| {
            let output = morgue(&dir.path().join(shard))
                .current_dir(dir.path())
                .args(["index", "--quiet"])
                .args(*paths)
                .output()
                .expect("run morgue index");
            assert!(output.status.success(), "{shard}: {output:?}");
        };
        SHARDS.iter().for_each(index_shard);
        // A story updated after its shard was built: the shard holds the
        // first version as a deleted document, which must stay deleted.
        let updated = corpus.join("2023/11/blinken-baghdad-visit.txt");
        let mut text = std::fs::read_to_string(&updated).expect("read article");
        text.push_str("\nBlinken later flew on to Ankara for talks with Turkish officials.\n");
        std::fs::write(&updated, text).expect("update article");
        index_shard(&SHARDS[0]);
        let meta = std::fs::read_to_string(dir.path().join("shard-a/meta.json")).expect("meta");
        assert!(meta.contains("num_deleted_docs"), "{meta}");
        let single = dir.path().join("single");
        let output = morgue(&single)
            .current_dir(dir.path())
            .args(["index", "--quiet", "corpus"])
            .output()
            .expect("run morgue index");
        assert!(output.status.success(), "single: {output:?}");
        let merged = dir.path().join("merged");
        let output = morgue(&merged)
            .current_dir(dir.path())
            .args(["merge", "shard-a", "shard-b", "shard-c", "--json"])
            .output()
            .expect("run morgue merge");
        assert!(output.status.success(), "merge: {output:?}");
        let merge_report = serde_json::from_slice(&output.stdout).expect("merge --json");
        Archives {
            dir,
            merged,
            single,
            merge_report,
        }
    })
}

/// The JSON a command prints (exit status 0 or 1).
fn json(index: &Path, args: &[&str]) -> Value {
    let output = morgue(index)
        .args(args)
        .arg("--json")
        .output()
        .expect("run morgue");
    assert!(
        output.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON output")
}

/// How far apart the scores of one article may be in two indexes of the same
/// articles. BM25 divides by each field's average length, which tantivy
/// estimates from rounded field lengths when a merge drops deleted documents,
/// so indexes that went through other merges differ slightly there (see the
/// README on `morgue merge`); everything else must be equal.
const SCORE_TOLERANCE: f64 = 0.01;

/// What must be equal between two archives of the same articles: all of it
/// but the index's own path and size (`stats`), the scores (compared by
/// [`compare_hits`]) and the order of hits (ditto).
fn comparable(mut value: Value) -> Value {
    if let Some(object) = value.as_object_mut() {
        object.remove("index");
        object.remove("size_bytes");
    }
    if let Some(hits) = value.get_mut("hits").and_then(Value::as_array_mut) {
        for hit in hits.iter_mut() {
            if let Some(hit) = hit.as_object_mut() {
                hit.remove("score");
            }
        }
        hits.sort_by_key(|hit| hit["id"].to_string());
    }
    value
}

fn relative_difference(a: f64, b: f64) -> f64 {
    (a - b).abs() / a.abs().max(b.abs()).max(f64::MIN_POSITIVE)
}

/// Compares the scores and the order of the hits of one search in two
/// archives; returns the largest relative difference of an article's scores
/// and the pairs of hits whose order differs, or what is wrong. Two hits may
/// change places only when they tie: the same day when sorted by date, scores
/// within [`SCORE_TOLERANCE`] of each other when sorted by relevance (equal
/// scores are ordered by where documents lie in the index).
fn compare_hits(merged: &Value, single: &Value) -> Result<(f64, usize), String> {
    let (Some(merged), Some(single)) = (merged["hits"].as_array(), single["hits"].as_array())
    else {
        return Ok((0.0, 0));
    };
    let position = |id: &Value| single.iter().position(|h| h["id"] == *id);
    let mut largest: f64 = 0.0;
    for hit in merged {
        let other = position(&hit["id"])
            .map(|i| &single[i])
            .ok_or("hit missing")?;
        if let (Some(a), Some(b)) = (hit["score"].as_f64(), other["score"].as_f64()) {
            largest = largest.max(relative_difference(a, b));
        } else if hit["score"] != other["score"] {
            return Err(format!("score {} against {}", hit["score"], other["score"]));
        }
    }
    if largest > SCORE_TOLERANCE {
        return Err(format!("scores differ by {largest:.2e}"));
    }
    let mut swapped = 0;
    for (i, a) in merged.iter().enumerate() {
        for b in &merged[i + 1..] {
            let (Some(pa), Some(pb)) = (position(&a["id"]), position(&b["id"])) else {
                continue;
            };
            if pa < pb {
                continue;
            }
            let tied = match (a["score"].as_f64(), b["score"].as_f64()) {
                (Some(x), Some(y)) => relative_difference(x, y) <= SCORE_TOLERANCE,
                _ => a["published"] == b["published"],
            };
            if !tied {
                return Err(format!("{} and {} are in another order", a["id"], b["id"]));
            }
            swapped += 1;
        }
    }
    Ok((largest, swapped))
}

fn with_limit<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut args = args.to_vec();
    if args[0] == "search" {
        args.extend(["--limit", "1000"]);
    }
    args
}

#[test]
fn the_merged_archive_answers_as_one_index_of_all_the_articles() {
    let a = archives();
    let report = &a.merge_report;
    let single_stats = json(&a.single, &["stats"]);
    assert_eq!(
        report["articles_total"], single_stats["articles"],
        "{report}"
    );
    assert_eq!(report["shards"].as_array().map(Vec::len), Some(3));
    assert!(
        report["articles_resolved"].as_u64() > Some(0),
        "the shards' people were resolved anew: {report}"
    );
    let mut differences = Vec::new();
    let (mut largest, mut swapped) = (0.0f64, 0);
    for args in QUERIES {
        let args = with_limit(args);
        let (merged, single) = (json(&a.merged, &args), json(&a.single, &args));
        match compare_hits(&merged, &single) {
            Ok((difference, pairs)) => {
                largest = largest.max(difference);
                swapped += pairs;
            }
            Err(why) => differences.push(format!("{args:?}: {why}")),
        }
        let (merged, single) = (comparable(merged), comparable(single));
        if merged != single {
            differences.push(format!("{args:?}\n  merged: {merged}\n  single: {single}"));
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    // Seen when written: scores 3.1e-3 apart at most; the 3 pairs of hits in
    // another order had equal scores, or the same day when sorted by date.
    eprintln!("scores differ by {largest:.2e} at most; {swapped} pairs of tied hits swapped");
    let totals: Vec<u64> = QUERIES
        .iter()
        .filter(|args| args[0] == "search")
        .map(|args| {
            json(&a.single, &with_limit(args))["total"]
                .as_u64()
                .unwrap_or(0)
        })
        .collect();
    assert!(
        totals.iter().filter(|&&n| n > 1).count() >= 20,
        "the searches find several articles each: {totals:?}"
    );
}

#[test]
fn every_article_shows_the_same_in_both() {
    let a = archives();
    let all = json(&a.single, &["search", "--limit", "1000"]);
    let ids: Vec<&str> = all["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|hit| hit["id"].as_str())
        .collect();
    assert!(ids.len() > 40, "{ids:?}");
    for id in ids {
        assert_eq!(
            json(&a.merged, &["show", id]),
            json(&a.single, &["show", id]),
            "article {id}"
        );
    }
}

#[test]
fn people_are_resolved_across_shards() {
    let a = archives();
    let names = |index: &Path, args: &[&str]| -> Vec<String> {
        json(index, args)["people"]
            .as_array()
            .expect("people")
            .iter()
            .filter_map(|p| p["name"].as_str().map(str::to_string))
            .collect()
    };
    // Alone, the shard of surnames cannot tell who `REAGAN` is, and takes
    // Smith Barney for a person.
    let shard_b = names(&a.shard("shard-b"), &["people", "--limit", "500"]);
    assert!(shard_b.iter().any(|n| n == "Reagan"), "{shard_b:?}");
    assert!(!shard_b.iter().any(|n| n == "Ronald Reagan"), "{shard_b:?}");
    // Merged, the other shard's full names decide, as in the single index.
    let merged = names(&a.merged, &["people", "--limit", "500"]);
    assert!(merged.iter().any(|n| n == "Ronald Reagan"), "{merged:?}");
    for name in ["Reagan", "Baker", "Smith Barney"] {
        assert!(!merged.iter().any(|n| n == name), "{name}: {merged:?}");
    }
    let found = |args: &[&str]| -> Vec<String> {
        let mut paths: Vec<String> = json(&a.merged, &with_limit(args))["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .filter_map(|h| h["path"].as_str())
            .filter_map(|p| p.rsplit('/').next().map(str::to_string))
            .collect();
        paths.sort();
        paths
    };
    assert_eq!(
        found(&["search", "--person", "Ronald Reagan"]),
        ["address.txt", "contra.txt", "staff.txt", "veto.txt"]
    );
    assert_eq!(
        found(&["search", "--person", "James Baker"]),
        ["brief.txt", "dollar.txt", "yen.txt"]
    );
}

#[test]
fn morgue_index_goes_on_incrementally_from_the_merged_archive() {
    let a = archives();
    // On a copy: the other tests read the merged archive.
    let copy = a.dir.path().join("merged-then-indexed");
    copy_dir(&a.merged, &copy);
    let output = morgue(&copy)
        .current_dir(a.dir.path())
        .args(["index", "corpus", "--json"])
        .output()
        .expect("run morgue index");
    assert!(output.status.success(), "{output:?}");
    let report: Value = serde_json::from_slice(&output.stdout).expect("index --json");
    let files = a.merge_report["files_total"].as_u64().expect("files_total");
    assert_eq!(report["files_unchanged"], files, "{report}");
    for nothing in [
        "files_added",
        "files_updated",
        "files_removed",
        "articles_indexed",
        "articles_resolved",
    ] {
        assert_eq!(report[nothing], 0, "{nothing}: {report}");
    }
    assert_eq!(
        json(&copy, &["people", "--limit", "500"]),
        json(&a.single, &["people", "--limit", "500"])
    );
}

/// Runs `morgue merge ARGS` from the archives' folder; returns its exit status and stderr.
fn merge_fails(out: &Path, args: &[&str]) -> (i32, String) {
    let a = archives();
    let output = morgue(out)
        .current_dir(a.dir.path())
        .arg("merge")
        .args(args)
        .output()
        .expect("run morgue merge");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn what_cannot_be_merged_is_refused_before_anything_is_written() {
    let a = archives();
    let tmp = tempfile::tempdir_in(a.dir.path()).expect("temp dir");
    let out = tmp.path().join("out");
    let refused = |args: &[&str], expected: &[&str]| {
        let (status, stderr) = merge_fails(&out, args);
        assert_eq!(status, 2, "{args:?}: {stderr}");
        for words in expected {
            assert!(
                stderr.contains(words),
                "{args:?}: {stderr:?} lacks {words:?}"
            );
        }
        assert!(!out.exists(), "{args:?} wrote {}", out.display());
    };

    refused(
        &["shard-a", "shard-b", "./shard-a"],
        &["shard ./shard-a is given twice", "also as shard-a"],
    );
    refused(
        &["shard-a", "corpus"],
        &[
            "shard corpus: not a morgue index",
            "morgue index --index DIR",
        ],
    );
    refused(
        &["shard-a", "no-such-shard"],
        &["no-such-shard: not a morgue index"],
    );

    // The same files in two shards.
    let overlap = tmp.path().join("overlap");
    let output = morgue(&overlap)
        .current_dir(a.dir.path())
        .args(["index", "--quiet", "corpus/2023/11"])
        .output()
        .expect("run morgue index");
    assert!(output.status.success(), "{output:?}");
    let overlap_arg = overlap.to_str().expect("utf-8 path");
    refused(
        &["shard-a", overlap_arg],
        &[
            "shards shard-a and",
            "both hold 2 file(s), such as /",
            "corpus/2023/11/",
            "one shard only",
        ],
    );

    // Another format version, another schema, an unfinished index run.
    let tampered = |name: &str, change: &dyn Fn(&Path)| -> String {
        let copy = tmp.path().join(name);
        copy_dir(&a.shard("shard-c"), &copy);
        change(&copy);
        copy.to_str().expect("utf-8 path").to_string()
    };
    let version = tampered("version", &|dir| {
        std::fs::write(
            dir.join("morgue.json"),
            r#"{"format_version": 3, "created_by": "morgue 0.0.9"}"#,
        )
        .expect("write marker");
    });
    refused(
        &["shard-a", &version],
        &["index format version 3", "morgue index --rebuild --index"],
    );
    let schema = tampered("schema", &|dir| {
        let path = dir.join("meta.json");
        let mut meta: Value =
            serde_json::from_slice(&std::fs::read(&path).expect("read meta")).expect("meta json");
        for field in meta["schema"].as_array_mut().expect("schema fields") {
            if field["name"] == "author" {
                field["options"]["stored"] = Value::Bool(false);
            }
        }
        std::fs::write(&path, meta.to_string()).expect("write meta");
    });
    refused(
        &["shard-a", &schema],
        &["field `author` is defined differently", "rebuild it"],
    );
    let pending = tampered("pending", &|dir| {
        std::fs::write(dir.join(".people-pending"), "").expect("write");
    });
    refused(
        &["shard-a", &pending],
        &["did not finish", "run `morgue index` on it again"],
    );

    // A shard that is the output.
    let (status, stderr) = merge_fails(&a.shard("shard-a"), &["shard-a", "shard-b"]);
    assert_eq!(status, 2, "{stderr}");
    assert!(stderr.contains("is the output index"), "{stderr}");
}

#[test]
fn an_existing_archive_is_replaced_only_with_force() {
    let a = archives();
    let tmp = tempfile::tempdir_in(a.dir.path()).expect("temp dir");
    let out = tmp.path().join("out");
    let merge = |args: &[&str]| {
        morgue(&out)
            .current_dir(a.dir.path())
            .arg("merge")
            .args(args)
            .arg("--quiet")
            .output()
            .expect("run morgue merge")
    };
    // A folder of other things is never merged into, even with --force.
    std::fs::create_dir_all(&out).expect("mkdir");
    std::fs::write(out.join("notes.txt"), "mine").expect("write");
    let output = merge(&["shard-a", "--force"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("is not a morgue index and is not empty"),
        "{stderr}"
    );
    std::fs::remove_file(out.join("notes.txt")).expect("the file is still there");

    assert!(merge(&["shard-a"]).status.success());
    let one = json(&out, &["stats"])["articles"].clone();

    let output = merge(&["shard-a", "shard-b"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("already holds a morgue index") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(json(&out, &["stats"])["articles"], one, "left as it was");

    assert!(merge(&["shard-a", "shard-b", "--force"]).status.success());
    let two = json(&out, &["stats"])["articles"].as_u64().unwrap_or(0);
    assert!(two > one.as_u64().unwrap_or(0), "{two} {one}");

    // A merge that was interrupted leaves an index that says so and that the
    // next merge replaces without --force.
    std::fs::write(out.join(".merge-partial"), "").expect("write");
    let output = morgue(&out)
        .args(["search", "Blinken"])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("run the merge again"), "{stderr}");
    assert!(merge(&["shard-a", "shard-b"]).status.success());
    assert_eq!(json(&out, &["stats"])["articles"], two);
}

/// Runs `morgue extract` on `lines` and returns its output lines, ending in a newline.
fn extracted(lines: &[String]) -> String {
    let output = morgue(Path::new("unused"))
        .arg("extract")
        .write_stdin(lines.join("\n"))
        .output()
        .expect("run morgue extract");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// A Spark job's way: `morgue extract` on each part of the input, `morgue
/// index --extracted` of each part, then `morgue merge` makes what `index
/// --extracted` of all the lines makes; an article in two parts is refused.
#[test]
fn shards_of_extracted_articles_merge_as_one_index_of_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let line = |(path, text): &(&str, &str)| -> String {
        let (title, body) = text.split_once("\n\n").unwrap_or((text, ""));
        let id = path
            .rsplit('/')
            .next()
            .unwrap_or(path)
            .trim_end_matches(".txt");
        serde_json::json!({"id": id, "path": format!("wires/{path}"), "title": title, "body": body})
            .to_string()
    };
    let full: Vec<String> = FULL_NAMES.iter().map(line).collect();
    let surnames: Vec<String> = SURNAMES.iter().map(line).collect();
    let parts = [
        ("part-a", extracted(&full)),
        ("part-b", extracted(&surnames)),
        ("all", extracted(&[full.clone(), surnames.clone()].concat())),
        // The firm's story in both parts.
        (
            "part-c",
            extracted(&[surnames.clone(), full[2..].to_vec()].concat()),
        ),
    ];
    for (name, lines) in &parts {
        let file = dir.path().join(format!("{name}.jsonl"));
        std::fs::write(&file, lines).expect("write extract output");
        let output = morgue(&dir.path().join(name))
            .args(["index", "--quiet", "--extracted"])
            .arg(&file)
            .output()
            .expect("run morgue index --extracted");
        assert!(output.status.success(), "{name}: {output:?}");
    }
    let merged = dir.path().join("merged");
    let output = morgue(&merged)
        .current_dir(dir.path())
        .args(["merge", "part-a", "part-b", "--quiet"])
        .output()
        .expect("run morgue merge");
    assert!(output.status.success(), "{output:?}");

    let single = dir.path().join("all");
    for args in [
        &["people", "--limit", "100"][..],
        &["orgs", "--limit", "100"],
        &["search", "--person", "Ronald Reagan"],
        &["search", "--person", "Baker", "--facets"],
        &["search", "dollar"],
        &["timeline", "--by", "day"],
    ] {
        let args = with_limit(args);
        let (m, s) = (json(&merged, &args), json(&single, &args));
        assert!(compare_hits(&m, &s).is_ok(), "{args:?}");
        assert_eq!(comparable(m), comparable(s), "{args:?}");
    }
    let people = json(&merged, &["people"]);
    assert!(people.to_string().contains("Ronald Reagan"), "{people}");
    // All but `line`, the article's line in the input it was extracted from:
    // a part's lines are numbered from 1.
    let shown = |index: &Path, id: &str| {
        let mut article = json(index, &["show", id]);
        article.as_object_mut().and_then(|a| a.remove("line"));
        article
    };
    for id in [
        "dollar", "staff", "brokers", "brief", "address", "contra", "banks",
    ] {
        assert_eq!(shown(&merged, id), shown(&single, id), "{id}");
    }

    let output = morgue(&dir.path().join("refused"))
        .current_dir(dir.path())
        .args(["merge", "part-a", "part-c"])
        .output()
        .expect("run morgue merge");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("both hold 1 file(s), such as extracted:brokers"),
        "{stderr}"
    );
}
