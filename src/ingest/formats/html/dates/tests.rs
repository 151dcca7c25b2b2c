use super::*;
use proptest::prelude::*;

/// The article's title as the test pages' metadata would give it.
const TITLE: &str = "The harbour plan passes the council vote";

fn found(page: &str) -> Option<(String, DateSource)> {
    let readability = Readability::new(page, None, None).expect("test page parses");
    publication(&readability, Some(TITLE), None).map(|p| (p.date.to_string(), p.source))
}

/// A page with `head` in its `<head>` and `body` in its `<body>`.
fn page(lang: &str, head: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><title>T</title>{head}</head><body>{body}</body></html>"
    )
}

const ARTICLE: &str = "<p>The council met on Tuesday to vote on the plan for the harbour.</p>";

/// What the page shows, `<html lang>`, head, body, expected day and source.
type PageCase = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<(&'static str, DateSource)>,
);

#[test]
fn the_publication_date_from_everything_a_page_offers() {
    use DateSource::{Byline, Metadata, Url};
    let cases: &[PageCase] = &[
        (
            "modified listed before published",
            "en",
            r#"<meta property="article:modified_time" content="2021-06-02T10:00:00+02:00">
               <meta property="article:published_time" content="2021-05-30T09:00:00+02:00">"#,
            ARTICLE,
            Some(("2021-05-30", Metadata)),
        ),
        (
            "JSON-LD with a trailing comma and a raw line break",
            "en",
            "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\",\n \"headline\": \"Two\nlines\", \"datePublished\": \"2022-03-04T08:00:00+01:00\",}</script>",
            ARTICLE,
            Some(("2022-03-04", Metadata)),
        ),
        (
            "JSON-LD graph: the article's date, not the page's",
            "en",
            r#"<script type="application/ld+json">{"@graph": [
                 {"@type": "WebPage", "datePublished": "2015-01-01"},
                 {"@type": "BlogPosting", "datePublished": "2022-07-08"}]}</script>"#,
            ARTICLE,
            Some(("2022-07-08", Metadata)),
        ),
        (
            "JSON-LD that is beyond repair still gives its date",
            "en",
            r#"<script type="application/ld+json">{"@type": "Article", "datePublished": "2018-02-03", "author": {oops}</script>"#,
            ARTICLE,
            Some(("2018-02-03", Metadata)),
        ),
        (
            "date only in the page's address",
            "en",
            r#"<link rel="canonical" href="https://example.com/news/2019/10/21/harbour-vote/">"#,
            ARTICLE,
            Some(("2019-10-21", Url)),
        ),
        (
            "metadata far from the address is the crawl time",
            "en",
            r#"<meta property="og:url" content="https://example.com/2019/10/21/harbour-vote">
               <meta property="article:published_time" content="2023-01-05T00:00:00Z">"#,
            ARTICLE,
            Some(("2019-10-21", Url)),
        ),
        (
            "only a German byline",
            "de",
            "",
            r#"<h1>Hafen</h1><p class="byline">Veröffentlicht am 29. Januar 2019</p><p>Der Rat hat am Dienstag über den Plan abgestimmt.</p>"#,
            Some(("2019-01-29", Byline)),
        ),
        (
            "a sidebar with a newer date",
            "de",
            "",
            r#"<h1>Hafen</h1><div class="meta"><span class="datum">29.01.2019</span></div><p>Text.</p>
               <aside><span class="date">01.03.2020</span></aside>"#,
            Some(("2019-01-29", Byline)),
        ),
        (
            "dates only in comments",
            "en",
            "",
            r#"<h1>Harbour</h1><p>Text.</p><div class="comments"><div itemprop="datePublished" content="2020-02-02">Feb 2, 2020</div>
               <span class="date">February 3, 2020</span></div>"#,
            None,
        ),
        (
            "comment dates do not outvote the article's",
            "fr",
            "",
            r#"<h1>Port</h1><p class="publication">Le <time datetime="2019-06-28T13:49:45Z">28 juin 2019</time></p><p>Texte.</p>
               <ol class="comment-list"><li itemscope itemtype="https://schema.org/Comment"><meta itemprop="datePublished" content="2019-09-22T07:30:29Z"></li></ol>"#,
            Some(("2019-06-28", Byline)),
        ),
        (
            "a UTC timestamp past midnight and the local byline",
            "en",
            r#"<meta property="article:published_time" content="2020-08-25T01:10:00Z">"#,
            r#"<h1>Harbour</h1><span class="date">August 24, 2020</span>"#,
            Some(("2020-08-24", Byline)),
        ),
        (
            "a generic date meta loses to the byline",
            "de",
            r#"<meta name="date" content="2020-02-12">"#,
            r#"<h1>Lieferketten</h1><div class="news-date">05.02.2020</div><p>Text.</p>"#,
            Some(("2020-02-05", Byline)),
        ),
        (
            "the shown date agrees with the modified time",
            "de",
            r#"<meta property="article:published_time" content="2021-03-16T16:16:10Z">
               <meta property="article:modified_time" content="2021-03-20T14:00:17Z">"#,
            r#"<h1>Lockdown</h1><p class="article-date">20. März 2021</p>"#,
            Some(("2021-03-20", Byline)),
        ),
        (
            "ambiguous numeric date in American English",
            "en-US",
            "",
            r#"<h1>Harbour</h1><span class="date">04/05/2021</span>"#,
            Some(("2021-04-05", Byline)),
        ),
        (
            "ambiguous numeric date in German",
            "de",
            "",
            r#"<h1>Hafen</h1><span class="date">04/05/2021</span>"#,
            Some(("2021-05-04", Byline)),
        ),
        (
            "another date on the page settles the order",
            "en-US",
            r#"<meta name="dc.date" content="2021-05-04">"#,
            r#"<h1>Harbour</h1><span class="date">04/05/2021</span>"#,
            Some(("2021-05-04", Byline)),
        ),
        (
            "hAtom published abbreviation",
            "en",
            "",
            r#"<h2>Post</h2><abbr class="published" title="2018-06-05T08:00:00-07:00">08:00</abbr>"#,
            Some(("2018-06-05", Metadata)),
        ),
        (
            "microdata on visible text",
            "de",
            "",
            r#"<h1>Autocad</h1><div class="info"><div itemprop="datePublished">20.06.2019 11:43</div></div>"#,
            Some(("2019-06-20", Metadata)),
        ),
        (
            "epoch seconds in a data attribute",
            "en",
            "",
            r#"<h1>Harbour</h1><div data-timestamp="1582728797">a while ago</div>"#,
            Some(("2020-02-26", Byline)),
        ),
        (
            "a date written under the title in no marked element",
            "es",
            "",
            r#"<h1>Puerto</h1><p>Por Ana, 3 de marzo de 2020</p><p>El consejo votó el plan.</p>"#,
            Some(("2020-03-03", Byline)),
        ),
        ("no date anywhere", "en", "", ARTICLE, None),
        (
            "a topic class on the article is not a part of the page",
            "en",
            "",
            r#"<div class="post hentry category-popular tag-related-news"><h1>Harbour</h1>
               <p>January 22, 2014</p><p>Text.</p></div>"#,
            Some(("2014-01-22", Byline)),
        ),
        (
            "the title is the heading showing it, not the site name in the first h1",
            "fr",
            "",
            r#"<header><h1>Le Journal du Port</h1><p>Édition du 5 mai 2018</p></header>
               <nav>Accueil</nav><div class="main"><h2>The harbour plan passes the council vote</h2>
               <p>Par Anne, 13 juin 2019</p><p>Texte.</p></div>"#,
            Some(("2019-06-13", Byline)),
        ),
        (
            "a container holding the title is no sidebar whatever its class",
            "en",
            "",
            r#"<div class="layout has-sidebar"><article class="sticky-sidebar-parent">
               <h1>The harbour plan passes the council vote</h1>
               <span class="date">8 January 2020, 3:51 pm</span><p>Text.</p></article>
               <div class="sidebar"><span class="date">9 January 2020</span></div></div>"#,
            Some(("2020-01-08", Byline)),
        ),
        (
            "teasers in a secondary column and a footer are not the article's",
            "en",
            "",
            r#"<h1>Harbour</h1><p>Text.</p>
               <div id="secondary"><article><time datetime="2019-09-24T13:34:33Z" pubdate>24 Sept</time></article></div>
               <footer class="site-footer">© 2023, updated December 1, 2023</footer>"#,
            None,
        ),
        (
            "a post's own footer holds its date",
            "de",
            "",
            r#"<div class="entry"><h1>Roomba</h1><p>Text.</p>
               <div class="post-footer">Dieser Artikel wurde am 14. Dezember 2015 um 14:48 von Heiner geschrieben
               und unter dem Stichwort Arduino, Infrarot, LED in die Kategorie Basteln eingeordnet.</div></div>"#,
            Some(("2015-12-14", Byline)),
        ),
        (
            "a publication word announces the date, an update word does not",
            "en",
            "",
            r#"<h1>Harbour</h1><p>Text about the harbour and the council that runs it.</p>
               <p>Updated on March 9, 2020. Published on Tuesday, March 3, 2020.</p>"#,
            Some(("2020-03-03", Byline)),
        ),
        (
            "a date label",
            "de",
            "",
            r#"<h1>Migration</h1><p>Ein Ablaufplan für fremde Dateien.</p>
               <dl><dt>Kategorie</dt><dd>AutoCAD</dd><dt>Datum</dt><dd>12.01.2017</dd></dl>"#,
            Some(("2017-01-12", Byline)),
        ),
        (
            "a kicker date just above the title",
            "de",
            "",
            r#"<figure><small>31.01.2022 2. Liga</small></figure>
               <h1>The harbour plan passes the council vote</h1><p>Der Verein hat am Sonntag entschieden.</p>"#,
            Some(("2022-01-31", Byline)),
        ),
        (
            "a slashed date a server wrote is month first",
            "de",
            r#"<meta name="date" content="11/01/2023 12:43:42">"#,
            ARTICLE,
            Some(("2023-11-01", Metadata)),
        ),
        (
            "publication_date meta",
            "de",
            r#"<meta class="swiftype" name="publication_date" content="2022-02-08T14:00:00">"#,
            ARTICLE,
            Some(("2022-02-08", Metadata)),
        ),
        (
            "an author line with its date",
            "de",
            "",
            r#"<h1>Clan</h1><p>Text.</p><div class="left author">Author: <b>Bo</b> am 29.12.2010, 13:36 Uhr</div>"#,
            Some(("2010-12-29", Byline)),
        ),
        (
            "a UTC morning time cannot be the next local day",
            "en",
            r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-01T08:00:00Z"}</script>"#,
            r#"<article><h1>Storm</h1><time datetime="2024-03-02">March 2</time></article>"#,
            Some(("2024-03-01", Metadata)),
        ),
        (
            "an app's JSON data names the publication",
            "en",
            "",
            r#"<h1>Review</h1><p>Great service.</p><script type="application/json">{"publishedDate":"2016-11-04T20:37:27Z","updatedDate":"2016-11-05T09:00:00Z"}</script>"#,
            Some(("2016-11-04", Metadata)),
        ),
        (
            "a publication class outweighs a component named Comment",
            "de",
            "",
            r#"<article><div class="ArticleHeaderComment"><h1 class="ArticleHeaderComment_headline">The harbour plan passes the council vote</h1></div>
               <div class="PublishDate ArticleHeaderComment_publishDate"><span>Dienstag,</span> <span>29. Januar 2019</span></div></article>
               <ol class="comments"><li><time datetime="2018-03-12T19:30:12+00:00">12.03.2018</time></li></ol>"#,
            Some(("2019-01-29", Byline)),
        ),
        (
            "no heading at all: the first date on the page",
            "en",
            "",
            r#"<table><tr><td><div style="text-align:right">Apr 7, 2009</div><b>This week's theme</b>
               <p>People who have made a word their own.</p></td></tr></table>"#,
            Some(("2009-04-07", Byline)),
        ),
        (
            "impossible dates are not dates",
            "en",
            r#"<meta property="article:published_time" content="1970-01-01T00:00:00Z">"#,
            r#"<h1>Harbour</h1><span class="date">February 30, 2020</span>"#,
            None,
        ),
    ];
    for (what, lang, head, body, want) in cases {
        let got = found(&page(lang, head, body));
        let want = want.map(|(d, s)| (d.to_string(), s));
        assert_eq!(got, want, "{what}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_date_finder_never_panics(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("<meta property=\"article:published_time\" content=\"".to_string()),
                Just("<script type=\"application/ld+json\">{\"datePublished\":".to_string()),
                Just("<span class=\"date\">".to_string()),
                Just("<time datetime=\"".to_string()),
                Just("<h1>".to_string()),
                Just("\">".to_string()),
                Just("</script>".to_string()),
                "\\PC{0,30}",
                "[0-9./ :TZ-]{0,20}",
            ],
            0..12,
        )
    ) {
        let text = parts.concat();
        if let Ok(readability) = Readability::new(text.as_str(), None, None) {
            let _ = publication(&readability, Some("T"), None);
        }
    }
}
