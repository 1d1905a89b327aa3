-- The removed characters cannot be put back, and nothing needs them: nothing to undo.
SELECT 1;
