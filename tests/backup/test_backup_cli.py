"""The command line's backup, verify FILE and restore, as docs/cli.md describes them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from backup_support import PASSPHRASE

from supervision_journal import cli, interchange
from supervision_journal.paths import default_backup_dir
from supervision_journal.vault.vault import Vault


@pytest.fixture
def setup(full_vault, tmp_path: Path):
    vault, code, _ = full_vault
    expected = interchange.export_data(vault.db)
    vault.close()
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    (secrets / "pass.txt").write_text(PASSPHRASE + "\n", encoding="utf-8")
    (secrets / "wrong.txt").write_text("not the passphrase\n", encoding="utf-8")
    (secrets / "code.txt").write_text(code + "\n", encoding="utf-8")
    return vault.paths.folder, secrets, expected


def run(capsys: pytest.CaptureFixture[str], folder: Path, secrets: Path, *args: str,
        passfile: str = "pass.txt") -> tuple[int, str, str]:
    code = cli.main(["--vault", str(folder), "--passphrase-file", str(secrets / passfile),
                     *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_backup_verify_restore(setup, tmp_path: Path, capsys) -> None:
    folder, secrets, expected = setup
    code, out, err = run(capsys, folder, secrets, "backup", "--out", str(tmp_path / "b"))
    assert code == 0, err
    path = Path(re.search(r"^Backup written and verified: (.+)$", out, re.M).group(1))
    assert path.parent == tmp_path / "b" and path.is_file()
    assert f"It holds {len(expected['clients'])} clients and {len(expected['sessions'])} " \
           "sessions; 1 backup(s) kept" in out

    code, out, err = run(capsys, folder, secrets, "verify", str(path))
    assert code == 0 and out.startswith("Backup OK: made ") and "it can be restored" in out
    code, out, err = run(capsys, folder, secrets, "verify", str(path), "--recovery-code-file",
                         str(secrets / "code.txt"), passfile="wrong.txt")
    assert code == 0, err

    restored = tmp_path / "restored"
    code, out, err = run(capsys, restored, secrets, "restore", str(path))
    assert code == 0, err
    assert "Restored" in out and "kept in" not in out  # nothing was there to keep
    code, out, err = run(capsys, restored, secrets, "verify")
    assert code == 0 and out.startswith("Vault OK"), err
    with Vault.open(restored, PASSPHRASE) as vault:
        assert interchange.export_data(vault.db) == expected

    code, out, err = run(capsys, folder, secrets, "restore", str(path), "--recovery-code-file",
                         str(secrets / "code.txt"), passfile="wrong.txt")
    assert code == 0, err
    safety = Path(re.search(r"^The files it replaced are kept in (.+)\.$", out, re.M).group(1))
    assert sorted(p.name for p in safety.iterdir()) == ["journal.db", "journal.keys"]


def test_backup_goes_to_the_platform_folder_by_default(setup, capsys) -> None:
    folder, secrets, _ = setup
    code, _out, err = run(capsys, folder, secrets, "backup")
    assert code == 0, err
    assert [p.suffix for p in default_backup_dir().iterdir()] == [".sjbk"]


def test_errors_are_one_line(setup, tmp_path: Path, capsys) -> None:
    folder, secrets, _ = setup
    assert run(capsys, folder, secrets, "backup", "--out", str(tmp_path / "b"))[0] == 0
    path = next((tmp_path / "b").iterdir())

    code, _out, err = run(capsys, folder, secrets, "verify", str(path), passfile="wrong.txt")
    assert code == 4 and err.startswith("error: ") and len(err.splitlines()) == 1, err

    data = bytearray(path.read_bytes())
    data[-100] ^= 0xFF
    path.write_bytes(bytes(data))
    for args in (("verify", str(path)), ("restore", str(path)),
                 ("restore", str(tmp_path / "none.sjbk"))):
        code, _out, err = run(capsys, folder, secrets, *args)
        assert code == 1 and err.startswith("error: ") and len(err.splitlines()) == 1, err
    code, _out, err = run(capsys, folder, secrets, "verify")
    assert code == 0, err  # the refused restores left the vault as it was
