-- The room is asked: a member check ("did we understand you right?") or dot voting, over the
-- topic's themes or key points. One open round per workshop at a time.
CREATE TABLE rounds (
    id          TEXT PRIMARY KEY NOT NULL,
    workshop_id TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('check', 'vote')),
    -- Dot voting: the dots each person has to spread.
    dots        INTEGER NOT NULL DEFAULT 0 CHECK (dots >= 0 AND dots <= 10),
    opened_at   TIMESTAMP NOT NULL,
    closed_at   TIMESTAMP
);
CREATE UNIQUE INDEX rounds_one_open ON rounds (workshop_id) WHERE closed_at IS NULL;
CREATE INDEX rounds_workshop ON rounds (workshop_id);

-- What a round puts to the room: a theme or a key point, with its words as the room saw them.
CREATE TABLE round_items (
    id           TEXT PRIMARY KEY NOT NULL,
    round_id     TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    theme_id     TEXT REFERENCES themes (id) ON DELETE SET NULL,
    key_point_id TEXT REFERENCES key_points (id) ON DELETE SET NULL,
    text         TEXT NOT NULL
);
CREATE INDEX round_items_round ON round_items (round_id);
CREATE INDEX round_items_theme ON round_items (theme_id);
CREATE INDEX round_items_key_point ON round_items (key_point_id);

-- One person's verdict (check) or dots (vote) on one item: the key makes it once per person, so
-- a resent answer replaces theirs and never counts twice. Withdrawal removes it with them.
CREATE TABLE round_answers (
    item_id        TEXT NOT NULL REFERENCES round_items (id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
    verdict        TEXT CHECK (verdict IN ('yes', 'partly', 'no')),
    comment        TEXT NOT NULL DEFAULT '',
    dots           INTEGER NOT NULL DEFAULT 0 CHECK (dots >= 0),
    updated_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (item_id, participant_id)
);
CREATE INDEX round_answers_participant ON round_answers (participant_id);

-- The room's show of hands for people without a phone, counted by a facilitator.
CREATE TABLE round_hands (
    item_id     TEXT PRIMARY KEY NOT NULL REFERENCES round_items (id) ON DELETE CASCADE,
    yes         INTEGER NOT NULL DEFAULT 0 CHECK (yes >= 0),
    partly      INTEGER NOT NULL DEFAULT 0 CHECK (partly >= 0),
    no          INTEGER NOT NULL DEFAULT 0 CHECK (no >= 0),
    recorded_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    updated_at  TIMESTAMP NOT NULL
);

-- What phones said in a round, kept as counts when retention deletes the people who said it
-- (their comments go with them): a finding outlives the people behind it.
CREATE TABLE round_kept (
    item_id TEXT PRIMARY KEY NOT NULL REFERENCES round_items (id) ON DELETE CASCADE,
    yes     INTEGER NOT NULL DEFAULT 0,
    partly  INTEGER NOT NULL DEFAULT 0,
    no      INTEGER NOT NULL DEFAULT 0,
    dots    INTEGER NOT NULL DEFAULT 0,
    voters  INTEGER NOT NULL DEFAULT 0
);
