"""The project folder: its models, loading, `hkh check`, `hkh init` and opening hours."""
