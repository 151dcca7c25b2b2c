//! What the tagger knows about words and documents, and the features it scores.
//!
//! Words become [`Word`] facts (hashes of the lowercased word, its form, shape,
//! prefixes and suffixes, and flags from the word lists); a document becomes
//! [`DocFacts`] (positional flags, runs of capitalised words, what each word does
//! elsewhere in the document, the sport a wire story's heading names). From those, three
//! sets of features per token, each a 64-bit hash of a template id and a value:
//! label-independent ones (the same in both passes), second-pass ones (from the first
//! pass's labels) and the label-history ones the decoder adds as it goes. Weights and
//! decoding live in the parent module; this one never sees a weight.
//!
//! Only tokens that can be part of a name are scored: a word without a capital letter
//! is `O` unless it is a name particle (`de`, `van`) or a connector between two
//! capitalised words (`Bank of England`). That skip is most of the tagger's speed.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::tokens::Tok;
use super::{is_inside, kind};
use crate::extract::people::{
    GIVEN, NON_NAME, ORG_WORDS, PARTICLES, ROLE_NOUNS, SPEECH_VERBS, STRONG_TITLES, SURNAMES,
    WEAK_TITLES, WordSet,
};

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

/// Words that end a company's name: legal forms and their abbreviations.
#[rustfmt::skip]
const ORG_SUFFIXES: &[&str] = &[
    "Inc", "Inc.", "Incorporated", "Corp", "Corp.", "Corporation", "Co", "Co.", "Cos",
    "Cos.", "Company", "Ltd", "Ltd.", "Limited", "Plc", "PLC", "LLC", "LP", "L.P.", "AG",
    "SA", "S.A.", "NV", "N.V.", "BV", "B.V.", "GmbH", "SpA", "S.p.A.", "AB", "ASA", "A/S",
    "Oy", "Oyj", "KK", "K.K.", "Bhd", "Berhad", "Pty", "Pte", "Bros", "Bros.", "Brothers",
    "Sons", "Holdings", "Holding", "Group", "Industries", "Bancorp", "Bancshares",
    "Bankshares", "Partners", "Associates", "Enterprises", "Ventures", "Trust", "Fund",
    "Funds", "Securities", "Investments", "Capital", "Airlines", "Airways", "Motors",
    "Petroleum", "Telecom", "Communications", "Systems", "Technologies", "Technology",
    "Pharmaceuticals", "Chemicals", "Foods", "Stores", "Mining", "Resources", "Electric",
    "Electronics", "Steel", "Media", "Entertainment", "Studios", "Records", "Pictures",
    "Insurance", "Financial", "Services", "Software", "Computer", "Computers", "Labs",
    "Laboratories", "Products", "Manufacturing", "Energy", "Oil", "Gas", "Motor",
    "Airline", "Shipping", "Properties", "Realty", "Hotels", "Brands", "Consulting",
];

/// Nouns that head or end the name of an institution: governments, parties, banks,
/// bodies, media.
#[rustfmt::skip]
const ORG_HEADS: &[&str] = &[
    "Bank", "Banks", "Ministry", "Department", "Agency", "Commission", "Committee",
    "Council", "Association", "Federation", "Union", "Party", "Organisation",
    "Organization", "Institute", "University", "College", "School", "Academy",
    "Foundation", "Society", "League", "Club", "Board", "Authority", "Bureau", "Office",
    "Court", "Tribunal", "Parliament", "Congress", "Assembly", "Senate", "Cabinet",
    "Government", "Army", "Navy", "Police", "Guard", "Front", "Movement", "Alliance",
    "Coalition", "Exchange", "Reserve", "Treasury", "Church", "Hospital", "Museum",
    "Corps", "Brigade", "Brigades", "Forces", "Command", "Network", "Broadcasting",
    "Television", "Radio", "Press", "News", "Times", "Post", "Journal", "Herald",
    "Tribune", "Gazette", "Telegraph", "Guardian", "Mission", "Embassy", "Chamber",
    "Secretariat", "Directorate", "Administration", "Service", "Institution", "Centre",
    "Center", "Fund", "Programme", "Program", "Conference", "Cooperation", "Co-operation",
    "Confederation", "Syndicate", "Consortium", "Cartel", "Junta", "Airforce", "Ministries",
    "Unions", "Parties", "Observatory",
];

/// Words typical of sports clubs' names; a town's name next to one is a club.
#[rustfmt::skip]
const TEAM_WORDS: &[&str] = &[
    "United", "City", "Rovers", "Wanderers", "Athletic", "Athletico", "Atletico",
    "Albion", "Town", "County", "Villa", "Real", "Dynamo", "Dinamo", "Sporting",
    "Olympique", "Olympic", "Olympiakos", "Inter", "AC", "FC", "SC", "CF", "SV", "VfB",
    "VfL", "TSV", "Borussia", "Eintracht", "Spartak", "CSKA", "Lokomotiv", "Torpedo",
    "Celtic", "Rangers", "Hearts", "Orient", "Forest", "Argyle", "Hotspur", "Palace",
    "Alexandra", "Academicals", "Thistle", "Harriers", "Racing", "Standard", "Sparta",
    "Slavia", "Galatasaray", "Juventus", "Lazio", "Calcio", "Deportivo", "Club",
    "Athletics", "Sox", "Jays", "Mariners", "Giants", "Cubs", "Braves", "Yankees",
    "Dodgers", "Tigers", "Lions", "Bears", "Eagles", "Packers", "Cowboys",
];

/// Every word list as one map from a word's form hash ([`form_hash`]) to flag bits:
/// a look-up is one probe with a hash the tokeniser's word loop computes anyway.
static LEXICON: LazyLock<FastMap<u64, u32>> = LazyLock::new(|| {
    let mut map: FastMap<u64, u32> = FastMap::default();
    for (list, flag) in [
        (ORG_SUFFIXES, F_ORG_SUFFIX),
        (ORG_HEADS, F_ORG_HEAD),
        (TEAM_WORDS, F_TEAM),
        (CONNECTORS, F_CONNECTOR),
    ] {
        for &w in list {
            *map.entry(form_hash(w)).or_default() |= flag;
        }
    }
    let lists: [(&WordSet, u32); 9] = [
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
                *map.entry(form_hash(w)).or_default() |= flag;
            }
        }
    }
    map
});

/// The hash of a word as written: [`Word`]'s `form`.
fn form_hash(w: &str) -> u64 {
    let mut h = Fnv::new();
    for &b in w.as_bytes() {
        h.byte(b);
    }
    h.finish()
}

/// The form hash of an all-caps word written the way the lists write names
/// (`AL-SUDANI` as `Al-Sudani`), as the people rules' `titlecase` does.
fn title_hash(w: &str) -> u64 {
    let mut h = Fnv::new();
    let mut upper_next = true;
    for c in w.chars() {
        if upper_next {
            c.to_uppercase().for_each(|u| h.char(u));
        } else {
            c.to_lowercase().for_each(|l| h.char(l));
        }
        upper_next = !c.is_alphabetic();
    }
    h.finish()
}

/// A feature: template id and value hash, combined.
#[inline]
pub(super) fn feat(template: u64, value: u64) -> u64 {
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
/// No capital letter and not a name particle or a bridging connector: always `O`,
/// never scored (most tokens).
const F_PLAIN: u32 = 1 << 18;
/// A lowercase word or sign that joins the words of a name (`Bank of England`,
/// `Standard & Poor`); see [`CONNECTORS`].
const F_CONNECTOR: u32 = 1 << 19;
/// A word that ends a company's name (`Inc`, `Ltd`, `Bros`); see [`ORG_SUFFIXES`].
const F_ORG_SUFFIX: u32 = 1 << 20;
/// A noun that heads an institution's name (`Bank`, `Ministry`); see [`ORG_HEADS`].
const F_ORG_HEAD: u32 = 1 << 21;
/// A word typical of sports clubs' names (`United`, `Rovers`, `FC`); see [`TEAM_WORDS`].
const F_TEAM: u32 = 1 << 22;
const FLAG_BITS: u32 = 23;

/// Words and signs that occur inside organisation and other names between two
/// capitalised words (`Bank of England`, `Procter & Gamble`, `Human Rights in China`,
/// `Boatmen 's Bancshares`). They are scored only there: a lowercase token is `O`
/// everywhere else, and skipping it is most of the tagger's speed.
const CONNECTORS: &[&str] = &[
    "of", "and", "&", "for", "the", "'s", "'", "du", "dello", "des",
];

/// What is known about one token before tagging.
#[derive(Clone, Copy)]
pub(super) struct Word {
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

pub(super) fn word_facts(w: &str) -> Word {
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
    let form = form.finish();
    let listed = |h: u64| LEXICON.get(&h).copied().unwrap_or(0);
    if first.is_uppercase() {
        flags |= F_INIT_CAP;
        if letters >= 2 && uppers == letters {
            flags |= F_ALL_CAPS | listed(title_hash(w));
        }
    } else if first.is_lowercase() {
        flags |= F_LOWER;
    }
    // As written: lowercase words in lowercase lists, capitalised ones and acronyms
    // (`AG`, `FC`) in capitalised lists, connectors (`of`, `&`, `'s`).
    flags |= listed(form);
    if uppers == 0 && flags & (F_PARTICLE | F_CONNECTOR) == 0 {
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
        form,
        shape: shape.finish(),
        prefix,
        suffix,
        flags,
    }
}

// ---------------------------------------------------------------------------------------
// Documents
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

// Document attributes of one occurrence.
const D_CAP_MID: u8 = 0;
const D_RUN_FIRST: u8 = 1;
const D_RUN_LAST: u8 = 2;
const D_LOWER: u8 = 3;
const D_AFTER_TITLE: u8 = 4;
const D_AFTER_GIVEN: u8 = 5;
const D_BEFORE_SPEECH: u8 = 6;
const D_ALL_CAPS: u8 = 7;
/// Inside a longer name that ends in an organisation word (`Magna International Inc`).
const D_IN_ORG_NAME: u8 = 8;
const DOC_ATTRS: usize = 9;

/// What the tagger knows about every token of a document before labelling: word
/// facts with positional flags, each occurrence's document attributes, and their
/// totals per word. The same for both passes, so computed once.
pub(super) struct DocFacts {
    pub(super) words: Vec<Word>,
    /// Per token, the number of its word among the distinct words of the scored
    /// tokens (by lowercase form), or [`NO_ID`]: the document-level counts are kept
    /// for those words only, since only scored tokens look them up.
    ids: Vec<u32>,
    /// Number of distinct ids.
    distinct: usize,
    own: Vec<u16>,
    /// Per id, how many occurrences have each document attribute.
    totals: Vec<[u16; DOC_ATTRS]>,
    /// For each token in a run of capitalised words (bridged by connectors), the
    /// run's token range; `(i, i)` for a token in none.
    runs: Vec<(u32, u32)>,
    /// The sport a wire story's section heading names (`SOCCER - ...`, `Tennis - ...`),
    /// as a lowercase hash, or 0: in a sports story a town's name is mostly a club.
    topic: u64,
}

/// First words of the section headings of sports stories (`SOCCER - ...`, `MOTOR
/// RACING - ...`): in those, a town's name is mostly a club.
#[rustfmt::skip]
const SPORTS: &[&str] = &[
    "soccer", "football", "cricket", "tennis", "baseball", "basketball", "rugby", "golf",
    "cycling", "athletics", "motor", "boxing", "hockey", "ice", "rallying", "skiing",
    "swimming", "rowing", "sailing", "yachting", "squash", "badminton", "motorcycling",
    "motocross", "horse", "volleyball", "handball", "judo", "wrestling", "snooker",
    "darts", "triathlon", "gymnastics", "fencing", "olympics", "sport", "sports", "nfl",
    "nba", "nhl",
];

/// The id of a token whose word no scored token has.
const NO_ID: u32 = u32::MAX;

pub(super) fn doc_facts(doc: &DocView) -> DocFacts {
    let n = doc.words.len();
    let mut words: Vec<Word> = doc.words.iter().map(|w| word_facts(w)).collect();
    // Positional flags.
    for &(s, e) in &doc.sentences {
        if s < e {
            words[s].flags |= F_SENT_START;
        }
        // A connector is scored only between two capitalised words, and not after a
        // title: `Secretary of Defense Lloyd Austin` is a title and a person, and
        // bridging it made the whole run an organisation.
        for i in s..e {
            if words[i].flags & F_CONNECTOR != 0 {
                let bridges = i > s
                    && i + 1 < e
                    && words[i - 1].flags & F_INIT_CAP != 0
                    && words[i - 1].flags & F_STRONG_TITLE == 0
                    && words[i + 1].flags & F_INIT_CAP != 0;
                if !bridges {
                    words[i].flags |= F_PLAIN;
                }
            }
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
    let mut runs: Vec<(u32, u32)> = (0..n as u32).map(|i| (i, i)).collect();
    for &(s, e) in &doc.sentences {
        let mut i = s;
        while i < e {
            let in_run = |f: u32| f & F_INIT_CAP != 0 || f & (F_CONNECTOR | F_PLAIN) == F_CONNECTOR;
            if !in_run(words[i].flags) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < e && in_run(words[j].flags) {
                j += 1;
            }
            for r in &mut runs[i..j] {
                *r = (i as u32, j as u32);
            }
            i = j;
        }
    }
    // Document attributes per occurrence, and their totals per word.
    let mut own: Vec<u16> = vec![0; n];
    for &(s, e) in &doc.sentences {
        for i in s..e {
            let f = words[i].flags;
            let mut a = 0u16;
            let (ra, rb) = (runs[i].0 as usize, runs[i].1 as usize);
            if rb > ra + 1 && words[rb - 1].flags & (F_ORG_SUFFIX | F_ORG_HEAD) != 0 && i + 1 < rb {
                a |= 1 << D_IN_ORG_NAME;
            }
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
    let mut index: FastMap<u64, u32> = FastMap::default();
    let mut ids = vec![NO_ID; n];
    for (id, w) in ids.iter_mut().zip(&words) {
        if w.flags & F_PLAIN == 0 {
            let next = index.len() as u32;
            *id = *index.entry(w.lower).or_insert(next);
        }
    }
    for (id, w) in ids.iter_mut().zip(&words) {
        if w.flags & F_PLAIN != 0 {
            *id = index.get(&w.lower).copied().unwrap_or(NO_ID);
        }
    }
    let mut totals = vec![[0u16; DOC_ATTRS]; index.len()];
    for (&id, &a) in ids.iter().zip(&own) {
        if id == NO_ID || a == 0 {
            continue;
        }
        for (b, slot) in totals[id as usize].iter_mut().enumerate() {
            *slot += (a >> b) & 1;
        }
    }
    let topic = match doc.sentences.first() {
        Some(&(s, e))
            if e - s >= 3
                && (doc.words[s + 1] == "-" || doc.words[s + 2] == "-")
                && SPORTS.iter().any(|w| w.eq_ignore_ascii_case(doc.words[s])) =>
        {
            words[s].lower
        }
        _ => 0,
    };
    DocFacts {
        words,
        ids,
        distinct: index.len(),
        own,
        totals,
        runs,
        topic,
    }
}

// ---------------------------------------------------------------------------------------
// Features
// ---------------------------------------------------------------------------------------

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
const T_P1_OWN: u64 = 28;
const T_P1_DOC: u64 = 29;
const T_P1_DOC_MULTI: u64 = 30;
const T_P1_PREV_NEXT: u64 = 31;
const T_RUN_LAST: u64 = 35;
const T_RUN_FIRST: u64 = 36;
const T_TOPIC: u64 = 38;
const T_TOPIC_CONTEXT: u64 = 39;
pub(super) const T_TAG1: u64 = 40;
const T_TAG2: u64 = 41;
const T_TAG1_SHAPE: u64 = 42;
const T_TAG1_LOWER: u64 = 43;

/// Upper bound on the features of one token over all three sets (11 word templates,
/// the flags of three words, 9 of context, 2 of its run, 2 of the topic, the document
/// attributes, 5 from the first pass and 4 from the labels), so that a sum of `i8`
/// weights provably fits an `i16`.
pub(super) const MAX_FEATURES: usize = 11 + 3 * FLAG_BITS as usize + 9 + 2 + 2 + DOC_ATTRS + 5 + 4;

impl DocFacts {
    /// Whether token `i` is scored at all.
    #[inline]
    pub(super) fn scored(&self, i: usize) -> bool {
        self.words[i].flags & F_PLAIN == 0
    }

    /// Calls `push` with every label-independent feature of token `i` (a scored token
    /// of the sentence `s..e`): the same in both passes.
    pub(super) fn static_features(
        &self,
        i: usize,
        (s, e): (usize, usize),
        push: &mut impl FnMut(u64),
    ) {
        let words = &self.words;
        let w = &words[i];
        let get = |j: usize| -> &Word {
            if j < s || j >= e {
                &NONE_WORD
            } else {
                &words[j]
            }
        };
        // Out-of-sentence positions wrap to huge values and read as `NONE_WORD`.
        let (p, p2) = (get(i.wrapping_sub(1)), get(i.wrapping_sub(2)));
        let (nx, n2) = (get(i + 1), get(i + 2));
        push(feat(T_BIAS, 0));
        push(feat(T_LOWER, w.lower));
        push(feat(T_FORM, w.form));
        push(feat(T_SHAPE, w.shape));
        for (k, &h) in w.prefix.iter().enumerate() {
            if h != 0 {
                push(feat(T_PREFIX + k as u64, h));
            }
        }
        for (k, &h) in w.suffix.iter().enumerate() {
            if h != 0 {
                push(feat(T_SUFFIX + k as u64, h));
            }
        }
        for (template, mut flags) in [
            (T_FLAG, w.flags),
            (T_PREV_FLAG, p.flags),
            (T_NEXT_FLAG, nx.flags),
        ] {
            while flags != 0 {
                push(feat(template, u64::from(flags.trailing_zeros())));
                flags &= flags - 1;
            }
        }
        push(feat(T_PREV_LOWER, p.lower));
        push(feat(T_NEXT_LOWER, nx.lower));
        push(feat(T_PREV2_LOWER, p2.lower));
        push(feat(T_NEXT2_LOWER, n2.lower));
        push(feat(T_PREV_SHAPE, p.shape));
        push(feat(T_NEXT_SHAPE, nx.shape));
        push(feat(
            T_SHAPE3,
            p.shape ^ w.shape.rotate_left(21) ^ nx.shape.rotate_left(42),
        ));
        push(feat(T_BIGRAM_PREV, p.lower ^ w.lower.rotate_left(17)));
        push(feat(T_BIGRAM_NEXT, w.lower ^ nx.lower.rotate_left(17)));
        // The run of capitalised words the token is in: how it starts and how it ends
        // (`Bank of Canada`, `Magna International Inc`).
        let (a, b) = (self.runs[i].0 as usize, self.runs[i].1 as usize);
        if b > a {
            if i + 1 < b {
                push(feat(T_RUN_LAST, words[b - 1].lower));
            }
            if i > a {
                push(feat(T_RUN_FIRST, words[a].lower));
            }
        }
        if self.topic != 0 {
            push(feat(T_TOPIC, self.topic));
            push(feat(
                T_TOPIC_CONTEXT,
                self.topic ^ p.shape.rotate_left(21) ^ nx.shape.rotate_left(42),
            ));
        }
        // Document facts about the same word elsewhere.
        if let Some(t) = self.totals.get(self.ids[i] as usize) {
            for (b, &count) in t.iter().enumerate() {
                let mine = u16::from(self.own[i] & (1 << b) != 0);
                if count > mine {
                    push(feat(T_DOC, b as u64));
                }
            }
        }
    }
}

/// What the first pass said about each word of a document, for the second pass.
pub(super) struct FirstPass<'a> {
    labels: &'a [u8],
    /// Per word id (see [`DocFacts`]): first-pass label counts by type (0..=4), then
    /// by the type of the multi-token entities it is part of (5..=8 for PER..MISC).
    totals: Vec<[u16; 9]>,
}

impl<'a> FirstPass<'a> {
    pub(super) fn new(facts: &DocFacts, labels: &'a [u8]) -> Self {
        let mut totals = vec![[0u16; 9]; facts.distinct];
        for (i, (&id, w)) in facts.ids.iter().zip(&facts.words).enumerate() {
            if id == NO_ID || w.flags & F_PUNCT != 0 {
                continue;
            }
            let t = &mut totals[id as usize];
            t[kind(labels[i]) as usize] += 1;
            if let Some(m) = multi_slot(labels, i) {
                t[m] += 1;
            }
        }
        FirstPass { labels, totals }
    }

    /// Calls `push` with every second-pass feature of token `i` (a scored token of the
    /// sentence `s..e`): its own first-pass label and its neighbours', and the
    /// majority label of the same word elsewhere.
    pub(super) fn features(
        &self,
        facts: &DocFacts,
        i: usize,
        (s, e): (usize, usize),
        push: &mut impl FnMut(u64),
    ) {
        let p1 = self.labels;
        let w = &facts.words[i];
        push(feat(T_P1_OWN, p1[i] as u64));
        let prev = if i > s { p1[i - 1] } else { 9 };
        let next = if i + 1 < e { p1[i + 1] } else { 9 };
        push(feat(
            T_P1_PREV_NEXT,
            (prev as u64) << 8 | (next as u64) << 4 | kind(p1[i]) as u64,
        ));
        // Signs (`&`) are not counted.
        let Some(t) = self.totals.get(facts.ids[i] as usize) else {
            return;
        };
        if w.flags & F_PUNCT != 0 {
            return;
        }
        let mut others = *t;
        others[kind(p1[i]) as usize] -= 1;
        if let Some(m) = multi_slot(p1, i) {
            others[m] -= 1;
        }
        let cap = u64::from(w.flags & F_INIT_CAP != 0);
        // Majority entity type among the other occurrences, if any.
        let best = (1..5).max_by_key(|&k| (others[k], 5 - k)).unwrap_or(1);
        if others[best] > 0 {
            push(feat(T_P1_DOC, (best as u64) << 1 | cap));
            let share = u64::from(others[best] * 2 >= others[0] + others[best]);
            push(feat(T_P1_DOC, 100 + ((best as u64) << 1 | share)));
        }
        // The same for the longer names it is part of elsewhere (`Magna` after
        // `Magna International Inc`).
        let best = (5..9).max_by_key(|&k| (others[k], 9 - k)).unwrap_or(5);
        if others[best] > 0 {
            push(feat(T_P1_DOC_MULTI, (best as u64) << 1 | cap));
        }
    }
}

/// The slot of [`FirstPass`] totals that counts token `i` as part of a multi-token
/// entity, if it is one.
fn multi_slot(labels: &[u8], i: usize) -> Option<usize> {
    let k = kind(labels[i]);
    let multi = k != 0 && (labels.get(i + 1) == Some(&(2 * k)) || is_inside(labels[i]) && i > 0);
    multi.then_some(4 + k as usize)
}

/// Label-dependent features of token `i` of the sentence starting at `sent_start`,
/// given the labels before it.
#[inline]
pub(super) fn dynamic_features(i: usize, sent_start: usize, labels: &[u8], w: &Word) -> [u64; 4] {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::people::tagger::tokenize;

    fn facts_of(text: &str) -> (DocView<'_>, DocFacts) {
        let toks = tokenize(text);
        let doc = DocView::from_tokens(text, &toks);
        let facts = doc_facts(&doc);
        (doc, facts)
    }

    /// The words of `text` that get scored.
    fn scored(text: &str) -> Vec<&str> {
        let (doc, facts) = facts_of(text);
        (0..doc.words.len())
            .filter(|&i| facts.scored(i))
            .map(|i| doc.words[i])
            .collect()
    }

    #[test]
    fn only_possible_name_words_are_scored() {
        let cases: &[(&str, &[&str])] = &[
            ("the bank of england said", &[]),
            ("the Bank of England said", &["Bank", "of", "England"]),
            ("Standard & Poor 's index", &["Standard", "&", "Poor"]),
            (
                "Boatmen 's Bancshares Inc",
                &["Boatmen", "'s", "Bancshares", "Inc"],
            ),
            // A connector needs a capitalised word on both sides.
            ("Paris and the rest of it", &["Paris"]),
            ("of Paris", &["Paris"]),
            ("Paris of", &["Paris"]),
            // Name particles are always scored.
            ("Ludwig van Beethoven", &["Ludwig", "van", "Beethoven"]),
            ("won 3-1 in 1996", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(scored(text), *want, "{text}");
        }
    }

    #[test]
    fn runs_of_capitalised_words() {
        let text = "He met the Bank of Canada chief and Mr. Smith .";
        let (doc, facts) = facts_of(text);
        let runs: Vec<Vec<&str>> = (0..doc.words.len())
            .filter(|&i| facts.runs[i].0 as usize == i && facts.runs[i].1 as usize > i)
            .map(|i| doc.words[i..facts.runs[i].1 as usize].to_vec())
            .collect();
        assert_eq!(
            runs,
            [
                vec!["He"],
                vec!["Bank", "of", "Canada"],
                vec!["Mr.", "Smith"]
            ]
        );
    }

    #[test]
    fn word_lists_match_as_written() {
        let cases: &[(&str, u32, bool)] = &[
            ("Inc", F_ORG_SUFFIX, true),
            ("inc", F_ORG_SUFFIX, false),
            ("AG", F_ORG_SUFFIX, true),
            ("BANK", F_ORG_HEAD, true),
            ("Bank", F_ORG_HEAD, true),
            ("United", F_TEAM, true),
            ("of", F_CONNECTOR, true),
            ("Of", F_CONNECTOR, false),
            ("'s", F_CONNECTOR, true),
            ("the", F_PLAIN, false),
            ("said", F_PLAIN, true),
            ("Said", F_PLAIN, false),
        ];
        for &(word, flag, want) in cases {
            assert_eq!(word_facts(word).flags & flag != 0, want, "{word}");
        }
    }

    #[test]
    fn wire_story_section_is_the_topic() {
        let cases = [
            ("SOCCER - LEEDS WIN .\nLeeds 2 Everton 1", true),
            ("RUGBY UNION - RESULTS .\nBath 20 Wasps 6", true),
            ("Leeds beat Everton 2-1 .", false),
            ("Tennis - Results", true),
            ("LONDON - Shares fell", false),
            ("A", false),
        ];
        for (text, has_topic) in cases {
            let (_, facts) = facts_of(text);
            assert_eq!(facts.topic != 0, has_topic, "{text}");
        }
    }

    #[test]
    fn feature_hashing_is_deterministic() {
        let text = "Bob Dole said Dole would win.";
        let (doc, facts) = facts_of(text);
        let again = doc_facts(&doc);
        for i in (0..doc.words.len()).filter(|&i| facts.scored(i)) {
            let s = (0, doc.words.len());
            let (mut a, mut b) = (Vec::new(), Vec::new());
            facts.static_features(i, s, &mut |h| a.push(h));
            again.static_features(i, s, &mut |h| b.push(h));
            assert_eq!(a, b);
            assert!(a.len() <= MAX_FEATURES);
        }
        assert_ne!(word_facts("Dole").form, word_facts("dole").form);
        assert_eq!(word_facts("DOLE").lower, word_facts("Dole").lower);
        assert_eq!(title_hash("AL-SUDANI"), form_hash("Al-Sudani"));
        assert_ne!(feat(T_LOWER, 7), feat(T_FORM, 7));
    }
}
