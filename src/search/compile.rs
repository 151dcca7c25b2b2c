//! Turning a query text and filters into one tantivy query.
//!
//! Words match every form of themselves: each plain word is looked up as
//! written (in `title` and `body`) and by its stem in every language of the
//! archive (in `title_stem` and `body_stem`, and in `title` and `body` for the
//! forms that are their own stem; see `index::stems`). The written form
//! weighs [`EXACT_BOOST`] times as much as the other forms, so articles with
//! the form typed rank first. Quoted phrases and `=word` match the forms
//! written, as does every word of an exact request (`--exact`).

use std::ops::Bound;

use chrono::NaiveDate;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Term};

use super::query::{self, QueryNode, Scope};
use super::{Filters, SearchError};
use crate::entity::Matching;
use crate::extract::countries;
use crate::extract::{Language, stem::stem};
use crate::index::schema::{self, Fields};

/// How much more a title match weighs than a body match.
const TITLE_BOOST: f32 = 2.0;
/// Extra score for an article that is about a country the user filtered by.
const ABOUT_BOOST: f32 = 0.5;
/// Weight of a word's written form against its other forms.
const EXACT_BOOST: f32 = 2.0;

/// What a query text is compiled against.
pub(super) struct Context<'a> {
    pub fields: &'a Fields,
    /// The languages of the archive's articles: a word is looked up under its
    /// stem in each.
    pub languages: Vec<Language>,
    /// Only the forms written match (`--exact`).
    pub exact: bool,
}

/// A query text and filters turned into one tantivy query.
pub(super) struct CompiledRequest {
    pub query: Box<dyn Query>,
    /// Words to highlight in snippets (from the text and the entity filters).
    pub highlight_terms: Vec<String>,
    /// Whether there was query text (relevance ranking makes sense).
    pub has_text: bool,
    /// Plain words of the query, which match their other forms too: the
    /// forms found are highlighted as well.
    pub any_form: Vec<String>,
}

pub(super) fn compile_request(
    ctx: &Context,
    query_text: Option<&str>,
    filters: &Filters,
) -> Result<CompiledRequest, SearchError> {
    let mut highlight_terms = Vec::new();
    let mut any_form = Vec::new();
    let text_query = match query_text.map(str::trim) {
        Some(q) if !q.is_empty() => Some(compile(
            &query::parse(q)?,
            ctx,
            &mut Highlights {
                terms: &mut highlight_terms,
                any_form: &mut any_form,
            },
            false,
        )?),
        _ => None,
    };
    let has_text = text_query.is_some();
    let query = combine(text_query, filters, ctx.fields, &mut highlight_terms)?;
    Ok(CompiledRequest {
        query,
        highlight_terms,
        has_text,
        any_form,
    })
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

pub(crate) fn exact(field: Field, value: &str) -> Box<dyn Query> {
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

/// What the words of a query add to the snippets' highlights.
struct Highlights<'a> {
    terms: &'a mut Vec<String>,
    any_form: &'a mut Vec<String>,
}

fn compile(
    node: &QueryNode,
    ctx: &Context,
    highlight_terms: &mut Highlights,
    negated: bool,
) -> Result<Box<dyn Query>, SearchError> {
    match node {
        QueryNode::Match {
            scope,
            text,
            phrase,
        } => compile_match(*scope, text, *phrase, ctx, highlight_terms, negated),
        QueryNode::Not(inner) => {
            let inner = compile(inner, ctx, highlight_terms, !negated)?;
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
                        compile(inner, ctx, highlight_terms, !negated)?,
                    ));
                } else {
                    clauses.push((Occur::Must, compile(child, ctx, highlight_terms, negated)?));
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
                .map(|c| Ok((Occur::Should, compile(c, ctx, highlight_terms, negated)?)))
                .collect::<Result<Vec<_>, SearchError>>()?;
            Ok(Box::new(BooleanQuery::new(clauses)))
        }
    }
}

fn compile_match(
    scope: Scope,
    text: &str,
    phrase: bool,
    ctx: &Context,
    highlights: &mut Highlights,
    negated: bool,
) -> Result<Box<dyn Query>, SearchError> {
    let fields = ctx.fields;
    if let Scope::Entity(kind) = scope
        && kind.spec().matching == Matching::Code
    {
        let country = countries::resolve(text)?;
        if !negated {
            highlights.terms.extend(country_words(country.code));
        }
        return Ok(exact(fields.by_kind[kind].exact, country.code));
    }
    let tokens = schema::tokens(text);
    if tokens.is_empty() {
        return Err(SearchError::NothingSearchable(text.to_string()));
    }
    if !negated {
        highlights.terms.extend(tokens.iter().cloned());
    }
    // One plain word matches its other forms too; a phrase, `=word`, a word
    // the index splits (`al-Sudani`) and names match as written.
    let stems = match tokens.as_slice() {
        [word] if !phrase && !ctx.exact => {
            let mut stems: Vec<String> = ctx.languages.iter().map(|l| stem(*l, word)).collect();
            stems.sort();
            stems.dedup();
            if !negated && scope != Scope::Title {
                highlights.any_form.push(word.clone());
            }
            Some(stems)
        }
        _ => None,
    };
    // The clauses of one field pair, each with its weight; kept in one flat
    // union (nested unions cost a merge each: about 1 ms on a two-word query
    // over 100k articles), which scores the same sum.
    let field_clauses = |field: Field, stem_field: Field, weight: f32| {
        let written = tokens_query(field, &tokens);
        let Some(stems) = &stems else {
            return vec![(written, weight)];
        };
        let mut clauses = vec![(written, weight * EXACT_BOOST)];
        // Other forms are under the stem in the stemmed field; a form that is
        // its own stem is in the written-form field (see `index::stems`).
        for stem in stems {
            clauses.push((term(stem_field, stem), weight));
            if stem != &tokens[0] {
                clauses.push((term(field, stem), weight));
            }
        }
        clauses
    };
    let clauses = match scope {
        Scope::Entity(kind) => {
            let f = &fields.by_kind[kind];
            return Ok(tokens_query(f.text.unwrap_or(f.exact), &tokens));
        }
        Scope::Title => field_clauses(fields.title, fields.title_stem, 1.0),
        Scope::Body => field_clauses(fields.body, fields.body_stem, 1.0),
        Scope::Text => {
            let mut clauses = field_clauses(fields.title, fields.title_stem, TITLE_BOOST);
            clauses.extend(field_clauses(fields.body, fields.body_stem, 1.0));
            clauses
        }
    };
    let weighted = |query: Box<dyn Query>, weight: f32| -> Box<dyn Query> {
        if weight == 1.0 {
            query
        } else {
            Box::new(BoostQuery::new(query, weight))
        }
    };
    Ok(match <[_; 1]>::try_from(clauses) {
        Ok([(query, weight)]) => weighted(query, weight),
        Err(clauses) => Box::new(BooleanQuery::new(
            clauses
                .into_iter()
                .map(|(query, weight)| (Occur::Should, weighted(query, weight)))
                .collect(),
        )),
    })
}

/// A scored term query.
fn term(field: Field, token: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, token),
        IndexRecordOption::WithFreqs,
    ))
}
