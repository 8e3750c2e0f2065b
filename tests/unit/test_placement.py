"""T29, the sync-folder guard: a path matrix of vault locations inside the folders of OneDrive,
Dropbox, iCloud Drive, Google Drive, Nextcloud/ownCloud, Syncthing and network shares (all
recognised) and of ordinary locations (none flagged), then the command line's warning."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from supervision_journal import cli, placement
from supervision_journal.placement import find_sync_folder

LINUX_HOME = "/home/ana"
MAC_HOME = "/Users/ana"
WIN_HOME = "C:\\Users\\ana"

# (expected provider, path, home, environment)
BY_NAME_OR_ENV = [
    ("OneDrive", "C:\\Users\\ana\\OneDrive\\Journal\\vault", WIN_HOME, {}),
    ("OneDrive", "C:\\Users\\ana\\OneDrive - Cabinet Dupont\\vault", WIN_HOME, {}),
    ("OneDrive", "D:\\Perso\\Nuage\\journal", WIN_HOME, {"OneDrive": "D:\\Perso\\Nuage"}),
    ("OneDrive", "e:\\work\\JOURNAL", WIN_HOME, {"OneDriveCommercial": "E:\\Work"}),
    ("OneDrive", "/Users/ana/Library/CloudStorage/OneDrive-Personal/vault", MAC_HOME, {}),
    ("OneDrive", "/home/ana/OneDrive/vault", LINUX_HOME, {}),
    ("Dropbox", "/home/ana/Dropbox/vault", LINUX_HOME, {}),
    ("Dropbox", "/home/ana/dropbox/notes/vault", LINUX_HOME, {}),
    ("Dropbox", "/home/ana/Dropbox (Cabinet)/vault", LINUX_HOME, {}),
    ("Dropbox", "C:\\Users\\ana\\Dropbox\\vault", WIN_HOME, {}),
    ("Dropbox", "/Users/ana/Library/CloudStorage/Dropbox/vault", MAC_HOME, {}),
    ("iCloud Drive", "/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/vault",
     MAC_HOME, {}),
    ("iCloud Drive", "/Users/ana/Library/Mobile Documents/iCloud~md~obsidian/Documents/v",
     MAC_HOME, {}),
    ("iCloud Drive", "C:\\Users\\ana\\iCloudDrive\\journal", WIN_HOME, {}),
    ("Google Drive", "G:\\My Drive\\journal", WIN_HOME, {}),
    ("Google Drive", "/Users/ana/Library/CloudStorage/GoogleDrive-ana@example.org/My Drive/v",
     MAC_HOME, {}),
    ("Google Drive", "/Users/ana/Google Drive/vault", MAC_HOME, {}),
    ("Google Drive", "/home/ana/GoogleDrive/vault", LINUX_HOME, {}),
    ("Nextcloud", "/home/ana/Nextcloud/Documents/vault", LINUX_HOME, {}),
    ("Nextcloud", "C:\\Users\\ana\\Nextcloud\\vault", WIN_HOME, {}),
    ("ownCloud", "/home/ana/ownCloud/vault", LINUX_HOME, {}),
    ("Box", "/Users/ana/Library/CloudStorage/Box-Box/vault", MAC_HOME, {}),
    ("network share", "\\\\nas\\home\\ana\\journal", WIN_HOME, {}),
]

ORDINARY = [
    ("/home/ana/.local/share/io.github.supervision_journal.SupervisionJournal/vault",
     LINUX_HOME),
    ("/home/x/Documents/notes", "/home/x"),
    ("/home/ana/Sync/vault", LINUX_HOME),  # Syncthing's default name, but no .stfolder
    ("/home/ana/Projects/dropbox-sdk/vault", LINUX_HOME),
    ("/home/ana/Documents/onedrive-migration-notes/vault", LINUX_HOME),
    ("/home/ana/Documents/My Drives/vault", LINUX_HOME),
    ("/home/dropbox/.local/share/journal/vault", "/home/dropbox"),  # a user called dropbox
    ("/home/onedrive/Documents/vault", "/home/onedrive"),
    ("/srv/box/vault", LINUX_HOME),
    ("/Users/ana/Library/Application Support/Supervision Journal/vault", MAC_HOME),
    ("/Users/ana/Documents/Journal", MAC_HOME),
    ("C:\\Users\\ana\\AppData\\Local\\Supervision Journal\\vault", WIN_HOME),
    ("C:\\Users\\ana\\Documents\\Journal", WIN_HOME),
    ("D:\\Data\\Google\\Takeout\\vault", WIN_HOME),
]

LOCAL_MOUNTS = [("/", "ext4"), ("/home", "ext4"), ("/boot/efi", "vfat")]


def test_path_matrix() -> None:
    missed, false_positives = [], []
    for provider, path, home, env in BY_NAME_OR_ENV:
        found = find_sync_folder(path, env=env, home=home, mounts=LOCAL_MOUNTS)
        if (found is None or found.provider != provider
                or not path.casefold().startswith(str(found.root).casefold())):
            missed.append((path, found))
    for path, home in ORDINARY:
        found = find_sync_folder(path, env={}, home=home, mounts=LOCAL_MOUNTS)
        if found is not None:
            false_positives.append((path, found))
    recognised = len(BY_NAME_OR_ENV) - len(missed)
    print(f"\nsync-folder guard (names and environment): {recognised}/{len(BY_NAME_OR_ENV)} "
          f"recognised with their root, {len(false_positives)} false positives in "
          f"{len(ORDINARY)} ordinary paths")
    assert missed == []
    assert false_positives == []


def _mkdir(path: Path, *markers: str, files: bool = True) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for marker in markers:
        if files:
            (path / marker).write_bytes(b"")
        else:
            (path / marker).mkdir()
    return path


def test_marker_files_and_client_settings(tmp_path: Path) -> None:
    home = tmp_path / "home"
    # Settings folders in the home folder are not sync roots: no false alarm for them.
    _mkdir(home / ".dropbox")
    _mkdir(home / ".config" / "Nextcloud")
    ordinary = home / ".local" / "share" / "journal" / "vault"
    cases = {
        "Syncthing": _mkdir(tmp_path / "Shared", ".stfolder", files=False) / "a" / "vault",
        "Nextcloud": _mkdir(tmp_path / "cloud", ".sync_0123abcdef.db") / "vault",
        "ownCloud": _mkdir(tmp_path / "ownCloud-work", ".owncloudsync.log") / "sub" / "v",
        "Dropbox": _mkdir(tmp_path / "Team files", ".dropbox") / "vault",
    }
    env: dict[str, str] = {}
    for provider, path in cases.items():
        found = find_sync_folder(path, env=env, home=home, mounts=LOCAL_MOUNTS)
        assert found is not None and found.provider == provider, (path, found)
    assert find_sync_folder(ordinary, env=env, home=home, mounts=LOCAL_MOUNTS) is None

    # Dropbox says where its folder is in ~/.dropbox/info.json, whatever its name.
    elsewhere = _mkdir(tmp_path / "Archives 2025")
    (home / ".dropbox" / "info.json").write_text(json.dumps(
        {"personal": {"path": str(elsewhere), "host": 1}}), encoding="utf-8")
    found = find_sync_folder(elsewhere / "vault", env=env, home=home, mounts=LOCAL_MOUNTS)
    assert found is not None and found.provider == "Dropbox"
    assert find_sync_folder(ordinary, env=env, home=home, mounts=LOCAL_MOUNTS) is None

    # A symbolic link into a synced folder counts as the synced folder.
    target = _mkdir(tmp_path / "Dropbox" / "real")
    link = tmp_path / "innocent"
    os.symlink(target, link)
    found = find_sync_folder(link / "vault", env=env, home=home, mounts=LOCAL_MOUNTS)
    assert found is not None and found.provider == "Dropbox"


def test_network_file_systems() -> None:
    mounts = placement.parse_mountinfo(
        "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
        "40 22 0:50 / /mnt/cabinet\\040share rw - cifs //nas/share rw,vers=3.0\n"
        "41 22 0:51 / /home/ana/remote rw - fuse.sshfs ana@host: rw\n"
        "42 22 0:52 / /home/ana/local rw - ext4 /dev/sdb1 rw\n")
    assert ("/mnt/cabinet share", "cifs") in mounts
    for path in ("/mnt/cabinet share/journal/vault", "/home/ana/remote/vault"):
        found = find_sync_folder(path, env={}, home=LINUX_HOME, mounts=mounts)
        assert found is not None and (found.provider, found.kind) == ("network share",
                                                                      "network"), path
    for path in ("/home/ana/local/vault", "/home/ana/.local/share/j/vault", "/mnt/other"):
        assert find_sync_folder(path, env={}, home=LINUX_HOME, mounts=mounts) is None, path


def test_cloud_sync_root_uses_this_machine(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OneDrive", str(tmp_path / "od"))
    assert placement.cloud_sync_root(tmp_path / "od" / "vault") == "OneDrive"
    assert placement.cloud_sync_root(tmp_path / "plain" / "vault") is None


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_init_and_verify_warn_about_a_synced_folder(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    passfile = tmp_path / "pass.txt"
    passfile.write_text("placement test passphrase\n", encoding="utf-8")
    synced = tmp_path / "Dropbox" / "vault"
    local = tmp_path / "local" / "vault"
    for folder, warned in ((synced, True), (local, False)):
        base = ["--vault", str(folder), "--passphrase-file", str(passfile)]
        for command in ("init", "verify"):
            code, _, err = _cli([*base, command], capsys)
            assert code == 0, err
            warnings = [line for line in err.splitlines() if line.startswith("warning: ")]
            if warned:
                assert len(warnings) == 1, err
                assert "synced by Dropbox" in warnings[0]
                assert str(tmp_path / "Dropbox") in warnings[0]
            else:
                assert warnings == [], err
