//! `morgue index --extracted`: articles that `morgue extract` already extracted,
//! written into the index without reading or extracting them again.
//!
//! Each article is its own source file in the index's manifest, named after its
//! id ([`extracted_file`]): writing an id again replaces its article, so running
//! the same input twice leaves the index as once. The articles go through the
//! same [`Sink`] as those of `morgue index`, so people are resolved across the
//! archive in the same way. What a line of `morgue extract` output looks like is
//! the output layer's (`output::read_extracted_line`), passed in as `parse`.

use std::collections::HashSet;
use std::io::BufRead;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Instant;

use rayon::prelude::*;
use serde::Serialize;

use super::sink::{FileArticles, Sink};
use super::stream::{LineBatches, LineError};
use super::{Article, FileStamp, IngestError, Part};
use crate::index::Archive;
use crate::index::manifest::{self, FileId};

/// Skipped lines listed in the report (all are counted).
pub const SKIPPED_LISTED: usize = 100;

/// The manifest's record for an article written from extract output: a source
/// of its own, keyed by the article's id. Its path (`extracted:ID`) is not a
/// file, so no `morgue index` of a folder ever finds it missing and removes it.
pub fn extracted_file(id: &str, title: &str, body: &str) -> FileStamp {
    let mut content = blake3::Hasher::new();
    content.update(title.as_bytes());
    content.update(b"\0");
    content.update(body.as_bytes());
    FileStamp {
        key: file_digest(id).to_hex().to_string(),
        canonical: format!("extracted:{id}"),
        size: (title.len() + body.len()) as u64,
        mtime: 0,
        hash: content.finalize().to_hex().to_string(),
    }
}

fn file_digest(id: &str) -> blake3::Hash {
    let mut hasher = blake3::Hasher::new();
    hasher.update(b"morgue extract\0");
    hasher.update(id.as_bytes());
    hasher.finalize()
}

#[derive(Clone, Debug)]
pub struct ExtractedOptions {
    pub index_dir: PathBuf,
    /// The input as named in the report: a path, or `stdin`.
    pub input: String,
    /// Delete and recreate the index before indexing.
    pub rebuild: bool,
    /// Commit after this many articles (and at least every 30 seconds).
    pub commit_every: usize,
    /// Longer lines are skipped unread.
    pub max_line: usize,
}

/// A line of the input that was not written, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SkippedLine {
    pub line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub message: String,
}

/// What a run of [`run`] did; printed as the summary, or as JSON with `--json`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ExtractedReport {
    pub index: String,
    pub input: String,
    /// Non-blank lines read.
    pub lines: usize,
    /// Articles written in this run: `articles_added + articles_replaced`.
    pub articles_indexed: usize,
    /// Articles whose id the index did not hold.
    pub articles_added: usize,
    /// Articles written in place of the article with the same id.
    pub articles_replaced: usize,
    /// Articles in the index after the run.
    pub articles_total: u64,
    /// Articles written again because archive-wide resolution renamed some of
    /// their people (see `index::people`).
    pub articles_resolved: usize,
    /// Lines not written: error lines of `morgue extract`, and lines that are
    /// not its output.
    pub lines_skipped: usize,
    /// The first [`SKIPPED_LISTED`] of them.
    pub skipped: Vec<SkippedLine>,
    pub elapsed_secs: f64,
    pub articles_per_sec: f64,
}

/// Parsed lines handed from the reading thread to the writer at once.
type Batch = Vec<(usize, Result<Article, LineError>)>;

/// Writes the articles of `input`, lines of `morgue extract` output that `parse`
/// reads, into the index, in input order, then resolves people across the
/// archive. Lines that are not articles are counted and skipped. The input is
/// read and parsed on other threads while the articles are written, a few
/// batches ahead at most.
pub fn run(
    options: &ExtractedOptions,
    input: impl BufRead + Send,
    parse: impl Fn(&str) -> Result<Article, LineError> + Sync,
) -> Result<ExtractedReport, IngestError> {
    let started = Instant::now();
    let archive = Archive::open_or_create(&options.index_dir, options.rebuild)?;
    let mut sink = Sink::open(&archive, options.commit_every)?;
    let previous = archive.manifest()?;
    let mut report = ExtractedReport {
        index: options.index_dir.display().to_string(),
        input: options.input.clone(),
        ..ExtractedReport::default()
    };
    // Ids written by this run, so that a second article with one replaces the
    // first: 16 bytes an article, like the manifest's records.
    let mut written: HashSet<FileId> = HashSet::new();
    let (sender, receiver) = mpsc::sync_channel::<Batch>(2);
    let parse = &parse;
    let (read, write) = std::thread::scope(|scope| {
        let reader = scope.spawn(move || -> std::io::Result<()> {
            let mut batches = LineBatches::new(input, options.max_line);
            while let Some(batch) = batches.next_batch()? {
                let parsed: Batch = batch
                    .into_par_iter()
                    .map(|line| {
                        let result = line.text.map_err(|message| LineError { id: None, message });
                        (line.number, result.and_then(|text| parse(&text)))
                    })
                    .collect();
                if sender.send(parsed).is_err() {
                    // The writer stopped on an error, which it reports.
                    break;
                }
            }
            Ok(())
        });
        let mut write = Ok(());
        for batch in receiver {
            let mut files = Vec::with_capacity(batch.len());
            for (line, result) in batch {
                report.lines += 1;
                match result {
                    Ok(article) => {
                        let id = manifest::short(&file_digest(&article.id));
                        let is_new = previous.get(id).is_none() && written.insert(id);
                        files.push(FileArticles {
                            file: article.file.clone(),
                            is_new,
                            part: Part::Whole,
                            articles: vec![article],
                        });
                    }
                    Err(LineError { id, message }) => {
                        report.lines_skipped += 1;
                        if report.skipped.len() < SKIPPED_LISTED {
                            report.skipped.push(SkippedLine { line, id, message });
                        }
                    }
                }
            }
            if let Err(err) = sink.replace(&mut files) {
                write = Err(err);
                break;
            }
            for file in &files {
                if file.is_new {
                    report.articles_added += 1;
                } else {
                    report.articles_replaced += 1;
                }
            }
        }
        let read = reader.join().expect("reading the input does not panic");
        (read, write)
    });
    write?;
    read.map_err(|source| IngestError::Input {
        input: options.input.clone(),
        source,
    })?;
    report.articles_resolved = sink.finish()?;
    report.articles_indexed = report.articles_added + report.articles_replaced;
    report.articles_total = archive.article_count()?;
    report.elapsed_secs = started.elapsed().as_secs_f64();
    report.articles_per_sec = report.articles_indexed as f64 / report.elapsed_secs.max(1e-9);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_extracted_article_is_a_source_of_its_own_keyed_by_its_id() {
        let a = extracted_file("w-1", "Title", "Body.");
        assert_eq!(a, extracted_file("w-1", "Title", "Body."));
        assert_eq!(a.key, extracted_file("w-1", "Other", "Text.").key);
        assert_ne!(a.key, extracted_file("w-2", "Title", "Body.").key);
        // The manifest reads keys and hashes as blake3 digests.
        assert!(blake3::Hash::from_hex(&a.key).is_ok());
        assert!(blake3::Hash::from_hex(&a.hash).is_ok());
        assert!(!std::path::Path::new(&a.canonical).is_absolute());
    }
}
