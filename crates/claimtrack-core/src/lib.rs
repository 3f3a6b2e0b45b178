//! ClaimTrack's engine: turns article text into attributed claims, stores them with the
//! analyst's corrections in SQLite, and exports them as CSV. Nothing here knows about
//! Tauri or the command line; both are thin layers over this crate.

pub mod allocator;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod model;
pub mod store;

pub use error::{CoreError, CoreResult};
pub use extract::{extract_claims, Extraction, ExtractionWarning};
pub use model::{ByteSpan, ClaimKind, ExtractedClaim, SpeakerMention, SpeakerType};
