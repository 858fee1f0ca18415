"""Files a person might attach, made here with Pillow and reportlab: photos full of metadata, a PDF.

Shared by the sanitising unit tests and the wizard's attachment tests.
"""

from __future__ import annotations

from io import BytesIO

from PIL import Image, PngImagePlugin
from reportlab.pdfgen.canvas import Canvas

GPS_IFD = 0x8825
SECRET = "Emma Hansen, Skolevej 12"


def jpeg_with_metadata(width: int = 64, height: int = 48, orientation: int = 1) -> bytes:
    """A JPEG carrying EXIF (camera, owner, GPS position, orientation), an ICC profile, a comment and XMP."""
    image = Image.new("RGB", (width, height), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x013B] = SECRET  # Artist
    exif[0x0112] = orientation
    exif[GPS_IFD] = {1: "N", 2: (55.0, 40.0, 30.0), 3: "E", 4: (12.0, 34.0, 56.0)}
    out = BytesIO()
    icc = b"\x00\x00\x02\x0cICCfake-profile-" + SECRET.encode() + b"\x00" * 64
    image.save(out, "JPEG", exif=exif, icc_profile=icc, comment=SECRET.encode(),
               xmp=f"<x:xmpmeta><dc:creator>{SECRET}</dc:creator></x:xmpmeta>".encode())
    return out.getvalue()


def png_with_metadata() -> bytes:
    image = Image.new("RGBA", (40, 30), (0, 120, 0, 128))
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", SECRET)
    info.add_itxt("Description", SECRET, zip=True)
    info.add_text("Comment", SECRET, zip=True)
    exif = Image.Exif()
    exif[0x013B] = SECRET
    out = BytesIO()
    image.save(out, "PNG", pnginfo=info, exif=exif, icc_profile=b"fake-icc-" + SECRET.encode())
    return out.getvalue()


def a_pdf(text: str = "Fraværsoversigt") -> bytes:
    out = BytesIO()
    canvas = Canvas(out)
    canvas.drawString(72, 720, text)
    canvas.showPage()
    canvas.save()
    return out.getvalue()
