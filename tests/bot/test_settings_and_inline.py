"""/settings (kept across a restart), inline mode, and the anonymised feedback export."""

import asyncio
import csv
import io
import sys

from tests.fakes.telegram_api import FakeTelegramServer

from .conftest import running_bot
from .test_buttons import button, photo_answer


async def test_settings_change_the_language_and_survive_a_restart(tmp_path):
    async with FakeTelegramServer() as telegram:
        async with running_bot(telegram, tmp_path):
            telegram.push_text(5, "/settings")
            shown = (await telegram.wait_for("sendMessage", chat_id=5)).result
            assert "Language: from Telegram" in shown["text"]
            telegram.push_callback(5, shown["message_id"], "set:lang:fr")
            edited = (await telegram.wait_for("editMessageText", chat_id=5)).result
            assert "Langue : français" in edited["text"]
        async with running_bot(telegram, tmp_path):
            telegram.push_text(5, "/start", language_code="en")
            assert "Envoie-moi une photo" in (await telegram.wait_for("sendMessage", chat_id=5)).result["text"]
            telegram.push_text(5, "/settings")
            shown = (await telegram.wait_for("sendMessage", chat_id=5)).result
            telegram.push_callback(5, shown["message_id"], "set:lang:auto")
            await telegram.wait_for("editMessageText", chat_id=5)
            telegram.push_text(5, "/start", language_code="en")
            assert "Send me a photo" in (await telegram.wait_for("sendMessage", chat_id=5)).result["text"]


async def test_forged_setting_buttons_are_refused(bot, chat_id):
    bot.telegram.push_text(chat_id, "/settings")
    shown = await bot.reply_to(chat_id)
    toast = await bot.press(chat_id, shown["message_id"], "set:lang:de", check_button=False)
    assert "expired" in toast["text"]


async def test_inline_query_lists_songs_for_the_vibe(bot):
    bot.telegram.push_inline_query(3001, "rainy sunday in paris")
    call = await bot.telegram.wait_for("answerInlineQuery")
    results = call.params["results"]
    assert len(results) == 5
    for result in results:
        assert result["type"] == "article" and " — " in result["title"]
        assert result["url"].startswith(("https://www.deezer.com/track/", "https://open.spotify.com/track/"))
        assert result["url"] in result["input_message_content"]["message_text"]
    assert len({r["id"] for r in results}) == len(results)
    assert int(call.params["cache_time"]) > 0


async def test_inline_queries_are_cached_briefly(bot):
    bot.telegram.push_inline_query(3002, "late night city drive")
    first = (await bot.telegram.wait_for("answerInlineQuery")).params["results"]
    bot.telegram.push_inline_query(3002, "late  night city   drive")
    second = (await bot.telegram.wait_for("answerInlineQuery")).params["results"]
    assert [r["id"] for r in first] == [r["id"] for r in second]


async def test_empty_and_over_long_inline_queries_are_answered_sensibly(bot):
    bot.telegram.push_inline_query(3003, "")
    empty = (await bot.telegram.wait_for("answerInlineQuery")).params
    assert empty["results"] == [] and "Type a vibe" in str(empty["button"])
    bot.telegram.push_inline_query(3003, "sunset " * 60)
    long = (await bot.telegram.wait_for("answerInlineQuery")).params
    assert len(long["results"]) == 5


async def test_feedback_export_is_csv_with_hashed_users_only(bot, chat_id):
    answer = await photo_answer(bot, chat_id)
    await bot.press(chat_id, answer["message_id"], button(answer, "up"))
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "export-feedback", stdout=asyncio.subprocess.PIPE,
        env={"STORYTUNE_STATE_DIR": str(bot.state_dir), "PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1"})
    out, _ = await process.communicate()
    assert process.returncode == 0
    rows = list(csv.DictReader(io.StringIO(out.decode())))
    assert any(r["kind"] == "answer_vote" and r["vote"] == "1" for r in rows)
    assert all(str(chat_id) not in r["user"] and len(r["user"]) == 32 for r in rows)
