//! `morgue serve`'s pages in a real browser: headless Chromium, driven through
//! `chromedriver` (tests/common/webdriver.rs), searches, clicks facets and
//! timeline bars, opens an article, follows a person, pages, tabs, and checks
//! what is visible, cross-checking counts and hits with the JSON API. They
//! save screenshots in `target/browser-screenshots/`.
//!
//! Where Chromium or its driver is missing each test says so on stderr and
//! passes: `.ci/run` installs them when it can.

mod common;

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use common::server::Server;
use common::webdriver::{Browser, ENTER, Element, Launch, TAB, unavailable};
use common::*;
use serde_json::Value;

/// The query most tests search for: every article below is about grain.
const QUERY: &str = "grain";

/// Eight articles over five months of 2024, naming people (Erdogan in four,
/// Zelensky in three), organisations, countries and days, so that every facet
/// and the timeline have values that narrow the results.
const ARTICLES: &[(&str, &str)] = &[
    (
        "2024/01/grain-corridor-record.md",
        "---\ntitle: Black Sea grain corridor carries a record month of cargo\ndate: 2024-01-09\nsource: Morgue Wire\n---\n\n\
ODESA - Ships leaving Ukraine's ports through the Black Sea corridor carried more grain in December than in any month since the war began, Ukrainian President Volodymyr Zelensky said on Monday.\n\n\
The corridor hugs the coasts of Romania and Bulgaria. Insurers that had refused to cover the route now quote prices again, and the United Nations said the extra grain had helped to hold down food prices in poorer countries.\n\n\
Turkish President Recep Tayyip Erdogan, who had brokered an earlier grain deal, said Turkey was ready to escort convoys if the route came under attack.\n",
    ),
    (
        "2024/01/wfp-grain-egypt.md",
        "---\ntitle: World Food Programme buys Ukrainian grain for Egypt and Sudan\ndate: 2024-01-23\nsource: Morgue Wire\n---\n\n\
CAIRO - The World Food Programme has bought 200,000 tonnes of Ukrainian wheat for Egypt and Sudan, its executive director Cindy McCain said on January 20.\n\n\
McCain said grain from Ukraine remained the cheapest way to feed families in Sudan, where fighting has cut off farms from markets. Egypt, the world's largest wheat importer, is paying for part of the shipments.\n\n\
The grain will be milled in Alexandria before it is sent south by road and river.\n",
    ),
    (
        "2024/02/erdogan-grain-talks.md",
        "---\ntitle: Erdogan and Zelensky discuss grain convoys in Istanbul\ndate: 2024-02-14\nsource: Morgue Wire\n---\n\n\
ISTANBUL - Turkish President Recep Tayyip Erdogan met Ukrainian President Volodymyr Zelensky in Istanbul on February 12 to discuss protecting grain convoys in the Black Sea.\n\n\
Erdogan said Turkey would keep the straits open to merchant ships and asked NATO allies to help clear drifting mines. Zelensky thanked Turkey for its support and said Ukraine's grain exports were feeding millions.\n\n\
The two leaders also discussed a prisoner exchange with Russia.\n",
    ),
    (
        "2024/02/romania-constanta-grain.md",
        "---\ntitle: Constanta port expands its grain terminals\ndate: 2024-02-27\nsource: Morgue Wire\n---\n\n\
CONSTANTA - Romania will double the grain storage of the port of Constanta by the end of the year, President Klaus Iohannis said on February 26.\n\n\
Iohannis said the European Union would pay for most of the work. Much of the grain that reaches Constanta by barge along the Danube comes from Ukraine.\n\n\
Farmers in Romania and Poland have protested that cheap Ukrainian grain lowers their prices.\n",
    ),
    (
        "2024/03/scholz-grain-berlin.md",
        "---\ntitle: Scholz promises air defence for Ukraine's grain ports\ndate: 2024-03-12\nsource: Morgue Wire\n---\n\n\
BERLIN - German Chancellor Olaf Scholz promised on March 11 to send more air defence systems to protect the grain ports of Odesa, after talks with Ukrainian President Volodymyr Zelensky in Berlin.\n\n\
Scholz said Germany and the European Union would also help Ukraine repair grain silos damaged by drones. Zelensky said the ports had been attacked more than forty times since the summer.\n",
    ),
    (
        "2024/03/erdogan-guterres-grain.md",
        "---\ntitle: Erdogan and Guterres seek a new grain deal with Russia\ndate: 2024-03-28\nsource: Morgue Wire\n---\n\n\
ANKARA - Turkish President Recep Tayyip Erdogan and United Nations Secretary-General Antonio Guterres said on March 27 that they would try to bring Russia back into a grain deal.\n\n\
Erdogan said a deal signed by Russia and Ukraine would make shipping safer for everyone. Guterres said the United Nations was ready to inspect cargo again in Istanbul.\n\n\
Russia has not said whether it would take part.\n",
    ),
    (
        "2024/04/grain-prices-fall.md",
        "---\ntitle: Grain prices fall as harvest outlook improves\ndate: 2024-04-16\nsource: Morgue Wire\n---\n\n\
ROME - World grain prices fell for a third month in March, the World Food Programme said on April 15, as good harvests in Argentina and India added to supplies.\n\n\
Cindy McCain, who leads the agency, warned that cheaper grain on world markets did not yet mean cheaper bread in Kenya or Egypt, where currencies have weakened.\n",
    ),
    (
        "2024/05/erdogan-black-sea-mines.md",
        "---\ntitle: Turkey, Romania and Bulgaria clear Black Sea mines for grain ships\ndate: 2024-05-07\nsource: Morgue Wire\n---\n\n\
ISTANBUL - Minesweepers from Turkey, Romania and Bulgaria began clearing drifting mines from the Black Sea on May 6 to protect grain ships, Turkish President Recep Tayyip Erdogan said.\n\n\
Erdogan said the three NATO members would patrol the shipping lanes together. Ukraine welcomed the move, saying two grain ships had been damaged by mines since January.\n",
    ),
];

/// The index of [`ARTICLES`] and the repository's `corpus/`, built once.
struct Fixture {
    _dir: tempfile::TempDir,
    index: PathBuf,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let articles = dir.path().join("articles");
        write_articles(&articles, ARTICLES);
        let index = dir.path().join("index");
        index_into(&index, &articles);
        index_into(
            &index,
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
        );
        Fixture { _dir: dir, index }
    })
}

/// A server and a browser on it, dropped in that order: the browser can still
/// take its failure screenshot of the page, and the next test waits for both.
struct Session {
    browser: Browser,
    server: Server,
    /// One browser at a time: two Chromiums on two shared cores only make
    /// every test slower and timing-dependent.
    _turn: MutexGuard<'static, ()>,
}

/// Starts a server and a browser, or returns `None` after saying on stderr
/// why this machine cannot run browser tests.
fn session(test: &str, launch: Launch) -> Option<Session> {
    if let Some(reason) = unavailable() {
        // Written to stderr directly, in one piece: the test harness
        // captures `eprintln!` of a passing test, and a skip should show in
        // CI's log.
        let line = format!("skipping browser test {test}: {reason}\n");
        let _ = std::io::stderr().write_all(line.as_bytes());
        return None;
    }
    static TURN: Mutex<()> = Mutex::new(());
    // A test that failed holding the lock has told its story; go on.
    let turn = TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let server = Server::start(&fixture().index);
    let browser = Browser::launch(test, &launch);
    Some(Session {
        browser,
        server,
        _turn: turn,
    })
}

// ---------------------------------------------------------------------------
// Reading pages

/// The decoded query parameters of `url`.
fn params(url: &str) -> Vec<(String, String)> {
    let query = url.split_once('?').map_or("", |(_, q)| q);
    let query = query.split('#').next().unwrap_or("");
    form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn param(url: &str, name: &str) -> Option<String> {
    params(url)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// The path of `url` without its query, decoded.
fn path_of(url: &str) -> String {
    let after_host = url
        .strip_prefix("http://")
        .and_then(|rest| rest.find('/').map(|i| &rest[i..]))
        .unwrap_or(url);
    let path = after_host.split(['?', '#']).next().unwrap_or("");
    form_urlencoded::parse(format!("p={}", path.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// What the JSON API answers to the search a page's address describes: the
/// same query and filters, sorted the same way, all at once.
fn api_search(server: &Server, page_url: &str) -> Value {
    const SEARCH_PARAMS: &[&str] = &[
        "q", "person", "org", "country", "about", "from", "to", "on", "mentions", "sort", "exact",
    ];
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (name, value) in params(page_url) {
        if SEARCH_PARAMS.contains(&name.as_str()) {
            query.append_pair(&name, &value);
        }
    }
    query.append_pair("limit", "100");
    let (status, body) = server.get(&format!("/api/v1/search?{}", query.finish()));
    assert_eq!(
        status, 200,
        "the API refused the search of {page_url}: {body}"
    );
    body
}

fn api_total(server: &Server, page_url: &str) -> u64 {
    api_search(server, page_url)["total"].as_u64().unwrap_or(0)
}

fn api_ids(server: &Server, page_url: &str) -> BTreeSet<String> {
    api_search(server, page_url)["hits"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|hit| hit["id"].as_str().map(str::to_string))
        .collect()
}

/// The numbers written in `text`, in order (`1,234` counts as one).
fn numbers_in(text: &str) -> Vec<u64> {
    text.split(|c: char| !c.is_ascii_digit() && c != ',')
        .filter_map(|word| word.replace(',', "").parse().ok())
        .collect()
}

/// The results list as shown: each hit's article id (from its title link),
/// after checking that every hit has a title link, a date and a snippet.
fn shown_hits(browser: &Browser) -> Vec<String> {
    browser.find("ol#results");
    let url = browser.url();
    browser
        .find_all("ol#results > li.hit")
        .iter()
        .enumerate()
        .map(|(n, hit)| {
            let title = hit.find("a.title");
            assert!(
                !title.text().trim().is_empty(),
                "hit {n} on {url} has an empty title"
            );
            let href = title.attribute("href").unwrap_or_default();
            let id = href
                .rsplit_once("/articles/")
                .map(|(_, id)| id.to_string())
                .unwrap_or_else(|| {
                    panic!("hit {n} on {url}: a.title links to {href:?}, expected /articles/{{id}}")
                });
            assert!(
                !hit.find(".date").text().trim().is_empty(),
                "hit {n} on {url} shows no date"
            );
            hit.find(".snippet");
            id
        })
        .collect()
}

/// Checks that `#summary` states the API's total for the same search, and
/// returns that total.
fn summary_total(browser: &Browser, server: &Server) -> u64 {
    let url = browser.url();
    let total = api_total(server, &url);
    let summary = browser.find("#summary").text();
    assert!(
        numbers_in(&summary).contains(&total),
        "#summary on {url} says {summary:?}; the API counts {total} articles"
    );
    total
}

/// Opens `/`, types `query` into the search box and presses Enter; returns the
/// address of the results page.
fn search_from_home(browser: &Browser, server: &Server, query: &str) -> String {
    browser.goto(&server.url("/"));
    let form = browser.find("form#search");
    let input = form.find("input[name=q]");
    assert!(input.is_displayed(), "the search box on / is not visible");
    input.send_keys(&format!("{query}{ENTER}"));
    let url = browser.wait_for(
        "the results of the search typed on /",
        Duration::from_secs(10),
        || Some(browser.url()).filter(|url| param(url, "q").is_some()),
    );
    assert_eq!(param(&url, "q").as_deref(), Some(query), "{url}");
    url
}

/// The facet values of one kind, as links.
fn facet_values<'a>(browser: &'a Browser, kind: &str) -> Vec<Element<'a>> {
    let section = browser.find(&format!("aside#facets section.facet[data-kind={kind}]"));
    let values = section.find_all("a.facet-value");
    assert!(
        !values.is_empty(),
        "the {kind} facet on {} has no values: {:?}",
        browser.url(),
        section.text()
    );
    values
}

/// Relative luminance of a CSS colour such as `rgb(18, 18, 18)` or
/// `rgba(0, 0, 0, 0)`, with its alpha; `None` if it is not written so.
fn luminance(color: &str) -> Option<(f64, f64)> {
    let inside = color.split_once('(')?.1.strip_suffix(')')?;
    let parts: Vec<f64> = inside
        .split(',')
        .map(|p| p.trim().parse().ok())
        .collect::<Option<_>>()?;
    let channel = |v: f64| {
        let v = v / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    let (r, g, b) = (channel(parts[0]), channel(parts[1]), channel(parts[2]));
    Some((
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        parts.get(3).copied().unwrap_or(1.0),
    ))
}

/// Asserts that the page fits the window's width: no sideways scrolling.
fn assert_no_horizontal_scroll(browser: &Browser, what: &str) {
    let widths =
        browser.script("return [document.documentElement.scrollWidth, window.innerWidth];");
    let (scroll, inner) = (
        widths[0].as_u64().unwrap_or(0),
        widths[1].as_u64().unwrap_or(0),
    );
    assert!(
        scroll <= inner,
        "{what} ({}) is {scroll} px wide in a {inner} px window: it scrolls sideways",
        browser.url()
    );
}

// ---------------------------------------------------------------------------
// The harness itself, against what the server already serves

#[test]
fn the_harness_drives_chromium() {
    let Some(s) = session("harness", Launch::default()) else {
        return;
    };
    let (browser, server) = (&s.browser, &s.server);
    browser.goto(&server.url("/api/v1/stats"));
    assert_eq!(browser.url(), server.url("/api/v1/stats"));
    let shown: Value = serde_json::from_str(&browser.find("body").text())
        .unwrap_or_else(|e| panic!("the stats page does not read as JSON: {e}"));
    let (_, stats) = server.get("/api/v1/stats");
    assert_eq!(shown["articles"], stats["articles"], "{shown}");
    assert!(stats["articles"].as_u64().unwrap_or(0) > ARTICLES.len() as u64);

    // The page gets the size asked for, at launch and after a resize.
    let page_size = "return [window.innerWidth, window.innerHeight];";
    assert_eq!(browser.script(page_size), serde_json::json!([1280, 900]));
    browser.set_viewport_size(390, 844);
    assert_eq!(browser.script(page_size), serde_json::json!([390, 844]));
    browser.set_viewport_size(1280, 900);

    let png = browser.screenshot("harness-api-stats");
    let bytes = std::fs::read(&png).expect("read the screenshot");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "{}", png.display());
    assert!(bytes.len() > 1000, "{} is nearly empty", png.display());
}

#[test]
fn the_launch_options_reach_the_page() {
    let page = "data:text/html,<p id=p>script off</p><script>document.getElementById('p').textContent='script on'</script>";
    let dark_query = "return matchMedia('(prefers-color-scheme: dark)').matches;";
    {
        let Some(s) = session("launch-default", Launch::default()) else {
            return;
        };
        s.browser.goto(page);
        assert_eq!(s.browser.find("#p").text(), "script on");
        assert_eq!(s.browser.script(dark_query), false);
    }
    {
        let launch = Launch {
            javascript: false,
            dark: true,
            ..Launch::default()
        };
        let Some(s) = session("launch-dark-no-script", launch) else {
            return;
        };
        s.browser.goto(page);
        assert_eq!(s.browser.find("#p").text(), "script off");
        assert_eq!(s.browser.script(dark_query), true);
    }
}

// ---------------------------------------------------------------------------
// The pages

#[test]
fn search_then_narrow_by_facet_timeline_and_remove_the_filter() {
    let Some(s) = session("search", Launch::default()) else {
        return;
    };
    let (browser, server) = (&s.browser, &s.server);
    let results_url = search_from_home(browser, server, QUERY);

    let total = summary_total(browser, server);
    assert!(
        total >= ARTICLES.len() as u64,
        "{total} articles match {QUERY:?}"
    );
    let ids = shown_hits(browser);
    assert!(
        !ids.is_empty() && ids.len() as u64 <= total,
        "{} hits shown of {total}",
        ids.len()
    );
    let api = api_search(server, &results_url);
    assert_eq!(
        Some(ids[0].as_str()),
        api["hits"][0]["id"].as_str(),
        "the first hit is not the API's first hit for {results_url}"
    );
    let marks = browser.find_all("ol#results > li.hit .snippet mark");
    assert!(
        !marks.is_empty(),
        "no <mark> in the snippets of {results_url}"
    );
    for mark in &marks {
        let word = mark.text().to_lowercase();
        assert!(word.starts_with(QUERY), "a snippet highlights {word:?}");
    }
    for kind in ["people", "orgs", "countries", "months"] {
        facet_values(browser, kind);
    }
    assert!(browser.find("figure#timeline").is_displayed());
    browser.screenshot("search-facets");

    // The first person facet: the filter lands in the address and in the
    // active filters, and every remaining hit shows the person.
    let person = facet_values(browser, "people").remove(0);
    let narrowed = browser.follow(person);
    let name = param(&narrowed, "person")
        .unwrap_or_else(|| panic!("a person facet led to {narrowed}, without person="));
    assert_eq!(param(&narrowed, "q").as_deref(), Some(QUERY), "{narrowed}");
    let person_total = summary_total(browser, server);
    assert!(person_total <= total, "{person_total} > {total}");
    let person_ids = shown_hits(browser);
    assert!(!person_ids.is_empty(), "no hits left on {narrowed}");
    let surname = name
        .split_whitespace()
        .last()
        .unwrap_or(&name)
        .to_lowercase();
    for hit in browser.find_all("ol#results > li.hit") {
        let text = hit.text();
        assert!(
            text.to_lowercase().contains(&surname),
            "a hit on {narrowed} does not show {name}: {text:?}"
        );
    }
    // The query is in force too, so the person is one entry of several.
    let active = browser.find("ul#active-filters");
    let entry = active
        .find_all("li")
        .into_iter()
        .find(|li| li.text().contains(&name))
        .unwrap_or_else(|| {
            panic!(
                "no entry of ul#active-filters names {name}: {:?}",
                active.text()
            )
        });

    // Removing it brings the first results back, the query kept.
    let back = browser.follow(entry.find("a.remove"));
    assert_eq!(param(&back, "person"), None, "{back}");
    assert_eq!(param(&back, "q").as_deref(), Some(QUERY), "{back}");
    assert_eq!(summary_total(browser, server), total);

    // A timeline bar narrows to its dates.
    let bars = browser.find_all("figure#timeline a.bar");
    assert!(!bars.is_empty(), "no a.bar in figure#timeline on {back}");
    let tallest = bars
        .into_iter()
        .max_by(|a, b| a.rect().height.total_cmp(&b.rect().height))
        .expect("at least one bar");
    let dated = browser.follow(tallest);
    let (from, to) = (param(&dated, "from"), param(&dated, "to"));
    assert!(
        from.is_some() && to.is_some(),
        "a timeline bar led to {dated}, expected from= and to="
    );
    let dated_total = summary_total(browser, server);
    assert!(
        (1..total).contains(&dated_total),
        "one bar of several holds {dated_total} of {total} articles"
    );
    let allowed = api_ids(server, &dated);
    for id in shown_hits(browser) {
        assert!(
            allowed.contains(&id),
            "{id} is shown on {dated} but is not from {from:?} to {to:?}"
        );
    }
}

#[test]
fn an_article_leads_to_its_person_and_back_to_a_search() {
    let Some(s) = session("article", Launch::default()) else {
        return;
    };
    let (browser, server) = (&s.browser, &s.server);
    search_from_home(browser, server, "grain convoys Istanbul");
    let first = browser.find("ol#results > li.hit a.title");
    let title = first.text();
    let article_url = browser.follow(first);
    let id = path_of(&article_url)
        .strip_prefix("/articles/")
        .map(str::to_string)
        .unwrap_or_else(|| panic!("a.title led to {article_url}, expected /articles/{{id}}"));

    let (status, detail) = server.get(&format!("/api/v1/articles/{id}"));
    assert_eq!(status, 200, "{detail}");
    let article = browser.find("article#article");
    assert_eq!(article.find("h1").text(), title);
    let meta = article.find("dl#meta").text();
    let published = detail["published"].as_str().unwrap_or("no date");
    assert!(
        meta.contains(published),
        "dl#meta does not show the date {published}: {meta:?}"
    );
    assert!(
        !article.find("#date-source").text().trim().is_empty(),
        "#date-source is empty"
    );
    let text = article.find("div#text");
    assert!(text.text().contains("grain"), "div#text: {:?}", text.text());
    for kind in ["person", "org", "country", "date"] {
        let marks = text.find_all(&format!("a.mark.{kind}"));
        assert!(
            marks.iter().any(|m| m.is_displayed()),
            "no visible a.mark.{kind} in the text of {article_url}"
        );
    }
    browser.screenshot("article");

    // The person page of the first person named.
    let mark = text.find("a.mark.person");
    let written = mark.text();
    let person_url = browser.follow(mark);
    let name = path_of(&person_url)
        .strip_prefix("/people/")
        .map(str::to_string)
        .unwrap_or_else(|| panic!("a.mark.person led to {person_url}, expected /people/{{name}}"));
    let heading = browser.find("h1").text();
    assert!(
        heading.contains(&name),
        "the person page of {name:?} (written {written:?}) is headed {heading:?}"
    );
    assert!(browser.find("#timeline").is_displayed());
    let related = browser.find("#related");
    assert!(
        !related.find_all("a").is_empty(),
        "#related links to nothing: {:?}",
        related.text()
    );
    let recent = browser.find_all("#recent li.hit");
    assert!(!recent.is_empty(), "#recent lists no articles");
    browser.screenshot("person");

    // All their articles: the search page filtered by the person.
    let all = browser.follow(browser.find("a#all-articles"));
    assert_eq!(
        param(&all, "person").as_deref(),
        Some(name.as_str()),
        "{all}"
    );
    summary_total(browser, server);
    let theirs = api_ids(server, &all);
    assert!(theirs.contains(&id), "the article {id} is not among {all}");
    for hit in shown_hits(browser) {
        assert!(
            theirs.contains(&hit),
            "{hit} is shown on {all} but does not name {name}"
        );
    }
}

#[test]
fn results_come_in_pages() {
    let Some(s) = session("pages", Launch::default()) else {
        return;
    };
    let (browser, server) = (&s.browser, &s.server);
    let results_url = search_from_home(browser, server, QUERY);
    let limit = 3;
    browser.goto(&format!("{results_url}&limit={limit}"));
    let total = summary_total(browser, server);
    let first_page = shown_hits(browser);
    assert_eq!(
        first_page.len(),
        limit,
        "limit={limit} on {}",
        browser.url()
    );
    assert!(
        browser.try_find("nav#pages a[rel=prev]").is_none(),
        "the first page links to a previous one"
    );

    let mut seen: BTreeSet<String> = first_page.iter().cloned().collect();
    let mut pages = 1;
    while let Some(next) = browser.try_find("nav#pages a[rel=next]") {
        browser.follow(next);
        pages += 1;
        assert!(pages <= 10, "more pages than {total} articles need");
        browser.find("nav#pages a[rel=prev]");
        for id in shown_hits(browser) {
            assert!(seen.insert(id.clone()), "{id} shown on two pages");
        }
    }
    assert_eq!(
        pages,
        total.div_ceil(limit as u64),
        "pages for {total} hits"
    );
    assert_eq!(seen.len() as u64, total, "every hit appears on some page");

    // Back from page 2 is page 1 again.
    browser.goto(&format!("{results_url}&limit={limit}"));
    browser.follow(browser.find("nav#pages a[rel=next]"));
    browser.follow(browser.find("nav#pages a[rel=prev]"));
    assert_eq!(shown_hits(browser), first_page);
}

/// Whether focus sits on something a keyboard user can act on.
fn focusable(element: &Element<'_>) -> bool {
    matches!(
        element.tag_name().as_str(),
        "a" | "input" | "button" | "select" | "textarea" | "summary"
    ) || element.attribute("tabindex").is_some()
}

/// Presses Tab until `wanted` says the focused element is the one; panics
/// after `most` presses, or if focus lands on something not focusable.
fn tab_to(browser: &Browser, what: &str, most: usize, wanted: impl Fn(&Element<'_>) -> bool) {
    let mut path = Vec::new();
    for _ in 0..most {
        browser.press(TAB);
        let focused = browser.active_element();
        let tag = focused.tag_name();
        assert!(
            focusable(&focused),
            "Tab moved the focus to a <{tag}> on {} after {path:?}",
            browser.url()
        );
        if wanted(&focused) {
            return;
        }
        let label = focused.text();
        path.push(format!("<{tag}> {}", label.trim()));
    }
    panic!(
        "{most} Tabs on {} did not reach {what}; they went through {path:?}",
        browser.url()
    );
}

#[test]
fn the_keyboard_reaches_the_search_box_and_the_first_result() {
    let Some(s) = session("keyboard", Launch::default()) else {
        return;
    };
    let (browser, server) = (&s.browser, &s.server);
    browser.goto(&server.url("/"));
    tab_to(browser, "the search box", 10, |e| {
        e.tag_name() == "input" && e.attribute("name").as_deref() == Some("q")
    });
    // Typing now goes to the search box.
    browser.press("g");
    assert_eq!(browser.find("input[name=q]").property("value"), "g");

    let results_url = search_from_home(browser, server, QUERY);
    browser.goto(&results_url);
    let first = browser
        .find("ol#results > li.hit a.title")
        .attribute("href")
        .expect("a.title has an href");
    tab_to(browser, "the first result's title", 200, |e| {
        e.attribute("href").as_deref() == Some(first.as_str())
    });
}

#[test]
fn a_phone_screen_needs_no_sideways_scrolling() {
    let launch = Launch {
        width: 390,
        height: 844,
        ..Launch::default()
    };
    let Some(s) = session("phone", launch) else {
        return;
    };
    let (browser, server) = (&s.browser, &s.server);
    let page_size = "return [window.innerWidth, window.innerHeight];";
    assert_eq!(browser.script(page_size), serde_json::json!([390, 844]));
    browser.goto(&server.url("/"));
    assert_no_horizontal_scroll(browser, "the home page");
    search_from_home(browser, server, QUERY);
    assert!(!shown_hits(browser).is_empty());
    assert_no_horizontal_scroll(browser, "the search page");
    browser.screenshot("search-phone");

    let article = browser.find("ol#results > li.hit a.title");
    browser.follow(article);
    assert_no_horizontal_scroll(browser, "the article page");
    let person = browser.find("article#article a.mark.person");
    browser.follow(person);
    assert_no_horizontal_scroll(browser, "the person page");
}

#[test]
fn dark_mode_follows_the_system_setting() {
    let launch = Launch {
        dark: true,
        ..Launch::default()
    };
    let Some(s) = session("dark", launch) else {
        return;
    };
    let (browser, server) = (&s.browser, &s.server);
    search_from_home(browser, server, QUERY);
    let body = browser.find("body");
    let text = body.css("color");
    let (text_luminance, _) = luminance(&text).unwrap_or_else(|| panic!("body color is {text:?}"));
    assert!(
        text_luminance > 0.5,
        "in dark mode the body text is {text}, a dark colour"
    );
    // The first painted background, body's or else the root's, is dark.
    for element in [body, browser.find("html")] {
        let background = element.css("background-color");
        let (lum, alpha) =
            luminance(&background).unwrap_or_else(|| panic!("background-color is {background:?}"));
        if alpha > 0.0 {
            assert!(lum < 0.2, "in dark mode the background is {background}");
            break;
        }
    }
    browser.screenshot("search-dark");
}

#[test]
fn without_javascript_search_and_facets_still_work() {
    let launch = Launch {
        javascript: false,
        ..Launch::default()
    };
    let Some(s) = session("no-script", launch) else {
        return;
    };
    let (browser, server) = (&s.browser, &s.server);
    search_from_home(browser, server, QUERY);
    let total = summary_total(browser, server);
    assert!(!shown_hits(browser).is_empty());
    let narrowed = browser.follow(facet_values(browser, "countries").remove(0));
    assert!(param(&narrowed, "country").is_some(), "{narrowed}");
    let narrowed_total = summary_total(browser, server);
    assert!(narrowed_total <= total && narrowed_total >= 1);
    assert!(!shown_hits(browser).is_empty());
}
