"""The assistant's domain in plain Python: knowledge, clauses, drafts and settings.

Nothing in this package imports Rasa; ``actions/`` and ``components/`` adapt it to Rasa.
"""
