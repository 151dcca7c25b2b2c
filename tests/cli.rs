//! End-to-end tests: the real `morgue` binary on a temporary copy of `corpus/`.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;
use serde_json::Value;

/// A copy of the sample corpus and an index built from it, shared by the tests
/// that only read. Tests that write build their own.
struct Fixture {
    _dir: tempfile::TempDir,
    corpus: PathBuf,
    index: PathBuf,
    report: Value,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = dir.path().join("corpus");
        copy_dir(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("corpus")
                .as_path(),
            &corpus,
        );
        let index = dir.path().join("index");
        let output = morgue(&index)
            .current_dir(dir.path())
            .args(["index", "corpus", "--json"])
            .output()
            .expect("run morgue index");
        assert!(
            output.status.success(),
            "index failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let report = serde_json::from_slice(&output.stdout).expect("index --json prints JSON");
        Fixture {
            _dir: dir,
            corpus,
            index,
            report,
        }
    })
}

/// Runs a command that must succeed and returns its JSON output.
fn json_of(index: &Path, args: &[&str]) -> Value {
    let output = morgue(index).args(args).output().expect("run morgue");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON output")
}

/// Runs `morgue search ARGS --json --limit 100` and returns (exit code, paths of hits).
fn search_paths(args: &[&str]) -> (i32, Vec<String>) {
    let f = fixture();
    let output = morgue(&f.index)
        .arg("search")
        .args(args)
        .args(["--json", "--limit", "100"])
        .output()
        .expect("run search");
    let code = output.status.code().unwrap_or(-1);
    let json: Value = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    let mut paths: Vec<String> = json["hits"]
        .as_array()
        .map(|hits| {
            hits.iter()
                .filter_map(|h| h["path"].as_str())
                .map(|p| p.trim_start_matches("corpus/").to_string())
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths.dedup();
    (code, paths)
}

fn assert_finds(args: &[&str], expected: &[&str]) {
    let (code, paths) = search_paths(args);
    assert_eq!(code, 0, "search {args:?} should find something");
    let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(paths, expected, "search {args:?}");
}

fn assert_includes(args: &[&str], expected: &str) {
    let (code, paths) = search_paths(args);
    assert_eq!(code, 0, "search {args:?} should find something");
    assert!(
        paths.iter().any(|p| p == expected),
        "search {args:?} should find {expected}, found {paths:?}"
    );
}

fn assert_excludes(args: &[&str], unexpected: &str) {
    let (_, paths) = search_paths(args);
    assert!(
        !paths.iter().any(|p| p == unexpected),
        "search {args:?} should not find {unexpected}"
    );
}

const BAGHDAD: &str = "2023/11/blinken-baghdad-visit.txt";

#[test]
fn index_reports_counts_and_the_broken_file() {
    let r = &fixture().report;
    assert_eq!(r["articles_indexed"], 37, "{r}");
    assert_eq!(r["files_indexed"], 32, "{r}");
    let skipped = r["skipped"].as_array().expect("skipped list");
    assert_eq!(skipped.len(), 1, "{r}");
    assert!(
        skipped[0]["path"]
            .as_str()
            .unwrap_or("")
            .ends_with("broken/unterminated.json")
    );
    assert!(!skipped[0]["reason"].as_str().unwrap_or("").is_empty());
}

#[test]
fn index_summary_on_stderr_lists_skipped_files_with_reasons() {
    let dir = tempfile::tempdir().expect("temp dir");
    let index = dir.path().join("idx");
    let assert = morgue(&index)
        .args(["index", fixture().corpus.to_str().expect("utf-8 path")])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        stderr.contains("indexed 37 articles from 32 files"),
        "{stderr}"
    );
    assert!(stderr.contains("skipped: 1"), "{stderr}");
    assert!(stderr.contains("unterminated.json: "), "{stderr}");
    assert!(stderr.contains("articles/s"), "{stderr}");
    // --strict turns the skipped file into a failure.
    morgue(&index)
        .args([
            "index",
            fixture().corpus.to_str().expect("utf-8 path"),
            "--strict",
            "--quiet",
        ])
        .assert()
        .code(2);
}

#[test]
fn reindexing_does_not_duplicate_documents() {
    let dir = tempfile::tempdir().expect("temp dir");
    let index = dir.path().join("idx");
    let corpus = fixture().corpus.to_str().expect("utf-8 path");
    for _ in 0..2 {
        morgue(&index)
            .args(["index", corpus, "--quiet"])
            .assert()
            .success();
    }
    let output = morgue(&index)
        .args(["stats", "--json"])
        .output()
        .expect("stats");
    let stats: Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(stats["articles"], 37);
}

#[test]
fn person_filter_accepts_any_part_case_and_particles() {
    for name in [
        "al-Sudani",
        "Sudani",
        "AL-SUDANI",
        "Mohammed Shia al-Sudani",
        "mohammed shia al sudani",
    ] {
        assert_finds(&["--person", name], &[BAGHDAD]);
    }
    assert_includes(&["--person", "Blinken"], BAGHDAD);
    assert_includes(&["--person", "Antony Blinken"], BAGHDAD);
    assert_includes(&["--person", "Lloyd Austin"], BAGHDAD);
}

#[test]
fn person_filter_is_accent_insensitive() {
    assert_includes(
        &["--person", "Erdogan"],
        "2024/04/turkey-local-elections.html",
    );
    assert_includes(
        &["--person", "Erdoğan"],
        "2024/04/turkey-local-elections.html",
    );
}

#[test]
fn two_people_sharing_a_surname() {
    assert_finds(
        &["--person", "Santos"],
        &[
            "2023/08/brazil-rate-cut.md",
            "sport/philippines-boxing-coach.md",
        ],
    );
    assert_finds(
        &["--person", "Maria Santos"],
        &["2023/08/brazil-rate-cut.md"],
    );
    assert_finds(
        &["--person", "Daniel Santos"],
        &["sport/philippines-boxing-coach.md"],
    );
}

#[test]
fn country_filter_accepts_codes_names_and_demonyms() {
    for country in ["iraq", "IQ", "iq", "Iraqi"] {
        assert_finds(&["--country", country], &[BAGHDAD]);
    }
}

#[test]
fn country_filter_avoids_people_pronouns_and_birds() {
    assert_includes(
        &["--country", "jordan"],
        "2024/06/jordan-gaza-aid-conference.html",
    );
    assert_excludes(
        &["--country", "jordan"],
        "2023/12/cop28-fossil-fuel-deal.md",
    );
    assert_excludes(
        &["--country", "turkey"],
        "2023/11/thanksgiving-turkey-prices.md",
    );
    assert_excludes(
        &["--country", "US"],
        "2023/11/thanksgiving-turkey-prices.md",
    );
}

#[test]
fn html_boilerplate_is_not_indexed() {
    for word in ["dataLayer", "Subscribe", "\"Related stories\""] {
        let (code, paths) = search_paths(&[word]);
        assert_eq!(
            (code, paths.len()),
            (1, 0),
            "{word} should not be found: {paths:?}"
        );
    }
    // Names that appear only in a page's "Related stories" box are not its people.
    assert_excludes(
        &["--person", "Albanese"],
        "2023/03/saudi-iran-restore-ties.html",
    );
}

#[test]
fn publication_dates_from_metadata_dateline_and_path() {
    assert_finds(&["--on", "2023-11-05"], &[BAGHDAD]);
    assert_finds(&["--on", "2024-03-14"], &["wires/london-wage-growth.txt"]);
    assert_finds(
        &["--on", "2024-06-18"],
        &["2024/06/2024-06-18-heatwave-delhi.txt"],
    );
    assert_includes(&["--on", "2024-02"], "2024/02/colombia-cafe-prices.txt");
}

#[test]
fn date_ranges_are_inclusive_and_partial_dates_cover_their_span() {
    let (_, june) = search_paths(&["--from", "2024-06", "--to", "2024-06"]);
    let (_, on_june) = search_paths(&["--on", "2024-06"]);
    assert_eq!(june, on_june);
    assert!(
        june.contains(&"2024/06/mexico-sheinbaum-wins.md".to_string()),
        "{june:?}"
    );
    assert!(
        june.contains(&"2024/06/2024-06-18-heatwave-delhi.txt".to_string()),
        "{june:?}"
    );
    assert!(
        !june
            .iter()
            .any(|p| p.starts_with("2024/07") || p.starts_with("2024/05")),
        "{june:?}"
    );
    assert_finds(
        &["--from", "2024-09-04", "--to", "2024-09-04"],
        &["2024/09/japan-chip-plant.txt"],
    );
}

#[test]
fn mentioned_dates_filter() {
    assert_includes(&["--mentions", "2023-10-23"], BAGHDAD);
    assert_includes(&["--mentions", "2023-10-23"], "tech-chip-export-rules.json");
    assert_includes(&["--mentions", "2023-10"], BAGHDAD);
}

#[test]
fn text_queries_phrases_or_and_exclusion() {
    assert_includes(&["Baghdad"], BAGHDAD);
    assert_includes(&["\"Secretary of State\"", "Baghdad"], BAGHDAD);
    assert_includes(&["café"], "2024/02/colombia-cafe-prices.txt");
    assert_includes(&["cafe"], "2024/02/colombia-cafe-prices.txt");
    let (_, either) = search_paths(&["Baghdad OR Kyiv"]);
    assert!(
        either.contains(&BAGHDAD.to_string())
            && either.contains(&"wires/briefs-2024.jsonl".to_string()),
        "{either:?}"
    );
    assert_excludes(&["Blinken", "-Baghdad"], BAGHDAD);
    assert_includes(&["title:Baghdad"], BAGHDAD);
    assert_includes(&["person:sudani"], BAGHDAD);
    assert_includes(&["country:iraq", "militias"], BAGHDAD);
}

#[test]
fn filters_combine() {
    assert_finds(
        &[
            "--person",
            "Blinken",
            "--country",
            "iraq",
            "--from",
            "2023-11",
            "--to",
            "2023-11-30",
        ],
        &[BAGHDAD],
    );
    let (code, _) = search_paths(&["--person", "Blinken", "--country", "iraq", "--from", "2024"]);
    assert_eq!(code, 1);
}

#[test]
fn no_results_exit_one_and_errors_exit_two() {
    let f = fixture();
    morgue(&f.index)
        .args(["search", "ornithopter"])
        .assert()
        .code(1);
    let cases: &[(&[&str], &str)] = &[
        (
            &["search", "--from", "2023-13-01"],
            "expected YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (
            &["search", "--on", "yesterday"],
            "expected YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (&["search", "--country", "Irak"], "did you mean"),
        (&["search", "\"prime minister"], "closing \""),
        (&["search", "foo:bar"], "unknown field"),
        (&["search", "--from", "2024", "--to", "2023"], "--from"),
        (&["search", "--limit", "ten"], "invalid value"),
        (&["index", "no/such/dir"], "no such file or directory"),
    ];
    for (args, fragment) in cases {
        let output = morgue(&f.index).args(*args).output().expect("run");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(fragment), "{args:?}: {stderr}");
    }
}

#[test]
fn missing_index_says_how_to_create_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = morgue(&dir.path().join("none"))
        .args(["search", "x"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("morgue index"));
}

#[test]
fn a_saved_page_has_its_canonical_address_resolved() {
    let f = fixture();
    let json = json_of(&f.index, &["search", "record fourth European", "--json"]);
    let hit = &json["hits"][0];
    assert_eq!(
        hit["title"],
        "Spain beat England to win record fourth European Championship"
    );
    // The page's canonical link is relative; og:url supplies the origin.
    assert_eq!(hit["url"], "https://example.com/sport/euro-2024-final");
    let shown = morgue(&f.index)
        .args(["show", hit["id"].as_str().expect("id")])
        .output()
        .expect("run morgue");
    let shown = String::from_utf8_lossy(&shown.stdout);
    let line = |label: &str| {
        shown
            .lines()
            .find_map(|l| l.strip_prefix(label))
            .map(str::trim)
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(line("url:"), "https://example.com/sport/euro-2024-final");
    // The byline `By Pablo Ibarra | Sport` is the author's name alone.
    assert_eq!(line("author:"), "Pablo Ibarra");
    assert_eq!(line("source:"), "Morgue Sport");
}

#[test]
fn words_match_their_other_forms_and_the_typed_form_ranks_first() {
    // An article says only "election"; the others say "elections" too.
    let (code, any_form) = search_paths(&["elections"]);
    assert_eq!(code, 0);
    for path in [
        "2024/06/south-africa-anc-coalition.html",
        "2023/08/brazil-rate-cut.md",
    ] {
        assert!(
            any_form.contains(&path.to_string()),
            "{path} in {any_form:?}"
        );
    }
    let f = fixture();
    let ranked = json_of(
        &f.index,
        &["search", "elections", "--json", "--limit", "100"],
    );
    let titles: Vec<&str> = ranked["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|h| h["path"].as_str())
        .collect();
    let position = |p: &str| titles.iter().position(|t| t.ends_with(p)).expect(p);
    assert!(
        position("turkey-local-elections.html") < position("south-africa-anc-coalition.html"),
        "{titles:?}"
    );
    // `=word` and --exact: the form typed only.
    for args in [&["=elections"][..], &["elections", "--exact"][..]] {
        let (_, exact) = search_paths(args);
        assert!(exact.contains(&"2023/08/brazil-rate-cut.md".to_string()));
        assert!(
            !exact.contains(&"2024/06/south-africa-anc-coalition.html".to_string()),
            "{args:?}: {exact:?}"
        );
    }
    // Snippets highlight the other forms found too.
    let output = morgue(&f.index)
        .args(["search", "elections", "--color", "always", "--limit", "100"])
        .output()
        .expect("run morgue");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("\x1b[1;33melection\x1b[0m"), "{text}");
    // A quoted phrase is exact too.
    let (_, phrase) = search_paths(&["\"local elections\""]);
    assert_eq!(phrase, ["2024/04/turkey-local-elections.html"]);
}

#[test]
fn a_search_that_finds_nothing_suggests_what_the_archive_holds() {
    let f = fixture();
    let output = morgue(&f.index)
        .args(["search", "--person", "Zelenskyy"])
        .output()
        .expect("run morgue");
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("did you mean --person \"Volodymyr Zelensky\" instead of \"Zelenskyy\"?"),
        "{text}"
    );
    let output = morgue(&f.index)
        .args(["search", "Blinkin", "--json"])
        .output()
        .expect("run morgue");
    assert_eq!(output.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["total"], 0);
    assert_eq!(json["did_you_mean"][0]["field"], "query");
    assert_eq!(json["did_you_mean"][0]["typed"], "Blinkin");
    assert_eq!(json["did_you_mean"][0]["suggestion"], "blinken");
    // Words the archive has get no suggestion, even when the search finds nothing.
    let output = morgue(&f.index)
        .args(["search", "Blinken", "rugby", "--json"])
        .output()
        .expect("run morgue");
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["total"], 0);
    assert!(json.get("did_you_mean").is_none(), "{json}");
}

#[test]
fn json_output_contract() {
    let f = fixture();
    let json = json_of(&f.index, &["search", "--person", "Sudani", "--json"]);
    assert_eq!(json["version"], 1);
    assert_eq!(json["total"], 1);
    let hit = &json["hits"][0];
    let keys: Vec<&str> = hit
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    for key in [
        "id",
        "path",
        "title",
        "url",
        "published",
        "date_source",
        "score",
        "people",
        "countries",
        "snippet",
    ] {
        assert!(keys.contains(&key), "missing {key} in {hit}");
    }
    assert_eq!(hit["published"], "2023-11-05");
    assert_eq!(hit["date_source"], "dateline");
    assert_eq!(hit["url"], Value::Null, "a text file names no address");
    let people: Vec<&str> = hit["people"]
        .as_array()
        .expect("people")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for name in [
        "Antony Blinken",
        "Mohammed Shia al-Sudani",
        "Lloyd Austin",
        "Mahmoud Abbas",
    ] {
        assert!(people.contains(&name), "{people:?}");
    }
    let countries: Vec<&str> = hit["countries"]
        .as_array()
        .expect("countries")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for code in ["US", "IQ", "SY", "IR", "IL", "TR", "PS"] {
        assert!(countries.contains(&code), "{countries:?}");
    }
    assert!(
        hit["snippet"]
            .as_str()
            .unwrap_or("")
            .to_lowercase()
            .contains("sudani"),
        "{hit}"
    );
}

#[test]
fn jsonl_prints_one_hit_per_line_up_to_the_limit() {
    let f = fixture();
    let output = morgue(&f.index)
        .args(["search", "--country", "US", "--jsonl", "--limit", "3"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    for line in lines {
        let hit: Value = serde_json::from_str(line).expect("each line is JSON");
        assert!(hit["id"].is_string());
    }
}

#[test]
fn text_output_shows_rank_date_title_path_and_snippet() {
    let f = fixture();
    let output = morgue(&f.index)
        .args(["search", "--person", "Sudani", "--color", "never"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("  1. 2023-11-05  Blinken makes unannounced Baghdad stop"),
        "{text}"
    );
    assert!(
        text.contains("corpus/2023/11/blinken-baghdad-visit.txt"),
        "{text}"
    );
    assert!(text.contains("1 article match"), "{text}");
    assert!(
        !text.contains('\x1b'),
        "no colour when asked for none: {text}"
    );
    let coloured = morgue(&f.index)
        .args(["search", "Baghdad", "--color", "always"])
        .output()
        .expect("run");
    assert!(
        String::from_utf8_lossy(&coloured.stdout).contains("\x1b[1;33m"),
        "highlighted terms in colour"
    );
}

#[test]
fn newest_first_without_a_query() {
    let f = fixture();
    let json = json_of(&f.index, &["search", "--person", "Blinken", "--json"]);
    let dates: Vec<&str> = json["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .filter_map(|h| h["published"].as_str())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    assert!(dates.len() >= 6, "{dates:?}");
}

#[test]
fn show_prints_entities_with_counts_and_full_text() {
    let f = fixture();
    let path = f.corpus.join("2023/11/blinken-baghdad-visit.txt");
    let output = morgue(&f.index)
        .current_dir(f.corpus.parent().expect("parent"))
        .args(["show", "corpus/2023/11/blinken-baghdad-visit.txt", "--json"])
        .output()
        .expect("run");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(json["published"], "2023-11-05");
    let people = json["entities"]["people"].as_array().expect("people");
    let blinken = people
        .iter()
        .find(|p| p["name"] == "Antony Blinken")
        .expect("Blinken");
    assert!(blinken["mentions"].as_u64().unwrap_or(0) >= 3, "{blinken}");
    let dates: Vec<&str> = json["entities"]["dates"]
        .as_array()
        .expect("dates")
        .iter()
        .filter_map(|d| d["value"].as_str())
        .collect();
    for d in ["2023-11-05", "2023-11-06", "2023-10-23"] {
        assert!(dates.contains(&d), "{dates:?}");
    }
    assert!(json["body"].as_str().unwrap_or("").contains("al-Sudani"));
    // The text form says how the article writes each person: why `--person
    // Sudani` finds it.
    let text = morgue(&f.index)
        .current_dir(f.corpus.parent().expect("parent"))
        .args(["show", "corpus/2023/11/blinken-baghdad-visit.txt"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&text.stdout);
    let people = text
        .lines()
        .find(|l| l.starts_with("people:"))
        .unwrap_or_default();
    assert!(people.contains("Antony Blinken ("), "{people}");
    assert!(people.contains("as \"Blinken\""), "{people}");
    assert!(people.contains("\"al-Sudani\""), "{people}");
    // The id from a search shows the same article.
    let id = json["id"].as_str().expect("id").to_string();
    let text = morgue(&f.index).args(["show", &id]).output().expect("run");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Antony Blinken ("), "{text}");
    assert!(
        text.contains("published: 2023-11-05 (from dateline)"),
        "{text}"
    );
    let _ = path;
    morgue(&f.index).args(["show", "nope"]).assert().code(1);
}

#[test]
fn people_and_countries_count_articles() {
    let f = fixture();
    let json = json_of(&f.index, &["people", "--json", "--limit", "5"]);
    let people = json["people"].as_array().expect("people");
    assert_eq!(people.len(), 5);
    let blinken = people
        .iter()
        .find(|p| p["name"] == "Antony Blinken")
        .expect("Blinken in top 5");
    assert_eq!(blinken["articles"], 6, "{json}");
    let json = json_of(&f.index, &["countries", "--person", "Sudani", "--json"]);
    let codes: Vec<&str> = json["countries"]
        .as_array()
        .expect("countries")
        .iter()
        .filter_map(|c| c["code"].as_str())
        .collect();
    for code in ["US", "IQ", "SY", "IR", "IL", "TR", "PS"] {
        assert!(codes.contains(&code), "{codes:?}");
    }
    assert!(
        json["countries"]
            .as_array()
            .expect("countries")
            .iter()
            .all(|c| c["articles"] == 1)
    );
}

#[test]
fn organisations_are_listed_filtered_and_searched_by_field() {
    let f = fixture();
    let json = json_of(&f.index, &["orgs", "--json", "--limit", "50"]);
    assert_eq!(json["version"], 1);
    let orgs: Vec<&str> = json["orgs"]
        .as_array()
        .expect("orgs")
        .iter()
        .filter_map(|o| o["name"].as_str())
        .collect();
    for org in ["Hamas", "United Nations", "European Union"] {
        assert!(orgs.contains(&org), "{org} in {orgs:?}");
    }
    // The filter and the query field find the same articles, by any part of the name.
    let (code, by_flag) = search_paths(&["--org", "hamas"]);
    assert_eq!(code, 0);
    let (_, by_field) = search_paths(&["org:Hamas"]);
    assert_eq!(by_flag, by_field);
    let (_, by_part) = search_paths(&["--org", "Nations"]);
    assert!(!by_part.is_empty());
    assert!(
        by_part.iter().any(|p| p.contains("jordan-gaza-aid")),
        "{by_part:?}"
    );
    // Hits and facets carry the organisations beside people and countries.
    let json = json_of(
        &f.index,
        &["search", "--org", "Hamas", "--facets", "--json"],
    );
    let hit = &json["hits"][0];
    assert!(
        hit["orgs"]
            .as_array()
            .is_some_and(|o| o.iter().any(|v| v == "Hamas")),
        "{hit}"
    );
    assert_eq!(
        json["facets"]["orgs"][0]["value"], "Hamas",
        "{}",
        json["facets"]
    );
    let (code, _) = search_paths(&["--org", "Nonexistent Holdings"]);
    assert_eq!(code, 1);
}

#[test]
fn stats_describe_the_archive() {
    let f = fixture();
    let json = json_of(&f.index, &["stats", "--json"]);
    assert_eq!(json["articles"], 37);
    assert_eq!(json["first_published"], "2023-03-09");
    assert_eq!(json["last_published"], "2024-09-04");
    let formats: Vec<&str> = json["formats"]
        .as_array()
        .expect("formats")
        .iter()
        .filter_map(|c| c["value"].as_str())
        .collect();
    for format in ["md", "txt", "html", "json", "jsonl"] {
        assert!(formats.contains(&format), "{formats:?}");
    }
}

#[test]
fn help_lists_every_command_with_examples() {
    let output = Command::cargo_bin("morgue")
        .expect("binary")
        .arg("--help")
        .output()
        .expect("run");
    assert!(output.status.success());
    let help = String::from_utf8_lossy(&output.stdout).to_string();
    insta::assert_snapshot!("help", help);
    for command in [
        "index",
        "extract",
        "merge",
        "search",
        "show",
        "people",
        "orgs",
        "countries",
        "stats",
        "eval",
        "serve",
    ] {
        let output = Command::cargo_bin("morgue")
            .expect("binary")
            .args([command, "--help"])
            .output()
            .expect("run");
        let text = String::from_utf8_lossy(&output.stdout).to_string();
        assert!(text.contains("Examples:"), "{command} --help has examples");
        insta::assert_snapshot!(format!("help_{command}"), text);
    }
}

#[test]
fn timeline_counts_articles_per_month_with_gaps() {
    let f = fixture();
    let json = json_of(&f.index, &["timeline", "--person", "Blinken", "--json"]);
    let series: Vec<(String, u64)> = json["series"]
        .as_array()
        .expect("series")
        .iter()
        .map(|p| {
            (
                p["period"].as_str().unwrap_or("").to_string(),
                p["articles"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let with_articles: Vec<&str> = series
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(p, _)| p.as_str())
        .collect();
    assert_eq!(
        with_articles,
        [
            "2023-06", "2023-11", "2024-01", "2024-02", "2024-05", "2024-06"
        ]
    );
    assert_eq!(
        series.len(),
        13,
        "every month from 2023-06 to 2024-06, empty ones as zero"
    );
    assert_eq!(series.iter().map(|(_, n)| n).sum::<u64>(), 6);

    let json = json_of(
        &f.index,
        &["timeline", "--person", "Blinken", "--by", "year", "--json"],
    );
    assert_eq!(
        json["series"],
        serde_json::json!([{"period": "2023", "articles": 2}, {"period": "2024", "articles": 4}])
    );

    let chart = morgue(&f.index)
        .env("COLUMNS", "40")
        .args(["timeline", "--person", "Blinken", "--by", "year"])
        .output()
        .expect("run");
    insta::assert_snapshot!(
        "timeline_blinken_by_year",
        String::from_utf8_lossy(&chart.stdout)
    );
    morgue(&f.index)
        .args(["timeline", "--person", "Nobody Atall"])
        .assert()
        .code(1);
}

#[test]
fn related_ranks_by_lift_with_a_minimum_count() {
    let f = fixture();
    let json = json_of(&f.index, &["related", "--person", "Blinken", "--json"]);
    let report = &json["related"];
    assert_eq!(report["subject_articles"], 6);
    assert_eq!(report["all_articles"], 37);
    for list in ["people", "orgs", "countries"] {
        let rows = report[list].as_array().expect("rows");
        let mut last_rank = f64::INFINITY;
        for row in rows {
            let together = row["together"].as_f64().unwrap_or(0.0);
            let overall = row["overall"].as_f64().unwrap_or(1.0);
            let lift = row["lift"].as_f64().unwrap_or(0.0);
            let lift_low = row["lift_low"].as_f64().unwrap_or(f64::NAN);
            assert!(together >= 2.0, "minimum count: {row}");
            assert!(
                (lift - (together / 6.0) / (overall / 37.0)).abs() < 1e-9,
                "{row}"
            );
            assert!(lift_low > 0.0 && lift_low < lift, "a lower bound: {row}");
            assert!(lift_low <= last_rank, "sorted by lift_low");
            last_rank = lift_low;
        }
    }
    let people: Vec<&str> = report["people"]
        .as_array()
        .expect("people")
        .iter()
        .filter_map(|p| p["value"].as_str())
        .collect();
    assert!(
        !people.contains(&"Antony Blinken"),
        "the subject is not related to itself"
    );
    let countries: Vec<&str> = report["countries"]
        .as_array()
        .expect("countries")
        .iter()
        .filter_map(|c| c["value"].as_str())
        .collect();
    assert!(countries.contains(&"IL"), "{countries:?}");
    morgue(&f.index).args(["related"]).assert().code(2);
}

#[test]
fn facets_cover_the_whole_result_set() {
    let f = fixture();
    let json = json_of(
        &f.index,
        &[
            "search", "--person", "Blinken", "--facets", "--limit", "1", "--json",
        ],
    );
    assert_eq!(json["hits"].as_array().map(Vec::len), Some(1));
    let people = json["facets"]["people"].as_array().expect("people facet");
    assert_eq!(
        people[0],
        serde_json::json!({"value": "Antony Blinken", "articles": 6})
    );
    let months: u64 = json["facets"]["months"]
        .as_array()
        .expect("months")
        .iter()
        .filter_map(|m| m["articles"].as_u64())
        .sum();
    assert_eq!(months, 6);
    let plain = morgue(&f.index)
        .args(["search", "--person", "Blinken", "--json"])
        .output()
        .expect("run");
    let plain: Value = serde_json::from_slice(&plain.stdout).expect("json");
    assert!(plain.get("facets").is_none(), "facets only when asked");
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        let output = Command::cargo_bin("morgue")
            .expect("binary")
            .args(["completions", shell])
            .output()
            .expect("run");
        assert!(output.status.success());
        assert!(
            String::from_utf8_lossy(&output.stdout).contains("timeline"),
            "{shell}"
        );
    }
    let man = Command::cargo_bin("morgue")
        .expect("binary")
        .arg("man")
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&man.stdout).starts_with(".ie"));
}
