"""LanguageTool: installation, a local server's lifecycle, and a caching client.

copydesk runs a real LanguageTool HTTP server bound to 127.0.0.1. It comes from
Maven Central (through Maven) into a per-user cache folder, or from
language-tool-python's own download where Maven is missing.
"""

from __future__ import annotations

import os
from pathlib import Path

LT_VERSION = "6.8"
LANGUAGE = "en-US"


class EngineError(Exception):
    """LanguageTool cannot be used; the message names the fix."""


class ServerNeeded(Exception):
    """A paragraph is not in the result cache and no server is running yet: the
    run starts one (LanguageTool's JVM takes seconds) and lints the file again."""


def cache_dir() -> Path:
    """copydesk's cache folder: $COPYDESK_CACHE_DIR, else the XDG cache folder."""
    explicit = os.environ.get("COPYDESK_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base).expanduser() / "copydesk"


def languagetool_home(version: str = LT_VERSION) -> Path:
    """Where LanguageTool is installed: $COPYDESK_LANGUAGETOOL_HOME or the cache folder."""
    explicit = os.environ.get("COPYDESK_LANGUAGETOOL_HOME")
    if explicit:
        return Path(explicit).expanduser()
    return cache_dir() / "languagetool" / version
