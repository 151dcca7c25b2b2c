//! Countries: the country table (the one source of truth for countries in the product),
//! turning what a user types into a country ([`resolve`]), and finding country mentions
//! in article text ([`find_countries`]).
//!
//! This module owns: the list of countries with their codes, names, aliases, demonyms
//! and capitals (data in `countries/table.rs`); the matching rules deciding whether a
//! capitalised word in running text is a country. It does not own: storing or scoring
//! mentions (the indexer decides what to do with [`CountryMentionKind::Capital`] hits,
//! which are weaker evidence than names), people or places below country level.
//!
//! Documented choices:
//! - States that no longer exist are countries of their own, with their ISO 3166-3 codes
//!   (Soviet Union `SU`, East Germany `DD`, Yugoslavia `YU`, Czechoslovakia `CS`, Zaire
//!   `ZR`, Dahomey `DY`, Upper Volta `HV`, Rhodesia `RH`, South Yemen `YD`, North Vietnam
//!   `VD`, New Hebrides `NH`, Netherlands Antilles `AN`), so an archive of any era
//!   says what its articles said: a 1987 story on Moscow is about the Soviet Union, not
//!   Russia. A name that only ever meant the old state (`Soviet`, `USSR`, `Yugoslavia`,
//!   `East German`, `Zaire`) gives its code whatever the date: a 2023 story on "former
//!   Soviet republics" speaks of the Soviet Union.
//! - The publication date decides what a name shared across eras means ([`Era`]): before
//!   26 December 1991 `Russia`, `Russian`, `Moscow`, `Kremlin` mean `SU`; before 1993
//!   `Prague` and `Czech` mean `CS`; before 4 February 2003 (when the rump Yugoslavia
//!   took the name Serbia and Montenegro) `Belgrade` means `YU`; before 17 May 1997
//!   `Kinshasa` means `ZR` and `Congo` alone the Republic of the Congo (`CG`); East German
//!   cities are `DD` before reunification (3 October 1990). `Germany`, `West Germany`,
//!   `Bonn` are `DE` in every era: the Federal Republic had that code before 1990 too.
//!   Without a publication date a shared name takes today's meaning: most archives are
//!   recent, and a wrong old meaning would hide today's news from today's searches.
//! - Republics of a former union keep their own codes in every era (`Ukraine`, `Croatia`,
//!   `Slovakia`, `Tbilisi`): a search for the place finds its whole history.
//! - A state that was only renamed and kept its name in use stays one entry: Burma → MM,
//!   Swaziland → SZ, Ceylon → LK, Persia → IR, Kampuchea → KH, North Yemen → YE.
//! - England, Scotland, Wales and Northern Ireland → GB; Holland → NL.
//! - `Korea` alone → KR and, since 1997, `Congo` alone → CD (the larger, far more often
//!   meant state), `Congolese` too; `Dominican` → DO (not Dominica).
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
//!   and Israel for the preceding word only): rejected after an honorific (`Mr.`), an
//!   initial (`E.C. Jordan`) or a capitalised word that is not a known context word
//!   (`Michael Jordan`), and before a capitalised word (`Jordan Peterson`, `Washington
//!   Post`). In ALL CAPS they are rejected before another all-caps word (`CHAD SMITH`).
//! - A surname stays a surname: once an article writes `Jerry Jordan` or `Mr. Jordan`, a
//!   bare `Jordan` elsewhere in it (`Jordan said`) is that person, unless the article
//!   also names the country another way (`Amman`, `Jordanian`).
//! - `Washington state` is the US state. `Georgia` is the US state after `Gov.`, `state
//!   of`, `governor of`, `Democrat from` or `<City>,` (`Athens, Georgia`), before `state`,
//!   `governor`, `Tech` or `-Pacific`, in `<City> (Georgia)`, next to another US state in
//!   a list (`the Carolinas, Georgia and northern Alabama`), and anywhere in an article
//!   that places it in the US (`Atlanta`, `Savannah`, `Ga.`, `Georgia Power`) and not in
//!   the Caucasus (`Tbilisi`, `Caucasus`, `Soviet Georgia`, `republic of Georgia`). While
//!   the Soviet Union existed there was no independent Georgia: in an article published
//!   before 26 December 1991, `Georgia` is a country only in such a Caucasian context.
//! - A name or capital followed by `, <US state>` is a US town (`Lebanon, Pa.`,
//!   `Paris, Texas`, `Moscow, Idaho`).
//! - Cities that are not capitals come from the gazetteer (`countries/cities.rs`) and make
//!   [`CountryMentionKind::City`] mentions, in the same automaton pass. Each has a scope:
//!   anywhere (`Frankfurt`), anywhere unless it reads as a person (`Whitney Houston`), or
//!   only in a dateline (`AUSTIN, Texas, May 4 -`, `CHARLOTTE (Reuters) -`): a line that
//!   starts with the place, followed by a date, an agency in brackets or a spaced dash.
//! - A US state or Canadian province right after the place of a dateline (`SAN BRUNO,
//!   Calif., March 2 -`) is a mention of its country, whatever the town; elsewhere states
//!   and provinces are no mention.

mod table;

mod cities;

use cities::Scope;

use super::dates::full_month_names;
use crate::text::fold_keep_case;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::LazyLock;

/// One country of the table.
#[derive(Debug)]
pub struct Country {
    /// ISO 3166-1 alpha-2 (plus PS, XK, TW); for a state that no longer exists, the
    /// alpha-2 part of its ISO 3166-3 code (`SU`, `DD`).
    pub code: &'static str,
    /// Common English short name: "Iraq", "United States".
    pub name: &'static str,
    /// Other names and abbreviations: "U.S.", "USA", "America".
    pub aliases: &'static [&'static str],
    /// Demonyms and adjectives: "Iraqi", "Iraqis".
    pub demonyms: &'static [&'static str],
    /// Capitals and seats of government used as metonyms: "Baghdad".
    pub capitals: &'static [&'static str],
    /// For a state that no longer exists: the first day it did not (`SU`: 1991-12-26).
    pub ended: Option<NaiveDate>,
}

/// Forms of the table that meant another country in articles published before a day:
/// `Moscow` meant the Soviet Union until 26 December 1991. The form itself belongs to
/// the country it means today; an era only changes its meaning for older articles.
#[derive(Debug)]
struct Era {
    /// The country the forms meant then.
    code: &'static str,
    /// The first publication day on which the forms take their meaning of today.
    until: NaiveDate,
    /// Surface forms of the country table or city names of the gazetteer.
    forms: &'static [&'static str],
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
    /// A city of the gazetteer (`countries/cities.rs`) that is not the capital.
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
///
/// `published` is the article's publication day: a name shared across eras means the
/// country of that day (`Moscow` in 1987 is the Soviet Union). Without it, shared names
/// take today's meaning (see the module doc).
pub fn find_countries(text: &str, published: Option<NaiveDate>) -> Vec<CountryMention> {
    let m = &*MATCHER;
    let mut hits: Vec<Hit> = Vec::new();
    for hit in m.ac.find_iter(text) {
        let pat = &m.pats[hit.pattern().as_usize()];
        let (s, e) = (hit.start(), hit.end());
        // A blocker consumes its span (so "New Mexico" hides "Mexico") and yields nothing.
        if pat.country.is_none()
            || !at_word_boundaries(text, s, e)
            || !city_counts_here(text, s, e, pat)
        {
            continue;
        }
        hits.push(Hit { pat, s, e });
    }
    let article = Article::read(text, published, &hits);
    hits.iter()
        .filter(|h| passes_rules(text, h.s, h.e, h.pat, &article) && !article.is_surname(text, h))
        .filter_map(|h| {
            Some(CountryMention {
                code: all()[usize::from(h.pat.country_on(published)?)].code,
                start: h.s,
                end: h.e,
                kind: h.pat.kind,
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Resolving user input

/// Folds what a user may type differently: case, accents, curly quotes, dots, hyphens,
/// repeated spaces and a leading article.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.trim().chars().map(fold_keep_case) {
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
        let d = strsim::levenshtein(key, form);
        if d <= limit && best.is_none_or(|(bd, bi)| (d, i) < (bd, bi)) {
            best = Some((d, i));
        }
    }
    let suggestions: &'static Vec<String> = &SUGGESTIONS;
    best.map(|(_, i)| suggestions[i].as_str())
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
/// Both person rules: the form is a name people carry (`Jordan`, `Washington`).
const R_PERSON_BOTH: u8 = R_PERSON_PREV | R_PERSON_NEXT;

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
    /// What the form meant in articles published before a day ([`Era`]): the day and
    /// the index in the table of the country it meant.
    earlier: Option<(NaiveDate, u16)>,
    kind: CountryMentionKind,
    rules: u8,
    /// This pattern is the ALL CAPS spelling of a form that has lowercase letters.
    shouted: bool,
    /// Where the form counts; `A` for every form of the country table.
    scope: Scope,
}

impl Pattern {
    /// The table index of the country this form means in an article published on that day.
    fn country_on(&self, published: Option<NaiveDate>) -> Option<u16> {
        match (self.earlier, published) {
            (Some((until, then)), Some(day)) if day < until => Some(then),
            _ => self.country,
        }
    }
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
    let folded: String = form.chars().map(fold_keep_case).collect();
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

/// The table index of a code; the table has about 200 rows, far below `u16::MAX`.
fn index_of(code: &str) -> Option<u16> {
    all()
        .iter()
        .position(|c| c.code == code)
        .and_then(|i| u16::try_from(i).ok())
}

/// The era of a form as written in the table or the gazetteer, if it has one.
fn earlier_meaning(form: &str) -> Option<(NaiveDate, u16)> {
    let era = table::ERAS.iter().find(|era| era.forms.contains(&form))?;
    Some((era.until, index_of(era.code)?))
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
                    earlier: None,
                    kind,
                    rules: 0,
                    shouted,
                    scope: Scope::A,
                },
            );
        }
    }
    for c in all() {
        let country = index_of(c.code);
        for (form, kind) in c.surface_forms() {
            // "the Netherlands": in text the form without the article is found.
            if form.starts_with("the ") {
                continue;
            }
            let rules = rules_for(form, kind);
            let earlier = earlier_meaning(form);
            for (s, shouted) in spellings(form) {
                add(
                    s,
                    Pattern {
                        country,
                        earlier,
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
        let country = index_of(code);
        let mut rules = 0;
        if scope == Scope::P {
            rules |= R_PERSON_PREV | R_PERSON_NEXT;
        }
        // `Toronto, Ohio` is a US town; a US city followed by its state stays US.
        if code != "US" {
            rules |= R_PLACE;
        }
        let earlier = earlier_meaning(form);
        for (s, shouted) in spellings(form) {
            add(
                s,
                Pattern {
                    country,
                    earlier,
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

/// Words that put an article's `Georgia` in the Caucasus.
const GEORGIA_CAUCASUS: &[&str] = &[
    "Tbilisi",
    "TBILISI",
    "Caucasus",
    "CAUCASUS",
    "Transcaucasia",
    "Transcaucasian",
    "Abkhazia",
    "Ossetia",
    "Soviet Georgia",
    "SOVIET GEORGIA",
    "republic of Georgia",
    "Republic of Georgia",
    "REPUBLIC OF GEORGIA",
    "Georgian SSR",
];

/// Words that put an article's `Georgia` in the United States: its cities, its postal
/// abbreviation, the companies named after it.
const GEORGIA_US: &[&str] = &[
    "Atlanta",
    "ATLANTA",
    "Savannah",
    "SAVANNAH",
    "Ga.",
    "GA.",
    "Georgia Power",
    "GEORGIA POWER",
    "Georgia-Pacific",
    "GEORGIA-PACIFIC",
    "Georgia Gulf",
    "GEORGIA GULF",
    "Georgia Tech",
    "Fulton County",
    "DeKalb",
];

/// Plural names of US regions that stand in lists of states (`the Carolinas, Georgia`).
const US_STATE_GROUPS: &[&str] = &["Carolinas", "Dakotas", "Alaska", "Hawaii"];

/// A match of the automaton that is a whole word and counts where it stands.
struct Hit<'p> {
    pat: &'p Pattern,
    s: usize,
    e: usize,
}

/// What the whole article says that the rule for one mention needs.
struct Article<'t> {
    published: Option<NaiveDate>,
    /// The article names Georgia and puts it in the Caucasus (`Tbilisi`).
    georgia_caucasus: bool,
    /// The article names Georgia and puts it in the US (`Atlanta`, `Ga.`).
    georgia_us: bool,
    /// Person-like forms, as written, that the article uses as a surname (`Jerry Jordan`).
    surnames: Vec<&'t str>,
    /// Table rows the article names by a form that cannot be a person's name.
    named_plainly: Vec<u16>,
}

impl<'t> Article<'t> {
    fn read(text: &'t str, published: Option<NaiveDate>, hits: &[Hit]) -> Self {
        let names_georgia = hits.iter().any(|h| h.pat.rules & R_GEORGIA != 0);
        let mut article = Article {
            published,
            georgia_caucasus: names_georgia
                && GEORGIA_CAUCASUS.iter().any(|w| contains_word(text, w)),
            georgia_us: names_georgia && GEORGIA_US.iter().any(|w| contains_word(text, w)),
            surnames: Vec::new(),
            named_plainly: Vec::new(),
        };
        for h in hits {
            if h.pat.rules & R_PERSON_BOTH == R_PERSON_BOTH
                && !h.pat.shouted
                && used_as_surname(text, h.s, h.e)
            {
                article.surnames.push(&text[h.s..h.e]);
            }
        }
        // Only an article with a surname needs to know what else it names.
        if !article.surnames.is_empty() {
            for h in hits {
                if h.pat.rules & R_PERSON_BOTH == 0
                    && let Some(country) = h.pat.country
                    && passes_rules(text, h.s, h.e, h.pat, &article)
                {
                    article.named_plainly.push(country);
                }
            }
        }
        article
    }

    /// A bare person-like name (`Jordan said`) in an article that uses it as a surname
    /// and names the country no other way.
    fn is_surname(&self, text: &str, h: &Hit) -> bool {
        h.pat.rules & R_PERSON_BOTH == R_PERSON_BOTH
            && !h.pat.shouted
            && self.surnames.contains(&&text[h.s..h.e])
            && h.pat
                .country
                .is_some_and(|c| !self.named_plainly.contains(&c))
    }
}

/// `w` somewhere in `text` as a whole word.
fn contains_word(text: &str, w: &str) -> bool {
    text.match_indices(w)
        .any(|(i, _)| at_word_boundaries(text, i, i + w.len()))
}

fn passes_rules(text: &str, s: usize, e: usize, pat: &Pattern, article: &Article) -> bool {
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
    if r & R_GEORGIA != 0 && !georgia_is_country(text, s, e, article) {
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

/// `E.`, `E.C.`, `<E.C.`: initials before a surname (an opening bracket or quote may
/// precede them), but not a country's abbreviation (`U.S.`).
fn is_initials(t: &str) -> bool {
    let t = t.trim_start_matches(['<', '(', '"', '\'', '\u{201c}']);
    let letters = t.chars().filter(|c| *c != '.').count();
    (1..=3).contains(&letters)
        && t.ends_with('.')
        && t.chars().all(|c| c == '.' || c.is_ascii_uppercase())
        && !t.contains("..")
        && !is_country_name(t)
}

fn looks_like_person(text: &str, s: usize, e: usize, pat: &Pattern) -> bool {
    let prev = prev_token(text, s);
    let next = next_token(text, e);
    // `Soviet Georgia`: a place qualified by a country is no given name and surname. In a
    // headline (`SOVIET GEORGIA HIT BY FLOODS`) the next word says nothing either.
    let qualified = prev.is_some_and(|p| is_country_name(strip_punct(p)));
    if qualified && pat.shouted {
        return false;
    }
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
        && !qualified
        && let Some(p) = prev
        && (HONORIFICS.contains(&p)
            || is_initials(p)
            || (is_title_word(p) && !CONTEXT_BEFORE.contains(&p)))
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

/// The name at `s..e` is someone's surname here: a title, initials or a given name come
/// before it (`Mr. Jordan`, `E.C. Jordan`, `Jerry Jordan`) and no capitalised word
/// follows (in `Boosts Jordan Aid` the capitals are a headline's, not a name's).
fn used_as_surname(text: &str, s: usize, e: usize) -> bool {
    let Some(p) = prev_token(text, s) else {
        return false;
    };
    if HONORIFICS.contains(&p) || is_initials(p) {
        return true;
    }
    is_title_word(p)
        && !CONTEXT_BEFORE.contains(&p)
        && !is_country_name(p)
        && !next_token(text, e).is_some_and(|n| is_title_word(strip_punct(n)))
}

/// Whether this `Georgia` is the country: not the US state by its own context, and the
/// article puts it in the Caucasus, or (since the Soviet Union ended) does not put it
/// in the US.
fn georgia_is_country(text: &str, s: usize, e: usize, article: &Article) -> bool {
    if georgia_is_us_state_here(text, s, e) {
        return false;
    }
    if article.georgia_caucasus {
        return true;
    }
    let soviet_era = article.published.is_some_and(|d| d < table::SU_END);
    !soviet_era && !article.georgia_us
}

/// The words around this `Georgia` make it the US state.
fn georgia_is_us_state_here(text: &str, s: usize, e: usize) -> bool {
    let before = &text[..s];
    let after = &text[e..];
    let us_before = [
        "state of ",
        "State of ",
        "governor of ",
        "Governor of ",
        "Democrat from ",
        "Republican from ",
    ];
    if us_before.iter().any(|w| before.ends_with(w)) {
        return true;
    }
    if let Some(p) = prev_token(text, s) {
        if matches!(p, "Gov." | "Governor" | "Gov") {
            return true;
        }
        // "Athens, Georgia": a town then the state, unless the town is Georgian or the
        // word is a country of a list ("Armenia, Georgia and Azerbaijan").
        if p.strip_suffix(',')
            .is_some_and(|t| is_title_word(t) && !is_country_name(t))
            && !GEORGIAN_CITIES.contains(&p)
        {
            return true;
        }
    }
    // "the Lakewood (Georgia) plant".
    if before.ends_with('(')
        && after.starts_with(')')
        && prev_token(text, s - 1).is_some_and(is_title_word)
    {
        return true;
    }
    let us_after = [
        "'s governor",
        "\u{2019}s governor",
        " governor",
        " Governor",
        " state",
        " State",
        " Tech",
        "-Pacific",
    ];
    us_after.iter().any(|w| after.starts_with(w)) || next_to_us_state(text, s, e)
}

/// `Florida, Georgia`, `the Carolinas, Georgia and northern Alabama`: a US state next to
/// the word in a list.
fn next_to_us_state(text: &str, s: usize, e: usize) -> bool {
    const SEPARATORS: [&str; 4] = [", and ", " and ", ", ", " or "];
    let is_state =
        |w: &str| US_STATE_GROUPS.contains(&w) || (!w.contains('.') && US_STATES.contains(&w));
    // One word or two ("North Carolina"), in text order.
    let names_state = |words: &[&str]| match words {
        [] => false,
        [one] => is_state(one),
        [first, second] => is_state(&format!("{first} {second}")),
        _ => false,
    };
    if let Some(before) = SEPARATORS
        .iter()
        .find_map(|sep| text[..s].strip_suffix(sep))
    {
        let run_start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphabetic() || c == ' '))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let words: Vec<&str> = before[run_start..].split_whitespace().collect();
        let n = words.len();
        if names_state(&words[n.saturating_sub(1)..]) || names_state(&words[n.saturating_sub(2)..])
        {
            return true;
        }
    }
    let Some(rest) = SEPARATORS
        .iter()
        .find_map(|sep| text[e..].strip_prefix(sep))
    else {
        return false;
    };
    // Skip a direction: "and north Florida", "and southwestern Alabama".
    let rest = match rest.split_once(' ') {
        Some((w, tail))
            if ["north", "south", "east", "west", "central"]
                .iter()
                .any(|d| w.starts_with(d)) =>
        {
            tail
        }
        _ => rest,
    };
    let run = rest
        .split(|c: char| !(c.is_alphabetic() || c == ' '))
        .next()
        .unwrap_or("");
    let words: Vec<&str> = run.split_whitespace().take(2).collect();
    names_state(&words[..words.len().min(1)]) || names_state(&words)
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

/// Whether `text[start..end]` is the place a wire dateline opens with: at the
/// start of a line, followed by a date, an agency in brackets or a dash, maybe
/// after a state (`FRANKLIN, Mich., March 3 -`), whether or not the place is in
/// the gazetteer. People's names are never that (`extract::names`).
pub fn is_dateline_place(text: &str, start: usize, end: usize) -> bool {
    in_dateline(text, start, end)
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
            && full_month_names().any(|m| m.starts_with(&lower))
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
mod tests;
