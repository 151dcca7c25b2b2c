//! Candidates: capitalised sequences, trimmed of titles and non-name words.

use super::*;

/// A trimmed capitalised sequence: tokens `first..=last` of the token list.
#[derive(Clone, Copy, Debug)]
pub(super) struct Candidate {
    pub(super) first: usize,
    pub(super) last: usize,
    /// A title or role noun stood right before the name.
    pub(super) title: Title,
    /// Some outside evidence (speech verb, `, who`, age) follows it.
    pub(super) followed: bool,
    /// The statistical tagger marked exactly this span as a person.
    pub(super) model: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Title {
    None,
    Weak,
    Strong,
}

impl Candidate {
    pub(super) fn words(&self) -> usize {
        self.last + 1 - self.first
    }
}

/// Lines whose words are nearly all capitalised or all caps: headlines. Words there say
/// nothing about being names, so they only link to people found elsewhere.
pub(super) fn headline_lines(text: &str, tokens: &[Token]) -> FxHashSet<u32> {
    let mut out = FxHashSet::default();
    let mut i = 0;
    while i < tokens.len() {
        let line = tokens[i].line;
        let mut j = i;
        let (mut words, mut caps, mut capitalised) = (0usize, 0usize, 0usize);
        while j < tokens.len() && tokens[j].line == line {
            let t = &tokens[j];
            let w = &text[t.start..t.end];
            if w.chars().any(char::is_alphabetic) {
                words += 1;
                match t.shape {
                    Shape::Caps => caps += 1,
                    Shape::Cap | Shape::Initial => {
                        capitalised += 1;
                    }
                    // Short lowercase function words are allowed in title case.
                    Shape::Lower if w.len() <= 3 => words -= 1,
                    _ => {}
                }
            }
            j += 1;
        }
        let all_caps = words >= 2 && caps * 10 >= words * 6;
        // Title case counts only for the first line (the article title): body lines of
        // names and places (`Carl Lewis ( U.S. )`) are legitimately all capitalised.
        // A one-line text (no title/body split) is a sentence, not a headline.
        let title_case = line == 0
            && words >= 4
            && capitalised + caps == words
            && text.contains("\n\n")
            && !text[tokens[i].start..tokens[j - 1].end].contains(". ");
        if all_caps || title_case {
            out.insert(line);
        }
        i = j;
    }
    out
}

pub(super) fn word<'a>(text: &'a str, t: &Token) -> &'a str {
    &text[t.start..t.end]
}

/// Whether the token is a strong or weak title word as written.
pub(super) fn title_of(w: &str) -> Title {
    if STRONG_TITLES.contains(w) {
        return Title::Strong;
    }
    if WEAK_TITLES.contains(w) {
        return Title::Weak;
    }
    // `Major-General`, `Vice-President`: the strongest part decides.
    if w.contains('-') {
        return w.split('-').map(title_of).max().unwrap_or(Title::None);
    }
    // A capitalised role noun at a sentence start: `Economist Joel Naroff said`.
    if w.chars().next().is_some_and(char::is_uppercase) && w.len() <= 24 {
        let mut lower = [0u8; 24];
        if w.is_ascii() {
            lower[..w.len()].copy_from_slice(w.as_bytes());
            lower[..w.len()].make_ascii_lowercase();
            if std::str::from_utf8(&lower[..w.len()]).is_ok_and(|l| ROLE_NOUNS.contains(l)) {
                return Title::Weak;
            }
        }
    }
    Title::None
}

/// Hyphenated adjectives (`Ontario-based`, `Bergamo-born`) and company-style words
/// (`KeyCorp`, `GDRs`) are never name words.
pub(super) fn is_noise_word(w: &str) -> bool {
    if let Some((_, suffix)) = w.rsplit_once('-')
        && matches!(
            suffix,
            "based"
                | "born"
                | "controlled"
                | "owned"
                | "listed"
                | "led"
                | "backed"
                | "run"
                | "made"
                | "style"
                | "era"
                | "bound"
                | "speaking"
                | "funded"
                | "sponsored"
                | "linked"
                | "held"
                | "registered"
                | "headquartered"
                | "area"
                | "wide"
        )
    {
        return true;
    }
    let mut chars = w.chars();
    let (Some(a), Some(b)) = (chars.next(), chars.next()) else {
        return false;
    };
    // `GDRs`, `CDs`: an acronym with a plural s.
    if a.is_uppercase() && b.is_uppercase() {
        return true;
    }
    // `KeyCorp`: a capital after a lowercase letter, unless a surname prefix
    // (`McDonald`, `MacArthur`, `DiCaprio`, `LaGuardia`, `DeVos`, `VanDyke`, `FitzGerald`).
    let mut prev_lower = false;
    for (i, c) in w.char_indices() {
        if c.is_uppercase() && prev_lower {
            let head = &w[..i];
            return !matches!(
                head,
                "Mc" | "Mac" | "Di" | "De" | "La" | "Le" | "Van" | "Fitz" | "Du" | "Da"
            );
        }
        prev_lower = c.is_lowercase();
        if !c.is_alphabetic() {
            prev_lower = false;
        }
    }
    false
}

/// Finds trimmed candidate sequences, in text order.
pub(super) fn candidates(
    text: &str,
    tokens: &[Token],
    headlines: &FxHashSet<u32>,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if !matches!(t.shape, Shape::Cap | Shape::Initial) || headlines.contains(&t.line) {
            i += 1;
            continue;
        }
        // Grow the run: capitalised words and initials joined by spaces, bridging
        // lowercase particles that lead to another capitalised word.
        let mut last = i;
        let mut k = i + 1;
        while k < tokens.len() && joined(text, &tokens[k - 1], &tokens[k]) {
            match tokens[k].shape {
                Shape::Cap | Shape::Initial => {
                    last = k;
                    k += 1;
                }
                Shape::Lower if PARTICLES.contains(word(text, &tokens[k])) => {
                    // Up to two particles (`von der`), then a capitalised word.
                    let mut m = k + 1;
                    while m < tokens.len()
                        && m < k + 2
                        && tokens[m].shape == Shape::Lower
                        && PARTICLES.contains(word(text, &tokens[m]))
                        && joined(text, &tokens[m - 1], &tokens[m])
                    {
                        m += 1;
                    }
                    if m < tokens.len()
                        && tokens[m].shape == Shape::Cap
                        && joined(text, &tokens[m - 1], &tokens[m])
                    {
                        last = m;
                        k = m + 1;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        trim_run(text, tokens, i, last, &mut out);
        i = last + 1;
    }
    out
}

/// Lowercase nouns after a name that make it the name of a thing: `Charles de Gaulle
/// airport`, `Nobel prize`.
#[rustfmt::skip]
pub(super) static THING_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "airport", "avenue", "street", "boulevard", "square", "stadium", "bridge",
        "hospital", "university", "college", "school", "foundation", "award", "awards",
        "prize", "trophy", "cup", "index", "average", "memorial", "center", "centre",
        "museum", "park", "institute", "doctrine", "shares", "stock", "stake", "unit",
        "subsidiary", "group", "bank", "fund", "company", "corporation", "brand", "hotel",
        "tower", "building", "plant", "factory", "mine", "field", "range", "syndrome",
        "disease", "effect", "law", "rule", "theorem", "scale", "area", "region",
    ])
});

/// Capitalised words that are never a person's name nor part of one: market tables
/// and money (`Shr`, `N.Z. Dlrs`, `Sterling M3`, `Brent` crude), scales (the
/// `Richter` of `Richter scale`), sentence adverbs and plural nouns of office that
/// open sentences (`Besides Reagan, ...`, `Congressmen`).
#[rustfmt::skip]
pub(super) static NOT_NAME_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "Shr", "Shrs", "Dlr", "Dlrs", "Cts", "Ct", "Revs", "Rev", "Qtr", "Qtrs", "Mths", "Mth",
        "Oper", "Avg", "Mln", "Mlns", "Bln", "Pct", "Vs", "Stg", "Nil", "Div", "Dividend",
        "Pay", "Record", "Prior", "Net", "Loss", "Profit", "Sales", "Shares", "M1", "M2",
        "M3", "Yen", "Sterling", "Franc", "Francs", "Lira", "Lire", "Peseta", "Pesetas",
        "Guilder", "Guilders", "Rand", "Schilling", "Schillings", "Rouble", "Roubles",
        "Ruble", "Rupee", "Rupees", "Peso", "Pesos", "Yuan", "Baht", "Ringgit", "Riyal",
        "Dinar", "Shekel", "Krona", "Krone", "Kronor", "Drachma", "Drachmas", "Escudo",
        "Cruzado", "Cruzados", "Austral", "Bolivar", "Dollar", "Dollars", "Brent", "Crude",
        "Richter", "Fahrenheit", "Celsius", "Besides", "Athough", "Although", "Ways", "Means",
        "Cie", "Congressmen", "Congressman", "Lawmakers", "Senators", "Bankers", "Dealers",
        "Traders", "Economists", "Brokers", "Investors", "Exporters", "Importers", "Producers",
        "Farmers", "Growers", "Refiners", "Lenders", "Creditors", "Shareholders",
        "Stockholders", "Members", "Delegates", "Ministers",
    ])
});

/// Weekday and month names: cut from the end of a run (`met Antony Blinken Sunday`).
#[rustfmt::skip]
pub(super) static TRAILING_DATES: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December", "Jan.", "Feb.", "Aug.", "Sept.",
        "Oct.", "Nov.", "Dec.",
    ])
});

/// Whether `w` (capitalised, as written) can never start a name here. Given names that
/// are also places or common words (`Jordan`, `Israel`, `Will`) may still start one when
/// a capitalised, non-stop word follows (`Jordan Henderson`, `Israel Katz`).
pub(super) fn leads_nothing(text: &str, tokens: &[Token], k: usize, b: usize) -> bool {
    let w = word(text, &tokens[k]);
    if tokens[k].shape == Shape::Lower || is_noise_word(w) || TRAILING_DATES.contains(w) {
        return true;
    }
    if !NON_NAME.contains(w) {
        return false;
    }
    if !GIVEN.contains(w) || k >= b {
        return true;
    }
    let next = word(text, &tokens[k + 1]);
    tokens[k + 1].shape != Shape::Cap || NON_NAME.contains(next) || ORG_WORDS.contains(next)
}

/// Strips titles and non-name words from the run `a..=b` and pushes what is left, split
/// at inner stop words (`Britain Tony Blair` -> `Tony Blair`).
pub(super) fn trim_run(text: &str, tokens: &[Token], a: usize, b: usize, out: &mut Vec<Candidate>) {
    // Everything up to the last title goes; the name starts after it.
    let mut start = a;
    let mut title = Title::None;
    for (k, tok) in tokens.iter().enumerate().take(b + 1).skip(a) {
        let t = title_of(word(text, tok));
        if t != Title::None && k < b {
            start = k + 1;
            title = t;
        }
    }
    // A title or role noun just before the run: `spokesman Ned Price`,
    // `Secretary of State Antony Blinken` (the run is `State Antony Blinken`).
    if title == Title::None && a > 0 {
        let prev = &tokens[a - 1];
        let pw = word(text, prev);
        if joined(text, prev, &tokens[a]) || gap_has(text, prev, &tokens[a], ',') {
            let lower = pw.to_lowercase();
            if ROLE_NOUNS.contains(lower.as_str()) {
                title = Title::Weak;
            }
            if matches!(prev.shape, Shape::Cap) && STRONG_TITLES.contains(pw) {
                title = Title::Strong;
            }
        }
        if matches!(pw, "of" | "for") && a >= 2 {
            let pp = word(text, &tokens[a - 2]);
            title = title.max(title_of(pp));
        }
    }
    // Leading words that are never names.
    while start <= b && leads_nothing(text, tokens, start, b) {
        start += 1;
    }
    let mut end = b;
    while end > start && TRAILING_DATES.contains(word(text, &tokens[end])) {
        end -= 1;
    }
    // A lowercase particle cannot end a name (the run building never does this, but
    // trimming may expose one).
    while end > start && tokens[end].shape == Shape::Lower {
        end -= 1;
    }
    if start > end {
        return;
    }
    // Split at an inner stop word that is not a given name; both sides are tried.
    for k in start + 1..=end {
        let w = word(text, &tokens[k]);
        if (NON_NAME.contains(w) && !GIVEN.contains(w) || is_noise_word(w))
            && tokens[k].shape != Shape::Lower
        {
            push_candidate(text, tokens, start, k - 1, title, out);
            if k < end {
                trim_run(text, tokens, k + 1, end, out);
            }
            return;
        }
    }
    push_candidate(text, tokens, start, end, title, out);
}

pub(super) fn push_candidate(
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
    title: Title,
    out: &mut Vec<Candidate>,
) {
    let last_word = word(text, &tokens[last]);
    // Organisations, places and things usually end in a telling word.
    if ORG_WORDS.contains(last_word) {
        return;
    }
    if tokens[last].shape == Shape::Initial && first != last {
        // `John F.` at a sentence end: not a full name; keep the part before.
        return push_candidate(text, tokens, first, last - 1, title, out);
    }
    let name_words = (first..=last)
        .filter(|&k| tokens[k].shape != Shape::Lower)
        .count();
    if name_words > 5 {
        return;
    }
    // `Douglas & Lomason`, `Charles de Gaulle airport`: a firm or a thing named after
    // someone, not the person.
    if let Some(next) = tokens.get(last + 1)
        && next.line == tokens[last].line
        && (gap_has(text, &tokens[last], next, '&')
            || joined(text, &tokens[last], next) && THING_NOUNS.contains(word(text, next)))
    {
        return;
    }
    if first > 0 && gap_has(text, &tokens[first - 1], &tokens[first], '&') {
        return;
    }
    let followed = followed_by_evidence(text, tokens, last);
    out.push(Candidate {
        first,
        last,
        title,
        followed,
        model: false,
    });
}

/// Whether what follows token `last` marks a person: a speech verb (`Austin said`),
/// `, who`, an age (`Smith, 45,`), or a country in brackets (`Carl Lewis ( U.S. )`).
pub(super) fn followed_by_evidence(text: &str, tokens: &[Token], last: usize) -> bool {
    let Some(next) = tokens.get(last + 1) else {
        return false;
    };
    let cur = &tokens[last];
    if next.line != cur.line {
        return false;
    }
    let Some(gap) = text.get(cur.end..next.start) else {
        return false;
    };
    let gap = gap.trim();
    let nw = word(text, next);
    match gap {
        "" | "'s" | "’s" => SPEECH_VERBS.contains(nw) && !matches!(nw, "who" | "whose"),
        "," => {
            matches!(nw, "who" | "whose" | "aged")
                || nw.chars().all(|c| c.is_ascii_digit()) && nw.len() <= 3
        }
        "(" => {
            next.shape == Shape::Caps
                || NON_NAME.contains(nw)
                || nw.chars().all(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}
