-- Every accepted answer post leaves its submission key here, so a replay (double tap, resend on
-- a bad network, a late duplicate after the answer was changed) is recognised and changes
-- nothing. `answers.submission_key` holds the key of the latest write only.
CREATE TABLE answer_submissions (
    submission_key TEXT PRIMARY KEY NOT NULL,
    answer_id      TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
    created_at     TIMESTAMP NOT NULL
);
CREATE INDEX answer_submissions_answer_id ON answer_submissions (answer_id);
