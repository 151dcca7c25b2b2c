//! CoNLL-2003 NER: person and organisation mentions, scored on exact spans.
//!
//! A file is one token a line (`TOKEN POS CHUNK NER`), a blank line between
//! sentences and a `-DOCSTART-` line before each document. Each document's
//! text is rebuilt the way the corpus's JSONL conversion does it (tokens
//! joined by one space, sentences by a newline), remembering every token's
//! byte span, so gold `PER` and `ORG` entities become byte spans in that text
//! and can be compared with the mention spans of the people and organisations
//! that extraction reports ([`crate::extract::names`]).
//!
//! Tags are IOB1: consecutive `I-PER` tokens are one entity; `B-PER` appears
//! only where a second entity of the type directly follows a first and starts
//! a new one. (IOB2 input, where every entity starts with `B-`, decodes the
//! same way.)

use std::path::PathBuf;
use std::time::Instant;

use super::metrics::{ErrorLog, Score, Span, context, exact_matches, overlaps, span_text};
use super::{EvalError, EvalReport, file_label, read_text};
use crate::extract::names;

const FORMAT: &str = "CoNLL-2003";

/// The entity types scored, with the name of their quantity in the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scored {
    Person,
    Org,
}

impl Scored {
    const ALL: [Scored; 2] = [Scored::Person, Scored::Org];

    fn quantity(self) -> &'static str {
        match self {
            Scored::Person => "per",
            Scored::Org => "org",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Scored::Person => "person",
            Scored::Org => "organisation",
        }
    }
}

/// One document: its rebuilt text and its gold spans per scored type.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct ConllDoc {
    pub text: String,
    pub people: Vec<Span>,
    pub orgs: Vec<Span>,
}

impl ConllDoc {
    fn gold(&self, scored: Scored) -> &[Span] {
        match scored {
            Scored::Person => &self.people,
            Scored::Org => &self.orgs,
        }
    }
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
    /// `I-XXX` (`begin: false`) or `B-XXX` (`begin: true`); `scored` is `None` for
    /// the types not scored (`LOC`, `MISC`), which end an entity like `O` does.
    Entity {
        scored: Option<Scored>,
        begin: bool,
    },
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
        let scored = match kind {
            "PER" => Some(Scored::Person),
            "ORG" => Some(Scored::Org),
            _ => None,
        };
        Some(Tag::Entity { scored, begin })
    }
}

/// Accumulates one document while lines are read.
#[derive(Default)]
struct DocBuilder {
    doc: ConllDoc,
    /// The entity being extended, if the previous token was part of one.
    open: Option<(Scored, Span)>,
    /// Whether the current sentence has a token yet (decides space vs newline).
    sentence_started: bool,
}

impl DocBuilder {
    fn token(&mut self, token: &str, tag: Tag) {
        let text = &mut self.doc.text;
        if self.sentence_started {
            text.push(' ');
        } else if !text.is_empty() {
            text.push('\n');
        }
        self.sentence_started = true;
        let start = text.len();
        text.push_str(token);
        let end = text.len();
        match tag {
            Tag::Entity {
                scored: Some(scored),
                begin: false,
            } if self.open.is_some_and(|(open, _)| open == scored) => {
                if let Some((_, span)) = &mut self.open {
                    span.1 = end;
                }
            }
            Tag::Entity {
                scored: Some(scored),
                ..
            } => {
                self.close();
                self.open = Some((scored, (start, end)));
            }
            Tag::Outside | Tag::Entity { scored: None, .. } => self.close(),
        }
    }

    fn close(&mut self) {
        match self.open.take() {
            Some((Scored::Person, span)) => self.doc.people.push(span),
            Some((Scored::Org, span)) => self.doc.orgs.push(span),
            None => {}
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
        (!builder.doc.text.is_empty()).then_some(builder.doc)
    }
}

/// Scores one document's mentions of one type: `predicted` holds every mention
/// span the extractor reported, each with the name it went to.
fn score_doc(
    doc: &ConllDoc,
    scored: Scored,
    predicted: &[(Span, &str)],
    doc_label: &str,
    log: &mut ErrorLog,
) -> Score {
    let (quantity, noun, gold) = (scored.quantity(), scored.noun(), doc.gold(scored));
    // Every mention, once: two names claiming the same span is one prediction,
    // whichever name it went to.
    let mut predicted = predicted.to_vec();
    predicted.sort();
    predicted.dedup_by_key(|(span, _)| *span);
    let spans: Vec<Span> = predicted.iter().map(|(span, _)| *span).collect();
    let matched = exact_matches(gold, &spans);

    for (&(span, name), &ok) in predicted.iter().zip(&matched) {
        if ok || !log.wants(quantity, "false positive") {
            continue;
        }
        let mut detail = format!("predicted {noun} {name:?}");
        if let Some(&g) = gold.iter().find(|&&g| overlaps(g, span)) {
            detail.push_str(&format!(", gold span is {:?}", span_text(&doc.text, g)));
        }
        log.push(
            quantity,
            "false positive",
            doc_label,
            span_text(&doc.text, span),
            context(&doc.text, span),
            detail,
        );
    }
    for &g in gold {
        if spans.contains(&g) || !log.wants(quantity, "miss") {
            continue;
        }
        let detail = match predicted.iter().find(|(p, _)| overlaps(*p, g)) {
            Some((p, name)) => format!(
                "predicted span is {:?} ({noun} {name:?})",
                span_text(&doc.text, *p)
            ),
            None => format!("no {noun} predicted here"),
        };
        log.push(
            quantity,
            "miss",
            doc_label,
            span_text(&doc.text, g),
            context(&doc.text, g),
            detail,
        );
    }

    Score {
        gold: gold.len() as u64,
        predicted: spans.len() as u64,
        correct: matched.iter().filter(|&&ok| ok).count() as u64,
    }
}

/// Exact-span precision/recall/F1 of person (`per`) and organisation (`org`)
/// mentions over every document of every file; see the module docs for the
/// text each document becomes.
pub fn eval_conll(files: &[PathBuf], max_errors: usize) -> Result<EvalReport, EvalError> {
    if files.is_empty() {
        return Err(EvalError::NoFiles { format: FORMAT });
    }
    let mut report = EvalReport::new("conll2003");
    let mut log = ErrorLog::new(max_errors);
    let mut totals = [Score::default(); 2];
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
            let found = names(&doc.text, None);
            let (people, orgs) = (found.people, found.orgs);
            report.extract_seconds += started.elapsed().as_secs_f64();
            report.documents += 1;
            report.bytes += doc.text.len() as u64;
            let doc_label = format!("{label}#{}", n + 1);
            for (total, scored) in totals.iter_mut().zip(Scored::ALL) {
                let predicted: Vec<(Span, &str)> = match scored {
                    Scored::Person => people
                        .iter()
                        .filter(|p| !p.weak)
                        .flat_map(|p| p.mentions.iter().map(move |&m| (m, p.name.as_str())))
                        .collect(),
                    Scored::Org => orgs
                        .iter()
                        .flat_map(|o| o.mentions.iter().map(move |&m| (m, o.name.as_str())))
                        .collect(),
                };
                total.add(score_doc(doc, scored, &predicted, &doc_label, &mut log));
            }
        }
    }
    for (total, scored) in totals.into_iter().zip(Scored::ALL) {
        report.scores.insert(scored.quantity().to_string(), total);
    }
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

    fn gold_texts(doc: &ConllDoc, scored: Scored) -> Vec<&str> {
        doc.gold(scored)
            .iter()
            .map(|&(s, e)| &doc.text[s..e])
            .collect()
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
                "Ann/I-PER Leeds/I-LOC Bo/I-PER",
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
            assert_eq!(gold_texts(&docs[0], Scored::Person), *people, "{words}");
        }
    }

    #[test]
    fn organisations_are_read_beside_people() {
        let words = "Ann/I-PER of/O Leeds/I-ORG United/I-ORG met/O Bo/I-PER Acme/I-ORG Co/I-ORG | IBM/I-ORG";
        let docs = parse(&conll(words)).unwrap();
        assert_eq!(gold_texts(&docs[0], Scored::Person), ["Ann", "Bo"]);
        assert_eq!(
            gold_texts(&docs[0], Scored::Org),
            ["Leeds United", "Acme Co", "IBM"]
        );
        // A person right after an organisation starts a new entity, I- or not.
        let docs = parse(&conll("Acme/I-ORG Ann/I-PER")).unwrap();
        assert_eq!(gold_texts(&docs[0], Scored::Org), ["Acme"]);
        assert_eq!(gold_texts(&docs[0], Scored::Person), ["Ann"]);
    }

    #[test]
    fn docstart_separates_documents_and_offsets_restart() {
        let docs = parse(&conll("# a/O Ann/I-PER | b/O # Bo/I-PER")).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "a Ann\nb");
        assert_eq!(docs[0].people, [(2, 5)]);
        assert_eq!(docs[1].text, "Bo");
        assert_eq!(docs[1].people, [(0, 2)]);
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
        let predicted = [
            ((5, 12), "Ann Lee"),
            ((17, 19), "Bo"),
            ((17, 19), "Bo"),
            ((0, 4), "Told"),
        ];
        let mut log = ErrorLog::new(10);
        let score = score_doc(doc, Scored::Person, &predicted, "t#1", &mut log);
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
