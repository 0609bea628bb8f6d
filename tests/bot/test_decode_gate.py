"""Large decodes go one at a time and one per user; ordinary photos never wait for them."""

import asyncio
import io

from PIL import Image

from bot.reading.decode_gate import LARGE_DECODE_BYTES, DecodeGate
from bot.reading.photos import decode_cost
from tests.fakes import photos


def large_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (4000, 4000), (10, 120, 200, 255)).save(out, "PNG")
    return out.getvalue()


async def test_ordinary_photos_pass_while_a_large_decode_holds_the_slot_and_large_ones_queue():
    big, small = large_png(), photos.jpeg_photo("beach")
    assert decode_cost(big) > LARGE_DECODE_BYTES >= decode_cost(small)
    gate, entered, release = DecodeGate(), [], asyncio.Event()

    async def decode(user: str, data: bytes, name: str) -> None:
        async with gate.slot(user, data):
            entered.append(name)
            if name == "first large":
                await release.wait()

    first = asyncio.create_task(decode("alice", big, "first large"))
    await asyncio.sleep(0)
    others = [asyncio.create_task(decode("alice", big, "alice's second large")),
              asyncio.create_task(decode("bob", big, "bob's large")),
              asyncio.create_task(decode("bob", small, "bob's ordinary"))]
    await asyncio.wait_for(others[2], 5)
    assert entered == ["first large", "bob's ordinary"], "only the ordinary photo got past the held slot"
    release.set()
    await asyncio.wait_for(asyncio.gather(first, *others), 10)
    assert sorted(entered[2:]) == ["alice's second large", "bob's large"]


def test_a_jpeg_is_never_a_large_decode_however_many_pixels_it_has():
    out = io.BytesIO()
    Image.new("RGB", (8000, 6000), (200, 100, 50)).save(out, "JPEG", quality=60)
    assert decode_cost(out.getvalue()) <= LARGE_DECODE_BYTES, "read at reduced size (draft)"


async def test_a_49_megapixel_transparent_png_gets_songs_not_a_refusal(bot, chat_id):
    from PIL import ImageDraw

    from .test_photo_answers import song_lines

    image = Image.new("RGBA", (7000, 7000), (20, 40, 200, 255))
    ImageDraw.Draw(image).ellipse((1000, 1000, 6000, 6000), fill=(250, 180, 30, 128))
    out = io.BytesIO()
    image.save(out, "PNG")
    del image
    bot.telegram.push_document(chat_id, out.getvalue(), file_name="huge.png", mime_type="image/png")
    answer = await bot.answer_to(chat_id, timeout=120)
    assert len(song_lines(answer)) >= 5, answer["text"]
