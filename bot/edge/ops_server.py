"""/healthz and /metrics on their own port: load balancers ask if we're ready, Prometheus scrapes.

Ready means the model and index are loaded and updates are being taken; it turns
false again as soon as a shutdown begins.
"""

from __future__ import annotations

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from ..observability import Metrics


class OpsServer:
    def __init__(self, metrics: Metrics, host: str, port: int):
        self._metrics, self._host, self._port = metrics, host, port
        self._runner: web.AppRunner | None = None

    @property
    def port(self) -> int:
        return self._runner.addresses[0][1] if self._runner else self._port

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/healthz", self._health)
        app.router.add_get("/metrics", self._metrics_page)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self._host, self._port).start()

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()
            self._runner = None

    async def _health(self, _request: web.Request) -> web.Response:
        ready = self._metrics.is_ready
        return web.json_response({"status": "ready" if ready else "starting"}, status=200 if ready else 503)

    async def _metrics_page(self, _request: web.Request) -> web.Response:
        body = generate_latest(self._metrics.registry)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})
