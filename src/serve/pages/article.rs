//! The article page, `/articles/{id}`: what is known of the article (and where
//! its date came from), its people, organisations, countries and dates, and its
//! text with each of them marked as a link to their page or search.

use aho_corasick::{AhoCorasick, MatchKind};
use chrono::NaiveDate;
use maud::{Markup, html};

use super::search::kind_heading;
use super::{
    Page, SearchForm, article_href, entity_href, entity_link, layout, search_href, title_or_path,
};
use crate::entity::EntityKind;
use crate::extract::countries;
use crate::index::Archive;
use crate::ingest::{DateSource, Format};
use crate::search::{self, ArticleDetail};
use crate::serve::request::{MAX_VALUE_CHARS, Params, Refusal, percent_decoded};
use crate::text::sanitize;

pub(super) fn page(archive: &Archive, key: &str, query: &str) -> Result<Page, Refusal> {
    Params::parse(query, &[])?;
    let key = percent_decoded(key);
    if key.is_empty() || key.chars().count() > MAX_VALUE_CHARS {
        return Err(Refusal::new(
            400,
            "expected an article id (as search results link to) after /articles/",
        ));
    }
    let details = search::show(archive, &key)?;
    let markup = match details.as_slice() {
        [] => {
            return Err(Refusal::new(
                404,
                format!("no article with id or path {key:?} (search for it from the front page)"),
            ));
        }
        [one] => layout(&one.title, &SearchForm::default(), article(one)),
        many => layout(&key, &SearchForm::default(), file_list(&key, many)),
    };
    Ok(Page::ok(markup))
}

/// A file of several articles (JSON Lines) asked for by its path.
fn file_list(path: &str, details: &[ArticleDetail]) -> Markup {
    html! {
        main #main .file {
            h1 { bdi { (sanitize(path)) } }
            p { (super::articles(details.len() as u64)) " read from this file:" }
            ol .hits {
                @for d in details {
                    li .hit {
                        a .title href=(article_href(&d.id)) { bdi { (title_or_path(&d.title, &d.path)) } }
                        div .meta { span .date { (d.published.as_deref().unwrap_or("date unknown")) } }
                    }
                }
            }
        }
    }
}

fn article(d: &ArticleDetail) -> Markup {
    let source = DateSource::parse(&d.date_source).unwrap_or(DateSource::None);
    let day = d
        .published
        .as_deref()
        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
    // Found once for the whole text; each paragraph takes the ones inside it.
    let marks = marks(d, day);
    html! {
        main #main {
            article #article {
                h1 { bdi { (title_or_path(&d.title, &d.path)) } }
                dl #meta {
                    dt { "Published" }
                    dd .date {
                        @if let Some(date) = &d.published {
                            a href=(search_href(&[("on".into(), date.clone())])) title="Everything published that day" { (date) }
                        } @else if let Some(partial) = &d.published_partial {
                            (partial) " (the year is not known)"
                        } @else {
                            "not known"
                        }
                    }
                    dt { "Date from" }
                    dd #date-source data-source=(source.as_str()) { (source.description()) }
                    @if let Some(author) = &d.author {
                        dt { "By" } dd { bdi { (sanitize(author)) } }
                    }
                    @if let Some(name) = &d.source {
                        dt { "Source" } dd { bdi { (sanitize(name)) } }
                    }
                    @if let Some(url) = &d.url {
                        dt { "Address" }
                        dd .url {
                            @if is_web_address(url) {
                                a href=(url) rel="noopener noreferrer nofollow" { bdi { (sanitize(url)) } }
                            } @else {
                                bdi { (sanitize(url)) }
                            }
                        }
                    }
                    dt { "File" }
                    dd .path {
                        bdi { (sanitize(&d.path)) }
                        @if let Some(line) = d.line { ", " (Format::position_word(&d.format)) " " (line) }
                        " (" (d.format) ")"
                    }
                    @if !d.tags.is_empty() {
                        dt { "Tags" } dd { bdi { (sanitize(&d.tags.join(", "))) } }
                    }
                }
                (entities(d))
                div #text {
                    @for paragraph in paragraphs(&d.body) {
                        p { (marked(&d.body, paragraph, &marks)) }
                    }
                }
            }
        }
    }
}

/// Only addresses a browser fetches as a page become links: never
/// `javascript:`, `data:` or anything else an article could slip in.
fn is_web_address(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

fn entities(d: &ArticleDetail) -> Markup {
    let e = &d.entities;
    let people: Vec<&str> = e
        .people
        .iter()
        .filter(|p| !p.name.is_empty())
        .map(|p| p.name.as_str())
        .collect();
    html! {
        section #entities aria-label="In this article" {
            @if !people.is_empty() {
                div .kind data-kind="people" {
                    h2 { (kind_heading(EntityKind::Person)) }
                    ul { @for name in &people { li { (entity_link(EntityKind::Person, name)) } } }
                }
            }
            @if !e.orgs.is_empty() {
                div .kind data-kind="orgs" {
                    h2 { (kind_heading(EntityKind::Org)) }
                    ul { @for org in &e.orgs { li { (entity_link(EntityKind::Org, &org.name)) } } }
                }
            }
            @for (about, heading) in [(true, "About"), (false, "Countries mentioned")] {
                @let codes: Vec<&str> = e.countries.iter().filter(|c| c.about == about).map(|c| c.code.as_str()).collect();
                @if !codes.is_empty() {
                    div .kind data-kind=(if about { "about" } else { "countries" }) {
                        h2 { (heading) }
                        ul { @for code in codes { li { (entity_link(EntityKind::Country, code)) } } }
                    }
                }
            }
            @if !e.dates.is_empty() {
                div .kind data-kind="dates" {
                    h2 { "Dates mentioned" }
                    ul {
                        @for date in &e.dates {
                            li { a .date href=(mentions_href(&date.value)) title=(sanitize(&date.text)) { (date.value) } }
                        }
                    }
                }
            }
        }
    }
}

fn mentions_href(value: &str) -> String {
    search_href(&[("mentions".to_string(), value.to_string())])
}

/// Byte ranges of the body's paragraphs: text between blank lines, trimmed.
fn paragraphs(body: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut push = |from: usize, to: usize| {
        let text = &body[from..to];
        let lead = text.len() - text.trim_start().len();
        let trimmed = text.trim();
        if !trimmed.is_empty() {
            out.push(from + lead..from + lead + trimmed.len());
        }
    };
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            // A blank line (only spaces between two line breaks) ends a paragraph.
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'\n' {
                push(start, i);
                start = j + 1;
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    push(start, body.len());
    out
}

/// A marked stretch of the body and where its link goes.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Mark {
    start: usize,
    end: usize,
    /// `person`, `org`, `country` or `date`: the class, with `mark`.
    class: &'static str,
    href: String,
    label: String,
}

/// Where the article's people, organisations, countries and dates are written
/// in its body, without overlaps (the longer, then the earlier, wins).
fn marks(d: &ArticleDetail, day: Option<NaiveDate>) -> Vec<Mark> {
    let e = &d.entities;
    // (form, class, href, label) of everything written in the text.
    let mut forms: Vec<(String, &'static str, String, String)> = Vec::new();
    for p in e.people.iter().filter(|p| !p.name.is_empty()) {
        let href = entity_href(EntityKind::Person, &p.name);
        for form in p.forms.iter().chain([&p.written, &p.name]) {
            forms.push((form.clone(), "person", href.clone(), p.name.clone()));
        }
    }
    for o in &e.orgs {
        let href = entity_href(EntityKind::Org, &o.name);
        for form in o.forms.iter().chain([&o.name]) {
            forms.push((form.clone(), "org", href.clone(), o.name.clone()));
        }
    }
    for date in &e.dates {
        forms.push((
            date.text.clone(),
            "date",
            mentions_href(&date.value),
            date.value.clone(),
        ));
    }
    forms.retain(|(form, ..)| form.chars().any(char::is_alphanumeric));
    forms.sort();
    forms.dedup_by(|a, b| a.0 == b.0);
    let body = &d.body;
    let mut found: Vec<Mark> = Vec::new();
    if let Ok(matcher) = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(forms.iter().map(|f| f.0.as_str()))
    {
        for m in matcher.find_iter(body) {
            if !at_word_edges(body, m.start(), m.end()) {
                continue;
            }
            let (_, class, href, label) = &forms[m.pattern().as_usize()];
            found.push(Mark {
                start: m.start(),
                end: m.end(),
                class,
                href: href.clone(),
                label: label.clone(),
            });
        }
    }
    let codes: Vec<&str> = e.countries.iter().map(|c| c.code.as_str()).collect();
    for c in countries::find_countries(body, day) {
        if codes.contains(&c.code) {
            found.push(Mark {
                start: c.start,
                end: c.end,
                class: "country",
                href: entity_href(EntityKind::Country, c.code),
                label: super::entity_label(EntityKind::Country, c.code),
            });
        }
    }
    found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut kept: Vec<Mark> = Vec::new();
    for m in found {
        if kept.last().is_none_or(|last| m.start >= last.end)
            && !body[m.start..m.end].contains('\n')
        {
            kept.push(m);
        }
    }
    kept
}

fn at_word_edges(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// One paragraph of `body` with the marks inside it as links.
fn marked(body: &str, paragraph: std::ops::Range<usize>, marks: &[Mark]) -> Markup {
    let inside: Vec<&Mark> = marks
        .iter()
        .filter(|m| m.start >= paragraph.start && m.end <= paragraph.end)
        .collect();
    let mut parts: Vec<(&str, Option<&Mark>)> = Vec::new();
    let mut last = paragraph.start;
    for m in inside {
        parts.push((&body[last..m.start], None));
        parts.push((&body[m.start..m.end], Some(m)));
        last = m.end;
    }
    parts.push((&body[last..paragraph.end], None));
    html! {
        @for (text, mark) in parts {
            @match mark {
                Some(m) => a class=(format!("mark {}", m.class)) href=(m.href) title=(sanitize(&m.label)) {
                    (sanitize(text))
                },
                None => (sanitize(text)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_split_at_blank_lines() {
        let body = "First line\ncontinued.\n\n  Second.  \n \nThird.\n";
        let parts: Vec<&str> = paragraphs(body).into_iter().map(|r| &body[r]).collect();
        assert_eq!(parts, ["First line\ncontinued.", "Second.", "Third."]);
        assert!(paragraphs("").is_empty());
    }

    #[test]
    fn only_web_addresses_become_links() {
        let cases = [
            ("https://example.org/a", true),
            ("HTTP://example.org", true),
            ("javascript:alert(1)", false),
            ("  javascript:alert(1)", false),
            ("data:text/html,<script>", false),
            ("https://exa mple.org", false),
            ("/relative/path", false),
        ];
        for (url, expected) in cases {
            assert_eq!(is_web_address(url), expected, "{url}");
        }
    }
}
