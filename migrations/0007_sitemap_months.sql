-- Monthly sitemaps (/sitemaps/2023-06.xml) and the index that lists them (/sitemap.xml): one row per calendar
-- month in Asia/Shanghai, kept in step by the one write path inside each change's own batch (and by the bulk
-- import), so the index is O(months) and never counts the archive.
CREATE TABLE sitemap_months (
  month     TEXT    PRIMARY KEY,                 -- '2023-06': published_at's month in Asia/Shanghai (UTC+8)
  articles  INTEGER NOT NULL,                    -- listed (published) articles published in that month
  lastmod   INTEGER NOT NULL                     -- ms: the last change to that month's sitemap (an article added, edited or removed)
) WITHOUT ROWID;

-- The months of what is already published; when each month last changed is not known, so its newest edit.
INSERT INTO sitemap_months (month, articles, lastmod)
SELECT strftime('%Y-%m', published_at / 1000 + 28800, 'unixepoch'), COUNT(*), MAX(updated_at)
  FROM articles
 WHERE status = 'published' AND deleted_at IS NULL
 GROUP BY 1;

-- WebSub pings that could not be delivered: what the dead-letter queue's consumer keeps after the queue's
-- retries, and pings a hub refused outright (a 4xx other than 408 and 429, which no retry mends), for an
-- operator to see (README, "WebSub"). Nothing reads it on a request path.
CREATE TABLE websub_failures (
  id           INTEGER PRIMARY KEY,
  hub          TEXT    NOT NULL,
  feed         TEXT    NOT NULL,                 -- the topic URL the hub was to be told about
  attempts     INTEGER NOT NULL,                 -- deliveries tried
  reason       TEXT    NOT NULL,                 -- 'retries exhausted', or the hub's answer: 'HTTP 400'
  enqueued_at  INTEGER NOT NULL,                 -- ms: when the change enqueued it
  failed_at    INTEGER NOT NULL                  -- ms: when it was given up on
);
CREATE INDEX websub_failures_by_time ON websub_failures(failed_at);
