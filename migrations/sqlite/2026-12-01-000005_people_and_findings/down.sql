DROP TABLE quote_themes;
CREATE TABLE quotes_old (
    id         TEXT PRIMARY KEY NOT NULL,
    answer_id  TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('draft', 'redacted', 'approved')),
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
INSERT INTO quotes_old (id, answer_id, text, status, created_by, version, created_at, updated_at)
SELECT id, answer_id, text, status, created_by, version, created_at, updated_at
FROM quotes WHERE answer_id IS NOT NULL;
DROP TABLE quotes;
ALTER TABLE quotes_old RENAME TO quotes;
CREATE INDEX quotes_answer_id ON quotes (answer_id);
DROP TABLE workshop_findings;
DROP INDEX participants_person_number;
ALTER TABLE participants DROP COLUMN person_number;
ALTER TABLE topics DROP COLUMN same_people;
ALTER TABLE workshops DROP COLUMN answers_deleted_at;
ALTER TABLE workshops DROP COLUMN attendance;
