"""Serve a Sanic app on a free loopback port inside the test, and talk to it over HTTP."""

import socket
from contextlib import asynccontextmanager
from typing import AsyncIterator, Dict, Optional, Tuple

import aiohttp
import pytest
from sanic import Sanic


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Client:
    """Requests to one served app; each returns (status, headers, body)."""

    def __init__(self, base: str, session: aiohttp.ClientSession) -> None:
        self.base = base
        self.session = session

    async def request(
        self, method: str, path: str, body: Optional[bytes] = None,
        headers: Optional[Dict[str, str]] = None,
    ) -> Tuple[int, Dict[str, str], bytes]:
        async with self.session.request(
            method, self.base + path, data=body, headers=headers or {}
        ) as answer:
            return answer.status, dict(answer.headers), await answer.read()


@asynccontextmanager
async def served(app: Sanic) -> AsyncIterator[Client]:
    """Run ``app`` on 127.0.0.1 for the duration of the block."""
    port = _free_port()
    server = await app.create_server(
        host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False
    )
    await server.startup()
    try:
        async with aiohttp.ClientSession() as session:
            yield Client(f"http://127.0.0.1:{port}", session)
    finally:
        server.close()
        await server.wait_closed()


@pytest.fixture(autouse=True)
def sanic_test_mode(monkeypatch):
    """Allow several apps with the same name in one test run."""
    monkeypatch.setattr(Sanic, "test_mode", True)
