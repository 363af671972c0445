"""Every SQL statement of loan_match, one module per table group; the typed rows they return are
in ``rows.py`` (figure rows beside the queries that return them). Nothing here commits."""
