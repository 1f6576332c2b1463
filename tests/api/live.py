"""A real ghatna server for tests: `ghatna serve` in a subprocess on a free 127.0.0.1 port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]
TOKEN = "test-write-token"
MAX_UPLOAD = 64 * 1024


@dataclass(frozen=True)
class Server:
    url: str
    db: Path

    def client(self, **headers: str) -> httpx.Client:
        return httpx.Client(base_url=self.url, headers=headers, timeout=120)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(db: Path, *options: str, log: Path) -> Iterator[Server]:
    """Start `ghatna serve --db DB OPTIONS`, wait until it answers, stop it afterwards."""
    port = free_port()
    args = ["--db", str(db), "--host", "127.0.0.1", "--port", str(port), *options]
    code = f"from ghatna.cli.serve import serve; serve({args!r})"
    env = {k: v for k, v in os.environ.items() if not k.startswith("GHATNA_")}
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-c", code], cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                output = log.read_text()
                raise RuntimeError(f"ghatna serve exited with {proc.returncode}:\n{output}")
            try:
                if httpx.get(f"{url}/openapi.json", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"ghatna serve did not answer in 60 s:\n{log.read_text()}")
            time.sleep(0.2)
        yield Server(url, db)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
