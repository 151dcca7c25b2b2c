//! The stemmed fields' tokens: each word of a title or body as
//! [`schema::text_analyzer`] tokenises it, replaced by its stem in the
//! article's own language (`extract::stem`), except the words of the names the
//! article mentions. Names are never stemmed: `Jones` is not `Jone`, and
//! `Philippines` is a country, not a plural.

use rustc_hash::FxHashSet;
use tantivy::tokenizer::{PreTokenizedString, Token};

use super::schema;
use crate::extract::stem::stem;
use crate::extract::{Entities, Language, countries};

/// Index words of the people, organisations and countries of an article.
pub(crate) fn name_words(entities: &Entities) -> FxHashSet<String> {
    let mut words = FxHashSet::default();
    let names = entities
        .people
        .iter()
        .flat_map(|p| std::iter::once(&p.name).chain(&p.forms))
        .chain(
            entities
                .orgs
                .iter()
                .flat_map(|o| std::iter::once(&o.name).chain(&o.forms)),
        );
    for name in names {
        words.extend(schema::tokens(name));
    }
    for country in entities
        .countries
        .iter()
        .filter_map(|c| countries::by_code(&c.code))
    {
        for name in std::iter::once(country.name)
            .chain(country.aliases.iter().copied())
            .chain(country.capitals.iter().copied())
        {
            words.extend(schema::tokens(name));
        }
    }
    words
}

/// `text` as stemmed tokens. The text itself is not kept: these fields are
/// indexed, never stored.
pub(crate) fn stemmed(
    text: &str,
    language: Language,
    names: &FxHashSet<String>,
) -> PreTokenizedString {
    let mut analyzer = schema::text_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut tokens = Vec::new();
    while let Some(token) = stream.next() {
        let text = if names.contains(&token.text) {
            token.text.clone()
        } else {
            stem(language, &token.text)
        };
        tokens.push(Token {
            text,
            ..token.clone()
        });
    }
    PreTokenizedString {
        text: String::new(),
        tokens,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    fn stems(text: &str, language: Language, names: &FxHashSet<String>) -> Vec<String> {
        stemmed(text, language, names)
            .tokens
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn words_are_stemmed_in_the_articles_language_and_names_are_not() {
        let title = "Sanctions on shipping";
        let body = "Ambassador Helen Jones said on Monday that the sanctions \
                    would hit shipping firms in the Philippines.";
        let entities = extract(title, body, None);
        let names = name_words(&entities);
        assert!(names.contains("jones"), "{names:?}");
        assert!(names.contains("philippines"), "{names:?}");
        let words = stems(body, Language::English, &names);
        for (word, expected) in [
            ("sanctions", "sanction"),
            ("shipping", "ship"),
            ("jones", "jones"),
            ("philippines", "philippines"),
        ] {
            assert!(
                words.iter().any(|w| w == expected),
                "{word} -> {expected} not in {words:?}"
            );
        }
        let none = FxHashSet::default();
        assert_eq!(
            stems("Häuser", Language::German, &none),
            stems("Haus", Language::German, &none)
        );
    }
}
