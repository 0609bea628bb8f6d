"""Where the raw data comes from: ../shared/data when present, else the public files.

Never copies sources into git; the build reads them in place (or downloads them
to a cache under data/) and records their SHA-256 in the manifest.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import urllib.request
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES_DIR = REPO_ROOT.parent / "shared" / "data"


@dataclass(frozen=True)
class PublicFile:
    """A source file: its path under the sources folder and its public home."""

    relative_path: str
    url: str
    sha256: str


PUBLIC_FILES = (
    PublicFile(
        "muse/combinations.csv",
        "https://raw.githubusercontent.com/KashishTrivedi123/Mood_based_Music_Recommendation_System/main/muse_v3.csv",
        "bdc9ce95d1d30e60096ad2645e65f38618ae14abf7b0588a58a1032b0a5841a6",
    ),
    PublicFile(
        "deezer/train.csv",
        "https://raw.githubusercontent.com/deezer/deezer_mood_detection_dataset/master/train.csv",
        "7c92c7426325f41a41ff75c93087593859907517c4c84973f8db8463e6b20f3f",
    ),
    PublicFile(
        "deezer/validation.csv",
        "https://raw.githubusercontent.com/deezer/deezer_mood_detection_dataset/master/validation.csv",
        "4bf9c5b32245c523c1d3474bebe2294a1125efc3bdd2f3edb2204b0f6008e1c2",
    ),
    PublicFile(
        "deezer/test.csv",
        "https://raw.githubusercontent.com/deezer/deezer_mood_detection_dataset/master/test.csv",
        "472edbdac17a398f27ade8a1b2ea952a84c8ae925e73e23cd6960d9e4aff92b6",
    ),
    PublicFile(
        # The whole corpus; read_emobank keeps only its train and dev rows.
        "emobank/emobank.csv",
        "https://raw.githubusercontent.com/JULIELab/EmoBank/master/corpus/emobank.csv",
        "1ade4a4a453e880c0f39d0536d2b355e8a716e0cf88236c64cdb4d438cf9605b",
    ),
    PublicFile(
        # TidyTuesday 2020-01-21 "Song genres" (R for Data Science community, MIT; Spotify Web API via spotifyr).
        "spotify/spotify_songs.csv",
        "https://raw.githubusercontent.com/rfordatascience/tidytuesday/master/data/2020/2020-01-21/spotify_songs.csv",
        "9902920cfe4940f0914ebb6716801a42f7f19ac88fbd6693eaae7e2822b16845",
    ),
)

SHARED_EMOBANK = "emobank/emobank_train_dev.csv"


class SourcesError(Exception):
    """The sources cannot be found or fetched; the message says what to do."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class SourceFiles:
    """Resolved paths of the files the build reads."""

    combinations: Path
    deezer: tuple[Path, ...]
    emobank: Path
    spotify: Path | None = None  # optional: only the Spotify and combined catalogs need it

    def all(self) -> tuple[Path, ...]:
        return (self.combinations, *self.deezer, self.emobank, *([self.spotify] if self.spotify else []))


def local_sources(directory: Path) -> SourceFiles | None:
    """The sources in a ../shared/data-style folder, or None when it is absent."""
    emobank = directory / SHARED_EMOBANK
    if not emobank.exists():
        emobank = directory / "emobank" / "emobank.csv"
    files = SourceFiles(
        combinations=directory / "muse" / "combinations.csv",
        deezer=tuple(directory / "deezer" / f"{split}.csv" for split in ("train", "validation", "test")),
        emobank=emobank,
    )
    if not all(path.exists() for path in files.all()):
        return None
    spotify = directory / "spotify" / "spotify_songs.csv"
    return dataclasses.replace(files, spotify=spotify) if spotify.exists() else files


def download_sources(cache_dir: Path, public_files: tuple[PublicFile, ...] = PUBLIC_FILES) -> SourceFiles:
    """Fetch the public files into cache_dir, refusing any whose SHA-256 differs."""
    for public in public_files:
        target = cache_dir / public.relative_path
        if target.exists() and sha256_of(target) == public.sha256:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        log.info("downloading %s", public.url)
        partial = target.with_suffix(target.suffix + ".part")
        try:
            with urllib.request.urlopen(public.url, timeout=60) as response, partial.open("wb") as out:
                while block := response.read(1 << 20):
                    out.write(block)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise SourcesError(
                f"could not download {public.url} ({error}); put the sources in a folder "
                "laid out like ../shared/data and pass it with --sources"
            ) from error
        actual = sha256_of(partial)
        if actual != public.sha256:
            partial.unlink(missing_ok=True)
            raise SourcesError(
                f"{public.url} has SHA-256 {actual}, expected {public.sha256}: refusing a changed source"
            )
        partial.replace(target)
    files = local_sources(cache_dir)
    assert files is not None, "every public file was just written"
    return files


def resolve_sources(
    sources_dir: Path | None, cache_dir: Path, public_files: tuple[PublicFile, ...] = PUBLIC_FILES
) -> SourceFiles:
    """Local sources when they are there, else the verified public downloads."""
    directory = Path(sources_dir) if sources_dir else DEFAULT_SOURCES_DIR
    found = local_sources(directory)
    if found:
        return found
    if sources_dir:
        raise SourcesError(
            f"{directory} does not hold the sources (muse/combinations.csv, deezer/*.csv, "
            "emobank/emobank_train_dev.csv); see ../shared/data/SOURCES.md"
        )
    log.info("%s not found; downloading the public sources", directory)
    return download_sources(cache_dir, public_files)
