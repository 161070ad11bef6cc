-- The editors' image list pages newest first by (created_at, key) without scanning the table.
CREATE INDEX media_by_created ON media(created_at, key);
