"""Every input that is not a plain photo gets a helpful answer, and nothing stops the bot."""

import pytest

from tests.fakes import photos
from tests.fakes.azure_server import success

from .test_photo_answers import url_buttons


@pytest.mark.parametrize("make, file_name, mime", [
    (lambda: photos.photo_as("PNG"), "holiday.png", "image/png"),
    (photos.png_with_alpha, "logo.png", "image/png"),
    (photos.webp_photo, "shot.webp", "image/webp"),
    (photos.heic_photo, "IMG_0001.HEIC", "image/heic"),
    (photos.heic_photo, "IMG_0002.heic", "application/octet-stream"),
    (photos.animated_gif, "party.gif", "image/gif"),
])
async def test_images_sent_as_files_are_answered_like_photos(bot, chat_id, make, file_name, mime):
    bot.azure.script(success("a sunny garden with flowers"))
    bot.telegram.push_document(chat_id, make(), file_name=file_name, mime_type=mime)
    answer = await bot.answer_to(chat_id)
    assert "I see: a sunny garden with flowers" in answer["text"]
    assert len(url_buttons(answer)) >= 5
    assert bot.azure.requests[-1].body_is_image


@pytest.mark.parametrize("data, file_name, mime, expected", [
    (photos.corrupt_jpeg, "broken.jpg", "image/jpeg", "looks damaged"),
    (photos.tiny_image, "pixel.png", "image/png", "too small"),
    (photos.huge_dimensions_png, "bomb.png", "image/png", "too many pixels"),
    (lambda: b"\x00\x01 not an image at all", "photo.jpg", "image/jpeg", "isn't an image"),
    (photos.pdf_bytes, "scan.jpg", "image/jpeg", "isn't an image"),
])
async def test_unusable_images_get_a_reason_and_the_bot_keeps_serving(bot, chat_id, data, file_name, mime, expected):
    bot.telegram.push_document(chat_id, data(), file_name=file_name, mime_type=mime)
    answer = await bot.answer_to(chat_id)
    assert expected in answer["text"]
    assert not answer.get("reply_markup")
    assert not bot.azure.requests, "nothing unusable is sent to Azure"
    bot.telegram.push_photo(chat_id, photos.jpeg_photo("beach"))
    assert len(url_buttons(await bot.answer_to(chat_id))) >= 5


async def test_a_pdf_is_named_and_refused_without_downloading(bot, chat_id):
    bot.telegram.push_document(chat_id, photos.pdf_bytes(), file_name="menu.pdf", mime_type="application/pdf")
    reply = await bot.reply_to(chat_id)
    assert "isn't an image" in reply["text"] and "PDF" in reply["text"]
    assert not bot.telegram.calls_for("getFile", chat_id)


async def test_a_file_over_telegrams_20_mb_limit_is_explained(bot, chat_id):
    bot.telegram.push_document(chat_id, photos.large_jpeg(), file_name="huge.jpg", mime_type="image/jpeg")
    answer = await bot.answer_to(chat_id)
    assert "over 20 MB" in answer["text"]
    assert not bot.azure.requests


async def test_a_large_photo_under_the_limit_is_shrunk_for_azure(bot, chat_id):
    big = photos.large_jpeg(min_bytes=15 * 1024 * 1024)
    bot.azure.script(success("a noisy abstract texture"))
    bot.telegram.push_document(chat_id, big, file_name="big.jpg", mime_type="image/jpeg")
    answer = await bot.answer_to(chat_id, timeout=30)
    assert "I see: a noisy abstract texture" in answer["text"]
    assert bot.azure.requests[-1].body_size < 4 * 1024 * 1024


@pytest.mark.parametrize("push, expected", [
    (lambda t, c, **kw: t.push_text(c, "hello there", **kw), "send me one"),
    (lambda t, c, **kw: t.push_sticker(c, **kw), "Nice sticker"),
    (lambda t, c, **kw: t.push_voice(c, **kw), "voice"),
    (lambda t, c, **kw: t.push_video(c, **kw), "videos"),
    (lambda t, c, **kw: t.push_text(c, "/dance", **kw), "don't know that command"),
    (lambda t, c, **kw: t.push_message(c, location={"latitude": 48.85, "longitude": 2.35}, **kw), "send me one"),
])
async def test_non_photo_messages_get_a_short_answer_saying_what_to_do(bot, chat_id, push, expected):
    push(bot.telegram, chat_id)
    reply = await bot.reply_to(chat_id)
    assert expected in reply["text"]


async def test_french_users_get_french_refusals(bot, chat_id):
    bot.telegram.push_sticker(chat_id, language_code="fr")
    assert "Joli sticker" in (await bot.reply_to(chat_id))["text"]
    bot.telegram.push_document(chat_id, photos.corrupt_jpeg(), file_name="x.jpg", mime_type="image/jpeg",
                               language_code="fr")
    assert "abîmée" in (await bot.answer_to(chat_id))["text"]
