DROP TABLE answer_submissions;
