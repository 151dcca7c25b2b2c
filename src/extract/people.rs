//! People: full names of the people an article mentions.
//!
//! Candidates come from two sources. A statistical tagger ([`tagger`], an averaged
//! perceptron trained on the CoNLL-2003 English training data, shipped as weights)
//! marks person spans; the rules below complete it where they know better (a name that
//! only adds given names or initials to a tagger span, lowercase `al-Sudani` linking to
//! a full name) and then do the rest as before: canonical names, alias merging and
//! surname linking. Without weights (an empty `people/tagger.weights`) the rules run
//! alone. The rule steps:
//!
//! 1. **Tokenise** into words with byte spans. Abbreviations and initials keep their
//!    period (`Mr.`, `W.`, `U.S.`), internal hyphens and apostrophes stay inside a word
//!    (`al-Sudani`, `O'Brien`, `Jean-Luc`), and a possessive `'s`/`’s` is cut off the
//!    span but remembered.
//! 2. **Group** runs of capitalised words on one line, bridging lowercase name particles
//!    (`de`, `von der`, `bin`) and initials, into candidate sequences.
//! 3. **Trim** each sequence: everything up to its last title (`President`, `Mr.`,
//!    `Secretary`) goes, and so do leading non-name words (demonyms, weekdays,
//!    sentence starters like `The` or `Speaking`). Sequences with organisation or
//!    place words (`Authority`, `Bank`, `Gulf`, `West ...`) are dropped.
//! 4. **Decide** whether a two-plus-word remainder is a person: it needs evidence, i.e. a
//!    known given name first, a title before it, an initial inside, a `said`/`, who`
//!    after it, a known surname last, or its last word reappearing alone elsewhere.
//! 5. **Link** one-word mentions (`Blinken`, `al-Sudani`, `BLINKEN` in an all-caps
//!    headline) to the full names of the same article, wherever those appear. A lone
//!    surname with no full name survives only after a strong title (`Mr. Smith`,
//!    `President Abbas`), and is then the person's name (`King Fahd` for a monarch).
//! 6. **Read headlinese**: in an all-caps headline that names someone no other text
//!    does, a frequent surname or a titled word opening the subject of a headline verb
//!    is a person (`TREASURY'S BAKER SAYS`, `PRESIDENT REAGAN'S`), see
//!    `headline_person`.
//!
//! Names compare through [`person_key`] (lowercased, common Latin diacritics folded,
//! Arabic article dropped), so `al-Sudani`, `Al-Sudani` and `Sudani` are one surname.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::text::{fold, is_mark, titlecase};
use std::sync::LazyLock;

/// The word lists: sets of short strings looked up for every capitalised token, with
/// rustc-hash's Fx hash instead of the DoS-resistant SipHash the standard library
/// defaults to (the keys are our own lists, not attacker input).
type WordSet = FxHashSet<&'static str>;

pub mod tagger;

/// One person in one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// Canonical full name, as first written in full: "Mohammed Shia al-Sudani";
    /// or the one name the article knows the person by: "Baker", "King Fahd".
    pub name: String,
    /// Byte spans of every mention (full or partial) in the text.
    pub mentions: Vec<(usize, usize)>,
    /// `name` has a given name and a surname; otherwise it is a surname alone (or a
    /// monarch's name), which the archive may know in full (`index::people`).
    pub full: bool,
    /// Offices and titles written right before a mention, lowercase:
    /// `treasury secretary`, `white house chief of staff`, `president`.
    pub roles: Vec<String>,
    /// A surname alone with nothing but a verb to say it is a person (`Sumita
    /// says ...`, a headline's `VOLCKER SEES ...`): firms and teams "say" too, so
    /// it is a person only when the archive knows someone by that surname in full
    /// (`extract::resolve`). Not a mention for the article on its own.
    pub weak: bool,
}

mod candidates;
mod tokens;
mod words;

use candidates::*;
use tokens::*;
use words::*;
pub(crate) use words::{is_given_name, is_org_word};

// ---------------------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------------------

/// Normalised form of a name or name word for comparing mentions: lowercase, common
/// Latin diacritics folded (`Erdoğan` = `Erdogan`), curly apostrophes made straight,
/// a leading Arabic article dropped (`al-Sudani` = `Al-Sudani` = `Sudani`) and inner
/// whitespace collapsed.
pub fn person_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (n, word) in name.split_whitespace().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        let lower_prefix = word
            .split_once('-')
            .filter(|(pre, rest)| {
                matches!(
                    pre.to_lowercase().as_str(),
                    "al" | "el" | "ad" | "ash" | "as" | "at" | "an" | "ar" | "az"
                ) && !rest.is_empty()
            })
            .map(|(_, rest)| rest);
        let word = lower_prefix.unwrap_or(word);
        for c in word.chars() {
            if c == '’' {
                out.push('\'');
                continue;
            }
            if is_mark(c) {
                continue;
            }
            for l in c.to_lowercase() {
                out.push(fold(l));
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Linking
// ---------------------------------------------------------------------------------------

#[derive(Debug)]
struct Acc {
    name: String,
    /// Name words in the canonical form (count decides which form wins).
    words: usize,
    first_key: String,
    last_key: String,
    /// Lowercase particles right before the surname in the canonical form (`de`).
    particles: Vec<String>,
    mentions: Vec<(usize, usize)>,
    /// Only the archive can confirm it (see [`Person::weak`]).
    weak: bool,
}

fn name_of(text: &str, tokens: &[Token], first: usize, last: usize) -> String {
    let mut name = String::new();
    for t in &tokens[first..=last] {
        if !name.is_empty() {
            name.push(' ');
        }
        name.push_str(word(text, t));
    }
    name
}

/// Whether two first-word keys can be the same person: equal, or an initial of the other.
pub(crate) fn first_compatible(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let initial = |s: &str| s.len() <= 2 && s.ends_with('.');
    (initial(a) && b.starts_with(&a[..1]))
        || (initial(b) && a.starts_with(&b[..1]))
        || same_given_name(a, b)
}

/// English given names and the short forms people go by (`Jim Wright` is `James
/// Wright`), lowercase: each row is one name. Facts of common usage, as listed in
/// any dictionary of given names.
#[rustfmt::skip]
const NICKNAMES: &[&[&str]] = &[
    &["james", "jim", "jimmy", "jamie"], &["robert", "bob", "bobby", "rob", "robbie", "bert"],
    &["william", "bill", "billy", "will", "willie", "willy"], &["richard", "dick", "rick", "ricky", "rich"],
    &["michael", "mike", "mick", "mickey"], &["thomas", "tom", "tommy"], &["anthony", "antony", "tony"],
    &["edward", "ed", "eddie", "ted", "teddy", "ned"], &["kenneth", "ken", "kenny"], &["joseph", "joe", "joey"],
    &["daniel", "dan", "danny"], &["david", "dave", "davy"], &["stephen", "steven", "steve"],
    &["christopher", "chris"], &["patrick", "pat", "paddy"], &["peter", "pete"], &["samuel", "sam", "sammy"],
    &["ronald", "ron", "ronnie"], &["donald", "don", "donnie"], &["gerald", "gerry", "jerry"],
    &["lawrence", "laurence", "larry"], &["andrew", "andy", "drew"], &["timothy", "tim", "timmy"],
    &["frederick", "frederic", "fred", "freddie"], &["albert", "al", "bert"], &["alan", "allan", "allen", "al"],
    &["benjamin", "ben", "benny"], &["charles", "charlie", "chuck"], &["henry", "hank", "harry"],
    &["john", "jack", "johnny"], &["nicholas", "nick", "nicky"], &["philip", "phillip", "phil"],
    &["gregory", "greg"], &["jeffrey", "geoffrey", "jeff", "geoff"], &["matthew", "matt"],
    &["alexander", "alex", "sandy"], &["elizabeth", "liz", "beth", "betty", "lizzie"],
    &["katherine", "catherine", "kathryn", "kate", "kathy", "cathy", "katie"], &["margaret", "maggie", "peggy", "meg"],
    &["susan", "sue", "susie"], &["jennifer", "jenny", "jen"], &["rebecca", "becky"], &["deborah", "debbie", "deb"],
    &["patricia", "pat", "patty", "trish"], &["barbara", "barb"], &["walter", "walt"], &["raymond", "ray"],
    &["douglas", "doug"], &["leonard", "leo", "len", "lenny"], &["eugene", "gene"], &["vincent", "vince"],
    &["terence", "terrence", "terry"], &["arthur", "art"], &["francis", "frank"], &["franklin", "frank"],
    &["harold", "hal", "harry"], &["jerome", "jerry"], &["zachary", "zach"], &["nathaniel", "nathan", "nat"],
    &["joshua", "josh"], &["jonathan", "jon"], &["mitchell", "mitch"], &["herbert", "herb"],
    &["clifford", "cliff"], &["bradley", "brad"], &["randolph", "randy"], &["stanley", "stan"],
];

/// Whether two given-name keys (lowercase) are one name, full or short.
fn same_given_name(a: &str, b: &str) -> bool {
    NICKNAMES
        .iter()
        .any(|row| row.contains(&a) && row.contains(&b))
}

/// How many of the census list's surnames (ordered by frequency) count as common.
const COMMON_SURNAMES: usize = 100;

/// Whether `word` (as written in the list: `Baker`) is among the most common US
/// surnames: a lone `Johnson` or `Baker` could be anyone, so the archive links it
/// to a full name only when the article's context agrees (see `extract::resolve`).
pub(crate) fn is_common_surname(word: &str) -> bool {
    static COMMON: LazyLock<WordSet> = LazyLock::new(|| {
        include_str!("people/surnames.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .take(COMMON_SURNAMES)
            .collect()
    });
    COMMON.contains(word)
}

/// Whether a multi-word candidate has enough evidence to be a person.
fn is_person(text: &str, tokens: &[Token], c: &Candidate, lone_keys: &FxHashSet<String>) -> bool {
    if c.model || c.title != Title::None || c.followed {
        return true;
    }
    let first = &tokens[c.first];
    let fw = word(text, first);
    if first.shape == Shape::Initial
        || tokens[c.first..=c.last]
            .iter()
            .any(|t| t.shape == Shape::Initial)
    {
        return true;
    }
    if GIVEN.contains(fw) && !(first.sentence_start && AMBIGUOUS_GIVEN.contains(fw)) {
        return true;
    }
    let lw = word(text, &tokens[c.last]);
    if lone_keys.contains(&person_key(lw)) {
        return true;
    }
    if !first.sentence_start && c.words() == 2 && SURNAMES.contains(lw) && !NON_NAME.contains(fw) {
        return true;
    }
    false
}

/// Whether a person's name is badly formed, whatever said it was a person: an
/// initial alone or at the end (`P.`, `Frank B.`), a lowercase particle at the
/// end (`Caisse de`), or a word that is never a name's (`H.K. Dlrs`, `Shr`).
fn is_malformed(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let initial =
        |w: &&str| w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 2;
    let Some(last) = words.last() else {
        return true;
    };
    // An organisation's word anywhere but in a given name's place (`Soo Line`,
    // `San Sebastian Gold Mine`).
    let org_word =
        |w: &&str| ORG_WORDS.contains(*w) && !GIVEN.contains(*w) && !SURNAMES.contains(*w);
    words.iter().all(initial)
        || words.len() > 1 && words[1..].iter().any(org_word)
        || words.len() == 1 && {
            // An office alone (`General`), unless a surname too (`Major`, `King`).
            let titled = titlecase(last);
            title_of(&titled) != Title::None && !SURNAMES.contains(titled.as_str())
        }
        || words.len() > 1 && initial(last)
        || PARTICLES.contains(*last)
        || words.iter().any(|w| {
            let titled = titlecase(w);
            // A given name among them is a name's (`Brent Beesley`); `Brent` alone
            // is the crude.
            (NOT_NAME_WORDS.contains(*w) || NOT_NAME_WORDS.contains(titled.as_str()))
                && (words.len() == 1 || !GIVEN.contains(titled.as_str()))
        })
}

/// People in `text` (title, blank line, body), in order of first mention: the
/// people the article alone says are people (no [`Person::weak`] ones).
pub fn find_people(text: &str) -> Vec<Person> {
    let unwrapped = unwrap_hard_wrapped_lines(text);
    let spans = tagger::MODEL.as_ref().map(|m| m.person_spans(&unwrapped));
    let mut people = people_in(&unwrapped, spans.as_deref());
    people.retain(|p| !p.weak);
    people
}

/// Name particles that join a given name to a surname in the languages of
/// Latin script, lowercase ([`plain_people`]). Articles (`der`, `das`, `le`) are not among them:
/// they join nouns in a German or French sentence (`von der Leyen` is `von`,
/// then `der` after it).
const PLAIN_PARTICLES: &[&str] = &[
    "von", "van", "zu", "de", "di", "da", "del", "della", "du", "dos", "ter", "ten", "al", "el",
    "bin", "ibn", "y",
];

/// People in a text that is not in English (`extract::language`), where
/// capitals mark nouns as well as names: only a known given name followed by one
/// to three capitalised words, joined by name particles at most (`der` only after
/// `von`/`van`), on one line and with nothing but spaces between (`Elisabeth
/// Brändle`, `Ursula von der Leyen`). A later lone surname is the same person
/// when one person of the article has it. Given names that are everyday words
/// (`Will`, `Mark`, `Art`) do not open a name.
pub fn plain_people(text: &str) -> Vec<Person> {
    let tokens = tokenize(text);
    let mut people: Vec<Person> = Vec::new();
    let mut taken = vec![false; tokens.len()];
    let mut k = 0;
    while k < tokens.len() {
        let first = word(text, &tokens[k]);
        if tokens[k].shape != Shape::Cap || !is_given_name(first) || AMBIGUOUS_GIVEN.contains(first)
        {
            k += 1;
            continue;
        }
        // Tokens k..=last; `last` is the latest capitalised word taken.
        let mut last = k;
        let mut j = k + 1;
        while j < tokens.len() && j - k < 4 && joined(text, &tokens[j - 1], &tokens[j]) {
            let w = word(text, &tokens[j]);
            let particle = tokens[j].shape == Shape::Lower
                && (PLAIN_PARTICLES.contains(&w)
                    || (w == "der" && matches!(word(text, &tokens[j - 1]), "von" | "van")));
            match tokens[j].shape {
                Shape::Cap => last = j,
                _ if particle => {}
                _ => break,
            }
            j += 1;
        }
        if last == k {
            k += 1;
            continue;
        }
        let (start, end) = (tokens[k].start, tokens[last].end);
        let name = text[start..end].to_string();
        for t in &mut taken[k..=last] {
            *t = true;
        }
        match people.iter_mut().find(|p| p.name == name) {
            Some(p) => p.mentions.push((start, end)),
            None => people.push(Person {
                name,
                mentions: vec![(start, end)],
                full: true,
                roles: Vec::new(),
                weak: false,
            }),
        }
        k = last + 1;
    }
    // Lone surnames, where exactly one person of the article has that surname.
    for (k, t) in tokens.iter().enumerate() {
        if taken[k] || t.shape != Shape::Cap {
            continue;
        }
        let w = word(text, t);
        let mut owners = people
            .iter_mut()
            .filter(|p| p.name.rsplit(' ').next() == Some(w));
        if let (Some(owner), None) = (owners.next(), owners.next()) {
            owner.mentions.push((t.start, t.end));
        }
    }
    for p in &mut people {
        p.mentions.sort_unstable();
    }
    people
}

/// People in `text` as [`unwrap_hard_wrapped_lines`] returns it, given the
/// tagger's person spans (`None` without a model), so that one tagging run
/// serves people and organisations alike.
pub fn people_in(text: &str, spans: Option<&[(usize, usize)]>) -> Vec<Person> {
    let tokens = tokenize(text);
    if tokens.is_empty() {
        return Vec::new();
    }
    let headlines = headline_lines(text, &tokens);
    let rule_cands = candidates(text, &tokens, &headlines);
    // Surnames written alone somewhere: evidence that a longer form is a person.
    let lone_keys: FxHashSet<String> = rule_cands
        .iter()
        .filter(|c| c.words() == 1)
        .map(|c| person_key(word(text, &tokens[c.first])))
        .collect();
    let cands = match spans {
        None => rule_cands,
        Some(spans) => merge_candidates(
            text,
            &tokens,
            model_candidates(text, &tokens, &headlines, spans),
            rule_cands,
            &lone_keys,
        ),
    };

    let mut people: Vec<Acc> = Vec::new();
    let mut rest: Vec<&Candidate> = Vec::new();
    for c in &cands {
        // `de Gaulle`: a surname with its particle, linked like the surname alone.
        let particle_led = tokens[c.first].shape == Shape::Lower;
        if c.words() < 2 || particle_led || !is_person(text, &tokens, c, &lone_keys) {
            rest.push(c);
            continue;
        }
        let first_key = person_key(word(text, &tokens[c.first]));
        let last_key = person_key(word(text, &tokens[c.last]));
        let span = (tokens[c.first].start, tokens[c.last].end);
        let words = c.words();
        let existing = people
            .iter_mut()
            .find(|p| p.last_key == last_key && first_compatible(&p.first_key, &first_key));
        match existing {
            Some(p) => {
                p.mentions.push(span);
                if words > p.words {
                    p.name = name_of(text, &tokens, c.first, c.last);
                    p.words = words;
                    p.first_key = first_key;
                }
            }
            None => {
                let particles = tokens[c.first..c.last]
                    .iter()
                    .rev()
                    .take_while(|t| t.shape == Shape::Lower)
                    .map(|t| word(text, t).to_string())
                    .collect();
                people.push(Acc {
                    name: name_of(text, &tokens, c.first, c.last),
                    words,
                    first_key,
                    last_key,
                    particles,
                    mentions: vec![span],
                    weak: false,
                });
            }
        }
    }

    // Lone words: mentions of a full name, or (after a strong title) a person known
    // only by surname.
    for c in rest {
        let t = &tokens[c.last];
        let key = person_key(word(text, t));
        // The tagger's one capitalised word on a headline says little (`BROOK`,
        // `MA`, a firm's `JOHN`): only the archive can confirm it.
        let headline_word = t.shape == Shape::Caps && headlines.contains(&t.line);
        let model = c.model && !headline_word;
        let strong = model || c.title == Title::Strong || c.title == Title::Weak && c.followed;
        if let Some(idx) = pick_person(&people, &key, t.start) {
            let mut start = extend_particles(text, &tokens, c.last, &people[idx].particles);
            if c.model {
                start = start.min(tokens[c.first].start);
            }
            people[idx].mentions.push((start, t.end));
            // `KING HARALD` on the headline, then `King Harald`: a person after all.
            people[idx].weak &= !strong;
            continue;
        }
        if c.model && c.words() > 1 {
            // A particle-led name the tagger found, with no fuller form.
            people.push(Acc {
                name: name_of(text, &tokens, c.first, c.last),
                words: c.words(),
                first_key: person_key(word(text, &tokens[c.first])),
                last_key: key,
                particles: Vec::new(),
                mentions: vec![(tokens[c.first].start, t.end)],
                weak: false,
            });
            continue;
        }
        if c.words() != 1 {
            continue;
        }
        let w = word(text, t);
        // `Dole said` alone is not enough: on CoNLL-2003 dev it cost more precision
        // (firms and teams also "say") than it gained recall.
        if NON_NAME.contains(w) || ORG_WORDS.contains(w) {
            continue;
        }
        let evidence = c.followed || verb_follows(text, &tokens, c.last) || c.model;
        let weak = !strong && evidence && could_be_surname(&titlecase(w));
        if strong || weak {
            people.push(Acc {
                name: w.to_string(),
                words: 1,
                first_key: key.clone(),
                last_key: key,
                particles: Vec::new(),
                mentions: vec![(t.start, t.end)],
                weak,
            });
        }
    }

    // A person an all-caps headline names in headlinese, where nothing else names them.
    let mut taken_until = 0;
    for k in 0..tokens.len() {
        let t = &tokens[k];
        if t.shape != Shape::Caps || t.start < taken_until || !headlines.contains(&t.line) {
            continue;
        }
        let key = person_key(&titlecase(word(text, &tokens[k])));
        let Some(first) = headline_person(text, &tokens, k) else {
            // Headlinese that only the archive can confirm: `VOLCKER SEES ...`.
            if headline_subject(text, &tokens, k) && pick_person(&people, &key, t.start).is_none() {
                people.push(Acc {
                    name: titlecase(word(text, t)),
                    words: 1,
                    first_key: key.clone(),
                    last_key: key,
                    particles: Vec::new(),
                    mentions: vec![(t.start, t.end)],
                    weak: true,
                });
                taken_until = t.end;
            }
            continue;
        };
        if pick_person(&people, &key, tokens[k].start).is_some() {
            continue;
        }
        let span = (tokens[first].start, tokens[k].end);
        if span.0 < taken_until {
            // `PARKER FIRMLY OPPOSES`: the "given name" is the surname just found.
            continue;
        }
        taken_until = span.1;
        // `CARL ICAHN`: a given name taken alone before goes into the full name.
        people.retain(|p| !p.mentions.iter().all(|m| span.0 <= m.0 && m.1 <= span.1));
        let name: Vec<String> = tokens[first..=k]
            .iter()
            .map(|t| titlecase(word(text, t)))
            .collect();
        people.push(Acc {
            first_key: person_key(&name[0]),
            last_key: key,
            name: name.join(" "),
            words: name.len(),
            particles: Vec::new(),
            mentions: vec![span],
            weak: false,
        });
    }

    // All-caps words and headline words only link to people found above.
    if !people.is_empty() {
        for (k, t) in tokens.iter().enumerate() {
            if !(t.shape == Shape::Caps || t.shape == Shape::Cap && headlines.contains(&t.line)) {
                continue;
            }
            let w = word(text, t);
            // A plain ASCII word keys to itself in lower case, and most match nobody:
            // those are skipped without building the key.
            if w.bytes().all(|b| b.is_ascii_alphabetic())
                && !people.iter().any(|p| p.last_key.eq_ignore_ascii_case(w))
            {
                continue;
            }
            let key = person_key(&titlecase(w));
            let Some(idx) = pick_person(&people, &key, t.start) else {
                continue;
            };
            let mut start = t.start;
            if k > 0 && joined(text, &tokens[k - 1], t) {
                let pk = person_key(&titlecase(word(text, &tokens[k - 1])));
                if pk == people[idx].first_key {
                    start = tokens[k - 1].start;
                }
            }
            people[idx].mentions.push((start, t.end));
        }
    }

    let mut out: Vec<Person> = people
        .into_iter()
        .map(|mut p| {
            p.mentions.sort_unstable();
            p.mentions.dedup();
            // A span inside another one (a headline re-match) is one mention.
            let mut kept: Vec<(usize, usize)> = Vec::with_capacity(p.mentions.len());
            for m in p.mentions {
                match kept.last() {
                    Some(&(_, e)) if m.0 < e => {}
                    _ => kept.push(m),
                }
            }
            let name = if p.words == 1 {
                one_word_name(text, p.name, &kept)
            } else {
                p.name
            };
            let mut roles: Vec<String> = Vec::new();
            for &(start, _) in &kept {
                let k = tokens.partition_point(|t| t.start < start);
                if k < tokens.len()
                    && tokens[k].start == start
                    && let Some(role) = role_before(text, &tokens, k)
                    && !roles.contains(&role)
                {
                    roles.push(role);
                }
            }
            Person {
                weak: p.weak,
                full: p.words >= 2 && !name.chars().next().is_some_and(char::is_lowercase),
                name,
                mentions: kept,
                roles,
            }
        })
        .collect();
    out.retain(|p| !is_malformed(&p.name));
    out.sort_by_key(|p| p.mentions.first().map_or(usize::MAX, |m| m.0));
    out
}

/// The name of a person known by one word: as some mention writes it in mixed case
/// (`Fahd`, not a headline's `FAHD`), after the royal title monarchs are known by
/// (`King Fahd`, `Queen Elizabeth`).
fn one_word_name(text: &str, name: String, mentions: &[(usize, usize)]) -> String {
    let mixed = mentions
        .iter()
        .map(|&(s, e)| &text[s..e])
        .find(|m| m.chars().any(char::is_lowercase) && !m.contains(' '));
    let name = match mixed {
        Some(m) if !name.chars().any(char::is_lowercase) => m.to_string(),
        // Only ever in capitals (a headline): `VOLCKER` is `Volcker`.
        _ if !name.chars().any(char::is_lowercase) => titlecase(&name),
        _ => name,
    };
    match mentions
        .iter()
        .find_map(|&(s, _)| royal_title_before(text, s))
    {
        Some(title) => format!("{title} {name}"),
        None => name,
    }
}

/// Lowercase words that may sit inside a title before a name (`Chancellor of the
/// Exchequer`, `Secretary for Trade`).
const ROLE_CONNECTORS: &[&str] = &["of", "the", "for", "and"];

/// Words that start a sentence or a clause rather than a title.
const ROLE_STOPS: &[&str] = &[
    "The", "A", "An", "And", "But", "Or", "As", "Said", "Says", "Told", "With", "By", "For",
    "From", "In", "On", "At", "To", "That", "When", "While", "After", "Before", "Former",
];

/// The office or title written right before token `k` (the first token of a
/// mention), lowercase: `treasury secretary` in `U.S. Treasury Secretary James Baker`,
/// `chancellor of the exchequer`, `president`, or the owner in a headline's `WHITE
/// HOUSE'S BAKER` (`white house`). Countries and demonyms end it (`U.S.`,
/// `British`): they say where, not which office. `None` when the words before hold
/// no title, role noun or owner.
fn role_before(text: &str, tokens: &[Token], k: usize) -> Option<String> {
    const MAX_WORDS: usize = 6;
    let mut words: Vec<String> = Vec::new();
    let mut titled = false;
    let mut owner = false;
    let mut j = k;
    while j > 0 && words.len() < MAX_WORDS {
        let (prev, cur) = (&tokens[j - 1], &tokens[j]);
        let possessive_link = prev.possessive
            && prev.line == cur.line
            && text.get(prev.end..cur.start).is_some_and(|g| {
                g.len() <= 6
                    && g.trim_start_matches(['\'', '’', 's', 'S'])
                        .trim()
                        .is_empty()
            });
        if !(joined(text, prev, cur) || possessive_link && words.is_empty()) {
            break;
        }
        let w = word(text, prev);
        let lower = w.to_lowercase();
        match prev.shape {
            Shape::Lower if ROLE_CONNECTORS.contains(&lower.as_str()) => {}
            Shape::Lower if ROLE_NOUNS.contains(lower.as_str()) => titled = true,
            Shape::Cap | Shape::Caps => {
                let titled_form = if prev.shape == Shape::Caps {
                    titlecase(w)
                } else {
                    w.to_string()
                };
                if ROLE_STOPS.contains(&titled_form.as_str())
                    || super::countries::is_country_name(&titled_form)
                    || w.contains('.') && prev.shape == Shape::Caps
                {
                    break;
                }
                if title_of(&titled_form) != Title::None {
                    titled = true;
                }
                owner |= possessive_link;
            }
            _ => break,
        }
        words.push(lower);
        j -= 1;
        if prev.sentence_start {
            break;
        }
    }
    while words
        .last()
        .is_some_and(|w| ROLE_CONNECTORS.contains(&w.as_str()))
    {
        words.pop();
    }
    words.reverse();
    if words.is_empty() || !(titled || owner) {
        return None;
    }
    Some(words.join(" "))
}

/// The royal title written (any case) right before byte `at`, one space between.
fn royal_title_before(text: &str, at: usize) -> Option<&'static str> {
    let before = text[..at].strip_suffix(' ')?;
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let w = &before[start..];
    ROYAL_TITLES
        .iter()
        .copied()
        .find(|t| t.eq_ignore_ascii_case(w))
}

/// The titles monarchs are known by, with their one name (`King Fahd`).
pub(crate) const ROYAL_TITLES: &[&str] =
    &["King", "Queen", "Prince", "Princess", "Emperor", "Empress"];

/// Whether token `k`, all caps on a headline, is the surname of a person the headline
/// names, and if so the token the name starts on (a given name before it).
///
/// Capitals say nothing about names, so the word needs evidence on both sides. Before
/// it: it opens the subject (`FED'S HELLER`, `PRESIDENT REAGAN`, `SAYS REAGAN`, not
/// the end of a firm's name as in `NEWMONT GOLD SEES`), and it is a frequent surname
/// or has a title or a given name before it. After it: a headline verb, not one whose
/// subject is `IT` (`SMITH SAYS IT WILL` is a firm), or a possessive after a title or
/// given name (`CHANCELLOR KOHL'S`).
fn headline_person(text: &str, tokens: &[Token], k: usize) -> Option<usize> {
    let t = &tokens[k];
    if t.shape != Shape::Caps {
        return None;
    }
    let verb = headline_verb_after(text, tokens, k);
    if verb.is_none() && !t.possessive {
        return None;
    }
    // The all-caps word right before token `j` (spaces between), title-cased.
    let caps_before = |j: usize| {
        (j > 0 && tokens[j - 1].shape == Shape::Caps && joined(text, &tokens[j - 1], &tokens[j]))
            .then(|| titlecase(word(text, &tokens[j - 1])))
    };
    let mut first = k;
    if let Some(g) = caps_before(k)
        && GIVEN.contains(g.as_str())
        && !AMBIGUOUS_GIVEN.contains(g.as_str())
        && !NON_NAME.contains(g.as_str())
    {
        first = k - 1;
    }
    let given = first < k;
    let before = caps_before(first);
    let titled = before
        .as_deref()
        .is_some_and(|p| HEADLINE_TITLES.contains(p));
    let reported = before.as_deref().is_some_and(is_reporting_verb);
    if before.is_some() && !titled && !reported {
        return None;
    }
    let w = titlecase(word(text, t));
    if !(titled || given || SURNAMES.contains(w.as_str())) {
        return None;
    }
    let verb_after = match verb {
        // `TO` and `WILL` follow nouns as often (`PRICE TO RISE`, `BANKS WILL`): only
        // after a title, a reporting verb or a possessive owner (`TREASURY'S BAKER TO`).
        Some("to" | "will") => {
            titled
                || reported
                || first > 0 && tokens[first - 1].possessive && tokens[first - 1].line == t.line
        }
        Some(_) => true,
        None => false,
    };
    let evidence = verb_after || t.possessive && (titled || given);
    (evidence && could_be_surname(&w)).then_some(first)
}

/// Whether a lowercase headline verb (`expects`, `sees`, `urges`) follows token
/// `k` on its line: `Miyazawa expects dollar to rebound`.
fn verb_follows(text: &str, tokens: &[Token], k: usize) -> bool {
    tokens.get(k + 1).is_some_and(|n| {
        joined(text, &tokens[k], n)
            && n.shape == Shape::Lower
            && HEADLINE_VERBS.contains(word(text, n))
            && !matches!(word(text, n), "to" | "will")
    })
}

/// Whether all-caps token `k` opens the subject of a headline verb, with no other
/// evidence that it is a person: at the start of the line, after an owner's
/// possessive (`FED'S HELLER`) or after `SAYS` (`BYRD SAYS REAGAN MAY`).
fn headline_subject(text: &str, tokens: &[Token], k: usize) -> bool {
    let t = &tokens[k];
    let w = titlecase(word(text, t));
    if t.shape != Shape::Caps
        || !could_be_surname(&w)
        || SURNAMES.contains(w.as_str()) && GIVEN.contains(w.as_str())
        || headline_verb_after(text, tokens, k).is_none()
    {
        return false;
    }
    match k.checked_sub(1).map(|j| &tokens[j]) {
        None => true,
        Some(prev) if prev.line != t.line => true,
        Some(prev) => {
            prev.possessive && prev.shape == Shape::Caps
                || joined(text, prev, t) && is_reporting_verb(word(text, prev))
        }
    }
}

/// `SAYS` / `SAID` (any case): what comes after it opens a reported clause.
fn is_reporting_verb(w: &str) -> bool {
    w.eq_ignore_ascii_case("says") || w.eq_ignore_ascii_case("said")
}

/// The headline verb (lowercased, from [`HEADLINE_VERBS`]) right after token `k`, or
/// after an adverb (`FULLY EXPECTS`); none when its subject turns out to be a thing
/// (`SAYS IT`, `SEES ITS`).
fn headline_verb_after(text: &str, tokens: &[Token], k: usize) -> Option<&'static str> {
    // Headline words are all caps: look them up as written, without allocating.
    static BY_CAPS: LazyLock<FxHashMap<String, &'static str>> = LazyLock::new(|| {
        HEADLINE_VERBS
            .iter()
            .map(|&v| (v.to_uppercase(), v))
            .collect()
    });
    let after = |j: usize| {
        tokens
            .get(j + 1)
            .filter(|n| n.shape == Shape::Caps && joined(text, &tokens[j], n))
            .map(|n| word(text, n))
    };
    let mut j = k + 1;
    let mut next = after(k)?;
    if next.len() > 4 && next.ends_with("LY") {
        next = after(j)?;
        j += 1;
    }
    let verb = *BY_CAPS.get(next)?;
    let it = after(j).is_some_and(|n| n == "IT" || n == "ITS");
    (!it).then_some(verb)
}

/// Whether a capitalised word could be a surname at all: letters (with `'` or `-`),
/// three or more, and none of the rules' words for titles, places, organisations,
/// demonyms, verbs or roles.
fn could_be_surname(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3
        || !w
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || is_apostrophe(c))
    {
        return false;
    }
    let lower = w.to_lowercase();
    !(NON_NAME.contains(w)
        || ORG_WORDS.contains(w)
        || title_of(w) != Title::None
        || HEADLINE_TITLES.contains(w)
        || HEADLINE_VERBS.contains(lower.as_str())
        || SPEECH_VERBS.contains(lower.as_str())
        || crate::extract::countries::is_country_name(w))
}

/// The tagger's candidates, completed by the rules where they know better:
///
/// - a rule name that contains tagger names and only adds given names, initials or
///   particles to them replaces them (`Israel Katz` around `Katz`, `Joaquin del Olmo`
///   around `Joaquin` and `Olmo`);
/// - a lone rule word the tagger did not mark is kept as a possible mention of a person
///   named in full elsewhere (`al-Sudani` written lowercase), but is never a new person
///   on its own (a title alone misleads: `Duke of Norfolk`, `Queen Elizabeth I`);
/// - other rule names are dropped: the tagger is more precise on them.
fn merge_candidates(
    text: &str,
    tokens: &[Token],
    mut cands: Vec<Candidate>,
    rule_cands: Vec<Candidate>,
    lone_keys: &FxHashSet<String>,
) -> Vec<Candidate> {
    let mut extra = Vec::new();
    for c in rule_cands {
        let hits: Vec<usize> = (0..cands.len())
            .filter(|&k| cands[k].first <= c.last && c.first <= cands[k].last)
            .collect();
        if hits.is_empty() {
            if c.words() == 1 {
                let office = c.title == Title::Strong
                    && c.first > 0
                    && joined(text, &tokens[c.first - 1], &tokens[c.first])
                    && OFFICE_TITLES.contains(word(text, &tokens[c.first - 1]));
                extra.push(Candidate {
                    title: if office { Title::Strong } else { Title::None },
                    followed: false,
                    ..c
                });
            }
            continue;
        }
        let contains = hits
            .iter()
            .all(|&k| c.first <= cands[k].first && cands[k].last <= c.last);
        let added_are_name_parts = (c.first..=c.last)
            .filter(|&i| {
                !hits
                    .iter()
                    .any(|&k| cands[k].first <= i && i <= cands[k].last)
            })
            .all(|i| {
                let (t, w) = (&tokens[i], word(text, &tokens[i]));
                matches!(t.shape, Shape::Initial | Shape::Lower)
                    || GIVEN.contains(w)
                    || t.shape == Shape::Cap
                        && !t.sentence_start
                        && !NON_NAME.contains(w)
                        && !ORG_WORDS.contains(w)
                        && title_of(w) == Title::None
            });
        if contains
            && added_are_name_parts
            && c.words() >= 2
            && is_person(text, tokens, &c, lone_keys)
        {
            for &k in hits.iter().rev() {
                cands.remove(k);
            }
            extra.push(Candidate { model: true, ..c });
        }
    }
    cands.extend(extra);
    cands.sort_by_key(|c| c.first);
    cands
}

/// Shortest line taken to be part of a hard-wrapped paragraph (wire copy wraps at
/// 60-70 columns); shorter lines are headlines, datelines or list items.
const WRAPPED_LINE_MIN: usize = 40;

/// Wire copy wraps paragraphs at a fixed width, which would cut `Edouard` /
/// `Balladur` into two names. A single line break inside such a paragraph (the
/// line is long, does not end a sentence, and the next line continues without
/// indentation) becomes a space. Byte offsets do not move: one byte for one.
pub fn unwrap_hard_wrapped_lines(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut joins = Vec::new();
    let mut line_start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b != b'\n' {
            continue;
        }
        let line = text[line_start..i].trim_end();
        let next = bytes.get(i + 1).copied();
        let continues = next.is_some_and(|c| c.is_ascii_alphanumeric() || c >= 0x80);
        let ends_sentence = line.ends_with(['.', '!', '?', ':', ';', '"', '\'', '\u{201D}']);
        if line.len() >= WRAPPED_LINE_MIN && continues && !ends_sentence {
            joins.push(i);
        }
        line_start = i + 1;
    }
    if joins.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = bytes.to_vec();
    for i in joins {
        out[i] = b' ';
    }
    // Only ASCII newlines were replaced by ASCII spaces, so the text is still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(out).expect("newline to space keeps UTF-8"))
}

/// Candidates for the tagger's person spans: the rule tokens each span starts and
/// ends on (a span that does not line up with rule tokens is dropped).
///
/// A one-word span the rules' lists know as a non-name (`Reuter` signing off an
/// article, `U.K.`) is dropped too, and so is a span joined to another name by `&` or
/// an all-caps possessive on a headline.
fn model_candidates(
    text: &str,
    tokens: &[Token],
    headlines: &FxHashSet<u32>,
    spans: &[(usize, usize)],
) -> Vec<Candidate> {
    let mut out = Vec::with_capacity(spans.len());
    let mut k = 0;
    for &(s, e) in spans {
        while k < tokens.len() && tokens[k].start < s {
            k += 1;
        }
        if k == tokens.len() || tokens[k].start != s {
            continue;
        }
        let mut last = k;
        while last + 1 < tokens.len() && tokens[last].end < e {
            last += 1;
        }
        if tokens[last].end != e {
            continue;
        }
        // `Douglas & Lomason`: a firm named after people.
        let amp_after = tokens
            .get(last + 1)
            .is_some_and(|n| n.line == tokens[last].line && gap_has(text, &tokens[last], n, '&'));
        if amp_after || k > 0 && gap_has(text, &tokens[k - 1], &tokens[k], '&') {
            continue;
        }
        if super::is_dateline_agency(text, s, e) {
            continue;
        }
        // The tagger sometimes takes an office into the name (`Chairman Manuel
        // Johnson`): the name starts after it. A monarch's title stays (`King
        // Fahd`), and an office alone is nobody.
        while k < last {
            let w = titlecase(word(text, &tokens[k]));
            if title_of(&w) != Title::Strong || ROYAL_TITLES.contains(&w.as_str()) {
                break;
            }
            k += 1;
        }
        if k == last && title_of(&titlecase(word(text, &tokens[k]))) != Title::None {
            continue;
        }
        // Nor is a sentence's opening word part of it (`Besides Reagan, ...`).
        while k < last {
            let w = titlecase(word(text, &tokens[k]));
            let opener = NON_NAME.contains(w.as_str()) || NOT_NAME_WORDS.contains(w.as_str());
            if !opener || GIVEN.contains(w.as_str()) {
                break;
            }
            k += 1;
        }
        // `SCOTT'S HOSPITALITY`: in capitals, a possessive name is as often a firm's.
        if tokens[last].possessive
            && headlines.contains(&tokens[last].line)
            && tokens[k..=last].iter().all(|t| t.shape == Shape::Caps)
        {
            continue;
        }
        if k == last {
            let w = word(text, &tokens[k]);
            let titled = titlecase(w);
            if NON_NAME.contains(titled.as_str())
                || ORG_WORDS.contains(titled.as_str())
                || tokens[k].shape == Shape::Caps && w.contains('.')
            {
                continue;
            }
        }
        out.push(Candidate {
            first: k,
            last,
            title: Title::None,
            followed: false,
            model: true,
        });
    }
    out
}

/// The person a lone surname at byte `at` refers to: among those with this surname, the
/// one whose latest full mention precedes it, else the first one.
fn pick_person(people: &[Acc], key: &str, at: usize) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    let mut first: Option<usize> = None;
    for (i, p) in people.iter().enumerate() {
        if p.last_key != key {
            continue;
        }
        first.get_or_insert(i);
        if let Some(&(s, _)) = p.mentions.iter().filter(|m| m.0 < at).max()
            && best.is_none_or(|(bs, _)| s > bs)
        {
            best = Some((s, i));
        }
    }
    best.map(|(_, i)| i).or(first)
}

/// Start of a surname mention, widened over the particles the canonical name has before
/// the surname when the text has them too (`de Gaulle`, `von der Leyen`).
fn extend_particles(text: &str, tokens: &[Token], k: usize, particles: &[String]) -> usize {
    let mut start = tokens[k].start;
    let mut j = k;
    for p in particles {
        if j == 0 {
            break;
        }
        let prev = &tokens[j - 1];
        if prev.shape == Shape::Lower && word(text, prev) == p && joined(text, prev, &tokens[j]) {
            start = prev.start;
            j -= 1;
        } else {
            break;
        }
    }
    start
}

#[cfg(test)]
mod tests;
