"""Deezer's public API (no key): a 30-second preview MP3 for a suggested song.

Deezer answers most errors with HTTP 200 and ``{"error": {"type", "message",
"code"}}`` in the body (800 = no such item, 4 = quota of about 50 requests per
5 s per IP), so every body is checked before it is trusted. Preview URLs are
signed and expire, so only the (artist, title) → track id match is remembered;
the track itself is fetched again at every tap. Every call, retry included,
ends within ``time_budget`` seconds, because a user is waiting.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import time
import unicodedata
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final, Protocol

import aiohttp
from cachetools import TLRUCache

from .deadline import CallBudget, Transient
from .errors import PreviewError, PreviewProblem

log = logging.getLogger(__name__)

NO_MATCH: Final = 0
"""Stored in a :class:`MatchMemory` for a song Deezer has no match for (real ids are positive)."""

PREVIEW_SECONDS = 30
MIN_ATTEMPT_SECONDS = 0.2
SEARCH_LIMIT = 10
DOWNLOAD_CHUNK = 64 * 1024

QUOTA = 4
SERVICE_BUSY = 700
DATA_NOT_FOUND = 800


@dataclass(frozen=True)
class Preview:
    """A preview to play now: ``url`` is signed and short-lived, ``duration`` the clip's seconds."""

    url: str
    title: str
    artist: str
    deezer_id: int
    duration: int


class MatchMemory(Protocol):
    """Where song → Deezer id matches are kept between taps; ``NO_MATCH`` records a miss."""

    def get(self, key: str) -> int | None: ...

    def put(self, key: str, deezer_id: int) -> None: ...


class InMemoryMatches(TLRUCache):
    """A bounded, least-recently-used :class:`MatchMemory`; misses are forgotten after
    ``negative_ttl`` seconds so a song Deezer adds later is found again."""

    def __init__(
        self,
        max_size: int = 4096,
        *,
        negative_ttl: float = 3600.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        def expires(_key: str, deezer_id: int, now: float) -> float:
            return now + negative_ttl if deezer_id == NO_MATCH else math.inf

        super().__init__(max_size, expires, timer=clock)

    def put(self, key: str, deezer_id: int) -> None:
        self[key] = deezer_id


def match_key(artist: str, title: str) -> str:
    """The memory key for a song, equal for spellings that differ only in case or punctuation."""
    return f"{plain(artist)}\n{plain(title)}"


def plain(text: str) -> str:
    """Letters and digits only, case- and accent-folded: "AC/DC" and "acdc" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.replace("&", " and ")).casefold()
    return "".join(char for char in decomposed if char.isalnum())


def strict_query(artist: str, title: str) -> str:
    """Deezer's advanced search, with quotes and backslashes inside the names escaped."""
    return f'artist:"{_quoted(artist)}" track:"{_quoted(title)}"'


def _quoted(name: str) -> str:
    return name.replace("\\", "\\\\").replace('"', '\\"')


def best_match(results: list[Mapping[str, Any]], artist: str, title: str) -> int | None:
    """Id of the best search result: same artist and title, else the first by the same artist;
    results with a preview win ties. ``None`` when no result is by ``artist``."""
    wanted_artist, wanted_title = plain(artist), plain(title)
    ranked = [
        (wanted_title not in _titles(item), not item.get("preview"), position, int(item["id"]))
        for position, item in enumerate(results)
        if plain(str(item["artist"]["name"])) == wanted_artist
    ]
    return min(ranked)[-1] if ranked else None


def _titles(item: Mapping[str, Any]) -> set[str]:
    return {plain(str(item.get(field) or "")) for field in ("title", "title_short")}


class DeezerPreviews:
    """Finds preview MP3s on Deezer over a shared ``aiohttp`` session."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        base_url: str = "https://api.deezer.com",
        *,
        time_budget: float = 3.0,
        matches: MatchMemory | None = None,
    ) -> None:
        self._session = session
        self._base_url = base_url.strip().rstrip("/")
        self._time_budget = time_budget
        self._matches: MatchMemory = matches if matches is not None else InMemoryMatches()

    def __repr__(self) -> str:
        return f"DeezerPreviews(base_url={self._base_url!r}, time_budget={self._time_budget:g})"

    async def preview_for_track(self, deezer_id: int) -> Preview:
        """The preview of track ``deezer_id``, fetched now, or :class:`PreviewError`."""
        return await self._within_budget(
            f"track {deezer_id}", lambda call: self._track(deezer_id, call)
        )

    async def preview_for_song(self, artist: str, title: str) -> Preview:
        """The preview of the best Deezer match for the song; the match is remembered, and so
        is a miss (no match, or the match is gone or has no preview) until the memory drops it."""

        async def find(call: CallBudget) -> Preview:
            key = match_key(artist, title)
            deezer_id = self._matches.get(key)
            if deezer_id is None:
                deezer_id = await self._search(artist, title, call)
                self._matches.put(key, deezer_id)
            if deezer_id == NO_MATCH:
                raise PreviewError(PreviewProblem.NOT_FOUND, "no Deezer match for the song")
            try:
                return await self._track(deezer_id, call)
            except PreviewError as error:
                if error.kind is PreviewProblem.NOT_FOUND:
                    self._matches.put(key, NO_MATCH)
                raise

        return await self._within_budget(f"{artist} – {title}", find)

    async def download(self, url: str, *, max_bytes: int = 5 * 1024 * 1024) -> bytes:
        """The preview MP3 itself, for when Telegram won't fetch ``url``; at most ``max_bytes``."""
        where = url.split("?", 1)[0]
        try:
            body = await self._download_within_budget(url, max_bytes)
        except PreviewError as error:
            log.warning("No Deezer preview downloaded from %s: %s", where, error)
            raise
        log.info("Downloaded a %d-byte Deezer preview from %s", len(body), where)
        return body

    async def _download_within_budget(self, url: str, max_bytes: int) -> bytes:
        try:
            async with asyncio.timeout(self._time_budget):
                body = await self._read_at_most(url, max_bytes)
        except TimeoutError:
            raise PreviewError(
                PreviewProblem.UNAVAILABLE, f"not downloaded within {self._time_budget:g} s"
            ) from None
        except aiohttp.ClientError as error:
            raise PreviewError(PreviewProblem.UNAVAILABLE, _described(error)) from None
        if not _looks_like_mp3(body):
            raise PreviewError(PreviewProblem.UNAVAILABLE, "not an MP3")
        return body

    async def _within_budget(
        self, what: str, find: Callable[[CallBudget], Awaitable[Preview]]
    ) -> Preview:
        started = time.monotonic()
        try:
            async with asyncio.timeout(self._time_budget):
                preview = await find(CallBudget.of(self._time_budget))
        except TimeoutError:
            log.warning("Deezer gave no preview for %s within %g s", what, self._time_budget)
            raise PreviewError(
                PreviewProblem.UNAVAILABLE, f"no answer within {self._time_budget:g} s"
            ) from None
        except PreviewError as error:
            level = logging.INFO if error.kind is PreviewProblem.NOT_FOUND else logging.WARNING
            log.log(level, "Deezer gave no preview for %s: %s", what, error)
            raise
        log.info("Deezer preview for %s in %.2f s", what, time.monotonic() - started)
        return preview

    async def _track(self, deezer_id: int, call: CallBudget) -> Preview:
        payload = await self._get_json(f"/track/{int(deezer_id)}", {}, call)
        try:
            preview = Preview(
                url=str(payload.get("preview") or ""),
                title=str(payload["title"]),
                artist=str(payload["artist"]["name"]),
                deezer_id=int(payload["id"]),
                duration=_clip_seconds(payload.get("duration")),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise PreviewError(
                PreviewProblem.UNAVAILABLE, f"unexpected track answer: {error!r}"
            ) from None
        if not preview.url:
            raise PreviewError(PreviewProblem.NOT_FOUND, f"track {deezer_id} has no preview")
        return preview

    async def _search(self, artist: str, title: str, call: CallBudget) -> int:
        """The matching track id, trying the strict query, then plain words; else ``NO_MATCH``."""
        for query in (strict_query(artist, title), f"{artist} {title}"):
            params = {"q": query, "limit": str(SEARCH_LIMIT)}
            payload = await self._get_json("/search", params, call)
            try:
                found = best_match(list(payload["data"]), artist, title)
            except (KeyError, TypeError, ValueError, AttributeError) as error:
                raise PreviewError(
                    PreviewProblem.UNAVAILABLE, f"unexpected search answer: {error!r}"
                ) from None
            if found is not None:
                return found
        return NO_MATCH

    async def _get_json(
        self, path: str, params: Mapping[str, str], call: CallBudget
    ) -> Mapping[str, Any]:
        """The JSON object once Deezer's in-body error is ruled out; one retry if transient."""

        async def attempt(timeout: float) -> Mapping[str, Any]:
            try:
                status, body = await self._get(path, params, timeout)
            except (aiohttp.ClientError, TimeoutError) as error:
                raise Transient(_described(error)) from None
            if status >= 500:
                raise Transient(f"HTTP {status}")
            payload = _payload(status, body)
            code, message = _deezer_error(payload)
            if code == SERVICE_BUSY:
                raise Transient(f"Deezer error {SERVICE_BUSY}")
            if code is not None:
                raise _refusal(code, message)
            return payload

        return await call.run(attempt, what=f"Deezer {path}", min_seconds=MIN_ATTEMPT_SECONDS,
                              fail=lambda problem: PreviewError(PreviewProblem.UNAVAILABLE, problem))

    async def _get(
        self, path: str, params: Mapping[str, str], timeout: float
    ) -> tuple[int, bytes]:
        async with self._session.get(
            self._base_url + path,
            params=dict(params),
            timeout=aiohttp.ClientTimeout(total=timeout),
        ) as response:
            return response.status, await response.read()

    async def _read_at_most(self, url: str, max_bytes: int) -> bytes:
        async with self._session.get(
            url, timeout=aiohttp.ClientTimeout(total=self._time_budget)
        ) as response:
            if response.status != 200:
                raise PreviewError(PreviewProblem.UNAVAILABLE, f"HTTP {response.status}")
            if (response.content_length or 0) > max_bytes:
                raise _too_big(max_bytes)
            body = bytearray()
            async for chunk in response.content.iter_chunked(DOWNLOAD_CHUNK):
                body += chunk
                if len(body) > max_bytes:
                    raise _too_big(max_bytes)
            return bytes(body)


def _payload(status: int, body: bytes) -> Mapping[str, Any]:
    if status != 200:
        raise PreviewError(PreviewProblem.UNAVAILABLE, f"HTTP {status}")
    try:
        payload = json.loads(body)
    except ValueError:
        raise PreviewError(PreviewProblem.UNAVAILABLE, "answer is not JSON") from None
    if not isinstance(payload, dict):
        raise PreviewError(PreviewProblem.UNAVAILABLE, "answer is not a JSON object")
    return payload


def _deezer_error(payload: Mapping[str, Any]) -> tuple[int | None, str]:
    """Deezer's in-body error code and message, or (None, "") for a real answer."""
    error = payload.get("error")
    if error is None:
        return None, ""
    if not isinstance(error, dict):
        return -1, str(error)
    try:
        code = int(error.get("code", -1))
    except (TypeError, ValueError):
        code = -1
    return code, f"{error.get('type', '')} {error.get('message', '')}".strip()


def _refusal(code: int, message: str) -> PreviewError:
    if code == DATA_NOT_FOUND:
        return PreviewError(PreviewProblem.NOT_FOUND, f"Deezer error {code}: {message}")
    if code == QUOTA:
        message += " (about 50 requests per 5 s per IP)"
    return PreviewError(PreviewProblem.UNAVAILABLE, f"Deezer error {code}: {message}")


def _described(error: Exception) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _too_big(max_bytes: int) -> PreviewError:
    return PreviewError(PreviewProblem.UNAVAILABLE, f"preview larger than {max_bytes} bytes")


def _clip_seconds(track_seconds: Any) -> int:
    """Deezer's previews are 30 s clips, shorter only for shorter tracks."""
    try:
        seconds = int(track_seconds)
    except (TypeError, ValueError):
        return PREVIEW_SECONDS
    return min(seconds, PREVIEW_SECONDS) if seconds > 0 else PREVIEW_SECONDS


def _looks_like_mp3(body: bytes) -> bool:
    """An ID3 tag or an MPEG audio frame sync at the start, not an HTML error page."""
    frame_sync = len(body) > 1 and body[0] == 0xFF and body[1] & 0xE0 == 0xE0
    return body.startswith(b"ID3") or frame_sync
