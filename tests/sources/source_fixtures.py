"""Fixtures for the source tests (imported by each test module: the root conftest is the only conftest)."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from source_samples import ARTICLE_HTML, REPORT

from warledger.config import Settings


@pytest.fixture(name="settings")
def settings_fixture(tmp_path: Path) -> Settings:
    return Settings(
        cache_dir=str(tmp_path / "cache"), max_bytes=200_000, fetch_timeout=2.0, fetch_max_redirects=3
    )


@pytest.fixture(name="write")
def write_fixture(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write a file under tmp_path (str as UTF-8) and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return _write


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        status, headers, body = self.routes.get(
            self.path, (404, {"Content-Type": "text/plain"}, b"not found")
        )
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args) -> None:  # keep test output quiet
        pass


@pytest.fixture(name="local_server")
def local_server_fixture() -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 serving an article, a redirect and a text page."""
    routes = {
        "/article": (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE_HTML.encode("utf-8")),
        "/moved": (302, {"Location": "/article"}, b""),
        "/plain": (200, {"Content-Type": "text/plain"}, REPORT.encode("utf-8")),
    }
    handler = type("Handler", (_Handler,), {"routes": routes})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
