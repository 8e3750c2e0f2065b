"""The supervision workflow without Qt: which prompts to offer and the practitioner's own
prompts and favourites (kept in the vault), the case presentation's parts, what to bring to the
next supervision, and the countertransference patterns over time."""
