"""Cleaning a chosen attachment in memory: images re-encoded without metadata, PDFs checked, never shown.

A file the person chooses is read once, into memory, and never written anywhere but the vault:

* JPEG and PNG images are decoded by Pillow's decoder for that one format only (chosen by the
  file's first bytes, never by its name), with a pixel limit against decompression bombs, turned
  upright by their EXIF orientation, and encoded again from the pixels alone. Nothing else survives:
  no EXIF (camera, time, GPS position), no XMP, no ICC profile, no PNG text chunks, no comments.
  Very large photos are scaled down to :data:`MAX_SIDE` pixels on their longest side.
* PDF files are checked to be PDFs by their structure (header, cross-reference pointer, end marker)
  and carried byte for byte. The app never renders or parses them further: a PDF is the
  municipality's to open, in its own viewer.

  Their document information (``/Info``: author, title, producer, dates) and XMP metadata are kept,
  on purpose, though an image's EXIF is removed. A photo's metadata can say where a child or a family
  was (GPS) and adds nothing; a PDF's does not, and stripping it would cost more than it gives:
  rewriting a PDF (pypdf, in memory) invalidates its digital signatures, so a signed statement from a
  doctor or a school would arrive as an altered document; an update appended instead of a rewrite
  leaves the old ``/Info`` in the file, so it would look clean without being so; the same kind of data
  also sits where such a strip does not reach (annotations' authors, form fields, embedded files,
  per-page XMP); and parsing a hostile PDF fully in the notifier's app adds what a structure check
  avoids (pypdf has had endless-loop and memory-exhaustion bugs). The file travels only inside the
  sealed envelope, to the municipality, which receives the notifier's own name and workplace anyway.

Anything else is refused with an :class:`AttachmentRefused` whose message id the UI translates.
Pure Python (Pillow), no Qt: the wizard runs it on a worker thread.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import warnings
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageOps

from desktop.domain.attachments import MAX_TOTAL_BYTES, clean_name
from desktop.errors import UnderretError

#: Images with more pixels than this are refused before they are decoded (a 48-megapixel photo passes).
MAX_PIXELS = 50_000_000
#: The longest side of a carried image; larger photos are scaled down (enough to read any document).
MAX_SIDE = 4096
JPEG_QUALITY = 88

_PDF_HEADER = re.compile(rb"%PDF-(1\.[0-7]|2\.0)")
_STARTXREF = re.compile(rb"startxref\s+(\d{1,12})\s+%%EOF", re.DOTALL)


class AttachmentRefused(UnderretError):  # noqa: N818 - house style: errors named for what happened
    """A chosen file cannot be attached; ``message_id`` says why (too large, wrong type, damaged...)."""

    message_id = "attachment.unreadable"


@dataclass(frozen=True)
class CleanFile:
    """A sanitised attachment, ready for the vault: its bytes and what the document lists about it."""

    name: str
    media_type: str
    data: bytes
    sha256: str

    @property
    def size(self) -> int:
        return len(self.data)


def read_chosen_file(path: Path, limit: int = MAX_TOTAL_BYTES) -> bytes:
    """Read a file the person chose into memory: at most ``limit`` bytes, else AttachmentRefused.

    Only regular files; the size is checked on the open file before anything is read, and reading
    stops one byte past the limit (a file that grows meanwhile is refused, not truncated). Opened
    without blocking, so a named pipe or a device is refused instead of waiting for ever.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise AttachmentRefused("cannot open", message_id="attachment.unreadable") from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise AttachmentRefused("not a regular file", message_id="attachment.unreadable")
        if info.st_size > limit:
            raise AttachmentRefused("too large", message_id="attachment.too_large")
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as exc:
        raise AttachmentRefused("cannot read", message_id="attachment.unreadable") from exc
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise AttachmentRefused("too large", message_id="attachment.too_large")
    if not data:
        raise AttachmentRefused("empty", message_id="attachment.unreadable")
    return data


def sniff(data: bytes) -> str | None:
    """The media type by the first bytes alone (None for anything but JPEG, PNG and PDF)."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if _PDF_HEADER.search(data[:1024]) is not None:
        return "application/pdf"
    return None


def sanitise(name: str, data: bytes) -> CleanFile:
    """The file as it will be carried: re-encoded image or checked PDF; AttachmentRefused otherwise."""
    media_type = sniff(data)
    if media_type is None:
        raise AttachmentRefused("not a PDF, PNG or JPEG file", message_id="attachment.wrong_type")
    if media_type == "application/pdf":
        check_pdf(data)
        clean = data
    else:
        clean = reencode_image(data, media_type)
    if len(clean) > MAX_TOTAL_BYTES:
        raise AttachmentRefused("too large", message_id="attachment.too_large")
    return CleanFile(clean_name(name), media_type, clean, hashlib.sha256(clean).hexdigest())


def check_pdf(data: bytes) -> None:
    """A PDF's structure: a version header at the start, ``startxref`` pointing inside the file, ``%%EOF``.

    Nothing in the file is interpreted beyond that (no object is parsed, nothing is rendered).
    """
    header = _PDF_HEADER.search(data[:1024])
    tail = data[-2048:]
    pointers = list(_STARTXREF.finditer(tail))
    match = pointers[-1] if pointers else None  # the last one counts (an updated PDF has several)
    if header is None or match is None or not tail.rstrip().endswith(b"%%EOF"):
        raise AttachmentRefused("damaged PDF", message_id="attachment.damaged_pdf")
    if int(match.group(1)) >= len(data):
        raise AttachmentRefused("damaged PDF", message_id="attachment.damaged_pdf")


def reencode_image(data: bytes, media_type: str) -> bytes:
    """Decode with the one matching decoder and encode again from the pixels alone."""
    fmt = "JPEG" if media_type == "image/jpeg" else "PNG"
    try:
        with warnings.catch_warnings():
            # Pillow warns (and at twice its limit refuses) on huge images; both end here as a refusal.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data), formats=[fmt]) as image:
                width, height = image.size
                if width * height > MAX_PIXELS or width < 1 or height < 1:
                    raise AttachmentRefused("too many pixels", message_id="attachment.too_many_pixels")
                image.load()
                upright = ImageOps.exif_transpose(image) or image
                pixels = _plain_pixels(upright, fmt)
    except AttachmentRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise AttachmentRefused("too many pixels", message_id="attachment.too_many_pixels") from exc
    except Exception as exc:  # a hostile or broken file can make a decoder raise anything; it is refused
        raise AttachmentRefused("damaged image", message_id="attachment.damaged_image") from exc
    if max(pixels.size) > MAX_SIDE:
        pixels.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    out = BytesIO()
    if fmt == "JPEG":
        pixels.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    else:
        pixels.save(out, "PNG", compress_level=6)
    return out.getvalue()


def _plain_pixels(image: Image.Image, fmt: str) -> Image.Image:
    """A new image holding only the pixels (no ``info``: Pillow falls back to it for ICC, EXIF, comments)."""
    if fmt == "JPEG":
        mode = image.mode if image.mode in ("L", "RGB") else "RGB"
    else:
        has_alpha = image.mode in ("LA", "RGBA", "PA") or "transparency" in image.info
        kept = ("1", "L", "RGB", "RGBA", "LA")
        mode = image.mode if image.mode in kept else ("RGBA" if has_alpha else "RGB")
        if image.mode == "P" and has_alpha:
            mode = "RGBA"
    converted = image.convert(mode) if image.mode != mode else image
    plain = Image.new(mode, converted.size)
    plain.paste(converted)
    plain.info = {}
    return plain
