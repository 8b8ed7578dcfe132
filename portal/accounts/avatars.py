"""Avatars are re-drawn from their pixels: resized, and saved without the
metadata (EXIF location, camera) the uploaded file carried.

Decoding is bounded: the size in the file's header is checked before any pixel is
decoded, a JPEG is decoded at the smallest of 1/1, 1/2, 1/4 or 1/8 of its size that
still covers the avatar, and other formats are shrunk by whole factors before the
fine resampling, so the largest accepted picture costs a fraction of a second."""

import io
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_SOURCE_PIXELS = 25_000_000
AVATAR_SIZE = 256
ACCEPTED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
REDUCIBLE_MODES = {"L", "LA", "RGB", "RGBA"}


def avatar_prepare(upload) -> ContentFile:
    """Check that ``upload`` is a picture of reasonable size and return a square
    ``AVATAR_SIZE`` PNG or JPEG of it, stripped of metadata."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The picture is larger than %(size)s MB; choose a smaller one."),
            code="too_large",
            params={"size": MAX_UPLOAD_BYTES // (1024 * 1024)},
        )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            image_format = probe.format
            width, height = probe.size
            probe.verify()
        if image_format not in ACCEPTED_FORMATS:
            raise ValidationError(_("Upload a JPEG, PNG, GIF or WebP picture."), code="format")
        if width * height > MAX_SOURCE_PIXELS:
            raise _too_many_pixels()
        upload.seek(0)
        with Image.open(upload) as source:
            source.seek(0)
            source.draft(None, (AVATAR_SIZE, AVATAR_SIZE))
            source.load()
            # In place: a large picture is not copied for the usual case, no rotation.
            image = ImageOps.exif_transpose(source, in_place=True) or source
    except Image.DecompressionBombError as error:
        # Pillow refuses, at opening, pictures far beyond our own limit.
        raise _too_many_pixels() from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(_("This file is not a picture we can read."), code="invalid") from error
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    target_mode = "RGBA" if has_alpha else "RGB"
    if image.mode not in REDUCIBLE_MODES:
        image = image.convert(target_mode)
    # Shrunk before any conversion, so only the small picture is copied.
    factor = min(image.size) // (2 * AVATAR_SIZE)
    if factor > 1:
        image = image.reduce(factor)
    if image.mode != target_mode:
        image = image.convert(target_mode)
    image = ImageOps.fit(image, (AVATAR_SIZE, AVATAR_SIZE), method=Image.Resampling.LANCZOS)
    output = io.BytesIO()
    if has_alpha:
        image.save(output, format="PNG", optimize=True)
        extension = "png"
    else:
        image.save(output, format="JPEG", quality=85, optimize=True)
        extension = "jpg"
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        _("The picture has more than %(limit)s million pixels; choose a smaller one."),
        code="pixels",
        params={"limit": MAX_SOURCE_PIXELS // 1_000_000},
    )
