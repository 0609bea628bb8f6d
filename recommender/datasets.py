"""Readers for the raw source files, each returning plain rows the build can trust.

Malformed rows are reported with their line number and skipped: one bad line in
a 90,000-song download must not stop the build.
"""

from __future__ import annotations

import ast
import csv
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)


def parse_label_list(text: str) -> tuple[str, ...]:
    """Parse a MuSe `seeds` cell such as "['aggressive', 'angry']" into labels."""
    value = ast.literal_eval(text.strip())
    if not isinstance(value, (list, tuple)) or not value or not all(isinstance(v, str) for v in value):
        raise ValueError(f"not a non-empty list of labels: {text!r}")
    return tuple(label.strip().lower() for label in value)


def read_combinations(path: Path) -> list[tuple[str, ...]]:
    """The distinct emotion combinations, in a stable order (sorted labels per set kept as given)."""
    seen: dict[tuple[str, ...], None] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        for row in reader:
            if not row or row[0] in ("seeds", ""):
                continue
            cell = row[0] if len(row) == 1 else _seeds_cell(row)
            try:
                seen.setdefault(parse_label_list(cell), None)
            except (ValueError, SyntaxError):
                log.warning("%s line %d: skipped, unreadable combination %r", path.name, reader.line_num, row[:1])
    return list(seen)


def _seeds_cell(row: list[str]) -> str:
    return next((cell for cell in row if cell.lstrip().startswith("[")), row[0])


@dataclass(frozen=True)
class EmoBankRows:
    """EmoBank sentences with their mean valence/arousal/dominance ratings (1-5)."""

    texts: list[str]
    vad: np.ndarray  # (n, 3)
    split: np.ndarray  # (n,) "train" or "dev"


def read_emobank(path: Path) -> EmoBankRows:
    """Train and dev rows only: the corpus's test rows stay held out."""
    import pandas as pd

    frame = pd.read_csv(path)
    frame = frame[frame["split"].isin(["train", "dev"])]
    frame = frame.dropna(subset=["V", "A", "D"])
    texts = frame["text"].fillna("").astype(str).tolist()
    return EmoBankRows(texts, frame[["V", "A", "D"]].to_numpy(np.float64), frame["split"].to_numpy(str))


@dataclass(frozen=True)
class SongRow:
    """One catalog song before scaling; affect on the source's own scale."""

    song_id: str
    artist: str
    title: str
    url: str
    valence: float
    arousal: float
    labels: tuple[str, ...] = ()
    popularity: float = float("nan")  # 0-1 where the source says how well known a song is
    energy: float = float("nan")  # the source's own drive measure (Spotify: energy, danceability, tempo)
    genres: tuple[str, ...] = ()
    speech: float = float("nan")  # 0-1 how much of the track is spoken or rapped (Spotify's speechiness)
    acoustic: float = float("nan")  # 0-1 how sure the audio is acoustic (Spotify's acousticness)
    dance: float = float("nan")  # 0-1 how suited the track is to dancing (Spotify's danceability)
    foreign_playlists: float = float("nan")  # 0-1 least share of non-English titles in its playlists (Spotify's)
    other_title: float = float("nan")  # titlereading's confidence the title is in another language, NaN not read
    year: float = float("nan")  # the release year (Spotify's album release date), NaN where the source does not say


def read_deezer(paths: tuple[Path, ...]) -> list[SongRow]:
    """The Deezer mood dataset: all three splits form one catalog."""
    songs: list[SongRow] = []
    for path in paths:
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            for row in reader:
                try:
                    song_id = str(int(row["dzr_sng_id"]))
                    songs.append(
                        SongRow(
                            song_id=f"dz{song_id}",
                            artist=_required(row, "artist_name"),
                            title=_required(row, "track_name"),
                            url=f"https://www.deezer.com/track/{song_id}",
                            valence=_finite(row["valence"]),
                            arousal=_finite(row["arousal"]),
                        )
                    )
                except (KeyError, ValueError, TypeError) as error:
                    log.warning("%s line %d: skipped (%s)", path.name, reader.line_num, error)
    return songs


MUSE_REQUIRED = ("track", "artist", "seeds", "valence_tags", "arousal_tags")


def read_muse_songs(path: Path) -> list[SongRow]:
    """The full MuSe song table (muse_v3.csv), with or without its lastfm_url column.

    A row that is not UTF-8, breaks the CSV quoting or overflows a field is skipped
    like any other malformed row (the csv reader resumes on the next line).
    """
    songs: list[SongRow] = []
    with path.open(newline="", encoding="utf-8", errors="surrogateescape") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in MUSE_REQUIRED if column not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path} is not a MuSe song table: no column(s) {', '.join(missing)}")
        number = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as error:  # DictReader's own line_num only moves on a good row
                log.warning("%s line %d: skipped (%s)", path.name, reader.reader.line_num, error)
                continue
            number += 1
            try:
                songs.append(_muse_song(row, number))
            except (KeyError, ValueError, SyntaxError, TypeError) as error:
                log.warning("%s line %d: skipped (%s)", path.name, reader.line_num, error)
    return songs


def _muse_song(row: dict[str, str | None], number: int) -> SongRow:
    if None in row:
        raise ValueError("more cells than columns")
    if any(_undecodable(value) for value in row.values()):
        raise ValueError("bytes that are not UTF-8")
    artist, title = _required(row, "artist"), _required(row, "track")
    spotify_id = (row.get("spotify_id") or "").strip()
    lastfm_url = (row.get("lastfm_url") or "").strip()
    if spotify_id:
        url = f"https://open.spotify.com/track/{spotify_id}"
    elif lastfm_url.startswith("http"):
        url = lastfm_url
    else:
        from urllib.parse import quote_plus

        url = f"https://www.last.fm/search/tracks?q={quote_plus(f'{artist} {title}')}"
    key = spotify_id or (row.get("mbid") or "").strip() or str(number)
    return SongRow(
        song_id=f"mu{key}",
        artist=artist,
        title=title,
        url=url,
        valence=_finite(row["valence_tags"]),
        arousal=_finite(row["arousal_tags"]),
        labels=parse_label_list(row["seeds"] or ""),
    )


def _undecodable(value: str | None) -> bool:
    """Whether a cell read with errors="surrogateescape" held bytes that are not UTF-8."""
    return value is not None and any("\udc80" <= character <= "\udcff" for character in value)


def _required(row: dict[str, str | None], column: str) -> str:
    value = (row.get(column) or "").strip()
    if not value:
        raise ValueError(f"empty {column}")
    return value


def _finite(text: str | None) -> float:
    value = float(text)  # type: ignore[arg-type]
    if not np.isfinite(value):
        raise ValueError(f"not a finite number: {text!r}")
    return value


SPOTIFY_REQUIRED = ("track_id", "track_name", "track_artist", "track_popularity", "playlist_genre",
                    "playlist_subgenre", "valence", "energy", "danceability", "tempo")


def read_spotify(path: Path) -> list[SongRow]:
    """The TidyTuesday Spotify songs table: one row per (track, playlist), merged per track_id.

    A track keeps every genre and subgenre of the playlists it is in; affect is Spotify's audio
    valence and energy (on the 1,451 songs also in Deezer's catalog, plain valence and energy
    follow the tag affect best: r 0.40 and 0.38, blends with danceability or loudness do not help);
    energy (the drive a workout or a party wants) adds danceability and tempo.
    """
    merged: dict[str, dict] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in SPOTIFY_REQUIRED if column not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path} is not the Spotify songs table: no column(s) {', '.join(missing)}")
        for row in reader:
            try:
                track = _required(row, "track_id")
                song = merged.get(track)
                if song is None:
                    merged[track] = song = {
                        "artist": _required(row, "track_artist"), "title": _required(row, "track_name"),
                        "popularity": _finite(row["track_popularity"]) / 100.0,
                        "valence": _finite(row["valence"]), "arousal": _finite(row["energy"]),
                        "drive": (_finite(row["energy"]), _finite(row["danceability"]), _finite(row["tempo"])),
                        "speech": _finite(row["speechiness"]) if row.get("speechiness") else float("nan"),
                        "acoustic": _finite(row["acousticness"]) if row.get("acousticness") else float("nan"),
                        "year": _year(row.get("track_album_release_date")), "genres": {}, "playlists": set()}
                    song["dance"] = song["drive"][1]  # danceability, parsed once for both
                if (row.get("playlist_id") or "").strip():
                    song["playlists"].add(row["playlist_id"].strip())
                for column in ("playlist_genre", "playlist_subgenre"):
                    if (row.get(column) or "").strip():
                        song["genres"][row[column].strip()] = None
            except (KeyError, ValueError, TypeError) as error:
                log.warning("%s line %d: skipped (%s)", path.name, reader.line_num, error)
    if not merged:
        return []
    drive = np.array([song["drive"] for song in merged.values()])
    drive = (drive - drive.mean(axis=0)) / np.where(drive.std(axis=0) > 0, drive.std(axis=0), 1.0)
    energy = drive @ np.array([1.0, 0.5, 0.25])
    from .titlereading import other_language_confidences

    identified = other_language_confidences([song["title"] for song in merged.values()])
    foreign = foreign_playlist_shares([(song["title"], song["playlists"], confidence)
                                       for song, confidence in zip(merged.values(), identified)])
    return [SongRow(song_id=f"sp{track}", artist=song["artist"], title=song["title"],
                    url=f"https://open.spotify.com/track/{track}", valence=song["valence"], arousal=song["arousal"],
                    popularity=song["popularity"], energy=float(level), genres=tuple(song["genres"]),
                    speech=song["speech"], acoustic=song["acoustic"], dance=song["dance"], foreign_playlists=share,
                    other_title=float(confidence), year=song["year"])
            for (track, song), level, share, confidence in zip(merged.items(), energy, foreign, identified)]


def _year(date: str | None) -> float:
    """The year of a "YYYY", "YYYY-MM" or "YYYY-MM-DD" release date; NaN when it has none."""
    match = re.match(r"\s*(\d{4})", date or "")
    return float(match.group(1)) if match else float("nan")


def foreign_playlist_shares(songs: list[tuple[str, set[str], float]]) -> list[float]:
    """For each (title, playlist ids, titlereading confidence) song: the least share, over its playlists, of songs whose titles read as
    neither English nor French (songlanguage.title_language, or titlereading's identifier fairly sure). A
    playlist a fifth of whose titles are Spanish, Portuguese, Italian or German is a playlist of songs in that
    language ("Verão 2020 | Sertanejo", "Musica Italiana 2020"): its songs with undecided titles ("Tiro de
    Festim", "Olvidarte") are sung in it too. NaN for a song without playlists."""
    from .songlanguage import OTHER, OTHER_TITLE_VOTE, title_language

    members: dict[str, list[bool]] = {}
    for title, playlists, confidence in songs:
        other = title_language(str(title)) == OTHER or confidence >= OTHER_TITLE_VOTE
        for playlist in playlists:
            members.setdefault(playlist, []).append(other)
    share = {playlist: sum(flags) / len(flags) for playlist, flags in members.items()}
    return [min((share[p] for p in playlists), default=float("nan")) for _, playlists, _ in songs]
