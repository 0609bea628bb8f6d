"""DeezerPreviews against a fake Deezer API over real HTTP on 127.0.0.1."""

import time

import pytest
import pytest_asyncio

from bot.previews import (
    NO_MATCH,
    DeezerPreviews,
    InMemoryMatches,
    Preview,
    PreviewError,
    PreviewProblem,
    match_key,
    strict_query,
)
from tests.fakes.deezer_api import (
    DeezerApiServer,
    deezer_error,
    malformed_json,
    quota_exceeded,
    serve,
    server_error,
    slow,
)

BUDGET = 1.5
MARGIN = 0.75
HARDER = 3135556


@pytest_asyncio.fixture
async def deezer():
    async with DeezerApiServer() as server:
        server.add_track(HARDER, "Daft Punk", "Harder, Better, Faster, Stronger", duration=224)
        yield server


@pytest.fixture
def matches():
    return InMemoryMatches()


@pytest.fixture
def previews(deezer, session, matches):
    return DeezerPreviews(session, deezer.url + "/", time_budget=BUDGET, matches=matches)


async def failure(call) -> tuple[PreviewProblem, float]:
    started = time.monotonic()
    with pytest.raises(PreviewError) as raised:
        await call
    return raised.value.kind, time.monotonic() - started


async def test_a_track_with_a_preview(deezer, previews):
    preview = await previews.preview_for_track(HARDER)

    assert preview == Preview(
        url=preview.url,
        title="Harder, Better, Faster, Stronger",
        artist="Daft Punk",
        deezer_id=HARDER,
        duration=30,
    )
    assert preview.url.startswith(f"{deezer.url}/preview/{HARDER}.mp3?hdnea=exp=")
    assert deezer.endpoints() == ["track"]
    assert deezer.requests[0].path == f"/track/{HARDER}"


async def test_a_track_shorter_than_a_clip_has_a_shorter_preview(deezer, previews):
    deezer.add_track(42, "Napalm Death", "You Suffer", duration=2)

    assert (await previews.preview_for_track(42)).duration == 2


async def test_a_track_without_a_preview_is_not_found(deezer, previews):
    deezer.add_track(7, "Some Artist", "Region Locked", has_preview=False)

    assert (await failure(previews.preview_for_track(7)))[0] is PreviewProblem.NOT_FOUND


async def test_an_unknown_id_is_not_found(deezer, previews):
    kind, _ = await failure(previews.preview_for_track(999999999999))

    assert kind is PreviewProblem.NOT_FOUND
    assert deezer.endpoints() == ["track"]


async def test_quota_is_unavailable_without_a_retry(deezer, previews):
    deezer.script(quota_exceeded())

    assert (await failure(previews.preview_for_track(HARDER)))[0] is PreviewProblem.UNAVAILABLE
    assert deezer.endpoints() == ["track"]


async def test_one_server_error_is_retried(deezer, previews):
    deezer.script(server_error(500), serve())

    assert (await previews.preview_for_track(HARDER)).deezer_id == HARDER
    assert deezer.endpoints() == ["track", "track"]


async def test_service_busy_is_retried_like_a_server_error(deezer, previews):
    deezer.script(deezer_error("Exception", "service busy", 700))

    assert (await previews.preview_for_track(HARDER)).deezer_id == HARDER
    assert deezer.endpoints() == ["track", "track"]


async def test_two_server_errors_are_unavailable(deezer, previews):
    deezer.script(server_error(500), server_error(502))

    assert (await failure(previews.preview_for_track(HARDER)))[0] is PreviewProblem.UNAVAILABLE
    assert deezer.endpoints() == ["track", "track"]


async def test_a_slow_deezer_is_unavailable_within_the_budget(deezer, previews):
    deezer.script(slow(10), slow(10))

    kind, elapsed = await failure(previews.preview_for_track(HARDER))

    assert kind is PreviewProblem.UNAVAILABLE
    assert elapsed < BUDGET + MARGIN


async def test_malformed_json_is_unavailable(deezer, previews):
    deezer.script(malformed_json())

    assert (await failure(previews.preview_for_track(HARDER)))[0] is PreviewProblem.UNAVAILABLE
    assert deezer.endpoints() == ["track"]


async def test_a_song_is_found_among_decoys_and_its_id_remembered(deezer, previews, matches):
    deezer.add_track(1, "AC/DC Tribute Band", "Back in Black")
    deezer.add_track(2, "AC/DC", "Back In Black (Live at Donington)")
    deezer.add_track(3, "AC/DC", "Back In Black")

    first = await previews.preview_for_song("ac-dc", "back in black")

    assert (first.deezer_id, first.artist, first.title) == (3, "AC/DC", "Back In Black")
    assert deezer.endpoints() == ["search", "track"]
    assert deezer.requests[0].query["q"] == 'artist:"ac-dc" track:"back in black"'
    assert matches.get(match_key("AC/DC", "Back in Black!")) == 3

    deezer.reset()
    second = await previews.preview_for_song("AC/DC", "Back in Black!")

    assert second.deezer_id == 3
    assert deezer.endpoints() == ["track"]
    assert second.url != first.url


async def test_the_plain_query_is_tried_when_the_strict_one_finds_nothing(deezer, previews):
    deezer.strict_search_works = False

    preview = await previews.preview_for_song("Daft Punk", "Harder, Better, Faster, Stronger")

    assert preview.deezer_id == HARDER
    assert deezer.endpoints() == ["search", "search", "track"]
    assert deezer.requests[1].query["q"] == "Daft Punk Harder, Better, Faster, Stronger"


async def test_a_song_deezer_lacks_is_not_found_and_remembered(deezer, previews, matches):
    deezer.add_track(4, "Daft Punk", "One More Time")

    kind, _ = await failure(previews.preview_for_song("Daft Punk", "Unreleased Demo"))

    assert kind is PreviewProblem.NOT_FOUND
    assert deezer.endpoints() == ["search", "search"]
    assert matches.get(match_key("Daft Punk", "Unreleased Demo")) == NO_MATCH

    deezer.reset()
    assert (await failure(previews.preview_for_song("daft punk", "unreleased demo")))[0] is (
        PreviewProblem.NOT_FOUND
    )
    assert deezer.requests == []


async def test_a_match_without_a_preview_is_remembered_as_a_miss(deezer, previews, matches):
    deezer.add_track(8, "Some Artist", "Region Locked", has_preview=False)

    kind, _ = await failure(previews.preview_for_song("Some Artist", "Region Locked"))

    assert kind is PreviewProblem.NOT_FOUND
    assert deezer.endpoints() == ["search", "track"]
    assert matches.get(match_key("Some Artist", "Region Locked")) == NO_MATCH


async def test_a_failed_search_is_not_remembered(deezer, previews, matches):
    deezer.script(quota_exceeded())

    song = ("Daft Punk", "Harder, Better, Faster, Stronger")

    kind, _ = await failure(previews.preview_for_song(*song))

    assert kind is PreviewProblem.UNAVAILABLE
    assert deezer.endpoints() == ["search"]
    assert matches.get(match_key(*song)) is None


async def test_names_reach_deezer_intact_with_quotes_escaped(deezer, previews):
    deezer.add_track(5, "Simon & Garfunkel", 'The 59th Street Bridge Song "Feelin\' Groovy"')
    deezer.add_track(6, "Beyoncé", "1+1")

    groovy = await previews.preview_for_song(
        "Simon & Garfunkel", 'The 59th Street Bridge Song "Feelin\' Groovy"'
    )
    plus = await previews.preview_for_song("Beyoncé", "1+1")

    assert (groovy.deezer_id, plus.deezer_id) == (5, 6)
    searches = [request.query["q"] for request in deezer.requests if request.endpoint == "search"]
    assert searches == [
        'artist:"Simon & Garfunkel" track:"The 59th Street Bridge Song \\"Feelin\' Groovy\\""',
        'artist:"Beyoncé" track:"1+1"',
    ]
    assert strict_query("AC\\DC", "x") == 'artist:"AC\\\\DC" track:"x"'


def test_misses_are_forgotten_after_a_while_and_matches_are_bounded():
    now = [0.0]
    memory = InMemoryMatches(max_size=2, negative_ttl=60, clock=lambda: now[0])
    memory.put("miss", NO_MATCH)
    memory.put("hit", 3)
    now[0] = 61

    assert memory.get("miss") is None
    assert memory.get("hit") == 3

    memory.put("b", 4)
    memory.put("c", 5)
    assert (memory.get("hit"), memory.get("b"), memory.get("c")) == (None, 4, 5)


async def test_download_within_the_bound(deezer, previews):
    deezer.preview_size = 40_000
    preview = await previews.preview_for_track(HARDER)

    mp3 = await previews.download(preview.url, max_bytes=100_000)

    assert len(mp3) == 40_000
    assert mp3[:2] == b"\xff\xfb"
    assert deezer.endpoints() == ["track", "preview"]


@pytest.mark.parametrize("announced", [True, False], ids=["content-length", "chunked"])
async def test_download_over_the_bound_is_unavailable(deezer, previews, announced):
    deezer.preview_size = 3 * 1024 * 1024
    deezer.preview_announces_size = announced
    preview = await previews.preview_for_track(HARDER)

    kind, _ = await failure(previews.download(preview.url, max_bytes=1024 * 1024))

    assert kind is PreviewProblem.UNAVAILABLE


async def test_a_dead_or_tampered_preview_url_is_unavailable(deezer, previews):
    preview = await previews.preview_for_track(HARDER)
    tampered = preview.url.replace("~hmac=", "~hmac=0")
    deezer.preview_status = 404

    assert (await failure(previews.download(preview.url)))[0] is PreviewProblem.UNAVAILABLE
    deezer.preview_status = 200
    assert (await failure(previews.download(tampered)))[0] is PreviewProblem.UNAVAILABLE
    assert len(await previews.download(preview.url)) > 0
