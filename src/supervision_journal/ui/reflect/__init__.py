"""Reflection and supervision screens: the reflect panel beside the note, the questions queue,
the supervision log and its preparation, the countertransference patterns chart."""
