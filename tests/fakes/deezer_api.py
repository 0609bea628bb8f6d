"""A fake Deezer public API on 127.0.0.1, spoken to over real HTTP.

It serves ``/track/{id}`` and ``/search`` with the JSON shapes Deezer sends
(errors as HTTP 200 with ``{"error": {"type", "message", "code"}}``), and the
preview MP3s themselves behind signed-looking URLs that, like Deezer's CDN,
refuse a tampered or expired signature. A test fills the catalog, records what
the client asked, and scripts failures for the next API requests::

    async with DeezerApiServer() as server:
        server.add_track(3135556, "Daft Punk", "Harder, Better, Faster, Stronger")
        server.script(server_error(502), serve())
        ...
        assert server.endpoints() == ["track", "track"]
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import re
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from yarl import URL

from .loopback import LoopbackServer

PREVIEW_TTL = 900
DEFAULT_PREVIEW_SIZE = 4 * 1024
DEFAULT_SEARCH_LIMIT = 25
_SIGNING_KEY = b"fake-deezer-cdn-signing-key"
_FRAME = b"\xff\xfb\x90\x64" + bytes(413)  # MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: 417 bytes
_FIELD = re.compile(r'(\w+):"((?:[^"\\]|\\.)*)"')
_ESCAPED = re.compile(r"\\(.)")

Behaviour = Callable[[web.Response], Awaitable[web.Response]]
"""Answers one API request, given the answer the catalog would give."""


@dataclass(frozen=True)
class FakeTrack:
    id: int
    artist: str
    title: str
    has_preview: bool
    duration: int


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server saw it; ``endpoint`` is "track", "search" or "preview"."""

    endpoint: str
    path: str
    query: dict[str, str]


def error_body(type_: str, message: str, code: int) -> web.Response:
    """Deezer's in-body error: HTTP 200 with ``{"error": {"type", "message", "code"}}``."""
    return web.json_response({"error": {"type": type_, "message": message, "code": code}})


def deezer_error(type_: str, message: str, code: int) -> Behaviour:
    async def answer(catalog_answer: web.Response) -> web.Response:
        return error_body(type_, message, code)

    return answer


def quota_exceeded() -> Behaviour:
    return deezer_error("Exception", "Quota limit exceeded", 4)


def not_found() -> Behaviour:
    return deezer_error("DataException", "no data", 800)


def serve() -> Behaviour:
    """The catalog's own answer."""

    async def answer(catalog_answer: web.Response) -> web.Response:
        return catalog_answer

    return answer


def server_error(status: int = 500) -> Behaviour:
    """A gateway-style HTML error page, as a front server sends it."""

    async def answer(catalog_answer: web.Response) -> web.Response:
        return web.Response(
            status=status,
            text=f"<html><body><h1>{status}</h1></body></html>",
            content_type="text/html",
        )

    return answer


def slow(seconds: float, then: Behaviour | None = None) -> Behaviour:
    """Sit on the request for ``seconds``, then answer as ``then`` (the catalog by default)."""

    async def answer(catalog_answer: web.Response) -> web.Response:
        await asyncio.sleep(seconds)
        return await (then or serve())(catalog_answer)

    return answer


def malformed_json() -> Behaviour:
    async def answer(catalog_answer: web.Response) -> web.Response:
        return web.Response(text='{"id": 3135556, "title": "Hard', content_type="application/json")

    return answer


def mp3_bytes(size: int) -> bytes:
    """``size`` bytes of silent-looking MPEG frames: enough for a sniffing client."""
    return (_FRAME * (size // len(_FRAME) + 1))[:size]


@dataclass
class DeezerApiServer(LoopbackServer):
    """The fake service. ``preview_status``/``preview_size``/``preview_announces_size`` shape
    the preview downloads; ``strict_search_works=False`` makes ``artist:"…"`` queries find
    nothing, as some callers report of the live API."""

    default: Behaviour = field(default_factory=serve)
    strict_search_works: bool = True
    preview_status: int = 200
    preview_size: int = DEFAULT_PREVIEW_SIZE
    preview_announces_size: bool = True
    requests: list[RecordedRequest] = field(default_factory=list, init=False)
    _catalog: dict[int, FakeTrack] = field(default_factory=dict, init=False, repr=False)
    _script: deque[Behaviour] = field(default_factory=deque, init=False, repr=False)
    _signatures: itertools.count = field(default_factory=itertools.count, init=False, repr=False)
    def add_track(
        self, id: int, artist: str, title: str, has_preview: bool = True, duration: int = 215
    ) -> FakeTrack:
        track = FakeTrack(id, artist, title, has_preview, duration)
        self._catalog[id] = track
        return track

    def script(self, *behaviours: Behaviour) -> None:
        """Answer the next API requests with ``behaviours`` in order, then with ``default``."""
        self._script.extend(behaviours)

    def forget_tracks(self) -> None:
        """Empty the catalog: a test that lists its own songs is not answered from an earlier test's
        entry for the same song (the search returns the first match)."""
        self._catalog.clear()

    def reset(self) -> None:
        """Forget the script, the recorded requests and the preview options; keep the catalog."""
        self._script.clear()
        self.requests.clear()
        self.strict_search_works = True
        self.preview_status = 200
        self.preview_size = DEFAULT_PREVIEW_SIZE
        self.preview_announces_size = True

    def endpoints(self) -> list[str]:
        return [request.endpoint for request in self.requests]

    def preview_url(self, track_id: int) -> str:
        """A fresh signed URL, different at every call, valid for ``PREVIEW_TTL`` seconds."""
        acl = f"/preview/{track_id}.mp3"
        token = f"exp={int(time.time()) + PREVIEW_TTL}~acl={acl}*~data=n{next(self._signatures)}"
        return f"{self.url}{acl}?hdnea={token}~hmac={_sign(token)}"

    def routes(self, app: web.Application) -> None:
        app.router.add_get("/track/{id}", self._handle_track)
        app.router.add_get("/search", self._handle_search)
        app.router.add_get("/preview/{id}.mp3", self._handle_preview)

    def _record(self, endpoint: str, request: web.Request) -> None:
        self.requests.append(RecordedRequest(endpoint, request.path, dict(request.query)))

    async def _answer(self, catalog_answer: web.Response) -> web.Response:
        behaviour = self._script.popleft() if self._script else self.default
        return await behaviour(catalog_answer)

    async def _handle_track(self, request: web.Request) -> web.Response:
        self._record("track", request)
        track_id = request.match_info["id"]
        track = self._catalog.get(int(track_id)) if track_id.isdigit() else None
        if track is None:
            return await self._answer(error_body("DataException", "no data", 800))
        return await self._answer(web.json_response(self._track_json(track, full=True)))

    async def _handle_search(self, request: web.Request) -> web.Response:
        self._record("search", request)
        query = request.query.get("q", "")
        if not query.strip():
            return await self._answer(
                error_body("MissingParameterException", "Missing parameters: q", 501)
            )
        found = self._search(query)
        limit = int(request.query.get("limit", DEFAULT_SEARCH_LIMIT))
        payload: dict[str, Any] = {
            "data": [self._track_json(track, full=False) for track in found[:limit]],
            "total": len(found),
        }
        if len(found) > limit:
            payload["next"] = str(URL(f"{self.url}/search").with_query(q=query, index=limit))
        return await self._answer(web.json_response(payload))

    async def _handle_preview(self, request: web.Request) -> web.StreamResponse:
        self._record("preview", request)
        if self.preview_status != 200:
            return web.Response(status=self.preview_status, text="Not Found")
        if not _signed(request):
            return web.Response(status=403, text="Forbidden")
        if self.preview_announces_size:
            return web.Response(body=mp3_bytes(self.preview_size), content_type="audio/mpeg")
        response = web.StreamResponse(headers={"Content-Type": "audio/mpeg"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        body = mp3_bytes(self.preview_size)
        for start in range(0, len(body), 64 * 1024):
            await response.write(body[start : start + 64 * 1024])
        await response.write_eof()
        return response

    def _search(self, query: str) -> list[FakeTrack]:
        """Advanced ``artist:"…" track:"…"`` filters, else every word somewhere in the names."""
        fields = {name: _ESCAPED.sub(r"\1", value) for name, value in _FIELD.findall(query)}
        if fields:
            if not self.strict_search_works:
                return []
            return [
                track
                for track in self._catalog.values()
                if _loose(fields.get("artist", "")) in _loose(track.artist)
                and _loose(fields.get("track", "")) in _loose(track.title)
            ]
        words = [_loose(word) for word in query.split() if _loose(word)]
        return [
            track
            for track in self._catalog.values()
            if all(word in _loose(f"{track.artist} {track.title}") for word in words)
        ]

    def _track_json(self, track: FakeTrack, *, full: bool) -> dict[str, Any]:
        artist_id = 1000 + sorted({t.artist for t in self._catalog.values()}).index(track.artist)
        payload: dict[str, Any] = {
            "id": track.id,
            "readable": True,
            "title": track.title,
            "title_short": track.title,
            "title_version": "",
            "link": f"https://www.deezer.com/track/{track.id}",
            "duration": track.duration,
            "rank": 500000,
            "explicit_lyrics": False,
            "explicit_content_lyrics": 0,
            "explicit_content_cover": 0,
            "preview": self.preview_url(track.id) if track.has_preview else "",
            "md5_image": hashlib.md5(str(track.id).encode()).hexdigest(),
            "artist": {
                "id": artist_id,
                "name": track.artist,
                "link": f"https://www.deezer.com/artist/{artist_id}",
                "type": "artist",
            },
            "album": {"id": 2000 + track.id, "title": f"{track.title} (Single)", "type": "album"},
            "type": "track",
        }
        if full:
            payload |= {
                "isrc": f"FAKE{track.id:08d}",
                "track_position": 1,
                "disk_number": 1,
                "release_date": "2001-03-07",
                "bpm": 0,
                "gain": -9.1,
                "available_countries": ["DE", "FR", "GB", "US"],
                "contributors": [payload["artist"] | {"role": "Main"}],
            }
        return payload


def _loose(text: str) -> str:
    return "".join(char for char in text.casefold() if char.isalnum())


def _sign(token: str) -> str:
    return hmac.new(_SIGNING_KEY, token.encode(), hashlib.sha256).hexdigest()


def _signed(request: web.Request) -> bool:
    """Whether ``hdnea`` carries our signature, for this path, not yet expired."""
    token, _, mac = request.query.get("hdnea", "").rpartition("~hmac=")
    parts = dict(part.split("=", 1) for part in token.split("~") if "=" in part)
    return (
        hmac.compare_digest(mac, _sign(token))
        and parts.get("acl") == f"{request.path}*"
        and parts.get("exp", "").isdigit()
        and int(parts["exp"]) > time.time()
    )
