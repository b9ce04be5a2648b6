"""Keep the garbage collector's full collections short in the servers.

A Rasa worker holds the model, spaCy's Dutch language data and the passage search: millions of
objects that live as long as the process. CPython's full collection walks every one of them,
some 350-500 ms per worker, about every 10 seconds under load, and every request that worker
holds waits meanwhile. Once a server has loaded what it keeps, those objects are frozen
(``gc.freeze``, the standard library's way): collections then walk only what was made since.
Nothing is lost by it: a frozen object is still freed by its reference count.
"""

import gc
import logging
from typing import Any

logger = logging.getLogger(__name__)

FROZEN_MESSAGE = "Objects loaded at start, left out of garbage collections from now on: %d"


def freeze_loaded_objects() -> int:
    """Collect what is garbage already, then freeze every object left; returns how many are
    frozen in all."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


async def freeze_after_start(app: Any, loop: Any) -> None:
    """Sanic listener for ``after_server_start``, when the server has loaded what it keeps."""
    logger.info(FROZEN_MESSAGE, freeze_loaded_objects())
