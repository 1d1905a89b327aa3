-- PostgreSQL; keep in step with ../../sqlite/.
-- Indexes for the filters that find a theme's sub-themes, a theme's key points and a
-- question's quotes. Deleting or merging a theme filters themes by parent_id and key_points by
-- theme_id, and deleting a question or a theme cascades through these columns; without an
-- index each of those reads the whole table, every topic's rows, to change one topic's.
CREATE INDEX themes_parent_id ON themes (parent_id);
CREATE INDEX key_points_theme_id ON key_points (theme_id);
CREATE INDEX quotes_question_id ON quotes (question_id);
