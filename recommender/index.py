"""Builds the combination index into data/ and loads it back.

A build is keyed by the hashes of its inputs (sources, MuSe table, model,
format); a second run with the same key returns at once. The manifest is
written last, so an interrupted build reads as missing, never as half-valid.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .affect import AffectModel
from .catalog import Catalog
from .compact import PackedRows, QuantizedRows, write_product_model
from .datasets import read_combinations, read_deezer, read_emobank, read_muse_songs, read_spotify
from .errors import IndexUnavailableError
from .multilingual import FILES as MULTILINGUAL_FILES
from .multilingual import MultilingualSpace
from .scoring import Combinations
from .sources import REPO_ROOT, resolve_sources, sha256_of
from .tagaffect import tag_readings
from .titlefit import TitleVocabulary

log = logging.getLogger(__name__)

FORMAT = 13  # 3: catalog.csv carries Spotify's speechiness (songscore.rapped_share); 4: and acousticness;
# 5: each title's own affect reading (TITLE_AFFECT) and how often each song lands in answers (SONG_HUBS);
# 6: the titles' products as an 8-bit ONNX graph (SONG_TITLE_PRODUCTS, compact.PackedRows);
# 7: catalog.csv carries each Spotify song's foreign_playlists share (songlanguage.song_languages);
# 8: each title's topic words and their vectors (TITLE_WORDS, titlefit.TitleVocabulary);
# 9: catalog.csv carries each title's other-language confidence (titlereading, songlanguage.song_languages);
# 10: catalog.csv carries each Spotify song's release year (songscore.song_standing)
# 11: catalog.csv carries each song's language (Catalog.song_languages), read once by the build
# 12: catalog.csv carries how well each song is known (standing.known_popularity)
# 13: catalog.csv carries Spotify's danceability (songscore.SongFeatures.danceable)
CATALOGS = ("spotify", "deezer", "both")
DEFAULT_CATALOG = "both"
SONG_THEMES = "song_themes.npy"
SONG_TITLE_PRODUCTS = "song_titles.onnx"  # compact.PackedRows: the titles as 8-bit constants
SCENE_ENERGY = "scene_energy.npy"
PHOTO_TOPICS = "photo_topics.npy"  # (K, D) everyday photo topics, for songscore.SongFeatures.title_topic
TITLE_AFFECT = "title_affect.npy"
SONG_HUBS = "song_hubs.npy"
TITLE_HUBS = "title_hubs.npy"  # (N,) share of photo topics each song lands in through its title (songhubs.title_shares)
TITLE_WORDS = "title_words.npz"
TAG_AFFECT = "tag_affect.npy"  # (N, 2) Deezer's tag valence/arousal per song, NaN where absent (tagaffect); optional
DEFAULT_DATA_DIR = REPO_ROOT / "data"
MANIFEST = "manifest.json"
ENCODER_DIR = "encoder"
AFFECT_GAMMA, AFFECT_RIDGE = 1.0, 0.5


def default_data_dir() -> Path:
    return Path(os.environ.get("STORYTUNE_DATA_DIR") or DEFAULT_DATA_DIR)


@dataclass(frozen=True)
class BuildReport:
    data_dir: Path
    rebuilt: bool
    combinations: int
    labels: int
    songs: int
    catalog: str
    seconds: float


def build(
    data_dir: Path | None = None,
    *,
    sources_dir: Path | None = None,
    muse_path: Path | None = None,
    public_files=None,
    force: bool = False,
    cache_dir: Path | None = None,
    catalog_name: str | None = None,
) -> BuildReport:
    """Read the sources, embed labels, fit the affect model, write the index and catalog."""
    from . import model_export, photo_export
    from .oasis import oasis_dir

    started = time.perf_counter()
    data_dir = Path(data_dir or default_data_dir())
    data_dir.mkdir(parents=True, exist_ok=True)
    extra = {} if public_files is None else {"public_files": public_files}
    sources = resolve_sources(sources_dir, data_dir / "downloads", **extra)
    if catalog_name is None:  # the default, or Deezer's alone where the sources have no Spotify table
        catalog_name = DEFAULT_CATALOG if sources.spotify else "deezer"
    if catalog_name not in CATALOGS:
        raise ValueError(f"unknown catalog {catalog_name!r}; choose one of {', '.join(CATALOGS)}")
    if not muse_path and catalog_name != "deezer" and sources.spotify is None:
        raise IndexUnavailableError(f"the {catalog_name} catalog needs spotify/spotify_songs.csv in the sources")
    read = sources.all() if catalog_name != "deezer" and not muse_path else (
        sources.combinations, *sources.deezer, sources.emobank)
    inputs = {str(path.relative_to(path.parents[1])): sha256_of(path) for path in read}
    if muse_path:
        inputs["muse_songs"] = sha256_of(Path(muse_path))
    oasis = oasis_dir(sources_dir, data_dir / "downloads")
    key = {
        "format": FORMAT,
        "catalog": "muse" if muse_path else catalog_name,
        "model": model_export.model_fingerprint(),
        "affect": {"gamma": AFFECT_GAMMA, "ridge": AFFECT_RIDGE},
        "multilingual": multilingual_key(),
        "inputs": inputs,
        "code": code_fingerprint(),
        "photo": {"model": photo_export.model_fingerprint(), "ridge": photo_export.RIDGE,
                  "oasis": photo_export.oasis_fingerprint(oasis)},
    }
    manifest_path = data_dir / MANIFEST
    previous = _read_manifest(manifest_path)
    if not force and previous and previous.get("key") == key and _files_present(data_dir):
        log.info("index in %s is up to date", data_dir)
        return BuildReport(data_dir, False, previous["combinations"], previous["labels"], previous["songs"],
                           previous["catalog"], time.perf_counter() - started)

    # Read (and so validate) the catalog first: a bad --muse file fails in a second and
    # leaves the previous index in place; its label sets join the combinations before
    # the labels are listed, so every label of every combination gets an embedding.
    combinations = read_combinations(sources.combinations)
    deezer = [] if muse_path else read_deezer(sources.deezer)  # read once: a catalog half and the songs' tag reading
    catalog = _read_catalog(sources, muse_path, catalog_name, deezer)
    tag_affect = tag_readings(catalog, deezer)  # all NaN for a MuSe catalog, whose own affect already comes from tags
    if muse_path:
        combinations = _with_catalog_sets(combinations, catalog)
    labels = sorted({label for combination in combinations for label in combination})

    manifest_path.unlink(missing_ok=True)
    cache = _BuildCache(Path(cache_dir) if cache_dir else data_dir / "cache", key["model"])
    encoder_dir = data_dir / ENCODER_DIR
    cache.install_encoder(encoder_dir)
    from .encoder import TextEncoder

    encoder = TextEncoder(encoder_dir)
    label_embeddings = encoder.encode(labels)

    log.info("fitting the affect model on EmoBank train+dev")
    emobank = read_emobank(sources.emobank)
    emobank_embeddings = cache.embeddings(emobank.texts, encoder)
    affect = AffectModel.fit(emobank_embeddings, emobank.vad, gamma=AFFECT_GAMMA, ridge=AFFECT_RIDGE)
    label_affect = affect.predict(label_embeddings)[:, :2]
    photo_export.build_photo_model(data_dir, cache.directory, oasis, key["photo"]["oasis"])
    song_themes = cache.embeddings(catalog.theme_texts(), encoder)
    from .songscore import energy_reader

    measured = catalog.measured_energy()  # audio drive where a source has it, else every song's
    scene_energy = energy_reader(song_themes[measured], catalog.energy[measured], emobank_embeddings)
    multilingual = _multilingual_space(cache.directory, emobank.texts + labels,
                                       np.vstack([emobank_embeddings, label_embeddings]), emobank.vad)

    (data_dir / "labels.json").write_text(json.dumps(labels))
    (data_dir / "combinations.json").write_text(json.dumps([list(c) for c in combinations]))
    np.save(data_dir / "label_embeddings.npy", label_embeddings)
    np.save(data_dir / "label_affect.npy", label_affect.astype(np.float32))
    affect.save(data_dir / "affect_model.npz")
    multilingual.save(data_dir)
    catalog.save(data_dir / "catalog.csv")
    np.save(data_dir / SONG_THEMES, song_themes.astype(np.float32))
    write_product_model(QuantizedRows.of(song_themes), data_dir / SONG_TITLE_PRODUCTS)
    np.save(data_dir / SCENE_ENERGY, scene_energy)
    np.save(data_dir / PHOTO_TOPICS, _photo_topics(encoder, oasis))
    np.save(data_dir / TITLE_AFFECT, title_readings(affect, song_themes))
    np.save(data_dir / TAG_AFFECT, tag_affect)  # before the hubs: they are measured with the tag rule
    TitleVocabulary.of(catalog.theme_texts(), lambda words: cache.embeddings(words, encoder)).save(data_dir / TITLE_WORDS)
    _measure_hubs(data_dir, catalog, encoder, emobank, oasis)
    manifest = {"key": key, "combinations": len(combinations), "labels": len(labels), "songs": len(catalog),
                "catalog": catalog.kind, "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    partial = manifest_path.with_suffix(".part")
    partial.write_text(json.dumps(manifest, indent=2))
    partial.replace(manifest_path)
    seconds = time.perf_counter() - started
    log.info("built %d combinations, %d labels, %d %s songs in %.0f s",
             len(combinations), len(labels), len(catalog), catalog.kind, seconds)
    return BuildReport(data_dir, True, len(combinations), len(labels), len(catalog), catalog.kind, seconds)


def _measure_hubs(data_dir: Path, catalog: Catalog, encoder, emobank, oasis: Path) -> None:
    """Answer EmoBank's train sentences and OASIS's photo topics with the index just written and
    keep how often each song lands in an answer (songhubs): the song score damps the songs that
    come back everywhere. Once damped, the next few songs in line take their place, so a second
    pass answers again with the first pass's hubs damped and a song keeps its larger share. Then how
    often each song wins a photo topic through its title (TITLE_HUBS, songscore.TITLE_HUB_FROM)."""
    from . import songhubs
    from .engine import Recommender
    from .oasis import read_oasis

    texts = songhubs.hub_texts(emobank.texts, emobank.split)
    topics = songhubs.photo_topics(read_oasis(oasis).themes) if (oasis / "ratings.csv").exists() else []
    shares = np.zeros(len(catalog), np.float32)
    np.save(data_dir / TITLE_HUBS, shares)  # no title damped while song hubs are measured (else a rebuild differs)
    for _ in range(songhubs.PASSES):
        np.save(data_dir / SONG_HUBS, shares)
        recommender = Recommender(_read_files(data_dir, catalog.kind), encoder)
        found = songhubs.answer_shares(recommender, texts, catalog.song_ids)
        if topics:
            found = np.maximum(found, songhubs.answer_shares(recommender, topics, catalog.song_ids))
        shares = np.maximum(shares, found)
    np.save(data_dir / SONG_HUBS, shares)
    titled = np.zeros(len(catalog), np.float32)
    if topics:  # measured on the final hubs, before any title is damped: the titles that win unrelated topics
        recommender = Recommender(_read_files(data_dir, catalog.kind), encoder)
        titled = songhubs.title_shares(recommender, topics, catalog.song_ids)
    np.save(data_dir / TITLE_HUBS, titled)


def _read_catalog(sources, muse_path: Path | None, catalog_name: str, deezer: list) -> Catalog:
    """The chosen catalog; "both" lists Spotify's songs first, so a song in both keeps its popularity.
    deezer: Deezer's rows, already read."""
    if muse_path:
        parts, kind = [read_muse_songs(Path(muse_path))], "muse"
    else:
        parts = {"spotify": [read_spotify(sources.spotify)] if catalog_name != "deezer" else [],
                 "deezer": [deezer] if catalog_name != "spotify" else []}
        parts, kind = parts["spotify"] + parts["deezer"], catalog_name
    if not any(parts):
        raise IndexUnavailableError("the song catalog is empty: every row was malformed")
    return Catalog.from_sources(kind, parts)


class _BuildCache:
    """Keeps the slow, input-determined parts of a build (ONNX export, EmoBank embeddings)
    so rebuilding elsewhere or with another catalog takes seconds."""

    def __init__(self, directory: Path, model: str):
        self.directory = directory
        self.model_tag = hashlib.sha256(model.encode()).hexdigest()[:16]

    def install_encoder(self, target: Path) -> None:
        from . import model_export

        exported = self.directory / f"encoder-{self.model_tag}"
        if not (exported / "model.onnx").exists() or not (exported / "tokenizer.json").exists():
            log.info("exporting %s to ONNX", model_export.MODEL_ID)
            staging = exported.with_name(exported.name + ".part")
            shutil.rmtree(staging, ignore_errors=True)
            model_export.export_onnx(staging)
            shutil.rmtree(exported, ignore_errors=True)
            staging.replace(exported)
        if target.resolve() != exported.resolve():
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(exported, target)

    def embeddings(self, texts: list[str], encoder) -> np.ndarray:
        digest = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
        path = self.directory / f"embeddings-{self.model_tag}-{digest}.npy"
        if path.exists():
            return np.load(path)
        log.info("embedding %d sentences", len(texts))
        vectors = encoder.encode(texts)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path.with_suffix(".part.npy"), vectors)
        path.with_suffix(".part.npy").replace(path)
        return vectors


def code_fingerprint(package: Path = Path(__file__).parent) -> str:
    """sha256 of the recommender's own source files. Part of the index is measured by answering texts
    with the engine's rules (SONG_HUBS: which songs land in answers to unrelated texts), so a rule change
    makes an index built before it stale: 86 of 404 dev scenes answered differently from one built after."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def multilingual_key() -> dict:
    from . import glossing, multilingual

    return {"encoders": multilingual.ENCODERS, "gamma": multilingual.AFFECT_GAMMA,
            "ridge": multilingual.AFFECT_RIDGE, "map_ridge": multilingual.MAP_RIDGE,
            "gloss": {"min_count": glossing.MIN_COUNT}}


def _multilingual_space(cache_dir: Path, texts: list[str], minilm: np.ndarray, ratings: np.ndarray):
    """The multilingual side of the index (see multilingual.py), fitted on the same English sentences."""
    from .multilingual import EmbeddingCache, MultilingualEncoder, build_glosser, build_multilingual_space

    log.info("fitting the multilingual map and affect model")
    embeddings = EmbeddingCache(cache_dir).embeddings(texts, MultilingualEncoder)
    glosser = build_glosser(texts[: len(ratings)], MultilingualEncoder())
    return build_multilingual_space(embeddings, minilm, ratings, glosser)


def _photo_topics(encoder, oasis: Path) -> np.ndarray:
    """(K, D) float32 unit embeddings of OASIS's photo topics ("a photo of a beach", "... of a dog"): the
    things a photo shows, against which a title's own topic is read (songscore.SongFeatures.title_topic)."""
    from . import songhubs
    from .oasis import read_oasis

    return np.asarray(encoder.encode(songhubs.photo_topics(read_oasis(oasis).themes)), np.float32)


def _with_catalog_sets(combinations: list[tuple[str, ...]], catalog: Catalog) -> list[tuple[str, ...]]:
    """Keep the index's combinations; a MuSe table's label sets are the same seeds, so
    only sets missing from combinations.csv (a newer MuSe copy) are added."""
    known = set(combinations)
    extra = sorted({tuple(s.split("|")) for s in catalog.labels if s} - known)
    return combinations + extra


FILES = ("labels.json", "combinations.json", "label_embeddings.npy", "label_affect.npy", "affect_model.npz",
         "catalog.csv", SONG_THEMES, SONG_TITLE_PRODUCTS, SCENE_ENERGY, PHOTO_TOPICS, TITLE_AFFECT, SONG_HUBS, TITLE_HUBS, TITLE_WORDS,
         f"{ENCODER_DIR}/model.onnx",
         f"{ENCODER_DIR}/tokenizer.json",
         "photo_model.onnx", "photo_head.npz", "photo_model.json", *MULTILINGUAL_FILES)


def title_readings(affect: AffectModel, song_themes, chunk: int = 2048) -> np.ndarray:
    """(N, 2) float32 valence/arousal each title reads as, worked out once here: an answer's leading
    songs must not read against the scene (songscore.anchor_scores), and reading them per answer cost
    ~0.7 ms. In chunks, so the kernel against EmoBank's sentences stays ~70 MB. song_themes: (N, D)
    float32 or compact.QuantizedRows."""
    return np.vstack([affect.predict(song_themes[start:start + chunk])[:, :2]
                      for start in range(0, len(song_themes), chunk)]).astype(np.float32)


def _files_present(data_dir: Path) -> bool:
    return all((data_dir / name).exists() for name in FILES)


def _read_manifest(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


@dataclass(frozen=True)
class IndexData:
    """Everything a Recommender needs, as loaded from data/."""

    labels: list[str]
    combination_labels: list[tuple[str, ...]]
    combinations: Combinations
    label_embeddings: np.ndarray
    label_affect: np.ndarray
    affect: AffectModel
    catalog: Catalog
    encoder_dir: Path
    song_themes: PackedRows | QuantizedRows | np.ndarray | None = None  # (N, D) unit embeddings of the song titles
    scene_energy: np.ndarray | None = None  # (D + 1,) songscore.energy_reader
    title_affect: np.ndarray | None = None  # (N, 2) each title's own valence/arousal reading (affect model)
    song_hubs: np.ndarray | None = None  # (N,) share of EmoBank train answers each song lands in (songhubs)
    title_hubs: np.ndarray | None = None  # (N,) share of photo topics each song lands in through its title (songhubs)
    title_vocabulary: TitleVocabulary | None = None  # each title's topic words and their vectors (titlefit)
    multilingual: MultilingualSpace | None = None
    photo_topics: np.ndarray | None = None  # (K, D) unit embeddings of everyday photo topics (_photo_topics)
    tag_affect: np.ndarray | None = None  # (N, 2) Deezer's tag valence/arousal, NaN where absent (TAG_AFFECT)


def load_index(data_dir: Path | None = None) -> IndexData:
    """Load a complete index of this format, or say exactly how to get one."""
    data_dir = Path(data_dir or default_data_dir())
    manifest = _read_manifest(data_dir / MANIFEST)
    hint = "run `python -m recommender build` (see README)"
    if manifest is None:
        raise IndexUnavailableError(f"no index in {data_dir}: {hint}")
    if manifest.get("key", {}).get("format") != FORMAT:
        raise IndexUnavailableError(f"the index in {data_dir} is from another version (stale): {hint}")
    if not _files_present(data_dir):
        raise IndexUnavailableError(f"the index in {data_dir} is incomplete: {hint}")
    try:
        return _read_files(data_dir, manifest["catalog"])
    except (OSError, ValueError, KeyError) as error:
        raise IndexUnavailableError(f"the index in {data_dir} is unreadable ({error}): {hint}") from error


def _read_files(data_dir: Path, catalog_kind: str) -> IndexData:
    """The index files in data_dir (the manifest already checked, or not written yet during a build)."""
    labels = json.loads((data_dir / "labels.json").read_text())
    combination_labels = [tuple(c) for c in json.loads((data_dir / "combinations.json").read_text())]
    position = {label: i for i, label in enumerate(labels)}
    combinations = Combinations.from_sets([[position[label] for label in c] for c in combination_labels])
    return IndexData(
        labels=labels,
        combination_labels=combination_labels,
        combinations=combinations,
        label_embeddings=np.load(data_dir / "label_embeddings.npy"),
        label_affect=np.load(data_dir / "label_affect.npy"),
        affect=AffectModel.load(data_dir / "affect_model.npz"),
        catalog=Catalog.load(data_dir / "catalog.csv", catalog_kind),
        encoder_dir=data_dir / ENCODER_DIR,
        song_themes=PackedRows.load(data_dir / SONG_TITLE_PRODUCTS),  # 8-bit, on int8 kernels (compact.py)
        scene_energy=np.load(data_dir / SCENE_ENERGY),
        title_affect=np.load(data_dir / TITLE_AFFECT),
        song_hubs=np.load(data_dir / SONG_HUBS),
        title_hubs=np.load(data_dir / TITLE_HUBS),
        title_vocabulary=TitleVocabulary.load(data_dir / TITLE_WORDS),
        multilingual=MultilingualSpace.load(data_dir),
        photo_topics=np.load(data_dir / PHOTO_TOPICS),
        tag_affect=_optional_array(data_dir / TAG_AFFECT),
    )


def _optional_array(path: Path) -> np.ndarray | None:
    """An array the index may lack (an index built before it keeps answering, without that rule)."""
    return np.load(path) if path.exists() else None
