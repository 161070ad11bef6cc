-- An imported site's 专题 (DedeCMS's special channel, PHPCMS v9_special) became topics: their old URLs answer
-- a 301 to /special/<slug>/ like the other old URLs (migration 0009). Rows point at the topic's id, so they
-- follow it whatever it is called; a topic deleted takes its old URLs with it (they answer 404 then).

-- Which topic each old 专题 id became: DedeCMS the special's archive id (/plus/view.php?aid=N), PHPCMS
-- v9_special.id (/index.php?m=special&c=index&id=N). A second import finds its topics here.
CREATE TABLE legacy_topics (
  system     TEXT    NOT NULL CHECK (system IN ('dedecms', 'phpcms')),
  legacy_id  INTEGER NOT NULL,
  topic_id   INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
  PRIMARY KEY (system, legacy_id)
) WITHOUT ROWID;
CREATE INDEX legacy_topics_by_topic ON legacy_topics(topic_id);

-- Old static paths of 专题 pages that are not the topic's own URL (/special/88609.html, /special/LiangHui/),
-- as a client asks for them, each pointing at its topic.
CREATE TABLE legacy_topic_paths (
  path      TEXT    PRIMARY KEY,
  topic_id  INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX legacy_topic_paths_by_topic ON legacy_topic_paths(topic_id);
