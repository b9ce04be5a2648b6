# Sourced by the install and lock scripts: find a Python 3.10 that actually runs.
is_python310() {
  [ -n "$1" ] && "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' >/dev/null 2>&1
}

find_python310() {
  local pyenv_root candidate
  pyenv_root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
  for candidate in "${PYTHON310:-}" python3.10 "$pyenv_root"/versions/3.10*/bin/python3.10 \
      /usr/local/bin/python3.10 /usr/bin/python3.10; do
    if is_python310 "$candidate"; then echo "$candidate"; return 0; fi
  done
  cat >&2 <<'MSG'
Python 3.10 is needed (Rasa 3.6 runs on Python 3.8-3.10 only) and none was found.
Install one, then run `make install` again:
  - with pyenv:            pyenv install 3.10.13
  - on Ubuntu 22.04:       sudo apt-get install python3.10 python3.10-venv
  - elsewhere:             the installer from python.org (3.10.x)
If it is installed somewhere unusual, name it: make install PYTHON310=/path/to/python3.10
MSG
  return 1
}
