"""Avatar decoding is bounded: pictures beyond the pixel limit, decompression bombs
included, are refused from their header with a clear message, and the largest accepted
pictures are decoded at a reduced scale."""

import io
import time
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from PIL.JpegImagePlugin import JpegImageFile

from portal.accounts.avatars import AVATAR_SIZE, MAX_SOURCE_PIXELS, avatar_prepare
from portal.accounts.models import Profile

pytestmark = pytest.mark.django_db

LIMIT_MESSAGE = f"more than {MAX_SOURCE_PIXELS // 1_000_000} million pixels"


def _jpeg(size, mode="RGB"):
    image = Image.new(mode, size, 90)
    image.paste(200, (size[0] // 4, size[1] // 4, size[0] // 2, size[1] // 2))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def _png_bomb(width, height):
    """A one-bit PNG of ``width`` x ``height`` zeros: a few kilobytes that decode to
    width x height pixels; written chunk by chunk so the test never holds the pixels."""

    def chunk(kind, data):
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([1, 0, 0, 0, 0])
    row = b"\x00" * (1 + (width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def _post_avatar(client, user, name, content):
    client.force_login(user)
    upload = SimpleUploadedFile(name, content, content_type="image/png")
    return client.post("/en/account/profile/", {"display_name": "", "avatar": upload})


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("wide.jpg", lambda: _jpeg((6000, 4500), mode="L")),  # 27 MP, just over our limit
        ("bomb.png", lambda: _png_bomb(20_000, 20_000)),  # 400 MP, beyond Pillow's own limit
        ("bomb-under-pillow.png", lambda: _png_bomb(9_000, 9_000)),  # 81 MP, under Pillow's warning
    ],
    ids=["27 MP JPEG", "400 MP PNG bomb", "81 MP PNG bomb"],
)
def test_pictures_beyond_the_pixel_limit_are_refused_at_once(client, registered, name, make):
    content = make()
    assert len(content) < 5 * 1024 * 1024
    started = time.perf_counter()
    response = _post_avatar(client, registered, name, content)
    elapsed = time.perf_counter() - started
    assert response.status_code == 400
    assert LIMIT_MESSAGE in response.content.decode()
    assert not Profile.objects.filter(user=registered).exclude(avatar="").exists()
    # Refused from the header: no pixel was decoded (decoding alone takes seconds).
    assert elapsed < 3


def test_the_largest_accepted_jpeg_is_decoded_at_reduced_scale(monkeypatch):
    decoded = []
    real_load = JpegImageFile.load

    def load(image):
        pixels = real_load(image)
        decoded.append(image.size)
        return pixels

    monkeypatch.setattr(JpegImageFile, "load", load)
    avatar = avatar_prepare(SimpleUploadedFile("big.jpg", _jpeg((5760, 4320))))  # 24.9 MP

    with Image.open(avatar) as result:
        assert result.size == (AVATAR_SIZE, AVATAR_SIZE)
    # The decoder gave an eighth of each side, not every pixel of the 24.9 MP source.
    assert decoded and max(decoded) <= (5760 // 8, 4320 // 8)


def test_the_largest_accepted_png_is_prepared_quickly():
    image = Image.new("RGB", (5000, 5000), (20, 120, 200))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    started = time.perf_counter()
    with Image.open(io.BytesIO(buffer.getvalue())) as decoded:
        decoded.load()
    full_decode = time.perf_counter() - started

    started = time.perf_counter()
    avatar = avatar_prepare(SimpleUploadedFile("big.png", buffer.getvalue()))
    elapsed = time.perf_counter() - started
    with Image.open(avatar) as result:
        assert result.size == (AVATAR_SIZE, AVATAR_SIZE)
        # Saved as JPEG: the colour survives within the compression's error.
        red, green, blue = result.getpixel((10, 10))[:3]
        assert abs(red - 20) + abs(green - 120) + abs(blue - 200) < 10
    # Every pixel of a PNG is decoded once; nothing else costs as much.
    assert elapsed < 3 * full_decode
