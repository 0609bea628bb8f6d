"""What the user sees, built by pure functions: the texts in both languages, answer and why texts,
inline keyboards and the callback data they carry."""
