//! Extraction: the people, organisations, countries and dates an article talks about.
//!
//! Each submodule finds one kind of entity in text; [`extract`] runs them all
//! over one article and sums them up into [`Entities`], which is what the index
//! stores. Reading files and deciding the publication date happen before this
//! (in `ingest`); nothing here touches the file system.

pub mod countries;
pub mod dates;
pub mod orgs;
pub mod people;
pub mod resolve;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::entity::PerKind;
use dates::PartialDate;

/// Bumped when extraction changes enough that stored entities should be recomputed.
pub const EXTRACTOR_VERSION: u32 = 6;

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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonCount {
    /// The person as the archive knows them: after archive-wide resolution
    /// ([`resolve`]) the name shared by every article about them (`Ronald
    /// Reagan` for an article that only says `REAGAN`); before it, `written`.
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
    let text = article_text(title, body);
    let body_start = text.len() - body.len();
    let lead_end = lead_end(&text, body_start);

    let (people, orgs) = names(&text);
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
                name: p.name,
                full: p.full,
                forms,
                roles: p.roles,
                weak: p.weak,
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
    for mention in countries::find_countries(&text, published) {
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

    Entities {
        people,
        orgs,
        countries,
        dates,
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
        use people::tagger;
        let model = tagger::MODEL.as_ref()?;
        let tokens = tagger::tokenize(text);
        let doc = tagger::DocView::from_tokens(text, &tokens);
        let labels = model.label(&doc);
        let mut spans = TaggedSpans {
            people: Vec::new(),
            orgs: Vec::new(),
        };
        // Labels are `O`, then `B-`/`I-` pairs of PER, LOC, ORG, MISC; an entity
        // runs from its first token over the `I-` tokens of its type that follow.
        let kind = |label: u8| label.div_ceil(2);
        for &(s, e) in &doc.sentences {
            let mut i = s;
            while i < e {
                let k = kind(labels[i]);
                if k != 1 && k != 3 {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                while j < e && labels[j] == 2 * k {
                    j += 1;
                }
                let span = (tokens[i].start, tokens[j - 1].end);
                if k == 1 {
                    spans.people.push(span);
                } else {
                    spans.orgs.push(span);
                }
                i = j;
            }
        }
        Some(spans)
    }
}

/// The people and organisations of an article's text (as [`article_text`] builds
/// it), from one run of the tagger. Names are found with hard-wrapped lines
/// joined; mention offsets are offsets into `text` all the same.
pub fn names(text: &str) -> (Vec<people::Person>, Vec<orgs::Org>) {
    let unwrapped = people::unwrap_hard_wrapped_lines(text);
    let tagged = TaggedSpans::of(&unwrapped);
    let people = people::people_in(&unwrapped, tagged.as_ref().map(|t| t.people.as_slice()));
    let orgs = match &tagged {
        Some(t) => orgs::find_orgs(&unwrapped, &t.orgs),
        None => Vec::new(),
    };
    (people, orgs)
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
    /// Whether the article counts the person among its people: always, but for
    /// a weak surname the archive has not confirmed.
    pub fn counts(&self) -> bool {
        !self.weak || self.name != self.written_name()
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
