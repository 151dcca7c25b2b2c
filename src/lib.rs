//! morgue: a searchable local news archive.
//!
//! Data moves through the modules in order: [`ingest`] finds and reads article
//! files, [`extract`] finds the people, countries and dates they talk about,
//! [`index`] stores them in a tantivy index, [`search`] queries it, and [`cli`]
//! turns command lines into calls and results into output.

pub mod cli;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod search;
