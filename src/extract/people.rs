//! People: full names of the people an article mentions.
//!
//! Candidates come from two sources. A statistical tagger ([`tagger`], an averaged
//! perceptron trained on the CoNLL-2003 English training data, shipped as weights)
//! marks person spans; the rules below complete it where they know better (a name that
//! only adds given names or initials to a tagger span, lowercase `al-Sudani` linking to
//! a full name) and then do the rest as before: canonical names, alias merging and
//! surname linking. Without weights (an empty `people/tagger.weights`) the rules run
//! alone. The rule steps:
//!
//! 1. **Tokenise** into words with byte spans. Abbreviations and initials keep their
//!    period (`Mr.`, `W.`, `U.S.`), internal hyphens and apostrophes stay inside a word
//!    (`al-Sudani`, `O'Brien`, `Jean-Luc`), and a possessive `'s`/`’s` is cut off the
//!    span but remembered.
//! 2. **Group** runs of capitalised words on one line, bridging lowercase name particles
//!    (`de`, `von der`, `bin`) and initials, into candidate sequences.
//! 3. **Trim** each sequence: everything up to its last title (`President`, `Mr.`,
//!    `Secretary`) goes, and so do leading non-name words (demonyms, weekdays,
//!    sentence starters like `The` or `Speaking`). Sequences with organisation or
//!    place words (`Authority`, `Bank`, `Gulf`, `West ...`) are dropped.
//! 4. **Decide** whether a two-plus-word remainder is a person: it needs evidence, i.e. a
//!    known given name first, a title before it, an initial inside, a `said`/`, who`
//!    after it, a known surname last, or its last word reappearing alone elsewhere.
//! 5. **Link** one-word mentions (`Blinken`, `al-Sudani`, `BLINKEN` in an all-caps
//!    headline) to the full names of the same article, wherever those appear. A lone
//!    surname with no full name survives only after a strong title (`Mr. Smith`,
//!    `President Abbas`), and is then the person's name (`King Fahd` for a monarch).
//! 6. **Read headlinese**: in an all-caps headline that names someone no other text
//!    does, a frequent surname or a titled word opening the subject of a headline verb
//!    is a person (`TREASURY'S BAKER SAYS`, `PRESIDENT REAGAN'S`), see
//!    `headline_person`.
//!
//! Names compare through [`person_key`] (lowercased, common Latin diacritics folded,
//! Arabic article dropped), so `al-Sudani`, `Al-Sudani` and `Sudani` are one surname.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::text::{fold, is_mark, titlecase};
use std::sync::LazyLock;

/// The word lists: sets of short strings looked up for every capitalised token, with
/// rustc-hash's Fx hash instead of the DoS-resistant SipHash the standard library
/// defaults to (the keys are our own lists, not attacker input).
type WordSet = FxHashSet<&'static str>;

pub mod tagger;

/// One person in one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// Canonical full name, as first written in full: "Mohammed Shia al-Sudani";
    /// or the one name the article knows the person by: "Baker", "King Fahd".
    pub name: String,
    /// Byte spans of every mention (full or partial) in the text.
    pub mentions: Vec<(usize, usize)>,
    /// `name` has a given name and a surname; otherwise it is a surname alone (or a
    /// monarch's name), which the archive may know in full (`index::people`).
    pub full: bool,
    /// Offices and titles written right before a mention, lowercase:
    /// `treasury secretary`, `white house chief of staff`, `president`.
    pub roles: Vec<String>,
    /// A surname alone with nothing but a verb to say it is a person (`Sumita
    /// says ...`, a headline's `VOLCKER SEES ...`): firms and teams "say" too, so
    /// it is a person only when the archive knows someone by that surname in full
    /// (`extract::resolve`). Not a mention for the article on its own.
    pub weak: bool,
}

// ---------------------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------------------

fn lines_set(data: &'static str) -> WordSet {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// Given names; see the data file's header for sources.
static GIVEN: LazyLock<WordSet> =
    LazyLock::new(|| lines_set(include_str!("people/given_names.txt")));

/// Whether `word` (as written: `Bank`) is a word of organisations' names.
pub(crate) fn is_org_word(word: &str) -> bool {
    ORG_WORDS.contains(word)
}

/// Whether `word` (as written: `Ronald`) is a known given name.
pub(crate) fn is_given_name(word: &str) -> bool {
    GIVEN.contains(word)
}

/// Frequent surnames: weak evidence for the last word of a two-word sequence.
static SURNAMES: LazyLock<WordSet> =
    LazyLock::new(|| lines_set(include_str!("people/surnames.txt")));

fn set(words: &[&'static str]) -> WordSet {
    words.iter().copied().collect()
}

/// Titles and honorifics strong enough to make a lone capitalised word a person
/// (`Mr. Smith`, `President Abbas`). Matched case-sensitively, as written before a name.
#[rustfmt::skip]
static STRONG_TITLES: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Prof.", "Professor",
        "Sen.", "Senator", "Rep.", "Representative", "Congressman", "Congresswoman", "Gov.",
        "Governor", "Gen.", "Lt.", "Col.", "Colonel", "Maj.", "Capt.", "Captain", "Adm.",
        "Admiral", "Sgt.", "Sergeant", "Cpl.", "Brig.", "Marshal", "President", "Premier",
        "Chancellor", "Minister", "Secretary", "Ambassador", "Envoy", "Mayor", "Judge",
        "Justice", "King", "Queen", "Prince", "Princess", "Sheikh", "Sheik", "Emir",
        "Crown", "Pope", "Cardinal", "Archbishop", "Bishop", "Rev.", "Reverend", "Rabbi",
        "Imam", "Ayatollah", "Hojatoleslam", "Sir", "Dame", "Lord", "Lady", "Baroness", "Baron", "Count",
        "Countess", "Duke", "Duchess", "Speaker", "Chairman", "Chairwoman", "Spokesman",
        "Spokeswoman", "Spokesperson", "Coach", "Msgr.", "Fr.", "Hon.", "Pres.", "Supt.",
        "Insp.", "Inspector", "Detective", "Officer", "Mme", "Mme.", "Mlle", "Herr", "Frau",
        "Señor", "Senor", "Sra.", "Sr.", "Dona", "Don",
    ])
});

/// Titles of office before a lone surname (`Secretary Lyng`, `Mr. Smith`): unlike
/// nobility (`Duke of Norfolk`, `Queen Elizabeth I`) they name the person by surname.
#[rustfmt::skip]
static OFFICE_TITLES: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Secretary", "President",
        "Chancellor", "Minister", "Premier", "Senator", "Sen.", "Governor", "Gov.", "Rep.",
        "Speaker", "Chairman", "Ambassador",
    ])
});

/// Title words that end a title phrase but are also ordinary words (`General Motors`,
/// `Chief Executive`): stripped, but not enough alone for a lone-surname person.
#[rustfmt::skip]
static WEAK_TITLES: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "General", "Major", "Chief", "Vice", "Deputy", "Leader", "Director", "Commander",
        "Chair", "Head", "Commissioner", "Attorney", "Counsel", "Executive", "Officer",
        "Lieutenant", "Private", "Corporal", "Field", "Agent", "Dean", "Rector", "Provost",
        "Editor", "Correspondent", "Manager", "Treasurer", "Clerk", "Sheriff", "Prosecutor",
        "Magistrate", "Father", "Brother", "Sister", "Mother", "Saint", "Coach", "Striker",
        "Midfielder", "Defender", "Goalkeeper", "Captain", "Skipper", "Champion",
        "Delegate", "Adviser", "Advisor", "Aide", "Negotiator", "Mediator", "Emissary",
        "Opposition", "Foreign", "Prime", "First", "Former", "Acting", "Interim",
    ])
});

/// Lowercase role nouns that, written just before a capitalised sequence, mark a person:
/// `spokesman Ned Price`, `analyst Jane Roe`, `striker Alan Shearer`.
#[rustfmt::skip]
static ROLE_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson",
        "analyst", "economist", "strategist", "leader", "chairman", "chairwoman", "chief",
        "director", "executive", "governor", "senator", "ambassador", "envoy", "general",
        "commander", "officer", "official", "lawyer", "attorney", "judge", "coach",
        "manager", "striker", "midfielder", "defender", "goalkeeper", "captain", "player",
        "champion", "rider", "driver", "batsman", "bowler", "pitcher", "seed", "teammate",
        "colleague", "writer", "author", "novelist", "poet", "artist", "singer", "actor",
        "actress", "director", "producer", "journalist", "reporter", "correspondent",
        "editor", "professor", "researcher", "scientist", "expert", "dealer", "trader",
        "broker", "banker", "investor", "founder", "owner", "candidate", "rival",
        "challenger", "incumbent", "premier", "chancellor", "mayor", "king", "queen",
        "prince", "princess", "sheikh", "cleric", "imam", "rabbi", "priest", "bishop",
        "archbishop", "pope", "dissident", "activist", "businessman", "businesswoman",
        "tycoon", "billionaire", "mr", "mrs", "ms", "dr", "widow", "wife", "husband", "son",
        "daughter", "brother", "sister", "father", "mother", "uncle", "nephew", "niece",
        "cousin", "aide", "adviser", "advisor", "deputy", "vice", "negotiator", "mediator",
        "lawmaker", "legislator", "congressman", "congresswoman", "diplomat", "guerrilla",
        "rebel", "commentator", "photographer", "designer", "architect", "economist",
        "sprinter", "runner", "swimmer", "boxer", "golfer", "cyclist", "skier", "jockey",
        "trainer", "winger", "forward", "fullback", "quarterback", "outfielder",
        "infielder", "catcher", "shortstop", "playmaker", "keeper", "all-rounder", "opener",
        "spinner", "chairperson", "presenter", "host", "hostage", "suspect", "defendant",
        "victim", "prisoner", "detainee", "soldier", "sergeant", "colonel", "lieutenant",
        "major", "admiral", "cardinal", "monk", "nun", "sister", "composer", "conductor",
        "pianist", "violinist", "filmmaker", "playwright",
    ])
});

/// Verbs of speech right after a sequence mark it as a person (`Lloyd Austin said`).
#[rustfmt::skip]
static SPEECH_VERBS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "said", "says", "told", "tells", "added", "adds", "wrote", "writes", "stated",
        "declared", "insisted", "argued", "explained", "recalled", "warned", "urged",
        "asked", "answered", "replied", "noted", "commented", "confirmed", "denied",
        "admitted", "acknowledged", "announced", "complained", "conceded", "claimed",
        "stressed", "suggested", "predicted", "believes", "thinks", "scored", "won", "beat",
        "finished", "resigned", "died", "met", "visited", "praised", "criticised",
        "criticized", "who", "whose", "himself", "herself",
    ])
});

/// What follows the subject of a headline in headlinese, lowercased: present-tense
/// verbs (`SMITH SAYS ...`), predicative adjectives (`SMITH CONFIDENT ...`), and `to` /
/// `will` for the future (`SMITH TO VISIT ...`).
#[rustfmt::skip]
static HEADLINE_VERBS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "says", "said", "sees", "urges", "warns", "calls", "denies", "expects", "forecasts",
        "predicts", "reiterates", "repeats", "opposes", "supports", "backs", "rejects",
        "asks", "proposes", "defends", "resigns", "wants", "signs", "vetoes", "nominates",
        "pledges", "promises", "vows", "insists", "threatens", "praises", "criticises",
        "criticizes", "meets", "visits", "tells", "admits", "doubts", "favours", "favors",
        "sets", "confirms", "announces", "hopes", "fears", "believes", "stresses",
        "welcomes", "blames", "agrees", "quits", "seeks", "confident", "optimistic",
        "pessimistic", "hopeful", "concerned", "to", "will",
    ])
});

/// Titles that make the next word of an all-caps headline a person's name
/// (`PRESIDENT SMITH SAYS`); title-cased for look-up. Narrower than [`STRONG_TITLES`],
/// whose `Crown`, `Count` or `Justice` lead other things in capitals.
#[rustfmt::skip]
static HEADLINE_TITLES: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "President", "Premier", "Chancellor", "Minister", "Secretary", "Senator", "Sen.",
        "Governor", "Gov.", "King", "Queen", "Prince", "Princess", "Sheikh", "Emir",
        "Ambassador", "Chairman", "Speaker", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr",
        "Dr.", "Pope", "Ayatollah", "Gen.", "Mayor",
    ])
});

/// Lowercase name particles that may sit inside a name: `Charles de Gaulle`,
/// `Ursula von der Leyen`, `Mohammed bin Salman`.
#[rustfmt::skip]
static PARTICLES: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "de", "da", "das", "do", "dos", "del", "della", "delle", "dei", "degli", "di", "du", "des",
        "la", "le", "van", "von", "der", "den", "ter", "ten", "zu", "bin", "ibn", "bint", "ben",
        "al", "el", "abu", "y", "e", "af", "av", "mac", "ould",
    ])
});

/// Capitalised words that are never (part of) a person's name when they lead a
/// sequence: function words and sentence starters, weekdays and months, demonyms,
/// countries, big cities and regions, department words of job titles.
#[rustfmt::skip]
static NON_NAME: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        // Function words, pronouns and frequent sentence starters.
        "The", "A", "An", "In", "On", "At", "By", "For", "From", "To", "Of", "With",
        "Without", "And", "But", "Or", "Nor", "So", "Yet", "If", "As", "Than", "That",
        "This", "These", "Those", "There", "Here", "It", "Its", "He", "She", "His", "Her",
        "Hers", "They", "Them", "Their", "We", "Our", "You", "Your", "I", "My", "Me", "Us",
        "Who", "Whom", "Whose", "What", "Which", "When", "Where", "Why", "How", "While",
        "Whilst", "After", "Before", "During", "Since", "Until", "Till", "Although",
        "Though", "Because", "Once", "Unless", "Whether", "Despite", "Under", "Over",
        "Into", "Onto", "About", "Against", "Between", "Among", "Amid", "Amongst", "Across",
        "Along", "Around", "Behind", "Beyond", "Near", "Inside", "Outside", "Through",
        "Throughout", "Toward", "Towards", "Upon", "Within", "Via", "Per", "Also", "Still",
        "Even", "Just", "Only", "Then", "Now", "Today", "Tonight", "Yesterday", "Tomorrow",
        "Earlier", "Later", "Meanwhile", "However", "Moreover", "Furthermore",
        "Nevertheless", "Instead", "Indeed", "Thus", "Therefore", "Otherwise", "Elsewhere",
        "Overall", "Finally", "First", "Second", "Third", "Last", "Next", "Some", "Many",
        "Most", "Much", "More", "Few", "Several", "All", "Both", "Each", "Every", "Any",
        "No", "Not", "None", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight",
        "Nine", "Ten", "Such", "Other", "Another", "According", "Speaking", "Asked",
        "Asking", "Meeting", "Talking", "Writing", "Reporting", "Following", "Addressing",
        "Responding", "Visiting", "Officials", "Police", "Sources", "Analysts", "Experts",
        "Witnesses", "Residents", "Critics", "Supporters", "Officers", "Troops", "Forces",
        "Reporters", "Journalists", "Several", "Will", "Would", "Could", "Should", "Can",
        "May", "Might", "Must", "Shall", "Did", "Does", "Do", "Is", "Are", "Was", "Were",
        "Be", "Been", "Has", "Have", "Had", "Not", "Yes", "Please", "Thanks", "Thank",
        "Dear", "Oh", "Well", "Like", "Unlike", "Let", "Like", "Mostly", "Already", "Again",
        "Never", "Always", "Often", "Sometimes", "Perhaps", "Maybe", "Nearly", "Almost",
        "About", "Exclusive", "Update", "Updated", "Breaking", "Analysis", "Opinion",
        "Editorial", "Photo", "Video", "Watch", "Read", "See", "Click", "Note", "Source",
        "Sources", "Advertisement", "Related", "Copyright", "Reuters", "Reuter", "AP", "AFP",
        "Bloomberg", "Xinhua", "Interfax", "Itar-Tass", "Tass", "Kyodo", "Yonhap",
        "Anadolu", "Page", "Section", "Chapter", "Figure", "Table", "Results", "Result",
        "Standings", "Scores", "Total", "Attendance", "Half-time", "Halftime", "Scorers",
        "Teams", "Group", "Division", "League", "Cup", "Round", "Final", "Semifinal",
        "Quarterfinal", "Men", "Women", "Men's", "Women's", "Open", "Grand", "Prix",
        "Championship", "Championships", "World", "Olympic", "Olympics", "Games", "Series",
        "Test", "Match", "Day", "Week", "Year", "Month", "Season", "Tour", "Stage", "Race",
        "Team", "Club", "Federation", "Association", "Society", "God", "Allah", "Lord",
        "Jesus", "Christ", "Islam", "Islamic", "Muslim", "Muslims", "Christian",
        "Christians", "Jewish", "Jews", "Catholic", "Catholics", "Protestant", "Sunni",
        "Shi'ite", "Shiite", "Hindu", "Buddhist", "Sikh", "Arab", "Arabs", "Kurd", "Kurds",
        "Kurdish", "Western", "Eastern", "Northern", "Southern", "Central", "Internet",
        "Twitter", "Facebook", "Google", "Microsoft", "Apple", "Amazon",
        "Israeli-Palestinian", "Democrat", "Democrats", "Democratic", "Republican",
        "Republicans", "Labour", "Labor", "Conservative", "Conservatives", "Liberal",
        "Liberals", "Tory", "Tories", "Socialist", "Socialists", "Communist", "Communists",
        "Green", "Greens", "Senate", "Congress", "Parliament", "Cabinet", "Government",
        "Administration", "Pentagon", "Kremlin", "Knesset", "Duma", "Bundestag", "Embassy",
        "Consulate", "Ministry", "Department", "Office", "House", "White", "Court",
        "Supreme", "State", "States", "Defense", "Defence", "Treasury", "Interior",
        "Finance", "Commerce", "Energy", "Health", "Trade", "Agriculture", "Education",
        "Transportation", "Transport", "Homeland", "Security", "Affairs", "Justice",
        "Economy", "Industry", "Intelligence", "Information", "Culture", "Environment",
        "Housing", "Labour", "Veterans", "Welfare", "Development", "Planning", "Public",
        "Home", "National", "International", "Federal", "Royal", "Imperial", "Prime",
        "Minister", "President", "Secretary", "Foreign", "Vice", "Deputy", "Former",
        "Acting", "Interim", "Senior", "Junior", "Chief", "Top", "New", "Old", "Great",
        "Grand", "Big", "Little", "Holy", "Mr", "Mrs", "Ms", "Sir", "Madam", "Ladies",
        "Gentlemen",
        // Weekdays and months.
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon",
        "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "January",
        "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
        "Sep", "Sept", "Oct", "Nov", "Dec", "Christmas", "Easter", "Ramadan", "Eid",
        "Hanukkah", "Passover", "Thanksgiving",
        // Compass and geography words that start place names.
        "North", "South", "East", "West", "Middle", "Upper", "Lower", "Greater", "Mount",
        "Lake", "Cape", "Port", "Fort", "Saint", "St.", "San", "Santa", "Los", "Las",
        // Demonyms.
        "American", "Americans", "British", "Briton", "Britons", "English", "Scottish",
        "Welsh", "Irish", "French", "German", "Germans", "Italian", "Italians", "Spanish",
        "Spaniard", "Portuguese", "Dutch", "Belgian", "Swiss", "Austrian", "Swedish",
        "Swede", "Norwegian", "Danish", "Dane", "Finnish", "Finn", "Icelandic", "Polish",
        "Pole", "Czech", "Slovak", "Hungarian", "Romanian", "Bulgarian", "Serbian", "Serb",
        "Serbs", "Croatian", "Croat", "Croats", "Bosnian", "Slovenian", "Albanian", "Greek",
        "Greeks", "Cypriot", "Turkish", "Turk", "Turks", "Russian", "Russians", "Ukrainian",
        "Ukrainians", "Belarusian", "Lithuanian", "Latvian", "Estonian", "Georgian",
        "Armenian", "Azerbaijani", "Azeri", "Kazakh", "Uzbek", "Turkmen", "Kyrgyz", "Tajik",
        "Afghan", "Afghans", "Pakistani", "Pakistanis", "Indian", "Indians", "Bangladeshi",
        "Sri", "Lankan", "Nepalese", "Chinese", "Japanese", "Korean", "Koreans",
        "Taiwanese", "Vietnamese", "Thai", "Cambodian", "Burmese", "Malaysian",
        "Indonesian", "Filipino", "Philippine", "Singaporean", "Australian", "Australians",
        "Zealander", "Canadian", "Canadians", "Mexican", "Mexicans", "Cuban", "Cubans",
        "Brazilian", "Argentine", "Argentinian", "Chilean", "Peruvian", "Colombian",
        "Venezuelan", "Bolivian", "Ecuadorian", "Uruguayan", "Paraguayan", "Haitian",
        "Jamaican", "Iraqi", "Iraqis", "Iranian", "Iranians", "Syrian", "Syrians",
        "Lebanese", "Jordanian", "Jordanians", "Israeli", "Israelis", "Palestinian",
        "Palestinians", "Egyptian", "Egyptians", "Saudi", "Saudis", "Emirati", "Qatari",
        "Kuwaiti", "Bahraini", "Omani", "Yemeni", "Yemenis", "Libyan", "Libyans",
        "Tunisian", "Algerian", "Moroccan", "Sudanese", "Ethiopian", "Eritrean", "Somali",
        "Kenyan", "Ugandan", "Tanzanian", "Rwandan", "Congolese", "Nigerian", "Nigerians",
        "Ghanaian", "Senegalese", "Malian", "Ivorian", "Cameroonian", "Angolan",
        "Zimbabwean", "Zambian", "Mozambican", "Namibian", "African", "Africans",
        "European", "Europeans", "Asian", "Asians", "Latin", "Arabian", "Persian", "Gulf",
        "Baltic", "Balkan", "Nordic", "Scandinavian", "Caucasian", "Pacific", "Atlantic",
        "Mediterranean", "Soviet", "Yugoslav", "Iranian-backed", "U.S.-backed",
        "Western-backed", "Russian-backed", "Saudi-led", "U.S.-led",
        // Countries, territories and big cities that lead place names.
        "Afghanistan", "Albania", "Algeria", "Angola", "Argentina", "Armenia", "Australia",
        "Austria", "Azerbaijan", "Bahrain", "Bangladesh", "Belarus", "Belgium", "Bolivia",
        "Bosnia", "Brazil", "Britain", "Bulgaria", "Burma", "Cambodia", "Cameroon",
        "Canada", "Chile", "China", "Colombia", "Congo", "Croatia", "Cuba", "Cyprus",
        "Denmark", "Ecuador", "Egypt", "England", "Eritrea", "Estonia", "Ethiopia",
        "Europe", "Finland", "France", "Germany", "Ghana", "Greece", "Guatemala", "Haiti",
        "Honduras", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland",
        "Israel", "Italy", "Japan", "Kazakhstan", "Kenya", "Korea", "Kosovo", "Kuwait",
        "Laos", "Latvia", "Lebanon", "Libya", "Lithuania", "Luxembourg", "Macedonia",
        "Malaysia", "Mali", "Mexico", "Moldova", "Mongolia", "Montenegro", "Morocco",
        "Mozambique", "Myanmar", "Nepal", "Netherlands", "Nicaragua", "Niger", "Nigeria",
        "Norway", "Oman", "Pakistan", "Palestine", "Panama", "Paraguay", "Peru",
        "Philippines", "Poland", "Portugal", "Qatar", "Romania", "Russia", "Rwanda",
        "Scotland", "Senegal", "Serbia", "Singapore", "Slovakia", "Slovenia", "Somalia",
        "Spain", "Sudan", "Sweden", "Switzerland", "Syria", "Taiwan", "Tajikistan",
        "Tanzania", "Thailand", "Tunisia", "Turkey", "Uganda", "Ukraine", "Uruguay",
        "Uzbekistan", "Venezuela", "Vietnam", "Wales", "Yemen", "Yugoslavia", "Zambia",
        "Zimbabwe", "Africa", "Asia", "America", "Americas", "Antarctica", "Arctic", "Gaza",
        "Baghdad", "Tehran", "Damascus", "Beirut", "Amman", "Cairo", "Riyadh", "Jerusalem",
        "Ankara", "Istanbul", "Moscow", "Kyiv", "Kiev", "Beijing", "Tokyo", "Seoul",
        "Pyongyang", "Delhi", "Mumbai", "Islamabad", "Kabul", "London", "Paris", "Berlin",
        "Rome", "Madrid", "Brussels", "Vienna", "Warsaw", "Prague", "Budapest", "Athens",
        "Geneva", "Washington", "Manhattan", "Brooklyn", "Chicago", "Boston", "Texas",
        "California", "Florida", "Hong", "Kong", "Tel", "Aviv", "Riyadh", "Dubai", "Doha",
        "Sanaa", "Mosul", "Basra", "Erbil", "Kirkuk", "Fallujah", "Ramallah", "Hebron",
        "Nablus", "Jenin", "Rafah", "Khan", "Sinai", "Golan", "Crimea", "Donbas",
        "Chechnya", "Kashmir", "Tibet", "Xinjiang", "Sahara", "Sahel", "Balkans",
        "Caucasus", "Levant", "Euro", "Ottoman", "Nazi", "Nazis", "NATO", "Hamas",
        "Hezbollah", "Taliban", "Fatah", "Houthi", "Houthis",
    ])
});

/// Words that make a sequence an organisation, a place or a thing, wherever they sit in
/// it (`Palestinian Authority`, `West Bank`, `Persian Gulf`, `Acme Corp`).
#[rustfmt::skip]
static ORG_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co", "Co.", "Ltd", "Ltd.", "Plc",
        "PLC", "LLC", "GmbH", "AG", "SA", "NV", "BV", "Company", "Companies", "Holdings",
        "Group", "Party", "Ministry", "Council", "Committee", "Commission", "University",
        "College", "School", "Institute", "Academy", "Bank", "Banks", "Bancorp", "Bankcorp",
        "Bancshares", "Associates", "Mart", "Savings", "Durables", "Husbandry", "Spa", "SpA",
        "Authority",
        "Authorities", "Agency", "Union", "Organization", "Organisation", "Airlines",
        "Airline", "Airways", "Air", "Association", "Federation", "Foundation", "Fund",
        "Trust", "Society", "Club", "League", "Army", "Navy", "Force", "Forces", "Guard",
        "Guards", "Brigade", "Brigades", "Corps", "Front", "Movement", "Alliance",
        "Coalition", "Congress", "Assembly", "Parliament", "Senate", "Court", "Tribunal",
        "Department", "Office", "Bureau", "Service", "Services", "Administration",
        "Government", "Cabinet", "Embassy", "Consulate", "Mission", "Police", "Hospital",
        "Church", "Mosque", "Temple", "Cathedral", "Museum", "Library", "Center", "Centre",
        "Stadium", "Arena", "Square", "St", "Avenue", "Road", "Bridge", "Airport",
        "Station", "Port", "Harbour", "Harbor", "Gulf", "Sea", "Ocean", "River", "Lake",
        "Valley", "Mountains", "Mountain", "Hills", "Island", "Islands", "Peninsula",
        "Strait", "Straits", "Canal", "Desert", "Strip", "Province", "County", "District",
        "Region", "Republic", "Kingdom", "Emirates", "Federation", "Territory",
        "Territories", "City", "Town", "Village", "Times", "Post", "Journal", "News",
        "Herald", "Tribune", "Gazette", "Telegraph", "Guardian", "Daily", "Weekly",
        "Magazine", "Press", "Television", "TV", "Radio", "Network", "Broadcasting",
        "Channel", "Motors", "Motor", "Electric", "Energy", "Oil", "Petroleum", "Gas",
        "Steel", "Systems", "Technologies", "Technology", "Software", "Pharmaceuticals",
        "Pharma", "Capital", "Partners", "Securities", "Investments", "Insurance",
        "Financial", "Exchange", "Market", "Markets", "Index", "Industries", "Industrial",
        "International", "Worldwide", "Global", "Mining", "Resources", "Communications",
        "Telecom", "Media", "Entertainment", "Studios", "Records", "Pictures", "Hotel",
        "Hotels", "Resort", "Restaurant", "Stores", "Store", "Mall", "Brands", "Foods",
        "Chemicals", "Labs", "Laboratories", "Health", "Healthcare", "Medical", "Treaty",
        "Accord", "Agreement", "Act", "Law", "Bill", "Plan", "Program", "Programme",
        "Initiative", "Project", "Operation", "Summit", "Conference", "Forum", "Festival",
        "Awards", "Award", "Prize", "Cup", "Trophy", "Championship", "Championships",
        "Open", "Games", "Olympics", "Grand", "Prix", "Series", "Tour", "Rally", "Marathon",
        "Derby", "Stakes", "United", "City", "Rovers", "Wanderers", "Athletic", "Athletico",
        "Atletico", "Sporting", "Real", "Dynamo", "Dinamo", "Spartak", "Lokomotiv",
        "Olympique", "Olympiakos", "Ajax", "Juventus", "Inter", "Milan", "Bayern",
        "Borussia", "Celtic", "Rangers", "Arsenal", "Chelsea", "Liverpool", "Everton",
        "Tottenham", "Hotspur", "Villa", "Albion", "Yankees", "Mets", "Sox", "Dodgers",
        "Giants", "Cubs", "Braves", "Cardinals", "Orioles", "Mariners", "Angels",
        "Athletics", "Twins", "Tigers", "Indians", "Royals", "Rockies", "Padres", "Pirates",
        "Reds", "Phillies", "Marlins", "Expos", "Astros", "Brewers", "Rays", "Jays",
        "Lakers", "Celtics", "Bulls", "Knicks", "Nets", "Spurs", "Rockets", "Jazz",
        "Warriors", "Clippers", "Suns", "Kings", "Bucks", "Pistons", "Pacers", "Hawks",
        "Hornets", "Raptors", "Cowboys", "Patriots", "Packers", "Steelers", "Eagles",
        "Bears", "Jets", "Dolphins", "Broncos", "Chiefs", "Raiders", "Chargers", "Seahawks",
        "49ers", "Saints", "Falcons", "Panthers", "Buccaneers", "Vikings", "Lions", "Colts",
        "Titans", "Jaguars", "Texans", "Ravens", "Browns", "Bengals", "Bills", "Commanders",
        "Redskins", "Oilers", "Canucks", "Flames", "Maple", "Leafs", "Canadiens", "Bruins",
        "Sabres", "Senators", "Islanders", "Devils", "Flyers", "Penguins", "Capitals",
        "Hurricanes", "Lightning", "Predators", "Blackhawks", "Wings", "Avalanche",
        "Coyotes", "Ducks", "Sharks", "Knights", "Kraken", "Whalers", "Nordiques", "Jets",
        "Middle", "East", "West", "North", "South", "Northern", "Southern", "Eastern",
        "Western", "Coast", "Point", "Heights", "Springs", "Falls", "Beach", "Creek",
        "Fields", "Gardens", "Palace", "Towers", "Building", "Plaza", "Boulevard",
        "Highway", "Route", "Lines", "Railway", "Railways", "Express", "Shipping",
        "Logistics", "Airbus", "Boeing", "Toyota", "Nissan", "Volkswagen", "Mercedes",
        "BMW", "Fiat", "Renault", "Peugeot", "Hyundai", "Samsung", "Sony", "Nokia",
        "Siemens", "Shell", "Exxon", "Mobil", "Chevron", "Texaco", "Gazprom", "Aramco",
        "Citigroup", "Barclays", "HSBC", "Lloyds", "Deutsche", "Credit", "Suisse", "Dow",
        "Nasdaq", "Reuters", "Associated", "Agence", "France-Presse", "Bloomberg", "Xinhua",
        "Al-Jazeera", "Jazeera", "Arabiya", "Sky", "CNN", "BBC", "Brotherhood", "Jihad",
        "State", "Kurdistan", "Mobilization", "Mobilisation", "Popular", "Revolutionary",
        "Islamic", "Liberation", "Resistance", "Democratic", "Socialist", "Communist",
        "Republican", "Nationalist", "Labour", "Labor", "Conservative", "Liberal",
        "Christian", "Catholic", "Orthodox", "Protestant", "Muslim", "Jewish", "Zionist",
        "Arab", "European", "Asian", "African", "American", "Atlantic", "Pacific", "Indian",
        "Arctic", "Soviet", "Union's", "Nations", "Council's", "Day", "Week", "War", "Wars",
        "Revolution", "Crisis", "Era", "Age", "Empire", "Dynasty", "Regime", "Bible",
        "Koran", "Quran", "Torah", "Gospel", "Constitution", "Charter", "Declaration",
        "Index", "Prize", "Medal", "Order", "Crescent",
    ])
});

/// Given names that are also everyday words (`Will`, `Mark`, `Grant`): only evidence
/// when they are not the first word of a sentence.
#[rustfmt::skip]
static AMBIGUOUS_GIVEN: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "Will", "Mark", "Bill", "Grant", "Rich", "Joy", "Hope", "Faith", "Grace", "Chance",
        "Guy", "Ray", "Rose", "Lane", "Page", "Rocky", "Sky", "Summer", "Autumn", "Winter",
        "Star", "Dawn", "Ivy", "Holly", "Lily", "Iris", "Pearl", "Ruby", "Crystal", "Amber",
        "Angel", "Art", "Buck", "Cliff", "Dale", "Dean", "Drew", "Earl", "Frank", "Gene",
        "Glen", "Hunter", "Jack", "Lance", "Miles", "Pat", "Price", "Reed", "Rod",
        "Sterling", "Van", "Wade", "Ward", "Young", "Bob", "Sunny", "Misty", "Penny",
        "Sandy", "Rusty", "Dusty", "Bud", "Chip", "Chuck", "Carol", "Robin", "Jean",
        "Precious", "Destiny", "Harmony", "Melody", "Hazel", "Violet", "Jade", "Olive",
        "King", "Prince", "Major", "Judge", "Said", "Abu", "Shia", "Sun", "Deng", "Long",
        "Gay", "Fern", "Heather", "Daisy", "Bunny", "Candy", "Brandy", "Sherry", "Ginger",
        "Cherry", "Ivory", "Tad", "Royal", "Duke", "Noble", "Chase", "Cash", "Gale", "Kay",
        "Bishop", "Don", "Doc", "Lee", "Min", "Hong", "Kong", "Van", "Le", "Tran", "Golden",
        "Pierce", "Woody", "Marshall", "Carter", "Forest", "Rock", "August", "Jordan",
        "Chad", "Israel", "Georgia", "Paris", "China", "Florence", "Victoria", "Adelaide",
        "Austin", "Dallas", "Houston", "Denver", "Phoenix", "Sydney", "Lincoln", "Madison",
        "Jackson", "Clinton", "Cleveland", "Tyrone", "Kent", "Devon", "Sharon", "Aurora",
        "Asia", "India", "Africa", "America", "Kenya", "Jamaica",
    ])
});

// ---------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------

/// How a word is written, which decides whether it can be part of a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
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
struct Token {
    start: usize,
    /// End of the word proper, without a possessive `'s`.
    end: usize,
    shape: Shape,
    /// Followed by `'s`/`’s` (cut from `end`): a name cannot go on past it.
    possessive: bool,
    /// First word of a sentence or of a line.
    sentence_start: bool,
    /// Index of the line the token is on (lines are split by `\n`).
    line: u32,
}

/// Abbreviations that keep their period (and so do not end a sentence).
#[rustfmt::skip]
static ABBREVIATIONS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Maj", "Capt",
        "Adm", "Sgt", "Cpl", "Brig", "Rev", "Msgr", "Fr", "Hon", "Pres", "Supt", "Insp", "St",
        "Jr", "Sr", "Sra", "Mme", "Inc", "Corp", "Ltd", "Co", "No", "Mt", "Ft", "Jan", "Feb",
        "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs", "etc", "Bros",
        "Messrs", "Gens", "Sens", "Reps",
    ])
});

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into word tokens. Punctuation is not kept as tokens, but the facts the
/// rules need about it are: sentence starts, and a `,` or `(` between words (see
/// [`gap_has`]).
fn tokenize(text: &str) -> Vec<Token> {
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
                    || ABBREVIATIONS.contains(word);
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

fn shape_of(word: &str) -> Shape {
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
fn gap_has(text: &str, a: &Token, b: &Token, c: char) -> bool {
    text.get(a.end..b.start).is_some_and(|g| g.contains(c))
}

/// Whether only spaces (no punctuation, no line break) lie between two tokens; a
/// possessive on the first always ends a name.
fn joined(text: &str, a: &Token, b: &Token) -> bool {
    !a.possessive
        && a.line == b.line
        && text
            .get(a.end..b.start)
            .is_some_and(|g| !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{a0}'))
}

// ---------------------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------------------

/// Normalised form of a name or name word for comparing mentions: lowercase, common
/// Latin diacritics folded (`Erdoğan` = `Erdogan`), curly apostrophes made straight,
/// a leading Arabic article dropped (`al-Sudani` = `Al-Sudani` = `Sudani`) and inner
/// whitespace collapsed.
pub fn person_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (n, word) in name.split_whitespace().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        let lower_prefix = word
            .split_once('-')
            .filter(|(pre, rest)| {
                matches!(
                    pre.to_lowercase().as_str(),
                    "al" | "el" | "ad" | "ash" | "as" | "at" | "an" | "ar" | "az"
                ) && !rest.is_empty()
            })
            .map(|(_, rest)| rest);
        let word = lower_prefix.unwrap_or(word);
        for c in word.chars() {
            if c == '’' {
                out.push('\'');
                continue;
            }
            if is_mark(c) {
                continue;
            }
            for l in c.to_lowercase() {
                out.push(fold(l));
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Candidates
// ---------------------------------------------------------------------------------------

/// A trimmed capitalised sequence: tokens `first..=last` of the token list.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    first: usize,
    last: usize,
    /// A title or role noun stood right before the name.
    title: Title,
    /// Some outside evidence (speech verb, `, who`, age) follows it.
    followed: bool,
    /// The statistical tagger marked exactly this span as a person.
    model: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Title {
    None,
    Weak,
    Strong,
}

impl Candidate {
    fn words(&self) -> usize {
        self.last + 1 - self.first
    }
}

/// Lines whose words are nearly all capitalised or all caps: headlines. Words there say
/// nothing about being names, so they only link to people found elsewhere.
fn headline_lines(text: &str, tokens: &[Token]) -> FxHashSet<u32> {
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

fn word<'a>(text: &'a str, t: &Token) -> &'a str {
    &text[t.start..t.end]
}

/// Whether the token is a strong or weak title word as written.
fn title_of(w: &str) -> Title {
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
fn is_noise_word(w: &str) -> bool {
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
fn candidates(text: &str, tokens: &[Token], headlines: &FxHashSet<u32>) -> Vec<Candidate> {
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
static THING_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
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
static NOT_NAME_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
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
static TRAILING_DATES: LazyLock<WordSet> = LazyLock::new(|| {
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
fn leads_nothing(text: &str, tokens: &[Token], k: usize, b: usize) -> bool {
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
fn trim_run(text: &str, tokens: &[Token], a: usize, b: usize, out: &mut Vec<Candidate>) {
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

fn push_candidate(
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
fn followed_by_evidence(text: &str, tokens: &[Token], last: usize) -> bool {
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

// ---------------------------------------------------------------------------------------
// Linking
// ---------------------------------------------------------------------------------------

#[derive(Debug)]
struct Acc {
    name: String,
    /// Name words in the canonical form (count decides which form wins).
    words: usize,
    first_key: String,
    last_key: String,
    /// Lowercase particles right before the surname in the canonical form (`de`).
    particles: Vec<String>,
    mentions: Vec<(usize, usize)>,
    /// Only the archive can confirm it (see [`Person::weak`]).
    weak: bool,
}

fn name_of(text: &str, tokens: &[Token], first: usize, last: usize) -> String {
    let mut name = String::new();
    for t in &tokens[first..=last] {
        if !name.is_empty() {
            name.push(' ');
        }
        name.push_str(word(text, t));
    }
    name
}

/// Whether two first-word keys can be the same person: equal, or an initial of the other.
pub(crate) fn first_compatible(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let initial = |s: &str| s.len() <= 2 && s.ends_with('.');
    (initial(a) && b.starts_with(&a[..1]))
        || (initial(b) && a.starts_with(&b[..1]))
        || same_given_name(a, b)
}

/// English given names and the short forms people go by (`Jim Wright` is `James
/// Wright`), lowercase: each row is one name. Facts of common usage, as listed in
/// any dictionary of given names.
#[rustfmt::skip]
const NICKNAMES: &[&[&str]] = &[
    &["james", "jim", "jimmy", "jamie"], &["robert", "bob", "bobby", "rob", "robbie", "bert"],
    &["william", "bill", "billy", "will", "willie", "willy"], &["richard", "dick", "rick", "ricky", "rich"],
    &["michael", "mike", "mick", "mickey"], &["thomas", "tom", "tommy"], &["anthony", "antony", "tony"],
    &["edward", "ed", "eddie", "ted", "teddy", "ned"], &["kenneth", "ken", "kenny"], &["joseph", "joe", "joey"],
    &["daniel", "dan", "danny"], &["david", "dave", "davy"], &["stephen", "steven", "steve"],
    &["christopher", "chris"], &["patrick", "pat", "paddy"], &["peter", "pete"], &["samuel", "sam", "sammy"],
    &["ronald", "ron", "ronnie"], &["donald", "don", "donnie"], &["gerald", "gerry", "jerry"],
    &["lawrence", "laurence", "larry"], &["andrew", "andy", "drew"], &["timothy", "tim", "timmy"],
    &["frederick", "frederic", "fred", "freddie"], &["albert", "al", "bert"], &["alan", "allan", "allen", "al"],
    &["benjamin", "ben", "benny"], &["charles", "charlie", "chuck"], &["henry", "hank", "harry"],
    &["john", "jack", "johnny"], &["nicholas", "nick", "nicky"], &["philip", "phillip", "phil"],
    &["gregory", "greg"], &["jeffrey", "geoffrey", "jeff", "geoff"], &["matthew", "matt"],
    &["alexander", "alex", "sandy"], &["elizabeth", "liz", "beth", "betty", "lizzie"],
    &["katherine", "catherine", "kathryn", "kate", "kathy", "cathy", "katie"], &["margaret", "maggie", "peggy", "meg"],
    &["susan", "sue", "susie"], &["jennifer", "jenny", "jen"], &["rebecca", "becky"], &["deborah", "debbie", "deb"],
    &["patricia", "pat", "patty", "trish"], &["barbara", "barb"], &["walter", "walt"], &["raymond", "ray"],
    &["douglas", "doug"], &["leonard", "leo", "len", "lenny"], &["eugene", "gene"], &["vincent", "vince"],
    &["terence", "terrence", "terry"], &["arthur", "art"], &["francis", "frank"], &["franklin", "frank"],
    &["harold", "hal", "harry"], &["jerome", "jerry"], &["zachary", "zach"], &["nathaniel", "nathan", "nat"],
    &["joshua", "josh"], &["jonathan", "jon"], &["mitchell", "mitch"], &["herbert", "herb"],
    &["clifford", "cliff"], &["bradley", "brad"], &["randolph", "randy"], &["stanley", "stan"],
];

/// Whether two given-name keys (lowercase) are one name, full or short.
fn same_given_name(a: &str, b: &str) -> bool {
    NICKNAMES
        .iter()
        .any(|row| row.contains(&a) && row.contains(&b))
}

/// How many of the census list's surnames (ordered by frequency) count as common.
const COMMON_SURNAMES: usize = 100;

/// Whether `word` (as written in the list: `Baker`) is among the most common US
/// surnames: a lone `Johnson` or `Baker` could be anyone, so the archive links it
/// to a full name only when the article's context agrees (see `extract::resolve`).
pub(crate) fn is_common_surname(word: &str) -> bool {
    static COMMON: LazyLock<WordSet> = LazyLock::new(|| {
        include_str!("people/surnames.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .take(COMMON_SURNAMES)
            .collect()
    });
    COMMON.contains(word)
}

/// Whether a multi-word candidate has enough evidence to be a person.
fn is_person(text: &str, tokens: &[Token], c: &Candidate, lone_keys: &FxHashSet<String>) -> bool {
    if c.model || c.title != Title::None || c.followed {
        return true;
    }
    let first = &tokens[c.first];
    let fw = word(text, first);
    if first.shape == Shape::Initial
        || tokens[c.first..=c.last]
            .iter()
            .any(|t| t.shape == Shape::Initial)
    {
        return true;
    }
    if GIVEN.contains(fw) && !(first.sentence_start && AMBIGUOUS_GIVEN.contains(fw)) {
        return true;
    }
    let lw = word(text, &tokens[c.last]);
    if lone_keys.contains(&person_key(lw)) {
        return true;
    }
    if !first.sentence_start && c.words() == 2 && SURNAMES.contains(lw) && !NON_NAME.contains(fw) {
        return true;
    }
    false
}

/// Whether a person's name is badly formed, whatever said it was a person: an
/// initial alone or at the end (`P.`, `Frank B.`), a lowercase particle at the
/// end (`Caisse de`), or a word that is never a name's (`H.K. Dlrs`, `Shr`).
fn is_malformed(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let initial =
        |w: &&str| w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 2;
    let Some(last) = words.last() else {
        return true;
    };
    // An organisation's word anywhere but in a given name's place (`Soo Line`,
    // `San Sebastian Gold Mine`).
    let org_word =
        |w: &&str| ORG_WORDS.contains(*w) && !GIVEN.contains(*w) && !SURNAMES.contains(*w);
    words.iter().all(initial)
        || words.len() > 1 && words[1..].iter().any(org_word)
        || words.len() == 1 && {
            // An office alone (`General`), unless a surname too (`Major`, `King`).
            let titled = titlecase(last);
            title_of(&titled) != Title::None && !SURNAMES.contains(titled.as_str())
        }
        || words.len() > 1 && initial(last)
        || PARTICLES.contains(*last)
        || words.iter().any(|w| {
            let titled = titlecase(w);
            // A given name among them is a name's (`Brent Beesley`); `Brent` alone
            // is the crude.
            (NOT_NAME_WORDS.contains(*w) || NOT_NAME_WORDS.contains(titled.as_str()))
                && (words.len() == 1 || !GIVEN.contains(titled.as_str()))
        })
}

/// People in `text` (title, blank line, body), in order of first mention: the
/// people the article alone says are people (no [`Person::weak`] ones).
pub fn find_people(text: &str) -> Vec<Person> {
    let unwrapped = unwrap_hard_wrapped_lines(text);
    let spans = tagger::MODEL.as_ref().map(|m| m.person_spans(&unwrapped));
    let mut people = people_in(&unwrapped, spans.as_deref());
    people.retain(|p| !p.weak);
    people
}

/// People in `text` as [`unwrap_hard_wrapped_lines`] returns it, given the
/// tagger's person spans (`None` without a model), so that one tagging run
/// serves people and organisations alike.
pub fn people_in(text: &str, spans: Option<&[(usize, usize)]>) -> Vec<Person> {
    let tokens = tokenize(text);
    if tokens.is_empty() {
        return Vec::new();
    }
    let headlines = headline_lines(text, &tokens);
    let rule_cands = candidates(text, &tokens, &headlines);
    // Surnames written alone somewhere: evidence that a longer form is a person.
    let lone_keys: FxHashSet<String> = rule_cands
        .iter()
        .filter(|c| c.words() == 1)
        .map(|c| person_key(word(text, &tokens[c.first])))
        .collect();
    let cands = match spans {
        None => rule_cands,
        Some(spans) => merge_candidates(
            text,
            &tokens,
            model_candidates(text, &tokens, &headlines, spans),
            rule_cands,
            &lone_keys,
        ),
    };

    let mut people: Vec<Acc> = Vec::new();
    let mut rest: Vec<&Candidate> = Vec::new();
    for c in &cands {
        // `de Gaulle`: a surname with its particle, linked like the surname alone.
        let particle_led = tokens[c.first].shape == Shape::Lower;
        if c.words() < 2 || particle_led || !is_person(text, &tokens, c, &lone_keys) {
            rest.push(c);
            continue;
        }
        let first_key = person_key(word(text, &tokens[c.first]));
        let last_key = person_key(word(text, &tokens[c.last]));
        let span = (tokens[c.first].start, tokens[c.last].end);
        let words = c.words();
        let existing = people
            .iter_mut()
            .find(|p| p.last_key == last_key && first_compatible(&p.first_key, &first_key));
        match existing {
            Some(p) => {
                p.mentions.push(span);
                if words > p.words {
                    p.name = name_of(text, &tokens, c.first, c.last);
                    p.words = words;
                    p.first_key = first_key;
                }
            }
            None => {
                let particles = tokens[c.first..c.last]
                    .iter()
                    .rev()
                    .take_while(|t| t.shape == Shape::Lower)
                    .map(|t| word(text, t).to_string())
                    .collect();
                people.push(Acc {
                    name: name_of(text, &tokens, c.first, c.last),
                    words,
                    first_key,
                    last_key,
                    particles,
                    mentions: vec![span],
                    weak: false,
                });
            }
        }
    }

    // Lone words: mentions of a full name, or (after a strong title) a person known
    // only by surname.
    for c in rest {
        let t = &tokens[c.last];
        let key = person_key(word(text, t));
        // The tagger's one capitalised word on a headline says little (`BROOK`,
        // `MA`, a firm's `JOHN`): only the archive can confirm it.
        let headline_word = t.shape == Shape::Caps && headlines.contains(&t.line);
        let model = c.model && !headline_word;
        let strong = model || c.title == Title::Strong || c.title == Title::Weak && c.followed;
        if let Some(idx) = pick_person(&people, &key, t.start) {
            let mut start = extend_particles(text, &tokens, c.last, &people[idx].particles);
            if c.model {
                start = start.min(tokens[c.first].start);
            }
            people[idx].mentions.push((start, t.end));
            // `KING HARALD` on the headline, then `King Harald`: a person after all.
            people[idx].weak &= !strong;
            continue;
        }
        if c.model && c.words() > 1 {
            // A particle-led name the tagger found, with no fuller form.
            people.push(Acc {
                name: name_of(text, &tokens, c.first, c.last),
                words: c.words(),
                first_key: person_key(word(text, &tokens[c.first])),
                last_key: key,
                particles: Vec::new(),
                mentions: vec![(tokens[c.first].start, t.end)],
                weak: false,
            });
            continue;
        }
        if c.words() != 1 {
            continue;
        }
        let w = word(text, t);
        // `Dole said` alone is not enough: on CoNLL-2003 dev it cost more precision
        // (firms and teams also "say") than it gained recall.
        if NON_NAME.contains(w) || ORG_WORDS.contains(w) {
            continue;
        }
        let evidence = c.followed || verb_follows(text, &tokens, c.last) || c.model;
        let weak = !strong && evidence && could_be_surname(&titlecase(w));
        if strong || weak {
            people.push(Acc {
                name: w.to_string(),
                words: 1,
                first_key: key.clone(),
                last_key: key,
                particles: Vec::new(),
                mentions: vec![(t.start, t.end)],
                weak,
            });
        }
    }

    // A person an all-caps headline names in headlinese, where nothing else names them.
    let mut taken_until = 0;
    for k in 0..tokens.len() {
        let t = &tokens[k];
        if t.shape != Shape::Caps || t.start < taken_until || !headlines.contains(&t.line) {
            continue;
        }
        let key = person_key(&titlecase(word(text, &tokens[k])));
        let Some(first) = headline_person(text, &tokens, k) else {
            // Headlinese that only the archive can confirm: `VOLCKER SEES ...`.
            if headline_subject(text, &tokens, k) && pick_person(&people, &key, t.start).is_none() {
                people.push(Acc {
                    name: titlecase(word(text, t)),
                    words: 1,
                    first_key: key.clone(),
                    last_key: key,
                    particles: Vec::new(),
                    mentions: vec![(t.start, t.end)],
                    weak: true,
                });
                taken_until = t.end;
            }
            continue;
        };
        if pick_person(&people, &key, tokens[k].start).is_some() {
            continue;
        }
        let span = (tokens[first].start, tokens[k].end);
        if span.0 < taken_until {
            // `PARKER FIRMLY OPPOSES`: the "given name" is the surname just found.
            continue;
        }
        taken_until = span.1;
        // `CARL ICAHN`: a given name taken alone before goes into the full name.
        people.retain(|p| !p.mentions.iter().all(|m| span.0 <= m.0 && m.1 <= span.1));
        let name: Vec<String> = tokens[first..=k]
            .iter()
            .map(|t| titlecase(word(text, t)))
            .collect();
        people.push(Acc {
            first_key: person_key(&name[0]),
            last_key: key,
            name: name.join(" "),
            words: name.len(),
            particles: Vec::new(),
            mentions: vec![span],
            weak: false,
        });
    }

    // All-caps words and headline words only link to people found above.
    if !people.is_empty() {
        for (k, t) in tokens.iter().enumerate() {
            if !(t.shape == Shape::Caps || t.shape == Shape::Cap && headlines.contains(&t.line)) {
                continue;
            }
            let w = word(text, t);
            // A plain ASCII word keys to itself in lower case, and most match nobody:
            // those are skipped without building the key.
            if w.bytes().all(|b| b.is_ascii_alphabetic())
                && !people.iter().any(|p| p.last_key.eq_ignore_ascii_case(w))
            {
                continue;
            }
            let key = person_key(&titlecase(w));
            let Some(idx) = pick_person(&people, &key, t.start) else {
                continue;
            };
            let mut start = t.start;
            if k > 0 && joined(text, &tokens[k - 1], t) {
                let pk = person_key(&titlecase(word(text, &tokens[k - 1])));
                if pk == people[idx].first_key {
                    start = tokens[k - 1].start;
                }
            }
            people[idx].mentions.push((start, t.end));
        }
    }

    let mut out: Vec<Person> = people
        .into_iter()
        .map(|mut p| {
            p.mentions.sort_unstable();
            p.mentions.dedup();
            // A span inside another one (a headline re-match) is one mention.
            let mut kept: Vec<(usize, usize)> = Vec::with_capacity(p.mentions.len());
            for m in p.mentions {
                match kept.last() {
                    Some(&(_, e)) if m.0 < e => {}
                    _ => kept.push(m),
                }
            }
            let name = if p.words == 1 {
                one_word_name(text, p.name, &kept)
            } else {
                p.name
            };
            let mut roles: Vec<String> = Vec::new();
            for &(start, _) in &kept {
                let k = tokens.partition_point(|t| t.start < start);
                if k < tokens.len()
                    && tokens[k].start == start
                    && let Some(role) = role_before(text, &tokens, k)
                    && !roles.contains(&role)
                {
                    roles.push(role);
                }
            }
            Person {
                weak: p.weak,
                full: p.words >= 2 && !name.chars().next().is_some_and(char::is_lowercase),
                name,
                mentions: kept,
                roles,
            }
        })
        .collect();
    out.retain(|p| !is_malformed(&p.name));
    out.sort_by_key(|p| p.mentions.first().map_or(usize::MAX, |m| m.0));
    out
}

/// The name of a person known by one word: as some mention writes it in mixed case
/// (`Fahd`, not a headline's `FAHD`), after the royal title monarchs are known by
/// (`King Fahd`, `Queen Elizabeth`).
fn one_word_name(text: &str, name: String, mentions: &[(usize, usize)]) -> String {
    let mixed = mentions
        .iter()
        .map(|&(s, e)| &text[s..e])
        .find(|m| m.chars().any(char::is_lowercase) && !m.contains(' '));
    let name = match mixed {
        Some(m) if !name.chars().any(char::is_lowercase) => m.to_string(),
        // Only ever in capitals (a headline): `VOLCKER` is `Volcker`.
        _ if !name.chars().any(char::is_lowercase) => titlecase(&name),
        _ => name,
    };
    match mentions
        .iter()
        .find_map(|&(s, _)| royal_title_before(text, s))
    {
        Some(title) => format!("{title} {name}"),
        None => name,
    }
}

/// Lowercase words that may sit inside a title before a name (`Chancellor of the
/// Exchequer`, `Secretary for Trade`).
const ROLE_CONNECTORS: &[&str] = &["of", "the", "for", "and"];

/// Words that start a sentence or a clause rather than a title.
const ROLE_STOPS: &[&str] = &[
    "The", "A", "An", "And", "But", "Or", "As", "Said", "Says", "Told", "With", "By", "For",
    "From", "In", "On", "At", "To", "That", "When", "While", "After", "Before", "Former",
];

/// The office or title written right before token `k` (the first token of a
/// mention), lowercase: `treasury secretary` in `U.S. Treasury Secretary James Baker`,
/// `chancellor of the exchequer`, `president`, or the owner in a headline's `WHITE
/// HOUSE'S BAKER` (`white house`). Countries and demonyms end it (`U.S.`,
/// `British`): they say where, not which office. `None` when the words before hold
/// no title, role noun or owner.
fn role_before(text: &str, tokens: &[Token], k: usize) -> Option<String> {
    const MAX_WORDS: usize = 6;
    let mut words: Vec<String> = Vec::new();
    let mut titled = false;
    let mut owner = false;
    let mut j = k;
    while j > 0 && words.len() < MAX_WORDS {
        let (prev, cur) = (&tokens[j - 1], &tokens[j]);
        let possessive_link = prev.possessive
            && prev.line == cur.line
            && text.get(prev.end..cur.start).is_some_and(|g| {
                g.len() <= 6
                    && g.trim_start_matches(['\'', '’', 's', 'S'])
                        .trim()
                        .is_empty()
            });
        if !(joined(text, prev, cur) || possessive_link && words.is_empty()) {
            break;
        }
        let w = word(text, prev);
        let lower = w.to_lowercase();
        match prev.shape {
            Shape::Lower if ROLE_CONNECTORS.contains(&lower.as_str()) => {}
            Shape::Lower if ROLE_NOUNS.contains(lower.as_str()) => titled = true,
            Shape::Cap | Shape::Caps => {
                let titled_form = if prev.shape == Shape::Caps {
                    titlecase(w)
                } else {
                    w.to_string()
                };
                if ROLE_STOPS.contains(&titled_form.as_str())
                    || super::countries::is_country_name(&titled_form)
                    || w.contains('.') && prev.shape == Shape::Caps
                {
                    break;
                }
                if title_of(&titled_form) != Title::None {
                    titled = true;
                }
                owner |= possessive_link;
            }
            _ => break,
        }
        words.push(lower);
        j -= 1;
        if prev.sentence_start {
            break;
        }
    }
    while words
        .last()
        .is_some_and(|w| ROLE_CONNECTORS.contains(&w.as_str()))
    {
        words.pop();
    }
    words.reverse();
    if words.is_empty() || !(titled || owner) {
        return None;
    }
    Some(words.join(" "))
}

/// The royal title written (any case) right before byte `at`, one space between.
fn royal_title_before(text: &str, at: usize) -> Option<&'static str> {
    let before = text[..at].strip_suffix(' ')?;
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let w = &before[start..];
    ROYAL_TITLES
        .iter()
        .copied()
        .find(|t| t.eq_ignore_ascii_case(w))
}

/// The titles monarchs are known by, with their one name (`King Fahd`).
pub(crate) const ROYAL_TITLES: &[&str] =
    &["King", "Queen", "Prince", "Princess", "Emperor", "Empress"];

/// Whether token `k`, all caps on a headline, is the surname of a person the headline
/// names, and if so the token the name starts on (a given name before it).
///
/// Capitals say nothing about names, so the word needs evidence on both sides. Before
/// it: it opens the subject (`FED'S HELLER`, `PRESIDENT REAGAN`, `SAYS REAGAN`, not
/// the end of a firm's name as in `NEWMONT GOLD SEES`), and it is a frequent surname
/// or has a title or a given name before it. After it: a headline verb, not one whose
/// subject is `IT` (`SMITH SAYS IT WILL` is a firm), or a possessive after a title or
/// given name (`CHANCELLOR KOHL'S`).
fn headline_person(text: &str, tokens: &[Token], k: usize) -> Option<usize> {
    let t = &tokens[k];
    if t.shape != Shape::Caps {
        return None;
    }
    let verb = headline_verb_after(text, tokens, k);
    if verb.is_none() && !t.possessive {
        return None;
    }
    // The all-caps word right before token `j` (spaces between), title-cased.
    let caps_before = |j: usize| {
        (j > 0 && tokens[j - 1].shape == Shape::Caps && joined(text, &tokens[j - 1], &tokens[j]))
            .then(|| titlecase(word(text, &tokens[j - 1])))
    };
    let mut first = k;
    if let Some(g) = caps_before(k)
        && GIVEN.contains(g.as_str())
        && !AMBIGUOUS_GIVEN.contains(g.as_str())
        && !NON_NAME.contains(g.as_str())
    {
        first = k - 1;
    }
    let given = first < k;
    let before = caps_before(first);
    let titled = before
        .as_deref()
        .is_some_and(|p| HEADLINE_TITLES.contains(p));
    let reported = before.as_deref().is_some_and(is_reporting_verb);
    if before.is_some() && !titled && !reported {
        return None;
    }
    let w = titlecase(word(text, t));
    if !(titled || given || SURNAMES.contains(w.as_str())) {
        return None;
    }
    let verb_after = match verb {
        // `TO` and `WILL` follow nouns as often (`PRICE TO RISE`, `BANKS WILL`): only
        // after a title, a reporting verb or a possessive owner (`TREASURY'S BAKER TO`).
        Some("to" | "will") => {
            titled
                || reported
                || first > 0 && tokens[first - 1].possessive && tokens[first - 1].line == t.line
        }
        Some(_) => true,
        None => false,
    };
    let evidence = verb_after || t.possessive && (titled || given);
    (evidence && could_be_surname(&w)).then_some(first)
}

/// Whether a lowercase headline verb (`expects`, `sees`, `urges`) follows token
/// `k` on its line: `Miyazawa expects dollar to rebound`.
fn verb_follows(text: &str, tokens: &[Token], k: usize) -> bool {
    tokens.get(k + 1).is_some_and(|n| {
        joined(text, &tokens[k], n)
            && n.shape == Shape::Lower
            && HEADLINE_VERBS.contains(word(text, n))
            && !matches!(word(text, n), "to" | "will")
    })
}

/// Whether all-caps token `k` opens the subject of a headline verb, with no other
/// evidence that it is a person: at the start of the line, after an owner's
/// possessive (`FED'S HELLER`) or after `SAYS` (`BYRD SAYS REAGAN MAY`).
fn headline_subject(text: &str, tokens: &[Token], k: usize) -> bool {
    let t = &tokens[k];
    let w = titlecase(word(text, t));
    if t.shape != Shape::Caps
        || !could_be_surname(&w)
        || SURNAMES.contains(w.as_str()) && GIVEN.contains(w.as_str())
        || headline_verb_after(text, tokens, k).is_none()
    {
        return false;
    }
    match k.checked_sub(1).map(|j| &tokens[j]) {
        None => true,
        Some(prev) if prev.line != t.line => true,
        Some(prev) => {
            prev.possessive && prev.shape == Shape::Caps
                || joined(text, prev, t) && is_reporting_verb(word(text, prev))
        }
    }
}

/// `SAYS` / `SAID` (any case): what comes after it opens a reported clause.
fn is_reporting_verb(w: &str) -> bool {
    w.eq_ignore_ascii_case("says") || w.eq_ignore_ascii_case("said")
}

/// The headline verb (lowercased, from [`HEADLINE_VERBS`]) right after token `k`, or
/// after an adverb (`FULLY EXPECTS`); none when its subject turns out to be a thing
/// (`SAYS IT`, `SEES ITS`).
fn headline_verb_after(text: &str, tokens: &[Token], k: usize) -> Option<&'static str> {
    // Headline words are all caps: look them up as written, without allocating.
    static BY_CAPS: LazyLock<FxHashMap<String, &'static str>> = LazyLock::new(|| {
        HEADLINE_VERBS
            .iter()
            .map(|&v| (v.to_uppercase(), v))
            .collect()
    });
    let after = |j: usize| {
        tokens
            .get(j + 1)
            .filter(|n| n.shape == Shape::Caps && joined(text, &tokens[j], n))
            .map(|n| word(text, n))
    };
    let mut j = k + 1;
    let mut next = after(k)?;
    if next.len() > 4 && next.ends_with("LY") {
        next = after(j)?;
        j += 1;
    }
    let verb = *BY_CAPS.get(next)?;
    let it = after(j).is_some_and(|n| n == "IT" || n == "ITS");
    (!it).then_some(verb)
}

/// Whether a capitalised word could be a surname at all: letters (with `'` or `-`),
/// three or more, and none of the rules' words for titles, places, organisations,
/// demonyms, verbs or roles.
fn could_be_surname(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3
        || !w
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || is_apostrophe(c))
    {
        return false;
    }
    let lower = w.to_lowercase();
    !(NON_NAME.contains(w)
        || ORG_WORDS.contains(w)
        || title_of(w) != Title::None
        || HEADLINE_TITLES.contains(w)
        || HEADLINE_VERBS.contains(lower.as_str())
        || SPEECH_VERBS.contains(lower.as_str())
        || crate::extract::countries::is_country_name(w))
}

/// The tagger's candidates, completed by the rules where they know better:
///
/// - a rule name that contains tagger names and only adds given names, initials or
///   particles to them replaces them (`Israel Katz` around `Katz`, `Joaquin del Olmo`
///   around `Joaquin` and `Olmo`);
/// - a lone rule word the tagger did not mark is kept as a possible mention of a person
///   named in full elsewhere (`al-Sudani` written lowercase), but is never a new person
///   on its own (a title alone misleads: `Duke of Norfolk`, `Queen Elizabeth I`);
/// - other rule names are dropped: the tagger is more precise on them.
fn merge_candidates(
    text: &str,
    tokens: &[Token],
    mut cands: Vec<Candidate>,
    rule_cands: Vec<Candidate>,
    lone_keys: &FxHashSet<String>,
) -> Vec<Candidate> {
    let mut extra = Vec::new();
    for c in rule_cands {
        let hits: Vec<usize> = (0..cands.len())
            .filter(|&k| cands[k].first <= c.last && c.first <= cands[k].last)
            .collect();
        if hits.is_empty() {
            if c.words() == 1 {
                let office = c.title == Title::Strong
                    && c.first > 0
                    && joined(text, &tokens[c.first - 1], &tokens[c.first])
                    && OFFICE_TITLES.contains(word(text, &tokens[c.first - 1]));
                extra.push(Candidate {
                    title: if office { Title::Strong } else { Title::None },
                    followed: false,
                    ..c
                });
            }
            continue;
        }
        let contains = hits
            .iter()
            .all(|&k| c.first <= cands[k].first && cands[k].last <= c.last);
        let added_are_name_parts = (c.first..=c.last)
            .filter(|&i| {
                !hits
                    .iter()
                    .any(|&k| cands[k].first <= i && i <= cands[k].last)
            })
            .all(|i| {
                let (t, w) = (&tokens[i], word(text, &tokens[i]));
                matches!(t.shape, Shape::Initial | Shape::Lower)
                    || GIVEN.contains(w)
                    || t.shape == Shape::Cap
                        && !t.sentence_start
                        && !NON_NAME.contains(w)
                        && !ORG_WORDS.contains(w)
                        && title_of(w) == Title::None
            });
        if contains
            && added_are_name_parts
            && c.words() >= 2
            && is_person(text, tokens, &c, lone_keys)
        {
            for &k in hits.iter().rev() {
                cands.remove(k);
            }
            extra.push(Candidate { model: true, ..c });
        }
    }
    cands.extend(extra);
    cands.sort_by_key(|c| c.first);
    cands
}

/// Shortest line taken to be part of a hard-wrapped paragraph (wire copy wraps at
/// 60-70 columns); shorter lines are headlines, datelines or list items.
const WRAPPED_LINE_MIN: usize = 40;

/// Wire copy wraps paragraphs at a fixed width, which would cut `Edouard` /
/// `Balladur` into two names. A single line break inside such a paragraph (the
/// line is long, does not end a sentence, and the next line continues without
/// indentation) becomes a space. Byte offsets do not move: one byte for one.
pub fn unwrap_hard_wrapped_lines(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut joins = Vec::new();
    let mut line_start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b != b'\n' {
            continue;
        }
        let line = text[line_start..i].trim_end();
        let next = bytes.get(i + 1).copied();
        let continues = next.is_some_and(|c| c.is_ascii_alphanumeric() || c >= 0x80);
        let ends_sentence = line.ends_with(['.', '!', '?', ':', ';', '"', '\'', '\u{201D}']);
        if line.len() >= WRAPPED_LINE_MIN && continues && !ends_sentence {
            joins.push(i);
        }
        line_start = i + 1;
    }
    if joins.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = bytes.to_vec();
    for i in joins {
        out[i] = b' ';
    }
    // Only ASCII newlines were replaced by ASCII spaces, so the text is still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(out).expect("newline to space keeps UTF-8"))
}

/// `(Morgue Wire) -` after a dateline: a news agency's name in brackets followed
/// by the dash that opens the story is never a person.
fn is_dateline_agency(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end_matches(' ');
    let after = text[end..].trim_start_matches(' ');
    before.ends_with('(')
        && after.starts_with(')')
        && after[1..]
            .trim_start_matches(' ')
            .starts_with(['-', '\u{2013}', '\u{2014}'])
}

/// Candidates for the tagger's person spans: the rule tokens each span starts and
/// ends on (a span that does not line up with rule tokens is dropped).
///
/// A one-word span the rules' lists know as a non-name (`Reuter` signing off an
/// article, `U.K.`) is dropped too, and so is a span joined to another name by `&` or
/// an all-caps possessive on a headline.
fn model_candidates(
    text: &str,
    tokens: &[Token],
    headlines: &FxHashSet<u32>,
    spans: &[(usize, usize)],
) -> Vec<Candidate> {
    let mut out = Vec::with_capacity(spans.len());
    let mut k = 0;
    for &(s, e) in spans {
        while k < tokens.len() && tokens[k].start < s {
            k += 1;
        }
        if k == tokens.len() || tokens[k].start != s {
            continue;
        }
        let mut last = k;
        while last + 1 < tokens.len() && tokens[last].end < e {
            last += 1;
        }
        if tokens[last].end != e {
            continue;
        }
        // `Douglas & Lomason`: a firm named after people.
        let amp_after = tokens
            .get(last + 1)
            .is_some_and(|n| n.line == tokens[last].line && gap_has(text, &tokens[last], n, '&'));
        if amp_after || k > 0 && gap_has(text, &tokens[k - 1], &tokens[k], '&') {
            continue;
        }
        if is_dateline_agency(text, s, e) {
            continue;
        }
        // The tagger sometimes takes an office into the name (`Chairman Manuel
        // Johnson`): the name starts after it. A monarch's title stays (`King
        // Fahd`), and an office alone is nobody.
        while k < last {
            let w = titlecase(word(text, &tokens[k]));
            if title_of(&w) != Title::Strong || ROYAL_TITLES.contains(&w.as_str()) {
                break;
            }
            k += 1;
        }
        if k == last && title_of(&titlecase(word(text, &tokens[k]))) != Title::None {
            continue;
        }
        // Nor is a sentence's opening word part of it (`Besides Reagan, ...`).
        while k < last {
            let w = titlecase(word(text, &tokens[k]));
            let opener = NON_NAME.contains(w.as_str()) || NOT_NAME_WORDS.contains(w.as_str());
            if !opener || GIVEN.contains(w.as_str()) {
                break;
            }
            k += 1;
        }
        // `SCOTT'S HOSPITALITY`: in capitals, a possessive name is as often a firm's.
        if tokens[last].possessive
            && headlines.contains(&tokens[last].line)
            && tokens[k..=last].iter().all(|t| t.shape == Shape::Caps)
        {
            continue;
        }
        if k == last {
            let w = word(text, &tokens[k]);
            let titled = titlecase(w);
            if NON_NAME.contains(titled.as_str())
                || ORG_WORDS.contains(titled.as_str())
                || tokens[k].shape == Shape::Caps && w.contains('.')
            {
                continue;
            }
        }
        out.push(Candidate {
            first: k,
            last,
            title: Title::None,
            followed: false,
            model: true,
        });
    }
    out
}

/// The person a lone surname at byte `at` refers to: among those with this surname, the
/// one whose latest full mention precedes it, else the first one.
fn pick_person(people: &[Acc], key: &str, at: usize) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    let mut first: Option<usize> = None;
    for (i, p) in people.iter().enumerate() {
        if p.last_key != key {
            continue;
        }
        first.get_or_insert(i);
        if let Some(&(s, _)) = p.mentions.iter().filter(|m| m.0 < at).max()
            && best.is_none_or(|(bs, _)| s > bs)
        {
            best = Some((s, i));
        }
    }
    best.map(|(_, i)| i).or(first)
}

/// Start of a surname mention, widened over the particles the canonical name has before
/// the surname when the text has them too (`de Gaulle`, `von der Leyen`).
fn extend_particles(text: &str, tokens: &[Token], k: usize, particles: &[String]) -> usize {
    let mut start = tokens[k].start;
    let mut j = k;
    for p in particles {
        if j == 0 {
            break;
        }
        let prev = &tokens[j - 1];
        if prev.shape == Shape::Lower && word(text, prev) == p && joined(text, prev, &tokens[j]) {
            start = prev.start;
            j -= 1;
        } else {
            break;
        }
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names found, in order.
    fn names(text: &str) -> Vec<String> {
        find_people(text).into_iter().map(|p| p.name).collect()
    }

    fn mention_texts<'a>(text: &'a str, p: &Person) -> Vec<&'a str> {
        p.mentions.iter().map(|&(s, e)| &text[s..e]).collect()
    }

    const SEED: &str = "Blinken holds talks in Baghdad as attacks on US troops mount\n\
\n\
U.S. Secretary of State Antony Blinken flew into Baghdad on Sunday for a meeting with \
Iraqi Prime Minister Mohammed Shia al-Sudani. Blinken pressed the Iraqi prime minister to \
rein in Iranian-backed proxies that have repeatedly targeted U.S. forces in Iraq and Syria. \
The talks with al-Sudani took place at the U.S. Embassy, officials said.\n\
Al-Sudani is due to travel to Iran and the Persian Gulf nations on Monday. The war between \
Israel and Hamas dominated the agenda. On October 23, U.S. Secretary of Defense Lloyd Austin \
phoned al-Sudani about the attacks.\n\
Earlier, Blinken sat down with Palestinian Authority President Mahmoud Abbas in the West Bank \
to discuss Gaza. Speaking afterwards, Blinken and Abbas said they agreed that aid must reach \
civilians. Blinken’s next stop was Turkey, where he headed to Ankara.";

    #[test]
    fn seed_article() {
        let people = find_people(SEED);
        let got: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            got,
            [
                "Antony Blinken",
                "Mohammed Shia al-Sudani",
                "Lloyd Austin",
                "Mahmoud Abbas"
            ],
            "{people:#?}"
        );
        let blinken = mention_texts(SEED, &people[0]);
        assert_eq!(
            blinken,
            [
                "Blinken",
                "Antony Blinken",
                "Blinken",
                "Blinken",
                "Blinken",
                "Blinken"
            ],
        );
        let sudani = mention_texts(SEED, &people[1]);
        assert_eq!(
            sudani,
            [
                "Mohammed Shia al-Sudani",
                "al-Sudani",
                "Al-Sudani",
                "al-Sudani"
            ]
        );
        assert_eq!(mention_texts(SEED, &people[2]), ["Lloyd Austin"]);
        assert_eq!(mention_texts(SEED, &people[3]), ["Mahmoud Abbas", "Abbas"]);
    }

    /// One line per case: the text and the names expected, in order.
    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            // Titles and honorifics are stripped.
            (
                "U.S. Secretary of State Antony Blinken arrived.",
                &["Antony Blinken"],
            ),
            (
                "Palestinian Authority President Mahmoud Abbas spoke.",
                &["Mahmoud Abbas"],
            ),
            (
                "Secretary of Defense Lloyd Austin said so.",
                &["Lloyd Austin"],
            ),
            (
                "Iraqi Prime Minister Mohammed Shia al-Sudani met him.",
                &["Mohammed Shia al-Sudani"],
            ),
            (
                "Former President George W. Bush spoke in Texas.",
                &["George W. Bush"],
            ),
            (
                "Turkish President Recep Tayyip Erdoğan said on Monday.",
                &["Recep Tayyip Erdoğan"],
            ),
            (
                "French leftist Jean-Luc Mélenchon criticised the plan.",
                &["Jean-Luc Mélenchon"],
            ),
            (
                "The general Charles de Gaulle led France.",
                &["Charles de Gaulle"],
            ),
            (
                "Commission chief Ursula von der Leyen said that.",
                &["Ursula von der Leyen"],
            ),
            ("Dr. Conor O'Brien treated him.", &["Conor O'Brien"]),
            ("Ronald McDonald waved.", &["Ronald McDonald"]),
            (
                "Chancellor Olaf Scholz met Emmanuel Macron.",
                &["Olaf Scholz", "Emmanuel Macron"],
            ),
            // Given names that are also places or words.
            ("Jordan Henderson scored twice.", &["Jordan Henderson"]),
            ("The winger Chad Johnson ran.", &["Chad Johnson"]),
            ("Israel Katz said Israel would respond.", &["Israel Katz"]),
            ("He flew to Jordan and Chad on Friday.", &[]),
            // Sentence start and lone surnames.
            // A lone surname the tagger recognises in context is a person known by
            // surname (the rules alone wanted a title first).
            ("Speaking in Baghdad, Blinken said nothing.", &["Blinken"]),
            ("Mr. Smith declined to comment.", &["Smith"]),
            // A title of office names a person by surname; nobility does not.
            ("Mr. Pennwick declined to comment.", &["Pennwick"]),
            ("Talks with USDA Secretary Pennwick ended.", &["Pennwick"]),
            ("The Duke of Norfolk and Queen Elizabeth I were there.", &[]),
            ("President Abbas said talks would go on.", &["Abbas"]),
            ("Blinken arrived late.", &[]),
            // A name cut by a hard line wrap in wire copy.
            (
                "The French finance minister, who met officials from Brazil, is Edouard\nBalladur, aides said.",
                &["Edouard Balladur"],
            ),
            // A news agency in a dateline's brackets.
            ("BAGHDAD, Nov. 5 (Morgue Wire) - Talks began.", &[]),
            ("CAIRO (Nile Daily) \u{2014} Talks began.", &[]),
            ("Earlier Antony Blinken met the envoy.", &["Antony Blinken"]),
            // Places, organisations, demonyms, dates.
            (
                "Officials in Baghdad and the West Bank said Gaza was calm.",
                &[],
            ),
            ("The Middle East and the Persian Gulf were quiet.", &[]),
            (
                "Palestinian Authority and Hamas officials met Iraqi envoys.",
                &[],
            ),
            (
                "Acme Widgets Inc said profits rose at Global Bank Group.",
                &[],
            ),
            (
                "The U.S. Embassy in Baghdad was closed, Reuters reported.",
                &[],
            ),
            (
                "Fiscal Policy Committee members met on Tuesday in New York.",
                &[],
            ),
            (
                "Manchester United beat Real Madrid in the Champions League.",
                &[],
            ),
            ("On Wednesday, March 3, markets fell.", &[]),
            // Unicode and hyphenated names.
            (
                "Václav Havel and Lech Wałęsa met.",
                &["Václav Havel", "Lech Wałęsa"],
            ),
            (
                "Saudi Crown Prince Mohammed bin Salman visited.",
                &["Mohammed bin Salman"],
            ),
            // Initials.
            ("J. K. Rowling wrote it.", &["J. K. Rowling"]),
            // All caps headline only links.
            ("BLINKEN MEETS IRAQI LEADER\n\nNo people named here.", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(names(text), *want, "text: {text:?}");
        }
    }

    #[test]
    fn possessives_and_headlines_link() {
        let text = "BLINKEN MEETS IRAQI LEADER\n\nAntony Blinken's visit ended. Blinken’s aide \
                    said Blinken's plane left.";
        let people = find_people(text);
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].name, "Antony Blinken");
        assert_eq!(
            mention_texts(text, &people[0]),
            ["BLINKEN", "Antony Blinken", "Blinken", "Blinken"]
        );
    }

    /// All-caps headlines name people in headlinese: a frequent surname or a titled
    /// word that opens the subject of a headline verb.
    #[test]
    fn all_caps_headlines() {
        let cases: &[(&str, &[&str])] = &[
            ("MILLER SAYS TAXES WILL NOT RISE\n\n", &["Miller"]),
            (
                "TREASURY'S MILLER URGES BANKS TO LEND MORE\n\n",
                &["Miller"],
            ),
            ("SENATE'S PARKER FIRMLY OPPOSES NEW LEVY\n\n", &["Parker"]),
            (
                "CABINET OFFICE SAYS PARKER TO VISIT OTTAWA\n\n",
                &["Parker"],
            ),
            ("PRESIDENT ORVANDO SAYS TALKS WILL RESUME\n\n", &["Orvando"]),
            ("CHANCELLOR ORVANDO'S COALITION WINS VOTE\n\n", &["Orvando"]),
            ("HAROLD PENNWICK SEES BETTER YEAR\n\n", &["Harold Pennwick"]),
            // Firms and things in the subject's place.
            ("ACME BROWN SEES HIGHER SALES\n\n", &[]),
            ("PARKER SAYS IT WILL CUT JOBS\n\n", &[]),
            ("PRICE TO RISE AGAIN, TRADERS SAY\n\n", &[]),
            ("ACME CHAIRMAN SELLS STOCK\n\n", &[]),
            ("HOLDEN'S DINERS POSTS WIDER LOSS\n\n", &[]),
            ("BLINKEN MEETS IRAQI LEADER\n\nNo people named here.", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(names(text), *want, "text: {text:?}");
        }
        // A headline surname still links to the full name in the body.
        let text = "MILLER SAYS TAXES WILL NOT RISE\n\nBudget director Jane Miller said so.";
        let people = find_people(text);
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].name, "Jane Miller");
        assert_eq!(mention_texts(text, &people[0]), ["MILLER", "Jane Miller"]);
    }

    /// A person known by one word is named as written in mixed case, with the royal
    /// title a monarch is known by.
    #[test]
    fn one_word_names() {
        let text = "KING HARALD OPENS NEW BRIDGE\n\nKing Harald cut the ribbon on Monday. \
                    Crowds cheered as Harald waved.";
        let people = find_people(text);
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].name, "King Harald");
        assert_eq!(
            mention_texts(text, &people[0]),
            ["HARALD", "Harald", "Harald"]
        );
    }

    #[test]
    fn aliases_merge_to_longest_form() {
        let text = "Mohammed al-Sudani spoke. Later Mohammed Shia al-Sudani left. Al-Sudani \
                    and Sudani are the same.";
        let people = find_people(text);
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].name, "Mohammed Shia al-Sudani");
        assert_eq!(people[0].mentions.len(), 4);
    }

    #[test]
    fn surname_before_full_name_and_particles() {
        let text = "Mr. Austin arrived first. Lloyd Austin then spoke. Later de Gaulle was \
                    recalled: Charles de Gaulle.";
        let people = find_people(text);
        let got: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(got, ["Lloyd Austin", "Charles de Gaulle"]);
        assert_eq!(mention_texts(text, &people[0]), ["Austin", "Lloyd Austin"]);
        assert_eq!(
            mention_texts(text, &people[1]),
            ["de Gaulle", "Charles de Gaulle"]
        );
    }

    #[test]
    fn two_people_sharing_a_surname() {
        let text = "George Bush met Laura Bush. Bush then left.";
        let people = find_people(text);
        let got: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(got, ["George Bush", "Laura Bush"]);
        // The lone `Bush` goes to the latest full mention before it.
        assert_eq!(people[1].mentions.len(), 2);
    }

    #[test]
    fn keys() {
        assert_eq!(person_key("al-Sudani"), person_key("Al-Sudani"));
        assert_eq!(person_key("Sudani"), person_key("al-Sudani"));
        assert_eq!(person_key("Erdoğan"), "erdogan");
        assert_eq!(person_key("O’Brien"), "o'brien");
    }

    #[test]
    fn empty_and_odd_inputs() {
        assert!(find_people("").is_empty());
        assert!(find_people("\n\n").is_empty());
        assert!(find_people("’s 's - . Mr.").is_empty());
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_are_char_boundaries(s in "\\PC{0,200}") {
            for p in find_people(&s) {
                for (a, b) in p.mentions {
                    proptest::prop_assert!(a < b && b <= s.len());
                    proptest::prop_assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
                }
            }
        }

        #[test]
        fn never_panics_on_name_like_text(
            words in proptest::collection::vec(
                "(Mr\\.|al-Sudani|Al-Sudani|Blinken’s|O'Brien|de|von|W\\.|Erdoğan|Antony|BLINKEN|said|,|\\.|\n|Jordan|’|'s|-)",
                0..40,
            )
        ) {
            let s = words.join(" ");
            for p in find_people(&s) {
                for (a, b) in p.mentions {
                    proptest::prop_assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
                    proptest::prop_assert!(a < b);
                }
            }
        }
    }
}
