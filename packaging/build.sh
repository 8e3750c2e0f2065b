#!/usr/bin/env bash
# Build the one-folder desktop bundle: dist/supervision-journal/supervision-journal.
#
#   packaging/build.sh            # with the active virtual environment, else ./.venv
#   PYTHON=/path/to/python packaging/build.sh
#
# The environment must have the app's dependencies (README: pip install . or -e '.[test]');
# PyInstaller is installed into it when missing. Work files go to build/, the bundle to dist/
# (both git-ignored). Prints the bundle's size and the build time at the end.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if [ -n "${PYTHON:-}" ]; then
  python="$PYTHON"
elif [ -n "${VIRTUAL_ENV:-}" ]; then
  python="$VIRTUAL_ENV/bin/python"
elif [ -x .venv/bin/python ]; then
  python=.venv/bin/python
else
  echo "error: no virtual environment: activate one, or create .venv with the README's" \
       "set-up command, or set PYTHON" >&2
  exit 2
fi

if ! "$python" -c "import supervision_journal, PySide6, sqlcipher3, pyrage" 2>/dev/null; then
  echo "error: $python lacks the app or its dependencies: run $python -m pip install ." >&2
  exit 2
fi
if ! "$python" -c "import PyInstaller" 2>/dev/null; then
  echo "Installing PyInstaller into $("$python" -c 'import sys; print(sys.prefix)')"
  "$python" -m pip install --quiet "pyinstaller>=6.10"
fi

start=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$root/dist" --workpath "$root/build" \
  "$root/packaging/pyinstaller/supervision_journal.spec"
seconds=$(( $(date +%s) - start ))

bundle="$root/dist/supervision-journal"
echo "Bundle: $bundle ($(du -sh "$bundle" | cut -f1) unpacked), built in ${seconds}s"
echo "Try it: $bundle/supervision-journal --version"
