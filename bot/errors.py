"""The one error tree: every failure a user can be told about carries `key`, the text they get.

Raised inside (Telegram downloads, photo decoding, Azure, Deezer, the state store) and turned
into words once, by the error handler (bot/handlers/errors.py). Anything else that escapes a
handler is a bug: logged with its traceback and apologised for with the "error" text.

    StorytuneError            key "error"
    ├── Refused               the message holds no image we can have: key as raised
    ├── PhotoError            the bytes are no usable photo: key by PhotoProblem
    ├── VisionError           Azure gave no caption (the photo is then read on the device)
    ├── PreviewError          Deezer gave no preview: "no_preview" or "preview_unavailable"
    └── StoreUnavailable      the state store is unreachable: "store_unavailable"
"""

from __future__ import annotations

import enum


class StorytuneError(Exception):
    """A failure the user is told about in words of its own: `key` names them (bot/views/texts.py)."""

    key = "error"


class Refused(StorytuneError):
    """The message's image cannot be had (too big, not downloadable, a video…); `key` says which."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


class PhotoProblem(enum.Enum):
    """Why a photo was refused."""

    NOT_AN_IMAGE = "not_an_image"
    CORRUPT = "corrupt"
    TOO_SMALL = "too_small"
    UNSUPPORTED = "unsupported"
    TOO_LARGE = "too_large"


class PhotoError(StorytuneError):
    """A photo we cannot read; `kind` says which kind of problem."""

    def __init__(self, kind: PhotoProblem, detail: str = "") -> None:
        super().__init__(f"{kind.value}: {detail}" if detail else kind.value)
        self.kind = kind

    @property
    def key(self) -> str:
        return "too_many_pixels" if self.kind is PhotoProblem.TOO_LARGE else self.kind.value


class VisionProblem(enum.Enum):
    """Why Azure gave no description."""

    UNAVAILABLE = "unavailable"  # down, slow, throttled past the budget, or answering nonsense
    AUTH = "auth"  # key or endpoint refused (401/403/404): a configuration error
    NO_CAPTION = "no_caption"  # answered, but had no caption for this photo
    THROTTLED = "throttled"  # HTTP 429 and the caller asked not to wait (``retry_after`` says how long)


class VisionError(StorytuneError):
    """Azure AI Vision gave no usable description; `kind` says why. The photo reader falls back
    to the device, so users never see this one's key."""

    def __init__(self, kind: VisionProblem, detail: str, *, retry_after: float = 0.0) -> None:
        super().__init__(f"{kind.value}: {detail}")
        self.kind = kind
        self.retry_after = retry_after


class PreviewProblem(enum.Enum):
    """Why Deezer gave no preview."""

    NOT_FOUND = "not_found"  # no such track, no match for the song, or no preview for it
    UNAVAILABLE = "unavailable"  # slow, down, over quota, refusing, or answering nonsense


class PreviewError(StorytuneError):
    """Deezer gave no playable preview; `kind` says why."""

    def __init__(self, kind: PreviewProblem, detail: str) -> None:
        super().__init__(f"{kind.value}: {detail}")
        self.kind = kind

    @property
    def key(self) -> str:
        return "no_preview" if self.kind is PreviewProblem.NOT_FOUND else "preview_unavailable"


class StoreUnavailable(StorytuneError, ConnectionError):
    """The store could not be reached or did not answer in time; callers degrade rather than fail."""

    key = "store_unavailable"
