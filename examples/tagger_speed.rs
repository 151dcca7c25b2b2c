//! Measures the statistical tagger's throughput on one core, in MB of text a second.
//!
//! ```text
//! cargo run --release --example tagger_speed -- ../shared/data/conll2003/eng.testa \
//!     ../shared/data/reuters21578/reut2-00*.sgm [--rounds 5]
//! ```
//!
//! A CoNLL file is read as the evaluation rebuilds it (tokens joined by spaces,
//! sentences by newlines, one text per document); a Reuters `.sgm` file gives one text
//! per article (title, blank line, body, SGML references decoded), as indexing builds
//! it. Each set is tagged `--rounds` times and the best round is reported, so that
//! other work on a shared machine disturbs the figure as little as possible. A
//! measurement tool, not a test: nothing here fails on a slow machine.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use morgue::extract::article_text;
use morgue::extract::people::tagger::MODEL;

/// Texts of the documents of a CoNLL file.
fn conll_texts(input: &str) -> Vec<String> {
    let mut docs = Vec::new();
    let mut text = String::new();
    let mut line_open = false;
    for line in input.lines() {
        if line.starts_with("-DOCSTART-") {
            if !text.is_empty() {
                docs.push(std::mem::take(&mut text));
            }
            line_open = false;
            continue;
        }
        let Some(token) = line.split_whitespace().next() else {
            if line_open {
                text.push('\n');
                line_open = false;
            }
            continue;
        };
        if line_open {
            text.push(' ');
        }
        text.push_str(token);
        line_open = true;
    }
    if !text.is_empty() {
        docs.push(text);
    }
    docs
}

/// The text between `<name>` and `</name>` in `s`.
fn element<'a>(s: &'a str, name: &str) -> &'a str {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let Some(a) = s.find(&open) else {
        return "";
    };
    let rest = &s[a + open.len()..];
    &rest[..rest.find(&close).unwrap_or(rest.len())]
}

fn decode_sgml(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#3;", "")
        .replace("&amp;", "&")
}

/// One text per article of a Reuters-21578 `.sgm` file (read as Latin-1).
fn reuters_texts(bytes: &[u8]) -> Vec<String> {
    let input: String = bytes.iter().map(|&b| b as char).collect();
    input
        .split("</REUTERS>")
        .filter(|a| a.contains("<REUTERS"))
        .map(|a| {
            let title = decode_sgml(element(a, "TITLE"));
            let body = decode_sgml(element(a, "BODY"));
            article_text(title.trim(), body.trim())
        })
        .filter(|t| !t.trim().is_empty())
        .collect()
}

fn main() -> Result<()> {
    let mut rounds = 5usize;
    let mut conll: Vec<String> = Vec::new();
    let mut reuters: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--rounds" {
            rounds = args.next().context("--rounds needs a value")?.parse()?;
            continue;
        }
        let path = PathBuf::from(&arg);
        let bytes = std::fs::read(&path).with_context(|| format!("reading {arg}"))?;
        if arg.ends_with(".sgm") {
            reuters.extend(reuters_texts(&bytes));
        } else {
            conll.extend(conll_texts(&String::from_utf8_lossy(&bytes)));
        }
    }
    let Some(model) = MODEL.as_ref() else {
        bail!("the shipped tagger.weights is empty: train it first");
    };
    for (name, texts) in [("conll", &conll), ("reuters", &reuters)] {
        if texts.is_empty() {
            continue;
        }
        let bytes: usize = texts.iter().map(String::len).sum();
        let mut best = f64::INFINITY;
        let mut spans = 0usize;
        for _ in 0..rounds.max(1) {
            let started = Instant::now();
            spans = texts.iter().map(|t| model.entity_spans(t).len()).sum();
            best = best.min(started.elapsed().as_secs_f64());
        }
        println!(
            "{name}: {} texts, {:.2} MB, best of {rounds}: {:.3} s, {:.2} MB/s, {spans} entities",
            texts.len(),
            bytes as f64 / 1e6,
            best,
            bytes as f64 / 1e6 / best
        );
    }
    Ok(())
}
