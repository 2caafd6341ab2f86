"""Several ``kit serve`` processes on one store behind nginx: registry, entry, rehearsal."""
