"""French text translated into English by Apertium, for the English models to read.

The multilingual encoders and the word-by-word gloss each read French affect
less well than MiniLM reads the English original (benchmarks/language_quality.py).
A sentence-level translation is a fourth reading whose errors differ again:
Apertium, a rule-based translator from Debian's packages (GPL; `apertium`,
`apertium-fr-es`, `apertium-eng-spa`, installed by scripts/setup.sh), has no
French-English pair, so French goes through Spanish ("vacances à la plage" ->
"vacaciones a la playa" -> "holidays to the beach"). Words it does not know
come out marked ("*copains"); the gloss fills them in.

Given pivots (`translate_all`; ALSO_TRIED_PIVOTS: French -> Catalan -> English
and French -> Esperanto -> English, Debian's pairs installed by hand), the text
goes every way, and the French affect reading reads the mean of the
translations (multilingual.py): measured, and off in the shipped bot (PIVOTS).

Each route runs as two short subprocesses per batch of texts (about 0.2 s),
the routes side by side. Where Apertium is not installed, or fails, or takes
longer than `timeout` (a batch gets TIMEOUT_SECONDS_PER_LINE more a line),
translate() returns None and the French reading keeps its other three
readings (a pivot that fails is left out): a missing translator costs
accuracy, never an answer.
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
# Other French-English routes through Apertium's pairs (Catalan: apertium-fra-cat, apertium-eng-cat; Esperanto:
# apertium-eo-fr, apertium-eo-en): each makes different mistakes, and the English model reads the mean MiniLM
# vector of every installed route's translation (multilingual.py; benchmarks/french_words_choice.py). Measured
# and left off: on the train translations the French songs follow the English ones a little more closely
# (+0.01 / +0.02) but gold no better (-0.002 / +0.013), on dev no better either, and a French answer takes
# three times as long (1.0 s against 0.36 s, load 4). Pass pivots=ALSO_TRIED_PIVOTS to measure them again.
ALSO_TRIED_PIVOTS = (("fra-cat", "cat-eng"), ("fr-eo", "eo-en"))
PIVOTS: tuple[tuple[str, ...], ...] = ()
TIMEOUT_SECONDS = 5.0
# ... and this much more a line of a batch (suggest --stdin translates 64 at a time): 64 dev sentences took 1.9-4.3 s
# through fr-es + spa-eng at load average 8-10 against 0.4 s for one, 3.2 s through fra-cat alone (0.04 s a line);
# a batch that outlived one description's timeout lost its translation (read with its other three readings).
TIMEOUT_SECONDS_PER_LINE = 0.1
_UNKNOWN = re.compile(r"[*#@]+([^\s*#@.,;:!?()\"«»]+)")


class ApertiumTranslator:
    """French -> English through Apertium's pairs in ROUTE; None where it cannot."""

    def __init__(self, binary: str | None = None, route: tuple[str, ...] = ROUTE,
                 timeout: float = TIMEOUT_SECONDS, pivots: tuple[tuple[str, ...], ...] = PIVOTS):
        self._binary = binary or shutil.which("apertium")
        self._route = route
        self._pivots = pivots
        self._timeout = timeout
        self._routes: list[tuple[str, ...]] | None = None
        self._checking = threading.Lock()

    @property
    def available(self) -> bool:
        """Whether the binary and every pair of the main route are installed (asked once)."""
        return bool(self.routes) and self.routes[0] == self._route

    @property
    def routes(self) -> list[tuple[str, ...]]:
        """The installed routes: the main one first, then the pivots whose pairs are all installed (asked once)."""
        with self._checking:
            if self._routes is None:
                modes = self._modes()
                self._routes = [route for route in (self._route, *self._pivots) if set(route) <= modes]
                if not self._routes or self._routes[0] != self._route:
                    self._routes = []
                    log.info("Apertium French-English route not installed: French is read without translation")
        return self._routes

    def translate_all(self, texts: list[str]) -> list[list[str]] | None:
        """Every installed route's English lines (run in parallel), the main route's first, with the words Apertium
        does not know still marked (fill them in with `filled`); a pivot that fails is left out; None when the
        main route cannot translate."""
        if not texts or not self.available:
            return None
        results: list[list[str] | None] = [None] * len(self.routes)

        def run(position: int) -> None:
            results[position] = self._marked(texts, self.routes[position])

        threads = [threading.Thread(target=run, args=(position,)) for position in range(1, len(self.routes))]
        for thread in threads:
            thread.start()
        run(0)
        for thread in threads:
            thread.join()
        if results[0] is None:
            return None
        return [result for result in results if result is not None]

    def translate(self, texts: list[str], gloss=None) -> list[str] | None:
        """One English line per text through the main route, or None. gloss(french_words) -> English words, one
        each, fills in the words Apertium does not know (kept as they are without it)."""
        if not texts or not self.available:
            return None
        lines = self._marked(texts, self._route)
        return None if lines is None else filled(lines, gloss)

    def _marked(self, texts: list[str], route: tuple[str, ...]) -> list[str] | None:
        source = "".join(" ".join(text.split()) + "\n" for text in texts)
        timeout = self._timeout + TIMEOUT_SECONDS_PER_LINE * (len(texts) - 1)
        try:
            for pair in route:
                source = self._run(pair, source, timeout)
        except (OSError, subprocess.SubprocessError) as error:
            log.warning("Apertium failed (%s): French is read without translation", error)
            return None
        lines = source.split("\n")[: len(texts)]
        if len(lines) != len(texts):
            log.warning("Apertium returned %d lines for %d texts", len(lines), len(texts))
            return None
        return lines

    def _run(self, pair: str, text: str, timeout: float) -> str:
        """One pair's pipeline. `apertium` is a shell script that starts a process per stage: on timeout the
        whole process group is killed, or a stage left running would hold the pipe (and the answer) open."""
        with subprocess.Popen([self._binary, pair], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True, start_new_session=True) as process:
            try:
                output, _ = process.communicate(text, timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.communicate()
                raise
        if process.returncode != 0:
            raise subprocess.CalledProcessError(process.returncode, [self._binary, pair])
        return output

    def _modes(self) -> set[str]:
        if not self._binary:
            return set()
        try:
            listed = subprocess.run([self._binary, "-l"], capture_output=True, text=True, timeout=self._timeout)
        except (OSError, subprocess.SubprocessError):
            return set()
        return set(listed.stdout.split())


def filled(lines: list[str], gloss=None, *, names: bool = False) -> list[str]:
    """Apertium's lines with each word it did not know ("*copains") replaced by gloss(words) (one English word
    each), or kept as written without gloss. names: keep capitalised ones as written ("Halloween", "Lisbonne"):
    a name means itself to the rules that read words, where the gloss would put the nearest common word."""
    unknown = sorted({word for line in lines for word in _UNKNOWN.findall(line)
                      if not (names and word[:1].isupper())})
    known = dict(zip(unknown, gloss(unknown))) if gloss and unknown else {}
    return [" ".join(_UNKNOWN.sub(lambda match: known.get(match.group(1), match.group(1)), line).split())
            for line in lines]
