"""▶ under a song sends its 30-second preview as an audio message, or says why it can't."""

from tests.fakes.deezer_api import quota_exceeded, server_error

from .test_buttons import photo_answer
from .test_photo_answers import song_lines, url_buttons


def play_buttons(answer: dict) -> list[tuple[dict, dict]]:
    """(link button, ▶ button) per song row; the link's text is the song's full line of the answer
    (a button's own text is cut at 60 characters)."""
    rows = [(row[0], row[1]) for row in answer["reply_markup"]["inline_keyboard"] if "url" in row[0]]
    return [({**link, "text": line}, play) for (link, play), line in zip(rows, song_lines(answer))]


def on_deezer(bot, link: dict, **options) -> tuple[int, list[str]]:
    """Put a link button's song in the fake Deezer: a Deezer song under its own id (fetched by id),
    a Spotify one under a new id that only a search by artist and title finds. Returns the id and
    the API calls a tap should make."""
    artist, title = link["text"].split(" — ", 1)
    if link["url"].startswith("https://www.deezer.com/track/"):
        track, calls = int(link["url"].rsplit("/", 1)[1]), ["track"]
    else:
        track, calls = 900_000 + abs(hash(link["url"])) % 100_000, ["search", "track"]
    bot.deezer.add_track(track, artist, title, **options)
    return track, calls


async def test_play_sends_the_preview_with_title_and_performer(bot, chat_id):
    answer = await photo_answer(bot, chat_id)
    link, play = play_buttons(answer)[2]
    artist, title = link["text"].split(" — ", 1)
    track, calls = on_deezer(bot, link)
    toast = await bot.press(chat_id, answer["message_id"], play["callback_data"])
    assert not toast.get("text"), "no error toast"
    audio = await bot.telegram.wait_for("sendAudio", chat_id=chat_id)
    assert audio.params["title"] == title and audio.params["performer"] == artist
    assert f"/preview/{track}.mp3" in audio.params["audio"]
    assert bot.deezer.endpoints() == calls, "fetched at tap time, by Deezer id or by artist and title"


async def test_every_song_of_an_answer_can_be_previewed_whatever_its_catalog(bot, chat_id):
    answer = await photo_answer(bot, chat_id)
    for link, play in play_buttons(answer):
        track, _ = on_deezer(bot, link)
        toast = await bot.press(chat_id, answer["message_id"], play["callback_data"])
        assert not toast.get("text"), (link, toast)
        audio = await bot.telegram.wait_for("sendAudio", chat_id=chat_id)
        assert f"/preview/{track}.mp3" in audio.params["audio"]


async def test_when_telegram_refuses_the_url_the_preview_is_uploaded(bot, chat_id):
    answer = await photo_answer(bot, chat_id)
    link, play = play_buttons(answer)[0]
    artist, title = link["text"].split(" — ", 1)
    on_deezer(bot, link)
    bot.telegram.fail_next("sendAudio", 400, "Bad Request: wrong file identifier/HTTP URL specified")
    await bot.press(chat_id, answer["message_id"], play["callback_data"])
    uploaded = await bot.telegram.wait_for("sendAudio", chat_id=chat_id)
    assert not str(uploaded.params["audio"]).startswith("http"), "sent as a file the second time"
    assert uploaded.params["title"] == title


async def test_a_song_without_preview_says_so_in_a_toast(bot, chat_id):
    answer = await photo_answer(bot, chat_id)
    link, play = play_buttons(answer)[1]
    on_deezer(bot, link, has_preview=False)
    toast = await bot.press(chat_id, answer["message_id"], play["callback_data"])
    assert toast["text"] == "No preview for this song, sorry."
    assert not bot.telegram.calls_for("sendAudio", chat_id)


async def test_deezer_down_or_over_quota_gives_a_toast_and_the_bot_goes_on(bot, chat_id):
    answer = await photo_answer(bot, chat_id)
    link, play = play_buttons(answer)[3]
    on_deezer(bot, link)
    for failure in ((server_error(500), server_error(502)), (quota_exceeded(),)):
        bot.deezer.script(*failure)
        toast = await bot.press(chat_id, answer["message_id"], play["callback_data"])
        assert "unavailable right now" in toast["text"]
    toast = await bot.press(chat_id, answer["message_id"], play["callback_data"])
    assert not toast.get("text")
    assert len(bot.telegram.calls_for("sendAudio", chat_id)) == 1


async def test_previews_only_setting_keeps_only_songs_that_have_one(bot, chat_id, recommender):
    vibe = "friends having a picnic in a sunny park"
    candidates = recommender.suggest(vibe, songs=10).songs  # as the bot asks: twice an answer
    # A Deezer song keeps its id; a Spotify one gets a Deezer id its artist and title find.
    on_deezer = {song.url: int(song.id[2:]) if song.id.startswith("dz") else 900_000 + n
                 for n, song in enumerate(candidates)}
    silent = {on_deezer[song.url] for song in candidates[:5]}
    bot.deezer.forget_tracks()  # earlier tests in this module may have listed some of these songs with a preview
    for song in candidates:
        bot.deezer.add_track(on_deezer[song.url], song.artist, song.title,
                             has_preview=on_deezer[song.url] not in silent)
    bot.telegram.push_text(chat_id, "/settings")
    settings = await bot.reply_to(chat_id)
    assert "Saved" in (await bot.press(chat_id, settings["message_id"], "set:prev:on"))["text"]
    assert "preview: on" in (await bot.telegram.wait_for("editMessageText", chat_id=chat_id)).result["text"]
    bot.telegram.push_text(chat_id, f"/mood {vibe}")
    answer = await bot.answer_to(chat_id)
    shown = {on_deezer.get(b["url"]) for b in url_buttons(answer)}
    assert len(shown) == 5 and not shown & silent
