-- Each free-text answer as a sentence vector (issue 16), for theme suggestions that understand
-- meaning: 384 little-endian f32s, with what made it (model and prefix) so a new model makes it
-- again, and the answer's updated_at it was made from: an answer changed since is embedded
-- again. Written by a background worker after the answer is stored. Goes with the answer
-- (retention deletes both).
CREATE TABLE answer_vectors (
    answer_id   TEXT PRIMARY KEY NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
    model       TEXT NOT NULL,
    vector      BLOB NOT NULL,
    answer_updated_at TIMESTAMP NOT NULL
);

-- A theme a facilitator said an answer does not belong in: that suggestion is not made again.
CREATE TABLE rejected_guesses (
    answer_id   TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
    theme_id    TEXT NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    rejected_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (answer_id, theme_id)
);
CREATE INDEX rejected_guesses_theme ON rejected_guesses (theme_id);
