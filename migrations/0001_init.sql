-- Masthead's content model. Times are integers: milliseconds since the Unix epoch, UTC.
-- Shown in Asia/Shanghai by the renderer; never stored as local time.

-- 栏目: a tree. `path` is the URL form ('xw/dzyw'), unique; `slug` its last segment.
CREATE TABLE sections (
  id          INTEGER PRIMARY KEY,
  path        TEXT    NOT NULL UNIQUE,
  slug        TEXT    NOT NULL,
  name        TEXT    NOT NULL,
  parent_id   INTEGER REFERENCES sections(id),
  sort_order  INTEGER NOT NULL DEFAULT 0,
  description TEXT    NOT NULL DEFAULT '',
  changed_at  INTEGER NOT NULL DEFAULT 0         -- last change to anything listed in it (a feed's Last-Modified)
);
CREATE INDEX sections_by_parent ON sections(parent_id, sort_order, id);

-- An article. `id` is assigned by the importer for legacy content (e.g. 88594) or by SQLite.
-- `status` is the workflow state; trash is orthogonal (`deleted_at`), and a trashed article is
-- never published (moving to trash unpublishes; restoring brings it back as a draft).
CREATE TABLE articles (
  id            INTEGER PRIMARY KEY,
  section_id    INTEGER NOT NULL REFERENCES sections(id),
  status        TEXT    NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'scheduled', 'published', 'archived')),
  title         TEXT    NOT NULL,
  kicker        TEXT    NOT NULL DEFAULT '',
  subtitle      TEXT    NOT NULL DEFAULT '',
  summary       TEXT    NOT NULL DEFAULT '',
  source        TEXT    NOT NULL DEFAULT '',
  bylines       TEXT    NOT NULL DEFAULT '[]',   -- JSON: [{"name": "…", "role": "记者"}]
  body_md       TEXT    NOT NULL DEFAULT '',     -- what the editor wrote (Markdown)
  body_html     TEXT    NOT NULL DEFAULT '',     -- rendered and sanitized once, at write time
  body_text     TEXT    NOT NULL DEFAULT '',     -- plain text, for summaries, feeds and search
  cover_image   TEXT,                            -- a media key, or NULL
  publish_at    INTEGER,                         -- wanted publication time (scheduling)
  published_at  INTEGER,                         -- when it went (or goes) public; sets its place in listings
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1,      -- +1 on every change; the admin API's ETag
  created_by    INTEGER,                         -- api_keys.id of the creator (authors edit their own)
  deleted_at    INTEGER,                         -- in the trash since; NULL when not
  CHECK (status <> 'published' OR published_at IS NOT NULL),
  CHECK (status <> 'scheduled' OR publish_at IS NOT NULL)
);
-- Previous / next in a section, and the newest published in a section.
CREATE INDEX articles_published_in_section ON articles(section_id, status, published_at, id);
-- The admin list: any status, newest change first, optionally by section.
CREATE INDEX articles_by_status_updated ON articles(status, updated_at, id);
CREATE INDEX articles_by_section_updated ON articles(section_id, updated_at, id);
CREATE INDEX articles_by_updated ON articles(updated_at, id);
-- The scheduler: due scheduled articles.
CREATE INDEX articles_scheduled ON articles(publish_at) WHERE status = 'scheduled';

-- Listing pages, denormalised: one row per published article per section it is listed in
-- (its own section and every ancestor). `position` numbers a section's articles from the oldest
-- (1) up, so page N of a section is a range of positions: O(1) in the size of the archive,
-- no OFFSET. Kept in step by the one write path, inside the same batch as the article.
CREATE TABLE section_listing (
  section_id    INTEGER NOT NULL REFERENCES sections(id),
  published_at  INTEGER NOT NULL,
  article_id    INTEGER NOT NULL REFERENCES articles(id),
  position      INTEGER NOT NULL,
  PRIMARY KEY (section_id, published_at, article_id)
) WITHOUT ROWID;
CREATE INDEX section_listing_by_position ON section_listing(section_id, position);
CREATE INDEX section_listing_by_article ON section_listing(article_id);
-- The whole site's listing (home, site feed): published articles by time.
CREATE INDEX articles_published ON articles(status, published_at, id);

-- Every change keeps the article as it was after the change, with who and when.
CREATE TABLE revisions (
  article_id  INTEGER NOT NULL REFERENCES articles(id),
  version     INTEGER NOT NULL,
  action      TEXT    NOT NULL,                  -- create, update, publish, schedule, unpublish, archive, trash, untrash, revert
  snapshot    TEXT    NOT NULL,                  -- JSON of the editable fields and status
  actor       TEXT    NOT NULL,                  -- key name, or 'scheduler'
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (article_id, version)
) WITHOUT ROWID;

-- API keys: only a SHA-256 hash of the secret is kept. `prefix` is shown in listings.
CREATE TABLE api_keys (
  id            INTEGER PRIMARY KEY,
  name          TEXT    NOT NULL,
  role          TEXT    NOT NULL CHECK (role IN ('author', 'editor', 'admin')),
  prefix        TEXT    NOT NULL,
  secret_hash   TEXT    NOT NULL UNIQUE,         -- hex SHA-256 of the whole key
  created_at    INTEGER NOT NULL,
  last_used_at  INTEGER,
  revoked_at    INTEGER
);
CREATE INDEX api_keys_by_prefix ON api_keys(prefix);

-- Failed authentications per client and window, to slow down guessing.
CREATE TABLE auth_failures (
  client        TEXT    NOT NULL,
  window_start  INTEGER NOT NULL,
  failures      INTEGER NOT NULL,
  PRIMARY KEY (client, window_start)
) WITHOUT ROWID;

-- Who did what, when. Append-only.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  key_id      INTEGER,
  key_name    TEXT    NOT NULL,
  action      TEXT    NOT NULL,
  article_id  INTEGER,
  detail      TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_by_article ON audit_log(article_id, at);

-- Idempotent creates: the first response to a (key, Idempotency-Key) pair, replayed on retry.
CREATE TABLE idempotency_keys (
  key_id        INTEGER NOT NULL,
  idem_key      TEXT    NOT NULL,
  request_hash  TEXT    NOT NULL,                -- a retry with a different body is refused
  article_id    INTEGER NOT NULL,
  response      TEXT    NOT NULL,                -- the JSON answered the first time
  created_at    INTEGER NOT NULL,
  PRIMARY KEY (key_id, idem_key)
) WITHOUT ROWID;

-- Images in R2, keyed by content hash. Width and height let pages reserve space.
CREATE TABLE media (
  key           TEXT    PRIMARY KEY,             -- '<sha256 hex>.<ext>'
  content_type  TEXT    NOT NULL,
  bytes         INTEGER NOT NULL,
  width         INTEGER,
  height        INTEGER,
  alt           TEXT    NOT NULL DEFAULT '',
  caption       TEXT    NOT NULL DEFAULT '',
  credit        TEXT    NOT NULL DEFAULT '',
  created_at    INTEGER NOT NULL,
  created_by    INTEGER
) WITHOUT ROWID;
