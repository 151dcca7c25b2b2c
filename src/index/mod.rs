//! The on-disk index: creating and opening it, its format version, turning
//! ingested articles into tantivy documents, and making one index of shards
//! built apart ([`merge`]).
//!
//! What is indexed is defined in [`schema`]; how articles are found and read
//! lives in `ingest`, how the index is queried in `search`.

pub mod manifest;
pub mod merge;
pub mod people;
pub mod schema;
mod stems;
pub mod stored;
mod writer;

pub use writer::{ArchiveWriter, WRITER_MEMORY_BUDGET, date_from_value, date_value};

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::directory::MmapDirectory;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, IndexReader, ReloadPolicy};

use schema::{FORMAT_VERSION, Fields};

/// The file beside tantivy's own that marks a directory as a morgue index.
const MARKER_FILE: &str = "morgue.json";
/// A file beside tantivy's own that says `morgue merge` is still writing the
/// index (see [`merge`]): until it is gone the index holds only part of the
/// shards, or of their people's resolution, and is not opened.
const MERGE_PARTIAL: &str = ".merge-partial";

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error(
        "no index at {} (run `morgue index [PATH]` first, or point --index / MORGUE_INDEX at an index)",
        .0.display()
    )]
    Missing(PathBuf),
    #[error(
        "{} is not a morgue index and is not empty; choose another --index directory",
        .0.display()
    )]
    NotMorgue(PathBuf),
    #[error(
        "the index at {} has format version {found}, this morgue reads version {expected}: rebuild it with `morgue index --rebuild`",
        .path.display()
    )]
    Version {
        path: PathBuf,
        found: u32,
        expected: u32,
    },
    #[error("index is busy (another morgue index is running on {})", .0.display())]
    Busy(PathBuf),
    #[error(
        "the index at {} is unfinished: the `morgue merge` writing it did not end; run the merge again (it replaces the unfinished index)",
        .0.display()
    )]
    UnfinishedMerge(PathBuf),
    #[error("index at {}: {source}", .path.display())]
    Tantivy {
        path: PathBuf,
        source: tantivy::TantivyError,
    },
    #[error("index at {}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

#[derive(Debug, Serialize, Deserialize)]
struct Marker {
    format_version: u32,
    created_by: String,
}

/// Segments from which searches run on several threads (see `from_index`).
const PARALLEL_SEGMENTS: usize = 8;

/// An open morgue index.
pub struct Archive {
    pub index: Index,
    pub fields: Fields,
    pub dir: PathBuf,
    /// The reader of a long-running process (see [`Archive::follow_commits`]);
    /// without it, each searcher comes from a reader opened for it.
    reader: Option<IndexReader>,
}

impl Archive {
    /// Opens an existing index for searching.
    pub fn open(dir: &Path) -> Result<Archive, IndexError> {
        check_marker(dir)?;
        let index = Index::open_in_dir(dir).map_err(|source| IndexError::Tantivy {
            path: dir.to_path_buf(),
            source,
        })?;
        Archive::from_index(index, dir)
    }

    /// Opens the index at `dir`, creating it when the directory is missing or
    /// empty. With `rebuild`, an existing morgue index is deleted first.
    pub fn open_or_create(dir: &Path, rebuild: bool) -> Result<Archive, IndexError> {
        let io_err = |source| IndexError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let is_morgue = dir.join(MARKER_FILE).exists();
        // A marker without tantivy's meta.json is a creation that was interrupted
        // (the marker is written first, see below): finish it.
        let unfinished = is_morgue && !dir.join("meta.json").exists();
        if rebuild && is_morgue {
            fs::remove_dir_all(dir).map_err(io_err)?;
        } else if is_morgue && !unfinished {
            return Archive::open(dir);
        }
        if !unfinished && dir.exists() && !is_empty_dir(dir).map_err(io_err)? {
            return Err(IndexError::NotMorgue(dir.to_path_buf()));
        }
        fs::create_dir_all(dir).map_err(io_err)?;
        // The marker goes first, whole (written aside, then renamed), so that a run
        // killed at any point leaves either nothing of note or a directory that the
        // next run recognises as its own.
        let marker = Marker {
            format_version: FORMAT_VERSION,
            created_by: format!("morgue {}", env!("CARGO_PKG_VERSION")),
        };
        let json = serde_json::to_string_pretty(&marker).expect("marker serialises");
        let partial = dir.join(format!(".{MARKER_FILE}.partial"));
        fs::write(&partial, json).map_err(io_err)?;
        fs::rename(&partial, dir.join(MARKER_FILE)).map_err(io_err)?;
        let tantivy_err = |source| IndexError::Tantivy {
            path: dir.to_path_buf(),
            source,
        };
        let directory = MmapDirectory::open(dir).map_err(|e| tantivy_err(e.into()))?;
        let index = Index::create(
            directory,
            schema::build_schema(),
            tantivy::IndexSettings::default(),
        )
        .map_err(tantivy_err)?;
        Archive::from_index(index, dir)
    }

    fn from_index(mut index: Index, dir: &Path) -> Result<Archive, IndexError> {
        let tantivy_err = |source| IndexError::Tantivy {
            path: dir.to_path_buf(),
            source,
        };
        // On a large archive, searches and counts visit segments in parallel, one
        // thread per core. 1M bench articles (27 segments), 2 cores: a phrase matching
        // 420k articles 58.5 -> 33.8 ms, `people` 143 -> 104 ms. Starting the threads
        // costs about a millisecond, more than it saves on a few segments (100k: 4).
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        let segments = index.searchable_segment_metas().map_or(0, |m| m.len());
        if threads > 1 && segments >= PARALLEL_SEGMENTS {
            index
                .set_multithread_executor(threads)
                .map_err(tantivy_err)?;
        }
        index
            .tokenizers()
            .register(schema::TOKENIZER, schema::text_analyzer());
        index.tokenizers().register(
            schema::STEM_TOKENIZER,
            TextAnalyzer::from(stems::StemTokenizer::default()),
        );
        let fields = Fields::from_schema(&index.schema()).map_err(tantivy_err)?;
        Ok(Archive {
            index,
            fields,
            dir: dir.to_path_buf(),
            reader: None,
        })
    }

    /// The committed manifest: every indexed source file (see [`manifest`]).
    pub fn manifest(&self) -> Result<manifest::Manifest, IndexError> {
        let searcher = self.searcher()?;
        manifest::load(&searcher).map_err(|source| self.tantivy_error(source))
    }

    /// `(file_key, canonical path)` of the indexed files `wanted` under `roots`
    /// (see [`manifest::paths_under`]).
    pub fn manifest_paths(
        &self,
        wanted: &std::collections::HashSet<manifest::FileId>,
        roots: &[PathBuf],
    ) -> Result<Vec<(String, String)>, IndexError> {
        let searcher = self.searcher()?;
        manifest::paths_under(&searcher, wanted, roots).map_err(|source| self.tantivy_error(source))
    }

    /// Number of articles in the last commit.
    pub fn article_count(&self) -> Result<u64, IndexError> {
        Ok(self.searcher()?.num_docs())
    }

    /// A searcher over the last commit (with [`Archive::follow_commits`], over
    /// the last commit the kept reader has seen).
    pub fn searcher(&self) -> Result<tantivy::Searcher, IndexError> {
        if let Some(reader) = &self.reader {
            return Ok(reader.searcher());
        }
        let reader: IndexReader = self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|source| self.tantivy_error(source))?;
        Ok(reader.searcher())
    }

    /// Keeps one reader open from now on, for a process that serves many
    /// searches (`morgue serve`): each searcher then costs an `Arc` clone instead
    /// of opening every segment, and commits made meanwhile by a `morgue index`
    /// are picked up by tantivy's watch on the index's `meta.json` (it polls
    /// about twice a second) with no restart.
    ///
    /// Measured on the 100k benchmark archive (4 segments, 2 cores, release): a
    /// reader opened per searcher costs 0.98 ms, and a search opens more than
    /// one, so `minister talks` took 6.8 ms; with the kept reader a searcher
    /// costs nothing measurable and the same search takes 2.5 ms.
    pub fn follow_commits(&mut self) -> Result<(), IndexError> {
        let reader: IndexReader = self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .map_err(|source| self.tantivy_error(source))?;
        self.reader = Some(reader);
        Ok(())
    }

    fn tantivy_error(&self, source: tantivy::TantivyError) -> IndexError {
        IndexError::Tantivy {
            path: self.dir.clone(),
            source,
        }
    }

    /// Total size of the index files in bytes.
    pub fn size_bytes(&self) -> u64 {
        fs::read_dir(&self.dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter_map(|e| e.metadata().ok())
                    .filter(|m| m.is_file())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0)
    }
}

/// Checks that `dir` holds a finished morgue index of this format version.
fn check_marker(dir: &Path) -> Result<(), IndexError> {
    let marker_path = dir.join(MARKER_FILE);
    if !marker_path.exists() {
        if dir.join("meta.json").exists() {
            return Err(IndexError::NotMorgue(dir.to_path_buf()));
        }
        return Err(IndexError::Missing(dir.to_path_buf()));
    }
    let io_err = |source| IndexError::Io {
        path: dir.to_path_buf(),
        source,
    };
    // A creation interrupted before tantivy wrote its metadata holds no index yet.
    if !dir.join("meta.json").exists() {
        return Err(IndexError::Missing(dir.to_path_buf()));
    }
    if dir.join(MERGE_PARTIAL).exists() {
        return Err(IndexError::UnfinishedMerge(dir.to_path_buf()));
    }
    let raw = fs::read_to_string(&marker_path).map_err(io_err)?;
    // A marker we cannot read is treated like a foreign version: the cure is the same.
    let found = serde_json::from_str::<Marker>(&raw)
        .map(|m| m.format_version)
        .unwrap_or(0);
    if found != FORMAT_VERSION {
        return Err(IndexError::Version {
            path: dir.to_path_buf(),
            found,
            expected: FORMAT_VERSION,
        });
    }
    Ok(())
}

/// A directory holding nothing but hidden files (such as a `.gitkeep`) counts as empty.
fn is_empty_dir(dir: &Path) -> std::io::Result<bool> {
    for entry in fs::read_dir(dir)? {
        if !entry?.file_name().to_string_lossy().starts_with('.') {
            return Ok(false);
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_creation_interrupted_after_the_marker_is_finished_by_the_next_run() {
        let dir = tempfile::tempdir().expect("temp dir");
        let marker = Marker {
            format_version: FORMAT_VERSION,
            created_by: "morgue (killed)".into(),
        };
        let json = serde_json::to_string(&marker).expect("json");
        fs::write(dir.path().join(MARKER_FILE), json).expect("write");
        assert!(matches!(
            Archive::open(dir.path()),
            Err(IndexError::Missing(_))
        ));
        Archive::open_or_create(dir.path(), false).expect("finish the creation");
        Archive::open(dir.path()).expect("reopen");
    }

    #[test]
    fn creates_in_an_empty_directory_and_reopens() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::write(dir.path().join(".gitkeep"), "").expect("write");
        Archive::open_or_create(dir.path(), false).expect("create");
        Archive::open(dir.path()).expect("reopen");
    }

    #[test]
    fn refuses_a_directory_with_other_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::write(dir.path().join("notes.txt"), "mine").expect("write");
        let err = Archive::open_or_create(dir.path(), false).err();
        assert!(matches!(err, Some(IndexError::NotMorgue(_))), "{err:?}");
        assert!(dir.path().join("notes.txt").exists());
    }

    #[test]
    fn another_format_version_says_to_rebuild() {
        let dir = tempfile::tempdir().expect("temp dir");
        Archive::open_or_create(dir.path(), false).expect("create");
        fs::write(
            dir.path().join(MARKER_FILE),
            r#"{"format_version": 999, "created_by": "morgue 9"}"#,
        )
        .expect("write");
        let message = Archive::open(dir.path()).err().map(|e| e.to_string());
        let message = message.unwrap_or_default();
        assert!(message.contains("--rebuild"), "{message}");
        Archive::open_or_create(dir.path(), true).expect("rebuild");
        Archive::open(dir.path()).expect("open after rebuild");
    }

    #[test]
    fn missing_index_says_what_to_run() {
        let dir = tempfile::tempdir().expect("temp dir");
        let message = Archive::open(&dir.path().join("nope"))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(message.contains("morgue index"), "{message}");
    }
}
