"""A python-telegram-bot transport on aiohttp: one ClientSession with a bounded keep-alive pool.

Why: under load PTB's default ``HTTPXRequest`` is CPU-bound in httpx's connection pool, which is
scanned on every request; aiohttp's connector hands out a keep-alive connection cheaply.

Wiring: one instance for API calls, one for getUpdates, so the long poll holds its own
connection and never waits behind (or blocks) the bot's replies::

    application = (
        Application.builder()
        .token(token)
        .request(AiohttpRequest(connection_pool_size=64, read_timeout=30, write_timeout=30))
        .get_updates_request(AiohttpRequest(connection_pool_size=1))
        .build()
    )

Long polling needs nothing special: ``Bot.get_updates`` passes ``read_timeout`` = this request's
``read_timeout`` + the poll's ``timeout`` for every call, which ``do_request`` honours. PTB refuses
the builder's timeout and pool setters (``.read_timeout(...)``, ``.connection_pool_size(...)``)
once ``.request(...)`` is given: pass them to the constructor instead.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from urllib.parse import urlencode

import aiohttp
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData


class AiohttpRequest(BaseRequest):
    """``BaseRequest`` over aiohttp; timeouts and errors behave like PTB's ``HTTPXRequest``.

    ``pool`` bounds the wait for a free slot of the pool (a semaphore, since aiohttp folds that
    wait into its connect timeout), ``connect`` bounds opening a connection, ``read`` each wait
    for response bytes. aiohttp cannot time out a stalled upload, so a POST is also capped as a
    whole at ``connect + write + read``; downloads (GET) are not, so big files are not cut off.
    ``write_timeout`` defaults to ``media_write_timeout`` when the request uploads files.
    Proxies from the environment are not used (looking them up would cost every request).
    """

    __slots__ = ("_before_each", "_connect_timeout", "_keepalive_timeout", "_media_write_timeout", "_pool_size",
                 "_pool_timeout", "_read_timeout", "_session", "_slots", "_write_timeout")

    def __init__(self, connection_pool_size: int = 64, *, read_timeout: float | None = 5.0,
                 write_timeout: float | None = 5.0, connect_timeout: float | None = 5.0,
                 pool_timeout: float | None = 1.0, media_write_timeout: float | None = 20.0,
                 keepalive_timeout: float = 60.0, before_each: Callable[[], Awaitable[None]] | None = None):
        """before_each: awaited before every request is sent (getUpdates: the journal's writes)."""
        if connection_pool_size < 1:
            raise ValueError("connection_pool_size must be at least 1")
        self._pool_size = connection_pool_size
        self._read_timeout, self._write_timeout = read_timeout, write_timeout
        self._connect_timeout, self._pool_timeout = connect_timeout, pool_timeout
        self._media_write_timeout = media_write_timeout
        self._keepalive_timeout = keepalive_timeout
        self._before_each = before_each
        self._session: aiohttp.ClientSession | None = None
        self._slots = asyncio.Semaphore(connection_pool_size)  # replaced in initialize()

    @property
    def read_timeout(self) -> float | None:
        """The default read timeout; ``Bot.get_updates`` adds the long-poll timeout to it."""
        return self._read_timeout

    async def initialize(self) -> None:
        """Create the session here, inside the running loop (aiohttp binds it to that loop)."""
        if self._session is None or self._session.closed:
            self._slots = asyncio.Semaphore(self._pool_size)
            connector = aiohttp.TCPConnector(limit=self._pool_size, limit_per_host=self._pool_size,
                                             keepalive_timeout=self._keepalive_timeout)
            self._session = aiohttp.ClientSession(connector=connector,
                                                  headers={"User-Agent": self.USER_AGENT})

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """One HTTP exchange; status codes and JSON are left to ``BaseRequest``."""
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        if self._before_each is not None:
            await self._before_each()
        uploads = request_data is not None and request_data.contains_files
        timeout = _client_timeout(
            connect=_or_default(connect_timeout, self._connect_timeout),
            write=_or_default(write_timeout,
                              self._media_write_timeout if uploads else self._write_timeout),
            read=_or_default(read_timeout, self._read_timeout),
            capped=method != "GET",
        )
        await self._take_slot(_or_default(pool_timeout, self._pool_timeout))
        try:
            data, headers = _body(request_data)
            async with self._session.request(method, url, data=data, headers=headers,
                                             timeout=timeout) as response:
                return response.status, await response.read()
        except TimeoutError as error:  # aiohttp's connect and read timeouts subclass it
            if _being_cancelled():  # the timer and a cancel raced: the cancel wins, or the task never ends
                raise asyncio.CancelledError() from error
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error
        finally:
            self._slots.release()

    async def _take_slot(self, pool_timeout: float | None) -> None:
        """Wait at most ``pool_timeout`` for one of the pool's connections, like httpx does."""
        if not self._slots.locked() or pool_timeout is None:
            await self._slots.acquire()
            return
        try:
            async with asyncio.timeout(pool_timeout):
                await self._slots.acquire()
        except TimeoutError as error:
            raise TimedOut("Pool timeout: All connections in the connection pool are occupied. "
                           "Request was *not* sent to Telegram. Consider adjusting the "
                           "connection pool size or the pool timeout.") from error


def _being_cancelled() -> bool:
    """True when someone cancelled the running task (aiohttp undoes its own timeout's cancel)."""
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


def _or_default(value: ODVInput[float], default: float | None) -> float | None:
    """PTB passes ``DEFAULT_NONE`` for "not given"; an explicit ``None`` means no timeout."""
    return default if value is BaseRequest.DEFAULT_NONE else value  # type: ignore[return-value]


def _client_timeout(*, connect: float | None, write: float | None, read: float | None,
                    capped: bool) -> aiohttp.ClientTimeout:
    """PTB's per-phase timeouts as aiohttp's (``None`` means unbounded, as in PTB)."""
    phases = (connect, write, read)
    return aiohttp.ClientTimeout(
        total=sum(phases) if capped and None not in phases else None,  # type: ignore[arg-type]
        connect=connect,
        sock_connect=connect,
        sock_read=read,
    )


FORM_HEADERS = {"Content-Type": "application/x-www-form-urlencoded"}


def _body(request_data: RequestData | None) -> tuple[bytes | aiohttp.FormData | None, dict[str, str] | None]:
    """Form-urlencoded parameters, or multipart with the files exactly as PTB describes them; and the
    headers they need. Parameters are encoded here as aiohttp would: its FormData builds a multipart
    writer (and a random boundary) for every request, a tenth of the bot's event-loop time under load."""
    if request_data is None:
        return None, None
    if not request_data.contains_files:
        return urlencode(request_data.json_parameters, doseq=True).encode(), FORM_HEADERS
    # File names go out as httpx writes them (raw UTF-8, '"' as %22), not percent-encoded.
    form = aiohttp.FormData(quote_fields=False, default_to_multipart=True)
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, (file_name, content, mime_type) in request_data.multipart_data.items():
        form.add_field(name, content, filename=file_name.replace('"', "%22"),
                       content_type=mime_type)
    return form, None
