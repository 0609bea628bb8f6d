"""The one way our fakes serve HTTP: an aiohttp app on 127.0.0.1, on a port the system picks.

A fake adds its routes in `routes(app)`; `async with` starts and stops it, and `url` is where
it listens once started.
"""

from __future__ import annotations

from aiohttp import web


class LoopbackServer:
    url: str = ""
    client_max_size = 1024**2
    shutdown_timeout = 0.2
    handler_cancellation = True  # a handler stops when its client hangs up, as on a real server
    _runner: web.AppRunner | None = None

    def routes(self, app: web.Application) -> None:
        raise NotImplementedError

    async def start(self):
        app = web.Application(client_max_size=self.client_max_size)
        self.routes(app)
        self._runner = web.AppRunner(app, handler_cancellation=self.handler_cancellation,
                                     shutdown_timeout=self.shutdown_timeout, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self):
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()
