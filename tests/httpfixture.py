"""A real HTTP server on 127.0.0.1 for end-to-end tests: fixture files and hostile responses.

Routes map a path to a `Response` or to a callable taking the request handler.
Every request is recorded (path, headers, monotonic time) so tests can check
conditional requests and backoff spacing.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Response:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    #: answer conditional requests with 304 using a strong ETag of the body
    etag: bool = True


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    at: float


Handler = Callable[[BaseHTTPRequestHandler], None]


class FixtureServer:
    def __init__(self) -> None:
        self.routes: dict[str, Response | Handler] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        server = self

        class _H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                with server._lock:
                    server.requests.append(
                        Request(self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
                    )
                route = server.routes.get(self.path)
                if route is None:
                    route = server.routes.get(self.path.split("?")[0])
                if route is None:
                    self._send(Response(b"not found", 404))
                elif isinstance(route, Response):
                    self._send(route)
                else:
                    try:
                        route(self)
                    except (BrokenPipeError, ConnectionResetError):
                        pass

            def _send(self, r: Response) -> None:
                etag = '"' + hashlib.sha256(r.body).hexdigest()[:16] + '"'
                if r.etag and r.status == 200 and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(r.status)
                self.send_header("Content-Type", r.content_type)
                self.send_header("Content-Length", str(len(r.body)))
                if r.etag and r.status == 200:
                    self.send_header("ETag", etag)
                for k, v in r.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                try:
                    self.wfile.write(r.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _H)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def __enter__(self) -> FixtureServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# -- hostile handlers ------------------------------------------------------------


def stall(seconds: float) -> Handler:
    def h(req: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        req.send_response(200)
        req.send_header("Content-Length", "0")
        req.end_headers()

    return h


def endless(chunk: bytes = b"<rss>" + b"x" * 65536) -> Handler:
    def h(req: BaseHTTPRequestHandler) -> None:
        req.send_response(200)
        req.send_header("Content-Type", "application/rss+xml")
        req.end_headers()
        deadline = time.monotonic() + 30
        try:
            while time.monotonic() < deadline:
                req.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass
        req.close_connection = True

    return h


def redirect_loop(target: str) -> Handler:
    def h(req: BaseHTTPRequestHandler) -> None:
        req.send_response(302)
        req.send_header("Location", target)
        req.send_header("Content-Length", "0")
        req.end_headers()

    return h


def run_cli(*args: str, cwd: Any, timeout: float = 120) -> Any:
    """The real CLI in a subprocess (`python -m aggregator …`), importing this checkout."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = dict(os.environ)
    env.pop("AGGREGATOR_RAISE_BUGS", None)  # the CLI records bugs as source errors, as users see it
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "aggregator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)
