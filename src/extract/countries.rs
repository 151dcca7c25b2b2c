//! Countries: the country table (the one source of truth for countries in the product),
//! turning what a user types into a country ([`resolve`]), and finding country mentions
//! in article text ([`find_countries`]).
//!
//! This module owns: the list of countries with their codes, names, aliases, demonyms
//! and capitals (data in `countries_table.rs`); the matching rules deciding whether a
//! capitalised word in running text is a country. It does not own: storing or scoring
//! mentions (the indexer decides what to do with [`CountryMentionKind::Capital`] hits,
//! which are weaker evidence than names), people or places below country level.
//!
//! Documented choices:
//! - Historical states map to their successor, so a search for today's country also finds
//!   old articles: Soviet Union/USSR/Soviet → RU, West/East Germany → DE, Yugoslavia → RS,
//!   Czechoslovakia → CZ (Prague was its capital), Zaire → CD, Burma → MM, Swaziland → SZ,
//!   Rhodesia → ZW, Ceylon → LK, Persia → IR, Kampuchea → KH, North/South Yemen → YE.
//! - England, Scotland, Wales and Northern Ireland → GB; Holland → NL.
//! - `Korea` alone → KR and `Congo` alone → CD (the larger, far more often meant state);
//!   `Congolese` → CD; `Dominican` → DO (not Dominica).
//! - Palestine (PS) covers the West Bank, Gaza and East Jerusalem (UN usage); Ramallah is
//!   its seat of government. `Jerusalem` alone → IL, as the seat of Israel's government
//!   used as a metonym ("Jerusalem said"); its status is disputed, which is why the kind
//!   is `Capital` (weak evidence), and `East Jerusalem` → PS, `West Jerusalem` → IL.
//! - Seats of power used as metonyms count as capitals: Kremlin, White House, Downing
//!   Street, Élysée. Capitals too ambiguous in English are left out (see the table).
//! - Regions that contain a country word but are not that country are blocked and produce
//!   nothing: New Mexico, New South Wales, New England, New Guinea (the island, shared by
//!   PG and ID), Latin/South/North/Central America(n), American Indian, Indian Ocean,
//!   West Indies, British Columbia, French Guiana, Guinea pig...
//!
//! Matching rules for text (each one has a test):
//! - One Aho-Corasick pass, case-sensitive, over every surface form written as in the table
//!   or in ALL CAPS (plus accent-free and curly-apostrophe variants). Lowercase is never a
//!   country: `turkey`, `china`, `us`.
//! - Word boundaries on both sides; a possessive `'s`/`’s` is fine since `'` is not a word
//!   character. Plurals and derived forms are their own entries (`Iraqis`), so `Oman` is
//!   never found inside `Romania` nor `Niger` inside `Nigeria`.
//! - `US` is the pronoun in all-caps text (`LET US PRAY`): rejected when a neighbouring word
//!   is all caps (unless `US-` follows), and `US$` is a currency, not a mention.
//! - Person-like forms (Jordan, Chad, Cuba, Holland, Sofia, Santiago, Washington, Georgia,
//!   and Israel for the preceding word only): rejected after an honorific (`Mr.`) or after a
//!   capitalised word that is not a known context word (`Michael Jordan`), and before a
//!   capitalised word (`Jordan Peterson`, `Washington Post`). In ALL CAPS they are rejected
//!   before another all-caps word (`CHAD SMITH`).
//! - `Washington state` is the US state; `Georgia` is the US state next to `Atlanta`, after
//!   `Gov.`/`state of`/`<City>,`, or before `state`/`governor`.
//! - A name or capital followed by `, <US state>` is a US town (`Lebanon, Pa.`,
//!   `Paris, Texas`, `Moscow, Idaho`).
//! - Cities that are not capitals come from the gazetteer (`cities_table.rs`) and make
//!   [`CountryMentionKind::City`] mentions, in the same automaton pass. Each has a scope:
//!   anywhere (`Frankfurt`), anywhere unless it reads as a person (`Whitney Houston`), or
//!   only in a dateline (`AUSTIN, Texas, May 4 -`, `CHARLOTTE (Reuters) -`): a line that
//!   starts with the place, followed by a date, an agency in brackets or a spaced dash.
//! - A US state or Canadian province right after the place of a dateline (`SAN BRUNO,
//!   Calif., March 2 -`) is a mention of its country, whatever the town; elsewhere states
//!   and provinces are no mention.

#[path = "countries_table.rs"]
mod table;

#[path = "cities_table.rs"]
mod cities;

use cities::Scope;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::collections::HashMap;
use std::sync::LazyLock;

/// One country of the table.
#[derive(Debug)]
pub struct Country {
    /// ISO 3166-1 alpha-2 (plus PS, XK, TW).
    pub code: &'static str,
    /// Common English short name: "Iraq", "United States".
    pub name: &'static str,
    /// Other names and abbreviations: "U.S.", "USA", "America".
    pub aliases: &'static [&'static str],
    /// Demonyms and adjectives: "Iraqi", "Iraqis".
    pub demonyms: &'static [&'static str],
    /// Capitals and seats of government used as metonyms: "Baghdad".
    pub capitals: &'static [&'static str],
}

impl Country {
    /// Every surface form with the kind of mention it makes, name first.
    pub fn surface_forms(&self) -> impl Iterator<Item = (&'static str, CountryMentionKind)> {
        std::iter::once(self.name)
            .chain(self.aliases.iter().copied())
            .map(|s| (s, CountryMentionKind::Name))
            .chain(
                self.demonyms
                    .iter()
                    .map(|s| (*s, CountryMentionKind::Demonym)),
            )
            .chain(
                self.capitals
                    .iter()
                    .map(|s| (*s, CountryMentionKind::Capital)),
            )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown country {input:?}{}", suggestion.map(|s| format!(" (did you mean {s}?)")).unwrap_or_default())]
pub struct UnknownCountry {
    pub input: String,
    pub suggestion: Option<&'static str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountryMentionKind {
    Name,
    Demonym,
    Capital,
    /// A city of the gazetteer (`cities_table.rs`) that is not the capital.
    City,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountryMention {
    pub code: &'static str,
    pub start: usize,
    pub end: usize,
    pub kind: CountryMentionKind,
}

/// The whole table, ordered by code.
pub fn all() -> &'static [Country] {
    table::COUNTRIES
}

/// The country with this ISO code, any case (`iq`, `IQ`).
pub fn by_code(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    all().iter().find(|c| c.code.eq_ignore_ascii_case(code))
}

/// What a user typed (`IQ`, `iraq`, `Iraqi`) to a country.
///
/// Accepts a code, the name, an alias or a demonym, ignoring case, accents, dots, hyphens,
/// surrounding whitespace and a leading `the`. Capitals are not accepted: a user typing a
/// city most likely means the city. On failure the error carries the closest name when
/// it is close enough to be a plausible typo (`Irak` → `Iraq (IQ)`).
pub fn resolve(input: &str) -> Result<&'static Country, UnknownCountry> {
    if let Some(c) = by_code(input) {
        return Ok(c);
    }
    let key = normalize(input);
    if let Some(&i) = RESOLVE.get(&key) {
        return Ok(&all()[i]);
    }
    Err(UnknownCountry {
        input: input.to_string(),
        suggestion: suggest(&key),
    })
}

/// Whether `word` is a country's name, alias or demonym, folded as [`resolve`] folds
/// it: a cheap test for other extractors (no codes, capitals or suggestions).
pub fn is_country_name(word: &str) -> bool {
    RESOLVE.contains_key(&normalize(word))
}

/// Every country mention in `text`, in text order, with byte spans.
pub fn find_countries(text: &str) -> Vec<CountryMention> {
    let m = &*MATCHER;
    let mut out = Vec::new();
    for hit in m.ac.find_iter(text) {
        let pat = &m.pats[hit.pattern().as_usize()];
        let (s, e) = (hit.start(), hit.end());
        // A blocker consumes its span (so "New Mexico" hides "Mexico") and yields nothing.
        let Some(ci) = pat.country else { continue };
        if !at_word_boundaries(text, s, e) || !passes_rules(text, s, e, pat) {
            continue;
        }
        if !city_counts_here(text, s, e, pat) {
            continue;
        }
        out.push(CountryMention {
            code: all()[usize::from(ci)].code,
            start: s,
            end: e,
            kind: pat.kind,
        });
    }
    out
}

// ---------------------------------------------------------------------------------------
// Resolving user input

/// Folds what a user may type differently: case, accents, curly quotes, dots, hyphens,
/// repeated spaces and a leading article.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.trim().chars() {
        let ch = fold_accent(ch);
        match ch {
            '.' => {}
            '-' | '\u{2013}' | '_' => out.push(' '),
            '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
            c if c.is_whitespace() => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
    let collapsed = out.split_whitespace().collect::<Vec<_>>().join(" ");
    match collapsed.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => collapsed,
    }
}

/// Latin letters with diacritics that occur in country names, to their base letter.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ă' | 'ā' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ă' | 'Ā' => 'A',
        'ç' | 'č' | 'ć' => 'c',
        'Ç' | 'Č' | 'Ć' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'İ' | 'Ī' => 'I',
        'ñ' | 'ń' => 'n',
        'Ñ' | 'Ń' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => 'O',
        'ș' | 'ş' | 'š' => 's',
        'Ș' | 'Ş' | 'Š' => 'S',
        'ț' | 'ţ' => 't',
        'Ț' | 'Ţ' => 'T',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' => 'Y',
        'ž' => 'z',
        'Ž' => 'Z',
        'ğ' => 'g',
        'Ğ' => 'G',
        c => c,
    }
}

fn fold_accents(s: &str) -> String {
    s.chars().map(fold_accent).collect()
}

/// Normalized name, alias or demonym → index in the table.
static RESOLVE: LazyLock<HashMap<String, usize>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for (i, c) in all().iter().enumerate() {
        for (form, kind) in c.surface_forms() {
            if kind != CountryMentionKind::Capital {
                map.entry(normalize(form)).or_insert(i);
            }
        }
    }
    map
});

/// "Name (CODE)" per country, the text of a suggestion.
static SUGGESTIONS: LazyLock<Vec<String>> = LazyLock::new(|| {
    all()
        .iter()
        .map(|c| format!("{} ({})", c.name, c.code))
        .collect()
});

/// The closest known form, if the edit distance is small for the length typed: one edit
/// for short words, about one per four characters beyond. Ties go to the table order.
fn suggest(key: &str) -> Option<&'static str> {
    let len = key.chars().count();
    if len < 3 {
        return None;
    }
    let limit = (len / 4).max(1);
    let mut best: Option<(usize, usize)> = None;
    for (form, &i) in RESOLVE.iter() {
        // Cheap skip: the length difference alone is a lower bound of the distance.
        if form.chars().count().abs_diff(len) > limit {
            continue;
        }
        let d = levenshtein(key, form);
        if d <= limit && best.is_none_or(|(bd, bi)| (d, i) < (bd, bi)) {
            best = Some((d, i));
        }
    }
    let suggestions: &'static Vec<String> = &SUGGESTIONS;
    best.map(|(_, i)| suggestions[i].as_str())
}

/// Classic edit distance (insert, delete, substitute) on chars, two rows.
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

// ---------------------------------------------------------------------------------------
// Finding mentions in text

/// Phrases that contain a country word but are not about that country. They are patterns
/// of the automaton too, so that the longest match swallows the country word.
const BLOCKERS: &[&str] = &[
    "New Mexico",
    "New Mexican",
    "New Mexicans",
    "New South Wales",
    "New England",
    "New Guinea",
    "Guinea pig",
    "Guinea pigs",
    "Guinea Pig",
    "Latin America",
    "Latin American",
    "Latin Americans",
    "South America",
    "South American",
    "South Americans",
    "North America",
    "North American",
    "North Americans",
    "Central America",
    "Central American",
    "Central Americans",
    "Pan American",
    "Pan-American",
    "American Samoa",
    "American Indian",
    "American Indians",
    "Indian Ocean",
    "West Indies",
    "West Indian",
    "West Indians",
    "East Indies",
    "French Guiana",
    "French Polynesia",
    // Names of institutions, not places: the creditor nations' club that meets in Paris,
    // the investment bank, HSBC's old name (its `Hong Kong` still counts).
    "Paris Club",
    "First Boston",
    "Shanghai Banking",
    "Persian Gulf",
];

/// Per-form rules, as bits.
const R_PERSON_PREV: u8 = 1;
const R_PERSON_NEXT: u8 = 2;
const R_WASHINGTON: u8 = 4;
const R_GEORGIA: u8 = 8;
const R_US: u8 = 16;
const R_PLACE: u8 = 32;

/// The rules that apply to a surface form as written in the table.
fn rules_for(form: &str, kind: CountryMentionKind) -> u8 {
    let mut r = match form {
        "Jordan" | "Chad" | "Cuba" | "Holland" | "Sofia" | "Santiago" => {
            R_PERSON_PREV | R_PERSON_NEXT
        }
        // "Israel Radio", "Israel Defense Forces": only the preceding word says person.
        "Israel" => R_PERSON_PREV,
        "Washington" => R_PERSON_PREV | R_PERSON_NEXT | R_WASHINGTON,
        "Georgia" => R_PERSON_PREV | R_PERSON_NEXT | R_GEORGIA,
        "US" => R_US,
        _ => 0,
    };
    if kind != CountryMentionKind::Demonym {
        r |= R_PLACE;
    }
    r
}

struct Pattern {
    /// Index in the table; `None` for a blocker.
    country: Option<u16>,
    kind: CountryMentionKind,
    rules: u8,
    /// This pattern is the ALL CAPS spelling of a form that has lowercase letters.
    shouted: bool,
    /// Where the form counts; `A` for every form of the country table.
    scope: Scope,
}

struct Matcher {
    ac: AhoCorasick,
    pats: Vec<Pattern>,
}

static MATCHER: LazyLock<Matcher> = LazyLock::new(build_matcher);

/// The spellings searched for one form: as written, without accents, with a curly
/// apostrophe, each also in ALL CAPS. The flag says "ALL CAPS of a mixed-case form".
fn spellings(form: &str) -> Vec<(String, bool)> {
    let mut base = vec![form.to_string()];
    let folded = fold_accents(form);
    if folded != form {
        base.push(folded);
    }
    if form.contains('\'') {
        let curly: Vec<String> = base.iter().map(|s| s.replace('\'', "\u{2019}")).collect();
        base.extend(curly);
    }
    let mut out = Vec::with_capacity(base.len() * 2);
    for s in base {
        let upper = s.to_uppercase();
        if upper != s {
            out.push((upper, true));
        }
        out.push((s, false));
    }
    out
}

fn build_matcher() -> Matcher {
    let mut strings: Vec<String> = Vec::new();
    let mut pats: Vec<Pattern> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut add = |s: String, p: Pattern| {
        if !seen.contains_key(&s) {
            seen.insert(s.clone(), strings.len());
            strings.push(s);
            pats.push(p);
        }
    };
    for b in BLOCKERS {
        for (s, shouted) in spellings(b) {
            let kind = CountryMentionKind::Name;
            add(
                s,
                Pattern {
                    country: None,
                    kind,
                    rules: 0,
                    shouted,
                    scope: Scope::A,
                },
            );
        }
    }
    for (i, c) in all().iter().enumerate() {
        // The table has about 200 rows, far below u16::MAX.
        let country = u16::try_from(i).ok();
        for (form, kind) in c.surface_forms() {
            // "the Netherlands": in text the form without the article is found.
            if form.starts_with("the ") {
                continue;
            }
            let rules = rules_for(form, kind);
            for (s, shouted) in spellings(form) {
                add(
                    s,
                    Pattern {
                        country,
                        kind,
                        rules,
                        shouted,
                        scope: Scope::A,
                    },
                );
            }
        }
    }
    let regions = cities::REGIONS.iter().map(|&(f, c)| (f, c, Scope::R));
    for (form, code, scope) in cities::CITIES.iter().copied().chain(regions) {
        let country = all()
            .iter()
            .position(|c| c.code == code)
            .and_then(|i| u16::try_from(i).ok());
        let mut rules = 0;
        if scope == Scope::P {
            rules |= R_PERSON_PREV | R_PERSON_NEXT;
        }
        // `Toronto, Ohio` is a US town; a US city followed by its state stays US.
        if code != "US" {
            rules |= R_PLACE;
        }
        for (s, shouted) in spellings(form) {
            add(
                s,
                Pattern {
                    country,
                    kind: CountryMentionKind::City,
                    rules,
                    shouted,
                    scope,
                },
            );
        }
    }
    // A DFA is the fastest search; the pattern set is small enough (a few thousand
    // patterns, mostly short) for its memory to stay at a few megabytes.
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&strings)
        .expect("the static country patterns always build");
    Matcher { ac, pats }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// No letter or digit glued to either end of the hit. A form that ends with a dot
/// (`U.S.`) ends a word by itself.
fn at_word_boundaries(text: &str, s: usize, e: usize) -> bool {
    let before_ok = text[..s]
        .chars()
        .next_back()
        .is_none_or(|c| !is_word_char(c));
    let ends_word = text[..e]
        .chars()
        .next_back()
        .is_some_and(|c| !is_word_char(c));
    let after_ok = ends_word || text[e..].chars().next().is_none_or(|c| !is_word_char(c));
    before_ok && after_ok
}

/// The whitespace-separated token just before `s`, if only spaces separate them (a comma,
/// bracket or newline in between means the two are not one phrase).
fn prev_token(text: &str, s: usize) -> Option<&str> {
    let before = &text[..s];
    let trimmed = before.trim_end_matches([' ', '\u{a0}']);
    if trimmed.len() == before.len() {
        return None;
    }
    trimmed
        .split(char::is_whitespace)
        .next_back()
        .filter(|t| !t.is_empty())
}

/// The whitespace-separated token just after `e`, if only spaces separate them.
fn next_token(text: &str, e: usize) -> Option<&str> {
    let after = &text[e..];
    let trimmed = after.trim_start_matches([' ', '\u{a0}']);
    if trimmed.len() == after.len() {
        return None;
    }
    trimmed
        .split(char::is_whitespace)
        .next()
        .filter(|t| !t.is_empty())
}

fn strip_punct(t: &str) -> &str {
    t.trim_matches(|c: char| !c.is_alphanumeric())
}

/// `Michael`, `O'Keeffe`, `Smith-Jones`: a capitalised word as names are written.
fn is_title_word(t: &str) -> bool {
    let mut chars = t.chars();
    chars.next().is_some_and(char::is_uppercase)
        && t.chars().any(char::is_lowercase)
        && t.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '\u{2019}' | '-'))
}

/// `PRAY`, `SMITH`: an all-caps word of two letters or more.
fn is_caps_word(t: &str) -> bool {
    t.chars().count() >= 2 && t.chars().all(|c| c.is_alphabetic() && c.is_uppercase())
}

/// Capitalised words that may stand right before a country without making it a surname:
/// sentence starters, prepositions, directions, and titles of the country itself.
const CONTEXT_BEFORE: &[&str] = &[
    "The",
    "In",
    "To",
    "From",
    "For",
    "With",
    "And",
    "But",
    "Or",
    "Of",
    "On",
    "At",
    "By",
    "As",
    "Into",
    "Across",
    "Against",
    "Between",
    "Including",
    "Like",
    "Unlike",
    "While",
    "Both",
    "Neighbouring",
    "Neighboring",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "North",
    "South",
    "East",
    "West",
    "Lake",
    "King",
    "Queen",
    "Kingdom",
    "Hashemite",
    "Republic",
    "Greater",
    "Ancient",
    "Modern",
    "Then",
    "Where",
    "When",
    "Why",
    "How",
    "Only",
    "Even",
    "Also",
    "Meanwhile",
    "Visiting",
    "Outside",
    "Inside",
    "Within",
    "Without",
    "Over",
    "Under",
    "After",
    "Before",
    "During",
    "Since",
    "Until",
    "Via",
    "Toward",
    "Towards",
    "Through",
    "Throughout",
    "Near",
    "Beyond",
    "If",
    "Whether",
    "Because",
    "Although",
    "Though",
    "So",
    "Yet",
    "Nor",
    "Not",
    "All",
    "That",
    "This",
    "Is",
    "Was",
    "Did",
    "Does",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Capitalised words that may follow a country without making it a given name.
const CONTEXT_AFTER: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "And",
    "Or",
    "On",
    "In",
    "To",
    "Is",
    "Was",
    "Says",
    "Said",
    "Will",
    "Has",
    "Had",
    "For",
    "At",
];

/// All-caps words that may stand next to a country in a headline.
const CAPS_CONTEXT: &[&str] = &[
    "AND", "OR", "ON", "IN", "TO", "IS", "SAYS", "SAID", "WILL", "HAS", "FOR", "AT", "OF", "THE",
    "FROM", "WITH", "BY", "AS", "INTO", "OVER", "NEAR", "VISITS",
];

const HONORIFICS: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Sen.", "Rep.", "Gen.", "Prof.", "Coach",
    "Rev.",
];

/// US states after `<name>, ` that turn a country or capital name into a US town. AP
/// abbreviations plus the full names that are not also country words.
const US_STATES: &[&str] = &[
    "Ala.",
    "Ariz.",
    "Ark.",
    "Calif.",
    "Colo.",
    "Conn.",
    "Del.",
    "Fla.",
    "Ga.",
    "Ill.",
    "Ind.",
    "Kan.",
    "Ky.",
    "La.",
    "Md.",
    "Mass.",
    "Mich.",
    "Minn.",
    "Miss.",
    "Mo.",
    "Mont.",
    "Neb.",
    "Nev.",
    "N.H.",
    "N.J.",
    "N.M.",
    "N.Y.",
    "N.C.",
    "N.D.",
    "Okla.",
    "Ore.",
    "Pa.",
    "R.I.",
    "S.C.",
    "S.D.",
    "Tenn.",
    "Tex.",
    "Vt.",
    "Va.",
    "Wash.",
    "W.Va.",
    "Wis.",
    "Wyo.",
    "Alabama",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
];

/// Georgian cities that legitimately stand before ", Georgia".
const GEORGIAN_CITIES: &[&str] = &["Tbilisi,", "Batumi,", "Kutaisi,", "Rustavi,"];

fn passes_rules(text: &str, s: usize, e: usize, pat: &Pattern) -> bool {
    let r = pat.rules;
    if r == 0 {
        return true;
    }
    if r & R_US != 0 && !us_is_country(text, s, e) {
        return false;
    }
    if r & (R_PERSON_PREV | R_PERSON_NEXT) != 0 && looks_like_person(text, s, e, pat) {
        return false;
    }
    if r & R_WASHINGTON != 0 && next_token(text, e).is_some_and(|t| strip_punct(t) == "state") {
        return false;
    }
    if r & R_GEORGIA != 0 && georgia_is_us_state(text, s, e) {
        return false;
    }
    if r & R_PLACE != 0 && followed_by_us_state(text, e) {
        return false;
    }
    true
}

/// `US` the country, not `us` shouted in a headline.
fn us_is_country(text: &str, s: usize, e: usize) -> bool {
    let after = &text[e..];
    if after.starts_with('$') {
        return false;
    }
    if after.starts_with('-') {
        return true;
    }
    let caps = |t: Option<&str>| t.is_some_and(|t| is_caps_word(strip_punct(t)));
    !caps(prev_token(text, s)) && !caps(next_token(text, e))
}

fn looks_like_person(text: &str, s: usize, e: usize, pat: &Pattern) -> bool {
    let prev = prev_token(text, s);
    let next = next_token(text, e);
    if pat.shouted {
        // All caps: an all-caps word glued on either side (no punctuation) that is not a
        // function word makes a name (`MICHAEL JORDAN`, `CHAD SMITH`).
        let prev_name = pat.rules & R_PERSON_PREV != 0
            && prev.is_some_and(|t| is_caps_word(t) && !CAPS_CONTEXT.contains(&t));
        let next_name = pat.rules & R_PERSON_NEXT != 0
            && next.is_some_and(|t| is_caps_word(t) && !CAPS_CONTEXT.contains(&t));
        return prev_name || next_name;
    }
    if pat.rules & R_PERSON_PREV != 0
        && let Some(p) = prev
        && (HONORIFICS.contains(&p) || (is_title_word(p) && !CONTEXT_BEFORE.contains(&p)))
    {
        return true;
    }
    if pat.rules & R_PERSON_NEXT != 0
        && let Some(n) = next
    {
        let n = strip_punct(n);
        // "Washington D.C." has no lowercase letter, so it is not a surname.
        return is_title_word(n) && !CONTEXT_AFTER.contains(&n);
    }
    false
}

/// The largest char boundary at or below `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn georgia_is_us_state(text: &str, s: usize, e: usize) -> bool {
    // Atlanta nearby: the paragraph is about the US state.
    let lo = floor_boundary(text, s.saturating_sub(300));
    let hi = floor_boundary(text, e.saturating_add(300));
    if text[lo..hi].contains("Atlanta") || text[lo..hi].contains("ATLANTA") {
        return true;
    }
    let before = &text[..s];
    if before.ends_with("state of ") || before.ends_with("State of ") {
        return true;
    }
    if let Some(p) = prev_token(text, s) {
        if matches!(p, "Gov." | "Governor" | "Gov") {
            return true;
        }
        // "Athens, Georgia": a town then the state, unless the town is Georgian.
        if p.strip_suffix(',').is_some_and(is_title_word) && !GEORGIAN_CITIES.contains(&p) {
            return true;
        }
    }
    let after = &text[e..];
    [
        "'s governor",
        "\u{2019}s governor",
        " governor",
        " Governor",
        " state",
        " State",
        " Tech",
    ]
    .iter()
    .any(|w| after.starts_with(w))
}

/// Whether a hit counts where it is: country-table forms and `A`/`P` cities anywhere,
/// `D` cities only in a dateline, states and provinces only after a dateline's place.
fn city_counts_here(text: &str, s: usize, e: usize, pat: &Pattern) -> bool {
    match pat.scope {
        Scope::A | Scope::P => true,
        Scope::D => in_dateline(text, s, e),
        Scope::R => dateline_region(text, s, e),
    }
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A state or province right after the place of a dateline: `BLUEFIELD, W. Va., March 2`.
fn dateline_region(text: &str, s: usize, e: usize) -> bool {
    let Some(before) = text[..s].strip_suffix(", ") else {
        return false;
    };
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let place = line.trim_start_matches([' ', '\t']);
    !place.is_empty()
        && place.len() <= 40
        && place.chars().next().is_some_and(char::is_uppercase)
        && place
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-' | '\u{2019}'))
        && dateline_tail(text, e)
}

/// A wire dateline: the place starts a line and is followed by a date, an agency in
/// brackets or a dash, optionally after a US state (`AUSTIN, Texas, March 2 -`,
/// `CHICAGO (Reuters) -`, `Boston, Oct. 5 (AP) -`, `DALLAS - `).
fn in_dateline(text: &str, s: usize, e: usize) -> bool {
    let line_start = text[..s].trim_end_matches([' ', '\t']);
    if !(line_start.is_empty() || line_start.ends_with('\n')) {
        return false;
    }
    dateline_tail(text, e)
}

/// What follows the place of a dateline: an optional region (`, Calif.`), then a date, an
/// agency in brackets or a dash.
fn dateline_tail(text: &str, e: usize) -> bool {
    let mut rest = &text[e..];
    // `, Nova Scotia, March 2`: a short segment of words before the date.
    if let Some(after_comma) = rest.strip_prefix(", ")
        && let Some(len) = after_comma.find(',')
        && len <= 25
        && after_comma[..len]
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.'))
    {
        rest = &after_comma[len..];
    }
    if let Some(after_comma) = rest.strip_prefix(',') {
        let word: String = after_comma
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        let lower = word.to_lowercase();
        return word.len() >= 3
            && MONTHS.iter().any(|m| m.starts_with(&lower))
            && word.chars().next().is_some_and(char::is_uppercase);
    }
    let rest = rest.trim_start_matches([' ', '\u{a0}']);
    // `DALLAS - ` is a dateline, `DALLAS-based` is not.
    rest.starts_with('(')
        || ["- ", "\u{2013} ", "\u{2014} "]
            .iter()
            .any(|d| rest.starts_with(d))
}

/// `Lebanon, Pa.`, `Paris, Texas`: a US town of the same name.
fn followed_by_us_state(text: &str, e: usize) -> bool {
    let Some(rest) = text[e..].strip_prefix(", ") else {
        return false;
    };
    US_STATES.iter().any(|st| {
        rest.starts_with(st)
            && (st.ends_with('.')
                || rest[st.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !is_word_char(c)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn codes(text: &str) -> Vec<&'static str> {
        find_countries(text).into_iter().map(|m| m.code).collect()
    }

    fn code_set(text: &str) -> BTreeSet<&'static str> {
        codes(text).into_iter().collect()
    }

    #[test]
    fn cities_in_datelines() {
        // One line per case: text, the countries found.
        let cases: &[(&str, &[&str])] = &[
            // Dateline-only names count at the start of a dated or credited line.
            ("AUSTIN, Texas, May 4 - The council met.", &["US"]),
            ("CHARLOTTE (Reuters) - A bank opened.", &["US"]),
            ("GREENWICH, Oct. 12 - Shares rose.", &["US"]),
            ("Title line\n\nTROY, March 9 - A car maker hired.", &["US"]),
            ("  HALIFAX, Nova Scotia, June 2 - Fishing resumed.", &["CA"]),
            ("ESSEN - A steel group said.", &["DE"]),
            // Anywhere names count in the dateline too, in any case.
            ("NEW YORK, Jan 5 - Stocks fell.", &["US"]),
            ("Frankfurt, Feb 1 (AP) - Bonds rose.", &["DE"]),
            // A state or province after any town of a dateline names the country.
            (
                "SAN BRUNO, Calif., March 2 - A retailer named a chief.",
                &["US"],
            ),
            ("BLUEFIELD, W. Va., April 1 - A payout was set.", &["US"]),
            ("GLENVIEW, ILL., May 3 - A maker named a director.", &["US"]),
            ("RED DEER, Alberta, July 8 - Drilling rose.", &["CA"]),
            ("OLD TOWN, Me. (Reuters) - A shoe maker reported.", &["US"]),
        ];
        for (text, want) in cases {
            let want: BTreeSet<&str> = want.iter().copied().collect();
            assert_eq!(code_set(text), want, "{text:?}");
        }
    }

    #[test]
    fn cities_in_running_text() {
        let cases: &[(&str, &[&str])] = &[
            // Unambiguous cities count anywhere.
            (
                "Traders in Frankfurt and Osaka were cautious.",
                &["DE", "JP"],
            ),
            ("The plant near Sao Paulo closed.", &["BR"]),
            ("A ROTTERDAM BROKER SAID", &["NL"]),
            ("Prices on Wall Street slipped.", &["US"]),
            // Given names and surnames are not cities (person rules of `P` entries).
            ("Whitney Houston sang.", &[]),
            ("Dallas Green spoke to reporters.", &[]),
            ("He flew to Houston on Monday.", &["US"]),
            // Dateline-only names are words or names in running text.
            ("Austin Reed and Charlotte Brown met in a park.", &[]),
            ("The buffalo herd moved to Phoenix Park.", &[]),
            ("The Troy team said Portland cement prices rose.", &[]),
            // A city name mid-line followed by a date is not a dateline.
            ("He said AUSTIN, March 3 was the date.", &[]),
            // States and provinces count only in a dateline.
            ("Texas and Ontario raised taxes.", &[]),
            ("The Lebanon, Pa., plant closed.", &[]),
            // Institutions named after a city are not mentions.
            ("First Boston Corp and the Paris Club agreed.", &[]),
            // A foreign city name followed by a US state is a US town.
            ("Toronto, Ohio, is a small town.", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(codes(text), *want, "{text:?}");
        }
    }

    #[test]
    fn ambiguous_city_names_are_not_in_the_gazetteer() {
        for name in [
            "Birmingham",
            "Cambridge",
            "Manchester",
            "Richmond",
            "Hamilton",
            "Windsor",
            "Perth",
            "San Jose",
            "Alexandria",
            "Valencia",
            "Canton",
            "Columbia",
        ] {
            let dateline = format!("{}, March 2 - A company said.", name.to_uppercase());
            assert_eq!(codes(&dateline), Vec::<&str>::new(), "{name}");
        }
    }

    #[test]
    fn city_forms_are_unique_and_not_countries() {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for c in all() {
            for (form, _) in c.surface_forms() {
                seen.insert(normalize(form), c.code);
            }
        }
        let mut cities_seen = BTreeSet::new();
        for &(form, code, _) in cities::CITIES {
            assert!(by_code(code).is_some(), "{form}: unknown code {code}");
            assert!(cities_seen.insert(form), "{form} is listed twice");
            let key = normalize(form);
            assert!(
                !seen.contains_key(&key),
                "{form} is already in the country table"
            );
        }
        for &(form, code) in cities::REGIONS {
            assert!(by_code(code).is_some(), "{form}: unknown code {code}");
        }
    }

    #[test]
    fn table_codes_are_unique_two_uppercase_letters() {
        let mut seen = BTreeSet::new();
        for c in all() {
            assert!(
                c.code.len() == 2 && c.code.chars().all(|ch| ch.is_ascii_uppercase()),
                "{}",
                c.code
            );
            assert!(seen.insert(c.code), "duplicate code {}", c.code);
        }
        assert!(all().len() >= 200, "{}", all().len());
        // The table is ordered by code, so it reads like the ISO list.
        assert!(all().windows(2).all(|w| w[0].code < w[1].code));
    }

    #[test]
    fn no_surface_form_maps_to_two_countries() {
        let mut owner: HashMap<String, &str> = HashMap::new();
        for c in all() {
            for (form, _) in c.surface_forms() {
                let key = normalize(form);
                assert!(!key.is_empty(), "{}: empty form", c.code);
                if let Some(prev) = owner.insert(key.clone(), c.code) {
                    assert_eq!(prev, c.code, "{form:?} is both {prev} and {}", c.code);
                }
            }
        }
        // An alias must not read as another country's code ("uk" is not a code).
        for (key, code) in &owner {
            if let Some(other) = by_code(key) {
                assert_eq!(other.code, *code, "{key:?} is the code of {}", other.code);
            }
        }
        // Blockers are not surface forms.
        for b in BLOCKERS {
            assert!(!owner.contains_key(&normalize(b)), "{b}");
        }
    }

    #[test]
    fn required_aliases_resolve() {
        let cases: &[(&str, &str)] = &[
            ("United States", "US"),
            ("United States of America", "US"),
            ("U.S.", "US"),
            ("U.S.A.", "US"),
            ("US", "US"),
            ("USA", "US"),
            ("America", "US"),
            ("United Kingdom", "GB"),
            ("U.K.", "GB"),
            ("UK", "GB"),
            ("Britain", "GB"),
            ("Great Britain", "GB"),
            ("England", "GB"),
            ("Scotland", "GB"),
            ("Wales", "GB"),
            ("Northern Ireland", "GB"),
            ("Türkiye", "TR"),
            ("Turkiye", "TR"),
            ("Czech Republic", "CZ"),
            ("Czechia", "CZ"),
            ("Ivory Coast", "CI"),
            ("Côte d'Ivoire", "CI"),
            ("Burma", "MM"),
            ("Swaziland", "SZ"),
            ("Holland", "NL"),
            ("the Netherlands", "NL"),
            ("South Korea", "KR"),
            ("Republic of Korea", "KR"),
            ("ROK", "KR"),
            ("North Korea", "KP"),
            ("DPRK", "KP"),
            ("Palestine", "PS"),
            ("Palestinian territories", "PS"),
            ("West Bank", "PS"),
            ("Gaza", "PS"),
            ("Gaza Strip", "PS"),
            ("Soviet Union", "RU"),
            ("USSR", "RU"),
            ("U.S.S.R.", "RU"),
            ("West Germany", "DE"),
            ("East Germany", "DE"),
            ("Vatican", "VA"),
            ("Holy See", "VA"),
            ("DRC", "CD"),
            ("DR Congo", "CD"),
            ("Democratic Republic of Congo", "CD"),
            ("Congo-Kinshasa", "CD"),
            ("Republic of Congo", "CG"),
            ("Congo-Brazzaville", "CG"),
            ("UAE", "AE"),
            ("U.A.E.", "AE"),
            ("United Arab Emirates", "AE"),
            ("Taiwan", "TW"),
            ("Kosovo", "XK"),
            ("Hong Kong", "HK"),
            ("Macau", "MO"),
            ("Puerto Rico", "PR"),
            ("Greenland", "GL"),
        ];
        for (input, code) in cases {
            assert_eq!(resolve(input).map(|c| c.code), Ok(*code), "{input}");
        }
    }

    #[test]
    fn required_demonyms_resolve() {
        let cases: &[(&str, &str)] = &[
            ("Iraqi", "IQ"),
            ("Iraqis", "IQ"),
            ("American", "US"),
            ("Americans", "US"),
            ("British", "GB"),
            ("Briton", "GB"),
            ("Britons", "GB"),
            ("Palestinian", "PS"),
            ("Palestinians", "PS"),
            ("Israeli", "IL"),
            ("Israelis", "IL"),
            ("Chinese", "CN"),
            ("French", "FR"),
            ("Frenchman", "FR"),
            ("Dutch", "NL"),
            ("Swiss", "CH"),
            ("Filipino", "PH"),
            ("Philippine", "PH"),
            ("Saudi", "SA"),
            ("Saudis", "SA"),
            ("Emirati", "AE"),
            ("Turkish", "TR"),
            ("Turk", "TR"),
            ("Turks", "TR"),
            ("Soviet", "RU"),
            ("West German", "DE"),
        ];
        for (input, code) in cases {
            assert_eq!(resolve(input).map(|c| c.code), Ok(*code), "{input}");
        }
    }

    #[test]
    fn resolve_user_input() {
        let cases: &[(&str, Option<&str>)] = &[
            ("IQ", Some("IQ")),
            ("iq", Some("IQ")),
            ("  iq  ", Some("IQ")),
            ("gb", Some("GB")),
            ("iraq", Some("IQ")),
            ("IRAQ", Some("IQ")),
            ("united states", Some("US")),
            ("u.s.", Some("US")),
            ("u.s", Some("US")),
            ("us", Some("US")),
            ("uk", Some("GB")),
            ("turkiye", Some("TR")),
            ("TÜRKIYE", Some("TR")),
            ("cote d'ivoire", Some("CI")),
            ("Côte d’Ivoire", Some("CI")),
            ("guinea bissau", Some("GW")),
            ("Guinea-Bissau", Some("GW")),
            ("the netherlands", Some("NL")),
            ("netherlands", Some("NL")),
            ("the  Gambia", Some("GM")),
            ("korea", Some("KR")),
            ("congo", Some("CD")),
            ("dominican", Some("DO")),
            // Capitals are not accepted as a country.
            ("Baghdad", None),
            ("", None),
            ("   ", None),
            ("xx", None),
            ("Narnia", None),
        ];
        for (input, want) in cases {
            assert_eq!(resolve(input).ok().map(|c| c.code), *want, "{input:?}");
        }
    }

    #[test]
    fn unknown_country_suggestions() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Irak", Some("Iraq (IQ)")),
            ("Grmany", Some("Germany (DE)")),
            ("Phillipines", Some("Philippines (PH)")),
            ("Kazakstan", Some("Kazakhstan (KZ)")),
            ("Columbia", Some("Colombia (CO)")),
            ("Narnia", None),
            ("Atlantis", None),
            ("xx", None),
            ("zz", None),
        ];
        for (input, want) in cases {
            let err = resolve(input).expect_err(input);
            assert_eq!(err.input, *input);
            assert_eq!(err.suggestion, *want, "{input}");
        }
        let msg = resolve("Irak").expect_err("Irak").to_string();
        assert_eq!(msg, "unknown country \"Irak\" (did you mean Iraq (IQ)?)");
    }

    #[test]
    fn country_names_without_codes_or_capitals() {
        let cases: &[(&str, bool)] = &[
            ("Jordan", true),
            ("JORDAN", true),
            ("Iraqi", true),
            ("côte d'ivoire", true),
            ("IQ", false),
            ("Baghdad", false),
            ("Miller", false),
            ("", false),
        ];
        for (word, want) in cases {
            assert_eq!(is_country_name(word), *want, "{word}");
        }
    }

    #[test]
    fn by_code_any_case() {
        assert_eq!(by_code("iq").map(|c| c.name), Some("Iraq"));
        assert_eq!(by_code("IQ").map(|c| c.name), Some("Iraq"));
        assert_eq!(by_code("Ps").map(|c| c.name), Some("Palestine"));
        assert!(by_code("UK").is_none());
        assert!(by_code("").is_none());
        assert!(by_code("IRQ").is_none());
    }

    #[test]
    fn levenshtein_basics() {
        assert_eq!(levenshtein("", ""), 0);
        assert_eq!(levenshtein("irak", "iraq"), 1);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("türkiye", "turkiye"), 1);
    }

    /// One line per case: text, the codes found in order.
    #[test]
    fn find_table() {
        let cases: &[(&str, &[&str])] = &[
            // Plain names, demonyms, capitals, possessives.
            ("Iraq", &["IQ"]),
            ("Israel's army", &["IL"]),
            ("an Israeli's view", &["IL"]),
            ("Iraq\u{2019}s oil", &["IQ"]),
            ("Iraqis voted", &["IQ"]),
            ("talks in Baghdad", &["IQ"]),
            ("BAGHDAD, Nov. 5 - Officials said", &["IQ"]),
            ("IRAQ AND IRAN SIGN TRUCE", &["IQ", "IR"]),
            // Word boundaries.
            ("Romania", &["RO"]),
            ("Romanian wine", &["RO"]),
            ("ROMANIA", &["RO"]),
            ("Nigeria and Niger", &["NG", "NE"]),
            ("Somalia", &["SO"]),
            ("a Woman", &[]),
            ("Omani ships near Oman", &["OM", "OM"]),
            ("Omanis", &["OM"]),
            ("Americana", &[]),
            ("the Americas", &[]),
            ("Indiana", &[]),
            ("Chinatown", &[]),
            ("anti-American protests", &["US"]),
            ("Iraqi-backed", &["IQ"]),
            // Lowercase is never a country.
            ("we ate turkey", &[]),
            ("fine china", &[]),
            ("tell us more", &[]),
            ("jordan", &[]),
            // Shouted US.
            ("LET US PRAY", &[]),
            ("GOD BLESS US", &[]),
            ("US troops left", &["US"]),
            ("the US and Iran", &["US", "IR"]),
            ("US-LED STRIKES", &["US"]),
            ("cost US$5 million", &[]),
            ("U.S. forces", &["US"]),
            ("U.S.-led talks", &["US"]),
            ("the U.S.A.", &["US"]),
            ("Us and them", &[]),
            // Jordan, Chad, Cuba, Israel as people.
            ("Michael Jordan scored", &[]),
            ("Jordan Peterson said", &[]),
            ("Mr. Jordan said", &[]),
            ("Jordan said on Tuesday", &["JO"]),
            ("Israel and Jordan signed", &["IL", "JO"]),
            ("Amman, Jordan", &["JO", "JO"]),
            ("King Abdullah of Jordan", &["JO"]),
            ("In Jordan, prices rose", &["JO"]),
            ("Air Jordan shoes", &[]),
            ("MICHAEL JORDAN", &[]),
            ("AMMAN, JORDAN, March 3", &["JO", "JO"]),
            ("Chad Smith drummed", &[]),
            ("troops in Chad", &["TD"]),
            ("Lake Chad shrank", &["TD"]),
            ("Cuba Gooding won", &[]),
            ("Rabbi Israel Meir", &[]),
            ("Israel Radio said", &["IL"]),
            ("Tom Holland acted", &[]),
            // Washington.
            ("George Washington crossed", &[]),
            ("Denzel Washington starred", &[]),
            ("Washington state voters", &[]),
            ("the Washington Post reported", &[]),
            ("Washington said on Monday", &["US"]),
            ("WASHINGTON, March 3 - The", &["US"]),
            ("Washington, D.C., is hot", &["US"]),
            // Georgia.
            ("Tbilisi, Georgia", &["GE", "GE"]),
            ("Russia and Georgia", &["RU", "GE"]),
            ("Georgia's governor signed", &[]),
            ("Gov. Georgia", &[]),
            ("the state of Georgia", &[]),
            // Known limitation: the town before ", Georgia" is still read as a capital.
            ("Athens, Georgia", &["GR"]),
            ("Georgia Tech won", &[]),
            // Georgia is the US state; Atlanta itself is a US city of the gazetteer.
            ("flights from Atlanta across Georgia", &["US"]),
            // US towns.
            ("Lebanon, Pa., residents", &[]),
            ("Paris, Texas", &[]),
            ("Moscow, Idaho", &[]),
            ("Lebanon, Syria and Iraq", &["LB", "SY", "IQ"]),
            ("Paris, France", &["FR", "FR"]),
            // Regions and blockers.
            ("New Mexico", &[]),
            ("New Mexico and Mexico", &["MX"]),
            ("New Guinea", &[]),
            ("Papua New Guinea", &["PG"]),
            ("Guinea pig", &[]),
            ("Guinea-Bissau and Guinea", &["GW", "GN"]),
            ("Equatorial Guinea", &["GQ"]),
            ("Indian Ocean", &[]),
            ("Indian troops", &["IN"]),
            ("American Indian tribes", &[]),
            ("Latin American debt", &[]),
            ("New South Wales", &[]),
            ("Wales", &["GB"]),
            ("South China Sea", &["CN"]),
            ("South Sudan and Sudan", &["SS", "SD"]),
            ("Northern Ireland and Ireland", &["GB", "IE"]),
            ("Dominican Republic", &["DO"]),
            ("Dominican migrants", &["DO"]),
            ("Dominica", &["DM"]),
            ("Korea", &["KR"]),
            ("North Korea and South Korea", &["KP", "KR"]),
            ("North Korean missiles", &["KP"]),
            ("Congo", &["CD"]),
            ("Republic of Congo", &["CG"]),
            ("Democratic Republic of the Congo", &["CD"]),
            ("the Niger Delta", &["NG"]),
            // Accents and apostrophes.
            ("Türkiye", &["TR"]),
            ("Turkiye", &["TR"]),
            ("TÜRKIYE", &["TR"]),
            ("Côte d'Ivoire", &["CI"]),
            ("Cote d\u{2019}Ivoire", &["CI"]),
            // Historical names.
            ("the Soviet Union", &["RU"]),
            ("U.S.S.R.", &["RU"]),
            ("Soviet troops", &["RU"]),
            ("West German bonds", &["DE"]),
            ("Burma", &["MM"]),
            ("Zaire", &["CD"]),
            // Jerusalem and Palestine.
            ("Jerusalem", &["IL"]),
            ("East Jerusalem", &["PS"]),
            ("Ramallah", &["PS"]),
            ("the Gaza Strip", &["PS"]),
        ];
        for (text, want) in cases {
            assert_eq!(codes(text), *want, "{text:?}");
        }
    }

    #[test]
    fn kinds_and_spans() {
        let text = "Iraqi officials in Baghdad said Iraq's oil";
        let got = find_countries(text);
        let kinds: Vec<_> = got
            .iter()
            .map(|m| (m.kind, &text[m.start..m.end]))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (CountryMentionKind::Demonym, "Iraqi"),
                (CountryMentionKind::Capital, "Baghdad"),
                (CountryMentionKind::Name, "Iraq"),
            ]
        );
        let m = &find_countries("Il a visité la Côte d'Ivoire")[0];
        assert_eq!(
            &"Il a visité la Côte d'Ivoire"[m.start..m.end],
            "Côte d'Ivoire"
        );
    }

    #[test]
    fn seed_article() {
        // Own paraphrase of a typical wire story.
        let text = "BAGHDAD, Jan. 5 - The U.S. Secretary of State arrived in Baghdad on \
            Friday for talks with the Iraqi Prime Minister, days after U.S. forces in Iraq \
            and Syria came under attack from Iranian-backed militias. He told reporters that \
            Washington wanted to keep the war between Israel and Hamas from spreading, and \
            said the Palestinian Authority should play a role in Gaza and the West Bank once \
            the fighting ends. \"None of us wants a wider war,\" he said before flying on to \
            Turkey, where he was due to meet officials in Ankara.";
        let got = code_set(text);
        for want in ["US", "IQ", "SY", "IR", "IL", "TR", "PS"] {
            assert!(got.contains(want), "missing {want} in {got:?}");
        }
        let allowed: BTreeSet<&str> = ["US", "IQ", "SY", "IR", "IL", "TR", "PS"]
            .into_iter()
            .collect();
        assert_eq!(got, allowed, "unexpected codes");
    }

    #[test]
    fn every_table_name_is_found_in_text() {
        for c in all() {
            let text = format!("News from {} today.", c.name);
            assert!(codes(&text).contains(&c.code), "{} not found", c.name);
        }
    }

    /// Scratch measurement against Reuters-21578 gold places (document-level labels).
    /// Run with `MORGUE_REUTERS_JSONL=/path/to.jsonl cargo test --lib
    /// extract::countries::tests::reuters_eval -- --ignored --nocapture`.
    #[test]
    #[ignore = "needs the Reuters-21578 JSONL on disk"]
    fn reuters_eval() {
        let Ok(path) = std::env::var("MORGUE_REUTERS_JSONL") else {
            return;
        };
        let data = std::fs::read_to_string(path).expect("readable JSONL");
        let gold_code = |p: &str| -> Option<&'static str> {
            match p {
                // In 1987 Zaire was its own tag, so "congo" is Congo-Brazzaville.
                "congo" => Some("CG"),
                "trinidad-tobago" => Some("TT"),
                "yemen-demo-republic" => Some("YE"),
                _ => resolve(&p.replace('-', " ")).ok().map(|c| c.code),
            }
        };
        let (mut gold_n, mut pred_n, mut hit_n) = (0usize, 0usize, 0usize);
        let (mut pred_nc, mut hit_nc) = (0usize, 0usize);
        let mut bytes = 0usize;
        let mut elapsed = std::time::Duration::ZERO;
        let mut missed: HashMap<&str, usize> = HashMap::new();
        let mut extra: HashMap<String, usize> = HashMap::new();
        for line in data.lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            let field = |k: &str| v[k].as_str().unwrap_or("").to_string();
            let text = format!(
                "{}\n{}\n{}",
                field("title"),
                field("dateline"),
                field("body")
            );
            let gold: BTreeSet<&str> = v["places"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|p| p.as_str().and_then(gold_code))
                        .collect()
                })
                .unwrap_or_default();
            if gold.is_empty() {
                continue;
            }
            let t0 = std::time::Instant::now();
            let found = find_countries(&text);
            elapsed += t0.elapsed();
            bytes += text.len();
            let pred: BTreeSet<&str> = found.iter().map(|m| m.code).collect();
            let pred_no_cap: BTreeSet<&str> = found
                .iter()
                .filter(|m| m.kind != CountryMentionKind::Capital)
                .map(|m| m.code)
                .collect();
            gold_n += gold.len();
            pred_n += pred.len();
            hit_n += pred.intersection(&gold).count();
            pred_nc += pred_no_cap.len();
            hit_nc += pred_no_cap.intersection(&gold).count();
            for g in gold.difference(&pred) {
                *missed.entry(g).or_default() += 1;
            }
            for m in &found {
                if !gold.contains(m.code) {
                    *extra
                        .entry(format!("{} {}", m.code, &text[m.start..m.end]))
                        .or_default() += 1;
                }
            }
        }
        let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
        println!(
            "recall {:.1}% precision {:.1}%",
            pct(hit_n, gold_n),
            pct(hit_n, pred_n)
        );
        println!(
            "without capitals: recall {:.1}% precision {:.1}%",
            pct(hit_nc, gold_n),
            pct(hit_nc, pred_nc)
        );
        println!(
            "{:.1} MB/s ({} bytes)",
            bytes as f64 / 1e6 / elapsed.as_secs_f64(),
            bytes
        );
        let mut m: Vec<_> = missed.into_iter().collect();
        m.sort_by_key(|e| std::cmp::Reverse(e.1));
        println!("missed: {:?}", &m[..m.len().min(30)]);
        let mut x: Vec<_> = extra.into_iter().collect();
        x.sort_by_key(|e| std::cmp::Reverse(e.1));
        println!("not in gold: {:?}", &x[..x.len().min(60)]);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_are_valid(s in "\\PC{0,80}") {
            for m in find_countries(&s) {
                proptest::prop_assert!(m.start < m.end && m.end <= s.len());
                proptest::prop_assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
            }
            let _ = resolve(&s);
        }

        #[test]
        fn mixed_with_country_words(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("Iraq".to_string()),
                    proptest::strategy::Just("US".to_string()),
                    proptest::strategy::Just("Georgia".to_string()),
                    proptest::strategy::Just("Jordan".to_string()),
                    proptest::strategy::Just("Côte d’Ivoire".to_string()),
                    proptest::strategy::Just(", ".to_string()),
                    "\\PC{0,6}",
                ],
                0..12,
            )
        ) {
            let s = parts.join(" ");
            let mut last_end = 0;
            for m in find_countries(&s) {
                proptest::prop_assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
                proptest::prop_assert!(m.start >= last_end, "overlap");
                last_end = m.end;
            }
            let _ = resolve(&s);
        }
    }
}
