//! Word lists the people rules look words up in.

use super::*;

pub(super) fn lines_set(data: &'static str) -> WordSet {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// Given names; see the data file's header for sources.
pub(super) static GIVEN: LazyLock<WordSet> =
    LazyLock::new(|| lines_set(include_str!("given_names.txt")));

/// Whether `word` (as written: `Bank`) is a word of organisations' names.
pub(crate) fn is_org_word(word: &str) -> bool {
    ORG_WORDS.contains(word)
}

/// Whether `word` (as written: `Ronald`) is a known given name.
pub(crate) fn is_given_name(word: &str) -> bool {
    GIVEN.contains(word)
}

/// Frequent surnames: weak evidence for the last word of a two-word sequence.
pub(super) static SURNAMES: LazyLock<WordSet> =
    LazyLock::new(|| lines_set(include_str!("surnames.txt")));

pub(super) fn set(words: &[&'static str]) -> WordSet {
    words.iter().copied().collect()
}

/// Titles and honorifics strong enough to make a lone capitalised word a person
/// (`Mr. Smith`, `President Abbas`). Matched case-sensitively, as written before a name.
#[rustfmt::skip]
pub(super) static STRONG_TITLES: LazyLock<WordSet> = LazyLock::new(|| {
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
pub(super) static OFFICE_TITLES: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Secretary", "President",
        "Chancellor", "Minister", "Premier", "Senator", "Sen.", "Governor", "Gov.", "Rep.",
        "Speaker", "Chairman", "Ambassador",
    ])
});

/// Title words that end a title phrase but are also ordinary words (`General Motors`,
/// `Chief Executive`): stripped, but not enough alone for a lone-surname person.
#[rustfmt::skip]
pub(super) static WEAK_TITLES: LazyLock<WordSet> = LazyLock::new(|| {
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
pub(super) static ROLE_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
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
pub(super) static SPEECH_VERBS: LazyLock<WordSet> = LazyLock::new(|| {
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
pub(super) static HEADLINE_VERBS: LazyLock<WordSet> = LazyLock::new(|| {
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
pub(super) static HEADLINE_TITLES: LazyLock<WordSet> = LazyLock::new(|| {
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
pub(super) static PARTICLES: LazyLock<WordSet> = LazyLock::new(|| {
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
pub(super) static NON_NAME: LazyLock<WordSet> = LazyLock::new(|| {
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
pub(super) static ORG_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
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
pub(super) static AMBIGUOUS_GIVEN: LazyLock<WordSet> = LazyLock::new(|| {
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
