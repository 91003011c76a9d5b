"""Starting, finding and stopping LanguageTool servers.

A server that copydesk starts listens on 127.0.0.1 only, on a free port, and
dies with the process that started it (Linux parent-death signal), so no JVM
outlives an interrupted or killed run.
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from copydesk.languagetool import LT_VERSION, EngineError, cache_dir, languagetool_home

SERVER_CLASS = "org.languagetool.server.HTTPServer"
MINIMUM_JAVA = 17
DEFAULT_HEAP = "1g"
START_TIMEOUT = 120.0
INSTALL_HINT = "run `copydesk languagetool install`, or pass --no-grammar to lint without grammar and spelling"
SERVER_PROPERTIES = {
    # Reuse analysis pipelines between requests instead of building one per check.
    "pipelineCaching": "true",
    "maxPipelinePoolSize": "64",
    "pipelineExpireTimeInSeconds": "3600",
    "maxCheckThreads": str(max(2, os.cpu_count() or 2)),
}


# --- Java ---------------------------------------------------------------------

def java_executable() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").exists():
        return str(Path(java_home) / "bin" / "java")
    found = shutil.which("java")
    if not found:
        raise EngineError(f"Java not found; install Java {MINIMUM_JAVA} or newer (e.g. apt-get install "
                          f"openjdk-{MINIMUM_JAVA}-jre-headless), or pass --no-grammar")
    return found


def java_major_version(java: str) -> int:
    completed = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30)
    match = re.search(r'version "(\d+)(?:\.(\d+))?', completed.stderr + completed.stdout)
    if not match:
        raise EngineError(f"could not read the version of {java}; install Java {MINIMUM_JAVA} or newer")
    major = int(match.group(1))
    return int(match.group(2)) if major == 1 else major  # "1.8.0" is Java 8


def checked_java() -> str:
    java = java_executable()
    major = java_major_version(java)
    if major < MINIMUM_JAVA:
        raise EngineError(f"LanguageTool {LT_VERSION} needs Java {MINIMUM_JAVA} or newer, found Java {major} "
                          f"({java}); install a newer JDK or set JAVA_HOME to one")
    return java


# --- installation record ----------------------------------------------------------

def installation(home: Path | None = None) -> dict:
    """The record ``install`` wrote: version and class path."""
    home = home or languagetool_home()
    record = home / "installed.json"
    if not record.is_file():
        raise EngineError(f"LanguageTool is not installed in {home}; {INSTALL_HINT}")
    return json.loads(record.read_text(encoding="utf-8"))


# --- one server -------------------------------------------------------------------

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _die_with_parent() -> None:  # runs in the child between fork and exec
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def is_alive(url: str, timeout: float = 1.0) -> bool:
    try:
        with urllib.request.urlopen(url.rstrip("/") + "/v2/languages", timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


class LocalServer:
    """A LanguageTool server on 127.0.0.1 for as long as this object is open."""

    def __init__(self, home: Path | None = None, heap: str = DEFAULT_HEAP) -> None:
        self.home = home or languagetool_home()
        self.heap = heap
        self.process: subprocess.Popen | None = None
        self.url: str | None = None
        self.startup_seconds = 0.0
        self._log_path: Path | None = None
        self._properties_path: Path | None = None

    def start(self, timeout: float = START_TIMEOUT) -> str:
        record = installation(self.home)
        java = checked_java()
        port = free_port()
        started = time.monotonic()
        self._properties_path = _write_properties()
        log_dir = cache_dir() / "logs"
        log_dir.mkdir(parents=True, exist_ok=True)
        self._log_path = log_dir / f"languagetool-{os.getpid()}-{port}.log"
        command = [java, f"-Xmx{self.heap}", "-cp", record["classpath"], SERVER_CLASS,
                   "--port", str(port), "--config", str(self._properties_path)]
        with open(self._log_path, "wb") as log:
            preexec = _die_with_parent if sys.platform.startswith("linux") else None
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                            stdin=subprocess.DEVNULL, preexec_fn=preexec)
        self.url = f"http://127.0.0.1:{port}"
        self._wait_until_ready(started, timeout)
        self.startup_seconds = time.monotonic() - started
        return self.url

    def _wait_until_ready(self, started: float, timeout: float) -> None:
        while time.monotonic() - started < timeout:
            if self.process.poll() is not None:
                tail = self.log_tail()
                self.stop()
                raise EngineError(f"the LanguageTool server exited while starting (code {self.process.returncode}): "
                                  f"{tail}; {INSTALL_HINT}")
            if is_alive(self.url, timeout=1.0):
                return
            time.sleep(0.2)
        self.stop()
        raise EngineError(f"the LanguageTool server did not start within {timeout:.0f} s; "
                          "check Java and free memory, or pass --no-grammar")

    def log_tail(self, lines: int = 1) -> str:
        if not self._log_path or not self._log_path.exists():
            return ""
        text = self._log_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        interesting = [line for line in text if "Exception" in line or "Error" in line] or text
        return " | ".join(interesting[-lines:])

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for path in (self._properties_path, self._log_path):
            if path and path.exists() and (self.process is None or self.process.returncode in (0, -15, 143)):
                path.unlink(missing_ok=True)

    def __enter__(self) -> LocalServer:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def _write_properties() -> Path:
    handle = tempfile.NamedTemporaryFile("w", prefix="copydesk-lt-", suffix=".properties", delete=False)
    with handle:
        for key, value in SERVER_PROPERTIES.items():
            handle.write(f"{key}={value}\n")
    return Path(handle.name)


WARM_UP_TEXT = ("Copydesk warms up the server: it loads the English rules once, "
                "so that the first article checked later is fast. Their going too the shop.")


def warm_up(url: str) -> None:
    """One check, so the JVM loads and compiles the English rules before real work."""
    from copydesk.languagetool.client import Client

    Client(url, cache=None).check(WARM_UP_TEXT)


# --- the warm background server ------------------------------------------------------

def state_path() -> Path:
    return cache_dir() / "languagetool" / "server.json"


def last_used_path() -> Path:
    return cache_dir() / "languagetool" / "last-used"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def warm_server_state() -> dict | None:
    """The running warm server's state, or None (stale state is removed)."""
    path = state_path()
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not _pid_alive(state.get("pid", -1)):
        path.unlink(missing_ok=True)
        return None
    return state


def warm_server_url() -> str | None:
    """The URL of a warm server that answers, marking it as used."""
    state = warm_server_state()
    if state and is_alive(state["url"], timeout=1.0):
        mark_used()
        return state["url"]
    return None


def mark_used() -> None:
    path = last_used_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()


def start_warm_server(heap: str, idle_timeout: int, timeout: float = START_TIMEOUT) -> dict:
    """Start the background server (a small supervisor that owns the JVM)."""
    state = warm_server_state()
    if state:
        return state
    installation()  # fail now, with the fix, if LanguageTool is missing
    checked_java()
    log = cache_dir() / "logs" / "languagetool-warm.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "copydesk.languagetool.daemon", "--heap", heap, "--idle-timeout", str(idle_timeout)]
    with open(log, "wb") as handle:
        daemon = subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                  start_new_session=True)
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        state = warm_server_state()
        if state and state.get("pid") == daemon.pid:
            return state
        if daemon.poll() is not None:
            tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-1:] or ["no output"]
            raise EngineError(f"the background LanguageTool server did not start: {tail[0]}")
        time.sleep(0.2)
    daemon.terminate()
    raise EngineError(f"the background LanguageTool server did not start within {timeout:.0f} s")


def stop_warm_server(timeout: float = 20.0) -> bool:
    state = warm_server_state()
    if not state:
        return False
    os.kill(state["pid"], signal.SIGTERM)
    started = time.monotonic()
    while time.monotonic() - started < timeout and _pid_alive(state["pid"]):
        time.sleep(0.1)
    if _pid_alive(state["pid"]):
        os.kill(state["pid"], signal.SIGKILL)
    state_path().unlink(missing_ok=True)
    return True
