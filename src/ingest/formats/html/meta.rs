//! What a page says about itself outside its body text: `<meta>` tags (Open
//! Graph, article:*, Dublin Core, itemprop), the canonical link and the JSON-LD
//! object describing the article; and the title without its site suffix. The
//! publication date is weighed apart, in `dates`, from these and the visible
//! page.

use dom_smoothie::Readability;
use serde_json::{Map, Value};

use super::super::RawArticle;
use super::super::clean::{clean_line, non_empty, push_tags};
use super::super::json::fill_metadata;
use super::address::page_url;
use super::title::{TitleSources, page_title};
use crate::text::decode_entities;

/// Everything the page says about itself outside its body text.
pub(super) struct HeadMeta {
    /// `(key, content)` of each `<meta>` in document order; the key is the
    /// lowercased `property`, `name` or `itemprop`.
    metas: Vec<(String, String)>,
    title_tag: Option<String>,
    h1: Option<String>,
    canonical: Option<String>,
    /// `<base href>`, against which relative links resolve.
    base: Option<String>,
    /// The JSON-LD object describing the article, if any.
    pub(super) ld: Option<Map<String, Value>>,
    ld_meta: RawArticle,
}

impl HeadMeta {
    pub(super) fn collect(readability: &Readability) -> HeadMeta {
        let doc = &readability.doc;
        let mut metas = Vec::new();
        for meta in doc.select("meta").iter() {
            let Some(content) = meta.attr("content") else {
                continue;
            };
            let key = ["property", "name", "itemprop"]
                .iter()
                .find_map(|attr| meta.attr(attr))
                .map(|k| k.trim().to_ascii_lowercase());
            if let Some(key) = key
                && !content.trim().is_empty()
            {
                metas.push((key, content.to_string()));
            }
        }
        let text_of = |sel: &str| non_empty(clean_line(&doc.select(sel).first().text()));
        let canonical = doc
            .select("link[rel=canonical]")
            .iter()
            .find_map(|l| l.attr("href").and_then(|h| non_empty(clean_line(&h))));
        let base = doc
            .select("base[href]")
            .iter()
            .find_map(|b| b.attr("href").map(|h| h.trim().to_string()));
        let ld = json_ld_article(readability);
        let mut ld_meta = RawArticle::default();
        if let Some(map) = &ld {
            fill_metadata(&mut ld_meta, map);
        }
        HeadMeta {
            metas,
            title_tag: text_of("title"),
            h1: text_of("h1"),
            canonical,
            base,
            ld,
            ld_meta,
        }
    }

    fn meta(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|key| {
            self.metas
                .iter()
                .find(|(k, _)| k == key)
                .and_then(|(_, v)| non_empty(clean_line(v)))
        })
    }

    fn ld_str(&self, key: &str) -> Option<String> {
        self.ld
            .as_ref()?
            .get(key)?
            .as_str()
            .and_then(|s| non_empty(clean_line(&decode_entities(s))))
    }

    pub(super) fn title(&self) -> Option<String> {
        let og_title = self.meta(&["og:title"]);
        let twitter_title = self.meta(&["twitter:title"]);
        let headline = self.ld_str("headline");
        let url = self.url();
        let site_names = [
            self.meta(&["og:site_name"]),
            self.meta(&["application-name"]),
            self.ld_meta.source.clone(),
        ];
        page_title(&TitleSources {
            og_title: og_title.as_deref(),
            title_tag: self.title_tag.as_deref(),
            h1: self.h1.as_deref(),
            twitter_title: twitter_title.as_deref(),
            headline: headline.as_deref(),
            site_names: site_names.into_iter().flatten().collect(),
            url: url.as_deref(),
        })
    }

    pub(super) fn author(&self) -> Option<String> {
        self.meta(&["author", "dc.creator", "parsely-author", "sailthru.author"])
            .or_else(|| {
                self.meta(&["article:author"])
                    .filter(|a| !a.contains("://"))
            })
            .or_else(|| self.ld_meta.author.clone())
    }

    pub(super) fn source(&self) -> Option<String> {
        self.meta(&["og:site_name", "application-name"])
            .or_else(|| self.ld_meta.source.clone())
    }

    /// The page's own absolute address: the canonical link, `og:url`,
    /// `twitter:url` or the JSON-LD `url`, relative ones resolved.
    pub(super) fn url(&self) -> Option<String> {
        page_url(
            &[
                self.canonical.clone(),
                self.meta(&["og:url"]),
                self.meta(&["twitter:url"]),
                self.ld_meta.url.clone(),
            ],
            self.base.as_deref(),
        )
    }

    pub(super) fn tags(&self) -> Vec<String> {
        let mut tags = Vec::new();
        let article_tags: Vec<&str> = self
            .metas
            .iter()
            .filter(|(k, _)| k == "article:tag")
            .map(|(_, v)| v.as_str())
            .collect();
        push_tags(&mut tags, article_tags);
        if tags.is_empty()
            && let Some(keywords) = self.meta(&["news_keywords", "keywords"])
        {
            push_tags(&mut tags, [keywords.as_str()]);
        }
        if tags.is_empty() {
            tags = self.ld_meta.tags.clone();
        }
        tags
    }
}

/// The first JSON-LD object that describes an article: one with an
/// `*Article`/`BlogPosting`/`Report` type, or failing that one with a
/// headline or publication date. `@graph` containers are searched.
fn json_ld_article(readability: &Readability) -> Option<Map<String, Value>> {
    let mut fallback = None;
    for script in readability
        .doc
        .select("script[type='application/ld+json']")
        .iter()
    {
        let Some(value) = parse_json_ld(&script.text()) else {
            continue;
        };
        let mut candidates = Vec::new();
        collect_objects(&value, &mut candidates, 0);
        if let Some(found) = candidates.iter().find(|m| is_article_type(m)) {
            return Some((*found).clone());
        }
        if fallback.is_none() {
            fallback = candidates
                .iter()
                .find(|m| m.contains_key("headline") || m.contains_key("datePublished"))
                .map(|m| (*m).clone());
        }
    }
    fallback
}

/// Depth-limited so a hostile, deeply nested JSON-LD block cannot recurse
/// without bound (serde_json itself stops at 128 levels).
pub(super) fn collect_objects<'a>(
    value: &'a Value,
    out: &mut Vec<&'a Map<String, Value>>,
    depth: usize,
) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(items) => items
            .iter()
            .for_each(|v| collect_objects(v, out, depth + 1)),
        Value::Object(map) => {
            out.push(map);
            if let Some(graph) = map.get("@graph") {
                collect_objects(graph, out, depth + 1);
            }
        }
        _ => {}
    }
}

pub(super) fn is_article_type(map: &Map<String, Value>) -> bool {
    let matches = |t: &str| {
        t.ends_with("Article") || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting"
    };
    match map.get("@type") {
        Some(Value::String(t)) => matches(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(matches),
        _ => false,
    }
}

/// A JSON-LD block as JSON, forgiving the slips hand-edited templates make: a
/// CDATA wrapper, raw line breaks and tabs inside strings, commas before a
/// closing bracket. `None` when it is not JSON even then.
pub(super) fn parse_json_ld(text: &str) -> Option<Value> {
    let text = text.trim();
    let text = text
        .strip_prefix("<![CDATA[")
        .and_then(|t| t.strip_suffix("]]>"))
        .unwrap_or(text)
        .trim();
    if let Ok(value) = serde_json::from_str(text) {
        return Some(value);
    }
    let repaired = repair_json(text);
    serde_json::from_str(&repaired)
        .or_else(|_| serde_json::from_str(&format!("[{repaired}]")))
        .ok()
}

/// Replaces control characters inside strings with spaces, drops commas that
/// only precede a closing `}` or `]`, and puts a comma between objects written
/// one after the other (`{..} {..}`), which the caller then reads as a list.
fn repair_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                c if c.is_control() => {
                    out.push(' ');
                    continue;
                }
                _ => {}
            }
            out.push(c);
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' if out.trim_end().ends_with('}') => out.push(','),
            ',' => {
                let rest = chars.clone().find(|c| !c.is_whitespace());
                if matches!(rest, Some('}' | ']')) {
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
    }
    out
}
