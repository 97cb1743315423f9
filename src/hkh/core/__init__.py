"""The ground floor: errors, safe file writing, the project lock, YAML and text decoding."""
