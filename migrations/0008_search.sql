-- Full-text search (src/content/search-tokens.ts, src/db/search-index.ts). D1 has no tokenizer for
-- Chinese, so the app tokenizes — Chinese runs as overlapping character pairs, words, numbers, all folded
-- (traditional to simplified, case, width) — and stores tokens separated by spaces; `ascii` only splits
-- them again (every non-ASCII character is a token character to it, so it never re-cuts a pair).
--   content=''            contentless: the article row already holds the text; the index keeps positions
--                         (phrases work) but no copy of the text, about a third of the size with one
--   contentless_delete=1  rows can be deleted, so every change rewrites its article's row
--   prefix='1'            an index of first characters: a one-character search ("区"*) reads one doclist
-- The rowid is (publication time in seconds since 1990 << 32) | article id, so rowid order is time order
-- whatever the ids: a search ranks only its newest matches, read from the top of the rowid order.
-- Columns: title, lead (kicker, subtitle, summary), credits (source, bylines), body, and facets — tokens
-- for filters: the article's state (draft, scheduled, published, archived, trash) and s<id> for its
-- section and each ancestor.
CREATE VIRTUAL TABLE search_index USING fts5(
  title, lead, credits, body, facets,
  content = '', contentless_delete = 1, tokenize = 'ascii', prefix = '1'
);

-- Articles whose index row is still to be written: every article that exists when this migration runs
-- (SQL cannot tokenize). The cron trigger works through it a batch a minute, `npm run seed` all at once;
-- every change to an article indexes it in its own batch anyway. A later tokenizer change refills it.
CREATE TABLE search_backlog (
  article_id  INTEGER PRIMARY KEY
);
INSERT INTO search_backlog (article_id) SELECT id FROM articles;
