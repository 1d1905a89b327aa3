DROP TABLE wall_answers;
DROP TABLE walls;
DROP TABLE live_events;
