"""The Privacy page: the retention reminder and periods, erasing (or anonymising) a client, a
client's access request, and the record of processing with the privacy notice. The work is done
in ``supervision_journal.privacy``; these modules only ask, confirm and show."""
