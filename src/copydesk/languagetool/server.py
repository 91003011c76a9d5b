"""Starting, finding and stopping LanguageTool servers.

A server that copydesk starts listens on 127.0.0.1 only, on a free port, and
dies with the process that started it (Linux parent-death signal), so no JVM
outlives an interrupted or killed run.
"""

from __future__ import annotations

import ctypes
import fcntl
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
import urllib.parse
import urllib.request
from contextlib import contextmanager
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
    """A port that was free a moment ago. Another process may take it before
    the JVM binds it, which is why the server is verified once it answers."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def die_with_parent(signal_number: int = signal.SIGTERM) -> None:
    """Ask Linux to signal this process when its parent dies (PR_SET_PDEATHSIG).
    Runs in a child: between fork and exec, or first thing in a worker."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal_number)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _die_with_parent() -> None:  # runs in the child between fork and exec
    die_with_parent(signal.SIGTERM)


def is_alive(url: str, timeout: float = 1.0) -> bool:
    try:
        with urllib.request.urlopen(url.rstrip("/") + "/v2/languages", timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def listening_socket_inodes(port: int) -> set[int]:
    """Inodes of the sockets listening on 127.0.0.1 (or any address) at ``port``, from /proc."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if len(fields) > 9 and fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:  # 0A: LISTEN
                inodes.add(int(fields[9]))
    return inodes


def socket_inodes_of(pid: int) -> set[int]:
    inodes = set()
    try:
        descriptors = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return inodes
    for name in descriptors:
        try:
            target = os.readlink(f"/proc/{pid}/fd/{name}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(int(target[8:-1]))
    return inodes


def listens_on(pid: int, port: int) -> bool | None:
    """Whether process ``pid`` owns the socket listening on ``port``: True or
    False, or None where /proc cannot tell (not Linux)."""
    if not Path("/proc/net/tcp").exists():
        return None
    listening = listening_socket_inodes(port)
    return bool(listening) and listening <= socket_inodes_of(pid)


class PortTaken(EngineError):
    """Another process answered on the port chosen for copydesk's own server."""


class LocalServer:
    """A LanguageTool server on 127.0.0.1 for as long as this object is open.

    No article is sent until the process listening on the port is known to be
    this server's JVM: a port chosen free can be taken by another local process
    before the JVM binds it, and that process would otherwise read the articles
    and have its answers printed as findings.
    """

    PORT_ATTEMPTS = 3

    def __init__(self, home: Path | None = None, heap: str = DEFAULT_HEAP) -> None:
        self.home = home or languagetool_home()
        self.heap = heap
        self.process: subprocess.Popen | None = None
        self.url: str | None = None
        self.startup_seconds = 0.0
        self._log = None  # an anonymous file: nothing is left behind, however the run ends
        self._properties_path: Path | None = None

    @property
    def identity(self) -> str:
        """This server for the result cache: the installation's path and version."""
        return local_identity(self.home)

    def start(self, timeout: float = START_TIMEOUT) -> str:
        record = installation(self.home)
        java = checked_java()
        started = time.monotonic()
        for attempt in range(1, self.PORT_ATTEMPTS + 1):
            try:
                self._launch(java, record, free_port())
                self._wait_until_ready(started, timeout)
                break
            except PortTaken:
                if attempt == self.PORT_ATTEMPTS:
                    raise
        self.startup_seconds = time.monotonic() - started
        return self.url

    def _launch(self, java: str, record: dict, port: int) -> None:
        self._properties_path = _write_properties()
        self._log = tempfile.TemporaryFile(prefix="copydesk-lt-log-")
        command = [java, f"-Xmx{self.heap}", "-cp", record["classpath"], SERVER_CLASS,
                   "--port", str(port), "--config", str(self._properties_path)]
        preexec = _die_with_parent if sys.platform.startswith("linux") else None
        self.process = subprocess.Popen(command, stdout=self._log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, preexec_fn=preexec)
        self.url = f"http://127.0.0.1:{port}"
        self.port = port

    def _wait_until_ready(self, started: float, timeout: float) -> None:
        while time.monotonic() - started < timeout:
            if self.process.poll() is not None:
                tail = self.log_tail()
                self.stop()
                raise EngineError(f"the LanguageTool server exited while starting (code {self.process.returncode}): "
                                  f"{tail}; {INSTALL_HINT}")
            if is_alive(self.url, timeout=1.0):
                if listens_on(self.process.pid, self.port) is False:
                    self.stop()
                    raise PortTaken(f"another process took port {self.port} before LanguageTool could listen "
                                    "on it; nothing was sent to it. Run again, or pass --no-grammar")
                self._remove_properties()  # read at start-up; not needed any more
                return
            time.sleep(0.2)
        self.stop()
        raise EngineError(f"the LanguageTool server did not start within {timeout:.0f} s; "
                          "check Java and free memory, or pass --no-grammar")

    def log_tail(self, lines: int = 1) -> str:
        if self._log is None or self._log.closed:
            return ""
        self._log.seek(0)
        text = self._log.read().decode("utf-8", errors="replace").strip().splitlines()
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
        self._remove_properties()
        if self._log is not None:
            self._log.close()

    def _remove_properties(self) -> None:
        if self._properties_path is not None:
            self._properties_path.unlink(missing_ok=True)
            self._properties_path = None

    def __enter__(self) -> LocalServer:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def local_identity(home: Path | None = None) -> str:
    """The local installation, as the result cache names it: path and version."""
    home = (home or languagetool_home()).resolve()
    try:
        version = installation(home).get("version", "unknown")
    except (EngineError, OSError, ValueError):
        version = "unknown"
    return f"local {home} {version}"


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

DAEMON_MODULE = "copydesk.languagetool.daemon"


def state_path() -> Path:
    return cache_dir() / "languagetool" / "server.json"


def last_used_path() -> Path:
    return cache_dir() / "languagetool" / "last-used"


def start_lock_path() -> Path:
    return cache_dir() / "languagetool" / "start.lock"


def daemon_lock_path() -> Path:
    return cache_dir() / "languagetool" / "daemon.lock"


def write_private(path: Path, text: str) -> None:
    """Write ``text`` atomically to a file only its owner can read (0600, in a 0700 folder)."""
    from copydesk.languagetool.client import private_folder

    private_folder(path.parent)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
    temporary.replace(path)


@contextmanager
def file_lock(path: Path, blocking: bool = True):
    """An exclusive lock on ``path`` (flock) for the block; yields False if
    ``blocking`` is False and another process holds it. The kernel releases it
    when the holder dies, so a crash never leaves it stuck."""
    from copydesk.languagetool.client import private_folder

    private_folder(path.parent)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(descriptor)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except (OverflowError, TypeError, ValueError):
        return False
    return True


def command_line(pid: int) -> list[str] | None:
    """The command line of process ``pid``, or None if it cannot be read."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        raw = None
    if raw is not None:
        return [part.decode("utf-8", "replace") for part in raw.split(b"\0") if part]
    try:
        completed = subprocess.run(["ps", "-p", str(pid), "-o", "command="], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return completed.stdout.split() or None


def is_copydesk_daemon(pid: object) -> bool:
    """Whether ``pid`` is a live copydesk warm-server supervisor (not a process
    that reused the number of one that died)."""
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0 or not _pid_alive(pid):
        return False
    arguments = command_line(pid) or []
    return DAEMON_MODULE in arguments


def warm_server_state() -> dict | None:
    """The running warm server's state, or None (stale state is removed)."""
    path = state_path()
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(state, dict) or not is_copydesk_daemon(state.get("pid")):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass
        return None
    return state


def warm_server_url() -> str | None:
    """The URL of a warm server that answers and is copydesk's own JVM, marking it as used."""
    state = warm_server_state()
    url = state.get("url") if state else None
    if not isinstance(url, str) or not is_alive(url, timeout=1.0):
        return None
    port = urllib.parse.urlsplit(url).port
    if port is None or listens_on(state.get("java_pid", -1), port) is False:
        return None  # something else answers on that port now: never send it an article
    mark_used()
    return url


def mark_used() -> None:
    """Touch the last-used file; a cache folder that cannot be written costs nothing here."""
    path = last_used_path()
    try:
        from copydesk.languagetool.client import private_folder

        private_folder(path.parent)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        os.utime(path)
    except OSError:
        pass


def start_warm_server(heap: str, idle_timeout: int, timeout: float = START_TIMEOUT) -> dict:
    """Start the background server (a small supervisor that owns the JVM).

    Under a lock: two `start` commands at once start one server, and the second
    returns the first one's state."""
    try:
        lock = file_lock(start_lock_path())
        with lock:
            return _start_warm_server_locked(heap, idle_timeout, timeout)
    except OSError as error:
        raise EngineError(f"cannot use the cache folder {cache_dir()} ({error.strerror or error}); "
                          "set COPYDESK_CACHE_DIR to a writable folder") from None


def _start_warm_server_locked(heap: str, idle_timeout: int, timeout: float) -> dict:
    state = warm_server_state()
    if state:
        return state
    installation()  # fail now, with the fix, if LanguageTool is missing
    checked_java()
    log = cache_dir() / "logs" / "languagetool-warm.log"
    write_private(log, "")
    command = [sys.executable, "-m", DAEMON_MODULE, "--heap", heap, "--idle-timeout", str(idle_timeout)]
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
    """Stop the warm server. Only a process that is a copydesk warm-server
    supervisor is signalled: a stale server.json may name a reused PID."""
    state = warm_server_state()  # checks the PID's command line, removes stale state
    if not state:
        return False
    pid = state["pid"]
    os.kill(pid, signal.SIGTERM)
    started = time.monotonic()
    while time.monotonic() - started < timeout and is_copydesk_daemon(pid):
        time.sleep(0.1)
    if is_copydesk_daemon(pid):
        os.kill(pid, signal.SIGKILL)
    state_path().unlink(missing_ok=True)
    return True
