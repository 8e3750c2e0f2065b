"""Watch folders for leaks while a run goes on: every file created or written under them is
read as it is written, and any file that ever starts with the plain SQLite header or holds a
canary (``ZQX-`` + 12 hex digits, in UTF-8, UTF-16-LE or UTF-16-BE) is recorded, even if it is
deleted a moment later.

The watching runs in its own process (this file run as a script, standard library only), so
the threads of the run being watched cannot starve it of the GIL and make it late.

Linux: inotify through ctypes, recursive (new folders are watched as they appear). Each new
file is opened as soon as its creation is reported and the descriptor kept until the name goes
away (deleted or renamed), then read one last time: only a file that lives less than the event
latency can escape. Elsewhere: a tight polling loop over the listing.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import json
import os
import re
import select
import struct
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")


class CanaryScanner:
    """Finds canaries in one regex pass per encoding, then checks them against the planted set
    (scanning megabytes for hundreds of needles one by one would be far too slow)."""

    def __init__(self, needles: Iterable[str]) -> None:
        self.needles = set(needles)
        assert all(re.fullmatch(r"ZQX-[0-9a-f]{12}", n) for n in self.needles), "not canaries"
        digit = {"utf-8": b"[0-9a-f]", "utf-16-le": b"[0-9a-f]\\x00",
                 "utf-16-be": b"\\x00[0-9a-f]"}
        self._regexes = [(enc, re.compile(re.escape("ZQX-".encode(enc))
                                          + b"(?:" + digit[enc] + b"){12}"))
                         for enc in ENCODINGS]

    def hits(self, data: bytes) -> set[str]:
        found = set()
        for enc, regex in self._regexes:
            for match in regex.finditer(data):
                text = match.group().decode(enc)
                if text in self.needles:
                    found.add(text)
        return found


@dataclass
class WatchReport:
    files_seen: set[str] = field(default_factory=set)
    reads: int = 0
    plaintext: set[str] = field(default_factory=set)  # started with "SQLite format 3\0"
    canary_hits: set[str] = field(default_factory=set)
    mode: str = ""


class _Watch:
    """The watching itself (in the child process)."""

    IN_MODIFY, IN_CLOSE_WRITE, IN_MOVED_FROM, IN_MOVED_TO = 0x2, 0x8, 0x40, 0x80
    IN_CREATE, IN_DELETE, IN_ISDIR, IN_NONBLOCK = 0x100, 0x200, 0x40000000, 0o4000
    HEADER = struct.Struct("iIII")

    def __init__(self, roots: list[Path], needles: Iterable[str]) -> None:
        self.roots = roots
        self.scanner = CanaryScanner(needles)
        self.report = WatchReport()
        self.last_read: dict[str, float] = {}
        self.fds: dict[str, int] = {}
        self.wds: dict[int, Path] = {}
        self.moved: dict[int, str] = {}  # rename cookie → the name the file had before

    def check(self, key: str, data: bytes) -> None:
        self.report.files_seen.add(key)
        self.report.reads += 1
        if data.startswith(SQLITE_HEADER):
            self.report.plaintext.add(key)
        if self.scanner.hits(data):
            self.report.canary_hits.add(key)

    def inspect(self, path: Path, *, force: bool = False) -> None:
        key = str(path)
        now = time.monotonic()
        # A file written continuously (the live WAL) is re-read at most every 100 ms; a file
        # is always read when it is created, closed, renamed or deleted.
        if not force and now - self.last_read.get(key, 0.0) < 0.1:
            return
        self.last_read[key] = now
        fd = self.fds.get(key)
        try:
            data = (os.pread(fd, os.fstat(fd).st_size, 0) if fd is not None
                    else path.read_bytes())
        except OSError:
            return
        self.check(key, data)

    def hold(self, path: Path) -> None:
        if str(path) not in self.fds:
            with contextlib.suppress(OSError):
                self.fds[str(path)] = os.open(path, os.O_RDONLY)

    def release(self, path: Path) -> None:
        """The name is gone: read what the file held last, then let go of it."""
        if str(path) in self.fds:
            self.inspect(path, force=True)
            os.close(self.fds.pop(str(path)))

    def scan_tree(self, root: Path) -> None:
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                self.inspect(Path(dirpath) / name, force=True)

    # inotify
    def add_watch(self, libc: ctypes.CDLL, fd: int, folder: Path) -> None:
        mask = (self.IN_MODIFY | self.IN_CLOSE_WRITE | self.IN_MOVED_FROM | self.IN_MOVED_TO
                | self.IN_CREATE | self.IN_DELETE)
        wd = libc.inotify_add_watch(fd, os.fsencode(folder), mask)
        if wd >= 0:
            self.wds[wd] = folder

    def event(self, libc: ctypes.CDLL, fd: int, path: Path, mask: int, cookie: int) -> None:
        if mask & self.IN_ISDIR:
            if mask & (self.IN_CREATE | self.IN_MOVED_TO):
                self.add_watch(libc, fd, path)
                self.scan_tree(path)  # files made before the watch existed
            return
        if mask & self.IN_CREATE:
            self.hold(path)
        if mask & self.IN_MOVED_FROM:
            self.moved[cookie] = str(path)
        if mask & (self.IN_DELETE | self.IN_MOVED_FROM):
            self.release(path)
            return
        self.inspect(path, force=bool(mask & (self.IN_CLOSE_WRITE | self.IN_MOVED_TO
                                              | self.IN_CREATE)))
        old = self.moved.pop(cookie, None) if mask & self.IN_MOVED_TO else None
        if old is not None and str(path) in self.report.files_seen:
            # A rename keeps the bytes: what the old name held is what was just read here.
            self.report.files_seen.add(old)
            if str(path) in self.report.plaintext:
                self.report.plaintext.add(old)
            if str(path) in self.report.canary_hits:
                self.report.canary_hits.add(old)

    def run_inotify(self, libc: ctypes.CDLL, control: int) -> None:
        self.report.mode = "inotify"
        fd = libc.inotify_init1(self.IN_NONBLOCK)
        if fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1 failed")
        try:
            for root in self.roots:
                for dirpath, _dirs, _files in os.walk(root):
                    self.add_watch(libc, fd, Path(dirpath))
            print("READY", flush=True)
            stopping = False
            while True:
                try:
                    buf = os.read(fd, 1 << 16)
                except BlockingIOError:
                    if stopping:
                        return
                    ready, _, _ = select.select([fd, control], [], [], 1.0)
                    if control in ready:
                        os.read(control, 64)  # the parent says stop: drain events, then end
                        stopping = True
                    continue
                offset = 0
                while offset < len(buf):
                    wd, mask, cookie, length = self.HEADER.unpack_from(buf, offset)
                    raw = buf[offset + 16: offset + 16 + length].rstrip(b"\0")
                    offset += 16 + length
                    folder = self.wds.get(wd)
                    if folder is not None and raw:
                        self.event(libc, fd, folder / os.fsdecode(raw), mask, cookie)
        finally:
            os.close(fd)
            for key in list(self.fds):
                self.release(Path(key))

    def run_polling(self, control: int) -> None:
        self.report.mode = "polling"
        seen: dict[str, tuple[int, int]] = {}
        print("READY", flush=True)
        while not select.select([control], [], [], 0)[0]:
            for root in self.roots:
                for dirpath, _dirs, files in os.walk(root):
                    for name in files:
                        path = Path(dirpath) / name
                        with contextlib.suppress(OSError):
                            st = path.stat()
                            if seen.get(str(path)) != (st.st_size, st.st_mtime_ns):
                                seen[str(path)] = (st.st_size, st.st_mtime_ns)
                                self.inspect(path, force=True)
            time.sleep(0.001)


def _child(roots: list[str]) -> None:
    needles = json.loads(sys.stdin.readline())
    watch = _Watch([Path(r) for r in roots], needles)
    control = sys.stdin.fileno()
    libc = None
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    if libc is not None and hasattr(libc, "inotify_init1"):
        watch.run_inotify(libc, control)
    else:
        watch.run_polling(control)
    for root in watch.roots:  # and whatever is left at the end
        watch.scan_tree(root)
    r = watch.report
    print(json.dumps({"files_seen": sorted(r.files_seen), "reads": r.reads,
                      "plaintext": sorted(r.plaintext), "canary_hits": sorted(r.canary_hits),
                      "mode": r.mode}), flush=True)


class FileWatcher:
    """``with FileWatcher(roots, canaries) as w: …`` then read ``w.report``."""

    def __init__(self, roots: Iterable[Path], needles: Iterable[str]) -> None:
        self.roots = [str(r) for r in roots]
        self.needles = sorted(needles)
        CanaryScanner(self.needles)  # refuse non-canaries here, not in the child
        self.report = WatchReport()
        self._proc: subprocess.Popen[str] | None = None

    def __enter__(self) -> FileWatcher:
        self._proc = subprocess.Popen([sys.executable, __file__, *self.roots],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(json.dumps(self.needles) + "\n")
        self._proc.stdin.flush()
        assert self._proc.stdout.readline().strip() == "READY", "the file watcher did not start"
        return self

    def __exit__(self, *exc: object) -> None:
        proc = self._proc
        assert proc is not None and proc.stdin is not None and proc.stdout is not None
        proc.stdin.write("STOP\n")
        proc.stdin.close()
        doc = json.loads(proc.stdout.read())
        proc.stdout.close()
        proc.wait(30)
        self.report = WatchReport(set(doc["files_seen"]), doc["reads"], set(doc["plaintext"]),
                                  set(doc["canary_hits"]), doc["mode"])


if __name__ == "__main__":
    _child(sys.argv[1:])
