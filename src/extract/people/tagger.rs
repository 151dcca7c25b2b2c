//! A small statistical entity tagger: an averaged perceptron over hashed features.
//!
//! It tags every token with one of nine CoNLL-style labels (`O`, and `B-`/`I-` for
//! `PER`, `LOC`, `ORG`, `MISC`) and reports the entities as byte spans with their type
//! ([`Tagger::entity_spans`]); the people rules use the persons. Submodules: `tokens`
//! (CoNLL-like tokenisation), `features` (word and document facts, feature hashes),
//! `train` (training and scoring, used by `examples/train_tagger.rs`).
//!
//! Features (see `features`) are hashed into a table of `2^bits` rows; a row holds one
//! `i8` weight per label for each pass. Per token they are: the word, its form, shape,
//! prefixes and suffixes, flags from word lists (given names, surnames, titles, place
//! and organisation words, company suffixes like `Inc`, institution heads like `Bank`,
//! club words like `United`), the words, shapes and flags around it, the run of
//! capitalised words it is in (`Bank of Canada`), the sport a wire story's heading
//! names (`SOCCER -`), the labels already given to the two tokens before, and **document**
//! facts about the same word elsewhere (written capitalised mid-sentence, inside a
//! longer capitalised run or a name ending in `Inc`, after a title, in lower case...),
//! which is how a lone `Dole` is recognised from `Bob Dole` further up.
//!
//! Decoding is greedy, left to right, in two passes: the second pass also sees, for
//! each word, the labels the first pass gave to it and to its other occurrences in the
//! document (trained on labels predicted by first-pass models that did not see the
//! document: 5-fold jackknife). After each sentence, a chunk whose type changes inside
//! (`Douglas/B-PER &/I-ORG Lomason/I-ORG`) is rescored as one entity of each type and
//! relabelled when one scores higher.
//!
//! Speed: only tokens that can be part of a name are scored (most are not). Both passes'
//! weights of a feature share one 32-byte row, so the label-independent features, by
//! far the most, are looked up once for both passes; the table is 4 MB at 17 bits.
//!
//! The weights are trained on the CoNLL-2003 English training file, deterministically,
//! by `cargo run --release --example train_tagger -- ../shared/data/conll2003/eng.train`
//! and shipped as `tagger.weights`, loaded with `include_bytes!`. Format: `b"MGTG"`,
//! `u8` version (2), `u8` bits, `u8` labels (9), `u8` passes, then `2^bits` rows of
//! `passes * labels` `i8` weights (row = feature bucket; in a row, pass 1's labels, then
//! pass 2's), each pass scaled so that its largest weight is 127.

mod features;
mod tokens;
mod train;

use std::sync::LazyLock;

use features::{DocFacts, FirstPass, MAX_FEATURES, doc_facts, dynamic_features};

pub use features::DocView;
pub use tokens::{Tok, tokenize};
pub use train::{TrainConfig, TrainDoc, read_conll, score_entities, train};

/// Number of labels: `O`, then `B-`/`I-` of PER, LOC, ORG, MISC.
pub const LABELS: usize = 9;
/// Label names, by index.
pub const LABEL_NAMES: [&str; LABELS] = [
    "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
];
const O: u8 = 0;

/// Entity type of a label (0 = none, 1 PER, 2 LOC, 3 ORG, 4 MISC).
fn kind(label: u8) -> u8 {
    label.div_ceil(2)
}

fn is_inside(label: u8) -> bool {
    label != O && label.is_multiple_of(2)
}

// ---------------------------------------------------------------------------------------
// Entities
// ---------------------------------------------------------------------------------------

/// The kinds of entity the tagger tells apart, in label order (`B-PER` is label 1,
/// `B-LOC` 3, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityType {
    Person,
    Location,
    Organisation,
    Misc,
}

impl EntityType {
    /// Every type, in label order.
    pub const ALL: [EntityType; 4] = [
        EntityType::Person,
        EntityType::Location,
        EntityType::Organisation,
        EntityType::Misc,
    ];

    /// The CoNLL name of the type (`PER`, `LOC`, `ORG`, `MISC`).
    pub fn conll_name(self) -> &'static str {
        match self {
            EntityType::Person => "PER",
            EntityType::Location => "LOC",
            EntityType::Organisation => "ORG",
            EntityType::Misc => "MISC",
        }
    }

    /// The type of label kind `k` (1 to 4, see [`kind`]).
    fn of_kind(k: u8) -> Option<EntityType> {
        EntityType::ALL.get(usize::from(k).checked_sub(1)?).copied()
    }
}

/// One entity the tagger found: a byte span of the text and its type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntitySpan {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
}

/// Token ranges and types of the entities in `labels` (IOB1 or IOB2 both read right:
/// an entity starts at any `B-X`, or at an `I-X` not continuing one of type X, and
/// runs over the `I-X` after it).
fn entity_ranges(labels: &[u8], sentences: &[(usize, usize)]) -> Vec<(usize, usize, EntityType)> {
    let mut out = Vec::new();
    for &(s, e) in sentences {
        let mut i = s;
        while i < e {
            let Some(t) = EntityType::of_kind(kind(labels[i])) else {
                i += 1;
                continue;
            };
            let inside = 2 * kind(labels[i]);
            let mut j = i + 1;
            while j < e && labels[j] == inside {
                j += 1;
            }
            out.push((i, j, t));
            i = j;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Weights and decoding
// ---------------------------------------------------------------------------------------

/// Scores of each label for one token.
type Scores = [f32; LABELS];

/// One pass's weights, as the decoder reads them.
trait Weights {
    /// Adds the weights of the feature `hash` to `scores`.
    fn add_row(&self, hash: u64, scores: &mut Scores);
}

/// Bytes in a row of [`Table`]: both passes' 9 weights, padded so that a row never
/// straddles a cache line.
const ROW: usize = 32;

/// One row of the shipped table.
#[derive(Clone, Copy)]
#[repr(C, align(32))]
struct Row([i8; ROW]);

/// The shipped weights: `2^bits` rows, each with pass 1's weights for the nine labels,
/// then pass 2's (when there is a second pass).
struct Table {
    bits: u32,
    passes: usize,
    rows: Vec<Row>,
}

impl Table {
    #[inline]
    fn row(&self, hash: u64) -> &[i8; ROW] {
        &self.rows[(hash >> (64 - self.bits)) as usize].0
    }

    /// The view of one pass's weights.
    fn pass(&self, pass: usize) -> PassWeights<'_> {
        PassWeights { table: self, pass }
    }
}

struct PassWeights<'a> {
    table: &'a Table,
    pass: usize,
}

impl Weights for PassWeights<'_> {
    #[inline]
    fn add_row(&self, hash: u64, scores: &mut Scores) {
        let r = &self.table.row(hash)[self.pass * LABELS..(self.pass + 1) * LABELS];
        for (s, &w) in scores.iter_mut().zip(r) {
            *s += f32::from(w);
        }
    }
}

fn argmax(scores: &Scores) -> u8 {
    let mut best = 0;
    for k in 1..LABELS {
        if scores[k] > scores[best] {
            best = k;
        }
    }
    best as u8
}

/// Greedy left-to-right labelling: each scored token gets the best label for its
/// label-independent scores `fixed` plus the weights of its label-history features.
fn decode<W: Weights>(weights: &W, doc: &DocView, facts: &DocFacts, fixed: &[Scores]) -> Vec<u8> {
    let mut labels = vec![O; doc.words.len()];
    for &(s, e) in &doc.sentences {
        for i in s..e {
            if !facts.scored(i) {
                continue;
            }
            let mut scores = fixed[i];
            for h in dynamic_features(i, s, &labels, &facts.words[i]) {
                weights.add_row(h, &mut scores);
            }
            labels[i] = argmax(&scores);
        }
        repair_chunks(weights, facts, fixed, &mut labels, (s, e));
    }
    labels
}

/// Relabels each chunk of sentence `s..e` whose type changes inside
/// (`Douglas/B-PER &/I-ORG Lomason/I-ORG`): the chunk is rescored, with its history
/// features, as one entity of each type and as two entities of any two types split at
/// any token (`Defense/B-MISC Lloyd/B-PER Austin/I-PER`), and takes the best of those
/// readings if it beats the labels as they are. Such chunks are rare, so trying all
/// of them costs little.
fn repair_chunks<W: Weights>(
    weights: &W,
    facts: &DocFacts,
    fixed: &[Scores],
    labels: &mut [u8],
    (s, e): (usize, usize),
) {
    let mut i = s;
    while i < e {
        if labels[i] == O {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < e && is_inside(labels[j]) {
            j += 1;
        }
        let first_kind = kind(labels[i]);
        if labels[i + 1..j].iter().any(|&l| kind(l) != first_kind) {
            // The labels of the sentence up to the chunk's end, for trying others.
            let mut trial = labels[s..j].to_vec();
            let total = |trial: &[u8]| -> f32 {
                (i..j)
                    .map(|t| {
                        let mut scores = fixed[t];
                        for h in dynamic_features(t - s, 0, trial, &facts.words[t]) {
                            weights.add_row(h, &mut scores);
                        }
                        scores[trial[t - s] as usize]
                    })
                    .sum()
            };
            let mut best = (total(&trial), labels[s..j].to_vec());
            // The second entity starts at `split`; `split == i` is one entity.
            for split in i..j {
                for a in 1..=4u8 {
                    for b in 1..=4u8 {
                        if split == i && b > 1 {
                            break;
                        }
                        for (t, l) in trial[i - s..].iter_mut().enumerate() {
                            let (k, start) = if split > i && i + t >= split {
                                (b, i + t == split)
                            } else {
                                (a, t == 0)
                            };
                            *l = if start { 2 * k - 1 } else { 2 * k };
                        }
                        let score = total(&trial);
                        if score > best.0 {
                            best = (score, trial.clone());
                        }
                    }
                }
            }
            labels[s..j].copy_from_slice(&best.1);
        }
        i = j;
    }
}

/// Asks the CPU to start loading `row` into the cache: a token's rows are gathered
/// before they are summed, so their cache misses overlap.
#[inline(always)]
fn prefetch(row: &[i8; ROW]) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint; it never faults, whatever the address.
    unsafe {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        _mm_prefetch::<_MM_HINT_T0>(row.as_ptr());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = row;
}

// ---------------------------------------------------------------------------------------
// The shipped model
// ---------------------------------------------------------------------------------------

/// A loaded model.
pub struct Tagger {
    table: Table,
}

const MAGIC: &[u8; 4] = b"MGTG";
const VERSION: u8 = 2;
const HEADER: usize = 8;

impl Tagger {
    /// Quantises trained `f32` weights (one table of `2^bits * LABELS` per pass), each
    /// pass scaled so that its largest weight is 127.
    fn from_passes(bits: u32, passes: &[Vec<f32>]) -> Tagger {
        let size = 1usize << bits;
        let mut rows = vec![Row([0; ROW]); size];
        for (p, w) in passes.iter().enumerate() {
            let max = w.iter().fold(0f32, |m, &x| m.max(x.abs()));
            let scale = if max > 0.0 { 127.0 / max } else { 1.0 };
            for (r, chunk) in rows.iter_mut().zip(w.chunks_exact(LABELS)) {
                for (k, &x) in chunk.iter().enumerate() {
                    r.0[p * LABELS + k] = (x * scale).round() as i8;
                }
            }
        }
        Tagger {
            table: Table {
                bits,
                passes: passes.len(),
                rows,
            },
        }
    }

    /// Parses the weights format described in the module docs.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, String> {
        if bytes.len() < HEADER || &bytes[..4] != MAGIC {
            return Err("not a tagger weights file".into());
        }
        let (version, bits, labels, passes) = (bytes[4], bytes[5], bytes[6], bytes[7]);
        if version != VERSION || labels as usize != LABELS || !(8..=24).contains(&bits) {
            return Err(format!(
                "unsupported weights: version {version}, {labels} labels, {bits} bits \
                 (this build reads version {VERSION}, {LABELS} labels; retrain with \
                 examples/train_tagger.rs)"
            ));
        }
        let passes = passes as usize;
        let width = passes * LABELS;
        let size = 1usize << bits;
        if !(1..=2).contains(&passes) || bytes.len() != HEADER + size * width {
            return Err("weights file has the wrong size".into());
        }
        let mut rows = vec![Row([0; ROW]); size];
        for (r, chunk) in rows.iter_mut().zip(bytes[HEADER..].chunks_exact(width)) {
            for (w, &b) in r.0.iter_mut().zip(chunk) {
                *w = b as i8;
            }
        }
        Ok(Tagger {
            table: Table {
                bits: u32::from(bits),
                passes,
                rows,
            },
        })
    }

    /// Serialises in the format [`Tagger::from_bytes`] reads.
    pub fn to_bytes(&self) -> Vec<u8> {
        let t = &self.table;
        let width = t.passes * LABELS;
        let mut out = Vec::with_capacity(HEADER + t.rows.len() * width);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&[VERSION, t.bits as u8, LABELS as u8, t.passes as u8]);
        for r in &t.rows {
            out.extend(r.0[..width].iter().map(|&w| w as u8));
        }
        out
    }

    /// Labels of every token of `doc`.
    pub fn label(&self, doc: &DocView) -> Vec<u8> {
        let facts = doc_facts(doc);
        let (first, mut second) = self.static_scores(doc, &facts);
        let labels = decode(&self.table.pass(0), doc, &facts, &first);
        if self.table.passes < 2 {
            return labels;
        }
        let pass2 = self.table.pass(1);
        let first_pass = FirstPass::new(&facts, &labels);
        for &(s, e) in &doc.sentences {
            for (i, scores) in (s..e).zip(&mut second[s..e]) {
                if facts.scored(i) {
                    first_pass.features(&facts, i, (s, e), &mut |h| pass2.add_row(h, scores));
                }
            }
        }
        decode(&pass2, doc, &facts, &second)
    }

    /// Both passes' scores of every token from its label-independent features, from
    /// one look-up per feature: the rows hold both passes' weights side by side, and
    /// the `i8` weights add up in `i16` lanes (at most [`MAX_FEATURES`] of them, so
    /// the sums cannot overflow).
    fn static_scores(&self, doc: &DocView, facts: &DocFacts) -> (Vec<Scores>, Vec<Scores>) {
        const { assert!(MAX_FEATURES * 128 < i16::MAX as usize) };
        let n = doc.words.len();
        let mut first = vec![[0f32; LABELS]; n];
        let mut second = vec![[0f32; LABELS]; if self.table.passes > 1 { n } else { 0 }];
        // A token's rows are gathered first and summed in a separate tight loop: the
        // loads are independent (their cache misses overlap) and the sum vectorises.
        let mut rows: Vec<&[i8; ROW]> = Vec::with_capacity(MAX_FEATURES);
        let to_scores = |part: &[i16]| -> Scores { std::array::from_fn(|k| f32::from(part[k])) };
        for &(s, e) in &doc.sentences {
            for (i, out) in (s..e).zip(&mut first[s..e]) {
                if !facts.scored(i) {
                    continue;
                }
                rows.clear();
                facts.static_features(i, (s, e), &mut |h| {
                    let r = self.table.row(h);
                    prefetch(r);
                    rows.push(r);
                });
                let mut acc = [0i16; ROW];
                for r in &rows {
                    for (a, &w) in acc.iter_mut().zip(r.iter()) {
                        *a += i16::from(w);
                    }
                }
                *out = to_scores(&acc[..LABELS]);
                if let Some(sc) = second.get_mut(i) {
                    *sc = to_scores(&acc[LABELS..]);
                }
            }
        }
        (first, second)
    }

    /// Byte spans of the persons in `text`.
    pub fn person_spans(&self, text: &str) -> Vec<(usize, usize)> {
        self.entity_spans(text)
            .into_iter()
            .filter(|s| s.kind == EntityType::Person)
            .map(|s| (s.start, s.end))
            .collect()
    }

    /// Every entity in `text`, of all four types, from one tagging run, in text order.
    pub fn entity_spans(&self, text: &str) -> Vec<EntitySpan> {
        let toks = tokenize(text);
        if toks.is_empty() {
            return Vec::new();
        }
        let doc = DocView::from_tokens(text, &toks);
        let labels = self.label(&doc);
        entity_ranges(&labels, &doc.sentences)
            .into_iter()
            .map(|(a, b, kind)| EntitySpan {
                start: toks[a].start,
                end: toks[b - 1].end,
                kind,
            })
            .collect()
    }
}

static WEIGHTS: &[u8] = include_bytes!("tagger.weights");

/// The shipped model, or `None` when the weights file is empty (before training).
pub static MODEL: LazyLock<Option<Tagger>> = LazyLock::new(|| {
    if WEIGHTS.is_empty() {
        return None;
    }
    Some(Tagger::from_bytes(WEIGHTS).expect("shipped tagger.weights is valid"))
});

#[cfg(test)]
mod tests {
    use super::*;
    use features::{T_TAG1, feat};

    const B_PER: u8 = 1;
    const I_PER: u8 = 2;
    const B_LOC: u8 = 3;
    const B_ORG: u8 = 5;
    const I_ORG: u8 = 6;
    const I_MISC: u8 = 8;

    #[test]
    fn entities_are_read_from_labels() {
        use EntityType::*;
        // (labels of one sentence, entities as token ranges)
        type Case<'a> = (&'a [u8], &'a [(usize, usize, EntityType)]);
        let cases: &[Case] = &[
            (&[O, B_PER, I_PER, O], &[(1, 3, Person)]),
            // IOB1: an entity may start inside.
            (
                &[I_PER, I_PER, O, I_ORG],
                &[(0, 2, Person), (3, 4, Organisation)],
            ),
            // Two entities of one type side by side.
            (&[B_PER, B_PER, I_PER], &[(0, 1, Person), (1, 3, Person)]),
            // A change of type inside starts a new entity.
            (
                &[B_LOC, I_ORG, I_MISC],
                &[(0, 1, Location), (1, 2, Organisation), (2, 3, Misc)],
            ),
            (&[O, O], &[]),
        ];
        for (labels, want) in cases {
            assert_eq!(
                entity_ranges(labels, &[(0, labels.len())]),
                *want,
                "{labels:?}"
            );
        }
        // Entities end with their sentence.
        assert_eq!(
            entity_ranges(&[B_ORG, I_ORG], &[(0, 1), (1, 2)]),
            [(0, 1, Organisation), (1, 2, Organisation)]
        );
    }

    /// Weights that score only the previous label (`T_TAG1`), from a table.
    struct Transitions(Vec<(u8, Scores)>);

    impl Weights for Transitions {
        fn add_row(&self, hash: u64, scores: &mut Scores) {
            for (prev, row) in &self.0 {
                if hash == feat(T_TAG1, u64::from(*prev)) {
                    for (s, w) in scores.iter_mut().zip(row) {
                        *s += w;
                    }
                }
            }
        }
    }

    fn scores(pairs: &[(u8, f32)]) -> Scores {
        let mut s = [0f32; LABELS];
        for &(label, score) in pairs {
            s[label as usize] = score;
        }
        s
    }

    /// `Douglas & Lomason`: greedy decoding makes `Douglas` a person and the rest an
    /// organisation; the whole chunk is then rescored as one entity of each type.
    #[test]
    fn a_chunk_that_changes_type_gets_one_type() {
        let text = "Douglas & Lomason";
        let toks = tokenize(text);
        let doc = DocView::from_tokens(text, &toks);
        let facts = doc_facts(&doc);
        assert!((0..3).all(|i| facts.scored(i)));
        // `I-ORG` is worth 2 more after an organisation's first or inner word.
        let org_continues = scores(&[(I_ORG, 2.0)]);
        let weights = Transitions(vec![(B_ORG, org_continues), (I_ORG, org_continues)]);
        // (first word's person and organisation scores, labels after decoding)
        let cases: &[(f32, f32, [u8; 3])] = &[
            // One organisation scores 1.5 + 3 + 3 against 2 + 1 + 3 as labelled.
            (2.0, 1.5, [B_ORG, I_ORG, I_ORG]),
            // A tie (0 + 3 + 3 against 2 + 1 + 3) keeps the labels.
            (2.0, 0.0, [B_PER, I_ORG, I_ORG]),
            (1.0, 3.0, [B_ORG, I_ORG, I_ORG]),
        ];
        for &(per, org, want) in cases {
            let fixed = [
                scores(&[(B_PER, per), (B_ORG, org)]),
                scores(&[(I_ORG, 1.0)]),
                scores(&[(I_ORG, 1.0)]),
            ];
            assert_eq!(decode(&weights, &doc, &facts, &fixed), want, "{per} {org}");
        }
    }

    #[test]
    fn shipped_weights_load() {
        if WEIGHTS.is_empty() {
            return;
        }
        let model = MODEL.as_ref().unwrap();
        assert_eq!(model.to_bytes(), WEIGHTS);
        let text = "Bob Dole said on Monday that Clinton 's plan would fail .";
        let spans = model.person_spans(text);
        let got: Vec<&str> = spans.iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(got, ["Bob Dole", "Clinton"]);
    }

    /// One run of the shipped model gives every type, as byte spans of the text.
    #[test]
    fn entity_spans_of_every_type() {
        let Some(model) = MODEL.as_ref() else {
            return;
        };
        let text = "Bob Dole met officials of the Bank of England in London on Monday, \
                    the Reuters news agency said.";
        let got: Vec<(&str, EntityType)> = model
            .entity_spans(text)
            .iter()
            .map(|s| (&text[s.start..s.end], s.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("Bob Dole", EntityType::Person),
                ("Bank of England", EntityType::Organisation),
                ("London", EntityType::Location),
                ("Reuters", EntityType::Organisation),
            ]
        );
        assert!(model.entity_spans("").is_empty());
        assert!(model.entity_spans("nothing here at all").is_empty());
    }

    /// Connectors that are signs (`&`, `'s`) are scored but not counted as words of
    /// the document; a word that recurs as one used to underflow the second pass's
    /// counts (debug builds panic on that).
    #[test]
    fn signs_between_names_label_cleanly() {
        let Some(model) = MODEL.as_ref() else {
            return;
        };
        let text = "Procter & Gamble and Standard & Poor 's said so . Procter & Gamble \
                    bought Boatmen 's Bancshares & Co from Smith & Wesson .";
        let toks = tokenize(text);
        let doc = DocView::from_tokens(text, &toks);
        assert_eq!(model.label(&doc).len(), toks.len());
    }

    #[test]
    fn bad_weights_are_rejected() {
        let mut good = Tagger::from_passes(8, &[vec![0.5; 256 * LABELS]]).to_bytes();
        assert!(Tagger::from_bytes(&good).is_ok());
        let cases: &[(&str, &[u8])] = &[
            ("empty", b""),
            ("header only", b"MGTG\x02\x12\x09\x01"),
            ("other magic", b"XXXX\x02\x08\x09\x01"),
        ];
        for (what, bytes) in cases {
            assert!(Tagger::from_bytes(bytes).is_err(), "{what}");
        }
        // Version 1 (i16 weights, one table per pass) is not read any more.
        good[4] = 1;
        assert!(Tagger::from_bytes(&good).is_err());
        good[4] = VERSION;
        good.pop();
        assert!(Tagger::from_bytes(&good).is_err());
    }
}
