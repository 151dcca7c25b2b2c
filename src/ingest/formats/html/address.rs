//! The page's own address, from the links it gives to itself.
//!
//! Saved pages name their address in several places: `<link rel=canonical>`,
//! `og:url`, `twitter:url`, the JSON-LD `url`. Templates often write the
//! canonical link relative to the site (`/2019/10/21/story`, `//host/path`,
//! `index.html`), which is only an address once resolved against an absolute
//! one (`<base href>` or another of those links). The resolution follows
//! RFC 3986 section 5 for the cases pages use; the `url` crate would do the
//! same but brings about twenty Unicode crates for host names we only copy.

/// The first of `candidates` (in order of preference) that is, or can be made,
/// an absolute `http(s)` address. Relative candidates are resolved against
/// `base` or, failing that, against the first absolute candidate. Other
/// schemes (`javascript:`, `data:`, `file:`) are never an address.
pub(super) fn page_url(candidates: &[Option<String>], base: Option<&str>) -> Option<String> {
    let candidates: Vec<&str> = candidates
        .iter()
        .flatten()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty() && !c.contains(char::is_whitespace))
        .collect();
    let base = base
        .map(str::trim)
        .filter(|b| is_absolute(b))
        .or_else(|| candidates.iter().copied().find(|c| is_absolute(c)));
    candidates.iter().find_map(|c| {
        if is_absolute(c) {
            Some(c.to_string())
        } else if has_scheme(c) {
            None
        } else {
            base.map(|b| resolve(b, c))
        }
    })
}

fn is_absolute(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    (lower.starts_with("http://") && s.len() > 7) || (lower.starts_with("https://") && s.len() > 8)
}

/// `scheme:` before any `/`, `?` or `#`, as in `javascript:void(0)`.
fn has_scheme(s: &str) -> bool {
    match s.find(':') {
        Some(colon) => {
            let scheme = &s[..colon];
            !scheme.is_empty()
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// Resolves `reference` against the absolute `base`.
fn resolve(base: &str, reference: &str) -> String {
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let scheme = &base[..scheme_end.saturating_sub(3)];
    let authority_end = base[scheme_end..]
        .find(['/', '?', '#'])
        .map_or(base.len(), |i| scheme_end + i);
    let origin = &base[..authority_end];
    let base_path = {
        let rest = &base[authority_end..];
        let end = rest.find(['?', '#']).unwrap_or(rest.len());
        &rest[..end]
    };
    if let Some(rest) = reference.strip_prefix("//") {
        return format!("{scheme}://{rest}");
    }
    if reference.starts_with('/') {
        return format!("{origin}{}", remove_dot_segments(reference));
    }
    if reference.starts_with('?') {
        return format!("{origin}{base_path}{reference}");
    }
    if reference.starts_with('#') {
        let without_fragment = base.split('#').next().unwrap_or(base);
        return format!("{without_fragment}{reference}");
    }
    let directory = match base_path.rfind('/') {
        Some(slash) => &base_path[..=slash],
        None => "/",
    };
    format!(
        "{origin}{}",
        remove_dot_segments(&format!("{directory}{reference}"))
    )
}

/// Drops `.` and `..` segments of the path part (before any `?` or `#`).
fn remove_dot_segments(reference: &str) -> String {
    let end = reference.find(['?', '#']).unwrap_or(reference.len());
    let (path, tail) = reference.split_at(end);
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                out.pop();
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    format!("/{}{tail}", out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(candidates: &[&str], base: Option<&str>) -> Option<String> {
        let candidates: Vec<Option<String>> =
            candidates.iter().map(|c| Some(c.to_string())).collect();
        page_url(&candidates, base)
    }

    #[test]
    fn an_absolute_canonical_link_is_the_address() {
        assert_eq!(
            url(
                &[
                    "https://news.example/2019/10/21/story",
                    "https://m.news.example/x"
                ],
                None
            )
            .as_deref(),
            Some("https://news.example/2019/10/21/story")
        );
    }

    #[test]
    fn a_relative_canonical_link_is_resolved_against_another_link_or_base() {
        let og = "https://www.example.ca/nouvelle/1/old?utm=x";
        assert_eq!(
            url(&["/nouvelle/1728875/transport", og], None).as_deref(),
            Some("https://www.example.ca/nouvelle/1728875/transport")
        );
        assert_eq!(
            url(
                &["//cdn.example.de/rezepte/kuchen.html"],
                Some("https://www.example.de/a/")
            )
            .as_deref(),
            Some("https://cdn.example.de/rezepte/kuchen.html")
        );
        assert_eq!(
            url(&["index.html"], Some("http://blog.example/2018/post/")).as_deref(),
            Some("http://blog.example/2018/post/index.html")
        );
        assert_eq!(
            url(
                &["../2020/item.html?p=1"],
                Some("http://blog.example/2018/post/page")
            )
            .as_deref(),
            Some("http://blog.example/2018/2020/item.html?p=1")
        );
        assert_eq!(
            url(&["?id=7"], Some("https://example.org/news.php?id=3#top")).as_deref(),
            Some("https://example.org/news.php?id=7")
        );
    }

    #[test]
    fn a_relative_link_without_any_absolute_one_is_no_address() {
        assert_eq!(url(&["/post/local-story"], None), None);
    }

    #[test]
    fn other_schemes_and_junk_are_never_the_address() {
        assert_eq!(
            url(&["javascript:alert(1)", "https://example.org/a"], None).as_deref(),
            Some("https://example.org/a")
        );
        assert_eq!(
            url(&["data:text/html,hi"], Some("https://example.org/")),
            None
        );
        assert_eq!(url(&["http://", "a b c"], None), None);
    }
}
