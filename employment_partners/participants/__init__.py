"""Participants: the job seekers an agency serves (sensitive data, never shown to employers).

Status: Active until the exit date is recorded, then Exited.  Suitability indicators and
readiness live in suitability.py.
"""

ACTIVE = "Active"
EXITED = "Exited"
