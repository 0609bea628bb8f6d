"""An in-process fake of the Telegram Bot API, spoken to over real HTTP on 127.0.0.1.

The bot under test runs unmodified python-telegram-bot code pointed at this server via
``base_url``/``base_file_url``, so tests exercise the real wire format, long polling, webhook
delivery and error handling instead of patched methods. Tests push updates and inspect recorded
calls and webhook deliveries.
"""

from __future__ import annotations

import asyncio
import copy
import io
import ipaddress
import itertools
import json
import os
import re
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from http import HTTPStatus
from typing import Any, Callable
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web
from PIL import Image

from .loopback import LoopbackServer

DEFAULT_TOKEN = "123456789:AAFakeStorytuneTestTokenXXXXXXXXXXX"
MAX_DOWNLOAD_SIZE = 20 * 1024 * 1024
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
# Form values are JSON-decoded unless the field is free text (PTB sends str values verbatim).
STRING_FIELDS = frozenset(
    "text caption parse_mode title performer callback_query_id inline_query_id data query "
    "next_offset url description short_description language_code action file_id emoji "
    "inline_message_id business_connection_id message_effect_id secret_token ip_address".split()
)
HTML_ENTITIES = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
    "ins": "underline", "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
    "tg-spoiler": "spoiler", "span": "spoiler", "a": "text_link", "code": "code", "pre": "pre",
    "blockquote": "blockquote", "tg-emoji": "custom_emoji",
}
CHAT_ACTIONS = frozenset(
    "typing upload_photo record_video upload_video record_voice upload_voice upload_document "
    "choose_sticker find_location record_video_note upload_video_note".split()
)
HIDDEN_BY_DEFAULT = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
WEBHOOK_ACTIVE = ("Conflict: can't use getUpdates method while webhook is active; "
                  "use deleteWebhook to delete the webhook first")
WEBHOOK_ANSWER_TIMEOUT = 10.0  # seconds a webhook may take to answer before the POST is retried


class ApiError(Exception):
    """A Bot API error answer, turned into Telegram's JSON error envelope."""

    def __init__(self, code: int, description: str, retry_after: int | None = None):
        super().__init__(description)
        self.code, self.description, self.retry_after = code, description, retry_after

    def response(self) -> web.Response:
        body: dict[str, Any] = {"ok": False, "error_code": self.code,
                                "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return web.json_response(body, status=self.code)


def bad_request(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


@dataclass
class UploadedFile:
    """A multipart file part the bot uploaded (e.g. the ``photo`` of sendPhoto)."""

    file_name: str | None
    mime_type: str | None
    data: bytes


@dataclass
class Delivery:
    """One webhook POST of an update: the HTTP status, or why there was none."""

    update_id: int
    url: str
    status: int | None = None
    error: str | None = None

    @property
    def delivered(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


@dataclass
class Call:
    """One Bot API request: canonical method name, decoded params and what was answered."""

    method: str
    params: dict[str, Any]
    ok: bool = True
    result: Any = None
    error: str | None = None

    @property
    def chat_id(self) -> Any:
        return self.params.get("chat_id")

    @property
    def text(self) -> str | None:
        return self.params.get("text", self.params.get("caption"))

    def __str__(self) -> str:
        shown = {k: v for k, v in self.params.items() if not isinstance(v, UploadedFile)}
        outcome = "" if self.ok else f" -> ERROR {self.error}"
        return f"{self.method}({json.dumps(shown, ensure_ascii=False)[:200]}){outcome}"


class _Signal:
    """Wakes every waiter on the next change; usable from sync code, unlike Condition."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def fire(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait(self, timeout: float) -> None:
        """Not ``wait_for``: on 3.11 it swallows a cancel that races the event being set."""
        try:
            async with asyncio.timeout(timeout):
                await self._event.wait()
        except TimeoutError:
            pass


class _HtmlFormatter(HTMLParser):
    """Turns parse_mode=HTML text into (plain text, entities), rejecting what Telegram rejects."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text, self.entities, self.open = "", [], []

    def _utf16(self) -> int:
        return len(self.text.encode("utf-16-le")) // 2

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in HTML_ENTITIES:
            raise bad_request(f'can\'t parse entities: Unsupported start tag "{tag}"')
        self.open.append((tag, dict(attrs), self._utf16()))

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1][0] != tag:
            expected = f'"</{self.open[-1][0]}>"' if self.open else "none"
            raise bad_request(
                f'can\'t parse entities: Unmatched end tag, expected {expected}, found "</{tag}>"'
            )
        name, attrs, start = self.open.pop()
        entity = {"type": HTML_ENTITIES[name], "offset": start, "length": self._utf16() - start}
        if name == "a":
            entity["url"] = attrs.get("href", "")
        if name == "tg-emoji":
            entity["custom_emoji_id"] = attrs.get("emoji-id", "")
        if entity["length"]:
            self.entities.append(entity)

    def handle_data(self, data: str) -> None:
        self.text += data


def format_text(text: str, parse_mode: str | None) -> tuple[str, list[dict]]:
    """Plain text and entities as Telegram would store them (only HTML is parsed)."""
    if (parse_mode or "").upper() != "HTML":
        return text, []
    parser = _HtmlFormatter()
    parser.feed(text)
    parser.close()
    if parser.open:
        tag = parser.open[-1][0]
        raise bad_request(
            f'can\'t parse entities: Can\'t find end tag corresponding to start tag "{tag}"')
    return parser.text, sorted(parser.entities, key=lambda e: e["offset"])


def _thumbnail(data: bytes, width: int, height: int) -> bytes | None:
    """A real smaller JPEG, so a bot that downloads the wrong PhotoSize gets different bytes."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            out = io.BytesIO()
            image.convert("RGB").resize((width, height)).save(out, "JPEG", quality=80)
            return out.getvalue()
    except (OSError, ValueError):
        return None


def _image_size(data: bytes) -> tuple[int, int]:
    try:
        with Image.open(io.BytesIO(data)) as image:
            return image.size
    except (OSError, ValueError):
        return 1280, 960


class FakeTelegramServer(LoopbackServer):
    """Fake Bot API. ``push_*`` methods enqueue updates and return them; the bot's requests are
    recorded in ``calls`` (await them with ``wait_for``). Extra keyword arguments of media
    ``push_*`` methods (``language_code``, ``user``, any Message field) go to ``push_message``.
    """

    def __init__(self, token: str = DEFAULT_TOKEN, *, username: str = "storytune_test_bot",
                 webhook_retry_delay: float = 0.2):
        self.token = token
        self.bot_user = {
            "id": int(token.split(":")[0]), "is_bot": True, "first_name": "Storytune",
            "username": username, "can_join_groups": True, "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }
        self.calls: list[Call] = []
        self.deliveries: list[Delivery] = []
        self.webhook_retry_delay = webhook_retry_delay
        self.webhook_target: str | None = None
        self.url = ""
        self._handlers = {
            name.lower(): (name, getattr(self, "_api_" + re.sub("([A-Z])", r"_\1", name).lower()))
            for name in (
                "getMe setWebhook deleteWebhook getWebhookInfo setMyCommands getMyCommands "
                "setMyDescription setMyShortDescription close logOut getUpdates getFile "
                "sendMessage editMessageText editMessageReplyMarkup deleteMessage sendChatAction "
                "answerCallbackQuery sendAudio sendPhoto answerInlineQuery"
            ).split()
        }
        self._updates: list[dict] = []
        self._update_ids = itertools.count(100001)
        self._ids = itertools.count(1)
        self._files: dict[str, dict] = {}  # file_id -> {"meta": getFile result, "data": bytes}
        self._paths: dict[str, bytes] = {}
        self._photos: dict[str, list[dict]] = {}  # any size's file_id -> all sizes
        self._chats: dict[int, dict] = {}
        self._open_queries: set[str] = set()
        self._claimed: set[int] = set()
        self._failures: dict[str, list[ApiError]] = {}
        self._settings: dict[str, Any] = {}
        self._allowed: set[str] | None = None
        self._poll_generation = 0
        self._closing = False
        self._updates_signal, self._calls_signal = _Signal(), _Signal()
        self._webhook: dict[str, Any] | None = None  # url, secret_token, max_connections
        self._webhook_error: tuple[int, str] | None = None  # (date, message) of the last failure
        self._dispatcher: asyncio.Task | None = None
        self._in_flight: dict[int, asyncio.Task] = {}  # update_id -> its delivery
        self._http: aiohttp.ClientSession | None = None

    # ---- lifecycle -------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.url}/file/bot"

    client_max_size = 64 * 1024 * 1024
    shutdown_timeout = 1.0

    def routes(self, app: web.Application) -> None:
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        app.router.add_route("*", "/{tail:.*}", self._not_found)

    async def start(self) -> FakeTelegramServer:
        await super().start()
        self._http = aiohttp.ClientSession()
        return self

    async def stop(self) -> None:
        self._closing = True
        self._updates_signal.fire()
        await self._stop_deliveries()
        await super().stop()
        if self._http:
            await self._http.close()
            self._http = None

    # ---- test-facing API -------------------------------------------------------------------

    def push_update(self, update: dict) -> dict:
        """Enqueue any update; ``update_id`` is assigned here."""
        update = {"update_id": next(self._update_ids), **copy.deepcopy(update)}
        self._updates.append(update)
        self._updates_signal.fire()
        return copy.deepcopy(update)

    def push_message(self, chat_id: int, *, language_code: str = "en", user: dict | None = None,
                     **fields: Any) -> dict:
        chat = self._ensure_chat(chat_id, language_code, user)
        message = {"message_id": self._next_message_id(chat), "date": int(time.time()),
                   "chat": chat["chat"], "from": chat["user"],
                   **{k: v for k, v in fields.items() if v is not None}}
        chat["messages"][message["message_id"]] = message
        return self.push_update({"message": message})

    def push_text(self, chat_id: int, text: str, **kw: Any) -> dict:
        """A text message; a leading ``/command`` gets its bot_command entity like real clients."""
        entities = None
        if text.startswith("/"):
            command = text.split()[0]
            entities = [{"type": "bot_command", "offset": 0,
                         "length": len(command.encode("utf-16-le")) // 2}]
        return self.push_message(chat_id, text=text, entities=entities, **kw)

    def push_photo(self, chat_id: int, data: bytes, *, caption: str | None = None,
                   width: int | None = None, height: int | None = None, **kw: Any) -> dict:
        """A photo as several PhotoSizes (smallest first); the largest holds ``data`` itself."""
        sizes = self._register_photo(data, width, height)
        return self.push_message(chat_id, photo=sizes, caption=caption, **kw)

    def push_document(self, chat_id: int, data: bytes, *, file_name: str = "file.bin",
                      mime_type: str = "application/octet-stream", caption: str | None = None,
                      file_size: int | None = None, **kw: Any) -> dict:
        """``file_size`` lets a test announce e.g. a 30 MB file without sending 30 MB."""
        meta = self.add_file(data, folder="documents", file_name=file_name, file_size=file_size)
        document = {**meta, "file_name": file_name, "mime_type": mime_type}
        return self.push_message(chat_id, document=document, caption=caption, **kw)

    def push_sticker(self, chat_id: int, data: bytes = b"RIFF\0\0\0\0WEBP", *, emoji: str = "🙂",
                     width: int = 512, height: int = 512, is_animated: bool = False,
                     is_video: bool = False, **kw: Any) -> dict:
        ext = "tgs" if is_animated else "webm" if is_video else "webp"
        sticker = {**self.add_file(data, folder="stickers", file_name=f"s.{ext}"),
                   "type": "regular", "width": width, "height": height, "is_animated": is_animated,
                   "is_video": is_video, "emoji": emoji}
        return self.push_message(chat_id, sticker=sticker, **kw)

    def push_voice(self, chat_id: int, data: bytes = b"OggS", *, duration: int = 3,
                   mime_type: str = "audio/ogg", **kw: Any) -> dict:
        voice = {**self.add_file(data, folder="voice", file_name="v.oga"), "duration": duration,
                 "mime_type": mime_type}
        return self.push_message(chat_id, voice=voice, **kw)

    def push_video(self, chat_id: int, data: bytes = b"\0\0\0\x18ftypmp42", *, width: int = 640,
                   height: int = 360, duration: int = 5, file_name: str = "video.mp4",
                   mime_type: str = "video/mp4", caption: str | None = None, **kw: Any) -> dict:
        video = {**self.add_file(data, folder="videos", file_name=file_name), "width": width,
                 "height": height, "duration": duration, "file_name": file_name,
                 "mime_type": mime_type}
        return self.push_message(chat_id, video=video, caption=caption, **kw)

    def push_animation(self, chat_id: int, data: bytes = b"GIF89a", *, width: int = 320,
                       height: int = 240, duration: int = 2, file_name: str = "animation.gif.mp4",
                       mime_type: str = "video/mp4", caption: str | None = None, **kw: Any) -> dict:
        """Like Telegram, an animation message also carries it as ``document``."""
        meta = self.add_file(data, folder="animations", file_name=file_name)
        described = {**meta, "file_name": file_name, "mime_type": mime_type}
        animation = {**described, "width": width, "height": height, "duration": duration}
        return self.push_message(chat_id, animation=animation, document=described,
                                 caption=caption, **kw)

    def push_callback(self, chat_id: int, message_id: int, data: str, *, language_code: str = "en",
                      user: dict | None = None, check_button: bool = True) -> dict:
        """A button press on a message the bot sent; the button must exist unless told not to."""
        chat = self._ensure_chat(chat_id, language_code, user)
        message = chat["messages"].get(message_id)
        if message is None:
            raise ValueError(f"chat {chat_id} has no message {message_id}")
        buttons = [b.get("callback_data") for row in
                   message.get("reply_markup", {}).get("inline_keyboard", []) for b in row]
        if check_button and data not in buttons:
            raise ValueError(f"message {message_id} has no button with data {data!r}: {buttons}")
        query_id = str(next(self._ids) * 7919 + 4_000_000_000)
        self._open_queries.add(query_id)
        return self.push_update({"callback_query": {
            "id": query_id, "from": chat["user"], "chat_instance": f"-{chat_id}1", "data": data,
            "message": message}})

    def push_inline_callback(self, user_id: int, inline_message_id: str, data: str, *,
                             language_code: str = "en", user: dict | None = None) -> dict:
        """A button press on a message sent in inline mode: Telegram gives no ``message``, only its
        ``inline_message_id``."""
        query_id = str(next(self._ids) * 7919 + 4_000_000_000)
        self._open_queries.add(query_id)
        sender = {**self._default_user(user_id, language_code), **(user or {})}
        return self.push_update({"callback_query": {
            "id": query_id, "from": sender, "chat_instance": f"-{user_id}9",
            "inline_message_id": inline_message_id, "data": data}})

    def push_inline_query(self, user_id: int, query: str, *, offset: str = "",
                          language_code: str = "en", user: dict | None = None) -> dict:
        query_id = str(next(self._ids) * 7919 + 4_000_000_000)
        self._open_queries.add(query_id)
        sender = {**self._default_user(user_id, language_code), **(user or {})}
        return self.push_update({"inline_query": {
            "id": query_id, "from": sender, "query": query, "offset": offset,
            "chat_type": "sender"}})

    def add_file(self, data: bytes, *, folder: str = "documents", file_name: str = "file.bin",
                 file_size: int | None = None) -> dict:
        """Register downloadable bytes; returns ``file_id``/``file_unique_id``/``file_size``."""
        n = next(self._ids)
        ext = file_name.rsplit(".", 1)[-1] if "." in file_name else "bin"
        meta = {"file_id": f"FAKE{folder[:3].upper()}{n:08d}", "file_unique_id": f"AQAD{n:08d}",
                "file_size": len(data) if file_size is None else file_size}
        path = f"{folder}/file_{n}.{ext}"
        self._files[meta["file_id"]] = {"meta": {**meta, "file_path": path}, "data": data}
        self._paths[path] = data
        return dict(meta)

    def fail_next(self, method: str, error_code: int, description: str | None = None, *,
                  retry_after: int | None = None, times: int = 1) -> None:
        """Make the next ``times`` calls of ``method`` fail (e.g. 429 flood control, 403)."""
        if description is None:
            description = f"Too Many Requests: retry after {retry_after}" if error_code == 429 \
                else "Forbidden: bot was blocked by the user"
        error = ApiError(error_code, description, retry_after)
        self._failures.setdefault(method.lower(), []).extend([error] * times)

    def redirect_webhook(self, url: str | None) -> None:
        """Deliver to ``url`` instead of the webhook URL the bot set (e.g. its public https
        address while it listens on 127.0.0.1); ``None`` delivers to the bot's URL again."""
        if url is not None and not _is_loopback(url):
            raise ValueError(f"the fake delivers to loopback addresses only, not {url}")
        self.webhook_target = url
        self._updates_signal.fire()

    async def wait_for_delivery(self, update_id: int, *, delivered: bool | None = True,
                                timeout: float = 10.0) -> Delivery:
        """The first webhook delivery attempt of ``update_id`` that succeeded (``delivered``
        True), failed (False) or either (None)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            for delivery in self.deliveries:
                if delivery.update_id == update_id and delivered in (None, delivery.delivered):
                    return delivery
            remaining = deadline - loop.time()
            if remaining <= 0:
                attempts = [d for d in self.deliveries if d.update_id == update_id]
                raise AssertionError(f"no {'' if delivered is None else delivered} delivery of "
                                     f"update {update_id} within {timeout}s: {attempts}")
            await self._updates_signal.wait(remaining)

    def pending_update_count(self) -> int:
        """Updates Telegram still holds: not yet confirmed by a getUpdates offset, nor delivered
        to the webhook with a 2xx."""
        return len(self._updates)

    def messages(self, chat_id: int) -> list[dict]:
        """Current state (after edits/deletes) of the messages the bot sent to ``chat_id``."""
        chat = self._chats.get(int(chat_id), {"messages": {}})
        return [copy.deepcopy(m) for _, m in sorted(chat["messages"].items())
                if m["from"].get("is_bot")]

    def calls_for(self, method: str, chat_id: int | None = None) -> list[Call]:
        return [c for c in self.calls if c.method.lower() == method.lower()
                and (chat_id is None or str(c.chat_id) == str(chat_id))]

    async def wait_for(self, method: str, *, chat_id: int | None = None,
                       predicate: Callable[[Call], bool] | None = None, timeout: float = 10.0,
                       ok: bool | None = True) -> Call:
        """First matching call not yet returned by an earlier ``wait_for`` (past or future).

        Only successful calls match unless ``ok`` is False (failed only) or None (either).
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            for index, call in enumerate(self.calls):
                if (index not in self._claimed and call.method.lower() == method.lower()
                        and (ok is None or call.ok == ok)
                        and (chat_id is None or str(call.chat_id) == str(chat_id))
                        and (predicate is None or predicate(call))):
                    self._claimed.add(index)
                    return call
            remaining = deadline - loop.time()
            if remaining <= 0:
                recent = "\n  ".join(str(c) for c in self.calls if c.method != "getUpdates")
                raise AssertionError(
                    f"no {method} call (chat_id={chat_id}) within {timeout}s; calls so far:\n  "
                    f"{recent[-4000:] or '(none)'}")
            await self._calls_signal.wait(remaining)

    # ---- HTTP plumbing ---------------------------------------------------------------------

    async def _handle_api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return ApiError(401, "Unauthorized").response()
        requested = request.match_info["method"]
        method, handler = self._handlers.get(requested.lower(), (requested, None))
        call = Call(method, {})
        try:
            call.params = await _read_params(request)
            if self._failures.get(method.lower()):
                raise self._failures[method.lower()].pop(0)
            if handler is None:
                raise ApiError(404, "Not Found")
            call.result = await handler(call.params)
        except ApiError as error:
            call.ok, call.error = False, error.description
            return error.response()
        except asyncio.CancelledError:
            call.ok, call.error = False, "client went away before the answer"
            raise
        finally:
            self.calls.append(call)
            self._calls_signal.fire()
        return web.json_response({"ok": True, "result": copy.deepcopy(call.result)})

    async def _handle_file(self, request: web.Request) -> web.Response:
        data = self._paths.get(request.match_info["path"])
        if request.match_info["token"] != self.token or data is None:
            return await self._not_found(request)
        return web.Response(body=data, content_type="application/octet-stream")

    async def _not_found(self, request: web.Request) -> web.Response:
        return ApiError(404, "Not Found").response()

    # ---- state helpers ---------------------------------------------------------------------

    @staticmethod
    def _default_user(user_id: int, language_code: str) -> dict:
        return {"id": user_id, "is_bot": False, "first_name": "Tester",
                "username": f"tester{user_id}", "language_code": language_code}

    def _ensure_chat(self, chat_id: int, language_code: str, user: dict | None) -> dict:
        chat = self._chats.setdefault(int(chat_id), {"messages": {}, "last_id": 0})
        chat["user"] = {**self._default_user(int(chat_id), language_code), **(user or {})}
        chat["chat"] = {"id": int(chat_id), "type": "private",
                        "first_name": chat["user"]["first_name"]}
        return chat

    @staticmethod
    def _next_message_id(chat: dict) -> int:
        chat["last_id"] += 1
        return chat["last_id"]

    def _chat(self, params: dict) -> dict:
        try:
            return self._chats[int(params.get("chat_id"))]
        except (KeyError, TypeError, ValueError):
            raise bad_request("chat not found") from None

    def _register_photo(self, data: bytes, width: int | None, height: int | None) -> list[dict]:
        if width is None or height is None:
            width, height = _image_size(data)
        longest = max(width, height)
        sizes = []
        for side in (90, 320, 800):
            if side < longest:
                w, h = max(1, width * side // longest), max(1, height * side // longest)
                blob = _thumbnail(data, w, h) or data[: max(1, len(data) * side // longest)]
                sizes.append({**self.add_file(blob, folder="photos", file_name="p.jpg"),
                              "width": w, "height": h})
        sizes.append({**self.add_file(data, folder="photos", file_name="p.jpg"),
                      "width": width, "height": height})
        for size in sizes:
            self._photos[size["file_id"]] = sizes
        return copy.deepcopy(sizes)

    def _uploaded(self, value: Any, folder: str, file_name: str
                  ) -> tuple[dict, UploadedFile | None]:
        """File meta for an upload, a known file_id, or an (unfetched) URL."""
        if isinstance(value, UploadedFile):
            return self.add_file(value.data, folder=folder,
                                 file_name=value.file_name or file_name), value
        if isinstance(value, str) and value in self._files:
            known = self._files[value]["meta"]
            return {k: known[k] for k in ("file_id", "file_unique_id", "file_size")}, None
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return self.add_file(b"", folder=folder, file_name=file_name), None
        raise bad_request("wrong file identifier/HTTP URL specified")

    @staticmethod
    def _inline_markup(params: dict) -> dict | None:
        """Only inline keyboards are echoed in Messages; reply keyboards never are."""
        markup = params.get("reply_markup")
        if not isinstance(markup, dict) or not any(markup.get("inline_keyboard") or []):
            return None
        for button in (b for row in markup["inline_keyboard"] for b in row):
            if set(button) <= {"text"}:
                raise bad_request("text buttons are unallowed in the inline keyboard")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode()) <= 64:
                raise bad_request("BUTTON_DATA_INVALID")
        return markup

    def _send(self, params: dict, **content: Any) -> dict:
        chat = self._chat(params)
        message = {"message_id": 0, "date": int(time.time()), "chat": chat["chat"],
                   "from": self.bot_user, **{k: v for k, v in content.items() if v}}
        reply = params.get("reply_parameters")
        if reply is None and "reply_to_message_id" in params:
            reply = {"message_id": params["reply_to_message_id"]}
        if reply:
            target = chat["messages"].get(reply.get("message_id"))
            if target is not None:
                message["reply_to_message"] = {k: v for k, v in target.items()
                                               if k != "reply_to_message"}
            elif not (reply.get("allow_sending_without_reply")
                      or params.get("allow_sending_without_reply")):
                raise bad_request("message to be replied not found")
        if markup := self._inline_markup(params):
            message["reply_markup"] = markup
        message["message_id"] = self._next_message_id(chat)
        chat["messages"][message["message_id"]] = message
        return copy.deepcopy(message)

    @staticmethod
    def _formatted(params: dict, key: str, limit: int) -> tuple[str, list[dict]]:
        text, entities = format_text(str(params.get(key) or ""), params.get("parse_mode"))
        if key == "text" and not text.strip():
            raise bad_request("message text is empty")
        if len(text.encode("utf-16-le")) // 2 > limit:  # counted strictly: an emoji counts as two
            raise bad_request("message is too long" if key == "text"
                              else "message caption is too long")
        return text, entities

    def _editable(self, params: dict) -> dict:
        message = self._chat(params)["messages"].get(params.get("message_id"))
        if message is None:
            raise bad_request("message to edit not found")
        if not message["from"].get("is_bot"):
            raise bad_request("message can't be edited")
        return message

    def _edit(self, message: dict, content: dict, params: dict) -> dict:
        markup = self._inline_markup(params)
        if all(message.get(k) == (v or None) for k, v in content.items()) \
                and message.get("reply_markup") == markup:
            raise bad_request(NOT_MODIFIED[len("Bad Request: "):])
        for key, value in [*content.items(), ("reply_markup", markup)]:
            if value:
                message[key] = value
            else:
                message.pop(key, None)
        message["edit_date"] = int(time.time())
        return copy.deepcopy(message)

    # ---- Bot API methods -------------------------------------------------------------------

    async def _api_get_me(self, params: dict) -> dict:
        return self.bot_user

    async def _api_set_webhook(self, params: dict) -> bool:
        """Deliver updates to ``url``; an empty ``url`` removes the webhook, as Telegram does."""
        url = str(params.get("url") or "")
        if not url:
            return await self._api_delete_webhook(params)
        if urlsplit(url).scheme not in ("http", "https"):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise bad_request("secret token contains unallowed characters")
        await self._stop_deliveries()
        if params.get("drop_pending_updates"):
            self._updates.clear()
        if "allowed_updates" in params:
            self._allowed = set(params["allowed_updates"] or []) or None
        self._webhook = {"url": url, "secret_token": secret,
                         "max_connections": min(max(int(params.get("max_connections") or 40), 1),
                                                100)}
        self._webhook_error = None
        self._updates_signal.fire()  # a waiting getUpdates ends with 409, as on Telegram
        self._dispatcher = asyncio.create_task(self._dispatch_webhook(self._webhook))
        return True

    async def _api_delete_webhook(self, params: dict) -> bool:
        """Back to getUpdates; undelivered updates stay pending unless told to drop them."""
        await self._stop_deliveries()
        self._webhook = self._webhook_error = None
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    async def _api_get_webhook_info(self, params: dict) -> dict:
        info: dict[str, Any] = {"url": self._webhook["url"] if self._webhook else "",
                                "has_custom_certificate": False,
                                "pending_update_count": len(self._updates)}
        if self._webhook:
            info["max_connections"] = self._webhook["max_connections"]
            if self._allowed:
                info["allowed_updates"] = sorted(self._allowed)
        if self._webhook_error:
            info["last_error_date"], info["last_error_message"] = self._webhook_error
        return info

    async def _api_set_my_commands(self, params: dict) -> bool:
        for command in params.get("commands") or []:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", str(command.get("command", ""))):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        key = ("commands", json.dumps(params.get("scope")), params.get("language_code", ""))
        self._settings[key] = params.get("commands") or []
        return True

    async def _api_get_my_commands(self, params: dict) -> list:
        key = ("commands", json.dumps(params.get("scope")), params.get("language_code", ""))
        return self._settings.get(key, [])

    async def _api_set_my_description(self, params: dict) -> bool:
        self._settings[("description", params.get("language_code", ""))] = params.get("description")
        return True

    async def _api_set_my_short_description(self, params: dict) -> bool:
        self._settings[("short", params.get("language_code", ""))] = params.get("short_description")
        return True

    async def _api_close(self, params: dict) -> bool:
        return True

    async def _api_log_out(self, params: dict) -> bool:
        return True

    async def _api_get_updates(self, params: dict) -> list[dict]:
        """Long poll; a newer getUpdates ends an older waiting one with 409 like Telegram."""
        if self._webhook:
            raise ApiError(409, WEBHOOK_ACTIVE)
        self._poll_generation += 1
        generation = self._poll_generation
        self._updates_signal.fire()
        offset = int(params.get("offset") or 0)
        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        elif offset < 0:
            self._updates = self._updates[offset:]
        if "allowed_updates" in params:
            self._allowed = set(params["allowed_updates"] or []) or None
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + float(params.get("timeout") or 0)
        while True:
            if self._webhook:
                raise ApiError(409, "Conflict: terminated by setWebhook request")
            if generation != self._poll_generation:
                raise ApiError(409, "Conflict: terminated by other getUpdates request; "
                                    "make sure that only one bot instance is running")
            self._updates = [u for u in self._updates if self._is_allowed(u)]
            remaining = deadline - loop.time()
            if self._updates or remaining <= 0 or self._closing:
                return copy.deepcopy(self._updates[:limit])
            await self._updates_signal.wait(remaining)

    # ---- webhook delivery ------------------------------------------------------------------

    async def _dispatch_webhook(self, webhook: dict) -> None:
        """Start deliveries of pending updates: one at a time per chat, so each chat sees its
        updates in order, and at most ``max_connections`` at once, like Telegram."""
        while True:
            self._updates = [u for u in self._updates if self._is_allowed(u)]
            chats_seen: set[Any] = set()
            for update in self._updates:
                chat = _chat_key(update)
                first_of_chat = chat is None or chat not in chats_seen
                chats_seen.add(chat)
                if not first_of_chat or update["update_id"] in self._in_flight:
                    continue
                if len(self._in_flight) >= webhook["max_connections"]:
                    break
                self._in_flight[update["update_id"]] = asyncio.create_task(
                    self._deliver(update, webhook))
            await self._updates_signal.wait(1.0)

    async def _deliver(self, update: dict, webhook: dict) -> None:
        """POST one update until the bot answers 2xx; anything else is retried, as Telegram
        keeps retrying (here after ``webhook_retry_delay``, so tests stay fast)."""
        secret = webhook["secret_token"]
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
        try:
            while True:
                delivery = Delivery(update["update_id"], self.webhook_target or webhook["url"])
                try:
                    if not _is_loopback(delivery.url):
                        raise ValueError("the fake delivers to loopback addresses only; "
                                         "use redirect_webhook()")
                    async with self._http.post(
                            delivery.url, json=update, headers=headers,
                            timeout=aiohttp.ClientTimeout(total=WEBHOOK_ANSWER_TIMEOUT)) as answer:
                        delivery.status = answer.status
                        await answer.read()
                except (aiohttp.ClientError, TimeoutError, ValueError) as error:
                    delivery.error = _delivery_error(error)
                self.deliveries.append(delivery)
                if delivery.delivered:
                    self._updates = [u for u in self._updates
                                     if u["update_id"] != update["update_id"]]
                    return
                self._webhook_error = (int(time.time()), delivery.error or (
                    f"Wrong response from the webhook: {delivery.status} "
                    f"{_reason(delivery.status)}"))
                self._updates_signal.fire()
                await asyncio.sleep(self.webhook_retry_delay)
        finally:
            self._in_flight.pop(update["update_id"], None)
            self._updates_signal.fire()

    async def _stop_deliveries(self) -> None:
        tasks = [t for t in (self._dispatcher, *self._in_flight.values()) if t]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._dispatcher = None
        self._in_flight.clear()

    def _is_allowed(self, update: dict) -> bool:
        kind = next(k for k in update if k != "update_id")
        return kind in self._allowed if self._allowed else kind not in HIDDEN_BY_DEFAULT

    async def _api_get_file(self, params: dict) -> dict:
        stored = self._files.get(str(params.get("file_id")))
        if stored is None:
            raise bad_request("invalid file_id")
        if stored["meta"]["file_size"] > MAX_DOWNLOAD_SIZE:
            raise bad_request("file is too big")
        return stored["meta"]

    async def _api_send_message(self, params: dict) -> dict:
        text, entities = self._formatted(params, "text", 4096)
        return self._send(params, text=text, entities=entities)

    async def _api_send_photo(self, params: dict) -> dict:
        caption, entities = self._formatted(params, "caption", 1024)
        self._chat(params)
        photo = params.get("photo")
        if isinstance(photo, str) and photo in self._photos:
            sizes = copy.deepcopy(self._photos[photo])
        elif isinstance(photo, UploadedFile):
            sizes = self._register_photo(photo.data, None, None)
        else:
            sizes = [{**self._uploaded(photo, "photos", "p.jpg")[0], "width": 800, "height": 600}]
        return self._send(params, photo=sizes, caption=caption, caption_entities=entities)

    async def _api_send_audio(self, params: dict) -> dict:
        caption, entities = self._formatted(params, "caption", 1024)
        self._chat(params)
        meta, upload = self._uploaded(params.get("audio"), "music", "audio.mp3")
        audio = {**meta, "duration": int(params.get("duration") or 0),
                 "mime_type": (upload and upload.mime_type) or "audio/mpeg"}
        for key in ("performer", "title"):
            if params.get(key):
                audio[key] = params[key]
        if upload and upload.file_name:
            audio["file_name"] = upload.file_name
        return self._send(params, audio=audio, caption=caption, caption_entities=entities)

    async def _api_edit_message_text(self, params: dict) -> dict | bool:
        if "inline_message_id" in params:
            return True
        message = self._editable(params)
        if "text" not in message:
            raise bad_request("there is no text in the message to edit")
        text, entities = self._formatted(params, "text", 4096)
        return self._edit(message, {"text": text, "entities": entities}, params)

    async def _api_edit_message_reply_markup(self, params: dict) -> dict | bool:
        if "inline_message_id" in params:
            return True
        return self._edit(self._editable(params), {}, params)

    async def _api_delete_message(self, params: dict) -> bool:
        if self._chat(params)["messages"].pop(params.get("message_id"), None) is None:
            raise bad_request("message to delete not found")
        return True

    async def _api_send_chat_action(self, params: dict) -> bool:
        self._chat(params)
        if params.get("action") not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        return True

    def _answer(self, query_id: Any) -> None:
        if str(query_id) not in self._open_queries:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid")
        self._open_queries.discard(str(query_id))

    async def _api_answer_callback_query(self, params: dict) -> bool:
        if len(str(params.get("text") or "")) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        self._answer(params.get("callback_query_id"))
        return True

    async def _api_answer_inline_query(self, params: dict) -> bool:
        """Checks what Telegram checks of results: at most 50, ids of 1-64 bytes and unique,
        message texts of 1-4096 characters, valid inline keyboards."""
        results = params.get("results") or []
        if len(results) > 50:
            raise bad_request("RESULTS_TOO_MUCH")
        ids = [str(result.get("id", "")) for result in results]
        if any(not 1 <= len(i.encode()) <= 64 for i in ids):
            raise bad_request("RESULT_ID_INVALID")
        if len(set(ids)) != len(ids):
            raise bad_request("RESULT_ID_DUPLICATE")
        for result in results:
            content = result.get("input_message_content") or {}
            if "message_text" in content:
                self._formatted({"text": content["message_text"], "parse_mode": content.get("parse_mode")},
                                "text", 4096)
            if result.get("reply_markup"):
                self._inline_markup({"reply_markup": result["reply_markup"]})
        if len(str(params.get("next_offset") or "").encode()) > 64:
            raise bad_request("NEXT_OFFSET_INVALID")
        self._answer(params.get("inline_query_id"))
        return True


def _chat_key(update: dict) -> Any:
    """The chat (or, lacking one, the user) an update belongs to, for per-chat ordering."""
    body = next(v for k, v in update.items() if k != "update_id")
    chat = body.get("chat") or (body.get("message") or {}).get("chat") or body.get("from") or {}
    return chat.get("id")


def _is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _reason(status: int | None) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _delivery_error(error: Exception) -> str:
    """In Telegram's words where it has them: ``Connection refused``, ``Connection timed out``."""
    if isinstance(error, TimeoutError):
        return "Connection timed out"
    code = getattr(error, "errno", None)
    return os.strerror(code) if code else str(error)


async def _read_params(request: web.Request) -> dict[str, Any]:
    """Query string, urlencoded, multipart or JSON bodies, with values decoded like Telegram."""
    raw: dict[str, Any] = dict(request.query)
    files: dict[str, UploadedFile] = {}
    if request.content_type == "application/json":
        try:
            raw.update(await request.json())
        except ValueError:
            raise bad_request("can't parse JSON request body") from None
    elif request.body_exists:
        for key, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                files[key] = UploadedFile(value.filename, value.content_type, value.file.read())
            else:
                raw[key] = value
    params = {key: _decode(key, value) for key, value in raw.items()}
    for key, value in params.items():
        if isinstance(value, str) and value.startswith("attach://"):
            params[key] = files.pop(value[len("attach://"):], value)
    return {**params, **files}


def _decode(key: str, value: Any) -> Any:
    if not isinstance(value, str) or key in STRING_FIELDS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value
