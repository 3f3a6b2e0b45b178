//! Stage 4, `speakers`: finds the words that name who is speaking around a cue, before
//! it (`Maria Keller said`, `Keller, the finance minister, said`) or after it (`said
//! Keller`, `according to the ministry`). It only finds surface mentions; `resolve`
//! decides whom they mean.

use std::sync::OnceLock;

use super::cues::closes_proper_name;
use super::lexicon::{
    cue_verb, in_word_set, is_article, is_connective, is_demonstrative, is_determiner,
    is_group_noun, is_organisation_noun, is_possessive_determiner, is_preposition,
    is_preposition_only, is_relative_time_word, is_role_noun, is_subject_pronoun,
    is_subordinating_conjunction, is_time_noun, opens_description, reads_as_past_tense,
    with_lowercase, PackedWordTable, AUXILIARIES, WEEKDAYS,
};
use super::segment::{Token, TokenKind};
use crate::model::ByteSpan;

/// A speaker mention as found in the text, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionCandidate {
    pub first_token: usize,
    pub end_token: usize,
    pub span: ByteSpan,
    /// A role stated beside the mention: an appositive (`Keller, the finance minister,`)
    /// or a description the name stands in apposition to.
    pub role: Option<ByteSpan>,
}

/// Words that end a noun phrase when reading away from the cue: they start clauses or
/// belong to verbs, never to the speaker's name.
const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "and", "but", "or", "nor", "because", "while", "when",
    "whereas", "although", "though", "if", "as", "so", "than", "where", "whether", "is", "are",
    "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "can", "could",
    "should", "may", "might", "must", "do", "does", "did", "not", "to", "after", "before", "since",
    "until", "unless", "what", "why", "how", "yet", "also", "later", "then", "again", "there",
    "here", "it's", "just", "even", "still", "only", "this", "these", "those",
];

/// Prepositions that may sit inside a speaker's noun phrase ("a spokeswoman for the
/// ministry", "people familiar with the matter", "Bank of England"), with the two
/// adjectives that take one ("close to", "familiar with"). Deliberately a few of
/// `lexicon::PREPOSITIONS`: a determiner after one of these stays inside the phrase, and
/// after any other ("During the talks the union ...") it starts a new one, in a
/// speaker's phrase and in the adjunct after a cue alike.
pub const PHRASE_PREPOSITIONS: &[&str] = &[
    "of", "for", "at", "with", "from", "in", "on", "to", "close", "familiar",
];

fn word_at<'t>(text: &'t str, tokens: &[Token], index: usize) -> Option<&'t str> {
    tokens
        .get(index)
        .filter(|token| token.is_word())
        .map(|token| token.text(text))
}

/// Asked of every word a noun phrase might take in: a table built once, in any case, as
/// scanning the list after lower-casing each word cost more than the rest of the phrase.
fn is_clause_word(word: &str) -> bool {
    static CACHE: OnceLock<PackedWordTable<()>> = OnceLock::new();
    in_word_set(&CACHE, CLAUSE_WORDS, word)
}

fn is_noun_phrase_token(text: &str, token: Token) -> bool {
    match token.kind {
        TokenKind::Word => {
            let word = token.text(text);
            !is_clause_word(word) && cue_verb(word).is_none()
        }
        TokenKind::Number => true,
        TokenKind::Punctuation => matches!(token.text(text), "&" | "." | "-"),
        // The apostrophe of a plural possessive ("the Ferry Users' Association").
        TokenKind::QuoteMark => {
            matches!(token.text(text), "'" | "\u{2019}")
                && text[..token.span.start].ends_with('s')
                && text[token.span.end..].starts_with(' ')
        }
    }
}

/// An auxiliary ("has", "would") in any case, or an "-ly" adverb of more than four letters
/// in lower case: a capitalised one right before a cue is a name ("Kelly said", "O'Reilly
/// told", "Connolly says"). Asked of the words before every cue: the auxiliaries sit in a
/// table built once.
fn is_auxiliary_or_adverb(word: &str) -> bool {
    static CACHE: OnceLock<PackedWordTable<()>> = OnceLock::new();
    if in_word_set(&CACHE, AUXILIARIES, word) {
        return true;
    }
    if starts_upper(word) {
        return false;
    }
    if word.is_ascii() {
        return word.len() > 4 && word.as_bytes()[word.len() - 2..].eq_ignore_ascii_case(b"ly");
    }
    with_lowercase(word, |lower| lower.ends_with("ly") && lower.len() > 4)
}

/// Skips auxiliaries and adverbs standing between a subject and its cue, leftwards.
pub fn skip_auxiliaries_before(
    text: &str,
    tokens: &[Token],
    floor: usize,
    mut end: usize,
) -> usize {
    while end > floor {
        let Some(word) = word_at(text, tokens, end - 1) else {
            break;
        };
        if is_auxiliary_or_adverb(word) {
            end -= 1;
        } else {
            break;
        }
    }
    end
}

/// The noun phrase that ends right before `end` (exclusive), not reaching before `floor`.
fn noun_phrase_ending_at(
    text: &str,
    tokens: &[Token],
    floor: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let mut first = end;
    // "an adviser to the mayor", "ambassador to Japan", "a source close to the singer":
    // "to" after a role (or "close") that takes it stays inside the phrase, though it ends
    // a noun phrase everywhere else.
    let role_takes_to = |index: usize| {
        index > floor
            && word_at(text, tokens, index).is_some_and(|word| word.eq_ignore_ascii_case("to"))
            && word_at(text, tokens, index - 1).is_some_and(|role| {
                with_lowercase(role, |role| {
                    matches!(
                        role,
                        "adviser"
                            | "advisor"
                            | "aide"
                            | "spokesman"
                            | "spokeswoman"
                            | "spokesperson"
                            | "ambassador"
                            | "envoy"
                            | "assistant"
                            | "counsel"
                            | "consultant"
                            | "successor"
                            | "deputy"
                            | "secretary"
                            | "advisers"
                            | "aides"
                            | "close"
                            | "closest"
                    )
                })
            })
    };
    // "The report, whose title ...", "Ostrand's state gas company": a word the cue
    // lexicon knows as a verb is a noun after a determiner, or describes the noun after it
    // between a determiner or possessive and the rest of the phrase. At the phrase's end
    // a participle ("a written answer") stays a verb.
    let noun_after_determiner = |index: usize| {
        if index <= floor {
            return false;
        }
        let Some(word) = word_at(text, tokens, index) else {
            return false;
        };
        // "director of state campaigns", "the secretary of state": "state" after a
        // preposition inside the phrase (but "to", which opens an infinitive) is the noun,
        // as `cues` reads it. Other cue words there are verbs often enough ("a version of
        // what", "all of whom") that reading on would take in the clause before them.
        let after_preposition = || {
            matches!(word, "state" | "states")
                && word_at(text, tokens, index - 1).is_some_and(|before| {
                    with_lowercase(before, |before| {
                        before != "to" && PHRASE_PREPOSITIONS.contains(&before)
                    })
                })
        };
        if index + 1 == end {
            !(word.ends_with("ed") || word.ends_with("en") || word.ends_with("ing"))
                && (word_at(text, tokens, index - 1)
                    .is_some_and(|before| with_lowercase(before, is_determiner))
                    || after_preposition())
        } else {
            tokens[index + 1].is_word()
                && !starts_upper(word)
                && cue_verb(word).is_some()
                && (opens_noun_phrase(text, tokens[index - 1]) || after_preposition())
        }
    };
    // "Hope Chapel", "Say Group": a capitalised word the cue lexicon knows as a verb is part
    // of a name when a capitalised word follows it inside the phrase.
    let capitalised_in_name = |index: usize| {
        index + 1 < end
            && tokens[index].is_word()
            && starts_upper(tokens[index].text(text))
            && !is_clause_word(tokens[index].text(text))
            && tokens[index + 1].is_word()
            && starts_upper(tokens[index + 1].text(text))
    };
    // "One member of that committee": a demonstrative after a preposition determines the
    // noun after it; it opens no clause.
    let demonstrative_after_preposition = |index: usize| {
        index > floor
            && index + 1 < end
            && word_at(text, tokens, index)
                .is_some_and(|word| with_lowercase(word, is_demonstrative))
            && word_at(text, tokens, index - 1).is_some_and(|word| {
                with_lowercase(word, |word| PHRASE_PREPOSITIONS.contains(&word))
            })
    };
    while first > floor
        && end - first < 10
        && (is_noun_phrase_token(text, tokens[first - 1])
            || role_takes_to(first - 1)
            || noun_after_determiner(first - 1)
            || capitalised_in_name(first - 1)
            || demonstrative_after_preposition(first - 1)
            || (first >= floor + 2
                && closes_proper_name(text, tokens[first - 2], tokens[first - 1])))
    {
        first -= 1;
    }
    // "the Competition and Markets Authority": "and" inside a body's capitalised name.
    let names_body = end > floor
        && tokens[end - 1].is_word()
        && is_organisation_noun(tokens[end - 1].text(text));
    if names_body
        && first >= floor + 2
        && first < end
        && matches!(tokens[first - 1].text(text), "and" | "&")
        && starts_upper(tokens[first - 2].text(text))
        && starts_upper(tokens[first].text(text))
    {
        first -= 2;
        while first > floor && end - first < 12 && is_noun_phrase_token(text, tokens[first - 1]) {
            first -= 1;
        }
    }
    // A phrase cannot begin with a preposition or with the inside of one: "in Berlin
    // Keller" is trimmed to "Keller" only if a capitalised run says so; otherwise give
    // up the leading preposition.
    // A determiner inside the phrase starts it, unless a preposition binds it to what
    // comes before: "On Aug. 18 the union" is "the union", "a spokeswoman for the
    // ministry" stays whole.
    if let Some(determiner) = (first + 1..end).rev().find(|&index| {
        with_lowercase(tokens[index].text(text), is_article)
            && !with_lowercase(tokens[index - 1].text(text), |lower| {
                PHRASE_PREPOSITIONS.contains(&lower)
            })
    }) {
        first = determiner;
    }
    while first < end {
        if with_lowercase(tokens[first].text(text), |word| {
            PHRASE_PREPOSITIONS.contains(&word)
        }) || tokens[first].kind == TokenKind::Punctuation
        {
            first += 1;
        } else {
            break;
        }
    }
    // "Last week Halloran appeared to ...": a time opening the sentence is no part of the
    // name after it.
    while first + 1 < end && with_lowercase(tokens[first].text(text), is_time_word) {
        first += 1;
    }
    (first < end).then_some((first, end))
}

/// The noun phrase that starts at `first`, not reaching `ceiling`.
fn noun_phrase_starting_at(
    text: &str,
    tokens: &[Token],
    first: usize,
    ceiling: usize,
) -> Option<(usize, usize)> {
    let mut end = first;
    while end < ceiling
        && end - first < 10
        && (is_noun_phrase_token(text, tokens[end])
            || document_noun_after_determiner(text, tokens, first, end))
    {
        // Dates and places after an inverted speaker belong to the sentence, not to the
        // name: "said Keller on Tuesday", "said Keller in Berlin".
        if end > first
            && with_lowercase(tokens[end].text(text), |word| {
                matches!(
                    word,
                    "on" | "in" | "at" | "during" | "last" | "this" | "yesterday" | "today"
                )
            })
            && !continues_name(text, tokens, end, ceiling)
        {
            break;
        }
        end += 1;
    }
    while end > first
        && (tokens[end - 1].kind == TokenKind::Punctuation
            || with_lowercase(tokens[end - 1].text(text), |lower| {
                PHRASE_PREPOSITIONS.contains(&lower)
            }))
    {
        end -= 1;
    }
    (end > first).then_some((first, end))
}

/// "according to a report by ...", "the statement": a word the cue lexicon also knows as a
/// verb is a noun right after a determiner.
fn document_noun_after_determiner(
    text: &str,
    tokens: &[Token],
    first: usize,
    index: usize,
) -> bool {
    if index <= first || !tokens[index].is_word() {
        return false;
    }
    // "the company's annual report": one lower-case adjective may stand between.
    opens_noun_phrase(text, tokens[index - 1])
        || (index >= first + 2
            && tokens[index - 1].is_word()
            && tokens[index - 1].text(text).chars().all(char::is_lowercase)
            && opens_noun_phrase(text, tokens[index - 2]))
}

/// A determiner or a possessive ("the", "its", "the company's"): the token opens a noun
/// phrase, after which a word the cue lexicon knows as a verb is a noun or describes one.
fn opens_noun_phrase(text: &str, token: Token) -> bool {
    let word = token.text(text);
    with_lowercase(word, is_determiner)
        || (token.is_word() && (word.ends_with("'s") || word.ends_with("\u{2019}s")))
}

/// "of"/"for" followed by a capitalised word continues an organisation's name ("Bank of
/// England"); "in Berlin" after a speaker does not.
fn continues_name(text: &str, tokens: &[Token], index: usize, ceiling: usize) -> bool {
    let word = tokens[index].text(text).to_lowercase();
    // "diplomats briefed on the talks": the preposition belongs to the description.
    if word == "on"
        && index > 0
        && with_lowercase(tokens[index - 1].text(text), |lower| {
            matches!(lower, "briefed" | "working" | "worked")
        })
    {
        return true;
    }
    // "two people in the room", "officials at the ministry": a group is described by
    // where its members are.
    if matches!(word.as_str(), "in" | "at")
        && index > 0
        && index + 1 < ceiling
        && word_at(text, tokens, index - 1).is_some_and(is_group_noun)
        && word_at(text, tokens, index + 1).is_some_and(|next| {
            starts_upper(next) || with_lowercase(next, |next| matches!(next, "the" | "a"))
        })
    {
        return true;
    }
    if !matches!(word.as_str(), "of" | "for") {
        return false;
    }
    index + 1 < ceiling
        && tokens[index + 1]
            .text(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn span_of(tokens: &[Token], first: usize, end: usize) -> ByteSpan {
    ByteSpan::new(tokens[first].span.start, tokens[end - 1].span.end)
}

fn candidate(
    tokens: &[Token],
    first: usize,
    end: usize,
    role: Option<ByteSpan>,
) -> MentionCandidate {
    MentionCandidate {
        first_token: first,
        end_token: end,
        span: span_of(tokens, first, end),
        role,
    }
}

fn starts_with_capital(text: &str, tokens: &[Token], first: usize, end: usize) -> bool {
    tokens[first..end].iter().all(|token| {
        token.kind != TokenKind::Word
            || token
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            || matches!(token.text(text), "of" | "for" | "the" | "and")
    })
}

/// The speaker mention before a cue: `X said`, `X has also said`, `X, the Y, said`.
pub fn subject_before(
    text: &str,
    tokens: &[Token],
    sentence_first: usize,
    cue_first: usize,
) -> Option<MentionCandidate> {
    let end = skip_auxiliaries_before(text, tokens, sentence_first, cue_first);
    // "Vince Malloy last night vowed", "Keller on Tuesday said": the time is not the
    // speaker's.
    let end = skip_time_before(text, tokens, sentence_first, end);
    let end = skip_auxiliaries_before(text, tokens, sentence_first, end);
    let end = skip_parenthetical_after_name(text, tokens, sentence_first, end);
    if end == sentence_first {
        return None;
    }
    let before = tokens[end - 1];
    if before.is_punctuation(text, ',') {
        return appositive_subject(text, tokens, sentence_first, end - 1);
    }
    let (first, phrase_end) = noun_phrase_ending_at(text, tokens, sentence_first, end)?;
    let first = people_before_participle(text, tokens, sentence_first, first).unwrap_or(first);
    Some(candidate(tokens, first, phrase_end, None))
}

/// `Sen. Chuck Grassley (R-Iowa) said`, `Ada Quist (pictured) said`: a short parenthetical
/// after a capitalised word (party and state, an age, a note) belongs to the attribution,
/// not to the name. Returns where the words before it end.
fn skip_parenthetical_after_name(
    text: &str,
    tokens: &[Token],
    sentence_first: usize,
    end: usize,
) -> usize {
    const LONGEST_PARENTHETICAL: usize = 6;
    if end <= sentence_first + 2 || tokens[end - 1].text(text) != ")" {
        return end;
    }
    let floor = end
        .saturating_sub(LONGEST_PARENTHETICAL + 2)
        .max(sentence_first + 1);
    (floor..end - 1)
        .rev()
        .find(|&index| tokens[index].text(text) == "(")
        .filter(|&open| starts_upper(tokens[open - 1].text(text)))
        .unwrap_or(end)
}

/// "Miners occupying the Red Hill mine said": the people before a participle's object are
/// the speakers, the object only says which ones. Given the object's first token, the
/// first token of the whole phrase, when a participle and a noun phrase that opens its
/// clause stand before the object.
fn people_before_participle(
    text: &str,
    tokens: &[Token],
    sentence_first: usize,
    object_first: usize,
) -> Option<usize> {
    let participle = object_first
        .checked_sub(1)
        .filter(|&participle| participle > sentence_first)?;
    let word = word_at(text, tokens, participle)?;
    let is_participle =
        !starts_upper(word) && word.len() > 5 && word.ends_with("ing") && cue_verb(word).is_none();
    if !is_participle {
        return None;
    }
    let (head_first, _) = noun_phrase_ending_at(text, tokens, sentence_first, participle)?;
    (head_first == sentence_first || tokens[head_first - 1].is_punctuation(text, ','))
        .then_some(head_first)
}

/// Skips a time standing between a subject and its verb, leftwards: "yesterday", "last
/// night", "on Tuesday", "this morning".
fn skip_time_before(text: &str, tokens: &[Token], floor: usize, end: usize) -> usize {
    let Some(last) = end.checked_sub(1).filter(|&last| last >= floor) else {
        return end;
    };
    let Some(word) = word_at(text, tokens, last) else {
        return end;
    };
    let previous = last
        .checked_sub(1)
        .filter(|&previous| previous >= floor)
        .and_then(|previous| word_at(text, tokens, previous));
    // Both words are lower-cased on the stack: this runs before every cue.
    let previous_is = |options: &[&str]| {
        previous.is_some_and(|previous| with_lowercase(previous, |lower| options.contains(&lower)))
    };
    with_lowercase(word, |word| match word {
        "yesterday" | "today" | "tonight" => last,
        "night" | "week" | "month" | "year" | "morning" | "afternoon" | "evening"
            if previous_is(&["last", "this"]) =>
        {
            last - 1
        }
        weekday if WEEKDAYS.contains(&weekday) => {
            if previous_is(&["on", "last", "this"]) {
                last - 1
            } else {
                last
            }
        }
        _ => end,
    })
}

/// American states, as written in full or in news agencies' abbreviations, which follow a
/// town between commas ("Allentown, Pa.,", "Aurora, Colorado,").
const AMERICAN_STATES: &[&str] = &[
    "Ala.",
    "Alabama",
    "Alaska",
    "Ariz.",
    "Arizona",
    "Ark.",
    "Arkansas",
    "Calif.",
    "California",
    "Colo.",
    "Colorado",
    "Conn.",
    "Connecticut",
    "D.C.",
    "Del.",
    "Delaware",
    "Fla.",
    "Florida",
    "Ga.",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Ill.",
    "Illinois",
    "Ind.",
    "Indiana",
    "Iowa",
    "Kan.",
    "Kansas",
    "Kentucky",
    "Ky.",
    "La.",
    "Louisiana",
    "Maine",
    "Mass.",
    "Maryland",
    "Massachusetts",
    "Md.",
    "Mich.",
    "Michigan",
    "Minn.",
    "Minnesota",
    "Miss.",
    "Mississippi",
    "Missouri",
    "Mo.",
    "Mont.",
    "Montana",
    "N.C.",
    "N.D.",
    "N.H.",
    "N.J.",
    "N.M.",
    "N.Y.",
    "Neb.",
    "Nebraska",
    "Nev.",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Okla.",
    "Oklahoma",
    "Ore.",
    "Oregon",
    "Pa.",
    "Pennsylvania",
    "R.I.",
    "Rhode Island",
    "S.C.",
    "S.D.",
    "South Carolina",
    "South Dakota",
    "Tenn.",
    "Tennessee",
    "Tex.",
    "Texas",
    "Utah",
    "Va.",
    "Vermont",
    "Virginia",
    "Vt.",
    "W.Va.",
    "Wash.",
    "West Virginia",
    "Wis.",
    "Wisconsin",
    "Wyo.",
    "Wyoming",
];

/// `Cecelia Purner, 67, a retired clerk in Allentown, Pa., said`: when the words before
/// the comma at `comma` are a state set off after a town, the comma before the state,
/// which ends the appositive the state belongs to.
fn comma_before_state_after_town(
    text: &str,
    tokens: &[Token],
    sentence_first: usize,
    comma: usize,
) -> Option<usize> {
    let state_first = (sentence_first + 2..comma)
        .rev()
        .take(3)
        .find(|&index| tokens[index - 1].is_punctuation(text, ','))?;
    let state = &text[tokens[state_first].span.start..tokens[comma - 1].span.end];
    let town = tokens[state_first - 2];
    (AMERICAN_STATES.contains(&state) && town.is_word() && starts_upper(town.text(text)))
        .then_some(state_first - 1)
}

/// `Keller, the finance minister, said` and `the finance minister, Maria Keller, said`:
/// `comma` is the index of the comma right before the cue.
fn appositive_subject(
    text: &str,
    tokens: &[Token],
    sentence_first: usize,
    comma: usize,
) -> Option<MentionCandidate> {
    if let Some(town_comma) = comma_before_state_after_town(text, tokens, sentence_first, comma) {
        return appositive_subject(text, tokens, sentence_first, town_comma);
    }
    if let Some(found) = participle_aside_subject(text, tokens, sentence_first, comma) {
        return Some(found);
    }
    // A relative clause is looked for first: its last words read like a noun phrase too
    // (`Duncan Reyes, who leads the Civic Labour Party, told ...`).
    let relative_clause = relative_clause_ending_at(text, tokens, sentence_first, comma);
    // `John Kasich, a Republican who has refused to endorse Trump, said`: a description
    // may stand before the relative clause inside the same commas; the appositive is both,
    // and the speaker still the name before them.
    let described_relative = relative_clause
        .filter(|&(relative_first, _)| {
            relative_first > sentence_first + 1
                && !tokens[relative_first - 1].is_punctuation(text, ',')
        })
        .and_then(|(relative_first, _)| {
            let (description_first, _) =
                noun_phrase_ending_at(text, tokens, sentence_first, relative_first)?;
            (description_first > sentence_first + 1
                && tokens[description_first - 1].is_punctuation(text, ',')
                && opens_description_word(text, tokens, description_first))
            .then_some(description_first)
        });
    if let Some(description_first) = described_relative {
        let (head_first, head_end) =
            noun_phrase_ending_at(text, tokens, sentence_first, description_first - 1)?;
        if starts_with_capital(text, tokens, head_first, head_end) {
            return Some(candidate(tokens, head_first, head_end, None));
        }
    }
    let (mut appositive_first, appositive_end) =
        relative_clause.or_else(|| noun_phrase_ending_at(text, tokens, sentence_first, comma))?;
    // "Leonard Burman, director of the Tax Policy Center and a professor at Syracuse
    // University, said": two roles joined by "and" are one appositive.
    if appositive_first > sentence_first + 1
        && word_at(text, tokens, appositive_first - 1)
            .is_some_and(|word| word.eq_ignore_ascii_case("and"))
    {
        if let Some((first, _)) =
            noun_phrase_ending_at(text, tokens, sentence_first, appositive_first - 1)
        {
            if first > sentence_first && tokens[first - 1].is_punctuation(text, ',') {
                appositive_first = first;
            }
        }
    }
    // "Cory James, 22, of Flint, said": where a person is from, set off by commas, is an
    // appositive as well.
    if appositive_first >= sentence_first + 2
        && word_at(text, tokens, appositive_first - 1)
            .is_some_and(|word| matches!(word, "of" | "from"))
        && tokens[appositive_first - 2].is_punctuation(text, ',')
    {
        appositive_first -= 1;
    }
    if appositive_first == sentence_first || !tokens[appositive_first - 1].is_punctuation(text, ',')
    {
        return None;
    }
    let outer_comma = appositive_first - 1;
    let (mut head_first, mut head_end) =
        noun_phrase_ending_at(text, tokens, sentence_first, outer_comma)?;
    // `One pastor supporting Mr. Ross, Darran Wheel, said`: the description runs back over
    // the participle, so the name after it is the speaker.
    head_first =
        people_before_participle(text, tokens, sentence_first, head_first).unwrap_or(head_first);
    // "Maureen Costello, 79, who has watched Rovers since 1958, said": the age is the
    // name's appositive, not the speaker.
    if head_end == head_first + 1
        && tokens[head_first].kind == TokenKind::Number
        && head_first > sentence_first + 1
        && tokens[head_first - 1].is_punctuation(text, ',')
    {
        let (first, end) = noun_phrase_ending_at(text, tokens, sentence_first, head_first - 1)?;
        head_first = first;
        head_end = end;
    }
    // `One pastor supporting Mr. Ross, Darran Wheel of Hope Chapel in Marlow, said`: a
    // full name may go on with where the person is from.
    let opens_with_full_name = appositive_end >= appositive_first + 2
        && starts_with_capital(text, tokens, appositive_first, appositive_first + 2)
        && tokens[appositive_first..appositive_first + 2]
            .iter()
            .all(|token| token.is_word());
    let appositive_is_name = (starts_with_capital(text, tokens, appositive_first, appositive_end)
        || opens_with_full_name)
        && !tokens[appositive_first]
            .text(text)
            .eq_ignore_ascii_case("the");
    let head_is_name = starts_with_capital(text, tokens, head_first, head_end);
    let appositive_is_relative = with_lowercase(tokens[appositive_first].text(text), |lower| {
        matches!(lower, "who" | "whose" | "which")
    });
    if appositive_is_relative {
        return Some(candidate(tokens, head_first, head_end, None));
    }
    if appositive_is_name && !head_is_name {
        // "Germany's finance minister, Maria Keller, said": the name is the speaker.
        return Some(candidate(
            tokens,
            appositive_first,
            appositive_end,
            Some(span_of(tokens, head_first, head_end)),
        ));
    }
    Some(candidate(
        tokens,
        head_first,
        head_end,
        Some(span_of(tokens, appositive_first, appositive_end)),
    ))
}

/// Whether the word at `index` opens a description ("a", "an", "the", "one"), as an
/// appositive set off after a name does.
fn opens_description_word(text: &str, tokens: &[Token], index: usize) -> bool {
    word_at(text, tokens, index).is_some_and(|word| {
        with_lowercase(word, |lower| matches!(lower, "a" | "an" | "the" | "one"))
    })
}

/// `Aydın, speaking after the verdicts, said`, `The ministry, asked whether it would
/// pay, said` and `Carreras, in a brief update, wrote`: an aside between commas (a
/// participle's or a prepositional phrase) stands between the speaker and the cue; the
/// speaker is the noun phrase before it. `comma` is the comma before the cue.
fn participle_aside_subject(
    text: &str,
    tokens: &[Token],
    sentence_first: usize,
    comma: usize,
) -> Option<MentionCandidate> {
    let floor = comma.saturating_sub(24).max(sentence_first);
    let comma_or_quote_before = |end: usize| {
        (floor..end).rev().find(|&index| {
            tokens[index].is_punctuation(text, ',') || tokens[index].kind == TokenKind::QuoteMark
        })
    };
    let mut opening = comma_or_quote_before(comma)?;
    // `Trump, speaking at a rally in Wilmington, N.C., warned`: a state or country after
    // a place's comma belongs to the aside.
    let place_after_comma = opening + 1 < comma
        && comma - opening <= 4
        && tokens[opening + 1..comma]
            .iter()
            .all(|token| !token.is_word() || starts_upper(token.text(text)));
    if place_after_comma && tokens[opening].is_punctuation(text, ',') {
        opening = comma_or_quote_before(opening)?;
    }
    if !tokens[opening].is_punctuation(text, ',') || opening <= sentence_first {
        return None;
    }
    let first_word = word_at(text, tokens, opening + 1)?.to_lowercase();
    let is_participle = (first_word.ends_with("ing") && first_word.len() > 5)
        || matches!(
            first_word.as_str(),
            "asked" | "pressed" | "questioned" | "interviewed" | "reached" | "contacted"
        );
    // `Carreras, in a brief update posted on the service's account, wrote`: an aside
    // that opens with a preposition says where or how, never who.
    let is_prepositional = matches!(
        first_word.as_str(),
        "in" | "at" | "on" | "during" | "after" | "before" | "from" | "through" | "via"
    );
    if !is_participle && !is_prepositional {
        return None;
    }
    // `Sen. Roy Blunt (R-Mo.), facing ...`: a party and state in brackets after the name.
    let mut name_end = opening;
    if opening >= 2 && tokens[opening - 1].is_punctuation(text, ')') {
        let bracket = (opening.saturating_sub(6).max(sentence_first)..opening - 1)
            .rev()
            .find(|&index| tokens[index].is_punctuation(text, '('));
        if let Some(bracket) = bracket {
            name_end = bracket;
        }
    }
    let (first, end) = noun_phrase_ending_at(text, tokens, sentence_first, name_end)?;
    Some(candidate(tokens, first, end, None))
}

/// `Keller, who leads the party, said`: the relative clause between the commas.
fn relative_clause_ending_at(
    text: &str,
    tokens: &[Token],
    floor: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let mut first = end;
    // Quote marks seen on the way: a quoted title inside the clause ("whose novel "The
    // Salt Road" won ...") brings two, a quotation the clause would end inside only one.
    let mut quote_marks = 0;
    while first > floor && end - first < 24 {
        first -= 1;
        let token = tokens[first];
        // A comma against a quote mark sets off a quoted title inside the clause
        // (`whose title, "Lessons Not Learned", reads like a verdict`); any other ends it.
        let against_quote_mark = |index: usize| {
            tokens
                .get(index)
                .is_some_and(|token| token.kind == TokenKind::QuoteMark)
        };
        if token.is_punctuation(text, ',')
            && !against_quote_mark(first + 1)
            && !(first > 0 && against_quote_mark(first - 1))
        {
            return None;
        }
        // A plural possessive's apostrophe ("the Mill Street Residents' Association")
        // belongs to the clause.
        if token.kind == TokenKind::QuoteMark && !is_noun_phrase_token(text, token) {
            quote_marks += 1;
        }
        if token.is_word()
            && with_lowercase(token.text(text), |lower| {
                matches!(lower, "who" | "whose" | "which")
            })
        {
            return (quote_marks % 2 == 0).then_some((first, end));
        }
    }
    None
}

/// Words that open a sentence's adverbial rather than its subject: a preposition that
/// opens no noun phrase, a subordinating conjunction, a time or a linking adverb, set off
/// by a comma ("On Thursday, however, Trump ...", "In August, several groups ...", "When
/// the vote closed, aides ...").
fn opens_adverbial(word: &str) -> bool {
    with_lowercase(word, |lower| {
        is_preposition_only(lower)
            || is_subordinating_conjunction(lower)
            || matches!(lower, "as" | "however" | "meanwhile" | "instead" | "often")
            || is_time_word(lower)
    })
}

/// Time words that are surnames as well ("Theresa May", "Kristen Day", "Rex Early"):
/// where a speaker's name may stand, they are read as names.
const TIME_WORDS_ALSO_SURNAMES: &[&str] = &["may", "day", "early"];

/// A weekday, a month, a part of the day or year, or a word that places a time
/// ("yesterday", "last"), lower-cased, as a speaker's phrase reads it: such a word alone
/// names a time, never a speaker, except the ones that are also surnames.
fn is_time_word(lower: &str) -> bool {
    // "ago" closes a time phrase ("two years ago") where the other words open one, and
    // the speaker readers ask for a time at a phrase's first word; taking it in cost a
    // speaker on PolNeAR dev, so it stays out here.
    (is_time_noun(lower) || (is_relative_time_word(lower) && lower != "ago"))
        && !TIME_WORDS_ALSO_SURNAMES.contains(&lower)
}

/// Whether the words between `first` and `end` can name a speaker at all. A learned
/// tagger's source reading sometimes lands on a fragment the noun-phrase reader would
/// never return: a leading preposition ("In August"), a trailing one ("a lack of"), a
/// lone time or adverb ("Monday night", "perhaps") or a verb's "-ing" form ("steering
/// clear of").
pub fn reads_as_speaker_phrase(text: &str, tokens: &[Token], first: usize, end: usize) -> bool {
    if first >= end {
        return false;
    }
    // "18 states", "20:55 - Jonah Whitcombe": a number may open a speaker's phrase, but
    // a year alone ("who in 2010 said") names nobody.
    let Some(first_word) = word_at(text, tokens, first) else {
        return tokens[first].kind == TokenKind::Number
            && tokens[first..end].iter().any(|token| token.is_word());
    };
    // Asked of every claim's mention: each word is lower-cased once, on the stack, and
    // the words after the first are read only when the first is a time or an adverb.
    let (opens_with_preposition, first_is_time_or_adverb) = with_lowercase(first_word, |lower| {
        (
            PHRASE_PREPOSITIONS.contains(&lower) || is_preposition_only(lower),
            is_time_or_adverb(lower, first_word),
        )
    });
    // "At least one Democrat": a quantifier, not a place.
    let quantifier = opens_with_preposition
        && first_word.eq_ignore_ascii_case("at")
        && word_at(text, tokens, first + 1)
            .filter(|_| first + 1 < end)
            .is_some_and(|next| {
                next.eq_ignore_ascii_case("least") || next.eq_ignore_ascii_case("most")
            });
    if opens_with_preposition && !quantifier {
        return false;
    }
    // "took heat for his", "the impact it": a phrase of several words ending in a
    // determiner or an object pronoun (not "one of them") has lost its noun.
    let after_of = end - first > 1
        && word_at(text, tokens, end - 2).is_some_and(|word| word.eq_ignore_ascii_case("of"));
    let ends_with_function_word = word_at(text, tokens, end - 1).is_some_and(|last| {
        with_lowercase(last, |lower| {
            PHRASE_PREPOSITIONS.contains(&lower)
                || is_preposition(lower)
                || is_article(lower)
                || matches!(lower, "and" | "or")
                || (end - first > 1
                    && !after_of
                    && (is_possessive_determiner(lower) || matches!(lower, "it" | "him" | "them")))
        })
    });
    if ends_with_function_word {
        return false;
    }
    let only_time_or_adverb = first_is_time_or_adverb
        && tokens[first + 1..end]
            .iter()
            .filter(|token| token.is_word())
            .all(|token| {
                let word = token.text(text);
                with_lowercase(word, |lower| is_time_or_adverb(lower, word))
            });
    !only_time_or_adverb
        && !opens_with_gerund(text, tokens, first, end)
        && !opens_with_past_tense(text, tokens, first, end)
}

/// "spent most of the spring", "spoke with The Huffington Post", "published": a verb's
/// lower-case past form, alone or before an object's determiner, a quantity, a
/// preposition or an object pronoun, is the predicate of a clause whose subject lies
/// further back, never a speaker's name. Before a noun it is an adjective ("leaked emails",
/// "retired Gen. John Allen", "elected officials"), which a speaker's phrase may open with.
fn opens_with_past_tense(text: &str, tokens: &[Token], first: usize, end: usize) -> bool {
    let Some(word) = word_at(text, tokens, first) else {
        return false;
    };
    if starts_upper(word) {
        return false;
    }
    if !with_lowercase(word, reads_as_past_tense) {
        return false;
    }
    // "those surveyed said": after a demonstrative the participle is the noun phrase's
    // head.
    let after_demonstrative = first
        .checked_sub(1)
        .and_then(|before| word_at(text, tokens, before))
        .is_some_and(|before| with_lowercase(before, is_demonstrative));
    (end - first == 1 && !after_demonstrative)
        || word_at(text, tokens, first + 1).is_some_and(|next| {
            with_lowercase(next, |lower| {
                PHRASE_PREPOSITIONS.contains(&lower)
                    || is_preposition(lower)
                    || is_determiner(lower)
                    || matches!(
                        lower,
                        "him" | "her" | "them" | "it" | "most" | "several" | "some" | "all"
                    )
            })
        })
}

/// A word, given lower-cased and as written, that names a time or is an adverb: such
/// words alone never name a speaker.
fn is_time_or_adverb(lower: &str, word: &str) -> bool {
    is_time_word(lower)
        || matches!(
            lower,
            "perhaps"
                | "sometimes"
                | "now"
                | "often"
                | "worth"
                | "moreover"
                | "rather"
                | "instead"
                | "however"
                | "meanwhile"
                | "furthermore"
                | "also"
                | "still"
                | "then"
                // Capitalised at a sentence's head, these are adverbs still.
                | "similarly"
                | "finally"
                | "ultimately"
                | "separately"
                | "apparently"
                | "clearly"
                | "certainly"
                | "additionally"
                | "previously"
                | "currently"
                | "eventually"
                | "initially"
                | "notably"
                | "importantly"
                | "unfortunately"
                | "fortunately"
        )
        // "Tessaly", "Kelly": an "-ly" word in capitals may be a name.
        || (lower.ends_with("ly") && lower.len() > 4 && !starts_upper(word))
}

/// "Having", "Claiming the criticism ...": a verb's "-ing" form, alone or before an
/// object's determiner or a preposition, starts a clause, not a name ("Polling averages"
/// and "Leading Democrats" are noun phrases; "Fleming" alone is a surname).
fn opens_with_gerund(text: &str, tokens: &[Token], first: usize, end: usize) -> bool {
    let Some(word) = word_at(text, tokens, first) else {
        return false;
    };
    let gerund = with_lowercase(word, |lower| lower.ends_with("ing") && lower.len() > 5);
    let object_follows = word_at(text, tokens, first + 1)
        .filter(|_| first + 1 < end)
        .is_some_and(|next| {
            with_lowercase(next, |lower| {
                PHRASE_PREPOSITIONS.contains(&lower)
                    || is_determiner(lower)
                    || matches!(lower, "him" | "them")
            })
        });
    if !gerund {
        return false;
    }
    if end - first > 1 {
        return object_follows;
    }
    // Alone, a capitalised "-ing" word right before a reporting verb is a surname
    // ("Fleming said", "Ebeling told reporters"), unless it is a verb the cue lexicon
    // knows or one of the few that open a clause on their own ("Having said that"); before
    // anything else it opens a clause ("Appearing before cheering supporters, ...").
    let reporting_verb_follows =
        word_at(text, tokens, end).is_some_and(|next| with_lowercase(next, cue_verb).is_some());
    !starts_upper(word)
        || !reporting_verb_follows
        || with_lowercase(word, |lower| {
            cue_verb(lower).is_some()
                || matches!(
                    lower,
                    "having"
                        | "being"
                        | "following"
                        | "including"
                        | "regarding"
                        | "considering"
                        | "looking"
                        | "going"
                        | "coming"
                        | "turning"
                        | "speaking"
                        | "judging"
                )
        })
}

/// The first token after the linking words ("But", "And", "However,") and commas that
/// open a clause at `first`, not reaching `end`: where the clause's own words start.
pub fn skip_connectives(text: &str, tokens: &[Token], mut first: usize, end: usize) -> usize {
    while first < end
        && (tokens[first].is_punctuation(text, ',')
            || word_at(text, tokens, first).is_some_and(|word| with_lowercase(word, is_connective)))
    {
        first += 1;
    }
    first
}

/// The first token after a sentence's openers: linking words ("But", "And") and
/// adverbials set off by a comma ("On Thursday, however,", "In August,"), so that the
/// subject after them can be read.
pub fn skip_opening_adverbials(
    text: &str,
    tokens: &[Token],
    sentence_first: usize,
    cue_first: usize,
) -> usize {
    let mut start = sentence_first;
    // At most four openers ("But on Monday, in Ohio, ..."), each adverbial shorter than
    // sixteen tokens, so that a long clause with a comma is not skipped as one.
    for _ in 0..4 {
        let Some(word) = word_at(text, tokens, start).filter(|_| start < cue_first) else {
            break;
        };
        // "But", "And": a linking word opens the clause, with or without a comma of its
        // own. The ones that open an adverbial as well ("However", "Meanwhile") are read
        // as one, up to its comma. "Still" ends the reading here: the subject read after
        // it ("Still, other operatives worked behind the scenes ...") ran on into the
        // verb, and cost two PolNeAR train speakers.
        if !opens_adverbial(word) {
            let after_connectives = if word.eq_ignore_ascii_case("still") {
                start
            } else {
                skip_connectives(text, tokens, start, cue_first)
            };
            if after_connectives == start {
                break;
            }
            start = after_connectives;
            continue;
        }
        let ceiling = (start + 16).min(cue_first);
        match (start..ceiling).find(|&index| tokens[index].is_punctuation(text, ',')) {
            Some(comma) => start = comma + 1,
            None => {
                // "On September 27 they published ...": a date with no comma after it.
                let mut end = start + 1;
                while end < cue_first
                    && (tokens[end].kind == TokenKind::Number
                        || word_at(text, tokens, end).is_some_and(|word| {
                            with_lowercase(word, |lower| is_time_noun(lower) || lower == "last")
                        }))
                {
                    end += 1;
                }
                if end > start + 1 && end < cue_first {
                    start = end;
                }
                break;
            }
        }
    }
    start
}

/// The subject of the clause that holds a cue, read from the sentence's start past any
/// adverbial set off by a comma: "On Thursday, however, Trump spoke ..., promising" gives
/// "Trump". Asked when the words found next to a cue cannot name a speaker.
pub fn clause_subject_before(
    text: &str,
    tokens: &[Token],
    sentence_first: usize,
    cue_first: usize,
) -> Option<MentionCandidate> {
    let start = skip_opening_adverbials(text, tokens, sentence_first, cue_first);
    let (first, mut end) = noun_phrase_starting_at(text, tokens, start, cue_first)?;
    // "NBC News first published the video": read from the sentence's start, a name ends
    // where its capitals do; the noun-phrase reader, made for the words right before a
    // cue, would run on into the verb.
    // A determiner or a quantity opens a description, which reads on in lower case
    // ("Our correspondent", "About 10,000 visas").
    let opens_with_determiner = with_lowercase(tokens[first].text(text), opens_description);
    // "it attacked Trump": a pronoun is the whole subject.
    let pronoun = with_lowercase(tokens[first].text(text), is_subject_pronoun);
    if pronoun {
        end = first + 1;
    } else if starts_upper(tokens[first].text(text)) && !opens_with_determiner {
        end = (first + 1..end)
            .find(|&index| {
                let word = tokens[index].text(text);
                tokens[index].is_word()
                    && !starts_upper(word)
                    && !matches!(word, "of" | "for" | "and" | "the")
                    && !is_role_noun(word)
                    && !is_group_noun(word)
            })
            .unwrap_or(end);
    }
    reads_as_speaker_phrase(text, tokens, first, end).then(|| candidate(tokens, first, end, None))
}

/// The speaker mention after a cue: `said Keller`, `said Maria Keller, the finance
/// minister`, `according to the ministry`. Stops at the sentence end `ceiling`.
pub fn subject_after(
    text: &str,
    tokens: &[Token],
    cue_end: usize,
    ceiling: usize,
) -> Option<MentionCandidate> {
    // "said in the Oval Office", "said at a news conference": a place or occasion, not
    // a speaker.
    let opens_with_preposition = word_at(text, tokens, cue_end).is_some_and(|word| {
        is_preposition(word) || with_lowercase(word, |lower| matches!(lower, "while" | "when"))
    });
    if opens_with_preposition {
        return None;
    }
    let (first, end) = noun_phrase_starting_at(text, tokens, cue_end, ceiling)?;
    if let Some((name_first, name_end)) = name_after_description(text, tokens, first, end, ceiling)
    {
        // "said the festival's director, Ingrid Mauer": the name is the speaker, the
        // description its role.
        return Some(candidate(
            tokens,
            name_first,
            name_end,
            Some(span_of(tokens, first, end)),
        ));
    }
    let role = appositive_after(text, tokens, end, ceiling);
    Some(candidate(tokens, first, end, role))
}

/// `said the Rovers manager, Niamh Corrigan, who ...`, `said another, Lidija Marn`: the
/// full name set off by a comma after a description that opens with a determiner or a
/// possessive.
fn name_after_description(
    text: &str,
    tokens: &[Token],
    first: usize,
    end: usize,
    ceiling: usize,
) -> Option<(usize, usize)> {
    let opener = word_at(text, tokens, first)?.to_lowercase();
    let is_description = is_determiner(&opener) || matches!(opener.as_str(), "another" | "one");
    if !is_description || end >= ceiling || !tokens[end].is_punctuation(text, ',') {
        return None;
    }
    let name_first = end + 1;
    let mut name_end = name_first;
    while name_end < ceiling
        && tokens[name_end].is_word()
        && tokens[name_end]
            .text(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    {
        name_end += 1;
    }
    let closes = name_end == ceiling
        || tokens[name_end].kind != TokenKind::Word
        || matches!(tokens[name_end].text(text), "who" | "whose");
    (name_end - name_first >= 2 && closes).then_some((name_first, name_end))
}

/// `..., said Maria Keller, the finance minister.`: the role after a comma, if any.
fn appositive_after(text: &str, tokens: &[Token], end: usize, ceiling: usize) -> Option<ByteSpan> {
    if end >= ceiling || !tokens[end].is_punctuation(text, ',') {
        return None;
    }
    let first = end + 1;
    let word = word_at(text, tokens, first)?;
    let lower = word.to_lowercase();
    // `said Ines Varga, executive director of the tenants' union`: a role without an
    // article, in lower case, is an appositive too.
    let bare_role = word.chars().next().is_some_and(char::is_lowercase);
    if !is_article(&lower) && !lower.ends_with("'s") && !lower.ends_with("\u{2019}s") && !bare_role
    {
        return None;
    }
    let (role_first, mut role_end) = noun_phrase_starting_at(text, tokens, first, ceiling)?;
    // `said Leamer, an economist who is the director of ...`: the reader stops at the
    // relative clause's verb, and a relative pronoun left at the end belongs to no role.
    while role_end > role_first + 1
        && with_lowercase(tokens[role_end - 1].text(text), |lower| {
            matches!(lower, "who" | "whose" | "which" | "that")
        })
    {
        role_end -= 1;
    }
    let has_role_noun = tokens[role_first..role_end]
        .iter()
        .any(|token| is_role_noun(token.text(text)));
    has_role_noun.then(|| span_of(tokens, role_first, role_end))
}
