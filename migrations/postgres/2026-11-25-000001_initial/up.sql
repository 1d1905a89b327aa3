-- First cut of the deltag schema (PostgreSQL). Keep in step with ../../sqlite/.
-- Ids are TEXT (UUIDv7 made in Rust); timestamps are naive UTC set in Rust.

CREATE TABLE users (
    id            TEXT PRIMARY KEY NOT NULL,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'facilitator', 'viewer')),
    password_hash TEXT,
    disabled      BOOLEAN NOT NULL DEFAULT false,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);

CREATE TABLE staff_sessions (
    id           TEXT PRIMARY KEY NOT NULL,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL
);
CREATE INDEX staff_sessions_user_id ON staff_sessions (user_id);

CREATE TABLE invitations (
    id         TEXT PRIMARY KEY NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    user_id    TEXT REFERENCES users (id) ON DELETE CASCADE,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP
);

CREATE TABLE rate_limits (
    key          TEXT PRIMARY KEY NOT NULL,
    window_start TIMESTAMP NOT NULL,
    hits         INTEGER NOT NULL
);

CREATE TABLE tracks (
    id         TEXT PRIMARY KEY NOT NULL,
    title      TEXT NOT NULL,
    year       INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE topics (
    id          TEXT PRIMARY KEY NOT NULL,
    track_id    TEXT NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX topics_track_id ON topics (track_id);

CREATE TABLE workshops (
    id             TEXT PRIMARY KEY NOT NULL,
    topic_id       TEXT NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    title          TEXT NOT NULL,
    intro          TEXT NOT NULL DEFAULT '',
    starts_at      TIMESTAMP,
    location       TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed', 'archived')),
    join_code      TEXT NOT NULL,
    retention_days INTEGER NOT NULL DEFAULT 90,
    closed_at      TIMESTAMP,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);
CREATE INDEX workshops_topic_id ON workshops (topic_id);
-- A join code is unique among live workshops only; a closed workshop keeps its code so
-- that people who scan an old poster are told it has closed (410) rather than "not found".
CREATE UNIQUE INDEX workshops_live_join_code ON workshops (join_code) WHERE status IN ('draft', 'open');
CREATE INDEX workshops_join_code ON workshops (join_code);

CREATE TABLE questions (
    id               TEXT PRIMARY KEY NOT NULL,
    workshop_id      TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('short_text', 'long_text', 'single_choice', 'multiple_choice', 'scale', 'yes_no')),
    prompt           TEXT NOT NULL,
    help_text        TEXT NOT NULL DEFAULT '',
    easy_read_prompt TEXT,
    options          TEXT NOT NULL DEFAULT '[]',
    allow_other      BOOLEAN NOT NULL DEFAULT false,
    required         BOOLEAN NOT NULL DEFAULT false,
    created_at       TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP NOT NULL
);
CREATE INDEX questions_workshop_id ON questions (workshop_id, position);

CREATE TABLE participants (
    id                   TEXT PRIMARY KEY NOT NULL,
    workshop_id          TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    token_hash           TEXT NOT NULL UNIQUE,
    source               TEXT NOT NULL DEFAULT 'phone' CHECK (source IN ('phone', 'assisted', 'flipchart')),
    language             TEXT NOT NULL DEFAULT 'da',
    consent_at           TIMESTAMP,
    finished_at          TIMESTAMP,
    withdrawal_code_hash TEXT UNIQUE,
    created_at           TIMESTAMP NOT NULL
);
CREATE INDEX participants_workshop_id ON participants (workshop_id);

CREATE TABLE answers (
    id                 TEXT PRIMARY KEY NOT NULL,
    participant_id     TEXT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    question_id        TEXT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    value              TEXT NOT NULL,
    declined           BOOLEAN NOT NULL DEFAULT false,
    entered_by         TEXT NOT NULL CHECK (entered_by IN ('self', 'scribe', 'read_aloud')),
    entered_by_user_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    submission_key     TEXT NOT NULL UNIQUE,
    created_at         TIMESTAMP NOT NULL,
    updated_at         TIMESTAMP NOT NULL,
    UNIQUE (participant_id, question_id)
);
CREATE INDEX answers_question_id ON answers (question_id);

CREATE TABLE themes (
    id         TEXT PRIMARY KEY NOT NULL,
    topic_id   TEXT NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    parent_id  TEXT REFERENCES themes (id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    summary    TEXT NOT NULL DEFAULT '',
    position   INTEGER NOT NULL DEFAULT 0,
    version    INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX themes_topic_id ON themes (topic_id);

CREATE TABLE theme_answers (
    theme_id   TEXT NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    answer_id  TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (theme_id, answer_id)
);
CREATE INDEX theme_answers_answer_id ON theme_answers (answer_id);

CREATE TABLE key_points (
    id         TEXT PRIMARY KEY NOT NULL,
    topic_id   TEXT NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    theme_id   TEXT REFERENCES themes (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL DEFAULT 0,
    text       TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX key_points_topic_id ON key_points (topic_id);

CREATE TABLE quotes (
    id         TEXT PRIMARY KEY NOT NULL,
    answer_id  TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('draft', 'redacted', 'approved')),
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX quotes_answer_id ON quotes (answer_id);

CREATE TABLE audit_events (
    id      TEXT PRIMARY KEY NOT NULL,
    user_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    action  TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail  TEXT NOT NULL DEFAULT '',
    at      TIMESTAMP NOT NULL
);
CREATE INDEX audit_events_at ON audit_events (at);
