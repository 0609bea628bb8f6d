"""The reference for the load benchmark: the least a photo-captioning bot can do.

It downloads the largest photo, asks Azure AI Vision 4.0 for a caption (aiohttp, one
session) and replies with the caption and a few URL buttons — no recommender, no state.
Everything is python-telegram-bot's default (default HTTPXRequest and its pool, default
timeouts, no rate limiter) except ``concurrent_updates(True)``, the one change allowed so
that it is not serial. Configured like Storytune by TELEGRAM_BOT_TOKEN, TELEGRAM_BASE_URL,
TELEGRAM_BASE_FILE_URL, AZURE_VISION_ENDPOINT, AZURE_VISION_KEY; long polling by default,
a webhook (BOT_WEBHOOK_URL, BOT_WEBHOOK_SECRET, PORT, BOT_LISTEN) when BOT_WEBHOOK_URL is set.

    python benchmarks/load/reference_bot.py
"""

from __future__ import annotations

import logging
import os
from urllib.parse import urlsplit

import aiohttp
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters

AZURE_PATH = "/computervision/imageanalysis:analyze"
AZURE_PARAMS = {"api-version": "2023-10-01", "features": "caption"}
SONGS = (("Jamiroquai — Seven Days In Sunny June", "https://www.deezer.com/track/3135556"),
         ("Shwayze — Buzzin'", "https://www.deezer.com/track/2855241"),
         ("Toto — Africa", "https://www.deezer.com/track/1059416"))
KEYBOARD = InlineKeyboardMarkup([[InlineKeyboardButton(title, url=url)] for title, url in SONGS])
HTTP_KEY = "http"


async def on_photo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Download the largest photo, caption it with Azure, reply with the caption and buttons."""
    photo_file = await update.effective_message.photo[-1].get_file()
    data = bytes(await photo_file.download_as_bytearray())
    caption = await describe(context.bot_data[HTTP_KEY], data)
    await update.effective_message.reply_text(f"I see: {caption}", reply_markup=KEYBOARD)


async def describe(http: aiohttp.ClientSession, data: bytes) -> str:
    """Azure AI Vision 4.0's caption of ``data``."""
    async with http.post(os.environ["AZURE_VISION_ENDPOINT"].rstrip("/") + AZURE_PATH, params=AZURE_PARAMS,
                         data=data, headers={"Ocp-Apim-Subscription-Key": os.environ["AZURE_VISION_KEY"],
                                             "Content-Type": "application/octet-stream"}) as response:
        response.raise_for_status()
        return (await response.json())["captionResult"]["text"]


async def post_init(application: Application) -> None:
    application.bot_data[HTTP_KEY] = aiohttp.ClientSession()


async def post_shutdown(application: Application) -> None:
    await application.bot_data.pop(HTTP_KEY).close()


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # its INFO lines carry the token in URLs
    builder = (Application.builder().token(os.environ["TELEGRAM_BOT_TOKEN"]).concurrent_updates(True)
               .post_init(post_init).post_shutdown(post_shutdown))
    if os.environ.get("TELEGRAM_BASE_URL"):
        builder = builder.base_url(os.environ["TELEGRAM_BASE_URL"])
    if os.environ.get("TELEGRAM_BASE_FILE_URL"):
        builder = builder.base_file_url(os.environ["TELEGRAM_BASE_FILE_URL"])
    application = builder.build()
    application.add_handler(MessageHandler(filters.PHOTO, on_photo))
    webhook_url = os.environ.get("BOT_WEBHOOK_URL")
    if not webhook_url:
        application.run_polling()
        return
    application.run_webhook(listen=os.environ.get("BOT_LISTEN", "127.0.0.1"), port=int(os.environ.get("PORT", "8443")),
                            url_path=urlsplit(webhook_url).path, webhook_url=webhook_url,
                            secret_token=os.environ.get("BOT_WEBHOOK_SECRET"))


if __name__ == "__main__":
    main()
