//! Reading stored documents back: one article in full (`morgue show`) and the
//! archive's overall figures (`morgue stats`).

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{AllQuery, BooleanQuery, ExistsQuery, Occur, Query};
use tantivy::schema::Value;
use tantivy::{DateTime, Order, TantivyDocument};

use super::{SearchError, ValueCount, exact, terms_counts};
use crate::entity::{EntityKind, PerKind};
use crate::extract::Entities;
use crate::index::schema::{self, FORMAT_VERSION, Fields};
use crate::index::{Archive, date_from_value};

pub(crate) use crate::index::stored::{all_str, first_str, published};

/// Everything stored about one article.
#[derive(Clone, Debug, Serialize)]
pub struct ArticleDetail {
    pub id: String,
    pub path: String,
    pub line: Option<u64>,
    pub format: String,
    pub title: String,
    pub published: Option<String>,
    /// A publication date known without its year (`--11-05`).
    pub published_partial: Option<String>,
    pub date_source: String,
    pub author: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub tags: Vec<String>,
    pub content_hash: String,
    pub entities: Entities,
    pub body: String,
}

/// The articles whose id is `key`, or that were read from the file `key`.
pub fn show(archive: &Archive, key: &str) -> Result<Vec<ArticleDetail>, SearchError> {
    let searcher = archive.searcher()?;
    let f = &archive.fields;
    let query = BooleanQuery::new(vec![
        (Occur::Should, exact(f.id, key)),
        (Occur::Should, exact(f.path, key)),
        (Occur::Should, exact(f.path, key.trim_start_matches("./"))),
    ]);
    let docs = searcher.search(&query, &TopDocs::with_limit(10_000).order_by_score())?;
    let mut details = docs
        .into_iter()
        .map(|(_, address)| {
            let doc: TantivyDocument = searcher.doc(address)?;
            Ok(detail(f, &doc))
        })
        .collect::<Result<Vec<_>, tantivy::TantivyError>>()?;
    details.sort_by_key(|d| d.line);
    Ok(details)
}

fn detail(f: &Fields, doc: &TantivyDocument) -> ArticleDetail {
    let text = |field| first_str(doc, field).unwrap_or_default().to_string();
    let optional = |field| first_str(doc, field).map(str::to_string);
    ArticleDetail {
        id: text(f.id),
        path: text(f.path),
        line: doc.get_first(f.line).and_then(|v| v.as_u64()),
        format: text(f.format),
        title: text(f.title),
        published: published(doc, f).map(|d| d.to_string()),
        published_partial: optional(f.published_partial),
        date_source: text(f.date_source),
        author: optional(f.author),
        source: optional(f.source),
        url: optional(f.url),
        tags: all_str(doc, f.tags),
        content_hash: text(f.content_hash),
        entities: first_str(doc, f.entities)
            .and_then(|json| serde_json::from_str::<Entities>(json).ok())
            .map(|mut entities| {
                entities.people = entities.people_merged();
                entities
            })
            .unwrap_or_default(),
        body: text(f.body),
    }
}

/// Figures about the whole archive.
#[derive(Clone, Debug, Serialize)]
pub struct Stats {
    pub index: String,
    pub format_version: u32,
    pub size_bytes: u64,
    pub articles: u64,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    pub formats: Vec<ValueCount>,
    pub date_sources: Vec<ValueCount>,
    /// The most frequent values of each kind, as `top_people`, `top_orgs`,
    /// `top_countries` in JSON.
    #[serde(flatten)]
    pub top: TopValues,
}

/// The most frequent values of each kind of entity in the archive.
#[derive(Clone, Debug, Default)]
pub struct TopValues(pub PerKind<Vec<ValueCount>>);

impl Serialize for TopValues {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(EntityKind::ALL.len()))?;
        for (kind, values) in self.0.iter() {
            map.serialize_entry(&format!("top_{}", kind.spec().plural), values)?;
        }
        map.end()
    }
}

pub fn stats(archive: &Archive, top: usize) -> Result<Stats, SearchError> {
    let searcher = archive.searcher()?;
    let dated = ExistsQuery::new(schema::PUBLISHED.to_string(), false);
    let extreme = |order: Order| -> Result<Option<String>, SearchError> {
        let collector =
            TopDocs::with_limit(1).order_by_fast_field::<DateTime>(schema::PUBLISHED, order);
        let docs = searcher.search(&dated, &collector)?;
        Ok(docs
            .first()
            .and_then(|(value, _)| *value)
            .and_then(date_from_value)
            .map(|d| d.to_string()))
    };
    let all: &dyn Query = &AllQuery;
    let mut top_values = PerKind::<Vec<ValueCount>>::default();
    for kind in EntityKind::ALL {
        top_values[kind] = terms_counts(&searcher, all, kind.spec().field, top)?;
    }
    Ok(Stats {
        index: archive.dir.display().to_string(),
        format_version: FORMAT_VERSION,
        size_bytes: archive.size_bytes(),
        articles: searcher.num_docs(),
        first_published: extreme(Order::Asc)?,
        last_published: extreme(Order::Desc)?,
        formats: terms_counts(&searcher, all, schema::FORMAT, 20)?,
        date_sources: terms_counts(&searcher, all, schema::DATE_SOURCE, 10)?,
        top: TopValues(top_values),
    })
}
