"""The real site and decks, built once per test session into a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from macros.model import Content, load

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def mkdocs_build(config: Path, site: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        capture_output=True, text=True, env=env, cwd=config.parent,
    )


@pytest.fixture(scope="session")
def content() -> Content:
    return load(ROOT)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT / "mkdocs.yml", out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def pdfs(site) -> Path:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "print_pdfs.py"), str(site)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def browser():
    """A real Chromium (Debian’s where installed, else Playwright’s), one per test module."""
    from playwright.sync_api import sync_playwright

    from scripts.browser import launch

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


def pytest_collection_modifyitems(items):
    """A test that reads the printed files needs Chromium (and LibreOffice) as much as one that drives
    the browser itself: `-m "not browser"` (make test-fast) leaves both out."""
    for item in items:
        if "pdfs" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
