//! Read-only queries: articles with claim counts, effective claims with filters and paging,
//! speakers with aliases and counts. Filters are composed as SQL text with every value bound
//! as a parameter, never spliced in.

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::{params_from_iter, OptionalExtension};

use super::types::{
    Article, ArticleOrder, ArticleQuery, ArticleSummary, Claim, ClaimFilter, ClaimOrder,
    ClaimOrigin, ReviewStatus, SpeakerSummary,
};
use super::{parse_date, Store};
use crate::error::{CoreError, CoreResult};
use crate::model::{ClaimKind, SpeakerType};

const CLAIM_COLUMNS: &str = "e.id, e.article_id, e.article_title, e.kind, e.text, e.start_offset, e.end_offset, \
     e.parts, e.speaker, e.speaker_id, e.speaker_type, e.speaker_role, e.mention, e.mention_start, \
     e.mention_end, e.cue, e.cue_start, e.cue_end, e.said_on, e.confidence, e.status, e.reviewed_at, \
     e.corrected, e.origin, e.no_longer_extracted";

fn unknown_value(column: usize, text: &str, error: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        rusqlite::types::Type::Text,
        format!("unexpected value `{text}` in the database: {error}").into(),
    )
}

fn parse_column<T: std::str::FromStr<Err = String>>(
    row: &rusqlite::Row<'_>,
    column: usize,
) -> rusqlite::Result<T> {
    let text: String = row.get(column)?;
    text.parse()
        .map_err(|error| unknown_value(column, &text, error))
}

fn offset(row: &rusqlite::Row<'_>, column: usize) -> rusqlite::Result<Option<usize>> {
    Ok(row
        .get::<_, Option<i64>>(column)?
        .map(|value| value.max(0) as usize))
}

fn claim_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Claim> {
    let parts_text: String = row.get(7)?;
    let parts: Vec<[usize; 2]> = serde_json::from_str(&parts_text)
        .map_err(|error| unknown_value(7, &parts_text, error.to_string()))?;
    Ok(Claim {
        id: row.get(0)?,
        article_id: row.get(1)?,
        article_title: row.get(2)?,
        kind: parse_column::<ClaimKind>(row, 3)?,
        text: row.get(4)?,
        start: offset(row, 5)?.unwrap_or_default(),
        end: offset(row, 6)?.unwrap_or_default(),
        parts,
        speaker: row.get(8)?,
        speaker_id: row.get(9)?,
        speaker_type: parse_column::<SpeakerType>(row, 10)?,
        speaker_role: row.get(11)?,
        mention: row.get(12)?,
        mention_start: offset(row, 13)?,
        mention_end: offset(row, 14)?,
        cue: row.get(15)?,
        cue_start: offset(row, 16)?,
        cue_end: offset(row, 17)?,
        date: parse_date(row.get(18)?),
        confidence: row.get::<_, f64>(19)? as f32,
        status: parse_column::<ReviewStatus>(row, 20)?,
        reviewed_at: row.get(21)?,
        corrected: row.get(22)?,
        origin: parse_column::<ClaimOrigin>(row, 23)?,
        no_longer_extracted: row.get(24)?,
    })
}

/// Turns what a person typed into an FTS5 query that cannot be a syntax error: each word
/// becomes a quoted phrase, and all must match. `None` when nothing searchable remains.
fn full_text_query(search: &str) -> Option<String> {
    let phrases: Vec<String> = search
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .map(|word| format!("\"{}\"", word.replace('"', "\"\"")))
        .collect();
    (!phrases.is_empty()).then(|| phrases.join(" "))
}

const ARTICLE_SUMMARY_SELECT: &str =
    "SELECT a.id, a.title, a.outlet, a.url, a.author, a.published, a.source_path, \
     a.ingested_at, COUNT(c.id), \
     COALESCE(SUM(c.id IS NOT NULL AND COALESCE(k.status, 'pending') = 'pending'), 0), \
     COALESCE(SUM(k.status = 'verified'), 0), COALESCE(SUM(k.status = 'rejected'), 0), \
     a.content_hash \
     FROM articles a LEFT JOIN claims c ON c.article_id = a.id \
     LEFT JOIN claim_corrections k ON k.claim_id = c.id";

fn article_summary_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: row.get(0)?,
        title: row.get(1)?,
        outlet: row.get(2)?,
        url: row.get(3)?,
        author: row.get(4)?,
        published: parse_date(row.get(5)?),
        source_path: row.get(6)?,
        ingested_at: row.get(7)?,
        claims: row.get(8)?,
        pending: row.get(9)?,
        verified: row.get(10)?,
        rejected: row.get(11)?,
    })
}

impl Store {
    /// Every article, in the order stored, with its claim counts by review status.
    pub fn list_articles(&self) -> CoreResult<Vec<ArticleSummary>> {
        self.list_articles_matching(&ArticleQuery::default())
    }

    /// The articles the library shows for `query`, with their claim counts by status.
    pub fn list_articles_matching(&self, query: &ArticleQuery) -> CoreResult<Vec<ArticleSummary>> {
        let order = match query.order {
            ArticleOrder::Stored => "a.id",
            ArticleOrder::PublishedNewestFirst => {
                "a.published IS NULL, a.published DESC, a.id DESC"
            }
            ArticleOrder::PublishedOldestFirst => "a.published IS NULL, a.published, a.id",
        };
        let search = query
            .search
            .as_deref()
            .map(str::trim)
            .filter(|search| !search.is_empty());
        // instr() rather than LIKE, so that `%` and `_` typed by the analyst are plain text.
        // SQLite's lower() folds ASCII letters only, so the text is also searched for the
        // words exactly as typed: "Łukasz" finds "Łukasz" even though "ł" would not.
        let condition = if search.is_some() {
            "WHERE instr(lower(a.title || ' ' || COALESCE(a.outlet, '') || ' ' || \
             COALESCE(a.author, '') || ' ' || COALESCE(a.url, '') || ' ' || a.text), ?1) > 0 \
             OR instr(a.title || ' ' || COALESCE(a.outlet, '') || ' ' || \
             COALESCE(a.author, '') || ' ' || COALESCE(a.url, '') || ' ' || a.text, ?2) > 0"
        } else {
            ""
        };
        let mut statement = self.connection.prepare(&format!(
            "{ARTICLE_SUMMARY_SELECT} {condition} GROUP BY a.id ORDER BY {order}"
        ))?;
        let articles = match search {
            Some(search) => statement.query_map(
                [search.to_ascii_lowercase(), search.to_string()],
                article_summary_from_row,
            )?,
            None => statement.query_map([], article_summary_from_row)?,
        }
        .collect::<Result<Vec<_>, _>>()?;
        Ok(articles)
    }

    /// One article with its text.
    pub fn get_article(&self, article_id: i64) -> CoreResult<Article> {
        let found = self
            .connection
            .query_row(
                &format!("{ARTICLE_SUMMARY_SELECT} WHERE a.id = ?1 GROUP BY a.id"),
                [article_id],
                |row| Ok((article_summary_from_row(row)?, row.get::<_, String>(12)?)),
            )
            .optional()?;
        let (summary, content_hash) = found.ok_or_else(|| CoreError::NotFound {
            what: "article",
            id: article_id.to_string(),
        })?;
        let text: String = self.connection.query_row(
            "SELECT text FROM articles WHERE id = ?1",
            [article_id],
            |row| row.get(0),
        )?;
        Ok(Article {
            summary,
            content_hash,
            text,
        })
    }

    /// One effective claim.
    pub fn get_claim(&self, claim_id: i64) -> CoreResult<Claim> {
        self.connection
            .query_row(
                &format!("SELECT {CLAIM_COLUMNS} FROM effective_claims e WHERE e.id = ?1"),
                [claim_id],
                claim_from_row,
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound {
                what: "claim",
                id: claim_id.to_string(),
            })
    }

    /// Effective claims matching `filter`, in its order, one page of them.
    pub fn list_claims(&self, filter: &ClaimFilter) -> CoreResult<Vec<Claim>> {
        let Some((where_clause, mut values)) = self.claim_conditions(filter)? else {
            return Ok(Vec::new());
        };
        let order = match filter.order {
            ClaimOrder::ArticleOffset => "e.article_id, e.start_offset, e.id",
            ClaimOrder::ConfidenceAscending => "e.confidence, e.article_id, e.start_offset, e.id",
        };
        values.push(Value::Integer(filter.limit.map_or(-1, i64::from)));
        values.push(Value::Integer(i64::from(filter.offset)));
        let sql = format!(
            "SELECT {CLAIM_COLUMNS} FROM effective_claims e WHERE {where_clause} ORDER BY {order} LIMIT ? OFFSET ?"
        );
        let mut statement = self.connection.prepare(&sql)?;
        let claims = statement
            .query_map(params_from_iter(values), claim_from_row)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(claims)
    }

    /// How many claims match `filter`, ignoring its paging: for page counts in the UI.
    pub fn count_claims(&self, filter: &ClaimFilter) -> CoreResult<i64> {
        let Some((where_clause, values)) = self.claim_conditions(filter)? else {
            return Ok(0);
        };
        Ok(self.connection.query_row(
            &format!("SELECT COUNT(*) FROM effective_claims e WHERE {where_clause}"),
            params_from_iter(values),
            |row| row.get(0),
        )?)
    }

    /// The WHERE clause and its bound values for `filter`; `None` when the filter can match
    /// nothing (a speaker name no speaker has).
    fn claim_conditions(&self, filter: &ClaimFilter) -> CoreResult<Option<(String, Vec<Value>)>> {
        let mut conditions: Vec<&str> = vec!["1 = 1"];
        let mut values: Vec<Value> = Vec::new();
        if let Some(status) = filter.status {
            conditions.push("e.status = ?");
            values.push(Value::Text(status.as_str().into()));
        }
        if let Some(name) = filter
            .speaker
            .as_deref()
            .filter(|name| !name.trim().is_empty())
        {
            match self.find_speaker(name)? {
                Some(id) => {
                    conditions.push("e.speaker_id = ?");
                    values.push(Value::Integer(id));
                }
                None => return Ok(None),
            }
        }
        if let Some(id) = filter.speaker_id {
            conditions.push("e.speaker_id = ?");
            values.push(Value::Integer(id));
        }
        if let Some(id) = filter.article_id {
            conditions.push("e.article_id = ?");
            values.push(Value::Integer(id));
        }
        if let Some(from) = filter.date_from {
            conditions.push("e.said_on >= ?");
            values.push(Value::Text(from.format("%Y-%m-%d").to_string()));
        }
        if let Some(to) = filter.date_to {
            conditions.push("e.said_on <= ?");
            values.push(Value::Text(to.format("%Y-%m-%d").to_string()));
        }
        if let Some(kind) = filter.kind {
            conditions.push("e.kind = ?");
            values.push(Value::Text(kind.as_str().into()));
        }
        if let Some(search) = filter
            .search
            .as_deref()
            .filter(|search| !search.trim().is_empty())
        {
            match full_text_query(search) {
                Some(query) => {
                    conditions.push(
                        "e.id IN (SELECT rowid FROM claim_search WHERE claim_search MATCH ?)",
                    );
                    values.push(Value::Text(query));
                }
                None => return Ok(None),
            }
        }
        Ok(Some((conditions.join(" AND "), values)))
    }

    /// Active speakers (merged ones hidden), by name, with aliases and effective claim counts.
    pub fn list_speakers(&self) -> CoreResult<Vec<SpeakerSummary>> {
        let mut aliases: HashMap<i64, Vec<String>> = HashMap::new();
        {
            let mut statement = self.connection.prepare(
                "SELECT speaker_id, alias FROM speaker_aliases ORDER BY alias COLLATE NOCASE",
            )?;
            let mut rows = statement.query([])?;
            while let Some(row) = rows.next()? {
                aliases.entry(row.get(0)?).or_default().push(row.get(1)?);
            }
        }
        let mut statement = self.connection.prepare(
            "SELECT s.id, s.canonical_name, s.speaker_type, COALESCE(counts.total, 0),
                    COALESCE(counts.verified, 0)
             FROM speakers s
             LEFT JOIN (
                 SELECT COALESCE(k.speaker_id, c.speaker_id) AS speaker_id, COUNT(*) AS total,
                        SUM(k.status = 'verified') AS verified
                 FROM claims c LEFT JOIN claim_corrections k ON k.claim_id = c.id
                 GROUP BY 1
             ) AS counts ON counts.speaker_id = s.id
             WHERE s.merged_into IS NULL
             ORDER BY s.canonical_name COLLATE NOCASE, s.id",
        )?;
        let speakers = statement
            .query_map([], |row| {
                let id: i64 = row.get(0)?;
                Ok(SpeakerSummary {
                    id,
                    canonical_name: row.get(1)?,
                    speaker_type: parse_column::<SpeakerType>(row, 2)?,
                    aliases: aliases.get(&id).cloned().unwrap_or_default(),
                    claims: row.get(3)?,
                    verified: row.get(4)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(speakers)
    }
}
