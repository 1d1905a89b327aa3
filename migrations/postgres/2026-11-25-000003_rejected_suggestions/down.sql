DROP TABLE rejected_suggestions;
