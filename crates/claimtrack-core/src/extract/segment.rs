//! Stage 1, `segment`: cuts the text into paragraphs and word tokens, and later into
//! sentences that never break inside a quotation. Every later stage works on these
//! tokens, so they carry byte spans into the original text and nothing else.

use std::sync::OnceLock;

use super::lexicon::{in_word_set, PackedWordTable};
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

/// The indices of the tokens that start inside `span` (tokens are in text order, so this
/// is two binary searches).
pub fn tokens_starting_in(tokens: &[Token], span: ByteSpan) -> std::ops::Range<usize> {
    let first = tokens.partition_point(|token| token.span.start < span.start);
    let end = tokens.partition_point(|token| token.span.start < span.end);
    first..end.max(first)
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

/// The non-ASCII characters news text is full of that are neither letters, digits nor
/// white space: curly quote marks, dashes and the ellipsis. Telling them by value spares
/// the Unicode tables' binary searches behind `is_alphabetic` and `is_alphanumeric`,
/// which cost a few hundred instructions per character, at every one of them.
fn is_typographic_punctuation(character: char) -> bool {
    matches!(
        character,
        '\u{2018}'
            | '\u{2019}'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2015}'
            | '\u{2026}'
    )
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
    // This runs at every word before a period: the word's bytes are read once, for a
    // period inside it, its last hyphen and whether it is ASCII ('.' and '-' are ASCII,
    // so no byte of another character equals them), instead of a search for each.
    let bytes = word.as_bytes();
    let mut bare_length = bytes.len();
    while bare_length > 0 && bytes[bare_length - 1] == b'.' {
        bare_length -= 1;
    }
    let bare = &word[..bare_length];
    let mut last_hyphen = None;
    let mut high_bits = 0u8;
    for (position, &byte) in bare.as_bytes().iter().enumerate() {
        if byte == b'.' {
            // "U.S.", "U.N.", "a.m.": dotted letter groups.
            return true;
        }
        if byte == b'-' {
            last_hyphen = Some(position);
        }
        high_bits |= byte;
    }
    let single_character = match bare.as_bytes() {
        [_] => true,
        [] => false,
        _ => !high_bits.is_ascii() && bare.chars().nth(1).is_none(),
    };
    if single_character {
        // An initial, or the "v." of a court case (`Roe v. Wade`).
        return bare
            .chars()
            .next()
            .is_some_and(|first| first.is_uppercase() || first == 'v');
    }
    // `then-Sen. Barack Obama`, `ex-Gov. Ames`: a title after a hyphen is still a title.
    if let Some(hyphen) = last_hyphen {
        let last = &bare[hyphen + 1..];
        if !last.is_empty() && last.len() < bare.len() - 1 && is_abbreviation(last) {
            return true;
        }
    }
    // One probe of a packed table (which ignores ASCII case) instead of a scan of the
    // list. Only an ASCII word can equal an entry ignoring ASCII case.
    static TABLE: OnceLock<PackedWordTable<()>> = OnceLock::new();
    high_bits.is_ascii() && in_word_set(&TABLE, ABBREVIATIONS, bare)
}

/// Splits `text` into paragraphs and tokens. Paragraphs are separated by one or more
/// line breaks; blank paragraphs are skipped.
pub fn tokenize(text: &str) -> (Vec<Paragraph>, Vec<Token>) {
    // Sized for paragraphs of 64 bytes or more, so that the vector never grows on most
    // articles.
    let mut paragraphs = Vec::with_capacity(text.len() / 64 + 4);
    // News text averages a little over five bytes per token; reserving for that saves
    // most of the vector's regrowth on long articles.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 16);
    // Each line is tokenised in the same pass over its bytes that finds its end: a search
    // for line breaks first was a pass of its own over every byte. Every character that
    // is no white space is part of exactly one token, so a line's first and last tokens
    // give its trimmed span, and a line without tokens is blank.
    let mut line_start = 0;
    while line_start < text.len() {
        let first_token = tokens.len();
        let next_line_start = tokenize_line(text, line_start, paragraphs.len(), &mut tokens);
        if let (Some(first), Some(last)) = (tokens.get(first_token), tokens.last()) {
            paragraphs.push(Paragraph {
                span: ByteSpan::new(first.span.start, last.span.end),
                first_token,
                end_token: tokens.len(),
            });
        }
        line_start = next_line_start;
    }
    (paragraphs, tokens)
}

/// The character starting at byte `offset` of `slice` and its length in bytes, or `None`
/// at the end. ASCII, nearly all of news text, is read without decoding.
#[inline(always)]
fn character_at(slice: &str, offset: usize) -> Option<(char, usize)> {
    let byte = *slice.as_bytes().get(offset)?;
    if byte.is_ascii() {
        return Some((char::from(byte), 1));
    }
    // Tokens only ever end on character boundaries, so `offset` is one.
    let character = slice[offset..].chars().next()?;
    Some((character, character.len_utf8()))
}

/// `ASCII_LETTER_OR_DIGIT[byte]`: the byte is an ASCII letter or digit. One table read
/// per byte is the inner loop of reading every word.
static ASCII_LETTER_OR_DIGIT: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    table
};

/// The end of the run of ASCII letters and digits starting at `offset`. Eight bytes are
/// tested at once while eight remain: a word is then mostly one step, not one per letter.
#[inline(always)]
fn end_of_ascii_letters_and_digits(bytes: &[u8], mut offset: usize) -> usize {
    while let Some(eight) = bytes.get(offset..offset + 8) {
        let word = u64::from_le_bytes(eight.try_into().unwrap_or([0; 8]));
        let not_letter_or_digit =
            !ascii_letters_and_digits_mask(word) & (0x0101_0101_0101_0101 * 0x80);
        if not_letter_or_digit != 0 {
            return offset + (not_letter_or_digit.trailing_zeros() / 8) as usize;
        }
        offset += 8;
    }
    while offset < bytes.len() && ASCII_LETTER_OR_DIGIT[usize::from(bytes[offset])] {
        offset += 1;
    }
    offset
}

/// For eight bytes read little-endian: the top bit of each byte's lane is set exactly
/// when that byte is an ASCII letter or digit. For bytes below 0x80, adding a constant
/// below 0x80 never carries into the next lane, so each lane's top bit after the sum
/// says whether the byte reached the constant's bound.
#[inline(always)]
fn ascii_letters_and_digits_mask(word: u64) -> u64 {
    const EACH: u64 = 0x0101_0101_0101_0101;
    const TOP: u64 = EACH * 0x80;
    let ascii = !word & TOP;
    // Clearing each lane's top bit keeps the sums below inside their lanes; non-ASCII
    // lanes are dropped by `ascii` at the end.
    let low = word & !TOP;
    let folded = low | (EACH * 0x20);
    let letter = folded.wrapping_add(EACH * u64::from(0x80 - b'a'))
        & !folded.wrapping_add(EACH * u64::from(0x80 - b'z' - 1));
    let digit = low.wrapping_add(EACH * u64::from(0x80 - b'0'))
        & !low.wrapping_add(EACH * u64::from(0x80 - b'9' - 1));
    (letter | digit) & ascii
}

/// What the tokeniser asks of a character first: white space separates tokens, a letter
/// starts a word, an ASCII digit a number, and anything else is a token of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CharacterClass {
    WhiteSpace,
    Letter,
    Digit,
    Other,
}

impl CharacterClass {
    fn of(character: char) -> CharacterClass {
        if character.is_whitespace() {
            CharacterClass::WhiteSpace
        } else if character.is_alphabetic() {
            CharacterClass::Letter
        } else if character.is_ascii_digit() {
            CharacterClass::Digit
        } else {
            CharacterClass::Other
        }
    }
}

/// `CharacterClass::of` for every ASCII byte, read with one load: the Unicode
/// properties of ASCII are U+0009 to U+000D and the space for white space, and the
/// Latin letters for letters.
static ASCII_CHARACTER_CLASSES: [CharacterClass; 128] = {
    let mut classes = [CharacterClass::Other; 128];
    let mut byte = 0;
    while byte < 128 {
        classes[byte] = match byte as u8 {
            b'\t'..=b'\r' | b' ' => CharacterClass::WhiteSpace,
            b'a'..=b'z' | b'A'..=b'Z' => CharacterClass::Letter,
            b'0'..=b'9' => CharacterClass::Digit,
            _ => CharacterClass::Other,
        };
        byte += 1;
    }
    classes
};

/// Reads the tokens of the line starting at byte `line_start` by walking its bytes once,
/// without collecting its characters: this is the first pass over every byte of every
/// article. ASCII bytes are classified directly; anything else is decoded and asked the
/// same questions through `char`, so the tokens are exactly those of reading character by
/// character. Returns where the next line starts (after the line break), or the text's
/// length. No token runs over a line break: it is white space, which nothing joins.
fn tokenize_line(
    text: &str,
    line_start: usize,
    paragraph: usize,
    tokens: &mut Vec<Token>,
) -> usize {
    let slice = &text[line_start..];
    let bytes = slice.as_bytes();
    let alphabetic_at = |offset: usize| match bytes.get(offset) {
        Some(byte) if byte.is_ascii() => byte.is_ascii_alphabetic(),
        Some(_) => character_at(slice, offset).is_some_and(|(c, _)| c.is_alphabetic()),
        None => false,
    };
    let mut offset = 0;
    while offset < bytes.len() {
        let byte = bytes[offset];
        // A space, about one byte in six, is passed over before anything else is asked.
        if byte == b' ' {
            offset += 1;
            continue;
        }
        if byte == b'\n' {
            return line_start + offset + 1;
        }
        let start = line_start + offset;
        let (character, length) = if byte.is_ascii() {
            (char::from(byte), 1)
        } else {
            let character = slice[offset..].chars().next().unwrap_or('\u{FFFD}');
            (character, character.len_utf8())
        };
        let class = if byte.is_ascii() {
            ASCII_CHARACTER_CLASSES[usize::from(byte)]
        } else if is_typographic_punctuation(character) {
            CharacterClass::Other
        } else {
            CharacterClass::of(character)
        };
        if class == CharacterClass::WhiteSpace {
            offset += length;
            continue;
        }
        if class == CharacterClass::Letter {
            let mut end = offset + length;
            loop {
                // Runs of ASCII letters and digits, most of every word, need no decoding.
                end = end_of_ascii_letters_and_digits(bytes, end);
                let Some(&next) = bytes.get(end) else {
                    break;
                };
                let joined = if next.is_ascii() {
                    (matches!(next, b'\'' | b'-' | b'.') && alphabetic_at(end + 1)).then_some(1)
                } else {
                    character_at(slice, end).and_then(|(current, current_length)| {
                        // A curly apostrophe ("Trump’s") joins when a letter follows; a
                        // closing quote mark or a dash never does.
                        let joins = if is_typographic_punctuation(current) {
                            is_apostrophe(current) && alphabetic_at(end + current_length)
                        } else {
                            current.is_alphanumeric()
                                || (is_apostrophe(current) && alphabetic_at(end + current_length))
                        };
                        joins.then_some(current_length)
                    })
                };
                let Some(joined) = joined else {
                    break;
                };
                end += joined;
            }
            // An abbreviation keeps its final period so that it does not end a sentence.
            if bytes.get(end) == Some(&b'.') && is_abbreviation(&slice[offset..end]) {
                end += 1;
            }
            tokens.push(Token {
                span: ByteSpan::new(start, line_start + end),
                kind: TokenKind::Word,
                paragraph,
            });
            offset = end;
        } else if class == CharacterClass::Digit {
            let mut end = offset + length;
            loop {
                end = end_of_ascii_letters_and_digits(bytes, end);
                let Some(&next) = bytes.get(end) else {
                    break;
                };
                let joined = if next.is_ascii() {
                    (matches!(next, b'.' | b',' | b':' | b'-')
                        && bytes.get(end + 1).is_some_and(u8::is_ascii_digit))
                    .then_some(1)
                } else {
                    character_at(slice, end)
                        .filter(|(current, _)| {
                            !is_typographic_punctuation(*current) && current.is_alphanumeric()
                        })
                        .map(|(_, current_length)| current_length)
                };
                let Some(joined) = joined else {
                    break;
                };
                end += joined;
            }
            tokens.push(Token {
                span: ByteSpan::new(start, line_start + end),
                kind: TokenKind::Number,
                paragraph,
            });
            offset = end;
        } else {
            let kind = if is_quote_mark(character) {
                TokenKind::QuoteMark
            } else {
                TokenKind::Punctuation
            };
            // Two straight apostrophes are one double quote mark in some archives'
            // plain text (''This isn't reform,'' he said). Three after a word or a mark
            // close a single quote inside a double one (''..., 'a special case,''' he
            // said): the single mark comes first there.
            let closes_single_then_double = offset > 0
                && !bytes[offset - 1].is_ascii_whitespace()
                && bytes.get(offset + 1..offset + 3) == Some(&b"''"[..])
                && bytes.get(offset + 3) != Some(&b'\'');
            let length = if byte == b'\''
                && bytes.get(offset + 1) == Some(&b'\'')
                && !closes_single_then_double
            {
                2
            } else {
                length
            };
            tokens.push(Token {
                span: ByteSpan::new(start, start + length),
                kind,
                paragraph,
            });
            offset += length;
        }
    }
    text.len()
}

/// Does the paragraph of tokens `first..end`, which `one_sentence` says form a single
/// sentence, read as a headline or a brief's title? One short sentence (twenty words at
/// most) with no full stop at its end, inside closing quote marks or not: a short
/// one-sentence paragraph of the story has one ("Ibáñez told a news conference on Monday
/// that ... under threat.").
pub fn reads_as_headline(
    text: &str,
    tokens: &[Token],
    first: usize,
    end: usize,
    one_sentence: bool,
) -> bool {
    let paragraph_text = tokens
        .get(first)
        .zip(tokens.get(end.saturating_sub(1)))
        .map_or("", |(first, last)| &text[first.span.start..last.span.end]);
    let ends_with_full_stop = paragraph_text
        .trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}'])
        .ends_with('.');
    // Counting stops at the 21st word, so a long paragraph costs no more than a short one.
    one_sentence
        && !ends_with_full_stop
        && tokens[first..end]
            .iter()
            .filter(|token| token.is_word())
            .take(21)
            .count()
            <= 20
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
    // Sized for sentences of sixteen tokens or more, so that it rarely grows.
    let mut sentences = Vec::with_capacity(tokens.len() / 16 + paragraphs.len());
    for (paragraph_index, paragraph) in paragraphs.iter().enumerate() {
        let mut first = paragraph.first_token;
        let mut index = paragraph.first_token;
        while index < paragraph.end_token {
            // Words and numbers, most tokens, neither end a sentence nor close a quoted
            // one: a tight scan finds the next quote mark or punctuation.
            let Some(skipped) = tokens[index..paragraph.end_token]
                .iter()
                .position(|token| !matches!(token.kind, TokenKind::Word | TokenKind::Number))
            else {
                break;
            };
            index += skipped;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_class_table_agrees_with_the_unicode_properties() {
        for byte in 0u8..0x80 {
            assert_eq!(
                ASCII_CHARACTER_CLASSES[usize::from(byte)],
                CharacterClass::of(char::from(byte)),
                "byte {byte:#x}"
            );
        }
    }

    /// The tokeniser as first written: every character decoded and collected, then read
    /// one at a time. The byte-walking tokeniser must cut exactly the same tokens.
    fn tokens_read_character_by_character(text: &str) -> Vec<(usize, usize, TokenKind)> {
        let characters: Vec<(usize, char)> = text.char_indices().collect();
        let next_offset = |i: usize| characters.get(i).map_or(text.len(), |&(o, _)| o);
        let mut tokens = Vec::new();
        let mut index = 0;
        while index < characters.len() {
            let (offset, character) = characters[index];
            if character.is_whitespace() {
                index += 1;
                continue;
            }
            let joins_at = |end: usize, word: bool| {
                let (_, current) = characters[end];
                let following = characters.get(end + 1).map(|&(_, c)| c);
                if word {
                    current.is_alphanumeric()
                        || ((is_apostrophe(current) || current == '-' || current == '.')
                            && following.is_some_and(char::is_alphabetic))
                } else {
                    current.is_alphanumeric()
                        || (matches!(current, '.' | ',' | ':' | '-')
                            && following.is_some_and(|c| c.is_ascii_digit()))
                }
            };
            let word = character.is_alphabetic();
            if word || character.is_ascii_digit() {
                let mut end = index + 1;
                while end < characters.len() && joins_at(end, word) {
                    end += 1;
                }
                let period_follows = characters.get(end).is_some_and(|&(_, c)| c == '.');
                if word && period_follows && is_abbreviation(&text[offset..next_offset(end)]) {
                    end += 1;
                }
                let kind = if word {
                    TokenKind::Word
                } else {
                    TokenKind::Number
                };
                tokens.push((offset, next_offset(end), kind));
                index = end;
            } else {
                let kind = if is_quote_mark(character) {
                    TokenKind::QuoteMark
                } else {
                    TokenKind::Punctuation
                };
                tokens.push((offset, offset + character.len_utf8(), kind));
                index += 1;
            }
        }
        tokens
    }

    #[test]
    fn byte_walking_tokeniser_cuts_the_tokens_character_reading_does() {
        let paragraphs = [
            "Gov. Keller's co-chair said the U.S. plan, worth $1,250.75m, was \"dead.\"",
            "\u{201C}Wir schaffen das,\u{201D} sagte Ministerpr\u{e4}sidentin M\u{fc}ller-L\u{fc}denscheid am 3.10.",
            "caf\u{e9}\u{301} na\u{ef}ve \u{212A}elvin \u{130}stanbul \u{3a3}\u{39f}\u{3a6}\u{399}\u{391} 12:30-14:00 \u{663}\u{664}",
            "rock 'n' roll, o'clock\u{2019}s end; x.y.z. 4th 1-2-3 a-- --b 'quoted' \u{ab}Guillemets\u{bb}",
            "Mr. Dr. etc. Jan. Sept. prof. A. B. ca. \u{2014} Ltd. Inc. vs. No. 9 \u{1F600}emoji\u{1F600}",
        ];
        for paragraph in paragraphs {
            let mut tokens = Vec::new();
            assert_eq!(tokenize_line(paragraph, 0, 0, &mut tokens), paragraph.len());
            let cut: Vec<(usize, usize, TokenKind)> = tokens
                .iter()
                .map(|token| (token.span.start, token.span.end, token.kind))
                .collect();
            assert_eq!(
                cut,
                tokens_read_character_by_character(paragraph),
                "{paragraph}"
            );
        }
    }

    /// Lines found in the tokenising pass are the paragraphs of splitting at line breaks
    /// and trimming white space (Unicode's, as `str::trim` has it) first, blank lines
    /// skipped, and their tokens are those of each trimmed line alone.
    #[test]
    fn lines_found_while_tokenising_are_the_trimmed_lines() {
        // The texts, split at '|': empty, breaks alone, no break, blank lines, carriage
        // returns, leading and trailing white space of several kinds, joiners at a line's
        // end.
        let texts = "|\n|One line|Title\n\nFirst paragraph.\nSecond one.\n|  leading and trailing  \r\n\r\n\t\x0b\x0c \n\nlast without break|\u{a0}non-breaking\u{a0}\n\u{2028}separator\u{2029}\n\u{85}next line\u{85}\n\u{3000}|word-\nnext U.S.\n5.\n6 ''\n'' end-|\n\n\n  \n"
            .split('|');
        for text in texts {
            let mut expected_paragraphs = Vec::new();
            let mut expected_tokens = Vec::new();
            let mut line_start = 0;
            for line in text.split_inclusive('\n') {
                let content = line.trim_end_matches(['\n', '\r']);
                let leading = content.len() - content.trim_start().len();
                let trimmed = content.trim();
                if !trimmed.is_empty() {
                    let start = line_start + leading;
                    let mut line_tokens = Vec::new();
                    tokenize_line(trimmed, 0, expected_paragraphs.len(), &mut line_tokens);
                    let first_token = expected_tokens.len();
                    expected_tokens.extend(line_tokens.into_iter().map(|token| Token {
                        span: ByteSpan::new(token.span.start + start, token.span.end + start),
                        ..token
                    }));
                    expected_paragraphs.push(Paragraph {
                        span: ByteSpan::new(start, start + trimmed.len()),
                        first_token,
                        end_token: expected_tokens.len(),
                    });
                }
                line_start += line.len();
            }
            assert_eq!(
                tokenize(text),
                (expected_paragraphs, expected_tokens),
                "{text:?}"
            );
        }
    }

    #[test]
    fn eight_byte_test_agrees_with_the_byte_table_for_every_byte_in_every_lane() {
        for byte in 0..=255u8 {
            for lane in 0..8 {
                // The other lanes hold a letter, so only this lane can be turned away.
                let mut eight = [b'k'; 8];
                eight[lane] = byte;
                let mask = ascii_letters_and_digits_mask(u64::from_le_bytes(eight));
                let top_bit = mask >> (lane * 8 + 7) & 1 == 1;
                assert_eq!(
                    top_bit,
                    ASCII_LETTER_OR_DIGIT[usize::from(byte)],
                    "{byte:#x}"
                );
                assert_eq!(
                    end_of_ascii_letters_and_digits(&eight, 0),
                    if ASCII_LETTER_OR_DIGIT[usize::from(byte)] {
                        8
                    } else {
                        lane
                    }
                );
            }
        }
    }
}
