"""Configuration read once from the environment (and .env), failing fast with the variable's name."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

TOKEN_PATTERN = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{30,60}$")
WEBHOOK_SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,256}$")
DEFAULT_STATE_DIR = Path(__file__).resolve().parent.parent / "data" / "state"


class ConfigError(Exception):
    """A variable is missing or malformed; the message names it and never echoes a secret."""


@dataclass(frozen=True, kw_only=True)
class Config:
    telegram_token: str = field(repr=False)
    telegram_base_url: str | None = None
    telegram_base_file_url: str | None = None
    azure_endpoint: str | None = None
    azure_key: str | None = field(default=None, repr=False)
    azure_time_budget: float = 6.0
    azure_calls_per_minute: int = 20  # Azure AI Vision's free tier; photos beyond it are read on the device
    data_dir: Path | None = None
    state_dir: Path = DEFAULT_STATE_DIR
    concurrent_updates: int = 256
    deezer_api_base_url: str = "https://api.deezer.com"
    user_key: str | None = field(default=None, repr=False)
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    listen: str = "0.0.0.0"
    port: int = 8443
    ops_port: int | None = 9090
    photos_per_minute: int = 10
    messages_per_second: float = 0.0
    redis_url: str | None = field(default=None, repr=False)
    update_lease_seconds: float = 60.0
    worker_processes: int = 2  # forked: one for the recommender, the others for the image model; 1: one for both; 0: threads

    @property
    def azure_configured(self) -> bool:
        return bool(self.azure_endpoint and self.azure_key)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, *, require_token: bool = True) -> Config:
        env = dict(os.environ if environ is None else environ)
        token = env.get("TELEGRAM_BOT_TOKEN", "").strip()
        if require_token and not token:
            raise ConfigError("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and put its token in .env")
        if require_token and not TOKEN_PATTERN.match(token):
            raise ConfigError("TELEGRAM_BOT_TOKEN is malformed: expected '<digits>:<35 letters>' as given by "
                              "@BotFather")
        webhook_url, webhook_secret = _optional(env, "BOT_WEBHOOK_URL"), _optional(env, "BOT_WEBHOOK_SECRET")
        if webhook_url and not webhook_url.startswith(("https://", "http://")):
            raise ConfigError("BOT_WEBHOOK_URL must be the public https:// URL Telegram will post updates to")
        if webhook_url and not (webhook_secret and WEBHOOK_SECRET_PATTERN.match(webhook_secret)):
            raise ConfigError("BOT_WEBHOOK_SECRET must be set in webhook mode: 16-256 characters of A-Z, a-z, 0-9, _ "
                              "and -")
        endpoint, key = _optional(env, "AZURE_VISION_ENDPOINT"), _optional(env, "AZURE_VISION_KEY")
        if endpoint and not endpoint.startswith(("http://", "https://")):
            raise ConfigError("AZURE_VISION_ENDPOINT must be a URL such as https://<name>.cognitiveservices.azure.com/")
        return cls(
            telegram_token=token,
            telegram_base_url=_optional(env, "TELEGRAM_BASE_URL"),
            telegram_base_file_url=_optional(env, "TELEGRAM_BASE_FILE_URL"),
            azure_endpoint=endpoint,
            azure_key=key,
            azure_time_budget=_number(env, "AZURE_VISION_TIMEOUT", 6.0),
            azure_calls_per_minute=int(_number(env, "AZURE_VISION_CALLS_PER_MINUTE", 20)),
            data_dir=Path(env["STORYTUNE_DATA_DIR"]) if env.get("STORYTUNE_DATA_DIR") else None,
            state_dir=Path(env.get("STORYTUNE_STATE_DIR") or DEFAULT_STATE_DIR),
            concurrent_updates=int(_number(env, "BOT_CONCURRENT_UPDATES", 256)),
            deezer_api_base_url=_optional(env, "DEEZER_API_BASE_URL") or "https://api.deezer.com",
            user_key=_optional(env, "STORYTUNE_USER_KEY"),
            webhook_url=webhook_url,
            webhook_secret=webhook_secret,
            listen=_optional(env, "BOT_LISTEN") or "0.0.0.0",
            port=int(_number(env, "PORT", 8443)),
            ops_port=_ops_port(env),
            photos_per_minute=int(_number(env, "BOT_PHOTOS_PER_MINUTE", 10)),
            messages_per_second=_rate(env, "BOT_MESSAGES_PER_SECOND"),
            redis_url=_optional(env, "REDIS_URL"),
            update_lease_seconds=_number(env, "BOT_UPDATE_LEASE_SECONDS", 60.0),
            worker_processes=_count(env, "BOT_WORKER_PROCESSES", 2),
        )


def _optional(env: dict[str, str], name: str) -> str | None:
    return env.get(name, "").strip() or None


def _number(env: dict[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be positive")
    return value


def _count(env: dict[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit():
        raise ConfigError(f"{name} must be a whole number of 0 or more, got {raw!r}")
    return int(raw)


def _ops_port(env: dict[str, str]) -> int | None:
    """METRICS_PORT for /healthz and /metrics; "off" disables them."""
    raw = env.get("METRICS_PORT", "").strip().lower()
    if raw in ("off", "none"):
        return None
    return 0 if raw == "0" else int(_number(env, "METRICS_PORT", 9090))


def _rate(env: dict[str, str], name: str) -> float:
    """A messages-per-second cap; empty or 0 means none."""
    raw = env.get(name, "").strip()
    return 0.0 if raw in ("", "0") else _number(env, name, 0.0)
