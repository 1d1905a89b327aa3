-- Theme suggestions are computed on demand (deterministic); a rejected one is remembered by a
-- fingerprint of its members so it does not come back.
CREATE TABLE rejected_suggestions (
    topic_id    TEXT NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    rejected_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (topic_id, fingerprint)
);
