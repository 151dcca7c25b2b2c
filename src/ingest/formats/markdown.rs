//! Markdown articles: optional front matter, a title, and the body reduced
//! to plain text by a deliberately small line-based stripper. It is not a
//! CommonMark parser; it removes the markup news archives actually contain
//! and leaves anything it does not recognise as text.

use crate::text::decode_entities;
use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Map, Value};

use super::RawArticle;
use super::clean::{clean_block, clean_line, non_empty};
use super::json::{DATE_KEYS, fill_metadata, map_get};

pub(crate) fn read(text: &str) -> RawArticle {
    let (meta, content) = split_front_matter(text);
    let fm_title = meta.as_ref().and_then(|m| match map_get(&m.map, "title") {
        Some(Value::String(s)) => non_empty(clean_line(&strip_inline(s))),
        _ => m
            .raw_title
            .as_deref()
            .and_then(|t| non_empty(clean_line(t))),
    });
    let title = fm_title
        .or_else(|| first_h1(content).and_then(|h| non_empty(clean_line(&strip_inline(h)))));
    let stripped = clean_block(&strip_markdown(content));
    let (first, rest) = match stripped.split_once('\n') {
        Some((first, rest)) => (first, rest),
        None => (stripped.as_str(), ""),
    };
    let (title, body) = match title {
        // The heading that repeats the title is not part of the body.
        Some(t) if clean_line(first).eq_ignore_ascii_case(&t) => (t, rest.to_string()),
        Some(t) => (t, stripped.clone()),
        None => (clean_line(first), rest.to_string()),
    };
    let mut article = RawArticle {
        title,
        body: clean_block(&body),
        ..RawArticle::default()
    };
    if let Some(meta) = meta {
        if let Some(problem) = meta.problem {
            article.warnings.push(format!(
                "{problem}; read its plain `key: value` lines and the body"
            ));
        }
        fill_metadata(&mut article, &meta.map);
        // YAML turns `date: 2024.05` or `date: 20240105` into numbers; the
        // raw text is what the caller's date parser should see.
        if let Some(raw) = meta.raw_date {
            article.published_raw = non_empty(clean_line(&raw));
        }
    }
    article
}

struct FrontMatter {
    map: Map<String, Value>,
    /// The date exactly as written when YAML typed it as a non-string.
    raw_date: Option<String>,
    /// Likewise for a title such as `title: 1984`.
    raw_title: Option<String>,
    /// Why the YAML could not be read as a mapping; the fields then come from its
    /// plain `key: value` lines. A broken header must not cost the article.
    problem: Option<String>,
}

/// Separates `---` YAML (or `+++` TOML) front matter from the content. An
/// opening fence without a closing one is read as content, since a leading
/// `---` is also a Markdown horizontal rule.
fn split_front_matter(text: &str) -> (Option<FrontMatter>, &str) {
    let Some((first, after)) = text.split_once('\n') else {
        return (None, text);
    };
    let fence = first.trim_end();
    if fence != "---" && fence != "+++" {
        return (None, text);
    }
    let mut offset = 0usize;
    let mut close = None;
    for line in after.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == fence || (fence == "---" && bare == "...") {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((fm_end, content_start)) = close else {
        return (None, text);
    };
    let fm = after.get(..fm_end).unwrap_or_default();
    let content = after.get(content_start..).unwrap_or_default();
    let front = if fence == "---" {
        parse_yaml(fm).unwrap_or_else(|problem| FrontMatter {
            problem: Some(problem),
            ..parse_plain_lines(fm)
        })
    } else {
        parse_plain_lines(fm)
    };
    (Some(front), content)
}

/// The front matter as a YAML mapping, or why it is not one (one line).
fn parse_yaml(fm: &str) -> Result<FrontMatter, String> {
    let value: Value = serde_saphyr::from_str(fm).map_err(|e| {
        let msg = e.to_string();
        let first = msg.lines().next().unwrap_or_default().trim();
        let first = first.strip_prefix("error: ").unwrap_or(first);
        format!("malformed YAML front matter: {first}")
    })?;
    let map = match value {
        Value::Object(map) => map,
        // `---\n---` is an empty front matter, not a wrong one.
        Value::Null => Map::new(),
        _ => return Err("front matter is not a YAML mapping".to_string()),
    };
    let mut front = FrontMatter {
        map,
        raw_date: None,
        raw_title: None,
        problem: None,
    };
    if map_get(&front.map, "title").is_some_and(|v| v.is_number() || v.is_boolean()) {
        front.raw_title = raw_scalar(fm, "title");
    }
    let typed_date = DATE_KEYS.iter().find_map(|k| map_get(&front.map, k));
    if let Some(v) = typed_date
        && !v.is_string()
    {
        front.raw_date = DATE_KEYS.iter().find_map(|k| raw_scalar(fm, k));
    }
    Ok(front)
}

static TOP_LEVEL_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Za-z_][A-Za-z0-9_-]*)\s*[:=]\s*(.*?)\s*$").expect("key regex")
});

/// The text after `key:` on a top-level line, without quotes or a trailing
/// comment.
fn raw_scalar(fm: &str, key: &str) -> Option<String> {
    fm.lines().find_map(|line| {
        let caps = TOP_LEVEL_KEY.captures(line)?;
        if !caps.get(1)?.as_str().eq_ignore_ascii_case(key) {
            return None;
        }
        let value = caps.get(2)?.as_str();
        let value = value.split(" #").next().unwrap_or(value).trim();
        non_empty(unquote(value).to_string())
    })
}

fn unquote(s: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = s.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner;
        }
    }
    s
}

/// Hugo-style TOML front matter, and YAML that does not parse, read only as far
/// as top-level `key = value` / `key: value` lines with strings, bare scalars and
/// one-line string arrays go (`title: Budget: the details` keeps its colon).
/// Anything richer is ignored rather than rejected: it is metadata, not content.
fn parse_plain_lines(fm: &str) -> FrontMatter {
    let mut map = Map::new();
    for line in fm.lines() {
        let Some(caps) = TOP_LEVEL_KEY.captures(line) else {
            continue;
        };
        let (Some(key), Some(value)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        let value = value.as_str();
        let parsed = if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']'))
        {
            Value::Array(
                inner
                    .split(',')
                    .map(|item| unquote(item.trim()).to_string())
                    .filter(|item| !item.is_empty())
                    .map(Value::String)
                    .collect(),
            )
        } else {
            Value::String(unquote(value.split(" #").next().unwrap_or(value).trim()).to_string())
        };
        map.entry(key.as_str().to_string()).or_insert(parsed);
    }
    FrontMatter {
        map,
        raw_date: None,
        raw_title: None,
        problem: None,
    }
}

static ATX_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$").expect("heading regex")
});
static H1: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$").expect("h1 regex"));

/// The first level-one ATX heading outside code fences.
fn first_h1(content: &str) -> Option<&str> {
    let mut fence = Fence::default();
    for line in content.lines() {
        if fence.step(line) {
            continue;
        }
        if let Some(text) = H1.captures(line).and_then(|c| c.get(1)) {
            return Some(text.as_str());
        }
    }
    None
}

/// Tracks fenced code blocks (``` or ~~~) so markup inside them is left
/// alone and fence lines themselves are dropped.
#[derive(Default)]
struct Fence {
    open: Option<(char, usize)>,
}

impl Fence {
    /// Returns true when `line` is a fence line or inside a fence, i.e. must
    /// not be treated as Markdown.
    fn step(&mut self, line: &str) -> bool {
        let t = line.trim_start();
        let marker = t.chars().next().filter(|c| *c == '`' || *c == '~');
        let run = marker.map_or(0, |m| t.chars().take_while(|c| *c == m).count());
        match (self.open, marker) {
            (Some((m, n)), Some(c))
                if c == m && run >= n && t.trim_end().chars().all(|x| x == m) =>
            {
                self.open = None;
                true
            }
            (Some(_), _) => true,
            (None, Some(c)) if run >= 3 => {
                self.open = Some((c, run));
                true
            }
            (None, _) => false,
        }
    }

    fn inside(&self) -> bool {
        self.open.is_some()
    }
}

static HTML_COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->").expect("comment regex"));
static REF_DEF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^ {0,3}\[[^\]]+\]:\s*\S+(\s+("[^"]*"|'[^']*'|\([^)]*\)))?\s*$"#)
        .expect("ref regex")
});
static RULE_OR_UNDERLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^ {0,3}(?:=+|-+|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})[ \t]*$")
        .expect("rule regex")
});
static TABLE_DELIM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$").expect("table regex")
});
static LIST_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?").expect("list regex")
});
static ESCAPE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\\([!-/:-@\[-`{-~])").expect("escape regex"));

/// Escaped punctuation is parked in a private-use plane while markup is
/// stripped, so `\*` survives as a literal `*`.
const PARK_BASE: u32 = 0xF0000;

pub(crate) fn strip_markdown(content: &str) -> String {
    let content = HTML_COMMENT.replace_all(content, "");
    let content = ESCAPE.replace_all(&content, |caps: &regex::Captures<'_>| {
        caps[1]
            .chars()
            .next()
            .and_then(|c| char::from_u32(PARK_BASE + u32::from(c)))
            .map(String::from)
            .unwrap_or_default()
    });
    let mut out = String::with_capacity(content.len());
    let mut fence = Fence::default();
    for line in content.lines() {
        let was_inside = fence.inside();
        if fence.step(line) {
            // Code is text worth keeping; only the fence lines go.
            if was_inside && fence.inside() {
                out.push_str(line);
            }
            out.push('\n');
            continue;
        }
        out.push_str(&strip_line(line));
        out.push('\n');
    }
    unpark(&out)
}

fn unpark(s: &str) -> String {
    s.chars()
        .map(|c| {
            let code = u32::from(c);
            if (PARK_BASE..PARK_BASE + 0x80).contains(&code) {
                char::from_u32(code - PARK_BASE).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

/// Block-level markup of one line, then inline markup.
fn strip_line(line: &str) -> String {
    if REF_DEF.is_match(line) || RULE_OR_UNDERLINE.is_match(line) || TABLE_DELIM.is_match(line) {
        return String::new();
    }
    let mut rest = line.trim_start();
    // Nested quotes (`> > text`) lose every level.
    while let Some(r) = rest.strip_prefix('>') {
        rest = r.trim_start();
    }
    let owned;
    if let Some(text) = ATX_HEADING
        .captures(rest)
        .map(|c| c.get(1).map_or("", |m| m.as_str()))
    {
        rest = text;
    } else if let Some(m) = LIST_MARKER.find(rest) {
        rest = rest.get(m.end()..).unwrap_or_default();
    } else if rest.starts_with('|') {
        // Table row: cells become tab-separated text.
        owned = rest
            .trim_matches(|c: char| c == '|' || c.is_whitespace())
            .split('|')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("\t");
        return strip_inline(&owned);
    }
    strip_inline(rest)
}

static IMAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[ \t]*!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])").expect("image regex")
});
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])").expect("link regex"));
static FOOTNOTE_REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[\^[^\]]+\]").expect("footnote regex"));
static AUTOLINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<((?:https?|ftp|mailto):[^<>\s]+)>").expect("autolink regex"));
static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>").expect("tag regex"));
static CODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"`+([^`]+?)`+").expect("code regex"));
static STRONG_STAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\*\*([^*]+?)\*\*").expect("strong regex"));
// Single stars only at word edges too: `2*3*4` and `5*` are text, not
// emphasis, far more often than not in news copy.
static EM_STAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|[^\p{L}\p{N}*])\*([^*\s](?:[^*]*?[^*\s])?)\*($|[^\p{L}\p{N}*])")
        .expect("em regex")
});
// Underscores only count at word edges, so snake_case names survive.

static STRONG_UNDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|[^\p{L}\p{N}_])__([^_\s](?:[^_]*?[^_\s])?)__($|[^\p{L}\p{N}_])")
        .expect("strong_ regex")
});
static EM_UNDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|[^\p{L}\p{N}_])_([^_\s](?:[^_]*?[^_\s])?)_($|[^\p{L}\p{N}_])")
        .expect("em_ regex")
});
static STRIKE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"~~([^~]+?)~~").expect("strike regex"));

/// Inline markup of one line: images go, links keep their text, tags go,
/// emphasis and code keep their content.
pub(crate) fn strip_inline(s: &str) -> String {
    // Every pattern below needs one of these bytes; most lines of prose have none,
    // and skip the fourteen scans.
    if !s
        .bytes()
        .any(|b| matches!(b, b'[' | b'<' | b'`' | b'*' | b'_' | b'~' | b'&'))
    {
        return s.to_string();
    }
    let s = IMAGE.replace_all(s, "");
    let s = LINK.replace_all(&s, "$1");
    let s = FOOTNOTE_REF.replace_all(&s, "");
    let s = AUTOLINK.replace_all(&s, "$1");
    let s = TAG.replace_all(&s, "");
    let s = CODE.replace_all(&s, "$1");
    let s = STRONG_STAR.replace_all(&s, "$1");
    let mut s = s.into_owned();
    // Adjacent `_a_ _b_` share the separating space between matches, so a
    // second pass catches the ones the first skipped.
    for _ in 0..2 {
        s = EM_STAR.replace_all(&s, "$1$2$3").into_owned();
        s = STRONG_UNDER.replace_all(&s, "$1$2$3").into_owned();
        s = EM_UNDER.replace_all(&s, "$1$2$3").into_owned();
    }
    let s = STRIKE.replace_all(&s, "$1");
    decode_entities(&s).into_owned()
}
