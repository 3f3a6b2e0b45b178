//! Stage 7, `dates`: finds when each claim was said ("on Tuesday", "last Friday", "on
//! Aug. 18", "yesterday") in the words around its cue, and resolves weekdays against the
//! publication date: the most recent such day on or before it.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::lexicon::{with_lowercase, MONTHS, WEEKDAYS};
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
    let bare = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word);
    let position = with_lowercase(bare, |bare| WEEKDAYS.iter().position(|day| *day == bare))?;
    Some(Weekday::try_from(position as u8).expect("seven weekdays"))
}

fn month_of(word: &str) -> Option<u32> {
    with_lowercase(word.trim_end_matches('.'), |bare| {
        MONTHS
            .iter()
            .find(|(name, _)| *name == bare)
            .map(|(_, number)| *number)
    })
}

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
        if excluded(index) || !tokens[index].is_word() {
            continue;
        }
        let word = tokens[index].text(text);
        let previous_is = |expected: &str| {
            index
                .checked_sub(1)
                .filter(|&previous| previous >= first)
                .is_some_and(|previous| {
                    with_lowercase(tokens[previous].text(text), |lower| lower == expected)
                })
        };
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if let Some(weekday) = capitalised.then(|| weekday_of(word)).flatten() {
            if previous_is("next") {
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
        let days_before_publication = with_lowercase(word, |lower| match lower {
            "yesterday" => Some(1),
            "today" | "tonight" => Some(0),
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
