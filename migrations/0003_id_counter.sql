-- Article ids are handed out by one atomic statement (src/db/article-writes.ts), so editors creating
-- articles at the same moment never race for MAX(id) + 1. Legacy imports with their own ids still work:
-- each allocation starts above both the counter and the highest id in use.
CREATE TABLE counters (
  name  TEXT    PRIMARY KEY,
  next  INTEGER NOT NULL
) WITHOUT ROWID;
