-- What the room's screens follow. Every change a live page shows (an answer, a phone joining
-- or finishing, a card let through or taken down, the wall's settings) adds a row here in the
-- same transaction as the change; each server reads new rows and wakes the event streams of
-- that workshop, so a wall connected to another replica sees changes made through this one.
-- A row says only which workshop changed, never what: no answer text is ever copied here.
CREATE TABLE live_events (
    id          BIGSERIAL PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX live_events_workshop ON live_events (workshop_id, id);

-- A workshop's projector wall. `token` is the wall link's secret (NULL when there is no link
-- or it was revoked); the link shows only what is let through and grants nothing else.
CREATE TABLE walls (
    workshop_id     TEXT PRIMARY KEY NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    token           TEXT UNIQUE,
    show_join       BOOLEAN NOT NULL DEFAULT true,
    word_view       BOOLEAN NOT NULL DEFAULT false,
    let_all_through BOOLEAN NOT NULL DEFAULT false,
    -- The one question the wall shows; NULL shows them all.
    question_id     TEXT REFERENCES questions (id) ON DELETE SET NULL,
    timer_ends_at   TIMESTAMP,
    updated_at      TIMESTAMP NOT NULL
);

-- A facilitator's decision about one free-text answer on the wall: let through (`shown`) or
-- taken down. A decision to show is for the answer as it was (`answer_updated_at`): if the
-- participant changes it, it waits again. Taken down stays down.
CREATE TABLE wall_answers (
    answer_id         TEXT PRIMARY KEY NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
    shown             BOOLEAN NOT NULL,
    answer_updated_at TIMESTAMP NOT NULL,
    decided_by        TEXT REFERENCES users (id) ON DELETE SET NULL,
    decided_at        TIMESTAMP NOT NULL
);
