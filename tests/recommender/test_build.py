"""The data build, run for real into temporary folders.

From the shared sources (../shared/data), from a MuSe song table the tests
write themselves, and from "public" files served on 127.0.0.1. The slow,
input-determined steps (ONNX export, EmoBank embeddings) are kept in one
cache for the whole session, the way a user's second build reuses them.
"""

from __future__ import annotations

import ast
import csv
import dataclasses
import functools
import hashlib
import io
import json
import logging
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pytest

from recommender import SONGS, IndexUnavailableError, Recommender
from recommender import sources as sources_module
from recommender.datasets import read_emobank
import recommender
from recommender.index import MANIFEST, build, code_fingerprint, load_index
from recommender.songlanguage import ENGLISH, FRENCH, OTHER
from recommender.sources import DEFAULT_SOURCES_DIR, PublicFile, SourcesError, download_sources, resolve_sources
from tests.support.network import free_port

pytestmark = pytest.mark.timeout(1500)  # a first build exports the model and embeds EmoBank three ways: minutes

SHARED = DEFAULT_SOURCES_DIR
SHARED_FILES = ("muse/combinations.csv", "deezer/train.csv", "deezer/validation.csv", "deezer/test.csv",
                "emobank/emobank_train_dev.csv")
HAPPY = "a group of friends laughing on a beach at sunset"
# Deezer's 18,644 rows hold 125 second spellings of a song already listed ("A / B — T" and "B — T"):
# the catalog keeps each song once.
DEEZER_SONGS = 18519


def sha256_hex(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mtimes(*folders: Path) -> dict[Path, int]:
    return {path: path.stat().st_mtime_ns for folder in folders for path in folder.rglob("*") if path.is_file()}


def copy_files(source: Path, target: Path, names) -> None:
    """Plain copies (the shared folder is read-only; the copies must be writable)."""
    for name in names:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, target / name)


class Records(logging.Handler):
    """Collects log records for module-scoped fixtures, where caplog is not available."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture(scope="session")
def build_cache(tmp_path_factory) -> Path:
    """One ONNX export and one set of EmoBank embeddings for every build in the session."""
    return tmp_path_factory.mktemp("build-cache")


@pytest.fixture(scope="module")
def shared_build(tmp_path_factory, build_cache):
    """A build from ../shared/data into an empty folder (the first one exports the model)."""
    return build(tmp_path_factory.mktemp("index"), sources_dir=SHARED, cache_dir=build_cache, catalog_name="deezer")


# --- from the shared sources -------------------------------------------------------------------


def test_a_build_from_the_shared_sources_indexes_every_combination_label_and_song(shared_build):
    data_dir = shared_build.data_dir
    assert shared_build.rebuilt
    assert (shared_build.combinations, shared_build.labels, shared_build.songs) == (9031, 276, DEEZER_SONGS)
    assert shared_build.catalog == "deezer"

    labels = json.loads((data_dir / "labels.json").read_text())
    combinations = json.loads((data_dir / "combinations.json").read_text())
    assert len(set(labels)) == 276 and len({tuple(c) for c in combinations}) == 9031
    assert {label for c in combinations for label in c} == set(labels)
    embeddings = np.load(data_dir / "label_embeddings.npy")
    assert embeddings.shape == (276, 384)
    assert np.allclose(np.linalg.norm(embeddings, axis=1), 1.0, atol=1e-4)
    with (data_dir / "catalog.csv").open(newline="") as handle:
        assert sum(1 for _ in csv.DictReader(handle)) == DEEZER_SONGS


def test_the_manifest_records_each_sources_sha256_and_the_model(shared_build):
    manifest = json.loads((shared_build.data_dir / MANIFEST).read_text())
    assert manifest["key"]["inputs"] == {name: sha256_hex(SHARED / name) for name in SHARED_FILES}
    assert "all-MiniLM-L6-v2" in manifest["key"]["model"]
    assert (manifest["combinations"], manifest["labels"], manifest["songs"]) == (9031, 276, DEEZER_SONGS)


def test_the_built_index_loads_and_answers(shared_build):
    recommender = Recommender.load(shared_build.data_dir)
    answer = recommender.suggest(HAPPY)
    labels = set(json.loads((shared_build.data_dir / "labels.json").read_text()))
    assert len(answer.moods) == 3 and all(set(m.labels) <= labels for m in answer.moods)
    assert len(answer.songs) == SONGS
    assert all(song.url.startswith("https://www.deezer.com/track/") for song in answer.songs)


def test_the_built_catalog_carries_each_songs_language_as_its_title_and_artist_read(shared_build):
    """The build reads every title's language once; a start-up that read them all again took seconds."""
    catalog = load_index(shared_build.data_dir).catalog
    assert catalog.languages is not None, "the catalog keeps the build's reading"
    read_again = dataclasses.replace(catalog, languages=None).song_languages()
    assert np.array_equal(catalog.languages, read_again)
    assert {ENGLISH, FRENCH, OTHER} <= set(np.unique(catalog.languages).tolist())


def test_a_changed_rule_in_the_recommender_makes_a_built_index_stale(shared_build, tmp_path):
    """Song hubs are measured with the engine's rules: after a code change `build` must build again."""
    manifest = json.loads((shared_build.data_dir / MANIFEST).read_text())
    package = Path(recommender.__file__).parent
    assert manifest["key"]["code"] == code_fingerprint(package)
    copy = tmp_path / "recommender"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert code_fingerprint(copy) == manifest["key"]["code"], "the same sources, the same key"
    rules = copy / "songscore.py"
    rules.write_text(rules.read_text().replace("HUB_FROM = 0.005", "HUB_FROM = 0.006"))
    assert code_fingerprint(copy) != manifest["key"]["code"]


def test_a_second_build_with_nothing_changed_returns_at_once_and_touches_nothing(shared_build, build_cache):
    before = mtimes(shared_build.data_dir, build_cache)
    again = build(shared_build.data_dir, sources_dir=SHARED, cache_dir=build_cache, catalog_name="deezer")
    assert not again.rebuilt
    assert (again.combinations, again.labels, again.songs, again.catalog) == (9031, 276, DEEZER_SONGS, "deezer")
    assert mtimes(shared_build.data_dir, build_cache) == before


def test_a_changed_source_row_triggers_a_rebuild(shared_build, build_cache, tmp_path):
    sources, data_dir = tmp_path / "sources", tmp_path / "index"
    copy_files(SHARED, sources, SHARED_FILES)
    shutil.copytree(shared_build.data_dir, data_dir)
    assert not build(data_dir, sources_dir=sources, cache_dir=build_cache).rebuilt, "same bytes, other folder"

    train = sources / "deezer" / "train.csv"
    lines = train.read_text(encoding="utf-8").splitlines(keepends=True)
    cells = next(csv.reader([lines[1]]))
    assert cells[-1] != "Renamed For This Test"
    cells[-1] = "Renamed For This Test"
    row = io.StringIO()
    csv.writer(row, lineterminator="\n").writerow(cells)
    lines[1] = row.getvalue()
    train.write_text("".join(lines), encoding="utf-8")

    report = build(data_dir, sources_dir=sources, cache_dir=build_cache)
    assert report.rebuilt and report.songs == DEEZER_SONGS
    manifest = json.loads((data_dir / MANIFEST).read_text())
    assert manifest["key"]["inputs"]["deezer/train.csv"] == sha256_hex(train)
    catalog = load_index(data_dir).catalog
    assert catalog.titles[list(catalog.song_ids).index(f"dz{int(cells[0])}")] == "Renamed For This Test"


# --- the Spotify songs table --------------------------------------------------------------------

SPOTIFY_COLUMNS = ["track_id", "track_name", "track_artist", "track_popularity", "track_album_id", "track_album_name",
                   "track_album_release_date", "playlist_name", "playlist_id", "playlist_genre", "playlist_subgenre",
                   "danceability", "energy", "key", "loudness", "mode", "speechiness", "acousticness",
                   "instrumentalness", "liveness", "valence", "tempo", "duration_ms"]


def spotify_row(track: str, title: str, artist: str, popularity: int, genre: str, subgenre: str,
                valence: float, energy: float) -> dict:
    return {"track_id": track, "track_name": title, "track_artist": artist, "track_popularity": popularity,
            "track_album_id": "album", "track_album_name": "Album", "track_album_release_date": "2019-06-14",
            "playlist_name": f"{subgenre} mix", "playlist_id": f"pl-{subgenre}", "playlist_genre": genre,
            "playlist_subgenre": subgenre, "danceability": 0.6, "energy": energy, "key": 1, "loudness": -5.0,
            "mode": 1, "speechiness": 0.05, "acousticness": 0.1, "instrumentalness": 0.0, "liveness": 0.1,
            "valence": valence, "tempo": 120.0, "duration_ms": 200000}


@pytest.fixture(scope="module")
def spotify_build(tmp_path_factory, build_cache, shared_build):
    """Shared sources plus a small Spotify table written here: one track in two playlists, a remix
    spelling of another, a nameless row, and a song that is also in Deezer's catalog."""
    folder = tmp_path_factory.mktemp("spotify")
    sources = folder / "sources"
    copy_files(SHARED, sources, SHARED_FILES)
    deezer = next(csv.DictReader((SHARED / "deezer" / "train.csv").open(encoding="utf-8")))
    rows = [spotify_row("6f807x0ima9a1j3VPbc7VN", "Sunny Morning", "Band One", 80, "pop", "dance pop", 0.9, 0.8),
            spotify_row("6f807x0ima9a1j3VPbc7VN", "Sunny Morning", "Band One", 80, "edm", "electro house", 0.9, 0.8),
            spotify_row("0r7CVbZTWZgbTCYdfa2P31", "Rainy Night", "Band Two", 30, "rock", "album rock", 0.2, 0.3),
            spotify_row("1r7CVbZTWZgbTCYdfa2P31", "Rainy Night - Dillon Francis Remix", "Band Two", 20, "edm",
                        "pop edm", 0.5, 0.9),
            spotify_row("2r7CVbZTWZgbTCYdfa2P31", "", "", 10, "rap", "trap", 0.5, 0.5),
            spotify_row("3r7CVbZTWZgbTCYdfa2P31", deezer["track_name"], deezer["artist_name"], 70, "r&b",
                        "neo soul", 0.4, 0.4)]
    (sources / "spotify").mkdir(parents=True)
    with (sources / "spotify" / "spotify_songs.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, SPOTIFY_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    spotify = build(folder / "spotify-index", sources_dir=sources, cache_dir=build_cache, catalog_name="spotify")
    both = build(folder / "both-index", sources_dir=sources, cache_dir=build_cache)
    return spotify, both, deezer


def test_a_spotify_catalog_keeps_each_track_once_with_all_its_genres(spotify_build):
    spotify, _, _ = spotify_build
    assert spotify.catalog == "spotify" and spotify.songs == 3, "merged per track, remix and nameless row dropped"
    catalog = load_index(spotify.data_dir).catalog
    first = list(catalog.song_ids).index("sp6f807x0ima9a1j3VPbc7VN")
    assert catalog.urls[first] == "https://open.spotify.com/track/6f807x0ima9a1j3VPbc7VN"
    assert set(catalog.genres[first].split("|")) == {"pop", "dance pop", "edm", "electro house"}
    assert catalog.popularity[first] == pytest.approx(0.8)
    rainy = list(catalog.titles).index("Rainy Night")
    assert catalog.song_ids[rainy] == "sp0r7CVbZTWZgbTCYdfa2P31", "the best-known spelling wins"
    answer = Recommender.load(spotify.data_dir).suggest(HAPPY, songs=3)
    assert {song.url.split("/track/")[0] for song in answer.songs} == {"https://open.spotify.com"}


def test_the_default_catalog_joins_spotify_and_deezer_without_a_song_twice(spotify_build):
    _, both, deezer = spotify_build
    assert both.catalog == "both" and both.songs == 3 + DEEZER_SONGS - 1
    catalog = load_index(both.data_dir).catalog
    spelled = [i for i, (artist, title) in enumerate(zip(catalog.artists, catalog.titles))
               if (artist, title) == (deezer["artist_name"], deezer["track_name"])]
    assert [catalog.song_ids[i] for i in spelled] == ["sp3r7CVbZTWZgbTCYdfa2P31"], "Spotify's row, with popularity"
    manifest = json.loads((both.data_dir / MANIFEST).read_text())
    assert "spotify/spotify_songs.csv" in manifest["key"]["inputs"]


# --- a MuSe song table --------------------------------------------------------------------------

MUSE_COLUMNS = ["lastfm_url", "track", "artist", "seeds", "number_of_emotion_tags", "valence_tags",
                "arousal_tags", "dominance_tags", "mbid", "spotify_id", "genre"]
NEW_SET = ("aggressive", "hyperpop")  # a label set (and a label) that combinations.csv does not have


def _spotify_id(n: int) -> str:
    return hashlib.sha256(str(n).encode()).hexdigest()[:22]


def _mbid(n: int) -> str:
    digest = hashlib.md5(str(n).encode()).hexdigest()
    return f"{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"


def muse_rows(mood_sets: list[tuple[str, ...]], fillers: list[tuple[str, ...]]) -> list[dict]:
    """Songs as MuSe has them: the suggested moods' sets each on several artists (one artist
    twice), some without a Spotify id, 1-9 affect values; the mood songs sit mid-scale while
    filler songs on other sets span it, so affect alone would pick fillers."""
    rows, n = [], 0

    def add(artist: str, title: str, seeds: tuple[str, ...], valence: float, arousal: float, spotify: bool):
        nonlocal n
        n += 1
        rows.append({
            "lastfm_url": f"https://www.last.fm/music/{artist.lower().replace(' ', '+')}/_/"
                          f"{title.lower().replace(' ', '+')}",
            "track": title, "artist": artist, "seeds": str(list(seeds)), "number_of_emotion_tags": str(3 + n % 9),
            "valence_tags": f"{valence:.6f}", "arousal_tags": f"{arousal:.6f}", "dominance_tags": "5.1",
            "mbid": _mbid(n) if n % 3 else "", "spotify_id": _spotify_id(n) if spotify else "", "genre": "indie pop",
        })

    for m, seeds in enumerate(mood_sets):
        for a in range(4):
            add(f"Mood{m} Artist {a}", f"Song {m}-{a}, Part {a}", seeds, 4.9 - 0.1 * a, 4.4 - 0.1 * m, spotify=a % 2)
    add("Mood0 Artist 0", "'Til The Same Artist Again", mood_sets[0], 4.95, 4.4, spotify=True)
    for f, seeds in enumerate(fillers):
        add(f"Filler Ártist {f}", f"Filler {f}", seeds, 2.0 + 0.4 * f, 7.5 - 0.3 * f if f % 2 else 2.5 + 0.35 * f,
            spotify=f % 2)
    add("Hyper Artist", "New Label Song", NEW_SET, 5.0, 7.5, spotify=False)
    return rows


def write_muse(path: Path, rows: list[dict], *, with_lastfm_url: bool) -> dict[int, str]:
    """Write a muse_v3.csv-style file with malformed rows mixed in; returns their line numbers."""
    columns = MUSE_COLUMNS if with_lastfm_url else MUSE_COLUMNS[1:]
    malformed = {
        5: ("Broken Seeds", lambda cells: cells.__setitem__(columns.index("seeds"), "aggressive, angry")),
        11: ("Broken Valence", lambda cells: cells.__setitem__(columns.index("valence_tags"), "n/a")),
        8: ("Broken Encoding", lambda cells: None),  # made Latin-1 below: not UTF-8
        14: ("Broken Size", lambda cells: cells.__setitem__(columns.index("seeds"), "[" + "'x', " * 40_000 + "]")),
        17: ("Broken Width", lambda cells: cells.append("one cell too many")),
    }
    lines: dict[int, str] = {}
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        line, pending = 1, iter(rows)
        while True:
            line += 1
            if line in malformed:
                title, damage = malformed[line]
                cells = [{**rows[0], "track": title, "artist": f"{title} Artist"}[c] for c in columns]
                damage(cells)
                lines[line] = title
            else:
                row = next(pending, None)
                if row is None:
                    break
                cells = [row[c] for c in columns]
            writer.writerow(cells)
    path.write_bytes(path.read_bytes().replace(b"Broken Encoding", "Broken Éncoding".encode("latin-1")))
    return lines


def expected_url(row: dict, *, with_lastfm_url: bool) -> str:
    if row["spotify_id"]:
        return f"https://open.spotify.com/track/{row['spotify_id']}"
    return row["lastfm_url"] if with_lastfm_url else "search"


def assert_opens(url: str, row: dict, *, with_lastfm_url: bool) -> None:
    wanted = expected_url(row, with_lastfm_url=with_lastfm_url)
    if wanted == "search":
        parts = urlsplit(url)
        assert (parts.scheme, parts.netloc, parts.path) == ("https", "www.last.fm", "/search/tracks"), url
        assert parse_qs(parts.query)["q"] == [f"{row['artist']} {row['track']}"]
    else:
        assert url == wanted


@pytest.fixture(scope="module")
def happy_moods(shared_build) -> list[tuple[str, ...]]:
    """The moods the index picks for HAPPY; the MuSe fixture tags songs with them."""
    return [m.labels for m in Recommender.load(shared_build.data_dir).suggest(HAPPY).moods]


@pytest.fixture(scope="module", params=[True, False], ids=["with-lastfm_url", "without-lastfm_url"])
def muse_build(request, tmp_path_factory, build_cache, shared_build, happy_moods):
    """A MuSe index whose mood songs carry the moods it suggests for HAPPY: first the shared index's; the
    MuSe index learns its energy reading from its own catalog's titles (songscore.energy_reader), which
    the moods' energy reads too, so where it suggests other moods, built once more with those (the
    reading does not depend on which sets the songs carry: the second build suggests the same)."""
    folder = tmp_path_factory.mktemp("muse")
    combinations = [tuple(c) for c in json.loads((shared_build.data_dir / "combinations.json").read_text())]
    moods = happy_moods
    for _ in range(2):
        fillers = [c for c in combinations if len(c) == 2 and c not in moods][::450][:15]
        rows = muse_rows(moods, fillers)
        muse_path = folder / "muse_v3.csv"
        malformed = write_muse(muse_path, rows, with_lastfm_url=request.param)
        records = Records()
        logging.getLogger("recommender").addHandler(records)
        try:
            report = build(folder / "index", sources_dir=SHARED, muse_path=muse_path, cache_dir=build_cache)
        finally:
            logging.getLogger("recommender").removeHandler(records)
        suggested = [m.labels for m in Recommender.load(report.data_dir).suggest(HAPPY).moods]
        if suggested == moods:
            break
        moods = suggested
    return {"report": report, "rows": rows, "malformed": malformed, "logs": records.messages,
            "with_lastfm_url": request.param, "path": muse_path}


def test_a_muse_build_catalogs_every_good_row_and_skips_malformed_ones_by_line_number(muse_build):
    report, rows = muse_build["report"], muse_build["rows"]
    assert report.rebuilt and report.catalog == "muse"
    assert report.songs == len(rows)
    for line, title in muse_build["malformed"].items():
        assert any(f"line {line}:" in message for message in muse_build["logs"]), (line, muse_build["logs"])
    catalog = load_index(report.data_dir).catalog
    assert catalog.kind == "muse"
    assert sorted(catalog.titles) == sorted(row["track"] for row in rows)


def test_every_muse_song_links_to_spotify_else_last_fm(muse_build):
    catalog = load_index(muse_build["report"].data_dir).catalog
    by_title = {row["track"]: row for row in muse_build["rows"]}
    for title, url in zip(catalog.titles, catalog.urls):
        assert_opens(url, by_title[title], with_lastfm_url=muse_build["with_lastfm_url"])
    assert any(url.startswith("https://open.spotify.com/track/") for url in catalog.urls)
    assert any("last.fm" in url for url in catalog.urls)


def test_muse_songs_carry_the_suggested_moods_no_artist_twice(muse_build):
    answer = Recommender.load(muse_build["report"].data_dir).suggest(HAPPY)
    mood_sets = [m.labels for m in answer.moods]
    assert len(answer.songs) == SONGS
    assert all(song.labels in mood_sets for song in answer.songs), (mood_sets, answer.songs)
    assert {song.labels for song in answer.songs} == set(mood_sets), "every mood gets its own songs"
    assert len({song.artist.lower() for song in answer.songs}) == SONGS
    by_title = {row["track"]: row for row in muse_build["rows"]}
    for song in answer.songs:
        row = by_title[song.title]
        assert (song.artist, tuple(ast.literal_eval(row["seeds"]))) == (row["artist"], song.labels)
        assert_opens(song.url, row, with_lastfm_url=muse_build["with_lastfm_url"])


def test_label_sets_new_to_combinations_csv_join_the_index(muse_build):
    report = muse_build["report"]
    assert (report.combinations, report.labels) == (9032, 277)
    index = load_index(report.data_dir)
    assert NEW_SET in index.combination_labels and "hyperpop" in index.labels
    assert index.label_embeddings.shape == (277, 384)


def test_a_muse_file_without_its_required_columns_is_refused_and_the_old_index_kept(muse_build, build_cache,
                                                                                     tmp_path):
    data_dir = tmp_path / "index"
    shutil.copytree(muse_build["report"].data_dir, data_dir)
    wrong = tmp_path / "songs.csv"
    wrong.write_text("track,artist,genre\nSome Song,Some Artist,pop\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a MuSe song table.*seeds.*valence_tags.*arousal_tags"):
        build(data_dir, sources_dir=SHARED, muse_path=wrong, cache_dir=build_cache)
    assert Recommender.load(data_dir).suggest(HAPPY).songs, "a failed build leaves the working index alone"


# --- sources downloaded from their public homes (served on 127.0.0.1) ---------------------------

EMOBANK_ROWS = [  # id, split, V, A, D, text
    ("a1", "train", 4.2, 3.6, 3.3, "We won the championship and everyone was cheering!"),
    ("a2", "train", 1.8, 3.4, 2.4, "He died alone after a long and painful illness."),
    ("a3", "train", 3.0, 2.2, 3.0, "The meeting is scheduled for Tuesday."),
    ("a4", "train", 3.9, 2.6, 3.4, "A calm, lovely afternoon in the garden."),
    ("a5", "dev", 2.1, 3.9, 2.6, "I am furious about what they did to us."),
    ("a6", "dev", 3.6, 3.1, 3.2, "Thanks so much for the kind letter."),
    ("t1", "test", 1.5, 4.5, 2.0, "This held-out sentence must never be trained on."),
]
COMBINATIONS = [("happy",), ("happy", "cheerful"), ("sad", "melancholy"), ("aggressive", "angry")]
DEEZER = {
    "train": [(3135553, "Happy Band", "Sunny Day", 1.2, 0.8), (3135554, "Sad Band", "Grey Rain", -1.3, -0.9)],
    "validation": [(3135555, "Loud Band", "Riot", -0.8, 1.6), (3135556, "Calm Band", "Tea Time", 0.6, -1.1)],
    "test": [(3135557, "Pop Band", "Dance, Dance", 1.0, 1.2), (3135558, "Folk Band", "Old Road", -0.2, -0.4)],
}


def write_public_files(root: Path) -> None:
    """The five public files, in their published formats (EmoBank: the whole corpus, test rows included)."""
    (root / "muse").mkdir(parents=True)
    with (root / "muse" / "combinations.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows([[str(list(c))] for c in COMBINATIONS])
    (root / "deezer").mkdir()
    for split, songs in DEEZER.items():
        with (root / "deezer" / f"{split}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["dzr_sng_id", "MSD_sng_id", "MSD_track_id", "valence", "arousal", "artist_name",
                             "track_name"])
            for song_id, artist, title, valence, arousal in songs:
                writer.writerow([song_id, f"SO{song_id}", f"TR{song_id}", valence, arousal, artist, title])
    (root / "emobank").mkdir()
    with (root / "emobank" / "emobank.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", "split", "V", "A", "D", "text"])
        writer.writerows(EMOBANK_ROWS)


@pytest.fixture
def public_home(tmp_path, monkeypatch):
    """A static file server on 127.0.0.1 holding the public files; yields their PublicFile entries."""
    root = tmp_path / "public"
    write_public_files(root)
    requested: list[str] = []

    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, format, *args):  # noqa: A002 - the base class's name
            requested.append(self.path)

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    monkeypatch.delenv("http_proxy", raising=False)
    monkeypatch.delenv("HTTP_PROXY", raising=False)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    files = tuple(PublicFile(path.relative_to(root).as_posix(), f"{base}/{path.relative_to(root).as_posix()}",
                             sha256_hex(path)) for path in sorted(root.rglob("*.csv")))
    try:
        yield {"root": root, "files": files, "requested": requested}
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def no_shared_sources(tmp_path, monkeypatch):
    """As on a machine without ../shared/data beside the checkout."""
    monkeypatch.setattr(sources_module, "DEFAULT_SOURCES_DIR", tmp_path / "no-shared-data")


@pytest.mark.usefixtures("no_shared_sources")
def test_without_local_sources_the_build_downloads_verifies_and_uses_them(public_home, build_cache, tmp_path):
    data_dir = tmp_path / "index"
    report = build(data_dir, public_files=public_home["files"], cache_dir=build_cache)
    assert report.rebuilt and (report.combinations, report.labels, report.songs) == (4, 6, 6)
    assert len(public_home["requested"]) == 5
    for public in public_home["files"]:
        downloaded = data_dir / "downloads" / public.relative_path
        assert downloaded.read_bytes() == (public_home["root"] / public.relative_path).read_bytes()
    manifest = json.loads((data_dir / MANIFEST).read_text())
    assert manifest["key"]["inputs"] == {p.relative_path: p.sha256 for p in public_home["files"]}
    index = load_index(data_dir)
    assert len(index.affect.support) == 6, "the affect model is fitted on EmoBank train+dev only"

    answer = Recommender.load(data_dir).suggest("friends cheering at a party", songs=3)
    assert {s.url for s in answer.songs} <= {f"https://www.deezer.com/track/{song[0]}"
                                              for songs in DEEZER.values() for song in songs}
    again = build(data_dir, public_files=public_home["files"], cache_dir=build_cache)
    assert not again.rebuilt and len(public_home["requested"]) == 5, "verified downloads are not fetched again"


@pytest.mark.usefixtures("no_shared_sources")
def test_resolve_sources_reads_the_downloaded_whole_emobank_as_train_and_dev_only(public_home, tmp_path):
    files = resolve_sources(None, tmp_path / "downloads", public_home["files"])
    emobank = read_emobank(files.emobank)
    assert emobank.texts == [row[5] for row in EMOBANK_ROWS if row[1] != "test"]
    assert set(emobank.split) == {"train", "dev"}
    assert emobank.vad.tolist() == [list(row[2:5]) for row in EMOBANK_ROWS if row[1] != "test"]


def test_a_download_with_another_sha256_is_refused_and_removed(public_home, tmp_path):
    good = public_home["files"]
    bad = PublicFile(good[0].relative_path, good[0].url, "0" * 64)
    cache = tmp_path / "downloads"
    with pytest.raises(SourcesError, match="expected " + "0" * 64) as raised:
        download_sources(cache, (bad, *good[1:]))
    assert bad.url in str(raised.value)
    assert [p for p in cache.rglob("*") if p.is_file()] == [], "nothing of the refused file is left"


def test_an_unreachable_public_home_says_to_pass_sources(tmp_path):
    port = free_port()  # nothing listens there
    unreachable = (PublicFile("muse/combinations.csv", f"http://127.0.0.1:{port}/muse_v3.csv", "0" * 64),)
    with pytest.raises(SourcesError, match="could not download .*--sources"):
        download_sources(tmp_path / "downloads", unreachable)
    assert [p for p in (tmp_path / "downloads").rglob("*") if p.is_file()] == []


def test_a_sources_folder_without_the_sources_is_a_clear_error(tmp_path, build_cache):
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(SourcesError, match="does not hold the sources.*SOURCES.md") as raised:
        build(tmp_path / "index", sources_dir=empty, cache_dir=build_cache)
    assert str(empty) in str(raised.value)
    assert not (tmp_path / "index" / MANIFEST).exists()


# --- a missing or stale index -------------------------------------------------------------------


def test_loading_a_folder_without_an_index_says_how_to_build_one(tmp_path):
    with pytest.raises(IndexUnavailableError, match=r"no index in .*python -m recommender build"):
        load_index(tmp_path)
    with pytest.raises(IndexUnavailableError, match="python -m recommender build"):
        Recommender.load(tmp_path)


def test_an_index_of_another_format_is_stale_and_says_to_rebuild(shared_build, tmp_path):
    data_dir = tmp_path / "index"
    shutil.copytree(shared_build.data_dir, data_dir)
    manifest = json.loads((data_dir / MANIFEST).read_text())
    manifest["key"]["format"] += 1
    (data_dir / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(IndexUnavailableError, match=r"stale.*python -m recommender build"):
        Recommender.load(data_dir)


def test_an_index_missing_a_file_says_to_rebuild(shared_build, tmp_path):
    data_dir = tmp_path / "index"
    shutil.copytree(shared_build.data_dir, data_dir)
    (data_dir / "label_embeddings.npy").unlink()
    with pytest.raises(IndexUnavailableError, match=r"incomplete.*python -m recommender build"):
        Recommender.load(data_dir)
