//! Stage 7, `dates`: finds when each claim was said ("on Tuesday", "last Friday", "on
//! Aug. 18", "yesterday") in the words around its cue, and resolves weekdays against the
//! publication date: the most recent such day on or before it.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::lexicon::{calendar_name, strip_possessive, with_lowercase, CalendarName};
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

fn weekday_of(word: &str) -> Option<Weekday> {
    let bare = strip_possessive(word);
    match calendar_name(bare)? {
        CalendarName::Weekday(position) => {
            Some(Weekday::try_from(position).expect("seven weekdays"))
        }
        CalendarName::Month(_) => None,
    }
}

fn month_of(word: &str) -> Option<u32> {
    match calendar_name(word.trim_end_matches('.'))? {
        CalendarName::Month(number) => Some(number),
        CalendarName::Weekday(_) => None,
    }
}

/// Words before a weekday that make it a day the claim is about rather than the day it
/// was made ("next Monday", "since Sunday night", "by Friday", "this Thursday").
const NOT_THE_DAY_OF_SPEAKING: &[&str] = &[
    "next", "since", "until", "till", "by", "before", "from", "through", "this", "for",
];

/// Date expressions among `tokens[first..end]` outside `excluded` (the claim's own
/// words: a date inside a quote is what the speaker talks about, not when). Every word of
/// every claim's sentence passes here, so words are lower-cased on the stack, and only
/// when a test needs them.
pub fn find_dates(
    text: &str,
    tokens: &[Token],
    first: usize,
    end: usize,
    excluded: &dyn Fn(usize) -> bool,
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
        // Weekdays and months start with one of these capitals and are short: other
        // capitalised words (most names) need no lower-casing.
        let capitalised = word.len() <= 12
            && word.as_bytes().first().is_some_and(|first| {
                matches!(
                    first,
                    b'M' | b'T' | b'W' | b'F' | b'S' | b'J' | b'A' | b'O' | b'N' | b'D'
                )
            });
        if let Some(weekday) = capitalised.then(|| weekday_of(word)).flatten() {
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
        if let Some(month) = capitalised.then(|| month_of(word)).flatten() {
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
        // Every word of an article can pass here: the words below are five to nine
        // letters long, so shorter and longer ones need no lower-casing.
        // They also start with one of six letters, in either case; a word starting with
        // anything else, a non-ASCII letter included, lower-cases to none of them.
        if !(5..=9).contains(&word.len())
            || !matches!(
                word.as_bytes()[0] | 0x20,
                b'y' | b't' | b'n' | b'm' | b'a' | b'e'
            )
        {
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

/// Whether a word token can be any of the words `find_dates` looks for, from its length
/// and first byte alone (no slicing, no lower-casing): a weekday or month starts with
/// one of ten capitals and has at most twelve bytes; "yesterday", "today", "tonight",
/// "night", "morning", "afternoon" and "evening" have five to nine letters and start
/// with one of six letters in either case, which no non-ASCII letter lower-cases to.
fn could_be_a_date_word(text: &str, token: Token) -> bool {
    let length = token.span.end - token.span.start;
    let first = text.as_bytes()[token.span.start];
    (length <= 12
        && matches!(
            first,
            b'M' | b'T' | b'W' | b'F' | b'S' | b'J' | b'A' | b'O' | b'N' | b'D'
        ))
        || ((5..=9).contains(&length)
            && matches!(first | 0x20, b'y' | b't' | b'n' | b'm' | b'a' | b'e'))
}

/// Whether a word token can be any of the words `find_time_shifts` looks for, from its
/// length and first byte alone: the shift words have four to ten letters and start with
/// one of nine letters in either case; a month starts with one of eight capitals.
fn could_be_a_time_shift_word(text: &str, token: Token) -> bool {
    let length = token.span.end - token.span.start;
    let first = text.as_bytes()[token.span.start];
    ((4..=10).contains(&length)
        && matches!(
            first | 0x20,
            b'i' | b'p' | b't' | b'w' | b'm' | b'y' | b'a' | b's' | b'n'
        ))
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
/// `tokens[first..end]` outside `excluded`.
pub fn find_time_shifts(
    text: &str,
    tokens: &[Token],
    first: usize,
    end: usize,
    excluded: &dyn Fn(usize) -> bool,
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
        // The words below are four to ten letters long and start with one of nine letters
        // in either case; others need no lower-casing (no non-ASCII letter lower-cases to
        // an ASCII one of these).
        let is_shift = (4..=10).contains(&word.len())
            && matches!(
                word.as_bytes()[0] | 0x20,
                b'i' | b'p' | b't' | b'w' | b'm' | b'y' | b'a' | b's' | b'n'
            )
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
            && word_is(
                previous,
                &["in", "last", "early", "late", "mid", "since", "during"],
            )
            && month_of(word).is_some();
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
