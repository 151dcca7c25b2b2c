//! Evaluation: how well the extractors do on gold-annotated research corpora.
//!
//! This module owns reading three dev corpora, running the extractors over
//! their text, and scoring the result against the corpus annotations:
//!
//! | corpus | function | quantities |
//! |---|---|---|
//! | CoNLL-2003 English NER | [`eval_conll`] | `per`: exact-span person mentions |
//! | Reuters-21578 SGML | [`eval_reuters`] | `countries_all`, `countries_about`, `people`: document-level tags |
//! | Reuters-21578 topics | [`eval_reuters_topics`] | `topic:NAME`: a query per topic against the tagged articles; mean recall, precision, precision of the first ten |
//! | TempEval-3 TimeML | [`eval_timeml`] | `dates`: overlap detection; extra `value_accuracy` |
//! | saved web pages, gold dates | [`eval_html_dates`] | `day`: publication day; `accuracy`, `coverage`, `precision` |
//! | saved web pages, gold snippets | [`eval_html_text`] | `text`: trafilatura's snippet scheme; per-page means |
//!
//! Each corpus module (`conll`, `reuters`, `timeml`) has a parser that turns a
//! file into documents with gold annotations and a scorer that compares one
//! document's gold with the extractor output; both are pure and tested on
//! tiny handmade samples. The `eval_*` functions tie them together and time
//! the extractor calls alone, so the reported throughput is the extractors'
//! and not the parsers'.
//!
//! The corpora themselves are research-only and never part of the
//! repository; the tests that use them run only when `../shared/data` exists.
//!
//! No function here writes output: [`render_table`] and the [`Serialize`]
//! impl of [`EvalReport`] give the CLI its text and JSON forms.

mod archive;
mod conll;
mod html;
mod metrics;
mod reuters;
mod timeml;
mod topics;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::ser::{Serialize, SerializeMap, Serializer};

pub use archive::{Verdict, eval_reuters_archive, read_judgements};
pub use conll::eval_conll;
pub use html::{eval_html_dates, eval_html_text};
pub use metrics::Score;
pub use reuters::{eval_reuters, reuters_place_to_iso};
pub use timeml::eval_timeml;
pub use topics::{TopicQuery, eval_reuters_topics, read_topic_queries};

/// One extraction error worth showing to a person tuning an extractor.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ErrorExample {
    /// `"false positive"`, `"miss"` or `"wrong value"`.
    pub kind: &'static str,
    /// Where: `eng.testa#12` (file and document number), `reut2-000.sgm#NEWID=5`,
    /// or a TimeML file's name.
    pub doc: String,
    /// The text at issue: the span for span-level quantities, the gold tag
    /// or country code for document-level ones.
    pub text: String,
    /// About 80 characters around the span with the span in brackets (or the
    /// article title for document-level quantities), on one line.
    pub context: String,
    /// The quantity, then what went wrong: `per: predicted "Bill" (gold "Bill Clinton")`.
    pub detail: String,
}

/// The outcome of one evaluation run over one corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct EvalReport {
    /// `"conll2003"`, `"reuters21578"` or `"timeml"`.
    pub dataset: &'static str,
    /// Documents scored (for Reuters: articles with at least one gold tag).
    pub documents: u64,
    /// Bytes of text handed to the extractors.
    pub bytes: u64,
    /// Wall time spent inside the extractors only, single-threaded.
    pub extract_seconds: f64,
    /// One score per measured quantity, keyed by its name.
    pub scores: BTreeMap<String, Score>,
    /// Figures that are not precision/recall: ratios and counts.
    pub extra: BTreeMap<String, f64>,
    /// At most `max_errors` examples of each (quantity, kind) pair.
    pub errors: Vec<ErrorExample>,
}

impl EvalReport {
    fn new(dataset: &'static str) -> Self {
        EvalReport {
            dataset,
            documents: 0,
            bytes: 0,
            extract_seconds: 0.0,
            scores: BTreeMap::new(),
            extra: BTreeMap::new(),
            errors: Vec::new(),
        }
    }

    /// Extraction throughput in MB/s on one core (bytes / extractor time /
    /// 1e6); 0 when nothing was timed.
    pub fn throughput_mb_s(&self) -> f64 {
        if self.extract_seconds > 0.0 {
            self.bytes as f64 / self.extract_seconds / 1e6
        } else {
            0.0
        }
    }
}

/// The JSON form is one flat object, so that a script can read
/// `report.per.f1` or `report.value_accuracy` without knowing which map a
/// figure lives in:
///
/// ```json
/// {
///   "dataset": "reuters21578",
///   "documents": 1797, "bytes": 1493870, "extract_seconds": 0.41, "throughput_mb_s": 3.64,
///   "countries_all":   {"precision": .., "recall": .., "f1": .., "gold": .., "predicted": .., "correct": ..},
///   "countries_about": {...},
///   "people":          {...},
///   "places_not_countries": 3,
///   "errors": [{"kind": "miss", "doc": "...", "text": "...", "context": "...", "detail": "..."}]
/// }
/// ```
///
/// Keys: the fixed ones above, then one object per entry of `scores`
/// (`per` for CoNLL; `countries_all`, `countries_about`, `people` for Reuters;
/// `dates` for TimeML), then one number per entry of `extra`
/// (`value_accuracy` for TimeML; `places_not_countries`,
/// `places_outside_table` for Reuters), then `errors`.
impl Serialize for EvalReport {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("dataset", self.dataset)?;
        map.serialize_entry("documents", &self.documents)?;
        map.serialize_entry("bytes", &self.bytes)?;
        map.serialize_entry("extract_seconds", &self.extract_seconds)?;
        map.serialize_entry("throughput_mb_s", &self.throughput_mb_s())?;
        for (name, score) in &self.scores {
            map.serialize_entry(name, score)?;
        }
        for (name, value) in &self.extra {
            map.serialize_entry(name, value)?;
        }
        map.serialize_entry("errors", &self.errors)?;
        map.end()
    }
}

/// Why an evaluation could not run. Every message is one line naming the file.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: not a {format} file: {message}", path.display())]
    Format {
        path: PathBuf,
        format: &'static str,
        message: String,
    },
    #[error("no {format} files given")]
    NoFiles { format: &'static str },
}

/// A file's bytes as text: UTF-8 when valid, otherwise latin-1 (the research
/// corpora predate UTF-8 and some carry stray 8-bit bytes).
fn read_text(path: &Path) -> Result<String, EvalError> {
    let bytes = std::fs::read(path).map_err(|source| EvalError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => latin1(err.as_bytes()),
    })
}

/// Latin-1 decoding: every byte is the code point of the same number.
fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// The value of `name="..."` (or single-quoted) in a tag's markup.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut search = 0;
    while let Some(found) = tag[search..].find(name) {
        let at = search + found;
        search = at + name.len();
        // A whole attribute name: preceded by whitespace, followed by `=`.
        let preceded = tag[..at].ends_with(|c: char| c.is_whitespace());
        let after = tag[search..].trim_start();
        let Some(after) = after.strip_prefix('=').map(str::trim_start) else {
            continue;
        };
        if !preceded {
            continue;
        }
        let quote = after.chars().next().filter(|&c| c == '"' || c == '\'')?;
        let value = &after[1..];
        return value.find(quote).map(|end| &value[..end]);
    }
    None
}

/// The file's name for error examples (`eng.testa`), the whole path if it has none.
fn file_label(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The report as a small fixed-width table per quantity, then extras and
/// error examples.
///
/// ```text
/// conll2003: 216 documents, 0.75 MB, extractor 0.52 s = 1.44 MB/s per core
///
/// quantity         precision  recall      f1    gold  predicted  correct
/// per                  0.912   0.880   0.896    1842       1777     1621
///
/// places_not_countries  3
///
/// errors:
///   miss  eng.testa#3  "Phil Simmons"  …all-rounder [Phil Simmons] took four…  per: gold PER
/// ```
pub fn render_table(report: &EvalReport) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = write!(
        out,
        "{}: {} documents, {:.2} MB",
        report.dataset,
        report.documents,
        report.bytes as f64 / 1e6
    );
    let _ = if report.extract_seconds > 0.0 {
        writeln!(
            out,
            ", extractor {:.2} s = {:.2} MB/s per core",
            report.extract_seconds,
            report.throughput_mb_s()
        )
    } else {
        writeln!(out)
    };
    if !report.scores.is_empty() {
        let width = report
            .scores
            .keys()
            .map(|k| k.len())
            .max()
            .unwrap_or(0)
            .max("quantity".len());
        let _ = writeln!(
            out,
            "\n{:<width$}  {:>9}  {:>6}  {:>6}  {:>6}  {:>9}  {:>7}",
            "quantity", "precision", "recall", "f1", "gold", "predicted", "correct"
        );
        for (name, s) in &report.scores {
            let _ = writeln!(
                out,
                "{:<width$}  {:>9.3}  {:>6.3}  {:>6.3}  {:>6}  {:>9}  {:>7}",
                name,
                s.precision(),
                s.recall(),
                s.f1(),
                s.gold,
                s.predicted,
                s.correct
            );
        }
    }
    if !report.extra.is_empty() {
        out.push('\n');
        let width = report.extra.keys().map(|k| k.len()).max().unwrap_or(0);
        for (name, value) in &report.extra {
            // Counts print as integers, ratios with three decimals.
            if value.fract() == 0.0 && value.abs() < 1e15 {
                let _ = writeln!(out, "{name:<width$}  {value:.0}");
            } else {
                let _ = writeln!(out, "{name:<width$}  {value:.3}");
            }
        }
    }
    if !report.errors.is_empty() {
        out.push_str("\nerrors:\n");
        for e in &report.errors {
            let _ = writeln!(
                out,
                "  {}  {}  {:?}  {}  {}",
                e.kind, e.doc, e.text, e.context, e.detail
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_report() -> EvalReport {
        let mut report = EvalReport::new("timeml");
        report.documents = 2;
        report.bytes = 2_000_000;
        report.extract_seconds = 0.5;
        report.scores.insert(
            "dates".into(),
            Score {
                gold: 10,
                predicted: 8,
                correct: 6,
            },
        );
        report.extra.insert("value_accuracy".into(), 0.5);
        report.extra.insert("places_not_countries".into(), 3.0);
        report.errors.push(ErrorExample {
            kind: "miss",
            doc: "a.tml".into(),
            text: "Monday".into(),
            context: "on [Monday] he".into(),
            detail: "dates: gold 1998-01-05".into(),
        });
        report
    }

    #[test]
    fn json_is_flat_with_one_key_per_quantity() {
        let json = serde_json::to_value(sample_report()).unwrap();
        assert_eq!(json["dataset"], "timeml");
        assert_eq!(json["documents"], 2);
        assert_eq!(json["throughput_mb_s"], 4.0);
        assert_eq!(json["dates"]["gold"], 10);
        assert_eq!(json["dates"]["precision"], 0.75);
        assert_eq!(json["value_accuracy"], 0.5);
        assert_eq!(json["places_not_countries"], 3.0);
        assert_eq!(json["errors"][0]["kind"], "miss");
    }

    #[test]
    fn table_shows_scores_extras_throughput_and_errors() {
        let table = render_table(&sample_report());
        assert!(table.contains("4.00 MB/s per core"), "{table}");
        assert!(table.contains("dates"), "{table}");
        assert!(
            table.contains("0.750   0.600   0.667      10          8        6"),
            "{table}"
        );
        assert!(table.contains("value_accuracy        0.500"), "{table}");
        assert!(table.contains("places_not_countries  3\n"), "{table}");
        assert!(
            table.contains("miss  a.tml  \"Monday\"  on [Monday] he"),
            "{table}"
        );
    }

    #[test]
    fn zero_time_means_zero_throughput() {
        assert_eq!(EvalReport::new("x").throughput_mb_s(), 0.0);
    }

    #[test]
    fn errors_name_the_file_on_one_line() {
        let missing = PathBuf::from("/nonexistent/eng.testa");
        let err = eval_conll(std::slice::from_ref(&missing), 5).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with("/nonexistent/eng.testa: cannot read"),
            "{msg}"
        );
        assert!(!msg.contains('\n'));
        assert!(matches!(
            eval_timeml(&[], 5),
            Err(EvalError::NoFiles { .. })
        ));
    }

    #[test]
    fn latin1_fallback_keeps_every_byte() {
        assert_eq!(latin1(b"caf\xe9"), "café");
    }

    #[test]
    fn attributes_match_whole_names_only() {
        let tag = r#"TIMEX3 tid="t1" anchorvalue="x" value="1998" type = 'DATE'"#;
        assert_eq!(attribute(tag, "value"), Some("1998"));
        assert_eq!(attribute(tag, "type"), Some("DATE"));
        assert_eq!(attribute(tag, "mod"), None);
        assert_eq!(attribute(r#"X value="unterminated"#, "value"), None);
    }

    // The shared research data, when present next to the repository. These
    // only check that each evaluator runs and finds gold; figure floors are
    // the lead's to set.

    /// `../shared/data` beside the checkout, or `MORGUE_SHARED_DATA` for
    /// checkouts that live elsewhere (git worktrees).
    fn shared_data() -> Option<PathBuf> {
        let dir = std::env::var_os("MORGUE_SHARED_DATA")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
        if dir.is_dir() {
            Some(dir)
        } else {
            eprintln!("skipped: {} is not present", dir.display());
            None
        }
    }

    fn files_in(dir: &Path, ext: &str) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == ext));
        files.sort();
        files
    }

    #[test]
    fn shared_conll_when_available() {
        let Some(data) = shared_data() else { return };
        let file = data.join("conll2003/eng.testa");
        if !file.is_file() {
            eprintln!("skipped: {} is not present", file.display());
            return;
        }
        let report = eval_conll(&[file], 3).unwrap();
        eprintln!("{}", render_table(&report));
        assert!(report.documents > 0);
        // The target for person mentions on the CoNLL dev set.
        let per = &report.scores["per"];
        assert!(
            per.f1() >= 0.92,
            "PER F1 {:.3} under the 0.92 floor",
            per.f1()
        );
    }

    #[test]
    fn shared_reuters_when_available() {
        let Some(data) = shared_data() else { return };
        let files: Vec<PathBuf> = files_in(&data.join("reuters21578"), "sgm")
            .into_iter()
            .take(2)
            .collect();
        if files.is_empty() {
            eprintln!("skipped: no reut2-*.sgm under {}", data.display());
            return;
        }
        let report = eval_reuters(&files, 3).unwrap();
        eprintln!("{}", render_table(&report));
        assert!(report.documents > 0);
        for quantity in ["countries_all", "countries_about", "people"] {
            assert!(report.scores[quantity].gold > 0, "{quantity}");
        }
        // Floors a little under today's figures on these two files
        // (0.981, 0.914 and 0.950), so a regression shows.
        let all = &report.scores["countries_all"];
        assert!(all.recall() >= 0.95, "countries recall {:.3}", all.recall());
        let about = &report.scores["countries_about"];
        assert!(about.f1() >= 0.90, "about F1 {:.3}", about.f1());
        let people = &report.scores["people"];
        assert!(
            people.recall() >= 0.90,
            "people recall {:.3}",
            people.recall()
        );
    }

    /// The figures on the whole dev data, for tuning extractors:
    /// `cargo test --lib eval::tests::dev_figures -- --ignored --nocapture`
    /// (a minute or more in a debug build). `EVAL_ERRORS=n` shows n examples
    /// of each kind; `EVAL_ONLY=conll|reuters|timeml` runs one corpus.
    #[test]
    #[ignore = "slow: every dev file of every corpus"]
    fn dev_figures() {
        let Some(data) = shared_data() else { return };
        let max_errors = std::env::var("EVAL_ERRORS")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(5);
        let only = std::env::var("EVAL_ONLY").unwrap_or_default();
        let run = |name: &str, eval: &dyn Fn() -> Result<EvalReport, EvalError>| {
            if !only.is_empty() && !name.starts_with(only.as_str()) {
                return;
            }
            match eval() {
                Ok(report) => {
                    println!("{}", render_table(&report));
                    let mut json = serde_json::to_value(&report).unwrap();
                    json.as_object_mut().unwrap().remove("errors");
                    println!("{json}\n");
                }
                Err(err) => println!("{name}: {err}\n"),
            }
        };
        run("conll", &|| {
            eval_conll(&[data.join("conll2003/eng.testa")], max_errors)
        });
        run("reuters", &|| {
            eval_reuters(&files_in(&data.join("reuters21578"), "sgm"), max_errors)
        });
        let tbaq = data.join("tempeval3/TBAQ-cleaned");
        run("timeml-timebank", &|| {
            eval_timeml(&files_in(&tbaq.join("TimeBank"), "tml"), max_errors)
        });
        run("timeml-aquaint", &|| {
            eval_timeml(&files_in(&tbaq.join("AQUAINT"), "tml"), max_errors)
        });
    }

    #[test]
    fn shared_timeml_when_available() {
        let Some(data) = shared_data() else { return };
        let files = files_in(&data.join("tempeval3/TBAQ-cleaned/TimeBank"), "tml");
        if files.is_empty() {
            eprintln!("skipped: no TimeBank .tml files under {}", data.display());
            return;
        }
        let report = eval_timeml(&files, 3).unwrap();
        eprintln!("{}", render_table(&report));
        assert!(report.documents > 0);
        // The targets for calendar dates.
        let dates = &report.scores["dates"];
        assert!(dates.f1() >= 0.85, "dates F1 {:.3}", dates.f1());
        let accuracy = report.extra["value_accuracy"];
        assert!(accuracy >= 0.90, "value accuracy {accuracy:.3}");
    }
}
