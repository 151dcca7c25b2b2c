//! CONTRACT placeholder, replaced by the formats module.
use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
    JsonLines,
}
impl Format {
    pub fn as_str(self) -> &'static str {
        todo!()
    }
}
pub fn format_for_path(path: &Path) -> Option<Format> {
    todo!("{path:?}")
}
#[derive(Clone, Debug, Default)]
pub struct RawArticle {
    pub title: String,
    pub body: String,
    pub published_raw: Option<String>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub tags: Vec<String>,
    pub line: Option<usize>,
}
pub struct BadRecord {
    pub line: usize,
    pub reason: String,
}
pub struct ParsedFile {
    pub format: Format,
    pub articles: Vec<RawArticle>,
    pub bad_records: Vec<BadRecord>,
}
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("x")]
    X,
}
pub fn parse_file(path: &Path, bytes: &[u8]) -> Result<ParsedFile, ReadError> {
    todo!("{path:?}{bytes:?}")
}
