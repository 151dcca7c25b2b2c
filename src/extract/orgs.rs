//! Organisations: the firms, ministries, parties, agencies and other bodies an
//! article names.
//!
//! The spans come from the statistical tagger (its ORG label, see
//! `people::tagger`) and from two rules ([`rule_spans`]): capitalised words that
//! end in a legal form (`Kidder Peabody and Co Inc`, `Smith Barney, Harris Upham
//! and Co`), and a company marked in angle brackets as wire copy does
//! (`<Samuel Montagu Ltd>`). This module turns them into organisations:
//!
//! 1. **Clean** each span: a leading `the` and a trailing possessive go; the news
//!    agency of a dateline (`BONN, March 3 (Reuters) -`) and an agency's sign-off
//!    at the end of the text (`Reuter`) are the article's source, not something
//!    it talks about, and are dropped.
//! 2. **Group** the mentions of one organisation: the same words whatever the case,
//!    accents or legal suffix (`Texaco Inc`, `TEXACO`, `Texaco`); a shorter form
//!    that opens a longer one (`Shearson` in an article about `Shearson Lehman
//!    Brothers`); an acronym defined in brackets (`General Agreement on Tariffs and
//!    Trade (GATT)`, then `GATT`).
//! 3. **Name** each group: an acronym the article defines, else its longest form
//!    without the legal suffix (`Shearson Lehman Brothers`), in mixed case when the
//!    article writes it so anywhere (a headline's `TEXACO` is `Texaco`).
//!
//! Names compare through [`org_key`]. Deciding that a firm named after people is
//! an organisation and not two people is shared with `people`, which drops person
//! candidates that the article also names as an organisation.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::{folded_lower, titlecase};

/// One organisation in one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Org {
    /// The organisation's name: `Shearson Lehman Brothers`, `GATT`.
    pub name: String,
    /// Byte spans of every mention in the text.
    pub mentions: Vec<(usize, usize)>,
    /// The distinct ways the article writes it, as written.
    pub forms: Vec<String>,
}

/// Legal-form words that end a firm's name without changing which firm it is,
/// compared after [`org_key`]'s folding (so `Inc.` is `inc`).
const LEGAL_SUFFIXES: &[&str] = &[
    "inc", "corp", "co", "cos", "ltd", "plc", "llc", "llp", "lp", "ag", "sa", "nv", "bv", "spa",
    "gmbh", "kg", "ab", "as", "asa", "oy", "pty", "bhd", "sarl", "srl",
];

/// Words that open many organisations' names, so that a one-word form made of
/// them names no organisation in particular (`Bank` is not `Bank of England`).
const GENERIC_HEADS: &[&str] = &[
    "bank",
    "national",
    "first",
    "general",
    "united",
    "american",
    "british",
    "international",
    "federal",
    "state",
    "central",
    "new",
    "royal",
    "the",
    "ministry",
    "department",
    "council",
    "committee",
    "party",
    "union",
    "association",
    "university",
    "european",
    "world",
    "group",
];

/// Whether a key word (lowercase) is one that opens many organisations' names or
/// gives their legal form: no organisation's in particular.
pub fn is_generic_word(word: &str) -> bool {
    GENERIC_HEADS.contains(&word) || LEGAL_SUFFIXES.contains(&word)
}

/// Words skipped when an acronym is read off a name's initials (`Organization of
/// Petroleum Exporting Countries` is `OPEC`).
const ACRONYM_SKIPS: &[&str] = &[
    "of", "the", "and", "for", "on", "in", "de", "du", "des", "&",
];

/// Capitalised words (joined by spaces, `and`/`&`/`of`, at most one comma) that end
/// in a legal form: a firm's name, whatever the tagger made of it.
static LEGAL_FORM_RUN: LazyLock<Regex> = LazyLock::new(|| {
    let word = r"[A-Z][\w.'-]*";
    let link = r"(?: +(?:(?:and|&|of|de|du|la|y) +)?)";
    let names = format!("{word}(?:{link}{word})*");
    // ASCII word boundaries (`(?-u:\b)`): names here start with an ASCII
    // capital, and a Unicode boundary would keep the regex off its fast engines
    // (it cost 7% of indexing time on the benchmark corpus).
    let legal = r"(?:(?:and|&) +Co(?-u:\b)\.?(?: +(?:Inc|Ltd|PLC|Plc)(?-u:\b)\.?)?|(?:Inc|Corp|Co|Ltd|PLC|Plc|AG|SA|NV|Cos|LP|GmbH|SpA)(?-u:\b)\.?|L\.P\.)";
    Regex::new(&format!(r"(?-u:\b){names}(?:, +{names})? +{legal}"))
        .expect("legal-form pattern is valid")
});

/// Words before a firm's name that are not part of it: articles opening a
/// sentence, and the nouns for "the company" in German, French, Spanish, Italian,
/// Dutch and Polish news. Romance articles are not among them: they open firms'
/// names (`La Poste SA`, `El Corte Ingles SA`, `De Beers`).
const COMPANY_NOUNS: &[&str] = &[
    "The",
    "THE",
    "A",
    "Die",
    "Der",
    "Das",
    "Firma",
    "Unternehmen",
    "Konzern",
    "Gesellschaft",
    "Hersteller",
    "Autobauer",
    "Versicherer",
    "Société",
    "Entreprise",
    "Empresa",
    "Compañía",
    "Azienda",
    "Società",
    "Bedrijf",
    "Spółka",
    "Firmy",
];

/// A company as wire copy marks it: `<Samuel Montagu Ltd>`, `<Chrysler Corp>`.
static MARKED_COMPANY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<([A-Z][^<>\n]{1,80})>").expect("company-mark pattern is valid"));

/// Spans of organisations that rules recognise in `text`, in order: firms
/// ending in a legal form, and companies in angle brackets.
pub fn rule_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for m in LEGAL_FORM_RUN.find_iter(text) {
        let mut start = m.start();
        let found = m.as_str();
        // `Peter Greenbaum of Smith Barney ... and Co`, `Shares of Douglas &
        // Lomason Co`: what comes before `of` is the firm's only if it has an
        // organisation's word (`Bank of America Corp`).
        if let Some(at) = found.find(" of ")
            && !found[..at]
                .split_whitespace()
                .any(super::people::is_org_word)
        {
            start += at + " of ".len();
        }
        // A sentence's first word is no part of the firm's name, nor is a word
        // for "the company" in the languages that capitalise it or open a
        // sentence with it (`die Firma Hafenbau GmbH`).
        while let Some(word) = COMPANY_NOUNS.iter().find(|w| {
            text[start..m.end()]
                .strip_prefix(**w)
                .is_some_and(|r| r.starts_with(' '))
        }) {
            start += word.len() + 1;
        }
        // `Johnson Controls Inc and Lear Corp`: two firms.
        let mut from = start;
        let found = &text[start..m.end()];
        let mut offset = 0;
        for part in found.split_inclusive(" and ") {
            let head = part.trim_end_matches(" and ");
            let legal_end = head
                .rsplit(' ')
                .next()
                .is_some_and(|w| LEGAL_SUFFIXES.contains(&folded_lower(w).trim_end_matches('.')));
            offset += part.len();
            if legal_end && offset < found.len() {
                spans.push((from, start + offset - part.len() + head.len()));
                from = start + offset;
            }
        }
        spans.push((from, m.end()));
    }
    for c in MARKED_COMPANY.captures_iter(text) {
        if let Some(inner) = c.get(1)
            && inner.as_str().chars().any(char::is_lowercase)
        {
            spans.push((inner.start(), inner.end()));
        }
    }
    spans.sort_unstable();
    spans.dedup();
    spans
}

/// The spans of both lists, in order; where two overlap, the longer one.
pub fn union_spans(a: &[(usize, usize)], b: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut all: Vec<(usize, usize)> = a.iter().chain(b).copied().collect();
    // Longest first among those starting at the same place.
    all.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(all.len());
    for span in all {
        match out.last_mut() {
            Some(last) if span.0 < last.1 => {
                if span.1 - span.0 > last.1 - last.0 {
                    *last = span;
                }
            }
            _ => out.push(span),
        }
    }
    out
}

/// Normalised words of an organisation's name for comparing mentions: lowercase,
/// accents folded, punctuation dropped, no leading `the` and no trailing legal
/// suffix (`The Texaco Co.` and `TEXACO INC` are both `texaco`).
pub fn org_key(name: &str) -> String {
    words_key(&key_words(name))
}

fn key_words(name: &str) -> Vec<String> {
    let folded = folded_lower(name);
    let mut words: Vec<String> = folded
        .split(|c: char| !(c.is_alphanumeric() || c == '&'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| LEGAL_SUFFIXES.contains(&w.as_str()) || w == "&" || w == "and")
    {
        words.pop();
    }
    words
}

fn words_key(words: &[String]) -> String {
    words.join(" ")
}

struct Group {
    key: Vec<String>,
    /// An acronym the article defines for it, upper case.
    acronym: Option<String>,
    mentions: Vec<(usize, usize)>,
    forms: Vec<String>,
}

/// Organisations in `text` (title, blank line, body) from the tagger's ORG spans
/// (byte spans into `text`, in order), in order of first mention.
pub fn find_orgs(text: &str, spans: &[(usize, usize)]) -> Vec<Org> {
    let mut groups: Vec<Group> = Vec::new();
    for &(start, end) in spans {
        let Some((start, end)) = clean_span(text, start, end) else {
            continue;
        };
        let form = &text[start..end];
        let key = key_words(form);
        if key.is_empty() {
            continue;
        }
        let defined = acronym_after(text, end, &key);
        let found = groups.iter().position(|g| {
            g.key == key
                || g.acronym
                    .as_deref()
                    .is_some_and(|a| key.len() == 1 && key[0] == a.to_lowercase())
        });
        let index = match found {
            Some(i) => i,
            None => {
                groups.push(Group {
                    key: key.clone(),
                    acronym: None,
                    mentions: Vec::new(),
                    forms: Vec::new(),
                });
                groups.len() - 1
            }
        };
        let group = &mut groups[index];
        group.mentions.push((start, end));
        if !group.forms.iter().any(|f| f == form) {
            group.forms.push(form.to_string());
        }
        if let Some(acronym) = defined {
            group.acronym.get_or_insert(acronym);
        }
    }
    merge_acronyms(&mut groups);
    merge_short_forms(&mut groups);
    let mut orgs: Vec<Org> = groups
        .into_iter()
        .map(|mut g| {
            g.mentions.sort_unstable();
            g.mentions.dedup();
            Org {
                name: display_name(&g),
                mentions: g.mentions,
                forms: g.forms,
            }
        })
        .collect();
    orgs.sort_by_key(|o| o.mentions.first().map_or(usize::MAX, |m| m.0));
    orgs
}

/// The span without a leading `the`/`The ` or a trailing possessive, or `None`
/// for spans that are the article's source rather than its subject.
fn clean_span(text: &str, mut start: usize, mut end: usize) -> Option<(usize, usize)> {
    let span = text.get(start..end)?;
    for article in ["The ", "the ", "THE "] {
        if span.starts_with(article) && span.len() > article.len() {
            start += article.len();
        }
    }
    let span = &text[start..end];
    for possessive in ["'s", "’s", "'S", "’S"] {
        if let Some(rest) = span.strip_suffix(possessive)
            && !rest.is_empty()
        {
            end -= possessive.len();
            break;
        }
    }
    let mut span = text[start..end].trim_end_matches([',', ';', ':']);
    // A final period ends the sentence, unless it ends an abbreviation (`Corp.`,
    // `U.N.`, `S.A.`).
    if let Some(rest) = span.strip_suffix('.') {
        let last = rest.rsplit(' ').next().unwrap_or(rest);
        let abbreviation = last.contains('.')
            || LEGAL_SUFFIXES.contains(&folded_lower(last).as_str())
            || last.len() == 1;
        if !abbreviation {
            span = rest;
        }
    }
    end = start + span.len();
    if !span.chars().any(char::is_alphabetic) {
        return None;
    }
    if super::is_dateline_agency(text, start, end) || is_sign_off(text, end) {
        return None;
    }
    Some((start, end))
}

/// A name alone on the last line of the text: a wire's sign-off (`Reuter`).
fn is_sign_off(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_end();
    let line_start = text[..end].rfind('\n').map_or(0, |i| i + 1);
    rest.trim_matches(|c: char| c.is_ascii_punctuation())
        .is_empty()
        && !text[line_start..end].trim_start().contains(' ')
}

/// The acronym defined right after a name, `... Trade (GATT)`, when its letters are
/// the initials of the name's words.
fn acronym_after(text: &str, end: usize, key: &[String]) -> Option<String> {
    let rest = text[end..].strip_prefix(" (")?;
    let close = rest.find(')')?;
    let candidate = &rest[..close];
    let letters: String = candidate.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2
        || !candidate
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '-')
    {
        return None;
    }
    (initials(key) == letters.to_lowercase()).then_some(letters)
}

/// The first letters of a name's words, without `of`, `the`, `and`...
fn initials(key: &[String]) -> String {
    key.iter()
        .filter(|w| !ACRONYM_SKIPS.contains(&w.as_str()))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// A group that is only an acronym joins the group that defines it, or else the
/// one group of the article whose initials it spells (`UN` and `United Nations`).
fn merge_acronyms(groups: &mut Vec<Group>) {
    let mut i = 0;
    while i < groups.len() {
        let short = &groups[i];
        let is_acronym = short.key.len() == 1
            && short.acronym.is_none()
            && short.key[0].len() >= 2
            && short
                .forms
                .iter()
                .all(|f| !f.chars().any(char::is_lowercase));
        let target = is_acronym
            .then(|| {
                let defined = groups.iter().position(|g| {
                    g.acronym
                        .as_deref()
                        .is_some_and(|a| a.to_lowercase() == short.key[0])
                });
                let spelled: Vec<usize> = (0..groups.len())
                    .filter(|&j| {
                        j != i
                            && groups[j].key.len() >= 2
                            && initials(&groups[j].key) == short.key[0]
                    })
                    .collect();
                defined.or(match spelled.as_slice() {
                    [one] => Some(*one),
                    _ => None,
                })
            })
            .flatten();
        match target {
            Some(t) if t != i => {
                let moved = groups.remove(i);
                let t = if t > i { t - 1 } else { t };
                absorb(&mut groups[t], moved);
            }
            _ => i += 1,
        }
    }
}

/// A form whose words open exactly one longer organisation of the article joins it
/// (`Shearson` with `Shearson Lehman Brothers`), unless it is a generic word.
fn merge_short_forms(groups: &mut Vec<Group>) {
    let mut i = 0;
    while i < groups.len() {
        let short = &groups[i].key;
        let generic = short.len() == 1 && GENERIC_HEADS.contains(&short[0].as_str());
        let longer: Vec<usize> = (0..groups.len())
            .filter(|&j| {
                j != i && groups[j].key.len() > short.len() && groups[j].key.starts_with(short)
            })
            .collect();
        match longer.as_slice() {
            [t] if !generic => {
                let t = *t;
                let moved = groups.remove(i);
                let t = if t > i { t - 1 } else { t };
                absorb(&mut groups[t], moved);
            }
            _ => i += 1,
        }
    }
}

fn absorb(into: &mut Group, from: Group) {
    into.mentions.extend(from.mentions);
    for form in from.forms {
        if !into.forms.contains(&form) {
            into.forms.push(form);
        }
    }
    if into.acronym.is_none() {
        into.acronym = from.acronym;
    }
}

/// An acronym the article defines; else the longest form, without its legal
/// suffix, preferring one written in mixed case.
fn display_name(group: &Group) -> String {
    if let Some(acronym) = &group.acronym {
        return acronym.clone();
    }
    let trimmed = |form: &str| -> String {
        let mut words: Vec<&str> = form.split_whitespace().collect();
        if words.len() > 1 && words[0].eq_ignore_ascii_case("the") {
            words.remove(0);
        }
        while words.len() > 1
            && words.last().is_some_and(|w| {
                let k = folded_lower(w);
                let k = k.trim_matches(|c: char| !c.is_alphanumeric());
                LEGAL_SUFFIXES.contains(&k) || matches!(k, "and" | "")
            })
        {
            words.pop();
        }
        words.join(" ")
    };
    let mixed = |f: &&String| f.chars().any(char::is_lowercase);
    let best = group
        .forms
        .iter()
        .filter(mixed)
        .max_by_key(|f| {
            (
                trimmed(f).split_whitespace().count(),
                std::cmp::Reverse(f.len()),
            )
        })
        .or_else(|| {
            group
                .forms
                .iter()
                .max_by_key(|f| trimmed(f).split_whitespace().count())
        });
    let Some(best) = best else {
        return String::new();
    };
    let name = trimmed(best);
    if name.chars().any(char::is_lowercase) {
        return name;
    }
    // Written only in capitals: an acronym stays as it is (`NATO`, `IBM`), a
    // headline's words are title-cased (`TEXACO INC` is `Texaco`).
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if !name.contains(' ') && letters <= 4 {
        name
    } else {
        name.split(' ').map(titlecase).collect::<Vec<_>>().join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spans of the given substrings (each the first occurrence at or after the
    /// previous one), as the tagger would give them.
    fn spans(text: &str, parts: &[&str]) -> Vec<(usize, usize)> {
        let mut from = 0;
        parts
            .iter()
            .map(|p| {
                let start = from + text[from..].find(p).expect("part is in the text");
                from = start + p.len();
                (start, start + p.len())
            })
            .collect()
    }

    fn names(text: &str, parts: &[&str]) -> Vec<String> {
        find_orgs(text, &spans(text, parts))
            .into_iter()
            .map(|o| o.name)
            .collect()
    }

    fn rule_texts(text: &str) -> Vec<&str> {
        rule_spans(text).iter().map(|&(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn rules_find_firms_by_their_legal_form_and_wire_marks() {
        let cases: &[(&str, &[&str])] = &[
            (
                "analyst Peter Greenbaum of Smith Barney, Harris Upham and Co Inc said",
                &["Smith Barney, Harris Upham and Co Inc"],
            ),
            (
                "He said Kidder Peabody and Co Inc would act",
                &["Kidder Peabody and Co Inc"],
            ),
            ("The Bear Stearns and Co unit", &["Bear Stearns and Co"]),
            (
                "bought from <Samuel Montagu Ltd> of London",
                &["Samuel Montagu Ltd"],
            ),
            ("Texaco Inc. said", &["Texaco Inc."]),
            (
                "Shares of Douglas & Lomason Co rose",
                &["Douglas & Lomason Co"],
            ),
            ("Bank of America Corp lent", &["Bank of America Corp"]),
            (
                "beside Johnson Controls Inc and Lear Corp .",
                &["Johnson Controls Inc", "Lear Corp"],
            ),
            // No legal form, no firm; a lone `Co` is no name.
            ("James Baker said", &[]),
            ("and Co said", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(rule_texts(text), *expected, "{text}");
        }
    }

    #[test]
    fn overlapping_spans_keep_the_longer() {
        assert_eq!(
            union_spans(&[(0, 12), (20, 25)], &[(0, 30), (40, 45)]),
            [(0, 30), (40, 45)]
        );
        assert_eq!(union_spans(&[(5, 9)], &[]), [(5, 9)]);
    }

    #[test]
    fn keys_ignore_case_accents_articles_and_legal_suffixes() {
        let cases: &[(&str, &str)] = &[
            ("Texaco Inc", "texaco"),
            ("TEXACO INC.", "texaco"),
            ("The Texaco Co.", "texaco"),
            ("Société Générale", "societe generale"),
            (
                "Smith Barney, Harris Upham and Co",
                "smith barney harris upham",
            ),
            ("AT&T", "at&t"),
            ("Co", "co"),
        ];
        for (name, key) in cases {
            assert_eq!(org_key(name), *key, "{name}");
        }
    }

    #[test]
    fn mentions_of_one_organisation_are_grouped_and_named() {
        let text = "TEXACO SEES LOSS\n\nTexaco Inc said on Monday. Texaco shares fell.";
        assert_eq!(names(text, &["TEXACO", "Texaco Inc", "Texaco"]), ["Texaco"]);
        let text = "Shearson Lehman Brothers Inc said. Analysts at Shearson agreed.";
        assert_eq!(
            names(text, &["Shearson Lehman Brothers Inc", "Shearson"]),
            ["Shearson Lehman Brothers"]
        );
        let orgs = find_orgs(
            text,
            &spans(text, &["Shearson Lehman Brothers Inc", "Shearson"]),
        );
        assert_eq!(orgs[0].mentions.len(), 2);
        assert_eq!(orgs[0].forms, ["Shearson Lehman Brothers Inc", "Shearson"]);
    }

    #[test]
    fn a_defined_acronym_names_the_group() {
        let text = "The General Agreement on Tariffs and Trade (GATT) met. GATT said no.";
        assert_eq!(
            names(
                text,
                &["General Agreement on Tariffs and Trade", "GATT", "GATT"]
            ),
            ["GATT"]
        );
        // Letters that are not the initials are not an acronym of it.
        let text = "The World Bank (IBRD) lent. The Fund (IMF) did not.";
        assert_eq!(names(text, &["World Bank", "IMF"]), ["World Bank", "IMF"]);
    }

    #[test]
    fn an_acronym_joins_the_one_name_it_spells() {
        let text = "The United Nations said. A UN convoy left. The US said.";
        assert_eq!(
            names(text, &["United Nations", "UN", "US"]),
            ["United Nations", "US"]
        );
    }

    #[test]
    fn generic_words_and_two_longer_names_stay_apart() {
        let text = "Bank of England and Bank of Japan. The Bank said.";
        assert_eq!(
            names(text, &["Bank of England", "Bank of Japan", "Bank"]),
            ["Bank of England", "Bank of Japan", "Bank"]
        );
    }

    #[test]
    fn the_source_agency_is_not_an_organisation_of_the_story() {
        let text = "Title\n\nBONN, March 3 (Reuters) - Siemens AG said profits rose.\n Reuter";
        assert_eq!(
            names(text, &["Reuters", "Siemens AG", "Reuter"]),
            ["Siemens"]
        );
    }

    #[test]
    fn capitals_only_names_are_title_cased_unless_short() {
        let cases: &[(&str, &str)] = &[
            ("NATO WARNS", "NATO"),
            ("GENERAL MOTORS CORP SEES", "General Motors"),
            ("IBM SAYS", "IBM"),
        ];
        for (text, name) in cases {
            let part = text.rsplit_once(' ').map_or(*text, |(head, _)| head);
            assert_eq!(names(text, &[part]), [*name], "{text}");
        }
    }
}
