"""A lead image a saved page holds, made safe and small enough to publish.

Only what Pillow decodes as a JPEG, PNG, GIF or WebP picture is published
(a `.png` that is really HTML or SVG is not an image here); its size is
read from its header first, so a decompression bomb is refused before a
pixel is decoded. The picture is turned upright, resized to at most
LEAD_IMAGE_MAX_WIDTH and re-encoded with fixed parameters and no metadata
(no EXIF, no GPS, no ICC profile, no timestamps): the same input gives the
same bytes, named by their hash, so identical images are stored once.
"""
from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from .settings import (IMAGE_NAME_DIGITS, JPEG_QUALITY, LEAD_IMAGE_MAX_WIDTH, MAX_ARTICLE_IMAGE_BYTES,
                       MAX_IMAGE_PIXELS, MAX_SAVED_IMAGE_BYTES)

# The formats a news page's photo comes in; Pillow tries no other decoder.
PICTURE_FORMATS = ("JPEG", "PNG", "GIF", "WEBP")


class ImageRefused(Exception):
    """The saved image is not published; the message says why, in a few words."""


@dataclass(frozen=True)
class PublishedImage:
    data: bytes
    name: str  # <hash>.jpg or <hash>.png
    width: int
    height: int


def _megabytes(size: int) -> str:
    return f"{size / 1048576:.1f} MB"


def _decoded(data: bytes) -> Image.Image:
    """The first frame of the picture, decoded; ImageRefused for anything else."""
    if len(data) > MAX_SAVED_IMAGE_BYTES:
        raise ImageRefused(f"{_megabytes(len(data))}, over the {_megabytes(MAX_SAVED_IMAGE_BYTES)} limit")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            picture = Image.open(io.BytesIO(data), formats=PICTURE_FORMATS)
            width, height = picture.size
            if width * height > MAX_IMAGE_PIXELS:
                raise ImageRefused(f"declares {width} x {height} pixels, over the "
                                   f"{MAX_IMAGE_PIXELS:,} limit (a decompression bomb?)")
            picture.seek(0)
            picture.load()
    except ImageRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRefused("declares too many pixels (a decompression bomb?)") from None
    except UnidentifiedImageError:
        raise ImageRefused("does not decode as an image (JPEG, PNG, GIF or WebP)") from None
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as exc:
        raise ImageRefused(f"cannot be decoded ({type(exc).__name__})") from None
    if width < 1 or height < 1:
        raise ImageRefused("has no pixels")
    return picture


def _has_alpha(picture: Image.Image) -> bool:
    return picture.mode in ("RGBA", "LA", "PA") or (picture.mode == "P" and "transparency" in picture.info)


def publishable(data: bytes) -> PublishedImage:
    """The image re-encoded for the site, or ImageRefused with the reason."""
    picture = _decoded(data)
    try:
        with warnings.catch_warnings():  # a damaged EXIF block is no news: it is dropped anyway
            warnings.simplefilter("ignore", UserWarning)
            picture = ImageOps.exif_transpose(picture)  # the way the camera meant it, then EXIF goes
    except (OSError, SyntaxError, ValueError, KeyError, TypeError):
        pass  # a broken orientation tag: keep the pixels as stored
    alpha = _has_alpha(picture)
    picture = picture.convert("RGBA" if alpha else "RGB")
    if picture.width > LEAD_IMAGE_MAX_WIDTH:
        height = max(1, round(picture.height * LEAD_IMAGE_MAX_WIDTH / picture.width))
        picture = picture.resize((LEAD_IMAGE_MAX_WIDTH, height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if alpha:  # a fresh image: no text chunks, no gamma, no profile
        picture.save(out, format="PNG", optimize=True)
        suffix = ".png"
    else:
        picture.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True, progressive=False,
                     subsampling="4:2:0", exif=b"", icc_profile=None)
        suffix = ".jpg"
    encoded = out.getvalue()
    if len(encoded) > MAX_ARTICLE_IMAGE_BYTES:
        raise ImageRefused(f"{_megabytes(len(encoded))} once resized, over the "
                           f"{_megabytes(MAX_ARTICLE_IMAGE_BYTES)} an article may publish")
    name = hashlib.sha256(encoded).hexdigest()[:IMAGE_NAME_DIGITS] + suffix
    return PublishedImage(encoded, name, picture.width, picture.height)
