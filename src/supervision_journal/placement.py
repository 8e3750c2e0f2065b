"""Is the live vault inside a cloud-sync folder (or on a network share)?

Sync clients (OneDrive, Dropbox, iCloud Drive, Google Drive, Nextcloud, Syncthing…) copy
``journal.db`` and its write-ahead log as separate files, at different moments: the copy, or
the live file when the client writes it back, is a database torn between two states. Network
file systems break SQLite's locking. Backups are single files written atomically, so they may go
to such folders; the live vault should not (security.md §5.2, SQLite "How to corrupt").

The UI shows a banner and the command line a warning; nothing is refused here, because the
user may have reasons (and a false alarm must never lock them out).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

ONEDRIVE_ENV = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
NETWORK_FS = frozenset({"nfs", "nfs4", "cifs", "smb3", "smbfs", "afs", "ceph", "glusterfs",
                        "fuse.sshfs", "fuse.gvfsd-fuse", "fuse.rclone", "davfs", "fuse.davfs"})
_WINDOWS_PATH = re.compile(r"^(?:[A-Za-z]:[\\/]|\\\\)")


@dataclass(frozen=True)
class SyncFolder:
    provider: str  # display name: a product name ("OneDrive"), or "network share"
    root: PurePath  # the synced folder (or mount point) that holds the path
    kind: str  # "cloud" | "network"


def _as_path(path: str | os.PathLike[str]) -> PurePath:
    text = os.fspath(path)
    if os.name != "nt" and _WINDOWS_PATH.match(text):
        return PureWindowsPath(text)  # a Windows path seen from elsewhere (tests, settings)
    return Path(text)


def _fold(part: str) -> str:
    return part.casefold()


def _is_under(path: PurePath, root: PurePath) -> bool:
    if type(path) is not type(root) and not isinstance(path, type(root)):
        return False
    a = [_fold(p) for p in path.parts]
    b = [_fold(p) for p in root.parts]
    return len(b) > 0 and a[:len(b)] == b


# -- names that sync clients give their folders -------------------------------------------

def _provider_of_name(name: str) -> str | None:
    """The provider whose client names a synced folder exactly so (case-insensitive)."""
    n = _fold(name)
    if n == "onedrive" or n.startswith("onedrive - "):  # "OneDrive - Contoso" (business)
        return "OneDrive"
    if n == "dropbox" or (n.startswith("dropbox (") and n.endswith(")")):  # "Dropbox (Team)"
        return "Dropbox"
    if n in ("icloud drive", "iclouddrive", "com~apple~clouddocs"):
        return "iCloud Drive"
    if n in ("my drive", "google drive", "googledrive") or n.startswith("googledrive-"):
        return "Google Drive"
    if n == "nextcloud":
        return "Nextcloud"
    if n == "owncloud":
        return "ownCloud"
    return None


# macOS File Provider folders: ~/Library/CloudStorage/<Provider>-<account>
_CLOUDSTORAGE = {"onedrive": "OneDrive", "dropbox": "Dropbox", "googledrive": "Google Drive",
                 "box": "Box", "pcloud": "pCloud", "nextcloud": "Nextcloud",
                 "owncloud": "ownCloud", "icloud drive": "iCloud Drive"}


def _by_name(path: PurePath, skip: int) -> SyncFolder | None:
    parts = path.parts
    folded = [_fold(p) for p in parts]
    make = type(path)  # a Windows path stays one, wherever this runs
    for i in range(len(parts)):
        # iCloud Drive: ~/Library/Mobile Documents/… (Desktop and Documents sync lives there)
        if folded[i:i + 2] == ["library", "mobile documents"] and len(parts) > i + 1:
            return SyncFolder("iCloud Drive", make(*parts[:i + 2]), "cloud")
        if folded[i:i + 2] == ["library", "cloudstorage"] and len(parts) > i + 2:
            account = folded[i + 2]
            prefix = account.split("-", 1)[0]
            provider = _CLOUDSTORAGE.get(prefix) or _CLOUDSTORAGE.get(account) \
                or parts[i + 2].split("-", 1)[0]
            return SyncFolder(provider, make(*parts[:i + 3]), "cloud")
    for i in range(max(skip, 1), len(parts)):
        provider = _provider_of_name(parts[i])
        if provider is not None:
            return SyncFolder(provider, make(*parts[:i + 1]), "cloud")
    return None


# -- marker files inside synced folders ----------------------------------------------------

def _marker_provider(folder: Path) -> str | None:
    files: set[str] = set()
    dirs: set[str] = set()
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                with contextlib.suppress(OSError):
                    (dirs if entry.is_dir() else files).add(_fold(entry.name))
    except OSError:
        return None
    if ".stfolder" in files | dirs:
        return "Syncthing"
    # The Dropbox root holds a .dropbox *file*; ~/.dropbox (a folder) is only its settings.
    if ".dropbox" in files or ".dropbox.cache" in dirs:
        return "Dropbox"
    if files & {".owncloudsync.log", ".nextcloudsync.log"} or any(
            re.fullmatch(r"\._?sync_[0-9a-f]+\.db", n) for n in files):
        # Both clients use these names; the folder's name tells them apart when it can.
        return "ownCloud" if "owncloud" in _fold(folder.name) else "Nextcloud"
    return None


def _by_markers(path: Path) -> SyncFolder | None:
    for folder in (path, *path.parents):
        if folder.is_dir():
            provider = _marker_provider(folder)
            if provider is not None:
                return SyncFolder(provider, folder, "cloud")
    return None


# -- what the clients themselves say -------------------------------------------------------

def _dropbox_roots(env: Mapping[str, str], home: PurePath) -> list[PurePath]:
    candidates = [Path(str(home)) / ".dropbox" / "info.json"]
    for var in ("APPDATA", "LOCALAPPDATA"):
        if env.get(var):
            candidates.append(Path(env[var]) / "Dropbox" / "info.json")
    roots: list[PurePath] = []
    for info in candidates:
        with contextlib.suppress(OSError, ValueError, AttributeError, TypeError):
            doc = json.loads(info.read_text(encoding="utf-8"))
            for account in doc.values():
                if isinstance(account, dict) and isinstance(account.get("path"), str):
                    roots.append(_as_path(account["path"]))
    return roots


def _by_client_config(path: PurePath, env: Mapping[str, str],
                      home: PurePath) -> SyncFolder | None:
    for var in ONEDRIVE_ENV:
        value = env.get(var)
        if value and _is_under(path, _as_path(value)):
            return SyncFolder("OneDrive", _as_path(value), "cloud")
    for root in _dropbox_roots(env, home):
        if _is_under(path, root):
            return SyncFolder("Dropbox", root, "cloud")
    return None


# -- network file systems ------------------------------------------------------------------

def _unescape(field: str) -> str:
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def parse_mountinfo(text: str) -> list[tuple[str, str]]:
    """(mount point, file system type) pairs from /proc/self/mountinfo."""
    mounts = []
    for line in text.splitlines():
        left, sep, right = line.partition(" - ")
        fields = left.split()
        if not sep or len(fields) < 5 or not right.split():
            continue
        mounts.append((_unescape(fields[4]), right.split()[0]))
    return mounts


def _by_mount(path: PurePath, mounts: Sequence[tuple[str, str]]) -> SyncFolder | None:
    if isinstance(path, PureWindowsPath):
        if str(path).startswith("\\\\"):
            return SyncFolder("network share", PureWindowsPath(path.anchor), "network")
        return None
    best: tuple[str, str] | None = None
    for point, fstype in mounts:
        if _is_under(PurePosixPath(str(path)), PurePosixPath(point)) and (
                best is None or len(point) > len(best[0])):
            best = (point, fstype)
    if best is not None and best[1] in NETWORK_FS:
        return SyncFolder("network share", PurePosixPath(best[0]), "network")
    return None


def _mounts() -> list[tuple[str, str]]:
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as fh:
            return parse_mountinfo(fh.read())
    except OSError:
        return []


# -- entry points --------------------------------------------------------------------------

def find_sync_folder(path: str | os.PathLike[str], *, env: Mapping[str, str] | None = None,
                     home: str | os.PathLike[str] | None = None,
                     mounts: Sequence[tuple[str, str]] | None = None) -> SyncFolder | None:
    """The sync folder or network share holding ``path`` (which need not exist yet), or None.

    Looks, in order, at what the clients say (the OneDrive environment variables, Dropbox's
    info.json), at marker files in the folder and its parents (Syncthing's .stfolder,
    Nextcloud/ownCloud's .sync_*.db and .owncloudsync.log, .dropbox), at the folder names the
    clients use, and at the file system type. Names above the home folder are not considered
    (a user called "dropbox" does not make the whole home folder synced). ``env``, ``home`` and
    ``mounts`` default to this machine's; tests pass their own.
    """
    env = os.environ if env is None else env
    given = _as_path(path)
    home_path = _as_path(home) if home is not None else _as_path(Path.home())
    candidates = [given]
    if isinstance(given, Path):
        with contextlib.suppress(OSError, RuntimeError):
            real = Path(os.path.realpath(given))  # a symlink into a synced folder counts
            if real != given:
                candidates.append(real)
    for candidate in candidates:
        skip = len(home_path.parts) if _is_under(candidate, home_path) else 0
        found = (_by_client_config(candidate, env, home_path)
                 or (_by_markers(candidate) if isinstance(candidate, Path) else None)
                 or _by_name(candidate, skip)
                 or _by_mount(candidate, _mounts() if mounts is None else mounts))
        if found is not None:
            return found
    return None


def cloud_sync_root(path: str | os.PathLike[str]) -> str | None:
    """The display name of the sync service (or "network share") whose folder holds
    ``path``; None for an ordinary local folder."""
    found = find_sync_folder(path)
    return found.provider if found is not None else None
