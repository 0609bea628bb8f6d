"""French text translated into English by Apertium, for the English models to read.

The multilingual encoders and the word-by-word gloss each read French affect
less well than MiniLM reads the English original (benchmarks/language_quality.py).
A sentence-level translation is a fourth reading whose errors differ again:
Apertium, a rule-based translator from Debian's packages (GPL; `apertium`,
`apertium-fr-es`, `apertium-eng-spa`, installed by scripts/setup.sh), has no
French-English pair, so French goes through Spanish ("vacances à la plage" ->
"vacaciones a la playa" -> "holidays to the beach"). Words it does not know
come out marked ("*copains"); the gloss fills them in.

It runs as two short subprocesses per batch of texts (about 0.2 s). Where
Apertium is not installed, or fails, or takes longer than `timeout`, translate()
returns None and the French reading keeps its other three readings: a missing
translator costs accuracy, never an answer.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import signal
import subprocess
import threading

log = logging.getLogger(__name__)

ROUTE = ("fr-es", "spa-eng")
TIMEOUT_SECONDS = 5.0
_UNKNOWN = re.compile(r"[*#@]+([^\s*#@.,;:!?()\"«»]+)")


class ApertiumTranslator:
    """French -> English through Apertium's pairs in ROUTE; None where it cannot."""

    def __init__(self, binary: str | None = None, route: tuple[str, ...] = ROUTE,
                 timeout: float = TIMEOUT_SECONDS):
        self._binary = binary or shutil.which("apertium")
        self._route = route
        self._timeout = timeout
        self._available: bool | None = None
        self._checking = threading.Lock()

    @property
    def available(self) -> bool:
        """Whether the binary and every pair of the route are installed (asked once)."""
        with self._checking:
            if self._available is None:
                self._available = self._has_route()
                if not self._available:
                    log.info("Apertium French-English route not installed: French is read without translation")
        return self._available

    def translate(self, texts: list[str], gloss=None) -> list[str] | None:
        """One English line per text, or None. gloss(french_words) -> English words, one each, fills in the
        words Apertium does not know (kept as they are without it)."""
        if not texts or not self.available:
            return None
        source = "".join(" ".join(text.split()) + "\n" for text in texts)
        try:
            for pair in self._route:
                source = self._run(pair, source)
        except (OSError, subprocess.SubprocessError) as error:
            log.warning("Apertium failed (%s): French is read without translation", error)
            return None
        lines = source.split("\n")[: len(texts)]
        if len(lines) != len(texts):
            log.warning("Apertium returned %d lines for %d texts", len(lines), len(texts))
            return None
        unknown = sorted({word for line in lines for word in _UNKNOWN.findall(line)})
        known = dict(zip(unknown, gloss(unknown))) if gloss and unknown else {}
        return [" ".join(_UNKNOWN.sub(lambda match: known.get(match.group(1), match.group(1)), line).split())
                for line in lines]

    def _run(self, pair: str, text: str) -> str:
        """One pair's pipeline. `apertium` is a shell script that starts a process per stage: on timeout the
        whole process group is killed, or a stage left running would hold the pipe (and the answer) open."""
        with subprocess.Popen([self._binary, pair], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, start_new_session=True) as process:
            try:
                output, _ = process.communicate(text, timeout=self._timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.communicate()
                raise
        if process.returncode != 0:
            raise subprocess.CalledProcessError(process.returncode, [self._binary, pair])
        return output

    def _has_route(self) -> bool:
        if not self._binary:
            return False
        try:
            listed = subprocess.run([self._binary, "-l"], capture_output=True, text=True, timeout=self._timeout)
        except (OSError, subprocess.SubprocessError):
            return False
        modes = set(listed.stdout.split())
        return all(pair in modes for pair in self._route)
