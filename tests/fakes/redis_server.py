"""A real, throw-away redis-server on 127.0.0.1 (Debian's package), and the session fixture that runs one.

    with RedisServer() as server:
        store = RedisStore(server.url)

No persistence (--save '' --appendonly no), a temporary --dir, a free port; stopped and removed on exit.
Register the fixture with ``pytest_plugins = ["tests.fakes.redis_server"]`` in the root conftest.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.network import free_port

INSTALL_HINT = "install it with `apt-get install -y redis-server` (scripts/setup.sh does so)"


class RedisServer:
    def __init__(self, *, start_timeout: float = 10.0):
        self._start_timeout = start_timeout
        self._process: subprocess.Popen | None = None
        self._dir: tempfile.TemporaryDirectory | None = None
        self.port = 0

    @property
    def _log(self) -> str:
        return str(Path(self._dir.name) / "redis.log")

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        executable = shutil.which("redis-server")
        if executable is None:
            raise RuntimeError(f"redis-server is not on PATH: {INSTALL_HINT}")
        self._dir = tempfile.TemporaryDirectory(prefix="storytune-redis-")
        for _ in range(3):  # the free port may be taken between choosing and binding it
            self.port = free_port()
            self._process = subprocess.Popen(
                [executable, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                 "--daemonize", "no", "--dir", self._dir.name, "--logfile", self._log],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
            if self._wait_for_pong():
                return self
            output = self._stop_process()
        self._dir.cleanup()
        raise RuntimeError(f"redis-server did not answer PING on 127.0.0.1:{self.port}:\n{output}")

    def flush(self) -> None:
        """Empty every database, so a test starts from nothing."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as connection:
            connection.sendall(b"FLUSHALL\r\n")
            reply = connection.recv(64)
        if not reply.startswith(b"+OK"):
            raise RuntimeError(f"FLUSHALL answered {reply!r}")

    def kill(self) -> None:
        """An outage: the server dies (SIGKILL), its port and directory are kept for restart()."""
        process, self._process = self._process, None
        process.kill()
        process.wait()

    def restart(self) -> None:
        """Back on the same port, empty (no persistence), as after a crash of a cache-only Redis."""
        self._process = subprocess.Popen(
            [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--daemonize", "no", "--dir", self._dir.name, "--logfile", self._log],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        if not self._wait_for_pong():
            raise RuntimeError(f"redis-server did not come back on 127.0.0.1:{self.port}")

    def stop(self) -> None:
        if self._process is not None:
            self._stop_process()
        if self._dir is not None:
            self._dir.cleanup()
            self._dir = None

    def __enter__(self) -> RedisServer:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def _wait_for_pong(self) -> bool:
        deadline = time.monotonic() + self._start_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                return False
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as connection:
                    connection.sendall(b"PING\r\n")
                    if connection.recv(64).startswith(b"+PONG"):
                        return True
            except OSError:
                pass
            time.sleep(0.05)
        return False

    def _stop_process(self) -> str:
        """Terminate (SIGTERM: redis exits at once without persistence) and return its log."""
        process, self._process = self._process, None
        if process.poll() is None:
            process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log = Path(self._log)
        return log.read_text(errors="replace") if log.exists() else "(no log)"


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    """One redis-server for the test session; tests keep apart by flushing it or by namespace."""
    if shutil.which("redis-server") is None:
        pytest.fail(f"redis-server is not on PATH: {INSTALL_HINT}", pytrace=False)
    with RedisServer() as server:
        yield server
