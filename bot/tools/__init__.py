"""Command-line tools beside the bot: `python -m bot try PHOTO` and `python -m bot export-feedback`."""
