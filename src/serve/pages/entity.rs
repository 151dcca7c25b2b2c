//! The pages of a person (`/people/{name}`), an organisation (`/orgs/{name}`)
//! and a country (`/countries/{code}`): how many articles, their timeline, the
//! people, organisations and countries seen with them more than chance would
//! have it (as `morgue related`), and the most recent articles.

use maud::{Markup, html};

use super::search::kind_heading;
use super::timeline;
use super::{Page, SearchForm, articles, entity_label, entity_link, hit_list, layout, search_href};
use crate::entity::EntityKind;
use crate::index::Archive;
use crate::params::{self, defaults};
use crate::search::explore::{self, RelatedReport};
use crate::search::{self, EntityFilter, Filters, SearchRequest};
use crate::serve::request::{MAX_VALUE_CHARS, Params, Refusal, percent_decoded};
use crate::text::sanitize;

/// Recent articles listed on the page.
const RECENT: usize = 10;

pub(super) fn page(
    archive: &Archive,
    kind: EntityKind,
    segment: &str,
    query: &str,
) -> Result<Page, Refusal> {
    Params::parse(query, &[])?;
    let spec = kind.spec();
    let typed = percent_decoded(segment);
    if typed.chars().count() > MAX_VALUE_CHARS {
        return Err(Refusal::new(
            400,
            format!(
                "the {} is longer than {MAX_VALUE_CHARS} characters",
                spec.singular
            ),
        ));
    }
    let value = params::entity_value(kind, &typed)
        .map_err(|message| Refusal::new(404, format!("{}: {message}", spec.singular)))?;
    let filters = |about| Filters {
        entities: vec![EntityFilter {
            kind,
            value: value.clone(),
            about,
        }],
        ..Filters::default()
    };
    let recent = search::search(
        archive,
        &SearchRequest {
            query: None,
            filters: filters(false),
            sort: Some(search::SortOrder::Newest),
            limit: RECENT,
            offset: 0,
            facets: None,
            exact: false,
        },
    )?;
    if recent.total == 0 {
        return Err(Refusal::new(
            404,
            format!(
                "no article names the {} {:?} (the lists of people, organisations and countries are on the search page)",
                spec.singular,
                sanitize(&typed)
            ),
        ));
    }
    let base = vec![(spec.flag.to_string(), value.clone())];
    let chart = timeline::chart(archive, None, &filters(false), &base)?;
    let related = explore::related(
        archive,
        &filters(false),
        defaults::RELATED_LIMIT,
        defaults::RELATED_MIN_COUNT,
    )?;
    let about = match spec.about_flag {
        Some(flag) => {
            let count = search::search(
                archive,
                &SearchRequest {
                    query: None,
                    filters: filters(true),
                    sort: None,
                    limit: 0,
                    offset: 0,
                    facets: None,
                    exact: false,
                },
            )?
            .total;
            Some((flag, count))
        }
        None => None,
    };
    let label = entity_label(kind, &value);
    let markup = html! {
        main #main .entity data-kind=(spec.plural) {
            p .entity-kind { (kind_label(kind)) }
            h1 { bdi { (label) } }
            p .summary {
                a #all-articles href=(search_href(&base)) {
                    "All " (articles(recent.total as u64))
                }
                @if let Some((flag, count)) = about {
                    @if count > 0 {
                        " · "
                        a #about-articles href=(search_href(&[(flag.to_string(), value.clone())])) {
                            (articles(count as u64)) " about " (label)
                        }
                    }
                }
            }
            (timeline::figure(&chart, "Articles"))
            (related_section(&related))
            section #recent {
                h2 { "Most recent" }
                (hit_list(&recent.hits, 0))
            }
        }
    };
    Ok(Page::ok(layout(&label, &SearchForm::default(), markup)))
}

fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Org => "Organisation",
        EntityKind::Country => "Country",
    }
}

fn related_section(report: &RelatedReport) -> Markup {
    let any = report.entities.iter().any(|(_, values)| !values.is_empty());
    html! {
        section #related {
            h2 { "Seen with" }
            @if !any {
                p { "Nobody and nothing appears with it in two articles or more." }
            }
            div .related-kinds {
                @for (kind, values) in report.entities.iter() {
                    @if !values.is_empty() {
                        div .kind data-kind=(kind.spec().plural) {
                            h3 { (kind_heading(kind)) }
                            ul {
                                @for r in values {
                                    li {
                                        (entity_link(kind, &r.value))
                                        " "
                                        span .count title=(format!("in {} of the same articles; {:.1} times more often than chance", r.together, r.lift)) {
                                            (r.together)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
