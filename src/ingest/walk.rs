//! Walking the roots: which files are articles, which are ignored, which cannot
//! be reached.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::Skipped;
use super::formats;
use crate::index::manifest::{self, FileId};

/// A file to read, as found by the walk.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The path as walked (root as given, then the relative part).
    pub path: PathBuf,
    /// The path as shown to the user and stored in the index.
    pub display: String,
    /// Identity of the file: a hash of its canonical path, so that the same file
    /// reached as `corpus/a.txt` or `/home/me/corpus/a.txt` is one file; `key` is
    /// its hex form, as stored.
    pub id: FileId,
    pub key: String,
    /// Canonical absolute path (as text; lossy only for names that are not UTF-8).
    pub canonical: String,
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch (0 when unknown).
    pub mtime: i64,
}

/// What the walk saw besides the files it handed on.
pub struct Walked {
    /// Identities of the files handed on (each file once).
    pub seen: HashSet<FileId>,
    pub ignored: usize,
    pub skipped: Vec<Skipped>,
}

/// Walks `roots` and hands every file to `found` as it is discovered, so that a
/// million-file archive is never held in memory as a list; skips hidden entries
/// and the index itself. Symbolic links are followed; a link back to an ancestor
/// is reported and not followed, so a loop cannot make the walk run forever.
pub fn walk(roots: &[PathBuf], index_dir: &Path, mut found: impl FnMut(SourceFile)) -> Walked {
    let index_dir = index_dir.canonicalize().ok();
    let mut canonical_dirs = HashMap::new();
    let mut walked = Walked {
        seen: HashSet::new(),
        ignored: 0,
        skipped: Vec::new(),
    };
    for root in roots {
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| {
                let hidden =
                    entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
                let is_index = index_dir.is_some()
                    && entry.file_type().is_dir()
                    && entry.path().canonicalize().ok() == index_dir;
                !hidden && !is_index
            });
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    walked.skipped.push(walk_error(&err));
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let path = entry.path().to_path_buf();
            if formats::format_for_path(&path).is_none() {
                walked.ignored += 1;
                continue;
            }
            let canonical = canonical_path(&path, entry.path_is_symlink(), &mut canonical_dirs);
            let digest = manifest::file_digest(&canonical);
            let id = manifest::short(&digest);
            if !walked.seen.insert(id) {
                continue;
            }
            let metadata = entry.metadata().ok();
            found(SourceFile {
                display: path.display().to_string(),
                canonical: canonical.to_string_lossy().into_owned(),
                path,
                id,
                key: digest.to_hex().to_string(),
                size: metadata.as_ref().map(|m| m.len()).unwrap_or(0),
                mtime: metadata.as_ref().map(modified_nanos).unwrap_or(0),
            });
        }
    }
    walked
}

/// The canonical path of a file. Resolving every path component costs a
/// system call per component per file; a folder's canonical form is resolved
/// once and reused for all its files, unless the file itself is a link.
fn canonical_path(path: &Path, is_link: bool, dirs: &mut HashMap<PathBuf, PathBuf>) -> PathBuf {
    let resolve = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    match (is_link, path.parent(), path.file_name()) {
        (false, Some(parent), Some(name)) => dirs
            .entry(parent.to_path_buf())
            .or_insert_with(|| resolve(parent))
            .join(name),
        _ => resolve(path),
    }
}

fn modified_nanos(metadata: &std::fs::Metadata) -> i64 {
    metadata
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

fn walk_error(err: &walkdir::Error) -> Skipped {
    let path = err
        .path()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let reason = if let Some(ancestor) = err.loop_ancestor() {
        format!(
            "symbolic link loop back to {} (not followed)",
            ancestor.display()
        )
    } else if let Some(io) = err.io_error() {
        match io.kind() {
            std::io::ErrorKind::PermissionDenied => "cannot read: permission denied".to_string(),
            std::io::ErrorKind::NotFound => "broken symbolic link or vanished file".to_string(),
            _ => format!("cannot read: {io}"),
        }
    } else {
        err.to_string()
    };
    Skipped { path, reason }
}
