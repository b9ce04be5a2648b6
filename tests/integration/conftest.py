"""Integration tests need the trained model; they fail (not skip) without it."""

import pytest

from bot.settings import Settings
from tests.integration.servers import RunningAssistant


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/integration/" in str(item.fspath):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def model_path():
    path = Settings.from_environment().model_path
    assert path.exists(), f"no trained model at {path}: run `make train` first"
    return path


@pytest.fixture(scope="session")
def assistant(model_path, tmp_path_factory):
    running = RunningAssistant(tmp_path_factory.mktemp("state")).start()
    yield running
    running.stop()
