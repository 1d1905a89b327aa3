-- Settings an admin changes in the browser (issue 17): organisation, contact details,
-- retention defaults, mail, the accessibility statement. One row per setting, so every
-- replica reads the same values and a new setting needs no migration. A value set by a
-- server flag or environment variable wins over the row (the page says so).
CREATE TABLE site_settings (
    key        TEXT PRIMARY KEY NOT NULL,
    value      TEXT NOT NULL,
    updated_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    updated_at TIMESTAMP NOT NULL
);
