"""Which Dutch spaCy pipeline the assistant uses, and loading it.

The preferred pipeline is the trained ``nl_core_news_sm`` package. Where it is not installed
(its release download is not reachable everywhere), the assistant uses spaCy's built-in Dutch
language data: the tokenizer, stop words and lookup lemmas from ``spacy-lookups-data``.
"""

from dataclasses import dataclass
from importlib import metadata
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

PREFERRED_PACKAGE = "nl_core_news_sm"
PREFERRED_VERSION = "3.4.0"
FALLBACK_NAME = "nl-lookups"


@dataclass(frozen=True)
class PipelineChoice:
    """The pipeline that is available here: its identity and whether it is the preferred one."""

    identity: str
    preferred: bool

    def describe(self) -> str:
        """One line for people: which pipeline the assistant runs on."""
        if self.preferred:
            return f"Dutch spaCy pipeline {self.identity}"
        return (
            f"{PREFERRED_PACKAGE} {PREFERRED_VERSION} is not installed: the assistant runs on "
            f"spaCy's built-in Dutch language data instead ({self.identity}: tokenizer, "
            "stop words and lookup lemmas)"
        )


def _installed_version(distribution: str) -> Optional[str]:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def available_pipeline() -> PipelineChoice:
    """The pipeline this installation provides, without loading it."""
    version = _installed_version(PREFERRED_PACKAGE) or _installed_version(
        PREFERRED_PACKAGE.replace("_", "-")
    )
    if version:
        return PipelineChoice(identity=f"{PREFERRED_PACKAGE}-{version}", preferred=True)
    lookups = _installed_version("spacy-lookups-data") or "missing"
    spacy_version = _installed_version("spacy") or "missing"
    return PipelineChoice(
        identity=f"{FALLBACK_NAME}-spacy{spacy_version}-data{lookups}", preferred=False
    )


def load_pipeline(choice: Optional[PipelineChoice] = None) -> "Language":
    """Load the chosen (by default the available) Dutch pipeline."""
    import spacy

    choice = choice or available_pipeline()
    if choice.preferred:
        return spacy.load(PREFERRED_PACKAGE, disable=["parser"])
    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


if __name__ == "__main__":
    print(available_pipeline().identity)
