"""Questions and answers from the FAQ and the guidance, loaded from ``bot/sources``."""

from bot.knowledge.base import Entry, KnowledgeBase, load_knowledge

__all__ = ["Entry", "KnowledgeBase", "load_knowledge"]
