"""Dutch words as search terms: spaCy's stop words and lookup lemmas, the Snowball stemmer.

Both spaCy data sets are read without loading spaCy itself, which would import a
machine-learning stack that the action server does not need.
"""

import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Dict, FrozenSet, List, Tuple

from bot.user_text import fold

# Words: letters and digits; hyphens and apostrophes split them ("vmbo-examens", "ROC's").
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Words of chat that carry no subject, missing from spaCy's list (greetings and fillers too:
# "ehh wacht, ..."), and the one-word spellings of question words whose parts are on it
# ("hoelang" for "hoe lang").
EXTRA_STOP_WORDS = frozenset({
    "eigenlijk", "nou", "hoor", "echt", "graag", "namens", "svp", "hoezo", "trouwens", "wacht",
    "eh", "ehh", "ehm", "uh", "uhm", "hmm", "oja", "ok", "oke", "hoi", "hallo",
    "hoelang", "hoevaak",
})
# The stems of this many distinct words are kept, so that a word met again is not stemmed again.
STEMS_KEPT = 50_000


def dutch_stop_words() -> FrozenSet[str]:
    """spaCy's Dutch stop words, from its data module (loaded on its own, not through spaCy)."""
    from pathlib import Path

    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:
        raise RuntimeError("spaCy is not installed")
    module_file = Path(spec.origin).parent / "lang" / "nl" / "stop_words.py"
    module_spec = importlib.util.spec_from_file_location("_spacy_dutch_stop_words", module_file)
    module = importlib.util.module_from_spec(module_spec)  # type: ignore[arg-type]
    module_spec.loader.exec_module(module)  # type: ignore[union-attr]
    return frozenset(fold(str(word)) for word in module.STOP_WORDS) | EXTRA_STOP_WORDS


class LemmaTable:
    """Dutch word forms and their lemmas."""

    def __init__(self, lemmas: Dict[str, str]) -> None:
        self._lemmas = dict(lemmas)
        self._known = frozenset(self._lemmas) | frozenset(self._lemmas.values())

    def lemma(self, word: str) -> str:
        """The lemma of ``word`` (the word itself when the table does not know it)."""
        return self._lemmas.get(word, word)

    def knows(self, word: str) -> bool:
        """Whether ``word`` is a Dutch word form or lemma the table lists."""
        return word in self._known


@lru_cache(maxsize=1)
def dutch_lemmas() -> LemmaTable:
    """spaCy's Dutch lookup lemmas (spacy-lookups-data), read without loading spaCy."""
    import gzip
    import json
    from importlib import resources

    table_file = resources.files("spacy_lookups_data") / "data" / "nl_lemma_lookup.json.gz"
    table = json.loads(gzip.decompress(table_file.read_bytes()))
    return LemmaTable({fold(k): fold(v) for k, v in table.items()})


@dataclass(frozen=True)
class Analyser:
    """Reduces a text to its content words, each as the stems of its forms."""

    lemmas: LemmaTable
    stop_words: FrozenSet[str]
    stem: Callable[[str], str] = lambda word: word

    def words(self, text: str) -> List[Tuple[str, Tuple[str, ...]]]:
        """Per content word of ``text``: the word, and the stems of it and of its lemma."""
        found = []
        for word in _WORD.findall(fold(text)):
            if word in self.stop_words or word.isdigit() or len(word) < 2:
                continue
            forms = dict.fromkeys((self.stem(word), self.stem(self.lemmas.lemma(word))))
            found.append((word, tuple(forms)))
        return found

    def terms(self, text: str) -> List[str]:
        """Every form of every content word of ``text``, in order."""
        return [form for _, forms in self.words(text) for form in forms]


def dutch_analyser() -> Analyser:
    """The analyser for Dutch: lookup lemmas, spaCy's stop words, the Snowball stemmer."""
    import snowballstemmer

    stemmer = snowballstemmer.stemmer("dutch")
    return Analyser(dutch_lemmas(), dutch_stop_words(), lru_cache(maxsize=STEMS_KEPT)(stemmer.stemWord))
