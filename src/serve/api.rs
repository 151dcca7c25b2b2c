//! The JSON API under `/api/v1/`: one function from a request's path and query
//! string to a status and a JSON body, with no HTTP library in sight.
//!
//! Parameters are parsed by [`crate::params`], as the command line's flags are,
//! and every body is built by [`crate::output`], the layer `--json` uses, so the
//! API answers exactly what `morgue search --json` and its siblings print. The
//! server around it ([`super::http`]) owns sockets, headers, limits on the
//! request itself and timeouts.

use serde_json::Value;

use crate::entity::{EntityKind, KINDS, PerKind};
use crate::extract::dates::PartialDate;
use crate::index::Archive;
use crate::output;
use crate::params::{self, FilterValues, defaults};
use crate::search::{self, SearchError, SearchRequest, explore};

/// Where the API lives; the version is the JSON contract's.
pub const PREFIX: &str = "/api/v1/";

/// Most results one page of a search holds (`limit`).
pub const MAX_PAGE: usize = 100;
/// Most entries of a list (`people`, `related`...).
pub const MAX_LIST: usize = 1_000;
/// Deepest page: tantivy keeps `offset + limit` results in memory to skip to it.
pub const MAX_OFFSET: usize = 10_000;
/// Longest value of one parameter, in characters (a query, a name).
pub const MAX_VALUE_CHARS: usize = 500;
/// Most parameters in one request.
pub const MAX_PARAMETERS: usize = 50;

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
    result.unwrap_or_else(|err| err)
}

fn not_found(path: &str) -> Reply {
    Reply::error(
        404,
        format!(
            "no such address {path:?} (expected {PREFIX}search, articles/ID, people, orgs, countries, timeline, related or stats)"
        ),
    )
}

type Answer = Result<Reply, Reply>;

fn search(archive: &Archive, query: &str) -> Answer {
    let mut allowed = vec!["q", "sort", "limit", "offset", "facets", "exact"];
    allowed.extend(filter_names());
    let p = Params::parse(query, &allowed)?;
    let request = SearchRequest {
        query: p.query()?,
        filters: p.filters()?,
        sort: p.one_parsed("sort", params::sort)?,
        limit: p.bounded("limit", defaults::SEARCH_LIMIT, MAX_PAGE)?,
        offset: p.bounded("offset", 0, MAX_OFFSET)?,
        facets: p.flag("facets")?.then_some(defaults::FACET_SIZE),
        exact: p.flag("exact")?,
    };
    let results = search::search(archive, &request).map_err(search_error)?;
    Ok(Reply::ok(output::search(&results)))
}

fn article(archive: &Archive, key: &str, query: &str) -> Answer {
    Params::parse(query, &[])?;
    if key.is_empty() || key.chars().count() > MAX_VALUE_CHARS {
        return Err(Reply::error(
            400,
            "expected an article id (as search results give it) after articles/",
        ));
    }
    let key = percent_decoded(key);
    let details = search::show(archive, &key).map_err(search_error)?;
    if details.is_empty() {
        return Err(Reply::error(
            404,
            format!("no article with id or path {key:?} (ids are in search results)"),
        ));
    }
    Ok(Reply::ok(output::articles(&details)))
}

fn list(archive: &Archive, kind: EntityKind, query: &str) -> Answer {
    let mut allowed = vec!["q", "limit"];
    allowed.extend(filter_names());
    let p = Params::parse(query, &allowed)?;
    let query_text = p.query()?;
    let counts = search::count_values(
        archive,
        kind.spec().field,
        query_text.as_deref(),
        &p.filters()?,
        p.bounded("limit", defaults::LIST_LIMIT, MAX_LIST)?,
    )
    .map_err(search_error)?;
    Ok(Reply::ok(output::counts(kind, &counts)))
}

fn timeline(archive: &Archive, query: &str) -> Answer {
    let mut allowed = vec!["q", "by"];
    allowed.extend(filter_names());
    let p = Params::parse(query, &allowed)?;
    let by = p
        .one_parsed("by", params::period)?
        .unwrap_or(explore::Period::Month);
    let query_text = p.query()?;
    let series = explore::timeline(archive, query_text.as_deref(), &p.filters()?, by)
        .map_err(search_error)?;
    Ok(Reply::ok(output::timeline(by, &series)))
}

fn related(archive: &Archive, query: &str) -> Answer {
    let mut allowed = vec!["limit", "min-count"];
    allowed.extend(filter_names());
    let p = Params::parse(query, &allowed)?;
    let subject = p.filters()?;
    if subject.entities.is_empty() {
        return Err(Reply::error(
            400,
            "related needs a subject (expected person=NAME, org=NAME, country=C or about=C)",
        ));
    }
    let limit = p.bounded("limit", defaults::RELATED_LIMIT, MAX_LIST)?;
    let min_count = p
        .one_parsed("min-count", params::count)?
        .map_or(defaults::RELATED_MIN_COUNT, |n| n as u64);
    let report = explore::related(archive, &subject, limit, min_count).map_err(search_error)?;
    Ok(Reply::ok(output::related(&report)))
}

fn stats(archive: &Archive, query: &str) -> Answer {
    Params::parse(query, &[])?;
    let stats = search::stats(archive, defaults::STATS_TOP).map_err(search_error)?;
    Ok(Reply::ok(output::stats(&stats)))
}

/// A query the user typed wrong is their 400; anything else is the server's 500.
fn search_error(err: SearchError) -> Reply {
    match err {
        SearchError::Syntax(_)
        | SearchError::UnknownCountry(_)
        | SearchError::NothingSearchable(_) => Reply::error(400, err.to_string()),
        SearchError::Index(_) | SearchError::Tantivy(_) => {
            Reply::error(500, format!("the search failed: {err}"))
        }
    }
}

/// The filter parameters: each kind's flag and about flag, then the dates.
fn filter_names() -> Vec<&'static str> {
    let mut names = Vec::new();
    for spec in &KINDS {
        names.push(spec.flag);
        names.extend(spec.about_flag);
    }
    names.extend(["from", "to", "on", "mentions"]);
    names
}

/// A request's query parameters, in order, decoded.
struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Decodes `query` and refuses parameters not in `allowed`, over-long values
    /// and too many parameters.
    fn parse(query: &str, allowed: &[&str]) -> Result<Params, Reply> {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .map(|(name, value)| (name.into_owned(), value.into_owned()))
            .collect();
        if pairs.len() > MAX_PARAMETERS {
            return Err(Reply::error(
                400,
                format!(
                    "{} parameters (expected at most {MAX_PARAMETERS})",
                    pairs.len()
                ),
            ));
        }
        for (name, value) in &pairs {
            if !allowed.contains(&name.as_str()) {
                let expected = if allowed.is_empty() {
                    "no parameters".to_string()
                } else {
                    format!("one of {}", allowed.join(", "))
                };
                return Err(Reply::error(
                    400,
                    format!("unknown parameter {name:?} (expected {expected})"),
                ));
            }
            if value.chars().count() > MAX_VALUE_CHARS {
                return Err(Reply::error(
                    400,
                    format!(
                        "{name} is longer than {MAX_VALUE_CHARS} characters (expected a shorter value)"
                    ),
                ));
            }
        }
        Ok(Params { pairs })
    }

    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.pairs
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value of a parameter given at most once.
    fn one<'a>(&'a self, name: &'a str) -> Result<Option<&'a str>, Reply> {
        let mut values = self.all(name);
        let first = values.next();
        if values.next().is_some() {
            return Err(Reply::error(
                400,
                format!("{name} is given more than once (expected one value)"),
            ));
        }
        Ok(first)
    }

    fn one_parsed<T>(
        &self,
        name: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Option<T>, Reply> {
        self.one(name)?
            .map(|value| parse(value).map_err(|message| bad(name, &message)))
            .transpose()
    }

    fn all_parsed<T>(
        &self,
        name: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Vec<T>, Reply> {
        self.all(name)
            .map(|value| parse(value).map_err(|message| bad(name, &message)))
            .collect()
    }

    /// A count, `default` when absent, refused above `max`.
    fn bounded(&self, name: &str, default: usize, max: usize) -> Result<usize, Reply> {
        let n = self.one_parsed(name, params::count)?.unwrap_or(default);
        if n > max {
            return Err(Reply::error(
                400,
                format!("{name} {n} is more than this server gives (expected at most {max})"),
            ));
        }
        Ok(n)
    }

    /// A yes/no parameter: absent, `false` or `0` is no; present empty, `true` or `1` is yes.
    fn flag(&self, name: &str) -> Result<bool, Reply> {
        match self.one(name)? {
            None | Some("false" | "0") => Ok(false),
            Some("" | "true" | "1") => Ok(true),
            Some(other) => Err(bad(name, &format!("{other:?} is not true or false"))),
        }
    }

    /// `q`, the query in the command line's query language, when not blank.
    fn query(&self) -> Result<Option<String>, Reply> {
        Ok(self
            .one("q")?
            .filter(|q| !q.trim().is_empty())
            .map(str::to_string))
    }

    fn filters(&self) -> Result<search::Filters, Reply> {
        let mut entities = PerKind::<Vec<String>>::default();
        let mut about = PerKind::<Vec<String>>::default();
        for kind in EntityKind::ALL {
            let spec = kind.spec();
            let parse = |s: &str| params::entity_value(kind, s);
            entities[kind] = self.all_parsed(spec.flag, parse)?;
            if let Some(flag) = spec.about_flag {
                about[kind] = self.all_parsed(flag, parse)?;
            }
        }
        let date = |name| self.one_parsed(name, params::date);
        let values = FilterValues {
            entities,
            about,
            from: date("from")?,
            to: date("to")?,
            on: date("on")?,
            mentions: self.all_parsed::<PartialDate>("mentions", params::date)?,
        };
        values
            .filters("")
            .map_err(|err| Reply::error(400, err.to_string()))
    }
}

fn bad(name: &str, message: &str) -> Reply {
    Reply::error(400, format!("{name}: {message}"))
}

/// A path segment with its `%XX` escapes decoded (ids are hex, paths may not be).
fn percent_decoded(segment: &str) -> String {
    // form_urlencoded would also turn `+` into a space, which a path keeps.
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let hex = |b: Option<&u8>| b.and_then(|&b| (b as char).to_digit(16));
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_segments_decode_escapes_and_keep_plus() {
        let cases = [
            ("3f9a1c2b7d4e5f60", "3f9a1c2b7d4e5f60"),
            ("corpus%2F2023%2Fa.txt", "corpus/2023/a.txt"),
            ("a+b", "a+b"),
            ("50%", "50%"),
            ("%zz", "%zz"),
            ("caf%C3%A9", "café"),
        ];
        for (input, expected) in cases {
            assert_eq!(percent_decoded(input), expected, "{input}");
        }
    }

    /// The message of a refusal, or "" when there was none.
    fn refusal<T>(result: Result<T, Reply>) -> String {
        match result {
            Ok(_) => String::new(),
            Err(reply) => reply.body["error"]["message"]
                .as_str()
                .unwrap_or("")
                .to_string(),
        }
    }

    #[test]
    fn parameters_are_checked_before_any_search() {
        let parse = |query: &str, allowed: &[&str]| refusal(Params::parse(query, allowed));
        assert!(parse("colour=red", &["q"]).contains("unknown parameter \"colour\""));
        assert!(parse("q=a", &[]).contains("expected no parameters"));
        assert!(parse(&format!("q={}", "x".repeat(501)), &["q"]).contains("longer than 500"));
        assert_eq!(parse("q=caf%C3%A9+noir&person=a", &["q", "person"]), "");
        let p = Params::parse(
            "limit=101&sort=newest&sort=oldest&facets=maybe",
            &["limit", "sort", "facets"],
        )
        .unwrap_or_else(|_| panic!("parses"));
        assert!(refusal(p.bounded("limit", 10, 100)).contains("at most 100"));
        assert!(refusal(p.one("sort")).contains("more than once"));
        assert!(refusal(p.flag("facets")).contains("not true or false"));
    }
}
