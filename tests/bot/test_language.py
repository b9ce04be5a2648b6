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


def _installed(monkeypatch, versions):
    """Pretend that exactly these distributions are installed, at these versions."""
    def version(name):
        if name not in versions:
            raise metadata.PackageNotFoundError(name)
        return versions[name]
    monkeypatch.setattr(metadata, "version", version)


def test_the_trained_package_is_preferred_under_either_spelling(monkeypatch):
    for name in ("nl_core_news_sm", "nl-core-news-sm"):
        _installed(monkeypatch, {name: "3.4.0", "spacy": "3.4.4", "spacy-lookups-data": "1.0.5"})
        assert available_pipeline() == PipelineChoice(identity="nl_core_news_sm-3.4.0", preferred=True)


def test_missing_language_data_is_named_missing(monkeypatch):
    _installed(monkeypatch, {"spacy": "3.4.4"})
    assert available_pipeline() == PipelineChoice("nl-lookups-spacy3.4.4-datamissing", False)
    _installed(monkeypatch, {})
    assert available_pipeline() == PipelineChoice("nl-lookups-spacymissing-datamissing", False)


def test_the_trained_package_loads_without_its_parser(monkeypatch):
    import spacy

    loaded = []
    monkeypatch.setattr(spacy, "load", lambda name, **options: loaded.append((name, options)) or "nlp")
    assert load_pipeline(PipelineChoice("nl_core_news_sm-3.4.0", True)) == "nlp"
    _installed(monkeypatch, {"nl_core_news_sm": "3.4.0"})
    assert load_pipeline() == "nlp"
    assert loaded == [("nl_core_news_sm", {"disable": ["parser"]})] * 2


def test_without_a_choice_the_available_pipeline_loads(monkeypatch):
    _installed(monkeypatch, {"spacy": "3.4.4"})
    nlp = load_pipeline()
    assert nlp.lang == "nl" and nlp.pipe_names == ["lemmatizer"]
