"""loan_match's business rules: pure functions of their arguments, no I/O, no HTTP, no database."""
