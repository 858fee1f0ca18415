"""Point wheels' private copies of system libraries at the system's own (Linux bundle, about 9 MB less).

Two wheels bring a private copy (auditwheel-renamed, e.g. ``libcrypto-0dcfa43e.so.3``) of a library
the bundle already takes from the distribution:

- ``sqlcipher3-binary``: OpenSSL's libcrypto (6.5 MB). Its ``_sqlite3`` uses only symbols of version
  ``OPENSSL_3.0.0``, which every OpenSSL 3 provides; Python's ``_ssl``/``_hashlib`` and Qt's TLS
  backend already load the system's ``libcrypto.so.3`` (the .deb depends on libssl3), and security
  fixes then arrive with apt.
- Pillow: libxcb and libXau (2.3 MB, nearly all of it page-alignment padding), only for
  ``ImageGrab`` on X11, which Underret never calls. The system's ``libxcb.so.1`` is the one Qt's xcb
  platform loads anyway (the .deb depends on libxcb1).

The dependent extension's ``DT_NEEDED`` name (and its version-needs file name, the same string) is
rewritten in place in a copy: the system name is shorter, so it fits, padded with NUL bytes. No tool
(patchelf) is needed; :func:`replace_needed` refuses anything it does not fully understand.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

# private library (as auditwheel names it) -> the system library that replaces it
PRIVATE_TO_SYSTEM = {
    re.compile(r"^libcrypto-[0-9a-f]{8}\.so\.3$"): "libcrypto.so.3",
    re.compile(r"^libxcb-[0-9a-f]{8}\.so\.1\.1\.0$"): "libxcb.so.1",
}
# private libraries no longer needed once their only user loads the system's library instead
DROPPED_WITH = {
    "libxcb.so.1": re.compile(r"^libXau-[0-9a-f]{8}\.so\.6\.0\.0$"),  # libxcb's own dependency
}

_PT_LOAD, _PT_DYNAMIC = 1, 2
_DT_NULL, _DT_NEEDED, _DT_STRTAB, _DT_STRSZ = 0, 1, 5, 10
_DT_SONAME, _DT_RPATH, _DT_RUNPATH = 14, 15, 29
_DT_VERNEED, _DT_VERNEEDNUM = 0x6FFFFFFE, 0x6FFFFFFF


class ElfError(ValueError):
    """The file is not a 64-bit little-endian ELF object this module can edit safely."""


def _offset_of(loads: list[tuple[int, int, int]], address: int) -> int:
    for offset, vaddr, filesz in loads:
        if vaddr <= address < vaddr + filesz:
            return offset + address - vaddr
    raise ElfError(f"address {address:#x} is in no loaded segment")


def needed(data: bytes) -> list[str]:
    """The ``DT_NEEDED`` names of an ELF object."""
    strtab, _, entries = _dynamic(data)
    return [_string(data, strtab + value) for tag, value in entries if tag == _DT_NEEDED]


def _string(data: bytes, offset: int) -> str:
    return data[offset:data.index(b"\0", offset)].decode("ascii")


def _dynamic(data: bytes) -> tuple[int, int, list[tuple[int, int]]]:
    """(file offset of the dynamic string table, its size, the dynamic entries)."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ElfError("not a 64-bit little-endian ELF file")
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    loads: list[tuple[int, int, int]] = []
    dynamic: tuple[int, int] | None = None
    for index in range(phnum):
        header = struct.unpack_from("<IIQQQQQQ", data, phoff + index * phentsize)
        kind, offset, vaddr, filesz = header[0], header[2], header[3], header[5]
        if kind == _PT_LOAD:
            loads.append((offset, vaddr, filesz))
        elif kind == _PT_DYNAMIC:
            dynamic = (offset, filesz)
    if dynamic is None:
        raise ElfError("no dynamic section")
    entries: list[tuple[int, int]] = []
    for position in range(dynamic[0], dynamic[0] + dynamic[1], 16):
        tag, value = struct.unpack_from("<qQ", data, position)
        if tag == _DT_NULL:
            break
        entries.append((tag, value))
    values = dict(entries)
    if _DT_STRTAB not in values or _DT_STRSZ not in values:
        raise ElfError("no dynamic string table")
    strtab = _offset_of(loads, values[_DT_STRTAB])
    if _DT_VERNEED in values:  # version needs name their library by a string offset too
        position = _offset_of(loads, values[_DT_VERNEED])
        for _ in range(values.get(_DT_VERNEEDNUM, 0)):
            _, _, vn_file, _, vn_next = struct.unpack_from("<HHIII", data, position)
            entries.append((-1, vn_file))  # -1: a version-need file name, checked like DT_NEEDED
            if vn_next == 0:
                break
            position += vn_next
    return strtab, values[_DT_STRSZ], entries


def replace_needed(data: bytes, old: str, new: str) -> bytes:
    """``data`` with the needed library ``old`` renamed ``new`` (in place in the string table)."""
    if len(new) > len(old):
        raise ElfError(f"{new} is longer than {old}: it does not fit in place")
    strtab, strsz, entries = _dynamic(data)
    names = (_DT_NEEDED, _DT_SONAME, _DT_RPATH, _DT_RUNPATH, -1)
    starts = {value for tag, value in entries if tag in names}
    targets = {value for value in starts if _string(data, strtab + value) == old}
    if not any(tag == _DT_NEEDED and value in targets for tag, value in entries):
        raise ElfError(f"{old} is not a needed library")
    for start in targets:
        # The linker may share a string's tail with another name (suffix merging): refuse then.
        if any(start < other < start + len(old) for other in starts) or start + len(old) >= strsz:
            raise ElfError(f"the string {old} is shared with another name")
    edited = bytearray(data)
    for start in targets:
        at = strtab + start
        edited[at:at + len(old)] = new.encode("ascii") + b"\0" * (len(old) - len(new))
    return bytes(edited)


def use_system_libs(binaries: list[tuple[str, str, str]], workdir: Path) -> list[tuple[str, str, str]]:
    """PyInstaller's binaries with private copies of system libraries dropped, their users patched.

    Entries are (destination in the bundle, source file, type code). A patched user is written to
    ``workdir`` and its entry points there. Stops the build if a kept binary still needs a dropped
    library.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    patched_entries: list[tuple[str, str, str]] = []
    dropped: list[re.Pattern[str]] = []
    for dest, src, kind in binaries:
        path = Path(src)
        if kind in ("BINARY", "EXTENSION") and not path.is_symlink() and path.is_file():
            data = path.read_bytes()
            try:
                libraries = needed(data)
            except ElfError:
                libraries = []
            changed = False
            for library in libraries:
                for private, system in PRIVATE_TO_SYSTEM.items():
                    if private.match(library):
                        data = replace_needed(data, library, system)
                        changed = True
                        dropped.append(re.compile(re.escape(library) + "$"))
                        if system in DROPPED_WITH:
                            dropped.append(DROPPED_WITH[system])
            if changed:
                patched = workdir / Path(dest).name
                patched.write_bytes(data)
                patched.chmod(0o755)
                src = str(patched)
        patched_entries.append((dest, src, kind))

    def is_dropped(name: str) -> bool:
        return any(pattern.match(name) for pattern in dropped)

    kept = [entry for entry in patched_entries if not is_dropped(Path(entry[0]).name)]
    for dest, src, kind in kept:
        if kind in ("BINARY", "EXTENSION") and not Path(src).is_symlink() and Path(src).is_file():
            try:
                still = [name for name in needed(Path(src).read_bytes()) if is_dropped(name)]
            except ElfError:
                still = []
            if still:  # it would fail to load
                raise SystemExit(f"underret.spec: {dest} still needs {', '.join(still)}")
    print("underret.spec: private libraries replaced by the system's:",
          " ".join(sorted(Path(d).name for d, _, _ in patched_entries if is_dropped(Path(d).name))) or "none")
    return kept
