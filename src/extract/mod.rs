//! Extraction: the people, organisations, countries and dates an article talks about.
//!
//! Each submodule finds one kind of entity in text; [`extract`] runs them all
//! over one article and sums them up into [`Entities`], which is what the index
//! stores. Reading files and deciding the publication date happen before this
//! (in `ingest`); nothing here touches the file system.

pub mod countries;
pub mod dates;
pub mod language;
pub mod orgs;
pub mod people;
pub mod resolve;
pub mod stem;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::entity::PerKind;
use dates::PartialDate;
pub use language::Language;

/// Bumped when extraction changes enough that stored entities should be recomputed.
pub const EXTRACTOR_VERSION: u32 = 8;

/// How far into the body the lead runs, for deciding what an article is about.
const LEAD_BYTES: usize = 200;
/// A country mentioned this often is what the article is about, wherever it appears.
const ABOUT_MIN_MENTIONS: u32 = 3;

/// Everything extracted from one article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entities {
    pub people: Vec<PersonCount>,
    #[serde(default)]
    pub orgs: Vec<OrgCount>,
    pub countries: Vec<CountryCount>,
    pub dates: Vec<DateFound>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonCount {
    /// The person as the archive knows them: after archive-wide resolution
    /// ([`resolve`]) the name shared by every article about them (`Ronald
    /// Reagan` for an article that only says `REAGAN`); before it, `written`.
    /// Empty when the name is none of the article's people: a weak surname not
    /// (yet) confirmed, a given name nobody is known by, or a firm's name.
    pub name: String,
    pub mentions: u32,
    /// The name as this article gives it at its fullest: `James Baker`, or `Baker`
    /// when it never gives the full name.
    #[serde(default)]
    pub written: String,
    /// `written` is a full name, not a surname alone.
    #[serde(default)]
    pub full: bool,
    /// Every way the article writes the person: `James Baker`, `Baker`, `BAKER`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forms: Vec<String>,
    /// Offices written right before the name: `treasury secretary`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// A surname alone that is a person only if the archive knows someone by it
    /// in full (`Sumita says ...`; see `people::Person::weak`): until then it is
    /// not among the article's people, and `name` is `written`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub weak: bool,
    /// The archive knows `written` as an organisation's name (`Smith Barney`):
    /// the article counts it among its organisations.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub firm: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgCount {
    pub name: String,
    pub mentions: u32,
    /// How the article writes it, when that differs from `name`: `Texaco Inc`, `TEXACO`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forms: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryCount {
    pub code: String,
    pub mentions: u32,
    /// The article is about this country (title, dateline, lead, or repeated).
    pub about: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateFound {
    /// ISO form at the precision the text gives: `2023`, `2023-10`, `2023-10-23`.
    pub value: String,
    /// The words it came from, as written: `October 23`, `Sunday`.
    pub text: String,
}

/// Runs every extractor over an article. `published` anchors relative dates.
pub fn extract(title: &str, body: &str, published: Option<NaiveDate>) -> Entities {
    analyse(title, body, published).entities
}

/// What extraction finds in an article: its language and its entities.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub language: Language,
    pub entities: Entities,
}

/// [`extract`], with the language the article was found to be written in.
pub fn analyse(title: &str, body: &str, published: Option<NaiveDate>) -> Analysis {
    let text = article_text(title, body);
    let body_start = text.len() - body.len();
    let lead_end = lead_end(&text, body_start);

    let Names {
        language,
        people,
        orgs,
        countries: country_mentions,
    } = names(&text, published);
    let people = people
        .into_iter()
        .map(|p| {
            let mut forms: Vec<String> = Vec::new();
            for &(start, end) in &p.mentions {
                // Offsets are the unwrapped text's: a joined line break is a space.
                let form = text[start..end].replace('\n', " ");
                if !forms.contains(&form) {
                    forms.push(form);
                }
            }
            PersonCount {
                mentions: p.mentions.len().max(1) as u32,
                written: p.name.clone(),
                // A weak surname is no person until the archive confirms it.
                name: if p.weak { String::new() } else { p.name },
                full: p.full,
                forms,
                roles: p.roles,
                weak: p.weak,
                firm: false,
            }
        })
        .collect();
    let orgs = orgs
        .into_iter()
        .map(|o| OrgCount {
            mentions: o.mentions.len().max(1) as u32,
            forms: o.forms.into_iter().filter(|f| *f != o.name).collect(),
            name: o.name,
        })
        .collect();

    let mut countries: Vec<CountryCount> = Vec::new();
    for mention in country_mentions {
        let in_lead = mention.start < lead_end;
        match countries.iter_mut().find(|c| c.code == mention.code) {
            Some(c) => {
                c.mentions += 1;
                c.about |= in_lead;
            }
            None => countries.push(CountryCount {
                code: mention.code.to_string(),
                mentions: 1,
                about: in_lead,
            }),
        }
    }
    for c in &mut countries {
        c.about |= c.mentions >= ABOUT_MIN_MENTIONS;
    }

    let mut dates: Vec<DateFound> = Vec::new();
    for mention in dates::find_dates(&text, published) {
        let value = mention.value.to_string();
        if !dates.iter().any(|d| d.value == value) {
            dates.push(DateFound {
                value,
                text: text[mention.start..mention.end].to_string(),
            });
        }
    }

    Analysis {
        language,
        entities: Entities {
            people,
            orgs,
            countries,
            dates,
        },
    }
}

/// The statistical tagger's person and organisation spans over a text, from
/// one tagging run (byte spans, in order).
pub(crate) struct TaggedSpans {
    pub people: Vec<(usize, usize)>,
    pub orgs: Vec<(usize, usize)>,
}

impl TaggedSpans {
    /// `None` when morgue was built without tagger weights.
    pub(crate) fn of(text: &str) -> Option<TaggedSpans> {
        use people::tagger::EntityType;
        let model = people::tagger::MODEL.as_ref()?;
        let mut spans = TaggedSpans {
            people: Vec::new(),
            orgs: Vec::new(),
        };
        for entity in model.entity_spans(text) {
            let span = (entity.start, entity.end);
            match entity.kind {
                EntityType::Person => spans.people.push(span),
                EntityType::Organisation => spans.orgs.push(span),
                EntityType::Location | EntityType::Misc => {}
            }
        }
        Some(spans)
    }
}

/// What names in an article's text stand for: people, organisations and
/// countries (with the places that stand for them).
pub struct Names {
    pub language: Language,
    pub people: Vec<people::Person>,
    pub orgs: Vec<orgs::Org>,
    pub countries: Vec<countries::CountryMention>,
}

/// The people, organisations and country mentions of an article's text (as
/// [`article_text`] builds it), from one run of the tagger. Names are found with
/// hard-wrapped lines joined; mention offsets are offsets into `text` all the same.
///
/// An article in another language than English gets people only where a known
/// given name opens a capitalised name, and organisations only with a legal form.
///
/// Where extractors disagree about a name, what it is elsewhere in the article
/// decides: a person whose name opens the name of an organisation of the article
/// is that organisation (`Smith Barney` beside `Smith Barney, Harris Upham and
/// Co`; `Scott said` after `Scott Instruments Inc`), and a person every mention
/// of whom the country rules read as a country, a capital or a city of the
/// gazetteer (they have person rules of their own: `Jordan Whitfield` is no
/// country), or as the place a dateline opens with, is that place (`DENVER,
/// March 2 -`, `the Denver area`, `El Salvador`).
pub fn names(text: &str, published: Option<NaiveDate>) -> Names {
    let unwrapped = people::unwrap_hard_wrapped_lines(text);
    // Outside English, only what holds in any Latin-script language (see
    // `language`): no tagger, and people only under a known given name.
    let language = language::detect(&unwrapped);
    let english = language == Language::English;
    let tagged = english.then(|| TaggedSpans::of(&unwrapped)).flatten();
    let mut people = if english {
        people::people_in(&unwrapped, tagged.as_ref().map(|t| t.people.as_slice()))
    } else {
        people::plain_people(&unwrapped)
    };
    let mut org_spans = orgs::rule_spans(&unwrapped);
    if let Some(t) = &tagged {
        // Where the tagger and the person rules claim the same words, the rules'
        // evidence wins (`President Reagan`, `Sumita says`: the tagger has taken
        // both for organisations). In an all-caps headline the tagger also takes
        // runs of words for organisations (`VOLCKER SEES NO CLEARCUT`): only its
        // one-word ones (`TEXACO`, `OPEC`) are worth keeping there.
        let person_spans: Vec<(usize, usize)> =
            people.iter().flat_map(|p| p.mentions.clone()).collect();
        let tagged_orgs: Vec<(usize, usize)> = t
            .orgs
            .iter()
            .copied()
            .filter(|&(s, e)| {
                !person_spans.contains(&(s, e))
                    && (!in_caps_line(&unwrapped, s) || !unwrapped[s..e].contains(' '))
            })
            .collect();
        org_spans = orgs::union_spans(&tagged_orgs, &org_spans);
    }
    let orgs = orgs::find_orgs(&unwrapped, &org_spans);
    let countries = countries::find_countries(text, published);
    let org_keys: Vec<String> = orgs
        .iter()
        .flat_map(|o| {
            std::iter::once(orgs::org_key(&o.name)).chain(o.forms.iter().map(|f| orgs::org_key(f)))
        })
        .collect();
    let inside = |spans: &[(usize, usize)], m: &(usize, usize)| {
        spans.iter().any(|&(s, e)| s <= m.0 && m.1 <= e)
    };
    let org_mentions: Vec<(usize, usize)> = orgs.iter().flat_map(|o| o.mentions.clone()).collect();
    let places: Vec<(usize, usize)> = countries
        .iter()
        .filter(|c| c.kind != countries::CountryMentionKind::Demonym)
        .map(|c| (c.start, c.end))
        .collect();
    // Mentions inside an organisation's name are the organisation's (`Ivan F.
    // Boesky and Co` beside `Ivan Boesky`); a person left with none is no person,
    // and one whose fullest form went with them takes the fullest one left.
    for p in &mut people {
        p.mentions.retain(|m| !inside(&org_mentions, m));
        let key = people::person_key(&p.name);
        let forms: Vec<&str> = p.mentions.iter().map(|&(s, e)| &unwrapped[s..e]).collect();
        if !forms.is_empty() && !forms.iter().any(|f| people::person_key(f) == key) {
            let fullest = forms
                .iter()
                .max_by_key(|f| {
                    (
                        f.split_whitespace().count(),
                        f.chars().any(char::is_lowercase),
                    )
                })
                .copied()
                .unwrap_or_default();
            p.full = p.full && fullest.split_whitespace().count() >= 2;
            p.name = if fullest.chars().any(char::is_lowercase) {
                fullest.to_string()
            } else {
                fullest
                    .split_whitespace()
                    .map(crate::text::titlecase)
                    .collect::<Vec<_>>()
                    .join(" ")
            };
        }
    }
    people.retain(|p| {
        let key = orgs::org_key(&p.name);
        let carried = org_keys
            .iter()
            .any(|k| *k == key || k.starts_with(&key) && k[key.len()..].starts_with(' '));
        let within = |spans: &[(usize, usize)]| {
            !p.mentions.is_empty() && p.mentions.iter().all(|m| inside(spans, m))
        };
        // A dateline's place, in the gazetteer or not (`FRANKLIN, Mich., March 3 -`),
        // written in capitals as wire datelines are: a name in mixed case before a
        // bracket is a result line's (`Petr Korda ( Czech Republic ) beat ...`).
        let datelined = p.mentions.iter().all(|&(s, e)| {
            let place = &unwrapped[s..e];
            !place.chars().any(char::is_lowercase) && countries::is_dateline_place(&unwrapped, s, e)
        });
        !(carried || p.mentions.is_empty() || within(&places) || datelined)
    });
    Names {
        language,
        people,
        orgs,
        countries,
    }
}

/// `(Reuters) -` after a dateline: the agency that filed the story, which is
/// neither a person of the article nor one of its organisations.
fn is_dateline_agency(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end_matches(' ');
    let after = text[end..].trim_start_matches(' ');
    before.ends_with('(')
        && after.starts_with(')')
        && after[1..]
            .trim_start_matches(' ')
            .starts_with(['-', '\u{2013}', '\u{2014}'])
}

/// Whether byte `at` is on a line written mostly in capitals (a wire headline).
fn in_caps_line(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let (upper, letters) = text[start..end]
        .chars()
        .filter(|c| c.is_alphabetic())
        .fold((0, 0), |(u, l), c| {
            (u + usize::from(c.is_uppercase()), l + 1)
        });
    letters >= 8 && upper * 10 >= letters * 8
}

/// The text extractors see: the title, a blank line, the body. Offsets into it
/// are what mention spans refer to.
pub fn article_text(title: &str, body: &str) -> String {
    let mut text = String::with_capacity(title.len() + body.len() + 2);
    text.push_str(title);
    text.push_str("\n\n");
    text.push_str(body);
    text
}

/// End of the lead: the first paragraph of the body, capped at [`LEAD_BYTES`].
fn lead_end(text: &str, body_start: usize) -> usize {
    let body = &text[body_start..];
    let paragraph_end = body.find("\n\n").unwrap_or(body.len());
    let mut end = paragraph_end.min(LEAD_BYTES);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    body_start + end
}

/// One extracted value of an entity kind, as the index stores it.
pub struct EntityValue<'a> {
    /// The canonical name or code.
    pub value: &'a str,
    /// Other ways the article writes it, searchable too.
    pub forms: &'a [String],
    /// The article is about it.
    pub about: bool,
}

impl PersonCount {
    /// Whether the article counts the person among its people.
    pub fn counts(&self) -> bool {
        !self.name.is_empty()
    }

    /// The name as the article gives it (`written`, or `name` in entities stored
    /// before `written` existed).
    pub fn written_name(&self) -> &str {
        if self.written.is_empty() {
            &self.name
        } else {
            &self.written
        }
    }
}

impl Entities {
    /// The values of every kind, for the index: people and organisations by
    /// name, countries by code.
    pub fn values(&self) -> PerKind<Vec<EntityValue<'_>>> {
        PerKind([
            self.people
                .iter()
                .filter(|p| p.counts())
                .map(|p| EntityValue {
                    value: &p.name,
                    forms: &p.forms,
                    about: false,
                })
                .collect(),
            self.orgs
                .iter()
                .map(|o| EntityValue {
                    value: &o.name,
                    forms: &o.forms,
                    about: false,
                })
                .chain(self.people.iter().filter(|p| p.firm).map(|p| EntityValue {
                    value: p.written_name(),
                    forms: &p.forms,
                    about: false,
                }))
                .collect(),
            self.countries
                .iter()
                .map(|c| EntityValue {
                    value: &c.code,
                    forms: &[],
                    about: c.about,
                })
                .collect(),
        ])
    }

    /// The article's people as a reader should see them: entries the archive
    /// resolved to the same person (`Sandra Haro`, and a lone `Sandra` it linked
    /// to her) become one, with their mentions added and their forms and roles
    /// together. The stored entries stay apart, because each written name is
    /// resolved again as the archive grows.
    pub fn people_merged(&self) -> Vec<PersonCount> {
        let mut merged: Vec<PersonCount> = Vec::with_capacity(self.people.len());
        for person in &self.people {
            let same = merged.iter_mut().find(|m| {
                !person.name.is_empty() && m.name == person.name && m.firm == person.firm
            });
            let Some(into) = same else {
                merged.push(person.clone());
                continue;
            };
            into.mentions += person.mentions;
            if person.full && !into.full {
                into.written = person.written.clone();
                into.full = true;
            }
            for form in &person.forms {
                if !into.forms.contains(form) {
                    into.forms.push(form.clone());
                }
            }
            for role in &person.roles {
                if !into.roles.contains(role) {
                    into.roles.push(role.clone());
                }
            }
            into.weak &= person.weak;
        }
        merged
    }

    /// Every value under which the article's mentioned dates are indexed: a day
    /// also stands for its month and year, so `--mentions 2023-10` finds
    /// `October 23, 2023`.
    pub fn mentioned_date_terms(&self) -> Vec<String> {
        let mut terms: Vec<String> = Vec::new();
        for date in &self.dates {
            let Ok(value) = PartialDate::parse_iso(&date.value) else {
                continue;
            };
            for term in widen(value) {
                if !terms.contains(&term) {
                    terms.push(term);
                }
            }
        }
        terms
    }
}

fn widen(value: PartialDate) -> Vec<String> {
    use chrono::Datelike;
    match value {
        PartialDate::Year(y) => vec![PartialDate::Year(y).to_string()],
        PartialDate::Month { year, month } => vec![
            PartialDate::Month { year, month }.to_string(),
            PartialDate::Year(year).to_string(),
        ],
        PartialDate::Day(d) => vec![
            PartialDate::Day(d).to_string(),
            PartialDate::Month {
                year: d.year(),
                month: d.month(),
            }
            .to_string(),
            PartialDate::Year(d.year()).to_string(),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_in_german_gets_only_plain_names() {
        let body = "Die Gemeinde hat am Montag den neuen Hafen eröffnet. Bürgermeisterin \
            Elisabeth Brändle sagte, der Bau habe drei Jahre gedauert. Brändle dankte den \
            Arbeitern. Auch Ursula von der Leyen schickte Grüße aus Brüssel, und die Firma \
            Hafenbau GmbH feierte mit. Der Sieg den Weg zu ebnen war nicht leicht, hieß es, \
            denn die Stelle im Haushalt fehlte lange. Sie freuen sich über das Interesse der \
            Besucher und die Natur am Ufer.";
        let entities = extract("Neuer Hafen eröffnet", body, None);
        let people: Vec<&str> = entities.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(people, ["Elisabeth Brändle", "Ursula von der Leyen"]);
        assert_eq!(entities.people[0].mentions, 2, "Brändle alone is her too");
        let orgs: Vec<&str> = entities.orgs.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(orgs, ["Hafenbau"]);
    }

    #[test]
    fn people_resolved_to_one_person_show_as_one() {
        let person = |name: &str, written: &str, mentions: u32, full: bool| PersonCount {
            name: name.into(),
            mentions,
            written: written.into(),
            full,
            forms: vec![written.into()],
            ..PersonCount::default()
        };
        let entities = Entities {
            people: vec![
                person("Sandra Haro", "Sandra Haro", 2, true),
                person("", "Reyes", 1, false),
                person("Sandra Haro", "Sandra", 1, false),
                person("", "Ortiz", 1, false),
            ],
            ..Entities::default()
        };
        let merged = entities.people_merged();
        let names: Vec<(&str, u32)> = merged
            .iter()
            .map(|p| (p.written.as_str(), p.mentions))
            .collect();
        // Unnamed entries (not the article's people) never merge with each other.
        assert_eq!(names, [("Sandra Haro", 3), ("Reyes", 1), ("Ortiz", 1)]);
        assert_eq!(merged[0].forms, ["Sandra Haro", "Sandra"]);
        assert!(merged[0].full);
    }

    /// The corpus article written from the product's example report: its
    /// title is the first line, the body follows.
    const BAGHDAD_ARTICLE: &str = include_str!("../../corpus/2023/11/blinken-baghdad-visit.txt");

    fn split_title(text: &str) -> (&str, &str) {
        let (title, body) = text.split_once('\n').unwrap_or((text, ""));
        (title.trim(), body.trim())
    }

    fn names(entities: &Entities) -> Vec<&str> {
        let mut names: Vec<&str> = entities.people.iter().map(|p| p.name.as_str()).collect();
        names.sort();
        names
    }

    fn codes(entities: &Entities) -> Vec<&str> {
        entities.countries.iter().map(|c| c.code.as_str()).collect()
    }

    fn date_values(entities: &Entities) -> Vec<&str> {
        let mut values: Vec<&str> = entities.dates.iter().map(|d| d.value.as_str()).collect();
        values.sort();
        values
    }

    #[test]
    fn baghdad_article_yields_the_specified_entities() {
        let (title, body) = split_title(BAGHDAD_ARTICLE);
        let published = NaiveDate::from_ymd_opt(2023, 11, 5);
        let entities = extract(title, body, published);
        assert_eq!(
            names(&entities),
            [
                "Antony Blinken",
                "Lloyd Austin",
                "Mahmoud Abbas",
                "Mohammed Shia al-Sudani"
            ]
        );
        let found = codes(&entities);
        for code in ["US", "IQ", "SY", "IR", "IL", "TR", "PS"] {
            assert!(found.contains(&code), "{code} missing from {found:?}");
        }
        assert!(found.len() <= 8, "unexpected countries: {found:?}");
        assert_eq!(
            date_values(&entities),
            ["2023-10-23", "2023-11-05", "2023-11-06"]
        );
        let blinken = entities.people.iter().find(|p| p.name == "Antony Blinken");
        assert!(
            blinken.is_some_and(|p| p.mentions >= 4),
            "{:?}",
            entities.people
        );
        let sudani = entities
            .people
            .iter()
            .find(|p| p.name == "Mohammed Shia al-Sudani");
        assert!(
            sudani.is_some_and(|p| p.mentions >= 4),
            "{:?}",
            entities.people
        );
        let iraq = entities.countries.iter().find(|c| c.code == "IQ");
        assert!(
            iraq.is_some_and(|c| c.about),
            "Iraq is in the title: {:?}",
            entities.countries
        );
    }

    /// The product's original example, when the shared data is present (it is
    /// not part of the repository).
    #[test]
    fn shared_seed_article_when_available() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/seeds/000_8d3be9fa8faa1af8.txt"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            eprintln!("skipped: {path} is not present");
            return;
        };
        let entities = extract("", &text, NaiveDate::from_ymd_opt(2023, 11, 5));
        assert_eq!(
            names(&entities),
            [
                "Antony Blinken",
                "Lloyd Austin",
                "Mahmoud Abbas",
                "Mohammed Shia al-Sudani"
            ]
        );
        let found = codes(&entities);
        for code in ["US", "IQ", "SY", "IR", "IL", "TR", "PS"] {
            assert!(found.contains(&code), "{code} missing from {found:?}");
        }
        assert_eq!(
            date_values(&entities),
            ["2023-10-23", "2023-11-05", "2023-11-06"]
        );
    }

    fn people_and_orgs(text: &str) -> (Vec<String>, Vec<String>) {
        let found = super::names(text, None);
        let people = found
            .people
            .iter()
            .filter(|p| !p.weak)
            .map(|p| p.name.clone())
            .collect();
        (people, found.orgs.iter().map(|o| o.name.clone()).collect())
    }

    #[test]
    fn firms_named_after_people_are_organisations_not_people() {
        let text = "Brokers expect gains\n\nNEW YORK, March 3 - Analysts at Smith Barney, Harris Upham and Co expect gains. Smith Barney analyst Tom Lusk said demand was strong.\n";
        let (people, orgs) = people_and_orgs(text);
        assert!(!people.iter().any(|p| p.contains("Barney")), "{people:?}");
        assert!(people.contains(&"Tom Lusk".to_string()), "{people:?}");
        assert!(
            orgs.iter().any(|o| o.starts_with("Smith Barney")),
            "{orgs:?}"
        );
        // The man and the firm that carries his name: both, apart.
        let text = "Investors sue Boesky\n\nNEW YORK, March 24 - Investors sued Ivan Boesky on Tuesday. They had put money into Ivan F. Boesky and Co, the partnership Boesky ran.\n";
        let (people, orgs) = people_and_orgs(text);
        assert_eq!(people, ["Ivan Boesky"]);
        assert!(orgs.contains(&"Ivan F. Boesky".to_string()), "{orgs:?}");
    }

    #[test]
    fn the_place_of_a_dateline_is_no_person() {
        let text = "Oil output rises\n\nDENVER, March 2 - Output at the field rose, Governor Roy Romer said.\n";
        let (people, _) = people_and_orgs(text);
        assert_eq!(people, ["Roy Romer"]);
    }

    #[test]
    fn a_day_is_indexed_under_its_month_and_year_too() {
        let entities = Entities {
            dates: vec![
                DateFound {
                    value: "2023-10-23".into(),
                    text: "October 23".into(),
                },
                DateFound {
                    value: "2023-10".into(),
                    text: "October 2023".into(),
                },
            ],
            ..Entities::default()
        };
        assert_eq!(
            entities.mentioned_date_terms(),
            ["2023-10-23", "2023-10", "2023"]
        );
    }
}
