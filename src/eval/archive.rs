//! Reuters-21578 as a user's archive: the figures a person meets across the
//! whole archive, not per mention.
//!
//! The SGML files become an archive of plain-text files, one per article under
//! `YYYY/MM/DD/NEWID.txt` (title, a blank line, `DATELINE - ` and the body; a
//! headline-only item keeps its `Blah blah blah.`), the layout of
//! `shared/data/reuters_archive.py`. It is indexed in a temporary directory with
//! the same code as `morgue index`, then asked what a user asks:
//!
//! - for each gold `<PEOPLE>` tag on at least [`MIN_TAGGED`] articles, a
//!   `--person` search by the full name the people list gives the person
//!   (`full_name`), and by the surname (`surname`): recall and precision against
//!   the tagged articles, per person and pooled;
//! - the people of headline-only items against their tags (`headline_people`);
//! - entries of the top [`LIST_SIZE`] of `morgue people` that are a second name
//!   for an entry above them (`people_second_names`, see [`second_name_of`]);
//!   with a judged list (`--judged FILE`), the share of the top 100 and 300 that
//!   are correctly formed names of real people;
//! - for states that no longer exist (SU, DD, YU, CS, ZR...), a `--country`
//!   search against the articles tagged with them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::metrics::{ErrorLog, Score};
use super::reuters::{self, ReutersDoc, person_matches_tag, reuters_place_to_iso};
use super::{EvalError, EvalReport, latin1};
use crate::entity::EntityKind;
use crate::extract::countries;
use crate::extract::resolve::same_person_names;
use crate::index::Archive;
use crate::ingest::{self, IngestOptions};
use crate::search::{self, EntityFilter, Filters};

/// People with fewer tagged articles are too rare to score a search on.
pub const MIN_TAGGED: usize = 5;
/// How much of the people list is checked for second names and judged.
pub const LIST_SIZE: usize = 300;

/// A judgement of one people-list entry, read from a judged-list file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// A correctly formed name of a real person, the only entry for them.
    Person,
    /// A correctly formed name of a real person listed under another name too.
    Duplicate,
    /// Not a person's name: a firm, a place, a word, a title or an initial.
    Wrong,
}

/// Reads a judged list: one entry a line, `name<TAB>verdict[<TAB>note]` with the
/// verdict `person`, `duplicate` or `wrong`; `#` starts a comment line.
pub fn read_judgements(text: &str) -> Result<BTreeMap<String, Verdict>, String> {
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(name), Some(verdict)) = (fields.next(), fields.next()) else {
            return Err(format!(
                "line {}: expected `name<TAB>verdict`, found {line:?}",
                n + 1
            ));
        };
        let verdict = match verdict.trim() {
            "person" => Verdict::Person,
            "duplicate" => Verdict::Duplicate,
            "wrong" => Verdict::Wrong,
            other => {
                return Err(format!(
                    "line {}: {other:?} is not a verdict (expected person, duplicate or wrong)",
                    n + 1
                ));
            }
        };
        out.insert(name.trim().to_string(), verdict);
    }
    Ok(out)
}

/// The entry above `name` in the people list that names the same person, if
/// any: the same surname with given names that agree (`Nigel Lawson` and `N.
/// Lawson`), a surname alone (`Reagan` under `Ronald Reagan`), or a name inside
/// a longer one (`Nigel Lawson` in `Exchequer Nigel Lawson`).
pub fn second_name_of<'a>(name: &str, above: &'a [String]) -> Option<&'a str> {
    let words = |n: &str| -> Vec<String> {
        n.split_whitespace()
            .map(crate::extract::people::person_key)
            .collect()
    };
    let mine = words(name);
    let last = mine.last()?;
    above
        .iter()
        .find(|other| {
            let theirs = words(other);
            if theirs.last() != Some(last) {
                return false;
            }
            mine.len() == 1
                || theirs.len() == 1
                || theirs.ends_with(&mine)
                || mine.ends_with(&theirs)
                || same_person_names(&mine, &theirs)
        })
        .map(String::as_str)
}

/// Removes the directory it names when dropped.
pub(super) struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Reuters-21578 files indexed as a user's archive (see the module docs), in a
/// temporary directory removed when this is dropped.
pub(super) struct ReutersArchive {
    pub archive: Archive,
    /// The articles written to the archive: those with a date and a body.
    pub docs: Vec<ReutersDoc>,
    /// Bytes of text written.
    pub bytes: u64,
    /// Wall time of `morgue index` over the archive, on every core.
    pub index_seconds: f64,
    /// The folder of article files.
    pub root: PathBuf,
    _work: TempDir,
}

impl ReutersArchive {
    /// Reads `files` and indexes their articles with the code of `morgue index`.
    pub(super) fn build(files: &[PathBuf]) -> Result<ReutersArchive, EvalError> {
        if files.is_empty() {
            return Err(EvalError::NoFiles {
                format: reuters::FORMAT,
            });
        }
        let mut docs: Vec<ReutersDoc> = Vec::new();
        for path in files {
            let bytes = std::fs::read(path).map_err(|source| EvalError::Read {
                path: path.clone(),
                source,
            })?;
            docs.extend(
                reuters::parse(&latin1(&bytes)).map_err(|message| EvalError::Format {
                    path: path.clone(),
                    format: reuters::FORMAT,
                    message,
                })?,
            );
        }
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let work = TempDir(
            std::env::temp_dir().join(format!("morgue-eval-{}-{stamp}", std::process::id())),
        );
        let io_err = |path: &Path, source| EvalError::Read {
            path: path.to_path_buf(),
            source,
        };
        let root = work.0.join("archive");
        let mut archived: Vec<ReutersDoc> = Vec::new();
        let mut bytes = 0u64;
        for doc in docs {
            let (Some(date), false) = (doc.date, doc.body.trim().is_empty()) else {
                continue;
            };
            let folder = root.join(date.format("%Y/%m/%d").to_string());
            std::fs::create_dir_all(&folder).map_err(|e| io_err(&folder, e))?;
            let dateline = doc.dateline.trim();
            let text = format!(
                "{}\n\n{}{}\n",
                doc.title.trim(),
                if dateline.is_empty() {
                    String::new()
                } else {
                    format!("{dateline} - ")
                },
                doc.body.trim()
            );
            bytes += text.len() as u64;
            let path = folder.join(format!("{}.txt", doc.newid));
            std::fs::write(&path, text).map_err(|e| io_err(&path, e))?;
            archived.push(doc);
        }
        let index_dir = work.0.join("index");
        let mut options = IngestOptions::new(vec![root.clone()], index_dir.clone());
        options.progress = false;
        let started = Instant::now();
        ingest::run(&options).map_err(|e| index_error(&index_dir, &e))?;
        let index_seconds = started.elapsed().as_secs_f64();
        let archive = Archive::open(&index_dir).map_err(|e| index_error(&index_dir, &e))?;
        Ok(ReutersArchive {
            archive,
            docs: archived,
            bytes,
            index_seconds,
            root,
            _work: work,
        })
    }

    /// The NEWIDs of the articles a search finds.
    pub(super) fn found(
        &self,
        query: Option<&str>,
        filters: &Filters,
    ) -> Result<BTreeSet<String>, EvalError> {
        let paths =
            search::matching_paths(&self.archive, query, filters).map_err(|e| self.error(&e))?;
        Ok(paths.iter().filter_map(|p| newid_of(p)).collect())
    }

    pub(super) fn error(&self, e: &dyn std::fmt::Display) -> EvalError {
        index_error(&self.archive.dir, e)
    }
}

/// The NEWID of an archived article's path (`.../1987/03/02/NEWID.txt`).
pub(super) fn newid_of(path: &str) -> Option<String> {
    Path::new(path).file_stem()?.to_str().map(str::to_string)
}

fn index_error(index_dir: &Path, e: &dyn std::fmt::Display) -> EvalError {
    EvalError::Format {
        path: index_dir.to_path_buf(),
        format: "morgue index",
        message: e.to_string(),
    }
}

/// The archive-level figures described in the module docs.
pub fn eval_reuters_archive(
    files: &[PathBuf],
    judged: Option<&Path>,
    max_errors: usize,
) -> Result<EvalReport, EvalError> {
    let judgements = match judged {
        Some(path) => Some(
            read_judgements(&super::read_text(path)?).map_err(|message| EvalError::Format {
                path: path.to_path_buf(),
                format: "judged people list",
                message,
            })?,
        ),
        None => None,
    };
    let built = ReutersArchive::build(files)?;
    let archive = &built.archive;
    let archived: Vec<&ReutersDoc> = built.docs.iter().collect();
    let index_error = |e: &dyn std::fmt::Display| built.error(e);
    let mut report = EvalReport::new("reuters21578-archive");
    // Indexing runs on every core: its time is no per-core extraction figure.
    report
        .extra
        .insert("index_seconds".to_string(), built.index_seconds);
    report.documents = archived.len() as u64;
    report.bytes = built.bytes;
    let mut log = ErrorLog::new(max_errors);

    // NEWIDs of the articles a set of filters finds.
    let found = |filters: &Filters| built.found(None, filters);
    let person_filter = |value: &str| Filters {
        entities: vec![EntityFilter {
            kind: EntityKind::Person,
            value: value.to_string(),
            about: false,
        }],
        ..Filters::default()
    };
    let title_of: BTreeMap<&str, &str> = archived
        .iter()
        .map(|d| (d.newid.as_str(), d.title.as_str()))
        .collect();

    // The people list, as `morgue people` prints it.
    let field = EntityKind::Person.spec().field;
    let everyone = search::count_values(archive, field, None, &Filters::default(), 100_000)
        .map_err(|e| index_error(&e))?;
    let list: Vec<String> = everyone.iter().map(|c| c.value.clone()).collect();

    // Searches by full name and by surname, for people tagged often enough.
    let mut tagged: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for doc in &archived {
        for tag in &doc.people {
            tagged.entry(tag).or_default().insert(doc.newid.clone());
        }
    }
    let (mut full_total, mut surname_total) = (Score::default(), Score::default());
    let mut macro_recall = Vec::new();
    for (tag, gold) in tagged.iter().filter(|(_, g)| g.len() >= MIN_TAGGED) {
        let full_name = full_name_for(tag, &list);
        let surname = tag.rsplit('-').next().unwrap_or(tag).to_string();
        for (quantity, name, total) in [
            ("full_name", full_name.as_str(), &mut full_total),
            ("surname", surname.as_str(), &mut surname_total),
        ] {
            let hits = found(&person_filter(name))?;
            let correct = hits.intersection(gold).count() as u64;
            let score = Score {
                gold: gold.len() as u64,
                predicted: hits.len() as u64,
                correct,
            };
            if quantity == "full_name" {
                macro_recall.push(score.recall());
                for missed in gold.difference(&hits) {
                    let title = title_of.get(missed.as_str()).copied().unwrap_or("");
                    log.push(
                        quantity,
                        "miss",
                        &format!("NEWID={missed}"),
                        tag.to_string(),
                        super::metrics::flatten(title),
                        format!("--person {name:?} does not find it"),
                    );
                }
            }
            total.add(score);
            report
                .scores
                .insert(format!("{quantity}:{tag} ({name})"), score);
        }
    }
    report.scores.insert("full_name".to_string(), full_total);
    report.scores.insert("surname".to_string(), surname_total);
    if !macro_recall.is_empty() {
        report.extra.insert(
            "full_name_recall_mean".to_string(),
            macro_recall.iter().sum::<f64>() / macro_recall.len() as f64,
        );
    }
    report.extra.insert(
        "people_tagged_5_plus".to_string(),
        macro_recall.len() as f64,
    );

    // Headline-only items: their people against their tags.
    let mut headline = Score::default();
    for doc in archived
        .iter()
        .filter(|d| !d.people.is_empty() && is_headline_only(&d.body))
    {
        let path = built
            .root
            .join(
                doc.date
                    .map(|d| d.format("%Y/%m/%d").to_string())
                    .unwrap_or_default(),
            )
            .join(format!("{}.txt", doc.newid));
        let details =
            search::show(archive, &path.to_string_lossy()).map_err(|e| index_error(&e))?;
        let names: Vec<String> = details
            .iter()
            .flat_map(|d| d.entities.people.iter().map(|p| p.name.clone()))
            .collect();
        let mut correct = 0;
        for tag in &doc.people {
            if names.iter().any(|n| person_matches_tag(n, tag)) {
                correct += 1;
            } else {
                log.push(
                    "headline_people",
                    "miss",
                    &format!("NEWID={}", doc.newid),
                    tag.clone(),
                    super::metrics::flatten(&doc.title),
                    format!("people: [{}]", names.join(", ")),
                );
            }
        }
        headline.add(Score {
            gold: doc.people.len() as u64,
            predicted: names.len() as u64,
            correct,
        });
    }
    report
        .scores
        .insert("headline_people".to_string(), headline);

    // The top of the people list: second names, and judged precision.
    let top: Vec<String> = list.iter().take(LIST_SIZE).cloned().collect();
    let mut second_names = 0;
    for (i, name) in top.iter().enumerate() {
        if let Some(other) = second_name_of(name, &top[..i]) {
            second_names += 1;
            log.push(
                "people_list",
                "second name",
                &format!("rank {}", i + 1),
                name.clone(),
                String::new(),
                format!("also listed as {other:?}"),
            );
        }
    }
    report.extra.insert(
        "people_second_names_top300".to_string(),
        second_names as f64,
    );
    if let Some(judgements) = &judgements {
        for k in [100, LIST_SIZE] {
            let head = &top[..k.min(top.len())];
            let judged: Vec<Verdict> = head
                .iter()
                .filter_map(|n| judgements.get(n).copied())
                .collect();
            let good = judged.iter().filter(|v| **v != Verdict::Wrong).count();
            report.extra.insert(
                format!("people_precision_at_{k}"),
                good as f64 / judged.len().max(1) as f64,
            );
            report.extra.insert(
                format!("people_unjudged_in_top_{k}"),
                (head.len() - judged.len()) as f64,
            );
        }
        for (i, name) in top.iter().enumerate() {
            match judgements.get(name) {
                Some(Verdict::Wrong) => log.push(
                    "people_list",
                    "judged wrong",
                    &format!("rank {}", i + 1),
                    name.clone(),
                    String::new(),
                    String::new(),
                ),
                None => log.push(
                    "people_list",
                    "unjudged",
                    &format!("rank {}", i + 1),
                    name.clone(),
                    String::new(),
                    String::new(),
                ),
                _ => {}
            }
        }
    }

    // States that no longer exist.
    let mut by_code: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for doc in &archived {
        for place in &doc.places {
            if let Some(code) = reuters_place_to_iso(place)
                && countries::by_code(code).is_some_and(|c| c.ended.is_some())
            {
                by_code.entry(code).or_default().insert(doc.newid.clone());
            }
        }
    }
    for (code, gold) in by_code {
        let hits = found(&Filters {
            entities: vec![EntityFilter {
                kind: EntityKind::Country,
                value: code.to_string(),
                about: false,
            }],
            ..Filters::default()
        })?;
        report.scores.insert(
            format!("country:{code}"),
            Score {
                gold: gold.len() as u64,
                predicted: hits.len() as u64,
                correct: hits.intersection(&gold).count() as u64,
            },
        );
    }
    report.errors = log.examples;
    Ok(report)
}

/// A Reuters item with nothing but a headline: its body is the placeholder.
fn is_headline_only(body: &str) -> bool {
    body.trim().trim_start_matches('*').trim() == "Blah blah blah."
}

/// The name the people list gives the person a tag means: the entry matching the
/// tag with the most articles among those of two words or more, else the tag's
/// words title-cased.
fn full_name_for(tag: &str, list: &[String]) -> String {
    list.iter()
        .find(|name| name.split_whitespace().count() >= 2 && person_matches_tag(name, tag))
        .cloned()
        .unwrap_or_else(|| {
            tag.split('-')
                .map(crate::text::titlecase)
                .collect::<Vec<_>>()
                .join(" ")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judged_lists_parse_and_reject_unknown_verdicts() {
        let text = "# judged by hand\nRonald Reagan\tperson\nReagan\tduplicate\tsame as Ronald Reagan\nShearson Lehman\twrong\ta firm\n";
        let judged = read_judgements(text).expect("parses");
        assert_eq!(judged.get("Reagan"), Some(&Verdict::Duplicate));
        assert_eq!(judged.get("Shearson Lehman"), Some(&Verdict::Wrong));
        assert_eq!(judged.len(), 3);
        assert!(read_judgements("Ronald Reagan\tmaybe\n").is_err_and(|e| e.contains("line 1")));
        assert!(read_judgements("no tab here\n").is_err());
    }

    #[test]
    fn second_names_in_the_people_list() {
        let above: Vec<String> = [
            "Ronald Reagan",
            "Exchequer Nigel Lawson",
            "James Baker",
            "Howard Baker",
            "Jim Wright",
        ]
        .map(String::from)
        .to_vec();
        let cases: &[(&str, Option<&str>)] = &[
            ("Reagan", Some("Ronald Reagan")),
            ("Nigel Lawson", Some("Exchequer Nigel Lawson")),
            ("James A. Baker", Some("James Baker")),
            ("James Wright", Some("Jim Wright")),
            ("Kenneth Baker", None),
            ("Nancy Reagan", None),
            ("Paul Volcker", None),
        ];
        for (name, other) in cases {
            assert_eq!(second_name_of(name, &above), *other, "{name}");
        }
    }

    #[test]
    fn full_names_come_from_the_people_list() {
        let list: Vec<String> = ["Reagan", "Ronald Reagan", "James Baker", "Howard Baker"]
            .map(String::from)
            .to_vec();
        assert_eq!(full_name_for("reagan", &list), "Ronald Reagan");
        assert_eq!(full_name_for("howard-baker", &list), "Howard Baker");
        assert_eq!(full_name_for("volcker", &list), "Volcker");
    }

    #[test]
    fn headline_only_items_are_recognised() {
        assert!(is_headline_only("******Blah blah blah."));
        assert!(is_headline_only("Blah blah blah.\n"));
        assert!(!is_headline_only("Blah blah blah. And more."));
    }
}
