DROP TABLE round_kept;
DROP TABLE round_hands;
DROP TABLE round_answers;
DROP TABLE round_items;
DROP TABLE rounds;
