#!/usr/bin/env bash
# Make sure a Chromium the tests can drive is installed: Debian's package where we can install
# it (as root), else Playwright's own build. Prints the path found.
set -euo pipefail
for candidate in "${CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "chromium: $candidate"; exit 0; fi
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "chromium: installing Debian's package"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  echo "chromium: /usr/bin/chromium"
else
  echo "chromium: installing Playwright's Chromium"
  .venv/bin/python -m playwright install chromium
fi
