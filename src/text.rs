//! Small pieces of text knowledge that several layers share: folding Latin
//! diacritics, title-casing words written in capitals, combining marks.
//!
//! Matching rules for names live with the extractors (`extract::people`,
//! `extract::orgs`); this module only has the character-level helpers they,
//! the index and the evaluation agree on.

/// Folds a lowercase letter with a diacritic to its base letter, for common Latin
/// letters (Western, Central European, Turkish, Vietnamese basics); any other
/// character is returned as is.
pub fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ĝ' | 'ġ' | 'ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' | 'į' => 'i',
        'ķ' => 'k',
        'ł' | 'ľ' | 'ĺ' | 'ļ' => 'l',
        'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' | 'ŕ' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    }
}

/// [`fold`] for a letter of either case, keeping its case: `Ş` → `S`, `ö` → `o`.
pub fn fold_keep_case(c: char) -> char {
    if c == 'İ' {
        return 'I';
    }
    if !c.is_uppercase() {
        return fold(c);
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if fold(l) != l => fold(l).to_ascii_uppercase(),
        _ => c,
    }
}

/// Combining marks (a decomposed `é` is `e` and U+0301): part of the word they
/// follow, dropped when folding.
pub fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// `text` lowercased with diacritics and combining marks folded away:
/// `Erdoğan` and `ERDOGAN` are both `erdogan`.
pub fn folded_lower(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_mark(c) {
            continue;
        }
        for l in c.to_lowercase() {
            out.push(fold(l));
        }
    }
    out
}

/// Title-cases a word written in capitals (`BLINKEN` -> `Blinken`,
/// `O'BRIEN` -> `O'Brien`, `AL-SUDANI` -> `Al-Sudani`).
pub fn titlecase(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut upper_next = true;
    for c in word.chars() {
        if upper_next {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        upper_next = !c.is_alphabetic();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_and_title_case() {
        let cases: &[(&str, &str, &str)] = &[
            ("Erdoğan", "erdogan", "Erdoğan"),
            ("ERDOGAN", "erdogan", "Erdogan"),
            ("O'BRIEN", "o'brien", "O'Brien"),
            ("AL-SUDANI", "al-sudani", "Al-Sudani"),
            ("Łódź", "lodz", "Łódź"),
            ("Cafe\u{301}", "cafe", "Cafe\u{301}"),
        ];
        for (input, folded, titled) in cases {
            assert_eq!(folded_lower(input), *folded, "{input}");
            assert_eq!(titlecase(input), *titled, "{input}");
        }
    }

    #[test]
    fn folding_keeps_case() {
        let folded: String = "Türkiye ŞANLIURFA Curaçao İzmir Ærø"
            .chars()
            .map(fold_keep_case)
            .collect();
        assert_eq!(folded, "Turkiye SANLIURFA Curacao Izmir Æro");
    }
}
