"""Whitelisted endpoints of the desk, one module per area.

Every endpoint takes typed arguments (Frappe checks the types of whitelisted arguments) and
checks the caller's permission on what it reads or changes before it does so.
"""
