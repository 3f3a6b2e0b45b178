//! Stage 3, `cues`: finds the reporting verbs and phrases ("said", "told", "according
//! to", "in" before a poll) outside quotations. A cue is what ties words to a speaker, so
//! every claim that is not a bare continuation of an earlier quote hangs from one.

use super::lexicon::{
    country, cue_verb, is_demonstrative, is_determiner, is_irregular_past, is_number_word,
    is_preposition, is_quantifier, is_subject_pronoun, may_be_cue_verb, with_lowercase,
    CueStrength,
};
use super::segment::{Token, TokenKind};
use crate::model::ByteSpan;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueForm {
    /// A reporting verb ("said", "was telling").
    Verb,
    /// "according to", and "in" before a poll ("in the latest CBS News poll"): the
    /// source follows, the content stands on the other side.
    AccordingTo,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// Token range of the cue itself (two tokens for "according to").
    pub first_token: usize,
    pub end_token: usize,
    pub lemma: &'static str,
    pub strength: CueStrength,
    pub form: CueForm,
    pub span: ByteSpan,
}

/// Words that stand only before a noun, never as a subject of their own, besides the
/// articles, possessives and demonstratives of the lexicon: after them a cue word is a
/// noun ("whose claims", "no comment", "the same report"). The quantifiers that can be a
/// subject ("many say", "both said") are not among them.
const NOUN_ONLY_DETERMINERS: &[&str] = &["whose", "no", "any", "every", "such", "same"];

/// A word after which a cue word is a noun: an article, a possessive, a demonstrative
/// ("that claim") or one of the [`NOUN_ONLY_DETERMINERS`], lower-cased.
fn turns_cue_word_into_noun(previous: &str) -> bool {
    is_determiner(previous)
        || is_demonstrative(previous)
        || NOUN_ONLY_DETERMINERS.contains(&previous)
}

/// Words that, right after "poll" or "survey", make it a modifier ("poll numbers", "the
/// polls closed") or show it inside the subject of a verb (`voters in the poll were
/// undecided`), lower-cased: the poll is then no source of the sentence.
const AFTER_A_POLL_THAT_IS_NO_SOURCE: &[&str] = &[
    "numbers",
    "data",
    "question",
    "questions",
    "workers",
    "station",
    "stations",
    "place",
    "places",
    "taker",
    "takers",
    "respondents",
    "results",
    "average",
    "averages",
    "closed",
    "close",
    "closes",
    "opened",
    "open",
    "opens",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "stands",
];

/// `Clinton led Sanders 56 percent to 32 percent in an early-October CBS News poll`, `In
/// the latest Marist survey, 71 percent ...`: a poll's findings are attributed to the poll
/// the way `according to` attributes them, with "in" for the cue. Given the index of an
/// "in", the index of the poll or survey that heads the noun phrase after it, if one
/// does. The phrase is at most ten tokens of words, numbers and the marks inside names
/// ("NBC News/Marist", "Wall Street Journal-NBC"), and names its poll: "in the polls",
/// "in national polls" and "in every poll" are the reporter's summary of polls in
/// general. No modifier or verb follows the head ([`AFTER_A_POLL_THAT_IS_NO_SOURCE`]).
pub fn poll_head_after(text: &str, tokens: &[Token], index: usize) -> Option<usize> {
    let paragraph = tokens[index].paragraph;
    // Asked at every "in" outside quotations, and most have no poll or survey among the
    // tokens the walk below may read: that is told from their bytes alone first, before
    // any word is lower-cased and looked up. None of the four heads has a "k", so only
    // ASCII capitals lower-case to their letters, and comparing bytes while ignoring
    // ASCII case finds exactly the words the walk would.
    let head_ahead = tokens
        .iter()
        .skip(index + 1)
        .take(10)
        .take_while(|token| token.paragraph == paragraph)
        .any(|token| {
            let bytes = &text.as_bytes()[token.span.start..token.span.end];
            (4..=7).contains(&bytes.len())
                && [&b"poll"[..], b"polls", b"survey", b"surveys"]
                    .iter()
                    .any(|head| bytes.eq_ignore_ascii_case(head))
        });
    if !head_ahead {
        return None;
    }
    let mut named = false;
    for (offset, token) in tokens.iter().enumerate().skip(index + 1).take(10) {
        if token.paragraph != paragraph {
            return None;
        }
        let word = token.text(text);
        let inside_a_name = matches!(word, "/" | "-" | "&" | "'s" | "\u{2019}s");
        if !(token.is_word() || token.kind == TokenKind::Number || inside_a_name) {
            return None;
        }
        let (singular_head, plural_head, ends_the_phrase, generic) =
            with_lowercase(word, |lower| {
                (
                    matches!(lower, "poll" | "survey"),
                    matches!(lower, "polls" | "surveys"),
                    matches!(
                        lower,
                        "that" | "which" | "who" | "when" | "where" | "while" | "but" | "to"
                    ) || (lower != "of" && lower != "for" && is_preposition(lower)),
                    offset == index + 1
                        && (matches!(lower, "every" | "each" | "all" | "any")
                            || is_quantifier(lower)),
                )
            });
        if generic {
            return None;
        }
        if singular_head || (plural_head && named) {
            let no_source = tokens.get(offset + 1).is_some_and(|next| {
                next.is_word()
                    && with_lowercase(next.text(text), |lower| {
                        AFTER_A_POLL_THAT_IS_NO_SOURCE.contains(&lower) || is_irregular_past(lower)
                    })
            });
            return (!no_source).then_some(offset);
        }
        if ends_the_phrase {
            return None;
        }
        // "New Hampshire polls", "January polls": a capital before the plural names them.
        named |= token.is_word() && word.starts_with(char::is_uppercase);
    }
    None
}

/// Finds every cue outside quotations.
pub fn find_cues(text: &str, tokens: &[Token], inside_quotation: &[bool]) -> Vec<Cue> {
    // News has a cue in about every fortieth token: sized so that the vector rarely grows.
    let mut cues = Vec::with_capacity(tokens.len() / 32 + 4);
    for (index, token) in tokens.iter().enumerate() {
        if inside_quotation[index] || token.kind != TokenKind::Word {
            continue;
        }
        // Every word outside quotations comes here: it is read as bytes, and a `str` is
        // made (its ends checked for character boundaries) only of a word that may be
        // "according" or a reporting verb.
        let bytes = &text.as_bytes()[token.span.start..token.span.end];
        if bytes.eq_ignore_ascii_case(b"according") {
            let next = tokens
                .get(index + 1)
                .filter(|next| next.paragraph == token.paragraph);
            if next.is_some_and(|next| next.text(text).eq_ignore_ascii_case("to")) {
                let end = index + 2;
                cues.push(Cue {
                    first_token: index,
                    end_token: end,
                    lemma: "according to",
                    strength: CueStrength::Speech,
                    form: CueForm::AccordingTo,
                    span: ByteSpan::new(token.span.start, tokens[end - 1].span.end),
                });
            }
            continue;
        }
        if bytes.eq_ignore_ascii_case(b"in") && poll_head_after(text, tokens, index).is_some() {
            cues.push(Cue {
                first_token: index,
                end_token: index + 1,
                lemma: "in",
                strength: CueStrength::Speech,
                form: CueForm::AccordingTo,
                span: token.span,
            });
            continue;
        }
        if !may_be_cue_verb(bytes) {
            continue;
        }
        let word = token.text(text);
        let Some((lemma, strength)) = cue_verb(word) else {
            continue;
        };
        if word.len() <= 6
            && matches!(word.to_ascii_lowercase().as_str(), "state" | "states")
            && reads_as_the_noun_state(text, tokens, index)
        {
            continue;
        }
        // After a determiner the word is a noun ("the report", "his claims"); after "to"
        // it is an infinitive of something not yet said ("declined to comment"). Only a
        // cue's predecessor is read, and lower-cased on the stack.
        let previous_word = index
            .checked_sub(1)
            .map(|previous| tokens[previous])
            .filter(|previous| previous.paragraph == token.paragraph && previous.is_word());
        if let Some(previous) = previous_word {
            let turns_into_noun_or_infinitive = with_lowercase(previous.text(text), |previous| {
                turns_cue_word_into_noun(previous) || previous == "to"
            });
            if turns_into_noun_or_infinitive {
                continue;
            }
            // "the United States said", "the Islamic State", "the Drudge Report": the last
            // word of a name is no verb.
            if closes_proper_name(text, previous, *token) {
                continue;
            }
        }
        // "the annual report said", "a new survey finds": a cue word right before a verb
        // of saying is that verb's subject, a noun.
        let next_says = tokens
            .get(index + 1)
            .filter(|next| next.paragraph == token.paragraph && next.is_word())
            .is_some_and(|next| {
                with_lowercase(next.text(text), |next| {
                    matches!(
                        next,
                        "said"
                            | "says"
                            | "found"
                            | "finds"
                            | "shows"
                            | "showed"
                            | "states"
                            | "stated"
                            | "noted"
                            | "notes"
                            | "concluded"
                            | "concludes"
                            | "warned"
                            | "warns"
                            | "suggests"
                            | "suggested"
                            | "claims"
                            | "claimed"
                            | "added"
                            | "adds"
                    )
                })
            });
        if next_says {
            continue;
        }
        cues.push(Cue {
            first_token: index,
            end_token: index + 1,
            lemma,
            strength,
            form: CueForm::Verb,
            span: token.span,
        });
    }
    cues
}

/// The lower-case nouns that "state" things in news ("the report states that", "the ad
/// states."): after any other lower-case word "states" names places.
const STATING_DOCUMENTS: &[&str] = &[
    "act",
    "ad",
    "agreement",
    "amendment",
    "article",
    "bill",
    "book",
    "charter",
    "clause",
    "code",
    "complaint",
    "constitution",
    "contract",
    "decision",
    "document",
    "email",
    "filing",
    "guidance",
    "judgment",
    "law",
    "lawsuit",
    "letter",
    "manifesto",
    "memo",
    "notice",
    "order",
    "paper",
    "platform",
    "policy",
    "post",
    "proposal",
    "provision",
    "regulation",
    "release",
    "report",
    "resolution",
    "rule",
    "ruling",
    "section",
    "statement",
    "study",
    "summary",
    "text",
    "treaty",
    "verdict",
    "website",
];

/// "in the 35 states that vote", "Florida, her home state", "battleground states":
/// "state" and "states" are reporting verbs ("It states that ...", "the document
/// states.") far less often than they name places. Given the index of such a word, is it
/// the noun? It is after a number, a quantifier, a preposition or a possessive, after a
/// lower-case word that is no document ("coastal states that", "early voting states
/// that"), and wherever neither a pronoun stands before it nor "that", a quote mark or
/// the clause's end comes after it.
fn reads_as_the_noun_state(text: &str, tokens: &[Token], index: usize) -> bool {
    let Some(before) = index.checked_sub(1).map(|before| tokens[before]) else {
        return false;
    };
    if before.kind == TokenKind::Number {
        return true;
    }
    if !before.is_word() {
        return false;
    }
    let (pronoun_before, noun_before) = with_lowercase(before.text(text), |previous| {
        (
            is_subject_pronoun(previous) || matches!(previous, "who" | "which"),
            is_quantifier(previous)
                || is_preposition(previous)
                || is_number_word(previous)
                || previous.ends_with("'s")
                || previous.ends_with('\u{2019}')
                || previous.ends_with("\u{2019}s")
                || (before.text(text).starts_with(char::is_lowercase)
                    && !STATING_DOCUMENTS.contains(&previous)),
        )
    });
    if pronoun_before {
        return false;
    }
    let clause_after = tokens.get(index + 1).is_some_and(|after| {
        after.kind == TokenKind::QuoteMark
            || matches!(after.text(text), "," | "." | ":")
            || after.text(text).eq_ignore_ascii_case("that")
    });
    noun_before || !clause_after
}

/// Does `token`, a word the cue lexicon knows as a verb, close a name that the capitalised
/// word `previous` opens? It does when the two spell a country ("United States"), or when
/// it is capitalised in its base form with no capital after it ("the Islamic State said",
/// "The Washington Post reported"). A title-case headline's verb after its subject is
/// inflected ("Trump Says", "Clinton Said") or, in its base form, followed by another
/// capital ("Some Say It Proves ...").
pub fn closes_proper_name(text: &str, previous: Token, token: Token) -> bool {
    let word = token.text(text);
    if !word.starts_with(char::is_uppercase)
        || !previous.is_word()
        || !previous.text(text).starts_with(char::is_uppercase)
    {
        return false;
    }
    let next_is_capitalised = text[token.span.end..]
        .trim_start_matches([' ', '\u{a0}'])
        .starts_with(char::is_uppercase);
    let base_form = !next_is_capitalised
        && cue_verb(word).is_some_and(|(lemma, _)| with_lowercase(word, |lower| lower == lemma));
    base_form
        || text
            .get(previous.span.start..token.span.end)
            .is_some_and(|name| country(name).is_some())
}
