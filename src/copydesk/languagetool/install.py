"""``copydesk languagetool install``: LanguageTool for English into the cache folder.

With Maven: a small pom (languagetool-server without language-all, plus
language-en) and ``mvn dependency:copy-dependencies`` from Maven Central.
Without Maven: language-tool-python's own download of the release zip.
Idempotent; checks Java first and proves the server starts at the end.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from copydesk.languagetool import LT_VERSION, EngineError, languagetool_home
from copydesk.languagetool.server import LocalServer, checked_java, java_major_version

Report = Callable[[str], None]


def install(home: Path | None = None, version: str = LT_VERSION, report: Report = print,
            verify: bool = True, force: bool = False) -> dict:
    """Install LanguageTool ``version`` into ``home``; returns the installation record."""
    home = home or languagetool_home(version)
    java = checked_java()
    report(f"Java {java_major_version(java)} at {java}")
    record_path = home / "installed.json"
    if record_path.is_file() and not force:
        record = json.loads(record_path.read_text(encoding="utf-8"))
        report(f"LanguageTool {record['version']} is already installed in {home}")
    else:
        record = _install_with_maven(home, version, report) if shutil.which("mvn") else \
            _install_with_language_tool_python(home, version, report)
        record_path.write_text(json.dumps(record, indent=2), encoding="utf-8")
    if verify:
        report("Starting the server to check that it works...")
        with LocalServer(home) as server:
            report(f"LanguageTool {record['version']} started on {server.url} in {server.startup_seconds:.1f} s")
    return record


def _install_with_maven(home: Path, version: str, report: Report) -> dict:
    report(f"Downloading LanguageTool {version} for English from Maven Central with Maven (about 80 MB)...")
    lib = home / "lib"
    staging = home / "lib.partial"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    template = resources.files("copydesk.languagetool").joinpath("pom.xml.in").read_text(encoding="utf-8")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="copydesk-lt-pom-") as folder:
        pom = Path(folder) / "pom.xml"
        pom.write_text(template.replace("@VERSION@", version), encoding="utf-8")
        command = ["mvn", "-B", "-f", str(pom), "dependency:copy-dependencies",
                   f"-DoutputDirectory={staging}", "-DincludeScope=runtime"]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        downloaded = 0
        tail: list[str] = []
        for line in process.stdout:
            tail = (tail + [line.rstrip()])[-15:]
            if line.startswith("Downloaded from"):
                downloaded += 1
                if downloaded % 25 == 0:
                    report(f"  {downloaded} files downloaded")
        if process.wait() != 0:
            shutil.rmtree(staging, ignore_errors=True)
            errors = [line for line in tail if "ERROR" in line] or tail[-3:]
            raise EngineError("Maven could not fetch LanguageTool: " + " | ".join(errors)[:500])
    jars = sorted(staging.glob("*.jar"))
    if not any(j.name.startswith("languagetool-server") for j in jars):
        raise EngineError("Maven finished but the LanguageTool server jar is missing; run the install again")
    shutil.rmtree(lib, ignore_errors=True)
    staging.replace(lib)
    size = sum(j.stat().st_size for j in lib.glob("*.jar")) / 1e6
    report(f"Installed {len(jars)} jars ({size:.0f} MB) in {lib} in {time.monotonic() - started:.0f} s")
    return {"version": version, "source": "maven", "classpath": str(lib / "*")}


def _install_with_language_tool_python(home: Path, version: str, report: Report) -> dict:
    """Maven is missing: fall back on language-tool-python's release download."""
    report(f"Maven not found; downloading LanguageTool {version} with language-tool-python instead...")
    try:
        from language_tool_python.download_lt import LocalLanguageTool
    except ImportError as error:
        raise EngineError("neither Maven nor language-tool-python is available; install Maven "
                          "(apt-get install maven) and run the install again") from error
    try:
        local = LocalLanguageTool.from_version_name(version)
        local.download()
        directory = Path(local.get_directory_path())
    except Exception as error:  # network, checksum or archive trouble in the third-party download
        raise EngineError(f"the download failed ({error}); install Maven (apt-get install maven) "
                          "and run `copydesk languagetool install` again") from error
    home.mkdir(parents=True, exist_ok=True)
    return {"version": version, "source": "language-tool-python",
            "classpath": str(directory / "languagetool-server.jar")}
