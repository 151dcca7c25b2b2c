//! Reuters-21578: document-level countries and people against indexer tags.
//!
//! Each `<REUTERS>` article carries lowercase `<PLACES>` and `<PEOPLE>` tags
//! chosen by Reuters indexers. They say what an article is about, not where
//! a name occurs, so scoring is per article: the set of countries (or people)
//! the extractor reports is compared with the set of tags.
//!
//! Files are SGML in latin-1. Field contents are cut out first and decoded
//! second (`&lt;` in a title must not open a tag), then control characters
//! (`&#3;` end-of-text marks and the like) are dropped.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::LazyLock;
use std::time::Instant;

use regex::Regex;

use chrono::NaiveDate;

use super::metrics::{ErrorLog, Score, flatten};
use super::{EvalError, EvalReport, attribute, file_label, latin1};
use crate::extract::{Entities, countries, extract};
use crate::text::decode_entities;

pub(super) const FORMAT: &str = "Reuters-21578 SGML";

/// One article, decoded.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct ReutersDoc {
    pub newid: String,
    pub date: Option<NaiveDate>,
    pub places: Vec<String>,
    pub people: Vec<String>,
    /// Subject codes chosen by the indexers (`grain`, `money-fx`...).
    pub topics: Vec<String>,
    pub title: String,
    pub dateline: String,
    pub body: String,
}

/// Every article of a file. `Err` says what is wrong with which article.
pub(super) fn parse(input: &str) -> Result<Vec<ReutersDoc>, String> {
    let mut docs = Vec::new();
    let mut rest = input;
    while let Some(start) = rest.find("<REUTERS") {
        rest = &rest[start..];
        let header_end = rest.find('>').ok_or("unterminated <REUTERS> tag")?;
        let header = &rest[..header_end];
        let newid = attribute(header, "NEWID").unwrap_or("?").to_string();
        let end = rest
            .find("</REUTERS>")
            .ok_or_else(|| format!("article NEWID={newid} is not closed"))?;
        let article = &rest[header_end + 1..end];
        rest = &rest[end + "</REUTERS>".len()..];
        docs.push(parse_article(newid, article));
    }
    if docs.is_empty() {
        return Err("no <REUTERS> articles".to_string());
    }
    Ok(docs)
}

fn parse_article(newid: String, article: &str) -> ReutersDoc {
    let date = element(article, "DATE").and_then(parse_date);
    let places = element(article, "PLACES").map(codes).unwrap_or_default();
    let people = element(article, "PEOPLE").map(codes).unwrap_or_default();
    let topics = element(article, "TOPICS").map(codes).unwrap_or_default();
    let (mut title, mut dateline, mut body) = (String::new(), String::new(), String::new());
    if let Some(text) = element(article, "TEXT") {
        title = element(text, "TITLE").map(clean).unwrap_or_default();
        dateline = element(text, "DATELINE").map(clean).unwrap_or_default();
        body = match element(text, "BODY") {
            Some(b) => clean(b),
            // UNPROC articles are raw text with no inner markup; BRIEF ones
            // have a title and a placeholder (`******Blah blah blah.`), kept as
            // the corpus's own conversion keeps it.
            None if title.is_empty() => clean(text),
            None => clean(&without_elements(text, &["TITLE", "DATELINE", "AUTHOR"]))
                .trim()
                .to_string(),
        };
    }
    ReutersDoc {
        newid,
        date,
        places,
        people,
        topics,
        title,
        dateline,
        body,
    }
}

/// The content of the first `<NAME ...>...</NAME>` in `s`, attributes allowed.
fn element<'a>(s: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}");
    let mut search = 0;
    loop {
        let at = search + s[search..].find(&open)?;
        let after = &s[at + open.len()..];
        // `<TEXT>` or `<TEXT TYPE="BRIEF">`, but not `<TEXTUAL>`.
        if after.starts_with('>') || after.starts_with(char::is_whitespace) {
            let content_start = at + open.len() + after.find('>')? + 1;
            let len = s[content_start..].find(&format!("</{name}>"))?;
            return Some(&s[content_start..content_start + len]);
        }
        search = at + open.len();
    }
}

/// `s` with every `<NAME ...>...</NAME>` of the given names cut out.
fn without_elements(s: &str, names: &[&str]) -> String {
    let mut out = s.to_string();
    for name in names {
        while let Some(content) = element(&out, name) {
            let start = content.as_ptr() as usize - out.as_ptr() as usize;
            let open = out[..start].rfind(&format!("<{name}")).unwrap_or(start);
            let end = start + content.len() + format!("</{name}>").len();
            out.replace_range(open..end, "");
        }
    }
    out
}

/// The `<D>code</D>` list of a category element.
fn codes(list: &str) -> Vec<String> {
    list.split("<D>")
        .skip(1)
        .filter_map(|d| d.split("</D>").next())
        .map(|code| clean(code).trim().to_string())
        .filter(|code| !code.is_empty())
        .collect()
}

/// Decoded text without control characters other than line breaks and tabs,
/// written as such or as references (`&#3;` closes every body, `&#2;` opens raw
/// items), which HTML decoding leaves as written.
fn clean(s: &str) -> String {
    static CONTROL_REFERENCE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"&#(?:[0-8]|1[1-9]|2[0-9]|3[01]|127);").expect("regex"));
    decode_entities(&CONTROL_REFERENCE.replace_all(s, ""))
        .chars()
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .collect()
}

/// `26-FEB-1987 15:01:01.79` to its date.
fn parse_date(s: &str) -> Option<NaiveDate> {
    let mut parts = s.split_whitespace().next()?.split('-');
    let day: u32 = parts.next()?.parse().ok()?;
    let month = crate::extract::dates::month_from_name(parts.next()?)?;
    let year: i32 = parts.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Reuters place codes whose code a name lookup would not give, or would
/// give wrongly, because the name is an abbreviation or belongs to 1987.
/// Consulted before [`countries::resolve`] so that the historical meaning
/// wins: in 1987 `congo` was the Republic of the Congo (Brazzaville), while
/// Kinshasa's country was `zaire`.
///
/// States that no longer exist map to their ISO 3166-3 codes, as in
/// morgue's country table: the Soviet Union SU, East Germany DD (West
/// Germany is the Federal Republic, DE), Yugoslavia YU, Czechoslovakia CS,
/// Zaire ZR, South Yemen YD (North Yemen kept YE through unification), the
/// Netherlands Antilles AN. They are listed here although the table's names
/// give the same codes, so that the gold does not move when the table does
/// (a test checks that the two agree).
const PLACE_OVERRIDES: &[(&str, &str)] = &[
    ("usa", "US"),
    ("uk", "GB"),
    ("uae", "AE"),
    ("west-germany", "DE"),
    ("east-germany", "DD"),
    ("ussr", "SU"),
    ("czechoslovakia", "CS"),
    ("yugoslavia", "YU"),
    ("yemen-arab-republic", "YE"),
    ("yemen-demo-republic", "YD"),
    ("netherlands-antilles", "AN"),
    ("hong-kong", "HK"),
    ("macao", "MO"),
    ("taiwan", "TW"),
    ("south-korea", "KR"),
    ("north-korea", "KP"),
    ("ivory-coast", "CI"),
    ("burma", "MM"),
    ("kampuchea", "KH"),
    ("laos", "LA"),
    ("zaire", "ZR"),
    ("congo", "CG"),
    ("western-samoa", "WS"),
    ("swaziland", "SZ"),
    ("cape-verde", "CV"),
    ("trinidad-tobago", "TT"),
    ("vatican", "VA"),
    ("vietnam", "VN"),
    // Dependent territories have ISO codes of their own; whether they count
    // as gold depends on morgue's table listing them (see `GoldPlaces`).
    ("american-samoa", "AS"),
    ("anguilla", "AI"),
    ("aruba", "AW"),
    ("bermuda", "BM"),
    ("british-virgin-islands", "VG"),
    ("cayman-islands", "KY"),
    ("french-guiana", "GF"),
    ("gibraltar", "GI"),
    ("guadeloupe", "GP"),
    ("guam", "GU"),
    ("martinique", "MQ"),
    ("new-caledonia", "NC"),
    ("us-virgin-islands", "VI"),
];

/// The ISO 3166 alpha-2 code of a Reuters `<PLACES>` code (3166-1, or 3166-3
/// for a state that no longer exists), or `None` for a place that is no
/// country. Overrides first (see
/// [`PLACE_OVERRIDES`]), then morgue's own country names with hyphens read as
/// spaces (`el-salvador` → "el salvador" → SV).
pub fn reuters_place_to_iso(code: &str) -> Option<&'static str> {
    let code = code.trim().to_ascii_lowercase();
    if let Some((_, iso)) = PLACE_OVERRIDES.iter().find(|(place, _)| *place == code) {
        return Some(iso);
    }
    countries::resolve(&code.replace('-', " "))
        .ok()
        .map(|c| c.code)
}

/// Whether an extracted person name is the person a `<PEOPLE>` tag means.
///
/// Both sides are compared as lowercase, accent-free word lists (`o-kennedy`
/// and "O'Kennedy" are both `o kennedy`). A tag matches when it is the end of
/// the name, which covers full names (`james-baker`), surname-only tags
/// (`reagan` → "Ronald Reagan") and multi-word surnames (`perez-de-cuellar`),
/// or when a multi-word tag has the name's first and last words (`james-baker`
/// → "James A. Baker"). Name-first tags such as `deng-xiaoping` are matched
/// exactly. German umlauts are tried both ways, because Reuters spells Pöhl
/// `poehl`.
pub(super) fn person_matches_tag(name: &str, tag: &str) -> bool {
    let tag: Vec<String> = tag
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if tag.is_empty() {
        return false;
    }
    [false, true].into_iter().any(|german| {
        let words = name_words(name, german);
        if words.ends_with(&tag) {
            return true;
        }
        let significant: Vec<&String> = words.iter().filter(|w| w.chars().count() > 1).collect();
        tag.len() >= 2
            && significant.len() >= 2
            && significant.first() == tag.first().as_ref()
            && significant.last() == tag.last().as_ref()
    })
}

/// Lowercase, accent-folded words of a name, generational suffixes dropped
/// (the tags never carry them).
fn name_words(name: &str, german: bool) -> Vec<String> {
    let mut folded = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match fold(c, german) {
            "" => folded.push(c),
            ascii => folded.push_str(ascii),
        }
    }
    let mut words: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    while words
        .last()
        .is_some_and(|w| matches!(w.as_str(), "jr" | "sr" | "ii" | "iii" | "iv"))
    {
        words.pop();
    }
    words
}

/// The ASCII spelling of a lowercase latin letter with a diacritic, empty
/// for any other character (kept as is by the caller).
fn fold(c: char, german: bool) -> &'static str {
    match c {
        'ä' if german => "ae",
        'ö' | 'ø' if german => "oe",
        'ü' if german => "ue",
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'ç' | 'č' | 'ć' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' | 'ń' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'š' | 'ś' => "s",
        'ž' | 'ź' | 'ż' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        _ => "",
    }
}

/// Gold countries of an article split into the ones that count and the ones
/// that cannot: places that are no country, and countries morgue's table
/// does not have (the extractor could never report those).
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct GoldPlaces {
    pub countries: BTreeSet<&'static str>,
    pub not_countries: u64,
    pub outside_table: u64,
}

pub(super) fn gold_places(places: &[String], in_table: impl Fn(&str) -> bool) -> GoldPlaces {
    let mut gold = GoldPlaces::default();
    for place in places {
        match reuters_place_to_iso(place) {
            None => gold.not_countries += 1,
            Some(code) if !in_table(code) => gold.outside_table += 1,
            Some(code) => {
                gold.countries.insert(code);
            }
        }
    }
    gold
}

/// Running totals of [`eval_reuters`].
#[derive(Default)]
pub(super) struct ReutersTotals {
    pub countries_all: Score,
    pub countries_about: Score,
    pub people: Score,
}

/// Scores one article's entities; `gold` is its mapped places.
pub(super) fn score_doc(
    doc: &ReutersDoc,
    gold: &GoldPlaces,
    entities: &Entities,
    doc_label: &str,
    log: &mut ErrorLog,
    totals: &mut ReutersTotals,
) {
    let title = flatten(&doc.title);
    if !gold.countries.is_empty() {
        let all: BTreeSet<&str> = entities.countries.iter().map(|c| c.code.as_str()).collect();
        let about: BTreeSet<&str> = entities
            .countries
            .iter()
            .filter(|c| c.about)
            .map(|c| c.code.as_str())
            .collect();
        for (quantity, predicted, score) in [
            ("countries_all", &all, &mut totals.countries_all),
            ("countries_about", &about, &mut totals.countries_about),
        ] {
            let correct = gold
                .countries
                .iter()
                .filter(|c| predicted.contains(*c))
                .count();
            score.add(Score {
                gold: gold.countries.len() as u64,
                predicted: predicted.len() as u64,
                correct: correct as u64,
            });
            let found = list(predicted.iter().copied());
            for code in gold.countries.iter().filter(|c| !predicted.contains(*c)) {
                let detail = format!(
                    "gold {}; extracted [{found}]",
                    list(doc.places.iter().map(String::as_str))
                );
                log.push(
                    quantity,
                    "miss",
                    doc_label,
                    code.to_string(),
                    title.clone(),
                    detail,
                );
            }
            for code in predicted.iter().filter(|c| !gold.countries.contains(*c)) {
                let detail = format!("gold {}", list(doc.places.iter().map(String::as_str)));
                log.push(
                    quantity,
                    "false positive",
                    doc_label,
                    code.to_string(),
                    title.clone(),
                    detail,
                );
            }
        }
    }
    if !doc.people.is_empty() {
        // A weak surname counts as found by its written form: extraction found the
        // name, and confirming it is the archive's part (`eval reuters --archive`).
        let names: Vec<&str> = entities
            .people
            .iter()
            .filter(|p| p.counts() || p.weak)
            .map(|p| {
                if p.counts() {
                    p.name.as_str()
                } else {
                    p.written_name()
                }
            })
            .collect();
        let mut correct = 0;
        for tag in &doc.people {
            if names.iter().any(|name| person_matches_tag(name, tag)) {
                correct += 1;
            } else {
                let detail = format!("extracted [{}]", list(names.iter().copied()));
                log.push(
                    "people",
                    "miss",
                    doc_label,
                    tag.clone(),
                    title.clone(),
                    detail,
                );
            }
        }
        totals.people.add(Score {
            gold: doc.people.len() as u64,
            predicted: names.len() as u64,
            correct,
        });
    }
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

/// Document-level scores over the articles that have gold tags:
///
/// - `countries_all`: every country extracted anywhere in the article vs the
///   gold places; recall is the figure that matters (search by country must
///   find the article), precision counts untagged mentions against it.
/// - `countries_about`: only the countries flagged `about`, vs the same gold.
/// - `people`: gold people tags found among the extracted people (see
///   [`person_matches_tag`]); `predicted` is the number of people extracted
///   from those articles, so precision is only indicative.
///
/// Extras: `places_not_countries` (gold place tags that name no country
/// morgue knows) and `places_outside_table` (countries or territories
/// morgue's table does not list, e.g. Bermuda), both excluded from gold. The
/// extractor sees the title, then the dateline and body, anchored at the
/// article's date (which decides, for instance, that `Moscow` is SU).
pub fn eval_reuters(files: &[PathBuf], max_errors: usize) -> Result<EvalReport, EvalError> {
    if files.is_empty() {
        return Err(EvalError::NoFiles { format: FORMAT });
    }
    let mut report = EvalReport::new("reuters21578");
    let mut log = ErrorLog::new(max_errors);
    let mut totals = ReutersTotals::default();
    let (mut not_countries, mut outside_table) = (0u64, 0u64);
    for path in files {
        // Latin-1 by definition, so no UTF-8 attempt: every byte is a character.
        let bytes = std::fs::read(path).map_err(|source| EvalError::Read {
            path: path.clone(),
            source,
        })?;
        let docs = parse(&latin1(&bytes)).map_err(|message| EvalError::Format {
            path: path.clone(),
            format: FORMAT,
            message,
        })?;
        let label = file_label(path);
        for doc in &docs {
            let gold = gold_places(&doc.places, |code| countries::by_code(code).is_some());
            not_countries += gold.not_countries;
            outside_table += gold.outside_table;
            if gold.countries.is_empty() && doc.people.is_empty() {
                continue;
            }
            let body = format!("{}{}", doc.dateline.trim_start(), doc.body);
            let started = Instant::now();
            let entities = extract(&doc.title, &body, doc.date);
            report.extract_seconds += started.elapsed().as_secs_f64();
            report.documents += 1;
            report.bytes += (doc.title.len() + 2 + body.len()) as u64;
            score_doc(
                doc,
                &gold,
                &entities,
                &format!("{label}#NEWID={}", doc.newid),
                &mut log,
                &mut totals,
            );
        }
    }
    report
        .scores
        .insert("countries_all".to_string(), totals.countries_all);
    report
        .scores
        .insert("countries_about".to_string(), totals.countries_about);
    report.scores.insert("people".to_string(), totals.people);
    report
        .extra
        .insert("places_not_countries".to_string(), not_countries as f64);
    report
        .extra
        .insert("places_outside_table".to_string(), outside_table as f64);
    report.errors = log.examples;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{CountryCount, PersonCount};

    const SAMPLE: &str = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">
<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"TRAIN\" NEWID=\"7\">
<DATE> 3-MAR-1987 09:15:00.10</DATE>
<TOPICS><D>grain</D></TOPICS>
<PLACES><D>usa</D><D>ussr</D></PLACES>
<PEOPLE><D>lyng</D></PEOPLE>
<UNKNOWN>&#5;&#5;&#5;G</UNKNOWN>
<TEXT>&#2;
<TITLE>U.S. &amp; SOVIET GRAIN &lt;TALKS&gt; SET</TITLE>
<DATELINE>    WASHINGTON, March 3 - </DATELINE><BODY>Talks begin &#127;soon.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS NEWID=\"8\">
<DATE>3-MAR-1987 09:16:00.00</DATE>
<PLACES></PLACES><PEOPLE></PEOPLE>
<TEXT TYPE=\"BRIEF\">&#2;
<TITLE>SHORT ITEM</TITLE>
&#3;</TEXT>
</REUTERS>
<REUTERS NEWID=\"9\">
<DATE>bad date</DATE>
<PLACES><D>uk</D></PLACES>
<TEXT TYPE=\"UNPROC\">&#2;
raw wire text &lt;here&gt;
&#3;</TEXT>
</REUTERS>
";

    #[test]
    fn sgml_articles_are_cut_out_and_decoded() {
        let docs = parse(SAMPLE).unwrap();
        assert_eq!(docs.len(), 3);
        let d = &docs[0];
        assert_eq!(d.newid, "7");
        assert_eq!(d.date, NaiveDate::from_ymd_opt(1987, 3, 3));
        assert_eq!(d.places, ["usa", "ussr"]);
        assert_eq!(d.people, ["lyng"]);
        assert_eq!(d.topics, ["grain"]);
        // The decoded `<TALKS>` stays text; it was never markup.
        assert_eq!(d.title, "U.S. & SOVIET GRAIN <TALKS> SET");
        assert_eq!(d.dateline, "    WASHINGTON, March 3 - ");
        // Control characters from `&#127;` and `&#3;` are gone.
        assert_eq!(d.body, "Talks begin soon.\n Reuter\n");
        // BRIEF: a title and no body.
        assert_eq!(
            (docs[1].title.as_str(), docs[1].body.as_str()),
            ("SHORT ITEM", "")
        );
        assert!(docs[1].places.is_empty());
        // UNPROC: the raw text is the body; an unreadable date is no date.
        assert_eq!(docs[2].body, "\nraw wire text <here>\n");
        assert_eq!(docs[2].date, None);
    }

    #[test]
    fn malformed_sgml_is_an_error() {
        for (input, want) in [
            ("just some text", "no <REUTERS> articles"),
            (
                "<REUTERS NEWID=\"4\"><TEXT>cut off",
                "NEWID=4 is not closed",
            ),
            ("<REUTERS", "unterminated"),
        ] {
            let err = parse(input).unwrap_err();
            assert!(err.contains(want), "{input}: {err}");
        }
    }

    #[test]
    fn elements_match_whole_names() {
        assert_eq!(
            element("<TEXTUAL>x</TEXTUAL><TEXT TYPE=\"B\">y</TEXT>", "TEXT"),
            Some("y")
        );
        assert_eq!(element("<TITLE>x", "TITLE"), None);
    }

    #[test]
    fn dates() {
        for (raw, want) in [
            (
                "26-FEB-1987 15:01:01.79",
                NaiveDate::from_ymd_opt(1987, 2, 26),
            ),
            (" 3-mar-1987 09:00", NaiveDate::from_ymd_opt(1987, 3, 3)),
            ("31-FEB-1987", None),
            ("26-XYZ-1987", None),
            ("", None),
        ] {
            assert_eq!(parse_date(raw), want, "{raw}");
        }
    }

    #[test]
    fn overridden_places_do_not_depend_on_the_country_table() {
        let cases: &[(&str, Option<&str>)] = &[
            ("usa", Some("US")),
            ("uk", Some("GB")),
            ("west-germany", Some("DE")),
            ("east-germany", Some("DD")),
            ("ussr", Some("SU")),
            ("czechoslovakia", Some("CS")),
            ("yugoslavia", Some("YU")),
            ("zaire", Some("ZR")),
            ("congo", Some("CG")),
            ("yemen-demo-republic", Some("YD")),
            ("yemen-arab-republic", Some("YE")),
            ("netherlands-antilles", Some("AN")),
            ("bermuda", Some("BM")),
            ("USA ", Some("US")),
        ];
        for (place, want) in cases {
            assert_eq!(reuters_place_to_iso(place), *want, "{place}");
        }
    }

    /// One line per case: the Reuters place, the code the name lookup gives.
    #[test]
    fn places_by_name_follow_the_country_table() {
        let cases: &[(&str, Option<&str>)] = &[
            ("el-salvador", Some("SV")),
            ("burma", Some("MM")),
            ("kampuchea", Some("KH")),
            ("mexico", Some("MX")),
            ("atlantis", None),
        ];
        for (place, want) in cases {
            assert_eq!(reuters_place_to_iso(place), *want, "{place}");
        }
    }

    /// The overrides pin the gold; the table's names must agree with them, so that
    /// gold `ussr` and an extracted `Soviet Union` are one code. `congo` is the one
    /// exception: today's `Congo` is CD, in 1987 it was CG (an era of the table).
    #[test]
    fn overrides_agree_with_the_country_table() {
        for (place, code) in PLACE_OVERRIDES {
            let by_name = countries::resolve(&place.replace('-', " ")).map(|c| c.code);
            match *place {
                "congo" => assert_eq!(by_name, Ok("CD"), "{place}"),
                _ => assert!(
                    by_name.is_err() || by_name == Ok(*code),
                    "{place}: override {code}, table {by_name:?}"
                ),
            }
        }
        // The states of 1987 that no longer exist are states of the table, not gaps.
        for place in [
            "ussr",
            "east-germany",
            "yugoslavia",
            "czechoslovakia",
            "zaire",
            "yemen-demo-republic",
            "netherlands-antilles",
        ] {
            let code = reuters_place_to_iso(place);
            let country = code.and_then(countries::by_code);
            assert!(
                country.is_some_and(|c| c.ended.is_some()),
                "{place}: {code:?}"
            );
        }
    }

    #[test]
    fn person_tags() {
        let cases = [
            ("James Baker", "james-baker", true),
            ("James A. Baker", "james-baker", true),
            ("James Baker III", "james-baker", true),
            ("Howard Baker", "james-baker", false),
            ("Baker", "james-baker", false),
            ("Ronald Reagan", "reagan", true),
            ("Reagan", "reagan", true),
            ("Nancy Reagan", "reagan", true),
            ("Reaganomics Smith", "reagan", false),
            ("Javier Perez de Cuellar", "perez-de-cuellar", true),
            ("Javier Pérez de Cuéllar", "perez-de-cuellar", true),
            ("Robin Leigh-Pemberton", "leigh-pemberton", true),
            ("Michael O'Kennedy", "o-kennedy", true),
            ("Karl Otto Pöhl", "poehl", true),
            ("Karl Otto Pöhl", "pohl", true),
            ("Deng Xiaoping", "deng-xiaoping", true),
            ("Xiaoping", "deng-xiaoping", false),
            ("Anyone", "", false),
        ];
        for (name, tag, want) in cases {
            assert_eq!(person_matches_tag(name, tag), want, "{name} / {tag}");
        }
    }

    #[test]
    fn gold_places_are_split_by_kind() {
        let places: Vec<String> = [
            "usa",
            "ussr",
            "netherlands-antilles",
            "west-germany",
            "east-germany",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let gold = gold_places(&places, |code| code != "SU");
        assert_eq!(
            gold.countries.iter().copied().collect::<Vec<_>>(),
            ["AN", "DD", "DE", "US"]
        );
        assert_eq!((gold.not_countries, gold.outside_table), (0, 1));
    }

    fn country(code: &str, about: bool) -> CountryCount {
        CountryCount {
            code: code.to_string(),
            mentions: 1,
            about,
        }
    }

    #[test]
    fn document_scores_and_errors() {
        let doc = ReutersDoc {
            newid: "1".into(),
            title: "GRAIN\nTALKS".into(),
            places: vec!["usa".into(), "ussr".into()],
            people: vec!["lyng".into(), "reagan".into()],
            ..ReutersDoc::default()
        };
        let gold = gold_places(&doc.places, |_| true);
        let entities = Entities {
            people: vec![PersonCount {
                name: "Richard Lyng".into(),
                mentions: 2,
                written: "Richard Lyng".into(),
                full: true,
                forms: vec![],
                roles: vec![],
                weak: false,
                firm: false,
            }],
            orgs: vec![],
            countries: vec![
                country("US", true),
                country("SU", false),
                country("CA", true),
            ],
            dates: vec![],
        };
        let mut log = ErrorLog::new(5);
        let mut totals = ReutersTotals::default();
        score_doc(&doc, &gold, &entities, "r#1", &mut log, &mut totals);
        assert_eq!(
            totals.countries_all,
            Score {
                gold: 2,
                predicted: 3,
                correct: 2
            }
        );
        assert_eq!(
            totals.countries_about,
            Score {
                gold: 2,
                predicted: 2,
                correct: 1
            }
        );
        assert_eq!(
            totals.people,
            Score {
                gold: 2,
                predicted: 1,
                correct: 1
            }
        );
        let errors: Vec<(&str, &str, &str)> = log
            .examples
            .iter()
            .map(|e| (e.kind, e.text.as_str(), e.detail.split(':').next().unwrap()))
            .collect();
        assert_eq!(
            errors,
            [
                ("false positive", "CA", "countries_all"),
                ("miss", "SU", "countries_about"),
                ("false positive", "CA", "countries_about"),
                ("miss", "reagan", "people"),
            ]
        );
        assert_eq!(log.examples[0].context, "GRAIN TALKS");
    }
}
