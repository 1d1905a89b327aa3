ALTER TABLE quotes DROP COLUMN safe_reason;
