-- What a board change can put back: each step of the theme board (assign, move, remove, new
-- theme, rename, delete, merge, quote approval) keeps what it changed, as JSON, so "Fortryd"
-- right after it or from a theme's history restores it. Ids and theme names only, never an
-- answer's words.
CREATE TABLE undo_steps (
    id         TEXT PRIMARY KEY NOT NULL,
    topic_id   TEXT NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    user_id    TEXT REFERENCES users (id) ON DELETE SET NULL,
    action     TEXT NOT NULL,
    summary    TEXT NOT NULL,
    -- The themes it touched, space separated: a theme's history is read from here.
    themes     TEXT NOT NULL,
    payload    TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    undone_at  TIMESTAMP
);
CREATE INDEX undo_steps_topic ON undo_steps (topic_id, created_at);
