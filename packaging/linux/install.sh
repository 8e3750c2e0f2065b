#!/bin/sh
# Install the desktop integration (desktop file, AppStream metainfo, icons) under PREFIX/share,
# the one step that every Linux install shares (Flatpak manifest, distribution packages, the
# bundle from packaging/build.sh). The program itself is installed separately.
#
#   packaging/linux/install.sh PREFIX        e.g. ~/.local, /usr/local, /app (Flatpak)
#   DESTDIR=/tmp/stage packaging/linux/install.sh /usr     (staged, for packagers)
set -eu
if [ $# -ne 1 ]; then
  echo "usage: $0 PREFIX   (for example ~/.local, /usr/local or /app)" >&2
  exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
icons="$here/../../resources/icons"
app_id=io.github.supervision_journal.SupervisionJournal
share="${DESTDIR:-}$1/share"

install -Dm644 "$here/$app_id.desktop" "$share/applications/$app_id.desktop"
install -Dm644 "$here/$app_id.metainfo.xml" "$share/metainfo/$app_id.metainfo.xml"
install -Dm644 "$icons/$app_id.svg" "$share/icons/hicolor/scalable/apps/$app_id.svg"
for png in "$icons"/*x*/"$app_id.png"; do
  size="$(basename "$(dirname "$png")")"
  install -Dm644 "$png" "$share/icons/hicolor/$size/apps/$app_id.png"
done
echo "Installed the desktop file, metainfo and icons under $share"
