//! End-to-end tests: a small archive of 1987 and 2023 wire stories, indexed by the real
//! `morgue` binary, searched by countries that no longer exist and by their successors.
//! The stories are written for these tests.

mod common;

use common::*;
use std::path::Path;

use serde_json::Value;

/// Path (under the archive), text. The path gives year and month, the dateline the day.
const STORIES: &[(&str, &str)] = &[
    (
        "1987/03/kremlin-grain.txt",
        "Kremlin weighs grain purchases\n\nMOSCOW, March 2 (Morgue Wire) - The Kremlin is \
         weighing new grain purchases, Russian trade officials said on Monday.",
    ),
    (
        "1987/03/east-berlin-reform.txt",
        "East Germany plans factory reform\n\nEAST BERLIN, March 17 (Morgue Wire) - East \
         Germany plans to give its factories more say, the official news agency said.",
    ),
    (
        "1987/03/bonn-exports.txt",
        "West German exports rise\n\nBONN, March 24 (Morgue Wire) - West German exports \
         rose in February, the Economics Ministry in Bonn said.",
    ),
    (
        "1987/03/georgia-power.txt",
        "Georgia Power raises plant budget\n\nATLANTA, March 9 (Morgue Wire) - Georgia \
         Power said the budget of its nuclear plant rose, and Georgia regulators will review it.",
    ),
    (
        "2023/11/kremlin-budget.txt",
        "Kremlin backs bigger budget\n\nMOSCOW, Nov. 5 (Morgue Wire) - The Kremlin backed a \
         bigger budget, Russian officials said on Sunday.",
    ),
];

/// Writes the stories, indexes them, and returns the temporary directory holding both.
fn archive() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    write_articles(&dir.path().join("archive"), STORIES);
    let output = morgue(&dir.path().join("index"))
        .current_dir(dir.path())
        .args(["index", "archive"])
        .output()
        .expect("run morgue index");
    assert!(
        output.status.success(),
        "index failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    dir
}

/// The exit code and the sorted paths (under the archive) that `--country C` finds.
fn search_country(dir: &Path, country: &str) -> (i32, Vec<String>) {
    let output = morgue(&dir.join("index"))
        .args(["search", "--country", country, "--json", "--limit", "100"])
        .output()
        .expect("run search");
    let json: Value = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    let mut paths: Vec<String> = json["hits"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|h| h["path"].as_str())
        .map(|p| p.trim_start_matches("archive/").to_string())
        .collect();
    paths.sort();
    (output.status.code().unwrap_or(-1), paths)
}

#[test]
fn historical_countries_are_their_own_and_the_date_decides_shared_names() {
    let dir = archive();
    // One line per case: what the user types, the stories found.
    let cases: &[(&str, &[&str])] = &[
        ("SU", &["1987/03/kremlin-grain.txt"]),
        ("USSR", &["1987/03/kremlin-grain.txt"]),
        ("Soviet", &["1987/03/kremlin-grain.txt"]),
        ("RU", &["2023/11/kremlin-budget.txt"]),
        ("Russia", &["2023/11/kremlin-budget.txt"]),
        ("East Germany", &["1987/03/east-berlin-reform.txt"]),
        ("DD", &["1987/03/east-berlin-reform.txt"]),
        ("DE", &["1987/03/bonn-exports.txt"]),
        ("West Germany", &["1987/03/bonn-exports.txt"]),
        ("US", &["1987/03/georgia-power.txt"]),
    ];
    for (country, want) in cases {
        let (code, paths) = search_country(dir.path(), country);
        assert_eq!(code, 0, "--country {country:?}");
        assert_eq!(paths, *want, "--country {country:?}");
    }
    // Georgia Power's Georgia is the US state, not the country.
    assert_eq!(search_country(dir.path(), "GE"), (1, vec![]));
}

#[test]
fn near_misses_of_historical_names_get_a_suggestion() {
    let dir = archive();
    let output = morgue(&dir.path().join("index"))
        .args(["search", "--country", "Soviet Onion"])
        .output()
        .expect("run search");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("did you mean Soviet Union (SU)?"),
        "{stderr}"
    );
}
