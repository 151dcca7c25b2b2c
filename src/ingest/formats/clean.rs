//! Whitespace and control-character hygiene shared by every reader, plus the
//! small HTML-entity and tag helpers that Markdown and JSON bodies need.

use crate::text::decode_entities;
use std::sync::LazyLock;

use regex::Regex;

/// Cleans a single-line field (title, author, ...): controls dropped, all
/// whitespace runs (newlines included) become one space, ends trimmed.
pub(crate) fn clean_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else if c.is_control() {
            // Dropped, not turned into a space: these are stray bytes, not
            // word separators.
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Cleans a multi-line body: controls other than `\n`/`\t` dropped, runs of
/// spaces within a line collapsed, lines right-trimmed, more than one blank
/// line in a row reduced to one (paragraph breaks survive), ends trimmed.
pub(crate) fn clean_block(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank_run = 0usize;
    for raw_line in s.split('\n') {
        // Most lines are clean already and are copied as they are.
        let cleaned;
        let line = if is_clean_line(raw_line) {
            raw_line
        } else {
            cleaned = clean_inline_spaces(raw_line);
            cleaned.as_str()
        };
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank_run > 0 {
                out.push('\n');
            }
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

/// A line that [`clean_inline_spaces`] would return unchanged: no control
/// character, no whitespace other than single spaces between words.
fn is_clean_line(line: &str) -> bool {
    let bytes = line.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut prev_space = false;
    for c in line.chars() {
        if c == ' ' {
            if prev_space {
                return false;
            }
            prev_space = true;
        } else if c.is_whitespace() || c.is_control() {
            return false;
        } else {
            prev_space = false;
        }
    }
    true
}

/// One line of a body: leading indentation is dropped too, because after
/// markup removal it no longer means anything in plain text.
pub(super) fn clean_inline_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut pending: Option<char> = None;
    for c in line.chars() {
        if c == '\t' {
            // Tabs are kept (they can separate table cells) but a tab
            // absorbs neighbouring spaces.
            pending = Some('\t');
        } else if c.is_whitespace() {
            if pending.is_none() {
                pending = Some(' ');
            }
        } else if c.is_control() {
            continue;
        } else {
            if let Some(p) = pending.take()
                && !out.is_empty()
            {
                out.push(p);
            }
            out.push(c);
        }
    }
    out
}

/// Splits a comma-separated tag string or takes a list, trimming, dropping
/// empties and duplicates (first spelling wins, case-insensitive).
pub(crate) fn push_tags<'a>(tags: &mut Vec<String>, items: impl IntoIterator<Item = &'a str>) {
    for item in items {
        for part in item.split(',') {
            let tag = clean_line(part);
            if !tag.is_empty() && !tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
                tags.push(tag);
            }
        }
    }
}

/// An empty-after-cleaning value is the same as a missing one.
pub(crate) fn non_empty(s: String) -> Option<String> {
    if s.is_empty() { None } else { Some(s) }
}

static HTML_DROP_BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<!--.*?-->|<(script|style|noscript|template)\b[^>]*>.*?</(script|style|noscript|template)\s*>")
        .expect("html drop regex")
});
static HTML_BREAK_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)<(br|hr)\b[^>]*>|</?(p|div|h[1-6]|li|ul|ol|blockquote|pre|tr|table|section|article|header|footer|figure|figcaption)\b[^>]*>")
        .expect("html break regex")
});
static HTML_ANY_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[a-zA-Z][^<>]*>|<!--|-->").expect("html tag regex"));

/// Whether a string field carries HTML markup rather than plain text.
pub(crate) fn has_html_tags(s: &str) -> bool {
    s.contains('<') && HTML_ANY_TAG.is_match(s)
}

/// Markup removal for HTML fragments embedded in JSON and Markdown: block
/// tags become paragraph breaks, other tags vanish, entities are decoded.
/// Whole pages go through the readability path in `html` instead.
pub(crate) fn strip_html_fragment(s: &str) -> String {
    let s = HTML_DROP_BLOCK.replace_all(s, " ");
    let s = HTML_BREAK_TAG.replace_all(&s, "\n\n");
    let s = HTML_ANY_TAG.replace_all(&s, "");
    decode_entities(&s).into_owned()
}

/// Words a byline starts with before the names, in the languages of the pages
/// seen: `By`, `von`, `par`, `por`, `di`, `door`, `av`, `af`.
const BYLINE_MARKERS: &[&str] = &[
    "by", "von", "par", "por", "di", "door", "av", "af", "text", "texto", "autor", "author",
    "auteur",
];

/// Words that open a publication note (`Veröffentlicht am 8. Februar 2022 von
/// X`, `Posted on ... by X`); the names follow the first byline marker.
const PUBLICATION_NOTES: &[&str] = &[
    "posted",
    "published",
    "written",
    "updated",
    "veröffentlicht",
    "geschrieben",
    "aktualisiert",
    "publié",
    "publiée",
    "publicado",
    "publicada",
    "pubblicato",
    "gepubliceerd",
    "recueilli",
    "propos",
];

/// An author field as the names it holds: a byline's marker and what follows a
/// separator (section, site, date) removed. `By Ana Ruiz | Sport` -> `Ana Ruiz`,
/// `von Jan Berg · 2. Mai 2021` -> `Jan Berg`, `Posted on May 2 by Ed Moss` ->
/// `Ed Moss`. `None` when no name is left, for a web address, or for a
/// comment's signature (`Ed Moss says:`).
pub(crate) fn author_name(raw: &str) -> Option<String> {
    let line = clean_line(raw);
    let lower = line.to_lowercase();
    if line.contains("://")
        || line.chars().count() > 120
        || lower.ends_with(" says:")
        || lower.ends_with(" said:")
    {
        return None;
    }
    let mut text = line.as_str();
    for separator in [" | ", "|", " · ", " • ", " - ", " – ", " — ", " for "] {
        if let Some((head, _)) = text.split_once(separator)
            && head.chars().any(char::is_alphabetic)
        {
            text = head;
        }
    }
    let first_word = |s: &str| {
        s.split(|c: char| c.is_whitespace() || c == ':')
            .next()
            .unwrap_or("")
            .to_lowercase()
    };
    if PUBLICATION_NOTES.contains(&first_word(text).as_str()) {
        let words: Vec<&str> = text.split(' ').collect();
        let marker = words
            .iter()
            .position(|w| BYLINE_MARKERS.contains(&w.to_lowercase().as_str()))?;
        text = &text[words[..=marker]
            .iter()
            .map(|w| w.len() + 1)
            .sum::<usize>()
            .min(text.len())..];
    } else {
        let word = first_word(text);
        // `Di Stefano` is a surname; Italian bylines write a lowercase `di`.
        let marker =
            BYLINE_MARKERS.contains(&word.as_str()) && (word != "di" || text.starts_with("di "));
        if marker && text.len() > word.len() {
            text = &text[word.len()..];
        }
    }
    let name = text
        .trim_start_matches([':', ' '])
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | ':' | ';' | '·'));
    if name.chars().any(char::is_alphabetic) {
        Some(name.to_string())
    } else {
        None
    }
}
