//! Extraction: the people, countries and dates an article talks about.

pub mod countries;
pub mod dates;
pub mod people;
