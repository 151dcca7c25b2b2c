//! morgue: a searchable local news archive.

pub mod extract;
