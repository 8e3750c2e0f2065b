"""Backups in the desktop app (issue "Never lose, never leak", design.md §4, security.md §5.5).

- ``page``: the Backups page (back up now, the list with dates, sizes and checks, the folder,
  restore side by side or into place, the "test a restore" reminder);
- ``runner``: backups, checks and restores off the GUI thread;
- ``state``: what the app remembers about backups, stored in the vault;
- ``remembered``: the one thing kept outside the vault (the backup folder's path, so that the
  unlock screen can offer a backup when the vault is damaged);
- ``notices``: the banners of the main window (live vault in a synced folder, a failed
  automatic backup, a restore test due);
- ``unlock_support``: the check at unlock and the offer of a backup when the vault is damaged;
- ``hooks``: what the app controller calls (daily backup, backup on quit, restore into place).
"""
