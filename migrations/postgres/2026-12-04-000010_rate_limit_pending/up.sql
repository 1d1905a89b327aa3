-- Login attempts in flight: reserved before the password is hashed, so parallel attempts
-- can never check more passwords than the limit allows.
ALTER TABLE rate_limits ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
