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
    // One pass over the bytes tells the words apart and, from the union of their bits,
    // whether the name was ASCII at all; a word starts at every byte that is no white
    // space after one that is (or at the start).
    let bytes = name.as_bytes();
    let mut word_count = 0;
    let mut last_word = 0..0;
    let mut in_word = false;
    let mut high_bits = 0u8;
    for (at, &byte) in bytes.iter().enumerate() {
        high_bits |= byte;
        let white_space = is_ascii_byte_white_space(byte);
        if white_space == in_word {
            if in_word {
                last_word.end = at;
            } else {
                word_count += 1;
                last_word = at..bytes.len();
            }
            in_word = !white_space;
        }
    }
    if !high_bits.is_ascii() {
        return name
            .split_whitespace()
            .fold((0, ""), |(count, _), word| (count + 1, word));
    }
    // Every byte of an ASCII string is a character boundary.
    (word_count, &name[last_word])
}

/// For an ASCII name whose words are joined by single spaces, with no white space before
/// or after them: how many words it has and where its last word starts. `None` for any
/// other name.
fn single_spaced_ascii_words(name: &str) -> Option<(usize, usize)> {
    let bytes = name.as_bytes();
    if bytes.first().is_none_or(|&byte| byte == b' ') || bytes.last() == Some(&b' ') {
        return None;
    }
    let mut count = 1;
    let mut last_start = 0;
    let mut previous = 0u8;
    for (at, &byte) in bytes.iter().enumerate() {
        if !byte.is_ascii() || matches!(byte, b'\t'..=b'\r') || (byte == b' ' && previous == b' ') {
            return None;
        }
        if byte == b' ' {
            count += 1;
            last_start = at + 1;
        }
        previous = byte;
    }
    Some((count, last_start))
}

/// The lower-cased words of `name`, as `name.split_whitespace().map(str::to_lowercase)`
/// would give them, made for every new entity and kept as one string with the words
/// joined by single spaces: one allocation per name, where a vector of words cost one for
/// the list and one for each word (and as many frees). No lower-cased word holds a space,
/// so splitting the string at spaces gives the words back. An ASCII word is lower-cased
/// byte by byte, which gives the same letters.
#[derive(Debug, Clone, Default)]
pub(super) struct LowerCasedNameWords {
    joined: String,
    count: usize,
    /// Where the last word starts in `joined` (0 when there is none).
    last_start: usize,
}

impl LowerCasedNameWords {
    pub(super) fn of(name: &str) -> LowerCasedNameWords {
        if let Some((count, last_start)) = single_spaced_ascii_words(name) {
            // Nearly every name: already its words joined by single spaces, so it is
            // copied and lower-cased whole.
            let mut joined = name.to_string();
            joined.make_ascii_lowercase();
            return LowerCasedNameWords {
                joined,
                count,
                last_start,
            };
        }
        let mut joined = String::with_capacity(name.len());
        let mut count = 0;
        let mut last_start = 0;
        for word in split_name_words(name) {
            if count > 0 {
                joined.push(' ');
            }
            last_start = joined.len();
            if word.is_ascii() {
                joined.push_str(word);
                joined[last_start..].make_ascii_lowercase();
            } else {
                joined.push_str(&word.to_lowercase());
            }
            count += 1;
        }
        LowerCasedNameWords {
            joined,
            count,
            last_start,
        }
    }

    pub(super) fn len(&self) -> usize {
        self.count
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        // The words are short: a byte loop finds each space for less than `str::split`,
        // whose searcher calls `memchr`.
        let mut rest = self.joined.as_str();
        (0..self.count).map(move |_| {
            let end = rest
                .bytes()
                .position(|byte| byte == b' ')
                .unwrap_or(rest.len());
            // A space is one byte, so the byte after it starts a character.
            let word = &rest[..end];
            rest = rest.get(end + 1..).unwrap_or("");
            word
        })
    }

    pub(super) fn first(&self) -> Option<&str> {
        self.iter().next()
    }

    pub(super) fn last(&self) -> Option<&str> {
        (self.count > 0).then(|| &self.joined[self.last_start..])
    }

    pub(super) fn contains(&self, word: &str) -> bool {
        self.iter().any(|own| own == word)
    }

    pub(super) fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_string).collect()
    }
}

/// A word lower-cased as `str::to_lowercase` would, for the resolver's searches by name
/// (which need only its bytes: a key and comparisons with entities' name words) and for
/// the attribution rules' reading of words (`Document::word`). An ASCII word of up to 32
/// bytes, which is nearly every word, is lower-cased into a buffer on the stack: no
/// allocation, no thread-local string, and no UTF-8 check of the result, as a `str` would
/// need.
pub(crate) enum LowerCasedWord<'word> {
    /// The word itself, which is lower-case ASCII already.
    Unchanged(&'word str),
    Short {
        bytes: [u8; 32],
        length: usize,
    },
    Long(String),
}

impl<'word> LowerCasedWord<'word> {
    pub(crate) fn of(word: &str) -> LowerCasedWord<'word> {
        if word.len() <= 32 {
            // Copied and lower-cased in one pass that also tells whether the word is
            // ASCII: no call to `memcpy` for a few bytes, and no pass of its own for the
            // test.
            let mut bytes = [0u8; 32];
            let mut high_bits = 0u8;
            for (slot, &byte) in bytes.iter_mut().zip(word.as_bytes()) {
                high_bits |= byte;
                *slot = byte.to_ascii_lowercase();
            }
            if high_bits.is_ascii() {
                return LowerCasedWord::Short {
                    bytes,
                    length: word.len(),
                };
            }
        }
        LowerCasedWord::Long(word.to_lowercase())
    }

    /// [`LowerCasedWord::of`] for words most of which are lower-case ASCII already (the
    /// words of a sentence): those are borrowed as they are, without a copy.
    pub(crate) fn of_mostly_lower_case(word: &'word str) -> LowerCasedWord<'word> {
        if word
            .bytes()
            .all(|byte| byte.is_ascii() && !byte.is_ascii_uppercase())
        {
            LowerCasedWord::Unchanged(word)
        } else {
            LowerCasedWord::of(word)
        }
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        match self {
            LowerCasedWord::Unchanged(word) => word.as_bytes(),
            LowerCasedWord::Short { bytes, length } => &bytes[..*length],
            LowerCasedWord::Long(lower) => lower.as_bytes(),
        }
    }
}

impl std::ops::Deref for LowerCasedWord<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            LowerCasedWord::Unchanged(word) => word,
            // SAFETY: `of` keeps a short copy only when every byte of the word was ASCII,
            // and lower-casing an ASCII byte gives an ASCII byte: the bytes are UTF-8.
            LowerCasedWord::Short { bytes, length } => unsafe {
                std::str::from_utf8_unchecked(&bytes[..*length])
            },
            LowerCasedWord::Long(lower) => lower,
        }
    }
}

impl Default for LowerCasedWord<'_> {
    fn default() -> Self {
        LowerCasedWord::Unchanged("")
    }
}

impl PartialEq<str> for LowerCasedWord<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialEq<&str> for LowerCasedWord<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_bytes() == other.as_bytes()
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
            "MARIA KELLER ",
            " Maria Keller",
            "Maria  Keller",
            "Keller",
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
            let ours_lower = LowerCasedNameWords::of(name);
            assert_eq!(ours_lower.to_vec(), standard_lower, "{name:?}");
            assert_eq!(ours_lower.len(), standard_lower.len(), "{name:?}");
            assert_eq!(
                ours_lower.first(),
                standard_lower.first().map(String::as_str),
                "{name:?}"
            );
            assert_eq!(
                ours_lower.last(),
                standard_lower.last().map(String::as_str),
                "{name:?}"
            );
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
            assert_eq!(
                &*LowerCasedWord::of_mostly_lower_case(word),
                word.to_lowercase(),
                "{word:?}"
            );
        }
    }
}
