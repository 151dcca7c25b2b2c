//! The JSON shapes of everything morgue reports, built once from the library's
//! result structs, for the command line's `--json`/`--jsonl` and for any other
//! front end. This is the versioned machine contract ([`JSON_VERSION`]): fields
//! may be added; existing ones keep their meaning until the version changes.
//!
//! Nothing here prints; callers write the values where they go.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::entity::{EntityKind, Matching};
use crate::extract::{self, Entities, Language, countries};
use crate::index::merge::MergeReport;
use crate::ingest::extracted::{ExtractedReport, extracted_file};
use crate::ingest::stream::{LineError, LineOutcome};
use crate::ingest::{Article, DateSource, Format, IngestReport};
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

pub fn extracted_report(report: &ExtractedReport) -> Value {
    to_value(report)
}

/// A line of `morgue extract` output for an article: everything indexing
/// derives from it, and everything `morgue index --extracted` needs to write
/// the document `morgue index` would write. `entities` is what the index
/// stores; `people`, `orgs`, `countries`, `about` and `dates` are flat views of
/// it for tables (Parquet, SQL), and are not read back. People are as the
/// article alone tells them: the index resolves them across the archive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExtractedArticle {
    pub version: u32,
    /// The line of the input the article was read from.
    pub line: usize,
    pub id: String,
    pub path: String,
    /// The format the article was read as (`jsonl` for an article line; a
    /// file's own format for a line that carried a file).
    #[serde(default = "json_lines_format")]
    pub format: String,
    pub title: String,
    pub body: String,
    /// `YYYY-MM-DD`, or `null` when the day is unknown.
    pub published: Option<String>,
    /// `YYYY-MM` when at least the month is known.
    pub published_month: Option<String>,
    /// Month and day without a year (`--11-05`).
    pub published_partial: Option<String>,
    pub date_source: String,
    pub author: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub tags: Vec<String>,
    /// ISO 639-1 code of the language the words were stemmed in.
    pub language: String,
    pub content_hash: String,
    /// The extraction's version: `index --extracted` writes only its own.
    pub extractor_version: u32,
    #[serde(default)]
    pub people: Vec<String>,
    #[serde(default)]
    pub orgs: Vec<String>,
    #[serde(default)]
    pub countries: Vec<String>,
    #[serde(default)]
    pub about: Vec<String>,
    #[serde(default)]
    pub dates: Vec<String>,
    pub entities: Entities,
    #[serde(default)]
    pub warnings: Vec<String>,
}

fn json_lines_format() -> String {
    Format::JsonLines.as_str().to_string()
}

/// A line of `morgue extract` output for an input line that gave no article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExtractErrorLine {
    pub version: u32,
    pub line: usize,
    pub id: Option<String>,
    pub error: ExtractErrorDetail,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExtractErrorDetail {
    pub message: String,
}

impl ExtractedArticle {
    pub fn new(article: Article, warnings: Vec<String>) -> ExtractedArticle {
        let values = article.entities.values();
        let names = |kind: EntityKind| {
            let mut names: Vec<String> = Vec::new();
            for value in &values[kind] {
                if !names.iter().any(|n| n == value.value) {
                    names.push(value.value.to_string());
                }
            }
            names
        };
        let people = names(EntityKind::Person);
        let orgs = names(EntityKind::Org);
        let countries = names(EntityKind::Country);
        let about = values[EntityKind::Country]
            .iter()
            .filter(|c| c.about)
            .map(|c| c.value.to_string())
            .collect();
        let dates = article
            .entities
            .dates
            .iter()
            .map(|d| d.value.clone())
            .collect();
        ExtractedArticle {
            version: JSON_VERSION,
            line: article.line.unwrap_or(0),
            id: article.id,
            path: article.path,
            format: article.format.as_str().to_string(),
            title: article.title,
            body: article.body,
            published: article.published.map(|d| d.to_string()),
            published_month: article.published_month,
            published_partial: article.published_partial,
            date_source: article.date_source.as_str().to_string(),
            author: article.author,
            source: article.source,
            url: article.url,
            tags: article.tags,
            language: article.language.code().to_string(),
            content_hash: article.content_hash,
            extractor_version: extract::EXTRACTOR_VERSION,
            people,
            orgs,
            countries,
            about,
            dates,
            entities: article.entities,
            warnings,
        }
    }

    /// The article to index, as `morgue index` would have read it (see
    /// `ingest::extracted`); why not, when the line is from another version.
    pub fn into_article(self) -> Result<Article, String> {
        if self.version != JSON_VERSION {
            return Err(other_version(self.version));
        }
        if self.extractor_version != extract::EXTRACTOR_VERSION {
            return Err(format!(
                "extracted by extractor version {}, this morgue's is {}: run this morgue's `morgue extract` again",
                self.extractor_version,
                extract::EXTRACTOR_VERSION
            ));
        }
        let published = match &self.published {
            None => None,
            Some(day) => Some(
                chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
                    .map_err(|_| format!("`published` {day:?} is not a YYYY-MM-DD date"))?,
            ),
        };
        let date_source = DateSource::parse(&self.date_source)
            .ok_or_else(|| format!("`date_source` {:?} is not a date source", self.date_source))?;
        let language = Language::from_code(&self.language)
            .ok_or_else(|| format!("`language` {:?} is not a language code", self.language))?;
        let format = Format::parse(&self.format)
            .ok_or_else(|| format!("`format` {:?} is not a format morgue reads", self.format))?;
        if self.id.trim().is_empty() {
            return Err("`id` is empty".to_string());
        }
        Ok(Article {
            file: extracted_file(&self.id, &self.title, &self.body),
            id: self.id,
            path: self.path,
            // A file that is not JSON Lines has no line, as in `morgue index`.
            line: (self.line > 0).then_some(self.line),
            format,
            title: self.title,
            body: self.body,
            published,
            published_month: self.published_month,
            published_partial: self.published_partial,
            date_source,
            author: self.author,
            source: self.source,
            url: self.url,
            tags: self.tags,
            content_hash: self.content_hash,
            language,
            entities: self.entities,
        })
    }
}

/// One line of `morgue extract` output (without its newline): the article, or
/// why the input line gave none.
pub fn extracted_line(outcome: LineOutcome) -> String {
    let text = match outcome.result {
        Ok(extracted) => serde_json::to_string(&ExtractedArticle::new(
            extracted.article,
            extracted.warnings,
        )),
        Err(error) => serde_json::to_string(&ExtractErrorLine {
            version: JSON_VERSION,
            line: outcome.line,
            id: error.id,
            error: ExtractErrorDetail {
                message: error.message,
            },
        }),
    };
    text.expect("extract lines serialise to JSON")
}

/// Reads a line of `morgue extract` output back into the article it describes;
/// an error line, a line of another version or anything else is an error that
/// says which.
pub fn read_extracted_line(text: &str) -> Result<Article, LineError> {
    match serde_json::from_str::<ExtractedArticle>(text) {
        Ok(extracted) => {
            let id = Some(extracted.id.clone());
            extracted
                .into_article()
                .map_err(|message| LineError { id, message })
        }
        Err(err) => Err(not_an_extracted_article(text, &err)),
    }
}

/// Why a line that does not parse as an article is not one.
fn not_an_extracted_article(text: &str, err: &serde_json::Error) -> LineError {
    /// The fields every line of extract output has, whatever its version.
    #[derive(Deserialize)]
    struct Probe {
        version: Option<Value>,
        line: Option<usize>,
        id: Option<String>,
        error: Option<ExtractErrorDetail>,
    }
    let Ok(probe) = serde_json::from_str::<Probe>(text) else {
        return LineError {
            id: None,
            message: format!("not a line of `morgue extract` output: {err}"),
        };
    };
    let message = match (&probe.version, probe.error) {
        (Some(version), _) if version.as_u64() != Some(u64::from(JSON_VERSION)) => {
            other_version(version)
        }
        (_, Some(error)) => format!(
            "`morgue extract` gave no article for its input line {}: {}",
            probe.line.map_or("?".to_string(), |l| l.to_string()),
            error.message
        ),
        _ => format!("not a line of `morgue extract` output: {err}"),
    };
    LineError {
        id: probe.id,
        message,
    }
}

fn other_version(version: impl std::fmt::Display) -> String {
    format!(
        "`morgue extract` output of version {version}; this morgue reads version {JSON_VERSION}"
    )
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::stream::{InputLine, extract_line};

    fn extracted(text: &str) -> String {
        extracted_line(extract_line(InputLine {
            number: 4,
            text: Ok(text.to_string()),
        }))
    }

    #[test]
    fn an_extracted_line_reads_back_into_the_article_it_was_made_from() {
        let text = r#"{"id": "k9", "path": "feeds/1987/03/a.jsonl", "title": "Baker in Tokyo", "body": "TOKYO, March 4 - U.S. Treasury Secretary James Baker said on Wednesday the dollar had fallen far enough, and OPEC met in Vienna.", "tags": ["fx"], "url": "https://example.com/a"}"#;
        let original = match extract_line(InputLine {
            number: 4,
            text: Ok(text.to_string()),
        })
        .result
        {
            Ok(extracted) => extracted.article,
            Err(err) => panic!("an article: {err:?}"),
        };
        let article = read_extracted_line(&extracted(text)).expect("reads back");
        assert_eq!(article.id, original.id);
        assert_eq!(article.file, original.file);
        assert_eq!(article.path, original.path);
        assert_eq!(article.line, Some(4));
        assert_eq!(article.format, original.format);
        assert_eq!(
            (&article.title, &article.body, &article.tags, &article.url),
            (
                &original.title,
                &original.body,
                &original.tags,
                &original.url
            )
        );
        assert_eq!(article.published, original.published);
        assert_eq!(article.published_month, original.published_month);
        assert_eq!(article.date_source, original.date_source);
        assert_eq!(article.language, original.language);
        assert_eq!(article.content_hash, original.content_hash);
        assert_eq!(article.entities, original.entities);
        assert!(!article.entities.people.is_empty() && !article.entities.dates.is_empty());
    }

    #[test]
    fn lines_that_are_no_article_to_index_say_why() {
        let good: Value =
            serde_json::from_str(&extracted(r#"{"title": "T", "body": "Talks in Rome."}"#))
                .expect("JSON");
        let with = |key: &str, value: Value| {
            let mut line = good.clone();
            line[key] = value;
            line.to_string()
        };
        let cases: &[(String, &str)] = &[
            (
                extracted("{\"body\": "),
                "gave no article for its input line 4",
            ),
            (with("version", json!(2)), "of version 2"),
            (with("extractor_version", json!(1)), "extractor version 1"),
            (
                with("published", json!("2023-02-30")),
                "not a YYYY-MM-DD date",
            ),
            (with("date_source", json!("moon")), "not a date source"),
            (with("language", json!("xx")), "not a language code"),
            (with("id", json!("")), "`id` is empty"),
            (
                "{\"title\": \"T\"}".to_string(),
                "not a line of `morgue extract` output",
            ),
            ("[]".to_string(), "not a line of `morgue extract` output"),
        ];
        for (line, message) in cases {
            let err = read_extracted_line(line).err();
            let text = err.map(|e| e.message).unwrap_or_default();
            assert!(text.contains(message), "{line}: {text}");
        }
        assert!(read_extracted_line(&good.to_string()).is_ok());
    }
}
