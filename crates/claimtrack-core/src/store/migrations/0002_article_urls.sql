-- Indexes for finding an article by address: re-reading a feed skips entries already
-- stored under their canonical URL (articles.url) or the address they were fetched from
-- (articles.source_path, which holds the file path for files), without scanning every row.
CREATE INDEX articles_by_url ON articles(url);
CREATE INDEX articles_by_source_path ON articles(source_path);
