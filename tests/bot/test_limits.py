"""The longest inputs each entry point accepts still get an answer that fits Telegram's limits.

The fake Bot API refuses what Telegram refuses (texts over 4,096, captions over 1,024, toasts over
200, malformed inline results), so these tests fail exactly where a real user would get an error.
"""

import pytest

from tests.fakes import photos
from tests.fakes.azure_server import success

from .test_photo_answers import mood_lines, song_lines, url_buttons

LONGEST_MESSAGE = 4096


@pytest.mark.parametrize("word", ["sunset", "<b>&amp;", "🌅🎶"])
async def test_mood_with_the_longest_message_telegram_allows_gets_songs(bot, chat_id, word):
    command = "/mood "
    words = " ".join([word] * LONGEST_MESSAGE)
    while len((command + words).encode("utf-16-le")) // 2 > LONGEST_MESSAGE:
        words = words[: len(words) - 50].rstrip()
    bot.telegram.push_text(chat_id, command + words)
    answer = await bot.answer_to(chat_id, timeout=60)
    assert "something went wrong" not in answer["text"]
    assert len(mood_lines(answer)) == 3 and len(song_lines(answer)) >= 5
    first_line = answer["text"].splitlines()[0]
    assert word in first_line and first_line.endswith("…"), "the user's words are echoed, shortened"
    assert len(answer["text"].encode("utf-16-le")) // 2 <= LONGEST_MESSAGE


async def test_a_photo_with_the_longest_caption_gets_songs(bot, chat_id):
    caption = ("we danced all night by the sea & the stars <3 " * 30)[:1024]
    bot.azure.script(success("a crowd dancing on a beach at night under string lights"))
    bot.telegram.push_photo(chat_id, photos.jpeg_photo("beach"), caption=caption)
    answer = await bot.answer_to(chat_id, timeout=60)
    assert "a crowd dancing on a beach at night" in answer["text"]
    assert "we danced all night by the sea &amp; the stars" not in answer["text"], "shown as text, not HTML"
    assert "we danced all night by the sea & the stars" in answer["text"]
    assert len(song_lines(answer)) >= 5 and len(url_buttons(answer)) == len(song_lines(answer))


async def test_the_longest_inline_query_gets_results_telegram_accepts(bot):
    query = ("rainy sunday in paris with coffee and old vinyl records " * 5)[:256]
    update = bot.telegram.push_inline_query(3113, query)
    answered = await bot.telegram.wait_for(
        "answerInlineQuery", predicate=lambda c: c.params.get("inline_query_id") == update["inline_query"]["id"],
        timeout=60)
    assert len(answered.params["results"]) >= 5
