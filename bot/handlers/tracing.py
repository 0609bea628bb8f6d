"""First and last handler of every update: start its trace, then log and count it.

The trace is also filed under the update's id in the services, because PTB hands the error
handler a fresh context: that is how a failure reaches the update's log line and metric.
"""

from telegram import Update

from ..observability import Trace, update_kind
from ..edge.context import BotContext


async def begin(update: Update, context: BotContext) -> None:
    chat = update.effective_chat
    context.trace = Trace(chat=context.services.users.of(chat.id) if chat else "-", kind=update_kind(update))
    context.services.traces[update.update_id] = context.trace


async def finish(update: Update, context: BotContext) -> None:
    """Also the end of the update's journal entry: from here on a crash no longer takes it up again."""
    context.services.traces.pop(update.update_id, None)
    context.trace.finish(context.services.metrics)
    if context.services.journal is not None:
        await context.services.journal.done(update.update_id)
