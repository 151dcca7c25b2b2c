//! The timeline chart of a search or an entity: articles per month (per day
//! when the articles fall within two months, per year past 25 years), drawn
//! as SVG on the server. Each bar is a link to the same search narrowed to its
//! period, so the chart works as a date filter without JavaScript.

use maud::{Markup, html};

use super::thousands;
use crate::index::Archive;
use crate::search::explore::{self, Period, PeriodCount};
use crate::search::{Filters, SearchError};

/// Months above which bars are years.
const MOST_MONTHS: usize = 300;
/// Months up to which bars are days.
const FEWEST_MONTHS: usize = 2;

/// A timeline ready to draw: its bars and the search each bar narrows.
pub(super) struct Chart {
    by: Period,
    series: Vec<PeriodCount>,
    /// The parameters of the search the chart belongs to (no paging).
    base: Vec<(String, String)>,
}

pub(super) fn chart(
    archive: &Archive,
    query: Option<&str>,
    filters: &Filters,
    base: &[(String, String)],
) -> Result<Chart, SearchError> {
    let mut by = Period::Month;
    let mut series = explore::timeline(archive, query, filters, by)?;
    if series.len() > MOST_MONTHS {
        by = Period::Year;
        series = explore::timeline(archive, query, filters, by)?;
    } else if !series.is_empty() && series.len() <= FEWEST_MONTHS {
        by = Period::Day;
        series = explore::timeline(archive, query, filters, by)?;
    }
    Ok(Chart {
        by,
        series,
        base: base.to_vec(),
    })
}

/// `base` with its publication dates replaced by `from`..`to`.
pub(super) fn narrowed(base: &[(String, String)], from: &str, to: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = base
        .iter()
        .filter(|(name, _)| !matches!(name.as_str(), "from" | "to" | "on" | "offset"))
        .cloned()
        .collect();
    out.push(("from".to_string(), from.to_string()));
    out.push(("to".to_string(), to.to_string()));
    out
}

/// Width of one bar and its gap, in the chart's own units.
const SLOT: usize = 10;
const BAR: usize = 8;
const HEIGHT: u64 = 100;
/// Bars that fill the page's width; fewer take a quarter, half or three
/// quarters of it (CSS classes, as the pages allow no inline style).
const FULL_WIDTH_BARS: usize = 24;

pub(super) fn figure(chart: &Chart, caption: &str) -> Markup {
    let Some(max) = chart.series.iter().map(|p| p.articles).max() else {
        return html! {};
    };
    let dated: u64 = chart.series.iter().map(|p| p.articles).sum();
    let width = chart.series.len() * SLOT;
    let unit = match chart.by {
        Period::Year => "year",
        Period::Month => "month",
        Period::Week => "week",
        Period::Day => "day",
    };
    let quarters = (chart.series.len() * 4)
        .div_ceil(FULL_WIDTH_BARS)
        .clamp(1, 4);
    let first = chart.series.first().map_or("", |p| p.period.as_str());
    let last = chart.series.last().map_or("", |p| p.period.as_str());
    html! {
        figure #timeline data-by=(unit) {
            figcaption {
                (caption) ", per " (unit) ": " (thousands(dated)) " with a known date, "
                "at most " (thousands(max)) " in one " (unit)
                span .hint { " · a bar narrows the dates" }
            }
            div class=(format!("chart w{}", quarters * 25)) {
                svg viewBox=(format!("0 0 {width} {HEIGHT}")) preserveAspectRatio="none"
                    role="group" aria-label=(format!("{caption}, per {unit}")) {
                    @for (i, p) in chart.series.iter().enumerate() {
                        @let x = i * SLOT;
                        @let h = if p.articles == 0 { 0 } else { (p.articles * HEIGHT / max.max(1)).max(2) };
                        @if p.articles == 0 {
                            rect .empty x=(x) y=(HEIGHT - 1) width=(BAR) height="1" {}
                        } @else {
                            @let label = format!("{}: {}", p.period, super::articles(p.articles));
                            a .bar href=(super::search_href(&narrowed(&chart.base, &p.period, &p.period)))
                                aria-label=(label) {
                                title { (label) }
                                rect .area x=(x) y="0" width=(SLOT) height=(HEIGHT) {}
                                rect .fill x=(x) y=(HEIGHT - h) width=(BAR) height=(h) {}
                            }
                        }
                    }
                }
                div .axis {
                    span { (first) }
                    @if last != first { span { (last) } }
                }
            }
        }
    }
}
