ALTER TABLE staff_sessions DROP COLUMN second_factor_verified;
DROP TABLE pending_logins;
DROP TABLE recovery_codes;
DROP TABLE second_factors;
