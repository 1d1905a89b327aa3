DROP TABLE quote_themes;
DELETE FROM quotes WHERE answer_id IS NULL;
DROP INDEX quotes_workshop_id;
ALTER TABLE quotes
    DROP CONSTRAINT quotes_answer_id_fkey,
    ALTER COLUMN answer_id SET NOT NULL,
    ADD CONSTRAINT quotes_answer_id_fkey FOREIGN KEY (answer_id) REFERENCES answers (id) ON DELETE CASCADE,
    DROP COLUMN from_flipchart,
    DROP COLUMN entered_by,
    DROP COLUMN question_id,
    DROP COLUMN workshop_id;
DROP TABLE workshop_findings;
DROP INDEX participants_person_number;
ALTER TABLE participants DROP COLUMN person_number;
ALTER TABLE topics DROP COLUMN same_people;
ALTER TABLE workshops DROP COLUMN answers_deleted_at, DROP COLUMN attendance;
