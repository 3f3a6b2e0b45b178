//! Stage 1, `segment`: cuts the text into paragraphs and word tokens, and later into
//! sentences that never break inside a quotation. Every later stage works on these
//! tokens, so they carry byte spans into the original text and nothing else.

use crate::model::ByteSpan;

/// What a token is, as far as attribution cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner apostrophes, hyphens and abbreviation periods ("Keller's",
    /// "co-chair", "U.S.", "Aug.").
    Word,
    Number,
    /// A quote mark character; `quotes` decides which ones open and close quotations.
    QuoteMark,
    /// Any other visible character, one per token.
    Punctuation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: ByteSpan,
    pub kind: TokenKind,
    /// Index of the paragraph the token belongs to.
    pub paragraph: usize,
}

impl Token {
    pub fn text(self, text: &str) -> &str {
        self.span.slice(text)
    }

    pub fn is_word(self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_punctuation(self, text: &str, which: char) -> bool {
        self.kind == TokenKind::Punctuation && self.text(text).starts_with(which)
    }
}

/// A paragraph: a run of text between line breaks, with its range of tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    pub span: ByteSpan,
    pub first_token: usize,
    pub end_token: usize,
}

/// A sentence as a range of token indices, `first_token..end_token`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub first_token: usize,
    pub end_token: usize,
    pub paragraph: usize,
}

pub fn is_quote_mark(character: char) -> bool {
    matches!(
        character,
        '"' | '\''
            | '\u{201C}'
            | '\u{201D}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201E}'
            | '\u{00AB}'
            | '\u{00BB}'
    )
}

fn is_apostrophe(character: char) -> bool {
    matches!(character, '\'' | '\u{2019}')
}

/// Abbreviations whose final period does not end a sentence. Lower-cased, without the
/// period. Single capital letters (initials) are handled separately.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "maj",
    "adm", "cmdr", "st", "jr", "sr", "rev", "hon", "pres", "sec", "amb", "supt", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues",
    "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "inc", "corp", "co", "ltd", "no", "vs",
    "etc", "approx", "dept", "univ", "ave", "mt", "ft",
];

pub fn is_abbreviation(word: &str) -> bool {
    let bare = word.trim_end_matches('.');
    if bare.contains('.') {
        // "U.S.", "U.N.", "a.m.": dotted letter groups.
        return true;
    }
    let mut characters = bare.chars();
    if let (Some(first), None) = (characters.next(), characters.next()) {
        return first.is_uppercase();
    }
    ABBREVIATIONS.contains(&bare.to_ascii_lowercase().as_str())
}

/// Splits `text` into paragraphs and tokens. Paragraphs are separated by one or more
/// line breaks; blank paragraphs are skipped.
pub fn tokenize(text: &str) -> (Vec<Paragraph>, Vec<Token>) {
    let mut paragraphs = Vec::new();
    let mut tokens = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let leading = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if !trimmed.is_empty() {
            let start = line_start + leading;
            let span = ByteSpan::new(start, start + trimmed.len());
            let paragraph_index = paragraphs.len();
            let first_token = tokens.len();
            tokenize_paragraph(text, span, paragraph_index, &mut tokens);
            paragraphs.push(Paragraph {
                span,
                first_token,
                end_token: tokens.len(),
            });
        }
        line_start = line_end;
    }
    (paragraphs, tokens)
}

fn tokenize_paragraph(text: &str, span: ByteSpan, paragraph: usize, tokens: &mut Vec<Token>) {
    let slice = span.slice(text);
    let characters: Vec<(usize, char)> = slice.char_indices().collect();
    let mut index = 0;
    while index < characters.len() {
        let (offset, character) = characters[index];
        let start = span.start + offset;
        if character.is_whitespace() {
            index += 1;
            continue;
        }
        let next_offset = |i: usize| characters.get(i).map_or(slice.len(), |&(o, _)| o);
        if character.is_alphabetic() {
            let mut end_index = index + 1;
            while end_index < characters.len() {
                let (_, current) = characters[end_index];
                let following = characters.get(end_index + 1).map(|&(_, c)| c);
                let joins = current.is_alphanumeric()
                    || ((is_apostrophe(current) || current == '-' || current == '.')
                        && following.is_some_and(char::is_alphabetic));
                if !joins {
                    break;
                }
                end_index += 1;
            }
            // An abbreviation keeps its final period so that it does not end a sentence.
            let word_end = next_offset(end_index);
            let word = &slice[offset..word_end];
            if characters.get(end_index).is_some_and(|&(_, c)| c == '.') && is_abbreviation(word) {
                end_index += 1;
            }
            tokens.push(Token {
                span: ByteSpan::new(start, span.start + next_offset(end_index)),
                kind: TokenKind::Word,
                paragraph,
            });
            index = end_index;
        } else if character.is_ascii_digit() {
            let mut end_index = index + 1;
            while end_index < characters.len() {
                let (_, current) = characters[end_index];
                let following = characters.get(end_index + 1).map(|&(_, c)| c);
                let joins = current.is_alphanumeric()
                    || (matches!(current, '.' | ',' | ':' | '-')
                        && following.is_some_and(|c| c.is_ascii_digit()));
                if !joins {
                    break;
                }
                end_index += 1;
            }
            tokens.push(Token {
                span: ByteSpan::new(start, span.start + next_offset(end_index)),
                kind: TokenKind::Number,
                paragraph,
            });
            index = end_index;
        } else {
            let kind = if is_quote_mark(character) {
                TokenKind::QuoteMark
            } else {
                TokenKind::Punctuation
            };
            tokens.push(Token {
                span: ByteSpan::new(start, start + character.len_utf8()),
                kind,
                paragraph,
            });
            index += 1;
        }
    }
}

fn ends_sentence(text: &str, token: Token) -> bool {
    token.kind == TokenKind::Punctuation && matches!(token.text(text), "." | "!" | "?")
}

/// Splits each paragraph into sentences. `inside_quotation[i]` is true for tokens strictly
/// inside a quotation: a sentence never ends there, so a quote of several sentences
/// stays in one sentence with its attribution.
pub fn split_sentences(
    text: &str,
    paragraphs: &[Paragraph],
    tokens: &[Token],
    inside_quotation: &[bool],
) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (paragraph_index, paragraph) in paragraphs.iter().enumerate() {
        let mut first = paragraph.first_token;
        let mut index = paragraph.first_token;
        while index < paragraph.end_token {
            let token = tokens[index];
            // A quotation that ends with a period closes its sentence (`"We will win." The
            // crowd cheered.`); one that ends with `!` or `?` may still take its cue after
            // it (`"Why now?" she asked.`), so attribution decides those.
            let closes_quoted_sentence = token.kind == TokenKind::QuoteMark
                && !inside_quotation[index]
                && index > paragraph.first_token
                && inside_quotation[index - 1]
                && tokens[index - 1].text(text) == ".";
            if closes_quoted_sentence {
                let end = index + 1;
                let next_starts_sentence = tokens
                    .get(end)
                    .filter(|_| end < paragraph.end_token)
                    .is_none_or(|next| {
                        next.text(text)
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase)
                            || next.kind == TokenKind::QuoteMark
                    });
                if next_starts_sentence {
                    sentences.push(Sentence {
                        first_token: first,
                        end_token: end,
                        paragraph: paragraph_index,
                    });
                    first = end;
                    index = end;
                    continue;
                }
            }
            if ends_sentence(text, token) && !inside_quotation[index] {
                let mut end = index + 1;
                // Closing quote marks and brackets after the period belong to this sentence.
                while end < paragraph.end_token
                    && (tokens[end].kind == TokenKind::QuoteMark
                        && inside_quotation.get(end).is_some_and(|inside| !inside)
                        || matches!(tokens[end].text(text), ")" | "]"))
                    && !starts_new_sentence_after_quote(text, tokens, end)
                {
                    end += 1;
                }
                let next = tokens.get(end).filter(|_| end < paragraph.end_token);
                let boundary = match next {
                    None => true,
                    Some(next) => {
                        let next_text = next.text(text);
                        let first_character = next_text.chars().next().unwrap_or(' ');
                        first_character.is_uppercase()
                            || first_character.is_ascii_digit()
                            || next.kind == TokenKind::QuoteMark
                            || next_text == "("
                    }
                };
                if boundary {
                    sentences.push(Sentence {
                        first_token: first,
                        end_token: end,
                        paragraph: paragraph_index,
                    });
                    first = end;
                    index = end;
                    continue;
                }
            }
            index += 1;
        }
        if first < paragraph.end_token {
            sentences.push(Sentence {
                first_token: first,
                end_token: paragraph.end_token,
                paragraph: paragraph_index,
            });
        }
    }
    sentences
}

/// A quote mark right after a sentence end opens the next sentence when whitespace
/// separates it from the period (`end. "Next`), and closes this one otherwise (`end."`).
fn starts_new_sentence_after_quote(text: &str, tokens: &[Token], index: usize) -> bool {
    let previous = tokens[index - 1];
    let gap = &text[previous.span.end..tokens[index].span.start];
    !gap.is_empty()
}
