-- Why a facilitator approved a quote that looks like it holds personal data (a name, a
-- number): recorded with the approval, cleared when the text changes.
ALTER TABLE quotes ADD COLUMN safe_reason TEXT;
