//! How results look: plain text for people (with colour on a terminal), JSON
//! for programs. Every string that came from an article passes through
//! [`sanitize`] before it reaches a terminal.

use std::io::{self, Write};
use std::ops::Range;

use super::EntityKind;
use crate::extract::countries;
use crate::ingest::{IngestReport, human_bytes};
use crate::search::explore::{Facets, PeriodCount, Related, RelatedReport};
use crate::search::{ArticleDetail, SearchResults, Stats, ValueCount};

/// Version of the `--json`/`--jsonl` output contract; bumped on incompatible change.
pub const JSON_VERSION: u32 = 1;

const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const HIGHLIGHT: &str = "\x1b[1;33m";
const RED: &str = "\x1b[31m";
const RESET: &str = "\x1b[0m";

/// Whether to colour, and the escape codes to use.
pub struct Style {
    color: bool,
}

impl Style {
    pub fn new(color: bool) -> Style {
        Style { color }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("{code}{text}{RESET}")
        } else {
            text.to_string()
        }
    }
}

/// Removes everything from article text that could act on a terminal: control
/// characters (escape sequences start with one), and the invisible Unicode
/// controls that reorder or hide text. Line breaks and tabs become spaces.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\t' | '\r' => Some(' '),
            c if c.is_control() => None,
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => None,
            c => Some(c),
        })
        .collect()
}

/// Like [`sanitize`] but keeps line breaks, for the full text of an article.
fn sanitize_multiline(text: &str) -> String {
    text.lines().map(sanitize).collect::<Vec<_>>().join("\n")
}

pub fn search_text(
    out: &mut impl Write,
    results: &SearchResults,
    offset: usize,
    style: &Style,
) -> io::Result<()> {
    if results.total == 0 {
        writeln!(out, "no articles match")?;
        return Ok(());
    }
    for (i, hit) in results.hits.iter().enumerate() {
        let date = hit.published.as_deref().unwrap_or("----------");
        writeln!(
            out,
            "{:>3}. {}  {}",
            offset + i + 1,
            style.paint(DIM, date),
            style.paint(BOLD, &sanitize(&hit.title))
        )?;
        let mut meta = vec![sanitize(&hit.path)];
        if !hit.people.is_empty() {
            meta.push(abbreviated_list(&hit.people, 3));
        }
        if !hit.countries.is_empty() {
            meta.push(abbreviated_list(&hit.countries, 6));
        }
        writeln!(out, "     {}", style.paint(DIM, &meta.join("  ·  ")))?;
        if !hit.snippet.is_empty() {
            let snippet = highlight(&hit.snippet, &hit.highlights, style);
            writeln!(out, "     {snippet}")?;
        }
        writeln!(out)?;
    }
    let first = offset + 1;
    let last = offset + results.hits.len();
    let shown = if results.hits.is_empty() {
        format!("none shown (offset {offset})")
    } else {
        format!("showing {first}-{last}")
    };
    let noun = if results.total == 1 {
        "article"
    } else {
        "articles"
    };
    writeln!(out, "{} {noun} match, {shown}", results.total)
}

fn abbreviated_list(items: &[String], max: usize) -> String {
    let shown: Vec<String> = items.iter().take(max).map(|s| sanitize(s)).collect();
    if items.len() > max {
        format!("{} +{}", shown.join(", "), items.len() - max)
    } else {
        shown.join(", ")
    }
}

/// The snippet with its highlighted ranges painted; ranges are byte offsets
/// into the unsanitised snippet.
fn highlight(snippet: &str, ranges: &[Range<usize>], style: &Style) -> String {
    let mut text = String::new();
    let mut last = 0;
    for range in ranges {
        if range.start < last
            || range.end > snippet.len()
            || !snippet.is_char_boundary(range.start)
            || !snippet.is_char_boundary(range.end)
        {
            continue;
        }
        text.push_str(&sanitize(&snippet[last..range.start]));
        text.push_str(&style.paint(HIGHLIGHT, &sanitize(&snippet[range.clone()])));
        last = range.end;
    }
    text.push_str(&sanitize(&snippet[last..]));
    format!("…{}…", text.trim())
}

#[derive(serde::Serialize)]
struct JsonResults<'a> {
    version: u32,
    #[serde(flatten)]
    results: &'a SearchResults,
}

pub fn search_json(out: &mut impl Write, results: &SearchResults) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(
        &mut *out,
        &JsonResults {
            version: JSON_VERSION,
            results,
        },
    )?;
    writeln!(out)?;
    Ok(())
}

pub fn search_jsonl(out: &mut impl Write, results: &SearchResults) -> anyhow::Result<()> {
    for hit in &results.hits {
        serde_json::to_writer(&mut *out, hit)?;
        writeln!(out)?;
    }
    Ok(())
}

pub fn facets_text(out: &mut impl Write, facets: &Facets, style: &Style) -> io::Result<()> {
    let line = |items: &[ValueCount], label: &dyn Fn(&str) -> String| {
        items
            .iter()
            .map(|c| format!("{} ({})", label(&c.value), c.articles))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(out)?;
    writeln!(
        out,
        "{}  {}",
        style.paint(BOLD, "people:   "),
        line(&facets.people, &|v| sanitize(v))
    )?;
    writeln!(
        out,
        "{}  {}",
        style.paint(BOLD, "countries:"),
        line(&facets.countries, &|v| format!("{v} {}", country_name(v)))
    )?;
    writeln!(
        out,
        "{}  {}",
        style.paint(BOLD, "months:   "),
        line(&facets.months, &|v| v.to_string())
    )
}

/// A horizontal bar chart, one line per period, fitted to `width` columns.
pub fn timeline_text(
    out: &mut impl Write,
    series: &[PeriodCount],
    width: usize,
    style: &Style,
) -> io::Result<()> {
    if series.is_empty() {
        return writeln!(out, "no dated articles match");
    }
    let label_width = series.iter().map(|p| p.period.len()).max().unwrap_or(0);
    let max = series.iter().map(|p| p.articles).max().unwrap_or(0).max(1);
    let count_width = max.to_string().len();
    let bar_room = width.saturating_sub(label_width + count_width + 4).max(10);
    for p in series {
        // Round up so that any non-zero period shows at least one block.
        let len = (p.articles as usize * bar_room).div_ceil(max as usize);
        let bar = "█".repeat(len);
        writeln!(
            out,
            "{:<label_width$}  {:>count_width$}  {}",
            p.period,
            p.articles,
            style.paint(HIGHLIGHT, &bar)
        )?;
    }
    let total: u64 = series.iter().map(|p| p.articles).sum();
    writeln!(out, "{total} articles in {} periods", series.len())
}

pub fn related_text(out: &mut impl Write, report: &RelatedReport, style: &Style) -> io::Result<()> {
    writeln!(
        out,
        "{} of {} articles match the subject",
        report.subject_articles, report.all_articles
    )?;
    let table = |out: &mut dyn Write,
                 title: &str,
                 rows: &[Related],
                 label: &dyn Fn(&str) -> String|
     -> io::Result<()> {
        writeln!(out)?;
        writeln!(out, "{}", style.paint(BOLD, title))?;
        if rows.is_empty() {
            return writeln!(out, "  none seen together often enough (see --min-count)");
        }
        writeln!(
            out,
            "{}",
            style.paint(DIM, "    lift  together  overall  name")
        )?;
        for r in rows {
            writeln!(
                out,
                "{:>8.1}  {:>8}  {:>7}  {}",
                r.lift,
                r.together,
                r.overall,
                label(&r.value)
            )?;
        }
        Ok(())
    };
    table(out, "people", &report.people, &|v| sanitize(v))?;
    table(out, "countries", &report.countries, &|v| {
        format!("{v}  {}", country_name(v))
    })
}

pub fn counts_text(
    out: &mut impl Write,
    counts: &[ValueCount],
    kind: EntityKind,
    style: &Style,
) -> io::Result<()> {
    if counts.is_empty() {
        return writeln!(out, "no articles match");
    }
    writeln!(out, "{}", style.paint(DIM, "articles  name"))?;
    for c in counts {
        let label = match kind {
            EntityKind::People => sanitize(&c.value),
            EntityKind::Countries => format!("{}  {}", c.value, country_name(&c.value)),
        };
        writeln!(out, "{:>8}  {label}", c.articles)?;
    }
    Ok(())
}

fn country_name(code: &str) -> &'static str {
    countries::by_code(code).map(|c| c.name).unwrap_or("")
}

pub fn counts_json(
    out: &mut impl Write,
    counts: &[ValueCount],
    kind: EntityKind,
) -> anyhow::Result<()> {
    let items: Vec<serde_json::Value> = counts
        .iter()
        .map(|c| match kind {
            EntityKind::People => serde_json::json!({"name": c.value, "articles": c.articles}),
            EntityKind::Countries => serde_json::json!({
                "code": c.value, "name": country_name(&c.value), "articles": c.articles
            }),
        })
        .collect();
    let key = match kind {
        EntityKind::People => "people",
        EntityKind::Countries => "countries",
    };
    let mut object = serde_json::Map::new();
    object.insert("version".into(), JSON_VERSION.into());
    object.insert(key.into(), items.into());
    serde_json::to_writer_pretty(&mut *out, &object)?;
    writeln!(out)?;
    Ok(())
}

pub fn article(out: &mut impl Write, a: &ArticleDetail, style: &Style) -> io::Result<()> {
    writeln!(out, "{}", style.paint(BOLD, &sanitize(&a.title)))?;
    let line = a.line.map(|l| format!(" (line {l})")).unwrap_or_default();
    writeln!(out, "id:        {}", a.id)?;
    writeln!(out, "path:      {}{line}", sanitize(&a.path))?;
    writeln!(out, "format:    {}", a.format)?;
    let published = match (&a.published, &a.published_partial) {
        (Some(day), _) => day.clone(),
        (None, Some(partial)) => format!("{partial} (year unknown)"),
        (None, None) => "unknown".to_string(),
    };
    writeln!(out, "published: {published} (from {})", a.date_source)?;
    for (label, value) in [
        ("author", &a.author),
        ("source", &a.source),
        ("url", &a.url),
    ] {
        if let Some(value) = value {
            writeln!(out, "{label:<10} {}", sanitize(value))?;
        }
    }
    if !a.tags.is_empty() {
        writeln!(out, "tags:      {}", sanitize(&a.tags.join(", ")))?;
    }
    let people: Vec<String> = a
        .entities
        .people
        .iter()
        .map(|p| format!("{} ({})", sanitize(&p.name), p.mentions))
        .collect();
    writeln!(out, "people:    {}", none_if_empty(people.join(", ")))?;
    let countries: Vec<String> = a
        .entities
        .countries
        .iter()
        .map(|c| {
            let about = if c.about { ", about" } else { "" };
            format!(
                "{} {} ({}{about})",
                c.code,
                country_name(&c.code),
                c.mentions
            )
        })
        .collect();
    writeln!(out, "countries: {}", none_if_empty(countries.join(", ")))?;
    let dates: Vec<String> = a
        .entities
        .dates
        .iter()
        .map(|d| format!("{} \"{}\"", d.value, sanitize(&d.text)))
        .collect();
    writeln!(out, "dates:     {}", none_if_empty(dates.join(", ")))?;
    writeln!(out)?;
    writeln!(out, "{}", sanitize_multiline(&a.body))?;
    writeln!(out)
}

fn none_if_empty(s: String) -> String {
    if s.is_empty() { "none".to_string() } else { s }
}

pub fn stats(out: &mut impl Write, s: &Stats, style: &Style) -> io::Result<()> {
    writeln!(out, "{}", style.paint(BOLD, "morgue archive"))?;
    writeln!(
        out,
        "index:          {} ({}, format version {})",
        s.index,
        human_bytes(s.size_bytes),
        s.format_version
    )?;
    writeln!(out, "articles:       {}", s.articles)?;
    let range = match (&s.first_published, &s.last_published) {
        (Some(a), Some(b)) => format!("{a} to {b}"),
        _ => "no dated articles".to_string(),
    };
    writeln!(out, "published:      {range}")?;
    let list = |items: &[ValueCount]| {
        items
            .iter()
            .map(|c| format!("{} {}", sanitize(&c.value), c.articles))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(out, "formats:        {}", list(&s.formats))?;
    writeln!(out, "date sources:   {}", list(&s.date_sources))?;
    writeln!(out, "top people:     {}", list(&s.top_people))?;
    writeln!(out, "top countries:  {}", list(&s.top_countries))
}

pub fn ingest_report(out: &mut impl Write, r: &IngestReport, style: &Style) -> io::Result<()> {
    writeln!(
        out,
        "indexed {} articles from {} files into {} in {:.2} s ({:.0} articles/s, {})",
        r.articles_indexed,
        r.files_indexed,
        r.index,
        r.elapsed_secs,
        r.articles_per_sec,
        human_bytes(r.bytes_read)
    )?;
    writeln!(
        out,
        "files seen: {}, new: {}, updated: {}, unchanged: {}, removed: {}, skipped: {}, ignored (not an article format): {}",
        r.files_seen,
        r.files_added,
        r.files_updated,
        r.files_unchanged,
        r.files_removed,
        r.skipped.len(),
        r.files_ignored
    )?;
    writeln!(out, "the index holds {} articles", r.articles_total)?;
    if !r.skipped.is_empty() {
        writeln!(out, "{}", style.paint(RED, "skipped:"))?;
        for s in &r.skipped {
            writeln!(out, "  {}: {}", sanitize(&s.path), sanitize(&s.reason))?;
        }
    }
    if !r.warnings.is_empty() {
        writeln!(out, "warnings:")?;
        for w in &r.warnings {
            let line = w.line.map(|l| format!(":{l}")).unwrap_or_default();
            writeln!(
                out,
                "  {}{line}: {}",
                sanitize(&w.path),
                sanitize(&w.message)
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_removes_terminal_controls() {
        let cases: &[(&str, &str)] = &[
            ("plain", "plain"),
            ("red\x1b[31mtext", "red[31mtext"),
            ("title\x07bell", "titlebell"),
            ("two\nlines", "two lines"),
            ("c1\u{9b}31m", "c131m"),
            ("evil\u{202E}txt.exe", "eviltxt.exe"),
            ("Erdoğan", "Erdoğan"),
        ];
        for (input, expected) in cases {
            assert_eq!(sanitize(input), *expected, "{input:?}");
        }
    }

    #[test]
    fn highlights_do_not_split_characters() {
        let style = Style::new(true);
        let text = highlight(
            "Erdoğan met Blinken",
            std::slice::from_ref(&(13..20)),
            &style,
        );
        assert_eq!(text, format!("…Erdoğan met {HIGHLIGHT}Blinken{RESET}…"));
        // A range that is not on a character boundary is ignored, not a panic.
        let text = highlight("Erdoğan", std::slice::from_ref(&(4..5)), &style);
        assert_eq!(text, "…Erdoğan…");
    }
}
