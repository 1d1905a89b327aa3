-- PostgreSQL; keep in step with ../../sqlite/.
-- The audit page's person filter: one person's events, newest first, without reading everyone
-- else's. (`audit_events_at` on `at` alone, from the first migration, serves the date filter,
-- the paging of the whole trail and the hourly purge.)
CREATE INDEX audit_events_user_at ON audit_events (user_id, at);
