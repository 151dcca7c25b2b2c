//! WARC files through the pipeline: read record by record and written in parts.
//!
//! A web crawl file can hold a hundred thousand pages in a gigabyte, so it is
//! neither read into memory nor held to `--max-file-size` (that limit applies to
//! each page in it). A reader takes the file's records in chunks, reads and
//! extracts a chunk's pages in parallel, and sends the articles to the writer as
//! one part of the file; memory holds a chunk, not the file. The file's first
//! part replaces what the index held of it, later parts add to it.
//!
//! A commit can then fall between two parts of a file. So that a run killed
//! there does not leave a file that looks indexed but lacks articles, the files
//! a commit holds only in part are listed in the index directory
//! ([`Incomplete`]) before the commit, and the next run reads them again.
//!
//! This module does not read the WARC format (`formats::warc` does) nor decide
//! dates or entities (done per article as for any file, by
//! [`super::extract_article`]), nor write: the parts go through the `sink`,
//! which keeps the [`Incomplete`] list around its commits.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs::File;
use std::io::{BufReader, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::formats::warc::{Item, NO_TEXT, Page, PageError, Records};
use super::formats::{BadRecord, Format, ReadError};
use super::{
    FileOutcome, FileStamp, IndexedPart, IngestOptions, Part, ReadArticle, Skipped, SourceFile,
    Warning, article_from, bad_record_warning, indexed_as_is, io_reason,
};
use crate::index::IndexError;
use crate::index::manifest::{self, FileRecord};

/// Pages read and extracted in parallel at once, and the payload size at which a
/// chunk closes early: what one reader holds of a file at a time.
const CHUNK_PAGES: usize = 32;
const CHUNK_BYTES: usize = 4 << 20;

/// The read buffer of a WARC file; gzip members are read through it.
const READ_BUFFER: usize = 256 * 1024;

/// Whether a file is streamed in parts rather than read whole.
pub(super) fn is_streamed(file: &SourceFile) -> bool {
    super::formats::format_for_path(&file.path) == Some(Format::Warc)
}

/// Reads a WARC file that changed since it was indexed (or any, with `force`),
/// handing each part of its articles to `send` as it is ready. Like
/// `read_file`, it never panics on bad input: a file that cannot be read is
/// one [`FileOutcome::Skipped`], a record that cannot be read is a warning.
pub(super) fn read_warc(
    file: SourceFile,
    before: Option<&FileRecord>,
    force: bool,
    options: &IngestOptions,
    send: &mut dyn FnMut(FileOutcome),
) {
    let current = indexed_as_is(before, options, force);
    if current && before.is_some_and(|r| r.size == file.size && r.mtime == file.mtime) {
        return send(FileOutcome::Unchanged);
    }
    let skip = |reason: String| {
        FileOutcome::Skipped(Skipped {
            path: file.display.clone(),
            reason,
        })
    };
    let cannot_read = |err: std::io::Error| skip(format!("cannot read: {}", io_reason(&err)));
    let mut handle = match File::open(&file.path) {
        Ok(handle) => handle,
        Err(err) => return send(cannot_read(err)),
    };
    // The hash goes into every document's stamp, so it is taken first, in a
    // pass of its own: blake3 reads a gigabyte in about a second, a small share
    // of what reading the pages takes.
    let mut hasher = blake3::Hasher::new();
    if let Err(err) = hasher.update_reader(&mut handle) {
        return send(cannot_read(err));
    }
    let size = hasher.count();
    let digest = hasher.finalize();
    if current && before.is_some_and(|r| r.hash == manifest::short(&digest)) {
        return send(FileOutcome::Unchanged);
    }
    if let Err(err) = handle.seek(SeekFrom::Start(0)) {
        return send(cannot_read(err));
    }
    let stamp = FileStamp {
        key: file.key.clone(),
        canonical: file.canonical.clone(),
        size,
        mtime: file.mtime,
        hash: digest.to_hex().to_string(),
    };
    let input = BufReader::with_capacity(READ_BUFFER, handle);
    let mut records = match Records::open(input, options.max_file_size) {
        Ok(records) => records,
        Err(err) => return send(skip(err.to_string())),
    };
    let mut parts = PartSender {
        stamp: &stamp,
        is_new: before.is_none(),
        sent: false,
        send,
    };
    let mut articles = Vec::new();
    let mut warnings = Vec::new();
    let mut other: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut bad = 0;
    let mut on_bad = |record: &BadRecord, warnings: &mut Vec<Warning>| {
        bad += 1;
        warnings.push(bad_record_warning(&file.display, record));
    };
    let (mut pages, mut end) = next_chunk(&mut records, &mut other, |record| {
        on_bad(record, &mut warnings)
    });
    while !pages.is_empty() || !end {
        // Reading and extracting a page is the slow part: a chunk's pages are
        // spread over the threads, so that one large file keeps them all busy,
        // while the next chunk is taken from the file (decompression and
        // framing would otherwise leave the other threads waiting).
        let chunk = std::mem::take(&mut pages);
        let (extracted, next) = rayon::join(
            || extract_pages(chunk, &file, &stamp),
            || {
                if end {
                    return (Vec::new(), true, Vec::new());
                }
                let mut bad_records = Vec::new();
                let (pages, end) = next_chunk(&mut records, &mut other, |record| {
                    bad_records.push(record.clone())
                });
                (pages, end, bad_records)
            },
        );
        for record in &next.2 {
            on_bad(record, &mut warnings);
        }
        for result in extracted {
            match result {
                Ok((article, found)) => {
                    articles.push(article);
                    warnings.extend(found);
                }
                Err(PageError::NoText) => *other.entry(NO_TEXT).or_default() += 1,
                Err(PageError::Bad(record)) => on_bad(&record, &mut warnings),
            }
        }
        (pages, end) = (next.0, next.1);
        if (!pages.is_empty() || !end) && !articles.is_empty() {
            parts.send(
                std::mem::take(&mut articles),
                std::mem::take(&mut warnings),
                BTreeMap::new(),
                false,
            );
        }
    }
    if !parts.sent && articles.is_empty() {
        return (parts.send)(skip(ReadError::no_warc_articles(&other, bad).to_string()));
    }
    parts.send(articles, warnings, other, true);
}

/// Reads and extracts a chunk's pages, in parallel.
fn extract_pages(
    pages: Vec<Page>,
    file: &SourceFile,
    stamp: &FileStamp,
) -> Vec<Result<(super::Article, Vec<Warning>), PageError>> {
    pages
        .into_par_iter()
        .map(|page| {
            let read = ReadArticle::new(page.read()?, &file.display);
            let mut found = Vec::new();
            let article = article_from(read, file, stamp, Format::Warc, &mut found);
            Ok((article, found))
        })
        .collect()
}

/// Reads records up to a chunk of pages: the pages, and whether the file ended.
/// Other records are counted, bad ones handed to `on_bad`.
fn next_chunk<R: std::io::BufRead + Seek>(
    records: &mut Records<R>,
    other: &mut BTreeMap<&'static str, usize>,
    mut on_bad: impl FnMut(&BadRecord),
) -> (Vec<Page>, bool) {
    let mut pages = Vec::new();
    let mut bytes = 0;
    while pages.len() < CHUNK_PAGES && bytes < CHUNK_BYTES {
        match records.next_item() {
            None => return (pages, true),
            Some(Item::Page(page)) => {
                bytes += page.payload_len();
                pages.push(page);
            }
            Some(Item::Other(kind)) => *other.entry(kind).or_default() += 1,
            Some(Item::Bad(record)) => on_bad(&record),
        }
    }
    (pages, false)
}

/// Sends one file's parts, in order, each marked with its place in the file.
struct PartSender<'a> {
    stamp: &'a FileStamp,
    is_new: bool,
    sent: bool,
    send: &'a mut dyn FnMut(FileOutcome),
}

impl PartSender<'_> {
    fn send(
        &mut self,
        articles: Vec<super::Article>,
        warnings: Vec<Warning>,
        other_records: BTreeMap<&'static str, usize>,
        last: bool,
    ) {
        let part = match (self.sent, last) {
            (false, true) => Part::Whole,
            (false, false) => Part::First,
            (true, false) => Part::Middle,
            (true, true) => Part::Last,
        };
        (self.send)(FileOutcome::Indexed(IndexedPart {
            file: self.stamp.clone(),
            articles,
            warnings,
            is_new: self.is_new,
            part,
            other_records,
        }));
        self.sent = true;
    }
}

/// The file in the index directory that lists, one key a line, the files whose
/// articles the last commit may hold only some of.
pub(crate) const INCOMPLETE_FILE: &str = ".incomplete-files";

/// The streamed files that a commit holds only in part, kept on disk so that
/// the next run reads them again, whenever this one stops.
#[derive(Debug)]
pub(super) struct Incomplete {
    path: PathBuf,
    /// What the file on disk lists.
    listed: BTreeSet<String>,
    /// Files this run has begun and not finished writing.
    open: BTreeSet<String>,
    /// Files listed by an earlier run that this run has not written again in
    /// full (they may lie under roots it was not given).
    stale: BTreeSet<String>,
}

impl Incomplete {
    pub(super) fn load(index_dir: &Path) -> Result<Incomplete, IndexError> {
        let path = index_dir.join(INCOMPLETE_FILE);
        let listed: BTreeSet<String> = match std::fs::read_to_string(&path) {
            Ok(text) => text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect(),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => BTreeSet::new(),
            Err(source) => return Err(IndexError::Io { path, source }),
        };
        Ok(Incomplete {
            path,
            stale: listed.clone(),
            listed,
            open: BTreeSet::new(),
        })
    }

    /// The files to read again, whether or not they changed.
    pub(super) fn listed(&self) -> HashSet<String> {
        self.listed.iter().cloned().collect()
    }

    /// A part of the file `key` was written (not yet committed).
    pub(super) fn wrote(&mut self, key: &str, part: Part) {
        match part {
            Part::First => {
                self.open.insert(key.to_string());
            }
            Part::Middle => {}
            Part::Whole | Part::Last => {
                self.open.remove(key);
                self.stale.remove(key);
            }
        }
    }

    /// The file `key` is gone, and its documents with it.
    pub(super) fn removed(&mut self, key: &str) {
        self.stale.remove(key);
    }

    fn needed(&self) -> BTreeSet<String> {
        self.open.union(&self.stale).cloned().collect()
    }

    /// Lists every file the coming commit holds in part, before it exists.
    pub(super) fn before_commit(&mut self) -> Result<(), IndexError> {
        let needed = self.needed();
        if needed.is_subset(&self.listed) {
            return Ok(());
        }
        // The files the last commit held in part stay listed until this commit
        // replaces it.
        let listed: BTreeSet<String> = self.listed.union(&needed).cloned().collect();
        self.write(listed)
    }

    /// Drops the files the commit just made holds in full.
    pub(super) fn after_commit(&mut self) -> Result<(), IndexError> {
        let needed = self.needed();
        if needed == self.listed {
            return Ok(());
        }
        self.write(needed)
    }

    /// Replaces the list on disk whole (written aside, synced, renamed), so that
    /// a crash leaves the old list or the new one.
    fn write(&mut self, listed: BTreeSet<String>) -> Result<(), IndexError> {
        let io_error = |source| IndexError::Io {
            path: self.path.clone(),
            source,
        };
        if listed.is_empty() {
            match std::fs::remove_file(&self.path) {
                Ok(()) => {}
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
                Err(err) => return Err(io_error(err)),
            }
        } else {
            let aside = self.path.with_extension("new");
            let mut text = String::new();
            for key in &listed {
                text.push_str(key);
                text.push('\n');
            }
            let written = File::create(&aside).and_then(|mut f| {
                f.write_all(text.as_bytes())?;
                f.sync_all()
            });
            written.map_err(io_error)?;
            std::fs::rename(&aside, &self.path).map_err(io_error)?;
        }
        self.listed = listed;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(incomplete: &Incomplete) -> Vec<String> {
        let mut keys: Vec<String> = incomplete.listed().into_iter().collect();
        keys.sort();
        keys
    }

    #[test]
    fn a_file_is_listed_while_a_commit_holds_it_in_part() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut incomplete = Incomplete::load(dir.path()).expect("load");
        incomplete.wrote("a", Part::First);
        incomplete.wrote("b", Part::Whole);
        incomplete.before_commit().expect("list");
        assert_eq!(keys(&Incomplete::load(dir.path()).expect("load")), ["a"]);
        incomplete.after_commit().expect("list");
        incomplete.wrote("a", Part::Middle);
        incomplete.wrote("a", Part::Last);
        // Until the commit that holds the last part exists, the list stays.
        incomplete.before_commit().expect("list");
        assert_eq!(keys(&Incomplete::load(dir.path()).expect("load")), ["a"]);
        incomplete.after_commit().expect("list");
        assert!(keys(&Incomplete::load(dir.path()).expect("load")).is_empty());
        assert!(!dir.path().join(INCOMPLETE_FILE).exists());
    }

    #[test]
    fn a_file_left_in_part_by_a_killed_run_stays_listed_until_written_again() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut killed = Incomplete::load(dir.path()).expect("load");
        killed.wrote("a", Part::First);
        killed.before_commit().expect("list");
        // The run is killed here; the next one starts from the list.
        let mut next = Incomplete::load(dir.path()).expect("load");
        assert_eq!(keys(&next), ["a"]);
        next.wrote("other", Part::Whole);
        next.before_commit().expect("list");
        next.after_commit().expect("list");
        assert_eq!(keys(&Incomplete::load(dir.path()).expect("load")), ["a"]);
        next.wrote("a", Part::Whole);
        next.before_commit().expect("list");
        next.after_commit().expect("list");
        assert!(keys(&Incomplete::load(dir.path()).expect("load")).is_empty());
    }
}
