//! "Did you mean": when a search finds nothing, the words and names the
//! archive holds that are nearest to what was typed.
//!
//! Only what matches nothing by itself gets a suggestion: a query word found in
//! no title or body (in any form), a `--person` or `--org` value none of whose
//! words is in any name. Words are compared with the words of the index that
//! start with the same letter, names with every name of their kind (and each of
//! its words, so that `Zelenskyy` finds `Volodymyr Zelensky`), by
//! Damerau-Levenshtein distance: at most one edit for up to five letters, two
//! for more. The nearest wins; among equally near, the one in most articles.

use serde::Serialize;
use tantivy::Searcher;
use tantivy::schema::{Field, Term};

use super::Filters;
use super::query::{self, QueryNode, Scope};
use crate::entity::{EntityKind, Matching};
use crate::extract::{Language, stem::stem};
use crate::index::schema::{self, Fields};

/// A nearer spelling of something typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// Where it was typed: `query`, or the filter (`person`, `org`).
    pub field: &'static str,
    pub typed: String,
    pub suggestion: String,
    /// Articles the suggestion would find on its own.
    pub articles: u64,
}

/// Suggestions for a search that found nothing.
pub(super) fn suggest(
    searcher: &Searcher,
    fields: &Fields,
    languages: &[Language],
    query_text: Option<&str>,
    filters: &Filters,
) -> Vec<Suggestion> {
    let mut out = Vec::new();
    if let Some(node) = query_text.and_then(|q| query::parse(q).ok()) {
        let mut words = Vec::new();
        positive_words(&node, &mut words);
        for typed in words {
            let tokens = schema::tokens(&typed);
            let [token] = tokens.as_slice() else {
                continue;
            };
            if known_word(searcher, fields, languages, token) {
                continue;
            }
            if let Some((suggestion, articles)) = nearest_word(searcher, fields.body, token) {
                out.push(Suggestion {
                    field: "query",
                    typed,
                    suggestion,
                    articles,
                });
            }
        }
    }
    for filter in &filters.entities {
        let spec = filter.kind.spec();
        if spec.matching != Matching::NameWords {
            continue;
        }
        let f = &fields.by_kind[filter.kind];
        let Some(text_field) = f.text else { continue };
        let tokens = schema::tokens(&filter.value);
        let known = tokens.iter().all(|t| doc_freq(searcher, text_field, t) > 0);
        if tokens.is_empty() || known {
            continue;
        }
        if let Some((suggestion, articles)) = nearest_name(searcher, f.exact, &filter.value) {
            out.push(Suggestion {
                field: kind_flag(filter.kind),
                typed: filter.value.clone(),
                suggestion,
                articles,
            });
        }
    }
    out
}

fn kind_flag(kind: EntityKind) -> &'static str {
    kind.spec().flag
}

/// The words and phrases of a query that must match, as typed.
fn positive_words(node: &QueryNode, out: &mut Vec<String>) {
    match node {
        QueryNode::Match {
            scope: Scope::Text | Scope::Title | Scope::Body,
            text,
            ..
        } => out.extend(text.split_whitespace().map(str::to_string)),
        QueryNode::Match { .. } | QueryNode::Not(_) => {}
        QueryNode::And(children) | QueryNode::Or(children) => {
            for child in children {
                positive_words(child, out);
            }
        }
    }
}

fn doc_freq(searcher: &Searcher, field: Field, token: &str) -> u64 {
    searcher
        .doc_freq(&Term::from_field_text(field, token))
        .unwrap_or(0)
}

/// Whether some title or body has the word in any form.
fn known_word(searcher: &Searcher, fields: &Fields, languages: &[Language], token: &str) -> bool {
    doc_freq(searcher, fields.body, token) > 0
        || doc_freq(searcher, fields.title, token) > 0
        || languages.iter().any(|l| {
            let stem = stem(*l, token);
            doc_freq(searcher, fields.body_stem, &stem) > 0
                || doc_freq(searcher, fields.title_stem, &stem) > 0
        })
}

/// The nearest candidate so far: fewest edits, then most articles.
#[derive(Default)]
struct Nearest {
    edits: usize,
    found: Option<(String, u64)>,
}

impl Nearest {
    fn offer(&mut self, edits: usize, articles: u64, text: &str) {
        let better = match &self.found {
            None => true,
            Some((_, n)) => edits < self.edits || (edits == self.edits && articles > *n),
        };
        if better {
            self.edits = edits;
            self.found = Some((text.to_string(), articles));
        }
    }
}

/// The most edits a suggestion may be from `typed`.
fn max_edits(typed: &str) -> usize {
    if typed.chars().count() <= 5 { 1 } else { 2 }
}

/// The nearest term of `field` starting with the same letter, and its
/// document frequency.
fn nearest_word(searcher: &Searcher, field: Field, token: &str) -> Option<(String, u64)> {
    let first = token.chars().next()?;
    let from = first.to_string();
    let to = char::from_u32(first as u32 + 1)?.to_string();
    let limit = max_edits(token);
    let mut best = Nearest::default();
    for segment in searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(field) else {
            continue;
        };
        let Ok(mut terms) = inverted
            .terms()
            .range()
            .ge(from.as_bytes())
            .lt(to.as_bytes())
            .into_stream()
        else {
            continue;
        };
        while terms.advance() {
            let Ok(term) = std::str::from_utf8(terms.key()) else {
                continue;
            };
            if term.len().abs_diff(token.len()) > limit {
                continue;
            }
            let distance = strsim::damerau_levenshtein(token, term);
            if distance == 0 || distance > limit {
                continue;
            }
            best.offer(distance, doc_freq(searcher, field, term), term);
        }
    }
    best.found
}

/// The name of `field` (people or organisations) nearest to `typed`, as a whole
/// or by one of its words.
fn nearest_name(searcher: &Searcher, field: Field, typed: &str) -> Option<(String, u64)> {
    let typed = schema::tokens(typed).join(" ");
    let limit = max_edits(&typed);
    let mut best = Nearest::default();
    for segment in searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(field) else {
            continue;
        };
        let Ok(mut terms) = inverted.terms().stream() else {
            continue;
        };
        while terms.advance() {
            let Ok(name) = std::str::from_utf8(terms.key()) else {
                continue;
            };
            let folded = schema::tokens(name);
            let whole = strsim::damerau_levenshtein(&typed, &folded.join(" "));
            let by_word = folded
                .iter()
                .map(|w| strsim::damerau_levenshtein(&typed, w))
                .min()
                .unwrap_or(usize::MAX);
            let distance = whole.min(by_word);
            if distance > limit {
                continue;
            }
            best.offer(distance, doc_freq(searcher, field, name), name);
        }
    }
    best.found
}
