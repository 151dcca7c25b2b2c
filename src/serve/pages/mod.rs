//! The browser pages of `morgue serve`: HTML built on the server from the same
//! searches the command line and the JSON API run, so every page works with
//! JavaScript off (links and one GET form) and its address holds everything it
//! shows, ready to bookmark or share.
//!
//! Addresses: `/` (search, with the API's search parameters), `/articles/{id}`,
//! `/people/{name}`, `/orgs/{name}`, `/countries/{code}`. Article text, titles,
//! names and addresses are hostile input: maud escapes everything inserted,
//! [`crate::text::sanitize`] removes the controls that could disguise text, and
//! only `http:`/`https:` addresses become links. Styles and the one script come
//! from [`super::assets`]; nothing inline, so the Content-Security-Policy can
//! forbid inline script.
//!
//! It owns HTML only: parameters are checked by [`super::request`], searches
//! run in [`crate::search`].

mod article;
mod entity;
mod lists;
mod search;
mod timeline;

use maud::{DOCTYPE, Markup, html};

use super::assets;
use super::request::Refusal;
use crate::entity::{EntityKind, Matching, PerKind};
use crate::index::Archive;
use crate::output::country_name;
use crate::search::Hit;
use crate::text::sanitize;

/// A page to send: its status and HTML, or where to send the browser instead.
#[derive(Debug)]
pub struct Page {
    pub status: u16,
    pub html: String,
    /// A `303 See Other` to this address (a form sent empty fields).
    pub redirect: Option<String>,
}

impl Page {
    fn ok(markup: Markup) -> Page {
        Page {
            status: 200,
            html: markup.into_string(),
            redirect: None,
        }
    }

    /// A page saying why a request was not answered, with the search form to try again.
    pub fn error(refusal: &Refusal) -> Page {
        Page::refused(refusal, &SearchForm::default())
    }

    /// [`Page::error`] with the search form holding what was typed, to correct it.
    fn refused(refusal: &Refusal, form: &SearchForm) -> Page {
        let heading = match refusal.status {
            400 => "That search could not be run",
            404 => "Not found",
            503 => "The server is busy",
            _ => "Something went wrong",
        };
        let markup = layout(
            heading,
            form,
            html! {
                main #main .message {
                    h1 { (heading) }
                    p #error { (sanitize(&refusal.message)) }
                    p { a href="/" { "Start a new search" } }
                }
            },
        );
        Page {
            status: refusal.status,
            html: markup.into_string(),
            redirect: None,
        }
    }
}

/// Answers a GET of a page address.
pub fn answer(archive: &Archive, path: &str, query: &str) -> Page {
    let result = if path == "/" {
        search::page(archive, query)
    } else if let Some(id) = path.strip_prefix("/articles/") {
        article::page(archive, id, query)
    } else {
        let (plural, name) = path[1..].split_once('/').unwrap_or((&path[1..], ""));
        match EntityKind::from_plural(plural) {
            Some(kind) if name.is_empty() => lists::page(archive, kind, query),
            Some(kind) => entity::page(archive, kind, name, query),
            None => Err(not_found(path)),
        }
    };
    result.unwrap_or_else(|refusal| Page::error(&refusal))
}

fn not_found(path: &str) -> Refusal {
    Refusal::new(
        404,
        format!(
            "nothing at {path:?} (expected the search page /, /articles/ID, /people, /people/NAME, /orgs, /orgs/NAME, /countries or /countries/CODE)"
        ),
    )
}

/// What the search form in every page's header shows: the current search's
/// values on the search page, empty elsewhere.
#[derive(Clone, Debug, Default)]
pub(crate) struct SearchForm {
    pub pairs: Vec<(String, String)>,
}

impl SearchForm {
    fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.pairs
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn value<'a>(&'a self, name: &'a str) -> &'a str {
        self.values(name).next().unwrap_or("")
    }

    /// How many of the parameters the filters panel shows are set.
    fn filters_set(&self) -> usize {
        self.pairs
            .iter()
            .filter(|(n, _)| !matches!(n.as_str(), "q" | "offset" | "limit"))
            .count()
    }
}

/// The fields of the filters panel: parameter, label, hint.
const FILTER_FIELDS: [(&str, &str, &str); 5] = [
    ("person", "Person", "a name or part of one"),
    ("org", "Organisation", "a name or part of one"),
    ("country", "Country mentioned", "Iraq, IQ or Iraqi"),
    ("about", "Country it is about", "Iraq, IQ or Iraqi"),
    ("mentions", "Date mentioned", "2023, 2023-11 or 2023-11-05"),
];

/// The whole page around `content`: head, the header with the search form, and
/// the footer.
fn layout(title: &str, form: &SearchForm, content: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="color-scheme" content="light dark";
                meta name="referrer" content="no-referrer";
                title { (sanitize(title)) " · morgue" }
                link rel="stylesheet" href=(assets::STYLESHEET.as_str());
                script src=(assets::SCRIPT.as_str()) defer {}
            }
            body {
                a .skip href="#main" { "Skip to content" }
                header .site {
                    a .brand href="/" { "morgue" }
                    (search_form(form))
                    nav .lists aria-label="Everyone and everything in the archive" {
                        a href="/people" { "People" }
                        a href="/orgs" { "Organisations" }
                        a href="/countries" { "Countries" }
                    }
                }
                (content)
                footer .site {
                    "morgue " (env!("CARGO_PKG_VERSION"))
                    " · the same searches as the command line · "
                    a href="/api/v1/stats" { "JSON API" }
                }
            }
        }
    }
}

fn search_form(form: &SearchForm) -> Markup {
    let sort = form.value("sort");
    html! {
        form #search action="/" method="get" role="search" {
            div .query {
                label .visually-hidden for="q" { "Search the archive" }
                input #q type="search" name="q" value=(form.value("q"))
                    placeholder="Search: words, \"a phrase\", a OR b, -word"
                    autocomplete="off" maxlength="500";
                button type="submit" { "Search" }
            }
            // Closed even with filters set: the list above the results shows
            // them, and on a phone the open panel would push the results away.
            details .filters {
                summary {
                    "Filters"
                    @if form.filters_set() > 0 { " (" (form.filters_set()) ")" }
                }
                div .fields {
                    @for (name, label, hint) in FILTER_FIELDS {
                        @let values: Vec<&str> = form.values(name).collect();
                        @let shown = if values.is_empty() { vec![""] } else { values };
                        @for (i, value) in shown.iter().enumerate() {
                            @let id = format!("f-{name}-{i}");
                            label for=(id) { (label) }
                            input id=(id) type="text" name=(name) value=(value)
                                placeholder=(hint) maxlength="500";
                        }
                    }
                    label for="f-from" { "Published from" }
                    input #f-from type="text" name="from" value=(form.value("from"))
                        placeholder="2023, 2023-11 or 2023-11-05" maxlength="10";
                    label for="f-to" { "Published to" }
                    input #f-to type="text" name="to" value=(form.value("to"))
                        placeholder="2023, 2023-11 or 2023-11-05" maxlength="10";
                    @if !form.value("on").is_empty() {
                        label for="f-on" { "Published on" }
                        input #f-on type="text" name="on" value=(form.value("on")) maxlength="10";
                    }
                    label for="f-sort" { "Order" }
                    select #f-sort name="sort" {
                        option value="" selected[sort.is_empty()] { "Best first" }
                        option value="newest" selected[sort == "newest"] { "Newest first" }
                        option value="oldest" selected[sort == "oldest"] { "Oldest first" }
                        option value="relevance" selected[sort == "relevance"] { "Most relevant" }
                    }
                    label .check for="f-exact" {
                        input #f-exact type="checkbox" name="exact" value="true"
                            checked[matches!(form.value("exact"), "true" | "1" | "")
                                && form.values("exact").next().is_some()];
                        " Words only as written"
                    }
                    @if let Some(limit) = form.values("limit").next() {
                        input type="hidden" name="limit" value=(limit);
                    }
                }
            }
        }
    }
}

/// A list of search results, as the search page and the entity pages show them.
fn hit_list(hits: &[Hit], start: usize) -> Markup {
    html! {
        ol #results .hits start=(start + 1) {
            @for hit in hits {
                li .hit {
                    a .title href=(article_href(&hit.id)) {
                        bdi { (title_or_path(&hit.title, &hit.path)) }
                    }
                    div .meta {
                        span .date { (hit.published.as_deref().unwrap_or("date unknown")) }
                        " · "
                        span .source { bdi { (hit.url.as_deref().map(sanitize).unwrap_or_else(|| sanitize(&hit.path))) } }
                    }
                    @if !hit.snippet.is_empty() {
                        p .snippet { (highlighted(&hit.snippet, &hit.highlights)) }
                    }
                    (entity_chips(&hit.entities))
                }
            }
        }
    }
}

/// An article's title as shown, or its file when it has none.
fn title_or_path(title: &str, path: &str) -> String {
    let title = sanitize(title);
    if title.trim().is_empty() {
        sanitize(path)
    } else {
        title
    }
}

/// `text` with the byte ranges `marks` in `<mark>`.
fn highlighted(text: &str, marks: &[std::ops::Range<usize>]) -> Markup {
    let mut last = 0;
    let mut parts: Vec<(&str, bool)> = Vec::new();
    for range in marks {
        let valid = range.start >= last
            && range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end);
        if !valid {
            continue;
        }
        parts.push((&text[last..range.start], false));
        parts.push((&text[range.clone()], true));
        last = range.end;
    }
    parts.push((&text[last..], false));
    html! {
        @for (part, marked) in parts {
            @if marked { mark { (sanitize(part)) } } @else { (sanitize(part)) }
        }
    }
}

/// The people, organisations and countries of a result, as links to their pages.
fn entity_chips(entities: &PerKind<Vec<String>>) -> Markup {
    const SHOWN: usize = 6;
    html! {
        @if entities.iter().any(|(_, values)| !values.is_empty()) {
            ul .entities {
                @for (kind, values) in entities.iter() {
                    @for value in values.iter().take(SHOWN) {
                        li { (entity_link(kind, value)) }
                    }
                }
            }
        }
    }
}

/// A link to a person's, organisation's or country's page.
fn entity_link(kind: EntityKind, value: &str) -> Markup {
    html! {
        a class=(kind.spec().singular) href=(entity_href(kind, value)) {
            bdi { (entity_label(kind, value)) }
        }
    }
}

/// How a value reads: a name as it is, a country by its name.
fn entity_label(kind: EntityKind, value: &str) -> String {
    match kind.spec().matching {
        Matching::NameWords => sanitize(value),
        Matching::Code => match country_name(value) {
            "" => value.to_string(),
            name => name.to_string(),
        },
    }
}

fn entity_href(kind: EntityKind, value: &str) -> String {
    format!("/{}/{}", kind.spec().plural, path_segment(value))
}

fn article_href(id: &str) -> String {
    format!("/articles/{}", path_segment(id))
}

/// `value` escaped for one segment of a path: everything but letters, digits
/// and `-._~` as `%XX`, so a `/` or `?` in a name stays inside the segment.
fn path_segment(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The address of a search with these parameters, in this order.
fn search_href(pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return "/".to_string();
    }
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (name, value) in pairs {
        query.append_pair(name, value);
    }
    format!("/?{}", query.finish())
}

/// A whole number with thousands separated: `12,345`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `1 article`, `2 articles`.
fn articles(n: u64) -> String {
    match n {
        1 => "1 article".to_string(),
        n => format!("{} articles", thousands(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_segments_keep_names_in_one_segment() {
        let cases = [
            ("Antony Blinken", "Antony%20Blinken"),
            ("a/b?c#d", "a%2Fb%3Fc%23d"),
            ("Zoë", "Zo%C3%AB"),
            ("IQ", "IQ"),
        ];
        for (value, expected) in cases {
            assert_eq!(path_segment(value), expected, "{value}");
            assert_eq!(super::super::request::percent_decoded(expected), value);
        }
    }

    #[test]
    fn highlights_escape_text_and_skip_bad_ranges() {
        let text = "<b>Blinken</b> met al-Sudani";
        let html = highlighted(text, &[3..10, 5..8, 19..28, 40..50]).into_string();
        assert_eq!(
            html,
            "&lt;b&gt;<mark>Blinken</mark>&lt;/b&gt; met <mark>al-Sudani</mark>"
        );
    }

    #[test]
    fn numbers_read_with_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(articles(1), "1 article");
        assert_eq!(articles(2_000), "2,000 articles");
    }
}
