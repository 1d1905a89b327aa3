-- The survey's own texts in other languages than Danish (the base columns stay Danish and are
-- the fallback). One row per subject, language and field, so a new language (kl, …) needs no
-- new columns. `subject_id` is the workshop's or the question's id; `workshop_id` is the
-- workshop either way, so deleting a workshop (or its topic or track) deletes its translations;
-- deleting a question deletes its rows in the store. `options` holds a JSON object
-- {"o1": "label", …} keyed like the question's options. An empty text is never stored.
CREATE TABLE translations (
    subject_id  TEXT NOT NULL,
    workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    lang        TEXT NOT NULL,
    field       TEXT NOT NULL CHECK (field IN ('title', 'intro', 'prompt', 'help_text', 'easy_read_prompt', 'options')),
    text        TEXT NOT NULL,
    updated_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (subject_id, lang, field)
);
CREATE INDEX translations_workshop_id ON translations (workshop_id, lang);
