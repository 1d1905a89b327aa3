DROP TABLE rejected_guesses;
DROP TABLE answer_vectors;
