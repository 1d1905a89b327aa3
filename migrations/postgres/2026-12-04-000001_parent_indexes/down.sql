DROP INDEX quotes_question_id;
DROP INDEX key_points_theme_id;
DROP INDEX themes_parent_id;
