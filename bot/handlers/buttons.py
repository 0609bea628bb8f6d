"""Presses on an answer's buttons; anything unknown, stale or forged gets a polite toast."""

from __future__ import annotations

from telegram import CallbackQuery, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from ..answers import Listener
from ..edge.context import BotContext
from ..state import AnswerState, ShownSong
from ..views.callbacks import ButtonPress, Steer, parse_button
from ..views.keyboards import answer_keyboard, why_keyboard
from ..views.messages import more_songs_text, why_text
from ..views.texts import text
from .answering import publish_answer
from .common import listener_of


async def on_button(update: Update, context: BotContext) -> None:
    """Route a press to its action once its token is ours, alive, and pressed on that answer's own message.

    A press anywhere else — another chat, another message, an inline message — gets the expiry
    toast and reads or writes nothing of the answer.
    """
    query, listener = update.callback_query, await listener_of(update, context)
    press = parse_button(query.data)
    state = await context.services.store.get_answer(press.token) if press else None
    if state is None or not _pressed_on_answer(query, state, context):
        context.trace.refuse("expired")
        await query.answer(text("expired", listener.language))
        return
    await ACTIONS[press.action](update, context, listener, state, press)


def _pressed_on_answer(query: CallbackQuery, state: AnswerState, context: BotContext) -> bool:
    """Our answers live in chats only: a callback from an inline message (no `message`) never matches."""
    message = query.message
    return message is not None and state.sent_as(context.services.users.of(message.chat.id), message.message_id)


async def more_songs(update: Update, context: BotContext, listener: Listener, state: AnswerState,
                     press: ButtonPress) -> None:
    """Next songs for the same photo, in a new message: no Azure call, nothing offered before."""
    suggestion = await context.services.answers.suggest(state, listener)
    if not suggestion.songs:
        await update.callback_query.answer(text("no_more", listener.language))
        return
    await update.callback_query.answer()
    songs = list(suggestion.songs)
    sent = await update.effective_message.reply_text(more_songs_text(songs, listener.language),
                                                     parse_mode=ParseMode.HTML,
                                                     reply_markup=answer_keyboard(songs, press.token, listener.language))
    state.show(sent.message_id, songs)
    await context.services.store.put_answer(press.token, state)


async def steer(update: Update, context: BotContext, listener: Listener, state: AnswerState,
                press: ButtonPress) -> None:
    """Move the answer in valence/arousal and edit it in place."""
    suggestion = await context.services.answers.steer(state, listener, Steer(press.argument).move)
    await update.callback_query.answer()
    await publish_answer(update.effective_message, context, state, suggestion, listener.language, press.token)


async def why(update: Update, context: BotContext, listener: Listener, state: AnswerState,
              press: ButtonPress) -> None:
    """One line per song of this message: how it feels and which moods it matched."""
    songs = state.songs_in(update.effective_message.message_id)
    await update.callback_query.answer()
    sent = await update.effective_message.reply_text(why_text(songs, listener.language), parse_mode=ParseMode.HTML,
                                                     reply_markup=why_keyboard(songs, press.token))
    state.attach(sent.message_id)
    await context.services.store.put_answer(press.token, state)


async def vote(update: Update, context: BotContext, listener: Listener, state: AnswerState,
               press: ButtonPress) -> None:
    """👍/👎 on the whole answer: stored, and the user's next answers lean on it."""
    value = 1 if press.action == "up" else -1
    await context.services.store.record_vote(press.token, listener.user, value, state.moods)
    await update.callback_query.answer(text("thanks_up" if value > 0 else "thanks_down", listener.language))


async def dislike_song(update: Update, context: BotContext, listener: Listener, state: AnswerState,
                       press: ButtonPress) -> None:
    """👎 on one song: it never comes back to this user."""
    if state.song(press.argument) is None:
        await update.callback_query.answer(text("expired", listener.language))
        return
    await context.services.store.dislike_song(listener.user, press.argument)
    await update.callback_query.answer(text("song_disliked", listener.language))


async def play(update: Update, context: BotContext, listener: Listener, state: AnswerState,
               press: ButtonPress) -> None:
    """▶: the song's 30-second preview as an audio message (no preview: the error handler says why)."""
    song = state.song(press.argument)
    if song is None:
        await update.callback_query.answer(text("expired", listener.language))
        return
    await _send_preview(context, update.effective_chat.id, song)
    await update.callback_query.answer()


async def _send_preview(context: BotContext, chat_id: int, song: ShownSong) -> None:
    """By URL first; if Telegram can't fetch it, download it (bounded) and upload it."""
    preview = await context.services.answers.preview(song)
    details = {"title": song.title, "performer": song.artist, "duration": preview.duration}
    try:
        await context.bot.send_audio(chat_id, preview.url, **details)
    except BadRequest:
        audio = await context.services.answers.download_preview(preview.url)
        await context.bot.send_audio(chat_id, audio, filename="preview.mp3", **details)


ACTIONS = {"more": more_songs, "steer": steer, "why": why, "up": vote, "down": vote, "nope": dislike_song,
           "play": play}
