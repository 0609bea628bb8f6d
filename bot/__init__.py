"""Storytune's Telegram edge: handlers, the Azure client and photo helpers."""
