"""The warm background server: ``python -m copydesk.languagetool.daemon``.

It owns one LanguageTool JVM, records where it listens, and stops it after an
idle timeout (lint runs touch a last-used file) or on SIGTERM. Started by
``copydesk languagetool start``; not meant to be run by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time

from copydesk.languagetool import EngineError
from copydesk.languagetool.server import (
    LocalServer,
    daemon_lock_path,
    file_lock,
    installation,
    last_used_path,
    local_identity,
    mark_used,
    state_path,
    warm_up,
    write_private,
)

POLL_SECONDS = 2.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--heap", default="1g")
    parser.add_argument("--idle-timeout", type=int, default=3600)
    args = parser.parse_args()

    stopping = False

    def request_stop(*_):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    # One warm server per cache folder: the lock is held for the daemon's life
    # and released by the kernel however it ends.
    with file_lock(daemon_lock_path(), blocking=False) as locked:
        if not locked:
            print("copydesk: another warm LanguageTool server is running; `copydesk languagetool stop` stops it",
                  file=sys.stderr)
            return 2
        return serve(args, lambda: stopping)


def serve(args: argparse.Namespace, stopping) -> int:
    server = LocalServer(heap=args.heap)
    try:
        url = server.start()
    except EngineError as error:
        print(f"copydesk: {error}", file=sys.stderr)
        return 2
    warm_up(url)
    mark_used()
    state = {"pid": os.getpid(), "java_pid": server.process.pid, "url": url, "heap": args.heap,
             "idle_timeout": args.idle_timeout, "started": time.time(),
             "version": installation().get("version"), "identity": local_identity()}
    path = state_path()
    write_private(path, json.dumps(state))
    print(f"LanguageTool ready at {url} in {server.startup_seconds:.1f} s", flush=True)
    try:
        while not stopping() and server.process.poll() is None:
            try:
                idle = time.time() - last_used_path().stat().st_mtime
            except OSError:
                idle = 0.0  # removed by hand: count from now
            if idle > args.idle_timeout:
                print(f"idle for {idle:.0f} s; stopping", flush=True)
                break
            time.sleep(POLL_SECONDS)
    finally:
        server.stop()
        try:
            if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
                path.unlink()
        except (OSError, ValueError):
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
