-- People, not lines. A workshop records how many people took part (set by a facilitator); a
-- topic says when its workshops had the same people, so they are counted once; a person a
-- facilitator enters answers for has a number ("Deltager 4") so their answers stay together
-- (with the same people, the same number is the same person in each of the topic's workshops).
ALTER TABLE workshops ADD COLUMN attendance INTEGER CHECK (attendance IS NULL OR attendance >= 0);
ALTER TABLE workshops ADD COLUMN answers_deleted_at TIMESTAMP;
ALTER TABLE topics ADD COLUMN same_people BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE participants ADD COLUMN person_number INTEGER;
CREATE UNIQUE INDEX participants_person_number ON participants (workshop_id, person_number)
    WHERE person_number IS NOT NULL;

-- Report material outlives the raw answers. When a workshop's retention period ends, what its
-- answers showed (theme, people and statement counts, closed-question tallies) is kept here as
-- JSON, and the individual answers are deleted.
CREATE TABLE workshop_findings (
    workshop_id TEXT PRIMARY KEY NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    findings    TEXT NOT NULL,
    created_at  TIMESTAMP NOT NULL
);

-- An approved quote stays when its answer is deleted by retention (answer_id becomes NULL);
-- it carries its workshop, its question and how it was given, and quote_themes keeps the themes it stood
-- under. Withdrawal deletes a person's quotes explicitly.
CREATE TABLE quotes_new (
    id             TEXT PRIMARY KEY NOT NULL,
    answer_id      TEXT REFERENCES answers (id) ON DELETE SET NULL,
    workshop_id    TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    question_id    TEXT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    entered_by     TEXT NOT NULL CHECK (entered_by IN ('self', 'scribe', 'read_aloud')),
    from_flipchart BOOLEAN NOT NULL DEFAULT false,
    text           TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('draft', 'redacted', 'approved')),
    created_by     TEXT REFERENCES users (id) ON DELETE SET NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
INSERT INTO quotes_new (id, answer_id, workshop_id, question_id, entered_by, from_flipchart, text,
                        status, created_by, version, created_at, updated_at)
SELECT q.id, q.answer_id, p.workshop_id, a.question_id, a.entered_by, p.source = 'flipchart', q.text, q.status,
       q.created_by, q.version, q.created_at, q.updated_at
FROM quotes q
JOIN answers a ON a.id = q.answer_id
JOIN participants p ON p.id = a.participant_id;
DROP TABLE quotes;
ALTER TABLE quotes_new RENAME TO quotes;
CREATE INDEX quotes_answer_id ON quotes (answer_id);
CREATE INDEX quotes_workshop_id ON quotes (workshop_id);

CREATE TABLE quote_themes (
    quote_id TEXT NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
    theme_id TEXT NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    PRIMARY KEY (quote_id, theme_id)
);
CREATE INDEX quote_themes_theme_id ON quote_themes (theme_id);
