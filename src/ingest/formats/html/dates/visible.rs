//! Dates in the text a reader sees: one announced by a word that says it is
//! the publication's (`Published`, `veröffentlicht am`, `publié le`, a
//! `Datum:` label), and, when the page marks no date at all, the first date
//! written under the title.
//!
//! The text is gathered by the page walk in reading order, without noise
//! (comments, sidebars, related lists) and without what is not shown
//! (scripts, styles, the `<head>`).

use std::sync::LazyLock;

use regex::Regex;

use super::{Clue, Evidence, push};
use crate::extract::dates::web::{DayOrder, find_text_dates};

/// How much text from the title on is searched for a date when the page
/// marks none: a byline sits right under the title.
const AFTER_TITLE_BYTES: usize = 600;
/// How much text just above the title is searched when there is no date
/// under it.
const BEFORE_TITLE_BYTES: usize = 160;
/// How much visible text is kept: an article's byline is long before this.
const MAX_TEXT_BYTES: usize = 200_000;
/// How far after a publication word its date may start (`Published on
/// Monday, 3 March 2020`, `veröffentlicht am Dienstag, 29. Januar 2019`).
const CUE_REACH: usize = 40;

/// Words saying that the date after them is the publication's, in the
/// languages pages are written in.
static PUBLISHED_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:published|posted|publi[ée]e?|publicad[oa]|publicaci[óo]n|pubblicat[oa]|pubblicazione|ver[öo]ffentlicht|erschienen|gepubliceerd|publicerad|publiceret|publisert|opublikowano|publikov[áa]no|publicat[ăa]?|publicação|yay[ıi]nlanma|diterbitkan|dipublikasikan|(?:artikel|beitrag|eintrag) wurde am)",
    )
    .expect("valid regex")
});
/// A label naming the date that follows it directly (`Datum: 12.01.2017`,
/// `Fecha 3/4/2020`).
static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:date|datum|fecha|data|dátum|tarih|tanggal)\s*:?\s*")
        .expect("valid regex")
});
/// Words saying the date after them is a later revision's.
static REVISED_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)update|aktualisiert|ge[äa]ndert|mis à jour|modifi|actualiza|aggiornat|bijgewerkt|atualiza|stand")
        .expect("valid regex")
});

/// The visible text of a page, with the element each stretch came from.
#[derive(Default)]
pub(super) struct VisibleText {
    pub(super) text: String,
    /// `(byte offset in text, element position)`, in order.
    marks: Vec<(usize, usize)>,
}

impl VisibleText {
    /// Adds a text node's words, with runs of white space made one space.
    pub(super) fn push(&mut self, text: &str, element: usize) {
        if self.text.len() >= MAX_TEXT_BYTES {
            return;
        }
        let mut words = text.split_whitespace().peekable();
        if words.peek().is_none() {
            return;
        }
        self.marks.push((self.text.len(), element));
        for word in words {
            self.text.push_str(word);
            self.text.push(' ');
        }
    }

    /// The element the text at `offset` came from.
    fn element_at(&self, offset: usize) -> usize {
        let i = self.marks.partition_point(|&(start, _)| start <= offset);
        i.checked_sub(1).map_or(0, |i| self.marks[i].1)
    }

    /// Dates announced as the publication's: after a publication word, or
    /// right after a date label.
    pub(super) fn cue_clues(&self, clues: &mut Vec<Clue>, order: DayOrder) {
        for cue in PUBLISHED_CUE.find_iter(&self.text) {
            let window =
                &self.text[cue.end()..floor_boundary(&self.text, cue.end() + 2 * CUE_REACH)];
            let Some(first) = find_text_dates(window, order).into_iter().next() else {
                continue;
            };
            if first.start > CUE_REACH || REVISED_CUE.is_match(&window[..first.start]) {
                continue;
            }
            let at = self.element_at(cue.start());
            let raw = &window[first.start..first.end];
            push(clues, Evidence::Byline, 0, at, raw, Some(first.found));
        }
        for label in DATE_LABEL.find_iter(&self.text) {
            let window =
                &self.text[label.end()..floor_boundary(&self.text, label.end() + CUE_REACH)];
            if let Some(first) = find_text_dates(window, order).first()
                && first.start == 0
            {
                let at = self.element_at(label.start());
                let raw = &window[first.start..first.end];
                push(clues, Evidence::Byline, 1, at, raw, Some(first.found));
            }
        }
    }

    /// The first date written from the title (at `offset`) on, else the last
    /// one just above it (a kicker or dateline over the headline).
    pub(super) fn after_title_clue(&self, clues: &mut Vec<Clue>, offset: usize, order: DayOrder) {
        let offset = floor_boundary(&self.text, offset);
        let end = floor_boundary(&self.text, offset + AFTER_TITLE_BYTES);
        let after = &self.text[offset..end];
        let found = find_text_dates(after, order)
            .first()
            .map(|d| (offset + d.start, offset + d.end, d.found))
            .or_else(|| {
                let start = ceil_boundary(&self.text, offset.saturating_sub(BEFORE_TITLE_BYTES));
                let before = &self.text[start..offset];
                find_text_dates(before, order)
                    .last()
                    .map(|d| (start + d.start, start + d.end, d.found))
            });
        if let Some((start, end, found)) = found {
            let at = self.element_at(start);
            push(
                clues,
                Evidence::Byline,
                9,
                at,
                &self.text[start..end],
                Some(found),
            );
        }
    }
}

/// The largest char boundary of `s` at or before `max`.
fn floor_boundary(s: &str, max: usize) -> usize {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// The smallest char boundary of `s` at or after `min`.
fn ceil_boundary(s: &str, min: usize) -> usize {
    let mut start = min.min(s.len());
    while !s.is_char_boundary(start) {
        start += 1;
    }
    start
}
