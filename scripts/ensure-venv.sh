#!/usr/bin/env bash
# Debian and Ubuntu ship `python3 -m venv` in a package of its own (pythonX.Y-venv). The Makefile
# calls this when creating the virtual environment failed: install that package where we can (as
# root), else say what to install.
set -euo pipefail
python="${1:-python3}"
version="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "venv: installing Debian's python${version}-venv"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "python${version}-venv" >/dev/null
else
  echo "venv: « $python -m venv » failed; install python${version}-venv (Debian, Ubuntu) or your system's equivalent, then run make again" >&2
  exit 1
fi
