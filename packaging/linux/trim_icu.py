"""Build a smaller ICU data library for the Linux bundle (about 31 MB -> about 4 MB).

Qt's ``libQt6Core`` links ICU for collation (``ucol_*``), locale case mapping,
time-zone names (``ucal_*``) and legacy text codecs (``ucnv_*``). The ICU data
library PySide6 ships holds every locale of every ICU service. Underret runs
in Danish and English only, so this keeps the root, Danish and English
locales of the collation and time-zone data, the shared tables ICU needs
(normalisation, time zones, likely subtags, ...) and the small single-byte
codecs, and drops word-break dictionaries, units, currencies, language and
region names, transliteration and rule-based number formats.

The kept items are repacked in ICU's common-data format ("CmnD") and linked
into ``libicudata.so.<major>`` exporting ``icudt<major>_dat``, exactly like the
original. Needs a C compiler driver (``cc``/``gcc``); without one the spec
keeps the original library.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

_LOCALES = re.compile(r"^(root|pool|res_index|da(_[A-Z]{2})?|en|en_001|en_150|en_GB|en_DK"
                      r"|en_US(_POSIX)?)\.res$")
_LOCALE_FILE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")
_DROPPED_TREES = {"brkitr", "unit", "curr", "lang", "region", "translit", "rbnf"}
_MAX_CODEC_BYTES = 64 * 1024


def _keep(name: str, size: int) -> bool:
    parts = name.split("/")
    if len(parts) == 1:
        item = parts[0]
        if item.endswith(".cnv"):
            return size <= _MAX_CODEC_BYTES  # single-byte codecs; the large CJK tables go
        if item == "unames.icu":
            return False  # Unicode character names: nothing in Qt asks for them
        if _LOCALE_FILE.match(item):
            return bool(_LOCALES.match(item))
        return True
    tree, item = parts[0], parts[-1]
    if tree in _DROPPED_TREES or item.endswith("_.res"):
        return False
    if tree in {"coll", "zone"}:
        return bool(_LOCALES.match(item)) or not _LOCALE_FILE.match(item)
    return True


def _read_symbol(lib: Path, major: str) -> bytes:
    """The bytes of ``icudt<major>_dat`` inside the shared library."""
    symbols = subprocess.run(["nm", "-D", "-S", str(lib)], capture_output=True, text=True, check=True).stdout
    match = re.search(rf"^([0-9a-f]+) ([0-9a-f]+) R icudt{major}_dat$", symbols, re.MULTILINE)
    if match is None:
        raise ValueError(f"icudt{major}_dat not found in {lib}")
    address, size = int(match.group(1), 16), int(match.group(2), 16)
    sections = subprocess.run(["readelf", "-S", "-W", str(lib)], capture_output=True, text=True,
                              check=True).stdout
    for line in sections.splitlines():
        fields = line.split("]", 1)[-1].split()
        if len(fields) >= 5 and fields[0].startswith("."):
            start, offset, length = int(fields[2], 16), int(fields[3], 16), int(fields[4], 16)
            if start <= address < start + length:
                with lib.open("rb") as handle:
                    handle.seek(address - start + offset)
                    return handle.read(size)
    raise ValueError(f"no section holds icudt{major}_dat in {lib}")


def repack(data: bytes) -> tuple[bytes, int, int]:
    """Drop unneeded items from an ICU common-data package; returns (package, kept, total)."""
    header_size = struct.unpack_from("<H", data, 0)[0]
    if data[2:4] != b"\xda\x27":
        raise ValueError("not ICU common data")
    if b"CmnD" not in data[:header_size]:
        raise ValueError("not an ICU CmnD package")
    toc = data[header_size:]
    count = struct.unpack_from("<I", toc, 0)[0]
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items: list[tuple[str, bytes]] = []
    for index, (name_offset, data_offset) in enumerate(entries):
        name = toc[name_offset:toc.index(b"\0", name_offset)].decode("ascii")
        end = entries[index + 1][1] if index + 1 < count else len(toc)
        items.append((name, toc[data_offset:end]))
    prefix = items[0][0].split("/", 1)[0] + "/"
    kept = [(name, body) for name, body in items if _keep(name[len(prefix):], len(body))]

    names = b"".join(name.encode("ascii") + b"\0" for name, _ in kept)
    names_start = 4 + 8 * len(kept)
    data_start = (names_start + len(names) + 15) // 16 * 16
    table = bytearray(struct.pack("<I", len(kept)))
    blobs = bytearray()
    name_pos = names_start
    for name, body in kept:
        offset = data_start + len(blobs)
        table += struct.pack("<II", name_pos, offset)
        name_pos += len(name) + 1
        blobs += body
        blobs += b"\0" * (-len(blobs) % 16)
    table += names
    table += b"\0" * (data_start - len(table))
    return bytes(data[:header_size]) + bytes(table) + bytes(blobs), len(kept), len(items)


def trimmed_icudata(original: Path, workdir: Path) -> Path | None:
    """A trimmed copy of ``libicudata.so.<major>`` in ``workdir``, or ``None`` if it cannot be built."""
    match = re.match(r"libicudata\.so\.(\d+)", original.name)
    compiler = shutil.which("cc") or shutil.which("gcc")
    if match is None or compiler is None or shutil.which("nm") is None or shutil.which("readelf") is None:
        return None
    major = match.group(1)
    package, kept, total = repack(_read_symbol(original, major))
    workdir.mkdir(parents=True, exist_ok=True)
    blob = workdir / f"icudt{major}l.dat"
    blob.write_bytes(package)
    source = workdir / "icudata.S"
    source.write_text(
        '\t.section .rodata\n'
        f'\t.globl icudt{major}_dat\n'
        f'\t.type icudt{major}_dat, @object\n'
        '\t.balign 16\n'
        f'icudt{major}_dat:\n'
        f'\t.incbin "{blob}"\n'
        f'\t.size icudt{major}_dat, .-icudt{major}_dat\n'
        '\t.section .note.GNU-stack,"",@progbits\n',
        encoding="ascii",
    )
    target = workdir / original.name
    subprocess.run([compiler, "-shared", "-nostdlib", f"-Wl,-soname,{original.name}", "-o", str(target),
                    str(source)], check=True)
    print(f"trim_icu: kept {kept} of {total} ICU data items: "
          f"{original.stat().st_size / 2**20:.1f} MiB -> {target.stat().st_size / 2**20:.1f} MiB")
    return target
