//! People: full names of the people an article mentions.
//!
//! CONTRACT (to be implemented).

/// One person in one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// Canonical full name, as first written in full: "Mohammed Shia al-Sudani".
    pub name: String,
    /// Byte spans of every mention (full or partial) in the text.
    pub mentions: Vec<(usize, usize)>,
}

/// People in `text` (title, blank line, body), in order of first mention.
pub fn find_people(text: &str) -> Vec<Person> {
    todo!("{text}")
}
