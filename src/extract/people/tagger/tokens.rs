//! Tokenisation for the tagger: CoNLL-2003 conventions, closely enough for the tags
//! learnt on that corpus to carry over to running text.
//!
//! Punctuation splits from words, `'s` and `n't` are their own tokens, abbreviations
//! and initials keep their period (`U.S.`, `Mr.`, `W.`), hyphenated words stay whole,
//! and a newline or a sentence-final `.`, `?`, `!` starts a new sentence. The people
//! rules have their own tokeniser (`people.rs`); this one only serves the tagger.

use crate::text::is_abbreviation;

/// A token: byte span, and whether it starts a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub sentence_start: bool,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into CoNLL-like tokens with byte spans.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(text.len() / 5);
    let mut new_sentence = true;
    let mut pos = 0;
    let bytes = text.as_bytes();
    while pos < text.len() {
        // Whitespace; a newline ends the sentence.
        let (c, width) = char_at(text, pos);
        if c.is_whitespace() {
            if c == '\n' {
                new_sentence = true;
            }
            pos += width;
            continue;
        }
        let mut end = pos;
        let mut plain = true;
        while end < text.len() {
            let b = bytes[end];
            if b.is_ascii_alphanumeric() {
                end += 1;
                continue;
            }
            let (ch, width) = char_at(text, end);
            if ch.is_whitespace() {
                break;
            }
            plain = false;
            end += width;
        }
        let before = out.len();
        if plain {
            // ASCII letters and digits only: one token, nothing to split.
            out.push(tok(pos, end));
        } else {
            split_chunk(text, pos, end, &mut out);
        }
        for t in &mut out[before..] {
            t.sentence_start = new_sentence;
            let w = &text[t.start..t.end];
            new_sentence = matches!(w, "." | "?" | "!");
        }
        pos = end;
    }
    out
}

/// The character at byte `pos` of `text` and its length in bytes.
#[inline]
fn char_at(text: &str, pos: usize) -> (char, usize) {
    let b = text.as_bytes()[pos];
    if b.is_ascii() {
        return (b as char, 1);
    }
    let c = text[pos..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

fn tok(start: usize, end: usize) -> Tok {
    Tok {
        start,
        end,
        sentence_start: false,
    }
}

/// Splits one whitespace-free chunk `text[s..e]` into tokens.
fn split_chunk(text: &str, mut s: usize, mut e: usize, out: &mut Vec<Tok>) {
    let chunk = &text[s..e];
    if !chunk.chars().any(char::is_alphanumeric) {
        out.push(tok(s, e));
        return;
    }
    // Leading punctuation, one character a token, unless a contraction (`'s`).
    while let Some(c) = text[s..e].chars().next() {
        if c.is_alphanumeric() {
            break;
        }
        if is_apostrophe(c) && s + c.len_utf8() < e {
            let rest = &text[s + c.len_utf8()..e];
            if matches!(rest, "s" | "S" | "re" | "ve" | "ll" | "d" | "m" | "t") {
                out.push(tok(s, e));
                return;
            }
        }
        out.push(tok(s, s + c.len_utf8()));
        s += c.len_utf8();
    }
    // Trailing punctuation, kept aside and pushed after the word.
    let mut tail: Vec<Tok> = Vec::new();
    while let Some(c) = text[s..e].chars().next_back() {
        if c.is_alphanumeric() {
            break;
        }
        let cs = e - c.len_utf8();
        if c == '.' && keeps_period(&text[s..cs]) {
            break;
        }
        tail.push(tok(cs, e));
        e = cs;
    }
    // Possessive and contractions, as CoNLL splits them: `Blinken 's`, `do n't`,
    // `I 'm`, `we 've`, `she 'll`.
    let word = &text[s..e];
    let mut split = None;
    if word.len() > 2 {
        let negation = ["n't", "n\u{2019}t"].iter().find(|n| word.ends_with(**n));
        if let Some(n) = negation
            && word.len() > n.len()
        {
            split = Some(e - n.len());
        } else if let Some((ai, apo)) = word.char_indices().rfind(|&(_, c)| is_apostrophe(c))
            && ai > 0
            && matches!(
                word[ai + apo.len_utf8()..].to_ascii_lowercase().as_str(),
                "s" | "m" | "d" | "ve" | "re" | "ll"
            )
        {
            split = Some(s + ai);
        }
    }
    match split {
        Some(at) => {
            out.push(tok(s, at));
            out.push(tok(at, e));
        }
        None => out.push(tok(s, e)),
    }
    out.extend(tail.into_iter().rev());
}

/// Whether a word before a final `.` keeps it: initials (`W.`), dotted abbreviations
/// (`U.S.`, `p.m.`) and known abbreviations (`Mr.`).
fn keeps_period(word: &str) -> bool {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(a), None) => return a.is_alphabetic(),
        (None, _) => return false,
        _ => {}
    }
    if word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        return true;
    }
    is_abbreviation(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::people::tagger::DocView;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn tokenisation_follows_conll() {
        assert_eq!(
            words("Blinken's aide, Mr. Smith (U.S.), didn't meet al-Sudani."),
            [
                "Blinken",
                "'s",
                "aide",
                ",",
                "Mr.",
                "Smith",
                "(",
                "U.S.",
                ")",
                ",",
                "did",
                "n't",
                "meet",
                "al-Sudani",
                "."
            ]
        );
        assert_eq!(
            words("I'm sure we’ve won, she'll say; O'Brien won’t."),
            [
                "I", "'m", "sure", "we", "’ve", "won", ",", "she", "'ll", "say", ";", "O'Brien",
                "wo", "n’t", "."
            ]
        );
        assert_eq!(
            words("Blinken’s \"trip\" on 1996-08-22 cost $1,500.50 -- W. Bush"),
            [
                "Blinken",
                "’s",
                "\"",
                "trip",
                "\"",
                "on",
                "1996-08-22",
                "cost",
                "$",
                "1,500.50",
                "--",
                "W.",
                "Bush"
            ]
        );
        // CoNLL text (tokens joined by spaces) comes back token for token.
        let conll = "Peter Blackburn 's 3-1 win ( U.S. ) , said Inc. 's chief .";
        assert_eq!(words(conll), conll.split(' ').collect::<Vec<_>>());
    }

    #[test]
    fn token_spans_and_sentences() {
        let text = "Ann Lee left. Bo came\nhere";
        let toks = tokenize(text);
        let starts: Vec<bool> = toks.iter().map(|t| t.sentence_start).collect();
        assert_eq!(starts, [true, false, false, false, true, false, true]);
        assert_eq!(&text[toks[1].start..toks[1].end], "Lee");
        let doc = DocView::from_tokens(text, &toks);
        assert_eq!(doc.sentences, [(0, 4), (4, 6), (6, 7)]);
        assert!(tokenize("").is_empty());
        assert!(tokenize(" \n ").is_empty());
    }
}
