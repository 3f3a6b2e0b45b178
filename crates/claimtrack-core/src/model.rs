//! The vocabulary shared by extraction, storage, export and the user interfaces: claims,
//! spans, speakers. Kept free of behaviour so every layer can depend on it.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into an article's text. Extraction guarantees that
/// both ends lie on UTF-8 character boundaries, so `&text[span.range()]` never panics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ByteSpan {
    pub start: usize,
    pub end: usize,
}

impl ByteSpan {
    pub fn new(start: usize, end: usize) -> ByteSpan {
        debug_assert!(start <= end, "span start {start} after end {end}");
        ByteSpan { start, end }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, other: ByteSpan) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: ByteSpan) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers. Panics only if the span was not produced for `text`.
    pub fn slice(self, text: &str) -> &str {
        &text[self.range()]
    }
}

/// How the speaker's words reach the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// The speaker's words inside quote marks.
    Direct,
    /// Reported speech that carries quoted fragments of the speaker's words.
    Mixed,
    /// Reported speech with no quote marks.
    Indirect,
}

/// What kind of entity a speaker is. Analysts filter on this, so it is part of the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerType {
    Person,
    Organisation,
    Country,
    Unknown,
}

/// Gives a fieldless enum `as_str`, `Display` and a forgiving `FromStr` from one table of
/// spellings, so the database, the CLI and the UI all use the same words.
macro_rules! string_enum {
    ($ty:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $ty {
            pub fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $text),+ }
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $ty {
            type Err = String;
            fn from_str(text: &str) -> Result<$ty, String> {
                match text.trim().to_ascii_lowercase().as_str() {
                    $($text => Ok($ty::$variant),)+
                    other => Err(format!(
                        "unknown {} `{other}` (expected one of: {})",
                        stringify!($ty),
                        [$($text),+].join(", ")
                    )),
                }
            }
        }
    };
}

pub(crate) use string_enum;

string_enum!(ClaimKind { Direct => "direct", Mixed => "mixed", Indirect => "indirect" });
string_enum!(SpeakerType {
    Person => "person",
    Organisation => "organisation",
    Country => "country",
    Unknown => "unknown",
});

/// The words in the text that name the speaker of one claim ("she", "the minister",
/// "Keller"), before resolution to a canonical speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerMention {
    pub text: String,
    pub span: ByteSpan,
}

/// One claim as the extractor sees it: machine output, never edited by a human. The store
/// keeps analysts' corrections beside it rather than in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractedClaim {
    pub kind: ClaimKind,
    /// The whole claim content, from its first to its last character. For a quote
    /// interrupted by its attribution this includes the interruption; `parts` does not.
    pub span: ByteSpan,
    /// The contiguous pieces of the content, in order. One piece for most claims; two or
    /// more when the attribution interrupts the quote or the quote runs over paragraphs.
    pub parts: Vec<ByteSpan>,
    /// The content as a reader would quote it: the parts joined by single spaces.
    pub text: String,
    pub mention: Option<SpeakerMention>,
    /// The canonical name the mention resolves to ("Maria Keller", "European Commission").
    pub speaker: Option<String>,
    pub speaker_type: SpeakerType,
    /// The speaker's role when the article states it ("German Finance Minister").
    pub speaker_role: Option<String>,
    /// The reporting verb or phrase as written ("said", "according to").
    pub cue: Option<String>,
    pub cue_span: Option<ByteSpan>,
    /// The day the words were said, when the article says it or it can be inferred.
    pub said_on: Option<NaiveDate>,
    /// The extractor's belief, in [0, 1], that kind, span and speaker are all right.
    pub confidence: f32,
}
