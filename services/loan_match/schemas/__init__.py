"""Request and answer bodies of loan_match, one module per resource; shared field types in ``fields``."""
