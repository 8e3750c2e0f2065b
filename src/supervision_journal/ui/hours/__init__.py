"""The Hours page: the ledger of training and supervision activities, the renewal dashboard and
the renewal report (design.md §8)."""
