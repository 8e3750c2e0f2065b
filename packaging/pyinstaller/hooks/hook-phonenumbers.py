"""Replaces pyinstaller-hooks-contrib's hook, which collects every phonenumbers submodule: the
leak guard only uses the matcher, so the geocoder, carrier and time-zone data (about 45 MB)
stay out."""

from PyInstaller.utils.hooks import collect_submodules

UNUSED = ("phonenumbers.geocoder", "phonenumbers.geodata", "phonenumbers.carrier",
          "phonenumbers.carrierdata", "phonenumbers.timezone", "phonenumbers.tzdata")

hiddenimports = collect_submodules(
    "phonenumbers", filter=lambda name: not any(
        name == unused or name.startswith(unused + ".") for unused in UNUSED))
