"""The hours ledger (activities) and, later, the renewal-rule engine."""
