//! Searching the index: the query language, filters by person, organisation,
//! country and date, ranking and sorting, snippets, and entity counts over a
//! result set.
//!
//! Takes plain request structs (country codes already resolved, dates already
//! parsed) and returns plain result structs; printing them is `cli`'s job.

mod compile;
pub mod explore;
pub mod query;
mod stored;
mod suggest;

use std::collections::BTreeSet;
use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;
use tantivy::aggregation::agg_req::Aggregations;
use tantivy::aggregation::{AggContextParams, AggregationCollector};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, DocAddress, Order, Searcher, TantivyDocument};

use crate::entity::{EntityKind, PerKind};
use crate::extract::Language;
use crate::extract::countries::UnknownCountry;
use crate::extract::dates::PartialDate;
use crate::extract::stem::stem;
use crate::index::schema::{self, Fields};
use crate::index::{Archive, IndexError};
pub(crate) use compile::exact;
use compile::{Context, compile_request};
use query::QuerySyntaxError;
pub use stored::{ArticleDetail, Stats};
pub use suggest::Suggestion;

/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 220;

/// Restrictions on which articles match, all ANDed together.
#[derive(Clone, Debug, Default)]
pub struct Filters {
    /// Each must hold: a person or organisation named (name or part of one), a
    /// country mentioned or written about (an ISO code, already resolved).
    pub entities: Vec<EntityFilter>,
    /// Inclusive range of publication days. Articles without a known day never match.
    pub published: Option<(NaiveDate, NaiveDate)>,
    /// Dates the article must mention (at the given precision or finer).
    pub mentions: Vec<PartialDate>,
}

/// One entity the articles must have (`--person NAME`, `--org NAME`,
/// `--country C`, `--about C`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityFilter {
    pub kind: EntityKind,
    /// A name or part of one for names, a code for codes (see [`Matching`]).
    pub value: String,
    /// The article must be about it, not only mention it (kinds with an about field).
    pub about: bool,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty() && self.published.is_none() && self.mentions.is_empty()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    Relevance,
    Newest,
    Oldest,
}

#[derive(Clone, Debug)]
pub struct SearchRequest {
    pub query: Option<String>,
    pub filters: Filters,
    /// `None`: relevance when there is a query, newest first otherwise.
    pub sort: Option<SortOrder>,
    pub limit: usize,
    pub offset: usize,
    /// With a number N, also count the top N people, countries and months of
    /// the whole result set.
    pub facets: Option<usize>,
    /// Words match only the forms written, not their other forms.
    pub exact: bool,
}

/// One search result.
#[derive(Clone, Debug, Serialize)]
pub struct Hit {
    pub id: String,
    pub path: String,
    pub title: String,
    /// The article's own web address, when its file names one.
    pub url: Option<String>,
    /// `YYYY-MM-DD`, or null when the day is not known.
    pub published: Option<String>,
    pub date_source: String,
    /// Relevance score; null when sorted by date.
    pub score: Option<f32>,
    /// `people` (canonical names), `orgs` and `countries` (ISO codes).
    #[serde(flatten)]
    pub entities: PerKind<Vec<String>>,
    pub snippet: String,
    /// Byte ranges of `snippet` to highlight.
    #[serde(skip)]
    pub highlights: Vec<Range<usize>>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SearchResults {
    pub total: usize,
    pub hits: Vec<Hit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<explore::Facets>,
    /// When nothing matched: nearer spellings of the words and names typed
    /// that the archive holds.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub did_you_mean: Vec<Suggestion>,
}

/// How many articles mention a value (a person, a country, a month...).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ValueCount {
    pub value: String,
    pub articles: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error(transparent)]
    Syntax(#[from] QuerySyntaxError),
    #[error(transparent)]
    UnknownCountry(#[from] UnknownCountry),
    #[error("{0:?} has no searchable words (expected letters or digits)")]
    NothingSearchable(String),
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error("search failed: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// Runs a search.
pub fn search(archive: &Archive, request: &SearchRequest) -> Result<SearchResults, SearchError> {
    let searcher = archive.searcher()?;
    let fields = &archive.fields;
    let ctx = Context {
        fields,
        languages: languages(&searcher, fields),
        exact: request.exact,
    };
    let compiled = compile_request(&ctx, request.query.as_deref(), &request.filters)?;
    let (query, mut highlight_terms, has_text) =
        (compiled.query, compiled.highlight_terms, compiled.has_text);
    for word in &compiled.any_form {
        highlight_terms.extend(forms_in_index(&searcher, fields.body, &ctx.languages, word));
    }
    let sort = request.sort.unwrap_or(if has_text {
        SortOrder::Relevance
    } else {
        SortOrder::Newest
    });

    let limit = request.limit.max(1);
    let top = TopDocs::with_limit(limit).and_offset(request.offset);
    let (total, ranked): (usize, Vec<(Option<f32>, DocAddress)>) = match sort {
        SortOrder::Relevance => {
            let (total, docs) = searcher.search(&query, &(Count, top.order_by_score()))?;
            (total, docs.into_iter().map(|(s, a)| (Some(s), a)).collect())
        }
        SortOrder::Newest | SortOrder::Oldest => {
            let order = if sort == SortOrder::Newest {
                Order::Desc
            } else {
                Order::Asc
            };
            let collector = top.order_by_fast_field::<DateTime>(schema::PUBLISHED, order);
            let (total, docs) = searcher.search(&query, &(Count, collector))?;
            (total, docs.into_iter().map(|(_, a)| (None, a)).collect())
        }
    };
    let hits = if request.limit == 0 {
        Vec::new()
    } else {
        let snippets = snippet_generator(&searcher, fields, &highlight_terms)?;
        ranked
            .into_iter()
            .map(|(score, address)| {
                let doc: TantivyDocument = searcher.doc(address)?;
                Ok(hit(fields, &doc, score, &snippets))
            })
            .collect::<Result<Vec<_>, tantivy::TantivyError>>()?
    };
    let facets = match request.facets {
        Some(n) => Some(explore::facets(&searcher, query.as_ref(), n)?),
        None => None,
    };
    let did_you_mean = if total == 0 {
        suggest::suggest(
            &searcher,
            fields,
            &ctx.languages,
            request.query.as_deref(),
            &request.filters,
        )
    } else {
        Vec::new()
    };
    Ok(SearchResults {
        total,
        hits,
        facets,
        did_you_mean,
    })
}

/// The people, countries, months or formats of every article matching
/// `filters` (and an optional query), most frequent first.
pub fn count_values(
    archive: &Archive,
    field_name: &str,
    query_text: Option<&str>,
    filters: &Filters,
    limit: usize,
) -> Result<Vec<ValueCount>, SearchError> {
    let searcher = archive.searcher()?;
    let query = build_query(archive, query_text, filters)?;
    terms_counts(&searcher, query.as_ref(), field_name, limit)
}

/// The paths of every article matching a query and filters, in no order, without
/// ranking or snippets: for evaluations that compare whole result sets.
pub fn matching_paths(
    archive: &Archive,
    query_text: Option<&str>,
    filters: &Filters,
) -> Result<Vec<String>, SearchError> {
    let searcher = archive.searcher()?;
    let query = build_query(archive, query_text, filters)?;
    let addresses = searcher.search(query.as_ref(), &tantivy::collector::DocSetCollector)?;
    let mut paths = Vec::with_capacity(addresses.len());
    for address in addresses {
        let doc: TantivyDocument = searcher.doc(address)?;
        paths.push(
            stored::first_str(&doc, archive.fields.path)
                .unwrap_or_default()
                .to_string(),
        );
    }
    Ok(paths)
}

/// The query and filters as one tantivy query, for counting rather than ranking.
pub(crate) fn build_query(
    archive: &Archive,
    query_text: Option<&str>,
    filters: &Filters,
) -> Result<Box<dyn Query>, SearchError> {
    let searcher = archive.searcher()?;
    let ctx = Context {
        fields: &archive.fields,
        languages: languages(&searcher, &archive.fields),
        exact: false,
    };
    Ok(compile_request(&ctx, query_text, filters)?.query)
}

/// The forms of `word` that bodies hold: the terms that share its stem in one
/// of the archive's languages (`sanctions`, `sanctioned` for `sanction`), for
/// highlighting. Forms start with what the word and its stems have in common;
/// a prefix under three letters is not looked up, and a few thousand terms per
/// segment are looked at, at most.
fn forms_in_index(
    searcher: &Searcher,
    field: tantivy::schema::Field,
    languages: &[Language],
    word: &str,
) -> Vec<String> {
    const MAX_TERMS: usize = 5_000;
    const MAX_FORMS: usize = 20;
    let stems: Vec<(Language, String)> = languages.iter().map(|l| (*l, stem(*l, word))).collect();
    let shared = stems
        .iter()
        .map(|(_, s)| {
            word.char_indices()
                .zip(s.chars())
                .take_while(|((_, a), b)| a == b)
                .last()
                .map_or(0, |((i, c), _)| i + c.len_utf8())
        })
        .min()
        .unwrap_or(0);
    let prefix = &word[..shared];
    if prefix.chars().count() < 3 {
        return Vec::new();
    }
    let mut forms = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(field) else {
            continue;
        };
        let Ok(mut terms) = inverted.terms().range().ge(prefix.as_bytes()).into_stream() else {
            continue;
        };
        let mut seen = 0;
        while terms.advance() && seen < MAX_TERMS && forms.len() < MAX_FORMS {
            seen += 1;
            let Ok(term) = std::str::from_utf8(terms.key()) else {
                continue;
            };
            if !term.starts_with(prefix) {
                break;
            }
            if term != word && stems.iter().any(|(l, s)| stem(*l, term) == *s) {
                forms.insert(term.to_string());
            }
        }
    }
    forms.into_iter().collect()
}

/// The languages of the archive's articles; English for an empty archive.
fn languages(searcher: &Searcher, fields: &Fields) -> Vec<Language> {
    let mut found = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(fields.language) else {
            continue;
        };
        let Ok(mut terms) = inverted.terms().stream() else {
            continue;
        };
        while terms.advance() {
            if let Some(language) = std::str::from_utf8(terms.key())
                .ok()
                .and_then(Language::from_code)
            {
                found.insert(language);
            }
        }
    }
    if found.is_empty() {
        found.insert(Language::English);
    }
    found.into_iter().collect()
}

/// Runs a tantivy aggregation request (in its JSON form) and returns the
/// results as JSON, named as in the request.
pub(crate) fn aggregate(
    searcher: &Searcher,
    query: &dyn Query,
    request: serde_json::Value,
) -> Result<serde_json::Value, SearchError> {
    let aggregations: Aggregations =
        serde_json::from_value(request).expect("aggregation requests are written in this crate");
    let collector = AggregationCollector::from_aggs(aggregations, AggContextParams::default());
    let results = searcher.search(query, &collector)?;
    serde_json::to_value(&results)
        .map_err(|e| SearchError::Tantivy(tantivy::TantivyError::InternalError(e.to_string())))
}

pub(crate) fn terms_counts(
    searcher: &Searcher,
    query: &dyn Query,
    field_name: &str,
    limit: usize,
) -> Result<Vec<ValueCount>, SearchError> {
    // Counting more terms per segment than asked keeps the top list exact
    // across segments for any archive of realistic size.
    let request = serde_json::json!({
        "values": {"terms": {"field": field_name, "size": limit.max(1), "segment_size": 1_000_000}}
    });
    let json = aggregate(searcher, query, request)?;
    let mut counts: Vec<ValueCount> = json["values"]["buckets"]
        .as_array()
        .map(|buckets| {
            buckets
                .iter()
                .filter_map(|b| {
                    Some(ValueCount {
                        value: b["key"].as_str()?.to_string(),
                        articles: b["doc_count"].as_u64()?,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    counts.sort_by(|a, b| b.articles.cmp(&a.articles).then(a.value.cmp(&b.value)));
    counts.truncate(limit);
    Ok(counts)
}

fn snippet_generator(
    searcher: &Searcher,
    fields: &Fields,
    terms: &[String],
) -> Result<SnippetGenerator, SearchError> {
    let clauses: Vec<(Occur, Box<dyn Query>)> = terms
        .iter()
        .map(|t| (Occur::Should, exact(fields.body, t)))
        .collect();
    let mut generator =
        SnippetGenerator::create(searcher, &BooleanQuery::new(clauses), fields.body)?;
    generator.set_max_num_chars(SNIPPET_CHARS);
    Ok(generator)
}

fn hit(
    fields: &Fields,
    doc: &TantivyDocument,
    score: Option<f32>,
    snippets: &SnippetGenerator,
) -> Hit {
    let snippet = snippets.snippet_from_doc(doc);
    let (snippet_text, highlights) = if snippet.is_empty() {
        let body = stored::first_str(doc, fields.body).unwrap_or_default();
        (lead_text(body, SNIPPET_CHARS), Vec::new())
    } else {
        (
            snippet.fragment().to_string(),
            snippet.highlighted().to_vec(),
        )
    };
    Hit {
        id: stored::first_str(doc, fields.id)
            .unwrap_or_default()
            .to_string(),
        path: stored::first_str(doc, fields.path)
            .unwrap_or_default()
            .to_string(),
        title: stored::first_str(doc, fields.title)
            .unwrap_or_default()
            .to_string(),
        url: stored::first_str(doc, fields.url).map(str::to_string),
        published: stored::published(doc, fields).map(|d| d.to_string()),
        date_source: stored::first_str(doc, fields.date_source)
            .unwrap_or("none")
            .to_string(),
        score,
        entities: fields.by_kind.map(|_, f| stored::all_str(doc, f.exact)),
        snippet: snippet_text,
        highlights,
    }
}

/// The first `max_chars` characters of `text`, cut at a word boundary.
fn lead_text(text: &str, max_chars: usize) -> String {
    let cut = text
        .char_indices()
        .nth(max_chars)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    let mut lead = &text[..cut];
    if cut < text.len()
        && let Some(space) = lead.rfind(char::is_whitespace)
    {
        lead = &lead[..space];
    }
    lead.to_string()
}

pub use stored::{show, stats};
