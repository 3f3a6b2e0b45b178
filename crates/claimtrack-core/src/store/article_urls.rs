//! Finding stored articles by address, so that a feed read again does not fetch and store
//! its entries again: a page is known by its canonical URL (`articles.url`) and by the
//! address it was fetched from (`articles.source_path`), both indexed by migration 0002.

use rusqlite::OptionalExtension;

use super::Store;
use crate::error::CoreResult;

impl Store {
    /// The id of the oldest article whose canonical URL or fetch address is `url`
    /// (compared exactly, after trimming).
    pub fn find_article_by_url(&self, url: &str) -> CoreResult<Option<i64>> {
        let url = url.trim();
        if url.is_empty() {
            return Ok(None);
        }
        Ok(self
            .connection
            .query_row(
                "SELECT MIN(id) FROM (SELECT id FROM articles WHERE url = ?1
                                      UNION ALL
                                      SELECT id FROM articles WHERE source_path = ?1)",
                [url],
                |row| row.get::<_, Option<i64>>(0),
            )
            .optional()?
            .flatten())
    }
}
