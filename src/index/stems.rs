//! The stemmed fields' tokenizer: each word of a title or body as
//! [`schema::text_analyzer`] tokenises it, replaced by its stem in the
//! article's own language (`extract::stem`), where the stem differs from the
//! word (`sanctions` -> `sanction`; `sanction` itself is found in the
//! written-form field under the same term, so a search for any form looks up
//! the stem in both). The words of the names the article mentions are never
//! stemmed (`Jones` is not `Jone`, `Philippines` is a country, not a plural),
//! so they are found by their written form alone.
//!
//! A tokenizer only sees text, so the language and the name words travel in
//! front of it ([`stem_input`]): `\u{1}LANG\u{1}NAME WORDS\u{1}TEXT`. The
//! fields are indexed, never stored, so the header is seen by nothing else.
//! (tantivy's pre-tokenized strings would carry the same, but they are
//! serialised as JSON inside the document and parsed again by the writer,
//! which took indexing from 42 to 70 s of CPU on the 100k benchmark.)
//! Text without a header is English with no names. The language's function
//! words (`the`, `of`, `der`...) are left out too: they have no other forms
//! worth finding. What is left is about a third of the words of news.

use rustc_hash::{FxHashMap, FxHashSet};
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

use super::schema;
use crate::extract::stem::stem;
use crate::extract::{Entities, Language, countries};

/// Separates the header's parts and the text.
const MARK: char = '\u{1}';

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
    let mut analyzer = schema::text_analyzer();
    let mut add = |name: &str| {
        let mut stream = analyzer.token_stream(name);
        while let Some(token) = stream.next() {
            words.insert(token.text.clone());
        }
    };
    for name in names {
        add(name);
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
            add(name);
        }
    }
    words
}

/// The value given to a stemmed field: `text` behind a header naming its
/// language and the words not to stem.
pub(crate) fn stem_input(text: &str, language: Language, names: &FxHashSet<String>) -> String {
    let mut input = String::with_capacity(text.len() + 16 * names.len() + 8);
    input.push(MARK);
    input.push_str(language.code());
    input.push(MARK);
    for name in names {
        input.push_str(name);
        input.push(' ');
    }
    input.push(MARK);
    input.push_str(text);
    input
}

/// Splits a header off: (language, name words, text).
fn read_header(input: &str) -> (Language, FxHashSet<&str>, &str) {
    let parsed = input.strip_prefix(MARK).and_then(|rest| {
        let (code, rest) = rest.split_once(MARK)?;
        let (names, text) = rest.split_once(MARK)?;
        Some((
            Language::from_code(code).unwrap_or_default(),
            names.split_whitespace().collect(),
            text,
        ))
    });
    parsed.unwrap_or((Language::English, FxHashSet::default(), input))
}

/// What the stemmed field keeps of a word: its stem, or nothing.
type Kept = Option<Box<str>>;

/// Words remembered per language by each tokenizer before it starts afresh.
const REMEMBERED_WORDS: usize = 200_000;

/// Registered under `schema::STEM_TOKENIZER`. Each copy (tantivy takes one
/// per segment it writes) remembers what it kept of each word it has seen:
/// news repeats its vocabulary, and a lookup costs less than a stemmer.
#[derive(Clone)]
pub struct StemTokenizer {
    analyzer: TextAnalyzer,
    /// Per language, by [`Language::index`]: word -> what is kept of it.
    kept: Vec<FxHashMap<String, Kept>>,
}

impl Default for StemTokenizer {
    fn default() -> Self {
        StemTokenizer {
            analyzer: schema::text_analyzer(),
            kept: vec![FxHashMap::default(); Language::ALL.len()],
        }
    }
}

impl Tokenizer for StemTokenizer {
    type TokenStream<'a> = StemTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, input: &'a str) -> StemTokenStream<'a> {
        let (language, names, text) = read_header(input);
        let StemTokenizer { analyzer, kept } = self;
        StemTokenStream {
            words: Words {
                text,
                at: 0,
                analyzer,
                word: String::new(),
            },
            language,
            kept: &mut kept[language.index()],
            names,
            token: Token::default(),
        }
    }
}

/// The words of a text exactly as [`schema::text_analyzer`] gives them (runs of
/// letters and digits under 64 bytes, lower-cased, folded to ASCII), without
/// its chain of boxed filters for the ASCII words that make up most of it:
/// the analyzer only sees the others.
struct Words<'a> {
    text: &'a str,
    at: usize,
    analyzer: &'a mut TextAnalyzer,
    /// The current word.
    word: String,
}

impl Words<'_> {
    /// Moves to the next word; its byte range in the text.
    fn advance(&mut self) -> Option<(usize, usize)> {
        loop {
            let start = self.at + self.text[self.at..].find(char::is_alphanumeric)?;
            let end = self.text[start..]
                .find(|c: char| !c.is_alphanumeric())
                .map_or(self.text.len(), |n| start + n);
            self.at = end;
            let run = &self.text[start..end];
            if run.len() >= 64 {
                continue;
            }
            self.word.clear();
            if run.is_ascii() {
                self.word
                    .extend(run.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                let mut stream = self.analyzer.token_stream(run);
                match stream.next() {
                    Some(token) => self.word.push_str(&token.text),
                    None => continue,
                }
            }
            return Some((start, end));
        }
    }
}

pub struct StemTokenStream<'a> {
    words: Words<'a>,
    language: Language,
    kept: &'a mut FxHashMap<String, Kept>,
    names: FxHashSet<&'a str>,
    token: Token,
}

/// What is kept of `word`: nothing for a function word or a word that is its
/// own stem (found in the written-form field under the same term), else the
/// stem.
fn kept(language: Language, word: &str) -> Kept {
    if language.is_function_word(word) {
        return None;
    }
    let stem = stem(language, word);
    (stem != word).then(|| stem.into_boxed_str())
}

impl TokenStream for StemTokenStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            let Some((from, to)) = self.words.advance() else {
                return false;
            };
            let word = self.words.word.as_str();
            // Numbers and words of one or two letters have no other forms.
            if word.len() < 3 || word.as_bytes()[0].is_ascii_digit() {
                continue;
            }
            let stem = match self.kept.get(word) {
                Some(stem) => stem,
                None => {
                    if self.kept.len() >= REMEMBERED_WORDS {
                        self.kept.clear();
                    }
                    self.kept
                        .entry(word.to_string())
                        .or_insert_with(|| kept(self.language, word))
                }
            };
            let Some(stem) = stem else { continue };
            if self.names.contains(word) {
                continue;
            }
            self.token.text.clear();
            self.token.text.push_str(stem);
            self.token.offset_from = from;
            self.token.offset_to = to;
            self.token.position = self.token.position.wrapping_add(1);
            self.token.position_length = 1;
            return true;
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    fn stems(text: &str, language: Language, names: &FxHashSet<String>) -> Vec<String> {
        let input = stem_input(text, language, names);
        let mut tokenizer = StemTokenizer::default();
        let mut stream = tokenizer.token_stream(&input);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.text.clone());
        }
        out
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
        for (word, expected) in [("sanctions", "sanction"), ("shipping", "ship")] {
            assert!(
                words.iter().any(|w| w == expected),
                "{word} -> {expected} not in {words:?}"
            );
        }
        // Names, words that are their own stem and function words are left to
        // the written-form field.
        for absent in [
            "jones",
            "jone",
            "philippines",
            "philippin",
            "hit",
            "the",
            "on",
        ] {
            assert!(!words.iter().any(|w| w == absent), "{absent} in {words:?}");
        }
        // German words get the German stemmer.
        let none = FxHashSet::default();
        assert_eq!(stems("Häuser", Language::German, &none), ["haus"]);
        assert!(stems("Haus", Language::German, &none).is_empty());
    }

    #[test]
    fn words_are_the_analyzers_tokens() {
        let text = "Erdoğan's AK-Party won 52.3% in İstanbul, São Paulo & Łódź; \
                    naïve coöperation 2023-11-05 x\u{301}y ";
        let long = "a".repeat(70);
        for text in [text, long.as_str(), "", "  ,,", "ÆØÅ æøå ß"] {
            let mut analyzer = schema::text_analyzer();
            let mut words = Words {
                text,
                at: 0,
                analyzer: &mut analyzer,
                word: String::new(),
            };
            let mut ours = Vec::new();
            while words.advance().is_some() {
                ours.push(words.word.clone());
            }
            assert_eq!(ours, schema::tokens(text), "{text:?}");
        }
    }

    #[test]
    fn text_without_a_header_is_english_and_only_other_forms_are_kept() {
        let tokens = |text: &str| {
            let mut tokenizer = StemTokenizer::default();
            let mut stream = tokenizer.token_stream(text);
            let mut out = Vec::new();
            while let Some(token) = stream.next() {
                out.push(token.text.clone());
            }
            out
        };
        assert_eq!(tokens("Sanctions hit councils"), ["sanction", "council"]);
        assert_eq!(tokens("the sanctions of the council"), ["sanction"]);
    }
}
