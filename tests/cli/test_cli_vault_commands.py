"""init, passphrase sources, verify, passwd, recover, rotate-key and the exit-code contract,
driven through a child process as docs/cli.md documents them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import (
    ISSUE_EXAMPLE,
    PASSPHRASE,
    RECOVERY_LINE,
    CliVault,
    assert_error,
    run_cli,
    write_secret,
)

from supervision_journal import __version__

PASS_ENV = "SUPERVISION_JOURNAL_PASSPHRASE"
NEW_ENV = "SUPERVISION_JOURNAL_NEW_PASSPHRASE"
CODE_ENV = "SUPERVISION_JOURNAL_RECOVERY_CODE"


# -- init ---------------------------------------------------------------------------------

def test_init_creates_the_vault_and_prints_the_recovery_code_once(tmp_path: Path) -> None:
    passfile = write_secret(tmp_path, "pass.txt", PASSPHRASE)
    folder = tmp_path / "new" / "vault"
    result = run_cli(["--vault", folder, "--passphrase-file", passfile, "init"])
    assert result.code == 0, result.err
    assert (folder / "journal.db").is_file()
    assert (folder / "journal.keys").is_file()
    codes = RECOVERY_LINE.findall(result.out)
    assert len(codes) == 1
    groups = codes[0].split("-")
    assert len(groups) == 7 and all(len(g) == 5 for g in groups)
    assert "Vault created in" in result.out
    # the code is printed, never stored in the clear
    assert codes[0].encode() not in (folder / "journal.keys").read_bytes()
    assert codes[0].replace("-", "").encode() not in (folder / "journal.keys").read_bytes()


def test_each_init_gets_its_own_recovery_code(make_vault: Callable[..., CliVault]) -> None:
    assert make_vault("a").recovery_code != make_vault("b").recovery_code


def test_init_refuses_an_existing_vault_and_leaves_it_untouched(cli_vault: CliVault) -> None:
    keys_before = (cli_vault.folder / "journal.keys").read_bytes()
    db_before = (cli_vault.folder / "journal.db").read_bytes()
    line = assert_error(cli_vault.run("init"), 1, contains=["already exists"])
    assert "untouched" in line
    assert (cli_vault.folder / "journal.keys").read_bytes() == keys_before
    assert (cli_vault.folder / "journal.db").read_bytes() == db_before


def test_init_with_an_empty_passphrase_is_a_usage_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    assert_error(run_cli(["--vault", tmp_path / "v", "--passphrase-file", empty, "init"]), 2,
                 contains=["empty"])
    assert not (tmp_path / "v" / "journal.keys").exists()


# -- passphrase sources and their precedence ----------------------------------------------

def test_passphrase_from_environment(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    result = run_cli(["--vault", folder, "init"], env={PASS_ENV: "from the environment"})
    assert result.code == 0, result.err
    ok = run_cli(["--vault", folder, "verify"], env={PASS_ENV: "from the environment"})
    assert ok.code == 0, ok.err
    assert_error(run_cli(["--vault", folder, "verify"], env={PASS_ENV: "something else"}), 4)


def test_passphrase_from_stdin(tmp_path: Path) -> None:
    folder = tmp_path / "v"
    result = run_cli(["--vault", folder, "init"], stdin="from stdin\n")
    assert result.code == 0, result.err
    assert RECOVERY_LINE.search(result.out)
    # the first line only, without its line ending (CRLF too)
    ok = run_cli(["--vault", folder, "verify"], stdin="from stdin\r\nignored second line\n")
    assert ok.code == 0, ok.err
    assert_error(run_cli(["--vault", folder, "verify"], stdin="from stdin \n"), 4)


def test_passphrase_file_takes_the_first_line_only(tmp_path: Path) -> None:
    passfile = tmp_path / "p.txt"
    passfile.write_text("première ligne\nseconde\n", encoding="utf-8")
    folder = tmp_path / "v"
    assert run_cli(["--vault", folder, "--passphrase-file", passfile, "init"]).code == 0
    ok = run_cli(["--vault", folder, "verify"], env={PASS_ENV: "première ligne"})
    assert ok.code == 0, ok.err


def test_file_beats_environment_beats_stdin(cli_vault: CliVault, tmp_path: Path) -> None:
    wrong = write_secret(tmp_path, "wrong.txt", "not it")
    folder = cli_vault.folder
    # file right, environment wrong
    assert cli_vault.run("verify", env={PASS_ENV: "not it"}).code == 0
    # file wrong, environment right: the file wins
    assert_error(run_cli(["--vault", folder, "--passphrase-file", wrong, "verify"],
                         env={PASS_ENV: PASSPHRASE}), 4)
    # environment right, stdin wrong: the environment wins
    assert run_cli(["--vault", folder, "verify"], env={PASS_ENV: PASSPHRASE},
                   stdin="not it\n").code == 0
    # environment wrong, stdin right: the environment still wins
    assert_error(run_cli(["--vault", folder, "verify"], env={PASS_ENV: "not it"},
                         stdin=PASSPHRASE + "\n"), 4)
    # nothing but stdin
    assert run_cli(["--vault", folder, "verify"], stdin=PASSPHRASE + "\n").code == 0


def test_unreadable_passphrase_file_is_a_usage_error(cli_vault: CliVault,
                                                     tmp_path: Path) -> None:
    assert_error(run_cli(["--vault", cli_vault.folder, "--passphrase-file",
                          tmp_path / "missing.txt", "verify"]), 2, contains=["cannot read"])


def test_no_passphrase_at_all_is_a_usage_error(cli_vault: CliVault) -> None:
    assert_error(run_cli(["--vault", cli_vault.folder, "verify"], stdin=""), 2,
                 contains=["empty"])


# -- wrong passphrase, missing vault, usage -----------------------------------------------

@pytest.mark.parametrize("command", [["verify"], ["export-data", "-"], ["passwd"],
                                     ["rotate-key"], ["import", str(ISSUE_EXAMPLE)]])
def test_wrong_passphrase_exits_4_for_every_command(cli_vault: CliVault, tmp_path: Path,
                                                    command: list[str]) -> None:
    wrong = write_secret(tmp_path, "wrong.txt", PASSPHRASE + "!")
    result = run_cli(["--vault", cli_vault.folder, "--passphrase-file", wrong, *command],
                     env={NEW_ENV: "never used"})
    line = assert_error(result, 4, contains=["passphrase"])
    assert PASSPHRASE not in line
    assert result.out == ""


@pytest.mark.parametrize("command", [["verify"], ["export-data", "out.json"], ["passwd"],
                                     ["recover"], ["rotate-key"],
                                     ["import", str(ISSUE_EXAMPLE)]])
def test_missing_vault_exits_1_and_says_to_run_init(tmp_path: Path, command: list[str]) -> None:
    # No passphrase is given at all: the missing vault is reported before any prompt.
    result = run_cli(["--vault", tmp_path / "nowhere", *command], cwd=tmp_path)
    assert_error(result, 1, contains=["init", "No vault"])
    assert not (tmp_path / "nowhere").exists()
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize("argv", [["frobnicate"], ["import", "--vault"], ["import"],
                                  ["export-data"], ["passwd", "extra"], ["--no-such-option",
                                                                         "verify"]])
def test_usage_errors_exit_2_with_one_line(tmp_path: Path, argv: list[str]) -> None:
    assert_error(run_cli(argv, cwd=tmp_path), 2, contains=["--help"])


def test_options_only_is_a_usage_error(tmp_path: Path) -> None:
    # "--vault DIR" alone would start the desktop app; through cli.main it is a usage error.
    from supervision_journal import cli

    assert cli.main(["--vault", str(tmp_path)]) == 2


def test_help_and_version(tmp_path: Path) -> None:
    helped = run_cli(["--help"], cwd=tmp_path)
    assert helped.code == 0
    for command in ("init", "import", "export-data", "verify", "passwd", "recover",
                    "rotate-key"):
        assert command in helped.out
    for option in ("--vault", "--passphrase-file"):
        assert option in helped.out
    version = run_cli(["--version"], cwd=tmp_path)
    assert version.code == 0
    assert version.out.strip() == f"supervision-journal {__version__}"
    sub = run_cli(["passwd", "--help"], cwd=tmp_path)
    assert sub.code == 0 and "--new-passphrase-file" in sub.out


def test_vault_option_with_equals_sign(cli_vault: CliVault) -> None:
    result = run_cli([f"--vault={cli_vault.folder}",
                      f"--passphrase-file={cli_vault.passfile}", "verify"])
    assert result.code == 0, result.err


# -- the test-only KDF switch --------------------------------------------------------------

def test_test_kdf_switch_outside_pytest_is_refused(tmp_path: Path) -> None:
    passfile = write_secret(tmp_path, "p.txt", PASSPHRASE)
    result = run_cli(["--vault", tmp_path / "v", "--passphrase-file", passfile, "init"],
                     env={"SUPERVISION_JOURNAL_TEST_KDF": "1"},
                     drop_env=["PYTEST_CURRENT_TEST"])
    assert_error(result, 1, contains=["SUPERVISION_JOURNAL_TEST_KDF", "test-only",
                                      "refuses"])
    assert not (tmp_path / "v").exists()


def test_a_vault_made_with_the_test_kdf_is_refused_without_the_switch(
        cli_vault: CliVault) -> None:
    result = cli_vault.run("verify", drop_env=["SUPERVISION_JOURNAL_TEST_KDF"])
    assert_error(result, 1, contains=["journal.keys"])


# -- verify -------------------------------------------------------------------------------

def test_verify_a_sound_vault(cli_vault: CliVault) -> None:
    assert cli_vault.import_doc(ISSUE_EXAMPLE).code == 0
    result = cli_vault.run("verify")
    assert result.code == 0, result.err
    assert result.err == ""
    # the issue example: 1 client, 1 session, and 2 activities (the training and the one the
    # supervision session created)
    assert result.out.startswith("Vault OK: 1 clients, 1 sessions, 2 activities")


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("where", ["first page", "middle", "last page"])
def test_verify_a_corrupted_database(cli_vault: CliVault, where: str) -> None:
    assert cli_vault.import_doc(ISSUE_EXAMPLE).code == 0
    db = cli_vault.folder / "journal.db"
    size = db.stat().st_size
    assert size >= 8 * 4096
    offset = {"first page": 200, "middle": size // 2 + 100, "last page": size - 300}[where]
    _flip(db, offset)
    result = cli_vault.run("verify")
    line = assert_error(result, 1)
    assert "damaged" in line or "integrity" in line
    assert "Iris" not in result.err + result.out


def test_verify_a_truncated_database(cli_vault: CliVault) -> None:
    db = cli_vault.folder / "journal.db"
    db.write_bytes(db.read_bytes()[: 4096 * 2 + 17])
    assert_error(cli_vault.run("verify"), 1)


def test_wrong_passphrase_and_corrupt_database_are_different_errors(
        cli_vault: CliVault, tmp_path: Path) -> None:
    _flip(cli_vault.folder / "journal.db", 200)
    corrupt = assert_error(cli_vault.run("verify"), 1)
    wrong = write_secret(tmp_path, "wrong.txt", "nope")
    wrong_line = assert_error(run_cli(["--vault", cli_vault.folder, "--passphrase-file", wrong,
                                       "verify"]), 4)
    assert corrupt != wrong_line


def test_missing_database_with_keys_present(cli_vault: CliVault) -> None:
    (cli_vault.folder / "journal.db").unlink()
    assert_error(cli_vault.run("verify"), 1, contains=["journal.db"])


def test_damaged_key_file(cli_vault: CliVault) -> None:
    (cli_vault.folder / "journal.keys").write_text("{not json", encoding="utf-8")
    assert_error(cli_vault.run("verify"), 1, contains=["journal.keys"])


# -- passwd -------------------------------------------------------------------------------

def test_passwd_changes_the_passphrase_and_keeps_the_recovery_code(
        cli_vault: CliVault, tmp_path: Path) -> None:
    assert cli_vault.import_doc(ISSUE_EXAMPLE).code == 0
    before = cli_vault.export_bytes(tmp_path, "before.json")
    db_before = (cli_vault.folder / "journal.db").read_bytes()
    new = write_secret(tmp_path, "new.txt", "nouvelle phrase secrète")
    result = cli_vault.run("passwd", "--new-passphrase-file", new)
    assert result.code == 0, result.err
    assert "recovery code still works" in result.out
    # the database is not rewritten, only the key file
    assert (cli_vault.folder / "journal.db").read_bytes() == db_before
    # old passphrase: exit 4; new one works
    assert_error(cli_vault.run("verify"), 4)
    renewed = CliVault(cli_vault.folder, new, cli_vault.recovery_code)
    assert renewed.export_bytes(tmp_path, "after.json") == before
    # the recovery code from init still opens the vault
    again = write_secret(tmp_path, "again.txt", "third passphrase")
    recovered = run_cli(["--vault", cli_vault.folder, "recover", "--new-passphrase-file",
                         again], env={CODE_ENV: cli_vault.recovery_code})
    assert recovered.code == 0, recovered.err


def test_passwd_new_passphrase_from_environment(cli_vault: CliVault) -> None:
    result = cli_vault.run("passwd", env={NEW_ENV: "from env"})
    assert result.code == 0, result.err
    assert run_cli(["--vault", cli_vault.folder, "verify"], env={PASS_ENV: "from env"}).code == 0


def test_passwd_never_reads_the_new_passphrase_from_stdin(cli_vault: CliVault) -> None:
    keys_before = (cli_vault.folder / "journal.keys").read_bytes()
    result = cli_vault.run("passwd", stdin="a new one\n")
    assert_error(result, 2, contains=[NEW_ENV])
    assert (cli_vault.folder / "journal.keys").read_bytes() == keys_before
    assert cli_vault.run("verify").code == 0


def test_passwd_rejects_an_empty_new_passphrase(cli_vault: CliVault, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert_error(cli_vault.run("passwd", "--new-passphrase-file", empty), 2,
                 contains=["empty"])
    assert cli_vault.run("verify").code == 0


# -- recover ------------------------------------------------------------------------------

@pytest.mark.parametrize("source", ["file", "env", "stdin"])
def test_recover_with_the_code_from_init(cli_vault: CliVault, tmp_path: Path,
                                         source: str) -> None:
    new = write_secret(tmp_path, "new.txt", "after recovery")
    args = ["--vault", cli_vault.folder, "recover", "--new-passphrase-file", new]
    env: dict[str, str] = {}
    stdin = ""
    if source == "file":
        args += ["--recovery-code-file", write_secret(tmp_path, "code.txt",
                                                      cli_vault.recovery_code)]
    elif source == "env":
        env[CODE_ENV] = cli_vault.recovery_code
    else:
        stdin = cli_vault.recovery_code + "\n"
    result = run_cli(args, env=env, stdin=stdin)
    assert result.code == 0, result.err
    assert_error(cli_vault.run("verify"), 4)  # the forgotten passphrase no longer works
    assert run_cli(["--vault", cli_vault.folder, "--passphrase-file", new, "verify"]).code == 0


def test_recover_accepts_lowercase_and_spaces(cli_vault: CliVault, tmp_path: Path) -> None:
    typed = cli_vault.recovery_code.lower().replace("-", " ")
    result = run_cli(["--vault", cli_vault.folder, "recover"],
                     env={CODE_ENV: typed, NEW_ENV: "typed by hand"})
    assert result.code == 0, result.err


def test_recover_with_a_mistyped_code_names_the_group(cli_vault: CliVault) -> None:
    code = cli_vault.recovery_code
    groups = code.split("-")
    first = groups[2][0]
    groups[2] = ("1" if first != "1" else "2") + groups[2][1:]
    result = run_cli(["--vault", cli_vault.folder, "recover"],
                     env={CODE_ENV: "-".join(groups), NEW_ENV: "x"})
    assert_error(result, 4, contains=["Group 3", "typo"])
    assert cli_vault.run("verify").code == 0


def test_recover_with_another_vaults_code(cli_vault: CliVault,
                                          make_vault: Callable[..., CliVault]) -> None:
    other = make_vault("other")
    keys_before = json.loads((cli_vault.folder / "journal.keys").read_bytes())
    result = run_cli(["--vault", cli_vault.folder, "recover"],
                     env={CODE_ENV: other.recovery_code, NEW_ENV: "x"})
    assert_error(result, 4, contains=["recovery code"])
    keys_after = json.loads((cli_vault.folder / "journal.keys").read_bytes())
    assert keys_after["slots"] == keys_before["slots"]


def test_recover_with_a_short_code(cli_vault: CliVault) -> None:
    result = run_cli(["--vault", cli_vault.folder, "recover"],
                     env={CODE_ENV: "ABCDE-FGHJK", NEW_ENV: "x"})
    assert_error(result, 4, contains=["7 groups"])


# -- rotate-key ---------------------------------------------------------------------------

def test_rotate_key_keeps_the_data_and_replaces_the_recovery_code(cli_vault: CliVault,
                                                                  tmp_path: Path) -> None:
    assert cli_vault.import_doc(ISSUE_EXAMPLE).code == 0
    before = cli_vault.export_bytes(tmp_path, "before.json")
    db_before = (cli_vault.folder / "journal.db").read_bytes()
    result = cli_vault.run("rotate-key")
    assert result.code == 0, result.err
    new_code = result.recovery_code()
    assert new_code != cli_vault.recovery_code
    assert "old recovery code no longer works" in result.out
    # every page was re-encrypted
    assert (cli_vault.folder / "journal.db").read_bytes()[:4096] != db_before[:4096]
    assert cli_vault.export_bytes(tmp_path, "after.json") == before
    assert cli_vault.run("verify").code == 0
    old = run_cli(["--vault", cli_vault.folder, "recover"],
                  env={CODE_ENV: cli_vault.recovery_code, NEW_ENV: "x"})
    assert_error(old, 4)
    new = run_cli(["--vault", cli_vault.folder, "recover"],
                  env={CODE_ENV: new_code, NEW_ENV: "after rotation"})
    assert new.code == 0, new.err
    assert run_cli(["--vault", cli_vault.folder, "export-data", tmp_path / "last.json"],
                   env={PASS_ENV: "after rotation"}).code == 0
    assert (tmp_path / "last.json").read_bytes() == before


def test_a_closed_output_pipe_ends_quietly(tmp_path: Path) -> None:
    """`supervision-journal export-data - | head -1` must not print an internal error: the
    output (1 MB, more than a pipe holds) is cut by the reader, which is not our error."""
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "SUPERVISION_JOURNAL_PASSPHRASE": "pipe passphrase"}
    vault = tmp_path / "v"
    base = [sys.executable, "-m", "supervision_journal", "--vault", str(vault)]
    doc = tmp_path / "big.json"
    doc.write_text(json.dumps({
        "format": "supervision-journal", "version": 1, "clients": [{"pseudonym": "Big"}],
        "sessions": [{"client": "Big", "date": "2026-01-02",
                      "sections": {"process": "word " * 200_000}}]}), encoding="utf-8")
    for args in (["init"], ["import", str(doc)]):
        assert subprocess.run([*base, *args], env=env, capture_output=True,
                              timeout=120).returncode == 0
    with subprocess.Popen([*base, "export-data", "-"], env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()  # like `head -1`
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=120) == 0, err
    assert "internal error" not in err
