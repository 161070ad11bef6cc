-- The Cache API has no tags: each cached URL is registered under the tags of what it shows, so a change
-- can find and delete exactly the URLs that showed it (src/cache/cache-api.ts). Only the Cache API backend
-- writes here (local development, tests, deployments without Workers Cache), after a page is cached; a
-- cache hit never reads it. The cron forgets entries whose copy has expired.
CREATE TABLE cache_entries (
  tag         TEXT    NOT NULL,
  url         TEXT    NOT NULL,
  expires_at  INTEGER NOT NULL,                  -- when the cached copy is gone anyway (ms)
  PRIMARY KEY (tag, url)
) WITHOUT ROWID;
CREATE INDEX cache_entries_by_expiry ON cache_entries(expires_at);

-- When each tag was last purged, so a page rendered before a purge but stored after it is dropped.
CREATE TABLE cache_purges (
  tag        TEXT    PRIMARY KEY,
  purged_at  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX cache_purges_by_time ON cache_purges(purged_at);
