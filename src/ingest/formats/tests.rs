//! Table-driven tests for the format readers, ugly inputs first.

use std::path::Path;

use proptest::prelude::*;

use super::*;

fn parse(name: &str, bytes: &[u8]) -> Result<ParsedFile, ReadError> {
    parse_file(Path::new(name), bytes)
}

fn one(name: &str, bytes: &[u8]) -> RawArticle {
    let parsed = match parse(name, bytes) {
        Ok(p) => p,
        Err(e) => panic!("{name}: unexpected error: {e}"),
    };
    assert_eq!(parsed.articles.len(), 1, "{name}: {parsed:?}");
    parsed.articles.into_iter().next().unwrap_or_default()
}

fn err(name: &str, bytes: &[u8]) -> String {
    match parse(name, bytes) {
        Ok(p) => panic!("{name}: expected an error, got {p:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn format_for_path_by_extension() {
    let cases = [
        ("a.txt", Some(Format::Text)),
        ("a.TXT", Some(Format::Text)),
        ("a.md", Some(Format::Markdown)),
        ("a.Markdown", Some(Format::Markdown)),
        ("a.html", Some(Format::Html)),
        ("a.HTM", Some(Format::Html)),
        ("a.json", Some(Format::Json)),
        ("a.jsonl", Some(Format::JsonLines)),
        ("a.NDJSON", Some(Format::JsonLines)),
        ("a.pdf", None),
        ("README", None),
        (".md", None),
    ];
    for (name, want) in cases {
        assert_eq!(format_for_path(Path::new(name)), want, "{name}");
    }
    let names: Vec<&str> = [
        Format::Text,
        Format::Markdown,
        Format::Html,
        Format::Json,
        Format::JsonLines,
    ]
    .iter()
    .map(|f| f.as_str())
    .collect();
    assert_eq!(names, ["txt", "md", "html", "json", "jsonl"]);
}

#[test]
fn decode_text_cases() {
    let mut utf16le = vec![0xFF, 0xFE];
    utf16le.extend("Héllo\r\nwörld".encode_utf16().flat_map(u16::to_le_bytes));
    let mut utf16be = vec![0xFE, 0xFF];
    utf16be.extend("Héllo".encode_utf16().flat_map(u16::to_be_bytes));
    let cases: Vec<(&str, Vec<u8>, Result<&str, &str>)> = vec![
        ("plain", b"hello\n".to_vec(), Ok("hello\n")),
        ("crlf", b"a\r\nb\rc".to_vec(), Ok("a\nb\nc")),
        ("utf8 bom", b"\xEF\xBB\xBFtitle".to_vec(), Ok("title")),
        ("utf16le bom", utf16le, Ok("Héllo\nwörld")),
        ("utf16be bom", utf16be, Ok("Héllo")),
        (
            "windows-1252 quotes and e-acute",
            b"\x93Caf\xE9\x94 said the caf\xE9 owner, \x93tr\xE8s bien\x94.".to_vec(),
            Ok("“Café” said the café owner, “très bien”."),
        ),
        ("empty", Vec::new(), Err("empty file")),
        ("whitespace only", b" \n\t\r\n ".to_vec(), Err("empty file")),
        (
            "bom then whitespace",
            b"\xEF\xBB\xBF  \n".to_vec(),
            Err("empty file"),
        ),
        (
            "nul bytes",
            b"PK\x03\x04\x00\x00abc".to_vec(),
            Err("binary file (NUL bytes at offset 4)"),
        ),
        (
            "control soup",
            b"\x01\x02\x03\x04abcdef".to_vec(),
            Err("binary file (40% control characters in the first 8 KB)"),
        ),
    ];
    for (name, bytes, want) in cases {
        let got = decode_text(&bytes).map_err(|e| e.to_string());
        match want {
            Ok(text) => assert_eq!(got.as_deref(), Ok(text), "{name}"),
            Err(msg) => assert_eq!(got.as_ref().map_err(String::as_str), Err(msg), "{name}"),
        }
    }
}

#[test]
fn text_files() {
    let a = one(
        "a.txt",
        b"\n\n  Storm   hits\x07 coast  \nFirst  para line.\n\n\n\nSecond para.\n",
    );
    assert_eq!(a.title, "Storm hits coast");
    assert_eq!(a.body, "First para line.\n\nSecond para.");
    assert_eq!(a.line, None);

    let a = one("a.txt", b"Only a title");
    assert_eq!((a.title.as_str(), a.body.as_str()), ("Only a title", ""));

    let a = one("notes", b"Unknown extension\nstill text");
    assert_eq!(a.title, "Unknown extension");
}

#[test]
fn markdown_front_matter_and_stripping() {
    let md = "---\n\
title: \"Flood *warning* issued\"\n\
date: 2024-01-05\n\
author: [Ann Lee, Bo Chan]\n\
source: Daily Planet\n\
url: https://example.com/flood\n\
tags: weather, floods , Weather\n\
extra: {nested: true}\n\
---\n\
# Flood warning issued\n\
\n\
The **river** rose _fast_ near [the bridge](https://x.example/b) ![map](m.png).\n\
\n\
> Quoted `code` and a <span class=\"x\">tag</span>.\n\
\n\
- first item\n\
1. numbered item\n\
\n\
Keep snake_case_names, *a* *b* and 2*3*4 intact. Escaped \\*stars\\*.\n\
\n\
[ref]: https://example.com/ref\n\
```\n\
let x = *code*;\n\
```\n";
    let a = one("a.md", md.as_bytes());
    assert_eq!(a.title, "Flood warning issued");
    assert_eq!(a.published_raw.as_deref(), Some("2024-01-05"));
    assert_eq!(a.author.as_deref(), Some("Ann Lee, Bo Chan"));
    assert_eq!(a.source.as_deref(), Some("Daily Planet"));
    assert_eq!(a.url.as_deref(), Some("https://example.com/flood"));
    assert_eq!(a.tags, ["weather", "floods"]);
    assert_eq!(
        a.body,
        "The river rose fast near the bridge.\n\n\
         Quoted code and a tag.\n\n\
         first item\nnumbered item\n\n\
         Keep snake_case_names, a b and 2*3*4 intact. Escaped *stars*.\n\n\
         let x = *code*;"
    );
}

#[test]
fn markdown_titles_and_dates() {
    let cases: &[(&str, &str, &str, Option<&str>)] = &[
        // (input, title, body, published_raw)
        (
            "# Heading title\n\nBody text.",
            "Heading title",
            "Body text.",
            None,
        ),
        (
            "Intro line\n\n# Later heading\n\nMore.",
            "Later heading",
            "Intro line\n\nLater heading\n\nMore.",
            None,
        ),
        ("**Bold first** line\nrest", "Bold first line", "rest", None),
        (
            "Setext title\n============\n\nBody.",
            "Setext title",
            "Body.",
            None,
        ),
        // YAML types these as numbers; the raw text is kept.
        (
            "---\ntitle: T\ndate: 20240105\n---\nBody",
            "T",
            "Body",
            Some("20240105"),
        ),
        (
            "---\ntitle: T\npublished: 2024.10\n---\nBody",
            "T",
            "Body",
            Some("2024.10"),
        ),
        (
            "---\nTitle: T\npubDate: '2024-01-05T10:00:00Z'\n---\nBody",
            "T",
            "Body",
            Some("2024-01-05T10:00:00Z"),
        ),
        (
            "---\ntitle: T\ndate: 2024-01-05 10:00:00 +01:00\n---\nB",
            "T",
            "B",
            Some("2024-01-05 10:00:00 +01:00"),
        ),
        ("---\ntitle: 1984\n---\nBody", "1984", "Body", None),
        // Empty front matter is allowed.
        ("---\n---\n# H\nB", "H", "B", None),
        // No closing fence: a horizontal rule, not front matter.
        (
            "---\nLine after rule\nmore",
            "Line after rule",
            "more",
            None,
        ),
        // TOML front matter, read line by line.
        (
            "+++\ntitle = \"Toml T\"\ndate = 2024-02-03\ntags = [\"a\", \"b\"]\n+++\nBody",
            "Toml T",
            "Body",
            Some("2024-02-03"),
        ),
    ];
    for (input, title, body, date) in cases {
        let a = one("x.md", input.as_bytes());
        assert_eq!(a.title, *title, "{input:?}");
        assert_eq!(a.body, *body, "{input:?}");
        assert_eq!(a.published_raw.as_deref(), *date, "{input:?}");
    }
}

#[test]
fn markdown_with_broken_front_matter_keeps_its_body_and_says_why() {
    // (input, title, date, the one warning)
    let cases = [
        (
            "---\n- a\n- b\n---\n# Heading\nBody",
            "Heading",
            None,
            "front matter is not a YAML mapping; read its plain `key: value` lines and the body",
        ),
        (
            "---\njust a scalar\n---\nFirst line\nBody",
            "First line",
            None,
            "front matter is not a YAML mapping; read its plain `key: value` lines and the body",
        ),
        (
            "---\ntitle: [unclosed\ndate: 2024-03-01\n---\nBody",
            "[unclosed",
            Some("2024-03-01"),
            "malformed YAML front matter: line 2 column 5: illegal placement of ':' indicator; read its plain `key: value` lines and the body",
        ),
        // The commonest mistake: an unquoted colon in the title.
        (
            "---\ntitle: Budget: what changes\ndate: 2024-03-01\n---\nBody",
            "Budget: what changes",
            Some("2024-03-01"),
            "malformed YAML front matter: line 1 column 14: mapping values are not allowed in this context; read its plain `key: value` lines and the body",
        ),
    ];
    for (input, title, date, warning) in cases {
        let a = one("x.md", input.as_bytes());
        assert_eq!(a.title, title, "{input:?}");
        assert_eq!(a.body, "Body", "{input:?}");
        assert_eq!(a.published_raw.as_deref(), date, "{input:?}");
        assert_eq!(a.warnings, [warning], "{input:?}");
    }
    // Good front matter warns about nothing.
    assert!(one("x.md", b"---\ntitle: T\n---\nBody").warnings.is_empty());
}

const NOISY_PAGE: &str = r#"<!DOCTYPE html><html><head>
<title>Storm Hits Coast | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet">
<meta name="author" content="Ann   Lee">
<meta name="keywords" content="storm, coast">
<link rel="canonical" href="https://example.com/storm">
<script>var tracker = "SCRIPTNOISE";</script>
<style>.x { content: "STYLENOISE" }</style>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Storm Hits Coast","datePublished":"2024-03-01T08:00:00Z","publisher":{"@type":"Organization","name":"Daily Planet"}}</script>
</head><body>
<header><a href="/">NAVHEADER Home</a></header>
<nav><ul><li><a href="/world">NAVNOISE World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<header><h1>Storm Hits Coast</h1><time datetime="2024-03-02">March 2</time></header>
<p>The storm made landfall early on Friday, flooding streets along the coast and cutting power to thousands of homes in the region.</p>
<p>Officials said the clean-up would take weeks, and urged residents to stay away from the shoreline until the water recedes.</p>
</article></main>
<aside>ASIDENOISE Most read</aside>
<footer>FOOTERNOISE Copyright</footer>
</body></html>"#;

#[test]
fn html_main_text_without_noise() {
    let a = one("page.html", NOISY_PAGE.as_bytes());
    assert_eq!(a.title, "Storm Hits Coast");
    assert_eq!(a.published_raw.as_deref(), Some("2024-03-01T08:00:00Z"));
    assert_eq!(a.author.as_deref(), Some("Ann Lee"));
    assert_eq!(a.source.as_deref(), Some("Daily Planet"));
    assert_eq!(a.url.as_deref(), Some("https://example.com/storm"));
    assert_eq!(a.tags, ["storm", "coast"]);
    for noise in [
        "SCRIPTNOISE",
        "STYLENOISE",
        "NAVNOISE",
        "NAVHEADER",
        "ASIDENOISE",
        "FOOTERNOISE",
    ] {
        assert!(
            !a.body.contains(noise),
            "{noise} leaked into body: {:?}",
            a.body
        );
    }
    assert!(a.body.contains("The storm made landfall"), "{:?}", a.body);
    // Paragraphs stay apart.
    assert!(
        a.body
            .contains("thousands of homes in the region.\n\nOfficials said"),
        "{:?}",
        a.body
    );
}

#[test]
fn html_metadata_fallbacks() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        // (page, title, published_raw)
        (
            r#"<html><head><meta property="og:title" content="OG wins"><title>Tag | Site</title>
            <meta property="article:published_time" content="2024-05-06"></head><body><h1>H</h1><p>Some article text here.</p></body></html>"#,
            "OG wins",
            Some("2024-05-06"),
        ),
        (
            r#"<html><head><title>Budget passes after long night - The Herald</title><meta name="DC.date" content="06/05/2024"></head><body><p>Text of the article.</p></body></html>"#,
            "Budget passes after long night",
            Some("06/05/2024"),
        ),
        (
            r#"<html><head><title>Well-known - hyphenated</title></head><body><p>Body <time datetime="2023-01-01T00:00">then</time>.</p></body></html>"#,
            "Well-known - hyphenated",
            Some("2023-01-01T00:00"),
        ),
        (
            r#"<html><body><h1>Only an h1</h1><p>Paragraph.</p></body></html>"#,
            "Only an h1",
            None,
        ),
    ];
    for (page, title, date) in cases {
        let a = one("p.htm", page.as_bytes());
        assert_eq!(a.title, *title, "{page}");
        assert_eq!(a.published_raw.as_deref(), *date, "{page}");
        assert!(!a.body.is_empty(), "{page}");
    }
}

#[test]
fn html_without_article_text() {
    let pages = [
        "<html><head><title>T</title></head><body></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav><script>x()</script><footer>(c)</footer></body></html>",
        "<!DOCTYPE html><html><body>   \n </body></html>",
    ];
    for page in pages {
        assert_eq!(
            err("p.html", page.as_bytes()),
            "HTML page has no article text",
            "{page}"
        );
    }
}

#[test]
fn json_articles() {
    let a = one(
        "a.json",
        br#"{"headline":"  Big   news ","articleBody":"<p>One &amp; two.</p><p>Three</p>","datePublished":"2024-01-02",
            "author":{"name":"Ann"},"source":{"name":"Wire"},"link":"https://e.x/1","keywords":["a","b",7],"title":42}"#,
    );
    assert_eq!(a.title, "Big news");
    assert_eq!(a.body, "One & two.\n\nThree");
    assert_eq!(a.published_raw.as_deref(), Some("2024-01-02"));
    assert_eq!(a.author.as_deref(), Some("Ann"));
    assert_eq!(a.source.as_deref(), Some("Wire"));
    assert_eq!(a.url.as_deref(), Some("https://e.x/1"));
    assert_eq!(a.tags, ["a", "b"]);

    let a = one(
        "a.json",
        br#"{"title":"T","body":null,"date":1700000000,"author":["A","B"],"tags":"x, y"}"#,
    );
    assert_eq!(a.body, "");
    assert_eq!(a.published_raw.as_deref(), Some("1700000000"));
    assert_eq!(a.author.as_deref(), Some("A, B"));
    assert_eq!(a.tags, ["x", "y"]);

    let p = parse("a.json", br#"[{"title":"A"},{"nope":1},{"text":"B body"}]"#)
        .map_err(|e| e.to_string());
    let p = p.as_ref().map(|p| {
        (
            p.articles
                .iter()
                .map(|a| a.title.as_str())
                .collect::<Vec<_>>(),
            p.bad_records.iter().map(|b| b.line).collect::<Vec<_>>(),
        )
    });
    assert_eq!(p, Ok((vec!["A", ""], vec![2])));

    let p = parse("a.json", br#"{"articles":[{"title":"A"},{"title":"B"}]}"#);
    assert_eq!(p.map(|p| p.articles.len()), Ok(2));
}

#[test]
fn json_errors() {
    let cases: &[(&str, &str)] = &[
        (
            "{\"title\": \"cut",
            "invalid JSON at line 1 column 14: EOF while parsing a string",
        ),
        (
            "{\n  \"title\": \"a\",\n",
            "invalid JSON at line 3 column 0: EOF while parsing a value",
        ),
        (
            "[1, 2",
            "invalid JSON at line 1 column 5: EOF while parsing a list",
        ),
        (
            "{\"foo\": 1}",
            "JSON value is not an article object (expected an object with a title or body)",
        ),
        (
            "\"just a string\"",
            "JSON value is not an article object (expected an object with a title or body)",
        ),
        (
            "{\"title\": \"   \", \"body\": 5}",
            "JSON value is not an article object (expected an object with a title or body)",
        ),
        (
            "[1, {\"x\": 2}]",
            "no article objects in JSON array (2 items)",
        ),
    ];
    for (input, want) in cases {
        assert_eq!(err("a.json", input.as_bytes()), *want, "{input:?}");
    }
}

#[test]
fn json_lines_keeps_good_lines() {
    let input = b"{\"title\":\"A\"}\n\n{\"title\": \"trunc\n[1]\n{\"x\":1}\r\n{\"body\":\"B body\",\"date\":\"2024\"}\n";
    let p = match parse("a.jsonl", input) {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(p.format, Format::JsonLines);
    let got: Vec<(Option<usize>, &str)> = p
        .articles
        .iter()
        .map(|a| (a.line, a.title.as_str()))
        .collect();
    assert_eq!(got, [(Some(1), "A"), (Some(6), "")]);
    let bad: Vec<(usize, &str)> = p
        .bad_records
        .iter()
        .map(|b| (b.line, b.reason.as_str()))
        .collect();
    assert_eq!(
        bad,
        [
            (3, "invalid JSON at column 16: EOF while parsing a string"),
            (4, "not a JSON object"),
            (
                5,
                "not an article object (expected an object with a title or body)"
            ),
        ]
    );

    assert_eq!(
        err("a.ndjson", b"nope\n{\"x\":1}\n"),
        "no article records in JSON Lines file (2 bad lines; first at line 1: invalid JSON at column 2: expected ident)"
    );
}

#[test]
fn lying_extensions_are_sniffed() {
    let cases: &[(&str, &str, Format, &str)] = &[
        // (name, content, format used, title)
        (
            "a.txt",
            "<!DOCTYPE html><html><head><title>Real HTML</title></head><body><p>Text.</p></body></html>",
            Format::Html,
            "Real HTML",
        ),
        (
            "a.md",
            "  <html><body><h1>Also HTML</h1><p>Text.</p></body></html>",
            Format::Html,
            "Also HTML",
        ),
        (
            "a.txt",
            "{\"title\": \"JSON in txt\"}",
            Format::Json,
            "JSON in txt",
        ),
        (
            "a.md",
            "{\"title\": \"L1\"}\n{\"title\": \"L2\"}\n",
            Format::JsonLines,
            "L1",
        ),
        (
            "a.json",
            "{\"title\": \"L1\"}\n{\"title\": \"L2\"}\n",
            Format::JsonLines,
            "L1",
        ),
        (
            "a.jsonl",
            "{\n  \"title\": \"Pretty\"\n}\n",
            Format::Json,
            "Pretty",
        ),
        (
            "a.txt",
            "{not json at all}\nbody",
            Format::Text,
            "{not json at all}",
        ),
        (
            "a.txt",
            "Prose mentioning <html> tags\nbody",
            Format::Text,
            "Prose mentioning <html> tags",
        ),
    ];
    for (name, content, format, title) in cases {
        let p = match parse(name, content.as_bytes()) {
            Ok(p) => p,
            Err(e) => panic!("{name} {content:?}: {e}"),
        };
        assert_eq!(p.format, *format, "{name} {content:?}");
        assert_eq!(
            p.articles.first().map(|a| a.title.as_str()),
            Some(*title),
            "{name} {content:?}"
        );
    }
}

#[test]
fn windows_1252_markdown_end_to_end() {
    let a = one(
        "old.md",
        b"# Caf\xE9 opens\n\n\x93Welcome,\x94 said the owner.",
    );
    assert_eq!(a.title, "Café opens");
    assert_eq!(a.body, "“Welcome,” said the owner.");
}

#[test]
fn utf16_text_end_to_end() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(
        "Titre\r\nCorps du texte."
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let a = one("a.txt", &bytes);
    assert_eq!(
        (a.title.as_str(), a.body.as_str()),
        ("Titre", "Corps du texte.")
    );
}

#[test]
fn errors_are_one_line() {
    let inputs: &[(&str, &[u8])] = &[
        ("a.txt", b""),
        ("a.txt", b"\x00\x01"),
        ("a.json", b"{\n\"a\": [1,\n"),
        ("a.jsonl", b"{\n\"a\"\n"),
        ("a.html", b"<html></html>"),
    ];
    for (name, bytes) in inputs {
        let msg = err(name, bytes);
        assert!(!msg.contains('\n') && !msg.is_empty(), "{name}: {msg:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_bytes(
        bytes in proptest::collection::vec(any::<u8>(), 0..512),
        ext in prop::sample::select(vec!["txt", "md", "html", "json", "jsonl", "bin"]),
    ) {
        let _ = parse_file(Path::new(&format!("f.{ext}")), &bytes);
    }

    #[test]
    fn never_panics_on_markup_like_text(
        text in "[-+#*_`>\\[\\](){}<>!:\"'/a-z0-9 \n\t]{0,300}",
        ext in prop::sample::select(vec!["txt", "md", "html", "json", "jsonl"]),
    ) {
        let _ = parse_file(Path::new(&format!("f.{ext}")), text.as_bytes());
        let fm = format!("---\n{text}\n---\n{text}");
        let _ = parse_file(Path::new("f.md"), fm.as_bytes());
    }

    /// The fast path for clean lines gives what cleaning every line gives.
    #[test]
    fn clean_block_fast_path_changes_nothing(text in "[a-z ]{0,8}([ \t\r\n\u{a0}\u{85}\u{3000}\u{1}\u{7f}é’][a-z ]{0,8}){0,12}") {
        let reference: Vec<String> = text.split('\n').map(clean::clean_inline_spaces).collect();
        let mut expected = String::new();
        let mut blank = false;
        for line in reference {
            if line.is_empty() {
                blank = true;
                continue;
            }
            if !expected.is_empty() {
                expected.push_str(if blank { "\n\n" } else { "\n" });
            }
            blank = false;
            expected.push_str(&line);
        }
        prop_assert_eq!(clean::clean_block(&text), expected);
    }

    #[test]
    fn fields_are_clean(text in "\\PC{0,200}") {
        if let Ok(p) = parse_file(Path::new("f.txt"), text.as_bytes()) {
            for a in &p.articles {
                prop_assert!(!a.title.contains('\n'));
                prop_assert!(!a.title.contains("  "));
                prop_assert_eq!(a.title.trim(), a.title.as_str());
                prop_assert!(!a.body.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
            }
        }
    }
}

#[test]
fn bylines_become_names() {
    use super::clean::author_name;
    let cases = [
        ("By Ana Ruiz | Sport", Some("Ana Ruiz")),
        ("von Jan Berg · 2. Mai 2021", Some("Jan Berg")),
        ("Von Redaktion -", Some("Redaktion")),
        ("Posted on May 2, 2021 by Ed Moss", Some("Ed Moss")),
        (
            "Veröffentlicht am 3. März 2022 von Tierhilfe-Team",
            Some("Tierhilfe-Team"),
        ),
        ("par Claire Morel", Some("Claire Morel")),
        ("di Luca Neri", Some("Luca Neri")),
        ("Di Stefano Aldo", Some("Di Stefano Aldo")),
        ("Byron Hale", Some("Byron Hale")),
        ("Tom Reed for Harbour News", Some("Tom Reed")),
        ("Ina Vogt/Paul Roth", Some("Ina Vogt/Paul Roth")),
        ("Ed Moss says:", None),
        (",", None),
        ("https://example.org/authors/ed", None),
        ("Posted on May 2, 2021", None),
    ];
    for (raw, want) in cases {
        assert_eq!(author_name(raw).as_deref(), want, "{raw:?}");
    }
}
