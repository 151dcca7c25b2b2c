//! The JSON shapes of everything morgue reports, built once from the library's
//! result structs, for the command line's `--json`/`--jsonl` and for any other
//! front end. This is the versioned machine contract ([`JSON_VERSION`]): fields
//! may be added; existing ones keep their meaning until the version changes.
//!
//! Nothing here prints; callers write the values where they go.

use serde::Serialize;
use serde_json::{Value, json};

use crate::entity::{EntityKind, Matching};
use crate::extract::countries;
use crate::index::merge::MergeReport;
use crate::ingest::IngestReport;
use crate::search::explore::{Period, PeriodCount, RelatedReport};
use crate::search::{ArticleDetail, Hit, SearchResults, Stats, ValueCount};

/// Version of the JSON output contract; bumped on an incompatible change.
pub const JSON_VERSION: u32 = 1;

/// `{"version", "total", "hits": [...], "facets"?}`.
pub fn search(results: &SearchResults) -> Value {
    let mut value = to_value(results);
    with_version(&mut value);
    value
}

/// One hit, as a line of `--jsonl`.
pub fn hit(hit: &Hit) -> Value {
    to_value(hit)
}

/// `{"version", "<plural>": [...]}`: people and orgs as `{"name", "articles"}`,
/// countries as `{"code", "name", "articles"}`.
pub fn counts(kind: EntityKind, counts: &[ValueCount]) -> Value {
    let items: Vec<Value> = counts
        .iter()
        .map(|c| match kind.spec().matching {
            Matching::NameWords => json!({"name": c.value, "articles": c.articles}),
            Matching::Code => json!({
                "code": c.value,
                "name": country_name(&c.value),
                "articles": c.articles
            }),
        })
        .collect();
    let mut object = serde_json::Map::new();
    object.insert("version".into(), JSON_VERSION.into());
    object.insert(kind.spec().plural.into(), items.into());
    Value::Object(object)
}

/// `{"version", "related": {"subject_articles", "all_articles", "people": [...], "orgs": [...], "countries": [...]}}`.
pub fn related(report: &RelatedReport) -> Value {
    json!({"version": JSON_VERSION, "related": report})
}

/// `{"version", "by", "series": [{"period", "articles"}]}`.
pub fn timeline(by: Period, series: &[PeriodCount]) -> Value {
    json!({"version": JSON_VERSION, "by": by, "series": series})
}

/// One article as an object, or several (a JSON Lines file) as a list.
pub fn articles(details: &[ArticleDetail]) -> Value {
    match details {
        [one] => to_value(one),
        many => to_value(&many),
    }
}

pub fn stats(stats: &Stats) -> Value {
    to_value(stats)
}

pub fn ingest_report(report: &IngestReport) -> Value {
    to_value(report)
}

/// `{"version", "index", "shards": [{"path", "articles", "files", "segments"}],
/// "articles_total", "files_total", "articles_resolved", "segments",
/// "size_bytes", "warnings", "elapsed_secs"}`.
pub fn merge_report(report: &MergeReport) -> Value {
    let mut value = to_value(report);
    with_version(&mut value);
    value
}

/// `{"version", "error": {"status", "message"}}`: why a request to the API
/// was refused (`status` is its HTTP status), in words that say what was expected.
pub fn error(status: u16, message: &str) -> Value {
    json!({"version": JSON_VERSION, "error": {"status": status, "message": message}})
}

/// A country's English name, for output beside its code.
pub fn country_name(code: &str) -> &'static str {
    countries::by_code(code).map(|c| c.name).unwrap_or("")
}

fn with_version(value: &mut Value) {
    if let Value::Object(map) = value {
        let mut versioned = serde_json::Map::new();
        versioned.insert("version".into(), JSON_VERSION.into());
        versioned.append(map);
        *map = versioned;
    }
}

fn to_value(value: &impl Serialize) -> Value {
    serde_json::to_value(value).expect("result structs serialise to JSON")
}
