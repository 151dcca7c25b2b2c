//! Tokens: words with byte spans and the facts about punctuation the rules need.

use super::*;
use crate::text::is_abbreviation;

/// How a word is written, which decides whether it can be part of a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Shape {
    /// `Blinken`, `O'Brien`, `McDonald`, `Erdoğan`, `al-Sudani`.
    Cap,
    /// A single capital with a period: `W.`.
    Initial,
    /// All capitals, two letters or more: `BLINKEN`, `U.S.`, `NATO`.
    Caps,
    /// Starts lowercase: `said`, `de`.
    Lower,
    /// Starts with a digit or anything else.
    Other,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Token {
    pub(super) start: usize,
    /// End of the word proper, without a possessive `'s`.
    pub(super) end: usize,
    pub(super) shape: Shape,
    /// Followed by `'s`/`’s` (cut from `end`): a name cannot go on past it.
    pub(super) possessive: bool,
    /// First word of a sentence or of a line.
    pub(super) sentence_start: bool,
    /// Index of the line the token is on (lines are split by `\n`).
    pub(super) line: u32,
}

pub(super) fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into word tokens. Punctuation is not kept as tokens, but the facts the
/// rules need about it are: sentence starts, and a `,` or `(` between words (see
/// [`gap_has`]).
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 6);
    let bytes = text.as_bytes();
    let mut line = 0u32;
    // True until the first word after a sentence end, a newline or the text start.
    let mut at_sentence_start = true;
    let mut iter = text.char_indices().peekable();
    while let Some(&(i, c)) = iter.peek() {
        if !c.is_alphanumeric() {
            match c {
                '\n' => {
                    line += 1;
                    at_sentence_start = true;
                }
                '.' | '!' | '?' | ':' | ';' | '•' | '|' => at_sentence_start = true,
                // A dash set off by spaces ends a headline-like clause.
                '-' | '–' | '—' if i > 0 && bytes[i - 1] == b' ' => at_sentence_start = true,
                _ => {}
            }
            iter.next();
            continue;
        }
        // A word: letters/digits, with internal hyphens, apostrophes and dotted
        // abbreviations.
        let start = i;
        let mut end = i;
        let mut possessive = false;
        let mut has_dot = false;
        let mut segment_letters = 0usize;
        while let Some(&(j, ch)) = iter.peek() {
            if ch.is_alphanumeric() || is_mark(ch) {
                iter.next();
                end = j + ch.len_utf8();
                segment_letters += 1;
                continue;
            }
            if ch == '-' || is_apostrophe(ch) || ch == '.' {
                // Look one char past the connector.
                let after = text[j + ch.len_utf8()..].chars().next();
                let next_is_letter = after.is_some_and(char::is_alphabetic);
                if is_apostrophe(ch) {
                    let after2 = text[j + ch.len_utf8()..].chars().nth(1);
                    // `'S` in capitals (`REAGAN'S`) only after a capital letter.
                    let s_after = match after {
                        Some('s') => true,
                        Some('S') => text[start..j]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_uppercase),
                        _ => false,
                    };
                    if s_after && !after2.is_some_and(char::is_alphanumeric) {
                        // Possessive `'s`: skip it, keep the word end before it.
                        iter.next();
                        iter.next();
                        possessive = true;
                        break;
                    }
                    // A contraction (`I'm`, `we've`, `she'll`): the word ends
                    // before it, and so does any name.
                    let rest = &text[j + ch.len_utf8()..];
                    let clitic_len = rest
                        .find(|c: char| !c.is_alphanumeric())
                        .unwrap_or(rest.len());
                    if matches!(
                        rest[..clitic_len].to_ascii_lowercase().as_str(),
                        "m" | "ve" | "ll" | "d" | "re"
                    ) {
                        for _ in 0..=rest[..clitic_len].chars().count() {
                            iter.next();
                        }
                        possessive = true;
                        break;
                    }
                    if next_is_letter {
                        iter.next();
                        end = j + ch.len_utf8();
                        segment_letters = 0;
                        continue;
                    }
                    break;
                }
                if ch == '-' {
                    if next_is_letter || after.is_some_and(char::is_numeric) {
                        iter.next();
                        end = j + 1;
                        segment_letters = 0;
                        continue;
                    }
                    break;
                }
                // '.': keep it for initials (`W.`, `U.S.`) and known abbreviations.
                let word = &text[start..end];
                let keep = segment_letters == 1
                    && text[start..end]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphabetic)
                    || has_dot
                    || is_abbreviation(word);
                if keep {
                    iter.next();
                    end = j + 1;
                    has_dot = true;
                    if next_is_letter && segment_letters == 1 {
                        segment_letters = 0;
                        continue;
                    }
                }
                break;
            }
            break;
        }
        let word = &text[start..end];
        let shape = shape_of(word);
        tokens.push(Token {
            start,
            end,
            shape,
            possessive,
            sentence_start: at_sentence_start,
            line,
        });
        at_sentence_start = false;
    }
    tokens
}

pub(super) fn shape_of(word: &str) -> Shape {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return Shape::Other;
    };
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let has_lower = word.chars().any(char::is_lowercase);
    if first.is_uppercase() {
        if letters == 1 && word.ends_with('.') {
            return Shape::Initial;
        }
        if has_lower {
            return Shape::Cap;
        }
        if letters >= 2 {
            return Shape::Caps;
        }
        // A lone capital without a period (`A`, `I`): a word, not a name part.
        return Shape::Other;
    }
    if first.is_lowercase() {
        // `al-Sudani`, `el-Sisi`, `bin-Laden`: a lowercase Arabic article glued to a
        // capitalised name.
        if let Some((pre, rest)) = word.split_once('-')
            && matches!(
                pre,
                "al" | "el" | "ad" | "ash" | "as" | "at" | "an" | "ar" | "az"
            )
            && rest.chars().next().is_some_and(char::is_uppercase)
        {
            return Shape::Cap;
        }
        return Shape::Lower;
    }
    Shape::Other
}

/// What separates two adjacent tokens, as a quick test for one character.
pub(super) fn gap_has(text: &str, a: &Token, b: &Token, c: char) -> bool {
    text.get(a.end..b.start).is_some_and(|g| g.contains(c))
}

/// Whether only spaces (no punctuation, no line break) lie between two tokens; a
/// possessive on the first always ends a name.
pub(super) fn joined(text: &str, a: &Token, b: &Token) -> bool {
    !a.possessive
        && a.line == b.line
        && text
            .get(a.end..b.start)
            .is_some_and(|g| !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{a0}'))
}
