//! A page's title without the site's name around it: `Budget passes - The
//! Herald` is the article `Budget passes`.
//!
//! The title is the first of `og:title`, `<title>`, `<h1>`, `twitter:title` and
//! JSON-LD `headline` that the page has. A part cut off at a separator (` | `,
//! ` - `, ` – `, ` — `, ` :: `, ` · `, ` » `, ` / `) goes when something says it is
//! the site, not the article:
//!
//! - it is the site's name as the page states it (`og:site_name`,
//!   `application-name`, the JSON-LD publisher), compared without case, spaces and
//!   punctuation (`ZDNet.de`, `zdnet.de`);
//! - it names the page's own host (`Luxurious Magazine` on
//!   `luxurious-magazine.com`, `Python Wiki` on `wiki.python.org`);
//! - what remains is another title the page gives (the `<h1>`, `og:title`);
//! - at the end of a `<title>` only: it is short and capitalised like a name
//!   (`The Herald`), at least two words remain, and the separator is not ` / `
//!   (which also joins parts of a title).
//!
//! The site's name is looked for at both ends before another title of the page
//! is, because some sites put their logo in the `<h1>` (`Site » Headline` with
//! `<h1>Site</h1>` keeps the headline).
//!
//! Cutting repeats (`Story - Section - Site`), but a title is never cut down to
//! nothing, and a dash inside a title (`Dortmund - Gladbach live`) stays unless
//! one of the rules above holds.

use crate::text::fold;

use super::super::clean::clean_line;

/// The places a page states its title and its site.
#[derive(Debug, Default)]
pub(super) struct TitleSources<'a> {
    pub og_title: Option<&'a str>,
    pub title_tag: Option<&'a str>,
    pub h1: Option<&'a str>,
    pub twitter_title: Option<&'a str>,
    pub headline: Option<&'a str>,
    /// Names the page gives its site.
    pub site_names: Vec<String>,
    /// The page's own address, for its host.
    pub url: Option<&'a str>,
}

const SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "];

pub(super) fn page_title(sources: &TitleSources) -> Option<String> {
    let given = [
        sources.og_title,
        sources.title_tag,
        sources.h1,
        sources.twitter_title,
        sources.headline,
    ];
    let raw = given.iter().flatten().find(|t| !t.trim().is_empty())?;
    let others: Vec<String> = given
        .iter()
        .flatten()
        .map(|t| squash(t))
        .filter(|t| !t.is_empty())
        .collect();
    let site = Site {
        names: sources
            .site_names
            .iter()
            .map(|s| squash(s))
            .filter(|s| s.len() >= 2)
            .collect(),
        host_labels: sources.url.map(host_labels).unwrap_or_default(),
    };
    let from_title_tag = sources.og_title.is_none_or(|t| t.trim().is_empty())
        && sources.title_tag.is_some_and(|t| !t.trim().is_empty());
    Some(strip_site(&clean_line(raw), &others, &site, from_title_tag))
}

/// What the page says its site is called, squashed, and the labels of its host
/// without `www` and the top-level domain.
struct Site {
    names: Vec<String>,
    host_labels: Vec<String>,
}

impl Site {
    /// `part` names the site: its stated name, or its host.
    fn is_named_by(&self, part: &str) -> bool {
        let part = trim_dangling(part);
        let squashed = squash(part);
        if squashed.len() < 2 {
            return false;
        }
        if self.names.contains(&squashed) {
            return true;
        }
        if self.host_labels.is_empty() {
            return false;
        }
        let host: String = self.host_labels.concat();
        // `ZDNet.de` on zdnet.de, `Luxurious Magazine` on luxurious-magazine.com.
        let without_tld = squash(part.rsplit_once('.').map_or(part, |(name, tld)| {
            if tld.len() <= 3 && !tld.contains(' ') {
                name
            } else {
                part
            }
        }));
        if squashed == host || without_tld == host || self.host_labels.contains(&squashed) {
            return true;
        }
        // `Python Wiki` on wiki.python.org: every word is a label of the host.
        let words: Vec<String> = part
            .split_whitespace()
            .map(squash)
            .filter(|w| !w.is_empty())
            .collect();
        words.len() >= 2 && words.iter().all(|w| self.host_labels.contains(w))
    }
}

fn strip_site(title: &str, others: &[String], site: &Site, from_title_tag: bool) -> String {
    let mut title = title.to_string();
    // Each pass cuts one part; a title has few separators.
    for _ in 0..4 {
        let Some(cut) = cut_once(&title, others, site, from_title_tag) else {
            break;
        };
        title = cut;
    }
    let trimmed = trim_dangling(&title);
    if trimmed.is_empty() {
        title
    } else {
        trimmed.to_string()
    }
}

/// The title with one site part cut, if one goes. Evidence that names the site
/// comes first, at either end; the look of a site name last, at the end only,
/// and only in a `<title>` (an `og:title` with a suffix carries the site's
/// stated name, which the first rule catches).
fn cut_once(title: &str, others: &[String], site: &Site, from_title_tag: bool) -> Option<String> {
    let other_title = |keep: &str| {
        let kept = squash(keep);
        others.contains(&kept) && squash(title) != kept
    };
    let end = split_at(title, true);
    let start = split_at(title, false);
    if let Some((left, right, _)) = end
        && site.is_named_by(right)
    {
        return Some(left.to_string());
    }
    if let Some((left, right, _)) = start
        && site.is_named_by(left)
    {
        return Some(right.to_string());
    }
    if let Some((left, _, _)) = end
        && other_title(left)
    {
        return Some(left.to_string());
    }
    if let Some((_, right, _)) = start
        && other_title(right)
    {
        return Some(right.to_string());
    }
    if let Some((left, right, sep)) = end {
        // ` / ` also separates parts of a title (`Pale Blue Dot / Lift Off`).
        let words = left
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count();
        if from_title_tag && sep != " / " && words >= 2 && looks_like_site_name(right) {
            return Some(left.to_string());
        }
    }
    None
}

/// The title split at its last (or first) separator, both sides non-empty, and
/// the separator.
fn split_at(title: &str, last: bool) -> Option<(&str, &str, &'static str)> {
    let found = SEPARATORS.iter().filter_map(|sep| {
        let pos = if last {
            title.rfind(sep)
        } else {
            title.find(sep)
        };
        pos.map(|p| (p, *sep))
    });
    let (pos, sep) = if last {
        found.max_by_key(|(p, _)| *p)?
    } else {
        found.min_by_key(|(p, _)| *p)?
    };
    let (left, right) = (title[..pos].trim(), title[pos + sep.len()..].trim());
    (!left.is_empty() && !right.is_empty()).then_some((left, right, sep))
}

fn is_separator_char(c: char) -> bool {
    matches!(c, '|' | '/' | '·' | '»')
}

/// A separator left dangling by the page itself: `Title |`, `site.de //`, but
/// not a closing quote: `«ganz normalem Deutsch»`.
fn trim_dangling(s: &str) -> &str {
    let s = s.trim();
    let end = s.trim_end_matches(|c: char| is_separator_char(c) || c.is_whitespace());
    let s = if s[end.len()..].starts_with(char::is_whitespace) {
        end
    } else {
        s
    };
    let start = s.trim_start_matches(|c: char| is_separator_char(c) || c.is_whitespace());
    if s[..s.len() - start.len()].ends_with(char::is_whitespace) {
        start
    } else {
        s
    }
}

/// Short and capitalised ("BBC News", "The Daily Planet") or a bare domain
/// ("example.com").
fn looks_like_site_name(s: &str) -> bool {
    let s = s.trim();
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 || s.chars().count() > 40 {
        return false;
    }
    let domain = words.len() == 1 && s.contains('.') && !s.ends_with('.');
    domain
        || words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&')
        })
}

/// Lowercase letters and digits only, diacritics folded (`ä` also as `ae`, the
/// way German hosts spell it): `Schweizer Jäger` is `schweizerjaeger`.
fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_alphanumeric() => out.push(fold(c)),
            _ => {}
        }
    }
    out
}

/// `https://www.wiki.python.org:443/x` -> `["wiki", "python"]`.
fn host_labels(url: &str) -> Vec<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next().unwrap_or_default().to_lowercase();
    let mut labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    if labels.len() < 2 {
        return Vec::new();
    }
    labels.pop();
    // Second-level registries: example.co.uk, example.com.au.
    if labels.len() >= 2
        && matches!(
            labels.last(),
            Some(&("co" | "com" | "org" | "net" | "ac" | "gov"))
        )
    {
        labels.pop();
    }
    labels
        .into_iter()
        .filter(|l| !matches!(*l, "www" | "m" | "amp" | "mobile"))
        .map(squash)
        .filter(|l| !l.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_names_are_cut_and_titles_kept() {
        // (og:title, <title>, h1, site name, url, expected)
        type Case<'a> = (
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
            &'a str,
        );
        let cases: &[Case] = &[
            (
                None,
                Some("Budget passes after long night - The Herald"),
                None,
                None,
                None,
                "Budget passes after long night",
            ),
            (
                Some("Storm hits coast | Coast Courier"),
                None,
                None,
                Some("Coast Courier"),
                None,
                "Storm hits coast",
            ),
            // The host names the site.
            (
                None,
                Some("A salute to polo in Rome - Luxurious Magazine"),
                None,
                None,
                Some("https://www.luxurious-magazine.com/polo/"),
                "A salute to polo in Rome",
            ),
            (
                None,
                Some("BeginnersGuide/Download - Python Wiki"),
                None,
                None,
                Some("https://wiki.python.org/moin/x"),
                "BeginnersGuide/Download",
            ),
            (
                None,
                Some("Facebook wehrt sich | ZDNet.de"),
                None,
                None,
                Some("https://www.zdnet.de/88/"),
                "Facebook wehrt sich",
            ),
            (
                None,
                Some("Penny - Stardew Valley Wiki"),
                None,
                None,
                Some("https://stardewvalleywiki.com/Penny"),
                "Penny",
            ),
            (
                None,
                Some("Der Steinkauz | Schweizer Jäger"),
                None,
                None,
                Some("https://schweizerjaeger.ch/x"),
                "Der Steinkauz",
            ),
            // Several parts: story, section, site.
            (
                None,
                Some("Rates rise again - Business - Daily Planet"),
                None,
                Some("Daily Planet"),
                None,
                "Rates rise again",
            ),
            // The site first.
            (
                None,
                Some("Daily Planet | Rates rise again"),
                None,
                Some("Daily Planet"),
                None,
                "Rates rise again",
            ),
            (
                None,
                Some("Courier | Storm hits coast"),
                Some("Storm hits coast"),
                None,
                None,
                "Storm hits coast",
            ),
            // What remains is the h1.
            (
                None,
                Some("Ferry fares fall - coast news"),
                Some("Ferry fares fall"),
                None,
                None,
                "Ferry fares fall",
            ),
            // Dashes that belong to the title stay.
            (
                None,
                Some("Bundesliga: Dortmund - Gladbach live sehen!"),
                None,
                None,
                Some("https://example.de/x"),
                "Bundesliga: Dortmund - Gladbach live sehen!",
            ),
            (
                None,
                Some("Well-known - hyphenated"),
                None,
                None,
                None,
                "Well-known - hyphenated",
            ),
            (
                None,
                Some("Python 3 - simple HTTP request with sockets"),
                None,
                None,
                Some("https://python.org/x"),
                "Python 3 - simple HTTP request with sockets",
            ),
            // The h1 is the site's logo: the headline stays, the site goes.
            (
                None,
                Some("Internet-Law » Is the pseudonym ban lawful under German law?"),
                Some("Internet-Law"),
                None,
                Some("https://www.internet-law.de/x"),
                "Is the pseudonym ban lawful under German law?",
            ),
            (
                None,
                Some("Record of the week: Luboku, Pale Blue Dot / Lift Off"),
                None,
                None,
                None,
                "Record of the week: Luboku, Pale Blue Dot / Lift Off",
            ),
            (
                None,
                Some("Mapping the dunes | Coast Courier |"),
                None,
                Some("Coast Courier"),
                None,
                "Mapping the dunes",
            ),
            (
                None,
                Some("mediaarchitecture.de // » Jens Weber"),
                None,
                None,
                Some("http://mediaarchitecture.de/x"),
                "Jens Weber",
            ),
            // An og:title is cut only where the page names its site.
            (
                Some("Derek Jarman · The Garden"),
                Some("Derek Jarman · The Garden"),
                None,
                None,
                None,
                "Derek Jarman · The Garden",
            ),
            // Never cut to nothing; a title that is only the site stays.
            (
                None,
                Some("Daily Planet"),
                None,
                Some("Daily Planet"),
                None,
                "Daily Planet",
            ),
            // og:title first, h1 when nothing else.
            (
                Some("OG wins"),
                Some("Tag | Site"),
                Some("H"),
                None,
                None,
                "OG wins",
            ),
            (None, None, Some("Only an h1"), None, None, "Only an h1"),
        ];
        for (og, tag, h1, site, url, want) in cases {
            let sources = TitleSources {
                og_title: *og,
                title_tag: *tag,
                h1: *h1,
                site_names: site.iter().map(|s| s.to_string()).collect(),
                url: *url,
                ..TitleSources::default()
            };
            assert_eq!(
                page_title(&sources).as_deref(),
                Some(*want),
                "{tag:?} {og:?}"
            );
        }
        assert_eq!(page_title(&TitleSources::default()), None);
    }

    #[test]
    fn hosts_to_labels() {
        let cases: &[(&str, &[&str])] = &[
            ("https://www.example.com/a", &["example"]),
            ("http://news.example.co.uk:8080/x?y", &["news", "example"]),
            ("https://wiki.python.org", &["wiki", "python"]),
            ("not a url", &[]),
        ];
        for (url, want) in cases {
            assert_eq!(host_labels(url), *want, "{url}");
        }
    }
}
