//! CoNLL-2003 NER: person mentions, scored on exact spans.
//!
//! A file is one token a line (`TOKEN POS CHUNK NER`), a blank line between
//! sentences and a `-DOCSTART-` line before each document. Each document's
//! text is rebuilt the way the corpus's JSONL conversion does it (tokens
//! joined by one space, sentences by a newline), remembering every token's
//! byte span, so gold `PER` entities become byte spans in that text and can be
//! compared with the spans `find_people` reports.
//!
//! Tags are IOB1: consecutive `I-PER` tokens are one entity; `B-PER` appears
//! only where a second person directly follows a first and starts a new one.
//! (IOB2 input, where every entity starts with `B-`, decodes the same way.)

use std::path::PathBuf;
use std::time::Instant;

use super::metrics::{ErrorLog, Score, Span, context, exact_matches, overlaps, span_text};
use super::{EvalError, EvalReport, file_label, read_text};
use crate::extract::people::{Person, find_people};

const FORMAT: &str = "CoNLL-2003";
const QUANTITY: &str = "per";

/// One document: its rebuilt text and its gold person spans.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct ConllDoc {
    pub text: String,
    pub gold: Vec<Span>,
}

/// Splits a CoNLL file into documents. `Err` is a message naming the first
/// offending line (1-based).
pub(super) fn parse(input: &str) -> Result<Vec<ConllDoc>, String> {
    let mut docs = Vec::new();
    let mut builder = DocBuilder::default();
    let mut tokens_seen = 0usize;
    for (index, line) in input.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.starts_with("-DOCSTART-") {
            docs.extend(builder.finish());
            continue;
        }
        if line.trim().is_empty() {
            builder.end_sentence();
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        let (token, tag) = match fields.as_slice() {
            [token, .., tag] if fields.len() >= 2 => (*token, *tag),
            _ => {
                return Err(format!(
                    "line {}: expected `TOKEN POS CHUNK NER`, found {line:?}",
                    index + 1
                ));
            }
        };
        let tag = Tag::parse(tag).ok_or_else(|| {
            format!(
                "line {}: {tag:?} is not an IOB tag (O, I-XXX or B-XXX)",
                index + 1
            )
        })?;
        builder.token(token, tag);
        tokens_seen += 1;
    }
    docs.extend(builder.finish());
    if tokens_seen == 0 {
        return Err("no tokens".to_string());
    }
    Ok(docs)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag {
    Outside,
    /// `I-PER` (`begin: false`) or `B-PER` (`begin: true`).
    Person {
        begin: bool,
    },
    /// Any other entity type: ends a person like `O` does.
    Other,
}

impl Tag {
    fn parse(tag: &str) -> Option<Tag> {
        if tag == "O" {
            return Some(Tag::Outside);
        }
        let (prefix, kind) = tag.split_once('-')?;
        if kind.is_empty() {
            return None;
        }
        let begin = match prefix {
            "B" => true,
            "I" => false,
            _ => return None,
        };
        Some(if kind == "PER" {
            Tag::Person { begin }
        } else {
            Tag::Other
        })
    }
}

/// Accumulates one document while lines are read.
#[derive(Default)]
struct DocBuilder {
    text: String,
    gold: Vec<Span>,
    /// The person entity being extended, if the previous token was part of one.
    open: Option<Span>,
    /// Whether the current sentence has a token yet (decides space vs newline).
    sentence_started: bool,
}

impl DocBuilder {
    fn token(&mut self, token: &str, tag: Tag) {
        if self.sentence_started {
            self.text.push(' ');
        } else if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.sentence_started = true;
        let start = self.text.len();
        self.text.push_str(token);
        let end = self.text.len();
        match tag {
            Tag::Person { begin: false } if self.open.is_some() => {
                if let Some(open) = &mut self.open {
                    open.1 = end;
                }
            }
            Tag::Person { .. } => {
                self.close();
                self.open = Some((start, end));
            }
            Tag::Outside | Tag::Other => self.close(),
        }
    }

    fn close(&mut self) {
        if let Some(span) = self.open.take() {
            self.gold.push(span);
        }
    }

    fn end_sentence(&mut self) {
        // Entities never cross sentences: a sentence-initial I-PER is a new one.
        self.close();
        self.sentence_started = false;
    }

    fn finish(&mut self) -> Option<ConllDoc> {
        self.end_sentence();
        let builder = std::mem::take(self);
        (!builder.text.is_empty()).then_some(ConllDoc {
            text: builder.text,
            gold: builder.gold,
        })
    }
}

/// Scores one document against what `find_people` returned for its text.
pub(super) fn score_doc(
    doc: &ConllDoc,
    people: &[Person],
    doc_label: &str,
    log: &mut ErrorLog,
) -> Score {
    // Every mention of every person, once: two people claiming the same span
    // is one prediction, whichever name it went to.
    let mut predicted: Vec<(Span, &str)> = people
        .iter()
        .flat_map(|p| p.mentions.iter().map(move |&m| (m, p.name.as_str())))
        .collect();
    predicted.sort();
    predicted.dedup_by_key(|(span, _)| *span);
    let spans: Vec<Span> = predicted.iter().map(|(span, _)| *span).collect();
    let matched = exact_matches(&doc.gold, &spans);

    for (&(span, name), &ok) in predicted.iter().zip(&matched) {
        if ok || !log.wants(QUANTITY, "false positive") {
            continue;
        }
        let mut detail = format!("predicted person {name:?}");
        if let Some(&g) = doc.gold.iter().find(|&&g| overlaps(g, span)) {
            detail.push_str(&format!(", gold span is {:?}", span_text(&doc.text, g)));
        }
        log.push(
            QUANTITY,
            "false positive",
            doc_label,
            span_text(&doc.text, span),
            context(&doc.text, span),
            detail,
        );
    }
    for &g in &doc.gold {
        if spans.contains(&g) || !log.wants(QUANTITY, "miss") {
            continue;
        }
        let detail = match predicted.iter().find(|(p, _)| overlaps(*p, g)) {
            Some((p, name)) => format!(
                "predicted span is {:?} (person {name:?})",
                span_text(&doc.text, *p)
            ),
            None => "no person predicted here".to_string(),
        };
        log.push(
            QUANTITY,
            "miss",
            doc_label,
            span_text(&doc.text, g),
            context(&doc.text, g),
            detail,
        );
    }

    Score {
        gold: doc.gold.len() as u64,
        predicted: spans.len() as u64,
        correct: matched.iter().filter(|&&ok| ok).count() as u64,
    }
}

/// Exact-span precision/recall/F1 of person mentions (`per`) over every
/// document of every file; see the module docs for the text each document
/// becomes.
pub fn eval_conll(files: &[PathBuf], max_errors: usize) -> Result<EvalReport, EvalError> {
    if files.is_empty() {
        return Err(EvalError::NoFiles { format: FORMAT });
    }
    let mut report = EvalReport::new("conll2003");
    let mut log = ErrorLog::new(max_errors);
    let mut total = Score::default();
    for path in files {
        let input = read_text(path)?;
        let docs = parse(&input).map_err(|message| EvalError::Format {
            path: path.clone(),
            format: FORMAT,
            message,
        })?;
        let label = file_label(path);
        for (n, doc) in docs.iter().enumerate() {
            let started = Instant::now();
            let people = find_people(&doc.text);
            report.extract_seconds += started.elapsed().as_secs_f64();
            report.documents += 1;
            report.bytes += doc.text.len() as u64;
            total.add(score_doc(
                doc,
                &people,
                &format!("{label}#{}", n + 1),
                &mut log,
            ));
        }
    }
    report.scores.insert(QUANTITY.to_string(), total);
    report.errors = log.examples;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a CoNLL file from `token/TAG` words; `|` ends a sentence and
    /// `#` starts a document.
    fn conll(words: &str) -> String {
        let mut out = String::new();
        for word in words.split_whitespace() {
            match word {
                "#" => out.push_str("-DOCSTART- -X- O O\n\n"),
                "|" => out.push('\n'),
                _ => {
                    let (token, tag) = word.rsplit_once('/').unwrap();
                    out.push_str(&format!("{token} NNP I-NP {tag}\n"));
                }
            }
        }
        out
    }

    fn gold_texts(doc: &ConllDoc) -> Vec<&str> {
        doc.gold.iter().map(|&(s, e)| &doc.text[s..e]).collect()
    }

    #[test]
    fn iob1_spans() {
        let cases: &[(&str, &str, &[&str])] = &[
            // (CoNLL words, rebuilt text, gold person texts)
            (
                "Phil/I-PER Simmons/I-PER took/O four/O",
                "Phil Simmons took four",
                &["Phil Simmons"],
            ),
            // B-PER directly after I-PER: two adjacent people.
            (
                "told/O Ann/I-PER Lee/I-PER Bo/B-PER Ng/I-PER",
                "told Ann Lee Bo Ng",
                &["Ann Lee", "Bo Ng"],
            ),
            // B-PER after B-PER: each starts its own entity.
            ("Ann/B-PER Bo/B-PER", "Ann Bo", &["Ann", "Bo"]),
            // Another entity type in between ends the person.
            (
                "Ann/I-PER Leeds/I-ORG Bo/I-PER",
                "Ann Leeds Bo",
                &["Ann", "Bo"],
            ),
            // A sentence break ends the person even when both sides are I-PER.
            (
                "a/O Ann/I-PER | Bo/I-PER b/O",
                "a Ann\nBo b",
                &["Ann", "Bo"],
            ),
            // Person at the very end of the document is closed.
            ("by/O Ann/I-PER", "by Ann", &["Ann"]),
            // No people at all.
            ("LONDON/I-LOC 1996-08-30/O", "LONDON 1996-08-30", &[]),
        ];
        for (words, text, people) in cases {
            let docs = parse(&conll(words)).unwrap();
            assert_eq!(docs.len(), 1, "{words}");
            assert_eq!(docs[0].text, *text, "{words}");
            assert_eq!(gold_texts(&docs[0]), *people, "{words}");
        }
    }

    #[test]
    fn docstart_separates_documents_and_offsets_restart() {
        let docs = parse(&conll("# a/O Ann/I-PER | b/O # Bo/I-PER")).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "a Ann\nb");
        assert_eq!(docs[0].gold, [(2, 5)]);
        assert_eq!(docs[1].text, "Bo");
        assert_eq!(docs[1].gold, [(0, 2)]);
    }

    #[test]
    fn malformed_input_is_an_error_naming_the_line() {
        let cases = [
            ("Ann NNP I-NP I-PER\nhello\n", "line 2"),
            ("Ann NNP I-NP PERSON\n", "line 1"),
            ("Ann NNP I-NP X-PER\n", "line 1"),
            ("Ann NNP I-NP I-\n", "line 1"),
            ("-DOCSTART- -X- O O\n\n", "no tokens"),
            ("", "no tokens"),
        ];
        for (input, want) in cases {
            let err = parse(input).unwrap_err();
            assert!(err.contains(want), "{input:?}: {err}");
        }
    }

    #[test]
    fn crlf_lines_parse() {
        let docs = parse("Ann NNP I-NP I-PER\r\nsaid VBD I-VP O\r\n").unwrap();
        assert_eq!(docs[0].text, "Ann said");
    }

    #[test]
    fn scoring_is_exact_span_and_logs_both_kinds() {
        let docs = parse(&conll("told/O Ann/I-PER Lee/I-PER and/O Bo/I-PER Ng/I-PER")).unwrap();
        let doc = &docs[0];
        // "Ann Lee" exact; "Bo" only part of "Bo Ng"; "told" spurious.
        let people = vec![
            Person {
                name: "Ann Lee".into(),
                mentions: vec![(5, 12)],
            },
            Person {
                name: "Bo".into(),
                mentions: vec![(17, 19), (17, 19)],
            },
            Person {
                name: "Told".into(),
                mentions: vec![(0, 4)],
            },
        ];
        let mut log = ErrorLog::new(10);
        let score = score_doc(doc, &people, "t#1", &mut log);
        assert_eq!(
            score,
            Score {
                gold: 2,
                predicted: 3,
                correct: 1
            }
        );
        let kinds: Vec<(&str, &str)> = log
            .examples
            .iter()
            .map(|e| (e.kind, e.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("false positive", "told"),
                ("false positive", "Bo"),
                ("miss", "Bo Ng")
            ]
        );
        assert!(
            log.examples[1].detail.contains("gold span is \"Bo Ng\""),
            "{:?}",
            log.examples[1]
        );
        assert!(
            log.examples[2].detail.contains("predicted span is \"Bo\""),
            "{:?}",
            log.examples[2]
        );
        assert_eq!(log.examples[2].context, "told Ann Lee and [Bo Ng]");
    }
}
