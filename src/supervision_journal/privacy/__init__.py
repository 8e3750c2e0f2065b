"""Data-protection duties (GDPR): retention of closed clients, erasure (or anonymisation) of one
client, a client's access request, and the record of processing with a privacy notice.

Pure Python, no Qt: functions take a ``Database`` and return frozen dataclasses or documents; the
SQL lives in ``store.py``. Nothing here logs, prints or raises with a pseudonym, an identity term
or note text.
"""
