//! The writing end of an ingest run: articles into the index, commits, and
//! people resolved across the archive at the end.
//!
//! `morgue index` (files read and extracted here) and `morgue index --extracted`
//! (articles extracted earlier by `morgue extract`) both write through a
//! [`Sink`], so that the same articles make the same index whichever way they
//! came: the same running guess of who people are while writing, the same commit
//! cadence, the same archive-wide resolution when the run ends. It also keeps
//! the list of streamed (WARC) files that a commit holds only in part
//! ([`Incomplete`], see [`super::parts`]) around every commit. It does not read
//! or extract anything.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::parts::Incomplete;
use super::{Article, FileStamp, Part};
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

/// The articles of one source file, or of one part of a streamed file. A
/// [`Part::Whole`] file or a file's [`Part::First`] part replaces whatever the
/// index holds of it; the parts after it add to it.
pub(crate) struct FileArticles {
    pub file: FileStamp,
    /// The index holds nothing of the file yet: there is nothing to delete.
    pub is_new: bool,
    pub part: Part,
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
    /// The streamed files that the coming commit holds only in part.
    incomplete: Incomplete,
}

impl<'a> Sink<'a> {
    /// Takes the index's writer lock (see [`ArchiveWriter::new`]).
    pub fn open(archive: &'a Archive, commit_every: usize) -> Result<Sink<'a>, IndexError> {
        let pending = archive.dir.join(PEOPLE_PENDING);
        let incomplete = Incomplete::load(&archive.dir)?;
        Ok(Sink {
            writer: ArchiveWriter::new(archive)?,
            archive,
            running: RunningNames::default(),
            marked: pending.exists(),
            pending,
            commit_every,
            since_commit: (0, Instant::now()),
            changed: false,
            incomplete,
        })
    }

    /// The keys of the streamed files that an earlier run committed only in
    /// part: they are to be read again, changed or not.
    pub fn reread(&self) -> std::collections::HashSet<String> {
        self.incomplete.listed()
    }

    /// Writes each file's articles in place of its documents (or, for a part
    /// after a file's first, next to them), in order, with their people named as
    /// the run so far knows them; commits when `commit_every` articles or 30
    /// seconds have passed since the last commit.
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
        self.writer.replace_files(files.iter().map(|f| {
            let nothing_to_delete = f.is_new || !f.part.starts_file();
            (
                f.file.key.as_str(),
                nothing_to_delete,
                f.articles.as_slice(),
            )
        }))?;
        for file in files.iter() {
            self.incomplete.wrote(&file.file.key, file.part);
        }
        self.changed = true;
        self.since_commit.0 += files.iter().map(|f| f.articles.len()).sum::<usize>();
        if self.since_commit.0 >= self.commit_every
            || self.since_commit.1.elapsed() >= COMMIT_INTERVAL
        {
            self.commit()?;
            self.since_commit = (0, Instant::now());
        }
        Ok(())
    }

    /// Commits, keeping the list of streamed files that the commit holds only
    /// in part around it: written before, so that it covers the commit from the
    /// moment the commit exists, and shortened after.
    fn commit(&mut self) -> Result<(), IndexError> {
        self.incomplete.before_commit()?;
        self.writer.commit()?;
        self.incomplete.after_commit()
    }

    /// Removes every document of the files `keys`.
    pub fn remove(&mut self, keys: &[String]) -> Result<(), IndexError> {
        if keys.is_empty() {
            return Ok(());
        }
        self.mark_pending()?;
        for key in keys {
            self.writer.remove_file(key);
            self.incomplete.removed(key);
        }
        self.changed = true;
        Ok(())
    }

    /// Commits what the run wrote, then resolves people across the archive and
    /// commits the articles that resolution rewrote. Returns how many those were.
    /// A run that changed nothing leaves the last commit as it is.
    pub fn finish(mut self) -> Result<usize, IndexError> {
        if self.changed {
            self.commit()?;
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
