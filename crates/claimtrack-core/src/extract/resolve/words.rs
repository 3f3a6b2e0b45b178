//! Word lists only the resolver needs: what ends a company's name, which nouns name a
//! document rather than the body that wrote it, which titles rank a person apart from the
//! office's holder, and how an anonymous group's description reads for one of its members.
//! Kept beside the resolver (not in the shared lexicon) because the learned tagger's
//! features read the shared lists and must not move when these do.

use std::sync::OnceLock;

use super::super::lexicon::{in_word_set, with_lowercase, Gender, PackedWordTable};

/// Last words of company and institution names the shared organisation nouns miss
/// ("Lowther Securities", "Nordvale Airways", "Starling Records").
const ORGANISATION_NAME_ENDINGS: &[&str] = &[
    "air",
    "airlines",
    "airways",
    "associates",
    "aviation",
    "books",
    "brewery",
    "brewing",
    "buses",
    "capital",
    "chemicals",
    "constabulary",
    "construction",
    "consulting",
    "electric",
    "energy",
    "enterprises",
    "ferries",
    "foods",
    "forum",
    "initiative",
    "inspectorate",
    "insurance",
    "investments",
    "laboratories",
    "labs",
    "logistics",
    "media",
    "motors",
    "mutual",
    "paper",
    "partners",
    "petroleum",
    "pharmaceuticals",
    "pictures",
    "publishing",
    "railways",
    "records",
    "research",
    "securities",
    "semiconductors",
    "shipping",
    "society",
    "solutions",
    "studios",
    "systems",
    "technologies",
    "technology",
    "telecom",
    "trust",
    "utilities",
    "ventures",
];

/// Whether `word` ends company and institution names.
/// Asked of the last word of every capitalised run, so the list sits in a packed table.
pub fn organisation_name_ending(word: &str) -> bool {
    static ENDINGS: OnceLock<PackedWordTable<()>> = OnceLock::new();
    in_word_set(&ENDINGS, ORGANISATION_NAME_ENDINGS, word)
}

/// Last words of places, which never speak: "Main Street", "Harbour Road".
const PLACE_ENDINGS: &[&str] = &[
    "avenue",
    "boulevard",
    "bridge",
    "lane",
    "park",
    "rd",
    "road",
    "square",
    "st",
    "station",
    "street",
];

/// A capitalised run naming a place or a saint's church rather than a speaker: it ends in
/// a street word, or it starts with "St"/"Saint" ("St Aidan's").
pub fn is_place_name(words: &[&str]) -> bool {
    let Some(last) = words.last() else {
        return false;
    };
    // Every capitalised run is asked: ASCII words are compared ignoring case in place,
    // which is what lower-casing them would decide.
    let lower_is = |word: &str, expected: &[&str]| {
        let bare = word.trim_end_matches('.');
        if bare.is_ascii() {
            expected
                .iter()
                .any(|candidate| candidate.eq_ignore_ascii_case(bare))
        } else {
            with_lowercase(bare, |lower| expected.contains(&lower))
        }
    };
    let saint = words[..words.len() - 1]
        .iter()
        .any(|word| lower_is(word, &["st", "saint", "ste"]));
    (words.len() >= 2 && lower_is(last, PLACE_ENDINGS)) || saint
}

/// Heads of descriptions that a company answers to ("the company", "the airline") without
/// the word being part of its name.
const COMPANY_NOUNS: &[&str] = &[
    "airline",
    "brewer",
    "carrier",
    "chipmaker",
    "company",
    "developer",
    "firm",
    "group",
    "insurer",
    "label",
    "lender",
    "maker",
    "manufacturer",
    "operator",
    "producer",
    "publisher",
    "refiner",
    "retailer",
];

pub fn is_company_noun(word: &str) -> bool {
    COMPANY_NOUNS.contains(&word)
}

/// Nouns for what a body publishes ("the statement", "its latest bulletin", "the board's
/// own figures"): the speaker is the body, never the document.
const DOCUMENT_NOUNS: &[&str] = &[
    "analysis",
    "assessment",
    "audit",
    "bulletin",
    "data",
    "estimates",
    "figures",
    "filing",
    "letter",
    "minutes",
    "paper",
    "report",
    "review",
    "statement",
    "statistics",
    "study",
    "survey",
    "website",
];

pub fn is_document_noun(word: &str) -> bool {
    DOCUMENT_NOUNS.contains(&word)
}

/// Spans of time a verb can take as its object before a participle says what was done
/// in them ("spent the spring insisting", "entered the year predicting", "spent much of
/// his campaign railing"), lower-cased.
pub fn is_span_of_time_noun(lower: &str) -> bool {
    matches!(
        lower,
        "spring"
            | "summer"
            | "autumn"
            | "winter"
            | "fall"
            | "year"
            | "years"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "weekend"
            | "day"
            | "days"
            | "decade"
            | "decades"
            | "hours"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "campaign"
            | "career"
            | "tenure"
            | "term"
            | "time"
            | "season"
    )
}

/// Verbs that take a span of time as their object ("spent the spring", "entered the
/// year"), lower-cased.
pub fn is_span_of_time_verb(lower: &str) -> bool {
    matches!(
        lower,
        "spent"
            | "spend"
            | "spends"
            | "spending"
            | "entered"
            | "enters"
            | "began"
            | "begins"
            | "started"
            | "starts"
            | "ended"
            | "ends"
            | "passed"
    )
}

/// Words that may stand between such a verb and its span of time ("most of the", "much
/// of his", "the whole"), lower-cased.
pub fn is_span_of_time_filler(lower: &str) -> bool {
    matches!(
        lower,
        "most"
            | "much"
            | "all"
            | "part"
            | "of"
            | "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "whole"
            | "entire"
            | "past"
            | "last"
            | "first"
            | "early"
            | "better"
            | "this"
            | "that"
    )
}

/// Verbs that put a document out ("issued a statement", "published a paper"): the
/// document's words are its issuer's.
pub fn is_document_put_out_verb(lower: &str) -> bool {
    matches!(
        lower,
        "issued"
            | "released"
            | "published"
            | "posted"
            | "sent"
            | "tweeted"
            | "circulated"
            | "distributed"
            | "emailed"
            | "e-mailed"
    )
}

/// Words that rank a title apart from the office itself: a deputy governor is not the
/// governor, a shadow minister not the minister.
pub const RANK_WORDS: &[&str] = &[
    "acting",
    "assistant",
    "associate",
    "deputy",
    "interim",
    "junior",
    "shadow",
    "vice",
];

/// Words that set a title's holder in the past: "the museum's previous director" is not the
/// director the article has named, unless that person was introduced as a former one too.
pub const PAST_HOLDER_WORDS: &[&str] = &["former", "previous", "outgoing", "ex", "late"];

/// Religious and courtesy titles before a name, with the gender they tell.
pub fn religious_title(word: &str) -> Option<Option<Gender>> {
    with_lowercase(word.trim_end_matches('.'), |lower| match lower {
        "father" | "fr" | "brother" | "lord" | "sheikh" => Some(Some(Gender::Male)),
        "sister" | "lady" | "mother" => Some(Some(Gender::Female)),
        "rev" | "reverend" | "canon" => Some(None),
        _ => None,
    })
}

/// "officials who have worked on the programme" read for one of them: "official who has
/// worked on the programme". Only the head and the first verb of a relative clause change.
pub fn singular_group_description(plural: &str) -> String {
    let mut words: Vec<String> = plural.split(' ').map(str::to_string).collect();
    let head = words
        .iter()
        .position(|word| {
            matches!(
                word.as_str(),
                "who" | "familiar" | "briefed" | "close" | "at" | "in" | "with" | "from" | "of"
            )
        })
        .unwrap_or(words.len())
        .saturating_sub(1);
    if let Some(word) = words.get_mut(head) {
        *word = match word.as_str() {
            "people" => "person".to_string(),
            "staff" => "member of staff".to_string(),
            other => other
                .strip_suffix("ies")
                .map(|stem| format!("{stem}y"))
                .or_else(|| other.strip_suffix('s').map(str::to_string))
                .unwrap_or_else(|| other.to_string()),
        };
    }
    if let Some(who) = words.iter().position(|word| word == "who") {
        if let Some(verb) = words.get_mut(who + 1) {
            *verb = match verb.as_str() {
                "have" => "has".to_string(),
                "are" => "is".to_string(),
                "were" => "was".to_string(),
                other => other.to_string(),
            };
        }
    }
    words.join(" ")
}

/// Titles the shared role nouns lack, for people an article names by office alone ("the
/// city engineer").
const EXTRA_OFFICE_NOUNS: &[&str] = &[
    "boss",
    "curator",
    "dispatcher",
    "editor",
    "engineer",
    "headteacher",
    "planner",
    "trustee",
];

pub fn is_extra_office_noun(word: &str) -> bool {
    EXTRA_OFFICE_NOUNS.contains(&word)
}

/// Offices an article may name by description alone before the speaker says anything
/// ("The transport minister has offered to appoint a mediator"): the generic people nouns
/// of the shared role list (resident, worker, expert) are left out, since "the local
/// farmer" is rarely one person the story returns to.
const REGISTERED_OFFICES: &[&str] = &[
    "ambassador",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "commissioner",
    "director",
    "engineer",
    "envoy",
    "governor",
    "inspector",
    "judge",
    "leader",
    "manager",
    "mayor",
    "minister",
    "ombudsman",
    "premier",
    "president",
    "prosecutor",
    "secretary",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "superintendent",
    "treasurer",
    "whip",
];

/// Bodies an article may name by description alone ("the transport ministry", "the
/// monetary policy committee", "the central bank").
const REGISTERED_BODIES: &[&str] = &[
    "agency",
    "authority",
    "bank",
    "board",
    "commission",
    "committee",
    "council",
    "department",
    "inspectorate",
    "ministry",
    "office",
    "regulator",
];

pub fn is_registered_office(word: &str) -> bool {
    REGISTERED_OFFICES.contains(&word)
}

pub fn is_registered_body(word: &str) -> bool {
    REGISTERED_BODIES.contains(&word)
}

/// Places whose name ends in "a" and whose adjective adds an "n" ("Nevadan", "Asian")
/// without the place being a country that speaks: the American states and the continents.
const PLACES_NAMED_LIKE_COUNTRIES: &[&str] = &[
    "africa",
    "alabama",
    "alaska",
    "america",
    "antarctica",
    "arizona",
    "asia",
    "california",
    "carolina",
    "dakota",
    "florida",
    "georgia",
    "indiana",
    "iowa",
    "louisiana",
    "minnesota",
    "montana",
    "nebraska",
    "nevada",
    "oceania",
    "oklahoma",
    "pennsylvania",
    "virginia",
];

/// Whether the capitalised `word` is an American state or a continent whose name reads
/// like a country's ("Nevada" beside "Nevadan").
pub fn is_place_named_like_country(word: &str) -> bool {
    with_lowercase(word, |lower| PLACES_NAMED_LIKE_COUNTRIES.contains(&lower))
}

/// Words that make a body public rather than a company: "the company" never means the
/// ministry.
const PUBLIC_BODY_WORDS: &[&str] = &[
    "agency",
    "authority",
    "board",
    "commission",
    "committee",
    "council",
    "court",
    "department",
    "government",
    "inspectorate",
    "ministry",
    "office",
    "parliament",
    "party",
    "police",
    "union",
];

pub fn is_public_body_word(word: &str) -> bool {
    PUBLIC_BODY_WORDS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisation_endings_are_sorted_for_binary_search() {
        for pair in ORGANISATION_NAME_ENDINGS.windows(2) {
            assert!(pair[0] < pair[1], "{} before {}", pair[0], pair[1]);
        }
        assert!(organisation_name_ending("Securities"));
        assert!(!organisation_name_ending("Keller"));
    }

    #[test]
    fn one_member_of_a_group_is_described_in_the_singular() {
        assert_eq!(
            singular_group_description("officials who have worked on the programme"),
            "official who has worked on the programme"
        );
        assert_eq!(
            singular_group_description("people familiar with the matter"),
            "person familiar with the matter"
        );
        assert_eq!(
            singular_group_description("diplomats briefed on the talks"),
            "diplomat briefed on the talks"
        );
    }

    #[test]
    fn streets_and_saints_are_places() {
        assert!(is_place_name(&["Main", "Street"]));
        assert!(is_place_name(&["St", "Aidan"]));
        assert!(is_place_name(&["Outside", "St", "Columba's"]));
        assert!(!is_place_name(&["Maria", "Keller"]));
    }
}
