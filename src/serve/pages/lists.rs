//! The list pages, `/people`, `/orgs` and `/countries`: every value of a kind
//! across the archive or a search (the API's `q` and filters), most articles
//! first, as `morgue people` prints them. Each name links to its page, each
//! count to the search for it.

use maud::html;

use super::search::kind_heading;
use super::{Page, SearchForm, entity_link, layout, search_href, thousands};
use crate::entity::EntityKind;
use crate::index::Archive;
use crate::search;
use crate::serve::request::{self, MAX_LIST, Params, Refusal};

/// Entries a list page shows unless `limit` says otherwise.
const PAGE_LIST: usize = 100;

pub(super) fn page(archive: &Archive, kind: EntityKind, query: &str) -> Result<Page, Refusal> {
    let mut allowed = vec!["q", "limit"];
    allowed.extend(request::filter_names());
    let p = Params::parse(query, &allowed)?;
    let limit = p.bounded("limit", PAGE_LIST, MAX_LIST)?;
    let query_text = p.query()?;
    let filters = p.filters()?;
    let counts = search::count_values(
        archive,
        kind.spec().field,
        query_text.as_deref(),
        &filters,
        limit,
    )?;
    let search: Vec<(String, String)> = p
        .pairs()
        .iter()
        .filter(|(name, _)| name != "limit")
        .cloned()
        .collect();
    let flag = kind.spec().flag;
    let rows: Vec<(&str, u64, String)> = counts
        .iter()
        .map(|c| {
            let mut narrowed = search.clone();
            narrowed.push((flag.to_string(), c.value.clone()));
            (c.value.as_str(), c.articles, search_href(&narrowed))
        })
        .collect();
    // A full list may have more behind it.
    let more = (counts.len() == limit && limit < MAX_LIST).then(|| {
        let mut pairs = search.clone();
        pairs.push(("limit".to_string(), (limit * 5).min(MAX_LIST).to_string()));
        format!("/{}{}", kind.spec().plural, &search_href(&pairs)[1..])
    });
    let heading = kind_heading(kind);
    let markup = html! {
        main #main .list data-kind=(kind.spec().plural) {
            h1 { (heading) }
            @if !search.is_empty() {
                p .scope {
                    "In the articles of "
                    a href=(search_href(&search)) { "this search" }
                }
            }
            @if counts.is_empty() {
                p { "None found." }
            } @else {
                table #list {
                    thead { tr { th scope="col" { "Name" } th scope="col" .count { "Articles" } } }
                    tbody {
                        @for (value, articles, href) in &rows {
                            tr {
                                td { (entity_link(kind, value)) }
                                td .count { a href=(href) { (thousands(*articles)) } }
                            }
                        }
                    }
                }
                @if let Some(href) = &more {
                    p { a #more href=(href) { "Show more" } }
                }
            }
        }
    };
    Ok(Page::ok(layout(heading, &SearchForm::default(), markup)))
}
