"""Attachments are cleaned in memory: images lose every piece of metadata, PDFs are only checked.

Real files made here with Pillow and reportlab, read back with Pillow.
"""

from __future__ import annotations

import os
import struct
import zlib
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from desktop.documents.sanitise import (
    MAX_SIDE,
    AttachmentRefused,
    check_pdf,
    read_chosen_file,
    sanitise,
    sniff,
)
from desktop.domain.attachments import MAX_TOTAL_BYTES, clean_name, envelope_file_name, format_size
from tests.support.attachments import GPS_IFD, SECRET, a_pdf, jpeg_with_metadata, png_with_metadata


def test_exif_gps_icc_comments_and_xmp_are_gone_from_a_jpeg() -> None:
    original = jpeg_with_metadata()
    with Image.open(BytesIO(original)) as before:
        assert before.getexif().get(0x013B) == SECRET and before.getexif().get_ifd(GPS_IFD)
    clean = sanitise("emma-arm.jpg", original)
    assert clean.media_type == "image/jpeg" and clean.name == "emma-arm.jpg"
    with Image.open(BytesIO(clean.data)) as after:
        assert after.format == "JPEG" and after.size == (64, 48)
        assert not after.getexif()
        for key in ("exif", "icc_profile", "comment", "xmp", "XML:com.adobe.xmp"):
            assert key not in after.info, key
        pixel = after.getpixel((10, 10))
        assert isinstance(pixel, tuple) and pixel[0] > 150  # still the same picture
    assert SECRET.encode() not in clean.data and b"Exif" not in clean.data and b"PhoneMaker" not in clean.data


def test_a_photo_taken_sideways_is_turned_upright_before_its_exif_goes() -> None:
    clean = sanitise("x.jpg", jpeg_with_metadata(64, 48, orientation=6))
    with Image.open(BytesIO(clean.data)) as after:
        assert after.size == (48, 64)


def test_text_chunks_exif_and_icc_are_gone_from_a_png_and_transparency_stays() -> None:
    clean = sanitise("plan.png", png_with_metadata())
    assert clean.media_type == "image/png"
    with Image.open(BytesIO(clean.data)) as after:
        assert after.mode == "RGBA" and after.getpixel((1, 1)) == (0, 120, 0, 128)
        assert not after.getexif()
        assert set(after.info) <= {"dpi", "gamma"}
        assert not getattr(after, "text", {})
    for chunk in (b"tEXt", b"iTXt", b"zTXt", b"eXIf", b"iCCP"):
        assert chunk not in clean.data
    assert SECRET.encode() not in clean.data


def test_a_large_photo_is_scaled_down() -> None:
    out = BytesIO()
    Image.new("L", (MAX_SIDE * 2, 100), 128).save(out, "JPEG")
    with Image.open(BytesIO(sanitise("big.jpg", out.getvalue()).data)) as after:
        assert after.size == (MAX_SIDE, 50)


def test_the_type_comes_from_the_bytes_not_the_name() -> None:
    assert sniff(jpeg_with_metadata()) == "image/jpeg"
    gif = BytesIO()
    Image.new("RGB", (4, 4)).save(gif, "GIF")
    for name, data in (("photo.jpg", gif.getvalue()), ("notes.pdf", b"just some text\n"),
                       ("page.png", b"<html></html>")):
        with pytest.raises(AttachmentRefused) as refused:
            sanitise(name, data)
        assert refused.value.message_id == "attachment.wrong_type"
    # A PDF named .jpg is still a PDF (and is carried as one).
    assert sanitise("scan.jpg", a_pdf()).media_type == "application/pdf"


def test_a_damaged_image_is_refused() -> None:
    whole = jpeg_with_metadata(200, 200)
    for broken in (whole[: len(whole) // 2], whole[:4] + b"\x00" * 200):
        with pytest.raises(AttachmentRefused) as refused:
            sanitise("broken.jpg", broken)
        assert refused.value.message_id == "attachment.damaged_image"


def _png_header_only(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + \
        chunk(b"IEND", b"")


def test_a_decompression_bomb_is_refused_before_it_is_decoded() -> None:
    bomb = _png_header_only(30_000, 30_000)  # 900 megapixels announced in a few bytes
    with pytest.raises(AttachmentRefused) as refused:
        sanitise("bomb.png", bomb)
    assert refused.value.message_id == "attachment.too_many_pixels"


def test_a_pdf_is_checked_and_carried_byte_for_byte() -> None:
    pdf = a_pdf()
    clean = sanitise("fravær.pdf", pdf)
    assert clean.data == pdf and clean.media_type == "application/pdf"
    for damaged in (pdf[: len(pdf) - 200], pdf.replace(b"startxref", b"startxxx")):
        with pytest.raises(AttachmentRefused) as refused:
            check_pdf(damaged)
        assert refused.value.message_id == "attachment.damaged_pdf"


def test_reading_a_chosen_file_stops_at_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    with big.open("wb") as handle:
        handle.truncate(MAX_TOTAL_BYTES + 1)  # sparse: nothing to read, the size alone decides
    with pytest.raises(AttachmentRefused) as refused:
        read_chosen_file(big)
    assert refused.value.message_id == "attachment.too_large"
    fits = tmp_path / "fits.jpg"
    fits.write_bytes(jpeg_with_metadata())
    assert read_chosen_file(fits) == fits.read_bytes()


@pytest.mark.parametrize("make", ["missing", "folder", "empty", "pipe"])
def test_an_unreadable_choice_is_refused(tmp_path: Path, make: str) -> None:
    target = tmp_path / "chosen"
    if make == "folder":
        target.mkdir()
    elif make == "empty":
        target.write_bytes(b"")
    elif make == "pipe":
        os.mkfifo(target)  # nobody writes to it: reading must not wait
    with pytest.raises(AttachmentRefused) as refused:
        read_chosen_file(target)
    assert refused.value.message_id == "attachment.unreadable"


def test_names_in_the_envelope_are_content_free_and_chosen_names_are_tidied() -> None:
    assert envelope_file_name(3, "image/jpeg") == "attachment-3.jpg"
    assert envelope_file_name(1, "application/pdf") == "attachment-1.pdf"
    assert clean_name("C:\\Users\\lærer\\Emma\x07 blå mærke.JPG") == "Emma blå mærke.JPG"
    long = clean_name("a" * 400 + ".pdf")
    assert len(long) == 255 and long.endswith(".pdf")
    assert format_size(2_500_000, "da") == "2,4 MB" and format_size(2_500_000, "en") == "2.4 MB"
    assert format_size(10, "da") == "1 kB"
