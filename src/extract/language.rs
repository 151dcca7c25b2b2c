//! Which language an article is written in: whether the English name
//! extractors apply, and which stemmer its words get in the index.
//!
//! The person tagger was trained on English news and the name rules read
//! English capitalisation: in German, where every noun is capitalised, they find
//! people like `Sieg den Weg` and organisations like `Jahre`. So an article that
//! is plainly in another language gets only the extraction that holds in any
//! Latin-script language (`extract::names`): a known given name and a
//! capitalised surname, organisations with a legal form, countries.
//!
//! "Plainly" is counted with function words, the commonest words of each
//! language (lists written from general knowledge of the languages, not taken
//! from a corpus): over the first [`SAMPLE_WORDS`] words, another language's
//! must number at least [`MIN_OTHER`] and twice the English ones. A results
//! table or a short text has few function words and stays English, as before.
//! whatlang (a trigram detector) was tried first: it ran at about 9 MB/s on
//! Reuters and took indexing-wide extraction from 11.8 to 3.1 MB/s per core;
//! this count costs nothing measurable.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// Words read from the start of the text (words over eight bytes are skipped
/// unread: no function word is that long).
const SAMPLE_WORDS: usize = 300;
/// English function words after which a text is English whatever follows (in
/// news, about the first sixty words).
const ENOUGH_ENGLISH: usize = 20;
/// Function words of one other language needed to call a text that language.
const MIN_OTHER: usize = 10;

/// Function words per language, lowercase. Words shared with English (`in`, `is`,
/// `a`, `die` aside) are left out of the others' lists, and words shared among
/// the others do no harm: only English against the best other language counts.
const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "that", "for", "on", "with", "was", "said", "by", "at", "from", "it",
    "he", "his", "are", "be", "has", "have", "this", "which", "will", "were", "an", "its", "their",
    "but", "not", "they",
];
const OTHERS: &[&[&str]] = &[
    // German
    &[
        "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "mit", "auf", "für", "den",
        "dem", "des", "sich", "von", "zu", "im", "auch", "es", "wird", "werden", "nach", "bei",
        "wie", "oder", "aus", "sie", "sind", "hat", "einen", "noch", "über",
    ],
    // French
    &[
        "le", "la", "les", "des", "et", "est", "une", "un", "du", "dans", "pour", "que", "qui",
        "sur", "au", "avec", "pas", "ce", "par", "sont", "il", "elle", "ont", "mais", "aux", "été",
    ],
    // Spanish
    &[
        "el", "la", "los", "las", "y", "es", "en", "un", "una", "del", "que", "por", "con", "para",
        "se", "no", "su", "al", "lo", "como", "más", "pero", "sus", "fue",
    ],
    // Italian
    &[
        "il", "la", "le", "di", "e", "che", "è", "un", "una", "del", "della", "per", "non", "con",
        "sono", "si", "da", "nel", "gli", "alla", "anche",
    ],
    // Dutch
    &[
        "de", "het", "een", "en", "van", "dat", "niet", "op", "met", "voor", "zijn", "te", "ook",
        "maar", "er", "aan", "wordt", "naar",
    ],
    // Portuguese
    &[
        "o", "os", "as", "de", "do", "da", "dos", "das", "e", "é", "um", "uma", "que", "não",
        "com", "para", "em", "no", "na", "por", "ao",
    ],
    // Polish
    &[
        "i", "w", "z", "na", "się", "nie", "do", "to", "że", "jest", "jak", "ale", "po", "od",
        "za", "przez", "oraz",
    ],
];

/// Function word -> bit set of its languages: bit 0 English, bit `1 + i` for
/// `OTHERS[i]`.
static LANGUAGES_OF: LazyLock<FxHashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static str, u8> = FxHashMap::default();
    for (bit, words) in std::iter::once(ENGLISH)
        .chain(OTHERS.iter().copied())
        .enumerate()
    {
        for w in words {
            *map.entry(w).or_default() |= 1 << bit;
        }
    }
    map
});

/// The languages told apart. Anything else (or too little text to tell) is
/// taken as English, the language the extractors were built for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    #[default]
    English,
    German,
    French,
    Spanish,
    Italian,
    Dutch,
    Portuguese,
    Polish,
}

impl Language {
    /// In the order of [`OTHERS`] after English.
    pub const ALL: [Language; 8] = [
        Language::English,
        Language::German,
        Language::French,
        Language::Spanish,
        Language::Italian,
        Language::Dutch,
        Language::Portuguese,
        Language::Polish,
    ];

    /// Position in [`Language::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// ISO 639-1 code, as stored in the index.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
            Language::French => "fr",
            Language::Spanish => "es",
            Language::Italian => "it",
            Language::Dutch => "nl",
            Language::Portuguese => "pt",
            Language::Polish => "pl",
        }
    }

    /// Whether `word` (lowercase) is one of the language's commonest
    /// function words (`the`, `of`; `der`, `und`...), as listed here.
    pub fn is_function_word(self, word: &str) -> bool {
        let bit = self.index();
        LANGUAGES_OF
            .get(word)
            .is_some_and(|bits| bits >> bit & 1 == 1)
    }

    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The Snowball stemmer for the language, where there is one.
    pub fn stemmer(self) -> Option<frostem::Algorithm> {
        use frostem::Algorithm as Snowball;
        match self {
            Language::English => Some(Snowball::English),
            Language::German => Some(Snowball::German),
            Language::French => Some(Snowball::French),
            Language::Spanish => Some(Snowball::Spanish),
            Language::Italian => Some(Snowball::Italian),
            Language::Dutch => Some(Snowball::Dutch),
            Language::Portuguese => Some(Snowball::Portuguese),
            Language::Polish => None,
        }
    }
}

/// The language of `text`: another language only when it is plain (see the
/// module docs), English otherwise.
pub fn detect(text: &str) -> Language {
    let mut counts = [0usize; 1 + OTHERS.len()];
    let mut lower = String::new();
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && w.len() <= 8)
        .take(SAMPLE_WORDS)
    {
        let mut ascii = [0u8; 8];
        let key = if word.is_ascii() {
            for (to, from) in ascii.iter_mut().zip(word.bytes()) {
                *to = from.to_ascii_lowercase();
            }
            std::str::from_utf8(&ascii[..word.len()]).unwrap_or_default()
        } else {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            lower.as_str()
        };
        if let Some(&bits) = LANGUAGES_OF.get(key) {
            for (i, count) in counts.iter_mut().enumerate() {
                *count += usize::from(bits >> i & 1);
            }
            // Plainly English already: no other language can catch up.
            if counts[0] >= ENOUGH_ENGLISH {
                return Language::English;
            }
        }
    }
    // The first of equally counted languages wins (`la` and `que` are French
    // and Spanish alike, but whole texts rarely tie).
    let (best, &count) = counts[1..]
        .iter()
        .enumerate()
        .rev()
        .max_by_key(|(_, count)| **count)
        .expect("other languages");
    if count >= MIN_OTHER && count >= 2 * counts[0] {
        Language::ALL[1 + best]
    } else {
        Language::English
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_other_languages() {
        let cases = [
            (
                "The council approved the new harbour budget on Monday after a long debate. \
                 Work will start in spring and take two years, the mayor's office said, and \
                 the ferry will run from the old pier until it is finished.",
                true,
            ),
            (
                "Der Stadtrat hat am Montag nach langer Debatte den neuen Hafenhaushalt \
                 beschlossen. Die Arbeiten beginnen im Frühjahr und dauern zwei Jahre, wie die \
                 Stadt mitteilte. Die Fähre fährt bis dahin vom alten Steg.",
                false,
            ),
            (
                "Le conseil municipal a approuvé lundi le nouveau budget du port après un long \
                 débat. Les travaux commenceront au printemps et dureront deux ans, selon la \
                 mairie, et le bac partira de la vieille jetée.",
                false,
            ),
            (
                "El concejo aprobó el lunes el nuevo presupuesto del puerto tras un largo \
                 debate. Las obras comenzarán en primavera y durarán dos años, según el \
                 ayuntamiento, y el transbordador saldrá del muelle viejo.",
                false,
            ),
            // A results table has no function words: English rules, as before.
            (
                "Bayern Munich 3 Hamburg 1\nWerder Bremen 2 Schalke 0\nDortmund 1 Cologne 1",
                true,
            ),
            // Too little to tell.
            ("Die Zeit", true),
            ("", true),
        ];
        for (text, english) in cases {
            assert_eq!(detect(text) == Language::English, english, "{text}");
        }
    }

    #[test]
    fn the_other_language_is_named() {
        let cases = [
            (
                "Der Stadtrat hat am Montag nach langer Debatte den neuen Hafenhaushalt \
                 beschlossen. Die Arbeiten beginnen im Frühjahr und dauern zwei Jahre, wie die \
                 Stadt mitteilte. Die Fähre fährt bis dahin vom alten Steg.",
                Language::German,
            ),
            (
                "Le conseil municipal a approuvé lundi le nouveau budget du port après un long \
                 débat. Les travaux commenceront au printemps et dureront deux ans, selon la \
                 mairie, et le bac partira de la vieille jetée.",
                Language::French,
            ),
            (
                "El concejo aprobó el lunes el nuevo presupuesto del puerto tras un largo \
                 debate. Las obras comenzarán en primavera y durarán dos años, según el \
                 ayuntamiento, y el transbordador saldrá del muelle viejo.",
                Language::Spanish,
            ),
            (
                "De gemeenteraad heeft maandag na een lang debat de nieuwe begroting voor de \
                 haven goedgekeurd. Het werk begint in het voorjaar en duurt twee jaar, maar \
                 de veerboot vaart er ook dan nog van de oude steiger naar de overkant.",
                Language::Dutch,
            ),
        ];
        for (text, language) in cases {
            assert_eq!(detect(text), language, "{text}");
            assert_eq!(Language::from_code(language.code()), Some(language));
        }
        for (i, language) in Language::ALL.into_iter().enumerate() {
            assert_eq!(language.index(), i);
        }
        assert!(Language::English.is_function_word("the"));
        assert!(!Language::English.is_function_word("der"));
        assert!(Language::German.is_function_word("der"));
        assert!(!Language::German.is_function_word("harbour"));
    }
}
