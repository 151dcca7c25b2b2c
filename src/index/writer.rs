//! Writing articles into the index: one writer per index, documents of a file
//! replaced together.

use chrono::{Datelike, NaiveDate};
use tantivy::indexer::UserOperation;
use tantivy::schema::Term;
use tantivy::{DateTime, IndexWriter, TantivyDocument};

use super::schema::Fields;
use super::stems;
use super::{Archive, IndexError};
use crate::extract::Entities;
use crate::ingest::Article;

/// Memory the tantivy writer may use before it flushes a segment. Within the
/// 100-200 MB range that keeps indexing fast while peak memory stays bounded.
pub const WRITER_MEMORY_BUDGET: usize = 150_000_000;

/// tantivy indexing threads. Reading and extraction cost several times what
/// indexing does, so one thread keeps up with the rayon readers; a second one only
/// halves the segment size, which means more merging (10k bench corpus: 10% less
/// CPU time with one thread, and one segment instead of three).
const WRITER_THREADS: usize = 1;

/// Merges run one at a time: each maps its source segments, and the pages it
/// reads count in the process's memory until it ends. With tantivy's default of
/// four, the merges that drop the copies a people rewrite leaves behind ran
/// together and took the 100k benchmark index from 331 to 437 MiB.
const MERGE_THREADS: usize = 1;

/// Segments merged at once, and the size past which a segment is left alone. A
/// merge reads its source segments through memory maps, and every page it touches
/// counts in the process's resident memory until the merge ends, so the merge size
/// is what bounds peak memory on a large archive, not the archive size. Two of the
/// ~20 000-article segments that the writer flushes make a ~40 000-article segment
/// (~150 MB on the benchmark corpus), and those are final: a million articles end
/// up in ~25 segments, which a search opens in a few milliseconds.
const MERGE_SEGMENTS: usize = 2;
const MERGE_MAX_DOCS: usize = 30_000;
/// The most documents one merge of growing segments makes.
const MERGE_MAX_OUTPUT: usize = 45_000;
/// A final segment with this share of its documents deleted is rewritten alone,
/// without them. Archive-wide resolution of people rewrites articles across all
/// segments (a third of a benchmark corpus indexed from scratch), and a final
/// 40 000-article segment would otherwise keep its deleted copies for ever: the
/// 100k benchmark index took 446 MB on disk instead of 308 MB. Merging such
/// segments together instead (as tantivy's own policy does once their live
/// documents fall under the size limit) made a 52k-article segment and raised
/// peak memory from 331 to 462 MiB.
const MERGE_DELETED_SHARE: f32 = 0.2;

/// tantivy's log merge policy for segments that are not final yet, and a merge
/// of one final segment alone to drop its deleted documents; final segments are
/// never merged together (see [`MERGE_MAX_DOCS`]).
#[derive(Debug)]
struct BoundedMerges {
    growing: tantivy::merge_policy::LogMergePolicy,
}

impl Default for BoundedMerges {
    fn default() -> BoundedMerges {
        let mut growing = tantivy::merge_policy::LogMergePolicy::default();
        growing.set_min_num_segments(MERGE_SEGMENTS);
        growing.set_max_docs_before_merge(MERGE_MAX_DOCS);
        BoundedMerges { growing }
    }
}

impl tantivy::merge_policy::MergePolicy for BoundedMerges {
    fn compute_merge_candidates(
        &self,
        segments: &[tantivy::index::SegmentMeta],
    ) -> Vec<tantivy::merge_policy::MergeCandidate> {
        let (fin, growing): (Vec<_>, Vec<_>) = segments
            .iter()
            .cloned()
            .partition(|s| s.max_doc() as usize > MERGE_MAX_DOCS);
        // tantivy merges every segment of a level at once; many small segments
        // (the commits of a rewrite) would make one large merge. Each merge here
        // takes at most about two flushes' worth of documents.
        let size = |id: &tantivy::index::SegmentId| {
            growing
                .iter()
                .find(|s| s.id() == *id)
                .map_or(0, |s| s.num_docs() as usize)
        };
        let mut candidates = Vec::new();
        for candidate in self.growing.compute_merge_candidates(&growing) {
            let mut ids = candidate.0;
            ids.sort_by_key(|id| std::cmp::Reverse(size(id)));
            let mut group: Vec<tantivy::index::SegmentId> = Vec::new();
            let mut docs = 0;
            for id in ids {
                if docs + size(&id) > MERGE_MAX_OUTPUT && group.len() >= 2 {
                    candidates.push(tantivy::merge_policy::MergeCandidate(std::mem::take(
                        &mut group,
                    )));
                    docs = 0;
                }
                docs += size(&id);
                group.push(id);
            }
            if group.len() >= 2 {
                candidates.push(tantivy::merge_policy::MergeCandidate(group));
            }
        }
        candidates.extend(
            fin.iter()
                .filter(|s| s.num_deleted_docs() as f32 > MERGE_DELETED_SHARE * s.max_doc() as f32)
                .map(|s| tantivy::merge_policy::MergeCandidate(vec![s.id()])),
        );
        candidates
    }
}

pub struct ArchiveWriter {
    writer: IndexWriter,
    fields: Fields,
    dir: std::path::PathBuf,
}

impl ArchiveWriter {
    /// Takes the index's single writer lock; a second writer gets
    /// [`IndexError::Busy`] at once instead of waiting.
    pub fn new(archive: &Archive) -> Result<ArchiveWriter, IndexError> {
        let writer = archive
            .index
            .writer_with_options(
                tantivy::indexer::IndexWriterOptions::builder()
                    .memory_budget_per_thread(WRITER_MEMORY_BUDGET)
                    .num_worker_threads(WRITER_THREADS)
                    .num_merge_threads(MERGE_THREADS)
                    .build(),
            )
            .map_err(|source| match source {
                tantivy::TantivyError::LockFailure(..) => IndexError::Busy(archive.dir.clone()),
                source => IndexError::Tantivy {
                    path: archive.dir.clone(),
                    source,
                },
            })?;
        writer.set_merge_policy(Box::new(BoundedMerges::default()));
        Ok(ArchiveWriter {
            writer,
            fields: archive.fields,
            dir: archive.dir.clone(),
        })
    }

    /// Replaces every document of each file with its articles, in one hand-over
    /// to tantivy's indexing thread (one wake-up for the batch, not one per
    /// document). Each item is `(file_key, is_new, articles)`. A file the index
    /// has never held (`is_new`) has nothing to remove; skipping the delete keeps
    /// tantivy's delete queue, and the work of applying it at each commit,
    /// proportional to the files that really changed.
    pub fn replace_files<'a>(
        &mut self,
        files: impl IntoIterator<Item = (&'a str, bool, &'a [Article])>,
    ) -> Result<(), IndexError> {
        let mut operations = Vec::new();
        for (file_key, is_new, articles) in files {
            if !is_new {
                operations.push(UserOperation::Delete(self.file_term(file_key)));
            }
            for article in articles {
                let version = u64::from(crate::extract::EXTRACTOR_VERSION);
                operations.push(UserOperation::Add(document(&self.fields, article, version)));
            }
        }
        // Operations run in order: a file's delete comes before its new documents.
        self.writer.run(operations).map_err(|e| self.error(e))?;
        Ok(())
    }

    fn file_term(&self, file_key: &str) -> Term {
        Term::from_field_text(self.fields.file_key, file_key)
    }

    /// Writes each article again in place of the document with its id, with the
    /// extractor version its document had (see [`document`]).
    pub fn rewrite(&mut self, articles: &[(Article, u64)]) -> Result<(), IndexError> {
        let mut operations = Vec::with_capacity(2 * articles.len());
        for (article, version) in articles {
            operations.push(UserOperation::Delete(Term::from_field_text(
                self.fields.id,
                &article.id,
            )));
            operations.push(UserOperation::Add(document(
                &self.fields,
                article,
                *version,
            )));
        }
        self.writer.run(operations).map_err(|e| self.error(e))?;
        Ok(())
    }

    /// Removes every document of the file `file_key`.
    pub fn remove_file(&mut self, file_key: &str) {
        self.writer.delete_term(self.file_term(file_key));
    }

    /// Takes into the index a segment whose files are already in its directory
    /// (copied from a shard by `index::merge`); it is searchable from the next
    /// commit. tantivy marks this API hidden: it is how segments made outside
    /// the writer join an index.
    pub(super) fn add_segment(&self, segment: tantivy::SegmentMeta) -> Result<(), IndexError> {
        self.writer.add_segment(segment).map_err(|e| self.error(e))
    }

    /// The opstamp of the last commit: deletes a segment added now already
    /// holds are as old as that.
    pub(super) fn commit_opstamp(&self) -> u64 {
        self.writer.commit_opstamp()
    }

    /// Makes everything written so far durable and visible to searches.
    pub fn commit(&mut self) -> Result<(), IndexError> {
        self.writer.commit().map_err(|e| self.error(e))?;
        Ok(())
    }

    /// Holds merges back until [`ArchiveWriter::resume_merges`].
    pub fn pause_merges(&mut self) {
        self.writer
            .set_merge_policy(Box::new(tantivy::merge_policy::NoMergePolicy));
    }

    pub fn resume_merges(&mut self) {
        self.writer
            .set_merge_policy(Box::new(BoundedMerges::default()));
    }

    /// Waits for the merges that commits started, and gives up the writer.
    pub fn finish_merges(self) -> Result<(), IndexError> {
        let dir = self.dir.clone();
        self.writer
            .wait_merging_threads()
            .map_err(|source| IndexError::Tantivy { path: dir, source })
    }

    fn error(&self, source: tantivy::TantivyError) -> IndexError {
        IndexError::Tantivy {
            path: self.dir.clone(),
            source,
        }
    }
}

/// Publication day as stored: midnight UTC of that day. Days outside what the
/// index can represent (nanoseconds in an i64: years 1678 to 2261) are clamped.
pub fn date_value(date: NaiveDate) -> DateTime {
    let earliest = NaiveDate::from_ymd_opt(1678, 1, 1).expect("valid date");
    let latest = NaiveDate::from_ymd_opt(2261, 12, 31).expect("valid date");
    let secs = date
        .clamp(earliest, latest)
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists")
        .and_utc()
        .timestamp();
    DateTime::from_timestamp_secs(secs)
}

/// The day a stored date value stands for.
pub fn date_from_value(value: DateTime) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(value.into_timestamp_secs(), 0).map(|d| d.date_naive())
}

/// The document for an article, extracted by extractor `version` (the current
/// one for articles just read; a rewritten document keeps the version it had,
/// so that `morgue index` still knows what to re-extract).
pub(crate) fn document(f: &Fields, a: &Article, version: u64) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, &a.id);
    doc.add_text(f.file_key, &a.file.key);
    doc.add_text(f.file_path, &a.file.canonical);
    doc.add_u64(f.file_size, a.file.size);
    doc.add_i64(f.file_mtime, a.file.mtime);
    doc.add_text(f.file_hash, &a.file.hash);
    doc.add_u64(f.extractor_version, version);
    doc.add_text(f.path, &a.path);
    if let Some(line) = a.line {
        doc.add_u64(f.line, line as u64);
    }
    doc.add_text(f.format, a.format.as_str());
    doc.add_text(f.title, &a.title);
    doc.add_text(f.body, &a.body);
    let names = stems::name_words(&a.entities);
    doc.add_text(
        f.title_stem,
        stems::stem_input(&a.title, a.language, &names),
    );
    doc.add_text(f.body_stem, stems::stem_input(&a.body, a.language, &names));
    doc.add_text(f.language, a.language.code());
    if let Some(date) = a.published {
        doc.add_date(f.published, date_value(date));
    }
    if let Some(month) = &a.published_month {
        doc.add_text(f.published_month, month);
    } else if let Some(date) = a.published {
        doc.add_text(
            f.published_month,
            format!("{:04}-{:02}", date.year(), date.month()),
        );
    }
    if let Some(partial) = &a.published_partial {
        doc.add_text(f.published_partial, partial);
    }
    doc.add_text(f.date_source, a.date_source.as_str());
    doc.add_text(f.content_hash, &a.content_hash);
    for (field, value) in [
        (f.author, &a.author),
        (f.source, &a.source),
        (f.url, &a.url),
    ] {
        if let Some(value) = value {
            doc.add_text(field, value);
        }
    }
    for tag in &a.tags {
        doc.add_text(f.tags, tag);
    }
    add_entities(&mut doc, f, &a.entities);
    doc
}

/// Separates a person's name from a word of their office in `person_roles` terms.
pub const ROLE_SEPARATOR: char = '\u{1f}';

/// Everything a document holds that comes from its extracted entities: the
/// values of each kind, people as written, mentioned dates, and the entities
/// themselves (as JSON, for `show`). Resolving people anew rewrites just these.
pub(crate) fn add_entities(doc: &mut TantivyDocument, f: &Fields, entities: &Entities) {
    for (kind, values) in entities.values().iter() {
        let fields = &f.by_kind[kind];
        // Two people of an article can be one person of the archive (`Zhao` and
        // `Zhao Ziyang`): the value is indexed once, both written forms stay.
        let mut added: Vec<&str> = Vec::with_capacity(values.len());
        for value in values {
            if added.contains(&value.value) {
                if let Some(text) = fields.text {
                    for form in value.forms {
                        doc.add_text(text, form);
                    }
                }
                continue;
            }
            added.push(value.value);
            doc.add_text(fields.exact, value.value);
            if let Some(text) = fields.text {
                doc.add_text(text, value.value);
                for form in value.forms {
                    doc.add_text(text, form);
                }
            }
            if let Some(about) = fields.about
                && value.about
            {
                doc.add_text(about, value.value);
            }
        }
    }
    for person in &entities.people {
        let written = person.written_name();
        let field = if person.full {
            f.person_full
        } else if person.weak {
            f.person_weak
        } else {
            f.person_lone
        };
        doc.add_text(field, written);
        for role in &person.roles {
            for word in role.split_whitespace() {
                doc.add_text(f.person_roles, format!("{written}{ROLE_SEPARATOR}{word}"));
            }
        }
    }
    for term in entities.mentioned_date_terms() {
        doc.add_text(f.mentioned_dates, &term);
    }
    let json = serde_json::to_string(entities).expect("entities serialise");
    doc.add_text(f.entities, &json);
}
