//! Deciding an article's publication date and where it came from.
//!
//! The order of trust: metadata (front matter, HTML meta, a JSON field), then a
//! dateline at the start of the text, then a date in the file's path. A file's
//! modification time is never a publication date: copying an archive would
//! change every article's date.
//!
//! An HTML page's day is weighed by its reader (`formats::html::dates`), which
//! also names `url` (the page's own address) and `byline` (the date shown under
//! the title) as sources; [`Publication::found`] takes it as given, and only a
//! page with no day of its own goes through [`resolve`]. A page from a web
//! crawl (a WARC record) without a day of its own goes through
//! [`resolve_crawled`], where the day it was fetched is the last resort.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::extract::dates::{self, PartialDate};

/// Where a publication date was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    Metadata,
    /// The date in a web page's own address (`/2019/10/21/`).
    Url,
    /// The date a web page shows by its title or byline.
    Byline,
    Dateline,
    Path,
    /// The day a crawler fetched the page (a WARC record's date).
    Crawl,
    None,
}

impl DateSource {
    /// Every source, in the order the README lists them.
    pub const ALL: [DateSource; 7] = [
        DateSource::Metadata,
        DateSource::Url,
        DateSource::Byline,
        DateSource::Dateline,
        DateSource::Path,
        DateSource::Crawl,
        DateSource::None,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Metadata => "metadata",
            DateSource::Url => "url",
            DateSource::Byline => "byline",
            DateSource::Dateline => "dateline",
            DateSource::Path => "path",
            DateSource::Crawl => "crawl",
            DateSource::None => "none",
        }
    }

    /// Where the date came from, in words for a reader of the article.
    pub fn description(self) -> &'static str {
        match self {
            DateSource::Metadata => {
                "the file's own metadata (front matter, a JSON field or the page's markup)"
            }
            DateSource::Url => "the date in the article's web address",
            DateSource::Byline => "the date the page shows by its title or byline",
            DateSource::Dateline => "the dateline at the start of the text",
            DateSource::Path => "the date in the file's name or folder",
            DateSource::Crawl => {
                "the day a web crawler fetched the page (the page gives no date of its own)"
            }
            DateSource::None => "nowhere: the article's date is not known",
        }
    }

    /// The source [`DateSource::as_str`] names.
    pub fn parse(name: &str) -> Option<DateSource> {
        DateSource::ALL.into_iter().find(|d| d.as_str() == name)
    }
}

/// The publication date of one article, as far as it is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Publication {
    /// The day, when it is known to the day.
    pub date: Option<NaiveDate>,
    /// The month (`YYYY-MM`) when at least that is known.
    pub month: Option<String>,
    /// A date known without its year (`--11-05`, ISO 8601's form for month and day).
    pub partial: Option<String>,
    pub source: DateSource,
    /// Why a metadata date was not trusted, for the ingest report.
    pub warning: Option<String>,
}

/// Works out the publication date from the metadata value (if any), the body
/// (for a dateline) and the file's path.
pub fn resolve(metadata: Option<&str>, body: &str, path: &str) -> Publication {
    let mut warning = None;
    if let Some(raw) = metadata.map(str::trim).filter(|s| !s.is_empty()) {
        match dates::parse_metadata_date(raw) {
            Ok(date) => return Publication::day(date, DateSource::Metadata, None),
            Err(err) => warning = Some(format!("metadata date ignored: {err}")),
        }
    }
    let from_path = dates::date_from_path(path);
    if let Some(dateline) = dates::parse_dateline(body) {
        let year = dateline
            .year
            .or_else(|| from_path.map(|p| closest_year(p, dateline.month, dateline.day)));
        match year.and_then(|y| NaiveDate::from_ymd_opt(y, dateline.month, dateline.day)) {
            Some(date) => return Publication::day(date, DateSource::Dateline, warning),
            None if year.is_none() => {
                return Publication {
                    date: None,
                    month: None,
                    partial: Some(format!("--{:02}-{:02}", dateline.month, dateline.day)),
                    source: DateSource::Dateline,
                    warning,
                };
            }
            None => {}
        }
    }
    match from_path {
        Some(PartialDate::Day(date)) => Publication::day(date, DateSource::Path, warning),
        Some(PartialDate::Month { year, month }) => Publication {
            date: None,
            month: Some(format!("{year:04}-{month:02}")),
            partial: None,
            source: DateSource::Path,
            warning,
        },
        _ => Publication {
            date: None,
            month: None,
            partial: None,
            source: DateSource::None,
            warning,
        },
    }
}

/// The publication date of a crawled page that gave no day of its own: a
/// metadata value the page's reader could not weigh, then a dateline (its year,
/// when missing, the one closest to the crawl), then the day it was fetched.
/// The path of the crawl file is not used: its date is the crawl's, for all of
/// its pages, and the record's own date says that more precisely.
pub fn resolve_crawled(metadata: Option<&str>, body: &str, crawled: NaiveDate) -> Publication {
    let mut warning = None;
    if let Some(raw) = metadata.map(str::trim).filter(|s| !s.is_empty()) {
        match dates::parse_metadata_date(raw) {
            Ok(date) => return Publication::day(date, DateSource::Metadata, None),
            Err(err) => warning = Some(format!("metadata date ignored: {err}")),
        }
    }
    if let Some(dateline) = dates::parse_dateline(body) {
        let year = dateline.year.unwrap_or_else(|| {
            closest_year(PartialDate::Day(crawled), dateline.month, dateline.day)
        });
        if let Some(date) = NaiveDate::from_ymd_opt(year, dateline.month, dateline.day) {
            return Publication::day(date, DateSource::Dateline, warning);
        }
    }
    Publication::day(crawled, DateSource::Crawl, warning)
}

impl Publication {
    /// A day the file's reader decided, from the source it names.
    pub fn found(date: NaiveDate, source: DateSource) -> Publication {
        Publication::day(date, source, None)
    }

    fn day(date: NaiveDate, source: DateSource, warning: Option<String>) -> Publication {
        Publication {
            date: Some(date),
            month: Some(format!("{:04}-{:02}", date.year(), date.month())),
            partial: None,
            source,
            warning,
        }
    }
}

/// The year for a dateline's month and day that lands closest to the date the
/// path gives: a `2024/01/` folder with a `Dec. 31` dateline means 2023.
fn closest_year(path_date: PartialDate, month: u32, day: u32) -> i32 {
    let anchor = path_date.first_day();
    let base = anchor.year();
    [base - 1, base, base + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day).map(|d| (y, d)))
        .min_by_key(|(_, d)| (*d - anchor).num_days().abs())
        .map(|(y, _)| y)
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    /// Metadata date, body, path; expected day and source.
    type Case<'a> = (
        Option<&'a str>,
        &'a str,
        &'a str,
        Option<NaiveDate>,
        DateSource,
    );

    #[test]
    fn publication_date_sources_in_order_of_trust() {
        let cases: &[Case] = &[
            (
                Some("2023-11-05"),
                "BAGHDAD, Nov. 7 (Wire) - x",
                "2022/01/a.txt",
                ymd(2023, 11, 5),
                DateSource::Metadata,
            ),
            (
                None,
                "BAGHDAD, Nov. 5 (Wire) - x",
                "corpus/2023/11/a.txt",
                ymd(2023, 11, 5),
                DateSource::Dateline,
            ),
            (
                None,
                "LONDON, March 14, 2024 (Wire) - x",
                "wires/a.txt",
                ymd(2024, 3, 14),
                DateSource::Dateline,
            ),
            (
                None,
                "PARIS, Dec. 31 (Wire) - x",
                "2024/01/a.txt",
                ymd(2023, 12, 31),
                DateSource::Dateline,
            ),
            (
                None,
                "No dateline here.",
                "2024/06/2024-06-18-heat.txt",
                ymd(2024, 6, 18),
                DateSource::Path,
            ),
            (
                Some("2023-02-30"),
                "Nothing.",
                "2024/06/2024-06-18-heat.txt",
                ymd(2024, 6, 18),
                DateSource::Path,
            ),
            (None, "Nothing.", "misc/a.txt", None, DateSource::None),
        ];
        for (meta, body, path, date, source) in cases {
            let p = resolve(*meta, body, path);
            assert_eq!(
                (p.date, p.source),
                (*date, *source),
                "{meta:?} {body:?} {path:?}"
            );
        }
    }

    #[test]
    fn every_date_source_round_trips_through_its_name() {
        let names: Vec<&str> = DateSource::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(
            names,
            [
                "metadata", "url", "byline", "dateline", "path", "crawl", "none"
            ]
        );
        for source in DateSource::ALL {
            assert_eq!(DateSource::parse(source.as_str()), Some(source));
        }
        assert_eq!(DateSource::parse("mtime"), None);
    }

    #[test]
    fn a_bad_metadata_date_is_reported() {
        let p = resolve(Some("99/99/99"), "text", "a.txt");
        assert!(p.warning.unwrap_or_default().contains("99/99/99"));
    }

    #[test]
    fn a_dateline_without_any_year_is_kept_as_month_and_day() {
        let p = resolve(None, "CAIRO, Feb. 2 (Wire) - Talks.", "misc/a.txt");
        assert_eq!(p.date, None);
        assert_eq!(p.partial.as_deref(), Some("--02-02"));
        assert_eq!(p.source, DateSource::Dateline);
    }

    #[test]
    fn a_crawled_page_falls_back_on_its_crawl_day_last() {
        let crawled = NaiveDate::from_ymd_opt(2024, 1, 3).expect("a day");
        // Metadata, body; expected day and source.
        let cases: &[(Option<&str>, &str, Option<NaiveDate>, DateSource)] = &[
            (
                Some("2023-12-30"),
                "Text.",
                ymd(2023, 12, 30),
                DateSource::Metadata,
            ),
            (
                None,
                "PARIS, Dec. 31 (Wire) - x",
                ymd(2023, 12, 31),
                DateSource::Dateline,
            ),
            (
                None,
                "LIMA, May 2, 2019 (Wire) - x",
                ymd(2019, 5, 2),
                DateSource::Dateline,
            ),
            (None, "No date here.", ymd(2024, 1, 3), DateSource::Crawl),
            (
                Some("not a date"),
                "Nothing.",
                ymd(2024, 1, 3),
                DateSource::Crawl,
            ),
        ];
        for (meta, body, date, source) in cases {
            let p = resolve_crawled(*meta, body, crawled);
            assert_eq!((p.date, p.source), (*date, *source), "{meta:?} {body:?}");
        }
        assert!(
            resolve_crawled(Some("not a date"), "x", crawled)
                .warning
                .is_some()
        );
    }

    #[test]
    fn a_month_folder_gives_the_month_only() {
        let p = resolve(None, "Plain text.", "corpus/2024/06/a.txt");
        assert_eq!(p.date, None);
        assert_eq!(p.month.as_deref(), Some("2024-06"));
        assert_eq!(p.source, DateSource::Path);
    }
}
