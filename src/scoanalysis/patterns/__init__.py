"""Regular expressions and lexicons, compiled once at import, one module per stage."""
