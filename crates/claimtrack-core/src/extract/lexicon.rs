//! Word lists the rule stages share: reporting verbs, titles, organisation and person
//! nouns, pronouns, countries, weekdays and months. Written out in full so that a reader
//! can see, and a reviewer can extend, exactly what the extractor knows.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A fast hasher for the word tables: they are read for nearly every token of every
/// article, hold only the program's own words (so need no defence against crafted
/// collisions), and the standard library's SipHash was a tenth of extraction's time.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.write_u64(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
        }
        // The last one to seven bytes, zero-padded, read by two overlapping loads: a copy
        // of a variable length into a buffer was a call to `memcpy` for every word.
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.write_u64(load_up_to_eight(rest));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.write_u64(u64::from(byte));
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x51_7C_C1_B7_27_22_0A_95);
    }

    fn write_usize(&mut self, value: usize) {
        self.write_u64(value as u64);
    }
}

pub(crate) type WordTables = BuildHasherDefault<WordHasher>;

/// Calls `f` with `word` lower-cased, without allocating for ASCII words of up to 32
/// bytes (almost every word of news text), and without even copying words that are
/// lower-case ASCII already (most of them).
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    if bytes.len() <= 32 {
        // Eight bytes at a time: each chunk is lower-cased into a buffer on the stack and
        // compared with itself, so one pass tells whether the word is ASCII and whether
        // it had a capital. A loop over single bytes (one to test, one to copy) was most
        // of what this cost, and it is asked for hundreds of thousands of words per pass.
        let mut buffer = [0u8; 40];
        let (mut high_bits, mut capitals) = (0u64, 0u64);
        let mut chunks = bytes.chunks_exact(8);
        let mut at = 0;
        for chunk in &mut chunks {
            let eight = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            let lower = ascii_lowercase_eight(eight);
            high_bits |= eight;
            capitals |= lower ^ eight;
            buffer[at..at + 8].copy_from_slice(&lower.to_le_bytes());
            at += 8;
        }
        // The last one to seven bytes, zero-padded; all eight are written (the buffer has
        // room), and only the word's own bytes are read back.
        let rest = load_up_to_eight(chunks.remainder());
        let lower = ascii_lowercase_eight(rest);
        high_bits |= rest;
        capitals |= lower ^ rest;
        buffer[at..at + 8].copy_from_slice(&lower.to_le_bytes());
        // `ascii_lowercase_eight` is exact only for ASCII bytes, so its output is used
        // only when no byte had its high bit set.
        if high_bits & 0x8080_8080_8080_8080 == 0 {
            if capitals == 0 {
                return f(word);
            }
            // SAFETY: every byte of the word's part of `buffer` is an ASCII byte (their
            // union has no high bit, and lower-casing keeps ASCII bytes ASCII), and a
            // sequence of ASCII bytes is UTF-8.
            return f(unsafe { std::str::from_utf8_unchecked(&buffer[..bytes.len()]) });
        }
        return f(&word.to_lowercase());
    }
    if bytes
        .iter()
        .all(|byte| byte.is_ascii() && !byte.is_ascii_uppercase())
    {
        return f(word);
    }
    f(&word.to_lowercase())
}

/// A word table for the lookups made at nearly every token. Entries of up to 16 ASCII
/// bytes, which is all but a handful, are packed into two integers each and found by
/// one multiplication: hashing a string and comparing bytes was most of what finding
/// cues cost. The probe reads a small array of 16-bit tags first (a few kilobytes, so it
/// stays in the fastest cache), and the packed word only when a tag matches, so most
/// words, which are in no table, cost one tag read. Longer or non-ASCII entries sit in
/// a hash map beside it. Lookups ignore case exactly as `str::to_lowercase` does.
pub(crate) struct PackedWordTable<V: Copy> {
    /// 0 for an empty slot, otherwise 16 bits of the entry's hash with the lowest set.
    tags: Box<[u16]>,
    /// The entry in each slot whose tag is not 0.
    entries: Box<[Option<PackedEntry<V>>]>,
    shift: u32,
    long: HashMap<String, V, WordTables>,
    /// The longest entry's length in bytes: a longer ASCII word cannot be in the table.
    longest: usize,
    /// For a table without entries outside the packed ones: per `first_letter_slot` of a
    /// word's first byte and of its last byte (`letter_pair_slot`), the lengths in bytes
    /// (bit `n` for `n` bytes) a word of up to 16 bytes may have and still be in the
    /// table. Most words are turned away by their first and last letters and length
    /// before they are loaded, lower-cased and hashed: the first letter alone let about
    /// half of PolNeAR's words through to the reporting verbs' probe, the two letters
    /// about a sixth.
    lengths_by_first_and_last_letter: Option<Box<[u32; 1024]>>,
}

/// Which of 32 slots a word's first (or last) byte reads in `letter_pair_slot`: an
/// ASCII letter and its capital share one, and anything that lower-cases to a byte
/// reads that byte's slot (other bytes may share it, which only lets more words through).
#[inline(always)]
fn first_letter_slot(first_byte: u8) -> usize {
    usize::from((first_byte | 0x20) & 31)
}

/// Which of the 1,024 slots of `lengths_by_first_and_last_letter` a word with these first
/// and last bytes reads.
#[inline(always)]
fn letter_pair_slot(first_byte: u8, last_byte: u8) -> usize {
    first_letter_slot(first_byte) << 5 | first_letter_slot(last_byte)
}

#[derive(Clone, Copy)]
struct PackedEntry<V: Copy> {
    key: [u64; 2],
    length: usize,
    value: V,
}

const PACKED_WORD_BYTES: usize = 16;

impl<V: Copy> PackedWordTable<V> {
    /// Builds the table; a later entry for the same word replaces an earlier one, as
    /// collecting into a map would.
    pub(crate) fn new<W: AsRef<str>>(
        entries: impl IntoIterator<Item = (W, V)>,
    ) -> PackedWordTable<V> {
        let mut short = Vec::new();
        let mut long = HashMap::default();
        let mut longest = 0;
        let mut lengths_by_first_and_last_letter = Box::new([0u32; 1024]);
        for (word, value) in entries {
            let word = word.as_ref();
            longest = longest.max(word.len());
            if word.is_ascii() && word.len() <= PACKED_WORD_BYTES {
                // A looked-up word is lower-cased first, so an entry with a capital letter
                // could never be found: leaving it out keeps that so.
                if !word.bytes().any(|byte| byte.is_ascii_uppercase()) {
                    // A word lower-cases to this entry if it has its letters in any case,
                    // or a Kelvin sign (three bytes, first byte 0xE2, last byte 0xAA) for
                    // any "k".
                    let kelvin_signs = word.bytes().filter(|&byte| byte == b'k').count();
                    let first = word.as_bytes().first().copied().unwrap_or(0);
                    let last = word.as_bytes().last().copied().unwrap_or(0);
                    let firsts = [first, if first == b'k' { 0xE2 } else { first }];
                    let lasts = [last, if last == b'k' { 0xAA } else { last }];
                    for extra in 0..=kelvin_signs {
                        let length = (word.len() + 2 * extra).min(31);
                        for first in firsts {
                            for last in lasts {
                                lengths_by_first_and_last_letter[letter_pair_slot(first, last)] |=
                                    1 << length;
                            }
                        }
                    }
                    short.push(PackedEntry {
                        key: packed_lowercase(word.as_bytes()),
                        length: word.len(),
                        value,
                    });
                }
            } else {
                long.insert(word.to_string(), value);
            }
        }
        let bits = (short.len() * 4)
            .next_power_of_two()
            .trailing_zeros()
            .max(4);
        // With entries outside the packed ones, a word's first byte and length say
        // nothing about what it lower-cases to.
        let lengths_by_first_and_last_letter =
            long.is_empty().then_some(lengths_by_first_and_last_letter);
        let mut table = PackedWordTable {
            tags: vec![0; 1 << bits].into_boxed_slice(),
            entries: vec![None; 1 << bits].into_boxed_slice(),
            shift: 64 - bits,
            long,
            longest,
            lengths_by_first_and_last_letter,
        };
        for entry in short {
            let (mut index, tag) = table.slot_and_tag(entry.key);
            loop {
                let same_word = table.entries[index]
                    .is_some_and(|found| found.key == entry.key && found.length == entry.length);
                if table.tags[index] == 0 || same_word {
                    table.tags[index] = tag;
                    table.entries[index] = Some(entry);
                    break;
                }
                index = (index + 1) & (table.tags.len() - 1);
            }
        }
        table
    }

    /// The first slot to probe for a packed word, and its tag.
    #[inline(always)]
    fn slot_and_tag(&self, key: [u64; 2]) -> (usize, u16) {
        let mixed = (key[0] ^ key[1].rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (
            (mixed >> self.shift) as usize,
            (mixed as u16 ^ (mixed >> 24) as u16) | 1,
        )
    }

    /// The entry for an ASCII word of at most 16 bytes, in any case.
    #[inline(always)]
    fn get_short_ascii(&self, word: &[u8]) -> Option<V> {
        self.get_packed(packed_lowercase(word), word.len())
    }

    /// The entry for a packed, lower-cased ASCII word of `length` bytes.
    #[inline(always)]
    fn get_packed(&self, key: [u64; 2], length: usize) -> Option<V> {
        let (mut index, tag) = self.slot_and_tag(key);
        loop {
            let found = self.tags[index];
            // An empty slot ends the probe: the word is not in the table.
            if found == 0 {
                return None;
            }
            if found == tag {
                if let Some(entry) = self.entries[index] {
                    if entry.key == key && entry.length == length {
                        return Some(entry.value);
                    }
                }
            }
            index = (index + 1) & (self.tags.len() - 1);
        }
    }

    /// The entry for `word` lower-cased as `str::to_lowercase` would. Only the test of
    /// the first and last letters and length is inlined where the table is asked: most
    /// words end there, and the rest of the lookup is one call.
    #[inline(always)]
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        if !self.may_hold(word.as_bytes()) {
            return None;
        }
        self.get_past_first_letter(word)
    }

    /// Whether a word of these bytes may be in the table, from its first and last bytes
    /// and its length alone: `false` only for a word `get` would not find.
    #[inline(always)]
    pub(crate) fn may_hold(&self, bytes: &[u8]) -> bool {
        if bytes.len() <= PACKED_WORD_BYTES {
            if let Some(lengths) = &self.lengths_by_first_and_last_letter {
                let first = bytes.first().copied().unwrap_or(0);
                let last = bytes.last().copied().unwrap_or(0);
                return lengths[letter_pair_slot(first, last)] >> bytes.len() & 1 == 1;
            }
        }
        true
    }

    /// `get` for a word its first and last letters and length did not turn away.
    #[inline(never)]
    fn get_past_first_letter(&self, word: &str) -> Option<V> {
        let bytes = word.as_bytes();
        if bytes.len() <= PACKED_WORD_BYTES {
            // The two loads cover every byte of a short word, so they also tell whether it
            // is ASCII, without a separate pass over it.
            let (low, high) = bytes.split_at(bytes.len().min(8));
            let raw = [load_up_to_eight(low), load_up_to_eight(high)];
            if (raw[0] | raw[1]) & (0x0101_0101_0101_0101 * 0x80) == 0 {
                return self.get_packed(
                    [ascii_lowercase_eight(raw[0]), ascii_lowercase_eight(raw[1])],
                    bytes.len(),
                );
            }
        } else if word.len() > self.longest && word.is_ascii() {
            return None;
        }
        self.get_lower_cased(word)
    }

    /// `get` for the few words that are not short ASCII, kept out of line so that the
    /// lookup inlined at every call site stays small (it runs for nearly every token).
    #[cold]
    #[inline(never)]
    fn get_lower_cased(&self, word: &str) -> Option<V> {
        // Without entries outside the packed ones, a word here (non-ASCII, or longer than
        // 16 bytes) is found only if it lower-cases to ASCII, and the Kelvin sign is the
        // only non-ASCII character that does: "Trump’s" needs no lower-cased copy.
        if self.long.is_empty() && !word.contains('\u{212A}') {
            return None;
        }
        with_lowercase(word, |lower| {
            if lower.is_ascii() && lower.len() <= PACKED_WORD_BYTES {
                self.get_short_ascii(lower.as_bytes())
            } else {
                self.long.get(lower).copied()
            }
        })
    }
}

/// Up to 16 ASCII bytes, lower-cased, as two little-endian integers (zero-padded).
#[inline(always)]
fn packed_lowercase(word: &[u8]) -> [u64; 2] {
    let (low, high) = word.split_at(word.len().min(8));
    [
        ascii_lowercase_eight(load_up_to_eight(low)),
        ascii_lowercase_eight(load_up_to_eight(high)),
    ]
}

/// Up to eight bytes as a little-endian integer, zero-padded, read as two overlapping
/// loads rather than copied byte by byte or through `memcpy` (the bytes both loads
/// cover are the same, so or-ing them is exact).
#[inline(always)]
pub(crate) fn load_up_to_eight(bytes: &[u8]) -> u64 {
    let length = bytes.len();
    if length >= 4 {
        let first = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        let last = u32::from_le_bytes([
            bytes[length - 4],
            bytes[length - 3],
            bytes[length - 2],
            bytes[length - 1],
        ]);
        u64::from(first) | (u64::from(last) << (8 * (length - 4)))
    } else if length >= 2 {
        let first = u16::from_le_bytes([bytes[0], bytes[1]]);
        let last = u16::from_le_bytes([bytes[length - 2], bytes[length - 1]]);
        u64::from(first) | (u64::from(last) << (8 * (length - 2)))
    } else {
        bytes.first().map_or(0, |&byte| u64::from(byte))
    }
}

/// Lower-cases eight ASCII bytes at once: a byte from 'A' to 'Z' gains 0x20. Adding
/// 0x3F to a byte below 0x80 sets its top bit exactly when it is 'A' or above, adding
/// 0x25 exactly when it is above 'Z', and neither addition carries into the next byte.
#[inline(always)]
fn ascii_lowercase_eight(bytes: u64) -> u64 {
    const EACH_BYTE: u64 = 0x0101_0101_0101_0101;
    let at_least_a = bytes.wrapping_add(EACH_BYTE * u64::from(0x80 - b'A'));
    let above_z = bytes.wrapping_add(EACH_BYTE * u64::from(0x80 - b'Z' - 1));
    let capital = at_least_a & !above_z & (EACH_BYTE * 0x80);
    bytes | (capital >> 2)
}

/// How strongly a reporting verb signals speech, which decides how much context it needs
/// before the extractor believes an indirect claim follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueStrength {
    /// "say", "tell": speech whatever follows; "that" may be left out.
    Speech,
    /// "add", "note", "warn", "argue": speech when a quotation or a "that" clause
    /// follows, or when they stand after the content (`..., she added.`).
    NeedsThat,
}

/// Reporting verbs: every form maps to its lemma and strength. Forms are lower case.
pub const CUE_VERBS: &[(&str, &[&str], CueStrength)] = &[
    (
        "say",
        &["say", "says", "said", "saying"],
        CueStrength::Speech,
    ),
    (
        "tell",
        &["tell", "tells", "told", "telling"],
        CueStrength::Speech,
    ),
    (
        "add",
        &["add", "adds", "added", "adding"],
        CueStrength::NeedsThat,
    ),
    (
        "note",
        &["note", "notes", "noted", "noting"],
        CueStrength::NeedsThat,
    ),
    (
        "argue",
        &["argue", "argues", "argued", "arguing"],
        CueStrength::NeedsThat,
    ),
    (
        "insist",
        &["insist", "insists", "insisted", "insisting"],
        CueStrength::NeedsThat,
    ),
    (
        "warn",
        &["warn", "warns", "warned", "warning"],
        CueStrength::NeedsThat,
    ),
    (
        "assure",
        &["assure", "assures", "assured", "assuring"],
        CueStrength::NeedsThat,
    ),
    // Tabloid verbs of angry speech, after a quote (`"It is a joke," he fumed`).
    (
        "fume",
        &["fume", "fumes", "fumed", "fuming"],
        CueStrength::NeedsThat,
    ),
    (
        "write",
        &["write", "writes", "wrote", "written", "writing"],
        CueStrength::NeedsThat,
    ),
    (
        "claim",
        &["claim", "claims", "claimed", "claiming"],
        CueStrength::NeedsThat,
    ),
    (
        "deny",
        &["deny", "denies", "denied", "denying"],
        CueStrength::NeedsThat,
    ),
    (
        "explain",
        &["explain", "explains", "explained", "explaining"],
        CueStrength::NeedsThat,
    ),
    (
        "state",
        &["state", "states", "stated", "stating"],
        CueStrength::NeedsThat,
    ),
    (
        "announce",
        &["announce", "announces", "announced", "announcing"],
        CueStrength::NeedsThat,
    ),
    (
        "declare",
        &["declare", "declares", "declared", "declaring"],
        CueStrength::NeedsThat,
    ),
    (
        "assert",
        &["assert", "asserts", "asserted", "asserting"],
        CueStrength::NeedsThat,
    ),
    (
        "contend",
        &["contend", "contends", "contended", "contending"],
        CueStrength::NeedsThat,
    ),
    (
        "maintain",
        &["maintain", "maintains", "maintained", "maintaining"],
        CueStrength::NeedsThat,
    ),
    (
        "acknowledge",
        &[
            "acknowledge",
            "acknowledges",
            "acknowledged",
            "acknowledging",
        ],
        CueStrength::NeedsThat,
    ),
    (
        "admit",
        &["admit", "admits", "admitted", "admitting"],
        CueStrength::NeedsThat,
    ),
    (
        "concede",
        &["concede", "concedes", "conceded", "conceding"],
        CueStrength::NeedsThat,
    ),
    (
        "lament",
        &["lament", "laments", "lamented", "lamenting"],
        CueStrength::NeedsThat,
    ),
    (
        "confide",
        &["confide", "confides", "confided", "confiding"],
        CueStrength::NeedsThat,
    ),
    (
        "bemoan",
        &["bemoan", "bemoans", "bemoaned", "bemoaning"],
        CueStrength::NeedsThat,
    ),
    (
        "disclose",
        &["disclose", "discloses", "disclosed", "disclosing"],
        CueStrength::NeedsThat,
    ),
    (
        "speculate",
        &["speculate", "speculates", "speculated", "speculating"],
        CueStrength::NeedsThat,
    ),
    (
        "reckon",
        &["reckon", "reckons", "reckoned", "reckoning"],
        CueStrength::NeedsThat,
    ),
    (
        "suspect",
        &["suspect", "suspects", "suspected", "suspecting"],
        CueStrength::NeedsThat,
    ),
    (
        "worry",
        &["worry", "worries", "worried", "worrying"],
        CueStrength::NeedsThat,
    ),
    (
        "retort",
        &["retort", "retorts", "retorted", "retorting"],
        CueStrength::NeedsThat,
    ),
    (
        "propose",
        &["propose", "proposes", "proposed", "proposing"],
        CueStrength::NeedsThat,
    ),
    (
        "recommend",
        &["recommend", "recommends", "recommended", "recommending"],
        CueStrength::NeedsThat,
    ),
    (
        "hint",
        &["hint", "hints", "hinted", "hinting"],
        CueStrength::NeedsThat,
    ),
    (
        "imply",
        &["imply", "implies", "implied", "implying"],
        CueStrength::NeedsThat,
    ),
    (
        "muse",
        &["muse", "muses", "mused", "musing"],
        CueStrength::NeedsThat,
    ),
    (
        "confirm",
        &["confirm", "confirms", "confirmed", "confirming"],
        CueStrength::NeedsThat,
    ),
    (
        "suggest",
        &["suggest", "suggests", "suggested", "suggesting"],
        CueStrength::NeedsThat,
    ),
    (
        "predict",
        &["predict", "predicts", "predicted", "predicting"],
        CueStrength::NeedsThat,
    ),
    (
        "promise",
        &["promise", "promises", "promised", "promising"],
        CueStrength::NeedsThat,
    ),
    (
        "pledge",
        &["pledge", "pledges", "pledged", "pledging"],
        CueStrength::NeedsThat,
    ),
    (
        "vow",
        &["vow", "vows", "vowed", "vowing"],
        CueStrength::NeedsThat,
    ),
    (
        "stress",
        &["stress", "stresses", "stressed", "stressing"],
        CueStrength::NeedsThat,
    ),
    (
        "emphasise",
        &[
            "emphasise",
            "emphasises",
            "emphasised",
            "emphasising",
            "emphasize",
            "emphasizes",
            "emphasized",
            "emphasizing",
        ],
        CueStrength::NeedsThat,
    ),
    (
        "recall",
        &["recall", "recalls", "recalled", "recalling"],
        CueStrength::NeedsThat,
    ),
    (
        "reply",
        &["reply", "replies", "replied", "replying"],
        CueStrength::NeedsThat,
    ),
    (
        "respond",
        &["respond", "responds", "responded", "responding"],
        CueStrength::NeedsThat,
    ),
    (
        "answer",
        &["answer", "answers", "answered", "answering"],
        CueStrength::NeedsThat,
    ),
    (
        "ask",
        &["ask", "asks", "asked", "asking"],
        CueStrength::NeedsThat,
    ),
    (
        "tweet",
        &["tweet", "tweets", "tweeted", "tweeting"],
        CueStrength::NeedsThat,
    ),
    ("post", &["posted"], CueStrength::NeedsThat),
    (
        "remark",
        &["remark", "remarks", "remarked", "remarking"],
        CueStrength::NeedsThat,
    ),
    (
        "observe",
        &["observe", "observes", "observed", "observing"],
        CueStrength::NeedsThat,
    ),
    (
        "comment",
        &["comment", "comments", "commented", "commenting"],
        CueStrength::NeedsThat,
    ),
    (
        "complain",
        &["complain", "complains", "complained", "complaining"],
        CueStrength::NeedsThat,
    ),
    (
        "boast",
        &["boast", "boasts", "boasted", "boasting"],
        CueStrength::NeedsThat,
    ),
    (
        "report",
        &["report", "reports", "reported", "reporting"],
        CueStrength::NeedsThat,
    ),
    (
        "allege",
        &["allege", "alleges", "alleged", "alleging"],
        CueStrength::NeedsThat,
    ),
    (
        "caution",
        &["caution", "cautions", "cautioned", "cautioning"],
        CueStrength::NeedsThat,
    ),
    (
        "urge",
        &["urge", "urges", "urged", "urging"],
        CueStrength::NeedsThat,
    ),
    (
        "estimate",
        &["estimate", "estimates", "estimated", "estimating"],
        CueStrength::NeedsThat,
    ),
    (
        "believe",
        &["believe", "believes", "believed", "believing"],
        CueStrength::NeedsThat,
    ),
    (
        "think",
        &["think", "thinks", "thought", "thinking"],
        CueStrength::NeedsThat,
    ),
    (
        "hope",
        &["hope", "hopes", "hoped", "hoping"],
        CueStrength::NeedsThat,
    ),
    (
        "fear",
        &["fear", "fears", "feared", "fearing"],
        CueStrength::NeedsThat,
    ),
    (
        "agree",
        &["agree", "agrees", "agreed", "agreeing"],
        CueStrength::NeedsThat,
    ),
    (
        "conclude",
        &["conclude", "concludes", "concluded", "concluding"],
        CueStrength::NeedsThat,
    ),
    ("continue", &["continued"], CueStrength::NeedsThat),
    (
        "shout",
        &["shout", "shouts", "shouted", "shouting"],
        CueStrength::NeedsThat,
    ),
    (
        "joke",
        &["joke", "jokes", "joked", "joking"],
        CueStrength::NeedsThat,
    ),
    (
        "testify",
        &["testify", "testifies", "testified", "testifying"],
        CueStrength::NeedsThat,
    ),
    (
        "reveal",
        &["reveal", "reveals", "revealed", "revealing"],
        CueStrength::NeedsThat,
    ),
    (
        "indicate",
        &["indicate", "indicates", "indicated", "indicating"],
        CueStrength::NeedsThat,
    ),
    (
        "signal",
        &[
            "signal",
            "signals",
            "signaled",
            "signalled",
            "signaling",
            "signalling",
        ],
        CueStrength::NeedsThat,
    ),
    (
        "counter",
        &["counter", "counters", "countered", "countering"],
        CueStrength::NeedsThat,
    ),
    (
        "mention",
        &["mention", "mentions", "mentioned", "mentioning"],
        CueStrength::NeedsThat,
    ),
    (
        "repeat",
        &["repeat", "repeats", "repeated", "repeating"],
        CueStrength::NeedsThat,
    ),
    (
        "reiterate",
        &["reiterate", "reiterates", "reiterated", "reiterating"],
        CueStrength::NeedsThat,
    ),
    (
        "protest",
        &["protest", "protests", "protested", "protesting"],
        CueStrength::NeedsThat,
    ),
    ("object", &["objected"], CueStrength::NeedsThat),
    (
        "recount",
        &["recount", "recounts", "recounted", "recounting"],
        CueStrength::NeedsThat,
    ),
    ("describe", &["described"], CueStrength::NeedsThat),
    (
        "call",
        &["called", "calls", "calling"],
        CueStrength::NeedsThat,
    ),
    (
        "exclaim",
        &["exclaim", "exclaims", "exclaimed"],
        CueStrength::NeedsThat,
    ),
    ("whisper", &["whispered"], CueStrength::NeedsThat),
    (
        "quip",
        &["quip", "quips", "quipped"],
        CueStrength::NeedsThat,
    ),
];

/// Looks a word up among the reporting verbs: `(lemma, strength)`. Every word token of
/// every article passes through here, so the forms sit in a hash map built once.
pub fn cue_verb(word: &str) -> Option<(&'static str, CueStrength)> {
    if word.len() > 16 {
        return None;
    }
    cue_verb_forms().get(word)
}

/// Whether a word of these bytes may be a form of a reporting verb (`cue_verb` may find
/// it), from its first and last bytes and its length alone: the cue finder asks this of
/// every word before making a `str` of it.
#[inline]
pub fn may_be_cue_verb(bytes: &[u8]) -> bool {
    bytes.len() <= 16 && cue_verb_forms().may_hold(bytes)
}

/// Every form of every reporting verb, with its lemma and strength.
fn cue_verb_forms() -> &'static PackedWordTable<(&'static str, CueStrength)> {
    static FORMS: OnceLock<PackedWordTable<(&'static str, CueStrength)>> = OnceLock::new();
    FORMS.get_or_init(|| {
        PackedWordTable::new(CUE_VERBS.iter().flat_map(|(lemma, forms, strength)| {
            forms.iter().map(move |form| (*form, (*lemma, *strength)))
        }))
    })
}

/// Looks `word` up in `list` ignoring case, through a hash set built once per list: the
/// resolver asks these questions for every capitalised word of every article.
#[inline]
pub(crate) fn in_word_set(
    cache: &'static OnceLock<PackedWordTable<()>>,
    list: &'static [&'static str],
    word: &str,
) -> bool {
    let set = cache.get_or_init(|| PackedWordTable::new(list.iter().map(|word| (*word, ()))));
    if word.len() > 32 {
        return false;
    }
    set.get(word).is_some()
}

macro_rules! word_set_lookup {
    ($(#[$doc:meta])* $name:ident, $list:ident) => {
        $(#[$doc])*
        pub fn $name(word: &str) -> bool {
            static CACHE: OnceLock<PackedWordTable<()>> = OnceLock::new();
            in_word_set(&CACHE, $list, word)
        }
    };
}

word_set_lookup!(
    /// A noun naming a person's function ("minister", "spokeswoman"), any case.
    is_role_noun,
    ROLE_NOUNS
);
word_set_lookup!(
    /// A noun that makes a name an organisation ("ministry", "Commission"), any case.
    is_organisation_noun,
    ORGANISATION_NOUNS
);
word_set_lookup!(
    /// A noun for an anonymous or collective source ("officials"), any case.
    is_group_noun,
    GROUP_NOUNS
);
word_set_lookup!(
    /// A word capitalised at a sentence's head without being a name, any case.
    is_capitalised_function_word,
    CAPITALISED_FUNCTION_WORDS
);

/// An article or a possessive determiner, lower-cased: the words that open a noun phrase
/// ("the report", "its answer", "our correspondent"), after which a word the cue lexicon
/// knows as a verb is a noun.
pub fn is_determiner(lower: &str) -> bool {
    is_article(lower) || is_possessive_determiner(lower)
}

/// A lower-cased word that reads as a verb's past form: a regular "-ed" of five letters
/// or more ("hundred" aside) or one of [`is_irregular_past`]'s.
pub fn reads_as_past_tense(lower: &str) -> bool {
    (lower.len() > 4 && lower.ends_with("ed") && lower != "hundred") || is_irregular_past(lower)
}

/// The irregular past tenses a reporter narrates what a speaker did with ("gave", "took",
/// "went"), lower-cased. "said" and "told" are left out: after them a claim of its own
/// follows, which the cue rules end the clause for.
pub fn is_irregular_past(word: &str) -> bool {
    matches!(
        word,
        "gave"
            | "took"
            | "made"
            | "went"
            | "came"
            | "got"
            | "left"
            | "spent"
            | "sent"
            | "held"
            | "kept"
            | "met"
            | "ran"
            | "saw"
            | "stood"
            | "wrote"
            | "brought"
            | "began"
            | "won"
            | "lost"
            | "paid"
            | "sought"
            | "struck"
            | "threw"
            | "spoke"
    )
}

/// An article, lower-cased: "the", "a", "an".
pub fn is_article(lower: &str) -> bool {
    matches!(lower, "the" | "a" | "an")
}

/// A possessive determiner, lower-cased: "his", "her", "its", "their", "our", "my",
/// "your".
pub fn is_possessive_determiner(lower: &str) -> bool {
    matches!(
        lower,
        "its" | "his" | "her" | "their" | "our" | "my" | "your"
    )
}

/// A demonstrative, lower-cased: "this", "that", "these", "those". Before a noun it is a
/// determiner ("this report"); "that" also opens reported clauses, so callers decide.
pub fn is_demonstrative(lower: &str) -> bool {
    matches!(lower, "this" | "that" | "these" | "those")
}

/// A quantifier or an approximate quantity, lower-cased: the words that open a
/// description of people by how many they are ("several residents", "Many", "About
/// 10,000 workers", "More than 200 lawyers"), never a name.
pub fn is_quantifier(lower: &str) -> bool {
    matches!(
        lower,
        "some"
            | "several"
            | "many"
            | "most"
            | "both"
            | "two"
            | "three"
            | "about"
            | "around"
            | "nearly"
            | "almost"
            | "more"
    )
}

/// Whether a word opens a description rather than a name: a determiner, a demonstrative
/// or a quantifier, lower-cased ("The", "Our correspondent", "These groups", "Several").
pub fn opens_description(lower: &str) -> bool {
    is_determiner(lower) || is_demonstrative(lower) || is_quantifier(lower)
}

/// Prepositions, lower-cased, written out in full: single words that put a noun phrase
/// in relation to the rest of the clause ("in a statement", "during the debate",
/// "according to"'s "to"). Some are also adverbs or conjunctions ("after", "since"), and
/// a few open noun phrases as well: see [`PREPOSITIONS_ALSO_OPENING_NOUN_PHRASES`].
pub const PREPOSITIONS: &[&str] = &[
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "amid",
    "among",
    "around",
    "at",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "between",
    "beyond",
    "by",
    "despite",
    "during",
    "except",
    "following",
    "for",
    "from",
    "in",
    "including",
    "inside",
    "into",
    "like",
    "near",
    "of",
    "on",
    "onto",
    "outside",
    "over",
    "past",
    "per",
    "since",
    "through",
    "throughout",
    "to",
    "toward",
    "towards",
    "under",
    "underneath",
    "unlike",
    "until",
    "upon",
    "via",
    "with",
    "within",
    "without",
];

/// Prepositions that also open a noun phrase of their own: a quantity ("about 200
/// protesters", "over 300 lawyers"), an adjective ("outside experts", "past
/// presidents") or a title ("Under Secretary"). A phrase that opens with one of them may
/// still name a speaker.
pub const PREPOSITIONS_ALSO_OPENING_NOUN_PHRASES: &[&str] = &[
    "about", "around", "over", "under", "outside", "inside", "past", "near",
];

word_set_lookup!(
    /// A preposition ([`PREPOSITIONS`]), in any case.
    is_preposition,
    PREPOSITIONS
);

/// A preposition that cannot open a noun phrase, lower-cased: a phrase that opens with it
/// is a place, a time or a circumstance, never a speaker ("In August", "during the
/// debate").
pub fn is_preposition_only(lower: &str) -> bool {
    is_preposition(lower) && !PREPOSITIONS_ALSO_OPENING_NOUN_PHRASES.contains(&lower)
}

/// A linking word that opens a clause without being part of its subject, lower-cased:
/// "But the plan ...", "However, the mayor ...", "Meanwhile, aides ...".
pub fn is_connective(lower: &str) -> bool {
    matches!(
        lower,
        "but" | "and" | "so" | "yet" | "however" | "still" | "meanwhile" | "instead"
    )
}

/// A subordinating conjunction, lower-cased: it opens a clause that only leads into the
/// sentence's main clause ("If the vote is close, ...", "After the mayor said ..., the
/// fishermen ..."). "after", "before", "since" and "until" are prepositions too; either
/// way what they open is not the main clause.
pub fn is_subordinating_conjunction(lower: &str) -> bool {
    matches!(
        lower,
        "if" | "when"
            | "whenever"
            | "because"
            | "although"
            | "though"
            | "whereas"
            | "unless"
            | "once"
            | "while"
            | "after"
            | "before"
            | "since"
            | "until"
    )
}

/// A weekday, a month (or its newsroom abbreviation, with or without its period) or a noun
/// for a part of the day or a span of the calendar, lower-cased: "Tuesday", "Aug.",
/// "morning", "week". Such a word names a time, never a speaker.
pub fn is_time_noun(lower: &str) -> bool {
    let bare = lower.trim_end_matches('.');
    WEEKDAYS.contains(&bare)
        || MONTHS.iter().any(|(month, _)| *month == bare)
        || matches!(
            bare,
            "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "day"
                | "week"
                | "weekend"
                | "month"
                | "year"
                | "fall"
        )
}

/// A number written as a word, lower-cased: "two", "eleven", "forty". Counts of people
/// ("two officials") and of time ("three days ago") use them.
pub fn is_number_word(lower: &str) -> bool {
    matches!(
        lower,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
    )
}

/// A word that places a time from the day of writing or from the story's own time,
/// lower-cased: "yesterday", "last" (week), "earlier", "ago".
pub fn is_relative_time_word(lower: &str) -> bool {
    matches!(
        lower.trim_end_matches('.'),
        "yesterday"
            | "today"
            | "tonight"
            | "earlier"
            | "later"
            | "last"
            | "this"
            | "next"
            | "ago"
            | "recently"
            | "late"
            | "early"
    )
}

/// A word without its possessive ending, straight or curly ("Keller's" -> "Keller").
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word)
}

/// Participle forms ("saying", "adding"): they take the subject of the clause they hang
/// from, so their speaker is the previous cue's.
pub fn is_participle(word: &str) -> bool {
    if word.is_ascii() {
        return word.len() >= 3 && word.as_bytes()[word.len() - 3..].eq_ignore_ascii_case(b"ing");
    }
    with_lowercase(word, |lower| lower.ends_with("ing"))
}

/// Verbs that can stand between a subject and its reporting verb ("has said", "would
/// later tell") and adverbs that do the same.
pub const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "did",
    "does",
    "do",
    "could",
    "can",
    "may",
    "might",
    "should",
    "shall",
    "must",
    "also",
    "later",
    "then",
    "again",
    "previously",
    "repeatedly",
    "earlier",
    "recently",
    "once",
    "often",
    "reportedly",
    "publicly",
    "privately",
    "separately",
    "further",
    "already",
    "first",
    "never",
    "not",
    "just",
    "only",
    "still",
    "since",
    "flatly",
    "firmly",
    "angrily",
    "bluntly",
    "quietly",
    "openly",
    "subsequently",
    "initially",
    "frequently",
    "emphatically",
    "strongly",
    "simply",
    // "Cruz has long said", "Graham, R-S.C., now saying": adverbs without "-ly".
    "long",
    "now",
    "even",
    "ever",
    "too",
];

/// Nouns naming a person's function: used to recognise titles before names ("Finance
/// Minister Maria Keller") and descriptions that refer back to them ("the minister").
pub const ROLE_NOUNS: &[&str] = &[
    "president",
    "vice president",
    "prime minister",
    "minister",
    "chancellor",
    "secretary",
    "senator",
    "sen.",
    "representative",
    "rep.",
    "congressman",
    "congresswoman",
    "governor",
    "gov.",
    "mayor",
    "premier",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "ambassador",
    "commissioner",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "general",
    "gen.",
    "judge",
    "justice",
    "attorney",
    "prosecutor",
    "officer",
    "official",
    "executive",
    "ceo",
    "economist",
    "analyst",
    "professor",
    "prof.",
    "dr.",
    "candidate",
    "nominee",
    "lawmaker",
    "mp",
    "deputy",
    "head",
    "adviser",
    "advisor",
    "aide",
    "envoy",
    "diplomat",
    "founder",
    "manager",
    "councillor",
    "councilor",
    "councilman",
    "councilwoman",
    "sheriff",
    "inspector",
    "coach",
    "captain",
    "treasurer",
    "auditor",
    "comptroller",
    "speaker",
    "whip",
    "strategist",
    "pollster",
    "researcher",
    "scientist",
    "lawyer",
    "owner",
    "president-elect",
    "governor-elect",
    "mayor-elect",
    "chancellor-elect",
    "commander",
    "admiral",
    "colonel",
    "secretary-general",
    "director-general",
    "president's",
    "minister's",
    "rapporteur",
    "ombudsman",
    "superintendent",
    "principal",
    "bishop",
    "archbishop",
    "rabbi",
    "imam",
    "activist",
    "organiser",
    "organizer",
    "campaigner",
    "negotiator",
    "regulator",
    "mediator",
    "physician",
    "doctor",
    "nurse",
    "farmer",
    "resident",
    "witness",
    "voter",
    "worker",
    "expert",
    "historian",
    "member",
    "partner",
    "investor",
    "trader",
    "student",
    "teacher",
];

/// Honorifics that stand before a surname and give the person's gender where they can.
pub fn honorific_gender(word: &str) -> Option<Option<Gender>> {
    let bare = word.trim_end_matches('.');
    // Every honorific is ASCII without a "k", and the Kelvin sign is the only other
    // character that lower-cases to ASCII: a word with any other character ("O’Neill")
    // is none, with no lower-cased copy on the heap.
    if !bare.is_ascii() {
        return None;
    }
    // Every honorific has two to four letters: the resolver asks about every word of
    // every name, and longer words need no lower-casing to be turned down.
    if bare.len() > 4 {
        return None;
    }
    // They also all start with "m", "d", "p" or "s": the other short words (most
    // initials and short names) need no lower-casing either.
    let first_letter = bare.as_bytes().first().map(|first| first | 0x20);
    if !matches!(first_letter, Some(b'm' | b'd' | b'p' | b's')) {
        return None;
    }
    with_lowercase(bare, |lower| match lower {
        "mr" => Some(Some(Gender::Male)),
        "mrs" | "ms" | "miss" => Some(Some(Gender::Female)),
        "dr" | "prof" | "sir" | "dame" => Some(if word.eq_ignore_ascii_case("dame") {
            Some(Gender::Female)
        } else {
            None
        }),
        _ => None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// Role nouns that tell a gender ("spokeswoman").
pub fn role_gender(word: &str) -> Option<Gender> {
    with_lowercase(word, |lower| {
        if lower.ends_with("woman")
            || matches!(
                lower,
                "queen" | "princess" | "mother" | "wife" | "daughter" | "sister"
            )
        {
            Some(Gender::Female)
        } else if lower.ends_with("man") && !lower.ends_with("woman") && lower != "ombudsman"
            || matches!(
                lower,
                "king" | "prince" | "father" | "husband" | "son" | "brother"
            )
        {
            Some(Gender::Male)
        } else {
            None
        }
    })
}

/// Nouns that make a name or description an organisation.
pub const ORGANISATION_NOUNS: &[&str] = &[
    "ministry",
    "commission",
    "council",
    "parliament",
    "party",
    "bank",
    "agency",
    "department",
    "office",
    "committee",
    "union",
    "group",
    "inc",
    "inc.",
    "corp",
    "corp.",
    "company",
    "association",
    "institute",
    "university",
    "court",
    "government",
    "pentagon",
    "kremlin",
    "police",
    "army",
    "navy",
    "federation",
    "foundation",
    "fund",
    "authority",
    "organization",
    "organisation",
    "board",
    "senate",
    "congress",
    "assembly",
    "service",
    "network",
    "church",
    "campaign",
    "coalition",
    "alliance",
    "administration",
    "secretariat",
    "cabinet",
    "bureau",
    "institution",
    "centre",
    "center",
    "firm",
    "corporation",
    "club",
    "league",
    "team",
    "embassy",
    "consulate",
    "regulator",
    "watchdog",
    "tribunal",
    "junta",
    "military",
    "prosecutors",
    "newspaper",
    "broadcaster",
    "élysée",
    "elysee",
    "inquiry",
    "panel",
    "airline",
    "airport",
    "hospital",
    "school",
    "charity",
    "museum",
    "gallery",
    "library",
    "orchestra",
    "college",
    "academy",
    "movement",
    "opposition",
    "ltd",
    "ltd.",
    "plc",
    "llc",
    "gmbh",
    "ag",
    "sa",
    "co.",
    "house",
    "times",
    "post",
    "journal",
    "reuters",
    "press",
    "news",
    "television",
    "radio",
    "exchange",
    "market",
    "markets",
    "industry",
    "industries",
    "holdings",
    "report",
    "study",
    "survey",
    "poll",
    "statement",
    "data",
    "figures",
    "document",
    "documents",
    "website",
    "memo",
    "letter",
    "filing",
    "indictment",
    "complaint",
    "lawsuit",
    "ruling",
    "decision",
];

/// Descriptions of anonymous or collective sources ("officials", "people familiar with the
/// matter"): kept as speakers but never resolved to a named one.
pub const GROUP_NOUNS: &[&str] = &[
    "officials",
    "people",
    "sources",
    "analysts",
    "economists",
    "experts",
    "critics",
    "supporters",
    "opponents",
    "residents",
    "witnesses",
    "lawmakers",
    "diplomats",
    "aides",
    "advisers",
    "advisors",
    "investigators",
    "police",
    "prosecutors",
    "researchers",
    "scientists",
    "doctors",
    "activists",
    "protesters",
    "organisers",
    "organizers",
    "voters",
    "workers",
    "leaders",
    "members",
    "executives",
    "observers",
    "campaigners",
    "ministers",
    "negotiators",
    "authorities",
    "officers",
    "traders",
    "investors",
    "unions",
    "democrats",
    "republicans",
    "conservatives",
    "liberals",
    "insiders",
    "colleagues",
    "friends",
    "neighbours",
    "neighbors",
    "others",
    "some",
    "many",
    "few",
    "both",
    "several",
    "teachers",
    "students",
    "parents",
    "farmers",
    "managers",
    "owners",
    "employees",
    "staff",
    "nurses",
    "judges",
    "senators",
    "governors",
    "mayors",
];

pub fn pronoun_gender(word: &str) -> Option<Gender> {
    if word.is_ascii() && word.len() > "himself".len() {
        return None;
    }
    with_lowercase(word, |lower| match lower {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    })
}

pub fn is_pronoun(word: &str) -> bool {
    if word.is_ascii() && word.len() > "they".len() {
        return false;
    }
    with_lowercase(word, |lower| is_subject_pronoun(lower) || lower == "who")
}

/// A personal pronoun that can be a clause's subject, lower-cased: the
/// [nominative-only ones](is_nominative_only_pronoun), "it" and "you".
pub fn is_subject_pronoun(lower: &str) -> bool {
    is_nominative_only_pronoun(lower) || matches!(lower, "it" | "you")
}

/// A personal pronoun that can only be a subject, lower-cased: "he", "she", "they",
/// "we", "I". "It" and "you" are objects as well ("called it", "told you").
pub fn is_nominative_only_pronoun(lower: &str) -> bool {
    matches!(lower, "he" | "she" | "they" | "we" | "i")
}

/// Words that start with a capital letter at the head of a sentence without being names.
pub const CAPITALISED_FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "to",
    "of",
    "and",
    "but",
    "or",
    "so",
    "yet",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "because",
    "although",
    "though",
    "however",
    "meanwhile",
    "still",
    "also",
    "then",
    "there",
    "here",
    "his",
    "her",
    "their",
    "our",
    "its",
    "my",
    "your",
    "some",
    "many",
    "most",
    "all",
    "any",
    "no",
    "not",
    "one",
    "two",
    "three",
    "last",
    "next",
    "this",
    "every",
    "each",
    "both",
    "speaking",
    "asked",
    // "Said Ellis: ...": a cue opening an inverted attribution.
    "said",
    "says",
    "according",
    "despite",
    "under",
    "over",
    "during",
    "until",
    "without",
    "within",
    "across",
    "about",
    "among",
    "against",
    "between",
    "through",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "why",
    "how",
    "where",
    "yes",
    "well",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "instead",
    "indeed",
    "still",
    "even",
    "just",
    "only",
    "other",
    "another",
    "such",
    "more",
    "less",
    "earlier",
    "later",
    "once",
    "twice",
    "officials",
    "critics",
    "analysts",
    "experts",
    "sources",
];

pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Month names and their usual newsroom abbreviations, with their number.
pub const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// What a weekday or month name says: the weekday (Monday 0) or the month's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarName {
    Weekday(u8),
    Month(u32),
}

/// `word` as a weekday, a month or a month's abbreviation, in any case. Asked of every
/// capitalised word the resolver and the date finder read, so the names sit in a packed
/// table rather than being compared one by one after lower-casing.
pub fn calendar_name(word: &str) -> Option<CalendarName> {
    static NAMES: OnceLock<PackedWordTable<CalendarName>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        PackedWordTable::new(
            WEEKDAYS
                .iter()
                .enumerate()
                .map(|(index, day)| (*day, CalendarName::Weekday(index as u8)))
                .chain(
                    MONTHS
                        .iter()
                        .map(|(name, number)| (*name, CalendarName::Month(*number))),
                ),
        )
    });
    names.get(word)
}

/// Countries and country-like political units that speak as one ("Norway said"). The
/// canonical name is the first spelling.
pub const COUNTRIES: &[&[&str]] = &[
    &["Afghanistan"],
    &["Albania"],
    &["Algeria"],
    &["Argentina"],
    &["Armenia"],
    &["Australia"],
    &["Austria"],
    &["Azerbaijan"],
    &["Bahrain"],
    &["Bangladesh"],
    &["Belarus"],
    &["Belgium"],
    &["Bolivia"],
    &["Bosnia"],
    &["Brazil"],
    &["Britain", "United Kingdom", "U.K.", "UK"],
    &["Bulgaria"],
    &["Cambodia"],
    &["Cameroon"],
    &["Canada"],
    &["Chile"],
    &["China", "Beijing"],
    &["Colombia"],
    &["Croatia"],
    &["Cuba"],
    &["Cyprus"],
    &["Czech Republic", "Czechia"],
    &["Denmark"],
    &["Ecuador"],
    &["Egypt"],
    &["Estonia"],
    &["Ethiopia"],
    &["Finland"],
    &["France"],
    &["Georgia"],
    &["Germany"],
    &["Ghana"],
    &["Greece"],
    &["Hungary"],
    &["Iceland"],
    &["India"],
    &["Indonesia"],
    &["Iran", "Tehran"],
    &["Iraq"],
    &["Ireland"],
    &["Israel"],
    &["Italy"],
    &["Japan", "Tokyo"],
    &["Jordan"],
    &["Kazakhstan"],
    &["Kenya"],
    &["Kosovo"],
    &["Kuwait"],
    &["Latvia"],
    &["Lebanon"],
    &["Libya"],
    &["Lithuania"],
    &["Luxembourg"],
    &["Malaysia"],
    &["Mali"],
    &["Malta"],
    &["Mexico"],
    &["Moldova"],
    &["Mongolia"],
    &["Montenegro"],
    &["Morocco"],
    &["Myanmar"],
    &["Nepal"],
    &["Netherlands", "Holland"],
    &["New Zealand"],
    &["Nigeria"],
    &["North Korea", "Pyongyang"],
    &["Norway", "Oslo"],
    &["Oman"],
    &["Pakistan"],
    &["Palestine"],
    &["Panama"],
    &["Peru"],
    &["Philippines"],
    &["Poland", "Warsaw"],
    &["Portugal"],
    &["Qatar"],
    &["Romania"],
    &["Russia", "Moscow"],
    &["Saudi Arabia", "Riyadh"],
    &["Senegal"],
    &["Serbia"],
    &["Singapore"],
    &["Slovakia"],
    &["Slovenia"],
    &["Somalia"],
    &["South Africa"],
    &["South Korea", "Seoul"],
    &["Spain", "Madrid"],
    &["Sri Lanka"],
    &["Sudan"],
    &["Sweden", "Stockholm"],
    &["Switzerland"],
    &["Syria", "Damascus"],
    &["Taiwan", "Taipei"],
    &["Tanzania"],
    &["Thailand"],
    &["Tunisia"],
    &["Turkey", "Türkiye", "Ankara"],
    &["Uganda"],
    &["Ukraine", "Kyiv", "Kiev"],
    &["United Arab Emirates", "UAE"],
    &["United States", "U.S.", "US", "America", "Washington"],
    &["Uruguay"],
    &["Uzbekistan"],
    &["Venezuela"],
    &["Vietnam"],
    &["Yemen"],
    &["Zambia"],
    &["Zimbabwe"],
];

/// The canonical country name for a spelling, if it names a country. Only capitalised
/// spellings count: "us" is a pronoun, "US" a country.
pub fn country(name: &str) -> Option<&'static str> {
    static SPELLINGS: OnceLock<PackedWordTable<&'static str>> = OnceLock::new();
    // What `trim_start_matches` would leave, without setting up a substring search for
    // each of the many names this is asked about.
    let mut trimmed = name;
    while let Some(rest) = trimmed.strip_prefix("the ") {
        trimmed = rest;
    }
    while let Some(rest) = trimmed.strip_prefix("The ") {
        trimmed = rest;
    }
    if !trimmed.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let spellings = SPELLINGS.get_or_init(|| {
        PackedWordTable::new(COUNTRIES.iter().flat_map(|spellings| {
            spellings
                .iter()
                .map(move |spelling| (spelling.to_lowercase(), spellings[0]))
        }))
    });
    // Every capitalised run of words in an article is asked about; the table compares
    // them lower-cased without building a lower-case copy.
    spellings.get(trimmed)
}

/// A country's adjective ("German" -> "Germany"), so that "the German finance minister"
/// and "Germany's finance minister" can meet.
pub const DEMONYMS: &[(&str, &str)] = &[
    ("American", "United States"),
    ("British", "Britain"),
    ("Canadian", "Canada"),
    ("Chinese", "China"),
    ("Danish", "Denmark"),
    ("Dutch", "Netherlands"),
    ("Finnish", "Finland"),
    ("French", "France"),
    ("German", "Germany"),
    ("Greek", "Greece"),
    ("Indian", "India"),
    ("Irish", "Ireland"),
    ("Italian", "Italy"),
    ("Japanese", "Japan"),
    ("Mexican", "Mexico"),
    ("Norwegian", "Norway"),
    ("Polish", "Poland"),
    ("Portuguese", "Portugal"),
    ("Russian", "Russia"),
    ("Spanish", "Spain"),
    ("Swedish", "Sweden"),
    ("Swiss", "Switzerland"),
    ("Turkish", "Turkey"),
    ("Ukrainian", "Ukraine"),
    ("Austrian", "Austria"),
    ("Belgian", "Belgium"),
    ("Brazilian", "Brazil"),
    ("Israeli", "Israel"),
    ("Iranian", "Iran"),
    ("Egyptian", "Egypt"),
    ("Hungarian", "Hungary"),
    ("Czech", "Czech Republic"),
    ("Estonian", "Estonia"),
    ("Latvian", "Latvia"),
    ("Lithuanian", "Lithuania"),
    ("Australian", "Australia"),
    ("Korean", "South Korea"),
    ("European", "Europe"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_casing_without_allocation_matches_the_standard_one() {
        let words = [
            "Said",
            "SAID",
            "said",
            "Ministerpräsidentin",
            "ÉLYSÉE",
            "a-very-long-hyphenated-word-well-over-thirty-two-bytes",
            "A-Very-Long-Hyphenated-Word-Well-Over-Thirty-Two-Bytes",
            "Thirty-Two-Bytes-Exactly-Thirty2",
            "Thirty-Three-Bytes-Exactly-Thirty",
            "Trump\u{2019}s",
            "",
        ];
        for word in words {
            assert_eq!(with_lowercase(word, str::to_string), word.to_lowercase());
        }
        // Every length up to past the buffer, with a capital, a byte outside ASCII or
        // neither at every place, and every ASCII byte at the end of a chunk.
        for length in 0..=34usize {
            let plain: String = (0..length)
                .map(|index| (b'a' + (index % 26) as u8) as char)
                .collect();
            assert_eq!(with_lowercase(&plain, str::to_string), plain);
            for place in 0..length {
                for replacement in ["Q", "\u{e9}", "\u{c9}", "@", "[", "`", "{", "Z", "A"] {
                    let mut word = plain.clone();
                    word.replace_range(place..place + 1, replacement);
                    assert_eq!(
                        with_lowercase(&word, str::to_string),
                        word.to_lowercase(),
                        "{word:?}"
                    );
                }
            }
        }
        for byte in 0u8..128 {
            let word = format!("abcdefg{}", byte as char);
            assert_eq!(with_lowercase(&word, str::to_string), word.to_lowercase());
        }
        // A call inside another's `f` gets its own lower-cased copy.
        let nested = with_lowercase("Keller", |outer| {
            with_lowercase("SAID", |inner| format!("{outer} {inner}"))
        });
        assert_eq!(nested, "keller said");
    }

    #[test]
    fn word_tables_answer_the_same_in_any_case() {
        assert_eq!(cue_verb("Said"), cue_verb("said"));
        assert_eq!(cue_verb("TOLD"), Some(("tell", CueStrength::Speech)));
        assert_eq!(cue_verb("table"), None);
        assert!(is_role_noun("Minister") && is_role_noun("minister"));
        assert!(is_participle("Adding") && !is_participle("added"));
        assert_eq!(pronoun_gender("She"), Some(Gender::Female));
        assert_eq!(honorific_gender("Mrs."), Some(Some(Gender::Female)));
        assert_eq!(role_gender("Chairwoman"), Some(Gender::Female));
    }

    #[test]
    fn packed_word_tables_hold_long_and_accented_entries_and_only_whole_words() {
        assert!(is_role_noun("Secretary-General") && is_role_noun("SECRETARY-GENERAL"));
        assert!(
            is_organisation_noun("\u{c9}lys\u{e9}e") && is_organisation_noun("\u{e9}lys\u{e9}e")
        );
        assert!(!is_role_noun("minister\0") && !is_role_noun("ministe") && !is_role_noun(""));
        assert_eq!(cue_verb("said\0"), None);
        assert_eq!(cue_verb("sai"), None);
        // A curly apostrophe keeps a word out of tables that hold only ASCII words.
        assert_eq!(cue_verb("said\u{2019}"), None);
        assert_eq!(cue_verb("SAYS\u{2019}S"), None);
        // The Kelvin sign lower-cases to an ASCII "k", as `str::to_lowercase` has it.
        assert_eq!(
            cue_verb("as\u{212A}ed"),
            Some(("ask", CueStrength::NeedsThat))
        );
        for (lemma, forms, strength) in CUE_VERBS {
            for form in *forms {
                assert_eq!(cue_verb(&form.to_uppercase()), Some((*lemma, *strength)));
            }
        }
    }

    #[test]
    fn turning_words_away_by_first_and_last_letters_and_length_keeps_every_entry_findable() {
        let table = PackedWordTable::new(["keep", "take", "a", "kk"].map(|word| (word, ())));
        for found in [
            "keep",
            "KEEP",
            "\u{212A}EEP",
            "ta\u{212A}e",
            "\u{212A}\u{212A}",
            "k\u{212A}",
            "A",
        ] {
            assert_eq!(table.get(found), Some(()), "{found}");
        }
        // "tale" and "keek" pass the test of first and last letters and length (as "take",
        // and as "kk" would with Kelvin signs) and are still not found.
        for missing in [
            "kee",
            "keeps",
            "tak",
            "b",
            "",
            "\u{212A}",
            "keep\u{2019}",
            "kep",
            "tale",
            "keek",
            "\u{212A}EE\u{212A}",
        ] {
            assert_eq!(table.get(missing), None, "{missing}");
        }
    }

    #[test]
    fn eight_bytes_at_once_lower_case_as_one_at_a_time() {
        for byte in 0u8..0x80 {
            for position in 0..8 {
                let mut bytes = *b"aZ@[`{09";
                bytes[position] = byte;
                let mut expected = bytes;
                expected.make_ascii_lowercase();
                assert_eq!(
                    ascii_lowercase_eight(u64::from_le_bytes(bytes)),
                    u64::from_le_bytes(expected)
                );
            }
        }
        let word = b"ABCDEFGHijklmnop";
        for length in 0..=word.len() {
            let mut padded = [0u8; 16];
            padded[..length].copy_from_slice(&word[..length]);
            padded.make_ascii_lowercase();
            let expected = [
                u64::from_le_bytes(padded[..8].try_into().unwrap_or_default()),
                u64::from_le_bytes(padded[8..].try_into().unwrap_or_default()),
            ];
            assert_eq!(
                packed_lowercase(&word[..length]),
                expected,
                "{length} bytes"
            );
        }
        assert!(is_participle("Adding") && is_participle("ING") && !is_participle("in"));
        assert_eq!(honorific_gender("Mrs."), Some(Some(Gender::Female)));
        assert_eq!(honorific_gender("Dame"), Some(Some(Gender::Female)));
        assert_eq!(honorific_gender("Mrsx"), None);
        assert_eq!(pronoun_gender("HERSELF"), Some(Gender::Female));
        assert!(is_pronoun("They") && !is_pronoun("Theys"));
    }
}
