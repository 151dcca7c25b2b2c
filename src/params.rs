//! What people type for filters, dates, sorts, periods and counts, checked once
//! and turned into the search module's request values. The command line's flags
//! (`cli::args`) and the HTTP API's query parameters (`serve`) both parse through
//! here, so a value means the same thing, and is refused with the same words,
//! whichever way it came in.
//!
//! It does not know where the text came from: the caller says which flag or
//! parameter a message is about.

use chrono::NaiveDate;

use crate::entity::{EntityKind, Matching, PerKind};
use crate::extract::countries;
use crate::extract::dates::PartialDate;
use crate::search::explore::Period;
use crate::search::{EntityFilter, Filters, SortOrder};

/// Defaults shared by the command line and the API, where a request leaves them out.
pub mod defaults {
    /// Results per page of a search.
    pub const SEARCH_LIMIT: usize = 10;
    /// Entries of `people`, `orgs` and `countries`.
    pub const LIST_LIMIT: usize = 25;
    /// Entries per list of `related`.
    pub const RELATED_LIMIT: usize = 15;
    /// Fewest articles shared with the subject for a value to appear in `related`.
    pub const RELATED_MIN_COUNT: u64 = 2;
    /// Values of each kind, and months, in a search's facets.
    pub const FACET_SIZE: usize = 10;
    /// Values of each kind in `stats`.
    pub const STATS_TOP: usize = 10;
}

/// The sort orders by the names users type, in the order `--help` lists them.
pub const SORTS: [(&str, SortOrder); 3] = [
    ("relevance", SortOrder::Relevance),
    ("newest", SortOrder::Newest),
    ("oldest", SortOrder::Oldest),
];

/// The timeline periods by the names users type.
pub const PERIODS: [(&str, Period); 4] = [
    ("year", Period::Year),
    ("month", Period::Month),
    ("week", Period::Week),
    ("day", Period::Day),
];

/// A date as users type it: `2023`, `2023-11` or `2023-11-05`.
pub fn date(s: &str) -> Result<PartialDate, String> {
    PartialDate::parse_iso(s).map_err(|_| {
        format!("{s:?} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2023, 2023-11 or 2023-11-05)")
    })
}

/// A person's or organisation's name, or a part of one.
pub fn name(s: &str) -> Result<String, String> {
    if crate::index::schema::tokens(s).is_empty() {
        return Err(format!(
            "{s:?} has no letters or digits (expected a name or part of one)"
        ));
    }
    Ok(s.to_string())
}

/// A country as a code, name or demonym, resolved to its ISO code (`iraq` is `IQ`).
pub fn country(s: &str) -> Result<String, String> {
    countries::resolve(s)
        .map(|c| c.code.to_string())
        .map_err(|e| format!("{e} (expected an ISO code such as IQ, a name such as Iraq, or a demonym such as Iraqi)"))
}

/// A value of an entity kind's filter: a name, or a country resolved to its code.
pub fn entity_value(kind: EntityKind, s: &str) -> Result<String, String> {
    match kind.spec().matching {
        Matching::Code => country(s),
        Matching::NameWords => name(s),
    }
}

pub fn sort(s: &str) -> Result<SortOrder, String> {
    one_of(s, &SORTS)
}

pub fn period(s: &str) -> Result<Period, String> {
    one_of(s, &PERIODS)
}

/// A count such as a limit or an offset: a whole number, zero or more.
pub fn count(s: &str) -> Result<usize, String> {
    s.trim()
        .parse::<usize>()
        .map_err(|_| format!("{s:?} is not a whole number (expected 0, 1, 2, ...)"))
}

/// A count of at least one.
pub fn positive(s: &str) -> Result<usize, String> {
    match count(s) {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("{s:?} is not a positive whole number")),
    }
}

fn one_of<T: Copy>(s: &str, table: &[(&str, T)]) -> Result<T, String> {
    let wanted = s.trim().to_ascii_lowercase();
    table
        .iter()
        .find(|(name, _)| *name == wanted)
        .map(|(_, value)| *value)
        .ok_or_else(|| {
            let names: Vec<&str> = table.iter().map(|(name, _)| *name).collect();
            format!("{s:?} is not one of {}", names.join(", "))
        })
}

/// The filters of one request, each value already checked by the parsers above.
#[derive(Clone, Debug, Default)]
pub struct FilterValues {
    /// The values of each kind's filter (`person`); countries as codes.
    pub entities: PerKind<Vec<String>>,
    /// The values of each kind's about filter (`about`); countries as codes.
    pub about: PerKind<Vec<String>>,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    pub on: Option<PartialDate>,
    pub mentions: Vec<PartialDate>,
}

/// Filters that are each well formed but do not go together.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    #[error(
        "{prefix}on cannot be combined with {prefix}from or {prefix}to (expected either one day, month or year, or a range)"
    )]
    OnWithRange { prefix: &'static str },
    #[error(
        "{prefix}from {from} is after {prefix}to {to} (expected {prefix}from to be the earlier date)"
    )]
    FromAfterTo {
        prefix: &'static str,
        from: PartialDate,
        to: PartialDate,
    },
}

impl FilterValues {
    /// The search module's filters. `prefix` is what goes before a filter's name
    /// in messages: `--` for flags, nothing for query parameters.
    pub fn filters(&self, prefix: &'static str) -> Result<Filters, FilterError> {
        let published = match (self.on, self.from, self.to) {
            (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
                return Err(FilterError::OnWithRange { prefix });
            }
            (Some(on), None, None) => Some((on.first_day(), on.last_day())),
            (None, None, None) => None,
            (None, from, to) => {
                let first = from.map(PartialDate::first_day).unwrap_or(NaiveDate::MIN);
                let last = to.map(PartialDate::last_day).unwrap_or(NaiveDate::MAX);
                if let (Some(from), Some(to)) = (from, to)
                    && first > last
                {
                    return Err(FilterError::FromAfterTo { prefix, from, to });
                }
                Some((first, last))
            }
        };
        let mut entities = Vec::new();
        for kind in EntityKind::ALL {
            for (values, about) in [(&self.entities[kind], false), (&self.about[kind], true)] {
                entities.extend(values.iter().map(|value| EntityFilter {
                    kind,
                    value: value.clone(),
                    about,
                }));
            }
        }
        Ok(Filters {
            entities,
            published,
            mentions: self.mentions.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_name_the_expected_forms() {
        let cases: &[(&str, bool)] = &[
            ("2023", true),
            ("2023-11", true),
            ("2023-11-05", true),
            ("2023-13", false),
            ("2023-02-30", false),
            ("yesterday", false),
            ("", false),
        ];
        for (input, ok) in cases {
            let parsed = date(input);
            assert_eq!(parsed.is_ok(), *ok, "{input}: {parsed:?}");
            if let Err(message) = parsed {
                assert!(message.contains("YYYY-MM-DD"), "{message}");
            }
        }
    }

    #[test]
    fn countries_resolve_to_codes_or_say_what_is_expected() {
        assert_eq!(country("iraq"), Ok("IQ".to_string()));
        assert_eq!(country("Iraqi"), Ok("IQ".to_string()));
        let message = country("Atlantis").unwrap_err();
        assert!(message.contains("expected an ISO code"), "{message}");
    }

    #[test]
    fn names_need_a_letter_or_digit() {
        assert!(name("al-Sudani").is_ok());
        assert!(name("--").is_err());
    }

    #[test]
    fn sorts_periods_and_counts() {
        assert_eq!(sort("Newest"), Ok(SortOrder::Newest));
        assert_eq!(
            sort("latest").unwrap_err(),
            "\"latest\" is not one of relevance, newest, oldest"
        );
        assert_eq!(period("week"), Ok(Period::Week));
        assert!(period("fortnight").is_err());
        assert_eq!(count("0"), Ok(0));
        assert!(count("abc").unwrap_err().contains("whole number"));
        assert!(count("-1").is_err());
        assert!(positive("0").is_err());
        assert_eq!(positive("3"), Ok(3));
    }

    #[test]
    fn filters_check_the_range() {
        let d = |s| date(s).expect("date");
        let values = FilterValues {
            from: Some(d("2024")),
            to: Some(d("2023-06")),
            ..FilterValues::default()
        };
        assert_eq!(
            values.filters("--").unwrap_err().to_string(),
            "--from 2024 is after --to 2023-06 (expected --from to be the earlier date)"
        );
        let values = FilterValues {
            on: Some(d("2023")),
            to: Some(d("2023")),
            ..FilterValues::default()
        };
        assert!(matches!(
            values.filters(""),
            Err(FilterError::OnWithRange { .. })
        ));
        let values = FilterValues {
            from: Some(d("2023-11")),
            ..FilterValues::default()
        };
        let published = values.filters("").expect("filters").published;
        assert_eq!(
            published,
            Some((
                NaiveDate::from_ymd_opt(2023, 11, 1).expect("day"),
                NaiveDate::MAX
            ))
        );
    }
}
