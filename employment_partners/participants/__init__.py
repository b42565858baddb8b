"""Participants: the job seekers an agency serves (sensitive data, never shown to employers)."""
