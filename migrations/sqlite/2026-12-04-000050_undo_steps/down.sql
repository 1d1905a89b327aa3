DROP TABLE undo_steps;
