"""The Chromium the project drives: Debian's where installed, else Playwright's own."""

from __future__ import annotations

import os
import shutil

# Flags for a closed network: no background requests, no first-run, no sandbox as root.
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync", "--disable-quic",
]


def executable() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if candidate and shutil.which(candidate):
            return candidate
    return None  # Playwright's bundled Chromium


def launch(playwright):
    return playwright.chromium.launch(executable_path=executable(), args=ARGS)
