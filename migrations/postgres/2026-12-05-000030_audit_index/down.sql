DROP INDEX audit_events_user_at;
