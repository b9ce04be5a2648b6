"""Start the Rasa server (`python -m channels.server run ...`, the arguments of `rasa`).

Before handing over to Rasa's command line, it makes one of Rasa's checks cheaper without
changing what it checks: Rasa 3.6 validates every action server response against its JSON
schema with ``jsonschema.validate``, which first validates the schema itself against the JSON
Schema meta-schema, on every call. That meta-check took some 40% of the Rasa server's CPU in an
interview. Here the schema is checked once and its validator reused. It also keeps user text out
of the logs (channels/log_privacy.py).
"""

import sys
from functools import lru_cache
from typing import Any, Dict, Text

from channels import log_privacy


@lru_cache(maxsize=None)
def _response_validator() -> Any:
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_result(self: Any, result: Dict[Text, Any]) -> bool:
    """Rasa's ``RemoteAction._validate_action_result``, with the validator made once."""
    from jsonschema import ValidationError, exceptions
    from rasa.shared.constants import DOCS_BASE_URL

    error = exceptions.best_match(_response_validator().iter_errors(result))
    if error is None:
        return True
    if isinstance(error, ValidationError):
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from "
            f"the Action endpoint is valid. For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
    raise error


def install() -> None:
    """Use the cached validator in Rasa's remote actions."""
    from rasa.core.actions.action import RemoteAction

    RemoteAction._validate_action_result = validate_action_result


def main() -> None:
    install()
    log_privacy.install()
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *sys.argv[1:]]
    rasa_main()


if __name__ == "__main__":
    main()
