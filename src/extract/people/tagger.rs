//! A small statistical name tagger: an averaged perceptron over hashed features.
//!
//! It tags every token with one of nine CoNLL-style labels (`O`, and `B-`/`I-` for
//! `PER`, `LOC`, `ORG`, `MISC`; the other types are there because learning them makes
//! `PER` more precise), greedily left to right. Only the person spans are used.
//!
//! Features are hashed into a fixed table of `2^bits` rows, one weight per label in
//! each row. Per token they are: the word (lowercased, digits as `0`), its exact form,
//! its shape (`Xx`, `X.X.`, `d-d`), prefixes and suffixes, flags (capitalised, all
//! caps, in the given-name / surname / title / place-and-organisation word lists of
//! the rules), the words, shapes and flags around it, the labels already given to the
//! two tokens before, and **document** facts about the same word elsewhere in the text
//! (written capitalised mid-sentence, inside a longer capitalised run, after a title,
//! in lower case...), which is how a lone `Dole` is recognised from `Bob Dole` further
//! up.
//!
//! Two passes: the second pass sees, for each word, the labels the first pass gave to
//! its other occurrences in the document (trained on labels predicted by first-pass
//! models that did not see the document: 5-fold jackknife).
//!
//! The weights are trained on the CoNLL-2003 English training file by
//! `cargo run --example train_tagger -- ../shared/data/conll2003/eng.train` and shipped
//! as `tagger.weights`, loaded with `include_bytes!`. Format (little-endian):
//! `b"MGTG"`, `u8` version (1), `u8` bits, `u8` labels (9), `u8` passes, then for each
//! pass `2^bits * labels` `i16` weights (row-major: row = feature bucket), each pass
//! scaled so its largest weight is 32000.
//!
//! Tokenisation follows CoNLL conventions closely enough for tags to carry over:
//! punctuation splits from words, `'s` and `n't` are their own tokens, abbreviations
//! and initials keep their period (`U.S.`, `Mr.`, `W.`), hyphenated words stay whole.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::{
    GIVEN, NON_NAME, ORG_WORDS, PARTICLES, ROLE_NOUNS, SPEECH_VERBS, STRONG_TITLES, SURNAMES,
    WEAK_TITLES, titlecase,
};

/// Number of labels: `O`, then `B-`/`I-` of PER, LOC, ORG, MISC.
pub const LABELS: usize = 9;
/// Label names, by index.
pub const LABEL_NAMES: [&str; LABELS] = [
    "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
];
const O: u8 = 0;
const I_PER: u8 = 2;

/// Entity type of a label (0 = none, 1 PER, 2 LOC, 3 ORG, 4 MISC).
fn kind(label: u8) -> u8 {
    label.div_ceil(2)
}

fn is_inside(label: u8) -> bool {
    label != O && label.is_multiple_of(2)
}

// ---------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------

/// A token: byte span, and whether it starts a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub sentence_start: bool,
}

/// Abbreviations (lowercase, without the period) that keep their period.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "adm",
    "sgt", "cpl", "brig", "rev", "msgr", "fr", "hon", "pres", "supt", "insp", "st", "jr", "sr",
    "mme", "inc", "corp", "ltd", "co", "no", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "vs", "etc", "bros", "messrs", "gens", "sens",
    "reps", "cos", "dept", "univ", "ave", "vol",
];

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
    // Possessive and contractions: `Blinken's`, `don't`.
    let word = &text[s..e];
    let mut split = None;
    if word.len() > 2 {
        let mut rev = word.char_indices().rev();
        if let (Some((_, last)), Some((ai, apo))) = (rev.next(), rev.next())
            && is_apostrophe(apo)
            && matches!(last, 's' | 'S')
            && ai > 0
        {
            split = Some(s + ai);
        } else if word.ends_with("n't") && word.len() > 3 {
            split = Some(e - 3);
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
    word.len() <= 6 && ABBREVIATIONS.contains(&word.to_ascii_lowercase().as_str())
}

// ---------------------------------------------------------------------------------------
// Hashing
// ---------------------------------------------------------------------------------------

#[inline]
fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// FNV-1a over bytes, fed incrementally.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    const fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    #[inline]
    fn byte(&mut self, b: u8) {
        self.0 ^= b as u64;
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }
    #[inline]
    fn char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.byte(b);
        }
    }
    fn finish(self) -> u64 {
        mix(self.0)
    }
}

/// A fast hasher for the tagger's maps: FNV-1a over bytes; a `u64` key (already a
/// mixed hash) is taken as is.
#[derive(Default)]
struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = Fnv(self.0 ^ 0xcbf2_9ce4_8422_2325);
        for &b in bytes {
            h.byte(b);
        }
        self.0 = h.0;
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// The rules' word lists as one map from word (as written in the list) to flag bits.
static LEXICON: LazyLock<FastMap<&'static str, u32>> = LazyLock::new(|| {
    let mut map: FastMap<&'static str, u32> = FastMap::default();
    let lists: [(&super::WordSet, u32); 9] = [
        (&GIVEN, F_GIVEN),
        (&SURNAMES, F_SURNAME),
        (&STRONG_TITLES, F_STRONG_TITLE),
        (&WEAK_TITLES, F_WEAK_TITLE),
        (&NON_NAME, F_NON_NAME),
        (&ORG_WORDS, F_ORG_WORD),
        (&ROLE_NOUNS, F_ROLE),
        (&PARTICLES, F_PARTICLE),
        (&SPEECH_VERBS, F_SPEECH),
    ];
    for (list, flag) in lists {
        for &w in list.iter() {
            // Capitalised lists apply to capitalised words, lowercase ones to lowercase
            // words, as the rules use them.
            let upper = w.chars().next().is_some_and(char::is_uppercase);
            let cap_list = flag & (F_ROLE | F_PARTICLE | F_SPEECH) == 0;
            if upper == cap_list {
                *map.entry(w).or_default() |= flag;
            }
        }
    }
    map
});

/// A feature: template id and value hash, combined.
#[inline]
fn feat(template: u64, value: u64) -> u64 {
    mix(value ^ template.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

// ---------------------------------------------------------------------------------------
// Word facts
// ---------------------------------------------------------------------------------------

const F_INIT_CAP: u32 = 1 << 0;
const F_ALL_CAPS: u32 = 1 << 1;
const F_DIGIT: u32 = 1 << 2;
const F_HYPHEN: u32 = 1 << 3;
const F_DOT: u32 = 1 << 4;
const F_PUNCT: u32 = 1 << 5;
const F_GIVEN: u32 = 1 << 6;
const F_SURNAME: u32 = 1 << 7;
const F_STRONG_TITLE: u32 = 1 << 8;
const F_WEAK_TITLE: u32 = 1 << 9;
const F_ROLE: u32 = 1 << 10;
const F_NON_NAME: u32 = 1 << 11;
const F_ORG_WORD: u32 = 1 << 12;
const F_PARTICLE: u32 = 1 << 13;
const F_SPEECH: u32 = 1 << 14;
const F_SENT_START: u32 = 1 << 15;
const F_CAPS_LINE: u32 = 1 << 16;
const F_LOWER: u32 = 1 << 17;
/// No capital letter and not a name particle: always `O`, never scored (most tokens).
const F_PLAIN: u32 = 1 << 18;
const FLAG_BITS: u32 = 19;

/// What is known about one token before tagging.
#[derive(Clone, Copy)]
struct Word {
    /// Lowercased, digits as `0`.
    lower: u64,
    form: u64,
    shape: u64,
    prefix: [u64; 3],
    suffix: [u64; 4],
    flags: u32,
}

const NONE_WORD: Word = Word {
    lower: 0x1111,
    form: 0x1111,
    shape: 0x1111,
    prefix: [0; 3],
    suffix: [0; 4],
    flags: 0,
};

fn word_facts(w: &str) -> Word {
    let mut lower = Fnv::new();
    let mut form = Fnv::new();
    let mut shape = Fnv::new();
    let mut prefix = [0u64; 3];
    let mut last_class = 0u8;
    let mut flags = 0u32;
    let (mut letters, mut uppers, mut alnum) = (0usize, 0usize, 0usize);
    let mut tail: [char; 4] = ['\0'; 4];
    let mut n = 0usize;
    for c in w.chars() {
        let (lc, class) = if c.is_ascii() {
            let b = c as u8;
            form.byte(b);
            match b {
                b'A'..=b'Z' => {
                    letters += 1;
                    uppers += 1;
                    alnum += 1;
                    (b.to_ascii_lowercase() as char, b'X')
                }
                b'a'..=b'z' => {
                    letters += 1;
                    alnum += 1;
                    (c, b'x')
                }
                b'0'..=b'9' => {
                    alnum += 1;
                    flags |= F_DIGIT;
                    ('0', b'd')
                }
                b'-' => {
                    flags |= F_HYPHEN;
                    (c, b)
                }
                b'.' => {
                    flags |= F_DOT;
                    (c, b)
                }
                _ => (c, b),
            }
        } else {
            form.char(c);
            if c.is_alphanumeric() {
                alnum += 1;
            }
            if c.is_numeric() {
                flags |= F_DIGIT;
                ('0', b'd')
            } else if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    uppers += 1;
                    (c.to_lowercase().next().unwrap_or(c), b'X')
                } else {
                    (c, b'x')
                }
            } else {
                (c, b'?')
            }
        };
        if lc.is_ascii() {
            lower.byte(lc as u8);
        } else {
            lower.char(lc);
        }
        if n < 3 {
            prefix[n] = lower.0;
        }
        tail = [tail[1], tail[2], tail[3], lc];
        n += 1;
        if class != last_class {
            shape.byte(class);
            last_class = class;
        }
    }
    for p in prefix.iter_mut().take(3).skip(n.min(3)) {
        *p = 0;
    }
    let first = w.chars().next().unwrap_or(' ');
    if alnum == 0 {
        flags |= F_PUNCT;
    }
    if first.is_uppercase() {
        flags |= F_INIT_CAP;
        if letters >= 2 && uppers == letters {
            flags |= F_ALL_CAPS;
            flags |= LEXICON.get(titlecase(w).as_str()).copied().unwrap_or(0);
        } else {
            flags |= LEXICON.get(w).copied().unwrap_or(0);
        }
    } else if first.is_lowercase() {
        flags |= F_LOWER;
        flags |= LEXICON.get(w).copied().unwrap_or(0);
    }
    if uppers == 0 && flags & F_PARTICLE == 0 {
        flags |= F_PLAIN;
    }
    // Suffixes only matter for tokens that get scored.
    let mut suffix = [0u64; 4];
    if flags & F_PLAIN == 0 {
        for (k, s) in suffix.iter_mut().enumerate() {
            if k < n {
                let mut h = Fnv::new();
                for &c in &tail[3 - k..] {
                    h.char(c);
                }
                *s = h.0;
            }
        }
    }
    Word {
        lower: lower.finish(),
        form: form.finish(),
        shape: shape.finish(),
        prefix,
        suffix,
        flags,
    }
}

// ---------------------------------------------------------------------------------------
// Documents and features
// ---------------------------------------------------------------------------------------

/// A document as the tagger sees it: words and sentence ranges.
pub struct DocView<'a> {
    pub words: Vec<&'a str>,
    /// Half-open token ranges, in order, covering every token.
    pub sentences: Vec<(usize, usize)>,
}

impl<'a> DocView<'a> {
    /// Sentences from the tokens' `sentence_start` marks.
    pub fn from_tokens(text: &'a str, toks: &[Tok]) -> Self {
        let words = toks.iter().map(|t| &text[t.start..t.end]).collect();
        let mut sentences = Vec::new();
        let mut start = 0;
        for (i, t) in toks.iter().enumerate() {
            if t.sentence_start && i > start {
                sentences.push((start, i));
                start = i;
            }
        }
        if start < toks.len() {
            sentences.push((start, toks.len()));
        }
        DocView { words, sentences }
    }
}

// Template ids.
const T_BIAS: u64 = 1;
const T_LOWER: u64 = 2;
const T_FORM: u64 = 3;
const T_SHAPE: u64 = 4;
const T_PREFIX: u64 = 5;
const T_SUFFIX: u64 = 9;
const T_FLAG: u64 = 14;
const T_PREV_LOWER: u64 = 15;
const T_NEXT_LOWER: u64 = 16;
const T_PREV2_LOWER: u64 = 17;
const T_NEXT2_LOWER: u64 = 18;
const T_PREV_SHAPE: u64 = 19;
const T_NEXT_SHAPE: u64 = 20;
const T_SHAPE3: u64 = 21;
const T_BIGRAM_PREV: u64 = 22;
const T_BIGRAM_NEXT: u64 = 23;
const T_PREV_FLAG: u64 = 24;
const T_NEXT_FLAG: u64 = 25;
const T_DOC: u64 = 26;
const T_DOC_CAP: u64 = 27;
const T_P1_OWN: u64 = 28;
const T_P1_DOC: u64 = 29;
const T_P1_DOC_MULTI: u64 = 30;
const T_P1_PREV_NEXT: u64 = 31;
const T_TAG1: u64 = 40;
const T_TAG2: u64 = 41;
const T_TAG1_SHAPE: u64 = 42;
const T_TAG1_LOWER: u64 = 43;

// Document attributes of one occurrence.
const D_CAP_MID: u8 = 0;
const D_RUN_FIRST: u8 = 1;
const D_RUN_LAST: u8 = 2;
const D_LOWER: u8 = 3;
const D_AFTER_TITLE: u8 = 4;
const D_AFTER_GIVEN: u8 = 5;
const D_BEFORE_SPEECH: u8 = 6;
const D_ALL_CAPS: u8 = 7;
const DOC_ATTRS: usize = 8;

/// What the tagger knows about every token of a document before labelling: word
/// facts with positional flags, each occurrence's document attributes, and their
/// totals per word. The same for both passes, so computed once.
struct DocFacts {
    words: Vec<Word>,
    own: Vec<u8>,
    totals: FastMap<u64, [u16; DOC_ATTRS]>,
}

/// Static (label-independent) features of every token of a document, as hashes, with
/// `offsets[i]..offsets[i + 1]` the range of token `i`.
struct Features {
    hashes: Vec<u64>,
    offsets: Vec<u32>,
}

fn doc_facts(doc: &DocView) -> DocFacts {
    let n = doc.words.len();
    let mut words: Vec<Word> = doc.words.iter().map(|w| word_facts(w)).collect();
    // Positional flags.
    for &(s, e) in &doc.sentences {
        if s < e {
            words[s].flags |= F_SENT_START;
        }
        let alpha = (s..e)
            .filter(|&i| words[i].flags & (F_INIT_CAP | F_LOWER) != 0)
            .count();
        let caps = (s..e).filter(|&i| words[i].flags & F_ALL_CAPS != 0).count();
        if alpha >= 2 && caps * 10 >= alpha * 6 {
            for w in &mut words[s..e] {
                w.flags |= F_CAPS_LINE;
            }
        }
    }
    // Document attributes per occurrence, and their totals per word.
    let mut own: Vec<u8> = vec![0; n];
    for &(s, e) in &doc.sentences {
        for i in s..e {
            let f = words[i].flags;
            let mut a = 0u8;
            if f & F_LOWER != 0 {
                a |= 1 << D_LOWER;
            }
            if f & F_ALL_CAPS != 0 {
                a |= 1 << D_ALL_CAPS;
            }
            let mixed_cap = f & F_INIT_CAP != 0 && f & F_ALL_CAPS == 0 && f & F_CAPS_LINE == 0;
            if mixed_cap {
                if f & F_SENT_START == 0 {
                    a |= 1 << D_CAP_MID;
                }
                let cap =
                    |j: usize| words[j].flags & F_INIT_CAP != 0 && words[j].flags & F_ALL_CAPS == 0;
                if i + 1 < e && cap(i + 1) {
                    a |= 1 << D_RUN_FIRST;
                }
                if i > s && cap(i - 1) {
                    a |= 1 << D_RUN_LAST;
                    if words[i - 1].flags & F_GIVEN != 0 {
                        a |= 1 << D_AFTER_GIVEN;
                    }
                }
                if i > s && words[i - 1].flags & (F_STRONG_TITLE | F_ROLE) != 0 {
                    a |= 1 << D_AFTER_TITLE;
                }
                if i + 1 < e && words[i + 1].flags & F_SPEECH != 0 {
                    a |= 1 << D_BEFORE_SPEECH;
                }
            }
            own[i] = a;
        }
    }
    let mut totals: FastMap<u64, [u16; DOC_ATTRS]> = FastMap::default();
    for i in 0..n {
        if own[i] == 0 {
            continue;
        }
        let t = totals.entry(words[i].lower).or_default();
        for (b, slot) in t.iter_mut().enumerate() {
            if own[i] & (1 << b) != 0 {
                *slot += 1;
            }
        }
    }
    DocFacts { words, own, totals }
}

/// The features of every token; `first_pass` (labels from the first pass) adds the
/// second-pass features. Training wants them in one list per token.
fn extract_features(doc: &DocView, facts: &DocFacts, first_pass: Option<&[u8]>) -> Features {
    let own = static_features(doc, facts);
    let Some(p1) = first_pass else {
        return own;
    };
    let second = second_pass_features(doc, facts, p1);
    let mut hashes = Vec::with_capacity(own.hashes.len() + second.hashes.len());
    let mut offsets = Vec::with_capacity(own.offsets.len());
    offsets.push(0u32);
    for i in 0..doc.words.len() {
        hashes.extend_from_slice(own.token(i));
        hashes.extend_from_slice(second.token(i));
        offsets.push(hashes.len() as u32);
    }
    Features { hashes, offsets }
}

impl Features {
    /// Runs `add` on every token that gets scored, with the token's sentence range,
    /// and keeps what it pushes as that token's features. `per_token` is a guess at
    /// how many, for the first allocation.
    fn collect(
        doc: &DocView,
        words: &[Word],
        per_token: usize,
        mut add: impl FnMut(&mut Vec<u64>, usize, (usize, usize)),
    ) -> Features {
        let n = doc.words.len();
        let mut hashes = Vec::with_capacity(n * per_token);
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0u32);
        for &(s, e) in &doc.sentences {
            for (i, word) in words.iter().enumerate().take(e).skip(s) {
                if word.flags & F_PLAIN == 0 {
                    add(&mut hashes, i, (s, e));
                }
                offsets.push(hashes.len() as u32);
            }
        }
        Features { hashes, offsets }
    }

    fn token(&self, i: usize) -> &[u64] {
        &self.hashes[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }
}

/// The label-independent features of every token, the same in both passes.
fn static_features(doc: &DocView, facts: &DocFacts) -> Features {
    let DocFacts { words, own, totals } = facts;
    Features::collect(doc, words, 40, |h, i, (s, e)| {
        let w = &words[i];
        let get = |j: isize| -> &Word {
            if j < s as isize || j >= e as isize {
                &NONE_WORD
            } else {
                &words[j as usize]
            }
        };
        let ii = i as isize;
        let (p, p2, nx, n2) = (get(ii - 1), get(ii - 2), get(ii + 1), get(ii + 2));
        h.push(feat(T_BIAS, 0));
        h.push(feat(T_LOWER, w.lower));
        h.push(feat(T_FORM, w.form));
        h.push(feat(T_SHAPE, w.shape));
        for k in 0..3 {
            if w.prefix[k] != 0 {
                h.push(feat(T_PREFIX + k as u64, w.prefix[k]));
            }
        }
        for k in 0..4 {
            if w.suffix[k] != 0 {
                h.push(feat(T_SUFFIX + k as u64, w.suffix[k]));
            }
        }
        for b in 0..FLAG_BITS {
            if w.flags & (1 << b) != 0 {
                h.push(feat(T_FLAG, b as u64));
            }
            if p.flags & (1 << b) != 0 {
                h.push(feat(T_PREV_FLAG, b as u64));
            }
            if nx.flags & (1 << b) != 0 {
                h.push(feat(T_NEXT_FLAG, b as u64));
            }
        }
        h.push(feat(T_PREV_LOWER, p.lower));
        h.push(feat(T_NEXT_LOWER, nx.lower));
        h.push(feat(T_PREV2_LOWER, p2.lower));
        h.push(feat(T_NEXT2_LOWER, n2.lower));
        h.push(feat(T_PREV_SHAPE, p.shape));
        h.push(feat(T_NEXT_SHAPE, nx.shape));
        h.push(feat(
            T_SHAPE3,
            p.shape ^ w.shape.rotate_left(21) ^ nx.shape.rotate_left(42),
        ));
        h.push(feat(T_BIGRAM_PREV, p.lower ^ w.lower.rotate_left(17)));
        h.push(feat(T_BIGRAM_NEXT, w.lower ^ nx.lower.rotate_left(17)));
        // Document facts about the same word elsewhere.
        if let Some(t) = totals.get(&w.lower) {
            let cap = w.flags & F_INIT_CAP != 0;
            for (b, &count) in t.iter().enumerate() {
                let mine = u16::from(own[i] & (1 << b) != 0);
                if count > mine {
                    h.push(feat(T_DOC, b as u64));
                    h.push(feat(T_DOC_CAP, (b as u64) << 1 | u64::from(cap)));
                }
            }
        }
    })
}

/// The features that come from the first pass's labels: each token's own label and
/// its neighbours', and the majority label of the same word elsewhere.
fn second_pass_features(doc: &DocView, facts: &DocFacts, p1: &[u8]) -> Features {
    let n = doc.words.len();
    let words = &facts.words;
    // First-pass label counts per word (type 0..=4), and multi-token person membership.
    let mut p1_totals: FastMap<u64, [u16; 6]> = FastMap::default();
    let p1_multi = |labels: &[u8], i: usize| {
        kind(labels[i]) == 1
            && (i + 1 < n && labels[i + 1] == I_PER || is_inside(labels[i]) && i > 0)
    };
    for i in 0..n {
        if words[i].flags & F_PUNCT != 0 {
            continue;
        }
        let t = p1_totals.entry(words[i].lower).or_default();
        t[kind(p1[i]) as usize] += 1;
        if p1_multi(p1, i) {
            t[5] += 1;
        }
    }
    Features::collect(doc, words, 4, |h, i, (s, e)| {
        let w = &words[i];
        h.push(feat(T_P1_OWN, p1[i] as u64));
        let prev = if i > s { p1[i - 1] } else { 9 };
        let next = if i + 1 < e { p1[i + 1] } else { 9 };
        h.push(feat(
            T_P1_PREV_NEXT,
            (prev as u64) << 8 | (next as u64) << 4 | kind(p1[i]) as u64,
        ));
        if let Some(t) = p1_totals.get(&w.lower) {
            let mut others = *t;
            others[kind(p1[i]) as usize] -= 1;
            if p1_multi(p1, i) {
                others[5] -= 1;
            }
            // Majority entity type among the other occurrences, if any.
            let best = (1..5).max_by_key(|&k| (others[k], 5 - k)).unwrap_or(1);
            if others[best] > 0 {
                let cap = u64::from(w.flags & F_INIT_CAP != 0);
                h.push(feat(T_P1_DOC, (best as u64) << 1 | cap));
                let share = if others[best] * 2 >= others[0] + others[best] {
                    1
                } else {
                    0
                };
                h.push(feat(T_P1_DOC, 100 + ((best as u64) << 1 | share)));
            }
            if others[5] > 0 {
                h.push(feat(T_P1_DOC_MULTI, u64::from(w.flags & F_INIT_CAP != 0)));
            }
        }
    })
}

/// Label-dependent features of token `i`, given the labels before it.
fn dynamic_features(i: usize, sent_start: usize, labels: &[u8], w: &Word) -> [u64; 4] {
    let t1 = if i > sent_start { labels[i - 1] } else { 15 } as u64;
    let t2 = if i > sent_start + 1 {
        labels[i - 2]
    } else {
        15
    } as u64;
    [
        feat(T_TAG1, t1),
        feat(T_TAG2, t1 << 8 | t2),
        feat(T_TAG1_SHAPE, w.shape ^ t1),
        feat(T_TAG1_LOWER, w.lower ^ t1.rotate_left(40)),
    ]
}

#[inline]
fn row(hash: u64, bits: u32) -> usize {
    (hash >> (64 - bits)) as usize * LABELS
}

/// Weight storage the decoder can score with.
trait Weights {
    fn add_row(&self, row: usize, scores: &mut [f32; LABELS]);
}

impl Weights for [i16] {
    #[inline]
    fn add_row(&self, row: usize, scores: &mut [f32; LABELS]) {
        let r = &self[row..row + LABELS];
        for (s, &w) in scores.iter_mut().zip(r) {
            *s += w as f32;
        }
    }
}

impl Weights for [f32] {
    #[inline]
    fn add_row(&self, row: usize, scores: &mut [f32; LABELS]) {
        let r = &self[row..row + LABELS];
        for (s, &w) in scores.iter_mut().zip(r) {
            *s += w;
        }
    }
}

/// The sum of the weight rows of `features`. Weights are whole numbers well below
/// 2^24 in total, so the sum is exact in `f32` whatever the order.
fn score<'a, W: Weights + ?Sized>(
    weights: &W,
    bits: u32,
    features: impl IntoIterator<Item = &'a u64>,
) -> [f32; LABELS] {
    let mut scores = [0f32; LABELS];
    for &h in features {
        weights.add_row(row(h, bits), &mut scores);
    }
    scores
}

fn argmax(scores: &[f32; LABELS]) -> u8 {
    let mut best = 0;
    for k in 1..LABELS {
        if scores[k] > scores[best] {
            best = k;
        }
    }
    best as u8
}

/// Greedy left-to-right labelling, with the label-independent features of each
/// token taken from every set in `features`.
fn decode<W: Weights + ?Sized>(
    weights: &W,
    bits: u32,
    doc: &DocView,
    facts: &DocFacts,
    features: &[&Features],
) -> Vec<u8> {
    let mut labels = vec![O; doc.words.len()];
    for &(s, e) in &doc.sentences {
        for i in s..e {
            if facts.words[i].flags & F_PLAIN != 0 {
                continue;
            }
            let dynamic = dynamic_features(i, s, &labels, &facts.words[i]);
            let all = features.iter().flat_map(|f| f.token(i)).chain(&dynamic);
            labels[i] = argmax(&score(weights, bits, all));
        }
    }
    labels
}

/// Token ranges of the person entities in `labels` (IOB1 or IOB2 both read right).
fn person_ranges(labels: &[u8], sentences: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for &(s, e) in sentences {
        let mut i = s;
        while i < e {
            if kind(labels[i]) != 1 {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < e && labels[j] == I_PER {
                j += 1;
            }
            out.push((i, j));
            i = j;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// The shipped model
// ---------------------------------------------------------------------------------------

/// A loaded model: one weight table per pass.
pub struct Tagger {
    bits: u32,
    passes: Vec<Vec<i16>>,
}

const MAGIC: &[u8; 4] = b"MGTG";

impl Tagger {
    /// Parses the weights format described in the module docs.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, String> {
        if bytes.len() < 8 || &bytes[..4] != MAGIC {
            return Err("not a tagger weights file".into());
        }
        let (version, bits, labels, passes) = (bytes[4], bytes[5], bytes[6], bytes[7]);
        if version != 1 || labels as usize != LABELS || !(8..=24).contains(&bits) {
            return Err(format!(
                "unsupported weights: version {version}, {labels} labels, {bits} bits"
            ));
        }
        let per_pass = (1usize << bits) * LABELS;
        if !(1..=2).contains(&passes) || bytes.len() != 8 + 2 * per_pass * passes as usize {
            return Err("weights file has the wrong size".into());
        }
        let passes = bytes[8..]
            .chunks_exact(2 * per_pass)
            .map(|c| {
                c.chunks_exact(2)
                    .map(|b| i16::from_le_bytes([b[0], b[1]]))
                    .collect()
            })
            .collect();
        Ok(Tagger {
            bits: bits as u32,
            passes,
        })
    }

    /// Serialises in the format [`Tagger::from_bytes`] reads.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out =
            Vec::with_capacity(8 + self.passes.iter().map(|p| p.len() * 2).sum::<usize>());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&[1, self.bits as u8, LABELS as u8, self.passes.len() as u8]);
        for p in &self.passes {
            for w in p {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Labels of every token of `doc`.
    pub fn label(&self, doc: &DocView) -> Vec<u8> {
        let facts = doc_facts(doc);
        let f = static_features(doc, &facts);
        let mut labels = decode(self.passes[0].as_slice(), self.bits, doc, &facts, &[&f]);
        if let Some(second) = self.passes.get(1) {
            // The second pass adds features from the first pass's labels to the same
            // static ones.
            let f2 = second_pass_features(doc, &facts, &labels);
            labels = decode(second.as_slice(), self.bits, doc, &facts, &[&f, &f2]);
        }
        labels
    }

    /// Byte spans of the persons in `text`.
    pub fn person_spans(&self, text: &str) -> Vec<(usize, usize)> {
        let toks = tokenize(text);
        if toks.is_empty() {
            return Vec::new();
        }
        let doc = DocView::from_tokens(text, &toks);
        let labels = self.label(&doc);
        person_ranges(&labels, &doc.sentences)
            .into_iter()
            .map(|(a, b)| (toks[a].start, toks[b - 1].end))
            .collect()
    }
}

static WEIGHTS: &[u8] = include_bytes!("tagger.weights");

/// The shipped model, or `None` when the weights file is empty (before training).
pub static MODEL: LazyLock<Option<Tagger>> = LazyLock::new(|| {
    if WEIGHTS.is_empty() {
        return None;
    }
    Some(Tagger::from_bytes(WEIGHTS).expect("shipped tagger.weights is valid"))
});

// ---------------------------------------------------------------------------------------
// Training
// ---------------------------------------------------------------------------------------

/// A gold-labelled document (labels as IOB2 indices into [`LABEL_NAMES`]).
pub struct TrainDoc {
    pub words: Vec<String>,
    pub labels: Vec<u8>,
    pub sentences: Vec<(usize, usize)>,
}

impl TrainDoc {
    fn view(&self) -> DocView<'_> {
        DocView {
            words: self.words.iter().map(String::as_str).collect(),
            sentences: self.sentences.clone(),
        }
    }
}

/// Reads a CoNLL-2003 file (`TOKEN POS CHUNK NER`, IOB1) into documents with IOB2
/// labels.
pub fn read_conll(input: &str) -> Result<Vec<TrainDoc>, String> {
    let mut docs = Vec::new();
    let mut cur = TrainDoc {
        words: Vec::new(),
        labels: Vec::new(),
        sentences: Vec::new(),
    };
    let mut sent_start = 0usize;
    let mut prev_kind = 0u8;
    let flush_sentence = |cur: &mut TrainDoc, sent_start: &mut usize, prev_kind: &mut u8| {
        if cur.words.len() > *sent_start {
            cur.sentences.push((*sent_start, cur.words.len()));
        }
        *sent_start = cur.words.len();
        *prev_kind = 0;
    };
    for (n, line) in input.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.starts_with("-DOCSTART-") {
            flush_sentence(&mut cur, &mut sent_start, &mut prev_kind);
            if !cur.words.is_empty() {
                docs.push(std::mem::replace(
                    &mut cur,
                    TrainDoc {
                        words: Vec::new(),
                        labels: Vec::new(),
                        sentences: Vec::new(),
                    },
                ));
            }
            sent_start = 0;
            continue;
        }
        if line.trim().is_empty() {
            flush_sentence(&mut cur, &mut sent_start, &mut prev_kind);
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        let (Some(word), Some(tag)) = (fields.first(), fields.last()) else {
            continue;
        };
        let k = match tag.split_once('-').map(|(_, t)| t) {
            None => 0,
            Some("PER") => 1,
            Some("LOC") => 2,
            Some("ORG") => 3,
            Some("MISC") => 4,
            Some(other) => return Err(format!("line {}: unknown type {other:?}", n + 1)),
        };
        let label = if k == 0 {
            O
        } else if tag.starts_with("B-") || prev_kind != k {
            2 * k - 1
        } else {
            2 * k
        };
        prev_kind = k;
        cur.words.push((*word).to_string());
        cur.labels.push(label);
    }
    flush_sentence(&mut cur, &mut sent_start, &mut prev_kind);
    if !cur.words.is_empty() {
        docs.push(cur);
    }
    Ok(docs)
}

/// Training settings.
pub struct TrainConfig {
    pub bits: u32,
    pub epochs: usize,
    /// 1: one pass. 2: a second pass stacked on jackknifed first-pass labels.
    pub passes: usize,
    pub folds: usize,
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            bits: 17,
            epochs: 6,
            passes: 2,
            folds: 5,
            seed: 0x6d6f_7267_7565,
        }
    }
}

/// Averaged perceptron weights with lazy averaging.
struct Perceptron {
    bits: u32,
    w: Vec<f32>,
    total: Vec<f64>,
    stamp: Vec<u32>,
    now: u32,
}

impl Perceptron {
    fn new(bits: u32) -> Self {
        let n = (1usize << bits) * LABELS;
        Perceptron {
            bits,
            w: vec![0.0; n],
            total: vec![0.0; n],
            stamp: vec![0; n],
            now: 1,
        }
    }

    fn update(&mut self, hashes: &[u64], label: u8, delta: f32) {
        for &h in hashes {
            let i = row(h, self.bits) + label as usize;
            self.total[i] += (self.now - self.stamp[i]) as f64 * self.w[i] as f64;
            self.stamp[i] = self.now;
            self.w[i] += delta;
        }
    }

    fn averaged(&self) -> Vec<f32> {
        let now = self.now as f64;
        self.w
            .iter()
            .zip(&self.total)
            .zip(&self.stamp)
            .map(|((&w, &t), &s)| ((t + (self.now - s) as f64 * w as f64) / now) as f32)
            .collect()
    }
}

fn quantise(w: &[f32]) -> Vec<i16> {
    let max = w.iter().fold(0f32, |m, &x| m.max(x.abs()));
    let scale = if max > 0.0 { 32000.0 / max } else { 1.0 };
    w.iter().map(|&x| (x * scale).round() as i16).collect()
}

/// Deterministic xorshift shuffle.
fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        let j = (*state % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

/// Trains one pass on `docs` (with per-document first-pass labels for a second pass).
fn train_pass(
    docs: &[&TrainDoc],
    first_pass: Option<&[Vec<u8>]>,
    cfg: &TrainConfig,
    log: &mut dyn FnMut(String),
) -> Vec<f32> {
    let views: Vec<DocView> = docs.iter().map(|d| d.view()).collect();
    let facts: Vec<DocFacts> = views.iter().map(doc_facts).collect();
    let feats: Vec<Features> = views
        .iter()
        .zip(&facts)
        .enumerate()
        .map(|(k, (v, d))| extract_features(v, d, first_pass.map(|p| p[k].as_slice())))
        .collect();
    let mut p = Perceptron::new(cfg.bits);
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut state = cfg.seed | 1;
    for epoch in 0..cfg.epochs {
        shuffle(&mut order, &mut state);
        let (mut errors, mut total) = (0usize, 0usize);
        for &d in &order {
            let (doc, view, f, words) = (docs[d], &views[d], &feats[d], &facts[d].words);
            let mut labels = vec![O; doc.words.len()];
            for &(s, e) in &view.sentences {
                for i in s..e {
                    if words[i].flags & F_PLAIN != 0 {
                        continue;
                    }
                    let stat = f.token(i);
                    let dynamic = dynamic_features(i, s, &labels, &words[i]);
                    let guess = argmax(&score(
                        p.w.as_slice(),
                        cfg.bits,
                        stat.iter().chain(&dynamic),
                    ));
                    let gold = doc.labels[i];
                    if guess != gold {
                        p.update(stat, gold, 1.0);
                        p.update(&dynamic, gold, 1.0);
                        p.update(stat, guess, -1.0);
                        p.update(&dynamic, guess, -1.0);
                        errors += 1;
                    }
                    total += 1;
                    p.now += 1;
                    // Greedy history, as at inference.
                    labels[i] = guess;
                }
            }
        }
        log(format!(
            "  epoch {}: {errors} errors in {total} tokens ({:.2}%)",
            epoch + 1,
            100.0 * errors as f64 / total.max(1) as f64
        ));
    }
    p.averaged()
}

/// Trains a model on gold documents.
pub fn train(docs: &[TrainDoc], cfg: &TrainConfig, log: &mut dyn FnMut(String)) -> Tagger {
    let all: Vec<&TrainDoc> = docs.iter().collect();
    log(format!("pass 1 on {} documents", all.len()));
    let first = train_pass(&all, None, cfg, log);
    let mut passes = vec![quantise(&first)];
    if cfg.passes >= 2 {
        // Jackknife: first-pass labels for each document from a model that did not see it.
        let mut jack: Vec<Vec<u8>> = vec![Vec::new(); docs.len()];
        for fold in 0..cfg.folds {
            let train: Vec<&TrainDoc> = docs
                .iter()
                .enumerate()
                .filter(|(k, _)| k % cfg.folds != fold)
                .map(|(_, d)| d)
                .collect();
            log(format!("fold {} of {}", fold + 1, cfg.folds));
            let w = train_pass(&train, None, cfg, log);
            for (k, d) in docs.iter().enumerate() {
                if k % cfg.folds == fold {
                    let v = d.view();
                    let facts = doc_facts(&v);
                    let f = static_features(&v, &facts);
                    jack[k] = decode(w.as_slice(), cfg.bits, &v, &facts, &[&f]);
                }
            }
        }
        log("pass 2".to_string());
        let second = train_pass(&all, Some(&jack), cfg, log);
        passes.push(quantise(&second));
    }
    Tagger {
        bits: cfg.bits,
        passes,
    }
}

/// Exact-span person scores of `tagger` on gold documents: (gold, predicted, correct).
pub fn score_persons(tagger: &Tagger, docs: &[TrainDoc]) -> (usize, usize, usize) {
    let (mut gold, mut pred, mut correct) = (0, 0, 0);
    for d in docs {
        let v = d.view();
        let labels = tagger.label(&v);
        let g = person_ranges(&d.labels, &v.sentences);
        let p = person_ranges(&labels, &v.sentences);
        gold += g.len();
        pred += p.len();
        correct += p.iter().filter(|x| g.contains(x)).count();
    }
    (gold, pred, correct)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn feature_hashing_is_deterministic() {
        let text = "Bob Dole said Dole would win.";
        let toks = tokenize(text);
        let doc = DocView::from_tokens(text, &toks);
        let a = extract_features(&doc, &doc_facts(&doc), None);
        let b = extract_features(&doc, &doc_facts(&doc), None);
        assert_eq!(a.hashes, b.hashes);
        assert_eq!(a.offsets, b.offsets);
        assert_ne!(word_facts("Dole").form, word_facts("dole").form);
        assert_eq!(word_facts("Dole").form, word_facts("Dole").form);
        // Same word, same lowercase key; different templates give different features.
        assert_eq!(word_facts("DOLE").lower, word_facts("Dole").lower);
        assert_ne!(feat(T_LOWER, 7), feat(T_FORM, 7));
    }

    /// A handful of handmade sentences: the tagger learns that a capitalised word after
    /// `met` is a person and one after `in` a place.
    #[test]
    fn learns_an_obvious_name() {
        let mut input = String::new();
        let names = ["Alba", "Borin", "Cato", "Dunmore", "Ekwe", "Fallon"];
        let places = ["Zarn", "Yelk", "Xova", "Wibb", "Vent", "Ulm"];
        for (n, p) in names.iter().zip(&places) {
            input.push_str(&format!(
                "-DOCSTART- -X- O O\n\nwe x x O\nmet x x O\n{n} x x I-PER\nin x x O\n{p} x x I-LOC\n. x x O\n\n"
            ));
        }
        let docs = read_conll(&input).unwrap();
        assert_eq!(docs.len(), 6);
        assert_eq!(docs[0].labels, [0, 0, 1, 0, 3, 0]);
        let cfg = TrainConfig {
            bits: 12,
            epochs: 5,
            passes: 1,
            ..TrainConfig::default()
        };
        let tagger = train(&docs, &cfg, &mut |_| {});
        let bytes = tagger.to_bytes();
        let tagger = Tagger::from_bytes(&bytes).unwrap();
        let text = "we met Gorm in Tesk .";
        let spans = tagger.person_spans(text);
        assert_eq!(spans.len(), 1);
        assert_eq!(&text[spans[0].0..spans[0].1], "Gorm");
    }

    #[test]
    fn shipped_weights_load() {
        if WEIGHTS.is_empty() {
            return;
        }
        let model = MODEL.as_ref().unwrap();
        assert_eq!(model.to_bytes(), WEIGHTS);
        let text = "Bob Dole said on Monday that Clinton 's plan would fail .";
        let spans = model.person_spans(text);
        let got: Vec<&str> = spans.iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(got, ["Bob Dole", "Clinton"]);
    }

    #[test]
    fn bad_weights_are_rejected() {
        assert!(Tagger::from_bytes(b"").is_err());
        assert!(Tagger::from_bytes(b"MGTG\x01\x12\x09\x01").is_err());
        assert!(Tagger::from_bytes(b"XXXX\x01\x12\x09\x01").is_err());
    }
}
