//! Page furniture taken out of the DOM before readability chooses the article:
//! elements that are never text (scripts, menus, forms' buttons), blocks whose
//! `class`/`id` names them as furniture (share bars, related lists, comments,
//! cookie and newsletter boxes, photo credits), and prompt blocks ("Read more:",
//! "Lea también:", "Mehr zum Thema") with the list of links they introduce.
//!
//! It does not choose the article (dom_smoothie does) and does not look at the
//! extracted text line by line (that is [`super::prompts::keep_line`]).

use dom_query::{Document, NodeRef};

use super::prompts::{is_prompt_heading, starts_with_prompt};

/// Elements whose text is page furniture, never article text. `header` and
/// `[role=banner]` are handled separately because an article's own
/// `<header>` holds its title, and an unclosed page header holds everything,
/// and `noscript` by [`super::read`], because some pages hold their only copy
/// of the text there. `form` is deliberately absent: some CMSs wrap the whole
/// page in one.
const NOISE: &str = "nav, aside, footer, script, style, template, iframe, svg, \
    button, select, [role=navigation], [role=contentinfo], \
    [role=complementary], [aria-hidden=true], [hidden]";

/// Words that mark an element as furniture when they are a whole `class` or
/// `id` name or its first or last hyphen/underscore part (`share`,
/// `share-bar`, `post-share`, not `elementor-widget-container`), ignoring case.
/// Whole parts, so `ad` matches `ad-slot` but not `header` or `shadow`.
/// Chosen on the dev pages: each word removed more boilerplate snippets than
/// article ones.
#[rustfmt::skip]
const FURNITURE_ENDS: &[&str] = &[
    // comments
    "respond",
    // sharing and social buttons
    "share", "shares", "sharing", "social", "socials",
    // related and recommended articles
    "recommendations", "similar", "readmore", "morearticles",
    // newsletter, subscription prompts
    "subscription", "signup", "paywall",
    // navigation
    "pagination", "pager", "navbar", "menu",
    // advertising
    "ad", "ads", "advert", "adverts", "sponsor", "sponsored", "anzeige", "werbung",
    // author boxes, tags, ratings, print and sidebar widgets
    "bio", "tags", "tagcloud", "rating", "ratings", "widget", "sidebar", "print", "popup",
    "modal", "toolbar", "footer",
    // calls to action: log in, sign up, download the app
    "cta",
];

/// Words specific enough to mark furniture anywhere inside a `class` or
/// `id` value, also in run-together names (`relatedArticlesText`,
/// `entryfooter`, `saboxplugin-wrap`, `wp-caption-text`); lowercase here,
/// matched ignoring ASCII case.
#[rustfmt::skip]
const FURNITURE_INSIDE: &[&str] = &[
    "comment", "disqus", "sharedaddy", "addthis", "shariff",
    "related", "recommended", "outbrain", "taboola", "yarpp", "recirculation",
    "wp-embedded-content", "newsletter", "subscribe", "cookie", "consent", "gdpr",
    "browserupgrade", "outdated", "breadcrumb", "advertisement", "credit", "copyright",
    "caption", "authorbox", "author-box", "author-bio", "about-author", "saboxplugin",
    "postmeta", "entryfooter", "disclosure", "disclaimer",
];

/// Removes furniture from `doc` in place.
pub(super) fn prune(doc: &Document) {
    doc.select(NOISE).remove();
    remove_page_headers(doc);
    remove_furniture_blocks(doc);
    remove_prompt_blocks(doc);
    doc.select("figcaption").remove();
}

/// A page's `<header>` is furniture; an article's own header is not, and
/// neither is a header that holds the article itself (some themes put the
/// whole story there).
fn remove_page_headers(doc: &Document) {
    for header in doc.select("header, [role=banner]").nodes().to_vec() {
        if header.ancestors_it(None).any(|a| a.is("article, main")) {
            continue;
        }
        if paragraph_chars(&header) >= ARTICLE_IN_HEADER_CHARS {
            continue;
        }
        header.remove_from_parent();
    }
}

/// Paragraph text that makes a `<header>` the article rather than a banner:
/// a masthead with a menu and a tagline has far less.
const ARTICLE_IN_HEADER_CHARS: usize = 400;

fn paragraph_chars(node: &NodeRef) -> usize {
    node.find(&["p"])
        .iter()
        .map(NodeRef::normalized_char_count)
        .sum()
}

fn is_one_of(words: &[&str], part: &str) -> bool {
    words
        .iter()
        .any(|w| part.len() == w.len() && part.eq_ignore_ascii_case(w))
}

fn is_furniture_name(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    if FURNITURE_INSIDE.iter().any(|w| lower.contains(w)) {
        return true;
    }
    value.split_whitespace().any(|name| {
        let parts: Vec<&str> = name.split(['-', '_']).filter(|p| !p.is_empty()).collect();
        let at_end = |p: Option<&&str>| p.is_some_and(|p| is_one_of(FURNITURE_ENDS, p));
        at_end(parts.first()) || at_end(parts.last())
    })
}

fn names_furniture(node: &NodeRef) -> bool {
    node.attr("class").is_some_and(|c| is_furniture_name(&c))
        || node.attr("id").is_some_and(|i| is_furniture_name(&i))
}

/// Elements never removed by their name: the page's frame, and whatever holds
/// the article (`has-sidebar` and `single-post tags-x` wrappers are common).
fn holds_article(node: &NodeRef) -> bool {
    node.is("html, body, main, article, [itemprop=articleBody]")
        || !node.find(&["h1"]).is_empty()
        || !node.find(&["article"]).is_empty()
}

fn remove_furniture_blocks(doc: &Document) {
    let Some(body) = doc.body() else {
        return;
    };
    let page_chars = body.normalized_char_count();
    let page_paragraph_chars = paragraph_chars(&body);
    let mut doomed = Vec::new();
    for node in body.descendants_it() {
        if !node.is_element() || !names_furniture(&node) || holds_article(&node) {
            continue;
        }
        // A name is a weak hint next to where the text is: wrappers named
        // `sidebar-and-content`, `entry share` or `widget Blog` hold the
        // story, in `<p>`s or in bare text broken by `<br>`s.
        if node.normalized_char_count() * 2 > page_chars
            || paragraph_chars(&node) * 2 > page_paragraph_chars
        {
            continue;
        }
        doomed.push(node);
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

/// Block elements that can be a whole prompt line.
const PROMPT_BLOCKS: &str = "p, div, li, h2, h3, h4, h5, h6, strong, b, span, section";

/// The longest prompt line: "Lea también: <headline of another article>".
const PROMPT_MAX_CHARS: usize = 220;

fn remove_prompt_blocks(doc: &Document) {
    for node in doc.select(PROMPT_BLOCKS).nodes().to_vec() {
        let text = node.text();
        let text = text.trim();
        if text.is_empty() || text.chars().count() > PROMPT_MAX_CHARS {
            continue;
        }
        if is_prompt_heading(text) {
            // "Mehr zum Thema" above a list of links: both go.
            if let Some(next) = node.next_element_sibling()
                && next.is("ul, ol, div, section")
                && link_share(&next) > 0.5
            {
                next.remove_from_parent();
            }
            node.remove_from_parent();
        } else if starts_with_prompt(text) && node.find(&["p"]).is_empty() {
            node.remove_from_parent();
        }
    }
}

/// The share of an element's text that sits inside links.
fn link_share(node: &NodeRef) -> f64 {
    let all = node.text().trim().chars().count();
    if all == 0 {
        return 0.0;
    }
    let linked: usize = node
        .find(&["a"])
        .iter()
        .map(|a| a.text().trim().chars().count())
        .sum();
    linked as f64 / all as f64
}

/// Containers that pages and CMSs use for the article body, most specific
/// first (schema.org markup, then WordPress, Drupal and common theme names).
const MARKED_ARTICLE: &[&str] = &[
    "[itemprop=articleBody]",
    ".entry-content, .post-content, .article-body, .article-content, .articleBody, \
     .story-body, .post-body, .field--name-body, .field-name-body, .td-post-content, \
     .content-article, .article__body, .article-text, .story-content, .single-content",
    "article",
];

/// The formatted text of the container the page marks as its article body,
/// when exactly one kind of marking finds it; the longest if several match.
pub(super) fn marked_article_text(doc: &Document) -> Option<String> {
    for selector in MARKED_ARTICLE {
        let found = doc.select(selector);
        let best = found
            .nodes()
            .iter()
            .max_by_key(|n| n.normalized_char_count())
            .map(|n| n.formatted_text().to_string());
        if best.is_some() {
            return best;
        }
    }
    None
}

/// On pages that hold several `<article>`s (infinite scroll, teaser cards),
/// the one whose heading is the page's title is the story: the others are
/// removed so readability cannot settle on a neighbour. Nothing happens
/// unless an article carries the title.
pub(super) fn keep_titled_article(doc: &Document, title: &str) {
    let title = fold_heading(title);
    if title.chars().count() < TITLE_MIN_CHARS {
        return;
    }
    let articles = doc.select("article").nodes().to_vec();
    if articles.len() < 2 {
        return;
    }
    let carries_title = |article: &NodeRef| {
        article
            .find(&["h1"])
            .iter()
            .chain(article.find(&["h2"]).iter())
            .any(|h| {
                let heading = fold_heading(&h.text());
                heading.chars().count() >= TITLE_MIN_CHARS
                    && (title.contains(&heading) || heading.contains(&title))
            })
    };
    let titled: Vec<&NodeRef> = articles.iter().filter(|a| carries_title(a)).collect();
    // The innermost titled article with the most text: a wrapper around the
    // whole feed carries the title too, and so does a sidebar teaser.
    let Some(story) = titled
        .iter()
        .filter(|a| {
            !titled
                .iter()
                .any(|b| b.id != a.id && b.ancestors_it(None).any(|p| p.id == a.id))
        })
        .max_by_key(|a| a.normalized_char_count())
    else {
        return;
    };
    let related = |a: &NodeRef| {
        a.id == story.id
            || a.ancestors_it(None).any(|p| p.id == story.id)
            || story.ancestors_it(None).any(|p| p.id == a.id)
    };
    for article in articles.iter().filter(|a| !related(a)) {
        article.remove_from_parent();
    }
}

/// A heading shorter than this is too generic ("News") to identify a story.
const TITLE_MIN_CHARS: usize = 12;

fn fold_heading(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Class and id words of a story's lead paragraph (standfirst, chapô,
/// bajada), matched as whole name parts. Readability often takes the body
/// column and leaves the lead, which many themes put in the header.
#[rustfmt::skip]
const LEAD_WORDS: &[&str] = &[
    "lead", "intro", "standfirst", "chapo", "chapeau", "excerpt", "summary", "subtitle",
    "subheadline", "bajada", "entradilla", "deck", "dek", "leader", "abstract", "sottotitolo",
];

/// A lead is a sentence or a short paragraph, not a column.
const LEAD_CHARS: std::ops::RangeInclusive<usize> = 30..=1000;

fn names_teaser(node: &NodeRef) -> bool {
    let named = |value: &str| {
        let lower = value.to_ascii_lowercase();
        ["card", "teaser", "related"]
            .iter()
            .any(|w| lower.contains(w))
    };
    node.attr("class").is_some_and(|c| named(&c))
}

/// The text of the first element named as the story's lead.
pub(super) fn lead_text(doc: &Document) -> Option<String> {
    let body = doc.body()?;
    let is_lead_name = |value: &str| {
        value.split_whitespace().any(|name| {
            name.split(['-', '_'])
                .any(|p| LEAD_WORDS.iter().any(|w| p.eq_ignore_ascii_case(w)))
        })
    };
    let named = |n: &NodeRef| {
        n.is_element()
            && (n.attr("class").is_some_and(|c| is_lead_name(&c))
                || n.attr("id").is_some_and(|i| is_lead_name(&i)))
    };
    body.descendants_it()
        .filter(named)
        // The innermost: an `intro` block can hold the lead and an image
        // caption, each with its own name.
        .filter(|n| !n.descendants_it().any(|d| named(&d)))
        .find_map(|n| {
            // A teaser card is a link or named so, a newsletter box has its
            // own heading.
            if n.ancestors_it(None)
                .any(|a| a.is("a, table") || names_teaser(&a))
                || !n.find(&["h1"]).is_empty()
                || !n.find(&["h2"]).is_empty()
            {
                return None;
            }
            let text = n.formatted_text().to_string();
            let chars = text.trim().chars().count();
            (LEAD_CHARS.contains(&chars) && link_share(&n) < 0.5).then_some(text)
        })
}
