"""Custom actions: thin adapters from rasa-sdk to the domain in ``bot/``, one module per concern."""
