//! Features for the learned stage (`tagger`): hashed, hand-built descriptions of tokens,
//! of cue candidates and of every token's relation to a cue, computed the same way when
//! the tagger is trained and when it runs. Everything here is a pure function of the
//! earlier stages' output, so the learned stage stays as deterministic as the rules.
//!
//! A feature is a 64-bit hash of a template number and its values (a word, a shape, a
//! distance bucket); the model maps it to a row of weights by its top bits. Hashing keeps
//! the model a fixed-size table with no word list to ship, at the price of rare
//! collisions the perceptron learns around.

use super::attribute::{ClaimDraft, Document, SpeakerSource};
use super::lexicon::load_up_to_eight;
use super::segment::TokenKind;
use crate::model::{ByteSpan, ClaimKind};

/// The role tagger's labels for the tokens around one cue.
pub(crate) const LABEL_COUNT: usize = 3;
pub(crate) const OUTSIDE: usize = 0;
pub(crate) const SOURCE: usize = 1;
pub(crate) const CONTENT: usize = 2;

/// The bucket of a word's cue rate (how often the word was the head of a cue in training,
/// over how often it occurred): 0 below 2%, then rising to 7 for words that are cues more
/// than 70% of the time ("said").
pub(crate) fn prior_bucket(cue_rate: f64) -> u8 {
    match cue_rate {
        rate if rate < 0.02 => 0,
        rate if rate < 0.05 => 1,
        rate if rate < 0.1 => 2,
        rate if rate < 0.2 => 3,
        rate if rate < 0.35 => 4,
        rate if rate < 0.5 => 5,
        rate if rate < 0.7 => 6,
        _ => 7,
    }
}

const SEED: u64 = 0x243F_6A88_85A3_08D3;
const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// Folds one value into a running hash. Not cryptographic; it only has to spread
/// template-value combinations evenly and be the same on every machine.
pub(crate) fn mix(hash: u64, value: u64) -> u64 {
    (hash.rotate_left(23) ^ value).wrapping_mul(MULTIPLIER)
}

/// The final avalanche before a hash picks a bucket, so that nearby inputs land far apart.
pub(crate) fn finish(hash: u64) -> u64 {
    let mut value = hash ^ (hash >> 31);
    value = value.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    value ^= value >> 27;
    value = value.wrapping_mul(0x94D0_49BB_1331_11EB);
    value ^ (value >> 31)
}

fn feature(template: u64, first: u64, second: u64) -> u64 {
    mix(mix(mix(SEED, template), first), second)
}

/// The one key of every number (the bytes of "NUMBER").
const NUMBER_KEY: u64 = 0x4E55_4D42_4552;

/// The hash of a word as the model knows it: lower-cased, with typographic apostrophes
/// folded into straight ones ("Don’t" and "don't" are one word), numbers as one symbol.
/// Bytes are folded in eight at a time; every word of every article passes through here.
pub(crate) fn word_key(word: &str, kind: TokenKind) -> u64 {
    if kind == TokenKind::Number {
        return NUMBER_KEY;
    }
    if word.is_ascii() {
        return ascii_word_key(word.as_bytes());
    }
    let mut hash = SEED;
    let (mut pending, mut filled, mut length) = (0u64, 0u32, 0u64);
    let mut buffer = [0u8; 4];
    for character in word.chars().flat_map(char::to_lowercase) {
        let character = if character == '\u{2019}' {
            '\''
        } else {
            character
        };
        for &byte in character.encode_utf8(&mut buffer).as_bytes() {
            pending |= u64::from(byte) << (8 * filled);
            filled += 1;
            length += 1;
            if filled == 8 {
                hash = mix(hash, pending);
                (pending, filled) = (0, 0);
            }
        }
    }
    hash = mix(hash, pending ^ length << 56);
    // Zero marks an empty slot in the vocabulary table, so no word may hash to it.
    hash.max(1)
}

/// [`word_key`] of a word of ASCII bytes (not a number): the same hash the general
/// path computes for them, without checking them for UTF-8 again (`stem_key` builds
/// its stems as bytes).
fn ascii_word_key(bytes: &[u8]) -> u64 {
    let mut hash = SEED;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        hash = mix(hash, ascii_lowercase_eight(u64::from_le_bytes(eight)));
    }
    // The last one to seven bytes, read little-endian as a zero-padded chunk would be,
    // folded in from the end: a copy of a variable length into a buffer was a call to
    // `memcpy` for every word.
    let rest = chunks
        .remainder()
        .iter()
        .rev()
        .fold(0u64, |packed, &byte| packed << 8 | u64::from(byte));
    let tail = ascii_lowercase_eight(rest);
    hash = mix(hash, tail ^ (bytes.len() as u64) << 56);
    hash.max(1)
}

/// [`word_key`] of the token at `span` of `text`, read from the article's bytes eight
/// at a time: the word's last one to seven bytes are one unaligned load from the text
/// (the bytes after the word masked off) instead of a loop over them, and whether the
/// word is ASCII is one test of the loaded bits. A non-ASCII word, or one within eight
/// bytes of the text's end, takes [`word_key`] itself. Every token of every sentence the
/// tagger reads passes through here: a word of fewer than eight bytes, most of them, is
/// hashed inline, the rest in [`long_token_word_key`].
#[inline(always)]
pub(crate) fn token_word_key(text: &str, span: ByteSpan, kind: TokenKind) -> u64 {
    let length = span.end - span.start;
    if length < 8 && kind != TokenKind::Number {
        if let Some(padded) = text.as_bytes().get(span.start..span.start + 8) {
            let word = eight_bytes(padded) & ((1u64 << (8 * length)) - 1);
            if word & HIGH_BITS == 0 {
                return mix(SEED, ascii_lowercase_eight(word) ^ (length as u64) << 56).max(1);
            }
        }
    }
    long_token_word_key(text, span, kind)
}

/// The bit above the ASCII range in each of eight bytes.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// [`token_word_key`] of a number, a word of eight bytes or more, a non-ASCII word or one
/// near the text's end.
#[inline(never)]
fn long_token_word_key(text: &str, span: ByteSpan, kind: TokenKind) -> u64 {
    if kind == TokenKind::Number {
        return NUMBER_KEY;
    }
    let bytes = text.as_bytes();
    let length = span.end - span.start;
    let whole_chunks_end = span.start + length / 8 * 8;
    let Some(padded) = bytes.get(whole_chunks_end..whole_chunks_end + 8) else {
        return word_key(span.slice(text), kind);
    };
    let rest_length = length % 8;
    let rest = eight_bytes(padded) & ((1u64 << (8 * rest_length)) - 1);
    let mut hash = SEED;
    for chunk in bytes[span.start..whole_chunks_end].chunks_exact(8) {
        let chunk = eight_bytes(chunk);
        if chunk & HIGH_BITS != 0 {
            return word_key(span.slice(text), kind);
        }
        hash = mix(hash, ascii_lowercase_eight(chunk));
    }
    if rest & HIGH_BITS != 0 {
        return word_key(span.slice(text), kind);
    }
    mix(hash, ascii_lowercase_eight(rest) ^ (length as u64) << 56).max(1)
}

/// Eight bytes read little-endian, as `ascii_word_key` packs them.
fn eight_bytes(chunk: &[u8]) -> u64 {
    let mut eight = [0u8; 8];
    eight.copy_from_slice(&chunk[..8]);
    u64::from_le_bytes(eight)
}

/// Lower-cases the ASCII capitals among eight ASCII bytes at once.
fn ascii_lowercase_eight(bytes: u64) -> u64 {
    let above_z = bytes + 0x2525_2525_2525_2525;
    let from_a = bytes + 0x3F3F_3F3F_3F3F_3F3F;
    let capitals = from_a & !above_z & HIGH_BITS;
    bytes | capitals >> 2
}

/// The hash of a word's crude stem: lower-cased, without "-ing", "-ed", "-es", "-s" or a
/// final "e", so that "believes", "believed" and "believing" share what the model learns
/// about "believe".
pub(crate) fn stem_key(word: &str, kind: TokenKind) -> u64 {
    let bytes = word.as_bytes();
    if kind == TokenKind::Word && bytes.len() <= 16 {
        // Every candidate cue's stem is asked for, so a word of up to sixteen bytes (nearly
        // all of them) is read as two integers: lower-cased eight bytes at a time, its
        // suffix compared as one integer, and hashed from them as `ascii_word_key` hashes
        // bytes. A copy lower-cased byte by byte and compared slice by slice cost three
        // times as much.
        let (low, high) = bytes.split_at(bytes.len().min(8));
        let (low, high) = (load_up_to_eight(low), load_up_to_eight(high));
        if (low | high) & HIGH_BITS == 0 {
            return short_ascii_stem_key(
                u128::from(ascii_lowercase_eight(low))
                    | u128::from(ascii_lowercase_eight(high)) << 64,
                bytes.len(),
            );
        }
    }
    if kind != TokenKind::Word || !word.is_ascii() || word.len() > 24 {
        return word_key(word, kind) ^ STEM_MARK;
    }
    let mut buffer = [0u8; 24];
    let lower = &mut buffer[..word.len()];
    for (slot, byte) in lower.iter_mut().zip(word.bytes()) {
        *slot = byte.to_ascii_lowercase();
    }
    let mut stem: &[u8] = lower;
    for suffix in [&b"ing"[..], b"ed", b"es", b"s"] {
        if stem.len() > suffix.len() + 2 && stem.ends_with(suffix) {
            stem = &stem[..stem.len() - suffix.len()];
            break;
        }
    }
    if stem.len() > 3 && stem.ends_with(b"e") {
        stem = &stem[..stem.len() - 1];
    }
    // The stem is ASCII bytes of a word (checked above), so it is hashed as bytes.
    ascii_word_key(stem) ^ STEM_MARK
}

/// Set apart every stem hash from the word hash of the same letters.
const STEM_MARK: u64 = 0x5354_454D;

/// [`stem_key`] of a word of `length` (at most 16) lower-case ASCII bytes, packed
/// little-endian into `packed` (zero above the word): the same suffixes cut in the same
/// order, and the same hash `ascii_word_key` gives the stem's bytes.
#[inline(always)]
fn short_ascii_stem_key(packed: u128, length: usize) -> u64 {
    let last =
        |count: usize| (packed >> (8 * (length - count))) as u32 & ((1u32 << (8 * count)) - 1);
    let mut stem_length = length;
    if length > 5 && last(3) == u32::from_le_bytes([b'i', b'n', b'g', 0]) {
        stem_length -= 3;
    } else if length > 4
        && (last(2) == u32::from_le_bytes([b'e', b'd', 0, 0])
            || last(2) == u32::from_le_bytes([b'e', b's', 0, 0]))
    {
        stem_length -= 2;
    } else if length > 3 && last(1) == u32::from(b's') {
        stem_length -= 1;
    }
    if stem_length > 3 && (packed >> (8 * (stem_length - 1))) as u8 == b'e' {
        stem_length -= 1;
    }
    let stem = if stem_length >= 16 {
        packed
    } else {
        packed & ((1u128 << (8 * stem_length)) - 1)
    };
    let (low, high) = (stem as u64, (stem >> 64) as u64);
    let tail = (stem_length as u64) << 56;
    let hash = match stem_length {
        0..=7 => mix(SEED, low ^ tail),
        8..=15 => mix(mix(SEED, low), high ^ tail),
        _ => mix(mix(mix(SEED, low), high), tail),
    };
    hash.max(1) ^ STEM_MARK
}

/// A token's coarse shape, the part of its spelling that generalises across words.
mod shape {
    pub const LOWER: u8 = 0;
    pub const CAPITALISED: u8 = 1;
    pub const ALL_CAPITALS: u8 = 2;
    pub const NUMBER: u8 = 3;
    pub const QUOTE_OPENS: u8 = 4;
    pub const QUOTE_CLOSES: u8 = 5;
    pub const OTHER_QUOTE_MARK: u8 = 6;
    pub const COMMA: u8 = 7;
    pub const SENTENCE_END: u8 = 8;
    pub const COLON: u8 = 9;
    pub const SEMICOLON: u8 = 10;
    pub const DASH: u8 = 11;
    pub const BRACKET: u8 = 12;
    pub const OTHER_PUNCTUATION: u8 = 13;
    /// Before the first or after the last token of the window.
    pub const EDGE: u8 = 14;
}

/// Templates: each feature family has its own number so equal values in different
/// families never share a weight.
mod template {
    pub const CUE_WORD: u64 = 1;
    pub const CUE_STEM: u64 = 2;
    pub const CUE_CONTEXT: u64 = 3;
    pub const CUE_PREVIOUS_BIGRAM: u64 = 4;
    pub const CUE_NEXT_BIGRAM: u64 = 5;
    pub const CUE_PREVIOUS_WORD: u64 = 6;
    pub const CUE_NEXT_WORD: u64 = 7;
    pub const CUE_SECOND_PREVIOUS_WORD: u64 = 8;
    pub const CUE_SECOND_NEXT_WORD: u64 = 9;
    pub const CUE_SHAPES: u64 = 10;
    pub const CUE_STEM_SHAPES: u64 = 11;
    pub const CUE_STEM_PREVIOUS: u64 = 12;
    pub const CUE_STEM_NEXT: u64 = 13;

    pub const ROLE_WORD: u64 = 101;
    pub const ROLE_BIGRAM: u64 = 102;
    pub const ROLE_NEXT_WORD: u64 = 103;
    pub const ROLE_SHAPES: u64 = 104;
    pub const ROLE_BETWEEN: u64 = 111;
    pub const ROLE_RULES: u64 = 112;
    pub const ROLE_DISTANCE_CUE_STEM: u64 = 113;
    pub const ROLE_AFTER_CUE_WORD: u64 = 115;
    pub const ROLE_TO_END: u64 = 116;
}

/// Which side of the cue a token stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Before,
    After,
}

impl Side {
    fn key(self) -> u64 {
        match self {
            Side::Before => 1,
            Side::After => 2,
        }
    }
}

/// A cue as the tagger sees it: the token range of the reporting word (or phrase) and
/// the token range of the window whose tokens get roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CueSite {
    pub first_token: usize,
    pub end_token: usize,
    pub window_first: usize,
    pub window_end: usize,
    /// The stem hash of the cue's first word.
    pub stem: u64,
}

/// The set of words that may head a cue, each with its prior bucket, as an open-address
/// table keyed by word hash (zero marks an empty slot).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct CueVocabulary {
    keys: Vec<u64>,
    buckets: Vec<u8>,
}

impl CueVocabulary {
    pub fn new(entries: &[(u64, u8)]) -> CueVocabulary {
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut vocabulary = CueVocabulary {
            keys: vec![0; size],
            buckets: vec![0; size],
        };
        for &(key, bucket) in entries {
            let mask = size - 1;
            let mut slot = vocabulary_slot(key) & mask;
            while vocabulary.keys[slot] != 0 && vocabulary.keys[slot] != key {
                slot = (slot + 1) & mask;
            }
            vocabulary.keys[slot] = key;
            vocabulary.buckets[slot] = bucket;
        }
        vocabulary
    }

    /// The prior bucket of a word, or `None` if it never heads a cue.
    pub fn bucket(&self, key: u64) -> Option<u8> {
        let mask = self.keys.len().checked_sub(1)?;
        let mut slot = vocabulary_slot(key) & mask;
        loop {
            match self.keys[slot] {
                0 => return None,
                found if found == key => return Some(self.buckets[slot]),
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// Every entry, in key order, for writing the model file.
    pub fn entries(&self) -> Vec<(u64, u8)> {
        let mut entries: Vec<(u64, u8)> = self
            .keys
            .iter()
            .zip(&self.buckets)
            .filter(|(key, _)| **key != 0)
            .map(|(key, bucket)| (*key, *bucket))
            .collect();
        entries.sort_unstable();
        entries
    }
}

/// Where a word hash starts its probe in a [`CueVocabulary`] (before the mask): bits of
/// the hash multiplied once. A word hash is already the output of a multiplying mix, so
/// one more multiplication spreads it as well as the full avalanche of [`finish`], at a
/// third of the instructions; the vocabulary is probed for nearly every token of every
/// sentence the tagger reads. The slot is the table's own business, not the model's: it
/// is computed the same way when the table is built from the model's entries.
#[inline(always)]
fn vocabulary_slot(key: u64) -> usize {
    (key.wrapping_mul(MULTIPLIER) >> 32) as usize
}

/// What the rule stages said about one token.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct RuleMarks {
    /// 1 + index of the rule draft whose content holds the token, or 0.
    content_of: u32,
    /// 1 + index of the rule draft whose speaker mention holds the token, or 0.
    mention_of: u32,
    /// 1 + index of the rule draft whose cue starts at this token, or 0.
    cue_of: u32,
    /// The rules found a reporting verb here (whether or not a claim hangs from it).
    rule_cue: bool,
}

/// Running counts before a token, for "is there a comma between" questions: commas,
/// "that", quote marks, and strong cue candidates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct CountsBefore {
    commas: u32,
    that: u32,
    quote_marks: u32,
    candidates: u32,
}

/// Everything the features need about one article, computed once: word hashes, shapes,
/// running counts, the rules' marks, and which tokens are cue candidates.
pub(crate) struct ArticleView<'d, 'a> {
    pub document: &'d Document<'a>,
    pub words: Vec<u64>,
    shapes: Vec<u8>,
    /// `counts[i]`: the counts over tokens `0..i` (one entry more than tokens).
    counts: Vec<CountsBefore>,
    /// Prior bucket + 1 of every token that is a cue candidate; 0 for the others.
    pub prior: Vec<u8>,
    marks: Vec<RuleMarks>,
    rule_drafts: &'d [ClaimDraft],
    /// The hash of "that", computed once per article rather than once per candidate.
    that_key: u64,
}

/// The word hash of every token (see [`word_key`]).
pub(crate) fn word_keys(document: &Document<'_>) -> Vec<u64> {
    document
        .tokens
        .iter()
        .map(|token| token_word_key(document.text, token.span, token.kind))
        .collect()
}

impl<'d, 'a> ArticleView<'d, 'a> {
    /// Builds the view of the sentences marked `active` (all others are left blank: the
    /// tagger never looks at them). `words` holds the tokens' word hashes where known and
    /// 0 elsewhere; the active sentences' missing ones are filled in.
    pub fn new(
        document: &'d Document<'a>,
        rule_drafts: &'d [ClaimDraft],
        vocabulary: &CueVocabulary,
        mut words: Vec<u64>,
        active: &[bool],
    ) -> ArticleView<'d, 'a> {
        let text = document.text;
        let tokens = document.tokens;
        let count = tokens.len();
        let mut marks = vec![RuleMarks::default(); count];
        for cue in document.cues {
            marks[cue.first_token].rule_cue = true;
        }
        let that_key = word_key("that", TokenKind::Word);
        let mut shapes = vec![shape::EDGE; count];
        let mut prior = vec![0u8; count];
        let mut counts = vec![CountsBefore::default(); count + 1];
        let mut running = CountsBefore::default();
        let mut next_token = 0;
        for (sentence, _) in document
            .sentences
            .iter()
            .zip(active)
            .filter(|(_, active)| **active)
        {
            counts[next_token..sentence.first_token].fill(running);
            for index in sentence.first_token..sentence.end_token {
                let token = tokens[index];
                if words[index] == 0 {
                    words[index] = token_word_key(text, token.span, token.kind);
                }
                let key = words[index];
                let shape = shape_of(text, token.span, token.kind);
                shapes[index] = shape;
                counts[index] = running;
                match token.kind {
                    TokenKind::Punctuation if shape == shape::COMMA => running.commas += 1,
                    TokenKind::QuoteMark => running.quote_marks += 1,
                    TokenKind::Word if key == that_key => running.that += 1,
                    _ => {}
                }
                if token.kind != TokenKind::Number && !document.inside_quotation[index] {
                    if let Some(bucket) = vocabulary.bucket(key) {
                        // Bucket 0 words are still candidates; the stored value is bucket + 1.
                        prior[index] = bucket + 1;
                        running.candidates += u32::from(bucket >= 3);
                    } else if marks[index].rule_cue {
                        prior[index] = 1;
                    }
                }
            }
            next_token = sentence.end_token;
        }
        counts[next_token..].fill(running);
        for quotation in document.quotations {
            shapes[quotation.open_token] = shape::QUOTE_OPENS;
            if let Some(close) = quotation.close_token {
                shapes[close] = shape::QUOTE_CLOSES;
            }
        }
        for (index, draft) in rule_drafts.iter().enumerate() {
            let id = index as u32 + 1;
            if let Some(cue) = draft.cue {
                marks[cue.first_token].cue_of = id;
            }
            for part in &draft.parts {
                let first = tokens.partition_point(|token| token.span.start < part.start);
                for (token, mark) in tokens[first..].iter().zip(&mut marks[first..]) {
                    if token.span.start >= part.end {
                        break;
                    }
                    if part.contains(token.span) {
                        mark.content_of = id;
                    }
                }
            }
            if let SpeakerSource::Mention(mention) = &draft.speaker {
                for mark in &mut marks[mention.first_token..mention.end_token.min(count)] {
                    mark.mention_of = id;
                }
            }
        }
        ArticleView {
            document,
            words,
            shapes,
            counts,
            prior,
            marks,
            rule_drafts,
            that_key,
        }
    }

    #[cfg(test)]
    pub fn token_count(&self) -> usize {
        self.words.len()
    }

    /// Is `token` a word that seldom heads a cue (less than one time in ten in the
    /// training news) and that the rules do not know as a reporting verb?
    pub fn is_rare_cue_word(&self, token: usize) -> bool {
        (1..=3).contains(&self.prior[token]) && !self.marks[token].rule_cue
    }

    /// 1 + index of the rule draft hanging from a cue at `token`, or 0.
    pub fn rule_draft_at(&self, token: usize) -> u32 {
        self.marks[token].cue_of
    }

    /// The word hash at `index`, or 0 outside the sentence `first..end`.
    fn word_at(&self, index: isize, first: usize, end: usize) -> u64 {
        match usize::try_from(index) {
            Ok(index) if index >= first && index < end => self.words[index],
            _ => 0,
        }
    }

    fn shape_at(&self, index: isize, first: usize, end: usize) -> u8 {
        match usize::try_from(index) {
            Ok(index) if index >= first && index < end => self.shapes[index],
            _ => shape::EDGE,
        }
    }

    /// The cue classifier's features for the candidate at `token`.
    pub fn cue_features(&self, token: usize, out: &mut Vec<u64>) {
        use template::*;
        out.clear();
        let document = self.document;
        let sentence_index = document.sentence_of_token[token];
        let sentence = document.sentences[sentence_index];
        let (first, end) = (sentence.first_token, sentence.end_token);
        let at = token as isize;
        let word = self.words[token];
        let previous = self.word_at(at - 1, first, end);
        let next = self.word_at(at + 1, first, end);
        let previous_shape = u64::from(self.shape_at(at - 1, first, end));
        let next_shape = u64::from(self.shape_at(at + 1, first, end));
        let bucket = u64::from(self.prior[token]);
        let marks = self.marks[token];
        let rules = match marks.cue_of {
            0 if marks.rule_cue => 1,
            0 => 0,
            id => 2 + kind_key(self.rule_drafts[id as usize - 1].kind),
        };
        let from_start = position_bucket(token - first);
        let to_end = position_bucket(end - token - 1);
        let stem = stem_key(
            document.tokens[token].text(document.text),
            document.tokens[token].kind,
        );
        let that_soon =
            (token + 1..(token + 5).min(end)).any(|index| self.words[index] == self.that_key);
        let quote_after = (token + 1..(token + 4).min(end)).any(|index| {
            matches!(
                self.shapes[index],
                shape::QUOTE_OPENS | shape::QUOTE_CLOSES | shape::OTHER_QUOTE_MARK
            )
        });
        let quoted_sentence = self.counts[sentence.end_token].quote_marks
            > self.counts[sentence.first_token].quote_marks;
        let headline = document.tokens[token].paragraph == 0;
        let flags = u64::from(quote_after)
            | u64::from(that_soon) << 1
            | u64::from(quoted_sentence) << 2
            | u64::from(headline) << 3;
        let shapes = previous_shape << 8 | next_shape;
        out.extend([
            feature(CUE_WORD, word, rules),
            feature(CUE_STEM, stem, 0),
            feature(CUE_CONTEXT, bucket << 8 | rules, from_start << 8 | to_end),
            feature(CUE_PREVIOUS_BIGRAM, previous, word),
            feature(CUE_NEXT_BIGRAM, word, next),
            feature(CUE_PREVIOUS_WORD, previous, 0),
            feature(CUE_NEXT_WORD, next, 0),
            feature(
                CUE_SECOND_PREVIOUS_WORD,
                self.word_at(at - 2, first, end),
                0,
            ),
            feature(CUE_SECOND_NEXT_WORD, self.word_at(at + 2, first, end), 0),
            feature(CUE_SHAPES, shapes, flags),
            feature(CUE_STEM_SHAPES, stem, shapes << 8 | flags),
            feature(CUE_STEM_PREVIOUS, stem, previous),
            feature(CUE_STEM_NEXT, stem, next),
        ]);
    }

    /// The features of `token` that do not depend on where the cue is, only on which side
    /// of it the token stands: the tagger computes them once per token and side. They
    /// look no further than the token's own sentence.
    pub fn role_token_features(&self, token: usize, side: Side, out: &mut Vec<u64>) {
        out.clear();
        let sentence = self.document.sentences[self.document.sentence_of_token[token]];
        out.extend(self.role_token_feature_array(
            token,
            side,
            sentence.first_token,
            sentence.end_token,
        ));
    }

    /// `role_token_features` for a token of the sentence `first..end`, as an array: a
    /// window's tokens all lie in its sentence, so inference passes the window's bounds
    /// and fills no vector. Always inlined into `window_scores`, which asks for it for
    /// every token of every window: as a call it returned its four hashes through memory.
    #[inline(always)]
    pub fn role_token_feature_array(
        &self,
        token: usize,
        side: Side,
        first: usize,
        end: usize,
    ) -> [u64; 4] {
        use template::*;
        debug_assert!(
            first <= token && token < end,
            "token {token} outside {first}..{end}"
        );
        let side_key = side.key();
        // The token lies in `first..end`, so its neighbours are inside exactly when it is
        // not at that edge (what `word_at` and `shape_at` ask, with no signed index).
        let (at_first, at_last) = (token == first, token + 1 == end);
        let (previous_word, previous_shape) = if at_first {
            (0, shape::EDGE)
        } else {
            (self.words[token - 1], self.shapes[token - 1])
        };
        let (next_word, next_shape) = if at_last {
            (0, shape::EDGE)
        } else {
            (self.words[token + 1], self.shapes[token + 1])
        };
        let edge = u64::from(at_first) + 2 * u64::from(at_last);
        let shapes = u64::from(previous_shape) << 24
            | u64::from(self.shapes[token]) << 16
            | u64::from(next_shape) << 8
            | u64::from(self.document.inside_quotation[token]) << 4
            | edge;
        let word = self.words[token];
        [
            feature(ROLE_WORD, side_key, word),
            feature(ROLE_BIGRAM, side_key ^ previous_word, word),
            feature(ROLE_NEXT_WORD, side_key, next_word),
            feature(ROLE_SHAPES, side_key, shapes),
        ]
    }

    /// The features of `token` relative to the cue at `site`: distance, what stands
    /// between them, and what the rules said about the pair. Small values are packed into
    /// few features, because every feature costs a table lookup per token and cue.
    pub fn role_pair_features(&self, token: usize, site: &CueSite, out: &mut Vec<u64>) {
        out.clear();
        let keys = self.role_pair_keys(token, site);
        let [distance_stem, after_cue_word] =
            role_distance_features(keys.side, keys.distance, site.stem, keys.after_cue_word);
        out.extend([
            role_between_feature(keys.side, keys.between),
            role_rules_feature(keys.side, keys.rules),
            distance_stem,
            after_cue_word,
            role_to_end_feature(keys.side, keys.to_end, keys.shape),
        ]);
    }

    /// The small values the pair features of `role_pair_features` hash, so that inference
    /// can look their weights up in tables built once (see `PairTables` in the tagger)
    /// instead of hashing five features for every token of every window.
    #[inline]
    pub fn role_pair_keys(&self, token: usize, site: &CueSite) -> RolePairKeys {
        self.role_pair_keys_with(token, site, self.cue_constants(site))
    }

    /// What `role_pair_keys` reads of the cue alone, the same for every token of its
    /// window: inference reads it once per window.
    #[inline]
    pub fn cue_constants(&self, site: &CueSite) -> CueConstants {
        CueConstants {
            cue_id: self.marks[site.first_token].cue_of,
            cue_colon: u64::from(self.shapes.get(site.end_token) == Some(&shape::COLON)),
            after_cue_word: if site.end_token < site.window_end {
                self.words[site.end_token]
            } else {
                0
            },
        }
    }

    /// `role_pair_keys` with the cue's part read before (`cue_constants`).
    #[inline(always)]
    pub fn role_pair_keys_with(
        &self,
        token: usize,
        site: &CueSite,
        cue: CueConstants,
    ) -> RolePairKeys {
        let side = if token < site.first_token {
            Side::Before
        } else {
            Side::After
        };
        let (between_first, between_end, distance) = match side {
            Side::Before => (token + 1, site.first_token, site.first_token - token),
            Side::After => (site.end_token, token, token + 1 - site.end_token),
        };
        let (before, after) = (
            self.counts[between_first],
            self.counts[between_end.max(between_first)],
        );
        let commas = u64::from((after.commas - before.commas).min(3));
        let that_between = u64::from(after.that > before.that);
        let quote_between = u64::from((after.quote_marks - before.quote_marks).min(2));
        let cue_between = u64::from(after.candidates > before.candidates);
        let distance = distance_bucket(distance);
        let coarse_distance = match distance {
            0..=3 => 0,
            4..=7 => 1,
            _ => 2,
        };
        let cue_id = cue.cue_id;
        let marks = self.marks[token];
        let rules = u64::from(cue_id != 0 && marks.content_of == cue_id)
            | u64::from(cue_id != 0 && marks.mention_of == cue_id) << 1
            | u64::from(marks.content_of != 0 && marks.content_of != cue_id) << 2
            | u64::from(cue_id != 0) << 3;
        let to_end = (site.window_end - token - 1).min(3) as u64;
        let shape_here = u64::from(self.shapes[token]);
        RolePairKeys {
            side,
            between: commas << 12
                | that_between << 8
                | quote_between << 6
                | cue_between << 4
                | coarse_distance,
            rules,
            distance,
            to_end: to_end << 12 | cue.cue_colon << 8 | u64::from(commas > 0),
            shape: shape_here,
            after_cue_word: cue.after_cue_word,
        }
    }
}

/// The cue's part of every pair key of its window (see `cue_constants`): 1 + the index of
/// the rule draft hanging from the cue (or 0), whether a colon follows the cue, and the
/// word hash after it (0 at the window's end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CueConstants {
    cue_id: u32,
    cue_colon: u64,
    after_cue_word: u64,
}

/// The inputs of one token's pair features (see `role_pair_keys`). `between` packs the
/// commas (0-3, bits 12-13), a "that" (bit 8), quote marks (0-2, bits 6-7), another
/// candidate (bit 4) and the coarse distance (0-2); `rules` is four bits; `distance` a
/// bucket of 0-10; `to_end` packs the tokens to the sentence end (0-3, bits 12-13), a
/// colon after the cue (bit 8) and any comma between (bit 0); `shape` is the token's
/// shape (0-14).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RolePairKeys {
    pub side: Side,
    pub between: u64,
    pub rules: u64,
    pub distance: u64,
    pub to_end: u64,
    pub shape: u64,
    pub after_cue_word: u64,
}

/// The pair feature of what lies between a token and its cue.
pub(crate) fn role_between_feature(side: Side, between: u64) -> u64 {
    feature(template::ROLE_BETWEEN, side.key(), between)
}

/// The pair feature of the rules' marks on a token.
pub(crate) fn role_rules_feature(side: Side, rules: u64) -> u64 {
    feature(template::ROLE_RULES, side.key(), rules)
}

/// The two pair features of a token's distance from its cue: with the cue's stem and
/// with the word after the cue.
pub(crate) fn role_distance_features(
    side: Side,
    distance: u64,
    stem: u64,
    after_cue_word: u64,
) -> [u64; 2] {
    let side_key = side.key();
    [
        feature(
            template::ROLE_DISTANCE_CUE_STEM,
            side_key << 8 | distance,
            stem,
        ),
        feature(
            template::ROLE_AFTER_CUE_WORD,
            side_key << 8 | distance,
            after_cue_word,
        ),
    ]
}

/// The pair feature of a token's place before the sentence end and its shape; `to_end`
/// as packed by `role_pair_keys`.
pub(crate) fn role_to_end_feature(side: Side, to_end: u64, shape: u64) -> u64 {
    feature(template::ROLE_TO_END, side.key() << 16 | to_end, shape)
}

fn kind_key(kind: ClaimKind) -> u64 {
    match kind {
        ClaimKind::Direct => 0,
        ClaimKind::Mixed => 1,
        ClaimKind::Indirect => 2,
    }
}

/// The shape of the token at `span` of `text`; quote marks that open or close a
/// quotation are marked by the caller, which knows the quotations. An ASCII word is read
/// from its bytes; only a word opening with another letter is decoded.
fn shape_of(text: &str, span: ByteSpan, kind: TokenKind) -> u8 {
    let bytes = &text.as_bytes()[span.range()];
    match kind {
        TokenKind::Word => {
            let first_upper = match bytes.first() {
                Some(byte) if byte.is_ascii() => byte.is_ascii_uppercase(),
                _ => span
                    .slice(text)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase),
            };
            let all_capitals = || {
                if bytes.is_ascii() {
                    !bytes.iter().any(u8::is_ascii_lowercase)
                } else {
                    span.slice(text)
                        .chars()
                        .all(|c| !c.is_alphabetic() || c.is_uppercase())
                }
            };
            if !first_upper {
                shape::LOWER
            } else if bytes.len() > 1 && all_capitals() {
                shape::ALL_CAPITALS
            } else {
                shape::CAPITALISED
            }
        }
        TokenKind::Number => shape::NUMBER,
        TokenKind::QuoteMark => shape::OTHER_QUOTE_MARK,
        TokenKind::Punctuation => match bytes {
            b"," => shape::COMMA,
            b"." | b"!" | b"?" => shape::SENTENCE_END,
            b":" => shape::COLON,
            b";" => shape::SEMICOLON,
            b"-" => shape::DASH,
            _ if matches!(span.slice(text), "\u{2014}" | "\u{2013}" | "\u{2015}") => shape::DASH,
            b"(" | b")" | b"[" | b"]" => shape::BRACKET,
            _ => shape::OTHER_PUNCTUATION,
        },
    }
}

fn position_bucket(offset: usize) -> u64 {
    match offset {
        0..=3 => offset as u64,
        4..=6 => 4,
        7..=12 => 5,
        _ => 6,
    }
}

fn distance_bucket(distance: usize) -> u64 {
    match distance {
        0..=4 => distance as u64,
        5..=6 => 5,
        7..=9 => 6,
        10..=14 => 7,
        15..=20 => 8,
        21..=30 => 9,
        _ => 10,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_keys_fold_case_and_apostrophes_but_keep_words_apart() {
        assert_eq!(
            word_key("Said", TokenKind::Word),
            word_key("said", TokenKind::Word)
        );
        assert_eq!(
            word_key("Don\u{2019}t", TokenKind::Word),
            word_key("don't", TokenKind::Word)
        );
        assert_ne!(
            word_key("said", TokenKind::Word),
            word_key("says", TokenKind::Word)
        );
        assert_eq!(
            word_key("1,200", TokenKind::Number),
            word_key("7", TokenKind::Number)
        );
    }

    #[test]
    fn vocabulary_finds_what_it_holds_and_nothing_else() {
        let said = word_key("said", TokenKind::Word);
        let told = word_key("told", TokenKind::Word);
        let vocabulary = CueVocabulary::new(&[(said, 7), (told, 6)]);
        assert_eq!(vocabulary.bucket(said), Some(7));
        assert_eq!(vocabulary.bucket(told), Some(6));
        assert_eq!(vocabulary.bucket(word_key("table", TokenKind::Word)), None);
        let mut expected = vec![(said, 7), (told, 6)];
        expected.sort_unstable();
        assert_eq!(vocabulary.entries(), expected);
        assert_eq!(CueVocabulary::default().bucket(said), None);
    }

    #[test]
    fn stems_join_the_forms_of_a_verb() {
        let stem = |word: &str| stem_key(word, TokenKind::Word);
        assert_eq!(stem("believes"), stem("believed"));
        assert_eq!(stem("believed"), stem("believing"));
        assert_eq!(stem("believe"), stem("Believes"));
        assert_ne!(stem("believes"), stem("warned"));
        // A stem never collides with the word itself used as a word feature.
        assert_ne!(stem("said"), word_key("said", TokenKind::Word));
    }

    /// The stem hash read the plainest way: the word lower-cased as a `String`, the first
    /// suffix that leaves more than two bytes cut, then a final "e" of a stem of four bytes
    /// or more, and the stem hashed by `ascii_word_key`. The packed reading of short words
    /// must give the same hash for every word, or the weights would mean other things.
    fn stem_key_of_a_lower_cased_copy(word: &str, kind: TokenKind) -> u64 {
        if kind != TokenKind::Word || !word.is_ascii() || word.len() > 24 {
            return word_key(word, kind) ^ STEM_MARK;
        }
        let lower = word.to_ascii_lowercase();
        let without_suffix = ["ing", "ed", "es", "s"]
            .iter()
            .find_map(|suffix| lower.strip_suffix(suffix).filter(|rest| rest.len() > 2))
            .unwrap_or(&lower);
        let stem = match without_suffix.strip_suffix('e') {
            Some(shorter) if without_suffix.len() > 3 => shorter,
            _ => without_suffix,
        };
        ascii_word_key(stem.as_bytes()) ^ STEM_MARK
    }

    #[test]
    fn packed_stems_equal_the_plainly_read_ones() {
        let mut words: Vec<String> = [
            "",
            "s",
            "es",
            "ed",
            "ing",
            "e",
            "said",
            "Says",
            "SAYS",
            "believes",
            "believed",
            "believing",
            "Believe",
            "warned",
            "told",
            "according",
            ":",
            "sees",
            "uses",
            "bed",
            "beds",
            "seed",
            "sing",
            "kings",
            "thing",
            "things",
            "ee",
            "eee",
            "eees",
            "tree",
            "trees",
            "acknowledged",
            "acknowledgement",
            "acknowledgements",
            "characterising",
            "Characterisinged",
            "reestablishes",
            "Ministerpr\u{e4}sidentin",
            "don\u{2019}t",
            "Trump\u{2019}s",
            "O'Malley's",
            "x-ray",
            "1,200",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
            "abcdefghijklmnoes",
            "abcdefghijklmnopqrstuvwxyz",
        ]
        .iter()
        .map(|word| word.to_string())
        .collect();
        // Every length to past the packed reading's, with each ending the suffix rules
        // read, in both cases.
        for length in 0..=26usize {
            let stem: String = (0..length)
                .map(|index| (b'a' + (index % 26) as u8) as char)
                .collect();
            for ending in [
                "", "s", "es", "ed", "ing", "e", "es", "ings", "ED", "Ing", "E", "S",
            ] {
                words.push(format!("{stem}{ending}"));
                words.push(format!("{}{ending}", stem.to_ascii_uppercase()));
            }
        }
        for word in &words {
            for kind in [TokenKind::Word, TokenKind::Punctuation, TokenKind::Number] {
                assert_eq!(
                    stem_key(word, kind),
                    stem_key_of_a_lower_cased_copy(word, kind),
                    "{word:?} as {kind:?}"
                );
            }
        }
    }

    #[test]
    fn eight_byte_lowercasing_matches_the_byte_by_byte_one() {
        for start in (0u8..128).step_by(8) {
            let bytes: [u8; 8] = std::array::from_fn(|offset| start + offset as u8);
            let folded = ascii_lowercase_eight(u64::from_le_bytes(bytes)).to_le_bytes();
            let expected = bytes.map(|byte| byte.to_ascii_lowercase());
            assert_eq!(folded, expected, "bytes {bytes:?}");
        }
        // Long and non-ASCII words go through the same chunking.
        assert_eq!(
            word_key("Responsibilities", TokenKind::Word),
            word_key("responsibilities", TokenKind::Word)
        );
        assert_eq!(
            word_key("Ministerpräsidentin", TokenKind::Word),
            word_key("ministerpräsidentin", TokenKind::Word)
        );
    }

    #[test]
    fn token_keys_read_from_the_text_equal_word_keys() {
        let texts = [
            "Ministerpr\u{e4}sidentin Keller SAID on Tuesday: \u{201c}Don\u{2019}t\u{201d} \
             responsibilities, 1,200 extraordinarily-long-hyphenated words; a I OK.\n\n\
             Counter-terrorism officials told REUTERS it was \u{2018}unacceptable\u{2019}",
            "x",
            "Abcdefgh",
            "Abcdefghijklmnop said",
        ];
        for text in texts {
            let analysis = super::super::Analysis::new(text);
            assert!(!analysis.tokens.is_empty());
            for token in &analysis.tokens {
                assert_eq!(
                    token_word_key(text, token.span, token.kind),
                    word_key(token.text(text), token.kind),
                    "token {:?} of {text:?}",
                    token.text(text)
                );
            }
        }
    }

    #[test]
    fn shapes_are_read_from_bytes_and_from_letters_alike() {
        let text =
            "Keller, NATO\u{2019}S \u{c9}LYS\u{c9}E \u{c9}mile u.S. A said: (yes) \u{2014} 42 - x!";
        let analysis = super::super::Analysis::new(text);
        let shapes: Vec<(&str, u8)> = analysis
            .tokens
            .iter()
            .map(|token| (token.text(text), shape_of(text, token.span, token.kind)))
            .collect();
        use shape::*;
        assert_eq!(
            shapes,
            [
                ("Keller", CAPITALISED),
                (",", COMMA),
                ("NATO\u{2019}S", ALL_CAPITALS),
                ("\u{c9}LYS\u{c9}E", ALL_CAPITALS),
                ("\u{c9}mile", CAPITALISED),
                ("u.S.", LOWER),
                ("A", CAPITALISED),
                ("said", LOWER),
                (":", COLON),
                ("(", BRACKET),
                ("yes", LOWER),
                (")", BRACKET),
                ("\u{2014}", DASH),
                ("42", NUMBER),
                ("-", DASH),
                ("x", LOWER),
                ("!", SENTENCE_END),
            ]
        );
    }

    /// The features of a small article, as hashes. The shipped weights were trained on
    /// exactly these; if this test fails, feature extraction changed and the tagger must
    /// be retrained (`claimtrack train-tagger`, see docs/QUALITY.md) in the same commit.
    #[test]
    fn feature_extraction_is_stable() {
        use super::super::{attribute, Analysis};
        let text =
            "Budget row\n\nKeller said the plan would fail, and she believes voters agree.\n";
        let analysis = Analysis::new(text);
        let document = analysis.document(text);
        let drafts = attribute::attribute(&document);
        let said = word_key("said", TokenKind::Word);
        let believes = word_key("believes", TokenKind::Word);
        let vocabulary = CueVocabulary::new(&[(said, 7), (believes, 4)]);
        let active = vec![true; analysis.sentences.len()];
        let view = ArticleView::new(
            &document,
            &drafts,
            &vocabulary,
            word_keys(&document),
            &active,
        );
        let candidates: Vec<&str> = (0..view.token_count())
            .filter(|&token| view.prior[token] > 0)
            .map(|token| analysis.tokens[token].text(text))
            .collect();
        // "agree" is one of the rules' reporting verbs, so it is a candidate too.
        assert_eq!(candidates, ["said", "believes", "agree"]);
        let believes = (0..view.token_count())
            .find(|&token| analysis.tokens[token].text(text) == "believes")
            .expect("the word is there");
        let mut features = Vec::new();
        let mut rendered = String::new();
        view.cue_features(believes, &mut features);
        rendered += &format!("cue {:016x?}\n", features);
        let site = super::super::tagger::cue_site(&view, believes);
        view.role_token_features(believes + 1, Side::After, &mut features);
        rendered += &format!("token {:016x?}\n", features);
        view.role_pair_features(believes + 1, &site, &mut features);
        rendered += &format!("pair {:016x?}", features);
        expect_test::expect![[r#"
            cue [5553cd430627407d, 2ca3044a9656e157, 18222906c1d84b35, 324d67e8f657d840, 90cc876c0d8db8fb, 033f4b5b96671afa, c2c917f1a2462413, fe2c67c970a651b1, 4349ea75e7552020, 24481bd39b098c9e, fe369a1d98aabe31, fc9e75766457e020, fbb1f90fbfee625c]
            token [565e4392d10bb9ba, 4492617fd561e937, b3778e649af0710e, 9f51d43633c0cb87]
            pair [2e1a04c2be2aad28, 8e762849e7b4e613, 9650fb6720b04bed, ca12205fdaea1de0, 81aff27b8f4ff129]"#]].assert_eq(&rendered);
    }

    #[test]
    fn prior_buckets_rise_with_the_cue_rate() {
        let buckets: Vec<u8> = [0.0, 0.03, 0.07, 0.15, 0.3, 0.4, 0.6, 0.95]
            .iter()
            .map(|rate| prior_bucket(*rate))
            .collect();
        assert_eq!(buckets, vec![0, 1, 2, 3, 4, 5, 6, 7]);
    }
}
