//! Dates: finding and normalising the dates an article talks about, and parsing
//! publication dates from metadata, datelines and paths.
//!
//! CONTRACT (to be implemented): signatures below are used by the rest of the crate.

use chrono::NaiveDate;
use std::fmt;

/// A calendar date at the precision the source gave: a year, a month or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartialDate {
    Year(i32),
    Month { year: i32, month: u32 },
    Day(NaiveDate),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Granularity {
    Year,
    Month,
    Day,
}

/// Why a date given by a user or by metadata could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{input:?} is not a date (expected {expected})")]
pub struct DateParseError {
    pub input: String,
    pub expected: &'static str,
}

impl PartialDate {
    /// Strict ISO form typed by a user: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Result<PartialDate, DateParseError> {
        todo!("{s}")
    }
    pub fn first_day(self) -> NaiveDate {
        todo!()
    }
    pub fn last_day(self) -> NaiveDate {
        todo!()
    }
    pub fn granularity(self) -> Granularity {
        todo!()
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let _ = f;
        todo!()
    }
}

/// A date found in text: its value and the byte span it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    pub value: PartialDate,
    pub start: usize,
    pub end: usize,
}

/// Every date expression in `text`, resolved against `anchor` (the publication date).
pub fn find_dates(text: &str, anchor: Option<NaiveDate>) -> Vec<DateMention> {
    todo!("{text}{anchor:?}")
}

/// A publication date from metadata (front matter, HTML meta, JSON field).
pub fn parse_metadata_date(s: &str) -> Result<NaiveDate, DateParseError> {
    todo!("{s}")
}

/// `BAGHDAD, Nov. 5 (Reuters) -` at the start of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    pub place: String,
    pub month: u32,
    pub day: u32,
    pub year: Option<i32>,
    /// Byte length of the dateline prefix in the text.
    pub len: usize,
}

pub fn parse_dateline(text: &str) -> Option<Dateline> {
    todo!("{text}")
}

/// A date in a file path: `2023/11/05/...`, `2023-11-05-slug.md`, `2023/11/slug.txt`.
pub fn date_from_path(path: &str) -> Option<PartialDate> {
    todo!("{path}")
}
