//! The search page, `/`: the form, the filters in force with a way to drop each,
//! the results with snippets, paging and sort orders, facets of the whole
//! result set that refine the search, and its timeline. Every control is a
//! link to another search address, so all of it works without JavaScript.

use maud::{Markup, html};

use super::timeline;
use super::{Page, SearchForm, articles, hit_list, layout, search_href, thousands};
use crate::entity::{EntityKind, Matching};
use crate::index::Archive;
use crate::output::country_name;
use crate::params::defaults;
use crate::search::{self, SearchResults, Suggestion, ValueCount};
use crate::serve::request::{self, MAX_OFFSET, Params, Refusal};
use crate::text::sanitize;

/// Parameters that say how to show a search, not which articles it finds.
const PRESENTATION: [&str; 4] = ["sort", "limit", "offset", "exact"];

pub(super) fn page(archive: &Archive, query: &str) -> Result<Page, Refusal> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    // A form sends its empty fields too; the address to keep is the one without them.
    if pairs.iter().any(|(_, value)| value.trim().is_empty()) {
        let kept: Vec<(String, String)> = pairs
            .into_iter()
            .filter(|(_, value)| !value.trim().is_empty())
            .collect();
        return Ok(Page {
            status: 303,
            html: String::new(),
            redirect: Some(search_href(&kept)),
        });
    }
    let form = SearchForm {
        pairs: pairs.clone(),
    };
    match run(archive, query, &pairs) {
        Ok(markup) => Ok(Page::ok(layout(&title(&pairs), &form, markup))),
        Err(refusal) => Ok(Page::refused(&refusal, &form)),
    }
}

fn title(pairs: &[(String, String)]) -> String {
    let typed: Vec<&str> = pairs
        .iter()
        .filter(|(name, _)| !PRESENTATION.contains(&name.as_str()))
        .map(|(_, value)| value.as_str())
        .collect();
    if typed.is_empty() {
        "Search the archive".to_string()
    } else {
        typed.join(" · ")
    }
}

fn run(archive: &Archive, query: &str, pairs: &[(String, String)]) -> Result<Markup, Refusal> {
    let p = Params::parse(query, &request::search_parameters())?;
    let request = request::search_request(&p, Some(defaults::FACET_SIZE))?;
    let results = search::search(archive, &request)?;
    let chart = if results.total == 0 {
        None
    } else {
        let base = filters_only(pairs);
        Some(timeline::chart(
            archive,
            request.query.as_deref(),
            &request.filters,
            &base,
        )?)
    };
    Ok(html! {
        main #main .search {
            div .results-column {
                (summary(&results, request.offset, pairs))
                (active_filters(pairs))
                @if results.total == 0 {
                    (nothing_found(&results.did_you_mean, pairs))
                }
                @if let Some(chart) = &chart {
                    (timeline::figure(chart, "Articles of this search"))
                }
                (hit_list(&results.hits, request.offset))
                (paging(results.total, request.offset, request.limit, pairs))
            }
            @if results.total > 0 {
                (facets(&results, pairs))
            }
        }
    })
}

/// The search's parameters without paging: the base of every link that changes it.
fn without_paging(pairs: &[(String, String)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .filter(|(name, _)| name != "offset")
        .cloned()
        .collect()
}

/// The parameters that choose articles (no sort, paging or page size).
fn filters_only(pairs: &[(String, String)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .filter(|(name, _)| !matches!(name.as_str(), "offset" | "sort" | "limit"))
        .cloned()
        .collect()
}

fn summary(results: &SearchResults, offset: usize, pairs: &[(String, String)]) -> Markup {
    let base = without_paging(pairs);
    let sort = pairs
        .iter()
        .find(|(name, _)| name == "sort")
        .map_or("", |(_, v)| v.as_str());
    // Without words to rank by, a search lists the newest first anyway.
    let has_words = pairs.iter().any(|(name, _)| name == "q");
    let orders: &[(&str, &str)] = if has_words {
        &[
            ("", "Best first"),
            ("newest", "Newest"),
            ("oldest", "Oldest"),
        ]
    } else {
        &[("", "Newest"), ("oldest", "Oldest")]
    };
    let shown = results.hits.len();
    html! {
        div .summary-line {
            p #summary {
                @if results.total == 0 {
                    "No articles found"
                } @else if shown == 0 {
                    (articles(results.total as u64)) " (none on this page)"
                } @else if shown == results.total {
                    (articles(results.total as u64))
                } @else {
                    (thousands((offset + 1) as u64)) "–" (thousands((offset + shown) as u64))
                    " of " (articles(results.total as u64))
                }
            }
            @if results.total > 1 {
                nav .sort aria-label="Order" {
                    @for &(value, label) in orders {
                        @if sort == value {
                            span aria-current="true" { (label) }
                        } @else {
                            a href=(search_href(&with_one(&base, "sort", value))) { (label) }
                        }
                    }
                }
            }
        }
    }
}

/// `pairs` with `name` set to `value` (or removed when `value` is empty).
fn with_one(pairs: &[(String, String)], name: &str, value: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = pairs.iter().filter(|(n, _)| n != name).cloned().collect();
    if !value.is_empty() {
        out.push((name.to_string(), value.to_string()));
    }
    out
}

/// The filters and query in force, each with a link that drops it.
fn active_filters(pairs: &[(String, String)]) -> Markup {
    let base = without_paging(pairs);
    let active: Vec<&(String, String)> = base
        .iter()
        .filter(|(name, _)| !PRESENTATION.contains(&name.as_str()))
        .collect();
    html! {
        @if !active.is_empty() {
            ul #active-filters aria-label="In force" {
                @for pair in active {
                    @let (name, value) = (&pair.0, &pair.1);
                    @let rest: Vec<(String, String)> = base.iter().filter(|p| *p != pair).cloned().collect();
                    li {
                        span .name { (parameter_label(name)) }
                        " "
                        bdi .value { (sanitize(value)) }
                        " "
                        a .remove href=(search_href(&rest))
                            aria-label=(format!("Remove {} {}", parameter_label(name), sanitize(value)))
                            title="Remove" { "×" }
                    }
                }
            }
        }
    }
}

fn parameter_label(name: &str) -> &'static str {
    match name {
        "q" => "words",
        "person" => "person",
        "org" => "organisation",
        "country" => "country",
        "about" => "about",
        "from" => "from",
        "to" => "to",
        "on" => "on",
        "mentions" => "mentions",
        _ => "",
    }
}

fn nothing_found(suggestions: &[Suggestion], pairs: &[(String, String)]) -> Markup {
    html! {
        div .nothing {
            @for s in suggestions {
                @if let Some(href) = suggestion_href(s, pairs) {
                    p .did-you-mean {
                        "Did you mean "
                        a href=(href) { bdi { (sanitize(&s.suggestion)) } }
                        " (" (articles(s.articles)) ") instead of "
                        bdi { (sanitize(&s.typed)) } "?"
                    }
                }
            }
            p { "Fewer words, fewer filters or a wider date range find more." }
        }
    }
}

/// The same search with the suggestion in place of what was typed.
fn suggestion_href(s: &Suggestion, pairs: &[(String, String)]) -> Option<String> {
    let name = if s.field == "query" { "q" } else { s.field };
    let mut replaced = false;
    let changed: Vec<(String, String)> = without_paging(pairs)
        .into_iter()
        .map(|(n, v)| {
            if n == name && !replaced && v.contains(&s.typed) {
                replaced = true;
                let v = v.replacen(&s.typed, &s.suggestion, 1);
                (n, v)
            } else {
                (n, v)
            }
        })
        .collect();
    replaced.then(|| search_href(&changed))
}

fn paging(total: usize, offset: usize, limit: usize, pairs: &[(String, String)]) -> Markup {
    let limit = limit.max(1);
    let base = without_paging(pairs);
    let at = |offset: usize| {
        if offset == 0 {
            search_href(&base)
        } else {
            search_href(&with_one(&base, "offset", &offset.to_string()))
        }
    };
    let previous = (offset > 0).then(|| at(offset.saturating_sub(limit)));
    let next_offset = offset + limit;
    let next = (next_offset < total && next_offset <= MAX_OFFSET).then(|| at(next_offset));
    let pages = total.div_ceil(limit);
    html! {
        @if previous.is_some() || next.is_some() {
            nav #pages aria-label="Pages" {
                @if let Some(href) = previous {
                    a rel="prev" href=(href) { "← Previous" }
                }
                span .page { "Page " (thousands((offset / limit + 1) as u64)) " of " (thousands(pages as u64)) }
                @if let Some(href) = next {
                    a rel="next" href=(href) { "Next →" }
                }
            }
        }
    }
}

/// The people, organisations, countries and months most of the results share;
/// each refines the search (or, when already in force, drops the filter).
fn facets(results: &SearchResults, pairs: &[(String, String)]) -> Markup {
    let Some(facets) = &results.facets else {
        return html! {};
    };
    let base = without_paging(pairs);
    html! {
        aside #facets aria-label="Refine" {
            h2 { "Refine" }
            @for (kind, values) in facets.entities.iter() {
                @if !values.is_empty() {
                    section .facet data-kind=(kind.spec().plural) {
                        h3 { (kind_heading(kind)) }
                        ul {
                            @for v in values {
                                li { (facet_value(kind.spec().flag, &facet_label(kind, v), &v.value, v.articles, &base)) }
                            }
                        }
                        @if values.len() >= defaults::FACET_SIZE {
                            a .all href=(format!("/{}{}", kind.spec().plural, &search_href(&filters_only(&base))[1..])) {
                                "All " (kind_heading(kind).to_lowercase()) " of this search"
                            }
                        }
                    }
                }
            }
            @if !facets.months.is_empty() {
                section .facet data-kind="months" {
                    h3 { "Months" }
                    ul {
                        @for v in &facets.months {
                            @let href = search_href(&timeline::narrowed(&base, &v.value, &v.value));
                            li {
                                a .facet-value href=(href) {
                                    span .label { (v.value) }
                                    span .count { (thousands(v.articles)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn facet_label(kind: EntityKind, v: &ValueCount) -> String {
    match kind.spec().matching {
        Matching::NameWords => sanitize(&v.value),
        Matching::Code => match country_name(&v.value) {
            "" => v.value.clone(),
            name => name.to_string(),
        },
    }
}

/// A facet's link: adds `flag=value`, or drops it when it is already in force.
fn facet_value(
    flag: &str,
    label: &str,
    value: &str,
    count: u64,
    base: &[(String, String)],
) -> Markup {
    let active = base
        .iter()
        .any(|(n, v)| n == flag && v.eq_ignore_ascii_case(value));
    let href = if active {
        search_href(
            &base
                .iter()
                .filter(|(n, v)| !(n == flag && v.eq_ignore_ascii_case(value)))
                .cloned()
                .collect::<Vec<_>>(),
        )
    } else {
        let mut added = base.to_vec();
        added.push((flag.to_string(), value.to_string()));
        search_href(&added)
    };
    html! {
        a .facet-value .active[active] href=(href) aria-current=[active.then_some("true")] {
            bdi .label { (label) }
            span .count { (thousands(count)) }
        }
    }
}

pub(super) fn kind_heading(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Org => "Organisations",
        EntityKind::Country => "Countries",
    }
}
