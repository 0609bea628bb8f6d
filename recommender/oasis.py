"""OASIS — Open Affective Standardized Image Set (Kurdi, Lozano & Banaji 2017, Behavior
Research Methods 49:457-470): real photos with about 100 people's mean valence and arousal
ratings (1-7). The build fits the photo affect head on them; benchmarks and tests use them too.

Found in ../shared/data/oasis (ratings.csv + images/NNN.jpg) or, when that folder is absent,
downloaded from the set's public home (the ratings file checked by SHA-256), keeping only the
photos whose id is not divisible by 3: the rest are held out for checking the bot.
"""

from __future__ import annotations

import csv
import io
import logging
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .sources import DEFAULT_SOURCES_DIR, SourcesError, sha256_of

log = logging.getLogger(__name__)

OASIS_HOME = "https://raw.githubusercontent.com/bkurdi/shiny-server/1a3bcada01115bbe651bf0e69f7410c8ef63cc94/"
OASIS_SHA256 = "7f059c01d627739d0d64bf71ea7727ecec80df1e3e702007744e6fb6c6dffe5a"
COLUMNS = ("id", "file", "theme", "category", "source", "valence_mean", "valence_sd", "valence_n",
           "arousal_mean", "arousal_sd", "arousal_n")


@dataclass(frozen=True)
class OasisPhotos:
    """paths: (n,) image files; ratings: (n, 2) mean valence and arousal on 1-7."""

    ids: list[str]
    themes: list[str]
    categories: list[str]
    paths: list[Path]
    ratings: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)


def read_oasis(directory: Path) -> OasisPhotos:
    """The rated photos in an oasis/ folder (ratings.csv + images/)."""
    with (directory / "ratings.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return OasisPhotos([r["id"] for r in rows], [r["theme"] for r in rows], [r["category"] for r in rows],
                       [directory / r["file"] for r in rows],
                       np.array([[float(r["valence_mean"]), float(r["arousal_mean"])] for r in rows]))


def oasis_dir(sources_dir: Path | None, cache_dir: Path) -> Path:
    """sources_dir/oasis or ../shared/data/oasis when present, else the verified public download."""
    for base in ([Path(sources_dir)] if sources_dir else []) + [DEFAULT_SOURCES_DIR]:
        if (base / "oasis" / "ratings.csv").exists():
            return base / "oasis"
    target = cache_dir / "oasis"
    if not (target / "ratings.csv").exists():
        _download_oasis(target)
    return target


def _download_oasis(target: Path) -> None:
    log.info("downloading OASIS from %s", OASIS_HOME)
    try:
        raw = _fetch(OASIS_HOME + "OASIS.csv")
    except OSError as error:
        raise SourcesError(f"could not download OASIS ({error}); put it in ../shared/data/oasis") from error
    partial = target.with_name(target.name + ".part")
    partial.mkdir(parents=True, exist_ok=True)
    (partial / "OASIS.csv").write_bytes(raw)
    actual = sha256_of(partial / "OASIS.csv")
    if actual != OASIS_SHA256:
        raise SourcesError(f"OASIS.csv has SHA-256 {actual}, expected {OASIS_SHA256}: refusing a changed source")
    reader = csv.reader(io.StringIO(raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")))
    next(reader)
    (partial / "images").mkdir(exist_ok=True)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in reader:
        if not row or not row[0]:
            continue
        number = int(row[0].lstrip("I"))
        if number % 3 == 0:
            continue  # held out
        file = f"images/{number:03d}.jpg"
        (partial / file).write_bytes(_fetch(OASIS_HOME + "images/" + urllib.parse.quote(row[1].strip()) + ".jpg"))
        writer.writerow([f"I{number}", file, *row[1:4], *row[4:10]])
    (partial / "ratings.csv").write_text(out.getvalue())
    partial.replace(target)


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read()
