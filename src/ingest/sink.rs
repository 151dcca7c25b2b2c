//! The writing end of an ingest run: articles into the index, commits, and
//! people resolved across the archive at the end.
//!
//! `morgue index` (files read and extracted here) and `morgue index --extracted`
//! (articles extracted earlier by `morgue extract`) both write through a
//! [`Sink`], so that the same articles make the same index whichever way they
//! came: the same running guess of who people are while writing, the same commit
//! cadence, the same archive-wide resolution when the run ends. It does not read
//! or extract anything.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::{Article, FileStamp};
use crate::extract::resolve::RunningNames;
use crate::index::{Archive, ArchiveWriter, IndexError};

/// Commit at least this often, so that a crash late in a long run keeps the
/// work done before it.
const COMMIT_INTERVAL: Duration = Duration::from_secs(30);
/// A file in the index directory that says people have not been resolved across
/// the archive since it last changed: written before a run's first change, removed
/// once resolution is committed. A run killed in between leaves it, and the next
/// run resolves even if it changes nothing itself.
pub(crate) const PEOPLE_PENDING: &str = ".people-pending";

/// The articles of one source file, replacing whatever the index holds of it.
pub(crate) struct FileArticles {
    pub file: FileStamp,
    /// The index holds nothing of the file yet: there is nothing to delete.
    pub is_new: bool,
    pub articles: Vec<Article>,
}

/// The index's writer for the length of one run.
pub(crate) struct Sink<'a> {
    archive: &'a Archive,
    writer: ArchiveWriter,
    /// Who people probably are, from what this run has written so far; the
    /// whole archive is resolved at the end (`index::people`).
    running: RunningNames,
    pending: PathBuf,
    /// The pending marker is on disk (written by this run or left by a killed one).
    marked: bool,
    commit_every: usize,
    /// Articles written since the last commit, and when that was.
    since_commit: (usize, Instant),
    /// Something was written or removed in this run.
    changed: bool,
}

impl<'a> Sink<'a> {
    /// Takes the index's writer lock (see [`ArchiveWriter::new`]).
    pub fn open(archive: &'a Archive, commit_every: usize) -> Result<Sink<'a>, IndexError> {
        let pending = archive.dir.join(PEOPLE_PENDING);
        Ok(Sink {
            writer: ArchiveWriter::new(archive)?,
            archive,
            running: RunningNames::default(),
            marked: pending.exists(),
            pending,
            commit_every,
            since_commit: (0, Instant::now()),
            changed: false,
        })
    }

    /// Writes each file's articles in place of its documents, in order, with
    /// their people named as the run so far knows them; commits when
    /// `commit_every` articles or 30 seconds have passed since the last commit.
    pub fn replace(&mut self, files: &mut [FileArticles]) -> Result<(), IndexError> {
        if files.is_empty() {
            return Ok(());
        }
        self.mark_pending()?;
        for file in files.iter_mut() {
            for article in &mut file.articles {
                self.running.apply(&mut article.entities.people);
            }
        }
        self.writer.replace_files(
            files
                .iter()
                .map(|f| (f.file.key.as_str(), f.is_new, f.articles.as_slice())),
        )?;
        self.changed = true;
        self.since_commit.0 += files.iter().map(|f| f.articles.len()).sum::<usize>();
        if self.since_commit.0 >= self.commit_every
            || self.since_commit.1.elapsed() >= COMMIT_INTERVAL
        {
            self.writer.commit()?;
            self.since_commit = (0, Instant::now());
        }
        Ok(())
    }

    /// Removes every document of the files `keys`.
    pub fn remove(&mut self, keys: &[String]) -> Result<(), IndexError> {
        if keys.is_empty() {
            return Ok(());
        }
        self.mark_pending()?;
        for key in keys {
            self.writer.remove_file(key);
        }
        self.changed = true;
        Ok(())
    }

    /// Commits what the run wrote, then resolves people across the archive and
    /// commits the articles that resolution rewrote. Returns how many those were.
    /// A run that changed nothing leaves the last commit as it is.
    pub fn finish(mut self) -> Result<usize, IndexError> {
        if self.changed {
            self.writer.commit()?;
        }
        if !self.marked {
            return Ok(0);
        }
        let resolved = crate::index::people::reconcile(self.archive, &mut self.writer)?;
        if resolved > 0 {
            self.writer.commit()?;
        }
        std::fs::remove_file(&self.pending).map_err(|source| IndexError::Io {
            path: self.pending.clone(),
            source,
        })?;
        // Rewritten articles leave deleted copies behind, which only merges drop:
        // let the merges the commits started finish before the run ends.
        if resolved > 0 {
            self.writer.finish_merges()?;
        }
        Ok(resolved)
    }

    fn mark_pending(&mut self) -> Result<(), IndexError> {
        if !self.marked {
            std::fs::write(&self.pending, b"").map_err(|source| IndexError::Io {
                path: self.pending.clone(),
                source,
            })?;
            self.marked = true;
        }
        Ok(())
    }
}
