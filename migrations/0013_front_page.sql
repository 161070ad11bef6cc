-- The front page (issue 22): headline slots (推荐位: 头条, 幻灯, 推荐 and any the newsroom adds), topics (专题),
-- and the 加粗 flag old sites set on titles. Kept in step by the one write path: an article leaving the site
-- leaves every slot in its own batch; a topic lists only its published members, renumbered in that batch.

-- A title set in bold wherever lists show it (DedeCMS flag `b`, PHPCMS `style` font-weight:bold).
ALTER TABLE articles ADD COLUMN title_bold INTEGER NOT NULL DEFAULT 0 CHECK (title_bold IN (0, 1));

-- 推荐位: a named, ordered place on the front page holding up to `capacity` published articles.
-- `slug` never changes (it names the cache tag s:<slug> and the home page's places); `version` is the
-- admin API's ETag and the write path's optimistic lock.
CREATE TABLE slots (
  id             INTEGER PRIMARY KEY,
  slug           TEXT    NOT NULL UNIQUE,
  name           TEXT    NOT NULL,
  description    TEXT    NOT NULL DEFAULT '',
  capacity       INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 50),
  sort_order     INTEGER NOT NULL DEFAULT 0,
  needs_picture  INTEGER NOT NULL DEFAULT 0 CHECK (needs_picture IN (0, 1)),   -- 幻灯: every item shows a picture
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
);

-- What a slot holds, in order. Only published articles: unpublishing, archiving or trashing one deletes
-- its rows in the same batch. An item may leave by itself at `expires_at` (PHPCMS's expiration): readers
-- stop seeing it then, and the cron deletes it within the minute.
CREATE TABLE slot_items (
  slot_id     INTEGER NOT NULL REFERENCES slots(id),
  article_id  INTEGER NOT NULL REFERENCES articles(id),
  position    INTEGER NOT NULL,                 -- 1 = shown first
  title       TEXT    NOT NULL DEFAULT '',      -- shown instead of the article's title; '' = the article's
  image       TEXT,                             -- a media key shown instead of the cover; NULL = the cover
  expires_at  INTEGER,                          -- ms; NULL = until taken out
  added_at    INTEGER NOT NULL,
  PRIMARY KEY (slot_id, article_id)
) WITHOUT ROWID;
CREATE INDEX slot_items_by_position ON slot_items(slot_id, position);
CREATE INDEX slot_items_by_article ON slot_items(article_id);
CREATE INDEX slot_items_by_expiry ON slot_items(expires_at) WHERE expires_at IS NOT NULL;

-- The three places the home page is built around; a newsroom adds others (shown in the right rail).
INSERT INTO slots (slug, name, description, capacity, sort_order, needs_picture, created_at, updated_at) VALUES
  ('toutiao', '头条', '首页顶部通栏的当日头条，一至两条', 2, 1, 0, CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000),
  ('huandeng', '幻灯', '首页焦点图，每条带图', 5, 2, 1, CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000),
  ('tuijian', '推荐', '首页焦点图旁的推荐文章', 8, 3, 0, CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000);

-- 专题: coverage of one event gathered on /special/<slug>/. The introduction is Markdown, rendered once at
-- write time like an article body. `changed_at`: the last change to what the topic lists (its feeds'
-- Last-Modified, its sitemap lastmod), touched in the batch of every change that alters it.
CREATE TABLE topics (
  id          INTEGER PRIMARY KEY,
  slug        TEXT    NOT NULL UNIQUE,
  title       TEXT    NOT NULL,
  banner      TEXT,                             -- a media key, or NULL
  intro       TEXT    NOT NULL DEFAULT '',      -- Markdown, as the editor wrote it
  intro_html  TEXT    NOT NULL DEFAULT '',      -- rendered and sanitized once
  intro_text  TEXT    NOT NULL DEFAULT '',      -- plain text, for descriptions and feeds
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  changed_at  INTEGER NOT NULL
);
CREATE INDEX topics_by_created ON topics(created_at, id);

-- 分组: a topic's groups, in order (the page shows group by group). Their ids are named by the API, so a
-- deleted group's id is never given to a new one (AUTOINCREMENT): a stale client cannot file into the wrong group.
CREATE TABLE topic_groups (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  topic_id    INTEGER NOT NULL REFERENCES topics(id),
  name        TEXT    NOT NULL,                 -- '' for a group shown without a heading
  sort_order  INTEGER NOT NULL
);
CREATE INDEX topic_groups_by_topic ON topic_groups(topic_id, sort_order);

-- An article in a topic, in one of its groups (an article may be in several topics). The membership stays
-- while the article is off the site; only published members are listed: `position` numbers them in page
-- order from the last shown (1) up — like section_listing, so page N of a topic is a range of positions —
-- and `published_at` orders its feed; both are NULL while the article is not published.
CREATE TABLE topic_articles (
  topic_id      INTEGER NOT NULL REFERENCES topics(id),
  article_id    INTEGER NOT NULL REFERENCES articles(id),
  group_id      INTEGER NOT NULL REFERENCES topic_groups(id),
  position      INTEGER,
  published_at  INTEGER,
  added_at      INTEGER NOT NULL,
  PRIMARY KEY (topic_id, article_id)
) WITHOUT ROWID;
CREATE INDEX topic_articles_by_position ON topic_articles(topic_id, position);
CREATE INDEX topic_articles_by_published ON topic_articles(topic_id, published_at, article_id);
CREATE INDEX topic_articles_by_group ON topic_articles(group_id, position);
CREATE INDEX topic_articles_by_article ON topic_articles(article_id);
