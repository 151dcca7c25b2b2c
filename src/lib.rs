//! morgue: a searchable local news archive.
//!
//! Data moves through the modules in order: [`ingest`] finds and reads article
//! files, [`extract`] finds the people, countries and dates they talk about,
//! [`index`] stores them in a tantivy index, [`search`] queries it, [`output`]
//! gives the results their JSON shapes, [`cli`] turns command lines into
//! calls and results into output, and [`serve`] answers the same requests over
//! HTTP. [`params`] parses what users type for filters and dates, once for
//! both front ends. [`eval`] measures the whole of it on
//! gold-annotated news.
//!
//! Below all of them: [`entity`], the table of entity kinds (people,
//! organisations, countries) every layer reads, and [`text`], character-level
//! helpers (accent folding, title case) the extractors and the index share.

pub mod cli;
pub mod entity;
pub mod eval;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod output;
pub mod params;
pub mod search;
pub mod serve;
pub mod text;
