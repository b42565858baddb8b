"""The replacements for Frappe 15 functions that the app's security depends on.

Nothing here is applied on import: each function below takes the Frappe function it replaces and
returns the replacement, and `employment_partners.workarounds` (the registry: what each fixes, its
upstream issue, the Frappe versions it applies to, its test) applies those whose versions include
the running Frappe.  Taking the replaced function as an argument lets two fixes of one Frappe
function wrap each other, and lets a test take one of them off again (`workarounds.unpatched`).
"""

import re

import frappe

# --- fieldlevel-read-skips-fields -----------------------------------------------------------------
# Field-level read permissions on lists (DatabaseQuery.apply_fieldlevel_read_permissions) remove each
# field the reader may not see by popping it from the list they are iterating, so the field after a
# removed one is never checked: asking for `["participant", "participant_name"]` returned
# `participant_name` to a reader without level-1 access (an employer reading its placements got the
# participant's full name; a Business Services Rep got a financial-coaching session's savings goal).
# Re-applying the check until nothing more is removed closes that; for a query that removes nothing
# it costs one extra pass over the field list.


def recheck_until_nothing_is_removed(original):
	def apply_fieldlevel_read_permissions(self):
		if self.as_list:  # as_list blanks fields instead of popping them: nothing is skipped
			return original(self)
		while True:
			before = list(self.fields)
			original(self)
			if self.fields == before:
				return

	return apply_fieldlevel_read_permissions


# --- level-one-table-columns-listed ---------------------------------------------------------------
# The same check judges a child table's column (`` `tabPlacement Retention Bonus`.amount `` in a
# list of placements) by the column's own permission level, not by the level of the table field that
# holds it, so a table at level 1 (a placement's bonuses, a retention issue's interventions, an
# event's invitees) came back, joined, to a reader without level 1.  Such columns are dropped first.

_CHILD_COLUMN = re.compile(r"`tab([^`]+)`\s*\.")


def drop_columns_of_unreadable_tables(original):
	def apply_fieldlevel_read_permissions(self):
		_drop_unreadable_tables(self)
		return original(self)

	return apply_fieldlevel_read_permissions


def _drop_unreadable_tables(query):
	"""Remove the columns of child tables the reader may not read at their table field's level."""
	if query.flags.ignore_permissions or not isinstance(query.fields, list):
		return
	meta = frappe.get_meta(query.doctype)
	leveled = [df for df in meta.get_table_fields() if df.permlevel]
	if not leveled:
		return
	readable = meta.get_permlevel_access("read", user=query.user)
	hidden = {df.options for df in leveled if df.permlevel not in readable}
	if hidden:
		query.fields = [
			field
			for field in query.fields
			if not (isinstance(field, str) and set(_CHILD_COLUMN.findall(field)) & hidden)
		]


# --- child-row-checked-without-its-parent ---------------------------------------------------------
# A child row checked on its own (frappe.client.get of a row name) is judged by its parent's role
# permission only: Frappe 15 passes `getattr(row, "parent_doc", row.parent)` on, and a row loaded by
# itself has a parent_doc of None, so the parent record's rules were never asked.  The parent record
# is asked as well.


def ask_the_parent_record(original):
	def has_child_permission(child_doctype, ptype="read", child_doc=None, user=None, *args, **kwargs):
		allowed = original(child_doctype, ptype, child_doc, user, *args, **kwargs)
		if not allowed or child_doc is None:
			return allowed
		if isinstance(child_doc, str):
			child_doc = frappe.db.get_value(child_doctype, child_doc, ("parent", "parenttype"), as_dict=True)
		parent, parenttype = (child_doc or {}).get("parent"), (child_doc or {}).get("parenttype")
		if not (parent and parenttype) or getattr(child_doc, "parent_doc", None) is not None:
			return allowed
		# quietly: the refusal is the row's, and must not name the parent record the request did not
		return frappe.permissions.has_permission(
			parenttype, ptype=ptype, doc=parent, user=user, raise_exception=False
		)

	return has_child_permission


# --- list-queries-name-hidden-fields --------------------------------------------------------------
# The query guard (security/query_guard.py): every list query run as a user is checked once Frappe
# has parsed its arguments, before any SQL is built.


def guard_the_query(original):
	def parse_args(self):
		original(self)
		from employment_partners.security import query_guard

		query_guard.check(self)

	return parse_args


# --- sign-in-locks-the-office ---------------------------------------------------------------------
# Failed sign-ins: Frappe 15 tracks them per user *and per client address* and answers a lock with
# SecurityException (HTTP 500), so ten mistyped passwords behind an agency's office router locked
# every colleague out.  Locks are per account here, answered 429 with a message.


def lock_the_account_not_the_address(original):
	def get_login_attempt_tracker(key: str, raise_locked_exception: bool = True):
		if key and key == getattr(frappe.local, "request_ip", None):
			return None  # LoginManager.authenticate skips a missing tracker (`ip_tracker and ...`)
		try:
			return original(key, raise_locked_exception)
		except frappe.SecurityException:
			minutes = max(1, round((frappe.get_system_settings("allow_login_after_fail") or 60) / 60))
			frappe.throw(
				frappe._(
					"Too many failed sign-ins for this account. Try again in {0} minutes, or reset your password."
				).format(minutes),
				frappe.TooManyRequestsError,
				title=frappe._("Sign-in paused"),
			)

	return get_login_attempt_tracker


# --- wrong-type-refused-without-a-message ---------------------------------------------------------
# A whitelisted method called with a value of the wrong type (Frappe checks the type hints) is
# refused with FrappeTypeError raised bare: its text reaches the caller only as a traceback, so a
# production site (tracebacks hidden, install.hide_tracebacks_in_production) answers 417 with no
# message at all.  Here the refusal is a translated message, as frappe.throw gives every other.

_TYPE_WORDS = {
	bool: "true or false",
	int: "a whole number",
	float: "a number",
	str: "text",
	dict: "an object",
	list: "a list",
}


def refuse_with_a_message(original):
	def raise_type_error(arg_name: str, arg_type: type, arg_value: object, current_exception=None):
		from frappe.utils.typing_validations import qualified_name

		wanted = _TYPE_WORDS.get(arg_type)
		frappe.throw(
			frappe._("{0} must be {1}, not {2}").format(
				arg_name,
				frappe._(wanted) if wanted else qualified_name(arg_type),
				frappe._("empty") if arg_value is None else qualified_name(arg_value),
			),
			frappe.FrappeTypeError,
			title=frappe._("Invalid value"),
		)

	return raise_type_error
