-- The second factor of staff accounts (issue 17): a code from an authenticator app (TOTP,
-- RFC 6238) and ten single-use recovery codes.
--
-- The secret is stored as it is (base32): deltag has no server secret to encrypt it with, so
-- encrypting would only move the key into the same dump. Treat a dump like the accounts it holds.
CREATE TABLE second_factors (
    user_id      TEXT PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The secret in use; NULL until the first set-up is confirmed with a code.
    secret       TEXT,
    enabled_at   TIMESTAMP,
    -- The last time step (Unix seconds / 30) whose code was accepted: a code is accepted once,
    -- and never one older than the last.
    last_step    BIGINT,
    -- A secret being set up (shown as QR code and text) until its first code confirms it and
    -- it becomes `secret`; a new phone replaces the old one only then.
    setup_secret TEXT,
    CHECK ((secret IS NULL) = (enabled_at IS NULL))
);

-- Ten codes for a lost phone, each good once; only their SHA-256 is kept.
CREATE TABLE recovery_codes (
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash  TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP,
    PRIMARY KEY (user_id, code_hash)
);

-- A password that was right, waiting for the code: the browser holds a random token (only its
-- hash is here), good for five minutes and one login. It opens no staff page.
CREATE TABLE pending_logins (
    id         TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX pending_logins_user_id ON pending_logins (user_id);

-- A session whose owner gave the code (or set the factor up in it). A session made any other
-- way opens no staff page for an account with a second factor.
ALTER TABLE staff_sessions ADD COLUMN second_factor_verified BOOLEAN NOT NULL DEFAULT false;
