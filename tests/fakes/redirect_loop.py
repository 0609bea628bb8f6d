"""A misbehaving proxy on 127.0.0.1: every request is redirected to itself, forever."""

from __future__ import annotations

from aiohttp import web

from .loopback import LoopbackServer


class RedirectLoopServer(LoopbackServer):
    handler_cancellation = False

    def __init__(self) -> None:
        self.requests = 0

    def routes(self, app: web.Application) -> None:
        app.router.add_route("*", "/{tail:.*}", self._redirect)

    async def _redirect(self, request: web.Request) -> web.Response:
        self.requests += 1
        raise web.HTTPFound(str(request.rel_url))
