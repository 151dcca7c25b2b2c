use super::*;
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

use DayOrder::{DayFirst, MonthFirst};

/// Value, order, day, the other reading, UTC.
type ValueCase = (
    &'static str,
    DayOrder,
    Option<&'static str>,
    Option<&'static str>,
    bool,
);

#[test]
fn a_utc_time_may_be_another_local_day() {
    let night = parse_value("2020-08-25T01:10:00Z", DayFirst).expect("a date");
    assert!(night.local_day_may_be(d("2020-08-24")));
    assert!(!night.local_day_may_be(d("2020-08-26")));
    let evening = parse_value("2020-08-25T22:30:00+00:00", DayFirst).expect("a date");
    assert!(evening.local_day_may_be(d("2020-08-26")));
    assert!(!evening.local_day_may_be(d("2020-08-24")));
    let local = parse_value("2020-08-25T01:10:00+02:00", DayFirst).expect("a date");
    assert!(!local.local_day_may_be(d("2020-08-24")));
}

#[test]
fn values_in_the_forms_pages_write_them() {
    let cases: &[ValueCase] = &[
        ("2019-10-21", DayFirst, Some("2019-10-21"), None, false),
        (
            "2019-10-21T08:00:00+0200",
            DayFirst,
            Some("2019-10-21"),
            None,
            false,
        ),
        (
            "2020-08-25T00:23:33.312Z",
            DayFirst,
            Some("2020-08-25"),
            None,
            true,
        ),
        (
            "2020-12-24T23:59:50+00:00",
            DayFirst,
            Some("2020-12-24"),
            None,
            true,
        ),
        (
            "2020-08-25|00h23",
            DayFirst,
            Some("2020-08-25"),
            None,
            false,
        ),
        (
            "2019/06/27 10:21",
            DayFirst,
            Some("2019-06-27"),
            None,
            false,
        ),
        ("2023-11/05", DayFirst, None, None, false),
        (
            "20200924T15:04:34Z",
            DayFirst,
            Some("2020-09-24"),
            None,
            true,
        ),
        ("20200924T150434Z", DayFirst, Some("2020-09-24"), None, true),
        ("20200924", DayFirst, Some("2020-09-24"), None, false),
        (
            "Tue Jul 30 09:35:14 CEST 2019",
            DayFirst,
            Some("2019-07-30"),
            None,
            false,
        ),
        (
            "Mon Jan 20 09:49:32 UTC 2020",
            DayFirst,
            Some("2020-01-20"),
            None,
            true,
        ),
        (
            "Mon, 20 Jan 2020 09:49:32 +0000",
            DayFirst,
            Some("2020-01-20"),
            None,
            true,
        ),
        ("1582728797", DayFirst, Some("2020-02-26"), None, true),
        ("1582728797000", DayFirst, Some("2020-02-26"), None, true),
        (
            "01-11-2023 10:29",
            DayFirst,
            Some("2023-11-01"),
            Some("2023-01-11"),
            false,
        ),
        (
            "01-11-2023 10:29",
            MonthFirst,
            Some("2023-01-11"),
            Some("2023-11-01"),
            false,
        ),
        (
            "11/01/2023 12:43:42",
            MonthFirst,
            Some("2023-11-01"),
            Some("2023-01-11"),
            false,
        ),
        ("25/12/2020", MonthFirst, Some("2020-12-25"), None, false),
        (
            "Di., 25.01.2022 - 14:45",
            MonthFirst,
            Some("2022-01-25"),
            None,
            false,
        ),
        (
            "30 Ekim 2020 Cuma 18:28",
            DayFirst,
            Some("2020-10-30"),
            None,
            false,
        ),
        ("1970-01-01", DayFirst, None, None, false),
        ("9999-12-31", DayFirst, None, None, false),
        ("0", DayFirst, None, None, false),
        ("", DayFirst, None, None, false),
        ("yesterday", DayFirst, None, None, false),
    ];
    for &(value, order, day, alt, utc) in cases {
        let got = parse_value(value, order);
        assert_eq!(got.map(|w| w.date), day.map(d), "{value:?}");
        if let Some(got) = got {
            assert_eq!(got.alt, alt.map(d), "{value:?} other reading");
            assert_eq!(got.utc_hour.is_some(), utc, "{value:?} UTC");
        }
    }
}

#[test]
fn dates_written_in_the_languages_of_the_pages() {
    // (text, order, the dates found in order)
    let cases: &[(&str, DayOrder, &[&str])] = &[
        (
            "Veröffentlicht am 29. Januar 2019",
            DayFirst,
            &["2019-01-29"],
        ),
        ("Publié le 3 mars 2020 à 10h", DayFirst, &["2020-03-03"]),
        ("3 de marzo de 2020", DayFirst, &["2020-03-03"]),
        ("mardi 5 juin 2018", DayFirst, &["2018-06-05"]),
        ("12 października 2021", DayFirst, &["2021-10-12"]),
        ("9 oktober 2020 11:12", DayFirst, &["2020-10-09"]),
        ("06 Dicembre 2020", DayFirst, &["2020-12-06"]),
        ("Published: July 11, 2011", MonthFirst, &["2011-07-11"]),
        ("Juli 12, 2017", DayFirst, &["2017-07-12"]),
        ("Sunday, July 05, 2020", MonthFirst, &["2020-07-05"]),
        ("28 April, 2017", DayFirst, &["2017-04-28"]),
        ("Donnerstag, 15.2.2018, 19:51", DayFirst, &["2018-02-15"]),
        ("Stand: 16.12.2012", MonthFirst, &["2012-12-16"]),
        (
            "Von Christian am 03.05.13, 11:51",
            DayFirst,
            &["2013-05-03"],
        ),
        ("17/03/2020", MonthFirst, &["2020-03-17"]),
        ("質問日時：2020/07/13 01:10", DayFirst, &["2020-07-13"]),
        ("2020年7月13日", DayFirst, &["2020-07-13"]),
        (
            "from 1.1.2020 to 2.2.2021",
            DayFirst,
            &["2020-01-01", "2021-02-02"],
        ),
        // Not dates: glued numbers, a month word that is no month, a version.
        ("version 1.2.2020.3", DayFirst, &[]),
        ("12 Monkeys 2020", DayFirst, &[]),
        ("call 0171-12-2020", DayFirst, &[]),
        ("7/11/20", MonthFirst, &[]),
    ];
    for &(text, order, want) in cases {
        let got: Vec<String> = find_text_dates(text, order)
            .iter()
            .map(|t| t.found.date.to_string())
            .collect();
        assert_eq!(got, want, "{text:?}");
    }
}

#[test]
fn the_date_in_a_pages_own_address() {
    let cases: &[(&str, Option<PartialDate>)] = &[
        (
            "https://example.com/2019/10/21/storm-hits/",
            Some(PartialDate::Day(d("2019-10-21"))),
        ),
        (
            "https://example.com/news/20191021/storm.html",
            Some(PartialDate::Day(d("2019-10-21"))),
        ),
        (
            "/blog/storm-2019-10-21.html",
            Some(PartialDate::Day(d("2019-10-21"))),
        ),
        (
            "https://example.com/2023/10/3-questions-for-ann/",
            Some(PartialDate::Month {
                year: 2023,
                month: 10,
            }),
        ),
        (
            "http://example.blogspot.com/2018/06/privacy.html",
            Some(PartialDate::Month {
                year: 2018,
                month: 6,
            }),
        ),
        ("https://2019.example.com/about", None),
        ("https://example.com/search?from=2019-10-21", None),
        ("https://example.com/item/1234567890", None),
        ("https://example.com/1889/10/21/old", None),
    ];
    for (url, want) in cases {
        assert_eq!(date_from_url(url), *want, "{url}");
    }
}

#[test]
fn language_tags_give_the_order_of_day_and_month() {
    let cases: &[(&str, Option<DayOrder>)] = &[
        ("en-US", Some(MonthFirst)),
        ("en_us", Some(MonthFirst)),
        ("en", Some(MonthFirst)),
        ("en-GB", Some(DayFirst)),
        ("de-DE", Some(DayFirst)),
        ("fr", Some(DayFirst)),
        ("", None),
    ];
    for (tag, want) in cases {
        assert_eq!(DayOrder::for_language(tag), *want, "{tag:?}");
    }
}

#[test]
fn month_words_of_many_languages() {
    let cases = [
        ("März", Some(3)),
        ("févr.", Some(2)),
        ("Septiembre", Some(9)),
        ("października", Some(10)),
        ("Dicembre", Some(12)),
        ("Oct.", Some(10)),
        ("ноября", Some(11)),
        ("Monkeys", None),
        ("", None),
    ];
    for (word, want) in cases {
        assert_eq!(month_from_any_name(word), want, "{word:?}");
    }
}

proptest! {
    #[test]
    fn reading_web_dates_never_panics(s in "\\PC{0,80}") {
        let _ = parse_value(&s, DayFirst);
        let _ = date_from_url(&s);
        for t in find_text_dates(&s, MonthFirst) {
            prop_assert!(t.start < t.end && t.end <= s.len());
            prop_assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
        }
    }

    #[test]
    fn dates_in_numbers_never_panic(s in "[0-9./ :TZ+-]{0,40}") {
        let _ = parse_value(&s, MonthFirst);
        let _ = find_text_dates(&s, DayFirst);
        let _ = date_from_url(&s);
    }
}

#[test]
fn machine_values_with_slashes_are_month_first() {
    let cases = [
        ("11/01/2023 12:43:42", "2023-11-01"),
        ("25/12/2020", "2020-12-25"),
        ("01-11-2023 10:29", "2023-11-01"),
        ("2023-01-11T12:00:00Z", "2023-01-11"),
    ];
    for (value, day) in cases {
        let got = parse_machine_value(value, DayFirst).map(|w| w.date);
        assert_eq!(got, Some(d(day)), "{value:?}");
    }
}
