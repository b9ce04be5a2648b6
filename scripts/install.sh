#!/usr/bin/env bash
# Create the virtual environment on Python 3.10 and install the locked dependencies,
# then the Dutch spaCy pipeline nl_core_news_sm 3.4.0 where it can be had.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
PIP_TOOLS=(pip==24.0 setuptools==70.3.0 wheel==0.45.1)
MODEL_NAME=nl_core_news_sm
MODEL_VERSION=3.4.0
MODEL_URL="https://github.com/explosion/spacy-models/releases/download/${MODEL_NAME}-${MODEL_VERSION}/${MODEL_NAME}-${MODEL_VERSION}-py3-none-any.whl"

. scripts/python310.sh

if ! is_python310 "$VENV/bin/python"; then
  PYTHON=$(find_python310) || exit 1
  echo "Creating $VENV with $PYTHON"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
fi

"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${PIP_TOOLS[@]}"
echo "Installing the locked dependencies (requirements.lock)"
"$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps -r requirements.lock
"$VENV/bin/pip" check

has_model() { "$VENV/bin/python" -c "import $MODEL_NAME" >/dev/null 2>&1; }

if ! has_model; then
  if [ -n "${NL_CORE_NEWS_SM_WHEEL:-}" ]; then
    echo "Installing $MODEL_NAME from NL_CORE_NEWS_SM_WHEEL=$NL_CORE_NEWS_SM_WHEEL"
    "$VENV/bin/pip" install --quiet --no-deps "$NL_CORE_NEWS_SM_WHEEL"
  else
    echo "Trying the official download of $MODEL_NAME $MODEL_VERSION"
    "$VENV/bin/pip" install --quiet --no-deps --timeout 20 --retries 1 "$MODEL_URL" >/dev/null 2>&1 || true
  fi
fi

if has_model; then
  echo "Dutch spaCy pipeline: $("$VENV/bin/python" -m bot.language)"
else
  cat <<MSG

NOTE: $MODEL_NAME $MODEL_VERSION could not be installed (its download is not reachable from
this machine). The assistant runs on spaCy's built-in Dutch language data instead: tokenizer,
stop words and lookup lemmas from spacy-lookups-data. Everything works on that.
To use the full pipeline on a server without internet access, download
  $MODEL_URL
elsewhere, then run: NL_CORE_NEWS_SM_WHEEL=/path/to/that.whl make install

MSG
fi
