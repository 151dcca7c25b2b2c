//! A request's query string, decoded and checked once for both the JSON API
//! ([`super::api`]) and the browser pages ([`super::pages`]): which parameters
//! a route takes, how long a value and how deep a page may be, and the search
//! those parameters ask for. Values are parsed by [`crate::params`], as the
//! command line's flags are, so each is refused with the same words.

use crate::entity::{EntityKind, KINDS, PerKind};
use crate::extract::dates::PartialDate;
use crate::params::{self, FilterValues, defaults};
use crate::search::{self, SearchRequest};

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

/// Why a request was not answered: its HTTP status and what was expected instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub status: u16,
    pub message: String,
}

impl Refusal {
    pub fn new(status: u16, message: impl Into<String>) -> Refusal {
        Refusal {
            status,
            message: message.into(),
        }
    }
}

/// A query the user typed wrong is their 400; anything else is the server's 500.
impl From<search::SearchError> for Refusal {
    fn from(err: search::SearchError) -> Refusal {
        use search::SearchError as E;
        match err {
            E::Syntax(_) | E::UnknownCountry(_) | E::NothingSearchable(_) => {
                Refusal::new(400, err.to_string())
            }
            E::Index(_) | E::Tantivy(_) => Refusal::new(500, format!("the search failed: {err}")),
        }
    }
}

/// The parameters of a search, as the API's `search` and the search page take them.
pub fn search_parameters() -> Vec<&'static str> {
    let mut allowed = vec!["q", "sort", "limit", "offset", "facets", "exact"];
    allowed.extend(filter_names());
    allowed
}

/// The search `p` asks for; `facets` is the facet size when the caller wants facets
/// whatever the parameters say (the search page always shows them).
pub fn search_request(p: &Params, facets: Option<usize>) -> Result<SearchRequest, Refusal> {
    Ok(SearchRequest {
        query: p.query()?,
        filters: p.filters()?,
        sort: p.one_parsed("sort", params::sort)?,
        limit: p.bounded("limit", defaults::SEARCH_LIMIT, MAX_PAGE)?,
        offset: p.bounded("offset", 0, MAX_OFFSET)?,
        facets: facets.or(p.flag("facets")?.then_some(defaults::FACET_SIZE)),
        exact: p.flag("exact")?,
    })
}

/// The filter parameters: each kind's flag and about flag, then the dates.
pub fn filter_names() -> Vec<&'static str> {
    let mut names = Vec::new();
    for spec in &KINDS {
        names.push(spec.flag);
        names.extend(spec.about_flag);
    }
    names.extend(["from", "to", "on", "mentions"]);
    names
}

/// A request's query parameters, in order, decoded.
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Decodes `query` and refuses parameters not in `allowed`, over-long values
    /// and too many parameters.
    pub fn parse(query: &str, allowed: &[&str]) -> Result<Params, Refusal> {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .map(|(name, value)| (name.into_owned(), value.into_owned()))
            .collect();
        if pairs.len() > MAX_PARAMETERS {
            return Err(Refusal::new(
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
                return Err(Refusal::new(
                    400,
                    format!("unknown parameter {name:?} (expected {expected})"),
                ));
            }
            if value.chars().count() > MAX_VALUE_CHARS {
                return Err(Refusal::new(
                    400,
                    format!(
                        "{name} is longer than {MAX_VALUE_CHARS} characters (expected a shorter value)"
                    ),
                ));
            }
        }
        Ok(Params { pairs })
    }

    /// Every parameter, in the order given.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.pairs
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value of a parameter given at most once.
    pub fn one<'a>(&'a self, name: &'a str) -> Result<Option<&'a str>, Refusal> {
        let mut values = self.all(name);
        let first = values.next();
        if values.next().is_some() {
            return Err(Refusal::new(
                400,
                format!("{name} is given more than once (expected one value)"),
            ));
        }
        Ok(first)
    }

    pub fn one_parsed<T>(
        &self,
        name: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Option<T>, Refusal> {
        self.one(name)?
            .map(|value| parse(value).map_err(|message| bad(name, &message)))
            .transpose()
    }

    pub fn all_parsed<T>(
        &self,
        name: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Vec<T>, Refusal> {
        self.all(name)
            .map(|value| parse(value).map_err(|message| bad(name, &message)))
            .collect()
    }

    /// A count, `default` when absent, refused above `max`.
    pub fn bounded(&self, name: &str, default: usize, max: usize) -> Result<usize, Refusal> {
        let n = self.one_parsed(name, params::count)?.unwrap_or(default);
        if n > max {
            return Err(Refusal::new(
                400,
                format!("{name} {n} is more than this server gives (expected at most {max})"),
            ));
        }
        Ok(n)
    }

    /// A yes/no parameter: absent, `false` or `0` is no; present empty, `true` or `1` is yes.
    pub fn flag(&self, name: &str) -> Result<bool, Refusal> {
        match self.one(name)? {
            None | Some("false" | "0") => Ok(false),
            Some("" | "true" | "1") => Ok(true),
            Some(other) => Err(bad(name, &format!("{other:?} is not true or false"))),
        }
    }

    /// `q`, the query in the command line's query language, when not blank.
    pub fn query(&self) -> Result<Option<String>, Refusal> {
        Ok(self
            .one("q")?
            .filter(|q| !q.trim().is_empty())
            .map(str::to_string))
    }

    pub fn filters(&self) -> Result<search::Filters, Refusal> {
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
            .map_err(|err| Refusal::new(400, err.to_string()))
    }
}

fn bad(name: &str, message: &str) -> Refusal {
    Refusal::new(400, format!("{name}: {message}"))
}

/// A path segment with its `%XX` escapes decoded (ids are hex, paths may not be).
pub fn percent_decoded(segment: &str) -> String {
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
    fn refusal<T>(result: Result<T, Refusal>) -> String {
        match result {
            Ok(_) => String::new(),
            Err(refusal) => refusal.message,
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
