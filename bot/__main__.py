"""`python -m bot` runs the bot (long polling); `try PHOTO` runs the pipeline on a file;
`export-feedback` writes the anonymised feedback as CSV."""

from __future__ import annotations

import os

# Before numpy loads: the bot runs many small matrix products from several threads, where
# BLAS's own worker threads only add contention (measured: ~20% of CPU per photo).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import logging  # noqa: E402
import sys  # noqa: E402

from dotenv import find_dotenv, load_dotenv  # noqa: E402

from .config import Config, ConfigError  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    load_dotenv(find_dotenv(usecwd=True))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its INFO lines carry the token in URLs
    try:
        config = Config.from_env(require_token=args.command is None)
    except ConfigError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    from .edge.redaction import redact_logs

    redact_logs(config)
    if args.command == "try":
        from .tools.try_photo import try_photo

        return try_photo(config, args.photo, caption=args.caption, language=args.lang)
    if args.command == "export-feedback":
        from .tools.feedback_export import export_feedback

        return export_feedback(config, args.out)
    from telegram.error import InvalidToken, TelegramError

    from .edge.app import build_application
    from .memory import tune_allocator

    tune_allocator()

    try:
        run(build_application(config), config)
    except InvalidToken:
        logging.getLogger("bot").error(
            "Telegram refused the bot token (401/404): check TELEGRAM_BOT_TOKEN, and that TELEGRAM_BASE_URL, if set, "
            "ends in /bot")
        return 2
    except TelegramError as error:  # raised only while starting: once polling, PTB retries on its own
        logging.getLogger("bot").error("could not start: %s (check TELEGRAM_BASE_URL and the network)", error)
        return 1
    return 0


ALLOWED_UPDATES = ["message", "callback_query", "inline_query"]


def run(application, config: Config) -> None:
    """Long polling by default; a webhook server when BOT_WEBHOOK_URL is set. SIGINT/SIGTERM stop
    taking updates, let the ones in flight finish, then exit 0."""
    if not config.webhook_url:
        application.run_polling(allowed_updates=ALLOWED_UPDATES)
        return
    from urllib.parse import urlsplit

    application.run_webhook(listen=config.listen, port=config.port,
                            url_path=urlsplit(config.webhook_url).path.lstrip("/"), webhook_url=config.webhook_url,
                            secret_token=config.webhook_secret, allowed_updates=ALLOWED_UPDATES)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command")
    trying = commands.add_parser("try", help="answer a local photo as the bot would, without Telegram")
    trying.add_argument("photo", help="path to an image file")
    trying.add_argument("--caption", help="the caption a user would add")
    trying.add_argument("--lang", choices=("en", "fr"), default="en")
    exporting = commands.add_parser("export-feedback", help="write anonymised votes and dislikes as CSV")
    exporting.add_argument("--out", help="file to write (default: standard output)")
    return parser


if __name__ == "__main__":
    sys.exit(main())
