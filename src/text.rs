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

/// Abbreviations that keep their period and so do not end a sentence, lowercase and
/// without the period: titles, company forms, months, `vs`, `etc`. The people rules
/// and the tagger's tokenizer both split on this list.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "adm",
    "sgt", "cpl", "brig", "rev", "msgr", "fr", "hon", "pres", "supt", "insp", "st", "jr", "sr",
    "sra", "mme", "inc", "corp", "ltd", "co", "cos", "bros", "no", "mt", "ft", "dept", "univ",
    "ave", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "vs", "etc", "messrs", "gens", "sens", "reps",
];

/// Whether `word`, written before a period, is a known abbreviation in any case
/// (`Mr`, `MR`, `etc`): the period belongs to it.
pub fn is_abbreviation(word: &str) -> bool {
    let mut lower = [0u8; 6];
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > lower.len() || !bytes.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    for (to, from) in lower.iter_mut().zip(bytes) {
        *to = from.to_ascii_lowercase();
    }
    let lower = &lower[..bytes.len()];
    ABBREVIATIONS.iter().any(|a| a.as_bytes() == lower)
}

/// Decodes HTML and SGML character references, named (all of HTML5's, through the
/// `html-escape` crate) and numeric; anything that is not a reference, such as the
/// `&` of `AT&T`, stays as written.
pub fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    html_escape::decode_html_entities(s)
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

/// Removes everything from article text that could act on a terminal or
/// disguise text on a web page: control characters (escape sequences start
/// with one), and the invisible Unicode controls that reorder or hide text
/// (bidi overrides and isolates, zero-width marks). Line breaks and tabs
/// become spaces.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\t' | '\r' => Some(' '),
            c if c.is_control() => None,
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => None,
            c => Some(c),
        })
        .collect()
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
    fn abbreviations_in_any_case() {
        for yes in ["Mr", "MR", "mr", "Messrs", "Sept", "etc", "Co"] {
            assert!(is_abbreviation(yes), "{yes}");
        }
        for no in ["", "Mister", "Smith", "M", "Mr.", "Mré", "Messrsx"] {
            assert!(!is_abbreviation(no), "{no}");
        }
    }

    #[test]
    fn entities() {
        let cases = [
            ("a &lt;b&gt; &amp; c", "a <b> & c"),
            // Control characters are not decoded (HTML5 leaves them as written).
            ("&#3;end&#x41;", "&#3;endA"),
            (
                "&quot;q&quot; &apos; &nbsp;&mdash;&eacute;",
                "\"q\" ' \u{a0}—é",
            ),
            ("AT&T &#xZZ; & x", "AT&T &#xZZ; & x"),
            ("&#99999999;", "&#99999999;"),
            ("é&amp;é &amp", "é&é &amp"),
        ];
        for (input, want) in cases {
            assert_eq!(decode_entities(input), want, "{input}");
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
