//! Articles in the store: ingest (store the text once, extract its claims), re-extraction
//! that keeps claim ids and never touches human decisions, and metadata edits.

use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};
use sha2::{Digest, Sha256};

use super::history::{self, ChangeSet, ClaimRow, EventSubject, RowImage};
use super::speakers::resolve_or_create_speaker;
use super::types::{ArticleMetadata, IngestOutcome, ReextractReport};
use super::{format_date, now_timestamp, parse_date, Store};
use crate::error::{CoreError, CoreResult};
use crate::ingest::{ArticleDraft, MAX_ARTICLE_BYTES};
use crate::model::{ByteSpan, ExtractedClaim};

/// The SHA-256 of the stored text, lower-case hex: the identity of an article's content.
pub fn content_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// True when `span` can index `text`: non-empty, inside it, on character boundaries.
pub(crate) fn span_fits(text: &str, span: ByteSpan) -> bool {
    span.start < span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// Extraction guarantees valid spans; a claim that breaks that promise is dropped rather
/// than stored, so nothing downstream can slice out of bounds.
fn usable_claims(text: &str, claims: Vec<ExtractedClaim>) -> Vec<ExtractedClaim> {
    claims
        .into_iter()
        .filter(|claim| {
            span_fits(text, claim.span) && claim.parts.iter().all(|part| span_fits(text, *part))
        })
        .collect()
}

pub(crate) fn parts_json(parts: &[ByteSpan]) -> String {
    let pairs: Vec<[usize; 2]> = parts.iter().map(|part| [part.start, part.end]).collect();
    serde_json::to_string(&pairs).unwrap_or_else(|_| "[]".into())
}

fn machine_claim_row(
    transaction: &Transaction<'_>,
    article_id: i64,
    claim: &ExtractedClaim,
    extracted_at: &str,
) -> CoreResult<ClaimRow> {
    let speaker_id = match &claim.speaker {
        Some(name) if !name.trim().is_empty() => Some(resolve_or_create_speaker(
            transaction,
            name,
            claim.speaker_type,
            None,
        )?),
        _ => None,
    };
    let parts = if claim.parts.is_empty() {
        vec![claim.span]
    } else {
        claim.parts.clone()
    };
    Ok(ClaimRow {
        article_id,
        origin: "machine".into(),
        kind: claim.kind.as_str().into(),
        start: claim.span.start as i64,
        end: claim.span.end as i64,
        parts: parts_json(&parts),
        text: claim.text.clone(),
        mention: claim.mention.as_ref().map(|mention| mention.text.clone()),
        mention_start: claim
            .mention
            .as_ref()
            .map(|mention| mention.span.start as i64),
        mention_end: claim
            .mention
            .as_ref()
            .map(|mention| mention.span.end as i64),
        speaker_id,
        speaker_type: claim.speaker_type.as_str().into(),
        speaker_role: claim.speaker_role.clone(),
        cue: claim.cue.clone(),
        cue_start: claim.cue_span.map(|span| span.start as i64),
        cue_end: claim.cue_span.map(|span| span.end as i64),
        said_on: format_date(claim.said_on),
        confidence: f64::from(claim.confidence),
        no_longer_extracted: false,
        extracted_at: extracted_at.to_string(),
    })
}

/// Rewrites a kept machine claim's machine columns in place; its id, and so its
/// corrections and history, stay.
fn update_machine_claim(
    transaction: &Transaction<'_>,
    claim_id: i64,
    row: &ClaimRow,
) -> CoreResult<()> {
    transaction.execute(
        "UPDATE claims SET kind = ?2, start_offset = ?3, end_offset = ?4, parts = ?5, text = ?6,
             mention = ?7, mention_start = ?8, mention_end = ?9, speaker_id = ?10,
             speaker_type = ?11, speaker_role = ?12, cue = ?13, cue_start = ?14, cue_end = ?15,
             said_on = ?16, confidence = ?17, no_longer_extracted = 0, extracted_at = ?18
         WHERE id = ?1",
        params![
            claim_id,
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
            row.extracted_at
        ],
    )?;
    Ok(())
}

struct ExistingMachineClaim {
    id: i64,
    kind: String,
    span: ByteSpan,
    reviewed: bool,
}

/// Re-runs extraction on a stored article inside the caller's transaction.
///
/// A new claim keeps the id of an existing machine claim with exactly the same span, or
/// failing that of one with the same kind whose span overlaps it most. Machine claims not
/// produced again are deleted, unless a human touched them (a correction row exists): those
/// are kept and flagged `no_longer_extracted`. Human-added claims are never looked at.
pub(crate) fn reextract_in_transaction(
    transaction: &Transaction<'_>,
    article_id: i64,
) -> CoreResult<ReextractReport> {
    let (text, published): (String, Option<String>) = transaction
        .query_row(
            "SELECT text, published FROM articles WHERE id = ?1",
            [article_id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| CoreError::NotFound {
            what: "article",
            id: article_id.to_string(),
        })?;
    let extraction = crate::extract::extract_claims(&text, parse_date(published));
    let fresh = usable_claims(&text, extraction.claims);

    let existing: Vec<ExistingMachineClaim> = transaction
        .prepare(
            "SELECT c.id, c.kind, c.start_offset, c.end_offset, k.claim_id IS NOT NULL
             FROM claims c LEFT JOIN claim_corrections k ON k.claim_id = c.id
             WHERE c.article_id = ?1 AND c.origin = 'machine' ORDER BY c.start_offset, c.id",
        )?
        .query_map([article_id], |row| {
            Ok(ExistingMachineClaim {
                id: row.get(0)?,
                kind: row.get(1)?,
                span: ByteSpan::new(
                    row.get::<_, i64>(2)? as usize,
                    row.get::<_, i64>(3)? as usize,
                ),
                reviewed: row.get(4)?,
            })
        })?
        .collect::<Result<_, _>>()?;

    // Exact span matches are settled first so that an overlap match cannot steal a claim
    // that another new claim reproduces exactly.
    let mut match_for_fresh: Vec<Option<usize>> = vec![None; fresh.len()];
    let mut taken = vec![false; existing.len()];
    for (fresh_index, claim) in fresh.iter().enumerate() {
        if let Some(index) =
            (0..existing.len()).find(|&index| !taken[index] && existing[index].span == claim.span)
        {
            taken[index] = true;
            match_for_fresh[fresh_index] = Some(index);
        }
    }
    for (fresh_index, claim) in fresh.iter().enumerate() {
        if match_for_fresh[fresh_index].is_some() {
            continue;
        }
        let best = (0..existing.len())
            .filter(|&index| {
                !taken[index]
                    && existing[index].kind == claim.kind.as_str()
                    && existing[index].span.overlaps(claim.span)
            })
            .max_by_key(|&index| {
                let span = existing[index].span;
                span.end.min(claim.span.end) - span.start.max(claim.span.start)
            });
        if let Some(index) = best {
            taken[index] = true;
            match_for_fresh[fresh_index] = Some(index);
        }
    }

    let extracted_at = now_timestamp();
    let mut report = ReextractReport {
        article_id,
        ..Default::default()
    };
    for (claim, matched) in fresh.iter().zip(&match_for_fresh) {
        let row = machine_claim_row(transaction, article_id, claim, &extracted_at)?;
        match matched {
            Some(index) => {
                update_machine_claim(transaction, existing[*index].id, &row)?;
                report.kept += 1;
            }
            None => {
                history::insert_claim_row(transaction, None, &row)?;
                report.added += 1;
            }
        }
    }
    for (claim, taken) in existing.iter().zip(&taken) {
        if *taken {
            continue;
        }
        if claim.reviewed {
            transaction.execute(
                "UPDATE claims SET no_longer_extracted = 1 WHERE id = ?1",
                [claim.id],
            )?;
            report.flagged += 1;
        } else {
            transaction.execute("DELETE FROM claims WHERE id = ?1", [claim.id])?;
            report.removed += 1;
        }
    }
    Ok(report)
}

fn tidy_optional(value: &Option<String>) -> Option<String> {
    value
        .as_ref()
        .map(|value| value.trim().to_string())
        .filter(|value| !value.is_empty())
}

impl Store {
    /// Stores an article and its extracted claims. The same text (same SHA-256) stored
    /// before is a no-op reported as [`IngestOutcome::AlreadyStored`].
    pub fn ingest(&mut self, draft: &ArticleDraft) -> CoreResult<IngestOutcome> {
        let title = draft.title.trim();
        if title.is_empty() {
            return Err(CoreError::InvalidInput("an article needs a title".into()));
        }
        if draft.text.trim().is_empty() {
            return Err(CoreError::InvalidInput("the article text is empty".into()));
        }
        if draft.text.len() > MAX_ARTICLE_BYTES {
            return Err(CoreError::InvalidInput(format!(
                "the article text is {} bytes; the limit is {} bytes",
                draft.text.len(),
                MAX_ARTICLE_BYTES
            )));
        }
        let hash = content_hash(&draft.text);
        if let Some(article_id) = self.article_id_by_hash(&hash)? {
            return Ok(IngestOutcome::AlreadyStored { article_id });
        }
        // Extraction is pure and may take a while on a long text, so it runs before the
        // write lock is taken.
        let extraction = crate::extract::extract_claims(&draft.text, draft.published);
        let claims = usable_claims(&draft.text, extraction.claims);

        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let ingested_at = now_timestamp();
        let inserted = transaction.execute(
            "INSERT INTO articles (title, outlet, url, author, published, source_path, text,
                                   content_hash, ingested_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT(content_hash) DO NOTHING",
            params![
                title,
                tidy_optional(&draft.outlet),
                tidy_optional(&draft.url),
                tidy_optional(&draft.author),
                format_date(draft.published),
                draft.source_path,
                draft.text,
                hash,
                ingested_at
            ],
        )?;
        if inserted == 0 {
            // Another process stored the same text between the check and the lock.
            let article_id: i64 = transaction.query_row(
                "SELECT id FROM articles WHERE content_hash = ?1",
                [&hash],
                |row| row.get(0),
            )?;
            return Ok(IngestOutcome::AlreadyStored { article_id });
        }
        let article_id = transaction.last_insert_rowid();
        for claim in &claims {
            let row = machine_claim_row(&transaction, article_id, claim, &ingested_at)?;
            history::insert_claim_row(&transaction, None, &row)?;
        }
        history::record_event(
            &transaction,
            "ingest",
            &format!(
                "ingested article {article_id} `{title}` with {} claims",
                claims.len()
            ),
            &EventSubject {
                article_id: Some(article_id),
                ..Default::default()
            },
            &ChangeSet::default(),
            "permanent",
        )?;
        transaction.commit()?;
        Ok(IngestOutcome::Inserted {
            article_id,
            claims: claims.len(),
        })
    }

    fn article_id_by_hash(&self, hash: &str) -> CoreResult<Option<i64>> {
        Ok(self
            .connection
            .query_row(
                "SELECT id FROM articles WHERE content_hash = ?1",
                [hash],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// Re-runs extraction on one article (after an extractor update, say). Corrections and
    /// human-added claims survive; see the matching rules on the module's helper.
    pub fn reextract_article(&mut self, article_id: i64) -> CoreResult<ReextractReport> {
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let report = reextract_in_transaction(&transaction, article_id)?;
        history::record_event(
            &transaction,
            "reextract",
            &format!(
                "re-extracted article {article_id}: {} kept, {} added, {} removed, {} flagged",
                report.kept, report.added, report.removed, report.flagged
            ),
            &EventSubject {
                article_id: Some(article_id),
                ..Default::default()
            },
            &ChangeSet::default(),
            "permanent",
        )?;
        transaction.commit()?;
        Ok(report)
    }

    /// Re-extracts every article, each in its own transaction.
    pub fn reextract_all(&mut self) -> CoreResult<Vec<ReextractReport>> {
        let ids: Vec<i64> = self
            .connection
            .prepare("SELECT id FROM articles ORDER BY id")?
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        ids.into_iter()
            .map(|id| self.reextract_article(id))
            .collect()
    }

    /// Changes an article's title, outlet, url, author or published date. A new date
    /// re-extracts the article so claim dates follow it. Undoable.
    pub fn update_article_metadata(
        &mut self,
        article_id: i64,
        metadata: &ArticleMetadata,
    ) -> CoreResult<()> {
        let after = ArticleMetadata {
            title: metadata.title.trim().to_string(),
            outlet: tidy_optional(&metadata.outlet),
            url: tidy_optional(&metadata.url),
            author: tidy_optional(&metadata.author),
            published: metadata.published,
        };
        if after.title.is_empty() {
            return Err(CoreError::InvalidInput("an article needs a title".into()));
        }
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let before: ArticleMetadata = transaction
            .query_row(
                "SELECT title, outlet, url, author, published FROM articles WHERE id = ?1",
                [article_id],
                |row| {
                    Ok(ArticleMetadata {
                        title: row.get(0)?,
                        outlet: row.get(1)?,
                        url: row.get(2)?,
                        author: row.get(3)?,
                        published: parse_date(row.get(4)?),
                    })
                },
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound {
                what: "article",
                id: article_id.to_string(),
            })?;
        if before == after {
            return Ok(());
        }
        let mut changes = ChangeSet::default();
        changes.push(
            RowImage::ArticleMetadata {
                article_id,
                row: before,
            },
            RowImage::ArticleMetadata {
                article_id,
                row: after,
            },
        );
        history::apply_and_record(
            &transaction,
            "update_article_metadata",
            &format!("updated the metadata of article {article_id}"),
            &EventSubject {
                article_id: Some(article_id),
                ..Default::default()
            },
            &changes,
        )?;
        transaction.commit()?;
        Ok(())
    }
}
