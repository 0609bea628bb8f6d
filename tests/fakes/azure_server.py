"""A fake Azure AI Vision on 127.0.0.1, spoken to over real HTTP.

It serves Image Analysis 4.0 (``/computervision/imageanalysis:analyze``) and
3.2 (``/vision/v3.2/analyze``) with the JSON shapes Azure documents, checks
the key like Azure's gateway, records every request, and answers each one
with the next scripted behaviour::

    async with AzureVisionServer() as server:
        server.script(rate_limited(retry_after=1), success("a dog on a beach"))
        ...
        assert [r.api_version for r in server.requests] == ["4.0", "4.0"]
"""

from __future__ import annotations

import asyncio
import io
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from PIL import Image

from .loopback import LoopbackServer

KEY_HEADER = "Ocp-Apim-Subscription-Key"
V40_PATH = "/computervision/imageanalysis:analyze"
V32_PATH = "/vision/v3.2/analyze"
MAX_BODY_BYTES = {"4.0": 20 * 1024 * 1024, "3.2": 4 * 1024 * 1024}
DEFAULT_TAGS = (("dog", 0.99), ("beach", 0.97), ("sand", 0.93), ("sunset", 0.81), ("water", 0.62))

Behaviour = Callable[[str], Awaitable[web.Response]]
"""Answers one request, given the API version ("4.0" or "3.2") it came to."""


@dataclass(frozen=True)
class RecordedRequest:
    """What the client sent; the key itself is never kept, only whether it matched."""

    api_version: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body_size: int
    body_is_image: bool
    key_ok: bool


def azure_error(
    status: int, code: str, message: str, inner: tuple[str, str] | None = None
) -> web.Response:
    """Azure's error envelope: ``{"error": {"code", "message", "innererror"?}}``."""
    error: dict[str, Any] = {"code": code, "message": message}
    if inner:
        error["innererror"] = {"code": inner[0], "message": inner[1]}
    return web.json_response({"error": error}, status=status)


def success(
    caption: str = "a dog running on a beach",
    tags: tuple[tuple[str, float], ...] = DEFAULT_TAGS,
    confidence: float = 0.83,
) -> Behaviour:
    """A 200 in the shape of whichever API was called."""

    async def answer(api_version: str) -> web.Response:
        tag_list = [{"name": name, "confidence": score} for name, score in tags]
        if api_version == "4.0":
            return web.json_response(
                {
                    "modelVersion": "2023-10-01",
                    "captionResult": {"text": caption, "confidence": confidence},
                    "tagsResult": {"values": tag_list},
                    "metadata": {"width": 800, "height": 600},
                }
            )
        captions = [{"text": caption, "confidence": confidence}] if caption else []
        return web.json_response(
            {
                "description": {"tags": [name for name, _ in tags], "captions": captions},
                "tags": tag_list,
                "requestId": "00000000-0000-0000-0000-000000000000",
                "metadata": {"width": 800, "height": 600, "format": "Jpeg"},
                "modelVersion": "2021-05-01",
            }
        )

    return answer


def rate_limited(retry_after: float = 1, *, in_header: bool = True) -> Behaviour:
    """429 stating the wait in a ``Retry-After`` header, or only in the message."""

    async def answer(api_version: str) -> web.Response:
        response = azure_error(
            429,
            "429",
            "Requests to the Analyze Operation under Computer Vision API have exceeded rate limit "
            "of your current ComputerVision F0 pricing tier. "
            f"Please retry after {retry_after:g} seconds.",
        )
        if in_header:
            response.headers["Retry-After"] = f"{retry_after:g}"
        return response

    return answer


def server_error(status: int = 500) -> Behaviour:
    async def answer(api_version: str) -> web.Response:
        return azure_error(status, "InternalServerError", "An internal error has occurred.")

    return answer


def slow(seconds: float, then: Behaviour | None = None) -> Behaviour:
    """Sit on the request for ``seconds``, then answer as ``then`` (success by default)."""

    async def answer(api_version: str) -> web.Response:
        await asyncio.sleep(seconds)
        return await (then or success())(api_version)

    return answer


def malformed_json() -> Behaviour:
    async def answer(api_version: str) -> web.Response:
        return web.Response(
            text='{"captionResult": {"text": "a dog', content_type="application/json"
        )

    return answer


def unexpected_shape() -> Behaviour:
    async def answer(api_version: str) -> web.Response:
        return web.json_response({"result": ["not", "what", "azure", "sends"]})

    return answer


def unauthorized() -> Behaviour:
    """401 whatever key was sent, as after a key rotation."""

    async def answer(api_version: str) -> web.Response:
        return _access_denied()

    return answer


def _access_denied() -> web.Response:
    return azure_error(
        401,
        "401",
        "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide "
        "a valid key for an active subscription and use a correct regional API endpoint "
        "for your resource.",
    )


def _caption_not_in_region() -> web.Response:
    return azure_error(
        400,
        "InvalidRequest",
        "The feature 'Caption' is not supported in this region.",
        inner=("NotSupportedFeature", "Caption is not available in this region."),
    )


@dataclass
class AzureVisionServer(LoopbackServer):
    """The fake service; ``captions_in_region=False`` makes 4.0 refuse captions, as regions do."""

    key: str = "fake-azure-key-0123456789abcdef"
    captions_in_region: bool = True
    default: Behaviour = field(default_factory=success)
    requests: list[RecordedRequest] = field(default_factory=list, init=False)
    _script: deque[Behaviour] = field(default_factory=deque, init=False, repr=False)
    client_max_size = 64 * 1024 * 1024

    def script(self, *behaviours: Behaviour) -> None:
        """Answer the next requests with ``behaviours`` in order, then with ``default``."""
        self._script.extend(behaviours)

    def reset(self) -> None:
        """Forget the script and the recorded requests (between tests sharing one server)."""
        self._script.clear()
        self.requests.clear()

    def routes(self, app: web.Application) -> None:
        app.router.add_post(V40_PATH, self._handle_v40)
        app.router.add_post(V32_PATH, self._handle_v32)

    async def _handle_v40(self, request: web.Request) -> web.Response:
        return await self._handle(request, "4.0")

    async def _handle_v32(self, request: web.Request) -> web.Response:
        return await self._handle(request, "3.2")

    async def _handle(self, request: web.Request, api_version: str) -> web.Response:
        body = await request.read()
        body_is_image = _is_image(body)
        key_ok = request.headers.get(KEY_HEADER) == self.key
        self.requests.append(
            RecordedRequest(
                api_version=api_version,
                path=request.path,
                query=dict(request.query),
                headers={
                    name: value
                    for name, value in request.headers.items()
                    if name.lower() != KEY_HEADER.lower()
                },
                body_size=len(body),
                body_is_image=body_is_image,
                key_ok=key_ok,
            )
        )
        if not key_ok:
            return _access_denied()
        refusal = _invalid_request(request, api_version, body, body_is_image)
        if refusal is not None:
            return refusal
        if api_version == "4.0" and not self.captions_in_region:
            return _caption_not_in_region()
        behaviour = self._script.popleft() if self._script else self.default
        return await behaviour(api_version)


def _invalid_request(
    request: web.Request, api_version: str, body: bytes, body_is_image: bool
) -> web.Response | None:
    """Azure's 4xx answers for requests a correct client never sends."""
    if request.content_type != "application/octet-stream":
        return azure_error(
            415, "UnsupportedMediaType", f"Content type {request.content_type} is not supported."
        )
    if api_version == "4.0" and (
        "features" not in request.query or "api-version" not in request.query
    ):
        return azure_error(
            400, "InvalidRequest", "Either 'features' or 'model-name' needs to be specified."
        )
    if api_version == "3.2" and "visualFeatures" not in request.query:
        return azure_error(400, "BadArgument", "visualFeatures is required.")
    if not body or len(body) > MAX_BODY_BYTES[api_version]:
        return azure_error(
            400, "InvalidImageSize", "The image size is not allowed to be zero or too large."
        )
    if not body_is_image:
        return azure_error(400, "InvalidImageFormat", "Input data is not a valid image.")
    return None


def _is_image(body: bytes) -> bool:
    try:
        with Image.open(io.BytesIO(body)) as image:
            image.verify()
    except Exception:
        return False
    return True
