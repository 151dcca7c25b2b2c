//! JSON and JSON Lines articles, and the field-name mapping that YAML front
//! matter shares with them.

use crate::text::decode_entities;
use serde_json::{Map, Value};

use super::clean::{
    clean_block, clean_line, has_html_tags, non_empty, push_tags, strip_html_fragment,
};
use super::{BadRecord, RawArticle, ReadError};

const TITLE_KEYS: &[&str] = &["title", "headline", "name"];
const BODY_KEYS: &[&str] = &[
    "body",
    "text",
    "content",
    "articleBody",
    "article_body",
    "description",
];
pub(crate) const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "publishedAt",
    "published_at",
    "datePublished",
    "pubDate",
    "publishDate",
    "publish_date",
    "created_at",
];
const URL_KEYS: &[&str] = &["url", "link", "canonical_url"];
const AUTHOR_KEYS: &[&str] = &["author", "authors", "byline", "creator"];
const SOURCE_KEYS: &[&str] = &["source", "publisher", "site_name", "siteName"];
const TAG_KEYS: &[&str] = &["tags", "keywords"];

/// Reads a `.json` document: one article object, an array of them, or an
/// object wrapping the array under `articles`.
pub(crate) fn read_json(text: &str) -> Result<(Vec<RawArticle>, Vec<BadRecord>), ReadError> {
    let value: Value = serde_json::from_str(text).map_err(json_error)?;
    match value {
        Value::Object(map) => match map_get(&map, "articles") {
            Some(Value::Array(items)) if !is_article_object(&map) => read_array(items),
            _ => article_from_object(&map)
                .map(|a| (vec![a], Vec::new()))
                .ok_or(ReadError::NotArticle),
        },
        Value::Array(items) => read_array(&items),
        _ => Err(ReadError::NotArticle),
    }
}

/// Array items that are not articles are reported, not fatal: one odd item
/// should not cost the rest of a dump.
fn read_array(items: &[Value]) -> Result<(Vec<RawArticle>, Vec<BadRecord>), ReadError> {
    let mut articles = Vec::new();
    let mut bad = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match item.as_object().and_then(article_from_object) {
            Some(a) => articles.push(a),
            None => bad.push(BadRecord {
                offset: None,
                line: i + 1,
                reason: format!("array item {}: {}", i + 1, NOT_ARTICLE_REASON),
            }),
        }
    }
    if articles.is_empty() {
        return Err(ReadError::NoArticlesInArray { items: items.len() });
    }
    Ok((articles, bad))
}

const NOT_ARTICLE_REASON: &str = "not an article object (expected an object with a title or body)";

/// Reads JSON Lines: each non-blank line is one record; bad lines are kept
/// aside with their line number so one corrupt line does not lose a file.
pub(crate) fn read_json_lines(text: &str) -> Result<(Vec<RawArticle>, Vec<BadRecord>), ReadError> {
    let mut articles = Vec::new();
    let mut bad = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let line_no = i + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        match read_record(trimmed) {
            Ok((mut a, _)) => {
                a.line = Some(line_no);
                articles.push(a);
            }
            Err(reason) => bad.push(BadRecord {
                offset: None,
                line: line_no,
                reason,
            }),
        }
    }
    if articles.is_empty() {
        let (first_line, first_reason) = bad
            .first()
            .map(|b| (b.line, b.reason.clone()))
            .unwrap_or((1, "no records".to_string()));
        return Err(ReadError::NoJsonLinesRecords {
            bad: bad.len(),
            first_line,
            first_reason,
        });
    }
    Ok((articles, bad))
}

/// One JSON Lines record (a trimmed, non-blank line) as an article, with the
/// object it came from (for fields of the caller's own, such as `morgue
/// extract`'s `id` and `path`); the reason when it is not one.
pub(crate) fn read_record(line: &str) -> Result<(RawArticle, Map<String, Value>), String> {
    match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(map)) => match article_from_object(&map) {
            Some(a) => Ok((a, map)),
            None => Err(NOT_ARTICLE_REASON.to_string()),
        },
        Ok(_) => Err("not a JSON object".to_string()),
        Err(e) => Err(format!(
            "invalid JSON at column {}: {}",
            e.column(),
            json_message(&e)
        )),
    }
}

/// True when the whole text is one JSON object (used to sniff mislabelled
/// `.txt`/`.md` files).
pub(crate) fn is_json_object(text: &str) -> bool {
    matches!(serde_json::from_str::<Value>(text), Ok(Value::Object(_)))
}

/// True when the text is not one JSON document but its first two non-blank
/// lines are each a JSON object: the signature of JSON Lines.
pub(crate) fn looks_like_json_lines(text: &str) -> bool {
    if serde_json::from_str::<Value>(text).is_ok() {
        return false;
    }
    let mut lines = text.split('\n').map(str::trim).filter(|l| !l.is_empty());
    let is_obj = |l: Option<&str>| {
        l.is_some_and(|l| matches!(serde_json::from_str::<Value>(l), Ok(Value::Object(_))))
    };
    is_obj(lines.next()) && is_obj(lines.next())
}

fn json_error(e: serde_json::Error) -> ReadError {
    ReadError::InvalidJson {
        line: e.line(),
        column: e.column(),
        message: json_message(&e),
    }
}

/// serde_json's message without its trailing " at line L column C", which
/// our own error text already states.
fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(pos) => full.get(..pos).unwrap_or(&full).to_string(),
        None => full,
    }
}

fn is_article_object(map: &Map<String, Value>) -> bool {
    first_text(map, TITLE_KEYS).is_some() || first_text(map, BODY_KEYS).is_some()
}

/// Maps a JSON object to an article; `None` when it has neither a title nor
/// a body. Values of unexpected types are ignored, never fatal.
pub(crate) fn article_from_object(map: &Map<String, Value>) -> Option<RawArticle> {
    let title = first_text(map, TITLE_KEYS).map(|t| clean_line(&plain(&t)));
    let body = first_text(map, BODY_KEYS).map(|b| clean_block(&plain(&b)));
    let title = title.unwrap_or_default();
    let body = body.unwrap_or_default();
    if title.is_empty() && body.is_empty() {
        return None;
    }
    let mut article = RawArticle {
        title,
        body,
        ..RawArticle::default()
    };
    fill_metadata(&mut article, map);
    Some(article)
}

/// Metadata common to JSON objects and YAML front matter.
pub(crate) fn fill_metadata(article: &mut RawArticle, map: &Map<String, Value>) {
    article.published_raw = first_scalar(map, DATE_KEYS).and_then(|d| non_empty(clean_line(&d)));
    article.url = first_text(map, URL_KEYS).and_then(|u| non_empty(clean_line(&u)));
    article.author = AUTHOR_KEYS
        .iter()
        .filter_map(|k| map_get(map, k))
        .find_map(names)
        .and_then(|a| non_empty(clean_line(&a)));
    article.source = SOURCE_KEYS
        .iter()
        .filter_map(|k| map_get(map, k))
        .find_map(name_of)
        .and_then(|s| non_empty(clean_line(&s)));
    for key in TAG_KEYS {
        match map_get(map, key) {
            Some(Value::String(s)) => push_tags(&mut article.tags, [s.as_str()]),
            Some(Value::Array(items)) => {
                let names: Vec<String> = items.iter().filter_map(name_of).collect();
                push_tags(&mut article.tags, names.iter().map(String::as_str));
            }
            _ => {}
        }
        if !article.tags.is_empty() {
            break;
        }
    }
}

/// HTML in a text field (common in CMS exports) is reduced to plain text;
/// plain text only has its entities decoded when it obviously has some.
fn plain(s: &str) -> String {
    if has_html_tags(s) {
        strip_html_fragment(s)
    } else {
        decode_entities(s).into_owned()
    }
}

/// Looks a key up exactly, then case-insensitively, because hand-written
/// front matter often says `Title:`.
pub(crate) fn map_get<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    map.get(key).or_else(|| {
        map.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
}

/// First non-blank text under any of `keys`. WordPress-style
/// `{"rendered": "..."}` wrappers count as text.
fn first_text(map: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().filter_map(|k| map_get(map, k)).find_map(|v| {
        let s = match v {
            Value::String(s) => s.as_str(),
            Value::Object(o) => o.get("rendered")?.as_str()?,
            _ => return None,
        };
        if s.trim().is_empty() {
            None
        } else {
            Some(s.to_string())
        }
    })
}

/// Like [`first_text`] but numbers count too: a date may be a Unix
/// timestamp, which the caller can still interpret.
fn first_scalar(map: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter()
        .filter_map(|k| map_get(map, k))
        .find_map(|v| match v {
            Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
}

/// A person or organisation: a string, or an object with a `name`.
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Object(o) => match o.get("name") {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// One or several names; several are joined with ", ".
fn names(v: &Value) -> Option<String> {
    match v {
        Value::Array(items) => {
            let all: Vec<String> = items.iter().filter_map(name_of).collect();
            if all.is_empty() {
                None
            } else {
                Some(all.join(", "))
            }
        }
        other => name_of(other),
    }
}
