//! Dates: finding and normalising the dates an article talks about, and parsing
//! publication dates from metadata, datelines and paths.
//!
//! This module owns the calendar side of extraction:
//! - [`PartialDate`], a date at the precision its source gave (year, month or day),
//!   and its strict ISO form typed by users ([`PartialDate::parse_iso`]);
//! - [`find_dates`], which finds date expressions in English news text and resolves
//!   relative ones (`yesterday`, `last Monday`, `October 23`) against the publication
//!   date;
//! - [`parse_metadata_date`], [`parse_dateline`] and [`date_from_path`], the three
//!   places a publication date usually comes from.
//!
//! It does not decide which publication date wins when sources disagree, does not
//! read files or HTML, and knows nothing about time of day or time zones: a timestamp
//! is reduced to the calendar date as written. It never invents precision: a yearless
//! date or a relative expression without an anchor is dropped, and week-sized
//! expressions (`last week`) are not reported at all.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use regex::{Captures, Regex};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::LazyLock;

pub mod web;

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

const ISO_EXPECTED: &str = "YYYY, YYYY-MM or YYYY-MM-DD";
const META_EXPECTED: &str = "a calendar date such as 2023-11-05 or an RFC 2822/ISO 8601 timestamp";

/// Explicit years in running text and metadata outside this range are far more
/// likely to be quantities or typos than dates.
const TEXT_YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;
/// Bare four-digit numbers are only taken as years in this narrower range.
const BARE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

impl PartialDate {
    /// Strict ISO form typed by a user: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Result<PartialDate, DateParseError> {
        static RE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$").expect("valid regex")
        });
        let err = || DateParseError {
            input: s.to_string(),
            expected: ISO_EXPECTED,
        };
        let caps = RE.captures(s.trim()).ok_or_else(err)?;
        let year = num::<i32>(&caps, 1).ok_or_else(err)?;
        let Some(month) = num::<u32>(&caps, 2) else {
            return Ok(PartialDate::Year(year));
        };
        if !(1..=12).contains(&month) {
            return Err(err());
        }
        match num::<u32>(&caps, 3) {
            None => Ok(PartialDate::Month { year, month }),
            Some(day) => NaiveDate::from_ymd_opt(year, month, day)
                .map(PartialDate::Day)
                .ok_or_else(err),
        }
    }

    pub fn first_day(self) -> NaiveDate {
        match self {
            PartialDate::Year(y) => ymd_clamped(y, 1, 1),
            PartialDate::Month { year, month } => ymd_clamped(year, month, 1),
            PartialDate::Day(d) => d,
        }
    }

    pub fn last_day(self) -> NaiveDate {
        match self {
            PartialDate::Year(y) => ymd_clamped(y, 12, 31),
            PartialDate::Month { year, month } => ymd_clamped(year, month, 31),
            PartialDate::Day(d) => d,
        }
    }

    pub fn granularity(self) -> Granularity {
        match self {
            PartialDate::Year(_) => Granularity::Year,
            PartialDate::Month { .. } => Granularity::Month,
            PartialDate::Day(_) => Granularity::Day,
        }
    }
}

/// The enum's fields are public, so a `PartialDate` can hold a month of 13 or a year
/// chrono cannot represent; the range accessors must still return *some* date rather
/// than panic, so out-of-range parts are clamped and the day is pulled back to the
/// month's last day.
fn ymd_clamped(year: i32, month: u32, day: u32) -> NaiveDate {
    let year = year.clamp(NaiveDate::MIN.year() + 1, NaiveDate::MAX.year() - 1);
    let month = month.clamp(1, 12);
    (1..=day.clamp(1, 31))
        .rev()
        .find_map(|d| NaiveDate::from_ymd_opt(year, month, d))
        .unwrap_or(NaiveDate::MIN)
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialDate::Year(y) => write!(f, "{y:04}"),
            PartialDate::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            PartialDate::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        }
    }
}

/// A date found in text: its value and the byte span it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    pub value: PartialDate,
    pub start: usize,
    pub end: usize,
}

// ---------------------------------------------------------------------------
// Vocabulary and regex construction
// ---------------------------------------------------------------------------

/// Longer spellings come first so that alternations prefer them.
const MONTH_NAMES: [(&str, u32); 25] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("sept", 9),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // "May" is both full name and abbreviation; listed once above.
    ("may", 5),
];

const WEEKDAY_NAMES: [(&str, Weekday); 17] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
    ("tues", Weekday::Tue),
    ("thurs", Weekday::Thu),
    ("thur", Weekday::Thu),
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

/// The twelve months' full names, lowercase.
pub(crate) fn full_month_names() -> impl Iterator<Item = &'static str> {
    MONTH_NAMES[..12].iter().map(|&(n, _)| n)
}

/// The month a name or abbreviation (`March`, `mar.`, `SEPT`) stands for.
pub(crate) fn month_from_name(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.');
    MONTH_NAMES
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|&(_, m)| m)
}

fn weekday_from_name(name: &str) -> Option<Weekday> {
    let name = name.trim_end_matches('.');
    WEEKDAY_NAMES
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|&(_, w)| w)
}

/// `Name|NAME` for each word: text matching is case-sensitive so that the verbs
/// "may" and "march" are never read as months, but headlines in capitals still are.
fn cased_alternation<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut seen = Vec::new();
    for w in words {
        let mut cap = w.to_string();
        if let Some(first) = cap.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        for form in [cap, w.to_ascii_uppercase()] {
            if !seen.contains(&form) {
                seen.push(form);
            }
        }
    }
    format!("(?:{})", seen.join("|"))
}

/// Expands the placeholders shared by the patterns below. Word boundaries are made
/// ASCII-only so the lazy DFA can run on non-ASCII haystacks (Unicode `\b` forces a
/// much slower engine), and digits are ASCII so every captured number parses.
fn build(pattern: &str) -> Regex {
    let months = cased_alternation(MONTH_NAMES.iter().map(|(n, _)| *n));
    let full_months = cased_alternation(MONTH_NAMES[..12].iter().map(|(n, _)| *n));
    let weekdays = cased_alternation(WEEKDAY_NAMES[..7].iter().map(|(n, _)| *n));
    let weekdays_abbr = cased_alternation(WEEKDAY_NAMES.iter().map(|(n, _)| *n));
    let expanded = pattern
        .replace("{FM}", &full_months)
        .replace("{M}", &months)
        .replace("{WDA}", &weekdays_abbr)
        .replace("{WD}", &weekdays)
        .replace(r"\d", "[0-9]")
        .replace(r"\b", r"(?-u:\b)");
    Regex::new(&expanded).expect("date patterns are valid")
}

/// A pattern of the shape `\b(?:CONTEXT)?CORE`, searched in two steps because the
/// regex engine cannot skip ahead to an optional context made of common words
/// ("in", "the", "on"): its lazy DFA would visit every byte of the text. `core`
/// starts with literals the engine can jump to (month and weekday names) or is
/// small; `context` is the optional part anchored at its end, tried on the text
/// just before each core match. The matches are the ones the one-regex form
/// finds: each starts at its context when there is one, else at its core.
struct WithContext {
    core: Regex,
    context: Regex,
}

/// One match of a [`WithContext`] pattern.
struct ContextMatch<'h> {
    /// Where the whole match starts: the context's start, or the core's.
    start: usize,
    /// The context's captures, when it is there.
    context: Option<Captures<'h>>,
    core: Captures<'h>,
}

impl ContextMatch<'_> {
    /// Where the whole match ends: the core's end.
    fn end(&self) -> usize {
        self.core.get(0).map_or(self.start, |m| m.end())
    }

    fn name(&self, group: &str) -> Option<regex::Match<'_>> {
        self.core
            .name(group)
            .or_else(|| self.context.as_ref()?.name(group))
    }
}

impl WithContext {
    fn new(context: &str, core: &str) -> WithContext {
        WithContext {
            core: build(&format!(r"\b{core}")),
            context: build(&format!(r"\b(?:{context})\z")),
        }
    }

    fn captures_iter<'h>(&'h self, text: &'h str) -> impl Iterator<Item = ContextMatch<'h>> + 'h {
        let mut last_end = 0;
        self.core.captures_iter(text).map(move |core| {
            let whole = core.get(0).expect("group 0 is always there");
            let before = &text[..whole.start()];
            // The longest context is about a dozen characters besides whitespace
            // ("Wednesday, the"); its whitespace can run to any length, so the
            // window counts characters without it.
            let window = context_window(before, last_end, 48);
            let context = self.context.captures_at(before, window);
            let start = context
                .as_ref()
                .and_then(|c| c.get(0))
                .map_or(whole.start(), |m| m.start());
            last_end = whole.end();
            ContextMatch {
                start,
                context,
                core,
            }
        })
    }
}

/// The start of the end stretch of `before` (not earlier than `floor`) that holds
/// `budget` characters other than whitespace: whitespace is free, because a
/// context's spaces can run to any length.
fn context_window(before: &str, floor: usize, budget: usize) -> usize {
    let mut left = budget;
    let mut start = before.len();
    for (i, c) in before[floor..].char_indices().rev() {
        if left == 0 {
            break;
        }
        if !c.is_whitespace() {
            left -= 1;
        }
        start = floor + i;
    }
    start
}

fn num<T: std::str::FromStr>(caps: &Captures<'_>, group: impl CapGroup) -> Option<T> {
    group.get(caps)?.as_str().parse().ok()
}

/// Lets `num` take either a group index or a group name.
trait CapGroup {
    fn get<'h>(&self, caps: &Captures<'h>) -> Option<regex::Match<'h>>;
}
impl CapGroup for usize {
    fn get<'h>(&self, caps: &Captures<'h>) -> Option<regex::Match<'h>> {
        caps.get(*self)
    }
}
impl CapGroup for &str {
    fn get<'h>(&self, caps: &Captures<'h>) -> Option<regex::Match<'h>> {
        caps.name(self)
    }
}

// Month name then day: "Oct. 23", "Sunday, Nov. 5, 2023", "October 23rd".
static RE_MONTH_DAY: LazyLock<WithContext> = LazyLock::new(|| {
    WithContext::new(
        r"{WDA}\.?,?\s+",
        r"(?P<m>{M})\b\.?\s+(?P<dd>(?P<d>\d{1,2})(?:st|nd|rd|th)?)\b(?:,?\s+(?P<y>\d{4})\b)?",
    )
});
// Day then month name: "23 October 2023", "23rd of October".
static RE_DAY_MONTH: LazyLock<WithContext> = LazyLock::new(|| {
    WithContext::new(
        r"{WD},?\s+(?:the\s+)?",
        r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mm>(?P<m>{M})\b\.?)(?:,?\s+(?P<y>\d{4})\b)?",
    )
});
// Month name and year: "October 2023", "Oct. 2023".
static RE_MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| build(r"\b(?P<m>{M})\b\.?,?\s+(?P<y>\d{4})\b"));
// A bare full month name is only a date after a word that makes it one.
static RE_MONTH_CTX: LazyLock<WithContext> = LazyLock::new(|| {
    WithContext::new(
        r"(?P<ctx>in|In|since|Since|until|Until|till|by|By|last|Last|next|Next|this|This|early|Early|late|Late|mid|Mid|of|from|From|through|during|During|before|Before|after|After|for|For|a|to)(?:\s+|-)",
        r"(?P<m>{FM})\b(?P<poss>'s|’s)?",
    )
});
static RE_NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"\b(?:(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})|(?P<ua>\d{1,2})/(?P<ub>\d{1,2})/(?P<uy>\d{4}))\b",
    )
});
static RE_YEAR: LazyLock<WithContext> = LazyLock::new(|| {
    WithContext::new(
        r"(?P<ctx>in|In|since|Since|by|By|until|Until|of|from|From|through|before|Before|after|After|during|During|year|the|The|fiscal|Fiscal|early|Early|late|Late|mid|Mid|end|spring|Spring|summer|Summer|autumn|Autumn|fall|winter|Winter|into|due|between|for|For|and|a|its|his|her|their|our|that|That)(?:\s+|-)",
        r"(?P<y>\d{4})\b(?P<poss>'s|’s)?",
    )
});
static RE_RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"\b(?:(?P<word>(?i:today|yesterday|tomorrow|tonight))|(?P<mod>this|This|last|Last|next|Next)\s+(?P<unit>week|weekend|month|year))\b",
    )
});
/// "three weeks ago": the number is a required context of the unit.
static RE_AGO: LazyLock<WithContext> = LazyLock::new(|| {
    WithContext::new(
        r"(?P<n>\d{1,3}|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en)\s+",
        r"(?P<agounit>days?|weeks?|months?|years?)\s+ago\b",
    )
});
static RE_WEEKDAY: LazyLock<WithContext> = LazyLock::new(|| {
    WithContext::new(
        r"(?P<mod>last|Last|next|Next|this|This|on|On|coming|Coming)\s+",
        r"(?P<wd>{WD})\b",
    )
});
/// Weekday names that are part of a title ("Sunday Times") rather than a date.
static RE_WEEKDAY_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"^\s(?:Times|Telegraph|Express|Mirror|Herald|Post|Mail|Independent|Tribune|Sport|People|School|Night)\b",
    )
});
const WEEKDAY_HOLIDAY_PREFIXES: [&str; 12] = [
    "Good", "Black", "Ash", "Holy", "Maundy", "Palm", "Easter", "Bloody", "Super", "Cyber",
    "Shrove", "Whit",
];
/// Phrases that put a bare weekday in the future rather than the past.
static RE_FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"\b(?:will|shall|is expected to|are expected to|plans to|plan to|is due to|are due to|scheduled|set to|next|to begin|upcoming)\b|(?:'|’)ll\b",
    )
});

// ---------------------------------------------------------------------------
// find_dates
// ---------------------------------------------------------------------------

/// A candidate match; `value` is `None` for expressions that must be recognised (so
/// nothing shorter inside them is reported) but carry no date we may emit.
struct Candidate {
    start: usize,
    end: usize,
    value: Option<PartialDate>,
}

/// Every date expression in `text`, resolved against `anchor` (the publication date).
pub fn find_dates(text: &str, anchor: Option<NaiveDate>) -> Vec<DateMention> {
    let mut cands = Vec::new();
    month_day_candidates(text, anchor, &mut cands);
    day_month_candidates(text, anchor, &mut cands);
    month_year_candidates(text, &mut cands);
    numeric_candidates(text, &mut cands);
    year_candidates(text, &mut cands);
    if let Some(anchor) = anchor {
        month_ctx_candidates(text, anchor, &mut cands);
        relative_candidates(text, anchor, &mut cands);
        weekday_candidates(text, anchor, &mut cands);
    }
    resolve_overlaps(cands)
}

/// Longest match wins; shorter ones overlapping it are dropped.
fn resolve_overlaps(mut cands: Vec<Candidate>) -> Vec<DateMention> {
    cands.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), c.start));
    let mut kept: BTreeMap<usize, Candidate> = BTreeMap::new();
    for c in cands {
        let clashes_before = kept
            .range(..=c.start)
            .next_back()
            .is_some_and(|(_, k)| k.end > c.start);
        let clashes_after = kept.range(c.start..c.end).next().is_some();
        if !clashes_before && !clashes_after {
            kept.insert(c.start, c);
        }
    }
    kept.into_values()
        .filter_map(|c| {
            c.value.map(|value| DateMention {
                value,
                start: c.start,
                end: c.end,
            })
        })
        .collect()
}

/// A number glued to what precedes it ("1.5", "3/23", "12-10") is not a date.
fn glued_before(text: &str, start: usize) -> bool {
    let b = text.as_bytes();
    if start == 0 {
        return false;
    }
    let prev = b[start - 1];
    if prev.is_ascii_digit() || matches!(prev, b'$' | b'#' | b'/' | b'\xE2') {
        return true;
    }
    matches!(prev, b'.' | b',' | b':' | b'-') && start >= 2 && b[start - 2].is_ascii_digit()
}

/// A number continuing past the match ("10:30", "23.5", "2,000", "2023-24", "5%").
fn glued_after(text: &str, end: usize) -> bool {
    let b = text.as_bytes();
    match b.get(end) {
        Some(b'%') => true,
        Some(b':' | b'.' | b',' | b'-' | b'/') => b.get(end + 1).is_some_and(u8::is_ascii_digit),
        _ => false,
    }
}

fn text_year(caps: &Captures<'_>, group: &str) -> Option<i32> {
    num::<i32>(caps, group).filter(|y| TEXT_YEARS.contains(y))
}

/// A day-precision date, taking the year from the text or else resolving it against
/// the anchor: the closest occurrence, or the next one when the clause is about the future.
fn resolve_day(
    year: Option<i32>,
    month: u32,
    day: u32,
    anchor: Option<NaiveDate>,
    future_hint: bool,
) -> Option<PartialDate> {
    let date = match year {
        Some(y) => NaiveDate::from_ymd_opt(y, month, day)?,
        None => {
            let anchor = anchor?;
            let y = anchor.year();
            let options: Vec<NaiveDate> = [y - 1, y, y + 1]
                .into_iter()
                .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
                .collect();
            let ahead = |d: &NaiveDate| d.signed_duration_since(anchor).num_days();
            let closest = options.iter().min_by_key(|d| (ahead(d).abs(), **d));
            let future = options.iter().filter(|d| ahead(d) >= 0).min();
            // Always reading yearless dates as past was measured on TimeBank and was
            // much worse (payment and meeting dates ahead are written without "will").
            if future_hint {
                future.or(closest)
            } else {
                closest
            }
            .copied()?
        }
    };
    Some(PartialDate::Day(date))
}

fn month_day_candidates(text: &str, anchor: Option<NaiveDate>, out: &mut Vec<Candidate>) {
    for found in RE_MONTH_DAY.captures_iter(text) {
        let caps = &found.core;
        let Some(dd) = caps.name("dd") else {
            continue;
        };
        let year = text_year(caps, "y");
        let end = if year.is_some() {
            found.end()
        } else {
            dd.end()
        };
        if glued_after(text, end) {
            continue;
        }
        let (Some(month), Some(day)) = (
            caps.name("m").and_then(|m| month_from_name(m.as_str())),
            num::<u32>(caps, "d"),
        ) else {
            continue;
        };
        let future = year.is_none() && future_context(text, found.start);
        if let Some(value) = resolve_day(year, month, day, anchor, future) {
            out.push(Candidate {
                start: found.start,
                end,
                value: Some(value),
            });
        }
    }
}

fn day_month_candidates(text: &str, anchor: Option<NaiveDate>, out: &mut Vec<Candidate>) {
    for found in RE_DAY_MONTH.captures_iter(text) {
        let caps = &found.core;
        let Some(mm) = caps.name("mm") else {
            continue;
        };
        if glued_before(text, found.start) {
            continue;
        }
        let year = text_year(caps, "y");
        let end = if year.is_some() {
            found.end()
        } else {
            mm.end()
        };
        let (Some(month), Some(day)) = (
            caps.name("m").and_then(|m| month_from_name(m.as_str())),
            num::<u32>(caps, "d"),
        ) else {
            continue;
        };
        let future = year.is_none() && future_context(text, found.start);
        if let Some(value) = resolve_day(year, month, day, anchor, future) {
            out.push(Candidate {
                start: found.start,
                end,
                value: Some(value),
            });
        }
    }
}

fn month_year_candidates(text: &str, out: &mut Vec<Candidate>) {
    for caps in RE_MONTH_YEAR.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        let (Some(month), Some(year)) = (
            caps.name("m").and_then(|m| month_from_name(m.as_str())),
            text_year(&caps, "y"),
        ) else {
            continue;
        };
        if glued_after(text, whole.end()) {
            continue;
        }
        out.push(Candidate {
            start: whole.start(),
            end: whole.end(),
            value: Some(PartialDate::Month { year, month }),
        });
    }
}

fn numeric_candidates(text: &str, out: &mut Vec<Candidate>) {
    for caps in RE_NUMERIC.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        if glued_before(text, whole.start()) || glued_after(text, whole.end()) {
            continue;
        }
        let date = if caps.name("iy").is_some() {
            (num(&caps, "iy"), num(&caps, "im"), num(&caps, "id"))
        } else {
            // US order unless the first number cannot be a month.
            let (a, b) = (num::<u32>(&caps, "ua"), num::<u32>(&caps, "ub"));
            let (month, day) = match (a, b) {
                (Some(a), Some(b)) if a > 12 => (Some(b), Some(a)),
                _ => (a, b),
            };
            (num(&caps, "uy"), month, day)
        };
        let (Some(y), Some(m), Some(d)) = date else {
            continue;
        };
        if !TEXT_YEARS.contains(&y) {
            continue;
        }
        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
            out.push(Candidate {
                start: whole.start(),
                end: whole.end(),
                value: Some(PartialDate::Day(date)),
            });
        }
    }
}

fn year_candidates(text: &str, out: &mut Vec<Candidate>) {
    for caps in RE_YEAR.captures_iter(text) {
        let Some(y) = caps.name("y") else { continue };
        let Ok(year) = y.as_str().parse::<i32>() else {
            continue;
        };
        if !BARE_YEARS.contains(&year) {
            continue;
        }
        // Without a date-like word before it, only the possessive ("2023's") marks a
        // four-digit number as a year; "2000 troops" stays a quantity.
        let ctx = caps.name("ctx").map(|c| c.as_str());
        if ctx.is_none() && caps.name("poss").is_none() {
            continue;
        }
        // Weak context words also precede quantities ("for 2000 people"); round
        // hundreds are the likeliest quantities, so those need a strong word.
        let weak = matches!(
            ctx,
            Some(
                "for"
                    | "For"
                    | "and"
                    | "a"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "our"
                    | "that"
                    | "That"
            )
        );
        if weak && year % 100 == 0 {
            continue;
        }
        if glued_before(text, y.start()) || glued_after(text, y.end()) {
            continue;
        }
        out.push(Candidate {
            start: y.start(),
            end: y.end(),
            value: Some(PartialDate::Year(year)),
        });
    }
}

fn month_ctx_candidates(text: &str, anchor: NaiveDate, out: &mut Vec<Candidate>) {
    for caps in RE_MONTH_CTX.captures_iter(text) {
        let (ctx, Some(m)) = (caps.name("ctx"), caps.name("m")) else {
            continue;
        };
        let Some(month) = month_from_name(m.as_str()) else {
            continue;
        };
        let ctx_word = ctx
            .map(|c| c.as_str().to_ascii_lowercase())
            .unwrap_or_default();
        // Without a context word only the possessive ("October's figures") makes a
        // month name a date; weak contexts never apply to "May" (the verb, the name).
        match ctx_word.as_str() {
            "" if caps.name("poss").is_none() || month == 5 => continue,
            "for" | "a" | "to" if month == 5 => continue,
            _ => {}
        }
        // Anchor and month as a running month count, so "closest" is a subtraction.
        let here = anchor.year() * 12 + anchor.month0() as i32;
        let options = [anchor.year() - 1, anchor.year(), anchor.year() + 1]
            .map(|y| (y, y * 12 + month as i32 - 1 - here));
        let latest_past = |strict: bool| {
            options
                .into_iter()
                .filter(|&(_, d)| if strict { d < 0 } else { d <= 0 })
                .max_by_key(|&(_, d)| d)
        };
        let earliest_future = |strict: bool| {
            options
                .into_iter()
                .filter(|&(_, d)| if strict { d > 0 } else { d >= 0 })
                .min_by_key(|&(_, d)| d)
        };
        let pick = match ctx_word.as_str() {
            "last" => latest_past(true),
            "next" => earliest_future(true),
            "this" => Some((anchor.year(), 0)),
            "since" => latest_past(false),
            "by" | "until" | "till" => earliest_future(false),
            _ if future_context(text, m.start()) => earliest_future(false),
            // Ties (six months either way) go to the past: news mostly reports.
            // Always reading bare months as past was measured on TimeBank and was
            // worse: "early November" written in late October is the coming one.
            _ => options.into_iter().min_by_key(|&(_, d)| (d.abs(), d)),
        };
        let Some((year, _)) = pick else { continue };
        // Modifiers change the meaning and belong to the expression; prepositions don't.
        let start = match (ctx_word.as_str(), ctx) {
            ("last" | "next" | "this" | "early" | "late" | "mid", Some(c)) => c.start(),
            _ => m.start(),
        };
        out.push(Candidate {
            start,
            end: m.end(),
            value: Some(PartialDate::Month { year, month }),
        });
    }
}

fn shift_months(anchor: NaiveDate, delta: i32) -> Option<PartialDate> {
    let total = anchor.year().checked_mul(12)? + anchor.month0() as i32 + delta;
    Some(PartialDate::Month {
        year: total.div_euclid(12),
        month: total.rem_euclid(12) as u32 + 1,
    })
}

fn small_number(word: &str) -> Option<u64> {
    const WORDS: [&str; 11] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a",
    ];
    let lower = word.to_ascii_lowercase();
    if lower == "a" || lower == "an" {
        return Some(1);
    }
    if let Some(i) = WORDS.iter().position(|w| *w == lower) {
        return Some(i as u64 + 1);
    }
    word.parse().ok()
}

fn relative_candidates(text: &str, anchor: NaiveDate, out: &mut Vec<Candidate>) {
    for caps in RE_RELATIVE.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        let value = if let Some(word) = caps.name("word") {
            match word.as_str().to_ascii_lowercase().as_str() {
                "yesterday" => anchor.checked_sub_days(Days::new(1)),
                "tomorrow" => anchor.checked_add_days(Days::new(1)),
                _ => Some(anchor),
            }
            .map(PartialDate::Day)
        } else {
            // The pattern's other branch: "last month", "this year".
            let (Some(m), Some(unit)) = (caps.name("mod"), caps.name("unit")) else {
                continue;
            };
            let delta = match m.as_str().to_ascii_lowercase().as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            match unit.as_str() {
                "month" => shift_months(anchor, delta),
                "year" => Some(PartialDate::Year(anchor.year() + delta)),
                // No week granularity: claim the words, report nothing.
                _ => None,
            }
        };
        out.push(Candidate {
            start: whole.start(),
            end: whole.end(),
            value,
        });
    }
    for found in RE_AGO.captures_iter(text) {
        if found.context.is_none() {
            continue;
        }
        let n = found.name("n").and_then(|n| small_number(n.as_str()));
        let unit = found
            .name("agounit")
            .map(|u| u.as_str().trim_end_matches('s'));
        let value = match (n, unit) {
            (Some(n), Some("day")) => anchor.checked_sub_days(Days::new(n)).map(PartialDate::Day),
            (Some(n), Some("month")) => {
                i32::try_from(n).ok().and_then(|n| shift_months(anchor, -n))
            }
            (Some(n), Some("year")) => i32::try_from(n)
                .ok()
                .map(|n| PartialDate::Year(anchor.year() - n)),
            _ => None,
        };
        out.push(Candidate {
            start: found.start,
            end: found.end(),
            value,
        });
    }
}

fn weekday_offset(from: Weekday, to: Weekday) -> u64 {
    u64::from((to.num_days_from_monday() + 7 - from.num_days_from_monday()) % 7)
}

/// The nearest `wd` strictly before `anchor`.
fn weekday_before(anchor: NaiveDate, wd: Weekday) -> Option<NaiveDate> {
    let back = match weekday_offset(wd, anchor.weekday()) {
        0 => 7,
        n => n,
    };
    anchor.checked_sub_days(Days::new(back))
}

/// The nearest `wd` strictly after `anchor`.
fn weekday_after(anchor: NaiveDate, wd: Weekday) -> Option<NaiveDate> {
    let ahead = match weekday_offset(anchor.weekday(), wd) {
        0 => 7,
        n => n,
    };
    anchor.checked_add_days(Days::new(ahead))
}

/// `wd` in the anchor's Monday-to-Sunday week.
fn weekday_this_week(anchor: NaiveDate, wd: Weekday) -> Option<NaiveDate> {
    let monday = anchor.checked_sub_days(Days::new(u64::from(
        anchor.weekday().num_days_from_monday(),
    )))?;
    monday.checked_add_days(Days::new(u64::from(wd.num_days_from_monday())))
}

/// At most `max` bytes from the start of `s`, cut back to a character boundary.
fn prefix(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// How far back, within the sentence, a future marker can put a weekday in the
/// future: "He will begin a regional tour to Iran and the Persian Gulf nations
/// Monday" has 70 bytes between the two.
const FUTURE_LOOKBACK_BYTES: usize = 120;

/// Whether the clause leading up to `pos` talks about the future.
fn future_context(text: &str, pos: usize) -> bool {
    let mut from = pos.saturating_sub(FUTURE_LOOKBACK_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let Some(window) = text.get(from..pos) else {
        return false;
    };
    // Only the current sentence counts.
    let window = [". ", "! ", "? ", "\n\n"]
        .iter()
        .filter_map(|sep| window.rfind(sep).map(|i| i + sep.len()))
        .max()
        .and_then(|i| window.get(i..))
        .unwrap_or(window);
    RE_FUTURE.is_match(window)
}

fn weekday_candidates(text: &str, anchor: NaiveDate, out: &mut Vec<Candidate>) {
    for caps in RE_WEEKDAY.captures_iter(text) {
        let Some(wd_match) = caps.name("wd") else {
            continue;
        };
        let Some(wd) = weekday_from_name(wd_match.as_str()) else {
            continue;
        };
        let modifier = caps.name("mod").map(|m| m.as_str().to_ascii_lowercase());
        if RE_WEEKDAY_TITLE.is_match(prefix(&text[wd_match.end()..], 24)) {
            continue;
        }
        if modifier.is_none() {
            let before = text[..wd_match.start()].trim_end_matches(' ');
            if WEEKDAY_HOLIDAY_PREFIXES.iter().any(|h| {
                before.ends_with(h)
                    && !before[..before.len() - h.len()].ends_with(|c: char| c.is_alphanumeric())
            }) {
                continue;
            }
        }
        let date = match modifier.as_deref() {
            Some("last") => weekday_before(anchor, wd),
            Some("next" | "coming") => weekday_after(anchor, wd),
            Some("this") => weekday_this_week(anchor, wd),
            _ if anchor.weekday() == wd => Some(anchor),
            _ if future_context(text, caps.start) => weekday_after(anchor, wd),
            _ => weekday_before(anchor, wd),
        };
        // "on" is a preposition, not part of the expression.
        let start = match modifier.as_deref() {
            Some("on") | None => wd_match.start(),
            Some(_) => caps.start,
        };
        out.push(Candidate {
            start,
            end: wd_match.end(),
            value: date.map(PartialDate::Day),
        });
    }
}

// ---------------------------------------------------------------------------
// Metadata dates
// ---------------------------------------------------------------------------

/// Optional time of day and zone after a date; the calendar date is kept as written.
const TIME_TAIL: &str = r"(?:(?:[T\s]+|,\s*|\s+at\s+)\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?(?:\s*[ap]\.?m\.?)?(?:\s*(?:Z|\(?[a-z]{2,5}\)?))?(?:\s*[+-]\d{2}:?\d{2})?)?\s*";

fn build_meta(body: &str) -> Regex {
    let pattern = format!(r"(?i)^{body}{TIME_TAIL}$").replace(r"\d", "[0-9]");
    Regex::new(&pattern).expect("metadata patterns are valid")
}

static META_YMD: LazyLock<Regex> =
    LazyLock::new(|| build_meta(r"(?P<y>\d{4})([-/.])(?P<m>\d{1,2})([-/.])(?P<d>\d{1,2})"));
static META_COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})(?:T?[0-9]{4,6}(?:\.[0-9]+)?Z?)?$")
        .expect("valid regex")
});
static META_US: LazyLock<Regex> =
    LazyLock::new(|| build_meta(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})"));
// RFC 2822, "5 November 2023", Reuters "26-FEB-1987".
static META_DAY_NAME: LazyLock<Regex> = LazyLock::new(|| {
    build_meta(
        r"(?:[a-z]+\.?,?\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?[\s-]+(?:of\s+)?(?P<m>[a-z]+)\.?,?[\s-]+(?P<y>\d{4})",
    )
});
// "November 5, 2023", "Sun, Nov. 5 2023".
static META_NAME_DAY: LazyLock<Regex> = LazyLock::new(|| {
    build_meta(
        r"(?:[a-z]+\.?,?\s+)?(?P<m>[a-z]+)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})",
    )
});

/// A publication date from metadata (front matter, HTML meta, JSON field).
pub fn parse_metadata_date(s: &str) -> Result<NaiveDate, DateParseError> {
    let err = || DateParseError {
        input: s.to_string(),
        expected: META_EXPECTED,
    };
    let t = s.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    let parts: Option<(i32, u32, u32)> = if let Some(c) = META_YMD.captures(t) {
        // Mixed separators ("2023-11/05") are more likely an id than a date.
        (c.get(2).map(|m| m.as_str()) == c.get(4).map(|m| m.as_str()))
            .then(|| Some((num(&c, "y")?, num(&c, "m")?, num(&c, "d")?)))
            .flatten()
    } else if let Some(c) = META_COMPACT.captures(t) {
        (|| Some((num(&c, "y")?, num(&c, "m")?, num(&c, "d")?)))()
    } else if let Some(c) = META_US.captures(t) {
        (|| {
            let (a, b): (u32, u32) = (num(&c, "a")?, num(&c, "b")?);
            let (m, d) = if a > 12 { (b, a) } else { (a, b) };
            Some((num(&c, "y")?, m, d))
        })()
    } else if let Some(c) = META_DAY_NAME
        .captures(t)
        .or_else(|| META_NAME_DAY.captures(t))
    {
        (|| {
            let m = month_from_name(c.name("m")?.as_str())?;
            Some((num(&c, "y")?, m, num(&c, "d")?))
        })()
    } else {
        None
    };
    let (y, m, d) = parts.ok_or_else(err)?;
    if !TEXT_YEARS.contains(&y) {
        return Err(err());
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(err)
}

// ---------------------------------------------------------------------------
// Datelines
// ---------------------------------------------------------------------------

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

static RE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"^\s*(?P<place>\p{Lu}[\p{Lu}.'’\-]*(?:[ \t]+\p{Lu}[\p{Lu}.'’\-]*)*)(?:,[ \t]*\p{Lu}[\p{L}.'’\-]*(?:[ \t]+\p{Lu}[\p{L}.'’\-]*)*)?,[ \t]*(?:(?P<m1>{M})\b\.?[ \t]+(?P<d1>\d{1,2})\b(?:,?[ \t]+(?P<y1>\d{4})\b)?|(?P<d2>\d{1,2})[ \t]+(?P<m2>{M})\b\.?(?:,?[ \t]+(?P<y2>\d{4})\b)?)[ \t]*(?:\([^)\n]{1,40}\)[ \t]*(?:(?:--?|–|—)\s*)?|(?:--?|–|—)\s*)",
    )
});

pub fn parse_dateline(text: &str) -> Option<Dateline> {
    let caps = RE_DATELINE.captures(text)?;
    let place = caps.name("place")?.as_str().trim().to_string();
    let (m, d, y) = match caps.name("m1") {
        Some(m) => (m, caps.name("d1")?, caps.name("y1")),
        None => (caps.name("m2")?, caps.name("d2")?, caps.name("y2")),
    };
    let month = month_from_name(m.as_str())?;
    let day: u32 = d.as_str().parse().ok()?;
    let year = match y {
        Some(y) => Some(
            y.as_str()
                .parse::<i32>()
                .ok()
                .filter(|y| TEXT_YEARS.contains(y))?,
        ),
        None => None,
    };
    // A yearless date is checked against a leap year so "Feb. 29" is accepted.
    NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day)?;
    Some(Dateline {
        place,
        month,
        day,
        year,
        len: caps.get(0)?.end(),
    })
}

// ---------------------------------------------------------------------------
// Paths
// ---------------------------------------------------------------------------

/// A date in a file path: `2023/11/05/...`, `2023-11-05-slug.md`, `2023/11/slug.txt`.
pub fn date_from_path(path: &str) -> Option<PartialDate> {
    // Split into alphanumeric tokens; only all-digit tokens can be date parts, so a
    // year inside a hex id or a longer digit run never counts.
    let mut tokens: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in path.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            tokens.push((s, i));
        }
    }
    if let Some(s) = start {
        tokens.push((s, path.len()));
    }
    let is_digits = |&(s, e): &(usize, usize)| path[s..e].bytes().all(|b| b.is_ascii_digit());
    // Date parts must be joined by exactly one separator character.
    let sep_between = |a: (usize, usize), b: (usize, usize)| -> Option<u8> {
        (b.0 == a.1 + 1)
            .then(|| path.as_bytes()[a.1])
            .filter(|c| matches!(c, b'/' | b'-' | b'_' | b'.'))
    };
    let mut best: Option<(u8, usize, PartialDate)> = None;
    let mut consider = |rank: u8, pos: usize, date: PartialDate| {
        if best.is_none_or(|(r, p, _)| (rank, pos) > (r, p)) {
            best = Some((rank, pos, date));
        }
    };
    for (i, &tok) in tokens.iter().enumerate() {
        if !is_digits(&tok) {
            continue;
        }
        let s = &path[tok.0..tok.1];
        if s.len() == 8 {
            let (y, m, d) = (
                s[..4].parse().ok(),
                s[4..6].parse().ok(),
                s[6..].parse().ok(),
            );
            if let (Some(y), Some(m), Some(d)) = (y, m, d)
                && BARE_YEARS.contains(&y)
                && let Some(date) = NaiveDate::from_ymd_opt(y, m, d)
            {
                consider(3, tok.0, PartialDate::Day(date));
            }
            continue;
        }
        if s.len() != 4 {
            continue;
        }
        let Some(year) = s.parse::<i32>().ok().filter(|y| BARE_YEARS.contains(y)) else {
            continue;
        };
        let next = |k: usize| {
            tokens
                .get(k)
                .copied()
                .filter(|t| is_digits(t) && (1..=2).contains(&(t.1 - t.0)))
                .and_then(|t| sep_between(tokens[k - 1], t).map(|_| t))
        };
        let month = next(i + 1).and_then(|t| {
            path[t.0..t.1]
                .parse::<u32>()
                .ok()
                .filter(|m| (1..=12).contains(m))
                .map(|m| (t, m))
        });
        if let Some((_, month)) = month {
            let day = next(i + 2)
                .and_then(|t| NaiveDate::from_ymd_opt(year, month, path[t.0..t.1].parse().ok()?));
            match day {
                Some(date) => consider(3, tok.0, PartialDate::Day(date)),
                None => consider(2, tok.0, PartialDate::Month { year, month }),
            }
            continue;
        }
        // A bare year counts as a directory or a prefix, not as a whole file stem
        // ("2001.txt" is more often an id than a year).
        if let Some(b'/' | b'-' | b'_') = path.as_bytes().get(tok.1) {
            consider(1, tok.0, PartialDate::Year(year));
        }
    }
    best.map(|(_, _, d)| d)
}

#[cfg(test)]
mod tests;
