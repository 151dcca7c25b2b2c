//! Turning one file's bytes into raw articles.
//!
//! This module owns everything between "here are the bytes of `path`" and
//! "here are the articles in it": decoding (BOMs, UTF-16, legacy 8-bit
//! encodings, binary rejection), working out the real format when the
//! extension lies, and per-format extraction of title, body and metadata for
//! plain text, Markdown with YAML front matter, HTML pages, JSON and JSON
//! Lines; and the records of WARC web crawls ([`warc`]), which the pipeline
//! streams rather than reading whole.
//!
//! It does not own walking directories, hashing, parsing dates (dates are
//! handed back exactly as found, in [`RawArticle::published_raw`]; only an
//! HTML page's date is weighed here, because that needs the page), entity
//! extraction or indexing; those belong to the ingest pipeline. Nothing here
//! touches the file system or the network: HTML is parsed, never executed,
//! and nothing it references is fetched.

mod clean;
mod decode;
mod html;
mod json;
mod markdown;
#[cfg(test)]
mod tests;
pub mod warc;

use std::collections::BTreeMap;
use std::path::Path;

pub(crate) use clean::author_name;

use chrono::NaiveDate;

use super::published::DateSource;

pub use decode::decode_text;

/// The formats morgue can read, named after their usual extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
    JsonLines,
    /// A web crawl: one article per HTML page fetched.
    Warc,
}

impl Format {
    /// The canonical extension, used in reports and stored with documents.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::JsonLines => "jsonl",
            Format::Warc => "warc",
        }
    }

    /// What an article's `line` counts in a file of the format named `name`:
    /// the record of a WARC file, the line of the others.
    pub fn position_word(name: &str) -> &'static str {
        if name == Format::Warc.as_str() {
            "record"
        } else {
            "line"
        }
    }

    /// The format [`Format::as_str`] names.
    pub fn parse(name: &str) -> Option<Format> {
        [
            Format::Text,
            Format::Markdown,
            Format::Html,
            Format::Json,
            Format::JsonLines,
            Format::Warc,
        ]
        .into_iter()
        .find(|f| f.as_str() == name)
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The format an extension promises (case-insensitive); `None` for files
/// morgue does not read, so the walker can skip them without opening them.
pub fn format_for_path(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    let stem_ext = || {
        Path::new(path.file_stem()?)
            .extension()?
            .to_str()
            .map(str::to_ascii_lowercase)
    };
    match ext.as_str() {
        "warc" => Some(Format::Warc),
        "gz" if stem_ext().as_deref() == Some("warc") => Some(Format::Warc),
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "json" => Some(Format::Json),
        "jsonl" | "ndjson" => Some(Format::JsonLines),
        _ => None,
    }
}

/// One article as found in a file: cleaned text, metadata left raw.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawArticle {
    /// May be empty when the file offers nothing that looks like a title.
    pub title: String,
    /// Plain text with markup removed; paragraphs separated by blank lines.
    pub body: String,
    /// The publication date exactly as the file states it; the caller parses
    /// it, because date parsing rules live in one place (`extract::dates`).
    pub published_raw: Option<String>,
    /// The publication day when the reader had to weigh the file's structure
    /// to find it (an HTML page's metadata, address and byline), with where it
    /// came from; it wins over `published_raw`, which then holds the value the
    /// day was read from.
    pub published_day: Option<(NaiveDate, DateSource)>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub tags: Vec<String>,
    /// 1-based line of the record in a JSON Lines file, or number of the
    /// record in a WARC file; `None` elsewhere.
    pub line: Option<usize>,
    /// The day a crawler fetched the page (a WARC record's date): the
    /// publication date of last resort, used only when the page gives none.
    pub crawled: Option<NaiveDate>,
    /// What was wrong with the file but did not stop the article being read
    /// (`malformed YAML front matter: ...`), one line each, for the ingest report.
    pub warnings: Vec<String>,
}

/// A record that was skipped while the rest of its file was kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRecord {
    /// 1-based line number for JSON Lines; 1-based item position for the
    /// items of a JSON array; 1-based record number in a WARC file.
    pub line: usize,
    /// Where a WARC record (or the gzip member holding it) starts in the file.
    pub offset: Option<u64>,
    pub reason: String,
}

impl BadRecord {
    /// The line of the ingest report that says which record was skipped and why.
    pub fn message(&self) -> String {
        match self.offset {
            Some(offset) => format!(
                "WARC record {} (at byte {offset}) skipped: {}",
                self.line, self.reason
            ),
            None => format!("record skipped: {}", self.reason),
        }
    }
}

/// The outcome of reading one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedFile {
    /// The format actually used, which may differ from the extension's.
    pub format: Format,
    pub articles: Vec<RawArticle>,
    pub bad_records: Vec<BadRecord>,
    /// Records that are not articles, counted by kind (WARC `request`,
    /// `not HTML`...): passed over without a warning each.
    pub other_records: BTreeMap<&'static str, usize>,
}

/// Why a whole file was rejected. Each message is one line a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("empty file")]
    Empty,
    #[error("binary file (NUL bytes at offset {offset})")]
    BinaryNul { offset: usize },
    #[error("binary file ({percent}% control characters in the first 8 KB)")]
    BinaryControl { percent: usize },
    #[error("invalid JSON at line {line} column {column}: {message}")]
    InvalidJson {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("JSON value is not an article object (expected an object with a title or body)")]
    NotArticle,
    #[error("no article objects in JSON array ({items} items)")]
    NoArticlesInArray { items: usize },
    #[error(
        "no article records in JSON Lines file ({bad} bad lines; first at line {first_line}: {first_reason})"
    )]
    NoJsonLinesRecords {
        bad: usize,
        first_line: usize,
        first_reason: String,
    },
    #[error("HTML page has no article text")]
    HtmlNoText,
    #[error("not a WARC file (it does not start with a WARC/1.x record header)")]
    NotWarc,
    #[error("no HTML page with article text in {records}{summary}")]
    NoWarcArticles { records: String, summary: String },
}

impl ReadError {
    /// The error for a WARC file that gave no article: how many records it had
    /// and what they were (`(4 request, 1 warcinfo, 2 bad)`).
    pub fn no_warc_articles(other: &BTreeMap<&'static str, usize>, bad: usize) -> ReadError {
        let mut kinds: Vec<String> = other.iter().map(|(k, n)| format!("{n} {k}")).collect();
        if bad > 0 {
            kinds.push(format!("{bad} bad"));
        }
        let summary = if kinds.is_empty() {
            String::new()
        } else {
            format!(" ({})", kinds.join(", "))
        };
        let records = other.values().sum::<usize>() + bad;
        let noun = if records == 1 { "record" } else { "records" };
        ReadError::NoWarcArticles {
            records: format!("{records} WARC {noun}"),
            summary,
        }
    }
}

/// Reads one file's bytes into articles.
///
/// `path` is only used for its extension; the content is sniffed when the
/// extension is missing or contradicts it, and [`ParsedFile::format`] tells
/// which reader was used.
pub fn parse_file(path: &Path, bytes: &[u8]) -> Result<ParsedFile, ReadError> {
    let declared = format_for_path(path);
    if declared == Some(Format::Warc) {
        let parsed = warc::read_all(bytes)?;
        if parsed.articles.is_empty() {
            return Err(ReadError::no_warc_articles(
                &parsed.other_records,
                parsed.bad_records.len(),
            ));
        }
        return Ok(parsed);
    }
    let text = decode_text(bytes)?;
    let format = sniff(declared, &text);
    let single = |a: RawArticle| vec![a];
    let (format, articles, bad_records) = match format {
        Format::Text => (format, single(read_text(&text)), Vec::new()),
        Format::Markdown => (format, single(markdown::read(&text)), Vec::new()),
        Format::Html => (format, single(html::read(&text)?), Vec::new()),
        Format::Json => {
            let (articles, bad) = json::read_json(&text)?;
            (format, articles, bad)
        }
        Format::JsonLines => match json::read_json_lines(&text) {
            Ok((articles, bad)) => (format, articles, bad),
            // A pretty-printed object saved as .jsonl is still one good
            // JSON document; prefer reading it over rejecting every line.
            Err(err @ ReadError::NoJsonLinesRecords { .. }) => match json::read_json(&text) {
                Ok((articles, bad)) => (Format::Json, articles, bad),
                Err(_) => return Err(err),
            },
            Err(err) => return Err(err),
        },
        // WARC files are read from their bytes above, never from text.
        Format::Warc => return Err(ReadError::NotWarc),
    };
    Ok(ParsedFile {
        format,
        articles,
        bad_records,
        other_records: BTreeMap::new(),
    })
}

/// One line of a JSON Lines stream, read as `morgue index` reads each line of a
/// `.jsonl` file: the article, and the object it came from (for fields of the
/// caller's own); the reason, as a bad line of a file would give it, when the
/// line is not an article record.
pub fn read_json_record(
    line: &str,
) -> Result<(RawArticle, serde_json::Map<String, serde_json::Value>), String> {
    json::read_record(line.trim())
}

/// Picks the reader: the extension's, unless the content clearly says
/// otherwise. Only cheap, unambiguous signals are used, so a prose file that
/// merely mentions `<html>` later on stays prose.
fn sniff(declared: Option<Format>, text: &str) -> Format {
    let start = text.trim_start();
    match declared {
        Some(Format::Html) => Format::Html,
        Some(Format::JsonLines) => Format::JsonLines,
        Some(Format::Json) => {
            if json::looks_like_json_lines(start) {
                Format::JsonLines
            } else {
                Format::Json
            }
        }
        Some(Format::Text) | Some(Format::Markdown) | Some(Format::Warc) | None => {
            if looks_like_html(start) {
                Format::Html
            } else if start.starts_with('{') && json::is_json_object(start) {
                Format::Json
            } else if start.starts_with('{') && json::looks_like_json_lines(start) {
                Format::JsonLines
            } else {
                declared.unwrap_or(Format::Text)
            }
        }
    }
}

fn looks_like_html(start: &str) -> bool {
    // Only a short prefix is lowercased: the check is about how the file
    // starts, and taking chars (not bytes) cannot split a character.
    let head: String = start
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Plain text: the first non-empty line is the title, the rest the body.
/// A one-line file is kept as a title with an empty body; whether that is
/// worth indexing is the pipeline's call, not the reader's.
fn read_text(text: &str) -> RawArticle {
    let trimmed = text.trim_start();
    let (title, body) = match trimmed.split_once('\n') {
        Some((first, rest)) => (first, rest),
        None => (trimmed, ""),
    };
    RawArticle {
        title: clean::clean_line(title),
        body: clean::clean_block(body),
        ..RawArticle::default()
    }
}
