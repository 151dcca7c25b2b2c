//! Counting and matching: the [`Score`] every quantity is reported as, the two
//! ways predictions are paired with gold (exact span, overlap), the collector
//! that keeps a bounded number of error examples, and the context snippets
//! shown with them. Nothing here knows about a data set's file format.

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::ErrorExample;

/// Gold, predicted and correct counts for one measured quantity.
///
/// Precision is `correct / predicted` and recall `correct / gold`; a ratio over
/// zero is reported as 0.0 rather than NaN, because the JSON output cannot
/// carry NaN and "nothing predicted" should read as "no precision to speak of".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub gold: u64,
    pub predicted: u64,
    pub correct: u64,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Adds another document's counts.
    pub fn add(&mut self, other: Score) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.correct += other.correct;
    }
}

fn ratio(num: u64, den: u64) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

impl Serialize for Score {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(6))?;
        map.serialize_entry("precision", &self.precision())?;
        map.serialize_entry("recall", &self.recall())?;
        map.serialize_entry("f1", &self.f1())?;
        map.serialize_entry("gold", &self.gold)?;
        map.serialize_entry("predicted", &self.predicted)?;
        map.serialize_entry("correct", &self.correct)?;
        map.end()
    }
}

/// A byte span `[start, end)` in a document's text.
pub type Span = (usize, usize);

pub fn overlaps(a: Span, b: Span) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Exact-span matching (CoNLL scoring): returns, for each predicted span,
/// whether an identical gold span exists. Duplicate predictions of one span
/// count once, which is why the caller passes deduplicated predictions.
pub fn exact_matches(gold: &[Span], predicted: &[Span]) -> Vec<bool> {
    predicted.iter().map(|p| gold.contains(p)).collect()
}

/// Overlap matching with each gold span used at most once: a maximum
/// bipartite matching between predictions and gold spans they overlap.
///
/// Returns `pairs[i] = Some(g)` when prediction `i` is matched to gold `g`.
/// A maximum matching (rather than first-come) matters when one prediction
/// overlaps two gold spans and a later one overlaps only the first: greedy
/// pairing would count a false positive and a miss that are not really there.
pub fn overlap_matching(gold: &[Span], predicted: &[Span]) -> Vec<Option<usize>> {
    let edges: Vec<Vec<usize>> = predicted
        .iter()
        .map(|&p| (0..gold.len()).filter(|&g| overlaps(p, gold[g])).collect())
        .collect();
    let mut gold_to_pred: Vec<Option<usize>> = vec![None; gold.len()];
    for p in 0..predicted.len() {
        let mut seen = vec![false; gold.len()];
        augment(p, &edges, &mut seen, &mut gold_to_pred);
    }
    let mut pairs = vec![None; predicted.len()];
    for (g, p) in gold_to_pred.iter().enumerate() {
        if let Some(p) = p {
            pairs[*p] = Some(g);
        }
    }
    pairs
}

/// Kuhn's augmenting path step. Documents have a few dozen spans at most, so
/// the quadratic worst case is irrelevant.
fn augment(
    p: usize,
    edges: &[Vec<usize>],
    seen: &mut [bool],
    gold_to_pred: &mut [Option<usize>],
) -> bool {
    for &g in &edges[p] {
        if seen[g] {
            continue;
        }
        seen[g] = true;
        let free = match gold_to_pred[g] {
            None => true,
            Some(other) => augment(other, edges, seen, gold_to_pred),
        };
        if free {
            gold_to_pred[g] = Some(p);
            return true;
        }
    }
    false
}

/// About 80 characters of `text` around `span`, the span itself in brackets,
/// line breaks flattened so that each example prints on one line.
pub fn context(text: &str, span: Span) -> String {
    const SIDE: usize = 40;
    let (start, end) = clamp_span(text, span);
    let before: Vec<char> = text[..start].chars().rev().take(SIDE).collect();
    let after: String = text[end..].chars().take(SIDE).collect();
    let mut out = String::new();
    if text[..start].chars().count() > SIDE {
        out.push('…');
    }
    out.extend(before.iter().rev());
    out.push('[');
    out.push_str(&text[start..end]);
    out.push(']');
    out.push_str(&after);
    if text[end..].chars().nth(SIDE).is_some() {
        out.push('…');
    }
    flatten(&out)
}

/// The text of `span`, tolerant of spans an extractor got wrong (past the
/// end, inside a character): an evaluation must report bad spans, not crash
/// on them.
pub fn span_text(text: &str, span: Span) -> String {
    let (start, end) = clamp_span(text, span);
    flatten(&text[start..end])
}

fn clamp_span(text: &str, (start, end): Span) -> Span {
    let mut start = start.min(text.len());
    let mut end = end.clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    (start, end)
}

/// Newlines and tabs to single spaces.
pub fn flatten(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

/// Keeps the first `max` error examples of each (quantity, kind) pair, so a
/// report shows misses and false positives of every quantity even when one
/// kind is far more common than the others.
pub struct ErrorLog {
    max: usize,
    counts: std::collections::BTreeMap<(String, &'static str), usize>,
    pub examples: Vec<ErrorExample>,
}

impl ErrorLog {
    pub fn new(max: usize) -> Self {
        ErrorLog {
            max,
            counts: Default::default(),
            examples: Vec::new(),
        }
    }

    /// Whether another example of this pair would be kept; lets callers skip
    /// building the strings when it would not.
    pub fn wants(&self, quantity: &str, kind: &'static str) -> bool {
        self.counts
            .get(&(quantity.to_string(), kind))
            .copied()
            .unwrap_or(0)
            < self.max
    }

    /// Records an example; `detail` is prefixed with the quantity name so the
    /// examples of several quantities stay distinguishable in one list.
    pub fn push(
        &mut self,
        quantity: &str,
        kind: &'static str,
        doc: &str,
        text: String,
        context: String,
        detail: String,
    ) {
        let count = self.counts.entry((quantity.to_string(), kind)).or_insert(0);
        if *count >= self.max {
            return;
        }
        *count += 1;
        self.examples.push(ErrorExample {
            kind,
            doc: doc.to_string(),
            text,
            context,
            detail: if detail.is_empty() {
                quantity.to_string()
            } else {
                format!("{quantity}: {detail}")
            },
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_ratios() {
        let cases = [
            // (gold, predicted, correct, precision, recall, f1)
            (10, 10, 10, 1.0, 1.0, 1.0),
            (10, 5, 5, 1.0, 0.5, 2.0 / 3.0),
            (4, 8, 2, 0.25, 0.5, 1.0 / 3.0),
            (0, 0, 0, 0.0, 0.0, 0.0),
            (3, 0, 0, 0.0, 0.0, 0.0),
        ];
        for (gold, predicted, correct, p, r, f) in cases {
            let s = Score {
                gold,
                predicted,
                correct,
            };
            assert!((s.precision() - p).abs() < 1e-12, "{s:?}");
            assert!((s.recall() - r).abs() < 1e-12, "{s:?}");
            assert!((s.f1() - f).abs() < 1e-12, "{s:?}");
        }
    }

    #[test]
    fn score_serializes_with_the_documented_keys() {
        let s = Score {
            gold: 4,
            predicted: 2,
            correct: 1,
        };
        let json = serde_json::to_value(s).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"precision": 0.5, "recall": 0.25, "f1": 1.0 / 3.0, "gold": 4, "predicted": 2, "correct": 1})
        );
    }

    #[test]
    fn overlap_cases() {
        let cases = [
            ((0, 5), (5, 9), false), // touching is not overlapping
            ((0, 5), (4, 9), true),
            ((3, 4), (0, 9), true),
            ((0, 9), (3, 4), true),
            ((6, 9), (0, 5), false),
        ];
        for (a, b, want) in cases {
            assert_eq!(overlaps(a, b), want, "{a:?} {b:?}");
        }
    }

    #[test]
    fn exact_matching_needs_both_ends() {
        let gold = [(0, 10), (20, 25)];
        assert_eq!(
            exact_matches(&gold, &[(0, 10), (20, 24), (21, 25), (30, 31)]),
            [true, false, false, false]
        );
    }

    #[test]
    fn overlap_matching_uses_each_gold_once_and_maximises_pairs() {
        // Two predictions inside one gold span: only one is matched.
        assert_eq!(
            overlap_matching(&[(0, 20)], &[(0, 5), (10, 20)]),
            [Some(0), None]
        );
        // The first prediction overlaps both gold spans, the second only the
        // first one: the maximum matching pairs both.
        assert_eq!(
            overlap_matching(&[(0, 10), (12, 20)], &[(5, 15), (0, 3)]),
            [Some(1), Some(0)]
        );
        // No gold at all.
        assert_eq!(overlap_matching(&[], &[(0, 3)]), [None]);
    }

    #[test]
    fn context_brackets_the_span_and_flattens_lines() {
        assert_eq!(context("ab\ncd ef", (3, 5)), "ab [cd] ef");
        let long = "x".repeat(100) + "HIT" + &"y".repeat(100);
        let c = context(&long, (100, 103));
        assert!(
            c.starts_with('…') && c.ends_with('…') && c.contains("[HIT]"),
            "{c}"
        );
        assert_eq!(c.chars().count(), 40 + 5 + 40 + 2);
        // Broken spans are clamped, not panicked on.
        assert_eq!(context("héllo", (2, 99)), "h[éllo]");
        assert_eq!(span_text("héllo", (2, 3)), "é");
    }

    #[test]
    fn error_log_caps_each_quantity_and_kind() {
        let mut log = ErrorLog::new(1);
        for _ in 0..3 {
            log.push("per", "miss", "d", "t".into(), "c".into(), String::new());
            log.push(
                "per",
                "false positive",
                "d",
                "t".into(),
                "c".into(),
                "x".into(),
            );
            log.push("dates", "miss", "d", "t".into(), "c".into(), String::new());
        }
        assert_eq!(log.examples.len(), 3);
        assert_eq!(log.examples[1].detail, "per: x");
        assert!(!log.wants("per", "miss") && log.wants("per", "wrong value"));
    }
}
