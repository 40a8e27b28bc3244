"""Contract fuzzing with schemathesis: hooks, image corpus and checks (see schemathesis.toml)."""
