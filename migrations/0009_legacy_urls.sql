-- An imported site's old addresses and origins (DedeCMS 5.7, PHPCMS v9: scripts/import/), so every old link
-- still answers, with a 301 to the canonical URL (src/routes/old-site.ts), and a second import knows what it
-- already brought in. Articles keep their old ids, so /plus/view.php?aid=N needs no table of its own.

-- Which section each old section id became: DedeCMS typeid (/plus/list.php?tid=N), PHPCMS catid.
CREATE TABLE legacy_sections (
  system      TEXT    NOT NULL CHECK (system IN ('dedecms', 'phpcms')),
  legacy_id   INTEGER NOT NULL,
  section_id  INTEGER NOT NULL REFERENCES sections(id),
  PRIMARY KEY (system, legacy_id)
) WITHOUT ROWID;

-- Old static paths that are not already a Masthead URL (/a/xinwen/2023/0602/88594.html, a section's old
-- directory), exactly as the old site printed them, each pointing at one article or one section.
CREATE TABLE legacy_paths (
  path        TEXT    PRIMARY KEY,
  article_id  INTEGER REFERENCES articles(id),
  section_id  INTEGER REFERENCES sections(id),
  CHECK ((article_id IS NULL) <> (section_id IS NULL))
) WITHOUT ROWID;

-- What each imported article was made from: a second run skips it, `--update` rewrites it when its rows
-- in the dump changed (`fingerprint`) and nobody has edited it since (`version` is the one the import left).
CREATE TABLE legacy_articles (
  article_id   INTEGER PRIMARY KEY REFERENCES articles(id),
  system       TEXT    NOT NULL CHECK (system IN ('dedecms', 'phpcms')),
  fingerprint  TEXT    NOT NULL,
  version      INTEGER NOT NULL,
  imported_at  INTEGER NOT NULL
);
