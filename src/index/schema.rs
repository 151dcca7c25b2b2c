//! The index schema: every field name and how it is indexed, in one place.
//!
//! Other modules refer to fields through [`Fields`] and the name constants here;
//! nothing else spells a field name, except the fields of each entity kind,
//! which are named in its row of the kinds table (`crate::entity::KINDS`) and
//! added here from it. The schema does not know how articles are read or
//! searched.

use crate::entity::{EntityKind, PerKind};
use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};

/// Bumped whenever the schema or the meaning of a stored value changes; an index
/// written with another version must be rebuilt. 2: the file path, file hash and
/// content hash are no longer indexed as terms (nothing looks them up). 3:
/// organisations, the fields of each entity kind come from the kinds table, and
/// people as written (for archive-wide resolution). 4: stemmed title and body
/// fields and the article's language.
pub const FORMAT_VERSION: u32 = 4;

/// Name under which [`text_analyzer`] is registered with tantivy.
pub const TOKENIZER: &str = "morgue_text";
/// Name of the tokenizer of the stemmed fields, `index::stems::StemTokenizer`:
/// words stemmed in the language named in front of the text.
pub const STEM_TOKENIZER: &str = "morgue_stem";

pub const ID: &str = "id";
pub const FILE_KEY: &str = "file_key";
pub const FILE_PATH: &str = "file_path";
pub const FILE_SIZE: &str = "file_size";
pub const FILE_MTIME: &str = "file_mtime";
pub const FILE_HASH: &str = "file_hash";
pub const EXTRACTOR_VERSION: &str = "extractor_version";
pub const PATH: &str = "path";
pub const LINE: &str = "line";
pub const FORMAT: &str = "format";
pub const TITLE: &str = "title";
pub const BODY: &str = "body";
pub const TITLE_STEM: &str = "title_stem";
pub const BODY_STEM: &str = "body_stem";
pub const LANGUAGE: &str = "language";
pub const PUBLISHED: &str = "published";
pub const PUBLISHED_MONTH: &str = "published_month";
pub const PUBLISHED_PARTIAL: &str = "published_partial";
pub const DATE_SOURCE: &str = "date_source";
pub const MENTIONED_DATES: &str = "mentioned_dates";
pub const PERSON_FULL: &str = "person_full";
pub const PERSON_LONE: &str = "person_lone";
pub const PERSON_WEAK: &str = "person_weak";
pub const PERSON_ROLES: &str = "person_roles";
pub const CONTENT_HASH: &str = "content_hash";
pub const AUTHOR: &str = "author";
pub const SOURCE: &str = "source";
pub const URL: &str = "url";
pub const TAGS: &str = "tags";
pub const ENTITIES: &str = "entities";

/// Handles to every field of the schema.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    /// Stable document id (see `ingest::article_id`), exact; a column too, so
    /// that resolving people can name the articles it rewrites.
    pub id: Field,
    /// Identity of the source file; every document of a file shares it, so a
    /// changed file's documents can be replaced together.
    pub file_key: Field,
    /// The source file's canonical absolute path; with the next four fields this
    /// is the manifest of what was indexed, committed atomically with the
    /// documents themselves (see `index::manifest`).
    pub file_path: Field,
    pub file_size: Field,
    /// Modification time in nanoseconds since the Unix epoch.
    pub file_mtime: Field,
    /// blake3 of the file's bytes.
    pub file_hash: Field,
    pub extractor_version: Field,
    pub path: Field,
    pub line: Field,
    pub format: Field,
    pub title: Field,
    pub body: Field,
    /// The stems of the title's and body's words, in the article's language
    /// (names kept whole); frequencies only, no positions: phrases are matched
    /// in `title` and `body`.
    pub title_stem: Field,
    pub body_stem: Field,
    /// ISO 639-1 code of the article's language (`extract::Language`).
    pub language: Field,
    /// Publication day, when known to the day.
    pub published: Field,
    /// `YYYY-MM`, for month facets and timelines.
    pub published_month: Field,
    /// A publication date known only partly (a dateline without a year: `--11-05`).
    pub published_partial: Field,
    pub date_source: Field,
    /// The fields of each kind of entity (people, organisations, countries).
    pub by_kind: PerKind<EntityFields>,
    /// People as each article writes them, before archive-wide resolution
    /// (`extract::resolve`): full names, surnames written alone, weak surnames
    /// (people only if the archive confirms them), and `name<U+1F>word` for each
    /// word of the office written before a name. Columns only: what
    /// `index::people` reads to resolve the archive.
    pub person_full: Field,
    pub person_lone: Field,
    pub person_weak: Field,
    pub person_roles: Field,
    /// Mentioned dates at every granularity they imply: a day adds its month and year.
    pub mentioned_dates: Field,
    pub content_hash: Field,
    pub author: Field,
    pub source: Field,
    pub url: Field,
    pub tags: Field,
    /// JSON with per-entity detail (mention counts, source text) for `morgue show`.
    pub entities: Field,
}

/// The fields that hold one kind of entity; see [`crate::entity::KindSpec`].
#[derive(Clone, Copy, Debug)]
pub struct EntityFields {
    /// Exact values (canonical names, country codes): stored, fast, for facets.
    pub exact: Field,
    /// Names and the forms articles write them in, tokenised, so that `Sudani`
    /// and `al-sudani` match `Mohammed Shia al-Sudani`.
    pub text: Option<Field>,
    /// Values the article is about.
    pub about: Option<Field>,
}

impl Fields {
    pub fn from_schema(schema: &Schema) -> tantivy::Result<Fields> {
        let f = |name: &str| schema.get_field(name);
        let mut entities = Vec::with_capacity(EntityKind::ALL.len());
        for kind in EntityKind::ALL {
            let spec = kind.spec();
            entities.push(EntityFields {
                exact: f(spec.field)?,
                text: spec.text_field.map(f).transpose()?,
                about: spec.about_field.map(f).transpose()?,
            });
        }
        let mut entities = entities.into_iter();
        let entities = PerKind::from_fn(|_| entities.next().expect("one per kind"));
        Ok(Fields {
            id: f(ID)?,
            file_key: f(FILE_KEY)?,
            file_path: f(FILE_PATH)?,
            file_size: f(FILE_SIZE)?,
            file_mtime: f(FILE_MTIME)?,
            file_hash: f(FILE_HASH)?,
            extractor_version: f(EXTRACTOR_VERSION)?,
            path: f(PATH)?,
            line: f(LINE)?,
            format: f(FORMAT)?,
            title: f(TITLE)?,
            body: f(BODY)?,
            title_stem: f(TITLE_STEM)?,
            body_stem: f(BODY_STEM)?,
            language: f(LANGUAGE)?,
            published: f(PUBLISHED)?,
            published_month: f(PUBLISHED_MONTH)?,
            published_partial: f(PUBLISHED_PARTIAL)?,
            date_source: f(DATE_SOURCE)?,
            by_kind: entities,
            person_full: f(PERSON_FULL)?,
            person_lone: f(PERSON_LONE)?,
            person_weak: f(PERSON_WEAK)?,
            person_roles: f(PERSON_ROLES)?,
            mentioned_dates: f(MENTIONED_DATES)?,
            content_hash: f(CONTENT_HASH)?,
            author: f(AUTHOR)?,
            source: f(SOURCE)?,
            url: f(URL)?,
            tags: f(TAGS)?,
            entities: f(ENTITIES)?,
        })
    }
}

/// The tokenizer for titles, bodies and names: words split on anything that is
/// not a letter or digit, lower-cased and folded to ASCII so that `Erdogan`
/// finds `Erdoğan`. No stemming here: the exact forms rank above other forms
/// of a word, which the stemmed fields match.
pub fn text_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

pub fn build_schema() -> Schema {
    let mut builder = Schema::builder();
    let text = |stored: bool| {
        let options = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        if stored {
            options.set_stored()
        } else {
            options
        }
    };
    let exact_fast = STRING | STORED | FAST;

    builder.add_text_field(ID, STRING | STORED | FAST);
    builder.add_text_field(FILE_KEY, STRING | FAST);
    builder.add_text_field(FILE_PATH, FAST);
    builder.add_u64_field(FILE_SIZE, FAST);
    builder.add_i64_field(FILE_MTIME, FAST);
    builder.add_text_field(FILE_HASH, FAST);
    builder.add_u64_field(EXTRACTOR_VERSION, FAST);
    builder.add_text_field(PATH, STRING | STORED);
    builder.add_u64_field(LINE, STORED);
    builder.add_text_field(FORMAT, exact_fast.clone());
    builder.add_text_field(TITLE, text(true));
    builder.add_text_field(BODY, text(true));
    let stems = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(STEM_TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    builder.add_text_field(TITLE_STEM, stems.clone());
    builder.add_text_field(BODY_STEM, stems);
    builder.add_text_field(LANGUAGE, exact_fast.clone());
    builder.add_date_field(
        PUBLISHED,
        DateOptions::default()
            .set_indexed()
            .set_fast()
            .set_stored()
            .set_precision(DateTimePrecision::Seconds),
    );
    builder.add_text_field(PUBLISHED_MONTH, exact_fast.clone());
    builder.add_text_field(PUBLISHED_PARTIAL, STORED);
    builder.add_text_field(DATE_SOURCE, exact_fast.clone());
    for kind in EntityKind::ALL {
        let spec = kind.spec();
        builder.add_text_field(spec.field, exact_fast.clone());
        if let Some(name) = spec.text_field {
            builder.add_text_field(name, text(false));
        }
        if let Some(name) = spec.about_field {
            builder.add_text_field(name, STRING | STORED);
        }
    }
    builder.add_text_field(MENTIONED_DATES, STRING | STORED);
    for name in [PERSON_FULL, PERSON_LONE, PERSON_WEAK, PERSON_ROLES] {
        builder.add_text_field(name, FAST);
    }
    builder.add_text_field(CONTENT_HASH, STORED);
    builder.add_text_field(AUTHOR, STORED);
    builder.add_text_field(SOURCE, STORED);
    builder.add_text_field(URL, STORED);
    builder.add_text_field(TAGS, STRING | STORED);
    builder.add_text_field(ENTITIES, STORED);
    builder.build()
}

/// Tokens of `text` as the index sees them (lower-cased, folded, split).
pub fn tokens(text: &str) -> Vec<String> {
    let mut analyzer = text_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(token) = stream.next() {
        out.push(token.text.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_name_resolves() {
        let schema = build_schema();
        assert!(Fields::from_schema(&schema).is_ok());
    }

    #[test]
    fn tokens_fold_case_accents_and_particles() {
        let cases: &[(&str, &[&str])] = &[
            ("al-Sudani", &["al", "sudani"]),
            ("Erdoğan", &["erdogan"]),
            ("U.S. forces", &["u", "s", "forces"]),
            ("Blinken’s", &["blinken", "s"]),
        ];
        for (input, expected) in cases {
            assert_eq!(tokens(input), *expected, "tokens of {input:?}");
        }
    }
}
