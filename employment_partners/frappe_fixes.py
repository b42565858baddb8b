"""Fixes to Frappe 15 that the app's security depends on, applied when the app is loaded.

`WORKAROUNDS` (at the end) lists every one with what it fixes, its upstream issue or pull request,
the Frappe versions it applies to and the test that shows it; a fix applies only on those versions.

Field-level read permissions on lists (frappe.model.db_query.DatabaseQuery
.apply_fieldlevel_read_permissions) remove each field the reader may not see by popping it from
the list they are iterating, so the field after a removed one is never checked: asking for
`["participant", "participant_name"]` returned `participant_name` to a reader without level-1
access (an employer reading its placements got the participant's full name; a Business Services
Rep got a financial-coaching session's savings goal).  Re-applying the check until nothing more is
removed closes that; for a query that removes nothing it costs one extra pass over the field list.

The same check judges a child table's column (`` `tabPlacement Retention Bonus`.amount `` in a
list of placements) by the column's own permission level, not by the level of the table field that
holds it, so a table at level 1 (a placement's bonuses, a retention issue's interventions, an
event's invitees) came back, joined, to a reader without level 1.  Such columns are dropped too.
"""

import re

import frappe
import frappe.auth
import frappe.permissions
from frappe.model.db_query import DatabaseQuery
from frappe.utils import typing_validations

_CHILD_COLUMN = re.compile(r"`tab([^`]+)`\s*\.")

_original = DatabaseQuery.apply_fieldlevel_read_permissions


def _apply_fieldlevel_read_permissions(self):
	_drop_unreadable_tables(self)
	if self.as_list:  # as_list blanks fields instead of popping them: nothing is skipped
		return _original(self)
	while True:
		before = list(self.fields)
		_original(self)
		if self.fields == before:
			return


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


# A child row checked on its own (frappe.client.get of a row name) is judged by its parent's role
# permission only: Frappe 15 passes `getattr(row, "parent_doc", row.parent)` on, and a row loaded
# by itself has a parent_doc of None, so the parent record's rules were never asked.  The parent
# record is asked as well.
_original_child_permission = frappe.permissions.has_child_permission


def _has_child_permission(child_doctype, ptype="read", child_doc=None, user=None, *args, **kwargs):
	allowed = _original_child_permission(child_doctype, ptype, child_doc, user, *args, **kwargs)
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


# The query guard (security/query_guard.py): every list query run as a user is checked once
# Frappe has parsed its arguments, before any SQL is built.
_original_parse_args = DatabaseQuery.parse_args


def _parse_args(self):
	_original_parse_args(self)
	from employment_partners.security import query_guard

	query_guard.check(self)


# Failed sign-ins: Frappe 15 tracks them per user *and per client address* and answers a lock with
# SecurityException (HTTP 500), so ten mistyped passwords behind an agency's office router locked
# every colleague out.  Locks are per account here, answered 429 with a message.
_original_login_attempt_tracker = frappe.auth.get_login_attempt_tracker


def _login_attempt_tracker(key: str, raise_locked_exception: bool = True):
	if key and key == getattr(frappe.local, "request_ip", None):
		return None  # LoginManager.authenticate skips a missing tracker (`ip_tracker and ...`)
	try:
		return _original_login_attempt_tracker(key, raise_locked_exception)
	except frappe.SecurityException:
		minutes = max(1, round((frappe.get_system_settings("allow_login_after_fail") or 60) / 60))
		frappe.throw(
			frappe._(
				"Too many failed sign-ins for this account. Try again in {0} minutes, or reset your password."
			).format(minutes),
			frappe.TooManyRequestsError,
			title=frappe._("Sign-in paused"),
		)


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


def _raise_type_error(arg_name: str, arg_type: type, arg_value: object, current_exception=None):
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


# (name, what it fixes, upstream, Frappe versions it applies to (major, minor from/to), test)
WORKAROUNDS = (
	(
		"field-level read skips a field",
		"DatabaseQuery.apply_fieldlevel_read_permissions pops from the list it iterates, so the field after"
		" a hidden one is never checked; a child table at level 1 comes back joined",
		"https://github.com/frappe/frappe/pull/32192 (merged for v16; not in v15)",
		((15, 0), (15, 999)),
		"tests/test_isolation_generated.py",
		(DatabaseQuery, "apply_fieldlevel_read_permissions", _apply_fieldlevel_read_permissions),
	),
	(
		"child row judged without its parent",
		"frappe.permissions.has_child_permission never asks the parent record's rules for a row loaded alone",
		"none found upstream for v15 (searched frappe/frappe issues); the parent_doc is None there",
		((15, 0), (15, 999)),
		"tests/test_isolation_generated.py",
		(frappe.permissions, "has_child_permission", _has_child_permission),
	),
	(
		"list queries filter, sort, group and compute on hidden fields",
		"DatabaseQuery applies filters, or_filters, order_by and group_by on any column and judges a field"
		" expression by its first column only (security/query_guard.py)",
		"https://github.com/frappe/frappe/pull/40515 (order_by/group_by, v16) and"
		" https://github.com/frappe/frappe/pull/37316 (filter fields, v16); filters and expressions in v15: none",
		((15, 0), (15, 999)),
		"tests/test_query_guard.py",
		(DatabaseQuery, "parse_args", _parse_args),
	),
	(
		"sign-in locks per client address",
		"frappe.auth.get_login_attempt_tracker locks a client address after failed sign-ins (everyone behind"
		" one router) and answers a lock with SecurityException (HTTP 500); here locks are per account, 429",
		"none found upstream (searched frappe/frappe issues); the address lock is in v15 auth.py",
		((15, 0), (15, 999)),
		"tests/test_query_guard.py::test_failed_sign_ins_lock_the_account_not_the_office",
		(frappe.auth, "get_login_attempt_tracker", _login_attempt_tracker),
	),
	(
		"a wrong-typed argument is refused without a message",
		"frappe.utils.typing_validations.raise_type_error raises FrappeTypeError bare: with tracebacks hidden"
		" (a production site) the caller gets 417 and no text; here it is a translated message",
		"none found upstream for v15 (searched frappe/frappe issues)",
		((15, 0), (15, 999)),
		"tests/test_fuzz.py",
		(typing_validations, "raise_type_error", _raise_type_error),
	),
)


def frappe_version() -> tuple[int, int]:
	major, minor = (int(part) for part in frappe.__version__.split(".")[:2])
	return major, minor


def apply():
	"""Apply each workaround whose Frappe versions include the running one, once."""
	version = frappe_version()
	for _name, _fixes, _upstream, (first, last), _test, (owner, attribute, fix) in WORKAROUNDS:
		if not first <= version <= last or getattr(
			getattr(owner, attribute), "_employment_partners_fix", False
		):
			continue
		fix._employment_partners_fix = True
		setattr(owner, attribute, fix)


apply()
