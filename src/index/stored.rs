//! Reading stored documents back into the values they were written from: single
//! fields for display (`search` uses these), and whole articles, so that a
//! document can be written again with new entities (`index::people`).

use chrono::NaiveDate;
use tantivy::TantivyDocument;
use tantivy::schema::{Field, OwnedValue, Value};

use super::date_from_value;
use super::schema::Fields;
use crate::extract::{Entities, Language};
use crate::ingest::{Article, DateSource, FileStamp, Format};

pub fn first_str(doc: &TantivyDocument, field: Field) -> Option<&str> {
    doc.get_first(field).and_then(|v| v.as_str())
}

pub fn all_str(doc: &TantivyDocument, field: Field) -> Vec<String> {
    doc.get_all(field)
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

pub fn published(doc: &TantivyDocument, fields: &Fields) -> Option<NaiveDate> {
    match doc.get_first(fields.published).map(OwnedValue::from) {
        Some(OwnedValue::Date(value)) => date_from_value(value),
        _ => None,
    }
}

/// The article a stored document was written from. Only stored fields are in
/// `doc`; the file's record lives in columns and comes as `file`. `None` when
/// the document lacks what every article has (an id, a known format and date
/// source), which a document written by morgue never does.
pub fn article(f: &Fields, doc: &TantivyDocument, file: FileStamp) -> Option<Article> {
    let text = |field| first_str(doc, field).map(str::to_string);
    let entities: Entities = first_str(doc, f.entities)
        .and_then(|json| serde_json::from_str(json).ok())
        .unwrap_or_default();
    Some(Article {
        id: text(f.id)?,
        file,
        path: text(f.path).unwrap_or_default(),
        line: doc
            .get_first(f.line)
            .and_then(|v| v.as_u64())
            .map(|l| l as usize),
        format: Format::parse(first_str(doc, f.format)?)?,
        title: text(f.title).unwrap_or_default(),
        body: text(f.body).unwrap_or_default(),
        published: published(doc, f),
        published_month: text(f.published_month),
        published_partial: text(f.published_partial),
        date_source: DateSource::parse(first_str(doc, f.date_source)?)?,
        author: text(f.author),
        source: text(f.source),
        url: text(f.url),
        tags: all_str(doc, f.tags),
        content_hash: text(f.content_hash).unwrap_or_default(),
        language: first_str(doc, f.language)
            .and_then(Language::from_code)
            .unwrap_or_default(),
        entities,
    })
}
