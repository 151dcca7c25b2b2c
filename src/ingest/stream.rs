//! `morgue extract`: articles as JSON Lines in, one line of everything indexing
//! derives from each out, in the same order, in constant memory on every core.
//!
//! A line goes through the same functions as a line of a `.jsonl` file that
//! `morgue index` reads ([`formats::read_json_record`], [`ReadArticle::new`],
//! [`extract_article`]); only the article's id and path come from the line
//! instead of from a file. A line may instead carry a whole file
//! ([`FILE_FIELD`]), which goes through `morgue index`'s own reading of a file
//! ([`super::read_articles`]) and gives a line per article in it. The input is
//! read in batches ([`LineBatches`]), each
//! batch is extracted in parallel, and its lines are written in input order
//! before the next batch is read, so memory is bounded by a batch whatever the
//! input's length. What a line becomes as text is the caller's (the output layer,
//! `output::extracted_line`); this module never decides a JSON shape.

use std::io::{self, BufRead, Write};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use rayon::prelude::*;
use serde_json::{Map, Value};

use super::extracted::extracted_file;
use super::formats::{self, Format};
use super::{Article, Origin, ReadArticle, extract_article};

/// Lines extracted at once: enough that the cores stay busy to the end of a
/// batch (the last articles of a batch leave a core idle for about one article's
/// time), few enough that a batch's articles and output stay within a few MiB.
pub const BATCH_LINES: usize = 1000;
/// A batch closes early at this many bytes of input, so that long articles do
/// not make a batch of a thousand of them.
pub const BATCH_BYTES: usize = 8 << 20;
/// The path an article read from the stream has when its line names none.
pub const DEFAULT_PATH: &str = "stdin";

/// One non-blank input line: its 1-based number in the input and its text, or
/// why it could not be taken as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputLine {
    pub number: usize,
    pub text: Result<String, String>,
}

/// Reads an input in batches of non-blank lines, each line at most `max_line`
/// bytes: a longer line is read past, not held, and becomes an error.
pub struct LineBatches<R> {
    input: R,
    max_line: usize,
    number: usize,
    done: bool,
}

impl<R: BufRead> LineBatches<R> {
    pub fn new(input: R, max_line: usize) -> LineBatches<R> {
        LineBatches {
            input,
            max_line,
            number: 0,
            done: false,
        }
    }

    /// The next batch of up to [`BATCH_LINES`] lines or about [`BATCH_BYTES`]
    /// bytes; `None` at the end of the input.
    pub fn next_batch(&mut self) -> io::Result<Option<Vec<InputLine>>> {
        let mut batch = Vec::new();
        let mut bytes = 0;
        while !self.done && batch.len() < BATCH_LINES && bytes < BATCH_BYTES {
            if let Some(line) = self.next_line()? {
                bytes += line.text.as_ref().map_or(0, String::len);
                batch.push(line);
            }
        }
        Ok((!batch.is_empty()).then_some(batch))
    }

    /// The next line, `None` for a blank one (or the end of the input).
    fn next_line(&mut self) -> io::Result<Option<InputLine>> {
        let mut kept: Vec<u8> = Vec::new();
        let mut length = 0usize;
        let mut ended = false;
        loop {
            let buffer = match self.input.fill_buf() {
                Ok(buffer) => buffer,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
                Err(err) => return Err(err),
            };
            if buffer.is_empty() {
                self.done = true;
                break;
            }
            let (part, used) = match buffer.iter().position(|&b| b == b'\n') {
                Some(end) => {
                    ended = true;
                    (&buffer[..end], end + 1)
                }
                None => (buffer, buffer.len()),
            };
            if length + part.len() <= self.max_line {
                kept.extend_from_slice(part);
            }
            length += part.len();
            self.input.consume(used);
            if ended {
                break;
            }
        }
        if !ended && length == 0 {
            return Ok(None);
        }
        self.number += 1;
        let number = self.number;
        if length > self.max_line {
            let reason = format!(
                "line is {}, over the limit of {}",
                super::human_bytes(length as u64),
                super::human_bytes(self.max_line as u64)
            );
            return Ok(Some(InputLine {
                number,
                text: Err(reason),
            }));
        }
        let text = match String::from_utf8(kept) {
            Ok(text) => text,
            Err(err) => {
                let reason = format!(
                    "not UTF-8 (invalid byte at column {}; JSON Lines are UTF-8)",
                    err.utf8_error().valid_up_to() + 1
                );
                return Ok(Some(InputLine {
                    number,
                    text: Err(reason),
                }));
            }
        };
        // A byte-order mark may open the input, as it may open a file.
        let mut text = if number == 1 {
            text.strip_prefix('\u{feff}')
                .map(str::to_string)
                .unwrap_or(text)
        } else {
            text
        };
        if text.ends_with('\r') {
            text.pop();
        }
        if text.trim().is_empty() {
            return Ok(None);
        }
        Ok(Some(InputLine {
            number,
            text: Ok(text),
        }))
    }
}

/// What one input line became.
#[derive(Debug)]
pub struct LineOutcome {
    pub line: usize,
    pub result: Result<ExtractedArticle, LineError>,
}

/// An article extracted from a line, with what was wrong with it but did not
/// stop it (a metadata date that is not a date).
#[derive(Debug)]
pub struct ExtractedArticle {
    pub article: Article,
    pub warnings: Vec<String>,
}

/// Why a line gave no article, and the line's `id` when it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineError {
    pub id: Option<String>,
    pub message: String,
}

/// What a run of [`extract`] saw.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StreamReport {
    /// Non-blank lines read.
    pub lines: usize,
    pub articles: usize,
    /// Lines that gave an error line instead of an article.
    pub errors: usize,
    /// The first of those: its line number and message.
    pub first_error: Option<(usize, String)>,
}

/// Reads articles as JSON Lines from `input` and writes one line per non-blank
/// input line to `out`, in input order: what `render` makes of the article, or
/// of the reason the line is not one. Lines longer than `max_line` bytes are
/// errors. Extraction runs on the current rayon pool; `render` too, so that the
/// text is made on every core. Only reading and writing failures stop the run.
pub fn extract(
    input: impl BufRead,
    out: &mut impl Write,
    max_line: usize,
    render: impl Fn(LineOutcome) -> String + Sync,
) -> io::Result<StreamReport> {
    let mut report = StreamReport::default();
    let mut batches = LineBatches::new(input, max_line);
    while let Some(batch) = batches.next_batch()? {
        let rendered: Vec<(usize, Option<String>, String)> = batch
            .into_par_iter()
            .flat_map_iter(|line| {
                extract_input(line).into_iter().map(|outcome| {
                    let error = outcome.result.as_ref().err().map(|e| e.message.clone());
                    (outcome.line, error, render(outcome))
                })
            })
            .collect();
        for (line, error, text) in rendered {
            report.lines += 1;
            match error {
                Some(message) => {
                    report.errors += 1;
                    report.first_error.get_or_insert((line, message));
                }
                None => report.articles += 1,
            }
            out.write_all(text.as_bytes())?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
    }
    Ok(report)
}

/// The field of an input line that carries a whole file, base64-encoded,
/// instead of an article: `{"path": ..., "file_base64": ..., "id": ...}`.
pub const FILE_FIELD: &str = "file_base64";

/// Extracts one input line: an article line gives one outcome; a line that
/// carries a file ([`FILE_FIELD`]) gives one per article of the file, and one
/// per record of it that is not an article, all with the line's number.
pub fn extract_input(line: InputLine) -> Vec<LineOutcome> {
    // Only a line that names the field is parsed here; article lines are
    // parsed once, by `extract_line`.
    if let Ok(text) = &line.text
        && text.contains(FILE_FIELD)
        && let Ok(Value::Object(object)) = serde_json::from_str::<Value>(text)
        && object.contains_key(FILE_FIELD)
    {
        return extract_file(&object, line.number)
            .into_iter()
            .map(|result| LineOutcome {
                line: line.number,
                result,
            })
            .collect();
    }
    vec![extract_line(line)]
}

/// A file sent whole: read with the readers `morgue index` uses for a file at
/// its `path` (the extension and content pick the format; the path's folders
/// may give the date), so that a cluster job extracts text, Markdown, HTML and
/// JSON files exactly as `morgue index` would. A file of one article takes the
/// line's id; the articles of a file of several (JSON arrays, JSON Lines) take
/// ids derived from it and their line or position.
fn extract_file(
    object: &Map<String, Value>,
    number: usize,
) -> Vec<Result<ExtractedArticle, LineError>> {
    let given_id = object_id(object).ok().flatten();
    let fail = |message: String| {
        vec![Err(LineError {
            id: given_id.clone(),
            message,
        })]
    };
    let path = match object.get("path") {
        Some(Value::String(path)) if !path.trim().is_empty() => path.trim().to_string(),
        _ => return fail("a line with `file_base64` needs `path`, the file's path".to_string()),
    };
    let bytes = match object.get(FILE_FIELD) {
        Some(Value::String(encoded)) => match BASE64.decode(encoded.as_bytes()) {
            Ok(bytes) => bytes,
            Err(err) => return fail(format!("`{FILE_FIELD}` is not base64: {err}")),
        },
        _ => return fail(format!("`{FILE_FIELD}` is not a string")),
    };
    let file_id = match object_id(object) {
        Ok(Some(id)) => id,
        Ok(None) => derived_id(&path, &number.to_string()),
        Err(message) => return fail(message),
    };
    let read = match super::read_articles(std::path::Path::new(&path), &path, &bytes) {
        Ok(read) => read,
        Err(err) => return fail(format!("{path}: {err}")),
    };
    let single = read.articles.len() == 1;
    let mut results: Vec<Result<ExtractedArticle, LineError>> = read
        .bad_records
        .iter()
        .map(|bad| {
            Err(LineError {
                id: Some(file_id.clone()),
                message: format!("{path}: record {} skipped: {}", bad.line, bad.reason),
            })
        })
        .collect();
    for (position, read_article) in read.articles.into_iter().enumerate() {
        let id = if single {
            file_id.clone()
        } else {
            let place = read_article.raw.line.unwrap_or(position + 1);
            derived_id(&file_id, &place.to_string())
        };
        let file = extracted_file(&id, &read_article.raw.title, &read_article.raw.body);
        let origin = Origin {
            id,
            file,
            path: path.clone(),
            format: read.format,
        };
        let (article, warnings) = extract_article(read_article, origin);
        results.push(Ok(ExtractedArticle { article, warnings }));
    }
    results
}

/// Extracts one line: the same reading and extraction as a line of a `.jsonl`
/// file in `morgue index`, with the id and path the line gives.
pub fn extract_line(line: InputLine) -> LineOutcome {
    let number = line.number;
    let result = line
        .text
        .map_err(|message| LineError { id: None, message })
        .and_then(|text| extract_text(&text, number));
    LineOutcome {
        line: number,
        result,
    }
}

fn extract_text(text: &str, number: usize) -> Result<ExtractedArticle, LineError> {
    let (mut raw, object) = formats::read_json_record(text).map_err(|message| LineError {
        id: record_id(text),
        message,
    })?;
    let fields = CallerFields::read(&object, text).map_err(|message| LineError {
        id: object_id(&object).ok().flatten(),
        message,
    })?;
    raw.line = Some(number);
    let read = ReadArticle::new(raw, &fields.path);
    let file = extracted_file(&fields.id, &read.raw.title, &read.raw.body);
    let origin = Origin {
        id: fields.id,
        file,
        path: fields.path,
        format: Format::JsonLines,
    };
    let (article, warnings) = extract_article(read, origin);
    Ok(ExtractedArticle { article, warnings })
}

/// What a line says that a `.jsonl` file's line does not: the article's id and
/// the path it is shown under.
struct CallerFields {
    id: String,
    path: String,
}

impl CallerFields {
    fn read(object: &Map<String, Value>, text: &str) -> Result<CallerFields, String> {
        let path = match object.get("path") {
            None | Some(Value::Null) => DEFAULT_PATH.to_string(),
            Some(Value::String(path)) if !path.trim().is_empty() => path.trim().to_string(),
            Some(_) => return Err("`path` is not a non-empty string".to_string()),
        };
        let id = match object_id(object)? {
            Some(id) => id,
            None => derived_id(&path, text),
        };
        Ok(CallerFields { id, path })
    }
}

/// The caller's `id`: a non-empty string or a number; `None` when there is none.
fn object_id(object: &Map<String, Value>) -> Result<Option<String>, String> {
    match object.get("id") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(id)) if !id.trim().is_empty() => Ok(Some(id.trim().to_string())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(_) => Err("`id` is not a non-empty string or a number".to_string()),
    }
}

/// The `id` of a line that is not an article, when it is an object with one.
fn record_id(text: &str) -> Option<String> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(object)) => object_id(&object).ok().flatten(),
        _ => None,
    }
}

/// An id for a line without one: 16 hex digits of the blake3 hash of its path
/// and its text. It depends on nothing but the line, so the same line gets the
/// same id in any run, any batch and any partition of a larger job.
pub fn derived_id(path: &str, text: &str) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(path.as_bytes());
    hasher.update(b"\n");
    hasher.update(text.trim().as_bytes());
    hasher.finalize().to_hex()[..16].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &str, max_line: usize) -> Vec<InputLine> {
        let mut batches = LineBatches::new(input.as_bytes(), max_line);
        let mut all = Vec::new();
        while let Some(batch) = batches.next_batch().expect("reading memory") {
            all.extend(batch);
        }
        all
    }

    fn ok(number: usize, text: &str) -> InputLine {
        InputLine {
            number,
            text: Ok(text.to_string()),
        }
    }

    #[test]
    fn lines_keep_their_numbers_and_blank_ones_are_skipped() {
        let read = lines("\u{feff}{\"a\":1}\n\n  \r\n{\"b\":2}\r\n{\"c\":3}", 100);
        assert_eq!(
            read,
            vec![ok(1, "{\"a\":1}"), ok(4, "{\"b\":2}"), ok(5, "{\"c\":3}")]
        );
        assert!(lines("", 100).is_empty());
        assert!(lines("\n\n", 100).is_empty());
    }

    #[test]
    fn a_long_line_is_an_error_and_the_next_one_is_read() {
        let input = format!("{}\n{{\"b\":2}}\n", "x".repeat(50));
        let read = lines(&input, 10);
        assert_eq!(read.len(), 2);
        assert!(
            read[0]
                .text
                .as_ref()
                .is_err_and(|e| e.contains("over the limit"))
        );
        assert_eq!(read[1], ok(2, "{\"b\":2}"));
    }

    #[test]
    fn bytes_that_are_not_utf8_are_an_error_for_their_line_only() {
        let mut batches = LineBatches::new(&b"{\"a\":\"\xff\"}\n{\"b\":2}\n"[..], 100);
        let batch = batches.next_batch().expect("read").expect("a batch");
        assert!(
            batch[0]
                .text
                .as_ref()
                .is_err_and(|e| e.contains("not UTF-8"))
        );
        assert_eq!(batch[1], ok(2, "{\"b\":2}"));
    }

    #[test]
    fn batches_close_at_a_count_of_lines() {
        let input = "{\"title\":\"t\"}\n".repeat(BATCH_LINES + 5);
        let mut batches = LineBatches::new(input.as_bytes(), 100);
        let sizes: Vec<usize> = std::iter::from_fn(|| batches.next_batch().expect("read"))
            .map(|b| b.len())
            .collect();
        assert_eq!(sizes, vec![BATCH_LINES, 5]);
    }

    fn error(text: &str) -> Option<LineError> {
        extract_line(ok(3, text)).result.err()
    }

    #[test]
    fn lines_that_are_not_articles_say_why() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("{\"title\": \"x\"", "invalid JSON at column", None),
            ("[1, 2]", "not a JSON object", None),
            (
                "{\"id\": \"a7\", \"author\": \"X\"}",
                "not an article object",
                Some("a7"),
            ),
            (
                "{\"id\": 12, \"body\": \"  \"}",
                "not an article object",
                Some("12"),
            ),
            ("{\"id\": [1], \"body\": \"Text.\"}", "`id` is not", None),
            (
                "{\"id\": \"a\", \"path\": 3, \"body\": \"Text.\"}",
                "`path` is not",
                Some("a"),
            ),
        ];
        for (text, message, id) in cases {
            let err = error(text).unwrap_or_else(|| panic!("{text} is an error"));
            assert!(err.message.contains(message), "{text}: {}", err.message);
            assert_eq!(err.id.as_deref(), *id, "{text}");
        }
    }

    #[test]
    fn an_article_line_takes_its_id_and_path_and_the_path_dates_it() {
        let text = r#"{"id": "w-1", "path": "wires/2023/11/05/a.json", "headline": "Talks", "text": "Talks went on."}"#;
        let outcome = extract_line(ok(7, text));
        let article = outcome.result.expect("an article").article;
        assert_eq!(article.id, "w-1");
        assert_eq!(article.path, "wires/2023/11/05/a.json");
        assert_eq!(article.line, Some(7));
        assert_eq!(article.format, Format::JsonLines);
        assert_eq!(article.title, "Talks");
        assert_eq!(
            article.published.map(|d| d.to_string()).as_deref(),
            Some("2023-11-05")
        );
        assert_eq!(article.date_source, crate::ingest::DateSource::Path);
    }

    #[test]
    fn a_line_without_an_id_gets_one_from_its_path_and_text() {
        let text = r#"{"title": "T", "body": "B."}"#;
        let id = |line| {
            extract_line(ok(line, text))
                .result
                .expect("an article")
                .article
                .id
        };
        assert_eq!(id(1), id(9), "the line number does not change the id");
        assert_eq!(id(1), derived_id(DEFAULT_PATH, text));
        assert_ne!(derived_id("a", text), derived_id("b", text));
        assert_eq!(id(1).len(), 16);
    }
}
