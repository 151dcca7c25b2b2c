//! The words pages use for furniture inside the article column, in the
//! languages of the pages morgue reads (English, German, French, Spanish,
//! Italian, Portuguese, Polish): prompts that send the reader elsewhere ("Read
//! more:", "Lea también:", "Mehr zum Thema"), share and comment buttons, and
//! photo credits. These are facts about page wording, kept as plain lists.
//!
//! The rules: a block or line that *starts* with a prompt ([`starts_with_prompt`])
//! or *is* a heading over related links ([`is_prompt_heading`]) is furniture, as
//! is a short line that is only a button label or starts with a credit label
//! ([`keep_line`]). Matching ignores case and a trailing colon.

/// Phrases that open a line pointing to another article. An entry ending in
/// `:` needs the colon ("Mira:" is a prompt, "Mira" starts prose); the others
/// need the phrase to end at a non-letter.
#[rustfmt::skip]
const PROMPT_OPENERS: &[&str] = &[
    // English
    "read more", "read also", "also read", "see also", "related:", "more:", "recommended:",
    "read next", "don't miss:", "watch:",
    // German
    "mehr zum thema", "lesen sie auch", "lesen sie mehr", "auch interessant",
    "das könnte sie auch interessieren", "das könnte dich auch interessieren",
    "das könnte dich", "schon gelesen", "weiterlesen", "zum weiterlesen", "lese-tipp",
    "lesetipp", "mehr dazu", "siehe auch", "auch lesen", "weitere beiträge", "weitere artikel",
    "weitere informationen zum", "beiträge zum thema", "passend zum thema",
    "empfehlungen aus dem", "entdecke weitere",
    // French
    "lire aussi", "à lire aussi", "a lire aussi", "lire également", "voir aussi",
    "à lire également", "sur le même sujet", "à voir aussi",
    // Spanish
    "lea también", "lea más:", "lea:", "mire:", "lee también", "leer más", "le puede interesar",
    "te puede interesar", "puede interesarte", "mira:", "ver también", "también puedes leer",
    "noticias relacionadas", "relacionado:", "relacionadas:",
    // Italian and Portuguese
    "leggi anche", "leggi di più", "articoli correlati", "leia também", "veja também",
    "leia mais",
    // Polish
    "czytaj też", "czytaj także", "czytaj więcej", "zobacz też", "zobacz także",
    "dowiedz się więcej", "polecamy:",
];

/// Headings over a list of other articles, matched as the whole text.
#[rustfmt::skip]
const PROMPT_HEADINGS: &[&str] = &[
    "related", "related articles", "related posts", "related stories", "related coverage",
    "more stories", "more from", "you may also like", "you might also like", "latest news",
    "recent posts", "most popular", "most read", "trending", "neueste artikel",
    "verwandte artikel", "ähnliche artikel", "ähnliche beiträge",
    "das könnte sie auch interessieren", "meistgelesen", "meist gelesen", "aktuelle artikel",
    "neueste beiträge", "top-artikel", "articles similaires", "les plus lus",
    "dans la même rubrique", "lo más leído", "más noticias", "últimas noticias",
    "articoli correlati", "i più letti", "polecamy", "najczęściej czytane", "zobacz również",
];

/// Whole-line labels of buttons and empty comment sections.
#[rustfmt::skip]
const BUTTON_LINES: &[&str] = &[
    "share", "share this", "share this article", "share on facebook", "share on twitter",
    "tweet", "print", "email", "e-mail", "comments", "leave a comment", "no comments",
    "comments closed", "advertisement", "sponsored", "teilen", "artikel teilen", "drucken",
    "rezept drucken", "kommentare", "keine kommentare", "kommentare geschlossen",
    "kommentar schreiben", "anzeige", "werbung", "partager", "imprimer", "publicité",
    "commentaires", "compartir", "imprimir", "comentarios", "publicidad", "condividi",
    "stampa", "udostępnij", "drukuj", "komentarze", "reklama",
    // loaders, pins, ratings and embeds waiting for consent
    "load more", "mehr laden", "lade weitere inhalte", "cargar más", "pin it", "pinnen",
    "rate this article", "artikel bewerten", "valora esta noticia", "möchten sie den artikel teilen",
    "externer inhalt", "external content",
];

/// Labels that open a photo credit or a source line under an image.
#[rustfmt::skip]
const CREDIT_OPENERS: &[&str] = &[
    "foto:", "fotos:", "foto ©", "bild:", "bilder:", "photo:", "photos:", "photograph by",
    "photo by", "image:", "image credit", "credit:", "crédit photo", "crédits photos",
    "crédit :", "(crédito:", "crédito:", "imagen:", "titelbild:", "fot.", "zdjęcie:",
    "źródło:", "©",
];

/// Labels of the metadata lines themes print around a story: its category,
/// tags, authors, sources and dates. The story has them in their own fields.
#[rustfmt::skip]
const META_LABELS: &[&str] = &[
    "category:", "categories:", "kategorie:", "kategorien:", "rubrik:", "tags:",
    "schlagwörter:", "schlagworte:", "autoren:", "quelle:", "quellen:", "quellenangaben:",
    "source:", "sources:", "fuente:", "updated:", "aktualisiert:", "aktualisiert am",
    "veröffentlicht:", "published:", "publikacja:", "publié le", "mis à jour", "erschienen in",
    "erstellt:", "stand:", "aufrufe:", "views:", "kommentare insgesamt:",
];

/// Phrases that mark a whole line, wherever they stand in it, as a notice
/// about the page rather than the story: paywalls, copyright and liability
/// notices, cookie and browser banners.
#[rustfmt::skip]
const NOTICE_PHRASES: &[&str] = &[
    // paywalls
    "already a subscriber", "to view the full story", "for the full story",
    "to continue reading", "subscribe to continue", "subscribers only",
    "nur für abonnenten", "weiterlesen mit", "exclusivo para suscriptores",
    // copyright and liability
    "all rights reserved", "copyrighted property", "written permission",
    "alle rechte vorbehalten", "todos los derechos reservados", "tous droits réservés",
    "tutti i diritti riservati", "angaben ohne gewähr",
    // cookies, scripts, browsers
    "we use cookies", "this website uses cookies", "diese website verwendet cookies",
    "wir verwenden cookies", "enable javascript", "javascript is disabled",
    "javascript aktivieren", "outdated browser", "veralteten browser",
];

/// A notice is a sentence or two.
const NOTICE_MAX_CHARS: usize = 300;

/// A metadata line is a label and a few words.
const META_MAX_CHARS: usize = 80;

/// A line that is only a date, a time or a reading time.
static DATE_LINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}( ?[ap]\.?m\.?)?|\d+ min(\.|utes?)? (read|lesezeit)|lesezeit:? \d+ min(\.|uten)?)$",
    )
    .expect("date line regex")
});

/// A credit line is short: a label, a name, an agency.
const CREDIT_MAX_CHARS: usize = 120;

/// Lowercased `text` without surrounding spaces and a trailing colon.
fn normalized(text: &str) -> String {
    text.trim()
        .trim_end_matches([':', '.', '?', '!', ' '])
        .to_lowercase()
}

/// Whether `text` opens with one of `openers` as a whole phrase.
fn opens_with(text: &str, openers: &[&str]) -> bool {
    let lower = text.trim_start().to_lowercase();
    openers.iter().any(|opener| {
        let Some(rest) = lower.strip_prefix(opener) else {
            return false;
        };
        opener.ends_with([':', '©', '.']) || !rest.starts_with(char::is_alphanumeric)
    })
}

/// A block opening with a "read this other article" prompt.
pub(super) fn starts_with_prompt(text: &str) -> bool {
    opens_with(text, PROMPT_OPENERS)
}

/// A heading whose whole text announces a list of other articles: a
/// heading word or a prompt standing alone ("Mehr zum Thema", "Lire aussi").
pub(super) fn is_prompt_heading(text: &str) -> bool {
    let norm = normalized(text);
    PROMPT_HEADINGS.contains(&norm.as_str())
        || PROMPT_OPENERS
            .iter()
            .any(|opener| opener.trim_end_matches(':') == norm)
}

/// Whether a line of extracted text is article text rather than a button
/// label, a prompt, a photo credit, a paywall, copyright or cookie notice, a
/// metadata line ("Kategorie: News", "Quelle: dpa") or a bare date that
/// readability kept.
pub(super) fn keep_line(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() {
        return true;
    }
    let norm = normalized(line);
    if BUTTON_LINES.contains(&norm.as_str()) || is_prompt_heading(line) {
        return false;
    }
    if line.chars().count() <= NOTICE_MAX_CHARS {
        let lower = line.to_lowercase();
        if NOTICE_PHRASES.iter().any(|p| lower.contains(p)) {
            return false;
        }
    }
    if DATE_LINE.is_match(&collapse_spaces(line)) || is_php_message(line) {
        return false;
    }
    if line.chars().count() <= META_MAX_CHARS {
        let tight = line.replace(" :", ":");
        if opens_with(&tight, META_LABELS)
            || META_LABELS.iter().any(|l| l.trim_end_matches(':') == norm)
        {
            return false;
        }
    }
    let short = line.chars().count() <= CREDIT_MAX_CHARS;
    !(short && (opens_with(line, CREDIT_OPENERS) || starts_with_prompt(line)))
}

/// An error message PHP printed into the page: `Warning: Creating default
/// object from empty value in /var/www/... on line 12`.
fn is_php_message(line: &str) -> bool {
    [
        "Warning:",
        "Notice:",
        "Deprecated:",
        "Strict Standards:",
        "Fatal error:",
    ]
    .iter()
    .any(|label| line.starts_with(label))
        && (line.contains(" on line ") || line.contains(".php"))
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompts_headings_and_credits() {
        let cases: &[(&str, bool, bool, bool)] = &[
            // text, starts_with_prompt, is_prompt_heading, keep_line
            (
                "Read more: Council votes on the harbour budget",
                true,
                false,
                false,
            ),
            ("Lea también: Otra noticia del día", true, false, false),
            ("LEA: otra noticia", true, false, false),
            ("Mira: el video completo", true, false, false),
            ("Mirador del puerto abre sus puertas", false, false, true),
            ("Mehr zum Thema", true, true, false),
            ("Related articles:", false, true, false),
            ("Readers were asked about the harbour.", false, false, true),
            ("Foto: Maria Muster/Agentur", false, false, false),
            ("© 2024 Example Media", false, false, false),
            (
                "Fotografen zeigen ihre Bilder im Rathaus.",
                false,
                false,
                true,
            ),
            ("Teilen", false, false, false),
            ("Lade weitere Inhalte", false, false, false),
            ("Möchten Sie den Artikel teilen?", false, false, false),
            ("Kategorie: Lokales", false, false, false),
            ("Aufrufe: 1.234", false, false, false),
            (
                "Warning: Creating default object from empty value in /var/www/lib.php on line 12",
                false,
                false,
                false,
            ),
            ("Warning: the river is still rising", false, false, true),
            (
                "Strict Standards: Redefining already defined constructor for class wpdb in /www/wp-db.php on line 56",
                false,
                false,
                false,
            ),
            ("Category : Press Releases", false, false, false),
            ("Quelle: Deutscher Wetterdienst", false, false, false),
            ("Autoren:", false, false, false),
            ("23.10.2018", false, false, false),
            ("3:59 PM", false, false, false),
            ("4 min read", false, false, false),
            (
                "Quellen der Inspiration gibt es auf der Insel viele.",
                false,
                false,
                true,
            ),
            (
                "Am 23.10.2018 öffnete der Hafen wieder.",
                false,
                false,
                true,
            ),
            ("Kommentare geschlossen", false, false, false),
            (
                "Share prices rose by four percent on Monday.",
                false,
                false,
                true,
            ),
        ];
        for &(text, prompt, heading, keep) in cases {
            assert_eq!(starts_with_prompt(text), prompt, "prompt: {text}");
            assert_eq!(is_prompt_heading(text), heading, "heading: {text}");
            assert_eq!(keep_line(text), keep, "keep: {text}");
        }
    }
}
