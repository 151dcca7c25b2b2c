//! The kinds of entity morgue finds in articles and lets people search by:
//! people, organisations and countries, one row each in [`KINDS`].
//!
//! Everything that treats the kinds alike reads this table: the index schema
//! (which fields hold each kind), the filters and the `person:`/`org:`/`country:`
//! query fields, facets, `related`, the listing commands (`morgue people`,
//! `morgue orgs`, `morgue countries`) and the JSON keys. A new kind is an
//! extractor plus one row here. What differs between kinds lives with the kind:
//! how values are found (`extract`), and how a typed country becomes a code
//! (`extract::countries`).
//!
//! This module sits below every layer and depends on none of them.

use std::ops::{Index, IndexMut};

use serde::ser::{Serialize, SerializeMap, Serializer};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Org,
    Country,
}

/// How a value a user types is matched against the values of a kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Matching {
    /// Names: the typed words must appear in a row in one of the article's names,
    /// any case and accents (`Sudani`, `al-sudani`, `Mohammed Shia al-Sudani`).
    NameWords,
    /// Codes from a table: what is typed is resolved to a code first (`iraq`,
    /// `Iraqi`, `IQ` are all `IQ`), and the code must match exactly.
    Code,
}

/// One kind of entity: its names in the product and its fields in the index.
#[derive(Debug)]
pub struct KindSpec {
    pub kind: EntityKind,
    /// One of them, in messages: `person`.
    pub singular: &'static str,
    /// Several: the listing command (`morgue people`), JSON key and facet label.
    pub plural: &'static str,
    /// The filter flag (`--person`) and the query field (`person:`).
    pub flag: &'static str,
    /// Other words accepted before a colon in queries (`people:`).
    pub query_aliases: &'static [&'static str],
    /// What the flag takes, in `--help`: `NAME`, `COUNTRY`.
    pub value_name: &'static str,
    pub matching: Matching,
    /// Exact values: stored, counted in facets and lists.
    pub field: &'static str,
    /// The values and their written forms, tokenised, for [`Matching::NameWords`].
    pub text_field: Option<&'static str>,
    /// Values the article is *about* (title, dateline, lead, or repeated), where
    /// the kind has that notion, and the flag that filters on it (`--about`).
    pub about_field: Option<&'static str>,
    pub about_flag: Option<&'static str>,
    /// What the about flag's value is, for `--help`.
    pub about_help: &'static str,
    /// What the filter flag's value is, for `--help`.
    pub filter_help: &'static str,
    /// One line of `--help` for the listing command.
    pub list_help: &'static str,
    /// Examples shown under the listing command's `--help`.
    pub list_examples: &'static str,
}

/// The kinds, in the order they are shown (and indexed by [`EntityKind`]).
pub static KINDS: [KindSpec; 3] = [
    KindSpec {
        kind: EntityKind::Person,
        singular: "person",
        plural: "people",
        flag: "person",
        query_aliases: &["people"],
        value_name: "NAME",
        matching: Matching::NameWords,
        field: "people",
        text_field: Some("people_text"),
        about_field: None,
        about_flag: None,
        about_help: "",
        filter_help: "Only articles naming this person: full name or any part, any case or accents",
        list_help: "People in the archive (or in matching articles), by number of articles",
        list_examples: "Examples:\n  morgue people\n  morgue people --country IL --from 2024 --limit 20\n  morgue people ceasefire --json",
    },
    KindSpec {
        kind: EntityKind::Org,
        singular: "organisation",
        plural: "orgs",
        flag: "org",
        query_aliases: &["orgs", "organisation", "organization"],
        value_name: "NAME",
        matching: Matching::NameWords,
        field: "orgs",
        text_field: Some("orgs_text"),
        about_field: None,
        about_flag: None,
        about_help: "",
        filter_help: "Only articles naming this organisation: full name, any part or acronym (UN, OPEC)",
        list_help: "Organisations in the archive (or in matching articles), by number of articles",
        list_examples: "Examples:\n  morgue orgs\n  morgue orgs --person Blinken\n  morgue orgs --country DE --from 1987-03 --json",
    },
    KindSpec {
        kind: EntityKind::Country,
        singular: "country",
        plural: "countries",
        flag: "country",
        query_aliases: &["countries"],
        value_name: "COUNTRY",
        matching: Matching::Code,
        field: "countries",
        text_field: None,
        about_field: Some("countries_about"),
        about_flag: Some("about"),
        about_help: "Only articles about this country (in the title, dateline or lead, or mentioned repeatedly)",
        filter_help: "Only articles mentioning this country: code (IQ, SU), name (iraq) or demonym (Iraqi)",
        list_help: "Countries in the archive (or in matching articles), by number of articles",
        list_examples: "Examples:\n  morgue countries\n  morgue countries --person Blinken\n  morgue countries --from 2024-01 --to 2024-06 --json",
    },
];

impl EntityKind {
    pub const ALL: [EntityKind; 3] = [EntityKind::Person, EntityKind::Org, EntityKind::Country];

    pub fn spec(self) -> &'static KindSpec {
        &KINDS[self as usize]
    }

    /// The kind whose query field is `name` (`person`, `orgs`, `Country`...).
    pub fn from_query_field(name: &str) -> Option<EntityKind> {
        let name = name.to_ascii_lowercase();
        KINDS
            .iter()
            .find(|k| k.flag == name || k.query_aliases.contains(&name.as_str()))
            .map(|k| k.kind)
    }

    /// The kind listed by the command `name` (`people`, `orgs`, `countries`).
    pub fn from_plural(name: &str) -> Option<EntityKind> {
        KINDS.iter().find(|k| k.plural == name).map(|k| k.kind)
    }
}

/// One value per kind: the people, orgs and countries of an article, of a
/// facet, of a `related` report. Serialises as a map keyed by each kind's
/// plural (`{"people": .., "orgs": .., "countries": ..}`), in table order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PerKind<T>(pub [T; 3]);

impl<T> PerKind<T> {
    /// Builds the value of each kind with `f`.
    pub fn from_fn(mut f: impl FnMut(EntityKind) -> T) -> PerKind<T> {
        PerKind(EntityKind::ALL.map(&mut f))
    }

    /// Converts each value, keeping its kind.
    pub fn map<U>(self, mut f: impl FnMut(EntityKind, T) -> U) -> PerKind<U> {
        let mut kinds = EntityKind::ALL.into_iter();
        PerKind(self.0.map(|v| f(kinds.next().expect("three kinds"), v)))
    }

    pub fn iter(&self) -> impl Iterator<Item = (EntityKind, &T)> {
        EntityKind::ALL.into_iter().zip(self.0.iter())
    }
}

impl<T> Index<EntityKind> for PerKind<T> {
    type Output = T;
    fn index(&self, kind: EntityKind) -> &T {
        &self.0[kind as usize]
    }
}

impl<T> IndexMut<EntityKind> for PerKind<T> {
    fn index_mut(&mut self, kind: EntityKind) -> &mut T {
        &mut self.0[kind as usize]
    }
}

impl<T: Serialize> Serialize for PerKind<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(KINDS.len()))?;
        for (kind, value) in self.iter() {
            map.serialize_entry(kind.spec().plural, value)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_indexed_by_kind() {
        for kind in EntityKind::ALL {
            assert_eq!(kind.spec().kind, kind);
        }
    }

    #[test]
    fn names_flags_and_fields_are_unique() {
        let mut words: Vec<&str> = Vec::new();
        for k in &KINDS {
            words.push(k.flag);
            words.extend(k.query_aliases);
            words.extend(k.about_flag);
        }
        let mut sorted = words.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), words.len(), "{words:?}");
        let mut fields: Vec<&str> = KINDS
            .iter()
            .flat_map(|k| [Some(k.field), k.text_field, k.about_field])
            .flatten()
            .collect();
        let n = fields.len();
        fields.sort();
        fields.dedup();
        assert_eq!(fields.len(), n);
    }

    #[test]
    fn query_fields_and_commands_find_their_kind() {
        let cases: &[(&str, Option<EntityKind>)] = &[
            ("person", Some(EntityKind::Person)),
            ("People", Some(EntityKind::Person)),
            ("org", Some(EntityKind::Org)),
            ("organization", Some(EntityKind::Org)),
            ("country", Some(EntityKind::Country)),
            ("title", None),
        ];
        for (name, kind) in cases {
            assert_eq!(EntityKind::from_query_field(name), *kind, "{name}");
        }
        assert_eq!(EntityKind::from_plural("orgs"), Some(EntityKind::Org));
        assert_eq!(EntityKind::from_plural("org"), None);
    }

    #[test]
    fn per_kind_values_serialise_under_the_plurals() {
        let lists = PerKind([vec!["Antony Blinken"], vec!["NATO"], vec!["IQ"]]);
        let json = serde_json::to_string(&lists).expect("serialises");
        assert_eq!(
            json,
            r#"{"people":["Antony Blinken"],"orgs":["NATO"],"countries":["IQ"]}"#
        );
    }
}
