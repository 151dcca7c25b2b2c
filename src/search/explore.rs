//! Exploring a result set rather than reading it: facets (top people,
//! organisations, countries and months), timelines of article counts per
//! period, and the entities that appear together with someone or something.
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
use crate::entity::{EntityKind, Matching, PerKind};
use crate::index::Archive;
use crate::index::schema;

/// The top values of a whole result set, not just the page shown.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Facets {
    /// `people`, `orgs`, `countries`: the most frequent values of each kind.
    #[serde(flatten)]
    pub entities: PerKind<Vec<ValueCount>>,
    /// `YYYY-MM`, most articles first.
    pub months: Vec<ValueCount>,
}

pub(crate) fn facets(
    searcher: &Searcher,
    query: &dyn Query,
    limit: usize,
) -> Result<Facets, SearchError> {
    let mut entities = PerKind::<Vec<ValueCount>>::default();
    for kind in EntityKind::ALL {
        entities[kind] = terms_counts(searcher, query, kind.spec().field, limit)?;
    }
    Ok(Facets {
        entities,
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

/// A value of some kind (a person, an organisation, a country) seen in the
/// same articles as the subject.
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
    /// What the ranking uses: the lift the counts support with 95% confidence,
    /// see [`lift_lower_bound`]. A pair seen twice can have a huge `lift` by
    /// chance, not a large `lift_low`.
    pub lift_low: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct RelatedReport {
    /// Articles matching the subject (and filters).
    pub subject_articles: u64,
    pub all_articles: u64,
    /// `people`, `orgs`, `countries`, each ranked by `lift_low`.
    #[serde(flatten)]
    pub entities: PerKind<Vec<Related>>,
}

/// z for a two-sided 95% interval.
const Z_95: f64 = 1.96;

/// The lower end of the 95% confidence interval of lift: the Wilson score
/// lower bound of `together / subject_articles` (the share of the subject's
/// articles that have the value) divided by the value's share of the whole
/// archive. With many articles it approaches the lift; with few it is small:
/// for a subject of 33 articles in 11,000, a name seen twice and only ever with
/// the subject has lift 333 but `lift_low` 92, while a name in 26 of the
/// subject's articles and 40 overall has lift 217 and `lift_low` 171.
pub fn lift_lower_bound(together: u64, subject: u64, overall: u64, all: u64) -> f64 {
    if subject == 0 || overall == 0 || all == 0 {
        return 0.0;
    }
    let n = subject as f64;
    let p = together as f64 / n;
    let z2 = Z_95 * Z_95;
    let centre = p + z2 / (2.0 * n);
    let spread = Z_95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    let low = ((centre - spread) / (1.0 + z2 / n)).max(0.0);
    low / (overall as f64 / all as f64)
}

/// The people, organisations and countries that co-occur with the subject
/// described by `filters` (e.g. `--person Blinken`), ranked by
/// [`lift_lower_bound`], among values seen together at least `min_together`
/// times. The subject's own values (its person, its country) are left out.
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
    let fields = &archive.fields;
    let mut entities = PerKind::<Vec<Related>>::default();
    for kind in EntityKind::ALL {
        let spec = kind.spec();
        let own: Vec<&str> = filters
            .entities
            .iter()
            .filter(|f| f.kind == kind)
            .map(|f| f.value.as_str())
            .collect();
        let own_tokens: Vec<Vec<String>> = own.iter().map(|v| schema::tokens(v)).collect();
        // A subject `Blinken` leaves out `Antony Blinken`; a country leaves out its code.
        let is_subject = |value: &str| match spec.matching {
            Matching::Code => own.contains(&value),
            Matching::NameWords => {
                let tokens = schema::tokens(value);
                own_tokens
                    .iter()
                    .any(|o| !o.is_empty() && tokens.windows(o.len()).any(|w| w == o.as_slice()))
            }
        };
        let mut out = Vec::new();
        for candidate in terms_counts(&searcher, query.as_ref(), spec.field, 500)? {
            if candidate.articles < min_together || is_subject(&candidate.value) {
                continue;
            }
            let field = fields.by_kind[kind].exact;
            let overall = searcher.search(exact(field, &candidate.value).as_ref(), &Count)? as u64;
            let lift = if subject_articles == 0 || overall == 0 {
                0.0
            } else {
                (candidate.articles as f64 / subject_articles as f64)
                    / (overall as f64 / all_articles.max(1) as f64)
            };
            out.push(Related {
                lift_low: lift_lower_bound(
                    candidate.articles,
                    subject_articles,
                    overall,
                    all_articles,
                ),
                value: candidate.value,
                together: candidate.articles,
                overall,
                lift,
            });
        }
        out.sort_by(|a, b| {
            b.lift_low
                .total_cmp(&a.lift_low)
                .then(b.together.cmp(&a.together))
                .then(a.value.cmp(&b.value))
        });
        out.truncate(limit);
        entities[kind] = out;
    }
    Ok(RelatedReport {
        subject_articles,
        all_articles,
        entities,
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

    /// The case from the field: in an archive of 11,000 articles, a subject of
    /// 33 must not rank names seen twice above one it shares 26 articles with.
    #[test]
    fn a_pair_seen_twice_ranks_below_one_seen_often() {
        let rare = lift_lower_bound(2, 33, 2, 11_000);
        let frequent = lift_lower_bound(26, 33, 40, 11_000);
        assert!(rare < frequent, "{rare} vs {frequent}");
        assert!((90.0..95.0).contains(&rare), "{rare}");
        assert!((168.0..175.0).contains(&frequent), "{frequent}");
        // Large counts: the bound approaches the lift itself (here 2.0).
        let big = lift_lower_bound(5_000, 10_000, 250_000, 1_000_000);
        assert!((1.9..2.0).contains(&big), "{big}");
        assert_eq!(lift_lower_bound(0, 10, 5, 100), 0.0);
        assert_eq!(lift_lower_bound(3, 0, 5, 100), 0.0);
    }
}
