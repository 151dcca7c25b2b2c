//! Countries: the country table (one source of truth) and finding country mentions in text.
//!
//! CONTRACT (to be implemented).

/// One country of the table.
#[derive(Debug)]
pub struct Country {
    /// ISO 3166-1 alpha-2 (plus PS, XK, TW).
    pub code: &'static str,
    /// Common English short name: "Iraq", "United States".
    pub name: &'static str,
    /// Other names and abbreviations: "U.S.", "USA", "America".
    pub aliases: &'static [&'static str],
    /// Demonyms and adjectives: "Iraqi", "Iraqis".
    pub demonyms: &'static [&'static str],
    /// Capitals and seats of government used as metonyms: "Baghdad".
    pub capitals: &'static [&'static str],
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown country {input:?}{}", suggestion.map(|s| format!(" (did you mean {s}?)")).unwrap_or_default())]
pub struct UnknownCountry {
    pub input: String,
    pub suggestion: Option<&'static str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountryMentionKind {
    Name,
    Demonym,
    Capital,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountryMention {
    pub code: &'static str,
    pub start: usize,
    pub end: usize,
    pub kind: CountryMentionKind,
}

pub fn all() -> &'static [Country] {
    todo!()
}

pub fn by_code(code: &str) -> Option<&'static Country> {
    todo!("{code}")
}

/// What a user typed (`IQ`, `iraq`, `Iraqi`) to a country.
pub fn resolve(input: &str) -> Result<&'static Country, UnknownCountry> {
    todo!("{input}")
}

pub fn find_countries(text: &str) -> Vec<CountryMention> {
    todo!("{text}")
}
