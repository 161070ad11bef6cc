-- People sign in: staff accounts, one-time invite and reset links, sessions, passkeys, WebAuthn challenges
-- and sign-in failure counts. Times are milliseconds since the epoch, UTC, as everywhere.

-- Everyone who can act, in one id space: API keys and staff. `articles.created_by`, `audit_log.key_id` and
-- `idempotency_keys.key_id` hold actor ids from now on (the columns keep their names: renaming buys nothing).
-- A new key or person inserts its actor first and takes `last_insert_rowid()` as its own id, in one batch.
CREATE TABLE actors (
  id    INTEGER PRIMARY KEY,
  kind  TEXT    NOT NULL CHECK (kind IN ('key', 'staff'))
);
-- Every existing key keeps its id, which is now also its actor id: what it created and logged stays its own.
INSERT INTO actors (id, kind) SELECT id, 'key' FROM api_keys;

-- A person. `password_hash` carries its own parameters (`pbkdf2-sha256$<iterations>$<salt>$<hash>`, base64),
-- so the iteration count can be raised later and old hashes still verify (and are rehashed at sign-in).
CREATE TABLE staff (
  id               INTEGER PRIMARY KEY REFERENCES actors(id),
  login            TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  display_name     TEXT    NOT NULL,
  email            TEXT    UNIQUE,                  -- lower-case; the identity Cloudflare Access vouches for
  role             TEXT    NOT NULL CHECK (role IN ('author', 'editor', 'admin')),
  state            TEXT    NOT NULL CHECK (state IN ('invited', 'active', 'disabled')),
  password_hash    TEXT,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  last_sign_in_at  INTEGER,
  version          INTEGER NOT NULL DEFAULT 1        -- +1 on every admin change; the staff API's ETag
);
CREATE INDEX staff_by_state ON staff(state, id);
CREATE INDEX staff_by_role ON staff(role, state);

-- One-time links (invite, reset). Only the token's SHA-256 is kept; the link is shown once to the admin.
CREATE TABLE staff_links (
  token_hash  TEXT    PRIMARY KEY,
  staff_id    INTEGER NOT NULL REFERENCES staff(id),
  purpose     TEXT    NOT NULL CHECK (purpose IN ('invite', 'reset')),
  created_by  INTEGER,                              -- actor id of the admin, NULL for a tool (the staff CLI)
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  used_at     INTEGER
) WITHOUT ROWID;
CREATE INDEX staff_links_by_staff ON staff_links(staff_id, used_at);

-- Signed-in browsers. The cookie holds a random 256-bit token; only its SHA-256 is kept. `id` is a handle
-- that is safe to show (the person's list of sessions). Idle expiry by last_seen_at, absolute by expires_at.
CREATE TABLE sessions (
  id            INTEGER PRIMARY KEY,
  token_hash    TEXT    NOT NULL UNIQUE,
  staff_id      INTEGER NOT NULL REFERENCES staff(id),
  method        TEXT    NOT NULL CHECK (method IN ('password', 'passkey', 'link')),
  created_at    INTEGER NOT NULL,
  last_seen_at  INTEGER NOT NULL,
  expires_at    INTEGER NOT NULL,
  user_agent    TEXT    NOT NULL DEFAULT '',
  ended_at      INTEGER
);
CREATE INDEX sessions_by_staff ON sessions(staff_id, ended_at);

-- WebAuthn credentials, several per person, each with a name the person chose.
CREATE TABLE passkeys (
  id             INTEGER PRIMARY KEY,
  credential_id  TEXT    NOT NULL UNIQUE,           -- base64url
  staff_id       INTEGER NOT NULL REFERENCES staff(id),
  public_key     TEXT    NOT NULL,                  -- COSE public key, base64url
  counter        INTEGER NOT NULL DEFAULT 0,
  transports     TEXT    NOT NULL DEFAULT '[]',     -- JSON array of strings
  name           TEXT    NOT NULL,
  created_at     INTEGER NOT NULL,
  last_used_at   INTEGER
);
CREATE INDEX passkeys_by_staff ON passkeys(staff_id, id);

-- Challenges handed to a browser, each usable once until it expires. `staff_id` is set for a registration.
CREATE TABLE webauthn_challenges (
  challenge   TEXT    PRIMARY KEY,                  -- base64url, as the browser echoes it in clientDataJSON
  purpose     TEXT    NOT NULL CHECK (purpose IN ('authenticate', 'register')),
  staff_id    INTEGER REFERENCES staff(id),
  expires_at  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX webauthn_challenges_by_expiry ON webauthn_challenges(expires_at);

-- Failed sign-ins per account (`account:<login, lower-case>`) and per client (`client:<address>`) and
-- fixed window, counted before the password is checked so that concurrent guesses each see their place.
CREATE TABLE sign_in_failures (
  subject       TEXT    NOT NULL,
  window_start  INTEGER NOT NULL,
  failures      INTEGER NOT NULL,
  PRIMARY KEY (subject, window_start)
) WITHOUT ROWID;

-- The audit API lists newest first, by actor or by action.
CREATE INDEX audit_log_by_actor ON audit_log(key_id, id);
CREATE INDEX audit_log_by_action ON audit_log(action, id);
CREATE INDEX audit_log_by_article_id ON audit_log(article_id, id);
