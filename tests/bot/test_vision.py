"""AzureVision against a fake Azure AI Vision over real HTTP on 127.0.0.1."""

import functools
import logging
import time

import pytest
import pytest_asyncio

from bot.reading.photos import prepare_photo
from bot.reading.vision import AzureVision, ImageDescription, VisionError, VisionProblem
from tests.fakes import photos
from tests.fakes.azure_server import (
    V32_PATH,
    V40_PATH,
    AzureVisionServer,
    malformed_json,
    rate_limited,
    server_error,
    slow,
    success,
    unauthorized,
    unexpected_shape,
)

BUDGET = 3.0  # roomy enough that a 1 s Retry-After fits even on a busy machine
MARGIN = 0.75


@functools.cache
def beach_jpeg() -> bytes:
    return prepare_photo(photos.jpeg_photo("beach")).jpeg


@pytest_asyncio.fixture
async def azure():
    async with AzureVisionServer() as server:
        yield server


@pytest.fixture
def vision(azure, session):
    return AzureVision(session, azure.url + "/", azure.key, time_budget=BUDGET)


async def failure_of(vision: AzureVision) -> tuple[VisionProblem, float]:
    started = time.monotonic()
    with pytest.raises(VisionError) as raised:
        await vision.describe(beach_jpeg())
    return raised.value.kind, time.monotonic() - started


async def test_image_analysis_40_caption_and_confident_tags(azure, vision):
    azure.script(
        success("a dog running on a beach", tags=(("dog", 0.99), ("sand", 0.9), ("water", 0.5)))
    )

    description = await vision.describe(beach_jpeg())

    assert description == ImageDescription("a dog running on a beach", ("dog", "sand"), "4.0")
    assert description.as_text() == "a dog running on a beach; sand"
    [request] = azure.requests
    assert request.path == V40_PATH
    assert request.query["api-version"] == "2023-10-01"
    assert set(request.query["features"].split(",")) == {"caption", "tags"}
    assert request.headers["Content-Type"] == "application/octet-stream"
    assert request.key_ok and request.body_is_image
    assert request.body_size == len(beach_jpeg())


async def test_region_without_40_captions_falls_back_to_32_and_stays_there(azure, vision):
    azure.captions_in_region = False
    azure.script(
        success("a sandy beach", tags=(("beach", 0.98), ("outdoor", 0.95))), success("a dog")
    )

    first = await vision.describe(beach_jpeg())
    second = await vision.describe(beach_jpeg())

    assert (first.caption, first.tags, first.api_version) == (
        "a sandy beach",
        ("beach", "outdoor"),
        "3.2",
    )
    assert first.as_text() == "a sandy beach; outdoor"
    assert second.api_version == "3.2"
    assert [request.api_version for request in azure.requests] == ["4.0", "3.2", "3.2"]
    assert azure.requests[1].path == V32_PATH
    assert set(azure.requests[1].query["visualFeatures"].split(",")) == {"Description", "Tags"}
    assert vision.api_version == "3.2"


async def test_rate_limit_waits_retry_after_then_succeeds(azure, vision):
    azure.script(rate_limited(retry_after=1), success("a calm lake"))

    started = time.monotonic()
    description = await vision.describe(beach_jpeg())

    assert description.caption == "a calm lake"
    assert 0.9 <= time.monotonic() - started < BUDGET + MARGIN
    assert len(azure.requests) == 2


async def test_rate_limit_wait_stated_only_in_the_message_is_honoured(azure, vision):
    azure.script(rate_limited(retry_after=1, in_header=False), success("a calm lake"))

    started = time.monotonic()
    description = await vision.describe(beach_jpeg())

    assert description.caption == "a calm lake"
    assert time.monotonic() - started >= 0.9


async def test_a_client_that_will_not_wait_reports_the_throttling_and_the_wait_at_once(azure, session):
    """The bot's client: it has the on-device model to fall back on, so a 429 is no reason to keep a user waiting."""
    vision = AzureVision(session, azure.url, azure.key, time_budget=BUDGET, wait_when_throttled=False)
    azure.script(rate_limited(retry_after=2))
    with pytest.raises(VisionError) as raised:
        await vision.describe(beach_jpeg())
    assert raised.value.kind is VisionProblem.THROTTLED and raised.value.retry_after == 2
    assert len(azure.requests) == 1


async def test_rate_limit_beyond_the_budget_gives_up_at_once(azure, vision):
    azure.script(rate_limited(retry_after=30))

    kind, elapsed = await failure_of(vision)

    assert kind is VisionProblem.UNAVAILABLE
    assert elapsed < 0.5
    assert len(azure.requests) == 1


async def test_a_server_error_is_retried_once(azure, vision):
    azure.script(server_error(500), success("a red bicycle"))

    description = await vision.describe(beach_jpeg())

    assert description.caption == "a red bicycle"
    assert len(azure.requests) == 2


async def test_two_server_errors_make_it_unavailable(azure, vision):
    azure.script(server_error(500), server_error(503), success("never reached"))

    kind, _ = await failure_of(vision)

    assert kind is VisionProblem.UNAVAILABLE
    assert len(azure.requests) == 2


async def test_a_slow_server_is_abandoned_within_the_budget(azure, vision):
    azure.default = slow(10)

    kind, elapsed = await failure_of(vision)

    assert kind is VisionProblem.UNAVAILABLE
    assert elapsed < BUDGET + MARGIN
    assert len(azure.requests) == 2


async def test_a_merely_sluggish_server_still_answers(azure, vision):
    azure.script(slow(0.3, then=success("a foggy street")))

    assert (await vision.describe(beach_jpeg())).caption == "a foggy street"


async def test_an_unreachable_server_is_unavailable_within_the_budget(session):
    async with AzureVisionServer() as gone:
        url, key = gone.url, gone.key
    vision = AzureVision(session, url, key, time_budget=BUDGET)

    kind, elapsed = await failure_of(vision)

    assert kind is VisionProblem.UNAVAILABLE
    assert elapsed < BUDGET + MARGIN


@pytest.mark.parametrize("behaviour", [malformed_json, unexpected_shape])
async def test_a_garbled_answer_is_unavailable_without_retrying(azure, vision, behaviour):
    azure.script(behaviour())

    kind, _ = await failure_of(vision)

    assert kind is VisionProblem.UNAVAILABLE
    assert len(azure.requests) == 1


async def test_a_wrong_key_is_an_auth_error_logged_without_the_key(azure, session, caplog):
    wrong_key = "wrong-key-that-must-never-be-logged"
    vision = AzureVision(session, azure.url, wrong_key, time_budget=BUDGET)

    with caplog.at_level(logging.INFO, logger="bot.reading.vision"):
        kind, _ = await failure_of(vision)

    assert kind is VisionProblem.AUTH
    assert not azure.requests[0].key_ok
    errors = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert errors and "misconfigured" in errors[0].getMessage()
    assert all(wrong_key not in record.getMessage() for record in caplog.records)
    assert wrong_key not in repr(vision)


async def test_a_revoked_key_is_an_auth_error_and_not_retried(azure, vision):
    azure.script(unauthorized(), success("never reached"))

    kind, _ = await failure_of(vision)

    assert kind is VisionProblem.AUTH
    assert len(azure.requests) == 1


async def test_an_empty_40_caption_is_no_caption(azure, vision):
    azure.script(success(""))

    kind, _ = await failure_of(vision)

    assert kind is VisionProblem.NO_CAPTION


async def test_no_32_captions_is_no_caption(azure, vision):
    azure.captions_in_region = False
    azure.script(success(""))

    kind, _ = await failure_of(vision)

    assert kind is VisionProblem.NO_CAPTION
    assert [request.api_version for request in azure.requests] == ["4.0", "3.2"]


async def test_success_is_logged_with_the_api_version(azure, vision, caplog):
    with caplog.at_level(logging.INFO, logger="bot.reading.vision"):
        await vision.describe(beach_jpeg())

    assert any(
        "4.0" in record.getMessage() for record in caplog.records if record.levelno == logging.INFO
    )


def test_as_text_adds_only_tags_the_caption_does_not_already_say():
    description = ImageDescription(
        "two dogs running on a beach",
        ("dog", "beach", "sand", "sunset", "sea", "wave", "sky", "cloud"),
        "4.0",
    )

    assert description.as_text() == "two dogs running on a beach; sand, sunset, sea, wave, sky"
    assert description.as_text(max_tags=2) == "two dogs running on a beach; sand, sunset"


def test_as_text_is_the_bare_caption_when_no_tags_add_anything():
    assert (
        ImageDescription("a dog on a beach", ("dog", "beach"), "3.2").as_text()
        == "a dog on a beach"
    )
