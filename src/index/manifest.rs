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

/// A file's identity (the blake3 hash of its canonical path, stored as hex in the
/// `file_key` field) or a content hash, held as 32 bytes rather than 64 hex
/// characters: the manifest of a million-file archive is in memory while it is
/// re-indexed.
pub type Digest = blake3::Hash;

/// The manifest, by file identity.
pub type Manifest = HashMap<Digest, FileRecord>;

/// What the index knows about one source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRecord {
    /// Canonical absolute path.
    pub path: Box<str>,
    pub size: u64,
    pub mtime: i64,
    /// blake3 of the file's bytes.
    pub hash: Digest,
    pub extractor_version: u64,
    /// Number of documents the file produced.
    pub documents: u32,
}

/// Reads the manifest from the committed index.
pub fn load(searcher: &Searcher) -> tantivy::Result<Manifest> {
    let mut records = Manifest::new();
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
        let key_terms = dictionary(&keys, digest)?;
        let hash_terms = dictionary(&hashes, digest)?;
        let path_terms = dictionary(&paths, |bytes| {
            Some(String::from_utf8_lossy(bytes).into_owned().into_boxed_str())
        })?;
        let first = |column: &tantivy::columnar::StrColumn, doc| -> Option<usize> {
            column.term_ords(doc).next().map(|ord| ord as usize)
        };
        let alive = segment.alive_bitset();
        for doc in 0..segment.max_doc() {
            if alive.is_some_and(|bits| !bits.is_alive(doc)) {
                continue;
            }
            let Some(key) = first(&keys, doc)
                .and_then(|ord| key_terms.get(ord))
                .copied()
                .flatten()
            else {
                continue;
            };
            if let Some(record) = records.get_mut(&key) {
                record.documents += 1;
                continue;
            }
            let path = first(&paths, doc)
                .and_then(|ord| path_terms.get(ord).cloned().flatten())
                .unwrap_or_default();
            // A record without a readable hash never matches a file, so the file is re-read.
            let hash = first(&hashes, doc)
                .and_then(|ord| hash_terms.get(ord).copied().flatten())
                .unwrap_or(Digest::from_bytes([0; 32]));
            records.insert(
                key,
                FileRecord {
                    path,
                    size: sizes.first(doc).unwrap_or(0),
                    mtime: mtimes.first(doc).unwrap_or(0),
                    hash,
                    extractor_version: versions.first(doc).unwrap_or(0),
                    documents: 1,
                },
            );
        }
    }
    Ok(records)
}

/// A 64-character hex digest as stored, or `None` for anything else.
pub fn digest(hex: &[u8]) -> Option<Digest> {
    Digest::from_hex(hex).ok()
}

/// All values of a string column, converted, indexed by term ordinal.
fn dictionary<T>(
    column: &tantivy::columnar::StrColumn,
    convert: impl Fn(&[u8]) -> Option<T>,
) -> tantivy::Result<Vec<Option<T>>> {
    let mut terms = Vec::with_capacity(column.dictionary().num_terms());
    let mut stream = column.dictionary().stream()?;
    while stream.advance() {
        terms.push(convert(stream.key()));
    }
    Ok(terms)
}
