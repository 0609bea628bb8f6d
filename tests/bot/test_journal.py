"""The journal's record of a photo's status message (bot/edge/journal.py), read back as a restarted process would."""

import json

from telegram import Bot, Update

from bot.edge.journal import STATUS_FIELD, UpdateJournal
from bot.state.sqlite import SQLiteStore

RAW_UPDATE = {"update_id": 31, "message": {
    "message_id": 5, "date": 1700000000, "chat": {"id": 42, "type": "private", "first_name": "Zoë \"Z\""},
    "from": {"id": 42, "is_bot": False, "first_name": "Zoë \"Z\"", "language_code": "fr"},
    "caption": "la plage, « enfin »",
    "photo": [{"file_id": f"f{i}", "file_unique_id": f"u{i}", "width": side, "height": side * 3 // 4}
              for i, side in enumerate((90, 320, 800))]}}


async def test_a_noted_status_is_stored_with_the_update_as_serialising_it_again_would(tmp_path):
    bot = Bot("1:token")
    kept_update, other_update = Update.de_json(RAW_UPDATE, bot), Update.de_json({**RAW_UPDATE, "update_id": 32}, bot)
    store = SQLiteStore(tmp_path / "state.sqlite3")
    try:
        journal = UpdateJournal(store, lease_seconds=60)
        assert await journal.keep(kept_update)
        await journal.note_status(kept_update, 77)
        await store.keep_update(32, "{}")  # kept by a process that died: this one never saw it
        await journal.note_status(other_update, 78)
        noted = dict(zip((31, 32), await store.reclaim_updates(-1.0)))
    finally:
        await store.close()
    for update, status in ((kept_update, 77), (other_update, 78)):
        assert noted[update.update_id] == json.dumps({**update.to_dict(), STATUS_FIELD: status}, separators=(",", ":"))
    assert json.loads(noted[31])["message"]["caption"] == "la plage, « enfin »"
