-- The scheduler forgets Idempotency-Key answers older than a day every minute; without this index
-- that DELETE would read the whole table each time.
CREATE INDEX idempotency_keys_by_created ON idempotency_keys(created_at);
