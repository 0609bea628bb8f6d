"""Memory given back after large decodes: glibc keeps freed memory in its heaps unless told otherwise.

Why: a 49-megapixel PNG decodes into ~200 MB in 16 MB blocks; glibc's mmap threshold grows to 32 MB
after the first big free, so later blocks come from the heap, stay there once freed, and each worker
thread has its own heap (arena). Fixing the threshold keeps big blocks in mmap (returned on free),
two arenas bound the per-thread heaps, and malloc_trim hands back what is left after a large decode.
No-ops where the C library is not glibc.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

log = logging.getLogger(__name__)

M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8
MMAP_THRESHOLD_BYTES = 1 << 20
ARENAS = 2


def _glibc():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim  # noqa: B018 - present only in glibc
        return libc
    except (OSError, AttributeError):
        return None


_LIBC = _glibc()


def tune_allocator() -> None:
    """At start, before the big allocations: big blocks mmapped, two arenas."""
    if _LIBC is not None:
        _LIBC.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)
        _LIBC.mallopt(M_ARENA_MAX, ARENAS)


def give_back_freed_memory() -> None:
    """Return freed heap memory to the system (a few ms; call off the event loop)."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)
