//! HTML pages: metadata from `<head>` (Open Graph, article:*, Dublin Core,
//! JSON-LD), the publication date from everything the page offers (`dates`),
//! main text from dom_smoothie's readability port.
//!
//! dom_smoothie does not re-export `dom_query`, and Cargo.toml may not grow
//! a direct dependency, so the document is reached through
//! `Readability::doc` and only inherent `dom_query` methods are called on it
//! (no `dom_query` type is ever named here).

use crate::text::decode_entities;
use dom_smoothie::{Config, Readability, TextMode};
use serde_json::Value;

mod dates;
mod meta;

use super::clean::{clean_block, clean_line, non_empty};
use super::{RawArticle, ReadError};
use meta::HeadMeta;

/// Elements whose text is page furniture, never article text. `header` is
/// handled separately because an article's own `<header>` holds its title.
/// `form` is deliberately absent: some CMSs wrap the whole page in one.
const NOISE: &str = "nav, aside, footer, script, style, noscript, template, iframe, svg, \
    button, select, [role=navigation], [role=banner], [role=contentinfo], \
    [role=complementary], [aria-hidden=true], [hidden]";

pub(crate) fn read(text: &str) -> Result<RawArticle, ReadError> {
    let config = Config {
        // Formatted text keeps block elements apart with blank lines, which
        // is how paragraphs survive into the body.
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut readability =
        Readability::new(text, None, Some(config)).map_err(|_| ReadError::HtmlNoText)?;
    let head = HeadMeta::collect(&readability);
    // Before noise removal: the weighing needs to see sidebars and footers to
    // discount their dates.
    let published = dates::publication(&readability, head.title().as_deref());

    remove_noise(&readability);
    // Readability mutates the document, so the plain fallback text is taken
    // first; it is used when readability finds no candidate at all.
    let fallback_text = readability.doc.select("body").formatted_text().to_string();
    let parsed = readability.parse().ok();

    let title = head.title();
    let mut body = parsed
        .as_ref()
        .map(|a| clean_block(&a.text_content))
        .filter(|b| !b.is_empty())
        .unwrap_or_else(|| clean_block(&fallback_text));
    if body.is_empty()
        && let Some(ld_body) = head
            .ld
            .as_ref()
            .and_then(|ld| ld.get("articleBody"))
            .and_then(Value::as_str)
    {
        body = clean_block(&decode_entities(ld_body));
    }
    if body.is_empty() {
        return Err(ReadError::HtmlNoText);
    }
    let title = title
        .or_else(|| {
            parsed
                .as_ref()
                .and_then(|a| non_empty(clean_line(&a.title)))
        })
        .unwrap_or_default();
    body = drop_title_line(&title, body);

    let mut article = RawArticle {
        title,
        body,
        published_raw: published.as_ref().map(|p| p.raw.clone()),
        published_day: published.map(|p| (p.date, p.source)),
        author: head.author(),
        source: head.source(),
        url: head.url(),
        tags: head.tags(),
        line: None,
    };
    if article.author.is_none() {
        article.author = parsed
            .as_ref()
            .and_then(|a| a.byline.as_deref())
            .and_then(|b| non_empty(clean_line(b)));
    }
    Ok(article)
}

/// Readability sometimes keeps the page's `<h1>`; the title is stored
/// separately, so a first body line repeating it is dropped.
fn drop_title_line(title: &str, body: String) -> String {
    if title.is_empty() {
        return body;
    }
    match body.split_once('\n') {
        Some((first, rest)) if first.trim().eq_ignore_ascii_case(title) => {
            rest.trim_start().to_string()
        }
        None if body.trim().eq_ignore_ascii_case(title) => body,
        _ => body,
    }
}

fn remove_noise(readability: &Readability) {
    let doc = &readability.doc;
    doc.select(NOISE).remove();
    for header in doc.select("header").iter() {
        // A page header is noise; an article's own header is not.
        if !header.ancestors(None).filter("article, main").exists() {
            header.remove();
        }
    }
}
