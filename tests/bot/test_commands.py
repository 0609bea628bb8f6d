"""/start, /help, /about and /mood, in English and French."""

import pytest

from .test_photo_answers import mood_lines, url_buttons


@pytest.mark.parametrize("command, language, expected", [
    ("/start", "en", ["Send me a photo", "/mood"]),
    ("/start", "fr", ["Envoie-moi une photo"]),
    ("/help", "en", ["More songs", "👍", "/mood", "HEIC"]),
    ("/help", "fr", ["Autres chansons", "/mood"]),
    ("/about", "en", ["MuSe", "Deezer", "EmoBank", "CC BY-SA 4.0", "never stored"]),
    ("/about", "fr", ["MuSe", "Deezer", "EmoBank", "jamais conservées"]),
])
async def test_commands_explain_the_bot(bot, chat_id, command, language, expected):
    bot.telegram.push_text(chat_id, command, language_code=language)
    reply = await bot.reply_to(chat_id)
    for words in expected:
        assert words in reply["text"]


async def test_start_is_two_lines(bot, chat_id):
    bot.telegram.push_text(chat_id, "/start")
    assert len((await bot.reply_to(chat_id))["text"].splitlines()) == 2


async def test_mood_suggests_songs_for_described_words_without_calling_azure(bot, chat_id):
    bot.telegram.push_text(chat_id, "/mood rainy sunday in paris")
    answer = await bot.answer_to(chat_id)
    assert "rainy sunday in paris" in answer["text"]
    assert len(mood_lines(answer)) == 3 and len(url_buttons(answer)) >= 5
    assert not bot.azure.requests


async def test_mood_without_words_explains_how(bot, chat_id):
    bot.telegram.push_text(chat_id, "/mood")
    assert "/mood rainy sunday" in (await bot.reply_to(chat_id))["text"]


async def test_the_bot_registers_its_commands_in_both_languages(bot):
    registered = {c.params.get("language_code") for c in bot.telegram.calls_for("setMyCommands")}
    assert registered >= {None, "fr"}
