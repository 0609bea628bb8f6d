"""One module per thing a user does; each callback only talks to Telegram."""
