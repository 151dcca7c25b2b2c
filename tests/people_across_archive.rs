//! People resolved across the whole archive: a surname written alone belongs to
//! the person the archive knows in full, namesakes are told apart by context,
//! and indexing bit by bit gives the same people as indexing all at once.

mod common;

use common::*;
use std::path::Path;

use serde_json::Value;

/// Wire stories of March 1987, written for this test: two Bakers (the Treasury
/// Secretary and the White House chief of staff), a president named in full in
/// one story and by surname in others, and headline-only items.
const ARTICLES: &[(&str, &str)] = &[
    (
        "1987/03/02/dollar.txt",
        "Baker says dollar decline has gone far enough\n\nWASHINGTON, March 2 - U.S. Treasury Secretary James Baker said on Monday the dollar had fallen far enough against the yen. Baker told reporters the Treasury would work with Japan to keep currencies stable.\n",
    ),
    (
        "1987/03/03/brief.txt",
        "TREASURY'S BAKER SAYS U.S. WANTS STABLE DOLLAR\n\nBlah blah blah.\n",
    ),
    (
        "1987/03/04/yen.txt",
        "Japan welcomes U.S. remarks on currencies\n\nTOKYO, March 4 - Japanese officials welcomed remarks by Treasury Secretary Baker that the dollar had fallen far enough, saying the yen's rise was hurting exporters.\n",
    ),
    (
        "1987/03/05/staff.txt",
        "New chief of staff takes over at the White House\n\nWASHINGTON, March 5 - White House Chief of Staff Howard Baker met congressional leaders on Thursday and promised a more open White House. President Ronald Reagan said Baker had his full confidence.\n",
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
];

fn json(index: &Path, args: &[&str]) -> Value {
    let output = morgue(index).args(args).output().expect("run morgue");
    assert!(
        output.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap_or(Value::Null)
}

/// Each article's file name with its people, sorted: what a user sees per article.
fn people_by_article(index: &Path) -> Vec<(String, Vec<String>)> {
    let results = json(index, &["search", "--json", "--limit", "100"]);
    let mut out: Vec<(String, Vec<String>)> = results["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|hit| {
            let path = hit["path"].as_str().unwrap_or("");
            let file = path.rsplit('/').next().unwrap_or("").to_string();
            let mut people: Vec<String> = hit["people"]
                .as_array()
                .expect("people")
                .iter()
                .filter_map(|p| p.as_str().map(str::to_string))
                .collect();
            people.sort();
            (file, people)
        })
        .collect();
    out.sort();
    out
}

fn files_found(index: &Path, args: &[&str]) -> Vec<String> {
    let mut all = vec!["search", "--json", "--limit", "100"];
    all.extend(args);
    let results = json(index, &all);
    let mut files: Vec<String> = results["hits"]
        .as_array()
        .map(|hits| {
            hits.iter()
                .filter_map(|h| h["path"].as_str())
                .map(|p| p.rsplit('/').next().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn surnames_alone_belong_to_the_person_the_archive_knows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    write_articles(&corpus, ARTICLES);
    let index = dir.path().join("index");
    morgue(&index)
        .args(["index", corpus.to_str().expect("utf-8 path"), "--quiet"])
        .assert()
        .success();

    // A lone `Reagan`, `President Reagan` or `REAGAN` is Ronald Reagan, and a
    // search by his full name, by his surname and the people list agree.
    let reagan = ["address.txt", "contra.txt", "staff.txt", "veto.txt"];
    assert_eq!(files_found(&index, &["--person", "Ronald Reagan"]), reagan);
    assert_eq!(files_found(&index, &["--person", "reagan"]), reagan);
    let people = json(&index, &["people", "--json"]);
    let entries: Vec<(&str, u64)> = people["people"]
        .as_array()
        .expect("people")
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap_or(""),
                p["articles"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert!(entries.contains(&("Ronald Reagan", 4)), "{entries:?}");
    assert!(
        !entries
            .iter()
            .any(|(name, _)| *name == "Reagan" || *name == "Baker"),
        "no surname-only entries: {entries:?}"
    );

    // Two Bakers stay apart: the Treasury's and the White House's.
    assert_eq!(
        files_found(&index, &["--person", "James Baker"]),
        ["brief.txt", "dollar.txt", "yen.txt"]
    );
    assert_eq!(
        files_found(&index, &["--person", "Howard Baker"]),
        ["address.txt", "staff.txt"]
    );

    // `show` says how the article wrote the name.
    let shown = json(
        &index,
        &[
            "show",
            "--json",
            corpus.join("1987/03/08/contra.txt").to_str().expect("path"),
        ],
    );
    let person = &shown["entities"]["people"][0];
    assert_eq!(person["name"], "Ronald Reagan", "{shown}");
    assert_eq!(person["written"], "Reagan", "{shown}");
    assert!(
        person["forms"]
            .as_array()
            .is_some_and(|f| f.iter().any(|v| v == "REAGAN")),
        "{person}"
    );
}

#[test]
fn indexing_bit_by_bit_gives_the_people_of_indexing_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    let at_once = dir.path().join("at-once");
    let bit_by_bit = dir.path().join("bit-by-bit");

    // Surname-only stories first: nobody in the archive is known in full yet.
    let (later, first): (Vec<_>, Vec<_>) = ARTICLES
        .iter()
        .partition(|(path, _)| path.contains("dollar") || path.contains("staff"));
    write_articles(&corpus, &first);
    let corpus_arg = corpus.to_str().expect("utf-8 path");
    morgue(&bit_by_bit)
        .args(["index", corpus_arg, "--quiet"])
        .assert()
        .success();
    let before = people_by_article(&bit_by_bit);
    assert!(
        before
            .iter()
            .any(|(_, people)| people.iter().any(|p| p == "Reagan")),
        "before the full name arrives, the surname stands alone: {before:?}"
    );
    write_articles(&corpus, &later);
    morgue(&bit_by_bit)
        .args(["index", corpus_arg, "--quiet"])
        .assert()
        .success();
    morgue(&at_once)
        .args(["index", corpus_arg, "--quiet"])
        .assert()
        .success();
    assert_eq!(people_by_article(&bit_by_bit), people_by_article(&at_once));
    assert_eq!(
        json(&bit_by_bit, &["people", "--json"]),
        json(&at_once, &["people", "--json"])
    );

    // And back: removing the stories that name the full names returns the
    // surnames to themselves, as an archive that never had them would have.
    for (path, _) in &later {
        std::fs::remove_file(corpus.join(path)).expect("remove");
    }
    let fresh = dir.path().join("fresh");
    morgue(&bit_by_bit)
        .args(["index", corpus_arg, "--quiet"])
        .assert()
        .success();
    morgue(&fresh)
        .args(["index", corpus_arg, "--quiet"])
        .assert()
        .success();
    assert_eq!(people_by_article(&bit_by_bit), people_by_article(&fresh));
    assert_eq!(people_by_article(&bit_by_bit), before);
}

/// Whether a name is a firm's follows from what the articles say, not from
/// what an earlier resolution made of it: once the only story naming the
/// organisation is gone, the name the other story writes like a person's is a
/// person again, as in an archive that never had the story. (Before, the firm
/// that resolution had made of the name counted as an organisation of its own
/// and kept it a firm; shards merged with `morgue merge` met the same.)
#[test]
fn a_firm_goes_with_the_articles_that_name_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    write_articles(
        &corpus,
        &[
            (
                "brokers.txt",
                "Brokers expect gains\n\nNEW YORK, March 9 - Analysts at Smith Barney, Harris Upham and Co expect gains in bank shares. Smith Barney analyst Tom Lusk said demand was strong.\n",
            ),
            (
                "banks.txt",
                "Bank shares seen higher\n\nNEW YORK, March 10 - Bank shares should rise further this spring, said Smith Barney, which raised its estimates for three regional banks.\n",
            ),
        ],
    );
    let corpus_arg = corpus.to_str().expect("utf-8 path");
    let (bit_by_bit, fresh) = (dir.path().join("bit-by-bit"), dir.path().join("fresh"));
    let names = |index: &Path, kind: &str| -> Vec<String> {
        json(index, &[kind, "--json"])[kind]
            .as_array()
            .expect("list")
            .iter()
            .filter_map(|v| v["name"].as_str().map(str::to_string))
            .collect()
    };
    morgue(&bit_by_bit)
        .args(["index", corpus_arg, "--quiet"])
        .assert()
        .success();
    assert!(names(&bit_by_bit, "orgs").contains(&"Smith Barney".to_string()));
    assert!(!names(&bit_by_bit, "people").contains(&"Smith Barney".to_string()));

    std::fs::remove_file(corpus.join("brokers.txt")).expect("remove");
    for index in [&bit_by_bit, &fresh] {
        morgue(index)
            .args(["index", corpus_arg, "--quiet"])
            .assert()
            .success();
    }
    assert_eq!(names(&bit_by_bit, "people"), ["Smith Barney"]);
    assert_eq!(names(&bit_by_bit, "people"), names(&fresh, "people"));
    assert_eq!(names(&bit_by_bit, "orgs"), names(&fresh, "orgs"));
}
