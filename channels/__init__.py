"""Web routes the Rasa server serves beside its chat channels (listed in credentials.yml)."""
