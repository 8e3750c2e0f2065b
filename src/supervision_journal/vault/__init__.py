"""The encrypted store. Knows nothing about notes: keys, the SQLCipher connection, migrations."""

from .database import Database
from .vault import Vault

__all__ = ["Database", "Vault"]
