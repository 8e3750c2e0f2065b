"""Slow work off the GUI thread (key derivation, vault creation, import): a small "operation"
with success and failure callbacks that always run on the GUI thread.

Worker code never touches widgets. The callbacks are plain callables; if the widget that asked
for the work is gone by the time it finishes, the callback should simply find nothing to do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

_pool: QThreadPool | None = None
# Tasks in flight keep their bridge alive until the GUI thread has run the callback.
_pending: set[Task] = set()


def pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        # Two lanes are plenty: one slow KDF must not starve a second short job.
        _pool.setMaxThreadCount(2)
    return _pool


class _Bridge(QObject):
    """Lives in the GUI thread: the worker emits, Qt queues the call to the GUI thread (the
    slots are methods of a GUI-thread QObject, which is what makes the connection queued)."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task
        self.succeeded.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        task = self._task
        task.finish()
        if task.on_done is not None:
            task.on_done(result)

    @Slot(object)
    def _deliver_error(self, exc: BaseException) -> None:
        task = self._task
        task.finish()
        if task.on_error is not None:
            task.on_error(exc)
        else:
            from .crash import report_exception

            report_exception(type(exc), exc, exc.__traceback__)


class Task(QRunnable):
    """One call of ``fn`` in the pool. Use ``run_in_background`` rather than this class."""

    def __init__(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None] | None) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it (in _pending) until the callback ran.
        self._fn: Callable[[], Any] | None = fn
        self.on_done = on_done
        self.on_error = on_error
        self.done = False
        self._bridge = _Bridge(self)
        app = QCoreApplication.instance()
        if app is not None and self._bridge.thread() is not app.thread():
            self._bridge.moveToThread(app.thread())

    def run(self) -> None:  # worker thread
        fn, self._fn = self._fn, None  # drop captured secrets as early as possible
        assert fn is not None
        try:
            result = fn()
        except BaseException as exc:
            del fn
            self._bridge.failed.emit(exc)
            return
        del fn
        self._bridge.succeeded.emit(result)

    def finish(self) -> None:
        self.done = True
        _pending.discard(self)


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException], None] | None = None) -> Task:
    """Run ``fn()`` in the worker pool; then ``on_done(result)`` or ``on_error(exc)`` on the GUI
    thread. Without ``on_error``, an exception goes to the crash handler (type and frames only).
    """
    task = Task(fn, on_done, on_error)
    _pending.add(task)
    pool().start(task)
    return task


def pending_count() -> int:
    return len(_pending)


def wait_for_all(msecs: int = 30_000) -> bool:
    """Block until the workers are idle (used on quit and by tests); callbacks still need the
    event loop to run."""
    return pool().waitForDone(msecs)
