//! The country table itself: data only, no logic (the logic lives in `countries.rs`).
//!
//! Sources of facts: the ISO 3166-1 alpha-2 code list (plus the user-assigned `XK` for
//! Kosovo, as used by the EU and the IMF); the UN list of member and observer states;
//! names, demonyms and capitals per common English usage and the CIA World Factbook
//! (public domain). States that no longer exist carry their ISO 3166-3 code (the
//! standard's list of deleted country names keeps the old alpha-2 code as the first two
//! letters of each entry: `SUHH` Soviet Union, `DDDE` German Democratic Republic, `YUCS`
//! Yugoslavia, `CSHH` Czechoslovakia, `ZRCD` Zaire, `DYBJ` Dahomey, `HVBF` Upper Volta,
//! `RHZW` Southern Rhodesia, `YDYE` Democratic Yemen, `VDVN` North Viet-Nam, `NHVU` New
//! Hebrides, `ANHH` Netherlands Antilles). The day each ended is the day of the event in
//! the history notes of its successors in the CIA World Factbook, not the later day ISO
//! deleted the code: from that day on, news speaks of the successors.
//!
//! Rules for the entries:
//! - `name` is the common English short name, unique.
//! - A surface form appears once in the whole table (a test checks this after case,
//!   accent and punctuation folding), so a mention never maps to two countries. A form
//!   whose meaning changed with history (`Moscow`) belongs to today's country; [`ERAS`]
//!   says what it meant before a day.
//! - Forms starting with a lowercase `the ` are for `resolve` only; in running text the
//!   form without the article is found instead.
//! - Capitals that are too ambiguous in English news are left out on purpose (they would
//!   produce more false hits than real ones): Victoria (Seychelles), Kingston (Jamaica),
//!   Georgetown (Guyana), San José (Costa Rica), Malé (Maldives, folds to "Male"),
//!   Nassau (Bahamas), St. John's (Antigua), St. George's (Grenada), Sucre (Bolivia),
//!   Salisbury (Rhodesia; also in England and Maryland).
//! - A state that was only renamed keeps one entry when the old name is still used for
//!   it or ISO kept the code: Burma (`MM`; ISO's `BU` until 1989, but "Burma" is still
//!   the name in much English usage), Swaziland, Ceylon, Persia, Siam, Kampuchea.

use chrono::NaiveDate;

use super::{Country, Era};

/// Shorthand so that one country fits on a few lines.
macro_rules! c {
    ($code:literal, $name:literal, [$($a:literal),* $(,)?], [$($d:literal),* $(,)?], [$($cap:literal),* $(,)?]) => {
        Country {
            code: $code,
            name: $name,
            aliases: &[$($a),*],
            demonyms: &[$($d),*],
            capitals: &[$($cap),*],
            ended: None,
        }
    };
}

/// A state that no longer exists, with the day it ended.
macro_rules! gone {
    ($code:literal, $name:literal, [$($a:literal),* $(,)?], [$($d:literal),* $(,)?], [$($cap:literal),* $(,)?], ended $end:ident) => {
        Country {
            code: $code,
            name: $name,
            aliases: &[$($a),*],
            demonyms: &[$($d),*],
            capitals: &[$($cap),*],
            ended: Some($end),
        }
    };
}

const fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("not a calendar day"),
    }
}

// The first day on which each state no longer existed.
/// Netherlands Antilles: dissolved into Curaçao, Sint Maarten and the Caribbean
/// Netherlands.
const AN_END: NaiveDate = day(2010, 10, 10);
/// Czechoslovakia: split into the Czech Republic and Slovakia.
const CS_END: NaiveDate = day(1993, 1, 1);
/// East Germany: German reunification; Germany (`DE`) is the Federal Republic throughout.
const DD_END: NaiveDate = day(1990, 10, 3);
/// Dahomey: renamed Benin.
const DY_END: NaiveDate = day(1975, 11, 30);
/// Upper Volta: renamed Burkina Faso.
const HV_END: NaiveDate = day(1984, 8, 4);
/// New Hebrides: independent as Vanuatu.
const NH_END: NaiveDate = day(1980, 7, 30);
/// Rhodesia: independent as Zimbabwe.
const RH_END: NaiveDate = day(1980, 4, 18);
/// Soviet Union: dissolved the day after Gorbachev resigned.
pub(super) const SU_END: NaiveDate = day(1991, 12, 26);
/// North Vietnam: reunified as the Socialist Republic of Vietnam (South Vietnam was `VN`
/// already).
const VD_END: NaiveDate = day(1976, 7, 2);
/// South Yemen: unified with North Yemen (`YE`, whose code the union kept).
const YD_END: NaiveDate = day(1990, 5, 22);
/// Yugoslavia: Slovenia, Croatia, Bosnia and Macedonia left in 1991-92; the Federal
/// Republic of Yugoslavia (Serbia and Montenegro) kept the name, and ISO's `YU`, until
/// it was renamed Serbia and Montenegro.
const YU_END: NaiveDate = day(2003, 2, 4);
/// Zaire: renamed the Democratic Republic of the Congo.
const ZR_END: NaiveDate = day(1997, 5, 17);

/// Forms of today's countries (or cities of the gazetteer) that meant another country
/// in articles published before a day. Only names that stood for the whole state are
/// here: a republic of a former union keeps its own code (`Ukraine`, `Croatia`,
/// `Slovakia`, `Tbilisi`), so a search for the place finds its whole history. An era
/// has an end and no start: news from before a state began is too rare to be worth a
/// second boundary.
#[rustfmt::skip]
pub(super) static ERAS: &[Era] = &[
    // Russia, its capital and the seat of power stood for the whole union.
    Era { code: "SU", until: SU_END, forms: &["Russia", "Russian", "Russians", "Moscow", "Kremlin", "Leningrad"] },
    Era { code: "DD", until: DD_END, forms: &["Leipzig", "Dresden"] },
    Era { code: "YU", until: YU_END, forms: &["Belgrade"] },
    // `Czech` was short for Czechoslovak.
    Era { code: "CS", until: CS_END, forms: &["Prague", "Czech", "Czechs"] },
    Era { code: "ZR", until: ZR_END, forms: &["Kinshasa"] },
    // While Kinshasa's state was Zaire, `Congo` alone was the Republic of the Congo.
    Era { code: "CG", until: ZR_END, forms: &["Congo", "Congolese"] },
    Era { code: "DY", until: DY_END, forms: &["Porto-Novo", "Cotonou"] },
    Era { code: "HV", until: HV_END, forms: &["Ouagadougou"] },
    Era { code: "NH", until: NH_END, forms: &["Port Vila"] },
    Era { code: "VD", until: VD_END, forms: &["Hanoi"] },
    Era { code: "YD", until: YD_END, forms: &["Aden"] },
];

#[rustfmt::skip]
pub(super) static COUNTRIES: &[Country] = &[
    c!("AD", "Andorra", ["Principality of Andorra"], ["Andorran", "Andorrans"], ["Andorra la Vella"]),
    c!("AE", "United Arab Emirates", ["UAE", "U.A.E.", "the Emirates"], ["Emirati", "Emiratis"], ["Abu Dhabi"]),
    c!("AF", "Afghanistan", ["Islamic Republic of Afghanistan"], ["Afghan", "Afghans"], ["Kabul"]),
    c!("AG", "Antigua and Barbuda", ["Antigua", "Antigua & Barbuda"], ["Antiguan", "Antiguans"], []),
    c!("AL", "Albania", ["Republic of Albania"], ["Albanian", "Albanians"], ["Tirana", "Tirane"]),
    c!("AM", "Armenia", ["Republic of Armenia"], ["Armenian", "Armenians"], ["Yerevan"]),
    gone!("AN", "Netherlands Antilles", ["Dutch Antilles"], [], [], ended AN_END),
    c!("AO", "Angola", ["Republic of Angola"], ["Angolan", "Angolans"], ["Luanda"]),
    c!("AR", "Argentina", ["Argentine Republic", "the Argentine"], ["Argentine", "Argentines", "Argentinian", "Argentinians", "Argentinean", "Argentineans"], ["Buenos Aires"]),
    c!("AT", "Austria", ["Republic of Austria"], ["Austrian", "Austrians"], ["Vienna"]),
    c!("AU", "Australia", ["Commonwealth of Australia"], ["Australian", "Australians", "Aussie", "Aussies"], ["Canberra"]),
    c!("AZ", "Azerbaijan", ["Republic of Azerbaijan"], ["Azerbaijani", "Azerbaijanis", "Azeri", "Azeris"], ["Baku"]),
    c!("BA", "Bosnia and Herzegovina", ["Bosnia-Herzegovina", "Bosnia", "Bosnia and Hercegovina", "Bosnia & Herzegovina"], ["Bosnian", "Bosnians"], ["Sarajevo"]),
    c!("BB", "Barbados", [], ["Barbadian", "Barbadians", "Bajan", "Bajans"], ["Bridgetown"]),
    c!("BD", "Bangladesh", ["People's Republic of Bangladesh"], ["Bangladeshi", "Bangladeshis"], ["Dhaka", "Dacca"]),
    c!("BE", "Belgium", ["Kingdom of Belgium"], ["Belgian", "Belgians"], ["Brussels"]),
    c!("BF", "Burkina Faso", ["Burkina"], ["Burkinabe", "Burkinabè"], ["Ouagadougou"]),
    c!("BG", "Bulgaria", ["Republic of Bulgaria"], ["Bulgarian", "Bulgarians"], ["Sofia"]),
    c!("BH", "Bahrain", ["Kingdom of Bahrain"], ["Bahraini", "Bahrainis"], ["Manama"]),
    c!("BI", "Burundi", ["Republic of Burundi"], ["Burundian", "Burundians"], ["Gitega", "Bujumbura"]),
    c!("BJ", "Benin", ["Republic of Benin"], ["Beninese", "Beninois"], ["Porto-Novo", "Cotonou"]),
    c!("BN", "Brunei", ["Brunei Darussalam"], ["Bruneian", "Bruneians"], ["Bandar Seri Begawan"]),
    c!("BO", "Bolivia", ["Plurinational State of Bolivia"], ["Bolivian", "Bolivians"], ["La Paz"]),
    c!("BR", "Brazil", ["Federative Republic of Brazil", "Brasil"], ["Brazilian", "Brazilians"], ["Brasília"]),
    c!("BS", "Bahamas", ["the Bahamas", "Commonwealth of The Bahamas"], ["Bahamian", "Bahamians"], []),
    c!("BT", "Bhutan", ["Kingdom of Bhutan"], ["Bhutanese"], ["Thimphu"]),
    c!("BW", "Botswana", ["Republic of Botswana"], ["Motswana", "Batswana", "Botswanan", "Botswanans"], ["Gaborone"]),
    c!("BY", "Belarus", ["Republic of Belarus", "Byelorussia", "Belorussia"], ["Belarusian", "Belarusians", "Belarussian", "Belarussians", "Byelorussian", "Byelorussians"], ["Minsk"]),
    c!("BZ", "Belize", [], ["Belizean", "Belizeans"], ["Belmopan"]),
    c!("CA", "Canada", [], ["Canadian", "Canadians"], ["Ottawa"]),
    c!("CD", "DR Congo", ["Democratic Republic of the Congo", "Democratic Republic of Congo", "DRC", "D.R.C.", "DRCongo", "Congo-Kinshasa", "Congo Kinshasa", "Congo"], ["Congolese"], ["Kinshasa"]),
    c!("CF", "Central African Republic", ["Central Africa Republic"], ["Central African", "Central Africans"], ["Bangui"]),
    c!("CG", "Republic of the Congo", ["Republic of Congo", "Congo Republic", "Congo-Brazzaville", "Congo Brazzaville"], [], ["Brazzaville"]),
    c!("CH", "Switzerland", ["Swiss Confederation"], ["Swiss"], ["Bern", "Berne"]),
    c!("CI", "Ivory Coast", ["Côte d'Ivoire", "Republic of Côte d'Ivoire"], ["Ivorian", "Ivorians"], ["Yamoussoukro", "Abidjan"]),
    c!("CL", "Chile", ["Republic of Chile"], ["Chilean", "Chileans"], ["Santiago"]),
    c!("CM", "Cameroon", ["Republic of Cameroon"], ["Cameroonian", "Cameroonians"], ["Yaoundé"]),
    c!("CN", "China", ["People's Republic of China", "PRC", "P.R.C.", "Mainland China", "Red China", "Communist China"], ["Chinese"], ["Beijing", "Peking"]),
    c!("CO", "Colombia", ["Republic of Colombia"], ["Colombian", "Colombians"], ["Bogotá"]),
    c!("CR", "Costa Rica", ["Republic of Costa Rica"], ["Costa Rican", "Costa Ricans"], []),
    gone!("CS", "Czechoslovakia", ["Czecho-Slovakia", "Czechoslovak Socialist Republic", "Czech and Slovak Federative Republic"], ["Czechoslovak", "Czechoslovaks", "Czechoslovakian", "Czechoslovakians"], [], ended CS_END),
    c!("CU", "Cuba", ["Republic of Cuba"], ["Cuban", "Cubans"], ["Havana"]),
    c!("CV", "Cape Verde", ["Cabo Verde"], ["Cape Verdean", "Cape Verdeans"], ["Praia"]),
    c!("CY", "Cyprus", ["Republic of Cyprus"], ["Cypriot", "Cypriots"], ["Nicosia"]),
    c!("CZ", "Czech Republic", ["Czechia"], ["Czech", "Czechs"], ["Prague"]),
    gone!("DD", "East Germany", ["German Democratic Republic", "GDR", "E. Germany"], ["East German", "East Germans", "E. German", "E. Germans"], ["East Berlin"], ended DD_END),
    c!("DE", "Germany", ["Federal Republic of Germany", "West Germany", "W. Germany", "FRG"], ["German", "Germans", "West German", "West Germans", "W. German", "W. Germans"], ["Berlin", "Bonn"]),
    c!("DJ", "Djibouti", ["Republic of Djibouti"], ["Djiboutian", "Djiboutians"], []),
    c!("DK", "Denmark", ["Kingdom of Denmark"], ["Danish", "Dane", "Danes"], ["Copenhagen"]),
    c!("DM", "Dominica", ["Commonwealth of Dominica"], [], ["Roseau"]),
    c!("DO", "Dominican Republic", [], ["Dominican", "Dominicans"], ["Santo Domingo"]),
    gone!("DY", "Dahomey", ["Republic of Dahomey"], ["Dahomean", "Dahomeans", "Dahomeyan", "Dahomeyans"], [], ended DY_END),
    c!("DZ", "Algeria", ["People's Democratic Republic of Algeria"], ["Algerian", "Algerians"], ["Algiers"]),
    c!("EC", "Ecuador", ["Republic of Ecuador"], ["Ecuadorian", "Ecuadorians", "Ecuadorean", "Ecuadoreans"], ["Quito"]),
    c!("EE", "Estonia", ["Republic of Estonia"], ["Estonian", "Estonians"], ["Tallinn"]),
    c!("EG", "Egypt", ["Arab Republic of Egypt"], ["Egyptian", "Egyptians"], ["Cairo"]),
    c!("ER", "Eritrea", ["State of Eritrea"], ["Eritrean", "Eritreans"], ["Asmara"]),
    c!("ES", "Spain", ["Kingdom of Spain"], ["Spanish", "Spaniard", "Spaniards"], ["Madrid"]),
    c!("ET", "Ethiopia", ["Federal Democratic Republic of Ethiopia"], ["Ethiopian", "Ethiopians"], ["Addis Ababa"]),
    c!("FI", "Finland", ["Republic of Finland"], ["Finnish", "Finns"], ["Helsinki"]),
    c!("FJ", "Fiji", ["Republic of Fiji"], ["Fijian", "Fijians"], ["Suva"]),
    c!("FM", "Micronesia", ["Federated States of Micronesia"], [], ["Palikir"]),
    c!("FR", "France", ["French Republic"], ["French", "Frenchman", "Frenchmen", "Frenchwoman", "Frenchwomen"], ["Paris", "Élysée", "Elysee Palace"]),
    c!("GA", "Gabon", ["Gabonese Republic"], ["Gabonese"], ["Libreville"]),
    c!("GB", "United Kingdom", ["United Kingdom of Great Britain and Northern Ireland", "U.K.", "UK", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland"], ["British", "Briton", "Britons", "Brit", "Brits", "Englishman", "Englishmen", "Englishwoman", "Scottish", "Scot", "Scots", "Scotsman", "Welsh", "Welshman", "Northern Irish"], ["London", "Downing Street", "Whitehall"]),
    c!("GD", "Grenada", [], ["Grenadian", "Grenadians"], []),
    c!("GE", "Georgia", ["Republic of Georgia", "Sakartvelo"], ["Georgian", "Georgians"], ["Tbilisi"]),
    c!("GH", "Ghana", ["Republic of Ghana"], ["Ghanaian", "Ghanaians"], ["Accra"]),
    c!("GL", "Greenland", [], ["Greenlander", "Greenlanders", "Greenlandic"], ["Nuuk"]),
    c!("GM", "Gambia", ["the Gambia", "Republic of The Gambia"], ["Gambian", "Gambians"], ["Banjul"]),
    c!("GN", "Guinea", ["Republic of Guinea", "Guinea-Conakry"], ["Guinean", "Guineans"], ["Conakry"]),
    c!("GQ", "Equatorial Guinea", ["Republic of Equatorial Guinea"], ["Equatorial Guinean", "Equatorial Guineans", "Equatoguinean", "Equatoguineans"], ["Malabo"]),
    c!("GR", "Greece", ["Hellenic Republic", "Hellas"], ["Greek", "Greeks"], ["Athens"]),
    c!("GT", "Guatemala", ["Republic of Guatemala"], ["Guatemalan", "Guatemalans"], ["Guatemala City"]),
    c!("GW", "Guinea-Bissau", ["Guinea Bissau"], ["Bissau-Guinean", "Bissau-Guineans"], ["Bissau"]),
    c!("GY", "Guyana", ["Co-operative Republic of Guyana"], ["Guyanese"], []),
    c!("HK", "Hong Kong", ["Hongkong", "Hong Kong SAR"], ["Hong Konger", "Hong Kongers", "Hongkonger", "Hongkongers"], []),
    c!("HN", "Honduras", ["Republic of Honduras"], ["Honduran", "Hondurans"], ["Tegucigalpa"]),
    c!("HR", "Croatia", ["Republic of Croatia"], ["Croatian", "Croatians", "Croat", "Croats"], ["Zagreb"]),
    c!("HT", "Haiti", ["Republic of Haiti"], ["Haitian", "Haitians"], ["Port-au-Prince"]),
    c!("HU", "Hungary", [], ["Hungarian", "Hungarians"], ["Budapest"]),
    gone!("HV", "Upper Volta", ["Republic of Upper Volta"], ["Upper Voltan", "Upper Voltans"], [], ended HV_END),
    c!("ID", "Indonesia", ["Republic of Indonesia"], ["Indonesian", "Indonesians"], ["Jakarta"]),
    c!("IE", "Ireland", ["Republic of Ireland", "Éire", "Irish Republic"], ["Irish", "Irishman", "Irishmen", "Irishwoman"], ["Dublin"]),
    c!("IL", "Israel", ["State of Israel", "West Jerusalem"], ["Israeli", "Israelis"], ["Jerusalem", "Tel Aviv"]),
    c!("IN", "India", ["Republic of India", "Bharat"], ["Indian", "Indians"], ["New Delhi"]),
    c!("IQ", "Iraq", ["Republic of Iraq"], ["Iraqi", "Iraqis"], ["Baghdad"]),
    c!("IR", "Iran", ["Islamic Republic of Iran", "Persia"], ["Iranian", "Iranians"], ["Tehran", "Teheran"]),
    c!("IS", "Iceland", [], ["Icelandic", "Icelander", "Icelanders"], ["Reykjavík"]),
    c!("IT", "Italy", ["Italian Republic"], ["Italian", "Italians"], ["Rome"]),
    c!("JM", "Jamaica", [], ["Jamaican", "Jamaicans"], []),
    c!("JO", "Jordan", ["Hashemite Kingdom of Jordan"], ["Jordanian", "Jordanians"], ["Amman"]),
    c!("JP", "Japan", [], ["Japanese"], ["Tokyo"]),
    c!("KE", "Kenya", ["Republic of Kenya"], ["Kenyan", "Kenyans"], ["Nairobi"]),
    c!("KG", "Kyrgyzstan", ["Kyrgyz Republic", "Kirghizia", "Kirgizia"], ["Kyrgyz", "Kirghiz"], ["Bishkek"]),
    c!("KH", "Cambodia", ["Kingdom of Cambodia", "Kampuchea"], ["Cambodian", "Cambodians", "Kampuchean", "Kampucheans"], ["Phnom Penh"]),
    c!("KI", "Kiribati", ["Republic of Kiribati"], ["I-Kiribati"], ["Tarawa", "South Tarawa"]),
    c!("KM", "Comoros", ["Union of the Comoros"], ["Comoran", "Comorans", "Comorian", "Comorians"], ["Moroni"]),
    c!("KN", "Saint Kitts and Nevis", ["St. Kitts and Nevis", "St Kitts and Nevis", "Saint Kitts", "St. Kitts", "St Kitts"], ["Kittitian", "Kittitians"], ["Basseterre"]),
    c!("KP", "North Korea", ["Democratic People's Republic of Korea", "DPRK", "D.P.R.K."], ["North Korean", "North Koreans"], ["Pyongyang"]),
    c!("KR", "South Korea", ["Republic of Korea", "ROK", "Korea"], ["South Korean", "South Koreans", "Korean", "Koreans"], ["Seoul"]),
    c!("KW", "Kuwait", ["State of Kuwait"], ["Kuwaiti", "Kuwaitis"], ["Kuwait City"]),
    c!("KZ", "Kazakhstan", ["Republic of Kazakhstan"], ["Kazakh", "Kazakhs", "Kazakhstani", "Kazakhstanis"], ["Astana", "Nur-Sultan"]),
    c!("LA", "Laos", ["Lao PDR", "Lao People's Democratic Republic"], ["Laotian", "Laotians", "Lao"], ["Vientiane"]),
    c!("LB", "Lebanon", ["Lebanese Republic"], ["Lebanese"], ["Beirut"]),
    c!("LC", "Saint Lucia", ["St. Lucia", "St Lucia"], ["Saint Lucian", "Saint Lucians", "St. Lucian", "St. Lucians"], ["Castries"]),
    c!("LI", "Liechtenstein", ["Principality of Liechtenstein"], ["Liechtensteiner", "Liechtensteiners"], ["Vaduz"]),
    c!("LK", "Sri Lanka", ["Ceylon", "Democratic Socialist Republic of Sri Lanka"], ["Sri Lankan", "Sri Lankans"], ["Colombo", "Sri Jayawardenepura Kotte"]),
    c!("LR", "Liberia", ["Republic of Liberia"], ["Liberian", "Liberians"], ["Monrovia"]),
    c!("LS", "Lesotho", ["Kingdom of Lesotho"], ["Basotho", "Mosotho"], ["Maseru"]),
    c!("LT", "Lithuania", ["Republic of Lithuania"], ["Lithuanian", "Lithuanians"], ["Vilnius"]),
    c!("LU", "Luxembourg", ["Luxemburg", "Grand Duchy of Luxembourg"], ["Luxembourger", "Luxembourgers", "Luxembourgish"], []),
    c!("LV", "Latvia", ["Republic of Latvia"], ["Latvian", "Latvians"], ["Riga"]),
    c!("LY", "Libya", ["State of Libya"], ["Libyan", "Libyans"], ["Tripoli"]),
    c!("MA", "Morocco", ["Kingdom of Morocco"], ["Moroccan", "Moroccans"], ["Rabat"]),
    c!("MC", "Monaco", ["Principality of Monaco"], ["Monégasque", "Monegasques", "Monacan"], []),
    c!("MD", "Moldova", ["Republic of Moldova", "Moldavia"], ["Moldovan", "Moldovans"], ["Chișinău", "Kishinev"]),
    c!("ME", "Montenegro", [], ["Montenegrin", "Montenegrins"], ["Podgorica"]),
    c!("MG", "Madagascar", ["Republic of Madagascar"], ["Malagasy"], ["Antananarivo"]),
    c!("MH", "Marshall Islands", ["Republic of the Marshall Islands"], ["Marshallese"], ["Majuro"]),
    c!("MK", "North Macedonia", ["Republic of North Macedonia", "Macedonia", "Former Yugoslav Republic of Macedonia", "FYROM"], ["Macedonian", "Macedonians"], ["Skopje"]),
    c!("ML", "Mali", ["Republic of Mali"], ["Malian", "Malians"], ["Bamako"]),
    c!("MM", "Myanmar", ["Burma", "Republic of the Union of Myanmar"], ["Burmese"], ["Naypyidaw", "Naypyitaw", "Nay Pyi Taw", "Yangon", "Rangoon"]),
    c!("MN", "Mongolia", [], ["Mongolian", "Mongolians"], ["Ulaanbaatar", "Ulan Bator"]),
    c!("MO", "Macau", ["Macao", "Macau SAR"], ["Macanese"], []),
    c!("MR", "Mauritania", ["Islamic Republic of Mauritania"], ["Mauritanian", "Mauritanians"], ["Nouakchott"]),
    c!("MT", "Malta", ["Republic of Malta"], ["Maltese"], ["Valletta"]),
    c!("MU", "Mauritius", ["Republic of Mauritius"], ["Mauritian", "Mauritians"], ["Port Louis"]),
    c!("MV", "Maldives", ["Republic of Maldives"], ["Maldivian", "Maldivians"], []),
    c!("MW", "Malawi", ["Republic of Malawi"], ["Malawian", "Malawians"], ["Lilongwe"]),
    c!("MX", "Mexico", ["United Mexican States"], ["Mexican", "Mexicans"], ["Mexico City"]),
    c!("MY", "Malaysia", [], ["Malaysian", "Malaysians"], ["Kuala Lumpur", "Putrajaya"]),
    c!("MZ", "Mozambique", ["Republic of Mozambique"], ["Mozambican", "Mozambicans"], ["Maputo"]),
    c!("NA", "Namibia", ["Republic of Namibia", "South West Africa"], ["Namibian", "Namibians"], ["Windhoek"]),
    c!("NE", "Niger", ["Republic of the Niger"], ["Nigerien", "Nigeriens"], ["Niamey"]),
    c!("NG", "Nigeria", ["Federal Republic of Nigeria", "Niger Delta"], ["Nigerian", "Nigerians"], ["Abuja", "Lagos"]),
    gone!("NH", "New Hebrides", ["New Hebrides Condominium"], [], [], ended NH_END),
    c!("NI", "Nicaragua", ["Republic of Nicaragua"], ["Nicaraguan", "Nicaraguans"], ["Managua"]),
    c!("NL", "Netherlands", ["the Netherlands", "Holland", "Kingdom of the Netherlands"], ["Dutch", "Dutchman", "Dutchmen", "Dutchwoman", "Netherlander", "Netherlanders"], ["Amsterdam", "The Hague"]),
    c!("NO", "Norway", ["Kingdom of Norway"], ["Norwegian", "Norwegians"], ["Oslo"]),
    c!("NP", "Nepal", [], ["Nepali", "Nepalis", "Nepalese"], ["Kathmandu"]),
    c!("NR", "Nauru", ["Republic of Nauru"], ["Nauruan", "Nauruans"], ["Yaren"]),
    c!("NZ", "New Zealand", ["Aotearoa"], ["New Zealander", "New Zealanders"], ["Wellington"]),
    c!("OM", "Oman", ["Sultanate of Oman"], ["Omani", "Omanis"], ["Muscat"]),
    c!("PA", "Panama", ["Republic of Panama"], ["Panamanian", "Panamanians"], ["Panama City"]),
    c!("PE", "Peru", ["Republic of Peru"], ["Peruvian", "Peruvians"], ["Lima"]),
    c!("PG", "Papua New Guinea", ["PNG"], ["Papua New Guinean", "Papua New Guineans"], ["Port Moresby"]),
    c!("PH", "Philippines", ["the Philippines", "Republic of the Philippines"], ["Filipino", "Filipinos", "Filipina", "Filipinas", "Philippine"], ["Manila"]),
    c!("PK", "Pakistan", ["Islamic Republic of Pakistan"], ["Pakistani", "Pakistanis"], ["Islamabad"]),
    c!("PL", "Poland", ["Republic of Poland"], ["Polish", "Poles"], ["Warsaw"]),
    c!("PR", "Puerto Rico", [], ["Puerto Rican", "Puerto Ricans"], ["San Juan"]),
    c!("PS", "Palestine", ["State of Palestine", "Palestinian territories", "Palestinian Territories", "Palestinian Authority", "West Bank", "Gaza", "Gaza Strip", "Gaza City", "East Jerusalem"], ["Palestinian", "Palestinians", "Gazan", "Gazans"], ["Ramallah"]),
    c!("PT", "Portugal", ["Portuguese Republic"], ["Portuguese"], ["Lisbon"]),
    c!("PW", "Palau", ["Republic of Palau"], ["Palauan", "Palauans"], ["Ngerulmud"]),
    c!("PY", "Paraguay", ["Republic of Paraguay"], ["Paraguayan", "Paraguayans"], ["Asunción"]),
    c!("QA", "Qatar", ["State of Qatar"], ["Qatari", "Qataris"], ["Doha"]),
    gone!("RH", "Rhodesia", ["Southern Rhodesia"], ["Rhodesian", "Rhodesians"], [], ended RH_END),
    c!("RO", "Romania", ["Rumania", "Roumania"], ["Romanian", "Romanians", "Rumanian", "Rumanians"], ["Bucharest"]),
    c!("RS", "Serbia", ["Republic of Serbia", "Serbia and Montenegro"], ["Serbian", "Serbians", "Serb", "Serbs"], ["Belgrade"]),
    c!("RU", "Russia", ["Russian Federation"], ["Russian", "Russians"], ["Moscow", "Kremlin"]),
    c!("RW", "Rwanda", ["Republic of Rwanda"], ["Rwandan", "Rwandans"], ["Kigali"]),
    c!("SA", "Saudi Arabia", ["Kingdom of Saudi Arabia"], ["Saudi", "Saudis", "Saudi Arabian", "Saudi Arabians"], ["Riyadh"]),
    c!("SB", "Solomon Islands", [], ["Solomon Islander", "Solomon Islanders"], ["Honiara"]),
    c!("SC", "Seychelles", ["Republic of Seychelles"], ["Seychellois"], []),
    c!("SD", "Sudan", ["Republic of the Sudan", "the Sudan"], ["Sudanese"], ["Khartoum"]),
    c!("SE", "Sweden", ["Kingdom of Sweden"], ["Swedish", "Swede", "Swedes"], ["Stockholm"]),
    c!("SG", "Singapore", ["Republic of Singapore"], ["Singaporean", "Singaporeans"], []),
    c!("SI", "Slovenia", ["Republic of Slovenia"], ["Slovenian", "Slovenians", "Slovene", "Slovenes"], ["Ljubljana"]),
    c!("SK", "Slovakia", ["Slovak Republic"], ["Slovak", "Slovaks", "Slovakian"], ["Bratislava"]),
    c!("SL", "Sierra Leone", ["Republic of Sierra Leone"], ["Sierra Leonean", "Sierra Leoneans"], ["Freetown"]),
    c!("SM", "San Marino", ["Republic of San Marino"], ["Sammarinese"], []),
    c!("SN", "Senegal", ["Republic of Senegal"], ["Senegalese"], ["Dakar"]),
    c!("SO", "Somalia", ["Federal Republic of Somalia"], ["Somali", "Somalis", "Somalian", "Somalians"], ["Mogadishu"]),
    c!("SR", "Suriname", ["Surinam", "Republic of Suriname"], ["Surinamese", "Surinamer", "Surinamers"], ["Paramaribo"]),
    c!("SS", "South Sudan", ["Republic of South Sudan"], ["South Sudanese"], ["Juba"]),
    c!("ST", "Sao Tome and Principe", ["São Tomé and Príncipe", "São Tomé"], ["Santomean", "Santomeans"], []),
    gone!("SU", "Soviet Union", ["USSR", "U.S.S.R.", "Union of Soviet Socialist Republics", "Soviet Russia"], ["Soviet", "Soviets"], [], ended SU_END),
    c!("SV", "El Salvador", ["Republic of El Salvador"], ["Salvadoran", "Salvadorans", "Salvadorean", "Salvadoreans"], ["San Salvador"]),
    c!("SY", "Syria", ["Syrian Arab Republic"], ["Syrian", "Syrians"], ["Damascus"]),
    c!("SZ", "Eswatini", ["Swaziland", "Kingdom of Eswatini"], ["Swazi", "Swazis"], ["Mbabane", "Lobamba"]),
    c!("TD", "Chad", ["Republic of Chad"], ["Chadian", "Chadians"], ["N'Djamena", "Ndjamena"]),
    c!("TG", "Togo", ["Togolese Republic"], ["Togolese"], ["Lomé"]),
    c!("TH", "Thailand", ["Kingdom of Thailand", "Siam"], ["Thai", "Thais"], ["Bangkok"]),
    c!("TJ", "Tajikistan", ["Republic of Tajikistan"], ["Tajik", "Tajiks", "Tajikistani"], ["Dushanbe"]),
    c!("TL", "Timor-Leste", ["East Timor", "Timor Leste"], ["Timorese", "East Timorese"], ["Dili"]),
    c!("TM", "Turkmenistan", [], ["Turkmen", "Turkmens"], ["Ashgabat", "Ashkhabad"]),
    c!("TN", "Tunisia", ["Republic of Tunisia"], ["Tunisian", "Tunisians"], ["Tunis"]),
    c!("TO", "Tonga", ["Kingdom of Tonga"], ["Tongan", "Tongans"], ["Nuku'alofa"]),
    c!("TR", "Turkey", ["Türkiye", "Republic of Turkey", "Republic of Türkiye"], ["Turkish", "Turk", "Turks"], ["Ankara"]),
    c!("TT", "Trinidad and Tobago", ["Trinidad & Tobago", "Trinidad"], ["Trinidadian", "Trinidadians", "Tobagonian", "Tobagonians"], ["Port of Spain", "Port-of-Spain"]),
    c!("TV", "Tuvalu", [], ["Tuvaluan", "Tuvaluans"], ["Funafuti"]),
    c!("TW", "Taiwan", ["Republic of China", "Chinese Taipei", "Formosa"], ["Taiwanese"], ["Taipei"]),
    c!("TZ", "Tanzania", ["United Republic of Tanzania"], ["Tanzanian", "Tanzanians"], ["Dodoma", "Dar es Salaam"]),
    c!("UA", "Ukraine", ["the Ukraine"], ["Ukrainian", "Ukrainians"], ["Kyiv", "Kiev"]),
    c!("UG", "Uganda", ["Republic of Uganda"], ["Ugandan", "Ugandans"], ["Kampala"]),
    c!("US", "United States", ["United States of America", "U.S.", "U.S.A.", "US", "USA", "America", "the States"], ["American", "Americans"], ["Washington", "Washington, D.C.", "Washington D.C.", "White House"]),
    c!("UY", "Uruguay", ["Oriental Republic of Uruguay"], ["Uruguayan", "Uruguayans"], ["Montevideo"]),
    c!("UZ", "Uzbekistan", ["Republic of Uzbekistan"], ["Uzbek", "Uzbeks", "Uzbekistani"], ["Tashkent"]),
    c!("VA", "Vatican City", ["Vatican", "Holy See", "Vatican City State"], [], []),
    c!("VC", "Saint Vincent and the Grenadines", ["St. Vincent and the Grenadines", "St Vincent and the Grenadines", "Saint Vincent", "St. Vincent"], ["Vincentian", "Vincentians"], ["Kingstown"]),
    gone!("VD", "North Vietnam", ["Democratic Republic of Vietnam", "Democratic Republic of Viet Nam"], ["North Vietnamese"], [], ended VD_END),
    c!("VE", "Venezuela", ["Bolivarian Republic of Venezuela"], ["Venezuelan", "Venezuelans"], ["Caracas"]),
    c!("VN", "Vietnam", ["Viet Nam", "Socialist Republic of Vietnam"], ["Vietnamese"], ["Hanoi"]),
    c!("VU", "Vanuatu", ["Republic of Vanuatu"], ["Ni-Vanuatu"], ["Port Vila"]),
    c!("WS", "Samoa", ["Independent State of Samoa", "Western Samoa"], ["Samoan", "Samoans"], ["Apia"]),
    c!("XK", "Kosovo", ["Republic of Kosovo"], ["Kosovar", "Kosovars", "Kosovan", "Kosovans"], ["Pristina", "Prishtina"]),
    gone!("YD", "South Yemen", ["People's Democratic Republic of Yemen", "Democratic Yemen", "PDRY"], ["South Yemeni", "South Yemenis"], [], ended YD_END),
    c!("YE", "Yemen", ["Republic of Yemen", "North Yemen", "Yemen Arab Republic"], ["Yemeni", "Yemenis", "Yemenite"], ["Sanaa", "Sana'a", "Aden"]),
    gone!("YU", "Yugoslavia", ["Socialist Federal Republic of Yugoslavia", "Federal Republic of Yugoslavia"], ["Yugoslav", "Yugoslavs", "Yugoslavian", "Yugoslavians"], [], ended YU_END),
    c!("ZA", "South Africa", ["Republic of South Africa"], ["South African", "South Africans"], ["Pretoria", "Cape Town"]),
    c!("ZM", "Zambia", ["Republic of Zambia", "Northern Rhodesia"], ["Zambian", "Zambians"], ["Lusaka"]),
    gone!("ZR", "Zaire", ["Republic of Zaire"], ["Zairean", "Zaireans", "Zairian", "Zairians"], [], ended ZR_END),
    c!("ZW", "Zimbabwe", ["Republic of Zimbabwe"], ["Zimbabwean", "Zimbabweans"], ["Harare"]),
];
