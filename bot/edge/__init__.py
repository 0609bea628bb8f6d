"""The Telegram edge: the Application and its wiring, HTTP transport, flood control, the update
journal, downloads from Telegram, log redaction and the ops (health/metrics) server."""
