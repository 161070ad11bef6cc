-- One name per field: the Markdown an editor writes is `body` in the API, in TypeScript and here.
ALTER TABLE articles RENAME COLUMN body_md TO body;

-- The secrets a key had before it was rotated. A tool still sending one is told the key was rotated
-- (401, not counted as a guess), so it cannot lock its whole newsroom address out.
CREATE TABLE api_key_retired_secrets (
  secret_hash  TEXT    PRIMARY KEY,                -- hex SHA-256 of the old whole key
  key_id       INTEGER NOT NULL REFERENCES api_keys(id),
  retired_at   INTEGER NOT NULL
) WITHOUT ROWID;

-- Only ids below 2^31 move the automatic counter now (src/db/article-writes.ts); a counter that an earlier
-- import of a high legacy id moved past 2^32 comes back to just above the highest id below 2^31.
UPDATE counters
   SET next = (SELECT COALESCE(MAX(id), 0) + 1 FROM articles WHERE id < 2147483648)
 WHERE name = 'article_id' AND next > 4294967295;
