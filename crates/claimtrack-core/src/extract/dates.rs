//! Stage 7, `dates`: finds when each claim was said ("on Tuesday", "last Friday", "on
//! Aug. 18", "yesterday") in the words around its cue, and resolves weekdays against the
//! publication date: the most recent such day on or before it.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::lexicon::{
    calendar_name, strip_possessive, with_lowercase, CalendarName, AUXILIARIES, MONTHS, WEEKDAYS,
};
use super::segment::{Token, TokenKind};

/// A date expression in the text, not yet resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateMention {
    Weekday {
        weekday: Weekday,
        strictly_before: bool,
    },
    MonthDay {
        month: u32,
        day: u32,
        year: Option<i32>,
    },
    DaysBeforePublication(i64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub token: usize,
    pub mention: DateMention,
}

fn month_of(word: &str) -> Option<u32> {
    month_in(calendar_name(word.trim_end_matches('.')))
}

fn weekday_in(name: Option<CalendarName>) -> Option<Weekday> {
    match name? {
        CalendarName::Weekday(position) => {
            Some(Weekday::try_from(position).expect("seven weekdays"))
        }
        CalendarName::Month(_) => None,
    }
}

fn month_in(name: Option<CalendarName>) -> Option<u32> {
    match name? {
        CalendarName::Month(number) => Some(number),
        CalendarName::Weekday(_) => None,
    }
}

/// What `word` is as a weekday (read without a possessive "'s") and as a month (read
/// without final periods), with one probe of the calendar table when both readings are
/// the word itself, as they are for nearly every capitalised word (most are names, and
/// in neither list).
fn weekday_and_month_of(word: &str) -> (Option<Weekday>, Option<u32>) {
    let weekday_reading = strip_possessive(word);
    let month_reading = word.trim_end_matches('.');
    let weekday_name = calendar_name(weekday_reading);
    // Both readings are prefixes of `word`, and a word ending in "'s" does not end in a
    // period: they have the same length only when neither dropped anything.
    let month_name = if month_reading.len() == weekday_reading.len() {
        weekday_name
    } else {
        calendar_name(month_reading)
    };
    (weekday_in(weekday_name), month_in(month_name))
}

/// Words before a weekday that make it a day the claim is about rather than the day it
/// was made ("next Monday", "since Sunday night", "by Friday", "this Thursday").
const NOT_THE_DAY_OF_SPEAKING: &[&str] = &[
    "next", "since", "until", "till", "by", "before", "from", "through", "this", "for",
];

/// Date expressions among `tokens[first..end]` outside `excluded` (the claim's own
/// words: a date inside a quote is what the speaker talks about, not when). Every word of
/// every claim's sentence passes here, so words are lower-cased on the stack, and only
/// when a test needs them. `excluded` is each caller's own closure, not a `dyn` one: it is
/// asked for many tokens, and called through a pointer it cost a call each time unless the
/// compiler happened to inline this function into its caller.
pub fn find_dates(
    text: &str,
    tokens: &[Token],
    first: usize,
    end: usize,
    excluded: &impl Fn(usize) -> bool,
) -> Vec<FoundDate> {
    let mut found = Vec::new();
    for index in first..end {
        let token = tokens[index];
        if !token.is_word() || !could_be_a_date_word(text, token) || excluded(index) {
            continue;
        }
        let word = token.text(text);
        let previous_is = |expected: &str| {
            index
                .checked_sub(1)
                .filter(|&previous| previous >= first)
                .is_some_and(|previous| {
                    with_lowercase(tokens[previous].text(text), |lower| lower == expected)
                })
        };
        // Only a capitalised word with the first letter and the length of a weekday or a
        // month is looked up: other capitalised words (most of them names) are not.
        let (weekday, month) = if could_be_a_calendar_word(word.as_bytes()[0], word.len()) {
            weekday_and_month_of(word)
        } else {
            (None, None)
        };
        if let Some(weekday) = weekday {
            // "next Monday", "since Sunday", "by Friday": a day the words are about, not
            // the day they were said.
            if NOT_THE_DAY_OF_SPEAKING.iter().any(|word| previous_is(word)) {
                continue;
            }
            found.push(FoundDate {
                token: index,
                mention: DateMention::Weekday {
                    weekday,
                    strictly_before: previous_is("last"),
                },
            });
            continue;
        }
        if let Some(month) = month {
            if NOT_THE_DAY_OF_SPEAKING.iter().any(|word| previous_is(word)) {
                continue;
            }
            // "May" is also a verb and a name: a month needs a day number after it.
            let Some(day_token) = tokens
                .get(index + 1)
                .filter(|token| token.kind == TokenKind::Number && index + 1 < end)
            else {
                continue;
            };
            let Ok(day) = day_token
                .text(text)
                .trim_end_matches(|c: char| c.is_alphabetic())
                .parse::<u32>()
            else {
                continue;
            };
            if !(1..=31).contains(&day) {
                continue;
            }
            let year = tokens
                .get(index + 3)
                .filter(|_| index + 3 < end && tokens[index + 2].is_punctuation(text, ','))
                .and_then(|token| token.text(text).parse::<i32>().ok())
                .filter(|year| (1900..=2200).contains(year));
            found.push(FoundDate {
                token: index,
                mention: DateMention::MonthDay { month, day, year },
            });
            continue;
        }
        // Every word of an article can pass here: only a word with the first letter and
        // the length of one of the words below needs lower-casing.
        if !has_length_for_first_letter(&DAY_WORD_LENGTHS, word.as_bytes()[0], word.len()) {
            continue;
        }
        let days_before_publication = with_lowercase(word, |lower| match lower {
            "yesterday" => Some(1),
            "today" | "tonight" => Some(0),
            "night" if previous_is("last") => Some(1),
            "morning" | "afternoon" | "evening" if previous_is("this") => Some(0),
            _ => None,
        });
        if let Some(days) = days_before_publication {
            found.push(FoundDate {
                token: index,
                mention: DateMention::DaysBeforePublication(days),
            });
        }
    }
    found
}

/// For each first letter of a word, in either case, the lengths in bytes a word starting
/// with it may have to be one of a list of words: bit `n` of the letter's mask is set for
/// length `n`. A word of another first letter or length cannot lower-case to any of them.
/// Only ASCII capitals and the Kelvin sign (which becomes "k", two bytes shorter)
/// lower-case to ASCII letters, so a word of the list with a "k" also has its length
/// plus two for each "k" ("week" written with a Kelvin sign). Indexed by
/// `first_letter_slot`: only a question with a full test behind it may ask it.
type LengthsByFirstLetter = [u16; 32];

/// Which slot of a `LengthsByFirstLetter` a word's first byte reads: a letter and its
/// capital share one (other bytes may share it too, which only lets more words through
/// to the full test).
#[inline(always)]
fn first_letter_slot(first_byte: u8) -> usize {
    usize::from((first_byte | 0x20) & 31)
}

/// The table for words given as their first letter and their possible lengths.
const fn lengths_by_first_letter(words: &[(u8, &[usize])]) -> LengthsByFirstLetter {
    let mut table = [0; 32];
    let mut word = 0;
    while word < words.len() {
        let (letter, lengths) = words[word];
        let mut index = 0;
        while index < lengths.len() {
            table[((letter | 0x20) & 31) as usize] |= 1 << lengths[index];
            index += 1;
        }
        word += 1;
    }
    table
}

/// "yesterday", "today", "tonight", "night", "morning", "afternoon", "evening".
const DAY_WORD_LENGTHS: LengthsByFirstLetter = lengths_by_first_letter(&[
    (b'y', &[9]),
    (b't', &[5, 7]),
    (b'n', &[5]),
    (b'm', &[7]),
    (b'a', &[9]),
    (b'e', &[7]),
]);

/// "interview", "previously", "time", "week", "month", "year", "autumn", "spring",
/// "summer", "winter", "weekend", "season", "newspaper" ("week" and "weekend" also two
/// bytes longer, for a Kelvin sign).
const TIME_SHIFT_WORD_LENGTHS: LengthsByFirstLetter = lengths_by_first_letter(&[
    (b'i', &[9]),
    (b'p', &[10]),
    (b't', &[4]),
    (b'w', &[4, 6, 7, 9]),
    (b'm', &[5]),
    (b'y', &[4]),
    (b'a', &[6]),
    (b's', &[6]),
    (b'n', &[9]),
]);

/// Whether a word whose first byte is `first` and whose length is `length` bytes can
/// lower-case to one of the words `table` describes.
#[inline(always)]
fn has_length_for_first_letter(table: &LengthsByFirstLetter, first: u8, length: usize) -> bool {
    length < 16 && table[first_letter_slot(first)] >> length & 1 == 1
}

/// Whether a word token can be any of the words `find_dates` looks for, from its length
/// and first byte alone (no slicing, no lower-casing): a weekday or month starts with
/// one of ten capitals and has at most twelve bytes; the day words ("yesterday",
/// "tonight", ...) by `DAY_WORD_LENGTHS`.
fn could_be_a_date_word(text: &str, token: Token) -> bool {
    let length = token.span.end - token.span.start;
    let first = text.as_bytes()[token.span.start];
    could_be_a_calendar_word(first, length)
        || has_length_for_first_letter(&DAY_WORD_LENGTHS, first, length)
}

/// For each ASCII capital, the lengths in bytes a word starting with it may have and be
/// read by `weekday_and_month_of` as a weekday (bare, or with a possessive "'s" of two
/// or four bytes) or a month (bare, or an abbreviation with its period): bit `n` for
/// length `n`. No weekday or month has a "k", so only ASCII capitals can lower-case to
/// their letters (see `LengthsByFirstLetter`).
const CALENDAR_WORD_LENGTHS: [u16; 26] = calendar_word_lengths();

const fn calendar_word_lengths() -> [u16; 26] {
    let mut masks = [0u16; 26];
    let mut index = 0;
    while index < WEEKDAYS.len() {
        let day = WEEKDAYS[index].as_bytes();
        let length = day.len();
        masks[(day[0] - b'a') as usize] |= 1 << length | 1 << (length + 2) | 1 << (length + 4);
        index += 1;
    }
    index = 0;
    while index < MONTHS.len() {
        let month = MONTHS[index].0.as_bytes();
        let length = month.len();
        masks[(month[0] - b'a') as usize] |= 1 << length | 1 << (length + 1);
        index += 1;
    }
    masks
}

/// Whether a word with first byte `first` and `length` bytes can be a weekday or a
/// month, as the date finder reads them (a capital, at most twelve bytes).
#[inline(always)]
fn could_be_a_calendar_word(first: u8, length: usize) -> bool {
    first.is_ascii_uppercase()
        && length <= 12
        && CALENDAR_WORD_LENGTHS[usize::from(first - b'A')] >> length & 1 == 1
}

/// Whether a word token can be any of the words `find_time_shifts` looks for, from its
/// length and first byte alone: the shift words by `TIME_SHIFT_WORD_LENGTHS`; a month
/// starts with one of eight capitals and has at most ten bytes.
fn could_be_a_time_shift_word(text: &str, token: Token) -> bool {
    let length = token.span.end - token.span.start;
    let first = text.as_bytes()[token.span.start];
    has_length_for_first_letter(&TIME_SHIFT_WORD_LENGTHS, first, length)
        || (length <= 10 && matches!(first, b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D'))
}

/// The calendar day a mention means, given the publication date.
pub fn resolve_date(mention: DateMention, published: Option<NaiveDate>) -> Option<NaiveDate> {
    match mention {
        DateMention::Weekday {
            weekday,
            strictly_before,
        } => {
            let published = published?;
            let mut back = (published.weekday().num_days_from_monday() as i64
                - weekday.num_days_from_monday() as i64)
                .rem_euclid(7);
            if back == 0 && strictly_before {
                back = 7;
            }
            published.checked_sub_signed(Duration::days(back))
        }
        DateMention::MonthDay { month, day, year } => {
            let year = match (year, published) {
                (Some(year), _) => year,
                (None, Some(published)) => {
                    // Without a year, the date is the latest one not far after publication.
                    let same_year = NaiveDate::from_ymd_opt(published.year(), month, day)?;
                    if same_year > published + Duration::days(31) {
                        published.year() - 1
                    } else {
                        published.year()
                    }
                }
                (None, None) => return None,
            };
            NaiveDate::from_ymd_opt(year, month, day)
        }
        DateMention::DaysBeforePublication(days) => {
            published?.checked_sub_signed(Duration::days(days))
        }
    }
}

/// Words that move a claim away from any day the article has set without naming another
/// one: "said in November", "told this newspaper last month", "said at the time", "said
/// in an interview". A month, a year or "last week" is not a day, so a claim they time
/// has no known day at all. Returns the token of each such expression among
/// `tokens[first..end]` outside `excluded` (a closure of the caller's type, as for
/// `find_dates`: it is asked for every number and punctuation mark of the sentence).
pub fn find_time_shifts(
    text: &str,
    tokens: &[Token],
    first: usize,
    end: usize,
    excluded: &impl Fn(usize) -> bool,
) -> Vec<usize> {
    let mut found = Vec::new();
    let word_is = |index: Option<usize>, expected: &[&str]| {
        index
            .filter(|&index| index >= first && index < end && tokens[index].is_word())
            .is_some_and(|index| {
                with_lowercase(tokens[index].text(text), |lower| expected.contains(&lower))
            })
    };
    for index in first..end {
        let token = tokens[index];
        // Most tokens are words that can be no time shift: they are turned away before
        // anything else is asked.
        if token.is_word() && !could_be_a_time_shift_word(text, token) {
            continue;
        }
        if excluded(index) {
            continue;
        }
        let previous = index.checked_sub(1);
        if token.kind == TokenKind::Number {
            // "in 2019": a year is not a day.
            let is_year = token
                .text(text)
                .parse::<i32>()
                .is_ok_and(|year| (1900..=2200).contains(&year));
            if is_year
                && word_is(previous, &["in", "since", "during"])
                && !describes_someone(tokens, text, first, index)
            {
                found.push(index);
            }
            continue;
        }
        if !token.is_word() {
            continue;
        }
        let word = token.text(text);
        // Only a word with the first letter and the length of one of the words below
        // needs lower-casing.
        let is_shift =
            has_length_for_first_letter(&TIME_SHIFT_WORD_LENGTHS, word.as_bytes()[0], word.len())
                && with_lowercase(word, |lower| match lower {
                    "interview" | "previously" => true,
                    "time" => word_is(previous, &["the"]) && word_is(index.checked_sub(2), &["at"]),
                    "week" | "month" | "year" | "autumn" | "spring" | "summer" | "winter"
                    | "weekend" | "season" => word_is(previous, &["last", "earlier"]),
                    "newspaper" => word_is(previous, &["this"]),
                    _ => false,
                });
        // A month without a day number ("in March", "last June") is not a day.
        let is_month_alone = !is_shift
            && word.len() <= 10
            && word.as_bytes().first().is_some_and(|first| {
                matches!(first, b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D')
            })
            && tokens
                .get(index + 1)
                .is_none_or(|next| next.kind != TokenKind::Number)
            // Most capitalised words here are names: the month table turns them away
            // before the word before them is lower-cased.
            && month_of(word).is_some()
            && word_is(
                previous,
                &["in", "last", "early", "late", "mid", "since", "during"],
            );
        if (is_shift || is_month_alone) && !describes_someone(tokens, text, first, index) {
            found.push(index);
        }
    }
    found
}

/// Whether the words just before `index` open a relative clause ("Malloy, who bought the
/// club in 2019, said") or a question put to the speaker ("Asked whether the bank would
/// cut rates in April, ..."): a time there is about the person or the question, not
/// about the saying.
fn describes_someone(tokens: &[Token], text: &str, first: usize, index: usize) -> bool {
    // The clause ends at a comma: "Solvang, who chairs the committee, said in November"
    // is timed by its month.
    (index.saturating_sub(10).max(first)..index)
        .rev()
        .take_while(|&before| !tokens[before].is_punctuation(text, ','))
        .any(|before| {
            tokens[before].is_word()
                && with_lowercase(tokens[before].text(text), |lower| {
                    matches!(
                        lower,
                        "who" | "which" | "whose" | "when" | "where" | "whether" | "asked"
                    )
                })
        })
}

/// `... defended the move when the Gazette called him yesterday`, `... said the plan was
/// sound when asked about it on Monday`: a "when" clause after the cue in which the
/// reporter reaches the speaker, or the speaker talks to someone, tells when and how the
/// words were said, never what was said. A tagged content ends before it, and its day
/// dates the claim, not the words. Returns the token where the first such clause among
/// tokens `first..end` starts.
pub(crate) fn reporter_contact_clause(
    text: &str,
    tokens: &[Token],
    first: usize,
    end: usize,
) -> Option<usize> {
    // How far after "when" the contact verb may stand: "when a reporter for the
    // Gazette reached her" is as long as the clause's subject gets.
    const LONGEST_SUBJECT: usize = 6;
    let lower = |index: usize| {
        tokens
            .get(index)
            .filter(|token| token.is_word())
            .map(|token| token.text(text).to_ascii_lowercase())
    };
    let is_contact_participle = |word: &str| {
        matches!(
            word,
            "asked"
                | "contacted"
                | "reached"
                | "approached"
                | "questioned"
                | "pressed"
                | "quizzed"
                | "interviewed"
                | "called"
                | "phoned"
                | "telephoned"
                | "rung"
                | "emailed"
                | "challenged"
        )
    };
    let is_contact_verb = |word: &str| {
        is_contact_participle(word)
            || matches!(
                word,
                "rang" | "spoke" | "speaking" | "talked" | "talking" | "told" | "telling"
            )
    };
    for when in first..end {
        // Compared in place: most tokens are not "when", and lower-casing each one would
        // allocate a string per token of every content this is asked about.
        let is_when = tokens
            .get(when)
            .is_some_and(|token| token.is_word() && token.text(text).eq_ignore_ascii_case("when"));
        if !is_when {
            continue;
        }
        // "when asked", "when contacted by the Gazette".
        if lower(when + 1).is_some_and(|word| is_contact_participle(&word)) {
            return Some(when);
        }
        // "when the Gazette called him", "when she spoke to reporters", "when he was
        // asked".
        for verb in when + 2..(when + 2 + LONGEST_SUBJECT).min(end) {
            let Some(word) = lower(verb) else { break };
            let next = lower(verb + 1);
            if AUXILIARIES.contains(&word.as_str()) {
                if next.is_some_and(|next| is_contact_participle(&next)) {
                    return Some(when);
                }
                break;
            }
            if matches!(word.as_str(), "that" | "which" | "who") {
                break;
            }
            let reaches_someone = next.as_deref().is_some_and(|next| {
                matches!(
                    next,
                    "him" | "her" | "them" | "me" | "us" | "by" | "to" | "with" | "reporters"
                )
            });
            if is_contact_verb(&word) && reaches_someone {
                return Some(when);
            }
        }
    }
    None
}
