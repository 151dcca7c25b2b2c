//! Word stems, so that a search for `sanction` finds `sanctions` and
//! `shipping` finds `ship`: the Snowball stemmer of the article's language
//! (see [`Language::stemmer`]) over words as the index tokenises them
//! (lower-cased, folded to ASCII).
//!
//! News repeats its vocabulary, so each thread keeps the stems it has computed:
//! a lookup costs a fraction of stemming again. The cache is emptied when it
//! grows past [`CACHE_WORDS`] words per language.

use std::cell::RefCell;

use frostem::Stemmer;
use rustc_hash::FxHashMap;

use super::language::Language;

/// Words remembered per language and thread before the cache starts afresh.
const CACHE_WORDS: usize = 200_000;

thread_local! {
    static STEMS: RefCell<Vec<FxHashMap<String, String>>> =
        RefCell::new(vec![FxHashMap::default(); Language::ALL.len()]);
}

/// The stem of one token in `language`; the token itself for a language
/// without a stemmer.
pub fn stem(language: Language, token: &str) -> String {
    let Some(algorithm) = language.stemmer() else {
        return token.to_string();
    };
    STEMS.with(|cell| {
        let mut caches = cell.borrow_mut();
        let cache = &mut caches[language.index()];
        if let Some(stem) = cache.get(token) {
            return stem.clone();
        }
        let stem = Stemmer::new(algorithm).stem(token).into_owned();
        if cache.len() >= CACHE_WORDS {
            cache.clear();
        }
        cache.insert(token.to_string(), stem.clone());
        stem
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_stem_in_their_language() {
        let same = |language, a: &str, b: &str| {
            assert_eq!(stem(language, a), stem(language, b), "{a} / {b}");
        };
        same(Language::English, "sanction", "sanctions");
        same(Language::English, "ship", "shipping");
        same(Language::English, "price", "prices");
        same(Language::English, "oilseed", "oilseeds");
        same(Language::German, "haus", "hauser");
        same(Language::French, "election", "elections");
        same(Language::Spanish, "elecciones", "eleccion");
        assert_ne!(
            stem(Language::English, "ship"),
            stem(Language::English, "shape")
        );
        // Polish has no stemmer here: words stay as they are.
        assert_eq!(stem(Language::Polish, "wyborach"), "wyborach");
    }
}
