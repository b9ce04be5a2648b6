"""Custom Rasa graph components: thin adapters from Rasa's NLU pipeline to ``bot/``."""
