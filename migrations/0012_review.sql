-- The newsroom's editor (issue 21): review (待审, `submitted`), who made each revision and when a working
-- revision of autosaves began, and who has an article open (presence).
--
-- `articles.status` gains 'submitted'. SQLite cannot alter a CHECK constraint, so the table is rebuilt
-- (sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes"). D1 runs a migration as
-- one transaction with foreign keys enforced (they cannot be turned off inside it), and four tables refer
-- to articles(id). Renaming `articles` away would rewrite their REFERENCES to the new name; dropping it
-- counts every row that refers to it as a violation, which only inserting a parent row of the same name
-- takes back. So, with the checks deferred to the commit: copy the rows aside, drop the table, create it
-- anew under its own name and copy the rows back — each row put back clears the violations its drop
-- counted, and at the commit none remain. Then every index is made again, as it was.
PRAGMA defer_foreign_keys = on;

-- Every row put back is looked up in each table that refers to articles; legacy_paths had no index for it.
CREATE INDEX legacy_paths_by_article ON legacy_paths(article_id);

CREATE TABLE articles_before_0012 AS SELECT * FROM articles;
DROP TABLE articles;

-- An article. `id` is assigned by the importer for legacy content (e.g. 88594) or by the write path.
-- `status` is the workflow state; trash is orthogonal (`deleted_at`), and a trashed article is never
-- published. `submitted` (待审) waits for an editor; readers see only `published`.
CREATE TABLE articles (
  id             INTEGER PRIMARY KEY,
  section_id     INTEGER NOT NULL REFERENCES sections(id),
  status         TEXT    NOT NULL DEFAULT 'draft'
                 CHECK (status IN ('draft', 'submitted', 'scheduled', 'published', 'archived')),
  title          TEXT    NOT NULL,
  kicker         TEXT    NOT NULL DEFAULT '',
  subtitle       TEXT    NOT NULL DEFAULT '',
  summary        TEXT    NOT NULL DEFAULT '',
  source         TEXT    NOT NULL DEFAULT '',
  bylines        TEXT    NOT NULL DEFAULT '[]',   -- JSON: [{"name": "…", "role": "记者"}]
  body           TEXT    NOT NULL DEFAULT '',     -- what the editor wrote (Markdown)
  body_html      TEXT    NOT NULL DEFAULT '',     -- rendered and sanitized once, at write time
  body_text      TEXT    NOT NULL DEFAULT '',     -- plain text, for summaries, feeds and search
  cover_image    TEXT,                            -- a media key, or NULL
  publish_at     INTEGER,                         -- wanted publication time (scheduling)
  published_at   INTEGER,                         -- when it went (or goes) public; sets its place in listings
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1,      -- +1 on every change; the admin API's ETag
  created_by     INTEGER,                         -- actor id of the creator (authors edit their own drafts)
  deleted_at     INTEGER,                         -- in the trash since; NULL when not
  -- The last review step: 'submit' (with the author's note) while submitted, 'return' (with the editor's
  -- note) on a draft sent back, until it is submitted again or published; NULL otherwise.
  review_action  TEXT    CHECK (review_action IN ('submit', 'return')),
  review_note    TEXT    NOT NULL DEFAULT '',
  review_by      INTEGER,                         -- actor id of who took the step
  review_by_name TEXT    NOT NULL DEFAULT '',     -- and their name then, as revisions keep it
  review_at      INTEGER,
  CHECK (status <> 'published' OR published_at IS NOT NULL),
  CHECK (status <> 'scheduled' OR publish_at IS NOT NULL),
  CHECK ((review_action IS NULL) = (review_at IS NULL))
);

INSERT INTO articles (id, section_id, status, title, kicker, subtitle, summary, source, bylines, body, body_html,
                      body_text, cover_image, publish_at, published_at, created_at, updated_at, version, created_by,
                      deleted_at)
SELECT id, section_id, status, title, kicker, subtitle, summary, source, bylines, body, body_html,
       body_text, cover_image, publish_at, published_at, created_at, updated_at, version, created_by, deleted_at
  FROM articles_before_0012;
DROP TABLE articles_before_0012;

-- The indexes of 0001 and 0011, as they were.
CREATE INDEX articles_published_in_section ON articles(section_id, status, published_at, id);
CREATE INDEX articles_by_status_updated ON articles(status, updated_at, id);
CREATE INDEX articles_by_section_updated ON articles(section_id, updated_at, id);
CREATE INDEX articles_by_updated ON articles(updated_at, id);
CREATE INDEX articles_scheduled ON articles(publish_at) WHERE status = 'scheduled';
CREATE INDEX articles_published ON articles(status, published_at, id);
-- The desk's list and the admin list by author (`?author=`), newest change first (0011).
CREATE INDEX articles_by_creator_updated ON articles(created_by, updated_at, id);

-- Who made each revision, by actor id (NULL for a tool), and for an autosave revision when its working
-- revision began: later autosaves by the same actor replace it until a pause or an explicit save
-- (src/publish/autosave.ts).
ALTER TABLE revisions ADD COLUMN actor_id INTEGER;
ALTER TABLE revisions ADD COLUMN started_at INTEGER;
-- Revisions written before this one: the audit entry written in the same batch names the actor.
UPDATE revisions
   SET actor_id = (SELECT a.key_id FROM audit_log a
                    WHERE a.article_id = revisions.article_id AND a.action LIKE 'article.%'
                      AND json_valid(a.detail) AND json_extract(a.detail, '$.version') = revisions.version
                    ORDER BY a.id LIMIT 1);

-- Who has an article open in an editor: a heartbeat every ~30 s; an entry seen more than 90 s ago is gone.
-- It warns; it never blocks a save. The cron forgets old entries.
CREATE TABLE presence (
  article_id  INTEGER NOT NULL,
  actor_id    INTEGER NOT NULL,
  name        TEXT    NOT NULL,                  -- the actor's name when last seen
  since       INTEGER NOT NULL,                  -- when they opened it (the first heartbeat after a gap)
  seen_at     INTEGER NOT NULL,                  -- the last heartbeat
  PRIMARY KEY (article_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX presence_by_seen ON presence(seen_at);
