"""Fixes to Frappe 15 that the app's security depends on, applied when the app is loaded.

Field-level read permissions on lists (frappe.model.db_query.DatabaseQuery
.apply_fieldlevel_read_permissions) remove each field the reader may not see by popping it from
the list they are iterating, so the field after a removed one is never checked: asking for
`["participant", "participant_name"]` returned `participant_name` to a reader without level-1
access (an employer reading its placements got the participant's full name; a Business Services
Rep got a financial-coaching session's savings goal).  Re-applying the check until nothing more is
removed closes that; for a query that removes nothing it costs one extra pass over the field list.
"""

from frappe.model.db_query import DatabaseQuery

_original = DatabaseQuery.apply_fieldlevel_read_permissions


def _apply_fieldlevel_read_permissions(self):
	if self.as_list:  # as_list blanks fields instead of popping them: nothing is skipped
		return _original(self)
	while True:
		before = list(self.fields)
		_original(self)
		if self.fields == before:
			return


if not getattr(DatabaseQuery.apply_fieldlevel_read_permissions, "_employment_partners_fix", False):
	_apply_fieldlevel_read_permissions._employment_partners_fix = True
	DatabaseQuery.apply_fieldlevel_read_permissions = _apply_fieldlevel_read_permissions
