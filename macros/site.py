"""The content model for one build, shared by the macros, the hooks and the deck builder.

`content_for(root)` loads and validates the content once and hands the same object to every
caller until a content file changes (`mkdocs serve` then gets a fresh one). Bad content becomes
a PluginError: MkDocs prints its one line and stops the build, with no traceback.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from . import figures
from .model import ARGUMENTS, DATA, DECKS, Content, ContentError, load
from .sharing import git_dates

_cache: dict[Path, tuple[tuple, Content]] = {}
_dates: dict[Path, tuple[tuple, dict[str, str]]] = {}


def _signature(root: Path) -> tuple:
    files = [*(root / ARGUMENTS).glob("*.md"), *(root / DATA).glob("*.yml"), *(root / DECKS).glob("*.yml")]
    return tuple(sorted((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files))


def content_for(root: Path | str) -> Content:
    root = Path(root).resolve()
    signature = _signature(root)
    cached = _cache.get(root)
    if cached and cached[0] == signature:
        return cached[1]
    try:
        content = load(root)
        figures.check(content)
    except ContentError as error:
        raise PluginError(f"Bad content: {error}") from None
    _cache[root] = (signature, content)
    return content


def modified_dates(root: Path | str) -> dict[str, str]:
    """Last change of each page (path under docs/ → ISO date), from git, once per content change."""
    root = Path(root).resolve()
    signature = _signature(root)
    if root not in _dates or _dates[root][0] != signature:
        _dates[root] = (signature, git_dates(root))
    return _dates[root][1]
