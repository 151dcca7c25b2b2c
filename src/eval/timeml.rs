//! TempEval-3 TimeML: calendar-date detection and normalisation.
//!
//! A `.tml` file has a document creation time (`<DCT><TIMEX3 value=..>`)
//! and a `<TEXT>` whose words are interleaved with `EVENT`, `SIGNAL` and
//! `TIMEX3` markup. The text the extractor sees is `TEXT` with every tag
//! removed and character references decoded; each `TIMEX3` becomes a byte
//! span in that text.
//!
//! Gold is the `TIMEX3`s of `type="DATE"` whose value is a calendar date
//! (`1998`, `1998-01`, `1998-01-08`), the only values `PartialDate` can
//! express. The rest (`PRESENT_REF`, `1998-Q1`, `P3M`, times, sets) are
//! *ignorable*: a prediction overlapping one is neither right nor wrong,
//! because the annotation marks a real time expression that morgue simply
//! does not represent.

use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;

use super::metrics::{ErrorLog, Score, Span, context, overlap_matching, overlaps, span_text};
use super::{EvalError, EvalReport, attribute, file_label, read_text};
use crate::extract::dates::find_dates;
use crate::text::decode_entities;

const FORMAT: &str = "TimeML";
const QUANTITY: &str = "dates";

/// One `TIMEX3` of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Timex {
    pub span: Span,
    /// The `type` attribute: `DATE`, `TIME`, `DURATION`, `SET`.
    pub kind: String,
    pub value: String,
}

impl Timex {
    fn is_gold(&self) -> bool {
        self.kind == "DATE" && is_calendar_value(&self.value)
    }
}

#[derive(Debug, PartialEq, Eq)]
pub(super) struct TimemlDoc {
    pub dct: NaiveDate,
    pub text: String,
    pub timexes: Vec<Timex>,
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (digits only, no other suffix).
fn is_calendar_value(value: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let mut parts = value.split('-');
    let year = parts.next().is_some_and(|y| digits(y, 4));
    let rest: Vec<&str> = parts.collect();
    year && rest.len() <= 2 && rest.iter().all(|p| digits(p, 2))
}

pub(super) fn parse(input: &str) -> Result<TimemlDoc, String> {
    let dct_markup = between(input, "<DCT>", "</DCT>").ok_or("no <DCT> element")?;
    let dct_value = attribute(dct_markup, "value").ok_or("the <DCT> has no TIMEX3 value")?;
    // A creation *time* (`1998-06-26T07:07:00`) anchors by its date.
    let dct = dct_value
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .ok_or_else(|| {
            format!("the DCT value {dct_value:?} does not start with a YYYY-MM-DD date")
        })?;
    let text_start = input.find("<TEXT>").ok_or("no <TEXT> element")? + "<TEXT>".len();
    let text_len = input[text_start..]
        .find("</TEXT>")
        .ok_or("<TEXT> is not closed")?;
    let (text, timexes) = strip_tags(&input[text_start..text_start + text_len])?;
    Ok(TimemlDoc { dct, text, timexes })
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = s.find(open)? + open.len();
    let len = s[start..].find(close)?;
    Some(&s[start..start + len])
}

/// Removes the markup of a TimeML `TEXT`, keeping the words between tags
/// (decoded), and returns each `TIMEX3` as a span of the result.
pub(super) fn strip_tags(markup: &str) -> Result<(String, Vec<Timex>), String> {
    let mut text = String::with_capacity(markup.len());
    let mut timexes = Vec::new();
    // Open TIMEX3s: start offset in `text`, type, value. A stack, although
    // TimeML does not nest them, so that nesting would still pair correctly.
    let mut open: Vec<(usize, String, String)> = Vec::new();
    let mut rest = markup;
    while let Some(lt) = rest.find('<') {
        text.push_str(&decode_entities(&rest[..lt]));
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            let end = rest.find("-->").ok_or("unterminated comment in <TEXT>")?;
            rest = &rest[end + 3..];
            continue;
        }
        let gt = rest.find('>').ok_or("unterminated tag in <TEXT>")?;
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let name = tag
            .split(|c: char| c.is_whitespace() || c == '/')
            .find(|s| !s.is_empty())
            .unwrap_or("");
        if tag.starts_with('/') {
            if name == "TIMEX3" {
                let (start, kind, value) = open.pop().ok_or("</TIMEX3> without an opening tag")?;
                timexes.push(Timex {
                    span: (start, text.len()),
                    kind,
                    value,
                });
            }
        } else if name == "TIMEX3" && !tag.ends_with('/') {
            let kind = attribute(tag, "type").unwrap_or("").to_string();
            let value = attribute(tag, "value").unwrap_or("").to_string();
            open.push((text.len(), kind, value));
        }
    }
    text.push_str(&decode_entities(rest));
    if !open.is_empty() {
        return Err("a TIMEX3 in <TEXT> is not closed".to_string());
    }
    timexes.sort_by_key(|t| t.span);
    Ok((text, timexes))
}

/// Tallies across documents, beyond the detection score.
#[derive(Default)]
pub(super) struct ValueTally {
    pub matched: u64,
    pub equal: u64,
    /// Predictions that overlapped a non-calendar TIMEX3 and were not scored.
    pub ignored: u64,
}

/// Scores one document. `predicted` is what `find_dates` returned, as spans
/// with their ISO values (`PartialDate` display).
///
/// A prediction overlapping a gold date is correct, each gold date pairing
/// with at most one prediction; one that overlaps no gold date but an
/// ignorable TIMEX3 is skipped; any other prediction, including a second one
/// inside an already-matched gold date, is a false positive.
pub(super) fn score_doc(
    doc: &TimemlDoc,
    predicted: &[(Span, String)],
    doc_label: &str,
    log: &mut ErrorLog,
    tally: &mut ValueTally,
) -> Score {
    let mut predicted: Vec<&(Span, String)> = predicted.iter().collect();
    predicted.sort();
    predicted.dedup_by_key(|(span, _)| *span);
    let (gold, ignorable): (Vec<&Timex>, Vec<&Timex>) =
        doc.timexes.iter().partition(|t| t.is_gold());
    let gold_spans: Vec<Span> = gold.iter().map(|t| t.span).collect();
    let pred_spans: Vec<Span> = predicted.iter().map(|(span, _)| *span).collect();
    let pairs = overlap_matching(&gold_spans, &pred_spans);

    let mut score = Score {
        gold: gold.len() as u64,
        ..Score::default()
    };
    for (&&(span, ref value), pair) in predicted.iter().zip(&pairs) {
        match pair {
            Some(g) => {
                let g = gold[*g];
                score.predicted += 1;
                score.correct += 1;
                tally.matched += 1;
                if *value == g.value {
                    tally.equal += 1;
                } else if log.wants(QUANTITY, "wrong value") {
                    let detail = format!(
                        "predicted {value}, gold {} for {:?}",
                        g.value,
                        span_text(&doc.text, g.span)
                    );
                    log.push(
                        QUANTITY,
                        "wrong value",
                        doc_label,
                        span_text(&doc.text, span),
                        context(&doc.text, span),
                        detail,
                    );
                }
            }
            None if ignorable.iter().any(|t| overlaps(t.span, span)) => tally.ignored += 1,
            None => {
                score.predicted += 1;
                if log.wants(QUANTITY, "false positive") {
                    let detail = match gold.iter().find(|t| overlaps(t.span, span)) {
                        Some(t) => format!(
                            "predicted {value}; gold {:?} already matched",
                            span_text(&doc.text, t.span)
                        ),
                        None => format!("predicted {value}"),
                    };
                    log.push(
                        QUANTITY,
                        "false positive",
                        doc_label,
                        span_text(&doc.text, span),
                        context(&doc.text, span),
                        detail,
                    );
                }
            }
        }
    }
    for (g, timex) in gold.iter().enumerate() {
        if pairs.contains(&Some(g)) || !log.wants(QUANTITY, "miss") {
            continue;
        }
        let detail = format!("gold {}", timex.value);
        log.push(
            QUANTITY,
            "miss",
            doc_label,
            span_text(&doc.text, timex.span),
            context(&doc.text, timex.span),
            detail,
        );
    }
    score
}

/// Date detection precision/recall/F1 (`dates`) and, among detected gold
/// dates, the share normalised to exactly the gold value (`value_accuracy`);
/// `predictions_ignored` counts predictions that only overlapped
/// non-calendar TIMEX3s. Each file is one document, anchored at its DCT.
pub fn eval_timeml(files: &[PathBuf], max_errors: usize) -> Result<EvalReport, EvalError> {
    if files.is_empty() {
        return Err(EvalError::NoFiles { format: FORMAT });
    }
    let mut report = EvalReport::new("timeml");
    let mut log = ErrorLog::new(max_errors);
    let mut total = Score::default();
    let mut tally = ValueTally::default();
    for path in files {
        let input = read_text(path)?;
        let doc = parse(&input).map_err(|message| EvalError::Format {
            path: path.clone(),
            format: FORMAT,
            message,
        })?;
        let started = Instant::now();
        let mentions = find_dates(&doc.text, Some(doc.dct));
        report.extract_seconds += started.elapsed().as_secs_f64();
        report.documents += 1;
        report.bytes += doc.text.len() as u64;
        let predicted: Vec<(Span, String)> = mentions
            .iter()
            .map(|m| ((m.start, m.end), m.value.to_string()))
            .collect();
        total.add(score_doc(
            &doc,
            &predicted,
            &file_label(path),
            &mut log,
            &mut tally,
        ));
    }
    report.scores.insert(QUANTITY.to_string(), total);
    let accuracy = if tally.matched == 0 {
        0.0
    } else {
        tally.equal as f64 / tally.matched as f64
    };
    report.extra.insert("value_accuracy".to_string(), accuracy);
    report
        .extra
        .insert("predictions_ignored".to_string(), tally.ignored as f64);
    report.errors = log.examples;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_values() {
        for (value, want) in [
            ("1998", true),
            ("1998-01", true),
            ("1998-01-08", true),
            ("1998-W11", false),
            ("1998-Q1", false),
            ("PRESENT_REF", false),
            ("XXXX-10-23", false),
            ("1998-01-08T10:00", false),
            ("199", false),
            ("1998-1-8", false),
            ("1998-01-08-01", false),
            ("", false),
        ] {
            assert_eq!(is_calendar_value(value), want, "{value}");
        }
    }

    /// Markup, the text it strips to, and each TIMEX3's (text, value).
    type StripCase = (
        &'static str,
        &'static str,
        &'static [(&'static str, &'static str)],
    );

    #[test]
    fn tag_stripping_keeps_inner_text_and_offsets() {
        let cases: &[StripCase] = &[
            (
                r#"He <EVENT eid="e1">left</EVENT> on <TIMEX3 tid="t1" type="DATE" value="1998-01-08">Jan. 8</TIMEX3>."#,
                "He left on Jan. 8.",
                &[("Jan. 8", "1998-01-08")],
            ),
            // Entities are decoded before offsets are taken.
            (
                r#"AT&amp;T &lt;said&gt; <TIMEX3 type="DATE" value='1997'>last year</TIMEX3>"#,
                "AT&T <said> last year",
                &[("last year", "1997")],
            ),
            // Self-closing tags and comments vanish; multibyte text is kept.
            (
                r#"Café<SIGNAL sid="s1"/> <!-- note --><TIMEX3 type="DURATION" value="P1W">a week</TIMEX3>"#,
                "Café a week",
                &[("a week", "P1W")],
            ),
            ("no markup at all\n", "no markup at all\n", &[]),
        ];
        for (markup, want_text, want_timexes) in cases {
            let (text, timexes) = strip_tags(markup).unwrap();
            assert_eq!(text, *want_text, "{markup}");
            let got: Vec<(&str, &str)> = timexes
                .iter()
                .map(|t| (&text[t.span.0..t.span.1], t.value.as_str()))
                .collect();
            assert_eq!(got, *want_timexes, "{markup}");
        }
    }

    #[test]
    fn malformed_markup_is_an_error() {
        for (markup, want) in [
            ("a <TIMEX3 type=\"DATE\" value=\"1998\">b", "not closed"),
            ("a </TIMEX3> b", "without an opening"),
            ("a <EVENT b", "unterminated tag"),
            ("a <!-- b", "unterminated comment"),
        ] {
            let err = strip_tags(markup).unwrap_err();
            assert!(err.contains(want), "{markup}: {err}");
        }
    }

    const DOC: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-06-26T07:07:00" functionInDocument="CREATION_TIME">June 26</TIMEX3></DCT>
<TEXT>
Talks ended <TIMEX3 tid="t1" type="DATE" value="1998-06-25">Thursday</TIMEX3>.
</TEXT>
</TimeML>
"#;

    #[test]
    fn document_parse_takes_the_date_part_of_a_datetime_dct() {
        let doc = parse(DOC).unwrap();
        assert_eq!(doc.dct, NaiveDate::from_ymd_opt(1998, 6, 26).unwrap());
        assert_eq!(doc.text, "\nTalks ended Thursday.\n");
        assert_eq!(doc.timexes.len(), 1);
    }

    #[test]
    fn documents_without_dct_or_text_are_rejected() {
        for (input, want) in [
            ("<TimeML><TEXT>a</TEXT></TimeML>", "no <DCT>"),
            (
                "<DCT><TIMEX3 value=\"soon\">x</TIMEX3></DCT><TEXT>a</TEXT>",
                "YYYY-MM-DD",
            ),
            (
                "<DCT><TIMEX3 value=\"1998-01-01\">x</TIMEX3></DCT>",
                "no <TEXT>",
            ),
            (
                "<DCT><TIMEX3 value=\"1998-01-01\">x</TIMEX3></DCT><TEXT>a",
                "not closed",
            ),
            ("plain text", "no <DCT>"),
        ] {
            let err = parse(input).unwrap_err();
            assert!(err.contains(want), "{input}: {err}");
        }
    }

    fn doc_with(text: &str, timexes: &[(&str, &str, &str)]) -> TimemlDoc {
        // Each timex is (its text, which must occur once, type, value).
        let timexes = timexes
            .iter()
            .map(|(words, kind, value)| {
                let start = text.find(words).unwrap();
                Timex {
                    span: (start, start + words.len()),
                    kind: kind.to_string(),
                    value: value.to_string(),
                }
            })
            .collect();
        TimemlDoc {
            dct: NaiveDate::from_ymd_opt(1998, 1, 8).unwrap(),
            text: text.to_string(),
            timexes,
        }
    }

    fn pred(text: &str, words: &str, value: &str) -> (Span, String) {
        let start = text.find(words).unwrap();
        ((start, start + words.len()), value.to_string())
    }

    #[test]
    fn overlap_scoring_with_ignorables_and_values() {
        let text = "On Monday, Oct. 23, 1997, and now, for a week in 1996, by 1995 it fell.";
        let doc = doc_with(
            text,
            &[
                ("Monday, Oct. 23, 1997", "DATE", "1997-10-23"),
                ("now", "DATE", "PRESENT_REF"),
                ("a week", "DURATION", "P1W"),
                ("1996", "DATE", "1996"),
                ("1995", "DATE", "1995"),
            ],
        );
        let predicted = [
            pred(text, "Oct. 23", "1997-10-23"), // matches gold 1, right value
            pred(text, "1997", "1997"),          // second hit inside gold 1: false positive
            pred(text, "now", "1998-01-08"),     // overlaps an ignorable: not scored
            pred(text, "week in 1996", "1996"),  // overlaps gold "1996" (and an ignorable): matched
            pred(text, "fell", "1998-01"),       // nothing there: false positive
        ];
        let mut log = ErrorLog::new(10);
        let mut tally = ValueTally::default();
        let score = score_doc(&doc, &predicted, "x.tml", &mut log, &mut tally);
        assert_eq!(
            score,
            Score {
                gold: 3,
                predicted: 4,
                correct: 2
            }
        );
        assert_eq!((tally.matched, tally.equal, tally.ignored), (2, 2, 1));
        let kinds: Vec<(&str, &str)> = log
            .examples
            .iter()
            .map(|e| (e.kind, e.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("false positive", "1997"),
                ("false positive", "fell"),
                ("miss", "1995")
            ]
        );
        assert!(
            log.examples[0].detail.contains("already matched"),
            "{:?}",
            log.examples[0]
        );
    }

    #[test]
    fn wrong_values_are_counted_and_shown() {
        let text = "Sales rose in October.";
        let doc = doc_with(text, &[("October", "DATE", "1997-10")]);
        let mut log = ErrorLog::new(10);
        let mut tally = ValueTally::default();
        let score = score_doc(
            &doc,
            &[pred(text, "October", "1998-10")],
            "x.tml",
            &mut log,
            &mut tally,
        );
        assert_eq!(
            score,
            Score {
                gold: 1,
                predicted: 1,
                correct: 1
            }
        );
        assert_eq!((tally.matched, tally.equal), (1, 0));
        assert_eq!(log.examples[0].kind, "wrong value");
        assert_eq!(
            log.examples[0].detail,
            "dates: predicted 1998-10, gold 1997-10 for \"October\""
        );
    }
}
