"""A misbehaving proxy on 127.0.0.1: every request is redirected to itself, forever."""

from __future__ import annotations

from aiohttp import web


class RedirectLoopServer:
    def __init__(self) -> None:
        self.url = ""
        self.requests = 0
        self._runner: web.AppRunner | None = None

    async def _redirect(self, request: web.Request) -> web.Response:
        self.requests += 1
        raise web.HTTPFound(str(request.rel_url))

    async def __aenter__(self) -> RedirectLoopServer:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._redirect)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}"
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._runner.cleanup()
