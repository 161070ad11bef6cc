-- 接管编辑: a presence row can say that someone took the article over from its actor. The taken person's
-- editor reads it at its next heartbeat (which then removes the row), stops autosaving and keeps their
-- unsaved text in the browser. Nullable columns: every existing row is simply not taken over.
ALTER TABLE presence ADD COLUMN taken_by_id INTEGER;
ALTER TABLE presence ADD COLUMN taken_by_name TEXT;
ALTER TABLE presence ADD COLUMN taken_at INTEGER;
