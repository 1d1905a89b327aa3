-- People, not lines. A workshop records how many people took part (set by a facilitator); a
-- topic says when its workshops had the same people, so they are counted once; a person a
-- facilitator enters answers for has a number ("Deltager 4") so their answers stay together
-- (with the same people, the same number is the same person in each of the topic's workshops).
ALTER TABLE workshops
    ADD COLUMN attendance INTEGER CHECK (attendance IS NULL OR attendance >= 0),
    ADD COLUMN answers_deleted_at TIMESTAMP;
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
ALTER TABLE quotes
    ADD COLUMN workshop_id TEXT REFERENCES workshops (id) ON DELETE CASCADE,
    ADD COLUMN question_id TEXT REFERENCES questions (id) ON DELETE CASCADE,
    ADD COLUMN entered_by TEXT CHECK (entered_by IN ('self', 'scribe', 'read_aloud')),
    ADD COLUMN from_flipchart BOOLEAN NOT NULL DEFAULT false;
UPDATE quotes q
SET workshop_id = p.workshop_id, question_id = a.question_id, entered_by = a.entered_by, from_flipchart = (p.source = 'flipchart')
FROM answers a JOIN participants p ON p.id = a.participant_id
WHERE a.id = q.answer_id;
ALTER TABLE quotes
    ALTER COLUMN workshop_id SET NOT NULL,
    ALTER COLUMN question_id SET NOT NULL,
    ALTER COLUMN entered_by SET NOT NULL,
    ALTER COLUMN answer_id DROP NOT NULL,
    DROP CONSTRAINT quotes_answer_id_fkey,
    ADD CONSTRAINT quotes_answer_id_fkey FOREIGN KEY (answer_id) REFERENCES answers (id) ON DELETE SET NULL;
CREATE INDEX quotes_workshop_id ON quotes (workshop_id);

CREATE TABLE quote_themes (
    quote_id TEXT NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
    theme_id TEXT NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    PRIMARY KEY (quote_id, theme_id)
);
CREATE INDEX quote_themes_theme_id ON quote_themes (theme_id);
