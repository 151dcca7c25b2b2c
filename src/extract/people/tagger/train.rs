//! Training the tagger and measuring it: the CoNLL-2003 reader, the averaged perceptron
//! (online, greedy, the same feature sets and label history as decoding), the
//! jackknife that gives the second pass its training input, and exact-span scores per
//! entity type. Used by `examples/train_tagger.rs` and the tests; indexing never runs
//! any of it.

use super::features::{DocFacts, FirstPass, doc_facts, dynamic_features};
use super::{
    DocView, EntityType, LABELS, O, Scores, Tagger, Weights, argmax, decode, entity_ranges,
};
use crate::eval::Score;

/// A gold-labelled document (labels as IOB2 indices into [`LABEL_NAMES`]).
pub struct TrainDoc {
    pub words: Vec<String>,
    pub labels: Vec<u8>,
    pub sentences: Vec<(usize, usize)>,
}

impl TrainDoc {
    fn view(&self) -> DocView<'_> {
        DocView {
            words: self.words.iter().map(String::as_str).collect(),
            sentences: self.sentences.clone(),
        }
    }
}

/// Reads a CoNLL-2003 file (`TOKEN POS CHUNK NER`, IOB1) into documents with IOB2
/// labels.
pub fn read_conll(input: &str) -> Result<Vec<TrainDoc>, String> {
    let mut docs = Vec::new();
    let mut cur = TrainDoc {
        words: Vec::new(),
        labels: Vec::new(),
        sentences: Vec::new(),
    };
    let mut sent_start = 0usize;
    let mut prev_kind = 0u8;
    let flush_sentence = |cur: &mut TrainDoc, sent_start: &mut usize, prev_kind: &mut u8| {
        if cur.words.len() > *sent_start {
            cur.sentences.push((*sent_start, cur.words.len()));
        }
        *sent_start = cur.words.len();
        *prev_kind = 0;
    };
    for (n, line) in input.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.starts_with("-DOCSTART-") {
            flush_sentence(&mut cur, &mut sent_start, &mut prev_kind);
            if !cur.words.is_empty() {
                docs.push(std::mem::replace(
                    &mut cur,
                    TrainDoc {
                        words: Vec::new(),
                        labels: Vec::new(),
                        sentences: Vec::new(),
                    },
                ));
            }
            sent_start = 0;
            continue;
        }
        if line.trim().is_empty() {
            flush_sentence(&mut cur, &mut sent_start, &mut prev_kind);
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        let (Some(word), Some(tag)) = (fields.first(), fields.last()) else {
            continue;
        };
        let k = match tag.split_once('-').map(|(_, t)| t) {
            None => 0,
            Some("PER") => 1,
            Some("LOC") => 2,
            Some("ORG") => 3,
            Some("MISC") => 4,
            Some(other) => return Err(format!("line {}: unknown type {other:?}", n + 1)),
        };
        let label = if k == 0 {
            O
        } else if tag.starts_with("B-") || prev_kind != k {
            2 * k - 1
        } else {
            2 * k
        };
        prev_kind = k;
        cur.words.push((*word).to_string());
        cur.labels.push(label);
    }
    flush_sentence(&mut cur, &mut sent_start, &mut prev_kind);
    if !cur.words.is_empty() {
        docs.push(cur);
    }
    Ok(docs)
}

/// Training settings.
pub struct TrainConfig {
    pub bits: u32,
    pub epochs: usize,
    /// 1: one pass. 2: a second pass stacked on jackknifed first-pass labels.
    pub passes: usize,
    pub folds: usize,
    pub seed: u64,
    /// Perceptrons trained per pass, each on its own shuffle of the documents; their
    /// averaged weights are averaged again.
    pub runs: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            bits: 17,
            epochs: 15,
            passes: 2,
            folds: 5,
            seed: 1,
            runs: 3,
        }
    }
}

/// Start of the weights of the feature `hash` in a table of `2^bits` rows.
#[inline]
fn row_start(hash: u64, bits: u32) -> usize {
    (hash >> (64 - bits)) as usize * LABELS
}

/// One pass's `f32` weights while training.
struct Dense<'a> {
    w: &'a [f32],
    bits: u32,
}

impl Weights for Dense<'_> {
    #[inline]
    fn add_row(&self, hash: u64, scores: &mut Scores) {
        let r = row_start(hash, self.bits);
        for (s, &w) in scores.iter_mut().zip(&self.w[r..r + LABELS]) {
            *s += w;
        }
    }
}

/// The label-independent features of every token of a document (and the second-pass
/// ones with `first_pass`), as hashes: token `i`'s are `hashes[offsets[i]..offsets[i + 1]]`
/// (none for tokens that are not scored).
struct Features {
    hashes: Vec<u64>,
    offsets: Vec<u32>,
}

impl Features {
    fn new(doc: &DocView, facts: &DocFacts, first_pass: Option<&FirstPass>) -> Features {
        let n = doc.words.len();
        let mut hashes = Vec::with_capacity(n * 12);
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0u32);
        for &(s, e) in &doc.sentences {
            for i in s..e {
                if facts.scored(i) {
                    let mut push = |h| hashes.push(h);
                    facts.static_features(i, (s, e), &mut push);
                    if let Some(fp) = first_pass {
                        fp.features(facts, i, (s, e), &mut push);
                    }
                }
                offsets.push(hashes.len() as u32);
            }
        }
        Features { hashes, offsets }
    }

    fn token(&self, i: usize) -> &[u64] {
        &self.hashes[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// Every token's scores from these features.
    fn scores<W: Weights>(&self, weights: &W) -> Vec<Scores> {
        (0..self.offsets.len() - 1)
            .map(|i| {
                let mut s = [0f32; LABELS];
                for &h in self.token(i) {
                    weights.add_row(h, &mut s);
                }
                s
            })
            .collect()
    }
}

/// Averaged perceptron weights with lazy averaging.
struct Perceptron {
    bits: u32,
    w: Vec<f32>,
    total: Vec<f64>,
    stamp: Vec<u32>,
    now: u32,
}

impl Perceptron {
    fn new(bits: u32) -> Self {
        let n = (1usize << bits) * LABELS;
        Perceptron {
            bits,
            w: vec![0.0; n],
            total: vec![0.0; n],
            stamp: vec![0; n],
            now: 1,
        }
    }

    fn update(&mut self, hashes: &[u64], label: u8, delta: f32) {
        for &h in hashes {
            let i = row_start(h, self.bits) + label as usize;
            self.total[i] += (self.now - self.stamp[i]) as f64 * self.w[i] as f64;
            self.stamp[i] = self.now;
            self.w[i] += delta;
        }
    }

    fn averaged(&self) -> Vec<f32> {
        let now = self.now as f64;
        self.w
            .iter()
            .zip(&self.total)
            .zip(&self.stamp)
            .map(|((&w, &t), &s)| ((t + (self.now - s) as f64 * w as f64) / now) as f32)
            .collect()
    }
}

/// Deterministic xorshift shuffle.
fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        let j = (*state % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

/// Trains one pass on `docs` (with per-document first-pass labels for a second pass).
fn train_pass(
    docs: &[&TrainDoc],
    first_pass: Option<&[Vec<u8>]>,
    cfg: &TrainConfig,
    log: &mut dyn FnMut(String),
) -> Vec<f32> {
    let views: Vec<DocView> = docs.iter().map(|d| d.view()).collect();
    let facts: Vec<DocFacts> = views.iter().map(doc_facts).collect();
    let feats: Vec<Features> = views
        .iter()
        .zip(&facts)
        .enumerate()
        .map(|(k, (v, f))| {
            let fp = first_pass.map(|p| FirstPass::new(f, &p[k]));
            Features::new(v, f, fp.as_ref())
        })
        .collect();
    let mut total = vec![0f32; (1usize << cfg.bits) * LABELS];
    for run in 0..cfg.runs.max(1) {
        let seed = cfg.seed.wrapping_add(2 * run as u64);
        let w = train_run(docs, &facts, &feats, &views, seed, cfg, log);
        for (t, x) in total.iter_mut().zip(w) {
            *t += x;
        }
    }
    total
}

/// One perceptron of [`train_pass`], shuffling with `seed`.
fn train_run(
    docs: &[&TrainDoc],
    facts: &[DocFacts],
    feats: &[Features],
    views: &[DocView],
    seed: u64,
    cfg: &TrainConfig,
    log: &mut dyn FnMut(String),
) -> Vec<f32> {
    let mut p = Perceptron::new(cfg.bits);
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut state = seed | 1;
    for epoch in 0..cfg.epochs {
        shuffle(&mut order, &mut state);
        let (mut errors, mut total) = (0usize, 0usize);
        for &d in &order {
            let (doc, view, f, facts) = (docs[d], &views[d], &feats[d], &facts[d]);
            let mut labels = vec![O; doc.words.len()];
            for &(s, e) in &view.sentences {
                for i in s..e {
                    if !facts.scored(i) {
                        continue;
                    }
                    let stat = f.token(i);
                    let dynamic = dynamic_features(i, s, &labels, &facts.words[i]);
                    let weights = Dense {
                        w: &p.w,
                        bits: cfg.bits,
                    };
                    let mut scores = [0f32; LABELS];
                    for &h in stat.iter().chain(&dynamic) {
                        weights.add_row(h, &mut scores);
                    }
                    let guess = argmax(&scores);
                    let gold = doc.labels[i];
                    if guess != gold {
                        p.update(stat, gold, 1.0);
                        p.update(&dynamic, gold, 1.0);
                        p.update(stat, guess, -1.0);
                        p.update(&dynamic, guess, -1.0);
                        errors += 1;
                    }
                    total += 1;
                    p.now += 1;
                    // Greedy history, as at inference.
                    labels[i] = guess;
                }
            }
        }
        log(format!(
            "  epoch {}: {errors} errors in {total} tokens ({:.2}%)",
            epoch + 1,
            100.0 * errors as f64 / total.max(1) as f64
        ));
    }
    p.averaged()
}

/// Trains a model on gold documents.
pub fn train(docs: &[TrainDoc], cfg: &TrainConfig, log: &mut dyn FnMut(String)) -> Tagger {
    let all: Vec<&TrainDoc> = docs.iter().collect();
    log(format!("pass 1 on {} documents", all.len()));
    let mut passes = vec![train_pass(&all, None, cfg, log)];
    if cfg.passes >= 2 {
        // Jackknife: first-pass labels for each document from a model that did not see it.
        let mut jack: Vec<Vec<u8>> = vec![Vec::new(); docs.len()];
        for fold in 0..cfg.folds {
            let train: Vec<&TrainDoc> = docs
                .iter()
                .enumerate()
                .filter(|(k, _)| k % cfg.folds != fold)
                .map(|(_, d)| d)
                .collect();
            log(format!("fold {} of {}", fold + 1, cfg.folds));
            let w = train_pass(&train, None, cfg, log);
            let weights = Dense {
                w: &w,
                bits: cfg.bits,
            };
            for (k, d) in docs.iter().enumerate() {
                if k % cfg.folds == fold {
                    let v = d.view();
                    let facts = doc_facts(&v);
                    let fixed = Features::new(&v, &facts, None).scores(&weights);
                    jack[k] = decode(&weights, &v, &facts, &fixed);
                }
            }
        }
        log("pass 2".to_string());
        passes.push(train_pass(&all, Some(&jack), cfg, log));
    }
    Tagger::from_passes(cfg.bits, &passes)
}

/// Exact-span scores of `tagger` on gold documents, one per type in the order of
/// [`EntityType::ALL`]: a predicted entity is correct when a gold one has the same
/// tokens and type.
pub fn score_entities(tagger: &Tagger, docs: &[TrainDoc]) -> [Score; 4] {
    let mut scores = [Score::default(); 4];
    for d in docs {
        let v = d.view();
        let labels = tagger.label(&v);
        let gold = entity_ranges(&d.labels, &v.sentences);
        let predicted = entity_ranges(&labels, &v.sentences);
        for (k, t) in EntityType::ALL.into_iter().enumerate() {
            let of_type = |r: &&(usize, usize, EntityType)| r.2 == t;
            scores[k].add(Score {
                gold: gold.iter().filter(of_type).count() as u64,
                predicted: predicted.iter().filter(of_type).count() as u64,
                correct: predicted
                    .iter()
                    .filter(of_type)
                    .filter(|p| gold.contains(p))
                    .count() as u64,
            });
        }
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conll_iob1_becomes_iob2() {
        // (tags of one sentence, labels read)
        let cases: &[(&[&str], &[u8])] = &[
            (&["I-PER", "I-PER", "O"], &[1, 2, 0]),
            (&["I-PER", "B-PER", "I-LOC"], &[1, 1, 3]),
            (&["O", "I-ORG", "I-ORG", "I-MISC"], &[0, 5, 6, 7]),
            (&["B-ORG", "I-ORG"], &[5, 6]),
        ];
        for (tags, want) in cases {
            let mut input = String::from("-DOCSTART- -X- O O\n\n");
            for (k, tag) in tags.iter().enumerate() {
                input.push_str(&format!("w{k} x x {tag}\n"));
            }
            let docs = read_conll(&input).unwrap();
            assert_eq!(&docs[0].labels[..], *want, "{tags:?}");
        }
        assert!(read_conll("a x x I-XYZ\n").is_err());
    }

    /// A handful of handmade sentences: the tagger learns that a capitalised word after
    /// `met` is a person and one after `in` a place.
    #[test]
    fn learns_an_obvious_name() {
        let mut input = String::new();
        let names = ["Alba", "Borin", "Cato", "Dunmore", "Ekwe", "Fallon"];
        let places = ["Zarn", "Yelk", "Xova", "Wibb", "Vent", "Ulm"];
        for (n, p) in names.iter().zip(&places) {
            input.push_str(&format!(
                "-DOCSTART- -X- O O\n\nwe x x O\nmet x x O\n{n} x x I-PER\nin x x O\n{p} x x I-LOC\n. x x O\n\n"
            ));
        }
        let docs = read_conll(&input).unwrap();
        assert_eq!(docs.len(), 6);
        assert_eq!(docs[0].labels, [0, 0, 1, 0, 3, 0]);
        let cfg = TrainConfig {
            bits: 12,
            epochs: 5,
            passes: 1,
            ..TrainConfig::default()
        };
        let tagger = train(&docs, &cfg, &mut |_| {});
        let bytes = tagger.to_bytes();
        let tagger = Tagger::from_bytes(&bytes).unwrap();
        let text = "we met Gorm in Tesk .";
        let spans = tagger.person_spans(text);
        assert_eq!(spans.len(), 1);
        assert_eq!(&text[spans[0].0..spans[0].1], "Gorm");
    }

    #[test]
    fn training_is_deterministic() {
        let mut input = String::new();
        for (n, p) in [("Alba", "Zarn"), ("Borin", "Yelk"), ("Cato", "Xova")] {
            input.push_str(&format!(
                "-DOCSTART- -X- O O\n\n{n} x x I-PER\nof x x O\nBank x x I-ORG\nof x x I-ORG\n{p} x x I-ORG\n\n"
            ));
        }
        let docs = read_conll(&input).unwrap();
        let cfg = TrainConfig {
            bits: 10,
            epochs: 3,
            folds: 3,
            ..TrainConfig::default()
        };
        let a = train(&docs, &cfg, &mut |_| {}).to_bytes();
        let b = train(&docs, &cfg, &mut |_| {}).to_bytes();
        assert_eq!(a, b);
    }
}
