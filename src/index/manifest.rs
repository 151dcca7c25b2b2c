//! The manifest: which source files the index holds, with the size, time, hash
//! and extractor version they were indexed at.
//!
//! It is not a separate file. Every document carries its file's record in fast
//! fields, so the manifest is committed atomically with the documents: after a
//! crash the index and its manifest are always the same commit, and the next
//! run converges from there. Reading it touches only columns, never stored
//! documents, and only `morgue index` reads it (searches never do).

use std::collections::HashSet;

use tantivy::Searcher;

use super::schema;

/// A file's identity in memory: the first 128 bits of the blake3 hash of its
/// canonical path (stored in full, as hex, in the `file_key` field). 16 bytes a
/// file instead of a 64-character string: the manifest of a million-file archive
/// is in memory while it is re-indexed. Two paths would share an identity with a
/// probability of about 2^-64 at four billion files.
pub type FileId = u128;

/// The identity of the file at `canonical` (its canonical path).
pub fn file_digest(canonical: &std::path::Path) -> blake3::Hash {
    blake3::hash(canonical.as_os_str().as_encoded_bytes())
}

/// The first 128 bits of a blake3 digest: a file identity, or a content hash as
/// the manifest compares it.
pub fn short(digest: &blake3::Hash) -> u128 {
    let mut head = [0u8; 16];
    head.copy_from_slice(&digest.as_bytes()[..16]);
    u128::from_le_bytes(head)
}

/// What the index knows about one source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileRecord {
    pub size: u64,
    pub mtime: i64,
    /// The first 128 bits of the blake3 of the file's bytes.
    pub hash: u128,
    pub extractor_version: u64,
    /// Number of documents the file produced.
    pub documents: u32,
}

/// Every indexed file, sorted by identity: 56 bytes a file, no hash table.
#[derive(Debug, Default)]
pub struct Manifest {
    records: Vec<(FileId, FileRecord)>,
}

impl Manifest {
    pub fn get(&self, id: FileId) -> Option<&FileRecord> {
        self.records
            .binary_search_by_key(&id, |(k, _)| *k)
            .ok()
            .map(|i| &self.records[i].1)
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    pub fn ids(&self) -> impl Iterator<Item = FileId> + '_ {
        self.records.iter().map(|(id, _)| *id)
    }

    pub fn records(&self) -> impl Iterator<Item = &FileRecord> + '_ {
        self.records.iter().map(|(_, record)| record)
    }
}

/// Reads the manifest from the committed index.
pub fn load(searcher: &Searcher) -> tantivy::Result<Manifest> {
    let mut records: Vec<(FileId, FileRecord)> = Vec::new();
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        let (Some(keys), Some(hashes)) =
            (fast.str(schema::FILE_KEY)?, fast.str(schema::FILE_HASH)?)
        else {
            continue;
        };
        let sizes = fast.u64(schema::FILE_SIZE)?;
        let mtimes = fast.i64(schema::FILE_MTIME)?;
        let versions = fast.u64(schema::EXTRACTOR_VERSION)?;
        let key_terms = dictionary(&keys, short_hex)?;
        let hash_terms = dictionary(&hashes, short_hex)?;
        for (doc, id) in files(segment, &keys, &key_terms) {
            records.push((
                id,
                FileRecord {
                    size: sizes.first(doc).unwrap_or(0),
                    mtime: mtimes.first(doc).unwrap_or(0),
                    // A record without a readable hash never matches a file, which is re-read.
                    hash: first(&hashes, &hash_terms, doc).unwrap_or(0),
                    extractor_version: versions.first(doc).unwrap_or(0),
                    documents: 1,
                },
            ));
        }
    }
    // The documents of one file (JSON Lines) become one record.
    records.sort_unstable_by_key(|(id, _)| *id);
    records.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1.documents += later.1.documents;
        }
        same
    });
    records.shrink_to_fit();
    Ok(Manifest { records })
}

/// `(file_key, canonical path)` of the files `wanted` that lie under one of `roots`
/// (canonical directories), for the few files a run has to look at: those it did
/// not find again. Paths are not kept in the manifest itself; each segment's path
/// dictionary is streamed once, keeping only the paths under the roots, so files
/// indexed from other roots cost no more than reading their column.
pub fn paths_under(
    searcher: &Searcher,
    wanted: &HashSet<FileId>,
    roots: &[std::path::PathBuf],
) -> tantivy::Result<Vec<(String, String)>> {
    if roots.is_empty() {
        return Ok(Vec::new());
    }
    paths_where(searcher, wanted, |path| {
        roots
            .iter()
            .any(|root| std::path::Path::new(path).starts_with(root))
    })
}

/// `(file_key, canonical path)` of the files `wanted`, wherever they are (an
/// article of `index --extracted` has `extracted:ID` for a path).
pub fn paths_of(
    searcher: &Searcher,
    wanted: &HashSet<FileId>,
) -> tantivy::Result<Vec<(String, String)>> {
    paths_where(searcher, wanted, |_| true)
}

/// [`paths_under`] with the test of a path given.
fn paths_where(
    searcher: &Searcher,
    wanted: &HashSet<FileId>,
    keep: impl Fn(&str) -> bool,
) -> tantivy::Result<Vec<(String, String)>> {
    let mut found: HashSet<FileId> = HashSet::new();
    let mut out = Vec::new();
    if wanted.is_empty() {
        return Ok(out);
    }
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        let (Some(keys), Some(paths)) = (fast.str(schema::FILE_KEY)?, fast.str(schema::FILE_PATH)?)
        else {
            continue;
        };
        let key_terms = dictionary(&keys, short_hex)?;
        let path_terms = dictionary(&paths, |bytes| {
            let path = String::from_utf8_lossy(bytes);
            keep(&path).then(|| path.into_owned())
        })?;
        for (doc, id) in files(segment, &keys, &key_terms) {
            if !wanted.contains(&id) || found.contains(&id) {
                continue;
            }
            let Some(path) = paths
                .term_ords(doc)
                .next()
                .and_then(|ord| path_terms.get(ord as usize).cloned().flatten())
            else {
                continue;
            };
            let mut key = String::new();
            if let Some(ord) = keys.term_ords(doc).next() {
                keys.ord_to_str(ord, &mut key)?;
            }
            found.insert(id);
            out.push((key, path));
        }
    }
    Ok(out)
}

/// The identity or hash in a document's hex string column, if it has one.
fn first(column: &tantivy::columnar::StrColumn, terms: &[Option<u128>], doc: u32) -> Option<u128> {
    column
        .term_ords(doc)
        .next()
        .and_then(|ord| terms.get(ord as usize).copied().flatten())
}

/// The live documents of `segment` that carry a file identity, with it.
fn files<'a>(
    segment: &'a tantivy::SegmentReader,
    keys: &'a tantivy::columnar::StrColumn,
    key_terms: &'a [Option<u128>],
) -> impl Iterator<Item = (u32, FileId)> + 'a {
    let alive = segment.alive_bitset();
    (0..segment.max_doc())
        .filter(move |&doc| alive.is_none_or(|bits| bits.is_alive(doc)))
        .filter_map(move |doc| Some((doc, first(keys, key_terms, doc)?)))
}

/// A stored hex digest, shortened to 128 bits.
fn short_hex(hex: &[u8]) -> Option<u128> {
    blake3::Hash::from_hex(hex).ok().map(|d| short(&d))
}

/// All values of a string column, converted, indexed by term ordinal. Every
/// distinct value is read once by streaming the dictionary: looking ords up one
/// by one decompresses a block per document.
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
