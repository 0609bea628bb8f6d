"""Azure AI Vision client: one caption for one photo, within a fixed time budget.

Image Analysis 4.0 gives the better captions but only in some regions; where
it refuses captions we switch to 3.2 once and stay there. Every call, retries
and waits included, ends within ``time_budget`` seconds, because a user is
waiting and the colour reading is always there as a fallback.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NoReturn

import aiohttp

from ..deadline import CallBudget, Transient
from ..errors import VisionError, VisionProblem

log = logging.getLogger(__name__)

MIN_TAG_CONFIDENCE = 0.7
MAX_TAGS_IN_TEXT = 5
DEFAULT_RATE_LIMIT_WAIT = 1.0
MIN_ATTEMPT_SECONDS = 0.25
MAX_ATTEMPTS = 5

_WAIT_IN_MESSAGE = re.compile(r"(?:retry after|try again in)\s+(\d+(?:\.\d+)?)\s*s", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class ImageDescription:
    """A caption and the tags Azure was confident about, most confident first."""

    caption: str
    tags: tuple[str, ...]
    api_version: str

    def as_text(self, max_tags: int = MAX_TAGS_IN_TEXT) -> str:
        """The caption, then tags it doesn't say yet: "a dog on a beach; sand, sunset"."""
        said = _words(self.caption)
        extra = [tag for tag in self.tags if not _words(tag) <= said][:max_tags]
        return f"{self.caption}; {', '.join(extra)}" if extra else self.caption


def _words(text: str) -> set[str]:
    """Lower-case words with a plural "s" dropped, so "dogs" covers the tag "dog"."""
    return {word.removesuffix("s") for word in _WORD.findall(text.lower())}


@dataclass(frozen=True)
class _Api:
    version: str
    path: str
    params: Mapping[str, str]
    parse: Callable[[Any], ImageDescription]


def _parse_v40(payload: Any) -> ImageDescription:
    caption = payload["captionResult"]
    return ImageDescription(
        caption=str(caption.get("text") or "").strip(),
        tags=_confident_tags(payload.get("tagsResult", {}).get("values", [])),
        api_version=V40.version,
    )


def _parse_v32(payload: Any) -> ImageDescription:
    captions = payload["description"]["captions"]
    best = max(captions, key=lambda caption: float(caption.get("confidence") or 0.0), default={})
    return ImageDescription(
        caption=str(best.get("text") or "").strip(),
        tags=_confident_tags(payload.get("tags", [])),
        api_version=V32.version,
    )


def _confident_tags(values: list[Mapping[str, Any]]) -> tuple[str, ...]:
    ranked = sorted(values, key=lambda tag: float(tag["confidence"]), reverse=True)
    names = (
        str(tag["name"]).strip() for tag in ranked if float(tag["confidence"]) >= MIN_TAG_CONFIDENCE
    )
    return tuple(dict.fromkeys(name for name in names if name))


V40 = _Api(
    version="4.0",
    path="/computervision/imageanalysis:analyze",
    params={
        "api-version": "2023-10-01",
        "features": "caption,tags",
        "gender-neutral-caption": "true",
    },
    parse=_parse_v40,
)
V32 = _Api(
    version="3.2",
    path="/vision/v3.2/analyze",
    params={"visualFeatures": "Description,Tags"},
    parse=_parse_v32,
)


@dataclass(frozen=True)
class _Answer:
    status: int
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    def error(self) -> tuple[str, str]:
        """Azure's error code and message(s), from either error shape, or ("", "")."""
        try:
            payload = self.json()
        except ValueError:
            return "", ""
        if not isinstance(payload, dict):
            return "", ""
        error = payload.get("error", payload)
        if not isinstance(error, dict):
            return "", str(error)
        inner = error.get("innererror") if isinstance(error.get("innererror"), dict) else {}
        codes = " ".join(str(part) for part in (error.get("code"), inner.get("code")) if part)
        messages = " ".join(
            str(part) for part in (error.get("message"), inner.get("message")) if part
        )
        return codes, messages


class AzureVision:
    """Describes photos with Azure AI Vision over a shared ``aiohttp`` session."""

    def __init__(
        self, session: aiohttp.ClientSession, endpoint: str, key: str, *, time_budget: float = 6.0,
        wait_when_throttled: bool = True,
    ) -> None:
        """wait_when_throttled=False: a 429 raises THROTTLED at once, for callers with another way
        to read the photo (the on-device model) rather than a user left waiting."""
        self._session = session
        self._wait_when_throttled = wait_when_throttled
        self._endpoint = endpoint.strip().rstrip("/")
        self._key = key
        self._time_budget = time_budget
        self._api = V40

    def __repr__(self) -> str:
        return f"AzureVision(endpoint={self._endpoint!r}, api_version={self._api.version!r})"

    @property
    def api_version(self) -> str:
        """The Image Analysis version the next call will use."""
        return self._api.version

    async def describe(self, jpeg: bytes) -> ImageDescription:
        """Caption ``jpeg``, or raise :class:`VisionError` within ``time_budget`` seconds."""
        started = time.monotonic()
        try:
            async with asyncio.timeout(self._time_budget):
                description = await self._describe_before(jpeg, started + self._time_budget)
        except TimeoutError:
            raise VisionError(
                VisionProblem.UNAVAILABLE, f"no answer within {self._time_budget:g} s"
            ) from None
        log.info(
            "Azure AI Vision %s described a photo in %.2f s",
            description.api_version,
            time.monotonic() - started,
        )
        return description

    async def _describe_before(self, jpeg: bytes, deadline: float) -> ImageDescription:
        async def attempt(timeout: float) -> ImageDescription | None:
            api = self._api
            try:
                answer = await self._post(api, jpeg, timeout)
            except (aiohttp.ClientError, TimeoutError) as error:
                raise Transient(f"{type(error).__name__}: {error}") from None
            if answer.status == 200:
                return self._parsed(api, answer)
            if answer.status == 429:
                if not self._wait_when_throttled:
                    raise VisionError(VisionProblem.THROTTLED, f"HTTP 429 from {api.version}",
                                      retry_after=_rate_limit_wait(answer))
                await self._wait_for_rate_limit(answer, deadline)
                return None
            if api is V40 and _refuses_captions(answer):
                self._fall_back_to_v32()
                return None
            if answer.status < 500:
                self._refused(api, answer)
            raise Transient(f"HTTP {answer.status}")

        return await CallBudget(deadline).run(attempt, what=f"Azure AI Vision {self._api.version}",
                                              fail=lambda problem: VisionError(VisionProblem.UNAVAILABLE, problem),
                                              min_seconds=MIN_ATTEMPT_SECONDS, max_attempts=MAX_ATTEMPTS)

    async def _post(self, api: _Api, jpeg: bytes, timeout: float) -> _Answer:
        async with self._session.post(
            self._endpoint + api.path,
            params=dict(api.params),
            data=jpeg,
            headers={
                "Ocp-Apim-Subscription-Key": self._key,
                "Content-Type": "application/octet-stream",
            },
            timeout=aiohttp.ClientTimeout(total=timeout),
        ) as response:
            return _Answer(response.status, response.headers, await response.read())

    def _parsed(self, api: _Api, answer: _Answer) -> ImageDescription:
        try:
            description = api.parse(answer.json())
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise VisionError(
                VisionProblem.UNAVAILABLE, f"unexpected {api.version} answer: {error!r}"
            ) from None
        if not description.caption:
            raise VisionError(VisionProblem.NO_CAPTION, f"{api.version} returned no caption")
        return description

    def _fall_back_to_v32(self) -> None:
        if self._api is not V32:
            self._api = V32
            log.warning("Azure AI Vision 4.0 has no captions in this region; using 3.2 from now on")

    async def _wait_for_rate_limit(self, answer: _Answer, deadline: float) -> None:
        wait = _rate_limit_wait(answer)
        if time.monotonic() + wait + MIN_ATTEMPT_SECONDS > deadline:
            raise VisionError(
                VisionProblem.UNAVAILABLE, f"rate limited for {wait:g} s, beyond the time budget"
            )
        log.info("Azure AI Vision rate limited; retrying in %g s", wait)
        await asyncio.sleep(wait)

    def _refused(self, api: _Api, answer: _Answer) -> NoReturn:
        """Raise for a 4xx: AUTH (logged as a configuration error) or UNAVAILABLE."""
        code, message = answer.error()
        if answer.status in (401, 403, 404):
            log.error(
                "Azure AI Vision %s refused the request with HTTP %d (%s %s): "
                "the key or the endpoint %s is misconfigured",
                api.version,
                answer.status,
                code,
                message,
                self._endpoint,
            )
            raise VisionError(VisionProblem.AUTH, f"HTTP {answer.status} from {api.version}")
        log.warning(
            "Azure AI Vision %s refused a photo: HTTP %d %s %s",
            api.version,
            answer.status,
            code,
            message,
        )
        raise VisionError(VisionProblem.UNAVAILABLE, f"HTTP {answer.status} {code}")


def _refuses_captions(answer: _Answer) -> bool:
    """Whether this is 4.0's "feature 'Caption' is not supported in this region"."""
    if answer.status != 400:
        return False
    _, message = answer.error()
    message = message.lower()
    in_region = "not supported in this region" in message
    return in_region or ("caption" in message and "not supported" in message)


def _rate_limit_wait(answer: _Answer) -> float:
    """Seconds Azure asks us to wait: the Retry-After header, else the message, else a default."""
    header = answer.headers.get("Retry-After", "")
    try:
        return max(0.0, float(header))
    except ValueError:
        pass
    found = _WAIT_IN_MESSAGE.search(answer.error()[1])
    return float(found.group(1)) if found else DEFAULT_RATE_LIMIT_WAIT
