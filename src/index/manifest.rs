//! The manifest: which source files the index holds, with the size, time, hash
//! and extractor version they were indexed at.
//!
//! It is not a separate file. Every document carries its file's record in fast
//! fields, so the manifest is committed atomically with the documents: after a
//! crash the index and its manifest are always the same commit, and the next
//! run converges from there. Reading it touches only columns, never stored
//! documents, and only `morgue index` reads it (searches never do).

use std::collections::HashMap;

use tantivy::Searcher;

use super::schema;

/// What the index knows about one source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRecord {
    pub key: String,
    /// Canonical absolute path.
    pub path: String,
    pub size: u64,
    pub mtime: i64,
    pub hash: String,
    pub extractor_version: u64,
    /// Number of documents the file produced.
    pub documents: u32,
}

/// Reads the manifest from the committed index.
pub fn load(searcher: &Searcher) -> tantivy::Result<HashMap<String, FileRecord>> {
    let mut records: HashMap<String, FileRecord> = HashMap::new();
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        let (Some(keys), Some(paths), Some(hashes)) = (
            fast.str(schema::FILE_KEY)?,
            fast.str(schema::FILE_PATH)?,
            fast.str(schema::FILE_HASH)?,
        ) else {
            continue;
        };
        let sizes = fast.u64(schema::FILE_SIZE)?;
        let mtimes = fast.i64(schema::FILE_MTIME)?;
        let versions = fast.u64(schema::EXTRACTOR_VERSION)?;
        // Every distinct value is read once by streaming the dictionary:
        // looking ords up one by one decompresses a block per document.
        let (key_terms, path_terms, hash_terms) = (
            dictionary(&keys)?,
            dictionary(&paths)?,
            dictionary(&hashes)?,
        );
        let first_str = |column: &tantivy::columnar::StrColumn, terms: &[String], doc| -> String {
            column
                .term_ords(doc)
                .next()
                .and_then(|ord| terms.get(ord as usize))
                .cloned()
                .unwrap_or_default()
        };
        let alive = segment.alive_bitset();
        for doc in 0..segment.max_doc() {
            if alive.is_some_and(|bits| !bits.is_alive(doc)) {
                continue;
            }
            let key = first_str(&keys, &key_terms, doc);
            if key.is_empty() {
                continue;
            }
            if let Some(record) = records.get_mut(&key) {
                record.documents += 1;
                continue;
            }
            records.insert(
                key.clone(),
                FileRecord {
                    path: first_str(&paths, &path_terms, doc),
                    size: sizes.first(doc).unwrap_or(0),
                    mtime: mtimes.first(doc).unwrap_or(0),
                    hash: first_str(&hashes, &hash_terms, doc),
                    extractor_version: versions.first(doc).unwrap_or(0),
                    documents: 1,
                    key,
                },
            );
        }
    }
    Ok(records)
}

/// All values of a string column, indexed by term ordinal.
fn dictionary(column: &tantivy::columnar::StrColumn) -> tantivy::Result<Vec<String>> {
    let mut terms = Vec::with_capacity(column.dictionary().num_terms());
    let mut stream = column.dictionary().stream()?;
    while stream.advance() {
        terms.push(String::from_utf8_lossy(stream.key()).into_owned());
    }
    Ok(terms)
}
