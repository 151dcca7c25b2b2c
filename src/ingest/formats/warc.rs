//! WARC files (`.warc`, `.warc.gz`): web crawls, CC-NEWS among them.
//!
//! This module owns the container: telling a WARC file from anything else,
//! gzip members (read one at a time, so that a corrupt or truncated member
//! costs only its own records), the framing of records (a header block, a body
//! of `Content-Length` bytes, a blank line), and finding the next record after a
//! malformed one. A `response` record holding an HTML page with HTTP status 200
//! becomes a [`Page`]; every other record is counted by kind and passed over.
//! The HTTP response inside a record is read by [`http`], the page itself by the
//! HTML reader, as a saved page is.
//!
//! Records are read one at a time from a [`BufRead`] that can [`Seek`] (a
//! buffered file, or bytes in memory), so memory holds one record, never the
//! file: a CC-NEWS file is about a gigabyte. A page's payload over the size
//! limit is skipped, not read.
//!
//! The header grammar is HTTP's (WARC 1.1 section 4 borrows it), parsed by
//! `httparse`, which also reads the HTTP response heads; gzip is `flate2`'s.
//! The `warc` crate was weighed and not used: its reader cannot go on after a
//! bad record, its gzip reader stops at the first corrupt member, and it reads a
//! header block or body of any length into memory.

pub(crate) mod http;

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};

use chrono::NaiveDate;
use flate2::bufread::GzDecoder;

use super::{BadRecord, ParsedFile, RawArticle, ReadError};
use http::HttpHead;

/// The most a WARC or HTTP header block may take. Real ones are under 4 KB;
/// the bound keeps a corrupt file from being read into memory in search of a
/// blank line.
const MAX_HEAD: u64 = 64 * 1024;

/// Header fields one block may have (a few cookies too many for 64 would make
/// a real response unreadable).
const MAX_FIELDS: usize = 256;

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// How records are numbered, and where their bytes start, for the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Place {
    /// 1-based position among the file's records (every kind counts).
    number: usize,
    /// Byte offset in the file: of the record, or of the gzip member holding it
    /// (the offset WARC indexes such as CDX files give).
    offset: u64,
}

/// One record of a WARC file, as far as the container reader takes it.
#[derive(Debug)]
pub enum Item {
    /// An HTML page fetched with HTTP status 200: an article, once read.
    Page(Page),
    /// A record that is not an article, by kind (`request`, `not HTML`...).
    Other(&'static str),
    /// A record that could not be read; the records after it still are.
    Bad(BadRecord),
}

/// An HTML response record, read but not yet parsed: parsing is the slow part,
/// done where it can run in parallel ([`Page::read`]).
#[derive(Debug)]
pub struct Page {
    pub number: usize,
    pub offset: u64,
    /// `WARC-Target-URI`: the address the page was fetched from.
    pub target_uri: Option<String>,
    /// The day of `WARC-Date`, when the crawler fetched the page.
    pub crawled: Option<NaiveDate>,
    http: HttpHead,
    payload: Vec<u8>,
}

/// Why a page gave no article.
#[derive(Debug, PartialEq, Eq)]
pub enum PageError {
    /// The page has no article text (an index page, a video page): counted,
    /// not reported one by one.
    NoText,
    /// The page could not be read.
    Bad(BadRecord),
}

/// The kind a page without article text is counted under.
pub const NO_TEXT: &str = "no article text";

impl Page {
    /// The size of the page as stored, before any decoding.
    pub fn payload_len(&self) -> usize {
        self.payload.len()
    }

    /// Decodes and reads the page as a saved page: title, main text, date (the
    /// address it was fetched from counting as its own address), with the
    /// target URI as its `url` and the crawl day kept as the last resort for the
    /// date.
    pub fn read(self) -> Result<RawArticle, PageError> {
        let place = Place {
            number: self.number,
            offset: self.offset,
        };
        let bytes = http::decode_body(self.payload, &self.http)
            .map_err(|reason| PageError::Bad(place.bad(reason)))?;
        let text = match super::decode::decode_labelled(&bytes, self.http.charset()) {
            Ok(text) => text,
            Err(ReadError::Empty) => return Err(PageError::NoText),
            Err(err) => return Err(PageError::Bad(place.bad(err.to_string()))),
        };
        let mut article = match super::html::read_at(&text, self.target_uri.as_deref()) {
            Ok(article) => article,
            Err(ReadError::HtmlNoText) => return Err(PageError::NoText),
            Err(err) => return Err(PageError::Bad(place.bad(err.to_string()))),
        };
        if self.target_uri.is_some() {
            article.url = self.target_uri;
        }
        article.crawled = self.crawled;
        article.line = Some(self.number);
        Ok(article)
    }
}

impl Place {
    fn bad(self, reason: impl Into<String>) -> BadRecord {
        BadRecord {
            line: self.number,
            offset: Some(self.offset),
            reason: reason.into(),
        }
    }
}

/// Why one record could not be read.
#[derive(Debug)]
enum RecordError {
    Io(io::Error),
    Malformed(String),
}

impl From<io::Error> for RecordError {
    fn from(err: io::Error) -> RecordError {
        RecordError::Io(err)
    }
}

impl RecordError {
    fn reason(&self, gzip: bool) -> String {
        match self {
            RecordError::Malformed(reason) => reason.clone(),
            RecordError::Io(err) if gzip => match err.kind() {
                io::ErrorKind::UnexpectedEof => "gzip member is truncated".to_string(),
                _ => format!("gzip member is corrupt ({err})"),
            },
            RecordError::Io(err) => format!("cannot read: {err}"),
        }
    }
}

fn malformed(reason: impl Into<String>) -> RecordError {
    RecordError::Malformed(reason.into())
}

/// Where the reader stands in the file.
enum Input<R> {
    Plain(R),
    /// A gzip file, between two members.
    Gzip(R),
    /// Inside the gzip member that starts at the offset.
    Member(Box<BufReader<GzDecoder<R>>>, u64),
    Done,
}

/// The records of one WARC file, read one at a time.
pub struct Records<R> {
    input: Input<R>,
    /// A page whose payload is larger is skipped with a warning.
    max_payload: u64,
    numbered: usize,
}

impl<R: BufRead + Seek> Records<R> {
    /// Checks that the input is a WARC file, plain or gzip-compressed (the
    /// content decides, not the name), and positions it at its first record.
    pub fn open(mut input: R, max_payload: u64) -> Result<Records<R>, ReadError> {
        let start = first_bytes(&mut input, 16)?;
        if start.iter().all(u8::is_ascii_whitespace) {
            return Err(ReadError::Empty);
        }
        let gzip = start.starts_with(&GZIP_MAGIC);
        let inner = if gzip {
            // Only a member that decodes to something else rejects the file: a
            // corrupt first member is a bad record, and the rest is read.
            let mut head = Vec::new();
            let decoded = GzDecoder::new(&mut input).take(16).read_to_end(&mut head);
            input
                .seek(SeekFrom::Start(0))
                .map_err(|_| ReadError::NotWarc)?;
            match decoded {
                Ok(_) => head,
                Err(_) => b"WARC/".to_vec(),
            }
        } else {
            start
        };
        let trimmed: Vec<u8> = inner
            .iter()
            .copied()
            .skip_while(|b| matches!(b, b'\r' | b'\n'))
            .collect();
        if !trimmed.starts_with(b"WARC/") {
            return Err(ReadError::NotWarc);
        }
        Ok(Records {
            input: if gzip {
                Input::Gzip(input)
            } else {
                Input::Plain(input)
            },
            max_payload,
            numbered: 0,
        })
    }

    /// The next record, or `None` at the end of the file.
    pub fn next_item(&mut self) -> Option<Item> {
        loop {
            match std::mem::replace(&mut self.input, Input::Done) {
                Input::Done => return None,
                Input::Plain(mut input) => {
                    let offset = match input.stream_position() {
                        Ok(offset) => offset,
                        Err(err) => return Some(self.stop(0, RecordError::Io(err), false)),
                    };
                    return match read_record(&mut input, self.max_payload) {
                        Ok(None) => None,
                        Ok(Some(item)) => {
                            self.input = Input::Plain(input);
                            Some(self.numbered(item, offset))
                        }
                        Err(err) => {
                            let bad = self.stop(offset, err, false);
                            if let Ok(Some(_)) =
                                find(&mut input, offset + 1, b"\nWARC/1.", 1, |_, _| Ok(true))
                            {
                                self.input = Input::Plain(input);
                            }
                            Some(bad)
                        }
                    };
                }
                Input::Gzip(mut input) => {
                    let offset = match input.stream_position() {
                        Ok(offset) => offset,
                        Err(err) => return Some(self.stop(0, RecordError::Io(err), true)),
                    };
                    match input.fill_buf() {
                        Ok([]) => return None,
                        Ok(bytes) if bytes.starts_with(&GZIP_MAGIC) => {}
                        // Bytes between members that are not one: padding or
                        // garbage; the next member is looked for after them.
                        Ok(_) => {
                            return Some(self.member_failed(
                                input,
                                offset,
                                malformed("not a gzip member"),
                            ));
                        }
                        Err(err) => return Some(self.stop(offset, RecordError::Io(err), true)),
                    }
                    let decoder =
                        Box::new(BufReader::with_capacity(64 * 1024, GzDecoder::new(input)));
                    self.input = Input::Member(decoder, offset);
                }
                Input::Member(mut member, offset) => {
                    match read_record(&mut member, self.max_payload) {
                        Ok(None) => self.input = Input::Gzip((*member).into_inner().into_inner()),
                        Ok(Some(item)) => {
                            // A member's checksum is checked at its end, so a
                            // record is given out once its member has passed, when
                            // it is the member's last (as it is in WARC files
                            // written one record to a member).
                            match member.fill_buf() {
                                Ok([]) => {
                                    self.input = Input::Gzip((*member).into_inner().into_inner());
                                }
                                Ok(_) => self.input = Input::Member(member, offset),
                                Err(err) => {
                                    let input = (*member).into_inner().into_inner();
                                    return Some(self.member_failed(input, offset, err.into()));
                                }
                            }
                            return Some(self.numbered(item, offset));
                        }
                        Err(err) => {
                            let input = (*member).into_inner().into_inner();
                            return Some(self.member_failed(input, offset, err));
                        }
                    }
                }
            }
        }
    }

    /// Gives the record its number and place.
    fn numbered(&mut self, item: RecordItem, offset: u64) -> Item {
        self.numbered += 1;
        let place = Place {
            number: self.numbered,
            offset,
        };
        match item {
            RecordItem::Page(page) => Item::Page(Page {
                number: place.number,
                offset,
                target_uri: page.target_uri,
                crawled: page.crawled,
                http: page.http,
                payload: page.payload,
            }),
            RecordItem::Other(kind) => Item::Other(kind),
            RecordItem::TooLarge(reason) => Item::Bad(place.bad(reason)),
        }
    }

    /// The record at `offset` could not be read: it is numbered and reported.
    fn stop(&mut self, offset: u64, err: RecordError, gzip: bool) -> Item {
        self.numbered += 1;
        Item::Bad(
            Place {
                number: self.numbered,
                offset,
            }
            .bad(err.reason(gzip)),
        )
    }

    /// The gzip member at `offset` could not be read: it is reported, and the
    /// reader moves on to the next member.
    fn member_failed(&mut self, mut input: R, offset: u64, err: RecordError) -> Item {
        // A member cut short runs into the next one, which the decoder then
        // reads as if it were the rest: the next member starting before where
        // the decoder stopped tells truncation from corruption.
        let reached = input.stream_position().ok();
        let next = self.resync_gzip(input, offset);
        let reason = match (reached, next) {
            (Some(reached), Some(next)) if next < reached => {
                "gzip member is truncated (the next member starts inside it)".to_string()
            }
            _ => err.reason(true),
        };
        self.numbered += 1;
        Item::Bad(
            Place {
                number: self.numbered,
                offset,
            }
            .bad(reason),
        )
    }

    /// Moves to the first gzip member after the one at `offset` that decodes to
    /// a WARC record, and gives its offset; the reader stays done when there is
    /// none.
    fn resync_gzip(&mut self, mut input: R, offset: u64) -> Option<u64> {
        let decodes_to_warc = |input: &mut R, at: u64| -> io::Result<bool> {
            input.seek(SeekFrom::Start(at))?;
            let mut head = Vec::new();
            let ok = GzDecoder::new(&mut *input)
                .take(5)
                .read_to_end(&mut head)
                .is_ok();
            Ok(ok && head == b"WARC/")
        };
        // A gzip header: the magic and the deflate method.
        let next = find(
            &mut input,
            offset + 1,
            &[0x1f, 0x8b, 0x08],
            0,
            decodes_to_warc,
        );
        let next = next.ok().flatten()?;
        self.input = Input::Gzip(input);
        Some(next)
    }
}

/// Reads every record of a WARC file held in memory; the pipeline streams
/// files instead (see `ingest::parts`), this serves tests and callers that
/// already have the bytes.
pub(crate) fn read_all(bytes: &[u8]) -> Result<ParsedFile, ReadError> {
    let mut records = Records::open(io::Cursor::new(bytes), bytes.len() as u64)?;
    let mut parsed = ParsedFile {
        format: super::Format::Warc,
        articles: Vec::new(),
        bad_records: Vec::new(),
        other_records: BTreeMap::new(),
    };
    while let Some(item) = records.next_item() {
        match item {
            Item::Page(page) => match page.read() {
                Ok(article) => parsed.articles.push(article),
                Err(PageError::NoText) => *parsed.other_records.entry(NO_TEXT).or_default() += 1,
                Err(PageError::Bad(record)) => parsed.bad_records.push(record),
            },
            Item::Other(kind) => *parsed.other_records.entry(kind).or_default() += 1,
            Item::Bad(record) => parsed.bad_records.push(record),
        }
    }
    Ok(parsed)
}

/// The first `n` bytes of the input (fewer if it is shorter), which stays
/// where it was.
fn first_bytes<R: BufRead + Seek>(input: &mut R, n: u64) -> Result<Vec<u8>, ReadError> {
    let mut start = Vec::new();
    let read = input.by_ref().take(n).read_to_end(&mut start);
    let rewound = input.seek(SeekFrom::Start(0));
    match (read, rewound) {
        (Ok(_), Ok(_)) => Ok(start),
        _ => Err(ReadError::NotWarc),
    }
}

/// The first place at or after `from` where `needle` occurs and `accept`
/// agrees, plus `skip` (the needle may start with context that is not part of
/// what is found); the input is left there. Used only after a bad record, so
/// plain reads and seeks are fast enough.
fn find<R: Read + Seek>(
    input: &mut R,
    mut from: u64,
    needle: &[u8],
    skip: u64,
    mut accept: impl FnMut(&mut R, u64) -> io::Result<bool>,
) -> io::Result<Option<u64>> {
    let mut window = vec![0u8; 64 * 1024];
    loop {
        input.seek(SeekFrom::Start(from))?;
        let mut filled = 0;
        while filled < window.len() {
            match input.read(&mut window[filled..])? {
                0 => break,
                n => filled += n,
            }
        }
        let seen = &window[..filled];
        for (i, _) in seen
            .windows(needle.len())
            .enumerate()
            .filter(|(_, w)| *w == needle)
        {
            let at = from + i as u64 + skip;
            if accept(input, at)? {
                input.seek(SeekFrom::Start(at))?;
                return Ok(Some(at));
            }
        }
        if filled < window.len() {
            return Ok(None);
        }
        // The next window overlaps this one by the needle's length less one, so
        // a needle across the boundary is still found.
        from += (filled + 1 - needle.len()) as u64;
    }
}

/// A record as read from the stream, before it is numbered.
enum RecordItem {
    Page(PageRecord),
    Other(&'static str),
    /// An HTML page over the size limit, skipped unread.
    TooLarge(String),
}

struct PageRecord {
    target_uri: Option<String>,
    crawled: Option<NaiveDate>,
    http: HttpHead,
    payload: Vec<u8>,
}

/// The fields of a WARC record header that morgue uses.
#[derive(Debug, Default, PartialEq, Eq)]
struct WarcHead {
    /// `WARC-Type`, lowercased.
    kind: String,
    target_uri: Option<String>,
    date: Option<String>,
    content_type: Option<String>,
    /// `WARC-Identified-Payload-Type`: what the crawler found the payload to be.
    identified_type: Option<String>,
    content_length: u64,
}

/// Reads one record: `Ok(None)` at a clean end of the input.
fn read_record(
    input: &mut impl BufRead,
    max_payload: u64,
) -> Result<Option<RecordItem>, RecordError> {
    let Some(block) = read_head(input, true)? else {
        return Ok(None);
    };
    let head = parse_warc_head(&block)?;
    let mut body = input.by_ref().take(head.content_length);
    let item = record_item(&mut body, &head, max_payload)?;
    // What the record did not use of its body is passed over.
    let left = body.limit();
    skip(&mut body, left)?;
    if body.limit() > 0 {
        return Err(malformed(format!(
            "record is truncated ({} of its {} bytes)",
            head.content_length - body.limit(),
            head.content_length
        )));
    }
    end_of_record(input)?;
    Ok(Some(item))
}

/// What a record is, reading as much of its body as that takes.
fn record_item(
    body: &mut io::Take<impl BufRead>,
    head: &WarcHead,
    max_payload: u64,
) -> Result<RecordItem, RecordError> {
    if head.kind != "response" {
        return Ok(RecordItem::Other(record_kind(&head.kind)));
    }
    let is_http = head
        .content_type
        .as_deref()
        .is_none_or(|t| t.to_ascii_lowercase().contains("application/http"));
    if !is_http {
        return Ok(RecordItem::Other("not an HTTP response"));
    }
    let Some(block) = read_head(body, false)? else {
        return Ok(RecordItem::Other("not an HTTP response"));
    };
    let http = http::parse_head(&block).map_err(malformed)?;
    if http.status != 200 {
        return Ok(RecordItem::Other("HTTP status other than 200"));
    }
    let html = match http.content_type() {
        Some(content_type) => http::is_html(content_type),
        None => head.identified_type.as_deref().is_some_and(http::is_html),
    };
    if !html {
        return Ok(RecordItem::Other("not HTML"));
    }
    let size = body.limit();
    if size > max_payload {
        return Ok(RecordItem::TooLarge(format!(
            "page is {}, over the --max-file-size limit of {}",
            crate::ingest::human_bytes(size),
            crate::ingest::human_bytes(max_payload)
        )));
    }
    let mut payload = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    body.read_to_end(&mut payload)?;
    Ok(RecordItem::Page(PageRecord {
        target_uri: head.target_uri.clone(),
        crawled: head.date.as_deref().and_then(warc_day),
        http,
        payload,
    }))
}

/// The kinds of record WARC 1.1 defines, as counted; others are counted
/// together, so that a file cannot fill the report with names of its own.
fn record_kind(kind: &str) -> &'static str {
    const KINDS: [&str; 7] = [
        "warcinfo",
        "request",
        "metadata",
        "resource",
        "revisit",
        "conversion",
        "continuation",
    ];
    KINDS
        .into_iter()
        .find(|k| *k == kind)
        .unwrap_or("other record types")
}

/// The day of a `WARC-Date` (`2024-01-01T00:15:01Z`, fractions allowed).
fn warc_day(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.trim().get(..10)?, "%Y-%m-%d").ok()
}

/// Reads a header block up to and including its blank line, at most
/// [`MAX_HEAD`] bytes. `between_records` skips the blank lines that may stand
/// before a record and makes a clean end of input `Ok(None)`.
fn read_head(
    input: &mut impl BufRead,
    between_records: bool,
) -> Result<Option<Vec<u8>>, RecordError> {
    if between_records {
        loop {
            let bytes = input.fill_buf()?;
            if bytes.is_empty() {
                return Ok(None);
            }
            let blank = bytes
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n' | b' ' | b'\t'))
                .count();
            let all = blank == bytes.len();
            input.consume(blank);
            if !all {
                break;
            }
        }
    }
    let mut block = Vec::new();
    loop {
        let line_start = block.len();
        let room = MAX_HEAD.saturating_sub(block.len() as u64);
        let read = input.by_ref().take(room).read_until(b'\n', &mut block)?;
        if read == 0 {
            if block.is_empty() {
                return Ok(None);
            }
            return Err(malformed("record is truncated in its header"));
        }
        if !block.ends_with(b"\n") {
            return Err(if room == read as u64 {
                malformed("header block is over 64 KB")
            } else {
                malformed("record is truncated in its header")
            });
        }
        if matches!(&block[line_start..], b"\r\n" | b"\n") {
            return Ok(Some(block));
        }
    }
}

fn parse_warc_head(block: &[u8]) -> Result<WarcHead, RecordError> {
    let version_end = block
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(block.len());
    let version = &block[..version_end];
    if !version.starts_with(b"WARC/") {
        let shown: String = String::from_utf8_lossy(version).chars().take(20).collect();
        return Err(malformed(format!(
            "not a WARC record header (it starts with {:?})",
            shown.trim_end()
        )));
    }
    let mut fields = [httparse::EMPTY_HEADER; MAX_FIELDS];
    let rest = block.get(version_end + 1..).unwrap_or_default();
    let fields = match httparse::parse_headers(rest, &mut fields) {
        Ok(httparse::Status::Complete((_, fields))) => fields,
        Ok(httparse::Status::Partial) => return Err(malformed("WARC header block is incomplete")),
        Err(err) => return Err(malformed(format!("bad WARC header: {err}"))),
    };
    let mut head = WarcHead::default();
    let mut length = None;
    for field in fields.iter() {
        let value = || String::from_utf8_lossy(field.value).trim().to_string();
        let name = field.name;
        if name.eq_ignore_ascii_case("WARC-Type") {
            head.kind = value().to_ascii_lowercase();
        } else if name.eq_ignore_ascii_case("WARC-Target-URI") {
            // WARC 1.0 wrote the address in angle brackets.
            let uri = value();
            let uri = uri.trim_start_matches('<').trim_end_matches('>');
            head.target_uri = Some(uri.to_string()).filter(|u| !u.is_empty());
        } else if name.eq_ignore_ascii_case("WARC-Date") {
            head.date = Some(value());
        } else if name.eq_ignore_ascii_case("Content-Type") {
            head.content_type = Some(value());
        } else if name.eq_ignore_ascii_case("WARC-Identified-Payload-Type") {
            head.identified_type = Some(value());
        } else if name.eq_ignore_ascii_case("Content-Length") {
            let raw = value();
            length = Some(raw.parse::<u64>().map_err(|_| {
                malformed(format!("Content-Length {raw:?} is not a number of bytes"))
            })?);
        }
    }
    head.content_length = length.ok_or_else(|| malformed("WARC header has no Content-Length"))?;
    Ok(head)
}

/// Reads and drops `n` bytes.
fn skip(input: &mut impl Read, n: u64) -> io::Result<u64> {
    io::copy(&mut input.take(n), &mut io::sink())
}

/// A record ends with a blank line (`\r\n\r\n`, or `\n\n` from lax writers)
/// after its body. Anything else there means the `Content-Length` was wrong,
/// and the body read was not the record's.
fn end_of_record(input: &mut impl BufRead) -> Result<(), RecordError> {
    let mut newlines = 0;
    while newlines < 2 {
        let bytes = input.fill_buf()?;
        match bytes.first() {
            // A file may stop right after the last body.
            None => return Ok(()),
            Some(b'\n') => newlines += 1,
            Some(b'\r') => {}
            Some(_) => {
                return Err(malformed(
                    "record does not end where its Content-Length says",
                ));
            }
        }
        input.consume(1);
    }
    Ok(())
}

#[cfg(test)]
mod tests;
