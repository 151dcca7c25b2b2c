//! Dates as web pages write them: attribute and metadata values
//! (`2019-10-21T08:00:00+0200`, `20200924T15:04:34Z`, epoch seconds,
//! `Tue Jul 30 09:35:14 CEST 2019`), visible text in the languages pages are
//! written in (`29. Januar 2019`, `le 3 mars 2020`, `3 de marzo de 2020`,
//! `16.12.2012`, `2020年7月13日`) and the date in a page's own address
//! (`/2019/10/21/`, `/20191021/`).
//!
//! It owns the reading of one value or one stretch of text. Which of a page's
//! dates is its publication date is decided by the HTML reader
//! (`ingest::formats::html::dates`), which knows where each value came from.
//!
//! Numeric dates whose day and month could be swapped (`01-11-2023`) are read
//! in the page's order ([`DayOrder`]) and carry the other reading in
//! [`WebDate::alt`], so the caller can let other dates on the page decide. A
//! `.` separator is always day first (`16.12.2012`): no page writes month
//! first with dots.

use std::ops::RangeInclusive;
use std::sync::LazyLock;

use chrono::{DateTime, Datelike, NaiveDate, Timelike};
use regex::{Captures, Regex};

use super::{PartialDate, month_from_name, num, parse_metadata_date};
use crate::text::folded_lower;

/// Years a web page's publication date can fall in: the web is younger than
/// 1990, and a later year is a typo or a placeholder (`9999-12-31`).
pub const PAGE_YEARS: RangeInclusive<i32> = 1990..=2099;

/// Which number comes first in an ambiguous numeric date (`01-11-2023`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayOrder {
    DayFirst,
    MonthFirst,
}

impl DayOrder {
    /// The order a language tag (`<html lang>`, `og:locale`) implies: month
    /// first for US English and the languages of countries that follow it
    /// (`en-US`, `en_PH`, `fil`), and for a bare `en`, where American pages
    /// outnumber the rest; day first for every other language. `None` when
    /// the tag says nothing.
    pub fn for_language(tag: &str) -> Option<DayOrder> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = tag.split('-');
        let lang = parts.next().filter(|l| !l.is_empty())?;
        let region = parts.next();
        Some(match (lang, region) {
            ("en", None | Some("us" | "ph" | "ca")) | ("fil", _) => DayOrder::MonthFirst,
            _ => DayOrder::DayFirst,
        })
    }
}

/// A date read from a page value or text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WebDate {
    pub date: NaiveDate,
    /// The other reading of an ambiguous numeric date (`01-11-2023` read the
    /// other way round), when it is a date too.
    pub alt: Option<NaiveDate>,
    /// The hour, when the value is a time of day in UTC (`Z`, `+00:00`,
    /// `GMT`, an epoch): where the page was published the calendar day may be
    /// another ([`WebDate::local_day_may_be`]).
    pub utc_hour: Option<u32>,
}

impl WebDate {
    fn plain(date: NaiveDate) -> WebDate {
        WebDate {
            date,
            alt: None,
            utc_hour: None,
        }
    }

    /// Whether `day` may be this UTC time's calendar day where the page was
    /// published, with local time between UTC-10 and UTC+14: the day before
    /// for a time before 10:00, the day after for one from 10:00 on.
    pub fn local_day_may_be(&self, day: NaiveDate) -> bool {
        let Some(hour) = self.utc_hour else {
            return false;
        };
        let before = self.date.pred_opt() == Some(day);
        let after = self.date.succ_opt() == Some(day);
        (before && hour < 10) || (after && hour >= 10)
    }
}

/// A date found in text, with the byte span it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextDate {
    pub found: WebDate,
    pub start: usize,
    pub end: usize,
}

/// Month names and abbreviations in the languages pages are written in,
/// lowercase with accents folded ([`folded_lower`]); English ones come from
/// [`month_from_name`]. Polish and Russian give the genitive, the form dates
/// use (`3 marca`). A word two languages give different months is left out.
#[rustfmt::skip]
const MONTH_WORDS: &[(&str, u32)] = &[
    // German, Dutch, Scandinavian
    ("januar", 1), ("janner", 1), ("januari", 1), ("jan", 1), ("februar", 2), ("februari", 2),
    ("feber", 2), ("marz", 3), ("maerz", 3), ("mrz", 3), ("maart", 3), ("mrt", 3), ("mars", 3),
    ("mai", 5), ("mei", 5), ("maj", 5), ("juni", 6), ("juli", 7), ("augustus", 8),
    ("augusti", 8), ("oktober", 10), ("okt", 10), ("dezember", 12), ("dez", 12),
    ("desember", 12), ("des", 12),
    // French
    ("janvier", 1), ("janv", 1), ("fevrier", 2), ("fevr", 2), ("fev", 2), ("avril", 4),
    ("avr", 4), ("juin", 6), ("juillet", 7), ("juil", 7), ("aout", 8), ("septembre", 9),
    ("octobre", 10), ("novembre", 11), ("decembre", 12),
    // Spanish, Italian, Portuguese
    ("enero", 1), ("ene", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("abr", 4),
    ("mayo", 5), ("junio", 6), ("julio", 7), ("agosto", 8), ("ago", 8), ("septiembre", 9),
    ("setiembre", 9), ("octubre", 10), ("noviembre", 11), ("diciembre", 12), ("dic", 12),
    ("gennaio", 1), ("gen", 1), ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("mag", 5),
    ("giugno", 6), ("giu", 6), ("luglio", 7), ("lug", 7), ("settembre", 9), ("set", 9),
    ("ottobre", 10), ("ott", 10), ("dicembre", 12), ("janeiro", 1), ("fevereiro", 2),
    ("marco", 3), ("maio", 5), ("junho", 6), ("julho", 7), ("setembro", 9), ("outubro", 10),
    ("out", 10), ("novembro", 11), ("dezembro", 12),
    // Polish, Czech
    ("stycznia", 1), ("lutego", 2), ("marca", 3), ("kwietnia", 4), ("maja", 5),
    ("czerwca", 6), ("lipca", 7), ("sierpnia", 8), ("wrzesnia", 9), ("pazdziernika", 10),
    ("listopada", 11), ("grudnia", 12), ("ledna", 1), ("unora", 2), ("brezna", 3),
    ("dubna", 4), ("kvetna", 5), ("cervna", 6), ("cervence", 7), ("srpna", 8), ("zari", 9),
    ("rijna", 10),
    // Turkish, Indonesian, Romanian, Hungarian
    ("ocak", 1), ("subat", 2), ("mart", 3), ("nisan", 4), ("mayis", 5), ("haziran", 6),
    ("temmuz", 7), ("agustos", 8), ("eylul", 9), ("ekim", 10), ("kasim", 11), ("aralik", 12),
    ("maret", 3), ("agustus", 8), ("ianuarie", 1), ("februarie", 2),
    ("martie", 3), ("aprilie", 4), ("iunie", 6), ("iulie", 7), ("septembrie", 9),
    ("octombrie", 10), ("noiembrie", 11), ("decembrie", 12),
    ("marcius", 3), ("aprilis", 4), ("majus", 5), ("junius", 6), ("julius", 7),
    ("augusztus", 8), ("szeptember", 9),
    // Russian, Ukrainian (genitive)
    ("января", 1), ("февраля", 2), ("марта", 3), ("апреля", 4), ("мая", 5), ("июня", 6),
    ("июля", 7), ("августа", 8), ("сентября", 9), ("октября", 10), ("ноября", 11),
    ("декабря", 12), ("січня", 1), ("лютого", 2), ("березня", 3), ("квітня", 4),
    ("травня", 5), ("червня", 6), ("липня", 7), ("серпня", 8), ("вересня", 9),
    ("жовтня", 10), ("листопада", 11), ("грудня", 12),
];

/// The month a month word in any of the pages' languages stands for:
/// `März`, `févr.`, `września`, `Oct`.
pub fn month_from_any_name(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    if let Some(m) = month_from_name(word) {
        return Some(m);
    }
    let folded = folded_lower(word);
    MONTH_WORDS
        .iter()
        .find(|(w, _)| *w == folded)
        .map(|&(_, m)| m)
}

fn page_day(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    PAGE_YEARS
        .contains(&year)
        .then(|| NaiveDate::from_ymd_opt(year, month, day))
        .flatten()
}

/// A numeric date whose first two numbers may be day and month either way;
/// `dot` dates are always day first.
fn numeric(a: u32, b: u32, year: i32, order: DayOrder, dot: bool) -> Option<WebDate> {
    let day_first = page_day(year, b, a);
    let month_first = page_day(year, a, b);
    let (date, alt) = match (order, dot) {
        (_, true) => (day_first?, None),
        (DayOrder::DayFirst, false) => (day_first.or(month_first)?, month_first),
        (DayOrder::MonthFirst, false) => (month_first.or(day_first)?, day_first),
    };
    Some(WebDate {
        date,
        alt: alt.filter(|&alt| alt != date),
        utc_hour: None,
    })
}

/// Two-digit years only in dotted dates (`03.05.13`), read as 20xx: older
/// pages of the web wrote four digits.
fn year_of(caps: &Captures<'_>, group: &str) -> Option<i32> {
    let y = caps.name(group)?.as_str();
    let n: i32 = y.parse().ok()?;
    Some(if y.len() == 2 { 2000 + n } else { n })
}

// ---------------------------------------------------------------------------
// Values: metadata and attributes
// ---------------------------------------------------------------------------

/// ISO 8601 and its near relatives at the start of a value: `2019-10-21`,
/// `2019-10-21T08:00:00+0200`, `2019-10-21 08:00:00.0 UTC`, `2020-08-25|00h23`,
/// `2019/10/21`. What follows the time (a second value, text) is ignored.
static ISO_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<y>[0-9]{4})(?P<s>[-/.])(?P<m>[0-9]{1,2})(?P<s2>[-/.])(?P<d>[0-9]{1,2})(?:(?:[Tt]|\s+|\|)(?P<h>[0-9]{1,2})[:h][0-9]{2}(?::[0-9]{2})?(?:[.,][0-9]+)?\s*(?P<z>Z|UTC|GMT|[+-][0-9]{2}:?[0-9]{2})?)?(?:[^0-9]|$)",
    )
    .expect("valid regex")
});
/// `20200924`, `20200924T150434Z`, `20200924T15:04:34Z`, `20200924150434`.
static COMPACT_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})(?:T?(?P<h>[0-9]{2}):?[0-9]{2}(?::?[0-9]{2})?(?:\.[0-9]+)?(?P<z>Z)?)?$")
        .expect("valid regex")
});
/// The C library's `date` output: `Tue Jul 30 09:35:14 CEST 2019`.
static CTIME_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Za-z]{3},?\s+(?P<m>[A-Za-z]{3,9})\.?\s+(?P<d>[0-9]{1,2}),?\s+(?P<h>[0-9]{1,2}):[0-9]{2}(?::[0-9]{2})?\s+(?:(?P<z>[A-Za-z]{1,5})\s+)?(?P<y>[0-9]{4})$")
        .expect("valid regex")
});
/// A time of day in UTC at the end of an RFC 2822 value or similar.
static UTC_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<h>[0-9]{1,2}):[0-9]{2}(?::[0-9]{2})?\s*(?:Z|UTC|GMT|\+00:?00|-00:?00)\s*$")
        .expect("valid regex")
});

/// The hour of a match with a time (`h`) in a UTC zone (`z`).
fn utc_hour(c: &Captures<'_>) -> Option<u32> {
    let utc = matches!(
        c.name("z")?.as_str(),
        "Z" | "UTC" | "GMT" | "+00:00" | "+0000" | "-00:00" | "-0000"
    );
    if utc { num(c, "h") } else { None }
}

/// The hour of a UTC time ending a value (`Mon, 20 Jan 2020 09:49:32 +0000`).
fn utc_tail_hour(value: &str) -> Option<u32> {
    UTC_TAIL.captures(value).as_ref().and_then(|c| num(c, "h"))
}

/// A time from an epoch timestamp: seconds (10 digits) or milliseconds (13).
fn epoch_time(digits: &str) -> Option<DateTime<chrono::Utc>> {
    let n: i64 = digits.parse().ok()?;
    let secs = match digits.len() {
        10 => n,
        13 => n / 1000,
        _ => return None,
    };
    let time = DateTime::from_timestamp(secs, 0)?;
    PAGE_YEARS.contains(&time.year()).then_some(time)
}

/// The date a metadata or attribute value gives: a timestamp in any of the
/// forms pages use, or failing that the first date written in it as text.
pub fn parse_value(raw: &str, order: DayOrder) -> Option<WebDate> {
    let value = raw.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    if value.is_empty() {
        return None;
    }
    if value.bytes().all(|b| b.is_ascii_digit()) && matches!(value.len(), 10 | 13) {
        return epoch_time(value).map(|time| WebDate {
            date: time.date_naive(),
            alt: None,
            utc_hour: Some(time.hour()),
        });
    }
    if let Some(c) = ISO_VALUE.captures(value) {
        // Mixed separators ("2023-11/05") are more likely an id than a date.
        if c.name("s").map(|s| s.as_str()) != c.name("s2").map(|s| s.as_str()) {
            return None;
        }
        let date = page_day(num(&c, "y")?, num(&c, "m")?, num(&c, "d")?)?;
        return Some(WebDate {
            date,
            alt: None,
            utc_hour: utc_hour(&c),
        });
    }
    if let Some(c) = COMPACT_VALUE.captures(value) {
        let date = page_day(num(&c, "y")?, num(&c, "m")?, num(&c, "d")?)?;
        return Some(WebDate {
            date,
            alt: None,
            utc_hour: utc_hour(&c),
        });
    }
    if let Some(c) = CTIME_VALUE.captures(value) {
        let month = month_from_name(c.name("m")?.as_str())?;
        let date = page_day(num(&c, "y")?, month, num(&c, "d")?)?;
        return Some(WebDate {
            date,
            alt: None,
            utc_hour: utc_hour(&c),
        });
    }
    if let Some(first) = find_text_dates(value, order).first() {
        return Some(WebDate {
            utc_hour: utc_tail_hour(value),
            ..first.found
        });
    }
    if let Ok(date) = parse_metadata_date(value) {
        return PAGE_YEARS.contains(&date.year()).then(|| WebDate {
            date,
            alt: None,
            utc_hour: utc_tail_hour(value),
        });
    }
    None
}

/// The date a value written by a program for programs gives (`<meta>`
/// content, JSON-LD): as [`parse_value`], but an ambiguous date with slashes
/// is month first (`11/01/2023 12:43:42`), the order of the US-English
/// defaults servers format dates with, as `parse_metadata_date` reads it.
pub fn parse_machine_value(raw: &str, order: DayOrder) -> Option<WebDate> {
    let order = if raw.contains('/') {
        DayOrder::MonthFirst
    } else {
        order
    };
    parse_value(raw, order)
}

// ---------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------

/// Dates as text writes them. Month words are any run of letters, checked
/// against the month tables afterwards, so one pattern serves every language.
/// Numbers must not be glued to other digits (`\b` is ASCII-only so the fast
/// engine can run).
static TEXT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = [
        // 2019-10-21, 2019/10/21, 2019.10.21
        r"(?P<iy>[0-9]{4})(?P<is>[-/.])(?P<im>[0-9]{1,2})[-/.](?P<id>[0-9]{1,2})",
        // 2020年7月13日, 2020년 7월 13일
        r"(?P<cy>[0-9]{4})\s*[年년]\s*(?P<cm>[0-9]{1,2})\s*[月월]\s*(?P<cd>[0-9]{1,2})",
        // 16.12.2012, 15.2.2018, 03.05.13, 01-11-2023, 11/01/2023
        r"(?P<na>[0-9]{1,2})(?P<ns>[./-])\s?(?P<nb>[0-9]{1,2})[./-]\s?(?P<ny>[0-9]{4}|[0-9]{2})",
        // 29. Januar 2019, 3 de marzo de 2020, 5 juin 2018, 28 April, 2017
        r"(?P<dd>[0-9]{1,2})(?:\.|st|nd|rd|th|er|º)?\s*(?:de\s+|of\s+)?(?P<dm>\p{L}{3,12})\.?,?\s*(?:de\s+|del\s+)?(?P<dy>[0-9]{4})",
        // July 11, 2011, Juli 12, 2017, Oct. 3 2020
        r"(?P<mm>\p{L}{3,12})\.?\s+(?P<md>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+(?P<my>[0-9]{4})",
    ]
    .join("|");
    Regex::new(&format!(r"(?-u:\b)(?:{pattern})(?-u:\b)")).expect("valid regex")
});

/// A match's digits may not run on into another number (`1.2.2020.3`).
fn glued(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let digitish = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    digitish(before)
        || digitish(after)
        || (matches!(before, Some('.' | '/' | '-'))
            && text[..start]
                .chars()
                .rev()
                .nth(1)
                .is_some_and(|c| c.is_ascii_digit()))
        || (matches!(after, Some('.' | '/' | '-'))
            && text[end..]
                .chars()
                .nth(1)
                .is_some_and(|c| c.is_ascii_digit()))
}

fn text_date(c: &Captures<'_>, order: DayOrder) -> Option<WebDate> {
    if c.name("iy").is_some() {
        return page_day(num(c, "iy")?, num(c, "im")?, num(c, "id")?).map(WebDate::plain);
    }
    if c.name("cy").is_some() {
        return page_day(num(c, "cy")?, num(c, "cm")?, num(c, "cd")?).map(WebDate::plain);
    }
    if let Some(sep) = c.name("ns") {
        let dot = sep.as_str() == ".";
        let two_digit = c.name("ny")?.as_str().len() == 2;
        if two_digit && !dot {
            return None;
        }
        return numeric(num(c, "na")?, num(c, "nb")?, year_of(c, "ny")?, order, dot);
    }
    if let Some(word) = c.name("dm") {
        let month = month_from_any_name(word.as_str())?;
        return page_day(num(c, "dy")?, month, num(c, "dd")?).map(WebDate::plain);
    }
    let month = month_from_any_name(c.name("mm")?.as_str())?;
    page_day(num(c, "my")?, month, num(c, "md")?).map(WebDate::plain)
}

/// Every date written in `text`, in order. Ambiguous numeric dates are read in
/// `order`, with the other reading in [`WebDate::alt`].
pub fn find_text_dates(text: &str, order: DayOrder) -> Vec<TextDate> {
    let mut out = Vec::new();
    for c in TEXT_DATE.captures_iter(text) {
        let whole = c.get(0).expect("group 0 is always there");
        if glued(text, whole.start(), whole.end()) {
            continue;
        }
        if let Some(found) = text_date(&c, order) {
            out.push(TextDate {
                found,
                start: whole.start(),
                end: whole.end(),
            });
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------

/// `/2019/10/21/`, `/2019-10-21-slug`, `_2019_10_21`: the day must end its
/// part of the path or be written with two digits, so `/2023/10/3-questions`
/// is a month and a slug, not the 3rd.
static URL_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[/_.-])(?P<y>[0-9]{4})(?P<s>[/_.-])(?P<m>[0-9]{1,2})(?P<s2>[/_.-])(?P<d>[0-9]{2}|[0-9](?:/|$))(?:[^0-9]|$)")
        .expect("valid regex")
});
/// `/20191021/`, `-20191021.html`.
static URL_COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[/_.-])(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})(?:[/_.-]|$)")
        .expect("valid regex")
});
/// `/2018/06/slug.html`: only the month.
static URL_MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/(?P<y>[0-9]{4})/(?P<m>[0-9]{1,2})/").expect("valid regex"));

/// The date in a page's address: `/2019/10/21/slug`, `/20191021/`,
/// `/slug-2019-10-21.html`, or only the month (`/2018/06/slug.html`). The
/// host and the query are not looked at: a host has no date, and a query's
/// dates are usually a search or a cache key. The last date in the path wins:
/// it is the page's own, the first may be a section's.
pub fn date_from_url(url: &str) -> Option<PartialDate> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let day = URL_DAY
        .captures_iter(path)
        .filter(|c| c.name("s").map(|s| s.as_str()) == c.name("s2").map(|s| s.as_str()))
        .chain(URL_COMPACT.captures_iter(path))
        .filter_map(|c| {
            let day = c.name("d")?.as_str().trim_end_matches('/').parse().ok()?;
            Some((
                c.get(0)?.start(),
                page_day(num(&c, "y")?, num(&c, "m")?, day)?,
            ))
        })
        .max_by_key(|&(at, _)| at);
    if let Some((_, date)) = day {
        return Some(PartialDate::Day(date));
    }
    URL_MONTH.captures_iter(path).find_map(|c| {
        let (year, month) = (num(&c, "y")?, num(&c, "m")?);
        page_day(year, month, 1)?;
        Some(PartialDate::Month { year, month })
    })
}

#[cfg(test)]
mod tests;
