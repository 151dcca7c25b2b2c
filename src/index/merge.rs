//! `morgue merge`: one archive from index shards built apart, such as one
//! `morgue index` (or `morgue index --extracted`) per partition of a Spark
//! job, each over its own files or articles.
//!
//! A shard's segments join the new index as they are: their files are copied
//! into it and handed to its writer (tantivy's `add_segment`), so no article is
//! read, tokenised or encoded again. Then what no shard could know is redone
//! over the whole archive:
//!
//! - **people**: who a name is depends on every article (a lone `REAGAN` is
//!   Ronald Reagan because other articles say so, a weak surname needs another
//!   article to confirm it, `Smith Barney` is a firm because organisations carry
//!   the name). [`super::people::reconcile`] resolves them across the merged
//!   archive, exactly as after a `morgue index` run, and rewrites the articles
//!   whose people change;
//! - **segments**: the writer's merge policy (`writer::BoundedMerges`) then
//!   merges segments and drops deleted copies as it does for any archive.
//!
//! Everything else that spans the archive is read from the index when asked, so
//! it is merged with the segments: the languages whose stems a query word is
//! looked up under, the words and names suggestions come from, counts, facets,
//! timelines and BM25 statistics. The manifest (see [`super::manifest`]) lives
//! in the documents, so `morgue index` goes on incrementally from the merged
//! archive.
//!
//! `tantivy::indexer::merge_indices` was not used: it writes all the shards
//! into one segment, one merge as large as the archive, where morgue's own
//! indexes keep merges (and the memory they map) to about 45,000 articles and
//! search many segments in parallel.
//!
//! A shard is refused, before anything is written, when it is not a finished
//! morgue index of this format version and schema, is given twice, or holds a
//! file (or an `--extracted` article's id) another shard holds too. Shards are
//! only read.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;
use tantivy::directory::TerminatingWrite;
use tantivy::index::SegmentComponent;
use tantivy::schema::Schema;
use tantivy::{Directory, HasLen, Index, SegmentMeta};

use super::manifest::{self, FileId, Manifest};
use super::{Archive, ArchiveWriter, IndexError, MARKER_FILE, MERGE_PARTIAL, schema};

/// What to merge, and where.
#[derive(Clone, Debug)]
pub struct MergeOptions {
    /// Index directories written by `morgue index`, as the user named them.
    pub shards: Vec<PathBuf>,
    /// The directory of the merged index: missing or empty, or with `force`
    /// an index to replace.
    pub out: PathBuf,
    /// Replace a morgue index at `out`.
    pub force: bool,
}

/// What a merge did; printed as the summary, or as JSON with `--json`.
#[derive(Clone, Debug, Serialize)]
pub struct MergeReport {
    pub index: String,
    pub shards: Vec<ShardSummary>,
    /// Articles in the merged index: the sum of the shards'.
    pub articles_total: u64,
    /// Source files in the merged manifest: the sum of the shards'.
    pub files_total: usize,
    /// Articles written again because people were resolved across the merged
    /// archive (see `index::people`).
    pub articles_resolved: usize,
    /// Segments of the merged index once its merges ended.
    pub segments: usize,
    pub size_bytes: u64,
    /// Things worth knowing that did not stop the merge.
    pub warnings: Vec<String>,
    pub elapsed_secs: f64,
}

/// One shard as it was merged.
#[derive(Clone, Debug, Serialize)]
pub struct ShardSummary {
    pub path: String,
    pub articles: u64,
    pub files: usize,
    pub segments: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error(
        "shard {}: not a morgue index (expected a directory written by `morgue index --index DIR`)",
        .0.display()
    )]
    NotAnIndex(PathBuf),
    #[error(
        "shard {} is given twice (also as {}): give each shard once",
        .path.display(),
        .first.display()
    )]
    SameShard { path: PathBuf, first: PathBuf },
    #[error(
        "shard {} is the output index {} or lies inside it: merge into a directory that holds no shard",
        .shard.display(),
        .out.display()
    )]
    ShardIsOutput { shard: PathBuf, out: PathBuf },
    #[error(
        "shard {}: index format version {found}, this morgue merges version {expected}: rebuild the shard with this morgue (`morgue index --rebuild --index {} PATH...`)",
        .path.display(),
        .path.display()
    )]
    Version {
        path: PathBuf,
        found: u32,
        expected: u32,
    },
    #[error(
        "shard {}: {why}, unlike the indexes of this morgue (format version {}): it was written by another build; rebuild it with this one (`morgue index --rebuild --index {} PATH...`)",
        .path.display(),
        schema::FORMAT_VERSION,
        .path.display()
    )]
    Schema { path: PathBuf, why: String },
    #[error(
        "shard {}: its last `morgue index` run did not finish (or one is running on it now): run `morgue index` on it again with the same paths, then merge",
        .0.display()
    )]
    Unfinished(PathBuf),
    #[error("shard {}: {source}", .path.display())]
    Shard { path: PathBuf, source: IndexError },
    #[error(
        "shards {} and {} both hold {count} file(s), such as {example}: a file (or an article of `index --extracted`, by id) must be in one shard only; rebuild one of the two without them",
        .first.display(),
        .second.display()
    )]
    Overlap {
        first: PathBuf,
        second: PathBuf,
        count: usize,
        example: String,
    },
    #[error(
        "shards {} and {} hold the same segment {segment} (is one a copy of the other?): merge only one of them",
        .first.display(),
        .second.display()
    )]
    SharedSegment {
        first: PathBuf,
        second: PathBuf,
        segment: String,
    },
    #[error(
        "{} already holds a morgue index: merge into a new directory, or add --force to replace it",
        .0.display()
    )]
    OutputExists(PathBuf),
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// A shard, checked and open.
struct Shard {
    /// As the user named it.
    path: PathBuf,
    /// Canonical, to tell shards and the output apart.
    dir: PathBuf,
    archive: Archive,
    manifest: Manifest,
    segments: Vec<SegmentMeta>,
    articles: u64,
}

/// Merges the shards into a new index at `options.out`; see the module doc.
pub fn merge(options: &MergeOptions) -> Result<MergeReport, MergeError> {
    let started = Instant::now();
    let out = &options.out;
    let shards = open_shards(&options.shards, out)?;
    check_disjoint(&shards)?;
    let warnings = extractor_warnings(&shards);

    let archive = prepare_output(out, options.force)?;
    let mut writer = ArchiveWriter::new(&archive)?;
    // Merges wait until every shard is in and people are resolved: merging
    // segments whose articles are about to be rewritten would be wasted.
    writer.pause_merges();
    let opstamp = writer.commit_opstamp();
    for shard in &shards {
        for segment in &shard.segments {
            let adopted = copy_segment(shard, segment, &archive, opstamp)?;
            writer.add_segment(adopted)?;
        }
    }
    writer.commit()?;
    let articles_resolved = super::people::reconcile(&archive, &mut writer)?;
    writer.resume_merges();
    // Also when nothing was rewritten: the commit hands the segments to the
    // merge policy, as the next `morgue index` run would.
    writer.commit()?;
    writer.finish_merges()?;
    let partial = out.join(MERGE_PARTIAL);
    fs::remove_file(&partial).map_err(|source| MergeError::Io {
        path: partial,
        source,
    })?;

    let segments = archive
        .index
        .searchable_segment_metas()
        .map_err(|source| IndexError::Tantivy {
            path: out.clone(),
            source,
        })?
        .len();
    Ok(MergeReport {
        index: out.display().to_string(),
        shards: shards
            .iter()
            .map(|s| ShardSummary {
                path: s.path.display().to_string(),
                articles: s.articles,
                files: s.manifest.len(),
                segments: s.segments.len(),
            })
            .collect(),
        articles_total: archive.article_count()?,
        files_total: archive.manifest()?.len(),
        articles_resolved,
        segments,
        size_bytes: archive.size_bytes(),
        warnings,
        elapsed_secs: started.elapsed().as_secs_f64(),
    })
}

/// Opens and checks every shard: a finished morgue index of this format and
/// schema, named once, not the output.
fn open_shards(paths: &[PathBuf], out: &Path) -> Result<Vec<Shard>, MergeError> {
    let out_dir = fs::canonicalize(out).ok();
    let mut shards: Vec<Shard> = Vec::with_capacity(paths.len());
    for path in paths {
        let dir = fs::canonicalize(path).map_err(|_| MergeError::NotAnIndex(path.clone()))?;
        if let Some(first) = shards.iter().find(|s| s.dir == dir) {
            return Err(MergeError::SameShard {
                path: path.clone(),
                first: first.path.clone(),
            });
        }
        if out_dir.as_ref().is_some_and(|o| dir.starts_with(o)) {
            return Err(MergeError::ShardIsOutput {
                shard: path.clone(),
                out: out.to_path_buf(),
            });
        }
        shards.push(open_shard(path, dir)?);
    }
    Ok(shards)
}

fn open_shard(path: &Path, dir: PathBuf) -> Result<Shard, MergeError> {
    let shard_err = |source| MergeError::Shard {
        path: path.to_path_buf(),
        source,
    };
    let tantivy_err = |source| {
        shard_err(IndexError::Tantivy {
            path: path.to_path_buf(),
            source,
        })
    };
    match super::check_marker(path) {
        Ok(()) => {}
        Err(IndexError::Missing(_) | IndexError::NotMorgue(_)) => {
            return Err(MergeError::NotAnIndex(path.to_path_buf()));
        }
        Err(IndexError::Version {
            found, expected, ..
        }) => {
            return Err(MergeError::Version {
                path: path.to_path_buf(),
                found,
                expected,
            });
        }
        Err(err) => return Err(shard_err(err)),
    }
    if path.join(crate::ingest::sink::PEOPLE_PENDING).exists()
        || path.join(crate::ingest::parts::INCOMPLETE_FILE).exists()
    {
        return Err(MergeError::Unfinished(path.to_path_buf()));
    }
    let index = Index::open_in_dir(path).map_err(tantivy_err)?;
    if let Some(why) = schema_difference(&index.schema(), &schema::build_schema()) {
        return Err(MergeError::Schema {
            path: path.to_path_buf(),
            why,
        });
    }
    if index.settings() != &tantivy::IndexSettings::default() {
        return Err(MergeError::Schema {
            path: path.to_path_buf(),
            why: "its tantivy index settings differ".into(),
        });
    }
    let segments = index.searchable_segment_metas().map_err(tantivy_err)?;
    let archive = Archive::from_index(index, path).map_err(shard_err)?;
    let manifest = archive.manifest().map_err(shard_err)?;
    let articles = segments.iter().map(|s| u64::from(s.num_docs())).sum();
    Ok(Shard {
        path: path.to_path_buf(),
        dir,
        archive,
        manifest,
        segments,
        articles,
    })
}

/// How a shard's schema differs from `ours`, in words, or `None` when it does not.
fn schema_difference(theirs: &Schema, ours: &Schema) -> Option<String> {
    for (_, entry) in ours.fields() {
        let Ok(field) = theirs.get_field(entry.name()) else {
            return Some(format!("it has no field `{}`", entry.name()));
        };
        if json(theirs.get_field_entry(field)) != json(entry) {
            return Some(format!(
                "its field `{}` is defined differently",
                entry.name()
            ));
        }
    }
    if let Some((_, entry)) = theirs
        .fields()
        .find(|(_, entry)| ours.get_field(entry.name()).is_err())
    {
        return Some(format!("it has a field `{}`", entry.name()));
    }
    // The same fields in another order have other field numbers.
    (json(theirs) != json(ours)).then(|| "its fields are in another order".to_string())
}

/// A schema or field entry as its JSON in `meta.json`, where tantivy keeps it.
fn json(value: &impl Serialize) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

/// Refuses shards that hold the same file (two copies of its articles would be
/// counted twice and found twice) or the same segment.
fn check_disjoint(shards: &[Shard]) -> Result<(), MergeError> {
    let mut files: Vec<(FileId, usize)> = shards
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.manifest.ids().map(move |id| (id, i)))
        .collect();
    files.sort_unstable();
    let mut shared: Option<(usize, usize, FileId)> = None;
    let mut count = 0;
    for pair in files.windows(2) {
        let ((a_id, a), (b_id, b)) = (pair[0], pair[1]);
        if a_id != b_id {
            continue;
        }
        match shared {
            None => {
                shared = Some((a, b, a_id));
                count = 1;
            }
            Some((first, second, _)) if (first, second) == (a, b) => count += 1,
            Some(_) => {}
        }
    }
    if let Some((a, b, id)) = shared {
        let wanted: HashSet<FileId> = [id].into_iter().collect();
        let example = shards[a]
            .archive
            .searcher()
            .ok()
            .and_then(|searcher| manifest::paths_of(&searcher, &wanted).ok())
            .and_then(|paths| paths.into_iter().next())
            .map_or_else(|| "a file".to_string(), |(_, path)| path);
        return Err(MergeError::Overlap {
            first: shards[a].path.clone(),
            second: shards[b].path.clone(),
            count,
            example,
        });
    }
    let mut segments: HashMap<tantivy::index::SegmentId, usize> = HashMap::new();
    for (i, shard) in shards.iter().enumerate() {
        for segment in &shard.segments {
            if let Some(&first) = segments.get(&segment.id()) {
                return Err(MergeError::SharedSegment {
                    first: shards[first].path.clone(),
                    second: shard.path.clone(),
                    segment: segment.id().uuid_string(),
                });
            }
            segments.insert(segment.id(), i);
        }
    }
    Ok(())
}

/// Shards whose files were extracted by another extractor than this morgue's:
/// the merge keeps their articles as they are, and the next `morgue index` of
/// their folders extracts them again.
fn extractor_warnings(shards: &[Shard]) -> Vec<String> {
    let current = u64::from(crate::extract::EXTRACTOR_VERSION);
    let mut warnings = Vec::new();
    for shard in shards {
        let mut versions: Vec<(u64, usize)> = Vec::new();
        for record in shard.manifest.records() {
            if record.extractor_version == current {
                continue;
            }
            match versions
                .iter_mut()
                .find(|(v, _)| *v == record.extractor_version)
            {
                Some((_, n)) => *n += 1,
                None => versions.push((record.extractor_version, 1)),
            }
        }
        versions.sort_unstable();
        for (version, files) in versions {
            warnings.push(format!(
                "shard {}: {files} file(s) extracted by extractor version {version}, this morgue's is {current}; the next `morgue index` of their folders extracts them again",
                shard.path.display()
            ));
        }
    }
    warnings
}

/// The empty index the shards go into, marked unfinished until the merge ends
/// (see [`MERGE_PARTIAL`]). An index already there is replaced only with
/// `force`, or when it is the unfinished work of an earlier merge.
fn prepare_output(out: &Path, force: bool) -> Result<Archive, MergeError> {
    let io_err = |source| MergeError::Io {
        path: out.to_path_buf(),
        source,
    };
    let partial = out.join(MERGE_PARTIAL);
    if out.join(MARKER_FILE).exists() || partial.exists() {
        if !force && !partial.exists() {
            return Err(MergeError::OutputExists(out.to_path_buf()));
        }
        fs::remove_dir_all(out).map_err(io_err)?;
    }
    // Checked before the unfinished mark is written into it.
    if out.exists() && !super::is_empty_dir(out).map_err(io_err)? {
        return Err(IndexError::NotMorgue(out.to_path_buf()).into());
    }
    fs::create_dir_all(out).map_err(io_err)?;
    fs::write(&partial, b"").map_err(io_err)?;
    Ok(Archive::open_or_create(out, false)?)
}

/// Copies the files of a shard's segment into the merged index, through its
/// directory so that tantivy manages them (and deletes them once a merge has
/// replaced the segment), and returns the segment as the merged index knows
/// it. Its deleted documents stay deleted, as of `opstamp`, the merged index's
/// last commit.
fn copy_segment(
    shard: &Shard,
    segment: &SegmentMeta,
    archive: &Archive,
    opstamp: u64,
) -> Result<SegmentMeta, MergeError> {
    let mut adopted = archive
        .index
        .new_segment_meta(segment.id(), segment.max_doc());
    if segment.has_deletes() {
        adopted = adopted.with_delete_meta(segment.num_deleted_docs(), opstamp);
    }
    let io_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| MergeError::Io { path, source }
    };
    // Every file named after the segment is one of its components, except
    // delete bitsets of earlier commits and a store still being written.
    let prefix = format!("{}.", segment.id().uuid_string());
    let mut names = Vec::new();
    for entry in fs::read_dir(&shard.dir).map_err(io_err(&shard.path))? {
        let entry = entry.map_err(io_err(&shard.path))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&prefix) && !name.ends_with(".del") && !name.ends_with(".temp") {
            names.push((PathBuf::from(&name), PathBuf::from(&name)));
        }
    }
    if segment.has_deletes() {
        names.push((
            segment.relative_path(SegmentComponent::Delete),
            adopted.relative_path(SegmentComponent::Delete),
        ));
    }
    let source_dir = shard.archive.index.directory();
    let target_dir = archive.index.directory();
    for (from, to) in names {
        let source_path = shard.dir.join(&from);
        let target_path = archive.dir.join(&to);
        let tantivy_err = |path: &Path, source: tantivy::TantivyError| IndexError::Tantivy {
            path: path.to_path_buf(),
            source,
        };
        // Every tantivy file ends in a footer (format version, checksum): the
        // source directory checks and strips it, the target writes it anew.
        let body = source_dir
            .open_read(&from)
            .map_err(|e| tantivy_err(&shard.path, e.into()))?;
        let mut target = target_dir
            .open_write(&to)
            .map_err(|e| tantivy_err(&archive.dir, e.into()))?;
        let mut offset = 0;
        while offset < body.len() {
            let end = body.len().min(offset + COPY_CHUNK);
            let bytes = body
                .slice(offset..end)
                .read_bytes()
                .map_err(io_err(&source_path))?;
            target
                .write_all(bytes.as_slice())
                .map_err(io_err(&target_path))?;
            offset = end;
        }
        target.terminate().map_err(io_err(&target_path))?;
    }
    Ok(adopted)
}

/// Bytes copied at once: segment files run to hundreds of MB.
const COPY_CHUNK: usize = 1 << 20;

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::{STORED, STRING};

    #[test]
    fn schema_differences_are_named() {
        let ours = schema::build_schema();
        assert_eq!(schema_difference(&ours, &ours), None);

        let mut builder = Schema::builder();
        for (_, entry) in ours.fields() {
            builder.add_field(entry.clone());
        }
        builder.add_text_field("extra", STRING);
        let more = builder.build();
        let why = schema_difference(&more, &ours).unwrap_or_default();
        assert!(why.contains("`extra`"), "{why}");

        let mut builder = Schema::builder();
        for (_, entry) in ours.fields().filter(|(_, e)| e.name() != schema::TITLE) {
            builder.add_field(entry.clone());
        }
        let fewer = builder.build();
        let why = schema_difference(&fewer, &ours).unwrap_or_default();
        assert!(why.contains("no field `title`"), "{why}");

        let mut builder = Schema::builder();
        for (_, entry) in ours.fields() {
            if entry.name() == schema::AUTHOR {
                builder.add_text_field(schema::AUTHOR, STRING | STORED);
            } else {
                builder.add_field(entry.clone());
            }
        }
        let changed = builder.build();
        let why = schema_difference(&changed, &ours).unwrap_or_default();
        assert!(why.contains("`author` is defined differently"), "{why}");

        let mut builder = Schema::builder();
        let mut entries: Vec<_> = ours.fields().map(|(_, e)| e.clone()).collect();
        entries.reverse();
        for entry in entries {
            builder.add_field(entry);
        }
        let reordered = builder.build();
        let why = schema_difference(&reordered, &ours).unwrap_or_default();
        assert!(why.contains("another order"), "{why}");
    }
}
