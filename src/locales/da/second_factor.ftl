# second_factor
