//! The city gazetteer: major cities and business centres that are not capitals, with the
//! country they are in. Data only; the matching rules live in `countries.rs`.
//!
//! Sources of facts: GeoNames `cities15000` (CC BY 4.0) for which country a city is in,
//! and general knowledge of where wire services file from and where companies have their
//! headquarters. Written by hand; capitals and seats of government are in
//! `countries/table.rs` instead (a form appears in one table only, a test checks it).
//!
//! Every entry has a scope:
//! - `A` (anywhere): a name that in English news is almost always the city, counted
//!   wherever it appears (`Frankfurt`, `Los Angeles`).
//! - `P` (anywhere, unless it looks like a person): also a given name or a surname
//!   (`Houston`, `Dallas`, `Sydney`); the person rules of the capitals apply (`Whitney
//!   Houston`, `Dallas Green` are no mention).
//! - `D` (dateline only): a common word, name or surname (`Austin`, `Charlotte`, `Troy`,
//!   `Buffalo`), or a small town with a namesake elsewhere (`Greenwich`, `Stamford`),
//!   counted only where a wire dateline names it (`AUSTIN, Texas, March 2 -`,
//!   `CHARLOTTE (Reuters) -`), where it cannot be anything but the place.
//!
//! Left out on purpose, because the name is a major place in two countries and no rule
//! tells them apart: Birmingham (GB/US), Cambridge (GB/US), Manchester (GB/US), Richmond
//! (US/GB/CA), Hamilton (CA/NZ/BM), Windsor (GB/CA), London (Ontario; London is GB's
//! capital), Perth (AU/GB), Newcastle (GB/AU), Victoria, Kingston, San Jose (US/Costa
//! Rica's capital), Alexandria (EG/US), Valencia (ES/VE), Cordoba (ES/AR), Cartagena
//! (CO/ES), Toledo (ES/US), Santa Cruz, Hanover (DE/US), Canton (Guangzhou/US),
//! Salvador (BR, but also the country El Salvador), St. Petersburg (RU/US), Bristol,
//! Plymouth, Worcester, Durham, Newport, Columbia (a US city, a university and a
//! misspelt Colombia), Burlington. Names shared by many towns of one country
//! (`Springfield`, `Jackson`) are dateline entries.
//!
//! The US entries beyond the largest cities were chosen from general knowledge of
//! corporate headquarters towns; which of them matter was checked against the frequency
//! of dateline places in the Reuters-21578 dev files (names only, no text copied).

/// Where a city name counts as a mention of its country.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Scope {
    /// Anywhere in the text.
    A,
    /// Anywhere, unless a neighbouring word makes it part of a person's name.
    P,
    /// Only in a dateline.
    D,
    /// A state or province, only in a dateline right after the place
    /// (`SAN BRUNO, Calif., March 2 -`), where it makes any town a mention.
    R,
}

use Scope::{A, D, P};

/// US states and Canadian provinces: full names and the AP-style abbreviations wire
/// datelines use, with the dot-less spellings seen in wire copy (three letters or more,
/// so that `Pa` or `La` never stand alone as patterns). Scope `R` only: in running text
/// `Texas` or `Alberta` say less about the country than a city does, and several are
/// given names (`Virginia`, `Georgia`, which is also a country, is left out).
#[rustfmt::skip]
pub(super) static REGIONS: &[(&str, &str)] = &[
    ("Alabama", "US"), ("Ala.", "US"), ("Alaska", "US"), ("Arizona", "US"), ("Ariz.", "US"),
    ("Arkansas", "US"), ("Ark.", "US"), ("California", "US"), ("Calif.", "US"), ("Calif", "US"),
    ("Colorado", "US"), ("Colo.", "US"), ("Colo", "US"), ("Connecticut", "US"), ("Conn.", "US"),
    ("Conn", "US"), ("Delaware", "US"), ("Del.", "US"), ("D.C.", "US"), ("Florida", "US"),
    ("Fla.", "US"), ("Fla", "US"), ("Ga.", "US"), ("Hawaii", "US"), ("Idaho", "US"),
    ("Illinois", "US"), ("Ill.", "US"), ("Ill", "US"), ("Indiana", "US"), ("Ind.", "US"),
    ("Iowa", "US"), ("Kansas", "US"), ("Kan.", "US"), ("Kans.", "US"), ("Kentucky", "US"),
    ("Ky.", "US"), ("Louisiana", "US"), ("La.", "US"), ("Maine", "US"), ("Me.", "US"),
    ("Maryland", "US"), ("Md.", "US"), ("Massachusetts", "US"), ("Mass.", "US"), ("Mass", "US"),
    ("Michigan", "US"), ("Mich.", "US"), ("Mich", "US"), ("Minnesota", "US"), ("Minn.", "US"),
    ("Minn", "US"), ("Mississippi", "US"), ("Miss.", "US"), ("Missouri", "US"), ("Mo.", "US"),
    ("Montana", "US"), ("Mont.", "US"), ("Nebraska", "US"), ("Neb.", "US"), ("Nevada", "US"),
    ("Nev.", "US"), ("New Hampshire", "US"), ("N.H.", "US"), ("New Jersey", "US"), ("N.J.", "US"),
    ("N.M.", "US"), ("N.Y.", "US"),
    ("North Carolina", "US"), ("N.C.", "US"), ("North Dakota", "US"), ("N.D.", "US"),
    ("Ohio", "US"), ("Oklahoma", "US"), ("Okla.", "US"), ("Okla", "US"), ("Oregon", "US"),
    ("Ore.", "US"), ("Pennsylvania", "US"), ("Pa.", "US"), ("Penn.", "US"), ("Rhode Island", "US"),
    ("R.I.", "US"), ("South Carolina", "US"), ("S.C.", "US"), ("South Dakota", "US"),
    ("S.D.", "US"), ("Tennessee", "US"), ("Tenn.", "US"), ("Tenn", "US"), ("Texas", "US"),
    ("Tex.", "US"), ("Utah", "US"), ("Vermont", "US"), ("Vt.", "US"), ("Virginia", "US"),
    ("Va.", "US"), ("Wash.", "US"), ("West Virginia", "US"), ("W.Va.", "US"), ("W. Va.", "US"),
    ("Wisconsin", "US"), ("Wis.", "US"), ("Wisc.", "US"), ("Wyoming", "US"), ("Wyo.", "US"),
    ("Alberta", "CA"), ("Alta.", "CA"), ("British Columbia", "CA"), ("B.C.", "CA"),
    ("Manitoba", "CA"), ("Man.", "CA"), ("New Brunswick", "CA"), ("N.B.", "CA"),
    ("Newfoundland", "CA"), ("Nfld.", "CA"), ("Nova Scotia", "CA"), ("N.S.", "CA"),
    ("Ontario", "CA"), ("Ont.", "CA"), ("Quebec", "CA"), ("Que.", "CA"),
    ("Saskatchewan", "CA"), ("Sask.", "CA"),
];

/// City name as written in English news (accents are folded and ALL CAPS spellings added
/// by the matcher), country code, scope.
#[rustfmt::skip]
pub(super) static CITIES: &[(&str, &str, Scope)] = &[
    // United States: the largest cities and the places companies and wire bureaus file from.
    ("New York", "US", A), ("New York City", "US", A), ("Manhattan", "US", A), ("Brooklyn", "US", A),
    ("Wall Street", "US", A), ("Los Angeles", "US", A), ("Chicago", "US", A), ("Houston", "US", P),
    ("Dallas", "US", P), ("Fort Worth", "US", A), ("San Francisco", "US", A), ("Boston", "US", A),
    ("Detroit", "US", A), ("Pittsburgh", "US", A), ("Atlanta", "US", A), ("Miami", "US", A),
    ("Philadelphia", "US", A), ("Cleveland", "US", P), ("Minneapolis", "US", A), ("St. Louis", "US", A),
    ("St Louis", "US", A), ("Saint Louis", "US", A), ("Denver", "US", P), ("Seattle", "US", A),
    ("Phoenix", "US", D), ("Kansas City", "US", A), ("Omaha", "US", A), ("Cincinnati", "US", A),
    ("Milwaukee", "US", A), ("Hartford", "US", P), ("Stamford", "US", D), ("Greenwich", "US", D),
    ("Wilmington", "US", D), ("Charlotte", "US", D), ("Columbus", "US", D), ("Indianapolis", "US", A),
    ("Nashville", "US", A), ("Memphis", "US", D), ("New Orleans", "US", A), ("Tulsa", "US", A),
    ("Oklahoma City", "US", A), ("Des Moines", "US", A), ("Salt Lake City", "US", A), ("Portland", "US", D),
    ("San Diego", "US", A), ("Santa Clara", "US", A), ("Palo Alto", "US", A), ("Princeton", "US", D),
    ("Rochester", "US", D), ("Buffalo", "US", D), ("Baltimore", "US", A), ("Honolulu", "US", A),
    ("Anchorage", "US", D), ("San Antonio", "US", A), ("Austin", "US", D), ("Las Vegas", "US", A),
    ("Sacramento", "US", A), ("Oakland", "US", D), ("San Mateo", "US", A), ("Mountain View", "US", D),
    ("Sunnyvale", "US", A), ("Cupertino", "US", A), ("Menlo Park", "US", D), ("Silicon Valley", "US", A),
    ("Irvine", "US", D), ("Costa Mesa", "US", A), ("Newport Beach", "US", A), ("Anaheim", "US", A),
    ("Long Beach", "US", A), ("Pasadena", "US", A), ("Burbank", "US", D), ("Beverly Hills", "US", A),
    ("Santa Monica", "US", A), ("Torrance", "US", D), ("Hollywood", "US", A), ("Berkeley", "US", D),
    ("Boca Raton", "US", A), ("Fort Lauderdale", "US", A), ("West Palm Beach", "US", A), ("Tampa", "US", A),
    ("Orlando", "US", D), ("Jacksonville", "US", A), ("Clearwater", "US", D), ("St. Paul", "US", D),
    ("Minnetonka", "US", A), ("Akron", "US", A), ("Dayton", "US", D), ("Toledo, Ohio", "US", A),
    ("Greensboro", "US", A), ("Winston-Salem", "US", A), ("Raleigh", "US", D), ("Durham, N.C.", "US", A),
    ("Louisville", "US", A), ("Lexington", "US", D), ("Chattanooga", "US", A), ("Knoxville", "US", A),
    ("Little Rock", "US", A), ("Baton Rouge", "US", A), ("El Paso", "US", A), ("San Angelo", "US", A),
    ("Albuquerque", "US", A), ("Tucson", "US", A), ("Scottsdale", "US", A), ("Tempe", "US", D),
    ("Boise", "US", A), ("Spokane", "US", A), ("Tacoma", "US", A), ("Redmond", "US", D),
    ("Bellevue", "US", D), ("Reno", "US", D), ("Ann Arbor", "US", A), ("Grand Rapids", "US", A),
    ("Dearborn", "US", A), ("Southfield", "US", D), ("Troy", "US", D), ("Flint", "US", D),
    ("Lansing", "US", D), ("Fort Wayne", "US", A), ("South Bend", "US", A), ("Elkhart", "US", D),
    ("Peoria", "US", A), ("Oak Brook", "US", A), ("Northbrook", "US", D), ("Deerfield", "US", D),
    ("Schaumburg", "US", A), ("Rosemont", "US", D), ("Glenview", "US", D), ("Des Plaines", "US", A),
    ("Naperville", "US", A), ("Rolling Meadows", "US", D), ("Madison", "US", D), ("Topeka", "US", A),
    ("Wichita", "US", A), ("Lincoln", "US", D), ("St. Joseph", "US", D), ("Springfield", "US", D),
    ("Jackson", "US", D), ("Birmingham, Ala.", "US", A), ("Montgomery", "US", D), ("Mobile", "US", D),
    ("Albany", "US", D), ("Syracuse", "US", D), ("Binghamton", "US", A), ("White Plains", "US", A),
    ("Armonk", "US", A), ("Great Neck", "US", D), ("Lake Success", "US", D), ("Hauppauge", "US", A),
    ("Melville", "US", D), ("Garden City", "US", D), ("Long Island", "US", A), ("Newark", "US", D),
    ("Jersey City", "US", A), ("Secaucus", "US", A), ("Edison", "US", D), ("Parsippany", "US", A),
    ("Montvale", "US", A), ("Englewood Cliffs", "US", A), ("Englewood", "US", D), ("Morristown", "US", D),
    ("Cherry Hill", "US", D), ("Trenton", "US", D), ("Teterboro", "US", A), ("New Haven", "US", A),
    ("Westport", "US", D), ("Norwalk", "US", D), ("Danbury", "US", D), ("Waltham", "US", D),
    ("Framingham", "US", A), ("Woburn", "US", D), ("Lowell", "US", D), ("Providence", "US", D),
    ("Nashua", "US", D), ("Bethesda", "US", A), ("Rockville", "US", D), ("Silver Spring", "US", D),
    ("McLean", "US", D), ("Arlington", "US", D), ("Reston", "US", D), ("Annapolis", "US", D),
    ("Bala Cynwyd", "US", A), ("Valley Forge", "US", D), ("Allentown", "US", A), ("Harrisburg", "US", A),
    ("Scranton", "US", D), ("Erie", "US", D), ("Wilkes-Barre", "US", A), ("Cape Canaveral", "US", A),
    ("Bentonville", "US", A), ("Colorado Springs", "US", A), ("Boulder", "US", D), ("Provo", "US", D),
    ("Hialeah", "US", A), ("Cedar Rapids", "US", A), ("Green Bay", "US", D), ("Duluth", "US", D),
    ("Eden Prairie", "US", D), ("St. Petersburg, Fla.", "US", A), ("Coral Gables", "US", A),
    // Canada.
    ("Toronto", "CA", A), ("Montreal", "CA", A), ("Montréal", "CA", A), ("Vancouver", "CA", P),
    ("Calgary", "CA", A), ("Edmonton", "CA", A), ("Winnipeg", "CA", A), ("Quebec City", "CA", A),
    ("Halifax", "CA", D), ("Regina", "CA", D), ("Saskatoon", "CA", A), ("Mississauga", "CA", A),
    ("Oakville", "CA", D), ("Markham", "CA", D), ("Kitchener", "CA", D), ("Sudbury", "CA", D),
    // Europe.
    ("Frankfurt", "DE", A), ("Munich", "DE", A), ("Hamburg", "DE", A), ("Duesseldorf", "DE", A),
    ("Düsseldorf", "DE", A), ("Cologne", "DE", A), ("Stuttgart", "DE", A), ("Essen", "DE", D),
    ("Dortmund", "DE", A), ("Bremen", "DE", A), ("Nuremberg", "DE", A), ("Leipzig", "DE", A),
    ("Dresden", "DE", A), ("Wolfsburg", "DE", A), ("Wiesbaden", "DE", A), ("Ludwigshafen", "DE", A),
    ("Leverkusen", "DE", A), ("Oberhausen", "DE", A), ("Mannheim", "DE", D), ("West Berlin", "DE", A),
    ("Zurich", "CH", A), ("Zürich", "CH", A), ("Geneva", "CH", A),
    ("Basel", "CH", A), ("Basle", "CH", A), ("Lausanne", "CH", A), ("Lugano", "CH", A),
    ("Davos", "CH", A), ("Milan", "IT", A), ("Turin", "IT", A), ("Genoa", "IT", A), ("Naples", "IT", D),
    ("Venice", "IT", D), ("Florence", "IT", D), ("Bologna", "IT", D), ("Palermo", "IT", A),
    ("Rotterdam", "NL", A), ("Eindhoven", "NL", A), ("Utrecht", "NL", A), ("Antwerp", "BE", A),
    ("Ghent", "BE", A), ("Zeebrugge", "BE", A), ("Liege", "BE", A), ("Lyon", "FR", A),
    ("Lyons", "FR", D), ("Marseille", "FR", A), ("Marseilles", "FR", A), ("Toulouse", "FR", A),
    ("Bordeaux", "FR", D), ("Strasbourg", "FR", A), ("Lille", "FR", D), ("Nice", "FR", D),
    ("Barcelona", "ES", A), ("Bilbao", "ES", A), ("Seville", "ES", A), ("Oporto", "PT", A),
    ("Porto", "PT", D), ("Gothenburg", "SE", A), ("Malmo", "SE", A), ("Malmö", "SE", A),
    ("Bergen", "NO", D), ("Stavanger", "NO", A), ("Aarhus", "DK", A), ("Gdansk", "PL", A),
    ("Krakow", "PL", A), ("Leningrad", "RU", A), ("Edinburgh", "GB", A), ("Glasgow", "GB", A),
    ("Liverpool", "GB", A), ("Leeds", "GB", A), ("Belfast", "GB", A), ("Cardiff", "GB", A),
    ("Aberdeen", "GB", D), ("Sheffield", "GB", D), ("Istanbul", "TR", A), ("Izmir", "TR", A),
    ("Piraeus", "GR", A), ("Thessaloniki", "GR", A), ("Salonika", "GR", A), ("Gdynia", "PL", A),
    // Asia and Oceania.
    ("Osaka", "JP", A), ("Yokohama", "JP", A), ("Nagoya", "JP", A), ("Kobe", "JP", A),
    ("Kyoto", "JP", A), ("Shanghai", "CN", A), ("Guangzhou", "CN", A), ("Shenzhen", "CN", A),
    ("Tianjin", "CN", A), ("Tientsin", "CN", A), ("Bombay", "IN", A), ("Mumbai", "IN", A),
    ("Calcutta", "IN", A), ("Kolkata", "IN", A), ("Madras", "IN", A), ("Chennai", "IN", A),
    ("Bangalore", "IN", A), ("Bengaluru", "IN", A), ("Karachi", "PK", A), ("Lahore", "PK", A),
    ("Busan", "KR", A), ("Pusan", "KR", A), ("Inchon", "KR", A), ("Incheon", "KR", A),
    ("Kaohsiung", "TW", A), ("Surabaya", "ID", A), ("Ho Chi Minh City", "VN", A), ("Saigon", "VN", A),
    ("Penang", "MY", A), ("Cebu", "PH", A), ("Chittagong", "BD", A), ("Sydney", "AU", P),
    ("Melbourne", "AU", A), ("Brisbane", "AU", A), ("Adelaide", "AU", D), ("Darwin", "AU", D),
    ("Hobart", "AU", D), ("Surfers Paradise", "AU", A), ("Auckland", "NZ", A), ("Christchurch", "NZ", A),
    ("Taupo", "NZ", A),
    // Latin America.
    ("Sao Paulo", "BR", A), ("São Paulo", "BR", A), ("Rio de Janeiro", "BR", A), ("Belo Horizonte", "BR", A),
    ("Porto Alegre", "BR", A), ("Recife", "BR", A), ("Guadalajara", "MX", D), ("Monterrey", "MX", A),
    ("Tijuana", "MX", A), ("Acapulco", "MX", A), ("Medellin", "CO", A), ("Medellín", "CO", A),
    ("Cali", "CO", D), ("Valparaiso", "CL", A), ("Guayaquil", "EC", A), ("Maracaibo", "VE", A),
    // Africa and the Middle East.
    ("Johannesburg", "ZA", A), ("Durban", "ZA", A), ("Port Elizabeth", "ZA", A), ("Soweto", "ZA", A),
    ("Casablanca", "MA", A), ("Mombasa", "KE", A), ("Kano", "NG", D), ("Port Harcourt", "NG", A),
    ("Douala", "CM", A), ("Dubai", "AE", A), ("Sharjah", "AE", A), ("Jeddah", "SA", A),
    ("Jiddah", "SA", A), ("Dhahran", "SA", A), ("Basra", "IQ", A), ("Mosul", "IQ", A),
    ("Kirkuk", "IQ", A), ("Isfahan", "IR", A), ("Haifa", "IL", A), ("Aleppo", "SY", A),
];
