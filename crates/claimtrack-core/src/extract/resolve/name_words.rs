//! Splitting an entity's name into words and lower-casing them, which the resolver does
//! for every name it meets: `str::split_whitespace` and `str::to_lowercase` decode each
//! character and ask the Unicode tables, while nearly every name in news text is ASCII.

/// The words of `name` exactly as `name.split_whitespace()` gives them. An ASCII name is
/// split by looking at bytes; any other name is left to the standard splitter, since
/// several non-ASCII characters are white space too.
fn split_name_words(name: &str) -> NameWords<'_> {
    if name.is_ascii() {
        NameWords::Ascii { rest: name }
    } else {
        NameWords::Unicode(name.split_whitespace())
    }
}

enum NameWords<'name> {
    /// What is left of an ASCII name to split.
    Ascii {
        rest: &'name str,
    },
    Unicode(std::str::SplitWhitespace<'name>),
}

/// The ASCII characters that `char::is_whitespace` accepts: the space and the controls
/// from tab to carriage return, vertical tab included (`u8::is_ascii_whitespace` leaves
/// the vertical tab out, so it would split some names differently).
fn is_ascii_byte_white_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t'..=b'\r')
}

impl<'name> Iterator for NameWords<'name> {
    type Item = &'name str;

    fn next(&mut self) -> Option<&'name str> {
        match self {
            NameWords::Unicode(words) => words.next(),
            NameWords::Ascii { rest } => {
                let bytes = rest.as_bytes();
                let start = bytes
                    .iter()
                    .position(|&byte| !is_ascii_byte_white_space(byte))?;
                let end = bytes[start..]
                    .iter()
                    .position(|&byte| is_ascii_byte_white_space(byte))
                    .map_or(bytes.len(), |length| start + length);
                // Every byte of an ASCII string is a character boundary.
                let word = &rest[start..end];
                *rest = &rest[end..];
                Some(word)
            }
        }
    }
}

/// How many words `name` has and its last word (`""` for none), as `split_whitespace`
/// would give them, asked of every name the resolver meets: an ASCII name is read in one
/// pass over its bytes, with no word cut out but the last.
pub(super) fn word_count_and_last_word(name: &str) -> (usize, &str) {
    if !name.is_ascii() {
        return name
            .split_whitespace()
            .fold((0, ""), |(count, _), word| (count + 1, word));
    }
    let mut word_count = 0;
    let mut last_word = 0..0;
    let mut word_start = None;
    for (at, &byte) in name.as_bytes().iter().enumerate() {
        if is_ascii_byte_white_space(byte) {
            if let Some(start) = word_start.take() {
                word_count += 1;
                last_word = start..at;
            }
        } else if word_start.is_none() {
            word_start = Some(at);
        }
    }
    if let Some(start) = word_start {
        word_count += 1;
        last_word = start..name.len();
    }
    // Every byte of an ASCII string is a character boundary.
    (word_count, &name[last_word])
}

/// The lower-cased words of `name`, as `name.split_whitespace().map(str::to_lowercase)`
/// would give them, made for every new entity: an ASCII word is lower-cased byte by
/// byte, which gives the same letters. (The vector's first push allocates room for four
/// words, which nearly every name fits.)
pub(super) fn lower_cased_name_words(name: &str) -> Vec<String> {
    let mut lower_words = Vec::new();
    for word in split_name_words(name) {
        lower_words.push(if word.is_ascii() {
            word.to_ascii_lowercase()
        } else {
            word.to_lowercase()
        });
    }
    lower_words
}

/// A name word lower-cased as `str::to_lowercase` would, for the resolver's searches by
/// name, which need only its bytes (a key and comparisons with entities' name words).
/// An ASCII word of up to 32 bytes, which is nearly every name word, is lower-cased into
/// a buffer on the stack: no allocation, no thread-local string, and no UTF-8 check of
/// the result, as a `str` would need.
pub(super) enum LowerCasedWord {
    Short { bytes: [u8; 32], length: usize },
    Long(String),
}

impl LowerCasedWord {
    pub(super) fn of(word: &str) -> LowerCasedWord {
        if word.is_ascii() && word.len() <= 32 {
            let mut bytes = [0u8; 32];
            let lower = &mut bytes[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            LowerCasedWord::Short {
                bytes,
                length: word.len(),
            }
        } else {
            LowerCasedWord::Long(word.to_lowercase())
        }
    }

    pub(super) fn as_bytes(&self) -> &[u8] {
        match self {
            LowerCasedWord::Short { bytes, length } => &bytes[..*length],
            LowerCasedWord::Long(lower) => lower.as_bytes(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte splitter must agree with the standard one on every ASCII white space,
    /// the vertical tab included, and on names with non-ASCII spaces and letters.
    #[test]
    fn name_words_match_the_standard_splitter_and_lower_casing() {
        let names = [
            "",
            "   ",
            "Maria Keller",
            "  Finance  Minister\tMaria\nKeller ",
            "Harwick\x0BLowe",
            "Harwick\x0CLowe\r",
            "Émile\u{a0}Zola",
            "ÉMILE ZOLA",
            "Kelvin \u{212a}elvin",
            "O'Brien-Smith's",
        ];
        for name in names {
            let standard: Vec<&str> = name.split_whitespace().collect();
            let ours: Vec<&str> = split_name_words(name).collect();
            assert_eq!(ours, standard, "{name:?}");
            assert_eq!(
                word_count_and_last_word(name),
                (standard.len(), standard.last().copied().unwrap_or("")),
                "{name:?}"
            );
            let standard_lower: Vec<String> =
                name.split_whitespace().map(str::to_lowercase).collect();
            assert_eq!(lower_cased_name_words(name), standard_lower, "{name:?}");
        }
    }

    /// Short ASCII words, long ones and non-ASCII ones all give `to_lowercase`'s bytes.
    #[test]
    fn lower_cased_word_gives_the_bytes_of_to_lowercase() {
        let words = [
            "",
            "Keller",
            "O'BRIEN-SMITH",
            "Abcdefghijklmnopqrstuvwxyzabcdef",
            "Abcdefghijklmnopqrstuvwxyzabcdefg",
            "Émile",
            "\u{212a}elvin",
        ];
        for word in words {
            assert_eq!(
                LowerCasedWord::of(word).as_bytes(),
                word.to_lowercase().as_bytes(),
                "{word:?}"
            );
        }
    }
}
