//! People across a whole archive: one person, one entry.
//!
//! Extraction sees one article at a time. It finds `James Baker` where the article
//! gives the full name, and only `Baker` (after `Treasury Secretary`, or in a
//! headline) where it does not. This module decides, from what the whole archive
//! says, who each name is:
//!
//! - **Full names** written differently are one person when their surnames are the
//!   same and their given names agree: equal, an initial of the other, or a short
//!   form of it (`Jim Wright`, `James Wright`; `James A. Baker`, `James Baker`);
//!   middle names must not disagree (`George H.W. Bush` is not `George W. Bush`); and
//!   a name that is the end of a longer one is it (`Bra Kanon`, `Denis Bra Kanon`;
//!   `Nigel Lawson`, `Exchequer Nigel Lawson`) unless it is a given name and a
//!   surname at the end of another two. Each person is named by the form most
//!   articles use among those starting with a given name or an initial.
//! - **A surname alone** belongs to the one person of the archive with that surname
//!   (a lone `Reagan` is `Ronald Reagan`), or, failing a surname match, to the one
//!   person who has it as another part of the name (`Zhao` is `Zhao Ziyang`, `Lula`
//!   is `Luiz Inácio Lula da Silva`).
//! - **Namesakes**: when several people share the surname (`James Baker` of the
//!   Treasury, `Howard Baker` of the White House), or the surname is so common that
//!   a lone `Johnson` could be anyone, the article's context decides: the office
//!   written before the name, the people, organisations and countries around it,
//!   and the year, compared with the articles that name each candidate in full (a
//!   naive Bayes score over the features that tell them apart). Without enough
//!   evidence the surname stays on its own.
//!
//! Everything here is a function of the archive's contents, never of the order
//! articles arrived in, so an archive indexed bit by bit resolves as one indexed
//! at once. The index layer gathers the counts ([`ArchiveNames`], [`Profile`]) and
//! rewrites the articles whose people change (`index::people`).

use rustc_hash::{FxHashMap, FxHashSet};

use super::people::{ROYAL_TITLES, first_compatible, is_common_surname, is_given_name, person_key};
use crate::text::titlecase;

/// Words ending a name that are not its surname (`James A. Baker III`).
const NAME_SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"];

/// A full name is an organisation's when organisations carry it in at least
/// this many articles...
const FIRM_MIN_ARTICLES: u32 = 1;
/// ...and in at least 1/`FIRM_SHARE` as many articles as people do.
const FIRM_SHARE: u32 = 4;

/// Particles after which a name goes on with the father's name (`Tamim bin Hamad`).
const PATRONYMICS: &[&str] = &["bin", "ibn", "bint", "ben", "ould"];

/// How much better, in log-odds, the best namesake must score than the next.
const MARGIN: f64 = 1.0;

/// Pseudo-counts smoothing the pooled feature frequencies of namesakes.
const SMOOTHING: f64 = 0.5;

/// Articles' worth of weight a namesake's feature frequencies are shrunk by
/// towards those of all namesakes together.
const SHRINKAGE: f64 = 2.0;

/// How often each name is written in the archive: articles per written full name,
/// and per lone name (as written: `Baker`, `King Fahd`).
#[derive(Clone, Debug, Default)]
pub struct ArchiveNames {
    pub full: FxHashMap<String, u32>,
    pub lone: FxHashMap<String, u32>,
    /// Weak surnames (people only if confirmed, `extract::PersonCount::weak`).
    pub weak: FxHashMap<String, u32>,
    /// Articles per organisation name key and each of its openings of two words
    /// or more (`smith barney`, `smith barney harris`, `smith barney harris upham`):
    /// how often a name is an organisation's.
    pub orgs: FxHashMap<String, u32>,
}

/// Who a name, as one article writes it, is in the archive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved<'a> {
    /// A person of the archive, by this name.
    Person(&'a str),
    /// None of the article's people: a weak surname the archive does not confirm.
    Hidden,
    /// An organisation named after people (`Smith Barney`, `Dean Witter`): one of
    /// the article's organisations, under the name as written.
    Firm,
}

/// The parts of an organisation's name key that a person's name could be: its
/// openings of two words or more (`smith barney` of `smith barney harris
/// upham`), and each word that is no generic word of organisations' names
/// (`chrysler` of `Chrysler Corp`, `labatt` of `John Labatt Ltd`), which only a
/// surname nobody has in full is compared with.
pub fn org_name_openings(name: &str) -> Vec<String> {
    let key = super::orgs::org_key(name);
    let words: Vec<&str> = key.split(' ').collect();
    let mut parts: Vec<String> = words
        .iter()
        .filter(|w| w.len() >= 4 && !super::orgs::is_generic_word(w))
        .map(|w| w.to_string())
        .collect();
    parts.extend((2..=words.len()).map(|n| words[..n].join(" ")));
    parts.sort();
    parts.dedup();
    parts
}

/// What the articles naming one person in full have around that person: the
/// features of [`context_features`], counted once per article.
#[derive(Clone, Debug, Default)]
pub struct Profile {
    pub articles: u32,
    pub features: FxHashMap<String, u32>,
}

/// The name words of a written name as keys, without a generational suffix.
fn name_keys(name: &str) -> Vec<String> {
    let mut words: Vec<String> = name.split_whitespace().map(person_key).collect();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| NAME_SUFFIXES.contains(&w.as_str()))
    {
        words.pop();
    }
    words
}

/// The key of a name's surname: its last word (`baker` for `James A. Baker III`,
/// `sudani` for `Mohammed Shia al-Sudani`, `fahd` for `King Fahd`).
pub fn surname_key(name: &str) -> String {
    name_keys(name).pop().unwrap_or_default()
}

fn is_royal(name: &str) -> bool {
    name.split_whitespace()
        .next()
        .is_some_and(|w| ROYAL_TITLES.contains(&w))
}

/// Whether two full names (given as [`name_keys`]) of the same surname can be one
/// person.
fn same_person(a: &[String], b: &[String]) -> bool {
    if a.len() < 2 || b.len() < 2 || a.last() != b.last() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // `Bra Kanon` is the end of `Denis Bra Kanon` (a surname of two words), and
    // `Nigel Lawson` the end of a name with an office stuck to it.
    // Not after `bin`, `ibn` or `ben`: `Hamad Al Thani` ending `Tamim bin Hamad
    // Al Thani` is the father.
    let patronymic = long[..long.len() - short.len()]
        .last()
        .is_some_and(|w| PATRONYMICS.contains(&w.as_str()));
    if short.len() < long.len()
        && long.ends_with(short)
        && !patronymic
        && (long.len() >= 3 || !is_given_name(&titlecase(&short[0])))
    {
        return true;
    }
    if !first_compatible(&a[0], &b[0]) {
        return false;
    }
    let middle = |n: &[String]| -> Vec<String> {
        n[1..n.len() - 1]
            .iter()
            .filter(|w| !w.chars().next().is_some_and(char::is_lowercase) || w.contains('.'))
            .cloned()
            .collect()
    };
    let (ma, mb) = (middle(a), middle(b));
    ma.is_empty()
        || mb.is_empty()
        || ma.len() == mb.len() && ma.iter().zip(&mb).all(|(x, y)| first_compatible(x, y))
}

/// The written forms of one person's full name, most written first.
struct Cluster<'a> {
    keys: Vec<Vec<String>>,
    forms: Vec<&'a str>,
    articles: u32,
}

/// Whether two full names, given as their words' [`person_key`]s, can be one
/// person by the rules above (for measuring second names in a people list).
pub fn same_person_names(a: &[String], b: &[String]) -> bool {
    same_person(a, b)
}

/// The names of the articles a `morgue index` run has written so far, and a
/// registry of them rebuilt now and then: who the run's people probably are,
/// before the whole archive is resolved. Articles written with the right names
/// from the start need not be written again afterwards (a benchmark corpus
/// indexed from scratch rewrote 30% of its articles without it, 3% with it).
#[derive(Default)]
pub struct RunningNames {
    names: ArchiveNames,
    registry: Registry,
    articles: usize,
    next_build: usize,
}

/// Articles after which [`RunningNames`] first builds its registry; each build
/// doubles the count, up to [`RUNNING_MAX_STEP`] articles between builds.
const RUNNING_FIRST_BUILD: usize = 256;
const RUNNING_MAX_STEP: usize = 16_384;

impl RunningNames {
    /// Names the people of an article as the registry so far says (names only
    /// the whole archive can tell apart are left as they are), then counts its
    /// names for the next build.
    pub fn apply(&mut self, people: &mut [super::PersonCount]) {
        for person in people.iter_mut() {
            let written = person.written_name().to_string();
            let resolved = if person.full {
                self.registry.full_name(&written)
            } else if self.registry.is_contested(&written) {
                continue;
            } else if person.weak {
                self.registry.weak_name(&written, &[])
            } else {
                self.registry.lone_name(&written, &[])
            };
            (person.name, person.firm) = match resolved {
                Resolved::Person(name) => (name.to_string(), false),
                Resolved::Hidden => (String::new(), false),
                Resolved::Firm => (String::new(), true),
            };
        }
        for person in people.iter() {
            let map = if person.full {
                &mut self.names.full
            } else if person.weak {
                &mut self.names.weak
            } else {
                &mut self.names.lone
            };
            *map.entry(person.written_name().to_string()).or_default() += 1;
        }
        self.articles += 1;
        if self.articles >= self.next_build.max(RUNNING_FIRST_BUILD) {
            self.registry = Registry::build(&self.names);
            self.next_build = (self.articles * 2).min(self.articles + RUNNING_MAX_STEP);
        }
    }
}

/// What a surname alone resolves to.
#[derive(Clone, Debug, PartialEq)]
enum Lone {
    /// Nobody in the archive has it in full: shown as the archive writes it most.
    /// `known` when some article names the person by it with evidence of its own
    /// (a title, the tagger): then weak mentions of it are that person too.
    Alone { display: String, known: bool },
    /// Nobody in the archive has it in full, and organisations carry the name
    /// about as often as people do (`Chrysler`, `Opec`): an organisation.
    Firm,
    /// One person, whatever the article.
    Person(String),
    /// Several people, or one with a very common surname: the article's context
    /// decides among `candidates`, else it stays `display`.
    Contested {
        display: String,
        candidates: Vec<String>,
    },
}

/// Who every written name of the archive is.
#[derive(Clone, Debug, Default)]
pub struct Registry {
    /// Written full name -> the person's name.
    full: FxHashMap<String, String>,
    /// Written full names that are organisations' names (`Smith Barney`).
    firms: FxHashSet<String>,
    /// Lone surname key -> decision.
    lone: FxHashMap<String, Lone>,
    /// Profiles of the candidates of contested surnames.
    profiles: FxHashMap<String, Profile>,
}

impl Registry {
    pub fn build(names: &ArchiveNames) -> Registry {
        // Firms named after people: names that organisations carry about as often.
        let is_firm = |key: &str, person_articles: u32| {
            names
                .orgs
                .get(key)
                .is_some_and(|&o| o >= FIRM_MIN_ARTICLES && o * FIRM_SHARE >= person_articles)
        };
        let firms: FxHashSet<String> = names
            .full
            .iter()
            .filter(|(name, n)| is_firm(&super::orgs::org_key(name), **n))
            .map(|(name, _)| name.clone())
            .collect();
        // People: full names grouped by surname, then clustered, most written first.
        let mut by_surname: FxHashMap<String, Vec<(&str, u32)>> = FxHashMap::default();
        for (name, &n) in names.full.iter().filter(|(name, _)| !firms.contains(*name)) {
            by_surname
                .entry(surname_key(name))
                .or_default()
                .push((name, n));
        }
        let mut full = FxHashMap::default();
        // Each person: (name, articles over all written forms, name keys of each form).
        let mut people: FxHashMap<String, Vec<(String, u32)>> = FxHashMap::default();
        for (surname, mut forms) in by_surname {
            forms.sort_by(|a, b| {
                b.1.cmp(&a.1)
                    .then(
                        b.0.split_whitespace()
                            .count()
                            .cmp(&a.0.split_whitespace().count()),
                    )
                    .then(a.0.cmp(b.0))
            });
            let mut clusters: Vec<Cluster> = Vec::new();
            for (form, n) in forms {
                let keys = name_keys(form);
                match clusters
                    .iter_mut()
                    .find(|c| c.keys.iter().all(|m| same_person(m, &keys)))
                {
                    Some(cluster) => {
                        cluster.keys.push(keys);
                        cluster.forms.push(form);
                        cluster.articles += n;
                    }
                    None => clusters.push(Cluster {
                        keys: vec![keys],
                        forms: vec![form],
                        articles: n,
                    }),
                }
            }
            let named = |f: &str| {
                f.split_whitespace()
                    .next()
                    .is_some_and(|w| is_given_name(w) || w.len() <= 2 && w.ends_with('.'))
            };
            for cluster in clusters {
                // The form most articles write that starts with a given name or an
                // initial (`Nigel Lawson`, not an office stuck to the name), else the
                // form most articles write.
                let canonical = cluster
                    .forms
                    .iter()
                    .find(|f| named(f))
                    .unwrap_or(&cluster.forms[0])
                    .to_string();
                for form in cluster.forms {
                    full.insert(form.to_string(), canonical.clone());
                }
                people
                    .entry(surname.clone())
                    .or_default()
                    .push((canonical, cluster.articles));
            }
        }
        // Which name part keys (other than the surname) point to which person, for
        // names known by another part (`Zhao Ziyang`, `Lula`).
        let mut by_part: FxHashMap<String, Vec<(String, u32)>> = FxHashMap::default();
        for list in people.values() {
            for (canonical, total) in list {
                let keys = name_keys(canonical);
                for key in keys.iter().take(keys.len().saturating_sub(1)) {
                    if key.len() > 1 && !key.ends_with('.') {
                        by_part
                            .entry(key.clone())
                            .or_default()
                            .push((canonical.clone(), *total));
                    }
                }
            }
        }
        // Surnames alone. A weak surname is shown as written only if the archive
        // also has it as a surname written alone.
        let mut displays: FxHashMap<String, (&str, u32)> = FxHashMap::default();
        for (written, &n) in names.lone.iter().chain(names.weak.keys().map(|w| (w, &0))) {
            let key = surname_key(written);
            let better = |best: &(&str, u32)| {
                let mixed = |s: &str| s.chars().any(char::is_lowercase);
                (mixed(written), n, std::cmp::Reverse(written.as_str()))
                    > (mixed(best.0), best.1, std::cmp::Reverse(best.0))
            };
            match displays.get(&key) {
                Some(best) if !better(best) => {}
                _ => {
                    displays.insert(key, (written, n));
                }
            }
        }
        // Surnames some article names a person by with evidence of its own, and
        // the articles naming a person by each surname alone.
        let known_lone: FxHashSet<String> = names.lone.keys().map(|l| surname_key(l)).collect();
        let mut lone_articles: FxHashMap<String, u32> = FxHashMap::default();
        for (written, n) in names.lone.iter().chain(&names.weak) {
            *lone_articles.entry(surname_key(written)).or_default() += n;
        }
        let mut lone = FxHashMap::default();
        for (key, (display, _)) in displays {
            let royal = is_royal(display);
            let mut candidates: Vec<(String, u32)> = match (royal, people.get(&key)) {
                (true, _) => Vec::new(),
                (false, Some(list)) => list.clone(),
                (false, None) => by_part.get(&key).cloned().unwrap_or_default(),
            };
            candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let surname = display.split_whitespace().last().unwrap_or(display);
            let decision = match candidates.as_slice() {
                [] if is_firm(&key, lone_articles.get(&key).copied().unwrap_or(0)) => Lone::Firm,
                [] => Lone::Alone {
                    display: display.to_string(),
                    known: known_lone.contains(&key),
                },
                [(one, _)] if !is_common_surname(&titlecase(surname)) => Lone::Person(one.clone()),
                _ => Lone::Contested {
                    display: display.to_string(),
                    candidates: candidates.into_iter().map(|(c, _)| c).collect(),
                },
            };
            lone.insert(key, decision);
        }
        Registry {
            full,
            firms,
            lone,
            profiles: FxHashMap::default(),
        }
    }

    /// The people whose profiles contested surnames need (see [`Registry::set_profiles`]).
    pub fn profiled(&self) -> FxHashSet<String> {
        self.lone
            .values()
            .filter_map(|d| match d {
                Lone::Contested { candidates, .. } => Some(candidates.iter().cloned()),
                _ => None,
            })
            .flatten()
            .collect()
    }

    pub fn set_profiles(&mut self, profiles: FxHashMap<String, Profile>) {
        self.profiles = profiles;
    }

    /// The person a full name written this way is.
    pub fn full_name<'a>(&'a self, written: &'a str) -> Resolved<'a> {
        if self.firms.contains(written) {
            return Resolved::Firm;
        }
        Resolved::Person(self.full.get(written).map_or(written, String::as_str))
    }

    /// Whether a lone name's resolution depends on the article (its context).
    pub fn is_contested(&self, lone: &str) -> bool {
        matches!(
            self.lone.get(&surname_key(lone)),
            Some(Lone::Contested { .. })
        )
    }

    /// The person a surname written alone in an article is, given the article's
    /// [`context_features`] (used only when the surname is contested).
    pub fn lone_name<'a>(&'a self, written: &'a str, context: &[String]) -> Resolved<'a> {
        Resolved::Person(match self.lone.get(&surname_key(written)) {
            None => written,
            Some(Lone::Firm) => return Resolved::Firm,
            Some(Lone::Alone { display, .. }) => display,
            Some(Lone::Person(person)) => person,
            Some(Lone::Contested {
                display,
                candidates,
            }) => self.decide(candidates, context).unwrap_or(display),
        })
    }

    /// The person a weak surname (`extract::PersonCount::weak`) is, if the archive
    /// knows one, else [`Resolved::Hidden`].
    pub fn weak_name<'a>(&'a self, written: &str, context: &[String]) -> Resolved<'a> {
        let person = match self.lone.get(&surname_key(written)) {
            Some(Lone::Firm) => return Resolved::Firm,
            Some(Lone::Person(person)) => Some(person.as_str()),
            Some(Lone::Alone {
                display,
                known: true,
            }) => Some(display.as_str()),
            Some(Lone::Contested { candidates, .. }) => self.decide(candidates, context),
            _ => None,
        };
        person.map_or(Resolved::Hidden, Resolved::Person)
    }

    /// The candidate the context supports best, by a naive Bayes score over the
    /// features that some candidate's articles have: `ln(articles) + Σ ln P(f |
    /// candidate)`. Each candidate's frequencies are shrunk towards those of all
    /// the candidates together (`P(f | c) = (count + M·P(f | all)) / (articles +
    /// M)`), so that a name seen in one article (where it has every feature of
    /// that article) does not outscore one seen in a hundred. Features no
    /// candidate was ever seen with are left out: they cannot tell namesakes
    /// apart. A single candidate (a common surname) needs a shared office,
    /// person or organisation.
    fn decide<'a>(&'a self, candidates: &'a [String], context: &[String]) -> Option<&'a str> {
        let empty = Profile::default();
        let profile = |c: &str| self.profiles.get(c).unwrap_or(&empty);
        let informative: Vec<&String> = context
            .iter()
            .filter(|f| {
                candidates
                    .iter()
                    .any(|c| profile(c).features.get(f.as_str()).is_some_and(|&n| n > 0))
            })
            .collect();
        if let [only] = candidates {
            let support = informative
                .iter()
                .any(|f| f.starts_with(ROLE) || f.starts_with(PERSON) || f.starts_with(ORG));
            return support.then_some(only.as_str());
        }
        let count = |c: &str, f: &str| f64::from(profile(c).features.get(f).copied().unwrap_or(0));
        let articles = |c: &str| f64::from(profile(c).articles.max(1));
        let all_articles: f64 = candidates.iter().map(|c| articles(c)).sum();
        let pooled: Vec<f64> = informative
            .iter()
            .map(|f| {
                let k: f64 = candidates.iter().map(|c| count(c, f)).sum();
                (k + SMOOTHING) / (all_articles + 2.0 * SMOOTHING)
            })
            .collect();
        let mut scored: Vec<(f64, &str)> = candidates
            .iter()
            .map(|c| {
                let n = articles(c);
                let mut score = n.ln();
                for (f, p) in informative.iter().zip(&pooled) {
                    score += ((count(c, f) + SHRINKAGE * p) / (n + SHRINKAGE)).ln();
                }
                (score, c.as_str())
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        match scored.as_slice() {
            [(best, name), (second, _), ..] if best - second >= MARGIN => Some(name),
            _ => None,
        }
    }
}

const ROLE: &str = "r:";
const PERSON: &str = "p:";
const ORG: &str = "o:";

/// The features of an article that tell namesakes apart: the words of the office
/// written before the name (`r:treasury`), the other people named in full
/// (`p:Paul Volcker`), the organisations (`o:White House`), the countries
/// (`c:JP`) and the year (`y:1987`).
pub fn context_features(
    roles: &[String],
    people: &[&str],
    orgs: &[&str],
    countries: &[&str],
    year: Option<&str>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for role in roles {
        for word in role.split_whitespace() {
            if !matches!(word, "of" | "the" | "for" | "and") {
                out.push(format!("{ROLE}{word}"));
            }
        }
    }
    out.extend(people.iter().map(|p| format!("{PERSON}{p}")));
    out.extend(orgs.iter().map(|o| format!("{ORG}{o}")));
    out.extend(countries.iter().map(|c| format!("c:{c}")));
    out.extend(year.map(|y| format!("y:{y}")));
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(full: &[(&str, u32)], lone: &[(&str, u32)]) -> ArchiveNames {
        ArchiveNames {
            full: full.iter().map(|&(n, c)| (n.to_string(), c)).collect(),
            lone: lone.iter().map(|&(n, c)| (n.to_string(), c)).collect(),
            weak: FxHashMap::default(),
            orgs: FxHashMap::default(),
        }
    }

    #[test]
    fn written_forms_of_one_person_are_one_name() {
        let registry = Registry::build(&names(
            &[
                ("James Baker", 80),
                ("James A. Baker", 5),
                ("Jim Baker", 2),
                ("Howard Baker", 13),
                ("Jim Wright", 27),
                ("James Wright", 10),
                ("George W. Bush", 40),
                ("George H.W. Bush", 30),
                ("Denis Bra Kanon", 11),
                ("Bra Kanon", 8),
                ("Ronald Reagan", 24),
                ("James A. Baker III", 1),
                ("Exchequer Nigel Lawson", 32),
                ("Nigel Lawson", 6),
                ("Fernando Santos Alvite", 10),
                ("Santos Alvite", 5),
                ("Nancy Reagan", 2),
                ("Tamim bin Hamad Al Thani", 9),
                ("Hamad Al Thani", 3),
                ("Chloe Lindqvist", 12),
                ("Camila Lindqvist", 1),
            ],
            &[],
        ));
        let cases: &[(&str, &str)] = &[
            ("James A. Baker", "James Baker"),
            ("Jim Baker", "James Baker"),
            ("James A. Baker III", "James Baker"),
            ("Howard Baker", "Howard Baker"),
            ("James Wright", "Jim Wright"),
            ("George H.W. Bush", "George H.W. Bush"),
            ("George W. Bush", "George W. Bush"),
            ("Bra Kanon", "Denis Bra Kanon"),
            ("Ronald Reagan", "Ronald Reagan"),
            ("Exchequer Nigel Lawson", "Nigel Lawson"),
            ("Santos Alvite", "Fernando Santos Alvite"),
            ("Nancy Reagan", "Nancy Reagan"),
            // The end of a name after `bin` is the father's name, not a surname.
            ("Hamad Al Thani", "Hamad Al Thani"),
            ("Tamim bin Hamad Al Thani", "Tamim bin Hamad Al Thani"),
            // A given name the lists do not know is a given name all the same.
            ("Camila Lindqvist", "Camila Lindqvist"),
            ("Nobody Known", "Nobody Known"),
        ];
        for (written, person) in cases {
            assert_eq!(
                registry.full_name(written),
                Resolved::Person(person),
                "{written}"
            );
        }
    }

    #[test]
    fn a_surname_alone_is_the_one_person_with_it() {
        let registry = Registry::build(&names(
            &[
                ("Ronald Reagan", 24),
                ("Zhao Ziyang", 6),
                ("Luiz Inácio Lula da Silva", 3),
                ("Paul Volcker", 30),
                ("Noboru Takeshita", 4),
                ("Takeshita Ito", 9),
            ],
            &[
                ("Reagan", 380),
                ("Zhao", 4),
                ("Lula", 2),
                ("VOLCKER", 3),
                ("Volcker", 5),
                ("Suharto", 13),
                ("King Fahd", 3),
                ("Takeshita", 2),
                ("Lee", 2),
            ],
        ));
        let cases: &[(&str, &str)] = &[
            ("Reagan", "Ronald Reagan"),
            ("Zhao", "Zhao Ziyang"),
            ("Lula", "Luiz Inácio Lula da Silva"),
            ("VOLCKER", "Paul Volcker"),
            ("Suharto", "Suharto"),
            ("King Fahd", "King Fahd"),
            // A surname match comes before another part of a name.
            ("Takeshita", "Noboru Takeshita"),
            // A surname nobody in the archive has.
            ("Lee", "Lee"),
        ];
        for (written, person) in cases {
            assert_eq!(
                registry.lone_name(written, &[]),
                Resolved::Person(person),
                "{written}"
            );
        }
    }

    fn profile(articles: u32, features: &[(&str, u32)]) -> Profile {
        Profile {
            articles,
            features: features.iter().map(|&(f, n)| (f.to_string(), n)).collect(),
        }
    }

    #[test]
    fn namesakes_are_told_apart_by_context() {
        let mut registry = Registry::build(&names(
            &[("James Baker", 100), ("Howard Baker", 13)],
            &[("Baker", 21)],
        ));
        assert!(registry.is_contested("Baker"));
        assert_eq!(
            registry.profiled(),
            ["James Baker", "Howard Baker"]
                .map(String::from)
                .into_iter()
                .collect()
        );
        let mut profiles = FxHashMap::default();
        profiles.insert(
            "James Baker".to_string(),
            profile(
                100,
                &[
                    ("r:treasury", 60),
                    ("r:secretary", 70),
                    ("p:Paul Volcker", 25),
                    ("c:JP", 30),
                    ("y:1987", 100),
                ],
            ),
        );
        profiles.insert(
            "Howard Baker".to_string(),
            profile(
                13,
                &[
                    ("r:white", 10),
                    ("r:house", 10),
                    ("r:chief", 9),
                    ("p:Ronald Reagan", 8),
                    ("y:1987", 13),
                ],
            ),
        );
        registry.set_profiles(profiles);
        let treasury =
            context_features(&["treasury secretary".into()], &[], &[], &[], Some("1987"));
        assert_eq!(
            registry.lone_name("Baker", &treasury),
            Resolved::Person("James Baker")
        );
        let white_house = context_features(&["white house".into()], &[], &[], &[], Some("1987"));
        assert_eq!(
            registry.lone_name("BAKER", &white_house),
            Resolved::Person("Howard Baker")
        );
        let with_reagan = context_features(&[], &["Ronald Reagan"], &[], &[], Some("1987"));
        assert_eq!(
            registry.lone_name("Baker", &with_reagan),
            Resolved::Person("Howard Baker")
        );
        let with_volcker = context_features(&[], &["Paul Volcker"], &[], &["JP"], Some("1987"));
        assert_eq!(
            registry.lone_name("Baker", &with_volcker),
            Resolved::Person("James Baker")
        );
        // Nothing that tells them apart: the prior alone (100 against 13) decides.
        assert_eq!(
            registry.lone_name("Baker", &[]),
            Resolved::Person("James Baker")
        );
    }

    #[test]
    fn a_common_surname_needs_supporting_context() {
        let mut registry = Registry::build(&names(&[("Manuel Johnson", 9)], &[("Johnson", 12)]));
        let mut profiles = FxHashMap::default();
        profiles.insert(
            "Manuel Johnson".to_string(),
            profile(9, &[("r:vice", 6), ("o:Federal Reserve", 8), ("c:US", 9)]),
        );
        registry.set_profiles(profiles);
        let fed = context_features(&[], &[], &["Federal Reserve"], &["US"], None);
        assert_eq!(
            registry.lone_name("Johnson", &fed),
            Resolved::Person("Manuel Johnson")
        );
        let elsewhere = context_features(&[], &["Magic Smith"], &[], &["US"], None);
        assert_eq!(
            registry.lone_name("Johnson", &elsewhere),
            Resolved::Person("Johnson")
        );
    }

    #[test]
    fn firms_named_after_people_are_organisations() {
        let mut archive = names(
            &[
                ("Smith Barney", 30),
                ("Dean Witter", 20),
                ("Walt Disney", 3),
                ("Henry Ford", 4),
            ],
            &[],
        );
        for (opening, n) in [
            ("smith barney", 12),
            ("dean witter", 4),
            ("walt disney", 9),
            ("ford motor", 40),
        ] {
            archive.orgs.insert(opening.to_string(), n);
        }
        let registry = Registry::build(&archive);
        assert_eq!(registry.full_name("Smith Barney"), Resolved::Firm);
        // Organisations carry it in fewer than a quarter as many articles: a person.
        assert_eq!(
            registry.full_name("Dean Witter"),
            Resolved::Person("Dean Witter")
        );
        assert_eq!(registry.full_name("Walt Disney"), Resolved::Firm);
        assert_eq!(
            registry.full_name("Henry Ford"),
            Resolved::Person("Henry Ford")
        );
        // A one-word name too, when nobody is known by it in full.
        let mut archive = names(&[], &[("Chrysler", 6), ("Suharto", 13)]);
        archive.orgs.insert("chrysler".to_string(), 40);
        archive.orgs.insert("suharto".to_string(), 2);
        let registry = Registry::build(&archive);
        assert_eq!(registry.lone_name("Chrysler", &[]), Resolved::Firm);
        assert_eq!(registry.weak_name("CHRYSLER", &[]), Resolved::Firm);
        assert_eq!(
            registry.lone_name("Suharto", &[]),
            Resolved::Person("Suharto")
        );
        assert_eq!(
            org_name_openings("Smith Barney, Harris Upham and Co"),
            [
                "barney",
                "harris",
                "smith",
                "smith barney",
                "smith barney harris",
                "smith barney harris upham",
                "upham"
            ]
        );
        assert_eq!(
            org_name_openings("Bank of Japan"),
            ["bank of", "bank of japan", "japan"]
        );
    }

    #[test]
    fn weak_surnames_need_someone_known_in_full() {
        let registry = Registry::build(&ArchiveNames {
            full: [("Satoshi Sumita".to_string(), 5)].into_iter().collect(),
            lone: [("Suharto".to_string(), 4)].into_iter().collect(),
            weak: [("Sumita".to_string(), 7), ("Telecom".to_string(), 2)]
                .into_iter()
                .collect(),
            orgs: FxHashMap::default(),
        });
        assert_eq!(
            registry.weak_name("Sumita", &[]),
            Resolved::Person("Satoshi Sumita")
        );
        assert_eq!(registry.weak_name("Telecom", &[]), Resolved::Hidden);
        assert_eq!(
            registry.lone_name("Suharto", &[]),
            Resolved::Person("Suharto")
        );
    }

    #[test]
    fn resolution_does_not_depend_on_the_order_names_arrive_in() {
        let forms = [("James Wright", 10), ("Jim Wright", 10), ("J. Wright", 10)];
        let a = Registry::build(&names(&forms, &[]));
        let mut reversed = forms;
        reversed.reverse();
        let b = Registry::build(&names(&reversed, &[]));
        for (form, _) in forms {
            assert_eq!(a.full_name(form), b.full_name(form), "{form}");
        }
    }
}
