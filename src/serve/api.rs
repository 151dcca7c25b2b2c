//! The JSON API under `/api/v1/`: one function from a request's path and query
//! string to a status and a JSON body, with no HTTP library in sight.
//!
//! Parameters are checked by [`super::request`] and parsed by [`crate::params`],
//! as the command line's flags are, and every body is built by
//! [`crate::output`], the layer `--json` uses, so the API answers exactly what
//! `morgue search --json` and its siblings print. The server around it
//! ([`super::http`]) owns sockets, headers, limits on the request itself and
//! timeouts.

use serde_json::Value;

use super::request::{self, MAX_LIST, MAX_VALUE_CHARS, Params, Refusal};
use crate::entity::EntityKind;
use crate::index::Archive;
use crate::output;
use crate::params::{self, defaults};
use crate::search::{self, explore};

/// Where the API lives; the version is the JSON contract's.
pub const PREFIX: &str = "/api/v1/";

/// An answer: the HTTP status and its JSON body.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub body: Value,
}

impl Reply {
    fn ok(body: Value) -> Reply {
        Reply { status: 200, body }
    }

    pub fn error(status: u16, message: impl Into<String>) -> Reply {
        Reply {
            status,
            body: output::error(status, &message.into()),
        }
    }
}

impl From<Refusal> for Reply {
    fn from(refusal: Refusal) -> Reply {
        Reply::error(refusal.status, refusal.message)
    }
}

/// Answers a GET of `path` (below the API's prefix or not) with query string `query`.
pub fn answer(archive: &Archive, path: &str, query: &str) -> Reply {
    let Some(route) = path.strip_prefix(PREFIX) else {
        return not_found(path);
    };
    let result = match route {
        "search" => search(archive, query),
        "timeline" => timeline(archive, query),
        "related" => related(archive, query),
        "stats" => stats(archive, query),
        _ => match route.strip_prefix("articles/") {
            Some(key) => article(archive, key, query),
            None => match EntityKind::from_plural(route) {
                Some(kind) => list(archive, kind, query),
                None => return not_found(path),
            },
        },
    };
    result.unwrap_or_else(Reply::from)
}

fn not_found(path: &str) -> Reply {
    Reply::error(
        404,
        format!(
            "no such address {path:?} (expected {PREFIX}search, articles/ID, people, orgs, countries, timeline, related or stats)"
        ),
    )
}

type Answer = Result<Reply, Refusal>;

fn search(archive: &Archive, query: &str) -> Answer {
    let p = Params::parse(query, &request::search_parameters())?;
    let results = search::search(archive, &request::search_request(&p, None)?)?;
    Ok(Reply::ok(output::search(&results)))
}

fn article(archive: &Archive, key: &str, query: &str) -> Answer {
    Params::parse(query, &[])?;
    if key.is_empty() || key.chars().count() > MAX_VALUE_CHARS {
        return Err(Refusal::new(
            400,
            "expected an article id (as search results give it) after articles/",
        ));
    }
    let key = request::percent_decoded(key);
    let details = search::show(archive, &key)?;
    if details.is_empty() {
        return Err(Refusal::new(
            404,
            format!("no article with id or path {key:?} (ids are in search results)"),
        ));
    }
    Ok(Reply::ok(output::articles(&details)))
}

fn list(archive: &Archive, kind: EntityKind, query: &str) -> Answer {
    let mut allowed = vec!["q", "limit"];
    allowed.extend(request::filter_names());
    let p = Params::parse(query, &allowed)?;
    let query_text = p.query()?;
    let counts = search::count_values(
        archive,
        kind.spec().field,
        query_text.as_deref(),
        &p.filters()?,
        p.bounded("limit", defaults::LIST_LIMIT, MAX_LIST)?,
    )?;
    Ok(Reply::ok(output::counts(kind, &counts)))
}

fn timeline(archive: &Archive, query: &str) -> Answer {
    let mut allowed = vec!["q", "by"];
    allowed.extend(request::filter_names());
    let p = Params::parse(query, &allowed)?;
    let by = p
        .one_parsed("by", params::period)?
        .unwrap_or(explore::Period::Month);
    let query_text = p.query()?;
    let series = explore::timeline(archive, query_text.as_deref(), &p.filters()?, by)?;
    Ok(Reply::ok(output::timeline(by, &series)))
}

fn related(archive: &Archive, query: &str) -> Answer {
    let mut allowed = vec!["limit", "min-count"];
    allowed.extend(request::filter_names());
    let p = Params::parse(query, &allowed)?;
    let subject = p.filters()?;
    if subject.entities.is_empty() {
        return Err(Refusal::new(
            400,
            "related needs a subject (expected person=NAME, org=NAME, country=C or about=C)",
        ));
    }
    let limit = p.bounded("limit", defaults::RELATED_LIMIT, MAX_LIST)?;
    let min_count = p
        .one_parsed("min-count", params::count)?
        .map_or(defaults::RELATED_MIN_COUNT, |n| n as u64);
    let report = explore::related(archive, &subject, limit, min_count)?;
    Ok(Reply::ok(output::related(&report)))
}

/// The index's segments as one searcher sees them (each with the opstamp of its
/// deletes): equal for two searchers exactly when they see the same articles.
type SegmentsSeen = std::collections::BTreeMap<tantivy::index::SegmentId, Option<u64>>;

/// `stats` covers the whole archive, so it changes only with a commit, yet it
/// costs as much as a dozen searches (46 ms on the 100k benchmark archive,
/// where a search takes 2-10): its answer is kept for the segments it was
/// computed from, and computed again once a commit changes them.
static STATS: std::sync::Mutex<Option<(std::path::PathBuf, SegmentsSeen, Value)>> =
    std::sync::Mutex::new(None);

fn stats(archive: &Archive, query: &str) -> Answer {
    Params::parse(query, &[])?;
    let seen: SegmentsSeen = archive
        .searcher()
        .map_err(search::SearchError::from)?
        .generation()
        .segments()
        .clone();
    let cached = |kept: &Option<(std::path::PathBuf, SegmentsSeen, Value)>| {
        kept.as_ref()
            .filter(|(dir, segments, _)| *dir == archive.dir && *segments == seen)
            .map(|(_, _, value)| value.clone())
    };
    if let Some(value) = STATS.lock().ok().and_then(|kept| cached(&kept)) {
        return Ok(Reply::ok(value));
    }
    let value = output::stats(&search::stats(archive, defaults::STATS_TOP)?);
    if let Ok(mut kept) = STATS.lock() {
        *kept = Some((archive.dir.clone(), seen, value.clone()));
    }
    Ok(Reply::ok(value))
}
