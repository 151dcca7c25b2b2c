//! Searching the index: the query language, filters by person, organisation,
//! country and date, ranking and sorting, snippets, and entity counts over a
//! result set.
//!
//! Takes plain request structs (country codes already resolved, dates already
//! parsed) and returns plain result structs; printing them is `cli`'s job.

pub mod explore;
pub mod query;
mod stored;

use std::ops::{Bound, Range};

use chrono::NaiveDate;
use serde::Serialize;
use tantivy::aggregation::agg_req::Aggregations;
use tantivy::aggregation::{AggContextParams, AggregationCollector};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Term};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, DocAddress, Order, Searcher, TantivyDocument};

use crate::entity::{EntityKind, Matching, PerKind};
use crate::extract::countries::{self, UnknownCountry};
use crate::extract::dates::PartialDate;
use crate::index::schema::{self, Fields};
use crate::index::{Archive, IndexError};
use query::{QueryNode, QuerySyntaxError, Scope};
pub use stored::{ArticleDetail, Stats};

/// How much more a title match weighs than a body match.
const TITLE_BOOST: f32 = 2.0;
/// Extra score for an article that is about a country the user filtered by.
const ABOUT_BOOST: f32 = 0.5;
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
    let compiled = compile_request(fields, request.query.as_deref(), &request.filters)?;
    let (query, highlight_terms, has_text) =
        (compiled.query, compiled.highlight_terms, compiled.has_text);
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
    Ok(SearchResults {
        total,
        hits,
        facets,
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
    Ok(compile_request(&archive.fields, query_text, filters)?.query)
}

/// A query text and filters turned into one tantivy query.
struct CompiledRequest {
    query: Box<dyn Query>,
    /// Words to highlight in snippets (from the text and the entity filters).
    highlight_terms: Vec<String>,
    /// Whether there was query text (relevance ranking makes sense).
    has_text: bool,
}

fn compile_request(
    fields: &Fields,
    query_text: Option<&str>,
    filters: &Filters,
) -> Result<CompiledRequest, SearchError> {
    let mut highlight_terms = Vec::new();
    let text_query = match query_text.map(str::trim) {
        Some(q) if !q.is_empty() => Some(compile(
            &query::parse(q)?,
            fields,
            &mut highlight_terms,
            false,
        )?),
        _ => None,
    };
    let has_text = text_query.is_some();
    let query = combine(text_query, filters, fields, &mut highlight_terms)?;
    Ok(CompiledRequest {
        query,
        highlight_terms,
        has_text,
    })
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

/// The text query and the filters as one query. Filters do not change scores,
/// except that articles about a filtered country rank a little higher.
fn combine(
    text_query: Option<Box<dyn Query>>,
    filters: &Filters,
    fields: &Fields,
    highlight_terms: &mut Vec<String>,
) -> Result<Box<dyn Query>, SearchError> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if let Some(q) = text_query {
        clauses.push((Occur::Must, q));
    }
    let filter_clause = |q: Box<dyn Query>| -> (Occur, Box<dyn Query>) {
        (Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0)))
    };
    for filter in &filters.entities {
        let spec = filter.kind.spec();
        let f = &fields.by_kind[filter.kind];
        match spec.matching {
            Matching::NameWords => {
                let tokens = schema::tokens(&filter.value);
                if tokens.is_empty() {
                    return Err(SearchError::NothingSearchable(filter.value.clone()));
                }
                highlight_terms.extend(tokens.iter().filter(|t| t.len() > 2).cloned());
                let field = f
                    .text
                    .expect("kinds matched by name words have a text field");
                clauses.push(filter_clause(tokens_query(field, &tokens)));
            }
            Matching::Code => {
                highlight_terms.extend(country_words(&filter.value));
                match (filter.about, f.about) {
                    (true, Some(about)) => {
                        clauses.push(filter_clause(exact(about, &filter.value)));
                    }
                    _ => {
                        clauses.push(filter_clause(exact(f.exact, &filter.value)));
                        if let Some(about) = f.about {
                            clauses.push((
                                Occur::Should,
                                Box::new(ConstScoreQuery::new(
                                    exact(about, &filter.value),
                                    ABOUT_BOOST,
                                )),
                            ));
                        }
                    }
                }
            }
        }
    }
    if let Some((from, to)) = filters.published {
        let bound = |d: NaiveDate| {
            Term::from_field_date_for_search(fields.published, crate::index::date_value(d))
        };
        clauses.push(filter_clause(Box::new(RangeQuery::new(
            Bound::Included(bound(from)),
            Bound::Included(bound(to)),
        ))));
    }
    for date in &filters.mentions {
        clauses.push(filter_clause(exact(
            fields.mentioned_dates,
            &date.to_string(),
        )));
    }
    if clauses.iter().all(|(occur, _)| *occur != Occur::Must) {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

/// Words to highlight for a country filter: its one-word names and demonyms.
fn country_words(code: &str) -> Vec<String> {
    let Some(country) = countries::by_code(code) else {
        return Vec::new();
    };
    std::iter::once(country.name)
        .chain(country.aliases.iter().copied())
        .chain(country.demonyms.iter().copied())
        .filter_map(|surface| match schema::tokens(surface).as_slice() {
            [one] if one.len() > 2 => Some(one.clone()),
            _ => None,
        })
        .collect()
}

fn exact(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

/// One token: a term query; several: a phrase.
fn tokens_query(field: Field, tokens: &[String]) -> Box<dyn Query> {
    if let [token] = tokens {
        Box::new(TermQuery::new(
            Term::from_field_text(field, token),
            IndexRecordOption::WithFreqs,
        ))
    } else {
        let terms = tokens
            .iter()
            .map(|t| Term::from_field_text(field, t))
            .collect();
        Box::new(PhraseQuery::new(terms))
    }
}

fn compile(
    node: &QueryNode,
    fields: &Fields,
    highlight_terms: &mut Vec<String>,
    negated: bool,
) -> Result<Box<dyn Query>, SearchError> {
    match node {
        QueryNode::Match { scope, text, .. } => {
            compile_match(*scope, text, fields, highlight_terms, negated)
        }
        QueryNode::Not(inner) => {
            let inner = compile(inner, fields, highlight_terms, !negated)?;
            Ok(Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
                (Occur::MustNot, inner),
            ])))
        }
        QueryNode::And(children) => {
            let mut clauses = Vec::new();
            for child in children {
                if let QueryNode::Not(inner) = child {
                    clauses.push((
                        Occur::MustNot,
                        compile(inner, fields, highlight_terms, !negated)?,
                    ));
                } else {
                    clauses.push((
                        Occur::Must,
                        compile(child, fields, highlight_terms, negated)?,
                    ));
                }
            }
            if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
                clauses.push((Occur::Must, Box::new(AllQuery)));
            }
            Ok(Box::new(BooleanQuery::new(clauses)))
        }
        QueryNode::Or(children) => {
            let clauses = children
                .iter()
                .map(|c| Ok((Occur::Should, compile(c, fields, highlight_terms, negated)?)))
                .collect::<Result<Vec<_>, SearchError>>()?;
            Ok(Box::new(BooleanQuery::new(clauses)))
        }
    }
}

fn compile_match(
    scope: Scope,
    text: &str,
    fields: &Fields,
    highlight_terms: &mut Vec<String>,
    negated: bool,
) -> Result<Box<dyn Query>, SearchError> {
    if let Scope::Entity(kind) = scope
        && kind.spec().matching == Matching::Code
    {
        let country = countries::resolve(text)?;
        if !negated {
            highlight_terms.extend(country_words(country.code));
        }
        return Ok(exact(fields.by_kind[kind].exact, country.code));
    }
    let tokens = schema::tokens(text);
    if tokens.is_empty() {
        return Err(SearchError::NothingSearchable(text.to_string()));
    }
    if !negated {
        highlight_terms.extend(tokens.iter().cloned());
    }
    Ok(match scope {
        Scope::Title => tokens_query(fields.title, &tokens),
        Scope::Body => tokens_query(fields.body, &tokens),
        Scope::Entity(kind) => {
            let f = &fields.by_kind[kind];
            tokens_query(f.text.unwrap_or(f.exact), &tokens)
        }
        Scope::Text => Box::new(BooleanQuery::new(vec![
            (
                Occur::Should,
                Box::new(BoostQuery::new(
                    tokens_query(fields.title, &tokens),
                    TITLE_BOOST,
                )) as Box<dyn Query>,
            ),
            (Occur::Should, tokens_query(fields.body, &tokens)),
        ])),
    })
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
