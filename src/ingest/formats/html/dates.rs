//! Which of the dates a page shows is its publication date.
//!
//! One walk over the page gathers every date it offers as a [`Clue`], with
//! where it stands; then they are weighed. The evidence, in order of trust:
//!
//! 1. **metadata** naming the publication: `article:published_time` and the
//!    other published `<meta>` keys, JSON-LD `datePublished` (read leniently:
//!    trailing commas, raw newlines, `@graph`, several blocks), microdata
//!    `itemprop=datePublished` on any element, `<time pubdate>`, hAtom
//!    `<abbr class=published title=..>`, and last a publication field in the
//!    page's JSON data;
//! 2. **url**: the date in the page's own address (`<link rel=canonical>`,
//!    `og:url`, `rel=shortlink`): `/2019/10/21/`, `/20191021/`;
//! 3. **byline**: a date the reader sees: announced by a publication word or
//!    a date label (`visible`), a `<time datetime>`, a `data-published` style
//!    attribute (epoch seconds or milliseconds included), an element whose
//!    class or id says it holds the date or the byline (`date`, `published`,
//!    `byline`, `datum`, `fecha`), nearest the title; failing all these, the
//!    first date under the title or just above it (from the top of the page
//!    when it has no title heading);
//! 4. metadata naming the last **modification**, only when nothing else is
//!    there.
//!
//! The title is the heading (`<h1>`-`<h4>`) that shows the page's title, else
//! the first `<h1>`. Dates inside comments, sidebars, related and popular
//! lists and navigation are no evidence, nor are those in the site's footer,
//! asides and widgets unless they belong to the article (a post's own footer
//! holds its date); an element holding the title is never such a part.
//!
//! Corrections between them: metadata more than a day away from the page's
//! own address loses to the address (it is usually the modification or the
//! crawl time); the shown date wins over the published metadata when other
//! metadata gives it too (the page shows its revision), when the published
//! metadata is a generic `date`, or when that is a UTC time whose local day
//! may be the shown one ([`WebDate::local_day_may_be`]); an ambiguous numeric
//! date (`01-11-2023`) takes the reading another date on the page confirms,
//! else the page's language order ([`DayOrder::for_language`]).
//!
//! It owns the weighing; reading one value or one stretch of text is
//! `extract::dates::web`'s.

use chrono::NaiveDate;
use dom_smoothie::Readability;
use regex::Regex;
use serde_json::{Map, Value};
use std::sync::LazyLock;

use super::meta::{collect_objects, is_article_type, parse_json_ld};
use crate::extract::dates::PartialDate;
use crate::extract::dates::web::{
    DayOrder, WebDate, date_from_url, find_text_dates, parse_machine_value, parse_value,
};
use crate::ingest::published::DateSource;
use crate::text::folded_lower;

/// The publication day a page gives, where it came from and the value as the
/// page wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct PageDate {
    pub(super) date: NaiveDate,
    pub(super) source: DateSource,
    pub(super) raw: String,
}

/// What kind of evidence a clue is; see the module doc for the order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Evidence {
    Published,
    Url,
    Byline,
    Modified,
}

/// One date the page offers.
#[derive(Clone, Debug)]
struct Clue {
    evidence: Evidence,
    /// Within its evidence, lower is stronger.
    rank: u32,
    /// Position in document order, for ties and for closeness to the title.
    order: usize,
    found: WebDate,
    raw: String,
}

/// `<meta>` keys (lowercased `property`, `name`, `itemprop` or `http-equiv`)
/// that name the publication, strongest first.
const PUBLISHED_KEYS: &[(&str, u32)] = &[
    ("article:published_time", 0),
    ("og:article:published_time", 0),
    ("article:published", 0),
    ("og:published_time", 0),
    ("datepublished", 1),
    ("publication_date", 1),
    ("publication-date", 1),
    ("publicationdate", 1),
    ("dc.date.issued", 1),
    ("dcterms.issued", 1),
    ("citation_publication_date", 1),
    ("parsely-pub-date", 1),
    ("sailthru.date", 2),
    ("publishdate", 2),
    ("publish-date", 2),
    ("publish_date", 2),
    ("published_date", 2),
    ("date_published", 2),
    ("pubdate", 2),
    ("pub_date", 2),
    ("og:pubdate", 2),
    ("article_date_original", 2),
    ("original-publish-date", 2),
    ("cxenseparse:recs:publishtime", 2),
    ("dc.date.published", 2),
    ("article.published", 2),
    ("og:release_date", 2),
    ("release_date", 2),
    ("dc.date.created", 3),
    ("dcterms.created", 3),
    ("datecreated", 3),
    ("date", 3),
    ("dc.date", 3),
    ("dcterms.date", 3),
    ("citation_date", 3),
    ("created", 3),
];

/// `<meta>` keys that name a modification.
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "article:updated_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
    "revision_date",
    "modified",
];

/// `data-*` attributes that hold a publication time.
const DATA_ATTRIBUTES: &[&str] = &[
    "data-published",
    "data-publish-date",
    "data-published-date",
    "data-pubdate",
    "data-timestamp",
    "data-date",
    "data-datetime",
    "data-time",
    "data-created",
];

/// Words in a class or id that mark an element holding the article's date,
/// with the rank a date inside it gets.
const DATE_CLASS_WORDS: &[(&str, u32)] = &[
    ("published", 0),
    ("publication", 0),
    ("publish", 0),
    ("pubdate", 0),
    ("posted", 0),
    ("post-date", 0),
    ("entry-date", 0),
    ("article-date", 0),
    ("created", 1),
    ("date", 1),
    ("datum", 1),
    ("fecha", 1),
    ("byline", 2),
    ("author", 2),
    ("dateline", 2),
    ("time", 2),
    ("meta", 3),
    ("info", 3),
];

/// Words in a class, id or microdata type that mark a part of the page
/// holding other people's or other articles' dates: comments, sidebars,
/// lists of other articles. Nothing inside is article evidence.
const NOISE_WORDS: &[&str] = &[
    "comment",
    "reply",
    "related",
    "recent",
    "popular",
    "trending",
    "most-read",
    "recommend",
    "calendar",
    "weather",
    "copyright",
];

/// Words that mark a date as the modification's, not the publication's.
const MODIFIED_WORDS: &[&str] = &["update", "modif"];

/// Words that mark the site's furniture, unless the element belongs to the
/// article: a post's own footer (`post-footer`, `entry-footer`) holds its
/// date, and Blogger wraps the posts in `widget Blog`.
const FURNITURE_WORDS: &[&str] = &[
    "footer",
    "widget",
    "archive",
    "aside",
    "sidebar",
    "secondary",
];

/// Words in a class or id that mark the article's own container.
const ARTICLE_WORDS: &[&str] = &["post", "entry", "article", "story", "blog"];

/// Class prefixes naming an article's topics (WordPress and its kin).
const TAXONOMY_PREFIXES: &[&str] = &["category-", "tag-", "tags-", "cat-", "topic-"];

/// Elements that never hold the article's dates, and the one that does only
/// inside the article.
const NOISE_TAGS: &[&str] = &["nav", "select", "option"];
const FURNITURE_TAGS: &[&str] = &["footer", "aside"];
/// Elements whose text a reader does not see.
const HIDDEN_TAGS: &[&str] = &["head", "title", "script", "style", "noscript", "template"];

/// Text longer than this is a container, not a date element.
const MAX_DATE_TEXT: usize = 200;

/// The page's publication day, if it gives one.
///
/// `title` is the article's title as the page's metadata gives it: the heading
/// that shows it marks where the article starts, which the first `<h1>` does
/// not on pages that put their site name in one. `address` is where the page
/// was fetched from, when that is known apart from the page (a crawl record):
/// it counts as the page's own address, after the ones the page gives.
pub(super) fn publication(
    readability: &Readability,
    title: Option<&str>,
    address: Option<&str>,
) -> Option<PageDate> {
    let mut clues = collect(readability, title);
    if let Some(address) = address {
        let order = clues.list.iter().map(|c| c.order).max().unwrap_or(0) + 1;
        push(
            &mut clues.list,
            Evidence::Url,
            1,
            order,
            address,
            url_date(address),
        );
    }
    decide(&clues).map(|c| PageDate {
        date: c.found.date,
        source: match c.evidence {
            Evidence::Published | Evidence::Modified => DateSource::Metadata,
            Evidence::Url => DateSource::Url,
            Evidence::Byline => DateSource::Byline,
        },
        raw: c.raw.clone(),
    })
}

fn lower(s: &str) -> String {
    s.trim().to_ascii_lowercase()
}

fn any_word(words: &[&str], text: &str) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// Class words naming the publication itself; they outweigh a noise word in
/// the same class (`ArticleHeaderComment_publishDate` on an opinion piece).
const PUBLICATION_CLASS_WORDS: &[&str] = &["published", "publish", "pubdate"];

fn class_rank(class_and_id: &str) -> Option<u32> {
    if any_word(PUBLICATION_CLASS_WORDS, class_and_id) {
        return Some(0);
    }
    if any_word(NOISE_WORDS, class_and_id)
        || any_word(MODIFIED_WORDS, class_and_id)
        || any_word(FURNITURE_WORDS, class_and_id)
    {
        return None;
    }
    DATE_CLASS_WORDS
        .iter()
        .filter(|(w, _)| class_and_id.contains(w))
        .map(|&(_, r)| r)
        .min()
}

/// The order to read ambiguous numeric dates in: the page's language, else
/// its `og:locale`, else day first (most of the world's order).
fn page_order(readability: &Readability) -> DayOrder {
    let doc = &readability.doc;
    doc.select("html")
        .attr("lang")
        .and_then(|l| DayOrder::for_language(&l))
        .or_else(|| {
            doc.select("meta[property='og:locale']")
                .attr("content")
                .and_then(|l| DayOrder::for_language(&l))
        })
        .unwrap_or(DayOrder::DayFirst)
}

/// The clues of a page and where its title (`<h1>`) is in document order.
struct Clues {
    list: Vec<Clue>,
    title_at: Option<usize>,
}

/// Where a node sits: inside the article's own container, inside a part
/// that holds no article dates, inside what a reader sees. Inherited from the
/// parent, then adjusted by the element's own tag, class, id and microdata
/// type. `<html>` and `<body>` change nothing: themes put words like
/// `has-sidebar` or `single-post` on them for the whole page.
#[derive(Clone, Copy, Debug)]
struct Place {
    in_article: bool,
    in_noise: bool,
    shown: bool,
    /// The element's position in document order.
    at: usize,
}

impl Place {
    const ROOT: Place = Place {
        in_article: false,
        in_noise: false,
        shown: true,
        at: 0,
    };

    /// `holds_title`: the element contains the article's title, so it is no
    /// sidebar or list whatever its class says (`has-sidebar`,
    /// `sticky-sidebar-parent`, Blogger's `widget Blog`).
    fn of(
        parent: Place,
        attr: &impl Fn(&str) -> Option<String>,
        tag: &str,
        at: usize,
        holds_title: bool,
    ) -> Place {
        let shown = parent.shown && !HIDDEN_TAGS.contains(&tag);
        if matches!(tag, "html" | "body") {
            return Place {
                at,
                shown,
                ..parent
            };
        }
        let names = element_names(attr);
        let in_article = parent.in_article || tag == "article" || any_word(ARTICLE_WORDS, &names);
        let furniture =
            !in_article && (FURNITURE_TAGS.contains(&tag) || any_word(FURNITURE_WORDS, &names));
        let marked = furniture
            || NOISE_TAGS.contains(&tag)
            || any_word(NOISE_WORDS, &names)
            || any_word(MODIFIED_WORDS, &names);
        let publication = any_word(PUBLICATION_CLASS_WORDS, &names);
        let in_noise = parent.in_noise || (marked && !holds_title && !publication);
        Place {
            in_article,
            in_noise,
            shown,
            at,
        }
    }
}

/// An element's class, id and microdata type, lowercased, without the
/// taxonomy classes content systems add to an article's container
/// (`category-popular`, `tag-events`): those name the article's topics, not
/// the part of the page.
fn element_names(attr: &impl Fn(&str) -> Option<String>) -> String {
    let mut names = String::new();
    for value in ["class", "id", "itemtype"].iter().filter_map(|a| attr(a)) {
        for token in value.split_whitespace() {
            let token = token.to_ascii_lowercase();
            if TAXONOMY_PREFIXES.iter().any(|p| token.starts_with(p)) {
                continue;
            }
            names.push_str(&token);
            names.push(' ');
        }
    }
    names
}

/// A heading's text reduced for comparison with the page's title: folded
/// lowercase letters and digits, one space between words.
fn title_key(text: &str) -> String {
    folded_lower(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a heading shows the page's title: one holds the other, and the
/// heading is more than a word or two (a site name in `<h1>` is inside most
/// titles).
fn shows_title(heading: &str, title: &str) -> bool {
    !heading.is_empty()
        && (heading == title
            || (heading.len() >= 16 && (title.contains(heading) || heading.contains(title))))
}

fn collect(readability: &Readability, title: Option<&str>) -> Clues {
    let doc = &readability.doc;
    let order = page_order(readability);
    let title = title.map(title_key).filter(|t| !t.is_empty());
    // The heading showing the title, else the first `<h1>`.
    let headings = doc.select("h1, h2, h3, h4");
    let heading = title
        .as_ref()
        .and_then(|title| {
            headings
                .nodes()
                .iter()
                .find(|h| shows_title(&title_key(&h.text()), title))
        })
        .or_else(|| {
            headings
                .nodes()
                .iter()
                .find(|h| h.node_name().is_some_and(|n| n.eq_ignore_ascii_case("h1")))
        });
    let title_path: Vec<_> = heading
        .map(|h| {
            std::iter::once(h.id)
                .chain(h.ancestors_it(None).map(|a| a.id))
                .collect()
        })
        .unwrap_or_default();
    let mut clues = Vec::new();
    // The title's position and offset in the visible text.
    let mut title_at: Option<(usize, usize)> = None;
    let mut visible = VisibleText::default();
    // A pre-order walk, each node with its parent's place: parents come
    // before their children and text comes in reading order.
    let mut stack = vec![(doc.root(), Place::ROOT)];
    let mut at = 0;
    while let Some((node, parent)) = stack.pop() {
        if node.is_text() {
            if parent.shown && !parent.in_noise {
                visible.push(&node.text(), parent.at);
            }
            continue;
        }
        let Some(tag) = node.node_name() else {
            // The document itself.
            stack.extend(node.children_it(true).map(|c| (c, parent)));
            continue;
        };
        if !node.is_element() {
            continue;
        }
        at += 1;
        let tag = tag.to_ascii_lowercase();
        let attr = |name: &str| node.attr(name).map(|v| v.to_string());
        let place = Place::of(parent, &attr, &tag, at, title_path.contains(&node.id));
        stack.extend(node.children_it(true).map(|c| (c, place)));
        if place.in_noise {
            continue;
        }
        match tag.as_str() {
            "meta" => meta_clue(&mut clues, &attr, at, order),
            "link" => {
                let rel = attr("rel").map(|r| lower(&r)).unwrap_or_default();
                if matches!(rel.as_str(), "canonical" | "shortlink" | "amphtml")
                    && let Some(href) = attr("href")
                {
                    push(&mut clues, Evidence::Url, 0, at, &href, url_date(&href));
                }
            }
            "script" => {
                let kind = attr("type").map(|t| lower(&t)).unwrap_or_default();
                if kind == "application/ld+json" {
                    for (evidence, rank, raw) in json_ld_dates(&node.text()) {
                        let found = parse_machine_value(&raw, order);
                        push(&mut clues, evidence, rank, at, &raw, found);
                    }
                } else if kind == "application/json"
                    && let Some(c) = DATA_DATE_FIELD.captures(&node.text())
                {
                    let raw = c[1].to_string();
                    let found = parse_machine_value(&raw, order);
                    push(&mut clues, Evidence::Published, 5, at, &raw, found);
                }
            }
            "style" | "noscript" | "template" | "head" | "html" | "body" | "title" => {}
            _ => {
                if heading.is_some_and(|h| h.id == node.id) {
                    title_at = Some((at, visible.text.len()));
                }
                let text = || node.text().to_string();
                element_clues(&mut clues, &attr, &text, &tag, at, order);
            }
        }
    }
    visible.cue_clues(&mut clues, order);
    if !clues.iter().any(|c| c.evidence == Evidence::Byline) {
        visible.after_title_clue(&mut clues, title_at.map_or(0, |(_, offset)| offset), order);
    }
    Clues {
        list: clues,
        title_at: title_at.map(|(at, _)| at),
    }
}

/// A `<meta>` naming the publication, the modification or the page's address.
fn meta_clue(
    clues: &mut Vec<Clue>,
    attr: &impl Fn(&str) -> Option<String>,
    at: usize,
    order: DayOrder,
) {
    let Some(content) = attr("content") else {
        return;
    };
    let key = ["property", "name", "itemprop", "http-equiv"]
        .iter()
        .find_map(|a| attr(a))
        .map(|k| lower(&k))
        .unwrap_or_default();
    if let Some(&(_, rank)) = PUBLISHED_KEYS.iter().find(|(k, _)| *k == key) {
        push(
            clues,
            Evidence::Published,
            rank,
            at,
            &content,
            parse_machine_value(&content, order),
        );
    } else if MODIFIED_KEYS.contains(&key.as_str()) {
        push(
            clues,
            Evidence::Modified,
            0,
            at,
            &content,
            parse_machine_value(&content, order),
        );
    } else if key == "og:url" {
        push(clues, Evidence::Url, 0, at, &content, url_date(&content));
    }
}

/// The dates an element of the body gives: microdata, `<time>` and `<abbr>`,
/// `data-*` attributes, and the text of an element whose class names a date.
fn element_clues(
    clues: &mut Vec<Clue>,
    attr: &impl Fn(&str) -> Option<String>,
    text: &impl Fn() -> String,
    tag: &str,
    at: usize,
    order: DayOrder,
) {
    let itemprop = attr("itemprop").map(|p| lower(&p));
    let value_or_text = || {
        ["datetime", "content", "title"]
            .iter()
            .find_map(|a| attr(a).filter(|v| !v.trim().is_empty()))
            .unwrap_or_else(text)
    };
    match itemprop.as_deref() {
        Some(prop @ ("datepublished" | "datecreated")) => {
            let rank = if prop == "datepublished" { 1 } else { 3 };
            let raw = value_or_text();
            let found = parse_value(&raw, order);
            push(clues, Evidence::Published, rank, at, &raw, found);
            return;
        }
        Some("datemodified") => {
            let raw = value_or_text();
            let found = parse_value(&raw, order);
            push(clues, Evidence::Modified, 0, at, &raw, found);
            return;
        }
        _ => {}
    }
    let class_and_id = element_names(attr);
    if tag == "time" || tag == "abbr" {
        let published = attr("pubdate").is_some()
            || class_and_id.contains("published")
            || class_and_id.contains("created");
        let raw = if tag == "time" {
            attr("datetime")
        } else {
            attr("title")
        };
        if let Some(raw) = raw
            && (tag == "time" || published)
        {
            let (evidence, rank) = if published {
                (Evidence::Published, 1)
            } else {
                (Evidence::Byline, 1)
            };
            push(clues, evidence, rank, at, &raw, parse_value(&raw, order));
            return;
        }
    }
    for name in DATA_ATTRIBUTES {
        if let Some(raw) = attr(name) {
            push(
                clues,
                Evidence::Byline,
                3,
                at,
                &raw,
                parse_value(&raw, order),
            );
        }
    }
    if let Some(rank) = class_rank(&class_and_id) {
        let text = text();
        if text.len() <= MAX_DATE_TEXT
            && let Some(first) = find_text_dates(&text, order).first()
        {
            push(
                clues,
                Evidence::Byline,
                rank + 2,
                at,
                &text[first.start..first.end],
                Some(first.found),
            );
        }
    }
}

fn push(
    clues: &mut Vec<Clue>,
    evidence: Evidence,
    rank: u32,
    order: usize,
    raw: &str,
    found: Option<WebDate>,
) {
    if let Some(found) = found {
        clues.push(Clue {
            evidence,
            rank,
            order,
            found,
            raw: raw.trim().to_string(),
        });
    }
}

fn url_date(url: &str) -> Option<WebDate> {
    match date_from_url(url)? {
        PartialDate::Day(date) => Some(WebDate {
            date,
            alt: None,
            utc_hour: None,
        }),
        _ => None,
    }
}

/// `"datePublished": "..."` and its kin when the block is not JSON even after
/// repair.
static LD_DATE_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""(datePublished|dateCreated|uploadDate|dateModified)"\s*:\s*"([^"]{4,60})""#)
        .expect("valid regex")
});

/// The first publication field in a page's JSON data (`<script
/// type="application/json">`, the state an app renders from): weaker than
/// any `<meta>`, as such data also describes other articles.
static DATA_DATE_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""(?:datePublished|publishedDate|publishDate|published_at|publishedAt|publication_date|firstPublished)"\s*:\s*"([^"]{4,60})""#)
        .expect("valid regex")
});

/// Dates of a JSON-LD block as `(evidence, rank, raw value)`: the article's
/// own object first, then any other described object.
fn json_ld_dates(text: &str) -> Vec<(Evidence, u32, String)> {
    let mut out = Vec::new();
    let Some(value) = parse_json_ld(text) else {
        for c in LD_DATE_FIELD.captures_iter(text) {
            let (key, raw) = (&c[1], c[2].to_string());
            out.push(field_clue(key, 1, raw));
        }
        return out;
    };
    let mut objects: Vec<&Map<String, Value>> = Vec::new();
    collect_objects(&value, &mut objects, 0);
    for object in objects {
        let base = if is_article_type(object) { 0 } else { 1 };
        for key in ["datePublished", "dateCreated", "uploadDate", "dateModified"] {
            if let Some(raw) = object.get(key).and_then(Value::as_str) {
                out.push(field_clue(key, base, raw.to_string()));
            }
        }
    }
    out
}

fn field_clue(key: &str, base: u32, raw: String) -> (Evidence, u32, String) {
    match key {
        "datePublished" => (Evidence::Published, base, raw),
        "dateCreated" => (Evidence::Published, base + 3, raw),
        "uploadDate" => (Evidence::Published, base + 4, raw),
        _ => (Evidence::Modified, base, raw),
    }
}

// ---------------------------------------------------------------------------
// Weighing
// ---------------------------------------------------------------------------

fn days_apart(a: NaiveDate, b: NaiveDate) -> i64 {
    (a - b).num_days().abs()
}

/// The strongest clue of one kind: lowest rank, then first in the page.
fn best(clues: &[Clue], evidence: Evidence) -> Option<&Clue> {
    clues
        .iter()
        .filter(|c| c.evidence == evidence)
        .min_by_key(|c| (c.rank, c.order))
}

/// The byline: the date element nearest the title, counting elements; one
/// before the title counts double, as the title usually comes first.
fn best_byline(clues: &Clues) -> Option<&Clue> {
    let distance = |c: &Clue| match clues.title_at {
        Some(t) if c.order >= t => c.order - t,
        Some(t) => 2 * (t - c.order),
        None => c.order,
    };
    clues
        .list
        .iter()
        .filter(|c| c.evidence == Evidence::Byline)
        .min_by_key(|c| (distance(c) + 10 * c.rank as usize, c.order))
}

/// Weighs the clues as the module doc says.
fn decide(clues: &Clues) -> Option<Clue> {
    let list = &clues.list;
    let published = best(list, Evidence::Published);
    let url = best(list, Evidence::Url);
    let byline = best_byline(clues);
    let metadata_says = |d: NaiveDate| {
        list.iter().any(|c| {
            matches!(c.evidence, Evidence::Published | Evidence::Modified) && c.found.date == d
        })
    };
    let chosen = match (published, url, byline) {
        (Some(p), Some(u), _) if days_apart(p.found.date, u.found.date) > 1 => u,
        (Some(p), _, Some(b)) if b.found.date != p.found.date => {
            if metadata_says(b.found.date) || p.rank >= 3 || p.found.local_day_may_be(b.found.date)
            {
                b
            } else {
                p
            }
        }
        (Some(p), _, _) => p,
        (None, Some(u), _) => u,
        (None, None, Some(b)) => b,
        (None, None, None) => best(list, Evidence::Modified)?,
    };
    let mut chosen = chosen.clone();
    if let Some(alt) = chosen.found.alt {
        let confirms = |d: NaiveDate| {
            list.iter()
                .any(|c| c.found.date == d && c.found.alt.is_none())
        };
        if confirms(alt) && !confirms(chosen.found.date) {
            chosen.found.date = alt;
        }
    }
    Some(chosen)
}

mod visible;
use visible::VisibleText;

#[cfg(test)]
mod tests;
