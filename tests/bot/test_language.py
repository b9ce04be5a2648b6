"""Which Dutch pipeline this installation provides, and how it is named and loaded."""

from importlib import metadata

from bot.language import FALLBACK_NAME, PREFERRED_PACKAGE, PipelineChoice, available_pipeline, load_pipeline


def _version(name):
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def test_the_pipeline_is_named_after_what_is_installed():
    choice = available_pipeline()
    preferred = _version(PREFERRED_PACKAGE) or _version(PREFERRED_PACKAGE.replace("_", "-"))
    if preferred:
        assert choice == PipelineChoice(identity=f"{PREFERRED_PACKAGE}-{preferred}", preferred=True)
    else:
        identity = f"{FALLBACK_NAME}-spacy{_version('spacy')}-data{_version('spacy-lookups-data')}"
        assert choice == PipelineChoice(identity=identity, preferred=False)


def test_each_choice_describes_itself():
    assert PipelineChoice("nl_core_news_sm-3.4.0", True).describe() == "Dutch spaCy pipeline nl_core_news_sm-3.4.0"
    assert PipelineChoice("x", False).describe() == (
        "nl_core_news_sm 3.4.0 is not installed: the assistant runs on spaCy's built-in Dutch "
        "language data instead (x: tokenizer, stop words and lookup lemmas)")


def test_the_built_in_pipeline_is_dutch_with_lookup_lemmas():
    nlp = load_pipeline(PipelineChoice("x", False))
    assert nlp.lang == "nl" and nlp.pipe_names == ["lemmatizer"]
    assert [token.lemma_ for token in nlp("De docenten werkten")] == ["de", "docent", "werken"]
