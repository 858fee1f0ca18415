"""Profile folders only their owner can open: 0700 folders and 0600 files, or an owner-only ACL on Windows.

A PC is often shared. The vault is encrypted, but ``profile.json`` holds the passphrase-wrapped key:
another user who can copy both can guess the passphrase offline for as long as they like. So every
folder Underret makes for a person's data is private to that person, and every file in it too.

- Linux and macOS: folders 0700, files 0600. Files are created with that mode (never made with the
  default and tightened afterwards, which would leave a moment when others could open them), and
  :func:`tighten` brings folders and files left by an older version (0755/0644) down at start.
- Windows: the profile lives in the user's own ``%LOCALAPPDATA%``, and the folder gets a protected
  DACL granting full control to the user alone (:func:`owner_only_sddl`); files made inside inherit it,
  and :func:`tighten` sets it on files made before. Built on ``advapi32`` through ctypes; the calls are
  checked here against a recorder, and have not been run on Windows by the test suite.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

FOLDER_MODE = 0o700
FILE_MODE = 0o600

# Windows constants (winnt.h / sddl.h).
DACL_SECURITY_INFORMATION = 0x00000004
PROTECTED_DACL_SECURITY_INFORMATION = 0x80000000
SDDL_REVISION_1 = 1
TOKEN_QUERY = 0x0008
TOKEN_USER_CLASS = 1


def owner_only_sddl(user_sid: str, *, folder: bool) -> str:
    """The security descriptor (SDDL) that lets only ``user_sid`` open a file or folder.

    ``D:P`` is a protected DACL: nothing is inherited from the parent (where "Users" may read).
    ``FA`` is full access; on a folder ``OICI`` makes files and sub-folders made later inherit it.
    """
    if not user_sid.startswith("S-1-") or any(c not in "S0123456789-" for c in user_sid):
        raise ValueError("not a SID")
    inherit = "OICI" if folder else ""
    return f"D:P(A;{inherit};FA;;;{user_sid})"


class WindowsAcl:
    """Sets owner-only DACLs through ``advapi32``/``kernel32`` (``ctypes.windll`` on Windows).

    ``advapi32`` and ``kernel32`` are handed in so tests can record the calls (a fake at the
    operating-system boundary, which cannot run here).
    """

    def __init__(self, advapi32: Any = None, kernel32: Any = None, user_sid: str | None = None) -> None:
        if advapi32 is None or kernel32 is None:
            import ctypes

            windll = ctypes.windll  # type: ignore[attr-defined]
            advapi32, kernel32 = advapi32 or windll.advapi32, kernel32 or windll.kernel32
            _declare_security_api(advapi32, kernel32)
        self._advapi32 = advapi32
        self._kernel32 = kernel32
        self._sid = user_sid

    def user_sid(self) -> str:
        """The SID of the user this process runs as (``S-1-5-21-…``)."""
        if self._sid is None:
            self._sid = _current_user_sid(self._advapi32, self._kernel32)
        return self._sid

    def apply(self, path: Path, *, folder: bool) -> None:
        """Give ``path`` the owner-only DACL; OSError when Windows refuses."""
        import ctypes

        descriptor = ctypes.c_void_p()
        sddl = owner_only_sddl(self.user_sid(), folder=folder)
        if not self._advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW(
                sddl, SDDL_REVISION_1, ctypes.byref(descriptor), None):
            raise OSError(f"cannot build the access list for {path.name}")
        try:
            flags = ctypes.c_uint32(DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION)
            if not self._advapi32.SetFileSecurityW(str(path), flags, descriptor):
                raise OSError(f"cannot set the access list of {path.name}")
        finally:
            self._kernel32.LocalFree(descriptor)


def _declare_security_api(advapi32: Any, kernel32: Any) -> None:
    """Argument and result types of the real functions: handles and pointers are 64-bit, and
    PROTECTED_DACL_SECURITY_INFORMATION does not fit a C int (ctypes' default)."""
    import ctypes
    from ctypes import wintypes

    advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW.argtypes = [
        wintypes.LPCWSTR, wintypes.DWORD, ctypes.POINTER(ctypes.c_void_p), ctypes.c_void_p]
    advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW.restype = wintypes.BOOL
    advapi32.SetFileSecurityW.argtypes = [wintypes.LPCWSTR, wintypes.DWORD, ctypes.c_void_p]
    advapi32.SetFileSecurityW.restype = wintypes.BOOL
    advapi32.OpenProcessToken.argtypes = [wintypes.HANDLE, wintypes.DWORD, ctypes.POINTER(wintypes.HANDLE)]
    advapi32.GetTokenInformation.argtypes = [wintypes.HANDLE, ctypes.c_int, ctypes.c_void_p, wintypes.DWORD,
                                             ctypes.POINTER(wintypes.DWORD)]
    advapi32.ConvertSidToStringSidW.argtypes = [ctypes.c_void_p, ctypes.POINTER(wintypes.LPWSTR)]
    kernel32.GetCurrentProcess.restype = wintypes.HANDLE
    kernel32.LocalFree.argtypes = [ctypes.c_void_p]
    kernel32.LocalFree.restype = ctypes.c_void_p
    kernel32.CloseHandle.argtypes = [wintypes.HANDLE]


def _current_user_sid(advapi32: Any, kernel32: Any) -> str:
    import ctypes
    from ctypes import wintypes

    token = wintypes.HANDLE()
    if not advapi32.OpenProcessToken(kernel32.GetCurrentProcess(), TOKEN_QUERY, ctypes.byref(token)):
        raise OSError("cannot read this process's user")
    try:
        needed = wintypes.DWORD()
        advapi32.GetTokenInformation(token, TOKEN_USER_CLASS, None, 0, ctypes.byref(needed))
        buffer = ctypes.create_string_buffer(needed.value)
        if not advapi32.GetTokenInformation(token, TOKEN_USER_CLASS, buffer, needed, ctypes.byref(needed)):
            raise OSError("cannot read this process's user")
        # TOKEN_USER starts with SID_AND_ATTRIBUTES, whose first member is the PSID.
        sid = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_void_p))[0]
        text = wintypes.LPWSTR()
        if not advapi32.ConvertSidToStringSidW(ctypes.c_void_p(sid), ctypes.byref(text)):
            raise OSError("cannot read this process's user")
        try:
            return str(text.value)
        finally:
            kernel32.LocalFree(ctypes.cast(text, ctypes.c_void_p))
    finally:
        kernel32.CloseHandle(token)


_windows_acl: WindowsAcl | None = None


def _acl() -> WindowsAcl:
    global _windows_acl
    if _windows_acl is None:
        _windows_acl = WindowsAcl()
    return _windows_acl


def use_windows_acl(acl: WindowsAcl | None) -> None:
    """Use ``acl`` for the Windows branch (tests hand in one built on recorders); None resets."""
    global _windows_acl
    _windows_acl = acl


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` (and missing parents) private to this user; an existing one is made private too."""
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    _private(folder, folder=True)


def _private(path: Path, *, folder: bool) -> None:
    if os.name == "posix":
        os.chmod(path, FOLDER_MODE if folder else FILE_MODE, follow_symlinks=False)
    elif sys.platform == "win32":
        _acl().apply(path, folder=folder)


def open_private(path: Path, flags: int) -> int:
    """``os.open`` with mode 0600 for a file that may be created (``flags`` includes ``O_CREAT``)."""
    descriptor = os.open(path, flags | getattr(os, "O_NOFOLLOW", 0), FILE_MODE)
    if os.name == "posix":
        try:
            os.fchmod(descriptor, FILE_MODE)  # the umask may have taken bits away, never added: exact now
        except OSError:
            os.close(descriptor)
            raise
    return descriptor


def _too_open(mode: int, *, folder: bool) -> bool:
    allowed = FOLDER_MODE if folder else FILE_MODE
    return stat.S_IMODE(mode) & ~allowed != 0


def exposed(folder: Path, *, contents: bool = True) -> list[str]:
    """What in ``folder`` (itself, and with ``contents`` the files and folders directly in it) others
    may open, as ``name 0644`` texts; empty when all is private. Reads only (``underret doctor``).
    POSIX only: on Windows the ACL is set at every start and not read back here."""
    if os.name != "posix" or not folder.is_dir():
        return []
    found = []
    for path in [folder, *(_entries(folder) if contents else [])]:
        try:
            info = path.lstat()
        except FileNotFoundError:
            continue
        if stat.S_ISLNK(info.st_mode):
            continue
        if _too_open(info.st_mode, folder=stat.S_ISDIR(info.st_mode)):
            name = "(folder)" if path == folder else path.name
            found.append(f"{name} {stat.S_IMODE(info.st_mode):04o}")
    return found


def _entries(folder: Path) -> Iterable[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []


def tighten(folder: Path) -> list[str]:
    """Make ``folder`` and everything directly in it private; return the names that were too open.

    Symbolic links are neither followed nor changed. On Windows every entry gets the owner-only
    ACL (returned names: every entry, as the ACL is not read back).
    """
    changed: list[str] = []
    if not folder.is_dir():
        return changed
    for path in [folder, *_entries(folder)]:
        try:
            info = path.lstat()
        except FileNotFoundError:
            continue
        if stat.S_ISLNK(info.st_mode):
            continue
        is_folder = stat.S_ISDIR(info.st_mode)
        if os.name == "posix" and not _too_open(info.st_mode, folder=is_folder):
            continue
        _private(path, folder=is_folder)
        changed.append("(folder)" if path == folder else path.name)
    return changed


def tighten_folder_only(folder: Path) -> bool:
    """Make ``folder`` itself private (not what is in it); True when it was too open."""
    info = folder.lstat()
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        return False
    if os.name == "posix" and not _too_open(info.st_mode, folder=True):
        return False
    _private(folder, folder=True)
    return True
