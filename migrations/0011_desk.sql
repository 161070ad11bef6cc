-- The desk's article list filtered by author (an actor id), newest change first: an index range, not a walk
-- of every article in update order until enough of one author's turn up.
CREATE INDEX articles_by_creator_updated ON articles(created_by, updated_at, id);
