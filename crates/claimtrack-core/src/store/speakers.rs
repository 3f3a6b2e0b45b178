//! Speakers and their aliases: resolving a name to one speaker row (creating it on first
//! sight), renaming and merging. Names match through `speaker_aliases`, case-insensitively,
//! so a merged speaker's old names keep landing on the surviving speaker.

use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};

use super::history::{self, AliasRow, ChangeSet, EventSubject, RowImage, SpeakerRow};
use super::{name_key, now_timestamp, tidy_name, Store};
use crate::error::{CoreError, CoreResult};
use crate::model::SpeakerType;

/// The active (not merged away) speaker a name resolves to, if any.
pub(crate) fn find_speaker_by_name(
    transaction: &rusqlite::Connection,
    name: &str,
) -> CoreResult<Option<i64>> {
    let key = name_key(name);
    if key.is_empty() {
        return Ok(None);
    }
    // Cached statements: ingest resolves a name for every claim.
    let through_alias: Option<i64> = transaction
        .prepare_cached("SELECT speaker_id FROM speaker_aliases WHERE alias_key = ?1")?
        .query_row([&key], |row| row.get(0))
        .optional()?;
    if let Some(id) = through_alias {
        return Ok(Some(follow_merges(transaction, id)?));
    }
    // A speaker whose alias rows were lost (an undo that had to keep a speaker in use)
    // is still found by its canonical name.
    Ok(transaction
        .prepare_cached(
            "SELECT id FROM speakers WHERE canonical_key = ?1 AND merged_into IS NULL ORDER BY id LIMIT 1",
        )?
        .query_row([&key], |row| row.get(0))
        .optional()?)
}

/// A merged speaker's survivor (following chains of merges).
fn follow_merges(connection: &rusqlite::Connection, mut id: i64) -> CoreResult<i64> {
    for _ in 0..64 {
        let next: Option<i64> = connection
            .prepare_cached("SELECT merged_into FROM speakers WHERE id = ?1")?
            .query_row([id], |row| row.get(0))
            .optional()?
            .flatten();
        match next {
            Some(next) => id = next,
            None => return Ok(id),
        }
    }
    Ok(id)
}

/// Resolves `name` to a speaker, creating the speaker (and an alias for its own name) on
/// first sight. With `changes`, the creation is recorded as row images so an undo of the
/// enclosing action removes the speaker again; machine ingest passes `None`.
pub(crate) fn resolve_or_create_speaker(
    transaction: &Transaction<'_>,
    name: &str,
    speaker_type: SpeakerType,
    changes: Option<&mut ChangeSet>,
) -> CoreResult<i64> {
    let name = tidy_name(name);
    if name.is_empty() {
        return Err(CoreError::InvalidInput(
            "a speaker name cannot be empty".into(),
        ));
    }
    if let Some(id) = find_speaker_by_name(transaction, &name)? {
        if speaker_type != SpeakerType::Unknown {
            // The first sighting may have come from a human, who gives no type; the
            // extractor's type then fills it in. Machine-only, so no history needed.
            transaction
                .prepare_cached("UPDATE speakers SET speaker_type = ?2 WHERE id = ?1 AND speaker_type = 'unknown'")?
                .execute(params![id, speaker_type.as_str()])?;
        }
        return Ok(id);
    }
    let row = SpeakerRow {
        canonical_name: name.clone(),
        speaker_type: speaker_type.as_str().to_string(),
        merged_into: None,
        created_at: now_timestamp(),
    };
    transaction.execute(
        "INSERT INTO speakers (canonical_name, canonical_key, speaker_type, created_at)
         VALUES (?1, ?2, ?3, ?4)",
        params![
            row.canonical_name,
            name_key(&row.canonical_name),
            row.speaker_type,
            row.created_at
        ],
    )?;
    let id = transaction.last_insert_rowid();
    let key = name_key(&name);
    let alias = AliasRow {
        alias: name.clone(),
        speaker_id: id,
    };
    transaction.execute(
        "INSERT INTO speaker_aliases (alias_key, alias, speaker_id) VALUES (?1, ?2, ?3)",
        params![key, alias.alias, id],
    )?;
    if let Some(changes) = changes {
        changes.push(
            RowImage::Speaker {
                speaker_id: id,
                row: None,
            },
            RowImage::Speaker {
                speaker_id: id,
                row: Some(row),
            },
        );
        changes.push(
            RowImage::Alias {
                alias_key: key.clone(),
                row: None,
            },
            RowImage::Alias {
                alias_key: key,
                row: Some(alias),
            },
        );
    }
    Ok(id)
}

pub(crate) fn require_active_speaker(
    transaction: &Transaction<'_>,
    speaker_id: i64,
) -> CoreResult<SpeakerRow> {
    match history::read_speaker(transaction, speaker_id)? {
        Some(row) if row.merged_into.is_none() => Ok(row),
        Some(row) => Err(CoreError::InvalidInput(format!(
            "speaker {speaker_id} ({}) was merged into speaker {}",
            row.canonical_name,
            row.merged_into.unwrap_or_default()
        ))),
        None => Err(CoreError::NotFound {
            what: "speaker",
            id: speaker_id.to_string(),
        }),
    }
}

impl Store {
    /// The id of the active speaker `name` resolves to (case-insensitive, through aliases).
    pub fn find_speaker(&self, name: &str) -> CoreResult<Option<i64>> {
        find_speaker_by_name(&self.connection, name)
    }

    /// Gives a speaker a new canonical name. The old name stays an alias, so articles that
    /// still say it keep landing here. Fails if the new name already belongs to another
    /// speaker: that is a merge, not a rename.
    pub fn rename_speaker(&mut self, speaker_id: i64, new_name: &str) -> CoreResult<()> {
        let new_name = tidy_name(new_name);
        if new_name.is_empty() {
            return Err(CoreError::InvalidInput(
                "a speaker name cannot be empty".into(),
            ));
        }
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let before = require_active_speaker(&transaction, speaker_id)?;
        let key = name_key(&new_name);
        let existing_alias = history::read_alias(&transaction, &key)?;
        if let Some(alias) = &existing_alias {
            if follow_merges(&transaction, alias.speaker_id)? != speaker_id {
                return Err(CoreError::InvalidInput(format!(
                    "`{new_name}` already names speaker {}; merge the two speakers instead",
                    alias.speaker_id
                )));
            }
        }
        if before.canonical_name == new_name {
            return Err(CoreError::InvalidInput(format!(
                "speaker {speaker_id} is already named `{new_name}`"
            )));
        }
        let mut changes = ChangeSet::default();
        let after = SpeakerRow {
            canonical_name: new_name.clone(),
            ..before.clone()
        };
        changes.push(
            RowImage::Speaker {
                speaker_id,
                row: Some(before.clone()),
            },
            RowImage::Speaker {
                speaker_id,
                row: Some(after),
            },
        );
        changes.push(
            RowImage::Alias {
                alias_key: key.clone(),
                row: existing_alias,
            },
            RowImage::Alias {
                alias_key: key,
                row: Some(AliasRow {
                    alias: new_name.clone(),
                    speaker_id,
                }),
            },
        );
        history::apply_and_record(
            &transaction,
            "rename_speaker",
            &format!(
                "renamed speaker {speaker_id} from `{}` to `{new_name}`",
                before.canonical_name
            ),
            &EventSubject {
                speaker_id: Some(speaker_id),
                ..Default::default()
            },
            &changes,
        )?;
        transaction.commit()?;
        Ok(())
    }

    /// Merges speaker `from` into `into`: every claim (machine and corrected) and every
    /// alias of `from` moves to `into`, and `from` disappears from lists. One undo restores
    /// everything the merge moved.
    pub fn merge_speakers(&mut self, from: i64, into: i64) -> CoreResult<()> {
        if from == into {
            return Err(CoreError::InvalidInput(
                "a speaker cannot be merged into itself".into(),
            ));
        }
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let from_row = require_active_speaker(&transaction, from)?;
        let into_row = require_active_speaker(&transaction, into)?;
        let mut changes = ChangeSet::default();

        let machine_claims: Vec<i64> = transaction
            .prepare("SELECT id FROM claims WHERE speaker_id = ?1 ORDER BY id")?
            .query_map([from], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        for claim_id in machine_claims {
            changes.push(
                RowImage::ClaimSpeaker {
                    claim_id,
                    speaker_id: Some(from),
                },
                RowImage::ClaimSpeaker {
                    claim_id,
                    speaker_id: Some(into),
                },
            );
        }
        let corrected_claims: Vec<i64> = transaction
            .prepare(
                "SELECT claim_id FROM claim_corrections WHERE speaker_id = ?1 ORDER BY claim_id",
            )?
            .query_map([from], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        for claim_id in corrected_claims {
            let before = history::read_correction(&transaction, claim_id)?;
            let after = before.clone().map(|row| history::CorrectionRow {
                speaker_id: Some(into),
                updated_at: now_timestamp(),
                ..row
            });
            changes.push(
                RowImage::Correction {
                    claim_id,
                    row: before,
                },
                RowImage::Correction {
                    claim_id,
                    row: after,
                },
            );
        }
        let aliases: Vec<(String, String)> = transaction
            .prepare("SELECT alias_key, alias FROM speaker_aliases WHERE speaker_id = ?1 ORDER BY alias_key")?
            .query_map([from], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<_, _>>()?;
        for (alias_key, alias) in aliases {
            changes.push(
                RowImage::Alias {
                    alias_key: alias_key.clone(),
                    row: Some(AliasRow {
                        alias: alias.clone(),
                        speaker_id: from,
                    }),
                },
                RowImage::Alias {
                    alias_key,
                    row: Some(AliasRow {
                        alias,
                        speaker_id: into,
                    }),
                },
            );
        }
        let mut into_after = into_row.clone();
        if into_after.speaker_type == "unknown" {
            into_after.speaker_type = from_row.speaker_type.clone();
        }
        changes.push(
            RowImage::Speaker {
                speaker_id: into,
                row: Some(into_row.clone()),
            },
            RowImage::Speaker {
                speaker_id: into,
                row: Some(into_after),
            },
        );
        changes.push(
            RowImage::Speaker {
                speaker_id: from,
                row: Some(from_row.clone()),
            },
            RowImage::Speaker {
                speaker_id: from,
                row: Some(SpeakerRow {
                    merged_into: Some(into),
                    ..from_row.clone()
                }),
            },
        );
        history::apply_and_record(
            &transaction,
            "merge_speakers",
            &format!(
                "merged speaker {from} (`{}`) into speaker {into} (`{}`)",
                from_row.canonical_name, into_row.canonical_name
            ),
            &EventSubject {
                speaker_id: Some(into),
                ..Default::default()
            },
            &changes,
        )?;
        transaction.commit()?;
        Ok(())
    }
}
