//! HTML pages: metadata from `<head>` (Open Graph, article:*, Dublin Core,
//! JSON-LD; [`meta`]), the publication date from everything the page offers
//! (`dates`), main text from dom_smoothie's readability port after the page
//! furniture is taken out ([`boilerplate`], [`prompts`]).
//!
//! `dom_query` is the DOM dom_smoothie parses into; it is a direct dependency
//! at the same version so that the pruning code can name its types.

use std::sync::LazyLock;

use crate::text::decode_entities;
use dom_smoothie::{Config, Readability, TextMode};
use regex::Regex;
use serde_json::Value;

mod address;
mod boilerplate;
mod dates;
mod meta;
mod prompts;
mod title;

use super::clean::{clean_block, clean_line, non_empty};
use super::{RawArticle, ReadError};
use meta::HeadMeta;

pub(crate) fn read(text: &str) -> Result<RawArticle, ReadError> {
    read_at(text, None)
}

/// Reads a page fetched from `address` (a crawl's record of it): the address
/// dates the page like its own canonical link would.
pub(crate) fn read_at(text: &str, address: Option<&str>) -> Result<RawArticle, ReadError> {
    // Some pages keep their only copy of the text in `<noscript>`, which the
    // parser (scripting on, like a browser) holds as raw markup; read as
    // `<div>`s, its paragraphs count like any others.
    if noscript_holds_paragraphs(text) {
        return read_page(&NOSCRIPT_TAG.replace_all(text, "<${1}div"), address);
    }
    match read_page(text, address) {
        Err(ReadError::HtmlNoText) if NOSCRIPT_TAG.is_match(text) => {
            read_page(&NOSCRIPT_TAG.replace_all(text, "<${1}div"), address)
        }
        other => other,
    }
}

static NOSCRIPT_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)<(/?)noscript\b").expect("noscript regex"));

static PARAGRAPH_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)<p[\s>]").expect("paragraph regex"));

/// Paragraphs inside one `<noscript>` that make it a copy of the story
/// rather than a tracking pixel or an "enable JavaScript" notice.
const NOSCRIPT_STORY_PARAGRAPHS: usize = 3;

fn noscript_holds_paragraphs(text: &str) -> bool {
    let mut open = None;
    for tag in NOSCRIPT_TAG.captures_iter(text) {
        let whole = tag.get(0).expect("a match has group 0");
        match (&tag[1], open) {
            ("", _) => open = Some(whole.end()),
            (_, Some(start)) => {
                let inside = &text[start..whole.start()];
                if PARAGRAPH_TAG.find_iter(inside).count() >= NOSCRIPT_STORY_PARAGRAPHS {
                    return true;
                }
                open = None;
            }
            _ => {}
        }
    }
    false
}

/// How many times longer than readability's pick the text of a container the
/// page marks as its article must be to replace it: readability sometimes
/// settles on a disclosure box or a skip link next to a marked article body.
const MARKED_OVER_READABILITY: f64 = 2.0;

/// How many times longer than the text read from the page the JSON-LD
/// `articleBody` must be to replace it: some pages render the story with
/// scripts and leave only a teaser and an author box in the markup.
const LD_OVER_READABILITY: f64 = 2.0;

fn read_page(text: &str, address: Option<&str>) -> Result<RawArticle, ReadError> {
    let config = Config {
        // Formatted text keeps block elements apart with blank lines, which
        // is how paragraphs survive into the body.
        text_mode: TextMode::Formatted,
        char_threshold: 1000,
        ..Config::default()
    };
    let mut readability =
        Readability::new(text, None, Some(config)).map_err(|_| ReadError::HtmlNoText)?;
    let head = HeadMeta::collect(&readability);
    // Before noise removal: the weighing needs to see sidebars and footers to
    // discount their dates.
    let published = dates::publication(&readability, head.title().as_deref(), address);

    let title = head.title();
    readability.doc.select("noscript").remove();
    if let Some(title) = &title {
        boilerplate::keep_titled_article(&readability.doc, title);
    }
    boilerplate::prune(&readability.doc);
    // Readability mutates the document, so the plain fallback text is taken
    // first; it is used when readability finds no candidate at all.
    let fallback_text = readability.doc.select("body").formatted_text().to_string();
    let marked = boilerplate::marked_article_text(&readability.doc);
    let lead = boilerplate::lead_text(&readability.doc).map(|l| clean_block(&l));
    let parsed = readability.parse().ok();

    let mut body = parsed
        .as_ref()
        .map(|a| clean_block(&a.text_content))
        .filter(|b| !b.is_empty())
        .unwrap_or_else(|| clean_block(&fallback_text));
    if let Some(marked) = marked.map(|m| clean_block(&m))
        && marked.chars().count() as f64 > MARKED_OVER_READABILITY * body.chars().count() as f64
    {
        body = marked;
    }
    if let Some(ld_body) = head
        .ld
        .as_ref()
        .and_then(|ld| ld.get("articleBody"))
        .and_then(Value::as_str)
        .map(|b| clean_block(&decode_entities(b)))
        && ld_body.chars().count() as f64 > LD_OVER_READABILITY * body.chars().count() as f64
    {
        body = ld_body;
    }
    // The lead goes first when readability took only the body column.
    if let Some(lead) = lead
        && !body.is_empty()
        && !collapsed(&body).contains(&collapsed(&lead))
    {
        body = format!("{lead}\n\n{body}");
    }
    body = drop_furniture_lines(&body);
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
        ..RawArticle::default()
    };
    if article.author.is_none() {
        article.author = parsed
            .as_ref()
            .and_then(|a| a.byline.as_deref())
            .and_then(|b| non_empty(clean_line(b)));
    }
    Ok(article)
}

fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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

/// Lines readability kept that are buttons, prompts or photo credits.
fn drop_furniture_lines(body: &str) -> String {
    if body.lines().all(prompts::keep_line) {
        return body.to_string();
    }
    let kept: Vec<&str> = body.lines().filter(|l| prompts::keep_line(l)).collect();
    clean_block(&kept.join("\n"))
}

#[cfg(test)]
mod tests;
