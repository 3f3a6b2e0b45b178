//! The audit history and undo/redo. Every analyst action records JSON images of the rows
//! it changed, before and after; undo writes the before images back (newest change first)
//! and redo writes the after images again. Because the images live in the database, undo
//! and redo work across restarts and across the CLI and the desktop app.

use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};

use super::types::{ArticleMetadata, HistoryEntry};
use super::{now_timestamp, Store};
use crate::error::{CoreError, CoreResult};

/// The human decisions stored for one claim; `None` columns defer to the machine's output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub(crate) struct CorrectionRow {
    pub speaker_id: Option<i64>,
    pub kind: Option<String>,
    pub start: Option<i64>,
    pub end: Option<i64>,
    pub parts: Option<String>,
    pub text: Option<String>,
    pub status: String,
    pub reviewed_at: Option<String>,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct SpeakerRow {
    pub canonical_name: String,
    pub speaker_type: String,
    pub merged_into: Option<i64>,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct AliasRow {
    pub alias: String,
    pub speaker_id: i64,
}

/// A whole claim row; history only carries these for claims an analyst added by hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct ClaimRow {
    pub article_id: i64,
    pub origin: String,
    pub kind: String,
    pub start: i64,
    pub end: i64,
    pub parts: String,
    pub text: String,
    pub mention: Option<String>,
    pub mention_start: Option<i64>,
    pub mention_end: Option<i64>,
    pub speaker_id: Option<i64>,
    pub speaker_type: String,
    pub speaker_role: Option<String>,
    pub cue: Option<String>,
    pub cue_start: Option<i64>,
    pub cue_end: Option<i64>,
    pub said_on: Option<String>,
    pub confidence: f64,
    pub no_longer_extracted: bool,
    pub extracted_at: String,
}

/// The state of one row (or one column of one row) at one moment; `None` means "absent".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "table", rename_all = "snake_case")]
pub(crate) enum RowImage {
    Correction {
        claim_id: i64,
        row: Option<CorrectionRow>,
    },
    /// Only the machine claim's speaker column, which merging speakers moves.
    ClaimSpeaker {
        claim_id: i64,
        speaker_id: Option<i64>,
    },
    Speaker {
        speaker_id: i64,
        row: Option<SpeakerRow>,
    },
    Alias {
        alias_key: String,
        row: Option<AliasRow>,
    },
    HumanClaim {
        claim_id: i64,
        row: Option<ClaimRow>,
    },
    ArticleMetadata {
        article_id: i64,
        row: ArticleMetadata,
    },
}

/// The row images of one change, paired in the order the change writes them.
#[derive(Debug, Default)]
pub(crate) struct ChangeSet {
    pub before: Vec<RowImage>,
    pub after: Vec<RowImage>,
}

impl ChangeSet {
    pub fn push(&mut self, before: RowImage, after: RowImage) {
        self.before.push(before);
        self.after.push(after);
    }
}

/// What an event is about, for the history listing and filters.
#[derive(Debug, Default, Clone)]
pub(crate) struct EventSubject {
    pub article_id: Option<i64>,
    pub claim_id: Option<i64>,
    pub speaker_id: Option<i64>,
}

/// Writes one image into the database. Writes are tolerant of rows that disappeared since
/// the event (a claim re-extraction removed, a speaker still in use), because undoing an old
/// event must never fail halfway or break a foreign key; it then does what still makes sense.
pub(crate) fn apply_image(transaction: &Transaction<'_>, image: &RowImage) -> CoreResult<()> {
    match image {
        RowImage::Correction {
            claim_id,
            row: None,
        } => {
            transaction.execute(
                "DELETE FROM claim_corrections WHERE claim_id = ?1",
                [claim_id],
            )?;
        }
        RowImage::Correction {
            claim_id,
            row: Some(row),
        } => {
            transaction.execute(
                "INSERT INTO claim_corrections
                     (claim_id, speaker_id, kind, start_offset, end_offset, parts, text,
                      status, reviewed_at, updated_at)
                 SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10
                 WHERE EXISTS (SELECT 1 FROM claims WHERE id = ?1)
                 ON CONFLICT(claim_id) DO UPDATE SET
                     speaker_id = excluded.speaker_id, kind = excluded.kind,
                     start_offset = excluded.start_offset, end_offset = excluded.end_offset,
                     parts = excluded.parts, text = excluded.text, status = excluded.status,
                     reviewed_at = excluded.reviewed_at, updated_at = excluded.updated_at",
                params![
                    claim_id,
                    row.speaker_id,
                    row.kind,
                    row.start,
                    row.end,
                    row.parts,
                    row.text,
                    row.status,
                    row.reviewed_at,
                    row.updated_at
                ],
            )?;
        }
        RowImage::ClaimSpeaker {
            claim_id,
            speaker_id,
        } => {
            transaction.execute(
                "UPDATE claims SET speaker_id = ?2 WHERE id = ?1",
                params![claim_id, speaker_id],
            )?;
        }
        RowImage::Speaker {
            speaker_id,
            row: None,
        } => {
            // A speaker created by the undone change may have gained claims since (a later
            // ingest resolved to it); it then stays, with its aliases, so nothing dangles.
            let in_use: bool = transaction.query_row(
                "SELECT EXISTS (SELECT 1 FROM claims WHERE speaker_id = ?1)
                     OR EXISTS (SELECT 1 FROM claim_corrections WHERE speaker_id = ?1)
                     OR EXISTS (SELECT 1 FROM speakers WHERE merged_into = ?1)",
                [speaker_id],
                |row| row.get(0),
            )?;
            if !in_use {
                transaction.execute(
                    "DELETE FROM speaker_aliases WHERE speaker_id = ?1",
                    [speaker_id],
                )?;
                transaction.execute("DELETE FROM speakers WHERE id = ?1", [speaker_id])?;
            }
        }
        RowImage::Speaker {
            speaker_id,
            row: Some(row),
        } => {
            transaction.execute(
                "INSERT INTO speakers (id, canonical_name, canonical_key, speaker_type, merged_into, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT(id) DO UPDATE SET
                     canonical_name = excluded.canonical_name,
                     canonical_key = excluded.canonical_key,
                     speaker_type = excluded.speaker_type,
                     merged_into = excluded.merged_into",
                params![
                    speaker_id,
                    row.canonical_name,
                    super::name_key(&row.canonical_name),
                    row.speaker_type,
                    row.merged_into,
                    row.created_at
                ],
            )?;
        }
        RowImage::Alias {
            alias_key,
            row: None,
        } => {
            transaction.execute(
                "DELETE FROM speaker_aliases WHERE alias_key = ?1",
                [alias_key],
            )?;
        }
        RowImage::Alias {
            alias_key,
            row: Some(row),
        } => {
            transaction.execute(
                "INSERT INTO speaker_aliases (alias_key, alias, speaker_id)
                 SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM speakers WHERE id = ?3)
                 ON CONFLICT(alias_key) DO UPDATE SET
                     alias = excluded.alias, speaker_id = excluded.speaker_id",
                params![alias_key, row.alias, row.speaker_id],
            )?;
        }
        RowImage::HumanClaim {
            claim_id,
            row: None,
        } => {
            transaction.execute(
                "DELETE FROM claims WHERE id = ?1 AND origin = 'human'",
                [claim_id],
            )?;
        }
        RowImage::HumanClaim {
            claim_id,
            row: Some(row),
        } => {
            insert_claim_row(transaction, Some(*claim_id), row)?;
        }
        RowImage::ArticleMetadata { article_id, row } => {
            let changed = transaction.execute(
                "UPDATE articles SET title = ?2, outlet = ?3, url = ?4, author = ?5, published = ?6
                 WHERE id = ?1",
                params![
                    article_id,
                    row.title,
                    row.outlet,
                    row.url,
                    row.author,
                    super::format_date(row.published)
                ],
            )?;
            if changed > 0 {
                // Claim dates are computed from the published date, so they must follow it.
                super::articles::reextract_in_transaction(transaction, *article_id)?;
            }
        }
    }
    Ok(())
}

/// Inserts a claim row, with a given id (redo of a human claim) or a fresh one.
pub(crate) fn insert_claim_row(
    transaction: &Transaction<'_>,
    id: Option<i64>,
    row: &ClaimRow,
) -> CoreResult<i64> {
    // Cached: ingest runs this once per claim.
    transaction
        .prepare_cached(
            "INSERT INTO claims
             (id, article_id, origin, kind, start_offset, end_offset, parts, text, mention,
              mention_start, mention_end, speaker_id, speaker_type, speaker_role, cue, cue_start,
              cue_end, said_on, confidence, no_longer_extracted, extracted_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                ?19, ?20, ?21
         WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?2)
         ON CONFLICT(id) DO NOTHING",
        )?
        .execute(params![
            id,
            row.article_id,
            row.origin,
            row.kind,
            row.start,
            row.end,
            row.parts,
            row.text,
            row.mention,
            row.mention_start,
            row.mention_end,
            row.speaker_id,
            row.speaker_type,
            row.speaker_role,
            row.cue,
            row.cue_start,
            row.cue_end,
            row.said_on,
            row.confidence,
            row.no_longer_extracted,
            row.extracted_at
        ])?;
    match id {
        Some(id) => Ok(id),
        None if transaction.changes() == 1 => Ok(transaction.last_insert_rowid()),
        None => Err(CoreError::NotFound {
            what: "article",
            id: row.article_id.to_string(),
        }),
    }
}

pub(crate) fn read_correction(
    transaction: &Transaction<'_>,
    claim_id: i64,
) -> CoreResult<Option<CorrectionRow>> {
    Ok(transaction
        .query_row(
            "SELECT speaker_id, kind, start_offset, end_offset, parts, text, status, reviewed_at,
                    updated_at
             FROM claim_corrections WHERE claim_id = ?1",
            [claim_id],
            |row| {
                Ok(CorrectionRow {
                    speaker_id: row.get(0)?,
                    kind: row.get(1)?,
                    start: row.get(2)?,
                    end: row.get(3)?,
                    parts: row.get(4)?,
                    text: row.get(5)?,
                    status: row.get(6)?,
                    reviewed_at: row.get(7)?,
                    updated_at: row.get(8)?,
                })
            },
        )
        .optional()?)
}

pub(crate) fn read_speaker(
    transaction: &Transaction<'_>,
    speaker_id: i64,
) -> CoreResult<Option<SpeakerRow>> {
    Ok(transaction
        .query_row(
            "SELECT canonical_name, speaker_type, merged_into, created_at FROM speakers WHERE id = ?1",
            [speaker_id],
            |row| {
                Ok(SpeakerRow {
                    canonical_name: row.get(0)?,
                    speaker_type: row.get(1)?,
                    merged_into: row.get(2)?,
                    created_at: row.get(3)?,
                })
            },
        )
        .optional()?)
}

pub(crate) fn read_alias(
    transaction: &Transaction<'_>,
    alias_key: &str,
) -> CoreResult<Option<AliasRow>> {
    Ok(transaction
        .query_row(
            "SELECT alias, speaker_id FROM speaker_aliases WHERE alias_key = ?1",
            [alias_key],
            |row| {
                Ok(AliasRow {
                    alias: row.get(0)?,
                    speaker_id: row.get(1)?,
                })
            },
        )
        .optional()?)
}

/// Applies a change's after images and records it as one undoable event. A new change
/// ends the redo chain, as in any editor.
pub(crate) fn apply_and_record(
    transaction: &Transaction<'_>,
    action: &str,
    summary: &str,
    subject: &EventSubject,
    changes: &ChangeSet,
) -> CoreResult<i64> {
    for image in &changes.after {
        apply_image(transaction, image)?;
    }
    record_event(transaction, action, summary, subject, changes, "applied")
}

/// Records an event. `state` is "applied" for undoable changes (whose images must already
/// be in the database) and "permanent" for events undo skips.
pub(crate) fn record_event(
    transaction: &Transaction<'_>,
    action: &str,
    summary: &str,
    subject: &EventSubject,
    changes: &ChangeSet,
    state: &str,
) -> CoreResult<i64> {
    if state == "applied" {
        transaction.execute(
            "UPDATE history SET state = 'discarded' WHERE state = 'undone'",
            [],
        )?;
    }
    transaction.execute(
        "INSERT INTO history (at, action, summary, article_id, claim_id, speaker_id, before, after, state)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            now_timestamp(),
            action,
            summary,
            subject.article_id,
            subject.claim_id,
            subject.speaker_id,
            to_json(&changes.before)?,
            to_json(&changes.after)?,
            state
        ],
    )?;
    Ok(transaction.last_insert_rowid())
}

fn to_json(images: &[RowImage]) -> CoreResult<String> {
    serde_json::to_string(images).map_err(|error| {
        CoreError::InvalidInput(format!("history images could not be encoded: {error}"))
    })
}

fn from_json(text: &str, event_id: i64) -> CoreResult<Vec<RowImage>> {
    serde_json::from_str(text).map_err(|error| {
        CoreError::InvalidInput(format!(
            "history event {event_id} holds unreadable row images: {error}"
        ))
    })
}

const HISTORY_COLUMNS: &str =
    "id, at, action, summary, article_id, claim_id, speaker_id, state, target_id, before, after";

fn history_entry_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<HistoryEntry> {
    let before: String = row.get(9)?;
    let after: String = row.get(10)?;
    Ok(HistoryEntry {
        id: row.get(0)?,
        at: row.get(1)?,
        action: row.get(2)?,
        summary: row.get(3)?,
        article_id: row.get(4)?,
        claim_id: row.get(5)?,
        speaker_id: row.get(6)?,
        state: row.get(7)?,
        target_id: row.get(8)?,
        before: serde_json::from_str(&before).unwrap_or(serde_json::Value::Null),
        after: serde_json::from_str(&after).unwrap_or(serde_json::Value::Null),
    })
}

fn read_history_entry(transaction: &Transaction<'_>, id: i64) -> CoreResult<HistoryEntry> {
    Ok(transaction.query_row(
        &format!("SELECT {HISTORY_COLUMNS} FROM history WHERE id = ?1"),
        [id],
        history_entry_from_row,
    )?)
}

impl Store {
    /// Reverts the newest applied change and records that it did. Returns the change as it
    /// now stands (state "undone"). `CoreError::NothingToUndo` when there is none.
    pub fn undo(&mut self) -> CoreResult<HistoryEntry> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let target: Option<(i64, String, String)> = transaction
            .query_row(
                "SELECT id, summary, before FROM history WHERE state = 'applied'
                 ORDER BY id DESC LIMIT 1",
                [],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()?;
        let Some((target_id, summary, before)) = target else {
            return Err(CoreError::NothingToUndo("undo"));
        };
        for image in from_json(&before, target_id)?.iter().rev() {
            apply_image(&transaction, image)?;
        }
        transaction.execute(
            "UPDATE history SET state = 'undone' WHERE id = ?1",
            [target_id],
        )?;
        record_bookkeeping(&transaction, "undo", &summary, target_id)?;
        let entry = read_history_entry(&transaction, target_id)?;
        transaction.commit()?;
        Ok(entry)
    }

    /// Re-applies the most recently undone change. `CoreError::NothingToUndo` when nothing
    /// was undone since the last change.
    pub fn redo(&mut self) -> CoreResult<HistoryEntry> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let target: Option<(i64, String, String)> = transaction
            .query_row(
                "SELECT change.id, change.summary, change.after
                 FROM history AS record JOIN history AS change ON change.id = record.target_id
                 WHERE record.action = 'undo' AND change.state = 'undone'
                 ORDER BY record.id DESC LIMIT 1",
                [],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()?;
        let Some((target_id, summary, after)) = target else {
            return Err(CoreError::NothingToUndo("redo"));
        };
        for image in &from_json(&after, target_id)? {
            apply_image(&transaction, image)?;
        }
        transaction.execute(
            "UPDATE history SET state = 'applied' WHERE id = ?1",
            [target_id],
        )?;
        record_bookkeeping(&transaction, "redo", &summary, target_id)?;
        let entry = read_history_entry(&transaction, target_id)?;
        transaction.commit()?;
        Ok(entry)
    }

    /// History events, newest first.
    pub fn list_history(&self, limit: u32, offset: u32) -> CoreResult<Vec<HistoryEntry>> {
        let mut statement = self.connection.prepare(&format!(
            "SELECT {HISTORY_COLUMNS} FROM history ORDER BY id DESC LIMIT ?1 OFFSET ?2"
        ))?;
        let entries = statement
            .query_map(params![limit, offset], history_entry_from_row)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(entries)
    }
}

fn record_bookkeeping(
    transaction: &Transaction<'_>,
    action: &str,
    summary: &str,
    target_id: i64,
) -> CoreResult<()> {
    transaction.execute(
        "INSERT INTO history (at, action, summary, article_id, claim_id, speaker_id, state, target_id)
         SELECT ?1, ?2, ?3, article_id, claim_id, speaker_id, 'permanent', id
         FROM history WHERE id = ?4",
        params![now_timestamp(), action, format!("{action}: {summary}"), target_id],
    )?;
    Ok(())
}
