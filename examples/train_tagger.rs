//! Trains the entity tagger's weights on CoNLL-2003 English training data.
//!
//! ```text
//! cargo run --example train_tagger -- ../shared/data/conll2003/eng.train \
//!     [--dev ../shared/data/conll2003/eng.testa] [--out src/extract/people/tagger.weights] \
//!     [--epochs 8] [--passes 2] [--bits 18]
//! ```
//!
//! Deterministic: the same data and settings give byte-identical weights. `--dev` only
//! measures (exact-span P/R/F1 of each entity type on gold tokens); it is never trained on.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use morgue::eval::Score;
use morgue::extract::people::tagger::{EntityType, TrainConfig, read_conll, score_entities, train};

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let mut train_path: Option<PathBuf> = None;
    let mut dev_path: Option<PathBuf> = None;
    let mut out = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/extract/people/tagger.weights"
    ));
    let mut cfg = TrainConfig::default();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().with_context(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--dev" => dev_path = Some(value("--dev")?.into()),
            "--out" => out = value("--out")?.into(),
            "--epochs" => cfg.epochs = value("--epochs")?.parse()?,
            "--passes" => cfg.passes = value("--passes")?.parse()?,
            "--bits" => cfg.bits = value("--bits")?.parse()?,
            "--seed" => cfg.seed = value("--seed")?.parse()?,
            "--runs" => cfg.runs = value("--runs")?.parse()?,
            other if other.starts_with("--") => bail!("unknown option {other}"),
            other => train_path = Some(other.into()),
        }
    }
    let Some(train_path) = train_path else {
        bail!(
            "usage: train_tagger TRAIN_FILE [--dev DEV_FILE] [--out WEIGHTS] [--epochs N] [--passes 1|2] [--bits B] [--seed S]"
        );
    };
    let read = |p: &PathBuf| -> Result<_> {
        let text =
            std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?;
        read_conll(&text).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))
    };
    let docs = read(&train_path)?;
    let started = Instant::now();
    let tagger = train(&docs, &cfg, &mut |line| eprintln!("{line}"));
    eprintln!("trained in {:.1} s", started.elapsed().as_secs_f64());
    let bytes = tagger.to_bytes();
    std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    if let Some(dev) = dev_path {
        let dev_docs = read(&dev)?;
        let scores = score_entities(&tagger, &dev_docs);
        let mut all = Score::default();
        for (t, s) in EntityType::ALL.iter().zip(&scores) {
            print_score(t.conll_name(), s);
            all.add(*s);
        }
        print_score("all", &all);
    }
    Ok(())
}

fn print_score(name: &str, s: &Score) {
    println!(
        "dev {name:<4} (gold tokens, exact span): gold {} predicted {} correct {} P {:.3} R {:.3} F1 {:.3}",
        s.gold,
        s.predicted,
        s.correct,
        s.precision(),
        s.recall(),
        s.f1()
    );
}
