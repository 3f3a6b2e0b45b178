//! The analyst's review actions on claims. Each validates its input first, then runs as one
//! transaction that writes `claim_corrections` (never the machine's `claims` columns) and
//! appends one undoable history event.

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior};

use super::articles::{parts_json, span_fits};
use super::history::{self, ChangeSet, ClaimRow, CorrectionRow, EventSubject, RowImage};
use super::speakers::resolve_or_create_speaker;
use super::types::ReviewStatus;
use super::{format_date, now_timestamp, parse_date, Store};
use crate::error::{CoreError, CoreResult};
use crate::model::{ByteSpan, ClaimKind, SpeakerType};

fn require_claim(transaction: &Transaction<'_>, claim_id: i64) -> CoreResult<i64> {
    transaction
        .query_row(
            "SELECT article_id FROM claims WHERE id = ?1",
            [claim_id],
            |row| row.get(0),
        )
        .optional()?
        .ok_or_else(|| CoreError::NotFound {
            what: "claim",
            id: claim_id.to_string(),
        })
}

fn article_text(transaction: &Transaction<'_>, article_id: i64) -> CoreResult<String> {
    transaction
        .query_row(
            "SELECT text FROM articles WHERE id = ?1",
            [article_id],
            |row| row.get(0),
        )
        .optional()?
        .ok_or_else(|| CoreError::NotFound {
            what: "article",
            id: article_id.to_string(),
        })
}

/// Checks an analyst-given span against the article text and returns the text it covers.
fn validate_span(text: &str, start: usize, end: usize) -> CoreResult<String> {
    if start >= end {
        return Err(CoreError::InvalidInput(format!(
            "the span {start}..{end} is empty or reversed; the end must be after the start"
        )));
    }
    if end > text.len() {
        return Err(CoreError::InvalidInput(format!(
            "the span {start}..{end} runs past the end of the article text ({} bytes)",
            text.len()
        )));
    }
    for offset in [start, end] {
        if !text.is_char_boundary(offset) {
            return Err(CoreError::InvalidInput(format!(
                "offset {offset} falls inside a multi-byte character; spans are byte offsets on character boundaries"
            )));
        }
    }
    let covered = &text[start..end];
    if covered.trim().is_empty() {
        return Err(CoreError::InvalidInput(format!(
            "the span {start}..{end} covers only whitespace"
        )));
    }
    debug_assert!(span_fits(text, ByteSpan::new(start, end)));
    Ok(covered.to_string())
}

/// The correction row a change starts from: the existing one, or a fresh pending one.
fn correction_to_edit(before: &Option<CorrectionRow>) -> CorrectionRow {
    let mut row = before.clone().unwrap_or_else(|| CorrectionRow {
        status: "pending".into(),
        ..Default::default()
    });
    row.updated_at = now_timestamp();
    row
}

/// Sets the status on a correction row; verified and rejected record when, pending clears it.
fn apply_status(row: &mut CorrectionRow, status: ReviewStatus) {
    row.status = status.as_str().into();
    row.reviewed_at = match status {
        ReviewStatus::Pending => None,
        ReviewStatus::Verified | ReviewStatus::Rejected => Some(row.updated_at.clone()),
    };
}

/// Writes one correction change and its history event: reads the claim's correction row
/// (or starts a pending one), lets `edit` change it, and records both images after any
/// `changes` the action made first (a speaker it created). Every review action on an
/// existing claim goes through here, so all of them are undone the same way.
fn record_correction_edit(
    transaction: &Transaction<'_>,
    claim_id: i64,
    mut changes: ChangeSet,
    action: &str,
    description: &str,
    subject: EventSubject,
    edit: impl FnOnce(&mut CorrectionRow),
) -> CoreResult<()> {
    let before = history::read_correction(transaction, claim_id)?;
    push_correction_change(&mut changes, claim_id, before, edit);
    history::apply_and_record(transaction, action, description, &subject, &changes)?;
    Ok(())
}

/// Adds to `changes` the edit of one claim's correction row: its image before (`None` when
/// the claim had none) and after `edit` changed it (or a fresh pending row).
fn push_correction_change(
    changes: &mut ChangeSet,
    claim_id: i64,
    before: Option<CorrectionRow>,
    edit: impl FnOnce(&mut CorrectionRow),
) {
    let mut after = correction_to_edit(&before);
    edit(&mut after);
    changes.push(
        RowImage::Correction {
            claim_id,
            row: before,
        },
        RowImage::Correction {
            claim_id,
            row: Some(after),
        },
    );
}

impl Store {
    /// Sets a claim's review status. Verified and rejected record when; pending clears it.
    pub fn set_status(&mut self, claim_id: i64, status: ReviewStatus) -> CoreResult<()> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let article_id = require_claim(&transaction, claim_id)?;
        record_correction_edit(
            &transaction,
            claim_id,
            ChangeSet::default(),
            "set_status",
            &format!("marked claim {claim_id} {status}"),
            EventSubject {
                article_id: Some(article_id),
                claim_id: Some(claim_id),
                speaker_id: None,
            },
            |after| apply_status(after, status),
        )?;
        transaction.commit()?;
        Ok(())
    }

    /// Sets the review status of many claims as one change: one history event, so a bulk
    /// verify in the claims table is undone by one undo. Claims already in `status` are
    /// left out of the event. Returns how many claims changed.
    pub fn set_status_many(
        &mut self,
        claim_ids: &[i64],
        status: ReviewStatus,
    ) -> CoreResult<usize> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut changes = ChangeSet::default();
        let mut article_ids = std::collections::BTreeSet::new();
        let mut seen = std::collections::HashSet::new();
        for &claim_id in claim_ids {
            if !seen.insert(claim_id) {
                continue;
            }
            article_ids.insert(require_claim(&transaction, claim_id)?);
            let before = history::read_correction(&transaction, claim_id)?;
            let current = before.as_ref().map_or("pending", |row| row.status.as_str());
            if current == status.as_str() {
                continue;
            }
            push_correction_change(&mut changes, claim_id, before, |after| {
                apply_status(after, status)
            });
        }
        let changed = changes.after.len();
        if changed == 0 {
            return Ok(0);
        }
        // The event names its article only when every claim belongs to the same one.
        let article_id = match article_ids.len() {
            1 => article_ids.first().copied(),
            _ => None,
        };
        history::apply_and_record(
            &transaction,
            "set_status_many",
            &format!("marked {changed} claims {status}"),
            &EventSubject {
                article_id,
                claim_id: None,
                speaker_id: None,
            },
            &changes,
        )?;
        transaction.commit()?;
        Ok(changed)
    }

    /// Attributes a claim to the speaker `name` resolves to (case-insensitively, through
    /// aliases), creating that speaker if it is new. Returns the speaker's id.
    pub fn correct_speaker(&mut self, claim_id: i64, name: &str) -> CoreResult<i64> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let article_id = require_claim(&transaction, claim_id)?;
        let mut changes = ChangeSet::default();
        let speaker_id = resolve_or_create_speaker(
            &transaction,
            name,
            SpeakerType::Unknown,
            Some(&mut changes),
        )?;
        record_correction_edit(
            &transaction,
            claim_id,
            changes,
            "correct_speaker",
            &format!(
                "attributed claim {claim_id} to `{}`",
                super::tidy_name(name)
            ),
            EventSubject {
                article_id: Some(article_id),
                claim_id: Some(claim_id),
                speaker_id: Some(speaker_id),
            },
            |after| after.speaker_id = Some(speaker_id),
        )?;
        transaction.commit()?;
        Ok(speaker_id)
    }

    /// Replaces a claim's content span with `start..end` (byte offsets into the article
    /// text, on character boundaries, not empty or whitespace only).
    pub fn correct_span(&mut self, claim_id: i64, start: usize, end: usize) -> CoreResult<()> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let article_id = require_claim(&transaction, claim_id)?;
        let covered = validate_span(&article_text(&transaction, article_id)?, start, end)?;
        record_correction_edit(
            &transaction,
            claim_id,
            ChangeSet::default(),
            "correct_span",
            &format!("set the span of claim {claim_id} to {start}..{end}"),
            EventSubject {
                article_id: Some(article_id),
                claim_id: Some(claim_id),
                speaker_id: None,
            },
            |after| {
                after.start = Some(start as i64);
                after.end = Some(end as i64);
                after.parts = Some(parts_json(&[ByteSpan::new(start, end)]));
                after.text = Some(covered);
            },
        )?;
        transaction.commit()?;
        Ok(())
    }

    /// Overrides a claim's kind (direct, mixed, indirect).
    pub fn correct_kind(&mut self, claim_id: i64, kind: ClaimKind) -> CoreResult<()> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let article_id = require_claim(&transaction, claim_id)?;
        record_correction_edit(
            &transaction,
            claim_id,
            ChangeSet::default(),
            "correct_kind",
            &format!("set the kind of claim {claim_id} to {kind}"),
            EventSubject {
                article_id: Some(article_id),
                claim_id: Some(claim_id),
                speaker_id: None,
            },
            |after| after.kind = Some(kind.as_str().into()),
        )?;
        transaction.commit()?;
        Ok(())
    }

    /// Adds a claim the extractor missed, from a span of the article text, optionally with
    /// a speaker name. Re-extraction never touches it. Returns the new claim's id.
    pub fn add_claim(
        &mut self,
        article_id: i64,
        start: usize,
        end: usize,
        kind: ClaimKind,
        speaker: Option<&str>,
    ) -> CoreResult<i64> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let text = article_text(&transaction, article_id)?;
        let covered = validate_span(&text, start, end)?;
        let published: Option<String> = transaction.query_row(
            "SELECT published FROM articles WHERE id = ?1",
            [article_id],
            |row| row.get(0),
        )?;
        let mut changes = ChangeSet::default();
        let speaker_id = match speaker.filter(|name| !name.trim().is_empty()) {
            Some(name) => Some(resolve_or_create_speaker(
                &transaction,
                name,
                SpeakerType::Unknown,
                Some(&mut changes),
            )?),
            None => None,
        };
        let speaker_type: String = match speaker_id {
            Some(id) => transaction.query_row(
                "SELECT speaker_type FROM speakers WHERE id = ?1",
                [id],
                |row| row.get(0),
            )?,
            None => "unknown".into(),
        };
        let row = ClaimRow {
            article_id,
            origin: "human".into(),
            kind: kind.as_str().into(),
            start: start as i64,
            end: end as i64,
            parts: parts_json(&[ByteSpan::new(start, end)]),
            text: covered,
            mention: None,
            mention_start: None,
            mention_end: None,
            speaker_id,
            speaker_type,
            speaker_role: None,
            cue: None,
            cue_start: None,
            cue_end: None,
            // Without a cue to date it, the best guess for when it was said is the
            // article's own date.
            said_on: format_date(parse_date(published)),
            confidence: 1.0,
            no_longer_extracted: false,
            extracted_at: now_timestamp(),
        };
        let claim_id = history::insert_claim_row(&transaction, None, &row)?;
        changes.push(
            RowImage::HumanClaim {
                claim_id,
                row: None,
            },
            RowImage::HumanClaim {
                claim_id,
                row: Some(row),
            },
        );
        history::apply_and_record(
            &transaction,
            "add_claim",
            &format!("added claim {claim_id} to article {article_id} at {start}..{end}"),
            &EventSubject {
                article_id: Some(article_id),
                claim_id: Some(claim_id),
                speaker_id,
            },
            &changes,
        )?;
        transaction.commit()?;
        Ok(claim_id)
    }
}
