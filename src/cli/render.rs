//! How results look: plain text for people (with colour on a terminal), JSON
//! for programs. Every string that came from an article passes through
//! [`sanitize`] (in [`crate::text`]) before it reaches a terminal.

use std::io::{self, Write};
use std::ops::Range;

use crate::entity::{EntityKind, Matching};
use crate::index::merge::MergeReport;
use crate::ingest::extracted::ExtractedReport;
use crate::ingest::{Format, IngestReport, human_bytes};
use crate::output::country_name;
use crate::search::explore::{Facets, PeriodCount, RelatedReport};
use crate::search::{ArticleDetail, SearchResults, Stats, ValueCount};
pub use crate::text::sanitize;

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
        for s in &results.did_you_mean {
            let instead = match s.field {
                "query" => format!("{:?}", sanitize(&s.suggestion)),
                flag => format!("--{flag} {:?}", sanitize(&s.suggestion)),
            };
            writeln!(
                out,
                "did you mean {instead} instead of {:?}? ({} articles)",
                sanitize(&s.typed),
                s.articles
            )?;
        }
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
        for (kind, values) in hit.entities.iter() {
            if !values.is_empty() {
                meta.push(abbreviated_list(values, hit_list_size(kind)));
            }
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

/// How many values of a kind a search hit's summary line shows: codes are short.
fn hit_list_size(kind: EntityKind) -> usize {
    match kind.spec().matching {
        Matching::NameWords => 3,
        Matching::Code => 6,
    }
}

/// A value as shown in lists: a name as written, a code with its name (`IQ  Iraq`).
fn value_label(kind: EntityKind, value: &str) -> String {
    match kind.spec().matching {
        Matching::NameWords => sanitize(value),
        Matching::Code => format!("{value}  {}", country_name(value)),
    }
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

pub fn facets_text(out: &mut impl Write, facets: &Facets, style: &Style) -> io::Result<()> {
    let line = |items: &[ValueCount], label: &dyn Fn(&str) -> String| {
        items
            .iter()
            .map(|c| format!("{} ({})", label(&c.value), c.articles))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(out)?;
    for (kind, values) in facets.entities.iter() {
        let label = |v: &str| match kind.spec().matching {
            Matching::NameWords => sanitize(v),
            Matching::Code => format!("{v} {}", country_name(v)),
        };
        let heading = format!("{:<10}", format!("{}:", kind.spec().plural));
        writeln!(
            out,
            "{}  {}",
            style.paint(BOLD, &heading),
            line(values, &label)
        )?;
    }
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
    for (kind, rows) in report.entities.iter() {
        writeln!(out)?;
        writeln!(out, "{}", style.paint(BOLD, kind.spec().plural))?;
        if rows.is_empty() {
            writeln!(out, "  none seen together often enough (see --min-count)")?;
            continue;
        }
        writeln!(
            out,
            "{}",
            style.paint(DIM, "  lift>=    lift  together  overall  name")
        )?;
        for r in rows {
            writeln!(
                out,
                "{:>7.1}  {:>6.1}  {:>8}  {:>7}  {}",
                r.lift_low,
                r.lift,
                r.together,
                r.overall,
                value_label(kind, &r.value)
            )?;
        }
    }
    Ok(())
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
        writeln!(out, "{:>8}  {}", c.articles, value_label(kind, &c.value))?;
    }
    Ok(())
}

pub fn article(out: &mut impl Write, a: &ArticleDetail, style: &Style) -> io::Result<()> {
    writeln!(out, "{}", style.paint(BOLD, &sanitize(&a.title)))?;
    let line = a
        .line
        .map(|l| format!(" ({} {l})", Format::position_word(&a.format)))
        .unwrap_or_default();
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
            writeln!(out, "{:<10} {}", format!("{label}:"), sanitize(value))?;
        }
    }
    if !a.tags.is_empty() {
        writeln!(out, "tags:      {}", sanitize(&a.tags.join(", ")))?;
    }
    // Each person with how the article writes them, when that is not the name
    // the archive knows them by: why `--person` found the article.
    let written = |name: &str, forms: &[String]| -> String {
        let other: Vec<String> = forms
            .iter()
            .filter(|f| f.as_str() != name)
            .map(|f| format!("\"{}\"", sanitize(f)))
            .collect();
        if other.is_empty() {
            String::new()
        } else {
            format!(", as {}", other.join(", "))
        }
    };
    let people: Vec<String> = a
        .entities
        .people
        .iter()
        .filter(|p| p.counts() && !p.firm)
        .map(|p| {
            let forms = written(&p.name, &p.forms);
            format!("{} ({}{forms})", sanitize(&p.name), p.mentions)
        })
        .collect();
    writeln!(out, "people:    {}", none_if_empty(people.join("; ")))?;
    let orgs: Vec<String> = a
        .entities
        .orgs
        .iter()
        .map(|o| (o.name.as_str(), o.mentions, o.forms.as_slice()))
        .chain(
            a.entities
                .people
                .iter()
                .filter(|p| p.firm)
                .map(|p| (p.written_name(), p.mentions, p.forms.as_slice())),
        )
        .map(|(name, mentions, forms)| {
            format!("{} ({mentions}{})", sanitize(name), written(name, forms))
        })
        .collect();
    writeln!(out, "orgs:      {}", none_if_empty(orgs.join("; ")))?;
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
    for (kind, values) in s.top.0.iter() {
        let heading = format!("top {}:", kind.spec().plural);
        writeln!(out, "{heading:<16}{}", list(values))?;
    }
    Ok(())
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
    if !r.records_skipped.is_empty() {
        let kinds: Vec<String> = r
            .records_skipped
            .iter()
            .map(|(kind, n)| format!("{n} {kind}"))
            .collect();
        writeln!(
            out,
            "WARC records that are not articles: {}",
            sanitize(&kinds.join(", "))
        )?;
    }
    if r.articles_resolved > 0 {
        writeln!(
            out,
            "people resolved across the archive: {} articles updated",
            r.articles_resolved
        )?;
    }
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

/// The summary of `morgue index --extracted`.
pub fn extracted_report(
    out: &mut impl Write,
    r: &ExtractedReport,
    style: &Style,
) -> io::Result<()> {
    writeln!(
        out,
        "indexed {} articles from {} into {} in {:.2} s ({:.0} articles/s)",
        r.articles_indexed,
        sanitize(&r.input),
        r.index,
        r.elapsed_secs,
        r.articles_per_sec,
    )?;
    writeln!(
        out,
        "lines read: {}, new articles: {}, replaced (same id): {}, skipped: {}",
        r.lines, r.articles_added, r.articles_replaced, r.lines_skipped
    )?;
    writeln!(out, "the index holds {} articles", r.articles_total)?;
    if r.articles_resolved > 0 {
        writeln!(
            out,
            "people resolved across the archive: {} articles updated",
            r.articles_resolved
        )?;
    }
    if !r.skipped.is_empty() {
        writeln!(out, "{}", style.paint(RED, "skipped:"))?;
        for s in &r.skipped {
            let id =
                s.id.as_deref()
                    .map(|id| format!(" (id {})", sanitize(id)))
                    .unwrap_or_default();
            writeln!(out, "  line {}{id}: {}", s.line, sanitize(&s.message))?;
        }
        if r.lines_skipped > r.skipped.len() {
            writeln!(out, "  ... and {} more", r.lines_skipped - r.skipped.len())?;
        }
    }
    Ok(())
}

/// The summary of `morgue merge`, on stderr.
pub fn merge_report(out: &mut impl Write, r: &MergeReport) -> io::Result<()> {
    let files: usize = r.shards.iter().map(|s| s.files).sum();
    writeln!(
        out,
        "merged {} into {} in {:.2} s: {} from {}",
        counted(r.shards.len() as u64, "shard"),
        sanitize(&r.index),
        r.elapsed_secs,
        counted(r.articles_total, "article"),
        counted(files as u64, "file"),
    )?;
    for s in &r.shards {
        writeln!(
            out,
            "  {}: {}, {}, {}",
            sanitize(&s.path),
            counted(s.articles, "article"),
            counted(s.files as u64, "file"),
            counted(s.segments as u64, "segment")
        )?;
    }
    if r.articles_resolved > 0 {
        writeln!(
            out,
            "people resolved across the archive: {} updated",
            counted(r.articles_resolved as u64, "article")
        )?;
    }
    writeln!(
        out,
        "the index holds {} in {} ({})",
        counted(r.articles_total, "article"),
        counted(r.segments as u64, "segment"),
        human_bytes(r.size_bytes)
    )?;
    if !r.warnings.is_empty() {
        writeln!(out, "warnings:")?;
        for w in &r.warnings {
            writeln!(out, "  {}", sanitize(w))?;
        }
    }
    Ok(())
}

/// `1 article`, `2 articles`.
fn counted(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
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
