//! Ingestion: finding article files, reading them, and feeding the index.
//!
//! [`run`] walks the roots, reads and extracts files in parallel, and replaces
//! each file's documents in the index. A file that cannot be read or parsed is
//! recorded in the [`IngestReport`] with a one-line reason and never stops the
//! run. Formats are read by [`formats`]; the publication date is decided in
//! [`published`]; entities come from `extract`, through [`extract_article`].
//! WARC files, which hold many articles and can be large, are streamed through
//! the same stages in parts ([`parts`]). [`stream`] runs the same reading and
//! extraction over a stream of JSON Lines (`morgue extract`), and [`extracted`]
//! writes its output into an index (`morgue index --extracted`); every run
//! writes through one `sink`.

pub mod extracted;
pub mod formats;
pub(crate) mod parts;
pub mod published;
pub(crate) mod sink;
pub mod stream;
mod walk;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::extract::{self, Entities, Language};
use crate::index::manifest::{self, FileId, FileRecord};
use crate::index::{Archive, IndexError};
pub use formats::Format;
pub use published::DateSource;
use sink::{FileArticles, Sink};
pub use walk::SourceFile;

/// Files larger than this are skipped unless `--max-file-size` says otherwise.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 20 * 1024 * 1024;

/// One article, read and extracted, ready to index.
#[derive(Clone, Debug)]
pub struct Article {
    pub id: String,
    pub file: FileStamp,
    pub path: String,
    pub line: Option<usize>,
    pub format: Format,
    pub title: String,
    pub body: String,
    pub published: Option<NaiveDate>,
    pub published_month: Option<String>,
    pub published_partial: Option<String>,
    pub date_source: DateSource,
    pub author: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub tags: Vec<String>,
    pub content_hash: String,
    /// The language of the text: which stemmer its words get in the index.
    pub language: Language,
    pub entities: Entities,
}

/// The source file an article came from, as it was when read: the index's
/// manifest record (see `index::manifest`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileStamp {
    pub key: String,
    pub canonical: String,
    pub size: u64,
    pub mtime: i64,
    pub hash: String,
}

#[derive(Clone, Debug)]
pub struct IngestOptions {
    pub roots: Vec<PathBuf>,
    pub index_dir: PathBuf,
    pub max_file_size: u64,
    /// Delete and recreate the index before indexing.
    pub rebuild: bool,
    /// Re-read and re-extract every file, changed or not.
    pub reextract: bool,
    /// Keep the documents of files that no longer exist.
    pub keep_missing: bool,
    /// Commit after this many articles (and at least every 30 seconds).
    pub commit_every: usize,
    /// Draw a progress bar on stderr.
    pub progress: bool,
}

impl IngestOptions {
    pub fn new(roots: Vec<PathBuf>, index_dir: PathBuf) -> IngestOptions {
        IngestOptions {
            roots,
            index_dir,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            rebuild: false,
            reextract: false,
            keep_missing: false,
            commit_every: DEFAULT_COMMIT_EVERY,
            progress: false,
        }
    }
}

/// A file that was not indexed, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

/// Something worth knowing about a file that was indexed: a bad JSON Lines
/// record, a metadata date that was not a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub message: String,
}

/// What an ingest run did; printed as the summary, or as JSON with `--json`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct IngestReport {
    pub index: String,
    /// Regular files found under the roots (hidden ones excluded).
    pub files_seen: usize,
    /// Files read and indexed in this run: `files_added + files_updated`.
    pub files_indexed: usize,
    /// Files new to the index.
    pub files_added: usize,
    /// Files whose content or the extractor changed since they were indexed.
    pub files_updated: usize,
    /// Files already indexed as they are.
    pub files_unchanged: usize,
    /// Files gone from disk whose documents were removed.
    pub files_removed: usize,
    /// Files of a type morgue does not read (images, PDFs...).
    pub files_ignored: usize,
    /// Articles written in this run.
    pub articles_indexed: usize,
    /// Articles in the index after the run.
    pub articles_total: u64,
    /// Articles written again because archive-wide resolution renamed some of
    /// their people (a lone `Reagan` became `Ronald Reagan`, see `index::people`).
    pub articles_resolved: usize,
    pub bytes_read: u64,
    /// Records of WARC files that are not articles, by kind (`request`, `not
    /// HTML`, `no article text`...); records that could not be read are warnings.
    pub records_skipped: BTreeMap<String, usize>,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<Warning>,
    pub elapsed_secs: f64,
    pub articles_per_sec: f64,
}

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error("{}: no such file or directory", .0.display())]
    MissingRoot(PathBuf),
    #[error("cannot read {input}: {source}")]
    Input {
        input: String,
        source: std::io::Error,
    },
}

/// Commit after this many articles unless `--commit-every` says otherwise (and
/// at least every 30 seconds, see [`sink`]), so that a crash late in a long run
/// keeps the work done before it.
pub const DEFAULT_COMMIT_EVERY: usize = 20_000;
/// Files handed from stage to stage at once, and the size at which a batch of
/// large files closes early (see [`Batcher`]). With at most a few batches in the
/// queues, the read articles waiting in them stay within a few MiB each.
const BATCH: usize = 32;
const BATCH_BYTES: u64 = 4 << 20;
/// Files waiting between the walk and the readers, and read files waiting for
/// the writer: these bound the memory the pipeline holds beyond its workers.
const FILE_QUEUE: usize = 256;
const OUTCOME_QUEUE: usize = 64;

/// Gathers walked files into batches of [`BATCH`] files, or fewer when they reach
/// [`BATCH_BYTES`]. Without the byte limit, a folder of a few large exports is one
/// batch, read by one thread while the other idles, and held in memory whole.
#[derive(Default)]
struct Batcher {
    files: Vec<SourceFile>,
    bytes: u64,
}

impl Batcher {
    /// Adds a file; gives back the batch when it is full.
    fn push(&mut self, file: SourceFile) -> Option<Vec<SourceFile>> {
        self.bytes += file.size;
        self.files.push(file);
        if self.files.len() < BATCH && self.bytes < BATCH_BYTES {
            return None;
        }
        self.bytes = 0;
        Some(std::mem::take(&mut self.files))
    }

    /// The files left over at the end of the walk, if any.
    fn finish(self) -> Option<Vec<SourceFile>> {
        (!self.files.is_empty()).then_some(self.files)
    }
}

/// What reading one file produced, or one part of a streamed file.
enum FileOutcome {
    Indexed(IndexedPart),
    Unchanged,
    Skipped(Skipped),
}

impl FileOutcome {
    /// Whether this is the last word on its file (the progress bar counts files).
    fn ends_file(&self) -> bool {
        match self {
            FileOutcome::Indexed(indexed) => indexed.part.ends_file(),
            FileOutcome::Unchanged | FileOutcome::Skipped(_) => true,
        }
    }
}

/// Articles of one file, read and extracted: all of them, or one part.
struct IndexedPart {
    file: FileStamp,
    articles: Vec<Article>,
    warnings: Vec<Warning>,
    /// The index holds nothing of the file yet, so nothing is deleted first.
    is_new: bool,
    part: Part,
    /// Records that are not articles, by kind; given with the file's last part.
    other_records: BTreeMap<&'static str, usize>,
}

/// Where a batch of a file's articles stands in the file. Files are read
/// whole; WARC files are streamed in parts (see [`parts`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Whole,
    First,
    Middle,
    Last,
}

impl Part {
    /// The file's old documents are deleted with its first articles.
    fn starts_file(self) -> bool {
        matches!(self, Part::Whole | Part::First)
    }

    fn ends_file(self) -> bool {
        matches!(self, Part::Whole | Part::Last)
    }
}

/// Indexes every new or changed supported file under `options.roots`, and
/// removes the documents of files that are gone.
pub fn run(options: &IngestOptions) -> Result<IngestReport, IngestError> {
    let started = Instant::now();
    for root in &options.roots {
        if !root.exists() {
            return Err(IngestError::MissingRoot(root.clone()));
        }
    }
    let archive = Archive::open_or_create(&options.index_dir, options.rebuild)?;
    let mut sink = Sink::open(&archive, options.commit_every)?;
    let previous = archive.manifest()?;
    // Streamed files that an earlier run committed only in part are read again.
    let reread = sink.reread();

    let mut report = IngestReport {
        index: options.index_dir.display().to_string(),
        ..IngestReport::default()
    };
    // Files stream from the walk through the readers to the writer, each stage
    // behind a bounded queue: memory does not grow with the number of files
    // beyond the set of identities seen and the manifest.
    let progress = progress_bar(options.progress);
    // Files travel in batches: one hand-over (and at most one thread wake-up)
    // per batch rather than per file at each stage.
    let (file_sender, file_receiver) = mpsc::sync_channel::<Vec<SourceFile>>(FILE_QUEUE / BATCH);
    let (sender, receiver) = mpsc::sync_channel::<Vec<FileOutcome>>(OUTCOME_QUEUE / BATCH);
    let mut write_error = None;
    let walked = std::thread::scope(|scope| {
        let walker = {
            let bar = progress.clone();
            scope.spawn(move || {
                let mut batcher = Batcher::default();
                let walked = walk::walk(&options.roots, &options.index_dir, |file| {
                    if let Some(bar) = &bar {
                        bar.inc_length(1);
                    }
                    if let Some(batch) = batcher.push(file) {
                        // The readers only stop early when writing failed; then there is nothing to do.
                        let _ = file_sender.send(batch);
                    }
                });
                if let Some(batch) = batcher.finish() {
                    let _ = file_sender.send(batch);
                }
                walked
            })
        };
        let previous = &previous;
        let reread = &reread;
        scope.spawn(move || {
            file_receiver
                .into_iter()
                .par_bridge()
                .for_each_with(sender, |sender, files| {
                    let mut outcomes = Vec::with_capacity(files.len());
                    for file in files {
                        let before = previous.get(file.id);
                        let force = reread.contains(&file.key);
                        if parts::is_streamed(&file) {
                            // Each part goes to the writer as soon as it is read.
                            // The receiver only goes away when writing failed;
                            // then there is nothing to do.
                            parts::read_warc(file, before, force, options, &mut |outcome| {
                                let _ = sender.send(vec![outcome]);
                            });
                        } else {
                            outcomes.push(read_file(file, before, force, options));
                        }
                    }
                    if !outcomes.is_empty() {
                        let _ = sender.send(outcomes);
                    }
                });
        });
        for outcomes in receiver {
            if let Some(bar) = &progress {
                bar.inc(outcomes.iter().filter(|o| o.ends_file()).count() as u64);
            }
            let mut indexed = Vec::with_capacity(outcomes.len());
            let mut warnings = Vec::new();
            for outcome in outcomes {
                match outcome {
                    FileOutcome::Indexed(IndexedPart {
                        file,
                        articles,
                        warnings: file_warnings,
                        is_new,
                        part,
                        other_records,
                    }) => {
                        indexed.push(FileArticles {
                            file,
                            is_new,
                            part,
                            articles,
                        });
                        warnings.push((file_warnings, other_records));
                    }
                    FileOutcome::Unchanged => report.files_unchanged += 1,
                    FileOutcome::Skipped(skipped) => report.skipped.push(skipped),
                }
            }
            if indexed.is_empty() || write_error.is_some() {
                continue;
            }
            if let Err(err) = sink.replace(&mut indexed) {
                write_error = Some(err);
                continue;
            }
            for (file, (warnings, other_records)) in indexed.into_iter().zip(warnings) {
                // A streamed file counts once, with its last part.
                if file.part.ends_file() {
                    if file.is_new {
                        report.files_added += 1;
                    } else {
                        report.files_updated += 1;
                    }
                    report.bytes_read += file.file.size;
                    for (kind, count) in other_records {
                        *report.records_skipped.entry(kind.to_string()).or_default() += count;
                    }
                }
                report.articles_indexed += file.articles.len();
                report.warnings.extend(warnings);
            }
        }
        walker.join().expect("the walk does not panic")
    });
    report.files_seen = walked.seen.len() + walked.ignored + walked.skipped.len();
    report.files_ignored = walked.ignored;
    report.skipped.extend(walked.skipped);
    let missing: Vec<String> = if options.keep_missing {
        Vec::new()
    } else {
        let roots: Vec<PathBuf> = options
            .roots
            .iter()
            .filter_map(|r| r.canonicalize().ok())
            .collect();
        let unseen: HashSet<FileId> = previous
            .ids()
            .filter(|id| !walked.seen.contains(id))
            .collect();
        archive
            .manifest_paths(&unseen, &roots)?
            .into_iter()
            .filter(|(_, path)| !Path::new(path).exists())
            .map(|(key, _)| key)
            .collect()
    };
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if let Some(err) = write_error {
        return Err(err.into());
    }
    sink.remove(&missing)?;
    report.articles_resolved = sink.finish()?;

    report.files_indexed = report.files_added + report.files_updated;
    report.files_removed = missing.len();
    report.articles_total = archive.article_count()?;
    report.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    report
        .warnings
        .sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    report.elapsed_secs = started.elapsed().as_secs_f64();
    report.articles_per_sec = report.articles_indexed as f64 / report.elapsed_secs.max(1e-9);
    Ok(report)
}

/// A progress bar whose length grows as the walk finds files.
fn progress_bar(enabled: bool) -> Option<indicatif::ProgressBar> {
    if !enabled {
        return None;
    }
    let bar = indicatif::ProgressBar::new(0);
    let style = indicatif::ProgressStyle::with_template(
        "{spinner} indexing {pos}/{len} files [{bar:30}] {per_sec} eta {eta}",
    )
    .expect("progress template is valid")
    .progress_chars("=> ");
    bar.set_style(style);
    Some(bar)
}

/// Whether the index holds the file as it was read last, by the current
/// extractor, and nothing asks for it to be read again (`force`).
fn indexed_as_is(before: Option<&FileRecord>, options: &IngestOptions, force: bool) -> bool {
    !force
        && !options.reextract
        && before.is_some_and(|r| r.extractor_version == u64::from(extract::EXTRACTOR_VERSION))
}

/// Decides whether a file changed since it was indexed and, if so, reads,
/// parses and extracts it; `force` reads it in any case. Never panics on bad
/// input; every failure becomes a [`Skipped`] with a reason.
fn read_file(
    file: SourceFile,
    before: Option<&FileRecord>,
    force: bool,
    options: &IngestOptions,
) -> FileOutcome {
    let current = indexed_as_is(before, options, force);
    if current && before.is_some_and(|r| r.size == file.size && r.mtime == file.mtime) {
        return FileOutcome::Unchanged;
    }
    let skip = |reason: String| {
        FileOutcome::Skipped(Skipped {
            path: file.display.clone(),
            reason,
        })
    };
    let too_big = |size: u64| {
        format!(
            "file is {}, over the --max-file-size limit of {}",
            human_bytes(size),
            human_bytes(options.max_file_size)
        )
    };
    if file.size > options.max_file_size {
        return skip(too_big(file.size));
    }
    let bytes = match std::fs::read(&file.path) {
        Ok(bytes) => bytes,
        Err(err) => return skip(format!("cannot read: {}", io_reason(&err))),
    };
    // The file may have grown between the walk and the read.
    if bytes.len() as u64 > options.max_file_size {
        return skip(too_big(bytes.len() as u64));
    }
    let digest = blake3::hash(&bytes);
    // Touched but not changed: nothing to do.
    if current && before.is_some_and(|r| r.hash == manifest::short(&digest)) {
        return FileOutcome::Unchanged;
    }
    let hash = digest.to_hex().to_string();
    let parsed = match read_articles(&file.path, &file.display, &bytes) {
        Ok(parsed) => parsed,
        Err(err) => return skip(err.to_string()),
    };
    let stamp = FileStamp {
        key: file.key.clone(),
        canonical: file.canonical.clone(),
        size: bytes.len() as u64,
        mtime: file.mtime,
        hash,
    };
    let mut warnings: Vec<Warning> = parsed
        .bad_records
        .iter()
        .map(|bad| bad_record_warning(&file.display, bad))
        .collect();
    let articles = parsed
        .articles
        .into_iter()
        .map(|read| article_from(read, &file, &stamp, parsed.format, &mut warnings))
        .collect();
    FileOutcome::Indexed(IndexedPart {
        file: stamp,
        articles,
        warnings,
        is_new: before.is_none(),
        part: Part::Whole,
        other_records: parsed.other_records,
    })
}

fn bad_record_warning(path: &str, bad: &formats::BadRecord) -> Warning {
    Warning {
        path: path.to_string(),
        line: Some(bad.line),
        message: bad.message(),
    }
}

/// Extracts one article read from `file` ([`extract_article`], with the
/// file's id, stamp and path); what was wrong with it goes to `warnings`.
fn article_from(
    read: ReadArticle,
    file: &SourceFile,
    stamp: &FileStamp,
    format: Format,
    warnings: &mut Vec<Warning>,
) -> Article {
    let line = read.raw.line;
    let origin = Origin {
        id: article_id(&file.key, line),
        file: stamp.clone(),
        path: file.display.clone(),
        format,
    };
    let (article, messages) = extract_article(read, origin);
    warnings.extend(messages.into_iter().map(|message| Warning {
        path: file.display.clone(),
        line,
        message,
    }));
    article
}

/// An article as read from its file, with its publication date decided.
#[derive(Debug, Clone)]
pub struct ReadArticle {
    pub raw: formats::RawArticle,
    pub publication: published::Publication,
}

impl ReadArticle {
    /// Decides the publication date of an article read from `display` (the path
    /// as reported, whose folders may give a date): the day its reader weighed,
    /// else the metadata value, a dateline, and the path, or for a crawled page
    /// the day it was fetched.
    pub fn new(raw: formats::RawArticle, display: &str) -> ReadArticle {
        let metadata = raw.published_raw.as_deref();
        let publication = match (raw.published_day, raw.crawled) {
            (Some((date, source)), _) => published::Publication::found(date, source),
            (None, Some(crawled)) => published::resolve_crawled(metadata, &raw.body, crawled),
            (None, None) => published::resolve(metadata, &raw.body, display),
        };
        ReadArticle { raw, publication }
    }
}

/// Where an article comes from, as the index records it.
#[derive(Clone, Debug)]
pub struct Origin {
    pub id: String,
    pub file: FileStamp,
    /// The path shown for the article (the date in its folders was already read
    /// by [`ReadArticle::new`]).
    pub path: String,
    pub format: Format,
}

/// Extracts a read article into the article that is indexed: its language and
/// entities, its content hash, its author's name. `morgue index` runs this on
/// every article of every file it reads and `morgue extract` on every line of
/// its input, so that both give the same article. Also returns what was wrong
/// with the article but did not stop it (a metadata date that is not a date),
/// one line each.
pub fn extract_article(read: ReadArticle, origin: Origin) -> (Article, Vec<String>) {
    let ReadArticle {
        mut raw,
        publication,
    } = read;
    let mut warnings = std::mem::take(&mut raw.warnings);
    warnings.extend(publication.warning);
    let extract::Analysis { language, entities } =
        extract::analyse(&raw.title, &raw.body, publication.date);
    let mut hasher = blake3::Hasher::new();
    hasher.update(raw.title.as_bytes());
    hasher.update(b"\0");
    hasher.update(raw.body.as_bytes());
    let article = Article {
        id: origin.id,
        file: origin.file,
        path: origin.path,
        line: raw.line,
        format: origin.format,
        published: publication.date,
        published_month: publication.month,
        published_partial: publication.partial,
        date_source: publication.source,
        content_hash: hasher.finalize().to_hex()[..32].to_string(),
        title: raw.title,
        body: raw.body,
        author: raw.author.as_deref().and_then(formats::author_name),
        source: raw.source,
        url: raw.url,
        tags: raw.tags,
        language,
        entities,
    };
    (article, warnings)
}

/// The articles of one file, as indexing reads them.
#[derive(Debug, Clone)]
pub struct ReadFile {
    /// The format actually used, which may differ from the extension's.
    pub format: Format,
    pub articles: Vec<ReadArticle>,
    pub bad_records: Vec<formats::BadRecord>,
    /// Records that are not articles, by kind (WARC files).
    pub other_records: BTreeMap<&'static str, usize>,
}

/// Reads a file's bytes into articles and decides each one's publication date:
/// the one path from a file to what is indexed, which `morgue eval html-dates`
/// and `html-text` score as well. `display` is the path as reported (its folders
/// may give a date).
pub fn read_articles(
    path: &Path,
    display: &str,
    bytes: &[u8],
) -> Result<ReadFile, formats::ReadError> {
    let parsed = formats::parse_file(path, bytes)?;
    let articles = parsed
        .articles
        .into_iter()
        .map(|raw| ReadArticle::new(raw, display))
        .collect();
    Ok(ReadFile {
        format: parsed.format,
        articles,
        bad_records: parsed.bad_records,
        other_records: parsed.other_records,
    })
}

/// A document's id: stable for the same file (and JSON Lines line, or WARC
/// record number) across runs.
pub fn article_id(file_key: &str, line: Option<usize>) -> String {
    match line {
        None => file_key[..16].to_string(),
        Some(line) => {
            let hash = blake3::hash(format!("{file_key}#{line}").as_bytes());
            hash.to_hex()[..16].to_string()
        }
    }
}

fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::NotFound => "file disappeared during the run".to_string(),
        _ => err.to_string(),
    }
}

pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KB", "MB", "GB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(path: PathBuf, size: u64) -> SourceFile {
        SourceFile {
            display: path.display().to_string(),
            canonical: path.display().to_string(),
            id: 7,
            key: "0123456789abcdef0123456789abcdef".into(),
            path,
            size,
            mtime: 1,
        }
    }

    fn reason(outcome: FileOutcome) -> Option<String> {
        match outcome {
            FileOutcome::Skipped(s) => Some(s.reason),
            _ => None,
        }
    }

    #[test]
    fn a_file_that_vanished_after_the_walk_is_skipped_with_a_reason() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = source(dir.path().join("gone.txt"), 10);
        let options = IngestOptions::new(vec![], dir.path().join("index"));
        assert_eq!(
            reason(read_file(file, None, false, &options)).as_deref(),
            Some("cannot read: file disappeared during the run")
        );
    }

    #[test]
    fn a_file_that_grew_past_the_limit_after_the_walk_is_skipped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("grew.txt");
        std::fs::write(&path, "Title\n\n".to_string() + &"x".repeat(4096)).expect("write");
        let mut options = IngestOptions::new(vec![], dir.path().join("index"));
        options.max_file_size = 1024;
        let outcome = read_file(source(path, 10), None, false, &options);
        assert!(reason(outcome).is_some_and(|r| r.contains("--max-file-size")));
    }

    #[test]
    fn batches_close_at_a_count_of_files_or_a_size() {
        let sizes = |batch: Vec<SourceFile>| batch.iter().map(|f| f.size).collect::<Vec<_>>();
        let mut batcher = Batcher::default();
        let small: Vec<_> = (0..40)
            .filter_map(|i| batcher.push(source(format!("{i}.txt").into(), 3000)))
            .collect();
        assert_eq!(small.len(), 1);
        assert_eq!(small[0].len(), BATCH);
        assert_eq!(batcher.finish().map(|b| b.len()), Some(40 - BATCH));

        // Large exports go one or two to a batch, so that both readers get some.
        let mut batcher = Batcher::default();
        let mib = 1 << 20;
        assert!(batcher.push(source("a.jsonl".into(), 3 * mib)).is_none());
        let batch = batcher.push(source("b.jsonl".into(), 3 * mib));
        assert_eq!(batch.map(sizes), Some(vec![3 * mib, 3 * mib]));
        let batch = batcher.push(source("c.jsonl".into(), 10 * mib));
        assert_eq!(batch.map(sizes), Some(vec![10 * mib]));
        assert!(batcher.finish().is_none());
    }

    #[test]
    fn article_ids_are_stable_and_distinct_per_line() {
        let key = "fedcba9876543210fedcba9876543210";
        assert_eq!(article_id(key, None), "fedcba9876543210");
        assert_eq!(article_id(key, Some(3)), article_id(key, Some(3)));
        assert_ne!(article_id(key, Some(3)), article_id(key, Some(4)));
    }
}
