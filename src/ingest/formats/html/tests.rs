//! Main-text cases on small pages written for these tests, one quirk of real
//! pages each: what must be in the body and what must not.

use proptest::prelude::*;

use super::read;

/// An article of three paragraphs inside `wrap`'s `{}`; the page around it
/// has a title, a menu and a footer.
fn page(inside_body: &str) -> String {
    format!(
        "<!doctype html><html><head><title>Harbour reopens after repairs</title></head>\
         <body><nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav>{inside_body}\
         <footer>Copyright Example Gazette</footer></body></html>"
    )
}

const P1: &str = "The harbour at Port Ellen reopened on Thursday after three weeks of \
    repairs to the breakwater, the council said in a statement on its website.";
const P2: &str = "Ferries resume their normal timetable from Friday morning, and the \
    operator expects the first sailing to be fully booked by local travellers.";
const P3: &str = "Fishermen who had moved their boats to Bowmore said they would return \
    over the weekend once the pontoons had been inspected by the harbour master.";

fn article(extra_inside: &str, extra_after: &str) -> String {
    page(&format!(
        "<article><h1>Harbour reopens after repairs</h1><p>{P1}</p>{extra_inside}\
         <p>{P2}</p><p>{P3}</p></article>{extra_after}"
    ))
}

#[test]
fn furniture_stays_out_and_the_article_stays_in() {
    let cases: Vec<(&str, String, &[&str], &[&str])> = vec![
        (
            "cookie banner",
            article(
                "",
                "<div class='cookie-banner'><p>We use cookies to improve your experience. \
                 By continuing you accept our use of cookies.</p><a>Accept</a></div>",
            ),
            &[P1, P2, P3],
            &["We use cookies"],
        ),
        (
            "newsletter box inside the article",
            article(
                "<div class='newsletter-signup'><h3>Get the morning briefing</h3>\
                 <p>Sign up for our free newsletter and never miss a story.</p></div>",
                "",
            ),
            &[P1, P2, P3],
            &["morning briefing", "Sign up for our free newsletter"],
        ),
        (
            "read-more link lines in three languages",
            article(
                "<p><strong>Read more:</strong> <a href='/a'>Council approves new ferry \
                 terminal budget</a></p><p>Lea también: <a href='/b'>El puerto cierra por \
                 tormenta</a></p><p><a href='/c'>Mehr zum Thema: Hafen wird saniert</a></p>",
                "",
            ),
            &[P1, P2, P3],
            &["Council approves", "El puerto cierra", "Hafen wird saniert"],
        ),
        (
            "photo credit under an image",
            article(
                "<figure><img src='h.jpg' alt=''><figcaption>The breakwater on Monday. \
                 Photo: Jane Doe/Example Agency</figcaption></figure>\
                 <p class='image-credit'>Foto: Max Muster</p>",
                "",
            ),
            &[P1, P2, P3],
            &["Jane Doe", "Max Muster"],
        ),
        (
            "article inside the page header",
            page(&format!(
                "<header><div class='logo'>Example Gazette</div><h1>Harbour reopens after \
                 repairs</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></header>"
            )),
            &[P1, P2, P3],
            &["Home"],
        ),
        (
            "comments section",
            article(
                "",
                "<section id='comments' class='comments-area'><h2>3 comments</h2>\
                 <ol class='comment-list'><li><p>Finally! I have waited for this ferry for \
                 weeks and the timetable was a mess.</p></li><li><p>Who pays for the \
                 repairs, that is what I would like to know from the council.</p></li></ol>\
                 </section>",
            ),
            &[P1, P2, P3],
            &["I have waited", "Who pays for the repairs"],
        ),
        (
            "related list after a heading",
            article(
                "<h2>Related articles</h2><ul><li><a href='/1'>Storm closes harbour for \
                 a week</a></li><li><a href='/2'>Ferry operator names new captain</a></li>\
                 <li><a href='/3'>Council debates breakwater costs</a></li></ul>",
                "",
            ),
            &[P1, P2, P3],
            &["Related articles", "Storm closes harbour", "new captain"],
        ),
        (
            "share buttons and a browser notice",
            article(
                "<div class='share-bar'><a>Share on Facebook</a><a>Tweet</a></div>",
                "<div class='browserupgrade'>You are using an outdated browser. Please \
                 upgrade your browser to improve your experience.</div>",
            ),
            &[P1, P2, P3],
            &["Share on Facebook", "outdated browser"],
        ),
        (
            "page banner by role, not by tag",
            page(&format!(
                "<div class='story'><div role='banner'><p>Log in to your account for \
                 the island edition</p></div><p>{P1}</p><p>{P2}</p><p>{P3}</p></div>"
            )),
            &[P1, P2, P3],
            &["Log in to your account"],
        ),
        (
            "run-together furniture names",
            article(
                "<div class='relatedArticlesText'><p>Storm closes harbour for a week, \
                 and the ferry operator names a new captain for the summer.</p></div>\
                 <div class='entryfooter'><p>Filed under harbour news and local transport \
                 for the island edition.</p></div>",
                "",
            ),
            &[P1, P2, P3],
            &["Storm closes harbour", "Filed under harbour news"],
        ),
        (
            "advertiser disclosure box",
            article(
                "<div class='affiliate-disclosure'><p>This post may contain affiliate links; \
                 we earn a commission when you buy through them.</p></div>",
                "",
            ),
            &[P1, P2, P3],
            &["affiliate links"],
        ),
        (
            "lead paragraph in the header, body in its own column",
            page(&format!(
                "<div class='rail'><div class='teaser-card'><p class='teaser-intro'>Ferry \
                 fares rise again this spring, the operator says in its report.</p></div></div>\
                 <div class='page'><div class='head'><h1>Harbour reopens after repairs</h1>\
                 <p class='lead'>Three weeks of work on the breakwater are over, and the \
                 island's ferries can dock again.</p></div><div class='cols'>\
                 <div class='story-body'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div></div>"
            )),
            &[P1, P2, P3, "Three weeks of work on the breakwater are over"],
            &["Ferry fares rise again"],
        ),
        (
            "list items and headings inside the article",
            article(
                "<h2>What changes for passengers</h2><ul><li>Check-in opens forty minutes \
                 before departure.</li><li>Cars must be booked in advance online.</li></ul>",
                "",
            ),
            &[
                P1,
                P2,
                P3,
                "What changes for passengers",
                "Check-in opens forty minutes",
            ],
            &[],
        ),
    ];
    for (name, html, with, without) in cases {
        let body = read(&html).map(|a| a.body).unwrap_or_default();
        for snippet in with {
            assert!(
                body.contains(snippet),
                "{name}: missing {snippet:?} in {body:?}"
            );
        }
        for snippet in without {
            assert!(
                !body.contains(snippet),
                "{name}: kept {snippet:?} in {body:?}"
            );
        }
    }
}

#[test]
fn paragraphs_stay_apart() {
    let body = read(&article("", "")).expect("article").body;
    assert!(body.contains(&format!("{P1}\n\n{P2}\n\n{P3}")), "{body:?}");
}

#[test]
fn text_only_inside_noscript_is_read() {
    let html = format!(
        "<html><head><title>Harbour reopens after repairs</title>\
         <script>render()</script></head><body><div id='app'></div>\
         <noscript><article><p>{P1}</p><p>{P2}</p></article></noscript></body></html>"
    );
    let body = read(&html).expect("noscript article").body;
    assert!(body.contains(P1) && body.contains(P2), "{body:?}");
    assert!(!body.contains("<p>"), "markup left in {body:?}");
}

#[test]
fn the_article_carrying_the_title_wins_over_its_neighbours() {
    // An infinite-scroll page: the next story is longer, and a sidebar
    // teaser repeats the title.
    let next = "The regional bus company announced a new timetable for the winter \
        months, with fewer evening services on the routes to the north of the island \
        and an extra morning bus for school pupils travelling to the mainland ferry.";
    let html = format!(
        "<html><head><title>Harbour reopens after repairs</title></head><body>\
         <main><article id='a0'><h1>Harbour reopens after repairs</h1><p>{P1}</p>\
         <p>{P2}</p></article>\
         <article id='a1'><h1>Bus timetable changes for winter</h1><p>{next}</p>\
         <p>{next}</p><p>{next}</p></article></main>\
         <div class='rail'><article><h2>Harbour reopens after repairs</h2></article></div>\
         </body></html>"
    );
    let body = read(&html).expect("article").body;
    assert!(body.contains(P1) && body.contains(P2), "{body:?}");
    assert!(!body.contains("regional bus company"), "{body:?}");
}

#[test]
fn json_ld_body_replaces_a_scrap_of_markup() {
    let story = format!("{P1} {P2} {P3}");
    let html = format!(
        "<html><head><title>Harbour reopens after repairs</title>\
         <script type='application/ld+json'>{{\"@type\": \"NewsArticle\", \
         \"headline\": \"Harbour reopens after repairs\", \"articleBody\": \"{story}\"}}\
         </script></head><body><div id='app'><p>The harbour reopened on Thursday.</p>\
         <p>Subscribe to read the full story.</p></div></body></html>"
    );
    let body = read(&html).expect("article").body;
    assert!(body.contains(P3), "{body:?}");
}

#[test]
fn story_in_noscript_beats_the_script_placeholder() {
    let html = format!(
        "<html><head><title>Harbour reopens after repairs</title></head><body>\
         <div class='post-body'><div id='app'><p>Loading the story, please wait a moment \
         while the page finishes loading.</p></div>\
         <noscript><p>{P1}</p><p>{P2}</p><p>{P3}</p></noscript></div></body></html>"
    );
    let body = read(&html).expect("noscript article").body;
    assert!(body.contains(P1) && body.contains(P3), "{body:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_tag_soup(
        parts in proptest::collection::vec(prop::sample::select(vec![
            "<p>", "</p>", "<div class='share'>", "<div class='comments'>", "</div>",
            "<header>", "</header>", "<noscript>", "</noscript>", "<h2>Related</h2>",
            "<ul><li><a href='x'>", "</a></li></ul>", "Read more: ", "Foto: A", "text ",
            "<article>", "</article>", "<figcaption>", "<script>", "&amp;", "\n",
        ]), 0..60),
    ) {
        let _ = read(&parts.concat());
    }
}
