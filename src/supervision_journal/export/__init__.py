"""Export for supervision: select approved content → anonymise → render → seal → audit."""
