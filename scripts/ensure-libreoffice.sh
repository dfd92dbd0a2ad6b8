#!/usr/bin/env bash
# Make sure LibreOffice Impress is installed: the tests convert each PowerPoint deck to PDF with it
# (`soffice --headless --convert-to pdf`) and count the pages. Debian's package, installed as root
# without its recommends (media plug-ins), with Liberation Sans, the font metric-compatible with the
# decks' Arial. As root, or through sudo where it asks no password (GitHub's runners). Prints the path found.
set -euo pipefail
for candidate in "${SOFFICE:-}" /usr/bin/soffice /usr/bin/libreoffice; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "libreoffice: $candidate"; exit 0; fi
done
as_root=""
[ "$(id -u)" = 0 ] || { command -v sudo >/dev/null && sudo -n true 2>/dev/null && as_root="sudo -n"; }
if { [ "$(id -u)" = 0 ] || [ -n "$as_root" ]; } && command -v apt-get >/dev/null; then
  echo "libreoffice: installing Debian's libreoffice-impress"
  $as_root apt-get update -qq
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    libreoffice-impress fonts-liberation2 >/dev/null
  echo "libreoffice: /usr/bin/soffice"
else
  echo "libreoffice: not found; install Debian's libreoffice-impress (apt-get install libreoffice-impress)" >&2
  exit 1
fi
