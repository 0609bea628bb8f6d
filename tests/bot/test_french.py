"""French words understood, moods named in French: /mood, "Why these?" and inline mode."""

import re

from bot.views.mood_names import FRENCH, mood_names

from .test_buttons import button
from .test_photo_answers import mood_lines


def french_mood_lines(suggestion) -> list[str]:
    return [" · ".join(mood_names(mood.labels, "fr")) for mood in suggestion.moods]


async def test_french_words_get_moods_named_in_french(bot, chat_id, recommender):
    bot.telegram.push_text(chat_id, "/mood dimanche pluvieux à Paris", language_code="fr")
    answer = await bot.answer_to(chat_id)
    assert "Ambiances" in answer["text"]
    assert mood_lines(answer) == french_mood_lines(recommender.suggest("dimanche pluvieux à Paris"))
    shown = {name for line in mood_lines(answer) for name in line.split(" · ")}
    assert shown <= set(FRENCH.values())


async def test_an_english_text_from_a_french_user_is_read_as_english(bot, recommender):
    english_user, french_user = 4101, 4102
    bot.telegram.push_text(english_user, "/mood a lonely walk on a rainy night", language_code="en")
    in_english = await bot.answer_to(english_user)
    bot.telegram.push_text(french_user, "/mood a lonely walk on a rainy night", language_code="fr")
    in_french = await bot.answer_to(french_user)
    english_lines = mood_lines(in_english)
    assert [" · ".join(mood_names(line.split(" · "), "fr")) for line in english_lines] == mood_lines(in_french)
    assert mood_lines(in_french) != english_lines, "named in French"


async def test_why_these_names_the_matched_moods_in_french(bot, chat_id):
    bot.telegram.push_text(chat_id, "/mood un coucher de soleil paisible sur la mer", language_code="fr")
    answer = await bot.answer_to(chat_id)
    await bot.press(chat_id, answer["message_id"], button(answer, "why"), language_code="fr")
    why = await bot.reply_to(chat_id)
    matched = re.findall(r"— correspond à : (.+)$", why["text"], flags=re.MULTILINE)
    assert matched
    names = {name for line in matched for name in line.split(", ")}
    assert names <= set(FRENCH.values()), names


async def test_french_inline_queries_describe_songs_with_french_mood_names(bot, recommender):
    bot.telegram.push_inline_query(4103, "vacances à la plage avec les copains", language_code="fr")
    results = (await bot.telegram.wait_for("answerInlineQuery")).params["results"]
    expected = " | ".join(french_mood_lines(recommender.suggest("vacances à la plage avec les copains")))
    assert results and all(result["description"] == expected for result in results)
    assert all("Ambiance : " in result["input_message_content"]["message_text"] for result in results)
