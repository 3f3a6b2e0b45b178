-- The first schema of the ClaimTrack store: articles, machine claims, human corrections kept
-- apart from them, speakers with their aliases, the audit history and the full-text index.
-- Offsets are byte offsets into articles.text; dates are ISO 8601 text (YYYY-MM-DD) and
-- timestamps RFC 3339 UTC text, so the file stays readable with any SQLite tool. Ids are
-- AUTOINCREMENT so an id is never reused: history events name rows by id, and undoing an
-- old event must never land on a newer row that happens to reuse a deleted one's id.

CREATE TABLE articles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    outlet TEXT,
    url TEXT,
    author TEXT,
    published TEXT,
    source_path TEXT,
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    ingested_at TEXT NOT NULL
);

-- A merged speaker keeps its row (with merged_into set) so that undoing the merge can bring
-- it back under the same id; lists hide merged rows.
CREATE TABLE speakers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    canonical_name TEXT NOT NULL,
    -- canonical_name lower-cased and whitespace-collapsed (in Rust), for lookups by name.
    canonical_key TEXT NOT NULL,
    speaker_type TEXT NOT NULL DEFAULT 'unknown'
        CHECK (speaker_type IN ('person', 'organisation', 'country', 'unknown')),
    merged_into INTEGER REFERENCES speakers(id),
    created_at TEXT NOT NULL
);

CREATE INDEX speakers_by_canonical_key ON speakers(canonical_key);

-- alias_key is the alias lower-cased (Unicode-aware, in Rust) with inner whitespace collapsed,
-- which is how names are matched; alias keeps the spelling as first seen.
CREATE TABLE speaker_aliases (
    alias_key TEXT PRIMARY KEY,
    alias TEXT NOT NULL,
    speaker_id INTEGER NOT NULL REFERENCES speakers(id)
);
CREATE INDEX speaker_aliases_by_speaker ON speaker_aliases(speaker_id);

-- Machine output (origin 'machine'), or a claim an analyst added (origin 'human'). Re-extraction
-- rewrites machine rows in place and never touches human rows. no_longer_extracted marks a
-- machine claim that the extractor stopped producing but that a human had reviewed.
CREATE TABLE claims (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    origin TEXT NOT NULL CHECK (origin IN ('machine', 'human')),
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'mixed', 'indirect')),
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    parts TEXT NOT NULL,
    text TEXT NOT NULL,
    mention TEXT,
    mention_start INTEGER,
    mention_end INTEGER,
    speaker_id INTEGER REFERENCES speakers(id),
    speaker_type TEXT NOT NULL DEFAULT 'unknown',
    speaker_role TEXT,
    cue TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    said_on TEXT,
    confidence REAL NOT NULL,
    no_longer_extracted INTEGER NOT NULL DEFAULT 0,
    extracted_at TEXT NOT NULL,
    CHECK (start_offset < end_offset)
);
CREATE INDEX claims_by_article ON claims(article_id, start_offset);
CREATE INDEX claims_by_speaker ON claims(speaker_id);

-- Human decisions about one claim. A NULL column means "no correction, use the machine's".
CREATE TABLE claim_corrections (
    claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
    speaker_id INTEGER REFERENCES speakers(id),
    kind TEXT CHECK (kind IS NULL OR kind IN ('direct', 'mixed', 'indirect')),
    start_offset INTEGER,
    end_offset INTEGER,
    parts TEXT,
    text TEXT,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'verified', 'rejected')),
    reviewed_at TEXT,
    updated_at TEXT NOT NULL,
    CHECK ((start_offset IS NULL) = (end_offset IS NULL))
);
CREATE INDEX claim_corrections_by_speaker ON claim_corrections(speaker_id);

-- The audit trail: rows are only ever appended, except the state column, which is the undo
-- bookkeeping. before/after hold JSON row images of what the event changed; undo
-- writes the before images back, redo the after images. state is 'applied', 'undone' or
-- 'discarded' (an undone change that a later change removed from the redo chain) for
-- undoable changes, and 'permanent' for events that cannot be undone (ingest, re-extraction)
-- and for the undo/redo records themselves, whose target_id names the change they act on.
CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    summary TEXT NOT NULL,
    article_id INTEGER,
    claim_id INTEGER,
    speaker_id INTEGER,
    before TEXT NOT NULL DEFAULT '[]',
    after TEXT NOT NULL DEFAULT '[]',
    state TEXT NOT NULL CHECK (state IN ('applied', 'undone', 'discarded', 'permanent')),
    target_id INTEGER REFERENCES history(id)
);
CREATE INDEX history_by_state ON history(state, id);

-- Full-text index over the effective claim text (the corrected text when there is one);
-- rowid is the claim id. Triggers below keep it in step with both tables.
CREATE VIRTUAL TABLE claim_search USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER claims_search_after_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claim_search(rowid, text)
    VALUES (new.id, COALESCE((SELECT text FROM claim_corrections WHERE claim_id = new.id), new.text));
END;

CREATE TRIGGER claims_search_after_update AFTER UPDATE OF text ON claims BEGIN
    DELETE FROM claim_search WHERE rowid = old.id;
    INSERT INTO claim_search(rowid, text)
    VALUES (new.id, COALESCE((SELECT text FROM claim_corrections WHERE claim_id = new.id), new.text));
END;

CREATE TRIGGER claims_search_after_delete AFTER DELETE ON claims BEGIN
    DELETE FROM claim_search WHERE rowid = old.id;
END;

CREATE TRIGGER corrections_search_after_insert AFTER INSERT ON claim_corrections BEGIN
    DELETE FROM claim_search WHERE rowid = new.claim_id;
    INSERT INTO claim_search(rowid, text)
    SELECT id, COALESCE(new.text, text) FROM claims WHERE id = new.claim_id;
END;

CREATE TRIGGER corrections_search_after_update AFTER UPDATE OF text ON claim_corrections BEGIN
    DELETE FROM claim_search WHERE rowid = new.claim_id;
    INSERT INTO claim_search(rowid, text)
    SELECT id, COALESCE(new.text, text) FROM claims WHERE id = new.claim_id;
END;

CREATE TRIGGER corrections_search_after_delete AFTER DELETE ON claim_corrections BEGIN
    DELETE FROM claim_search WHERE rowid = old.claim_id;
    INSERT INTO claim_search(rowid, text)
    SELECT id, text FROM claims WHERE id = old.claim_id;
END;

-- The claim as the analyst should see it: each corrected field over the machine's. When a
-- human chose a different speaker, the machine's role belonged to the old speaker, so it is
-- dropped; the speaker type then comes from the chosen speaker's row.
CREATE VIEW effective_claims AS
SELECT
    c.id AS id,
    c.article_id AS article_id,
    a.title AS article_title,
    a.outlet AS article_outlet,
    a.url AS article_url,
    a.published AS article_published,
    COALESCE(k.kind, c.kind) AS kind,
    COALESCE(k.text, c.text) AS text,
    COALESCE(k.start_offset, c.start_offset) AS start_offset,
    COALESCE(k.end_offset, c.end_offset) AS end_offset,
    COALESCE(k.parts, c.parts) AS parts,
    s.canonical_name AS speaker,
    COALESCE(k.speaker_id, c.speaker_id) AS speaker_id,
    CASE
        WHEN k.speaker_id IS NOT NULL AND k.speaker_id IS NOT c.speaker_id THEN s.speaker_type
        ELSE c.speaker_type
    END AS speaker_type,
    CASE
        WHEN k.speaker_id IS NOT NULL AND k.speaker_id IS NOT c.speaker_id THEN NULL
        ELSE c.speaker_role
    END AS speaker_role,
    c.mention AS mention,
    c.mention_start AS mention_start,
    c.mention_end AS mention_end,
    c.cue AS cue,
    c.cue_start AS cue_start,
    c.cue_end AS cue_end,
    c.said_on AS said_on,
    c.confidence AS confidence,
    COALESCE(k.status, 'pending') AS status,
    k.reviewed_at AS reviewed_at,
    (k.speaker_id IS NOT NULL OR k.kind IS NOT NULL OR k.start_offset IS NOT NULL) AS corrected,
    c.origin AS origin,
    c.no_longer_extracted AS no_longer_extracted
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN claim_corrections k ON k.claim_id = c.id
LEFT JOIN speakers s ON s.id = COALESCE(k.speaker_id, c.speaker_id);
