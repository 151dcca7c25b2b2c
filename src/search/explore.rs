//! Exploring a result set rather than reading it: facets (top people,
//! countries and months), timelines of article counts per period, and the
//! people and countries that appear together with someone or somewhere.
//!
//! Everything here is computed from the index's fast fields and term counts,
//! never by loading the documents themselves.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
use tantivy::Searcher;
use tantivy::collector::Count;
use tantivy::query::Query;

use super::{Filters, SearchError, ValueCount, aggregate, build_query, exact, terms_counts};
use crate::index::Archive;
use crate::index::schema;

/// The top values of a whole result set, not just the page shown.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Facets {
    pub people: Vec<ValueCount>,
    pub countries: Vec<ValueCount>,
    /// `YYYY-MM`, most articles first.
    pub months: Vec<ValueCount>,
}

pub(crate) fn facets(
    searcher: &Searcher,
    query: &dyn Query,
    limit: usize,
) -> Result<Facets, SearchError> {
    Ok(Facets {
        people: terms_counts(searcher, query, schema::PEOPLE, limit)?,
        countries: terms_counts(searcher, query, schema::COUNTRIES, limit)?,
        months: terms_counts(searcher, query, schema::PUBLISHED_MONTH, limit)?,
    })
}

/// The length of one bar of a timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Year,
    Month,
    Week,
    Day,
}

/// Articles published in one period; `period` is `2023`, `2023-11`,
/// `2023-W45` (ISO week) or `2023-11-05`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PeriodCount {
    pub period: String,
    pub articles: u64,
}

/// Article counts per period for everything matching the query and filters,
/// from the first to the last period with articles, empty periods included.
/// Articles without a known publication month are not counted.
pub fn timeline(
    archive: &Archive,
    query_text: Option<&str>,
    filters: &Filters,
    by: Period,
) -> Result<Vec<PeriodCount>, SearchError> {
    let searcher = archive.searcher()?;
    let query = build_query(archive, query_text, filters)?;
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let mut first_and_last: Option<(NaiveDate, NaiveDate)> = None;
    let mut note = |day: NaiveDate, key: String, n: u64| {
        *counts.entry(key).or_default() += n;
        first_and_last = Some(match first_and_last {
            None => (day, day),
            Some((a, b)) => (a.min(day), b.max(day)),
        });
    };
    match by {
        Period::Year | Period::Month => {
            // Months come from the month field, which also knows articles
            // whose path gave only a month.
            for month in terms_counts(
                &searcher,
                query.as_ref(),
                schema::PUBLISHED_MONTH,
                1_000_000,
            )? {
                let Some(day) =
                    NaiveDate::parse_from_str(&format!("{}-01", month.value), "%Y-%m-%d").ok()
                else {
                    continue;
                };
                note(day, period_key(day, by), month.articles);
            }
        }
        Period::Week | Period::Day => {
            for (day, n) in day_counts(&searcher, query.as_ref())? {
                note(day, period_key(day, by), n);
            }
        }
    }
    let Some((first, last)) = first_and_last else {
        return Ok(Vec::new());
    };
    let mut series = Vec::new();
    let mut day = period_start(first, by);
    while day <= last {
        let key = period_key(day, by);
        series.push(PeriodCount {
            articles: counts.get(&key).copied().unwrap_or(0),
            period: key,
        });
        day = next_period(day, by);
    }
    Ok(series)
}

/// Articles per publication day, from a fixed one-day histogram over the date
/// fast field.
fn day_counts(
    searcher: &Searcher,
    query: &dyn Query,
) -> Result<Vec<(NaiveDate, u64)>, SearchError> {
    let request = serde_json::json!({
        "days": {"date_histogram": {"field": schema::PUBLISHED, "fixed_interval": "1d", "min_doc_count": 1}}
    });
    let json = aggregate(searcher, query, request)?;
    Ok(json["days"]["buckets"]
        .as_array()
        .map(|buckets| {
            buckets
                .iter()
                .filter_map(|b| {
                    let millis = b["key"].as_f64()? as i64;
                    let day = chrono::DateTime::from_timestamp_millis(millis)?.date_naive();
                    Some((day, b["doc_count"].as_u64()?))
                })
                .collect()
        })
        .unwrap_or_default())
}

fn period_key(day: NaiveDate, by: Period) -> String {
    match by {
        Period::Year => format!("{:04}", day.year()),
        Period::Month => format!("{:04}-{:02}", day.year(), day.month()),
        Period::Week => {
            let week = day.iso_week();
            format!("{:04}-W{:02}", week.year(), week.week())
        }
        Period::Day => day.format("%Y-%m-%d").to_string(),
    }
}

fn period_start(day: NaiveDate, by: Period) -> NaiveDate {
    match by {
        Period::Year => NaiveDate::from_ymd_opt(day.year(), 1, 1).unwrap_or(day),
        Period::Month => day.with_day(1).unwrap_or(day),
        Period::Week => day - Duration::days(i64::from(day.weekday().num_days_from_monday())),
        Period::Day => day,
    }
}

fn next_period(day: NaiveDate, by: Period) -> NaiveDate {
    let next = match by {
        Period::Year => NaiveDate::from_ymd_opt(day.year() + 1, 1, 1),
        Period::Month => day.checked_add_months(chrono::Months::new(1)),
        Period::Week => day.checked_add_signed(Duration::days(7)),
        Period::Day => day.succ_opt(),
    };
    // Past the end of the calendar there is nothing left to count.
    next.unwrap_or(NaiveDate::MAX)
}

/// A person or country seen in the same articles as the subject.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Related {
    pub value: String,
    /// Articles with both the subject and this value.
    pub together: u64,
    /// Articles with this value in the whole archive.
    pub overall: u64,
    /// How many times more often than chance they appear together:
    /// `(together / subject_articles) / (overall / all_articles)`.
    pub lift: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct RelatedReport {
    /// Articles matching the subject (and filters).
    pub subject_articles: u64,
    pub all_articles: u64,
    pub people: Vec<Related>,
    pub countries: Vec<Related>,
}

/// People and countries that co-occur with the subject described by `filters`
/// (e.g. `--person Blinken`), ranked by lift, among values seen together at
/// least `min_together` times. The subject's own values (its person, its
/// country) are left out.
pub fn related(
    archive: &Archive,
    filters: &Filters,
    limit: usize,
    min_together: u64,
) -> Result<RelatedReport, SearchError> {
    let searcher = archive.searcher()?;
    let query = build_query(archive, None, filters)?;
    let subject_articles = searcher.search(query.as_ref(), &Count)? as u64;
    let all_articles = searcher.num_docs();
    let own_tokens: Vec<Vec<String>> = filters.people.iter().map(|p| schema::tokens(p)).collect();
    let rank = |field_name: &str,
                field,
                skip: &dyn Fn(&str) -> bool|
     -> Result<Vec<Related>, SearchError> {
        let mut out = Vec::new();
        for candidate in terms_counts(&searcher, query.as_ref(), field_name, 500)? {
            if candidate.articles < min_together || skip(&candidate.value) {
                continue;
            }
            let overall = searcher.search(exact(field, &candidate.value).as_ref(), &Count)? as u64;
            let lift = if subject_articles == 0 || overall == 0 {
                0.0
            } else {
                (candidate.articles as f64 / subject_articles as f64)
                    / (overall as f64 / all_articles.max(1) as f64)
            };
            out.push(Related {
                value: candidate.value,
                together: candidate.articles,
                overall,
                lift,
            });
        }
        out.sort_by(|a, b| {
            b.lift
                .total_cmp(&a.lift)
                .then(b.together.cmp(&a.together))
                .then(a.value.cmp(&b.value))
        });
        out.truncate(limit);
        Ok(out)
    };
    let is_subject_person = |name: &str| {
        let tokens = schema::tokens(name);
        own_tokens
            .iter()
            .any(|own| !own.is_empty() && tokens.windows(own.len()).any(|w| w == own.as_slice()))
    };
    let fields = &archive.fields;
    let people = rank(schema::PEOPLE, fields.people, &is_subject_person)?;
    let is_subject_country = |code: &str| {
        filters
            .countries
            .iter()
            .chain(&filters.about)
            .any(|c| c == code)
    };
    let countries = rank(schema::COUNTRIES, fields.countries, &is_subject_country)?;
    Ok(RelatedReport {
        subject_articles,
        all_articles,
        people,
        countries,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn period_keys_and_steps() {
        let cases: &[(NaiveDate, Period, &str, NaiveDate)] = &[
            (
                ymd(2023, 11, 5),
                Period::Day,
                "2023-11-05",
                ymd(2023, 11, 6),
            ),
            (
                ymd(2023, 11, 5),
                Period::Week,
                "2023-W44",
                ymd(2023, 11, 12),
            ),
            (ymd(2023, 11, 5), Period::Month, "2023-11", ymd(2023, 12, 5)),
            (ymd(2023, 12, 1), Period::Month, "2023-12", ymd(2024, 1, 1)),
            (ymd(2023, 11, 5), Period::Year, "2023", ymd(2024, 1, 1)),
            (ymd(2024, 12, 30), Period::Week, "2025-W01", ymd(2025, 1, 6)),
        ];
        for (day, by, key, next) in cases {
            assert_eq!(period_key(*day, *by), *key, "{day} {by:?}");
            assert_eq!(next_period(*day, *by), *next, "{day} {by:?}");
        }
        assert_eq!(
            period_start(ymd(2023, 11, 5), Period::Week),
            ymd(2023, 10, 30)
        );
    }
}
