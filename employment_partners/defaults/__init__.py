"""Records the app ships as defaults: created when absent, never overwritten.

Each JSON file here holds the shipped records of one doctype (the follow-up schedules, the
retention workflow, the notifications and email templates, the roles, the kanban board, the staff's module profile, the option lists an agency
edits: industry sectors, placement types, separation reasons). They are
the one source of those records: `ensure_defaults()` (after install and after every migrate)
creates each record the site has never had, and leaves every existing one as the agency keeps
it. A shipped record the agency deleted is not made again: the site remembers what it was given.
`restore_default()` puts one record back as shipped, on request (the "Restore shipped default"
button).

Unlike Frappe fixtures, which `bench migrate` re-imports over the agency's edits, nothing here
writes over a record that exists.
"""

import json
from functools import cache
from pathlib import Path

import frappe
from frappe import _
from frappe.model import no_value_fields, table_fields

FOLDER = Path(__file__).parent
# in the order they are created: what a record links to comes first
FILES = (
	"industry_sector",
	"placement_type",
	"separation_reason",
	"service_category",
	"role",
	"workflow_state",
	"workflow_action_master",
	"workflow",
	"notification",
	"email_template",
	"kanban_board",
	"module_profile",
	"follow_up_schedule",
	"program",
)
# the site's memory of the records it was given (tabDefaultValue, global)
GIVEN_KEY = "employment_partners:shipped_defaults"


@cache
def _load(file: str) -> tuple[dict, ...]:
	return tuple(json.loads((FOLDER / f"{file}.json").read_text()))


def shipped_records() -> list[dict]:
	"""Every shipped record, in creation order (copies: callers may change them)."""
	return [frappe._dict(json.loads(json.dumps(record))) for file in FILES for record in _load(file)]


def shipped(doctype: str, name: str) -> dict | None:
	"""The shipped values of one record, or None when the app ships no such record."""
	for record in shipped_records():
		if (record.doctype, record.name) == (doctype, name):
			return record
	return None


def shipped_names() -> dict[str, list[str]]:
	"""{doctype: [names]} of the shipped records (the desk shows the restore button on them)."""
	names: dict[str, list[str]] = {}
	for file in FILES:  # read only: no copies (this runs on every desk load)
		for record in _load(file):
			names.setdefault(record["doctype"], []).append(record["name"])
	return names


def _key(doctype: str, name: str) -> str:
	return f"{doctype}::{name}"


def _given() -> set[str]:
	return set(json.loads(frappe.db.get_global(GIVEN_KEY) or "[]"))


def ensure_defaults() -> list[tuple[str, str]]:
	"""Create the shipped records this site has never had; returns the (doctype, name) made.

	A record that exists is left as it is (and remembered); one the site was given once and the
	agency deleted since stays deleted."""
	remembered = _given()
	given = set(remembered)
	made = []
	for record in shipped_records():
		key = _key(record.doctype, record.name)
		if frappe.db.exists(record.doctype, record.name):
			given.add(key)
			continue
		if key in given:
			continue
		doc = frappe.get_doc(record)
		doc.flags.ignore_permissions = True
		doc.insert(set_child_names=False)  # shipped rows keep their fixed ids
		given.add(key)
		made.append((record.doctype, record.name))
	if given != remembered:  # a migrate that changes nothing writes nothing
		frappe.db.set_global(GIVEN_KEY, json.dumps(sorted(given)))
	return made


def restore_default(doctype: str, name: str):
	"""Put one record back as shipped: its fields and child rows take the shipped values (child
	rows that carry a fixed name, like the schedules' rows, keep their identity)."""
	record = shipped(doctype, name)
	if not record:
		frappe.throw(
			_("{0} {1} is not a record the app ships").format(_(doctype), name), title=_("Not shipped")
		)
	if not frappe.db.exists(doctype, name):
		doc = frappe.get_doc(record)
		doc.insert(set_child_names=False)
		return doc
	doc = frappe.get_doc(doctype, name)
	doc.check_permission("write")
	fresh = frappe.new_doc(doctype)
	fresh.update(record)
	# every field, so that one the agency filled and the app ships empty is emptied too
	for df in doc.meta.fields:
		if df.fieldtype in no_value_fields and df.fieldtype not in table_fields:
			continue
		value = fresh.get(df.fieldname)
		if df.fieldtype in table_fields:
			value = [_shipped_row(df.options, row) for row in value]
		doc.set(df.fieldname, value)
	doc.save()
	return doc


def _shipped_row(child_doctype: str, row) -> dict:
	"""A shipped child row to put in place: one with a fixed id the table lacks is inserted under
	that id, one the table has is updated; rows without an id are new rows."""
	values = {k: v for k, v in row.as_dict().items() if k not in ("parent", "idx")}
	if values.get("name") and not frappe.db.exists(child_doctype, values["name"]):
		values["__islocal"] = 1
	return values
